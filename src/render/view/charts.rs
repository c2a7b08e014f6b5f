//! The charts' data, from the analysis of the model the views are made on (so, for an
//! audience, without anything withheld from it), drawn by [`crate::render::charts`].

use super::*;
use crate::analysis::{paths, rounds_in_order};
use crate::model::{Kind, Status, Tlp};
use crate::render::charts::{self, BarSeries, Chart, ChartData, StepPath, StepPoint};
use jiff::civil::Date;

/// How many rounds the rounds chart of a round page or the front page draws, at most:
/// the round and those just before it.
pub const ROUNDS_CHART_WINDOW: usize = 12;

impl Views<'_> {
    /// The contributions at each status at the end of the last [`ROUNDS_CHART_WINDOW`]
    /// rounds up to and including round `last` (stacked bars, one per round), linking to
    /// the page of every round when there were more; `None` without such a round. Its
    /// size does not grow with the negotiation, so every round page can carry it.
    pub fn rounds_chart(&self, last: &str) -> Option<Chart> {
        self.rounds_chart_of(last, Some(ROUNDS_CHART_WINDOW))
    }

    /// The contributions at each status at the end of every round up to and including
    /// round `last`: the chart of [`crate::routes::View::RoundsChart`].
    pub fn rounds_chart_full(&self, last: &str) -> Option<Chart> {
        self.rounds_chart_of(last, None)
    }

    /// The rounds chart, of the last `window` rounds up to `last` (all of them if `None`).
    fn rounds_chart_of(&self, last: &str, window: Option<usize>) -> Option<Chart> {
        let m = self.m;
        let rounds = rounds_in_order(m);
        let upto = rounds.iter().position(|r| r.meta.id == last)?;
        let from = window.map_or(0, |w| (upto + 1).saturating_sub(w.max(1)));
        let rounds = &rounds[from..=upto];
        let all = self.all_changes();
        let counts: Vec<Vec<(Status, usize)>> = rounds
            .iter()
            .map(|r| all[&r.meta.id].status_counts())
            .collect();
        let mut tlp = Tlp::Clear;
        for r in rounds {
            for c in &all[&r.meta.id].changes {
                tlp = tlp.max(m.guarantees[&c.guarantee].contributions[c.index].tlp);
            }
        }
        let l = &self.locale;
        let series: Vec<BarSeries> = Status::WEAKEST_FIRST
            .iter()
            .enumerate()
            .map(|(k, s)| BarSeries {
                name: l.text(&format!("status.{}", s.as_str())),
                key: s.as_str().into(),
                values: counts.iter().map(|c| c[k].1).collect(),
            })
            .filter(|s| s.values.iter().any(|v| *v > 0))
            .collect();
        // Round titles in the views' language.
        let categories: Vec<String> = rounds
            .iter()
            .map(|r| self.title_of(crate::model::Item::Round(r)).0)
            .collect();
        let lead = rounds.last().expect("at least the round asked for");
        let at = rounds.len() - 1;
        let now: Vec<String> = series
            .iter()
            .filter(|s| s.values[at] > 0)
            .map(|s| charts::status_count(l, s.values[at], &s.name))
            .collect();
        let total: usize = series.iter().map(|s| s.values[at]).sum();
        let (title, windowed) = if from > 0 {
            (
                l.count("chart_text.rounds_title_last", rounds.len()),
                l.count("chart_text.rounds_windowed", upto + 1)
                    .replace("{shown}", &l.numbers().format(rounds.len() as f64)),
            )
        } else {
            (l.text("chart_text.rounds_title"), String::new())
        };
        let total = l.count("chart.contributions", total);
        let end = if now.is_empty() {
            l.fill(
                "chart_text.rounds_end",
                &[("round", &lead.title), ("total", &total)],
            )
        } else {
            l.fill(
                "chart_text.rounds_end_list",
                &[
                    ("round", &lead.title),
                    ("total", &total),
                    ("list", &now.join(", ")),
                ],
            )
        };
        let description = l.fill(
            "chart_text.rounds_description",
            &[
                ("span", &span(l, &rounds[0].title, &lead.title)),
                ("windowed", &windowed),
                ("end", &end),
            ],
        );
        let svg = charts::draw_bars(
            "chart-rounds",
            &title,
            &description,
            &categories,
            &series,
            l,
        );
        Some(Chart {
            id: "chart-rounds".into(),
            title,
            description,
            data: ChartData::Bars {
                category_name: l.text("chart_text.round"),
                categories,
                series,
            },
            tlp: tlp.into(),
            svg,
            full: (from > 0).then(|| crate::routes::View::RoundsChart.path().to_string()),
        })
    }

    /// Each contribution's path up and down the ladder on component `id`'s page (a step
    /// chart); `None` when it has no contributions.
    pub fn component_chart(&self, id: &str) -> Option<Chart> {
        let m = self.m;
        let g = m.guarantees.get(id)?;
        if g.contributions.is_empty() {
            return None;
        }
        let end = m.site.as_of;
        let mut tlp = Tlp::Clear;
        let paths: Vec<StepPath> = g
            .contributions
            .iter()
            .enumerate()
            .map(|(i, c)| {
                tlp = tlp.max(c.tlp);
                let anchor = crate::routes::contribution_anchor(c);
                StepPath {
                    name: format!(
                        "{}: {}",
                        self.link_to(Kind::Actors, &c.by).title(),
                        self.commitment(id, i).text
                    ),
                    url: crate::routes::item_at(Kind::Guarantees, id, Some(&anchor)),
                    points: paths::path(c, end)
                        .into_iter()
                        .map(|t| StepPoint {
                            date: t.date.map(|d| self.date(d)),
                            day: t.date.map(|d| d.last()),
                            status: t.status.as_str(),
                            rank: t.status.rung().unwrap_or(0),
                        })
                        .collect(),
                }
            })
            .collect();
        let moves: usize = paths.iter().map(|p| p.points.len().saturating_sub(1)).sum();
        let l = &self.locale;
        let component = self.title_of(crate::model::Item::Guarantee(g)).0;
        let title = l.fill("chart.component_title", &[("component", &component)]);
        let description = l.fill(
            "chart.component_description",
            &[
                (
                    "contributions",
                    &l.count("chart.contributions", paths.len()),
                ),
                ("date", &l.dates().long(end)),
                ("changes", &l.count("chart.changes", moves)),
            ],
        );
        let svg = charts::draw_steps("chart-paths", &title, &description, &paths, end, l);
        Some(Chart {
            id: "chart-paths".into(),
            title,
            description,
            data: ChartData::Steps {
                end: self.date(end),
                paths,
            },
            tlp: tlp.into(),
            svg,
            full: None,
        })
    }

    /// Meetings, statements and status steps per month, every month from the first to
    /// the last on the timeline (stacked bars); `None` when nothing is dated.
    pub fn activity_chart(&self, months: &[TimelineMonth]) -> Option<Chart> {
        let first = month_start(&months.first()?.id)?;
        let last = month_start(&months.last()?.id)?;
        let mut categories = Vec::new();
        let mut counts: Vec<[usize; 3]> = Vec::new();
        let mut tlp = Tlp::Clear;
        let mut listed = months.iter().peekable();
        let mut d = first;
        while d <= last {
            let mut n = [0; 3];
            if let Some(mo) = listed.next_if(|mo| month_start(&mo.id) == Some(d)) {
                for day in &mo.days {
                    for e in &day.entries {
                        n[usize::from(e.kind != "meeting")] += 1;
                        tlp = tlp.max(Tlp::parse(e.tlp.word).unwrap_or(Tlp::Clear));
                    }
                    for g in &day.components {
                        n[2] += g.steps.len();
                        for s in &g.steps {
                            tlp = tlp.max(Tlp::parse(s.tlp.word).unwrap_or(Tlp::Clear));
                        }
                    }
                }
            }
            categories.push(self.locale.dates().month_short(d));
            counts.push(n);
            d = match d.checked_add(jiff::Span::new().months(1)) {
                Ok(next) => next,
                Err(_) => break,
            };
        }
        let l = &self.locale;
        let series: Vec<BarSeries> = [
            ("chart_text.meetings", "meeting"),
            ("chart_text.statements", "statement"),
            ("chart_text.status_steps", "status"),
        ]
        .iter()
        .enumerate()
        .map(|(k, (name, key))| BarSeries {
            name: l.text(name),
            key: (*key).into(),
            values: counts.iter().map(|c| c[k]).collect(),
        })
        .collect();
        let total: [usize; 3] = [0, 1, 2].map(|k| series[k].values.iter().sum());
        let busiest = counts
            .iter()
            .enumerate()
            .max_by_key(|(i, c)| (c.iter().sum::<usize>(), std::cmp::Reverse(*i)))
            .map(|(i, c)| (categories[i].clone(), c.iter().sum::<usize>()));
        let title = l.text("chart_text.activity_title");
        let description = l.fill(
            "chart_text.activity_description",
            &[
                (
                    "span",
                    &span(
                        l,
                        categories.first().map_or("", String::as_str),
                        categories.last().map_or("", String::as_str),
                    ),
                ),
                ("meetings", &l.count("timeline_view.meetings_n", total[0])),
                (
                    "statements",
                    &l.count("timeline_view.statements_n", total[1]),
                ),
                ("steps", &l.count("timeline.steps", total[2])),
                (
                    "busiest",
                    &busiest.map_or(String::new(), |(m, n)| {
                        l.count("chart_text.busiest", n).replace("{month}", &m)
                    }),
                ),
            ],
        );
        let svg = charts::draw_bars(
            "chart-activity",
            &title,
            &description,
            &categories,
            &series,
            l,
        );
        Some(Chart {
            id: "chart-activity".into(),
            title,
            description,
            data: ChartData::Bars {
                category_name: l.text("chart_text.month"),
                categories,
                series,
            },
            tlp: tlp.into(),
            svg,
            full: None,
        })
    }
}

/// `from Round 1 to Round 3`, or `for Round 1` alone.
fn span(l: &crate::i18n::Locale, first: &str, last: &str) -> String {
    if first == last {
        l.fill("chart_text.span_one", &[("first", first)])
    } else {
        l.fill("chart_text.span", &[("first", first), ("last", last)])
    }
}

/// The first day of the month `2026-01`.
fn month_start(id: &str) -> Option<Date> {
    format!("{id}-01").parse().ok()
}
