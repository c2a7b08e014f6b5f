//! Plain text from rendered HTML, and escaping for XML.

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
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
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
        // Entities decode once, left to right; an unclosed tag runs to the end.
        assert_eq!(plain("&amp;lt; &amp;amp; & x&nbsp;y"), "&lt; &amp; & x y");
        assert_eq!(
            plain("a<br>b<p class='x'>c</p>d<span>e</span>f<em"),
            "a b c def"
        );
    }
}
