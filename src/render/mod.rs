//! Render stage: views of the model through Tera templates, one page per item and list.

mod analysis_pages;
pub mod charts;
mod each_page;
pub mod exports;
mod filters;
pub mod language;
pub(crate) mod pages;
pub mod paginate;
pub mod partial;
mod round_views;
mod split;
pub mod templates;
mod trees;
pub mod view;

use crate::diagnostics::Diagnostic;
use crate::model::{Kind, Model, Tlp};
use serde::Serialize;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering::Relaxed};
use tera::{Context, Tera, Value};
use view::{DateView, TlpView};

/// A rendered output file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// Path relative to the output folder, with `/` separators.
    pub path: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// One page to render: where it goes, with which template and data.
pub(crate) struct Page {
    /// Output path, relative to the output root.
    pub path: String,
    /// Template name.
    pub template: &'static str,
    /// Page title.
    pub title: String,
    /// Navigation section it belongs to.
    pub section: &'static str,
    /// Template variables besides the globals.
    pub data: Vec<(&'static str, Value)>,
    /// Data made only when the page is rendered, and dropped right after (item and
    /// list pages).
    pub lazy: Option<pages::Lazy>,
    /// When the data from index `.0` on was made with its highest marking noted (`.1`),
    /// so that only the data before it is searched for markings.
    pub marked: Option<(usize, Tlp)>,
}

#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    subtitle: Option<&'a str>,
    /// Rendered Markdown, as the views give it (see `view::value::prose`).
    description_html: tera::Value,
    base_url: Option<&'a str>,
    language: &'a str,
    /// The language of the words no translation gives (citation and step notes, tags),
    /// when the page is in another: templates mark them with it (`lang`).
    originals_lang: Option<&'a str>,
    timezone: &'a str,
    as_of: DateView,
    default_tlp: TlpView,
    /// The highest marking this edition shows.
    audience: TlpView,
    /// False when this edition leaves out what is marked above its audience: figures
    /// are then counted on what it shows.
    full_edition: bool,
    /// How claims are judged, in percent: `tolerance` and `min_coverage`.
    claims: ClaimRulesView,
}

#[derive(Serialize)]
struct ClaimRulesView {
    tolerance: String,
    min_coverage: String,
}

/// What to render beyond the model itself.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Id of the round that leads the front page; default: the latest round to have
    /// started by the as-of date.
    pub round: Option<String>,
    /// Write `data/briefing.json` indented rather than compact.
    pub pretty_json: bool,
    /// The one language to render, at the output's root (its catalog: see
    /// [`crate::i18n`]); default: every language site.yaml declares, the first at the
    /// root and each other under its code (see `trees`).
    pub language: Option<String>,
}

/// Renders every page of the site with the templates in `root/templates` over the defaults.
pub fn render(model: &Model, root: &Path) -> Result<Vec<Output>, Vec<Diagnostic>> {
    render_with(model, root, &RenderOptions::default())
}

/// Renders every page and export of the site, with options.
pub fn render_with(
    model: &Model,
    root: &Path,
    opts: &RenderOptions,
) -> Result<Vec<Output>, Vec<Diagnostic>> {
    partial::render_keeping(model, root, opts).map(|(outputs, _)| outputs)
}

/// Why rendering into a sink stopped.
#[derive(Debug)]
pub enum EmitError<E> {
    /// Templates failed on some pages: every problem, deduplicated.
    Content(Vec<Diagnostic>),
    /// The sink refused an output (e.g. it could not be written).
    Sink(E),
}

/// Renders every page and export, handing each file to `sink` as soon as it is made
/// (from many threads, in no particular order) rather than keeping them all; returns how
/// many there were. After the first failure nothing more reaches the sink, but every
/// page is still rendered so that all template problems are reported at once.
pub fn render_each<E: Send>(
    model: &Model,
    root: &Path,
    opts: &RenderOptions,
    sink: &(dyn Fn(Output) -> Result<(), E> + Sync),
    stream: &(dyn Fn(&str, &mut exports::WriteFn) -> Result<(), E> + Sync),
) -> Result<usize, EmitError<E>> {
    // The current pages speak as of the site's as-of date, or the end of the round asked
    // for if earlier (see analysis::as_of).
    let current = crate::analysis::as_of::current(model, opts.round.as_deref());
    trees::emit_trees(&current, root, opts, sink, stream).map(|(count, _)| count)
}

/// Renders what [`prepare`] planned into the sinks, as [`render_each`] does; gives back
/// how many files there were and what a later partial render needs.
pub(super) fn emit_all<'m, E: Send>(
    model: &'m Model,
    prepared: Prepared<'m>,
    sink: &(dyn Fn(Output) -> Result<(), E> + Sync),
    stream: &(dyn Fn(&str, &mut exports::WriteFn) -> Result<(), E> + Sync),
) -> Result<(usize, partial::Kept), EmitError<E>> {
    let Prepared {
        tera,
        views,
        pages,
        items,
        paths,
        lead,
        pretty_json,
    } = prepared;
    let failed = AtomicBool::new(false);
    let emit = |o: Output| guarded(&failed, || sink(o));
    let emit_streamed =
        |path: &str, write: &mut exports::WriteFn| guarded(&failed, || stream(path, write));
    let count = pages.len();
    let (from_pages, from_exports) =
        rayon::join(
            || {
                crate::timings::time("pages", || {
                    each_page::each_page(&views, &items, lead.as_deref(), pages, &|p| {
                        match render_page(&tera, &p) {
                            Ok(o) => emit(o).err(),
                            Err(d) => {
                                failed.store(true, Relaxed);
                                Some(EmitError::Content(d))
                            }
                        }
                    })
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                })
            },
            || {
                let (emitted, pieces) = crate::timings::time("exports", || {
                    exports::each(
                        model,
                        &views,
                        &paths,
                        lead.as_deref(),
                        pretty_json,
                        &|o| emit(o).err(),
                        &|path, write| emit_streamed(path, write).err(),
                    )
                });
                let n = emitted.len();
                let mut errors: Vec<_> = emitted.into_iter().flatten().collect();
                match stylesheet(&tera) {
                    Ok(css) => errors.extend(emit(css).err()),
                    Err(d) => {
                        failed.store(true, Relaxed);
                        errors.push(EmitError::Content(d));
                    }
                }
                (n + 1, errors, pieces)
            },
        );
    let (extra, export_errors, pieces) = from_exports;
    let mut problems = Vec::new();
    for e in from_pages.into_iter().chain(export_errors) {
        match e {
            EmitError::Content(d) => problems.extend(d),
            sink @ EmitError::Sink(_) if problems.is_empty() => return Err(sink),
            EmitError::Sink(_) => {}
        }
    }
    if problems.is_empty() {
        let kept = partial::Kept {
            tera,
            items,
            lead,
            pieces,
            locale: views.locale_shared(),
            briefed: None,
            search: None,
        };
        Ok((count + extra, kept))
    } else {
        Err(EmitError::Content(dedup(problems)))
    }
}

/// Hands a file to a sink unless an earlier one failed; a failure stops the rest.
fn guarded<E>(
    failed: &AtomicBool,
    send: impl FnOnce() -> Result<(), E>,
) -> Result<(), EmitError<E>> {
    if failed.load(Relaxed) {
        return Ok(());
    }
    send().map_err(|e| {
        failed.store(true, Relaxed);
        EmitError::Sink(e)
    })
}

/// What every render starts from: templates, views and the plan of pages.
pub(super) struct Prepared<'m> {
    pub tera: Tera,
    pub views: view::Views<'m>,
    pub pages: Vec<Page>,
    pub items: Vec<(Kind, Vec<String>)>,
    /// Every page path, sorted (for the sitemap).
    pub paths: Vec<String>,
    /// The round leading the front page.
    pub lead: Option<String>,
    /// Write `data/briefing.json` indented.
    pub pretty_json: bool,
}

/// Plans the render of one language's tree of the output.
fn prepare<'m>(
    model: &'m Model,
    root: &Path,
    opts: &RenderOptions,
    tree: &trees::Tree,
) -> Result<Prepared<'m>, Vec<Diagnostic>> {
    let locale = tree.locale.clone();
    let mut tera = crate::timings::time("templates", || templates::load(root, locale.clone()))?;
    install_globals(&mut tera, model, &locale, &tree.versions);
    let views = crate::timings::time("views", || {
        view::Views::new(model).in_language(locale.clone())
    });
    let pages::Plan { pages, items } =
        crate::timings::time("plan", || pages::plan(model, &views, opts.round.as_deref()));
    let mut paths: Vec<String> = pages.iter().map(|p| p.path.clone()).collect();
    paths.sort();
    let lead = crate::analysis::lead_round(model, opts.round.as_deref()).map(|r| r.meta.id.clone());
    Ok(Prepared {
        tera,
        views,
        pages,
        items,
        paths,
        lead,
        pretty_json: opts.pretty_json,
    })
}

/// One template bug fails every page using it: report it once.
pub(super) fn dedup(mut problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
    problems.sort_by(|a, b| (&a.file, a.pos, &a.message).cmp(&(&b.file, b.pos, &b.message)));
    problems.dedup();
    problems
}

pub(super) fn stylesheet(tera: &Tera) -> Result<Output, Vec<Diagnostic>> {
    match tera.render("style.css", &Context::new()) {
        Ok(css) => Ok(Output {
            path: crate::routes::STYLESHEET.into(),
            bytes: css.into_bytes(),
        }),
        Err(e) => Err(templates::from_tera(&e)),
    }
}

fn install_globals(
    tera: &mut Tera,
    m: &Model,
    locale: &crate::i18n::Locale,
    versions: &[trees::Version],
) {
    let s = &m.site;
    // The site's words are already the render's language's (`trees::placed`).
    let translated =
        crate::model::Lang::parse(locale.tag()).is_ok_and(|l| s.languages.is_translation(&l));
    let site = SiteView {
        title: &s.title,
        subtitle: s.subtitle.as_deref(),
        description_html: view::opt_prose_value(&s.description_html),
        base_url: s.base_url.as_deref(),
        language: &s.language,
        originals_lang: translated.then(|| s.languages.default_lang().as_str()),
        timezone: &s.timezone,
        as_of: DateView::in_language(s.as_of, locale.dates()),
        default_tlp: s.default_tlp.into(),
        audience: s.audience.into(),
        full_edition: s.audience == Tlp::Red,
        claims: ClaimRulesView {
            tolerance: crate::model::number_text(s.claims.tolerance),
            min_coverage: crate::model::number_text(s.claims.min_coverage),
        },
    };
    let nav = crate::routes::navigation(locale);
    let g = tera.global_context();
    g.insert("site", &site);
    g.insert("nav", &nav);
    g.insert("languages", versions);
}

pub(super) fn render_page(tera: &Tera, p: &Page) -> Result<Output, Vec<Diagnostic>> {
    let depth = p.path.matches('/').count();
    let prefix = "../".repeat(depth);
    let mut ctx = Context::new();
    ctx.insert("root", &prefix);
    let (walk, mut tlp) = p.marked.unwrap_or((p.data.len(), Tlp::Clear));
    for (_, v) in &p.data[..walk] {
        tlp = tlp.max(max_tlp(v));
    }
    ctx.insert(
        "page",
        &PageMeta {
            path: &p.path,
            title: &p.title,
            section: p.section,
            tlp: tlp.into(),
        },
    );
    for (k, v) in &p.data {
        // Values share their contents (Arc): a clone costs a reference count.
        ctx.insert_value(*k, v.clone());
    }
    let html = tera
        .render(p.template, &ctx)
        .map_err(|e| templates::from_tera(&e))?;
    Ok(Output {
        path: p.path.clone(),
        bytes: html.into_bytes(),
    })
}

#[derive(Serialize)]
struct PageMeta<'a> {
    path: &'a str,
    title: &'a str,
    section: &'static str,
    tlp: TlpView,
}

/// The most restrictive marking anywhere in a view: every `tlp` object carries a `word`.
pub(crate) fn max_tlp(v: &Value) -> Tlp {
    let mut best = Tlp::Clear;
    if let Some(map) = v.as_map() {
        for (k, child) in map {
            if k.as_str() == Some("tlp")
                && let Some(w) = child
                    .as_map()
                    .and_then(|m| m.get(&tera::value::Key::from("word")))
                && let Some(t) = w.as_str().and_then(Tlp::parse)
            {
                best = best.max(t);
            } else {
                best = best.max(max_tlp(child));
            }
        }
    } else if let Some(items) = v.as_array() {
        for child in items {
            best = best.max(max_tlp(child));
        }
    }
    best
}

/// Converts a view into a template value once, so pages that share it do not re-serialise it.
pub(crate) fn value<T: Serialize>(v: &T) -> Value {
    Value::from_serializable(v)
}
