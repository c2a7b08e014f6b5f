//! The build's stages timed apart, so a regression shows where it is:
//! load (read and parse), validate (typed model, Markdown), render (pages and exports in
//! memory) and write (only-changed files; the first write fills the folder, the timed ones
//! find it unchanged).
//!
//! ```sh
//! cargo bench --bench stages                                   # the example in content/
//! BRIEFING_BENCH_ROOT=/tmp/c10k cargo bench --bench stages     # a generated corpus
//! ```
//! Not run by `cargo test`; see docs/performance.md for generating a corpus.

use briefing::render::RenderOptions;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use std::path::PathBuf;

fn root() -> PathBuf {
    std::env::var_os("BRIEFING_BENCH_ROOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")))
}

fn stages(c: &mut Criterion) {
    let root = root();
    let mut g = c.benchmark_group("stages");
    g.sample_size(10);
    g.bench_function("load", |b| b.iter(|| briefing::load::load(&root)));
    g.bench_function("validate", |b| {
        b.iter_batched(
            || briefing::load::load(&root).0,
            briefing::validate::validate,
            BatchSize::PerIteration,
        )
    });
    let site = briefing::Site::load(&root).unwrap_or_else(|d| panic!("{d}"));
    let opts = RenderOptions::default();
    g.bench_function("render", |b| b.iter(|| site.render_with(&opts).is_ok()));
    let outputs = site.render_with(&opts).unwrap_or_else(|d| panic!("{d}"));
    let out = tempfile::tempdir().expect("a temporary folder");
    briefing::write::write(&outputs, out.path()).expect("first write");
    g.bench_function("write-unchanged", |b| {
        b.iter(|| briefing::write::write(&outputs, out.path()).expect("write"))
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
