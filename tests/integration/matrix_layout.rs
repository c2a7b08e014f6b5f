//! site.yaml `matrix_layout`: which way round the commitment matrix is drawn, and the
//! auto-height embeds' scripts.

use crate::common::Site;

fn build(site: &Site) {
    let mut opts = briefing::BuildOptions::new(site.output());
    opts.force = true;
    briefing::build(site.root(), &opts).unwrap_or_else(|e| panic!("{e}"));
}

fn with_layout(fixture: &str, layout: Option<&str>) -> Site {
    let site = Site::fixture(fixture);
    let yaml = std::fs::read_to_string(site.root().join("content/site.yaml")).unwrap();
    let yaml: String = yaml
        .lines()
        .filter(|l| !l.starts_with("matrix_layout:"))
        .map(|l| format!("{l}\n"))
        .collect();
    let extra = layout.map_or(String::new(), |l| format!("matrix_layout: {l}\n"));
    site.write("content/site.yaml", format!("{yaml}{extra}"));
    site
}

/// The header row of the matrix page: its column headings' texts.
fn header(page: &str) -> Vec<String> {
    let head = &page[page.find("<thead>").unwrap()..page.find("</thead>").unwrap()];
    head.split("<th scope=\"col\">")
        .skip(1)
        .map(|th| {
            let mut text = String::new();
            let mut in_tag = false;
            for ch in th[..th.find("</th>").unwrap()].chars() {
                match ch {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            text
        })
        .collect()
}

#[test]
fn auto_draws_actors_as_rows_when_they_outnumber_components() {
    // 9 actors, 3 components.
    let site = with_layout("wide-matrix", None);
    build(&site);
    for page in ["matrix.html", "embed/matrix.html"] {
        let html = site.page(page);
        assert!(
            html.contains("class=\"matrix matrix-actors-as-rows\""),
            "{page}"
        );
        assert_eq!(
            header(&html),
            [
                "Actor",
                "Enrichment limits",
                "Joint commission",
                "Sanctions relief",
                "Totals"
            ],
            "{page}"
        );
    }
    // The setting turns it round.
    let site = with_layout("wide-matrix", Some("components-as-rows"));
    build(&site);
    let html = site.page("matrix.html");
    assert!(html.contains("class=\"matrix matrix-components-as-rows\""));
    assert_eq!(header(&html).len(), 1 + 9 + 1);
    assert_eq!(header(&html)[0], "Component");
}

#[test]
fn auto_keeps_components_as_rows_otherwise_and_the_setting_overrides_it() {
    // The analysis fixture: 2 components, 3 actors.
    let site = with_layout("analysis", Some("auto"));
    build(&site);
    assert!(
        site.page("matrix.html")
            .contains("class=\"matrix matrix-actors-as-rows\"")
    );
    let site = with_layout("analysis", Some("components-as-rows"));
    build(&site);
    for page in ["matrix.html", "rounds/r1/matrix.html", "embed/matrix.html"] {
        let html = site.page(page);
        assert!(html.contains("matrix-components-as-rows"), "{page}");
        assert_eq!(
            header(&html),
            ["Component", "Aland", "Borduria", "Carpathia", "Totals"]
        );
    }
    let site = with_layout("minimal", Some("actors-as-rows"));
    build(&site);
    assert!(site.page("matrix.html").contains("matrix-actors-as-rows"));
    let site = with_layout("minimal", None);
    build(&site);
    assert!(
        site.page("matrix.html")
            .contains("matrix-components-as-rows")
    );
}

#[test]
fn a_bad_matrix_layout_names_file_line_column_and_the_allowed_words() {
    let site = with_layout("minimal", Some("actor-as-rows"));
    let diags = briefing::check(site.root());
    let text = diags.to_string();
    assert!(diags.has_errors(), "{text}");
    let line = std::fs::read_to_string(site.root().join("content/site.yaml"))
        .unwrap()
        .lines()
        .count();
    assert!(
        text.contains(&format!("content/site.yaml:{line}:16")),
        "{text}"
    );
    assert!(
        text.contains("`actor-as-rows` is not a valid `matrix_layout`"),
        "{text}"
    );
    assert!(text.contains("did you mean `actors-as-rows`?"), "{text}");
    assert!(text.contains("components-as-rows"), "{text}");
}

#[test]
fn embeds_load_their_size_script_and_the_output_ships_the_host_script() {
    let site = Site::minimal();
    build(&site);
    for page in [
        "embed/matrix.html",
        "embed/changes.html",
        "embed/timeline.html",
    ] {
        let html = site.page(page);
        assert!(
            html.contains("<script src=\"../embed/size.js\" defer></script>"),
            "{page}"
        );
        assert!(!html.contains("<script>"), "{page} has an inline script");
    }
    assert!(site.page("embed/size.js").contains("postMessage"));
    let host = site.page("embed/host.js");
    assert!(host.contains("event.source") && host.contains("data-briefing-embed"));
}
