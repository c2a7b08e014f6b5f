//! The analysis views that grow with the site (timeline, declarations, sourcing) split
//! into pages of at most site.yaml's `view_page_entries` entries: their layout, the
//! links between their pages, and the totals their indexes keep.

use crate::common::{Site, mark_beta_implemented_amber};
use std::collections::BTreeSet;
use std::path::Path;

/// The analysis fixture, with pages of `entries` entries, built.
fn built(entries: usize) -> Site {
    built_with(entries, &[])
}

/// The analysis fixture with `extra` files (path, text), with pages of `entries`
/// entries, built.
fn built_with(entries: usize, extra: &[(String, String)]) -> Site {
    let site = Site::fixture("analysis");
    for (path, text) in extra {
        site.write(path, text);
    }
    let yaml = std::fs::read_to_string(site.root().join("content/site.yaml")).unwrap();
    site.write(
        "content/site.yaml",
        format!("{yaml}view_page_entries: {entries}\n"),
    );
    briefing::build(site.root(), &briefing::BuildOptions::new(site.output()))
        .unwrap_or_else(|e| panic!("{e}"));
    site
}

/// Every file of the output, relative to it, with `/`.
fn files(out: &Path) -> BTreeSet<String> {
    walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(out).unwrap();
            rel.components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/")
        })
        .collect()
}

fn under(files: &BTreeSet<String>, dir: &str) -> Vec<String> {
    files
        .iter()
        .filter(|f| f.starts_with(dir))
        .cloned()
        .collect()
}

/// The text of every page in the output folder `dir`, in path order.
fn text_under(site: &Site, files: &BTreeSet<String>, dir: &str) -> String {
    under(files, dir).iter().map(|f| site.page(f)).collect()
}

/// The number before `label` in `text` (`12 statements made`).
fn number_before(text: &str, label: &str) -> usize {
    let at = text
        .find(label)
        .unwrap_or_else(|| panic!("no {label:?} in {text}"));
    let digits: String = text[..at]
        .trim_end()
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.chars().rev().collect::<String>().parse().unwrap()
}

#[test]
fn each_view_splits_into_pages_of_its_sections() {
    let site = built(3);
    let files = files(&site.output());
    let names = |dir| under(&files, dir);
    // A month a page, continued where it holds more than 3 entries.
    assert_eq!(
        names("timeline/"),
        [
            "timeline/2026-01-2.html",
            "timeline/2026-01.html",
            "timeline/2026-02.html",
            "timeline/2026-03-2.html",
            "timeline/2026-03.html",
        ]
    );
    assert_eq!(
        names("declarations/"),
        [
            "declarations/actors-2.html",
            "declarations/actors-3.html",
            "declarations/actors-4.html",
            "declarations/actors.html",
            "declarations/components-2.html",
            "declarations/components-3.html",
            "declarations/components-4.html",
            "declarations/components.html",
            "declarations/exchanges.html",
        ]
    );
    // The register, then each group of the report, every group listed.
    assert_eq!(
        names("sourcing/"),
        [
            "sourcing/anonymous-only.html",
            "sourcing/no-source-2.html",
            "sourcing/no-source-3.html",
            "sourcing/no-source-4.html",
            "sourcing/no-source.html",
            "sourcing/pasted-citation.html",
            "sourcing/register-2.html",
            "sourcing/register-3.html",
            "sourcing/register.html",
            "sourcing/single-source.html",
            "sourcing/ungraded-citation.html",
        ]
    );
    // A month's pages link to each other, to the months around it and to the index.
    let march = site.page("timeline/2026-03.html");
    assert!(
        march.contains(r#"<a rel="next" href="2026-03-2.html">Next</a>"#),
        "{march}"
    );
    assert!(
        march.contains(r#"<a rel="prev" href="../timeline/2026-02.html">← February 2026</a>"#),
        "{march}"
    );
    assert!(
        march.contains(r#"<a href="../timeline.html">Timeline: all pages</a>"#),
        "{march}"
    );
    assert!(
        site.page("timeline/2026-03-2.html")
            .contains(r#"<a rel="prev" href="2026-03.html">Previous</a>"#)
    );
    // An actor with more entries than a page holds is continued on the next one.
    let actors = text_under(&site, &files, "declarations/actors");
    assert!(
        actors.contains(r#"<span class="note">(continued)</span>"#),
        "{actors}"
    );
    // The index names the latest month up to the as-of date (4 March 2026).
    let index = site.page("timeline.html");
    assert!(
        index.contains(r#"<a href="timeline/2026-03.html">Latest: March 2026</a>"#),
        "{index}"
    );
}

/// Every link of every page leads to a file of the output (from file://, with no
/// server to find an index.html).
#[test]
fn every_link_resolves_to_a_file() {
    let site = built(3);
    let out = site.output();
    let files = files(&out);
    let mut broken = Vec::new();
    for page in files.iter().filter(|f| f.ends_with(".html")) {
        let html = site.page(page);
        for attr in ["href=\"", "src=\""] {
            for rest in html.split(attr).skip(1) {
                let link = &rest[..rest.find('"').unwrap()];
                if link.is_empty()
                    || link.starts_with('#')
                    || link.contains(':')
                    || link.starts_with("//")
                {
                    continue;
                }
                let path = link.split(['#', '?']).next().unwrap();
                let mut parts: Vec<&str> = page.split('/').collect();
                parts.pop();
                for p in path.split('/') {
                    match p {
                        ".." => {
                            parts.pop();
                        }
                        "." => {}
                        p => parts.push(p),
                    }
                }
                let target = parts.join("/");
                if !files.contains(&target) {
                    broken.push(format!("{page}: {link}"));
                }
            }
        }
    }
    assert!(broken.is_empty(), "{broken:#?}");
}

/// The indexes keep the views' totals, whatever the split: the same as with every
/// section on one page, and what the pages list.
#[test]
fn indexes_keep_the_totals_the_pages_list() {
    // Aland says more than a page holds, about alpha: its rows go on over pages.
    let said: Vec<(String, String)> = (1..=5)
        .map(|i| {
            (
                format!("content/statements/more-{i}.md"),
                format!("---\nspeaker: a\ndate: 2026-02-0{i}\nabout: [alpha]\n---\nMore {i}.\n"),
            )
        })
        .collect();
    let small = built_with(3, &said);
    let whole = built_with(1000, &said);
    let totals = |site: &Site, page: &str| -> Vec<String> {
        site.page(page)
            .split("<p class=\"totals\">")
            .skip(1)
            .map(|t| t[..t.find("</p>").unwrap()].to_string())
            .collect()
    };
    for page in ["declarations.html", "sourcing.html"] {
        let t = totals(&small, page);
        assert!(!t.is_empty(), "{page}");
        assert_eq!(t, totals(&whole, page), "{page}");
    }
    let files = files(&small.output());
    // The timeline: the months' counts add up to the entries of their pages.
    let index = small.page("timeline.html");
    let rows: usize = index
        .split("<tr id=\"month-")
        .skip(1)
        .map(|row| {
            ["Meetings", "Statements", "Status steps"]
                .iter()
                .map(|c| {
                    let cell = format!("<td data-label=\"{c}\">");
                    let from = row.find(&cell).unwrap() + cell.len();
                    row[from..from + row[from..].find('<').unwrap()]
                        .parse::<usize>()
                        .unwrap()
                })
                .sum::<usize>()
        })
        .sum();
    let pages = text_under(&small, &files, "timeline/");
    let listed = pages.matches("<li class=\"timeline-entry ").count()
        + pages.matches("<li class=\"timeline-step\">").count();
    assert!(rows > 0);
    assert_eq!(rows, listed);
    // The sourcing report: each group's count on the index is what its pages list, and
    // what `briefing check` warns of.
    let sourcing = small.page("sourcing.html");
    for code in [
        "no-source",
        "anonymous-only",
        "single-source",
        "ungraded-citation",
    ] {
        let row = &sourcing[sourcing.find(&format!("id=\"finding-{code}\"")).unwrap()..];
        let count = number_before(row, "</span></td>");
        let listed: usize = text_under(&small, &files, &format!("sourcing/{code}"))
            .split("<ul class=\"findings\">")
            .skip(1)
            .map(|list| list[..list.find("</ul>").unwrap()].matches("<li>").count())
            .sum();
        assert_eq!(count, listed, "{code}");
    }
    assert!(
        number_before(
            &sourcing[sourcing.find("id=\"finding-no-source\"").unwrap()..],
            "</span></td>"
        ) > 3
    );
    // The declarations: the statements the index counts are those the pages list.
    let index = small.page("declarations.html");
    let said = number_before(&index, "statements made");
    let components = number_before(&index, "statements about them");
    let actors = text_under(&small, &files, "declarations/actors");
    let on_components = text_under(&small, &files, "declarations/components");
    let statements = |html: &str, label: &str| -> usize {
        html.split(&format!("<td data-label=\"{label}\">"))
            .skip(1)
            .map(|cell| {
                let cell = cell
                    .split("<p class=\"small\">By its people:")
                    .next()
                    .unwrap();
                let cell = cell.split("<ul class=\"claim-verdicts\">").next().unwrap();
                cell[..cell.find("</td>").unwrap()]
                    .matches("href=\"../statements/")
                    .count()
            })
            .sum()
    };
    assert_eq!(said, statements(&actors, "Statements made"));
    assert_eq!(
        components,
        statements(&on_components, "Statements about it")
    );
}

/// Nothing withheld reaches a split view's page or index, nor its counts.
#[test]
fn a_withheld_contribution_leaves_no_trace_in_the_split_views() {
    let site = Site::fixture("analysis");
    mark_beta_implemented_amber(&site);
    let yaml = std::fs::read_to_string(site.root().join("content/site.yaml")).unwrap();
    site.write("content/site.yaml", format!("{yaml}view_page_entries: 2\n"));
    let build = |audience| {
        let mut opts = briefing::BuildOptions::new(site.output());
        opts.force = true;
        opts.audience = Some(audience);
        briefing::build(site.root(), &opts).unwrap_or_else(|e| panic!("{e}"));
        let files = files(&site.output());
        let mut views = String::new();
        for page in [
            "timeline.html",
            "declarations.html",
            "sourcing.html",
            "embed/timeline.html",
        ] {
            views.push_str(&site.page(page));
        }
        for dir in ["timeline/", "declarations/", "sourcing/"] {
            views.push_str(&text_under(&site, &files, dir));
        }
        views
    };
    let amber = build(briefing::model::Tlp::Amber);
    assert!(amber.contains("Beta by Carpathia"));
    assert!(amber.contains("TLP:AMBER"));
    let clear = build(briefing::model::Tlp::Clear);
    assert!(!clear.contains("Beta by Carpathia"), "{clear}");
    assert!(!clear.contains("TLP:AMBER"), "{clear}");
    let contributions = |html: &str| number_before(html, "contributions.</p>");
    let (a, c) = (
        amber.find("By guarantee component").unwrap(),
        clear.find("By guarantee component").unwrap(),
    );
    assert_eq!(contributions(&amber[a..]), contributions(&clear[c..]) + 1);
}

/// The claims, newest first, go on from `claims.html` to `claims-2.html`, ... beside
/// it, each page with the count of every verdict.
#[test]
fn claims_continue_on_pages_beside_the_first() {
    let site = Site::fixture("plan");
    let yaml = std::fs::read_to_string(site.root().join("content/site.yaml")).unwrap();
    // A claim counts for 4 entries: two a page.
    site.write("content/site.yaml", format!("{yaml}view_page_entries: 8\n"));
    briefing::build(site.root(), &briefing::BuildOptions::new(site.output()))
        .unwrap_or_else(|e| panic!("{e}"));
    let files = files(&site.output());
    let pages: Vec<&String> = files
        .iter()
        .filter(|f| f.starts_with("claims") && f.ends_with(".html"))
        .collect();
    assert_eq!(
        pages,
        [
            "claims-2.html",
            "claims-3.html",
            "claims-4.html",
            "claims-5.html",
            "claims.html"
        ]
    );
    let first = site.page("claims.html");
    let totals = &first[first.find("<p class=\"totals\">").unwrap()..];
    // The counts of every verdict, before the claims this page shows.
    let totals = &totals[..totals.find(" Claims 1 to 2 on this page.").unwrap()];
    assert!(
        totals.starts_with("<p class=\"totals\">9 claims checked:"),
        "{totals}"
    );
    assert!(first.contains(r#"<a rel="next" href="claims-2.html">Next</a>"#));
    let mut listed = 0;
    for page in &pages {
        let html = site.page(page);
        // Every page keeps the totals.
        assert!(html.contains(totals), "{page}");
        listed += html.matches("<div class=\"claim claim-").count();
    }
    assert_eq!(listed, 9);
}
