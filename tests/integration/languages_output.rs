//! The output of a site of several languages: the default language at the root, each
//! other under its code, every page linking to its other versions.

use crate::build::assert_links_resolve;
use crate::common::{Site, snapshot_dir};
use briefing::model::Tlp;
use std::collections::BTreeMap;
use std::path::Path;

fn build_into(root: &Path, out: &Path, audience: Option<Tlp>) -> briefing::BuildReport {
    let mut opts = briefing::BuildOptions::new(out);
    opts.audience = audience;
    briefing::build(root, &opts).unwrap_or_else(|e| panic!("{e}"))
}

/// The bilingual fixture built (en, uk), its files by path.
fn bilingual_output() -> (Site, BTreeMap<String, Vec<u8>>) {
    let site = Site::fixture("bilingual");
    let report = build_into(site.root(), &site.output(), None);
    let files = snapshot_dir(&site.output());
    // The stager's own files (the manifest) are not outputs.
    let outputs = files.keys().filter(|p| !p.starts_with('.')).count();
    assert_eq!(report.files, outputs);
    (site, files)
}

fn text(files: &BTreeMap<String, Vec<u8>>, path: &str) -> String {
    String::from_utf8(
        files
            .get(path)
            .unwrap_or_else(|| panic!("no {path}"))
            .clone(),
    )
    .unwrap()
}

#[test]
fn every_language_has_its_tree_and_the_json_is_at_the_top() {
    let (_site, files) = bilingual_output();
    for path in [
        "uk/index.html",
        "uk/search.html",
        "uk/search.js",
        "uk/search/manifest.js",
        "uk/feed.xml",
        "uk/style.css",
        "uk/rounds/paris-round.html",
        "uk/meetings/paris-summit.html",
        "uk/data/statements.csv",
        "uk/timeline.json",
        "data/briefing.json",
        "index.html",
    ] {
        assert!(files.contains_key(path), "no {path}");
    }
    assert!(!files.contains_key("uk/data/briefing.json"));
    // The same files in both trees, but for the one made once.
    let root: Vec<&str> = files
        .keys()
        .filter(|p| !p.starts_with("uk/") && !p.starts_with('.'))
        .map(String::as_str)
        .filter(|p| *p != "data/briefing.json")
        .collect();
    let uk: Vec<&str> = files.keys().filter_map(|p| p.strip_prefix("uk/")).collect();
    assert_eq!(root, uk);
    // Each page says its language; the Ukrainian ones speak Ukrainian.
    for (path, bytes) in &files {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8_lossy(bytes);
        let lang = if path.starts_with("uk/") { "uk" } else { "en" };
        assert!(
            html.contains(&format!("<html lang=\"{lang}\">")),
            "{path} is not lang={lang}"
        );
    }
    assert!(text(&files, "uk/index.html").contains("Станом на"));
    assert!(text(&files, "index.html").contains("As of"));
    assert!(text(&files, "uk/feed.xml").contains("xml:lang=\"uk\""));
    assert!(text(&files, "feed.xml").contains("xml:lang=\"en\""));
}

#[test]
fn every_page_links_to_its_other_versions_from_file() {
    let (site, files) = bilingual_output();
    // Every link, the switcher's and the hreflang ones included, resolves from file://.
    assert_links_resolve(&site.output());
    for (path, bytes) in &files {
        if !path.ends_with(".html") || path.contains("embed/") {
            continue;
        }
        let html = String::from_utf8_lossy(bytes);
        for needle in [
            "class=\"language-switcher\"",
            "hreflang=\"en\"",
            "hreflang=\"uk\"",
            "hreflang=\"x-default\"",
        ] {
            assert!(html.contains(needle), "{path} has no {needle}");
        }
    }
    let uk = text(&files, "uk/meetings/paris-summit.html");
    assert!(uk.contains(
        "<a href=\"../../meetings/paris-summit.html\" hreflang=\"en\" lang=\"en\">English</a>"
    ));
    assert!(uk.contains(
        "<a href=\"../meetings/paris-summit.html\" hreflang=\"uk\" lang=\"uk\" aria-current=\"true\">Українська</a>"
    ));
    assert!(uk.contains(
        "<link rel=\"alternate\" hreflang=\"x-default\" href=\"../../meetings/paris-summit.html\">"
    ));
    let en = text(&files, "index.html");
    assert!(en.contains("<a href=\"uk/index.html\" hreflang=\"uk\" lang=\"uk\">Українська</a>"));
}

#[test]
fn with_a_base_url_hreflang_links_are_absolute_and_one_sitemap_lists_every_language() {
    let site = Site::fixture("bilingual");
    let yaml = std::fs::read_to_string(site.root().join("content/site.yaml")).unwrap();
    site.write(
        "content/site.yaml",
        format!("{yaml}base_url: https://example.org/brief/\n"),
    );
    build_into(site.root(), &site.output(), None);
    let uk = site.page("uk/index.html");
    assert!(uk.contains(
        "<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/brief/index.html\">"
    ));
    assert!(uk.contains(
        "<link rel=\"alternate\" hreflang=\"uk\" href=\"https://example.org/brief/uk/index.html\">"
    ));
    // The switcher stays relative: it works from file:// too.
    assert!(uk.contains("<a href=\"../index.html\" hreflang=\"en\""));
    let sitemap = site.page("sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.org/brief/index.html</loc>"));
    assert!(sitemap.contains("<loc>https://example.org/brief/uk/index.html</loc>"));
    assert!(!site.output().join("uk/sitemap.xml").exists());
    // The Ukrainian feed is its own and links to the Ukrainian pages.
    let feed = site.page("uk/feed.xml");
    assert!(feed.contains("<id>https://example.org/brief/uk/feed.xml</id>"));
    assert!(feed.contains("https://example.org/brief/uk/meetings/"));
    assert!(!feed.contains("https://example.org/brief/meetings/"));
}

#[test]
fn two_builds_of_several_languages_are_identical() {
    let site = Site::fixture("bilingual");
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    build_into(site.root(), a.path(), None);
    build_into(site.root(), b.path(), None);
    let (a, b) = (snapshot_dir(a.path()), snapshot_dir(b.path()));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, bytes) in &a {
        assert!(*bytes == b[path], "{path} differs");
    }
}

#[test]
fn a_site_of_one_language_has_no_language_folders_or_links() {
    let site = Site::minimal();
    build_into(site.root(), &site.output(), None);
    for (path, bytes) in snapshot_dir(&site.output()) {
        assert!(!path.starts_with("en/"), "{path}");
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("hreflang"), "{path}");
        assert!(!text.contains("class=\"language-switcher\""), "{path}");
    }
}

#[test]
fn a_withheld_item_leaves_no_trace_in_any_language() {
    let site = Site::fixture("bilingual");
    for audience in [Tlp::Clear, Tlp::Green] {
        let out = tempfile::tempdir().unwrap();
        build_into(site.root(), out.path(), Some(audience));
        let files = snapshot_dir(out.path());
        assert!(files.keys().any(|p| p.starts_with("uk/meetings/")));
        let mut found = Vec::new();
        for (path, bytes) in &files {
            let text = String::from_utf8_lossy(bytes);
            for word in ["cnry", "secret", "Таємні", "Посланець", "TLP:AMBER"] {
                // The stylesheet and the page explaining the markings name them all.
                let legend = path.ends_with("style.css") || path.ends_with("markings.html");
                if text.contains(word) && !(legend && word == "TLP:AMBER") {
                    found.push(format!("{path}: {word}"));
                }
            }
        }
        assert!(found.is_empty(), "{audience:?}: {found:#?}");
    }
    // The AMBER build has the item in both languages: the words above are the ones to find.
    let out = tempfile::tempdir().unwrap();
    build_into(site.root(), out.path(), Some(Tlp::Amber));
    assert!(out.path().join("uk/meetings/secret-talks.html").is_file());
    let page = std::fs::read_to_string(out.path().join("uk/meetings/secret-talks.html")).unwrap();
    assert!(page.contains("TLP:AMBER"));
}

#[test]
fn an_edit_rebuilds_every_language() {
    use briefing::incremental::{Incremental, full};
    let site = Site::fixture("bilingual");
    let mut inc = Incremental::new(site.root(), None);
    inc.rebuild().unwrap();
    // A description added to an actor with no translation: its words, in both trees.
    let rel = "content/actors/ukraine.yaml";
    site.write(
        rel,
        "name: Ukraine\nkind: state\ndescription: A state cnry-described.\n",
    );
    let r = inc.rebuild_after(&[rel.into()]).unwrap();
    assert!(
        r.changed.iter().any(|p| p == "uk/actors/ukraine.html"),
        "{:?}",
        r.changed
    );
    let files = inc.files();
    for path in ["actors/ukraine.html", "uk/actors/ukraine.html"] {
        assert!(
            String::from_utf8_lossy(&files[path]).contains("cnry-described"),
            "{path}"
        );
    }
    let (whole, _) = full(site.root(), None).unwrap();
    assert_eq!(inc.outputs(), whole);
}

#[test]
fn a_declared_language_without_an_interface_catalog_is_an_error() {
    let site = Site::minimal();
    let yaml = std::fs::read_to_string(site.root().join("content/site.yaml")).unwrap();
    let yaml: String = yaml
        .lines()
        .filter(|l| !l.starts_with("language:") && !l.starts_with("languages:"))
        .map(|l| format!("{l}\n"))
        .collect();
    site.write("content/site.yaml", format!("{yaml}languages: [en, de]\n"));
    let err = briefing::build(site.root(), &briefing::BuildOptions::new(site.output()));
    let Err(briefing::BuildError::Content(ds)) = err else {
        panic!("{err:?}")
    };
    assert!(
        ds.iter()
            .any(|d| d.message == "no interface catalog for language `de`"),
        "{ds}"
    );
    // With the site's own catalog, the German pages are made.
    site.write("i18n/de.yaml", "languages:\n  name: Deutsch\n");
    build_into(site.root(), &site.output(), None);
    assert!(site.page("de/index.html").contains("<html lang=\"de\">"));
    assert!(site.page("index.html").contains(">Deutsch</a>"));
}

#[test]
fn each_language_s_feed_has_the_site_s_words_in_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap();
    build_into(root, out.path(), None);
    let feed = |p: &str| std::fs::read_to_string(out.path().join(p)).unwrap();
    assert!(feed("uk/feed.xml").contains("<title>Гарантії безпеки для України</title>"));
    assert!(feed("feed.xml").contains("<title>Security guarantees for Ukraine</title>"));
}
