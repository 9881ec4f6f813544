//! Golden grids from R: pwr 1.3.0 and stats (power.t.test / power.prop.test, strict = TRUE).

use super::{Row, read_csv};
use crate::tolerance::POWER_GOLDEN;
use outcome_stats::power::{ProportionTest, TTest, TwoProportions};

fn t_design(design: &str, ratio: f64) -> TTest {
    match design {
        "two_sample" => TTest::two_sample().ratio(ratio),
        "one_sample" => TTest::one_sample(),
        "paired" => TTest::paired(),
        other => panic!("design {other}"),
    }
}

#[test]
fn t_power_matches_pwr_and_power_t_test() {
    let (h, rows) = read_csv("t_power.csv");
    assert!(rows.len() > 4000);
    let mut worst: f64 = 0.0;
    for cells in &rows {
        let r = Row::new(&h, cells);
        let design = t_design(r.s("design"), r.f("ratio"))
            .alpha(r.f("alpha"))
            .alternative(r.alt());
        let got = design.power(r.f("d"), r.n("n")).unwrap();
        let want = r.f("power_pwr");
        let err = (got - want).abs();
        worst = worst.max(err);
        assert!(err <= POWER_GOLDEN, "{cells:?}: got {got}, pwr {want}");
        if let Some(stats) = r.opt("power_r_stats") {
            assert!(
                (got - stats).abs() <= POWER_GOLDEN,
                "{cells:?}: got {got}, stats {stats}"
            );
        }
    }
    eprintln!("t power: worst abs error vs pwr {worst:e}");
}

#[test]
fn t_sample_size_matches_integer_scan_of_pwr() {
    let (h, rows) = read_csv("t_sample_size.csv");
    assert!(rows.len() > 2000);
    for cells in &rows {
        let r = Row::new(&h, cells);
        let design = t_design(r.s("design"), r.f("ratio"))
            .alpha(r.f("alpha"))
            .alternative(r.alt());
        let s = design.sample_size(r.f("d"), r.f("target")).unwrap();
        assert_eq!(s.n, r.n("n"), "{cells:?}");
        assert!(
            (s.achieved_power - r.f("power_at_n")).abs() <= POWER_GOLDEN,
            "{cells:?}"
        );
        match (r.opt("power_prev"), s.power_at_previous) {
            (Some(want), Some(got)) => assert!((got - want).abs() <= POWER_GOLDEN, "{cells:?}"),
            (None, None) => {}
            other => panic!("{cells:?}: previous power {other:?}"),
        }
    }
}

#[test]
fn cohen_1988_two_sample_sizes() {
    // d = 0.2 / 0.5 / 0.8, power 0.80, two-sided alpha 0.05: 394 / 64 / 26 per group
    // (Cohen's Table 2.4.1 prints 393 for d = 0.2, one below the exact answer).
    let t = TTest::two_sample();
    let got: Vec<usize> = [0.2, 0.5, 0.8]
        .iter()
        .map(|&d| t.sample_size(d, 0.8).unwrap().n)
        .collect();
    assert_eq!(got, vec![394, 64, 26]);
    let table = [393usize, 64, 26];
    for (g, c) in got.iter().zip(table) {
        assert!(g.abs_diff(c) <= 1);
    }
}

fn prop_design(r: &Row<'_>) -> TwoProportions {
    let test = match r.s("method") {
        "pooled" => ProportionTest::NormalPooled,
        "cohen_h" => ProportionTest::CohenH,
        other => panic!("method {other}"),
    };
    TwoProportions::new(r.f("p_control"))
        .ratio(r.f("ratio"))
        .test(test)
        .alpha(r.f("alpha"))
        .alternative(r.alt())
}

#[test]
fn proportion_power_matches_power_prop_test_and_pwr() {
    let (h, rows) = read_csv("prop_power.csv");
    assert!(rows.len() > 2000);
    for cells in &rows {
        let r = Row::new(&h, cells);
        let got = prop_design(&r).power(r.f("effect"), r.n("n")).unwrap();
        let want = r.f("power");
        assert!(
            (got - want).abs() <= POWER_GOLDEN,
            "{cells:?}: got {got}, R {want}"
        );
    }
}

#[test]
fn proportion_sample_size_matches_integer_scan() {
    let (h, rows) = read_csv("prop_sample_size.csv");
    assert!(rows.len() > 1500);
    for cells in &rows {
        let r = Row::new(&h, cells);
        let s = prop_design(&r)
            .sample_size(r.f("effect"), r.f("target"))
            .unwrap();
        assert_eq!(s.n, r.n("n"), "{cells:?}");
        assert!(
            (s.achieved_power - r.f("power_at_n")).abs() <= POWER_GOLDEN,
            "{cells:?}"
        );
    }
}
