//! Binary outcomes (risk difference, risk ratio, odds ratio, NNT) against the formulas computed
//! at 50 digits by tests/reference/binary/gen_binary.py and against the papers' worked examples
//! (tests/reference/binary/published_examples.json).

use outcome_stats::Error;
use outcome_stats::effect::{
    BinaryMethod, EventKind, Interval, Method, NntDirection, NntInterval, NumberNeededToTreat,
    RatioScale, RiskRatioInterval, TwoByTwo, ZeroCellCorrection, log_odds_ratio, log_risk_ratio,
    number_needed_to_treat, odds_ratio, risk_difference, risk_ratio, risk_ratio_with,
};
use proptest::prelude::*;
use serde_json::Value;

use crate::tolerance::{CLOSED_FORM, PRINTED_1DP, PRINTED_2DP, PRINTED_4DP, ROOT_FOUND};

fn load(name: &str) -> Value {
    let path = format!(
        "{}/tests/reference/binary/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap()
}

/// A golden number stored as a string (so that infinities survive JSON).
fn num(row: &Value, key: &str) -> f64 {
    match &row[key] {
        Value::String(s) => s.parse().unwrap_or_else(|_| panic!("{key}: {s}")),
        Value::Number(n) => n.as_f64().unwrap(),
        other => panic!("{key}: {other}"),
    }
}

fn count(row: &Value, key: &str) -> u64 {
    row[key].as_u64().unwrap()
}

fn table(row: &Value) -> TwoByTwo {
    TwoByTwo::new(
        count(row, "events_treatment"),
        count(row, "n_treatment"),
        count(row, "events_control"),
        count(row, "n_control"),
    )
    .unwrap()
}

/// Relative closeness (absolute near zero); equal infinities agree.
fn close(got: f64, want: f64, tol: f64, what: &str) {
    if want.is_infinite() {
        assert_eq!(got, want, "{what}");
        return;
    }
    let err = (got - want).abs() / want.abs().max(1.0);
    assert!(err <= tol, "{what}: got {got}, want {want}, error {err:e}");
}

#[test]
fn matches_formulas_at_high_precision() {
    let golden = load("binary_formulas.json");
    let rows = golden["tables"].as_array().unwrap();
    assert!(rows.len() >= 10);
    for row in rows {
        let t = table(row);
        let level = num(row, "level");
        let note = row["note"].as_str().unwrap();
        let corrected = row["zero_cell_corrected"].as_bool().unwrap();
        let expected_rule = if corrected {
            ZeroCellCorrection::HalfAddedToEveryCell
        } else {
            ZeroCellCorrection::None
        };

        let rd = risk_difference(&t, level).unwrap();
        let ci = rd.ci.unwrap();
        close(rd.value, num(row, "rd"), CLOSED_FORM, note);
        close(rd.se.unwrap(), num(row, "rd_se"), CLOSED_FORM, note);
        close(ci.lower, num(row, "rd_lower"), CLOSED_FORM, note);
        close(ci.upper, num(row, "rd_upper"), CLOSED_FORM, note);
        assert_eq!(
            rd.method,
            Method::Binary(BinaryMethod::RiskDifferenceNewcombe)
        );

        let lrr = log_risk_ratio(&t, level).unwrap();
        close(lrr.value, num(row, "log_rr"), CLOSED_FORM, note);
        close(lrr.se.unwrap(), num(row, "log_rr_se"), CLOSED_FORM, note);
        close(
            lrr.ci.unwrap().lower,
            num(row, "log_rr_lower"),
            CLOSED_FORM,
            note,
        );
        close(
            lrr.ci.unwrap().upper,
            num(row, "log_rr_upper"),
            CLOSED_FORM,
            note,
        );
        assert_eq!(
            lrr.method,
            Method::Binary(BinaryMethod::RiskRatioKatz {
                scale: RatioScale::Log,
                zero_cell: expected_rule
            }),
            "{note}"
        );

        let rr = risk_ratio(&t, level).unwrap();
        close(rr.value, num(row, "rr"), CLOSED_FORM, note);
        assert_eq!(rr.se, None);
        close(
            rr.ci.unwrap().lower,
            num(row, "rr_lower"),
            CLOSED_FORM,
            note,
        );
        close(
            rr.ci.unwrap().upper,
            num(row, "rr_upper"),
            CLOSED_FORM,
            note,
        );

        let lor = log_odds_ratio(&t, level).unwrap();
        close(lor.value, num(row, "log_or"), CLOSED_FORM, note);
        close(lor.se.unwrap(), num(row, "log_or_se"), CLOSED_FORM, note);
        let or = odds_ratio(&t, level).unwrap();
        close(or.value, num(row, "or"), CLOSED_FORM, note);
        close(
            or.ci.unwrap().lower,
            num(row, "or_lower"),
            CLOSED_FORM,
            note,
        );
        close(
            or.ci.unwrap().upper,
            num(row, "or_upper"),
            CLOSED_FORM,
            note,
        );
        assert_eq!(
            or.method,
            Method::Binary(BinaryMethod::OddsRatioWoolf {
                scale: RatioScale::Natural,
                zero_cell: expected_rule
            })
        );

        let koop = risk_ratio_with(&t, level, RiskRatioInterval::KoopmanScore);
        if row.get("koopman_rr").is_some() {
            let koop = koop.unwrap();
            let kci = koop.ci.unwrap();
            close(koop.value, num(row, "koopman_rr"), CLOSED_FORM, note);
            close(kci.lower, num(row, "koopman_lower"), ROOT_FOUND, note);
            close(kci.upper, num(row, "koopman_upper"), ROOT_FOUND, note);
            assert_eq!(koop.method, Method::Binary(BinaryMethod::RiskRatioKoopman));
        } else {
            // no events in either arm: the ratio is undefined
            assert!(matches!(koop, Err(Error::InvalidData { .. })), "{note}");
        }
    }
}

#[test]
fn newcombe_1998_method_10_examples() {
    let golden = load("published_examples.json");
    let examples = golden["newcombe_1998_method_10"]["examples"]
        .as_array()
        .unwrap();
    assert_eq!(examples.len(), 8);
    for ex in examples {
        let rd = risk_difference(&table(ex), 0.95).unwrap();
        let ci = rd.ci.unwrap();
        let label = ex["label"].as_str().unwrap();
        assert!((rd.value - num(ex, "rd")).abs() <= PRINTED_4DP, "{label}");
        assert!(
            (ci.lower - num(ex, "lower")).abs() <= PRINTED_4DP,
            "{label}"
        );
        assert!(
            (ci.upper - num(ex, "upper")).abs() <= PRINTED_4DP,
            "{label}"
        );
    }
}

#[test]
fn koopman_1984_example() {
    let golden = load("published_examples.json");
    let ex = &golden["koopman_1984"]["examples"][0];
    let rr = risk_ratio_with(&table(ex), 0.95, RiskRatioInterval::KoopmanScore).unwrap();
    let ci = rr.ci.unwrap();
    assert!((rr.value - num(ex, "rr")).abs() < CLOSED_FORM);
    assert!((ci.lower - num(ex, "lower")).abs() <= PRINTED_2DP);
    assert!((ci.upper - num(ex, "upper")).abs() <= PRINTED_2DP);
}

#[test]
fn altman_nnt_through_infinity() {
    // ARR 0.10 (95 % CI -0.05 to 0.25): NNTB 10, "NNTH 20 to infinity to NNTB 4"
    let golden = load("published_examples.json");
    let ex = &golden["nnt"]["examples"][0];
    let ci = Interval::new(
        num(ex, "risk_reduction_lower"),
        num(ex, "risk_reduction_upper"),
        0.95,
    )
    .unwrap();
    let nnt = NumberNeededToTreat::from_risk_difference(
        num(ex, "risk_reduction"),
        ci,
        EventKind::Responder,
    )
    .unwrap();
    assert_eq!(nnt.direction, NntDirection::Benefit);
    assert!((nnt.value - num(ex, "nnt_benefit")).abs() <= PRINTED_1DP);
    match nnt.ci {
        NntInterval::ThroughInfinity { benefit, harm } => {
            assert!((benefit.lower - num(ex, "nnt_benefit_from")).abs() <= PRINTED_1DP);
            assert_eq!(benefit.upper, f64::INFINITY);
            assert!((harm.lower - num(ex, "nnt_harm_from")).abs() <= PRINTED_1DP);
            assert_eq!(harm.upper, f64::INFINITY);
        }
        other => panic!("expected an interval through infinity, got {other:?}"),
    }
    assert_eq!(
        nnt.to_string(),
        "NNTB 10.0 (95% CI NNTH 20.0 to ∞ to NNTB 4.0)"
    );
    // The same risks with an adverse event: the treatment arm has more bad events, so harm.
    let nnt = NumberNeededToTreat::from_risk_difference(0.10, ci, EventKind::Adverse).unwrap();
    assert_eq!(nnt.direction, NntDirection::Harm);
    match nnt.ci {
        NntInterval::ThroughInfinity { benefit, harm } => {
            assert!((benefit.lower - 20.0).abs() < 1e-9);
            assert!((harm.lower - 4.0).abs() < 1e-9);
        }
        other => panic!("expected an interval through infinity, got {other:?}"),
    }
}

#[test]
fn barrowman_nnt_bounded() {
    let golden = load("published_examples.json");
    let ex = &golden["nnt"]["examples"][1];
    let ci = Interval::new(
        num(ex, "risk_reduction_lower"),
        num(ex, "risk_reduction_upper"),
        0.95,
    )
    .unwrap();
    let nnt = NumberNeededToTreat::from_risk_difference(
        num(ex, "risk_reduction"),
        ci,
        EventKind::Responder,
    )
    .unwrap();
    assert!((nnt.value - num(ex, "nnt_benefit")).abs() <= 0.5); // printed "about 6"
    match nnt.ci {
        NntInterval::Benefit(b) => {
            assert!((b.lower - num(ex, "nnt_benefit_lower")).abs() <= PRINTED_1DP);
            assert!((b.upper - num(ex, "nnt_benefit_upper")).abs() <= PRINTED_1DP);
        }
        other => panic!("expected a benefit interval, got {other:?}"),
    }
}

#[test]
fn nnt_from_table_inverts_the_newcombe_interval() {
    // Newcombe (a): RD 0.2 (0.0524 to 0.3339): NNTB 5 (2.99 to 19.1)
    let t = TwoByTwo::new(56, 70, 48, 80).unwrap();
    let rd = risk_difference(&t, 0.95).unwrap();
    let nnt = number_needed_to_treat(&t, EventKind::Responder, 0.95).unwrap();
    assert!((nnt.value - 5.0).abs() < CLOSED_FORM);
    let NntInterval::Benefit(b) = nnt.ci else {
        panic!("expected benefit")
    };
    assert!((b.lower - 1.0 / rd.ci.unwrap().upper).abs() < CLOSED_FORM);
    assert!((b.upper - 1.0 / rd.ci.unwrap().lower).abs() < CLOSED_FORM);
    // Events as harms: more events under treatment is an NNT to harm.
    let nnt = number_needed_to_treat(&t, EventKind::Adverse, 0.95).unwrap();
    assert_eq!(nnt.direction, NntDirection::Harm);
    assert!(matches!(nnt.ci, NntInterval::Harm(_)));
    // Equal risks: no difference, infinite NNT, interval through infinity.
    let nnt = number_needed_to_treat(
        &TwoByTwo::new(0, 10, 0, 20).unwrap(),
        EventKind::Responder,
        0.95,
    )
    .unwrap();
    assert_eq!(nnt.direction, NntDirection::NoDifference);
    assert_eq!(nnt.value, f64::INFINITY);
    assert!(matches!(nnt.ci, NntInterval::ThroughInfinity { .. }));
}

#[test]
fn zero_cell_rule_applies_only_where_needed() {
    // no zero cell: no correction
    let lrr = log_risk_ratio(&TwoByTwo::new(56, 70, 48, 80).unwrap(), 0.95).unwrap();
    assert!(matches!(
        lrr.method,
        Method::Binary(BinaryMethod::RiskRatioKatz {
            zero_cell: ZeroCellCorrection::None,
            ..
        })
    ));
    // a zero cell: the log-scale statistics add 0.5, the risk difference does not
    let t = TwoByTwo::new(5, 56, 0, 29).unwrap();
    let rr = risk_ratio(&t, 0.95).unwrap();
    assert!((rr.value - (5.5 / 57.0) / (0.5 / 30.0)).abs() < 1e-12);
    let rd = risk_difference(&t, 0.95).unwrap();
    assert!((rd.value - 5.0 / 56.0).abs() < 1e-15);
    let koop = risk_ratio_with(&t, 0.95, RiskRatioInterval::KoopmanScore).unwrap();
    assert_eq!(koop.value, f64::INFINITY);
    assert_eq!(koop.ci.unwrap().upper, f64::INFINITY);
}

#[test]
fn bad_input_is_an_error() {
    assert!(matches!(
        TwoByTwo::new(11, 10, 1, 10),
        Err(Error::InvalidData { .. })
    ));
    assert!(matches!(
        TwoByTwo::new(1, 10, 11, 10),
        Err(Error::InvalidData { .. })
    ));
    assert!(matches!(
        TwoByTwo::new(0, 0, 1, 10),
        Err(Error::InvalidData { .. })
    ));
    assert!(TwoByTwo::new(1, u64::MAX, 1, 10).is_err());
    assert!(TwoByTwo::from_cells(u64::MAX, 1, 1, 1).is_err());
    assert!(matches!(
        TwoByTwo::from_proportions(1.5, 10, 0.5, 10),
        Err(Error::InvalidParameter { .. })
    ));
    assert!(TwoByTwo::from_proportions(-0.1, 10, 0.5, 10).is_err());
    assert!(TwoByTwo::from_proportions(f64::NAN, 10, 0.5, 10).is_err());
    assert!(matches!(
        TwoByTwo::from_proportions(0.33, 10, 0.5, 10),
        Err(Error::InvalidData { .. })
    ));
    let t = TwoByTwo::new(3, 10, 5, 10).unwrap();
    for level in [0.0, 1.0, -0.5, f64::NAN, 1.5] {
        assert!(matches!(
            risk_difference(&t, level),
            Err(Error::InvalidParameter { .. })
        ));
        assert!(risk_ratio(&t, level).is_err());
        assert!(risk_ratio_with(&t, level, RiskRatioInterval::KoopmanScore).is_err());
        assert!(odds_ratio(&t, level).is_err());
        assert!(number_needed_to_treat(&t, EventKind::Responder, level).is_err());
    }
    let ci = Interval::new(-0.1, 0.2, 0.95).unwrap();
    assert!(NumberNeededToTreat::from_risk_difference(1.5, ci, EventKind::Responder).is_err());
    assert!(NumberNeededToTreat::from_risk_difference(f64::NAN, ci, EventKind::Responder).is_err());
    let wide = Interval::new(-2.0, 0.2, 0.95).unwrap();
    assert!(NumberNeededToTreat::from_risk_difference(0.1, wide, EventKind::Responder).is_err());
}

#[test]
fn signs_follow_the_arms() {
    let t = TwoByTwo::new(15, 30, 9, 30).unwrap();
    let swapped = TwoByTwo::new(9, 30, 15, 30).unwrap();
    let a = risk_difference(&t, 0.95).unwrap();
    let b = risk_difference(&swapped, 0.95).unwrap();
    assert!((a.value + b.value).abs() < 1e-15);
    assert!((a.ci.unwrap().lower + b.ci.unwrap().upper).abs() < 1e-15);
    let a = log_odds_ratio(&t, 0.95).unwrap();
    let b = log_odds_ratio(&swapped, 0.95).unwrap();
    assert!((a.value + b.value).abs() < 1e-15);
}

fn arb_table() -> impl Strategy<Value = (u64, u64, u64, u64)> {
    (1u64..200, 1u64..200).prop_flat_map(|(nt, nc)| (0..=nt, Just(nt), 0..=nc, Just(nc)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn intervals_contain_the_estimate((a, nt, c, nc) in arb_table(), level in 0.5f64..0.999) {
        let t = TwoByTwo::new(a, nt, c, nc).unwrap();
        let rd = risk_difference(&t, level).unwrap();
        let ci = rd.ci.unwrap();
        prop_assert!(ci.contains(rd.value));
        prop_assert!(ci.lower >= -1.0 && ci.upper <= 1.0);
        for e in [risk_ratio(&t, level).unwrap(), log_risk_ratio(&t, level).unwrap(),
                  odds_ratio(&t, level).unwrap(), log_odds_ratio(&t, level).unwrap()] {
            let ci = e.ci.unwrap();
            prop_assert!(ci.contains(e.value), "{:?}", e);
        }
        if a + c > 0 {
            let k = risk_ratio_with(&t, level, RiskRatioInterval::KoopmanScore).unwrap();
            let ci = k.ci.unwrap();
            prop_assert!(ci.contains(k.value), "{:?}", k);
            prop_assert!(ci.lower >= 0.0);
        }
        let nnt = number_needed_to_treat(&t, EventKind::Responder, level).unwrap();
        prop_assert!(nnt.value >= 1.0);
    }

    #[test]
    fn koopman_handles_large_arms(nt in 1u64..10_000_000, nc in 1u64..10_000_000, fa in 0.0f64..=1.0, fc in 0.0f64..=1.0) {
        let a = ((nt as f64) * fa).round() as u64;
        let c = ((nc as f64) * fc).round() as u64;
        prop_assume!(a + c > 0);
        let t = TwoByTwo::new(a, nt, c, nc).unwrap();
        let k = risk_ratio_with(&t, 0.95, RiskRatioInterval::KoopmanScore).unwrap();
        let ci = k.ci.unwrap();
        prop_assert!(ci.contains(k.value), "{:?}", k);
    }

    #[test]
    fn wider_level_wider_interval((a, nt, c, nc) in arb_table(), l1 in 0.5f64..0.9, dl in 0.01f64..0.09) {
        let t = TwoByTwo::new(a, nt, c, nc).unwrap();
        let narrow = risk_difference(&t, l1).unwrap().ci.unwrap();
        let wide = risk_difference(&t, l1 + dl).unwrap().ci.unwrap();
        prop_assert!(wide.lower <= narrow.lower + 1e-15 && wide.upper >= narrow.upper - 1e-15);
    }

    #[test]
    fn no_panic_on_arbitrary_counts(a in any::<u64>(), nt in any::<u64>(), c in any::<u64>(), nc in any::<u64>(),
                                    level in any::<f64>(), p in any::<f64>()) {
        if let Ok(t) = TwoByTwo::new(a % 1000, nt, c % 1000, nc) {
            let _ = risk_difference(&t, level);
            let _ = risk_ratio_with(&t, level, RiskRatioInterval::KoopmanScore);
            let _ = odds_ratio(&t, level);
            let _ = number_needed_to_treat(&t, EventKind::Adverse, level);
        }
        let _ = TwoByTwo::new(a, nt, c, nc);
        let _ = TwoByTwo::from_proportions(p, nt, level, nc);
        if let Ok(ci) = Interval::new(p.min(level), p.max(level), 0.95) {
            let _ = NumberNeededToTreat::from_risk_difference(p, ci, EventKind::Responder);
        }
    }
}
