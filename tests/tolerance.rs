//! Named tolerances used across the test suite.
#![allow(dead_code)]

/// Closed-form arithmetic: agreement to a few ulps.
pub const CLOSED_FORM: f64 = 1e-12;
/// A root found by the crate's bracketing solver.
pub const ROOT_FOUND: f64 = 1e-10;

/// Single-case estimates and SEs against SingleCaseES 0.7.4 / scan outputs (relative).
pub const SINGLE_CASE_PEER: f64 = 1e-10;
/// Absolute floor for single-case comparisons whose reference is exactly zero.
pub const SINGLE_CASE_ZERO_FLOOR: f64 = 1e-13;
/// SingleCaseES's Newcombe ends come from R's `uniroot` at its default tolerance (off by up to
/// 3e-5): compared with this absolute tolerance.
pub const SINGLE_CASE_PEER_UNIROOT: f64 = 1e-4;
/// The crate's Newcombe ends against mpmath roots at 60 digits.
pub const SINGLE_CASE_NEWCOMBE_ROOT: f64 = 1e-9;
