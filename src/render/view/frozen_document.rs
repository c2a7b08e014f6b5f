//! A negotiating text as it stood at each round's end: its grid of provisions against
//! parties and its tally, on the text as of that day
//! ([`crate::analysis::documents::document_at`], the rule of the model as of a day), and
//! the round picker between those pages and the text's current page.
//!
//! A text tabled after a round's day did not exist then: it has no frozen page for that
//! round, and its picker does not offer one. Nor has a round in which nothing in the text
//! changed: its page would be the one before it, word for word but for its heading. Each provision's history and sources are
//! on the current page, which the frozen one links to: a frozen page holds only what
//! changes from round to round, so that a text's pages at a hundred rounds stay cheap.

use super::*;
use crate::dates::When;
use crate::model::{Document, Kind, Round};
use jiff::civil::Date;

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
    /// The language of `label` when it is not the page's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label_lang: Option<crate::model::Lang>,
    /// The language of `title` when it is not the page's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_lang: Option<crate::model::Lang>,
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
    /// The rounds, in order, that document `doc` has a frozen page for: the first at
    /// whose day ([`Views::round_day`]) it existed, and each later one in which it moved
    /// (see [`moved_between`]); a round in which nothing in the text changed would repeat
    /// the page before it. None if the model has no such document.
    pub fn document_rounds(&self, doc: &str) -> Vec<&'m Round> {
        let Some(d) = self.m.documents.get(doc) else {
            return Vec::new();
        };
        let mut before: Option<Date> = None;
        let mut out = Vec::new();
        for r in crate::analysis::rounds_in_order(self.m) {
            let day = self.round_day(&r.meta.id);
            if d.tabled_by(day) && (out.is_empty() || moved_between(d, before, day)) {
                out.push(r);
            }
            before = Some(day);
        }
        out
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
                .map(|p| {
                    // Its words are the text's own (as of now): a provision's words do
                    // not change with the day.
                    let words = d
                        .provisions
                        .iter()
                        .find(|q| q.id == p.id)
                        .map(|q| self.provision_words(d, q));
                    let (label, label_lang, title, title_lang) = match words {
                        Some(w) => (w.label, w.label_lang, w.title, w.title_lang),
                        None => (p.label.clone(), None, p.title.clone(), None),
                    };
                    ProvisionState {
                        anchor: crate::routes::provision_anchor(&p.id),
                        label,
                        title,
                        label_lang,
                        title_lang,
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
                    }
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
            self.locale.text("picker.text"),
            rounds,
            crate::routes::item(Kind::Documents, doc),
            selected,
        )
    }
}

/// True if something in `d` is dated after `after` (from the start with `None`) and by
/// `day`, as the model as of a day reads dates (by their last day): the text tabled, a
/// provision introduced or dropped, a position's step taken.
fn moved_between(d: &Document, after: Option<Date>, day: Date) -> bool {
    let within = |w: &When| after.is_none_or(|a| w.last() > a) && w.last() <= day;
    d.date.as_ref().is_some_and(within)
        || d.provisions.iter().any(|p| {
            p.introduced.as_ref().is_some_and(within)
                || p.dropped.as_ref().is_some_and(within)
                || p.positions.iter().any(|x| {
                    x.since.as_ref().is_some_and(within)
                        || x.history.iter().any(|h| within(&h.date))
                })
        })
}
