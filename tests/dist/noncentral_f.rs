//! NoncentralF against the mpmath golden grid, plus invariants.

use super::golden::{Worst, read, rel_err};
use crate::tolerance::{DIST_CDF_PLUS_SF, DIST_F_LARGE_DF, DIST_RELATIVE};
use outcome_stats::dist::NoncentralF;
use proptest::prelude::*;
use statrs::distribution::{Continuous, ContinuousCDF};
use statrs::statistics::Distribution;

#[test]
fn golden_grid_cdf_sf_pdf() {
    let rows = read("noncentral_f.csv", 4);
    assert!(rows.len() > 900, "golden grid too small: {}", rows.len());
    let (mut wc, mut ws, mut wp) = (Worst::default(), Worst::default(), Worst::default());
    let (mut small, mut large) = (Worst::default(), Worst::default());
    for r in &rows {
        let (df1, df2, ncp, x) = (r.params[0], r.params[1], r.params[2], r.params[3]);
        let d = NoncentralF::new(df1, df2, ncp).unwrap();
        let (c, s, p) = (d.cdf(x), d.sf(x), d.pdf(x));
        // Documented limitation: with a degree of freedom of 1e5 or more the continued
        // fraction of the incomplete beta works near its transition point and loses digits.
        let tol = if df1.max(df2) >= 1e5 {
            DIST_F_LARGE_DF
        } else {
            DIST_RELATIVE
        };
        if std::env::var("DIST_DUMP").is_ok() {
            for (w, g, v) in [
                ("cdf", c, r.values[0]),
                ("sf", s, r.values[1]),
                ("pdf", p, r.values[2]),
            ] {
                if rel_err(g, v) > tol / 100.0 {
                    eprintln!(
                        "DUMP {w} df1={df1} df2={df2} ncp={ncp} x={x} got={g:e} want={v:e} err={:.2e}",
                        rel_err(g, v)
                    );
                }
            }
        }
        let case = |what: &str, got: f64, want: f64| {
            format!(
                "{what}(x = {x:e}; df1 = {df1:e}, df2 = {df2:e}, ncp = {ncp}) = {got:e}, mpmath {want:e}"
            )
        };
        // Errors are reported scaled to DIST_RELATIVE (the raw error times DIST_RELATIVE / tol).
        let k = DIST_RELATIVE / tol;
        wc.add(k * rel_err(c, r.values[0]), DIST_RELATIVE, || {
            case("cdf", c, r.values[0])
        });
        ws.add(k * rel_err(s, r.values[1]), DIST_RELATIVE, || {
            case("sf", s, r.values[1])
        });
        wp.add(k * rel_err(p, r.values[2]), DIST_RELATIVE, || {
            case("pdf", p, r.values[2])
        });
        if df1.max(df2) < 1e5 {
            small.add(
                rel_err(c, r.values[0])
                    .max(rel_err(s, r.values[1]))
                    .max(rel_err(p, r.values[2])),
                DIST_RELATIVE,
                || case("cdf/sf/pdf", c, r.values[0]),
            );
        } else {
            large.add(
                rel_err(c, r.values[0])
                    .max(rel_err(s, r.values[1]))
                    .max(rel_err(p, r.values[2])),
                DIST_F_LARGE_DF,
                || case("cdf/sf/pdf", c, r.values[0]),
            );
        }
    }
    let report = [
        wc.report("cdf (scaled)"),
        ws.report("sf (scaled)"),
        wp.report("pdf (scaled)"),
        small.report("df1, df2 < 1e5 (raw)"),
        large.report("max(df1, df2) >= 1e5 (raw)"),
    ]
    .join("\n");
    eprintln!("{report}");
    assert!(
        wc.err <= DIST_RELATIVE && ws.err <= DIST_RELATIVE && wp.err <= DIST_RELATIVE,
        "{report}"
    );
}

#[test]
fn quantile_round_trips() {
    let mut worst = Worst::default();
    for &(df1, df2) in &[
        (0.5, 2.0),
        (1.0, 5.0),
        (3.0, 30.0),
        (10.0, 1000.0),
        (1e5, 1e7),
        (1e7, 30.0),
    ] {
        for &ncp in &[0.0, 1e-8, 2.0, 37.62, 100.0] {
            let d = NoncentralF::new(df1, df2, ncp).unwrap();
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
                    assert!(
                        d.cdf(f64::MIN_POSITIVE) >= p,
                        "df {df1},{df2} ncp {ncp} p {p}"
                    );
                    continue;
                }
                if q == f64::INFINITY {
                    assert!(d.sf(f64::MAX) >= 1.0 - p, "df {df1},{df2} ncp {ncp} p {p}");
                    continue;
                }
                let (got, want) = if p > 0.5 {
                    (d.sf(q), 1.0 - p)
                } else {
                    (d.cdf(q), p)
                };
                let dens = d.pdf(q) * q / want;
                let tol = if df1.max(df2) >= 1e5 {
                    DIST_F_LARGE_DF
                } else {
                    DIST_RELATIVE
                };
                let allowed = tol.max(4.0 * f64::EPSILON * dens);
                worst.add(
                    rel_err(got, want) / allowed * DIST_RELATIVE,
                    DIST_RELATIVE,
                    || format!("p = {p:e}, df = {df1},{df2}, ncp = {ncp}: q = {q:e}, back {got:e}"),
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
    assert!(NoncentralF::new(0.0, 1.0, 1.0).is_err());
    assert!(NoncentralF::new(1.0, -1.0, 1.0).is_err());
    assert!(NoncentralF::new(1.0, 1.0, -1.0).is_err());
    assert!(NoncentralF::new(1.0, 1.0, f64::INFINITY).is_err());
    let d = NoncentralF::new(4.0, 10.0, 2.0).unwrap();
    assert!((d.mean().unwrap() - 10.0 * 6.0 / (4.0 * 8.0)).abs() < 1e-15);
    assert_eq!(NoncentralF::new(4.0, 2.0, 2.0).unwrap().mean(), None);
    assert_eq!(NoncentralF::new(4.0, 4.0, 2.0).unwrap().variance(), None);
    assert!(d.cdf(f64::NAN).is_nan() && d.inverse_cdf(f64::NAN).is_nan());
    assert!(d.try_inverse_cdf(-1.0).is_err());
    // statrs' central F returns 0 for F(1, 1)'s sf at 1e20; the truth is 2/pi * 1e-10.
    let f11 = NoncentralF::new(1.0, 1.0, 0.0).unwrap();
    let want = 2.0 / std::f64::consts::PI * 1e-10;
    assert!(rel_err(f11.sf(1e20), want) < 1e-9, "{:e}", f11.sf(1e20));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn invariants(df1 in 0.5f64..500.0, df2 in 0.5f64..500.0, ncp in 0.0f64..100.0,
                  x in 0.0f64..50.0, dx in 0.0f64..5.0) {
        let d = NoncentralF::new(df1, df2, ncp).unwrap();
        let (c, s) = (d.cdf(x), d.sf(x));
        prop_assert!((c + s - 1.0).abs() <= DIST_CDF_PLUS_SF, "cdf + sf - 1 = {}", c + s - 1.0);
        prop_assert!(d.cdf(x + dx) >= c * (1.0 - 1e-13));
        let d2 = NoncentralF::new(df1, df2, ncp + 0.5).unwrap();
        prop_assert!(d2.cdf(x) <= c * (1.0 + 1e-12) + 1e-300);
    }
}

proptest! {
    // Arbitrary f64 parameters reach the slowest corners (up to ~1 s each in release).
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn never_panics(df1 in proptest::num::f64::ANY, df2 in proptest::num::f64::ANY,
                    ncp in proptest::num::f64::ANY, x in proptest::num::f64::ANY,
                    p in proptest::num::f64::ANY) {
        if let Ok(d) = NoncentralF::new(df1, df2, ncp) {
            let _ = (d.cdf(x), d.sf(x), d.pdf(x), d.ln_pdf(x), d.try_inverse_cdf(p));
        }
    }
}
