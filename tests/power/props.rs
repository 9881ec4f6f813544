//! Invariants: monotonicity, sample size inverts power, MDE round trip, no panics.

use crate::tolerance::POWER_AT_ROOT;
use outcome_stats::Alternative;
use outcome_stats::power::{
    Ancova, Crossover2x2, NOf1Series, ProportionTest, TTest, TwoProportions,
};
use proptest::prelude::*;

/// A continuous-outcome design chosen by index, with its admissible step.
#[derive(Debug, Clone, Copy)]
enum Cont {
    Two(TTest),
    One(TTest),
    Anc(Ancova),
    Cross(Crossover2x2),
    NOf1(NOf1Series),
}

impl Cont {
    fn power(&self, e: f64, n: usize) -> outcome_stats::Result<f64> {
        match self {
            Cont::Two(d) | Cont::One(d) => d.power(e, n),
            Cont::Anc(d) => d.power(e, n),
            Cont::Cross(d) => d.power(e, n),
            Cont::NOf1(d) => d.power(e, n),
        }
    }
    fn sample_size(
        &self,
        e: f64,
        t: f64,
    ) -> outcome_stats::Result<outcome_stats::power::SampleSize> {
        match self {
            Cont::Two(d) | Cont::One(d) => d.sample_size(e, t),
            Cont::Anc(d) => d.sample_size(e, t),
            Cont::Cross(d) => d.sample_size(e, t),
            Cont::NOf1(d) => d.sample_size(e, t),
        }
    }
    fn mde(&self, n: usize, t: f64) -> outcome_stats::Result<f64> {
        match self {
            Cont::Two(d) | Cont::One(d) => d.min_detectable_effect(n, t),
            Cont::Anc(d) => d.min_detectable_effect(n, t),
            Cont::Cross(d) => d.min_detectable_effect(n, t),
            Cont::NOf1(d) => d.min_detectable_effect(n, t),
        }
    }
    fn step(&self) -> usize {
        if matches!(self, Cont::Cross(_)) { 2 } else { 1 }
    }
    /// An admissible n at or above `n`.
    fn admissible(&self, n: usize) -> usize {
        match self {
            Cont::Cross(_) => n.max(4).div_ceil(2) * 2,
            Cont::Two(_) | Cont::Anc(_) => n.max(8),
            _ => n.max(2),
        }
    }
}

fn alt_of(i: u8) -> Alternative {
    match i % 3 {
        0 => Alternative::TwoSided,
        1 => Alternative::Greater,
        _ => Alternative::Less,
    }
}

fn design(kind: u8, p: f64, alpha: f64, alt: Alternative) -> Cont {
    // p in (0, 1) drives the design's own parameter.
    match kind % 5 {
        0 => Cont::Two(
            TTest::two_sample()
                .ratio(0.25 + 3.75 * p)
                .alpha(alpha)
                .alternative(alt),
        ),
        1 => Cont::One(TTest::paired().alpha(alpha).alternative(alt)),
        2 => Cont::Anc(Ancova::new(1.8 * p - 0.9).alpha(alpha).alternative(alt)),
        3 => Cont::Cross(
            Crossover2x2::with_correlation(1.8 * p - 0.9)
                .alpha(alpha)
                .alternative(alt),
        ),
        _ => Cont::NOf1(
            NOf1Series::new(1 + (p * 6.0) as usize, 0.2 + p, 0.5 * p)
                .alpha(alpha)
                .alternative(alt),
        ),
    }
}

fn signed(alt: Alternative, magnitude: f64) -> f64 {
    if alt == Alternative::Less {
        -magnitude
    } else {
        magnitude
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn power_rises_with_n_and_effect(
        kind in 0u8..5, p in 0.01f64..0.99, alpha in 0.005f64..0.2, a in 0u8..3,
        mag in 0.02f64..2.5, n in 2usize..300,
    ) {
        let alt = alt_of(a);
        let d = design(kind, p, alpha, alt);
        let n = d.admissible(n);
        let e = signed(alt, mag);
        let base = d.power(e, n).unwrap();
        let more_n = d.power(e, n + d.step()).unwrap();
        let more_e = d.power(signed(alt, mag * 1.2), n).unwrap();
        prop_assert!((0.0..=1.0).contains(&base));
        prop_assert!(more_n >= base - 1e-12, "n: {base} -> {more_n}");
        prop_assert!(more_e >= base - 1e-12, "effect: {base} -> {more_e}");
    }

    #[test]
    fn sample_size_inverts_power(
        kind in 0u8..5, p in 0.01f64..0.99, alpha in 0.005f64..0.2, a in 0u8..3,
        mag in 0.1f64..2.0, target in 0.3f64..0.99,
    ) {
        let alt = alt_of(a);
        prop_assume!(target > alpha + 0.01);
        let d = design(kind, p, alpha, alt);
        let e = signed(alt, mag);
        let s = d.sample_size(e, target).unwrap();
        prop_assert!(s.achieved_power >= target);
        prop_assert_eq!(d.power(e, s.n).unwrap(), s.achieved_power);
        match s.previous_n {
            Some(prev) => {
                prop_assert_eq!(prev + d.step(), s.n);
                prop_assert!(d.power(e, prev).unwrap() < target);
            }
            None => prop_assert!(d.power(e, s.n.saturating_sub(d.step())).is_err()),
        }
        prop_assert!(s.total_enrolled >= s.total);
    }

    #[test]
    fn min_detectable_effect_round_trips(
        kind in 0u8..5, p in 0.01f64..0.99, alpha in 0.005f64..0.2, a in 0u8..3,
        n in 4usize..400, target in 0.3f64..0.99,
    ) {
        let alt = alt_of(a);
        prop_assume!(target > alpha + 0.01);
        let d = design(kind, p, alpha, alt);
        let n = d.admissible(n);
        let e = d.mde(n, target).unwrap();
        if alt == Alternative::Less { prop_assert!(e < 0.0) } else { prop_assert!(e > 0.0) }
        let pw = d.power(e, n).unwrap();
        prop_assert!((pw - target).abs() <= POWER_AT_ROOT, "power {pw} at the MDE");
        let s = d.sample_size(e, target).unwrap();
        prop_assert!(
            s.n == n || (s.n == n + d.step() && target - pw < POWER_AT_ROOT),
            "n {n}, sample size {}, power at n {pw}", s.n
        );
    }

    #[test]
    fn two_proportions_invariants(
        pc in 0.02f64..0.9, frac in 0.05f64..0.95, alpha in 0.01f64..0.15,
        a in 0u8..2, test in 0u8..3, target in 0.5f64..0.95, k in 0.5f64..2.0,
    ) {
        let alt = alt_of(a);
        let test = [ProportionTest::NormalPooled, ProportionTest::NormalPooledContinuity, ProportionTest::CohenH][test as usize];
        let d = TwoProportions::new(pc).test(test).ratio(k).alpha(alpha).alternative(alt);
        let e = frac * (1.0 - pc);
        let s = d.sample_size(e, target).unwrap();
        prop_assert!(s.achieved_power >= target);
        if let Some(prev) = s.previous_n {
            prop_assert!(d.power(e, prev).unwrap() < target);
        }
        if s.n <= 5000 {
            let m = d.min_detectable_effect(s.n, target).unwrap();
            prop_assert!(m > 0.0 && m <= e + 1e-12);
            prop_assert!((d.power(m, s.n).unwrap() - target).abs() <= POWER_AT_ROOT);
        }
    }
}

fn any_f64() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>(),
        -2.0f64..2.0,
        Just(0.0),
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(1e-300),
        Just(1e300),
    ]
}

fn any_n() -> impl Strategy<Value = usize> {
    prop_oneof![0usize..50, 0usize..20_000_000, Just(usize::MAX)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_panics_on_arbitrary_input(
        kind in 0u8..9, x in any_f64(), y in any_f64(), alpha in any_f64(), drop in any_f64(),
        e in any_f64(), t in any_f64(), n in any_n(), a in 0u8..3, c in 0usize..1000,
    ) {
        let alt = alt_of(a);
        macro_rules! ask {
            ($d:expr) => {{
                let d = $d.alpha(alpha).alternative(alt).dropout(drop);
                let _ = d.power(e, n);
                let _ = d.sample_size(e, t);
                let _ = d.min_detectable_effect(n, t);
                let _ = d.power_curve_over_n(e, &[n, 3]);
                let _ = d.power_curve_over_effect(n, &[e, y]);
            }};
        }
        match kind {
            0 => ask!(TTest::two_sample().ratio(x)),
            1 => ask!(TTest::one_sample()),
            2 => ask!(TTest::paired()),
            3 => ask!(Ancova::new(x).ratio(y)),
            4 => ask!(Crossover2x2::with_correlation(x)),
            5 => ask!(Crossover2x2::with_within_sd(x)),
            6 => ask!(NOf1Series::new(c, x, y)),
            7 => ask!(TwoProportions::new(x).ratio(y)),
            _ => {
                // Fisher's exact test: power and MDE only at small n (the scan is slow by design).
                let d = TwoProportions::new(x).test(ProportionTest::FisherExact)
                    .alpha(alpha).alternative(alt).dropout(drop);
                let small = n % 40;
                let _ = d.power(e, small);
                let _ = d.min_detectable_effect(small, t);
            }
        }
    }
}
