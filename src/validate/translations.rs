//! Translation files checked against the site's languages and their originals, and
//! turned into the model's [`Translations`]: each in a declared language other than
//! the default, beside an original of its kind, its lists matching the original's,
//! and how fresh it is ([`Freshness`]).

use super::checker::Checker;
use super::ids::Ids;
use crate::diagnostics::{Code, Diagnostic, Diagnostics, Pos};
use crate::load::{Doc, Loaded, TranslationDoc, TranslationFile};
use crate::model::translation::*;
use crate::model::{Kind, Lang, Languages};
use crate::raw::*;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

/// What a translation needs of its original.
#[derive(Clone, Copy)]
enum Original<'a> {
    Actor(&'a Doc<RawActor>),
    Source(&'a Doc<RawSource>),
    Meeting(&'a Doc<RawMeeting>),
    Statement(&'a Doc<RawStatement>),
    Guarantee(&'a Doc<RawGuarantee>),
    Round(&'a Doc<RawRound>),
    Document(&'a Doc<RawDocument>),
}

macro_rules! on_original {
    ($o:expr, $d:ident => $e:expr) => {
        match $o {
            Original::Actor($d) => $e,
            Original::Source($d) => $e,
            Original::Meeting($d) => $e,
            Original::Statement($d) => $e,
            Original::Guarantee($d) => $e,
            Original::Round($d) => $e,
            Original::Document($d) => $e,
        }
    };
}

fn originals(l: &Loaded) -> HashMap<(Kind, &str), Original<'_>> {
    let mut out = HashMap::new();
    macro_rules! add {
        ($docs:expr, $kind:expr, $v:ident) => {
            for d in &$docs {
                out.insert(($kind, d.id.as_str()), Original::$v(d));
            }
        };
    }
    add!(l.actors, Kind::Actors, Actor);
    add!(l.sources, Kind::Sources, Source);
    add!(l.meetings, Kind::Meetings, Meeting);
    add!(l.statements, Kind::Statements, Statement);
    add!(l.guarantees, Kind::Guarantees, Guarantee);
    add!(l.rounds, Kind::Rounds, Round);
    add!(l.documents, Kind::Documents, Document);
    out
}

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
        let Some(lang) = language(tf, languages, diags) else {
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

/// The language of a translation file, if it is one items may be translated into.
fn language(tf: &TranslationFile, languages: &Languages, diags: &mut Diagnostics) -> Option<Lang> {
    let at = Some(Pos::new(1, 1));
    let err = |message: String, help: String| {
        Diagnostic::error(Code::TranslationLanguage, message)
            .in_whole_file(&tf.file)
            .at(at)
            .help(help)
    };
    let renamed = |l: &str| {
        let name = tf
            .file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        name.replacen(&format!(".{}.", tf.lang), &format!(".{l}."), 1)
    };
    let lang = match Lang::parse(&tf.lang) {
        Ok(l) => l,
        Err(e) => {
            let help = match &e.suggestion {
                Some(s) => format!("did you mean `{s}`? rename the file to `{}`", renamed(s)),
                None => format!(
                    "name translations `<id>.<language>.{}` with a declared language: {}",
                    ext(tf.kind),
                    declared(languages)
                ),
            };
            diags.push(err(
                format!("translation file in `{}`: {}", tf.lang, e),
                help,
            ));
            return None;
        }
    };
    if lang == *languages.default_lang() {
        diags.push(err(
            format!("`{lang}` is the default language, the originals' own: this file would translate an item into its own language"),
            format!("edit the original instead, or name the file for a translation language: {}", declared(languages)),
        ));
        return None;
    }
    if !languages.is_translation(&lang) {
        let list: Vec<&str> = languages.translations().iter().map(Lang::as_str).collect();
        let help = match crate::suggest::closest(lang.as_str(), list.iter().copied()) {
            Some(s) => format!("did you mean `{s}`? rename the file to `{}`", renamed(s)),
            None => {
                let mut all: Vec<&str> = languages.all().map(Lang::as_str).collect();
                all.push(lang.as_str());
                format!(
                    "declare it in content/site.yaml: `languages: [{}]`",
                    all.join(", ")
                )
            }
        };
        diags.push(err(
            format!("translation into `{lang}`, which content/site.yaml does not declare"),
            help,
        ));
        return None;
    }
    Some(lang)
}

fn ext(kind: Kind) -> &'static str {
    if kind.is_markdown() { "md" } else { "yaml" }
}

fn declared(languages: &Languages) -> String {
    let list: Vec<&str> = languages.translations().iter().map(Lang::as_str).collect();
    if list.is_empty() {
        "none is declared yet (site.yaml `languages: [en, uk]`)".into()
    } else {
        crate::suggest::one_of(&list)
    }
}

/// The original a translation file translates, if it exists beside it.
fn original_of<'a>(
    tf: &TranslationFile,
    originals: &HashMap<(Kind, &str), Original<'a>>,
    ids: &Ids,
    diags: &mut Diagnostics,
) -> Option<Original<'a>> {
    let at = Some(Pos::new(1, 1));
    let Some(original) = originals.get(&(tf.kind, tf.id.as_str())).copied() else {
        if ids.failed(tf.kind, &tf.id).is_some() {
            // The original could not be read; its error says why.
            return None;
        }
        let mut help = format!(
            "a translation sits beside its original: `{}.{}` translates `{}.{}` of the same folder",
            tf.id,
            ext(tf.kind),
            tf.id,
            ext(tf.kind)
        );
        let known: Vec<String> = super::kind_ids(ids, tf.kind);
        if let Some(s) = crate::suggest::did_you_mean(&tf.id, known.iter().map(String::as_str)) {
            help = format!("{s} ({help})");
        }
        diags.push(
            Diagnostic::error(
                Code::OrphanTranslation,
                format!(
                    "translation of a {} that does not exist: no {} has the id `{}`",
                    tf.kind.singular(),
                    tf.kind.singular(),
                    tf.id
                ),
            )
            .in_whole_file(&tf.file)
            .at(at)
            .help(help),
        );
        return None;
    };
    let file = on_original!(original, d => &d.file);
    if file.parent() != tf.file.parent() {
        let name = tf
            .file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let beside = file.parent().map(|p| p.join(&name)).unwrap_or_default();
        diags.push(
            Diagnostic::error(
                Code::OrphanTranslation,
                format!("the original, {}, is in another folder", file.display()),
            )
            .in_whole_file(&tf.file)
            .at(at)
            .help(format!(
                "move the translation beside it: {}",
                beside.display()
            )),
        );
        return None;
    }
    Some(original)
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
    let now = on_original!(original, d => revision(&d.raw, &d.body));
    let original_file = on_original!(original, d => d.file.clone());
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
        (TranslationDoc::Statement(d), _) => with!(Kind::Statements, d, |r, c| Words::Statement(
            StatementWords {
                title: c.text(&r.title),
                attributed_to: c.text(&r.attributed_to),
                body_html: body(d, &mut c),
            }
        )),
        (TranslationDoc::Round(d), _) => with!(Kind::Rounds, d, |r, c| Words::Round(RoundWords {
            title: c.text(&r.title),
            summary_html: c.markdown_field(&r.summary),
        })),
        (TranslationDoc::Guarantee(d), Original::Guarantee(o)) => {
            with!(Kind::Guarantees, d, |r, c| {
                let contributions = contributions(&r.contributions, o, &mut c);
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
                let provisions = provisions(&r.provisions, o, &mut c);
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

/// A guarantee translation's contributions: one per contribution of the original, in
/// its order; keyed by place.
fn contributions(
    list: &Option<Vec<S<RawContributionTranslation>>>,
    original: &Doc<RawGuarantee>,
    c: &mut Checker,
) -> BTreeMap<usize, ContributionWords> {
    let Some(list) = list else {
        return BTreeMap::new();
    };
    let want = original.raw.contributions.as_ref().map_or(0, Vec::len);
    if list.len() != want {
        let at = list.first().and_then(|x| c.pos(x));
        c.error(
            Diagnostic::error(
                Code::TranslationMismatch,
                format!("{} contributions translated; the original has {want}", list.len()),
            )
            .at(at)
            .help(format!(
                "give one entry per contribution of {}, in the same order (`{{}}` for one left untranslated)",
                original.file.display()
            )),
        );
    }
    list.iter()
        .enumerate()
        .map(|(place, x)| {
            let x = &x.value;
            let words = ContributionWords {
                commitment: c.text(&x.commitment),
                note: c.text(&x.note),
                conditions: x.conditions.clone(),
            };
            (place, words)
        })
        .collect()
}

/// A document translation's provisions, each named by the id of one of the original's.
fn provisions(
    list: &Option<Vec<S<RawProvisionTranslation>>>,
    original: &Doc<RawDocument>,
    c: &mut Checker,
) -> BTreeMap<String, ProvisionWords> {
    let known: BTreeSet<&str> = original
        .raw
        .provisions
        .iter()
        .flatten()
        .filter_map(|p| p.value.id.as_ref().map(|s| s.value.as_str()))
        .collect();
    let mut out = BTreeMap::new();
    for p in list.iter().flatten() {
        let Some(id) = &p.value.id else {
            let at = c.pos(p);
            c.error(
                Diagnostic::error(Code::MissingField, "missing required field `id`")
                    .at(at)
                    .help("name the provision translated by its `id` in the original"),
            );
            continue;
        };
        let v = id.value.trim();
        if !known.contains(v) {
            let at = c.pos(id);
            let help =
                crate::suggest::did_you_mean(v, known.iter().copied()).unwrap_or_else(|| {
                    format!(
                        "the provisions of {} are {}",
                        original.file.display(),
                        crate::suggest::one_of(&known.iter().copied().collect::<Vec<_>>())
                    )
                });
            c.error(
                Diagnostic::error(
                    Code::TranslationMismatch,
                    format!("the original has no provision `{v}`"),
                )
                .at(at)
                .help(help),
            );
            continue;
        }
        let r = &p.value;
        let words = ProvisionWords {
            label: c.text(&r.label),
            title: c.text(&r.title),
            summary: c.text(&r.summary),
        };
        if out.insert(v.to_string(), words).is_some() {
            let at = c.pos(id);
            c.error(
                Diagnostic::error(
                    Code::TranslationMismatch,
                    format!("provision `{v}` is translated twice"),
                )
                .at(at)
                .help("keep one entry per provision"),
            );
        }
    }
    out
}
