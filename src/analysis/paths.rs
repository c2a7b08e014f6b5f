//! Each contribution's path up and down the status ladder: the statuses it reached, in
//! the order [`super::changes::status_at`] reads them, each once.

use super::changes::term;
use crate::dates::When;
use crate::model::{Contribution, Status};
use jiff::civil::Date;

/// One turn of a path: the status reached, and when (`None` for a status held from the
/// start, undated).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Turn {
    /// When it was reached.
    pub date: Option<When>,
    /// The status reached.
    pub status: Status,
}

/// The statuses `c` went through up to the end of `day`, oldest first: its history
/// steps and current status ordered as [`super::changes::status_at`] reads them (by the
/// last day each date covers, file order between steps of one day; an undated current
/// status from its last history step, or from the start), read through the end of term
/// (a ladder status after `until` reads `expired`, and the term's end is a turn once
/// `day` is past it). A turn to the status already held is left out.
pub fn path(c: &Contribution, day: Date) -> Vec<Turn> {
    let mut steps: Vec<(Option<When>, Status)> =
        c.history.iter().map(|h| (Some(h.date), h.status)).collect();
    steps.sort_by_key(|(d, _)| d.map(When::last));
    let current = c.since.or_else(|| steps.last().and_then(|s| s.0));
    steps.push((current, c.status));
    steps.sort_by_key(|(d, _)| d.map(When::last));
    let mut out: Vec<Turn> = Vec::with_capacity(steps.len() + 1);
    fn push(out: &mut Vec<Turn>, date: Option<When>, status: Status) {
        if out.last().is_none_or(|t| t.status != status) {
            out.push(Turn { date, status });
        }
    }
    for (date, s) in steps {
        if date.is_some_and(|d| d.last() > day) {
            break;
        }
        push(
            &mut out,
            date,
            term(s, c.until, date.map_or(Date::MIN, When::last)),
        );
    }
    if let Some(until) = c.until
        && until.last() < day
        && out.last().is_some_and(|t| t.status.is_ladder())
    {
        push(&mut out, Some(until), Status::Expired);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::documents::fixtures::{day, steps};
    use Status::*;

    fn at(d: &str) -> Option<When> {
        Some(day(d).into())
    }

    fn contribution(
        status: Status,
        since: Option<&str>,
        history: &[(&str, Status)],
    ) -> Contribution {
        Contribution {
            since: since.map(|d| day(d).into()),
            history: steps(history),
            ..Contribution::bare(status)
        }
    }

    fn turns(p: &[Turn]) -> Vec<(Option<When>, Status)> {
        p.iter().map(|t| (t.date, t.status)).collect()
    }

    #[test]
    fn up_down_and_off_the_ladder_in_date_order() {
        let c = contribution(
            Withdrawn,
            Some("2026-03-01"),
            &[("2026-02-01", Signed), ("2026-01-01", Declared)],
        );
        assert_eq!(
            turns(&path(&c, day("2026-03-04"))),
            [
                (at("2026-01-01"), Declared),
                (at("2026-02-01"), Signed),
                (at("2026-03-01"), Withdrawn)
            ]
        );
        // Up to a day, only the turns by then.
        assert_eq!(path(&c, day("2026-02-15")).len(), 2);
    }

    #[test]
    fn a_repeated_status_is_one_turn_and_an_undated_one_holds_from_the_start() {
        let c = contribution(Signed, Some("2026-02-01"), &[("2026-02-01", Signed)]);
        assert_eq!(
            turns(&path(&c, day("2026-03-04"))),
            [(at("2026-02-01"), Signed)]
        );
        let c = contribution(Agreed, None, &[]);
        assert_eq!(turns(&path(&c, day("2026-03-04"))), [(None, Agreed)]);
    }

    #[test]
    fn the_end_of_term_is_a_turn_to_expired() {
        let mut c = contribution(Implemented, Some("2016-01-16"), &[("2015-07-14", Agreed)]);
        c.until = at("2025-10-18");
        assert_eq!(path(&c, day("2025-10-18")).len(), 2, "not past it yet");
        assert_eq!(
            path(&c, day("2026-01-01")).last(),
            Some(&Turn {
                date: at("2025-10-18"),
                status: Expired
            })
        );
        c.status = Withdrawn;
        assert_eq!(
            path(&c, day("2026-01-01")).last().unwrap().status,
            Withdrawn
        );
    }
}
