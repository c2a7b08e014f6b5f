//! Links between pages: every item's link and its template value, built once.

use super::*;
use crate::model::translation::{ActorWords, MeetingWords};
use crate::model::*;
use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};
use std::collections::HashMap;
use std::sync::Arc;

/// Every item's link, with its template value made, by kind (in [`Kind::ALL`] order)
/// and id.
pub(super) type LinkCache = Arc<Vec<HashMap<String, Link>>>;

/// The cached link of the item `kind`/`id` in `cache`.
fn find<'c>(cache: &'c LinkCache, kind: &str, id: &str) -> Option<&'c Link> {
    let index = Kind::ALL.iter().position(|k| k.dir() == kind)?;
    cache[index].get(id)
}

/// Serialised as its template value ([`LinkData::value`], made once per link and
/// passed to Tera by reference count); a withheld link as `kind`, `title` and
/// `withheld: true`, without id or url.
impl Serialize for Link {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Link::To(data) => data.value().serialize(s),
            Link::Withheld(kind) => {
                let mut st = s.serialize_struct("Link", 3)?;
                st.serialize_field("kind", kind.dir())?;
                st.serialize_field("title", WITHHELD_TITLE)?;
                st.serialize_field("withheld", &true)?;
                st.end()
            }
        }
    }
}

impl<'m> Views<'m> {
    /// A link to any item by kind and id (the withheld link if the model has no such
    /// item).
    pub fn link(&self, kind: Kind, id: &str) -> Link {
        match self.link_cache().and_then(|c| find(c, kind.dir(), id)) {
            Some(link) => link.clone(),
            None => self.make_link(kind, id),
        }
    }

    /// What the link to the item `kind`/`id` says, if the model has it.
    pub fn item_link(&self, kind: Kind, id: &str) -> Option<Arc<LinkData>> {
        match self.link(kind, id) {
            Link::To(data) => Some(data),
            Link::Withheld(_) => None,
        }
    }

    /// Converts a view into a template value through serde. (Sharing the links' cached
    /// values here, through a thread-local switch in `Link`'s `Serialize`, saved 3.5% of
    /// the instructions of a build: not kept, see docs/dev-notes.md.)
    pub(crate) fn value<T: Serialize>(&self, v: &T) -> tera::Value {
        tera::Value::from_serializable(v)
    }

    /// The template value of a view that makes its own (see value.rs): the values of the
    /// links in it are the ones shared by every page showing them.
    pub(crate) fn value_of<T: ToValue>(&self, v: &T) -> tera::Value {
        v.to_value(&super::value::Cx::new())
    }

    /// Every item's link and its value, all built at the first one asked for, if links
    /// are built in bulk.
    fn link_cache(&self) -> Option<&LinkCache> {
        if !self.bulk_links {
            return None;
        }
        Some(self.links.get_or_init(|| {
            use rayon::prelude::*;
            let m = self.m;
            // Items in parallel, not only kinds: statements are most of a briefing.
            Kind::ALL
                .par_iter()
                .map(|k| {
                    let ids: Vec<&'m String> = m.ids(*k);
                    ids.into_par_iter()
                        .map(|id| {
                            let link = self.make_link(*k, id);
                            if let Link::To(data) = &link {
                                data.value();
                            }
                            (id.clone(), link)
                        })
                        .collect()
                })
                .collect::<Vec<_>>()
                .into()
        }))
    }

    /// The link of a reference: to its item, or the withheld link.
    pub fn link_to(&self, kind: Kind, r: &Ref) -> Link {
        match r {
            Ref::Id(id) => self.link(kind, id),
            Ref::Withheld => Link::Withheld(kind),
        }
    }

    /// The link to the item `kind`/`id`. An id the model does not hold (none: references
    /// to withheld items are [`Ref::Withheld`]) gets the withheld link, not a panic.
    fn make_link(&self, kind: Kind, id: &str) -> Link {
        let Some(item) = self.m.item(kind, id) else {
            return Link::Withheld(kind);
        };
        let (title, title_lang) = self.title_of(item);
        let (note, note_lang) = match self.note(item) {
            Some((note, lang)) => (Some(note), lang),
            None => (None, None),
        };
        Link::new(LinkData {
            id: id.to_string(),
            kind: kind.dir(),
            title,
            url: crate::routes::item(kind, id),
            date: item.date().map(|d| self.date(d)),
            tlp: item.meta().tlp.into(),
            note,
            title_lang,
            note_lang,
            style: self.link_style,
            value: std::sync::OnceLock::new(),
        })
    }

    /// A short descriptor of an item, with its language when it is not the page's: an
    /// actor's role, a source's reliability, a meeting's location, a statement's
    /// attribution, a component's category, a round's period.
    fn note(&self, item: Item<'m>) -> Option<(String, Option<Lang>)> {
        let w = self.words_of(item);
        let said = |s: Option<Shown<'m, str>>| s.map(|s| (s.text.to_string(), s.lang.cloned()));
        let ours = |s: String| Some((s, None));
        match item {
            Item::Actor(a) => {
                said(w.opt_word(|x: &ActorWords| x.role.as_deref(), a.role.as_deref()))
            }
            Item::Source(s) => ours(
                self.locale
                    .fill("link.source_note", &[("grade", s.reliability.as_str())]),
            ),
            Item::Meeting(x) => said(w.opt_word(
                |x: &MeetingWords| x.location.as_deref(),
                x.location.as_deref(),
            )),
            Item::Statement(x) => {
                let (text, lang) = self.attribution_shown(x);
                Some((text, lang))
            }
            Item::Guarantee(x) => {
                ours(self.term_label(crate::model::Vocabulary::Categories, &x.category))
            }
            Item::Round(x) => ours(self.locale.dates().range(x.start, Some(x.end))),
            Item::Document(x) => {
                ours(self.term_label(crate::model::Vocabulary::DocumentKinds, &x.kind))
            }
        }
    }

    /// Every item citing source `id`, directly or in a contribution.
    pub fn cited_by(&self, id: &str) -> Vec<Link> {
        self.m
            .links
            .source_citers
            .get(id)
            .into_iter()
            .flatten()
            .map(|(k, i)| self.link(*k, i))
            .collect()
    }

    /// Links to items of one kind, from an optional list of ids.
    pub fn links(&self, kind: Kind, ids: Option<&Vec<String>>) -> Vec<Link> {
        ids.into_iter()
            .flatten()
            .map(|id| self.link(kind, id))
            .collect()
    }

    /// Links of a list of references, withheld ones included as the withheld link.
    pub fn links_to(&self, kind: Kind, refs: &[Ref]) -> Vec<Link> {
        refs.iter().map(|r| self.link_to(kind, r)).collect()
    }
}
