//! Tests of `outcome_stats::change`: hand-computed values, goldens and properties.

use crate::tolerance::{CLOSED_FORM, WELCH_QUANTILE};
use outcome_stats::change::{
    AreaUnderCurve, AucAxis, ImmpactCategory, ImmpactOptions, PhaseChange, PhaseChangeOptions,
    PrePost, ReliableChange, ReliableChangeCategory, ResponderThreshold, Trajectory, WelchInterval,
    reliable_change_index,
};
use outcome_stats::{Direction, Error, Scale, Series};
use proptest::prelude::*;

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol * (1.0 + b.abs())
}

#[test]
fn ketamine_pre_post_by_hand() {
    // Published: 10 at baseline, 0-1 after the tenth infusion; conservative end 1.
    let c = PrePost::new(10.0, 1.0, Scale::nrs11()).unwrap();
    assert_eq!(c.delta(), -9.0);
    assert_eq!(c.improvement(), 9.0);
    assert_eq!(c.percent_improvement(), Some(90.0));
    assert_eq!(c.immpact_category(), ImmpactCategory::Substantial);
    assert_eq!(c.farrar_threshold(), 2.0);
    assert!(c.meets_farrar());
    // RCI = 9 / (sqrt(2) * 2.5 * sqrt(0.1)) = 9 / 1.1180339887498949 = 8.0498447189992433
    let rc = c.reliable_change(0.9, 2.5).unwrap();
    assert!(close(rc.sem, 0.790_569_415_042_094_8, CLOSED_FORM));
    assert!(close(rc.se_difference, 1.118_033_988_749_895, CLOSED_FORM));
    assert!(close(rc.rci, 8.049_844_718_999_243, CLOSED_FORM));
    assert!(close(
        rc.reliable_threshold,
        1.96 * 1.118_033_988_749_895,
        CLOSED_FORM
    ));
    assert_eq!(rc.category, ReliableChangeCategory::ReliableImprovement);
    let text = c.to_string();
    assert!(
        text.contains("90.0%") && text.contains("substantially"),
        "{text}"
    );
}

#[test]
fn percent_improvement_uses_distance_to_best_end() {
    // Lower is better on 0-10: (8 - 6) / 8 = 25%.
    let c = PrePost::new(8.0, 6.0, Scale::nrs11()).unwrap();
    assert_eq!(c.percent_improvement(), Some(25.0));
    // Higher is better on 0-100: distance from 40 to 100 is 60; 30 / 60 = 50%.
    let f = Scale::new(0.0, 100.0, Direction::HigherIsBetter).unwrap();
    let c = PrePost::new(40.0, 70.0, f).unwrap();
    assert_eq!(c.improvement(), 30.0);
    assert_eq!(c.percent_improvement(), Some(50.0));
    // Scale not starting at zero: 1-7, lower better; pre 5 -> post 3: 2 / 4 = 50%.
    let s = Scale::new(1.0, 7.0, Direction::LowerIsBetter).unwrap();
    assert_eq!(
        PrePost::new(5.0, 3.0, s).unwrap().percent_improvement(),
        Some(50.0)
    );
    // Worsening: 4 -> 6 is -50%.
    assert_eq!(
        PrePost::new(4.0, 6.0, Scale::nrs11())
            .unwrap()
            .percent_improvement(),
        Some(-50.0)
    );
    // Pre at the best end: undefined, never a division by zero.
    let c = PrePost::new(0.0, 0.0, Scale::nrs11()).unwrap();
    assert_eq!(c.percent_improvement(), None);
    assert_eq!(c.immpact_category(), ImmpactCategory::None);
    let c = PrePost::new(0.0, 3.0, Scale::nrs11()).unwrap();
    assert_eq!(c.percent_improvement(), None);
    assert_eq!(c.immpact_category(), ImmpactCategory::Worsened);
}

#[test]
fn immpact_boundaries() {
    let cat = |pre: f64, post: f64| {
        PrePost::new(pre, post, Scale::nrs11())
            .unwrap()
            .immpact_category()
    };
    assert_eq!(cat(10.0, 10.0), ImmpactCategory::None);
    assert_eq!(cat(10.0, 9.1), ImmpactCategory::None); // 9%
    assert_eq!(cat(10.0, 9.0), ImmpactCategory::Minimal); // 10%
    assert_eq!(cat(10.0, 7.5), ImmpactCategory::Minimal); // 25%, crate convention
    assert_eq!(cat(10.0, 7.0), ImmpactCategory::Moderate); // 30%
    assert_eq!(cat(10.0, 5.1), ImmpactCategory::Moderate); // 49%
    assert_eq!(cat(10.0, 5.0), ImmpactCategory::Substantial); // 50%
    assert_eq!(cat(5.0, 5.5), ImmpactCategory::Worsened);
    // Decimal rounding at a boundary: (6.6 - 4.62) / 6.6 = 30% up to rounding.
    assert_eq!(cat(6.6, 4.62), ImmpactCategory::Moderate);
    // VAS: 80 -> 56 mm is 30%.
    let v = PrePost::new(80.0, 56.0, Scale::vas100()).unwrap();
    assert_eq!(v.immpact_category(), ImmpactCategory::Moderate);
}

#[test]
fn immpact_options_configurable_and_validated() {
    let c = PrePost::new(10.0, 7.0, Scale::nrs11()).unwrap(); // 30%
    let o = ImmpactOptions::new().moderate(33.0);
    assert_eq!(
        c.immpact_category_with(&o).unwrap(),
        ImmpactCategory::Minimal
    );
    let o = ImmpactOptions::new()
        .minimal(5.0)
        .moderate(20.0)
        .substantial(25.0);
    assert_eq!(
        c.immpact_category_with(&o).unwrap(),
        ImmpactCategory::Substantial
    );
    for bad in [
        ImmpactOptions::new().minimal(0.0),
        ImmpactOptions::new().minimal(f64::NAN),
        ImmpactOptions::new().moderate(10.0),
        ImmpactOptions::new().substantial(30.0),
        ImmpactOptions::new().substantial(101.0),
        ImmpactOptions::new().substantial(f64::INFINITY),
    ] {
        assert!(matches!(
            c.immpact_category_with(&bad),
            Err(Error::InvalidParameter { .. })
        ));
    }
}

#[test]
fn farrar_scales_with_range() {
    let v = PrePost::new(80.0, 61.0, Scale::vas100()).unwrap();
    assert_eq!(v.farrar_threshold(), 20.0);
    assert!(!v.meets_farrar());
    assert!(
        PrePost::new(80.0, 60.0, Scale::vas100())
            .unwrap()
            .meets_farrar()
    );
    let s = Scale::new(1.0, 6.0, Direction::HigherIsBetter).unwrap();
    let c = PrePost::new(2.0, 3.0, s).unwrap();
    assert_eq!(c.farrar_threshold(), 1.0);
    assert!(c.meets_farrar());
    // 7.3 -> 5.3 is 2 points up to rounding.
    assert!(
        PrePost::new(7.3, 5.3, Scale::nrs11())
            .unwrap()
            .meets_farrar()
    );
}

#[test]
fn responder_thresholds() {
    let c = PrePost::new(8.0, 5.0, Scale::nrs11()).unwrap(); // 37.5%, 3 points
    let r = c.responder(ResponderThreshold::Percent(30.0)).unwrap();
    assert!(r.is_responder);
    assert_eq!(r.achieved, Some(37.5));
    assert!(
        !c.responder(ResponderThreshold::Percent(50.0))
            .unwrap()
            .is_responder
    );
    assert!(
        c.responder(ResponderThreshold::Points(3.0))
            .unwrap()
            .is_responder
    );
    assert!(
        !c.responder(ResponderThreshold::Points(3.5))
            .unwrap()
            .is_responder
    );
    assert!(
        c.responder(ResponderThreshold::Farrar2001)
            .unwrap()
            .is_responder
    );
    let at_best = PrePost::new(0.0, 0.0, Scale::nrs11()).unwrap();
    let r = at_best
        .responder(ResponderThreshold::Percent(30.0))
        .unwrap();
    assert!(!r.is_responder);
    assert_eq!(r.achieved, None);
    for bad in [
        ResponderThreshold::Percent(0.0),
        ResponderThreshold::Percent(120.0),
        ResponderThreshold::Percent(f64::NAN),
        ResponderThreshold::Points(-1.0),
        ResponderThreshold::Points(11.0),
        ResponderThreshold::Points(f64::INFINITY),
    ] {
        assert!(matches!(
            c.responder(bad),
            Err(Error::InvalidParameter { .. })
        ));
    }
    assert!(r.to_string().contains("non-responder"));
}

#[test]
fn reliable_change_by_hand_and_errors() {
    // Delta 2, SD 2, r 0.5: S_diff = sqrt(2) * 2 * sqrt(0.5) = 2; RCI = 1.
    let rc = ReliableChange::new(2.0, 0.5, 2.0).unwrap();
    assert!(close(rc.se_difference, 2.0, CLOSED_FORM));
    assert!(close(rc.rci, 1.0, CLOSED_FORM));
    assert_eq!(rc.category, ReliableChangeCategory::NoReliableChange);
    let rc = ReliableChange::new(-4.0, 0.5, 2.0).unwrap();
    assert_eq!(rc.category, ReliableChangeCategory::ReliableDeterioration);
    // Exactly 1.96 is not beyond 1.96.
    let rc = ReliableChange::new(3.92, 0.5, 2.0).unwrap();
    assert!(close(rc.rci, 1.96, CLOSED_FORM));
    for (r, sd) in [
        (0.0, 2.0),
        (1.0, 2.0),
        (f64::NAN, 2.0),
        (-0.5, 2.0),
        (0.5, 0.0),
        (0.5, -1.0),
        (0.5, f64::NAN),
        (0.5, f64::INFINITY),
    ] {
        assert!(matches!(
            reliable_change_index(1.0, r, sd),
            Err(Error::InvalidParameter { .. })
        ));
    }
    assert!(matches!(
        reliable_change_index(f64::NAN, 0.5, 1.0),
        Err(Error::NonFinite { .. })
    ));
    // A subnormal SD makes the index overflow: an error, not infinity.
    assert!(reliable_change_index(1.0, 0.5, 5e-324).is_err());
}

#[test]
fn pre_post_rejects_bad_input() {
    let s = Scale::nrs11();
    assert!(matches!(
        PrePost::new(f64::NAN, 1.0, s),
        Err(Error::NonFinite { index: 0, .. })
    ));
    assert!(matches!(
        PrePost::new(1.0, f64::INFINITY, s),
        Err(Error::NonFinite { index: 1, .. })
    ));
    assert!(matches!(
        PrePost::new(-1.0, 1.0, s),
        Err(Error::OutOfScale { index: 0, .. })
    ));
    assert!(matches!(
        PrePost::new(1.0, 10.5, s),
        Err(Error::OutOfScale { index: 1, .. })
    ));
    let wide = Scale::new(-f64::MAX, f64::MAX, Direction::LowerIsBetter).unwrap();
    assert!(matches!(
        PrePost::new(-f64::MAX, f64::MAX, wide),
        Err(Error::InvalidData { .. })
    ));
}

fn ab(a: &[f64], b: &[f64]) -> Series {
    Series::from_phases(Scale::nrs11(), &[("A", a), ("B", b)]).unwrap()
}

#[test]
fn phase_change_by_hand() {
    let s = ab(&[9.0, 10.0, 10.0, 9.0], &[6.0, 3.0, 1.0, 2.0]);
    let c = PhaseChange::new(&s).unwrap();
    assert_eq!((c.baseline_n, c.treatment_n), (4, 4));
    assert_eq!(c.baseline_mean, 9.5);
    assert_eq!(c.treatment_mean, 3.0);
    assert_eq!(c.mean_delta, -6.5);
    assert_eq!(c.mean_improvement, 6.5);
    assert_eq!((c.baseline_last, c.treatment_last), (9.0, 2.0));
    assert_eq!((c.last_delta, c.last_improvement), (-7.0, 7.0));
    // Higher is better flips the signs of the improvements only.
    let f = Series::from_phases(
        Scale::nrs11().flipped(),
        &[("A", &[9.0, 10.0, 10.0, 9.0]), ("B", &[6.0, 3.0, 1.0, 2.0])],
    )
    .unwrap();
    let g = PhaseChange::new(&f).unwrap();
    assert_eq!((g.mean_delta, g.mean_improvement), (-6.5, -6.5));
}

#[test]
fn phase_change_uses_a1_and_last_b() {
    let s = Series::new(
        Scale::nrs11(),
        &[8.0, 8.0, 4.0, 4.0, 7.0, 7.0, 2.0, 1.0],
        &["A", "A", "B", "B", "A", "A", "B", "B"],
    )
    .unwrap();
    let c = PhaseChange::new(&s).unwrap();
    assert_eq!(c.baseline_phase, "A1");
    assert_eq!(c.treatment_phase, "B2");
    assert_eq!(c.treatment_mean, 1.5);
    assert_eq!(c.mean_improvement, 6.5);
    assert!(c.to_string().contains("A1") && c.to_string().contains("B2"));
}

#[test]
fn phase_change_errors_name_the_label() {
    let s = Series::new(Scale::nrs11(), &[8.0, 3.0], &["A", "C"]).unwrap();
    match PhaseChange::new(&s) {
        Err(Error::PhaseMismatch { reason }) => assert!(reason.contains("\"B\""), "{reason}"),
        other => panic!("expected PhaseMismatch, got {other:?}"),
    }
    let s = Series::new(Scale::nrs11(), &[3.0, 8.0], &["B", "A"]).unwrap();
    assert!(matches!(
        PhaseChange::new(&s),
        Err(Error::PhaseMismatch { .. })
    ));
    let s = Series::new(Scale::nrs11(), &[3.0, 8.0], &["X", "Y"]).unwrap();
    match PhaseChange::new(&s) {
        Err(Error::PhaseMismatch { reason }) => assert!(reason.contains("\"A\""), "{reason}"),
        other => panic!("expected PhaseMismatch, got {other:?}"),
    }
}

struct Golden {
    name: String,
    level: f64,
    improvement: f64,
    se: f64,
    df: f64,
    t_quantile: f64,
    lower: f64,
    upper: f64,
}

#[test]
fn welch_interval_matches_mpmath() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/reference/change/welch.json"
    );
    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let cases = file["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 5);
    let num = |c: &serde_json::Value, k: &str| c[k].as_f64().unwrap();
    let list = |c: &serde_json::Value, k: &str| -> Vec<f64> {
        c[k].as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_f64().unwrap())
            .collect()
    };
    for c in cases {
        let g = Golden {
            name: c["name"].as_str().unwrap().to_string(),
            level: num(c, "level"),
            improvement: num(c, "improvement"),
            se: num(c, "se"),
            df: num(c, "df"),
            t_quantile: num(c, "t_quantile"),
            lower: num(c, "lower"),
            upper: num(c, "upper"),
        };
        let direction = if c["lower_is_better"].as_bool().unwrap() {
            Direction::LowerIsBetter
        } else {
            Direction::HigherIsBetter
        };
        let scale = Scale::new(0.0, 100.0, direction).unwrap();
        let (a, b) = (list(c, "a"), list(c, "b"));
        let s = Series::from_phases(scale, &[("A", &a), ("B", &b)]).unwrap();
        let w = WelchInterval::with_options(&s, &PhaseChangeOptions::new().level(g.level)).unwrap();
        assert!(
            close(w.improvement, g.improvement, CLOSED_FORM),
            "{}",
            g.name
        );
        assert!(close(w.se, g.se, CLOSED_FORM), "{}", g.name);
        assert!(close(w.df, g.df, CLOSED_FORM), "{}", g.name);
        assert!(
            close(w.t_quantile, g.t_quantile, WELCH_QUANTILE),
            "{}: {} vs {}",
            g.name,
            w.t_quantile,
            g.t_quantile
        );
        assert!(close(w.ci.lower, g.lower, WELCH_QUANTILE), "{}", g.name);
        assert!(close(w.ci.upper, g.upper, WELCH_QUANTILE), "{}", g.name);
        assert_eq!(w.ci.level, g.level);
        assert!(w.caveat.contains("too narrow"));
    }
}

#[test]
fn welch_interval_errors() {
    assert!(matches!(
        WelchInterval::new(&ab(&[8.0], &[2.0, 3.0])),
        Err(Error::InsufficientData {
            needed: 2,
            got: 1,
            ..
        })
    ));
    assert!(matches!(
        WelchInterval::new(&ab(&[8.0, 8.0], &[2.0, 2.0])),
        Err(Error::ZeroVariance { .. })
    ));
    let s = ab(&[8.0, 9.0], &[2.0, 3.0]);
    for level in [0.0, 1.0, f64::NAN, -0.5] {
        assert!(matches!(
            WelchInterval::with_options(&s, &PhaseChangeOptions::new().level(level)),
            Err(Error::InvalidParameter { .. })
        ));
    }
}

#[test]
fn trajectory_by_hand() {
    let s = Series::new(
        Scale::nrs11(),
        &[10.0, 9.0, 6.0, 4.0, 8.0, 2.0],
        &["A", "A", "B", "B", "A", "B"],
    )
    .unwrap()
    .with_times(&[0.0, 1.0, 2.0, 3.0, 5.0, 8.0])
    .unwrap();
    let t = Trajectory::new(&s).unwrap();
    assert_eq!(t.baseline_mean, 9.5);
    let got: Vec<(usize, f64, &str, f64)> = t
        .points
        .iter()
        .map(|p| (p.index, p.time, p.phase.as_str(), p.improvement))
        .collect();
    assert_eq!(
        got,
        [
            (2, 2.0, "B1", 3.5),
            (3, 3.0, "B1", 5.5),
            (5, 8.0, "B2", 7.5)
        ]
    );
    // Percent from the baseline mean: 3.5 / 9.5.
    assert!(close(
        t.points[0].percent_improvement.unwrap(),
        100.0 * 3.5 / 9.5,
        CLOSED_FORM
    ));
}

#[test]
fn area_under_curve_by_hand() {
    // Index axis: values 8, 8, 6, 4 -> 8 + 7 + 5 = 20.
    let s = ab(&[8.0, 8.0], &[6.0, 4.0]);
    let auc = AreaUnderCurve::new(&s).unwrap();
    assert_eq!(auc.axis, AucAxis::Index);
    assert_eq!(auc.area, 20.0);
    assert_eq!(auc.span, 3.0);
    assert!(close(auc.mean_level.unwrap(), 20.0 / 3.0, CLOSED_FORM));
    // Improvement from mean 8 within B: points 2 and 4, one unit apart -> 3.
    assert_eq!(auc.improvement_area, Some(3.0));
    // Times: 0, 1, 3, 7 -> 8*1 + 7*2 + 5*4 = 42; improvement (2+4)/2 * 4 = 12.
    let t = s.clone().with_times(&[0.0, 1.0, 3.0, 7.0]).unwrap();
    let auc = AreaUnderCurve::new(&t).unwrap();
    assert_eq!(auc.axis, AucAxis::Times);
    assert_eq!(auc.area, 42.0);
    assert_eq!(auc.improvement_area, Some(12.0));
    // ABAB: the withdrawal phase is not bridged.
    let w = Series::new(
        Scale::nrs11(),
        &[8.0, 8.0, 6.0, 4.0, 8.0, 2.0, 2.0],
        &["A", "A", "B", "B", "A", "B", "B"],
    )
    .unwrap();
    let auc = AreaUnderCurve::new(&w).unwrap();
    assert_eq!(auc.improvement_area, Some(3.0 + 6.0));
    // One observation: zero area, no mean level.
    let one = Series::new(Scale::nrs11(), &[5.0], &["A"]).unwrap();
    let auc = AreaUnderCurve::new(&one).unwrap();
    assert_eq!(
        (auc.area, auc.span, auc.mean_level, auc.improvement_area),
        (0.0, 0.0, None, None)
    );
}

#[test]
fn nothing_passed_in_is_modified() {
    let s = ab(&[8.0, 9.0, 10.0], &[2.0, 3.0, 4.0]);
    let copy = s.clone();
    let options = PhaseChangeOptions::new();
    let _ = PhaseChange::with_options(&s, &options).unwrap();
    let _ = WelchInterval::with_options(&s, &options).unwrap();
    let _ = Trajectory::with_options(&s, &options).unwrap();
    let _ = AreaUnderCurve::with_options(&s, &options).unwrap();
    assert_eq!(s, copy);
    assert_eq!(options, PhaseChangeOptions::new());
}

fn nrs_value() -> impl Strategy<Value = f64> {
    (0u32..=1000).prop_map(|k| f64::from(k) / 100.0)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn flipping_direction_flips_improvement(pre in nrs_value(), post in nrs_value()) {
        let a = PrePost::new(pre, post, Scale::nrs11()).unwrap();
        let b = PrePost::new(pre, post, Scale::nrs11().flipped()).unwrap();
        prop_assert_eq!(a.improvement(), -b.improvement());
        prop_assert_eq!(a.delta(), b.delta());
    }

    #[test]
    fn flipping_direction_flips_series_improvements(
        a in proptest::collection::vec(nrs_value(), 2..8),
        b in proptest::collection::vec(nrs_value(), 2..8),
    ) {
        let s = Series::from_phases(Scale::nrs11(), &[("A", &a), ("B", &b)]).unwrap();
        let f = Series::from_phases(Scale::nrs11().flipped(), &[("A", &a), ("B", &b)]).unwrap();
        let (cs, cf) = (PhaseChange::new(&s).unwrap(), PhaseChange::new(&f).unwrap());
        prop_assert_eq!(cs.mean_improvement, -cf.mean_improvement);
        prop_assert_eq!(cs.last_improvement, -cf.last_improvement);
        let (ts, tf) = (Trajectory::new(&s).unwrap(), Trajectory::new(&f).unwrap());
        for (p, q) in ts.points.iter().zip(&tf.points) {
            prop_assert_eq!(p.improvement, -q.improvement);
        }
        let (xs, xf) = (AreaUnderCurve::new(&s).unwrap(), AreaUnderCurve::new(&f).unwrap());
        prop_assert!(close(xs.improvement_area.unwrap(), -xf.improvement_area.unwrap(), CLOSED_FORM));
        prop_assert_eq!(xs.area, xf.area);
    }

    #[test]
    fn percent_improvement_of_no_change_is_zero(pre in nrs_value(), flip in any::<bool>()) {
        let scale = if flip { Scale::nrs11().flipped() } else { Scale::nrs11() };
        let c = PrePost::new(pre, pre, scale).unwrap();
        match c.percent_improvement() {
            Some(p) => prop_assert_eq!(p, 0.0),
            None => prop_assert_eq!(pre, scale.best()),
        }
        prop_assert_eq!(c.improvement(), 0.0);
    }

    #[test]
    fn percent_improvement_at_most_100(pre in nrs_value(), post in nrs_value()) {
        let c = PrePost::new(pre, post, Scale::nrs11()).unwrap();
        if let Some(p) = c.percent_improvement() {
            prop_assert!(p <= 100.0 + 1e-12);
        }
    }

    #[test]
    fn rci_is_linear_in_the_delta(
        delta in -100.0f64..100.0,
        k in -10.0f64..10.0,
        r in 0.01f64..0.99,
        sd in 0.01f64..50.0,
    ) {
        let one = reliable_change_index(delta, r, sd).unwrap();
        let scaled = reliable_change_index(k * delta, r, sd).unwrap();
        prop_assert!((scaled - k * one).abs() <= 1e-12 * (1.0 + scaled.abs()));
        let sum = reliable_change_index(delta + k, r, sd).unwrap();
        let parts = one + reliable_change_index(k, r, sd).unwrap();
        prop_assert!((sum - parts).abs() <= 1e-11 * (1.0 + sum.abs()));
    }

    #[test]
    fn welch_interval_contains_estimate_and_widens(
        a in proptest::collection::vec(nrs_value(), 2..8),
        b in proptest::collection::vec(nrs_value(), 2..8),
    ) {
        let s = Series::from_phases(Scale::nrs11(), &[("A", &a), ("B", &b)]).unwrap();
        if let Ok(w90) = WelchInterval::with_options(&s, &PhaseChangeOptions::new().level(0.9)) {
            let w95 = WelchInterval::new(&s).unwrap();
            prop_assert!(w95.ci.contains(w95.improvement));
            prop_assert!(w95.ci.width() > w90.ci.width());
        }
    }
}
