//! The first phase of a write: the whole new output staged in a folder beside the output
//! folder, as it is rendered; then one switch.

use super::steps::{Observer, Step, Unobserved};
use super::switch::{self, STAGING_MARK};
use super::{KEPT, MANIFEST, WriteError, WriteReport, err};
use crate::render::Output;
use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// A write, fed one output at a time (from many threads) as pages are rendered, so a
/// build never holds every page in memory.
///
/// Every file of the new output goes into a staging folder beside the output folder
/// (`.<name>.briefing-next`): a file whose bytes did not change is hard-linked from the
/// output folder (it keeps its modification time), any other is written. Nothing in the
/// output folder changes until [`Stager::commit`] switches the two folders with one
/// rename and removes the previous output. Dropped without a commit (a later page or a
/// write failed), it removes the staging folder: the output folder is as it was.
pub struct Stager<'o> {
    /// The output folder, every link resolved.
    out: PathBuf,
    /// Where the new output is staged.
    next: PathBuf,
    observer: &'o dyn Observer,
    /// The output folder holds files to compare with and link.
    compare: bool,
    /// Files briefing did not write, carried from build to build.
    carry: BTreeSet<String>,
    state: Mutex<Staged>,
    /// The staging folder was made by this write (and is removed if it fails).
    began: bool,
    switched: bool,
    /// Folders above the output folder made for it: removed again if the write fails.
    created: Vec<PathBuf>,
}

#[derive(Default)]
struct Staged {
    /// Every output path staged, for the manifest.
    paths: BTreeSet<String>,
    /// Paths written (new or changed bytes), counted once however often staged.
    written: BTreeSet<String>,
    /// Folders already made in the staging folder.
    folders: BTreeSet<PathBuf>,
}

impl Stager<'static> {
    /// A write into the output folder `dir`.
    pub fn new(dir: &Path) -> Result<Stager<'static>, WriteError> {
        Stager::observed(dir, &Unobserved)
    }
}

impl<'o> Stager<'o> {
    /// A write into `dir` that tells `observer` of each step before taking it.
    pub fn observed(dir: &Path, observer: &'o dyn Observer) -> Result<Stager<'o>, WriteError> {
        let out = super::guard::real_path(dir);
        let parent = out.parent().unwrap_or(Path::new("/")).to_path_buf();
        let created: Vec<PathBuf> = parent
            .ancestors()
            .take_while(|d| !d.exists())
            .map(Path::to_path_buf)
            .collect();
        std::fs::create_dir_all(&parent).map_err(err(&parent))?;
        let mut stager = Stager {
            next: switch::siblings(&out).0,
            compare: false,
            carry: BTreeSet::new(),
            out,
            observer,
            state: Mutex::new(Staged::default()),
            began: false,
            switched: false,
            created,
        };
        switch::recover(&stager.out, observer)?;
        (stager.compare, stager.carry) = previous(&stager.out);
        observer.step(Step::Begin).map_err(err(&stager.next))?;
        std::fs::create_dir(&stager.next).map_err(err(&stager.next))?;
        stager.began = true;
        let mark = stager.next.join(STAGING_MARK);
        std::fs::write(&mark, b"").map_err(err(&mark))?;
        Ok(stager)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Staged> {
        // A panic elsewhere cannot leave the lists half-updated: take them as they are.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Makes the staging folder's folder for `file`, once.
    fn make_folder_of(&self, file: &Path) -> Result<(), WriteError> {
        let Some(folder) = file.parent() else {
            return Ok(());
        };
        if self.lock().folders.contains(folder) {
            return Ok(());
        }
        std::fs::create_dir_all(folder).map_err(err(folder))?;
        self.lock().folders.insert(folder.to_path_buf());
        Ok(())
    }

    /// Notes `rel` as part of the output; gives where it is staged.
    fn claim(&self, rel: &str) -> Result<PathBuf, WriteError> {
        self.lock().paths.insert(rel.to_string());
        let target = self.next.join(rel);
        self.make_folder_of(&target)?;
        Ok(target)
    }

    /// Stages `o`.
    pub fn stage(&self, o: &Output) -> Result<(), WriteError> {
        self.stage_bytes(&o.path, &o.bytes)
    }

    /// Stages the file at `rel` with `bytes`: linked from the output folder if it holds
    /// these bytes there, else written.
    pub fn stage_bytes(&self, rel: &str, bytes: &[u8]) -> Result<(), WriteError> {
        let target = self.claim(rel)?;
        let old = self.out.join(rel);
        if self.compare && !differs(&old, bytes) && self.link(rel, &old, &target).is_ok() {
            return Ok(());
        }
        self.write_new(rel, &target, bytes)
    }

    /// Stages the file at `rel` with `bytes`, known to differ from what the output folder
    /// holds (not read back to compare: an export can be tens of megabytes).
    pub fn stage_changed(&self, rel: &str, bytes: &[u8]) -> Result<(), WriteError> {
        let target = self.claim(rel)?;
        self.write_new(rel, &target, bytes)
    }

    /// Stages the file at `rel`, known to hold `bytes` in the output folder already: linked
    /// without reading it (written if it turns out to be missing).
    pub fn stage_unchanged(&self, rel: &str, bytes: &[u8]) -> Result<(), WriteError> {
        let target = self.claim(rel)?;
        if self.compare && self.link(rel, &self.out.join(rel), &target).is_ok() {
            return Ok(());
        }
        self.write_new(rel, &target, bytes)
    }

    fn link(&self, rel: &str, old: &Path, target: &Path) -> Result<(), WriteError> {
        self.observer.step(Step::Link(rel)).map_err(err(target))?;
        switch::link_or_copy(old, target).map_err(err(target))
    }

    fn write_new(&self, rel: &str, target: &Path, bytes: &[u8]) -> Result<(), WriteError> {
        self.observer.step(Step::Write(rel)).map_err(err(target))?;
        let mut file = switch::create_new(target).map_err(err(target))?;
        io::Write::write_all(&mut file, bytes).map_err(err(target))?;
        self.lock().written.insert(rel.to_string());
        Ok(())
    }

    /// Stages the file at `rel` that `write` writes piece by piece (an export too large
    /// to hold whole); if it turns out to hold the bytes the output folder has, the old
    /// file is linked in its place (it keeps its modification time).
    pub fn stage_streamed(
        &self,
        rel: &str,
        write: &mut crate::render::exports::WriteFn,
    ) -> Result<(), WriteError> {
        let target = self.claim(rel)?;
        self.observer.step(Step::Write(rel)).map_err(err(&target))?;
        let file = switch::create_new(&target).map_err(err(&target))?;
        let mut out = io::BufWriter::with_capacity(256 * 1024, file);
        write(&mut out)
            .and_then(|()| io::Write::flush(&mut out))
            .map_err(err(&target))?;
        drop(out);
        let old = self.out.join(rel);
        if self.compare && same_contents(&target, &old) {
            // Linked beside, then renamed over the copy just written: never missing.
            let mut linked = target.clone().into_os_string();
            linked.push(".briefing-link");
            let linked = PathBuf::from(linked);
            if self.link(rel, &old, &linked).is_ok() {
                std::fs::rename(&linked, &target).map_err(err(&target))?;
                return Ok(());
            }
        }
        self.lock().written.insert(rel.to_string());
        Ok(())
    }

    /// Carries the files briefing did not write, writes the manifest, switches the
    /// staging folder with the output folder and removes the previous output.
    pub fn commit(mut self) -> Result<WriteReport, WriteError> {
        let (paths, written) = {
            let mut state = self.lock();
            (std::mem::take(&mut state.paths), state.written.len())
        };
        let mut kept = BTreeSet::new();
        for rel in &self.carry {
            if paths.contains(rel) || !super::is_safe(rel) {
                continue;
            }
            let (from, to) = (self.out.join(rel), self.next.join(rel));
            if std::fs::symlink_metadata(&from).is_err() {
                continue;
            }
            self.observer.step(Step::Carry(rel)).map_err(err(&to))?;
            self.make_folder_of(&to)?;
            switch::link_or_copy(&from, &to).map_err(err(&to))?;
            kept.insert(rel.clone());
        }
        self.observer
            .step(Step::Manifest)
            .map_err(err(&self.next))?;
        for (name, list) in [(MANIFEST, &paths), (KEPT, &kept)] {
            if name == KEPT && list.is_empty() {
                continue;
            }
            let path = self.next.join(name);
            let text: String = list.iter().map(|p| format!("{p}\n")).collect();
            std::fs::write(&path, text).map_err(err(&path))?;
        }
        let mark = self.next.join(STAGING_MARK);
        std::fs::remove_file(&mark).map_err(err(&mark))?;
        self.observer.step(Step::Switch).map_err(err(&self.out))?;
        let old = switch::switch(&self.next, &self.out).map_err(err(&self.out))?;
        self.switched = true;
        // The new output is in place: a failure to remove the previous one leaves it
        // beside the output folder, for the next write to remove.
        let still =
            |rel: &str| paths.contains(rel) || kept.contains(rel) || rel == MANIFEST || rel == KEPT;
        let removed = match &old {
            Some(old) => switch::retire(old, self.observer, &still).unwrap_or(0),
            None => 0,
        };
        Ok(WriteReport {
            written,
            unchanged: paths.len().saturating_sub(written),
            removed,
        })
    }
}

impl Drop for Stager<'_> {
    fn drop(&mut self) {
        if !self.switched {
            if self.began {
                let _ = switch::remove_tree(&self.next, &Unobserved, &|_| false);
            }
            // Deepest first; a folder that is not empty (not ours alone) stays.
            for folder in &self.created {
                let _ = std::fs::remove_dir(folder);
            }
        }
    }
}

/// What the output folder `out` offers a write: whether it holds files to compare with,
/// and which files briefing did not write and keeps there. In a folder briefing owns,
/// those are the ones listed in its list of kept files (and a `.gitignore` or
/// `.gitkeep`); in any other folder (empty, or taken over with `--force`), every file.
fn previous(out: &Path) -> (bool, BTreeSet<String>) {
    if std::fs::symlink_metadata(out).is_err() {
        return (false, BTreeSet::new());
    }
    let mut carry = BTreeSet::new();
    let owned = out.join(MANIFEST).is_file();
    if owned {
        if let Ok(text) = std::fs::read_to_string(out.join(KEPT)) {
            carry.extend(text.lines().map(str::to_string));
        }
        carry.extend(
            [".gitignore", ".gitkeep"]
                .iter()
                .filter(|n| out.join(n).is_file())
                .map(|n| n.to_string()),
        );
    } else {
        for e in walkdir::WalkDir::new(out)
            .min_depth(1)
            .into_iter()
            .flatten()
        {
            if !e.file_type().is_dir()
                && let Ok(rel) = e.path().strip_prefix(out)
            {
                carry.insert(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let compare = owned || carry.iter().any(|p| p != ".gitignore" && p != ".gitkeep");
    (compare, carry)
}

/// True unless the file at `path` holds exactly `bytes`; a file of another size is not
/// read.
fn differs(path: &Path, bytes: &[u8]) -> bool {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() && meta.len() == bytes.len() as u64 => {
            std::fs::read(path).map_or(true, |old| old != bytes)
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
    if ma.len() != mb.len() || !mb.is_file() {
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
