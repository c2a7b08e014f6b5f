//! Feeds and exports: Atom parsed with a real parser, sitemap, JSON, CSV, search index.

use crate::common::{Site, fixtures};
use assert_cmd::Command;
use predicates::prelude::*;
use std::collections::BTreeSet;

fn build(site: &Site) {
    briefing::build(site.root(), &briefing::BuildOptions::new(site.output()))
        .unwrap_or_else(|e| panic!("{e}"));
}

fn feed(site: &Site) -> atom_syndication::Feed {
    site.page("feed.xml")
        .parse::<atom_syndication::Feed>()
        .unwrap_or_else(|e| panic!("feed.xml does not parse as Atom: {e}"))
}

/// RFC 4287 requirements a parser does not enforce: ids, titles, updated, and either an
/// alternate link or content on every entry.
fn assert_valid_atom(f: &atom_syndication::Feed) {
    assert!(!f.id().is_empty() && !f.title().is_empty());
    assert!(!f.authors().is_empty(), "feed-level author");
    let ids: BTreeSet<&str> = f.entries().iter().map(|e| e.id()).collect();
    assert_eq!(ids.len(), f.entries().len(), "entry ids are unique");
    for e in f.entries() {
        assert!(e.id().starts_with("tag:"), "{}", e.id());
        assert!(!e.title().is_empty());
        assert!(e.updated() <= f.updated());
        let alternate = e.links().iter().any(|l| l.rel() == "alternate");
        assert!(
            alternate || e.content().is_some(),
            "{}: link or content",
            e.id()
        );
    }
}

#[test]
fn atom_feed_without_base_url_has_no_links_but_content() {
    let site = Site::minimal();
    build(&site);
    let f = feed(&site);
    assert_valid_atom(&f);
    assert_eq!(f.updated().to_rfc3339(), "2026-01-04T00:00:00+00:00");
    let ids: Vec<&str> = f.entries().iter().map(|e| e.id()).collect();
    assert!(
        ids.contains(&"tag:briefing.invalid,2026-01-04:statements/anonymous.html"),
        "{ids:?}"
    );
    assert!(ids.contains(
        &"tag:briefing.invalid,2026-01-03:guarantees/financial.html#contribution-1:agreed"
    ));
    assert!(ids.contains(
        &"tag:briefing.invalid,2026-01-01:guarantees/financial.html#contribution-1:discussed"
    ));
    let anon = f
        .entries()
        .iter()
        .find(|e| e.id().ends_with("statements/anonymous.html"))
        .unwrap();
    assert!(
        anon.title().starts_with("[TLP:GREEN] "),
        "{}",
        anon.title().as_str()
    );
    assert!(anon.categories().iter().any(|c| c.term() == "tlp:green"));
    assert!(f.rights().unwrap().starts_with("TLP:GREEN"));
    // The Paris summit (6 January) is after the as-of date: not news yet.
    assert!(!ids.iter().any(|i| i.contains("paris-summit")));
    for e in f.entries() {
        assert!(e.links().is_empty(), "relative links in Atom are left out");
        assert!(
            e.content()
                .and_then(|c| c.value())
                .is_some_and(|v| !v.is_empty())
        );
    }
    assert!(
        !site.output().join("sitemap.xml").exists(),
        "no sitemap without base_url"
    );
}

#[test]
fn atom_feed_and_sitemap_with_base_url_use_absolute_links() {
    let site = Site::minimal();
    let yaml = std::fs::read_to_string(site.root().join("content/site.yaml")).unwrap();
    site.write(
        "content/site.yaml",
        format!("{yaml}\nbase_url: https://intra.example.org/briefing/\n"),
    );
    build(&site);
    let f = feed(&site);
    assert_valid_atom(&f);
    assert_eq!(f.id(), "https://intra.example.org/briefing/feed.xml");
    for e in f.entries() {
        assert!(e.id().starts_with("tag:intra.example.org,"), "{}", e.id());
        let l = e.links().iter().find(|l| l.rel() == "alternate").unwrap();
        assert!(
            l.href().starts_with("https://intra.example.org/briefing/"),
            "{}",
            l.href()
        );
    }
    let sitemap = site.page("sitemap.xml");
    assert!(sitemap.contains("<loc>https://intra.example.org/briefing/index.html</loc>"));
    assert!(sitemap.contains("<loc>https://intra.example.org/briefing/matrix.html</loc>"));
    assert!(!sitemap.contains("embed/"), "embeds are not pages to index");
}

#[test]
fn feed_ids_are_stable_across_builds() {
    let (a, b) = (Site::minimal(), Site::minimal());
    build(&a);
    build(&b);
    assert_eq!(a.page("feed.xml"), b.page("feed.xml"));
}

#[test]
fn json_export_has_a_schema_version_and_the_whole_model() {
    let site = Site::fixture("analysis");
    build(&site);
    let v: serde_json::Value = serde_json::from_str(&site.page("data/briefing.json")).unwrap();
    assert_eq!(v["schema_version"], 4);
    assert_eq!(v["lead_round"], "r3");
    // Items refer to each other by id and kind; the table of links has the rest, once.
    let named = &v["statements"].as_array().unwrap()[1];
    assert_eq!(named["id"], "named");
    let speaker = &named["speaker"];
    assert_eq!(speaker.as_object().unwrap().len(), 2, "{speaker}");
    let id = speaker["id"].as_str().unwrap();
    let link = &v["links"]["actors"][id];
    assert_eq!(link["url"], format!("actors/{id}.html"));
    assert_eq!(link["tlp"], "clear");
    assert!(link["title"].is_string());
    let text = site.page("data/briefing.json");
    assert!(!text.contains("\n "), "no indentation");
    let items: usize = [
        "actors",
        "sources",
        "meetings",
        "statements",
        "guarantees",
        "rounds",
    ]
    .iter()
    .map(|k| v[*k].as_array().unwrap().len())
    .sum();
    let lines = text
        .lines()
        .filter(|l| serde_json::from_str::<serde_json::Value>(l.trim_end_matches(',')).is_ok())
        .count();
    assert_eq!(lines, items, "a line per item");
    assert_eq!(v["guarantees"].as_array().unwrap().len(), 2);
    assert_eq!(v["statements"].as_array().unwrap().len(), 2);
    let r3 = &v["changes"][2];
    assert_eq!(r3["round"], "r3");
    assert_eq!(r3["counts"]["stalled"], 2);
    let tl: serde_json::Value = serde_json::from_str(&site.page("timeline.json")).unwrap();
    let events = tl["events"].as_array().unwrap();
    assert_eq!(events.len(), 12);
    assert_eq!(events[0]["start_date"]["year"], "2026");
    let ids: BTreeSet<&str> = events
        .iter()
        .map(|e| e["unique_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), events.len(), "TimelineJS ids are unique");
}

#[test]
fn csv_exports_quote_fields() {
    let site = Site::fixture("analysis");
    build(&site);
    let csv = site.page("data/contributions.csv");
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 1 + 7, "header and one row per contribution");
    assert!(
        lines[0].starts_with("\u{feff}guarantee_id,guarantee,actor_id,actor,commitment,status")
    );
    assert!(csv.contains("alpha,Alpha,a,Aland,Alpha by Aland,signed,2026-02-03,"));
    assert!(csv.contains(",\"More alpha, by Aland\",proposed,"), "{csv}");
    let st = site.page("data/statements.csv");
    assert!(st.contains("Aland will sign the zanzibarian accord."));
}

/// Issue 14 item 3: cells a spreadsheet would run as formulas are neutralised, and every
/// table starts with a UTF-8 byte-order mark.
#[test]
fn csv_exports_neutralise_formulas_and_start_with_a_bom() {
    let site = Site::fixture("analysis");
    let g = site.root().join("content/guarantees/alpha.md");
    let text = std::fs::read_to_string(&g).unwrap().replace(
        "commitment: Alpha by Borduria",
        "commitment: '=HYPERLINK(\"http://evil.example/\",\"Türkiye\")'",
    );
    std::fs::write(&g, text).unwrap();
    build(&site);
    for f in ["data/contributions.csv", "data/statements.csv"] {
        let bytes = std::fs::read(site.output().join(f)).unwrap();
        assert!(bytes.starts_with(b"\xef\xbb\xbf"), "{f} starts with a BOM");
    }
    let csv = site.page("data/contributions.csv");
    assert!(
        csv.contains(",\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"Türkiye\"\")\","),
        "{csv}"
    );
    assert!(!csv.contains(",=HYPERLINK"), "{csv}");
}

#[test]
fn search_index_is_scripts_with_every_searchable_item() {
    let site = Site::fixture("analysis");
    build(&site);
    let manifest = site.page("search/manifest.js");
    assert!(manifest.starts_with("// Generated by briefing"));
    assert!(manifest.contains("BriefingSearch.manifest({\"items\":"));
    let terms = site.page("search/t0.js");
    assert!(terms.starts_with("BriefingSearch.terms(0,{"));
    assert!(
        terms.contains("\"zanzibarian\":["),
        "statement bodies are indexed"
    );
    let docs = site.page("search/d0.js");
    assert!(docs.contains("\"statements/named.html\""));
    let page = site.page("search.html");
    assert!(page.contains("<script src=\"search.js\" defer></script>"));
    assert!(!page.contains("<script>"), "no inline script");
    assert!(site.page("search.js").contains("BriefingSearch"));
}

#[test]
fn analysis_pages_show_the_derived_data() {
    let site = Site::fixture("analysis");
    build(&site);
    let matrix = site.page("matrix.html");
    // Aland's cell on alpha: the proposal first (linked), then the signature, never only the best.
    assert!(matrix.contains("<td class=\"cell cell-proposed\" data-status=\"proposed\" data-label=\"Aland\"><a href=\"guarantees/alpha.html#contribution-3\"><span class=\"badge status status-proposed tier-light\">proposed</span> <span class=\"small\">1</span> <span class=\"sep\">·</span> <span class=\"badge status status-signed tier-strong\">signed</span> <span class=\"small\">1</span></a>"));
    assert!(matrix.contains("with conditions: subject to a vote"));
    let index = site.page("index.html");
    assert!(index.contains("What changed in this round"));
    assert!(index.contains("<strong>2</strong> <span class=\"badge movement movement-stalled\">"));
    let r1 = site.page("rounds/r1.html");
    assert!(r1.contains("this is the first round, so every commitment is new"));
    let timeline = site.page("timeline.html");
    assert!(timeline.contains("id=\"month-2026-03\""));
    assert!(timeline.contains("<a href=\"timeline/2026-03.html\">March 2026</a>"));
    let month = site.page("timeline/2026-03.html");
    assert!(month.contains("id=\"month-2026-03\""));
    assert!(month.contains("timeline-entry entry-meeting upcoming"));
    let embed = site.page("embed/matrix.html");
    assert!(embed.contains("href=\"../style.css\"") && !embed.contains("site-nav"));
    let sourcing = site.page("sourcing.html");
    assert!(sourcing.contains("id=\"finding-anonymous-only\""));
    let group = site.page("sourcing/anonymous-only.html");
    assert!(group.contains("id=\"finding-anonymous-only\""));
}

fn briefing() -> Command {
    Command::cargo_bin("briefing").unwrap()
}

#[test]
fn check_prints_sourcing_warnings_and_strict_fails_on_them() {
    let root = fixtures().join("analysis");
    briefing()
        .args(["check", "--root"])
        .arg(&root)
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "content/statements/anon.md:2:16: warning[anonymous-only]: this statement rests only on an anonymous attribution",
        ))
        .stderr(predicate::str::contains(
            "content/guarantees/alpha.md:18:15: warning[single-source]: contribution 2 of this guarantee rests on a single source (`wire`)",
        ));
    briefing()
        .args(["check", "--strict", "--root"])
        .arg(&root)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error[ungraded-citation]"));
}

#[test]
fn round_option_chooses_the_lead_round() {
    let site = Site::fixture("analysis");
    briefing()
        .args(["build", "--round", "r1", "--root"])
        .arg(site.root())
        .assert()
        .code(0);
    assert!(
        site.page("index.html")
            .contains("<a href=\"rounds/r1.html\">Round 1</a>")
    );
    briefing()
        .args(["build", "--round", "r9", "--root"])
        .arg(site.root())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown round `r9`"));
}

/// Issue 14 item 9: control characters in a title (from YAML escapes) must not make
/// feed.xml ill-formed: XML 1.0 forbids them even as character references.
#[test]
fn control_characters_never_reach_the_feed() {
    let site = Site::minimal();
    site.write(
        "content/statements/umerov-90.md",
        "---\ntitle: \"Bell \\a, escape \\e[31m, nul \\0 and \\uFFFE\"\nspeaker: rustem-umerov\n\
         date: 2026-01-03\nmeeting: kyiv-meeting\nabout: [financial]\nsources: [reuters]\n---\n\
         Body with a form feed \u{c} here.\n",
    );
    build(&site);
    let xml = site.page("feed.xml");
    let bad: Vec<char> = xml
        .chars()
        .filter(|c| {
            (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{7f}'..='\u{9f}'))
                || matches!(c, '\u{fffe}' | '\u{ffff}')
        })
        .collect();
    assert!(bad.is_empty(), "characters XML 1.0 forbids: {bad:?}");
    assert!(xml.contains("Bell \u{fffd}, escape \u{fffd}[31m"), "{xml}");
    assert_valid_atom(&feed(&site));
}

#[test]
fn the_feed_holds_the_newest_entries_up_to_feed_limit() {
    let site = Site::minimal();
    build(&site);
    let all: Vec<String> = feed(&site)
        .entries()
        .iter()
        .map(|e| e.id().to_string())
        .collect();
    assert!(all.len() > 2, "{all:?}");
    let yaml = std::fs::read_to_string(site.root().join("content/site.yaml")).unwrap();
    site.write("content/site.yaml", format!("{yaml}\nfeed_limit: 2\n"));
    build(&site);
    let f = feed(&site);
    assert_valid_atom(&f);
    let kept: Vec<&str> = f.entries().iter().map(|e| e.id()).collect();
    assert_eq!(kept, all[..2], "the two newest, in the same order");
    site.write("content/site.yaml", format!("{yaml}\nfeed_limit: 0\n"));
    let diags = briefing::check(site.root()).to_string();
    assert!(
        diags.contains("site.yaml")
            && diags.contains("`feed_limit` must be a positive number, not 0"),
        "{diags}"
    );
}

#[test]
fn build_pretty_json_indents_the_same_document() {
    let site = Site::minimal();
    build(&site);
    let compact = site.page("data/briefing.json");
    Command::cargo_bin("briefing")
        .unwrap()
        .args(["build", "--pretty-json", "--root"])
        .arg(site.root())
        .assert()
        .success();
    let pretty = site.page("data/briefing.json");
    assert!(pretty.starts_with("{\n  \"actors\": [\n    {"), "{pretty}");
    assert!(!compact.contains("\n "));
    let parse = |s: &str| serde_json::from_str::<serde_json::Value>(s).unwrap();
    assert_eq!(parse(&pretty), parse(&compact));
}
