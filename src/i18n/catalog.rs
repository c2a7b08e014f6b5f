//! A catalog file: interface messages by key, read from YAML with their positions.
//!
//! ```yaml
//! nav:
//!   timeline: Timeline          # key `nav.timeline`
//! list:
//!   total:                      # a message that depends on a number: one text
//!     one: "{count} in all"     # per CLDR plural category of the language
//!     other: "{count} in all"
//! ```
//!
//! Keys are grouped by nesting; a mapping whose keys are all plural categories
//! (`zero`, `one`, `two`, `few`, `many`, `other`), `other` among them, is one message.

use super::plural::Category;
use crate::diagnostics::{Code, Diagnostic, Pos};
use crate::yaml::Positioned;
use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// One message: a text, or one text per plural category.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// A text, with `{name}` placeholders.
    Text(String),
    /// Texts by plural category, in CLDR order; `other` is always there.
    Plural(Vec<(Category, String)>),
}

impl Message {
    /// The text for "other" (the text itself for a plain message).
    pub fn other(&self) -> &str {
        match self {
            Message::Text(t) => t,
            Message::Plural(forms) => forms
                .iter()
                .find(|(c, _)| *c == Category::Other)
                .map_or("", |(_, t)| t),
        }
    }

    /// The text for `category`, or "other" when the message does not give it.
    pub fn form(&self, category: Category) -> &str {
        match self {
            Message::Text(t) => t,
            Message::Plural(forms) => forms
                .iter()
                .find(|(c, _)| *c == category)
                .map_or_else(|| self.other(), |(_, t)| t),
        }
    }

    /// Every text of the message.
    pub fn texts(&self) -> Vec<&str> {
        match self {
            Message::Text(t) => vec![t],
            Message::Plural(forms) => forms.iter().map(|(_, t)| t.as_str()).collect(),
        }
    }

    /// The `{name}` placeholders its texts use, sorted, once each.
    pub fn placeholders(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.texts().into_iter().flat_map(placeholders).collect();
        names.sort_unstable();
        names.dedup();
        names
    }
}

/// The `{name}` placeholders of a text (a name is letters, digits and `_`).
pub fn placeholders(text: &str) -> impl Iterator<Item = &str> {
    text.split('{').skip(1).filter_map(|rest| {
        let name = rest.split_once('}')?.0;
        (!name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
            .then_some(name)
    })
}

/// A message and where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The message.
    pub message: Message,
    /// Its position in the catalog file.
    pub pos: Option<Pos>,
}

/// A catalog file's messages, by dotted key (`nav.timeline`).
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    /// The file, as diagnostics name it.
    pub file: PathBuf,
    /// Its messages.
    pub entries: BTreeMap<String, Entry>,
}

impl Catalog {
    /// Reads a catalog file's text; every problem names the file, line and column.
    pub fn parse(text: &str, file: &Path) -> Result<Catalog, Vec<Diagnostic>> {
        let at = |d: Diagnostic| d.in_file(file);
        let mut entries = BTreeMap::new();
        if text.trim().is_empty() {
            return Ok(Catalog {
                file: file.to_path_buf(),
                entries,
            });
        }
        let top: Positioned<Node> =
            serde_saphyr::from_str_with_options(text, crate::yaml::options()).map_err(|e| {
            vec![at(crate::yaml::error_at(&e, Code::BadCatalog).help(
                "a catalog maps keys to message texts, grouped by nesting: `nav:` then `  timeline: Timeline`",
            ))]
        })?;
        let mut problems = Vec::new();
        match top.value {
            Node::Group(children) => flatten("", children, &mut entries, &mut problems),
            Node::Text(_) => problems.push(
                Diagnostic::error(Code::BadCatalog, "expected a mapping of message keys")
                    .at(crate::yaml::pos(&top.referenced, 1)),
            ),
        }
        if problems.is_empty() {
            Ok(Catalog {
                file: file.to_path_buf(),
                entries,
            })
        } else {
            Err(problems.into_iter().map(at).collect())
        }
    }
}

/// Files the messages of a group under `prefix`.
fn flatten(
    prefix: &str,
    children: Vec<(Positioned<String>, Positioned<Node>)>,
    entries: &mut BTreeMap<String, Entry>,
    problems: &mut Vec<Diagnostic>,
) {
    for (key, node) in children {
        let pos = crate::yaml::pos(&node.referenced, 1);
        let key_pos = crate::yaml::pos(&key.referenced, 1);
        let name = key.value;
        if name.is_empty()
            || !name
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '+'))
        {
            problems.push(
                Diagnostic::error(
                    Code::BadCatalog,
                    format!("`{name}` is not a message key"),
                )
                .at(key_pos)
                .help("keys are letters, digits, `_`, `-` and `+`; group them by nesting, not with dots"),
            );
            continue;
        }
        let full = if prefix.is_empty() {
            name
        } else {
            format!("{prefix}.{name}")
        };
        match node.value {
            Node::Text(t) => {
                entries.insert(
                    full,
                    Entry {
                        message: Message::Text(t),
                        pos,
                    },
                );
            }
            Node::Group(group) if is_plural(&group) => {
                let mut forms: Vec<(Category, String)> = group
                    .into_iter()
                    .filter_map(|(k, v)| match v.value {
                        Node::Text(t) => Some((Category::parse(&k.value)?, t)),
                        Node::Group(_) => None,
                    })
                    .collect();
                forms.sort_by_key(|(c, _)| *c);
                entries.insert(
                    full,
                    Entry {
                        message: Message::Plural(forms),
                        pos,
                    },
                );
            }
            Node::Group(group) => flatten(&full, group, entries, problems),
        }
    }
}

/// True for a mapping of plural forms: every key a category, `other` among them, every
/// value a text.
fn is_plural(group: &[(Positioned<String>, Positioned<Node>)]) -> bool {
    group.iter().any(|(k, _)| k.value == "other")
        && group
            .iter()
            .all(|(k, v)| Category::parse(&k.value).is_some() && matches!(v.value, Node::Text(_)))
}

/// A catalog's YAML: a text, or a group of keyed nodes.
enum Node {
    Text(String),
    Group(Vec<(Positioned<String>, Positioned<Node>)>),
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Node, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a message text, or a group of messages")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Text(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Node, E> {
        Ok(Node::Text(v))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut children = Vec::new();
        while let Some(k) = map.next_key::<Positioned<String>>()? {
            children.push((k, map.next_value::<Positioned<Node>>()?));
        }
        Ok(Node::Group(children))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_groups_and_plurals_with_positions() {
        let text = "nav:\n  timeline: Timeline\nlist:\n  total:\n    one: \"{count} item\"\n    other: \"{count} items\"\n";
        let c = Catalog::parse(text, Path::new("i18n/en.yaml")).unwrap();
        let e = &c.entries["nav.timeline"];
        assert_eq!(e.message, Message::Text("Timeline".into()));
        assert_eq!(e.pos, Some(Pos::new(2, 13)));
        let p = &c.entries["list.total"].message;
        assert_eq!(p.form(Category::One), "{count} item");
        assert_eq!(p.form(Category::Few), "{count} items");
        assert_eq!(p.placeholders(), ["count"]);
    }

    #[test]
    fn malformed_catalogs_are_errors_with_positions() {
        let ds =
            Catalog::parse("nav:\n  timeline: [a, b]\n", Path::new("i18n/uk.yaml")).unwrap_err();
        assert_eq!(ds[0].code, Code::BadCatalog);
        assert_eq!(ds[0].file.as_deref(), Some(Path::new("i18n/uk.yaml")));
        assert_eq!(ds[0].pos.map(|p| p.line), Some(2));
        let ds = Catalog::parse("nav:\n  a.b: x\n", Path::new("x.yaml")).unwrap_err();
        assert_eq!(ds[0].pos, Some(Pos::new(2, 3)));
        assert!(Catalog::parse("nav: [\n", Path::new("x.yaml")).is_err());
    }
}
