//! Noncentral distributions for power analysis and interval inversion.
//!
//! statrs has no noncentral t, F or chi-square; this module adds them, implementing statrs'
//! distribution traits so they plug into code written for statrs.

mod noncentral_t;
mod special;

pub use noncentral_t::NoncentralT;
