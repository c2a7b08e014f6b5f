//! The analyst views' pages: matrix, declarations, timeline, sourcing, search, embeds.
//!
//! Some of these views walk every item; like item pages, their data is only made when
//! the page renders ([`data`]) and dropped right after, so that they never all exist at
//! once. The views that grow with the site are split into pages ([`super::split`]).

use super::view::Views;
use super::{Page, pages::Lazy};
use crate::routes::{self, View};

/// The analyst pages that show fields of meetings and statements beyond their links
/// (title, date, marking, note) and references: the sourcing pages, which grade their
/// citations (and read nothing else of them). The others are made from links,
/// references, dates and contributions: the matrix and changes from contributions, the
/// declarations from the reverse references and contributions, the timeline from links
/// and dates, the search page from links.
pub(super) fn grading_citations(views: &Views) -> Vec<Page> {
    super::split::grading_citations(views)
}

/// The analyst pages made from contributions: the matrix, the declarations, the timeline
/// (each status step is an entry), the rounds chart and the changes, with their embeds.
pub(super) fn reading_contributions(views: &Views) -> Vec<Page> {
    use View::*;
    let mut out: Vec<Page> = plan_whole(views.locale())
        .into_iter()
        .filter(|p| {
            matches!(
                p.lazy,
                Some(Lazy::View(
                    Matrix | RoundsChart | EmbedMatrix | EmbedChanges
                ))
            )
        })
        .collect();
    out.extend(super::split::reading_contributions(views));
    out
}

/// The view pages and their embeds; the views split into pages (timeline, declarations,
/// sourcing, claims) with theirs.
pub(super) fn plan(views: &Views) -> Vec<Page> {
    let mut out = plan_whole(views.locale());
    out.extend(super::split::plan(views));
    out
}

/// The view pages made whole, and their embeds.
fn plan_whole(locale: &crate::i18n::Locale) -> Vec<Page> {
    use View::*;
    let page = |template, title: &str, section, view: View| Page {
        path: view.path().to_string(),
        template,
        title: locale.text(title),
        section,
        data: Vec::new(),
        lazy: Some(Lazy::View(view)),
        marked: None,
    };
    vec![
        page("matrix.html", "title.matrix", "matrix", Matrix),
        page(
            "rounds-chart.html",
            "title.rounds_chart",
            "rounds",
            RoundsChart,
        ),
        page("search.html", "title.search", "search", Search),
        page("markings.html", "title.markings", "markings", Markings),
        page("embed.html", "title.matrix", "embed", EmbedMatrix),
        page("embed.html", "title.changes", "embed", EmbedChanges),
    ]
}

/// The data of one view page. `lead` is the round leading the front page.
pub(super) fn data(
    views: &Views,
    lead: Option<&str>,
    page: View,
) -> Vec<(&'static str, tera::Value)> {
    use View::*;
    let embed = |name: &'static str, full: &str, data: (&'static str, tera::Value)| {
        vec![
            data,
            ("embed", views.value(&name)),
            ("full", views.value(&full)),
        ]
    };
    match page {
        Matrix => vec![
            ("matrix", views.value(&views.matrix())),
            ("picker", views.value(&views.round_picker(None))),
            ("frozen", tera::Value::none()),
        ],
        RoundsChart => vec![(
            "chart",
            views.value(&lead.and_then(|r| views.rounds_chart_full(r))),
        )],
        Search => vec![("searchable", views.value_of(&views.searchable()))],
        Markings => vec![(
            "scales",
            views.value(&super::view::Scales::new(views.audience())),
        )],
        EmbedMatrix => embed(
            "matrix",
            Matrix.path(),
            ("matrix", views.value(&views.matrix())),
        ),
        EmbedChanges => embed(
            "changes",
            &format!("{}#{}", routes::FRONT, routes::CHANGES_ANCHOR),
            ("changes", views.value(&lead.map(|r| views.changes(r)))),
        ),
        // Split into pages: see super::split.
        Declarations | Claims | Timeline | Sourcing | EmbedTimeline => Vec::new(),
    }
}
