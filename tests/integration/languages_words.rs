//! Items' words in the language of a render (issue 18): a `uk` render of a site whose
//! `languages` list `uk` shows each item's Ukrainian words where its translation gives
//! them, and marks what falls back to the original with `lang="en"`; facts stay the
//! original's, and nothing of a withheld item's translation is left.

use crate::common::Site;
use briefing::model::Tlp;
use briefing::render::RenderOptions;
use std::collections::BTreeMap;
use std::path::Path;

/// Every text file of a render of the site at `root` in `language`, as `audience` if
/// given, by path.
fn render(root: &Path, language: &str, audience: Option<Tlp>) -> BTreeMap<String, String> {
    let mut site = briefing::Site::load(root).expect("the site loads");
    if let Some(a) = audience {
        site = site.for_audience(a).0;
    }
    let opts = RenderOptions {
        language: Some(language.into()),
        ..RenderOptions::default()
    };
    site.render_with(&opts)
        .expect("the site renders")
        .into_iter()
        .filter_map(|o| Some((o.path, String::from_utf8(o.bytes).ok()?)))
        .collect()
}

fn bilingual(language: &str) -> BTreeMap<String, String> {
    let site = Site::fixture("bilingual");
    render(site.root(), language, Some(Tlp::Clear))
}

fn example(language: &str) -> BTreeMap<String, String> {
    render(Path::new(env!("CARGO_MANIFEST_DIR")), language, None)
}

fn page<'a>(pages: &'a BTreeMap<String, String>, path: &str) -> &'a str {
    pages
        .get(path)
        .unwrap_or_else(|| panic!("no {path} in {:?}", pages.keys().collect::<Vec<_>>()))
}

/// The page's `<main>`: what the item shows (the shell holds only the interface).
fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("a <main>");
    let end = html.find("</main>").expect("a </main>");
    &html[start..end]
}

/// Every search file, one after the other.
fn search(pages: &BTreeMap<String, String>) -> String {
    pages
        .iter()
        .filter(|(p, _)| p.starts_with("search/"))
        .map(|(_, t)| t.as_str())
        .collect()
}

#[test]
fn a_uk_render_shows_the_translations_words() {
    let uk = bilingual("uk");
    let meeting = main_of(page(&uk, "meetings/paris-summit.html"));
    assert!(meeting.contains("<h1>Паризький саміт</h1>"), "{meeting}");
    assert!(meeting.contains("<dd>Париж</dd>"), "{meeting}");
    assert!(meeting.contains("Остаточно визначити внески"), "{meeting}");
    assert!(!meeting.contains("Finalise contributions"), "{meeting}");
    // Its translation's note, and no untranslated note.
    assert!(
        meeting.contains("Примітка до перекладу: Переклад брифінгу."),
        "{meeting}"
    );
    assert!(!meeting.contains("Не перекладено"), "{meeting}");
    // The round it links to is named in Ukrainian, and not marked.
    assert!(
        meeting.contains(r#"<a href="../rounds/paris-round.html">Паризький раунд</a>"#),
        "{meeting}"
    );

    let component = main_of(page(&uk, "guarantees/financial.html"));
    for words in [
        "Фінансові зобов’язання",
        "Кошти на оборону України.",
        r#"<p class="commitment">Фінансувати відбудову</p>"#,
        r#"<ul class="caveats"><li>за умови схвалення парламентом</li>"#,
        "Чого просить Київ",
    ] {
        assert!(component.contains(words), "{words} in {component}");
    }
    // The round's bottom line, on its page and on the front page.
    for path in ["rounds/paris-round.html", "index.html"] {
        assert!(
            page(&uk, path).contains("Партнери зустрілися, щоб остаточно визначити"),
            "{path}"
        );
    }
    // An untitled statement is titled by its translated attribution and its date.
    assert!(
        meeting.contains(">український посадовець, 3 січня 2026</a>"),
        "{meeting}"
    );
    // The search index finds translated items by their Ukrainian words.
    let index = search(&uk);
    for term in ["відбудову", "париж", "оборону"] {
        assert!(index.contains(&format!("\"{term}\"")), "{term}");
    }
    assert!(index.contains("Фінансові зобов’язання"));
}

#[test]
fn untranslated_words_are_shown_in_the_original_marked_with_its_language() {
    let uk = bilingual("uk");
    // An item without a translation: its words in English, said so, and marked.
    let actor = main_of(page(&uk, "actors/ukraine.html"));
    assert!(actor.contains(r#"<h1 lang="en">Ukraine</h1>"#), "{actor}");
    assert!(
        actor.contains("Не перекладено: показано мовою оригіналу (English)"),
        "{actor}"
    );
    // Links to it, wherever they are, carry the language of its title.
    let meeting = main_of(page(&uk, "meetings/paris-summit.html"));
    assert!(
        meeting.contains(r#"<a href="../actors/ukraine.html" lang="en">Ukraine</a>"#),
        "{meeting}"
    );
    assert!(
        meeting.contains(r#"<a href="../actors/france.html">Франція</a>"#),
        "{meeting}"
    );
    // Lists mark it too.
    let actors = main_of(page(&uk, "actors/index.html"));
    assert!(
        actors.contains(
            r#"lang="en">Ukraine</a> <span class="note untranslated">(не перекладено)</span>"#
        ),
        "{actors}"
    );
    let source = main_of(page(&uk, "sources/reuters.html"));
    assert!(source.contains(r#"<h1 lang="en">Reuters</h1>"#), "{source}");
    // A translated statement with no translated title: titled in Ukrainian, its body
    // translated, its translation's note shown.
    let statement = main_of(page(&uk, "statements/umerov-90.html"));
    assert!(statement.contains("Більшість позицій"), "{statement}");
    assert!(!statement.contains("Не перекладено"), "{statement}");
    assert!(
        statement.contains("Примітка до перекладу: Цитату подано в перекладі брифінгу."),
        "{statement}"
    );
}

#[test]
fn a_word_its_translation_does_not_give_falls_back_marked() {
    // The meeting's translation without its location nor its body.
    let site = Site::fixture("bilingual");
    site.write(
        "content/meetings/paris-summit.uk.md",
        "---\ntitle: Паризький саміт\n---\n",
    );
    let uk = render(site.root(), "uk", Some(Tlp::Clear));
    let meeting = main_of(page(&uk, "meetings/paris-summit.html"));
    assert!(meeting.contains("<h1>Паризький саміт</h1>"), "{meeting}");
    assert!(meeting.contains(r#"<dd lang="en">Paris</dd>"#), "{meeting}");
    assert!(
        meeting.contains(r#"<div class="prose" lang="en">"#)
            && meeting.contains("Finalise contributions"),
        "{meeting}"
    );
    // Translated, if not wholly: no untranslated note.
    assert!(!meeting.contains("Не перекладено"), "{meeting}");
    // Its link's note (the location) is marked where it is shown.
    let round = main_of(page(&uk, "rounds/paris-round.html"));
    assert!(
        round.contains(r#"<span class="note" lang="en">— Paris</span>"#),
        "{round}"
    );
}

/// The facts a page shows: its dates, statuses and markings, in order.
fn facts(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for marker in [
        "datetime=\"",
        "status status-",
        "tlp-mark tlp-",
        "meeting-status meeting-",
    ] {
        let mut rest = html;
        while let Some(i) = rest.find(marker) {
            rest = &rest[i + marker.len()..];
            let end = rest.find(['"', ' ']).unwrap_or(rest.len());
            out.push(&rest[..end]);
        }
    }
    out
}

#[test]
fn facts_are_the_originals_in_every_language() {
    let (en, uk) = (bilingual("en"), bilingual("uk"));
    let items: Vec<&String> = en
        .keys()
        .filter(|p| {
            [
                "actors/",
                "meetings/",
                "statements/",
                "guarantees/",
                "rounds/",
                "sources/",
            ]
            .iter()
            .any(|k| p.starts_with(k))
                && p.ends_with(".html")
        })
        .collect();
    assert!(items.len() > 10, "{items:?}");
    let mut seen = 0;
    for p in items {
        let (a, b) = (facts(main_of(&en[p])), facts(main_of(page(&uk, p))));
        seen += a.len();
        assert_eq!(a, b, "{p}");
    }
    assert!(seen > 20, "only {seen} facts");
}

/// True if something on the page is marked as in English (`<html lang>` aside).
fn marked(html: &str) -> bool {
    html.replace("<html lang=\"en\">", "")
        .contains(" lang=\"en\"")
}

#[test]
fn no_translation_reaches_the_english_render() {
    let en = bilingual("en");
    for (path, text) in &en {
        if path == "data/briefing.json" {
            // It carries every language by design (`translations`).
            continue;
        }
        assert!(
            !text.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)),
            "Cyrillic in {path}"
        );
        // Nothing is marked as in another language than the page's.
        assert!(!marked(text), "{path}");
    }
}

#[test]
fn a_withheld_item_leaves_no_trace_of_its_translation() {
    let canaries = [
        "cnry-envoy-translation",
        "cnry-talks-translation",
        "cnry-talks-body-translation",
        "cnry-contribution-translation",
    ];
    let uk = bilingual("uk");
    for (path, text) in &uk {
        for c in canaries {
            assert!(!text.contains(c), "{c} in {path}");
        }
    }
    // The withheld contribution first: the kept one, renumbered, takes its place, and
    // must not take its translated words.
    let swapped = Site::fixture("bilingual");
    swapped.write(
        "content/guarantees/financial.md",
        "---\ntitle: Financial commitments\ncategory: financial\ncontributions:\n  - by: france\n    commitment: Fund cnry-contribution-original\n    status: discussed\n    tlp: amber\n  - by: france\n    commitment: Fund reconstruction\n    status: agreed\n---\nBody.\n",
    );
    swapped.write(
        "content/guarantees/financial.uk.md",
        "---\ntitle: Фінансові зобов’язання\ncontributions:\n  - commitment: Фінансувати cnry-contribution-translation\n  - commitment: Фінансувати відбудову\n---\n",
    );
    let uk = render(swapped.root(), "uk", Some(Tlp::Clear));
    let component = main_of(page(&uk, "guarantees/financial.html"));
    assert!(component.contains("Фінансувати відбудову"), "{component}");
    for (path, text) in &uk {
        for c in canaries {
            assert!(!text.contains(c), "{c} in {path}");
        }
    }
    // The full edition shows them: the canaries are where the test looks.
    let site = Site::fixture("bilingual");
    let full: String = render(site.root(), "uk", Some(Tlp::Red))
        .into_values()
        .collect();
    for c in canaries {
        assert!(full.contains(c), "{c} in the full edition");
    }
}

#[test]
fn the_example_briefing_in_ukrainian() {
    let uk = example("uk");
    let meeting = main_of(page(&uk, "meetings/paris-summit.html"));
    assert!(
        meeting.contains("<h1>Паризький саміт щодо гарантій безпеки для України</h1>"),
        "{meeting}"
    );
    assert!(meeting.contains("Примітка до перекладу: Переклад брифінгу."));
    let front = page(&uk, "index.html");
    assert!(front.contains("Саміт у Парижі 6 січня 2026 року"));
    // Untranslated items are in English, marked.
    let actor = main_of(page(&uk, "actors/ukraine.html"));
    assert!(actor.contains(r#"<h1 lang="en">Ukraine</h1>"#), "{actor}");
    assert!(actor.contains("(English)"), "{actor}");
    // A translated contribution and an untranslated one, side by side in the brief.
    let component = main_of(page(&uk, "guarantees/military-presence.html"));
    assert!(component.contains(
        r#"<p class="commitment">Реальна військова присутність ключових країн після припинення вогню</p>"#
    ));
    // The English render has none of it.
    let en = example("en");
    assert!(!page(&en, "meetings/paris-summit.html").contains("Паризький саміт"));
    assert!(!marked(page(&en, "index.html")));
    // The round's frozen pages are titled with its Ukrainian title, and the charts name
    // it so.
    let frozen = page(&uk, "rounds/paris-round-2026-01/matrix.html");
    let title = &frozen[frozen.find("<title>").unwrap()..frozen.find("</title>").unwrap()];
    assert!(
        title.contains("Паризькі переговори щодо гарантій безпеки для України"),
        "{title}"
    );
    assert!(
        front.contains(">Паризькі переговори щодо гарантій безпеки для України</text>")
            || front.contains("Паризькі переговори щодо гарантій безпеки для України:"),
        "the rounds chart"
    );
    assert!(search(&uk).contains("\"остаточно\""));
    assert!(!search(&en).contains("\"остаточно\""));
}

/// Built-in vocabulary words are labelled in the page's language; words no translation
/// gives (citation and step notes, tags, roles) are marked as the original's.
#[test]
fn vocabulary_labels_follow_the_page_and_untranslatable_notes_are_marked() {
    let uk = example("uk");
    let statements = page(&uk, "statements/index.html");
    assert!(statements.contains(">заява<"), "{statements}");
    assert!(!statements.contains(">declaration<"), "{statements}");
    let statement = page(&uk, "statements/umerov-90-percent.html");
    assert!(
        statement.contains("<span class=\"citation-note\" lang=\"en\">"),
        "{statement}"
    );
    let en = example("en");
    let statement = page(&en, "statements/umerov-90-percent.html");
    assert!(statement.contains("<span class=\"citation-note\">"));
    assert!(page(&en, "statements/index.html").contains(">declaration<"));
}

/// A language's feed speaks it: entry frames from the catalog, translated titles and
/// bodies; the English feed has none of them.
#[test]
fn the_feed_speaks_the_page_s_language() {
    let uk = example("uk");
    let feed = page(&uk, "feed.xml");
    assert!(
        feed.contains("<title>Заява: Умєров: 90% мирного плану вже погоджено</title>"),
        "{feed}"
    );
    assert!(
        feed.contains("Ми обговорили гарантії безпеки"),
        "the translated body"
    );
    assert!(!feed.contains("<title>Statement: "), "{feed}");
    let en = example("en");
    let feed = page(&en, "feed.xml");
    assert!(
        feed.contains("<title>Statement: Umerov: 90% of the peace plan is already agreed</title>")
    );
    assert!(!feed.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)));
}
