//! The crate's one error type.
//!
//! Every fallible function in `outcome_stats` returns [`Result<T>`], whose error is the single
//! matchable enum [`Error`]. Each variant names the caller's mistake and carries the data that
//! shows it, so a message can say what was wrong and where.

/// The result type of every fallible function in the crate.
pub type Result<T> = std::result::Result<T, Error>;

/// Everything that can go wrong in `outcome_stats`.
///
/// Messages are lowercase, have no trailing period and say what was expected.
///
/// # Examples
///
/// ```
/// use outcome_stats::{Error, Scale, Direction};
///
/// match Scale::new(10.0, 0.0, Direction::LowerIsBetter) {
///     Err(err @ Error::InvalidScale { .. }) => assert_eq!(
///         err.to_string(),
///         "a scale needs min < max (both finite), got min 10 and max 0"
///     ),
///     other => panic!("expected InvalidScale, got {other:?}"),
/// }
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    /// A scalar argument lies outside its admissible range (or is NaN).
    #[error("{name} must be {expected}, got {value}")]
    InvalidParameter {
        /// The argument's name.
        name: &'static str,
        /// The value that was passed.
        value: f64,
        /// What was expected, e.g. "in (0, 1)".
        expected: &'static str,
    },
    /// An observation is NaN or infinite.
    #[error("{what} must be finite, got {value} at index {index}")]
    NonFinite {
        /// What the value belongs to, e.g. "series values".
        what: String,
        /// Index of the offending value.
        index: usize,
        /// The offending value.
        value: f64,
    },
    /// An observation lies outside the outcome's scale.
    #[error("value {value} at index {index} lies outside the scale [{min}, {max}]")]
    OutOfScale {
        /// Index of the offending value.
        index: usize,
        /// The offending value.
        value: f64,
        /// The scale's minimum.
        min: f64,
        /// The scale's maximum.
        max: f64,
    },
    /// A scale's bounds are not finite or not ordered.
    #[error("a scale needs min < max (both finite), got min {min} and max {max}")]
    InvalidScale {
        /// The minimum that was passed.
        min: f64,
        /// The maximum that was passed.
        max: f64,
    },
    /// An input that must hold data is empty.
    #[error("{what} is empty")]
    Empty {
        /// What was empty.
        what: String,
    },
    /// Too few observations for the statistic.
    #[error("{what} needs at least {needed} observations, got {got}")]
    InsufficientData {
        /// What is short, e.g. "phase B of the series".
        what: String,
        /// How many are needed.
        needed: usize,
        /// How many there are.
        got: usize,
    },
    /// A statistic would divide by a variance (or SD) that is zero.
    #[error("{what} has zero variance, and the statistic divides by it")]
    ZeroVariance {
        /// What has no variance.
        what: String,
    },
    /// Two inputs that must have the same length do not.
    #[error("{what} must have equal lengths, got {left} and {right}")]
    LengthMismatch {
        /// What was compared.
        what: &'static str,
        /// The first length.
        left: usize,
        /// The second length.
        right: usize,
    },
    /// Phase labels that do not fit the design or the statistic.
    #[error("phase labels do not fit: {reason}")]
    PhaseMismatch {
        /// Which labels and why.
        reason: String,
    },
    /// Data that do not fit the design's structure.
    #[error("invalid design: {reason}")]
    InvalidDesign {
        /// What is wrong with the structure.
        reason: String,
    },
    /// A root search was given an interval whose ends do not bracket a root.
    #[error("{what}: no sign change between {lower} and {upper}")]
    NotBracketed {
        /// What was being solved.
        what: &'static str,
        /// Lower end of the interval.
        lower: f64,
        /// Upper end of the interval.
        upper: f64,
    },
    /// An iterative method did not converge.
    #[error("{what} did not converge after {iterations} iterations")]
    NoConvergence {
        /// What was being computed.
        what: &'static str,
        /// Iterations spent.
        iterations: usize,
    },
    /// The request cannot be met (for example a power that no n up to the cap reaches).
    #[error("{reason}")]
    Unattainable {
        /// Why it cannot be met.
        reason: String,
    },
    /// Data that are well formed number by number but inconsistent as a whole.
    #[error("invalid data: {reason}")]
    InvalidData {
        /// What is inconsistent.
        reason: String,
    },
    /// Placebo response, regression to the mean and shrinkage leave no effect for a trial to
    /// detect (a planning effect of zero or less): the message shows the chain.
    #[error("no effect left to detect: {chain}")]
    NoEffectToDetect {
        /// The chain from observed improvement to planning effect, step by step, on one line.
        chain: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_is_send_sync_static() {
        fn check<T: Send + Sync + 'static + std::error::Error>() {}
        check::<Error>();
    }
}
