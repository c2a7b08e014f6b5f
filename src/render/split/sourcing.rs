//! The sourcing view, split: `sourcing.html` keeps the totals (sources and citations by
//! reliability, findings of each problem) and lists the pages of the sources register
//! (`sourcing/register.html`, `register-2.html`, ...) and of each group of the report
//! (`sourcing/single-source.html`, ...).

use super::{PageSummary, Part, Row, numbered, page, pieces, take};
use crate::render::paginate::{self, Pagination};
use crate::render::view::{FindingView, RegisterEntry, Views};
use crate::render::{Page, max_tlp};
use crate::routes::{Section, View};
use serde::Serialize;
use std::ops::Range;
use std::sync::Arc;

/// The register, cut into rows that fit a page, the report's groups, and their pages.
#[derive(Debug)]
pub(crate) struct Plan {
    register: Vec<Row<RegisterEntry>>,
    register_pages: Vec<Range<usize>>,
    groups: Vec<Group>,
}

/// One group of the sourcing report.
#[derive(Debug)]
struct Group {
    code: &'static str,
    title: String,
    findings: Vec<FindingView>,
    pages: Vec<Range<usize>>,
}

/// Which page of the sourcing view.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Which {
    Index,
    Register(usize),
    /// Group `.0` of the report, its page `.1`.
    Findings(usize, usize),
}

fn weight(r: &RegisterEntry) -> usize {
    1 + r.cited_by.len()
}

pub(super) fn plan(views: &Views, budget: usize) -> Plan {
    let register: Vec<Row<RegisterEntry>> = views
        .register()
        .into_iter()
        .flat_map(|r| {
            let w = weight(&r);
            pieces(
                r,
                w,
                budget,
                |r| r.cited_by.clone(),
                |r, cited, room| RegisterEntry {
                    source: r.source.clone(),
                    reliability: r.reliability,
                    reliability_meaning: r.reliability_meaning.clone(),
                    citations: r.citations,
                    cited_by: take(cited, room),
                },
                Vec::is_empty,
            )
        })
        .collect();
    let groups = views
        .sourcing_report()
        .into_iter()
        .map(|g| Group {
            pages: super::runs(g.findings.iter().map(|_| 1), budget),
            code: g.code,
            title: g.title,
            findings: g.findings,
        })
        .collect();
    Plan {
        register_pages: super::runs(register.iter().map(|r| weight(&r.row)), budget),
        register,
        groups,
    }
}

pub(super) fn pages(plan: &Arc<Plan>, l: &crate::i18n::Locale) -> Vec<Page> {
    let mut out = vec![page(
        View::Sourcing.path().into(),
        "sourcing.html",
        l.text("title.sourcing"),
        "sourcing",
        Part::Sourcing(plan.clone(), Which::Index),
    )];
    let n = plan.register_pages.len().max(1);
    for i in 0..n {
        out.push(page(
            Section::Register.page(i + 1),
            "sourcing-page.html",
            numbered(l, &l.text("view_title.register"), i + 1, n),
            "sourcing",
            Part::Sourcing(plan.clone(), Which::Register(i)),
        ));
    }
    for (k, g) in plan.groups.iter().enumerate() {
        let n = g.pages.len().max(1);
        for i in 0..n {
            out.push(page(
                Section::Findings(g.code).page(i + 1),
                "sourcing-page.html",
                numbered(
                    l,
                    &l.fill("view_title.report", &[("group", &g.title)]),
                    i + 1,
                    n,
                ),
                "sourcing",
                Part::Sourcing(plan.clone(), Which::Findings(k, i)),
            ));
        }
    }
    out
}

/// Sources and their citations of one reliability grade.
#[derive(Debug, Serialize)]
struct GradeTotal<'a> {
    grade: &'static str,
    meaning: &'a str,
    sources: usize,
    citations: usize,
}

/// One group of the report on the index: how many findings, and where they are.
#[derive(Debug, Serialize)]
struct GroupSummary<'a> {
    code: &'static str,
    title: &'a str,
    count: usize,
    /// Its first page.
    url: String,
    pages: usize,
    tlp: crate::render::view::TlpView,
}

pub(super) fn data(views: &Views, plan: &Plan, which: Which) -> Vec<(&'static str, tera::Value)> {
    let index = super::index(View::Sourcing, views.locale(), "title.sourcing");
    match which {
        Which::Index => {
            let sources: Vec<&RegisterEntry> = plan
                .register
                .iter()
                .filter(|r| !r.continued)
                .map(|r| &r.row)
                .collect();
            let mut grades: Vec<GradeTotal> = Vec::new();
            let mut by_grade: Vec<&&RegisterEntry> = sources.iter().collect();
            by_grade.sort_by_key(|r| r.reliability);
            for r in by_grade {
                match grades.last_mut() {
                    Some(g) if g.grade == r.reliability => {
                        g.sources += 1;
                        g.citations += r.citations;
                    }
                    _ => grades.push(GradeTotal {
                        grade: r.reliability,
                        meaning: &r.reliability_meaning,
                        sources: 1,
                        citations: r.citations,
                    }),
                }
            }
            let register_pages: Vec<PageSummary> = plan
                .register_pages
                .iter()
                .enumerate()
                .map(|(i, run)| {
                    let shown = &plan.register[run.clone()];
                    PageSummary {
                        url: Section::Register.page(i + 1),
                        first: shown[0].row.source.title().to_string(),
                        last: shown[shown.len() - 1].row.source.title().to_string(),
                        rows: shown.iter().filter(|r| !r.continued).count(),
                        counts: vec![
                            shown
                                .iter()
                                .filter(|r| !r.continued)
                                .map(|r| r.row.citations)
                                .sum(),
                        ],
                        tlp: max_tlp(&views.value(&shown)).into(),
                    }
                })
                .collect();
            let report: Vec<GroupSummary> = plan
                .groups
                .iter()
                .map(|g| GroupSummary {
                    code: g.code,
                    title: &g.title,
                    count: g.findings.len(),
                    url: Section::Findings(g.code).page(1),
                    pages: g.pages.len().max(1),
                    tlp: max_tlp(&views.value(&g.findings)).into(),
                })
                .collect();
            vec![
                ("sources", views.value(&sources.len())),
                (
                    "citations",
                    views.value(&sources.iter().map(|r| r.citations).sum::<usize>()),
                ),
                ("grades", views.value(&grades)),
                ("register_pages", views.value(&register_pages)),
                ("report", views.value(&report)),
            ]
        }
        Which::Register(i) => {
            let run = plan.register_pages.get(i).cloned().unwrap_or(0..0);
            let pagination: Pagination =
                paginate::paged(&plan.register_pages, plan.register.len(), &|k| {
                    Section::Register.file(k)
                })
                .swap_remove(i);
            vec![
                ("part", tera::Value::from("register")),
                ("register", views.value(&&plan.register[run])),
                ("pagination", views.value(&pagination)),
                ("index", views.value(&index)),
            ]
        }
        Which::Findings(k, i) => {
            let g = &plan.groups[k];
            let run = g.pages.get(i).cloned().unwrap_or(0..0);
            let section = Section::Findings(g.code);
            let pagination: Pagination =
                paginate::paged(&g.pages, g.findings.len(), &|n| section.file(n)).swap_remove(i);
            let group = GroupSummary {
                code: g.code,
                title: &g.title,
                count: g.findings.len(),
                url: section.page(1),
                pages: g.pages.len().max(1),
                tlp: crate::model::Tlp::Clear.into(),
            };
            vec![
                ("part", tera::Value::from("findings")),
                ("group", views.value(&group)),
                ("findings", views.value(&&g.findings[run])),
                ("pagination", views.value(&pagination)),
                ("index", views.value(&index)),
            ]
        }
    }
}
