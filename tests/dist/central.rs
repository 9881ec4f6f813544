//! ncp = 0 against high-precision central values (closed forms, `central.csv` from
//! `gen_central.py`), not against statrs' central distributions (off by up to 2e-8 at df 1e7;
//! 0 for F(1, 1)'s sf at 1e20).

use super::golden::{Worst, rel_err};
use crate::tolerance::DIST_RELATIVE;
use outcome_stats::dist::{NoncentralChiSquared, NoncentralF, NoncentralT};
use statrs::distribution::ContinuousCDF;

#[test]
fn ncp_zero_matches_central_closed_forms() {
    let path = format!(
        "{}/tests/reference/dist/central.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let mut worst = Worst::default();
    let mut n = 0;
    for line in text.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let num = |s: &str| s.parse::<f64>().unwrap();
        let (df1, x, cdf, sf) = (num(f[1]), num(f[3]), num(f[4]), num(f[5]));
        let (c, s) = match f[0] {
            "t" => {
                let d = NoncentralT::new(df1, 0.0).unwrap();
                (d.cdf(x), d.sf(x))
            }
            "chisq" => {
                let d = NoncentralChiSquared::new(df1, 0.0).unwrap();
                (d.cdf(x), d.sf(x))
            }
            _ => {
                let d = NoncentralF::new(df1, num(f[2]), 0.0).unwrap();
                (d.cdf(x), d.sf(x))
            }
        };
        n += 1;
        let e = rel_err(c, cdf).max(rel_err(s, sf));
        worst.add(e, DIST_RELATIVE, || format!("{line}: ours {c:e}, {s:e}"));
    }
    assert!(n >= 100);
    eprintln!("{}", worst.report("central"));
    assert!(worst.err <= DIST_RELATIVE, "{}", worst.report("central"));
}
