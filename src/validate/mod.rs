//! Validate stage: turns what the files say into the typed model, collecting every
//! problem (missing fields, bad values, dangling references) with its position.

mod as_of;
mod checker;
mod claims;
mod cycles;
mod documents;
mod guarantees;
mod ids;
mod items;
mod languages;
mod refs;
mod translations;

use crate::diagnostics::{Code, Diagnostic, Diagnostics, Pos};
use crate::load::{Doc, Loaded};
use crate::model::{Kind, Links, Model};
pub use checker::Checker;
pub use ids::Ids;
use rayon::prelude::*;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;

/// Validates everything loaded; returns the model only if there were no errors.
pub fn validate(loaded: Loaded) -> (Option<Model>, Diagnostics) {
    let (model, diags, _) = validate_keeping_ids(loaded);
    (model, diags)
}

/// [`validate`], also giving the ids it checked references against, for [`revalidate`].
pub fn validate_keeping_ids(loaded: Loaded) -> (Option<Model>, Diagnostics, Ids) {
    let mut diags = Diagnostics::new();
    let ids = Ids::from_loaded(&loaded);
    let actors = each(Kind::Actors, &loaded.actors, &ids, &mut diags, items::actor);
    let sources = each(
        Kind::Sources,
        &loaded.sources,
        &ids,
        &mut diags,
        items::source,
    );
    let rounds = each(Kind::Rounds, &loaded.rounds, &ids, &mut diags, items::round);
    let meetings = each(
        Kind::Meetings,
        &loaded.meetings,
        &ids,
        &mut diags,
        |d, c| items::meeting(d, c, &rounds),
    );
    let statements = each(
        Kind::Statements,
        &loaded.statements,
        &ids,
        &mut diags,
        |d, c| items::statement(d, c, &actors),
    );
    let guarantees = each(
        Kind::Guarantees,
        &loaded.guarantees,
        &ids,
        &mut diags,
        guarantees::guarantee,
    );
    let documents = each(
        Kind::Documents,
        &loaded.documents,
        &ids,
        &mut diags,
        documents::document,
    );
    for ((kind, id), file) in ids.all_failed() {
        diags.push(
            Diagnostic::warning(
                Code::UncheckedReferences,
                format!(
                    "references to {} `{id}` were not checked: this file could not be read",
                    kind.singular()
                ),
            )
            .in_file(file)
            .at(Some(Pos::new(1, 1)))
            .help("fix the error in this file; items that refer to it are checked again then"),
        );
    }
    cycles::check(&guarantees, &loaded.guarantees, &ids, &mut diags);
    documents::check_supersedes(&loaded.documents, &ids, &mut diags);
    let latest =
        crate::model::latest_date(&meetings, &statements, &guarantees, &rounds, &documents);
    let site = loaded
        .site
        .as_ref()
        .and_then(|doc| items::site(doc, &ids, latest, &mut diags));
    if loaded.site.is_none() && !diags.has_errors() {
        // load already reported why site.yaml could not be read
        return (None, diags, ids);
    }
    let translations = site
        .as_ref()
        .map(|s| translations::check(&loaded, &s.languages, &ids, &mut diags))
        .unwrap_or_default();
    let mut site = site;
    if let Some(s) = &mut site {
        s.translations = translations::check_site(&loaded, &s.languages, &ids, &mut diags);
    }
    match site {
        Some(site) if !diags.has_errors() => {
            let mut model = Model {
                site,
                actors,
                sources,
                meetings,
                statements,
                guarantees,
                rounds,
                documents,
                links: Links::default(),
                translations,
            };
            model.links = Links::compute(&model);
            as_of::check(&loaded, &model, &mut diags);
            as_of::check_running_dates(&loaded, &model, &mut diags);
            (Some(model), diags, ids)
        }
        _ => (None, diags, ids),
    }
}

/// One item file validated again on its own.
#[derive(Debug, Clone, PartialEq)]
pub enum Revalidated {
    /// An actor.
    Actor(crate::model::Actor),
    /// A source.
    Source(crate::model::Source),
    /// A meeting.
    Meeting(crate::model::Meeting),
    /// A statement.
    Statement(crate::model::Statement),
    /// A guarantee component.
    Guarantee(crate::model::Guarantee),
    /// A round.
    Round(crate::model::Round),
    /// A negotiating text.
    Document(crate::model::Document),
}

/// Reads and validates the item file at `rel` of `kind` again, against the `ids` and the
/// model `m` of the last full validation: what a full validation would give for it if no
/// other file changed and this one kept every id and marking. `None` if the file has
/// errors (a full validation reports them); otherwise the item and its warnings, with
/// those of reading it first, as a full load and validation list them.
pub fn revalidate(
    root: &std::path::Path,
    kind: Kind,
    rel: &std::path::Path,
    ids: &Ids,
    m: &Model,
) -> Option<(Revalidated, Diagnostics)> {
    fn one<R: serde::de::DeserializeOwned + Default, T>(
        root: &std::path::Path,
        kind: Kind,
        rel: &std::path::Path,
        ids: &Ids,
        check: impl Fn(&Doc<R>, &mut Checker) -> T,
    ) -> Option<(T, Diagnostics)> {
        let (doc, read) = crate::load::parse_file::<R>(root, kind, rel);
        let mut diags = Diagnostics::new();
        diags.extend(read);
        let doc = doc?;
        let (item, found, failed) = check_one(kind, &doc, ids, check);
        diags.extend(found);
        (!failed && !diags.has_errors()).then_some((item, diags))
    }
    Some(match kind {
        Kind::Actors => {
            let (x, d) = one(root, kind, rel, ids, items::actor)?;
            (Revalidated::Actor(x), d)
        }
        Kind::Sources => {
            let (x, d) = one(root, kind, rel, ids, items::source)?;
            (Revalidated::Source(x), d)
        }
        Kind::Rounds => {
            let (x, d) = one(root, kind, rel, ids, items::round)?;
            (Revalidated::Round(x), d)
        }
        Kind::Meetings => {
            let (x, d) = one(root, kind, rel, ids, |d, c| items::meeting(d, c, &m.rounds))?;
            (Revalidated::Meeting(x), d)
        }
        Kind::Statements => {
            let (x, d) = one(root, kind, rel, ids, |d, c| {
                items::statement(d, c, &m.actors)
            })?;
            (Revalidated::Statement(x), d)
        }
        Kind::Guarantees => {
            let (x, d) = one(root, kind, rel, ids, guarantees::guarantee)?;
            (Revalidated::Guarantee(x), d)
        }
        Kind::Documents => {
            let (x, d) = one(root, kind, rel, ids, documents::document)?;
            (Revalidated::Document(x), d)
        }
    })
}

/// Converts every file of one kind; items whose checks failed are left out. Files are
/// checked in parallel (rendering Markdown is most of the work); their problems are
/// gathered in file order, so the report is the same on every run.
fn each<R: DeserializeOwned + Default + Sync, T: Send>(
    kind: Kind,
    docs: &[Doc<R>],
    ids: &Ids,
    diags: &mut Diagnostics,
    one: impl Fn(&Doc<R>, &mut Checker) -> T + Sync,
) -> BTreeMap<String, T> {
    let checked: Vec<(Option<T>, Diagnostics)> = docs
        .par_iter()
        .map(|doc| {
            let (item, found, failed) = check_one(kind, doc, ids, &one);
            ((!failed).then_some(item), found)
        })
        .collect();
    let mut out = BTreeMap::new();
    for (doc, (item, found)) in docs.iter().zip(checked) {
        diags.extend(found);
        if let Some(item) = item {
            out.insert(doc.id.clone(), item);
        }
    }
    out
}

/// Checks one document with `check`: the item, what was found in it, and whether that
/// included an error.
fn check_one<R: DeserializeOwned + Default, T>(
    kind: Kind,
    doc: &Doc<R>,
    ids: &Ids,
    check: impl Fn(&Doc<R>, &mut Checker) -> T,
) -> (T, Diagnostics, bool) {
    let mut found = Diagnostics::new();
    let mut c = Checker::new(Some(kind), doc, ids, &mut found);
    let item = check(doc, &mut c);
    let failed = c.failed();
    (item, found, failed)
}

/// The ids of one kind, for suggestions.
pub(crate) fn kind_ids(ids: &Ids, kind: Kind) -> Vec<String> {
    ids.of(kind).iter().cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// The broken fixture's messages carry positions.
    #[test]
    fn messages_say_where() {
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let (loaded, _) = crate::load::load(&fixtures.join("broken"));
        let (_, diags) = validate(loaded);
        assert!(diags.iter().any(|d| d.code == "dangling-reference"));
        assert!(diags.iter().all(|d| d.pos.is_some()), "{diags:?}");
    }
}
