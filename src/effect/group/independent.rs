//! Two independent groups: Cohen's d, Hedges' g, Glass's delta.

use super::pivot::{ncp_interval, normal_interval, scale};
use super::sample::Moments;
use super::{GroupInterval, GroupMethod, GroupOptions, HedgesCorrection};
use crate::effect::{Estimate, Interval, Method, check_level};
use crate::error::{Error, Result};
use statrs::function::gamma::ln_gamma;

/// Cohen's d of two validated samples with what its interval and SE need.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PooledD {
    pub d: f64,
    /// 1/n1 + 1/n2.
    pub hn: f64,
    pub df: f64,
    pub se: f64,
}

impl PooledD {
    pub(crate) fn of(x: &[f64], y: &[f64]) -> Result<PooledD> {
        let a = Moments::of(x, "sample x", 2)?;
        let b = Moments::of(y, "sample y", 2)?;
        let (n1, n2) = (a.n as f64, b.n as f64);
        let df = n1 + n2 - 2.0;
        let sp = (((n1 - 1.0) * a.var + (n2 - 1.0) * b.var) / df).sqrt();
        if !(sp > 0.0) {
            return Err(Error::ZeroVariance {
                what: "pooled SD of samples x and y".to_string(),
            });
        }
        let d = (a.mean - b.mean) / sp;
        if !d.is_finite() {
            return Err(super::sample::too_large("samples x and y"));
        }
        let hn = 1.0 / n1 + 1.0 / n2;
        let se = (hn + d * d / (2.0 * (n1 + n2))).sqrt();
        Ok(PooledD { d, hn, df, se })
    }

    /// Interval ends for d.
    pub(crate) fn ends(&self, level: f64, options: &GroupOptions) -> Result<[f64; 2]> {
        match options.interval {
            GroupInterval::NoncentralT => {
                let t = self.d / self.hn.sqrt();
                let ends = ncp_interval(t, self.df, level, options.alternative)?;
                Ok(scale(ends, self.hn.sqrt()))
            }
            GroupInterval::Normal => {
                Ok(normal_interval(self.d, self.se, level, options.alternative))
            }
        }
    }
}

/// Cohen's d: the difference of the means of `x` and `y` over their pooled SD, with the exact
/// noncentral-t interval.
///
/// `x` minus `y`, whatever the outcome (see [Signs](crate::effect::group#signs)). Same as
/// [`cohens_d_with`] with default [`GroupOptions`].
///
/// # Method
///
/// d = (mean(x) - mean(y)) / s_p with s_p^2 = ((n1 - 1) s1^2 + (n2 - 1) s2^2) / (n1 + n2 - 2).
/// Interval: t = d / sqrt(1/n1 + 1/n2) follows a noncentral t on n1 + n2 - 2 degrees of
/// freedom with noncentrality delta sqrt(1/n1 + 1/n2) under normality with equal variances;
/// its noncentrality interval, solved to full precision, times sqrt(1/n1 + 1/n2) (Steiger &
/// Fouladi 1997). SE = sqrt((n1 + n2) / (n1 n2) + d^2 / (2 (n1 + n2))) (Hedges & Olkin 1985,
/// as Borenstein et al. 2009, eq. 4.20).
///
/// # References
///
/// Cohen J (1988). *Statistical Power Analysis for the Behavioral Sciences*, 2nd ed. Erlbaum.
/// Steiger JH, Fouladi RT (1997). Noncentrality interval estimation and the evaluation of
/// statistical models. In Harlow, Mulaik, Steiger (eds), *What If There Were No Significance
/// Tests?* Erlbaum, 221-257.
/// Hedges LV, Olkin I (1985). *Statistical Methods for Meta-Analysis*. Academic Press.
///
/// # Errors
///
/// [`Error::InvalidParameter`] for `level` outside (0, 1); [`Error::InsufficientData`] when
/// a sample has fewer than 2 values; [`Error::NonFinite`] for NaN or infinite values;
/// [`Error::ZeroVariance`] when both samples are constant; root-finder errors if the
/// interval cannot be solved (an extreme t).
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::cohens_d;
/// let treated = [6.0, 7.5, 8.0, 9.0, 7.0];
/// let control = [5.0, 6.0, 5.5, 7.0, 4.5];
/// let d = cohens_d(&treated, &control, 0.95)?;
/// // R effectsize 0.8.3: cohens_d(x, y) gives 1.8219605456444601, CI [0.2665, 3.3040]
/// assert!((d.value - 1.8219605456444601).abs() < 1e-12);
/// let ci = d.ci.ok_or("no interval")?;
/// assert!((ci.lower - 0.2665).abs() < 1e-4 && (ci.upper - 3.3040).abs() < 1e-4);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn cohens_d(x: &[f64], y: &[f64], level: f64) -> Result<Estimate> {
    cohens_d_with(x, y, level, GroupOptions::default())
}

/// Cohen's d with options: interval method and sidedness.
///
/// # Method
///
/// As [`cohens_d`]; with [`GroupInterval::Normal`] the interval is d -/+ z SE.
///
/// # References
///
/// As [`cohens_d`].
///
/// # Errors
///
/// As [`cohens_d`].
///
/// # Examples
///
/// ```
/// use outcome_stats::Alternative;
/// use outcome_stats::effect::{cohens_d_with, GroupOptions};
/// let d = cohens_d_with(&[3.0, 4.0, 5.0], &[1.0, 2.0, 2.5], 0.95,
///     GroupOptions::new().alternative(Alternative::Greater))?;
/// let ci = d.ci.ok_or("no interval")?;
/// assert!(ci.upper.is_infinite() && ci.lower < d.value);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn cohens_d_with(x: &[f64], y: &[f64], level: f64, options: GroupOptions) -> Result<Estimate> {
    check_level(level)?;
    let p = PooledD::of(x, y)?;
    let [lo, hi] = p.ends(level, &options)?;
    Ok(Estimate::new(
        p.d,
        Some(p.se),
        Some(Interval::new(lo, hi, level)?),
        Method::Group(GroupMethod::CohensD {
            interval: options.interval,
            alternative: options.alternative,
        }),
    ))
}

/// Hedges' small-sample factor J for `df` degrees of freedom (df > 1).
///
/// # Method
///
/// Exact: J(m) = Gamma(m / 2) / (sqrt(m / 2) Gamma((m - 1) / 2)) (Hedges 1981), computed for
/// (m - 1)/2 >= 20 from the Stirling series of the log-gamma difference,
/// ln J = (b - 1/2) ln(1 + 1/(2b)) - 1/2 + c(b + 1/2) - c(b) with b = (m - 1)/2 and c the
/// Stirling correction, which keeps full relative precision for large m (a difference of two
/// large log-gammas does not). Approximate: J = 1 - 3 / (4 m - 1).
///
/// # References
///
/// Hedges LV (1981). Distribution theory for Glass's estimator of effect size and related
/// estimators. *Journal of Educational Statistics* 6:107-128.
///
/// # Errors
///
/// [`Error::InvalidParameter`] when `df` is not above 1 (or is NaN).
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::{hedges_correction, HedgesCorrection};
/// let j = hedges_correction(2.0, HedgesCorrection::Exact)?;
/// assert!((j - 1.0 / std::f64::consts::PI.sqrt()).abs() < 1e-15);
/// let j = hedges_correction(38.0, HedgesCorrection::Approximate)?;
/// assert!((j - (1.0 - 3.0 / 151.0)).abs() < 1e-15);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn hedges_correction(df: f64, correction: HedgesCorrection) -> Result<f64> {
    if !(df > 1.0) {
        return Err(Error::InvalidParameter {
            name: "df",
            value: df,
            expected: "degrees of freedom above 1",
        });
    }
    Ok(match correction {
        HedgesCorrection::Approximate => 1.0 - 3.0 / (4.0 * df - 1.0),
        HedgesCorrection::Exact => {
            let b = 0.5 * (df - 1.0);
            let a = 0.5 * df;
            if df.is_infinite() {
                1.0
            } else if b >= 20.0 {
                let c = |z: f64| {
                    let z2 = 1.0 / (z * z);
                    (1.0 / 12.0
                        + z2 * (-1.0 / 360.0
                            + z2 * (1.0 / 1260.0 + z2 * (-1.0 / 1680.0 + z2 / 1188.0))))
                        / z
                };
                ((b - 0.5) * (0.5 / b).ln_1p() - 0.5 + (c(a) - c(b))).exp()
            } else {
                (ln_gamma(a) - ln_gamma(b) - 0.5 * a.ln()).exp()
            }
        }
    })
}

/// Hedges' g: Cohen's d times the exact small-sample factor J, with d's exact interval times J.
///
/// `x` minus `y`, whatever the outcome (see [Signs](crate::effect::group#signs)). Same as
/// [`hedges_g_with`] with default [`GroupOptions`].
///
/// # Method
///
/// g = J(n1 + n2 - 2) d with J from [`hedges_correction`] (exact, as R effectsize);
/// interval: the ends of d's noncentral-t interval times J (J is a constant, so the coverage
/// is d's); SE = J SE(d) (Borenstein et al. 2009, eq. 4.24).
///
/// # References
///
/// Hedges LV (1981). Distribution theory for Glass's estimator of effect size and related
/// estimators. *Journal of Educational Statistics* 6:107-128.
/// Borenstein M, Hedges LV, Higgins JPT, Rothstein HR (2009). *Introduction to
/// Meta-Analysis*, ch. 4. Wiley.
///
/// # Errors
///
/// As [`cohens_d`].
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::{cohens_d, hedges_g};
/// let x = [6.0, 7.5, 8.0, 9.0, 7.0];
/// let y = [5.0, 6.0, 5.5, 7.0, 4.5];
/// let g = hedges_g(&x, &y, 0.95)?;
/// let d = cohens_d(&x, &y, 0.95)?;
/// assert!(g.value < d.value && g.value > 0.9 * d.value);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn hedges_g(x: &[f64], y: &[f64], level: f64) -> Result<Estimate> {
    hedges_g_with(x, y, level, GroupOptions::default())
}

/// Hedges' g with options: interval method, sidedness and exact or approximate J.
///
/// # Method
///
/// As [`hedges_g`]; with [`GroupInterval::Normal`] the interval is g -/+ z J SE(d), and with
/// [`HedgesCorrection::Approximate`] J = 1 - 3 / (4 df - 1).
///
/// # References
///
/// As [`hedges_g`].
///
/// # Errors
///
/// As [`cohens_d`].
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::{hedges_g_with, GroupOptions, HedgesCorrection};
/// let g = hedges_g_with(&[2.0, 3.0, 4.5], &[1.0, 1.5, 2.0], 0.9,
///     GroupOptions::new().correction(HedgesCorrection::Approximate))?;
/// assert!(g.value > 0.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn hedges_g_with(x: &[f64], y: &[f64], level: f64, options: GroupOptions) -> Result<Estimate> {
    check_level(level)?;
    let p = PooledD::of(x, y)?;
    let j = hedges_correction(p.df, options.correction)?;
    let [lo, hi] = scale(p.ends(level, &options)?, j);
    Ok(Estimate::new(
        j * p.d,
        Some(j * p.se),
        Some(Interval::new(lo, hi, level)?),
        Method::Group(GroupMethod::HedgesG {
            interval: options.interval,
            alternative: options.alternative,
            correction: options.correction,
        }),
    ))
}

/// Glass's delta: the difference of the means of `x` and `y` over the SD of `y`, the control
/// group, with an approximate interval.
///
/// `x` minus `y`, whatever the outcome (see [Signs](crate::effect::group#signs)). Same as
/// [`glass_delta_with`] with default [`GroupOptions`].
///
/// # Method
///
/// delta = (mean(x) - mean(y)) / s_y. With h = 1/n_y + s_x^2 / (n_x s_y^2), the statistic
/// delta / sqrt(h) is treated as a noncentral t on n_y - 1 degrees of freedom and its
/// noncentrality interval (solved to full precision) is multiplied by sqrt(h), as R effectsize
/// 0.8.3 does. This pivot is exact only when the two population SDs are equal, so the
/// interval is labelled approximate. SE = sqrt(h + delta^2 / (2 (n_y - 1))): the
/// large-sample (delta-method) variance of a mean difference over one group's SD, allowing
/// unequal variances (the approach of Bonett 2008; with equal variances it is the familiar
/// 1/n_x + 1/n_y + delta^2 / (2 (n_y - 1)) of Hedges & Olkin 1985).
///
/// # References
///
/// Glass GV, McGaw B, Smith ML (1981). *Meta-Analysis in Social Research*. Sage.
/// Bonett DG (2008). Confidence intervals for standardized linear contrasts of means.
/// *Psychological Methods* 13:99-109.
/// Hedges LV, Olkin I (1985). *Statistical Methods for Meta-Analysis*. Academic Press.
///
/// # Errors
///
/// As [`cohens_d`], with [`Error::ZeroVariance`] when `y` is constant.
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::{glass_delta, IntervalKind};
/// let e = glass_delta(&[6.0, 7.5, 8.0, 9.0], &[5.0, 6.0, 5.5, 7.0, 4.5], 0.95)?;
/// assert_eq!(e.method.interval_kind(), IntervalKind::Approximate);
/// assert!(e.value > 1.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn glass_delta(x: &[f64], y: &[f64], level: f64) -> Result<Estimate> {
    glass_delta_with(x, y, level, GroupOptions::default())
}

/// Glass's delta with options: interval method and sidedness.
///
/// # Method
///
/// As [`glass_delta`]; with [`GroupInterval::Normal`] the interval is delta -/+ z SE.
///
/// # References
///
/// As [`glass_delta`].
///
/// # Errors
///
/// As [`glass_delta`].
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::{glass_delta_with, GroupInterval, GroupOptions};
/// let e = glass_delta_with(&[6.0, 7.5, 8.0], &[5.0, 6.0, 5.5], 0.9,
///     GroupOptions::new().interval(GroupInterval::Normal))?;
/// assert!(e.ci.is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn glass_delta_with(
    x: &[f64],
    y: &[f64],
    level: f64,
    options: GroupOptions,
) -> Result<Estimate> {
    check_level(level)?;
    let a = Moments::of(x, "sample x", 2)?;
    let b = Moments::of(y, "sample y (the control group)", 2)?;
    if !(b.var > 0.0) {
        return Err(Error::ZeroVariance {
            what: "sample y (the control group), whose SD standardises Glass's delta".to_string(),
        });
    }
    let (nx, ny) = (a.n as f64, b.n as f64);
    let delta = (a.mean - b.mean) / b.sd();
    let h = 1.0 / ny + a.var / (nx * b.var);
    if !(delta.is_finite() && h.is_finite()) {
        return Err(super::sample::too_large("samples x and y"));
    }
    let se = (h + delta * delta / (2.0 * (ny - 1.0))).sqrt();
    let [lo, hi] = match options.interval {
        GroupInterval::NoncentralT => scale(
            ncp_interval(delta / h.sqrt(), ny - 1.0, level, options.alternative)?,
            h.sqrt(),
        ),
        GroupInterval::Normal => normal_interval(delta, se, level, options.alternative),
    };
    Ok(Estimate::new(
        delta,
        Some(se),
        Some(Interval::new(lo, hi, level)?),
        Method::Group(GroupMethod::GlassDelta {
            interval: options.interval,
            alternative: options.alternative,
        }),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_j_branches_agree() {
        // ln-gamma branch vs Stirling branch around the switch (b = 20 <=> df = 41)
        for df in [40.5, 41.0, 41.5] {
            let j = hedges_correction(df, HedgesCorrection::Exact).unwrap();
            let a = 0.5 * df;
            let b = 0.5 * (df - 1.0);
            let direct = (ln_gamma(a) - ln_gamma(b) - 0.5 * a.ln()).exp();
            assert!((j - direct).abs() < 1e-13, "{df}: {j} vs {direct}");
        }
    }
}
