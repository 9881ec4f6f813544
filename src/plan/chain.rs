//! From an observed uncontrolled improvement to the effect a trial is sized on.

use crate::error::{Error, Result};
use crate::plan::assumptions::PlanningAssumptions;
use crate::scale::Scale;

/// Which effect the designs are sized on, and why.
///
/// # Examples
///
/// ```
/// use outcome_stats::plan::PlanningBasis;
/// assert_ne!(PlanningBasis::ChainOnly, PlanningBasis::Reference);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum PlanningBasis {
    /// No reference effect was given: the case's chain is all there is.
    ChainOnly,
    /// The reference effect from controlled trials is smaller than the case's chain: one case
    /// cannot outweigh controlled trials, so the plan uses the reference.
    Reference,
    /// The case's chain leaves less than the controlled trials found: the plan uses the
    /// chain, the smaller and so the more cautious of the two.
    ChainSmaller,
}

/// Every step from the case's observed improvement to the planning effect, each with its
/// number, so a reader can see where the effect went.
///
/// # Method
///
/// With observed improvement `D` (improvement-signed, scale points), placebo-arm improvement
/// `P`, case baseline `x0`, trial mean baseline `mu`, correlation `rho`, and optional separate
/// SDs `sigma_0` (baseline) and `sigma_1` (follow-up):
///
/// - slope `b = rho` (equal SDs) or `b = rho sigma_1 / sigma_0`;
/// - excess `k` = how far the case's baseline lies beyond `mu` in the direction of worse
///   (for pain, `x0 - mu`);
/// - extra regression to the mean `R = max(0, (1 - b) k)` (Barnett et al. 2005): the placebo
///   arm's response already holds the trial's own regression to the mean, so only the part
///   due to the case's more extreme baseline is removed, never a negative amount;
/// - remainder `D - P - R`; chain effect `s (D - P - R)` with the shrinkage factor `s`;
/// - planning effect: the chain effect, or the reference effect `E` when it is smaller.
///
/// # References
///
/// Barnett AG, van der Pols JC, Dobson AJ (2005). Regression to the mean: what it is and how
/// to deal with it. *Int J Epidemiol* 34:215-220.
///
/// # Examples
///
/// ```
/// use outcome_stats::{Scale, plan::{EffectChain, PlanningAssumptions}};
/// // Pain 10 -> 1 on the NRS with the default assumptions.
/// let chain = EffectChain::new(10.0, 1.0, Scale::nrs11(), &PlanningAssumptions::nrs11())?;
/// // 9 - 0.77 - (1 - 0.5) (10 - 6.75) = 9 - 0.77 - 1.625 = 6.605
/// assert!((chain.chain_effect - 6.605).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct EffectChain {
    /// The case's value before treatment (points).
    pub case_baseline: f64,
    /// The case's value after treatment (points).
    pub case_followup: f64,
    /// Observed improvement, improvement-signed (points).
    pub observed_improvement: f64,
    /// Expected placebo-arm improvement subtracted (points).
    pub placebo_response: f64,
    /// The trial's mean baseline (points).
    pub trial_baseline: f64,
    /// How far the case's baseline lies beyond the trial's mean, towards worse (points).
    pub baseline_excess: f64,
    /// Regression slope of follow-up on baseline: rho, or rho sigma_1 / sigma_0.
    pub regression_slope: f64,
    /// Extra regression to the mean subtracted, `max(0, (1 - slope) k)` (points).
    pub regression_to_mean: f64,
    /// What is left after placebo response and regression to the mean (points).
    pub remainder: f64,
    /// Shrinkage factor applied to the remainder.
    pub shrinkage: f64,
    /// What the case's chain leaves: `shrinkage * remainder` (points).
    pub chain_effect: f64,
    /// The reference effect from controlled trials, when given (points).
    pub reference_effect: Option<f64>,
    /// The effect the designs are sized on: the smaller of the chain's and the reference.
    pub planning_effect: f64,
    /// Which of the two the planning effect is, and why.
    pub basis: PlanningBasis,
}

impl EffectChain {
    /// Runs the chain from a case's `pre` and `post` values on `scale`.
    ///
    /// # Errors
    ///
    /// - Errors of [`PlanningAssumptions::validate`]; [`Error::InvalidData`] when the
    ///   assumptions are for another scale than the case's;
    /// - [`Error::NonFinite`] / [`Error::OutOfScale`] for `pre` or `post`;
    /// - [`Error::NoEffectToDetect`] when placebo response, regression to the mean and
    ///   shrinkage leave zero or less, with the chain in the message.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::{Error, Scale, plan::{EffectChain, PlanningAssumptions}};
    /// let a = PlanningAssumptions::nrs11().placebo_response(3.0);
    /// let err = EffectChain::new(7.0, 5.0, Scale::nrs11(), &a);
    /// assert!(matches!(err, Err(Error::NoEffectToDetect { .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        pre: f64,
        post: f64,
        scale: Scale,
        assumptions: &PlanningAssumptions,
    ) -> Result<EffectChain> {
        assumptions.validate()?;
        if assumptions.scale() != scale {
            return Err(Error::InvalidData {
                reason: format!(
                    "the assumptions are for a scale from {} to {} but the case is on a scale from {} to {}; use the matching preset or give every value in points",
                    assumptions.scale().min(),
                    assumptions.scale().max(),
                    scale.min(),
                    scale.max()
                ),
            });
        }
        scale.check(&[pre, post])?;
        let sign = scale.direction().sign();
        let observed_improvement = scale.improvement(pre, post);
        let placebo_response = assumptions.placebo_response_value();
        let trial_baseline = assumptions.trial_baseline_value();
        // Improvement is sign * (later - earlier); "worse" is the opposite of sign.
        let baseline_excess = -sign * (pre - trial_baseline);
        let rho = assumptions.correlation_value();
        let regression_slope = match (
            assumptions.sd_baseline_value(),
            assumptions.sd_followup_value(),
        ) {
            (Some(s0), Some(s1)) => rho * s1 / s0,
            _ => rho,
        };
        let regression_to_mean = ((1.0 - regression_slope) * baseline_excess).max(0.0);
        let remainder = observed_improvement - placebo_response - regression_to_mean;
        let shrinkage = assumptions.shrinkage_value();
        let chain_effect = shrinkage * remainder;
        if !(chain_effect > 0.0) {
            return Err(Error::NoEffectToDetect {
                chain: format!(
                    "observed improvement {observed_improvement} - placebo response {placebo_response} - extra regression to the mean {regression_to_mean} = {remainder}, times shrinkage {shrinkage} = {chain_effect} points"
                ),
            });
        }
        let reference_effect = assumptions.reference_effect_value();
        let (planning_effect, basis) = match reference_effect {
            None => (chain_effect, PlanningBasis::ChainOnly),
            Some(e) if e < chain_effect => (e, PlanningBasis::Reference),
            Some(_) => (chain_effect, PlanningBasis::ChainSmaller),
        };
        Ok(EffectChain {
            case_baseline: pre,
            case_followup: post,
            observed_improvement,
            placebo_response,
            trial_baseline,
            baseline_excess,
            regression_slope,
            regression_to_mean,
            remainder,
            shrinkage,
            chain_effect,
            reference_effect,
            planning_effect,
            basis,
        })
    }
}
