//! Rendering part of the site again: after an edit that changed only the words (the
//! Markdown body) of some items, or fields of one meeting, statement or guarantee
//! component that no link and no list shows, only the outputs that carry what changed
//! are made again (for a component's contributions: see [`reached`] and [`rerender`]).
//!
//! Which outputs carry an item's words is known from the data, whatever the templates do
//! with it: an item's full view (with its body) is given to its own page, to the list
//! page it is on, to the front page and to the round briefs that list it among the latest
//! statements or next meetings; every other page gets links (title, date, marking, note)
//! or analyst views, which hold no body. Among the exports, the body is in the item's
//! piece of `data/briefing.json`, the feed and the statements table
//! ([`exports::pieces`]), which are spliced rather than made again, and in the search
//! index, whose files are made again from its kept entries with the edited items' made
//! anew ([`exports::search::Entries`]). A meeting's or
//! statement's other fields go where its full view goes, and its citations also to the
//! one analyst page that reads more than links (the sourcing page, which grades them).

use super::exports::{self, pieces::Pieces};
use super::view::Views;
use super::{EmitError, Output, Page, RenderOptions, pages, render_page};
use crate::diagnostics::Diagnostic;
use crate::model::{Kind, Model, Ref};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use tera::Tera;

/// What a full render leaves for partial renders after it: the compiled templates, each
/// kind's items in list order, the lead round, where items lie in the exports. Of the
/// default language's tree only: a site of several languages is rebuilt whole
/// (`incremental::fast` declines it).
pub struct Kept {
    pub(super) tera: Tera,
    pub(super) items: Vec<(Kind, Vec<String>)>,
    pub(super) lead: Option<String>,
    pub(super) pieces: Pieces,
    /// The interface language the pages were rendered in.
    pub(super) locale: std::sync::Arc<crate::i18n::Locale>,
    /// The meetings and statements each round's brief shows in full, by round id: made
    /// on the first partial render that needs them (one model per round as of its day).
    /// A partial render's edits change no date, status or reference, so they stay right
    /// until the next full render makes a new `Kept`.
    pub(super) briefed: Option<BTreeMap<String, Vec<String>>>,
    /// The search index's entries, made on the first partial render that needs them,
    /// then only the edited items' again.
    pub(super) search: Option<exports::search::Entries>,
}

impl std::fmt::Debug for Kept {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Kept({} kinds, lead {:?})", self.items.len(), self.lead)
    }
}

/// Renders every page and export in memory (every language's), sorted by path, and what a
/// partial render needs later.
pub fn render_keeping(
    model: &Model,
    root: &Path,
    opts: &RenderOptions,
) -> Result<(Vec<Output>, Kept), Vec<Diagnostic>> {
    let all = std::sync::Mutex::new(Vec::new());
    let collect = |o: Output| -> Result<(), std::convert::Infallible> {
        all.lock().unwrap_or_else(|e| e.into_inner()).push(o);
        Ok(())
    };
    let collect_streamed =
        |path: &str, write: &mut exports::WriteFn| collect(exports::in_memory(path, write));
    // The current pages speak as of the site's as-of date, or the end of the round asked
    // for if earlier (see analysis::as_of).
    let current = crate::analysis::as_of::current(model, opts.round.as_deref());
    match super::trees::emit_trees(&current, root, opts, &collect, &collect_streamed) {
        Ok((_, kept)) => {
            let mut outputs = all.into_inner().unwrap_or_else(|e| e.into_inner());
            outputs.sort_by(|a, b| a.path.cmp(&b.path));
            Ok((outputs, kept))
        }
        Err(EmitError::Content(d)) => Err(d),
        Err(EmitError::Sink(never)) => match never {},
    }
}

/// The items whose full views or export pieces an edit to `edited` reaches: those, and
/// for a guarantee component's other fields, its contributors (whose pages list their
/// contributions) and the rounds' changes in `data/briefing.json`.
pub fn reached(model: &Model, edited: &[(Kind, String)], what: Changed) -> Vec<(Kind, String)> {
    let mut out = edited.to_vec();
    if !matches!(what, Changed::Fields { .. }) {
        return out;
    }
    for (kind, id) in edited {
        if let (Kind::Guarantees, Some(g)) = (kind, model.guarantees.get(id)) {
            for c in &g.contributions {
                let Ref::Id(by) = &c.by else { continue };
                let actor = (Kind::Actors, by.clone());
                if !out.contains(&actor) {
                    out.push(actor);
                }
            }
            out.push((Kind::Rounds, exports::pieces::CHANGES.to_string()));
        }
    }
    out
}

/// What a partial render made.
#[derive(Debug)]
pub struct Rerendered {
    /// The outputs made again (their bytes may equal the previous ones).
    pub outputs: Vec<Output>,
    /// How many of them are pages.
    pub pages: usize,
}

/// What an edit changed in the items it touched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Changed {
    /// Only their words: bodies, descriptions, summaries.
    Words,
    /// Fields of one meeting, statement or guarantee component besides its words, but not
    /// its link (title, date, marking, note), its references or a meeting's status: what
    /// the item's full view shows (and a component's contributions), and the sourcing
    /// page if `citations` (their grades, dates, notes) changed.
    Fields {
        /// Whether its citations changed.
        citations: bool,
    },
}

/// Renders again the pages that show the full views of `edited`, in a model that differs
/// from the one `kept` was made from only in those items, as `what` says; with
/// changed citations, also the sourcing page.
pub fn rerender(
    model: &Model,
    kept: &mut Kept,
    edited: &[(Kind, String)],
    what: Changed,
) -> Result<Rerendered, Vec<Diagnostic>> {
    let views = Views::for_few_pages(model).in_language(kept.locale.clone());
    let mut pages = crate::timings::time("partial: which pages", || {
        if kept.briefed.is_none()
            && edited
                .iter()
                .any(|(k, _)| matches!(k, Kind::Statements | Kind::Meetings))
        {
            kept.briefed = Some(briefed(model, &views));
        }
        affected_pages(model, &views, kept, edited)
    });
    let contributions = matches!(what, Changed::Fields { .. })
        && edited.iter().any(|(k, _)| *k == Kind::Guarantees);
    if what == (Changed::Fields { citations: true }) {
        pages.extend(super::analysis_pages::grading_citations(&views));
    }
    if contributions {
        // Every round's brief lists the movement of each contribution with a status by
        // its end; the analyst views of contributions show them all.
        if let Some(k) = kept.items.iter().position(|(k, _)| *k == Kind::Rounds) {
            for (i, id) in kept.items[k].1.iter().enumerate() {
                let Some(link) = views.item_link(Kind::Rounds, id) else {
                    continue;
                };
                pages.push(pages::item_page(
                    (k, Kind::Rounds, i),
                    &link.url,
                    &link.title,
                ));
            }
        }
        pages.extend(super::analysis_pages::reading_contributions(&views));
        pages.extend(super::round_views::plan(model, &views));
    }
    let count = pages.len();
    let (tera, items, lead) = (&kept.tera, &kept.items, kept.lead.as_deref());
    let rendered = crate::timings::time("partial: pages", || {
        super::each_page::each_page(&views, items, lead, pages, &|p| render_page(tera, &p))
    });
    let mut outputs = Vec::with_capacity(rendered.len());
    let mut problems = Vec::new();
    for r in rendered {
        match r {
            Ok(o) => outputs.push(o),
            Err(d) => problems.extend(d),
        }
    }
    if !problems.is_empty() {
        return Err(super::dedup(problems));
    }
    if contributions {
        let (whole, feed) =
            exports::of_contributions(model, &Views::new(model).in_language(kept.locale.clone()));
        outputs.extend(whole);
        kept.pieces.insert(exports::FEED, feed);
    }
    // Every item but sources and rounds is searchable: its words reach many shards.
    if edited
        .iter()
        .any(|(k, _)| !matches!(k, Kind::Sources | Kind::Rounds))
    {
        outputs.extend(crate::timings::time("partial: search", || {
            let views = Views::new(model).in_language(kept.locale.clone());
            // The entries of the edited items made again; all of them on the first edit.
            let entries = kept
                .search
                .take()
                .and_then(|mut e| e.update(model, &views, edited).then_some(e))
                .unwrap_or_else(|| {
                    let bodies = exports::text::Bodies::new(model);
                    exports::search::Entries::new(model, &views, &bodies)
                });
            let files = exports::search::files_of(&entries);
            kept.search = Some(entries);
            files
        }));
    }
    Ok(Rerendered {
        outputs,
        pages: count,
    })
}

/// The meetings and statements each round's brief shows in full, by round id (see
/// [`Kept::briefed`]).
fn briefed(m: &Model, views: &Views) -> BTreeMap<String, Vec<String>> {
    let rounds: Vec<&String> = m.rounds.keys().collect();
    rounds
        .into_par_iter()
        .map(|id| {
            let (mut shown, said) = views.round_brief_lists(&views.round_model(id));
            shown.extend(said);
            (id.clone(), shown)
        })
        .collect()
}

/// The pages whose data holds the full view of an edited item.
fn affected_pages(m: &Model, views: &Views, kept: &Kept, edited: &[(Kind, String)]) -> Vec<Page> {
    let position = |kind: Kind| kept.items.iter().position(|(k, _)| *k == kind);
    let mut out: Vec<Page> = Vec::new();
    let mut add = |p: Page| {
        if !out.iter().any(|q| q.path == p.path) {
            out.push(p);
        }
    };
    // The item's page, and where it is: its kind's place in the plan, its own in the list.
    let item_page = |kind: Kind, id: &str| -> Option<(usize, usize, Page)> {
        let k = position(kind)?;
        let i = kept.items[k].1.iter().position(|x| x == id)?;
        let link = views.item_link(kind, id)?;
        Some((k, i, pages::item_page((k, kind, i), &link.url, &link.title)))
    };
    for (kind, id) in edited {
        let Some((k, i, page)) = item_page(*kind, id) else {
            continue;
        };
        add(page);
        let lists = pages::list_pages(
            k,
            *kind,
            kept.items[k].1.len(),
            m.site.paginate,
            &kept.locale,
        );
        if let Some(list) = lists
            .into_iter()
            .find(|p| matches!(&p.lazy, Some(pages::Lazy::List(_, range)) if range.contains(&i)))
        {
            add(list);
        }
    }
    // A round's page shows its brief, which shows the latest statements and the next
    // meetings in full.
    for (round, shown) in kept.briefed.iter().flatten() {
        let edited_shown = edited
            .iter()
            .any(|(k, id)| matches!(k, Kind::Statements | Kind::Meetings) && shown.contains(id));
        if edited_shown && let Some((_, _, page)) = item_page(Kind::Rounds, round) {
            add(page);
        }
    }
    let lead = kept.lead.as_deref().and_then(|id| m.rounds.get(id));
    if edited
        .iter()
        .any(|(k, id)| pages::front_shows(m, views, lead, &kept.items, *k, id))
    {
        add(pages::front_page(m, views, lead, &kept.items));
    }
    out
}

/// Replaces the edited items' pieces of the exports in `files` (the outputs as last
/// made, by path) with pieces made again from `model`; returns the paths that changed.
/// The files are changed in place where nothing else shares them.
pub fn splice_exports(
    model: &Model,
    kept: &mut Kept,
    edited: &[(Kind, String)],
    files: &mut BTreeMap<String, Arc<Vec<u8>>>,
) -> Vec<String> {
    let views = Views::for_few_pages(model).in_language(kept.locale.clone());
    let paths: Vec<String> = kept.pieces.paths().map(str::to_string).collect();
    // Each export's new pieces are made in parallel; splicing moves the bytes after them.
    type NewPieces<'a> = Vec<(&'a Kind, &'a String, Vec<u8>)>;
    let made: Vec<(String, NewPieces)> = paths
        .into_par_iter()
        .map(|path| {
            let new = edited
                .iter()
                .filter_map(|(k, id)| {
                    exports::pieces::piece(&path, model, &views, *k, id).map(|p| (k, id, p))
                })
                .collect();
            (path, new)
        })
        .collect();
    let mut changed = Vec::new();
    for (path, new) in made {
        let Some(file) = files.get_mut(&path) else {
            continue;
        };
        let bytes = Arc::make_mut(file);
        let mut differs = false;
        for (kind, id, piece) in new {
            differs |= kept.pieces.splice(&path, *kind, id, bytes, &piece);
        }
        if differs {
            changed.push(path);
        }
    }
    changed
}
