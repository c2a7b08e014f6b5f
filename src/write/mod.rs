//! Write stage: the new output is staged whole in a folder beside the output folder
//! (unchanged files hard-linked, so they keep their modification time), then switched
//! with the output folder in one rename; the previous output is then removed. A reader
//! of the output folder sees the previous build or the new one, never a mix, and a write
//! that fails or is killed leaves the output folder as it was (what it leaves beside it
//! is removed by the next write). See docs/security.md.

use crate::render::Output;
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};

pub mod guard;
mod stager;
pub mod steps;
mod switch;
pub use stager::Stager;
pub use steps::{Observer, Step, Unobserved};

/// Lists the files the last build wrote; its presence marks the folder as ours.
pub const MANIFEST: &str = ".briefing-manifest";

/// Lists the files briefing did not write that it carries from build to build (those
/// in the folder when it was taken over with `--force`).
pub const KEPT: &str = ".briefing-kept";

/// What a write did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WriteReport {
    /// Files created or whose bytes changed.
    pub written: usize,
    /// Files left alone because their bytes were already right.
    pub unchanged: usize,
    /// Files of the previous output folder that the new one does not hold.
    pub removed: usize,
}

/// A failure to write the output, with the path concerned.
#[derive(Debug, thiserror::Error)]
#[error("{}: {source}", path.display())]
pub struct WriteError {
    /// The file or folder that could not be written.
    pub path: PathBuf,
    /// Why.
    #[source]
    pub source: io::Error,
}

fn err(path: &Path) -> impl FnOnce(io::Error) -> WriteError + '_ {
    move |source| WriteError {
        path: path.to_path_buf(),
        source,
    }
}

/// True if `dir` holds files but no manifest: someone else's folder.
pub fn is_foreign(dir: &Path) -> bool {
    !dir.join(MANIFEST).is_file() && holds_files(dir) == Some(true)
}

/// Whether `dir` holds anything but a `.gitignore` or `.gitkeep` (false if it is
/// missing); `None` if it cannot be read.
fn holds_files(dir: &Path) -> Option<bool> {
    match std::fs::read_dir(dir) {
        Ok(entries) => Some(entries.filter_map(Result::ok).any(|e| {
            let n = e.file_name();
            n != ".gitignore" && n != ".gitkeep"
        })),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Some(false),
        Err(_) => None,
    }
}

/// True if `rel`, read from a list in the output folder, stays inside the folder.
fn is_safe(rel: &str) -> bool {
    !rel.is_empty() && !rel.starts_with('/') && !rel.split('/').any(|p| p == ".." || p.is_empty())
}

/// Writes `outputs` as the whole content of the output folder `dir` (see the module).
pub fn write(outputs: &[Output], dir: &Path) -> Result<WriteReport, WriteError> {
    let files: Vec<(&str, &[u8])> = outputs
        .iter()
        .map(|o| (o.path.as_str(), &o.bytes[..]))
        .collect();
    write_files(&files, dir)
}

/// [`write`], of files given as (path, bytes).
pub fn write_files(files: &[(&str, &[u8])], dir: &Path) -> Result<WriteReport, WriteError> {
    let stager = Stager::new(dir)?;
    files
        .par_iter()
        .try_for_each(|(path, bytes)| stager.stage_bytes(path, bytes))?;
    stager.commit()
}

/// [`write`] into `dir`, which holds the outputs of an earlier build, when what changed
/// since is known: only the `changed` paths of `outputs` are written, the others are
/// linked from the output folder without being read.
pub fn write_delta(
    files: &[(&str, &[u8])],
    changed: &[String],
    dir: &Path,
) -> Result<WriteReport, WriteError> {
    let stager = Stager::new(dir)?;
    let wanted: BTreeSet<&str> = changed.iter().map(String::as_str).collect();
    files.par_iter().try_for_each(|(path, bytes)| {
        if wanted.contains(path) {
            stager.stage_changed(path, bytes)
        } else {
            stager.stage_unchanged(path, bytes)
        }
    })?;
    stager.commit()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn out(path: &str, text: &str) -> Output {
        Output {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    /// Every entry under `dir`, sorted, relative.
    fn listing(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = walkdir::WalkDir::new(dir)
            .min_depth(1)
            .into_iter()
            .map(|e| {
                let e = e.unwrap();
                e.path().strip_prefix(dir).unwrap().display().to_string()
            })
            .collect();
        names.sort();
        names
    }

    /// Fails the `n`th step of the kind `name` as a full disk would.
    struct FailAt(&'static str, usize, AtomicUsize);

    impl Observer for FailAt {
        fn step(&self, step: Step<'_>) -> io::Result<()> {
            if step.name() == self.0 && self.2.fetch_add(1, Ordering::SeqCst) == self.1 {
                return Err(io::Error::from(io::ErrorKind::StorageFull));
            }
            Ok(())
        }
    }

    #[test]
    fn writes_only_changes_and_removes_stale_files() {
        let dir = tempfile::tempdir().unwrap();
        let out_dir = dir.path().join("out");
        let r = write(&[out("a.html", "A"), out("x/b.html", "B")], &out_dir).unwrap();
        assert_eq!((r.written, r.unchanged, r.removed), (2, 0, 0));
        let r = write(&[out("a.html", "A2")], &out_dir).unwrap();
        assert_eq!((r.written, r.unchanged, r.removed), (1, 0, 1));
        assert!(!out_dir.join("x").exists(), "empty folder left behind");
        let r = write(&[out("a.html", "A2")], &out_dir).unwrap();
        assert_eq!((r.written, r.unchanged, r.removed), (0, 1, 0));
        assert_eq!(
            std::fs::read_to_string(out_dir.join("a.html")).unwrap(),
            "A2"
        );
        assert_eq!(
            listing(dir.path()),
            ["out", "out/.briefing-manifest", "out/a.html"]
        );
    }

    #[test]
    fn two_outputs_for_one_path_count_as_one_file() {
        let dir = tempfile::tempdir().unwrap();
        for _ in 0..2 {
            let r = write(&[out("a.html", "A"), out("a.html", "A")], dir.path()).unwrap();
            assert!(r.written + r.unchanged <= 1, "{r:?}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn unchanged_files_are_the_same_file_with_the_same_time() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        write(&[out("a.html", "A"), out("b.html", "B")], dir.path()).unwrap();
        let before = std::fs::metadata(dir.path().join("a.html")).unwrap();
        write(&[out("a.html", "A"), out("b.html", "B2")], dir.path()).unwrap();
        let after = std::fs::metadata(dir.path().join("a.html")).unwrap();
        assert_eq!(before.ino(), after.ino());
        assert_eq!(before.modified().unwrap(), after.modified().unwrap());
    }

    #[test]
    fn a_path_staged_twice_never_writes_through_to_the_previous_output() {
        let dir = tempfile::tempdir().unwrap();
        write(&[out("a.html", "A")], dir.path()).unwrap();
        let before = dir.path().join("a.html");
        let keep = std::fs::File::open(&before).unwrap();
        let stager = Stager::new(dir.path()).unwrap();
        stager.stage(&out("a.html", "A")).unwrap(); // linked
        stager.stage_changed("a.html", b"B").unwrap();
        stager.commit().unwrap();
        assert_eq!(std::fs::read_to_string(&before).unwrap(), "B");
        let mut old = String::new();
        io::Read::read_to_string(&mut &keep, &mut old).unwrap();
        assert_eq!(old, "A", "the previous output's file was changed");
    }

    #[test]
    fn a_write_that_fails_at_any_step_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let out_dir = dir.path().join("out");
        write(&[out("a.html", "A"), out("b.html", "B")], &out_dir).unwrap();
        let before = listing(dir.path());
        for (name, n) in [
            ("begin", 0),
            ("write", 0),
            ("write", 1),
            ("manifest", 0),
            ("switch", 0),
        ] {
            let fail = FailAt(name, n, AtomicUsize::new(0));
            let stager = Stager::observed(&out_dir, &fail);
            let r = stager.and_then(|s| {
                for o in [out("a.html", "A"), out("b.html", "B2"), out("c.html", "C")] {
                    s.stage(&o)?;
                }
                s.commit()
            });
            assert!(r.is_err(), "{name} {n}");
            assert_eq!(listing(dir.path()), before, "{name} {n}");
            assert_eq!(
                std::fs::read_to_string(out_dir.join("b.html")).unwrap(),
                "B"
            );
        }
    }

    #[test]
    fn streamed_files_are_written_and_linked_when_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let put = |text: &'static str| {
            let stager = Stager::new(dir.path()).unwrap();
            stager
                .stage_streamed("data/big.json", &mut |w| w.write_all(text.as_bytes()))
                .unwrap();
            stager.commit().unwrap()
        };
        assert_eq!(put("one").written, 1);
        assert_eq!((put("one").written, put("one").unchanged), (0, 1));
        assert_eq!(put("two").written, 1);
        let stager = Stager::new(dir.path()).unwrap();
        let failed = stager.stage_streamed("data/big.json", &mut |w| {
            w.write_all(b"half")?;
            Err(io::Error::other("the writer failed"))
        });
        assert!(failed.is_err());
        drop(stager);
        assert_eq!(
            listing(dir.path()),
            [".briefing-manifest", "data", "data/big.json"]
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join("data/big.json")).unwrap(),
            "two"
        );
    }

    #[test]
    fn an_interrupted_write_is_cleared_by_the_next_and_never_shows() {
        let dir = tempfile::tempdir().unwrap();
        let out_dir = dir.path().join("out");
        std::fs::create_dir(&out_dir).unwrap();
        std::fs::write(out_dir.join(".gitignore"), "*\n").unwrap();
        // Killed half-way (no clean-up at all): the output folder has not changed.
        let stager = Stager::new(&out_dir).unwrap();
        stager.stage(&out("meetings/secret.html", "AMBER")).unwrap();
        std::mem::forget(stager);
        assert_eq!(listing(&out_dir), [".gitignore"]);
        assert!(!is_foreign(&out_dir));
        // The next write removes what was left beside it.
        let r = write(&[out("a.html", "A")], &out_dir).unwrap();
        assert_eq!((r.written, r.unchanged), (1, 0));
        assert_eq!(
            listing(dir.path()),
            [
                "out",
                "out/.briefing-kept",
                "out/.briefing-manifest",
                "out/.gitignore",
                "out/a.html"
            ]
        );
        assert_eq!(
            std::fs::read_to_string(out_dir.join(MANIFEST)).unwrap(),
            "a.html\n"
        );
    }

    #[test]
    fn an_owned_folder_holds_exactly_the_last_build() {
        let dir = tempfile::tempdir().unwrap();
        write(&[out("a.html", "A")], dir.path()).unwrap();
        // Debris of older writers, and a file the manifest does not name.
        std::fs::write(dir.path().join("a.html.briefing-tmp"), "AMBER").unwrap();
        std::fs::create_dir(dir.path().join("x")).unwrap();
        std::fs::write(dir.path().join("x/secret.html"), "AMBER").unwrap();
        let r = write(&[out("a.html", "A")], dir.path()).unwrap();
        assert_eq!(r.removed, 2);
        assert_eq!(listing(dir.path()), [".briefing-manifest", "a.html"]);
    }

    #[test]
    fn leaves_files_it_did_not_write_in_a_folder_it_took_over() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("mine.txt"), "keep").unwrap();
        assert!(is_foreign(dir.path()));
        write(&[out("a.html", "A")], dir.path()).unwrap();
        write(&[out("b.html", "B")], dir.path()).unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.path().join("mine.txt")).unwrap(),
            "keep"
        );
        assert!(!dir.path().join("a.html").exists());
        assert!(!is_foreign(dir.path()));
    }

    #[test]
    fn a_folder_beside_the_output_that_is_not_ours_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let out_dir = dir.path().join("out");
        let (next, _) = switch::siblings(&out_dir);
        std::fs::create_dir(&next).unwrap();
        std::fs::write(next.join("thesis.tex"), "years of work").unwrap();
        let e = write(&[out("a.html", "A")], &out_dir).unwrap_err();
        assert!(e.to_string().contains("not made by briefing"), "{e}");
        assert!(next.join("thesis.tex").is_file());
    }
}
