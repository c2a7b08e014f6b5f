//! Links between pages: every item's link and its template value, built once.

use super::*;
use crate::audience::WITHHELD_URL;
use crate::dates;
use crate::model::*;
use serde::ser::{SerializeStruct, Serializer};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

/// Every item's link and its template value, by kind (in [`Kind::ALL`] order) and id.
pub(super) type LinkCache = Arc<Vec<HashMap<String, (Link, tera::Value)>>>;

thread_local! {
    /// The links whose values a [`Views::value`] call on this thread shares.
    static SHARED: RefCell<Option<LinkCache>> = const { RefCell::new(None) };
}

/// True during a [`Views::value`] call on this thread with links shared.
pub(super) fn sharing() -> bool {
    SHARED.with(|c| c.borrow().is_some())
}

/// The cached link of the item `kind`/`id` in `cache`.
fn find<'c>(cache: &'c LinkCache, kind: &str, id: &str) -> Option<&'c (Link, tera::Value)> {
    let index = Kind::ALL.iter().position(|k| k.dir() == kind)?;
    cache[index].get(id)
}

/// The shared value of `link` in `cache`, if it is there.
fn shared_value(cache: &LinkCache, link: &Link) -> Option<tera::Value> {
    let (cached, value) = find(cache, link.kind, &link.id)?;
    debug_assert!(cached == link, "a link changed after it was built");
    Some(value.clone())
}

/// Serialised like a derived struct, except into a template value made by
/// [`Views::value`], where the link's value is shared (Tera clones a `Value` it is
/// given to serialise instead of serialising it again).
impl Serialize for Link {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let shared = SHARED.with(|c| shared_value(c.borrow().as_ref()?, self));
        if let Some(value) = shared {
            return value.serialize(s);
        }
        // Fields in sorted order: the JSON exports sort keys, and an object whose keys
        // come sorted is written where it stands instead of being reordered.
        let mut st = s.serialize_struct("Link", 7)?;
        st.serialize_field("date", &self.date)?;
        st.serialize_field("id", &self.id)?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("note", &self.note)?;
        st.serialize_field("title", &self.title)?;
        st.serialize_field("tlp", &self.tlp)?;
        st.serialize_field("url", &self.url)?;
        st.end()
    }
}

impl<'m> Views<'m> {
    /// A link to any item by kind and id.
    pub fn link(&self, kind: Kind, id: &str) -> Link {
        match self.link_cache().and_then(|c| find(c, kind.dir(), id)) {
            Some((link, _)) => link.clone(),
            None => self.make_link(kind, id),
        }
    }

    /// Converts a view into a template value through serde, with the values of the links
    /// in it shared with every other page showing them (when links are built in bulk).
    pub(crate) fn value<T: Serialize>(&self, v: &T) -> tera::Value {
        let Some(cache) = self.link_cache() else {
            return tera::Value::from_serializable(v);
        };
        let before = SHARED.with(|c| c.replace(Some(cache.clone())));
        let value = tera::Value::from_serializable(v);
        SHARED.with(|c| c.replace(before));
        value
    }

    /// The template value of `link`, shared by every page showing it when the links
    /// are built in bulk.
    pub(crate) fn link_value(&self, link: &Link) -> tera::Value {
        self.link_cache()
            .and_then(|c| shared_value(c, link))
            .unwrap_or_else(|| link.value_uncached(&super::value::Cx::new(self)))
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
                            let value = link.value_uncached(&super::value::Cx::new(self));
                            (id.clone(), (link, value))
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
            Ref::Withheld => Self::withheld(kind),
        }
    }

    /// What a reference to a withheld item of `kind` shows: no id, no page.
    pub fn withheld(kind: Kind) -> Link {
        Link::new(LinkData {
            id: String::new(),
            kind: kind.dir(),
            title: "(withheld)".into(),
            url: WITHHELD_URL.into(),
            date: None,
            tlp: Tlp::Clear.into(),
            note: None,
        })
    }

    fn make_link(&self, kind: Kind, id: &str) -> Link {
        let m = self.m;
        let (title, date, tlp, note) = match kind {
            Kind::Actors => {
                let a = &m.actors[id];
                (a.name.clone(), None, a.meta.tlp, a.role.clone())
            }
            Kind::Sources => {
                let s = &m.sources[id];
                (
                    s.name.clone(),
                    None,
                    s.meta.tlp,
                    Some(format!("reliability {}", s.reliability.as_str())),
                )
            }
            Kind::Meetings => {
                let x = &m.meetings[id];
                (
                    x.title.clone(),
                    Some(x.date),
                    x.meta.tlp,
                    x.location.clone(),
                )
            }
            Kind::Statements => {
                let x = &m.statements[id];
                (
                    x.title.clone(),
                    Some(x.date),
                    x.meta.tlp,
                    Some(self.attribution(x)),
                )
            }
            Kind::Guarantees => {
                let x = &m.guarantees[id];
                (
                    x.title.clone(),
                    None,
                    x.meta.tlp,
                    Some(x.category.as_str().to_string()),
                )
            }
            Kind::Rounds => {
                let x = &m.rounds[id];
                (
                    x.title.clone(),
                    Some(x.start.into()),
                    x.meta.tlp,
                    Some(dates::range(x.start, Some(x.end))),
                )
            }
            Kind::Documents => {
                let x = &m.documents[id];
                (
                    x.title.clone(),
                    x.date,
                    x.meta.tlp,
                    Some(x.kind.label().to_string()),
                )
            }
        };
        Link::new(LinkData {
            id: id.to_string(),
            kind: kind.dir(),
            title,
            url: crate::routes::item(kind, id),
            date: date.map(DateView::new),
            tlp: tlp.into(),
            note,
        })
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The analyst views of the example, for two audiences, make the same template values
    /// with links and markings shared as without.
    #[test]
    fn shared_values_are_the_values_serde_makes() {
        fn same<T: Serialize>(views: &Views, x: &T, what: &str) {
            let shared = views.value(x);
            assert!(!sharing(), "sharing ended");
            assert_eq!(shared, tera::Value::from_serializable(x), "{what}");
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for tlp in [Tlp::Green, Tlp::Red] {
            let site = crate::Site::load(root).expect("the example loads");
            let (site, _) = site.for_audience(tlp);
            let views = Views::new(&site.model);
            same(&views, &views.register(), "register");
            same(&views, &views.sourcing_report(), "report");
            same(&views, &views.timeline(), "timeline");
            same(&views, &views.matrix(), "matrix");
            same(&views, &views.declarations(), "declarations");
            same(&views, &views.searchable(), "searchable");
            for id in site.model.rounds.keys() {
                same(&views, &views.changes(id), "changes");
            }
        }
    }
}
