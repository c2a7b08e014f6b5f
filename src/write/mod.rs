//! Write stage: only changed files are rewritten, each atomically (temporary file, then
//! rename; in place into an empty folder), and files an earlier build wrote but this one
//! did not are removed.

use crate::render::Output;
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};

mod stager;
pub use stager::Stager;

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
    !dir.join(MANIFEST).is_file() && holds_files(dir) == Some(true)
}

/// True if `dir` is missing or holds nothing but a `.gitignore` or `.gitkeep`.
fn is_empty(dir: &Path) -> bool {
    holds_files(dir) == Some(false)
}

/// Whether `dir` holds anything but a `.gitignore` or `.gitkeep` (false if it is
/// missing); `None` if it cannot be read.
fn holds_files(dir: &Path) -> Option<bool> {
    match std::fs::read_dir(dir) {
        Ok(entries) => Some(entries.filter_map(Result::ok).any(|e| {
            let n = e.file_name();
            n != ".gitignore" && n != ".gitkeep"
        })),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Some(false),
        Err(_) => None,
    }
}

/// Writes `outputs` under `dir` in two phases: every changed file is first written
/// beside its target as a temporary file; only when all of them are written are they
/// renamed into place. A failure in the first phase removes the temporary files and
/// leaves the previous output exactly as it was.
pub fn write(outputs: &[Output], dir: &Path) -> Result<WriteReport, WriteError> {
    let files: Vec<(&str, &[u8])> = outputs
        .iter()
        .map(|o| (o.path.as_str(), &o.bytes[..]))
        .collect();
    write_files(&files, dir)
}

/// [`write`], of files given as (path, bytes).
pub fn write_files(files: &[(&str, &[u8])], dir: &Path) -> Result<WriteReport, WriteError> {
    let stager = Stager::new(dir);
    files
        .par_iter()
        .try_for_each(|(path, bytes)| stager.stage_bytes(path, bytes))?;
    stager.commit()
}

/// [`write`] into `dir`, which holds the outputs of an earlier build, when what changed
/// since is known: only the `changed` paths of `outputs` are written (the others are
/// not even read) and the `removed` ones deleted, in the same two phases.
pub fn write_delta(
    files: &[(&str, &[u8])],
    changed: &[String],
    removed: &[String],
    dir: &Path,
) -> Result<WriteReport, WriteError> {
    let stager = Stager::new(dir);
    let wanted: BTreeSet<&str> = changed.iter().map(String::as_str).collect();
    let (write, keep): (Vec<_>, Vec<_>) = files.iter().partition(|(p, _)| wanted.contains(p));
    for (path, _) in keep {
        stager.keep(path);
    }
    // The changed files are few but may be large (the exports): written in parallel.
    write
        .par_iter()
        .try_for_each(|(path, bytes)| stager.stage_changed(path, bytes))?;
    stager.commit_removing(removed.to_vec())
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
    fn two_outputs_for_one_path_count_as_one_file() {
        let dir = tempfile::tempdir().unwrap();
        for _ in 0..2 {
            let r = write(&[out("a.html", "A"), out("a.html", "A")], dir.path()).unwrap();
            assert!(r.written + r.unchanged <= 1, "{r:?}");
        }
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
    fn streamed_files_are_written_only_when_changed_and_cleaned_up_on_failure() {
        let dir = tempfile::tempdir().unwrap();
        let put = |text: &'static str| {
            let stager = Stager::new(dir.path());
            stager
                .stage_streamed("data/big.json", &mut |w| w.write_all(text.as_bytes()))
                .unwrap();
            stager.commit().unwrap()
        };
        assert_eq!(put("one").written, 1);
        assert_eq!((put("one").written, put("one").unchanged), (0, 1));
        assert_eq!(put("two").written, 1);
        let stager = Stager::new(dir.path());
        let failed = stager.stage_streamed("data/big.json", &mut |w| {
            w.write_all(b"half")?;
            Err(io::Error::other("the writer failed"))
        });
        assert!(failed.is_err());
        drop(stager);
        assert!(!dir.path().join("data/big.json.briefing-tmp").exists());
        assert_eq!(
            std::fs::read_to_string(dir.path().join("data/big.json")).unwrap(),
            "two"
        );
    }

    #[test]
    fn into_an_empty_folder_files_go_in_place_and_a_failure_removes_them() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(".gitignore"), "*\n").unwrap();
        let listing = || {
            let mut names: Vec<String> = walkdir::WalkDir::new(dir.path())
                .min_depth(1)
                .into_iter()
                .map(|e| {
                    e.unwrap()
                        .path()
                        .strip_prefix(dir.path())
                        .unwrap()
                        .display()
                        .to_string()
                })
                .collect();
            names.sort();
            names
        };
        // Failed: only what was there before is left.
        let stager = Stager::new(dir.path());
        stager.stage(&out("meetings/a.html", "A")).unwrap();
        assert!(
            dir.path().join("meetings/a.html").is_file(),
            "written in place"
        );
        assert!(
            dir.path().join(MANIFEST).is_file(),
            "marked as ours at once"
        );
        drop(stager);
        assert_eq!(listing(), [".gitignore"]);
        // Killed half-way (no clean-up): the folder is still recognised as ours.
        let stager = Stager::new(dir.path());
        stager.stage(&out("meetings/a.html", "A")).unwrap();
        std::mem::forget(stager);
        assert!(!is_foreign(dir.path()));
        std::fs::remove_dir_all(dir.path().join("meetings")).unwrap();
        std::fs::remove_file(dir.path().join(MANIFEST)).unwrap();
        // Committed: files, manifest, no temporary files.
        let stager = Stager::new(dir.path());
        stager.stage(&out("meetings/a.html", "A")).unwrap();
        stager
            .stage_streamed("data/big.json", &mut |w| w.write_all(b"{}"))
            .unwrap();
        let r = stager.commit().unwrap();
        assert_eq!((r.written, r.unchanged), (2, 0));
        assert_eq!(
            listing(),
            [
                ".briefing-manifest",
                ".gitignore",
                "data",
                "data/big.json",
                "meetings",
                "meetings/a.html"
            ]
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join(MANIFEST)).unwrap(),
            "data/big.json\nmeetings/a.html\n"
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
