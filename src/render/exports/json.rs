//! JSON exports: `data/briefing.json` (the whole model as built) and `timeline.json`
//! (TimelineJS format).

use super::pretty;
use crate::analysis::changes::all_round_changes;
use crate::model::{Kind, Model};
use crate::render::view::Views;
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
    views: &'a Views<'m>,
    kind: Kind,
    ids: Vec<&'a String>,
}

impl Serialize for Items<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.ids.iter().map(|id| self.views.item(self.kind, id)))
    }
}

/// The whole document. Its fields are in sorted order, so the writer, which sorts keys,
/// never has to move the item lists.
#[derive(Serialize)]
struct Briefing<'a, 'm> {
    actors: Items<'a, 'm>,
    changes: Vec<Value>,
    guarantees: Items<'a, 'm>,
    lead_round: Option<&'a str>,
    meetings: Items<'a, 'm>,
    rounds: Items<'a, 'm>,
    schema_version: u32,
    site: Value,
    sources: Items<'a, 'm>,
    statements: Items<'a, 'm>,
}

/// `data/briefing.json`, schema version [`super::SCHEMA_VERSION`] (see docs/analyst-views.md).
pub fn briefing(m: &Model, views: &Views, lead: Option<&str>) -> Vec<u8> {
    // Written in one pass into one buffer: the site never exists as one `Value` tree, nor
    // its items as separate strings.
    let items = |kind: Kind| Items {
        views,
        kind,
        ids: match kind {
            Kind::Actors => m.actors.keys().collect(),
            Kind::Sources => m.sources.keys().collect(),
            Kind::Meetings => m.meetings.keys().collect(),
            Kind::Statements => m.statements.keys().collect(),
            Kind::Guarantees => m.guarantees.keys().collect(),
            Kind::Rounds => m.rounds.keys().collect(),
        },
    };
    let changes: Vec<Value> = all_round_changes(m)
        .into_iter()
        .map(|rc| {
            json!({
                "round": rc.round,
                "previous": rc.previous,
                "counts": rc.counts().iter().map(|(mv, n)| (mv.as_str().to_string(), json!(n))).collect::<serde_json::Map<_, _>>(),
                "contributions": rc.changes.iter().map(|c| json!({
                    "guarantee": c.guarantee,
                    "anchor": format!("contribution-{}", c.index + 1),
                    "by": m.guarantees[&c.guarantee].contributions[c.index].by,
                    "before": c.before.map(|s| s.as_str()),
                    "after": c.after.as_str(),
                    "movement": c.movement.as_str(),
                    "rounds_unchanged": c.rounds_unchanged,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let s = &m.site;
    let doc = Briefing {
        actors: items(Kind::Actors),
        changes,
        guarantees: items(Kind::Guarantees),
        lead_round: lead,
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
    };
    // About 4.5 KB of JSON per item besides its rendered Markdown: reserve a little more,
    // so that the buffer is not copied as it grows (unused room is never touched).
    let html: usize = m
        .statements
        .values()
        .map(|x| x.body_html.len())
        .sum::<usize>()
        + m.meetings
            .values()
            .map(|x| x.body_html.len())
            .sum::<usize>()
        + m.guarantees
            .values()
            .map(|x| x.body_html.len())
            .sum::<usize>();
    let count = m.actors.len()
        + m.sources.len()
        + m.meetings.len()
        + m.statements.len()
        + m.guarantees.len()
        + m.rounds.len();
    to_bytes(&doc, 64 * 1024 + html + 5 * 1024 * count)
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
                text = format!("Upcoming. {text}").trim().to_string();
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
