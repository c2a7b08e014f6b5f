//! Template values of rendered Markdown ([`Prose`]), and the HTML they make on a page.

use super::value::map;
use crate::markdown::Prose;
use tera::Value;

/// The template value of rendered Markdown: its HTML, a string, when it has no link to
/// an item (most texts); else a list of its segments, each a string of HTML, a link to
/// an item `{url, attrs, inner}`, or a withheld link `{withheld}`. The `prose_html`
/// filter (src/render/filters.rs) writes either for a page, relative to its `root`.
pub(crate) fn prose(p: &Prose) -> Value {
    use crate::markdown::Segment;
    match p.segments() {
        [] => Value::from(""),
        [Segment::Html(h)] => Value::from(h.as_str()),
        segments => Value::from(
            segments
                .iter()
                .map(|s| match s {
                    Segment::Html(h) => Value::from(h.as_str()),
                    Segment::Link { to, attrs, inner } => match to.url() {
                        Some(url) => map([
                            ("url", url.into()),
                            ("attrs", attrs.as_str().into()),
                            ("inner", inner.as_str().into()),
                        ]),
                        None => map([("withheld", inner.as_str().into())]),
                    },
                })
                .collect::<Vec<_>>(),
        ),
    }
}

/// The HTML of a [`prose`] value for a page whose way back to the site root is `root`
/// (what the `prose_html` filter writes); `None` for a string, which is its own HTML.
pub(crate) fn prose_value_html(value: &Value, root: &str) -> Option<String> {
    use tera::value::Key;
    fn field<'v>(m: &'v tera::Map, k: &'static str) -> Option<&'v str> {
        m.get(&Key::Str(k)).and_then(Value::as_str)
    }
    let segments = value.as_array()?;
    let mut out = String::new();
    for s in segments {
        if let Some(h) = s.as_str() {
            out.push_str(h);
        } else if let Some(s) = s.as_map() {
            let inner = field(s, "inner").or_else(|| field(s, "withheld"));
            crate::markdown::write_link(
                &mut out,
                root,
                field(s, "url"),
                field(s, "attrs").unwrap_or(""),
                inner.unwrap_or(""),
            );
        }
    }
    Some(out)
}

/// [`prose`] of an optional text; `null` without one.
pub(crate) fn opt_prose(p: &Option<Prose>) -> Value {
    p.as_ref().map_or_else(Value::none, prose)
}
