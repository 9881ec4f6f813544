//! NoncentralChiSquared against the mpmath golden grid, plus invariants.

use super::golden::{Worst, read, rel_err};
use crate::tolerance::{DIST_CDF_PLUS_SF, DIST_RELATIVE};
use outcome_stats::dist::NoncentralChiSquared;
use proptest::prelude::*;
use statrs::distribution::{Continuous, ContinuousCDF};
use statrs::statistics::Distribution;

#[test]
fn golden_grid_cdf_sf_pdf() {
    let rows = read("noncentral_chi_squared.csv", 3);
    assert!(rows.len() > 900, "golden grid too small: {}", rows.len());
    let (mut wc, mut ws, mut wp) = (Worst::default(), Worst::default(), Worst::default());
    for r in &rows {
        let (df, ncp, x) = (r.params[0], r.params[1], r.params[2]);
        let d = NoncentralChiSquared::new(df, ncp).unwrap();
        let (c, s, p) = (d.cdf(x), d.sf(x), d.pdf(x));
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
        let case = |what: &str, got: f64, want: f64| {
            format!("{what}(x = {x:e}; df = {df:e}, ncp = {ncp}) = {got:e}, mpmath {want:e}")
        };
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

#[test]
fn quantile_round_trips() {
    let mut worst = Worst::default();
    for &df in &[0.5, 1.0, 3.0, 10.0, 100.0, 1e5, 1e7] {
        for &ncp in &[0.0, 1e-8, 2.0, 37.62, 100.0] {
            let d = NoncentralChiSquared::new(df, ncp).unwrap();
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
                let q = d.inverse_cdf(p);
                if q == 0.0 {
                    // Documented: below the smallest positive f64 (small df).
                    assert!(d.cdf(f64::MIN_POSITIVE) >= p, "df {df} ncp {ncp} p {p}");
                    continue;
                }
                let (got, want) = if p > 0.5 {
                    (d.sf(q), 1.0 - p)
                } else {
                    (d.cdf(q), p)
                };
                let dens = d.pdf(q) * q / want;
                let allowed = DIST_RELATIVE.max(4.0 * f64::EPSILON * dens);
                worst.add(
                    rel_err(got, want) / allowed * DIST_RELATIVE,
                    DIST_RELATIVE,
                    || format!("p = {p:e}, df = {df}, ncp = {ncp}: q = {q:e}, back {got:e}"),
                );
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
fn bad_input_and_moments() {
    assert!(NoncentralChiSquared::new(0.0, 1.0).is_err());
    assert!(NoncentralChiSquared::new(f64::INFINITY, 1.0).is_err());
    assert!(NoncentralChiSquared::new(1.0, -1e-300).is_err());
    assert!(NoncentralChiSquared::new(1.0, f64::NAN).is_err());
    let d = NoncentralChiSquared::new(4.0, 3.0).unwrap();
    assert_eq!(d.mean(), Some(7.0));
    assert_eq!(d.variance(), Some(20.0));
    assert!(d.cdf(f64::NAN).is_nan() && d.inverse_cdf(-0.5).is_nan());
    assert!(d.try_inverse_cdf(2.0).is_err());
    assert_eq!((d.cdf(-1.0), d.sf(-1.0), d.pdf(-1.0)), (0.0, 1.0, 0.0));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn invariants(df in 0.5f64..2000.0, ncp in 0.0f64..100.0, x in 0.0f64..3000.0, dx in 0.0f64..5.0) {
        let d = NoncentralChiSquared::new(df, ncp).unwrap();
        let (c, s) = (d.cdf(x), d.sf(x));
        prop_assert!((c + s - 1.0).abs() <= DIST_CDF_PLUS_SF, "cdf + sf - 1 = {}", c + s - 1.0);
        prop_assert!(d.cdf(x + dx) >= c * (1.0 - 1e-13));
        let d2 = NoncentralChiSquared::new(df, ncp + 0.5).unwrap();
        prop_assert!(d2.cdf(x) <= c * (1.0 + 1e-12) + 1e-300);
    }
}

proptest! {
    // Arbitrary f64 parameters reach the slowest corners (up to ~1 s each in release).
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn never_panics(df in proptest::num::f64::ANY, ncp in proptest::num::f64::ANY,
                    x in proptest::num::f64::ANY, p in proptest::num::f64::ANY) {
        if let Ok(d) = NoncentralChiSquared::new(df, ncp) {
            let _ = (d.cdf(x), d.sf(x), d.pdf(x), d.ln_pdf(x), d.try_inverse_cdf(p));
        }
    }
}
