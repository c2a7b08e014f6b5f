//! Views of the derived data (src/analysis): round brief and changes, matrix,
//! declarations against commitments, timeline, sourcing.

use super::{ContributionView, DateView, ItemView, Link, StatusCount, Views};
use crate::analysis::changes::Movement;
use crate::analysis::matrix::Matrix;
use crate::analysis::sourcing::{Problem, findings};
use crate::analysis::timeline::{self, What};
use crate::dates;
use crate::model::{Kind, Status};
use jiff::civil::Date;
use serde::Serialize;

/// How many contributions moved one way.
#[derive(Debug, Clone, Serialize)]
pub struct MovementCount {
    /// `new`, `up`, `down`, `withdrawn`, `stalled`, `steady` or `settled`.
    pub movement: &'static str,
    /// A marker character for the movement.
    pub marker: &'static str,
    /// How many (may be 0).
    pub count: usize,
}

/// One contribution's movement in a round.
#[derive(Debug, Clone, Serialize)]
pub struct ChangeView {
    /// The contribution.
    pub contribution: ContributionView,
    /// Status at the end of the previous round, or null.
    pub before: Option<&'static str>,
    /// Status at the end of this round.
    pub after: &'static str,
    /// How it moved.
    pub movement: &'static str,
    /// A marker character for the movement.
    pub marker: &'static str,
    /// Rounds in a row without a change, ending with this one.
    pub rounds_unchanged: usize,
}

/// What changed in a round.
#[derive(Debug, Clone, Serialize)]
pub struct ChangesView {
    /// The round.
    pub round: Link,
    /// The round before, or null for the first round.
    pub previous: Option<Link>,
    /// Counts per movement, every movement listed.
    pub counts: Vec<MovementCount>,
    /// Every contribution with a status at the end of the round, by movement (new, up,
    /// down, withdrawn, stalled, steady, settled), then guarantee and file order.
    pub changes: Vec<ChangeView>,
}

/// A round's brief: bottom line, changes, what comes next, what was said last.
#[derive(Debug, Clone, Serialize)]
pub struct BriefView {
    /// The round.
    pub round: ItemView,
    /// The date the brief speaks as of: the site's as-of date for the lead round, the
    /// round's end for the others.
    pub as_of: DateView,
    /// What changed in the round.
    pub changes: ChangesView,
    /// Meetings after `as_of`, not cancelled, soonest first, at most 5.
    pub next_meetings: Vec<ItemView>,
    /// The 5 newest statements dated on or before `as_of`.
    pub latest_statements: Vec<ItemView>,
}

/// One cell of the matrix.
#[derive(Debug, Clone, Serialize)]
pub struct CellView {
    /// Highest status reached (withdrawn only when all are).
    pub status: &'static str,
    /// Its rank on the ladder, 0 for withdrawn.
    pub rank: u8,
    /// The contribution that reached it, `guarantees/<id>.html#contribution-<n>`.
    pub url: String,
    /// How many contributions the actor gave to the component.
    pub count: usize,
    /// Every condition of those contributions.
    pub conditions: Vec<String>,
    /// The linked contribution's marking.
    pub tlp: super::TlpView,
}

/// One row of the matrix.
#[derive(Debug, Clone, Serialize)]
pub struct MatrixRow {
    /// The component.
    pub guarantee: Link,
    /// One entry per actor column, null where the actor committed nothing.
    pub cells: Vec<Option<CellView>>,
    /// Actors at each status in this row.
    pub totals: Vec<StatusCount>,
}

/// The commitment matrix.
#[derive(Debug, Clone, Serialize)]
pub struct MatrixView {
    /// Contributing actors, the columns.
    pub actors: Vec<Link>,
    /// Components, the rows.
    pub rows: Vec<MatrixRow>,
    /// Per actor column: components at each status.
    pub column_totals: Vec<Vec<StatusCount>>,
}

/// An actor's loud statements beside its quiet commitments.
#[derive(Debug, Clone, Serialize)]
pub struct ActorDeclarations {
    /// The actor.
    pub actor: Link,
    /// Statements it made as named speaker.
    pub statements: Vec<Link>,
    /// Contributions signed, ratified or implemented.
    pub binding: Vec<ContributionView>,
    /// Its other contributions (not yet binding, or withdrawn).
    pub other: Vec<ContributionView>,
}

/// A component's statements beside its contributions.
#[derive(Debug, Clone, Serialize)]
pub struct GuaranteeDeclarations {
    /// The component.
    pub guarantee: Link,
    /// Statements about it.
    pub statements: Vec<Link>,
    /// Its contributions.
    pub contributions: Vec<ContributionView>,
}

/// One dated thing on the timeline.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineEntry {
    /// When.
    pub date: DateView,
    /// `meeting`, `statement` or `status`.
    pub kind: &'static str,
    /// What happened, in words.
    pub title: String,
    /// The page (with anchor for status changes).
    pub url: String,
    /// Attribution, location or the actor, as text.
    pub note: Option<String>,
    /// The status reached, for status changes.
    pub status: Option<&'static str>,
    /// Dated after `site.as_of`.
    pub upcoming: bool,
    /// Marking of the item.
    pub tlp: super::TlpView,
}

/// One month of the timeline.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineMonth {
    /// `2026-01`, for anchors.
    pub id: String,
    /// `January 2026`.
    pub title: String,
    /// Its entries, oldest first.
    pub entries: Vec<TimelineEntry>,
}

/// A source in the register.
#[derive(Debug, Clone, Serialize)]
pub struct RegisterEntry {
    /// The source.
    pub source: Link,
    /// Reliability letter and meaning.
    pub reliability: &'static str,
    /// Its meaning.
    pub reliability_meaning: &'static str,
    /// How many citations name it.
    pub citations: usize,
    /// Items citing it.
    pub cited_by: Vec<Link>,
}

/// One finding of the sourcing report.
#[derive(Debug, Clone, Serialize)]
pub struct FindingView {
    /// The item.
    pub item: Link,
    /// For a contribution: its link (with anchor) and contributor; else null.
    pub contribution: Option<ContributionView>,
    /// The citations concerned (ungraded ones, or the single source).
    pub sources: Vec<Link>,
}

/// One section of the sourcing report.
#[derive(Debug, Clone, Serialize)]
pub struct FindingGroup {
    /// Stable code, e.g. `single-source`.
    pub code: &'static str,
    /// Heading.
    pub title: &'static str,
    /// Findings.
    pub findings: Vec<FindingView>,
}

fn marker(m: Movement) -> &'static str {
    match m {
        Movement::New => "★",
        Movement::Up => "▲",
        Movement::Down => "▼",
        Movement::Withdrawn => "✕",
        Movement::Stalled => "‖",
        Movement::Steady => "■",
        Movement::Settled => "✓",
    }
}

fn status_counts(v: Vec<(Status, usize)>) -> Vec<StatusCount> {
    v.into_iter()
        .map(|(s, count)| StatusCount {
            status: s.as_str(),
            count,
        })
        .collect()
}

impl Views<'_> {
    /// What changed in round `id`.
    pub fn changes(&self, id: &str) -> ChangesView {
        let rc = &self.dated().changes[id];
        let mut changes = rc.changes.clone();
        changes.sort_by_key(|c| c.movement);
        ChangesView {
            round: self.link(Kind::Rounds, id),
            previous: rc.previous.as_ref().map(|p| self.link(Kind::Rounds, p)),
            counts: rc
                .counts()
                .into_iter()
                .map(|(m, count)| MovementCount {
                    movement: m.as_str(),
                    marker: marker(m),
                    count,
                })
                .collect(),
            changes: changes
                .iter()
                .map(|c| ChangeView {
                    contribution: self.contribution(&c.guarantee, c.index),
                    before: c.before.map(Status::as_str),
                    after: c.after.as_str(),
                    movement: c.movement.as_str(),
                    marker: marker(c.movement),
                    rounds_unchanged: c.rounds_unchanged,
                })
                .collect(),
        }
    }

    /// The brief of round `id` as of `as_of`.
    pub fn brief(&self, id: &str, as_of: Date) -> BriefView {
        // Both lists are sorted once (see `Views::dated`); a brief only finds its place.
        let dated = self.dated();
        let next = &dated.meetings[dated.meetings.partition_point(|(d, _)| *d <= as_of)..];
        let said = &dated.statements[dated
            .statements
            .partition_point(|(std::cmp::Reverse(d), _)| *d > as_of)..];
        BriefView {
            round: self.item(Kind::Rounds, id),
            as_of: DateView::new(as_of),
            changes: self.changes(id),
            next_meetings: next
                .iter()
                .take(5)
                .map(|(_, id)| self.item(Kind::Meetings, id))
                .collect(),
            latest_statements: said
                .iter()
                .take(5)
                .map(|(_, id)| self.item(Kind::Statements, id))
                .collect(),
        }
    }

    /// The commitment matrix.
    pub fn matrix(&self) -> MatrixView {
        let x = Matrix::new(self.m);
        let rows = x
            .rows
            .iter()
            .enumerate()
            .map(|(r, g)| {
                let contributions = &self.m.guarantees[g].contributions;
                MatrixRow {
                    guarantee: self.link(Kind::Guarantees, g),
                    cells: x.cells[r]
                        .iter()
                        .enumerate()
                        .map(|(col, cell)| {
                            let cell = cell.as_ref()?;
                            let by = &x.columns[col];
                            Some(CellView {
                                status: cell.status.as_str(),
                                rank: crate::analysis::changes::rank(cell.status),
                                url: format!(
                                    "{}#contribution-{}",
                                    Kind::Guarantees.page(g),
                                    cell.index + 1
                                ),
                                count: cell.count,
                                conditions: contributions
                                    .iter()
                                    .filter(|c| &c.by == by)
                                    .flat_map(|c| c.conditions.iter().cloned())
                                    .collect(),
                                tlp: contributions[cell.index].tlp.into(),
                            })
                        })
                        .collect(),
                    totals: status_counts(x.row_totals(r)),
                }
            })
            .collect();
        MatrixView {
            actors: x
                .columns
                .iter()
                .map(|a| self.link(Kind::Actors, a))
                .collect(),
            rows,
            column_totals: (0..x.columns.len())
                .map(|c| status_counts(x.column_totals(c)))
                .collect(),
        }
    }

    /// Declarations against commitments, per actor (those with either) and per component.
    pub fn declarations(&self) -> (Vec<ActorDeclarations>, Vec<GuaranteeDeclarations>) {
        let l = &self.m.links;
        let mut actors: Vec<ActorDeclarations> = self
            .m
            .actors
            .keys()
            .filter_map(|a| {
                let statements = self.links(Kind::Statements, l.actor_statements.get(a));
                let (binding, other): (Vec<_>, Vec<_>) = l
                    .actor_contributions
                    .get(a)
                    .into_iter()
                    .flatten()
                    .map(|(g, i)| self.contribution(g, *i))
                    .partition(|c| c.binding);
                (!statements.is_empty() || !binding.is_empty() || !other.is_empty()).then(|| {
                    ActorDeclarations {
                        actor: self.link(Kind::Actors, a),
                        statements,
                        binding,
                        other,
                    }
                })
            })
            .collect();
        actors.sort_by_key(|a| (a.actor.title.to_lowercase(), a.actor.id.clone()));
        let mut guarantees: Vec<GuaranteeDeclarations> = self
            .m
            .guarantees
            .iter()
            .map(|(id, g)| GuaranteeDeclarations {
                guarantee: self.link(Kind::Guarantees, id),
                statements: self.links(Kind::Statements, l.guarantee_statements.get(id)),
                contributions: (0..g.contributions.len())
                    .map(|i| self.contribution(id, i))
                    .collect(),
            })
            .collect();
        guarantees.sort_by_key(|g| (g.guarantee.title.to_lowercase(), g.guarantee.id.clone()));
        (actors, guarantees)
    }

    /// Every dated thing, as timeline entries, oldest first.
    pub fn timeline_entries(&self) -> Vec<TimelineEntry> {
        let m = self.m;
        timeline::entries(m)
            .into_iter()
            .map(|e| {
                let link = self.link(e.kind, &e.id);
                let (kind, title, url, note, status, tlp) = match e.what {
                    What::Meeting => ("meeting", link.title, link.url, link.note, None, link.tlp),
                    What::Statement => {
                        ("statement", link.title, link.url, link.note, None, link.tlp)
                    }
                    What::Step(i, s, current) => {
                        let c = self.contribution(&e.id, i);
                        let title = format!("{}: {} {}", c.guarantee.title, c.by.title, s.as_str());
                        let note = (!current).then(|| "earlier step".to_string());
                        let url = format!("{}#{}", c.guarantee.url, c.anchor);
                        ("status", title, url, note, Some(s.as_str()), c.tlp)
                    }
                };
                TimelineEntry {
                    date: DateView::new(e.date),
                    kind,
                    title,
                    url,
                    note,
                    status,
                    upcoming: e.date > m.site.as_of,
                    tlp,
                }
            })
            .collect()
    }

    /// The timeline grouped by month.
    pub fn timeline(&self) -> Vec<TimelineMonth> {
        let mut months: Vec<TimelineMonth> = Vec::new();
        for e in self.timeline_entries() {
            let id = e.date.iso[..7].to_string();
            if months.last().is_none_or(|m| m.id != id) {
                let d: Date = e.date.iso.parse().expect("an ISO date");
                months.push(TimelineMonth {
                    id: id.clone(),
                    title: dates::month(d),
                    entries: Vec::new(),
                });
            }
            months.last_mut().expect("just pushed").entries.push(e);
        }
        months
    }

    /// Links to every item the search index holds (meetings, statements, guarantee
    /// components, actors), so the search page carries their most restrictive marking.
    pub fn searchable(&self) -> Vec<Link> {
        let m = self.m;
        let mut out = Vec::new();
        for (k, ids) in [
            (Kind::Meetings, m.meetings.keys().collect::<Vec<_>>()),
            (Kind::Statements, m.statements.keys().collect()),
            (Kind::Guarantees, m.guarantees.keys().collect()),
            (Kind::Actors, m.actors.keys().collect()),
        ] {
            out.extend(ids.into_iter().map(|id| self.link(k, id)));
        }
        out
    }

    /// The sources register, by source name.
    pub fn register(&self) -> Vec<RegisterEntry> {
        let m = self.m;
        let mut counts = std::collections::BTreeMap::<&str, usize>::new();
        let all_citations = m
            .meetings
            .values()
            .flat_map(|x| &x.meta.citations)
            .chain(m.statements.values().flat_map(|x| &x.meta.citations))
            .chain(m.rounds.values().flat_map(|x| &x.meta.citations))
            .chain(m.actors.values().flat_map(|x| &x.meta.citations))
            .chain(m.sources.values().flat_map(|x| &x.meta.citations))
            .chain(m.guarantees.values().flat_map(|g| {
                g.meta
                    .citations
                    .iter()
                    .chain(g.contributions.iter().flat_map(|c| &c.citations))
            }));
        for c in all_citations {
            *counts.entry(&c.source).or_default() += 1;
        }
        let mut out: Vec<RegisterEntry> = m
            .sources
            .iter()
            .map(|(id, s)| RegisterEntry {
                source: self.link(Kind::Sources, id),
                reliability: s.reliability.as_str(),
                reliability_meaning: s.reliability.meaning(),
                citations: counts.get(id.as_str()).copied().unwrap_or(0),
                cited_by: self.cited_by(id),
            })
            .collect();
        out.sort_by_key(|r| (r.source.title.to_lowercase(), r.source.id.clone()));
        out
    }

    /// The sourcing report: one group per problem, every group listed.
    pub fn sourcing_report(&self) -> Vec<FindingGroup> {
        let all = findings(self.m);
        Problem::ALL
            .iter()
            .map(|p| FindingGroup {
                code: p.code(),
                title: p.title(),
                findings: all
                    .iter()
                    .filter(|f| f.problem == *p)
                    .map(|f| FindingView {
                        item: self.link(f.kind, &f.id),
                        contribution: f.contribution.map(|i| self.contribution(&f.id, i)),
                        sources: f
                            .sources
                            .iter()
                            .map(|s| self.link(Kind::Sources, s))
                            .collect(),
                    })
                    .collect(),
            })
            .collect()
    }
}
