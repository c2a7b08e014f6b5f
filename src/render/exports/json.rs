//! JSON exports: `data/briefing.json` (the whole model as built) and `timeline.json`
//! (TimelineJS format).

use super::pretty;
use super::translations::ItemTranslations;
use crate::analysis::changes::all_round_changes;
use crate::model::{Kind, Model};
use crate::render::view::{ItemView, Views};
use serde::{Serialize, Serializer};
use serde_json::{Value, json};

/// Pretty JSON with sorted keys and a final newline; links relative to the site root.
fn to_bytes<T: Serialize>(v: &T, capacity: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(capacity);
    pretty::write(&mut out, 0, v).expect("views serialise");
    out.push(b'\n');
    out
}

/// The items of one kind, each made into its view only as it is written.
struct Items<'a, 'm> {
    m: &'a Model,
    views: &'a Views<'m>,
    kind: Kind,
    ids: Vec<&'a String>,
}

impl Serialize for Items<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(
            self.ids
                .iter()
                .map(|id| ExportItem::new(self.m, self.views, self.kind, id)),
        )
    }
}

/// One item as the document lists it: its view alone, or, when it has translations, its
/// view and their words by language (the view's fields and `translations` in one object).
#[derive(Serialize)]
#[serde(untagged)]
enum ExportItem<'a> {
    Untranslated(ItemView),
    Translated {
        #[serde(flatten)]
        view: ItemView,
        translations: ItemTranslations<'a>,
    },
}

impl<'a> ExportItem<'a> {
    fn new(m: &'a Model, views: &Views, kind: Kind, id: &'a str) -> Self {
        let view = views.item(kind, id);
        match ItemTranslations::of(m, kind, id) {
            // Most items: written as the view, with nothing in between.
            None => ExportItem::Untranslated(view),
            Some(translations) => ExportItem::Translated { view, translations },
        }
    }
}

/// The whole document. Its fields are in sorted order, so the writer, which sorts keys,
/// never has to move the item lists.
#[derive(Serialize)]
struct Briefing<'a, 'm, 'v> {
    actors: Items<'a, 'm>,
    changes: Vec<Value>,
    documents: Items<'a, 'm>,
    guarantees: Items<'a, 'm>,
    languages: Vec<&'a str>,
    lead_round: Option<&'a str>,
    links: Links<'a, 'v>,
    meetings: Items<'a, 'm>,
    rounds: Items<'a, 'm>,
    schema_version: u32,
    site: Value,
    sources: Items<'a, 'm>,
    statements: Items<'a, 'm>,
}

/// Every item's link in full, once, by kind and id: what the items' references (`{id,
/// kind}`) point to.
struct Links<'a, 'm> {
    /// Views whose links are written in full.
    views: &'a Views<'m>,
    m: &'a Model,
}

/// One item in the table of links.
#[derive(Serialize)]
struct LinkEntry<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    title: &'a str,
    tlp: &'static str,
    url: &'a str,
}

impl Serialize for Links<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        struct OfKind<'a, 'm>(&'a Links<'a, 'm>, Kind);
        impl Serialize for OfKind<'_, '_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut map = s.serialize_map(None)?;
                for id in self.0.m.ids(self.1) {
                    if let Some(l) = self.0.views.item_link(self.1, id) {
                        map.serialize_entry(
                            id,
                            &LinkEntry {
                                date: l.date.as_ref().map(|d| d.iso.as_str()),
                                note: l.note.as_deref(),
                                title: &l.title,
                                tlp: l.tlp.word,
                                url: &l.url,
                            },
                        )?;
                    }
                }
                map.end()
            }
        }
        let mut map = s.serialize_map(Some(Kind::ALL.len()))?;
        for kind in Kind::ALL {
            map.serialize_entry(kind.dir(), &OfKind(self, kind))?;
        }
        map.end()
    }
}

/// The document, its item lists still to be made into views as they are written: the
/// site never exists as one `Value` tree, nor its items as separate strings. `export`
/// makes the items (their links are references), `views` the table of links.
fn document<'a, 'm, 'v>(
    m: &'a Model,
    export: &'a Views<'m>,
    views: &'a Views<'v>,
    lead: Option<&'a str>,
) -> Briefing<'a, 'm, 'v> {
    let items = |kind: Kind| Items {
        m,
        views: export,
        kind,
        ids: m.ids(kind),
    };
    let s = &m.site;
    Briefing {
        actors: items(Kind::Actors),
        changes: changes(m),
        documents: items(Kind::Documents),
        guarantees: items(Kind::Guarantees),
        languages: s.languages.all().map(|l| l.as_str()).collect(),
        lead_round: lead,
        links: Links { views, m },
        meetings: items(Kind::Meetings),
        rounds: items(Kind::Rounds),
        schema_version: super::SCHEMA_VERSION,
        site: json!({
            "title": s.title,
            "subtitle": s.subtitle,
            "base_url": s.base_url,
            "language": s.language,
            "timezone": s.timezone,
            "as_of": s.as_of.to_string(),
            "default_tlp": s.default_tlp,
        }),
        sources: items(Kind::Sources),
        statements: items(Kind::Statements),
    }
}

/// Every round's changes, as the document lists them.
fn changes(m: &Model) -> Vec<Value> {
    all_round_changes(m)
        .into_iter()
        .map(|rc| {
            json!({
                "round": rc.round,
                "previous": rc.previous,
                "counts": rc.counts().iter().map(|(mv, n)| (mv.as_str().to_string(), json!(n))).collect::<serde_json::Map<_, _>>(),
                "contributions": rc.changes.iter().map(|c| json!({
                    "guarantee": c.guarantee,
                    "anchor": crate::routes::contribution_anchor(&m.guarantees[&c.guarantee].contributions[c.index]),
                    // A withheld contributor is written as an empty id, as its link is.
                    "by": m.guarantees[&c.guarantee].contributions[c.index].by.id().unwrap_or(""),
                    "before": c.before.map(|s| s.as_str()),
                    "after": c.after.as_str(),
                    "movement": c.movement.as_str(),
                    "rounds_unchanged": c.rounds_unchanged,
                    "between_rounds": c.between_rounds.map(|w| w.written()),
                })).collect::<Vec<_>>(),
            })
        })
        .collect()
}

/// The rounds' changes as `data/briefing.json` has them (the value of `changes`).
pub fn changes_piece(m: &Model) -> Vec<u8> {
    let mut buf = Vec::new();
    pretty::write_compact(&mut buf, &changes(m)).expect("changes serialise");
    buf
}

/// `data/briefing.json`, schema version [`super::SCHEMA_VERSION`] (see
/// docs/analyst-views.md), written to `w` a few hundred kilobytes at a time rather than
/// made whole in memory first: at 10,000 items it is 65 MB, the largest export.
pub fn briefing_into(
    m: &Model,
    views: &Views,
    lead: Option<&str>,
    pretty: bool,
    w: &mut dyn std::io::Write,
    marks: &mut Vec<super::pieces::Mark>,
) -> std::io::Result<()> {
    let export = Views::for_export(m, true);
    let doc = document(m, &export, views, lead);
    if pretty {
        // For reading while debugging (`build --pretty-json`): made whole, no pieces
        // (`serve` writes the compact file).
        return w.write_all(&to_bytes(&doc, 0));
    }
    write_document(&doc, w, marks)
}

/// One item's view as `data/briefing.json` has it in its kind's list (without the
/// line break and comma around it).
pub fn item_piece(m: &Model, kind: Kind, id: &str) -> Vec<u8> {
    let mut buf = Vec::new();
    item_into(&mut buf, m, &Views::for_export(m, false), kind, id).expect("views serialise");
    buf
}

fn item_into(
    buf: &mut Vec<u8>,
    m: &Model,
    views: &Views,
    kind: Kind,
    id: &str,
) -> serde_json::Result<()> {
    pretty::write_compact(buf, &ExportItem::new(m, views, kind, id))
}

/// Writes the document as compact JSON with sorted keys, each top-level key and each
/// item of a list on a line of its own (so that a file of 100,000 items can be read
/// line by line and diffed): the top-level keys (in sorted order, as the struct declares
/// them) by hand, each value with `pretty::write_compact`, the text handed to `w`
/// whenever a good piece is ready.
fn write_document(
    doc: &Briefing<'_, '_, '_>,
    w: &mut dyn std::io::Write,
    marks: &mut Vec<super::pieces::Mark>,
) -> std::io::Result<()> {
    const PIECE: usize = 256 * 1024;
    let mut buf: Vec<u8> = Vec::with_capacity(2 * PIECE);
    // Bytes already handed to `w`: an item's place in the file is this plus its place in `buf`.
    let mut written = 0;
    let json = |e: serde_json::Error| std::io::Error::other(e);
    let flush =
        |buf: &mut Vec<u8>, w: &mut dyn std::io::Write, written: &mut usize, force: bool| {
            if force || buf.len() >= PIECE {
                w.write_all(buf)?;
                *written += buf.len();
                buf.clear();
            }
            Ok::<(), std::io::Error>(())
        };
    let key = |buf: &mut Vec<u8>, first: bool, name: &str| {
        buf.extend_from_slice(if first { b"{\"" } else { b",\n\"" });
        buf.extend_from_slice(name.as_bytes());
        buf.extend_from_slice(b"\":");
    };
    type Marks = Vec<super::pieces::Mark>;
    let items = |buf: &mut Vec<u8>,
                 w: &mut dyn std::io::Write,
                 list: &Items,
                 written: &mut usize,
                 marks: &mut Marks| {
        if list.ids.is_empty() {
            buf.extend_from_slice(b"[]");
            return Ok(());
        }
        buf.extend_from_slice(b"[\n");
        for (i, id) in list.ids.iter().enumerate() {
            if i > 0 {
                buf.extend_from_slice(b",\n");
            }
            let start = *written + buf.len();
            item_into(buf, list.m, list.views, list.kind, id).map_err(json)?;
            marks.push(super::pieces::Mark {
                kind: list.kind,
                id: (*id).clone(),
                range: start..*written + buf.len(),
            });
            flush(buf, w, written, false)?;
        }
        buf.extend_from_slice(b"\n]");
        Ok::<(), std::io::Error>(())
    };
    key(&mut buf, true, "actors");
    items(&mut buf, w, &doc.actors, &mut written, marks)?;
    key(&mut buf, false, "changes");
    let start = written + buf.len();
    pretty::write_compact(&mut buf, &doc.changes).map_err(json)?;
    marks.push(super::pieces::Mark {
        kind: Kind::Rounds,
        id: super::pieces::CHANGES.to_string(),
        range: start..written + buf.len(),
    });
    key(&mut buf, false, "documents");
    items(&mut buf, w, &doc.documents, &mut written, marks)?;
    key(&mut buf, false, "guarantees");
    items(&mut buf, w, &doc.guarantees, &mut written, marks)?;
    key(&mut buf, false, "languages");
    pretty::write_compact(&mut buf, &doc.languages).map_err(json)?;
    key(&mut buf, false, "lead_round");
    pretty::write_compact(&mut buf, &doc.lead_round).map_err(json)?;
    key(&mut buf, false, "links");
    pretty::write_compact(&mut buf, &doc.links).map_err(json)?;
    key(&mut buf, false, "meetings");
    items(&mut buf, w, &doc.meetings, &mut written, marks)?;
    key(&mut buf, false, "rounds");
    items(&mut buf, w, &doc.rounds, &mut written, marks)?;
    key(&mut buf, false, "schema_version");
    pretty::write_compact(&mut buf, &doc.schema_version).map_err(json)?;
    key(&mut buf, false, "site");
    pretty::write_compact(&mut buf, &doc.site).map_err(json)?;
    key(&mut buf, false, "sources");
    items(&mut buf, w, &doc.sources, &mut written, marks)?;
    key(&mut buf, false, "statements");
    items(&mut buf, w, &doc.statements, &mut written, marks)?;
    buf.extend_from_slice(b"\n}\n");
    flush(&mut buf, w, &mut written, true)
}

/// A TimelineJS date: the parts of an ISO date without leading zeros.
#[derive(Serialize)]
struct TlDate<'a> {
    day: Option<&'a str>,
    month: Option<&'a str>,
    year: Option<&'a str>,
}

fn tl_date(iso: &str) -> TlDate<'_> {
    let mut parts = iso.split('-').map(|p| p.trim_start_matches('0'));
    let (year, month, day) = (parts.next(), parts.next(), parts.next());
    TlDate { day, month, year }
}

/// A TimelineJS headline and text (fields in sorted order, as written).
#[derive(Serialize)]
struct TlText {
    headline: String,
    text: String,
}

#[derive(Serialize)]
struct TlEvent<'a> {
    group: &'a str,
    start_date: TlDate<'a>,
    text: TlText,
    unique_id: String,
}

#[derive(Serialize)]
struct TlTitle {
    text: TlText,
}

#[derive(Serialize)]
struct Timeline<'a> {
    events: Vec<TlEvent<'a>>,
    title: TlTitle,
}

/// `timeline.json` in the TimelineJS JSON format: one event per timeline entry.
pub fn timeline(m: &Model, views: &Views) -> Vec<u8> {
    let base = m.site.base_url.as_deref();
    let entries = views.timeline_entries();
    let events: Vec<TlEvent> = entries
        .iter()
        .map(|e| {
            let mut text = e.note.clone().unwrap_or_default();
            if e.upcoming {
                text = views
                    .locale()
                    .fill("feed.upcoming", &[("text", &text)])
                    .trim()
                    .to_string();
            }
            let link = base.map(|b| format!("{b}{}", e.url));
            // The TLP 2.0 label leads the headline of anything not TLP:CLEAR.
            let title = match e.tlp.word {
                "clear" => super::text::xml(&e.title),
                _ => super::text::xml(&format!("[{}] {}", e.tlp.label, e.title)),
            };
            TlEvent {
                unique_id: format!("{}-{}-{}", e.url, e.status.unwrap_or(e.kind), e.date.iso)
                    .chars()
                    .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                    .collect::<String>(),
                start_date: tl_date(&e.date.iso),
                group: e.kind,
                text: TlText {
                    headline: match &link {
                        Some(l) => format!("<a href=\"{}\">{title}</a>", super::text::xml(l)),
                        None => title,
                    },
                    text: super::text::xml(&text),
                },
            }
        })
        .collect();
    let doc = Timeline {
        events,
        title: TlTitle {
            text: TlText {
                headline: super::text::xml(&m.site.title),
                text: super::text::xml(m.site.subtitle.as_deref().unwrap_or("")),
            },
        },
    };
    to_bytes(&doc, 1024 + 512 * entries.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The document streamed piece by piece is the document the writer makes whole
    /// (but for the line breaks between keys and items), and its marks hold the items.
    #[test]
    fn streamed_document_equals_the_whole_one() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for site in [root.to_path_buf(), root.join("tests/fixtures/analysis")] {
            let site = crate::Site::load(&site).expect("the site loads");
            let views = Views::new(&site.model);
            // A site with no items at all: every list empty.
            let mut bare = site.model.clone();
            bare.actors.clear();
            bare.sources.clear();
            bare.meetings.clear();
            bare.statements.clear();
            bare.guarantees.clear();
            bare.rounds.clear();
            bare.documents.clear();
            bare.links = crate::model::Links::compute(&bare);
            let bare_views = Views::new(&bare);
            for (m, v) in [(&site.model, &views), (&bare, &bare_views)] {
                let export = Views::for_export(m, true);
                let doc = document(m, &export, v, Some("x"));
                let mut whole = Vec::new();
                pretty::write_compact(&mut whole, &doc).unwrap();
                let mut streamed = Vec::new();
                let mut marks = Vec::new();
                write_document(&doc, &mut streamed, &mut marks).unwrap();
                // Every item, and the rounds' changes.
                let items: usize = Kind::ALL.iter().map(|k| m.ids(*k).len()).sum();
                assert_eq!(marks.len(), items + 1);
                for mark in &marks[..marks.len().min(5)] {
                    let piece = &streamed[mark.range.clone()];
                    assert!(serde_json::from_slice::<serde_json::Value>(piece).is_ok());
                }
                let text = String::from_utf8(streamed).unwrap();
                assert!(!text.contains("\n "), "no indentation");
                assert!(text.ends_with("}\n"));
                // A line break is never in a JSON string (it is escaped there): the
                // breaks are the only difference.
                assert!(text.replace('\n', "") == String::from_utf8(whole).unwrap());
            }
        }
    }

    /// The hand-written writer against serde_json (through `Value`, whose maps sort their
    /// keys) on the site at `BRIEFING_JSON_SITE`, for docs/performance.md:
    /// `BRIEFING_JSON_SITE=/dev/shm/c10k cargo test --release --lib json_writers -- --ignored --nocapture`.
    #[test]
    #[ignore = "a measurement: needs BRIEFING_JSON_SITE"]
    fn json_writers_compared() {
        let Ok(root) = std::env::var("BRIEFING_JSON_SITE") else {
            return;
        };
        let site = crate::Site::load(std::path::Path::new(&root)).expect("the site loads");
        let views = Views::new(&site.model);
        let export = Views::for_export(&site.model, true);
        let doc = document(&site.model, &export, &views, None);
        let (mut pretty_ms, mut serde_ms) = (Vec::new(), Vec::new());
        for _ in 0..5 {
            let t = std::time::Instant::now();
            let mut ours = Vec::new();
            pretty::write_compact(&mut ours, &doc).unwrap();
            pretty_ms.push(t.elapsed().as_secs_f64() * 1e3);
            let t = std::time::Instant::now();
            let value = serde_json::to_value(&doc).unwrap();
            let mut theirs = Vec::new();
            serde_json::to_writer(&mut theirs, &value).unwrap();
            serde_ms.push(t.elapsed().as_secs_f64() * 1e3);
            assert!(ours == theirs, "the same bytes");
        }
        let median = |v: &mut Vec<f64>| {
            v.sort_by(f64::total_cmp);
            v[v.len() / 2]
        };
        eprintln!(
            "data/briefing.json: hand-written {:.1} ms, serde_json via Value {:.1} ms (medians of 5)",
            median(&mut pretty_ms),
            median(&mut serde_ms)
        );
    }

    #[test]
    fn empty_lists_are_written_as_serde_json_writes_them() {
        let mut out = Vec::new();
        pretty::write(&mut out, 1, &Vec::<u32>::new()).unwrap();
        assert_eq!(out, b"[]");
    }
}
