//! The first phase of a write: outputs staged beside their targets as they come.

use super::{MANIFEST, WriteError, WriteReport, err};
use crate::render::Output;
use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The first phase of a write, fed one output at a time (from many threads) as pages are
/// rendered, so a build never holds every page in memory. Each output whose bytes differ
/// from the file already there is written to a temporary file beside its target;
/// [`Stager::commit`] renames them into place and removes stale files. Dropped without a
/// commit (a later page failed), it removes its temporary files and the folder is as it
/// was.
///
/// Into a folder that is empty or missing there is no previous output to keep whole, so
/// files are written in place (no temporary file, no rename, nothing to compare): a
/// first or clean build costs little more than writing the files. A manifest is written
/// first, so that a build killed half-way leaves a folder later builds recognise as
/// theirs; a build that fails removes what it wrote.
pub struct Stager {
    dir: PathBuf,
    state: Mutex<Staged>,
    committed: bool,
    /// The folder was empty: files go straight to their place.
    in_place: bool,
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
    /// The manifest written before the first file of an in-place write.
    marker: Option<PathBuf>,
}

impl Stager {
    /// A stager for the output folder `dir` (made when the first file is staged).
    pub fn new(dir: &Path) -> Stager {
        Stager {
            dir: dir.to_path_buf(),
            state: Mutex::new(Staged::default()),
            committed: false,
            in_place: super::is_empty(dir),
        }
    }

    /// Where a changed file is written before the commit: beside its target, or, in
    /// place, the target itself (after the manifest that marks the folder as ours).
    fn staging_path(&self, target: &Path) -> Result<PathBuf, WriteError> {
        if !self.in_place {
            return Ok(tmp_path(target));
        }
        if self.lock().marker.is_none() {
            let manifest = self.dir.join(MANIFEST);
            self.make_folder_of(&manifest)?;
            let mut state = self.lock();
            if state.marker.is_none() {
                std::fs::write(&manifest, b"").map_err(err(&manifest))?;
                state.marker = Some(manifest);
            }
        }
        Ok(target.to_path_buf())
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
        self.stage_bytes(&o.path, &o.bytes)
    }

    /// Stages the file at `rel` with `bytes` if the folder does not already hold it so.
    pub fn stage_bytes(&self, rel: &str, bytes: &[u8]) -> Result<(), WriteError> {
        if !self.in_place && !differs(&self.dir, rel, bytes) {
            self.keep(rel);
            return Ok(());
        }
        self.stage_changed(rel, bytes)
    }

    /// Stages the file at `rel` with `bytes`, known to differ from what the folder holds
    /// (not read back to compare: an export can be tens of megabytes).
    pub fn stage_changed(&self, rel: &str, bytes: &[u8]) -> Result<(), WriteError> {
        self.keep(rel);
        let path = self.dir.join(rel);
        self.make_folder_of(&path)?;
        let tmp = self.staging_path(&path)?;
        std::fs::write(&tmp, bytes).map_err(err(&tmp))?;
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
        let tmp = self.staging_path(&target)?;
        let file = std::fs::File::create(&tmp).map_err(err(&tmp))?;
        // Recorded at once, so that a failure from here on removes it.
        self.lock().files.push((target.clone(), tmp.clone()));
        let mut out = io::BufWriter::with_capacity(256 * 1024, file);
        write(&mut out)
            .and_then(|()| io::Write::flush(&mut out))
            .map_err(err(&tmp))?;
        drop(out);
        if !self.in_place && same_contents(&tmp, &target) {
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

    pub(super) fn commit_removing(mut self, stale: Vec<String>) -> Result<WriteReport, WriteError> {
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
        // Counted by target: two outputs for one path (which validation prevents) are one
        // file written, and never more files than paths.
        let staged = self
            .lock()
            .files
            .iter()
            .map(|(path, _)| path)
            .collect::<BTreeSet<_>>()
            .len();
        if differs(&self.dir, &manifest.path, &manifest.bytes) {
            // Staged like every other file, so a failure here cleans up after itself.
            let path = self.dir.join(MANIFEST);
            let tmp = self.staging_path(&path)?;
            std::fs::write(&tmp, &manifest.bytes).map_err(err(&tmp))?;
            self.lock().files.push((path, tmp));
        }
        let files = std::mem::take(&mut self.lock().files);
        self.committed = true;
        for (i, (path, tmp)) in files.iter().enumerate() {
            if tmp == path {
                continue; // written in place
            }
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
            if let Some(marker) = &state.marker {
                let _ = std::fs::remove_file(marker);
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
fn differs(dir: &Path, rel: &str, bytes: &[u8]) -> bool {
    let path = dir.join(rel);
    match std::fs::metadata(&path) {
        Ok(meta) if meta.len() == bytes.len() as u64 => {
            std::fs::read(&path).map_or(true, |old| old != bytes)
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

/// The temporary file staged beside `path`.
fn tmp_path(path: &Path) -> PathBuf {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".briefing-tmp");
    PathBuf::from(tmp)
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
