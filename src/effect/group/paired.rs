//! Paired (repeated-measures) standardised mean differences: d_z, d_av, d_rm.

use super::pivot::{ncp_interval, normal_interval, scale};
use super::sample::{Moments, check_paired, too_large};
use super::{GroupInterval, GroupMethod, GroupOptions};
use crate::effect::{Estimate, Interval, Method, check_level};
use crate::error::{Error, Result};

/// The summaries of paired samples the three paired effect sizes need.
#[derive(Debug, Clone, Copy)]
struct Paired {
    n: f64,
    mean_diff: f64,
    sd_diff: f64,
    sd_x: f64,
    sd_y: f64,
    /// Pearson correlation of x and y (0 when either is constant), clamped to [-1, 1].
    r: f64,
}

impl Paired {
    fn of(x: &[f64], y: &[f64], needed: usize) -> Result<Paired> {
        check_paired(x, y, needed)?;
        let diffs: Vec<f64> = x.iter().zip(y).map(|(a, b)| a - b).collect();
        if diffs.iter().any(|d| !d.is_finite()) {
            return Err(too_large("differences x - y"));
        }
        let d = Moments::of(&diffs, "differences x - y", needed)?;
        if !(d.var > 0.0) {
            return Err(Error::ZeroVariance {
                what: "differences x - y".to_string(),
            });
        }
        let mx = Moments::of(x, "sample x", needed)?;
        let my = Moments::of(y, "sample y", needed)?;
        let n = x.len() as f64;
        let cov = x
            .iter()
            .zip(y)
            .map(|(a, b)| (a - mx.mean) * (b - my.mean))
            .sum::<f64>()
            / (n - 1.0);
        let (sd_x, sd_y) = (mx.sd(), my.sd());
        let r = if sd_x > 0.0 && sd_y > 0.0 {
            (cov / (sd_x * sd_y)).clamp(-1.0, 1.0)
        } else {
            0.0
        };
        if !(cov.is_finite() && d.mean.is_finite()) {
            return Err(too_large("paired samples x and y"));
        }
        Ok(Paired {
            n,
            mean_diff: d.mean,
            sd_diff: d.sd(),
            sd_x,
            sd_y,
            r,
        })
    }

    fn dz(&self) -> f64 {
        self.mean_diff / self.sd_diff
    }

    /// Noncentral-t interval ends for d_z (t = d_z sqrt(n) on n - 1 df).
    fn dz_ends(&self, level: f64, options: &GroupOptions) -> Result<[f64; 2]> {
        let rn = self.n.sqrt();
        let ends = ncp_interval(self.dz() * rn, self.n - 1.0, level, options.alternative)?;
        Ok(scale(ends, 1.0 / rn))
    }
}

/// Paired d_z: the mean of the differences x - y over their SD, with the exact
/// noncentral-t interval.
///
/// `x` minus `y`, whatever the outcome (see [Signs](crate::effect::group#signs)). Same as
/// [`d_z_with`] with default [`GroupOptions`].
///
/// # Method
///
/// d_z = mean(x - y) / sd(x - y); t = d_z sqrt(n) follows a noncentral t on n - 1 degrees of
/// freedom with noncentrality delta_z sqrt(n) for normal differences, so the noncentrality
/// interval (solved to full precision) divided by sqrt(n) is exact (Steiger & Fouladi 1997).
/// SE = sqrt(1/n + d_z^2 / (2 n)) (large-sample, Goulet-Pelletier & Cousineau 2018).
///
/// # References
///
/// Cohen J (1988). *Statistical Power Analysis for the Behavioral Sciences*, 2nd ed. Erlbaum.
/// Lakens D (2013). Calculating and reporting effect sizes to facilitate cumulative science.
/// *Frontiers in Psychology* 4:863.
/// Steiger JH, Fouladi RT (1997), in *What If There Were No Significance Tests?* Erlbaum.
/// Goulet-Pelletier J-C, Cousineau D (2018). A review of effect sizes and their confidence
/// intervals, Part I: The Cohen's d family. *The Quantitative Methods for Psychology* 14:242-265.
///
/// # Errors
///
/// [`Error::InvalidParameter`] for `level` outside (0, 1); [`Error::LengthMismatch`] when `x`
/// and `y` differ in length; [`Error::InsufficientData`] for fewer than 2 pairs;
/// [`Error::NonFinite`] for NaN or infinite values; [`Error::ZeroVariance`] when the
/// differences are constant.
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::{d_z, IntervalKind};
/// let before = [7.0, 8.0, 6.0, 9.0, 7.0, 8.0];
/// let after = [5.0, 5.5, 5.0, 6.0, 6.5, 5.0];
/// let e = d_z(&before, &after, 0.95)?;
/// assert_eq!(e.method.interval_kind(), IntervalKind::Exact);
/// assert!(e.value > 1.0 && e.ci.ok_or("no interval")?.lower > 0.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn d_z(x: &[f64], y: &[f64], level: f64) -> Result<Estimate> {
    d_z_with(x, y, level, GroupOptions::default())
}

/// Paired d_z with options: interval method and sidedness.
///
/// # Method
///
/// As [`d_z`]; with [`GroupInterval::Normal`] the interval is d_z -/+ z SE.
///
/// # References
///
/// As [`d_z`].
///
/// # Errors
///
/// As [`d_z`].
///
/// # Examples
///
/// ```
/// use outcome_stats::Alternative;
/// use outcome_stats::effect::{d_z_with, GroupOptions};
/// let e = d_z_with(&[3.0, 4.0, 6.0], &[1.0, 3.0, 3.5], 0.95,
///     GroupOptions::new().alternative(Alternative::Greater))?;
/// assert!(e.ci.ok_or("no interval")?.upper.is_infinite());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn d_z_with(x: &[f64], y: &[f64], level: f64, options: GroupOptions) -> Result<Estimate> {
    check_level(level)?;
    let p = Paired::of(x, y, 2)?;
    let dz = p.dz();
    let se = (1.0 / p.n + dz * dz / (2.0 * p.n)).sqrt();
    let [lo, hi] = match options.interval {
        GroupInterval::NoncentralT => p.dz_ends(level, &options)?,
        GroupInterval::Normal => normal_interval(dz, se, level, options.alternative),
    };
    Ok(Estimate::new(
        dz,
        Some(se),
        Some(Interval::new(lo, hi, level)?),
        Method::Group(GroupMethod::Dz {
            interval: options.interval,
            alternative: options.alternative,
        }),
    ))
}

/// Paired d_av (Lakens 2013): the mean difference over the mean of the two SDs, with the
/// Algina & Keselman (2003) approximate interval.
///
/// `x` minus `y`, whatever the outcome (see [Signs](crate::effect::group#signs)). Same as
/// [`d_av_with`] with default [`GroupOptions`].
///
/// # Method
///
/// d_av = mean(x - y) / ((s_x + s_y) / 2) (Lakens 2013, eq. 10; Cumming 2012).
/// Interval (Algina & Keselman 2003, applied to Lakens' standardiser): invert the paired
/// t = mean(x - y) / (s_diff / sqrt(n)) as a noncentral t on n - 1 degrees of freedom and
/// multiply the noncentrality ends by s_diff / (sqrt(n) (s_x + s_y) / 2), treating that ratio as
/// known: approximate. SE (delta method for a mean over an estimated standardiser S, with the
/// mean independent of S under normality):
/// SE^2 = s_diff^2 / (n S^2) + d_av^2 (s_x^2 + s_y^2 + 2 r^2 s_x s_y) / (8 (n - 1) S^2),
/// S = (s_x + s_y) / 2; with equal SDs, 2 (1 - r) / n + d_av^2 (1 + r^2) / (4 (n - 1)).
///
/// # References
///
/// Lakens D (2013). Calculating and reporting effect sizes to facilitate cumulative science.
/// *Frontiers in Psychology* 4:863.
/// Algina J, Keselman HJ (2003). Approximate confidence intervals for effect sizes.
/// *Educational and Psychological Measurement* 63:537-553.
///
/// # Errors
///
/// As [`d_z`], with [`Error::ZeroVariance`] also when both samples are constant.
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::{d_av, IntervalKind};
/// let e = d_av(&[7.0, 8.0, 6.0, 9.0, 7.0], &[5.0, 5.5, 5.0, 6.0, 6.5], 0.95)?;
/// assert_eq!(e.method.interval_kind(), IntervalKind::Approximate);
/// assert!(e.value > 1.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn d_av(x: &[f64], y: &[f64], level: f64) -> Result<Estimate> {
    d_av_with(x, y, level, GroupOptions::default())
}

/// Paired d_av with options: interval method and sidedness.
///
/// # Method
///
/// As [`d_av`]; with [`GroupInterval::Normal`] the interval is d_av -/+ z SE.
///
/// # References
///
/// As [`d_av`].
///
/// # Errors
///
/// As [`d_av`].
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::{d_av_with, GroupInterval, GroupOptions};
/// let e = d_av_with(&[7.0, 8.0, 6.0, 9.0], &[5.0, 5.5, 5.0, 6.5], 0.9,
///     GroupOptions::new().interval(GroupInterval::Normal))?;
/// assert!(e.ci.is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn d_av_with(x: &[f64], y: &[f64], level: f64, options: GroupOptions) -> Result<Estimate> {
    check_level(level)?;
    let p = Paired::of(x, y, 2)?;
    let s = 0.5 * (p.sd_x + p.sd_y);
    if !(s > 0.0) {
        return Err(Error::ZeroVariance {
            what: "samples x and y (both constant), whose mean SD standardises d_av".to_string(),
        });
    }
    let d = p.mean_diff / s;
    let var = p.sd_diff * p.sd_diff / (p.n * s * s)
        + d * d * (p.sd_x * p.sd_x + p.sd_y * p.sd_y + 2.0 * p.r * p.r * p.sd_x * p.sd_y)
            / (8.0 * (p.n - 1.0) * s * s);
    let se = var.sqrt();
    let [lo, hi] = match options.interval {
        GroupInterval::NoncentralT => scale(p.dz_ends(level, &options)?, p.sd_diff / s),
        GroupInterval::Normal => normal_interval(d, se, level, options.alternative),
    };
    Ok(Estimate::new(
        d,
        Some(se),
        Some(Interval::new(lo, hi, level)?),
        Method::Group(GroupMethod::DAv {
            interval: options.interval,
            alternative: options.alternative,
        }),
    ))
}

/// Paired d_rm (Lakens 2013): d_z rescaled by the correlation, sqrt(2 (1 - r)) d_z, with an
/// approximate interval.
///
/// `x` minus `y`, whatever the outcome (see [Signs](crate::effect::group#signs)). Same as
/// [`d_rm_with`] with default [`GroupOptions`].
///
/// # Method
///
/// d_rm = mean(x - y) / sqrt(s_x^2 + s_y^2 - 2 r s_x s_y) * sqrt(2 (1 - r)) (Lakens 2013,
/// eq. 9), r the Pearson correlation of x and y; the square root is s_diff, so
/// d_rm = d_z sqrt(2 (1 - r)). Interval: d_z's exact noncentral-t ends times sqrt(2 (1 - r)),
/// treating r as known: approximate. SE^2 = (1/n + d_rm^2 / (2 n)) 2 (1 - r) (Borenstein et
/// al. 2009, eq. 4.28).
///
/// # References
///
/// Lakens D (2013). Calculating and reporting effect sizes to facilitate cumulative science.
/// *Frontiers in Psychology* 4:863.
/// Borenstein M, Hedges LV, Higgins JPT, Rothstein HR (2009). *Introduction to
/// Meta-Analysis*, ch. 4. Wiley.
///
/// # Errors
///
/// As [`d_z`], except that d_rm needs at least 3 pairs (with 2 the correlation is always
/// -1 or 1), and [`Error::ZeroVariance`] also when `x` or `y` is constant (no correlation).
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::d_rm;
/// let e = d_rm(&[7.0, 8.0, 6.0, 9.0, 7.0], &[5.0, 5.5, 5.0, 6.0, 6.5], 0.95)?;
/// assert!(e.value > 0.5);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn d_rm(x: &[f64], y: &[f64], level: f64) -> Result<Estimate> {
    d_rm_with(x, y, level, GroupOptions::default())
}

/// Paired d_rm with options: interval method and sidedness.
///
/// # Method
///
/// As [`d_rm`]; with [`GroupInterval::Normal`] the interval is d_rm -/+ z SE.
///
/// # References
///
/// As [`d_rm`].
///
/// # Errors
///
/// As [`d_rm`].
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::{d_rm_with, GroupInterval, GroupOptions};
/// let e = d_rm_with(&[7.0, 8.0, 6.0, 9.0], &[5.0, 5.5, 5.0, 6.5], 0.9,
///     GroupOptions::new().interval(GroupInterval::Normal))?;
/// assert!(e.se.is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn d_rm_with(x: &[f64], y: &[f64], level: f64, options: GroupOptions) -> Result<Estimate> {
    check_level(level)?;
    let p = Paired::of(x, y, 3)?;
    if !(p.sd_x > 0.0 && p.sd_y > 0.0) {
        return Err(Error::ZeroVariance {
            what: "sample x or y (constant), so the correlation d_rm needs is undefined"
                .to_string(),
        });
    }
    let k = (2.0 * (1.0 - p.r)).sqrt();
    let d = p.dz() * k;
    let se = ((1.0 / p.n + d * d / (2.0 * p.n)) * 2.0 * (1.0 - p.r)).sqrt();
    let [lo, hi] = match options.interval {
        GroupInterval::NoncentralT => scale(p.dz_ends(level, &options)?, k),
        GroupInterval::Normal => normal_interval(d, se, level, options.alternative),
    };
    Ok(Estimate::new(
        d,
        Some(se),
        Some(Interval::new(lo, hi, level)?),
        Method::Group(GroupMethod::DRm {
            interval: options.interval,
            alternative: options.alternative,
        }),
    ))
}
