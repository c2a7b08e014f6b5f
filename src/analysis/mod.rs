//! Derived data: facts the analyst did not write but that follow from what they wrote.
//!
//! Everything here is computed from the [`Model`] it is given, so a model filtered first
//! (for an audience, say) yields derived data without the withheld items.

pub mod as_of;
pub mod changes;
pub mod claims;
pub mod documents;
pub mod matrix;
pub mod paths;
pub mod sourcing;
pub mod timeline;
pub mod translations;

use crate::model::{Model, Round};

/// Rounds in chronological order: by start, then end, then id.
pub fn rounds_in_order(m: &Model) -> Vec<&Round> {
    let mut rounds: Vec<&Round> = m.rounds.values().collect();
    rounds.sort_by(|a, b| (a.start, a.end, &a.meta.id).cmp(&(b.start, b.end, &b.meta.id)));
    rounds
}

/// The round that leads the front page: `requested` if given, else the latest round to
/// have started by the as-of date. `None` when there is no such round.
pub fn lead_round<'m>(m: &'m Model, requested: Option<&str>) -> Option<&'m Round> {
    match requested {
        Some(id) => m.rounds.get(id),
        None => rounds_in_order(m)
            .into_iter()
            .rfind(|r| r.start <= m.site.as_of),
    }
}
