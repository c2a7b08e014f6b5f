//! The sourcing report: claims that rest on little.

use crate::diagnostics::{Code, Diagnostic, Pos};
use crate::load::SourcingPlaces;
use crate::model::{Citation, Kind, Meta, Model, Ref};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// What is wrong with an item's sourcing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Problem {
    /// No citation at all.
    NoSource,
    /// A statement with no named speaker: it rests on an anonymous attribution.
    AnonymousOnly,
    /// Every citation names the same one source.
    SingleSource,
    /// A citation without an information credibility grade.
    Ungraded,
}

impl Problem {
    /// Every problem, in report order.
    pub const ALL: [Problem; 4] = [
        Problem::NoSource,
        Problem::AnonymousOnly,
        Problem::SingleSource,
        Problem::Ungraded,
    ];

    /// Stable code, used as the diagnostic code and in views.
    pub fn code(self) -> Code {
        match self {
            Problem::NoSource => Code::NoSource,
            Problem::AnonymousOnly => Code::AnonymousOnly,
            Problem::SingleSource => Code::SingleSource,
            Problem::Ungraded => Code::UngradedCitation,
        }
    }

    /// A heading for the report.
    pub fn title(self) -> &'static str {
        match self {
            Problem::NoSource => "No source cited",
            Problem::AnonymousOnly => "Only an anonymous attribution",
            Problem::SingleSource => "A single source",
            Problem::Ungraded => "Citations without a credibility grade",
        }
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Finding {
    /// What is wrong.
    pub problem: Problem,
    /// The item's kind.
    pub kind: Kind,
    /// The item's id.
    pub id: String,
    /// Index of the contribution concerned, for findings about a contribution.
    pub contribution: Option<usize>,
    /// Sources concerned (the single source, or the ungraded citations' sources).
    pub sources: Vec<Ref>,
}

/// Checks every meeting, statement, guarantee (and each contribution) and round.
/// Actors and sources are not claims and are not checked.
pub fn findings(m: &Model) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut check = |kind: Kind, meta: &Meta, contribution: Option<usize>, cs: &[Citation]| {
        let f = |problem, sources: Vec<Ref>| Finding {
            problem,
            kind,
            id: meta.id.clone(),
            contribution,
            sources,
        };
        let distinct: BTreeSet<&Ref> = cs.iter().map(|c| &c.source).collect();
        match distinct.len() {
            0 => out.push(f(Problem::NoSource, vec![])),
            1 => out.push(f(
                Problem::SingleSource,
                distinct.into_iter().cloned().collect(),
            )),
            _ => {}
        }
        let ungraded: Vec<Ref> = cs
            .iter()
            .filter(|c| c.credibility.is_none())
            .map(|c| c.source.clone())
            .collect();
        if !ungraded.is_empty() {
            out.push(f(Problem::Ungraded, ungraded));
        }
    };
    for x in m.meetings.values() {
        check(Kind::Meetings, &x.meta, None, &x.meta.citations);
    }
    for x in m.statements.values() {
        check(Kind::Statements, &x.meta, None, &x.meta.citations);
    }
    for g in m.guarantees.values() {
        check(Kind::Guarantees, &g.meta, None, &g.meta.citations);
        for (i, c) in g.contributions.iter().enumerate() {
            check(Kind::Guarantees, &g.meta, Some(i), &c.citations);
        }
    }
    for x in m.rounds.values() {
        check(Kind::Rounds, &x.meta, None, &x.meta.citations);
    }
    for x in m.statements.values() {
        if x.speaker.is_none() {
            out.push(Finding {
                problem: Problem::AnonymousOnly,
                kind: Kind::Statements,
                id: x.meta.id.clone(),
                contribution: None,
                sources: vec![],
            });
        }
    }
    out.sort();
    out
}

/// The findings as warnings for `briefing check`, each at its place in its item's file
/// (the citation concerned, the contribution, or where the fields start): the files of
/// the site at `root` with findings are read again for their positions.
pub fn diagnostics(m: &Model, root: &Path) -> Vec<Diagnostic> {
    let found = findings(m);
    let meta = |kind: Kind, id: &str| m.item(kind, id).map(|x| x.meta());
    let name = |s: &Ref| s.id().unwrap_or("(withheld)").to_string();
    let files: BTreeSet<(Kind, &Path)> = found
        .iter()
        .filter_map(|f| meta(f.kind, &f.id).map(|x| (f.kind, x.file.as_path())))
        .collect();
    let places: BTreeMap<&Path, SourcingPlaces> = files
        .into_par_iter()
        .map(|(kind, file)| (file, crate::load::sourcing_places(root, kind, file)))
        .collect();
    found
        .into_iter()
        .filter_map(|f| {
            let item = meta(f.kind, &f.id)?;
            let file = &item.file;
            let what = f.kind.singular();
            let at = places.get(file.as_path()).map(|p| place(m, &f, item, p));
            let what = match f.contribution {
                Some(i) => format!("contribution {} of this {what}", i + 1),
                None => format!("this {what}"),
            };
            let message = match f.problem {
                Problem::NoSource => format!("{what} cites no source"),
                Problem::AnonymousOnly => format!("{what} rests only on an anonymous attribution"),
                Problem::SingleSource => {
                    format!(
                        "{what} rests on a single source (`{}`)",
                        name(&f.sources[0])
                    )
                }
                Problem::Ungraded => format!(
                    "{what} cites {} without a credibility grade",
                    f.sources
                        .iter()
                        .map(|s| format!("`{}`", name(s)))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            let help = match f.problem {
                Problem::NoSource | Problem::SingleSource => {
                    "add a corroborating source under `sources`"
                }
                Problem::AnonymousOnly => {
                    "name a `speaker`, or corroborate the claim with on-record sources"
                }
                Problem::Ungraded => "grade the information with `credibility: 1`-`6` (Admiralty)",
            };
            Some(
                Diagnostic::warning(f.problem.code(), message)
                    .in_file(file)
                    .at(at)
                    .help(help),
            )
        })
        .collect()
}

/// Where a finding is: the first citation concerned (the single source, the first
/// ungraded one), a statement's attribution, or the contribution or item itself.
fn place(m: &Model, f: &Finding, item: &Meta, p: &SourcingPlaces) -> Pos {
    let (start, citations, places) = match f.contribution {
        Some(i) => {
            let cited = m
                .guarantees
                .get(&item.id)
                .and_then(|g| g.contributions.get(i))
                .map_or(&[][..], |c| c.citations.as_slice());
            match p.contributions.get(i) {
                Some((at, cs)) => (*at, cited, cs.as_slice()),
                None => (p.start, cited, &[][..]),
            }
        }
        None => (p.start, item.citations.as_slice(), p.citations.as_slice()),
    };
    let nth = |i: Option<usize>| i.and_then(|i| places.get(i)).copied();
    match f.problem {
        Problem::NoSource => start,
        Problem::AnonymousOnly => p.attribution.unwrap_or(start),
        Problem::SingleSource => nth(Some(0)).unwrap_or(start),
        Problem::Ungraded => {
            nth(citations.iter().position(|c| c.credibility.is_none())).unwrap_or(start)
        }
    }
}
