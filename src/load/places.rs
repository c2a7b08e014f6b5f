//! Where the parts of an item that carry its sourcing are written, for messages about
//! findings made after validation (see `analysis::sourcing`): the model keeps no
//! positions, so a file with a finding is read again.

use super::{Doc, parse_file};
use crate::diagnostics::Pos;
use crate::model::Kind;
use crate::raw::{RawCitations, RawDocument, RawGuarantee, RawMeeting, RawRound, RawStatement};
use crate::yaml::pos_of;
use serde::de::DeserializeOwned;
use std::path::Path;

/// The places of an item's sourcing in its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourcingPlaces {
    /// Where the item's fields start.
    pub start: Pos,
    /// Each of its citations, in order.
    pub citations: Vec<Pos>,
    /// A statement's `attributed_to`, if any.
    pub attribution: Option<Pos>,
    /// Each contribution (guarantee components): where it starts, and its citations.
    pub contributions: Vec<(Pos, Vec<Pos>)>,
}

/// The places of the sourcing of the item of `kind` in the file `rel` (relative to
/// `root`). A file that no longer reads gives its first line and nothing else.
pub fn sourcing_places(root: &Path, kind: Kind, rel: &Path) -> SourcingPlaces {
    fn read<T: DeserializeOwned + Default>(root: &Path, kind: Kind, rel: &Path) -> Option<Doc<T>> {
        parse_file::<T>(root, kind, rel).0
    }
    fn cites(v: &RawCitations, line: usize) -> Vec<Pos> {
        v.iter()
            .flatten()
            .map(|c| pos_of(c, line).unwrap_or(Pos::new(line, 1)))
            .collect()
    }
    let mut places = SourcingPlaces {
        start: Pos::new(1, 1),
        citations: Vec::new(),
        attribution: None,
        contributions: Vec::new(),
    };
    macro_rules! item {
        ($raw:ty) => {
            read::<$raw>(root, kind, rel).map(|d| {
                places.start = Pos::new(d.yaml_line, 1);
                places.citations = cites(&d.raw.sources, d.yaml_line);
                d
            })
        };
    }
    match kind {
        Kind::Meetings => {
            item!(RawMeeting);
        }
        Kind::Rounds => {
            item!(RawRound);
        }
        Kind::Documents => {
            item!(RawDocument);
        }
        Kind::Statements => {
            if let Some(d) = item!(RawStatement) {
                places.attribution = d
                    .raw
                    .attributed_to
                    .as_ref()
                    .and_then(|a| pos_of(a, d.yaml_line));
            }
        }
        Kind::Guarantees => {
            if let Some(d) = item!(RawGuarantee) {
                let line = d.yaml_line;
                places.contributions = d
                    .raw
                    .contributions
                    .iter()
                    .flatten()
                    .map(|c| {
                        let at = pos_of(c, line).unwrap_or(Pos::new(line, 1));
                        (at, cites(&c.value.sources, line))
                    })
                    .collect();
            }
        }
        Kind::Actors | Kind::Sources => {}
    }
    places
}
