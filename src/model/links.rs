//! Reverse references, computed once so no page scans every item.

use super::{Kind, Model, Ref};
use std::collections::BTreeMap;

/// For each item, the items that point at it.
#[derive(Debug, Clone, Default)]
pub struct Links {
    /// Actor id -> meeting ids it convened or attended.
    pub actor_meetings: BTreeMap<String, Vec<String>>,
    /// Actor id -> statement ids it made.
    pub actor_statements: BTreeMap<String, Vec<String>>,
    /// Actor id -> (guarantee id, contribution index) it gave.
    pub actor_contributions: BTreeMap<String, Vec<(String, usize)>>,
    /// Actor id -> actors affiliated with it or citizens of it.
    pub actor_members: BTreeMap<String, Vec<String>>,
    /// Meeting id -> statement ids made at it.
    pub meeting_statements: BTreeMap<String, Vec<String>>,
    /// Guarantee id -> statement ids about it.
    pub guarantee_statements: BTreeMap<String, Vec<String>>,
    /// Round id -> meeting ids in it.
    pub round_meetings: BTreeMap<String, Vec<String>>,
    /// Actor id -> (guarantee id, contribution index) of commitments it asked of others.
    pub actor_requests: BTreeMap<String, Vec<(String, usize)>>,
    /// (guarantee id, contribution index) -> the contributions conditional on it.
    pub condition_of: BTreeMap<(String, usize), Vec<(String, usize)>>,
    /// Statement id -> statements that respond to it.
    pub statement_responses: BTreeMap<String, Vec<String>>,
    /// Statement id -> statements that contradict it.
    pub statement_contradictions: BTreeMap<String, Vec<String>>,
    /// Source id -> (kind, id) of items whose citations name it: "cited by N items".
    pub source_citers: BTreeMap<String, Vec<(Kind, String)>>,
    /// Source id -> how many citations name it, in items, contributions and their
    /// steps, counted by the same walk as [`Links::source_citers`]: "N citations".
    pub source_citations: BTreeMap<String, usize>,
    /// Actor id -> document ids it is a party to.
    pub actor_documents: BTreeMap<String, Vec<String>>,
    /// Guarantee id -> (document id, provision id) of provisions concerning it.
    pub guarantee_provisions: BTreeMap<String, Vec<(String, String)>>,
    /// Document id -> the documents that supersede it.
    pub superseded_by: BTreeMap<String, Vec<String>>,
    /// Document id -> meeting ids where it was discussed.
    pub document_meetings: BTreeMap<String, Vec<String>>,
}

fn add<V: PartialEq>(map: &mut BTreeMap<String, Vec<V>>, k: &Ref, v: V) {
    // A withheld target has no page to list anything on.
    let Ref::Id(k) = k else {
        return;
    };
    // Looked up first: a new key (allocated) only for the first item pointing at it.
    let list = match map.get_mut(k) {
        Some(list) => list,
        None => map.entry(k.clone()).or_default(),
    };
    // Items are visited one at a time, so a repeat can only be the last entry: checking
    // it alone keeps this linear (`contains` made a much-cited source quadratic).
    if list.last() != Some(&v) {
        list.push(v);
    }
}

impl Links {
    /// Computes every reverse reference of a validated model.
    pub fn compute(m: &Model) -> Links {
        let mut l = Links::default();
        for (id, a) in &m.actors {
            for other in a.country.iter().chain(a.affiliation.iter()) {
                add(&mut l.actor_members, other, id.clone());
            }
            cite(&mut l, Kind::Actors, id, &a.meta.citations);
        }
        for (id, s) in &m.sources {
            cite(&mut l, Kind::Sources, id, &s.meta.citations);
        }
        for (id, mt) in &m.meetings {
            for a in mt
                .convened_by
                .iter()
                .chain(mt.participants.iter().map(|p| &p.actor))
            {
                add(&mut l.actor_meetings, a, id.clone());
            }
            if let Some(r) = &mt.round {
                add(&mut l.round_meetings, r, id.clone());
            }
            for d in &mt.documents {
                add(&mut l.document_meetings, d, id.clone());
            }
            cite(&mut l, Kind::Meetings, id, &mt.meta.citations);
        }
        for (id, st) in &m.statements {
            if let Some(a) = &st.speaker {
                add(&mut l.actor_statements, a, id.clone());
            }
            if let Some(mt) = &st.meeting {
                add(&mut l.meeting_statements, mt, id.clone());
            }
            for g in &st.about {
                add(&mut l.guarantee_statements, g, id.clone());
            }
            for s in &st.responds_to {
                add(&mut l.statement_responses, s, id.clone());
            }
            for s in &st.contradicts {
                add(&mut l.statement_contradictions, s, id.clone());
            }
            cite(&mut l, Kind::Statements, id, &st.meta.citations);
        }
        for (id, g) in &m.guarantees {
            for (i, c) in g.contributions.iter().enumerate() {
                add(&mut l.actor_contributions, &c.by, (id.clone(), i));
                if let Some(a) = &c.requested_by {
                    add(&mut l.actor_requests, a, (id.clone(), i));
                }
                for r in &c.conditional_on {
                    if let Some(j) = m
                        .guarantees
                        .get(&r.guarantee)
                        .and_then(|t| t.position(&r.contribution))
                    {
                        l.condition_of
                            .entry((r.guarantee.clone(), j))
                            .or_default()
                            .push((id.clone(), i));
                    }
                }
                cite(&mut l, Kind::Guarantees, id, &c.citations);
                for h in &c.history {
                    cite(&mut l, Kind::Guarantees, id, &h.citations);
                }
            }
            cite(&mut l, Kind::Guarantees, id, &g.meta.citations);
        }
        for (id, r) in &m.rounds {
            cite(&mut l, Kind::Rounds, id, &r.meta.citations);
        }
        for (id, d) in &m.documents {
            for a in &d.parties {
                add(&mut l.actor_documents, a, id.clone());
            }
            if let Some(s) = &d.supersedes {
                add(&mut l.superseded_by, s, id.clone());
            }
            cite(&mut l, Kind::Documents, id, &d.meta.citations);
            for p in &d.provisions {
                for g in &p.concerns {
                    add(&mut l.guarantee_provisions, g, (id.clone(), p.id.clone()));
                }
                for x in &p.positions {
                    cite(&mut l, Kind::Documents, id, &x.citations);
                    for h in &x.history {
                        cite(&mut l, Kind::Documents, id, &h.citations);
                    }
                }
            }
        }
        // Lists of statements and meetings read best in date order. Each item's date is
        // looked up once (a component can be the subject of thousands of statements).
        let by_date = |ids: &mut Vec<String>, date: &dyn Fn(&str) -> Option<crate::dates::When>| {
            let mut keyed: Vec<(Option<crate::dates::When>, String)> =
                ids.drain(..).map(|id| (date(&id), id)).collect();
            keyed.sort_unstable();
            ids.extend(keyed.into_iter().map(|(_, id)| id));
        };
        let st_date = |id: &str| m.statements.get(id).map(|s| s.date);
        let mt_date = |id: &str| m.meetings.get(id).map(|s| s.date);
        for v in l.actor_statements.values_mut() {
            by_date(v, &st_date);
        }
        for v in l.meeting_statements.values_mut() {
            by_date(v, &st_date);
        }
        for v in l
            .guarantee_statements
            .values_mut()
            .chain(l.statement_responses.values_mut())
            .chain(l.statement_contradictions.values_mut())
        {
            by_date(v, &st_date);
        }
        for v in l.actor_meetings.values_mut() {
            by_date(v, &mt_date);
        }
        for v in l
            .round_meetings
            .values_mut()
            .chain(l.document_meetings.values_mut())
        {
            by_date(v, &mt_date);
        }
        l
    }
}

fn cite(l: &mut Links, kind: Kind, id: &str, citations: &[super::Citation]) {
    for c in citations {
        add(&mut l.source_citers, &c.source, (kind, id.to_string()));
        if let Ref::Id(source) = &c.source {
            *l.source_citations.entry(source.clone()).or_default() += 1;
        }
    }
}
