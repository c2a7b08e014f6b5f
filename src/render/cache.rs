//! Pages kept between renders: a page whose inputs (template variables, globals and
//! templates) equal those of its last render is not rendered again.
//!
//! Inputs are compared for equality, not hashed, so a reused page is exactly the page a
//! full render would give: rendering is a pure function of them.

use super::{Output, Page};
use crate::diagnostics::Diagnostic;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use tera::{Context, Tera, Value};

/// Everything a page's bytes depend on besides the templates and globals.
#[derive(Clone)]
struct PageKey {
    template: &'static str,
    title: String,
    section: &'static str,
    data: Vec<(&'static str, Value)>,
}

impl PageKey {
    /// True when `p` has these inputs (compared in place, nothing cloned).
    fn matches(&self, p: &Page) -> bool {
        self.template == p.template
            && self.section == p.section
            && self.title == p.title
            && self.data == p.data
    }

    fn of(p: &Page) -> Self {
        PageKey {
            template: p.template,
            title: p.title.clone(),
            section: p.section,
            data: p.data.clone(),
        }
    }
}

/// The site's own templates (the embedded ones are fixed in the binary) and the globals.
#[derive(Clone, PartialEq)]
struct SharedKey {
    templates: Vec<(String, Vec<u8>)>,
    globals: Context,
}

/// Rendered pages from the last successful render, with their inputs.
#[derive(Default)]
pub struct RenderCache {
    shared: Option<SharedKey>,
    pages: HashMap<String, (PageKey, Vec<u8>)>,
    /// Pages rendered (not reused) by the last render.
    pub rendered: usize,
    /// Paths whose bytes differ from the previous successful render (new ones included).
    pub changed: Vec<String>,
    /// Paths the previous successful render had and the last one does not.
    pub removed: Vec<String>,
}

impl std::fmt::Debug for RenderCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "RenderCache({} pages)", self.pages.len())
    }
}

/// The files of `root/templates`, by path, as bytes.
fn template_files(root: &Path) -> Vec<(String, Vec<u8>)> {
    walkdir::WalkDir::new(root.join("templates"))
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let bytes = std::fs::read(e.path()).unwrap_or_default();
            (e.path().to_string_lossy().into_owned(), bytes)
        })
        .collect()
}

type Rendered = Result<Output, Vec<Diagnostic>>;

impl RenderCache {
    /// True if `path` is a page of the last successful render.
    pub fn has(&self, path: &str) -> bool {
        self.pages.contains_key(path)
    }

    /// Renders `pages`, reusing unchanged ones. The cache is updated by [`Self::commit`]
    /// only once the whole render succeeded, so it always describes a complete site.
    pub(super) fn render(
        &mut self,
        tera: &mut Tera,
        root: &Path,
        pages: &[Page],
        render_page: fn(&Tera, &Page) -> Rendered,
    ) -> (Vec<Rendered>, Pending) {
        let shared = SharedKey {
            templates: template_files(root),
            globals: tera.global_context().clone(),
        };
        let reuse = self.shared.as_ref() == Some(&shared);
        let tera = &*tera;
        let results: Vec<(Rendered, Option<PageKey>)> = pages
            .par_iter()
            .map(|p| {
                if reuse
                    && let Some((old, bytes)) = self.pages.get(&p.path)
                    && old.matches(p)
                {
                    let out = Output {
                        path: p.path.clone(),
                        bytes: bytes.clone(),
                    };
                    return (Ok(out), None);
                }
                (render_page(tera, p), Some(PageKey::of(p)))
            })
            .collect();
        let mut fresh = Vec::new();
        let mut outputs = Vec::with_capacity(results.len());
        for (r, key) in results {
            if let (Ok(o), Some(key)) = (&r, key) {
                fresh.push((o.path.clone(), key, o.bytes.clone()));
            }
            outputs.push(r);
        }
        let planned = pages.iter().map(|p| p.path.clone()).collect();
        let pending = Pending {
            shared,
            reuse,
            fresh,
            planned,
        };
        (outputs, pending)
    }

    /// Records a successful render.
    pub(super) fn commit(&mut self, p: Pending) {
        if !p.reuse {
            self.pages.retain(|path, _| p.planned.contains(path));
        }
        self.rendered = p.fresh.len();
        self.changed.clear();
        for (path, key, bytes) in p.fresh {
            let same = self.pages.get(&path).is_some_and(|(_, old)| *old == bytes);
            if !same {
                self.changed.push(path.clone());
            }
            self.pages.insert(path, (key, bytes));
        }
        self.removed = self
            .pages
            .keys()
            .filter(|path| !p.planned.contains(*path))
            .cloned()
            .collect();
        for gone in &self.removed {
            self.pages.remove(gone);
        }
        self.changed.sort();
        self.removed.sort();
        self.shared = Some(p.shared);
    }
}

/// A render's results, waiting for the render to succeed as a whole.
pub(super) struct Pending {
    shared: SharedKey,
    reuse: bool,
    fresh: Vec<(String, PageKey, Vec<u8>)>,
    planned: HashSet<String>,
}

/// [`super::render_cached`] with a cache: every page's data is made and compared with
/// its last render's; only pages whose inputs changed are rendered.
pub(super) fn render_cached(
    model: &crate::model::Model,
    root: &Path,
    opts: &super::RenderOptions,
    cache: &mut RenderCache,
) -> Result<Vec<Output>, Vec<Diagnostic>> {
    use super::{Prepared, dedup, exports, pages, prepare, render_page, stylesheet};
    let Prepared {
        mut tera,
        views,
        mut pages,
        items,
        paths,
        lead,
    } = prepare(model, root, opts)?;
    // Pages and exports do not depend on each other: both run at once.
    let ((results, pending), exported) = rayon::join(
        || {
            // The cache compares each page's data with its last render's: make it all.
            pages.par_iter_mut().for_each(|p| {
                if let Some(lazy) = p.lazy.take() {
                    p.data
                        .extend(pages::lazy_data(&views, &items, lead.as_deref(), &lazy));
                }
            });
            cache.render(&mut tera, root, &pages, render_page)
        },
        || exports::all(model, &views, &paths, lead.as_deref()),
    );
    let mut outputs = Vec::with_capacity(results.len() + exported.len() + 1);
    let mut problems = Vec::new();
    for r in results
        .into_iter()
        .chain(std::iter::once(stylesheet(&tera)))
    {
        match r {
            Ok(o) => outputs.push(o),
            Err(d) => problems.extend(d),
        }
    }
    outputs.extend(exported);
    if problems.is_empty() {
        outputs.sort_by(|a, b| a.path.cmp(&b.path));
        cache.commit(pending);
        Ok(outputs)
    } else {
        Err(dedup(problems))
    }
}
