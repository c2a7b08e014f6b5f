//! Items' translations as `data/briefing.json` has them: for each item that has any, its
//! translations' words by language code. Only word fields, and only those a translation
//! gives: every fact (dates, statuses, references, markings) is the original's, in the
//! item itself.
//!
//! The model they come from is the audience's: a withheld item has no translation left,
//! and a kept one has lost the words of its withheld contributions and provisions and
//! its links to withheld items (`audience::restrict`).

use crate::markdown::Prose;
use crate::model::translation::{ContributionWords, ProvisionWords};
use crate::model::{Freshness, Kind, Model, Translation, Words};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use std::collections::BTreeMap;

/// The translations of one item, by language code (a JSON object).
pub(super) struct ItemTranslations<'a> {
    m: &'a Model,
    kind: Kind,
    id: &'a str,
}

impl<'a> ItemTranslations<'a> {
    /// The translations of `kind`/`id`, if it has any.
    pub(super) fn of(m: &'a Model, kind: Kind, id: &'a str) -> Option<Self> {
        m.translations
            .of(kind, id)
            .next()
            .is_some()
            .then_some(ItemTranslations { m, kind, id })
    }
}

impl Serialize for ItemTranslations<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        for t in self.m.translations.of(self.kind, self.id) {
            map.serialize_entry(t.lang.as_str(), &entry(self.m, self.id, t))?;
        }
        map.end()
    }
}

/// How current a translation is, as the export writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
enum Fresh {
    /// Made from the original's current words.
    Current,
    /// The original's words changed since.
    Stale,
    /// The translation does not say what it was made from.
    Unknown,
}

impl From<&Freshness> for Fresh {
    fn from(f: &Freshness) -> Self {
        match f {
            Freshness::Current => Fresh::Current,
            Freshness::Stale { .. } => Fresh::Stale,
            Freshness::Unknown { .. } => Fresh::Unknown,
        }
    }
}

/// One translation: the word fields it gives, named as in the item's view (an actor's
/// or a source's name is its `title`), plus how current it is and the translator's note.
/// Fields in sorted order, as written.
#[derive(Debug, Serialize)]
struct Entry<'a> {
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    aliases: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    attributed_to: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    body_html: Option<&'a Prose>,
    /// By the contribution's `anchor`.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    contributions: BTreeMap<String, ContributionEntry<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description_html: Option<&'a Prose>,
    /// Only in the full (TLP:RED) edition: a revision covers every word of the
    /// original, so in an edition that withholds part of an item, "stale" could tell
    /// that withheld words changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    fresh: Option<Fresh>,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    /// By provision id.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    provisions: BTreeMap<&'a str, ProvisionEntry<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary_html: Option<&'a Prose>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
}

/// A contribution's words.
#[derive(Debug, Serialize)]
struct ContributionEntry<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    commitment: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    conditions: Option<&'a [String]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

impl<'a> From<&'a ContributionWords> for ContributionEntry<'a> {
    fn from(w: &'a ContributionWords) -> Self {
        ContributionEntry {
            commitment: w.commitment.as_deref(),
            conditions: w.conditions.as_deref(),
            note: w.note.as_deref(),
        }
    }
}

/// A provision's words.
#[derive(Debug, Serialize)]
struct ProvisionEntry<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
}

impl<'a> From<&'a ProvisionWords> for ProvisionEntry<'a> {
    fn from(w: &'a ProvisionWords) -> Self {
        ProvisionEntry {
            label: w.label.as_deref(),
            summary: w.summary.as_deref(),
            title: w.title.as_deref(),
        }
    }
}

/// The entry of `t`, a translation of the item `id`.
fn entry<'a>(m: &'a Model, id: &str, t: &'a Translation) -> Entry<'a> {
    let mut e = Entry {
        aliases: &[],
        attributed_to: None,
        body_html: None,
        contributions: BTreeMap::new(),
        description_html: None,
        fresh: (m.site.audience == crate::model::Tlp::Red).then(|| Fresh::from(&t.freshness)),
        location: None,
        note: t.note.as_deref(),
        provisions: BTreeMap::new(),
        role: None,
        summary: None,
        summary_html: None,
        title: None,
    };
    match &t.words {
        Words::Actor(w) => {
            e.title = w.name.as_deref();
            e.role = w.role.as_deref();
            e.aliases = &w.aliases;
            e.description_html = w.description_html.as_ref();
        }
        Words::Source(w) => {
            e.title = w.name.as_deref();
            e.description_html = w.description_html.as_ref();
        }
        Words::Meeting(w) => {
            e.title = w.title.as_deref();
            e.location = w.location.as_deref();
            e.body_html = w.body_html.as_ref();
        }
        Words::Statement(w) => {
            e.title = w.title.as_deref();
            e.attributed_to = w.attributed_to.as_deref();
            e.body_html = w.body_html.as_ref();
        }
        Words::Guarantee(w) => {
            e.title = w.title.as_deref();
            e.summary = w.summary.as_deref();
            e.body_html = w.body_html.as_ref();
            // Keyed as the item's contributions are anchored; words of a place the
            // component does not have (never, once validated) are left out.
            let contributions = m.guarantees.get(id).map_or(&[][..], |g| &g.contributions);
            e.contributions = w
                .contributions
                .iter()
                .filter_map(|(place, words)| {
                    let c = contributions.get(*place)?;
                    Some((crate::routes::contribution_anchor(c), words.into()))
                })
                .collect();
        }
        Words::Round(w) => {
            e.title = w.title.as_deref();
            e.summary_html = w.summary_html.as_ref();
        }
        Words::Document(w) => {
            e.title = w.title.as_deref();
            e.body_html = w.body_html.as_ref();
            e.provisions = w
                .provisions
                .iter()
                .map(|(id, words)| (id.as_str(), words.into()))
                .collect();
        }
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bilingual fixture's translations, as the export writes them.
    fn bilingual() -> crate::Site {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        crate::Site::load(&root.join("tests/fixtures/bilingual")).expect("the fixture loads")
    }

    fn json(m: &Model, kind: Kind, id: &str) -> serde_json::Value {
        serde_json::to_value(ItemTranslations::of(m, kind, id).expect("translated")).unwrap()
    }

    #[test]
    fn words_are_written_by_language_with_their_freshness() {
        let site = bilingual();
        // Freshness is written in the full edition only.
        assert_eq!(
            json(&site.model, Kind::Guarantees, "financial")["uk"].get("fresh"),
            None
        );
        let mut full = site.model.clone();
        full.site.audience = crate::model::Tlp::Red;
        let m = &full;
        assert!(ItemTranslations::of(m, Kind::Actors, "ukraine").is_none());
        let g = json(m, Kind::Guarantees, "financial");
        let uk = &g["uk"];
        assert_eq!(uk["title"], "Фінансові зобов’язання");
        assert_eq!(uk["summary"], "Кошти на оборону України.");
        assert_eq!(uk["fresh"], "current");
        assert_eq!(
            uk["contributions"]["contribution-1"]["conditions"],
            serde_json::json!(["за умови схвалення парламентом"])
        );
        // Links in prose are relative to the site root, as in the item's own fields.
        let body = uk["body_html"].as_str().unwrap();
        assert!(
            body.contains("href=\"meetings/paris-summit.html\""),
            "{body}"
        );
        // Only word fields: no fact, no field the translation leaves to the original.
        let keys: Vec<&str> = uk.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            ["body_html", "contributions", "fresh", "summary", "title"]
        );
    }

    #[test]
    fn an_audience_keeps_the_words_of_what_it_sees_only() {
        let site = bilingual();
        let full = json(&site.model, Kind::Guarantees, "financial");
        assert!(full["uk"]["contributions"]["contribution-2"].is_object());
        let (clear, _) = site.for_audience(crate::model::Tlp::Clear);
        let m = &clear.model;
        assert!(ItemTranslations::of(m, Kind::Meetings, "secret-talks").is_none());
        let g = json(m, Kind::Guarantees, "financial");
        let anchors: Vec<&String> = g["uk"]["contributions"]
            .as_object()
            .unwrap()
            .keys()
            .collect();
        assert_eq!(anchors, ["contribution-1"]);
    }
}
