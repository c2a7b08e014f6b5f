//! Audience builds: nothing above the audience leaks, everything at or below is there.

use crate::common::{Site, snapshot_dir};
use briefing::model::Tlp;

/// The canary token of an item or contribution at a marking, e.g. `cnry-amberstrict-meeting`.
fn canary(tlp: Tlp, what: &str) -> String {
    format!("cnry-{}-{what}", tlp.as_str().replace('+', ""))
}

/// A site with one item of every kind at every marking, each carrying its canary in its
/// id and text, contributions at every marking, and clear items referring to all of them.
fn canary_site() -> Site {
    let site = Site::minimal();
    site.write("content/site.yaml", "title: Canaries\nas_of: 2026-01-10\n");
    site.remove("content/statements/anonymous.md");
    let mut clear_refs = String::new();
    let mut contributions = String::new();
    for tlp in Tlp::ALL.iter().map(|t| Tlp::parse(t).unwrap()) {
        let w = tlp.as_str();
        let c = |what: &str| canary(tlp, what);
        site.write(
            &format!("content/actors/{}.yaml", c("actor")),
            format!("name: Actor {}\nkind: person\ntlp: {w}\n", c("actor-name")),
        );
        site.write(
            &format!("content/sources/{}.yaml", c("source")),
            format!(
                "name: Source {}\nreliability: C\ntlp: {w}\n",
                c("source-name")
            ),
        );
        site.write(
            &format!("content/rounds/{}.yaml", c("round")),
            format!(
                "title: Round {}\nstart: 2026-01-0{}\nend: 2026-01-09\ntlp: {w}\n",
                c("round-title"),
                1 + tlp as u8
            ),
        );
        site.write(
            &format!("content/meetings/{}.md", c("meeting")),
            format!(
                "---\ntitle: Meeting {}\ndate: 2026-02-0{}\nlocation: {}\nparticipants: [{}]\ntlp: {w}\n---\nAgenda {}\n",
                c("meeting-title"),
                1 + tlp as u8,
                c("meeting-location"),
                c("actor"),
                c("meeting-body")
            ),
        );
        // No title: the derived title names the speaker.
        site.write(
            &format!("content/statements/{}.md", c("statement")),
            format!(
                "---\nspeaker: {}\ndate: 2026-01-0{}\ntlp: {w}\nsources: [{}]\ntags: [{}]\n---\nSaid {}\n",
                c("actor"),
                1 + tlp as u8,
                c("source"),
                c("tag"),
                c("statement-body")
            ),
        );
        site.write(
            &format!("content/guarantees/{}.md", c("guarantee")),
            format!(
                "---\ntitle: Guarantee {}\ncategory: legal\ntlp: {w}\n---\n{}\n",
                c("guarantee-title"),
                c("guarantee-body")
            ),
        );
        contributions.push_str(&format!(
            "  - by: {}\n    commitment: Commit {}\n    status: signed\n    since: 2026-01-0{}\n    tlp: {w}\n    conditions: [{}]\n    note: Note {}\n    history:\n      - {{date: 2026-01-01, status: proposed, note: Step {}, sources: [{}]}}\n",
            c("actor"),
            c("contribution"),
            1 + tlp as u8,
            c("condition"),
            c("note"),
            c("step-note"),
            c("source")
        ));
        clear_refs.push_str(&format!(
            "See [x](@meetings/{}) and [y](@statements/{}).\n\n",
            c("meeting"),
            c("statement")
        ));
    }
    site.write(
        "content/guarantees/open-guarantee.md",
        format!("---\ntitle: Open guarantee\ncategory: financial\ncontributions:\n{contributions}---\nOpen.\n"),
    );
    let participants: Vec<String> = Tlp::ALL
        .iter()
        .map(|t| canary(Tlp::parse(t).unwrap(), "actor"))
        .collect();
    site.write(
        "content/meetings/open-meeting.md",
        format!(
            "---\ntitle: Open meeting\ndate: 2026-01-05\nparticipants: [{}]\nround: {}\n---\n{clear_refs}",
            participants.join(", "),
            canary(Tlp::Red, "round")
        ),
    );
    site
}

/// All output bytes and file names, lowercased, as one string per file.
fn everything(out: &std::path::Path) -> Vec<(String, String)> {
    snapshot_dir(out)
        .into_iter()
        .map(|(path, bytes)| {
            (
                path.to_lowercase(),
                String::from_utf8_lossy(&bytes).to_lowercase(),
            )
        })
        .collect()
}

#[test]
fn nothing_above_the_audience_leaks_and_everything_below_is_present() {
    let site = canary_site();
    let whats = [
        "actor",
        "actor-name",
        "source",
        "source-name",
        "round",
        "round-title",
        "meeting",
        "meeting-title",
        "meeting-location",
        "meeting-body",
        "statement",
        "statement-body",
        "tag",
        "guarantee",
        "guarantee-title",
        "guarantee-body",
        "contribution",
        "condition",
        "note",
        "step-note",
    ];
    for audience in Tlp::ALL.iter().map(|t| Tlp::parse(t).unwrap()) {
        let out = tempfile::tempdir().unwrap();
        let mut opts = briefing::BuildOptions::new(out.path());
        opts.audience = Some(audience);
        let report = briefing::build(site.root(), &opts).unwrap_or_else(|e| panic!("{e}"));
        let files = everything(out.path());
        for tlp in Tlp::ALL.iter().map(|t| Tlp::parse(t).unwrap()) {
            for what in whats {
                let token = canary(tlp, what);
                let found = files
                    .iter()
                    .find(|(p, b)| p.contains(&token) || b.contains(&token));
                if tlp <= audience {
                    assert!(found.is_some(), "audience {audience:?}: {token} missing");
                } else if let Some((path, _)) = found {
                    panic!("audience {audience:?}: {token} leaked into {path}");
                }
            }
        }
        let withheld_items: usize = report.withheld.items.values().sum();
        let above = Tlp::ALL
            .iter()
            .filter(|t| Tlp::parse(t).unwrap() > audience)
            .count();
        assert_eq!(
            withheld_items,
            above * 6,
            "six kinds per marking above {audience:?}"
        );
        if audience < Tlp::Red {
            let meeting =
                std::fs::read_to_string(out.path().join("meetings/open-meeting.html")).unwrap();
            assert!(
                meeting.contains("(withheld)"),
                "a reference to a withheld item is marked"
            );
            assert!(
                !meeting.contains("briefing-withheld"),
                "no dangling link to a withheld item"
            );
        }
    }
}

#[test]
fn the_build_reports_what_each_marking_withheld() {
    let site = canary_site();
    let mut opts = briefing::BuildOptions::new(site.output());
    opts.audience = Some(Tlp::Amber);
    let report = briefing::build(site.root(), &opts).unwrap();
    assert_eq!(report.withheld.items.get(&Tlp::AmberStrict), Some(&6));
    assert_eq!(report.withheld.items.get(&Tlp::Red), Some(&6));
    assert_eq!(report.withheld.contributions.get(&Tlp::Red), Some(&1));
    assert_eq!(report.withheld.items.get(&Tlp::Amber), None);
    assert_eq!(
        report.withheld.summary(),
        "withheld: 6 items marked TLP:AMBER+STRICT, 6 items marked TLP:RED, 1 contribution marked TLP:AMBER+STRICT, 1 contribution marked TLP:RED"
    );
}

#[test]
fn the_default_audience_comes_from_site_yaml() {
    let site = canary_site();
    site.write(
        "content/site.yaml",
        "title: Canaries\nas_of: 2026-01-10\naudience: green\n",
    );
    let report = briefing::build(site.root(), &briefing::BuildOptions::new(site.output())).unwrap();
    assert_eq!(report.audience, Tlp::Green);
    assert!(
        site.output()
            .join(format!("meetings/{}.html", canary(Tlp::Green, "meeting")))
            .exists()
    );
    assert!(
        !site
            .output()
            .join(format!("meetings/{}.html", canary(Tlp::Amber, "meeting")))
            .exists()
    );
}

#[test]
fn check_warns_where_a_lower_item_refers_to_a_higher_one() {
    let site = Site::minimal();
    site.write(
        "content/statements/anonymous.md",
        "---\nattributed_to: officials\ndate: 2026-01-04\ntlp: amber\n---\nx\n",
    );
    site.write(
        "content/sources/reuters.yaml",
        "name: Reuters\nreliability: B\ntlp: green\n",
    );
    site.write(
        "content/meetings/paris-summit.md",
        "---\ntitle: Paris\ndate: 2026-01-06\ntlp: green\nsources: [reuters]\n---\nSee [it](@statements/anonymous).\n",
    );
    let diags = briefing::check(site.root());
    assert!(!diags.has_errors(), "{diags}");
    let warnings: Vec<_> = diags
        .iter()
        .filter(|d| d.code == "higher-marking")
        .collect();
    let at = |file: &str, line: usize| {
        warnings.iter().any(|d| {
            d.file.as_deref() == Some(file.as_ref()) && d.pos.map(|p| p.line) == Some(line)
        })
    };
    assert!(
        at("content/meetings/paris-summit.md", 7),
        "Markdown link to AMBER from GREEN: {warnings:#?}"
    );
    // A CLEAR meeting and contribution cite the GREEN source.
    assert!(at("content/meetings/kyiv-meeting.md", 13), "{warnings:#?}");
    assert!(at("content/guarantees/financial.md", 13), "{warnings:#?}");
    // GREEN citing GREEN is fine.
    assert!(!at("content/meetings/paris-summit.md", 5), "{warnings:#?}");
}

/// Issue 14, item 2: a CLEAR statement `about:` an AMBER guarantee passed `check` and
/// then panicked the CLEAR build at the search export, which looked the withheld id up.
#[test]
fn a_reference_to_a_withheld_item_builds_for_every_audience() {
    let site = Site::minimal();
    let guarantee = std::fs::read_to_string(site.root().join("content/guarantees/financial.md"))
        .unwrap()
        .replacen(
            "category: financial\n",
            "category: financial\ntlp: amber\n",
            1,
        );
    site.write("content/guarantees/financial.md", guarantee);
    let diags = briefing::check(site.root());
    assert!(!diags.has_errors(), "{diags}");
    for audience in [Tlp::Clear, Tlp::Green, Tlp::Amber] {
        let out = tempfile::tempdir().unwrap();
        let mut opts = briefing::BuildOptions::new(out.path());
        opts.audience = Some(audience);
        briefing::build(site.root(), &opts).unwrap_or_else(|e| panic!("{audience:?}: {e}"));
        let files = everything(out.path());
        let statement = &files
            .iter()
            .find(|(p, _)| p == "statements/umerov-90.html")
            .expect("the statement's page")
            .1;
        if audience < Tlp::Amber {
            assert!(statement.contains("(withheld)"), "{statement}");
            // The guarantee's own words (its summary, body and commitment) appear nowhere.
            for (path, bytes) in &files {
                assert!(
                    !["money for ukraine", "what kyiv asks", "fund reconstruction"]
                        .iter()
                        .any(|w| bytes.contains(w))
                        && !path.contains("guarantees/financial"),
                    "{audience:?}: the AMBER guarantee leaked into {path}"
                );
            }
        } else {
            assert!(statement.contains("financial commitments"), "{statement}");
        }
    }
}

/// Issue 14: links in Markdown were written against a placeholder root
/// (`briefing-root:/`) that was then searched and replaced in every whole page, and
/// withheld links were marked `briefing-withheld:` the same way, so a title or text
/// holding those words was altered. Links are now segments of the rendered text,
/// resolved for each page: words are left as written, links point right at any depth,
/// and a link to a withheld item is plain text everywhere.
#[test]
fn words_like_the_old_link_markers_are_left_alone() {
    let site = Site::minimal();
    site.write(
        "content/statements/annex.md",
        "---\ntitle: Annex at briefing-root:/annex and briefing-withheld:x\nspeaker: rustem-umerov\ndate: 2026-01-04\n---\n\
         See [the summit](@meetings/paris-summit#outcome), [the fund](@guarantees/financial) \
         and the text briefing-root:/annex.\n",
    );
    let guarantee = std::fs::read_to_string(site.root().join("content/guarantees/financial.md"))
        .unwrap()
        .replacen(
            "category: financial\n",
            "category: financial\ntlp: amber\n",
            1,
        );
    site.write("content/guarantees/financial.md", guarantee);
    let out = tempfile::tempdir().unwrap();
    let mut opts = briefing::BuildOptions::new(out.path());
    opts.audience = Some(Tlp::Clear);
    briefing::build(site.root(), &opts).unwrap();
    let read = |p: &str| std::fs::read_to_string(out.path().join(p)).unwrap();
    let page = read("statements/annex.html");
    assert!(
        page.contains("<h1>Annex at briefing-root:/annex and briefing-withheld:x"),
        "{page}"
    );
    assert!(page.contains("the text briefing-root:/annex."), "{page}");
    assert!(
        page.contains("<a href=\"../meetings/paris-summit.html#outcome\""),
        "{page}"
    );
    assert!(
        page.contains("<span class=\"withheld\">the fund</span>"),
        "{page}"
    );
    // The front page shows the latest statement's text, one level up.
    let index = read("index.html");
    assert!(
        index.contains("<a href=\"meetings/paris-summit.html#outcome\""),
        "{index}"
    );
    let json = read("data/briefing.json");
    assert!(
        json.contains("<a href=\\\"meetings/paris-summit.html#outcome\\\""),
        "{json}"
    );
    assert!(json.contains("Annex at briefing-root:/annex and briefing-withheld:x"));
    for (path, text) in everything(out.path()) {
        assert!(!text.contains("guarantees/financial"), "{path}");
        assert!(
            !text.contains("href=\"briefing-") && !text.contains("href=\\\"briefing-"),
            "{path}"
        );
    }
}

/// Issue 14: a withheld link was an empty id and the URL `briefing-withheld:`, which
/// pages searched for afterwards and data/briefing.json kept. Now it has neither: pages
/// draw it as plain text, the JSON says `withheld: true`.
#[test]
fn a_withheld_link_has_no_id_no_url_and_no_marker() {
    let site = Site::minimal();
    let mark = |rel: &str, after: &str| {
        let text = std::fs::read_to_string(site.root().join(rel)).unwrap();
        site.write(
            rel,
            text.replacen(after, &format!("{after}tlp: amber\n"), 1),
        );
    };
    mark("content/sources/reuters.yaml", "kind: news-agency\n");
    mark("content/actors/ukraine.yaml", "kind: state\n");
    mark("content/guarantees/financial.md", "category: financial\n");
    let mut opts = briefing::BuildOptions::new(site.output());
    opts.audience = Some(Tlp::Clear);
    briefing::build(site.root(), &opts).unwrap();

    let statement = site.page("statements/umerov-90.html");
    // `about: [financial]` and `sources: [reuters]`.
    assert!(
        statement.contains(r#"<span class="withheld">(withheld)</span>"#),
        "{statement}"
    );
    assert!(
        statement.contains(r#"<span class="withheld">(withheld) (—)</span>"#),
        "{statement}"
    );
    // A participant, and a Markdown link in the body.
    let summit = site.page("meetings/paris-summit.html");
    assert!(
        summit.contains(r#"<span class="withheld">(withheld)</span>"#),
        "{summit}"
    );
    assert!(
        summit.contains(r#"<span class="withheld">financial commitments</span>"#),
        "{summit}"
    );
    for (path, bytes) in everything(&site.output()) {
        assert!(!bytes.contains("briefing-withheld"), "a marker in {path}");
        assert!(!bytes.contains(r#"href="""#), "an empty link in {path}");
    }

    let json: serde_json::Value = serde_json::from_str(&site.page("data/briefing.json")).unwrap();
    fn walk(v: &serde_json::Value, withheld: &mut Vec<serde_json::Value>) {
        match v {
            serde_json::Value::Object(o) => {
                assert_ne!(
                    o.get("id"),
                    Some(&serde_json::json!("")),
                    "an empty id: {v}"
                );
                if o.get("withheld") == Some(&serde_json::json!(true)) {
                    withheld.push(v.clone());
                }
                o.values().for_each(|x| walk(x, withheld));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, withheld)),
            _ => {}
        }
    }
    let mut withheld = Vec::new();
    walk(&json, &mut withheld);
    let kinds: std::collections::BTreeSet<&str> =
        withheld.iter().filter_map(|w| w["kind"].as_str()).collect();
    assert_eq!(
        kinds,
        ["actors", "guarantees", "sources"].into(),
        "{withheld:#?}"
    );
    for w in &withheld {
        assert_eq!(
            w.as_object().unwrap().keys().collect::<Vec<_>>(),
            ["kind", "title", "withheld"],
            "{w}"
        );
    }
}
