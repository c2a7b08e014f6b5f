//! A negotiating text as it stood at each round's end: its grid of provisions against
//! parties and its tally, on the text as of that day
//! ([`crate::analysis::documents::document_at`], the rule of the model as of a day), and
//! the round picker between those pages and the text's current page.
//!
//! A text tabled after a round's day did not exist then: it has no frozen page for that
//! round, and its picker does not offer one. Each provision's history and sources are
//! on the current page, which the frozen one links to: a frozen page holds only what
//! changes from round to round, so that a text's pages at a hundred rounds stay cheap.

use super::*;
use crate::model::{Document, Kind, Round};

/// A document's grid and tally at a round's end.
#[derive(Debug, Clone, Serialize)]
pub struct FrozenDocumentView {
    /// The text (its page shows it now).
    pub document: Link,
    /// The parties: the grid's columns.
    pub parties: Vec<Link>,
    /// The provisions in the text by then, in its order: the grid's rows.
    pub provisions: Vec<ProvisionState>,
    /// The counts then.
    pub tally: TallyView,
    /// The meetings where it was discussed by then, oldest first.
    pub discussed_at: Vec<Link>,
}

/// One provision at a round's end.
#[derive(Debug, Clone, Serialize)]
pub struct ProvisionState {
    /// Its element id on the text's current page.
    pub anchor: String,
    /// `Point 7`.
    pub label: Option<String>,
    /// Title.
    pub title: String,
    /// False once dropped by then: shown, not counted.
    pub in_text: bool,
    /// One cell per party: its position then, or none.
    pub cells: Vec<Option<PositionState>>,
    /// Marking.
    pub tlp: TlpView,
}

/// A party's position at a round's end.
#[derive(Debug, Clone, Serialize)]
pub struct PositionState {
    /// Status word then.
    pub status: &'static str,
    /// Marking.
    pub tlp: TlpView,
}

impl<'m> Views<'m> {
    /// The rounds, in order, at whose day ([`Views::round_day`]) document `doc` existed:
    /// those it has a frozen page for. None if the model has no such document.
    pub fn document_rounds(&self, doc: &str) -> Vec<&'m Round> {
        let Some(d) = self.m.documents.get(doc) else {
            return Vec::new();
        };
        crate::analysis::rounds_in_order(self.m)
            .into_iter()
            .filter(|r| d.tabled_by(self.round_day(&r.meta.id)))
            .collect()
    }

    /// Document `doc`'s grid and tally at round `round`'s day, made on the text as of
    /// that day; `None` if it did not exist then.
    pub fn frozen_document(&self, round: &str, doc: &str) -> Option<FrozenDocumentView> {
        let day = self.round_day(round);
        let d = self.m.documents.get(doc)?;
        if !d.tabled_by(day) {
            return None;
        }
        let mut then: Document = d.clone();
        crate::analysis::documents::document_at(&mut then, day);
        Some(FrozenDocumentView {
            document: self.link(Kind::Documents, doc),
            parties: self.links_to(Kind::Actors, &then.parties),
            provisions: then
                .provisions
                .iter()
                .map(|p| ProvisionState {
                    anchor: crate::routes::provision_anchor(&p.id),
                    label: p.label.clone(),
                    title: p.title.clone(),
                    in_text: p.in_text_at(day),
                    cells: then
                        .parties
                        .iter()
                        .map(|r| {
                            let x = p.position_of(r.id()?)?;
                            Some(PositionState {
                                status: x.status.as_str(),
                                tlp: x.tlp.into(),
                            })
                        })
                        .collect(),
                    tlp: p.tlp.into(),
                })
                .collect(),
            tally: self.tally(&then, day),
            discussed_at: self.discussed_by(doc, day),
        })
    }

    /// Document `doc`'s round picker: its frozen page at each round it existed at, then
    /// its current page; round `selected`'s page selected (the current one with `None`).
    pub fn document_picker(&self, doc: &str, selected: Option<&str>) -> RoundPicker {
        let rounds = self
            .document_rounds(doc)
            .into_iter()
            .map(|r| (r, crate::routes::document_round_view(doc, &r.meta.id)))
            .collect();
        self.picker(
            "Text by round",
            rounds,
            crate::routes::item(Kind::Documents, doc),
            selected,
        )
    }
}
