//! NoncentralT against the mpmath golden grid, plus invariants.

use super::golden::{Worst, read, rel_err};
use crate::tolerance::DIST_RELATIVE;
use outcome_stats::dist::NoncentralT;
use statrs::distribution::{Continuous, ContinuousCDF};

#[test]
fn golden_grid_cdf_sf_pdf() {
    let rows = read("noncentral_t.csv", 3);
    assert!(rows.len() > 100, "golden grid too small: {}", rows.len());
    let (mut wc, mut ws, mut wp) = (Worst::default(), Worst::default(), Worst::default());
    for r in &rows {
        let (df, ncp, x) = (r.params[0], r.params[1], r.params[2]);
        let t = NoncentralT::new(df, ncp).unwrap();
        let (c, s, p) = (t.cdf(x), t.sf(x), t.pdf(x));
        let case = |what: &str, got: f64, want: f64| {
            format!("{what}(x = {x:e}; df = {df:e}, ncp = {ncp}) = {got:e}, mpmath {want:e}")
        };
        if std::env::var("DIST_DUMP").is_ok() {
            for (w, g, v) in [("cdf", c, r.values[0]), ("sf", s, r.values[1]), ("pdf", p, r.values[2])] {
                if rel_err(g, v) > DIST_RELATIVE {
                    eprintln!("DUMP {w} df={df} ncp={ncp} x={x} got={g:e} want={v:e} err={:.2e}", rel_err(g, v));
                }
            }
        }
        wc.add(rel_err(c, r.values[0]), DIST_RELATIVE, || case("cdf", c, r.values[0]));
        ws.add(rel_err(s, r.values[1]), DIST_RELATIVE, || case("sf", s, r.values[1]));
        wp.add(rel_err(p, r.values[2]), DIST_RELATIVE, || case("pdf", p, r.values[2]));
    }
    let report = [wc.report("cdf"), ws.report("sf"), wp.report("pdf")].join("\n");
    eprintln!("{report}");
    assert!(
        wc.err <= DIST_RELATIVE && ws.err <= DIST_RELATIVE && wp.err <= DIST_RELATIVE,
        "{report}"
    );
}
