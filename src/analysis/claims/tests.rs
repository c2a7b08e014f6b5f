//! The verdict rules, worked by hand on the shapes real claims take.

use super::*;
use crate::analysis::documents::fixtures::{day, document, position, provision};

fn claim(measure: Measure, claimed: Claimed) -> Claim {
    Claim {
        subject: Subject::Document(Ref::Id("plan".into())),
        measure,
        claimed,
        parties: Vec::new(),
        quote: None,
        at: None,
    }
}

fn figure(of: usize, reached: usize, could_reach: usize, covered: usize) -> Figure {
    Figure {
        unit: Unit::Provisions,
        day: day("2026-01-01"),
        of,
        reached,
        could_reach,
        coverage: Share { count: covered, of },
    }
}

const RULES: ClaimRules = ClaimRules {
    tolerance: 5.0,
    min_coverage: 80.0,
};

#[test]
fn a_share_is_judged_within_the_tolerance() {
    let said = claim(Measure::ShareAgreed, Claimed::Percent(90.0));
    // 20 provisions, all with positions. 17 agreed = 85%: 90 is within 5 points.
    assert_eq!(
        judge(&said, &figure(20, 17, 17, 20), RULES),
        Verdict::Consistent
    );
    // 16 agreed = 80%: 90 is 10 points above, and nothing unrecorded could add to it.
    assert_eq!(
        judge(&said, &figure(20, 16, 16, 20), RULES),
        Verdict::Overstated
    );
    // 20 agreed = 100%: the speaker undersells by 10 points.
    assert_eq!(
        judge(&said, &figure(20, 20, 20, 20), RULES),
        Verdict::Understated
    );
}

#[test]
fn unrecorded_positions_make_a_range_not_a_verdict() {
    let said = claim(Measure::ShareAgreed, Claimed::Percent(90.0));
    // 20 provisions, 17 with positions (85% coverage): 14 agreed (70%), 3 more where
    // no party disagrees but some have no position (up to 17 = 85%). 90 is above 70 by
    // more than 5, but within 5 of 85: the missing positions decide.
    assert_eq!(
        judge(&said, &figure(20, 14, 17, 17), RULES),
        Verdict::CannotBeChecked(Reason::DependsOnUnrecorded { unrecorded: 3 })
    );
    // 100% is beyond even that best end plus the tolerance.
    let all = claim(Measure::ShareAgreed, Claimed::Percent(100.0));
    assert_eq!(
        judge(&all, &figure(20, 14, 17, 17), RULES),
        Verdict::Overstated
    );
    // Coverage 15 of 20 = 75%, under 80%: not checked at all.
    assert!(matches!(
        judge(&said, &figure(20, 14, 15, 15), RULES),
        Verdict::CannotBeChecked(Reason::LowCoverage { .. })
    ));
    assert_eq!(
        judge(&said, &figure(0, 0, 0, 0), RULES),
        Verdict::CannotBeChecked(Reason::NothingToCount(Unit::Provisions))
    );
}

#[test]
fn counts_and_what_is_left() {
    // "Only two issues remain open" of a 20-point text where 15 are agreed: 5 open.
    let two_left = claim(Measure::CountOpen, Claimed::Count { count: 2, of: None });
    // Tolerance: 5 points of 20 provisions = 1 provision. 2 open claimed, 5 recorded:
    // fewer open than tracked is more progress than tracked.
    assert_eq!(
        judge(&two_left, &figure(20, 15, 15, 20), RULES),
        Verdict::Overstated
    );
    // 18 agreed: 2 open, as said.
    assert_eq!(
        judge(&two_left, &figure(20, 18, 18, 20), RULES),
        Verdict::Consistent
    );
    // 19 agreed: 1 open, within one provision of 2.
    assert_eq!(
        judge(&two_left, &figure(20, 19, 19, 20), RULES),
        Verdict::Consistent
    );
    // 20 agreed: nothing open; claiming 2 left undersells.
    assert_eq!(
        judge(&two_left, &figure(20, 20, 20, 20), RULES),
        Verdict::Understated
    );
    // "18 of 20 points agreed" against a 28-point text with 18 agreed: compared as
    // shares, 90% said against 64% tracked.
    let of_20 = claim(
        Measure::CountAgreed,
        Claimed::Count {
            count: 18,
            of: Some(20),
        },
    );
    assert_eq!(
        judge(&of_20, &figure(28, 18, 18, 28), RULES),
        Verdict::Overstated
    );
    assert_eq!(
        judge(&of_20, &figure(20, 18, 18, 20), RULES),
        Verdict::Consistent
    );
}

/// A Minsk-style text of four points between two parties: implementation lags
/// agreement, one point is disputed, one has a position of one party only.
fn text() -> Document {
    use Status::*;
    document(vec![
        // Ceasefire: agreed by both on 12 Feb, implemented by both on 1 Mar.
        provision(
            "ceasefire",
            vec![
                position("a", Implemented, "2026-03-01", &[("2026-02-12", Agreed)]),
                position("b", Implemented, "2026-03-01", &[("2026-02-12", Agreed)]),
            ],
        ),
        // Withdrawal of heavy weapons: agreed by both, implemented by a only.
        provision(
            "weapons",
            vec![
                position("a", Implemented, "2026-03-01", &[("2026-02-12", Agreed)]),
                position("b", Agreed, "2026-02-12", &[]),
            ],
        ),
        // Elections: a agreed, b contests.
        provision(
            "elections",
            vec![
                position("a", Agreed, "2026-02-12", &[]),
                position("b", Contested, "2026-02-20", &[]),
            ],
        ),
        // Border control: only a has a position (agreed): b's is unrecorded.
        provision("border", vec![position("a", Agreed, "2026-02-12", &[])]),
    ])
}

#[test]
fn a_text_counts_what_every_party_reached() {
    let d = text();
    // 15 February: ceasefire and weapons agreed by both; elections not yet contested
    // (b has no position) and border lacks b: both could reach agreement.
    let f = of_document(&d, &[], Status::Agreed, day("2026-02-15"));
    assert_eq!((f.of, f.reached, f.could_reach), (4, 2, 4));
    assert_eq!(f.coverage, Share { count: 4, of: 4 });
    // 1 March: b contests elections: only border could still be agreed.
    let f = of_document(&d, &[], Status::Agreed, day("2026-03-01"));
    assert_eq!((f.reached, f.could_reach), (2, 3));
    // Implemented by both: the ceasefire only; weapons waits for b.
    let f = of_document(&d, &[], Status::Implemented, day("2026-03-01"));
    assert_eq!((f.reached, f.could_reach), (1, 1));
    // Counting party a alone: all four agreed, two implemented.
    let f = of_document(&d, &["a"], Status::Agreed, day("2026-03-01"));
    assert_eq!((f.reached, f.could_reach), (4, 4));
    // Before anything: four provisions, none covered.
    let f = of_document(&d, &[], Status::Agreed, day("2026-01-15"));
    assert_eq!((f.of, f.reached, f.could_reach), (4, 0, 4));
    assert_eq!(f.coverage.count, 0);
}

#[test]
fn figures_in_the_measures_terms() {
    let f = figure(20, 15, 17, 20);
    assert_eq!(f.value(Measure::ShareAgreed), 75.0);
    assert_eq!(f.best(Measure::ShareAgreed), Some(85.0));
    assert_eq!(f.value(Measure::CountAgreed), 15.0);
    assert_eq!(f.value(Measure::CountOpen), 5.0);
    assert_eq!(f.best(Measure::CountOpen), Some(3.0));
    assert_eq!(figure(20, 15, 15, 20).best(Measure::ShareAgreed), None);
}
