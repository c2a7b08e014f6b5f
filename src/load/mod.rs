//! Load stage: walk content/, read each file once, split front matter, parse YAML.

pub mod cache;
pub mod frontmatter;
mod places;
mod read;
pub mod translations;

pub use places::{SourcingPlaces, sourcing_places};

pub use cache::FileCache;
pub use read::{read, read_bytes};
pub use translations::{SiteTranslationFile, TranslationDoc, TranslationFile, translation_name};

use crate::diagnostics::{Code, Diagnostic, Diagnostics, Pos};
use crate::model::Kind;
use crate::raw::*;
use crate::yaml::{self, Shape};
use rayon::prelude::*;
use serde::de::DeserializeOwned;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// Files larger than this are refused: a briefing item is a page, not a data dump.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// One parsed file: its id, where it is, its fields and its Markdown body.
#[derive(Debug, Clone)]
pub struct Doc<T> {
    /// The file stem.
    pub id: String,
    /// Path relative to the site root, for messages.
    pub file: PathBuf,
    /// File line the YAML starts on (1 for plain YAML, 2 after a `---`).
    pub yaml_line: usize,
    /// The fields as written.
    pub raw: T,
    /// The Markdown body (empty for plain YAML kinds).
    pub body: String,
    /// File line the body starts on.
    pub body_line: usize,
}

/// Everything read from content/, not yet validated.
#[derive(Debug, Default)]
pub struct Loaded {
    /// content/site.yaml, if it was readable.
    pub site: Option<Doc<RawSite>>,
    /// Actors.
    pub actors: Vec<Doc<RawActor>>,
    /// Sources.
    pub sources: Vec<Doc<RawSource>>,
    /// Meetings.
    pub meetings: Vec<Doc<RawMeeting>>,
    /// Statements.
    pub statements: Vec<Doc<RawStatement>>,
    /// Guarantee components.
    pub guarantees: Vec<Doc<RawGuarantee>>,
    /// Rounds.
    pub rounds: Vec<Doc<RawRound>>,
    /// Negotiating texts.
    pub documents: Vec<Doc<RawDocument>>,
    /// Item files found that could not be read into a document (each has an error):
    /// their kind and id, and the file. References to them are not dangling.
    pub failed: BTreeMap<(Kind, String), PathBuf>,
    /// Translation files (`<id>.<lang>.md`, `.yaml`), in walk order; not items.
    pub translations: Vec<TranslationFile>,
    /// The site's own words in other languages (`content/site.<lang>.yaml`).
    pub site_translations: Vec<SiteTranslationFile>,
}

fn citations() -> Shape {
    Shape::of::<RawCitation>()
}

/// Walks `root/content`, reads and parses every item, collecting every problem.
pub fn load(root: &Path) -> (Loaded, Diagnostics) {
    load_cached(root, None)
}

/// [`load`], taking unchanged files from `cache` (and recording what it parses there).
pub fn load_cached(root: &Path, cache: Option<&FileCache>) -> (Loaded, Diagnostics) {
    let mut diags = Diagnostics::new();
    let content = root.join("content");
    let mut loaded = Loaded::default();
    if !content.is_dir() {
        diags.push(
            Diagnostic::error(
                Code::NoContent,
                format!("no content/ folder in {}", root.display()),
            )
            .help(format!(
                "run briefing in a site root, pass --root DIR, or create a site with `briefing init {}`",
                root.display()
            )),
        );
        return (loaded, diags);
    }
    let mut translation_files = Vec::new();
    let mut site_translation_files = Vec::new();
    let found = crate::timings::time("load: walk", || {
        walk(
            root,
            &content,
            (&mut translation_files, &mut site_translation_files),
            &mut diags,
        )
    });
    loaded.site_translations = translations::parse_site(root, site_translation_files, &mut diags);

    let site_file = PathBuf::from("content/site.yaml");
    match read(root, &site_file) {
        Ok(text) => {
            let (doc, es) = parse_document::<RawSite>(None, &site_file, &text);
            diags.extend(es);
            loaded.site = doc;
        }
        Err(d) => diags.push(d),
    }

    let of = |k: Kind| found.get(&k).map(Vec::as_slice).unwrap_or(&[]);
    loaded.actors = parse_all(cache, root, Kind::Actors, of(Kind::Actors), &mut diags);
    loaded.sources = parse_all(cache, root, Kind::Sources, of(Kind::Sources), &mut diags);
    loaded.rounds = parse_all(cache, root, Kind::Rounds, of(Kind::Rounds), &mut diags);
    loaded.meetings = parse_all(cache, root, Kind::Meetings, of(Kind::Meetings), &mut diags);
    loaded.statements = parse_all(
        cache,
        root,
        Kind::Statements,
        of(Kind::Statements),
        &mut diags,
    );
    loaded.guarantees = parse_all(
        cache,
        root,
        Kind::Guarantees,
        of(Kind::Guarantees),
        &mut diags,
    );
    loaded.documents = parse_all(
        cache,
        root,
        Kind::Documents,
        of(Kind::Documents),
        &mut diags,
    );
    let read: BTreeSet<(Kind, &str)> = loaded.ids().collect();
    let mut failed = BTreeMap::new();
    for (kind, files) in &found {
        for file in files {
            let id = file.file_stem().unwrap_or_default().to_string_lossy();
            if !read.contains(&(*kind, id.as_ref())) {
                failed.insert((*kind, id.into_owned()), file.clone());
            }
        }
    }
    loaded.failed = failed;
    loaded.translations = translations::parse_all(cache, root, translation_files, &mut diags);
    (loaded, diags)
}

impl Loaded {
    /// The kind and id of every document read.
    pub fn ids(&self) -> impl Iterator<Item = (Kind, &str)> {
        fn of<T>(kind: Kind, docs: &[Doc<T>]) -> impl Iterator<Item = (Kind, &str)> {
            docs.iter().map(move |d| (kind, d.id.as_str()))
        }
        of(Kind::Actors, &self.actors)
            .chain(of(Kind::Sources, &self.sources))
            .chain(of(Kind::Meetings, &self.meetings))
            .chain(of(Kind::Statements, &self.statements))
            .chain(of(Kind::Guarantees, &self.guarantees))
            .chain(of(Kind::Rounds, &self.rounds))
            .chain(of(Kind::Documents, &self.documents))
    }
}

/// The shape of each kind, built once rather than for every file of a large briefing.
fn shape_of(kind: Option<Kind>) -> &'static Shape {
    static SHAPES: std::sync::OnceLock<Vec<Shape>> = std::sync::OnceLock::new();
    let shapes = SHAPES.get_or_init(|| {
        std::iter::once(None)
            .chain(Kind::ALL.map(Some))
            .map(shape)
            .collect()
    });
    let i = kind.map_or(0, |k| {
        1 + Kind::ALL.iter().position(|x| *x == k).unwrap_or(0)
    });
    &shapes[i]
}

/// The keys each kind accepts, nested shapes included; `None` is site.yaml.
pub fn shape(kind: Option<Kind>) -> Shape {
    let with_citations = |s: Shape| s.with("sources", citations());
    match kind {
        None => Shape::of::<RawSite>(),
        Some(Kind::Actors) => with_citations(Shape::of::<RawActor>()),
        Some(Kind::Sources) => with_citations(Shape::of::<RawSource>()),
        Some(Kind::Rounds) => with_citations(Shape::of::<RawRound>()),
        Some(Kind::Statements) => with_citations(Shape::of::<RawStatement>()),
        Some(Kind::Meetings) => with_citations(
            Shape::of::<RawMeeting>().with("participants", Shape::of::<RawParticipant>()),
        ),
        Some(Kind::Documents) => with_citations(
            Shape::of::<RawDocument>().with(
                "provisions",
                Shape::of::<RawProvision>().with(
                    "positions",
                    with_citations(
                        Shape::of::<RawPosition>()
                            .with("history", with_citations(Shape::of::<RawStep>())),
                    ),
                ),
            ),
        ),
        Some(Kind::Guarantees) => with_citations(
            Shape::of::<RawGuarantee>().with(
                "contributions",
                with_citations(
                    Shape::of::<RawContribution>()
                        .with("amount", Shape::of::<RawAmount>())
                        .with("history", Shape::of::<RawStep>()),
                ),
            ),
        ),
    }
}

/// Finds each kind's files, checking ids; stray files become warnings. Translation
/// files go to `translations.0` as (kind, original id, language as written, file);
/// `content/site.<lang>.yaml` files to `translations.1` as (language, file).
fn walk(
    root: &Path,
    content: &Path,
    translations: (&mut Vec<translations::Found>, &mut Vec<(String, PathBuf)>),
    diags: &mut Diagnostics,
) -> BTreeMap<Kind, Vec<PathBuf>> {
    let mut found: BTreeMap<Kind, Vec<PathBuf>> = BTreeMap::new();
    let mut seen: BTreeMap<(Kind, String), PathBuf> = BTreeMap::new();
    let walker = WalkDir::new(content)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let file = e.path().map(|p| rel(root, p));
                let d = Diagnostic::warning(Code::Unreadable, format!("could not read: {e}"));
                diags.push(match file {
                    Some(file) => d.in_whole_file(file),
                    None => d.in_whole_file("content"),
                });
                continue;
            }
        };
        let path = entry.path();
        let rel_path = rel(root, path);
        if entry.file_type().is_symlink() {
            if entry.depth() == 1 && entry.file_name() == "site.yaml" {
                // Reported (and not read) when site.yaml is read.
                continue;
            }
            diags.push(
                Diagnostic::warning(
                    Code::Symlink,
                    "symbolic link skipped: content is read only from real files",
                )
                .in_whole_file(&rel_path),
            );
            continue;
        }
        if entry.file_type().is_dir() {
            continue;
        }
        if !entry.file_type().is_file() {
            // A FIFO, device or socket: never opened (a FIFO would block the build).
            let what = entry
                .metadata()
                .map_or("a special file", |m| read::special_kind(&m));
            diags.push(
                Diagnostic::warning(
                    Code::Unreadable,
                    format!("{what} skipped: content is read only from regular files"),
                )
                .in_whole_file(&rel_path),
            );
            continue;
        }
        let parts: Vec<String> = path
            .strip_prefix(content)
            .unwrap_or(path)
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if parts.len() == 1 && parts[0] == "site.yaml" {
            continue;
        }
        if parts.len() == 1
            && let Some(("site", lang)) = parts[0]
                .strip_suffix(".yaml")
                .and_then(|stem| stem.split_once('.'))
            && translation_name(&format!("site.{lang}")).is_some()
        {
            translations.1.push((lang.to_string(), rel_path));
            continue;
        }
        let kind = parts
            .first()
            .and_then(|p| Kind::from_dir(p))
            .filter(|_| parts.len() > 1);
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        let Some(kind) = kind.filter(|k| {
            if k.is_markdown() {
                ext == "md"
            } else {
                ext == "yaml" || ext == "yml"
            }
        }) else {
            diags.push(stray(&rel_path, &parts));
            continue;
        };
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if let Some((original, lang)) = translation_name(&id) {
            translations.0.push(translations::Found {
                kind,
                id: original,
                lang,
                file: rel_path,
            });
            continue;
        }
        if !is_slug(&id) {
            diags.push(
                Diagnostic::error(
                    Code::BadId,
                    format!("`{id}` is not a valid id: ids become paths"),
                )
                .in_whole_file(&rel_path)
                .help(format!(
                    "rename the file so its name matches [a-z0-9][a-z0-9-]*, e.g. `{}`",
                    slugify(&id)
                )),
            );
            continue;
        }
        if crate::routes::is_reserved_id(&id) {
            diags.push(reserved_id(kind, &id, &rel_path));
            continue;
        }
        if let Some(first) = seen.get(&(kind, id.clone())) {
            diags.push(
                Diagnostic::error(
                    Code::DuplicateId,
                    format!("duplicate {} id `{id}`", kind.singular()),
                )
                .in_whole_file(&rel_path)
                .help(format!(
                    "{} already uses this id; rename one of the files",
                    first.display()
                )),
            );
            continue;
        }
        seen.insert((kind, id), rel_path.clone());
        found.entry(kind).or_default().push(rel_path);
    }
    found
}

/// An item file whose id names one of its kind's list pages.
fn reserved_id(kind: Kind, id: &str, rel_path: &Path) -> Diagnostic {
    Diagnostic::error(
        Code::ReservedId,
        format!(
            "`{id}` is reserved: the page of {} `{id}` would be {}/{id}.html, where the list of {} goes",
            kind.singular(),
            kind.dir(),
            kind.dir()
        ),
    )
    .in_whole_file(rel_path)
    .help(format!(
        "rename the file, e.g. to `{}-{id}`; `index` and `page-<number>` are list pages",
        kind.singular()
    ))
}

fn stray(rel_path: &Path, parts: &[String]) -> Diagnostic {
    let expected = match parts.first().and_then(|p| Kind::from_dir(p)) {
        Some(k) if parts.len() > 1 && k.is_markdown() => format!("{} are `.md` files", k.dir()),
        Some(k) if parts.len() > 1 => format!("{} are `.yaml` files", k.dir()),
        _ => format!(
            "content/ holds site.yaml and the folders {}",
            crate::suggest::one_of(&Kind::ALL.map(Kind::dir))
        ),
    };
    let mut d = Diagnostic::warning(Code::StrayFile, format!("file ignored: {expected}"))
        .in_whole_file(rel_path);
    if let Some(first) = parts.first().filter(|_| parts.len() > 1)
        && let Some(s) = crate::suggest::did_you_mean(first, Kind::ALL.map(Kind::dir))
    {
        d = d.help(format!("folder `{first}`: {s}"));
    }
    d
}

/// True for ids made of lowercase letters, digits and hyphens, not starting with a hyphen.
pub fn is_slug(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// A slug suggestion for a bad id.
pub fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn rel(root: &Path, p: &Path) -> PathBuf {
    p.strip_prefix(root).unwrap_or(p).to_path_buf()
}

/// Reads and parses files in parallel; results keep the walk's order.
fn parse_all<T: DeserializeOwned + Default + Clone + Send + Sync + 'static>(
    cache: Option<&FileCache>,
    root: &Path,
    kind: Kind,
    files: &[PathBuf],
    diags: &mut Diagnostics,
) -> Vec<Doc<T>> {
    let results: Vec<(Option<Doc<T>>, Vec<Diagnostic>)> = files
        .par_iter()
        .map(|f| {
            let parse = || parse_file(root, kind, f);
            match cache {
                Some(c) => c.get_or(&root.join(f), parse),
                None => parse(),
            }
        })
        .collect();
    let mut docs = Vec::with_capacity(results.len());
    for (doc, es) in results {
        docs.extend(doc);
        diags.extend(es);
    }
    docs
}

/// Reads and parses the item file at `rel` (relative to `root`) of `kind`.
pub fn parse_file<T: DeserializeOwned + Default>(
    root: &Path,
    kind: Kind,
    rel: &Path,
) -> (Option<Doc<T>>, Vec<Diagnostic>) {
    match read(root, rel) {
        Ok(text) => parse_document(Some(kind), rel, &text),
        Err(d) => (None, vec![d]),
    }
}

/// Parses the text of one file of `kind` (`None` for site.yaml): front matter for
/// Markdown kinds, then the YAML. Returns the document if its fields could be read,
/// and every problem found, tagged with `file`.
pub fn parse_document<T: DeserializeOwned + Default>(
    kind: Option<Kind>,
    file: &Path,
    text: &str,
) -> (Option<Doc<T>>, Vec<Diagnostic>) {
    let id = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    parse_with(
        kind.is_some_and(Kind::is_markdown),
        id,
        file,
        text,
        shape_of(kind),
    )
}

/// [`parse_document`] with the document's id, whether it is Markdown with front
/// matter, and the shape its keys are checked against.
pub(crate) fn parse_with<T: DeserializeOwned + Default>(
    markdown: bool,
    id: String,
    file: &Path,
    text: &str,
    shape: &Shape,
) -> (Option<Doc<T>>, Vec<Diagnostic>) {
    let (yaml_text, yaml_line, body, body_line) = if markdown {
        match frontmatter::split(text) {
            Ok(s) => (s.yaml, s.yaml_line, s.body, s.body_line),
            Err(d) => return (None, vec![d.in_file(file)]),
        }
    } else {
        (text, 1, "", 1)
    };
    let (raw, es) = yaml::parse::<T>(yaml_text, yaml_line, shape);
    // A parser error without a location is placed where the YAML starts.
    let es = es
        .into_iter()
        .map(|d| {
            let at = d.pos.unwrap_or(Pos::new(yaml_line, 1));
            d.in_file(file).at(Some(at))
        })
        .collect();
    let doc = |raw| Doc {
        id,
        file: file.to_path_buf(),
        yaml_line,
        raw,
        body: body.to_string(),
        body_line,
    };
    (raw.map(doc), es)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(is_slug("paris-summit") && is_slug("2026-01-round"));
        assert!(!is_slug("-x") && !is_slug("Paris") && !is_slug("a_b") && !is_slug(""));
        assert_eq!(slugify("Paris Summit_2026"), "paris-summit-2026");
    }
}
