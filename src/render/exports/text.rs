//! Plain text from rendered HTML, and escaping for XML.

use crate::model::{Kind, Model, Prose};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};

/// Tags that do not break a word: dropped without a space.
const INLINE: [&str; 9] = [
    "a", "em", "strong", "code", "span", "del", "sup", "sub", "abbr",
];

/// The entities [`plain`] decodes.
const ENTITIES: [(&str, char); 7] = [
    ("&lt;", '<'),
    ("&gt;", '>'),
    ("&quot;", '"'),
    ("&#39;", '\''),
    ("&#x27;", '\''),
    ("&nbsp;", ' '),
    ("&amp;", '&'),
];

/// The text of an HTML fragment: tags dropped, common entities decoded, whitespace
/// collapsed. Enough for search and spreadsheets; not a general HTML parser.
pub fn plain(html: &str) -> String {
    // Two passes over slices, no per-character allocation: drop the tags, then decode
    // the entities and collapse the whitespace together (a decoded entity is never
    // read again, so doing both at once gives what one pass after the other would).
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = memchr::memchr(b'<', rest.as_bytes()) {
        text.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let Some(end) = memchr::memchr(b'>', after.as_bytes()) else {
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
    decode_collapsed(&text)
}

/// ASCII bytes that stand for themselves in [`decode_collapsed`]: neither whitespace nor
/// `&`.
static PLAIN: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 0x80 {
        t[c] = c as u8 != b'&' && !(c as u8).is_ascii_whitespace() && c != 0x0b;
        c += 1;
    }
    t
};

/// `text` with the entities of [`plain`] decoded, then its words joined by single
/// spaces (as `split_whitespace`, Unicode whitespace included).
fn decode_collapsed(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    // A space is owed before the next word once whitespace was seen after a word.
    let mut space = false;
    fn word(out: &mut String, piece: &str, space: &mut bool) {
        if *space && !out.is_empty() {
            out.push(' ');
        }
        *space = false;
        out.push_str(piece);
    }
    let mut i = 0;
    while i < b.len() {
        // A run of letters (any script) and ASCII punctuation, single spaces between
        // them included, is copied whole: it reads the same collapsed.
        let plain = |c: u8| PLAIN[c as usize];
        let start = i;
        while i < b.len() {
            if plain(b[i]) {
                i += 1;
            } else if b[i] >= 0x80 {
                let c = text[i..].chars().next().unwrap_or(' ');
                if c.is_whitespace() {
                    break;
                }
                i += c.len_utf8();
            } else if b[i] == b' ' && i > start && b.get(i + 1).is_some_and(|&c| plain(c)) {
                i += 2;
            } else {
                break;
            }
        }
        if i > start {
            word(&mut out, &text[start..i], &mut space);
            continue;
        }
        if b[i] == b'&' {
            let at = &text[i..];
            let (c, len) = ENTITIES
                .iter()
                .find(|(e, _)| at.starts_with(e))
                .map_or(('&', 1), |(e, c)| (*c, e.len()));
            if c == ' ' {
                space = true;
            } else {
                word(&mut out, c.encode_utf8(&mut [0; 4]), &mut space);
            }
            i += len;
        } else {
            // Whitespace, ASCII or not (anything else was taken by the run).
            let c = text[i..].chars().next().unwrap_or(' ');
            debug_assert!(c.is_whitespace());
            space = true;
            i += c.len_utf8();
        }
    }
    out
}

/// Escapes text for XML content and attribute values. Characters XML 1.0 does not allow
/// at all (control characters other than tab, line feed and carriage return, and
/// U+FFFE, U+FFFF) become U+FFFD: a title holding one would make the file ill-formed.
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    xml_into(&mut out, s);
    out
}

/// [`xml`], appended to `out`: runs without special characters are copied whole.
pub fn xml_into(out: &mut String, s: &str) {
    let bytes = s.as_bytes();
    let mut from = 0;
    let mut i = 0;
    while i < bytes.len() {
        let (escaped, len) = match bytes[i] {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' => ("&quot;", 1),
            b'\'' => ("&apos;", 1),
            b'\t' | b'\n' | b'\r' => {
                i += 1;
                continue;
            }
            0..0x20 => ("\u{fffd}", 1),
            // U+FFFE and U+FFFF.
            0xef if matches!(bytes.get(i + 1..i + 3), Some([0xbf, 0xbe | 0xbf])) => ("\u{fffd}", 3),
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&s[from..i]);
        out.push_str(escaped);
        i += len;
        from = i;
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
            prose: impl Fn(&T) -> &Prose + Sync,
        ) -> HashMap<&str, String> {
            items
                .par_iter()
                .map(|(id, x)| (id.as_str(), plain(&prose(x).html(""))))
                .collect()
        }
        Bodies {
            meetings: of(&m.meetings, |x| &x.body_html),
            statements: of(&m.statements, |x| &x.body_html),
            guarantees: of(&m.guarantees, |x| &x.body_html),
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
                b.meetings.extend(
                    m.meetings
                        .get(id)
                        .map(|x| (id, plain(&x.body_html.html("")))),
                );
            }
            Kind::Statements => {
                b.statements.extend(
                    m.statements
                        .get(id)
                        .map(|x| (id, plain(&x.body_html.html("")))),
                );
            }
            Kind::Guarantees => {
                b.guarantees.extend(
                    m.guarantees
                        .get(id)
                        .map(|x| (id, plain(&x.body_html.html("")))),
                );
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
    fn xml_escapes_and_replaces_what_xml_forbids() {
        assert_eq!(xml("a<b & 'c\""), "a&lt;b &amp; &apos;c&quot;");
        assert_eq!(xml("bell\u{7}esc\u{1b}[31m"), "bell\u{fffd}esc\u{fffd}[31m");
        assert_eq!(xml("tab\tnl\ncr\r"), "tab\tnl\ncr\r");
        assert_eq!(
            xml("x\u{fffe}y\u{ffff}z\u{fffd}é"),
            "x\u{fffd}y\u{fffd}z\u{fffd}é"
        );
        assert_eq!(xml("nul\0"), "nul\u{fffd}");
    }

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

    /// The three-pass version `plain` replaced (drop tags, decode, collapse), kept as
    /// the reference the faster one must agree with.
    fn reference(html: &str) -> String {
        let mut text = String::new();
        let mut rest = html;
        while let Some(i) = rest.find('<') {
            text.push_str(&rest[..i]);
            let after = &rest[i + 1..];
            let Some(end) = after.find('>') else {
                rest = "";
                break;
            };
            let name = after[..end].trim_start_matches('/');
            if !INLINE.contains(&name.split([' ', '/']).next().unwrap_or("")) {
                text.push(' ');
            }
            rest = &after[end + 1..];
        }
        text.push_str(rest);
        let mut decoded = String::new();
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
        decoded.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn agrees_with_the_three_pass_version() {
        // Fragments that meet at every boundary the two versions treat differently:
        // entities, Unicode whitespace (no-break space, line separator, vertical tab,
        // next line, ideographic space), tags inline and not, unclosed tags, letters of
        // other scripts.
        const PIECES: [&str; 27] = [
            "<p>",
            "</p>",
            "<em>",
            "</em>",
            "<a href=\"x\">",
            "<br/>",
            "&amp;",
            "&nbsp;",
            "&lt;",
            "&#39;",
            "&am",
            "p;",
            "&",
            " ",
            "\n",
            "\t",
            "\u{a0}",
            "\u{2028}",
            "\u{b}",
            "\u{85}",
            "\u{3000}",
            "é",
            "Київ",
            "90%",
            "word",
            "<",
            ">",
        ];
        for html in super::super::random_strings(&PIECES, 20_000, 11, 0x2545_f491_4f6c_dd1d) {
            assert_eq!(plain(&html), reference(&html), "{html:?}");
        }
    }
}
