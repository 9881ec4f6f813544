//! Sensitivity of the plan to the planning effect and the SDs, and power curves, as data.

use crate::plan::output::DesignKind;

/// n per arm for one design at one planning effect and one SD multiplier.
///
/// # Examples
///
/// ```
/// use outcome_stats::plan::{Sensitivity, SensitivityCell};
/// fn largest(s: &Sensitivity) -> Option<usize> {
///     s.cells.iter().filter_map(|c: &SensitivityCell| c.n_per_arm).max()
/// }
/// # let _ = largest;
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct SensitivityCell {
    /// The design.
    pub design: DesignKind,
    /// Fraction of the planning effect.
    pub effect_fraction: f64,
    /// The effect in scale points (`effect_fraction * planning_effect`).
    pub effect: f64,
    /// Multiplier applied to every SD (SD of change, sigma, N-of-1 SDs).
    pub sd_multiplier: f64,
    /// The SD of change at this multiplier (points).
    pub sd_change: f64,
    /// Patients per arm to recruit (after dropout); `None` when no n up to the power layer's
    /// cap reaches the target power.
    pub n_per_arm: Option<usize>,
}

/// The sensitivity table: n per arm over a grid of planning effects and SDs.
///
/// # Examples
///
/// ```
/// use outcome_stats::plan::Sensitivity;
/// fn size(s: &Sensitivity) -> usize {
///     s.effect_fractions.len() * s.sd_multipliers.len()
/// }
/// # let _ = size;
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Sensitivity {
    /// Fractions of the planning effect (rows).
    pub effect_fractions: Vec<f64>,
    /// Multipliers of every SD (columns).
    pub sd_multipliers: Vec<f64>,
    /// One cell per (fraction, multiplier, design), fraction-major then multiplier then
    /// design in the order of [`DesignKind::ALL`].
    pub cells: Vec<SensitivityCell>,
}

/// One point of a power curve.
///
/// # Examples
///
/// ```
/// use outcome_stats::plan::CurvePoint;
/// fn above(p: &CurvePoint) -> bool { p.power >= 0.8 }
/// # let _ = above;
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct CurvePoint {
    /// Analysable n, counted as `n_per_arm_before_dropout` is.
    pub n_per_arm: usize,
    /// Power at the planning effect.
    pub power: f64,
}

/// Power over n for one design at the planning effect, as plain data for a plot.
///
/// # Examples
///
/// ```
/// use outcome_stats::{Scale, plan::{DesignKind, PlanningAssumptions, TrialPlanner}};
/// let a = PlanningAssumptions::nrs11().ketamine_reference_effect();
/// let plan = TrialPlanner::from_values(10.0, 1.0, Scale::nrs11(), a).plan()?;
/// let curve = plan.power_curves.iter().find(|c| c.design == DesignKind::Parallel);
/// let points = curve.map(|c| c.points.clone()).unwrap_or_default();
/// // Power rises with n from 2 per arm, crossing the target 0.8 between 30 and 32 per arm
/// // (the plan needs 31).
/// assert_eq!(points.first().map(|p| p.n_per_arm), Some(2));
/// assert!(points.windows(2).all(|w| w[0].power <= w[1].power));
/// assert!(points.iter().any(|p| p.n_per_arm == 30 && p.power < 0.8));
/// assert!(points.iter().any(|p| p.n_per_arm == 32 && p.power > 0.8));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct PowerCurve {
    /// The design.
    pub design: DesignKind,
    /// Points in increasing n.
    pub points: Vec<CurvePoint>,
}
