#![doc = include_str!("../README.md")]
#![deny(missing_docs)]
#![forbid(unsafe_code)]
// Negated comparisons (`!(sd > 0.0)`) are how the crate makes NaN fail validation.
#![allow(clippy::neg_cmp_op_on_partial_ord)]
#![warn(missing_debug_implementations)]
#![doc(test(attr(deny(warnings))))]

pub mod alternative;
pub mod change;
pub mod design;
pub mod dist;
pub mod effect;
pub mod error;
pub mod numeric;
pub mod plan;
pub mod power;
pub mod report;
pub mod scale;
pub mod series;

pub use alternative::Alternative;
pub use error::{Error, Result};
pub use scale::{Direction, Scale};
pub use series::{PhaseRun, Series, TwoPhases};
