//! Each validation rule, on a fixture that breaks it: code, file and line.

use crate::common::Site;
use briefing::diagnostics::Diagnostic;

/// Checks the site and returns its problems.
fn problems(site: &Site) -> Vec<Diagnostic> {
    briefing::check(site.root()).into_iter().collect()
}

/// Asserts that exactly the expected error is among the problems.
#[track_caller]
fn expect(site: &Site, code: &str, file: &str, line: Option<usize>, message: &str) -> Diagnostic {
    let all = problems(site);
    let found = all.iter().find(|d| {
        d.code == code
            && d.file
                .as_deref()
                .map(|f| f.to_string_lossy().replace('\\', "/"))
                == Some(file.to_string())
            && d.pos.map(|p| p.line) == line
            && d.message.contains(message)
    });
    match found {
        Some(d) => d.clone(),
        None => panic!("expected {code} at {file}:{line:?} containing {message:?}; got:\n{all:#?}"),
    }
}

const MEETING: &str = "content/meetings/paris-summit.md";

#[test]
fn the_fixture_is_valid() {
    let site = Site::minimal();
    let all = problems(&site);
    assert!(all.is_empty(), "{all:#?}");
}

#[test]
fn yaml_syntax_error() {
    let site = Site::minimal();
    site.write(MEETING, "---\ntitle: Paris\ndate: \"2026-01-06\n---\n");
    expect(&site, "yaml-syntax", MEETING, Some(3), "");
}

#[test]
fn unknown_field_with_suggestion() {
    let site = Site::minimal();
    site.write(
        MEETING,
        "---\ntitle: Paris\ndate: 2026-01-06\nparticpants: [france]\n---\n",
    );
    let d = expect(
        &site,
        "unknown-field",
        MEETING,
        Some(4),
        "unknown field `particpants`",
    );
    assert_eq!(d.help.as_deref(), Some("did you mean `participants`?"));
    assert_eq!(d.pos.unwrap().column, 1);
}

#[test]
fn unknown_nested_field() {
    let site = Site::minimal();
    let text =
        std::fs::read_to_string(site.root().join("content/guarantees/financial.md")).unwrap();
    site.write(
        "content/guarantees/financial.md",
        text.replace("    since:", "    sinse:"),
    );
    let d = expect(
        &site,
        "unknown-field",
        "content/guarantees/financial.md",
        Some(9),
        "`sinse`",
    );
    assert_eq!(d.help.as_deref(), Some("did you mean `since`?"));
}

#[test]
fn wrong_type() {
    let site = Site::minimal();
    site.write(
        MEETING,
        "---\ntitle: [Paris, summit]\ndate: 2026-01-06\n---\n",
    );
    expect(&site, "wrong-type", MEETING, Some(2), "");
}

#[test]
fn wrong_type_says_the_shape_the_field_takes() {
    let site = Site::minimal();
    site.write(
        "content/statements/zz.md",
        "---\nspeaker: [france, ukraine]\ndate: 2026-01-06\n---\n",
    );
    let d = expect(
        &site,
        "wrong-type",
        "content/statements/zz.md",
        Some(2),
        "`speaker` takes one value, not a list",
    );
    assert!(d.help.unwrap().contains("an actor id"));
}

#[test]
fn a_comma_in_a_flow_mapping_hints_at_quoting() {
    let site = Site::minimal();
    site.write(
        "content/actors/france.yaml",
        "name: France\nkind: state\nsources:\n  - {source: reuters, note: About 13,000 centrifuges}\n",
    );
    let d = expect(
        &site,
        "unknown-field",
        "content/actors/france.yaml",
        Some(4),
        "unknown field `000 centrifuges`",
    );
    let help = d.help.unwrap();
    assert!(
        help.contains("rest of `note`") && help.contains("quote"),
        "{help}"
    );
}

#[test]
fn a_file_that_fails_to_load_is_reported_once() {
    for broken in [
        "name: France\nkind: state\nurl: \"https://a.example\n",
        "name: France\nkind: state\nurl: [a, b]\n",
    ] {
        let site = Site::minimal();
        site.write("content/actors/france.yaml", broken);
        let all = problems(&site);
        let about_france: Vec<_> = all
            .iter()
            .filter(|d| {
                d.message.contains("france")
                    || d.help.as_deref().is_some_and(|h| h.contains("france"))
            })
            .collect();
        assert!(
            all.iter().all(|d| d.code != "dangling-reference"),
            "{all:#?}"
        );
        assert_eq!(about_france.len(), 1, "{about_france:#?}");
        expect(
            &site,
            "unchecked-references",
            "content/actors/france.yaml",
            Some(1),
            "references to actor `france` were not checked",
        );
        assert_eq!(all.iter().filter(|d| d.is_error()).count(), 1, "{all:#?}");
    }
}

#[test]
fn missing_required_fields() {
    let site = Site::minimal();
    site.write(MEETING, "---\nlocation: Paris\n---\n");
    expect(&site, "missing-field", MEETING, Some(2), "`title`");
    expect(&site, "missing-field", MEETING, Some(2), "`date`");
    site.write(
        "content/statements/umerov-90.md",
        "---\ndate: 2026-01-03\n---\nx\n",
    );
    let d = expect(
        &site,
        "missing-field",
        "content/statements/umerov-90.md",
        Some(2),
        "`speaker`",
    );
    assert!(d.help.unwrap().contains("attributed_to"));
    site.write("content/actors/france.yaml", "name: France\n");
    expect(
        &site,
        "missing-field",
        "content/actors/france.yaml",
        Some(1),
        "`kind`",
    );
}

#[test]
fn value_outside_enumeration_lists_allowed_ones() {
    let site = Site::minimal();
    site.write(
        MEETING,
        "---\ntitle: Paris\ndate: 2026-01-06\nstatus: helt\ntlp: white\n---\n",
    );
    let d = expect(
        &site,
        "bad-value",
        MEETING,
        Some(4),
        "`helt` is not a valid `status`",
    );
    assert_eq!(
        d.help.as_deref(),
        Some("did you mean `held`? (allowed: `planned`, `held`, `postponed` or `cancelled`)")
    );
    let d = expect(&site, "bad-value", MEETING, Some(5), "`white`");
    assert!(d.help.unwrap().contains("`amber+strict`"));
}

#[test]
fn bad_dates_and_times() {
    let site = Site::minimal();
    site.write(
        MEETING,
        "---\ntitle: Paris\ndate: 2026-02-30\ntime: 25:00\n---\n",
    );
    expect(&site, "bad-date", MEETING, Some(3), "`2026-02-30`");
    expect(&site, "bad-time", MEETING, Some(4), "`25:00`");
    site.write(MEETING, "---\ntitle: Paris\ndate: 6 January 2026\n---\n");
    expect(&site, "bad-date", MEETING, Some(3), "");
}

#[test]
fn end_before_start() {
    let site = Site::minimal();
    site.write(
        "content/rounds/paris-round.yaml",
        "title: R\nstart: 2026-01-06\nend: 2026-01-03\n",
    );
    expect(
        &site,
        "end-before-start",
        "content/rounds/paris-round.yaml",
        Some(3),
        "",
    );
    site.write(
        MEETING,
        "---\ntitle: Paris\ndate: 2026-01-06\nend_date: 2026-01-05\n---\n",
    );
    expect(&site, "end-before-start", MEETING, Some(4), "");
}

#[test]
fn duplicate_and_bad_ids() {
    let site = Site::minimal();
    site.write(
        "content/actors/europe/france.yaml",
        "name: France again\nkind: state\n",
    );
    // The walk is sorted, so the later of the two files in walk order is the one reported.
    let d = expect(
        &site,
        "duplicate-id",
        "content/actors/france.yaml",
        Some(1),
        "duplicate actor id `france`",
    );
    assert!(
        d.help
            .unwrap()
            .contains("content/actors/europe/france.yaml")
    );
    site.write(
        "content/actors/Emmanuel_Macron.yaml",
        "name: Macron\nkind: person\n",
    );
    let d = expect(
        &site,
        "bad-id",
        "content/actors/Emmanuel_Macron.yaml",
        Some(1),
        "",
    );
    assert!(d.help.unwrap().contains("emmanuel-macron"));
}

#[test]
fn ids_of_list_pages_are_refused() {
    let site = Site::minimal();
    site.write(
        "content/meetings/index.md",
        "---\ntitle: Index\ndate: 2026-01-01\n---\n",
    );
    site.write(
        "content/actors/2026/page-2.yaml",
        "name: Page two\nkind: person\n",
    );
    let d = expect(
        &site,
        "reserved-id",
        "content/meetings/index.md",
        Some(1),
        "meetings/index.html, where the list of meetings goes",
    );
    assert!(d.help.unwrap().contains("`meeting-index`"));
    expect(
        &site,
        "reserved-id",
        "content/actors/2026/page-2.yaml",
        Some(1),
        "`page-2` is reserved",
    );
}

#[test]
fn dangling_references_of_every_kind() {
    let site = Site::minimal();
    site.write(
        MEETING,
        "---\ntitle: Paris\ndate: 2026-01-06\nconvened_by: [frane]\nround: paris\nparticipants:\n  - umerov\nsources: [reuter]\n---\n",
    );
    let d = expect(
        &site,
        "dangling-reference",
        MEETING,
        Some(4),
        "unknown actor `frane`",
    );
    assert_eq!(d.help.as_deref(), Some("did you mean `france`?"));
    let d = expect(
        &site,
        "dangling-reference",
        MEETING,
        Some(5),
        "unknown round `paris`",
    );
    assert_eq!(d.help.as_deref(), Some("did you mean `paris-round`?"));
    let d = expect(
        &site,
        "dangling-reference",
        MEETING,
        Some(7),
        "unknown actor `umerov`",
    );
    assert_eq!(d.help.as_deref(), Some("did you mean `rustem-umerov`?"));
    expect(
        &site,
        "dangling-reference",
        MEETING,
        Some(8),
        "unknown source `reuter`",
    );
    site.write(
        "content/statements/umerov-90.md",
        "---\nspeaker: rustem-umerov\ndate: 2026-01-03\nmeeting: kyiv\nabout: [finance]\n---\nx\n",
    );
    expect(
        &site,
        "dangling-reference",
        "content/statements/umerov-90.md",
        Some(4),
        "unknown meeting `kyiv`",
    );
    expect(
        &site,
        "dangling-reference",
        "content/statements/umerov-90.md",
        Some(5),
        "unknown guarantee `finance`",
    );
}

#[test]
fn country_must_be_a_state() {
    let site = Site::minimal();
    site.write(
        "content/actors/france.yaml",
        "name: France\nkind: state\ncountry: rustem-umerov\n",
    );
    expect(
        &site,
        "not-a-state",
        "content/actors/france.yaml",
        Some(3),
        "is a person",
    );
}

#[test]
fn dangling_markdown_link_is_reported_at_its_line() {
    let site = Site::minimal();
    site.write(
        MEETING,
        "---\ntitle: Paris\ndate: 2026-01-06\n---\nIntro.\n\nSee [Kyiv](@meetings/kyiv).\n",
    );
    let d = expect(&site, "dangling-link", MEETING, Some(7), "`@meetings/kyiv`");
    assert_eq!(d.pos.unwrap().column, 5);
    assert_eq!(d.help.as_deref(), Some("did you mean `kyiv-meeting`?"));
}

#[test]
fn front_matter_and_encoding_problems() {
    let site = Site::minimal();
    site.write(MEETING, "title: Paris\n");
    expect(&site, "front-matter", MEETING, Some(1), "");
    site.write(
        "content/actors/france.yaml",
        b"name: Fran\xe7e\nkind: state\n",
    );
    let d = expect(&site, "not-utf8", "content/actors/france.yaml", Some(1), "");
    assert_eq!(d.pos.unwrap().column, 11);
}

#[test]
fn citation_checks() {
    let site = Site::minimal();
    site.write(
        MEETING,
        "---\ntitle: Paris\ndate: 2026-01-06\nsources:\n  - {source: reuters, credibility: 7, url: www.x.org}\n  - {credibility: 2}\n---\n",
    );
    expect(&site, "bad-value", MEETING, Some(5), "credibility 7");
    expect(&site, "bad-url", MEETING, Some(5), "`www.x.org`");
    expect(
        &site,
        "missing-field",
        MEETING,
        Some(6),
        "citation without `source`",
    );
}

#[test]
fn site_settings_are_checked() {
    let site = Site::minimal();
    site.write(
        "content/site.yaml",
        "subtitle: x\ntimezone: Europe/Kiyv\nbase_url: example.org\n",
    );
    expect(
        &site,
        "missing-field",
        "content/site.yaml",
        Some(1),
        "`title`",
    );
    expect(&site, "bad-timezone", "content/site.yaml", Some(2), "");
    expect(&site, "bad-url", "content/site.yaml", Some(3), "");
    site.remove("content/site.yaml");
    expect(&site, "unreadable", "content/site.yaml", Some(1), "");
}

#[test]
fn stray_files_warn_but_do_not_fail() {
    let site = Site::minimal();
    site.write("content/notes.txt", "scratch");
    site.write("content/meeting/x.md", "---\ntitle: x\n---\n");
    let all = problems(&site);
    assert!(all.iter().all(|d| !d.is_error()), "{all:#?}");
    let d = all
        .iter()
        .find(|d| d.file.as_deref() == Some("content/meeting/x.md".as_ref()))
        .unwrap();
    assert_eq!(d.code, "stray-file");
    assert_eq!(
        d.help.as_deref(),
        Some("folder `meeting`: did you mean `meetings`?")
    );
}

#[test]
fn every_problem_is_reported_in_one_run() {
    let site = Site::minimal();
    site.write(
        MEETING,
        "---\ntitle: Paris\ndate: 2026-13-01\nstatuss: held\n---\n[x](@actors/nobody)\n",
    );
    site.write("content/actors/france.yaml", "name: France\nkind: stat\n");
    site.write(
        "content/rounds/paris-round.yaml",
        "title: R\nstart: 2026-01-06\nend: 2026-01-03\n",
    );
    let diags = briefing::check(site.root());
    assert_eq!(diags.error_count(), 5, "{diags}");
    assert!(
        diags
            .summary()
            .starts_with("5 errors, 0 warnings in 3 files"),
        "{}",
        diags.summary()
    );
}

/// Every problem names its file, line and column: on the broken fixture, the analysis
/// fixture (sourcing findings of items and contributions), and file-level problems.
#[test]
fn every_problem_has_a_file_line_and_column() {
    let site = Site::minimal();
    site.write("content/actors/Bad_Id.yaml", "name: X\nkind: person\n");
    site.write("content/actors/2026/france.yaml", "name: F\nkind: state\n");
    site.write(
        "content/meetings/index.md",
        "---\ntitle: I\ndate: 2026-01-01\n---\n",
    );
    site.write("content/notes.txt", "not content");
    site.write(
        "content/statements/latin1.md",
        b"---\ndate: 2026-01-01\n---\n\xe9\n",
    );
    site.write(
        "content/actors/self.yaml",
        "name: Self\nkind: organisation\naffiliation: self\n",
    );
    let mut all: Vec<Diagnostic> = briefing::check_with(site.root(), false)
        .into_iter()
        .collect();
    for fixture in ["broken", "analysis", "minimal"] {
        let root = crate::common::fixtures().join(fixture);
        all.extend(briefing::check_with(&root, false));
    }
    for code in [
        "bad-id",
        "duplicate-id",
        "reserved-id",
        "stray-file",
        "not-utf8",
        "self-reference",
    ] {
        assert!(all.iter().any(|d| d.code == code), "no {code} in {all:#?}");
    }
    let unplaced: Vec<&Diagnostic> = all
        .iter()
        .filter(|d| d.file.is_none() || d.pos.is_none())
        .collect();
    assert!(unplaced.is_empty(), "{unplaced:#?}");
}

/// A sourcing finding about a contribution points at the contribution's citation.
#[test]
fn contribution_findings_point_at_the_contribution() {
    let site = Site::minimal();
    let file = "content/guarantees/financial.md";
    let text = std::fs::read_to_string(site.root().join(file)).unwrap();
    site.write(
        file,
        text.replace("[{source: reuters, credibility: 3}]", "[reuters]"),
    );
    let all: Vec<Diagnostic> = briefing::check_with(site.root(), false)
        .into_iter()
        .collect();
    let d = all
        .iter()
        .find(|d| d.code == "ungraded-citation" && d.message.contains("contribution 1"))
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(d.pos.map(|p| (p.line, p.column)), Some((13, 15)), "{d:#?}");
}

const GUARANTEE: &str = "content/guarantees/financial.md";

/// The warnings an analyst needs after a round, each at the field to edit.
#[test]
fn after_a_round_stale_plans_deadlines_and_repeated_steps_warn() {
    let site = Site::minimal();
    // as_of is 2026-01-04: a meeting on the 3rd still planned (status given, then not).
    site.write(
        MEETING,
        "---\ntitle: Paris\ndate: 2026-01-03\nstatus: planned\nround: paris-round\n---\n",
    );
    let d = expect(
        &site,
        "planned-in-the-past",
        MEETING,
        Some(4),
        "still `planned` but dated 2026-01-03",
    );
    assert!(d.help.unwrap().contains("status: held"));
    site.write(
        MEETING,
        "---\ntitle: Paris\ndate: 2026-01-03\nround: paris-round\n---\n",
    );
    expect(&site, "planned-in-the-past", MEETING, Some(3), "");
    // Dated on the as-of day, it is not yet stale.
    site.write(MEETING, "---\ntitle: Paris\ndate: 2026-01-04\n---\n");
    assert!(
        problems(&site)
            .iter()
            .all(|d| d.code != "planned-in-the-past")
    );

    site.write(
        GUARANTEE,
        "---\ntitle: F\ncategory: financial\ncontributions:\n  - by: france\n    commitment: Fund\n    status: agreed\n    since: 2026-01-02\n    due: 2026-01-03\n    history:\n      - {date: 2026-01-01, status: discussed}\n      - {date: 2026-01-02, status: agreed}\n  - by: france\n    commitment: Done in time\n    status: implemented\n    since: 2026-01-02\n    due: 2026-01-03\n---\n",
    );
    expect(
        &site,
        "overdue",
        GUARANTEE,
        Some(9),
        "due 2026-01-03 but still `agreed` as of 2026-01-04",
    );
    expect(
        &site,
        "history-repeats-current",
        GUARANTEE,
        Some(12),
        "repeats the current status `agreed`",
    );
    let all = problems(&site);
    assert_eq!(
        all.iter().filter(|d| d.code == "overdue").count(),
        1,
        "{all:#?}"
    );
    // A step after `since` keeps its warning, now with a fix.
    site.write(
        GUARANTEE,
        "---\ntitle: F\ncategory: financial\ncontributions:\n  - by: france\n    commitment: Fund\n    status: agreed\n    since: 2026-01-01\n    history:\n      - {date: 2026-01-02, status: discussed}\n---\n",
    );
    let d = expect(
        &site,
        "history-after-since",
        GUARANTEE,
        Some(8),
        "before the last history step",
    );
    assert!(d.help.is_some());
}

/// The new contribution fields are read, and checked like every other.
#[test]
fn status_fields_are_checked() {
    let site = Site::minimal();
    site.write(
        GUARANTEE,
        "---\ntitle: F\ncategory: financial\ncontributions:\n  - by: france\n    commitment: Fund\n    status: breached\n    continuing: true\n    due: soon\n    until: 2026-13-01\n    history:\n      - {date: 2026-01-01, status: agreed, sources: [nowhere]}\n---\n",
    );
    expect(&site, "bad-date", GUARANTEE, Some(9), "");
    expect(&site, "bad-date", GUARANTEE, Some(10), "");
    expect(&site, "dangling-reference", GUARANTEE, Some(12), "nowhere");
    site.write(
        GUARANTEE,
        "---\ntitle: F\ncategory: financial\ncontributions:\n  - by: france\n    commitment: Fund\n    status: agreed\n    continuing: yes please\n---\n",
    );
    expect(
        &site,
        "wrong-type",
        GUARANTEE,
        Some(8),
        "takes `true` or `false`, not `yes please`",
    );
}

/// A month or a year still running on the as-of date counts from its last day, so what it
/// dates is left out of every view: `check` says so, at the date, rather than let an item
/// vanish silently. A history step out of date order in its file is still found.
#[test]
fn dates_running_past_as_of_warn() {
    let site = Site::minimal();
    // as_of is 2026-01-04.
    site.write(
        "content/statements/early.md",
        "---\nspeaker: rustem-umerov\ndate: 2026\n---\nSaid this year.\n",
    );
    site.write(
        GUARANTEE,
        "---\ntitle: F\ncategory: financial\ncontributions:\n  - by: france\n    commitment: Fund\n    status: agreed\n    since: 2025-12-20\n    history:\n      - {date: 2026-01, status: discussed}\n      - {date: 2025-11-02, status: proposed}\n---\n",
    );
    let d = expect(
        &site,
        "running-date",
        "content/statements/early.md",
        Some(3),
        "dated 2026, which runs past the as-of date 2026-01-04: it counts from 2026-12-31",
    );
    assert!(d.help.is_some());
    expect(
        &site,
        "running-date",
        GUARANTEE,
        Some(10),
        "a history step is dated 2026-01, which runs past",
    );
    let all = problems(&site);
    assert_eq!(
        all.iter().filter(|d| d.code == "running-date").count(),
        2,
        "{all:#?}"
    );
}
