//! The fast path: an edit that changed only the words (the Markdown body) of some items,
//! or fields of one meeting, statement or guarantee component that no link shows.
//!
//! Each changed file is read and validated again on its own; if every one of them is an
//! item the site already had, valid, with the same warnings as before and equal to its
//! previous self but for its body, the model is patched in place and only the outputs
//! carrying those bodies are made again ([`render::partial`]). A meeting, statement or
//! guarantee component whose other fields changed, its link (title, date, marking, note),
//! references and a meeting's status aside, is handled the same way when the audience
//! sees everything ([`fields`]).
//! Anything else (a new or removed file, site.yaml, a template, a title, a date, a
//! reference, a marking, a new warning or an error), and any edit to a site of several
//! languages, returns `None`, and the caller rebuilds the whole site.

use crate::diagnostics::Diagnostics;
use crate::model::{Citation, ContributionRef, Kind, Model, Prose, Ref, Status};
use crate::render::partial::{self, Changed, Kept};
use crate::render::view::Views;
use crate::validate::{Ids, Revalidated, revalidate};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What the last full rebuild leaves for the fast path.
pub(super) struct Last {
    /// The model rendered: the model validated, less what the audience may not see.
    pub model: Model,
    /// The model validated, when the audience had items withheld from it (else `model`).
    pub full: Option<Model>,
    /// The items withheld.
    pub gone: BTreeSet<(Kind, String)>,
    /// The ids its references were checked against.
    pub ids: Ids,
    /// What the render leaves for partial renders.
    pub kept: Kept,
    /// Its warnings.
    pub warnings: Diagnostics,
}

/// An item whose body changed, with its new body.
#[derive(Clone)]
enum Body {
    /// A meeting, statement or guarantee's text.
    Text(Kind, String, Prose),
    /// An actor or source's description, or a round's summary.
    Note(Kind, String, Option<Prose>),
}

/// What the fast path did.
pub(super) struct Done {
    /// Output paths whose bytes changed.
    pub changed: Vec<String>,
    /// Output paths no longer made (search shards, pages of split views).
    pub removed: Vec<String>,
    /// Pages rendered.
    pub pages: usize,
}

/// Rebuilds after changes to `paths` if the fast path can (see the module), updating
/// `files` (the outputs by path): `None` if the whole site must be rebuilt (nothing
/// touched), else what changed, or the problems of rendering the pages (`files`
/// untouched, the model patched: the caller rebuilds the whole site).
pub(super) fn rebuild(
    root: &Path,
    last: &mut Last,
    paths: &[PathBuf],
    files: &mut BTreeMap<String, Arc<Vec<u8>>>,
) -> Option<Result<Done, Diagnostics>> {
    // What a partial render starts from is kept for the default language's tree only
    // (see `partial::Kept`): a site of several languages is rebuilt whole.
    if !last.model.site.languages.translations().is_empty() {
        return None;
    }
    let mut edits = Vec::new();
    let checked = crate::timings::time("partial: validate", || {
        for rel in paths {
            if ignorable(root, last, rel) {
                continue;
            }
            edits.push(classify(root, last, rel)?);
        }
        Some(())
    });
    checked?;
    edits.retain(|e| !matches!(e, Edit::Unchanged));
    // One item's fields at a time, and nothing else with them: a meeting and a statement
    // edited together could show each other's fields.
    if edits.len() > 1 && edits.iter().any(|e| matches!(e, Edit::Fields(..))) {
        return None;
    }
    let mut what = Changed::Words;
    let mut edited: Vec<(Kind, String)> = Vec::new();
    let mut bodies = Vec::new();
    for e in edits {
        match e {
            Edit::Unchanged => {}
            Edit::Body(b) => bodies.push(b),
            Edit::Fields(kind, id, new) => {
                let citations = fields(&mut last.model, kind, &id, *new)?;
                what = Changed::Fields { citations };
                edited.push((kind, id));
            }
        }
    }
    for b in bodies {
        let shown = match last.full.as_mut() {
            // The audience sees the body with links to withheld items made plain, and
            // nothing of a withheld item.
            Some(full) => {
                apply(full, b.clone());
                let gone = &last.gone;
                apply(
                    &mut last.model,
                    b.map(|mut prose| {
                        prose.withhold(gone);
                        prose
                    }),
                )
            }
            None => apply(&mut last.model, b),
        };
        edited.extend(shown);
    }
    if edited.is_empty() {
        return Some(Ok(Done {
            changed: Vec::new(),
            removed: Vec::new(),
            pages: 0,
        }));
    }
    // Pages of a model with things dated after its as-of date are made from the model
    // as of that date (see analysis::as_of), which an edit can change anywhere.
    if !crate::analysis::as_of::unchanged_at(&last.model, last.model.site.as_of) {
        return None;
    }
    let edited = partial::reached(&last.model, &edited, what);
    let made = match partial::rerender(&last.model, &mut last.kept, &edited, what) {
        Ok(made) => made,
        Err(ds) => {
            let mut all = last.warnings.clone();
            all.extend(ds);
            return Some(Err(all));
        }
    };
    let (mut changed, mut removed) = (Vec::new(), Vec::new());
    // The search index made again may have fewer shards or blocks than before, and a
    // view split into pages fewer months or pages: a folder made again is made whole.
    let made_now: BTreeSet<&str> = made.outputs.iter().map(|o| o.path.as_str()).collect();
    for dir in std::iter::once(crate::routes::SEARCH_DIR).chain(crate::routes::SPLIT_DIRS) {
        if !made_now.iter().any(|p| p.starts_with(dir)) {
            continue;
        }
        let stale: Vec<String> = files
            .keys()
            .filter(|p| p.starts_with(dir) && !made_now.contains(p.as_str()))
            .cloned()
            .collect();
        for p in stale {
            files.remove(&p);
            removed.push(p);
        }
    }
    for o in made.outputs {
        if files.get(&o.path).is_none_or(|b| **b != o.bytes) {
            changed.push(o.path.clone());
            files.insert(o.path, Arc::new(o.bytes));
        }
    }
    let spliced = crate::timings::time("partial: exports", || {
        partial::splice_exports(&last.model, &mut last.kept, &edited, files)
    });
    changed.extend(spliced);
    changed.sort();
    Some(Ok(Done {
        changed,
        removed,
        pages: made.pages,
    }))
}

/// True if a change at `rel` cannot change the site: outside content/ and templates/, a
/// hidden file or folder in content/ (never read), a folder of the site's own (its
/// changed files are reported one by one), or a file that is gone and that the last
/// build neither read nor warned about (an editor's temporary file, come and gone).
fn ignorable(root: &Path, last: &Last, rel: &Path) -> bool {
    let mut parts = rel.iter();
    match parts.next().and_then(|p| p.to_str()) {
        Some("content") => {}
        Some("templates") => return false,
        _ => return true,
    }
    let rest: Vec<&str> = parts.filter_map(|p| p.to_str()).collect();
    if rest.iter().any(|p| p.starts_with('.')) {
        return true;
    }
    let abs = root.join(rel);
    if abs.is_dir() {
        return rest.is_empty() || (rest.len() == 1 && Kind::from_dir(rest[0]).is_some());
    }
    !abs.exists()
        && rel != Path::new("content/site.yaml")
        && !last.full.as_ref().unwrap_or(&last.model).has_file(rel)
        && !last.warnings.iter().any(|d| d.file.as_deref() == Some(rel))
}

/// What changed in one item file.
enum Edit {
    /// Nothing.
    Unchanged,
    /// Only its words.
    Body(Body),
    /// Other fields of a meeting, statement or guarantee component, as it now is (see
    /// [`fields`]).
    Fields(Kind, String, Box<Revalidated>),
}

/// What changed in the item file `rel`; `None` if more than the fast path handles (or it
/// is not an item file the site has).
fn classify(root: &Path, last: &Last, rel: &Path) -> Option<Edit> {
    let mut parts = rel.iter();
    if parts.next()? != "content" {
        return None;
    }
    let dir = parts.next()?.to_str()?;
    let kind = *Kind::ALL.iter().find(|k| k.dir() == dir)?;
    let id = rel.file_stem()?.to_str()?;
    if crate::load::translation_name(id).is_some() {
        // A translation file: not an item; the full rebuild checks it with its original.
        return None;
    }
    // Checked against the model validated, not the one the audience sees.
    let m = last.full.as_ref().unwrap_or(&last.model);
    if m.translations.of(kind, id).next().is_some() {
        // A translated original: its translations' freshness follows its words, which
        // the full rebuild works out (and warns of) again.
        return None;
    }
    let (new, diags) = revalidate(root, kind, rel, &last.ids, m)?;
    // Warnings are reported for the whole site: they must stay what they were.
    let before = last
        .warnings
        .iter()
        .filter(|d| d.file.as_deref() == Some(rel));
    if !before.eq(diags.iter()) {
        return None;
    }
    // Fields beyond the words are handled for meetings, statements and guarantee
    // components, when the audience sees everything (see `fields`).
    let fields = (matches!(kind, Kind::Meetings | Kind::Statements | Kind::Guarantees)
        && last.full.is_none())
    .then(|| Box::new(new.clone()));
    // Equal but for the body: the body is taken out of both copies, which are compared.
    macro_rules! only_body {
        ($old:expr, $new:expr, $field:ident, $make:expr) => {{
            let old = $old;
            if old.meta.file != rel {
                return None;
            }
            let mut new = $new;
            if *old == new {
                return Some(Edit::Unchanged);
            }
            let body = std::mem::take(&mut new.$field);
            let mut probe = old.clone();
            probe.$field = Default::default();
            if probe == new {
                Some(Edit::Body($make(kind, id.to_string(), body)))
            } else {
                fields.map(|x| Edit::Fields(kind, id.to_string(), x))
            }
        }};
    }
    match new {
        Revalidated::Meeting(x) => only_body!(m.meetings.get(id)?, x, body_html, Body::Text),
        Revalidated::Statement(x) => only_body!(m.statements.get(id)?, x, body_html, Body::Text),
        Revalidated::Guarantee(x) => only_body!(m.guarantees.get(id)?, x, body_html, Body::Text),
        Revalidated::Actor(x) => only_body!(m.actors.get(id)?, x, description_html, Body::Note),
        Revalidated::Source(x) => only_body!(m.sources.get(id)?, x, description_html, Body::Note),
        Revalidated::Round(x) => only_body!(m.rounds.get(id)?, x, summary_html, Body::Note),
        // A document's edit rebuilds the site in memory.
        Revalidated::Document(_) => None,
    }
}

/// Puts the new meeting, statement or guarantee component `new` into the model in place
/// of the old one, if that changes no other item's view and no page's list: its link
/// (title, date, marking, note), its references (a component's contributors in order,
/// with their markings), a meeting's status (which decides the lists of next meetings)
/// and the default as-of date stay what they were. Else the model is left as it was.
/// Says whether the item's citations changed.
fn fields(m: &mut Model, kind: Kind, id: &str, new: Revalidated) -> Option<bool> {
    /// What other items and lists see of an item.
    fn seen(m: &Model, kind: Kind, id: &str) -> Option<impl PartialEq + use<>> {
        let link = Views::for_few_pages(m).link(kind, id);
        /// A reference to an item, or a word others see (a status, a marking).
        #[derive(PartialEq)]
        enum Seen {
            Ref(Kind, Ref),
            /// A reference in a named relation (answers, who asked for a contribution).
            Rel(&'static str, Option<Ref>),
            Word(&'static str),
            /// A contribution's id, condition or status: others' pages show them.
            Id(Option<String>),
            Condition(ContributionRef),
            Status(Status),
            Overdue(bool),
            /// A statement's claims: the claims page and the documents' pages show them.
            Claims(Vec<crate::model::Claim>),
        }
        let to = |kind: Kind| move |r: &Ref| Seen::Ref(kind, r.clone());
        fn cites(cs: &[Citation]) -> impl Iterator<Item = Seen> + '_ {
            cs.iter()
                .map(|c| Seen::Ref(Kind::Sources, c.source.clone()))
        }
        let mut refs: Vec<Seen> = Vec::new();
        match kind {
            Kind::Meetings => {
                let x = m.meetings.get(id)?;
                refs.extend(x.convened_by.iter().map(to(Kind::Actors)));
                refs.extend(
                    x.participants
                        .iter()
                        .map(|p| &p.actor)
                        .map(to(Kind::Actors)),
                );
                refs.extend(x.round.iter().map(to(Kind::Rounds)));
                // The texts' pages list the meetings that discussed them.
                refs.extend(x.documents.iter().map(to(Kind::Documents)));
                refs.extend(cites(&x.meta.citations));
                refs.push(Seen::Word(x.status.as_str()));
            }
            Kind::Statements => {
                let x = m.statements.get(id)?;
                refs.extend(x.speaker.iter().map(to(Kind::Actors)));
                refs.extend(x.meeting.iter().map(to(Kind::Meetings)));
                refs.extend(x.about.iter().map(to(Kind::Guarantees)));
                // Answers and contradictions show on the other statements' pages.
                refs.extend(
                    x.responds_to
                        .iter()
                        .map(|s| Seen::Rel("responds_to", Some(s.clone()))),
                );
                refs.extend(
                    x.contradicts
                        .iter()
                        .map(|s| Seen::Rel("contradicts", Some(s.clone()))),
                );
                refs.push(Seen::Claims(x.claims.clone()));
                refs.extend(cites(&x.meta.citations));
            }
            _ => {
                // Each contribution's actor, in order (actors' pages list them by
                // place), its marking (which an audience may not see) and sources.
                let x = m.guarantees.get(id)?;
                refs.extend(cites(&x.meta.citations));
                for c in &x.contributions {
                    refs.push(Seen::Ref(Kind::Actors, c.by.clone()));
                    refs.push(Seen::Word(c.tlp.as_str()));
                    // Its id, who asked for it and its conditions show on other pages
                    // (and conditions must be checked for cycles by a full validation).
                    refs.push(Seen::Id(c.id.clone()));
                    refs.push(Seen::Rel("requested_by", c.requested_by.clone()));
                    refs.extend(c.conditional_on.iter().cloned().map(Seen::Condition));
                    if c.id.is_some() || !c.conditional_on.is_empty() {
                        // Its status decides the flags of related contributions.
                        refs.push(Seen::Status(c.status));
                    }
                    refs.extend(cites(&c.citations));
                    refs.extend(c.history.iter().flat_map(|h| cites(&h.citations)));
                    // Whether `check` warns it is overdue: only a full validation says.
                    refs.push(Seen::Overdue(crate::analysis::changes::overdue_at(
                        c,
                        m.site.as_of,
                    )));
                }
            }
        };
        let latest = (!m.site.as_of_given).then(|| {
            crate::model::latest_date(
                &m.meetings,
                &m.statements,
                &m.guarantees,
                &m.rounds,
                &m.documents,
            )
        });
        Some((link, refs, latest))
    }
    // A claim about components is checked against their contributions' dated statuses,
    // and shown on other pages: editing such a component rebuilds everything.
    let claimed = m.statements.values().flat_map(|s| &s.claims).any(|c| {
        matches!(&c.subject, crate::model::Subject::Components(gs) if gs.iter().any(|g| g.is(id)))
    });
    if kind == Kind::Guarantees && claimed {
        return None;
    }
    let cited = |m: &Model| {
        m.item(kind, id)
            .map(|x| x.citations().cloned().collect::<Vec<_>>())
    };
    let (before, citations) = (seen(m, kind, id)?, cited(m));
    let swap = |m: &mut Model, new: Revalidated| -> Option<Revalidated> {
        match new {
            Revalidated::Meeting(x) => m
                .meetings
                .insert(id.to_string(), x)
                .map(Revalidated::Meeting),
            Revalidated::Statement(x) => m
                .statements
                .insert(id.to_string(), x)
                .map(Revalidated::Statement),
            Revalidated::Guarantee(x) => m
                .guarantees
                .insert(id.to_string(), x)
                .map(Revalidated::Guarantee),
            _ => None,
        }
    };
    let old = swap(m, new)?;
    if seen(m, kind, id).is_some_and(|after| after == before) {
        Some(cited(m) != citations)
    } else {
        swap(m, old);
        None
    }
}

impl Body {
    /// The same edit with the body changed by `f`.
    fn map(self, f: impl Fn(Prose) -> Prose) -> Body {
        match self {
            Body::Text(kind, id, body) => Body::Text(kind, id, f(body)),
            Body::Note(kind, id, note) => Body::Note(kind, id, note.map(f)),
        }
    }
}

/// Puts a new body into the model; the item edited, unless the model does not have it
/// (an item withheld from the audience).
fn apply(m: &mut Model, b: Body) -> Option<(Kind, String)> {
    match b {
        Body::Text(kind, id, body) => {
            let slot = match kind {
                Kind::Meetings => m.meetings.get_mut(&id).map(|x| &mut x.body_html),
                Kind::Statements => m.statements.get_mut(&id).map(|x| &mut x.body_html),
                _ => m.guarantees.get_mut(&id).map(|x| &mut x.body_html),
            };
            *slot? = body;
            Some((kind, id))
        }
        Body::Note(kind, id, note) => {
            let slot = match kind {
                Kind::Actors => m.actors.get_mut(&id).map(|x| &mut x.description_html),
                Kind::Sources => m.sources.get_mut(&id).map(|x| &mut x.description_html),
                _ => m.rounds.get_mut(&id).map(|x| &mut x.summary_html),
            };
            *slot? = note;
            Some((kind, id))
        }
    }
}
