//! Writes that cannot leak or tear: AMBER builds stopped at every kind of step of the
//! write (as `kill -9` would) or failed there (as a full disk would), each followed by a
//! CLEAR build into the same folder; and the output guard on real paths.

use crate::common::{Site, snapshot_dir};
use briefing::model::Tlp;
use briefing::write::{MANIFEST, Observer, Step};
use briefing::{BuildError, BuildOptions};
use std::collections::BTreeMap;
use std::io;
use std::path::Path;
use std::process::Command;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// In every AMBER item: its id, title and words.
const CANARY: &str = "cnry-amber-words";

/// Set (by the crash tests, for the copy of this test binary they start) to
/// "root\noutput\nstep": the build to run and the step to stop the process at.
const CHILD: &str = "BRIEFING_TEST_WRITE_CHILD";

/// The exit code of a child stopped at its step.
const STOPPED: i32 = 86;

/// The minimal site with `n` AMBER statements carrying the canary.
fn amber_site(n: usize) -> Site {
    let site = Site::minimal();
    for i in 0..n {
        site.write(
            &format!("content/statements/{CANARY}-{i}.md"),
            format!(
                "---\ntitle: Said {CANARY} {i}\nspeaker: rustem-umerov\ndate: 2026-01-0{}\n\
                 tlp: amber\n---\nThe {CANARY} body {i}.\n",
                1 + i % 3
            ),
        );
    }
    site
}

fn options(out: &Path, audience: &str) -> BuildOptions {
    let mut opts = BuildOptions::new(out);
    opts.audience = Some(Tlp::parse(audience).unwrap());
    opts
}

/// A complete build of `site` for `audience` in a folder of its own.
fn reference(site: &Site, audience: &str) -> BTreeMap<String, Vec<u8>> {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    briefing::build(site.root(), &options(&out, audience)).unwrap();
    snapshot_dir(&out)
}

/// Records the name of every step.
#[derive(Default)]
struct Recorder(Mutex<Vec<&'static str>>);

impl Observer for Recorder {
    fn step(&self, step: Step<'_>) -> io::Result<()> {
        self.0.lock().unwrap().push(step.name());
        Ok(())
    }
}

/// Stops the process at the `n`th step, as `kill -9` would (nothing cleaned up).
struct StopAt(usize, AtomicUsize);

impl Observer for StopAt {
    fn step(&self, _: Step<'_>) -> io::Result<()> {
        if self.1.fetch_add(1, Ordering::SeqCst) == self.0 {
            std::process::exit(STOPPED);
        }
        Ok(())
    }
}

/// Fails the `n`th step of the kind `name` with "no space left on device".
struct DiskFullAt(&'static str, usize, AtomicUsize);

impl Observer for DiskFullAt {
    fn step(&self, step: Step<'_>) -> io::Result<()> {
        if step.name() == self.0 && self.2.fetch_add(1, Ordering::SeqCst) == self.1 {
            return Err(io::Error::from(io::ErrorKind::StorageFull));
        }
        Ok(())
    }
}

/// Not a test of its own: the build the crash tests run in a child process and stop.
#[test]
fn child_build_stopped_at_a_step() {
    let Ok(spec) = std::env::var(CHILD) else {
        return;
    };
    let mut parts = spec.split('\n');
    let (root, out, at) = (
        parts.next().unwrap(),
        parts.next().unwrap(),
        parts.next().unwrap().parse().unwrap(),
    );
    let stop = StopAt(at, AtomicUsize::new(0));
    let r = briefing::build_observed(Path::new(root), &options(Path::new(out), "amber"), &stop);
    std::process::exit(if r.is_ok() { 0 } else { 1 });
}

/// Runs the AMBER build of `site` into `out` in a child process stopped at step `at`.
fn amber_build_stopped_at(site: &Site, out: &Path, at: usize) {
    let status = Command::new(std::env::current_exe().unwrap())
        .args([
            "writes::child_build_stopped_at_a_step",
            "--exact",
            "--test-threads=1",
        ])
        .env(
            CHILD,
            format!("{}\n{}\n{at}", site.root().display(), out.display()),
        )
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert_eq!(
        status.code(),
        Some(STOPPED),
        "the child was not stopped at {at}"
    );
}

/// `parent` holds nothing but the output folder `out`, which holds exactly its manifest's
/// files, none of them with a byte of AMBER.
fn assert_clean(parent: &Path, out: &Path, context: &str) {
    let names: Vec<_> = std::fs::read_dir(parent)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        names,
        [out.file_name().unwrap()],
        "{context}: debris beside the output"
    );
    let files = snapshot_dir(out);
    let manifest = String::from_utf8(files[MANIFEST].clone()).unwrap();
    let listed: Vec<&str> = manifest.lines().collect();
    let held: Vec<&str> = files
        .keys()
        .map(String::as_str)
        .filter(|p| *p != MANIFEST)
        .collect();
    assert_eq!(listed, held, "{context}: manifest and files differ");
    for (path, bytes) in &files {
        assert!(!path.contains(CANARY), "{context}: AMBER file {path}");
        assert!(
            !String::from_utf8_lossy(bytes).contains(CANARY),
            "{context}: AMBER words in {path}"
        );
    }
}

/// Indexes of `n` steps spread evenly over those of the kinds `names`.
fn spread(steps: &[&str], names: &[&str], n: usize) -> Vec<usize> {
    let of: Vec<usize> = (0..steps.len())
        .filter(|&i| names.contains(&steps[i]))
        .collect();
    if of.len() <= n {
        return of;
    }
    (0..n).map(|k| of[k * (of.len() - 1) / (n - 1)]).collect()
}

#[test]
fn an_amber_build_stopped_at_any_step_leaves_nothing_to_a_clear_build() {
    let site = amber_site(4);
    let (clear, amber) = (reference(&site, "clear"), reference(&site, "amber"));
    assert!(
        amber.keys().any(|p| p.contains(CANARY)),
        "the AMBER build shows the canary"
    );
    let mut stops = 0;
    // Into a missing folder, then over a CLEAR build (where the previous output is
    // linked, switched away and removed).
    for over_clear in [false, true] {
        let work = tempfile::tempdir().unwrap();
        let out = work.path().join("out");
        if over_clear {
            briefing::build(site.root(), &options(&out, "clear")).unwrap();
        }
        let rec = Recorder::default();
        briefing::build_observed(site.root(), &options(&out, "amber"), &rec).unwrap();
        let steps = rec.0.into_inner().unwrap();
        let mut points = spread(
            &steps,
            &["begin", "manifest", "switch", "retire", "finish"],
            5,
        );
        points.extend(spread(
            &steps,
            &["write", "link"],
            if over_clear { 8 } else { 10 },
        ));
        points.extend(spread(&steps, &["remove"], 6));
        points.sort();
        points.dedup();
        for at in points {
            // The folder as the stopped build found it.
            std::fs::remove_dir_all(work.path()).unwrap();
            std::fs::create_dir(work.path()).unwrap();
            if over_clear {
                briefing::build(site.root(), &options(&out, "clear")).unwrap();
            }
            let context = format!("stopped at {at} ({}), over CLEAR: {over_clear}", steps[at]);
            amber_build_stopped_at(&site, &out, at);
            stops += 1;
            // A reader sees the previous build or the new one, whole.
            let seen = out.exists().then(|| snapshot_dir(&out));
            let before = over_clear.then(|| clear.clone());
            assert!(
                seen == before || seen.as_ref() == Some(&amber),
                "{context}: neither the previous output nor the new one"
            );
            let r = briefing::build(site.root(), &options(&out, "clear"))
                .unwrap_or_else(|e| panic!("{context}: {e}"));
            assert_clean(work.path(), &out, &context);
            assert_eq!(snapshot_dir(&out), clear, "{context}: not the CLEAR build");
            assert_eq!(r.files + 1, clear.len(), "{context}");
        }
    }
    assert!(stops >= 20, "only {stops} stops");
}

#[test]
fn an_amber_build_killed_at_any_moment_leaves_nothing_to_a_clear_build() {
    let site = amber_site(150);
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("out");
    let bin = env!("CARGO_BIN_EXE_briefing");
    let build = |audience: &str| {
        let mut cmd = Command::new(bin);
        cmd.args(["build", "--audience", audience, "--root"])
            .arg(site.root())
            .arg("--output")
            .arg(&out)
            .stderr(std::process::Stdio::null());
        cmd
    };
    // Kills spread over the second half of an uninterrupted build's time, where the
    // write happens, whatever the machine's speed.
    let started = std::time::Instant::now();
    assert!(build("amber").status().unwrap().success());
    let took = started.elapsed().as_millis() as u64;
    std::fs::remove_dir_all(&out).unwrap();
    for (i, tenth) in [3, 5, 6, 7, 8, 9, 10, 11].into_iter().enumerate() {
        let ms = took * tenth / 10;
        if i % 2 == 1 {
            assert!(build("clear").status().unwrap().success());
        }
        let mut child = build("amber").spawn().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(ms));
        let _ = child.kill(); // SIGKILL
        child.wait().unwrap();
        assert!(build("clear").status().unwrap().success(), "after {ms} ms");
        assert_clean(work.path(), &out, &format!("killed after {ms} ms"));
    }
}

#[test]
fn a_full_disk_leaves_the_previous_output_as_it_was() {
    let site = amber_site(4);
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("out");
    briefing::build(site.root(), &options(&out, "clear")).unwrap();
    let before = snapshot_dir(&out);
    let times = |dir: &Path| -> Vec<_> {
        let mut t: Vec<_> = walkdir::WalkDir::new(dir)
            .into_iter()
            .map(|e| e.unwrap().metadata().unwrap().modified().unwrap())
            .collect();
        t.sort();
        t
    };
    let mtimes = times(&out);
    let points = [
        ("begin", 0),
        ("write", 0),
        ("write", 3),
        ("write", 12),
        ("manifest", 0),
        ("switch", 0),
    ];
    for (name, n) in points {
        let full = DiskFullAt(name, n, AtomicUsize::new(0));
        let r = briefing::build_observed(site.root(), &options(&out, "amber"), &full);
        assert!(matches!(r, Err(BuildError::Write(_))), "{name} {n}: {r:?}");
        assert_eq!(snapshot_dir(&out), before, "{name} {n}: output changed");
        assert_eq!(times(&out), mtimes, "{name} {n}: files touched");
        assert_clean(work.path(), &out, &format!("disk full at {name} {n}"));
    }
    // The next build takes the folder as its own.
    briefing::build(site.root(), &options(&out, "amber")).unwrap();
    briefing::build(site.root(), &options(&out, "clear")).unwrap();
    assert_clean(work.path(), &out, "after a full disk");
}

#[cfg(unix)]
#[test]
fn an_output_reached_through_a_link_into_the_site_is_refused() {
    let site = Site::minimal();
    let root = site.root();
    std::fs::create_dir_all(root.join("templates")).unwrap();
    std::os::unix::fs::symlink("content", root.join("clink")).unwrap();
    std::os::unix::fs::symlink(root.join("templates"), root.join("tlink")).unwrap();
    std::os::unix::fs::symlink(root, root.join("rlink")).unwrap();
    for out in ["clink/newdir", "tlink/x", "rlink"] {
        let status = Command::new(env!("CARGO_BIN_EXE_briefing"))
            .current_dir(root)
            .args(["build", "--root", ".", "--output", out])
            .output()
            .unwrap();
        assert_eq!(status.status.code(), Some(2), "{out}");
        assert!(
            String::from_utf8_lossy(&status.stderr).contains("refusing to write"),
            "{out}"
        );
    }
    assert!(!root.join("content/newdir").exists());
    assert!(!root.join("templates/x").exists());
}
