//! Content translations on the two-language fixture (tests/fixtures/bilingual: English
//! originals, Ukrainian translations beside some of them).

use crate::common::{Site, snapshot_dir};
use assert_cmd::Command;
use briefing::model::translation::{ContributionWords, Words};
use briefing::model::{Freshness, InLanguage, Kind, Lang, Tlp, Word};

fn bilingual() -> Site {
    Site::fixture("bilingual")
}

fn uk() -> Lang {
    Lang::parse("uk").unwrap()
}

fn briefing(site: &Site, args: &[&str]) -> assert_cmd::assert::Assert {
    Command::cargo_bin("briefing")
        .unwrap()
        .args(args)
        .arg("--root")
        .arg(site.root())
        .env("NO_COLOR", "1")
        .assert()
}

/// `(code, file:line:col)` of every problem `check` finds.
fn found(site: &Site) -> Vec<(String, String)> {
    briefing::check_with(site.root(), false)
        .iter()
        .map(|d| {
            let file = d
                .file
                .as_ref()
                .map_or(String::new(), |f| f.display().to_string());
            let at = d
                .pos
                .map_or(String::new(), |p| format!(":{}:{}", p.line, p.column));
            (d.code.to_string(), format!("{file}{at}"))
        })
        .collect()
}

fn has(found: &[(String, String)], code: &str, at: &str) -> bool {
    found.iter().any(|(c, a)| c == code && a == at)
}

#[test]
fn translations_are_attached_to_their_items_and_never_read_as_items() {
    let site = bilingual();
    let m = briefing::Site::load(site.root()).unwrap().model;
    assert_eq!(m.site.language, "en");
    assert_eq!(m.site.languages.translations(), &[uk()]);
    // Nine originals; no `paris-summit.uk` meeting.
    let items: usize = Kind::ALL.iter().map(|k| m.ids(*k).len()).sum();
    assert_eq!(items, 9);
    assert_eq!(m.ids(Kind::Meetings), ["paris-summit", "secret-talks"]);
    let t = m
        .translations
        .get(Kind::Meetings, "paris-summit", &uk())
        .unwrap();
    assert_eq!(t.freshness, Freshness::Current);
    assert_eq!(t.note.as_deref(), Some("Переклад брифінгу."));
    let Words::Meeting(w) = &t.words else {
        panic!("{:?}", t.words)
    };
    assert_eq!(w.title.as_deref(), Some("Паризький саміт"));
    assert_eq!(w.location.as_deref(), Some("Париж"));
    assert!(w.body_html.is_some());
    // Facts stay the original's: the meeting's date and round are untouched.
    assert_eq!(m.meetings["paris-summit"].title, "Paris summit");
    let Words::Guarantee(g) = &m
        .translations
        .get(Kind::Guarantees, "financial", &uk())
        .unwrap()
        .words
    else {
        panic!()
    };
    assert_eq!(
        g.contributions[&0],
        ContributionWords {
            commitment: Some("Фінансувати відбудову".into()),
            note: None,
            conditions: Some(vec!["за умови схвалення парламентом".into()]),
        }
    );
    // The fallback: an item without a translation is in its original language.
    let en = m.site.languages.default_lang();
    assert_eq!(
        m.translations
            .in_language(Kind::Actors, "ukraine", &uk(), en),
        InLanguage::Untranslated(en)
    );
    assert!(matches!(
        m.translations
            .in_language(Kind::Rounds, "paris-round", &uk(), en),
        InLanguage::Translated(_)
    ));
    let round = m.item(Kind::Rounds, "paris-round").unwrap();
    assert_eq!(
        m.title_in(round, &uk()),
        Word::Translated("Паризький раунд")
    );
    assert_eq!(m.title_in(round, en), Word::Untranslated("Paris round", en));
    let ukraine = m.item(Kind::Actors, "ukraine").unwrap();
    assert_eq!(
        m.title_in(ukraine, &uk()),
        Word::Untranslated("Ukraine", en)
    );
    assert!(matches!(
        m.translations
            .get(Kind::Statements, "umerov-90", &uk())
            .unwrap()
            .freshness,
        Freshness::Stale { .. }
    ));
    assert!(matches!(
        m.translations
            .get(Kind::Actors, "france", &uk())
            .unwrap()
            .freshness,
        Freshness::Unknown { .. }
    ));
}

#[test]
fn a_fact_in_a_translation_is_refused_at_its_key() {
    let site = bilingual();
    site.write(
        "content/meetings/paris-summit.uk.md",
        "---\ntitle: Паризький саміт\ndate: 2026-01-07\nstatus: cancelled\n---\nТекст\n",
    );
    site.write(
        "content/guarantees/financial.uk.md",
        "---\ntitle: Т\ncontributions:\n  - commitment: К\n    status: implemented\n  - {}\n---\n",
    );
    site.write(
        "content/actors/france.uk.yaml",
        "name: Франція\ntlp: clear\n",
    );
    let f = found(&site);
    assert!(
        has(
            &f,
            "translation-fact",
            "content/meetings/paris-summit.uk.md:3:1"
        ),
        "{f:?}"
    );
    assert!(
        has(
            &f,
            "translation-fact",
            "content/meetings/paris-summit.uk.md:4:1"
        ),
        "{f:?}"
    );
    assert!(
        has(
            &f,
            "translation-fact",
            "content/guarantees/financial.uk.md:5:5"
        ),
        "{f:?}"
    );
    assert!(
        has(&f, "translation-fact", "content/actors/france.uk.yaml:2:1"),
        "{f:?}"
    );
    briefing(&site, &["check"]).code(1).stderr(predicates::str::contains(
        "content/meetings/paris-summit.uk.md:3:1: error[translation-fact]: `date` is a fact: it comes from the original, not from a translation",
    ));
}

#[test]
fn a_translation_must_match_its_original_lists() {
    let site = bilingual();
    site.write(
        "content/guarantees/financial.uk.md",
        "---\ntitle: Т\ncontributions:\n  - commitment: К\n---\n",
    );
    let f = found(&site);
    assert!(
        has(
            &f,
            "translation-mismatch",
            "content/guarantees/financial.uk.md:4:5"
        ),
        "{f:?}"
    );
}

#[test]
fn translations_in_undeclared_languages_or_of_missing_originals_are_errors() {
    let site = bilingual();
    site.write(
        "content/meetings/paris-summit.fr.md",
        "---\ntitle: Sommet\n---\n",
    );
    site.write(
        "content/meetings/paris-summit.ua.md",
        "---\ntitle: С\n---\n",
    );
    site.write(
        "content/meetings/paris-summit.en.md",
        "---\ntitle: S\n---\n",
    );
    site.write("content/meetings/paris-sumit.uk.md", "---\ntitle: С\n---\n");
    site.write("content/rounds/old/paris-round.uk.yaml", "title: Р\n");
    let f = found(&site);
    for (code, file) in [
        ("translation-language", "meetings/paris-summit.fr.md"),
        ("translation-language", "meetings/paris-summit.ua.md"),
        ("translation-language", "meetings/paris-summit.en.md"),
        ("orphan-translation", "meetings/paris-sumit.uk.md"),
        ("orphan-translation", "rounds/old/paris-round.uk.yaml"),
    ] {
        assert!(
            has(&f, code, &format!("content/{file}:1:1")),
            "{code} {file}: {f:?}"
        );
    }
    // None of them was read as an item.
    assert!(!f.iter().any(|(c, _)| c == "bad-id"), "{f:?}");
    let out = briefing(&site, &["check"]).code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    for text in [
        "declare it in content/site.yaml: `languages: [en, uk, fr]`",
        "did you mean `uk`? rename the file to `paris-summit.uk.md`",
        "`en` is the default language",
        "did you mean `paris-summit`?",
        "move the translation beside it: content/rounds/paris-round.uk.yaml",
    ] {
        assert!(err.contains(text), "{text}\n{err}");
    }
}

#[test]
fn site_languages_are_checked_with_a_suggestion() {
    let site = bilingual();
    site.write("content/site.yaml", "title: T\nlanguages: [en, ua, en]\n");
    let f = found(&site);
    assert!(has(&f, "bad-language", "content/site.yaml:2:17"), "{f:?}");
    assert!(has(&f, "bad-language", "content/site.yaml:2:21"), "{f:?}");
    briefing(&site, &["check"])
        .code(1)
        .stderr(predicates::str::contains("did you mean `uk`?"));
    site.write(
        "content/site.yaml",
        "title: T\nlanguage: fr\nlanguages: [en, uk]\n",
    );
    assert!(has(&found(&site), "bad-language", "content/site.yaml:2:11"));
    // `language` alone keeps working, and declares one language.
    site.write("content/site.yaml", "title: T\nlanguage: uk\n");
    let f = found(&site);
    assert!(
        has(
            &f,
            "translation-language",
            "content/actors/france.uk.yaml:1:1"
        ),
        "{f:?}"
    );
}

#[test]
fn check_warns_of_missing_and_stale_translations() {
    let site = bilingual();
    let f = found(&site);
    assert!(
        has(
            &f,
            "stale-translation",
            "content/statements/umerov-90.uk.md:3:18"
        ),
        "{f:?}"
    );
    assert!(
        has(&f, "stale-translation", "content/actors/france.uk.yaml:1:1"),
        "{f:?}"
    );
    // The statement's translation says the quote is the briefing's translation.
    assert!(!f.iter().any(|(c, _)| c == "unmarked-quote"), "{f:?}");
    let st =
        std::fs::read_to_string(site.root().join("content/statements/umerov-90.uk.md")).unwrap();
    site.write(
        "content/statements/umerov-90.uk.md",
        st.replace(
            "translation_note: Цитату подано в перекладі брифінгу.\n",
            "",
        ),
    );
    assert!(has(
        &found(&site),
        "unmarked-quote",
        "content/statements/umerov-90.uk.md:2:1"
    ));
    site.write("content/statements/umerov-90.uk.md", st);
    // One warning for the language, however many items lack a translation.
    let missing: Vec<_> = f
        .iter()
        .filter(|(c, _)| c == "missing-translations")
        .collect();
    assert_eq!(missing.len(), 1, "{f:?}");
    assert_eq!(missing[0].1, "content/site.yaml:2:17");
    let all = briefing::check_with(site.root(), false);
    let d = all
        .iter()
        .find(|d| d.code == "missing-translations")
        .unwrap();
    assert!(
        d.message.starts_with(
            "2 of 9 items have no Ukrainian (`uk`) translation: actors/ukraine, sources/reuters"
        ),
        "{}",
        d.message
    );
    // A build reports stale translations too, but not the missing ones (`check` only).
    let out = tempfile::tempdir().unwrap();
    let report = briefing::build(site.root(), &briefing::BuildOptions::new(out.path())).unwrap();
    let codes: Vec<String> = report.warnings.iter().map(|d| d.code.to_string()).collect();
    assert!(codes.iter().any(|c| c == "stale-translation"), "{codes:?}");
    assert!(
        !codes.iter().any(|c| c == "missing-translations"),
        "{codes:?}"
    );
}

#[test]
fn check_translations_prints_the_table_and_the_lists() {
    let site = bilingual();
    let out = briefing(&site, &["check", "--translations"]).code(0);
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    insta::assert_snapshot!("check_translations", text);
    let out = briefing(&site, &["check", "--translations", "--format", "json"]).code(0);
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let uk = &v["translations"][0];
    assert_eq!(
        (
            uk["language"].as_str(),
            uk["items"].as_u64(),
            uk["translated"].as_u64()
        ),
        (Some("uk"), Some(9), Some(7))
    );
    assert_eq!(uk["stale"].as_array().unwrap().len(), 2);
}

#[test]
fn new_lang_writes_a_translation_to_fill_in() {
    let site = bilingual();
    briefing(&site, &["new", "actor", "ukraine", "--lang", "uk"]).code(0);
    let text = std::fs::read_to_string(site.root().join("content/actors/ukraine.uk.yaml")).unwrap();
    assert!(text.contains("name: \"Ukraine\""), "{text}");
    // Its words are the original's, so it is current (not stale) until they change.
    let f = found(&site);
    assert!(
        !f.iter()
            .any(|(_, a)| a.starts_with("content/actors/ukraine.uk.yaml")),
        "{f:?}"
    );
    let m = briefing::Site::load(site.root()).unwrap().model;
    let t = m.translations.get(Kind::Actors, "ukraine", &uk()).unwrap();
    assert_eq!(t.freshness, Freshness::Current);
    site.write(
        "content/actors/ukraine.yaml",
        "name: Ukraine (state)\nkind: state\n",
    );
    let f = found(&site);
    assert!(
        has(
            &f,
            "stale-translation",
            "content/actors/ukraine.uk.yaml:5:18"
        ),
        "{f:?}"
    );
    // Markdown kinds: the body comes along, and a contribution list of the right length.
    briefing(&site, &["new", "guarantee", "financial", "--lang", "uk"])
        .code(2)
        .stderr(predicates::str::contains("refusing to overwrite"));
    site.remove("content/guarantees/financial.uk.md");
    briefing(&site, &["new", "guarantee", "financial", "--lang", "uk"]).code(0);
    let g =
        std::fs::read_to_string(site.root().join("content/guarantees/financial.uk.md")).unwrap();
    assert!(g.contains("  - commitment: \"Fund reconstruction\""), "{g}");
    assert!(
        g.ends_with("What Kyiv asks for, as agreed at the [summit](@meetings/paris-summit).\n"),
        "{g}"
    );
    assert!(
        !found(&site)
            .iter()
            .any(|(c, _)| c.starts_with("translation-"))
    );
    // Refusals.
    briefing(&site, &["new", "meeting", "paris-summit", "--lang", "fr"])
        .code(2)
        .stderr(predicates::str::contains(
            "content/site.yaml does not declare `fr`",
        ));
    briefing(&site, &["new", "meeting", "paris", "--lang", "uk"])
        .code(2)
        .stderr(predicates::str::contains(
            "no meeting `paris` to translate (did you mean `paris-summit`?)",
        ));
    briefing(&site, &["new", "meeting", "paris-summit", "--lang", "ua"])
        .code(2)
        .stderr(predicates::str::contains("did you mean `uk`?"));
}

#[test]
fn a_withheld_item_s_translation_leaves_no_trace() {
    let site = bilingual();
    let loaded = briefing::Site::load(site.root()).unwrap();
    let (clear, _) = loaded.for_audience(Tlp::Clear);
    let m = &clear.model;
    assert!(
        m.translations
            .get(Kind::Meetings, "secret-talks", &uk())
            .is_none()
    );
    assert!(
        m.translations
            .get(Kind::Actors, "secret-envoy", &uk())
            .is_none()
    );
    let Words::Guarantee(g) = &m
        .translations
        .get(Kind::Guarantees, "financial", &uk())
        .unwrap()
        .words
    else {
        panic!()
    };
    assert_eq!(g.contributions.keys().collect::<Vec<_>>(), [&0]);
    assert!(!format!("{:?}", m.translations).contains("cnry"));
    // The CLEAR build: no canary, original or translated, in any file.
    let out = tempfile::tempdir().unwrap();
    briefing::build(site.root(), &briefing::BuildOptions::new(out.path())).unwrap();
    let files = snapshot_dir(out.path());
    assert!(files.contains_key("data/briefing.json"));
    for (path, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        assert!(!text.contains("cnry"), "{path}");
        assert!(!text.contains("secret"), "{path}");
    }
    // An AMBER build has the originals (the translations are not published yet).
    let mut opts = briefing::BuildOptions::new(out.path());
    opts.audience = Some(Tlp::Amber);
    briefing::build(site.root(), &opts).unwrap();
    let json = std::fs::read_to_string(out.path().join("data/briefing.json")).unwrap();
    assert!(json.contains("cnry-talks-original"));
}

#[test]
fn translations_leave_the_english_output_unchanged() {
    let site = bilingual();
    let with = tempfile::tempdir().unwrap();
    briefing::build(site.root(), &briefing::BuildOptions::new(with.path())).unwrap();
    for f in walkdir::WalkDir::new(site.root().join("content")) {
        let f = f.unwrap();
        let name = f.file_name().to_string_lossy().into_owned();
        if name.contains(".uk.") {
            std::fs::remove_file(f.path()).unwrap();
        }
    }
    let yaml = std::fs::read_to_string(site.root().join("content/site.yaml")).unwrap();
    site.write(
        "content/site.yaml",
        yaml.replace("languages: [en, uk]\n", ""),
    );
    let without = tempfile::tempdir().unwrap();
    briefing::build(site.root(), &briefing::BuildOptions::new(without.path())).unwrap();
    // The English tree is the site of one language, but for the links to the Ukrainian one.
    // (The manifests, which list every file, differ by the Ukrainian ones.)
    let (mut a, mut b) = (snapshot_dir(with.path()), snapshot_dir(without.path()));
    a.retain(|path, _| !path.starts_with("uk/") && !path.starts_with('.'));
    b.retain(|path, _| !path.starts_with('.'));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, bytes) in &a {
        if path == "data/briefing.json" {
            continue;
        }
        assert!(without_language_links(bytes) == b[path], "{path} differs");
    }
    // The JSON export carries every language: without them, it is the one made without.
    let json = |files: &std::collections::BTreeMap<String, Vec<u8>>| {
        serde_json::from_slice::<serde_json::Value>(&files["data/briefing.json"]).unwrap()
    };
    let (mut a, b) = (json(&a), json(&b));
    assert_eq!(a["languages"], serde_json::json!(["en", "uk"]));
    assert_eq!(b["languages"], serde_json::json!(["en"]));
    a["languages"] = b["languages"].clone();
    let mut translated = 0;
    for kind in Kind::ALL {
        for item in a[kind.dir()].as_array_mut().unwrap() {
            let item = item.as_object_mut().unwrap();
            translated += usize::from(item.remove("translations").is_some());
        }
    }
    // france, financial, paris-summit, paris-round, umerov-90.
    assert_eq!(translated, 5);
    assert!(a == b, "data/briefing.json differs beyond its translations");
}

/// `data/briefing.json` gives each translated item its translations' words by
/// language, from the audience's model: a CLEAR build has no trace of the translation
/// of an AMBER meeting, nor of the words of an AMBER contribution; an AMBER build has both.
#[test]
fn the_json_export_carries_the_translations_the_audience_may_see() {
    let site = bilingual();
    let out = tempfile::tempdir().unwrap();
    let item = |v: &serde_json::Value, kind: &str, id: &str| {
        v[kind]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["id"] == id)
            .cloned()
            .unwrap_or_default()
    };
    briefing::build(site.root(), &briefing::BuildOptions::new(out.path())).unwrap();
    let text = std::fs::read_to_string(out.path().join("data/briefing.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["schema_version"], 4);
    assert_eq!(v["languages"], serde_json::json!(["en", "uk"]));
    let uk = &item(&v, "meetings", "paris-summit")["translations"]["uk"];
    assert_eq!(uk["title"], "Паризький саміт");
    assert_eq!(uk["location"], "Париж");
    assert_eq!(uk["note"], "Переклад брифінгу.");
    assert!(
        uk.get("fresh").is_none(),
        "freshness could tell that withheld words changed: full edition only"
    );
    assert!(uk.get("date").is_none(), "facts are the original's only");
    let contributions = &item(&v, "guarantees", "financial")["translations"]["uk"]["contributions"];
    assert_eq!(
        contributions
            .as_object()
            .unwrap()
            .keys()
            .collect::<Vec<_>>(),
        ["contribution-1"]
    );
    assert!(item(&v, "actors", "ukraine").get("translations").is_none());
    for canary in ["cnry", "Таємні", "Нічого цікавого", "secret"] {
        assert!(!text.contains(canary), "{canary}");
    }
    // The AMBER audience sees the meeting, its translation and the contribution's words.
    let mut opts = briefing::BuildOptions::new(out.path());
    opts.audience = Some(Tlp::Amber);
    briefing::build(site.root(), &opts).unwrap();
    let text = std::fs::read_to_string(out.path().join("data/briefing.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let uk = &item(&v, "meetings", "secret-talks")["translations"]["uk"];
    assert_eq!(uk["title"], "Таємні переговори cnry-talks-translation");
    assert!(text.contains("cnry-contribution-translation"));
    // The full edition says how current each translation is.
    opts.audience = Some(Tlp::Red);
    briefing::build(site.root(), &opts).unwrap();
    let text = std::fs::read_to_string(out.path().join("data/briefing.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        item(&v, "meetings", "paris-summit")["translations"]["uk"]["fresh"],
        "current"
    );
}

/// A page without its links to its versions in other languages (`hreflang` links and
/// the language switcher).
fn without_language_links(bytes: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(bytes);
    let mut out = String::new();
    let mut rest: &str = &text;
    while let Some(i) = rest.find("<nav class=\"language-switcher\"") {
        out.push_str(&rest[..i]);
        let end = rest[i..].find("</nav>\n").expect("the switcher ends") + i;
        rest = &rest[end + "</nav>\n".len()..];
    }
    out.push_str(rest);
    out.split_inclusive('\n')
        .filter(|line| !line.starts_with("<link rel=\"alternate\" hreflang="))
        .collect::<String>()
        .into_bytes()
}

#[test]
fn serve_checks_an_edited_translation_with_the_whole_site() {
    use briefing::incremental::{Incremental, full};
    let site = bilingual();
    let mut inc = Incremental::new(site.root(), None);
    inc.rebuild().unwrap();
    let rel = "content/meetings/paris-summit.uk.md";
    let text = std::fs::read_to_string(site.root().join(rel)).unwrap();
    site.write(
        rel,
        text.replace("location: Париж\n", "location: Париж\ndate: 2026-01-07\n"),
    );
    let err = inc.rebuild_after(&[rel.into()]).unwrap_err();
    assert!(err.iter().any(|d| d.code == "translation-fact"), "{err}");
    site.write(rel, text.replace("cd066362", "00000000"));
    let r = inc.rebuild_after(&[rel.into()]).unwrap();
    assert!(!r.partial);
    let stale = |d: &briefing::diagnostics::Diagnostic| {
        d.code == "stale-translation" && d.file.as_deref() == Some(std::path::Path::new(rel))
    };
    assert!(r.warnings.iter().any(stale));
    assert!(inc.outputs() == full(site.root(), None).unwrap().0);
}

#[test]
fn serve_rebuilds_the_whole_site_after_an_edit_to_a_translated_original() {
    use briefing::incremental::{Incremental, full};
    let site = bilingual();
    let mut inc = Incremental::new(site.root(), None);
    inc.rebuild().unwrap();
    // The original's words change: its translation is now stale, which the export says.
    let rel = "content/meetings/paris-summit.md";
    let text = std::fs::read_to_string(site.root().join(rel)).unwrap();
    site.write(rel, text.replace("Finalise", "Settle"));
    let r = inc.rebuild_after(&[rel.into()]).unwrap();
    assert!(!r.partial);
    let stale = |d: &briefing::diagnostics::Diagnostic| {
        d.code == "stale-translation"
            && d.file.as_deref()
                == Some(std::path::Path::new("content/meetings/paris-summit.uk.md"))
    };
    assert!(r.warnings.iter().any(stale), "{:?}", r.warnings);
    assert!(inc.outputs() == full(site.root(), None).unwrap().0);
}
