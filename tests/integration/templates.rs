//! Template overrides: by name, with inheritance between user and built-in templates.

use crate::common::Site;

#[test]
fn a_user_template_replaces_the_default_by_name() {
    let site = Site::minimal();
    site.write(
        "templates/meeting.html",
        "{% extends \"base.html\" %}{% block main %}<p class=\"custom\">Custom: {{ item.title }}</p>{% endblock main %}",
    );
    briefing::build(site.root(), &briefing::BuildOptions::new(site.output())).unwrap();
    let page = site.page("meetings/paris-summit.html");
    assert!(
        page.contains("<p class=\"custom\">Custom: Paris summit</p>"),
        "{page}"
    );
    assert!(
        page.contains("TLP:CLEAR"),
        "the built-in base still wraps it"
    );
    assert!(!site.page("statements/umerov-90.html").contains("Custom:"));
}

#[test]
fn overriding_base_changes_every_page_and_can_extend_the_builtin() {
    let site = Site::minimal();
    site.write(
        "templates/base.html",
        "{% extends \"__briefing/base.html\" %}{% block footer %}<p>Prepared by the desk</p>{% endblock footer %}",
    );
    briefing::build(site.root(), &briefing::BuildOptions::new(site.output())).unwrap();
    for (page, marking) in [
        ("index.html", "TLP:GREEN"), // shows the fixture's GREEN statement
        ("meetings/paris-summit.html", "TLP:CLEAR"),
        ("actors/index.html", "TLP:CLEAR"),
    ] {
        let html = site.page(page);
        assert!(html.contains("Prepared by the desk"), "{page}");
        assert!(
            html.matches(marking).count() >= 2,
            "{page} keeps the built-in banners"
        );
    }
}

/// Checks a site whose meeting template is `text`; returns the line of the template error.
fn template_error_line(text: &str) -> Option<usize> {
    let site = Site::minimal();
    site.write("templates/meeting.html", text);
    let diags = briefing::check(site.root());
    assert!(diags.has_errors());
    let d = diags
        .iter()
        .find(|d| d.code == "template")
        .expect("a template error");
    assert_eq!(
        d.file.as_deref(),
        Some("templates/meeting.html".as_ref()),
        "{d:?}"
    );
    d.pos.map(|p| p.line)
}

#[test]
fn template_errors_name_the_template_and_line() {
    let text = "{% extends \"base.html\" %}\n{% block main %}\n{{ item.title | nosuchfilter }}\n{% endblock main %}\n";
    assert_eq!(template_error_line(text), Some(3));
}

#[test]
fn undefined_variables_in_templates_are_errors() {
    let text = "{% extends \"base.html\" %}\n{% block main %}{{ item.nope }}{% endblock main %}\n";
    assert_eq!(template_error_line(text), Some(2));
}

/// The minimal templates `bench/compare.sh` times against Hugo's layouts must keep
/// building a site (they name template variables, which may change) and must replace
/// every page of the default theme.
#[test]
fn the_benchmarks_hugo_like_templates_build_the_example() {
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    crate::common::copy_dir(&repo.join("content"), &dir.path().join("content"));
    crate::common::copy_dir(
        &repo.join("bench/hugo-like-templates"),
        &dir.path().join("templates"),
    );
    let out = dir.path().join("output");
    briefing::build(dir.path(), &briefing::BuildOptions::new(&out)).unwrap();
    let statement = std::fs::read_to_string(out.join("statements/umerov-90-percent.html")).unwrap();
    assert!(statement.contains("<article><h1>"), "{statement}");
    assert!(statement.contains("90%"), "the body is shown: {statement}");
    let pages: Vec<_> = walkdir::WalkDir::new(&out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .collect();
    assert!(pages.len() > 30, "{} pages", pages.len());
    for p in pages {
        let html = std::fs::read_to_string(p.path()).unwrap();
        assert!(
            html.starts_with("<!DOCTYPE html>") && !html.contains("tlp-banner"),
            "{} is still drawn by the default theme",
            p.path().display()
        );
    }
}
