//! Every dated thing in one chronological list: meetings, statements, and the steps of
//! each contribution's history (its current status too, when `since` dates it, and the
//! end of its term, when `until` ends a status on the ladder).

use crate::dates::When;
use crate::model::{Kind, Model, Status};

/// What a timeline entry is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum What {
    /// A meeting (dated by its first day).
    Meeting,
    /// A statement.
    Statement,
    /// A contribution reached a status.
    Step(StatusStep),
}

/// A contribution's status step on the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct StatusStep {
    /// The contribution's index in its guarantee.
    pub contribution: usize,
    /// The status reached.
    pub status: Status,
    /// True for the status the contribution holds now.
    pub current: bool,
    /// What the step was read from.
    pub from: StepFrom,
}

/// What a [`StatusStep`] was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum StepFrom {
    /// History step number n (its note is the step's).
    History(usize),
    /// The current status, dated by `since` (its note is the contribution's).
    Written,
    /// The end of term (`until`): no note.
    TermEnd,
}

/// One dated thing, at the precision it was written (sorted by its first day).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Entry {
    /// When.
    pub date: When,
    /// Kind of the item it belongs to (meetings, statements or guarantees).
    pub kind: Kind,
    /// Item id.
    pub id: String,
    /// What happened.
    pub what: What,
}

/// Every dated thing, oldest first (ties by kind, id, then step).
pub fn entries(m: &Model) -> Vec<Entry> {
    let mut out = Vec::new();
    for (id, x) in &m.meetings {
        out.push(Entry {
            date: x.date,
            kind: Kind::Meetings,
            id: id.clone(),
            what: What::Meeting,
        });
    }
    for (id, x) in &m.statements {
        out.push(Entry {
            date: x.date,
            kind: Kind::Statements,
            id: id.clone(),
            what: What::Statement,
        });
    }
    for (id, g) in &m.guarantees {
        for (i, c) in g.contributions.iter().enumerate() {
            let step = |status, current, from| {
                What::Step(StatusStep {
                    contribution: i,
                    status,
                    current,
                    from,
                })
            };
            for (n, h) in c.history.iter().enumerate() {
                out.push(Entry {
                    date: h.date,
                    kind: Kind::Guarantees,
                    id: id.clone(),
                    what: step(h.status, false, StepFrom::History(n)),
                });
            }
            // A term that ends (`until`) turns a ladder status into `expired`: that is
            // the current step once the day is reached, the one written is then earlier.
            let term_ends = c.until.filter(|_| c.status.is_ladder());
            let ended = term_ends.is_some_and(|u| u.last() <= m.site.as_of);
            if let Some(since) = c.since {
                out.push(Entry {
                    date: since,
                    kind: Kind::Guarantees,
                    id: id.clone(),
                    what: step(c.status, !ended, StepFrom::Written),
                });
            }
            if let Some(until) = term_ends {
                out.push(Entry {
                    date: until,
                    kind: Kind::Guarantees,
                    id: id.clone(),
                    what: step(Status::Expired, ended, StepFrom::TermEnd),
                });
            }
        }
    }
    out.sort();
    out
}

/// The month a date sits in on the timeline, `2026-03`: a date known only to the year
/// sits at the head of its year (`2026-01`).
pub fn month_id(date: When) -> String {
    let d = date.first();
    format!("{:04}-{:02}", d.year(), d.month())
}
