//! `data/claims.csv`: every claim of a figure, checked, newest first (as the claims
//! page lists them).

use super::csv::{row, table};
use crate::render::view::{Link, Views};

/// The table of every claim.
pub fn claims(views: &Views) -> String {
    let claims = views.all_claims(None);
    let mut out = table(
        256 * (claims.len() + 1),
        [
            "statement_id",
            "date",
            "speaker",
            "document",
            "components",
            "parties",
            "measure",
            "claimed",
            "tracked",
            "coverage_percent",
            "verdict",
            "reason",
            "tlp",
        ],
    );
    let id = |l: &Link| l.id().unwrap_or(l.title()).to_string();
    let ids = |ls: &[Link]| ls.iter().map(id).collect::<Vec<_>>().join("; ");
    for c in &claims {
        let document = match (&c.document, &c.untracked_document) {
            (Some(d), _) => id(d),
            (None, Some(untracked)) => untracked.clone(),
            (None, None) => String::new(),
        };
        let coverage = c
            .coverage
            .as_ref()
            .and_then(|s| s.percent)
            .map(|p| p.to_string())
            .unwrap_or_default();
        row(
            &mut out,
            [
                id(&c.statement).as_str(),
                &c.date.iso,
                &c.attribution,
                &document,
                &ids(&c.components),
                &ids(&c.parties),
                c.measure,
                &c.claimed,
                c.tracked.as_deref().unwrap_or(""),
                &coverage,
                c.verdict,
                c.reason.as_deref().unwrap_or(""),
                c.tlp.word,
            ],
        );
    }
    out
}
