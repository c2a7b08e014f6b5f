//! The site's own words (title, subtitle, description) in a translation language,
//! from `content/site.<lang>.yaml`; each falls back to site.yaml's.

use super::{Freshness, Lang, Prose, SiteSettings};
use std::path::PathBuf;

/// The site's words in one language.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SiteWords {
    /// Title.
    pub title: Option<String>,
    /// Subtitle.
    pub subtitle: Option<String>,
    /// Description, rendered.
    pub description_html: Option<Prose>,
}

/// The translation of the site's words into one language.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteTranslation {
    /// The file, relative to the site root.
    pub file: PathBuf,
    /// Whether it was made from site.yaml's current words.
    pub freshness: Freshness,
    /// The words it gives.
    pub words: SiteWords,
}

impl SiteSettings {
    /// The site's words in `lang`: each the translation's if it gives it, else the
    /// original's.
    pub fn words_in(&self, lang: &Lang) -> SiteWords {
        let t = self.translations.get(lang).map(|t| &t.words);
        let pick = |f: fn(&SiteWords) -> Option<&String>, original: Option<&String>| {
            t.and_then(f).or(original).cloned()
        };
        SiteWords {
            title: pick(|w| w.title.as_ref(), Some(&self.title)),
            subtitle: pick(|w| w.subtitle.as_ref(), self.subtitle.as_ref()),
            description_html: t
                .and_then(|w| w.description_html.clone())
                .or_else(|| self.description_html.clone()),
        }
    }
}
