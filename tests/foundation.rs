//! Foundation properties: `Scale` and `Series` invariants, serde round-trips, and no panics on
//! arbitrary `f64` input anywhere in `Scale`, `Series`, `design` and `change`.

use outcome_stats::change::{
    AreaUnderCurve, ImmpactOptions, PhaseChange, PhaseChangeOptions, PrePost, ReliableChange,
    ResponderThreshold, Trajectory, WelchInterval, reliable_change_index,
};
use outcome_stats::design::{
    AbDesign, AlternatingTreatments, Crossover2x2, MultipleBaseline, NOf1Crossover, ParallelTrial,
    PrePostCase, WithdrawalDesign,
};
use outcome_stats::{Direction, Scale, Series};
use proptest::prelude::*;

/// Any f64, with the awkward ones (NaN, infinities, subnormals, extremes) and on-scale values
/// drawn often.
fn wild() -> impl Strategy<Value = f64> {
    prop_oneof![
        3 => 0.0f64..=10.0,
        2 => any::<f64>(),
        1 => Just(f64::NAN),
        1 => Just(f64::INFINITY),
        1 => Just(f64::NEG_INFINITY),
        1 => Just(f64::MAX),
        1 => Just(-f64::MAX),
        1 => Just(f64::MIN_POSITIVE),
        1 => Just(5e-324),
        1 => Just(-0.0),
        1 => Just(1e300),
    ]
}

fn direction() -> impl Strategy<Value = Direction> {
    prop_oneof![
        Just(Direction::LowerIsBetter),
        Just(Direction::HigherIsBetter)
    ]
}

fn label() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        4 => Just("A"),
        4 => Just("B"),
        1 => Just("C"),
        1 => Just("T"),
        1 => Just("P"),
        1 => Just(""),
    ]
}

/// A valid series on the 0-10 NRS or its flip, with A/B-ish labels and optional times.
fn valid_series() -> impl Strategy<Value = Series> {
    (
        direction(),
        proptest::collection::vec(
            (0u32..=100, prop_oneof![Just("A"), Just("B"), Just("C")]),
            1..16,
        ),
        any::<bool>(),
    )
        .prop_map(|(d, obs, timed)| {
            let scale = Scale::new(0.0, 10.0, d).unwrap();
            let values: Vec<f64> = obs.iter().map(|(v, _)| f64::from(*v) / 10.0).collect();
            let labels: Vec<&str> = obs.iter().map(|(_, l)| *l).collect();
            let s = Series::new(scale, &values, &labels).unwrap();
            if timed {
                let times: Vec<f64> = (0..values.len()).map(|i| (i * i) as f64 + 0.5).collect();
                s.with_times(&times).unwrap()
            } else {
                s
            }
        })
}

#[test]
fn scale_presets_and_flip() {
    assert_eq!(Scale::nrs11().range(), 10.0);
    assert_eq!(Scale::vas100().worst(), 100.0);
    assert_eq!(Scale::nrs11().flipped().best(), 10.0);
    assert_eq!(Scale::nrs11().flipped().flipped(), Scale::nrs11());
}

#[cfg(feature = "serde")]
#[test]
fn invalid_json_is_rejected() {
    for bad in [
        r#"{"min": 10.0, "max": 0.0, "direction": "lower_is_better"}"#,
        r#"{"min": 5.0, "max": 5.0, "direction": "lower_is_better"}"#,
        r#"{"min": 0.0, "max": 10.0, "direction": "sideways"}"#,
        r#"{"min": 0.0, "max": 1e999, "direction": "lower_is_better"}"#,
        r#"{"min": 0.0, "direction": "lower_is_better"}"#,
    ] {
        assert!(serde_json::from_str::<Scale>(bad).is_err(), "{bad}");
    }
    let scale = r#"{"min": 0.0, "max": 10.0, "direction": "lower_is_better"}"#;
    for (values, phases, times) in [
        ("[]", "[]", "null"),
        ("[1.0, 11.0]", r#"["A", "B"]"#, "null"),
        ("[1.0, -0.5]", r#"["A", "B"]"#, "null"),
        ("[1.0, 2.0]", r#"["A"]"#, "null"),
        ("[1.0, 2.0]", r#"["A", " "]"#, "null"),
        ("[1.0, 2.0]", r#"["A", "B"]"#, "[1.0, 1.0]"),
        ("[1.0, 2.0]", r#"["A", "B"]"#, "[1.0]"),
        ("[1.0, 2.0]", r#"["A", "B"]"#, "[2.0, 1.0]"),
    ] {
        let json = format!(
            r#"{{"scale": {scale}, "values": {values}, "phases": {phases}, "times": {times}}}"#
        );
        assert!(serde_json::from_str::<Series>(&json).is_err(), "{json}");
    }
    let ok = format!(
        r#"{{"scale": {scale}, "values": [1.0, 2.0], "phases": ["A", "B"], "times": null}}"#
    );
    let s: Series = serde_json::from_str(&ok).unwrap();
    assert_eq!(s.values(), &[1.0, 2.0]);
}

#[cfg(feature = "serde")]
proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn series_serde_round_trip(s in valid_series()) {
        let json = serde_json::to_string(&s).unwrap();
        let back: Series = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, s);
    }

    #[test]
    fn scale_serde_round_trip(min in -1_000_000i64..1_000_000, width in 1i64..1_000_000, d in direction()) {
        let max = min + width;
        // Decimal bounds (hundredths): serde_json's default float parser is not correctly
        // rounded for every double (its `float_roundtrip` feature is), so arbitrary doubles
        // may come back one ulp off. Each bound is drawn as a short decimal itself.
        let scale = Scale::new(min as f64 / 100.0, max as f64 / 100.0, d).unwrap();
        let back: Scale = serde_json::from_str(&serde_json::to_string(&scale).unwrap()).unwrap();
        prop_assert_eq!(back, scale);
    }

    #[test]
    fn deserialising_an_invalid_series_fails(
        values in proptest::collection::vec(wild(), 0..6),
        labels in proptest::collection::vec(label(), 0..6),
    ) {
        let valid = Series::new(Scale::nrs11(), &values, &labels).is_ok();
        // serde_json cannot write NaN or infinities: write them as out-of-range literals.
        let literal = |v: &f64| {
            if v.is_finite() { format!("{v:e}") } else { "1e999".to_string() }
        };
        let json = format!(
            r#"{{"scale": {{"min": 0.0, "max": 10.0, "direction": "lower_is_better"}}, "values": [{}], "phases": [{}], "times": null}}"#,
            values.iter().map(literal).collect::<Vec<_>>().join(", "),
            labels.iter().map(|l| format!("{l:?}")).collect::<Vec<_>>().join(", "),
        );
        let parsed = serde_json::from_str::<Series>(&json);
        prop_assert_eq!(parsed.is_ok(), valid, "{}", json);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn scale_new_validates(min in wild(), max in wild(), d in direction()) {
        match Scale::new(min, max, d) {
            Ok(s) => {
                prop_assert!(min.is_finite() && max.is_finite() && min < max);
                prop_assert!(s.contains(s.best()) && s.contains(s.worst()));
                prop_assert_eq!(s.improvement(min, max), -s.flipped().improvement(min, max));
            }
            Err(_) => prop_assert!(!(min.is_finite() && max.is_finite() && min < max)),
        }
    }

    #[test]
    fn series_runs_partition_the_series(s in valid_series()) {
        let runs = s.runs();
        prop_assert_eq!(runs[0].start, 0);
        prop_assert_eq!(runs[runs.len() - 1].end, s.len());
        for w in runs.windows(2) {
            prop_assert_eq!(w[0].end, w[1].start);
            prop_assert_ne!(&w[0].label, &w[1].label);
        }
        let total: usize = s.labels().iter().map(|l| s.phase_values(l).len()).sum();
        prop_assert_eq!(total, s.len());
    }

    #[test]
    fn from_array_matches_new(s in valid_series()) {
        let view = ndarray::ArrayView1::from(s.values());
        let rebuilt = Series::from_array(*s.scale(), view, s.phases()).unwrap();
        let plain = Series::new(*s.scale(), s.values(), s.phases()).unwrap();
        prop_assert_eq!(&rebuilt, &plain);
        let back = match s.times() {
            Some(t) => rebuilt.with_times(t).unwrap(),
            None => rebuilt,
        };
        prop_assert_eq!(back, s);
    }

    #[test]
    fn with_times_needs_finite_increasing_times(times in proptest::collection::vec(wild(), 1..6)) {
        let values = vec![5.0; times.len()];
        let labels = vec!["A"; times.len()];
        let s = Series::new(Scale::nrs11(), &values, &labels).unwrap();
        let ok = times.iter().all(|t| t.is_finite()) && times.windows(2).all(|w| w[0] < w[1]);
        prop_assert_eq!(s.clone().with_times(&times).is_ok(), ok);
        // A wrong number of times is always an error.
        let mut longer = times.clone();
        longer.push(f64::MAX);
        prop_assert!(s.with_times(&longer).is_err());
    }

    #[test]
    fn series_new_checks_every_value(
        values in proptest::collection::vec(wild(), 0..6),
        lo in -5.0f64..5.0,
        d in direction(),
    ) {
        let scale = Scale::new(lo, lo + 10.0, d).unwrap();
        let labels = vec!["A"; values.len()];
        let ok = !values.is_empty() && values.iter().all(|v| scale.contains(*v));
        prop_assert_eq!(Series::new(scale, &values, &labels).is_ok(), ok);
    }

    /// Every public function of Scale, Series, design and change returns Ok or Err on
    /// arbitrary input, never panics.
    #[test]
    fn nothing_panics(
        min in wild(),
        max in wild(),
        d in direction(),
        values in proptest::collection::vec(wild(), 0..7),
        labels in proptest::collection::vec(label(), 0..7),
        times in proptest::collection::vec(wild(), 0..7),
        x in wild(),
        y in wild(),
        r in wild(),
        sd in wild(),
        lengths in proptest::collection::vec(0usize..4, 0..5),
    ) {
        let scale = Scale::new(min, max, d).unwrap_or(Scale::nrs11());
        let _ = scale.check(&values);
        let _ = scale.improvement(x, y);
        let _ = scale.contains(x);
        let _ = Series::from_array(scale, ndarray::ArrayView1::from(&values[..]), &labels);
        let pairs: Vec<(&str, &[f64])> = labels
            .iter()
            .zip(values.chunks(2))
            .map(|(l, v)| (*l, v))
            .collect();
        let _ = Series::from_phases(scale, &pairs);
        let _ = reliable_change_index(x, r, sd);
        let _ = ReliableChange::new(x, r, sd);
        let _ = PrePostCase::new(scale, x, y).map(|c| c.wwc_check().to_string());
        if let Ok(c) = PrePost::new(x, y, scale) {
            let _ = (c.delta(), c.improvement(), c.percent_improvement(), c.immpact_category());
            let _ = c.immpact_category_with(&ImmpactOptions::new().minimal(r).moderate(sd));
            let _ = (c.farrar_threshold(), c.meets_farrar(), c.to_string());
            let _ = c.reliable_change(r, sd);
            for t in [ResponderThreshold::Percent(r), ResponderThreshold::Points(sd), ResponderThreshold::Farrar2001] {
                let _ = c.responder(t).map(|o| o.to_string());
            }
        }
        let _ = ParallelTrial::new(scale, &values, &times);
        let ab: Vec<[f64; 2]> = values.chunks_exact(2).map(|c| [c[0], c[1]]).collect();
        let ba: Vec<[f64; 2]> = times.chunks_exact(2).map(|c| [c[0], c[1]]).collect();
        let _ = Crossover2x2::new(scale, &ab, &ba);
        if let Ok(s) = Series::new(scale, &values, &labels) {
            let s = s.clone().with_times(&times).unwrap_or(s);
            let _ = (s.runs(), s.labels(), s.times_or_index(), s.two_phases("A", "B"));
            let options = PhaseChangeOptions::new().level(r);
            let _ = PhaseChange::with_options(&s, &options).map(|c| c.to_string());
            let _ = WelchInterval::with_options(&s, &options).map(|w| w.to_string());
            let _ = WelchInterval::new(&s);
            let _ = Trajectory::with_options(&s, &options).map(|t| t.to_string());
            let _ = AreaUnderCurve::with_options(&s, &options).map(|a| a.to_string());
            let _ = AbDesign::new(&s).map(|a| a.wwc_check().to_string());
            let _ = WithdrawalDesign::new(&s).map(|a| a.wwc_check().to_string());
            let _ = AlternatingTreatments::new(&s).map(|a| a.wwc_check().to_string());
            let _ = AlternatingTreatments::with_baseline(&s, "A").map(|a| a.wwc_check().to_string());
            let _ = NOf1Crossover::from_runs(&s, "A", "B").map(|n| n.cent_report().to_string());
            let _ = NOf1Crossover::new(&s, "T", "P", &lengths).map(|n| n.cent_report().to_string());
            let _ = MultipleBaseline::new(&[("one", &s), ("two", &s)]);
        }
    }

    /// The same, with valid series of every shape, so the deeper code paths run too.
    #[test]
    fn nothing_panics_on_valid_series(s in valid_series(), t in valid_series(), level in wild()) {
        let options = PhaseChangeOptions::new().level(level);
        let _ = PhaseChange::with_options(&s, &options);
        let _ = WelchInterval::with_options(&s, &options);
        let _ = WelchInterval::new(&s);
        let _ = Trajectory::new(&s);
        let _ = AreaUnderCurve::new(&s);
        let _ = AbDesign::new(&s).map(|a| a.wwc_check());
        let _ = WithdrawalDesign::new(&s).map(|a| a.wwc_check());
        let _ = AlternatingTreatments::new(&s).map(|a| a.wwc_check());
        let _ = AlternatingTreatments::with_baseline(&s, "A").map(|a| a.wwc_check());
        let _ = NOf1Crossover::from_runs(&s, "A", "B").map(|n| n.cent_report());
        let _ = MultipleBaseline::new(&[("s", &s), ("t", &t)]).map(|m| m.wwc_check());
    }
}
