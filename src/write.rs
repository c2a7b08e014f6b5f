//! Write stage: only changed files are rewritten, each atomically (temporary file, then
//! rename), and files an earlier build wrote but this one did not are removed.

use crate::render::Output;
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};

/// Lists the files the last build wrote; its presence marks the folder as ours.
pub const MANIFEST: &str = ".briefing-manifest";

/// What a write did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WriteReport {
    /// Files created or whose bytes changed.
    pub written: usize,
    /// Files left alone because their bytes were already right.
    pub unchanged: usize,
    /// Stale files removed.
    pub removed: usize,
}

/// A failure to write the output, with the path concerned.
#[derive(Debug, thiserror::Error)]
#[error("{}: {source}", path.display())]
pub struct WriteError {
    /// The file or folder that could not be written.
    pub path: PathBuf,
    /// Why.
    #[source]
    pub source: io::Error,
}

fn err(path: &Path) -> impl FnOnce(io::Error) -> WriteError + '_ {
    move |source| WriteError {
        path: path.to_path_buf(),
        source,
    }
}

/// True if `dir` holds files but no manifest: someone else's folder.
pub fn is_foreign(dir: &Path) -> bool {
    if dir.join(MANIFEST).is_file() {
        return false;
    }
    match std::fs::read_dir(dir) {
        Ok(entries) => entries.filter_map(Result::ok).any(|e| {
            let n = e.file_name();
            n != ".gitignore" && n != ".gitkeep"
        }),
        Err(_) => false,
    }
}

/// Writes `outputs` under `dir`.
pub fn write(outputs: &[Output], dir: &Path) -> Result<WriteReport, WriteError> {
    std::fs::create_dir_all(dir).map_err(err(dir))?;
    let previous: BTreeSet<String> = std::fs::read_to_string(dir.join(MANIFEST))
        .map(|t| t.lines().map(str::to_string).collect())
        .unwrap_or_default();
    let results: Vec<Result<bool, WriteError>> = outputs
        .par_iter()
        .map(|o| write_if_changed(&dir.join(&o.path), &o.bytes))
        .collect();
    let mut report = WriteReport::default();
    for r in results {
        if r? {
            report.written += 1;
        } else {
            report.unchanged += 1;
        }
    }
    let current: BTreeSet<String> = outputs.iter().map(|o| o.path.clone()).collect();
    report.removed = remove_stale(previous.difference(&current), dir)?;
    write_manifest(outputs, dir)?;
    Ok(report)
}

/// Writes into `dir`, which holds the outputs of an earlier build, only the `changed`
/// paths of `outputs`, and removes the `removed` ones: the result is what [`write`]
/// gives, without reading the files that did not change.
pub fn write_delta(
    outputs: &[Output],
    changed: &[String],
    removed: &[String],
    dir: &Path,
) -> Result<WriteReport, WriteError> {
    let results: Vec<Result<bool, WriteError>> = changed
        .par_iter()
        .filter_map(|path| {
            let i = outputs
                .binary_search_by(|o| o.path.as_str().cmp(path))
                .ok()?;
            Some(write_if_changed(&dir.join(path), &outputs[i].bytes))
        })
        .collect();
    let mut report = WriteReport::default();
    for r in results {
        report.written += usize::from(r?);
    }
    report.unchanged = outputs.len() - report.written;
    report.removed = remove_stale(removed.iter(), dir)?;
    write_manifest(outputs, dir)?;
    Ok(report)
}

/// Removes files an earlier build wrote; returns how many were there.
fn remove_stale<'a>(
    stale: impl Iterator<Item = &'a String>,
    dir: &Path,
) -> Result<usize, WriteError> {
    let mut removed = 0;
    for stale in stale {
        // The manifest is ours, but never trust a path in it to leave the folder.
        if stale.split('/').any(|p| p == ".." || p.is_empty()) || stale.starts_with('/') {
            continue;
        }
        let path = dir.join(stale);
        match std::fs::remove_file(&path) {
            Ok(()) => {
                removed += 1;
                remove_empty_parents(&path, dir);
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(WriteError { path, source: e }),
        }
    }
    Ok(removed)
}

fn write_manifest(outputs: &[Output], dir: &Path) -> Result<bool, WriteError> {
    let current: BTreeSet<&str> = outputs.iter().map(|o| o.path.as_str()).collect();
    let manifest: String = current.iter().map(|p| format!("{p}\n")).collect();
    write_if_changed(&dir.join(MANIFEST), manifest.as_bytes())
}

/// Writes `bytes` to `path` unless it already holds them; returns whether it wrote.
fn write_if_changed(path: &Path, bytes: &[u8]) -> Result<bool, WriteError> {
    if let Ok(existing) = std::fs::read(path)
        && existing == bytes
    {
        return Ok(false);
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(err(parent))?;
    }
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".briefing-tmp");
    let tmp = PathBuf::from(tmp);
    std::fs::write(&tmp, bytes).map_err(err(&tmp))?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        WriteError {
            path: path.to_path_buf(),
            source: e,
        }
    })?;
    Ok(true)
}

fn remove_empty_parents(file: &Path, top: &Path) {
    let mut dir = file.parent();
    while let Some(d) = dir {
        if d == top || std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn out(path: &str, text: &str) -> Output {
        Output {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn writes_only_changes_and_removes_stale_files() {
        let dir = tempfile::tempdir().unwrap();
        let r = write(&[out("a.html", "A"), out("x/b.html", "B")], dir.path()).unwrap();
        assert_eq!((r.written, r.unchanged, r.removed), (2, 0, 0));
        let r = write(&[out("a.html", "A2")], dir.path()).unwrap();
        assert_eq!((r.written, r.unchanged, r.removed), (1, 0, 1));
        assert!(!dir.path().join("x").exists(), "empty folder left behind");
        let r = write(&[out("a.html", "A2")], dir.path()).unwrap();
        assert_eq!((r.written, r.unchanged, r.removed), (0, 1, 0));
        assert_eq!(
            std::fs::read_to_string(dir.path().join("a.html")).unwrap(),
            "A2"
        );
    }

    #[test]
    fn leaves_files_it_did_not_write() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("mine.txt"), "keep").unwrap();
        assert!(is_foreign(dir.path()));
        write(&[out("a.html", "A")], dir.path()).unwrap();
        write(&[out("b.html", "B")], dir.path()).unwrap();
        assert!(dir.path().join("mine.txt").exists());
        assert!(!dir.path().join("a.html").exists());
        assert!(!is_foreign(dir.path()));
    }
}
