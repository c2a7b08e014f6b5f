//! Claims checked: a statement's figure ("90% of the plan is agreed") against the figure
//! the briefing tracks as of the statement's date.
//!
//! **What is counted.** For a document, the provisions in the text on that day
//! ([`documents::in_text`]); a provision *reaches* the measure's threshold (`agreed`, or
//! `implemented` for the `*-implemented` measures) when every party counted (the claim's
//! `parties`, or all the document's parties) has a position at or above it on the
//! ladder. A provision where no counted party is below the threshold but some have no
//! position yet *could* reach it: the tracked figure is then a range, from what is
//! recorded to what the missing positions could add. For guarantee components, each
//! contribution recorded by that day (by the claim's parties, if named) is one unit; it
//! reaches the threshold by its status then.
//!
//! **Coverage** is the share of the provisions with any recorded position (for
//! components: of the components with any contribution). Below `min_coverage` (site.yaml
//! `claims:`, default 80%) the claim cannot be checked.
//!
//! **Verdict.** With `t` the tolerance (default 5 percentage points; for counts, points
//! of the units counted), a claim is *consistent* within `t` of the recorded figure,
//! *overstated* when it claims more progress than even the range's best end plus `t`,
//! *understated* when it claims less than the recorded figure minus `t`; between the
//! recorded figure and the best end it cannot be checked (it depends on the positions
//! not recorded). `count-open` counts what is left, so fewer is more progress. A count
//! said "of N" is compared as a share. A statement dated to a month or a year is checked
//! on its first and last day; if the verdicts differ, it cannot be checked.
//!
//! Everything is computed on the model it is given: in a build for an audience, what is
//! withheld from it is not counted.

use super::changes::status_at;
use super::documents::{self, Share};
use crate::diagnostics::{Code, Diagnostic};
use crate::model::{
    Claim, ClaimRules, Claimed, Document, Measure, Model, Ref, Statement, Status, Subject,
};
use jiff::civil::Date;

/// How a claim compares with what is tracked.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Verdict {
    /// Within the tolerance of the tracked figure.
    Consistent,
    /// Claims more progress than the tracked figure allows.
    Overstated,
    /// Claims less progress than the tracked figure shows.
    Understated,
    /// Cannot be checked, and why.
    CannotBeChecked(Reason),
}

impl Verdict {
    /// The word exports and CSS classes use: `cannot-be-checked`.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Consistent => "consistent",
            Verdict::Overstated => "overstated",
            Verdict::Understated => "understated",
            Verdict::CannotBeChecked(_) => "cannot-be-checked",
        }
    }

    /// In words: `Cannot be checked`.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Consistent => "Consistent",
            Verdict::Overstated => "Overstated",
            Verdict::Understated => "Understated",
            Verdict::CannotBeChecked(_) => "Cannot be checked",
        }
    }
}

/// Why a claim cannot be checked.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reason {
    /// The briefing does not track the text it names (or this audience may not see it).
    NotTracked,
    /// Nothing to count on that day: no provision in the text, no contribution recorded.
    NothingToCount(Unit),
    /// Too few provisions have a recorded position.
    LowCoverage {
        /// The coverage on that day.
        coverage: Share,
        /// The least coverage accepted, in percent.
        min: f64,
    },
    /// The claim lies between the recorded figure and what the provisions without
    /// positions could add.
    DependsOnUnrecorded {
        /// How many provisions lack a position that could decide it.
        unrecorded: usize,
    },
    /// The statement's date is a month or a year, and the verdict changes within it.
    DateTooVague,
}

impl Reason {
    /// Why, in words.
    pub fn text(self) -> String {
        match self {
            Reason::NotTracked => "the briefing does not track the text it refers to".into(),
            Reason::NothingToCount(Unit::Provisions) => {
                "no provision of the text is coded in this briefing as of that date".into()
            }
            Reason::NothingToCount(Unit::Contributions) => {
                "no contribution to the components is recorded as of that date".into()
            }
            Reason::LowCoverage { coverage, min } => format!(
                "only {} of {} provisions ({}%) had a recorded position on that date, \
                 below the {}% needed",
                coverage.count,
                coverage.of,
                coverage.percent().unwrap_or(0),
                crate::model::number_text(min)
            ),
            Reason::DependsOnUnrecorded { unrecorded } => format!(
                "the claim is above the recorded figure, but {unrecorded} provision{} \
                 without a recorded position could account for it",
                if unrecorded == 1 { "" } else { "s" }
            ),
            Reason::DateTooVague => {
                "the statement is dated to a month or a year, and the verdict on its \
                 first day differs from the verdict on its last"
                    .into()
            }
        }
    }

    /// How an analyst can make it checkable.
    pub fn help(self) -> &'static str {
        match self {
            Reason::NotTracked => "code the text in content/documents/",
            Reason::NothingToCount(_) | Reason::LowCoverage { .. } => {
                "record the parties' positions on the text's provisions (with `since` dates)"
            }
            Reason::DependsOnUnrecorded { .. } => {
                "record the missing parties' positions on the provisions concerned"
            }
            Reason::DateTooVague => "date the statement to the day",
        }
    }
}

/// What a figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A document's provisions.
    Provisions,
    /// The contributions to guarantee components.
    Contributions,
}

impl Unit {
    /// In words, plural: `provisions`.
    pub fn plural(self) -> &'static str {
        match self {
            Unit::Provisions => "provisions",
            Unit::Contributions => "contributions",
        }
    }
}

/// The tracked figure on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figure {
    /// What is counted.
    pub unit: Unit,
    /// The day counted.
    pub day: Date,
    /// Units counted: provisions in the text, or contributions recorded.
    pub of: usize,
    /// Units that reach the measure's threshold on what is recorded.
    pub reached: usize,
    /// Units that reach it, or could once the missing positions are recorded.
    pub could_reach: usize,
    /// Provisions with any recorded position (components with any contribution).
    pub coverage: Share,
}

impl Figure {
    /// The figure in the measure's terms on what is recorded: a percentage for a share,
    /// a count otherwise (what is left, for `count-open`).
    pub fn value(&self, m: Measure) -> f64 {
        self.in_terms(m, self.reached)
    }

    /// The other end of the range, when missing positions could change the figure.
    pub fn best(&self, m: Measure) -> Option<f64> {
        (self.could_reach > self.reached).then(|| self.in_terms(m, self.could_reach))
    }

    fn in_terms(&self, m: Measure, reached: usize) -> f64 {
        let n = if m.counts_what_is_left() {
            self.of - reached
        } else {
            reached
        };
        if m.is_share() {
            percent(n, self.of)
        } else {
            n as f64
        }
    }
}

fn percent(n: usize, of: usize) -> f64 {
    if of == 0 {
        0.0
    } else {
        n as f64 * 100.0 / of as f64
    }
}

/// A claim checked: the tracked figure as of the statement's date, and the verdict.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Assessment {
    /// The tracked figure on the statement's (last) day; `None` when not tracked.
    pub figure: Option<Figure>,
    /// The verdict.
    pub verdict: Verdict,
}

/// Checks `claim`, made in statement `s`, against `m`.
pub fn assess(m: &Model, s: &Statement, claim: &Claim) -> Assessment {
    let rules = m.site.claims;
    let (first, last) = (s.date.first(), s.date.last());
    let Some(at_last) = figure(m, claim, last) else {
        return Assessment {
            figure: None,
            verdict: Verdict::CannotBeChecked(Reason::NotTracked),
        };
    };
    let mut verdict = judge(claim, &at_last, rules);
    if first != last
        && let Some(at_first) = figure(m, claim, first)
        && judge(claim, &at_first, rules) != verdict
    {
        verdict = Verdict::CannotBeChecked(Reason::DateTooVague);
    }
    Assessment {
        figure: Some(at_last),
        verdict,
    }
}

/// The tracked figure for `claim` at the end of `day`; `None` when its subject is not
/// tracked (or withheld).
pub fn figure(m: &Model, claim: &Claim, day: Date) -> Option<Figure> {
    let parties: Vec<&str> = claim.parties.iter().filter_map(Ref::id).collect();
    if parties.is_empty() && !claim.parties.is_empty() {
        // Every party named is withheld: counting all the others would be another claim.
        return None;
    }
    let threshold = claim.measure.threshold();
    match &claim.subject {
        Subject::Document(r) => {
            let d = m.documents.get(r.id()?)?;
            Some(of_document(d, &parties, threshold, day))
        }
        Subject::Untracked(_) => None,
        Subject::Components(ids) => {
            let visible: Vec<_> = ids
                .iter()
                .filter_map(|r| m.guarantees.get(r.id()?))
                .collect();
            if visible.is_empty() {
                return None;
            }
            let mut f = Figure {
                unit: Unit::Contributions,
                day,
                of: 0,
                reached: 0,
                could_reach: 0,
                coverage: Share { count: 0, of: 0 },
            };
            for g in visible {
                f.coverage.of += 1;
                let statuses = g
                    .contributions
                    .iter()
                    .filter(|c| parties.is_empty() || parties.iter().any(|p| c.by.is(p)))
                    .filter_map(|c| status_at(c, day));
                let before = f.of;
                for st in statuses {
                    f.of += 1;
                    f.reached += usize::from(reaches(st, threshold));
                }
                f.coverage.count += usize::from(f.of > before);
            }
            f.could_reach = f.reached;
            Some(f)
        }
    }
}

fn reaches(s: Status, threshold: Status) -> bool {
    s.is_ladder() && s >= threshold
}

fn of_document(d: &Document, parties: &[&str], threshold: Status, day: Date) -> Figure {
    let all = documents::party_ids(d);
    let counted = if parties.is_empty() {
        &all[..]
    } else {
        parties
    };
    let mut f = Figure {
        unit: Unit::Provisions,
        day,
        of: 0,
        reached: 0,
        could_reach: 0,
        coverage: documents::coverage(d, day),
    };
    for p in documents::in_text(d, day) {
        f.of += 1;
        let statuses: Vec<Option<Status>> = counted
            .iter()
            .map(|party| documents::status_of(p, party, day))
            .collect();
        let below = statuses.iter().flatten().any(|&s| !reaches(s, threshold));
        if counted.is_empty() || below {
            continue;
        }
        f.could_reach += 1;
        f.reached += usize::from(statuses.iter().all(Option::is_some));
    }
    f
}

/// The verdict on `claim` given the tracked figure `f`.
pub fn judge(claim: &Claim, f: &Figure, rules: ClaimRules) -> Verdict {
    if f.of == 0 {
        return Verdict::CannotBeChecked(Reason::NothingToCount(f.unit));
    }
    if percent(f.coverage.count, f.coverage.of) < rules.min_coverage {
        return Verdict::CannotBeChecked(Reason::LowCoverage {
            coverage: f.coverage,
            min: rules.min_coverage,
        });
    }
    let m = claim.measure;
    // Everything in percent of the units counted when the measure or the claim is a
    // share; in units otherwise.
    let (claimed, recorded, best, tolerance) = match claim.claimed {
        Claimed::Count {
            count,
            of: Some(of),
        } => {
            let shares = |n: usize| percent(n, f.of);
            let left = |n: usize| if m.counts_what_is_left() { f.of - n } else { n };
            (
                percent(count as usize, of as usize),
                shares(left(f.reached)),
                shares(left(f.could_reach)),
                rules.tolerance,
            )
        }
        Claimed::Percent(p) => (
            p,
            f.value(m),
            f.best(m).unwrap_or(f.value(m)),
            rules.tolerance,
        ),
        Claimed::Count { count, of: None } => (
            f64::from(count),
            f.value(m),
            f.best(m).unwrap_or(f.value(m)),
            rules.tolerance * f.of as f64 / 100.0,
        ),
    };
    // Progress upwards: for `count-open`, fewer is more.
    let up = |x: f64| if m.counts_what_is_left() { -x } else { x };
    let (claimed, recorded, best) = (up(claimed), up(recorded), up(best));
    const EPSILON: f64 = 1e-9;
    if claimed > best + tolerance + EPSILON {
        Verdict::Overstated
    } else if claimed < recorded - tolerance - EPSILON {
        Verdict::Understated
    } else if claimed <= recorded + tolerance + EPSILON {
        Verdict::Consistent
    } else {
        Verdict::CannotBeChecked(Reason::DependsOnUnrecorded {
            unrecorded: f.could_reach - f.reached,
        })
    }
}

/// `check`'s findings: every claim of a tracked text that cannot be checked as of its
/// date (an untracked text is reported when the statement is validated).
pub fn diagnostics(m: &Model) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for s in m.statements.values() {
        for claim in &s.claims {
            if let Subject::Untracked(_) = claim.subject {
                continue;
            }
            let Verdict::CannotBeChecked(why) = assess(m, s, claim).verdict else {
                continue;
            };
            diags.push(
                Diagnostic::warning(
                    Code::UncheckableClaim,
                    format!("this claim cannot be checked: {}", why.text()),
                )
                .in_file(&s.meta.file)
                .at(claim.at)
                .help(why.help()),
            );
        }
    }
    diags
}

#[cfg(test)]
mod tests;
