//! What changed in a round: each contribution's status at the end of the previous round
//! and at the end of this one.
//!
//! A contribution's dated steps are its `history` plus its current `status` reached on
//! `since`. Its status at the end of a day is that of the last step dated on or before
//! it. A current status without `since` is taken to hold from its last history step on
//! (or, with no history, from before the first round): the content says it holds, not
//! when it was reached.

use super::rounds_in_order;
use crate::dates::When;
use crate::model::{Contribution, Model, Status};
use jiff::civil::Date;
use serde::Serialize;

/// The status a contribution had at the end of `day`, or `None` before its first step.
pub fn status_at(c: &Contribution, day: Date) -> Option<Status> {
    status_in(&steps(c), day)
}

/// A contribution's dated steps, oldest first: its history, then its current status.
/// A step counts from the last day its date covers (`2015-07` holds as of 31 July).
fn steps(c: &Contribution) -> Vec<(Date, Status)> {
    let mut steps: Vec<(Date, Status)> = c
        .history
        .iter()
        .map(|s| (s.date.last(), s.status))
        .collect();
    // Sort stably by date only, so that file order decides between steps of one day.
    steps.sort_by_key(|s| s.0);
    let current_from = c
        .since
        .map(When::last)
        .or_else(|| steps.last().map(|s| s.0))
        .unwrap_or(Date::MIN);
    steps.push((current_from, c.status));
    steps.sort_by_key(|s| s.0);
    steps
}

fn status_in(steps: &[(Date, Status)], day: Date) -> Option<Status> {
    steps.iter().rev().find(|s| s.0 <= day).map(|s| s.1)
}

/// How a contribution moved during a round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Movement {
    /// No status at the end of the previous round (or there was none), one now.
    New,
    /// Higher on the ladder than at the end of the previous round.
    Up,
    /// Lower on the ladder (but not withdrawn).
    Down,
    /// Withdrawn during the round.
    Withdrawn,
    /// Unchanged for two or more rounds, and neither implemented nor withdrawn.
    Stalled,
    /// Unchanged for less than two rounds.
    Steady,
    /// Unchanged and implemented or withdrawn: nothing more is expected.
    Settled,
}

impl Movement {
    /// Every movement, in the order a brief counts them.
    pub const ALL: [Movement; 7] = [
        Movement::New,
        Movement::Up,
        Movement::Down,
        Movement::Withdrawn,
        Movement::Stalled,
        Movement::Steady,
        Movement::Settled,
    ];

    /// The word used in views and exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Movement::New => "new",
            Movement::Up => "up",
            Movement::Down => "down",
            Movement::Withdrawn => "withdrawn",
            Movement::Stalled => "stalled",
            Movement::Steady => "steady",
            Movement::Settled => "settled",
        }
    }
}

/// Position on the ladder: 1 (proposed) to 7 (implemented), 0 for withdrawn.
pub fn rank(s: Status) -> u8 {
    if s == Status::Withdrawn {
        0
    } else {
        s as u8 + 1
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
            // The status at the previous round's end, and for how many rounds in a row
            // before that one it had been the same.
            let mut before: Option<Status> = None;
            let mut run = 0;
            for (pos, r) in rounds.iter().enumerate() {
                let now = status_in(&steps, r.end);
                // Rounds in a row, ending with the previous one, whose status was `now`.
                let rounds_unchanged = if pos > 0 && before == now { run + 1 } else { 0 };
                let prev = before;
                before = now;
                run = rounds_unchanged;
                let Some(after) = now else { continue };
                let movement = match prev {
                    None => Movement::New,
                    Some(b) if b == after => {
                        if matches!(after, Status::Implemented | Status::Withdrawn) {
                            Movement::Settled
                        } else if rounds_unchanged >= 2 {
                            Movement::Stalled
                        } else {
                            Movement::Steady
                        }
                    }
                    Some(_) if after == Status::Withdrawn => Movement::Withdrawn,
                    Some(b) if rank(after) > rank(b) => Movement::Up,
                    Some(_) => Movement::Down,
                };
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
