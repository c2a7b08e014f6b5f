//! Dates as precise as the analyst knows them ([`When`]), and their English formatting
//! (the words of every language are in its catalog: see [`crate::i18n::format`]), done
//! in Rust so templates receive ready text.

use jiff::civil::Date;

/// "6 January 2026" (in English; [`crate::i18n::format::Dates`] writes other languages).
pub fn long(d: Date) -> String {
    crate::i18n::english().dates().long(d)
}

/// "January 2026".
pub fn month(d: Date) -> String {
    crate::i18n::english().dates().month(d)
}

/// "6-7 January 2026", "30 January - 2 February 2026", or one date.
pub fn range(start: Date, end: Option<Date>) -> String {
    crate::i18n::english().dates().range(start, end)
}

/// How much of a date was written: a year, a month or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// `2015`
    Year,
    /// `2015-07`
    Month,
    /// `2015-07-14`
    Day,
}

impl Precision {
    /// The word used in exports: `year`, `month` or `day`.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Year => "year",
            Precision::Month => "month",
            Precision::Day => "day",
        }
    }
}

/// A date as precise as the analyst knows it: a year, a month or a day, possibly
/// approximate (written with a leading `~`).
///
/// It covers the days from [`When::first`] to [`When::last`]. Lists sort by the first
/// day (the derived order compares it first); "by the end of a day" questions (round
/// attribution, `as_of`) use the last day, so `2015-07` counts as of 31 July 2015.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct When {
    first: Date,
    last: Date,
    precision: Precision,
    approximate: bool,
}

impl When {
    /// An exact day.
    pub fn day(d: Date) -> When {
        When {
            first: d,
            last: d,
            precision: Precision::Day,
            approximate: false,
        }
    }

    /// Reads `2015`, `2015-07` or `2015-07-14`, each optionally prefixed with `~`.
    pub fn parse(text: &str) -> Option<When> {
        let (approximate, rest) = match text.strip_prefix('~') {
            Some(r) => (true, r),
            None => (false, text),
        };
        let b = rest.as_bytes();
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        let num = |r: std::ops::Range<usize>| rest[r].parse::<i16>().ok();
        let (first, last, precision) = match b.len() {
            4 if digits(0..4) => {
                let y = num(0..4)?;
                (
                    Date::new(y, 1, 1).ok()?,
                    Date::new(y, 12, 31).ok()?,
                    Precision::Year,
                )
            }
            7 if digits(0..4) && b[4] == b'-' && digits(5..7) => {
                let first = Date::new(num(0..4)?, num(5..7)? as i8, 1).ok()?;
                (first, first.last_of_month(), Precision::Month)
            }
            10 if b[4] == b'-' && b[7] == b'-' => {
                let d: Date = rest.parse().ok()?;
                (d, d, Precision::Day)
            }
            _ => return None,
        };
        Some(When {
            first,
            last,
            precision,
            approximate,
        })
    }

    /// The first day covered.
    pub fn first(self) -> Date {
        self.first
    }

    /// The last day covered.
    pub fn last(self) -> Date {
        self.last
    }

    /// Year, month or day.
    pub fn precision(self) -> Precision {
        self.precision
    }

    /// True if written with `~`.
    pub fn approximate(self) -> bool {
        self.approximate
    }

    /// True for an exact day (the only form existing sites wrote).
    pub fn is_exact_day(self) -> bool {
        self.precision == Precision::Day && !self.approximate
    }

    /// The form it is written in YAML: `2015`, `~2015-07`, `2015-07-14`.
    pub fn written(self) -> String {
        if self.approximate {
            format!("~{self}")
        } else {
            self.to_string()
        }
    }

    /// As a reader sees it, in English: "2015", "July 2015", "14 July 2015",
    /// "c. 4 January 2026".
    pub fn long(self) -> String {
        crate::i18n::english().dates().when(self)
    }
}

impl From<Date> for When {
    fn from(d: Date) -> When {
        When::day(d)
    }
}

/// The ISO 8601 form at the date's precision, as `<time datetime>` takes it: `2015`,
/// `2015-07`, `2015-07-14` (the `~` of an approximate date is not part of it).
impl std::fmt::Display for When {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self.precision {
            Precision::Year => write!(f, "{:04}", self.first.year()),
            Precision::Month => write!(f, "{:04}-{:02}", self.first.year(), self.first.month()),
            Precision::Day => write!(f, "{}", self.first),
        }
    }
}

/// A period between two dates of any precision, in English: [`range`] for exact days,
/// otherwise both ends as written ("July 2015 \u{2013} c. March 2016").
pub fn range_when(start: When, end: Option<When>) -> String {
    crate::i18n::english().dates().range_when(start, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn formats() {
        assert_eq!(long(date(2026, 1, 6)), "6 January 2026");
        assert_eq!(month(date(2026, 12, 1)), "December 2026");
        assert_eq!(
            range(date(2026, 1, 5), Some(date(2026, 1, 6))),
            "5\u{2013}6 January 2026"
        );
        assert_eq!(
            range(date(2026, 1, 30), Some(date(2026, 2, 2))),
            "30 January \u{2013} 2 February 2026"
        );
        assert_eq!(range(date(2026, 1, 6), None), "6 January 2026");
    }

    #[test]
    fn parses_every_precision() {
        let y = When::parse("2015").unwrap();
        assert_eq!(
            (y.first(), y.last()),
            (date(2015, 1, 1), date(2015, 12, 31))
        );
        assert_eq!(
            (y.precision(), y.long(), y.written()),
            (Precision::Year, "2015".into(), "2015".into())
        );
        let m = When::parse("~2024-02").unwrap();
        assert_eq!((m.first(), m.last()), (date(2024, 2, 1), date(2024, 2, 29)));
        assert_eq!(m.long(), "c. February 2024");
        assert_eq!(m.written(), "~2024-02");
        let d = When::parse("~2026-01-04").unwrap();
        assert_eq!((d.first(), d.last()), (date(2026, 1, 4), date(2026, 1, 4)));
        assert_eq!(d.long(), "c. 4 January 2026");
        assert!(When::parse("2015-07-14").unwrap().is_exact_day());
        assert_eq!(
            When::parse("2015-07-14").unwrap(),
            When::day(date(2015, 7, 14))
        );
    }

    #[test]
    fn rejects_malformed() {
        for bad in [
            "",
            "~",
            "15",
            "2015-7",
            "2015-13",
            "2015-02-30",
            "2015/07",
            "~~2015",
            "2015-07-1",
            "+2015",
            "July 2015",
        ] {
            assert!(When::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn sorts_by_first_day() {
        let mut v: Vec<When> = ["2015-07-14", "2015", "~2015-07", "2015-06-30"]
            .iter()
            .map(|s| When::parse(s).unwrap())
            .collect();
        v.sort();
        let w: Vec<String> = v.iter().map(|x| x.written()).collect();
        assert_eq!(w, ["2015", "2015-06-30", "~2015-07", "2015-07-14"]);
    }

    #[test]
    fn ranges_of_imprecise_dates() {
        let p = |s| When::parse(s).unwrap();
        assert_eq!(
            range_when(p("2026-01-05"), Some(p("2026-01-06"))),
            "5\u{2013}6 January 2026"
        );
        assert_eq!(
            range_when(p("2015-07"), Some(p("~2016-03"))),
            "July 2015 \u{2013} c. March 2016"
        );
        assert_eq!(range_when(p("2015-07"), None), "July 2015");
    }
}
