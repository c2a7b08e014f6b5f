//! The analyst views' pages: matrix, declarations, timeline, sourcing, search, embeds.

use super::view::Views;
use super::{Page, value};

/// The view pages and their embeds. `lead` is the round leading the front page.
pub(super) fn plan(views: &Views, lead: Option<&str>) -> Vec<Page> {
    // The views are independent of each other, and some walk every item: build them
    // in parallel.
    let ((matrix, months), ((changes, (actors, guarantees)), ((register, report), searchable))) =
        rayon::join(
            || rayon::join(|| value(&views.matrix()), || value(&views.timeline())),
            || {
                rayon::join(
                    || {
                        rayon::join(
                            || value(&lead.map(|r| views.changes(r))),
                            || {
                                let (a, g) = views.declarations();
                                (value(&a), value(&g))
                            },
                        )
                    },
                    || {
                        rayon::join(
                            || {
                                rayon::join(
                                    || value(&views.register()),
                                    || value(&views.sourcing_report()),
                                )
                            },
                            || value(&views.searchable()),
                        )
                    },
                )
            },
        );
    let page = |path: &str, template, title: &str, section, data| Page {
        path: path.to_string(),
        template,
        title: title.to_string(),
        section,
        data,
        lazy: None,
    };
    let embed = |name: &'static str, title: &str, full: &str, data: (&'static str, tera::Value)| {
        page(
            &format!("embed/{name}.html"),
            "embed.html",
            title,
            "embed",
            vec![data, ("embed", value(&name)), ("full", value(&full))],
        )
    };
    vec![
        page(
            "matrix.html",
            "matrix.html",
            "Commitment matrix",
            "matrix",
            vec![("matrix", matrix.clone())],
        ),
        page(
            "declarations.html",
            "declarations.html",
            "Declarations against commitments",
            "declarations",
            vec![("actors", actors), ("guarantees", guarantees)],
        ),
        page(
            "timeline.html",
            "timeline.html",
            "Timeline",
            "timeline",
            vec![("months", months.clone())],
        ),
        page(
            "sourcing.html",
            "sourcing.html",
            "Sourcing",
            "sourcing",
            vec![("register", register), ("report", report)],
        ),
        page(
            "search.html",
            "search.html",
            "Search",
            "search",
            vec![("searchable", searchable)],
        ),
        embed(
            "matrix",
            "Commitment matrix",
            "matrix.html",
            ("matrix", matrix),
        ),
        embed(
            "changes",
            "Latest changes",
            "index.html#section-changes",
            ("changes", changes),
        ),
        embed("timeline", "Timeline", "timeline.html", ("months", months)),
    ]
}
