//! JSON exports: `data/briefing.json` (the whole model as built) and `timeline.json`
//! (TimelineJS format).

use crate::analysis::changes::all_round_changes;
use crate::markdown::ROOT_MARK;
use crate::model::{Kind, Model};
use crate::render::view::Views;
use rayon::prelude::*;
use serde::Serialize;
use serde_json::{Value, json};

fn to_string<T: Serialize>(v: &T) -> String {
    let mut s = serde_json::to_string_pretty(v).expect("views serialise");
    s.push('\n');
    // Links in rendered Markdown become relative to the site root.
    s.replace(ROOT_MARK, "")
}

/// `data/briefing.json`, schema version [`super::SCHEMA_VERSION`] (see docs/analyst-views.md).
pub fn briefing(m: &Model, views: &Views, lead: Option<&str>) -> String {
    // Each item is turned into pretty JSON on its own, in parallel, and spliced into the
    // document in place of a marker: the whole site never exists as one `Value` tree.
    // (JSON strings hold no raw newline, so indenting after each one is safe.)
    let items = |k: Kind| -> Vec<String> {
        let ids: Vec<&String> = match k {
            Kind::Actors => m.actors.keys().collect(),
            Kind::Sources => m.sources.keys().collect(),
            Kind::Meetings => m.meetings.keys().collect(),
            Kind::Statements => m.statements.keys().collect(),
            Kind::Guarantees => m.guarantees.keys().collect(),
            Kind::Rounds => m.rounds.keys().collect(),
        };
        ids.into_par_iter()
            .map(|id| {
                // Through `Value`, so keys come out sorted as in the rest of the document.
                let v = serde_json::to_value(views.item(k, id)).expect("views serialise");
                let text = serde_json::to_string_pretty(&v).expect("values serialise");
                // Links in rendered Markdown become relative to the site root.
                format!(
                    "    {}",
                    text.replace('\n', "\n    ").replace(ROOT_MARK, "")
                )
            })
            .collect()
    };
    let marker = |k: Kind| format!("\u{0}items:{}\u{0}", k.dir());
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
    let doc = json!({
        "schema_version": super::SCHEMA_VERSION,
        "site": {
            "title": s.title,
            "subtitle": s.subtitle,
            "base_url": s.base_url,
            "language": s.language,
            "timezone": s.timezone,
            "as_of": s.as_of.to_string(),
            "default_tlp": s.default_tlp,
        },
        "lead_round": lead,
        "actors": marker(Kind::Actors),
        "sources": marker(Kind::Sources),
        "meetings": marker(Kind::Meetings),
        "statements": marker(Kind::Statements),
        "guarantees": marker(Kind::Guarantees),
        "rounds": marker(Kind::Rounds),
        "changes": changes,
    });
    let doc = to_string(&doc);
    // Each marker appears once; splice the lists in, in the order they appear, into one
    // string allocated once.
    let mut lists: Vec<(usize, String, Vec<String>)> = Kind::ALL
        .iter()
        .map(|k| {
            let quoted = serde_json::to_string(&marker(*k)).expect("a string serialises");
            let at = doc.find(&quoted).expect("every list has its marker");
            (at, quoted, items(*k))
        })
        .collect();
    lists.sort_by_key(|l| l.0);
    let size: usize = lists.iter().flat_map(|l| &l.2).map(|t| t.len() + 2).sum();
    let mut text = String::with_capacity(doc.len() + size + 64);
    let mut from = 0;
    for (at, quoted, list) in &lists {
        text.push_str(&doc[from..*at]);
        if list.is_empty() {
            text.push_str("[]");
        } else {
            text.push_str("[\n");
            for (i, item) in list.iter().enumerate() {
                if i > 0 {
                    text.push_str(",\n");
                }
                text.push_str(item);
            }
            text.push_str("\n  ]");
        }
        from = at + quoted.len();
    }
    text.push_str(&doc[from..]);
    text
}

fn tl_date(iso: &str) -> Value {
    let mut parts = iso
        .split('-')
        .map(|p| p.trim_start_matches('0').to_string());
    json!({
        "year": parts.next(),
        "month": parts.next(),
        "day": parts.next(),
    })
}

/// `timeline.json` in the TimelineJS JSON format: one event per timeline entry.
pub fn timeline(m: &Model, views: &Views) -> String {
    let base = m.site.base_url.as_deref();
    let events: Vec<Value> = views
        .timeline_entries()
        .iter()
        .map(|e| {
            let mut text = e.note.clone().unwrap_or_default();
            if e.upcoming {
                text = format!("Upcoming. {text}").trim().to_string();
            }
            let link = base.map(|b| format!("{b}{}", e.url));
            // The TLP 2.0 label leads the headline of anything not TLP:CLEAR.
            let title = match e.tlp.word {
                "clear" => e.title.clone(),
                _ => format!("[{}] {}", e.tlp.label, e.title),
            };
            json!({
                "unique_id": format!("{}-{}-{}", e.url, e.status.unwrap_or(e.kind), e.date.iso)
                    .chars()
                    .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                    .collect::<String>(),
                "start_date": tl_date(&e.date.iso),
                "group": e.kind,
                "text": {
                    "headline": match &link {
                        Some(l) => format!("<a href=\"{}\">{}</a>", super::text::xml(l), super::text::xml(&title)),
                        None => super::text::xml(&title),
                    },
                    "text": super::text::xml(&text),
                },
            })
        })
        .collect();
    let doc = json!({
        "title": {
            "text": {
                "headline": super::text::xml(&m.site.title),
                "text": super::text::xml(m.site.subtitle.as_deref().unwrap_or("")),
            }
        },
        "events": events,
    });
    to_string(&doc)
}
