//! Date formatting, done in Rust so templates receive ready text.

use jiff::civil::Date;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "6 January 2026".
pub fn long(d: Date) -> String {
    format!(
        "{} {} {}",
        d.day(),
        MONTHS[d.month() as usize - 1],
        d.year()
    )
}

/// "January 2026".
pub fn month(d: Date) -> String {
    format!("{} {}", MONTHS[d.month() as usize - 1], d.year())
}

/// "6-7 January 2026", "30 January - 2 February 2026", or one date.
pub fn range(start: Date, end: Option<Date>) -> String {
    match end {
        None => long(start),
        Some(e) if e == start => long(start),
        Some(e) if e.year() == start.year() && e.month() == start.month() => {
            format!("{}\u{2013}{}", start.day(), long(e))
        }
        Some(e) if e.year() == start.year() => format!(
            "{} {} \u{2013} {}",
            start.day(),
            MONTHS[start.month() as usize - 1],
            long(e)
        ),
        Some(e) => format!("{} \u{2013} {}", long(start), long(e)),
    }
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
}
