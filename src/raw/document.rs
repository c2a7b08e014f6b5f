//! What a document file says: content/documents/*.md front matter, its provisions and
//! each party's position on them.

use super::{IdOr, Opt, RawCitation, RawCitations, RawStep, S};
use crate::model::vocab::*;
use crate::schema::{Date, Id};
use schemars::JsonSchema;
use serde::Deserialize;

/// One party's position on a provision.
#[derive(Debug, Clone, Deserialize, Default, JsonSchema)]
#[schemars(deny_unknown_fields, rename = "Position")]
pub struct RawPosition {
    /// The party (an actor id, one of the document's `parties`).
    #[schemars(with = "Id")]
    pub party: Opt<String>,
    /// Where the party stands: the same ladder and off-ladder states as contributions.
    #[schemars(with = "Status")]
    pub status: Opt<String>,
    /// When the current status was reached.
    #[schemars(with = "Option<Date>")]
    pub since: Opt<String>,
    /// A note on the current status.
    #[schemars(with = "Option<String>")]
    pub note: Opt<String>,
    /// Earlier steps.
    #[schemars(with = "Option<Vec<RawStep>>")]
    pub history: Option<Vec<S<RawStep>>>,
    /// The sources verifying the current status.
    #[schemars(with = "Option<Vec<IdOr<RawCitation>>>")]
    pub sources: RawCitations,
    /// Traffic Light Protocol 2.0 marking; default: the document's.
    #[schemars(with = "Option<Tlp>")]
    pub tlp: Opt<String>,
}

/// One provision of a document.
#[derive(Debug, Clone, Deserialize, Default, JsonSchema)]
#[schemars(deny_unknown_fields, rename = "Provision")]
pub struct RawProvision {
    /// A slug unique within the document; the provision's anchor on the page.
    #[schemars(with = "Id")]
    pub id: Opt<String>,
    /// The number or label the text gives it, e.g. `Point 7` or `Art. 5(2)`.
    #[schemars(with = "Option<String>")]
    pub label: Opt<String>,
    /// What it provides, in a few words.
    #[schemars(with = "String")]
    pub title: Opt<String>,
    /// One line, plain text.
    #[schemars(with = "Option<String>")]
    pub summary: Opt<String>,
    /// The guarantee components it concerns (guarantee ids).
    #[schemars(with = "Option<Vec<Id>>")]
    pub concerns: Option<Vec<S<String>>>,
    /// When it entered the text (a version that added it).
    #[schemars(with = "Option<Date>")]
    pub introduced: Opt<String>,
    /// When it left the text (a version that dropped it).
    #[schemars(with = "Option<Date>")]
    pub dropped: Opt<String>,
    /// Each party's position on it.
    #[schemars(with = "Option<Vec<RawPosition>>")]
    pub positions: Option<Vec<S<RawPosition>>>,
    /// Traffic Light Protocol 2.0 marking; default: the document's.
    #[schemars(with = "Option<Tlp>")]
    pub tlp: Opt<String>,
}

/// Front matter of content/documents/*.md
#[derive(Debug, Clone, Deserialize, Default, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RawDocument {
    /// Title of the text.
    #[schemars(with = "String")]
    pub title: Opt<String>,
    /// What sort of text: plan, framework, draft, communique, agreement, other.
    #[schemars(with = "Option<DocumentKind>")]
    pub kind: Opt<String>,
    /// When the text (this version) was tabled or dated, if known.
    #[schemars(with = "Option<Date>")]
    pub date: Opt<String>,
    /// The parties to it (actor ids).
    #[schemars(with = "Option<Vec<Id>>")]
    pub parties: Option<Vec<S<String>>>,
    /// The earlier version this one replaces (a document id).
    #[schemars(with = "Option<Id>")]
    pub supersedes: Opt<String>,
    /// Its provisions, in the order of the text.
    #[schemars(with = "Option<Vec<RawProvision>>")]
    pub provisions: Option<Vec<S<RawProvision>>>,
    /// Free tags.
    pub tags: Option<Vec<String>>,
    /// Traffic Light Protocol 2.0 marking; default: `default_tlp` of site.yaml.
    #[schemars(with = "Option<Tlp>")]
    pub tlp: Opt<String>,
    /// The sources the item rests on: source ids, or mappings with `source` and grades.
    #[schemars(with = "Option<Vec<IdOr<RawCitation>>>")]
    pub sources: RawCitations,
}
