//! Values with the line and column they were written at, read only when wanted.
//!
//! serde-saphyr's `Spanned<T>` records where each value was written, at a cost: about a
//! twentieth of a whole build went into positions that only a message would ever use,
//! and most files have none. So the loader reads every field without its position
//! first ([`without_positions`]), and validation reads a file again with positions
//! only when it has something to report in it (see `validate::each`): the messages are
//! the same, the common case is cheaper.

use serde::{Deserialize, Deserializer};
use serde_saphyr::{Location, Spanned};
use std::cell::Cell;

thread_local! {
    /// Whether [`Positioned`] values record their position on this thread (the default).
    static POSITIONS: Cell<bool> = const { Cell::new(true) };
}

/// A value and where it was written; both positions are [`Location::UNKNOWN`] when it
/// was read [`without_positions`].
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
        if POSITIONS.with(Cell::get) {
            let s = Spanned::<T>::deserialize(d)?;
            Ok(Positioned {
                value: s.value,
                referenced: s.referenced,
                defined: s.defined,
            })
        } else {
            Ok(Positioned {
                value: T::deserialize(d)?,
                referenced: Location::UNKNOWN,
                defined: Location::UNKNOWN,
            })
        }
    }
}

/// Runs `f` with [`Positioned`] values read without their positions on this thread.
pub fn without_positions<R>(f: impl FnOnce() -> R) -> R {
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            POSITIONS.with(|p| p.set(self.0));
        }
    }
    let _restore = Restore(POSITIONS.with(|p| p.replace(false)));
    f()
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
    fn the_same_values_with_or_without_positions() {
        let text = "title: Paris summit\ntags:\n  - coalition\n  - 'guarantees'\n";
        let with: Doc = serde_saphyr::from_str(text).unwrap();
        let without: Doc = without_positions(|| serde_saphyr::from_str(text).unwrap());
        assert_eq!(with.title.value, without.title.value);
        assert_eq!(
            with.tags
                .as_ref()
                .unwrap()
                .iter()
                .map(|t| &t.value)
                .collect::<Vec<_>>(),
            without
                .tags
                .as_ref()
                .unwrap()
                .iter()
                .map(|t| &t.value)
                .collect::<Vec<_>>()
        );
        assert_eq!(
            (with.title.referenced.line(), with.title.referenced.column()),
            (1, 8)
        );
        assert_eq!(with.tags.unwrap()[1].referenced.line(), 4);
        assert_eq!(without.title.referenced, Location::UNKNOWN);
        // The setting is restored afterwards, even for the next read on this thread.
        let again: Doc = serde_saphyr::from_str(text).unwrap();
        assert_eq!(again.title.referenced.line(), 1);
    }
}
