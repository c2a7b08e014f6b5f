//! Parsed files kept between rebuilds, so that a rebuild re-reads only changed files.
//!
//! A file is trusted unchanged when its length and modification time are what they were
//! when it was parsed. Like git's index, an entry parsed within [`RACY`] of the file's
//! modification time is not trusted (a second write within the file system's timestamp
//! granularity would leave the time unchanged): such a file is simply read again.

use std::any::Any;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

/// How close to its modification time a file must have been read to be read again.
pub const RACY: Duration = Duration::from_secs(2);

#[derive(Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: SystemTime,
}

struct Entry {
    stamp: Stamp,
    read_at: SystemTime,
    value: Arc<dyn Any + Send + Sync>,
}

/// What each file parsed to, by path.
#[derive(Default)]
pub struct FileCache {
    entries: Mutex<HashMap<PathBuf, Entry>>,
}

impl std::fmt::Debug for FileCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.entries.lock().map_or(0, |e| e.len());
        write!(f, "FileCache({n} files)")
    }
}

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some(Stamp {
        len: meta.len(),
        modified: meta.modified().ok()?,
    })
}

impl FileCache {
    /// An empty cache.
    pub fn new() -> Self {
        Self::default()
    }

    /// The value `parse` gives for the file at `path`, from the cache when the file has
    /// not changed since it was parsed.
    pub fn get_or<T: Clone + Send + Sync + 'static>(
        &self,
        path: &Path,
        parse: impl FnOnce() -> T,
    ) -> T {
        let before = stamp(path);
        if let Some(before) = before {
            let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(e) = entries.get(path)
                && e.stamp == before
                && e.read_at
                    .duration_since(before.modified)
                    .is_ok_and(|d| d >= RACY)
                && let Some(v) = e.value.downcast_ref::<T>()
            {
                return v.clone();
            }
        }
        let read_at = SystemTime::now();
        let value = parse();
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        match before.filter(|b| stamp(path) == Some(*b)) {
            Some(stamp) => {
                entries.insert(
                    path.to_path_buf(),
                    Entry {
                        stamp,
                        read_at,
                        value: Arc::new(value.clone()),
                    },
                );
            }
            // Changed while being read: keep nothing, read it again next time.
            None => {
                entries.remove(path);
            }
        }
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    fn backdate(path: &Path, secs: u64) {
        let f = std::fs::File::options().write(true).open(path).unwrap();
        f.set_modified(SystemTime::now() - Duration::from_secs(secs))
            .unwrap();
    }

    #[test]
    fn unchanged_files_are_not_read_again() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.yaml");
        std::fs::write(&p, "a").unwrap();
        backdate(&p, 3600);
        let cache = FileCache::new();
        let reads = Cell::new(0);
        let read = || {
            reads.set(reads.get() + 1);
            std::fs::read_to_string(&p).unwrap()
        };
        assert_eq!(cache.get_or(&p, read), "a");
        assert_eq!(cache.get_or(&p, read), "a");
        assert_eq!(reads.get(), 1);
        std::fs::write(&p, "b").unwrap();
        backdate(&p, 1800);
        assert_eq!(cache.get_or(&p, read), "b");
        assert_eq!(reads.get(), 2);
    }

    #[test]
    fn recently_modified_files_are_read_again() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.yaml");
        std::fs::write(&p, "a").unwrap();
        let cache = FileCache::new();
        let reads = Cell::new(0);
        let read = || {
            reads.set(reads.get() + 1);
            std::fs::read_to_string(&p).unwrap()
        };
        cache.get_or(&p, read);
        // Same length, possibly the same timestamp: must not be trusted.
        std::fs::write(&p, "c").unwrap();
        assert_eq!(cache.get_or(&p, read), "c");
        assert_eq!(reads.get(), 2);
    }
}
