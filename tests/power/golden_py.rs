//! Golden files from Python (mpmath, scipy) for the designs R has no reference for.

use super::{Row, read_csv};
use crate::tolerance::POWER_GOLDEN;
use outcome_stats::power::{
    Ancova, Crossover2x2, NOf1Series, ProportionTest, SampleSize, TwoProportions,
};

/// The continuous-outcome design a row describes.
enum Cont {
    Anc(Ancova),
    Cross(Crossover2x2),
    NOf1(NOf1Series),
}

impl Cont {
    fn from_row(r: &Row<'_>) -> Cont {
        let (alpha, alt) = (r.f("alpha"), r.alt());
        match r.s("design") {
            "ancova" => Cont::Anc(
                Ancova::new(r.f("correlation"))
                    .ratio(r.f("ratio"))
                    .alpha(alpha)
                    .alternative(alt),
            ),
            "crossover" => Cont::Cross(
                match r.opt("correlation") {
                    Some(rho) => Crossover2x2::with_correlation(rho),
                    None => Crossover2x2::with_within_sd(r.f("within_sd")),
                }
                .alpha(alpha)
                .alternative(alt),
            ),
            "nof1" => Cont::NOf1(
                NOf1Series::new(r.n("cycles"), r.f("within_sd"), r.f("effect_sd"))
                    .alpha(alpha)
                    .alternative(alt),
            ),
            other => panic!("design {other}"),
        }
    }

    fn power(&self, e: f64, n: usize) -> f64 {
        match self {
            Cont::Anc(d) => d.power(e, n),
            Cont::Cross(d) => d.power(e, n),
            Cont::NOf1(d) => d.power(e, n),
        }
        .unwrap()
    }

    fn sample_size(&self, e: f64, t: f64) -> SampleSize {
        match self {
            Cont::Anc(d) => d.sample_size(e, t),
            Cont::Cross(d) => d.sample_size(e, t),
            Cont::NOf1(d) => d.sample_size(e, t),
        }
        .unwrap()
    }
}

#[test]
fn ancova_crossover_nof1_power_match_mpmath() {
    let (h, rows) = read_csv("py_t_designs_power.csv");
    assert!(rows.len() > 500);
    let mut worst: f64 = 0.0;
    for cells in &rows {
        let r = Row::new(&h, cells);
        let got = Cont::from_row(&r).power(r.f("d"), r.n("n"));
        let err = (got - r.f("power")).abs();
        worst = worst.max(err);
        assert!(err <= POWER_GOLDEN, "{cells:?}: got {got}");
    }
    eprintln!("ANCOVA / crossover / N-of-1 power: worst abs error {worst:e}");
}

#[test]
fn ancova_crossover_nof1_sample_sizes_match_integer_scan() {
    let (h, rows) = read_csv("py_t_designs_sample_size.csv");
    assert!(rows.len() > 100);
    for cells in &rows {
        let r = Row::new(&h, cells);
        let s = Cont::from_row(&r).sample_size(r.f("d"), r.f("target"));
        let (n, p, prev) = (s.n, s.achieved_power, s.power_at_previous);
        assert_eq!(n, r.n("n"), "{cells:?}");
        assert!((p - r.f("power_at_n")).abs() <= POWER_GOLDEN, "{cells:?}");
        match (prev, r.opt("power_prev")) {
            (Some(a), Some(b)) => assert!((a - b).abs() <= POWER_GOLDEN, "{cells:?}"),
            (None, None) => {}
            other => panic!("{cells:?}: {other:?}"),
        }
    }
}

fn proportions(r: &Row<'_>, test: ProportionTest) -> TwoProportions {
    TwoProportions::new(r.f("p_control"))
        .ratio(r.f("ratio"))
        .test(test)
        .alpha(r.f("alpha"))
        .alternative(r.alt())
}

#[test]
fn continuity_corrected_proportions_match_mpmath() {
    let (h, rows) = read_csv("py_prop_cc_power.csv");
    assert!(rows.len() > 1000);
    for cells in &rows {
        let r = Row::new(&h, cells);
        let got = proportions(&r, ProportionTest::NormalPooledContinuity)
            .power(r.f("effect"), r.n("n"))
            .unwrap();
        assert!(
            (got - r.f("power")).abs() <= POWER_GOLDEN,
            "{cells:?}: got {got}"
        );
    }
    let (h, rows) = read_csv("py_prop_cc_sample_size.csv");
    for cells in &rows {
        let r = Row::new(&h, cells);
        let s = proportions(&r, ProportionTest::NormalPooledContinuity)
            .sample_size(r.f("effect"), r.f("target"))
            .unwrap();
        assert_eq!(s.n, r.n("n"), "{cells:?}");
        assert!((s.achieved_power - r.f("power_at_n")).abs() <= POWER_GOLDEN);
        // Fleiss, Levin & Paik's closed form is an approximate inverse: within a few patients.
        let flp = r.n("n_flp");
        assert!(s.n.abs_diff(flp) <= 2 + flp / 100, "{cells:?}: FLP {flp}");
    }
}

#[test]
fn pooled_proportions_with_unequal_groups_match_mpmath() {
    let (h, rows) = read_csv("py_prop_pooled_unequal.csv");
    assert!(rows.len() > 300);
    for cells in &rows {
        let r = Row::new(&h, cells);
        let got = proportions(&r, ProportionTest::NormalPooled)
            .power(r.f("effect"), r.n("n"))
            .unwrap();
        assert!(
            (got - r.f("power")).abs() <= POWER_GOLDEN,
            "{cells:?}: got {got}"
        );
    }
}

#[test]
fn fisher_exact_power_matches_brute_force_enumeration() {
    let (h, rows) = read_csv("py_fisher_power.csv");
    assert!(rows.len() > 100);
    for cells in &rows {
        let r = Row::new(&h, cells);
        let got = proportions(&r, ProportionTest::FisherExact)
            .power(r.f("effect"), r.n("n"))
            .unwrap();
        assert!(
            (got - r.f("power")).abs() <= POWER_GOLDEN,
            "{cells:?}: got {got}"
        );
    }
    let (h, rows) = read_csv("py_fisher_sample_size.csv");
    assert!(rows.len() >= 10);
    for cells in &rows {
        let r = Row::new(&h, cells);
        let s = proportions(&r, ProportionTest::FisherExact)
            .sample_size(r.f("effect"), r.f("target"))
            .unwrap();
        assert_eq!(s.n, r.n("n"), "{cells:?}");
        assert!((s.achieved_power - r.f("power_at_n")).abs() <= POWER_GOLDEN);
    }
}

#[test]
fn large_noncentrality_at_one_df() {
    // One-sample t, n = 2 (df 1), ncp = 42 (d = 42 / sqrt 2), two-sided 0.05: power
    // 0.99901677049469717 (mpmath, 20 digits; gen_py.py's t_power_mp). Beyond ncp 37.62, where
    // the placeholder noncentral t switches to a normal approximation.
    let got = outcome_stats::power::TTest::one_sample()
        .power(42.0 / 2f64.sqrt(), 2)
        .unwrap();
    eprintln!("df 1, ncp 42: {got:.17} vs 0.99901677049469717");
    assert!((got - 0.999_016_770_494_697_2).abs() <= POWER_GOLDEN);
}
