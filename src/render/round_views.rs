//! Each round's frozen views, beside its page: the commitment matrix and every guarantee
//! component as they stood at the round's end (or at the site's as-of date, if that is
//! earlier), made on the model as of that day (see [`crate::analysis::as_of`]), and the
//! list of what did not move in the round (its page summarises them); and each
//! negotiating text as it stood then, beside the text's page.

use super::view::{RoundModel, Views};
use super::{Page, pages::Lazy};
use crate::model::{Kind, Model, RoundView};

/// The title of the item `kind`/`id` in the pages' language (`original` if the views
/// have no link to it).
fn title(views: &Views, kind: Kind, id: &str, original: &str) -> String {
    views
        .item_link(kind, id)
        .map_or_else(|| original.to_string(), |l| l.title.clone())
}

/// The frozen pages of every round and its page of what did not move in it, rounds in
/// chronological order.
pub(super) fn plan(m: &Model, views: &Views) -> Vec<Page> {
    let locale = views.locale();
    crate::analysis::rounds_in_order(m)
        .into_iter()
        .flat_map(|r| {
            let title = title(views, Kind::Rounds, &r.meta.id, &r.title);
            let unchanged = Page {
                path: crate::routes::round_unchanged(&r.meta.id),
                template: "round-unchanged.html",
                title: locale.fill("title.unchanged_in", &[("round", &title)]),
                section: "rounds",
                data: Vec::new(),
                lazy: Some(Lazy::Unchanged(r.meta.id.clone())),
                marked: None,
            };
            let frozen = RoundView::ALL.into_iter().map(|view| Page {
                path: crate::routes::round_view(&r.meta.id, view),
                template: match view {
                    RoundView::Matrix => "matrix.html",
                    RoundView::Components => "round-components.html",
                },
                title: match view {
                    RoundView::Matrix => locale.fill("title.matrix_at_end", &[("round", &title)]),
                    RoundView::Components => {
                        locale.fill("title.components_at_end", &[("round", &title)])
                    }
                },
                section: match view {
                    RoundView::Matrix => "matrix",
                    RoundView::Components => "rounds",
                },
                data: Vec::new(),
                lazy: Some(Lazy::Frozen(r.meta.id.clone(), view)),
                marked: None,
            });
            frozen.chain(std::iter::once(unchanged)).collect::<Vec<_>>()
        })
        .collect()
}

/// The data of a round's page of what did not move in it, made on its model `then`.
pub(super) fn unchanged_data(views: &Views, then: &RoundModel) -> Vec<(&'static str, tera::Value)> {
    vec![("unchanged", views.value(&views.round_unchanged(then)))]
}

/// The data of a round's frozen `view`, made on its model `then`.
pub(super) fn data(
    views: &Views,
    then: &RoundModel,
    view: RoundView,
) -> Vec<(&'static str, tera::Value)> {
    let id = then.round();
    let frozen = ("frozen", views.value(&views.frozen(id)));
    match view {
        RoundView::Matrix => vec![
            ("matrix", views.value(&views.frozen_matrix(then))),
            ("picker", views.value(&views.round_picker(Some(id)))),
            frozen,
        ],
        RoundView::Components => vec![
            ("components", views.value(&views.frozen_components(then))),
            frozen,
        ],
    }
}

/// The frozen pages of every document at every round's day it existed at, by document,
/// rounds in chronological order: none in a site without documents.
pub(super) fn plan_documents(m: &Model, views: &Views) -> Vec<Page> {
    m.documents
        .values()
        .flat_map(|d| {
            views.document_rounds(&d.meta.id).into_iter().map(|r| Page {
                path: crate::routes::document_round_view(&d.meta.id, &r.meta.id),
                template: "document-round.html",
                title: views.locale().fill(
                    "title.document_at_end",
                    &[
                        (
                            "document",
                            &title(views, Kind::Documents, &d.meta.id, &d.title),
                        ),
                        ("round", &title(views, Kind::Rounds, &r.meta.id, &r.title)),
                    ],
                ),
                section: "documents",
                data: Vec::new(),
                lazy: Some(Lazy::FrozenDocument(r.meta.id.clone(), d.meta.id.clone())),
                marked: None,
            })
        })
        .collect()
}

/// The data of document `doc`'s frozen page at round `round` (planned by
/// [`plan_documents`], so the text existed then).
pub(super) fn document_data(
    views: &Views,
    round: &str,
    doc: &str,
) -> Vec<(&'static str, tera::Value)> {
    vec![
        ("document", views.value(&views.frozen_document(round, doc))),
        ("frozen", views.value(&views.frozen(round))),
        (
            "picker",
            views.value(&views.document_picker(doc, Some(round))),
        ),
    ]
}
