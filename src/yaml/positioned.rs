//! Values with the line and column they were written at.
//!
//! serde-saphyr's `Spanned<T>` records where each value was written. Every file is read
//! with positions: reading item files without them, and again with them only where
//! validation had something to say, saved 3.8% of the instructions of a 10,000-item
//! build (4.9% at 1,000 items), under the 5% a performance machinery must save, and
//! needed a thread-local switch in this type's `Deserialize` (see docs/dev-notes.md).

use serde::{Deserialize, Deserializer};
use serde_saphyr::{Location, Spanned};

/// A value and where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Positioned<T> {
    /// The value.
    pub value: T,
    /// Where the value was written (for an alias, where the alias is).
    pub referenced: Location,
    /// Where the value was defined (for an alias, its anchor).
    pub defined: Location,
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Positioned<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = Spanned::<T>::deserialize(d)?;
        Ok(Positioned {
            value: s.value,
            referenced: s.referenced,
            defined: s.defined,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Doc {
        title: Positioned<String>,
        tags: Option<Vec<Positioned<String>>>,
    }

    #[test]
    fn values_keep_where_they_were_written() {
        let text = "title: Paris summit\ntags:\n  - coalition\n  - 'guarantees'\n";
        let doc: Doc = serde_saphyr::from_str(text).unwrap();
        assert_eq!(doc.title.value, "Paris summit");
        assert_eq!(
            (doc.title.referenced.line(), doc.title.referenced.column()),
            (1, 8)
        );
        let tags = doc.tags.unwrap();
        assert_eq!(tags[1].value, "guarantees");
        assert_eq!(tags[1].referenced.line(), 4);
    }
}
