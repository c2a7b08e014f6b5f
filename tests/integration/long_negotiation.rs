//! A long negotiation worked out by hand: tests/fixtures/long-negotiation, a simplified
//! model of public events around the Iran nuclear deal, 2015-2025 (not a record to cite).
//!
//! Rounds and their end dates (the day each frozen matrix speaks as of):
//!
//! | round                 | end        | what happened (simplified)                          |
//! |-----------------------|------------|-----------------------------------------------------|
//! | vienna-2015           | 2015-07-20 | deal concluded (14 July), Resolution 2231 (20 July)  |
//! | implementation-2016   | 2016-01-16 | Implementation Day: everything implemented           |
//! | us-exit-2018          | 2018-11-05 | US leaves (8 May); EU blocking statute (7 August)    |
//! | iran-steps-2019       | 2019-11-30 | Iran breaches the limits while staying in (1 July)   |
//! | snapback-claim-2020   | 2020-10-18 | US snapback claim: contested; its proposal rejected  |
//! | monitoring-cut-2021   | 2021-06-30 | Additional Protocol suspended; arms term expired     |
//! | joint-statement-2023  | 2023-03-31 | monitoring restored (to agreed); a deadline is set   |
//! | snapback-2025         | 2025-09-30 | E3 snapback: UN and EU relief withdrawn              |
//! | current (as_of)       | 2025-10-01 | as snapback-2025; the deadline is long past          |
//!
//! Contributions (guarantee, index: actor, steps):
//! - enrichment-limits 0, iran (continuing): agreed 2015-07-14, implemented 2016-01-16,
//!   breached 2019-07-01.
//! - sanctions-relief 0, united-states (continuing): agreed 2015-07-14, implemented
//!   2016-01-16, withdrawn 2018-05-08.
//! - sanctions-relief 1, eu (continuing): agreed 2015-07-14, implemented 2016-01-16,
//!   withdrawn 2025-09-29.
//! - sanctions-relief 2, eu (continuing): proposed May 2018 (`2018-05`, counted as of
//!   31 May), implemented c. 7 August 2018 (`~2018-08-07`).
//! - sanctions-relief 3, un-security-council (continuing): agreed 2015-07-20, implemented
//!   2016-01-16, contested 2020-08-20, withdrawn 2025-09-28.
//! - iaea-monitoring 0, iran (continuing): agreed 2015-07-14, implemented 2016-01-16,
//!   suspended 2021-02-23, agreed 2023-03-04 (restored, to a lower rung).
//! - iaea-monitoring 1, iaea (continuing): agreed 2015-07-14, implemented 2016-01-16.
//! - iaea-monitoring 2, iran: agreed 2023-03-04, due 2023-06-30.
//! - arms-restrictions 0, un-security-council (continuing): agreed 2015-07-20,
//!   implemented 2016-01-16, until 2020-10-18 (expired from the 19th, with no edit).
//! - snapback 0, united-states: proposed 2020-08-20, rejected 2020-08-25.
//! - snapback 1, e3: proposed 2025-08-28, implemented 2025-09-28.
//!
//! The US relief is conditional on Iran's limits (`enrichment-limits#iran-limits`); the
//! site adds the `enrichment` category; the US snapback claim is dated `2020-08` (month
//! only) and the Joint Commission `~2025-10-15` (approximate).

use crate::common::{Site, fixtures};
use briefing::analysis::changes::{Movement, round_changes, status_at};
use briefing::model::{Model, Status};

fn model() -> Model {
    briefing::Site::load(&fixtures().join("long-negotiation"))
        .unwrap_or_else(|d| panic!("{d}"))
        .model
}

fn built() -> Site {
    let site = Site::fixture("long-negotiation");
    briefing::build(site.root(), &briefing::BuildOptions::new(site.output()))
        .unwrap_or_else(|e| panic!("{e}"));
    site
}

/// The expected `data/matrix.csv`, cell by cell. Rows run by component title
/// (arms, enrichment, IAEA, sanctions, snapback), columns by actor name (E3, European
/// Union, International Atomic Energy Agency, Iran, UN Security Council, United States).
/// A reversal is a step down or off the ladder (not to `expired`) after `agreed`; it stays
/// on record once restored. Overdue: past `due` and below implemented.
const MATRIX_CSV: &str = "\
round,as_of,guarantee_id,actor_id,statuses,reversal,overdue
vienna-2015,2015-07-20,arms-restrictions,un-security-council,agreed 1,no,no
vienna-2015,2015-07-20,enrichment-limits,iran,agreed 1,no,no
vienna-2015,2015-07-20,iaea-monitoring,iaea,agreed 1,no,no
vienna-2015,2015-07-20,iaea-monitoring,iran,agreed 1,no,no
vienna-2015,2015-07-20,sanctions-relief,eu,agreed 1,no,no
vienna-2015,2015-07-20,sanctions-relief,un-security-council,agreed 1,no,no
vienna-2015,2015-07-20,sanctions-relief,united-states,agreed 1,no,no
implementation-2016,2016-01-16,arms-restrictions,un-security-council,implemented 1,no,no
implementation-2016,2016-01-16,enrichment-limits,iran,implemented 1,no,no
implementation-2016,2016-01-16,iaea-monitoring,iaea,implemented 1,no,no
implementation-2016,2016-01-16,iaea-monitoring,iran,implemented 1,no,no
implementation-2016,2016-01-16,sanctions-relief,eu,implemented 1,no,no
implementation-2016,2016-01-16,sanctions-relief,un-security-council,implemented 1,no,no
implementation-2016,2016-01-16,sanctions-relief,united-states,implemented 1,no,no
us-exit-2018,2018-11-05,arms-restrictions,un-security-council,implemented 1,no,no
us-exit-2018,2018-11-05,enrichment-limits,iran,implemented 1,no,no
us-exit-2018,2018-11-05,iaea-monitoring,iaea,implemented 1,no,no
us-exit-2018,2018-11-05,iaea-monitoring,iran,implemented 1,no,no
us-exit-2018,2018-11-05,sanctions-relief,eu,implemented 2,no,no
us-exit-2018,2018-11-05,sanctions-relief,un-security-council,implemented 1,no,no
us-exit-2018,2018-11-05,sanctions-relief,united-states,withdrawn 1,yes,no
iran-steps-2019,2019-11-30,arms-restrictions,un-security-council,implemented 1,no,no
iran-steps-2019,2019-11-30,enrichment-limits,iran,breached 1,yes,no
iran-steps-2019,2019-11-30,iaea-monitoring,iaea,implemented 1,no,no
iran-steps-2019,2019-11-30,iaea-monitoring,iran,implemented 1,no,no
iran-steps-2019,2019-11-30,sanctions-relief,eu,implemented 2,no,no
iran-steps-2019,2019-11-30,sanctions-relief,un-security-council,implemented 1,no,no
iran-steps-2019,2019-11-30,sanctions-relief,united-states,withdrawn 1,yes,no
snapback-claim-2020,2020-10-18,arms-restrictions,un-security-council,implemented 1,no,no
snapback-claim-2020,2020-10-18,enrichment-limits,iran,breached 1,yes,no
snapback-claim-2020,2020-10-18,iaea-monitoring,iaea,implemented 1,no,no
snapback-claim-2020,2020-10-18,iaea-monitoring,iran,implemented 1,no,no
snapback-claim-2020,2020-10-18,sanctions-relief,eu,implemented 2,no,no
snapback-claim-2020,2020-10-18,sanctions-relief,un-security-council,contested 1,yes,no
snapback-claim-2020,2020-10-18,sanctions-relief,united-states,withdrawn 1,yes,no
snapback-claim-2020,2020-10-18,snapback,united-states,rejected 1,no,no
monitoring-cut-2021,2021-06-30,arms-restrictions,un-security-council,expired 1,no,no
monitoring-cut-2021,2021-06-30,enrichment-limits,iran,breached 1,yes,no
monitoring-cut-2021,2021-06-30,iaea-monitoring,iaea,implemented 1,no,no
monitoring-cut-2021,2021-06-30,iaea-monitoring,iran,suspended 1,yes,no
monitoring-cut-2021,2021-06-30,sanctions-relief,eu,implemented 2,no,no
monitoring-cut-2021,2021-06-30,sanctions-relief,un-security-council,contested 1,yes,no
monitoring-cut-2021,2021-06-30,sanctions-relief,united-states,withdrawn 1,yes,no
monitoring-cut-2021,2021-06-30,snapback,united-states,rejected 1,no,no
joint-statement-2023,2023-03-31,arms-restrictions,un-security-council,expired 1,no,no
joint-statement-2023,2023-03-31,enrichment-limits,iran,breached 1,yes,no
joint-statement-2023,2023-03-31,iaea-monitoring,iaea,implemented 1,no,no
joint-statement-2023,2023-03-31,iaea-monitoring,iran,agreed 2,yes,no
joint-statement-2023,2023-03-31,sanctions-relief,eu,implemented 2,no,no
joint-statement-2023,2023-03-31,sanctions-relief,un-security-council,contested 1,yes,no
joint-statement-2023,2023-03-31,sanctions-relief,united-states,withdrawn 1,yes,no
joint-statement-2023,2023-03-31,snapback,united-states,rejected 1,no,no
snapback-2025,2025-09-30,arms-restrictions,un-security-council,expired 1,no,no
snapback-2025,2025-09-30,enrichment-limits,iran,breached 1,yes,no
snapback-2025,2025-09-30,iaea-monitoring,iaea,implemented 1,no,no
snapback-2025,2025-09-30,iaea-monitoring,iran,agreed 2,yes,yes
snapback-2025,2025-09-30,sanctions-relief,eu,withdrawn 1; implemented 1,yes,no
snapback-2025,2025-09-30,sanctions-relief,un-security-council,withdrawn 1,yes,no
snapback-2025,2025-09-30,sanctions-relief,united-states,withdrawn 1,yes,no
snapback-2025,2025-09-30,snapback,e3,implemented 1,no,no
snapback-2025,2025-09-30,snapback,united-states,rejected 1,no,no
current,2025-10-01,arms-restrictions,un-security-council,expired 1,no,no
current,2025-10-01,enrichment-limits,iran,breached 1,yes,no
current,2025-10-01,iaea-monitoring,iaea,implemented 1,no,no
current,2025-10-01,iaea-monitoring,iran,agreed 2,yes,yes
current,2025-10-01,sanctions-relief,eu,withdrawn 1; implemented 1,yes,no
current,2025-10-01,sanctions-relief,un-security-council,withdrawn 1,yes,no
current,2025-10-01,sanctions-relief,united-states,withdrawn 1,yes,no
current,2025-10-01,snapback,e3,implemented 1,no,no
current,2025-10-01,snapback,united-states,rejected 1,no,no
";

#[test]
fn the_matrix_after_every_round_is_as_worked_out_by_hand() {
    let site = built();
    let csv = site.page("data/matrix.csv");
    // A byte-order mark first, so spreadsheets read the table as UTF-8.
    assert_eq!(csv, format!("\u{feff}{}", MATRIX_CSV.replace('\n', "\r\n")));
}

/// Movements per round, (guarantee, index, movement), as the header works them out:
/// - vienna-2015: seven new (everything with a step by 20 July).
/// - implementation-2016: the same seven up.
/// - us-exit-2018: US relief reversal (implemented -> withdrawn); the blocking statute
///   new; the rest steady (continuing and implemented: in force, never settled).
/// - iran-steps-2019: the limits reversal (implemented -> breached, staying in); the US
///   withdrawal steady (one round unchanged: no longer "settled").
/// - snapback-claim-2020: UN relief reversal (implemented -> contested); the US proposal
///   new (rejected); US relief stalled (two rounds unchanged); the arms term ends on the
///   round's last day, so still implemented and steady.
/// - monitoring-cut-2021: monitoring reversal (suspended); arms settled (expired);
///   the limits and US relief stalled.
/// - joint-statement-2023: monitoring restored (suspended -> agreed); the reinstalling
///   new; UN relief (contested) and the rejected proposal now stalled too.
/// - snapback-2025: EU relief reversal; UN relief reversal (contested -> withdrawn: one
///   state off the ladder to another); the E3 snapback new.
#[test]
fn movements_per_round() {
    use Movement::*;
    let m = model();
    let moves = |round: &str| -> Vec<(String, usize, Movement)> {
        round_changes(&m, round)
            .unwrap()
            .changes
            .into_iter()
            .map(|c| (c.guarantee, c.index, c.movement))
            .collect()
    };
    let mv = |g: &str, i: usize, x: Movement| (g.to_string(), i, x);
    let (arms, limits, iaea, relief, snap) = (
        "arms-restrictions",
        "enrichment-limits",
        "iaea-monitoring",
        "sanctions-relief",
        "snapback",
    );
    let all_seven = |x: Movement| {
        vec![
            mv(arms, 0, x),
            mv(limits, 0, x),
            mv(iaea, 0, x),
            mv(iaea, 1, x),
            mv(relief, 0, x),
            mv(relief, 1, x),
            mv(relief, 3, x),
        ]
    };
    assert_eq!(moves("vienna-2015"), all_seven(New));
    assert_eq!(moves("implementation-2016"), all_seven(Up));
    assert_eq!(
        moves("us-exit-2018"),
        vec![
            mv(arms, 0, Steady),
            mv(limits, 0, Steady),
            mv(iaea, 0, Steady),
            mv(iaea, 1, Steady),
            mv(relief, 0, Reversal),
            mv(relief, 1, Steady),
            mv(relief, 2, New),
            mv(relief, 3, Steady),
        ]
    );
    assert_eq!(
        moves("iran-steps-2019"),
        vec![
            mv(arms, 0, Steady),
            mv(limits, 0, Reversal),
            mv(iaea, 0, Steady),
            mv(iaea, 1, Steady),
            mv(relief, 0, Steady),
            mv(relief, 1, Steady),
            mv(relief, 2, Steady),
            mv(relief, 3, Steady),
        ]
    );
    assert_eq!(
        moves("snapback-claim-2020"),
        vec![
            mv(arms, 0, Steady),
            mv(limits, 0, Steady),
            mv(iaea, 0, Steady),
            mv(iaea, 1, Steady),
            mv(relief, 0, Stalled),
            mv(relief, 1, Steady),
            mv(relief, 2, Steady),
            mv(relief, 3, Reversal),
            mv(snap, 0, New),
        ]
    );
    assert_eq!(
        moves("monitoring-cut-2021"),
        vec![
            mv(arms, 0, Settled),
            mv(limits, 0, Stalled),
            mv(iaea, 0, Reversal),
            mv(iaea, 1, Steady),
            mv(relief, 0, Stalled),
            mv(relief, 1, Steady),
            mv(relief, 2, Steady),
            mv(relief, 3, Steady),
            mv(snap, 0, Steady),
        ]
    );
    assert_eq!(
        moves("joint-statement-2023"),
        vec![
            mv(arms, 0, Settled),
            mv(limits, 0, Stalled),
            mv(iaea, 0, Restored),
            mv(iaea, 1, Steady),
            mv(iaea, 2, New),
            mv(relief, 0, Stalled),
            mv(relief, 1, Steady),
            mv(relief, 2, Steady),
            mv(relief, 3, Stalled),
            mv(snap, 0, Stalled),
        ]
    );
    assert_eq!(
        moves("snapback-2025"),
        vec![
            mv(arms, 0, Settled),
            mv(limits, 0, Stalled),
            mv(iaea, 0, Steady),
            mv(iaea, 1, Steady),
            mv(iaea, 2, Steady),
            mv(relief, 0, Stalled),
            mv(relief, 1, Reversal),
            mv(relief, 2, Steady),
            mv(relief, 3, Reversal),
            mv(snap, 0, Stalled),
            mv(snap, 1, New),
        ]
    );
}

/// The counts `data/briefing.json` gives each round, in the movements' order
/// (new, up, down, reversal, restored, stalled, steady, settled).
#[test]
fn round_counts_in_the_json_export() {
    let site = built();
    let v: serde_json::Value = serde_json::from_str(&site.page("data/briefing.json")).unwrap();
    assert_eq!(v["schema_version"], 4);
    let order = [
        "new", "up", "down", "reversal", "restored", "stalled", "steady", "settled",
    ];
    let counts: Vec<(String, Vec<u64>)> = v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|rc| {
            let c = &rc["counts"];
            (
                rc["round"].as_str().unwrap().to_string(),
                order.iter().map(|k| c[*k].as_u64().unwrap()).collect(),
            )
        })
        .collect();
    let want = |r: &str, c: [u64; 8]| (r.to_string(), c.to_vec());
    assert_eq!(
        counts,
        vec![
            want("vienna-2015", [7, 0, 0, 0, 0, 0, 0, 0]),
            want("implementation-2016", [0, 7, 0, 0, 0, 0, 0, 0]),
            want("us-exit-2018", [1, 0, 0, 1, 0, 0, 6, 0]),
            want("iran-steps-2019", [0, 0, 0, 1, 0, 0, 7, 0]),
            want("snapback-claim-2020", [1, 0, 0, 1, 0, 1, 6, 0]),
            want("monitoring-cut-2021", [0, 0, 0, 1, 0, 2, 5, 1]),
            want("joint-statement-2023", [1, 0, 0, 0, 1, 4, 3, 1]),
            want("snapback-2025", [1, 0, 0, 2, 0, 3, 4, 1]),
        ]
    );
}

/// The end of term needs no edit: the status reads expired from the day after `until`.
#[test]
fn a_term_expires_without_an_edit() {
    let m = model();
    let arms = &m.guarantees["arms-restrictions"].contributions[0];
    assert_eq!(arms.status, Status::Implemented, "as written");
    let day = |s: &str| s.parse().unwrap();
    assert_eq!(
        status_at(arms, day("2020-10-18")),
        Some(Status::Implemented)
    );
    assert_eq!(status_at(arms, day("2020-10-19")), Some(Status::Expired));
}

/// The pages say what the matrix says: the EU's reversal is not hidden behind its other
/// contribution, the component standing flags it with its date, the overdue deadline and
/// the obligation in force are shown, and the expired term reads expired.
#[test]
fn pages_show_reversals_flags_and_step_sources() {
    let site = built();
    let matrix = site.page("matrix.html");
    assert!(matrix.contains("<td class=\"cell cell-withdrawn\" data-status=\"withdrawn\" data-label=\"Sanctions relief\"><a href=\"guarantees/sanctions-relief.html#contribution-2\"><span class=\"badge status status-withdrawn tier-withdrawn\">withdrawn</span> <span class=\"small\">1</span> <span class=\"sep\">·</span> <span class=\"badge status status-implemented tier-strong\">implemented</span> <span class=\"small\">1</span></a> <span class=\"badge reversal\" title=\"reversal on 29 September 2025\">"), "{matrix}");
    let relief = site.page("guarantees/sanctions-relief.html");
    assert!(relief.contains("<dt>Standing</dt><dd><ul class=\"status-counts\"><li>3 <span class=\"badge status status-withdrawn tier-withdrawn\">withdrawn</span></li><li>1 <span class=\"badge status status-implemented tier-strong\">implemented</span></li></ul> <span class=\"badge reversal\">reversal <time datetime=\"2025-09-29\">29 September 2025</time></span></dd>"), "{relief}");
    let iaea = site.page("guarantees/iaea-monitoring.html");
    assert!(iaea.contains("<span class=\"badge overdue\">overdue</span>"));
    assert!(iaea.contains("<span class=\"badge in-force\">in force</span>"));
    assert!(iaea.contains("<span class=\"badge overdue\">1 overdue</span>"));
    // A step's sources are shown beside it.
    assert!(iaea.contains("Additional Protocol no longer applied</span>\n<ul class=\"citations\">\n<li class=\"citation\"><a href=\"../sources/iaea-reports.html\""));
    let arms = site.page("guarantees/arms-restrictions.html");
    assert!(arms.contains("<span class=\"badge status status-expired tier-ended\">expired</span>"));
    assert!(
        !arms
            .contains("status-implemented tier-strong\">implemented</span> <span class=\"ladder\"")
    );
    // Its history says when the term ended, after the status as written.
    assert!(arms.contains("<li><time datetime=\"2016-01-16\">16 January 2016</time> <span class=\"badge status status-implemented tier-strong\">implemented</span></li><li class=\"now\"><time datetime=\"2020-10-18\">18 October 2020</time> <span class=\"badge status status-expired tier-ended\">expired</span> <span class=\"note\">end of term: current status</span></li>"));
}

/// The conditional pair shows both ways; the site's own category and imprecise dates are
/// shown as written.
#[test]
fn conditions_vocabulary_and_imprecise_dates_show_as_written() {
    let site = built();
    let relief = site.page("guarantees/sanctions-relief.html");
    assert!(relief.contains("<dt>Conditional on</dt>"), "{relief}");
    assert!(
        relief.contains("enrichment-limits.html#iran-limits"),
        "{relief}"
    );
    assert!(
        relief.contains(r#"<time datetime="2018-05">May 2018</time>"#),
        "{relief}"
    );
    assert!(
        relief.contains(r#"<time datetime="2018-08-07">c. 7 August 2018</time>"#),
        "{relief}"
    );
    let limits = site.page("guarantees/enrichment-limits.html");
    assert!(limits.contains("<dt>A condition of</dt>"), "{limits}");
    assert!(limits.contains("Enrichment and stockpile"), "{limits}");
    let claim = site.page("statements/us-snapback-claim.html");
    assert!(
        claim.contains(r#"<time datetime="2020-08">August 2020</time>"#),
        "{claim}"
    );
    let next = site.page("index.html");
    assert!(next.contains("c. 15 October 2025"), "{next}");
}

/// The timeline carries the end of term as a status step, the current one.
#[test]
fn the_timeline_shows_the_end_of_term() {
    let site = built();
    // The month's page, a folder down from the root.
    let t = site.page("timeline/2020-10.html");
    let day = between(&t, "<time datetime=\"2020-10-18\">", "</li>\n</ul>");
    assert!(day.contains("<h4><a href=\"../guarantees/arms-restrictions.html\">Arms restrictions</a> <span class=\"note\">1 status step</span></h4>"), "{day}");
    assert!(day.contains("<a href=\"../guarantees/arms-restrictions.html#contribution-1\">UN Security Council: Restrict conventional arms transfers to and from Iran</a> <span class=\"badge status status-expired tier-ended\">expired</span> <span class=\"note\">(current status)</span>"), "{day}");
    // The step it ended: listed on its day, not as the current status.
    let t = site.pages_in("timeline");
    assert!(t.contains("Restrict conventional arms transfers to and from Iran</a> <span class=\"badge status status-implemented tier-strong\">implemented</span></li>"));
}

/// On the deal's day, the timeline groups the status steps by component (by title),
/// after the meeting, and shows each step's note.
#[test]
fn the_timeline_groups_a_day_by_component_with_notes() {
    let site = built();
    let t = site.page("timeline/2015-07.html");
    let day = between(
        &t,
        "<time datetime=\"2015-07-14\">",
        "</li>\n<li class=\"timeline-day",
    );
    let headings: Vec<&str> = day
        .split("<h4>")
        .skip(1)
        .map(|h| &h[..h.find("</h4>").unwrap()])
        .collect();
    assert_eq!(
        headings,
        [
            "<a href=\"../guarantees/enrichment-limits.html\">Enrichment and stockpile limits</a> <span class=\"note\">1 status step</span>",
            "<a href=\"../guarantees/iaea-monitoring.html\">IAEA monitoring</a> <span class=\"note\">2 status steps</span>",
            "<a href=\"../guarantees/sanctions-relief.html\">Sanctions relief</a> <span class=\"note\">2 status steps</span>",
        ]
    );
    assert!(
        day.find("entry-meeting").unwrap() < day.find("<h4>").unwrap(),
        "{day}"
    );
    assert!(
        day.contains("<br><span class=\"step-note\">JCPOA concluded in Vienna</span>"),
        "{day}"
    );
}

/// The text of `page` from `start` to the first `end` after it.
fn between<'p>(page: &'p str, start: &str, end: &str) -> &'p str {
    let from = page
        .find(start)
        .unwrap_or_else(|| panic!("no {start} in {page}"));
    let len = page[from..]
        .find(end)
        .unwrap_or_else(|| panic!("no {end} after {start}"));
    &page[from..from + len]
}

/// `check` names what the analyst must update: the missed deadline, at its line.
#[test]
fn check_warns_about_the_missed_deadline() {
    let all: Vec<_> = briefing::check(&fixtures().join("long-negotiation"))
        .into_iter()
        .filter(|d| {
            !matches!(
                d.code.as_str(),
                "single-source" | "ungraded-citation" | "anonymous-only"
            )
        })
        .collect();
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0].code, "overdue");
    assert_eq!(all[0].pos.map(|p| p.line), Some(33));
}
