//! Change from the baseline phase to the last treatment phase of a series.

use std::fmt;

use statrs::distribution::ContinuousCDF;

use super::{finite, mean, sample_variance};
use crate::dist::NoncentralT;
use crate::effect::{Interval, check_level};
use crate::error::{Error, Result};
use crate::series::{BASELINE, PhaseRun, Series, TREATMENT};

/// The caveat attached to every [`WelchInterval`].
pub const AUTOCORRELATION_CAVEAT: &str = "the Welch interval treats sessions as independent; \
sessions of one patient are usually positively autocorrelated, which makes this interval too \
narrow (it is descriptive, not a valid test of the treatment effect)";

/// Which phases a series comparison uses, and the confidence level of its interval.
///
/// Defaults: baseline label `A`, treatment label `B`, level 0.95. The comparison runs from the
/// first phase with the baseline label (A1) to the last phase with the treatment label that
/// follows it (B1 in an AB design, B2 in A1 B1 A2 B2).
///
/// # Examples
///
/// ```
/// use outcome_stats::change::PhaseChangeOptions;
/// let options = PhaseChangeOptions::new().treatment("C").level(0.9);
/// assert_eq!((options.baseline_label(), options.treatment_label(), options.confidence()), ("A", "C", 0.9));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PhaseChangeOptions {
    baseline: String,
    treatment: String,
    level: f64,
}

impl Default for PhaseChangeOptions {
    fn default() -> Self {
        PhaseChangeOptions {
            baseline: BASELINE.to_string(),
            treatment: TREATMENT.to_string(),
            level: 0.95,
        }
    }
}

impl PhaseChangeOptions {
    /// The defaults: `A`, `B`, 0.95.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::change::PhaseChangeOptions;
    /// assert_eq!(PhaseChangeOptions::new(), PhaseChangeOptions::default());
    /// ```
    pub fn new() -> PhaseChangeOptions {
        PhaseChangeOptions::default()
    }

    /// Sets the baseline label.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::change::PhaseChangeOptions;
    /// assert_eq!(PhaseChangeOptions::new().baseline("pre").baseline_label(), "pre");
    /// ```
    pub fn baseline(self, label: &str) -> PhaseChangeOptions {
        PhaseChangeOptions {
            baseline: label.to_string(),
            ..self
        }
    }

    /// Sets the treatment label.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::change::PhaseChangeOptions;
    /// assert_eq!(PhaseChangeOptions::new().treatment("C").treatment_label(), "C");
    /// ```
    pub fn treatment(self, label: &str) -> PhaseChangeOptions {
        PhaseChangeOptions {
            treatment: label.to_string(),
            ..self
        }
    }

    /// Sets the confidence level of the interval (checked when used: in (0, 1)).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::change::PhaseChangeOptions;
    /// assert_eq!(PhaseChangeOptions::new().level(0.9).confidence(), 0.9);
    /// ```
    pub fn level(self, level: f64) -> PhaseChangeOptions {
        PhaseChangeOptions { level, ..self }
    }

    /// The baseline label.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::change::PhaseChangeOptions;
    /// assert_eq!(PhaseChangeOptions::new().baseline_label(), "A");
    /// ```
    pub fn baseline_label(&self) -> &str {
        &self.baseline
    }

    /// The treatment label.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::change::PhaseChangeOptions;
    /// assert_eq!(PhaseChangeOptions::new().treatment_label(), "B");
    /// ```
    pub fn treatment_label(&self) -> &str {
        &self.treatment
    }

    /// The confidence level.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::change::PhaseChangeOptions;
    /// assert_eq!(PhaseChangeOptions::new().confidence(), 0.95);
    /// ```
    pub fn confidence(&self) -> f64 {
        self.level
    }
}

/// The first baseline run and the last treatment run after it.
pub(crate) fn locate(
    series: &Series,
    options: &PhaseChangeOptions,
) -> Result<(PhaseRun, PhaseRun)> {
    let runs = series.runs();
    let Some(baseline) = runs.iter().find(|r| r.label == options.baseline) else {
        return Err(Error::PhaseMismatch {
            reason: format!(
                "the series has no baseline phase labelled {:?} (labels present: {:?})",
                options.baseline,
                series.labels()
            ),
        });
    };
    let Some(treatment) = runs
        .iter()
        .rev()
        .find(|r| r.label == options.treatment && r.start >= baseline.end)
    else {
        return Err(Error::PhaseMismatch {
            reason: format!(
                "the series has no treatment phase labelled {:?} after baseline phase {} \
                 (labels present: {:?})",
                options.treatment,
                baseline.name(),
                series.labels()
            ),
        });
    };
    Ok((baseline.clone(), treatment.clone()))
}

/// The change from the baseline phase to the last treatment phase of a series, in means and
/// in last values.
///
/// # Method
///
/// With `s = -1` when lower is better and `+1` otherwise, baseline phase A1 and last treatment
/// phase B (see [`PhaseChangeOptions`]): `mean_delta = mean(B) - mean(A1)`,
/// `mean_improvement = s mean_delta`; `last_delta = last(B) - last(A1)`,
/// `last_improvement = s last_delta`.
///
/// # Examples
///
/// ```
/// use outcome_stats::change::PhaseChange;
/// use outcome_stats::{Scale, Series};
/// let s = Series::from_phases(Scale::nrs11(), &[("A", &[9.0, 10.0, 10.0]), ("B", &[6.0, 3.0, 1.0, 1.0])])?;
/// let change = PhaseChange::new(&s)?;
/// assert!((change.baseline_mean - 29.0 / 3.0).abs() < 1e-12);
/// assert_eq!(change.treatment_mean, 2.75);
/// assert_eq!(change.last_improvement, 9.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct PhaseChange {
    /// The baseline phase's name (e.g. `A1`).
    pub baseline_phase: String,
    /// The treatment phase's name (e.g. `B2`).
    pub treatment_phase: String,
    /// Observations in the baseline phase.
    pub baseline_n: usize,
    /// Observations in the treatment phase.
    pub treatment_n: usize,
    /// Mean of the baseline phase.
    pub baseline_mean: f64,
    /// Mean of the treatment phase.
    pub treatment_mean: f64,
    /// `treatment_mean - baseline_mean` (raw).
    pub mean_delta: f64,
    /// The mean delta signed by the scale's direction (positive = better).
    pub mean_improvement: f64,
    /// Last value of the baseline phase.
    pub baseline_last: f64,
    /// Last value of the treatment phase.
    pub treatment_last: f64,
    /// `treatment_last - baseline_last` (raw).
    pub last_delta: f64,
    /// The last-value delta signed by the scale's direction (positive = better).
    pub last_improvement: f64,
}

impl PhaseChange {
    /// The change from phase `A` (A1) to the last `B` phase.
    ///
    /// # Errors
    ///
    /// [`Error::PhaseMismatch`] when the series has no `A` phase or no `B` phase after it.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::change::PhaseChange;
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[8.0, 3.0, 7.0, 2.0], &["A", "B", "A", "B"])?;
    /// let change = PhaseChange::new(&s)?;
    /// assert_eq!((change.baseline_phase.as_str(), change.treatment_phase.as_str()), ("A1", "B2"));
    /// assert_eq!(change.mean_improvement, 6.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(series: &Series) -> Result<PhaseChange> {
        PhaseChange::with_options(series, &PhaseChangeOptions::default())
    }

    /// The change between the phases chosen in `options`.
    ///
    /// # Errors
    ///
    /// [`Error::PhaseMismatch`] when the series has no baseline phase or no treatment phase
    /// after it; [`Error::InvalidData`] when a mean overflows `f64`.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::change::{PhaseChange, PhaseChangeOptions};
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::new(Scale::nrs11(), &[8.0, 3.0, 5.0], &["A", "B", "C"])?;
    /// let change = PhaseChange::with_options(&s, &PhaseChangeOptions::new().treatment("C"))?;
    /// assert_eq!(change.mean_improvement, 3.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_options(series: &Series, options: &PhaseChangeOptions) -> Result<PhaseChange> {
        let (a, b) = locate(series, options)?;
        let av = series.run_values(&a);
        let bv = series.run_values(&b);
        let sign = series.scale().direction().sign();
        let baseline_mean = mean(av, "the baseline phase")?;
        let treatment_mean = mean(bv, "the treatment phase")?;
        let mean_delta = finite(
            treatment_mean - baseline_mean,
            "the difference of phase means",
        )?;
        let baseline_last = av[av.len() - 1];
        let treatment_last = bv[bv.len() - 1];
        let last_delta = finite(
            treatment_last - baseline_last,
            "the difference of last values",
        )?;
        Ok(PhaseChange {
            baseline_phase: a.name(),
            treatment_phase: b.name(),
            baseline_n: av.len(),
            treatment_n: bv.len(),
            baseline_mean,
            treatment_mean,
            mean_delta,
            mean_improvement: sign * mean_delta,
            baseline_last,
            treatment_last,
            last_delta,
            last_improvement: sign * last_delta,
        })
    }
}

impl fmt::Display for PhaseChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} (n {}, mean {:.2}, last {}) -> {} (n {}, mean {:.2}, last {}): improvement {:.2} \
             in means, {} in last values",
            self.baseline_phase,
            self.baseline_n,
            self.baseline_mean,
            self.baseline_last,
            self.treatment_phase,
            self.treatment_n,
            self.treatment_mean,
            self.treatment_last,
            self.mean_improvement,
            self.last_improvement
        )
    }
}

/// A Welch interval for the improvement in phase means (baseline phase to last treatment
/// phase), with its caveat.
///
/// # Method
///
/// With phase means `m_A`, `m_B`, sample variances `v_A`, `v_B` and sizes `n_A`, `n_B`:
/// `SE = sqrt(v_A / n_A + v_B / n_B)`, Welch-Satterthwaite
/// `df = SE^4 / ((v_A / n_A)^2 / (n_A - 1) + (v_B / n_B)^2 / (n_B - 1))`, and the interval is
/// `s (m_B - m_A) +/- t_{df, 1 - alpha/2} SE` with `s` the direction sign. The quantile comes
/// from the crate's noncentral t with noncentrality 0.
///
/// Caveat ([`AUTOCORRELATION_CAVEAT`]): sessions of one patient are autocorrelated, so the
/// interval is too narrow; it describes the phases, it does not test the treatment.
///
/// # References
///
/// Welch BL (1947). The generalization of "Student's" problem when several different
/// population variances are involved. *Biometrika* 34:28-35. Huitema BE, McKean JW (1998).
/// Irrelevant autocorrelation in least-squares intervention models. *Psychological Methods*
/// 3(1):104-116.
///
/// # Examples
///
/// ```
/// use outcome_stats::change::WelchInterval;
/// use outcome_stats::{Scale, Series};
/// let s = Series::from_phases(Scale::nrs11(), &[("A", &[8.0, 9.0, 10.0]), ("B", &[2.0, 3.0, 4.0])])?;
/// let w = WelchInterval::new(&s)?;
/// assert_eq!(w.improvement, 6.0);
/// assert!((w.df - 4.0).abs() < 1e-12);
/// assert!(w.ci.lower < 6.0 && w.ci.upper > 6.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct WelchInterval {
    /// The improvement in phase means (positive = better).
    pub improvement: f64,
    /// Standard error of the difference of means.
    pub se: f64,
    /// Welch-Satterthwaite degrees of freedom.
    pub df: f64,
    /// The t quantile used, `t_{df, 1 - alpha/2}`.
    pub t_quantile: f64,
    /// The interval for the improvement.
    pub ci: Interval,
    /// Why the interval is too narrow for autocorrelated sessions.
    pub caveat: &'static str,
}

impl WelchInterval {
    /// The Welch interval from phase `A` (A1) to the last `B` phase, at level 0.95.
    ///
    /// # Errors
    ///
    /// As [`WelchInterval::with_options`].
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::change::WelchInterval;
    /// use outcome_stats::{Error, Scale, Series};
    /// let s = Series::from_phases(Scale::nrs11(), &[("A", &[8.0]), ("B", &[2.0, 3.0])])?;
    /// assert!(matches!(WelchInterval::new(&s), Err(Error::InsufficientData { .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(series: &Series) -> Result<WelchInterval> {
        WelchInterval::with_options(series, &PhaseChangeOptions::default())
    }

    /// The Welch interval between the phases and at the level chosen in `options`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] for a level outside (0, 1); [`Error::PhaseMismatch`] when a
    /// phase is missing; [`Error::InsufficientData`] when a phase has fewer than 2
    /// observations; [`Error::ZeroVariance`] when both phases are constant;
    /// [`Error::InvalidData`] when a statistic overflows; [`Error::NoConvergence`] when the t
    /// quantile cannot be computed.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::change::{PhaseChangeOptions, WelchInterval};
    /// use outcome_stats::{Scale, Series};
    /// let s = Series::from_phases(Scale::nrs11(), &[("A", &[8.0, 9.0, 10.0]), ("B", &[2.0, 3.0, 4.0])])?;
    /// let w90 = WelchInterval::with_options(&s, &PhaseChangeOptions::new().level(0.9))?;
    /// let w95 = WelchInterval::new(&s)?;
    /// assert!(w90.ci.width() < w95.ci.width());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_options(series: &Series, options: &PhaseChangeOptions) -> Result<WelchInterval> {
        check_level(options.level)?;
        let (a, b) = locate(series, options)?;
        let av = series.run_values(&a);
        let bv = series.run_values(&b);
        for (run, values) in [(&a, av), (&b, bv)] {
            if values.len() < 2 {
                return Err(Error::InsufficientData {
                    what: format!("phase {} for a Welch interval", run.name()),
                    needed: 2,
                    got: values.len(),
                });
            }
        }
        let (na, nb) = (av.len() as f64, bv.len() as f64);
        let qa = sample_variance(av, "the baseline phase")? / na;
        let qb = sample_variance(bv, "the treatment phase")? / nb;
        let se2 = qa + qb;
        if !(se2 > 0.0) {
            return Err(Error::ZeroVariance {
                what: format!("phases {} and {} (both constant)", a.name(), b.name()),
            });
        }
        let se = finite(se2.sqrt(), "the standard error")?;
        let df = finite(
            se2 * se2 / (qa * qa / (na - 1.0) + qb * qb / (nb - 1.0)),
            "the Welch degrees of freedom",
        )?;
        let change = PhaseChange::with_options(series, options)?;
        let t = NoncentralT::new(df, 0.0)?;
        let t_quantile = -t.inverse_cdf((1.0 - options.level) / 2.0);
        if !(t_quantile.is_finite() && t_quantile > 0.0) {
            return Err(Error::NoConvergence {
                what: "the t quantile of the Welch interval",
                iterations: 0,
            });
        }
        let half = finite(t_quantile * se, "the half-width of the Welch interval")?;
        let improvement = change.mean_improvement;
        let ci = Interval::new(improvement - half, improvement + half, options.level)?;
        Ok(WelchInterval {
            improvement,
            se,
            df,
            t_quantile,
            ci,
            caveat: AUTOCORRELATION_CAVEAT,
        })
    }
}

impl fmt::Display for WelchInterval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "improvement in means {:.2}, {:.0}% Welch interval [{:.2}, {:.2}] (df {:.1}); caveat: {}",
            self.improvement,
            100.0 * self.ci.level,
            self.ci.lower,
            self.ci.upper,
            self.df,
            self.caveat
        )
    }
}
