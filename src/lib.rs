//! `briefing`: a static site generator for diplomatic briefings.
//!
//! The stages follow the data: [`load`] reads content/, [`validate`] builds the typed
//! [`model`], [`render`] turns it into pages with Tera, [`write`] puts them on disk.
//! [`Site`] strings them together; the CLI is a thin layer over it.

pub mod analysis;
pub mod audience;
pub mod dates;
pub mod diagnostics;
pub mod i18n;
pub mod incremental;
pub mod load;
pub mod markdown;
pub mod model;
pub mod raw;
pub mod render;
pub mod routes;
pub mod scaffold;
pub mod schema;
pub mod serve;
pub mod suggest;
pub mod timings;
pub mod validate;
pub mod write;
pub mod yaml;

use diagnostics::Diagnostics;
use model::Model;
use render::Output;
use std::path::{Path, PathBuf};

/// Why a build did not complete.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The root holds no `content/` folder: it is not a site (yet).
    #[error("no content/ folder in {}", .0.display())]
    NoContent(PathBuf),
    /// The content or templates have errors; nothing was written.
    #[error("{0}")]
    Content(Diagnostics),
    /// The command was asked to do something it must refuse (e.g. a bad output folder).
    #[error("{0}")]
    Usage(String),
    /// Writing the output failed.
    #[error("cannot write output: {0}")]
    Write(#[from] write::WriteError),
}

/// A loaded, validated site, ready to render.
#[derive(Debug)]
pub struct Site {
    /// The site root (the folder holding content/).
    pub root: PathBuf,
    /// The validated model.
    pub model: Model,
    /// Warnings found while loading; errors would have stopped the load.
    pub warnings: Diagnostics,
}

impl Site {
    /// Loads and validates the site at `root`, collecting every problem.
    pub fn load(root: &Path) -> Result<Site, Diagnostics> {
        Site::load_cached(root, None)
    }

    /// [`Site::load`], taking the files unchanged since they were parsed from `cache`.
    pub fn load_cached(root: &Path, cache: Option<&load::FileCache>) -> Result<Site, Diagnostics> {
        Site::load_keeping_ids(root, cache).map(|(site, _)| site)
    }

    /// [`Site::load_cached`], also giving the ids references were checked against (what
    /// [`validate::revalidate`] needs to check one file again).
    pub fn load_keeping_ids(
        root: &Path,
        cache: Option<&load::FileCache>,
    ) -> Result<(Site, validate::Ids), Diagnostics> {
        let (loaded, mut diags) = timings::time("load", || load::load_cached(root, cache));
        let (model, more, ids) =
            timings::time("validate", || validate::validate_keeping_ids(loaded));
        diags.extend(more);
        match model {
            Some(model) if !diags.has_errors() => Ok((
                Site {
                    root: root.to_path_buf(),
                    model,
                    warnings: diags,
                },
                ids,
            )),
            _ => Err(diags),
        }
    }

    /// The site as `audience` may see it, and what was withheld from it.
    pub fn for_audience(self, audience: model::Tlp) -> (Site, audience::Withheld) {
        let (model, withheld) = audience::restrict(self.model, audience);
        (Site { model, ..self }, withheld)
    }

    /// Renders every page in memory.
    pub fn render(&self) -> Result<Vec<Output>, Diagnostics> {
        self.render_with(&render::RenderOptions::default())
    }

    /// Renders every page and export and drops each as it is made: template problems
    /// found, nothing kept (for `check`, which writes nothing).
    pub fn render_and_discard(&self) -> Result<(), Diagnostics> {
        let discard = |_: Output| Ok::<(), std::convert::Infallible>(());
        let discard_streamed = |_: &str, write: &mut render::exports::WriteFn| {
            write(&mut std::io::sink()).expect("views serialise");
            Ok::<(), std::convert::Infallible>(())
        };
        let opts = render::RenderOptions::default();
        match render::render_each(&self.model, &self.root, &opts, &discard, &discard_streamed) {
            Ok(_) => Ok(()),
            Err(render::EmitError::Content(ds)) => {
                let mut all = self.warnings.clone();
                all.extend(ds);
                Err(all)
            }
            Err(render::EmitError::Sink(never)) => match never {},
        }
    }

    /// Renders every page and export in memory, with options.
    pub fn render_with(&self, opts: &render::RenderOptions) -> Result<Vec<Output>, Diagnostics> {
        render::render_with(&self.model, &self.root, opts).map_err(|ds| {
            let mut all = self.warnings.clone();
            all.extend(ds);
            all
        })
    }
}

/// What a successful build did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildReport {
    /// Files in the built site.
    pub files: usize,
    /// What the write stage did.
    pub write: write::WriteReport,
    /// Warnings found on the way.
    pub warnings: Diagnostics,
    /// The audience built for.
    pub audience: model::Tlp,
    /// What that audience was not given.
    pub withheld: audience::Withheld,
}

/// Validates the site at `root` without writing anything: loading, validation and
/// rendering problems only (no sourcing or claim findings; see [`check_with`]).
pub fn check(root: &Path) -> Diagnostics {
    match Site::load(root) {
        Ok(site) => match site.render_and_discard() {
            Ok(()) => site.warnings,
            Err(diags) => diags,
        },
        Err(diags) => diags,
    }
}

/// Validates the site at `root` and reports the sourcing findings and the claims that
/// cannot be checked as warnings (see [`analysis::sourcing`], [`analysis::claims`]);
/// with `strict`, every warning becomes an error.
pub fn check_with(root: &Path, strict: bool) -> Diagnostics {
    check_keeping(root, strict).0
}

/// [`check_with`], also giving the site when it loaded (for the translation status of
/// `check --translations`, [`analysis::translations::status`]).
pub fn check_keeping(root: &Path, strict: bool) -> (Diagnostics, Option<Site>) {
    let (mut diags, site) = match Site::load(root) {
        Ok(site) => match site.render_and_discard() {
            Ok(()) => {
                let mut d = site.warnings.clone();
                // The catalogs loaded for the render, one per language; their warnings
                // are `check`'s to give.
                for lang in site.model.site.languages.all() {
                    if let Ok(loaded) = i18n::load(&site.root, lang.as_str()) {
                        d.extend(loaded.warnings);
                    }
                }
                d.extend(analysis::sourcing::diagnostics(&site.model, &site.root));
                d.extend(analysis::claims::diagnostics(&site.model));
                d.extend(analysis::translations::diagnostics(&site.model, &site.root));
                (d, Some(site))
            }
            Err(diags) => (diags, None),
        },
        Err(diags) => (diags, None),
    };
    if strict {
        let mut all = Diagnostics::new();
        all.extend(diags.into_iter().map(|mut d| {
            d.severity = diagnostics::Severity::Error;
            d
        }));
        diags = all;
    }
    (diags, site)
}

/// How to build.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The output folder.
    pub output: PathBuf,
    /// Write into a non-empty folder briefing did not create.
    pub force: bool,
    /// Id of the round that leads the front page (`--round`); default: the latest round
    /// to have started by the as-of date.
    pub round: Option<String>,
    /// The highest marking to include; `None` takes site.yaml's `audience`.
    pub audience: Option<model::Tlp>,
    /// Write `data/briefing.json` indented (`--pretty-json`).
    pub pretty_json: bool,
}

impl BuildOptions {
    /// Options for building into `output`, refusing foreign folders.
    pub fn new(output: impl Into<PathBuf>) -> Self {
        BuildOptions {
            output: output.into(),
            force: false,
            round: None,
            pretty_json: false,
            audience: None,
        }
    }
}

/// Builds the site at `root`. Nothing is written unless every stage before writing succeeds.
pub fn build(root: &Path, opts: &BuildOptions) -> Result<BuildReport, BuildError> {
    build_observed(root, opts, &write::Unobserved)
}

/// [`build`], telling `observer` of each step of the write before it is taken (so a test
/// can fail one, as a full disk would, or stop the process there, as a crash would).
pub fn build_observed(
    root: &Path,
    opts: &BuildOptions,
    observer: &dyn write::Observer,
) -> Result<BuildReport, BuildError> {
    if !root.join("content").is_dir() {
        return Err(BuildError::NoContent(root.to_path_buf()));
    }
    write::guard::check(root, &opts.output, opts.force)
        .map_err(|refused| BuildError::Usage(refused.to_string()))?;
    let site = Site::load(root).map_err(BuildError::Content)?;
    let audience = opts.audience.unwrap_or(site.model.site.audience);
    let (site, withheld) = timings::time("audience", || site.for_audience(audience));
    if let Some(id) = &opts.round
        && !site.model.rounds.contains_key(id)
    {
        let mut msg = format!("unknown round `{id}` in --round");
        if let Some(s) = suggest::did_you_mean(id, site.model.rounds.keys().map(String::as_str)) {
            msg.push_str(&format!(" ({s})"));
        }
        return Err(BuildError::Usage(msg));
    }
    // Each file goes to a staging folder as soon as it is rendered, so the build never
    // holds the whole site in memory; if anything fails, the stager is dropped, removing
    // the staging folder, and the output folder stays as it was.
    let stager = write::Stager::observed(&opts.output, observer)?;
    let render_opts = render::RenderOptions {
        round: opts.round.clone(),
        pretty_json: opts.pretty_json,
        language: None,
    };
    let files = timings::time("render and stage", || {
        render::render_each(
            &site.model,
            root,
            &render_opts,
            &|o| stager.stage(&o),
            &|path, write| stager.stage_streamed(path, write),
        )
    })
    .map_err(|e| match e {
        render::EmitError::Content(ds) => {
            let mut all = site.warnings.clone();
            all.extend(ds);
            BuildError::Content(all)
        }
        render::EmitError::Sink(w) => BuildError::Write(w),
    })?;
    let write = timings::time("commit", || stager.commit())?;
    Ok(BuildReport {
        files,
        write,
        warnings: site.warnings,
        audience,
        withheld,
    })
}
