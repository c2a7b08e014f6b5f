//! Translation status, per declared language: how many items are translated, which
//! lack a translation, and which translations are stale (`briefing check --translations`).

use crate::diagnostics::{Code, Diagnostic, Diagnostics, Pos};
use crate::model::{Freshness, Kind, Lang, Model};
use crate::raw::RawSite;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// One language's translation status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LanguageStatus {
    /// The language.
    pub language: String,
    /// Items in the briefing.
    pub items: usize,
    /// Items with a translation into the language (current or stale).
    pub translated: usize,
    /// Items without one, as `<kind folder>/<id>` with the original's file.
    pub missing: Vec<Missing>,
    /// Translations made from older words of their original, or not saying which.
    pub stale: Vec<Stale>,
}

/// An item without a translation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Missing {
    /// `<kind folder>/<id>`, e.g. `meetings/paris-summit`.
    pub item: String,
    /// The original's file.
    pub original: PathBuf,
}

/// A translation that may not match its original's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stale {
    /// The translation file.
    pub file: PathBuf,
    /// Its `translated_from`, if it gives one.
    pub translated_from: Option<String>,
    /// The original's current revision: what `translated_from` should say once the
    /// translation is brought up to date.
    pub now: String,
}

/// The status of every translation language of `m`, in the order declared.
pub fn status(m: &Model) -> Vec<LanguageStatus> {
    m.site
        .languages
        .translations()
        .iter()
        .map(|lang| one(m, lang))
        .collect()
}

fn one(m: &Model, lang: &Lang) -> LanguageStatus {
    let mut s = LanguageStatus {
        language: lang.to_string(),
        items: 0,
        translated: 0,
        missing: Vec::new(),
        stale: Vec::new(),
    };
    for kind in Kind::ALL {
        for x in m.items(kind) {
            let meta = x.meta();
            s.items += 1;
            let Some(t) = m.translations.get(kind, &meta.id, lang) else {
                s.missing.push(Missing {
                    item: format!("{}/{}", kind.dir(), meta.id),
                    original: meta.file.clone(),
                });
                continue;
            };
            s.translated += 1;
            let stale = |from: Option<String>, now: &crate::model::Revision| Stale {
                file: t.file.clone(),
                translated_from: from,
                now: now.to_string(),
            };
            match &t.freshness {
                Freshness::Current => {}
                Freshness::Stale { from, now } => s.stale.push(stale(Some(from.to_string()), now)),
                Freshness::Unknown { now } => s.stale.push(stale(None, now)),
            }
        }
    }
    s
}

/// The status as a table and lists, for people.
pub fn human(default: &Lang, all: &[LanguageStatus]) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    if all.is_empty() {
        let _ = writeln!(
            out,
            "no translation languages: content/site.yaml declares only `{default}` (add e.g. `languages: [{default}, uk]`)"
        );
        return out;
    }
    let _ = writeln!(out, "translations of the originals (in `{default}`):");
    let _ = writeln!(
        out,
        "{:<10} {:>7} {:>11} {:>8} {:>6}",
        "language", "items", "translated", "missing", "stale"
    );
    for s in all {
        let _ = writeln!(
            out,
            "{:<10} {:>7} {:>11} {:>8} {:>6}",
            s.language,
            s.items,
            s.translated,
            s.missing.len(),
            s.stale.len()
        );
    }
    for s in all {
        if !s.missing.is_empty() {
            let _ = writeln!(
                out,
                "\n{}: {} without a translation:",
                s.language,
                s.missing.len()
            );
            for m in &s.missing {
                let _ = writeln!(out, "  {:<40} {}", m.item, m.original.display());
            }
        }
        if !s.stale.is_empty() {
            let _ = writeln!(out, "\n{}: {} stale:", s.language, s.stale.len());
            for x in &s.stale {
                let from = x.translated_from.as_deref().map_or_else(
                    || "no translated_from".to_string(),
                    |f| format!("translated_from {f}"),
                );
                let _ = writeln!(
                    out,
                    "  {}  ({from}; the original is now {})",
                    x.file.display(),
                    x.now
                );
            }
        }
    }
    out
}

/// `check` only: one warning per translation language naming how many items have no translation
/// into it (and the first few), at the language in site.yaml.
pub fn diagnostics(m: &Model, root: &Path) -> Diagnostics {
    let mut diags = Diagnostics::new();
    let file = Path::new("content/site.yaml");
    let site = crate::load::read(root, file)
        .ok()
        .and_then(|text| crate::load::parse_document::<RawSite>(None, file, &text).0);
    const SHOWN: usize = 5;
    for lang in m.site.languages.translations() {
        let mut total = 0;
        let mut lacking = Vec::new();
        for kind in Kind::ALL {
            for x in m.items(kind) {
                total += 1;
                if m.translations.get(kind, &x.meta().id, lang).is_none() {
                    lacking.push(format!("{}/{}", kind.dir(), x.meta().id));
                }
            }
        }
        if lacking.is_empty() {
            continue;
        }
        let at = site.as_ref().and_then(|site| {
            site.raw
                .languages
                .iter()
                .flatten()
                .find(|s| Lang::parse(&s.value).ok().as_ref() == Some(lang))
                .and_then(|s| crate::yaml::pos_of(s, site.yaml_line))
        });
        let n = lacking.len();
        let mut listed = lacking
            .iter()
            .take(SHOWN)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ");
        if n > SHOWN {
            listed.push_str(&format!(" and {} more", n - SHOWN));
        }
        let name = lang.name().map_or(String::new(), |n| format!("{n} "));
        diags.push(
            Diagnostic::warning(
                Code::MissingTranslations,
                format!("{n} of {total} items have no {name}(`{lang}`) translation: {listed}"),
            )
            .in_file(file)
            .at(at.or(Some(Pos::new(1, 1))))
            .help(format!(
                "they are shown in the original language; `briefing check --translations` lists them all, and `briefing new <kind> <id> --lang {lang}` starts one"
            )),
        );
    }
    diags
}
