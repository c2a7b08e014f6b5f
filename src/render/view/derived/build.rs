//! Builds the derived views from the analysis of the model.

use super::*;
use crate::analysis::matrix::Matrix;
use crate::analysis::sourcing::{Problem, findings};
use crate::model::{Kind, Ref};
use crate::render::view::build::status_counts;
use crate::render::view::{BRIEF_LIST, Views};
use jiff::civil::Date;

impl<'m> Views<'m> {
    /// The brief of round `id` as of `as_of`.
    pub fn brief(&self, id: &str, as_of: Date) -> BriefView {
        let (next, said) = self.brief_lists(as_of);
        BriefView {
            round: self.item(Kind::Rounds, id),
            as_of: self.date(as_of),
            changes: self.changes(id),
            next_meetings: next
                .iter()
                .map(|id| self.item(Kind::Meetings, id))
                .collect(),
            latest_statements: said
                .iter()
                .map(|id| self.item(Kind::Statements, id))
                .collect(),
        }
    }

    /// The meetings and statements a brief as of `as_of` shows in full: the next five
    /// meetings after it, the five latest statements up to it.
    pub fn brief_lists(&self, as_of: Date) -> (Vec<&'m String>, Vec<&'m String>) {
        // Both lists are sorted once (see `Views::dated`); a brief only finds its place.
        let dated = self.dated();
        let next = &dated.meetings[dated.meetings.partition_point(|(d, _)| *d <= as_of)..];
        let said = &dated.statements[dated
            .statements
            .partition_point(|(std::cmp::Reverse(d), _)| *d > as_of)..];
        (
            next.iter().take(BRIEF_LIST).map(|(_, id)| *id).collect(),
            said.iter().take(BRIEF_LIST).map(|(_, id)| *id).collect(),
        )
    }

    /// The commitment matrix.
    pub fn matrix(&self) -> MatrixView {
        self.matrix_linked(&|g, i| {
            let anchor = crate::routes::contribution_anchor(&self.m.guarantees[g].contributions[i]);
            crate::routes::item_at(Kind::Guarantees, g, Some(&anchor))
        })
    }

    /// The commitment matrix, each cell linking to `url(guarantee id, contribution index)`.
    pub fn matrix_linked(&self, url: &dyn Fn(&str, usize) -> String) -> MatrixView {
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
                            let weakest = cell.weakest();
                            Some(CellView {
                                status: weakest.as_str(),
                                rank: crate::analysis::changes::rank(weakest),
                                statuses: status_counts(cell.statuses.clone()),
                                url: url(g, cell.index),
                                count: cell.count,
                                conditions: contributions
                                    .iter()
                                    .enumerate()
                                    .filter(|(_, c)| &c.by == by)
                                    .flat_map(|(i, _)| self.conditions(g, i).text.iter().cloned())
                                    .collect(),
                                requested_by: {
                                    let mut ids: Vec<&Ref> = contributions
                                        .iter()
                                        .filter(|c| &c.by == by)
                                        .filter_map(|c| c.requested_by.as_ref())
                                        .collect();
                                    ids.dedup();
                                    ids.into_iter()
                                        .map(|a| self.link_to(Kind::Actors, a))
                                        .collect()
                                },
                                reversal: cell.reversal.map(|d| self.date(d)),
                                overdue: cell.overdue,
                                tlp: contributions[cell.index].tlp.into(),
                            })
                        })
                        .collect(),
                    totals: status_counts(x.row_totals(r)),
                }
            })
            .collect();
        let layout = if self
            .m
            .site
            .matrix_layout
            .actors_as_rows(x.rows.len(), x.columns.len())
        {
            MatrixOrientation::ActorsAsRows
        } else {
            MatrixOrientation::ComponentsAsRows
        };
        MatrixView {
            layout,
            actors: x
                .columns
                .iter()
                .map(|a| self.link_to(Kind::Actors, a))
                .collect(),
            rows,
            column_totals: (0..x.columns.len())
                .map(|c| status_counts(x.column_totals(c)))
                .collect(),
        }
    }

    /// Declarations against commitments, per actor (those with either) and per component.
    pub fn declarations(
        &self,
    ) -> (
        Vec<ActorDeclarations>,
        Vec<GuaranteeDeclarations>,
        Vec<StatementRelation>,
    ) {
        let l = &self.m.links;
        // Statements of the persons belonging to an actor, oldest first.
        let member_statements = |a: &str| {
            let mut ids: Vec<&String> = l
                .actor_members
                .get(a)
                .into_iter()
                .flatten()
                .filter(|p| {
                    self.m
                        .actors
                        .get(*p)
                        .is_some_and(|x| x.kind == crate::model::ActorKind::Person)
                })
                .flat_map(|p| l.actor_statements.get(p).into_iter().flatten())
                .collect();
            ids.sort_by_key(|s| (self.m.statements[*s].date, *s));
            ids.dedup();
            ids.into_iter()
                .map(|s| self.link(Kind::Statements, s))
                .collect::<Vec<_>>()
        };
        let mut actors: Vec<ActorDeclarations> = self
            .m
            .actors
            .keys()
            .filter_map(|a| {
                let statements = self.links(Kind::Statements, l.actor_statements.get(a));
                let member_statements = member_statements(a);
                let (binding, other): (Vec<_>, Vec<_>) = l
                    .actor_contributions
                    .get(a)
                    .into_iter()
                    .flatten()
                    .map(|(g, i)| self.contribution(g, *i))
                    .partition(|c| c.binding);
                let any = !statements.is_empty()
                    || !member_statements.is_empty()
                    || !binding.is_empty()
                    || !other.is_empty();
                any.then(|| ActorDeclarations {
                    actor: self.link(Kind::Actors, a),
                    claims: self.claims_in(l.actor_statements.get(a)),
                    statements,
                    member_statements,
                    binding,
                    other,
                })
            })
            .collect();
        actors.sort_by_key(|a| {
            (
                a.actor.title().to_lowercase(),
                a.actor.id().map(str::to_owned),
            )
        });
        let mut guarantees: Vec<GuaranteeDeclarations> = self
            .m
            .guarantees
            .iter()
            .map(|(id, g)| GuaranteeDeclarations {
                guarantee: self.link(Kind::Guarantees, id),
                statements: self.links(Kind::Statements, l.guarantee_statements.get(id)),
                claims: self.claims_in(l.guarantee_statements.get(id)),
                contributions: (0..g.contributions.len())
                    .map(|i| self.contribution(id, i))
                    .collect(),
            })
            .collect();
        guarantees.sort_by_key(|g| {
            (
                g.guarantee.title().to_lowercase(),
                g.guarantee.id().map(str::to_owned),
            )
        });
        let mut relations: Vec<(&crate::model::Statement, &'static str, &Ref)> = self
            .m
            .statements
            .values()
            .flat_map(|s| {
                let r = s.responds_to.iter().map(move |o| (s, "responds to", o));
                r.chain(s.contradicts.iter().map(move |o| (s, "contradicts", o)))
            })
            .collect();
        relations.sort_by_key(|(s, rel, o)| (s.date, &s.meta.id, *rel, *o));
        let relations = relations
            .into_iter()
            .map(|(s, relation, o)| StatementRelation {
                statement: self.link(Kind::Statements, &s.meta.id),
                relation,
                relation_label: self
                    .locale
                    .text(&format!("relation_words.{}", relation.replace(' ', "-"))),
                other: self.link_to(Kind::Statements, o),
            })
            .collect();
        (actors, guarantees, relations)
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
            (Kind::Documents, m.documents.keys().collect()),
        ] {
            out.extend(ids.into_iter().map(|id| self.link(k, id)));
        }
        out
    }

    /// The sources register, by source name.
    pub fn register(&self) -> Vec<RegisterEntry> {
        let m = self.m;
        let mut out: Vec<RegisterEntry> = m
            .sources
            .iter()
            .map(|(id, s)| RegisterEntry {
                source: self.link(Kind::Sources, id),
                reliability: s.reliability.as_str(),
                reliability_meaning: self
                    .locale
                    .text(&format!("reliability.{}", s.reliability.as_str())),
                citations: m.links.source_citations.get(id).copied().unwrap_or(0),
                cited_by: self.cited_by(id),
            })
            .collect();
        out.sort_by_key(|r| {
            (
                r.source.title().to_lowercase(),
                r.source.id().map(str::to_owned),
            )
        });
        out
    }

    /// The sourcing report: one group per problem, every group listed.
    pub fn sourcing_report(&self) -> Vec<FindingGroup> {
        let all = findings(self.m);
        Problem::ALL
            .iter()
            .map(|p| FindingGroup {
                code: p.code().as_str(),
                title: self
                    .locale
                    .text(&format!("sourcing_problem.{}", p.code().as_str())),
                findings: all
                    .iter()
                    .filter(|f| f.problem == *p)
                    .map(|f| FindingView {
                        item: self.link(f.kind, &f.id),
                        contribution: f.contribution.map(|i| self.contribution(&f.id, i)),
                        sources: f
                            .sources
                            .iter()
                            .map(|s| self.link_to(Kind::Sources, s))
                            .collect(),
                    })
                    .collect(),
            })
            .collect()
    }
}
