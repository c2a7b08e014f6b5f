//! Rendered Markdown as it is kept in the model: HTML with the links to items held
//! apart as typed segments, so that each page resolves them against its own root and a
//! link to a withheld item loses its target, without any text being searched or
//! replaced in a page.

use crate::model::Kind;
use serde::{Serialize, Serializer};
use std::borrow::Cow;
use std::collections::BTreeSet;

/// Rendered, sanitised Markdown: HTML, with each link to an item as a [`Segment::Link`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Prose(Vec<Segment>);

/// A piece of [`Prose`].
#[derive(Debug, Clone, PartialEq)]
pub enum Segment {
    /// HTML as written (sanitised), with no link to an item in it.
    Html(String),
    /// A link to an item: `<a href=...{attrs}>{inner}</a>` on a page.
    Link {
        /// Where it points.
        to: Target,
        /// The opening tag's other attributes, as written (` title="..." rel="..."`).
        attrs: String,
        /// The link's content, HTML.
        inner: String,
    },
}

/// What a link in prose points at.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// An item's page, and a place on it.
    Item {
        /// The item's kind.
        kind: Kind,
        /// Its id.
        id: String,
        /// The element on its page, percent-encoded (`contribution-2`).
        fragment: Option<String>,
    },
    /// An item the audience may not see: the text stays, without a link.
    Withheld,
}

impl Target {
    /// The URL relative to the site root (`meetings/x.html#outcome`); `None` if withheld.
    pub fn url(&self) -> Option<String> {
        match self {
            Target::Item { kind, id, fragment } => {
                Some(crate::routes::item_at(*kind, id, fragment.as_deref()))
            }
            Target::Withheld => None,
        }
    }
}

impl Prose {
    /// Prose of one piece of HTML with no link to an item in it.
    pub fn html_only(html: String) -> Prose {
        if html.is_empty() {
            Prose::default()
        } else {
            Prose(vec![Segment::Html(html)])
        }
    }

    /// The segments, in order.
    pub fn segments(&self) -> &[Segment] {
        &self.0
    }

    /// True if there is nothing to show.
    pub fn is_empty(&self) -> bool {
        self.0
            .iter()
            .all(|s| matches!(s, Segment::Html(h) if h.is_empty()))
    }

    /// The HTML for a page whose way back to the site root is `root` (`""`, `"../"`):
    /// links to items point at `{root}kind/id.html`, withheld ones are plain text.
    pub fn html(&self, root: &str) -> Cow<'_, str> {
        match self.0.as_slice() {
            [] => Cow::Borrowed(""),
            [Segment::Html(h)] => Cow::Borrowed(h),
            segments => {
                let mut out = String::new();
                for s in segments {
                    match s {
                        Segment::Html(h) => out.push_str(h),
                        Segment::Link { to, attrs, inner } => {
                            write_link(&mut out, root, to.url().as_deref(), attrs, inner)
                        }
                    }
                }
                Cow::Owned(out)
            }
        }
    }

    /// True if the HTML holds a `<blockquote>` (a quotation the text gives itself).
    pub fn has_blockquote(&self) -> bool {
        self.0.iter().any(|s| match s {
            Segment::Html(h) => h.contains("<blockquote"),
            Segment::Link { inner, .. } => inner.contains("<blockquote"),
        })
    }

    /// Turns every link to an item in `gone` into withheld text.
    pub fn withhold(&mut self, gone: &BTreeSet<(Kind, String)>) {
        for s in &mut self.0 {
            if let Segment::Link { to, .. } = s {
                let hidden = matches!(to, Target::Item { kind, id, .. }
                    if gone.contains(&(*kind, id.clone())));
                if hidden {
                    *to = Target::Withheld;
                }
            }
        }
    }

    /// Splits rendered, sanitised `html` into prose: every `<a>` element whose `href` is
    /// the root-relative URL of one of `targets` (as [`crate::routes::item_at`] writes it) becomes a
    /// [`Segment::Link`]. The HTML is what pulldown-cmark or ammonia serialised: text
    /// never holds a raw `<`, attribute values are double-quoted, and links do not nest,
    /// so the tags read here are the elements' own.
    pub(super) fn split(html: String, targets: &[(Kind, String, Option<String>)]) -> Prose {
        if targets.is_empty() {
            return Prose::html_only(html);
        }
        let urls: Vec<String> = targets
            .iter()
            .map(|(k, id, f)| crate::routes::item_at(*k, id, f.as_deref()))
            .collect();
        let mut segments = Vec::new();
        let mut from = 0;
        let mut at = 0;
        // One searcher, made once: `str::find` builds one per call.
        static OPEN: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
            std::sync::LazyLock::new(|| memchr::memmem::Finder::new("<a "));
        while let Some(i) = OPEN.find(&html.as_bytes()[at..]).map(|i| at + i) {
            at = i + 3;
            let Some(tag) = read_tag(&html[i..]) else {
                continue;
            };
            let Some(t) = tag.href.and_then(|h| urls.iter().position(|u| *u == h)) else {
                continue;
            };
            let open_end = i + tag.len;
            let close = memchr::memmem::find(&html.as_bytes()[open_end..], b"</a>");
            let Some(close) = close.map(|c| open_end + c) else {
                continue;
            };
            if from < i {
                segments.push(Segment::Html(html[from..i].to_string()));
            }
            let (kind, id, fragment) = &targets[t];
            segments.push(Segment::Link {
                to: Target::Item {
                    kind: *kind,
                    id: id.clone(),
                    fragment: fragment.clone(),
                },
                attrs: tag.attrs,
                inner: html[open_end..close].to_string(),
            });
            from = close + "</a>".len();
            at = from;
        }
        if from < html.len() {
            segments.push(Segment::Html(html[from..].to_string()));
        }
        Prose(segments)
    }
}

/// An `<a ...>` opening tag as serialisers write it.
struct Tag {
    /// Its length, `>` included.
    len: usize,
    /// Its `href`, with `&amp;` decoded.
    href: Option<String>,
    /// Its other attributes, as written, each with its leading space.
    attrs: String,
}

/// Reads the opening tag at the start of `s` (`<a name="value" ...>`); `None` if it is
/// not written as serialisers write one (a value not double-quoted, no `>`).
fn read_tag(s: &str) -> Option<Tag> {
    let b = s.as_bytes();
    let mut i = 2;
    let mut href = None;
    let mut attrs = String::new();
    loop {
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        match b.get(i)? {
            b'>' => {
                return Some(Tag {
                    len: i + 1,
                    href,
                    attrs,
                });
            }
            b'"' | b'\'' | b'=' | b'<' => return None,
            _ => {}
        }
        let name_start = i;
        while b
            .get(i)
            .is_some_and(|c| !c.is_ascii_whitespace() && !b"=>\"'<".contains(c))
        {
            i += 1;
        }
        let name = &s[name_start..i];
        let mut value = None;
        if b.get(i) == Some(&b'=') {
            if b.get(i + 1) != Some(&b'"') {
                return None;
            }
            let end = i + 2 + memchr::memchr(b'"', &b[i + 2..])?;
            value = Some(&s[i + 2..end]);
            i = end + 1;
        }
        if name.eq_ignore_ascii_case("href") && href.is_none() {
            href = value.map(|v| v.replace("&amp;", "&"));
        } else {
            attrs.push_str(&s[start..i]);
        }
    }
}

/// Writes a link to an item for a page at `root`: `url` relative to the site root, the
/// other attributes and the content as [`Segment::Link`] has them; the content alone,
/// marked as withheld, when there is no `url`.
pub fn write_link(out: &mut String, root: &str, url: Option<&str>, attrs: &str, inner: &str) {
    match url {
        Some(url) => {
            out.push_str("<a href=\"");
            out.push_str(root);
            out.push_str(url);
            out.push('"');
            out.push_str(attrs);
            out.push('>');
            out.push_str(inner);
            out.push_str("</a>");
        }
        None => {
            out.push_str("<span class=\"withheld\">");
            out.push_str(inner);
            out.push_str("</span>");
        }
    }
}

/// Exports write prose as its HTML relative to the site root.
impl Serialize for Prose {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.html(""))
    }
}

#[cfg(test)]
mod tests {
    use super::super::render;
    use super::*;

    fn prose(text: &str) -> Prose {
        let r = render(text, 1, &|_: Kind, _: &str| true, &|_| Vec::new());
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        r.prose
    }

    fn gone(id: &str) -> BTreeSet<(Kind, String)> {
        [(Kind::Meetings, id.to_string())].into()
    }

    #[test]
    fn links_are_written_for_each_page_and_text_is_left_alone() {
        let p = prose("Text briefing-root:/x, [the summit](@meetings/paris \"a > b\") end.");
        assert_eq!(
            p.html("../"),
            "<p>Text briefing-root:/x, <a href=\"../meetings/paris.html\" title=\"a &gt; b\" \
             rel=\"noopener noreferrer\">the summit</a> end.</p>\n"
        );
        assert!(p.html("").contains("<a href=\"meetings/paris.html\""));
        assert_eq!(p.segments().len(), 3);
    }

    #[test]
    fn withheld_links_keep_their_text_and_lose_their_target() {
        let mut p = prose("[a *b*](@meetings/secret#x) and [c](@meetings/open).");
        p.withhold(&gone("secret"));
        let html = p.html("../");
        assert_eq!(
            html,
            "<p><span class=\"withheld\">a <em>b</em></span> and \
             <a href=\"../meetings/open.html\" rel=\"noopener noreferrer\">c</a>.</p>\n"
        );
        assert!(!html.contains("secret"));
    }

    /// Raw HTML sends a body through ammonia, which writes the tags again: links to
    /// items are still found, and so is an author's own `<a>` to an item's page, so a
    /// withheld target is withheld however it was written.
    #[test]
    fn links_survive_the_sanitiser_and_raw_links_to_items_are_caught_too() {
        let mut p = prose(
            "<b onclick=\"x()\">b</b> [x](@meetings/secret \"t\") \
             <a href=\"meetings/secret.html\">raw</a> [y](@meetings/open)",
        );
        let html = p.html("../");
        assert!(!html.contains("onclick"), "{html}");
        assert!(
            html.contains(
                "<a href=\"../meetings/secret.html\" title=\"t\" rel=\"noopener noreferrer\">x</a>"
            ),
            "{html}"
        );
        assert!(html.contains("<a href=\"../meetings/open.html\""), "{html}");
        p.withhold(&gone("secret"));
        let html = p.html("");
        assert!(!html.contains("secret"), "{html}");
        assert!(
            html.contains("<span class=\"withheld\">raw</span>"),
            "{html}"
        );
    }

    #[test]
    fn fragments_are_percent_encoded_once() {
        let p = prose("[x](@meetings/paris#підсумки) [y](@meetings/paris#a\"b)");
        let html = p.html("");
        assert!(
            html.contains(
                "href=\"meetings/paris.html#%D0%BF%D1%96%D0%B4%D1%81%D1%83%D0%BC%D0%BA%D0%B8\""
            ),
            "{html}"
        );
        assert!(
            html.contains("href=\"meetings/paris.html#a%22b\""),
            "{html}"
        );
        assert_eq!(
            p.segments()
                .iter()
                .filter(|s| matches!(s, Segment::Link { .. }))
                .count(),
            2
        );
    }

    /// A link inside an image's description is only alt text: nothing to resolve, and
    /// its target (perhaps withheld) is not written as text into `alt`.
    #[test]
    fn links_in_alt_text_stay_text() {
        for text in [
            "![see [x](@meetings/secret)](i.png)",
            "![see [x](@meetings/secret)](i.png) <b>raw</b>",
        ] {
            let p = prose(text);
            let html = p.html("../");
            assert!(html.contains("alt=\"see x\""), "{html}");
            assert!(!html.contains("secret"), "{html}");
        }
    }

    #[test]
    fn prose_exports_as_html_from_the_root() {
        let p = prose("[x](@meetings/paris)");
        assert_eq!(
            serde_json::to_string(&p).unwrap(),
            "\"<p><a href=\\\"meetings/paris.html\\\" rel=\\\"noopener noreferrer\\\">x</a></p>\\n\""
        );
        assert!(prose("").is_empty() && Prose::html_only(String::new()).is_empty());
    }
}
