//! Filters briefing adds to Tera for templates, built-in and the site's own.

use tera::{Kwargs, State, Tera, TeraResult, Value};

/// Registers briefing's filters on `tera`.
pub fn register(tera: &mut Tera) {
    tera.register_filter("shift_headings", shift_headings);
    tera.register_filter("prose_html", prose_html);
}

/// `text | prose_html(root=root)`: rendered Markdown as the views give it (see
/// `view::value::prose`) written for the page whose way back to the site root is
/// `root`: links to items point there, withheld ones are plain text.
fn prose_html(value: Value, kwargs: Kwargs, _: &State) -> TeraResult<Value> {
    let root = kwargs.get::<&str>("root")?.unwrap_or("");
    Ok(match crate::render::view::prose_value_html(&value, root) {
        Some(html) => Value::safe_string(&html),
        None => value.mark_safe(),
    })
}

/// `html | shift_headings(by=N)`: rendered Markdown with every heading moved down `N`
/// levels (default 1; `h6` stays `h6`), so that it falls under the heading a template
/// puts above it. One pass, where a chain of `replace` filters copied the body ten
/// times per level on every page.
fn shift_headings(html: &str, kwargs: Kwargs, _: &State) -> TeraResult<Value> {
    let by = kwargs.get::<i64>("by")?.unwrap_or(1).clamp(0, 5) as u8;
    Ok(Value::from(shift(html, by)))
}

/// Moves `<hN` and `</hN>` (N from 1 to 5) down `by` levels, at most to 6.
fn shift(html: &str, by: u8) -> String {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    for (at, _) in html.match_indices('<') {
        let rest = &bytes[at + 1..];
        let digit = match rest {
            [b'h', d, ..] => Some((at + 2, *d)),
            [b'/', b'h', d, b'>', ..] => Some((at + 3, *d)),
            _ => None,
        };
        if let Some((i, d)) = digit
            && (b'1'..=b'5').contains(&d)
            && by > 0
        {
            out.push_str(&html[copied..i]);
            out.push(char::from(b'0' + (d - b'0' + by).min(6)));
            copied = i + 1;
        }
    }
    out.push_str(&html[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::shift;

    /// What the templates did before, with Tera's `replace`, one level at a time.
    fn chain(html: &str, by: u8) -> String {
        let mut h = html.to_string();
        for _ in 0..by {
            for n in (1..=5).rev() {
                h = h
                    .replace(&format!("<h{n}"), &format!("<h{}", n + 1))
                    .replace(&format!("</h{n}>"), &format!("</h{}>", n + 1));
            }
        }
        h
    }

    #[test]
    fn shifts_as_the_replace_chain_did() {
        let html = "<h1 id=\"a\">A</h1><p>x &lt;h2 <hr></p><h2>B</h2><h5>E</h5><h6>F</h6>\
                    <header><h3 class=\"c\">C</h3 ></header><h4>D</h4>";
        for by in 0..=6 {
            assert_eq!(shift(html, by.min(5)), chain(html, by), "by {by}");
        }
        assert_eq!(shift("<h1>A</h1><h6>Z</h6>", 1), "<h2>A</h2><h6>Z</h6>");
    }
}
