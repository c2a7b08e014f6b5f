//! Filters briefing adds to Tera for templates, built-in and the site's own.

use tera::value::{Key, Map};
use tera::{Kwargs, State, Tera, TeraResult, Value};

/// Registers briefing's filters on `tera`.
pub fn register(tera: &mut Tera) {
    tera.register_filter("shift_headings", shift_headings);
    tera.register_filter("prose_html", prose_html);
    tera.register_filter("link_html", link_html);
    tera.register_filter("date_html", date_html);
}

/// `d | date_html`: a date (a DateView) in words, machine-readable too:
/// `<time datetime="2025-09-04">4 September 2025</time>`. Made here for the reason
/// [`link_html`] is.
fn date_html(value: Value, _: Kwargs, _: &State) -> TeraResult<Value> {
    let Some(d) = value.as_map() else {
        return Err(tera::Error::message(
            "`date_html` expects a date (a DateView)",
        ));
    };
    let text = |k: &'static str| field(d, k).and_then(Value::as_str).unwrap_or_default();
    let mut html = String::with_capacity(64);
    html.push_str("<time datetime=\"");
    escape(text("iso"), &mut html);
    html.push_str("\">");
    escape(text("text"), &mut html);
    html.push_str("</time>");
    Ok(Value::safe_string(&html))
}

/// `l | link_html`: the HTML of a link to an item's page (a Link or an ItemView), for
/// the page being rendered: `<a href>` from the page's `root` to the item's `url`, with
/// `lang` when its title is in the original's language (`title_lang`) and its marking
/// when it is not TLP:CLEAR; for an item withheld from the audience (`withheld`), the
/// catalog's `link.withheld` as plain text. Made here rather than by a component: a
/// component call costs Tera several times what the link's few fields do, and pages
/// hold tens of links each (see docs/dev-notes.md).
fn link_html(value: Value, _: Kwargs, state: &State) -> TeraResult<Value> {
    let Some(l) = value.as_map() else {
        return Err(tera::Error::message(
            "`link_html` expects a link (a Link or an ItemView)",
        ));
    };
    // The page's way back to the site root and its catalog: a component printing
    // links declares `@root` and `@t`, else the link would silently point elsewhere.
    let (Some(root), Some(t)) = (state.get::<Value>("root")?, state.get::<Value>("t")?) else {
        return Err(tera::Error::message(
            "`link_html` needs `root` and `t`: declare `@root, @t` in the component using it",
        ));
    };
    let mut html = String::with_capacity(160);
    if field(l, "withheld").is_some_and(Value::is_truthy) {
        let word = t
            .get_from_path("link.withheld")
            .and_then(Value::as_str)
            .unwrap_or_default();
        html.push_str("<span class=\"withheld\">");
        escape(word, &mut html);
        html.push_str("</span>");
        return Ok(Value::safe_string(&html));
    }
    let text = |k: &'static str| field(l, k).and_then(Value::as_str).unwrap_or_default();
    html.push_str("<a href=\"");
    escape(root.as_str().unwrap_or_default(), &mut html);
    escape(text("url"), &mut html);
    html.push('"');
    let lang = text("title_lang");
    if !lang.is_empty() {
        html.push_str(" lang=\"");
        escape(lang, &mut html);
        html.push('"');
    }
    html.push('>');
    escape(text("title"), &mut html);
    html.push_str("</a>");
    if let Some(tlp) = field(l, "tlp").and_then(Value::as_map) {
        let word = |k: &'static str| field(tlp, k).and_then(Value::as_str).unwrap_or_default();
        if word("word") != "clear" {
            html.push_str(" <span class=\"tlp-mark tlp-");
            escape(word("class"), &mut html);
            html.push_str("\">");
            escape(&word("label").to_uppercase(), &mut html);
            html.push_str("</span>");
        }
    }
    Ok(Value::safe_string(&html))
}

fn field<'m>(map: &'m Map, key: &'static str) -> Option<&'m Value> {
    map.get(&Key::from(key))
}

/// `text` escaped into `out` as Tera escapes what templates print.
fn escape(text: &str, out: &mut String) {
    let mut buf = Vec::with_capacity(text.len());
    tera::escape_html(text, &mut buf).expect("writing to memory");
    out.push_str(std::str::from_utf8(&buf).expect("escaping keeps UTF-8"));
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
    use tera::{Context, Tera};

    /// The `link` and `date` components as they were before the filters replaced them.
    const COMPONENTS: &str = r#"{% component old_mark(tlp) -%}
{% if tlp.word != "clear" %} <span class="tlp-mark tlp-{{ tlp.class }}">{{ tlp.label | upper }}</span>{% endif %}
{%- endcomponent old_mark %}
{% component old_link(l, @root, @t) -%}
{% if l.withheld %}<span class="withheld">{{ t.link.withheld }}</span>{% else %}<a href="{{ root }}{{ l.url }}"{% if l.title_lang %} lang="{{ l.title_lang }}"{% endif %}>{{ l.title }}</a>{% if l.tlp.word != "clear" %}{{<old_mark tlp={l.tlp}/>}}{% endif %}{% endif %}
{%- endcomponent old_link %}
{% component old_date(d) -%}
<time datetime="{{ d.iso }}">{{ d.text }}</time>
{%- endcomponent old_date %}
"#;

    fn render(body: &str, links: serde_json::Value) -> Result<String, tera::Error> {
        let mut tera = Tera::default();
        super::register(&mut tera);
        tera.add_raw_templates([("page.html", format!("{COMPONENTS}{body}"))])?;
        let mut cx = Context::new();
        cx.insert("root", "../");
        cx.insert(
            "t",
            &serde_json::json!({"link": {"withheld": "(retenu) <b>"}}),
        );
        cx.insert("links", &links);
        tera.render("page.html", &cx)
    }

    #[test]
    fn links_and_dates_are_what_the_components_drew() {
        let tlp = |w: &str, label: &str| serde_json::json!({"word": w, "class": w, "label": label});
        let links = serde_json::json!([
            {"url": "statements/s-1.html", "title": "Said \"90%\" <agreed> & more", "tlp": tlp("clear", "TLP:CLEAR"),
             "date": {"iso": "2026-01-06", "text": "6 January <2026>"}},
            {"url": "actors/a.html", "title": "Київ", "title_lang": "uk", "tlp": tlp("amber", "tlp:amber+strict")},
            {"url": "meetings/m.html", "title": "M", "title_lang": "", "tlp": tlp("green", "TLP:GREEN")},
            {"kind": "actors", "title": "(withheld)", "withheld": true},
        ]);
        let old = render(
            "{% for l in links %}{{<old_link l={l}/>}}|{% if l.date %}{{<old_date d={l.date}/>}}{% endif %}\n{% endfor %}",
            links.clone(),
        )
        .unwrap();
        let new = render(
            "{% for l in links %}{{ l | link_html }}|{% if l.date %}{{ l.date | date_html }}{% endif %}\n{% endfor %}",
            links,
        )
        .unwrap();
        assert_eq!(new, old);
        assert!(new.contains(r#"<a href="../actors/a.html" lang="uk">Київ</a> <span class="tlp-mark tlp-amber">TLP:AMBER+STRICT</span>"#), "{new}");
        assert!(
            new.contains("<span class=\"withheld\">(retenu) &lt;b&gt;</span>"),
            "{new}"
        );
    }

    #[test]
    fn a_link_printed_where_root_is_unknown_is_an_error_not_a_wrong_href() {
        let mut tera = Tera::default();
        super::register(&mut tera);
        tera.add_raw_templates([(
            "page.html",
            "{% component bare(l) %}{{ l | link_html }}{% endcomponent bare %}{{<bare l={l}/>}}",
        )])
        .unwrap();
        let mut cx = Context::new();
        cx.insert("root", "../");
        cx.insert(
            "t",
            &serde_json::json!({"link": {"withheld": "(withheld)"}}),
        );
        cx.insert("l", &serde_json::json!({"url": "a.html", "title": "A"}));
        let e = tera.render("page.html", &cx).unwrap_err();
        assert!(format!("{e:?}").contains("declare `@root, @t`"), "{e:?}");
    }

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
