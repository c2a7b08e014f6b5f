//! Template values of rendered Markdown ([`Prose`]), and the HTML they make on a page.

use crate::markdown::Prose;
use tera::Value;

/// The template value of rendered Markdown: its HTML, a string, when it has no link to
/// an item (most texts); else a list of strings that alternate between HTML and the
/// URL of a link to an item relative to the site root (HTML, URL, HTML, ..., HTML): a
/// page writes its `root` before each URL. A withheld link is HTML (its text). The
/// `prose_html` filter (src/render/filters.rs) writes either for a page.
pub(crate) fn prose(p: &Prose) -> Value {
    use crate::markdown::Segment;
    match p.segments() {
        [] => Value::from(""),
        [Segment::Html(h)] => Value::from(h.as_str()),
        segments => {
            let mut pieces: Vec<Value> = Vec::with_capacity(segments.len() * 2 + 1);
            let mut html = String::new();
            for s in segments {
                match s {
                    Segment::Html(h) => html.push_str(h),
                    Segment::Link { to, attrs, inner } => match to.url() {
                        Some(url) => {
                            html.push_str("<a href=\"");
                            pieces.push(Value::from(std::mem::take(&mut html)));
                            pieces.push(Value::from(url));
                            html.push('"');
                            html.push_str(attrs);
                            html.push('>');
                            html.push_str(inner);
                            html.push_str("</a>");
                        }
                        None => crate::markdown::write_link(&mut html, "", None, attrs, inner),
                    },
                }
            }
            pieces.push(Value::from(html));
            Value::from(pieces)
        }
    }
}

/// The HTML of a [`prose`] value for a page whose way back to the site root is `root`
/// (what the `prose_html` filter writes); `None` for a string, which is its own HTML.
pub(crate) fn prose_value_html(value: &Value, root: &str) -> Option<String> {
    let pieces = value.as_array()?;
    let mut out = String::new();
    for (i, piece) in pieces.iter().enumerate() {
        if i % 2 == 1 {
            out.push_str(root);
        }
        out.push_str(piece.as_str().unwrap_or(""));
    }
    Some(out)
}

/// [`prose`] of an optional text; `null` without one.
pub(crate) fn opt_prose(p: &Option<Prose>) -> Value {
    p.as_ref().map_or_else(Value::none, prose)
}
