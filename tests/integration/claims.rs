//! Claims checked (tests/fixtures/plan): the statements in content/statements/ claim
//! figures about the 20-point plan; each file's comments work the verdict out by hand
//! from the counts pinned in tests/integration/documents.rs:
//!
//! | statement | said | tracked (CLEAR; AMBER) | verdict |
//! | --- | --- | --- | --- |
//! | ruritania-january, 10 Jan | 90% agreed | coverage 0 of 20 | cannot be checked |
//! | syldavia-january, 15 Jan | 100% of `plan-12` | not tracked | cannot be checked |
//! | borduria-february, 20 Feb | 65% agreed | 40-55%; 45-55% | overstated |
//! | syldavia-february, 20 Feb | 55% agreed | 40-55%; 45-55% | cannot be checked |
//! | borduria-march, 20 Mar | 65% agreed | 63-79%; 68-79% | consistent |
//! | syldavia-march, 20 Mar | 50% agreed | 63-79%; 68-79% | understated |
//! | ruritania-march, 20 Mar | 2 open | 4-7 open; 4-6 | overstated |
//! | ruritania-spring, February | 55% agreed | 0-20% on 1 Feb, 40-55% on 28 Feb | cannot be checked |
//! | ruritania-monitoring, 20 Feb | 100% of ceasefire monitoring agreed | 1 of 2 contributions | overstated |
//!
//! (A range runs from what is recorded to what the provisions lacking a party's position
//! could add: points 17 and 18, and for CLEAR point 19, whose Syldavian position is AMBER.)

use crate::common::Site;
use briefing::analysis::claims::{Reason, Verdict, assess, figure, judge};
use briefing::model::{Model, Tlp};
use std::collections::BTreeMap;
use std::process::Command;

fn day(s: &str) -> jiff::civil::Date {
    s.parse().unwrap()
}

fn model(audience: Tlp) -> Model {
    let root = crate::common::fixtures().join("plan");
    let site = briefing::Site::load(&root).unwrap_or_else(|d| panic!("{d:?}"));
    site.for_audience(audience).0.model
}

/// Units counted, recorded as reaching the measure, reaching it at best.
type Counts = (usize, usize, usize);

/// Each statement's (only) claim: its verdict, and the tracked figure's counts.
fn verdicts(m: &Model) -> BTreeMap<&str, (Verdict, Option<Counts>)> {
    m.statements
        .iter()
        .map(|(id, s)| {
            assert_eq!(s.claims.len(), 1, "{id}");
            let a = assess(m, s, &s.claims[0]);
            let counts = a.figure.map(|f| (f.of, f.reached, f.could_reach));
            (id.as_str(), (a.verdict, counts))
        })
        .collect()
}

#[test]
fn every_verdict_as_worked_out_by_hand() {
    use Verdict::*;
    for (audience, point_19) in [(Tlp::Clear, 0), (Tlp::Amber, 1)] {
        let m = model(audience);
        let v = verdicts(&m);
        let low = Reason::LowCoverage {
            coverage: briefing::analysis::documents::Share { count: 0, of: 20 },
            min: 80.0,
        };
        assert_eq!(
            v["ruritania-january"],
            (CannotBeChecked(low), Some((20, 0, 20)))
        );
        assert_eq!(
            v["syldavia-january"],
            (CannotBeChecked(Reason::NotTracked), None)
        );
        assert_eq!(
            v["borduria-february"],
            (Overstated, Some((20, 8 + point_19, 11)))
        );
        let unrecorded = 3 - point_19;
        assert_eq!(
            v["syldavia-february"],
            (
                CannotBeChecked(Reason::DependsOnUnrecorded { unrecorded }),
                Some((20, 8 + point_19, 11))
            ),
            "{audience:?}"
        );
        assert_eq!(
            v["borduria-march"],
            (Consistent, Some((19, 12 + point_19, 15)))
        );
        assert_eq!(
            v["syldavia-march"],
            (Understated, Some((19, 12 + point_19, 15)))
        );
        assert_eq!(
            v["ruritania-march"],
            (Overstated, Some((19, 12 + point_19, 15)))
        );
        assert_eq!(
            v["ruritania-spring"].0,
            CannotBeChecked(Reason::DateTooVague)
        );
        assert_eq!(v["ruritania-monitoring"], (Overstated, Some((2, 1, 1))));
    }
}

#[test]
fn overstated_on_its_date_is_consistent_a_round_later() {
    let m = model(Tlp::Clear);
    let s = &m.statements["borduria-february"];
    let claim = &s.claims[0];
    let on_the_day = figure(&m, claim, day("2026-02-20")).unwrap();
    assert_eq!(
        judge(claim, &on_the_day, m.site.claims),
        Verdict::Overstated
    );
    let a_round_later = figure(&m, claim, day("2026-03-20")).unwrap();
    assert_eq!(
        judge(claim, &a_round_later, m.site.claims),
        Verdict::Consistent
    );
}

#[test]
fn a_claim_about_components_counts_their_contributions() {
    let mut m = model(Tlp::Clear);
    let s = m.statements.get_mut("ruritania-monitoring").unwrap();
    // Counting Borduria's contributions only: 1 of 1, signed: consistent with 100%.
    s.claims[0].parties = vec![briefing::model::Ref::Id("borduria".into())];
    let s = &m.statements["ruritania-monitoring"];
    let a = assess(&m, s, &s.claims[0]);
    assert_eq!(a.verdict, Verdict::Consistent);
    // On 10 January no contribution was recorded yet: nothing to count.
    let f = figure(&m, &s.claims[0], day("2026-01-10")).unwrap();
    assert_eq!(
        judge(&s.claims[0], &f, m.site.claims),
        Verdict::CannotBeChecked(Reason::NothingToCount(
            briefing::analysis::claims::Unit::Contributions
        ))
    );
}

#[test]
fn the_example_cannot_check_umerovs_ninety_percent() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let m = briefing::Site::load(root).unwrap().model;
    let s = &m.statements["umerov-90-percent"];
    let a = assess(&m, s, &s.claims[0]);
    // The article lists none of the plan's points: none is coded, nothing to count.
    assert_eq!(
        a.verdict,
        Verdict::CannotBeChecked(Reason::NothingToCount(
            briefing::analysis::claims::Unit::Provisions
        ))
    );
    assert!(m.documents["peace-plan"].provisions.is_empty());
}

#[test]
fn the_tolerance_and_coverage_come_from_site_yaml() {
    let site = Site::fixture("plan");
    let yaml = std::fs::read_to_string(site.root().join("content/site.yaml")).unwrap();
    // The full edition counts the AMBER position: 13 of 19 (68.4%). With no tolerance,
    // 65% is understated...
    site.write(
        "content/site.yaml",
        format!("{yaml}claims: {{tolerance: 0, min_coverage: 95}}\n"),
    );
    let m = briefing::Site::load(site.root()).unwrap().model;
    let v = verdicts(&m);
    // ... but coverage 17 of 19 (89%) is now below the 95% needed: not checked at all.
    assert!(matches!(
        v["borduria-march"].0,
        Verdict::CannotBeChecked(Reason::LowCoverage { .. })
    ));
    site.write(
        "content/site.yaml",
        format!("{yaml}claims: {{tolerance: 0}}\n"),
    );
    let m = briefing::Site::load(site.root()).unwrap().model;
    assert_eq!(verdicts(&m)["borduria-march"].0, Verdict::Understated);
}

#[test]
fn pages_and_the_table_show_every_claim_newest_first() {
    let site = Site::fixture("plan");
    briefing::build(site.root(), &briefing::BuildOptions::new(site.output()))
        .unwrap_or_else(|e| panic!("{e}"));
    let csv = site.page("data/claims.csv");
    let rows: Vec<Vec<&str>> = csv
        .trim_start_matches('\u{feff}')
        .lines()
        .map(|l| l.split(',').collect())
        .collect();
    assert_eq!(
        rows[0][..11],
        [
            "statement_id",
            "date",
            "speaker",
            "document",
            "components",
            "parties",
            "measure",
            "claimed",
            "tracked",
            "coverage_percent",
            "verdict"
        ]
    );
    let firsts: Vec<(&str, &str)> = rows[1..].iter().map(|r| (r[0], r[10])).collect();
    assert_eq!(
        firsts[..4],
        [
            ("borduria-march", "consistent"),
            ("ruritania-march", "overstated"),
            ("syldavia-march", "understated"),
            ("ruritania-spring", "cannot-be-checked"),
        ]
    );
    assert_eq!(rows.len(), 10, "a header and nine claims");
    assert!(csv.contains(
        "ruritania-monitoring,2026-02-20,Ruritania,,ceasefire-monitoring,,share-agreed,100%,50%,100,overstated,,clear"
    ));
    assert!(csv.contains(
        "borduria-february,2026-02-20,Borduria,plan-20,,,share-agreed,65%,40–55%,90,overstated,,clear"
    ));
    // The claims page: the same order, verdicts and the edition's note.
    let page = site.page("claims.html");
    let at = |id: &str| page.find(&format!("statements/{id}.html")).unwrap();
    assert!(at("borduria-march") < at("ruritania-spring"));
    assert!(at("ruritania-spring") < at("borduria-february"));
    assert!(at("borduria-february") < at("ruritania-january"));
    assert!(page.contains("Figures count only what this edition (TLP:CLEAR) may show"));
    assert!(page.contains(r#"<span class="verdict verdict-understated">Understated</span>"#));
    // The statement's page, the document's page and the declarations.
    let statement = site.page("statements/borduria-february.html");
    assert!(statement.contains(r#"<span class="verdict verdict-overstated">Overstated</span>"#));
    assert!(statement.contains("<strong>40–55%</strong> (8 of 20 provisions agreed; 3 more"));
    let document = site.page("documents/plan-20.html");
    assert_eq!(
        document.matches(r#"<div class="claim claim-"#).count(),
        7,
        "not plan-12's"
    );
    let declarations = site.page("declarations/actors.html");
    assert!(declarations.contains(r#"<ul class="claim-verdicts">"#));
    assert!(declarations.contains(r#"<span class="verdict verdict-consistent">"#));
    // The index keeps the verdicts' count.
    let index = site.page("declarations.html");
    assert!(
        index.contains(r#"<span class="tally tally-consistent">"#),
        "{index}"
    );
    // The JSON carries each claim with its statement.
    let json: serde_json::Value = serde_json::from_str(&site.page("data/briefing.json")).unwrap();
    let s = json["statements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "syldavia-march")
        .unwrap();
    assert_eq!(s["claims"][0]["verdict"], "understated");
    assert_eq!(s["claims"][0]["tracked"], "63–79%");
}

#[test]
fn a_lower_audience_counts_only_what_it_may_see() {
    let site = Site::fixture("plan");
    let mut opts = briefing::BuildOptions::new(site.output());
    opts.audience = Some(Tlp::Amber);
    briefing::build(site.root(), &opts).unwrap_or_else(|e| panic!("{e}"));
    let amber = site.page("statements/syldavia-february.html");
    assert!(amber.contains("but 2 provisions without a recorded position"));
    assert!(site.page("data/claims.csv").contains(",68–79%,"));
    opts.audience = Some(Tlp::Clear);
    briefing::build(site.root(), &opts).unwrap_or_else(|e| panic!("{e}"));
    let clear = site.page("statements/syldavia-february.html");
    assert!(clear.contains("but 3 provisions without a recorded position"));
    assert!(!site.page("data/claims.csv").contains("68"));
    for page in [
        "claims.html",
        "documents/plan-20.html",
        "data/briefing.json",
    ] {
        assert!(!site.page(page).contains("Secret consent"), "{page}");
    }
}

#[test]
fn check_names_each_claim_it_cannot_check() {
    let root = crate::common::fixtures().join("plan");
    let out = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(["check", "--root"])
        .arg(&root)
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stderr).to_string() + &String::from_utf8_lossy(&out.stdout);
    for want in [
        "content/statements/syldavia-january.md:7:16: warning[untracked-document]",
        "did you mean `plan-20`?",
        "content/statements/ruritania-january.md:7:5: warning[uncheckable-claim]",
        "only 0 of 20 provisions (0%) had a recorded position",
        "content/statements/ruritania-spring.md:10:5: warning[uncheckable-claim]",
        "content/statements/syldavia-february.md:9:5: warning[uncheckable-claim]",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }
    // A consistent, overstated or understated claim is a finding for readers, not a
    // problem of the content.
    assert!(!text.contains("borduria-march.md"), "{text}");
}

#[test]
fn a_malformed_claim_is_an_error_at_its_place() {
    let site = Site::fixture("plan");
    site.write(
        "content/statements/bad.md",
        "---\nspeaker: borduria\ndate: 2026-03-01\nclaims:\n  - {document: plan-20, components: [ceasefire-monitoring], measure: share-agreed, value: 50}\n  - {document: plan-20, measure: share-agred, value: 50}\n  - {document: plan-20, measure: share-agreed, value: 120}\n  - {document: plan-20, measure: count-agreed, value: 2.5}\n  - {document: plan-20, measure: count-agreed, value: 5, of: 3}\n  - {measure: share-agreed, value: 5}\n  - {document: plan-20, measure: share-agreed}\n---\n",
    );
    let diags = briefing::check(site.root());
    let text = diags.to_string();
    for want in [
        "bad.md:5:5: error[bad-value]: a claim is about a `document` or about `components`, not both",
        "bad.md:6:34: error[bad-value]: `share-agred` is not a valid `measure`",
        "did you mean `share-agreed`?",
        "bad.md:7:55: error[bad-value]: `120` is not a percentage from 0 to 100 for `share-agreed`",
        "bad.md:8:55: error[bad-value]: `2.5` is not a whole number for `count-agreed`",
        "bad.md:9:62: error[bad-value]: `3` is not a total at least the count",
        "bad.md:10:5: error[missing-field]: a claim needs `document:` or `components:`",
        "bad.md:11:5: error[missing-field]: a claim needs `value:`",
    ] {
        assert!(text.contains(want), "{want}\n{text}");
    }
}
