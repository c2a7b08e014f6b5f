//! Declarations against commitments, split: `declarations.html` keeps the totals (what
//! was said, committed and claimed) and lists the pages of each section: by actor
//! (`declarations/actors.html`, `actors-2.html`, ...), by guarantee component
//! (`declarations/components.html`, ...) and the answers and contradictions
//! (`declarations/exchanges.html`, ...).

use super::{PageSummary, Part, Row, Tally, numbered, page, pieces, take, tally};
use crate::render::paginate::{self, Pagination};
use crate::render::view::{
    ActorDeclarations, ClaimView, GuaranteeDeclarations, Link, StatementRelation, Views,
};
use crate::render::{Page, max_tlp};
use crate::routes::{Section, View};
use serde::Serialize;
use std::ops::Range;
use std::sync::Arc;

/// The declarations, cut into rows that fit a page, and the pages of each section.
#[derive(Debug)]
pub(crate) struct Plan {
    actors: Vec<Row<ActorDeclarations>>,
    actor_pages: Vec<Range<usize>>,
    components: Vec<Row<GuaranteeDeclarations>>,
    component_pages: Vec<Range<usize>>,
    exchanges: Vec<StatementRelation>,
    exchange_pages: Vec<Range<usize>>,
}

/// Which page of the declarations.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Which {
    Index,
    Actors(usize),
    Components(usize),
    Exchanges(usize),
}

fn actor_weight(a: &ActorDeclarations) -> usize {
    1 + a.statements.len()
        + a.member_statements.len()
        + a.binding.len()
        + a.other.len()
        + a.claims.len()
}

fn component_weight(g: &GuaranteeDeclarations) -> usize {
    1 + g.statements.len() + g.claims.len() + g.contributions.len()
}

pub(super) fn plan(views: &Views, budget: usize) -> Plan {
    let (actors, components, exchanges) = views.declarations();
    let actors: Vec<Row<ActorDeclarations>> = actors
        .into_iter()
        .flat_map(|a| {
            let w = actor_weight(&a);
            pieces(
                a,
                w,
                budget,
                |a| {
                    (
                        a.statements.clone(),
                        a.member_statements.clone(),
                        a.binding.clone(),
                        a.other.clone(),
                        a.claims.clone(),
                    )
                },
                |a, l, room| ActorDeclarations {
                    actor: a.actor.clone(),
                    statements: take(&mut l.0, room),
                    member_statements: take(&mut l.1, room),
                    binding: take(&mut l.2, room),
                    other: take(&mut l.3, room),
                    claims: take(&mut l.4, room),
                },
                |l| {
                    l.0.is_empty()
                        && l.1.is_empty()
                        && l.2.is_empty()
                        && l.3.is_empty()
                        && l.4.is_empty()
                },
            )
        })
        .collect();
    let components: Vec<Row<GuaranteeDeclarations>> = components
        .into_iter()
        .flat_map(|g| {
            let w = component_weight(&g);
            pieces(
                g,
                w,
                budget,
                |g| {
                    (
                        g.statements.clone(),
                        g.claims.clone(),
                        g.contributions.clone(),
                    )
                },
                |g, l, room| GuaranteeDeclarations {
                    guarantee: g.guarantee.clone(),
                    statements: take(&mut l.0, room),
                    claims: take(&mut l.1, room),
                    contributions: take(&mut l.2, room),
                },
                |l| l.0.is_empty() && l.1.is_empty() && l.2.is_empty(),
            )
        })
        .collect();
    Plan {
        actor_pages: super::runs(actors.iter().map(|a| actor_weight(&a.row)), budget),
        component_pages: super::runs(components.iter().map(|g| component_weight(&g.row)), budget),
        exchange_pages: super::runs(exchanges.iter().map(|_| 1), budget),
        actors,
        components,
        exchanges,
    }
}

/// A section of the declarations: where, its title, its number of pages, and which
/// page of the plan its page `n` is.
type SectionPlan = (Section<'static>, &'static str, usize, fn(usize) -> Which);

/// Every section's pages, at least one each (saying there is nothing).
fn count(pages: &[Range<usize>]) -> usize {
    pages.len().max(1)
}

pub(super) fn pages(plan: &Arc<Plan>, l: &crate::i18n::Locale) -> Vec<Page> {
    let mut out = vec![page(
        View::Declarations.path().into(),
        "declarations.html",
        l.text("title.declarations"),
        "declarations",
        Part::Declarations(plan.clone(), Which::Index),
    )];
    let sections: [SectionPlan; 3] = [
        (
            Section::DeclaredByActor,
            "view_title.declared_by_actor",
            count(&plan.actor_pages),
            Which::Actors,
        ),
        (
            Section::DeclaredOnComponent,
            "view_title.declared_on_component",
            count(&plan.component_pages),
            Which::Components,
        ),
        (
            Section::Exchanges,
            "view_title.exchanges",
            count(&plan.exchange_pages),
            Which::Exchanges,
        ),
    ];
    for (section, title, n, which) in sections {
        for i in 0..n {
            out.push(page(
                section.page(i + 1),
                "declarations-page.html",
                numbered(l, &l.text(title), i + 1, n),
                "declarations",
                Part::Declarations(plan.clone(), which(i)),
            ));
        }
    }
    out
}

/// Claims by verdict.
fn verdicts<'a>(claims: impl IntoIterator<Item = &'a ClaimView>) -> Vec<Tally> {
    tally(
        claims
            .into_iter()
            .map(|c| (c.verdict, c.verdict_label.as_str())),
    )
}

/// The totals of the declarations by actor.
#[derive(Debug, Serialize)]
struct ActorTotals {
    actors: usize,
    statements: usize,
    member_statements: usize,
    binding: usize,
    other: usize,
    claims: Vec<Tally>,
}

/// The totals of the declarations by component.
#[derive(Debug, Serialize)]
struct ComponentTotals {
    components: usize,
    statements: usize,
    contributions: usize,
    claims: Vec<Tally>,
}

/// The totals of the answers and contradictions.
#[derive(Debug, Serialize)]
struct ExchangeTotals {
    exchanges: usize,
    relations: Vec<Tally>,
}

fn summaries<T: Serialize>(
    views: &Views,
    section: Section,
    rows: &[Row<T>],
    pages: &[Range<usize>],
    title: impl Fn(&T) -> String,
    counts: impl Fn(&[Row<T>]) -> Vec<usize>,
) -> Vec<PageSummary> {
    pages
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let shown = &rows[r.clone()];
            PageSummary {
                url: section.page(i + 1),
                first: title(&shown[0].row),
                last: title(&shown[shown.len() - 1].row),
                rows: shown.iter().filter(|x| !x.continued).count(),
                counts: counts(shown),
                tlp: max_tlp(&views.value(&shown)).into(),
            }
        })
        .collect()
}

fn section_page<T: Serialize>(
    views: &Views,
    section: Section,
    rows: &[T],
    pages: &[Range<usize>],
    i: usize,
    total: usize,
) -> Vec<(&'static str, tera::Value)> {
    let run = pages.get(i).cloned().unwrap_or(0..0);
    let pagination: Pagination = paginate::paged(pages, total, &|k| section.file(k)).swap_remove(i);
    vec![
        ("rows", views.value(&&rows[run])),
        ("pagination", views.value(&pagination)),
        (
            "index",
            views.value(&super::index(
                View::Declarations,
                views.locale(),
                "title.declarations",
            )),
        ),
    ]
}

fn title(l: &Link) -> String {
    l.title().to_string()
}

pub(super) fn data(views: &Views, plan: &Plan, which: Which) -> Vec<(&'static str, tera::Value)> {
    let part = |name: &str| ("part", tera::Value::from(name));
    match which {
        Which::Index => {
            let a = &plan.actors;
            let sum = |f: fn(&ActorDeclarations) -> usize| a.iter().map(|x| f(&x.row)).sum();
            let actor_totals = ActorTotals {
                actors: a.iter().filter(|x| !x.continued).count(),
                statements: sum(|x| x.statements.len()),
                member_statements: sum(|x| x.member_statements.len()),
                binding: sum(|x| x.binding.len()),
                other: sum(|x| x.other.len()),
                claims: verdicts(a.iter().flat_map(|x| &x.row.claims)),
            };
            let g = &plan.components;
            let component_totals = ComponentTotals {
                components: g.iter().filter(|x| !x.continued).count(),
                statements: g.iter().map(|x| x.row.statements.len()).sum(),
                contributions: g.iter().map(|x| x.row.contributions.len()).sum(),
                claims: verdicts(g.iter().flat_map(|x| &x.row.claims)),
            };
            let exchange_totals = ExchangeTotals {
                exchanges: plan.exchanges.len(),
                relations: tally(
                    plan.exchanges
                        .iter()
                        .map(|x| (x.relation, x.relation_label.as_str())),
                ),
            };
            let actor_pages = summaries(
                views,
                Section::DeclaredByActor,
                a,
                &plan.actor_pages,
                |x: &ActorDeclarations| title(&x.actor),
                |rows| {
                    vec![
                        rows.iter()
                            .map(|x| x.row.statements.len() + x.row.member_statements.len())
                            .sum(),
                        rows.iter()
                            .map(|x| x.row.binding.len() + x.row.other.len())
                            .sum(),
                    ]
                },
            );
            let component_pages = summaries(
                views,
                Section::DeclaredOnComponent,
                g,
                &plan.component_pages,
                |x: &GuaranteeDeclarations| title(&x.guarantee),
                |rows| {
                    vec![
                        rows.iter().map(|x| x.row.statements.len()).sum(),
                        rows.iter().map(|x| x.row.contributions.len()).sum(),
                    ]
                },
            );
            let exchanges: Vec<Row<&StatementRelation>> = plan
                .exchanges
                .iter()
                .map(|row| Row {
                    row,
                    continued: false,
                })
                .collect();
            let exchange_pages = summaries(
                views,
                Section::Exchanges,
                &exchanges,
                &plan.exchange_pages,
                |x: &&StatementRelation| title(&x.statement),
                |rows| vec![rows.len()],
            );
            vec![
                ("actor_totals", views.value(&actor_totals)),
                ("actor_pages", views.value(&actor_pages)),
                ("component_totals", views.value(&component_totals)),
                ("component_pages", views.value(&component_pages)),
                ("exchange_totals", views.value(&exchange_totals)),
                ("exchange_pages", views.value(&exchange_pages)),
            ]
        }
        Which::Actors(i) => {
            let mut d = section_page(
                views,
                Section::DeclaredByActor,
                &plan.actors,
                &plan.actor_pages,
                i,
                plan.actors.len(),
            );
            d.push(part("actors"));
            d
        }
        Which::Components(i) => {
            let mut d = section_page(
                views,
                Section::DeclaredOnComponent,
                &plan.components,
                &plan.component_pages,
                i,
                plan.components.len(),
            );
            d.push(part("components"));
            d
        }
        Which::Exchanges(i) => {
            let mut d = section_page(
                views,
                Section::Exchanges,
                &plan.exchanges,
                &plan.exchange_pages,
                i,
                plan.exchanges.len(),
            );
            d.push(part("exchanges"));
            d
        }
    }
}
