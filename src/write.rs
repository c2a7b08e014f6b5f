//! Write stage: only changed files are rewritten, each atomically (temporary file, then
//! rename), and files an earlier build wrote but this one did not are removed.

use crate::render::Output;
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

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
    let stager = Stager::new(dir);
    outputs.par_iter().try_for_each(|o| stager.stage(o))?;
    stager.commit()
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
    let stager = Stager::new(dir);
    let wanted: BTreeSet<&str> = changed.iter().map(String::as_str).collect();
    for o in outputs {
        if wanted.contains(o.path.as_str()) {
            stager.stage(o)?;
        } else {
            stager.keep(&o.path);
        }
    }
    stager.commit_removing(removed.to_vec())
}

/// The first phase of a write, fed one output at a time (from many threads) as pages are
/// rendered, so a build never holds every page in memory. Each output whose bytes differ
/// from the file already there is written to a temporary file beside its target;
/// [`Stager::commit`] renames them into place and removes stale files. Dropped without a
/// commit (a later page failed), it removes its temporary files and the folder is as it
/// was.
pub struct Stager {
    dir: PathBuf,
    state: Mutex<Staged>,
    committed: bool,
}

#[derive(Default)]
struct Staged {
    /// Every output path seen, for the manifest.
    paths: BTreeSet<String>,
    /// (target, temporary file) of each changed output.
    files: Vec<(PathBuf, PathBuf)>,
    /// Folders already made.
    folders: BTreeSet<PathBuf>,
    /// Folders that did not exist before this write: removed again if it fails.
    created: BTreeSet<PathBuf>,
}

impl Stager {
    /// A stager for the output folder `dir` (made when the first file is staged).
    pub fn new(dir: &Path) -> Stager {
        Stager {
            dir: dir.to_path_buf(),
            state: Mutex::new(Staged::default()),
            committed: false,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Staged> {
        // A panic elsewhere cannot leave the lists half-updated: take them as they are.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Records `path` as part of the output without writing it (known to be unchanged).
    pub fn keep(&self, path: &str) {
        self.lock().paths.insert(path.to_string());
    }

    /// Makes the folder `file` goes in, once, noting the folders that did not exist.
    fn make_folder_of(&self, file: &Path) -> Result<(), WriteError> {
        let Some(folder) = file.parent() else {
            return Ok(());
        };
        if self.lock().folders.contains(folder) {
            return Ok(());
        }
        let missing: Vec<PathBuf> = folder
            .ancestors()
            .take_while(|d| !d.exists())
            .map(Path::to_path_buf)
            .collect();
        std::fs::create_dir_all(folder).map_err(err(folder))?;
        let mut state = self.lock();
        state.folders.insert(folder.to_path_buf());
        state.created.extend(missing);
        Ok(())
    }

    /// Stages `o` if the folder does not already hold it with these bytes.
    pub fn stage(&self, o: &Output) -> Result<(), WriteError> {
        self.keep(&o.path);
        if !differs(&self.dir, o) {
            return Ok(());
        }
        let path = self.dir.join(&o.path);
        self.make_folder_of(&path)?;
        let tmp = stage(&path, &o.bytes)?;
        self.lock().files.push((path, tmp));
        Ok(())
    }

    /// Stages the file at `path` that `write` writes piece by piece (an export too large
    /// to hold whole): straight into its temporary file, which is dropped if it turns out
    /// to hold the bytes the folder already has.
    pub fn stage_streamed(
        &self,
        path: &str,
        write: &mut crate::render::exports::WriteFn,
    ) -> Result<(), WriteError> {
        self.keep(path);
        let target = self.dir.join(path);
        self.make_folder_of(&target)?;
        let mut tmp = target.as_os_str().to_owned();
        tmp.push(".briefing-tmp");
        let tmp = PathBuf::from(tmp);
        let file = std::fs::File::create(&tmp).map_err(err(&tmp))?;
        // Recorded at once, so that a failure from here on removes it.
        self.lock().files.push((target.clone(), tmp.clone()));
        let mut out = io::BufWriter::with_capacity(256 * 1024, file);
        write(&mut out)
            .and_then(|()| io::Write::flush(&mut out))
            .map_err(err(&tmp))?;
        drop(out);
        if same_contents(&tmp, &target) {
            let _ = std::fs::remove_file(&tmp);
            self.lock().files.retain(|(_, t)| t != &tmp);
        }
        Ok(())
    }

    /// Writes the manifest, renames every staged file into place and removes the files
    /// the previous build wrote and this one did not.
    pub fn commit(self) -> Result<WriteReport, WriteError> {
        let previous: BTreeSet<String> = std::fs::read_to_string(self.dir.join(MANIFEST))
            .map(|t| t.lines().map(str::to_string).collect())
            .unwrap_or_default();
        let stale = {
            let state = self.lock();
            previous
                .difference(&state.paths)
                .filter(|p| p.as_str() != MANIFEST)
                .cloned()
                .collect()
        };
        self.commit_removing(stale)
    }

    fn commit_removing(mut self, stale: Vec<String>) -> Result<WriteReport, WriteError> {
        std::fs::create_dir_all(&self.dir).map_err(err(&self.dir))?;
        let paths = std::mem::take(&mut self.lock().paths);
        let manifest = Output {
            path: MANIFEST.into(),
            bytes: paths
                .iter()
                .map(|p| format!("{p}\n"))
                .collect::<String>()
                .into_bytes(),
        };
        let staged = self.lock().files.len();
        if differs(&self.dir, &manifest) {
            // Staged like every other file, so a failure here cleans up after itself.
            let path = self.dir.join(MANIFEST);
            let tmp = stage(&path, &manifest.bytes)?;
            self.lock().files.push((path, tmp));
        }
        let files = std::mem::take(&mut self.lock().files);
        self.committed = true;
        for (i, (path, tmp)) in files.iter().enumerate() {
            if let Err(e) = std::fs::rename(tmp, path) {
                for (_, tmp) in &files[i..] {
                    let _ = std::fs::remove_file(tmp);
                }
                return Err(WriteError {
                    path: path.clone(),
                    source: e,
                });
            }
        }
        let written = staged;
        let mut report = WriteReport {
            written,
            unchanged: paths.len() - written,
            removed: 0,
        };
        for stale in &stale {
            // The manifest is ours, but never trust a path in it to leave the folder.
            if stale.split('/').any(|p| p == ".." || p.is_empty()) || stale.starts_with('/') {
                continue;
            }
            let path = self.dir.join(stale);
            match std::fs::remove_file(&path) {
                Ok(()) => {
                    report.removed += 1;
                    remove_empty_parents(&path, &self.dir);
                }
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(WriteError { path, source: e }),
            }
        }
        Ok(report)
    }
}

impl Drop for Stager {
    fn drop(&mut self) {
        if !self.committed {
            let state = self.lock();
            for (_, tmp) in &state.files {
                let _ = std::fs::remove_file(tmp);
            }
            // Deepest first; a folder that is not empty (not ours alone) stays.
            for folder in state.created.iter().rev() {
                let _ = std::fs::remove_dir(folder);
            }
        }
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

/// True if the files at `a` and `b` both exist with the same bytes (compared a piece
/// at a time; files of different sizes are not read).
fn same_contents(a: &Path, b: &Path) -> bool {
    use std::io::Read;
    let (Ok(ma), Ok(mb)) = (std::fs::metadata(a), std::fs::metadata(b)) else {
        return false;
    };
    if ma.len() != mb.len() {
        return false;
    }
    let (Ok(fa), Ok(fb)) = (std::fs::File::open(a), std::fs::File::open(b)) else {
        return false;
    };
    let (mut ra, mut rb) = (io::BufReader::new(fa), io::BufReader::new(fb));
    let (mut ba, mut bb) = (vec![0u8; 64 * 1024], vec![0u8; 64 * 1024]);
    loop {
        let n = match ra.read(&mut ba) {
            Ok(0) => return true,
            Ok(n) => n,
            Err(_) => return false,
        };
        if rb.read_exact(&mut bb[..n]).is_err() || ba[..n] != bb[..n] {
            return false;
        }
    }
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
