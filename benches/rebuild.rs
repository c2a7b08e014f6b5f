//! Save-to-written-pages time on a generated 10,000-item briefing.
//!
//! `cargo bench --bench rebuild` (release build). Prints the figures docs/performance.md
//! reports. Set BRIEFING_BENCH_ITEMS to change the corpus size, or BRIEFING_BENCH_ROOT to
//! a site to use instead (e.g. one from `gen-corpus`; it is copied, not edited).

mod corpus;

use std::time::{Duration, Instant};

fn main() {
    let n: usize = std::env::var("BRIEFING_BENCH_ITEMS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    match std::env::var_os("BRIEFING_BENCH_ROOT") {
        Some(site) => copy_content(std::path::Path::new(&site), root),
        None => corpus::generate(root, n),
    }
    let opts = briefing::BuildOptions::new(root.join("output"));

    let t = Instant::now();
    let report = briefing::build(root, &opts).expect("the corpus builds");
    let corpus = match std::env::var("BRIEFING_BENCH_ROOT") {
        Ok(site) => format!("a copy of {site}"),
        Err(_) => format!("{n} generated items"),
    };
    println!(
        "corpus: {corpus}, {} pages, {} warnings",
        report.files,
        report.warnings.warning_count()
    );
    println!("full build, cold output: {:?}", t.elapsed());

    // A statement in the middle of the list; each edit adds a sentence to its text.
    let statement = middle_file(&root.join("content/statements"));
    let original = std::fs::read_to_string(&statement).unwrap();
    let mut times = Vec::new();
    for round in 0..5 {
        std::fs::write(&statement, format!("{original}\nEdit {round}.\n")).unwrap();
        let t = Instant::now();
        let r = briefing::build(root, &opts).unwrap();
        times.push(t.elapsed());
        assert!(r.write.written >= 1);
    }
    report_times("full rebuild after a one-statement edit", &mut times);

    // The incremental path `serve` uses, writing into a folder as `build` would: told
    // which file changed, as serve's file watcher tells it, and finding out by itself.
    let out = root.join("output-incremental");
    let mut site = briefing::incremental::Incremental::new(root, None);
    let t = Instant::now();
    let first = site.rebuild().unwrap();
    site.write(&first, &out).unwrap();
    println!("incremental, first rebuild and write: {:?}", t.elapsed());
    let timings = std::env::var_os("BRIEFING_BENCH_TIMINGS").is_some();
    if timings {
        briefing::timings::enable();
    }
    for told in [true, false] {
        let mut times = Vec::new();
        let mut phases = Vec::new();
        for round in 0..9 {
            let text = format!("{original}\nChange {round} ({told}).\n");
            std::fs::write(&statement, text).unwrap();
            let t = Instant::now();
            let r = if told {
                site.rebuild_after(std::slice::from_ref(&statement))
                    .unwrap()
            } else {
                site.rebuild().unwrap()
            };
            let rebuilt = t.elapsed();
            let w = briefing::timings::time("write", || site.write(&r, &out).unwrap());
            times.push(t.elapsed());
            if timings {
                for x in briefing::timings::take() {
                    println!("  timing: {:<24} {:?}", x.stage, x.took);
                }
            }
            phases.push((rebuilt, r.partial, r.rendered, w.written));
        }
        let how = if told {
            "told the file (as serve's watcher does)"
        } else {
            "scanning for changes"
        };
        report_times(
            &format!("incremental rebuild and write after a one-statement edit, {how}"),
            &mut times,
        );
        let (rebuilt, partial, rendered, written) = phases[phases.len() / 2];
        println!(
            "  e.g. rebuild {rebuilt:?} (fast path: {partial}), {rendered} pages rendered, \
             {written} files written"
        );
    }
    // An edit to another field that no link shows (here the statement's kind) re-makes
    // the statement's pages, its export pieces and the sourcing page.
    let kind = original
        .lines()
        .find_map(|l| l.strip_prefix("kind: "))
        .unwrap_or("quote")
        .to_string();
    let kinds = ["denial", "readout", "report"]
        .iter()
        .enumerate()
        .map(|(round, other)| {
            let other = if *other == kind { "claim" } else { other };
            let edited = if original.contains("\nkind: ") {
                original.replacen(
                    &format!("\nkind: {kind}\n"),
                    &format!("\nkind: {other}\n"),
                    1,
                )
            } else {
                original.replacen("---\n", &format!("---\nkind: {other}\n"), 1)
            };
            format!("{edited}\nKind {round}.\n")
        });
    timed_edits(
        &mut site,
        &out,
        &statement,
        kinds,
        "a change of a statement's kind",
    );

    // A contribution's status moved: its component's page, its actors' pages, every round
    // page, the analyst pages made from contributions and several exports.
    let guarantee = middle_file(&root.join("content/guarantees"));
    let g0 = std::fs::read_to_string(&guarantee).unwrap();
    // The last contribution's own status (history steps are indented further).
    let at = g0
        .rfind("\n    status: ")
        .expect("a contribution with a status")
        + 13;
    let end = at + g0[at..].find('\n').unwrap();
    let statuses = ["agreed", "signed", "ratified"]
        .iter()
        .map(|status| format!("{}{status}{}", &g0[..at], &g0[end..]));
    timed_edits(
        &mut site,
        &out,
        &guarantee,
        statuses,
        "a contribution's status moved",
    );
    std::fs::write(&guarantee, &g0).unwrap();
    site.rebuild_after(std::slice::from_ref(&guarantee))
        .unwrap();

    // An edit to more than the words (here a title) rebuilds the whole site in memory.
    let retitled = if original.contains("\ntitle: ") {
        original.replacen("\ntitle: ", "\ntitle: Retitled ", 1)
    } else {
        original.replacen("---\n", "---\ntitle: Retitled statement\n", 1)
    };
    std::fs::write(&statement, &retitled).unwrap();
    let t = Instant::now();
    let r = site
        .rebuild_after(std::slice::from_ref(&statement))
        .unwrap();
    site.write(&r, &out).unwrap();
    println!(
        "incremental rebuild and write after a retitling (whole site): {:?}, {} files written",
        t.elapsed(),
        r.changed.len()
    );
    std::fs::write(&statement, &original).unwrap();
}

/// The middle one, by name, of the Markdown files in `dir`.
fn middle_file(dir: &std::path::Path) -> std::path::PathBuf {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    files.sort();
    files[files.len() / 2].clone()
}

/// Saves each of `texts` into `file` in turn and times the incremental rebuild (told the
/// file, as serve's watcher tells it) and the write of each.
fn timed_edits(
    site: &mut briefing::incremental::Incremental,
    out: &std::path::Path,
    file: &std::path::PathBuf,
    texts: impl Iterator<Item = String>,
    what: &str,
) {
    let mut times = Vec::new();
    for (round, text) in texts.enumerate() {
        std::fs::write(file, text).unwrap();
        let t = Instant::now();
        let r = site.rebuild_after(std::slice::from_ref(file)).unwrap();
        let rebuilt = t.elapsed();
        site.write(&r, out).unwrap();
        times.push(t.elapsed());
        if round == 0 {
            println!(
                "  e.g. rebuild {rebuilt:?} (fast path: {}), {} pages rendered, {} files changed",
                r.partial,
                r.rendered,
                r.changed.len()
            );
        }
    }
    report_times(
        &format!("incremental rebuild and write after {what}, told the file"),
        &mut times,
    );
}

fn report_times(what: &str, times: &mut [Duration]) {
    times.sort();
    println!(
        "{what}: median {:?}, min {:?}, max {:?} over {} runs",
        times[times.len() / 2],
        times[0],
        times[times.len() - 1],
        times.len()
    );
}

/// Copies the site's content/ (and templates/, if any) under `to`.
fn copy_content(from: &std::path::Path, to: &std::path::Path) {
    for top in ["content", "templates"] {
        for entry in walkdir::WalkDir::new(from.join(top)).into_iter().flatten() {
            let rel = entry.path().strip_prefix(from).unwrap();
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(to.join(rel)).unwrap();
            } else {
                std::fs::copy(entry.path(), to.join(rel)).unwrap();
            }
        }
    }
}
