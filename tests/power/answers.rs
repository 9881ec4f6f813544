//! The shape of the answers: enrolment after dropout, JSON schema, Display, curves, trade-offs.

use outcome_stats::Alternative;
use outcome_stats::power::{
    Ancova, Crossover2x2, Design, NOf1Series, ProportionTest, TTest, TwoProportions,
};

#[test]
fn dropout_inflates_each_group() {
    // 64 per group at d = 0.5; ratio 1.5 gives n2 = 96; dropout 15%: ceil(64/0.85) = 76,
    // ceil(96/0.85) = 113.
    let s = TTest::two_sample()
        .ratio(1.5)
        .dropout(0.15)
        .sample_size(0.5, 0.8)
        .unwrap();
    assert_eq!(s.groups, vec![s.n, (1.5 * s.n as f64).ceil() as usize]);
    for (g, e) in s.groups.iter().zip(&s.groups_enrolled) {
        assert_eq!(*e, (*g as f64 / 0.85).ceil() as usize);
    }
    assert_eq!(s.total_enrolled, s.groups_enrolled.iter().sum::<usize>());
    assert_eq!(s.n_enrolled, s.groups_enrolled[0]);
    // The crossover inflates both sequence groups: n_enrolled counts all patients.
    let x = Crossover2x2::with_correlation(0.5)
        .dropout(0.1)
        .sample_size(0.5, 0.8)
        .unwrap();
    assert_eq!(x.groups, vec![x.n / 2, x.n / 2]);
    assert_eq!(x.n_enrolled, 2 * ((x.n / 2) as f64 / 0.9).ceil() as usize);
    assert_eq!(x.total_enrolled, x.n_enrolled);
    assert_eq!(x.previous_n, Some(x.n - 2));
}

#[test]
fn sample_size_json_schema() {
    let s = TTest::two_sample().sample_size(0.5, 0.8).unwrap();
    let v = serde_json::to_value(&s).unwrap();
    let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        vec![
            "achieved_power",
            "alpha",
            "alternative",
            "design",
            "dropout",
            "effect",
            "groups",
            "groups_enrolled",
            "n",
            "n_enrolled",
            "power_at_previous",
            "previous_n",
            "target_power",
            "total",
            "total_enrolled"
        ]
    );
    assert_eq!(
        v["design"],
        serde_json::json!({"two_sample_t": {"ratio": 1.0}})
    );
    assert_eq!(v["alternative"], "two_sided");
    let p = TwoProportions::new(0.3)
        .test(ProportionTest::CohenH)
        .sample_size(0.2, 0.8)
        .unwrap();
    assert_eq!(
        serde_json::to_value(p.design).unwrap(),
        serde_json::json!({"two_proportions": {"control_rate": 0.3, "ratio": 1.0, "test": "cohen_h"}})
    );
}

#[test]
fn display_summarises() {
    let s = TTest::two_sample()
        .dropout(0.2)
        .sample_size(0.5, 0.8)
        .unwrap();
    let text = s.to_string();
    assert!(
        text.starts_with("n = 64 (128 analysable in all; power 0.8015"),
        "{text}"
    );
    assert!(text.contains("enrol 160 in all"), "{text}");
}

#[test]
fn curves_are_plain_data() {
    let c = TTest::paired()
        .power_curve_over_n(0.5, &[5, 10, 20, 40])
        .unwrap();
    assert_eq!(
        c.points.iter().map(|p| p.n).collect::<Vec<_>>(),
        vec![5, 10, 20, 40]
    );
    assert!(c.points.windows(2).all(|w| w[0].power < w[1].power));
    for p in &c.points {
        assert_eq!(p.power, TTest::paired().power(0.5, p.n).unwrap());
    }
    let e = Ancova::new(0.5)
        .power_curve_over_effect(20, &[-0.5, 0.0, 0.5])
        .unwrap();
    // two-sided: symmetric in the effect's sign, alpha at zero
    assert!((e.points[0].power - e.points[2].power).abs() < 1e-15);
    assert!((e.points[1].power - 0.05).abs() < 1e-12);
    assert_eq!(
        e.design,
        Design::Ancova {
            correlation: 0.5,
            ratio: 1.0
        }
    );
    assert!(TTest::paired().power_curve_over_n(0.5, &[5, 1]).is_err());
}

#[test]
fn ancova_agrees_with_borm_shortcut() {
    // Borm, Fransen & Lemmens (2007): n_ancova ~ (1 - rho^2) n_t; the exact answer sits a
    // patient or so above (one more df lost, df N - 3).
    for &rho in &[0.2, 0.5, 0.7] {
        for &d in &[0.3, 0.5, 0.8] {
            let nt = TTest::two_sample().sample_size(d, 0.9).unwrap().n as f64;
            let na = Ancova::new(rho).sample_size(d, 0.9).unwrap().n as f64;
            let borm = (1.0 - rho * rho) * nt;
            assert!((na - borm).abs() <= 2.0, "rho {rho}, d {d}: {na} vs {borm}");
        }
    }
    // rho = 0: ANCOVA loses one df against the t test, never needs fewer patients.
    assert!(Ancova::new(0.0).sample_size(0.5, 0.8).unwrap().n >= 64);
}

#[test]
fn nof1_trades_patients_against_cycles() {
    let s = NOf1Series::new(1, 0.8, 0.3);
    let rows = s.trade_off(0.5, 0.8, &[1, 2, 4, 8, 64]).unwrap();
    assert!(rows.windows(2).all(|w| w[1].patients <= w[0].patients));
    // with tau = 0.3 the patients needed level off near the tau-only bound
    let floor = NOf1Series::new(1_000_000, 0.8, 0.3)
        .sample_size(0.5, 0.8)
        .unwrap()
        .n;
    assert!(rows[4].patients >= floor && rows[4].patients <= floor + 2);
    // one-sided (treatment better) needs fewer
    let g = s
        .alternative(Alternative::Greater)
        .sample_size(0.5, 0.8)
        .unwrap();
    assert!(g.n < s.sample_size(0.5, 0.8).unwrap().n);
}

#[test]
fn published_two_proportion_example() {
    // power.prop.test(p1 = 0.5, p2 = 0.75, power = 0.9) gives n = 76.65 (R's documented
    // example; 76.71 with strict = TRUE), so the integer answer is 77 per group.
    let s = TwoProportions::new(0.5).sample_size(0.25, 0.9).unwrap();
    assert_eq!(s.n, 77);
}

#[test]
fn fisher_power_saw_tooths_and_the_answer_is_the_first_crossing() {
    // Greater, control 0.308, effect 0.4, target 0.8: n = 23 (brute-force golden). Power is
    // not monotone in n: some larger n fall back below the power at a smaller n.
    let d = TwoProportions::new(0.308)
        .test(ProportionTest::FisherExact)
        .alternative(Alternative::Greater);
    let s = d.sample_size(0.4, 0.8).unwrap();
    assert_eq!(s.n, 23);
    let powers: Vec<f64> = (10..40).map(|n| d.power(0.4, n).unwrap()).collect();
    assert!(powers.windows(2).any(|w| w[1] < w[0]), "no dip: {powers:?}");
    assert!(powers[..13].iter().all(|&p| p < 0.8));
}
