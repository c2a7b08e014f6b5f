//! The sourcing report: claims that rest on little.

use crate::diagnostics::Diagnostic;
use crate::model::{Citation, Kind, Meta, Model, Ref};
use std::collections::BTreeSet;

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
    pub fn code(self) -> &'static str {
        match self {
            Problem::NoSource => "no-source",
            Problem::AnonymousOnly => "anonymous-only",
            Problem::SingleSource => "single-source",
            Problem::Ungraded => "ungraded-citation",
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

/// The findings as warnings for `briefing check`, each at its item's file.
pub fn diagnostics(m: &Model) -> Vec<Diagnostic> {
    let name = |s: &Ref| s.id().unwrap_or("(withheld)").to_string();
    findings(m)
        .into_iter()
        .map(|f| {
            let file = m.item(f.kind, &f.id).map(|x| &x.meta().file);
            let what = f.kind.singular();
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
            let d = Diagnostic::warning(f.problem.code(), message).help(help);
            match file {
                Some(file) => d.in_file(file),
                None => d,
            }
        })
        .collect()
}
