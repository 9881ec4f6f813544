//! Area under the curve of a series (trapezoid rule).

use std::fmt;

use super::phase_change::{PhaseChangeOptions, locate};
use super::{finite, mean};
use crate::error::Result;
use crate::series::Series;

/// Which axis the area is computed on.
///
/// # Examples
///
/// ```
/// use outcome_stats::change::AucAxis;
/// assert_ne!(AucAxis::Times, AucAxis::Index);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum AucAxis {
    /// The series' times.
    Times,
    /// The observation index 0, 1, 2, ... (the series has no times).
    Index,
}

/// The area under a series' curve by the trapezoid rule, and the area of improvement over the
/// treatment phases.
///
/// # Method
///
/// With times `t_i` (or indices when the series has none) and values `y_i`:
/// `area = sum_i (t_{i+1} - t_i) (y_i + y_{i+1}) / 2` over the whole series, `span = t_n - t_1`
/// and `mean_level = area / span` (`None` for a single observation).
/// `improvement_area` integrates the improvement from the baseline mean,
/// `s (y_i - m_A)`, by the same rule within each treatment phase after the baseline (phases are
/// not bridged, so a withdrawal phase between B1 and B2 contributes nothing); it is positive
/// when the treatment phases are better than baseline. It is `None` when the series lacks the
/// baseline or a later treatment phase.
///
/// # References
///
/// Matthews JNS, Altman DG, Campbell MJ, Royston P (1990). Analysis of serial measurements in
/// medical research. *BMJ* 300:230-235.
///
/// # Examples
///
/// ```
/// use outcome_stats::change::AreaUnderCurve;
/// use outcome_stats::{Scale, Series};
/// let s = Series::from_phases(Scale::nrs11(), &[("A", &[8.0, 8.0]), ("B", &[6.0, 4.0])])?
///     .with_times(&[0.0, 1.0, 2.0, 4.0])?;
/// let auc = AreaUnderCurve::new(&s)?;
/// assert_eq!(auc.area, 8.0 + 7.0 + 10.0);
/// assert_eq!(auc.improvement_area, Some(6.0)); // (2 + 4) / 2 * 2
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct AreaUnderCurve {
    /// The axis used.
    pub axis: AucAxis,
    /// Area under the raw values over the whole series.
    pub area: f64,
    /// `t_last - t_first`.
    pub span: f64,
    /// `area / span`, the time-averaged level; `None` when `span` is 0.
    pub mean_level: Option<f64>,
    /// Area of improvement from the baseline mean over the treatment phases (positive =
    /// better); `None` when the phases are missing.
    pub improvement_area: Option<f64>,
}

fn trapezoid(t: &[f64], y: &[f64]) -> f64 {
    t.windows(2)
        .zip(y.windows(2))
        .map(|(tw, yw)| (tw[1] - tw[0]) * (yw[0] / 2.0 + yw[1] / 2.0))
        .sum()
}

impl AreaUnderCurve {
    /// The areas with the default labels (`A` baseline, `B` treatment).
    ///
    /// # Errors
    ///
    /// As [`AreaUnderCurve::with_options`].
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::change::{AreaUnderCurve, AucAxis};
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[4.0, 2.0], &["A", "A"])?;
    /// let auc = AreaUnderCurve::new(&s)?;
    /// assert_eq!((auc.axis, auc.area, auc.improvement_area), (AucAxis::Index, 3.0, None));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(series: &Series) -> Result<AreaUnderCurve> {
        AreaUnderCurve::with_options(series, &PhaseChangeOptions::default())
    }

    /// The areas with the labels chosen in `options` (its level is not used).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidData`](crate::Error::InvalidData) when an area overflows `f64`.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::change::{AreaUnderCurve, PhaseChangeOptions};
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[8.0, 5.0, 4.0], &["pre", "on", "on"])?;
    /// let options = PhaseChangeOptions::new().baseline("pre").treatment("on");
    /// assert_eq!(AreaUnderCurve::with_options(&s, &options)?.improvement_area, Some(3.5));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_options(series: &Series, options: &PhaseChangeOptions) -> Result<AreaUnderCurve> {
        let t = series.times_or_index();
        let y = series.values();
        let axis = if series.times().is_some() {
            AucAxis::Times
        } else {
            AucAxis::Index
        };
        let area = finite(trapezoid(&t, y), "the area under the curve")?;
        let span = finite(t[t.len() - 1] - t[0], "the time span")?;
        let mean_level = if span > 0.0 {
            Some(area / span).filter(|m| m.is_finite())
        } else {
            None
        };
        let improvement_area = match locate(series, options) {
            Ok((a, _)) => {
                let m = mean(series.run_values(&a), "the baseline phase")?;
                let sign = series.scale().direction().sign();
                let mut total = 0.0;
                for run in series.runs() {
                    if run.label != options.treatment_label() || run.start < a.end {
                        continue;
                    }
                    let imp: Vec<f64> = y[run.start..run.end]
                        .iter()
                        .map(|v| sign * (v - m))
                        .collect();
                    total += trapezoid(&t[run.start..run.end], &imp);
                }
                Some(finite(total, "the improvement area")?)
            }
            Err(_) => None,
        };
        Ok(AreaUnderCurve {
            axis,
            area,
            span,
            mean_level,
            improvement_area,
        })
    }
}

impl fmt::Display for AreaUnderCurve {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let axis = match self.axis {
            AucAxis::Times => "times",
            AucAxis::Index => "session index",
        };
        write!(
            f,
            "area under the curve {:.3} over {:.3} ({axis})",
            self.area, self.span
        )?;
        if let Some(m) = self.mean_level {
            write!(f, ", time-averaged level {m:.3}")?;
        }
        if let Some(i) = self.improvement_area {
            write!(f, ", improvement area over treatment {i:.3}")?;
        }
        Ok(())
    }
}
