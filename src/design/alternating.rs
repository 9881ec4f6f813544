//! The alternating treatments design: conditions alternate rapidly, after an optional baseline.

use super::standards::{CheckBuilder, StandardsCheck, Verdict};
use crate::error::{Error, Result};
use crate::series::Series;

/// An alternating treatments design: two or more conditions (one may be a no-treatment
/// control) alternate rapidly, session by session, optionally after a baseline phase.
///
/// # Method
///
/// Every label of the alternating part is a condition. Building checks that there are at least
/// two conditions and that each occurs in at least two separate runs (otherwise the series is a
/// phase design such as AB, not an alternation). With a baseline ([`AlternatingTreatments::with_baseline`]),
/// the series must start with the baseline label, which must not recur later.
///
/// # References
///
/// Barlow DH, Hayes SC (1979). Alternating treatments design. *Journal of Applied Behavior
/// Analysis* 12:199-210. Kratochwill TR et al. (2010). *Single-case designs technical
/// documentation*. What Works Clearinghouse.
///
/// # Examples
///
/// ```
/// use outcome_stats::design::AlternatingTreatments;
/// use outcome_stats::{Scale, Series};
/// let labels = ["B", "C", "C", "B", "B", "C", "C", "B"];
/// let s = Series::new(Scale::nrs11(), &[4.0, 6.0, 6.0, 3.0, 4.0, 7.0, 6.0, 3.0], &labels)?;
/// let design = AlternatingTreatments::new(&s)?;
/// assert_eq!(design.conditions(), ["B", "C"]);
/// assert_eq!(design.repetitions(), 4);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct AlternatingTreatments {
    series: Series,
    baseline: Option<String>,
    baseline_len: usize,
    conditions: Vec<String>,
    counts: Vec<usize>,
}

impl AlternatingTreatments {
    /// An alternating treatments design without a baseline phase: every label is a condition.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidDesign`] for fewer than two conditions; [`Error::PhaseMismatch`] for a
    /// condition that occurs in only one run (naming it).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::AlternatingTreatments;
    /// use outcome_stats::{Error, Scale, Series};
    /// let ab = Series::new(Scale::nrs11(), &[8.0, 8.0, 3.0, 3.0], &["A", "A", "B", "B"])?;
    /// assert!(matches!(AlternatingTreatments::new(&ab), Err(Error::PhaseMismatch { .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(series: &Series) -> Result<AlternatingTreatments> {
        AlternatingTreatments::build(series, None)
    }

    /// An alternating treatments design whose series starts with a baseline phase labelled
    /// `baseline`.
    ///
    /// # Errors
    ///
    /// As [`AlternatingTreatments::new`]; also [`Error::PhaseMismatch`] when the series does not
    /// start with `baseline`, when `baseline` recurs after the alternation has begun (naming
    /// the index), or when nothing follows the baseline.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::AlternatingTreatments;
    /// use outcome_stats::{Scale, Series};
    /// let labels = ["A", "A", "A", "B", "C", "B", "C"];
    /// let s = Series::new(Scale::nrs11(), &[8.0, 8.0, 9.0, 4.0, 7.0, 3.0, 7.0], &labels)?;
    /// let design = AlternatingTreatments::with_baseline(&s, "A")?;
    /// assert_eq!(design.baseline_len(), 3);
    /// assert_eq!(design.repetitions(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_baseline(series: &Series, baseline: &str) -> Result<AlternatingTreatments> {
        AlternatingTreatments::build(series, Some(baseline))
    }

    fn build(series: &Series, baseline: Option<&str>) -> Result<AlternatingTreatments> {
        let runs = series.runs();
        let mut first = 0;
        if let Some(label) = baseline {
            if runs[0].label != label {
                return Err(Error::PhaseMismatch {
                    reason: format!(
                        "the series should start with the baseline {label:?}, but it starts \
                         with {:?}",
                        runs[0].label
                    ),
                });
            }
            if runs.len() < 2 {
                return Err(Error::PhaseMismatch {
                    reason: format!("no alternating conditions follow the baseline {label:?}"),
                });
            }
            if let Some(again) = runs[1..].iter().find(|r| r.label == label) {
                return Err(Error::PhaseMismatch {
                    reason: format!(
                        "the baseline {label:?} recurs at index {} after the alternation began",
                        again.start
                    ),
                });
            }
            first = 1;
        }
        let mut conditions: Vec<String> = Vec::new();
        let mut counts: Vec<usize> = Vec::new();
        let mut run_counts: Vec<usize> = Vec::new();
        for run in &runs[first..] {
            match conditions.iter().position(|c| *c == run.label) {
                Some(i) => {
                    counts[i] += run.len();
                    run_counts[i] += 1;
                }
                None => {
                    conditions.push(run.label.clone());
                    counts.push(run.len());
                    run_counts.push(1);
                }
            }
        }
        if conditions.len() < 2 {
            return Err(Error::InvalidDesign {
                reason: format!(
                    "an alternating treatments design needs at least two alternating conditions, \
                     but found only {conditions:?}"
                ),
            });
        }
        if let Some(i) = run_counts.iter().position(|&n| n < 2) {
            return Err(Error::PhaseMismatch {
                reason: format!(
                    "condition {:?} occurs in a single block of {} sessions, so the conditions do \
                     not alternate (use an AB or withdrawal design for blocks of sessions)",
                    conditions[i], counts[i]
                ),
            });
        }
        Ok(AlternatingTreatments {
            series: series.clone(),
            baseline: baseline.map(str::to_string),
            baseline_len: if first == 1 { runs[0].len() } else { 0 },
            conditions,
            counts,
        })
    }

    /// The series.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::AlternatingTreatments;
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[4.0, 6.0, 3.0, 7.0], &["B", "C", "B", "C"])?;
    /// assert_eq!(AlternatingTreatments::new(&s)?.series().len(), 4);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn series(&self) -> &Series {
        &self.series
    }

    /// The baseline label, when the design has a baseline phase.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::AlternatingTreatments;
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[4.0, 6.0, 3.0, 7.0], &["B", "C", "B", "C"])?;
    /// assert_eq!(AlternatingTreatments::new(&s)?.baseline(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn baseline(&self) -> Option<&str> {
        self.baseline.as_deref()
    }

    /// Number of baseline observations (0 without a baseline).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::AlternatingTreatments;
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[4.0, 6.0, 3.0, 7.0], &["B", "C", "B", "C"])?;
    /// assert_eq!(AlternatingTreatments::new(&s)?.baseline_len(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn baseline_len(&self) -> usize {
        self.baseline_len
    }

    /// The alternating conditions, in order of first appearance.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::AlternatingTreatments;
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[4.0, 6.0, 3.0, 7.0], &["C", "B", "C", "B"])?;
    /// assert_eq!(AlternatingTreatments::new(&s)?.conditions(), ["C", "B"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn conditions(&self) -> &[String] {
        &self.conditions
    }

    /// Number of sessions of each condition, in the order of [`AlternatingTreatments::conditions`].
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::AlternatingTreatments;
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[4.0, 6.0, 3.0, 7.0, 6.0], &["C", "B", "C", "B", "B"])?;
    /// assert_eq!(AlternatingTreatments::new(&s)?.sessions_per_condition(), [2, 3]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sessions_per_condition(&self) -> &[usize] {
        &self.counts
    }

    /// Repetitions of the alternating sequence: the number of sessions of the least frequent
    /// condition (every repetition presents each condition once).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::AlternatingTreatments;
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[4.0, 6.0, 3.0, 7.0, 6.0], &["C", "B", "C", "B", "B"])?;
    /// assert_eq!(AlternatingTreatments::new(&s)?.repetitions(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn repetitions(&self) -> usize {
        self.counts.iter().copied().min().unwrap_or(0)
    }

    /// Checks the design against the WWC single-case design standards.
    ///
    /// # Method
    ///
    /// Alternating treatments designs count repetitions of the alternating sequence instead of
    /// phases and phase lengths: at least 5 repetitions meet the standards, 4 meet them with
    /// reservations, fewer do not. A baseline phase is reported but does not enter the rule.
    ///
    /// # References
    ///
    /// Kratochwill TR et al. (2010). *Single-case designs technical documentation*. What Works
    /// Clearinghouse. Kratochwill TR et al. (2013). *Remedial and Special Education* 34:26-38.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::{AlternatingTreatments, Verdict};
    /// use outcome_stats::{Scale, Series};
    /// let labels: Vec<&str> = (0..10).map(|i| if i % 2 == 0 { "B" } else { "C" }).collect();
    /// let s = Series::new(Scale::nrs11(), &[5.0; 10], &labels)?;
    /// assert_eq!(AlternatingTreatments::new(&s)?.wwc_check().verdict, Verdict::Meets);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn wwc_check(&self) -> StandardsCheck {
        let mut check = CheckBuilder::new("alternating treatments design");
        let reps = self.repetitions();
        let per: Vec<String> = self
            .conditions
            .iter()
            .zip(&self.counts)
            .map(|(c, n)| format!("{c:?} {n}"))
            .collect();
        let (verdict, rule) = match reps {
            r if r >= 5 => (
                Verdict::Meets,
                "at least 5 are needed to meet the standards, and this meets that",
            ),
            4 => (
                Verdict::MeetsWithReservations,
                "4 meet the standards with reservations (5 are needed to meet them)",
            ),
            _ => (
                Verdict::DoesNotMeet,
                "fewer than 4 do not meet the standards (4 meet them with reservations, 5 meet \
                 them)",
            ),
        };
        check.add(
            verdict,
            format!(
                "the alternating sequence is repeated {reps} times (sessions per condition: {}); \
                 {rule}",
                per.join(", ")
            ),
        );
        if let Some(label) = &self.baseline {
            check.add(
                Verdict::Meets,
                format!(
                    "the baseline phase {label:?} has {} sessions; the standards' rule for \
                     alternating treatments counts only the alternation",
                    self.baseline_len
                ),
            );
        }
        check.finish()
    }
}

impl std::fmt::Display for AlternatingTreatments {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "alternating treatments design: ")?;
        if let Some(label) = &self.baseline {
            write!(
                f,
                "baseline {label:?} ({} points), then ",
                self.baseline_len
            )?;
        }
        let per: Vec<String> = self
            .conditions
            .iter()
            .zip(&self.counts)
            .map(|(c, n)| format!("{c:?} {n} sessions"))
            .collect();
        write!(
            f,
            "{} alternating ({})",
            self.conditions.len(),
            per.join(", ")
        )
    }
}
