//! Tests of the noncentral t, F and chi-square distributions against mpmath golden files.

mod golden;
mod noncentral_chi_squared;
mod noncentral_f;
mod noncentral_t;
