//! Noncentral distributions for power analysis and interval inversion.
//!
//! statrs has no noncentral t, F or chi-square; this module adds them, implementing statrs'
//! distribution traits so they plug into code written for statrs.

mod noncentral_chi_squared;
mod noncentral_f;
mod noncentral_t;
mod poisson_mixture;
mod quantile;
mod special;

pub use noncentral_chi_squared::NoncentralChiSquared;
pub use noncentral_f::NoncentralF;
pub use noncentral_t::NoncentralT;
