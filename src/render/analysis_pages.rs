//! The analyst views' pages: matrix, declarations, timeline, sourcing, search, embeds.
//!
//! Some of these views walk every item and make pages of megabytes; like item pages,
//! their data is only made when the page renders ([`data`]) and dropped right after,
//! so that they never all exist at once.

use super::view::Views;
use super::{Page, pages::Lazy};
use crate::routes::{self, View};

/// The analyst pages that show fields of meetings and statements beyond their links
/// (title, date, marking, note) and references: the sourcing page, which grades their
/// citations (and reads nothing else of them). The others are made from links,
/// references, dates and contributions: the matrix and changes from contributions, the
/// declarations from the reverse references and contributions, the timeline from links
/// and dates, the search page from links.
pub(super) fn grading_citations(locale: &crate::i18n::Locale) -> Vec<Page> {
    plan(locale)
        .into_iter()
        .filter(|p| matches!(p.lazy, Some(Lazy::View(View::Sourcing))))
        .collect()
}

/// The analyst pages made from contributions: the matrix, the declarations, the timeline
/// (each status step is an entry), the rounds chart and the changes, with their embeds.
pub(super) fn reading_contributions(locale: &crate::i18n::Locale) -> Vec<Page> {
    use View::*;
    plan(locale)
        .into_iter()
        .filter(|p| {
            matches!(
                p.lazy,
                Some(Lazy::View(
                    Matrix
                        | Declarations
                        | Timeline
                        | RoundsChart
                        | EmbedMatrix
                        | EmbedChanges
                        | EmbedTimeline
                ))
            )
        })
        .collect()
}

/// The view pages and their embeds.
pub(super) fn plan(locale: &crate::i18n::Locale) -> Vec<Page> {
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
            "declarations.html",
            "title.declarations",
            "declarations",
            Declarations,
        ),
        page("claims.html", "title.claims", "claims", Claims),
        page("timeline.html", "title.timeline", "timeline", Timeline),
        page(
            "rounds-chart.html",
            "title.rounds_chart",
            "rounds",
            RoundsChart,
        ),
        page("sourcing.html", "title.sourcing", "sourcing", Sourcing),
        page("search.html", "title.search", "search", Search),
        page("markings.html", "title.markings", "markings", Markings),
        page("embed.html", "title.matrix", "embed", EmbedMatrix),
        page("embed.html", "title.changes", "embed", EmbedChanges),
        page("embed.html", "title.timeline", "embed", EmbedTimeline),
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
        Declarations => {
            let (actors, guarantees, exchanges) = views.declarations();
            vec![
                ("actors", views.value(&actors)),
                ("guarantees", views.value(&guarantees)),
                ("exchanges", views.value(&exchanges)),
            ]
        }
        Claims => vec![("claims", views.value(&views.all_claims(None)))],
        Timeline => {
            let months = views.timeline();
            let chart = views.activity_chart(&months);
            vec![
                ("months", views.value(&months)),
                ("chart", views.value(&chart)),
            ]
        }
        RoundsChart => vec![(
            "chart",
            views.value(&lead.and_then(|r| views.rounds_chart_full(r))),
        )],
        Sourcing => vec![
            ("register", views.value(&views.register())),
            ("report", views.value(&views.sourcing_report())),
        ],
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
        EmbedTimeline => embed(
            "timeline",
            Timeline.path(),
            ("months", views.value(&views.timeline())),
        ),
    }
}
