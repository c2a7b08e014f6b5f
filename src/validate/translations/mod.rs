//! Translation files checked against the site's languages and their originals, and
//! turned into the model's [`Translations`]: each in a declared language other than
//! the default, beside an original of its kind, its lists matching the original's,
//! and how fresh it is ([`Freshness`]).

mod files;
mod lists;
mod site;

pub(super) use site::check_site;

use super::checker::Checker;
use super::ids::Ids;
use crate::diagnostics::{Code, Diagnostic, Diagnostics, Pos};
use crate::load::{Doc, Loaded, TranslationDoc, TranslationFile};
use crate::model::translation::*;
use crate::model::{Kind, Lang, Languages};
use crate::raw::*;
use files::{Original, language, original_of, originals};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;

/// Checks every translation file and gives the translations of the items.
pub(super) fn check(
    loaded: &Loaded,
    languages: &Languages,
    ids: &Ids,
    diags: &mut Diagnostics,
) -> Translations {
    let originals = originals(loaded);
    let mut seen: BTreeMap<(Kind, &str, Lang), &Path> = BTreeMap::new();
    let mut accepted: Vec<(&TranslationFile, Lang, Original)> = Vec::new();
    for tf in &loaded.translations {
        let Some(lang) = language(&tf.file, &tf.lang, files::ext(tf.kind), languages, diags) else {
            continue;
        };
        let Some(original) = original_of(tf, &originals, ids, diags) else {
            continue;
        };
        let key = (tf.kind, tf.id.as_str(), lang.clone());
        if let Some(first) = seen.get(&key) {
            diags.push(
                Diagnostic::error(
                    Code::DuplicateId,
                    format!(
                        "a second {lang} translation of {} `{}`",
                        tf.kind.singular(),
                        tf.id
                    ),
                )
                .in_whole_file(&tf.file)
                .at(Some(Pos::new(1, 1)))
                .help(format!(
                    "{} already translates it; remove one of the files",
                    first.display()
                )),
            );
            continue;
        }
        seen.insert(key, &tf.file);
        accepted.push((tf, lang, original));
    }
    let checked: Vec<(Option<Translation>, Diagnostics)> = accepted
        .par_iter()
        .map(|(tf, lang, original)| {
            let mut found = Diagnostics::new();
            let t = tf
                .doc
                .as_ref()
                .and_then(|doc| translation(doc, lang, *original, ids, &mut found));
            (t, found)
        })
        .collect();
    let mut out = Translations::default();
    for ((tf, _, _), (t, found)) in accepted.iter().zip(checked) {
        diags.extend(found);
        if let Some(t) = t {
            out.insert(tf.kind, &tf.id, t);
        }
    }
    out
}

/// The original's current revision, and how fresh `translated_from` is against it.
fn freshness(
    translated_from: &Opt<String>,
    now: Revision,
    original: &Path,
    c: &mut Checker,
) -> Freshness {
    match translated_from {
        Some(s) if Revision::written(&s.value) == now => Freshness::Current,
        Some(s) => {
            let from = Revision::written(&s.value);
            let at = c.pos(s);
            c.warn(
                Diagnostic::warning(
                    Code::StaleTranslation,
                    format!("stale translation: made from revision `{from}` of the original's words, which are now `{now}`"),
                )
                .at(at)
                .help(format!(
                    "bring the translation up to date with {}, then set `translated_from: {now}`",
                    original.display()
                )),
            );
            Freshness::Stale { from, now }
        }
        None => {
            c.warn(
                Diagnostic::warning(
                    Code::StaleTranslation,
                    "no `translated_from`: whether this translation is current cannot be told",
                )
                .help(format!(
                    "once it matches the words of {}, add `translated_from: {now}`",
                    original.display()
                )),
            );
            Freshness::Unknown { now }
        }
    }
}

/// Markdown body of a translation, if it has one.
fn body<T>(doc: &Doc<T>, c: &mut Checker) -> Option<crate::model::Prose> {
    (!doc.body.trim().is_empty()).then(|| c.markdown(&doc.body, doc.body_line))
}

/// Checks one translation against its original; `None` if it has errors.
fn translation(
    doc: &TranslationDoc,
    lang: &Lang,
    original: Original,
    ids: &Ids,
    diags: &mut Diagnostics,
) -> Option<Translation> {
    let now = original.revision();
    let original_file = original.file().to_path_buf();
    macro_rules! with {
        ($kind:expr, $d:expr, |$r:ident, $c:ident| $words:expr) => {{
            let d = $d;
            let mut $c = Checker::new(Some($kind), d, ids, diags);
            let $r = &d.raw;
            let freshness = freshness(&$r.translated_from, now, &original_file, &mut $c);
            let note = $c.text(&$r.translation_note);
            let words = $words;
            let failed = $c.failed();
            (!failed).then(|| Translation {
                lang: lang.clone(),
                file: d.file.clone(),
                freshness,
                note,
                words,
            })
        }};
    }
    match (doc, original) {
        (TranslationDoc::Actor(d), _) => with!(Kind::Actors, d, |r, c| Words::Actor(ActorWords {
            name: c.text(&r.name),
            role: c.text(&r.role),
            aliases: r.aliases.clone().unwrap_or_default(),
            description_html: c.markdown_field(&r.description),
        })),
        (TranslationDoc::Source(d), _) => {
            with!(Kind::Sources, d, |r, c| Words::Source(SourceWords {
                name: c.text(&r.name),
                description_html: c.markdown_field(&r.description),
            }))
        }
        (TranslationDoc::Meeting(d), _) => {
            with!(Kind::Meetings, d, |r, c| Words::Meeting(MeetingWords {
                title: c.text(&r.title),
                location: c.text(&r.location),
                body_html: body(d, &mut c),
            }))
        }
        (TranslationDoc::Statement(d), Original::Statement(o)) => {
            with!(Kind::Statements, d, |r, c| {
                quote_note(d, o, &mut c);
                Words::Statement(StatementWords {
                    title: c.text(&r.title),
                    attributed_to: c.text(&r.attributed_to),
                    body_html: body(d, &mut c),
                })
            })
        }
        (TranslationDoc::Round(d), _) => with!(Kind::Rounds, d, |r, c| Words::Round(RoundWords {
            title: c.text(&r.title),
            summary_html: c.markdown_field(&r.summary),
        })),
        (TranslationDoc::Guarantee(d), Original::Guarantee(o)) => {
            with!(Kind::Guarantees, d, |r, c| {
                let contributions = lists::contributions(&r.contributions, o, &mut c);
                Words::Guarantee(GuaranteeWords {
                    title: c.text(&r.title),
                    summary: c.text(&r.summary),
                    body_html: body(d, &mut c),
                    contributions,
                })
            })
        }
        (TranslationDoc::Document(d), Original::Document(o)) => {
            with!(Kind::Documents, d, |r, c| {
                let provisions = lists::provisions(&r.provisions, o, &mut c);
                Words::Document(DocumentWords {
                    title: c.text(&r.title),
                    body_html: body(d, &mut c),
                    provisions,
                })
            })
        }
        // A file's kind is its folder's, as is its original's.
        _ => None,
    }
}

/// A quote translated by the briefing is not the speaker's words in that language: a
/// statement of kind `quote` (the default) whose words are translated must say so in
/// `translation_note`.
fn quote_note(d: &Doc<RawStatementTranslation>, o: &Doc<RawStatement>, c: &mut Checker) {
    let kind = o.raw.kind.as_ref().map_or("quote", |k| k.value.trim());
    if kind != "quote" || d.body.trim().is_empty() || c.text(&d.raw.translation_note).is_some() {
        return;
    }
    c.warn(
        Diagnostic::warning(
            Code::UnmarkedQuote,
            "this translates a quote but does not say whose translation it is",
        )
        .at(Some(Pos::new(d.yaml_line, 1)))
        .help("add e.g. `translation_note: The quote is this briefing's translation.`, in the translation's language"),
    );
}
