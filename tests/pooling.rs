//! Pooling across cases against R metafor 3.8.1 (tests/reference/pooling/gen_pooling.R and
//! pooling_metafor.json): pooled estimate, SE, interval, tau^2, Q, its p-value, I^2, H^2 and
//! the weights, for fixed effect, DerSimonian-Laird and REML with normal and Knapp-Hartung
//! intervals. metafor's REML was run with its convergence threshold tightened to 1e-14 (its
//! default, 1e-5, is looser than these tests), so both sides solve the same REML score equation.

use outcome_stats::Error;
use outcome_stats::effect::{
    Estimate, Method, PoolingInterval, PoolingMethod, PoolingModel, PoolingOptions, TwoByTwo,
    log_risk_ratio, pool, pool_estimates,
};
use proptest::prelude::*;
use serde_json::Value;

use crate::tolerance::{CLOSED_FORM, METAFOR_POOLING};

fn load() -> Value {
    let path = format!(
        "{}/tests/reference/pooling/pooling_metafor.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap()
}

fn vec_of(v: &Value) -> Vec<f64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect()
}

/// Relative closeness, absolute for magnitudes below 1.
fn close(got: f64, want: f64, tol: f64, what: &str) {
    let err = (got - want).abs() / want.abs().max(1.0);
    assert!(err <= tol, "{what}: got {got}, want {want}, error {err:e}");
}

#[test]
fn matches_metafor() {
    let golden = load();
    let fits = golden["fits"].as_array().unwrap();
    assert_eq!(fits.len(), 42);
    for fit in fits {
        let level = fit["level"].as_f64().unwrap();
        let y = vec_of(&fit["y"]);
        let se = vec_of(&fit["se"]);
        let model = match fit["method"].as_str().unwrap() {
            "FE" => PoolingModel::FixedEffect,
            "DL" => PoolingModel::DerSimonianLaird,
            "REML" => PoolingModel::Reml,
            other => panic!("{other}"),
        };
        let interval = match fit["test"].as_str().unwrap() {
            "z" => PoolingInterval::Normal,
            "knha" => PoolingInterval::KnappHartung,
            other => panic!("{other}"),
        };
        let what = format!("{} {:?} {:?} {level}", fit["set"], model, interval);
        let r = pool(
            &y,
            &se,
            PoolingOptions::default()
                .level(level)
                .model(model)
                .interval(interval),
        )
        .unwrap();
        let num = |k: &str| fit[k].as_f64().unwrap();
        let ci = r.pooled.ci.unwrap();
        close(
            r.pooled.value,
            num("estimate"),
            METAFOR_POOLING,
            &format!("{what} estimate"),
        );
        close(
            r.pooled.se.unwrap(),
            num("estimate_se"),
            METAFOR_POOLING,
            &format!("{what} se"),
        );
        close(
            ci.lower,
            num("ci_lower"),
            METAFOR_POOLING,
            &format!("{what} lower"),
        );
        close(
            ci.upper,
            num("ci_upper"),
            METAFOR_POOLING,
            &format!("{what} upper"),
        );
        close(
            r.tau2,
            num("tau2"),
            METAFOR_POOLING,
            &format!("{what} tau2"),
        );
        close(r.q, num("q"), METAFOR_POOLING, &format!("{what} Q"));
        let qp = num("q_p");
        assert!(
            (r.q_p - qp).abs() <= METAFOR_POOLING * qp.max(1e-300),
            "{what} Q p-value: got {}, want {qp}",
            r.q_p
        );
        close(r.i2, num("i2"), METAFOR_POOLING, &format!("{what} I2"));
        close(r.h2, num("h2"), METAFOR_POOLING, &format!("{what} H2"));
        assert_eq!(r.k, y.len());
        assert_eq!(r.q_df, y.len() - 1);
        for (w, want) in r.weights.iter().zip(vec_of(&fit["weights"])) {
            close(*w, want, METAFOR_POOLING, &format!("{what} weight"));
        }
        let expected_method = match model {
            PoolingModel::FixedEffect => PoolingMethod::FixedEffect { interval },
            PoolingModel::DerSimonianLaird => PoolingMethod::DerSimonianLaird { interval },
            PoolingModel::Reml => PoolingMethod::Reml { interval },
        };
        assert_eq!(r.method, expected_method);
        assert_eq!(r.pooled.method, Method::Pooled(expected_method));
    }
}

#[test]
fn dersimonian_laird_i2_is_higgins_thompson() {
    // Under DL with tau^2 > 0, I^2 from tau^2 and the typical variance equals (Q - df) / Q.
    let y = [1.8, 0.4, 2.6, 1.1, -0.2, 3.4];
    let se = [0.45, 0.30, 0.70, 0.38, 0.52, 0.90];
    let r = pool(
        &y,
        &se,
        PoolingOptions::default().model(PoolingModel::DerSimonianLaird),
    )
    .unwrap();
    assert!(r.tau2 > 0.0);
    let df = r.q_df as f64;
    assert!((r.i2 - (r.q - df) / r.q).abs() < CLOSED_FORM);
    assert!((r.h2 - r.q / df).abs() < CLOSED_FORM);
    let total: f64 = r.weights.iter().sum();
    assert!((total - 1.0).abs() < CLOSED_FORM);
}

#[test]
fn single_case_fixed_effect() {
    // metafor: k = 1 under FE gives Q = 0, p = 1, I^2 = 0, H^2 = 1 and the case itself
    let r = pool(
        &[0.3],
        &[0.1],
        PoolingOptions::default().model(PoolingModel::FixedEffect),
    )
    .unwrap();
    assert_eq!(
        (r.q, r.q_p, r.i2, r.h2, r.k, r.q_df),
        (0.0, 1.0, 0.0, 1.0, 1, 0)
    );
    assert!((r.pooled.value - 0.3).abs() < CLOSED_FORM);
    assert!((r.pooled.se.unwrap() - 0.1).abs() < CLOSED_FORM);
}

#[test]
fn pools_estimates_with_standard_errors() {
    let tables = [
        TwoByTwo::new(8, 10, 4, 10).unwrap(),
        TwoByTwo::new(6, 9, 3, 10).unwrap(),
        TwoByTwo::new(7, 12, 5, 11).unwrap(),
    ];
    let lrr: Vec<Estimate> = tables
        .iter()
        .map(|t| log_risk_ratio(t, 0.95).unwrap())
        .collect();
    let a = pool_estimates(&lrr, PoolingOptions::default()).unwrap();
    let y: Vec<f64> = lrr.iter().map(|e| e.value).collect();
    let s: Vec<f64> = lrr.iter().map(|e| e.se.unwrap()).collect();
    let b = pool(&y, &s, PoolingOptions::default()).unwrap();
    assert_eq!(a, b);
    // an estimate without an SE cannot be weighted
    let mut no_se = lrr.clone();
    no_se[1].se = None;
    assert!(matches!(
        pool_estimates(&no_se, PoolingOptions::default()),
        Err(Error::InvalidData { .. })
    ));
}

#[test]
fn bad_input_is_an_error() {
    let o = PoolingOptions::default();
    assert!(matches!(pool(&[], &[], o), Err(Error::Empty { .. })));
    assert!(matches!(
        pool(&[0.1, 0.2], &[0.1], o),
        Err(Error::LengthMismatch { .. })
    ));
    assert!(matches!(
        pool(&[0.1], &[0.1], o),
        Err(Error::InsufficientData { .. })
    ));
    assert!(matches!(
        pool(&[0.1], &[0.1], o.model(PoolingModel::DerSimonianLaird)),
        Err(Error::InsufficientData { .. })
    ));
    assert!(matches!(
        pool(
            &[0.1],
            &[0.1],
            o.model(PoolingModel::FixedEffect)
                .interval(PoolingInterval::KnappHartung)
        ),
        Err(Error::InsufficientData { .. })
    ));
    assert!(matches!(
        pool(&[0.1, f64::NAN], &[0.1, 0.1], o),
        Err(Error::NonFinite { .. })
    ));
    assert!(matches!(
        pool(&[0.1, 0.2], &[0.1, f64::INFINITY], o),
        Err(Error::NonFinite { .. })
    ));
    assert!(matches!(
        pool(&[0.1, 0.2], &[0.1, 0.0], o),
        Err(Error::InvalidData { .. })
    ));
    assert!(matches!(
        pool(&[0.1, 0.2], &[0.1, -0.3], o),
        Err(Error::InvalidData { .. })
    ));
    assert!(matches!(
        pool(&[0.1, 0.2], &[0.1, 1e-200], o),
        Err(Error::InvalidData { .. })
    ));
    // tau^2 (about 2e400) overflows for estimates this far apart: an error, not NaN or inf
    let r = pool(&[1e200, -1e200], &[1.0, 1.0], o);
    assert!(matches!(r, Err(Error::InvalidData { .. })), "{r:?}");
    assert!(
        pool(
            &[1e200, -1e200],
            &[1.0, 1.0],
            o.model(PoolingModel::FixedEffect)
        )
        .is_err()
    );
    for level in [0.0, 1.0, f64::NAN, 2.0] {
        assert!(matches!(
            pool(&[0.1, 0.2], &[0.1, 0.1], o.level(level)),
            Err(Error::InvalidParameter { .. })
        ));
    }
}

fn arb_cases() -> impl Strategy<Value = (Vec<f64>, Vec<f64>)> {
    (2usize..12).prop_flat_map(|k| {
        (
            prop::collection::vec(-5.0f64..5.0, k),
            prop::collection::vec(0.01f64..3.0, k),
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn intervals_contain_the_estimate((y, se) in arb_cases(), level in 0.5f64..0.999) {
        for model in [PoolingModel::FixedEffect, PoolingModel::DerSimonianLaird, PoolingModel::Reml] {
            for interval in [PoolingInterval::Normal, PoolingInterval::KnappHartung] {
                let r = pool(&y, &se, PoolingOptions::default().level(level).model(model).interval(interval)).unwrap();
                let ci = r.pooled.ci.unwrap();
                prop_assert!(ci.contains(r.pooled.value));
                prop_assert!(r.tau2 >= 0.0);
                prop_assert!((0.0..=1.0).contains(&r.i2));
                prop_assert!(r.q_p >= 0.0 && r.q_p <= 1.0);
                let lo = y.iter().cloned().fold(f64::INFINITY, f64::min);
                let hi = y.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
                prop_assert!(r.pooled.value >= lo - 1e-12 && r.pooled.value <= hi + 1e-12);
            }
        }
    }

    #[test]
    fn random_effects_interval_is_no_narrower((y, se) in arb_cases()) {
        let fe = pool(&y, &se, PoolingOptions::default().model(PoolingModel::FixedEffect)).unwrap();
        let dl = pool(&y, &se, PoolingOptions::default().model(PoolingModel::DerSimonianLaird)).unwrap();
        prop_assert!(dl.pooled.se.unwrap() >= fe.pooled.se.unwrap() * (1.0 - 1e-12));
    }

    #[test]
    fn no_panic_on_arbitrary_input(y in prop::collection::vec(any::<f64>(), 0..6),
                                   se in prop::collection::vec(any::<f64>(), 0..6),
                                   level in any::<f64>()) {
        for model in [PoolingModel::FixedEffect, PoolingModel::DerSimonianLaird, PoolingModel::Reml] {
            for interval in [PoolingInterval::Normal, PoolingInterval::KnappHartung] {
                if let Ok(r) = pool(&y, &se, PoolingOptions::default().level(level).model(model).interval(interval)) {
                    prop_assert!(r.pooled.value.is_finite() && r.tau2.is_finite());
                }
            }
        }
    }
}
