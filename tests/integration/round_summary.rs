//! Round pages, the front page and the changes embed list what moved in a round in full
//! and summarise what did not (stalled, steady, settled), with a link to a page listing
//! exactly those; their rounds chart draws a bounded window of rounds.

use crate::common::{Site, fixtures};
use briefing::analysis::changes::round_changes;
use std::collections::BTreeSet;
use std::path::Path;

fn built(site: &Site) {
    briefing::build(site.root(), &briefing::BuildOptions::new(site.output()))
        .unwrap_or_else(|e| panic!("{e}"));
}

/// The text between `start` and the next `end` after it.
fn between<'a>(page: &'a str, start: &str, end: &str) -> &'a str {
    let a = page
        .find(start)
        .unwrap_or_else(|| panic!("no {start:?} in the page"));
    let b = page[a..].find(end).map_or(page.len(), |b| a + b);
    &page[a..b]
}

/// Each table row of movement `class` (`change change-<movement>`): its movement and
/// the contribution it links to (the first link of the row, from the site's root).
fn rows(html: &str, root: &str) -> Vec<(String, String)> {
    html.split(r#"<tr class="change change-"#)
        .skip(1)
        .map(|row| {
            let movement = row[..row.find('"').unwrap()].to_string();
            let href = between(row, r#"<a href=""#, r#"">"#)[r#"<a href=""#.len()..].to_string();
            let from_root = href
                .strip_prefix(root)
                .unwrap_or_else(|| panic!("{href} is not under {root}"))
                .to_string();
            (movement, from_root)
        })
        .collect()
}

/// The href of the "List them" link of the summary of what did not move.
fn list_link(html: &str) -> String {
    let summary = between(html, r#"<p class="unmoved-summary">"#, "</p>");
    let link = between(summary, r#"<a class="more unmoved-list" href=""#, r#"">"#);
    link[r#"<a class="more unmoved-list" href=""#.len()..].to_string()
}

/// The contributions (component page and anchor) of round `round`'s changes, moved
/// or not, worked out by the analysis.
fn expected(round: &str, moved: bool) -> BTreeSet<(String, String)> {
    let m = briefing::Site::load(&fixtures().join("long-negotiation"))
        .unwrap_or_else(|d| panic!("{d}"))
        .model;
    round_changes(&m, round)
        .expect("the round")
        .changes
        .iter()
        .filter(|c| c.movement.moved() == moved)
        .map(|c| {
            let anchor = briefing::routes::contribution_anchor(
                &m.guarantees[&c.guarantee].contributions[c.index],
            );
            (
                c.movement.as_str().to_string(),
                format!("guarantees/{}.html#{anchor}", c.guarantee),
            )
        })
        .collect()
}

/// In snapback-2025 (see long_negotiation.rs): the E3 snapback new, the EU's and the UN's
/// relief reversed; the US relief (withdrawn since 2018, five rounds), Iran's limits
/// (breached since 2019, four) and the US snapback claim (rejected, three) stalled; four
/// steady (two continuing in force, two agreed by Iran since 2023); the arms restrictions
/// expired, settled.
#[test]
fn briefs_list_what_moved_and_summarise_the_rest_with_a_link_to_exactly_it() {
    let site = Site::fixture("long-negotiation");
    built(&site);
    let moved = expected("snapback-2025", true);
    let unmoved = expected("snapback-2025", false);
    assert_eq!(moved.len(), 3);
    assert_eq!(unmoved.len(), 8);
    // The round's page, the front page (led by snapback-2025) and the changes embed.
    for (page, root) in [
        ("rounds/snapback-2025.html", "../"),
        ("index.html", ""),
        ("embed/changes.html", "../"),
    ] {
        let html = site.page(page);
        let changes = between(&html, r#"<p class="change-scope"#, "</section>");
        let listed: BTreeSet<_> = rows(changes, root).into_iter().collect();
        assert_eq!(listed, moved, "{page}: the rows are what moved");
        let summary = between(changes, r#"<p class="unmoved-summary">"#, "</p>");
        assert!(
            summary.contains(
                "8 commitments did not move</strong>: 3 stalled (unchanged for two rounds or more), 4 steady, 1 settled."
            ),
            "{page}: {summary}"
        );
        // The longest stall: the US relief, withdrawn for five rounds.
        assert!(
            summary.contains(&format!(
                r#"Stalled longest: <a href="{root}guarantees/sanctions-relief.html#contribution-1">"#
            )),
            "{page}: {summary}"
        );
        assert!(
            summary.contains(r#"withdrawn</span> for <span class="longest-stall">5 rounds</span>"#),
            "{page}: {summary}"
        );
        // The link resolves to a page listing exactly what did not move.
        let href = list_link(changes);
        let target = Path::new(page).parent().unwrap().join(&href);
        let target = normalise(&target);
        assert_eq!(target, "rounds/snapback-2025/unchanged.html", "{page}");
        let list = site.page(&target);
        let main = between(&list, "<main", "</main>");
        let listed: BTreeSet<_> = rows(main, "../../").into_iter().collect();
        assert_eq!(listed, unmoved, "{target}");
        assert_eq!(rows(main, "../../").len(), 8, "each once");
    }
}

/// `a/b/../c` as `a/c`.
fn normalise(p: &Path) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for c in p.to_str().unwrap().split('/') {
        match c {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            c => parts.push(c),
        }
    }
    parts.join("/")
}

/// The first round has no previous one: everything is new, nothing to summarise.
#[test]
fn the_first_round_lists_everything_as_new_and_links_to_an_empty_list() {
    let site = Site::fixture("long-negotiation");
    built(&site);
    let html = site.page("rounds/vienna-2015.html");
    assert!(!html.contains("unmoved-summary"));
    assert_eq!(rows(&html, "../").len(), 7);
    let list = site.page("rounds/vienna-2015/unchanged.html");
    assert!(rows(&list, "../../").is_empty());
    assert!(list.contains("Every commitment with a status moved in this round."));
}

/// The bars of the rounds chart in `html`: one row per round in its data table.
fn bars(html: &str) -> Vec<String> {
    let figure = between(html, r#"id="chart-rounds""#, "</figure>");
    let table = between(figure, "<tbody>", "</tbody>");
    table
        .split(r#"<tr><th scope="row">"#)
        .skip(1)
        .map(|r| r[..r.find('<').unwrap()].to_string())
        .collect()
}

#[test]
fn round_pages_chart_the_last_twelve_rounds_and_link_to_every_round() {
    let site = Site::minimal();
    // Fifteen weekly rounds before the fixture's Paris round: sixteen in all.
    for w in 1..=15 {
        site.write(
            &format!("content/rounds/w{w:02}.yaml"),
            format!(
                "title: Week {w}\nstart: 2025-09-{:02}\nend: 2025-09-{:02}\n",
                w + 1,
                w + 2
            ),
        );
    }
    built(&site);
    let weeks = |from: usize, to: usize| -> Vec<String> {
        (from..=to).map(|w| format!("Week {w}")).collect()
    };
    let mut last_twelve = weeks(5, 15);
    last_twelve.push("Paris round".into());
    for (page, root) in [("rounds/paris-round.html", "../"), ("index.html", "")] {
        let html = site.page(page);
        assert_eq!(bars(&html), last_twelve, "{page}");
        let link = format!(r#"<a href="{root}rounds-chart.html">Every round on one chart</a>"#);
        assert!(html.contains(&link), "{page}");
    }
    // A round with no more than twelve before it draws them all, with no link.
    let w12 = site.page("rounds/w12.html");
    assert_eq!(bars(&w12), weeks(1, 12));
    assert!(!w12.contains("rounds-chart.html"));
    assert_eq!(bars(&site.page("rounds/w14.html")), weeks(3, 14));
    // The full chart: every round up to the lead one.
    let mut all = weeks(1, 15);
    all.push("Paris round".into());
    assert_eq!(bars(&site.page("rounds-chart.html")), all);
}
