//! Pooling case-level estimates across cases: fixed-effect and random-effects inverse-variance
//! meta-analysis (a multiple-baseline design, a series of N-of-1 trials, or trials).
//!
//! Each case contributes an estimate `y_i` (an SMD, a log response ratio, a log risk ratio,
//! ...) and its standard error `s_i`, with within-case variance `v_i = s_i^2` taken as known.
//! Pool estimates on a scale where they are roughly normal (log ratios, not ratios).
//!
//! # Models
//!
//! - [`PoolingModel::FixedEffect`]: one common effect; weights `w_i = 1 / v_i`.
//! - [`PoolingModel::DerSimonianLaird`]: random effects, `tau^2` by the method of moments
//!   (DerSimonian & Laird 1986), truncated at 0.
//! - [`PoolingModel::Reml`] (the default, as in metafor's `rma`): random effects, `tau^2` by
//!   restricted maximum likelihood, the root of the REML score found with the crate's root
//!   finder, truncated at 0.
//!
//! Random-effects weights are `w_i = 1 / (v_i + tau^2)`; the pooled estimate is
//! `mu = sum w_i y_i / sum w_i` with `SE = 1 / sqrt(sum w_i)`.
//!
//! metafor's `rma` stops its Fisher scoring when `tau^2` changes by less than `1e-5`; this
//! crate solves the REML score equation to full double precision, so its REML `tau^2` can
//! differ from metafor's default output by about `1e-7` (and the pooled estimate by about
//! `1e-8`). With `control = list(threshold = 1e-14)` the two agree to about `1e-15`.
//!
//! # Heterogeneity
//!
//! `Q = sum (y_i - mu_FE)^2 / v_i` (Cochran) with `k - 1` degrees of freedom, whatever the
//! model. For the random-effects models `I^2` and `H^2` are computed as metafor computes them,
//! from `tau^2` and the typical within-case variance of Higgins & Thompson (2002),
//! `s^2 = (k - 1) / (sum 1/v_i - sum 1/v_i^2 / sum 1/v_i)`: `I^2 = tau^2 / (tau^2 + s^2)`,
//! `H^2 = (tau^2 + s^2) / s^2`. Under DerSimonian-Laird these equal Higgins & Thompson's
//! `(Q - (k - 1)) / Q` and `Q / (k - 1)` whenever `tau^2 > 0`; under REML they differ from
//! them. For the fixed-effect model `I^2 = max(0, (Q - (k - 1)) / Q)` and `H^2 = Q / (k - 1)`
//! (again as metafor). `I^2` is reported as a fraction in `[0, 1]`, not a percentage.
//!
//! # Intervals
//!
//! [`PoolingInterval::Normal`] (default): `mu +- z SE`.
//! [`PoolingInterval::KnappHartung`]: `SE_KH^2 = sum w_i (y_i - mu)^2 / ((k - 1) sum w_i)` and
//! `mu +- t_{k-1} SE_KH` (Knapp & Hartung 2003; Hartung & Knapp 2001), without truncating the
//! scale factor at 1, as metafor's `test = "knha"`; the estimate's `se` is then `SE_KH`.
//! Knapp-Hartung is meant for random-effects models; with the fixed-effect model it scales the
//! SE by `sqrt(Q / (k - 1))` as metafor does (with a warning there).
//!
//! # References
//!
//! - DerSimonian R, Laird N (1986). Meta-analysis in clinical trials. *Controlled Clinical
//!   Trials* 7:177-188.
//! - Higgins JPT, Thompson SG (2002). Quantifying heterogeneity in a meta-analysis.
//!   *Statistics in Medicine* 21:1539-1558.
//! - Knapp G, Hartung J (2003). Improved tests for a random effects meta-regression with a
//!   single covariate. *Statistics in Medicine* 22:2693-2710.
//! - Viechtbauer W (2005). Bias and efficiency of meta-analytic variance estimators in the
//!   random-effects model. *Journal of Educational and Behavioral Statistics* 30:261-293.
//! - Viechtbauer W (2010). Conducting meta-analyses in R with the metafor package. *Journal of
//!   Statistical Software* 36(3):1-48.

use statrs::distribution::{ChiSquared, ContinuousCDF, Normal};

use super::{Estimate, Interval, IntervalKind, Method, check_level};
use crate::dist::NoncentralT;
use crate::error::{Error, Result};
use crate::numeric::{RootOptions, find_root_expanding};

/// The model for pooling.
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::PoolingModel;
/// assert_eq!(PoolingModel::default(), PoolingModel::Reml);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum PoolingModel {
    /// One common effect, inverse-variance weights `1 / v_i`.
    FixedEffect,
    /// Random effects, `tau^2` by DerSimonian & Laird's (1986) method of moments.
    DerSimonianLaird,
    /// Random effects, `tau^2` by restricted maximum likelihood (the default, as metafor).
    #[default]
    Reml,
}

/// The interval for the pooled estimate.
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::PoolingInterval;
/// assert_eq!(PoolingInterval::default(), PoolingInterval::Normal);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum PoolingInterval {
    /// `mu +- z SE` (the default).
    #[default]
    Normal,
    /// Knapp & Hartung (2003): rescaled SE and a t quantile with `k - 1` degrees of freedom.
    KnappHartung,
}

/// How a pooled estimate was computed.
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::{IntervalKind, PoolingInterval, PoolingMethod};
/// let m = PoolingMethod::Reml { interval: PoolingInterval::Normal };
/// assert_eq!(m.interval_kind(), IntervalKind::Approximate);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum PoolingMethod {
    /// Fixed-effect inverse-variance pooling.
    FixedEffect {
        /// The interval used.
        interval: PoolingInterval,
    },
    /// Random effects with DerSimonian-Laird `tau^2`.
    DerSimonianLaird {
        /// The interval used.
        interval: PoolingInterval,
    },
    /// Random effects with REML `tau^2`.
    Reml {
        /// The interval used.
        interval: PoolingInterval,
    },
}

impl PoolingMethod {
    /// Whether the interval is exact, approximate, or absent: pooled intervals are
    /// approximate (they treat the within-case variances as known).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::effect::{IntervalKind, PoolingInterval, PoolingMethod};
    /// let m = PoolingMethod::FixedEffect { interval: PoolingInterval::KnappHartung };
    /// assert_eq!(m.interval_kind(), IntervalKind::Approximate);
    /// ```
    pub fn interval_kind(&self) -> IntervalKind {
        match self {
            PoolingMethod::FixedEffect { .. }
            | PoolingMethod::DerSimonianLaird { .. }
            | PoolingMethod::Reml { .. } => IntervalKind::Approximate,
        }
    }

    fn new(model: PoolingModel, interval: PoolingInterval) -> PoolingMethod {
        match model {
            PoolingModel::FixedEffect => PoolingMethod::FixedEffect { interval },
            PoolingModel::DerSimonianLaird => PoolingMethod::DerSimonianLaird { interval },
            PoolingModel::Reml => PoolingMethod::Reml { interval },
        }
    }
}

/// Options for [`pool`]: confidence level (0.95), model (REML), interval (normal).
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::{PoolingInterval, PoolingModel, PoolingOptions};
/// let o = PoolingOptions::default()
///     .model(PoolingModel::DerSimonianLaird)
///     .interval(PoolingInterval::KnappHartung)
///     .level(0.9);
/// assert_eq!(o.level, 0.9);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct PoolingOptions {
    /// Confidence level in (0, 1); default 0.95 (checked when pooling).
    pub level: f64,
    /// Model; default [`PoolingModel::Reml`].
    pub model: PoolingModel,
    /// Interval; default [`PoolingInterval::Normal`].
    pub interval: PoolingInterval,
}

impl Default for PoolingOptions {
    fn default() -> Self {
        PoolingOptions {
            level: 0.95,
            model: PoolingModel::Reml,
            interval: PoolingInterval::Normal,
        }
    }
}

impl PoolingOptions {
    /// Sets the confidence level.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::effect::PoolingOptions;
    /// assert_eq!(PoolingOptions::default().level(0.8).level, 0.8);
    /// ```
    pub fn level(mut self, level: f64) -> Self {
        self.level = level;
        self
    }

    /// Sets the model.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::effect::{PoolingModel, PoolingOptions};
    /// let o = PoolingOptions::default().model(PoolingModel::FixedEffect);
    /// assert_eq!(o.model, PoolingModel::FixedEffect);
    /// ```
    pub fn model(mut self, model: PoolingModel) -> Self {
        self.model = model;
        self
    }

    /// Sets the interval method.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::effect::{PoolingInterval, PoolingOptions};
    /// let o = PoolingOptions::default().interval(PoolingInterval::KnappHartung);
    /// assert_eq!(o.interval, PoolingInterval::KnappHartung);
    /// ```
    pub fn interval(mut self, interval: PoolingInterval) -> Self {
        self.interval = interval;
        self
    }
}

/// The result of pooling: the pooled estimate and the heterogeneity statistics.
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::{pool, PoolingOptions};
/// let r = pool(&[0.2, 0.9], &[0.15, 0.25], PoolingOptions::default())?;
/// assert_eq!(r.k, 2);
/// assert!(r.i2 >= 0.0 && r.i2 <= 1.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct PoolingResult {
    /// The pooled estimate `mu`, its SE (Knapp-Hartung's when that interval was asked for) and
    /// its interval.
    pub pooled: Estimate,
    /// Between-case variance `tau^2` (0 for the fixed-effect model).
    pub tau2: f64,
    /// Cochran's Q, computed with the fixed-effect weights.
    pub q: f64,
    /// Degrees of freedom of Q, `k - 1`.
    pub q_df: usize,
    /// Upper-tail p-value of Q against chi-square(`k - 1`) (1 when `k = 1`).
    pub q_p: f64,
    /// `I^2` as a fraction in `[0, 1]` (see the [module docs](self) for which formula).
    pub i2: f64,
    /// `H^2` (see the [module docs](self)).
    pub h2: f64,
    /// Higgins & Thompson's (2002) typical within-case variance
    /// `(k - 1) / (sum 1/v_i - sum 1/v_i^2 / sum 1/v_i)` (NaN-free: 0 when `k = 1`).
    pub typical_variance: f64,
    /// Number of cases pooled.
    pub k: usize,
    /// Each case's share of the total weight (sums to 1), in input order.
    pub weights: Vec<f64>,
    /// Model and interval used.
    pub method: PoolingMethod,
}

/// Pools case-level estimates with their standard errors by inverse-variance weighting.
///
/// # Method
///
/// See the [module docs](self): weights `1 / (v_i + tau^2)`, `tau^2 = 0` (fixed effect),
/// DerSimonian-Laird `tau^2 = max(0, (Q - (k - 1)) / (sum w_i - sum w_i^2 / sum w_i))` with
/// `w_i = 1 / v_i`, or REML: `tau^2` is the root in `(0, inf)` of the REML score
/// `sum w_i^2 (y_i - mu)^2 - sum w_i + sum w_i^2 / sum w_i` (with `w_i = 1 / (v_i + tau^2)` and
/// `mu` the weighted mean at that `tau^2`), and 0 when that score is not positive at 0. The
/// root is found with [`find_root_expanding`] to full
/// precision. Q's p-value is the chi-square(`k - 1`) upper tail; the interval is normal or
/// Knapp-Hartung (`t_{k-1}` quantile from [`NoncentralT`] with noncentrality 0).
///
/// # References
///
/// DerSimonian R, Laird N (1986). *Controlled Clinical Trials* 7:177-188. Higgins JPT,
/// Thompson SG (2002). *Statistics in Medicine* 21:1539-1558. Knapp G, Hartung J (2003).
/// *Statistics in Medicine* 22:2693-2710. Viechtbauer W (2005). *Journal of Educational and
/// Behavioral Statistics* 30:261-293.
///
/// # Errors
///
/// [`Error::Empty`] for no estimates; [`Error::LengthMismatch`] when the slices differ in
/// length; [`Error::NonFinite`] for a NaN or infinite estimate or SE; [`Error::InvalidData`]
/// for an SE that is not positive (or whose square under- or overflows), or when the results
/// are not finite (estimates too extreme to square); [`Error::InsufficientData`] for a
/// random-effects model or a Knapp-Hartung interval with fewer than 2 cases;
/// [`Error::InvalidParameter`] for a level outside (0, 1); [`Error::NoConvergence`] when the
/// REML score has no root the solver can find.
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::{pool, PoolingModel, PoolingOptions};
/// let y = [1.8, 0.4, 2.6, 1.1, -0.2, 3.4];
/// let se = [0.45, 0.30, 0.70, 0.38, 0.52, 0.90];
/// let re = pool(&y, &se, PoolingOptions::default())?;
/// let fe = pool(&y, &se, PoolingOptions::default().model(PoolingModel::FixedEffect))?;
/// assert!(re.tau2 > 0.0 && fe.tau2 == 0.0);
/// assert!(re.pooled.ci.ok_or("no interval")?.width() > fe.pooled.ci.ok_or("no interval")?.width());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn pool(
    estimates: &[f64],
    standard_errors: &[f64],
    options: PoolingOptions,
) -> Result<PoolingResult> {
    check_level(options.level)?;
    let k = estimates.len();
    if k == 0 {
        return Err(Error::Empty {
            what: "estimates to pool".to_string(),
        });
    }
    if standard_errors.len() != k {
        return Err(Error::LengthMismatch {
            what: "estimates and standard errors",
            left: k,
            right: standard_errors.len(),
        });
    }
    for (i, (&y, &s)) in estimates.iter().zip(standard_errors).enumerate() {
        if !y.is_finite() {
            return Err(Error::NonFinite {
                what: "estimates to pool".to_string(),
                index: i,
                value: y,
            });
        }
        if !s.is_finite() {
            return Err(Error::NonFinite {
                what: "standard errors".to_string(),
                index: i,
                value: s,
            });
        }
        let v = s * s;
        if !(s > 0.0 && v > 0.0 && v.is_finite()) {
            return Err(Error::InvalidData {
                reason: format!(
                    "standard error {s} at index {i} must be positive, with a finite positive square"
                ),
            });
        }
    }
    let random = !matches!(options.model, PoolingModel::FixedEffect);
    if random && k < 2 {
        return Err(Error::InsufficientData {
            what: "random-effects pooling".to_string(),
            needed: 2,
            got: k,
        });
    }
    if options.interval == PoolingInterval::KnappHartung && k < 2 {
        return Err(Error::InsufficientData {
            what: "a Knapp-Hartung interval".to_string(),
            needed: 2,
            got: k,
        });
    }
    let v: Vec<f64> = standard_errors.iter().map(|s| s * s).collect();

    // Fixed-effect quantities: Q and the typical within-case variance.
    let fe = weighted(estimates, &v, 0.0);
    let q = estimates
        .iter()
        .zip(&v)
        .map(|(y, vi)| (y - fe.mean).powi(2) / vi)
        .sum::<f64>();
    let q_df = k - 1;
    let sum_w2: f64 = v.iter().map(|vi| 1.0 / (vi * vi)).sum();
    let c = fe.sum_w - sum_w2 / fe.sum_w;
    let typical_variance = if q_df == 0 || !(c > 0.0) {
        0.0
    } else {
        q_df as f64 / c
    };

    let tau2 = match options.model {
        PoolingModel::FixedEffect => 0.0,
        PoolingModel::DerSimonianLaird => {
            if c > 0.0 {
                ((q - q_df as f64) / c).max(0.0)
            } else {
                0.0
            }
        }
        PoolingModel::Reml => reml_tau2(estimates, &v)?,
    };

    let fit = weighted(estimates, &v, tau2);
    let (se, quantile) = match options.interval {
        PoolingInterval::Normal => (
            1.0 / fit.sum_w.sqrt(),
            -Normal::standard().inverse_cdf(0.5 * (1.0 - options.level)),
        ),
        PoolingInterval::KnappHartung => {
            let rss: f64 = estimates
                .iter()
                .zip(&v)
                .map(|(y, vi)| (y - fit.mean).powi(2) / (vi + tau2))
                .sum();
            let t = NoncentralT::new(q_df as f64, 0.0)?;
            (
                (rss / (q_df as f64 * fit.sum_w)).sqrt(),
                t.inverse_cdf(0.5 * (1.0 + options.level)),
            )
        }
    };

    let q_p = if q_df == 0 {
        1.0
    } else {
        ChiSquared::new(q_df as f64)
            .map_err(|_| Error::InvalidParameter {
                name: "degrees of freedom of Q",
                value: q_df as f64,
                expected: "positive",
            })?
            .sf(q)
    };
    let (i2, h2) = if random {
        if typical_variance > 0.0 {
            (
                tau2 / (tau2 + typical_variance),
                (tau2 + typical_variance) / typical_variance,
            )
        } else {
            (0.0, 1.0)
        }
    } else if q_df == 0 {
        (0.0, 1.0)
    } else {
        let i2 = if q > 0.0 {
            ((q - q_df as f64) / q).max(0.0)
        } else {
            0.0
        };
        (i2, q / q_df as f64)
    };
    let weights: Vec<f64> = v.iter().map(|vi| 1.0 / (vi + tau2) / fit.sum_w).collect();

    let all = [fit.mean, se, quantile, tau2, q, q_p, i2, h2];
    if all.iter().any(|x| !x.is_finite()) || weights.iter().any(|w| !w.is_finite()) {
        return Err(Error::InvalidData {
            reason: "the pooled statistics are not finite (estimates or standard errors too extreme to square and sum)".to_string(),
        });
    }
    let method = PoolingMethod::new(options.model, options.interval);
    let ci = Interval::new(
        fit.mean - quantile * se,
        fit.mean + quantile * se,
        options.level,
    )?;
    Ok(PoolingResult {
        pooled: Estimate::new(fit.mean, Some(se), Some(ci), Method::Pooled(method.clone())),
        tau2,
        q,
        q_df,
        q_p,
        i2,
        h2,
        typical_variance,
        k,
        weights,
        method,
    })
}

/// Pools [`Estimate`]s, each of which must carry a standard error.
///
/// # Method
///
/// As [`pool`], on the estimates' `value` and `se`. Pool on a scale where the estimates are
/// roughly normal: [`log_risk_ratio`](crate::effect::binary::log_risk_ratio), not the ratio.
///
/// # References
///
/// See [`pool`].
///
/// # Errors
///
/// [`Error::InvalidData`] when an estimate has no standard error; otherwise as [`pool`].
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::{log_risk_ratio, pool_estimates, PoolingOptions, TwoByTwo};
/// let cases = [TwoByTwo::new(8, 10, 4, 10)?, TwoByTwo::new(6, 9, 3, 10)?, TwoByTwo::new(7, 12, 5, 11)?];
/// let lrr = cases.iter().map(|t| log_risk_ratio(t, 0.95)).collect::<Result<Vec<_>, _>>()?;
/// let pooled = pool_estimates(&lrr, PoolingOptions::default())?;
/// assert!(pooled.pooled.value > 0.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn pool_estimates(estimates: &[Estimate], options: PoolingOptions) -> Result<PoolingResult> {
    let mut y = Vec::with_capacity(estimates.len());
    let mut s = Vec::with_capacity(estimates.len());
    for (i, e) in estimates.iter().enumerate() {
        let se = e.se.ok_or_else(|| Error::InvalidData {
            reason: format!("estimate {i} has no standard error, so it cannot be weighted"),
        })?;
        y.push(e.value);
        s.push(se);
    }
    pool(&y, &s, options)
}

/// Weighted mean and total weight at a given `tau^2`.
struct WeightedFit {
    mean: f64,
    sum_w: f64,
}

fn weighted(y: &[f64], v: &[f64], tau2: f64) -> WeightedFit {
    let mut sum_w = 0.0;
    let mut sum_wy = 0.0;
    for (yi, vi) in y.iter().zip(v) {
        let w = 1.0 / (vi + tau2);
        sum_w += w;
        sum_wy += w * yi;
    }
    WeightedFit {
        mean: sum_wy / sum_w,
        sum_w,
    }
}

/// Twice the derivative of the restricted log-likelihood with respect to `tau^2`.
fn reml_score(y: &[f64], v: &[f64], tau2: f64) -> f64 {
    let fit = weighted(y, v, tau2);
    let mut sum_w2r2 = 0.0;
    let mut sum_w2 = 0.0;
    for (yi, vi) in y.iter().zip(v) {
        let w = 1.0 / (vi + tau2);
        let r = yi - fit.mean;
        sum_w2r2 += w * w * r * r;
        sum_w2 += w * w;
    }
    sum_w2r2 - fit.sum_w + sum_w2 / fit.sum_w
}

/// REML estimate of `tau^2`, truncated at 0.
fn reml_tau2(y: &[f64], v: &[f64]) -> Result<f64> {
    let at_zero = reml_score(y, v, 0.0);
    if !(at_zero > 0.0) {
        return Ok(0.0);
    }
    // Start the upper end at the spread of the estimates (the scale of tau^2) and grow it.
    let k = y.len() as f64;
    let mean = y.iter().sum::<f64>() / k;
    let spread = y.iter().map(|yi| (yi - mean).powi(2)).sum::<f64>() / (k - 1.0);
    let start = if spread > 0.0 && spread.is_finite() {
        spread
    } else {
        v.iter().cloned().fold(0.0, f64::max)
    };
    let options = RootOptions::default();
    find_root_expanding(|t| reml_score(y, v, t), 0.0, start, 0.0, f64::MAX, options).map_err(|_| {
        Error::NoConvergence {
            what: "REML estimate of tau^2 (root of the REML score)",
            iterations: options.max_iterations,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reml_score_vanishes_at_the_estimate() {
        let y = [1.8, 0.4, 2.6, 1.1, -0.2, 3.4];
        let v: Vec<f64> = [0.45f64, 0.30, 0.70, 0.38, 0.52, 0.90]
            .iter()
            .map(|s| s * s)
            .collect();
        let t = reml_tau2(&y, &v).unwrap();
        assert!(t > 0.0);
        assert!(reml_score(&y, &v, t).abs() < 1e-12);
    }
}
