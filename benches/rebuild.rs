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
    let mut statements: Vec<_> = std::fs::read_dir(root.join("content/statements"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    statements.sort();
    let statement = statements[statements.len() / 2].clone();
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

    // The incremental path `serve` uses, writing into a folder as `build` would.
    let out = root.join("output-incremental");
    let mut site = briefing::incremental::Incremental::new(root, None);
    let t = Instant::now();
    let first = site.rebuild().unwrap();
    site.write(&first, &out).unwrap();
    println!("incremental, first rebuild and write: {:?}", t.elapsed());
    let mut times = Vec::new();
    let mut phases = Vec::new();
    for round in 0..7 {
        std::fs::write(&statement, format!("{original}\nChange {round}.\n")).unwrap();
        let t = Instant::now();
        let r = site.rebuild().unwrap();
        let rebuilt = t.elapsed();
        let w = site.write(&r, &out).unwrap();
        times.push(t.elapsed());
        phases.push((rebuilt, r.rendered, w.written));
    }
    report_times(
        "incremental rebuild and write after a one-statement edit",
        &mut times,
    );
    let (rebuilt, rendered, written) = phases[phases.len() / 2];
    println!("  e.g. rebuild {rebuilt:?}, {rendered} pages rendered, {written} files written");
    let cache = briefing::load::FileCache::new();
    briefing::Site::load_cached(root, Some(&cache)).unwrap();
    let t = Instant::now();
    let site = briefing::Site::load_cached(root, Some(&cache)).unwrap();
    println!(
        "  of which load and validate, files cached: {:?}",
        t.elapsed()
    );
    let t = Instant::now();
    let (loaded, _) = briefing::load::load_cached(root, Some(&cache));
    println!("  of which load alone, files cached: {:?}", t.elapsed());
    let t = Instant::now();
    let _ = briefing::validate::validate(loaded);
    println!("  of which validate alone: {:?}", t.elapsed());
    let mut pages = briefing::render::cache::RenderCache::default();
    briefing::render::render_cached(&site.model, root, &Default::default(), Some(&mut pages))
        .unwrap();
    let t = Instant::now();
    briefing::render::render_cached(&site.model, root, &Default::default(), Some(&mut pages))
        .unwrap();
    println!("  of which render, nothing changed: {:?}", t.elapsed());
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
