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

pub mod terms;

use super::text::{Bodies, plain};
use crate::markdown::Prose;
use crate::model::translation::{
    ActorWords, DocumentWords, GuaranteeWords, MeetingWords, StatementWords,
};
use crate::model::{Kind, Model, Ref};
use crate::render::Output;
use crate::render::view::{ProvisionText, Shown, Views};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;
use serde_json::ser::{Formatter, Serializer};
use std::borrow::Cow;
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

/// One item as results show it.
struct Doc {
    /// Kind, singular: `meeting`, `statement`, `guarantee`, `actor`, `document`.
    kind: &'static str,
    title: String,
    /// Page, relative to the site root.
    url: String,
    /// A short note (date, attribution, role).
    note: String,
    /// Its words folded, the title's first: `folded[..title_len]` is the title, the
    /// rest its other words, each piece after a space.
    folded: String,
    title_len: usize,
}

impl Doc {
    /// Its terms in order, with repeats, each with whether it comes from the title.
    fn terms(&self) -> impl Iterator<Item = (&str, bool)> {
        let (title, rest) = self.folded.split_at(self.title_len);
        let title = terms::words(title).map(|t| (t, true));
        title.chain(terms::words(rest).map(|t| (t, false)))
    }
}

/// Every file of the search index, with `search.js`.
pub fn files(m: &Model, views: &Views, bodies: &Bodies) -> Vec<Output> {
    let docs = docs(m, views, bodies);
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

/// Every searchable item in result order, with its terms (made in parallel).
fn docs(m: &Model, views: &Views, bodies: &Bodies) -> Vec<Doc> {
    let mut first: Vec<(Kind, &String)> = Vec::new();
    for kind in [Kind::Guarantees, Kind::Documents, Kind::Actors] {
        first.extend(m.ids(kind).into_iter().map(|id| (kind, id)));
    }
    let mut dated: Vec<(Kind, &String)> = [Kind::Meetings, Kind::Statements]
        .into_iter()
        .flat_map(|k| m.ids(k).into_iter().map(move |id| (k, id)))
        .collect();
    let last = |k: Kind, id: &str| m.item(k, id).and_then(|x| x.date()).map(|d| d.last());
    dated.sort_by(|a, b| {
        last(b.0, b.1)
            .cmp(&last(a.0, a.1))
            .then(a.0.cmp(&b.0))
            .then(a.1.cmp(b.1))
    });
    first.extend(dated);
    first
        .par_iter()
        .filter_map(|(kind, id)| doc(m, views, bodies, *kind, id))
        .collect()
}

/// The item `kind`/`id` (a meeting, statement, guarantee, actor or document) as results
/// show it, with its terms; `None` if withheld.
fn doc(m: &Model, views: &Views, bodies: &Bodies, kind: Kind, id: &str) -> Option<Doc> {
    // The item's own words as its page shows them: in the views' language where its
    // translation gives them, else the original's.
    let w = views.words_of_id(kind, id);
    let m_words = views.m;
    // A withheld reference names nothing: it adds no word.
    let name = |a: &Ref| {
        a.id()
            .and_then(|a| m.actors.get(a))
            .map_or("", |x| x.name.as_str())
    };
    let who;
    let body;
    let description;
    let parties: Vec<String>;
    let provisions: Vec<ProvisionText>;
    let (note, words): (String, Vec<&str>) = match kind {
        Kind::Meetings => {
            let x = &m_words.meetings[id];
            body = plain_or(
                w.word(|t: &MeetingWords| t.body_html.as_ref(), &x.body_html),
                &x.body_html,
                bodies.meeting(id),
            );
            let location = w.opt_word(
                |t: &MeetingWords| t.location.as_deref(),
                x.location.as_deref(),
            );
            let mut w = vec![body.as_ref(), location.map_or("", |l| l.text)];
            w.extend(x.participants.iter().map(|p| name(&p.actor)));
            w.extend(x.convened_by.iter().map(name));
            w.extend(x.meta.tags.iter().map(String::as_str));
            (x.date.long(), w)
        }
        Kind::Statements => {
            let x = &m_words.statements[id];
            who = views.attribution(x);
            body = plain_or(
                w.word(|t: &StatementWords| t.body_html.as_ref(), &x.body_html),
                &x.body_html,
                bodies.statement(id),
            );
            let mut w = vec![body.as_ref(), who.as_str()];
            w.extend(
                x.about
                    .iter()
                    .filter_map(|g| m.guarantees.get(g.id()?))
                    .map(|g| g.title.as_str()),
            );
            w.extend(x.meta.tags.iter().map(String::as_str));
            (format!("{}, {who}", x.date.long()), w)
        }
        Kind::Guarantees => {
            let x = &m_words.guarantees[id];
            body = plain_or(
                w.word(|t: &GuaranteeWords| t.body_html.as_ref(), &x.body_html),
                &x.body_html,
                bodies.guarantee(id),
            );
            let summary = w.opt_word(
                |t: &GuaranteeWords| t.summary.as_deref(),
                x.summary.as_deref(),
            );
            let mut w = vec![body.as_ref(), summary.map_or("", |s| s.text)];
            for (i, c) in x.contributions.iter().enumerate() {
                w.push(views.commitment(id, i).text);
                w.push(name(&c.by));
            }
            w.extend(x.meta.tags.iter().map(String::as_str));
            (x.category.as_str().to_string(), w)
        }
        Kind::Documents => {
            let x = &m_words.documents[id];
            let shown = w.word(|t: &DocumentWords| t.body_html.as_ref(), &x.body_html);
            description = plain(&shown.text.html(""));
            parties = x.parties.iter().map(|p| name(p).to_string()).collect();
            let mut w = vec![description.as_str(), x.kind.label()];
            w.extend(parties.iter().map(String::as_str));
            provisions = x
                .provisions
                .iter()
                .map(|p| views.provision_words(x, p))
                .collect();
            for p in &provisions {
                w.push(p.label.as_deref().unwrap_or(""));
                w.push(&p.title);
                w.push(p.summary.as_deref().unwrap_or(""));
            }
            w.extend(x.meta.tags.iter().map(String::as_str));
            let date = x
                .date
                .map_or_else(|| "date unknown".to_string(), |d| d.long());
            (format!("{date}, {}", x.kind.label()), w)
        }
        _ => {
            let x = &m_words.actors[id];
            // Actor descriptions are used here only: made plain where needed.
            description = w
                .opt_word(
                    |t: &ActorWords| t.description_html.as_ref(),
                    x.description_html.as_ref(),
                )
                .map(|d| plain(&d.text.html("")))
                .unwrap_or_default();
            let role = w
                .opt_word(|t: &ActorWords| t.role.as_deref(), x.role.as_deref())
                .map_or("", |r| r.text);
            // The original's other names stay searchable beside the translation's.
            let aliases = w.word(|t: &ActorWords| Some(&t.aliases), &x.aliases);
            let mut w: Vec<&str> = x.aliases.iter().map(String::as_str).collect();
            if !std::ptr::eq(aliases.text, &x.aliases) {
                w.extend(aliases.text.iter().map(String::as_str));
            }
            w.push(role);
            w.push(&description);
            w.extend(x.meta.tags.iter().map(String::as_str));
            (role.to_string(), w)
        }
    };
    let link = views.item_link(kind, id)?;
    // Each piece folded on its own (folding depends on context), after a space: the
    // words are those of the pieces one by one.
    let mut folded =
        String::with_capacity(link.title.len() + words.iter().map(|w| w.len() + 1).sum::<usize>());
    terms::fold_into(&link.title, &mut folded);
    let title_len = folded.len();
    for w in &words {
        folded.push(' ');
        terms::fold_into(w, &mut folded);
    }
    Some(Doc {
        kind: kind.singular(),
        title: link.title.clone(),
        url: link.url.clone(),
        note,
        folded,
        title_len,
    })
}

/// A body made plain: the original's as `bodies` made it once, or a translation's.
fn plain_or<'a>(shown: Shown<'a, Prose>, original: &Prose, cached: &'a str) -> Cow<'a, str> {
    if std::ptr::eq(shown.text, original) {
        Cow::Borrowed(cached)
    } else {
        Cow::Owned(plain(&shown.text.html("")))
    }
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
