//! `init` and `new`: a site skeleton and new items, written from commented examples
//! embedded in the binary (the files beside this module).

pub mod translation;

use crate::load::{is_slug, slugify};
use crate::model::Kind;
use std::path::{Path, PathBuf};

/// Why a scaffold was refused or failed. Nothing is written when it is refused.
#[derive(Debug, thiserror::Error)]
pub enum ScaffoldError {
    /// Files that would be overwritten.
    #[error("refusing to overwrite {}", list(.0))]
    Exists(Vec<PathBuf>),
    /// The id is not a slug.
    #[error("`{0}` is not a valid id: use lower-case letters, digits and hyphens (try `{1}`)")]
    BadId(String, String),
    /// The id names one of the kind's list pages (`index`, `page-<number>`).
    #[error(
        "`{1}` is reserved: the page of {0} `{1}` would be {2}/{1}.html, where the list of {2} goes (try `{0}-{1}`)"
    )]
    Reserved(&'static str, String, &'static str),
    /// The id is taken within its kind.
    #[error("a {0} with the id `{1}` already exists: {2}")]
    Taken(&'static str, String, String),
    /// A translation's language is not a declared translation language.
    #[error("{0}")]
    Language(String),
    /// A translation's original does not exist.
    #[error("no {0} `{1}` to translate{2}: create the original first")]
    NoOriginal(&'static str, String, String),
    /// The kind is not one of the six.
    #[error("unknown kind `{0}`: expected one of {1}")]
    UnknownKind(String, String),
    /// The file system refused.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder concerned.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

fn list(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The example site `init` writes: path under the site root, then the text.
pub const EXAMPLE_SITE: [(&str, &str); 10] = [
    ("content/site.yaml", include_str!("site/site.yaml")),
    (
        "content/actors/example-state.yaml",
        include_str!("site/example-state.yaml"),
    ),
    (
        "content/actors/example-minister.yaml",
        include_str!("site/example-minister.yaml"),
    ),
    (
        "content/sources/example-agency.yaml",
        include_str!("site/example-agency.yaml"),
    ),
    (
        "content/sources/example-ministry.yaml",
        include_str!("site/example-ministry.yaml"),
    ),
    (
        "content/rounds/first-round.yaml",
        include_str!("site/first-round.yaml"),
    ),
    (
        "content/meetings/opening-meeting.md",
        include_str!("site/opening-meeting.md"),
    ),
    (
        "content/statements/minister-on-monitoring.md",
        include_str!("site/minister-on-monitoring.md"),
    ),
    (
        "content/guarantees/ceasefire-monitoring.md",
        include_str!("site/ceasefire-monitoring.md"),
    ),
    (
        "content/documents/draft-framework.md",
        include_str!("site/draft-framework.md"),
    ),
];

/// Writes a new site into `dir` (created if needed). Refuses, writing nothing, if any
/// of its files exists. Returns the files written, relative to `dir`.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>, ScaffoldError> {
    let taken: Vec<PathBuf> = EXAMPLE_SITE
        .iter()
        .map(|(rel, _)| dir.join(rel))
        .filter(|p| p.exists())
        .collect();
    if !taken.is_empty() {
        return Err(ScaffoldError::Exists(taken));
    }
    for (rel, text) in EXAMPLE_SITE {
        write_new(&dir.join(rel), text)?;
    }
    Ok(EXAMPLE_SITE.iter().map(|(rel, _)| rel.into()).collect())
}

/// Reads a kind as written on the command line: `meeting` or `meetings`.
pub fn parse_kind(s: &str) -> Result<Kind, ScaffoldError> {
    Kind::ALL
        .into_iter()
        .find(|k| k.dir() == s || k.singular() == s)
        .ok_or_else(|| {
            ScaffoldError::UnknownKind(
                s.to_string(),
                crate::suggest::one_of(&Kind::ALL.map(Kind::singular)),
            )
        })
}

fn template(kind: Kind) -> &'static str {
    match kind {
        Kind::Actors => include_str!("new/actor.yaml"),
        Kind::Sources => include_str!("new/source.yaml"),
        Kind::Meetings => include_str!("new/meeting.md"),
        Kind::Statements => include_str!("new/statement.md"),
        Kind::Guarantees => include_str!("new/guarantee.md"),
        Kind::Rounds => include_str!("new/round.yaml"),
        Kind::Documents => include_str!("new/document.md"),
    }
}

/// `paris-summit` -> `Paris summit`.
fn title_from_id(id: &str) -> String {
    let words = id.replace('-', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => words,
    }
}

/// The text of a new item: required fields filled with placeholders, optional ones as
/// comments. `date` fills date fields (today, on the command line).
pub fn new_item_text(kind: Kind, id: &str, title: Option<&str>, date: &str) -> String {
    let quoted = |t: &str| serde_json::to_string(t).expect("a string serialises");
    let title_text = quoted(&title.map_or_else(|| title_from_id(id), str::to_string));
    let title_line = match title {
        Some(t) => format!("title: {}", quoted(t)),
        None => "# title: <default: derived from the speaker and the date>".to_string(),
    };
    template(kind)
        .replace("{title_line}", &title_line)
        .replace("{title}", &title_text)
        .replace("{date}", date)
}

/// Writes a new item of `kind` called `id` under `root/content/`. Refuses an id that is
/// not a slug or that another item of the kind already has (in any subfolder).
pub fn new_item(
    root: &Path,
    kind: Kind,
    id: &str,
    title: Option<&str>,
    date: &str,
) -> Result<PathBuf, ScaffoldError> {
    if !is_slug(id) {
        return Err(ScaffoldError::BadId(id.to_string(), slugify(id)));
    }
    if crate::routes::is_reserved_id(id) {
        return Err(ScaffoldError::Reserved(
            kind.singular(),
            id.to_string(),
            kind.dir(),
        ));
    }
    let folder = root.join("content").join(kind.dir());
    let existing = walkdir::WalkDir::new(&folder)
        .into_iter()
        .filter_map(Result::ok)
        .find(|e| e.file_type().is_file() && e.path().file_stem() == Some(id.as_ref()));
    if let Some(e) = existing {
        let rel = e.path().strip_prefix(root).unwrap_or(e.path());
        return Err(ScaffoldError::Taken(
            kind.singular(),
            id.to_string(),
            rel.display().to_string(),
        ));
    }
    let ext = if kind.is_markdown() { "md" } else { "yaml" };
    let rel = PathBuf::from("content")
        .join(kind.dir())
        .join(format!("{id}.{ext}"));
    write_new(&root.join(&rel), &new_item_text(kind, id, title, date))?;
    Ok(rel)
}

/// Creates `path` and its folders; never replaces an existing file.
fn write_new(path: &Path, text: &str) -> Result<(), ScaffoldError> {
    let io = |source| ScaffoldError::Io {
        path: path.to_path_buf(),
        source,
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(io)?;
    }
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(io)?;
    f.write_all(text.as_bytes()).map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_read_singular_or_plural() {
        assert_eq!(parse_kind("meeting").unwrap(), Kind::Meetings);
        assert_eq!(parse_kind("guarantees").unwrap(), Kind::Guarantees);
        assert!(parse_kind("meetnig").is_err());
    }

    #[test]
    fn titles_are_quoted_and_derived() {
        let t = new_item_text(Kind::Meetings, "paris-summit", None, "2026-01-06");
        assert!(t.contains("title: \"Paris summit\""), "{t}");
        assert!(t.contains("date: 2026-01-06"));
        let t = new_item_text(Kind::Statements, "s", Some("Say: \"no\""), "2026-01-06");
        assert!(t.contains(r#"title: "Say: \"no\"""#), "{t}");
    }
}
