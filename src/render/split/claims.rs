//! The claims checked, newest first, in pages: `claims.html` (the newest, with the
//! count of every verdict), then `claims-2.html`, ... beside it. A claim with its
//! figures and reasons weighs about four links, so it counts as four entries.

use super::{Part, Tally, numbered, page, tally};
use crate::render::Page;
use crate::render::paginate::{self, Pagination};
use crate::render::view::{ClaimView, Views};
use crate::routes::Section;
use std::ops::Range;
use std::sync::Arc;

/// Entries a claim counts for in a page's budget.
const CLAIM_WEIGHT: usize = 4;

/// Every claim, newest first, and the pages they are on.
#[derive(Debug)]
pub(crate) struct Plan {
    claims: Vec<ClaimView>,
    pages: Vec<Range<usize>>,
}

pub(super) fn plan(views: &Views, budget: usize) -> Plan {
    let claims = views.all_claims(None);
    Plan {
        pages: super::runs(claims.iter().map(|_| CLAIM_WEIGHT), budget),
        claims,
    }
}

pub(super) fn pages(plan: &Arc<Plan>, l: &crate::i18n::Locale) -> Vec<Page> {
    let n = plan.pages.len().max(1);
    (0..n)
        .map(|i| {
            page(
                Section::Claims.page(i + 1),
                "claims.html",
                numbered(l, &l.text("title.claims"), i + 1, n),
                "claims",
                Part::Claims(plan.clone(), i),
            )
        })
        .collect()
}

pub(super) fn data(views: &Views, plan: &Plan, i: usize) -> Vec<(&'static str, tera::Value)> {
    let run = plan.pages.get(i).cloned().unwrap_or(0..0);
    let pagination: Pagination =
        paginate::paged(&plan.pages, plan.claims.len(), &|n| Section::Claims.file(n))
            .swap_remove(i);
    let verdicts: Vec<Tally> = tally(
        plan.claims
            .iter()
            .map(|c| (c.verdict, c.verdict_label.as_str())),
    );
    vec![
        ("claims", views.value(&&plan.claims[run])),
        ("pagination", views.value(&pagination)),
        ("total", views.value(&plan.claims.len())),
        ("verdicts", views.value(&verdicts)),
    ]
}
