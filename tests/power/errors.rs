//! Impossible requests and bad input get specific errors.

use outcome_stats::power::{
    Ancova, Crossover2x2, NOf1Series, ProportionTest, TTest, TwoProportions,
};
use outcome_stats::{Alternative, Error};

fn invalid(r: Result<impl std::fmt::Debug, Error>, name: &str) {
    match r {
        Err(Error::InvalidParameter { name: n, .. }) => assert_eq!(n, name),
        other => panic!("expected InvalidParameter({name}), got {other:?}"),
    }
}

#[test]
fn settings_are_validated_when_asked() {
    let t = TTest::two_sample();
    invalid(t.alpha(0.0).power(0.5, 20), "alpha");
    invalid(t.alpha(1.0).power(0.5, 20), "alpha");
    invalid(t.alpha(f64::NAN).sample_size(0.5, 0.8), "alpha");
    invalid(t.dropout(1.0).sample_size(0.5, 0.8), "dropout");
    invalid(t.dropout(-0.1).sample_size(0.5, 0.8), "dropout");
    invalid(t.ratio(0.0).power(0.5, 20), "ratio");
    invalid(t.ratio(-2.0).power(0.5, 20), "ratio");
    invalid(t.ratio(f64::NAN).power(0.5, 20), "ratio");
    invalid(t.power(f64::NAN, 20), "effect");
    invalid(t.power(f64::INFINITY, 20), "effect");
}

#[test]
fn impossible_requests() {
    let t = TTest::two_sample();
    // target power not above the test's size, or outside (0, 1)
    invalid(t.sample_size(0.5, 0.05), "target_power");
    invalid(t.sample_size(0.5, 0.01), "target_power");
    invalid(t.sample_size(0.5, 1.0), "target_power");
    invalid(t.min_detectable_effect(20, 0.04), "target_power");
    // zero effect; wrong sign for a one-sided alternative
    invalid(t.sample_size(0.0, 0.8), "effect");
    invalid(
        t.alternative(Alternative::Greater).sample_size(-0.5, 0.8),
        "effect",
    );
    invalid(
        t.alternative(Alternative::Less).sample_size(0.5, 0.8),
        "effect",
    );
    // two-sided accepts either sign and gives the same n
    assert_eq!(
        t.sample_size(-0.5, 0.8).unwrap().n,
        t.sample_size(0.5, 0.8).unwrap().n
    );
    // n below the design's minimum
    assert!(matches!(
        t.power(0.5, 1),
        Err(Error::InsufficientData {
            needed: 2,
            got: 1,
            ..
        })
    ));
    assert!(matches!(
        t.ratio(0.25).power(0.5, 4),
        Err(Error::InsufficientData {
            needed: 5,
            got: 4,
            ..
        })
    ));
    assert!(matches!(
        Crossover2x2::with_correlation(0.5).power(0.5, 2),
        Err(Error::InsufficientData { needed: 4, .. })
    ));
    assert!(matches!(
        Crossover2x2::with_correlation(0.5).power(0.5, 7),
        Err(Error::InvalidDesign { .. })
    ));
    // unreachable within n <= 10^7
    assert!(matches!(
        t.sample_size(1e-4, 0.9),
        Err(Error::Unattainable { .. })
    ));
    // a responder rate cannot exceed 1: power 0.99 unreachable by any effect at n = 5
    assert!(matches!(
        TwoProportions::new(0.8).min_detectable_effect(5, 0.99),
        Err(Error::Unattainable { .. })
    ));
}

#[test]
fn design_parameters_are_validated() {
    invalid(Ancova::new(1.0).power(0.5, 20), "correlation");
    invalid(Ancova::new(-1.0).power(0.5, 20), "correlation");
    invalid(Ancova::new(f64::NAN).power(0.5, 20), "correlation");
    invalid(
        Crossover2x2::with_correlation(1.0).power(0.5, 20),
        "correlation",
    );
    invalid(
        Crossover2x2::with_within_sd(0.0).power(0.5, 20),
        "within_sd",
    );
    invalid(
        Crossover2x2::with_within_sd(-1.0).power(0.5, 20),
        "within_sd",
    );
    invalid(NOf1Series::new(0, 0.5, 0.1).power(0.5, 20), "cycles");
    invalid(NOf1Series::new(2, 0.0, 0.1).power(0.5, 20), "within_sd");
    invalid(NOf1Series::new(2, 0.5, -0.1).power(0.5, 20), "effect_sd");
    invalid(TwoProportions::new(0.0).power(0.1, 20), "control_rate");
    invalid(TwoProportions::new(1.0).power(0.1, 20), "control_rate");
    invalid(TwoProportions::new(0.3).power(0.7, 20), "effect");
    invalid(TwoProportions::new(0.3).power(-0.3, 20), "effect");
    invalid(
        TwoProportions::new(0.3)
            .test(ProportionTest::FisherExact)
            .power(0.2, 501),
        "n",
    );
}

#[test]
fn error_messages_say_what_was_expected() {
    let e = TTest::two_sample().alpha(1.5).power(0.5, 20).unwrap_err();
    assert_eq!(e.to_string(), "alpha must be in (0, 1), got 1.5");
    let e = TTest::two_sample().sample_size(0.0, 0.8).unwrap_err();
    assert!(e.to_string().starts_with("effect must be non-zero"));
}

#[test]
fn fisher_scan_stops_at_its_cap() {
    // About 800 per group would be needed (normal approximation): beyond the scan's cap.
    let d = TwoProportions::new(0.5).test(ProportionTest::FisherExact);
    let started = std::time::Instant::now();
    match d.sample_size(0.07, 0.8) {
        Err(Error::Unattainable { reason }) => assert!(reason.contains("500"), "{reason}"),
        other => panic!("{other:?}"),
    }
    eprintln!("Fisher scan to the cap took {:?}", started.elapsed());
}

#[test]
fn extreme_rates_do_not_panic() {
    for rate in [1e-15, 1.0 - 1e-15, 0.5] {
        for test in [
            ProportionTest::NormalPooled,
            ProportionTest::NormalPooledContinuity,
            ProportionTest::CohenH,
            ProportionTest::FisherExact,
        ] {
            let d = TwoProportions::new(rate).test(test);
            let _ = d.min_detectable_effect(10, 0.8);
            let _ = d.power(1e-16, 10);
            let _ = d.power(-rate * 0.999_999, 10);
        }
    }
}

#[test]
fn dropout_near_one_saturates() {
    let s = TTest::two_sample()
        .ratio(1e6)
        .dropout(1.0 - 1e-16)
        .sample_size(0.5, 0.8)
        .unwrap();
    assert_eq!(s.total_enrolled, usize::MAX);
}
