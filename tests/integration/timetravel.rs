//! Time travel: the current pages as of the site's as-of date, each round's frozen views
//! as of its end, past round briefs without hindsight (tests/fixtures/timetravel: three
//! rounds, 1-10 January, 1-10 February, 1-10 March 2026; as of 10 March 2026).
//!
//! Worked out by hand from the fixture's files:
//! - Shield by Aland: declared 2 Jan, signed 3 Feb. Shield by Borduria: agreed 3 Jan,
//!   withdrawn 2 Mar. More shield by Aland: agreed 4 Feb, implemented 15 Mar (after
//!   as_of).
//! - The matrix cell (Shield, Aland) is declared at round 1's end; from round 2 on it holds
//!   two contributions, signed and agreed, and shows the weakest first (`data-status` is
//!   agreed); (Shield, Borduria) agreed at rounds 1 and 2, withdrawn now.
//! - February talks (5 Feb) are held: round 1's brief lists them as planned. April talks
//!   (2 Apr) are marked held but come after as_of: planned and upcoming everywhere.
//! - The statement `late` (20 Mar) comes after as_of: no page, list or export has it.

use crate::build::assert_links_resolve;
use crate::common::Site;

fn built() -> Site {
    let site = Site::fixture("timetravel");
    briefing::build(site.root(), &briefing::BuildOptions::new(site.output()))
        .unwrap_or_else(|e| panic!("{e}"));
    site
}

/// The `data-status` of each cell of a matrix page, in row then column order.
fn cells(html: &str) -> Vec<&str> {
    html.split("data-status=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect()
}

/// The "Coming next" section of a round brief.
fn coming_next(html: &str) -> &str {
    let start = html
        .find("id=\"section-next\"")
        .expect("a Coming next section");
    let end = html[start..].find("</section>").unwrap();
    &html[start..start + end]
}

#[test]
fn frozen_matrices_differ_from_the_current_one_where_history_says() {
    let site = built();
    // Columns: Aland, Borduria.
    assert_eq!(cells(&site.page("matrix.html")), ["agreed", "withdrawn"]);
    assert_eq!(
        cells(&site.page("rounds/r1/matrix.html")),
        ["declared", "agreed"]
    );
    assert_eq!(
        cells(&site.page("rounds/r2/matrix.html")),
        ["agreed", "agreed"]
    );
    assert_eq!(
        cells(&site.page("rounds/r3/matrix.html")),
        ["agreed", "withdrawn"]
    );
    // The round page links to its frozen views; the picker steps between matrices.
    let r1 = site.page("rounds/r1.html");
    assert!(r1.contains("href=\"../rounds/r1/matrix.html\""), "{r1}");
    assert!(r1.contains("href=\"../rounds/r1/components.html\""));
    let m1 = site.page("rounds/r1/matrix.html");
    assert!(m1.contains("rel=\"next\" href=\"../../rounds/r2/matrix.html\""));
    assert!(
        site.page("matrix.html")
            .contains("href=\"rounds/r3/matrix.html\"")
    );
    // More shield by Aland did not exist at round 1's end.
    let c1 = site.page("rounds/r1/components.html");
    assert!(!c1.contains("More shield by Aland"));
    assert!(
        site.page("rounds/r2/components.html")
            .contains("More shield by Aland")
    );
    assert_links_resolve(&site.output());
}

#[test]
fn a_past_round_shows_later_meetings_as_planned() {
    let site = built();
    let next = coming_next(&site.page("rounds/r1.html")).to_string();
    assert!(next.contains("February talks"), "{next}");
    assert!(next.contains("meeting-planned"), "{next}");
    assert!(
        !next.contains("meeting-held"),
        "hindsight in round 1: {next}"
    );
    // The meeting's own page says what happened.
    assert!(
        site.page("meetings/february-talks.html")
            .contains("meeting-held")
    );
}

#[test]
fn nothing_after_as_of_shows_but_as_upcoming() {
    let site = built();
    // The later statement has no page, no entry in lists, feeds or exports.
    assert!(!site.output().join("statements/late.html").exists());
    for page in [
        "statements/index.html",
        "actors/b.html",
        "guarantees/shield.html",
        "declarations.html",
        "timeline.html",
        "index.html",
        "data/briefing.json",
        "feed.xml",
    ] {
        assert!(!site.page(page).contains("zanzibarises"), "{page}");
        assert!(!site.page(page).contains("statements/late"), "{page}");
    }
    let search = crate::common::search_text(&site);
    assert!(!search.contains("zanzibarises") && !search.contains("statements/late"));
    // A status reached after as_of is not shown; the one held then is.
    let shield = site.page("guarantees/shield.html");
    assert!(!shield.contains("status-implemented"), "{shield}");
    // A meeting after as_of marked held reads planned, upcoming.
    let april = site.page("meetings/april-talks.html");
    assert!(april.contains("meeting-planned") && !april.contains("meeting-held"));
}

#[test]
fn model_at_a_round_end_is_what_the_round_knew() {
    use briefing::analysis::as_of::model_at;
    use briefing::model::{MeetingStatus, Status};
    let m = briefing::Site::load(&crate::common::fixtures().join("timetravel"))
        .unwrap()
        .model;
    let r1 = model_at(&m, m.rounds["r1"].end);
    let shield = &r1.guarantees["shield"].contributions;
    let statuses: Vec<Status> = shield.iter().map(|c| c.status).collect();
    assert_eq!(statuses, [Status::Declared, Status::Agreed]);
    assert_eq!(r1.meetings["february-talks"].status, MeetingStatus::Planned);
    assert_eq!(r1.statements.keys().collect::<Vec<_>>(), ["early"]);
}

#[test]
fn a_build_led_by_an_earlier_round_speaks_as_of_its_end() {
    let site = Site::fixture("timetravel");
    let mut opts = briefing::BuildOptions::new(site.output());
    opts.round = Some("r1".into());
    briefing::build(site.root(), &opts).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(cells(&site.page("matrix.html")), ["declared", "agreed"]);
    assert!(!site.output().join("statements/late.html").exists());
    let front = site.page("index.html");
    assert!(coming_next(&front).contains("meeting-planned"), "{front}");
    assert!(
        front.contains("datetime=\"2026-01-10\""),
        "as of round 1's end"
    );
}
