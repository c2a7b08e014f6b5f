//! Template values made straight from the item views, without serde.
//!
//! Serialising a view into a `tera::Value` through serde cost more than interpreting the
//! templates: serde's `flatten` buffers the kind-specific fields, and every link (tens
//! per page) became a fresh map of seven strings. Here each view is written into a map
//! directly, and each link's value is made once per build and shared (a `Value` clones
//! by reference count). The maps hold exactly what serde makes of the same views (same
//! keys, same order, `null` for `None`): `tests::same_as_serde` compares the two on
//! every item of a site, so a field added to a view and not here fails a test.
//!
//! Each page's banner shows the highest marking of anything on it; the values made here
//! note the markings they hold as they are made ([`Cx::marking`]), so the page need not
//! search its data for them afterwards.

use super::prose::{opt_prose, prose};
use super::*;
use crate::model::{Lang, Tlp};
use std::cell::Cell;
use tera::Value;

/// What values are made with: the highest marking put into a value so far. (Links
/// bring their own values, made once: [`LinkData::value`].)
pub(crate) struct Cx {
    marking: Cell<Tlp>,
}

impl Cx {
    /// A context with no marking seen yet.
    pub(crate) fn new() -> Self {
        Cx {
            marking: Cell::new(Tlp::Clear),
        }
    }

    /// The highest marking of every value made with this context.
    pub(crate) fn marking(&self) -> Tlp {
        self.marking.get()
    }

    fn mark(&self, word: &str) {
        if let Some(t) = Tlp::parse(word) {
            self.marking.set(self.marking.get().max(t));
        }
    }
}

/// A view that can become a template value.
pub(crate) trait ToValue {
    /// The template value of `self`.
    fn to_value(&self, cx: &Cx) -> Value;
}

/// A map value from its entries, in order.
pub(super) fn map<const N: usize>(entries: [(&'static str, Value); N]) -> Value {
    map_of(&entries)
}

/// A map value from its entries, in order. Through serde, which Tera lets pass a
/// `Value` through by reference count: each key is hashed once into the map Tera keeps,
/// where `Value::from(IndexMap)` would hash every key into a second map.
pub(super) fn map_of(entries: &[(&'static str, Value)]) -> Value {
    struct Entries<'a>(&'a [(&'static str, Value)]);
    impl serde::Serialize for Entries<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeStruct;
            let mut map = s.serialize_struct("Entries", self.0.len())?;
            for (k, v) in self.0 {
                map.serialize_field(k, v)?;
            }
            map.end()
        }
    }
    Value::from_serializable(&Entries(entries))
}

/// `entries` with each language given added, under its key (a language that is not
/// given is left out, as serde leaves it out of the exports).
pub(super) fn with_langs<const N: usize>(
    mut entries: Vec<(&'static str, Value)>,
    langs: [(&'static str, &Option<Lang>); N],
) -> Vec<(&'static str, Value)> {
    for (k, l) in langs {
        if let Some(l) = l {
            entries.push((k, l.as_str().into()));
        }
    }
    entries
}

pub(super) fn opt<T: ToValue>(v: &Option<T>, cx: &Cx) -> Value {
    v.as_ref().map_or_else(Value::none, |x| x.to_value(cx))
}

pub(super) fn opt_str<S: AsRef<str>>(s: &Option<S>) -> Value {
    s.as_ref()
        .map_or_else(Value::none, |x| Value::from(x.as_ref()))
}

pub(super) fn list<T: ToValue>(v: &[T], cx: &Cx) -> Value {
    Value::from(v.iter().map(|x| x.to_value(cx)).collect::<Vec<_>>())
}

pub(super) fn strings(v: &[String]) -> Value {
    Value::from(
        v.iter()
            .map(|s| Value::from(s.as_str()))
            .collect::<Vec<_>>(),
    )
}

impl<T: ToValue> ToValue for Vec<T> {
    fn to_value(&self, cx: &Cx) -> Value {
        list(self, cx)
    }
}

impl<T: ToValue> ToValue for Option<T> {
    fn to_value(&self, cx: &Cx) -> Value {
        opt(self, cx)
    }
}

impl ToValue for DateView {
    fn to_value(&self, _: &Cx) -> Value {
        let mut entries = vec![
            ("iso", self.iso.as_str().into()),
            ("text", self.text.as_str().into()),
        ];
        if let Some(p) = self.precision {
            entries.push(("precision", p.into()));
        }
        if self.approximate {
            entries.push(("approximate", true.into()));
        }
        map_of(&entries)
    }
}

impl ToValue for TlpView {
    fn to_value(&self, cx: &Cx) -> Value {
        cx.mark(self.word);
        self.made().unwrap_or_else(|| self.value_uncached())
    }
}

/// Serialised as its value, made once for each of the five markings (and passed to
/// Tera by reference count); else like a derived struct, fields sorted.
impl serde::Serialize for TlpView {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        if let Some(v) = self.made() {
            return v.serialize(s);
        }
        let mut st = s.serialize_struct("TlpView", 3)?;
        // Sorted, as Link's fields are.
        st.serialize_field("class", &self.class)?;
        st.serialize_field("label", &self.label)?;
        st.serialize_field("word", &self.word)?;
        st.end()
    }
}

impl TlpView {
    /// The value of this marking, made once for each of the five.
    fn made(&self) -> Option<Value> {
        static MADE: std::sync::LazyLock<Vec<(&'static str, Value)>> =
            std::sync::LazyLock::new(|| {
                Tlp::VARIANTS
                    .iter()
                    .map(|t| (t.as_str(), TlpView::from(*t).value_uncached()))
                    .collect()
            });
        let (_, v) = MADE.iter().find(|(w, _)| *w == self.word)?;
        debug_assert!(*self == TlpView::from(Tlp::parse(self.word)?));
        Some(v.clone())
    }

    fn value_uncached(&self) -> Value {
        map([
            ("word", self.word.into()),
            ("label", self.label.into()),
            ("class", self.class.into()),
        ])
    }
}

impl ToValue for Link {
    fn to_value(&self, cx: &Cx) -> Value {
        match self {
            Link::To(data) => {
                cx.mark(data.tlp.word);
                data.value()
            }
            Link::Withheld(kind) => map([
                ("kind", kind.dir().into()),
                ("title", WITHHELD_TITLE.into()),
                ("withheld", true.into()),
            ]),
        }
    }
}

impl LinkData {
    /// The link's template value, made at the first call and shared after.
    pub(crate) fn value(&self) -> Value {
        self.value
            .get_or_init(|| {
                let cx = Cx::new();
                if self.style == LinkStyle::Reference {
                    return map([("id", self.id.as_str().into()), ("kind", self.kind.into())]);
                }
                let entries = vec![
                    ("id", self.id.as_str().into()),
                    ("kind", self.kind.into()),
                    ("title", self.title.as_str().into()),
                    ("url", self.url.as_str().into()),
                    ("date", opt(&self.date, &cx)),
                    ("tlp", self.tlp.to_value(&cx)),
                    ("note", opt_str(&self.note)),
                ];
                map_of(&with_langs(
                    entries,
                    [
                        ("title_lang", &self.title_lang),
                        ("note_lang", &self.note_lang),
                    ],
                ))
            })
            .clone()
    }
}

impl ToValue for CitationView {
    fn to_value(&self, cx: &Cx) -> Value {
        map([
            ("source", self.source.to_value(cx)),
            ("reliability", self.reliability.into()),
            ("reliability_meaning", self.reliability_meaning.into()),
            ("credibility", self.credibility.into()),
            ("credibility_meaning", self.credibility_meaning.into()),
            ("grade", self.grade.as_str().into()),
            ("date", opt(&self.date, cx)),
            ("url", opt_str(&self.url)),
            ("note", opt_str(&self.note)),
        ])
    }
}

impl ToValue for ParticipantView {
    fn to_value(&self, cx: &Cx) -> Value {
        map([
            ("actor", self.actor.to_value(cx)),
            ("role", opt_str(&self.role)),
            ("level", opt_str(&self.level)),
            ("level_label", opt_str(&self.level_label)),
        ])
    }
}

impl ToValue for StepView {
    fn to_value(&self, cx: &Cx) -> Value {
        map([
            ("date", self.date.to_value(cx)),
            ("status", self.status.into()),
            ("note", opt_str(&self.note)),
            ("citations", list(&self.citations, cx)),
        ])
    }
}

impl ToValue for StatusCount {
    fn to_value(&self, _: &Cx) -> Value {
        map([("status", self.status.into()), ("count", self.count.into())])
    }
}

impl ToValue for RelatedContribution {
    fn to_value(&self, cx: &Cx) -> Value {
        let entries = vec![
            ("guarantee", self.guarantee.to_value(cx)),
            ("anchor", self.anchor.as_str().into()),
            ("by", self.by.to_value(cx)),
            ("commitment", self.commitment.as_str().into()),
            ("status", self.status.into()),
            ("below", self.below.into()),
        ];
        map_of(&with_langs(
            entries,
            [("commitment_lang", &self.commitment_lang)],
        ))
    }
}

impl ToValue for ContributionView {
    fn to_value(&self, cx: &Cx) -> Value {
        let entries = vec![
            ("anchor", self.anchor.as_str().into()),
            ("by", self.by.to_value(cx)),
            ("requested_by", opt(&self.requested_by, cx)),
            ("conditional_on", list(&self.conditional_on, cx)),
            ("condition_of", list(&self.condition_of, cx)),
            ("guarantee", self.guarantee.to_value(cx)),
            ("commitment", self.commitment.as_str().into()),
            ("status", self.status.into()),
            ("written_status", self.written_status.into()),
            ("rank", self.rank.into()),
            ("binding", self.binding.into()),
            ("since", opt(&self.since, cx)),
            ("note", opt_str(&self.note)),
            ("continuing", self.continuing.into()),
            ("in_force", self.in_force.into()),
            ("due", opt(&self.due, cx)),
            ("overdue", self.overdue.into()),
            ("until", opt(&self.until, cx)),
            ("amount", opt_str(&self.amount)),
            ("conditions", strings(&self.conditions)),
            ("history", list(&self.history, cx)),
            ("citations", list(&self.citations, cx)),
            ("tlp", self.tlp.to_value(cx)),
        ];
        map_of(&with_langs(
            entries,
            [
                ("commitment_lang", &self.commitment_lang),
                ("note_lang", &self.note_lang),
                ("conditions_lang", &self.conditions_lang),
            ],
        ))
    }
}

impl ToValue for LangView {
    fn to_value(&self, _: &Cx) -> Value {
        map([
            ("code", self.code.as_str().into()),
            ("name", self.name.as_str().into()),
        ])
    }
}

impl ToValue for ItemView {
    fn to_value(&self, cx: &Cx) -> Value {
        let common = [
            ("id", self.id.as_str().into()),
            ("kind", self.kind.into()),
            ("kind_singular", self.kind_singular.into()),
            ("title", self.title.as_str().into()),
            ("url", self.url.as_str().into()),
            ("tlp", self.tlp.to_value(cx)),
            ("tags", strings(&self.tags)),
            ("citations", list(&self.citations, cx)),
        ];
        let mut entries = Vec::from(common);
        entries.extend(self.detail.entries(cx));
        let mut entries = with_langs(entries, [("title_lang", &self.title_lang)]);
        if let Some(u) = &self.untranslated {
            entries.push(("untranslated", u.to_value(cx)));
        }
        if let Some(n) = &self.translation_note {
            entries.push(("translation_note", n.as_str().into()));
        }
        map_of(&entries)
    }
}

mod detail;

#[cfg(test)]
mod tests;
