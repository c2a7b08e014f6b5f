//! Issue 13's model additions on the minimal fixture: imprecise dates, contribution ids,
//! `requested_by`, `conditional_on` (and its cycle check), statements answering and
//! contradicting each other, several affiliations.

use crate::common::Site;
use briefing::diagnostics::Diagnostic;

fn build(site: &Site) {
    briefing::build(site.root(), &briefing::BuildOptions::new(site.output()))
        .unwrap_or_else(|e| panic!("{e}"));
}

fn problems(site: &Site) -> Vec<Diagnostic> {
    briefing::check(site.root()).into_iter().collect()
}

const GUARANTEE: &str = "content/guarantees/financial.md";
const MONITORING: &str = "content/guarantees/monitoring.md";

/// Two components whose contributions depend on each other: `financial#fund`
/// (France, agreed in December 2025: a month, counted from its last day, so before the
/// as-of date 2026-01-04) is conditional on `monitoring#watch` (Ukraine, proposed), asked for
/// by Ukraine; `monitoring#watch` is conditional on `cycle` (nothing, or `financial#fund`).
fn related(site: &Site, cycle: &str) {
    site.write(
        GUARANTEE,
        "---\ntitle: Financial commitments\ncategory: financial\ncontributions:\n\
         \x20 - id: fund\n    by: france\n    requested_by: ukraine\n\
         \x20   commitment: Fund reconstruction\n    status: agreed\n\
         \x20   since: 2025-12\n    conditional_on: [monitoring#watch]\n---\n\
         See [the watch](@guarantees/monitoring#watch).\n",
    );
    site.write(
        MONITORING,
        format!(
            "---\ntitle: Monitoring\ncategory: monitoring\ncontributions:\n\
             \x20 - id: watch\n    by: ukraine\n    commitment: Allow monitors\n\
             \x20   status: proposed\n    since: ~2026-01-02\n{cycle}---\n"
        ),
    );
}

#[test]
fn relations_show_both_ways_and_requests_read_as_asked() {
    let site = Site::minimal();
    related(&site, "");
    build(&site);
    let fin = site.page("guarantees/financial.html");
    // The id is the anchor; the condition links to the other component's contribution
    // and is flagged: proposed stands below agreed.
    assert!(fin.contains(r#"id="fund""#), "{fin}");
    assert!(fin.contains("<dt>Conditional on</dt>"), "{fin}");
    assert!(
        fin.contains(r#"href="../guarantees/monitoring.html#watch""#),
        "{fin}"
    );
    assert!(fin.contains("condition below this status"), "{fin}");
    // Asked for by Ukraine, not France's own offer.
    assert!(fin.contains("asked for by"), "{fin}");
    assert!(fin.contains("not the contributor’s own offer"), "{fin}");
    let mon = site.page("guarantees/monitoring.html");
    assert!(mon.contains("<dt>A condition of</dt>"), "{mon}");
    assert!(
        mon.contains(r#"href="../guarantees/financial.html#fund""#),
        "{mon}"
    );
    assert!(mon.contains("stands above this condition"), "{mon}");
    // The matrix cell links to the id and says who asked.
    let matrix = site.page("matrix.html");
    assert!(matrix.contains("financial.html#fund"), "{matrix}");
    assert!(
        matrix.contains(r#"<span class="requested">asked by Ukraine</span>"#),
        "{matrix}"
    );
    // Ukraine's page lists what it asked of others; France's reads it as asked.
    let ukraine = site.page("actors/ukraine.html");
    assert!(ukraine.contains("Commitments asked of others"), "{ukraine}");
    assert!(site.page("actors/france.html").contains("asked for by"));
    // Dates as written: a month, an approximate day.
    assert!(
        fin.contains(r#"<time datetime="2025-12">December 2025</time>"#),
        "{fin}"
    );
    assert!(
        mon.contains(r#"<time datetime="2026-01-02">c. 2 January 2026</time>"#),
        "{mon}"
    );
    // The CSV keeps the written form.
    let csv = site.page("data/contributions.csv");
    assert!(
        csv.contains(",2025-12,") && csv.contains(",~2026-01-02,"),
        "{csv}"
    );
}

#[test]
fn a_condition_cycle_is_an_error_at_the_entry_closing_it() {
    let site = Site::minimal();
    related(&site, "    conditional_on: [financial#fund]\n");
    let all = problems(&site);
    let cycles: Vec<&Diagnostic> = all.iter().filter(|d| d.code == "condition-cycle").collect();
    assert_eq!(cycles.len(), 1, "{all:#?}");
    let d = cycles[0];
    assert_eq!(
        d.file
            .as_deref()
            .map(|f| f.to_string_lossy().replace('\\', "/")),
        Some(MONITORING.to_string())
    );
    // Line 10 of monitoring.md: `    conditional_on: [financial#fund]`, column of the entry.
    let pos = d.pos.expect("positioned");
    assert_eq!((pos.line, pos.column), (10, 22), "{d:#?}");
    assert!(
        d.message
            .contains("`financial#fund` → `monitoring#watch` → `financial#fund`"),
        "{d:#?}"
    );
}

#[test]
fn dangling_contribution_references_are_errors() {
    let site = Site::minimal();
    related(&site, "");
    site.write(
        GUARANTEE,
        "---\ntitle: F\ncategory: financial\ncontributions:\n\
         \x20 - {id: fund, by: france, commitment: C, status: agreed, conditional_on: [monitoring#wach]}\n\
         \x20 - {id: fund, by: ukraine, commitment: D, status: agreed, requested_by: frnace}\n\
         ---\nSee [the watch](@guarantees/monitoring#wtach).\n",
    );
    let all = problems(&site);
    let has = |code: &str, line: usize, text: &str| {
        all.iter().any(|d| {
            d.code == code && d.pos.map(|p| p.line) == Some(line) && d.message.contains(text)
        })
    };
    assert!(
        has("dangling-reference", 5, "no contribution with id `wach`"),
        "{all:#?}"
    );
    assert!(has("duplicate-id", 6, "`fund`"), "{all:#?}");
    assert!(has("dangling-reference", 6, "`frnace`"), "{all:#?}");
    assert!(
        has("dangling-link", 8, "no contribution with id `wtach`"),
        "{all:#?}"
    );
}

#[test]
fn statements_answer_and_contradict_and_roll_up_to_their_state() {
    let site = Site::minimal();
    // The reply is dated 2026: known as of the year's last day.
    site.write(
        "content/site.yaml",
        SITE.replace("2026-01-04", "2026-12-31"),
    );
    site.write(
        "content/actors/rustem-umerov.yaml",
        "name: Rustem Umerov\nkind: person\nrole: Secretary\naffiliation: [ukraine, france]\n",
    );
    site.write(
        "content/statements/reply.md",
        "---\nspeaker: rustem-umerov\ndate: 2026\nresponds_to: [anonymous]\n\
         contradicts: [umerov-90]\n---\nNo.\n",
    );
    build(&site);
    let reply = site.page("statements/reply.html");
    assert!(reply.contains("<dt>Responds to</dt>"), "{reply}");
    assert!(reply.contains("<dt>Contradicts</dt>"), "{reply}");
    // Dated only by the year (unquoted in YAML), shown as written.
    assert!(
        reply.contains(r#"<time datetime="2026">2026</time>"#),
        "{reply}"
    );
    let anon = site.page("statements/anonymous.html");
    assert!(
        anon.contains("<dt>Answered by</dt>") && anon.contains("reply.html"),
        "{anon}"
    );
    let umerov = site.page("statements/umerov-90.html");
    assert!(umerov.contains("<dt>Contradicted by</dt>"), "{umerov}");
    let index = site.page("declarations.html");
    assert!(index.contains("Answers and contradictions"), "{index}");
    assert!(index.contains("1 contradicts"), "{index}");
    let exchanges = site.page("declarations/exchanges.html");
    assert!(exchanges.contains("contradicts</strong>"), "{exchanges}");
    // Umerov's statements sit beside France's (an affiliation) and Ukraine's rows.
    let decl = site.page("declarations/actors.html");
    assert!(decl.matches("By its people:").count() >= 2, "{decl}");
    let actor = site.page("actors/rustem-umerov.html");
    assert!(
        actor.contains("ukraine.html") && actor.contains("france.html"),
        "{actor}"
    );
}

#[test]
fn imprecise_dates_sort_by_first_day_and_count_by_last() {
    let site = Site::minimal();
    // A year sorts before any day of it; it counts as of its last day, so the briefing
    // speaks as of the end of the year.
    site.write(
        "content/site.yaml",
        SITE.replace("2026-01-04", "2026-12-31"),
    );
    site.write(
        "content/statements/early.md",
        "---\nspeaker: rustem-umerov\ndate: 2026\n---\nEarly.\n",
    );
    build(&site);
    let list = site.page("statements/index.html");
    let (early, dated) = (
        list.find("early.html").unwrap(),
        list.find("umerov-90.html").unwrap(),
    );
    // Newest first: the year-dated statement (first day 1 January) comes last.
    assert!(dated < early, "{list}");
    let m = briefing::Site::load(site.root()).unwrap().model;
    let when = m.statements["early"].date;
    assert_eq!(when.first(), jiff::civil::date(2026, 1, 1));
    assert_eq!(when.last(), jiff::civil::date(2026, 12, 31));
}

const SITE: &str =
    "title: Minimal briefing\ntimezone: Europe/Kyiv\nas_of: 2026-01-04\naudience: green\n";

#[test]
fn a_site_extends_the_vocabularies_with_labels() {
    let site = Site::minimal();
    site.write(
        "content/site.yaml",
        format!(
            "{SITE}vocabularies:\n  categories: {{enrichment: Enrichment limits}}\n\
             \x20 levels: {{ambassadors: Ambassadors}}\n\
             \x20 source_kinds: {{intergovernmental: Intergovernmental body}}\n\
             \x20 statement_kinds: {{communique: Communiqué}}\n"
        ),
    );
    site.write(
        "content/guarantees/financial.md",
        "---\ntitle: Enrichment cap\ncategory: enrichment\n---\n",
    );
    site.write(
        "content/sources/reuters.yaml",
        "name: Reuters\nkind: intergovernmental\nreliability: B\n",
    );
    site.write(
        "content/meetings/paris-summit.md",
        "---\ntitle: Paris summit\ndate: 2026-01-06\nlevel: ambassadors\n---\n",
    );
    site.write(
        "content/statements/anonymous.md",
        "---\nattributed_to: officials\ndate: 2026-01-04\nkind: communique\n---\nText.\n",
    );
    build(&site);
    assert!(
        site.page("guarantees/financial.html")
            .contains("<dd>Enrichment limits</dd>")
    );
    assert!(
        site.page("sources/reuters.html")
            .contains("<dd>Intergovernmental body</dd>")
    );
    assert!(
        site.page("meetings/paris-summit.html")
            .contains("<dd>Ambassadors</dd>")
    );
    assert!(
        site.page("statements/anonymous.html")
            .contains("<dd>Communiqué</dd>")
    );
    // The built-in words stay, shown as before.
    assert!(
        site.page("meetings/kyiv-meeting.html")
            .contains("<dd>security advisers</dd>")
    );
    // An unknown word still gets a suggestion, now among the site's words too, and the
    // help says where to add one.
    site.write(
        "content/guarantees/financial.md",
        "---\ntitle: Enrichment cap\ncategory: enrichmnt\n---\n",
    );
    let all = problems(&site);
    let d = all
        .iter()
        .find(|d| d.code == "bad-value" && d.message.contains("`enrichmnt`"))
        .unwrap_or_else(|| panic!("{all:#?}"));
    let help = d.help.as_deref().unwrap_or("");
    assert!(help.starts_with("did you mean `enrichment`?"), "{help}");
    assert!(help.contains("vocabularies: categories:"), "{help}");
    // A malformed word in site.yaml is an error there.
    site.write(
        "content/site.yaml",
        format!("{SITE}vocabularies:\n  levels: {{Big Wigs: Big wigs}}\n"),
    );
    let all = problems(&site);
    assert!(
        all.iter().any(|d| d.code == "bad-value"
            && d.message.contains("`Big Wigs`")
            && d.pos.map(|p| p.line) == Some(6)),
        "{all:#?}"
    );
}

#[test]
fn changes_between_rounds_show_in_the_next_round_with_their_date() {
    let site = Site::minimal();
    // The briefing speaks as of after the second round, so its brief shows its changes.
    site.write(
        "content/site.yaml",
        SITE.replace("2026-01-04", "2026-02-28"),
    );
    site.write(
        "content/rounds/second.yaml",
        "title: Second round\nstart: 2026-02-01\nend: 2026-02-10\n",
    );
    // Agreed on 20 January: after the Paris round, before the second.
    site.write(
        GUARANTEE,
        "---\ntitle: Financial commitments\ncategory: financial\ncontributions:\n\
         \x20 - {by: france, commitment: Fund, status: agreed, since: 2026-01-20,\n\
         \x20    history: [{date: 2026-01-03, status: discussed}]}\n---\n",
    );
    let m = briefing::Site::load(site.root()).unwrap().model;
    let rc = briefing::analysis::changes::round_changes(&m, "second").unwrap();
    let when = rc.changes[0].between_rounds.expect("between rounds");
    assert_eq!(when.written(), "2026-01-20");
    let first = briefing::analysis::changes::round_changes(&m, "paris-round").unwrap();
    assert_eq!(first.changes[0].between_rounds, None);
    build(&site);
    let page = site.page("rounds/second.html");
    assert!(
        page.contains(r#"between rounds, <time datetime="2026-01-20">20 January 2026</time>"#),
        "{page}"
    );
}

#[test]
fn a_withheld_condition_leaves_no_trace() {
    let site = Site::minimal();
    // The condition is marked amber; the minimal site's audience is green.
    site.write(
        GUARANTEE,
        "---\ntitle: Financial commitments\ncategory: financial\ncontributions:\n\
         \x20 - {id: fund, by: france, commitment: Fund, status: agreed,\n\
         \x20    conditional_on: [monitoring#secret-watch]}\n---\n",
    );
    site.write(
        MONITORING,
        "---\ntitle: Monitoring\ncategory: monitoring\ncontributions:\n\
         \x20 - {id: secret-watch, by: ukraine, commitment: Hidden monitors, status: proposed, tlp: amber}\n---\n",
    );
    build(&site);
    for (path, bytes) in crate::common::snapshot_dir(&site.output()) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("secret-watch"), "{path}");
        assert!(!text.contains("Hidden monitors"), "{path}");
    }
    assert!(
        !site
            .page("guarantees/financial.html")
            .contains("Conditional on")
    );
}

/// The references issue 13 added (`requested_by`, `responds_to`, `contradicts`, several
/// affiliations) to items above the audience read "(withheld)" and leave no id, name or
/// word of the withheld items in any output.
#[test]
fn withheld_relations_leave_no_trace() {
    let site = Site::minimal();
    // Marked amber; the minimal site's audience is green.
    site.write(
        "content/actors/secret-bloc.yaml",
        "name: Covert Bloc\nkind: organisation\ntlp: amber\n",
    );
    site.write(
        "content/statements/hidden-remark.md",
        "---\nspeaker: rustem-umerov\ndate: 2026-01-02\ntlp: amber\n---\nConcealed words.\n",
    );
    site.write(
        "content/actors/rustem-umerov.yaml",
        "name: Rustem Umerov\nkind: person\ncountry: ukraine\naffiliation: [ukraine, secret-bloc]\n",
    );
    site.write(
        "content/statements/reply.md",
        "---\nspeaker: rustem-umerov\ndate: 2026-01-03\nresponds_to: [hidden-remark]\n\
         contradicts: [hidden-remark]\n---\nNo.\n",
    );
    site.write(
        GUARANTEE,
        "---\ntitle: Financial commitments\ncategory: financial\ncontributions:\n\
         \x20 - {by: france, requested_by: secret-bloc, commitment: Fund, status: agreed}\n---\n",
    );
    build(&site);
    for (path, bytes) in crate::common::snapshot_dir(&site.output()) {
        let text = String::from_utf8_lossy(&bytes);
        for secret in [
            "secret-bloc",
            "Covert Bloc",
            "hidden-remark",
            "Concealed words",
        ] {
            assert!(!text.contains(secret), "{secret} in {path}");
        }
    }
    let reply = site.page("statements/reply.html");
    assert!(reply.contains("<dt>Responds to</dt>"), "{reply}");
    assert!(reply.contains("(withheld)"), "{reply}");
    let fin = site.page("guarantees/financial.html");
    assert!(
        fin.contains("asked for by") && fin.contains("(withheld)"),
        "{fin}"
    );
    let actor = site.page("actors/rustem-umerov.html");
    assert!(actor.contains("(withheld)"), "{actor}");
}
