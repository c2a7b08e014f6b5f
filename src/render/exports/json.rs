//! JSON exports: `data/briefing.json` (the whole model as built) and `timeline.json`
//! (TimelineJS format).

use crate::analysis::{changes::round_changes, rounds_in_order};
use crate::markdown::ROOT_MARK;
use crate::model::{Kind, Model};
use crate::render::view::{ItemView, Views};
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
    let items = |k: Kind| -> Vec<ItemView> {
        let ids: Vec<&String> = match k {
            Kind::Actors => m.actors.keys().collect(),
            Kind::Sources => m.sources.keys().collect(),
            Kind::Meetings => m.meetings.keys().collect(),
            Kind::Statements => m.statements.keys().collect(),
            Kind::Guarantees => m.guarantees.keys().collect(),
            Kind::Rounds => m.rounds.keys().collect(),
        };
        ids.into_iter().map(|id| views.item(k, id)).collect()
    };
    let changes: Vec<Value> = rounds_in_order(m)
        .iter()
        .filter_map(|r| round_changes(m, &r.meta.id))
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
        "actors": items(Kind::Actors),
        "sources": items(Kind::Sources),
        "meetings": items(Kind::Meetings),
        "statements": items(Kind::Statements),
        "guarantees": items(Kind::Guarantees),
        "rounds": items(Kind::Rounds),
        "changes": changes,
    });
    to_string(&doc)
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
