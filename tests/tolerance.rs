//! Named tolerances used across the test suite.
#![allow(dead_code)]

/// Closed-form arithmetic: agreement to a few ulps.
pub const CLOSED_FORM: f64 = 1e-12;
/// A root found by the crate's bracketing solver.
pub const ROOT_FOUND: f64 = 1e-10;
/// Relative error of the noncentral distributions against 40-digit references (issue 11).
pub const DIST_RELATIVE: f64 = 1e-12;
/// `cdf + sf` of the noncentral distributions, where both are representable (issue 11).
pub const DIST_CDF_PLUS_SF: f64 = 2e-12;
/// Noncentral F with a degree of freedom of 1e5 or more (documented limitation, issue 11).
pub const DIST_F_LARGE_DF: f64 = 1e-9;
