//! What validation knows before it checks any item: every id, each actor's kind and
//! each item's marking, so references can be checked in any order.

use crate::load::{Doc, Loaded};
use crate::model::{Kind, Tlp, Vocabularies, Vocabulary};
use crate::raw::Opt;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every id of every kind, known before any item is checked, plus actor kinds.
#[derive(Debug)]
pub struct Ids {
    by_kind: BTreeMap<Kind, BTreeSet<String>>,
    /// Actor id -> its `kind` as written, to check that `country` names a state.
    pub actor_kinds: BTreeMap<String, String>,
    /// site.yaml's `default_tlp`, read first because every item's marking defaults to it.
    pub default_tlp: Tlp,
    /// Each item's marking as written (or the default), for cross-marking warnings.
    markings: BTreeMap<Kind, BTreeMap<String, Tlp>>,
    /// Item files that exist but could not be read (see `Loaded::failed`).
    failed: BTreeMap<(Kind, String), PathBuf>,
    /// Guarantee id -> the `id`s its contributions give, for `conditional_on` and
    /// `@guarantees/<id>#<contribution>` links.
    contributions: BTreeMap<String, BTreeSet<String>>,
    /// The words site.yaml adds to the open vocabularies (well-formed ones: site
    /// validation reports the others).
    pub vocabularies: Vocabularies,
}

impl Ids {
    /// Collects ids from the loaded files.
    pub fn from_loaded(l: &Loaded) -> Ids {
        fn ids<T>(docs: &[Doc<T>]) -> BTreeSet<String> {
            docs.iter().map(|d| d.id.clone()).collect()
        }
        let mut by_kind = BTreeMap::new();
        by_kind.insert(Kind::Actors, ids(&l.actors));
        by_kind.insert(Kind::Sources, ids(&l.sources));
        by_kind.insert(Kind::Meetings, ids(&l.meetings));
        by_kind.insert(Kind::Statements, ids(&l.statements));
        by_kind.insert(Kind::Guarantees, ids(&l.guarantees));
        by_kind.insert(Kind::Rounds, ids(&l.rounds));
        by_kind.insert(Kind::Documents, ids(&l.documents));
        let actor_kinds = l
            .actors
            .iter()
            .filter_map(|d| d.raw.kind.as_ref().map(|k| (d.id.clone(), k.value.clone())))
            .collect();
        let default_tlp = l
            .site
            .as_ref()
            .and_then(|s| s.raw.default_tlp.as_ref())
            .and_then(|t| Tlp::parse(t.value.trim()))
            .unwrap_or(Tlp::Clear);
        let mut markings: BTreeMap<Kind, BTreeMap<String, Tlp>> = BTreeMap::new();
        let mut mark = |kind: Kind, id: &str, tlp: &Opt<String>| {
            let t = tlp
                .as_ref()
                .and_then(|t| Tlp::parse(t.value.trim()))
                .unwrap_or(default_tlp);
            markings.entry(kind).or_default().insert(id.to_string(), t);
        };
        l.actors
            .iter()
            .for_each(|d| mark(Kind::Actors, &d.id, &d.raw.tlp));
        l.sources
            .iter()
            .for_each(|d| mark(Kind::Sources, &d.id, &d.raw.tlp));
        l.meetings
            .iter()
            .for_each(|d| mark(Kind::Meetings, &d.id, &d.raw.tlp));
        l.statements
            .iter()
            .for_each(|d| mark(Kind::Statements, &d.id, &d.raw.tlp));
        l.guarantees
            .iter()
            .for_each(|d| mark(Kind::Guarantees, &d.id, &d.raw.tlp));
        l.rounds
            .iter()
            .for_each(|d| mark(Kind::Rounds, &d.id, &d.raw.tlp));
        l.documents
            .iter()
            .for_each(|d| mark(Kind::Documents, &d.id, &d.raw.tlp));
        let contributions = l
            .guarantees
            .iter()
            .map(|d| {
                let ids = d
                    .raw
                    .contributions
                    .iter()
                    .flatten()
                    .filter_map(|c| c.value.id.as_ref().map(|i| i.value.trim().to_string()))
                    .collect();
                (d.id.clone(), ids)
            })
            .collect();
        let mut vocabularies = Vocabularies::default();
        if let Some(v) = l.site.as_ref().and_then(|s| s.raw.vocabularies.as_ref()) {
            for vocabulary in Vocabulary::ALL {
                for (word, label) in v.value.of(vocabulary).into_iter().flatten() {
                    let (word, label) = (word.trim(), label.value.trim());
                    if crate::load::is_slug(word) && !label.is_empty() {
                        vocabularies.add(vocabulary, word, label);
                    }
                }
            }
        }
        Ids {
            vocabularies,
            by_kind,
            actor_kinds,
            default_tlp,
            markings,
            failed: l.failed.clone(),
            contributions,
        }
    }

    /// The ids of one kind.
    pub fn of(&self, kind: Kind) -> &BTreeSet<String> {
        static EMPTY: BTreeSet<String> = BTreeSet::new();
        self.by_kind.get(&kind).unwrap_or(&EMPTY)
    }

    /// The marking of an item as written, or the site default.
    pub fn marking(&self, kind: Kind, id: &str) -> Tlp {
        // Looked up by `&str`: this runs for every reference of every item.
        self.markings
            .get(&kind)
            .and_then(|m| m.get(id))
            .copied()
            .unwrap_or(self.default_tlp)
    }

    /// The file of the item of `kind` called `id` if it exists but could not be read.
    pub fn failed(&self, kind: Kind, id: &str) -> Option<&Path> {
        self.failed
            .get(&(kind, id.to_string()))
            .map(PathBuf::as_path)
    }

    /// Every item file that exists but could not be read, with its kind and id.
    pub fn all_failed(&self) -> impl Iterator<Item = (&(Kind, String), &PathBuf)> {
        self.failed.iter()
    }

    /// The contribution ids of guarantee `g` (empty if it has none or does not exist).
    pub fn contributions(&self, g: &str) -> &BTreeSet<String> {
        static EMPTY: BTreeSet<String> = BTreeSet::new();
        self.contributions.get(g).unwrap_or(&EMPTY)
    }

    /// True if `id` names an item of `kind`.
    pub fn exists(&self, kind: Kind, id: &str) -> bool {
        self.of(kind).contains(id)
    }
}
