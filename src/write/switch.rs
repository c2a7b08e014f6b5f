//! The second half of a write: the staged folder is switched with the output folder in
//! one rename, and the previous output, now beside it, is removed. Also what a later run
//! does with the folders an interrupted write left beside the output folder.

use super::steps::{Observer, Step, Unobserved};
use super::{MANIFEST, WriteError, err};
use rayon::prelude::*;
use std::io;
use std::path::{Path, PathBuf};

/// Marks a folder beside the output folder as briefing's to remove: the staging folder
/// while it is filled, the previous output while it is removed.
pub(super) const STAGING_MARK: &str = ".briefing-staging";

/// The folders beside `out` a write uses: where the new output is staged, and where the
/// previous one goes on systems without an atomic exchange.
pub(super) fn siblings(out: &Path) -> (PathBuf, PathBuf) {
    let name = out.file_name().unwrap_or_default().to_string_lossy();
    let parent = out.parent().unwrap_or(Path::new("/"));
    (
        parent.join(format!(".{name}.briefing-next")),
        parent.join(format!(".{name}.briefing-old")),
    )
}

/// Removes what an interrupted write left beside `out`: a folder is removed only if it
/// is marked as briefing's, holds a manifest or holds no file at all.
pub(super) fn recover(out: &Path, observer: &dyn Observer) -> Result<(), WriteError> {
    let (next, old) = siblings(out);
    for debris in [next, old] {
        if std::fs::symlink_metadata(&debris).is_err() {
            continue;
        }
        if !is_ours(&debris) {
            return Err(WriteError {
                path: debris,
                source: io::Error::other(
                    "briefing stages the output here, but this was not made by briefing: \
                     move it away",
                ),
            });
        }
        observer.step(Step::Recover).map_err(err(&debris))?;
        remove_tree(&debris, &Unobserved, &|_| false).map_err(err(&debris))?;
    }
    Ok(())
}

fn is_ours(dir: &Path) -> bool {
    let Ok(meta) = std::fs::symlink_metadata(dir) else {
        return false;
    };
    meta.is_dir()
        && (dir.join(STAGING_MARK).is_file()
            || dir.join(MANIFEST).is_file()
            || walkdir::WalkDir::new(dir)
                .into_iter()
                .filter_map(Result::ok)
                .all(|e| e.file_type().is_dir()))
}

/// Puts the folder `next` at `out`, in one step: exchanged with `out` if that exists.
/// Gives where the previous output now is, if anywhere.
pub(super) fn switch(next: &Path, out: &Path) -> io::Result<Option<PathBuf>> {
    if std::fs::symlink_metadata(out).is_err() {
        std::fs::rename(next, out)?;
        return Ok(None);
    }
    match exchange(next, out) {
        Ok(()) => Ok(Some(next.to_path_buf())),
        // No atomic exchange here: two renames, with a moment without `out`.
        Err(e)
            if matches!(e.raw_os_error(), Some(22 | 38 | 95))
                || e.kind() == io::ErrorKind::Unsupported =>
        {
            let (_, old) = siblings(out);
            std::fs::rename(out, &old)?;
            if let Err(e) = std::fs::rename(next, out) {
                let _ = std::fs::rename(&old, out);
                return Err(e);
            }
            Ok(Some(old))
        }
        Err(e) => Err(e),
    }
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

/// Removes the previous output at `old` after a switch: marked first, so that a later
/// run recognises what is left if this is interrupted; then every file (in parallel),
/// the folders, the mark. Gives how many of its files the new output does not hold
/// (`kept` tells which it does, by path).
pub(super) fn retire(
    old: &Path,
    observer: &dyn Observer,
    kept: &(dyn Fn(&str) -> bool + Sync),
) -> io::Result<usize> {
    observer.step(Step::Retire)?;
    std::fs::write(old.join(STAGING_MARK), b"")?;
    remove_tree(old, observer, kept)
}

/// Removes the folder `dir` and everything in it, the staging mark last. Gives how many
/// of the files removed `kept` does not name.
pub(super) fn remove_tree(
    dir: &Path,
    observer: &dyn Observer,
    kept: &(dyn Fn(&str) -> bool + Sync),
) -> io::Result<usize> {
    let mut files = Vec::new();
    let mut folders = Vec::new();
    for e in walkdir::WalkDir::new(dir).min_depth(1).contents_first(true) {
        let e = e.map_err(io::Error::from)?;
        if e.file_type().is_dir() {
            folders.push(e.into_path());
        } else if e.depth() != 1 || e.file_name() != STAGING_MARK {
            files.push(e.into_path());
        }
    }
    let gone = files
        .par_iter()
        .map(|f| {
            let rel = f.strip_prefix(dir).unwrap_or(f).to_string_lossy();
            observer.step(Step::Remove(&rel))?;
            std::fs::remove_file(f)?;
            Ok::<_, io::Error>(usize::from(!kept(&rel)))
        })
        .try_reduce(|| 0, |a, b| Ok(a + b))?;
    for f in &folders {
        std::fs::remove_dir(f)?;
    }
    observer.step(Step::Finish)?;
    match std::fs::remove_file(dir.join(STAGING_MARK)) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    std::fs::remove_dir(dir)?;
    Ok(gone)
}

/// Puts the file `from` at `to` without copying its bytes if it can (a hard link: same
/// file, same modification time); else a copy given `from`'s modification time.
pub(super) fn link_or_copy(from: &Path, to: &Path) -> io::Result<()> {
    if anew(to, || std::fs::hard_link(from, to)).is_ok() {
        return Ok(());
    }
    let _ = std::fs::remove_file(to);
    let meta = std::fs::symlink_metadata(from)?;
    if meta.file_type().is_symlink() {
        return copy_link(from, to);
    }
    std::fs::copy(from, to)?;
    let file = std::fs::File::options().write(true).open(to)?;
    file.set_modified(meta.modified()?)
}

#[cfg(unix)]
fn copy_link(from: &Path, to: &Path) -> io::Result<()> {
    std::os::unix::fs::symlink(std::fs::read_link(from)?, to)
}

#[cfg(not(unix))]
fn copy_link(from: &Path, to: &Path) -> io::Result<()> {
    std::fs::copy(from, to).map(drop)
}

/// A new file at `path` to write, never an existing one: a file staged twice (a bug
/// elsewhere) may be a link to the previous output's file, which writing through it
/// would change.
pub(super) fn create_new(path: &Path) -> io::Result<std::fs::File> {
    anew(path, || std::fs::File::create_new(path))
}

/// Does `make`, which makes `path`; if `path` exists, removes it first and tries again.
fn anew<T>(path: &Path, make: impl Fn() -> io::Result<T>) -> io::Result<T> {
    match make() {
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            std::fs::remove_file(path)?;
            make()
        }
        r => r,
    }
}
