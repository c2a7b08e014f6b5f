//! Language tags: the languages a site declares, each a BCP 47 tag whose primary
//! subtag is an ISO 639 language code (`en`, `uk`, `fr`, `pt-BR`, `sr-Latn`).

use codes::{COUNTRY_NOT_LANGUAGE, ISO_639_1, OWN_NAMES};
use std::fmt;

mod codes;

/// A checked language tag in canonical case (`en`, `pt-BR`, `sr-Latn`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Lang(String);

/// Why a text is not a language tag, with the tag it probably meant.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{given}` is not a language tag: {why}")]
pub struct LangError {
    /// The text as written.
    pub given: String,
    /// What is wrong with it.
    pub why: String,
    /// The tag it probably meant, if one is plausible.
    pub suggestion: Option<String>,
}

impl Lang {
    /// The tag as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Its primary subtag, e.g. `pt` for `pt-BR`.
    pub fn primary(&self) -> &str {
        self.0.split('-').next().unwrap_or(&self.0)
    }

    /// The English name of its primary language, if it is a two-letter code.
    pub fn name(&self) -> Option<&'static str> {
        ISO_639_1
            .iter()
            .find(|(c, _)| *c == self.primary())
            .map(|(_, n)| *n)
    }

    /// The language's own name, as its speakers write it (`English`, `українська`,
    /// `français`), else its English name, else the tag itself.
    pub fn own_name(&self) -> &str {
        OWN_NAMES
            .iter()
            .find(|(_, c)| *c == self.primary())
            .map(|(n, _)| *n)
            .or_else(|| self.name())
            .unwrap_or(&self.0)
    }

    /// Reads a tag: a primary language subtag (an ISO 639-1 code of two letters, or an
    /// ISO 639-2/3 code of three), then optionally a script (`Latn`) and a region (`BR`,
    /// `419`). Tags are case-insensitive; the canonical case is kept.
    pub fn parse(text: &str) -> Result<Lang, LangError> {
        let fail = |why: &str, suggestion: Option<String>| LangError {
            given: text.to_string(),
            why: why.to_string(),
            suggestion,
        };
        let t = text.trim();
        // Only names longer than a code: `ewe`, `lao`, `twi` are ISO 639-2 codes too.
        if let Some(code) = by_name(t).filter(|_| t.chars().count() > 3) {
            return Err(fail("write the code, not the name", Some(code.to_string())));
        }
        if t.contains('_') {
            let fixed = t.replace('_', "-");
            let suggestion = Lang::parse(&fixed).ok().map(|l| l.0);
            return Err(fail("subtags are separated by `-`", suggestion));
        }
        let mut parts = t.split('-');
        let primary = parts.next().unwrap_or("").to_ascii_lowercase();
        let mut out = primary.clone();
        match primary.len() {
            2 if ISO_639_1.iter().any(|(c, _)| *c == primary) => {}
            2 => {
                let suggestion = COUNTRY_NOT_LANGUAGE
                    .iter()
                    .find(|(country, _)| *country == primary)
                    .map(|(_, lang)| lang.to_string());
                let why = match &suggestion {
                    Some(_) => {
                        format!("`{primary}` is a country code, not an ISO 639-1 language code")
                    }
                    None => format!("`{primary}` is not an ISO 639-1 language code"),
                };
                return Err(fail(&why, suggestion));
            }
            3 if primary.bytes().all(|b| b.is_ascii_lowercase()) => {}
            _ => {
                return Err(fail(
                    "a tag starts with a language code of two or three letters",
                    None,
                ));
            }
        }
        let mut seen_region = false;
        let mut seen_script = false;
        for p in parts {
            let alpha = p.bytes().all(|b| b.is_ascii_alphabetic());
            if p.len() == 4 && alpha && !seen_script && !seen_region {
                seen_script = true;
                let mut s = p.to_ascii_lowercase();
                s[..1].make_ascii_uppercase();
                out.push('-');
                out.push_str(&s);
            } else if ((p.len() == 2 && alpha)
                || (p.len() == 3 && p.bytes().all(|b| b.is_ascii_digit())))
                && !seen_region
            {
                seen_region = true;
                out.push('-');
                out.push_str(&p.to_ascii_uppercase());
            } else {
                return Err(fail(
                    &format!("`{p}` is neither a script (`Latn`) nor a region (`BR`, `419`)"),
                    Some(primary.clone()),
                ));
            }
        }
        Ok(Lang(out))
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Written as its tag (`"uk"`), as templates and exports show it.
impl serde::Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl std::str::FromStr for Lang {
    type Err = LangError;
    fn from_str(s: &str) -> Result<Lang, LangError> {
        Lang::parse(s)
    }
}

/// The languages of a site: the first is the default, the language of the originals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Languages {
    default: Lang,
    others: Vec<Lang>,
}

impl Languages {
    /// `default` alone.
    pub fn one(default: Lang) -> Languages {
        Languages {
            default,
            others: Vec::new(),
        }
    }

    /// `default`, then the translation languages (duplicates of earlier ones dropped).
    pub fn new(default: Lang, others: impl IntoIterator<Item = Lang>) -> Languages {
        let mut out = Languages::one(default);
        for l in others {
            if !out.contains(&l) {
                out.others.push(l);
            }
        }
        out
    }

    /// The language of the originals.
    pub fn default_lang(&self) -> &Lang {
        &self.default
    }

    /// The languages items may be translated into, in the order declared.
    pub fn translations(&self) -> &[Lang] {
        &self.others
    }

    /// Every language, the default first.
    pub fn all(&self) -> impl Iterator<Item = &Lang> {
        std::iter::once(&self.default).chain(&self.others)
    }

    /// True if `lang` is declared (the default included).
    pub fn contains(&self, lang: &Lang) -> bool {
        self.all().any(|l| l == lang)
    }

    /// True if items may be translated into `lang`.
    pub fn is_translation(&self, lang: &Lang) -> bool {
        self.others.contains(lang)
    }
}

impl Default for Languages {
    fn default() -> Self {
        Languages::one(Lang("en".into()))
    }
}

/// The code of a language written by its English or own name (`English`, `українська`).
fn by_name(t: &str) -> Option<&'static str> {
    let lower = t.to_lowercase();
    ISO_639_1
        .iter()
        .find(|(_, n)| n.to_lowercase() == lower)
        .map(|(c, _)| *c)
        .or_else(|| OWN_NAMES.iter().find(|(n, _)| *n == lower).map(|(_, c)| *c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_checked_and_canonical() {
        assert_eq!(Lang::parse("uk").unwrap().as_str(), "uk");
        assert_eq!(Lang::parse("pt-br").unwrap().as_str(), "pt-BR");
        assert_eq!(Lang::parse("SR-latn").unwrap().as_str(), "sr-Latn");
        assert_eq!(Lang::parse("es-419").unwrap().as_str(), "es-419");
        assert_eq!(Lang::parse("fil").unwrap().as_str(), "fil");
        assert_eq!(Lang::parse("ewe").unwrap().as_str(), "ewe");
        let e = Lang::parse("ua").unwrap_err();
        assert_eq!(e.suggestion.as_deref(), Some("uk"));
        assert!(e.why.contains("country code"), "{e}");
        assert_eq!(
            Lang::parse("Ukrainian").unwrap_err().suggestion.as_deref(),
            Some("uk")
        );
        assert_eq!(
            Lang::parse("français").unwrap_err().suggestion.as_deref(),
            Some("fr")
        );
        assert_eq!(
            Lang::parse("en_GB").unwrap_err().suggestion.as_deref(),
            Some("en-GB")
        );
        assert!(Lang::parse("xx").is_err() && Lang::parse("").is_err());
        assert!(Lang::parse("en-toolong").is_err());
    }

    #[test]
    fn the_first_language_is_the_default() {
        let l = |s| Lang::parse(s).unwrap();
        let ls = Languages::new(l("en"), [l("uk"), l("en"), l("uk"), l("fr")]);
        assert_eq!(ls.default_lang(), &l("en"));
        assert_eq!(ls.translations(), &[l("uk"), l("fr")]);
        assert!(ls.is_translation(&l("uk")) && !ls.is_translation(&l("en")));
        assert_eq!(l("en").own_name(), "English");
        assert_eq!(l("uk").own_name(), "українська");
        assert_eq!(l("fr-CA").own_name(), "français");
    }
}
