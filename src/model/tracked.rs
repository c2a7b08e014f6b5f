//! A status tracked over time with its history: a contribution to a guarantee
//! component, or a party's position on a provision. The analysis of statuses over time
//! ([`crate::analysis::changes`]) and time travel ([`crate::analysis::as_of`]) read both
//! through [`Tracked`], so that the same rules hold for both.

use super::{Citation, Contribution, Position, Status, Step};
use crate::dates::When;

/// The current step of a tracked status, borrowed for change: what time travel replaces
/// when an earlier step becomes current.
pub struct Current<'a> {
    /// The status.
    pub status: &'a mut Status,
    /// When it was reached.
    pub since: &'a mut Option<When>,
    /// Its note.
    pub note: &'a mut Option<String>,
    /// Its sources.
    pub citations: &'a mut Vec<Citation>,
    /// Earlier steps, oldest first.
    pub history: &'a mut Vec<Step>,
}

/// A status with `since`, history and possibly an end of term.
pub trait Tracked {
    /// The current status, as written.
    fn status(&self) -> Status;
    /// When the current status was reached.
    fn since(&self) -> Option<When>;
    /// Earlier steps.
    fn history(&self) -> &[Step];
    /// End of term: after it a ladder status reads `expired` (`None`: no term).
    fn until(&self) -> Option<When>;
    /// The current step, for change.
    fn current_mut(&mut self) -> Current<'_>;
}

impl Tracked for Contribution {
    fn status(&self) -> Status {
        self.status
    }
    fn since(&self) -> Option<When> {
        self.since
    }
    fn history(&self) -> &[Step] {
        &self.history
    }
    fn until(&self) -> Option<When> {
        self.until
    }
    fn current_mut(&mut self) -> Current<'_> {
        Current {
            status: &mut self.status,
            since: &mut self.since,
            note: &mut self.note,
            citations: &mut self.citations,
            history: &mut self.history,
        }
    }
}

impl Tracked for Position {
    fn status(&self) -> Status {
        self.status
    }
    fn since(&self) -> Option<When> {
        self.since
    }
    fn history(&self) -> &[Step] {
        &self.history
    }
    fn until(&self) -> Option<When> {
        None
    }
    fn current_mut(&mut self) -> Current<'_> {
        Current {
            status: &mut self.status,
            since: &mut self.since,
            note: &mut self.note,
            citations: &mut self.citations,
            history: &mut self.history,
        }
    }
}
