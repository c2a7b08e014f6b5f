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

impl Detail {
    /// The kind-specific entries, flattened into the item's map as serde flattens them.
    fn entries(&self, v: &Cx) -> Vec<(&'static str, Value)> {
        match self {
            Detail::Actor {
                actor_kind,
                country,
                role,
                affiliation,
                affiliations,
                requests,
                aliases,
                website,
                description_html,
                members,
                meetings,
                statements,
                contributions,
                documents,
                role_lang,
                aliases_lang,
                description_lang,
            } => with_langs(
                vec![
                    ("actor_kind", (*actor_kind).into()),
                    ("country", opt(country, v)),
                    ("role", opt_str(role)),
                    ("affiliation", opt(affiliation, v)),
                    ("affiliations", list(affiliations, v)),
                    ("requests", list(requests, v)),
                    ("aliases", strings(aliases)),
                    ("website", opt_str(website)),
                    ("description_html", opt_prose(description_html)),
                    ("members", list(members, v)),
                    ("meetings", list(meetings, v)),
                    ("statements", list(statements, v)),
                    ("contributions", list(contributions, v)),
                    ("documents", list(documents, v)),
                ],
                [
                    ("role_lang", role_lang),
                    ("aliases_lang", aliases_lang),
                    ("description_lang", description_lang),
                ],
            ),
            Detail::Source {
                source_kind,
                source_kind_label,
                reliability,
                reliability_meaning,
                website,
                description_html,
                derived_from,
                channel_of,
                cited_by,
                description_lang,
            } => with_langs(
                vec![
                    ("source_kind", source_kind.as_str().into()),
                    ("source_kind_label", source_kind_label.as_str().into()),
                    ("reliability", (*reliability).into()),
                    ("reliability_meaning", (*reliability_meaning).into()),
                    ("website", opt_str(website)),
                    ("description_html", opt_prose(description_html)),
                    ("derived_from", list(derived_from, v)),
                    ("channel_of", opt(channel_of, v)),
                    ("cited_by", list(cited_by, v)),
                ],
                [("description_lang", description_lang)],
            ),
            Detail::Meeting {
                date,
                period,
                time,
                timezone,
                location,
                convened_by,
                participants,
                level,
                level_label,
                status,
                upcoming,
                round,
                documents,
                body_html,
                statements,
                location_lang,
                body_lang,
            } => with_langs(
                vec![
                    ("date", date.to_value(v)),
                    ("period", period.as_str().into()),
                    ("time", opt_str(time)),
                    ("timezone", opt_str(timezone)),
                    ("location", opt_str(location)),
                    ("convened_by", list(convened_by, v)),
                    ("participants", list(participants, v)),
                    ("level", opt_str(level)),
                    ("level_label", opt_str(level_label)),
                    ("status", (*status).into()),
                    ("upcoming", (*upcoming).into()),
                    ("round", opt(round, v)),
                    ("documents", list(documents, v)),
                    ("body_html", prose(body_html)),
                    ("statements", list(statements, v)),
                ],
                [("location_lang", location_lang), ("body_lang", body_lang)],
            ),
            Detail::Statement {
                date,
                speaker,
                attributed_to,
                attribution,
                meeting,
                statement_kind,
                statement_kind_label,
                on_record,
                about,
                responds_to,
                contradicts,
                responses,
                contradicted_by,
                body_html,
                body_has_blockquote,
                claims,
                attributed_to_lang,
                attribution_lang,
                body_lang,
            } => with_langs(
                vec![
                    ("date", date.to_value(v)),
                    ("speaker", opt(speaker, v)),
                    ("attributed_to", opt_str(attributed_to)),
                    ("attribution", attribution.as_str().into()),
                    ("meeting", opt(meeting, v)),
                    ("statement_kind", statement_kind.as_str().into()),
                    ("statement_kind_label", statement_kind_label.as_str().into()),
                    ("on_record", (*on_record).into()),
                    ("about", list(about, v)),
                    ("responds_to", list(responds_to, v)),
                    ("contradicts", list(contradicts, v)),
                    ("responses", list(responses, v)),
                    ("contradicted_by", list(contradicted_by, v)),
                    ("body_html", prose(body_html)),
                    ("body_has_blockquote", (*body_has_blockquote).into()),
                    ("claims", list(claims, v)),
                ],
                [
                    ("attributed_to_lang", attributed_to_lang),
                    ("attribution_lang", attribution_lang),
                    ("body_lang", body_lang),
                ],
            ),
            Detail::Guarantee {
                category,
                category_label,
                summary,
                status_counts,
                reversal,
                overdue,
                contributions,
                statements,
                provisions,
                body_html,
                summary_lang,
                body_lang,
            } => with_langs(
                vec![
                    ("category", category.as_str().into()),
                    ("category_label", category_label.as_str().into()),
                    ("summary", opt_str(summary)),
                    ("status_counts", list(status_counts, v)),
                    ("reversal", opt(reversal, v)),
                    ("overdue", (*overdue).into()),
                    ("contributions", list(contributions, v)),
                    ("statements", list(statements, v)),
                    ("provisions", list(provisions, v)),
                    ("body_html", prose(body_html)),
                ],
                [("summary_lang", summary_lang), ("body_lang", body_lang)],
            ),
            Detail::Document(d) => d.entries(v),
            Detail::Round {
                start,
                end,
                period,
                summary_html,
                meetings,
                summary_lang,
            } => with_langs(
                vec![
                    ("start", start.to_value(v)),
                    ("end", end.to_value(v)),
                    ("period", period.as_str().into()),
                    ("summary_html", opt_prose(summary_html)),
                    ("meetings", list(meetings, v)),
                ],
                [("summary_lang", summary_lang)],
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;
    use crate::render::max_tlp;
    use crate::render::view::prose_value_html;

    /// `v` with each prose value written as the exports write it (HTML from the root).
    fn as_exported(v: &Value) -> Value {
        if let Some(m) = v.as_map() {
            let entries: Vec<(String, Value)> = m
                .iter()
                .map(|(k, x)| (k.as_str().unwrap_or("").to_string(), as_exported(x)))
                .collect();
            let mut out = tera::Map::new();
            for (k, x) in entries {
                out.insert(k.into(), x);
            }
            return Value::from(out);
        }
        if let Some(a) = v.as_array() {
            // A prose value with links: HTML and URLs, alternating, all strings (no other
            // view has a list of strings starting with HTML).
            if a.first()
                .and_then(Value::as_str)
                .is_some_and(|s| s.starts_with('<'))
            {
                return Value::from(prose_value_html(v, "").unwrap_or_default());
            }
            return Value::from(a.iter().map(as_exported).collect::<Vec<_>>());
        }
        v.clone()
    }

    /// Every item view of the example briefing, and of a site with withheld items, makes
    /// the value serde makes of it (prose written as the exports write it), and notes the highest marking found in that value.
    #[test]
    fn same_as_serde() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        same_as_serde_on(root, 30);
        // Documents with provisions and positions, one of them AMBER.
        same_as_serde_on(&root.join("tests/fixtures/plan"), 10);
        let (site, _) = withholding_site().for_audience(Tlp::Clear);
        same_as_serde_in(&site.model, 5);
        let statement = Views::new(&site.model).item(Kind::Statements, "umerov-90");
        let json = serde_json::to_string(&statement).unwrap();
        assert!(
            json.contains(r#"{"kind":"guarantees","title":"(withheld)","withheld":true}"#),
            "{json}"
        );
    }

    /// The views of a render in a translation language hold the `*_lang` fields: the
    /// values made here hold them as serde does.
    #[test]
    fn same_as_serde_in_a_translation_language() {
        let root =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bilingual");
        let site = crate::Site::load(&root).expect("the fixture loads");
        let uk = std::sync::Arc::new(crate::i18n::load(&root, "uk").expect("uk").locale);
        let m = &site.model;
        let views = Views::new(m).in_language(uk);
        let mut langs = 0;
        for kind in Kind::ALL {
            for id in m.ids(kind) {
                let item = views.item(kind, id);
                let want = Value::from_serializable(&item);
                assert_eq!(
                    as_exported(&item.to_value(&Cx::new())),
                    want,
                    "{kind:?} {id}"
                );
                langs += usize::from(item.title_lang.is_some());
            }
        }
        assert!(langs > 0, "no untranslated title");
    }

    fn same_as_serde_on(root: &std::path::Path, at_least: usize) {
        let site = crate::Site::load(root).expect("the site loads");
        let (site, _) = site.for_audience(crate::model::Tlp::Green);
        same_as_serde_in(&site.model, at_least);
    }

    /// The minimal fixture with its source, the state `ukraine` and its guarantee
    /// component marked TLP:AMBER: a CLEAR build withholds what cites, names and is
    /// about them.
    pub(crate) fn withholding_site() -> crate::Site {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
        let mut site = crate::Site::load(&root).expect("the fixture loads");
        let m = &mut site.model;
        m.sources.get_mut("reuters").expect("a source").meta.tlp = Tlp::Amber;
        m.actors.get_mut("ukraine").expect("an actor").meta.tlp = Tlp::Amber;
        m.guarantees
            .get_mut("financial")
            .expect("a component")
            .meta
            .tlp = Tlp::Amber;
        site
    }

    fn same_as_serde_in(m: &crate::model::Model, at_least: usize) {
        for views in [Views::new(m), Views::for_few_pages(m)] {
            let mut n = 0;
            for kind in Kind::ALL {
                for id in m.ids(kind) {
                    let item = views.item(kind, id);
                    let want = Value::from_serializable(&item);
                    let cx = Cx::new();
                    assert_eq!(as_exported(&item.to_value(&cx)), want, "{kind:?} {id}");
                    assert_eq!(cx.marking(), max_tlp(&want), "{kind:?} {id}");
                    n += 1;
                }
            }
            assert!(n >= at_least, "only {n} items");
            let links = views.searchable();
            assert_eq!(views.value_of(&links), Value::from_serializable(&links));
            for id in m.rounds.keys() {
                let brief = views.round_brief(id);
                let want = Value::from_serializable(&brief);
                let cx = Cx::new();
                assert_eq!(as_exported(&brief.to_value(&cx)), want, "brief of {id}");
                assert_eq!(cx.marking(), max_tlp(&want), "brief of {id}");
            }
        }
    }
}
