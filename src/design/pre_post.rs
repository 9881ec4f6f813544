//! The pre/post case report: one observation before and one after treatment.

use super::standards::{CheckBuilder, StandardsCheck, Verdict};
use crate::error::{Error, Result};
use crate::scale::Scale;

/// A pre/post case report: one patient, one outcome value before treatment and one after.
///
/// This is the weakest single-case structure: with one observation per phase it cannot show the
/// level, trend or variability of either phase, and it never meets the WWC standards
/// ([`PrePostCase::wwc_check`]). The change itself is computed by
/// [`change::PrePost`](crate::change::PrePost).
///
/// # Examples
///
/// ```
/// use outcome_stats::design::PrePostCase;
/// use outcome_stats::Scale;
/// let case = PrePostCase::new(Scale::nrs11(), 10.0, 1.0)?;
/// assert_eq!((case.pre(), case.post()), (10.0, 1.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PrePostCase {
    scale: Scale,
    pre: f64,
    post: f64,
}

impl PrePostCase {
    /// A pre/post case report on `scale`.
    ///
    /// # Errors
    ///
    /// [`Error::NonFinite`] when `pre` (index 0) or `post` (index 1) is NaN or infinite;
    /// [`Error::OutOfScale`] when either lies outside the scale.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::PrePostCase;
    /// use outcome_stats::Scale;
    /// assert!(PrePostCase::new(Scale::nrs11(), 10.0, 11.0).is_err());
    /// ```
    pub fn new(scale: Scale, pre: f64, post: f64) -> Result<PrePostCase> {
        check_pre_post(&scale, pre, post)?;
        Ok(PrePostCase { scale, pre, post })
    }

    /// The scale.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::PrePostCase;
    /// use outcome_stats::Scale;
    /// assert_eq!(PrePostCase::new(Scale::nrs11(), 8.0, 2.0)?.scale(), &Scale::nrs11());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn scale(&self) -> &Scale {
        &self.scale
    }

    /// The value before treatment.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::PrePostCase;
    /// use outcome_stats::Scale;
    /// assert_eq!(PrePostCase::new(Scale::nrs11(), 8.0, 2.0)?.pre(), 8.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn pre(&self) -> f64 {
        self.pre
    }

    /// The value after treatment.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::PrePostCase;
    /// use outcome_stats::Scale;
    /// assert_eq!(PrePostCase::new(Scale::nrs11(), 8.0, 2.0)?.post(), 2.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn post(&self) -> f64 {
        self.post
    }

    /// Checks the design against the WWC single-case design standards: it never meets them.
    ///
    /// # Method
    ///
    /// A pre/post report has two phases of one observation each: one attempt to demonstrate an
    /// effect at one point in time (three are required), and phases far below the 3 data
    /// points the standards require. See [`StandardsCheck`] for the rules.
    ///
    /// # References
    ///
    /// Kratochwill TR et al. (2010). *Single-case designs technical documentation*. What Works
    /// Clearinghouse. Kratochwill TR et al. (2013). *Remedial and Special Education* 34:26-38.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::{PrePostCase, Verdict};
    /// use outcome_stats::Scale;
    /// let check = PrePostCase::new(Scale::nrs11(), 10.0, 1.0)?.wwc_check();
    /// assert_eq!(check.verdict, Verdict::DoesNotMeet);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn wwc_check(&self) -> StandardsCheck {
        let mut check = CheckBuilder::new("pre/post case report");
        check.add(
            Verdict::DoesNotMeet,
            "a pre/post case report can never meet the standards: one measurement before and \
             one after treatment give a single attempt to demonstrate an effect at a single \
             point in time, where the standards require three attempts at three different \
             points in time"
                .to_string(),
        );
        check.add(
            Verdict::DoesNotMeet,
            "each phase holds one data point, where the standards require at least 3 (5 to \
             meet them without reservations), so neither the level, the trend nor the \
             variability of a phase can be seen"
                .to_string(),
        );
        check.add(
            Verdict::DoesNotMeet,
            "without a repeated baseline or a withdrawal, the change cannot be separated from \
             placebo response, natural history or regression to the mean"
                .to_string(),
        );
        check.finish()
    }
}

/// Checks a pre value (index 0) and a post value (index 1) on a scale.
pub(crate) fn check_pre_post(scale: &Scale, pre: f64, post: f64) -> Result<()> {
    for (index, (what, value)) in [("pre value", pre), ("post value", post)]
        .into_iter()
        .enumerate()
    {
        if !value.is_finite() {
            return Err(Error::NonFinite {
                what: what.to_string(),
                index,
                value,
            });
        }
        if !scale.contains(value) {
            return Err(Error::OutOfScale {
                index,
                value,
                min: scale.min(),
                max: scale.max(),
            });
        }
    }
    Ok(())
}

impl std::fmt::Display for PrePostCase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "pre/post case report: {} before, {} after",
            self.pre, self.post
        )
    }
}
