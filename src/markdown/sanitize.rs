//! Keeping Markdown from partners harmless: no scripts, event handlers, styles, frames
//! or `javascript:` URLs in the pages it becomes.
//!
//! Most bodies are plain Markdown: pulldown-cmark writes only its own tags, escapes
//! text and attribute values, and the only dangers left are link and image URLs and
//! custom heading attributes. Such bodies ([`is_plain`]) are checked on their events;
//! anything else (raw HTML above all) goes through ammonia's allow-list ([`clean`]).
//!
//! Content may not wear the site's own classes ([`is_reserved_class`]): a body could
//! otherwise draw a TLP banner, a status badge or a page header that is not the site's.
//! Such classes are stripped; the element and its text stay.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};
use std::borrow::Cow;
use std::collections::BTreeSet;

/// URL schemes a plain body may link to; any other scheme sends it to the sanitiser,
/// which decides as it does for raw HTML.
const SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// What links get, as ammonia gives them: no access to the page that opened them.
const REL: &str = "noopener noreferrer";

/// The stylesheet the site's pages are drawn with; every class it styles is the site's.
const STYLESHEET: &str = include_str!("../../templates/style.css");

/// Classes pulldown-cmark writes itself (footnotes): content keeps them.
const MARKDOWN_CLASSES: [&str; 3] = [
    "footnote-definition",
    "footnote-definition-label",
    "footnote-reference",
];

/// True if `class` is one the site's stylesheet styles (`tlp-banner`, `tlp-clear`,
/// `badge`, `site-header`, ...), other than those Markdown writes itself: content may
/// not use it.
pub fn is_reserved_class(class: &str) -> bool {
    static RESERVED: std::sync::OnceLock<BTreeSet<String>> = std::sync::OnceLock::new();
    RESERVED
        .get_or_init(|| {
            let mut set = selector_classes(STYLESHEET);
            for c in MARKDOWN_CLASSES {
                set.remove(c);
            }
            set
        })
        .contains(class)
}

/// Every class named in the selectors of `css` (comments skipped; declarations, which
/// hold no selectors but may hold `url(a.png)`, skipped too).
fn selector_classes(css: &str) -> BTreeSet<String> {
    let mut text = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        rest = rest[start..]
            .find("*/")
            .map_or("", |end| &rest[start + end + 2..]);
    }
    text.push_str(rest);
    let mut out = BTreeSet::new();
    // A selector (or an at-rule's prelude) is the text before a `{`, after the last
    // `{`, `}` or `;`.
    let mut piece_start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '{' => {
                let selector = &text[piece_start..i];
                let mut parts = selector.split('.').skip(1);
                for part in parts.by_ref() {
                    let name: String = part
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                        .collect();
                    if name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '-' || c == '_') {
                        out.insert(name);
                    }
                }
                piece_start = i + 1;
            }
            '}' | ';' => piece_start = i + 1,
            _ => {}
        }
    }
    out
}

/// The classes of `value` (a `class` attribute) that content may use, or `None` if none.
fn content_classes(value: &str) -> Option<Cow<'_, str>> {
    let kept: Vec<&str> = value
        .split_ascii_whitespace()
        .filter(|c| !is_reserved_class(c))
        .collect();
    if kept.is_empty() {
        None
    } else if kept.join(" ") == value {
        Some(Cow::Borrowed(value))
    } else {
        Some(Cow::Owned(kept.join(" ")))
    }
}

/// The allow-list raw HTML in Markdown passes through: no scripts, event handlers,
/// styles, frames, or `javascript:`/`data:` URLs. Ids and classes stay for anchors,
/// footnotes and styling, but for the site's own classes.
fn sanitizer() -> &'static ammonia::Builder<'static> {
    static SANITIZER: std::sync::OnceLock<ammonia::Builder<'static>> = std::sync::OnceLock::new();
    SANITIZER.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        b.add_generic_attributes(["id", "class"]);
        b.link_rel(Some(REL));
        b.attribute_filter(|_, attribute, value| match attribute {
            "class" => content_classes(value),
            _ => Some(Cow::Borrowed(value)),
        });
        b
    })
}

/// `html` through the allow-list.
pub(super) fn clean(html: &str) -> String {
    sanitizer().clean(html).to_string()
}

/// True if `events` hold nothing pulldown-cmark would write unsafely: no raw HTML, no
/// URL outside [`SCHEMES`] (or relative), no heading attributes but id and classes, no
/// reserved class, no column alignment (written as `style` attributes).
pub(super) fn is_plain(events: &[Event]) -> bool {
    events.iter().all(|e| match e {
        Event::Html(_) | Event::InlineHtml(_) => false,
        Event::InlineMath(_) | Event::DisplayMath(_) => false,
        Event::Start(Tag::Link { dest_url, .. }) | Event::Start(Tag::Image { dest_url, .. }) => {
            safe_url(dest_url)
        }
        Event::Start(Tag::Heading { attrs, classes, .. }) => {
            attrs.is_empty() && !classes.iter().any(|c| is_reserved_class(c))
        }
        Event::Start(Tag::Table(aligns)) => aligns
            .iter()
            .all(|a| matches!(a, pulldown_cmark::Alignment::None)),
        _ => true,
    })
}

/// A relative URL, or one with a scheme of [`SCHEMES`]. Conservative: a URL starting
/// with anything but a letter, digit or `/.#?_~%-` (browsers skip leading spaces and
/// control characters) is not plain.
fn safe_url(url: &str) -> bool {
    let Some(first) = url.chars().next() else {
        return true;
    };
    if !(first.is_ascii_alphanumeric() || "/.#?_~%-".contains(first)) {
        return false;
    }
    let end = url.find(['/', '?', '#']).unwrap_or(url.len());
    match url[..end].find(':') {
        None => true,
        Some(colon) => SCHEMES.iter().any(|s| url[..colon].eq_ignore_ascii_case(s)),
    }
}

/// Writes every link's opening tag with `rel` (pulldown-cmark has no way to add it),
/// escaping its URL and title as pulldown-cmark would. Links inside an image's
/// description are left as they are: pulldown-cmark writes only their text into `alt`
/// (raw HTML there would be written as text, its URL with it).
pub(super) fn mark_links(events: &mut [Event]) {
    let mut in_image = 0usize;
    for e in events.iter_mut() {
        match e {
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            _ if in_image > 0 => {}
            Event::Start(Tag::Link {
                dest_url, title, ..
            }) => {
                let mut tag = String::from("<a href=\"");
                let _ = pulldown_cmark_escape::escape_href(&mut tag, dest_url);
                if !title.is_empty() {
                    tag.push_str("\" title=\"");
                    let _ = pulldown_cmark_escape::escape_html(&mut tag, title);
                }
                tag.push_str("\" rel=\"");
                tag.push_str(REL);
                tag.push_str("\">");
                *e = Event::InlineHtml(CowStr::from(tag));
            }
            Event::End(TagEnd::Link) => *e = Event::InlineHtml(CowStr::Borrowed("</a>")),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::render;
    use crate::model::Kind;

    fn html(text: &str) -> String {
        render(text, 1, &|_: Kind, _: &str| true, &|_| Vec::new())
            .prose
            .html("")
            .into_owned()
    }

    #[test]
    fn plain_markdown_cannot_run_anything() {
        for attack in [
            "[x](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1))",
            "[x](<\u{1}javascript:alert(1)>)",
            "[x](<  javascript:alert(1)>)",
            "[x](java&#115;cript:alert(1))",
            "[x](data:text/html;base64,PHNjcmlwdD4=)",
            "![x](javascript:alert(1))",
            "[x](vbscript:msgbox)",
            "# Title {onclick=alert(1)}",
            "[x](https://a.example \"t\\\" onmouseover=\\\"alert(1)\")",
            "| a | b |\n|:-:|--:|\n| 1 | 2 |",
        ] {
            let out = html(attack).to_lowercase();
            // (A percent-encoded control character makes a harmless relative URL.)
            for bad in [
                "href=\"javascript:",
                "src=\"javascript:",
                "href=\"vbscript:",
                "href=\"data:",
                "onclick",
                "onmouseover=\"",
                "style=",
            ] {
                assert!(!out.contains(bad), "{attack:?} gave {out}");
            }
        }
    }

    #[test]
    fn plain_links_get_rel_and_escaped_attributes() {
        let out = html("See [a \"b\"](https://a.example/?q=1&r=<2> \"the <title>\").");
        assert_eq!(
            out,
            "<p>See <a href=\"https://a.example/?q=1&amp;r=%3C2%3E\" title=\"the &lt;title&gt;\" \
             rel=\"noopener noreferrer\">a “b”</a>.</p>\n"
        );
    }

    #[test]
    fn the_sites_own_classes_are_stripped_from_content() {
        for fake in [
            "<div class=\"tlp-banner tlp-clear\">TLP:CLEAR</div>",
            "<p class=\"TLP-banner\">x</p> <span class=\" tlp-clear  badge \">TLP:CLEAR</span>",
            "# TLP:CLEAR {.tlp-banner .tlp-clear}",
            "<div class=\"site-header\"><span class=\"status status-block-agreed\">agreed</span></div>",
        ] {
            let out = html(fake);
            let classes: Vec<&str> = out
                .split("class=\"")
                .skip(1)
                .flat_map(|rest| rest[..rest.find('"').unwrap()].split_whitespace())
                .collect();
            for class in ["tlp-banner", "tlp-clear", "badge", "site-header", "status"] {
                assert!(!classes.contains(&class), "{fake:?} gave {out}");
            }
            assert!(out.contains("TLP:CLEAR") || out.contains("agreed"), "{out}");
        }
        // Other classes, and those Markdown writes itself, stay.
        let out = html("<span class=\"mine tlp-red\">x</span>\n\nA note[^1].\n\n[^1]: The note.");
        assert!(out.contains("class=\"mine\""), "{out}");
        assert!(out.contains("footnote-definition"), "{out}");
        assert!(html("# Title {.mine}").contains("class=\"mine\""));
    }

    #[test]
    fn reserved_classes_are_read_from_the_stylesheet() {
        for class in [
            "tlp-banner",
            "tlp-clear",
            "tlp-amber-strict",
            "badge",
            "site-header",
            "prose",
        ] {
            assert!(super::is_reserved_class(class), "{class}");
        }
        for class in ["footnote-definition", "png", "5em", "mine", ""] {
            assert!(!super::is_reserved_class(class), "{class}");
        }
        let css = "/* .commented {} */ .a, div.b > .c:hover { background: url(x.png); }\n@media (max-width: 40.5em) { .d { margin: .5em } }";
        let found: Vec<String> = super::selector_classes(css).into_iter().collect();
        assert_eq!(found, ["a", "b", "c", "d"]);
    }

    #[test]
    fn raw_html_still_goes_through_the_sanitiser() {
        let out = html("<b onclick=\"x()\">bold</b> and [a](https://a.example)");
        assert!(!out.contains("onclick"), "{out}");
        assert!(out.contains("rel=\"noopener noreferrer\""), "{out}");
    }
}
