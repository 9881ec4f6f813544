//! Named tolerances used across the test suite.
#![allow(dead_code)]

/// Closed-form arithmetic: agreement to a few ulps.
pub const CLOSED_FORM: f64 = 1e-12;
/// A root found by the crate's bracketing solver.
pub const ROOT_FOUND: f64 = 1e-10;

/// Group effect sizes: estimates against R effectsize 0.8.3 (relative).
pub const GROUP_R_ESTIMATE: f64 = 1e-10;
/// Group effect sizes: interval ends against high-precision (mpmath) noncentral-t inversion,
/// relative to max(1, |end|).
pub const GROUP_EXACT_END: f64 = 1e-9;
/// Group effect sizes: R effectsize 0.8.3's interval ends come from a general-purpose optimiser
/// and are off by up to about 5e-3 on small samples; compared only to this loose tolerance.
pub const GROUP_R_OPTIMISER_END: f64 = 1e-2;
