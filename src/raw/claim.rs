//! What a statement's `claims:` say: a figure the speaker gave about a negotiating text
//! or a set of guarantee components, to be checked against what the briefing tracks.

use super::{Opt, S};
use crate::model::vocab::Measure;
use crate::schema::Id;
use schemars::JsonSchema;
use serde::Deserialize;

/// One claim of a statement, e.g. "90% of the peace plan is agreed".
#[derive(Debug, Clone, Deserialize, Default, JsonSchema)]
#[schemars(deny_unknown_fields, rename = "Claim")]
pub struct RawClaim {
    /// The negotiating text the figure is about (a document id). An id the briefing does
    /// not track is allowed (a warning): the claim then cannot be checked.
    #[schemars(with = "Option<Id>")]
    pub document: Opt<String>,
    /// Instead of a document: the guarantee components the figure is about (ids).
    #[schemars(with = "Option<Vec<Id>>")]
    pub components: Option<Vec<S<String>>>,
    /// What is counted: share-agreed, count-agreed, share-implemented,
    /// count-implemented, count-open.
    #[schemars(with = "Measure")]
    pub measure: Opt<String>,
    /// The figure claimed: a percentage (0-100) for `share-*` measures, a whole number
    /// for `count-*` measures.
    #[schemars(with = "f64")]
    pub value: Opt<f64>,
    /// For a count: the total the speaker gave, as in "18 of 20 points".
    #[schemars(with = "Option<u32>")]
    pub of: Opt<f64>,
    /// Agreed (or implemented) by these parties only (actor ids); default: all the
    /// document's parties, or every contributor to the components.
    #[schemars(with = "Option<Vec<Id>>")]
    pub parties: Option<Vec<S<String>>>,
    /// The words of the claim, as said.
    #[schemars(with = "Option<String>")]
    pub quote: Opt<String>,
}

/// site.yaml `claims:`: how claims are judged.
#[derive(Debug, Clone, Deserialize, Default, JsonSchema)]
#[schemars(deny_unknown_fields, rename = "ClaimRules")]
pub struct RawClaimRules {
    /// How far a claim may be from the tracked figure and still be consistent, in
    /// percentage points (of the provisions in the text, for counts); default 5.
    #[schemars(with = "Option<f64>")]
    pub tolerance: Opt<f64>,
    /// The least coverage (the share of the provisions with any recorded position), in
    /// percent, for a claim to be checked at all; default 80.
    #[schemars(with = "Option<f64>")]
    pub min_coverage: Opt<f64>,
}
