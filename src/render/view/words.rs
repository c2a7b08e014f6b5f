//! Items' words in the views' content language: each word from the item's translation
//! where it gives it, else the original's, marked with the original's language so that
//! templates write `lang` on what they show of it. Facts never come from here.

use super::Views;
use crate::model::translation::KindWords;
use crate::model::translation::StatementWords;
use crate::model::{InLanguage, Item, Lang, Ref, Word};

/// One word as a view shows it: its text, and its language when that is not the page's.
#[derive(Debug)]
pub(crate) struct Shown<'a, T: ?Sized> {
    /// The text.
    pub text: &'a T,
    /// `None` when the text is in the page's language; else the original's language.
    pub lang: Option<&'a Lang>,
}

impl<T: ?Sized> Clone for Shown<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: ?Sized> Copy for Shown<'_, T> {}

impl<'a, T: ?Sized> Shown<'a, T> {
    /// The text, cloned, and its language.
    pub fn owned(self) -> (T::Owned, Option<Lang>)
    where
        T: ToOwned,
    {
        (self.text.to_owned(), self.lang.cloned())
    }
}

impl<'a, T: ?Sized> From<Word<'a, T>> for Shown<'a, T> {
    fn from(w: Word<'a, T>) -> Self {
        match w {
            Word::Translated(text) => Shown { text, lang: None },
            Word::Untranslated(text, lang) => Shown {
                text,
                lang: Some(lang),
            },
        }
    }
}

/// An item's words as the views show them.
#[derive(Debug, Clone, Copy)]
pub(crate) enum ItemWords<'m> {
    /// The page speaks the originals' language: every word is the original's, unmarked.
    Original,
    /// The page speaks a language items are translated into.
    In {
        /// The item in that language: its translation, or none.
        item: InLanguage<'m>,
        /// The originals' language.
        original: &'m Lang,
    },
}

impl<'m> ItemWords<'m> {
    /// A word field: `get` of the translation's words of kind `W` where it gives it, else
    /// `original`.
    pub fn word<W: KindWords + 'm, T: ?Sized + 'm>(
        self,
        get: impl FnOnce(&'m W) -> Option<&'m T>,
        original: &'m T,
    ) -> Shown<'m, T> {
        match self {
            ItemWords::Original => Shown {
                text: original,
                lang: None,
            },
            ItemWords::In { item, original: l } => {
                let translated = match item {
                    InLanguage::Translated(t) => W::of(&t.words).and_then(get),
                    InLanguage::Untranslated(_) => None,
                };
                Word::pick(translated, original, l).into()
            }
        }
    }

    /// An optional word field: the translation's where it gives it, else the original's
    /// if there is one.
    pub fn opt_word<W: KindWords + 'm, T: ?Sized + 'm>(
        self,
        get: impl FnOnce(&'m W) -> Option<&'m T>,
        original: Option<&'m T>,
    ) -> Option<Shown<'m, T>> {
        let translated = match self {
            ItemWords::In {
                item: InLanguage::Translated(t),
                ..
            } => W::of(&t.words).and_then(get),
            _ => None,
        };
        match (translated, original) {
            (Some(text), _) => Some(Shown { text, lang: None }),
            (None, Some(o)) => Some(self.word(|_: &W| None, o)),
            (None, None) => None,
        }
    }

    /// The item's title (an actor's or a source's name).
    pub fn title(self, item: Item<'m>) -> Shown<'m, str> {
        match self {
            ItemWords::Original => Shown {
                text: item.title(),
                lang: None,
            },
            ItemWords::In { item: i, original } => {
                let translated = match i {
                    InLanguage::Translated(t) => t.words.title(),
                    InLanguage::Untranslated(_) => None,
                };
                Word::pick(translated, item.title(), original).into()
            }
        }
    }

    /// The original's language when the page speaks another and the item has no
    /// translation into it.
    pub fn untranslated(self) -> Option<&'m Lang> {
        match self {
            ItemWords::In {
                item: InLanguage::Untranslated(lang),
                ..
            } => Some(lang),
            _ => None,
        }
    }

    /// The note of the translation shown (who translated what), if it has one.
    pub fn note(self) -> Option<&'m str> {
        match self {
            ItemWords::In {
                item: InLanguage::Translated(t),
                ..
            } => t.note.as_deref(),
            _ => None,
        }
    }
}

impl<'m> Views<'m> {
    /// The words of `item` as these views show them: in their content language if it is
    /// one items are translated into, else the originals'.
    pub(crate) fn words_of(&self, item: Item<'m>) -> ItemWords<'m> {
        match &self.content {
            None => ItemWords::Original,
            Some(lang) => ItemWords::In {
                item: self.m.in_language(item, lang),
                original: self.m.site.languages.default_lang(),
            },
        }
    }

    /// The item's title in these views' language, with its language when it is not the
    /// page's. A statement given no title is titled by who made it and when (as it is in
    /// the original): in a translation language, by its translated speaker's name or
    /// attribution, and its date in that language.
    pub(crate) fn title_of(&self, item: Item<'m>) -> (String, Option<Lang>) {
        let w = self.words_of(item);
        let title = w.title(item);
        let Item::Statement(s) = item else {
            return title.owned();
        };
        if s.title_given || title.lang.is_none() {
            return title.owned();
        }
        let who = match (&s.speaker, &s.attributed_to) {
            (Some(Ref::Id(a)), _) => match self.m.actors.get(a) {
                Some(actor) => self
                    .words_of(Item::Actor(actor))
                    .title(Item::Actor(actor))
                    .owned(),
                None => return title.owned(),
            },
            (Some(Ref::Withheld), _) => (self.locale.text("link.withheld"), None),
            (None, Some(a)) => w
                .word(|x: &StatementWords| x.attributed_to.as_deref(), a.as_str())
                .owned(),
            (None, None) => return title.owned(),
        };
        (format!("{}, {}", who.0, self.date(s.date).text), who.1)
    }

    /// The words of the item `kind`/`id` (the originals' if the model has no such item).
    pub(crate) fn words_of_id(&self, kind: crate::model::Kind, id: &str) -> ItemWords<'m> {
        self.m
            .item(kind, id)
            .map_or(ItemWords::Original, |x| self.words_of(x))
    }
}
