//! The reversal (withdrawal) design: A1 B1 A2 B2 ...

use super::standards::{CheckBuilder, StandardsCheck, Verdict};
use super::{phase_lengths, require_labels};
use crate::error::{Error, Result};
use crate::series::{BASELINE, PhaseRun, Series, TREATMENT};

/// A reversal (withdrawal) design: baseline and treatment phases alternate, A1 B1 A2 B2 ...
///
/// # Method
///
/// The series uses the labels `A` and `B` only; consecutive observations with one label form a
/// phase (see [`Series::runs`]), so the labels `A A B B A A B B` read as A1 B1 A2 B2. Building
/// checks that the series starts with `A` and has at least three phases (A1 B1 A2); fewer is an
/// AB design ([`AbDesign`](super::AbDesign)).
///
/// # References
///
/// Kratochwill TR et al. (2010). *Single-case designs technical documentation*. What Works
/// Clearinghouse.
///
/// # Examples
///
/// ```
/// use outcome_stats::design::WithdrawalDesign;
/// use outcome_stats::{Scale, Series};
/// let s = Series::from_phases(
///     Scale::nrs11(),
///     &[("A", &[8.0, 9.0, 8.0]), ("B", &[4.0, 3.0, 3.0]), ("A", &[7.0, 8.0, 8.0]), ("B", &[3.0, 2.0, 2.0])],
/// )?;
/// let design = WithdrawalDesign::new(&s)?;
/// assert_eq!(design.phase_names(), ["A1", "B1", "A2", "B2"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct WithdrawalDesign {
    series: Series,
    runs: Vec<PhaseRun>,
}

impl WithdrawalDesign {
    /// A withdrawal design from a series labelled with `A` and `B`, starting with `A`.
    ///
    /// # Errors
    ///
    /// [`Error::PhaseMismatch`] for a label other than `A` or `B` (naming it and its index) or
    /// a series that does not start with `A`; [`Error::InvalidDesign`] for fewer than three
    /// phases.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::WithdrawalDesign;
    /// use outcome_stats::{Error, Scale, Series};
    /// let ab = Series::new(Scale::nrs11(), &[8.0, 3.0], &["A", "B"])?;
    /// assert!(matches!(WithdrawalDesign::new(&ab), Err(Error::InvalidDesign { .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(series: &Series) -> Result<WithdrawalDesign> {
        require_labels(series, &[BASELINE, TREATMENT], "a withdrawal design")?;
        let runs = series.runs();
        if runs[0].label != BASELINE {
            return Err(Error::PhaseMismatch {
                reason: format!(
                    "a withdrawal design starts with baseline phase \"A\", but this series starts \
                     with phase {}",
                    runs[0].name()
                ),
            });
        }
        if runs.len() < 3 {
            let names: Vec<String> = runs.iter().map(PhaseRun::name).collect();
            return Err(Error::InvalidDesign {
                reason: format!(
                    "a withdrawal design needs at least three phases (A1 B1 A2), but the series \
                     has only {} (use AbDesign for an AB series)",
                    names.join(" ")
                ),
            });
        }
        Ok(WithdrawalDesign {
            series: series.clone(),
            runs,
        })
    }

    /// The series.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::WithdrawalDesign;
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[8.0, 3.0, 7.0], &["A", "B", "A"])?;
    /// assert_eq!(WithdrawalDesign::new(&s)?.series().len(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn series(&self) -> &Series {
        &self.series
    }

    /// The phases in order.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::WithdrawalDesign;
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[8.0, 3.0, 7.0], &["A", "B", "A"])?;
    /// assert_eq!(WithdrawalDesign::new(&s)?.phases().len(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn phases(&self) -> &[PhaseRun] {
        &self.runs
    }

    /// The phase names in order (`A1`, `B1`, `A2`, ...).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::WithdrawalDesign;
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[8.0, 3.0, 7.0], &["A", "B", "A"])?;
    /// assert_eq!(WithdrawalDesign::new(&s)?.phase_names(), ["A1", "B1", "A2"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn phase_names(&self) -> Vec<String> {
        self.runs.iter().map(PhaseRun::name).collect()
    }

    /// Checks the design against the WWC single-case design standards.
    ///
    /// # Method
    ///
    /// Each change of phase is one attempt to demonstrate an effect: k phases give k - 1
    /// attempts, and the standards require at least four phases (three attempts at three
    /// points in time). Every phase then needs at least 5 data points to meet the standards,
    /// 3 or 4 to meet them with reservations. The verdict is the worse of the two rules.
    ///
    /// # References
    ///
    /// Kratochwill TR et al. (2010). *Single-case designs technical documentation*. What Works
    /// Clearinghouse. Kratochwill TR et al. (2013). *Remedial and Special Education* 34:26-38.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::{Verdict, WithdrawalDesign};
    /// use outcome_stats::{Scale, Series};
    /// let five = [8.0, 9.0, 8.0, 9.0, 8.0];
    /// let low = [3.0, 2.0, 3.0, 2.0, 2.0];
    /// let s = Series::from_phases(Scale::nrs11(), &[("A", &five), ("B", &low), ("A", &five), ("B", &low)])?;
    /// assert_eq!(WithdrawalDesign::new(&s)?.wwc_check().verdict, Verdict::Meets);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn wwc_check(&self) -> StandardsCheck {
        let mut check = CheckBuilder::new("withdrawal (reversal) design");
        let k = self.runs.len();
        let names = self.phase_names().join(" ");
        if k >= 4 {
            check.add(
                Verdict::Meets,
                format!(
                    "{k} phases ({names}) give {} attempts to demonstrate an effect at different \
                     points in time; the standards require at least four phases (three attempts)",
                    k - 1
                ),
            );
        } else {
            check.add(
                Verdict::DoesNotMeet,
                format!(
                    "a reversal design needs at least four phases (A1 B1 A2 B2) to give three \
                     attempts to demonstrate an effect at three points in time; this one has {k} \
                     ({names}), so only {} attempts",
                    k - 1
                ),
            );
        }
        check.phase_lengths(&phase_lengths(&self.series, ""));
        check.finish()
    }
}

impl std::fmt::Display for WithdrawalDesign {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "withdrawal design: {}",
            super::describe_phases(&self.series)
        )
    }
}
