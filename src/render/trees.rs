//! The output in every declared language: each language is rendered whole from the same
//! plan ([`prepare`], [`emit_all`]), its pages and exports in its own folder, the default
//! language's at the root and each other's under its code ([`routes::language_dir`]).
//! The files every language shares ([`routes::shared_by_languages`]) are made once, by
//! the default language's render, at the top. Every language has the same pages, so a
//! page's version in another language is the same path in that language's folder: the
//! templates get every version ([`Version`]) for the language switcher and `hreflang`
//! links.
//!
//! A site of one language renders as it always did: one tree at the root, no versions.

use super::{EmitError, Output, RenderOptions, dedup, emit_all, exports, partial::Kept, prepare};
use crate::diagnostics::Diagnostic;
use crate::i18n::Locale;
use crate::model::Model;
use crate::routes;
use serde::Serialize;
use std::borrow::Cow;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// One language's part of the output.
pub(super) struct Tree {
    /// Its language tag.
    lang: String,
    /// Its folder, as [`routes::language_dir`] gives it: `""` at the root, else `uk/`.
    dir: String,
    /// Its interface.
    pub locale: Arc<Locale>,
    /// Every language's version of its pages (this one's included), for the language
    /// switcher and `hreflang` links; empty when the output has one language.
    pub versions: Vec<Version>,
}

/// The version of a page in one language, as templates get it (the global `languages`).
#[derive(Debug, Clone, Serialize)]
pub(super) struct Version {
    /// Its language tag: `uk`.
    code: String,
    /// The language's name in itself (its catalog's `languages.name`): `Українська`.
    name: String,
    /// True for the language of the page.
    current: bool,
    /// The relative way from the top of the page's language folder to the top of this
    /// version's: a page links to this version as `root ~ tree ~ page.path`.
    tree: String,
    /// This version's folder as an absolute URL, when site.yaml gives a `base_url`.
    url: Option<String>,
}

/// The trees to render: with `opts.language`, that language alone at the root; else
/// every declared language, the default first.
fn plan(model: &Model, root: &Path, opts: &RenderOptions) -> Result<Vec<Tree>, Vec<Diagnostic>> {
    let alone = |tag: &str| -> Result<Vec<Tree>, Vec<Diagnostic>> {
        Ok(vec![Tree {
            lang: tag.to_string(),
            dir: String::new(),
            locale: Arc::new(crate::i18n::load(root, tag)?.locale),
            versions: Vec::new(),
        }])
    };
    let languages = &model.site.languages;
    if let Some(tag) = &opts.language {
        return alone(tag);
    }
    if languages.translations().is_empty() {
        return alone(&model.site.language);
    }
    let mut problems = Vec::new();
    let mut loaded = Vec::new();
    for lang in languages.all() {
        match crate::i18n::load(root, lang.as_str()) {
            Ok(l) => loaded.push((
                lang.to_string(),
                routes::language_dir(languages, lang),
                Arc::new(l.locale),
            )),
            Err(d) => problems.extend(d),
        }
    }
    if !problems.is_empty() {
        return Err(dedup(problems));
    }
    let base = model.site.base_url.as_deref();
    let trees = loaded
        .iter()
        .map(|(lang, dir, locale)| Tree {
            lang: lang.clone(),
            dir: dir.clone(),
            locale: locale.clone(),
            versions: loaded
                .iter()
                .map(|(other, other_dir, other_locale)| Version {
                    code: other.clone(),
                    name: other_locale.text("languages.name"),
                    current: other == lang,
                    tree: routes::between_languages(dir, other_dir),
                    url: base.map(|b| format!("{b}{other_dir}")),
                })
                .collect(),
        })
        .collect();
    Ok(trees)
}

/// The model as a tree's render sees it: the site's `language` is the tree's (pages'
/// `lang`, the feed's `xml:lang`), its title, subtitle and description its words in that
/// language (`content/site.<lang>.yaml`, for the feed), its `base_url` the URL of the
/// tree's folder (the feed and `timeline.json` link to the tree's own pages).
fn placed<'m>(model: &'m Model, tree: &Tree) -> Cow<'m, Model> {
    if tree.dir.is_empty() && tree.lang == model.site.language {
        return Cow::Borrowed(model);
    }
    let mut m = model.clone();
    m.site.language = tree.lang.clone();
    if let Ok(lang) = crate::model::Lang::parse(&tree.lang) {
        let words = m.site.words_in(&lang);
        m.site.title = words.title.unwrap_or(m.site.title);
        m.site.subtitle = words.subtitle;
        m.site.description_html = words.description_html;
    }
    if let Some(base) = &mut m.site.base_url {
        base.push_str(&tree.dir);
    }
    Cow::Owned(m)
}

/// Renders every tree into the sinks, each file under its tree's folder, one tree after
/// the other (each in parallel); gives back how many files there were and what a partial
/// render needs (of the first tree, the default language's). Template problems of every
/// tree are reported together; a sink's failure stops at once.
pub(super) fn emit_trees<E: Send>(
    model: &Model,
    root: &Path,
    opts: &RenderOptions,
    sink: &(dyn Fn(Output) -> Result<(), E> + Sync),
    stream: &(dyn Fn(&str, &mut exports::WriteFn) -> Result<(), E> + Sync),
) -> Result<(usize, Kept), EmitError<E>> {
    let trees = plan(model, root, opts).map_err(EmitError::Content)?;
    let several = trees.len() > 1;
    let count = AtomicUsize::new(0);
    let mut problems = Vec::new();
    let mut first = None;
    for tree in &trees {
        let model = placed(model, tree);
        let mut prepared = match prepare(&model, root, opts, tree) {
            Ok(p) => p,
            Err(d) => {
                problems.extend(d);
                continue;
            }
        };
        let at_top = tree.dir.is_empty();
        if several && at_top {
            // The sitemap, made once, lists every language's pages.
            prepared.paths = trees
                .iter()
                .flat_map(|t| prepared.paths.iter().map(|p| format!("{}{p}", t.dir)))
                .collect();
        }
        // Another language's render makes the shared files too: they are left out.
        let kept = |path: &str| at_top || !routes::shared_by_languages(path);
        let put = |o: Output| {
            if !kept(&o.path) {
                return Ok(());
            }
            count.fetch_add(1, Relaxed);
            if at_top {
                sink(o)
            } else {
                sink(Output {
                    path: format!("{}{}", tree.dir, o.path),
                    bytes: o.bytes,
                })
            }
        };
        let put_streamed = |path: &str, write: &mut exports::WriteFn| {
            if !kept(path) {
                return Ok(());
            }
            count.fetch_add(1, Relaxed);
            stream(&format!("{}{path}", tree.dir), write)
        };
        match emit_all(&model, prepared, &put, &put_streamed) {
            Ok((_, kept)) => {
                first.get_or_insert(kept);
            }
            Err(EmitError::Content(d)) => problems.extend(d),
            Err(sink) => return Err(sink),
        }
    }
    match first {
        Some(kept) if problems.is_empty() => Ok((count.into_inner(), kept)),
        _ => Err(EmitError::Content(dedup(problems))),
    }
}
