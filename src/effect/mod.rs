//! Effect sizes with standard errors and confidence intervals.
//!
//! Every function returns an [`Estimate`]: the value, its standard error where the method has
//! one, its confidence interval where the method has one, and the [`Method`] used (which says
//! whether the interval is exact or approximate and which corrections were applied).
//!
//! - [`group`]: two-group and paired standardised mean differences (d, g, Glass, d_z, d_av,
//!   d_rm) and the common-language effect size.
//! - [`single_case`]: overlap and parametric indices comparing phase A with phase B of a
//!   [`Series`](crate::Series) (NAP, PND, PEM, PAND, IRD, Tau, Tau-U, Tau-BC, SMD, LRR, ...).
//! - [`binary`]: responder comparisons (risk difference, risk ratio, odds ratio, NNT).
//! - [`pooling`]: fixed- and random-effects pooling of case-level estimates.
//!
//! # Signs
//!
//! Functions on plain slices are plain arithmetic (x minus y) and know nothing of a scale's
//! direction. Functions that take a [`Series`](crate::Series) are direction-aware: an
//! improvement is positive whatever the scale's direction. Indices whose published definition
//! carries its own direction keep it and say so.

pub mod binary;
pub mod group;
pub mod pooling;
pub mod single_case;

pub use binary::*;
pub use group::*;
pub use pooling::*;
pub use single_case::*;

use crate::error::{Error, Result};

/// A confidence interval.
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::Interval;
/// let ci = Interval::new(0.2, 0.9, 0.95)?;
/// assert!(ci.contains(0.5));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Interval {
    /// Lower end (may be `-inf` for a one-sided interval).
    pub lower: f64,
    /// Upper end (may be `+inf` for a one-sided interval).
    pub upper: f64,
    /// Confidence level in (0, 1), e.g. 0.95.
    pub level: f64,
}

impl Interval {
    /// An interval `[lower, upper]` at confidence `level`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] when `level` is not in (0, 1), an end is NaN, or
    /// `lower > upper`.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::effect::Interval;
    /// assert!(Interval::new(1.0, 0.0, 0.95).is_err());
    /// ```
    pub fn new(lower: f64, upper: f64, level: f64) -> Result<Interval> {
        check_level(level)?;
        if lower.is_nan() || upper.is_nan() || lower > upper {
            return Err(Error::InvalidParameter {
                name: "interval ends",
                value: lower,
                expected: "lower <= upper, neither NaN",
            });
        }
        Ok(Interval {
            lower,
            upper,
            level,
        })
    }

    /// Whether `x` lies in `[lower, upper]`.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::effect::Interval;
    /// assert!(!Interval::new(0.0, 1.0, 0.9)?.contains(2.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn contains(&self, x: f64) -> bool {
        x >= self.lower && x <= self.upper
    }

    /// The width `upper - lower`.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::effect::Interval;
    /// assert_eq!(Interval::new(0.25, 1.0, 0.9)?.width(), 0.75);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn width(&self) -> f64 {
        self.upper - self.lower
    }
}

/// An effect size with its standard error, confidence interval and method.
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::{cohens_d, Estimate};
/// let e: Estimate = cohens_d(&[6.0, 7.5, 8.0, 9.0], &[5.0, 6.0, 5.5, 7.0], 0.95)?;
/// let ci = e.ci.ok_or("no interval")?;
/// assert!(e.se.is_some() && ci.contains(e.value));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Estimate {
    /// The point estimate.
    pub value: f64,
    /// The standard error, where the method has one.
    pub se: Option<f64>,
    /// The confidence interval, where the method has one.
    pub ci: Option<Interval>,
    /// How the estimate, its SE and its interval were computed.
    pub method: Method,
}

impl Estimate {
    /// An estimate from its parts.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::Alternative;
    /// use outcome_stats::effect::{Estimate, GroupInterval, GroupMethod, Method};
    /// let m = Method::Group(GroupMethod::CohensD {
    ///     interval: GroupInterval::Normal,
    ///     alternative: Alternative::TwoSided,
    /// });
    /// let e = Estimate::new(0.5, Some(0.1), None, m);
    /// assert_eq!(e.se, Some(0.1));
    /// ```
    pub fn new(value: f64, se: Option<f64>, ci: Option<Interval>, method: Method) -> Estimate {
        Estimate {
            value,
            se,
            ci,
            method,
        }
    }
}

/// The level as a percentage, to one decimal place where needed ("95", "97.5").
fn level_percent(level: f64) -> f64 {
    (level * 1000.0).round() / 10.0
}

/// Shows `95% CI lower to upper`, the ends to the formatter's precision (3 decimals when none
/// is given).
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::Interval;
/// let ci = Interval::new(0.25, 1.0, 0.95)?;
/// assert_eq!(ci.to_string(), "95% CI 0.250 to 1.000");
/// assert_eq!(format!("{ci:.1}"), "95% CI 0.2 to 1.0");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl std::fmt::Display for Interval {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let digits = f.precision().unwrap_or(3);
        write!(
            f,
            "{}% CI {:.digits$} to {:.digits$}",
            level_percent(self.level),
            self.lower,
            self.upper
        )
    }
}

/// Shows the value, then the SE and the interval where the method has them:
/// `value (SE se; 95% CI lower to upper)`, to the formatter's precision (3 decimals when none
/// is given). The method is not shown (see [`Estimate::method`]).
///
/// # Examples
///
/// ```
/// use outcome_stats::{Scale, Series};
/// use outcome_stats::effect::{nap, pnd, NapOptions, OverlapOptions};
/// let s = Series::from_phases(Scale::nrs11(), &[("A", &[8.0, 7.0, 8.0]), ("B", &[5.0, 7.0, 4.0])])?;
/// let e = nap(&s, &NapOptions::default())?;
/// let (se, ci) = (e.se.ok_or("no SE")?, e.ci.ok_or("no interval")?);
/// assert_eq!(
///     format!("{e:.2}"),
///     format!("{:.2} (SE {se:.2}; 95% CI {:.2} to {:.2})", e.value, ci.lower, ci.upper)
/// );
/// // PND has neither SE nor interval.
/// assert_eq!(pnd(&s, &OverlapOptions::default())?.to_string(), "0.667");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl std::fmt::Display for Estimate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let digits = f.precision().unwrap_or(3);
        write!(f, "{:.digits$}", self.value)?;
        match (self.se, &self.ci) {
            (Some(se), Some(ci)) => write!(f, " (SE {se:.digits$}; {ci:.digits$})"),
            (Some(se), None) => write!(f, " (SE {se:.digits$})"),
            (None, Some(ci)) => write!(f, " ({ci:.digits$})"),
            (None, None) => Ok(()),
        }
    }
}

/// Whether an interval is exact (from a pivot) or approximate.
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::IntervalKind;
/// assert_ne!(IntervalKind::Exact, IntervalKind::Approximate);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum IntervalKind {
    /// Exact coverage under the model (e.g. noncentral t inversion).
    Exact,
    /// Approximate coverage (normal approximation, score interval, ...).
    Approximate,
    /// No interval.
    None,
}

/// The method behind an [`Estimate`], by area.
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::{d_av, Method, GroupMethod, IntervalKind};
/// let e = d_av(&[7.0, 8.0, 6.0, 9.0], &[5.0, 5.5, 5.0, 6.5], 0.95)?;
/// assert!(matches!(e.method, Method::Group(GroupMethod::DAv { .. })));
/// assert_eq!(e.method.interval_kind(), IntervalKind::Approximate);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Method {
    /// A two-group or paired effect size.
    Group(GroupMethod),
    /// A single-case index.
    SingleCase(SingleCaseMethod),
    /// A binary-outcome measure.
    Binary(BinaryMethod),
    /// A pooled estimate.
    Pooled(PoolingMethod),
}

impl Method {
    /// Whether the interval is exact, approximate, or absent.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::effect::{d_z, IntervalKind};
    /// let e = d_z(&[7.0, 8.0, 6.0, 9.0], &[5.0, 5.5, 5.0, 6.5], 0.95)?;
    /// assert_eq!(e.method.interval_kind(), IntervalKind::Exact);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn interval_kind(&self) -> IntervalKind {
        match self {
            Method::Group(m) => m.interval_kind(),
            Method::SingleCase(m) => m.interval_kind(),
            Method::Binary(m) => m.interval_kind(),
            Method::Pooled(m) => m.interval_kind(),
        }
    }
}

/// Checks a confidence level: it must lie strictly between 0 and 1.
///
/// # Errors
///
/// [`Error::InvalidParameter`] naming `level` otherwise (NaN included).
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::check_level;
/// assert!(check_level(0.95).is_ok());
/// assert!(check_level(1.0).is_err());
/// ```
pub fn check_level(level: f64) -> Result<()> {
    if level > 0.0 && level < 1.0 {
        Ok(())
    } else {
        Err(Error::InvalidParameter {
            name: "level",
            value: level,
            expected: "a confidence level in (0, 1)",
        })
    }
}
