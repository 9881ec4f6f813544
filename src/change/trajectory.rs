//! Per-session improvement from the baseline mean.

use std::fmt;

use super::phase_change::{PhaseChangeOptions, locate};
use super::{finite, mean};
use crate::error::Result;
use crate::series::Series;

/// One treatment session of a [`Trajectory`].
///
/// # Examples
///
/// ```
/// use outcome_stats::change::Trajectory;
/// use outcome_stats::{Scale, Series};
/// let s = Series::from_phases(Scale::nrs11(), &[("A", &[10.0, 10.0]), ("B", &[6.0, 2.0])])?;
/// let point = &Trajectory::new(&s)?.points[1];
/// assert_eq!((point.index, point.improvement), (3, 8.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct TrajectoryPoint {
    /// Index of the observation in the series.
    pub index: usize,
    /// Its time (the index when the series has no times).
    pub time: f64,
    /// Its phase's name (e.g. `B1`, `B2`).
    pub phase: String,
    /// The observed value.
    pub value: f64,
    /// Improvement from the baseline mean (positive = better).
    pub improvement: f64,
    /// Percent improvement from the baseline mean toward the scale's best end; `None` when the
    /// baseline mean is at the best end.
    pub percent_improvement: Option<f64>,
}

/// The improvement from the baseline mean at each treatment session.
///
/// # Method
///
/// With `m_A` the mean of the baseline phase (A1) and `s` the direction sign, every
/// observation labelled with the treatment label after the baseline gets
/// `improvement_i = s (y_i - m_A)` and `percent_i = 100 improvement_i / |best - m_A|`.
///
/// # Examples
///
/// ```
/// use outcome_stats::change::Trajectory;
/// use outcome_stats::{Scale, Series};
/// let s = Series::from_phases(Scale::nrs11(), &[("A", &[10.0, 10.0]), ("B", &[6.0, 2.0])])?;
/// let t = Trajectory::new(&s)?;
/// assert_eq!(t.baseline_mean, 10.0);
/// assert_eq!(t.points[0].percent_improvement, Some(40.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Trajectory {
    /// The baseline phase's name.
    pub baseline_phase: String,
    /// The baseline mean every session is compared with.
    pub baseline_mean: f64,
    /// The treatment sessions, in order.
    pub points: Vec<TrajectoryPoint>,
}

impl Trajectory {
    /// The trajectory from phase `A` (A1) over all later `B` sessions.
    ///
    /// # Errors
    ///
    /// As [`Trajectory::with_options`].
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::change::Trajectory;
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[8.0, 4.0, 7.0, 2.0], &["A", "B", "A", "B"])?;
    /// assert_eq!(Trajectory::new(&s)?.points.len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(series: &Series) -> Result<Trajectory> {
        Trajectory::with_options(series, &PhaseChangeOptions::default())
    }

    /// The trajectory for the labels chosen in `options` (its level is not used).
    ///
    /// # Errors
    ///
    /// [`Error::PhaseMismatch`](crate::Error::PhaseMismatch) when the series has no baseline
    /// phase or no treatment phase after it; [`Error::InvalidData`](crate::Error::InvalidData)
    /// when a value overflows `f64`.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::change::{PhaseChangeOptions, Trajectory};
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[8.0, 4.0], &["pre", "on"])?;
    /// let options = PhaseChangeOptions::new().baseline("pre").treatment("on");
    /// assert_eq!(Trajectory::with_options(&s, &options)?.points[0].improvement, 4.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_options(series: &Series, options: &PhaseChangeOptions) -> Result<Trajectory> {
        let (a, _) = locate(series, options)?;
        let baseline_mean = mean(series.run_values(&a), "the baseline phase")?;
        let scale = series.scale();
        let sign = scale.direction().sign();
        let distance = (scale.best() - baseline_mean).abs();
        let times = series.times_or_index();
        let mut points = Vec::new();
        for run in series.runs() {
            if run.label != options.treatment_label() || run.start < a.end {
                continue;
            }
            let values = &series.values()[run.start..run.end];
            for (index, &value) in (run.start..run.end).zip(values) {
                let improvement = finite(
                    sign * (value - baseline_mean),
                    "the improvement from the baseline mean",
                )?;
                let percent = if distance > 0.0 {
                    Some(100.0 * (improvement / distance)).filter(|p| p.is_finite())
                } else {
                    None
                };
                points.push(TrajectoryPoint {
                    index,
                    time: times[index],
                    phase: run.name(),
                    value,
                    improvement,
                    percent_improvement: percent,
                });
            }
        }
        Ok(Trajectory {
            baseline_phase: a.name(),
            baseline_mean,
            points,
        })
    }
}

impl fmt::Display for Trajectory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "improvement from the {} mean {:.2}:",
            self.baseline_phase, self.baseline_mean
        )?;
        for p in &self.points {
            write!(f, " {}@{}: {:.2}", p.phase, p.time, p.improvement)?;
        }
        Ok(())
    }
}
