//! Building: cross-links, links that resolve from file://, determinism, failure safety.

use crate::common::{Site, snapshot_dir};
use std::path::Path;

fn build(site: &Site) -> briefing::BuildReport {
    briefing::build(site.root(), &briefing::BuildOptions::new(site.output()))
        .unwrap_or_else(|e| panic!("{e}"))
}

/// Every `href="..."` and `src="..."` value in an HTML page.
fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=\"", "src=\""] {
        let mut rest = html;
        while let Some(i) = rest.find(attr) {
            rest = &rest[i + attr.len()..];
            let end = rest.find('"').unwrap();
            out.push(rest[..end].replace("&amp;", "&"));
            rest = &rest[end..];
        }
    }
    out
}

/// Asserts every internal link of every page under `out` points at an existing file.
pub(crate) fn assert_links_resolve(out: &Path) {
    let mut checked = 0;
    for (rel, bytes) in snapshot_dir(out) {
        if !rel.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        let page_dir = out.join(&rel).parent().unwrap().to_path_buf();
        for link in links(&html) {
            if link.starts_with("http://")
                || link.starts_with("https://")
                || link.starts_with("mailto:")
                || link.starts_with("data:")
            {
                continue;
            }
            assert!(
                !link.starts_with('/'),
                "{rel}: absolute link {link} breaks file:// and sub-paths"
            );
            let (path, anchor) = link.split_once('#').unwrap_or((&link, ""));
            let target = if path.is_empty() {
                out.join(&rel)
            } else {
                page_dir.join(path)
            };
            assert!(target.is_file(), "{rel}: link {link} points at nothing");
            if !anchor.is_empty() {
                let text = std::fs::read_to_string(&target).unwrap();
                assert!(
                    text.contains(&format!("id=\"{anchor}\"")),
                    "{rel}: anchor #{anchor} missing in {path}"
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} links checked");
}

#[test]
fn example_briefing_builds_and_every_link_resolves() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap();
    let report = briefing::build(root, &briefing::BuildOptions::new(out.path()))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(report.files > 30);
    assert!(report.warnings.is_empty(), "{}", report.warnings);
    assert_links_resolve(out.path());
    let index = std::fs::read_to_string(out.path().join("index.html")).unwrap();
    assert!(
        index.contains("90%"),
        "the front page shows Umerov's statement"
    );
}

#[test]
fn fixture_links_resolve() {
    let site = Site::minimal();
    build(&site);
    assert_links_resolve(&site.output());
}

#[test]
fn pages_are_cross_linked_both_ways() {
    let site = Site::minimal();
    build(&site);
    let meeting = site.page("meetings/kyiv-meeting.html");
    assert!(
        meeting.contains("../actors/rustem-umerov.html"),
        "meeting -> participant"
    );
    assert!(
        meeting.contains("../statements/umerov-90.html"),
        "meeting -> statement made at it"
    );
    assert!(
        meeting.contains("../rounds/paris-round.html"),
        "meeting -> round"
    );
    assert!(
        meeting.contains("href=\"../meetings/paris-summit.html\""),
        "@ link in the body"
    );
    let actor = site.page("actors/rustem-umerov.html");
    assert!(
        actor.contains("../meetings/kyiv-meeting.html"),
        "actor -> meeting attended"
    );
    assert!(
        actor.contains("../statements/umerov-90.html"),
        "actor -> statement made"
    );
    assert!(actor.contains("../actors/ukraine.html"), "actor -> country");
    let france = site.page("actors/france.html");
    assert!(
        france.contains("../guarantees/financial.html#contribution-1"),
        "actor -> commitment"
    );
    assert!(
        france.contains("../meetings/paris-summit.html"),
        "convener -> meeting"
    );
    let guarantee = site.page("guarantees/financial.html");
    assert!(guarantee.contains("id=\"contribution-1\""));
    assert!(
        guarantee.contains("../actors/france.html"),
        "guarantee -> contributor"
    );
    assert!(
        guarantee.contains("../statements/umerov-90.html"),
        "guarantee -> statement about it"
    );
    assert!(
        guarantee.contains("subject to parliamentary approval"),
        "conditions shown"
    );
    let source = site.page("sources/reuters.html");
    for citer in [
        "../meetings/kyiv-meeting.html",
        "../statements/umerov-90.html",
        "../guarantees/financial.html",
    ] {
        assert!(source.contains(citer), "source -> {citer}");
    }
    let round = site.page("rounds/paris-round.html");
    assert!(
        round.contains("../meetings/paris-summit.html")
            && round.contains("../meetings/kyiv-meeting.html")
    );
}

#[test]
fn pages_show_sourcing_and_marking() {
    let site = Site::minimal();
    build(&site);
    let meeting = site.page("meetings/kyiv-meeting.html");
    assert!(
        meeting.contains("Reuters (B2)"),
        "source with reliability and credibility"
    );
    assert!(
        meeting.matches("TLP:CLEAR").count() >= 2,
        "marking at top and bottom"
    );
    let anon = site.page("statements/anonymous.html");
    assert!(anon.matches("TLP:GREEN").count() >= 2);
    assert!(anon.contains("unnamed officials"));
    assert!(
        anon.to_lowercase().contains("off the record")
            || anon.to_lowercase().contains("off-record")
    );
    assert!(anon.contains("No sources cited"));
    // A list that shows a GREEN item is marked GREEN.
    assert!(site.page("statements/index.html").contains("TLP:GREEN"));
}

#[test]
fn two_builds_are_byte_identical() {
    let site = Site::minimal();
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    briefing::build(site.root(), &briefing::BuildOptions::new(a.path())).unwrap();
    briefing::build(site.root(), &briefing::BuildOptions::new(b.path())).unwrap();
    let (sa, sb) = (snapshot_dir(a.path()), snapshot_dir(b.path()));
    assert_eq!(sa.keys().collect::<Vec<_>>(), sb.keys().collect::<Vec<_>>());
    for (k, v) in &sa {
        assert!(v == &sb[k], "{k} differs between builds");
    }
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let site = Site::minimal();
    build(&site);
    let before = snapshot_dir(&site.output());
    site.write(
        "content/meetings/paris-summit.md",
        "---\ntitle: Paris\ndate: 2026-01-06\nround: nowhere\n---\n",
    );
    assert!(matches!(
        briefing::build(site.root(), &briefing::BuildOptions::new(site.output())),
        Err(briefing::BuildError::Content(_))
    ));
    site.write(
        "templates/meeting.html",
        "{% extends \"base.html\" %}{% block main %}{{ item.nope }}{% endblock main %}",
    );
    site.remove("content/meetings/paris-summit.md");
    assert!(
        briefing::build(site.root(), &briefing::BuildOptions::new(site.output())).is_err(),
        "template error fails the build"
    );
    assert_eq!(snapshot_dir(&site.output()), before);
}

#[test]
fn a_failed_first_build_leaves_no_folder_behind() {
    let site = Site::minimal();
    site.write(
        "templates/meeting.html",
        "{% extends \"base.html\" %}{% block main %}{{ item.nope }}{% endblock main %}",
    );
    let out = site.root().join("fresh/output");
    assert!(briefing::build(site.root(), &briefing::BuildOptions::new(&out)).is_err());
    assert!(!out.exists(), "a failed build created {}", out.display());
    assert!(!site.root().join("fresh").exists());
    // So the next build is not refused as writing into someone else's folder.
    site.remove("templates/meeting.html");
    briefing::build(site.root(), &briefing::BuildOptions::new(&out)).unwrap();
}

#[test]
fn removed_items_lose_their_pages_and_unchanged_pages_are_not_rewritten() {
    let site = Site::minimal();
    build(&site);
    let css = site.output().join("style.css");
    let mtime = std::fs::metadata(&css).unwrap().modified().unwrap();
    site.remove("content/statements/anonymous.md");
    let r = build(&site);
    assert!(
        r.write.removed == 1 && r.write.written > 0 && r.write.unchanged > 0,
        "{r:?}"
    );
    assert!(!site.output().join("statements/anonymous.html").exists());
    assert_eq!(std::fs::metadata(&css).unwrap().modified().unwrap(), mtime);
}

#[test]
fn one_page_explains_the_grades_and_markings_and_every_footer_links_to_it() {
    let site = Site::minimal();
    briefing::build(site.root(), &briefing::BuildOptions::new(site.output()))
        .unwrap_or_else(|e| panic!("{e}"));
    let page = site.page("markings.html");
    for want in [
        "usually reliable",
        "truth cannot be judged",
        "Disclosure is not limited.",
    ] {
        assert!(page.contains(want), "{want}");
    }
    // A TLP:CLEAR edition does not name the markings it withholds.
    assert!(!page.contains("TLP:AMBER") && !page.contains("TLP:RED"));
    // Explaining TLP:RED does not mark the page TLP:RED.
    assert!(page.contains(r#"<div class="tlp-banner tlp-banner-top tlp-clear">"#));
    for p in ["index.html", "statements/anonymous.html", "markings.html"] {
        let html = site.page(p);
        assert!(
            html.contains("markings.html\">what the grades and markings mean</a>"),
            "{p}"
        );
        assert!(
            !html.contains("A completely reliable to E unreliable"),
            "{p}"
        );
    }
    let mut opts = briefing::BuildOptions::new(site.output());
    opts.audience = Some(briefing::model::Tlp::Red);
    briefing::build(site.root(), &opts).unwrap_or_else(|e| panic!("{e}"));
    let page = site.page("markings.html");
    assert!(page.contains("For the eyes and ears of individual recipients only"));
    assert!(page.contains("TLP:AMBER+STRICT"));
}
