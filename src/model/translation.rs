//! Translations of items: for each item and each declared language, the words a
//! translation file gives (`paris-summit.uk.md` beside `paris-summit.md`). Facts
//! (dates, statuses, references, markings, grades, amounts) are only ever the original's.
//!
//! An item's words in a language are its translation's where it gives them, else the
//! original's, marked as such ([`Word`]); a whole item is [`InLanguage::Translated`] or
//! [`InLanguage::Untranslated`].

use super::{Kind, Lang, Prose};
use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

/// The revision of an original's words: a short hash of every word field as written
/// (not of its facts, so correcting a date does not make its translations stale).
/// `briefing check --translations` and `briefing new --lang` print it; a translation
/// records the one it was made from in `translated_from`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Revision(String);

impl Revision {
    /// The revision of `words`: (field, text) pairs, in a fixed order.
    pub fn of<'a>(words: impl IntoIterator<Item = (&'a str, &'a str)>) -> Revision {
        // FNV-1a, 64 bits: stable across platforms and releases, no dependency.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let mut eat = |bytes: &[u8]| {
            for b in bytes {
                h ^= u64::from(*b);
                h = h.wrapping_mul(0x0000_0100_0000_01b3);
            }
        };
        for (field, text) in words {
            eat(field.as_bytes());
            eat(&[0]);
            eat(text.trim().as_bytes());
            eat(&[0]);
        }
        Revision(format!("{:08x}", h >> 32))
    }

    /// A revision as written in `translated_from`.
    pub fn written(text: &str) -> Revision {
        Revision(text.trim().to_string())
    }

    /// The revision as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Revision {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Whether a translation was made from the original's current words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Freshness {
    /// `translated_from` is the original's current revision.
    Current,
    /// The original's words changed since: `translated_from` is an older revision.
    Stale {
        /// The revision the translation says it was made from.
        from: Revision,
        /// The original's revision now.
        now: Revision,
    },
    /// The translation gives no `translated_from`: it cannot be told current.
    Unknown {
        /// The original's revision now.
        now: Revision,
    },
}

/// One item's translation into one language.
#[derive(Debug, Clone, PartialEq)]
pub struct Translation {
    /// The language.
    pub lang: Lang,
    /// The translation file, relative to the site root.
    pub file: PathBuf,
    /// Whether it was made from the original's current words.
    pub freshness: Freshness,
    /// Who translated what, e.g. that quotes are the briefing's own translation.
    pub note: Option<String>,
    /// The words it gives.
    pub words: Words,
}

/// The words a translation gives, by kind; each `None` falls back to the original.
#[derive(Debug, Clone, PartialEq)]
pub enum Words {
    /// An actor's.
    Actor(ActorWords),
    /// A source's.
    Source(SourceWords),
    /// A meeting's.
    Meeting(MeetingWords),
    /// A statement's.
    Statement(StatementWords),
    /// A guarantee component's.
    Guarantee(GuaranteeWords),
    /// A round's.
    Round(RoundWords),
    /// A negotiating text's.
    Document(DocumentWords),
}

/// An actor's words.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActorWords {
    /// Display name.
    pub name: Option<String>,
    /// Office or function.
    pub role: Option<String>,
    /// Other names in the language (added to the original's, which stay searchable).
    pub aliases: Vec<String>,
    /// Description, rendered.
    pub description_html: Option<Prose>,
}

/// A source's words.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SourceWords {
    /// Display name.
    pub name: Option<String>,
    /// Description, rendered.
    pub description_html: Option<Prose>,
}

/// A meeting's words.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MeetingWords {
    /// Title.
    pub title: Option<String>,
    /// Place.
    pub location: Option<String>,
    /// Agenda or readout, rendered.
    pub body_html: Option<Prose>,
}

/// A statement's words.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StatementWords {
    /// Title.
    pub title: Option<String>,
    /// Anonymous attribution.
    pub attributed_to: Option<String>,
    /// What was said, rendered.
    pub body_html: Option<Prose>,
}

/// A contribution's words.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ContributionWords {
    /// What is committed.
    pub commitment: Option<String>,
    /// The note on the current status.
    pub note: Option<String>,
    /// Caveats (all of them, replacing the original's).
    pub conditions: Option<Vec<String>>,
}

/// A guarantee component's words.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GuaranteeWords {
    /// Title.
    pub title: Option<String>,
    /// One-line summary.
    pub summary: Option<String>,
    /// Description, rendered.
    pub body_html: Option<Prose>,
    /// Each contribution's words, by its `place` among the component's contributions
    /// (an audience build renumbers them as it renumbers the contributions, and drops
    /// those of the contributions it withholds).
    pub contributions: BTreeMap<usize, ContributionWords>,
}

/// A round's words.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RoundWords {
    /// Title.
    pub title: Option<String>,
    /// Bottom line, rendered.
    pub summary_html: Option<Prose>,
}

/// A provision's words.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProvisionWords {
    /// The number or label the text gives it.
    pub label: Option<String>,
    /// What it provides.
    pub title: Option<String>,
    /// One line.
    pub summary: Option<String>,
}

/// A negotiating text's words.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DocumentWords {
    /// Title.
    pub title: Option<String>,
    /// Description, rendered.
    pub body_html: Option<Prose>,
    /// Provisions' words, by provision id.
    pub provisions: BTreeMap<String, ProvisionWords>,
}

/// The words of one kind, found in a translation's [`Words`].
pub trait KindWords {
    /// `words` if they are of this kind.
    fn of(words: &Words) -> Option<&Self>;
}

macro_rules! kind_words {
    ($($variant:ident => $ty:ty),*) => {$(
        impl KindWords for $ty {
            fn of(words: &Words) -> Option<&Self> {
                match words {
                    Words::$variant(w) => Some(w),
                    _ => None,
                }
            }
        }
    )*};
}

kind_words!(
    Actor => ActorWords,
    Source => SourceWords,
    Meeting => MeetingWords,
    Statement => StatementWords,
    Guarantee => GuaranteeWords,
    Round => RoundWords,
    Document => DocumentWords
);

/// An item in one language: translated, or shown in its original language.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum InLanguage<'m> {
    /// It has a translation into the language.
    Translated(&'m Translation),
    /// It has none: its words are the original's, in this language.
    Untranslated(&'m Lang),
}

/// One word field in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word<'a, T: ?Sized> {
    /// The translation's.
    Translated(&'a T),
    /// The original's, in the original language (the translation does not give it).
    Untranslated(&'a T, &'a Lang),
}

impl<'a, T: ?Sized> Word<'a, T> {
    /// `translated` if given, else `original` in `original_lang`.
    pub fn pick(translated: Option<&'a T>, original: &'a T, original_lang: &'a Lang) -> Self {
        match translated {
            Some(t) => Word::Translated(t),
            None => Word::Untranslated(original, original_lang),
        }
    }

    /// The text, whichever language it is in.
    pub fn value(self) -> &'a T {
        match self {
            Word::Translated(t) | Word::Untranslated(t, _) => t,
        }
    }
}

/// One kind's translations: by item id, then language.
type OfKind = BTreeMap<String, BTreeMap<Lang, Translation>>;

/// Every item's translations, by kind, id and language. Shared, not copied, by the
/// models made as of earlier days (one per round's frozen views); a change (an
/// audience build's) copies them once.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Translations {
    by_kind: Arc<BTreeMap<Kind, OfKind>>,
}

impl Translations {
    /// Adds `t` as the translation of `kind`/`id` into its language.
    pub fn insert(&mut self, kind: Kind, id: &str, t: Translation) {
        Arc::make_mut(&mut self.by_kind)
            .entry(kind)
            .or_default()
            .entry(id.to_string())
            .or_default()
            .insert(t.lang.clone(), t);
    }

    /// The translation of `kind`/`id` into `lang`, if there is one.
    pub fn get(&self, kind: Kind, id: &str, lang: &Lang) -> Option<&Translation> {
        self.by_kind.get(&kind)?.get(id)?.get(lang)
    }

    /// Every translation of `kind`/`id`, by language.
    pub fn of(&self, kind: Kind, id: &str) -> impl Iterator<Item = &Translation> {
        self.by_kind
            .get(&kind)
            .and_then(|m| m.get(id))
            .into_iter()
            .flat_map(|m| m.values())
    }

    /// The item `kind`/`id` in `lang`: its translation, or its original's language.
    pub fn in_language<'m>(
        &'m self,
        kind: Kind,
        id: &str,
        lang: &Lang,
        original: &'m Lang,
    ) -> InLanguage<'m> {
        match self.get(kind, id, lang) {
            Some(t) => InLanguage::Translated(t),
            None => InLanguage::Untranslated(original),
        }
    }

    /// Every translation, with its item's kind and id.
    pub fn iter(&self) -> impl Iterator<Item = (Kind, &str, &Translation)> {
        self.by_kind.iter().flat_map(|(k, m)| {
            m.iter()
                .flat_map(move |(id, ts)| ts.values().map(move |t| (*k, id.as_str(), t)))
        })
    }

    /// Keeps only the translations of the items `keep` accepts, and lets `edit` adjust
    /// each one kept (an audience build drops the words of withheld parts).
    pub fn retain(
        &mut self,
        mut keep: impl FnMut(Kind, &str) -> bool,
        mut edit: impl FnMut(Kind, &str, &mut Translation),
    ) {
        for (k, m) in Arc::make_mut(&mut self.by_kind).iter_mut() {
            m.retain(|id, ts| {
                let kept = keep(*k, id);
                if kept {
                    ts.values_mut().for_each(|t| edit(*k, id, t));
                }
                kept
            });
        }
    }

    /// True if no item has a translation.
    pub fn is_empty(&self) -> bool {
        self.by_kind.values().all(BTreeMap::is_empty)
    }
}

impl Words {
    /// The translated title, or an actor's or a source's name, if given.
    pub fn title(&self) -> Option<&str> {
        match self {
            Words::Actor(w) => w.name.as_deref(),
            Words::Source(w) => w.name.as_deref(),
            Words::Meeting(w) => w.title.as_deref(),
            Words::Statement(w) => w.title.as_deref(),
            Words::Guarantee(w) => w.title.as_deref(),
            Words::Round(w) => w.title.as_deref(),
            Words::Document(w) => w.title.as_deref(),
        }
    }
}

impl super::Model {
    /// The item in `lang`: its translation, or [`InLanguage::Untranslated`] in the
    /// default language (also for the default language itself, whose words are the
    /// originals).
    pub fn in_language(&self, item: super::Item<'_>, lang: &Lang) -> InLanguage<'_> {
        let original = self.site.languages.default_lang();
        self.translations
            .in_language(item.kind(), &item.meta().id, lang, original)
    }

    /// The item's title (an actor's or a source's name) in `lang`, or the original's.
    pub fn title_in<'m>(&'m self, item: super::Item<'m>, lang: &Lang) -> Word<'m, str> {
        let translated = match self.in_language(item, lang) {
            InLanguage::Translated(t) => t.words.title(),
            InLanguage::Untranslated(_) => None,
        };
        Word::pick(translated, item.title(), self.site.languages.default_lang())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn revisions_follow_the_words_only() {
        let a = Revision::of([("title", "Paris summit"), ("body", "Text\n")]);
        assert_eq!(
            a,
            Revision::of([("title", " Paris summit"), ("body", "Text")])
        );
        assert_ne!(
            a,
            Revision::of([("title", "Paris summit"), ("body", "Text.")])
        );
        assert_eq!(a.as_str().len(), 8);
        // Fixed across releases: a change here makes every translation stale.
        assert_eq!(
            Revision::of([("title", "x")]).as_str(),
            Revision::of([("title", "x")]).as_str()
        );
    }

    #[test]
    fn an_item_without_translation_falls_back_to_the_original_language() {
        let en = Lang::parse("en").unwrap();
        let uk = Lang::parse("uk").unwrap();
        let mut ts = Translations::default();
        ts.insert(
            Kind::Rounds,
            "r",
            Translation {
                lang: uk.clone(),
                file: "content/rounds/r.uk.yaml".into(),
                freshness: Freshness::Current,
                note: None,
                words: Words::Round(RoundWords {
                    title: Some("Раунд".into()),
                    summary_html: None,
                }),
            },
        );
        assert!(matches!(
            ts.in_language(Kind::Rounds, "r", &uk, &en),
            InLanguage::Translated(t) if t.lang == uk
        ));
        assert_eq!(
            ts.in_language(Kind::Rounds, "other", &uk, &en),
            InLanguage::Untranslated(&en)
        );
        assert_eq!(
            Word::pick(Some("Раунд"), "Round", &en),
            Word::Translated("Раунд")
        );
        assert_eq!(
            Word::pick(None, "Round", &en),
            Word::Untranslated("Round", &en)
        );
    }
}
