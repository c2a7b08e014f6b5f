//! Validate stage: turns what the files say into the typed model, collecting every
//! problem (missing fields, bad values, dangling references) with its position.

mod checker;
mod items;

use crate::diagnostics::Diagnostics;
use crate::load::Loaded;
use crate::model::{Kind, Links, Model};
pub use checker::Checker;
use checker::Ids;

/// Validates everything loaded; returns the model only if there were no errors.
pub fn validate(loaded: Loaded) -> (Option<Model>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let ids = Ids::from_loaded(&loaded);
    let actors = items::actors(&loaded.actors, &ids, &mut diags);
    let sources = items::sources(&loaded.sources, &ids, &mut diags);
    let rounds = items::rounds(&loaded.rounds, &ids, &mut diags);
    let meetings = items::meetings(&loaded.meetings, &ids, &rounds, &mut diags);
    let statements = items::statements(&loaded.statements, &ids, &actors, &mut diags);
    let guarantees = items::guarantees(&loaded.guarantees, &ids, &mut diags);
    let latest = items::latest_date(&meetings, &statements, &guarantees, &rounds);
    let site = loaded
        .site
        .as_ref()
        .and_then(|doc| items::site(doc, &ids, latest, &mut diags));
    if loaded.site.is_none() && !diags.has_errors() {
        // load already reported why site.yaml could not be read
        return (None, diags);
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
                links: Links::default(),
            };
            model.links = Links::compute(&model);
            (Some(model), diags)
        }
        _ => (None, diags),
    }
}

/// The ids of one kind, for suggestions.
pub(crate) fn kind_ids(ids: &Ids, kind: Kind) -> Vec<String> {
    ids.of(kind).iter().cloned().collect()
}
