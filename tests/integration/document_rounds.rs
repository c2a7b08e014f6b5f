//! Negotiating texts round by round and the meetings that discussed them
//! (tests/fixtures/plan; the counts are worked out by hand in documents.rs): each text's
//! frozen page at each round's end, its round picker, and meetings' `documents:`.
//!
//! The fixture's meetings: the first round of talks in Klow (15 January, plan-20), the
//! second in Szohôd (15 February, plan-20 and plan-28), and an AMBER back channel
//! (14 February, plan-20).

use crate::common::Site;
use briefing::model::Tlp;
use std::path::{Path, PathBuf};
use std::process::Command;

fn built(audience: Option<Tlp>) -> Site {
    let site = Site::fixture("plan");
    let mut opts = briefing::BuildOptions::new(site.output());
    opts.audience = audience;
    briefing::build(site.root(), &opts).unwrap_or_else(|e| panic!("{e}"));
    site
}

/// The grid row of provision `id` on a document page.
fn row<'a>(page: &'a str, id: &str) -> &'a str {
    let at = page
        .find(&format!("#provision-{id}\">"))
        .unwrap_or_else(|| panic!("no row for {id}"));
    let start = page[..at].rfind("<tr").unwrap();
    let end = at + page[at..].find("</tr>").unwrap();
    &page[start..end]
}

#[test]
fn a_frozen_page_shows_the_text_as_it_stood_at_the_round_s_end() {
    let site = built(None);
    let now = site.page("documents/plan-20.html");
    let r1 = site.page("documents/plan-20/r1.html");
    let r2 = site.page("documents/plan-20/r2.html");
    // Point 1: Syldavia only discussed it by round one's end, agreed on 15 February.
    let cells = |row: &str| {
        row.split("<td ")
            .skip(1)
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    let then = cells(row(&r1, "point-1"));
    assert!(then[0].contains("status-agreed"), "{then:?}");
    assert!(then[1].contains("status-discussed"), "{then:?}");
    assert!(!row(&now, "point-1").contains("status-discussed"));
    assert_eq!(row(&now, "point-1").matches("status-agreed").count(), 2);
    // Point 20 was dropped on 12 March: in the text at round two's end, not now.
    assert!(!row(&r2, "point-20").contains("badge dropped"));
    assert!(row(&now, "point-20").contains("badge dropped"));
    // The tallies as worked out by hand (documents.rs) at each round's end.
    let tally = |p: &str| crate::common::text_of(p, "id=\"section-tally\"", "</section>");
    let t = tally(&r1);
    assert!(t.contains("As of 20 January 2026"), "{t}");
    assert!(t.contains("Agreed by all parties 0 of 20 (0%)"), "{t}");
    assert!(t.contains("Agreed by Borduria 14 of 20 (70%)"), "{t}");
    let t = tally(&r2);
    assert!(t.contains("As of 20 February 2026"), "{t}");
    assert!(t.contains("Agreed by all parties 8 of 20 (40%)"), "{t}");
    assert!(t.contains("Agreed by Syldavia 11 of 20 (55%)"), "{t}");
    assert!(t.contains("Contested 6 of 20 (30%)"), "{t}");
    let t = tally(&site.page("documents/plan-20/r3.html"));
    assert!(t.contains("Agreed by all parties 12 of 19 (63%)"), "{t}");
    // The page says what it is frozen at, and the meetings discussed at by then.
    assert!(r1.contains("<h1>The 20-point plan at the end of Round one</h1>"));
    let note = crate::common::text_of(&r1, "<p class=\"frozen-note\">", "</p>");
    assert!(note.contains("As it stood on 20 January 2026"), "{note}");
    // Each row links to the provision, with its history and sources, on the current page.
    assert!(
        row(&r1, "point-1").contains("href=\"../../documents/plan-20.html#provision-point-1\"")
    );
    let facts = |p: &str| crate::common::text_of(p, "<dl class=\"facts\">", "</dl>");
    assert!(facts(&r1).contains("Discussed at First round of talks in Klow"));
    assert!(!facts(&r1).contains("Szohôd"), "{}", facts(&r1));
    assert!(facts(&r2).contains("Second round of talks in Szohôd"));
    assert!(!now.contains("class=\"frozen-note\""));
}

/// Every `href` of a page's round picker, resolved against the page's folder.
fn picker_targets(out: &Path, rel: &str, page: &str) -> Vec<PathBuf> {
    let Some(start) = page.find("<nav class=\"round-picker\"") else {
        return Vec::new();
    };
    let nav = &page[start..start + page[start..].find("</nav>").unwrap()];
    let dir = out.join(rel).parent().unwrap().to_path_buf();
    nav.split("href=\"")
        .skip(1)
        .map(|s| dir.join(&s[..s.find('"').unwrap()]))
        .collect()
}

#[test]
fn every_picker_link_leads_to_a_page_and_a_later_text_has_no_earlier_page() {
    let site = Site::fixture("plan");
    // Tabled on 1 February: it did not exist at round one's end.
    site.write(
        "content/documents/annex.md",
        "---\ntitle: The annex\ndate: 2026-02-01\nparties: [borduria, syldavia]\nsources: [wire, gazette]\nprovisions:\n  - id: a\n    title: Maps\n    positions:\n      - {party: borduria, status: agreed, since: 2026-02-02}\n---\n",
    );
    briefing::build(site.root(), &briefing::BuildOptions::new(site.output()))
        .unwrap_or_else(|e| panic!("{e}"));
    let out = site.output();
    let mut checked = 0;
    for (file, bytes) in crate::common::snapshot_dir(&out) {
        if !file.starts_with("documents/") || !file.ends_with(".html") {
            continue;
        }
        let page = String::from_utf8(bytes).unwrap();
        for target in picker_targets(&out, &file, &page) {
            assert!(target.is_file(), "{file} links to {}", target.display());
            checked += 1;
        }
    }
    // A picker links every entry but the page's own, and the entries before and after
    // it. The 20-point plan moved in every round: 3 * 4 + (1 + 2 + 2 + 1) = 18 links on
    // its four pages. The 28-point plan (positions of 25 November 2025) and the annex
    // (tabled 1 February, a position 2 February) have a page for the first round they
    // existed at and none for the rounds in which they did not move: 2 * 2 each.
    assert_eq!(checked, 18 + 4 + 4, "picker links checked");
    assert!(out.join("documents/plan-28/r1.html").is_file());
    assert!(
        !out.join("documents/plan-28/r2.html").exists(),
        "it did not move"
    );
    assert!(
        !out.join("documents/annex/r3.html").exists(),
        "it did not move"
    );
    assert!(out.join("documents/annex/r2.html").is_file());
    assert!(!out.join("documents/annex/r1.html").exists());
    let annex = site.page("documents/annex.html");
    assert!(!annex.contains("annex/r1.html"), "{annex}");
    let r2 = site.page("documents/annex/r2.html");
    assert!(r2.contains("<strong aria-current=\"page\">Round two</strong>"));
    assert!(!r2.contains("round-previous"), "round two is its first");
}

#[test]
fn a_withheld_position_and_meeting_leave_no_trace_in_lower_frozen_pages() {
    let site = built(None);
    let r2 = site.page("documents/plan-20/r2.html");
    // Syldavia's AMBER agreement to point 19 (15 February) is not in the grid, its note
    // nowhere, and not counted.
    assert!(!row(&r2, "point-19").contains("tlp-amber"));
    assert_eq!(
        row(&r2, "point-19").matches("<span class=\"badge").count(),
        1
    );
    for marker in [
        "Secret consent",
        "TLP:AMBER",
        "tlp-amber",
        "Back channel",
        "back-channel",
    ] {
        for page in ["documents/plan-20/r2.html", "documents/plan-20/r3.html"] {
            assert!(
                !site.page(page).contains(marker),
                "{page} mentions {marker}"
            );
        }
    }
    let site = built(Some(Tlp::Amber));
    let r2 = site.page("documents/plan-20/r2.html");
    assert_eq!(
        row(&r2, "point-19").matches("<span class=\"badge").count(),
        2
    );
    assert!(row(&r2, "point-19").contains("tlp-amber"));
    let t = crate::common::text_of(&r2, "id=\"section-tally\"", "</section>");
    assert!(t.contains("Agreed by all parties 9 of 20 (45%)"), "{t}");
    assert!(r2.contains("meetings/back-channel.html"));
}

#[test]
fn meetings_link_the_texts_discussed_and_texts_list_the_meetings() {
    let site = Site::fixture("plan");
    // A text withheld from the audience, discussed at a meeting it sees.
    site.write(
        "content/documents/secret-annex.md",
        "---\ntitle: The secret annex\ndate: 2026-02-01\ntlp: amber\nsources: [wire, gazette]\n---\n",
    );
    // A meeting still to come names the text: its page says so, the text's does not yet.
    site.write(
        "content/meetings/april-talks.md",
        "---\ntitle: April talks\ndate: 2026-04-10\ndocuments: [plan-20]\nsources: [wire, gazette]\n---\n",
    );
    let rel = "content/meetings/szohod-round-two.md";
    let text = std::fs::read_to_string(site.root().join(rel)).unwrap();
    site.write(
        rel,
        text.replace("[plan-20, plan-28]", "[plan-20, secret-annex, plan-28]"),
    );
    briefing::build(site.root(), &briefing::BuildOptions::new(site.output()))
        .unwrap_or_else(|e| panic!("{e}"));
    let meeting = site.page("meetings/szohod-round-two.html");
    let facts = crate::common::text_of(&meeting, "<dl class=\"facts\">", "</dl>");
    assert!(
        facts.contains("Texts discussed The 20-point plan ; (withheld) ; The 28-point plan"),
        "{facts}"
    );
    assert!(meeting.contains("href=\"../documents/plan-28.html\""));
    assert!(
        !meeting.contains("secret"),
        "the withheld text leaves no id"
    );
    let plan = site.page("documents/plan-20.html");
    let facts = crate::common::text_of(&plan, "<dl class=\"facts\">", "</dl>");
    assert!(
        facts.contains(
            "Discussed at First round of talks in Klow ( 15 January 2026 ); Second round of talks in Szohôd ( 15 February 2026 )"
        ),
        "{facts}"
    );
    assert!(
        !plan.contains("back-channel"),
        "an AMBER meeting is not listed"
    );
    let json: serde_json::Value = serde_json::from_str(&site.page("data/briefing.json")).unwrap();
    let m = json["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "szohod-round-two")
        .unwrap();
    assert_eq!(m["documents"][0]["id"], "plan-20");
    assert_eq!(m["documents"][1]["withheld"], true);
}

#[test]
fn a_meeting_naming_an_unknown_text_is_reported_at_its_place() {
    let site = Site::fixture("plan");
    let rel = "content/meetings/klow-round-one.md";
    let text = std::fs::read_to_string(site.root().join(rel)).unwrap();
    site.write(
        rel,
        text.replace("documents: [plan-20]", "documents: [plan-02]"),
    );
    let out = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(["check", "--format", "json", "--root"])
        .arg(site.root())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = &json["diagnostics"][0];
    assert_eq!(d["code"], "dangling-reference", "{json:#}");
    assert_eq!(d["file"], rel);
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(9), Some(13))
    );
    assert!(
        d["help"].as_str().unwrap_or("").contains("plan-20"),
        "{json:#}"
    );
}
