//! Fast rebuilds: after an edit, make again only what the edit changed, and say which
//! output files changed, so only those are written.
//!
//! Two paths. An edit to the words of items (their Markdown bodies), the common case
//! while writing, or to a meeting's, statement's or guarantee component's fields that no
//! link shows (a contribution's status among them), takes the fast one (`fast.rs`): the
//! changed files alone are read and validated, the model is patched, and only the pages
//! and export pieces showing what changed are made again. Any other change rebuilds the
//! whole site in memory (parsing only the files that changed, [`crate::load::FileCache`])
//! and compares every file with its previous bytes. [`full`] is the plain path; tests
//! check that both agree with it byte for byte.

mod fast;
mod scan;

use crate::diagnostics::Diagnostics;
use crate::load::FileCache;
use crate::model::Tlp;
use crate::render::{self, Output};
use crate::{Site, write};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A site rebuilt.
#[derive(Debug)]
pub struct Rebuilt {
    /// Warnings.
    pub warnings: Diagnostics,
    /// Pages rendered (the others were kept as they were).
    pub rendered: usize,
    /// True when only the changed items' words were made again (the fast path).
    pub partial: bool,
    /// Output paths whose bytes differ from the previous successful rebuild.
    pub changed: Vec<String>,
    /// Output paths the previous successful rebuild had and this one does not.
    pub removed: Vec<String>,
}

/// Renders the site at `root` for `audience` (default: site.yaml's), from scratch.
pub fn full(root: &Path, audience: Option<Tlp>) -> Result<(Vec<Output>, Diagnostics), Diagnostics> {
    let site = Site::load(root)?;
    let audience = audience.unwrap_or(site.model.site.audience);
    let (site, _withheld) = site.for_audience(audience);
    let outputs = site.render()?;
    Ok((outputs, site.warnings))
}

/// Rebuilds one site again and again, keeping what did not change.
pub struct Incremental {
    root: PathBuf,
    audience: Option<Tlp>,
    files: FileCache,
    stamps: scan::Stamps,
    /// What the fast path starts from; `None` after a failed rebuild.
    last: Option<fast::Last>,
    /// Every output file of the last successful rebuild.
    outputs: BTreeMap<String, Arc<Vec<u8>>>,
    /// Successful rebuilds so far.
    generation: u64,
    /// Where the rebuild of which generation was last written.
    written: Option<(PathBuf, u64)>,
}

impl std::fmt::Debug for Incremental {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Incremental({}, {} files)",
            self.root.display(),
            self.outputs.len()
        )
    }
}

impl Incremental {
    /// Nothing cached yet: the first rebuild is a full one.
    pub fn new(root: impl Into<PathBuf>, audience: Option<Tlp>) -> Self {
        Incremental {
            root: root.into(),
            audience,
            files: FileCache::new(),
            stamps: scan::Stamps::default(),
            last: None,
            outputs: BTreeMap::new(),
            generation: 0,
            written: None,
        }
    }

    /// Forgets everything but the last good outputs, so the next rebuild is a full one:
    /// after a rebuild that stopped half way (a panic), nothing it left is trusted.
    pub fn forget(&mut self) {
        self.files = FileCache::new();
        self.stamps = scan::Stamps::default();
        self.last = None;
    }

    /// Rebuilds in memory, finding what changed from the files' sizes and times. Equal to
    /// [`full`] on the same files.
    pub fn rebuild(&mut self) -> Result<Rebuilt, Diagnostics> {
        let changed = self.stamps.scan(&self.root);
        self.rebuild_paths(&changed)
    }

    /// Rebuilds in memory after changes to `paths` (absolute, or relative to the root), as
    /// a file watcher reports them: no other file is looked at unless the change needs the
    /// whole site rebuilt. Equal to [`full`] if no other file changed.
    pub fn rebuild_after(&mut self, paths: &[PathBuf]) -> Result<Rebuilt, Diagnostics> {
        let root = self.root.canonicalize().unwrap_or(self.root.clone());
        let rel: Vec<PathBuf> = paths
            .iter()
            .map(|p| {
                p.strip_prefix(&root)
                    .or_else(|_| p.strip_prefix(&self.root))
                    .unwrap_or(p)
                    .to_path_buf()
            })
            .collect();
        self.stamps.forget(&rel);
        self.rebuild_paths(&rel)
    }

    fn rebuild_paths(&mut self, paths: &[PathBuf]) -> Result<Rebuilt, Diagnostics> {
        if let Some(last) = self.last.as_mut() {
            // On `Some(Err)` the model was patched but its pages failed: the whole site
            // says more, and is rebuilt below.
            if let Some(Ok(done)) = fast::rebuild(&self.root, last, paths, &mut self.outputs) {
                self.generation += 1;
                return Ok(Rebuilt {
                    warnings: last.warnings.clone(),
                    rendered: done.pages,
                    partial: true,
                    changed: done.changed,
                    removed: done.removed,
                });
            }
        }
        self.rebuild_whole()
    }

    /// Rebuilds the whole site in memory and compares every file with its last bytes.
    fn rebuild_whole(&mut self) -> Result<Rebuilt, Diagnostics> {
        self.last = None;
        let (site, ids) = Site::load_keeping_ids(&self.root, Some(&self.files))?;
        let audience = self.audience.unwrap_or(site.model.site.audience);
        // The fast path checks an edited file against the model validated, and renders
        // the one restricted: both are kept when they differ.
        let full = crate::audience::withholds(&site.model, audience).then(|| site.model.clone());
        let (site, withheld) = site.for_audience(audience);
        let opts = render::RenderOptions::default();
        let (outputs, kept) = render::partial::render_keeping(&site.model, &site.root, &opts)
            .map_err(|ds| {
                let mut all = site.warnings.clone();
                all.extend(ds);
                all
            })?;
        let rendered = outputs.iter().filter(|o| o.path.ends_with(".html")).count();
        let mut fresh = BTreeMap::new();
        let mut changed = Vec::new();
        for o in outputs {
            if self.outputs.get(&o.path).is_none_or(|b| **b != o.bytes) {
                changed.push(o.path.clone());
            }
            fresh.insert(o.path, Arc::new(o.bytes));
        }
        let removed = self
            .outputs
            .keys()
            .filter(|p| !fresh.contains_key(*p))
            .cloned()
            .collect();
        self.outputs = fresh;
        self.generation += 1;
        let warnings = site.warnings.clone();
        self.last = Some(fast::Last {
            model: site.model,
            full,
            gone: withheld.ids,
            ids,
            kept,
            warnings: site.warnings,
        });
        Ok(Rebuilt {
            warnings,
            rendered,
            partial: false,
            changed,
            removed,
        })
    }

    /// Every output file of the last successful rebuild, by path.
    pub fn files(&self) -> &BTreeMap<String, Arc<Vec<u8>>> {
        &self.outputs
    }

    /// Adds an output file as if a rebuild had made it (for tests of what serves them).
    #[cfg(test)]
    pub(crate) fn insert_file(&mut self, path: &str, bytes: &[u8]) {
        self.outputs
            .insert(path.to_string(), Arc::new(bytes.to_vec()));
    }

    /// Every output file of the last successful rebuild, sorted by path (a copy).
    pub fn outputs(&self) -> Vec<Output> {
        self.outputs
            .iter()
            .map(|(path, bytes)| Output {
                path: path.clone(),
                bytes: bytes.to_vec(),
            })
            .collect()
    }

    /// Writes the latest rebuild into `dir`. The first time, into another folder, or if a
    /// rebuild went unwritten, every file is compared and written as `build` does; after
    /// that, only the changed ones.
    pub fn write(
        &mut self,
        r: &Rebuilt,
        dir: &Path,
    ) -> Result<write::WriteReport, write::WriteError> {
        let in_step = self
            .written
            .as_ref()
            .is_some_and(|(d, g)| d == dir && g + 1 == self.generation);
        self.written = None;
        let files: Vec<(&str, &[u8])> = self
            .outputs
            .iter()
            .map(|(p, b)| (p.as_str(), b.as_slice()))
            .collect();
        let report = if in_step {
            write::write_delta(&files, &r.changed, dir)?
        } else {
            write::write_files(&files, dir)?
        };
        self.written = Some((dir.to_path_buf(), self.generation));
        Ok(report)
    }
}
