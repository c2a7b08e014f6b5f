//! CSV exports for spreadsheet users (RFC 4180: comma-separated, CRLF line ends, fields
//! quoted when they hold a comma, a quote or a line break, quotes doubled).
//!
//! Every table goes through [`table`] and [`row`], the one quoting path:
//! - each file starts with a UTF-8 byte-order mark, so that Excel reads "Türkiye" and
//!   Cyrillic names as UTF-8 rather than as the local code page;
//! - a cell that a spreadsheet would take for a formula (one starting with `=`, `+`, `-`,
//!   `@`, a tab or a carriage return, as OWASP's "CSV injection" guidance lists) is
//!   written with a leading `'`, so that it shows as text and is never evaluated
//!   (`=HYPERLINK(...)` becomes `'=HYPERLINK(...)`).
//!
//! Hand-written rather than with the `csv` crate: the quoting rule is a dozen lines that
//! the tests pin, and the crate would not do the formula neutralising either.

use super::pieces::Mark;
use super::text::Bodies;
use crate::model::{Kind, Model, Ref, Statement};
use crate::render::view::{CitationView, Views};

/// The UTF-8 byte-order mark every CSV file starts with.
pub const BOM: char = '\u{feff}';

/// True for a cell a spreadsheet would evaluate as a formula.
fn formula_like(s: &str) -> bool {
    matches!(
        s.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    )
}

/// Appends one RFC 4180 field, neutralised if it looks like a formula.
fn field(out: &mut String, s: &str) {
    let guard = if formula_like(s) { "'" } else { "" };
    // Searched for as bytes, several at a time (most fields, long texts included, need
    // no quotes, so are read to the end).
    let b = s.as_bytes();
    if memchr::memchr3(b',', b'"', b'\n', b).is_some() || memchr::memchr(b'\r', b).is_some() {
        out.push('"');
        out.push_str(guard);
        for (i, part) in s.split('"').enumerate() {
            if i > 0 {
                out.push_str("\"\"");
            }
            out.push_str(part);
        }
        out.push('"');
    } else {
        out.push_str(guard);
        out.push_str(s);
    }
}

/// Appends one line of fields (a table's row), CRLF-terminated.
pub fn row<'a>(out: &mut String, cells: impl IntoIterator<Item = &'a str>) {
    for (i, c) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        field(out, c);
    }
    out.push_str("\r\n");
}

/// A new table: the byte-order mark and the header row; add rows with [`row`].
pub fn table<'a>(capacity: usize, header: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::with_capacity(capacity);
    out.push(BOM);
    row(&mut out, header);
    out
}

fn grades(cs: &[CitationView]) -> String {
    cs.iter()
        .map(|c| format!("{} ({})", c.source.title(), c.grade))
        .collect::<Vec<_>>()
        .join("; ")
}

/// `data/contributions.csv`: one row per contribution.
pub fn contributions(m: &Model, views: &Views) -> String {
    let mut out = table(
        0,
        [
            "guarantee_id",
            "guarantee",
            "actor_id",
            "actor",
            "commitment",
            "status",
            "since",
            "amount",
            "unit",
            "conditions",
            "history",
            "sources",
            "tlp",
            "url",
        ],
    );
    for (gid, g) in &m.guarantees {
        for (i, c) in g.contributions.iter().enumerate() {
            let v = views.contribution(gid, i);
            // Dates as written: `2015-07`, `~2026-01-04` carry their precision.
            let since = c.since.map(|d| d.written()).unwrap_or_default();
            let amount = c.amount.as_ref().map(|a| a.value.to_string());
            let history = c
                .history
                .iter()
                .map(|h| format!("{} {}", h.date.written(), h.status.as_str()))
                .collect::<Vec<_>>()
                .join("; ");
            row(
                &mut out,
                [
                    gid.as_str(),
                    v.guarantee.title(),
                    c.by.id().unwrap_or(""),
                    v.by.title(),
                    &v.commitment,
                    v.status,
                    &since,
                    amount.as_deref().unwrap_or(""),
                    c.amount.as_ref().map_or("", |a| &a.unit),
                    &c.conditions.join("; "),
                    &history,
                    &grades(&v.citations),
                    v.tlp.label,
                    &crate::routes::item_at(Kind::Guarantees, gid, Some(&v.anchor)),
                ],
            );
        }
    }
    out
}

/// `data/statements.csv`: one row per statement, oldest first.
pub fn statements(m: &Model, views: &Views, bodies: &Bodies, marks: &mut Vec<Mark>) -> String {
    let mut list: Vec<_> = m.statements.values().collect();
    list.sort_by_key(|s| (s.date, &s.meta.id));
    // About 400 bytes per row besides the text: sized once, not copied as it grows.
    let mut out = table(
        1024 + bodies.statements_len() + 512 * list.len(),
        [
            "id",
            "date",
            "title",
            "speaker_id",
            "attribution",
            "kind",
            "on_record",
            "meeting_id",
            "about",
            "text",
            "sources",
            "tlp",
            "url",
        ],
    );
    for s in list {
        let begin = out.len();
        statement_row(&mut out, views, bodies, s);
        marks.push(Mark {
            kind: Kind::Statements,
            id: s.meta.id.clone(),
            range: begin..out.len(),
        });
    }
    out
}

/// One statement's row, as [`statements`] writes it.
pub fn statement_piece(m: &Model, views: &Views, id: &str) -> Option<Vec<u8>> {
    let s = m.statements.get(id)?;
    let mut out = String::new();
    statement_row(&mut out, views, &Bodies::of_one(m, Kind::Statements, id), s);
    Some(out.into_bytes())
}

fn statement_row(out: &mut String, views: &Views, bodies: &Bodies, s: &Statement) {
    let id = &s.meta.id;
    // Only the citations of the item's view are needed: not the whole view.
    let citations = views.citations(&s.meta.citations);
    row(
        out,
        [
            id.as_str(),
            &s.date.written(),
            &s.title,
            s.speaker.as_ref().and_then(Ref::id).unwrap_or(""),
            &views.attribution(s),
            s.kind.as_str(),
            if s.on_record { "true" } else { "false" },
            s.meeting.as_ref().and_then(Ref::id).unwrap_or(""),
            &s.about
                .iter()
                .map(|g| g.id().unwrap_or(""))
                .collect::<Vec<_>>()
                .join("; "),
            bodies.statement(id),
            &grades(&citations),
            s.meta.tlp.label(),
            &crate::routes::item(Kind::Statements, id),
        ],
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> String {
        let mut out = String::new();
        field(&mut out, s);
        out
    }

    #[test]
    fn quotes_only_when_needed() {
        assert_eq!(one("plain"), "plain");
        assert_eq!(one("a, b"), "\"a, b\"");
        assert_eq!(one("say \"90%\""), "\"say \"\"90%\"\"\"");
        assert_eq!(one("two\nlines"), "\"two\nlines\"");
        let mut out = String::new();
        row(&mut out, ["a", "b"]);
        row(&mut out, ["1", "x,y"]);
        assert_eq!(out, "a,b\r\n1,\"x,y\"\r\n");
    }

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(
            one("=HYPERLINK(\"http://x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\")\""
        );
        assert_eq!(one("=1+2"), "'=1+2");
        assert_eq!(one("+1"), "'+1");
        assert_eq!(one("-1"), "'-1");
        assert_eq!(one("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(one("\t=1"), "'\t=1");
        assert_eq!(one("\r=1"), "\"'\r=1\"");
        assert_eq!(one("a=1"), "a=1");
        assert_eq!(one(""), "");
    }

    #[test]
    fn tables_start_with_a_byte_order_mark() {
        let t = table(0, ["id"]);
        assert_eq!(t, "\u{feff}id\r\n");
    }
}
