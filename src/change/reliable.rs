//! The Jacobson-Truax reliable change index.

use std::fmt;

use crate::error::{Error, Result};

/// The critical value of the reliable change index: the two-sided 95% normal quantile, 1.96.
pub const RCI_CRITICAL: f64 = 1.96;

/// The Jacobson-Truax reliable change index of an improvement.
///
/// # Method
///
/// With improvement Δ (positive = better), reference SD `s` and test-retest reliability `r`:
/// the standard error of measurement is `SEM = s sqrt(1 - r)`, the standard error of a
/// difference of two measurements is `S_diff = sqrt(2) SEM`, and `RCI = Δ / S_diff`. An RCI
/// above +1.96 is a reliable improvement, below -1.96 a reliable deterioration.
///
/// # References
///
/// Jacobson NS, Truax P (1991). Clinical significance: a statistical approach to defining
/// meaningful change in psychotherapy research. *Journal of Consulting and Clinical
/// Psychology* 59(1):12-19.
///
/// # Errors
///
/// [`Error::NonFinite`] for a non-finite `improvement`; [`Error::InvalidParameter`] for a
/// `reliability` outside (0, 1), a `reference_sd` that is not positive and finite, or an RCI
/// that overflows (a vanishing `S_diff`).
///
/// # Examples
///
/// ```
/// use outcome_stats::change::reliable_change_index;
/// // 9 points on a 0-10 NRS, SD 2.5, reliability 0.9: 9 / (sqrt(2) 2.5 sqrt(0.1)) = 8.05.
/// let rci = reliable_change_index(9.0, 0.9, 2.5)?;
/// assert!((rci - 8.049844718999243).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn reliable_change_index(improvement: f64, reliability: f64, reference_sd: f64) -> Result<f64> {
    Ok(ReliableChange::new(improvement, reliability, reference_sd)?.rci)
}

/// Whether a change is reliable, by the Jacobson-Truax criterion.
///
/// # Examples
///
/// ```
/// use outcome_stats::change::{ReliableChange, ReliableChangeCategory};
/// let rc = ReliableChange::new(1.0, 0.9, 2.5)?;
/// assert_eq!(rc.category, ReliableChangeCategory::NoReliableChange);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ReliableChangeCategory {
    /// RCI above +1.96.
    ReliableImprovement,
    /// RCI within [-1.96, +1.96].
    NoReliableChange,
    /// RCI below -1.96.
    ReliableDeterioration,
}

/// The reliable change index of an improvement with its intermediates.
///
/// # Method
///
/// See [`reliable_change_index`].
///
/// # References
///
/// Jacobson NS, Truax P (1991). *Journal of Consulting and Clinical Psychology* 59(1):12-19.
///
/// # Examples
///
/// ```
/// use outcome_stats::change::{ReliableChange, ReliableChangeCategory};
/// let rc = ReliableChange::new(9.0, 0.9, 2.5)?;
/// assert_eq!(rc.category, ReliableChangeCategory::ReliableImprovement);
/// assert!((rc.se_difference - 1.118033988749895).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct ReliableChange {
    /// The improvement (positive = better) the index is computed for.
    pub improvement: f64,
    /// The test-retest reliability used.
    pub reliability: f64,
    /// The reference SD used.
    pub reference_sd: f64,
    /// Standard error of measurement, `s sqrt(1 - r)`.
    pub sem: f64,
    /// Standard error of a difference, `sqrt(2) SEM`.
    pub se_difference: f64,
    /// The reliable change index, improvement / `se_difference`.
    pub rci: f64,
    /// The smallest improvement that is reliable, `1.96 se_difference`.
    pub reliable_threshold: f64,
    /// The verdict.
    pub category: ReliableChangeCategory,
}

impl ReliableChange {
    /// The reliable change index of `improvement` given `reliability` in (0, 1) and a
    /// positive `reference_sd`.
    ///
    /// # Errors
    ///
    /// As [`reliable_change_index`].
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::change::ReliableChange;
    /// assert!(ReliableChange::new(9.0, 1.0, 2.5).is_err());
    /// assert!(ReliableChange::new(9.0, 0.9, 0.0).is_err());
    /// ```
    pub fn new(improvement: f64, reliability: f64, reference_sd: f64) -> Result<ReliableChange> {
        if !improvement.is_finite() {
            return Err(Error::NonFinite {
                what: "the improvement".to_string(),
                index: 0,
                value: improvement,
            });
        }
        if !(reliability > 0.0 && reliability < 1.0) {
            return Err(Error::InvalidParameter {
                name: "reliability",
                value: reliability,
                expected: "a test-retest reliability strictly between 0 and 1",
            });
        }
        if !(reference_sd > 0.0 && reference_sd.is_finite()) {
            return Err(Error::InvalidParameter {
                name: "reference_sd",
                value: reference_sd,
                expected: "a positive, finite standard deviation",
            });
        }
        let sem = reference_sd * (1.0 - reliability).sqrt();
        let se_difference = std::f64::consts::SQRT_2 * sem;
        let rci = improvement / se_difference;
        let reliable_threshold = RCI_CRITICAL * se_difference;
        if !(rci.is_finite() && se_difference > 0.0 && reliable_threshold.is_finite()) {
            return Err(Error::InvalidParameter {
                name: "reference_sd",
                value: reference_sd,
                expected: "large enough (and small enough) that the reliable change index is finite",
            });
        }
        let category = if rci > RCI_CRITICAL {
            ReliableChangeCategory::ReliableImprovement
        } else if rci < -RCI_CRITICAL {
            ReliableChangeCategory::ReliableDeterioration
        } else {
            ReliableChangeCategory::NoReliableChange
        };
        Ok(ReliableChange {
            improvement,
            reliability,
            reference_sd,
            sem,
            se_difference,
            rci,
            reliable_threshold,
            category,
        })
    }
}

impl fmt::Display for ReliableChangeCategory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ReliableChangeCategory::ReliableImprovement => "reliable improvement",
            ReliableChangeCategory::NoReliableChange => "no reliable change",
            ReliableChangeCategory::ReliableDeterioration => "reliable deterioration",
        })
    }
}

impl fmt::Display for ReliableChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "RCI {:.2} ({}; reliable beyond +/-{RCI_CRITICAL}, i.e. an improvement of at least \
             {:.2}, with reliability {} and reference SD {})",
            self.rci, self.category, self.reliable_threshold, self.reliability, self.reference_sd
        )
    }
}
