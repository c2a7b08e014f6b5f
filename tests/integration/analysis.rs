//! Derived data on a fixture whose right answers are known by hand
//! (tests/fixtures/analysis: three rounds in January, February and March 2026).

use crate::common::fixtures;
use briefing::analysis::changes::{Movement, round_changes, status_at};
use briefing::analysis::matrix::Matrix;
use briefing::analysis::sourcing::{Problem, findings};
use briefing::analysis::{lead_round, timeline};
use briefing::model::{Kind, Model, Status};

fn model() -> Model {
    briefing::Site::load(&fixtures().join("analysis"))
        .unwrap_or_else(|d| panic!("{d}"))
        .model
}

/// (guarantee, contribution index) -> (before, after, movement) in round `id`.
fn moves(m: &Model, id: &str) -> Vec<(String, usize, Option<Status>, Status, Movement)> {
    round_changes(m, id)
        .unwrap()
        .changes
        .into_iter()
        .map(|c| (c.guarantee, c.index, c.before, c.after, c.movement))
        .collect()
}

fn mv(
    g: &str,
    i: usize,
    b: Option<Status>,
    a: Status,
    m: Movement,
) -> (String, usize, Option<Status>, Status, Movement) {
    (g.to_string(), i, b, a, m)
}

#[test]
fn status_at_the_end_of_a_day() {
    let m = model();
    let a0 = &m.guarantees["alpha"].contributions[0];
    assert_eq!(status_at(a0, "2026-01-01".parse().unwrap()), None);
    assert_eq!(
        status_at(a0, "2026-01-02".parse().unwrap()),
        Some(Status::Declared)
    );
    assert_eq!(
        status_at(a0, "2026-02-02".parse().unwrap()),
        Some(Status::Declared)
    );
    assert_eq!(
        status_at(a0, "2026-02-03".parse().unwrap()),
        Some(Status::Signed)
    );
    // No `since` and no history: the status holds from the start.
    let b3 = &m.guarantees["beta"].contributions[3];
    assert_eq!(
        status_at(b3, "2000-01-01".parse().unwrap()),
        Some(Status::Agreed)
    );
}

#[test]
fn first_round_everything_is_new() {
    use Movement::New;
    use Status::*;
    let m = model();
    let rc = round_changes(&m, "r1").unwrap();
    assert_eq!(rc.previous, None);
    assert_eq!(
        moves(&m, "r1"),
        vec![
            mv("alpha", 0, None, Declared, New),
            mv("alpha", 1, None, Declared, New),
            mv("beta", 0, None, Agreed, New),
            mv("beta", 1, None, Implemented, New),
            mv("beta", 2, None, Agreed, New),
            mv("beta", 3, None, Agreed, New),
        ]
    );
}

#[test]
fn second_round_moves_up_and_reverses() {
    use Movement::{Settled, Steady, Up};
    use Status::{Agreed, Declared, Implemented, Signed};
    let m = model();
    assert_eq!(
        round_changes(&m, "r2").unwrap().previous.as_deref(),
        Some("r1")
    );
    assert_eq!(
        moves(&m, "r2"),
        vec![
            mv("alpha", 0, Some(Declared), Signed, Up),
            mv("alpha", 1, Some(Declared), Declared, Steady),
            mv(
                "beta",
                0,
                Some(Agreed),
                Status::Withdrawn,
                Movement::Reversal
            ),
            mv("beta", 1, Some(Implemented), Implemented, Settled),
            mv("beta", 2, Some(Agreed), Agreed, Steady),
            mv("beta", 3, Some(Agreed), Agreed, Steady),
        ]
    );
}

#[test]
fn third_round_stalls_after_two_unchanged_rounds() {
    use Movement::{Down, New, Settled, Stalled, Steady};
    use Status::{Agreed, Declared, Implemented, Proposed, Signed};
    // A withdrawal is no longer "settled" (it may be restored): one round unchanged
    // after it is steady.
    let m = model();
    let rc = round_changes(&m, "r3").unwrap();
    assert_eq!(
        moves(&m, "r3"),
        vec![
            mv("alpha", 0, Some(Signed), Signed, Steady),
            mv("alpha", 1, Some(Declared), Declared, Stalled),
            mv("alpha", 2, None, Proposed, New),
            mv(
                "beta",
                0,
                Some(Status::Withdrawn),
                Status::Withdrawn,
                Steady
            ),
            mv("beta", 1, Some(Implemented), Implemented, Settled),
            mv("beta", 2, Some(Agreed), Declared, Down),
            mv("beta", 3, Some(Agreed), Agreed, Stalled),
        ]
    );
    let stalled = rc
        .changes
        .iter()
        .find(|c| c.guarantee == "alpha" && c.index == 1)
        .unwrap();
    assert_eq!(stalled.rounds_unchanged, 2);
    let counts = rc.counts();
    assert_eq!(counts[0], (New, 1));
    assert_eq!(counts.iter().find(|c| c.0 == Stalled).unwrap().1, 2);
    assert_eq!(counts.iter().find(|c| c.0 == Settled).unwrap().1, 1);
}

#[test]
fn the_lead_round_is_the_latest_started_unless_chosen() {
    let m = model();
    assert_eq!(lead_round(&m, None).unwrap().meta.id, "r3");
    assert_eq!(lead_round(&m, Some("r1")).unwrap().meta.id, "r1");
    assert!(lead_round(&m, Some("nope")).is_none());
}

/// Every cell lists every distinct status, weakest first, and links to the first
/// contribution at the weakest; totals count contributions.
#[test]
fn matrix_cells_show_every_status_weakest_first() {
    use Status::*;
    let m = model();
    let x = Matrix::new(&m);
    assert_eq!(x.rows, ["alpha", "beta"]);
    assert_eq!(x.columns, ["a", "b", "c"].map(briefing::model::Ref::from));
    let cell = |r: usize, c: usize| {
        x.cells[r][c]
            .as_ref()
            .map(|c| (c.statuses.clone(), c.index, c.count, c.caveats))
    };
    assert_eq!(
        cell(0, 0),
        Some((vec![(Proposed, 1), (Signed, 1)], 2, 2, true)),
        "alpha x Aland: the proposal is not hidden behind the signature"
    );
    assert_eq!(
        cell(0, 1),
        Some((vec![(Declared, 1)], 1, 1, false)),
        "alpha x Borduria"
    );
    assert_eq!(cell(0, 2), None, "alpha x Carpathia");
    assert_eq!(
        cell(1, 0),
        Some((vec![(Agreed, 1)], 3, 1, false)),
        "beta x Aland"
    );
    assert_eq!(
        cell(1, 1),
        Some((vec![(Withdrawn, 1)], 0, 1, false)),
        "beta x Borduria"
    );
    assert_eq!(
        x.cells[1][1].as_ref().unwrap().reversal,
        Some("2026-02-04".parse().unwrap()),
        "withdrawn after agreed: a reversal, with its date"
    );
    assert_eq!(
        cell(1, 2),
        Some((vec![(Declared, 1), (Implemented, 1)], 2, 2, false)),
        "beta x Carpathia"
    );
    assert_eq!(
        x.cells[1][2].as_ref().unwrap().reversal,
        Some("2026-03-03".parse().unwrap()),
        "agreed, then declared: a step down after agreed is a reversal"
    );
    assert_eq!(
        x.row_totals(0),
        vec![(Proposed, 1), (Declared, 1), (Signed, 1)]
    );
    assert_eq!(
        x.row_totals(1),
        vec![(Withdrawn, 1), (Declared, 1), (Agreed, 1), (Implemented, 1)]
    );
    assert_eq!(
        x.column_totals(0),
        vec![(Proposed, 1), (Agreed, 1), (Signed, 1)]
    );
    assert_eq!(x.column_totals(1), vec![(Withdrawn, 1), (Declared, 1)]);
    assert_eq!(x.column_totals(2), vec![(Declared, 1), (Implemented, 1)]);
}

#[test]
fn sourcing_findings() {
    let m = model();
    let f: Vec<(Problem, Kind, String, Option<usize>)> = findings(&m)
        .into_iter()
        .map(|f| (f.problem, f.kind, f.id, f.contribution))
        .collect();
    let has = |p, k, id: &str, c| f.contains(&(p, k, id.to_string(), c));
    assert!(has(Problem::NoSource, Kind::Statements, "named", None));
    assert!(has(Problem::NoSource, Kind::Guarantees, "beta", None));
    assert!(has(Problem::NoSource, Kind::Guarantees, "alpha", Some(2)));
    assert!(has(Problem::AnonymousOnly, Kind::Statements, "anon", None));
    assert!(has(Problem::SingleSource, Kind::Statements, "anon", None));
    assert!(has(
        Problem::SingleSource,
        Kind::Guarantees,
        "alpha",
        Some(1)
    ));
    assert!(has(Problem::Ungraded, Kind::Statements, "anon", None));
    assert!(has(Problem::Ungraded, Kind::Guarantees, "alpha", Some(1)));
    // Well sourced: two graded sources.
    assert!(
        !f.iter()
            .any(|x| x.2 == "next" || (x.2 == "alpha" && x.3.is_none()))
    );
    assert!(!f.iter().any(|x| x.2 == "alpha" && x.3 == Some(0)));
}

#[test]
fn timeline_is_chronological() {
    let m = model();
    let e = timeline::entries(&m);
    let dates: Vec<String> = e.iter().map(|e| e.date.to_string()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    assert_eq!(dates.first().unwrap(), "2026-01-01");
    assert_eq!(dates.last().unwrap(), "2026-03-05");
    // 1 meeting, 2 statements, 4 history steps, 6 dated current statuses.
    assert_eq!(e.len(), 1 + 2 + 3 + 6);
}

#[test]
fn the_example_has_one_round_so_every_commitment_is_new() {
    let m = briefing::Site::load(std::path::Path::new(env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|d| panic!("{d}"))
        .model;
    let rc = round_changes(&m, "paris-round-2026-01").unwrap();
    assert_eq!(rc.previous, None);
    assert!(!rc.changes.is_empty());
    assert!(rc.changes.iter().all(|c| c.movement == Movement::New));
}
