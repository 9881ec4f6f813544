//! Named tolerances used across the test suite.
#![allow(dead_code)]

/// Closed-form arithmetic: agreement to a few ulps.
pub const CLOSED_FORM: f64 = 1e-12;
/// A root found by the crate's bracketing solver.
pub const ROOT_FOUND: f64 = 1e-10;
/// Pooled estimates, tau^2, I^2 and intervals against R metafor (issue 13 asks for 1e-8).
pub const METAFOR_POOLING: f64 = 1e-8;
/// A value printed to 4 decimals in a paper: half a unit in the last place.
pub const PRINTED_4DP: f64 = 5e-5;
/// A value printed to 2 decimals in a paper: half a unit in the last place.
pub const PRINTED_2DP: f64 = 5e-3;
/// A value printed to 1 decimal in a paper: half a unit in the last place.
pub const PRINTED_1DP: f64 = 5e-2;
/// Power against a golden reference (R pwr / stats, Python mpmath / scipy): absolute.
pub const POWER_GOLDEN: f64 = 1e-9;
/// A minimal detectable effect's power against the target (root found in the effect).
pub const POWER_AT_ROOT: f64 = 1e-9;
/// A responder rate from the normal shift model against scipy: statrs' normal quantile
/// (through its inverse error function) agrees to about 1e-12 relative, so allow 1e-10.
pub const SHIFT_MODEL: f64 = 1e-10;
/// The Welch t quantile from the crate's noncentral t at noncentrality 0 (inverse cdf by the
/// bracketing solver) against mpmath at 40 digits (measured: at most 7e-15 relative).
pub const WELCH_QUANTILE: f64 = 1e-12;

/// Single-case estimates and SEs against SingleCaseES 0.7.4 / scan outputs (relative).
pub const SINGLE_CASE_PEER: f64 = 1e-10;
/// Absolute floor for single-case comparisons whose reference is exactly zero.
pub const SINGLE_CASE_ZERO_FLOOR: f64 = 1e-13;
/// SingleCaseES's Newcombe ends come from R's `uniroot` at its default tolerance (off by up to
/// 3e-5): compared with this absolute tolerance.
pub const SINGLE_CASE_PEER_UNIROOT: f64 = 1e-4;
/// The crate's Newcombe ends against mpmath roots at 60 digits.
pub const SINGLE_CASE_NEWCOMBE_ROOT: f64 = 1e-9;

/// Group effect sizes: estimates against R effectsize 0.8.3 (relative).
pub const GROUP_R_ESTIMATE: f64 = 1e-10;
/// Group effect sizes: interval ends against high-precision (mpmath) noncentral-t inversion,
/// relative to max(1, |end|).
pub const GROUP_EXACT_END: f64 = 1e-9;
/// Group effect sizes: R effectsize 0.8.3's interval ends come from a general-purpose optimiser
/// and are off by up to about 5e-3 on small samples; compared only to this loose tolerance.
pub const GROUP_R_OPTIMISER_END: f64 = 1e-2;
/// Relative error of the noncentral distributions against 40-digit references (issue 11).
pub const DIST_RELATIVE: f64 = 1e-12;
/// `cdf + sf` of the noncentral distributions, where both are representable (issue 11).
pub const DIST_CDF_PLUS_SF: f64 = 2e-12;
/// Noncentral F with a degree of freedom of 1e5 or more (documented limitation, issue 11).
pub const DIST_F_LARGE_DF: f64 = 1e-9;
