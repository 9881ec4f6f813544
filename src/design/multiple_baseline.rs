//! The multiple baseline design across cases: AB series with staggered intervention starts.

use super::ab::AbDesign;
use super::phase_lengths;
use super::standards::{CheckBuilder, StandardsCheck, Verdict};
use crate::error::{Error, Result};
use crate::series::Series;

/// One case (tier) of a multiple baseline design.
///
/// # Examples
///
/// ```
/// use outcome_stats::design::MultipleBaseline;
/// use outcome_stats::{Scale, Series};
/// let a = Series::from_phases(Scale::nrs11(), &[("A", &[8.0, 8.0]), ("B", &[3.0, 2.0, 2.0])])?;
/// let b = Series::from_phases(Scale::nrs11(), &[("A", &[7.0, 8.0, 7.0]), ("B", &[3.0, 2.0])])?;
/// let design = MultipleBaseline::new(&[("Ann", &a), ("Bea", &b)])?;
/// assert_eq!(design.cases()[1].name, "Bea");
/// assert_eq!(design.cases()[1].intervention_start, 3.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct BaselineCase {
    /// The case's name.
    pub name: String,
    /// The case's AB series.
    pub series: Series,
    /// The time (or, without times, the session index) of the first treatment observation.
    pub intervention_start: f64,
}

/// A multiple baseline design across cases: several AB series (tiers) whose treatment phases
/// start at different times.
///
/// # Method
///
/// Building checks that every case is an AB series ([`AbDesign::new`]), that names are
/// non-empty and distinct, that all cases share one scale, and that the intervention starts
/// are staggered: no two cases start treatment at the same time. The start of a case is the
/// time of its first `B` observation when the series has times, else that observation's index
/// (which assumes every case's sessions are counted from a common first day).
///
/// # References
///
/// Kratochwill TR et al. (2010). *Single-case designs technical documentation*. What Works
/// Clearinghouse.
///
/// # Examples
///
/// ```
/// use outcome_stats::design::MultipleBaseline;
/// use outcome_stats::{Error, Scale, Series};
/// let a = Series::from_phases(Scale::nrs11(), &[("A", &[8.0, 8.0]), ("B", &[3.0, 2.0])])?;
/// let b = a.clone();
/// // Both cases start treatment at session 2: not staggered.
/// assert!(matches!(
///     MultipleBaseline::new(&[("Ann", &a), ("Bea", &b)]),
///     Err(Error::PhaseMismatch { .. })
/// ));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct MultipleBaseline {
    cases: Vec<BaselineCase>,
}

impl MultipleBaseline {
    /// A multiple baseline design from named AB series.
    ///
    /// # Errors
    ///
    /// [`Error::InsufficientData`] for fewer than two cases; [`Error::InvalidDesign`] for an
    /// empty or repeated case name or cases on different scales; [`Error::PhaseMismatch`] for
    /// a case that is not an AB series (the message names the case) or for two cases whose
    /// treatment starts at the same time (naming both).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::MultipleBaseline;
    /// use outcome_stats::{Scale, Series};
    /// let a = Series::from_phases(Scale::nrs11(), &[("A", &[8.0]), ("B", &[3.0])])?;
    /// assert!(MultipleBaseline::new(&[("Ann", &a)]).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(cases: &[(&str, &Series)]) -> Result<MultipleBaseline> {
        if cases.len() < 2 {
            return Err(Error::InsufficientData {
                what: "a multiple baseline design (cases)".to_string(),
                needed: 2,
                got: cases.len(),
            });
        }
        let mut built: Vec<BaselineCase> = Vec::with_capacity(cases.len());
        for (position, (name, series)) in cases.iter().enumerate() {
            if name.trim().is_empty() {
                return Err(Error::InvalidDesign {
                    reason: format!(
                        "case {} of the multiple baseline has an empty name",
                        position + 1
                    ),
                });
            }
            if built.iter().any(|c| c.name == *name) {
                return Err(Error::InvalidDesign {
                    reason: format!("the case name {name:?} appears twice"),
                });
            }
            if let Some(first) = built.first() {
                if first.series.scale() != series.scale() {
                    return Err(Error::InvalidDesign {
                        reason: format!(
                            "all cases must share one scale, but case {name:?} is on [{}, {}] \
                             and case {:?} on [{}, {}] (or their directions differ)",
                            series.scale().min(),
                            series.scale().max(),
                            first.name,
                            first.series.scale().min(),
                            first.series.scale().max()
                        ),
                    });
                }
            }
            let ab = AbDesign::new(series).map_err(|e| match e {
                Error::PhaseMismatch { reason } => Error::PhaseMismatch {
                    reason: format!("case {name:?}: {reason}"),
                },
                other => other,
            })?;
            let start_index = ab.baseline_len();
            let intervention_start = series.times_or_index()[start_index];
            if let Some(other) = built
                .iter()
                .find(|c| c.intervention_start == intervention_start)
            {
                return Err(Error::PhaseMismatch {
                    reason: format!(
                        "intervention starts must be staggered, but cases {:?} and {name:?} both \
                         start treatment at {intervention_start}",
                        other.name
                    ),
                });
            }
            built.push(BaselineCase {
                name: name.to_string(),
                series: (*series).clone(),
                intervention_start,
            });
        }
        Ok(MultipleBaseline { cases: built })
    }

    /// The cases, in the order given.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::MultipleBaseline;
    /// use outcome_stats::{Scale, Series};
    /// let a = Series::from_phases(Scale::nrs11(), &[("A", &[8.0]), ("B", &[3.0, 2.0])])?;
    /// let b = Series::from_phases(Scale::nrs11(), &[("A", &[8.0, 7.0]), ("B", &[3.0])])?;
    /// assert_eq!(MultipleBaseline::new(&[("Ann", &a), ("Bea", &b)])?.cases().len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cases(&self) -> &[BaselineCase] {
        &self.cases
    }

    /// Checks the design against the WWC single-case design standards.
    ///
    /// # Method
    ///
    /// Each tier's staggered A-to-B change is one attempt to demonstrate an effect at its own
    /// point in time: the standards require at least six phases, that is three tiers. Every
    /// phase then needs at least 5 data points to meet the standards, 3 or 4 to meet them with
    /// reservations. The verdict is the worse of the two rules.
    ///
    /// # References
    ///
    /// Kratochwill TR et al. (2010). *Single-case designs technical documentation*. What Works
    /// Clearinghouse. Kratochwill TR et al. (2013). *Remedial and Special Education* 34:26-38.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::{MultipleBaseline, Verdict};
    /// use outcome_stats::{Scale, Series};
    /// let tier = |a: usize| {
    ///     let base = vec![8.0; a];
    ///     Series::from_phases(Scale::nrs11(), &[("A", &base), ("B", &[3.0, 2.0, 2.0, 1.0, 1.0])])
    /// };
    /// let (t1, t2, t3) = (tier(5)?, tier(6)?, tier(7)?);
    /// let design = MultipleBaseline::new(&[("1", &t1), ("2", &t2), ("3", &t3)])?;
    /// assert_eq!(design.wwc_check().verdict, Verdict::Meets);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn wwc_check(&self) -> StandardsCheck {
        let mut check = CheckBuilder::new("multiple baseline design across cases");
        let tiers = self.cases.len();
        if tiers >= 3 {
            check.add(
                Verdict::Meets,
                format!(
                    "{tiers} tiers ({} phases) with staggered starts give {tiers} attempts to \
                     demonstrate an effect at different points in time; the standards require \
                     at least six phases (three tiers)",
                    2 * tiers
                ),
            );
        } else {
            check.add(
                Verdict::DoesNotMeet,
                format!(
                    "a multiple baseline design needs at least six phases (three tiers with \
                     staggered starts) for three attempts to demonstrate an effect; this one has \
                     {tiers} tiers ({} phases)",
                    2 * tiers
                ),
            );
        }
        let mut lengths = Vec::new();
        for case in &self.cases {
            lengths.extend(phase_lengths(
                &case.series,
                &format!("case {:?} ", case.name),
            ));
        }
        check.phase_lengths(&lengths);
        check.finish()
    }
}

impl std::fmt::Display for MultipleBaseline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "multiple baseline design across {} cases:",
            self.cases.len()
        )?;
        for case in &self.cases {
            write!(
                f,
                " {:?} [{}; treatment from {}]",
                case.name,
                super::describe_phases(&case.series),
                case.intervention_start
            )?;
        }
        Ok(())
    }
}
