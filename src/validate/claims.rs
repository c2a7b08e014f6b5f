//! A statement's `claims:` and site.yaml's `claims:` rules, checked field by field (the
//! claims that cannot be checked against the model are `check`'s findings:
//! [`crate::analysis::claims::diagnostics`]).

use super::checker::Checker;
use crate::diagnostics::{Code, Diagnostic};
use crate::model::{Claim, ClaimRules, Claimed, Kind, Measure, Ref, Subject};
use crate::raw::{Opt, RawClaim, RawClaimRules, S};
use crate::suggest;

/// A statement's claims; a claim with an error is reported and left out.
pub fn claims(v: &Option<Vec<S<RawClaim>>>, c: &mut Checker) -> Vec<Claim> {
    v.iter().flatten().filter_map(|s| claim(s, c)).collect()
}

fn claim(s: &S<RawClaim>, c: &mut Checker) -> Option<Claim> {
    let at = c.pos(s);
    let r = &s.value;
    let mut ok = true;
    let mut error = |c: &mut Checker, d: Diagnostic| {
        ok = false;
        c.error(d);
    };
    let subject = match (&r.document, &r.components) {
        (Some(d), None) => Some(document(d, c)),
        (None, Some(ids)) if !ids.is_empty() => Some(Subject::Components(
            c.refs(Kind::Guarantees, &r.components, "components")
                .into_iter()
                .map(Ref::Id)
                .collect(),
        )),
        (Some(_), Some(_)) => {
            let d = Diagnostic::error(
                Code::BadValue,
                "a claim is about a `document` or about `components`, not both",
            );
            error(c, d.at(at).help("keep one of the two"));
            None
        }
        _ => {
            let d = Diagnostic::error(
                Code::MissingField,
                "a claim needs `document:` or `components:`",
            );
            error(
                c,
                d.at(at)
                    .help("name the text the figure is about, e.g. `document: peace-plan`"),
            );
            None
        }
    };
    let measure = if r.measure.is_none() {
        let d = Diagnostic::error(Code::MissingField, "a claim needs `measure:`");
        let help = format!("what it counts: {}", suggest::one_of(Measure::ALL));
        error(c, d.at(at).help(help));
        None
    } else {
        c.word(&r.measure, "measure", Measure::parse, Measure::ALL)
    };
    let claimed = measure.and_then(|m| figure(m, &r.value, &r.of, at, c));
    let parties = c.refs(Kind::Actors, &r.parties, "parties");
    if !ok || c.failed() {
        return None;
    }
    Some(Claim {
        subject: subject?,
        measure: measure?,
        claimed: claimed?,
        parties: parties.into_iter().map(Ref::Id).collect(),
        quote: c.text(&r.quote),
        at,
    })
}

/// The claim's document: tracked, or (a warning) a text the briefing does not track.
fn document(d: &S<String>, c: &mut Checker) -> Subject {
    let id = d.value.trim();
    let at = c.pos(d);
    if c.ids().exists(Kind::Documents, id) {
        c.reference(Kind::Documents, id, at, "document");
        return Subject::Document(Ref::Id(id.to_string()));
    }
    let known = super::kind_ids(c.ids(), Kind::Documents);
    let help = suggest::did_you_mean(id, known.iter().map(String::as_str)).unwrap_or_else(|| {
        format!("code the text in content/documents/{id}.md to check the claim against it")
    });
    c.warn(
        Diagnostic::warning(
            Code::UntrackedDocument,
            format!("the claim's document `{id}` is not tracked: it cannot be checked"),
        )
        .at(at)
        .help(help),
    );
    Subject::Untracked(id.to_string())
}

/// The claimed figure: a percentage for a share, a whole number (of an optional total)
/// for a count.
fn figure(
    m: Measure,
    value: &Opt<f64>,
    of: &Opt<f64>,
    at: Option<crate::diagnostics::Pos>,
    c: &mut Checker,
) -> Option<Claimed> {
    let Some(v) = value else {
        let example = if m.is_share() { "90" } else { "18" };
        c.error(
            Diagnostic::error(Code::MissingField, "a claim needs `value:`")
                .at(at)
                .help(format!("the figure said, e.g. `value: {example}`")),
        );
        return None;
    };
    let bad = |c: &mut Checker, s: &S<f64>, what: &str| {
        let at = c.pos(s);
        c.error(
            Diagnostic::error(
                Code::BadValue,
                format!("`{}` is not {what} for `{}`", s.value, m.as_str()),
            )
            .at(at)
            .help(if m.is_share() {
                "a share is a percentage from 0 to 100, without `of`"
            } else {
                "a count is a whole number, optionally `of:` the total said"
            }),
        );
    };
    if m.is_share() {
        if !(0.0..=100.0).contains(&v.value) {
            bad(c, v, "a percentage from 0 to 100");
            return None;
        }
        if let Some(o) = of {
            bad(c, o, "allowed (a share has no total)");
            return None;
        }
        return Some(Claimed::Percent(v.value));
    }
    let whole =
        |x: f64| (x >= 0.0 && x.fract() == 0.0 && x <= f64::from(u32::MAX)).then_some(x as u32);
    let Some(count) = whole(v.value) else {
        bad(c, v, "a whole number");
        return None;
    };
    let of = match of {
        Some(o) => match whole(o.value).filter(|&n| n >= count && n > 0) {
            Some(n) => Some(n),
            None => {
                bad(c, o, "a total at least the count");
                return None;
            }
        },
        None => None,
    };
    Some(Claimed::Count { count, of })
}

/// site.yaml `claims:`, with defaults.
pub fn rules(v: &Opt<RawClaimRules>, c: &mut Checker) -> ClaimRules {
    let mut rules = ClaimRules::default();
    let Some(r) = v else { return rules };
    let mut points = |v: &Opt<f64>, field: &str, slot: &mut f64| {
        let Some(s) = v else { return };
        if (0.0..=100.0).contains(&s.value) {
            *slot = s.value;
        } else {
            let at = c.pos(s);
            c.error(
                Diagnostic::error(
                    Code::BadValue,
                    format!("`claims: {field}` must be from 0 to 100, not {}", s.value),
                )
                .at(at)
                .help("percentage points, e.g. 5"),
            );
        }
    };
    points(&r.value.tolerance, "tolerance", &mut rules.tolerance);
    points(
        &r.value.min_coverage,
        "min_coverage",
        &mut rules.min_coverage,
    );
    rules
}
