//! The offline search index, sharded so that a browser loads only what a query needs,
//! whatever the size of the briefing (`search.html` loads `search.js`, which loads the
//! rest by adding `<script>` elements: that works from file://, where fetching a file
//! is refused, and under any sub-path, with no inline script: CSP `script-src 'self'`).
//!
//! - `search/manifest.js`: how many items, and which shard holds the terms starting
//!   with which prefix (a few kilobytes);
//! - `search/t<N>.js`: one shard of terms, each with the items holding it: a posting is
//!   `2 × item + 1` when the term is in the item's title, `2 × item` otherwise;
//! - `search/d<N>.js`: [`BLOCK`] items each, `[kind, title, url, note]`, loaded only for
//!   the results shown.
//!
//! Items are numbered in the order results are listed after title matches: guarantee
//! components, documents and actors, then meetings and statements, newest first.
//! Terms are grouped by their first two characters ([`terms`] says how they are folded);
//! a group over [`SHARD_BUDGET`] bytes is split by one more character, and so on; then
//! consecutive groups are packed into shards of about [`SHARD_TARGET`] bytes. The
//! manifest maps each group's prefix to its shard.

mod items;
pub use items::Entries;
pub mod terms;

use super::text::Bodies;
use crate::model::Model;
use crate::render::Output;
use crate::render::view::Views;
use items::Doc;
use rustc_hash::FxHashMap;
use serde::Serialize;
use serde_json::ser::{Formatter, Serializer};
use std::collections::BTreeMap;
use std::io;

/// The search script, written as `search.js`.
pub const SCRIPT: &str = include_str!("../../../../assets/search.js");

/// Results shown at first, and at each "show more" (as `search.js`'s `PAGE`).
pub const PAGE: usize = 50;

/// Items per block of `search/d<N>.js`.
pub const BLOCK: usize = 500;

/// A group's largest size (about, in bytes) before it is split by one more character of
/// its terms.
pub const SHARD_BUDGET: usize = 256 * 1024;

/// Consecutive small groups are packed into one shard up to this size (about), so that a
/// small site has a few files, not one per pair of letters.
pub const SHARD_TARGET: usize = 64 * 1024;

/// Compact JSON with `<` written `\u003c`, so that `</script>` cannot occur whatever the
/// content. In JSON a `<` can only be inside a string, which serde_json writes in
/// fragments of characters it does not escape.
struct Inert;

impl Formatter for Inert {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        for (i, part) in fragment.split('<').enumerate() {
            if i > 0 {
                w.write_all(b"\\u003c")?;
            }
            w.write_all(part.as_bytes())?;
        }
        Ok(())
    }
}

fn json_into<T: Serialize>(out: &mut Vec<u8>, v: &T) {
    v.serialize(&mut Serializer::with_formatter(&mut *out, Inert))
        .expect("the index serialises");
}

/// Every file of the search index, with `search.js`.
pub fn files(m: &Model, views: &Views, bodies: &Bodies) -> Vec<Output> {
    files_of(&Entries::new(m, views, bodies))
}

/// Every file of the search index of `entries`, with `search.js`.
pub fn files_of(entries: &Entries) -> Vec<Output> {
    of_docs(entries.docs())
}

/// Every file of the index of `docs` (every item's entry, in result order), with
/// `search.js`.
fn of_docs(docs: &[Doc]) -> Vec<Output> {
    // Filled in a hash map (a term's postings in item order), then sorted once. An
    // item's terms come title first, so its first posting for a term says whether the
    // term is in its title; a repeat (its posting is the last) adds nothing.
    // One lookup per word of every item: hashed with FxHash (the words are the site's
    // own, so SipHash's resistance to chosen keys buys nothing here).
    let mut unsorted: FxHashMap<&str, Vec<u32>> = FxHashMap::default();
    for (n, d) in docs.iter().enumerate() {
        let n = n as u32;
        for (term, title) in d.terms() {
            let postings = unsorted.entry(term).or_default();
            if postings.last().is_none_or(|p| p / 2 != n) {
                postings.push(2 * n + u32::from(title));
            }
        }
    }
    let postings: BTreeMap<&str, Vec<u32>> = unsorted.into_iter().collect();
    let groups = groups(&postings);
    let mut out = Vec::with_capacity(groups.len() + docs.len() / BLOCK + 3);
    let mut keys = BTreeMap::new();
    // Packed: each shard takes consecutive groups up to the target size.
    let mut packed: Vec<BTreeMap<&str, &[u32]>> = Vec::new();
    let mut filled = SHARD_TARGET;
    for (key, terms) in &groups {
        let size = size(terms.iter().map(|(t, p)| (*t, *p)));
        if filled + size > SHARD_TARGET {
            packed.push(BTreeMap::new());
            filled = 0;
        }
        filled += size;
        keys.insert(key.as_str(), packed.len() - 1);
        let shard = packed.last_mut().expect("a shard was pushed");
        shard.extend(terms.iter().map(|(t, p)| (*t, *p)));
    }
    for (n, terms) in packed.iter().enumerate() {
        let mut bytes = format!("BriefingSearch.terms({n},").into_bytes();
        json_into(&mut bytes, terms);
        bytes.extend_from_slice(b");\n");
        out.push(file(crate::routes::search_terms(n), bytes));
    }
    for (n, block) in docs.chunks(BLOCK).enumerate() {
        let rows: Vec<[&str; 4]> = block
            .iter()
            .map(|d| [d.kind, d.title.as_str(), d.url.as_str(), d.note.as_str()])
            .collect();
        let mut bytes = format!("BriefingSearch.docs({n},").into_bytes();
        json_into(&mut bytes, &rows);
        bytes.extend_from_slice(b");\n");
        out.push(file(crate::routes::search_docs(n), bytes));
    }
    #[derive(Serialize)]
    struct Manifest<'a> {
        items: usize,
        block: usize,
        shards: BTreeMap<&'a str, usize>,
        letters: BTreeMap<String, (usize, Vec<u32>)>,
    }
    let mut bytes =
        b"// Generated by briefing: the search index for search.html.\nBriefingSearch.manifest("
            .to_vec();
    json_into(
        &mut bytes,
        &Manifest {
            items: docs.len(),
            block: BLOCK,
            shards: keys,
            letters: letters(&postings, docs.len()),
        },
    );
    bytes.extend_from_slice(b");\n");
    out.push(file(crate::routes::SEARCH_MANIFEST.to_string(), bytes));
    out.push(file(
        crate::routes::SEARCH_SCRIPT.to_string(),
        SCRIPT.as_bytes().to_vec(),
    ));
    out
}

fn file(path: String, bytes: Vec<u8>) -> Output {
    Output { path, bytes }
}

/// For each first character of the terms, how many items have a term starting with it,
/// and the first [`PAGE`] of them in result order (those with such a term in their title
/// first, then the others, each in item order): what a one-letter query shows first,
/// without the shards of every term starting with the letter (megabytes at 100,000
/// items).
fn letters(
    postings: &BTreeMap<&str, Vec<u32>>,
    items: usize,
) -> BTreeMap<String, (usize, Vec<u32>)> {
    let mut out = BTreeMap::new();
    // Per item: 0 no term with the letter, 1 one in its text, 2 one in its title.
    let mut found = vec![0u8; items];
    // Terms sort by their bytes, so the terms starting with one character are adjacent.
    let mut terms = postings.iter().peekable();
    while let Some((t, _)) = terms.peek() {
        let Some(letter) = t.chars().next() else {
            terms.next();
            continue;
        };
        found.fill(0);
        while let Some((_, p)) = terms.next_if(|(t, _)| t.starts_with(letter)) {
            for &p in p {
                let at = &mut found[(p / 2) as usize];
                *at = (*at).max(1 + (p % 2) as u8);
            }
        }
        let count = found.iter().filter(|f| **f > 0).count();
        let found = &found;
        let with = |f: u8| (0..items as u32).filter(move |i| found[*i as usize] == f);
        let first = with(2).chain(with(1)).take(PAGE).collect();
        out.insert(letter.to_string(), (count, first));
    }
    out
}

/// About how many bytes `terms` take in a shard.
fn size<'a>(terms: impl IntoIterator<Item = (&'a str, &'a [u32])>) -> usize {
    terms
        .into_iter()
        .map(|(t, p)| t.len() + 4 + 7 * p.len())
        .sum()
}

/// A group of terms: its prefix, and its terms with their postings.
type Group<'t, 'p> = (String, BTreeMap<&'t str, &'p [u32]>);

/// The terms grouped by prefix, in order: two characters, more for a group over the
/// budget.
fn groups<'t, 'p>(postings: &'p BTreeMap<&'t str, Vec<u32>>) -> Vec<Group<'t, 'p>> {
    fn split<'t, 'p>(key: String, terms: Vec<(&'t str, &'p [u32])>, out: &mut Vec<Group<'t, 'p>>) {
        let len = key.chars().count();
        if size(terms.iter().copied()) <= SHARD_BUDGET
            || terms.iter().all(|(t, _)| t.chars().count() <= len)
        {
            out.push((key, terms.into_iter().collect()));
            return;
        }
        // Terms no longer than the key stay under it; the others go by one more character.
        let mut groups: BTreeMap<String, Vec<(&'t str, &'p [u32])>> = BTreeMap::new();
        for (t, p) in terms {
            groups
                .entry(terms::prefix(t, len + 1).to_string())
                .or_default()
                .push((t, p));
        }
        for (k, ts) in groups {
            if k == key {
                out.push((k, ts.into_iter().collect()));
            } else {
                split(k, ts, out);
            }
        }
    }
    let mut groups: BTreeMap<String, Vec<(&'t str, &'p [u32])>> = BTreeMap::new();
    for (t, p) in postings {
        groups
            .entry(terms::prefix(t, 2).to_string())
            .or_default()
            .push((t, p.as_slice()));
    }
    let mut out = Vec::new();
    for (key, terms) in groups {
        split(key, terms, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_letter_lists_title_matches_first_then_the_rest_in_item_order() {
        // Items 0-3; `a…` terms: `alpha` in 3's title and 1's text, `and` in 0's and 3's
        // text; `b…`: `beta` in 2's title.
        let postings: BTreeMap<&str, Vec<u32>> = [
            ("alpha", vec![2, 2 * 3 + 1]),
            ("and", vec![0, 2 * 3]),
            ("beta", vec![2 * 2 + 1]),
        ]
        .into_iter()
        .collect();
        let l = letters(&postings, 4);
        assert_eq!(l["a"], (3, vec![3, 0, 1]));
        assert_eq!(l["b"], (1, vec![2]));
        assert_eq!(l.len(), 2);
        // Only the first page is listed; the count is of them all.
        let many: BTreeMap<&str, Vec<u32>> = [("x", (0..120).map(|i| 2 * i).collect())]
            .into_iter()
            .collect();
        let (count, first) = &letters(&many, 120)["x"];
        assert_eq!((*count, first.len(), first[49]), (120, PAGE, 49));
    }

    #[test]
    fn a_large_group_is_split_by_one_more_character() {
        // 40,000 terms starting `co` (about 680 kB): split by their third character;
        // `co` itself stays under `co`; a small group stays whole.
        let names: Vec<String> = (0..40_000).map(|i| format!("co{i:05}")).collect();
        let mut postings: BTreeMap<&str, Vec<u32>> =
            names.iter().map(|t| (t.as_str(), vec![1])).collect();
        postings.insert("co", vec![2]);
        postings.insert("plan", vec![3, 4]);
        let keys: Vec<String> = groups(&postings).into_iter().map(|(k, _)| k).collect();
        assert_eq!(keys, ["co", "co0", "co1", "co2", "co3", "pl"]);
        for (_, terms) in groups(&postings) {
            assert!(size(terms.iter().map(|(t, p)| (*t, *p))) <= SHARD_BUDGET);
        }
    }
}
