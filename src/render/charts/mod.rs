//! Charts drawn at build time as inline SVG: no script, no request, the same bytes at
//! every build.
//!
//! A [`Chart`] is data first (title, description, series) and its drawing second, so a
//! site's templates can restyle the SVG or draw their own from the data. Every drawing:
//! - is an image with an accessible name: `role="img"`, a `<title>` and a `<desc>`
//!   referenced by `aria-labelledby` and `aria-describedby` (the default templates add
//!   the data as a table);
//! - reads in greyscale and print: statuses differ by lightness along the ladder and by
//!   hatching off it, each bar segment is outlined and, where it fits, labelled with its
//!   count; the lines of a step chart differ by marker shape and number, not only colour;
//! - carries classes (`chart-…`) that a stylesheet may restyle; the colours are
//!   presentation attributes, which any CSS rule overrides.
//!
//! A small module of our own: the plotting crates found (plotters, charming, eb_bars)
//! either pull in font and raster stacks or draw neither stacked bars with patterns nor
//! step charts with an accessible name; what is drawn here is a few hundred lines.

mod bars;
mod steps;

pub use bars::draw as draw_bars;
pub use steps::draw as draw_steps;

use crate::i18n::Locale;
use crate::render::view::{DateView, TlpView};
use jiff::civil::Date;
use serde::Serialize;
use std::fmt::Write;

/// A chart, as templates receive it: what it shows, and its drawing.
#[derive(Debug, Clone, Serialize)]
pub struct Chart {
    /// Unique on its page; the drawing's ids start with it.
    pub id: String,
    /// Short name: the drawing's `<title>`.
    pub title: String,
    /// What it shows, in a sentence or two: the drawing's `<desc>`.
    pub description: String,
    /// The data drawn.
    pub data: ChartData,
    /// The highest marking of what it counts.
    pub tlp: TlpView,
    /// The drawing: an `<svg>` element, safe to insert as markup.
    pub svg: String,
    /// When the chart shows only the latest part of a longer series (the rounds chart
    /// of a round page): the page that draws all of it. Null otherwise.
    pub full: Option<String>,
}

/// The data of a chart, by kind (`kind` is `bars` or `steps`).
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum ChartData {
    /// Stacked bars: one bar per category, one segment per series.
    Bars {
        /// What the bars are (`Round`, `Month`): the data table's corner.
        category_name: String,
        /// The bars' labels, left to right.
        categories: Vec<String>,
        /// The segments, bottom first: each series has one value per category.
        series: Vec<BarSeries>,
    },
    /// Steps over time: one line per path, up and down the status ladder.
    Steps {
        /// The day the lines run to.
        end: DateView,
        /// The lines, numbered from 1 in this order.
        paths: Vec<StepPath>,
    },
}

/// One series of a bar chart.
#[derive(Debug, Clone, Serialize)]
pub struct BarSeries {
    /// Its name in the legend, e.g. `declared`.
    pub name: String,
    /// Its style key, e.g. `declared` or `meeting`: the class `chart-fill-<key>`.
    pub key: String,
    /// One value per category.
    pub values: Vec<usize>,
}

/// One line of a step chart.
#[derive(Debug, Clone, Serialize)]
pub struct StepPath {
    /// What it follows, e.g. `Aland: Alpha by Aland`.
    pub name: String,
    /// A page (and anchor) about it, relative to the site root.
    pub url: String,
    /// Its steps, oldest first.
    pub points: Vec<StepPoint>,
}

/// One step of a [`StepPath`].
#[derive(Debug, Clone, Serialize)]
pub struct StepPoint {
    /// When the status was reached; null for a status held from the start, undated.
    pub date: Option<DateView>,
    /// The day it is drawn from (its date's last day); `None` when undated.
    #[serde(skip)]
    pub day: Option<Date>,
    /// The status reached.
    pub status: &'static str,
    /// Its rung on the ladder, 1 (proposed) to 7 (implemented); 0 off the ladder.
    pub rank: u8,
}

/// Width of every drawing, in its own units (it scales to the page).
pub(crate) const WIDTH: f64 = 640.0;

/// How a series or status is filled: a solid colour, or a pattern over a background.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Fill {
    /// A solid colour.
    Solid(&'static str),
    /// Lines or dots of `ink` on `paper`.
    Pattern(Hatch, &'static str, &'static str),
}

/// The patterns of [`Fill::Pattern`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Hatch {
    /// Diagonal lines.
    Diagonal,
    /// Crossed diagonal lines.
    Cross,
    /// Horizontal lines.
    Horizontal,
    /// Vertical lines.
    Vertical,
    /// Dots.
    Dots,
}

/// The fill of a series key: statuses along the ladder go from light to dark (binding
/// ones darkest); states off it are hatched; timeline kinds differ by lightness.
pub(crate) fn fill(key: &str) -> Fill {
    use Hatch::*;
    match key {
        "proposed" => Fill::Solid("#eef3f8"),
        "discussed" => Fill::Solid("#d2e0ee"),
        "declared" => Fill::Solid("#a9c3de"),
        "agreed" => Fill::Solid("#7aa2ca"),
        "signed" => Fill::Solid("#4677a8"),
        "ratified" => Fill::Solid("#285987"),
        "implemented" => Fill::Solid("#102f52"),
        "withdrawn" => Fill::Pattern(Diagonal, "#9b1c1c", "#fff"),
        "breached" => Fill::Pattern(Cross, "#9b1c1c", "#fff"),
        "suspended" => Fill::Pattern(Horizontal, "#a04f00", "#fff"),
        "contested" => Fill::Pattern(Dots, "#5a3a7a", "#fff"),
        "rejected" => Fill::Pattern(Vertical, "#6b2c2c", "#fff"),
        "expired" => Fill::Pattern(Dots, "#8a8a8a", "#f4f4f4"),
        "meeting" => Fill::Solid("#1f3a5f"),
        "statement" => Fill::Solid("#a9c3de"),
        "status" => Fill::Pattern(Diagonal, "#1f3a5f", "#fff"),
        _ => Fill::Solid("#8a8a8a"),
    }
}

/// The `fill` attribute value of `key` in chart `id` (a pattern is defined by
/// [`patterns`]).
pub(crate) fn fill_attr(id: &str, key: &str) -> String {
    match fill(key) {
        Fill::Solid(c) => c.to_string(),
        Fill::Pattern(..) => format!("url(#{id}-p-{key})"),
    }
}

/// True when text on `key`'s fill reads best in white (dark solid fills).
pub(crate) fn dark(key: &str) -> bool {
    matches!(fill(key), Fill::Solid(c) if luminance(c) < 0.35)
}

/// Relative lightness (0 black, 1 white) of a `#rrggbb` colour, roughly.
fn luminance(hex: &str) -> f64 {
    let c = |i: usize| {
        u8::from_str_radix(hex.get(i..i + 2).unwrap_or("80"), 16).unwrap_or(128) as f64 / 255.0
    };
    0.2126 * c(1) + 0.7152 * c(3) + 0.0722 * c(5)
}

/// The `<defs>` with a pattern for each hatched key among `keys`, or nothing.
pub(crate) fn patterns<'k>(id: &str, keys: impl IntoIterator<Item = &'k str>) -> String {
    let mut out = String::new();
    for key in keys {
        let Fill::Pattern(hatch, ink, paper) = fill(key) else {
            continue;
        };
        let marks = match hatch {
            Hatch::Diagonal => format!(
                r#"<path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke="{ink}" stroke-width="1.6"/>"#
            ),
            Hatch::Cross => {
                format!(r#"<path d="M0,6 l6,-6 M0,0 l6,6" stroke="{ink}" stroke-width="1.2"/>"#)
            }
            Hatch::Horizontal => {
                format!(r#"<path d="M0,1.5 h6 M0,4.5 h6" stroke="{ink}" stroke-width="1.2"/>"#)
            }
            Hatch::Vertical => {
                format!(r#"<path d="M1.5,0 v6 M4.5,0 v6" stroke="{ink}" stroke-width="1.2"/>"#)
            }
            Hatch::Dots => format!(r#"<circle cx="3" cy="3" r="1.3" fill="{ink}"/>"#),
        };
        let _ = write!(
            out,
            r#"<pattern id="{id}-p-{key}" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="{paper}"/>{marks}</pattern>"#
        );
    }
    if out.is_empty() {
        out
    } else {
        format!("<defs>{out}</defs>")
    }
}

/// `3 agreed`: how many of a status (its label in `l`'s language), as a bar's tooltip
/// and the rounds chart's description list them.
pub(crate) fn status_count(l: &Locale, n: usize, status: &str) -> String {
    l.fill(
        "chart_text.status_count",
        &[("count", &l.numbers().format(n as f64)), ("status", status)],
    )
}

/// The opening `<svg>` tag with its accessible name and description.
pub(crate) fn open(id: &str, class: &str, height: f64, title: &str, desc: &str) -> String {
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg {class}" id="{id}-svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-labelledby="{id}-title" aria-describedby="{id}-desc" font-family="system-ui, sans-serif" font-size="11"><title id="{id}-title">{t}</title><desc id="{id}-desc">{d}</desc>"#,
        w = num(WIDTH),
        h = num(height),
        t = esc(title),
        d = esc(desc),
    )
}

/// Text escaped for SVG (XML) content and attribute values.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A coordinate with at most one decimal, without trailing zeros: the same text at
/// every build, and short.
pub(crate) fn num(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// `s` cut to at most `max` characters, with an ellipsis when cut.
pub(crate) fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let kept: String = s.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
}

/// Roughly how wide `s` is at the drawings' font size (11 units).
pub(crate) fn text_width(s: &str) -> f64 {
    s.chars().count() as f64 * 6.2
}

/// Tick values for an axis from 0 to at least `max`: steps of 1, 2 or 5 times a power
/// of ten, at most six ticks. Returns the ticks and the axis top.
pub(crate) fn ticks(max: usize) -> (Vec<usize>, usize) {
    let max = max.max(1);
    let mut unit = 1;
    loop {
        for m in [1, 2, 5] {
            let step = unit * m;
            let top = max.div_ceil(step) * step;
            if top / step <= 5 {
                return ((0..=top / step).map(|i| i * step).collect(), top);
            }
        }
        unit *= 10;
    }
}

/// A legend of swatches in rows across the drawing, from `top`: its markup and height.
pub(crate) fn legend(id: &str, entries: &[(&str, &str)], top: f64) -> (String, f64) {
    let mut out = String::from(r#"<g class="chart-legend">"#);
    let (mut x, mut y) = (0.0, top);
    for (name, key) in entries {
        let w = 12.0 + 5.0 + text_width(name) + 14.0;
        if x > 0.0 && x + w > WIDTH {
            x = 0.0;
            y += 18.0;
        }
        let _ = write!(
            out,
            r##"<rect class="chart-fill-{key}" x="{x}" y="{y}" width="12" height="12" fill="{f}" stroke="#333" stroke-width="0.6"/><text x="{tx}" y="{ty}">{n}</text>"##,
            x = num(x),
            y = num(y),
            f = fill_attr(id, key),
            tx = num(x + 17.0),
            ty = num(y + 10.0),
            n = esc(name),
        );
        x += w;
    }
    out.push_str("</g>");
    (out, y + 18.0 - top)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_maximum() {
        assert_eq!(ticks(0), (vec![0, 1], 1));
        assert_eq!(ticks(3), (vec![0, 1, 2, 3], 3));
        assert_eq!(ticks(7), (vec![0, 2, 4, 6, 8], 8));
        assert_eq!(ticks(23), (vec![0, 5, 10, 15, 20, 25], 25));
        assert_eq!(ticks(180), (vec![0, 50, 100, 150, 200], 200));
    }

    #[test]
    fn text_is_escaped_and_numbers_are_short() {
        assert_eq!(esc(r#"<a & "b">"#), "&lt;a &amp; &quot;b&quot;&gt;");
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.345), "12.3");
        assert_eq!(num(-0.04), "0");
        assert_eq!(clip("Paris round, January", 8), "Paris r…");
        assert_eq!(clip("short", 8), "short");
    }

    #[test]
    fn ladder_fills_darken_upwards_and_states_off_it_are_hatched() {
        let lum = |s: crate::model::Status| match fill(s.as_str()) {
            Fill::Solid(c) => luminance(c),
            Fill::Pattern(..) => panic!("{s:?} is on the ladder"),
        };
        let ladder = crate::model::Status::LADDER;
        for w in ladder.windows(2) {
            assert!(lum(w[0]) > lum(w[1]) + 0.05, "{:?} vs {:?}", w[0], w[1]);
        }
        for s in crate::model::Status::WEAKEST_FIRST {
            if !s.is_ladder() {
                assert!(matches!(fill(s.as_str()), Fill::Pattern(..)), "{s:?}");
            }
        }
        assert!(dark("implemented") && !dark("proposed"));
    }
}
