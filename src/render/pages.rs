//! Which pages the site has and what each one shows.

use super::view::{ItemView, Views};
use super::{Page, value};
use crate::model::{Kind, MeetingStatus, Model};
use rayon::prelude::*;

/// Lists every page of the site and the data each one shows.
pub(super) fn plan(m: &Model, lead: Option<&str>) -> Vec<Page> {
    let views = Views::new(m);
    let mut pages = Vec::new();
    let ids = |k: Kind| -> Vec<String> {
        match k {
            Kind::Actors => m.actors.keys().cloned().collect(),
            Kind::Sources => m.sources.keys().cloned().collect(),
            Kind::Meetings => m.meetings.keys().cloned().collect(),
            Kind::Statements => m.statements.keys().cloned().collect(),
            Kind::Guarantees => m.guarantees.keys().cloned().collect(),
            Kind::Rounds => m.rounds.keys().cloned().collect(),
        }
    };
    let mut all: Vec<(Kind, Vec<ItemView>)> = Kind::ALL
        .par_iter()
        .map(|k| (*k, ids(*k).iter().map(|id| views.item(*k, id)).collect()))
        .collect();
    for (kind, items) in &mut all {
        sort_for_list(*kind, items);
    }
    let find = |k: Kind| {
        &all.iter()
            .find(|(kk, _)| *kk == k)
            .expect("every kind is planned")
            .1
    };

    for (kind, items) in &all {
        for item in items {
            let mut data = vec![("item", value(item))];
            if *kind == Kind::Rounds {
                data.push(("brief", value(&round_brief(&views, m, &item.id))));
            }
            pages.push(Page {
                path: item.url.clone(),
                template: item_template(*kind),
                title: item.title.clone(),
                section: kind.dir(),
                data,
            });
        }
        pages.push(Page {
            path: format!("{}/index.html", kind.dir()),
            template: "list.html",
            title: kind.title().to_string(),
            section: kind.dir(),
            data: vec![("items", value(items)), ("kind", value(&kind.dir()))],
        });
    }

    // Front page: the current round, what comes next, what was said last, where each
    // guarantee component stands.
    let as_of = m.site.as_of;
    // The lead round is the one asked for, else the latest to have started by the as-of
    // date; a round that has not started yet has no bottom line to give.
    let lead = crate::analysis::lead_round(m, lead);
    let round = lead.map(|r| views.item(Kind::Rounds, &r.meta.id));
    let brief = lead.map(|r| round_brief(&views, m, &r.meta.id));
    let mut next: Vec<&crate::model::Meeting> = m
        .meetings
        .values()
        .filter(|x| x.date > as_of && x.status != MeetingStatus::Cancelled)
        .collect();
    next.sort_by_key(|x| (x.date, x.meta.id.clone()));
    let next: Vec<ItemView> = next
        .iter()
        .map(|x| views.item(Kind::Meetings, &x.meta.id))
        .collect();
    let mut recent: Vec<&crate::model::Meeting> =
        m.meetings.values().filter(|x| x.date <= as_of).collect();
    recent.sort_by_key(|x| std::cmp::Reverse((x.date, x.meta.id.clone())));
    let recent: Vec<ItemView> = recent
        .iter()
        .take(5)
        .map(|x| views.item(Kind::Meetings, &x.meta.id))
        .collect();
    let latest: Vec<ItemView> = find(Kind::Statements).iter().take(5).cloned().collect();
    let guarantees = find(Kind::Guarantees);
    let counts: Vec<(&str, usize)> = all.iter().map(|(k, v)| (k.dir(), v.len())).collect();
    pages.push(Page {
        path: "index.html".into(),
        template: "index.html",
        title: m.site.title.clone(),
        section: "index",
        data: vec![
            ("round", value(&round)),
            ("brief", value(&brief)),
            ("next_meetings", value(&next)),
            ("recent_meetings", value(&recent)),
            ("latest_statements", value(&latest)),
            ("guarantees", value(guarantees)),
            (
                "counts",
                value(
                    &counts
                        .into_iter()
                        .collect::<std::collections::BTreeMap<_, _>>(),
                ),
            ),
        ],
    });
    pages.extend(super::analysis_pages::plan(
        &views,
        lead.map(|r| r.meta.id.as_str()),
    ));
    pages
}

/// A round's brief speaks as of the round's end, or the site's as-of date if earlier.
fn round_brief(views: &Views, m: &Model, id: &str) -> super::view::BriefView {
    views.brief(id, m.rounds[id].end.min(m.site.as_of))
}

fn item_template(k: Kind) -> &'static str {
    match k {
        Kind::Actors => "actor.html",
        Kind::Sources => "source.html",
        Kind::Meetings => "meeting.html",
        Kind::Statements => "statement.html",
        Kind::Guarantees => "guarantee.html",
        Kind::Rounds => "round.html",
    }
}

/// Dated kinds list newest first; the others by title.
fn sort_for_list(kind: Kind, items: &mut [ItemView]) {
    use super::view::Detail;
    let date = |v: &ItemView| match &v.detail {
        Detail::Meeting { date, .. } | Detail::Statement { date, .. } => Some(date.iso.clone()),
        Detail::Round { start, .. } => Some(start.iso.clone()),
        _ => None,
    };
    match kind {
        Kind::Meetings | Kind::Statements | Kind::Rounds => {
            items.sort_by(|a, b| date(b).cmp(&date(a)).then_with(|| a.id.cmp(&b.id)))
        }
        _ => items.sort_by(|a, b| {
            a.title
                .to_lowercase()
                .cmp(&b.title.to_lowercase())
                .then_with(|| a.id.cmp(&b.id))
        }),
    }
}
