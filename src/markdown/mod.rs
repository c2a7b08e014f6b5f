//! Markdown to HTML (pulldown-cmark): heading anchors, and `@kind/id` links checked
//! against the model and turned into relative links.

use crate::diagnostics::{Code, Diagnostic, Pos};
use crate::model::Kind;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::HashSet;

mod prose;
mod sanitize;

pub use prose::{Prose, Segment, Target, write_link};

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Markdown rendered to sanitised HTML, with what it links to.
#[derive(Debug, Default)]
pub struct Rendered {
    /// The HTML, links to items kept apart.
    pub prose: Prose,
    /// Bad links and refused content, positioned in the file.
    pub problems: Vec<Diagnostic>,
    /// Every `@kind/id[#anchor]` link that resolved, with its anchor and position.
    pub links: Vec<(Kind, String, Option<String>, Pos)>,
}

/// Renders `text` (which starts at file line `first_line`), resolving `@kind/id` links
/// with `exists`; every unknown target becomes a diagnostic at its line and column.
pub fn render(
    text: &str,
    first_line: usize,
    exists: &dyn Fn(Kind, &str) -> bool,
    known: &dyn Fn(Kind) -> Vec<String>,
) -> Rendered {
    let mut problems = Vec::new();
    let mut links = Vec::new();
    // Each resolved link's target, fragment percent-encoded as its URL has it.
    let mut targets = Vec::new();
    let mut events: Vec<Event> = Vec::new();
    let mut at_offset = Positions::new(text, first_line);
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        let event = match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) if dest_url.starts_with('@') => {
                let at = at_offset.of(range.start);
                let dest = match resolve(&dest_url, exists, known) {
                    Ok((kind, id, url, fragment)) => {
                        let anchor = dest_url.split_once('#').map(|(_, a)| a.to_string());
                        targets.push((kind, id.clone(), fragment));
                        links.push((kind, id, anchor, at));
                        CowStr::from(url)
                    }
                    Err(d) => {
                        problems.push(d.at(Some(at)));
                        dest_url
                    }
                };
                Event::Start(Tag::Link {
                    link_type,
                    dest_url: dest,
                    title,
                    id,
                })
            }
            e => e,
        };
        events.push(event);
    }
    add_heading_ids(&mut events);
    // Markdown without raw HTML, unusual URLs, attributes or aligned tables is made safe
    // on its events, which is much cheaper than the HTML sanitiser it otherwise needs.
    let plain = sanitize::is_plain(&events);
    if plain {
        sanitize::mark_links(&mut events);
    }
    let mut html = String::with_capacity(text.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    if nesting_depth(&html) > MAX_NESTING {
        // The sanitiser's HTML parser slows quadratically with depth: refuse instead.
        problems.push(
            Diagnostic::error(
                Code::TooDeep,
                format!("Markdown or HTML nested deeper than {MAX_NESTING} levels"),
            )
            .at(Some(Pos::new(first_line, 1)))
            .help("flatten the nested quotes, lists or HTML elements"),
        );
        return Rendered {
            prose: Prose::default(),
            problems,
            links,
        };
    }
    let html = if plain { html } else { sanitize::clean(&html) };
    Rendered {
        prose: Prose::split(html, &targets),
        problems,
        links,
    }
}

/// Deepest element nesting a body may have; real briefings stay under ten.
pub const MAX_NESTING: usize = 256;

/// An upper bound on element nesting in `html`: opening tags minus closing tags, at worst.
fn nesting_depth(html: &str) -> usize {
    let (mut depth, mut max) = (0usize, 0usize);
    let bytes = html.as_bytes();
    for (i, _) in html.match_indices('<') {
        match bytes.get(i + 1) {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(c) if c.is_ascii_alphabetic() => {
                depth += 1;
                max = max.max(depth);
            }
            _ => {}
        }
    }
    max
}

/// Resolves `@kind/id[#anchor]` to its target, its URL relative to the site root
/// (`kind/id.html[#anchor]`) and its fragment, percent-encoded.
fn resolve(
    dest: &str,
    exists: &dyn Fn(Kind, &str) -> bool,
    known: &dyn Fn(Kind) -> Vec<String>,
) -> Result<(Kind, String, String, Option<String>), Diagnostic> {
    let target = &dest[1..];
    let (path, anchor) = match target.split_once('#') {
        Some((p, a)) => (p, Some(a)),
        None => (target, None),
    };
    let Some((kind_name, id)) = path.split_once('/') else {
        return Err(Diagnostic::error(
            Code::BadLink,
            format!("link `{dest}` is not of the form `@kind/id`"),
        )
        .help("e.g. `[the summit](@meetings/paris-summit)`"));
    };
    let Some(kind) = Kind::from_dir(kind_name) else {
        let dirs = Kind::ALL.map(Kind::dir);
        return Err(Diagnostic::error(
            Code::BadLink,
            format!("link `{dest}`: unknown kind `{kind_name}`"),
        )
        .help(
            crate::suggest::did_you_mean(kind_name, dirs)
                .unwrap_or_else(|| format!("expected one of {}", crate::suggest::one_of(&dirs))),
        ));
    };
    if !exists(kind, id) {
        let ids = known(kind);
        return Err(Diagnostic::error(
            Code::DanglingLink,
            format!("link `{dest}`: unknown {} `{id}`", kind.singular()),
        )
        .maybe_help(crate::suggest::did_you_mean(
            id,
            ids.iter().map(String::as_str),
        )));
    }
    let fragment = anchor.map(fragment);
    let url = crate::routes::item_at(kind, id, fragment.as_deref());
    Ok((kind, id.to_string(), url, fragment))
}

/// `anchor` percent-encoded but for ASCII letters, digits and `-_.~`, so that every
/// serialiser writes it unchanged.
fn fragment(anchor: &str) -> String {
    let mut out = String::with_capacity(anchor.len());
    for b in anchor.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// File positions of byte offsets in a text, found from the last one asked for: links
/// come in order, and counting lines from the start for each made a body with many
/// links quadratic.
struct Positions<'t> {
    text: &'t str,
    first_line: usize,
    /// An offset already seen, the number of lines before it and where its line starts.
    seen: (usize, usize, usize),
}

impl<'t> Positions<'t> {
    fn new(text: &'t str, first_line: usize) -> Self {
        Positions {
            text,
            first_line,
            seen: (0, 0, 0),
        }
    }

    /// The file position of byte `offset`.
    fn of(&mut self, offset: usize) -> Pos {
        let offset = offset.min(self.text.len());
        let (mut from, mut lines, mut line_start) = self.seen;
        if offset < from {
            (from, lines, line_start) = (0, 0, 0);
        }
        for i in memchr::memchr_iter(b'\n', &self.text.as_bytes()[from..offset]) {
            lines += 1;
            line_start = from + i + 1;
        }
        self.seen = (offset, lines, line_start);
        let col = self.text[line_start..offset].chars().count();
        Pos::new(self.first_line + lines, col + 1)
    }
}

/// Gives every heading without an explicit `{#id}` a stable id made from its text.
fn add_heading_ids(events: &mut [Event]) {
    let mut used: HashSet<String> = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { id: Some(id), .. }) => Some(id.to_string()),
            _ => None,
        })
        .collect();
    for i in 0..events.len() {
        let needs_id = matches!(&events[i], Event::Start(Tag::Heading { id: None, .. }));
        if !needs_id {
            continue;
        }
        let mut text = String::new();
        for e in &events[i + 1..] {
            match e {
                Event::End(TagEnd::Heading(_)) => break,
                Event::Text(t) | Event::Code(t) => text.push_str(t),
                _ => {}
            }
        }
        let base = match anchor_slug(&text) {
            s if s.is_empty() => "section".to_string(),
            s => s,
        };
        let mut slug = base.clone();
        let mut n = 1;
        while used.contains(&slug) {
            slug = format!("{base}-{n}");
            n += 1;
        }
        used.insert(slug.clone());
        if let Event::Start(Tag::Heading {
            level,
            classes,
            attrs,
            ..
        }) = &events[i]
        {
            let (level, classes, attrs): (HeadingLevel, _, _) =
                (*level, classes.clone(), attrs.clone());
            events[i] = Event::Start(Tag::Heading {
                level,
                id: Some(slug.into()),
                classes,
                attrs,
            });
        }
    }
}

/// Lowercase words joined by hyphens; letters of any script are kept.
pub fn anchor_slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exists(k: Kind, id: &str) -> bool {
        k == Kind::Meetings && id == "paris-summit"
    }
    fn known(_: Kind) -> Vec<String> {
        vec!["paris-summit".into()]
    }

    #[test]
    fn resolves_internal_links() {
        let Rendered {
            prose,
            problems: errs,
            ..
        } = render(
            "See [Paris](@meetings/paris-summit#outcome).",
            5,
            &exists,
            &known,
        );
        assert!(errs.is_empty());
        assert_eq!(
            prose.html("../"),
            "<p>See <a href=\"../meetings/paris-summit.html#outcome\" \
             rel=\"noopener noreferrer\">Paris</a>.</p>\n"
        );
    }

    /// File position of byte `offset` in `text`, counted from the start.
    fn position(text: &str, offset: usize, first_line: usize) -> Pos {
        let before = &text[..offset.min(text.len())];
        let line = before.matches('\n').count();
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count());
        Pos::new(first_line + line, col + 1)
    }

    #[test]
    fn positions_found_in_any_order_are_those_counted_from_the_start() {
        let text = "a\n\nbé @x\n  c\nd";
        let mut p = Positions::new(text, 7);
        for offset in [0, 6, 3, 13, 1, 2, 14, 12, 99, 4, 15, 7] {
            assert_eq!(p.of(offset), position(text, offset, 7), "offset {offset}");
        }
    }

    #[test]
    fn reports_dangling_links_at_their_position() {
        let errs = render(
            "Intro.\n\nSee [x](@meetings/paris) and [y](@meeting/paris-summit).",
            10,
            &exists,
            &known,
        )
        .problems;
        assert_eq!(errs.len(), 2);
        assert_eq!(errs[0].pos, Some(Pos::new(12, 5)));
        assert_eq!(
            errs[0].help.as_deref(),
            Some("did you mean `paris-summit`?")
        );
        assert_eq!(errs[1].help.as_deref(), Some("did you mean `meetings`?"));
    }

    #[test]
    fn headings_get_stable_unique_anchors() {
        let html = render(
            "# Outcome\n\n## Outcome\n\n## Next steps {#next}\n",
            1,
            &exists,
            &known,
        )
        .prose
        .html("")
        .into_owned();
        assert!(html.contains(r#"<h1 id="outcome">"#));
        assert!(html.contains(r#"<h2 id="outcome-1">"#));
        assert!(html.contains(r#"<h2 id="next">"#));
    }

    #[test]
    fn raw_html_is_sanitised() {
        let hostile = [
            ("<script>alert(1)</script>ok", "<script"),
            ("<img src=x onerror=\"alert(1)\">", "onerror"),
            ("[x](javascript:alert(1))", "javascript:"),
            ("<a href=\"JaVaScRiPt:alert(1)\">x</a>", "alert"),
            ("<svg><script>alert(1)</script></svg>", "script"),
            ("<iframe src=\"https://evil.example\"></iframe>", "iframe"),
            ("<p style=\"position:fixed\">x</p>", "style="),
            ("[x](data:text/html;base64,PHNjcmlwdD4=)", "data:"),
            ("<object data=\"x.swf\"></object>", "object"),
        ];
        for (input, bad) in hostile {
            let html = render(input, 1, &exists, &known)
                .prose
                .html("")
                .into_owned();
            assert!(
                !html.to_lowercase().contains(bad),
                "{input:?} gave {html:?}"
            );
        }
    }

    /// Found by the `markdown` fuzzer: quoted `javascript:` text in a code block stays text.
    #[test]
    fn javascript_text_in_code_is_not_a_link() {
        let html = render("\t=\"javascript:\0\n-", 1, &exists, &known)
            .prose
            .html("")
            .into_owned();
        assert!(html.starts_with("<pre><code>"), "{html}");
        assert!(!html.contains("href"), "{html}");
    }

    #[test]
    fn sanitising_keeps_what_briefings_need() {
        let html = render(
            "## Outcome\n\nSee [Paris](@meetings/paris-summit) and [Reuters](https://reuters.com).[^1]\n\n[^1]: n\n",
            1,
            &exists,
            &known,
        ).prose.html("").into_owned();
        assert!(html.contains(r#"<h2 id="outcome">"#), "{html}");
        assert!(
            html.contains("href=\"meetings/paris-summit.html\""),
            "{html}"
        );
        assert!(html.contains("https://reuters.com"));
        assert!(html.contains("class=\"footnote-definition\""), "{html}");
    }

    #[test]
    fn refuses_absurd_nesting_quickly() {
        let Rendered {
            prose,
            problems: errs,
            ..
        } = render(&"> ".repeat(5000), 3, &exists, &known);
        assert!(prose.is_empty());
        assert_eq!(errs[0].code, "too-deep");
        assert_eq!(errs[0].pos, Some(Pos::new(3, 1)));
        let errs = render("> > > quote\n\n- a\n  - b\n    - c\n", 1, &exists, &known).problems;
        assert!(errs.is_empty(), "ordinary nesting passes");
    }

    #[test]
    fn extensions_are_on() {
        let html = render(
            "| a |\n|---|\n| b |\n\n~~x~~ \"q\"[^1]\n\n[^1]: n\n",
            1,
            &exists,
            &known,
        )
        .prose
        .html("")
        .into_owned();
        assert!(html.contains("<table>") && html.contains("<del>x</del>"));
        assert!(html.contains('\u{201c}') && html.contains("footnote"));
    }
}
