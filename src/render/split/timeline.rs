//! The timeline split by month: `timeline.html` lists the years and months with their
//! counts (and the activity chart); each month has its page, `timeline/2026-03.html`,
//! continued on `timeline/2026-03-2.html`, ... when it holds more entries than a page
//! may; the embed shows the latest entries up to the as-of date.

use super::{PageRef, Part, highest, numbered, page};
use crate::analysis::timeline::{Entry, entries, month_id};
use crate::render::Page;
use crate::render::paginate::{self, Pagination};
use crate::render::view::{TimelineMonth, TlpView, Views};
use crate::routes::{Section, View};
use serde::Serialize;
use std::ops::Range;
use std::sync::Arc;

/// The embed shows at most this many of the latest entries.
const EMBED_ENTRIES: usize = 200;

/// Every dated thing, and how the timeline's pages divide it.
#[derive(Debug)]
pub(crate) struct Plan {
    entries: Vec<Entry>,
    months: Vec<Month>,
    /// The entries the embed shows.
    embed: Range<usize>,
}

/// One month: its entries, and each of its pages' (ranges of [`Plan::entries`]).
#[derive(Debug)]
struct Month {
    id: String,
    range: Range<usize>,
    parts: Vec<Range<usize>>,
}

/// Which page of the timeline.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Which {
    Index,
    /// Month number `.0`, its page `.1` (from 0).
    Month(usize, usize),
    Embed,
}

pub(super) fn plan(views: &Views, budget: usize) -> Plan {
    let m = views.m;
    let entries = entries(m);
    let mut months = Vec::new();
    let mut i = 0;
    while i < entries.len() {
        let id = month_id(entries[i].date);
        let end = i + entries[i..]
            .iter()
            .take_while(|e| month_id(e.date) == id)
            .count();
        months.push(Month {
            parts: month_parts(&entries, i..end, budget),
            id,
            range: i..end,
        });
        i = end;
    }
    let as_of = m.site.as_of;
    let end = entries.partition_point(|e| e.date.first() <= as_of);
    let mut start = end.saturating_sub(budget.min(EMBED_ENTRIES));
    // Whole days only, unless one day fills the window.
    if start > 0 {
        let cut = entries[start - 1].date;
        let skip = entries[start..end]
            .iter()
            .take_while(|e| e.date == cut)
            .count();
        if start + skip < end {
            start += skip;
        }
    }
    Plan {
        entries,
        months,
        embed: start..end,
    }
}

/// The pages of one month: its days, a page at a time, a day cut only when it alone
/// holds more than a page may.
fn month_parts(entries: &[Entry], month: Range<usize>, budget: usize) -> Vec<Range<usize>> {
    let mut rows: Vec<Range<usize>> = Vec::new();
    let mut d = month.start;
    while d < month.end {
        let date = entries[d].date;
        let day_end = d + entries[d..month.end]
            .iter()
            .take_while(|e| e.date == date)
            .count();
        let mut s = d;
        while s < day_end {
            let e = (s + budget).min(day_end);
            rows.push(s..e);
            s = e;
        }
        d = day_end;
    }
    super::runs(rows.iter().map(|r| r.len()), budget)
        .into_iter()
        .map(|run| rows[run.start].start..rows[run.end - 1].end)
        .collect()
}

/// The timeline's index, its months' pages and its embed.
pub(super) fn pages(plan: &Arc<Plan>, l: &crate::i18n::Locale) -> Vec<Page> {
    let mut out = vec![
        page(
            View::Timeline.path().into(),
            "timeline.html",
            l.text("title.timeline"),
            "timeline",
            Part::Timeline(plan.clone(), Which::Index),
        ),
        page(
            View::EmbedTimeline.path().into(),
            "embed.html",
            l.text("title.timeline"),
            "embed",
            Part::Timeline(plan.clone(), Which::Embed),
        ),
    ];
    for (i, mo) in plan.months.iter().enumerate() {
        let section = Section::Month(&mo.id);
        for n in 0..mo.parts.len() {
            out.push(page(
                section.page(n + 1),
                "timeline-month.html",
                numbered(
                    l,
                    &l.fill(
                        "view_title.timeline_month",
                        &[("month", &month_title(l, &mo.id))],
                    ),
                    n + 1,
                    mo.parts.len(),
                ),
                "timeline",
                Part::Timeline(plan.clone(), Which::Month(i, n)),
            ));
        }
    }
    out
}

/// `January 2026`, in `l`'s language.
fn month_title(l: &crate::i18n::Locale, id: &str) -> String {
    format!("{id}-01")
        .parse::<jiff::civil::Date>()
        .map_or_else(|_| id.to_string(), |d| l.dates().month(d))
}

/// A month on the timeline's index.
#[derive(Debug, Serialize)]
struct MonthSummary {
    id: String,
    title: String,
    /// Its first page.
    url: String,
    /// How many pages it has.
    pages: usize,
    meetings: usize,
    statements: usize,
    /// Status steps (a contribution reaching a status, once a day).
    steps: usize,
    /// Entries dated after the as-of date.
    upcoming: usize,
    /// The highest marking of its entries.
    tlp: TlpView,
}

/// A year on the timeline's index.
#[derive(Debug, Serialize)]
struct YearSummary {
    year: String,
    months: Vec<MonthSummary>,
    meetings: usize,
    statements: usize,
    steps: usize,
}

/// Month `mo` of the plan on the index, counted on its view.
fn summary(mo: &Month, view: &TimelineMonth) -> MonthSummary {
    let (mut meetings, mut statements, mut steps, mut upcoming) = (0, 0, 0, 0);
    let mut tlps = Vec::new();
    for d in &view.days {
        for e in &d.entries {
            if e.kind == "meeting" {
                meetings += 1;
            } else {
                statements += 1;
            }
            upcoming += usize::from(e.upcoming);
            tlps.push(e.tlp);
        }
        for g in &d.components {
            steps += g.steps.len();
            if d.upcoming {
                upcoming += g.steps.len();
            }
            tlps.extend(g.steps.iter().map(|s| s.tlp));
        }
    }
    MonthSummary {
        id: mo.id.clone(),
        title: view.title.clone(),
        url: Section::Month(&mo.id).page(1),
        pages: mo.parts.len(),
        meetings,
        statements,
        steps,
        upcoming,
        tlp: highest(&tlps),
    }
}

/// The link to month `i`'s first page.
fn month_ref(plan: &Plan, l: &crate::i18n::Locale, i: usize) -> PageRef {
    let id = &plan.months[i].id;
    PageRef {
        title: month_title(l, id),
        url: Section::Month(id).page(1),
    }
}

pub(super) fn data(views: &Views, plan: &Plan, which: Which) -> Vec<(&'static str, tera::Value)> {
    match which {
        Which::Index => {
            let months = views.timeline();
            let chart = views.activity_chart(&months);
            let mut years: Vec<YearSummary> = Vec::new();
            // The plan's months are the timeline's: made from the same entries.
            for view in &months {
                let Some(mo) = plan.months.iter().find(|mo| mo.id == view.id) else {
                    continue;
                };
                let s = summary(mo, view);
                let year = s.id[..4].to_string();
                if years.last().is_none_or(|y| y.year != year) {
                    years.push(YearSummary {
                        year,
                        months: Vec::new(),
                        meetings: 0,
                        statements: 0,
                        steps: 0,
                    });
                }
                let y = years.last_mut().expect("just pushed");
                y.meetings += s.meetings;
                y.statements += s.statements;
                y.steps += s.steps;
                y.months.push(s);
            }
            // The month of the latest entry up to the as-of date.
            let latest = plan.embed.end.checked_sub(1).and_then(|last| {
                let i = plan.months.iter().position(|mo| mo.range.contains(&last))?;
                Some(month_ref(plan, views.locale(), i))
            });
            vec![
                ("chart", views.value(&chart)),
                ("years", views.value(&years)),
                ("latest", views.value(&latest)),
            ]
        }
        Which::Month(i, n) => {
            let mo = &plan.months[i];
            let months = views.timeline_of(&plan.entries[mo.parts[n].clone()]);
            let relative: Vec<Range<usize>> = mo
                .parts
                .iter()
                .map(|r| r.start - mo.range.start..r.end - mo.range.start)
                .collect();
            let section = Section::Month(&mo.id);
            let pagination: Pagination =
                paginate::paged(&relative, mo.range.len(), &|k| section.file(k)).swap_remove(n);
            let prev = i.checked_sub(1).map(|p| month_ref(plan, views.locale(), p));
            let next = (i + 1 < plan.months.len()).then(|| month_ref(plan, views.locale(), i + 1));
            vec![
                ("months", views.value(&months)),
                ("pagination", views.value(&pagination)),
                ("prev", views.value(&prev)),
                ("next", views.value(&next)),
                (
                    "index",
                    views.value(&super::index(
                        View::Timeline,
                        views.locale(),
                        "title.timeline",
                    )),
                ),
            ]
        }
        Which::Embed => {
            let shown = &plan.entries[plan.embed.clone()];
            let months = views.timeline_of(shown);
            let more = Shown {
                shown: shown.len(),
                total: plan.entries.len(),
                upcoming: plan.entries.len() - plan.embed.end,
            };
            vec![
                ("months", views.value(&months)),
                ("shown", views.value(&more)),
                ("embed", views.value(&"timeline")),
                ("full", views.value(&View::Timeline.path())),
            ]
        }
    }
}

/// What the embed shows of the timeline.
#[derive(Debug, Serialize)]
struct Shown {
    /// Entries shown (the latest up to the as-of date).
    shown: usize,
    /// Entries on the whole timeline (status steps counted before they are grouped).
    total: usize,
    /// Entries after the as-of date, not shown.
    upcoming: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::timeline::What;
    use crate::dates::When;
    use crate::model::Kind;

    /// `days` entries on each of days 1, 2, ... of March 2026.
    fn month(days: &[usize]) -> Vec<Entry> {
        let mut out = Vec::new();
        for (d, &n) in days.iter().enumerate() {
            let date = When::parse(&format!("2026-03-{:02}", d + 1)).unwrap();
            for i in 0..n {
                out.push(Entry {
                    date,
                    kind: Kind::Statements,
                    id: format!("s{d}-{i:04}"),
                    what: What::Statement,
                });
            }
        }
        out
    }

    #[test]
    fn a_month_splits_within_the_budget_at_day_boundaries() {
        let days = [400, 300, 500, 2500, 10, 999, 1];
        let entries = month(&days);
        let parts = month_parts(&entries, 0..entries.len(), 1000);
        // Consecutive, covering the month, none over the budget.
        assert_eq!(parts.first().unwrap().start, 0);
        assert_eq!(parts.last().unwrap().end, entries.len());
        for w in parts.windows(2) {
            assert_eq!(w[0].end, w[1].start);
        }
        assert!(
            parts.iter().all(|p| !p.is_empty() && p.len() <= 1000),
            "{parts:?}"
        );
        // Cut between days, except inside the day too long for a page (whose last
        // piece shares a page with the day after).
        let starts: Vec<usize> = parts.iter().map(|p| p.start).collect();
        assert_eq!(starts, [0, 700, 1200, 2200, 3200, 3710]);
    }
}
