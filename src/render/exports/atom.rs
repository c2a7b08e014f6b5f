//! `feed.xml`: an Atom 1.0 feed (RFC 4287) of changes: statements, meetings and
//! contribution status changes dated on or before the as-of date, newest first.
//!
//! Entry ids are tag URIs (RFC 4151) built from item ids, so they stay the same from
//! build to build: `tag:<authority>,<entry date>:<path>[:<status>]`. The authority is the
//! host of `base_url`, or `briefing.invalid` (a name reserved never to be registered)
//! when there is none. Links are absolute, so they are written only when `base_url` is
//! set; without it, entries carry no link and RFC 4287 then requires `content`, which
//! every entry has anyway.

use super::text::{plain, xml};
use crate::analysis::timeline::{self, What};
use crate::model::{Kind, Model, Tlp};
use crate::render::view::Views;
use jiff::civil::Date;

struct Entry {
    date: Date,
    id: String,
    title: String,
    url: String,
    category: &'static str,
    content: String,
    tlp: Tlp,
}

fn authority(base: Option<&str>) -> String {
    base.and_then(|b| b.split("://").nth(1))
        .and_then(|rest| rest.split(['/', ':']).next())
        .filter(|h| !h.is_empty())
        .unwrap_or("briefing.invalid")
        .to_string()
}

fn stamp(d: Date) -> String {
    format!("{d}T00:00:00Z")
}

/// The feed's XML.
pub fn feed(m: &Model, views: &Views) -> String {
    let base = m.site.base_url.as_deref();
    let auth = authority(base);
    let mut entries = Vec::new();
    for e in timeline::entries(m) {
        if e.date > m.site.as_of {
            continue;
        }
        let path = e.kind.page(&e.id);
        let tag = |suffix: &str| format!("tag:{auth},{}:{path}{suffix}", e.date);
        entries.push(match e.what {
            What::Meeting => {
                let x = &m.meetings[&e.id];
                let v = views.link(Kind::Meetings, &e.id);
                Entry {
                    date: e.date,
                    id: tag(""),
                    title: format!("Meeting: {}", x.title),
                    url: path.clone(),
                    category: "meeting",
                    tlp: x.meta.tlp,
                    content: format!(
                        "{} ({}, {}). {}",
                        x.title,
                        v.note.as_deref().unwrap_or("location not given"),
                        x.status.as_str(),
                        plain(&x.body_html)
                    ),
                }
            }
            What::Statement => {
                let x = &m.statements[&e.id];
                Entry {
                    date: e.date,
                    id: tag(""),
                    title: format!("Statement: {}", x.title),
                    url: path.clone(),
                    category: "statement",
                    tlp: x.meta.tlp,
                    content: format!("{}: {}", views.attribution(x), plain(&x.body_html)),
                }
            }
            What::Step(i, status, _) => {
                let c = views.contribution(&e.id, i);
                let tlp = m.guarantees[&e.id].contributions[i].tlp;
                Entry {
                    date: e.date,
                    id: tag(&format!("#{}:{}", c.anchor, status.as_str())),
                    title: format!("{}: {} {}", c.guarantee.title, c.by.title, status.as_str()),
                    url: format!("{path}#{}", c.anchor),
                    category: "status",
                    tlp,
                    content: format!(
                        "{} reached the status {} on {}: {}",
                        c.by.title,
                        status.as_str(),
                        crate::dates::long(e.date),
                        c.commitment
                    ),
                }
            }
        });
    }
    entries.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
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
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    s.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        xml(&m.site.language)
    ));
    s.push_str(&format!("  <id>{}</id>\n", xml(&feed_id)));
    s.push_str(&format!("  <title>{}</title>\n", xml(&m.site.title)));
    if let Some(sub) = &m.site.subtitle {
        s.push_str(&format!("  <subtitle>{}</subtitle>\n", xml(sub)));
    }
    s.push_str(&format!("  <updated>{}</updated>\n", stamp(updated)));
    s.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        xml(&m.site.title)
    ));
    s.push_str("  <generator>briefing</generator>\n");
    s.push_str(&format!(
        "  <rights>{}: the most restrictive marking of any entry; each entry not TLP:CLEAR carries its own.</rights>\n",
        marking.label()
    ));
    if let Some(b) = base {
        s.push_str(&format!(
            "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
            xml(&format!("{b}feed.xml"))
        ));
        s.push_str(&format!(
            "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            xml(&format!("{b}index.html"))
        ));
    }
    for e in &entries {
        s.push_str("  <entry>\n");
        s.push_str(&format!("    <id>{}</id>\n", xml(&e.id)));
        let title = match e.tlp {
            Tlp::Clear => e.title.clone(),
            t => format!("[{}] {}", t.label(), e.title),
        };
        s.push_str(&format!("    <title>{}</title>\n", xml(&title)));
        s.push_str(&format!("    <updated>{}</updated>\n", stamp(e.date)));
        s.push_str(&format!("    <category term=\"{}\"/>\n", e.category));
        s.push_str(&format!(
            "    <category term=\"tlp:{}\" label=\"{}\"/>\n",
            e.tlp.as_str(),
            e.tlp.label()
        ));
        if let Some(b) = base {
            s.push_str(&format!(
                "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
                xml(&format!("{b}{}", e.url))
            ));
        }
        s.push_str(&format!(
            "    <content type=\"text\">{}</content>\n",
            xml(&e.content)
        ));
        s.push_str("  </entry>\n");
    }
    s.push_str("</feed>\n");
    s
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
