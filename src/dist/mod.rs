//! Noncentral distributions for power analysis and interval inversion.
//!
//! statrs has no noncentral t, F or chi-square; this module adds them, implementing statrs'
//! distribution traits so they plug into code written for statrs (`ContinuousCDF`: `cdf`,
//! `sf`, `inverse_cdf`, `try_inverse_cdf`; `Continuous`: `pdf`, `ln_pdf`; `Distribution`:
//! `mean`, `variance`; `Min`, `Max`).
//!
//! # Conventions
//!
//! - The noncentrality of F and chi-square is lambda, the sum of the squared means (as R and
//!   scipy); it must be finite and `>= 0`. The t's is any finite real; its `df` may be
//!   `f64::INFINITY` (the normal limit).
//! - Constructors validate and return [`crate::Error::InvalidParameter`]; evaluation never
//!   panics: NaN arguments give NaN (statrs' own `StudentsT` and `FisherSnedecor` panic there),
//!   `inverse_cdf` of a `p` outside `[0, 1]` or NaN gives NaN (`try_inverse_cdf` an error).
//! - `sf` is computed directly, never as `1 - cdf`.
//! - Quantiles beyond the f64 range are returned as `-inf`/`+inf` (t) or `0`/`+inf` (F,
//!   chi-square): the t(0.5) quantile at 1e-300 is about -1e599.
//! - Parameters far outside statistical use (noncentrality above 2e10 for F and chi-square;
//!   for t, `df` below about 1e-5 with `|ncp|` above 1e8, or `df` above 1e300 with huge
//!   arguments) may give NaN; they never panic or hang.
//!
//! # Accuracy (measured)
//!
//! Against 30-digit mpmath values on the golden grids in `tests/reference/dist/`
//! (df in {0.5, 1, 2, 3, 5, 10, 30, 100, 1000, 1e5, 1e7}; t noncentrality in [-50, 50] with
//! 0, +-1e-8 and values around 37.62; F and chi-square noncentrality in {0, 1e-8, 0.5, 2, 10,
//! 37.62, 100}; arguments across the bulk and both tails, values down to 1e-300 and below),
//! worst relative errors where the true value is above 1e-300 (all values below 1e-300 are
//! within 1e-300 absolute); `ncp = 0` also agrees with closed-form central values
//! (`central.csv`, worst 8e-14):
//!
//! | distribution | rows | cdf | sf | pdf |
//! |---|---|---|---|---|
//! | [`NoncentralT`] | 2868 | 7.3e-14 | 1.1e-13 | 1.3e-13 |
//! | [`NoncentralChiSquared`] | 981 | 1.4e-13 | 1.9e-13 | 1.4e-13 |
//! | [`NoncentralF`], both df < 1e5 | 1045 | 1.6e-13 | 1.6e-13 | 1.6e-13 |
//! | [`NoncentralF`], a df >= 1e5 | 749 | 3.7e-10 | 4.9e-10 | 6e-13 |
//!
//! The one region short of 1e-12: the noncentral F with one degree of freedom of 1e5 or more
//! and the other much smaller (or both large), where the incomplete beta's continued fraction
//! runs near its switch-over point and loses digits to cancellation (measured worst 4.9e-10;
//! TOMS 708's asymptotic expansions BGRAT/BASYM would fix it and are not implemented).
//! Quantiles round-trip (`cdf(inverse_cdf(p))` within 1e-12 of `p`, or within 4 ulps of the
//! quantile where the cdf is steeper than that; measured worst 2.2e-13 for t, 1.6e-13 for
//! chi-square, 8.8e-14 for F outside the large-df region) for p in [1e-300, 1 - 1e-16].
//!
//! # Peers
//!
//! `tests/reference/dist/peers.csv` (test `dist::peers`) records R 4.2.2 and scipy 1.17.1
//! against mpmath: R's `pt(-1, 3, 10)` and `dt(-1, 3, 10)` return 0 (truth 5.0e-26 and
//! 1.4e-25); above ncp 37.62 R's `pt` uses a normal approximation that is 22% to 52% off;
//! its upper tails are `1 - cdf` (1.4e-8 to 3e-3 relative error in the table); `pf` is off by
//! 2.3e-10 in the bulk and 3.5e-4 in the upper tail, `pchisq`'s upper tail by 6e-4. scipy's
//! `nct` is 4e-6 off at `cdf(-1; 3, 10)` and 7e-7 off in an upper tail, and its `ncf` returns
//! -1 for F(1, 1)'s sf at 1e20. statrs' central `StudentsT` and `FisherSnedecor` are not used
//! as references (their `erfc`-based paths are off by up to 1e-10; see `special::erfc`).

mod noncentral_chi_squared;
mod noncentral_f;
mod noncentral_t;
mod poisson_mixture;
mod quantile;
mod special;

pub use noncentral_chi_squared::NoncentralChiSquared;
pub use noncentral_f::NoncentralF;
pub use noncentral_t::NoncentralT;
