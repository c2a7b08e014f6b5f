//! The analysis views that grow with the site, split into pages: the timeline by month,
//! the declarations by actor and by component, the sourcing register and report by
//! section. Each view's page (`timeline.html`, `declarations.html`, `sourcing.html`)
//! becomes an index that keeps the view's totals and warnings and links to the pages of
//! its sections ([`crate::routes::Section`]), none of which holds more than site.yaml's
//! `view_page_entries` entries, whatever the size of the site.
//!
//! What a view's pages show is worked out once, when the site is planned ([`Plan`]s,
//! shared by the view's pages); each page's template values are made when it renders.

use super::view::Views;
use super::{Page, pages::Lazy};
use crate::i18n::Locale;
use crate::model::Tlp;
use crate::routes::View;
use serde::Serialize;
use std::ops::Range;
use std::sync::Arc;

mod claims;
mod declarations;
mod sourcing;
mod timeline;

/// One page of a split view, with its view's plan.
#[derive(Debug, Clone)]
pub(crate) enum Part {
    Timeline(Arc<timeline::Plan>, timeline::Which),
    Declarations(Arc<declarations::Plan>, declarations::Which),
    Sourcing(Arc<sourcing::Plan>, sourcing::Which),
    /// Page `.1` (from 0) of the claims.
    Claims(Arc<claims::Plan>, usize),
}

/// A link to another page of a view: its title, and its path from the site root.
#[derive(Debug, Clone, Serialize)]
pub struct PageRef {
    pub title: String,
    pub url: String,
}

/// A row of a split view, or a piece of one too long for a page (`continued` from the
/// page before).
#[derive(Debug, Clone, Serialize)]
pub struct Row<T> {
    #[serde(flatten)]
    pub row: T,
    pub continued: bool,
}

/// One page of a section on its view's index: where it is, the titles of its first and
/// last rows, how many rows start on it and what they count.
#[derive(Debug, Clone, Serialize)]
pub struct PageSummary {
    pub url: String,
    pub first: String,
    pub last: String,
    /// Rows that start on the page (a row continued from the page before is not counted).
    pub rows: usize,
    /// What the page's rows count, by what the index says (`statements`, ...).
    pub counts: Vec<usize>,
    /// The highest marking of what the page shows: the index counts it.
    pub tlp: super::view::TlpView,
}

/// How many of some verdict or grade: `{key, label, count}`.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Tally {
    pub key: &'static str,
    pub label: String,
    pub count: usize,
}

/// Counts `keys` (key, label), in key order.
fn tally<'a>(keys: impl IntoIterator<Item = (&'static str, &'a str)>) -> Vec<Tally> {
    let mut counts: std::collections::BTreeMap<(&str, &str), usize> = Default::default();
    for k in keys {
        *counts.entry(k).or_default() += 1;
    }
    counts
        .into_iter()
        .map(|((key, label), count)| Tally {
            key,
            label: label.to_string(),
            count,
        })
        .collect()
}

/// Splits a row weighing more than `budget` into pieces that do not, taking from its
/// lists in order; `lists` copies them out of the row (only for a row to split), `make`
/// builds a piece from what each list gives it (a row of one entry heading lists of the
/// rest).
fn pieces<T, L>(
    row: T,
    weight: usize,
    budget: usize,
    lists: impl FnOnce(&T) -> L,
    mut make: impl FnMut(&T, &mut L, &mut usize) -> T,
    empty: impl Fn(&L) -> bool,
) -> Vec<Row<T>> {
    if weight <= budget {
        return vec![Row {
            row,
            continued: false,
        }];
    }
    let mut lists = lists(&row);
    let mut out = Vec::new();
    while !empty(&lists) {
        let mut room = budget.saturating_sub(1).max(1);
        let piece = make(&row, &mut lists, &mut room);
        out.push(Row {
            row: piece,
            continued: !out.is_empty(),
        });
    }
    out
}

/// Takes up to `room` entries from the front of `v`.
fn take<T>(v: &mut Vec<T>, room: &mut usize) -> Vec<T> {
    let n = (*room).min(v.len());
    *room -= n;
    v.drain(..n).collect()
}

/// Cuts rows weighing `weights` into the runs of the pages of a section.
fn runs(weights: impl IntoIterator<Item = usize>, budget: usize) -> Vec<Range<usize>> {
    let w: Vec<usize> = weights.into_iter().collect();
    super::paginate::runs(&w, budget)
}

/// The highest of some markings.
fn highest<'a>(tlps: impl IntoIterator<Item = &'a super::view::TlpView>) -> super::view::TlpView {
    tlps.into_iter()
        .filter_map(|t| Tlp::parse(t.word))
        .max()
        .unwrap_or(Tlp::Clear)
        .into()
}

fn page(
    path: String,
    template: &'static str,
    title: String,
    section: &'static str,
    part: Part,
) -> Page {
    Page {
        path,
        template,
        title,
        section,
        data: Vec::new(),
        lazy: Some(Lazy::Split(part)),
        marked: None,
    }
}

/// The title of page `n` of `pages` of a section called `title`, in `l`'s language.
fn numbered(l: &Locale, title: &str, n: usize, pages: usize) -> String {
    if pages > 1 {
        l.fill(
            "title.list_page",
            &[
                ("list", title),
                ("page", &l.numbers().format(n as f64)),
                ("pages", &l.numbers().format(pages as f64)),
            ],
        )
    } else {
        title.to_string()
    }
}

/// Every page of the split views: their indexes, their sections' pages and the
/// timeline's embed.
pub(super) fn plan(views: &Views) -> Vec<Page> {
    let budget = views.m.site.view_page_entries.max(1);
    let (t, (d, s)) = rayon::join(
        || timeline::plan(views, budget),
        || {
            rayon::join(
                || declarations::plan(views, budget),
                || sourcing::plan(views, budget),
            )
        },
    );
    let l = views.locale();
    let mut out = timeline::pages(&Arc::new(t), l);
    out.extend(declarations::pages(&Arc::new(d), l));
    out.extend(sourcing::pages(&Arc::new(s), l));
    out.extend(claims::pages(&Arc::new(claims::plan(views, budget)), l));
    out
}

/// The pages of the split views that show contributions: the timeline's and the
/// declarations'.
pub(super) fn reading_contributions(views: &Views) -> Vec<Page> {
    let budget = views.m.site.view_page_entries.max(1);
    let l = views.locale();
    let mut out = timeline::pages(&Arc::new(timeline::plan(views, budget)), l);
    out.extend(declarations::pages(
        &Arc::new(declarations::plan(views, budget)),
        l,
    ));
    out
}

/// The pages of the sourcing view.
pub(super) fn grading_citations(views: &Views) -> Vec<Page> {
    let budget = views.m.site.view_page_entries.max(1);
    sourcing::pages(&Arc::new(sourcing::plan(views, budget)), views.locale())
}

/// The data of one page of a split view.
pub(super) fn data(views: &Views, part: &Part) -> Vec<(&'static str, tera::Value)> {
    match part {
        Part::Timeline(plan, which) => timeline::data(views, plan, *which),
        Part::Declarations(plan, which) => declarations::data(views, plan, *which),
        Part::Sourcing(plan, which) => sourcing::data(views, plan, *which),
        Part::Claims(plan, page) => claims::data(views, plan, *page),
    }
}

/// The link to a view's index, titled as its page is (`title.<key>`).
fn index(view: View, l: &Locale, key: &str) -> PageRef {
    PageRef {
        title: l.text(key),
        url: view.path().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_longer_than_a_page_is_continued_within_the_budget() {
        // A heading and 2,500 entries in two lists, for pages of 1,000.
        let row = (vec![0; 1800], vec![1; 700]);
        let pieces = pieces(
            row,
            2501,
            1000,
            Clone::clone,
            |_, l, room| (take(&mut l.0, room), take(&mut l.1, room)),
            |l| l.0.is_empty() && l.1.is_empty(),
        );
        let sizes: Vec<(usize, usize)> = pieces
            .iter()
            .map(|p| (p.row.0.len(), p.row.1.len()))
            .collect();
        assert_eq!(sizes, [(999, 0), (801, 198), (0, 502)]);
        let continued: Vec<bool> = pieces.iter().map(|p| p.continued).collect();
        assert_eq!(continued, [false, true, true]);
        // Each piece and its heading fit a page, and a page of them stays within it.
        let weights: Vec<usize> = sizes.iter().map(|(a, b)| 1 + a + b).collect();
        assert!(weights.iter().all(|w| *w <= 1000));
        assert_eq!(runs(weights, 1000).len(), 3);
        // A short row is kept whole.
        let short = super::pieces(
            (vec![1], ()),
            2,
            1000,
            |_| (),
            |r, _, _| r.clone(),
            |_| true,
        );
        assert_eq!(short.len(), 1);
        assert!(!short[0].continued);
    }
}
