//! Stacked bars: one bar per category (a round, a month), one segment per series (a
//! status, a kind of entry), bottom first.

use super::{BarSeries, WIDTH, dark, esc, fill_attr, legend, num, open, patterns, ticks};
use crate::i18n::Locale;
use std::fmt::Write;

/// Height of the plot area.
const PLOT: f64 = 170.0;
/// Room left of the plot for the value axis.
const LEFT: f64 = 34.0;
/// Room right of the plot.
const RIGHT: f64 = 6.0;
/// Room under the plot for the category labels.
const BOTTOM: f64 = 30.0;
/// The narrowest room a category label is given; labels of narrower bars are thinned.
const LABEL_ROOM: f64 = 64.0;

/// The SVG of a stacked bar chart (see the module). Series with nothing in any category
/// are left out of the legend.
pub fn draw(
    id: &str,
    title: &str,
    desc: &str,
    categories: &[String],
    series: &[BarSeries],
    l: &Locale,
) -> String {
    let shown: Vec<&BarSeries> = series
        .iter()
        .filter(|s| s.values.iter().any(|v| *v > 0))
        .collect();
    let entries: Vec<(&str, &str)> = shown
        .iter()
        .map(|s| (s.name.as_str(), s.key.as_str()))
        .collect();
    let (legend_svg, legend_h) = legend(id, &entries, 0.0);
    let top = legend_h + 12.0;
    let bottom = top + PLOT;
    let height = bottom + BOTTOM;
    let totals: Vec<usize> = (0..categories.len())
        .map(|i| {
            shown
                .iter()
                .map(|s| s.values.get(i).copied().unwrap_or(0))
                .sum()
        })
        .collect();
    let (tick_values, axis_top) = ticks(totals.iter().copied().max().unwrap_or(0));
    let y = |v: usize| bottom - v as f64 / axis_top as f64 * PLOT;

    let mut out = open(id, "chart-bars", height, title, desc);
    out.push_str(&patterns(id, shown.iter().map(|s| s.key.as_str())));
    out.push_str(&legend_svg);
    // The value axis: a light rule and a label at each tick.
    out.push_str(r#"<g class="chart-axis">"#);
    for t in &tick_values {
        let _ = write!(
            out,
            r##"<line x1="{l}" x2="{r}" y1="{y}" y2="{y}" stroke="{c}" stroke-width="{w}"/><text x="{tx}" y="{ty}" text-anchor="end">{t}</text>"##,
            l = num(LEFT),
            r = num(WIDTH - RIGHT),
            y = num(y(*t)),
            c = if *t == 0 { "#333" } else { "#d6d6d6" },
            w = if *t == 0 { "1" } else { "0.6" },
            tx = num(LEFT - 5.0),
            ty = num(y(*t) + 4.0),
        );
    }
    out.push_str("</g>");

    let n = categories.len().max(1);
    let slot = (WIDTH - LEFT - RIGHT) / n as f64;
    let bar = (slot * 0.7).min(56.0);
    // Every `every`-th category is labelled, so that labels do not overlap.
    let every = (LABEL_ROOM / slot).ceil().max(1.0) as usize;
    let label_chars = ((slot * every as f64 - 6.0) / 6.2).floor().max(3.0) as usize;
    for (i, cat) in categories.iter().enumerate() {
        let x = LEFT + slot * i as f64 + (slot - bar) / 2.0;
        let parts: Vec<String> = shown
            .iter()
            .filter_map(|s| {
                let v = s.values.get(i).copied().unwrap_or(0);
                (v > 0).then(|| super::status_count(l, v, &s.name))
            })
            .collect();
        let tip = if parts.is_empty() {
            l.fill("chart_text.bar_none", &[("category", cat)])
        } else {
            l.fill(
                "chart_text.bar",
                &[("category", cat), ("counts", &parts.join(", "))],
            )
        };
        let _ = write!(out, r#"<g class="chart-bar"><title>{}</title>"#, esc(&tip));
        // Segments, outlined; then their counts where they fit (attributes they share
        // set once on their group).
        let mut counts = String::new();
        out.push_str(r##"<g stroke="#333" stroke-width="0.6">"##);
        let mut base = 0;
        for s in &shown {
            let v = s.values.get(i).copied().unwrap_or(0);
            if v == 0 {
                continue;
            }
            let (y0, y1) = (y(base + v), y(base));
            let _ = write!(
                out,
                r#"<rect class="chart-fill-{key}" x="{x}" y="{y}" width="{w}" height="{h}" fill="{f}"/>"#,
                key = s.key,
                x = num(x),
                y = num(y0),
                w = num(bar),
                h = num(y1 - y0),
                f = fill_attr(id, &s.key),
            );
            if y1 - y0 >= 13.0 && bar >= 14.0 {
                let _ = write!(
                    counts,
                    r#"<text x="{x}" y="{y}"{ink}>{v}</text>"#,
                    x = num(x + bar / 2.0),
                    y = num((y0 + y1) / 2.0 + 4.0),
                    ink = if dark(&s.key) {
                        r##" fill="#fff" stroke="#102f52""##
                    } else {
                        ""
                    },
                );
            }
            base += v;
        }
        out.push_str("</g>");
        if !counts.is_empty() {
            let _ = write!(
                out,
                r##"<g class="chart-count" text-anchor="middle" fill="#111" stroke="#fff" stroke-width="2.5" paint-order="stroke">{counts}</g>"##
            );
        }
        if bar >= 12.0 {
            let _ = write!(
                out,
                r#"<text class="chart-total" x="{x}" y="{y}" text-anchor="middle" font-weight="700">{t}</text>"#,
                x = num(x + bar / 2.0),
                y = num(y(totals[i]) - 4.0),
                t = totals[i],
            );
        }
        if i % every == 0 {
            let _ = write!(
                out,
                r#"<text class="chart-label" x="{x}" y="{y}" text-anchor="middle">{t}</text>"#,
                x = num(x + bar / 2.0),
                y = num(bottom + 16.0),
                t = esc(&super::clip(cat, label_chars)),
            );
        }
        out.push_str("</g>");
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(name: &str, values: &[usize]) -> BarSeries {
        BarSeries {
            name: name.into(),
            key: name.into(),
            values: values.to_vec(),
        }
    }

    fn example() -> String {
        draw(
            "c",
            "Contributions by round",
            "How many & where",
            &["Round 1".into(), "Round 2".into()],
            &[
                series("withdrawn", &[0, 1]),
                series("declared", &[2, 1]),
                series("signed", &[0, 0]),
                series("implemented", &[1, 2]),
            ],
            crate::i18n::english(),
        )
    }

    #[test]
    fn an_image_with_a_name_and_a_description() {
        let svg = example();
        assert!(svg.starts_with("<svg "), "{svg}");
        assert!(svg.ends_with("</svg>"));
        assert!(svg.contains(r#"role="img""#));
        assert!(svg.contains(r#"aria-labelledby="c-title" aria-describedby="c-desc""#));
        assert!(svg.contains(r#"<title id="c-title">Contributions by round</title>"#));
        assert!(svg.contains(r#"<desc id="c-desc">How many &amp; where</desc>"#));
    }

    #[test]
    fn segments_stack_in_order_and_scale_to_the_axis() {
        let svg = example();
        // Totals 3 and 4: the axis runs to 4, 170 units high; one contribution is 42.5.
        let rects: Vec<&str> = svg
            .split("<rect class=\"chart-fill-")
            .skip(1)
            .filter(|r| !r.contains("width=\"12\""))
            .collect();
        assert_eq!(rects.len(), 5, "two segments, then three: {svg}");
        assert!(rects[0].starts_with("declared") && rects[0].contains(r#"height="85""#));
        assert!(rects[1].starts_with("implemented") && rects[1].contains(r#"height="42.5""#));
        // The second bar: withdrawn at the bottom, then declared, then implemented.
        assert!(rects[2].starts_with("withdrawn") && rects[2].contains("url(#c-p-withdrawn)"));
        assert!(rects[3].starts_with("declared"));
        assert!(rects[4].starts_with("implemented"));
        // Each bar's segments are labelled with their counts, and the bar with its total.
        assert!(svg.contains("<title>Round 2: 1 withdrawn, 1 declared, 2 implemented</title>"));
        assert!(svg.contains(r#"font-weight="700">4</text>"#));
        // A series with nothing is not in the legend; the hatched one has its pattern.
        assert!(!svg.contains(">signed</text>"));
        assert!(svg.contains(r#"<pattern id="c-p-withdrawn""#));
    }

    #[test]
    fn the_same_data_draws_the_same_bytes() {
        assert_eq!(example(), example());
    }

    #[test]
    fn labels_of_many_bars_are_thinned() {
        let cats: Vec<String> = (1..=60).map(|i| format!("Month {i}")).collect();
        let svg = draw(
            "m",
            "t",
            "d",
            &cats,
            &[series("meeting", &[1; 60])],
            crate::i18n::english(),
        );
        let labels = svg.matches("class=\"chart-label\"").count();
        assert!(labels < 15 && labels > 5, "{labels}");
    }
}
