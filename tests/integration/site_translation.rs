//! The site's own words in another language (`content/site.<lang>.yaml`), on the
//! two-language fixture.

use crate::common::Site;
use briefing::render::RenderOptions;

fn pages_in(site: &Site, language: Option<&str>) -> String {
    let loaded = briefing::Site::load(site.root()).expect("loads");
    let opts = RenderOptions {
        language: language.map(str::to_string),
        ..RenderOptions::default()
    };
    let outputs = loaded.render_with(&opts).expect("renders");
    let index = outputs
        .iter()
        .find(|o| o.path == "index.html")
        .expect("index.html");
    String::from_utf8(index.bytes.clone()).unwrap()
}

fn codes_at(site: &Site) -> Vec<String> {
    briefing::check_with(site.root(), false)
        .iter()
        .map(|d| {
            let at = d
                .pos
                .map_or(String::new(), |p| format!(":{}:{}", p.line, p.column));
            let file = d
                .file
                .as_ref()
                .map_or(String::new(), |f| f.display().to_string());
            format!("{} {file}{at}", d.code)
        })
        .collect()
}

#[test]
fn the_site_s_words_follow_the_language_and_fall_back_to_site_yaml() {
    let site = Site::fixture("bilingual");
    site.write(
        "content/site.uk.yaml",
        "title: Двомовний брифінг\ndescription: Про *переговори*.\n",
    );
    let uk = pages_in(&site, Some("uk"));
    assert!(uk.contains("<title>Двомовний брифінг</title>"), "{uk}");
    assert!(
        uk.contains("<em>переговори</em>"),
        "the description is Markdown"
    );
    let en = pages_in(&site, None);
    assert!(en.contains("<title>Bilingual briefing</title>"));
    assert!(
        !en.contains("Двомовний"),
        "a translation's words stay out of English"
    );
    // A word the translation does not give is site.yaml's.
    site.write("content/site.uk.yaml", "description: Лише опис.\n");
    let uk = pages_in(&site, Some("uk"));
    assert!(uk.contains("<title>Bilingual briefing</title>"), "{uk}");
}

#[test]
fn a_site_translation_gives_words_only_in_a_declared_language() {
    let site = Site::fixture("bilingual");
    site.write(
        "content/site.uk.yaml",
        "translated_from: 0000\ntitle: Брифінг\naudience: red\n",
    );
    site.write("content/site.de.yaml", "title: Lagebild\n");
    let found = codes_at(&site);
    for want in [
        "translation-fact content/site.uk.yaml:3:1",
        "stale-translation content/site.uk.yaml:1:18",
        "translation-language content/site.de.yaml:1:1",
    ] {
        assert!(found.iter().any(|f| f == want), "{want} in {found:?}");
    }
    assert!(
        !found.iter().any(|f| f.starts_with("stray")),
        "site.<lang>.yaml is not a stray file: {found:?}"
    );
}
