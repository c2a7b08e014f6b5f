//! Which files changed since the last rebuild, told by their sizes and modification
//! times (as git's index does), for rebuilds not told by a file watcher.

use crate::load::cache::RACY;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

#[derive(Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: SystemTime,
}

/// The files of content/ and templates/ as the last scan saw them.
#[derive(Default)]
pub(super) struct Stamps {
    files: HashMap<PathBuf, Stamp>,
    /// When the last scan ran.
    at: Option<SystemTime>,
}

impl Stamps {
    /// The files (relative to `root`) added, removed or changed since the last scan, and
    /// those changed so shortly before it that a later save could have kept their time;
    /// every file on the first scan.
    pub fn scan(&mut self, root: &Path) -> Vec<PathBuf> {
        let at = SystemTime::now();
        let now = walk(root);
        let racy = |s: &Stamp| {
            self.at
                .is_none_or(|t| t.duration_since(s.modified).map_or(true, |d| d < RACY))
        };
        let mut changed: Vec<PathBuf> = now
            .iter()
            .filter(|(p, s)| self.files.get(*p) != Some(s) || racy(s))
            .map(|(p, _)| p.clone())
            .collect();
        changed.extend(self.files.keys().filter(|p| !now.contains_key(*p)).cloned());
        changed.sort();
        self.files = now;
        self.at = Some(at);
        changed
    }

    /// Forgets what the last scan saw of `paths`, which a file watcher reported changed:
    /// the next scan reports them as changed.
    pub fn forget(&mut self, paths: &[PathBuf]) {
        for p in paths {
            self.files.remove(p);
        }
    }
}

/// Every file of content/ and templates/ with its stamp, each folder of content/ walked
/// on its own thread (a stat per file: tens of milliseconds for 10,000 files on one).
fn walk(root: &Path) -> HashMap<PathBuf, Stamp> {
    let mut tops = vec![root.join("templates")];
    let mut files = Vec::new();
    if let Ok(entries) = std::fs::read_dir(root.join("content")) {
        for e in entries.filter_map(Result::ok) {
            match e.file_type() {
                Ok(t) if t.is_dir() => tops.push(e.path()),
                Ok(t) if t.is_file() => files.push(e.path()),
                _ => {}
            }
        }
    }
    let stamp = |path: &Path| -> Option<(PathBuf, Stamp)> {
        let meta = std::fs::metadata(path).ok()?;
        let rel = path.strip_prefix(root).unwrap_or(path).to_path_buf();
        let modified = meta.modified().ok()?;
        Some((
            rel,
            Stamp {
                len: meta.len(),
                modified,
            },
        ))
    };
    let nested: Vec<(PathBuf, Stamp)> = tops
        .par_iter()
        .flat_map_iter(|top| {
            walkdir::WalkDir::new(top)
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file())
                .filter_map(|e| stamp(e.path()))
                .collect::<Vec<_>>()
        })
        .collect();
    files
        .iter()
        .filter_map(|f| stamp(f))
        .chain(nested)
        .collect()
}
