//! Claims as pages show them: the figure said, the figure tracked as of the statement's
//! date, its coverage and the verdict of [`crate::analysis::claims`].

use super::document::ShareView;
use super::value::{list, map, opt, opt_str};
use super::*;
use crate::analysis::claims::{self, Assessment, Figure};
use crate::i18n::Locale;
use crate::model::{Claim, Kind, Measure, Statement, Subject};
use tera::Value;

/// One claim of a statement, checked.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimView {
    /// The statement making it.
    pub statement: Link,
    /// Who made it: the speaker's name, or the attribution.
    pub attribution: String,
    /// True when the statement's title is made of the speaker and the date (so they
    /// need not be repeated beside it).
    pub title_names_speaker: bool,
    /// When.
    pub date: DateView,
    /// The negotiating text it is about, if the briefing tracks it (or withheld).
    pub document: Option<Link>,
    /// The id the claim gives a text the briefing does not track.
    pub untracked_document: Option<String>,
    /// The guarantee components it is about, for a claim about components.
    pub components: Vec<Link>,
    /// The parties counted, when the claim names them.
    pub parties: Vec<Link>,
    /// What it counts: `share-agreed`.
    pub measure: &'static str,
    /// In words, in the views' language: `share agreed`.
    pub measure_label: String,
    /// The figure said: `90%`, `18 of 20`.
    pub claimed: String,
    /// The words of the claim.
    pub quote: Option<String>,
    /// The figure tracked on the statement's date: `85%`, `70–85%` (when positions
    /// missing could change it), `5`; `None` when the text is not tracked.
    pub tracked: Option<String>,
    /// What it was counted on: `17 of 20 provisions`.
    pub tracked_detail: Option<String>,
    /// Provisions with a recorded position (components with a contribution) that day.
    pub coverage: Option<ShareView>,
    /// The day counted.
    pub counted_on: Option<DateView>,
    /// `consistent`, `overstated`, `understated` or `cannot-be-checked`.
    pub verdict: &'static str,
    /// In words, in the views' language.
    pub verdict_label: String,
    /// Why it cannot be checked, in the views' language.
    pub reason: Option<String>,
    /// The statement's marking.
    pub tlp: TlpView,
}

impl Views<'_> {
    /// The claims of statement `s`, checked, in the order written.
    pub fn claims_of(&self, s: &Statement) -> Vec<ClaimView> {
        s.claims.iter().map(|c| self.claim(s, c)).collect()
    }

    /// Every claim of the briefing, newest first (by the statement's last day, then
    /// its id), or only those about document `about`.
    pub fn all_claims(&self, about: Option<&str>) -> Vec<ClaimView> {
        let mut said: Vec<&Statement> = self
            .m
            .statements
            .values()
            .filter(|s| !s.claims.is_empty())
            .collect();
        said.sort_by(|a, b| (b.date.last(), &a.meta.id).cmp(&(a.date.last(), &b.meta.id)));
        said.into_iter()
            .flat_map(|s| s.claims.iter().map(move |c| (s, c)))
            .filter(|(_, c)| {
                about.is_none_or(|d| matches!(&c.subject, Subject::Document(r) if r.is(d)))
            })
            .map(|(s, c)| self.claim(s, c))
            .collect()
    }

    /// The claims of the statements `ids`, in that order.
    pub(super) fn claims_in(&self, ids: Option<&Vec<String>>) -> Vec<ClaimView> {
        ids.into_iter()
            .flatten()
            .filter_map(|id| self.m.statements.get(id))
            .flat_map(|s| self.claims_of(s))
            .collect()
    }

    fn claim(&self, s: &Statement, c: &Claim) -> ClaimView {
        let Assessment { figure, verdict } = claims::assess(self.m, s, c);
        let l = self.locale();
        let reason = match verdict {
            claims::Verdict::CannotBeChecked(why) => Some(reason(l, why)),
            _ => None,
        };
        // With nothing to count there is no figure to show.
        let figure = figure.filter(|f| f.of > 0);
        ClaimView {
            statement: self.link(Kind::Statements, &s.meta.id),
            attribution: self.attribution(s),
            title_names_speaker: !s.title_given,
            date: self.date(s.date),
            document: match &c.subject {
                Subject::Document(r) => Some(self.link_to(Kind::Documents, r)),
                _ => None,
            },
            untracked_document: match &c.subject {
                Subject::Untracked(id) => Some(id.clone()),
                _ => None,
            },
            components: match &c.subject {
                Subject::Components(gs) => self.links_to(Kind::Guarantees, gs),
                _ => Vec::new(),
            },
            parties: self.links_to(Kind::Actors, &c.parties),
            measure: c.measure.as_str(),
            measure_label: l.text(&format!("measure.{}", c.measure.as_str())),
            claimed: c.claimed.text(),
            quote: c.quote.clone(),
            tracked: figure.map(|f| tracked(&f, c.measure)),
            tracked_detail: figure.map(|f| detail(l, &f, c.measure)),
            coverage: figure.map(|f| f.coverage.into()),
            counted_on: figure.map(|f| self.date(f.day)),
            verdict: verdict.as_str(),
            verdict_label: l.text(&format!("verdict.{}", verdict.as_str())),
            reason,
            tlp: s.meta.tlp.into(),
        }
    }
}

/// `85%`, `70–85%`, `5`, `3–5`: the recorded figure, and the other end of the range when
/// missing positions could change it, lowest first.
fn tracked(f: &Figure, m: Measure) -> String {
    let show = |x: f64| {
        if m.is_share() {
            format!("{}", x.round() as i64)
        } else {
            crate::model::number_text(x)
        }
    };
    let suffix = if m.is_share() { "%" } else { "" };
    match f.best(m) {
        Some(other) => {
            let (lo, hi) = if other < f.value(m) {
                (other, f.value(m))
            } else {
                (f.value(m), other)
            };
            format!("{}\u{2013}{}{suffix}", show(lo), show(hi))
        }
        None => format!("{}{suffix}", show(f.value(m))),
    }
}

/// `17 of 20 provisions agreed`, `5 of 20 provisions still open`, and how many more lack
/// a party's position, in `l`'s language.
fn detail(l: &Locale, f: &Figure, m: Measure) -> String {
    let unit = match f.unit {
        claims::Unit::Provisions => "provisions",
        claims::Unit::Contributions => "contributions",
    };
    let what = match m {
        Measure::ShareAgreed | Measure::CountAgreed => "agreed",
        Measure::ShareImplemented | Measure::CountImplemented => "implemented",
        Measure::CountOpen => "open",
    };
    let n = if m.counts_what_is_left() {
        f.of - f.reached
    } else {
        f.reached
    };
    let mut s = l
        .count(&format!("claim_text.{unit}_{what}"), f.of)
        .replace("{reached}", &l.numbers().format(n as f64));
    let unknown = f.could_reach - f.reached;
    if unknown > 0 {
        s.push_str(&l.count("claim_text.unrecorded", unknown));
    }
    s
}

/// Why a claim cannot be checked, in `l`'s language.
fn reason(l: &Locale, why: claims::Reason) -> String {
    use claims::{Reason, Unit};
    let num = |x: f64| l.numbers().format(x);
    match why {
        Reason::NotTracked => l.text("claim_text.not_tracked"),
        Reason::NothingToCount(Unit::Provisions) => l.text("claim_text.nothing_provisions"),
        Reason::NothingToCount(Unit::Contributions) => l.text("claim_text.nothing_contributions"),
        Reason::LowCoverage { coverage, min } => l.fill(
            "claim_text.low_coverage",
            &[
                ("count", &num(coverage.count as f64)),
                ("of", &num(coverage.of as f64)),
                ("percent", &num(f64::from(coverage.percent().unwrap_or(0)))),
                ("min", &num(min)),
            ],
        ),
        Reason::DependsOnUnrecorded { unrecorded } => l.count("claim_text.depends", unrecorded),
        Reason::DateTooVague => l.text("claim_text.date_too_vague"),
    }
}

impl ToValue for ClaimView {
    fn to_value(&self, cx: &Cx) -> Value {
        map([
            ("statement", self.statement.to_value(cx)),
            ("attribution", self.attribution.as_str().into()),
            ("title_names_speaker", self.title_names_speaker.into()),
            ("date", self.date.to_value(cx)),
            ("document", opt(&self.document, cx)),
            ("untracked_document", opt_str(&self.untracked_document)),
            ("components", list(&self.components, cx)),
            ("parties", list(&self.parties, cx)),
            ("measure", self.measure.into()),
            ("measure_label", self.measure_label.as_str().into()),
            ("claimed", self.claimed.as_str().into()),
            ("quote", opt_str(&self.quote)),
            ("tracked", opt_str(&self.tracked)),
            ("tracked_detail", opt_str(&self.tracked_detail)),
            ("coverage", opt(&self.coverage, cx)),
            ("counted_on", opt(&self.counted_on, cx)),
            ("verdict", self.verdict.into()),
            ("verdict_label", self.verdict_label.as_str().into()),
            ("reason", opt_str(&self.reason)),
            ("tlp", self.tlp.to_value(cx)),
        ])
    }
}
