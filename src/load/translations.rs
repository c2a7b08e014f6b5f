//! Translation files: `<id>.<lang>.md` (or `.yaml`) beside the item `<id>`. They are
//! found by the walk, never read as items, and parsed with their kind's translation
//! shape: words only, every other field of the kind refused as a fact of the original.

use super::{Doc, FileCache, parse_with, read};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::Kind;
use crate::raw::*;
use crate::yaml::Shape;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// A translation file found by the walk, not yet read.
#[derive(Debug, Clone)]
pub struct Found {
    /// The kind of its folder.
    pub kind: Kind,
    /// The id of the item it translates.
    pub id: String,
    /// Its language, as written in the file name.
    pub lang: String,
    /// The file, relative to the site root.
    pub file: PathBuf,
}

/// A translation file, read.
#[derive(Debug, Clone)]
pub struct TranslationFile {
    /// The kind of its folder.
    pub kind: Kind,
    /// The id of the item it translates.
    pub id: String,
    /// Its language, as written in the file name (checked by validation).
    pub lang: String,
    /// The file, relative to the site root.
    pub file: PathBuf,
    /// What it says; `None` if it could not be read (an error says why).
    pub doc: Option<TranslationDoc>,
}

/// What a translation file says, by kind. Each document's `id` is the original's.
#[derive(Debug, Clone)]
pub enum TranslationDoc {
    /// An actor's words.
    Actor(Doc<RawActorTranslation>),
    /// A source's words.
    Source(Doc<RawSourceTranslation>),
    /// A meeting's words.
    Meeting(Doc<RawMeetingTranslation>),
    /// A statement's words.
    Statement(Doc<RawStatementTranslation>),
    /// A guarantee component's words.
    Guarantee(Doc<RawGuaranteeTranslation>),
    /// A round's words.
    Round(Doc<RawRoundTranslation>),
    /// A negotiating text's words.
    Document(Doc<RawDocumentTranslation>),
}

/// `content/site.<lang>.yaml`, the site's own words in a language, read.
#[derive(Debug, Clone)]
pub struct SiteTranslationFile {
    /// Its language, as written in the file name (checked by validation).
    pub lang: String,
    /// The file, relative to the site root.
    pub file: PathBuf,
    /// What it says; `None` if it could not be read (an error says why).
    pub doc: Option<Doc<RawSiteTranslation>>,
}

/// Reads and parses `content/site.<lang>.yaml` files: words only, site.yaml's other
/// settings refused as facts of the original.
pub(super) fn parse_site(
    root: &Path,
    found: Vec<(String, PathBuf)>,
    diags: &mut Diagnostics,
) -> Vec<SiteTranslationFile> {
    let shape = Shape::of::<RawSiteTranslation>().facts_of::<RawSite>();
    found
        .into_iter()
        .map(|(lang, file)| {
            let doc = match read(root, &file) {
                Ok(text) => {
                    let (doc, es) = parse_with(false, "site".into(), &file, &text, &shape);
                    diags.extend(es);
                    doc
                }
                Err(d) => {
                    diags.push(d);
                    None
                }
            };
            SiteTranslationFile { lang, file, doc }
        })
        .collect()
}

/// The original's id and the language of a file stem that names a translation
/// (`paris-summit.uk`, `zelensky.pt-BR`): an id, a dot, and something shaped like a
/// language tag (two or three letters, then subtags). `None` for any other stem.
pub fn translation_name(stem: &str) -> Option<(String, String)> {
    let (id, lang) = stem.rsplit_once('.')?;
    let mut parts = lang.split(['-', '_']);
    let primary = parts.next()?;
    let shaped = (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts
            .all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
    (shaped && super::is_slug(id)).then(|| (id.to_string(), lang.to_string()))
}

/// The shape of a translation of `kind`: its words, the original's other fields
/// marked as facts.
pub fn shape(kind: Kind) -> Shape {
    match kind {
        Kind::Actors => Shape::of::<RawActorTranslation>().facts_of::<RawActor>(),
        Kind::Sources => Shape::of::<RawSourceTranslation>().facts_of::<RawSource>(),
        Kind::Meetings => Shape::of::<RawMeetingTranslation>().facts_of::<RawMeeting>(),
        Kind::Statements => Shape::of::<RawStatementTranslation>().facts_of::<RawStatement>(),
        Kind::Rounds => Shape::of::<RawRoundTranslation>().facts_of::<RawRound>(),
        Kind::Guarantees => Shape::of::<RawGuaranteeTranslation>()
            .facts_of::<RawGuarantee>()
            .with(
                "contributions",
                Shape::of::<RawContributionTranslation>().facts_of::<RawContribution>(),
            ),
        Kind::Documents => Shape::of::<RawDocumentTranslation>()
            .facts_of::<RawDocument>()
            .with(
                "provisions",
                Shape::of::<RawProvisionTranslation>().facts_of::<RawProvision>(),
            ),
    }
}

fn shape_of(kind: Kind) -> &'static Shape {
    static SHAPES: std::sync::OnceLock<Vec<Shape>> = std::sync::OnceLock::new();
    let shapes = SHAPES.get_or_init(|| Kind::ALL.map(shape).into_iter().collect());
    &shapes[Kind::ALL.iter().position(|k| *k == kind).unwrap_or(0)]
}

/// Reads and parses the translation file `found`.
pub fn parse_file(root: &Path, found: &Found) -> (Option<TranslationDoc>, Vec<Diagnostic>) {
    let text = match read(root, &found.file) {
        Ok(t) => t,
        Err(d) => return (None, vec![d]),
    };
    parse_text(found.kind, &found.id, &found.file, &text)
}

/// Parses the text of a translation of the item `kind`/`id` written in `file`.
pub fn parse_text(
    kind: Kind,
    id: &str,
    file: &Path,
    text: &str,
) -> (Option<TranslationDoc>, Vec<Diagnostic>) {
    macro_rules! as_ {
        ($variant:ident) => {{
            let (doc, es) = parse_with(
                kind.is_markdown(),
                id.to_string(),
                file,
                text,
                shape_of(kind),
            );
            (doc.map(TranslationDoc::$variant), es)
        }};
    }
    match kind {
        Kind::Actors => as_!(Actor),
        Kind::Sources => as_!(Source),
        Kind::Meetings => as_!(Meeting),
        Kind::Statements => as_!(Statement),
        Kind::Guarantees => as_!(Guarantee),
        Kind::Rounds => as_!(Round),
        Kind::Documents => as_!(Document),
    }
}

/// Reads and parses every translation file found, in parallel, keeping their order.
pub(super) fn parse_all(
    cache: Option<&FileCache>,
    root: &Path,
    found: Vec<Found>,
    diags: &mut Diagnostics,
) -> Vec<TranslationFile> {
    let parsed: Vec<(Option<TranslationDoc>, Vec<Diagnostic>)> = found
        .par_iter()
        .map(|f| {
            let parse = || parse_file(root, f);
            match cache {
                Some(c) => c.get_or(&root.join(&f.file), parse),
                None => parse(),
            }
        })
        .collect();
    found
        .into_iter()
        .zip(parsed)
        .map(|(f, (doc, es))| {
            diags.extend(es);
            TranslationFile {
                kind: f.kind,
                id: f.id,
                lang: f.lang,
                file: f.file,
                doc,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translation_names_are_an_id_and_a_language() {
        let t = |s: &str| translation_name(s);
        assert_eq!(
            t("paris-summit.uk"),
            Some(("paris-summit".into(), "uk".into()))
        );
        assert_eq!(
            t("zelensky.pt-BR"),
            Some(("zelensky".into(), "pt-BR".into()))
        );
        assert_eq!(t("x.ua"), Some(("x".into(), "ua".into())));
        assert_eq!(t("paris-summit"), None);
        assert_eq!(t("paris.summit"), None);
        assert_eq!(t("Paris.uk"), None);
    }

    #[test]
    fn a_fact_in_a_translation_is_refused_at_its_key() {
        let text = "---\ntitle: Паризький саміт\ndate: 2026-01-06\n---\nТекст\n";
        let (doc, es) = parse_text(Kind::Meetings, "paris-summit", Path::new("m.uk.md"), text);
        assert!(doc.is_some());
        assert_eq!(es.len(), 1, "{es:?}");
        assert_eq!(es[0].code, "translation-fact");
        assert_eq!(es[0].pos, Some(crate::diagnostics::Pos::new(3, 1)));
        assert!(
            es[0].message.contains("comes from the original"),
            "{}",
            es[0].message
        );
    }
}
