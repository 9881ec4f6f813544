//! Parametric single-case indices: SMD, log response ratios, percent change, log odds ratio,
//! log ratio of medians, percent of goal obtained.

use super::SingleCaseMethod;
use super::common::{
    PhaseLabels, TwoPhases, finite, improvement_sign, mean_var, median_sorted, sorted, two_phases,
    wald,
};
use super::common::{level_setter, phases_setter};
use crate::effect::{Estimate, Interval, Method};
use crate::error::{Error, Result};
use crate::series::Series;
use statrs::distribution::{Binomial, ContinuousCDF, DiscreteCDF, Normal};
use statrs::function::gamma::ln_gamma;

/// The standardiser of the within-case SMD.
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::SmdStandardizer;
/// assert_eq!(SmdStandardizer::default(), SmdStandardizer::Baseline);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum SmdStandardizer {
    /// The baseline SD, nu = m - 1 (Gingerich 1984; Busk & Serlin 1992); the default.
    #[default]
    Baseline,
    /// The pooled SD of both phases, nu = m + n - 2.
    Pooled,
}

/// The small-sample correction J applied to the SMD.
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::SmdBiasCorrection;
/// assert_eq!(SmdBiasCorrection::default(), SmdBiasCorrection::Approximate);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum SmdBiasCorrection {
    /// J = 1 - 3 / (4 nu - 1), as SingleCaseES and the Busk & Serlin literature (default).
    #[default]
    Approximate,
    /// The exact J = Gamma(nu / 2) / (sqrt(nu / 2) Gamma((nu - 1) / 2)) (Hedges 1981).
    Exact,
    /// No correction (J = 1).
    None,
}

/// Options for [`smd`].
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::{SmdOptions, SmdStandardizer};
/// let o = SmdOptions::default().standardizer(SmdStandardizer::Pooled);
/// assert_eq!(o.standardizer, SmdStandardizer::Pooled);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct SmdOptions {
    /// Baseline or pooled SD (default baseline).
    pub standardizer: SmdStandardizer,
    /// Small-sample correction (default approximate J).
    pub correction: SmdBiasCorrection,
    /// Confidence level (default 0.95).
    pub level: f64,
    /// Which phases to compare (default A against B).
    pub phases: PhaseLabels,
}

impl Default for SmdOptions {
    fn default() -> Self {
        SmdOptions {
            standardizer: SmdStandardizer::Baseline,
            correction: SmdBiasCorrection::Approximate,
            level: 0.95,
            phases: PhaseLabels::default(),
        }
    }
}

level_setter!(SmdOptions);
phases_setter!(SmdOptions);

impl SmdOptions {
    /// Sets the standardiser.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::effect::{SmdOptions, SmdStandardizer};
    /// assert_eq!(SmdOptions::default().standardizer(SmdStandardizer::Pooled).standardizer, SmdStandardizer::Pooled);
    /// ```
    pub fn standardizer(mut self, standardizer: SmdStandardizer) -> Self {
        self.standardizer = standardizer;
        self
    }

    /// Sets the small-sample correction.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::effect::{SmdBiasCorrection, SmdOptions};
    /// assert_eq!(SmdOptions::default().correction(SmdBiasCorrection::Exact).correction, SmdBiasCorrection::Exact);
    /// ```
    pub fn correction(mut self, correction: SmdBiasCorrection) -> Self {
        self.correction = correction;
        self
    }
}

/// Within-case standardised mean difference (SMD): the phase mean difference over the
/// baseline (or pooled) SD, with a small-sample correction.
///
/// Direction-aware: positive is improvement.
///
/// # Method
///
/// d = J (mean_B - mean_A) / s, sign flipped when lower is better, with s the baseline SD
/// (nu = m - 1) or the pooled SD (nu = m + n - 2); J = 1 - 3 / (4 nu - 1) by default.
/// SE = J sqrt(V1 + d² / (2 nu)) with V1 = 1/m + s_B² / (n s_A²) (baseline) or 1/m + 1/n
/// (pooled), and a Wald interval, as SingleCaseES 0.7.4.
///
/// # References
///
/// Busk PL, Serlin RC (1992). Meta-analysis for single-case research. In Kratochwill &
/// Levin (eds.), *Single-Case Research Design and Analysis*, 187-212. Erlbaum.
///
/// Hedges LV (1981). Distribution theory for Glass's estimator of effect size and related
/// estimators. *Journal of Educational Statistics* 6(2), 107-128. doi:10.3102/10769986006002107
///
/// # Errors
///
/// [`Error::PhaseMismatch`] when a label is absent; [`Error::InsufficientData`] for a phase
/// with fewer than 2 points, or a baseline with fewer than 3 for the baseline SD with a
/// correction (nu = 1 makes J zero); [`Error::ZeroVariance`] when the standardising SD is zero
/// (SingleCaseES returns infinity); [`Error::InvalidParameter`] for a level outside (0, 1).
///
/// # Examples
///
/// ```
/// use outcome_stats::{Scale, Series};
/// use outcome_stats::effect::{smd, SmdOptions};
/// let s = Series::from_phases(Scale::nrs11(), &[("A", &[8.0, 7.0, 8.0, 9.0]), ("B", &[5.0, 4.0, 7.0, 3.0])])?;
/// let e = smd(&s, &SmdOptions::default())?;
/// assert!(e.value > 0.0); // pain fell: an improvement
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn smd(series: &Series, options: &SmdOptions) -> Result<Estimate> {
    let p = two_phases(series, &options.phases, options.level, 2, 2, "the SMD")?;
    let (m, n) = (p.a.len() as f64, p.b.len() as f64);
    let (mean_a, var_a) = mean_var(&p.a);
    let (mean_b, var_b) = mean_var(&p.b);
    let (df, s_sq, v1) = match options.standardizer {
        SmdStandardizer::Baseline => (m - 1.0, var_a, 1.0 / m + var_b / (n * var_a)),
        SmdStandardizer::Pooled => {
            let df = m + n - 2.0;
            (
                df,
                ((m - 1.0) * var_a + (n - 1.0) * var_b) / df,
                1.0 / m + 1.0 / n,
            )
        }
    };
    if !(s_sq > 0.0) {
        return Err(Error::ZeroVariance {
            what: match options.standardizer {
                SmdStandardizer::Baseline => format!(
                    "phase {:?}, whose SD standardises the SMD",
                    options.phases.baseline
                ),
                SmdStandardizer::Pooled => "both phases (the pooled SD of the SMD)".to_string(),
            },
        });
    }
    if df < 2.0 && options.correction != SmdBiasCorrection::None {
        return Err(Error::InsufficientData {
            what: format!(
                "phase {:?} for the small-sample corrected SMD (nu = 1 makes J zero)",
                options.phases.baseline
            ),
            needed: 3,
            got: p.a.len(),
        });
    }
    let j = match options.correction {
        SmdBiasCorrection::Approximate => 1.0 - 3.0 / (4.0 * df - 1.0),
        SmdBiasCorrection::Exact => {
            (ln_gamma(df / 2.0) - ln_gamma((df - 1.0) / 2.0)).exp() / (df / 2.0).sqrt()
        }
        SmdBiasCorrection::None => 1.0,
    };
    let d = improvement_sign(series) * (j * (mean_b - mean_a) / s_sq.sqrt());
    let se = j * (v1 + d * d / (2.0 * df)).sqrt();
    finite(d, "SMD")?;
    Ok(Estimate::new(
        d,
        Some(se),
        Some(wald(d, se, options.level)?),
        Method::SingleCase(SingleCaseMethod::Smd {
            standardizer: options.standardizer,
            correction: options.correction,
        }),
    ))
}

/// How the outcome was measured; fixes the truncation constant D of the log response ratio
/// and log odds ratio (SingleCaseES's `scale` argument).
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::MeasurementType;
/// assert_eq!(MeasurementType::default().truncation_constant(), 1.0);
/// assert!(MeasurementType::Other.truncation_constant().is_infinite());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum MeasurementType {
    /// Event counts (D = 1); the default, as SingleCaseES's LRR functions.
    #[default]
    Count,
    /// Rates per unit time (D = the observation length).
    Rate {
        /// Length of each observation session.
        observation_length: f64,
    },
    /// Proportions in [0, 1] (D = the number of intervals, or no truncation when unknown).
    Proportion {
        /// Intervals per session, if known.
        intervals: Option<f64>,
    },
    /// Percentages in [0, 100] (D = intervals / 100, or no truncation when unknown).
    Percentage {
        /// Intervals per session, if known.
        intervals: Option<f64>,
    },
    /// Any other ratio-scale measure (no truncation, D = infinity).
    Other,
}

impl MeasurementType {
    /// The truncation constant D for the log response ratio (SingleCaseES's
    /// `trunc_constant`); infinity means no truncation.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::effect::MeasurementType;
    /// let m = MeasurementType::Percentage { intervals: Some(20.0) };
    /// assert_eq!(m.truncation_constant(), 0.2);
    /// ```
    pub fn truncation_constant(&self) -> f64 {
        match *self {
            MeasurementType::Count => 1.0,
            MeasurementType::Rate { observation_length } => observation_length,
            MeasurementType::Proportion { intervals } => intervals.unwrap_or(f64::INFINITY),
            MeasurementType::Percentage { intervals } => {
                intervals.map_or(f64::INFINITY, |k| k / 100.0)
            }
            MeasurementType::Other => f64::INFINITY,
        }
    }

    fn complement(&self) -> Option<f64> {
        match self {
            MeasurementType::Proportion { .. } => Some(1.0),
            MeasurementType::Percentage { .. } => Some(100.0),
            _ => None,
        }
    }

    fn check(&self, values: &[f64], phase: &str) -> Result<()> {
        let upper = self.complement().unwrap_or(f64::INFINITY);
        for (i, &v) in values.iter().enumerate() {
            if !(v >= 0.0 && v <= upper) {
                return Err(Error::InvalidData {
                    reason: format!(
                        "value {v} (observation {i} of phase {phase:?}) is outside [0, {upper}], \
                         the range of this measurement type"
                    ),
                });
            }
        }
        Ok(())
    }
}

/// The two published log response ratios.
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::LrrDirection;
/// assert_ne!(LrrDirection::Decreasing, LrrDirection::Increasing);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum LrrDirection {
    /// LRRd: negative values are improvement.
    Decreasing,
    /// LRRi: positive values are improvement.
    Increasing,
}

/// Whether the LRR (or LOR) carries its small-sample bias correction.
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::LrrBias;
/// assert_eq!(LrrBias::default(), LrrBias::Corrected);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum LrrBias {
    /// Bias corrected (Pustejovsky 2018); the default.
    #[default]
    Corrected,
    /// Plain log ratio.
    Uncorrected,
}

/// Options for [`lrr_decreasing`] and [`lrr_increasing`].
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::{LrrOptions, MeasurementType};
/// let o = LrrOptions::default().measurement(MeasurementType::Rate { observation_length: 20.0 });
/// assert_eq!(o.measurement.truncation_constant(), 20.0);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct LrrOptions {
    /// Measurement type (default [`MeasurementType::Count`]).
    pub measurement: MeasurementType,
    /// A truncation constant D overriding the measurement type's (SingleCaseES's `D_const`).
    pub truncation: Option<f64>,
    /// Bias correction (default corrected).
    pub bias: LrrBias,
    /// Confidence level (default 0.95).
    pub level: f64,
    /// Which phases to compare (default A against B).
    pub phases: PhaseLabels,
}

impl Default for LrrOptions {
    fn default() -> Self {
        LrrOptions {
            measurement: MeasurementType::Count,
            truncation: None,
            bias: LrrBias::Corrected,
            level: 0.95,
            phases: PhaseLabels::default(),
        }
    }
}

level_setter!(LrrOptions);
phases_setter!(LrrOptions);

impl LrrOptions {
    /// Sets the measurement type.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::effect::{LrrOptions, MeasurementType};
    /// assert_eq!(LrrOptions::default().measurement(MeasurementType::Other).measurement, MeasurementType::Other);
    /// ```
    pub fn measurement(mut self, measurement: MeasurementType) -> Self {
        self.measurement = measurement;
        self
    }

    /// Sets an explicit truncation constant D.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::effect::LrrOptions;
    /// assert_eq!(LrrOptions::default().truncation(2.0).truncation, Some(2.0));
    /// ```
    pub fn truncation(mut self, d: f64) -> Self {
        self.truncation = Some(d);
        self
    }

    /// Sets the bias correction.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::effect::{LrrBias, LrrOptions};
    /// assert_eq!(LrrOptions::default().bias(LrrBias::Uncorrected).bias, LrrBias::Uncorrected);
    /// ```
    pub fn bias(mut self, bias: LrrBias) -> Self {
        self.bias = bias;
        self
    }
}

fn check_truncation(d: f64) -> Result<f64> {
    if d > 0.0 {
        Ok(d)
    } else {
        Err(Error::InvalidParameter {
            name: "truncation constant",
            value: d,
            expected: "a positive constant D (infinity for no truncation)",
        })
    }
}

fn lrr(series: &Series, options: &LrrOptions, direction: LrrDirection) -> Result<Estimate> {
    let p = two_phases(series, &options.phases, options.level, 2, 2, "the LRR")?;
    options.measurement.check(&p.a, &options.phases.baseline)?;
    options.measurement.check(&p.b, &options.phases.treatment)?;
    let d = check_truncation(
        options
            .truncation
            .unwrap_or(options.measurement.truncation_constant()),
    )?;
    let improves_up = improvement_sign(series) > 0.0;
    // SingleCaseES: complements for proportions / percentages when the improvement runs
    // against the ratio's direction; a sign flip for other measures.
    let against = match direction {
        LrrDirection::Increasing => !improves_up,
        LrrDirection::Decreasing => improves_up,
    };
    let complement = options.measurement.complement();
    let mut terms = Vec::with_capacity(2);
    for (values, label) in [
        (&p.a, &options.phases.baseline),
        (&p.b, &options.phases.treatment),
    ] {
        let n = values.len() as f64;
        let (mut mean, var) = mean_var(values);
        if against && let Some(c) = complement {
            mean = c - mean;
        }
        let mean = mean.max(1.0 / (2.0 * d * n));
        let var = var.max(1.0 / (d * d * n * n * n));
        if !(mean > 0.0) {
            return Err(Error::InvalidData {
                reason: format!(
                    "the mean of phase {label:?} is zero and this measurement type has no \
                     truncation constant; give one (LrrOptions::truncation) or use another index"
                ),
            });
        }
        terms.push((mean, var, n));
    }
    let log_term = |(mean, var, n): (f64, f64, f64)| match options.bias {
        LrrBias::Corrected => mean.ln() + var / (2.0 * n * mean * mean),
        LrrBias::Uncorrected => mean.ln(),
    };
    let mut value = log_term(terms[1]) - log_term(terms[0]);
    if against && complement.is_none() {
        value = -value;
    }
    let se = terms
        .iter()
        .map(|(mean, var, n)| var / (n * mean * mean))
        .sum::<f64>()
        .sqrt();
    finite(value, "log response ratio")?;
    Ok(Estimate::new(
        value,
        Some(se),
        Some(wald(value, se, options.level)?),
        Method::SingleCase(SingleCaseMethod::LogResponseRatio {
            direction,
            measurement: options.measurement,
            truncation: d,
            bias: options.bias,
        }),
    ))
}

/// Log response ratio, decreasing form (LRRd): negative values are improvement.
///
/// Keeps its published direction (Pustejovsky 2018; SingleCaseES 0.7.4): for counts, rates and
/// other measures LRRd = -LRRi, so that a reduction in a behaviour to decrease is negative; for
/// proportions and percentages whose improvement is an increase, LRRd is the log ratio of the
/// complements (1 - p). It is not direction-aware in the crate's sense.
///
/// # Method
///
/// With phase means M (truncated below at 1 / (2 D n)) and variances V (truncated below at
/// 1 / (D² n³)), the bias-corrected log mean is ln M + V / (2 n M²);
/// LRR = corrected ln M_B - corrected ln M_A, SE = sqrt(V_A / (n_A M_A²) + V_B / (n_B M_B²)),
/// Wald interval. D comes from the [`MeasurementType`] (count: 1; rate: observation length;
/// proportion: intervals; percentage: intervals / 100; other: no truncation).
///
/// # References
///
/// Pustejovsky JE (2018). Using response ratios for meta-analyzing single-case designs with
/// behavioral outcomes. *Journal of School Psychology* 68, 99-112.
/// doi:10.1016/j.jsp.2018.02.003
///
/// # Errors
///
/// [`Error::PhaseMismatch`] for an absent label; [`Error::InsufficientData`] for a phase with
/// fewer than 2 points; [`Error::InvalidData`] for a negative value (or a proportion or
/// percentage out of range) and for a zero phase mean with no truncation constant;
/// [`Error::InvalidParameter`] for a non-positive D or a level outside (0, 1).
///
/// # Examples
///
/// ```
/// use outcome_stats::{Scale, Series};
/// use outcome_stats::effect::{lrr_decreasing, LrrOptions};
/// let s = Series::from_phases(Scale::nrs11(), &[("A", &[8.0, 7.0, 8.0, 9.0]), ("B", &[5.0, 4.0, 7.0, 3.0])])?;
/// let e = lrr_decreasing(&s, &LrrOptions::default())?;
/// assert!(e.value < 0.0); // pain fell
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn lrr_decreasing(series: &Series, options: &LrrOptions) -> Result<Estimate> {
    lrr(series, options, LrrDirection::Decreasing)
}

/// Log response ratio, increasing form (LRRi): positive values are improvement.
///
/// Keeps its published direction (Pustejovsky 2018; SingleCaseES 0.7.4); see
/// [`lrr_decreasing`] for the method, including the complements used for proportions and
/// percentages.
///
/// # Method
///
/// As [`lrr_decreasing`], with the opposite orientation.
///
/// # References
///
/// Pustejovsky JE (2018). Using response ratios for meta-analyzing single-case designs with
/// behavioral outcomes. *Journal of School Psychology* 68, 99-112.
/// doi:10.1016/j.jsp.2018.02.003
///
/// # Errors
///
/// As [`lrr_decreasing`].
///
/// # Examples
///
/// ```
/// use outcome_stats::{Direction, Scale, Series};
/// use outcome_stats::effect::{lrr_increasing, LrrOptions};
/// let scale = Scale::new(0.0, 50.0, Direction::HigherIsBetter)?;
/// let s = Series::from_phases(scale, &[("A", &[20.0, 20.0, 26.0, 25.0, 22.0, 23.0]), ("B", &[28.0, 25.0, 24.0, 27.0, 30.0, 30.0, 29.0])])?;
/// let e = lrr_increasing(&s, &LrrOptions::default())?;
/// assert!((e.value - 0.195396165735149).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn lrr_increasing(series: &Series, options: &LrrOptions) -> Result<Estimate> {
    lrr(series, options, LrrDirection::Increasing)
}

/// The percent change implied by a log response ratio: 100 (exp(LRR) - 1), with the LRR
/// interval's ends transformed the same way.
///
/// The direction is the LRR's: from [`lrr_increasing`] positive is improvement, from
/// [`lrr_decreasing`] negative is. `se` is `None` (the interval is the transformed one, not
/// symmetric).
///
/// # Method
///
/// 100 (exp(LRR) - 1); ends 100 (exp(lower) - 1) and 100 (exp(upper) - 1) (Pustejovsky 2018).
///
/// # References
///
/// Pustejovsky JE (2018). Using response ratios for meta-analyzing single-case designs with
/// behavioral outcomes. *Journal of School Psychology* 68, 99-112.
///
/// # Errors
///
/// [`Error::InvalidParameter`] when `lrr` is not a log response ratio estimate.
///
/// # Examples
///
/// ```
/// use outcome_stats::{Scale, Series};
/// use outcome_stats::effect::{lrr_decreasing, percent_change, LrrBias, LrrOptions};
/// let s = Series::from_phases(Scale::nrs11(), &[("A", &[8.0, 8.0]), ("B", &[4.0, 4.0])])?;
/// let plain = LrrOptions::default().bias(LrrBias::Uncorrected);
/// let pc = percent_change(&lrr_decreasing(&s, &plain)?)?;
/// assert!((pc.value + 50.0).abs() < 1e-12); // pain halved
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn percent_change(lrr: &Estimate) -> Result<Estimate> {
    let direction = match lrr.method {
        Method::SingleCase(SingleCaseMethod::LogResponseRatio { direction, .. }) => direction,
        _ => {
            return Err(Error::InvalidParameter {
                name: "lrr",
                value: lrr.value,
                expected: "an estimate from lrr_decreasing or lrr_increasing",
            });
        }
    };
    let pct = |x: f64| 100.0 * x.exp_m1();
    let ci = match lrr.ci {
        Some(ci) => Some(Interval::new(pct(ci.lower), pct(ci.upper), ci.level)?),
        None => None,
    };
    Ok(Estimate::new(
        pct(lrr.value),
        None,
        ci,
        Method::SingleCase(SingleCaseMethod::PercentChange { direction }),
    ))
}

/// Options for [`log_odds_ratio_proportions`].
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::{LorOptions, MeasurementType};
/// let o = LorOptions::default().measurement(MeasurementType::Percentage { intervals: Some(20.0) });
/// assert_eq!(o.level, 0.95);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct LorOptions {
    /// Proportion or percentage (default percentage, intervals unknown: no truncation).
    pub measurement: MeasurementType,
    /// An explicit truncation constant (SingleCaseES's `D_const`; multiplied by 100 for
    /// percentages, as SingleCaseES does).
    pub truncation: Option<f64>,
    /// Bias correction (default corrected).
    pub bias: LrrBias,
    /// Confidence level (default 0.95).
    pub level: f64,
    /// Which phases to compare (default A against B).
    pub phases: PhaseLabels,
}

impl Default for LorOptions {
    fn default() -> Self {
        LorOptions {
            measurement: MeasurementType::Percentage { intervals: None },
            truncation: None,
            bias: LrrBias::Corrected,
            level: 0.95,
            phases: PhaseLabels::default(),
        }
    }
}

level_setter!(LorOptions);
phases_setter!(LorOptions);

impl LorOptions {
    /// Sets the measurement type (proportion or percentage).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::effect::{LorOptions, MeasurementType};
    /// let m = MeasurementType::Proportion { intervals: None };
    /// assert_eq!(LorOptions::default().measurement(m).measurement, m);
    /// ```
    pub fn measurement(mut self, measurement: MeasurementType) -> Self {
        self.measurement = measurement;
        self
    }

    /// Sets an explicit truncation constant.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::effect::LorOptions;
    /// assert_eq!(LorOptions::default().truncation(0.2).truncation, Some(0.2));
    /// ```
    pub fn truncation(mut self, d: f64) -> Self {
        self.truncation = Some(d);
        self
    }

    /// Sets the bias correction.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::effect::{LorOptions, LrrBias};
    /// assert_eq!(LorOptions::default().bias(LrrBias::Uncorrected).bias, LrrBias::Uncorrected);
    /// ```
    pub fn bias(mut self, bias: LrrBias) -> Self {
        self.bias = bias;
        self
    }
}

/// Log odds ratio between phases for outcomes measured as proportions or percentages
/// (SingleCaseES's LOR; named apart from the binary-outcome log odds ratio of a 2x2 table).
///
/// Direction-aware: positive is improvement.
///
/// # Method
///
/// Phase mean proportions p (percentages divided by 100) truncated to
/// [1 / (2 D n), 1 - 1 / (2 D n)], variances truncated below at 1 / (D² n³); log odds
/// logit(p) minus, with bias correction, (2p - 1) V / (2 n p² (1 - p)²); LOR = difference
/// B - A (negated when lower is better); SE = sqrt(sum V / (n p² (1 - p)²)); Wald interval
/// (SingleCaseES 0.7.4; D = the number of intervals).
///
/// # References
///
/// Pustejovsky JE (2015). Measurement-comparable effect sizes for single-case studies of
/// free-operant behavior. *Psychological Methods* 20(3), 342-359. doi:10.1037/met0000019
///
/// # Constant phases
///
/// When both phases are constant the plug-in standard error is 0 and the interval has zero
/// width: the data show no variability, not certainty. Read such an interval as undefined.
///
/// # Errors
///
/// [`Error::InvalidParameter`] for a measurement type other than proportion or percentage, a
/// non-positive D, or a level outside (0, 1); [`Error::InvalidData`] for values out of range or
/// a phase mean of exactly 0 or 1 without truncation; [`Error::InsufficientData`] for a phase
/// with fewer than 2 points; [`Error::PhaseMismatch`] for an absent label.
///
/// # Examples
///
/// ```
/// use outcome_stats::{Direction, Scale, Series};
/// use outcome_stats::effect::{log_odds_ratio_proportions, LorOptions, MeasurementType};
/// let scale = Scale::new(0.0, 100.0, Direction::HigherIsBetter)?;
/// let s = Series::from_phases(scale, &[("A", &[20.0, 20.0, 25.0, 25.0, 20.0, 25.0]), ("B", &[30.0, 25.0, 25.0, 25.0, 35.0, 30.0, 25.0])])?;
/// let o = LorOptions::default().measurement(MeasurementType::Percentage { intervals: Some(20.0) });
/// assert!((log_odds_ratio_proportions(&s, &o)?.value - 0.285285350755842).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn log_odds_ratio_proportions(series: &Series, options: &LorOptions) -> Result<Estimate> {
    let p = two_phases(series, &options.phases, options.level, 2, 2, "the LOR")?;
    let (scale, intervals) = match options.measurement {
        MeasurementType::Proportion { intervals } => (1.0, intervals),
        MeasurementType::Percentage { intervals } => (100.0, intervals),
        _ => {
            return Err(Error::InvalidParameter {
                name: "measurement",
                value: f64::NAN,
                expected: "a proportion or percentage measurement type for the log odds ratio",
            });
        }
    };
    options.measurement.check(&p.a, &options.phases.baseline)?;
    options.measurement.check(&p.b, &options.phases.treatment)?;
    let d = check_truncation(match options.truncation {
        Some(d) => d * scale,
        None => intervals.unwrap_or(f64::INFINITY),
    })?;
    let mut terms = Vec::with_capacity(2);
    for (values, label) in [
        (&p.a, &options.phases.baseline),
        (&p.b, &options.phases.treatment),
    ] {
        let scaled: Vec<f64> = values.iter().map(|v| v / scale).collect();
        let n = scaled.len() as f64;
        let (mean, var) = mean_var(&scaled);
        let lo = 1.0 / (2.0 * d * n);
        let mean = mean.max(lo).min(1.0 - lo);
        let var = var.max(1.0 / (d * d * n * n * n));
        if !(mean > 0.0 && mean < 1.0) {
            return Err(Error::InvalidData {
                reason: format!(
                    "the mean proportion of phase {label:?} is {mean}; the log odds needs it \
                     strictly inside (0, 1) or a truncation constant (the number of intervals)"
                ),
            });
        }
        terms.push((mean, var, n));
    }
    let log_odds = |(mean, var, n): (f64, f64, f64)| {
        let lo = mean.ln() - (1.0 - mean).ln();
        match options.bias {
            LrrBias::Corrected => {
                lo - (2.0 * mean - 1.0) * var / (2.0 * n * mean * mean * (1.0 - mean).powi(2))
            }
            LrrBias::Uncorrected => lo,
        }
    };
    let value = improvement_sign(series) * (log_odds(terms[1]) - log_odds(terms[0]));
    finite(value, "log odds ratio")?;
    let se = terms
        .iter()
        .map(|(mean, var, n)| var / (n * mean * mean * (1.0 - mean).powi(2)))
        .sum::<f64>()
        .sqrt();
    Ok(Estimate::new(
        value,
        Some(se),
        Some(wald(value, se, options.level)?),
        Method::SingleCase(SingleCaseMethod::LogOddsRatio {
            measurement: options.measurement,
            truncation: d,
            bias: options.bias,
        }),
    ))
}

/// Which variance the log ratio of medians uses.
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::LrmStandardError;
/// assert_eq!(LrmStandardError::default(), LrmStandardError::LogScale);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum LrmStandardError {
    /// From the log order statistics, ((ln U - ln L) / (2 z))² (Bonett & Price 2020; default).
    #[default]
    LogScale,
    /// The delta method, ((U - L) / (2 z))² / median².
    Delta,
}

/// Options for [`log_ratio_of_medians`].
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::{LrmOptions, LrmStandardError};
/// let o = LrmOptions::default().standard_error(LrmStandardError::Delta);
/// assert_eq!(o.standard_error, LrmStandardError::Delta);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct LrmOptions {
    /// Variance of the log medians (default log scale).
    pub standard_error: LrmStandardError,
    /// Confidence level (default 0.95).
    pub level: f64,
    /// Which phases to compare (default A against B).
    pub phases: PhaseLabels,
}

impl Default for LrmOptions {
    fn default() -> Self {
        LrmOptions {
            standard_error: LrmStandardError::LogScale,
            level: 0.95,
            phases: PhaseLabels::default(),
        }
    }
}

level_setter!(LrmOptions);
phases_setter!(LrmOptions);

impl LrmOptions {
    /// Sets the variance method.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::effect::{LrmOptions, LrmStandardError};
    /// assert_eq!(LrmOptions::default().standard_error(LrmStandardError::Delta).standard_error, LrmStandardError::Delta);
    /// ```
    pub fn standard_error(mut self, se: LrmStandardError) -> Self {
        self.standard_error = se;
        self
    }
}

/// Log median and the variance of the log median of one phase (Bonett & Price 2020).
fn log_median_stats(values: &[f64], label: &str, se: LrmStandardError) -> Result<(f64, f64)> {
    for (i, &v) in values.iter().enumerate() {
        if !(v >= 0.0) {
            return Err(Error::InvalidData {
                reason: format!(
                    "value {v} (observation {i} of phase {label:?}) is negative; the log ratio of \
                     medians needs non-negative data"
                ),
            });
        }
    }
    let y = sorted(values);
    let n = y.len();
    let med = median_sorted(&y);
    if !(med > 0.0) {
        return Err(Error::InvalidData {
            reason: format!("the median of phase {label:?} is zero; its logarithm is undefined"),
        });
    }
    let nf = n as f64;
    let o1 = ((nf / 2.0 - nf.sqrt()).round_ties_even()).max(1.0) as usize;
    let o2 = n - o1 + 1;
    let binomial = Binomial::new(0.5, n as u64).map_err(|_| Error::InvalidData {
        reason: format!("phase {label:?} is too long for the binomial order statistics"),
    })?;
    let p = binomial.cdf((o1 - 1) as u64);
    let z0 = -Normal::standard().inverse_cdf(p);
    let (lower, upper) = (y[o1 - 1], y[o2 - 1]);
    let var = match se {
        LrmStandardError::LogScale => {
            if !(lower > 0.0) {
                return Err(Error::InvalidData {
                    reason: format!(
                        "the lower order statistic of phase {label:?} is zero; use the delta-method \
                         standard error"
                    ),
                });
            }
            ((upper.ln() - lower.ln()) / (2.0 * z0)).powi(2)
        }
        LrmStandardError::Delta => ((upper - lower) / (2.0 * z0)).powi(2) / (med * med),
    };
    Ok((med.ln(), var))
}

/// Log ratio of medians (LRM) between phases (Bonett & Price 2020).
///
/// Direction-aware: positive is improvement (ln(median_B / median_A), negated when lower is
/// better).
///
/// # Method
///
/// For each phase of n sorted values y, o1 = max(round(n / 2 - sqrt(n)), 1) (round half to
/// even, as R), o2 = n - o1 + 1, p = P(Binomial(n, 1/2) <= o1 - 1), z = z_{1-p}; Var(ln median)
/// = ((ln y_o2 - ln y_o1) / (2 z))² (or by the delta method ((y_o2 - y_o1) / (2 z))² /
/// median²). LRM = ln median_B - ln median_A, SE the root of the summed variances, Wald
/// interval (as SingleCaseES 0.7.4).
///
/// # References
///
/// Bonett DG, Price RM (2020). Confidence intervals for ratios of means and medians. *Journal
/// of Educational and Behavioral Statistics* 45(6), 750-770. doi:10.3102/1076998620934125
///
/// # Constant phases
///
/// When both phases are constant the plug-in standard error is 0 and the interval has zero
/// width: the data show no variability, not certainty. Read such an interval as undefined.
///
/// # Errors
///
/// [`Error::InvalidData`] for negative values, a zero median, or a zero lower order statistic
/// with the log-scale SE; [`Error::InsufficientData`] for a phase with fewer than 2 points;
/// [`Error::PhaseMismatch`] for an absent label; [`Error::InvalidParameter`] for a level
/// outside (0, 1).
///
/// # Examples
///
/// ```
/// use outcome_stats::{Direction, Scale, Series};
/// use outcome_stats::effect::{log_ratio_of_medians, LrmOptions};
/// let scale = Scale::new(0.0, 100.0, Direction::HigherIsBetter)?;
/// let a = [21.0, 14.0, 11.0, 27.0, 19.0, 32.0, 21.0, 23.0, 18.0, 26.0, 24.0, 23.0];
/// let b = [34.0, 19.0, 26.0, 31.0, 39.0, 42.0, 27.0, 14.0, 25.0, 29.0, 33.0, 36.0];
/// let s = Series::from_phases(scale, &[("A", &a), ("B", &b)])?;
/// let e = log_ratio_of_medians(&s, &LrmOptions::default())?;
/// assert!((e.value - 0.310154928303839).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn log_ratio_of_medians(series: &Series, options: &LrmOptions) -> Result<Estimate> {
    let p: TwoPhases = two_phases(series, &options.phases, options.level, 2, 2, "the LRM")?;
    let (la, va) = log_median_stats(&p.a, &options.phases.baseline, options.standard_error)?;
    let (lb, vb) = log_median_stats(&p.b, &options.phases.treatment, options.standard_error)?;
    let value = improvement_sign(series) * (lb - la);
    let se = (va + vb).sqrt();
    Ok(Estimate::new(
        value,
        Some(se),
        Some(wald(value, se, options.level)?),
        Method::SingleCase(SingleCaseMethod::LogRatioOfMedians {
            standard_error: options.standard_error,
        }),
    ))
}

/// Options for [`pogo`].
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::PogoOptions;
/// assert_eq!(PogoOptions::default().level(0.9).level, 0.9);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct PogoOptions {
    /// Confidence level (default 0.95).
    pub level: f64,
    /// Which phases to compare (default A against B).
    pub phases: PhaseLabels,
}

impl Default for PogoOptions {
    fn default() -> Self {
        PogoOptions {
            level: 0.95,
            phases: PhaseLabels::default(),
        }
    }
}

level_setter!(PogoOptions);
phases_setter!(PogoOptions);

/// Percent of goal obtained (PoGO): how far the treatment mean has moved from the baseline
/// mean towards a goal, in percent.
///
/// Direction-aware through the goal: movement towards the goal is positive whichever way the
/// scale improves; 100 means the goal was reached on average.
///
/// # Method
///
/// PoGO = 100 (M_B - M_A) / (goal - M_A). The delta-method variance counts M_A in both the
/// numerator and the denominator: with P = PoGO / 100,
/// Var = ((1 - P)² V_A / n_A + V_B / n_B) / (goal - M_A)², SE = 100 sqrt(Var); Wald interval.
/// (SingleCaseES 0.7.4 uses (1 + P²) V_A / n_A, which treats the two appearances of M_A as
/// independent: 20.75 instead of 13.06 for Parker et al.'s example with goal 30.)
///
/// # References
///
/// Ferron J, Goldstein H, Olszewski A, Rohrer L (2020). Indexing effects in single-case
/// experimental designs by estimating the percent of goal obtained. *Evidence-Based
/// Communication Assessment and Intervention* 14(1-2), 6-27. doi:10.1080/17489539.2020.1732024
///
/// # Constant phases
///
/// When both phases are constant the plug-in standard error is 0 and the interval has zero
/// width: the data show no variability, not certainty. Read such an interval as undefined.
///
/// # Errors
///
/// [`Error::InvalidParameter`] for a non-finite goal, a goal equal to the baseline mean, or a
/// level outside (0, 1); [`Error::InsufficientData`] for a phase with fewer than 2 points;
/// [`Error::PhaseMismatch`] for an absent label.
///
/// # Examples
///
/// ```
/// use outcome_stats::{Direction, Scale, Series};
/// use outcome_stats::effect::{pogo, PogoOptions};
/// let scale = Scale::new(0.0, 50.0, Direction::HigherIsBetter)?;
/// let s = Series::from_phases(scale, &[("A", &[20.0, 20.0, 26.0, 25.0, 22.0, 23.0]), ("B", &[28.0, 25.0, 24.0, 27.0, 30.0, 30.0, 29.0])])?;
/// let e = pogo(&s, 30.0, &PogoOptions::default())?;
/// assert!((e.value - 66.8831168831169).abs() < 1e-9);
/// assert!((e.se.ok_or("no SE")? - 13.06).abs() < 0.01);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn pogo(series: &Series, goal: f64, options: &PogoOptions) -> Result<Estimate> {
    if !goal.is_finite() {
        return Err(Error::InvalidParameter {
            name: "goal",
            value: goal,
            expected: "a finite goal level",
        });
    }
    let p = two_phases(series, &options.phases, options.level, 2, 2, "PoGO")?;
    let (na, nb) = (p.a.len() as f64, p.b.len() as f64);
    let (mean_a, var_a) = mean_var(&p.a);
    let (mean_b, var_b) = mean_var(&p.b);
    let gap = goal - mean_a;
    if !(gap != 0.0) {
        return Err(Error::InvalidParameter {
            name: "goal",
            value: goal,
            expected: "a goal different from the baseline mean",
        });
    }
    let share = (mean_b - mean_a) / gap;
    let value = 100.0 * share;
    let var = ((1.0 - share).powi(2) * var_a / na + var_b / nb) / (gap * gap);
    let se = 100.0 * var.sqrt();
    finite(value, "PoGO")?;
    Ok(Estimate::new(
        value,
        Some(se),
        Some(wald(value, se, options.level)?),
        Method::SingleCase(SingleCaseMethod::Pogo { goal }),
    ))
}
