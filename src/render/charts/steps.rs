//! A step chart: each path's status over time, up and down the ladder (proposed at the
//! bottom rung, implemented at the top), with the states off the ladder (withdrawn,
//! contested...) in a band of their own below it, drawn dashed with hollow markers.

use super::{StepPath, WIDTH, clip, esc, num, open};
use crate::i18n::Locale;
use crate::i18n::format::Dates;
use crate::model::Status;
use jiff::civil::Date;
use std::fmt::Write;

/// The most characters of a status's name beside its row.
const LABEL_CHARS: usize = 15;

/// The label of `status` in `l`'s language.
fn status(l: &Locale, status: &str) -> String {
    l.text(&format!("status.{status}"))
}

/// Height of one status row.
const ROW: f64 = 18.0;
/// Room left of the plot for the status names.
const LEFT: f64 = 96.0;
/// Room right of the plot for the path numbers.
const RIGHT: f64 = 22.0;
/// Height of one line of the key under the plot.
const KEY: f64 = 16.0;
/// Line colours, dark enough to read on white; paths also differ by marker and number.
const INKS: [&str; 8] = [
    "#1f3a5f", "#9b1c1c", "#1d5631", "#6b3fa0", "#a04f00", "#00636b", "#5e4400", "#444444",
];
/// Marker shapes, in turn.
const MARKERS: usize = 6;

/// The SVG of a step chart of `paths` up to `end` (see the module).
pub fn draw(
    id: &str,
    title: &str,
    desc: &str,
    paths: &[StepPath],
    end: Date,
    l: &Locale,
) -> String {
    // The rows: the ladder top down, then the states off it that some path reaches.
    let ladder: Vec<Status> = Status::LADDER.iter().rev().copied().collect();
    let off: Vec<Status> = Status::WEAKEST_FIRST
        .into_iter()
        .filter(|s| !s.is_ladder())
        .filter(|s| {
            paths
                .iter()
                .any(|p| p.points.iter().any(|x| x.status == s.as_str()))
        })
        .collect();
    let top = 8.0;
    let band = top + 7.0 * ROW + if off.is_empty() { 0.0 } else { 16.0 };
    let row_y = |s: &str| -> f64 {
        if let Some(i) = ladder.iter().position(|r| r.as_str() == s) {
            top + i as f64 * ROW + ROW / 2.0
        } else {
            let j = off.iter().position(|r| r.as_str() == s).unwrap_or(0);
            band + j as f64 * ROW + ROW / 2.0
        }
    };
    let bottom = band + off.len() as f64 * ROW;
    let height = bottom + 24.0 + paths.len() as f64 * KEY + 6.0;

    // Time runs from the first dated step to `end`, a month at least.
    let first = paths
        .iter()
        .flat_map(|p| p.points.iter().filter_map(|x| x.day))
        .min()
        .unwrap_or(end)
        .min(end);
    let start = if days(first, end) < 30 {
        end.checked_sub(jiff::Span::new().days(30)).unwrap_or(first)
    } else {
        first
    };
    let span = days(start, end).max(1) as f64;
    let plot_w = WIDTH - LEFT - RIGHT;
    let x = |d: Option<Date>| match d {
        None => LEFT,
        Some(d) => LEFT + (days(start, d.min(end)).max(0) as f64 / span) * plot_w,
    };

    let mut out = open(id, "chart-steps", height, title, desc);
    // Rows and their names.
    out.push_str(r#"<g class="chart-axis">"#);
    for s in ladder.iter().chain(&off) {
        let y = row_y(s.as_str());
        let _ = write!(
            out,
            r##"<line x1="{l}" x2="{r}" y1="{y}" y2="{y}" stroke="#dcdcdc" stroke-width="0.6"{dash}/><text x="{tx}" y="{ty}" text-anchor="end"{weight}>{n}</text>"##,
            l = num(LEFT),
            r = num(WIDTH - RIGHT),
            y = num(y),
            dash = if s.is_ladder() {
                ""
            } else {
                r#" stroke-dasharray="2 3""#
            },
            tx = num(LEFT - 6.0),
            ty = num(y + 4.0),
            weight = if s.is_binding() {
                r#" font-weight="700""#
            } else {
                ""
            },
            n = esc(&clip(&status(l, s.as_str()), LABEL_CHARS)),
        );
    }
    if !off.is_empty() {
        let _ = write!(
            out,
            r##"<text x="{x}" y="{y}" font-style="italic" fill="#555">{t}</text>"##,
            t = esc(&l.text("ladder.off")),
            x = num(LEFT),
            y = num(band - 4.0),
        );
    }
    for (d, label) in time_ticks(start, end, l.dates()) {
        let tx = x(Some(d));
        let _ = write!(
            out,
            r##"<line x1="{x}" x2="{x}" y1="{t}" y2="{b}" stroke="#e4e4e4" stroke-width="0.6"/><text x="{x}" y="{ly}" text-anchor="middle">{label}</text>"##,
            x = num(tx),
            t = num(top),
            b = num(bottom),
            ly = num(bottom + 15.0),
        );
    }
    out.push_str("</g>");

    for (i, p) in paths.iter().enumerate() {
        let ink = INKS[i % INKS.len()];
        let dy = ((i % 5) as f64 - 2.0) * 2.5;
        let steps: Vec<String> = p
            .points
            .iter()
            .map(|x| {
                let when = match &x.date {
                    Some(d) => l.fill("chart.on_date", &[("date", &d.text)]),
                    None => l.text("chart.from_start"),
                };
                format!("{} {when}", status(l, x.status))
            })
            .collect();
        let tip = format!("{}. {}: {}", i + 1, p.name, steps.join("; "));
        let _ = write!(
            out,
            r#"<g class="chart-path chart-path-{n}"><title>{t}</title>"#,
            n = i + 1,
            t = esc(&tip)
        );
        let at: Vec<(f64, f64, &str)> = p
            .points
            .iter()
            .map(|s| (x(s.day), row_y(s.status) + dy, s.status))
            .collect();
        let end_x = WIDTH - RIGHT;
        for (k, (x0, y0, status)) in at.iter().enumerate() {
            let x1 = at.get(k + 1).map_or(end_x, |n| n.0);
            let ladder = Status::parse(status).is_some_and(Status::is_ladder);
            let _ = write!(
                out,
                r#"<line x1="{x0}" x2="{x1}" y1="{y}" y2="{y}" stroke="{ink}" stroke-width="2.2"{dash}/>"#,
                x0 = num(*x0),
                x1 = num(x1),
                y = num(*y0),
                dash = if ladder {
                    ""
                } else {
                    r#" stroke-dasharray="5 3""#
                },
            );
            if let Some((nx, ny, _)) = at.get(k + 1) {
                let _ = write!(
                    out,
                    r#"<line x1="{x}" x2="{x}" y1="{y0}" y2="{y1}" stroke="{ink}" stroke-width="1.2"/>"#,
                    x = num(*nx),
                    y0 = num(*y0),
                    y1 = num(*ny),
                );
            }
        }
        for (x0, y0, status) in &at {
            let ladder = Status::parse(status).is_some_and(Status::is_ladder);
            out.push_str(&marker(i, *x0, *y0, ink, !ladder));
        }
        if let Some((_, y_last, _)) = at.last() {
            let _ = write!(
                out,
                r#"<text x="{x}" y="{y}" fill="{ink}" font-weight="700">{n}</text>"#,
                x = num(end_x + 4.0),
                y = num(y_last + 4.0),
                n = i + 1,
            );
        }
        out.push_str("</g>");
    }

    // The key: each path's marker, number and name.
    out.push_str(r#"<g class="chart-key">"#);
    for (i, p) in paths.iter().enumerate() {
        let y = bottom + 24.0 + i as f64 * KEY + KEY / 2.0;
        out.push_str(&marker(i, 6.0, y, INKS[i % INKS.len()], false));
        let _ = write!(
            out,
            r#"<text x="16" y="{y}">{n}. {t}</text>"#,
            y = num(y + 4.0),
            n = i + 1,
            t = esc(&clip(&p.name, 96)),
        );
    }
    out.push_str("</g></svg>");
    out
}

/// Whole days from `a` to `b` (negative if `b` is earlier).
fn days(a: Date, b: Date) -> i64 {
    a.until(b).map_or(0, |s| i64::from(s.get_days()))
}

/// Marker `i` (a shape per path, in turn) at (x, y); hollow for a state off the ladder.
fn marker(i: usize, x: f64, y: f64, ink: &str, hollow: bool) -> String {
    let fill = if hollow { "#fff" } else { ink };
    let (x, y) = (num(x), num(y));
    let common = format!(r#"fill="{fill}" stroke="{ink}" stroke-width="1.4""#);
    match i % MARKERS {
        0 => format!(r#"<circle cx="{x}" cy="{y}" r="3.6" {common}/>"#),
        1 => format!(
            r#"<rect x="{x}" y="{y}" width="6.4" height="6.4" transform="translate(-3.2 -3.2)" {common}/>"#
        ),
        2 => format!(r#"<path d="M{x},{y} m0,-4.2 l3.8,6.6 h-7.6 z" {common}/>"#),
        3 => format!(r#"<path d="M{x},{y} m0,-4.4 l4.4,4.4 l-4.4,4.4 l-4.4,-4.4 z" {common}/>"#),
        4 => format!(
            r#"<path d="M{x},{y} m-3.4,-3.4 l6.8,6.8 m0,-6.8 l-6.8,6.8" fill="none" stroke="{ink}" stroke-width="2"/>"#
        ),
        _ => format!(
            r#"<path d="M{x},{y} m-4,0 h8 m-4,-4 v8" fill="none" stroke="{ink}" stroke-width="2"/>"#
        ),
    }
}

/// Ticks of the time axis between `start` and `end`: month starts when there are at
/// most ten of them, else year starts (every so many years, at most ten ticks).
fn time_ticks(start: Date, end: Date, dates: &Dates) -> Vec<(Date, String)> {
    let month_after = |d: Date| {
        let first = d.first_of_month();
        if first == d {
            d
        } else {
            first.checked_add(jiff::Span::new().months(1)).unwrap_or(d)
        }
    };
    let mut months = Vec::new();
    let mut d = month_after(start);
    while d <= end && months.len() <= 10 {
        months.push(d);
        d = match d.checked_add(jiff::Span::new().months(1)) {
            Ok(n) => n,
            Err(_) => break,
        };
    }
    if months.len() <= 10 {
        return months
            .into_iter()
            .enumerate()
            .map(|(k, d)| {
                let m = dates.month_abbr(d);
                let label = if k == 0 || d.month() == 1 {
                    format!("{m} {}", d.year())
                } else {
                    m.to_string()
                };
                (d, label)
            })
            .collect();
    }
    let first_year = start.year() + i16::from(start.day_of_year() != 1);
    let years = (end.year() - first_year + 1).max(1);
    let every = (years as usize).div_ceil(10).max(1);
    (first_year..=end.year())
        .step_by(every)
        .filter_map(|y| Date::new(y, 1, 1).ok())
        .map(|d| (d, d.year().to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::StepPoint;
    use super::*;

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn point(date: Option<&str>, status: Status) -> StepPoint {
        StepPoint {
            date: date.map(|d| crate::render::view::DateView::new(day(d))),
            day: date.map(day),
            status: status.as_str(),
            rank: status.rung().unwrap_or(0),
        }
    }

    fn example() -> String {
        let paths = [
            StepPath {
                name: "Aland: Alpha <by> Aland".into(),
                url: "guarantees/alpha.html#contribution-1".into(),
                points: vec![
                    point(Some("2026-01-02"), Status::Declared),
                    point(Some("2026-02-03"), Status::Signed),
                ],
            },
            StepPath {
                name: "Borduria: Beta".into(),
                url: "guarantees/beta.html#contribution-1".into(),
                points: vec![
                    point(None, Status::Agreed),
                    point(Some("2026-02-04"), Status::Withdrawn),
                ],
            },
        ];
        draw(
            "g",
            "Paths",
            "Each contribution",
            &paths,
            day("2026-03-04"),
            crate::i18n::english(),
        )
    }

    #[test]
    fn an_image_with_a_name_a_description_and_a_key() {
        let svg = example();
        assert!(svg.starts_with("<svg ") && svg.ends_with("</svg>"));
        assert!(svg.contains(r#"role="img""#));
        assert!(svg.contains(r#"aria-labelledby="g-title" aria-describedby="g-desc""#));
        assert!(svg.contains(r#"<title id="g-title">Paths</title>"#));
        assert!(svg.contains("1. Aland: Alpha &lt;by&gt; Aland</text>"));
        assert!(svg.contains(
            "<title>2. Borduria: Beta: agreed from the start; withdrawn on 4 February 2026</title>"
        ));
    }

    #[test]
    fn rungs_are_rows_and_states_off_the_ladder_a_dashed_band_below() {
        let svg = example();
        // Implemented is the top row (y 17), proposed the seventh (y 125); withdrawn
        // sits in the band below (8 + 7 * 18 + 16 + 9 = 159).
        assert!(svg.contains(r#"y="21" text-anchor="end" font-weight="700">implemented"#));
        assert!(svg.contains(r#"y="129" text-anchor="end">proposed"#));
        assert!(svg.contains(r#"y="163" text-anchor="end">withdrawn"#));
        assert!(svg.contains("off the ladder"));
        // The withdrawn step is dashed, with a hollow marker.
        assert!(svg.contains(r#"stroke-dasharray="5 3""#));
        assert!(svg.contains(r##"fill="#fff" stroke="#9b1c1c""##));
        // Time starts at the first dated step (2 January): the first path starts at the
        // left edge; the undated status of the second too.
        assert_eq!(svg.matches(r#"<line x1="96" "#).count(), 2 + 8, "{svg}");
    }

    #[test]
    fn the_same_data_draws_the_same_bytes() {
        assert_eq!(example(), example());
    }

    #[test]
    fn time_ticks_are_months_or_years() {
        let t = time_ticks(
            day("2026-01-02"),
            day("2026-03-04"),
            crate::i18n::english().dates(),
        );
        let labels: Vec<&str> = t.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(labels, ["Feb 2026", "Mar"]);
        let t = time_ticks(
            day("2015-07-14"),
            day("2026-03-04"),
            crate::i18n::english().dates(),
        );
        let labels: Vec<&str> = t.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(labels, ["2016", "2018", "2020", "2022", "2024", "2026"]);
    }
}
