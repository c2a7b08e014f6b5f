//! Dates and numbers in a language's words, from its catalog (`date.*`, `number.*`).

use super::catalog::Message;
use crate::dates::{Precision, When};
use jiff::civil::Date;
use std::collections::BTreeMap;

/// Month keys, in order: `date.month.january`, `date.month_of.january`, …
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The words and patterns a language writes dates with.
#[derive(Debug, Clone, PartialEq)]
pub struct Dates {
    /// Standalone month names (`date.month.*`): "January 2026", "січень 2026".
    month: [String; 12],
    /// Month names after a day (`date.month_of.*`): Ukrainian uses the genitive, "1 грудня".
    month_of: [String; 12],
    /// Short month names (`date.month_short.*`), for chart axes.
    month_short: [String; 12],
    /// `date.day`: "{day} {month} {year}".
    day: String,
    /// `date.month_year`: "{month} {year}".
    month_year: String,
    /// `date.approximate`: "c. {date}".
    approximate: String,
    /// `date.first_day`: how the first day of a month is written ("1", French "1er").
    first_day: String,
}

/// Replaces each `{name}` of `pattern` by its value.
fn put(pattern: &str, args: &[(&str, &str)]) -> String {
    let mut out = pattern.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

impl Dates {
    /// The date words of a complete set of messages (every `date.*` key is there: a
    /// locale's messages are always completed from English).
    pub(super) fn from_messages(m: &BTreeMap<String, Message>) -> Dates {
        let text = |k: &str| m.get(k).map(|x| x.other().to_string()).unwrap_or_default();
        let months = |group: &str| MONTHS.map(|name| text(&format!("date.{group}.{name}")));
        Dates {
            month: months("month"),
            month_of: months("month_of"),
            month_short: months("month_short"),
            day: text("date.day"),
            month_year: text("date.month_year"),
            approximate: text("date.approximate"),
            first_day: text("date.first_day"),
        }
    }

    fn day_number(&self, d: Date) -> String {
        if d.day() == 1 {
            self.first_day.clone()
        } else {
            d.day().to_string()
        }
    }

    /// "6 January 2026", "6 січня 2026", "1er janvier 2026".
    pub fn long(&self, d: Date) -> String {
        put(
            &self.day,
            &[
                ("day", &self.day_number(d)),
                ("month", &self.month_of[d.month() as usize - 1]),
                ("year", &d.year().to_string()),
            ],
        )
    }

    /// "January 2026", "січень 2026".
    pub fn month(&self, d: Date) -> String {
        put(
            &self.month_year,
            &[
                ("month", &self.month[d.month() as usize - 1]),
                ("year", &d.year().to_string()),
            ],
        )
    }

    /// "Jan": the short name of `d`'s month, for chart axes.
    pub fn month_abbr(&self, d: Date) -> &str {
        &self.month_short[d.month() as usize - 1]
    }

    /// "Jan 2026": a month's short name and its year (chart axes).
    pub fn month_short(&self, d: Date) -> String {
        format!("{} {}", self.month_short[d.month() as usize - 1], d.year())
    }

    /// "6–7 January 2026", "30 January – 2 February 2026", or one date. (Ranges are
    /// written day first, as every shipped language writes them.)
    pub fn range(&self, start: Date, end: Option<Date>) -> String {
        match end {
            None => self.long(start),
            Some(e) if e == start => self.long(start),
            Some(e) if e.year() == start.year() && e.month() == start.month() => {
                format!("{}\u{2013}{}", self.day_number(start), self.long(e))
            }
            Some(e) if e.year() == start.year() => format!(
                "{} {} \u{2013} {}",
                self.day_number(start),
                self.month_of[start.month() as usize - 1],
                self.long(e)
            ),
            Some(e) => format!("{} \u{2013} {}", self.long(start), self.long(e)),
        }
    }

    /// A date as precise as it was written: "2015", "July 2015", "14 July 2015",
    /// "c. 4 January 2026".
    pub fn when(&self, w: When) -> String {
        let t = match w.precision() {
            Precision::Year => w.first().year().to_string(),
            Precision::Month => self.month(w.first()),
            Precision::Day => self.long(w.first()),
        };
        if w.approximate() {
            put(&self.approximate, &[("date", &t)])
        } else {
            t
        }
    }

    /// A period between two dates of any precision: [`Dates::range`] for exact days,
    /// otherwise both ends as written ("July 2015 – c. March 2016").
    pub fn range_when(&self, start: When, end: Option<When>) -> String {
        match end {
            Some(e) if e != start && !(start.is_exact_day() && e.is_exact_day()) => {
                format!("{} \u{2013} {}", self.when(start), self.when(e))
            }
            _ if start.is_exact_day() => self.range(start.first(), end.map(When::first)),
            _ => self.when(start),
        }
    }
}

/// How a language writes numbers: its decimal mark and thousands separator.
#[derive(Debug, Clone, PartialEq)]
pub struct Numbers {
    /// `number.decimal`: "." or ",".
    decimal: String,
    /// `number.group`: between groups of three digits; empty for none.
    group: String,
}

impl Numbers {
    pub(super) fn from_messages(m: &BTreeMap<String, Message>) -> Numbers {
        let text = |k: &str| m.get(k).map(|x| x.other().to_string()).unwrap_or_default();
        Numbers {
            decimal: text("number.decimal"),
            group: text("number.group"),
        }
    }

    /// `87.5` as this language writes it ("87,5"), at most two decimals, none for a
    /// whole number; thousands grouped when the language groups them ("10 000").
    pub fn format(&self, x: f64) -> String {
        let plain = crate::model::number_text(x);
        let (sign, digits) = match plain.strip_prefix('-') {
            Some(d) => ("-", d),
            None => ("", plain.as_str()),
        };
        let (int, frac) = match digits.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (digits, None),
        };
        let mut out = String::from(sign);
        if self.group.is_empty() || int.len() < 4 {
            out.push_str(int);
        } else {
            for (i, ch) in int.chars().enumerate() {
                if i > 0 && (int.len() - i) % 3 == 0 {
                    out.push_str(&self.group);
                }
                out.push(ch);
            }
        }
        if let Some(f) = frac {
            out.push_str(&self.decimal);
            out.push_str(f);
        }
        out
    }
}
