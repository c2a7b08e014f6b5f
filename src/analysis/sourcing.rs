//! The sourcing report: claims that rest on little.
//!
//! What counts is corroboration, not the number of citations (see
//! docs/analyst-views.md, "Sourcing"):
//! - sources with one **origin** corroborate nothing: a source that declares
//!   `derived_from` (a paper rewriting a wire story) has the origins of what it derives
//!   from, so citing both is one origin;
//! - a **primary source graded reliable** (reliability A or B) stands on its own: a
//!   `document` (an agreed text, a report of record), or the speaker's (the
//!   contributor's) own channel (`channel_of`);
//! - an anonymous attribution is cleared by an **on-record source**: a `document`, an
//!   `official` or `government` source, or any source with `channel_of`;
//! - a citation **pasted** into many items (the same source with the same note or URL in
//!   [`PASTED`] items or more) is reported once as a pattern, and corroborates nothing.

use crate::diagnostics::{Code, Diagnostic, Pos};
use crate::load::SourcingPlaces;
use crate::model::{Citation, Kind, Meta, Model, Ref, Reliability, Source, SourceKind};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// In how many items the same citation (source and note or URL) must appear to be
/// reported as pasted rather than read as evidence for each of them.
pub const PASTED: usize = 5;

/// What is wrong with an item's sourcing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Problem {
    /// No citation at all.
    NoSource,
    /// A statement with no named speaker and no on-record source.
    AnonymousOnly,
    /// Every citation goes back to one origin, and none is a reliable primary source.
    SingleSource,
    /// A citation without an information credibility grade.
    Ungraded,
    /// The same citation pasted into many items: reported once, at its first item.
    Pasted,
}

impl Problem {
    /// Every problem, in report order.
    pub const ALL: [Problem; 5] = [
        Problem::NoSource,
        Problem::AnonymousOnly,
        Problem::SingleSource,
        Problem::Ungraded,
        Problem::Pasted,
    ];

    /// Stable code, used as the diagnostic code and in views.
    pub fn code(self) -> Code {
        match self {
            Problem::NoSource => Code::NoSource,
            Problem::AnonymousOnly => Code::AnonymousOnly,
            Problem::SingleSource => Code::SingleSource,
            Problem::Ungraded => Code::UngradedCitation,
            Problem::Pasted => Code::PastedCitation,
        }
    }

    /// A heading for the report.
    pub fn title(self) -> &'static str {
        match self {
            Problem::NoSource => "No source cited",
            Problem::AnonymousOnly => "Only an anonymous attribution",
            Problem::SingleSource => "A single origin",
            Problem::Ungraded => "Citations without a credibility grade",
            Problem::Pasted => "The same citation pasted into many items",
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
    /// Sources concerned (the single origin's sources, the ungraded citations' sources,
    /// the pasted citation's source).
    pub sources: Vec<Ref>,
    /// For a pasted citation: in how many items it appears.
    pub items: usize,
}

/// The source of `r`, if the audience sees it.
fn source<'m>(m: &'m Model, r: &Ref) -> Option<(&'m str, &'m Source)> {
    let id = r.id()?;
    m.sources.get_key_value(id).map(|(k, s)| (k.as_str(), s))
}

/// The origins of source `id`: itself, or the origins of what it derives from.
fn origins<'m>(
    m: &'m Model,
    id: &'m str,
    seen: &mut BTreeSet<&'m str>,
    out: &mut BTreeSet<&'m str>,
) {
    if !seen.insert(id) {
        return;
    }
    let from: Vec<&'m str> = m
        .sources
        .get(id)
        .map(|s| {
            s.derived_from
                .iter()
                .filter_map(|r| source(m, r).map(|(k, _)| k))
                .collect()
        })
        .unwrap_or_default();
    if from.is_empty() {
        out.insert(id);
    }
    for f in from {
        origins(m, f, seen, out);
    }
}

/// True if `s` is a document (an agreed text, a report of record): the text itself,
/// not a report of it.
fn primary_kind(s: &Source) -> bool {
    s.kind.as_str() == SourceKind::Document.as_str()
}

/// True if `s` is on the record: a document, an official's or a government's own
/// channel, or a source that names whose channel it is.
fn on_record(s: &Source) -> bool {
    [
        SourceKind::Document,
        SourceKind::Official,
        SourceKind::Government,
    ]
    .iter()
    .any(|k| s.kind.as_str() == k.as_str())
        || s.channel_of.is_some()
}

/// True if `s` is a primary source for what `actor` said or committed to, graded
/// reliable: a document, or the actor's own channel (or its state's, or that of an
/// organisation it belongs to).
fn reliable_primary(m: &Model, s: &Source, actor: Option<&str>) -> bool {
    if !matches!(s.reliability, Reliability::A | Reliability::B) {
        return false;
    }
    if primary_kind(s) {
        return true;
    }
    let (Some(channel), Some(actor)) = (s.channel_of.as_ref().and_then(Ref::id), actor) else {
        return false;
    };
    channel == actor
        || m.actors.get(actor).is_some_and(|a| {
            a.country
                .iter()
                .chain(&a.affiliation)
                .any(|r| r.id() == Some(channel))
        })
}

/// A claim: an item, and for a contribution its index.
type Claim<'m> = (Kind, &'m str, Option<usize>);

/// A citation as the same citation is recognised in many items: source, note or URL.
type CitationKey<'m> = (&'m str, &'m str);

/// The citations pasted into many items, with the claims citing them, in order.
fn pasted(m: &Model) -> BTreeMap<CitationKey<'_>, Vec<Claim<'_>>> {
    let mut seen: BTreeMap<CitationKey, Vec<Claim>> = BTreeMap::new();
    each_claim(m, &mut |kind, meta, contribution, cs, _| {
        for c in cs {
            let (Some(id), Some(text)) = (c.source.id(), c.note.as_deref().or(c.url.as_deref()))
            else {
                continue;
            };
            let items = seen.entry((id, text)).or_default();
            if items
                .last()
                .is_none_or(|l| (l.0, l.1) != (kind, meta.id.as_str()))
            {
                items.push((kind, meta.id.as_str(), contribution));
            }
        }
    });
    seen.retain(|_, items| {
        let distinct: BTreeSet<(Kind, &str)> = items.iter().map(|i| (i.0, i.1)).collect();
        distinct.len() >= PASTED
    });
    seen
}

/// Calls `f` with every claim and its citations: each meeting, statement (with its
/// speaker), guarantee component, contribution (with its contributor) and round.
/// Actors and sources are not claims and are not checked.
fn each_claim<'m>(
    m: &'m Model,
    f: &mut dyn FnMut(Kind, &'m Meta, Option<usize>, &'m [Citation], Option<&'m str>),
) {
    for x in m.meetings.values() {
        f(Kind::Meetings, &x.meta, None, &x.meta.citations, None);
    }
    for x in m.statements.values() {
        let speaker = x.speaker.as_ref().and_then(Ref::id);
        f(Kind::Statements, &x.meta, None, &x.meta.citations, speaker);
    }
    for g in m.guarantees.values() {
        f(Kind::Guarantees, &g.meta, None, &g.meta.citations, None);
        for (i, c) in g.contributions.iter().enumerate() {
            f(Kind::Guarantees, &g.meta, Some(i), &c.citations, c.by.id());
        }
    }
    for x in m.rounds.values() {
        f(Kind::Rounds, &x.meta, None, &x.meta.citations, None);
    }
}

/// Checks every claim (see [`each_claim`]) by the rules of this module.
pub fn findings(m: &Model) -> Vec<Finding> {
    let patterns = pasted(m);
    let is_pasted = |c: &Citation| {
        let (Some(id), Some(text)) = (c.source.id(), c.note.as_deref().or(c.url.as_deref())) else {
            return false;
        };
        patterns.contains_key(&(id, text))
    };
    let mut out = Vec::new();
    each_claim(m, &mut |kind, meta, contribution, cs, actor| {
        let f = |problem, sources: Vec<Ref>| Finding {
            problem,
            kind,
            id: meta.id.clone(),
            contribution,
            sources,
            items: 0,
        };
        // Pasted citations corroborate nothing; alone, they are one origin.
        let counted: Vec<&Citation> = cs.iter().filter(|c| !is_pasted(c)).collect();
        let counted = if counted.is_empty() {
            cs.iter().take(1).collect()
        } else {
            counted
        };
        let mut found = BTreeSet::new();
        let mut seen = BTreeSet::new();
        let mut withheld = false;
        for c in &counted {
            match source(m, &c.source) {
                Some((id, _)) => origins(m, id, &mut seen, &mut found),
                None => withheld = true,
            }
        }
        let primary = counted
            .iter()
            .filter_map(|c| source(m, &c.source))
            .any(|(_, s)| reliable_primary(m, s, actor));
        let origins = found.len() + usize::from(withheld);
        if cs.is_empty() {
            out.push(f(Problem::NoSource, vec![]));
        } else if origins < 2 && !primary {
            let distinct: BTreeSet<&Ref> = counted.iter().map(|c| &c.source).collect();
            out.push(f(
                Problem::SingleSource,
                distinct.into_iter().cloned().collect(),
            ));
        }
        let ungraded: Vec<Ref> = cs
            .iter()
            .filter(|c| c.credibility.is_none())
            .map(|c| c.source.clone())
            .collect();
        if !ungraded.is_empty() {
            out.push(f(Problem::Ungraded, ungraded));
        }
        if kind == Kind::Statements && actor.is_none() && contribution.is_none() {
            let speaker_named = m
                .statements
                .get(&meta.id)
                .is_some_and(|x| x.speaker.is_some());
            let corroborated = counted
                .iter()
                .filter_map(|c| source(m, &c.source))
                .any(|(_, s)| on_record(s));
            if !speaker_named && !corroborated {
                out.push(f(Problem::AnonymousOnly, vec![]));
            }
        }
    });
    for ((source, _), items) in &patterns {
        let (kind, id, contribution) = items[0];
        out.push(Finding {
            problem: Problem::Pasted,
            kind,
            id: id.to_string(),
            contribution,
            sources: vec![Ref::Id(source.to_string())],
            items: items
                .iter()
                .map(|i| (i.0, i.1))
                .collect::<BTreeSet<_>>()
                .len(),
        });
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
                Problem::SingleSource if f.sources.len() > 1 => format!(
                    "{what} cites {} but they share one origin (`derived_from`)",
                    f.sources
                        .iter()
                        .map(|s| format!("`{}`", name(s)))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                Problem::SingleSource => {
                    format!(
                        "{what} rests on a single source (`{}`)",
                        name(&f.sources[0])
                    )
                }
                Problem::Pasted => format!(
                    "the same citation of `{}` (same note or URL) is in {} items, this one first: \
                     it corroborates none of them",
                    name(&f.sources[0]),
                    f.items
                ),
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
                Problem::NoSource => "add a source under `sources`",
                Problem::SingleSource => {
                    "add an independent source under `sources`, or cite the primary text \
                     (a source of kind `document`, or the speaker's own channel with \
                     `channel_of`, graded A or B)"
                }
                Problem::AnonymousOnly => {
                    "name a `speaker`, or corroborate the claim with an on-record source \
                     (kind `document`, `official` or `government`, or with `channel_of`)"
                }
                Problem::Ungraded => "grade the information with `credibility: 1`-`6` (Admiralty)",
                Problem::Pasted => {
                    "cite, in each item, what supports that item; a chronology cited everywhere \
                     is background, not corroboration"
                }
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
/// ungraded one, the pasted one), a statement's attribution, or the contribution or item itself.
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
        Problem::Pasted => nth(citations
            .iter()
            .position(|c| Some(&c.source) == f.sources.first()))
        .unwrap_or(start),
    }
}
