//! The parallel two-arm trial.

use super::check_values;
use crate::error::Result;
use crate::scale::Scale;

/// A parallel two-arm trial: one outcome value per participant in a treatment arm and in a
/// control arm.
///
/// # Method
///
/// Building checks that each arm holds at least one value and that every value is finite and on
/// the scale. Statistics that need more (a variance needs two values per arm) check again.
///
/// # References
///
/// Schulz KF, Altman DG, Moher D (2010). CONSORT 2010 Statement. *BMJ* 340:c332.
///
/// # Examples
///
/// ```
/// use outcome_stats::design::ParallelTrial;
/// use outcome_stats::Scale;
/// let trial = ParallelTrial::new(Scale::nrs11(), &[3.0, 4.0, 2.0], &[6.0, 5.0, 7.0])?;
/// assert_eq!((trial.treatment().len(), trial.control().len()), (3, 3));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ParallelTrial {
    scale: Scale,
    treatment: Vec<f64>,
    control: Vec<f64>,
}

impl ParallelTrial {
    /// A parallel trial from the outcome values of the treatment and the control arm.
    ///
    /// # Errors
    ///
    /// [`Error::Empty`](crate::Error::Empty) for an empty arm;
    /// [`Error::NonFinite`](crate::Error::NonFinite) or
    /// [`Error::OutOfScale`](crate::Error::OutOfScale) for a bad value (naming the arm or the
    /// index).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::ParallelTrial;
    /// use outcome_stats::Scale;
    /// assert!(ParallelTrial::new(Scale::nrs11(), &[], &[6.0]).is_err());
    /// ```
    pub fn new(scale: Scale, treatment: &[f64], control: &[f64]) -> Result<ParallelTrial> {
        check_values(&scale, treatment, "the treatment arm")?;
        check_values(&scale, control, "the control arm")?;
        Ok(ParallelTrial {
            scale,
            treatment: treatment.to_vec(),
            control: control.to_vec(),
        })
    }

    /// The scale.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::ParallelTrial;
    /// use outcome_stats::Scale;
    /// assert_eq!(ParallelTrial::new(Scale::nrs11(), &[3.0], &[6.0])?.scale(), &Scale::nrs11());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn scale(&self) -> &Scale {
        &self.scale
    }

    /// The treatment arm's values.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::ParallelTrial;
    /// use outcome_stats::Scale;
    /// assert_eq!(ParallelTrial::new(Scale::nrs11(), &[3.0], &[6.0])?.treatment(), &[3.0]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn treatment(&self) -> &[f64] {
        &self.treatment
    }

    /// The control arm's values.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::ParallelTrial;
    /// use outcome_stats::Scale;
    /// assert_eq!(ParallelTrial::new(Scale::nrs11(), &[3.0], &[6.0])?.control(), &[6.0]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn control(&self) -> &[f64] {
        &self.control
    }
}

impl std::fmt::Display for ParallelTrial {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "parallel two-arm trial: {} treated, {} control",
            self.treatment.len(),
            self.control.len()
        )
    }
}
