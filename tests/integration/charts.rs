//! Charts on the analysis fixture (three rounds, January to March 2026): the numbers
//! they are drawn from, and that an audience's charts count nothing withheld from it.
//! Also the timeline grouped by day and component.

use crate::common::{Site, fixtures, mark_beta_implemented_amber};
use briefing::model::Tlp;
use briefing::render::charts::{Chart, ChartData};
use briefing::render::view::Views;

fn model() -> briefing::model::Model {
    briefing::Site::load(&fixtures().join("analysis"))
        .unwrap_or_else(|d| panic!("{d}"))
        .model
}

/// A bar chart's categories, and its series as (name, values).
fn bars(chart: &Chart) -> (Vec<String>, Vec<(String, Vec<usize>)>) {
    let ChartData::Bars {
        categories, series, ..
    } = &chart.data
    else {
        panic!("not a bar chart: {chart:?}");
    };
    let series = series
        .iter()
        .map(|s| (s.name.clone(), s.values.clone()))
        .collect();
    (categories.clone(), series)
}

fn s(name: &str, values: &[usize]) -> (String, Vec<usize>) {
    (name.to_string(), values.to_vec())
}

/// Statuses at each round's end, as the fixture's comments give them: r1 declared 2,
/// agreed 3, implemented 1; r2 Beta by Borduria withdrawn, Alpha by Aland signed, More
/// beta still agreed; r3 More alpha proposed, More beta down to declared.
#[test]
fn the_rounds_chart_counts_each_status_at_each_round_s_end() {
    let m = model();
    let views = Views::new(&m);
    let chart = views.rounds_chart("r3").expect("a chart");
    let (rounds, series) = bars(&chart);
    assert_eq!(rounds, ["Round 1", "Round 2", "Round 3"]);
    assert_eq!(
        series,
        [
            s("withdrawn", &[0, 1, 1]),
            s("proposed", &[0, 0, 1]),
            s("declared", &[2, 1, 2]),
            s("agreed", &[3, 2, 1]),
            s("signed", &[0, 1, 1]),
            s("implemented", &[1, 1, 1]),
        ]
    );
    assert!(chart.svg.contains(r#"role="img""#));
    assert!(
        chart
            .description
            .contains("At the end of Round 3: 7 contributions")
    );
    // A round's chart runs up to that round.
    let (rounds, series) = bars(&views.rounds_chart("r2").unwrap());
    assert_eq!(rounds, ["Round 1", "Round 2"]);
    assert_eq!(series[0], s("withdrawn", &[0, 1]));
    assert!(views.rounds_chart("nope").is_none());
    let first = views.rounds_chart("r1").unwrap();
    assert!(
        first
            .description
            .starts_with("One bar per round, for Round 1: ")
    );
    assert!(
        chart
            .description
            .starts_with("One bar per round, from Round 1 to Round 3: ")
    );
}

#[test]
fn the_pages_carry_their_charts_and_the_data_as_a_table() {
    let site = Site::fixture("analysis");
    build(&site, None);
    let index = site.page("index.html");
    assert!(index.contains(r#"<figure class="chart chart-bars" id="chart-rounds">"#));
    assert!(index.contains(r#"<tr><th scope="row">Round 3</th><td>1</td><td>1</td><td>2</td><td>1</td><td>1</td><td>1</td></tr>"#), "{index}");
    let r2 = site.page("rounds/r2.html");
    assert!(r2.contains(r#"<tr><th scope="row">Round 2</th>"#));
    assert!(!r2.contains(r#"<tr><th scope="row">Round 3</th>"#));
    let beta = site.page("guarantees/beta.html");
    assert!(beta.contains(r#"<figure class="chart chart-steps" id="chart-paths">"#));
    assert!(beta.contains("<tr><th scope=\"row\">1. Borduria: Beta by Borduria</th><td>agreed on 3 January 2026; withdrawn on 4 February 2026</td></tr>"), "{beta}");
    assert!(beta.contains(
        "<tr><th scope=\"row\">4. Aland: Beta by Aland</th><td>agreed from the start</td></tr>"
    ));
    let timeline = site.page("timeline.html");
    assert!(timeline.contains(r#"<figure class="chart chart-bars" id="chart-activity">"#));
    // January: 5 status steps; February: a statement and 2 steps; March: the planned
    // meeting, a statement and 2 steps.
    assert!(
        timeline
            .contains(r#"<tr><th scope="row">Jan 2026</th><td>0</td><td>0</td><td>5</td></tr>"#),
        "{timeline}"
    );
    assert!(
        timeline
            .contains(r#"<tr><th scope="row">Mar 2026</th><td>1</td><td>1</td><td>2</td></tr>"#)
    );
}

/// A contribution marked AMBER is counted in the AMBER build's charts and in no chart of
/// a CLEAR build.
#[test]
fn a_withheld_contribution_is_not_counted_for_a_lower_audience() {
    let site = Site::fixture("analysis");
    mark_beta_implemented_amber(&site);
    // Round 1: withdrawn, proposed, declared, agreed, signed, implemented.
    let row = r#"<tr><th scope="row">Round 1</th><td>0</td><td>0</td><td>2</td><td>3</td><td>0</td><td>1</td></tr>"#;
    build(&site, Some(Tlp::Amber));
    assert!(
        site.page("index.html").contains(row),
        "{}",
        site.page("index.html")
    );
    assert!(
        site.page("guarantees/beta.html")
            .contains("Carpathia: Beta by Carpathia")
    );
    build(&site, Some(Tlp::Clear));
    let index = site.page("index.html");
    // Round 1 without the implemented one: declared 2, agreed 3, and no implemented column.
    assert!(index.contains(r#"<tr><th scope="row">Round 1</th><td>0</td><td>0</td><td>2</td><td>3</td><td>0</td></tr>"#), "{index}");
    assert!(!index.contains(">implemented</th>"), "{index}");
    let beta = site.page("guarantees/beta.html");
    assert!(!beta.contains("Beta by Carpathia<"), "{beta}");
    assert!(beta.contains("A step chart of 3 contributions"), "{beta}");
    let timeline = site.page("timeline.html");
    assert!(
        timeline
            .contains(r#"<tr><th scope="row">Jan 2026</th><td>0</td><td>0</td><td>4</td></tr>"#),
        "{timeline}"
    );
}

/// Two contributions of one actor with the same words read apart; a history step equal
/// to the current status on the same day is listed once, with its note.
#[test]
fn the_timeline_names_each_contribution_and_lists_a_step_once() {
    let site = Site::fixture("analysis");
    site.write(
        "content/guarantees/gamma.md",
        "---\ntitle: Gamma\ncategory: legal\ncontributions:\n\
         \x20 - by: a\n    commitment: Train officers\n    status: signed\n    since: 2026-02-10\n    history: [{date: 2026-02-10, status: signed, note: Signed in Geneva}]\n\
         \x20 - by: a\n    commitment: Train officers\n    status: declared\n    since: 2026-02-10\n---\nGamma.\n",
    );
    build(&site, None);
    let t = site.page("timeline/2026-02.html");
    let day = &t[t.find("<time datetime=\"2026-02-10\">").expect("the day")..];
    let day = &day[..day.find("</li>\n</ul>").unwrap()];
    assert_eq!(day.matches("class=\"timeline-step\"").count(), 2, "{day}");
    assert!(day.contains("<a href=\"../guarantees/gamma.html#contribution-1\">Aland: Train officers (contribution-1)</a> <span class=\"badge status status-signed tier-strong\">signed</span> <span class=\"note\">(current status)</span><br><span class=\"step-note\">Signed in Geneva</span>"), "{day}");
    assert!(
        day.contains(">Aland: Train officers (contribution-2)</a>"),
        "{day}"
    );
}

fn build(site: &Site, audience: Option<Tlp>) {
    let mut opts = briefing::BuildOptions::new(site.output());
    opts.force = true;
    opts.audience = audience;
    briefing::build(site.root(), &opts).unwrap_or_else(|e| panic!("{e}"));
}
