//! Sourcing checks measure corroboration (issue 15): independent origins, reliable
//! primary sources, on-record corroboration of anonymous claims, pasted citations.
//! Cases from real briefings: a wire story and a paper rewriting it; IAEA reports
//! graded A1; a minister's post on his own account; one chronology pasted everywhere.

use crate::common::Site;
use briefing::diagnostics::Diagnostic;

/// The sourcing warnings of `site`, as `(code, file, line)` and the message.
fn sourcing(site: &Site) -> Vec<Diagnostic> {
    briefing::check_with(site.root(), false)
        .into_iter()
        .filter(|d| {
            [
                "no-source",
                "anonymous-only",
                "single-source",
                "ungraded-citation",
                "pasted-citation",
            ]
            .contains(&d.code.as_str())
        })
        .collect()
}

/// The warnings with `code` about the file of statement `id`.
fn about<'d>(all: &'d [Diagnostic], code: &str, id: &str) -> Vec<&'d Diagnostic> {
    let file = format!("content/statements/{id}.md");
    all.iter()
        .filter(|d| {
            d.code == code
                && d.file
                    .as_deref()
                    .map(|f| f.to_string_lossy().replace('\\', "/"))
                    == Some(file.clone())
        })
        .collect()
}

fn statement(site: &Site, id: &str, who: &str, sources: &str) {
    site.write(
        &format!("content/statements/{id}.md"),
        format!("---\n{who}\ndate: 2026-01-02\nsources:\n{sources}---\nSaid.\n"),
    );
}

fn source(site: &Site, id: &str, fields: &str) {
    site.write(
        &format!("content/sources/{id}.yaml"),
        format!("name: {id}\n{fields}"),
    );
}

#[test]
fn a_source_rewriting_another_adds_no_origin() {
    let site = Site::minimal();
    source(
        &site,
        "paper",
        "kind: media\nreliability: B\nderived_from: reuters\n",
    );
    source(&site, "ap", "kind: news-agency\nreliability: B\n");
    let cite = |s: &str| format!("  - {{source: {s}, credibility: 2}}\n");
    statement(
        &site,
        "echo",
        "speaker: rustem-umerov",
        &(cite("reuters") + &cite("paper")),
    );
    statement(
        &site,
        "two",
        "speaker: rustem-umerov",
        &(cite("reuters") + &cite("ap")),
    );
    let all = sourcing(&site);
    let echo = about(&all, "single-source", "echo");
    assert_eq!(echo.len(), 1, "{all:#?}");
    assert!(
        echo[0].message.contains("share one origin"),
        "{}",
        echo[0].message
    );
    assert!(
        echo[0].pos.is_some_and(|p| p.line == 5 && p.column > 1),
        "{:?}",
        echo[0].pos
    );
    assert!(about(&all, "single-source", "two").is_empty(), "{all:#?}");
}

#[test]
fn a_reliable_primary_source_stands_on_its_own() {
    let site = Site::minimal();
    source(
        &site,
        "umerov-x",
        "kind: media\nreliability: B\nchannel_of: rustem-umerov\n",
    );
    source(
        &site,
        "ministry",
        "kind: government\nreliability: B\nchannel_of: ukraine\n",
    );
    source(&site, "speaker-office", "kind: official\nreliability: A\n");
    source(
        &site,
        "blog",
        "kind: media\nreliability: D\nchannel_of: rustem-umerov\n",
    );
    source(&site, "iaea", "kind: document\nreliability: A\n");
    let one = |s: &str| format!("  - {{source: {s}, credibility: 1}}\n");
    statement(&site, "own", "speaker: rustem-umerov", &one("umerov-x"));
    statement(&site, "state", "speaker: rustem-umerov", &one("ministry"));
    statement(&site, "weak", "speaker: rustem-umerov", &one("blog"));
    statement(&site, "report", "attributed_to: officials", &one("iaea"));
    // An official's channel that does not say whose it is: on record, not primary.
    statement(
        &site,
        "office",
        "attributed_to: officials",
        &one("speaker-office"),
    );
    // Someone else's channel is not primary for this speaker.
    site.write("content/actors/other.yaml", "name: Other\nkind: person\n");
    statement(&site, "other", "speaker: other", &one("umerov-x"));
    let all = sourcing(&site);
    for id in ["own", "state", "report"] {
        assert!(
            about(&all, "single-source", id).is_empty(),
            "{id}: {all:#?}"
        );
    }
    for id in ["weak", "other", "office"] {
        assert_eq!(about(&all, "single-source", id).len(), 1, "{id}: {all:#?}");
    }
    // An anonymous claim is cleared by an on-record source, not by a wire story.
    assert!(
        about(&all, "anonymous-only", "report").is_empty(),
        "{all:#?}"
    );
    assert!(
        about(&all, "anonymous-only", "office").is_empty(),
        "{all:#?}"
    );
    statement(&site, "rumour", "attributed_to: officials", &one("reuters"));
    let all = sourcing(&site);
    assert_eq!(about(&all, "anonymous-only", "rumour").len(), 1, "{all:#?}");
}

#[test]
fn a_citation_pasted_everywhere_is_one_pattern_and_no_corroboration() {
    let site = Site::minimal();
    source(&site, "chronology", "kind: think-tank\nreliability: C\n");
    let pasted = "  - {source: chronology, credibility: 3, note: Chronology of the talks}\n";
    for i in 0..6 {
        statement(
            &site,
            &format!("s{i}"),
            "speaker: rustem-umerov",
            &format!("  - {{source: reuters, credibility: 2}}\n{pasted}"),
        );
    }
    let all = sourcing(&site);
    let patterns: Vec<_> = all.iter().filter(|d| d.code == "pasted-citation").collect();
    assert_eq!(patterns.len(), 1, "{all:#?}");
    assert!(
        patterns[0].message.contains("in 6 items"),
        "{}",
        patterns[0].message
    );
    assert!(patterns[0].pos.is_some(), "{:?}", patterns[0]);
    // Reuters plus the pasted chronology is still one origin.
    for i in 0..6 {
        assert_eq!(
            about(&all, "single-source", &format!("s{i}")).len(),
            1,
            "{all:#?}"
        );
    }
    // Below the threshold, the same citation is evidence like any other.
    for i in 4..6 {
        site.remove(&format!("content/statements/s{i}.md"));
    }
    let all = sourcing(&site);
    assert!(all.iter().all(|d| d.code != "pasted-citation"), "{all:#?}");
    assert!(about(&all, "single-source", "s0").is_empty(), "{all:#?}");
}

#[test]
fn every_sourcing_warning_has_a_line_and_a_column() {
    let site = Site::fixture("long-negotiation");
    let all = sourcing(&site);
    assert!(!all.is_empty());
    for d in &all {
        assert!(d.file.is_some() && d.pos.is_some(), "{d:#?}");
    }
}

/// One definition of each count everywhere: the sources list said "cited by 29" where
/// the register said "31 citations" for the same source, with nothing saying that one
/// counts items and the other citations.
#[test]
fn citations_and_items_citing_are_counted_once_and_labelled_alike() {
    let site = Site::minimal();
    // The statement cites Reuters twice: two citations, one item.
    site.write(
        "content/statements/umerov-90.md",
        "---\nspeaker: rustem-umerov\ndate: 2026-01-03\nsources: [reuters, {source: reuters, note: again}]\n---\nSaid.\n",
    );
    let out = tempfile::tempdir().unwrap();
    briefing::build(site.root(), &briefing::BuildOptions::new(out.path())).unwrap();
    let read = |p: &str| std::fs::read_to_string(out.path().join(p)).unwrap();
    // Citations: meeting 1, statement 2, contribution 1 = 4; items: 3.
    let sourcing = read("sourcing/register.html");
    let row = sourcing
        .split("<tr>")
        .find(|r| r.contains("sources/reuters.html"))
        .expect("Reuters in the register");
    assert!(
        row.contains(
            "<td data-label=\"Citations\">4</td><td data-label=\"Items citing it\">3\n<ul"
        ),
        "{row}"
    );
    assert!(sourcing.contains("<th scope=\"col\">Items citing it</th>"));
    let list = read("sources/index.html");
    let row = list
        .split("<tr>")
        .find(|r| r.contains("sources/reuters.html") || r.contains("reuters.html"))
        .expect("Reuters in the list");
    assert!(
        row.contains("<td class=\"number\" data-label=\"Items citing it\">3</td>"),
        "{row}"
    );
    assert!(list.contains("<th scope=\"col\">Items citing it</th>"));
}

#[test]
fn a_source_page_says_what_it_reports_from_and_whose_channel_it_is() {
    let site = Site::minimal();
    source(
        &site,
        "paper",
        "kind: media\nreliability: C\nderived_from: reuters\n",
    );
    source(
        &site,
        "umerov-x",
        "kind: media\nreliability: B\nchannel_of: rustem-umerov\n",
    );
    let out = tempfile::tempdir().unwrap();
    briefing::build(site.root(), &briefing::BuildOptions::new(out.path())).unwrap();
    let read = |p: &str| std::fs::read_to_string(out.path().join(p)).unwrap();
    let paper = read("sources/paper.html");
    assert!(
        paper.contains("<dt>Reports from</dt><dd><a href=\"../sources/reuters.html\">Reuters</a>"),
        "{paper}"
    );
    let channel = read("sources/umerov-x.html");
    assert!(
        channel.contains("<dt>Own channel of</dt><dd><a href=\"../actors/rustem-umerov.html\">"),
        "{channel}"
    );
    let json = read("data/briefing.json");
    assert!(json.contains("\"derived_from\":["), "{json}");
}
