//! References between items, typed so that a withheld one cannot be used as an id.

/// A reference from one item to another: the id it names, or withheld.
///
/// Validation resolves every reference, so a model read from content holds only ids; an
/// audience build ([`crate::audience::restrict`]) turns references to items above the
/// audience into [`Ref::Withheld`], which names nothing and has no page. Being a type,
/// every consumer must say what it shows for a withheld reference.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Ref {
    /// The id of an item the build includes.
    Id(String),
    /// An item withheld from the audience: no id, no page, no trace.
    Withheld,
}

impl Ref {
    /// The id referred to, unless withheld.
    pub fn id(&self) -> Option<&str> {
        match self {
            Ref::Id(id) => Some(id),
            Ref::Withheld => None,
        }
    }

    /// True if this refers to the item `id`.
    pub fn is(&self, id: &str) -> bool {
        self.id() == Some(id)
    }
}

impl From<String> for Ref {
    fn from(id: String) -> Ref {
        Ref::Id(id)
    }
}

impl From<&str> for Ref {
    fn from(id: &str) -> Ref {
        Ref::Id(id.to_string())
    }
}
