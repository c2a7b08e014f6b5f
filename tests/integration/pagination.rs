//! Paginated list pages: page count, links between pages, every item exactly once.

use crate::build::assert_links_resolve;
use crate::common::Site;

/// The minimal site with `extra` more statements and lists of `size` items a page.
fn site_with(extra: usize, size: &str) -> Site {
    let site = Site::minimal();
    let yaml = std::fs::read_to_string(site.root().join("content/site.yaml")).unwrap();
    site.write("content/site.yaml", format!("{yaml}paginate: {size}\n"));
    for i in 0..extra {
        site.write(
            &format!("content/statements/extra-{i:02}.md"),
            format!(
                "---\nspeaker: rustem-umerov\ndate: 2026-01-0{}\n---\nStatement {i}.\n",
                1 + i % 3
            ),
        );
    }
    site
}

fn statement_ids(site: &Site) -> Vec<String> {
    std::fs::read_dir(site.root().join("content/statements"))
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            p.file_stem().unwrap().to_string_lossy().into_owned()
        })
        .collect()
}

#[test]
fn long_lists_split_into_linked_pages_listing_every_item_once() {
    let site = site_with(23, "10");
    briefing::build(site.root(), &briefing::BuildOptions::new(site.output()))
        .unwrap_or_else(|e| panic!("{e}"));
    let out = site.output();
    let pages: Vec<String> = ["index.html", "page-2.html", "page-3.html"]
        .iter()
        .map(|f| site.page(&format!("statements/{f}")))
        .collect();
    assert!(!out.join("statements/page-4.html").exists());
    assert!(!out.join("statements/page-1.html").exists());
    assert!(pages[0].contains("25 in all; 1 to 10 on this page"));
    assert!(pages[2].contains("21 to 25 on this page"));
    assert!(pages[0].contains(r#"<a rel="next" href="page-2.html">"#));
    assert!(pages[1].contains(r#"<a rel="prev" href="index.html">"#));
    assert!(pages[1].contains(r#"<a rel="next" href="page-3.html">"#));
    assert!(pages[2].contains(r#"<a rel="prev" href="page-2.html">"#));
    assert!(pages[2].contains(r#"<strong aria-current="page">3</strong>"#));
    assert!(pages[1].contains("<title>Statements, page 2 of 3"));
    let ids = statement_ids(&site);
    assert_eq!(ids.len(), 25);
    let search = crate::common::search_text(&site);
    for id in &ids {
        let row = format!(r#"<th scope="row"><a href="../statements/{id}.html">"#);
        let n: usize = pages.iter().map(|p| p.matches(&row).count()).sum();
        assert_eq!(n, 1, "{id} is listed {n} times across the pages");
        assert!(search.contains(id.as_str()), "search misses {id}");
    }
    // Short lists keep a single page and no page links.
    assert!(!site.page("meetings/index.html").contains("class=\"pager\""));
    assert!(!out.join("meetings/page-2.html").exists());
    assert_links_resolve(&out);
}

#[test]
fn pagination_defaults_to_a_hundred() {
    let site = site_with(0, "100");
    let yaml = std::fs::read_to_string(site.root().join("content/site.yaml")).unwrap();
    site.write("content/site.yaml", yaml.replace("paginate: 100\n", ""));
    let report = briefing::Site::load(site.root()).unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(report.model.site.paginate, 100);
}

#[test]
fn paginate_must_be_a_positive_number() {
    for bad in ["0", "-3"] {
        let site = site_with(0, bad);
        let diags = briefing::check(site.root());
        let text = diags.to_string();
        assert!(diags.has_errors(), "paginate: {bad} accepted");
        assert!(
            text.contains("`paginate` must be a positive number"),
            "{text}"
        );
        assert!(text.contains("site.yaml:"), "{text}");
    }
    let site = site_with(0, "ten");
    assert!(briefing::check(site.root()).has_errors());
}
