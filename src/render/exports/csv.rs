//! CSV exports for spreadsheet users (RFC 4180: comma-separated, CRLF line ends, fields
//! quoted when they hold a comma, a quote or a line break, quotes doubled).
//!
//! Hand-written rather than with the `csv` crate: two fixed tables of strings need only
//! the quoting rule below, which the tests pin.

use super::text::plain;
use crate::model::{Kind, Model};
use crate::render::view::{CitationView, Views};

/// One RFC 4180 field.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn table(header: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut out = String::new();
    let line =
        |cells: Vec<String>| cells.iter().map(|c| field(c)).collect::<Vec<_>>().join(",") + "\r\n";
    out.push_str(&line(header.iter().map(|h| h.to_string()).collect()));
    for r in rows {
        out.push_str(&line(r));
    }
    out
}

fn grades(cs: &[CitationView]) -> String {
    cs.iter()
        .map(|c| format!("{} ({})", c.source.title, c.grade))
        .collect::<Vec<_>>()
        .join("; ")
}

/// `data/contributions.csv`: one row per contribution.
pub fn contributions(m: &Model, views: &Views) -> String {
    let mut rows = Vec::new();
    for (gid, g) in &m.guarantees {
        for (i, c) in g.contributions.iter().enumerate() {
            let v = views.contribution(gid, i);
            rows.push(vec![
                gid.clone(),
                v.guarantee.title.clone(),
                c.by.clone(),
                v.by.title.clone(),
                v.commitment.clone(),
                v.status.to_string(),
                c.since.map(|d| d.to_string()).unwrap_or_default(),
                c.amount
                    .as_ref()
                    .map(|a| a.value.to_string())
                    .unwrap_or_default(),
                c.amount
                    .as_ref()
                    .map(|a| a.unit.clone())
                    .unwrap_or_default(),
                c.conditions.join("; "),
                c.history
                    .iter()
                    .map(|h| format!("{} {}", h.date, h.status.as_str()))
                    .collect::<Vec<_>>()
                    .join("; "),
                grades(&v.citations),
                v.tlp.label.clone(),
                format!("{}#{}", v.guarantee.url, v.anchor),
            ]);
        }
    }
    table(
        &[
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
        rows,
    )
}

/// `data/statements.csv`: one row per statement, oldest first.
pub fn statements(m: &Model, views: &Views) -> String {
    let mut list: Vec<_> = m.statements.values().collect();
    list.sort_by_key(|s| (s.date, s.meta.id.clone()));
    let rows = list
        .iter()
        .map(|s| {
            let v = views.item(Kind::Statements, &s.meta.id);
            vec![
                s.meta.id.clone(),
                s.date.to_string(),
                s.title.clone(),
                s.speaker.clone().unwrap_or_default(),
                views.attribution(s),
                s.kind.as_str().to_string(),
                s.on_record.to_string(),
                s.meeting.clone().unwrap_or_default(),
                s.about.join("; "),
                plain(&s.body_html),
                grades(&v.citations),
                v.tlp.label.clone(),
                v.url.clone(),
            ]
        })
        .collect();
    table(
        &[
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
        rows,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_when_needed() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"90%\""), "\"say \"\"90%\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(
            table(&["a", "b"], vec![vec!["1".into(), "x,y".into()]]),
            "a,b\r\n1,\"x,y\"\r\n"
        );
    }
}
