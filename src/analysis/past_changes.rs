//! What changed in a round as its brief tells it on the model as of the round's end (a
//! past brief, see [`super::as_of`]), worked out from the current model's changes.
//!
//! A past brief must say what the round's own brief said then, with no hindsight, so its
//! changes are those of the past model. Working them out again on each past model costs
//! rounds times contributions for each round, rounds squared in all; but up to the
//! past model's day a contribution reads the same in both models, so its change in the
//! round is the current model's. Where it does not read the same (a history step dated
//! after `since` drops the current status from the past model), or where an earlier
//! round ends after the day, the change is worked out on the past model as before.

use super::changes::{Change, RoundChanges, contribution_changes, dated, steps};
use super::rounds_in_order;
use crate::model::{Contribution, Model};
use jiff::civil::Date;

/// The changes of round `now.round` on `then`, the model `m` as of a day up to the
/// round's end ([`super::as_of::model_at`] or [`super::as_of::model_at_keeping`]), given
/// `now`, that round's changes on `m` ([`super::changes::all_round_changes`]). `None` if
/// `then` has no such round. The same as `all_round_changes(then)` gives for the round.
pub fn changes_then(m: &Model, now: &RoundChanges, then: &Model) -> Option<RoundChanges> {
    let day = then.site.as_of;
    let rounds = rounds_in_order(then);
    let pos = rounds.iter().position(|r| r.meta.id == now.round)?;
    let rounds = &rounds[..=pos];
    // An earlier round ending after the day reads statuses the past model does not know.
    let by_day = rounds.iter().all(|r| r.end <= day);
    let mut changes = Vec::new();
    for (gid, g) in &then.guarantees {
        let current = m.guarantees.get(gid).map_or(&[][..], |g| &g.contributions);
        for (i, c) in g.contributions.iter().enumerate() {
            // The same contribution in `m`: places are kept, and ascending.
            let same = current
                .binary_search_by_key(&c.place, |x| x.place)
                .ok()
                .filter(|at| by_day && same_until(&current[*at], c, day));
            match same {
                Some(at) => changes.extend(changed(now, gid, at).map(|x| Change {
                    index: i,
                    ..x.clone()
                })),
                None => contribution_changes(gid, i, c, rounds, |p, x| {
                    if p == pos {
                        changes.push(x);
                    }
                }),
            }
        }
    }
    Some(RoundChanges {
        round: now.round.clone(),
        previous: now.previous.clone(),
        changes,
    })
}

/// The change of contribution `index` of component `gid` in `rc`, if it has one.
fn changed<'a>(rc: &'a RoundChanges, gid: &str, index: usize) -> Option<&'a Change> {
    // Changes are listed by component id, then index.
    rc.changes
        .binary_search_by(|x| (x.guarantee.as_str(), x.index).cmp(&(gid, index)))
        .ok()
        .map(|at| &rc.changes[at])
}

/// True if contribution `then`, `c` as it stood at the end of `day`, reads as `c` does up
/// to that day: the same dated steps and step dates, the same end of term, so that its
/// status at any day up to `day`, and its change in any round ended by then, are `c`'s.
fn same_until(c: &Contribution, then: &Contribution, day: Date) -> bool {
    let mut now = steps(c);
    now.retain(|s| s.0 <= day);
    let mut dates = dated(c);
    dates.retain(|w| w.last() <= day);
    c.until == then.until
        && c.continuing == then.continuing
        && now == steps(then)
        && dates == dated(then)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::as_of::model_at;
    use crate::analysis::changes::all_round_changes;

    fn load(fixture: &str) -> Model {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(fixture);
        crate::Site::load(&root).expect("the fixture loads").model
    }

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    /// Every round ended before the as-of date: its changes from `m`'s are those worked
    /// out on the model as of its end. Returns how many rounds were compared.
    fn same_as_worked_out_again(m: &Model) -> usize {
        let now = all_round_changes(m);
        let mut compared = 0;
        for rc in &now {
            let end = m.rounds[&rc.round].end;
            if end >= m.site.as_of {
                continue;
            }
            let then = model_at(m, end);
            let want = all_round_changes(&then)
                .into_iter()
                .find(|x| x.round == rc.round)
                .unwrap();
            let got = changes_then(m, rc, &then).unwrap();
            assert_eq!(got.changes, want.changes, "round {}", rc.round);
            assert_eq!(got.previous, want.previous, "round {}", rc.round);
            compared += 1;
        }
        compared
    }

    #[test]
    fn the_fixtures_rounds_change_as_their_past_models_say() {
        for fixture in [
            "tests/fixtures/analysis",
            "tests/fixtures/long-negotiation",
            "tests/fixtures/timetravel",
        ] {
            assert!(same_as_worked_out_again(&load(fixture)) > 0, "{fixture}");
        }
    }

    #[test]
    fn what_reads_otherwise_in_the_past_is_worked_out_again() {
        let mut m = load("tests/fixtures/long-negotiation");
        // A history step after `since`: as of that step, the past model drops the
        // current status (withdrawn, from 15 July 2015), so that the first round ends at
        // agreed (14 July) in the second round's past model, at withdrawn now.
        let c = &mut m
            .guarantees
            .get_mut("sanctions-relief")
            .unwrap()
            .contributions[0];
        c.since = Some(day("2015-07-15").into());
        let odd = c.clone();
        let then = crate::analysis::as_of::model_at(&m, day("2016-01-16"));
        let past = &then.guarantees["sanctions-relief"].contributions[0];
        assert!(!same_until(&odd, past, day("2016-01-16")));
        assert!(same_as_worked_out_again(&m) >= 7);
        // A round around two others: it ends after them, and their past models do not
        // know its end.
        let mut around = m.rounds["us-exit-2018"].clone();
        around.meta.id = "around".into();
        around.start = day("2015-01-01");
        around.end = day("2020-01-01");
        m.rounds.insert("around".into(), around);
        assert!(same_as_worked_out_again(&m) >= 8);
    }
}
