//! Negotiating texts counted: how many provisions the parties agree on, as of a day.
//!
//! A provision counts on a day if it is in the text then ([`Provision::in_text_at`]):
//! introduced by then and not yet dropped. A party agrees to it if its position's status
//! on that day ([`status_at`], the same rule as contributions) is `agreed` or higher on
//! the ladder (`agreed`, `signed`, `ratified`, `implemented`); a state off the ladder
//! never counts as agreement. Only the positions of the document's parties count. A
//! provision is **contested** if any party's status is
//! `contested` or `rejected`, and **untracked** if no party has a position on it yet.
//! Shares are of the provisions in the text; **coverage** is the share with at least one
//! position. These are the figures a claim such as "90% of the plan is agreed" is
//! checked against.

use super::changes::status_at;
use crate::model::{Document, Position, Provision, Status};
use jiff::civil::Date;
use serde::Serialize;

/// True if `s` is agreement: `agreed` or higher on the ladder.
pub fn is_agreement(s: Status) -> bool {
    s.is_ladder() && s >= Status::Agreed
}

/// True if `s` is opposition: `contested` or `rejected`.
pub fn is_opposition(s: Status) -> bool {
    matches!(s, Status::Contested | Status::Rejected)
}

/// A count out of a total, with its share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Share {
    /// How many.
    pub count: usize,
    /// Out of how many.
    pub of: usize,
}

impl Share {
    /// The share in whole percent, rounded half up; `None` when `of` is 0.
    pub fn percent(self) -> Option<u32> {
        (self.of > 0).then(|| ((self.count * 200 + self.of) / (self.of * 2)) as u32)
    }
}

/// One party's count of agreed provisions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartyShare {
    /// The party's actor id.
    pub party: String,
    /// Provisions it agrees to.
    pub agreed: Share,
}

/// A document's figures as of a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Provisions in the text that day.
    pub provisions: usize,
    /// Agreed by every party.
    pub agreed_by_all: Share,
    /// Agreed by each party, in the order of `parties`.
    pub by_party: Vec<PartyShare>,
    /// Contested or rejected by at least one party.
    pub contested: Share,
    /// With no position at all.
    pub untracked: Share,
    /// With at least one position (the coverage of any figure).
    pub coverage: Share,
}

/// The party ids a document names (withheld parties are not counted).
pub fn party_ids(d: &Document) -> Vec<&str> {
    d.parties.iter().filter_map(|p| p.id()).collect()
}

/// The provisions in the text at the end of `day`.
pub fn in_text(d: &Document, day: Date) -> impl Iterator<Item = &Provision> {
    d.provisions.iter().filter(move |p| p.in_text_at(day))
}

/// The status of `party`'s position on `p` at the end of `day`, if it has one then.
pub fn status_of(p: &Provision, party: &str, day: Date) -> Option<Status> {
    p.positions
        .iter()
        .filter(|x| x.party.id() == Some(party))
        .find_map(|x| status_at(x, day))
}

/// The positions of `parties` on `p`: a position of an actor not among the document's
/// parties (a warning at `check`) is shown but never counted.
fn of_parties<'a>(p: &'a Provision, parties: &'a [&str]) -> impl Iterator<Item = &'a Position> {
    p.positions
        .iter()
        .filter(|x| x.party.id().is_some_and(|id| parties.contains(&id)))
}

fn has_position(p: &Provision, parties: &[&str], day: Date) -> bool {
    of_parties(p, parties).any(|x| status_at(x, day).is_some())
}

/// True if every one of `parties` (at least one) agrees to `p` at the end of `day`.
pub fn agreed_by(p: &Provision, parties: &[&str], day: Date) -> bool {
    !parties.is_empty()
        && parties
            .iter()
            .all(|party| status_of(p, party, day).is_some_and(is_agreement))
}

/// The share of the provisions in the text at the end of `day` agreed by all of
/// `parties` (all the document's parties with `None`).
pub fn share_agreed(d: &Document, parties: Option<&[&str]>, day: Date) -> Share {
    let all = party_ids(d);
    let parties = parties.unwrap_or(&all);
    let mut share = Share { count: 0, of: 0 };
    for p in in_text(d, day) {
        share.of += 1;
        share.count += usize::from(agreed_by(p, parties, day));
    }
    share
}

/// The share of the provisions in the text at the end of `day` with any party's
/// position.
pub fn coverage(d: &Document, day: Date) -> Share {
    let parties = party_ids(d);
    let mut share = Share { count: 0, of: 0 };
    for p in in_text(d, day) {
        share.of += 1;
        share.count += usize::from(has_position(p, &parties, day));
    }
    share
}

/// Every figure of a document at the end of `day`.
pub fn tally(d: &Document, day: Date) -> Tally {
    let parties = party_ids(d);
    let of = in_text(d, day).count();
    let share = |count| Share { count, of };
    let count = |f: &dyn Fn(&Provision) -> bool| in_text(d, day).filter(|p| f(p)).count();
    let coverage = count(&|p| has_position(p, &parties, day));
    Tally {
        provisions: of,
        agreed_by_all: share(count(&|p| agreed_by(p, &parties, day))),
        by_party: parties
            .iter()
            .map(|party| PartyShare {
                party: party.to_string(),
                agreed: share(count(&|p| agreed_by(p, &[party], day))),
            })
            .collect(),
        contested: share(count(&|p| {
            of_parties(p, &parties).any(|x| status_at(x, day).is_some_and(is_opposition))
        })),
        untracked: share(of - coverage),
        coverage: share(coverage),
    }
}

/// True if nothing in `d` is dated after `day`: the document, its provisions' entries
/// and its positions' steps.
pub fn unchanged_at(d: &Document, day: Date) -> bool {
    d.date.is_none_or(|x| x.last() <= day)
        && d.provisions.iter().all(|p| {
            p.introduced.is_none_or(|x| x.last() <= day)
                && p.positions.iter().all(|x| {
                    x.since.is_none_or(|s| s.last() <= day)
                        && x.history.iter().all(|h| h.date.last() <= day)
                })
        })
}

/// `d` as it stood at the end of `day` (the document itself is dated by then): provisions
/// introduced later are left out, and each position reads as it stood then
/// ([`super::as_of`]'s rule for contributions), or is left out before its first step.
pub fn document_at(d: &mut Document, day: Date) {
    d.provisions
        .retain(|p| p.introduced.is_none_or(|x| x.last() <= day));
    for p in &mut d.provisions {
        p.positions = std::mem::take(&mut p.positions)
            .into_iter()
            .filter_map(|x: Position| super::as_of::tracked_at(x, day))
            .collect();
    }
}

/// Texts for unit tests: a document `plan` between parties `a` and `b`, tabled on
/// 1 January 2026, and its provisions and positions.
#[cfg(test)]
pub(crate) mod fixtures {
    use super::*;
    use crate::dates::When;
    use crate::model::{Meta, Prose, Ref, Step, Term, Tlp};

    pub(crate) fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    /// Status steps from `(day, status)` pairs, without notes or citations.
    pub(crate) fn steps(history: &[(&str, Status)]) -> Vec<Step> {
        history
            .iter()
            .map(|(d, s)| Step {
                date: day(d).into(),
                status: *s,
                note: None,
                citations: Vec::new(),
            })
            .collect()
    }

    pub(crate) fn position(
        party: &str,
        status: Status,
        since: &str,
        history: &[(&str, Status)],
    ) -> Position {
        Position {
            party: Ref::Id(party.into()),
            status,
            since: Some(day(since).into()),
            note: None,
            history: steps(history),
            citations: Vec::new(),
            tlp: Tlp::Clear,
        }
    }

    pub(crate) fn provision(id: &str, positions: Vec<Position>) -> Provision {
        Provision {
            id: id.into(),
            label: None,
            title: id.into(),
            summary: None,
            concerns: Vec::new(),
            introduced: None,
            dropped: None,
            positions,
            tlp: Tlp::Clear,
        }
    }

    pub(crate) fn document(provisions: Vec<Provision>) -> Document {
        Document {
            meta: Meta {
                id: "plan".into(),
                file: "content/documents/plan.md".into(),
                tags: Vec::new(),
                tlp: Tlp::Clear,
                citations: Vec::new(),
            },
            title: "Plan".into(),
            kind: Term::builtin("plan"),
            date: Some(When::day(day("2026-01-01"))),
            parties: vec![Ref::Id("a".into()), Ref::Id("b".into())],
            supersedes: None,
            provisions,
            body_html: Prose::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::*;
    use super::*;

    #[test]
    fn counts_follow_positions_over_time() {
        use Status::*;
        let mut dropped = provision("p4", vec![position("a", Agreed, "2026-01-05", &[])]);
        dropped.dropped = Some(day("2026-02-01").into());
        let d = document(vec![
            // a agrees from 10 Jan; b discussed on 5 Jan, agreed on 1 Feb.
            provision(
                "p1",
                vec![
                    position("a", Agreed, "2026-01-10", &[]),
                    position("b", Signed, "2026-02-01", &[("2026-01-05", Discussed)]),
                ],
            ),
            // b rejects from 20 Jan; a agreed, then withdrew (off the ladder).
            provision(
                "p2",
                vec![
                    position("a", Withdrawn, "2026-02-01", &[("2026-01-05", Agreed)]),
                    position("b", Rejected, "2026-01-20", &[]),
                ],
            ),
            // Only a non-party has a position: untracked, not contested.
            provision("p3", vec![position("c", Rejected, "2026-01-05", &[])]),
            dropped,
        ]);
        // 15 Jan: p1..p4 in the text; p1 agreed by a only; p2 agreed by a; p4 by a.
        let t = tally(&d, day("2026-01-15"));
        assert_eq!(t.provisions, 4);
        assert_eq!(t.agreed_by_all, Share { count: 0, of: 4 });
        assert_eq!(t.by_party[0].agreed.count, 3);
        assert_eq!(t.by_party[1].agreed.count, 0);
        assert_eq!(t.contested.count, 0);
        assert_eq!(t.untracked.count, 1);
        assert_eq!(t.coverage, Share { count: 3, of: 4 });
        // 1 Feb: p4 dropped; p1 agreed by both (signed is beyond agreed); p2 withdrawn by
        // a (not agreement) and rejected by b (contested).
        let t = tally(&d, day("2026-02-01"));
        assert_eq!(t.provisions, 3);
        assert_eq!(t.agreed_by_all, Share { count: 1, of: 3 });
        assert_eq!(t.agreed_by_all.percent(), Some(33));
        assert_eq!(t.by_party[0].agreed.count, 1);
        assert_eq!(t.contested.count, 1);
        assert_eq!(t.untracked.count, 1);
        assert_eq!(share_agreed(&d, Some(&["b"]), day("2026-02-01")).count, 1);
        assert_eq!(coverage(&d, day("2026-01-01")), Share { count: 0, of: 4 });
    }

    #[test]
    fn time_travel_cuts_positions_and_later_provisions() {
        use Status::*;
        let mut later = provision("p2", Vec::new());
        later.introduced = Some(day("2026-02-01").into());
        let mut d = document(vec![
            provision(
                "p1",
                vec![
                    position("a", Agreed, "2026-02-01", &[("2026-01-05", Discussed)]),
                    position("b", Agreed, "2026-02-01", &[]),
                ],
            ),
            later,
        ]);
        assert!(!unchanged_at(&d, day("2026-01-15")));
        document_at(&mut d, day("2026-01-15"));
        assert_eq!(d.provisions.len(), 1);
        let p = &d.provisions[0];
        assert_eq!(p.positions.len(), 1, "b had no position yet");
        assert_eq!(p.positions[0].status, Discussed);
        assert!(p.positions[0].history.is_empty());
        assert!(unchanged_at(&d, day("2026-01-15")));
    }

    #[test]
    fn shares_round_half_up_and_need_a_total() {
        assert_eq!(Share { count: 1, of: 8 }.percent(), Some(13));
        assert_eq!(Share { count: 9, of: 10 }.percent(), Some(90));
        assert_eq!(Share { count: 0, of: 0 }.percent(), None);
    }
}
