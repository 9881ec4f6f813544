//! Single-case indices on long series: NAP, Tau and Tau-U are O(n log n).
//!
//! Phases of 10, 1,000 and 100,000 points each (100,000 minutes is about 70 days of
//! minute-level wearable data). Data come from a seeded linear congruential generator.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use outcome_stats::effect::{
    NapOptions, OverlapOptions, TauUOptions, TauUStandardError, nap, pand, tau, tau_u,
};
use outcome_stats::{Direction, Scale, Series};
use std::hint::black_box;

/// A seeded LCG producing integers 0..=10 (pain-like scores with many ties).
fn scores(n: usize, seed: u64, shift: f64) -> Vec<f64> {
    let mut state = seed;
    (0..n)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (((state >> 33) % 11) as f64 - shift).clamp(0.0, 10.0)
        })
        .collect()
}

fn series(n: usize) -> Series {
    let a = scores(n, 42, 0.0);
    let b = scores(n, 7, 2.0);
    let scale = Scale::new(0.0, 10.0, Direction::LowerIsBetter).expect("valid scale");
    Series::from_phases(scale, &[("A", &a), ("B", &b)]).expect("valid series")
}

fn bench_single_case(c: &mut Criterion) {
    let mut group = c.benchmark_group("single_case");
    for n in [10usize, 1_000, 100_000] {
        let s = series(n);
        group.bench_with_input(BenchmarkId::new("nap", n), &s, |bench, s| {
            bench.iter(|| nap(black_box(s), &NapOptions::default()))
        });
        group.bench_with_input(BenchmarkId::new("tau", n), &s, |bench, s| {
            bench.iter(|| tau(black_box(s), &NapOptions::default()))
        });
        group.bench_with_input(BenchmarkId::new("tau_u", n), &s, |bench, s| {
            let opts = TauUOptions::default().standard_error(TauUStandardError::KendallApproximate);
            bench.iter(|| tau_u(black_box(s), &opts))
        });
        group.bench_with_input(BenchmarkId::new("pand", n), &s, |bench, s| {
            bench.iter(|| pand(black_box(s), &OverlapOptions::default()))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_single_case);
criterion_main!(benches);
