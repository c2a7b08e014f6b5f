//! The one place YAML is parsed (serde-saphyr): typed values with positions, plus a
//! check of every key in the document against the fields the target types accept.

use crate::diagnostics::{Code, Diagnostic, Pos};
use crate::suggest;
use hints::SeenKey;
use serde::Deserialize;
use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess,
    Visitor,
};
use serde_saphyr::{Location, Spanned};
use std::fmt;

mod hints;
mod positioned;
pub use positioned::Positioned;

/// Deepest nesting accepted. A briefing needs about five levels; a low cap bounds the
/// parser's and our own recursion, so hostile nesting is an error rather than a crash.
pub const MAX_DEPTH: usize = 24;

/// Parser options: no source snippets in messages (we print our own), tight budgets.
pub(crate) fn options() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = MAX_DEPTH;
    budget.flow_nesting_limit = MAX_DEPTH;
    let mut o = serde_saphyr::Options::default();
    o.with_snippet = false;
    o.budget = Some(budget);
    o
}

/// Converts a parser location into a file position, given the file line the YAML starts on.
pub fn pos(loc: &Location, first_line: usize) -> Option<Pos> {
    if loc.line() == 0 {
        return None;
    }
    Some(Pos::new(
        loc.line() as usize + first_line - 1,
        loc.column() as usize,
    ))
}

/// The file position of a positioned value (none if serde-saphyr gave none).
pub fn pos_of<T>(s: &Positioned<T>, first_line: usize) -> Option<Pos> {
    pos(&s.referenced, first_line)
}

/// The shape of a document: which keys a mapping accepts, and the shape of nested values.
pub struct Shape {
    /// Accepted keys at this level.
    pub fields: &'static [&'static str],
    /// Shapes of nested mappings, by key (a list's items share the key's shape).
    pub children: Vec<(&'static str, Shape)>,
    /// What each field holds, in words (for messages about a value of the wrong shape).
    pub docs: Vec<(String, String)>,
    /// Keys refused here because they belong to another file: in a translation, the
    /// original's facts (see [`Shape::facts_of`]).
    pub facts: Vec<&'static str>,
}

impl Shape {
    /// The shape of a serde struct, taken from its own derives (serde's field list, the
    /// schema's descriptions) so it cannot drift.
    pub fn of<T: DeserializeOwned + schemars::JsonSchema>() -> Shape {
        let schema = schemars::schema_for!(T);
        let docs = schema
            .get("properties")
            .and_then(|p| p.as_object())
            .map(|props| {
                props
                    .iter()
                    .filter_map(|(k, v)| {
                        let d = v.get("description")?.as_str()?;
                        Some((k.clone(), d.to_string()))
                    })
                    .collect()
            })
            .unwrap_or_default();
        Shape {
            fields: fields_of::<T>(),
            children: Vec::new(),
            docs,
            facts: Vec::new(),
        }
    }

    /// Marks the fields of `O` that this shape does not accept as facts of the original
    /// `O`: a translation that sets one is told the fact comes from the original, rather
    /// than that the key is unknown.
    pub fn facts_of<O: DeserializeOwned>(mut self) -> Shape {
        let own = self.fields;
        self.facts = fields_of::<O>()
            .iter()
            .copied()
            .filter(|f| !own.contains(f))
            .collect();
        self
    }

    fn doc(&self, field: &str) -> Option<String> {
        self.docs
            .iter()
            .find(|(k, _)| k == field)
            .map(|(_, d)| d.clone())
    }

    /// Adds the shape of a nested key.
    pub fn with(mut self, key: &'static str, child: Shape) -> Shape {
        self.children.push((key, child));
        self
    }
}

/// Parses `text` (YAML starting at file line `first_line`) into `T`. Every unknown key
/// is reported at its position; the value is still returned when only such keys were
/// wrong, so the rest of the file gets checked in the same run.
pub fn parse<T: DeserializeOwned + Default>(
    text: &str,
    first_line: usize,
    shape: &Shape,
) -> (Option<T>, Vec<Diagnostic>) {
    if text.trim().is_empty() {
        return (Some(T::default()), Vec::new());
    }
    // The typed parse, noting whether serde ignored any key. Most files are right: one
    // pass. A file with an unknown key or an error is read again by [`check`], which
    // positions every unknown key and tells syntax errors from type errors.
    let mut ignored = false;
    let typed = serde_saphyr::with_deserializer_from_str_with_options(text, options(), |d| {
        serde_ignored::deserialize(d, |path| {
            // A positioned value's own fields are serde-saphyr's business, not the file's.
            let own = matches!(path, serde_ignored::Path::Map { key, .. }
                if key.starts_with("__serde_saphyr_private"));
            ignored |= !own;
        })
    });
    match typed {
        Ok(v) if !ignored => (Some(v), Vec::new()),
        Ok(v) => match check(text, first_line, shape) {
            Ok(problems) => (Some(v), problems),
            Err(problems) => (None, problems),
        },
        Err(e) => match check_keys(text, first_line, shape) {
            Ok((mut problems, keys)) => {
                let mut d = from_error(&e, first_line, Code::WrongType);
                if let Some((message, help)) =
                    hints::wrong_type(&d.message, d.pos, text, first_line, &keys)
                {
                    d = d.reword(message).maybe_help(help);
                }
                problems.push(d);
                (None, problems)
            }
            Err(problems) => (None, problems),
        },
    }
}

/// Checks only the keys of `text` against the shape (values are skipped, nothing is
/// built): the unknown keys, each at its position, or the error that stops the reading
/// (a syntax error, or a document that is not a mapping).
fn check(text: &str, first_line: usize, shape: &Shape) -> Result<Vec<Diagnostic>, Vec<Diagnostic>> {
    check_keys(text, first_line, shape).map(|(problems, _)| problems)
}

/// [`check`], also giving every known key met, in document order.
fn check_keys(
    text: &str,
    first_line: usize,
    shape: &Shape,
) -> Result<(Vec<Diagnostic>, Vec<SeenKey>), Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let mut keys = Vec::new();
    let found = serde_saphyr::with_deserializer_from_str_with_options(text, options(), |d| {
        KeyCheck {
            shape,
            first_line,
            problems: &mut problems,
            keys: &mut keys,
        }
        .deserialize(d)
    });
    match found {
        Err(e) => Err(vec![from_error(&e, first_line, Code::YamlSyntax)]),
        Ok(Found::Map | Found::Null) => Ok((problems, keys)),
        Ok(Found::Other) => {
            // Parse again, keeping positions, to point at what is not a mapping.
            let at = serde_saphyr::from_str_with_options::<Spanned<IgnoredAny>>(text, options())
                .ok()
                .and_then(|t| pos(&t.referenced, first_line));
            Err(vec![
                Diagnostic::error(
                    Code::WrongType,
                    "expected a mapping of fields (`key: value` lines)",
                )
                .at(at),
            ])
        }
    }
}

/// A parser error of a whole-file YAML document as a diagnostic with `code`, at its position.
pub(crate) fn error_at(e: &serde_saphyr::Error, code: Code) -> Diagnostic {
    from_error(e, 1, code)
}

/// Turns a parser error into a diagnostic, keeping its position.
fn from_error(e: &serde_saphyr::Error, first_line: usize, code: Code) -> Diagnostic {
    let full = e.to_string();
    // The parser appends "at line L, column C"; we print positions ourselves.
    let message = match full.rfind(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full,
    };
    let code = if ["budget", "alias", "recursion", "depth", "nesting"]
        .iter()
        .any(|w| message.contains(w))
    {
        Code::YamlLimit
    } else {
        code
    };
    let d = Diagnostic::error(code, message).at(e.location().and_then(|l| pos(&l, first_line)));
    if code == Code::YamlLimit {
        d.help(format!(
            "briefing refuses YAML nested deeper than {MAX_DEPTH} levels or expanding aliases without bound"
        ))
    } else {
        d
    }
}

/// What the top of a document was.
enum Found {
    Map,
    Null,
    Other,
}

/// Checks every key of a mapping against `shape`, recursing only into the keys that have
/// a nested shape, and skipping every value (nothing is built).
struct KeyCheck<'a> {
    shape: &'a Shape,
    first_line: usize,
    problems: &'a mut Vec<Diagnostic>,
    keys: &'a mut Vec<SeenKey>,
}

impl<'de> de::DeserializeSeed<'de> for KeyCheck<'_> {
    type Value = Found;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Found, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for KeyCheck<'_> {
    type Value = Found;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a mapping of fields")
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Found, E> {
        Ok(Found::Other)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Found, E> {
        Ok(Found::Other)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Found, E> {
        Ok(Found::Other)
    }
    fn visit_i128<E: de::Error>(self, _: i128) -> Result<Found, E> {
        Ok(Found::Other)
    }
    fn visit_u128<E: de::Error>(self, _: u128) -> Result<Found, E> {
        Ok(Found::Other)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Found, E> {
        Ok(Found::Other)
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Found, E> {
        Ok(Found::Other)
    }
    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Found, E> {
        Ok(Found::Other)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Found, E> {
        Ok(Found::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Found, E> {
        Ok(Found::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Found, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Found, A::Error> {
        // A list of mappings (contributions) or of ids-or-mappings (sources): each
        // mapping in it is checked, anything else skipped.
        while seq
            .next_element_seed(KeyCheck {
                shape: self.shape,
                first_line: self.first_line,
                problems: &mut *self.problems,
                keys: &mut *self.keys,
            })?
            .is_some()
        {}
        Ok(Found::Other)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Found, A::Error> {
        let shape = self.shape;
        let mut previous: Option<String> = None;
        while let Some(key) = map.next_key::<Spanned<KeyText>>()? {
            let k = key.value.0.as_str();
            let at = pos(&key.referenced, self.first_line);
            if shape.facts.contains(&k) {
                map.next_value::<IgnoredAny>()?;
                self.problems.push(
                    Diagnostic::error(
                        Code::TranslationFact,
                        format!("`{k}` is a fact: it comes from the original, not from a translation"),
                    )
                    .at(at)
                    .help(format!(
                        "remove this line (to change `{k}`, edit the original); a translation gives only {}",
                        suggest::one_of(shape.fields)
                    )),
                );
                continue;
            }
            if !shape.fields.contains(&k) {
                let has_value = map.next_value::<Option<IgnoredAny>>()?.is_some();
                let help = hints::split_by_comma(k, has_value, previous.as_deref())
                    .or_else(|| suggest::did_you_mean(k, shape.fields.iter().copied()))
                    .unwrap_or_else(|| {
                        format!("expected one of {}", suggest::one_of(shape.fields))
                    });
                self.problems.push(
                    Diagnostic::error(Code::UnknownField, format!("unknown field `{k}`"))
                        .at(at)
                        .help(help),
                );
                continue;
            }
            if let Some(at) = at {
                self.keys.push(SeenKey {
                    pos: at,
                    name: k.to_string(),
                    doc: shape.doc(k),
                });
            }
            previous = Some(k.to_string());
            if let Some((_, child)) = shape.children.iter().find(|(n, _)| *n == k) {
                map.next_value_seed(KeyCheck {
                    shape: child,
                    first_line: self.first_line,
                    problems: &mut *self.problems,
                    keys: &mut *self.keys,
                })?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(Found::Map)
    }
}

/// A mapping key of any scalar type, as text.
struct KeyText(String);

impl<'de> Deserialize<'de> for KeyText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = KeyText;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<KeyText, E> {
                Ok(KeyText(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<KeyText, E> {
                Ok(KeyText(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<KeyText, E> {
                Ok(KeyText(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<KeyText, E> {
                Ok(KeyText(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<KeyText, E> {
                Ok(KeyText(v.to_string()))
            }
            fn visit_unit<E: de::Error>(self) -> Result<KeyText, E> {
                Ok(KeyText("null".into()))
            }
        }
        d.deserialize_any(V)
    }
}

/// The field names a derived `Deserialize` struct accepts, read from serde itself.
pub fn fields_of<T: DeserializeOwned>() -> &'static [&'static str] {
    let mut found = None;
    let _ = T::deserialize(FieldCapture(&mut found));
    found.unwrap_or(&[])
}

/// A deserializer that only records the field list serde passes to `deserialize_struct`.
struct FieldCapture<'a>(&'a mut Option<&'static [&'static str]>);

impl<'de> Deserializer<'de> for FieldCapture<'_> {
    type Error = de::value::Error;
    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("not a struct"))
    }
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Self::Error> {
        *self.0 = Some(fields);
        Err(de::Error::custom("fields captured"))
    }
    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::raw::*;

    fn meeting_shape() -> Shape {
        Shape::of::<RawMeeting>()
            .with("participants", Shape::of::<RawParticipant>())
            .with("sources", Shape::of::<RawCitation>())
    }

    #[test]
    fn fields_come_from_serde() {
        let f = fields_of::<RawRound>();
        assert!(f.contains(&"start") && f.contains(&"summary"));
    }

    #[test]
    fn positions_count_from_first_line() {
        let m: RawMeeting = parse("title: Paris\ndate: 2026-01-06\n", 2, &meeting_shape())
            .0
            .unwrap();
        let d = m.date.unwrap();
        assert_eq!(pos_of(&d, 2), Some(Pos::new(3, 7)));
    }

    #[test]
    fn every_unknown_key_is_reported_with_suggestion() {
        let text = "title: x\nparticpants: [a]\nsources:\n  - {source: r, credability: 2}\n";
        let (value, errs) = parse::<RawMeeting>(text, 2, &meeting_shape());
        assert!(value.is_some(), "the rest of the file is still checked");
        assert_eq!(errs.len(), 2, "{errs:?}");
        assert_eq!(errs[0].pos, Some(Pos::new(3, 1)));
        assert_eq!(
            errs[0].help.as_deref(),
            Some("did you mean `participants`?")
        );
        assert_eq!(errs[1].pos, Some(Pos::new(5, 17)));
        assert_eq!(errs[1].help.as_deref(), Some("did you mean `credibility`?"));
    }

    #[test]
    fn an_unknown_key_deep_in_a_list_of_mappings_is_found() {
        // The only mistake is nested: the one-pass parse must still notice it.
        let text = "title: x\nsources:\n  - reuters\n  - {source: r, credability: 2}\n";
        let (value, errs) = parse::<RawMeeting>(text, 1, &meeting_shape());
        assert!(value.is_some());
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(errs[0].pos, Some(Pos::new(4, 17)));
    }

    #[test]
    fn type_errors_are_positioned() {
        let (value, errs) = parse::<RawMeeting>("title: [1, 2]\n", 1, &meeting_shape());
        assert!(value.is_none());
        assert_eq!(errs[0].pos, Some(Pos::new(1, 8)));
        assert_eq!(errs[0].code, "wrong-type");
    }

    #[test]
    fn a_document_that_is_not_a_mapping_is_refused_where_it_starts() {
        let (value, errs) = parse::<RawMeeting>("\n- a\n- b\n", 3, &meeting_shape());
        assert!(value.is_none());
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(errs[0].code, "wrong-type");
        assert_eq!(errs[0].pos, Some(Pos::new(4, 1)));
    }

    #[test]
    fn syntax_errors_are_positioned() {
        let errs = parse::<RawMeeting>("title: \"open\n", 4, &meeting_shape()).1;
        assert_eq!(errs[0].code, "yaml-syntax");
        assert_eq!(errs[0].pos.map(|p| p.line), Some(4));
    }

    #[test]
    fn ids_or_mappings_keep_positions() {
        let text = "title: x\nparticipants:\n  - france\n  - actor: ukraine\n    role: host\n";
        let m: RawMeeting = parse(text, 1, &meeting_shape()).0.unwrap();
        let p = m.participants.unwrap();
        assert!(matches!(&p[0].value, IdOr::Id(s) if s == "france"));
        assert_eq!(pos_of(&p[0], 1), Some(Pos::new(3, 5)));
        match &p[1].value {
            IdOr::Full(f) => {
                assert_eq!(pos_of(f.actor.as_ref().unwrap(), 1), Some(Pos::new(4, 12)))
            }
            IdOr::Id(_) => panic!("expected a mapping"),
        }
    }

    #[test]
    fn alias_bomb_is_refused() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let p = i - 1;
            text.push_str(&format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
            ));
        }
        let shape = Shape {
            fields: &[
                "a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10", "a11",
            ],
            children: vec![],
            docs: vec![],
            facts: vec![],
        };
        let (value, errs) = parse::<RawRound>(&text, 1, &shape);
        assert!(value.is_none() && !errs.is_empty());
    }
}
