//! What the case itself can say, before any trial.

use crate::change::{PhaseChange, WelchInterval};
use crate::design::StandardsCheck;

/// Whether the case's data can give an interval for its own change.
///
/// # Examples
///
/// ```
/// use outcome_stats::plan::CaseInterval;
/// assert_ne!(CaseInterval::TwoNumbersOnly, CaseInterval::FromPhases);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum CaseInterval {
    /// Built from a pre and a post value: from two numbers alone no interval exists.
    TwoNumbersOnly,
    /// Built from a series with phases: see [`CaseEvidence::phase_change`] and
    /// [`CaseEvidence::welch_interval`].
    FromPhases,
}

/// What the case itself can say: its design's standards verdict, the reliable change index
/// of its improvement, and, from a series, its own change with an interval.
///
/// # Method
///
/// Reliable change index (Jacobson & Truax 1991): `improvement / (sqrt(2) sigma sqrt(1 - r))`
/// with `r` the test-retest reliability and `sigma` the outcome's SD; beyond 1.96 the
/// improvement is larger than measurement error alone would plausibly give.
///
/// # References
///
/// Jacobson NS, Truax P (1991). Clinical significance: a statistical approach to defining
/// meaningful change in psychotherapy research. *J Consult Clin Psychol* 59:12-19.
///
/// # Examples
///
/// ```
/// use outcome_stats::plan::CaseEvidence;
/// fn reliable(c: &CaseEvidence) -> bool { c.reliable_change_index > 1.96 }
/// # let _ = reliable;
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct CaseEvidence {
    /// The case design's verdict against the WWC single-case design standards (structure
    /// only): a pre/post case report or an AB series never meets them; `None` for a series
    /// whose phases fit neither an AB nor a withdrawal design.
    pub standards: Option<StandardsCheck>,
    /// The case's observed improvement (points).
    pub improvement: f64,
    /// Percent improvement towards the scale's best end, `None` when pre is already there.
    pub percent_improvement: Option<f64>,
    /// Jacobson-Truax reliable change index of the improvement.
    pub reliable_change_index: f64,
    /// The test-retest reliability it used.
    pub reliability: f64,
    /// The outcome SD sigma it used (points).
    pub sd: f64,
    /// Whether an interval for the case's own change exists.
    pub interval: CaseInterval,
    /// The change from the baseline phase to the last treatment phase (from a series only).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub phase_change: Option<PhaseChange>,
    /// Welch interval for the change in phase means from within-phase variability (from a
    /// series with at least two observations per phase and some variability; too narrow for
    /// autocorrelated sessions).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub welch_interval: Option<WelchInterval>,
}
