//! Negotiating texts: a plan, framework, draft, communiqué or agreement, its provisions
//! and each party's position on each of them.

use super::{Citation, Meta, Prose, Ref, Status, Step, Term, Tlp};
use crate::dates::When;

/// A negotiating text (content/documents/*.md).
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Id, file, tags, marking, sources.
    pub meta: Meta,
    /// Title.
    pub title: String,
    /// What sort of text.
    pub kind: Term,
    /// When this version was tabled or dated, if known.
    pub date: Option<When>,
    /// The parties to it.
    pub parties: Vec<Ref>,
    /// The earlier version it replaces.
    pub supersedes: Option<Ref>,
    /// Its provisions, in the order of the text.
    pub provisions: Vec<Provision>,
    /// Description, rendered.
    pub body_html: Prose,
}

/// One provision of a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Provision {
    /// Unique within the document; its anchor.
    pub id: String,
    /// The number or label the text gives it.
    pub label: Option<String>,
    /// What it provides.
    pub title: String,
    /// One line.
    pub summary: Option<String>,
    /// The guarantee components it concerns.
    pub concerns: Vec<Ref>,
    /// When it entered the text, if in a later version.
    pub introduced: Option<When>,
    /// When it left the text.
    pub dropped: Option<When>,
    /// Each party's position, in the order written.
    pub positions: Vec<Position>,
    /// Marking.
    pub tlp: Tlp,
}

/// One party's position on a provision: a status on the contributions' ladder.
#[derive(Debug, Clone, PartialEq)]
pub struct Position {
    /// The party.
    pub party: Ref,
    /// The current status, as written.
    pub status: Status,
    /// When it was reached.
    pub since: Option<When>,
    /// A note on it.
    pub note: Option<String>,
    /// Earlier steps, oldest first.
    pub history: Vec<Step>,
    /// Sources.
    pub citations: Vec<Citation>,
    /// Marking.
    pub tlp: Tlp,
}

impl Document {
    /// True if the text existed at the end of `day`: undated, or dated by then. Views as
    /// of a day before it leave it out (see [`crate::analysis::as_of`]).
    pub fn tabled_by(&self, day: jiff::civil::Date) -> bool {
        self.date.is_none_or(|d| d.last() <= day)
    }
}

impl Provision {
    /// True if the provision is part of the text at the end of `day`: introduced by then
    /// (or from the start) and not yet dropped.
    pub fn in_text_at(&self, day: jiff::civil::Date) -> bool {
        self.introduced.is_none_or(|d| d.last() <= day)
            && self.dropped.is_none_or(|d| d.last() > day)
    }

    /// The position of the party `party`, if it has one.
    pub fn position_of(&self, party: &str) -> Option<&Position> {
        self.positions.iter().find(|p| p.party.id() == Some(party))
    }
}
