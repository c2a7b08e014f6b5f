//! Plain text from rendered HTML, and escaping for XML.

use crate::model::{Kind, Model};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};

/// The text of an HTML fragment: tags dropped, common entities decoded, whitespace
/// collapsed. Enough for search and spreadsheets; not a general HTML parser.
pub fn plain(html: &str) -> String {
    const INLINE: [&str; 9] = [
        "a", "em", "strong", "code", "span", "del", "sup", "sub", "abbr",
    ];
    const ENTITIES: [(&str, char); 7] = [
        ("&lt;", '<'),
        ("&gt;", '>'),
        ("&quot;", '"'),
        ("&#39;", '\''),
        ("&#x27;", '\''),
        ("&nbsp;", ' '),
        ("&amp;", '&'),
    ];
    // Three passes over slices, no per-character allocation: drop the tags, decode the
    // entities, collapse the whitespace.
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        text.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let Some(end) = after.find('>') else {
            // An unclosed tag runs to the end.
            rest = "";
            break;
        };
        let name = after[..end].trim_start_matches('/');
        let name = name.split([' ', '/']).next().unwrap_or("");
        if !INLINE.contains(&name) {
            text.push(' ');
        }
        rest = &after[end + 1..];
    }
    text.push_str(rest);
    let mut decoded = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(i) = rest.find('&') {
        decoded.push_str(&rest[..i]);
        let at = &rest[i..];
        let (c, len) = ENTITIES
            .iter()
            .find(|(e, _)| at.starts_with(e))
            .map_or(('&', 1), |(e, c)| (*c, e.len()));
        decoded.push(c);
        rest = &at[len..];
    }
    decoded.push_str(rest);
    let mut out = String::with_capacity(decoded.len());
    for word in decoded.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Escapes text for XML content and attribute values.
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    xml_into(&mut out, s);
    out
}

/// [`xml`], appended to `out`: runs without special characters are copied whole.
pub fn xml_into(out: &mut String, s: &str) {
    let mut from = 0;
    for (i, b) in s.bytes().enumerate() {
        let escaped = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&apos;",
            _ => continue,
        };
        out.push_str(&s[from..i]);
        out.push_str(escaped);
        from = i + 1;
    }
    out.push_str(&s[from..]);
}

/// Each body's plain text, made once per build (in parallel) for the exports that need
/// it: the feed, the statements table and the search index.
pub struct Bodies<'m> {
    meetings: HashMap<&'m str, String>,
    statements: HashMap<&'m str, String>,
    guarantees: HashMap<&'m str, String>,
}

impl<'m> Bodies<'m> {
    /// The plain text of every meeting, statement and guarantee body of `m`.
    pub fn new(m: &'m Model) -> Self {
        fn of<T: Sync>(
            items: &BTreeMap<String, T>,
            html: impl Fn(&T) -> &str + Sync,
        ) -> HashMap<&str, String> {
            items
                .par_iter()
                .map(|(id, x)| (id.as_str(), plain(html(x))))
                .collect()
        }
        Bodies {
            meetings: of(&m.meetings, |x| x.body_html.as_str()),
            statements: of(&m.statements, |x| x.body_html.as_str()),
            guarantees: of(&m.guarantees, |x| x.body_html.as_str()),
        }
    }

    /// The plain text of one item's body only (for the piece of an export showing it).
    pub fn of_one(m: &'m Model, kind: Kind, id: &'m str) -> Self {
        let mut b = Bodies {
            meetings: HashMap::new(),
            statements: HashMap::new(),
            guarantees: HashMap::new(),
        };
        match kind {
            Kind::Meetings => {
                b.meetings
                    .extend(m.meetings.get(id).map(|x| (id, plain(&x.body_html))));
            }
            Kind::Statements => {
                b.statements
                    .extend(m.statements.get(id).map(|x| (id, plain(&x.body_html))));
            }
            Kind::Guarantees => {
                b.guarantees
                    .extend(m.guarantees.get(id).map(|x| (id, plain(&x.body_html))));
            }
            _ => {}
        }
        b
    }

    /// A meeting's body as plain text.
    pub fn meeting(&self, id: &str) -> &str {
        &self.meetings[id]
    }

    /// A statement's body as plain text.
    pub fn statement(&self, id: &str) -> &str {
        &self.statements[id]
    }

    /// A guarantee's body as plain text.
    pub fn guarantee(&self, id: &str) -> &str {
        &self.guarantees[id]
    }

    /// The length of every statement's plain text together, to size the exports.
    pub fn statements_len(&self) -> usize {
        self.statements.values().map(String::len).sum()
    }

    /// The length of every meeting's plain text together.
    pub fn meetings_len(&self) -> usize {
        self.meetings.values().map(String::len).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_tags_and_decodes() {
        assert_eq!(
            plain(
                "<p>Fish &amp; <em>chips</em>, <a href=\"x\">peas</a>.</p>\n<p>&quot;90%&quot;</p>"
            ),
            "Fish & chips, peas. \"90%\""
        );
        assert_eq!(xml("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
        assert_eq!(xml("é'>x"), "é&apos;&gt;x");
        // Entities decode once, left to right; an unclosed tag runs to the end.
        assert_eq!(plain("&amp;lt; &amp;amp; & x&nbsp;y"), "&lt; &amp; & x y");
        assert_eq!(
            plain("a<br>b<p class='x'>c</p>d<span>e</span>f<em"),
            "a b c def"
        );
    }
}
