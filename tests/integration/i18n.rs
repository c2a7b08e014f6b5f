//! The interface language: shipped catalogs, a site's own catalog, and no English left in
//! the templates that take their words from the catalog.

use crate::common::{Site, copy_dir};
use briefing::i18n::catalog::Message;
use std::collections::BTreeSet;
use std::path::Path;

/// A copy of the example briefing (content/) speaking `language`.
fn example_in(language: &str) -> Site {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo.join("content"), &dir.path().join("content"));
    let site = Site { dir };
    // The example's items are in English with Ukrainian translations beside some: here
    // the interface alone changes language, so the site declares that one language and
    // the translations go.
    let yaml = std::fs::read_to_string(site.root().join("content/site.yaml")).unwrap();
    assert!(yaml.contains("\nlanguages: [en, uk]\n"));
    site.write(
        "content/site.yaml",
        yaml.replace(
            "\nlanguages: [en, uk]\n",
            &format!("\nlanguage: {language}\n"),
        ),
    );
    for entry in walkdir::WalkDir::new(site.root().join("content")) {
        let path = entry.unwrap().into_path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".uk.md") || name.ends_with(".uk.yaml") {
            std::fs::remove_file(path).unwrap();
        }
    }
    site
}

fn build(site: &Site) {
    briefing::build(site.root(), &briefing::BuildOptions::new(site.output()))
        .unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn the_example_in_ukrainian() {
    let site = example_in("uk");
    build(&site);
    let statement = site.page("statements/umerov-90-percent.html");
    assert!(statement.contains("<html lang=\"uk\">"));
    assert!(statement.contains("<dt>Автор заяви</dt>"), "{statement}");
    assert!(statement.contains("Станом на <time datetime=\"2026-01-04\">4 січня 2026</time>"));
    assert!(statement.contains(">Хронологія</a>"), "the navigation");
    let front = site.page("index.html");
    assert!(front.contains("<h2 id=\"section-changes\">Що змінилося в цьому раунді</h2>"));
    assert!(front.contains("<span class=\"marker\" aria-hidden=\"true\">★</span> нове</span>"));
    assert!(
        front.contains("<th scope=\"col\">Зобов’язання</th>"),
        "the changes table"
    );
    assert!(front.contains("<h2 id=\"section-guarantees\">Стан гарантій</h2>"));
    let timeline = site.page("timeline.html");
    assert!(
        timeline.contains("<h2 id=\"section-months\">Місяці</h2>"),
        "{timeline}"
    );
    assert!(timeline.contains("<th scope=\"col\">Зміни статусу</th>"));
    let round = site.page("rounds/paris-round-2026-01.html");
    assert!(round.contains("<h2 id=\"section-frozen\">Як було наприкінці цього раунду</h2>"));
    let frozen = site.page("rounds/paris-round-2026-01/components.html");
    assert!(
        frozen.contains("<th scope=\"col\">Статус тоді</th>"),
        "{frozen}"
    );
    let meetings = site.page("meetings/index.html");
    assert!(meetings.contains("<title>Зустрічі — "), "the page title");
    assert!(
        meetings.contains("січня 2026</time>"),
        "dates in the genitive"
    );
    let guarantees = site.page("guarantees/index.html");
    assert!(guarantees.contains(">погоджено</span>"), "status words");
    // Words made in Rust: charts, the split views' page titles, search.js's messages.
    let chart = site.page("rounds-chart.html");
    assert!(
        chart.contains("Внески за статусом на кінець кожного раунду"),
        "{chart}"
    );
    assert!(
        chart.contains("<th scope=\"col\">Раунд</th>"),
        "the data table"
    );
    assert!(timeline.contains("Активність за місяцями"));
    let component = site.page("guarantees/military-presence.html");
    assert!(
        component.contains(">ратифіковано</text>"),
        "the step chart's rows"
    );
    assert!(
        site.page("sourcing.html")
            .contains(">Джерело не зазначено</a>")
    );
    let search = site.page("search.html");
    assert!(
        search.contains("data-short=\"Введіть слово щонайменше з двох літер або одну літеру.\"")
    );
    assert!(
        search.contains("data-results-few=\"За запитом «{query}» знайдено {count} результати.\"")
    );
}

#[test]
fn the_example_in_french() {
    let site = example_in("fr");
    build(&site);
    let statement = site.page("statements/umerov-90-percent.html");
    assert!(statement.contains("<html lang=\"fr\">"));
    assert!(statement.contains("Au <time datetime=\"2026-01-04\">4 janvier 2026</time>"));
    assert!(statement.contains("<dt>Auteur</dt>"), "{statement}");
    let markings = site.page("markings.html");
    assert!(markings.contains("<h1>Cotations et marquages</h1>"));
    assert!(
        markings.contains("TLP:CLEAR"),
        "labels stay as FIRST writes them"
    );
}

/// The pages of `root`'s site for its audience, rendered in Ukrainian through the
/// library, by path.
fn rendered_in_ukrainian(root: &Path) -> std::collections::BTreeMap<String, String> {
    let site = briefing::Site::load(root).unwrap_or_else(|ds| panic!("{ds}"));
    // As `build` does: what the site's audience may see.
    let audience = site.model.site.audience;
    let (site, _) = site.for_audience(audience);
    let opts = briefing::render::RenderOptions {
        language: Some("uk".into()),
        ..Default::default()
    };
    let outputs = site.render_with(&opts).unwrap_or_else(|ds| panic!("{ds}"));
    outputs
        .into_iter()
        .filter(|o| o.path.ends_with(".html"))
        .map(|o| (o.path, String::from_utf8(o.bytes).unwrap()))
        .collect()
}

/// The sourcing and declarations views, the timeline's embed, what did not move in a
/// round and the scope of its changes speak Ukrainian: the example as it is, and the
/// long negotiation (rounds with stalls), rendered in `uk`.
#[test]
fn the_views_in_ukrainian() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let pages = rendered_in_ukrainian(repo);
    let page = |p: &str| pages.get(p).unwrap_or_else(|| panic!("no {p}")).as_str();
    let sourcing = page("sourcing.html");
    for s in [
        "<h2 id=\"section-register\">Реєстр джерел</h2>",
        "<p class=\"totals\">4 джерела, 41 посилання на них.</p>",
        "<span class=\"note\">надійність неможливо оцінити</span>",
        "<th scope=\"col\">Сторінка</th>",
        "<th scope=\"col\">Висновок</th><th scope=\"col\">Матеріали</th>",
    ] {
        assert!(sourcing.contains(s), "{s}\n{sourcing}");
    }
    let register = page("sourcing/register.html");
    assert!(register.contains("<th scope=\"col\">Матеріали, що його цитують</th>"));
    let single = page("sourcing/single-source.html");
    assert!(single.contains("<li>Зустріч: <a"), "{single}");
    assert!(
        single.contains("Ті самі висновки <code>briefing check</code> виводить як попередження.")
    );
    let declarations = page("declarations.html");
    for s in [
        "8 учасників робили заяви чи брали зобов’язання: 4 заяви, ще 6 — від їхніх представників; 0 обов’язкових зобов’язань (підписаних, ратифікованих чи виконаних), 2 інші зобов’язання.",
        "Перевірені твердження: <span class=\"tally tally-cannot-be-checked\">Неможливо перевірити (1)</span>.",
        "6 складників: 2 заяви про них, 2 внески.",
        "на <a href=\"claims.html\">сторінці тверджень</a>",
    ] {
        assert!(declarations.contains(s), "{s}\n{declarations}");
    }
    let actors = page("declarations/actors.html");
    assert!(actors.contains("<p class=\"small\">Від його представників:</p>"));
    assert!(
        actors
            .contains("<td data-label=\"Обов’язкові зобов’язання\"><p class=\"empty\">Немає.</p>")
    );
    assert!(
        page("declarations/exchanges.html")
            .contains("Жодна заява не відповідає на іншу й не суперечить їй.")
    );
    let embed = page("embed/timeline.html");
    assert!(embed.contains("Останні датовані записи — 5 з 7 — до <time datetime=\"2026-01-04\">4 січня 2026</time>; ще 2 — з пізнішою датою: <a href=\"../timeline.html\">уся хронологія</a>"), "{embed}");
    let front = page("index.html");
    assert!(front.contains(" · на зустрічі «<a href=\"meetings/paris-summit.html\">"));
    assert!(front.contains(
        "Статус кожного зобов’язання наприкінці попереднього раунду (його немає: це перший раунд"
    ));
    let unchanged = page("rounds/paris-round-2026-01/unchanged.html");
    assert!(
        unchanged.contains("як наприкінці попереднього раунду: застій"),
        "{unchanged}"
    );
    assert!(unchanged.contains(
        "<p class=\"empty\">У цьому раунді змінилося кожне зобов’язання, що мало статус.</p>"
    ));

    let pages = rendered_in_ukrainian(&crate::common::fixtures().join("long-negotiation"));
    let page = |p: &str| pages.get(p).unwrap_or_else(|| panic!("no {p}")).as_str();
    let round = page("rounds/snapback-2025.html");
    for s in [
        "попереднього раунду, «<a href=\"../rounds/joint-statement-2023.html\">",
        "<strong>8 зобов’язань не змінилося</strong>: застій — 3 (без змін два раунди чи довше), стабільно — 4, завершено — 1. Найдовший застій: <a href=\"../guarantees/sanctions-relief.html#contribution-1\">",
        "відкликано</span> — <span class=\"longest-stall\">5 раундів поспіль</span>.",
    ] {
        assert!(round.contains(s), "{s}\n{round}");
    }
    let front = page("index.html");
    assert!(front.contains("<span class=\"note\">(28 серпня – 30 вересня 2025; станом на <time datetime=\"2025-09-30\">30 вересня 2025</time>)</span>"), "{front}");
    let unchanged = page("rounds/snapback-2025/unchanged.html");
    assert!(
        unchanged
            .contains("як наприкінці раунду «<a href=\"../../rounds/joint-statement-2023.html\">"),
        "{unchanged}"
    );
}

/// What every message of the test's catalog says (placeholders kept after it).
const MARK: &str = "ⓧ";

/// A nested group of the catalog the test writes.
#[derive(Default)]
struct Group(std::collections::BTreeMap<String, Node>);

enum Node {
    Text(String),
    Plural(Vec<(&'static str, String)>),
    Group(Group),
}

/// A catalog for language `qaa` (ISO 639 keeps qaa-qtz for local use) in which every message is [`MARK`] and its placeholders
/// (dates and numbers keep their patterns and marks, so that dates show their marked
/// month names).
fn marked_catalog() -> String {
    let mark = |key: &str, t: &str| {
        if key.starts_with("number.") || key == "date.day" || key == "date.month_year" {
            return t.to_string();
        }
        let mut s = MARK.to_string();
        for p in briefing::i18n::catalog::placeholders(t) {
            if p.ends_with("href") || p == "root" || p == "iso" {
                // Addresses are no words: out of sight, in an attribute not read.
                s.push_str(&format!("<span data-x=\"{{{p}}}\"></span>"));
            } else {
                s.push_str(&format!("{{{p}}}"));
            }
        }
        s
    };
    let mut root = Group::default();
    for (key, m) in briefing::i18n::english().messages() {
        let parts: Vec<&str> = key.split('.').collect();
        let (last, groups) = parts.split_last().unwrap();
        let mut g = &mut root;
        for p in groups {
            let node =
                g.0.entry(p.to_string())
                    .or_insert_with(|| Node::Group(Group::default()));
            let Node::Group(inner) = node else {
                panic!("{key}")
            };
            g = inner;
        }
        let node = match m {
            Message::Text(t) => Node::Text(mark(key, t)),
            Message::Plural(forms) => Node::Plural(
                forms
                    .iter()
                    .map(|(c, t)| (c.as_str(), mark(key, t)))
                    .collect(),
            ),
        };
        g.0.insert(last.to_string(), node);
    }
    let mut out = String::new();
    write_group(&root, 0, &mut out);
    out
}

fn write_group(g: &Group, depth: usize, out: &mut String) {
    let quote = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    let pad = "  ".repeat(depth);
    for (k, node) in &g.0 {
        match node {
            Node::Text(t) => out.push_str(&format!("{pad}{}: {}\n", quote(k), quote(t))),
            Node::Plural(forms) => {
                out.push_str(&format!("{pad}{}:\n", quote(k)));
                for (c, t) in forms {
                    out.push_str(&format!("{pad}  {c}: {}\n", quote(t)));
                }
            }
            Node::Group(inner) => {
                out.push_str(&format!("{pad}{}:\n", quote(k)));
                write_group(inner, depth + 1, out);
            }
        }
    }
}

/// The words of a text, lower case, of four letters or more.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
}

/// An HTML page's text (chart drawings' too) and the attribute values people read
/// (titles, labels, the search script's messages), tags removed.
fn readable(html: &str) -> String {
    let mut out = String::new();
    // The search script's messages hold placeholders (`{count}`) it fills: no words.
    let mut script = String::new();
    let attrs = ["title=\"", "aria-label=\"", "data-label=\"", "alt=\""];
    for attr in attrs {
        for (at, _) in html.match_indices(attr) {
            let rest = &html[at + attr.len()..];
            out.push_str(&rest[..rest.find('"').unwrap_or(0)]);
            out.push(' ');
        }
    }
    // search.html's messages for search.js (`data-results-other="..."`, `data-kind-actor`).
    let prefixes = [
        " data-short=",
        " data-searching=",
        " data-none=",
        " data-failed=",
        " data-prompt-",
        " data-results-",
        " data-kind-",
    ];
    for prefix in prefixes {
        for (at, _) in html.match_indices(prefix) {
            let rest = &html[at..];
            if let Some(open) = rest.find("=\"") {
                let value = &rest[open + 2..];
                script.push_str(&value[..value.find('"').unwrap_or(0)]);
                script.push(' ');
            }
        }
    }
    for p in briefing::i18n::catalog::placeholders(&script.clone()) {
        script = script.replace(&format!("{{{p}}}"), " ");
    }
    out.push_str(&script);
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// English words a page may hold that are not interface words: the file names it
/// links to (`timeline.json`). Every template, and every word made in Rust for pages,
/// takes its words from the catalog.
fn made_in_rust(rel: &str) -> &'static [&'static str] {
    match rel {
        "timeline.html" => &["timeline"],
        _ => &[],
    }
}

/// Words that views made in Rust still write in English (vocabulary labels a site may
/// set in site.yaml `vocabularies`, claim details): not yet in the catalog.
const NOT_YET: &[&str] = &[];

/// English words of the interface that the content of `site` does not use itself.
fn english_words(site: &Site) -> BTreeSet<String> {
    let mut content = BTreeSet::new();
    for e in walkdir::WalkDir::new(site.root().join("content")) {
        let e = e.unwrap();
        if e.file_type().is_file() {
            content.extend(words(&std::fs::read_to_string(e.path()).unwrap()));
        }
    }
    let mut interface = BTreeSet::new();
    for m in briefing::i18n::english().messages().values() {
        for t in m.texts() {
            // A placeholder's name (`{query}`) is no word of the interface: pages that
            // hand a message to a script show it as written.
            let mut t = t.to_string();
            for p in briefing::i18n::catalog::placeholders(&t.clone()) {
                t = t.replace(&format!("{{{p}}}"), " ");
            }
            interface.extend(words(&readable(&t)));
        }
    }
    interface
        .difference(&content)
        .filter(|w| !NOT_YET.contains(&w.as_str()))
        .cloned()
        .collect()
}

#[test]
fn no_english_is_left_in_the_converted_templates() {
    let site = example_in("qaa");
    site.write("i18n/qaa.yaml", marked_catalog());
    build(&site);
    let english = english_words(&site);
    assert!(english.len() > 200, "{} interface words", english.len());
    let mut checked = 0;
    let mut found = Vec::new();
    for e in walkdir::WalkDir::new(site.output()) {
        let e = e.unwrap();
        let rel = e
            .path()
            .strip_prefix(site.output())
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if !e.file_type().is_file() || !rel.ends_with(".html") {
            continue;
        }
        checked += 1;
        let page = std::fs::read_to_string(e.path()).unwrap();
        let text = readable(&page);
        assert!(text.contains(MARK), "{rel} shows no catalog message");
        let rust = made_in_rust(&rel);
        for w in words(&text).filter(|w| english.contains(w) && !rust.contains(&w.as_str())) {
            found.push(format!("{rel}: {w}"));
        }
    }
    assert!(checked > 30, "only {checked} pages checked");
    found.dedup();
    assert!(found.is_empty(), "English left:\n{}", found.join("\n"));
}

#[test]
fn a_sites_own_catalog_overrides_and_check_warns_about_what_it_lacks() {
    use briefing::diagnostics::Code;
    let site = example_in("de");
    // No catalog for `de`: an error at site.yaml's `language`, naming the shipped ones.
    let ds = briefing::check_with(site.root(), false);
    let d = ds
        .iter()
        .find(|d| d.code == Code::BadCatalog)
        .expect("bad-catalog");
    assert_eq!(d.file.as_deref(), Some(Path::new("content/site.yaml")));
    assert!(d.pos.is_some_and(|p| p.line > 1), "{d}");
    assert!(d.help.as_deref().unwrap_or("").contains("`uk`"), "{d}");
    // A partial catalog: its words win, the rest is English, and check says so.
    site.write(
        "i18n/de.yaml",
        "nav:\n  search: Suche\nstatus:\n  agreed: vereinbart\n",
    );
    let ds = briefing::check_with(site.root(), false);
    assert!(!ds.has_errors(), "{ds}");
    let d = ds
        .iter()
        .find(|d| d.code == Code::MissingMessage)
        .expect("missing-message");
    assert_eq!(d.file.as_deref(), Some(Path::new("i18n/de.yaml")));
    build(&site);
    let page = site.page("guarantees/index.html");
    assert!(page.contains(">Suche</a>") && page.contains(">vereinbart</span>"));
    assert!(page.contains(">Timeline</a>"), "English fills the gaps");
    // A malformed catalog: an error at its line and column.
    site.write("i18n/de.yaml", "nav:\n  search: [Suche\n");
    let ds = briefing::check_with(site.root(), false);
    let d = ds
        .iter()
        .find(|d| d.code == Code::BadCatalog)
        .expect("bad-catalog");
    assert_eq!(d.file.as_deref(), Some(Path::new("i18n/de.yaml")));
    assert!(d.pos.is_some(), "{d}");
}

/// The titles of the split views' pages and the sourcing report's headings, made in Rust,
/// come from the catalog (their templates' own words are converted on their own).
#[test]
fn the_split_views_titles_come_from_the_catalog() {
    let site = example_in("qaa");
    site.write("i18n/qaa.yaml", marked_catalog());
    build(&site);
    let english = english_words(&site);
    let mut checked = 0;
    for e in walkdir::WalkDir::new(site.output()) {
        let e = e.unwrap();
        let rel = e
            .path()
            .strip_prefix(site.output())
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let split = ["timeline", "declarations", "sourcing", "claims"]
            .iter()
            .any(|v| {
                rel.starts_with(&format!("{v}/"))
                    || rel.starts_with(&format!("{v}.html"))
                    || rel.starts_with(&format!("{v}-"))
            });
        if !e.file_type().is_file() || !split || !rel.ends_with(".html") {
            continue;
        }
        let page = std::fs::read_to_string(e.path()).unwrap();
        let title = &page[page.find("<title>").unwrap()..page.find("</title>").unwrap()];
        assert!(title.contains(MARK), "{rel}: {title}");
        let left: Vec<String> = words(title).filter(|w| english.contains(w)).collect();
        assert!(left.is_empty(), "{rel}: {title}: {left:?}");
        checked += 1;
    }
    assert!(checked >= 8, "only {checked} pages checked");
    // The sourcing report's groups, on its index.
    let sourcing = site.page("sourcing.html");
    for code in ["no-source", "single-source", "pasted-citation"] {
        let at = sourcing
            .find(&format!("id=\"finding-{code}\""))
            .expect(code);
        let heading = &sourcing[at..at + sourcing[at..].find("</a>").unwrap()];
        assert!(heading.ends_with(&format!(">{MARK}")), "{heading}");
    }
}

/// Claims' verdicts, measures, tracked figures and reasons are the catalog's: the plan
/// fixture (every kind of verdict) in Ukrainian.
#[test]
fn claims_are_checked_in_the_page_s_language() {
    let site = Site::fixture("plan");
    let yaml = std::fs::read_to_string(site.root().join("content/site.yaml")).unwrap();
    site.write("content/site.yaml", format!("{yaml}language: uk\n"));
    build(&site);
    let claims = site.page("claims.html");
    for words in [
        "погоджено 12 з 19 положень; ще для 3 положень немає позиції сторони",
        "досі відкрито 7 з 19 положень",
        "брифінг не відстежує текст, на який воно посилається",
        "твердження перевищує записану цифру, але 3 положення без записаної позиції можуть це пояснити",
        "записану позицію мали лише 0% положень (0 з 20), а потрібно щонайменше 80%",
        "заяву датовано місяцем або роком",
    ] {
        assert!(claims.contains(words), "{words}");
    }
    assert!(!claims.contains("provisions"), "{claims}");
}

/// The declarations' count of answers and contradictions names them in the page's
/// language.
#[test]
fn relations_are_counted_in_the_page_s_language() {
    let site = Site::minimal();
    let yaml = std::fs::read_to_string(site.root().join("content/site.yaml")).unwrap();
    site.write("content/site.yaml", format!("{yaml}language: uk\n"));
    site.write(
        "content/statements/reply.md",
        "---\ndate: 2026-01-04\nattributed_to: an official\ncontradicts: [umerov-90]\n---\nNo.\n",
    );
    build(&site);
    let index = site.page("declarations.html");
    assert!(index.contains("суперечності (1)"), "{index}");
}
