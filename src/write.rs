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

/// Writes `outputs` under `dir` in two phases: every changed file is first written
/// beside its target as a temporary file; only when all of them are written are they
/// renamed into place. A failure in the first phase removes the temporary files and
/// leaves the previous output exactly as it was.
pub fn write(outputs: &[Output], dir: &Path) -> Result<WriteReport, WriteError> {
    std::fs::create_dir_all(dir).map_err(err(dir))?;
    let previous: BTreeSet<String> = std::fs::read_to_string(dir.join(MANIFEST))
        .map(|t| t.lines().map(str::to_string).collect())
        .unwrap_or_default();
    let mut current: BTreeSet<String> = outputs.iter().map(|o| o.path.clone()).collect();
    current.insert(MANIFEST.to_string());
    let manifest = manifest_of(outputs);
    let changed: Vec<&Output> = outputs
        .par_iter()
        .chain(rayon::iter::once(&manifest))
        .filter(|o| differs(dir, o))
        .collect();
    commit(outputs.len(), &changed, previous.difference(&current), dir)
}

/// [`write`] into `dir`, which holds the outputs of an earlier build, when what changed
/// since is known: only the `changed` paths of `outputs` are written (the others are
/// not even read) and the `removed` ones deleted, in the same two phases.
pub fn write_delta(
    outputs: &[Output],
    changed: &[String],
    removed: &[String],
    dir: &Path,
) -> Result<WriteReport, WriteError> {
    let manifest = manifest_of(outputs);
    let mut files: Vec<&Output> = changed
        .iter()
        .filter_map(|path| {
            let i = outputs
                .binary_search_by(|o| o.path.as_str().cmp(path))
                .ok()?;
            Some(&outputs[i]).filter(|o| differs(dir, o))
        })
        .collect();
    if differs(dir, &manifest) {
        files.push(&manifest);
    }
    commit(outputs.len(), &files, removed.iter(), dir)
}

/// The manifest listing `outputs`.
fn manifest_of(outputs: &[Output]) -> Output {
    let current: BTreeSet<&str> = outputs.iter().map(|o| o.path.as_str()).collect();
    let manifest: String = current.iter().map(|p| format!("{p}\n")).collect();
    Output {
        path: MANIFEST.into(),
        bytes: manifest.into_bytes(),
    }
}

/// True unless `dir` already holds `o` with these bytes; a file of another size is not
/// read.
fn differs(dir: &Path, o: &Output) -> bool {
    let path = dir.join(&o.path);
    match std::fs::metadata(&path) {
        Ok(meta) if meta.len() == o.bytes.len() as u64 => {
            std::fs::read(&path).map_or(true, |old| old != o.bytes)
        }
        _ => true,
    }
}

/// Stages every changed file, renames them into place, then removes the stale ones.
fn commit<'a>(
    total: usize,
    changed: &[&Output],
    stale: impl Iterator<Item = &'a String>,
    dir: &Path,
) -> Result<WriteReport, WriteError> {
    // Each folder is made once, not once per file in it.
    let folders: BTreeSet<&Path> = changed
        .iter()
        .filter_map(|o| Path::new(&o.path).parent())
        .collect();
    for f in folders {
        let f = dir.join(f);
        std::fs::create_dir_all(&f).map_err(err(&f))?;
    }
    let staged: Vec<Result<PathBuf, WriteError>> = changed
        .par_iter()
        .map(|o| stage(&dir.join(&o.path), &o.bytes))
        .collect();
    if let Some(i) = staged.iter().position(Result::is_err) {
        for tmp in staged.iter().flatten() {
            let _ = std::fs::remove_file(tmp);
        }
        return Err(staged
            .into_iter()
            .nth(i)
            .and_then(Result::err)
            .expect("an error at i"));
    }
    for (o, tmp) in changed.iter().zip(staged.into_iter().flatten()) {
        let path = dir.join(&o.path);
        std::fs::rename(&tmp, &path).map_err(|e| WriteError { path, source: e })?;
    }
    let written = changed.iter().filter(|o| o.path != MANIFEST).count();
    let mut report = WriteReport {
        written,
        unchanged: total - written,
        removed: 0,
    };
    for stale in stale {
        // The manifest is ours, but never trust a path in it to leave the folder.
        if stale.split('/').any(|p| p == ".." || p.is_empty()) || stale.starts_with('/') {
            continue;
        }
        let path = dir.join(stale);
        match std::fs::remove_file(&path) {
            Ok(()) => {
                report.removed += 1;
                remove_empty_parents(&path, dir);
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(WriteError { path, source: e }),
        }
    }
    Ok(report)
}

/// Writes `bytes` to a temporary file beside `path`; returns the temporary file.
fn stage(path: &Path, bytes: &[u8]) -> Result<PathBuf, WriteError> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".briefing-tmp");
    let tmp = PathBuf::from(tmp);
    std::fs::write(&tmp, bytes).map_err(err(&tmp))?;
    Ok(tmp)
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
    fn a_write_that_fails_half_way_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        write(&[out("a.html", "A"), out("b.html", "B")], dir.path()).unwrap();
        // A folder where a file must go makes staging fail for that file only.
        std::fs::create_dir_all(dir.path().join("c.html.briefing-tmp/x")).unwrap();
        let r = write(
            &[out("a.html", "A2"), out("b.html", "B2"), out("c.html", "C")],
            dir.path(),
        );
        assert!(r.is_err());
        assert_eq!(
            std::fs::read_to_string(dir.path().join("a.html")).unwrap(),
            "A"
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join("b.html")).unwrap(),
            "B"
        );
        assert!(
            !dir.path().join("a.html.briefing-tmp").exists(),
            "temporary files cleaned up"
        );
        assert!(!dir.path().join("c.html").exists());
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
