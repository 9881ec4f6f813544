//! Ordered outcome series with a phase label per observation.
//!
//! A [`Series`] is one patient's (or one case's) outcome over time on a [`Scale`]. Each
//! observation carries a phase label: `A` for baseline, `B` for treatment, or any other name
//! (`C`, `placebo`, ...). Labels repeat in reversal designs: consecutive observations with the
//! same label form one phase ([`Series::runs`]), so `A A B B A A B B` reads as A1 B1 A2 B2.
//! Optional times (days, sessions) must be finite and strictly increasing.
//!
//! A `Series` is validated once, when built; afterwards every value is finite and on the scale.

use crate::error::{Error, Result};
use crate::scale::Scale;
use ndarray::ArrayView1;

/// The label of the baseline phase.
pub const BASELINE: &str = "A";
/// The label of the (first) treatment phase.
pub const TREATMENT: &str = "B";

/// An ordered outcome series on a scale, with a phase label per observation and optional times.
///
/// # Examples
///
/// ```
/// use outcome_stats::{Scale, Series};
///
/// let s = Series::from_phases(Scale::nrs11(), &[("A", &[9.0, 10.0, 10.0]), ("B", &[6.0, 3.0, 1.0])])?;
/// assert_eq!(s.len(), 6);
/// assert_eq!(s.phase_values("B"), vec![6.0, 3.0, 1.0]);
/// assert_eq!(s.runs().len(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "SeriesRaw"))]
pub struct Series {
    scale: Scale,
    values: Vec<f64>,
    phases: Vec<String>,
    times: Option<Vec<f64>>,
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
struct SeriesRaw {
    scale: Scale,
    values: Vec<f64>,
    phases: Vec<String>,
    times: Option<Vec<f64>>,
}

#[cfg(feature = "serde")]
impl TryFrom<SeriesRaw> for Series {
    type Error = Error;
    fn try_from(raw: SeriesRaw) -> Result<Self> {
        let series = Series::new(raw.scale, &raw.values, &raw.phases)?;
        match raw.times {
            Some(times) => series.with_times(&times),
            None => Ok(series),
        }
    }
}

/// One phase of a series: a maximal run of consecutive observations with the same label.
///
/// # Examples
///
/// ```
/// use outcome_stats::{Scale, Series};
/// let s = Series::new(Scale::nrs11(), &[8.0, 8.0, 4.0, 7.0], &["A", "A", "B", "A"])?;
/// let runs = s.runs();
/// assert_eq!((runs[2].label.as_str(), runs[2].start, runs[2].end), ("A", 3, 4));
/// assert_eq!(runs[2].occurrence, 2); // the second A phase: A2
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct PhaseRun {
    /// The phase label.
    pub label: String,
    /// Which occurrence of this label (1 for A1, 2 for A2, ...).
    pub occurrence: usize,
    /// Index of the first observation.
    pub start: usize,
    /// One past the index of the last observation.
    pub end: usize,
}

impl PhaseRun {
    /// Number of observations in the phase.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[8.0, 8.0, 4.0], &["A", "A", "B"])?;
    /// assert_eq!(s.runs()[0].len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Always false: a run holds at least one observation.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[8.0], &["A"])?;
    /// assert!(!s.runs()[0].is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }

    /// The run's name with its occurrence, e.g. `A1`, `B2`.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[8.0, 4.0], &["A", "B"])?;
    /// assert_eq!(s.runs()[1].name(), "B1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(&self) -> String {
        format!("{}{}", self.label, self.occurrence)
    }
}

impl Series {
    /// A series from values and one phase label per value.
    ///
    /// # Errors
    ///
    /// [`Error::Empty`] for no values; [`Error::LengthMismatch`] when `phases` and `values`
    /// differ in length; [`Error::NonFinite`] / [`Error::OutOfScale`] for a value that is not
    /// finite or not on the scale (naming its index); [`Error::PhaseMismatch`] for an empty or
    /// blank label.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[7.0, 8.0, 3.0], &["A", "A", "B"])?;
    /// assert_eq!(s.values(), &[7.0, 8.0, 3.0]);
    /// assert!(Series::new(Scale::nrs11(), &[7.0, 12.0], &["A", "B"]).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new<S: AsRef<str>>(scale: Scale, values: &[f64], phases: &[S]) -> Result<Series> {
        if values.is_empty() {
            return Err(Error::Empty {
                what: "the series".to_string(),
            });
        }
        if values.len() != phases.len() {
            return Err(Error::LengthMismatch {
                what: "series values and phase labels",
                left: values.len(),
                right: phases.len(),
            });
        }
        scale.check(values)?;
        let mut labels = Vec::with_capacity(phases.len());
        for (index, label) in phases.iter().enumerate() {
            let label = label.as_ref();
            if label.trim().is_empty() {
                return Err(Error::PhaseMismatch {
                    reason: format!("the phase label at index {index} is empty"),
                });
            }
            labels.push(label.to_string());
        }
        Ok(Series {
            scale,
            values: values.to_vec(),
            phases: labels,
            times: None,
        })
    }

    /// A series from consecutive phases, each a label and its values.
    ///
    /// # Errors
    ///
    /// As [`Series::new`]; also [`Error::InsufficientData`] for a phase with no values.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::from_phases(Scale::nrs11(), &[("A", &[8.0, 9.0]), ("B", &[2.0])])?;
    /// assert_eq!(s.phases(), &["A", "A", "B"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_phases(scale: Scale, phases: &[(&str, &[f64])]) -> Result<Series> {
        let mut values = Vec::new();
        let mut labels = Vec::new();
        for (label, phase_values) in phases {
            if phase_values.is_empty() {
                return Err(Error::InsufficientData {
                    what: format!("phase {label}"),
                    needed: 1,
                    got: 0,
                });
            }
            values.extend_from_slice(phase_values);
            labels.extend(std::iter::repeat_n(*label, phase_values.len()));
        }
        Series::new(scale, &values, &labels)
    }

    /// A series from an `ndarray` view of values and one label per value.
    ///
    /// # Errors
    ///
    /// As [`Series::new`].
    ///
    /// # Examples
    ///
    /// ```
    /// use ndarray::array;
    /// use outcome_stats::{Scale, Series};
    /// let values = array![9.0, 10.0, 2.0];
    /// let s = Series::from_array(Scale::nrs11(), values.view(), &["A", "A", "B"])?;
    /// assert_eq!(s.len(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_array<S: AsRef<str>>(
        scale: Scale,
        values: ArrayView1<'_, f64>,
        phases: &[S],
    ) -> Result<Series> {
        let values: Vec<f64> = values.iter().copied().collect();
        Series::new(scale, &values, phases)
    }

    /// The same series with a time for each observation (days, sessions, hours).
    ///
    /// # Errors
    ///
    /// [`Error::LengthMismatch`] when there is not one time per value; [`Error::NonFinite`]
    /// for a NaN or infinite time; [`Error::InvalidData`] when times do not strictly increase.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[9.0, 3.0], &["A", "B"])?.with_times(&[0.0, 7.0])?;
    /// assert_eq!(s.times(), Some(&[0.0, 7.0][..]));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_times(self, times: &[f64]) -> Result<Series> {
        if times.len() != self.values.len() {
            return Err(Error::LengthMismatch {
                what: "series values and times",
                left: self.values.len(),
                right: times.len(),
            });
        }
        for (index, &t) in times.iter().enumerate() {
            if !t.is_finite() {
                return Err(Error::NonFinite {
                    what: "times".to_string(),
                    index,
                    value: t,
                });
            }
            if index > 0 && t <= times[index - 1] {
                return Err(Error::InvalidData {
                    reason: format!(
                        "times must strictly increase, but time {t} at index {index} follows {}",
                        times[index - 1]
                    ),
                });
            }
        }
        Ok(Series {
            times: Some(times.to_vec()),
            ..self
        })
    }

    /// The outcome scale.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::vas100(), &[50.0], &["A"])?;
    /// assert_eq!(s.scale(), &Scale::vas100());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn scale(&self) -> &Scale {
        &self.scale
    }

    /// All values, in order.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[5.0, 4.0], &["A", "B"])?;
    /// assert_eq!(s.values(), &[5.0, 4.0]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn values(&self) -> &[f64] {
        &self.values
    }

    /// The phase label of every observation.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[5.0, 4.0], &["A", "B"])?;
    /// assert_eq!(s.phases(), &["A", "B"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn phases(&self) -> &[String] {
        &self.phases
    }

    /// The times, when given.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[5.0], &["A"])?;
    /// assert_eq!(s.times(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn times(&self) -> Option<&[f64]> {
        self.times.as_deref()
    }

    /// The number of observations (never zero).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[5.0, 4.0], &["A", "B"])?;
    /// assert_eq!(s.len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Always false: a series holds at least one observation.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::{Scale, Series};
    /// assert!(!Series::new(Scale::nrs11(), &[5.0], &["A"])?.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The times, or the observation indices `0, 1, 2, ...` when no times were given.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[5.0, 4.0], &["A", "B"])?;
    /// assert_eq!(s.times_or_index(), vec![0.0, 1.0]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn times_or_index(&self) -> Vec<f64> {
        match &self.times {
            Some(t) => t.clone(),
            None => (0..self.values.len()).map(|i| i as f64).collect(),
        }
    }

    /// The phases: maximal runs of consecutive observations with the same label, in order.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[8.0, 8.0, 3.0, 7.0, 2.0], &["A", "A", "B", "A", "B"])?;
    /// let names: Vec<String> = s.runs().iter().map(|r| r.name()).collect();
    /// assert_eq!(names, ["A1", "B1", "A2", "B2"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn runs(&self) -> Vec<PhaseRun> {
        let mut runs: Vec<PhaseRun> = Vec::new();
        let mut start = 0;
        for i in 1..=self.phases.len() {
            if i == self.phases.len() || self.phases[i] != self.phases[start] {
                let label = self.phases[start].clone();
                let occurrence = runs.iter().filter(|r| r.label == label).count() + 1;
                runs.push(PhaseRun {
                    label,
                    occurrence,
                    start,
                    end: i,
                });
                start = i;
            }
        }
        runs
    }

    /// The values of one run (phase) as a slice.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[8.0, 8.0, 3.0], &["A", "A", "B"])?;
    /// let runs = s.runs();
    /// assert_eq!(s.run_values(&runs[1]), &[3.0]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn run_values(&self, run: &PhaseRun) -> &[f64] {
        let end = run.end.min(self.values.len());
        let start = run.start.min(end);
        &self.values[start..end]
    }

    /// All values with the given label, in order (pooled over repeated phases).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[8.0, 3.0, 7.0, 2.0], &["A", "B", "A", "B"])?;
    /// assert_eq!(s.phase_values("A"), vec![8.0, 7.0]);
    /// assert!(s.phase_values("C").is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn phase_values(&self, label: &str) -> Vec<f64> {
        self.values
            .iter()
            .zip(&self.phases)
            .filter(|(_, p)| p.as_str() == label)
            .map(|(v, _)| *v)
            .collect()
    }

    /// The distinct labels in order of first appearance.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[8.0, 3.0, 7.0], &["A", "B", "A"])?;
    /// assert_eq!(s.labels(), vec!["A", "B"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn labels(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for p in &self.phases {
            if !out.contains(&p.as_str()) {
                out.push(p.as_str());
            }
        }
        out
    }

    /// The values of the two phases an AB comparison uses: all observations labelled
    /// `baseline` and all labelled `treatment`, each pooled over repeated phases.
    ///
    /// # Errors
    ///
    /// [`Error::PhaseMismatch`] when either label is absent, naming which.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::from_phases(Scale::nrs11(), &[("A", &[8.0, 9.0]), ("B", &[2.0])])?;
    /// let phases = s.two_phases("A", "B")?;
    /// assert_eq!((phases.baseline.len(), phases.treatment.len()), (2, 1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn two_phases(&self, baseline: &str, treatment: &str) -> Result<TwoPhases> {
        let a = self.phase_values(baseline);
        let b = self.phase_values(treatment);
        for (label, values) in [(baseline, &a), (treatment, &b)] {
            if values.is_empty() {
                return Err(Error::PhaseMismatch {
                    reason: format!(
                        "the series has no phase labelled {label:?} (labels present: {:?})",
                        self.labels()
                    ),
                });
            }
        }
        Ok(TwoPhases {
            baseline: a,
            treatment: b,
        })
    }
}

/// The values of a baseline and a treatment phase, from [`Series::two_phases`].
///
/// # Examples
///
/// ```
/// use outcome_stats::{Scale, Series};
/// let s = Series::new(Scale::nrs11(), &[8.0, 3.0, 7.0, 2.0], &["A", "B", "A", "B"])?;
/// let phases = s.two_phases("A", "B")?;
/// assert_eq!(phases.baseline, vec![8.0, 7.0]);
/// assert_eq!(phases.treatment, vec![3.0, 2.0]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct TwoPhases {
    /// The baseline observations, in order.
    pub baseline: Vec<f64>,
    /// The treatment observations, in order.
    pub treatment: Vec<f64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_bad_input() {
        let s = Scale::nrs11();
        assert!(matches!(
            Series::new::<&str>(s, &[], &[]),
            Err(Error::Empty { .. })
        ));
        assert!(matches!(
            Series::new(s, &[1.0, f64::NAN], &["A", "B"]),
            Err(Error::NonFinite { index: 1, .. })
        ));
        assert!(matches!(
            Series::new(s, &[1.0], &["A", "B"]),
            Err(Error::LengthMismatch { .. })
        ));
        assert!(matches!(
            Series::new(s, &[1.0], &[" "]),
            Err(Error::PhaseMismatch { .. })
        ));
        let ok = Series::new(s, &[1.0, 2.0], &["A", "B"]).unwrap();
        assert!(ok.clone().with_times(&[1.0, 1.0]).is_err());
        assert!(ok.with_times(&[1.0, f64::INFINITY]).is_err());
    }
}
