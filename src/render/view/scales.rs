//! The Admiralty grades and the TLP markings, for the page that explains them
//! (`markings.html`).

use super::TlpView;
use crate::model::Tlp;
use serde::Serialize;

/// The scales every page refers to: the Admiralty grades and the TLP markings an edition
/// may show, for the page that explains them (`markings.html`).
#[derive(Debug, Clone, Serialize)]
pub struct Scales {
    /// Source reliability, `A` to `F`.
    pub reliability: Vec<Grade>,
    /// Information credibility, 1 to 6.
    pub credibility: Vec<Grade>,
    /// Every TLP marking up to the edition's audience, least restricted first (a lower
    /// edition does not name the markings it withholds).
    pub markings: Vec<TlpView>,
}

impl Scales {
    /// The scales as briefing defines them, for an edition for `audience`.
    pub fn new(audience: Tlp) -> Self {
        use crate::model::{Reliability, credibility_meaning};
        Scales {
            reliability: Reliability::VARIANTS
                .iter()
                .map(|r| Grade {
                    grade: r.as_str().to_string(),
                    meaning: r.meaning(),
                })
                .collect(),
            credibility: (1..=6)
                .map(|g| Grade {
                    grade: g.to_string(),
                    meaning: credibility_meaning(g),
                })
                .collect(),
            markings: Tlp::VARIANTS
                .iter()
                .filter(|t| **t <= audience)
                .map(|t| (*t).into())
                .collect(),
        }
    }
}

/// One grade of a scale and what it means.
#[derive(Debug, Clone, Serialize)]
pub struct Grade {
    /// `B`, `2`.
    pub grade: String,
    /// `usually reliable`.
    pub meaning: &'static str,
}
