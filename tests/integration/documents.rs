//! Negotiating texts (tests/fixtures/plan): a fictional 20-point plan between Borduria
//! and Syldavia, superseding a 28-point plan, its positions moving over three rounds
//! (positions dated 15 January, 15 February and 15 March 2026; rounds end 20 January,
//! 20 February and 20 March; as of 31 March).
//!
//! Worked out by hand from content/documents/plan-20.md, for an audience below AMBER
//! (Syldavia's AMBER position on point 19 withheld):
//!
//! As of 20 February (end of round 2), all 20 points are in the text:
//! - points 1-8: Borduria agreed (15 Jan), Syldavia agreed (15 Feb): agreed by all, 8;
//! - points 9-12: Borduria agreed, Syldavia contested (15 Feb): contested;
//! - points 13-15: Borduria only discussed (agreed 15 Mar), Syldavia agreed;
//! - point 16: Borduria rejected (15 Feb), Syldavia proposed: contested;
//! - points 17-18: no position: untracked;
//! - point 19: Borduria agreed; Syldavia's agreement is AMBER: not counted;
//! - point 20: Borduria agreed, Syldavia rejected (15 Feb): contested.
//!   Agreed by all 8/20 = 40%; by Borduria 1-12, 19, 20 = 14/20 = 70%; by Syldavia
//!   1-8, 13-15 = 11/20 = 55%; contested 9-12, 16, 20 = 6/20 = 30%; untracked 2/20 = 10%;
//!   coverage 18/20 = 90%.
//!
//! As of 20 March (end of round 3, and the same on 31 March), point 20 was dropped
//! (12 March): 19 points. Point 12: Syldavia agreed (15 Mar); points 13-15: Borduria
//! agreed (15 Mar). Agreed by all 1-8, 12-15 = 12/19 = 63.2% → 63%; by Borduria 1-15, 19
//! = 16/19 = 84.2% → 84%; by Syldavia 1-8, 12-15 = 12/19 → 63%; contested 9-11, 16 =
//! 4/19 = 21.1% → 21%; untracked 2/19 = 10.5% → 11%; coverage 17/19 = 89.5% → 89%.
//!
//! For AMBER, point 19 is agreed by all from 15 February: 9/20 = 45% as of 20 February,
//! and Syldavia 12/20 = 60%.

use crate::common::Site;
use briefing::analysis::documents::{Share, tally};
use briefing::model::Tlp;
use std::process::Command;

fn day(s: &str) -> jiff::civil::Date {
    s.parse().unwrap()
}

fn model(audience: Tlp) -> briefing::model::Model {
    let root = crate::common::fixtures().join("plan");
    let site = briefing::Site::load(&root).unwrap_or_else(|d| panic!("{d:?}"));
    site.for_audience(audience).0.model
}

fn share(count: usize, of: usize) -> Share {
    Share { count, of }
}

#[test]
fn counts_and_shares_as_of_two_rounds() {
    let m = model(Tlp::Clear);
    let plan = &m.documents["plan-20"];
    let t = tally(plan, day("2026-02-20"));
    assert_eq!(t.provisions, 20);
    assert_eq!(t.agreed_by_all, share(8, 20));
    assert_eq!(t.agreed_by_all.percent(), Some(40));
    let by: Vec<(&str, Share)> = t
        .by_party
        .iter()
        .map(|p| (p.party.as_str(), p.agreed))
        .collect();
    assert_eq!(
        by,
        [("borduria", share(14, 20)), ("syldavia", share(11, 20))]
    );
    assert_eq!(t.contested, share(6, 20));
    assert_eq!(t.untracked, share(2, 20));
    assert_eq!(t.coverage, share(18, 20));

    let t = tally(plan, day("2026-03-20"));
    assert_eq!(t.provisions, 19, "point 20 was dropped on 12 March");
    assert_eq!(t.agreed_by_all, share(12, 19));
    assert_eq!(t.agreed_by_all.percent(), Some(63));
    let by: Vec<(&str, Share)> = t
        .by_party
        .iter()
        .map(|p| (p.party.as_str(), p.agreed))
        .collect();
    assert_eq!(
        by,
        [("borduria", share(16, 19)), ("syldavia", share(12, 19))]
    );
    assert_eq!(t.contested, share(4, 19));
    assert_eq!(t.contested.percent(), Some(21));
    assert_eq!(t.untracked.percent(), Some(11));
    assert_eq!(t.coverage, share(17, 19));
}

#[test]
fn an_amber_audience_counts_the_amber_position() {
    let m = model(Tlp::Amber);
    let t = tally(&m.documents["plan-20"], day("2026-02-20"));
    assert_eq!(t.agreed_by_all, share(9, 20));
    assert_eq!(t.by_party[1].agreed, share(12, 20));
}

#[test]
fn time_travel_gives_the_same_counts_as_counting_on_the_day() {
    let m = model(Tlp::Clear);
    for d in ["2026-01-20", "2026-02-20", "2026-03-20"] {
        let then = briefing::analysis::as_of::model_at(&m, day(d));
        assert_eq!(
            tally(&then.documents["plan-20"], day(d)),
            tally(&m.documents["plan-20"], day(d)),
            "{d}"
        );
    }
    // Before the 20-point plan was tabled, only the 28-point plan existed.
    let then = briefing::analysis::as_of::model_at(&m, day("2025-12-01"));
    assert_eq!(then.documents.keys().collect::<Vec<_>>(), ["plan-28"]);
    // On 15 January Syldavia had only discussed point 1: its later agreement is cut.
    let then = briefing::analysis::as_of::model_at(&m, day("2026-01-15"));
    let p1 = &then.documents["plan-20"].provisions[0];
    assert_eq!(p1.positions[1].status, briefing::model::Status::Discussed);
    assert!(p1.positions[1].history.is_empty());
}

/// The text of the tally section of a built document page, tags removed.
fn tally_text(html: &str) -> String {
    crate::common::text_of(html, "id=\"section-tally\"", "</section>")
}

#[test]
fn the_page_shows_the_grid_and_the_counts_as_of_its_date() {
    let site = Site::fixture("plan");
    briefing::build(site.root(), &briefing::BuildOptions::new(site.output()))
        .unwrap_or_else(|e| panic!("{e}"));
    let page = site.page("documents/plan-20.html");
    let t = tally_text(&page);
    assert!(t.contains("As of 31 March 2026"), "{t}");
    assert!(t.contains("(19 provisions in it)"), "{t}");
    assert!(t.contains("Agreed by all parties 12 of 19 (63%)"), "{t}");
    assert!(t.contains("Agreed by Borduria 16 of 19 (84%)"), "{t}");
    assert!(t.contains("Agreed by Syldavia 12 of 19 (63%)"), "{t}");
    assert!(t.contains("Contested 4 of 19 (21%)"), "{t}");
    assert!(t.contains("Untracked 2 of 19 (11%)"), "{t}");
    // The grid: a row per provision, a column per party, a badge per position.
    assert!(page.contains("<th scope=\"col\">Provision</th>"));
    assert!(page.contains("<span class=\"badge dropped\">dropped</span>"));
    assert!(page.contains("id=\"provision-point-20\""));
    // The superseded version links forward, the guarantee and parties link to the text.
    let old = site.page("documents/plan-28.html");
    assert!(old.contains("Superseded by"), "{old}");
    assert!(old.contains("href=\"../documents/plan-20.html\""));
    let g = site.page("guarantees/ceasefire-monitoring.html");
    assert!(g.contains("plan-20.html#provision-point-1"), "{g}");
    assert!(g.contains("plan-20.html#provision-point-9"), "{g}");
    let a = site.page("actors/borduria.html");
    assert!(a.contains("Negotiating texts it is a party to"), "{a}");
    assert!(a.contains("documents/plan-28.html"));
    let list = site.page("documents/index.html");
    assert!(list.contains("12 (63%)"), "{list}");
    let json: serde_json::Value = serde_json::from_str(&site.page("data/briefing.json")).unwrap();
    assert_eq!(json["documents"][0]["id"], "plan-20");
    assert_eq!(json["documents"][0]["tally"]["agreed_by_all"]["count"], 12);
    assert!(crate::common::search_text(&site).contains("The 20-point plan"));

    // As of the end of round 2.
    let mut opts = briefing::BuildOptions::new(site.output());
    opts.round = Some("r2".into());
    briefing::build(site.root(), &opts).unwrap_or_else(|e| panic!("{e}"));
    let t = tally_text(&site.page("documents/plan-20.html"));
    assert!(t.contains("As of 20 February 2026"), "{t}");
    assert!(t.contains("Agreed by all parties 8 of 20 (40%)"), "{t}");
    assert!(t.contains("Agreed by Borduria 14 of 20 (70%)"), "{t}");
    assert!(t.contains("Agreed by Syldavia 11 of 20 (55%)"), "{t}");
    assert!(t.contains("Contested 6 of 20 (30%)"), "{t}");
    assert!(t.contains("Untracked 2 of 20 (10%)"), "{t}");
}

#[test]
fn an_amber_position_leaves_no_trace_below_amber() {
    let site = Site::fixture("plan");
    briefing::build(site.root(), &briefing::BuildOptions::new(site.output()))
        .unwrap_or_else(|e| panic!("{e}"));
    for (file, bytes) in crate::common::snapshot_dir(&site.output()) {
        if file == "style.css" {
            continue; // styles every marking
        }
        let text = String::from_utf8_lossy(&bytes);
        for marker in ["Secret consent", "TLP:AMBER", "tlp-amber"] {
            assert!(!text.contains(marker), "{file} mentions {marker}");
        }
    }
    let mut opts = briefing::BuildOptions::new(site.output());
    opts.audience = Some(Tlp::Amber);
    briefing::build(site.root(), &opts).unwrap_or_else(|e| panic!("{e}"));
    let page = site.page("documents/plan-20.html");
    assert!(page.contains("Secret consent given in Klow"));
    let t = tally_text(&page);
    assert!(t.contains("Agreed by all parties 13 of 19 (68%)"), "{t}");
}

#[test]
fn broken_documents_are_reported_at_their_place() {
    let site = Site::fixture("plan");
    site.write(
        "content/documents/broken.md",
        "---\ntitle: Broken\ndate: 2026-01-01\nparties: [borduria]\nsupersedes: broken-too\nprovisions:\n  - id: a\n    title: A\n    positions:\n      - {party: syldavia, status: agreed}\n      - {party: narnia, status: agreed}\n  - id: a\n    title: Again\n---\n",
    );
    site.write(
        "content/documents/broken-too.md",
        "---\ntitle: Broken too\ndate: 2026-01-01\nsupersedes: broken\n---\n",
    );
    let out = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(["check", "--format", "json", "--root"])
        .arg(site.root())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let found: Vec<(String, String, u64, u64)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["file"].as_str().unwrap_or("").to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    let file = "content/documents/broken.md".to_string();
    let want = [
        ("not-a-party", file.clone(), 10, 17),
        ("dangling-reference", file.clone(), 11, 17),
        ("duplicate-id", file.clone(), 12, 9),
        ("supersedes-cycle", file.clone(), 5, 13),
    ];
    for (code, f, line, column) in want {
        assert!(
            found.contains(&(code.to_string(), f.clone(), line, column)),
            "{code} at {f}:{line}:{column}; got {found:#?}"
        );
    }
}

#[test]
fn the_document_page_snapshot() {
    let site = Site::fixture("plan");
    briefing::build(site.root(), &briefing::BuildOptions::new(site.output()))
        .unwrap_or_else(|e| panic!("{e}"));
    insta::assert_snapshot!(
        "documents_plan-20_html",
        site.page("documents/plan-20.html")
    );
}

/// Without `as_of` in site.yaml, the latest date in the content is the default, positions
/// included; a withheld position's date does not set it.
#[test]
fn positions_set_the_default_as_of_date_unless_withheld() {
    let site = Site::fixture("plan");
    site.write("content/site.yaml", "title: Plan fixture\n");
    let plan = std::fs::read_to_string(site.root().join("content/documents/plan-28.md")).unwrap();
    let later = plan.replace(
        "      - {party: borduria, status: discussed, since: 2025-11-25}\n---",
        "      - {party: borduria, status: discussed, since: 2025-11-25}\n      - {party: syldavia, status: agreed, since: 2026-04-02, tlp: amber}\n---",
    );
    assert_ne!(plan, later);
    site.write("content/documents/plan-28.md", later);
    let load = |tlp| {
        let s = briefing::Site::load(site.root()).unwrap_or_else(|d| panic!("{d:?}"));
        s.for_audience(tlp).0.model.site.as_of
    };
    assert_eq!(load(Tlp::Amber), day("2026-04-02"));
    assert_eq!(load(Tlp::Clear), day("2026-03-20"), "the end of round 3");
}
