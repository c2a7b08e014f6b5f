//! What changed in a round: each contribution's status at the end of the previous round
//! and at the end of this one.
//!
//! A contribution's dated steps are its `history` plus its current `status` reached on
//! `since`. Its status at the end of a day is that of the last step dated on or before
//! it. A current status without `since` is taken to hold from its last history step on
//! (or, with no history, from before the first round): the content says it holds, not
//! when it was reached. After its `until` (end of term), a status on the ladder reads
//! `expired`; one off the ladder (withdrawn, breached...) stays as it was, since the end
//! of term does not undo a reversal. Every view, every export and every round's changes
//! read statuses through [`status_at`], so that rule holds everywhere.

use super::rounds_in_order;
use crate::dates::When;
use crate::model::{Contribution, Model, Status, Tracked};
use jiff::civil::Date;
use serde::Serialize;

/// The status a contribution (or any [`Tracked`] status, such as a party's position on
/// a provision) had at the end of `day`, or `None` before its first step.
pub fn status_at<T: Tracked + ?Sized>(c: &T, day: Date) -> Option<Status> {
    status_in(&steps(c), c.until(), day)
}

/// The current status as a view dated `day` shows it: the status written, `expired`
/// once `day` is past the end of term. (Unlike [`status_at`], steps dated after `day`
/// are not undone: that is time travel's work.)
pub fn status_now(c: &Contribution, day: Date) -> Status {
    term(c.status, c.until, day)
}

/// The end-of-term rule: after `until`, a ladder status reads `expired`.
pub(super) fn term(s: Status, until: Option<When>, day: Date) -> Status {
    match until {
        Some(u) if day > u.last() && s.is_ladder() => Status::Expired,
        _ => s,
    }
}

/// A contribution's steps in the order they are read, oldest first: each history step
/// (`Some(index)`) and the current status (`None`), each counted from the last day its
/// date covers (`2015-07` holds as of 31 July). Sorted stably by date only, so that file
/// order decides between steps of one day.
fn ordered<T: Tracked + ?Sized>(c: &T) -> Vec<(Date, Option<usize>)> {
    let mut steps: Vec<(Date, Option<usize>)> = c
        .history()
        .iter()
        .enumerate()
        .map(|(i, s)| (s.date.last(), Some(i)))
        .collect();
    steps.sort_by_key(|s| s.0);
    let current_from = c
        .since()
        .map(When::last)
        .or_else(|| steps.last().map(|s| s.0))
        .unwrap_or(Date::MIN);
    steps.push((current_from, None));
    steps.sort_by_key(|s| s.0);
    steps
}

/// A contribution's dated steps, oldest first: its history, then its current status.
fn steps<T: Tracked + ?Sized>(c: &T) -> Vec<(Date, Status)> {
    ordered(c)
        .into_iter()
        .map(|(d, i)| (d, i.map_or(c.status(), |i| c.history()[i].status)))
        .collect()
}

/// The step a contribution stood at at the end of `day`: `Some(Some(i))` for history
/// step `i`, `Some(None)` for its current status, `None` before its first step.
pub fn step_at<T: Tracked + ?Sized>(c: &T, day: Date) -> Option<Option<usize>> {
    ordered(c)
        .into_iter()
        .rev()
        .find(|s| s.0 <= day)
        .map(|s| s.1)
}

fn status_in(steps: &[(Date, Status)], until: Option<When>, day: Date) -> Option<Status> {
    let s = steps.iter().rev().find(|s| s.0 <= day).map(|s| s.1)?;
    Some(term(s, until, day))
}

/// True if the step from `prev` to `s` reverses a contribution whose best rung so far is
/// `best`: once it has reached `agreed` or higher, a step down the ladder, or a change to
/// a state off it other than `expired` (the planned end of term). A step back onto the
/// ladder (restored) is none, even to a lower rung than before.
fn reverses(best: Option<u8>, prev: Option<Status>, s: Status) -> bool {
    if best < Status::Agreed.rung() || prev == Some(s) {
        return false;
    }
    match (prev.and_then(Status::rung), s.rung()) {
        (_, None) => s != Status::Expired,
        (Some(p), Some(r)) => r < p,
        (None, Some(_)) => false,
    }
}

/// The last day, up to the end of `day`, on which the contribution reversed (see
/// [`reverses`]). `None` if it never did; a reversal stays on record once restored.
pub fn reversal_at(c: &Contribution, day: Date) -> Option<Date> {
    let mut best: Option<u8> = None;
    let mut prev: Option<Status> = None;
    let mut last = None;
    for (d, s) in steps(c) {
        if d > day {
            break;
        }
        let s = term(s, c.until, d);
        if reverses(best, prev, s) {
            last = Some(d);
        }
        best = best.max(s.rung());
        prev = Some(s);
    }
    last
}

/// True if the contribution is overdue in a view dated `day`: its deadline `due` is
/// before `day` and its status then is on the ladder below `implemented`.
pub fn overdue_at(c: &Contribution, day: Date) -> bool {
    c.due.is_some_and(|due| due.last() < day)
        && status_at(c, day).is_some_and(|s| s.is_ladder() && s < Status::Implemented)
}

/// How a contribution moved during a round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Movement {
    /// No status at the end of the previous round (or there was none), one now.
    New,
    /// Higher on the ladder than at the end of the previous round.
    Up,
    /// Lower on the ladder.
    Down,
    /// From the ladder to a state off it (suspended, breached, withdrawn, rejected,
    /// contested), or from one such state to another.
    Reversal,
    /// From a state off the ladder back onto it.
    Restored,
    /// Unchanged for two or more rounds, and not settled (nor a continuing obligation
    /// in force).
    Stalled,
    /// Unchanged for less than two rounds, or a continuing obligation in force.
    Steady,
    /// A one-off commitment unchanged at implemented, or a contribution at expired
    /// (including the round its term ends): nothing more is expected.
    Settled,
}

impl Movement {
    /// Every movement, in the order a brief counts them.
    pub const ALL: [Movement; 8] = [
        Movement::New,
        Movement::Up,
        Movement::Down,
        Movement::Reversal,
        Movement::Restored,
        Movement::Stalled,
        Movement::Steady,
        Movement::Settled,
    ];

    /// True if the status changed in the round (new, up, down, reversal, restored);
    /// false for stalled, steady and settled, which round pages summarise.
    pub fn moved(self) -> bool {
        matches!(
            self,
            Movement::New | Movement::Up | Movement::Down | Movement::Reversal | Movement::Restored
        )
    }

    /// The word used in views and exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Movement::New => "new",
            Movement::Up => "up",
            Movement::Down => "down",
            Movement::Reversal => "reversal",
            Movement::Restored => "restored",
            Movement::Stalled => "stalled",
            Movement::Steady => "steady",
            Movement::Settled => "settled",
        }
    }
}

/// Position on the ladder: 1 (proposed) to 7 (implemented), 0 off the ladder.
pub fn rank(s: Status) -> u8 {
    s.rung().unwrap_or(0)
}

/// How a contribution moved from `before` to `after`; `rounds_unchanged` as in
/// [`Change`], `continuing` as the contribution says.
pub fn movement(
    before: Option<Status>,
    after: Status,
    rounds_unchanged: usize,
    continuing: bool,
) -> Movement {
    let Some(b) = before else {
        return Movement::New;
    };
    if after == Status::Expired {
        return Movement::Settled;
    }
    if b == after {
        return if after == Status::Implemented && !continuing {
            Movement::Settled
        } else if rounds_unchanged >= 2 && !(after == Status::Implemented && continuing) {
            Movement::Stalled
        } else {
            Movement::Steady
        };
    }
    match (b.rung(), after.rung()) {
        (_, None) => Movement::Reversal,
        (None, Some(_)) => Movement::Restored,
        (Some(x), Some(y)) if y > x => Movement::Up,
        _ => Movement::Down,
    }
}

/// One contribution's movement in a round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Guarantee id.
    pub guarantee: String,
    /// Index of the contribution in its guarantee.
    pub index: usize,
    /// Status at the end of the previous round, if any.
    pub before: Option<Status>,
    /// Status at the end of this round.
    pub after: Status,
    /// How it moved.
    pub movement: Movement,
    /// Rounds in a row, ending with this one, in which the status did not change
    /// (0 when it changed in this round).
    pub rounds_unchanged: usize,
    /// When the status changed between the previous round's end and this round's start:
    /// the date of that step (see [`between_rounds`]).
    pub between_rounds: Option<When>,
}

/// The date of the step that set `c`'s status at the end of day `end`, if that step lies
/// between two rounds: after `previous_end` and before `start` (by its last day).
pub fn between_rounds(
    c: &Contribution,
    previous_end: Date,
    start: Date,
    end: Date,
) -> Option<When> {
    let mut dated: Vec<When> = c.history.iter().map(|s| s.date).collect();
    dated.extend(c.since);
    dated.sort_by_key(|w| w.last());
    let step = dated.into_iter().rev().find(|w| w.last() <= end)?;
    (step.last() > previous_end && step.last() < start).then_some(step)
}

/// The changes of one round.
#[derive(Debug, Clone)]
pub struct RoundChanges {
    /// The round.
    pub round: String,
    /// The round before it, if any.
    pub previous: Option<String>,
    /// Every contribution with a status at the end of the round, by guarantee id and index.
    pub changes: Vec<Change>,
}

impl RoundChanges {
    /// How many contributions moved each way, for every movement (zeros included).
    pub fn counts(&self) -> Vec<(Movement, usize)> {
        Movement::ALL
            .iter()
            .map(|m| (*m, self.changes.iter().filter(|c| c.movement == *m).count()))
            .collect()
    }

    /// The stalled contribution unchanged for the most rounds, the first in order
    /// (component, then file order) among those stalled as long; `None` if none stalled.
    pub fn longest_stall(&self) -> Option<&Change> {
        self.changes
            .iter()
            .filter(|c| c.movement == Movement::Stalled)
            .rev()
            .max_by_key(|c| c.rounds_unchanged)
    }

    /// How many contributions stood at each status at the end of the round, for every
    /// status in [`Status::WEAKEST_FIRST`] order (zeros included).
    pub fn status_counts(&self) -> Vec<(Status, usize)> {
        let mut counts = [0; Status::WEAKEST_FIRST.len()];
        for c in &self.changes {
            counts[c.after.weakness()] += 1;
        }
        Status::WEAKEST_FIRST.into_iter().zip(counts).collect()
    }
}

/// The changes in round `id`, or `None` if there is no such round. To go through every
/// round, [`all_round_changes`] does the work once.
pub fn round_changes(m: &Model, id: &str) -> Option<RoundChanges> {
    all_round_changes(m).into_iter().find(|rc| rc.round == id)
}

/// The changes of every round, in chronological order. Each contribution's status is
/// worked out once per round end, and how long it has held is carried from one round to
/// the next, so this is linear in rounds times contributions.
pub fn all_round_changes(m: &Model) -> Vec<RoundChanges> {
    let rounds = rounds_in_order(m);
    let mut out: Vec<RoundChanges> = rounds
        .iter()
        .enumerate()
        .map(|(pos, r)| RoundChanges {
            round: r.meta.id.clone(),
            previous: pos.checked_sub(1).map(|p| rounds[p].meta.id.clone()),
            changes: Vec::new(),
        })
        .collect();
    for (gid, g) in &m.guarantees {
        for (i, c) in g.contributions.iter().enumerate() {
            let steps = steps(c);
            let until = c.until;
            // The status at the previous round's end, and for how many rounds in a row
            // before that one it had been the same.
            let mut before: Option<Status> = None;
            let mut run = 0;
            for (pos, r) in rounds.iter().enumerate() {
                let now = status_in(&steps, until, r.end);
                // Rounds in a row, ending with the previous one, whose status was `now`.
                let rounds_unchanged = if pos > 0 && before == now { run + 1 } else { 0 };
                let prev = before;
                before = now;
                run = rounds_unchanged;
                let Some(after) = now else { continue };
                let movement = movement(prev, after, rounds_unchanged, c.continuing);
                let between = match pos.checked_sub(1) {
                    Some(p) if prev != Some(after) => {
                        between_rounds(c, rounds[p].end, r.start, r.end)
                    }
                    _ => None,
                };
                out[pos].changes.push(Change {
                    guarantee: gid.clone(),
                    index: i,
                    before: prev,
                    after,
                    movement,
                    rounds_unchanged,
                    between_rounds: between,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::documents::fixtures::{day, steps};
    use Status::*;

    fn contribution(status: Status, since: &str, history: &[(&str, Status)]) -> Contribution {
        Contribution {
            since: Some(day(since).into()),
            history: steps(history),
            ..Contribution::bare(status)
        }
    }

    #[test]
    fn movements() {
        use Movement as M;
        assert_eq!(movement(None, Breached, 0, false), M::New);
        assert_eq!(movement(Some(Agreed), Signed, 0, false), M::Up);
        assert_eq!(movement(Some(Signed), Agreed, 0, false), M::Down);
        assert_eq!(movement(Some(Implemented), Breached, 0, true), M::Reversal);
        assert_eq!(movement(Some(Proposed), Rejected, 0, false), M::Reversal);
        assert_eq!(movement(Some(Suspended), Withdrawn, 0, false), M::Reversal);
        assert_eq!(
            movement(Some(Suspended), Implemented, 0, false),
            M::Restored
        );
        assert_eq!(movement(Some(Implemented), Expired, 0, false), M::Settled);
        assert_eq!(movement(Some(Expired), Expired, 5, false), M::Settled);
        assert_eq!(
            movement(Some(Implemented), Implemented, 5, false),
            M::Settled
        );
        // A continuing obligation in force is never settled, nor stalled.
        assert_eq!(movement(Some(Implemented), Implemented, 5, true), M::Steady);
        // Withdrawn is no longer "settled": it may be restored.
        assert_eq!(movement(Some(Withdrawn), Withdrawn, 1, false), M::Steady);
        assert_eq!(movement(Some(Withdrawn), Withdrawn, 2, false), M::Stalled);
    }

    #[test]
    fn moved_and_longest_stall() {
        use Movement as M;
        let moved: Vec<M> = M::ALL.into_iter().filter(|m| m.moved()).collect();
        assert_eq!(moved, [M::New, M::Up, M::Down, M::Reversal, M::Restored]);
        let change = |guarantee: &str, movement, rounds_unchanged| Change {
            guarantee: guarantee.into(),
            index: 0,
            before: Some(Agreed),
            after: Agreed,
            movement,
            rounds_unchanged,
            between_rounds: None,
        };
        let mut rc = RoundChanges {
            round: "r".into(),
            previous: None,
            changes: vec![
                change("a", M::Stalled, 3),
                change("b", M::Steady, 9),
                change("c", M::Stalled, 5),
                change("d", M::Stalled, 5),
            ],
        };
        // The longest, the first of those as long; a steady one does not count.
        assert_eq!(rc.longest_stall().map(|c| c.guarantee.as_str()), Some("c"));
        rc.changes.retain(|c| c.movement != M::Stalled);
        assert_eq!(rc.longest_stall(), None);
    }

    #[test]
    fn until_makes_ladder_statuses_expire() {
        let mut c = contribution(Implemented, "2016-01-16", &[("2015-07-14", Agreed)]);
        c.until = Some(day("2025-10-18").into());
        assert_eq!(status_at(&c, day("2025-10-18")), Some(Implemented));
        assert_eq!(status_at(&c, day("2025-10-19")), Some(Expired));
        assert_eq!(status_now(&c, day("2025-10-19")), Expired);
        assert_eq!(status_now(&c, day("2025-10-18")), Implemented);
        // Off the ladder, the end of term changes nothing.
        c.status = Withdrawn;
        assert_eq!(status_at(&c, day("2026-01-01")), Some(Withdrawn));
        assert_eq!(reversal_at(&c, day("2026-01-01")), Some(day("2016-01-16")));
    }

    #[test]
    fn reversals_and_overdue() {
        let c = contribution(
            Implemented,
            "2021-01-01",
            &[
                ("2015-07-14", Agreed),
                ("2016-01-16", Implemented),
                ("2019-07-01", Breached),
            ],
        );
        assert_eq!(reversal_at(&c, day("2019-06-30")), None);
        assert_eq!(reversal_at(&c, day("2019-07-01")), Some(day("2019-07-01")));
        // Restored since, the reversal is still on record.
        assert_eq!(reversal_at(&c, day("2022-01-01")), Some(day("2019-07-01")));
        // Restored to a lower rung than before: still no new reversal.
        let r = contribution(
            Agreed,
            "2023-03-04",
            &[
                ("2015-07-14", Agreed),
                ("2016-01-16", Implemented),
                ("2021-02-23", Suspended),
            ],
        );
        assert_eq!(reversal_at(&r, day("2024-01-01")), Some(day("2021-02-23")));
        // Below agreed, a step down is no reversal.
        let p = contribution(Rejected, "2020-01-01", &[("2019-01-01", Proposed)]);
        assert_eq!(reversal_at(&p, day("2021-01-01")), None);
        let mut d = contribution(Agreed, "2015-07-14", &[]);
        d.due = Some(day("2016-01-16").into());
        assert!(!overdue_at(&d, day("2016-01-16")));
        assert!(overdue_at(&d, day("2016-01-17")));
        d.status = Implemented;
        assert!(!overdue_at(&d, day("2016-01-17")));
    }
}
