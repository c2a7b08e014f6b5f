//! `feed.xml`: an Atom 1.0 feed (RFC 4287) of changes: statements, meetings and
//! contribution status changes dated on or before the as-of date, newest first, up to
//! site.yaml's `feed_limit`.
//!
//! Entry ids are tag URIs (RFC 4151) built from item ids, so they stay the same from
//! build to build: `tag:<authority>,<entry date>:<path>[:<status>]`. The authority is the
//! host of `base_url`, or `briefing.invalid` (a name reserved never to be registered)
//! when there is none. Links are absolute, so they are written only when `base_url` is
//! set; without it, entries carry no link and RFC 4287 then requires `content`, which
//! every entry has anyway.

use super::pieces::Mark;
use super::text::{Bodies, plain, xml, xml_into};
use crate::analysis::timeline::{self, What};
use crate::model::translation::{MeetingWords, StatementWords};
use crate::model::{Item, Kind, Model, Tlp};
use crate::render::view::Views;
use jiff::civil::Date;
use std::borrow::Cow;
use std::fmt::Write;

struct Entry<'a> {
    date: Date,
    id: String,
    /// The meeting or statement it shows, for [`piece`].
    item: Option<(Kind, String)>,
    title: String,
    url: String,
    category: &'static str,
    /// The content is `head` then `body`: the body, a plain text shared with other
    /// exports, is borrowed rather than copied into one string (a translation's is made
    /// for the entries the feed keeps only: see [`translated_body`]).
    head: String,
    body: Cow<'a, str>,
    tlp: Tlp,
}

fn authority(base: Option<&str>) -> String {
    base.and_then(|b| b.split("://").nth(1))
        .and_then(|rest| rest.split(['/', ':']).next())
        .filter(|h| !h.is_empty())
        .unwrap_or("briefing.invalid")
        .to_string()
}

/// The feed's XML.
pub fn feed(m: &Model, views: &Views, bodies: &Bodies, marks: &mut Vec<Mark>) -> String {
    let base = m.site.base_url.as_deref();
    let auth = authority(base);
    // Newest first, then by id: sorted by their dates and ids alone, so that only the
    // entries the feed keeps are made.
    let mut kept: Vec<(Date, String, timeline::Entry)> = timeline::entries(m)
        .into_iter()
        .filter(|e| e.date.last() <= m.site.as_of)
        .map(|e| (e.date.first(), entry_id(views, &auth, &e), e))
        .collect();
    kept.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    // A feed is polled: it holds the newest entries, not the whole briefing.
    kept.truncate(m.site.feed_limit);
    let mut entries: Vec<Entry> = kept
        .into_iter()
        .map(|(_, id, e)| entry(m, views, bodies, id, &e))
        .collect();
    for e in &mut entries {
        if let Some(body) = e
            .item
            .as_ref()
            .and_then(|(k, id)| translated_body(views, *k, id))
        {
            e.body = Cow::Owned(body);
        }
    }
    let updated = entries.first().map(|e| e.date).unwrap_or(m.site.as_of);
    let marking = entries.iter().map(|e| e.tlp).max().unwrap_or(Tlp::Clear);
    let feed_id = match base {
        Some(b) => format!("{b}feed.xml"),
        None => {
            let slug: String = m
                .site
                .title
                .to_lowercase()
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .collect();
            format!("tag:{auth},2000:feed/{slug}")
        }
    };
    // About 600 bytes of markup per entry besides its text: sized once, so the feed is
    // not copied as it grows.
    let size: usize = entries.iter().map(|e| e.head.len() + e.body.len()).sum();
    let mut s = String::with_capacity(4096 + size + entries.len() * 640);
    // Writing to a `String` cannot fail.
    let _ = write_feed(&mut s, m, &entries, &feed_id, updated, marking, marks);
    s
}

/// The id of the feed's entry for one timeline entry: a tag URI, the item's path and,
/// for a status step, the contribution's anchor and the status.
fn entry_id(views: &Views, auth: &str, e: &timeline::Entry) -> String {
    let path = crate::routes::item(e.kind, &e.id);
    match e.what {
        What::Step(step) => {
            let c = &views.m.guarantees[&e.id].contributions[step.contribution];
            let anchor = crate::routes::contribution_anchor(c);
            let status = step.status.as_str();
            format!("tag:{auth},{}:{path}#{anchor}:{status}", e.date)
        }
        What::Meeting | What::Statement => format!("tag:{auth},{}:{path}", e.date),
    }
}

/// The feed's entry for one timeline entry, whose id is `id` ([`entry_id`]).
fn entry<'b>(
    m: &Model,
    views: &Views,
    bodies: &'b Bodies,
    id: String,
    e: &timeline::Entry,
) -> Entry<'b> {
    let l = views.locale();
    let path = crate::routes::item(e.kind, &e.id);
    // Atom needs an exact timestamp: a month or a year counts from its first day (the
    // entry's text gives the date as written).
    let date = e.date.first();
    match e.what {
        What::Meeting => {
            let x = &m.meetings[&e.id];
            let own = &views.m.meetings[&e.id];
            let (title, _) = views.title_of(Item::Meeting(own));
            let location = views
                .words_of(Item::Meeting(own))
                .opt_word(
                    |w: &MeetingWords| w.location.as_deref(),
                    x.location.as_deref(),
                )
                .map_or_else(|| l.text("feed.no_location"), |s| s.text.to_string());
            let status = l.text(&format!("meeting_status.{}", x.status.as_str()));
            Entry {
                date,
                id,
                item: Some((Kind::Meetings, e.id.clone())),
                title: l.fill("feed.meeting_title", &[("title", &title)]),
                url: path.clone(),
                category: "meeting",
                tlp: x.meta.tlp,
                // The meeting's link note is its location.
                head: l.fill(
                    "feed.meeting_head",
                    &[
                        ("title", &title),
                        ("location", &location),
                        ("status", &status),
                    ],
                ),
                body: Cow::Borrowed(bodies.meeting(&e.id)),
            }
        }
        What::Statement => {
            let x = &m.statements[&e.id];
            let (title, _) = views.title_of(Item::Statement(&views.m.statements[&e.id]));
            Entry {
                date,
                id,
                item: Some((Kind::Statements, e.id.clone())),
                title: l.fill("feed.statement_title", &[("title", &title)]),
                url: path.clone(),
                category: "statement",
                tlp: x.meta.tlp,
                head: format!("{}: ", views.attribution(x)),
                body: Cow::Borrowed(bodies.statement(&e.id)),
            }
        }
        What::Step(step) => {
            let (i, status) = (step.contribution, step.status);
            let status_word = l.text(&format!("status.{}", status.as_str()));
            let c = views.contribution(&e.id, i);
            let tlp = m.guarantees[&e.id].contributions[i].tlp;
            Entry {
                date,
                id,
                item: None,
                title: l.fill(
                    "feed.step_title",
                    &[
                        ("component", c.guarantee.title()),
                        ("actor", c.by.title()),
                        ("status", &status_word),
                    ],
                ),
                url: format!("{path}#{}", c.anchor),
                category: "status",
                tlp,
                head: l.fill(
                    "feed.step_head",
                    &[
                        ("actor", c.by.title()),
                        ("status", &status_word),
                        ("date", &l.dates().when(e.date)),
                        ("commitment", &c.commitment),
                    ],
                ),
                body: Cow::Borrowed(""),
            }
        }
    }
}

/// The plain text of a meeting's or statement's body in the views' language, when its
/// translation gives one (else the entry keeps the original's, shared with the other
/// exports).
fn translated_body(views: &Views, kind: Kind, id: &str) -> Option<String> {
    let m = views.m;
    let shown = match kind {
        Kind::Meetings => {
            let x = m.meetings.get(id)?;
            let w = views.words_of(Item::Meeting(x));
            let s = w.word(|t: &MeetingWords| t.body_html.as_ref(), &x.body_html);
            (!std::ptr::eq(s.text, &x.body_html)).then_some(s.text)
        }
        Kind::Statements => {
            let x = m.statements.get(id)?;
            let w = views.words_of(Item::Statement(x));
            let s = w.word(|t: &StatementWords| t.body_html.as_ref(), &x.body_html);
            (!std::ptr::eq(s.text, &x.body_html)).then_some(s.text)
        }
        _ => None,
    };
    shown.map(|p| plain(&p.html("")))
}

/// The `<entry>` of one meeting or statement, as [`feed`] writes it; `None` for other
/// kinds and for items dated after the as-of date, which the feed leaves out.
pub fn piece(m: &Model, views: &Views, kind: Kind, id: &str) -> Option<Vec<u8>> {
    let (date, what) = match kind {
        Kind::Meetings => (m.meetings.get(id)?.date, What::Meeting),
        Kind::Statements => (m.statements.get(id)?.date, What::Statement),
        _ => return None,
    };
    if date.last() > m.site.as_of {
        return None;
    }
    let bodies = Bodies::of_one(m, kind, id);
    let auth = authority(m.site.base_url.as_deref());
    let e = timeline::Entry {
        date,
        kind,
        id: id.to_string(),
        what,
    };
    let id = entry_id(views, &auth, &e);
    let mut s = String::new();
    let _ = write_entry(
        &mut s,
        m.site.base_url.as_deref(),
        &entry(m, views, &bodies, id, &e),
    );
    Some(s.into_bytes())
}

fn write_feed(
    s: &mut String,
    m: &Model,
    entries: &[Entry],
    feed_id: &str,
    updated: Date,
    marking: Tlp,
    marks: &mut Vec<Mark>,
) -> std::fmt::Result {
    let base = m.site.base_url.as_deref();
    s.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    s.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"");
    xml_into(s, &m.site.language);
    s.push_str("\">\n  <id>");
    xml_into(s, feed_id);
    s.push_str("</id>\n  <title>");
    xml_into(s, &m.site.title);
    s.push_str("</title>\n");
    if let Some(sub) = &m.site.subtitle {
        s.push_str("  <subtitle>");
        xml_into(s, sub);
        s.push_str("</subtitle>\n");
    }
    writeln!(s, "  <updated>{updated}T00:00:00Z</updated>")?;
    s.push_str("  <author><name>");
    xml_into(s, &m.site.title);
    s.push_str("</name></author>\n  <generator>briefing</generator>\n");
    writeln!(
        s,
        "  <rights>{}: the most restrictive marking of any entry; each entry not TLP:CLEAR carries its own.</rights>",
        marking.label()
    )?;
    if let Some(b) = base {
        writeln!(
            s,
            "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
            xml(&format!("{b}feed.xml"))
        )?;
        writeln!(
            s,
            "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
            xml(&format!("{b}index.html"))
        )?;
    }
    for e in entries {
        let start = s.len();
        write_entry(s, base, e)?;
        if let Some((kind, id)) = &e.item {
            marks.push(Mark {
                kind: *kind,
                id: id.clone(),
                range: start..s.len(),
            });
        }
    }
    s.push_str("</feed>\n");
    Ok(())
}

/// Writes one `<entry>` element.
fn write_entry(s: &mut String, base: Option<&str>, e: &Entry) -> std::fmt::Result {
    {
        s.push_str("  <entry>\n    <id>");
        xml_into(s, &e.id);
        s.push_str("</id>\n    <title>");
        if e.tlp != Tlp::Clear {
            xml_into(s, &format!("[{}] ", e.tlp.label()));
        }
        xml_into(s, &e.title);
        writeln!(s, "</title>\n    <updated>{}T00:00:00Z</updated>", e.date)?;
        writeln!(s, "    <category term=\"{}\"/>", e.category)?;
        writeln!(
            s,
            "    <category term=\"tlp:{}\" label=\"{}\"/>",
            e.tlp.as_str(),
            e.tlp.label()
        )?;
        if let Some(b) = base {
            s.push_str("    <link rel=\"alternate\" type=\"text/html\" href=\"");
            xml_into(s, b);
            xml_into(s, &e.url);
            s.push_str("\"/>\n");
        }
        s.push_str("    <content type=\"text\">");
        xml_into(s, &e.head);
        xml_into(s, &e.body);
        s.push_str("</content>\n  </entry>\n");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::authority;

    #[test]
    fn authority_is_the_host_of_base_url() {
        assert_eq!(
            authority(Some("https://intra.example.org:8443/briefing/")),
            "intra.example.org"
        );
        assert_eq!(authority(None), "briefing.invalid");
    }
}
