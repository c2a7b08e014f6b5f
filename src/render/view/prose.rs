//! Template values of rendered Markdown ([`Prose`]), and the HTML they make on a page.

use super::value::map;
use crate::markdown::Prose;
use tera::Value;

/// The template value of rendered Markdown: `""` when empty, else a map of its
/// `segments` (each `{html}`, a link to an item `{url, attrs, inner}`, or a withheld
/// link `{withheld}`) and whether it holds a `blockquote`. The `prose_html` filter
/// (src/render/filters.rs) writes it for a page, relative to the page's `root`.
pub(crate) fn prose(p: &Prose) -> Value {
    use crate::markdown::Segment;
    if p.is_empty() {
        return Value::from("");
    }
    let segments: Vec<Value> = p
        .segments()
        .iter()
        .map(|s| match s {
            Segment::Html(h) => map([("html", h.as_str().into())]),
            Segment::Link { to, attrs, inner } => match to.url() {
                Some(url) => map([
                    ("url", url.into()),
                    ("attrs", attrs.as_str().into()),
                    ("inner", inner.as_str().into()),
                ]),
                None => map([("withheld", inner.as_str().into())]),
            },
        })
        .collect();
    map([
        ("blockquote", p.has_blockquote().into()),
        ("segments", Value::from(segments)),
    ])
}

/// The HTML of a [`prose`] value for a page whose way back to the site root is `root`
/// (what the `prose_html` filter writes); anything but a prose value writes as its
/// text.
pub(crate) fn prose_value_html(value: &Value, root: &str) -> String {
    use tera::value::Key;
    let Some(map) = value.as_map() else {
        return value.as_str().unwrap_or("").to_string();
    };
    fn field<'v>(m: &'v tera::Map, k: &'static str) -> Option<&'v str> {
        m.get(&Key::Str(k)).and_then(Value::as_str)
    }
    let mut out = String::new();
    let segments = map.get(&Key::Str("segments")).and_then(Value::as_array);
    for s in segments
        .unwrap_or_default()
        .iter()
        .filter_map(Value::as_map)
    {
        if let Some(h) = field(s, "html") {
            out.push_str(h);
        } else {
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
    out
}

/// [`prose`] of an optional text; `null` without one.
pub(crate) fn opt_prose(p: &Option<Prose>) -> Value {
    p.as_ref().map_or_else(Value::none, prose)
}
