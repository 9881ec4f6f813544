//! Benchmarks of the noncentral distributions: typical power-analysis arguments and extremes.

use criterion::{Criterion, criterion_group, criterion_main};
use outcome_stats::dist::{NoncentralChiSquared, NoncentralF, NoncentralT};
use statrs::distribution::{Continuous, ContinuousCDF};
use std::hint::black_box;

fn noncentral_t(c: &mut Criterion) {
    // Typical power analysis: df 2..1000, ncp 0..10, x near the critical value.
    let cases: Vec<(NoncentralT, f64)> = [2.0, 5.0, 10.0, 30.0, 100.0, 1000.0]
        .iter()
        .flat_map(|&df| {
            [0.0, 1.0, 2.5, 5.0, 10.0]
                .iter()
                .map(move |&ncp| (NoncentralT::new(df, ncp).ok(), 2.0))
                .collect::<Vec<_>>()
        })
        .filter_map(|(t, x)| t.map(|t| (t, x)))
        .collect();
    let n = cases.len();
    c.bench_function(&format!("nct cdf typical (mean of {n} cases)"), |b| {
        b.iter(|| {
            let mut s = 0.0;
            for (t, x) in &cases {
                s += t.cdf(black_box(*x));
            }
            s
        })
    });
    let t = NoncentralT::new(30.0, 2.5).unwrap_or_else(|_| unreachable_t());
    c.bench_function("nct sf df 30 ncp 2.5 x 2", |b| {
        b.iter(|| t.sf(black_box(2.0)))
    });
    c.bench_function("nct pdf df 30 ncp 2.5 x 2", |b| {
        b.iter(|| t.pdf(black_box(2.0)))
    });
    c.bench_function("nct inverse_cdf df 30 ncp 2.5 p 0.975", |b| {
        b.iter(|| t.inverse_cdf(black_box(0.975)))
    });
    // Extremes.
    let extremes = [
        ("df 3 ncp 10 x -1 (5e-26)", 3.0, 10.0, -1.0),
        ("df 0.5 ncp 37.7 x 1e12", 0.5, 37.7, 1e12),
        ("df 1e7 ncp -50 x -70", 1e7, -50.0, -70.0),
        ("df 1 ncp 50 x 1e30", 1.0, 50.0, 1e30),
        ("df 1000 ncp 37.62 x 1", 1000.0, 37.62, 1.0),
    ];
    for (name, df, ncp, x) in extremes {
        let t = NoncentralT::new(df, ncp).unwrap_or_else(|_| unreachable_t());
        c.bench_function(&format!("nct cdf {name}"), |b| {
            b.iter(|| t.cdf(black_box(x)))
        });
    }
}

fn unreachable_t() -> NoncentralT {
    // The parameters above are valid; keep the benches free of unwrap.
    match NoncentralT::new(1.0, 0.0) {
        Ok(t) => t,
        Err(e) => panic!("{e}"),
    }
}

fn chi_squared_and_f(c: &mut Criterion) {
    let cases = [
        ("df 5 ncp 10 x 12", 5.0, 10.0, 12.0),
        ("df 1e7 ncp 37.62 x 1e7", 1e7, 37.62, 1e7),
        ("df 0.5 ncp 100 x 1e-10", 0.5, 100.0, 1e-10),
    ];
    for (name, df, ncp, x) in cases {
        if let Ok(d) = NoncentralChiSquared::new(df, ncp) {
            c.bench_function(&format!("ncx2 cdf {name}"), |b| {
                b.iter(|| d.cdf(black_box(x)))
            });
            c.bench_function(&format!("ncx2 sf {name}"), |b| {
                b.iter(|| d.sf(black_box(x)))
            });
        }
    }
    let cases = [
        ("df 3,30 ncp 10 x 3", 3.0, 30.0, 10.0, 3.0),
        ("df 1e5,1e7 ncp 37.62 x 1", 1e5, 1e7, 37.62, 1.0),
        ("df 1,1 ncp 0 x 1e20", 1.0, 1.0, 0.0, 1e20),
    ];
    for (name, d1, d2, ncp, x) in cases {
        if let Ok(d) = NoncentralF::new(d1, d2, ncp) {
            c.bench_function(&format!("ncf cdf {name}"), |b| {
                b.iter(|| d.cdf(black_box(x)))
            });
            c.bench_function(&format!("ncf sf {name}"), |b| b.iter(|| d.sf(black_box(x))));
        }
    }
}

criterion_group!(benches, noncentral_t, chi_squared_and_f);
criterion_main!(benches);
