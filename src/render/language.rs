//! What templates get of the interface language: the `t` map of messages and the
//! `fill` filter (see docs/templates.md, "Interface language").

use crate::i18n::Locale;
use crate::i18n::catalog::Message;
use std::collections::BTreeMap;
use std::sync::Arc;
use tera::{Kwargs, State, Tera, TeraResult, Value};

/// Puts `locale`'s messages in `tera`'s global context as `t` (nested by key: `nav.search`
/// is `t.nav.search`; a plural message is a map of its forms) and registers `fill` to
/// write them in its language.
pub fn install(tera: &mut Tera, locale: Arc<Locale>) {
    tera.global_context()
        .insert_value("t", messages_value(&locale));
    tera.register_filter(
        "fill",
        move |message: Value, kwargs: Kwargs, state: &State| {
            fill(&locale, &message, &kwargs, state)
        },
    );
}

/// A message group as nested maps of safe strings: messages are HTML, as templates are.
enum Tree<'a> {
    Leaf(&'a Message),
    Group(BTreeMap<&'a str, Tree<'a>>),
}

fn messages_value(locale: &Locale) -> Value {
    let mut root: BTreeMap<&str, Tree> = BTreeMap::new();
    for (key, m) in locale.messages() {
        let mut parts: Vec<&str> = key.split('.').collect();
        let last = parts.pop().unwrap_or_default();
        let mut group = &mut root;
        for p in parts {
            let node = group
                .entry(p)
                .or_insert_with(|| Tree::Group(BTreeMap::new()));
            if let Tree::Leaf(_) = node {
                // A key both a message and a group: the group wins (catalogs are parsed
                // from nested YAML, so this needs a site catalog at odds with ours).
                *node = Tree::Group(BTreeMap::new());
            }
            let Tree::Group(g) = node else {
                unreachable!("just made a group")
            };
            group = g;
        }
        group.entry(last).or_insert(Tree::Leaf(m));
    }
    tree_value(&Tree::Group(root))
}

fn tree_value(t: &Tree) -> Value {
    match t {
        Tree::Leaf(Message::Text(s)) => Value::safe_string(s),
        Tree::Leaf(Message::Plural(forms)) => Value::from(
            forms
                .iter()
                .map(|(c, s)| (c.as_str().into(), Value::safe_string(s)))
                .collect::<tera::value::Map>(),
        ),
        Tree::Group(g) => Value::from(
            g.iter()
                .map(|(k, v)| ((*k).to_string().into(), tree_value(v)))
                .collect::<tera::value::Map>(),
        ),
    }
}

/// `t.list.total | fill(count=n)`: the message with each `{name}` replaced by the
/// argument of that name; for a plural message, the form of `count` in the language.
/// Numbers are written the language's way; texts are escaped unless marked safe.
fn fill(locale: &Locale, message: &Value, kwargs: &Kwargs, state: &State) -> TeraResult<Value> {
    let count = kwargs.get::<f64>("count")?;
    let text = if let Some(forms) = message.as_map() {
        let category = locale.rule().category(count.unwrap_or(0.0));
        let form = |c: &'static str| {
            forms
                .get(&tera::value::Key::from(c))
                .and_then(Value::as_str)
        };
        form(category.as_str())
            .or_else(|| form("other"))
            .ok_or_else(|| {
                tera::Error::message("`fill` was given a map that is not a plural message")
            })?
            .to_string()
    } else {
        message
            .as_str()
            .ok_or_else(|| tera::Error::message("`fill` takes a message of the catalog (`t.…`)"))?
            .to_string()
    };
    let mut out = String::with_capacity(text.len() + 32);
    let mut rest = text.as_str();
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.split_once('}') {
            Some((name, tail))
                if !name.is_empty()
                    && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') =>
            {
                let value = kwargs
                    .iter()
                    .find(|(k, _)| k.as_str() == Some(name))
                    .map(|(_, v)| v)
                    .ok_or_else(|| {
                        tera::Error::message(format!("`fill` needs `{name}` for this message"))
                    })?;
                if value.is_number() {
                    let x = value.as_f64().unwrap_or_default();
                    out.push_str(&locale.numbers().format(x));
                } else {
                    out.push_str(&state.escape_if_needed(value)?);
                }
                rest = tail;
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Ok(Value::safe_string(&out))
}
