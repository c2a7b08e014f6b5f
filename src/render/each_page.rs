//! Making every page's data and rendering it, in parallel: the pages made on one round's
//! model as of its day together, so that model is made once and dropped when they are
//! done.

use super::view::{RoundModel, Views};
use super::{Page, pages};
use crate::model::Kind;
use rayon::prelude::*;
use std::collections::BTreeMap;

/// Makes each page's lazy data and hands the page to `f`, in parallel; gives back what
/// `f` gave, the pages made on no round's model first, then each round's in the order of
/// its id.
///
/// The pages made on a round's model as of its day (its page, its frozen views, its list
/// of what did not move) are made one after another on one [`RoundModel`], made for them
/// and dropped when they are done: each round's is made once, and a thread holds one at a
/// time (held all at once, they were a third of the peak memory at 10,000 items).
pub(super) fn each_page<'m, T: Send>(
    views: &Views<'m>,
    items: &[(Kind, Vec<String>)],
    lead: Option<&str>,
    pages: Vec<Page>,
    f: &(dyn Fn(Page) -> T + Sync),
) -> Vec<T> {
    let mut alone = Vec::new();
    let mut by_round: BTreeMap<String, Vec<Page>> = BTreeMap::new();
    for p in pages {
        match p.lazy.as_ref().and_then(|l| l.round(items)) {
            Some(id) => by_round.entry(id.to_string()).or_default().push(p),
            None => alone.push(p),
        }
    }
    let made = |mut p: Page, then: Option<&RoundModel<'m>>| {
        p.make_lazy(views, items, lead, then);
        f(p)
    };
    alone
        .into_par_iter()
        .map(|p| made(p, None))
        .chain(by_round.into_par_iter().flat_map_iter(|(id, pages)| {
            let then = views.round_model(&id);
            pages
                .into_iter()
                .map(|p| made(p, Some(&then)))
                .collect::<Vec<_>>()
        }))
        .collect()
}

impl Page {
    /// Makes the page's lazy data, if it has any; `then` is the model of the round
    /// [`pages::Lazy::round`] names, if it names one.
    pub(super) fn make_lazy<'m>(
        &mut self,
        views: &Views<'m>,
        items: &[(Kind, Vec<String>)],
        lead: Option<&str>,
        then: Option<&RoundModel<'m>>,
    ) {
        if let Some(lazy) = self.lazy.take() {
            let (data, marking) = pages::lazy_data(views, items, lead, &lazy, then);
            if let Some(t) = marking {
                self.marked = Some((self.data.len(), t));
            }
            self.data.extend(data);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pages made together on their round's model (two rounds past, one current)
    /// have the data each has when made alone, and none is lost or made twice.
    #[test]
    fn pages_made_by_round_as_alone() {
        let root =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/timetravel");
        let site = crate::Site::load(&root).expect("the fixture loads");
        let m = &site.model;
        let views = Views::new(m);
        let pages::Plan { pages, items } = pages::plan(m, &views, None);
        let by_round = pages
            .iter()
            .filter(|p| p.lazy.as_ref().and_then(|l| l.round(&items)).is_some())
            .count();
        // Three rounds: each one's page, frozen matrix and components, and unchanged list.
        assert_eq!(by_round, 12);
        let mut grouped = each_page(&views, &items, None, pages, &|p| (p.path, p.data));
        let mut alone: Vec<_> = pages::plan(m, &views, None)
            .pages
            .into_iter()
            .map(|mut p| {
                p.make_lazy(&views, &items, None, None);
                (p.path, p.data)
            })
            .collect();
        grouped.sort_by(|a, b| a.0.cmp(&b.0));
        alone.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(grouped.len(), alone.len());
        assert!(grouped == alone, "a page's data differs when made by round");
    }
}
