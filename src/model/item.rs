//! One way to reach an item of any kind: [`Model::item`] and [`Model::items`].

use super::*;

/// One item of any kind, borrowed from the model.
#[derive(Debug, Clone, Copy)]
pub enum Item<'m> {
    /// An actor.
    Actor(&'m Actor),
    /// A source.
    Source(&'m Source),
    /// A meeting.
    Meeting(&'m Meeting),
    /// A statement.
    Statement(&'m Statement),
    /// A guarantee component.
    Guarantee(&'m Guarantee),
    /// A round.
    Round(&'m Round),
    /// A negotiating text.
    Document(&'m Document),
}

impl<'m> Item<'m> {
    /// Its kind.
    pub fn kind(self) -> Kind {
        match self {
            Item::Actor(_) => Kind::Actors,
            Item::Source(_) => Kind::Sources,
            Item::Meeting(_) => Kind::Meetings,
            Item::Statement(_) => Kind::Statements,
            Item::Guarantee(_) => Kind::Guarantees,
            Item::Round(_) => Kind::Rounds,
            Item::Document(_) => Kind::Documents,
        }
    }

    /// What every item carries: id, file, tags, marking, citations.
    pub fn meta(self) -> &'m Meta {
        match self {
            Item::Actor(x) => &x.meta,
            Item::Source(x) => &x.meta,
            Item::Meeting(x) => &x.meta,
            Item::Statement(x) => &x.meta,
            Item::Guarantee(x) => &x.meta,
            Item::Round(x) => &x.meta,
            Item::Document(x) => &x.meta,
        }
    }

    /// Its title, or an actor's or a source's name.
    pub fn title(self) -> &'m str {
        match self {
            Item::Actor(x) => &x.name,
            Item::Source(x) => &x.name,
            Item::Meeting(x) => &x.title,
            Item::Statement(x) => &x.title,
            Item::Guarantee(x) => &x.title,
            Item::Round(x) => &x.title,
            Item::Document(x) => &x.title,
        }
    }

    /// The date lists order it by: a meeting's or statement's date, a round's start.
    pub fn date(self) -> Option<When> {
        match self {
            Item::Meeting(x) => Some(x.date),
            Item::Statement(x) => Some(x.date),
            Item::Round(x) => Some(x.start.into()),
            Item::Document(x) => x.date,
            Item::Actor(_) | Item::Source(_) | Item::Guarantee(_) => None,
        }
    }

    /// Every citation it makes: its own, then each contribution's (or each provision's
    /// positions') in order, the current status's own before its history's.
    pub fn citations(self) -> impl Iterator<Item = &'m Citation> {
        fn tracked<'a>(
            citations: &'a [Citation],
            history: &'a [Step],
        ) -> impl Iterator<Item = &'a Citation> {
            citations
                .iter()
                .chain(history.iter().flat_map(|h| &h.citations))
        }
        let contributions = match self {
            Item::Guarantee(g) => g.contributions.as_slice(),
            _ => &[],
        };
        let provisions = match self {
            Item::Document(d) => d.provisions.as_slice(),
            _ => &[],
        };
        self.meta()
            .citations
            .iter()
            .chain(
                contributions
                    .iter()
                    .flat_map(|c| tracked(&c.citations, &c.history)),
            )
            .chain(provisions.iter().flat_map(|p| {
                p.positions
                    .iter()
                    .flat_map(|x| tracked(&x.citations, &x.history))
            }))
    }
}

impl Model {
    /// The item `kind`/`id`, if the model has it.
    pub fn item(&self, kind: Kind, id: &str) -> Option<Item<'_>> {
        Some(match kind {
            Kind::Actors => Item::Actor(self.actors.get(id)?),
            Kind::Sources => Item::Source(self.sources.get(id)?),
            Kind::Meetings => Item::Meeting(self.meetings.get(id)?),
            Kind::Statements => Item::Statement(self.statements.get(id)?),
            Kind::Guarantees => Item::Guarantee(self.guarantees.get(id)?),
            Kind::Rounds => Item::Round(self.rounds.get(id)?),
            Kind::Documents => Item::Document(self.documents.get(id)?),
        })
    }

    /// Every item of one kind, in id order.
    pub fn items(&self, kind: Kind) -> Box<dyn Iterator<Item = Item<'_>> + '_> {
        match kind {
            Kind::Actors => Box::new(self.actors.values().map(Item::Actor)),
            Kind::Sources => Box::new(self.sources.values().map(Item::Source)),
            Kind::Meetings => Box::new(self.meetings.values().map(Item::Meeting)),
            Kind::Statements => Box::new(self.statements.values().map(Item::Statement)),
            Kind::Guarantees => Box::new(self.guarantees.values().map(Item::Guarantee)),
            Kind::Rounds => Box::new(self.rounds.values().map(Item::Round)),
            Kind::Documents => Box::new(self.documents.values().map(Item::Document)),
        }
    }

    /// The ids of one kind's items, in id order.
    pub fn ids(&self, kind: Kind) -> Vec<&String> {
        self.items(kind).map(|x| &x.meta().id).collect()
    }

    /// True if an item, or a translation, was read from the file `rel` (relative to the
    /// site root).
    pub fn has_file(&self, rel: &std::path::Path) -> bool {
        let kind = rel
            .iter()
            .nth(1)
            .and_then(|d| d.to_str())
            .and_then(Kind::from_dir);
        let id = rel.file_stem().and_then(|s| s.to_str());
        let translates = || {
            self.translations.iter().any(|(_, _, t)| t.file == rel)
                || self.site.translations.values().any(|t| t.file == rel)
        };
        let (Some(kind), Some(id)) = (kind, id) else {
            return translates();
        };
        self.item(kind, id).is_some_and(|x| x.meta().file == rel) || translates()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_is_reached_by_its_kind_and_id() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let m = crate::Site::load(root).expect("the example loads").model;
        for kind in Kind::ALL {
            let ids = m.ids(kind);
            assert!(!ids.is_empty(), "{kind:?}");
            for id in ids {
                let x = m.item(kind, id).expect("listed, so reached");
                assert_eq!((x.kind(), &x.meta().id), (kind, id));
                assert!(m.has_file(&x.meta().file), "{:?}", x.meta().file);
            }
            assert!(m.item(kind, "no-such-id").is_none());
        }
    }
}
