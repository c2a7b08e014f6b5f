//! Files other than pages: feeds, data exports and the search index.
//!
//! Everything here is computed from the model it is given, so a filtered model yields
//! filtered exports.

mod atom;
mod claims_csv;
pub mod csv;
mod embed;
mod json;
mod matrix_csv;
pub mod pieces;
mod pretty;
pub(crate) mod search;
pub(crate) mod text;
mod translations;

/// Deterministic random strings for tests that compare two ways of doing one thing:
/// `count` strings, each of up to `most` of `pieces` picked by a xorshift generator.
#[cfg(test)]
fn random_strings(pieces: &[&str], count: usize, most: u64, mut seed: u64) -> Vec<String> {
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    (0..count)
        .map(|_| {
            let n = next() % (most + 1);
            (0..n)
                .map(|_| pieces[(next() % pieces.len() as u64) as usize])
                .collect()
        })
        .collect()
}

use super::Output;
use super::view::Views;
use crate::model::Model;
use rayon::prelude::*;

pub use text::plain;

// Where each export goes is decided in `routes`. Those that repeat items' words
// (the JSON, the search index, the feed, the statements table) have [`pieces`].
pub use crate::routes::{
    BRIEFING_JSON, CLAIMS_CSV, CONTRIBUTIONS_CSV, FEED, MATRIX_CSV, STATEMENTS_CSV,
    TIMELINE_JSON as TIMELINE,
};

/// The exports a guarantee component's contributions feed besides their pieces, made
/// whole: the feed (each status step is an entry), `timeline.json`, the contributions
/// table and the matrix table; with the feed's new marks.
pub fn of_contributions(m: &Model, views: &Views) -> (Vec<Output>, Vec<pieces::Mark>) {
    let bodies = text::Bodies::new(m);
    let mut marks = Vec::new();
    let feed = atom::feed(m, views, &bodies, &mut marks);
    let outputs = vec![
        file(FEED, feed.into_bytes()),
        file(TIMELINE, json::timeline(m, views)),
        file(CONTRIBUTIONS_CSV, csv::contributions(m, views).into_bytes()),
        file(MATRIX_CSV, matrix_csv::matrix(m).into_bytes()),
    ];
    (outputs, marks)
}

/// Version of the `data/briefing.json` schema; raised on any incompatible change.
pub const SCHEMA_VERSION: u32 = 4;

/// A file written piece by piece, made whole in memory (for renders that keep files).
pub fn in_memory(path: &str, write: &mut WriteFn) -> Output {
    let mut bytes = Vec::new();
    write(&mut bytes).expect("views serialise into memory");
    file(path, bytes)
}

/// Writes a file piece by piece into the writer it is given.
pub type WriteFn<'a> = dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()> + 'a;

/// [`all`], each export handed to `emit` as soon as it is made (from several threads, in
/// no particular order) rather than all kept until the last is done: together they are
/// larger than any one. `data/briefing.json`, the largest, goes to `stream` to be written
/// piece by piece, never whole in memory. Returns what `emit` or `stream` returned for
/// each, and where each item's piece lies in the exports that have pieces.
pub(super) fn each<R: Send>(
    m: &Model,
    views: &Views,
    pages: &[String],
    lead: Option<&str>,
    pretty_json: bool,
    emit: &(dyn Fn(Output) -> R + Sync),
    stream: &(dyn Fn(&str, &mut WriteFn) -> R + Sync),
) -> (Vec<R>, pieces::Pieces) {
    // The feed, the statements table and the search index all need the bodies as plain
    // text: made once, in parallel, before them.
    let bodies = crate::timings::time("exports: plain text", || text::Bodies::new(m));
    let bodies = &bodies;
    type Job<'a> = Box<dyn Fn(&mut Vec<pieces::Mark>) -> Vec<u8> + Send + Sync + 'a>;
    let jobs: Vec<(&str, Job)> = vec![
        (
            FEED,
            Box::new(|marks| atom::feed(m, views, bodies, marks).into_bytes()),
        ),
        (TIMELINE, Box::new(|_| json::timeline(m, views))),
        (
            CONTRIBUTIONS_CSV,
            Box::new(|_| csv::contributions(m, views).into_bytes()),
        ),
        (MATRIX_CSV, Box::new(|_| matrix_csv::matrix(m).into_bytes())),
        (
            CLAIMS_CSV,
            Box::new(|_| claims_csv::claims(views).into_bytes()),
        ),
        (
            STATEMENTS_CSV,
            Box::new(|marks| csv::statements(m, views, bodies, marks).into_bytes()),
        ),
        (
            crate::routes::EMBED_SIZE_SCRIPT,
            Box::new(|_| embed::SIZE_SCRIPT.as_bytes().to_vec()),
        ),
        (
            crate::routes::EMBED_HOST_SCRIPT,
            Box::new(|_| embed::HOST_SCRIPT.as_bytes().to_vec()),
        ),
    ];
    // The exports are independent of each other: build them in parallel.
    let ((made, searched), (streamed, json_marks)) = rayon::join(
        || {
            rayon::join(
                || {
                    jobs.into_par_iter()
                        .map(|(path, job)| {
                            let mut marks = Vec::new();
                            let r =
                                emit(crate::timings::time(path, || file(path, job(&mut marks))));
                            (r, (path, marks))
                        })
                        .collect::<Vec<_>>()
                },
                || {
                    crate::timings::time("search index", || search::files(m, views, bodies))
                        .into_iter()
                        .map(emit)
                        .collect::<Vec<_>>()
                },
            )
        },
        || {
            let mut marks = Vec::new();
            let r = crate::timings::time(BRIEFING_JSON, || {
                stream(BRIEFING_JSON, &mut |w| {
                    marks.clear();
                    json::briefing_into(m, views, lead, pretty_json, w, &mut marks)
                })
            });
            (r, marks)
        },
    );
    let mut pieces = pieces::Pieces::default();
    let mut out = Vec::with_capacity(made.len() + 2);
    for (r, (path, marks)) in made {
        out.push(r);
        if !marks.is_empty() {
            pieces.insert(path, marks);
        }
    }
    out.extend(searched);
    out.push(streamed);
    pieces.insert(BRIEFING_JSON, json_marks);
    if let Some(base) = &m.site.base_url {
        out.push(emit(file(
            crate::routes::SITEMAP,
            sitemap(base, pages).into_bytes(),
        )));
    }
    (out, pieces)
}

fn file(path: &str, bytes: Vec<u8>) -> Output {
    Output {
        path: path.to_string(),
        bytes,
    }
}

/// Every page but the embeds, as absolute URLs under `base` (which ends in `/`).
fn sitemap(base: &str, pages: &[String]) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for p in pages.iter().filter(|p| !p.starts_with("embed/")) {
        s.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            text::xml(&format!("{base}{p}"))
        ));
    }
    s.push_str("</urlset>\n");
    s
}
