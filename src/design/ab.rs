//! The AB design: a baseline phase A followed by a treatment phase B.

use super::standards::{CheckBuilder, StandardsCheck, Verdict};
use super::{phase_lengths, require_labels};
use crate::error::{Error, Result};
use crate::series::{BASELINE, Series, TREATMENT};

/// An AB design: repeated measurements in a baseline phase `A`, then in a treatment phase `B`.
///
/// # Method
///
/// Building checks that the series holds exactly two phases (see
/// [`Series::runs`]): `A` first, then `B`, and no other labels.
///
/// # References
///
/// Kratochwill TR et al. (2010). *Single-case designs technical documentation*. What Works
/// Clearinghouse.
///
/// # Examples
///
/// ```
/// use outcome_stats::design::AbDesign;
/// use outcome_stats::{Scale, Series};
/// let s = Series::from_phases(Scale::nrs11(), &[("A", &[9.0, 10.0, 10.0]), ("B", &[6.0, 3.0])])?;
/// let ab = AbDesign::new(&s)?;
/// assert_eq!((ab.baseline_len(), ab.treatment_len()), (3, 2));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct AbDesign {
    series: Series,
    baseline_len: usize,
}

impl AbDesign {
    /// An AB design from a series labelled `A ... A B ... B`.
    ///
    /// # Errors
    ///
    /// [`Error::PhaseMismatch`] when a label other than `A` or `B` appears (naming it and its
    /// index), when the series does not start with `A`, when it has no `B` phase, or when a
    /// phase returns after the first switch (naming the phase, e.g. `A2`).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::AbDesign;
    /// use outcome_stats::{Error, Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[8.0, 3.0, 7.0], &["A", "B", "A"])?;
    /// assert!(matches!(AbDesign::new(&s), Err(Error::PhaseMismatch { .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(series: &Series) -> Result<AbDesign> {
        require_labels(series, &[BASELINE, TREATMENT], "an AB design")?;
        let runs = series.runs();
        if runs[0].label != BASELINE {
            return Err(Error::PhaseMismatch {
                reason: format!(
                    "an AB design starts with baseline phase \"A\", but this series starts with \
                     phase {}",
                    runs[0].name()
                ),
            });
        }
        if runs.len() < 2 {
            return Err(Error::PhaseMismatch {
                reason: "an AB design needs a treatment phase \"B\" after the baseline, but the \
                         series has only phase A1"
                    .to_string(),
            });
        }
        if let Some(extra) = runs.get(2) {
            return Err(Error::PhaseMismatch {
                reason: format!(
                    "an AB design has one A phase then one B phase, but phase {} starts at \
                     index {} (use WithdrawalDesign for A1 B1 A2 B2 ...)",
                    extra.name(),
                    extra.start
                ),
            });
        }
        Ok(AbDesign {
            series: series.clone(),
            baseline_len: runs[0].len(),
        })
    }

    /// The series.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::AbDesign;
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::from_phases(Scale::nrs11(), &[("A", &[9.0]), ("B", &[6.0])])?;
    /// assert_eq!(AbDesign::new(&s)?.series(), &s);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn series(&self) -> &Series {
        &self.series
    }

    /// Number of baseline observations.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::AbDesign;
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::from_phases(Scale::nrs11(), &[("A", &[9.0, 8.0]), ("B", &[6.0])])?;
    /// assert_eq!(AbDesign::new(&s)?.baseline_len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn baseline_len(&self) -> usize {
        self.baseline_len
    }

    /// Number of treatment observations.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::AbDesign;
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::from_phases(Scale::nrs11(), &[("A", &[9.0, 8.0]), ("B", &[6.0])])?;
    /// assert_eq!(AbDesign::new(&s)?.treatment_len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn treatment_len(&self) -> usize {
        self.series.len() - self.baseline_len
    }

    /// Checks the design against the WWC single-case design standards: an AB design never
    /// meets them.
    ///
    /// # Method
    ///
    /// One A-to-B change is one attempt to demonstrate an effect at one point in time; the
    /// standards require three. The phase lengths are reported against the 5 / 3 point rule
    /// for information. See [`StandardsCheck`].
    ///
    /// # References
    ///
    /// Kratochwill TR et al. (2010). *Single-case designs technical documentation*. What Works
    /// Clearinghouse. Kratochwill TR et al. (2013). *Remedial and Special Education* 34:26-38.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::{AbDesign, Verdict};
    /// use outcome_stats::{Scale, Series};
    /// let a = [9.0, 10.0, 10.0, 9.0, 10.0];
    /// let b = [6.0, 4.0, 3.0, 2.0, 1.0];
    /// let s = Series::from_phases(Scale::nrs11(), &[("A", &a), ("B", &b)])?;
    /// assert_eq!(AbDesign::new(&s)?.wwc_check().verdict, Verdict::DoesNotMeet);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn wwc_check(&self) -> StandardsCheck {
        let mut check = CheckBuilder::new("AB design");
        check.add(
            Verdict::DoesNotMeet,
            "an AB design can never meet the standards: its single change from baseline to \
             treatment is one attempt to demonstrate an effect at one point in time, where the \
             standards require three attempts at three different points in time (for example \
             A1 B1 A2 B2, or a multiple baseline across three cases)"
                .to_string(),
        );
        check.phase_lengths(&phase_lengths(&self.series, ""));
        check.finish()
    }
}

impl std::fmt::Display for AbDesign {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "AB design: {}", super::describe_phases(&self.series))
    }
}
