//! The interface's words in the site's language: message catalogs, plural rules, and
//! dates and numbers written the language's way.
//!
//! briefing ships a catalog per language (templates/i18n/en.yaml, uk.yaml, fr.yaml, in
//! the binary). A site may add or override messages with its own catalog,
//! `i18n/<language>.yaml` at its root (beside `content/` and `templates/`). A message resolves from the site's catalog,
//! then the shipped one of its language, then English; `check` warns about every
//! message that ends up in English in another language. A [`Locale`] is the result:
//! what a render is given, with the language's plural rule, date words and number marks.

pub mod catalog;
pub mod format;
pub mod plural;

use crate::diagnostics::{Code, Diagnostic};
use catalog::{Catalog, Message};
use format::{Dates, Numbers};
use plural::Rule;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

/// The shipped catalogs, by language tag.
pub const SHIPPED: &[(&str, &str)] = &[
    ("en", include_str!("../../templates/i18n/en.yaml")),
    ("fr", include_str!("../../templates/i18n/fr.yaml")),
    ("uk", include_str!("../../templates/i18n/uk.yaml")),
];

/// Where a site's own catalogs are, relative to its root.
pub const SITE_DIR: &str = "i18n";

/// The interface of one language, resolved: every message (the English ones filling the
/// gaps), its plural rule, its way with dates and numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct Locale {
    tag: String,
    rule: Rule,
    messages: BTreeMap<String, Message>,
    dates: Dates,
    numbers: Numbers,
}

/// A locale and the warnings its catalogs gave.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The locale.
    pub locale: Locale,
    /// Messages that fell back to English, forms missing: `check` prints them.
    pub warnings: Vec<Diagnostic>,
}

static ENGLISH: LazyLock<Arc<Locale>> = LazyLock::new(|| {
    let en = shipped("en").expect("the English catalog is shipped");
    Arc::new(Locale::from_messages("en", flat(&en)))
});

/// The shipped English interface (what exports and English pages use).
pub fn english() -> &'static Locale {
    &ENGLISH
}

/// The shipped English interface, shared.
pub fn english_shared() -> Arc<Locale> {
    ENGLISH.clone()
}

/// The shipped catalog of `tag` (or of its base language: `fr` for `fr-CA`), parsed.
fn shipped(tag: &str) -> Option<Catalog> {
    let base = tag.split('-').next().unwrap_or(tag);
    let (name, text) = SHIPPED
        .iter()
        .find(|(t, _)| *t == tag)
        .or_else(|| SHIPPED.iter().find(|(t, _)| *t == base))?;
    let file = PathBuf::from(format!("(built-in catalog) {name}.yaml"));
    // Shipped catalogs are tested to parse (tests::shipped_catalogs_are_complete).
    Catalog::parse(text, &file).ok()
}

fn flat(c: &Catalog) -> BTreeMap<String, Message> {
    c.entries
        .iter()
        .map(|(k, e)| (k.clone(), e.message.clone()))
        .collect()
}

/// The interface for language `tag` of the site at `root`: the site's catalog
/// (`i18n/<tag>.yaml`) over the shipped one over English. A language with neither a
/// shipped nor a site catalog is an error at site.yaml's `language`.
pub fn load(root: &Path, tag: &str) -> Result<Loaded, Vec<Diagnostic>> {
    let rel = Path::new(SITE_DIR).join(format!("{tag}.yaml"));
    let own = match std::fs::read_to_string(root.join(&rel)) {
        Ok(text) => Some(Catalog::parse(&text, &rel)?),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            return Err(vec![
                Diagnostic::error(Code::Unreadable, format!("cannot read catalog: {e}"))
                    .in_whole_file(rel),
            ]);
        }
    };
    let theirs = shipped(tag);
    if own.is_none() && theirs.is_none() {
        return Err(vec![unknown_language(root, tag)]);
    }
    let english = english();
    let mut messages = english.messages.clone();
    let mut from_english: Vec<&str> = english.messages.keys().map(String::as_str).collect();
    let mut warnings = Vec::new();
    let mut problems = Vec::new();
    let rule = Rule::of(tag);
    for c in theirs.iter().chain(own.iter()) {
        for (key, e) in &c.entries {
            if let Some(en) = english.messages.get(key) {
                let allowed = en.placeholders();
                if let Some(bad) = e
                    .message
                    .placeholders()
                    .into_iter()
                    .find(|p| !allowed.contains(p))
                {
                    problems.push(
                        Diagnostic::error(
                            Code::BadCatalog,
                            format!("message `{key}` uses `{{{bad}}}`, which it is not given"),
                        )
                        .in_file(c.file.clone())
                        .at(e.pos)
                        .help(if allowed.is_empty() {
                            "this message takes no placeholders".to_string()
                        } else {
                            format!(
                                "this message is given {}",
                                allowed
                                    .iter()
                                    .map(|p| format!("`{{{p}}}`"))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            )
                        }),
                    );
                }
                if let (Message::Plural(_), Message::Plural(forms)) = (en, &e.message) {
                    let missing: Vec<&str> = rule
                        .categories()
                        .iter()
                        .filter(|cat| !forms.iter().any(|(f, _)| f == *cat))
                        .map(|cat| cat.as_str())
                        .collect();
                    if !missing.is_empty() {
                        warnings.push(
                            Diagnostic::warning(
                                Code::MissingMessage,
                                format!(
                                    "message `{key}` lacks the plural form{} `{}` that `{tag}` needs: `other` stands in",
                                    if missing.len() > 1 { "s" } else { "" },
                                    missing.join("`, `")
                                ),
                            )
                            .in_file(c.file.clone())
                            .at(e.pos),
                        );
                    }
                }
            }
            from_english.retain(|k| k != key);
            messages.insert(key.clone(), e.message.clone());
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let base = tag.split('-').next().unwrap_or(tag);
    if base != "en"
        && !from_english.is_empty()
        && let Some(c) = &own
    {
        let shown: Vec<String> = from_english
            .iter()
            .take(5)
            .map(|k| format!("`{k}`"))
            .collect();
        let more = from_english.len().saturating_sub(shown.len());
        warnings.push(
            Diagnostic::warning(
                Code::MissingMessage,
                format!(
                    "{} message{} missing from this catalog, shown in English: {}{}",
                    from_english.len(),
                    if from_english.len() > 1 {
                        "s are"
                    } else {
                        " is"
                    },
                    shown.join(", "),
                    if more > 0 {
                        format!(" and {more} more")
                    } else {
                        String::new()
                    }
                ),
            )
            .in_whole_file(c.file.clone())
            .help(
                "copy the keys from the English catalog (see docs/templates.md) and translate them",
            ),
        );
    }
    Ok(Loaded {
        locale: Locale::from_messages(tag, messages),
        warnings,
    })
}

/// The error for a language with no catalog, at site.yaml's `language`.
fn unknown_language(root: &Path, tag: &str) -> Diagnostic {
    #[derive(serde::Deserialize)]
    struct Language {
        language: Option<crate::yaml::Positioned<String>>,
    }
    let pos = std::fs::read_to_string(root.join("content/site.yaml"))
        .ok()
        .and_then(|t| serde_saphyr::from_str::<Language>(&t).ok())
        .and_then(|l| l.language)
        .and_then(|l| crate::yaml::pos(&l.referenced, 1));
    let shipped = SHIPPED.iter().map(|(t, _)| *t);
    let mut help = match crate::suggest::did_you_mean(tag, shipped) {
        Some(s) => format!("{s}; "),
        None => String::new(),
    };
    help.push_str(&format!(
        "briefing ships catalogs for {}; for another language write `{SITE_DIR}/{tag}.yaml` (see docs/templates.md)",
        SHIPPED
            .iter()
            .map(|(t, _)| format!("`{t}`"))
            .collect::<Vec<_>>()
            .join(", ")
    ));
    Diagnostic::error(
        Code::BadCatalog,
        format!("no interface catalog for language `{tag}`"),
    )
    .in_file("content/site.yaml")
    .at(pos)
    .help(help)
}

impl Locale {
    fn from_messages(tag: &str, messages: BTreeMap<String, Message>) -> Locale {
        Locale {
            tag: tag.to_string(),
            rule: Rule::of(tag),
            dates: Dates::from_messages(&messages),
            numbers: Numbers::from_messages(&messages),
            messages,
        }
    }

    /// The language tag: `uk`.
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// Its plural rule.
    pub fn rule(&self) -> Rule {
        self.rule
    }

    /// Every message, by key.
    pub fn messages(&self) -> &BTreeMap<String, Message> {
        &self.messages
    }

    /// The text of message `key` (for a plural message, its `other` form); the key
    /// itself if there is no such message.
    pub fn text(&self, key: &str) -> String {
        self.messages
            .get(key)
            .map_or_else(|| key.to_string(), |m| m.other().to_string())
    }

    /// Message `key` with each `{name}` replaced by its text in `args` (as plain text:
    /// for page titles and other words made outside templates).
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut out = self.text(key);
        for (name, value) in args {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }

    /// Plural message `key` in the form for `n`, its `{count}` written as the language
    /// writes numbers.
    pub fn count(&self, key: &str, n: usize) -> String {
        let form = self
            .messages
            .get(key)
            .map_or(key, |m| m.form(self.rule.category(n as f64)));
        form.replace("{count}", &self.numbers.format(n as f64))
    }

    /// Its date words.
    pub fn dates(&self) -> &Dates {
        &self.dates
    }

    /// Its number marks.
    pub fn numbers(&self) -> &Numbers {
        &self.numbers
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn shipped_catalogs_are_complete() {
        for (tag, text) in SHIPPED {
            Catalog::parse(text, Path::new(tag)).unwrap_or_else(|e| panic!("{e:?}"));
        }
        let en = english();
        for (tag, text) in SHIPPED {
            let c = Catalog::parse(text, Path::new(tag)).unwrap_or_else(|e| panic!("{e:?}"));
            let missing: Vec<&String> = en
                .messages
                .keys()
                .filter(|k| !c.entries.contains_key(*k))
                .collect();
            assert!(missing.is_empty(), "{tag} lacks {missing:?}");
            let extra: Vec<&String> = c
                .entries
                .keys()
                .filter(|k| !en.messages.contains_key(*k))
                .collect();
            assert!(extra.is_empty(), "{tag} has keys English lacks: {extra:?}");
            let dir = tempfile_dir();
            let loaded = load(&dir, tag).expect("shipped catalogs load");
            assert!(loaded.warnings.is_empty(), "{tag}: {:?}", loaded.warnings);
        }
    }

    fn tempfile_dir() -> PathBuf {
        std::env::temp_dir().join("briefing-i18n-no-site")
    }

    #[test]
    fn dates_in_each_language() {
        let d = |tag| load(&tempfile_dir(), tag).unwrap().locale;
        let (en, uk, fr) = (d("en"), d("uk"), d("fr"));
        assert_eq!(en.dates().long(date(2016, 12, 1)), "1 December 2016");
        assert_eq!(uk.dates().long(date(2016, 12, 1)), "1 грудня 2016");
        assert_eq!(uk.dates().month(date(2016, 12, 1)), "грудень 2016");
        assert_eq!(fr.dates().long(date(2016, 12, 1)), "1er décembre 2016");
        assert_eq!(fr.dates().long(date(2016, 12, 2)), "2 décembre 2016");
        assert_eq!(
            uk.dates().range(date(2026, 1, 30), Some(date(2026, 2, 2))),
            "30 січня \u{2013} 2 лютого 2026"
        );
        let approx = crate::dates::When::parse("~2024-02").unwrap();
        assert_eq!(en.dates().when(approx), "c. February 2024");
        assert_eq!(fr.numbers().format(87.5), "87,5");
        assert_eq!(fr.numbers().format(12345.0), "12\u{202f}345");
        assert_eq!(uk.numbers().format(1234.25), "1\u{a0}234,25");
        assert_eq!(en.numbers().format(12345.5), "12345.5");
    }

    #[test]
    fn site_catalogs_override_and_warn() {
        let dir = std::env::temp_dir().join(format!("briefing-i18n-{}", std::process::id()));
        std::fs::create_dir_all(dir.join(SITE_DIR)).unwrap();
        std::fs::write(dir.join("i18n/de.yaml"), "nav:\n  search: Suche\n").unwrap();
        std::fs::write(dir.join("i18n/uk.yaml"), "nav:\n  search: Знайти\n").unwrap();
        let de = load(&dir, "de").unwrap();
        assert_eq!(de.locale.text("nav.search"), "Suche");
        assert_eq!(
            de.locale.text("nav.timeline"),
            english().text("nav.timeline")
        );
        assert_eq!(de.warnings.len(), 1);
        assert_eq!(de.warnings[0].code, Code::MissingMessage);
        assert_eq!(
            de.warnings[0].file.as_deref(),
            Some(Path::new("i18n/de.yaml"))
        );
        let uk = load(&dir, "uk").unwrap();
        assert_eq!(uk.locale.text("nav.search"), "Знайти");
        assert_ne!(
            uk.locale.text("nav.timeline"),
            english().text("nav.timeline")
        );
        assert!(uk.warnings.is_empty());
        std::fs::write(
            dir.join("i18n/uk.yaml"),
            "nav:\n  search: \"{count} Знайти\"\n",
        )
        .unwrap();
        let ds = load(&dir, "uk").unwrap_err();
        assert_eq!(ds[0].pos.map(|p| p.line), Some(2));
        std::fs::create_dir_all(dir.join("content")).unwrap();
        std::fs::write(dir.join("content/site.yaml"), "title: x\nlanguage: ukr\n").unwrap();
        let ds = load(&dir, "ukr").unwrap_err();
        assert_eq!(ds[0].file.as_deref(), Some(Path::new("content/site.yaml")));
        assert_eq!(ds[0].pos.map(|p| p.line), Some(2));
        assert!(
            ds[0].help.as_deref().unwrap().contains("`uk`"),
            "{:?}",
            ds[0].help
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
