//! Open vocabularies: guarantee categories, meeting levels, source kinds and statement
//! kinds. Each has built-in words (`super::vocab`), and a site may add its own, each with
//! a label, under `vocabularies:` in site.yaml (a nuclear deal needs `enrichment`; a
//! negotiation at ambassador level needs `ambassadors`).

use super::vocab::{Category, DocumentKind, Level, SourceKind, StatementKind};
use std::collections::BTreeMap;

/// Which open vocabulary a word belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Vocabulary {
    /// Guarantee components' `category`.
    Categories,
    /// Meetings' and participants' `level`.
    Levels,
    /// Sources' `kind`.
    SourceKinds,
    /// Statements' `kind`.
    StatementKinds,
    /// Documents' `kind`.
    DocumentKinds,
}

impl Vocabulary {
    /// Every open vocabulary, in site.yaml order.
    pub const ALL: [Vocabulary; 5] = [
        Vocabulary::Categories,
        Vocabulary::Levels,
        Vocabulary::SourceKinds,
        Vocabulary::StatementKinds,
        Vocabulary::DocumentKinds,
    ];

    /// Its key under `vocabularies:` in site.yaml.
    pub fn key(self) -> &'static str {
        match self {
            Vocabulary::Categories => "categories",
            Vocabulary::Levels => "levels",
            Vocabulary::SourceKinds => "source_kinds",
            Vocabulary::StatementKinds => "statement_kinds",
            Vocabulary::DocumentKinds => "document_kinds",
        }
    }

    /// The built-in words.
    pub fn builtin(self) -> &'static [&'static str] {
        match self {
            Vocabulary::Categories => Category::ALL,
            Vocabulary::Levels => Level::ALL,
            Vocabulary::SourceKinds => SourceKind::ALL,
            Vocabulary::StatementKinds => StatementKind::ALL,
            Vocabulary::DocumentKinds => DocumentKind::ALL,
        }
    }
}

/// The words a site adds, with their labels, per vocabulary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Vocabularies {
    added: BTreeMap<Vocabulary, BTreeMap<String, String>>,
}

impl Vocabularies {
    /// Adds `word` with `label` to `vocabulary`.
    pub fn add(&mut self, vocabulary: Vocabulary, word: &str, label: &str) {
        self.added
            .entry(vocabulary)
            .or_default()
            .insert(word.to_string(), label.to_string());
    }

    /// The words the site added to `vocabulary`, with their labels, in word order.
    pub fn added(&self, vocabulary: Vocabulary) -> impl Iterator<Item = (&str, &str)> {
        self.added
            .get(&vocabulary)
            .into_iter()
            .flatten()
            .map(|(w, l)| (w.as_str(), l.as_str()))
    }

    /// Every allowed word of `vocabulary`: the built-in ones, then the site's.
    pub fn words(&self, vocabulary: Vocabulary) -> Vec<&str> {
        let mut all: Vec<&str> = vocabulary.builtin().to_vec();
        all.extend(self.added(vocabulary).map(|(w, _)| w));
        all
    }

    /// `word` as a term of `vocabulary`, if it is one.
    pub fn term(&self, vocabulary: Vocabulary, word: &str) -> Option<Term> {
        if let Some(label) = self.added.get(&vocabulary).and_then(|m| m.get(word)) {
            return Some(Term {
                word: word.to_string(),
                label: label.clone(),
            });
        }
        vocabulary
            .builtin()
            .contains(&word)
            .then(|| Term::builtin(word))
    }
}

/// A word of an open vocabulary and the label pages show for it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Term {
    word: String,
    label: String,
}

impl Term {
    /// A built-in word; its label is the word with spaces for hyphens
    /// (`chiefs-of-staff` reads "chiefs of staff").
    pub fn builtin(word: &str) -> Term {
        Term {
            word: word.to_string(),
            label: word.replace('-', " "),
        }
    }

    /// The word as written in YAML.
    pub fn as_str(&self) -> &str {
        &self.word
    }

    /// What pages show.
    pub fn label(&self) -> &str {
        &self.label
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_words_stay_and_the_site_adds_labelled_ones() {
        let mut v = Vocabularies::default();
        v.add(Vocabulary::Categories, "enrichment", "Enrichment limits");
        let t = v.term(Vocabulary::Categories, "enrichment").unwrap();
        assert_eq!((t.as_str(), t.label()), ("enrichment", "Enrichment limits"));
        let b = v.term(Vocabulary::Categories, "military-presence").unwrap();
        assert_eq!(b.label(), "military presence");
        assert!(v.term(Vocabulary::Levels, "enrichment").is_none());
        assert_eq!(v.words(Vocabulary::Categories).last(), Some(&"enrichment"));
    }
}
