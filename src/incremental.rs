//! Fast rebuilds: re-read only the files that changed, re-render only the pages whose
//! inputs changed, and say which output files changed, so only those are written.
//!
//! The model is still validated whole (cross-references make any item able to affect any
//! page), but parsing, rendering and writing, the costly stages, are limited to what
//! changed. [`full`] is the plain path; tests check the two agree byte for byte.

use crate::diagnostics::Diagnostics;
use crate::load::FileCache;
use crate::model::Tlp;
use crate::render::{self, Output, cache::RenderCache};
use crate::{Site, write};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A site rebuilt.
#[derive(Debug)]
pub struct Rebuilt {
    /// Every output file, sorted by path, as a full build gives them.
    pub outputs: Vec<Output>,
    /// Warnings.
    pub warnings: Diagnostics,
    /// Pages rendered rather than reused.
    pub rendered: usize,
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
#[derive(Debug)]
pub struct Incremental {
    root: PathBuf,
    audience: Option<Tlp>,
    files: FileCache,
    pages: RenderCache,
    /// Outputs not from the page cache (exports, stylesheet), as last built.
    extras: HashMap<String, Vec<u8>>,
    /// Successful rebuilds so far.
    generation: u64,
    /// Where the rebuild of which generation was last written.
    written: Option<(PathBuf, u64)>,
}

impl Incremental {
    /// Nothing cached yet: the first rebuild is a full one.
    pub fn new(root: impl Into<PathBuf>, audience: Option<Tlp>) -> Self {
        Incremental {
            root: root.into(),
            audience,
            files: FileCache::new(),
            pages: RenderCache::default(),
            extras: HashMap::new(),
            generation: 0,
            written: None,
        }
    }

    /// Rebuilds in memory. Equal to [`full`] on the same files.
    pub fn rebuild(&mut self) -> Result<Rebuilt, Diagnostics> {
        let site = Site::load_cached(&self.root, Some(&self.files))?;
        let audience = self.audience.unwrap_or(site.model.site.audience);
        let (site, _withheld) = site.for_audience(audience);
        let outputs = render::render_cached(
            &site.model,
            &site.root,
            &render::RenderOptions::default(),
            Some(&mut self.pages),
        )
        .map_err(|ds| {
            let mut all = site.warnings.clone();
            all.extend(ds);
            all
        })?;
        // Pages come from the render cache; exports and the stylesheet are made whole
        // each time and compared with their previous bytes here.
        let mut changed = self.pages.changed.clone();
        let mut removed = self.pages.removed.clone();
        let mut extras = HashMap::new();
        for o in outputs.iter().filter(|o| !self.pages.has(&o.path)) {
            if self.extras.get(&o.path) != Some(&o.bytes) {
                changed.push(o.path.clone());
            }
            extras.insert(o.path.clone(), o.bytes.clone());
        }
        removed.extend(
            self.extras
                .keys()
                .filter(|p| !extras.contains_key(*p))
                .cloned(),
        );
        self.extras = extras;
        changed.sort();
        removed.sort();
        self.generation += 1;
        Ok(Rebuilt {
            outputs,
            warnings: site.warnings,
            rendered: self.pages.rendered,
            changed,
            removed,
        })
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
        let report = if in_step {
            write::write_delta(&r.outputs, &r.changed, &r.removed, dir)?
        } else {
            write::write(&r.outputs, dir)?
        };
        self.written = Some((dir.to_path_buf(), self.generation));
        Ok(report)
    }
}
