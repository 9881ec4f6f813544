//! Tests of the noncentral t, F and chi-square distributions against mpmath golden files.
#![allow(clippy::excessive_precision)]

mod central;
mod golden;
mod noncentral_chi_squared;
mod noncentral_f;
mod noncentral_t;
mod peers;
