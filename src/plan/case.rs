//! What the case itself can say, before any trial.

use crate::design::StandardsCheck;
use crate::effect::Interval;

/// The case's own change between phases of a [`Series`](crate::Series), with an interval from
/// its within-phase variability.
///
/// # Examples
///
/// ```
/// use outcome_stats::plan::PhaseChange;
/// fn width(c: &PhaseChange) -> Option<f64> { c.interval.map(|i| i.upper - i.lower) }
/// # let _ = width;
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct PhaseChange {
    /// Mean of the baseline phase (points).
    pub baseline_mean: f64,
    /// Mean of the last treatment phase (points).
    pub treatment_mean: f64,
    /// Improvement between the phase means (improvement-signed, points).
    pub improvement: f64,
    /// Interval for the improvement from within-phase variability (Welch), `None` when a
    /// phase has a single observation or no within-phase variability. Autocorrelated
    /// sessions make it too narrow.
    pub interval: Option<Interval>,
}

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
    /// Built from a series with phases: see [`CaseEvidence::phase_change`].
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
    /// The change between phase means with its interval (from a series only).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub phase_change: Option<PhaseChange>,
}
