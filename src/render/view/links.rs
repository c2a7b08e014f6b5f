//! Links between pages: every item's link and its template value, built once.

use super::*;
use crate::audience::{WITHHELD, WITHHELD_URL};
use crate::dates;
use crate::model::*;

impl<'m> Views<'m> {
    /// A link to any item by kind and id.
    pub fn link(&self, kind: Kind, id: &str) -> Link {
        match self.cached_link(Kind::ALL.iter().position(|k| *k == kind), id) {
            Some((link, _)) => link.clone(),
            None => self.make_link(kind, id),
        }
    }

    /// The template value of `link`, shared by every page showing it when the links
    /// are built in bulk.
    pub(crate) fn link_value(&self, link: &Link) -> tera::Value {
        match self.cached_link(
            Kind::ALL.iter().position(|k| k.dir() == link.kind),
            &link.id,
        ) {
            Some((cached, value)) => {
                debug_assert!(cached == link, "a link changed after it was built");
                value.clone()
            }
            None => link.value_uncached(&super::value::Cx::new(self)),
        }
    }

    /// The link (and its value) of the item with id `id` of the kind at `index` in
    /// [`Kind::ALL`], all built at the first one asked for, if built in bulk.
    fn cached_link(&self, index: Option<usize>, id: &str) -> Option<&(Link, tera::Value)> {
        if !self.bulk_links {
            return None;
        }
        let all = self.links.get_or_init(|| {
            use rayon::prelude::*;
            let m = self.m;
            Kind::ALL
                .par_iter()
                .map(|k| {
                    let ids: Vec<&'m String> = m.ids(*k);
                    ids.into_iter()
                        .map(|id| {
                            let link = self.make_link(*k, id);
                            let value = link.value_uncached(&super::value::Cx::new(self));
                            (id.as_str(), (link, value))
                        })
                        .collect()
                })
                .collect()
        });
        index.and_then(|i| all[i].get(id))
    }

    fn make_link(&self, kind: Kind, id: &str) -> Link {
        if id == WITHHELD {
            return Link {
                id: String::new(),
                kind: kind.dir(),
                title: "(withheld)".into(),
                url: WITHHELD_URL.into(),
                date: None,
                tlp: Tlp::Clear.into(),
                note: None,
            };
        }
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
                    Some(x.start),
                    x.meta.tlp,
                    Some(dates::range(x.start, Some(x.end))),
                )
            }
        };
        Link {
            id: id.to_string(),
            kind: kind.dir(),
            title,
            url: kind.page(id),
            date: date.map(DateView::new),
            tlp: tlp.into(),
            note,
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
}
