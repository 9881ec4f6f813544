//! Tests of `outcome_stats::design`: validation and the WWC / CENT structure checks.

use outcome_stats::design::{
    AbDesign, AlternatingTreatments, CentReport, Crossover2x2, CycleOrder, MultipleBaseline,
    NOf1Crossover, OrderAllocation, ParallelTrial, PrePostCase, STRUCTURE_ONLY, StandardsCheck,
    Verdict, WithdrawalDesign,
};
use outcome_stats::{Error, Scale, Series};

fn phases(spec: &[(&str, usize)]) -> Series {
    let mut values = Vec::new();
    let mut labels = Vec::new();
    for (label, n) in spec {
        for i in 0..*n {
            values.push(if *label == "A" { 8.0 } else { 3.0 } + (i % 2) as f64);
            labels.push(*label);
        }
    }
    Series::new(Scale::nrs11(), &values, &labels).unwrap()
}

fn reason_of(e: Error) -> String {
    match e {
        Error::PhaseMismatch { reason } | Error::InvalidDesign { reason } => reason,
        other => panic!("expected a phase or design error, got {other:?}"),
    }
}

fn assert_structure_only(check: &StandardsCheck) {
    assert_eq!(check.scope, STRUCTURE_ONLY);
    assert!(check.scope.contains("inter-assessor agreement"));
    assert!(check.to_string().contains("structure only"));
}

#[test]
fn pre_post_never_meets() {
    let check = PrePostCase::new(Scale::nrs11(), 10.0, 1.0)
        .unwrap()
        .wwc_check();
    assert_eq!(check.verdict, Verdict::DoesNotMeet);
    assert!(check.reasons[0].contains("never meet"));
    assert!(
        check
            .reasons
            .iter()
            .any(|r| r.contains("regression to the mean"))
    );
    assert_structure_only(&check);
    assert!(matches!(
        PrePostCase::new(Scale::nrs11(), f64::NAN, 1.0),
        Err(Error::NonFinite { index: 0, .. })
    ));
    assert!(matches!(
        PrePostCase::new(Scale::nrs11(), 1.0, 12.0),
        Err(Error::OutOfScale { index: 1, .. })
    ));
}

#[test]
fn ab_validation_and_check() {
    let s = phases(&[("A", 5), ("B", 5)]);
    let d = AbDesign::new(&s).unwrap();
    assert_eq!((d.baseline_len(), d.treatment_len()), (5, 5));
    let check = d.wwc_check();
    assert_eq!(check.verdict, Verdict::DoesNotMeet);
    assert!(check.reasons[0].contains("never meet") && check.reasons[0].contains("one attempt"));
    // Even with long phases, the phase-length finding is reported and positive.
    assert!(check.reasons[1].contains("at least 5"));
    assert_structure_only(&check);

    let r = reason_of(AbDesign::new(&phases(&[("B", 2), ("A", 2)])).unwrap_err());
    assert!(r.contains("starts with phase B1"), "{r}");
    let r = reason_of(AbDesign::new(&phases(&[("A", 3)])).unwrap_err());
    assert!(r.contains("treatment phase"), "{r}");
    let r = reason_of(AbDesign::new(&phases(&[("A", 2), ("B", 2), ("A", 2)])).unwrap_err());
    assert!(r.contains("A2") && r.contains("index 4"), "{r}");
    let r = reason_of(AbDesign::new(&phases(&[("A", 2), ("C", 2)])).unwrap_err());
    assert!(r.contains("index 2") && r.contains("\"C\""), "{r}");
}

#[test]
fn withdrawal_rules() {
    let meets = WithdrawalDesign::new(&phases(&[("A", 5), ("B", 5), ("A", 5), ("B", 6)])).unwrap();
    assert_eq!(meets.phase_names(), ["A1", "B1", "A2", "B2"]);
    let check = meets.wwc_check();
    assert_eq!(check.verdict, Verdict::Meets, "{check}");
    assert!(check.reasons[0].contains("3 attempts"));
    assert_structure_only(&check);

    let reserved = WithdrawalDesign::new(&phases(&[("A", 5), ("B", 4), ("A", 3), ("B", 5)]))
        .unwrap()
        .wwc_check();
    assert_eq!(reserved.verdict, Verdict::MeetsWithReservations);
    assert!(reserved.reasons[1].contains("B1 (4)") && reserved.reasons[1].contains("A2 (3)"));

    let short = WithdrawalDesign::new(&phases(&[("A", 5), ("B", 2), ("A", 5), ("B", 5)]))
        .unwrap()
        .wwc_check();
    assert_eq!(short.verdict, Verdict::DoesNotMeet);
    assert!(short.reasons[1].contains("B1 (2)"));

    let aba = WithdrawalDesign::new(&phases(&[("A", 5), ("B", 5), ("A", 5)]))
        .unwrap()
        .wwc_check();
    assert_eq!(aba.verdict, Verdict::DoesNotMeet);
    assert!(aba.reasons[0].contains("four phases") && aba.reasons[0].contains("only 2 attempts"));

    let six = WithdrawalDesign::new(&phases(&[
        ("A", 3),
        ("B", 3),
        ("A", 3),
        ("B", 3),
        ("A", 3),
        ("B", 3),
    ]))
    .unwrap();
    assert_eq!(six.phases().len(), 6);
    assert_eq!(six.wwc_check().verdict, Verdict::MeetsWithReservations);

    assert!(matches!(
        WithdrawalDesign::new(&phases(&[("A", 3), ("B", 3)])),
        Err(Error::InvalidDesign { .. })
    ));
    let r = reason_of(WithdrawalDesign::new(&phases(&[("B", 3), ("A", 3), ("B", 3)])).unwrap_err());
    assert!(r.contains("B1"), "{r}");
    let r = reason_of(WithdrawalDesign::new(&phases(&[("A", 3), ("B", 3), ("C", 3)])).unwrap_err());
    assert!(r.contains("index 6") && r.contains("\"C\""), "{r}");
}

fn tier(baseline: usize, treatment: usize) -> Series {
    phases(&[("A", baseline), ("B", treatment)])
}

#[test]
fn multiple_baseline_rules() {
    let (t1, t2, t3) = (tier(5, 7), tier(6, 6), tier(7, 5));
    let d = MultipleBaseline::new(&[("Ann", &t1), ("Bea", &t2), ("Cas", &t3)]).unwrap();
    let starts: Vec<f64> = d.cases().iter().map(|c| c.intervention_start).collect();
    assert_eq!(starts, [5.0, 6.0, 7.0]);
    let check = d.wwc_check();
    assert_eq!(check.verdict, Verdict::Meets, "{check}");
    assert!(check.reasons[0].contains("3 tiers (6 phases)"));
    assert_structure_only(&check);

    let (s1, s2, s3) = (tier(3, 7), tier(6, 4), tier(7, 5));
    let check = MultipleBaseline::new(&[("Ann", &s1), ("Bea", &s2), ("Cas", &s3)])
        .unwrap()
        .wwc_check();
    assert_eq!(check.verdict, Verdict::MeetsWithReservations);
    assert!(check.reasons[1].contains("case \"Ann\" A1 (3)"));
    assert!(check.reasons[1].contains("case \"Bea\" B1 (4)"));

    let two = MultipleBaseline::new(&[("Ann", &t1), ("Bea", &t2)])
        .unwrap()
        .wwc_check();
    assert_eq!(two.verdict, Verdict::DoesNotMeet);
    assert!(two.reasons[0].contains("six phases"));

    // Errors: too few cases, same start, non-AB case (named), repeated name, other scale.
    assert!(matches!(
        MultipleBaseline::new(&[("Ann", &t1)]),
        Err(Error::InsufficientData {
            needed: 2,
            got: 1,
            ..
        })
    ));
    let same = tier(5, 3);
    let r = reason_of(MultipleBaseline::new(&[("Ann", &t1), ("Bea", &same)]).unwrap_err());
    assert!(
        r.contains("\"Ann\"") && r.contains("\"Bea\"") && r.contains("staggered"),
        "{r}"
    );
    let aba = phases(&[("A", 3), ("B", 3), ("A", 3)]);
    let r = reason_of(MultipleBaseline::new(&[("Ann", &t1), ("Dan", &aba)]).unwrap_err());
    assert!(r.starts_with("case \"Dan\"") && r.contains("A2"), "{r}");
    let r = reason_of(MultipleBaseline::new(&[("Ann", &t1), ("Ann", &t2)]).unwrap_err());
    assert!(r.contains("twice"), "{r}");
    let vas =
        Series::from_phases(Scale::vas100(), &[("A", &[80.0; 6]), ("B", &[30.0; 3])]).unwrap();
    assert!(matches!(
        MultipleBaseline::new(&[("Ann", &t1), ("Vas", &vas)]),
        Err(Error::InvalidDesign { .. })
    ));
    // With times, the start is the time of the first B observation.
    let timed = tier(5, 2)
        .with_times(&[0.0, 2.0, 4.0, 6.0, 8.0, 10.0, 12.0])
        .unwrap();
    let d = MultipleBaseline::new(&[("Ann", &t1), ("Tim", &timed)]).unwrap();
    assert_eq!(d.cases()[1].intervention_start, 10.0);
}

#[test]
fn alternating_treatments_rules() {
    let labels =
        |pattern: &str| -> Vec<String> { pattern.chars().map(|c| c.to_string()).collect() };
    let series = |pattern: &str| {
        let l = labels(pattern);
        Series::new(Scale::nrs11(), &vec![5.0; l.len()], &l).unwrap()
    };
    // WWC's own examples of qualifying sequences.
    for p in ["ABABBABAABBA", "BCBCBCBCBC", "AABBAABBAABB"] {
        let d = AlternatingTreatments::new(&series(p)).unwrap();
        assert_eq!(d.wwc_check().verdict, Verdict::Meets, "{p}");
    }
    let d = AlternatingTreatments::new(&series("BCBCBCCB")).unwrap();
    assert_eq!(d.repetitions(), 4);
    let check = d.wwc_check();
    assert_eq!(check.verdict, Verdict::MeetsWithReservations);
    assert!(check.reasons[0].contains("repeated 4 times"));
    assert_structure_only(&check);
    let d = AlternatingTreatments::new(&series("BCBCBC")).unwrap();
    assert_eq!(d.wwc_check().verdict, Verdict::DoesNotMeet);
    // Three conditions: the rarest sets the repetitions.
    let d = AlternatingTreatments::new(&series("BCDBCDBCDBCDBCB")).unwrap();
    assert_eq!(d.conditions(), ["B", "C", "D"]);
    assert_eq!(d.sessions_per_condition(), [6, 5, 4]);
    assert_eq!(d.repetitions(), 4);
    // With a baseline.
    let d = AlternatingTreatments::with_baseline(&series("AAAAABCBCBCBCBC"), "A").unwrap();
    assert_eq!(
        (d.baseline(), d.baseline_len(), d.repetitions()),
        (Some("A"), 5, 5)
    );
    let check = d.wwc_check();
    assert_eq!(check.verdict, Verdict::Meets);
    assert!(check.reasons[1].contains("baseline"));
    // Errors.
    let r = reason_of(AlternatingTreatments::new(&series("BBBBCCCC")).unwrap_err());
    assert!(r.contains("\"B\"") && r.contains("single block"), "{r}");
    assert!(matches!(
        AlternatingTreatments::new(&series("BBBB")),
        Err(Error::InvalidDesign { .. })
    ));
    let r = reason_of(AlternatingTreatments::with_baseline(&series("BCBCA"), "A").unwrap_err());
    assert!(r.contains("starts with"), "{r}");
    let r = reason_of(AlternatingTreatments::with_baseline(&series("AABCBCABC"), "A").unwrap_err());
    assert!(r.contains("index 6"), "{r}");
    assert!(AlternatingTreatments::with_baseline(&series("AAA"), "A").is_err());
}

fn crossover_series(labels: &[&str]) -> Series {
    let values: Vec<f64> = labels
        .iter()
        .map(|l| if *l == "T" { 3.0 } else { 6.0 })
        .collect();
    Series::new(Scale::nrs11(), &values, labels).unwrap()
}

#[test]
fn nof1_crossover_validation() {
    // T T | P P ; P P | T T ; T T | P P with explicit period lengths (TT TT merge as runs).
    let s = crossover_series(&["T", "T", "P", "P", "P", "P", "T", "T", "T", "T", "P", "P"]);
    let trial = NOf1Crossover::new(&s, "T", "P", &[2; 6]).unwrap();
    assert_eq!(trial.cycles(), 3);
    assert_eq!(
        trial.orders(),
        [
            CycleOrder::TreatmentFirst,
            CycleOrder::ControlFirst,
            CycleOrder::TreatmentFirst
        ]
    );
    assert_eq!(trial.period_lengths(), [2; 6]);
    // from_runs merges the adjacent T T | T T periods into one and so reads another
    // structure: 2 cycles of unequal periods. Explicit lengths are needed here.
    let merged = NOf1Crossover::from_runs(&s, "T", "P").unwrap();
    assert_eq!(merged.period_lengths(), [2, 4, 4, 2]);
    assert_eq!(merged.cycles(), 2);

    let five = crossover_series(&["T", "T", "P", "P", "P", "P", "T", "T", "T", "T"]);
    let r = reason_of(NOf1Crossover::new(&five, "T", "P", &[2; 5]).unwrap_err());
    assert!(r.contains("cycle 3 is incomplete"), "{r}");
    let r = reason_of(NOf1Crossover::new(&s, "T", "P", &[2, 2, 4, 4]).unwrap_err());
    assert!(r.contains("period 3") && r.contains("mixes"), "{r}");
    let two_t = crossover_series(&["T", "P", "T", "T"]);
    let r = reason_of(NOf1Crossover::new(&two_t, "T", "P", &[1, 1, 1, 1]).unwrap_err());
    assert!(r.contains("cycle 2 has two \"T\" periods"), "{r}");
    assert!(matches!(
        NOf1Crossover::new(&s, "T", "P", &[2, 2]),
        Err(Error::LengthMismatch { .. })
    ));
    assert!(matches!(
        NOf1Crossover::new(&s, "T", "P", &[0, 2, 2, 2, 2, 2, 2]),
        Err(Error::InvalidDesign { .. })
    ));
    assert!(matches!(
        NOf1Crossover::new(&s, "T", "T", &[2; 6]),
        Err(Error::InvalidDesign { .. })
    ));
    let other = crossover_series(&["T", "X"]);
    let r = reason_of(NOf1Crossover::from_runs(&other, "T", "P").unwrap_err());
    assert!(r.contains("period 2") && r.contains("\"X\""), "{r}");
    assert!(NOf1Crossover::new(&s, "T", "P", &[usize::MAX, 13]).is_err());
}

#[test]
fn nof1_cent_report() {
    let s = crossover_series(&["T", "P", "P", "T", "T", "P"]);
    let trial = NOf1Crossover::new(&s, "T", "P", &[1; 6])
        .unwrap()
        .with_allocation(OrderAllocation::Randomised);
    let report: CentReport = trial.cent_report();
    assert_eq!(report.cycles, 3);
    assert_eq!(report.periods_per_cycle, 2);
    assert!(report.both_orders_present);
    assert_eq!(report.allocation, OrderAllocation::Randomised);
    assert!(report.wwc.contains("no category"));
    let items: Vec<&str> = report.items.iter().map(|i| i.item).collect();
    assert_eq!(items, ["3a", "8a-8b", "16", "9, 11"]);
    assert!(report.items[1].finding.contains("stated as randomised"));
    assert!(report.items[1].finding.contains("both orders occur"));
    let text = report.to_string();
    assert!(
        text.contains("3 cycle(s)") && text.contains("CENT 2015"),
        "{text}"
    );

    let same = crossover_series(&["T", "P", "T", "P"]);
    let report = NOf1Crossover::from_runs(&same, "T", "P")
        .unwrap()
        .cent_report();
    assert!(!report.both_orders_present);
    assert!(report.items[1].finding.contains("not stated"));
    assert!(report.items[1].finding.contains("same order"));
}

#[test]
fn parallel_and_crossover() {
    let t = ParallelTrial::new(Scale::nrs11(), &[3.0, 4.0], &[6.0, 5.0, 7.0]).unwrap();
    assert_eq!(t.control(), &[6.0, 5.0, 7.0]);
    assert!(matches!(
        ParallelTrial::new(Scale::nrs11(), &[], &[6.0]),
        Err(Error::Empty { .. })
    ));
    match ParallelTrial::new(Scale::nrs11(), &[3.0], &[6.0, f64::NAN]) {
        Err(Error::NonFinite { what, index, .. }) => {
            assert_eq!((what.as_str(), index), ("the control arm", 1))
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        ParallelTrial::new(Scale::nrs11(), &[3.0, 11.0], &[6.0]),
        Err(Error::OutOfScale { index: 1, .. })
    ));

    let c = Crossover2x2::new(Scale::nrs11(), &[[3.0, 6.0], [2.0, 5.0]], &[[6.0, 3.0]]).unwrap();
    assert_eq!(c.ab_period1(), [3.0, 2.0]);
    assert_eq!(c.ab_period2(), [6.0, 5.0]);
    assert_eq!(c.ba_period1(), [6.0]);
    assert_eq!(c.ba_period2(), [3.0]);
    assert!(matches!(
        Crossover2x2::new(Scale::nrs11(), &[[3.0, 6.0]], &[]),
        Err(Error::Empty { .. })
    ));
    assert!(matches!(
        Crossover2x2::new(Scale::nrs11(), &[[3.0, 6.0]], &[[6.0, -1.0]]),
        Err(Error::OutOfScale { index: 1, .. })
    ));
}

#[test]
fn verdict_order_and_display() {
    assert!(Verdict::DoesNotMeet < Verdict::MeetsWithReservations);
    assert!(Verdict::MeetsWithReservations < Verdict::Meets);
    assert_eq!(Verdict::Meets.to_string(), "meets the WWC standards");
}

#[cfg(feature = "serde")]
#[test]
fn checks_serialise() {
    let check = AbDesign::new(&phases(&[("A", 3), ("B", 3)]))
        .unwrap()
        .wwc_check();
    let json = serde_json::to_value(&check).unwrap();
    assert_eq!(json["verdict"], "does_not_meet");
    assert_eq!(json["scope"], STRUCTURE_ONLY);
    let s = crossover_series(&["T", "P"]);
    let json = serde_json::to_value(
        NOf1Crossover::from_runs(&s, "T", "P")
            .unwrap()
            .cent_report(),
    )
    .unwrap();
    assert_eq!(json["orders"][0], "treatment_first");
}

#[test]
fn designs_display_their_structure() {
    let ab = AbDesign::new(&phases(&[("A", 3), ("B", 10)])).unwrap();
    assert_eq!(ab.to_string(), "AB design: A1 (3 points), B1 (10 points)");
    let w = WithdrawalDesign::new(&phases(&[("A", 3), ("B", 4), ("A", 3)])).unwrap();
    assert_eq!(
        w.to_string(),
        "withdrawal design: A1 (3 points), B1 (4 points), A2 (3 points)"
    );
    let s = crossover_series(&["T", "P", "P", "T"]);
    let n = NOf1Crossover::new(&s, "T", "P", &[1; 4]).unwrap();
    assert_eq!(
        n.to_string(),
        "N-of-1 crossover: 2 cycle(s) of treatment \"T\" and control \"P\", orders TC CT"
    );
    let p = PrePostCase::new(Scale::nrs11(), 10.0, 1.0).unwrap();
    assert_eq!(p.to_string(), "pre/post case report: 10 before, 1 after");
    let t = ParallelTrial::new(Scale::nrs11(), &[1.0, 2.0], &[3.0]).unwrap();
    assert_eq!(
        t.to_string(),
        "parallel two-arm trial: 2 treated, 1 control"
    );
    let c = Crossover2x2::new(Scale::nrs11(), &[[1.0, 2.0]], &[[3.0, 4.0], [5.0, 6.0]]).unwrap();
    assert_eq!(
        c.to_string(),
        "2x2 crossover: 1 in sequence AB, 2 in sequence BA"
    );
    let (t1, t2) = (phases(&[("A", 2), ("B", 2)]), phases(&[("A", 3), ("B", 1)]));
    let m = MultipleBaseline::new(&[("Ann", &t1), ("Bea", &t2)]).unwrap();
    assert!(
        m.to_string()
            .contains("\"Bea\" [A1 (3 points), B1 (1 points); treatment from 3]")
    );
    let labels = ["A", "A", "B", "C", "B", "C"];
    let a = Series::new(Scale::nrs11(), &[5.0; 6], &labels).unwrap();
    let d = AlternatingTreatments::with_baseline(&a, "A").unwrap();
    assert_eq!(
        d.to_string(),
        "alternating treatments design: baseline \"A\" (2 points), then 2 alternating (\"B\" 2 sessions, \"C\" 2 sessions)"
    );
}
