//! The planning effect in each design's standard units.

use crate::error::{Error, Result};
use crate::plan::assumptions::PlanningAssumptions;

/// A planning effect in scale points and in the two standard units the designs use.
///
/// # Method
///
/// The t test on change scores divides by the SD of change: `d_change = effect / SD_change`
/// (this is the plan's `standardized_effect`). ANCOVA, the 2x2 crossover and the N-of-1
/// series divide by the outcome's SD sigma, as the power layer defines their effects:
/// `d_sigma = effect / sigma`, with sigma given or, under equal SDs at baseline and
/// follow-up, `sigma = SD_change / sqrt(2 (1 - rho))` (since
/// `Var(change) = 2 sigma^2 (1 - rho)`).
///
/// # Examples
///
/// ```
/// use outcome_stats::plan::{PlanningAssumptions, Standardized};
/// let s = Standardized::new(1.83, &PlanningAssumptions::nrs11())?;
/// assert!((s.d_change - 0.732).abs() < 1e-12);
/// assert!((s.d_sigma - 0.732).abs() < 1e-12); // sigma = 2.5 / sqrt(2 * 0.5) = 2.5
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Standardized {
    /// The effect in scale points.
    pub effect: f64,
    /// SD of change used (points).
    pub sd_change: f64,
    /// Outcome SD sigma used (points).
    pub sigma: f64,
    /// `effect / sd_change`: the change-score d of the parallel t test.
    pub d_change: f64,
    /// `effect / sigma`: the d of ANCOVA, the crossover and the N-of-1 series.
    pub d_sigma: f64,
}

impl Standardized {
    /// Standardises `effect` (points) with the SDs of `assumptions`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] for a non-finite effect, and the errors of
    /// [`PlanningAssumptions::validate`].
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::{PlanningAssumptions, Standardized};
    /// let a = PlanningAssumptions::nrs11().correlation(0.2);
    /// let s = Standardized::new(2.0, &a)?;
    /// // sigma = 2.5 / sqrt(1.6)
    /// assert!((s.sigma - 2.5 / 1.6f64.sqrt()).abs() < 1e-12);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(effect: f64, assumptions: &PlanningAssumptions) -> Result<Standardized> {
        if !effect.is_finite() {
            return Err(Error::InvalidParameter {
                name: "effect",
                value: effect,
                expected: "a finite effect in scale points",
            });
        }
        assumptions.validate()?;
        let sd_change = assumptions.sd_change_value();
        let sigma = assumptions.sd_value();
        Ok(Standardized {
            effect,
            sd_change,
            sigma,
            d_change: effect / sd_change,
            d_sigma: effect / sigma,
        })
    }
}
