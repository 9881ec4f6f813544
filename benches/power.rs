//! Benchmarks for outcome_stats::power: the planning-grid workhorses.

use criterion::{Criterion, criterion_group, criterion_main};
use outcome_stats::power::{ProportionTest, TTest, TwoProportions};
use std::hint::black_box;

fn bench_power(c: &mut Criterion) {
    let t = TTest::two_sample();
    c.bench_function("two-sample t power (d 0.5, n 64)", |b| {
        b.iter(|| t.power(black_box(0.5), black_box(64)))
    });
    c.bench_function("two-sample t sample size (d 0.5, power 0.8)", |b| {
        b.iter(|| t.sample_size(black_box(0.5), black_box(0.8)))
    });
    c.bench_function("two-sample t sample size (d 0.2, power 0.9)", |b| {
        b.iter(|| t.sample_size(black_box(0.2), black_box(0.9)))
    });
    c.bench_function("two-sample t min detectable effect (n 64)", |b| {
        b.iter(|| t.min_detectable_effect(black_box(64), black_box(0.8)))
    });
    let grid: Vec<(f64, f64)> = (0..100)
        .map(|i| (0.2 + 0.02 * (i % 50) as f64, if i < 50 { 0.8 } else { 0.9 }))
        .collect();
    c.bench_function("two-sample t sample size, 100-scenario grid", |b| {
        b.iter(|| {
            grid.iter()
                .map(|&(d, p)| t.sample_size(d, p).map(|s| s.n).unwrap_or(0))
                .sum::<usize>()
        })
    });
    let fisher = TwoProportions::new(0.3).test(ProportionTest::FisherExact);
    c.bench_function("Fisher exact power (n 30 per group)", |b| {
        b.iter(|| fisher.power(black_box(0.3), black_box(30)))
    });
}

criterion_group!(benches, bench_power);
criterion_main!(benches);
