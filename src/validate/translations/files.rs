//! Where a translation file may be: in a declared language other than the default,
//! beside an original of its kind.

use crate::diagnostics::{Code, Diagnostic, Diagnostics, Pos};
use crate::load::{Doc, Loaded, TranslationFile};
use crate::model::{Kind, Lang, Languages, Revision};
use crate::raw::*;
use crate::validate::ids::Ids;
use std::collections::HashMap;
use std::path::Path;

/// What a translation needs of its original.
#[derive(Clone, Copy)]
pub(super) enum Original<'a> {
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

pub(super) fn originals(l: &Loaded) -> HashMap<(Kind, &str), Original<'_>> {
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

impl<'a> Original<'a> {
    /// The original's file.
    pub(super) fn file(self) -> &'a Path {
        on_original!(self, d => &d.file)
    }

    /// The current revision of the original's words.
    pub(super) fn revision(self) -> Revision {
        on_original!(self, d => revision(&d.raw, &d.body))
    }
}

/// The language of a translation file, if it is one items may be translated into.
pub(super) fn language(
    file: &Path,
    written: &str,
    ext: &str,
    languages: &Languages,
    diags: &mut Diagnostics,
) -> Option<Lang> {
    let at = Some(Pos::new(1, 1));
    let err = |message: String, help: String| {
        Diagnostic::error(Code::TranslationLanguage, message)
            .in_whole_file(file)
            .at(at)
            .help(help)
    };
    let renamed = |l: &str| {
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        name.replacen(&format!(".{written}."), &format!(".{l}."), 1)
    };
    let lang = match Lang::parse(written) {
        Ok(l) => l,
        Err(e) => {
            let help = match &e.suggestion {
                Some(s) => format!("did you mean `{s}`? rename the file to `{}`", renamed(s)),
                None => format!(
                    "name translations `<id>.<language>.{ext}` with a declared language: {}",
                    declared(languages)
                ),
            };
            diags.push(err(format!("translation file in `{written}`: {e}"), help));
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

pub(super) fn ext(kind: Kind) -> &'static str {
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
pub(super) fn original_of<'a>(
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
        let known: Vec<String> = crate::validate::kind_ids(ids, tf.kind);
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
