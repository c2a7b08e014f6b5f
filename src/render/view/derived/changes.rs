//! The views of a round's changes: what moved, listed in full on the round's page, the
//! front page and the changes embed; what did not, summarised there and listed on a page
//! of its own ([`crate::routes::round_unchanged`]), so that a round page's size does not
//! grow with every commitment ever made.

use super::*;
use crate::analysis::changes::{Change, Movement, RoundChanges};
use crate::model::{Kind, Status};
use crate::render::view::Views;

fn marker(m: Movement) -> &'static str {
    match m {
        Movement::New => "★",
        Movement::Up => "▲",
        Movement::Down => "▼",
        Movement::Reversal => "✕",
        Movement::Restored => "↺",
        Movement::Stalled => "‖",
        Movement::Steady => "■",
        Movement::Settled => "✓",
    }
}

impl Views<'_> {
    /// What changed in round `id`: what moved, and what did not summarised.
    pub fn changes(&self, id: &str) -> ChangesView {
        let rc = &self.all_changes()[id];
        let mut moved: Vec<&Change> = rc.changes.iter().filter(|c| c.movement.moved()).collect();
        moved.sort_by_key(|c| c.movement);
        ChangesView {
            round: self.link(Kind::Rounds, id),
            previous: rc.previous.as_ref().map(|p| self.link(Kind::Rounds, p)),
            counts: self.movement_counts(rc, |_| true),
            moved: moved.into_iter().map(|c| self.change(c)).collect(),
            unmoved: self.unmoved(id, rc),
        }
    }

    /// The page of what did not move in round `id`.
    pub fn unchanged(&self, id: &str) -> UnchangedView {
        let rc = &self.all_changes()[id];
        let mut rows: Vec<&Change> = rc.changes.iter().filter(|c| !c.movement.moved()).collect();
        rows.sort_by_key(|c| (c.movement, std::cmp::Reverse(c.rounds_unchanged)));
        UnchangedView {
            round: self.link(Kind::Rounds, id),
            previous: rc.previous.as_ref().map(|p| self.link(Kind::Rounds, p)),
            unmoved: self.unmoved(id, rc),
            changes: rows.into_iter().map(|c| self.change(c)).collect(),
        }
    }

    fn unmoved(&self, id: &str, rc: &RoundChanges) -> UnmovedView {
        UnmovedView {
            count: rc.changes.iter().filter(|c| !c.movement.moved()).count(),
            counts: self.movement_counts(rc, |m| !m.moved()),
            longest_stall: rc.longest_stall().map(|c| self.change(c)),
            url: crate::routes::round_unchanged(id),
        }
    }

    fn movement_counts(&self, rc: &RoundChanges, keep: fn(Movement) -> bool) -> Vec<MovementCount> {
        rc.counts()
            .into_iter()
            .filter(|(m, _)| keep(*m))
            .map(|(m, count)| MovementCount {
                movement: m.as_str(),
                marker: marker(m),
                count,
            })
            .collect()
    }

    fn change(&self, c: &Change) -> ChangeView {
        ChangeView {
            contribution: self.contribution(&c.guarantee, c.index),
            before: c.before.map(Status::as_str),
            after: c.after.as_str(),
            movement: c.movement.as_str(),
            marker: marker(c.movement),
            rounds_unchanged: c.rounds_unchanged,
            between_rounds: c.between_rounds.map(|d| self.date(d)),
        }
    }
}
