//! A figure a statement gives about a negotiating text or a set of guarantee components,
//! to be checked against what the briefing tracks ([`crate::analysis::claims`]).

use super::{Measure, Ref};
use crate::diagnostics::Pos;

/// One claim of a statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// What the figure is about.
    pub subject: Subject,
    /// What it counts.
    pub measure: Measure,
    /// The figure claimed.
    pub claimed: Claimed,
    /// Agreed by these parties only; empty: all of them.
    pub parties: Vec<Ref>,
    /// The words of the claim, as said.
    pub quote: Option<String>,
    /// Where the claim is written in its statement's file.
    pub at: Option<Pos>,
}

/// What a claim is about.
#[derive(Debug, Clone, PartialEq)]
pub enum Subject {
    /// A negotiating text the briefing tracks (or one withheld from the audience).
    Document(Ref),
    /// A text the briefing does not track, by the id the claim gives it.
    Untracked(String),
    /// A set of guarantee components.
    Components(Vec<Ref>),
}

/// The figure a claim gives.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Claimed {
    /// A percentage, 0-100.
    Percent(f64),
    /// A count, and the total the speaker gave if any ("18 of 20").
    Count {
        /// How many.
        count: u32,
        /// Of how many, as said.
        of: Option<u32>,
    },
}

impl Claimed {
    /// As pages write it: `90%`, `18 of 20`, `3`.
    pub fn text(self) -> String {
        match self {
            Claimed::Percent(p) => format!("{}%", number_text(p)),
            Claimed::Count {
                count,
                of: Some(of),
            } => format!("{count} of {of}"),
            Claimed::Count { count, of: None } => count.to_string(),
        }
    }
}

/// `90` for 90.0, `87.5` for 87.5.
pub fn number_text(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        let s = format!("{x:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// How claims are judged (site.yaml `claims:`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClaimRules {
    /// Percentage points a claim may be off and still be consistent.
    pub tolerance: f64,
    /// The least coverage, in percent, for a claim to be checked.
    pub min_coverage: f64,
}

impl Default for ClaimRules {
    fn default() -> Self {
        ClaimRules {
            tolerance: 5.0,
            min_coverage: 80.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_as_said() {
        assert_eq!(Claimed::Percent(90.0).text(), "90%");
        assert_eq!(Claimed::Percent(87.5).text(), "87.5%");
        let c = Claimed::Count {
            count: 18,
            of: Some(20),
        };
        assert_eq!(c.text(), "18 of 20");
        assert_eq!(Claimed::Count { count: 2, of: None }.text(), "2");
    }
}
