//! NoncentralT against the mpmath golden grid, plus invariants.

use super::golden::{Worst, read, rel_err};
use crate::tolerance::{DIST_CDF_PLUS_SF, DIST_RELATIVE};
use outcome_stats::dist::NoncentralT;
use proptest::prelude::*;
use statrs::distribution::{Continuous, ContinuousCDF};
use statrs::statistics::Distribution;

#[test]
fn golden_grid_cdf_sf_pdf() {
    let rows = read("noncentral_t.csv", 3);
    assert!(rows.len() > 1500, "golden grid too small: {}", rows.len());
    let (mut wc, mut ws, mut wp) = (Worst::default(), Worst::default(), Worst::default());
    for r in &rows {
        let (df, ncp, x) = (r.params[0], r.params[1], r.params[2]);
        let t = NoncentralT::new(df, ncp).unwrap();
        let (c, s, p) = (t.cdf(x), t.sf(x), t.pdf(x));
        let case = |what: &str, got: f64, want: f64| {
            format!("{what}(x = {x:e}; df = {df:e}, ncp = {ncp}) = {got:e}, mpmath {want:e}")
        };
        if std::env::var("DIST_DUMP").is_ok() {
            for (w, g, v) in [
                ("cdf", c, r.values[0]),
                ("sf", s, r.values[1]),
                ("pdf", p, r.values[2]),
            ] {
                if rel_err(g, v) > DIST_RELATIVE / 100.0 {
                    eprintln!(
                        "DUMP {w} df={df} ncp={ncp} x={x} got={g:e} want={v:e} err={:.2e}",
                        rel_err(g, v)
                    );
                }
            }
        }
        wc.add(rel_err(c, r.values[0]), DIST_RELATIVE, || {
            case("cdf", c, r.values[0])
        });
        ws.add(rel_err(s, r.values[1]), DIST_RELATIVE, || {
            case("sf", s, r.values[1])
        });
        wp.add(rel_err(p, r.values[2]), DIST_RELATIVE, || {
            case("pdf", p, r.values[2])
        });
    }
    let report = [wc.report("cdf"), ws.report("sf"), wp.report("pdf")].join("\n");
    eprintln!("{report}");
    assert!(
        wc.err <= DIST_RELATIVE && ws.err <= DIST_RELATIVE && wp.err <= DIST_RELATIVE,
        "{report}"
    );
}

/// The example: R's pt(-1, 3, 10) returns 0; the truth is about 5.0e-26.
#[test]
fn far_lower_tail_r_returns_zero() {
    let t = NoncentralT::new(3.0, 10.0).unwrap();
    let v = t.cdf(-1.0);
    // mpmath (gen_noncentral_t.py, integral and series agree to 1e-30): 5.0e-26 to 2 digits.
    assert!(v > 4.9e-26 && v < 5.1e-26, "{v:e}");
}

#[test]
fn quantile_round_trips_across_the_grid() {
    let mut worst = super::golden::Worst::default();
    for &df in &[0.5, 1.0, 3.0, 10.0, 100.0, 1e5, 1e7] {
        for &ncp in &[-50.0, -5.0, 0.0, 1e-8, 2.0, 37.62, 50.0] {
            let t = NoncentralT::new(df, ncp).unwrap();
            for &p in &[
                1e-300,
                1e-100,
                1e-12,
                1e-3,
                0.3,
                0.5,
                0.9,
                1.0 - 1e-9,
                1.0 - 1e-16,
            ] {
                let q = t.inverse_cdf(p);
                if !q.is_finite() {
                    // Documented: the quantile is beyond the f64 range (heavy tails, small df).
                    let far = if p < 0.5 {
                        t.cdf(-f64::MAX)
                    } else {
                        t.sf(f64::MAX)
                    };
                    let target = if p < 0.5 { p } else { 1.0 - p };
                    assert!(
                        far >= target,
                        "df {df} ncp {ncp} p {p}: q = {q} but tail at the end is {far:e}"
                    );
                    continue;
                }
                let (got, want) = if p > 0.5 {
                    (t.sf(q), 1.0 - p)
                } else {
                    (t.cdf(q), p)
                };
                let err = rel_err(got, want);
                // Where the cdf is steep, a few ulps of q move p by more than 1e-12.
                let dens = t.pdf(q) * q.abs().max(f64::MIN_POSITIVE) / want;
                let allowed = DIST_RELATIVE.max(4.0 * f64::EPSILON * dens);
                worst.add(err / allowed * DIST_RELATIVE, DIST_RELATIVE, || {
                    format!("p = {p:e}, df = {df}, ncp = {ncp}: q = {q:e}, back {got:e}")
                });
            }
        }
    }
    eprintln!("{}", worst.report("quantile round trip (scaled)"));
    assert!(
        worst.err <= DIST_RELATIVE,
        "{}",
        worst.report("quantile round trip")
    );
}

#[test]
fn infinite_df_is_normal_and_bad_input() {
    let t = NoncentralT::new(f64::INFINITY, 1.5).unwrap();
    assert!((t.cdf(1.5) - 0.5).abs() < 1e-16);
    assert_eq!(t.mean(), Some(1.5));
    assert!(NoncentralT::new(f64::NAN, 1.0).is_err());
    assert!(NoncentralT::new(-1.0, 1.0).is_err());
    assert!(NoncentralT::new(1.0, f64::INFINITY).is_err());
    let t = NoncentralT::new(5.0, 1.0).unwrap();
    assert!(t.cdf(f64::NAN).is_nan() && t.sf(f64::NAN).is_nan() && t.pdf(f64::NAN).is_nan());
    assert!(t.inverse_cdf(1.5).is_nan() && t.inverse_cdf(f64::NAN).is_nan());
    assert!(t.try_inverse_cdf(-0.1).is_err());
    assert_eq!(t.inverse_cdf(0.0), f64::NEG_INFINITY);
    assert_eq!(t.inverse_cdf(1.0), f64::INFINITY);
    assert_eq!(NoncentralT::new(1.0, 0.0).unwrap().mean(), None);
    assert_eq!(NoncentralT::new(2.0, 0.0).unwrap().variance(), None);
}

#[test]
fn moments_match_closed_forms() {
    // mpmath at 30 digits from the closed forms
    // mean = ncp sqrt(df/2) Gamma((df-1)/2) / Gamma(df/2), var = df (1 + ncp^2)/(df - 2) - mean^2.
    let t = NoncentralT::new(10.0, 2.0).unwrap();
    assert!((t.mean().unwrap() / 2.167_444_615_878_287_3 - 1.0).abs() < 1e-14);
    // 6.25 - mean^2 cancels by a factor of 4: about 1e-14.
    assert!((t.variance().unwrap() / 1.552_183_837_100_223_7 - 1.0).abs() < 5e-14);
    let t = NoncentralT::new(1e7, 10.0).unwrap();
    assert!((t.mean().unwrap() / 10.000_000_750_000_078 - 1.0).abs() < 1e-15);
    assert!((t.variance().unwrap() / 1.000_005_200_001_915 - 1.0).abs() < 1e-14);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn invariants(df in 0.5f64..2000.0, ncp in -40.0f64..40.0, x in -80.0f64..80.0, dx in 0.0f64..5.0) {
        let t = NoncentralT::new(df, ncp).unwrap();
        let (c, s) = (t.cdf(x), t.sf(x));
        prop_assert!((c + s - 1.0).abs() <= DIST_CDF_PLUS_SF, "cdf + sf - 1 = {}", c + s - 1.0);
        prop_assert!(t.cdf(x + dx) >= c * (1.0 - 1e-13));
        // cdf non-increasing in ncp
        let t2 = NoncentralT::new(df, ncp + 0.5).unwrap();
        prop_assert!(t2.cdf(x) <= c * (1.0 + 1e-12) + 1e-300);
        // P(T <= x; ncp) = P(T >= -x; -ncp)
        let tm = NoncentralT::new(df, -ncp).unwrap();
        prop_assert!(rel_err(tm.sf(-x), c) <= 1e-14 || (c < 1e-300 && tm.sf(-x) < 1e-300));
    }

    #[test]
    fn central_case_matches_students_t_in_the_bulk(df in 1.0f64..100.0, x in -5.0f64..5.0) {
        // statrs' StudentsT is accurate to ~1e-10 for moderate df; the golden grid holds the
        // high-precision central values (ncp = 0 rows).
        let t = NoncentralT::new(df, 0.0).unwrap();
        let s = statrs::distribution::StudentsT::new(0.0, 1.0, df).unwrap();
        prop_assert!((t.cdf(x) - s.cdf(x)).abs() < 1e-9);
    }
}

proptest! {
    // Arbitrary f64 parameters reach the slowest corners (up to ~1 s each in release).
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn never_panics(df in proptest::num::f64::ANY, ncp in proptest::num::f64::ANY,
                    x in proptest::num::f64::ANY, p in proptest::num::f64::ANY) {
        if let Ok(t) = NoncentralT::new(df, ncp) {
            let _ = (t.cdf(x), t.sf(x), t.pdf(x), t.ln_pdf(x), t.mean(), t.variance());
            let _ = t.try_inverse_cdf(p);
            let _ = t.inverse_cdf(p);
        }
    }
}
