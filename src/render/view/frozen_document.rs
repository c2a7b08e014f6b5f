//! A negotiating text as it stood at each round's end: its page made on the round's
//! frozen model ([`Views::frozen_model`]), and the round picker between those pages and
//! the text's current page.
//!
//! A text tabled after a round's day did not exist then: it has no frozen page for that
//! round, and its picker does not offer one.

use super::*;
use crate::model::{Kind, Round};

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

    /// Document `doc`'s page as it stood at round `round`'s day: its view made on the
    /// model as of that day, but for the meetings it was discussed at, which are the
    /// current model's dated by then (the frozen model carries only the meetings its
    /// round's brief shows). `None` if the text did not exist then.
    pub fn frozen_document(&self, round: &str, doc: &str) -> Option<ItemView> {
        let day = self.round_day(round);
        let model = self.frozen_model(round);
        model.documents.get(doc)?;
        let mut item = Views::for_few_pages(model).item(Kind::Documents, doc);
        if let Detail::Document(d) = &mut item.detail {
            d.discussed_at = self.discussed_by(doc, day);
        }
        Some(item)
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
