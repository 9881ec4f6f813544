//! Binary (responder) outcomes: risk difference, risk ratio, odds ratio and the number needed
//! to treat, from the counts of a two-arm comparison.
//!
//! # Which arm, which event
//!
//! A [`TwoByTwo`] names its arms: the *treatment* arm and the *control* arm, in that order in
//! every constructor. Every measure compares treatment with control: the risk difference is
//! `p_t - p_c`, the risk ratio `p_t / p_c`, the odds ratio `odds_t / odds_c`. These three are
//! plain arithmetic on the event risks and do not know whether an event is good (a responder,
//! e.g. at least 30 % pain relief) or bad (an adverse event, a relapse): a risk difference of
//! `+0.2` means 20 more events per 100 treated, which is a benefit for responders and a harm
//! for adverse events. The number needed to treat does need to know, and takes an
//! [`EventKind`] (`Responder` or `Adverse`) to say which way is benefit.
//!
//! # Intervals
//!
//! - Risk difference: Newcombe's (1998) hybrid score interval (his method 10, no continuity
//!   correction), which stays inside `[-1, 1]` and behaves at zero counts; no correction is
//!   ever added to the counts.
//! - Risk ratio: the Katz et al. (1978) log interval by default; Koopman's (1984) score
//!   interval through [`risk_ratio_with`] and [`RiskRatioInterval::KoopmanScore`] (the
//!   chi-square score interval with the restricted maximum likelihood risks; no correction).
//! - Odds ratio: the Woolf (1955) log interval.
//! - Number needed to treat: the risk difference's Newcombe interval inverted (Altman 1998),
//!   see [`NumberNeededToTreat`].
//!
//! # Zero cells
//!
//! The log-scale statistics (Katz's and Woolf's, and the point estimates that go with them)
//! need every cell of the table to be positive: a zero makes a logarithm or a variance term
//! infinite. Only for those statistics, and only when at least one of the four cells (events
//! and non-events in each arm) is zero, 0.5 is added to every cell (Haldane 1956, Anscombe
//! 1956; the rule of metafor's `escalc` and of the Cochrane Handbook), and the [`BinaryMethod`]
//! says so ([`ZeroCellCorrection::HalfAddedToEveryCell`]). The risk difference, its Newcombe
//! interval and Koopman's score interval never alter the counts.
//!
//! # References
//!
//! - Altman DG (1998). Confidence intervals for the number needed to treat. *BMJ* 317:1309-1312.
//!   doi:10.1136/bmj.317.7168.1309
//! - Katz D, Baptista J, Azen SP, Pike MC (1978). Obtaining confidence intervals for the risk
//!   ratio in cohort studies. *Biometrics* 34:469-474.
//! - Koopman PAR (1984). Confidence intervals for the ratio of two binomial proportions.
//!   *Biometrics* 40:513-517.
//! - Newcombe RG (1998). Interval estimation for the difference between independent
//!   proportions: comparison of eleven methods. *Statistics in Medicine* 17:873-890.
//! - Woolf B (1955). On estimating the relation between blood group and disease. *Annals of
//!   Human Genetics* 19:251-253.
//! - Haldane JBS (1956). The estimation and significance of the logarithm of a ratio of
//!   frequencies. *Annals of Human Genetics* 20:309-311.

use statrs::distribution::{ContinuousCDF, Normal};

use super::{Estimate, Interval, IntervalKind, Method, check_level};
use crate::error::{Error, Result};
use crate::numeric::{RootOptions, find_root_expanding};

/// Largest count accepted: every count must be exactly representable as an `f64`.
const MAX_COUNT: u64 = 1 << 53;

/// Tolerance for counts recovered from proportions (`p * n` must be this close to an integer).
const PROPORTION_COUNT_TOLERANCE: f64 = 1e-6;

/// The counts of a two-arm comparison of a binary outcome: events and totals in the treatment
/// arm and in the control arm.
///
/// # Method
///
/// The risks are `p_t = events_treatment / n_treatment` and `p_c = events_control / n_control`.
///
/// # Errors
///
/// See [`TwoByTwo::new`].
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::TwoByTwo;
/// // 56 of 70 treated patients respond, 48 of 80 controls
/// let t = TwoByTwo::new(56, 70, 48, 80)?;
/// assert_eq!(t.risk_treatment(), 0.8);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TwoByTwo {
    events_treatment: u64,
    n_treatment: u64,
    events_control: u64,
    n_control: u64,
}

impl TwoByTwo {
    /// A table from the events and the total in each arm, treatment arm first.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidData`] when an arm's events exceed its total or an arm is empty;
    /// [`Error::InvalidParameter`] when a count exceeds 2^53 (not exact as an `f64`).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::effect::TwoByTwo;
    /// assert!(TwoByTwo::new(12, 10, 3, 10).is_err()); // 12 events among 10 patients
    /// assert!(TwoByTwo::new(0, 10, 0, 10).is_ok()); // no events is valid
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        events_treatment: u64,
        n_treatment: u64,
        events_control: u64,
        n_control: u64,
    ) -> Result<TwoByTwo> {
        for (name, n) in [
            ("n_treatment", n_treatment),
            ("n_control", n_control),
            ("events_treatment", events_treatment),
            ("events_control", events_control),
        ] {
            if n > MAX_COUNT {
                return Err(Error::InvalidParameter {
                    name,
                    value: n as f64,
                    expected: "a count of at most 2^53",
                });
            }
        }
        for (arm, events, total) in [
            ("treatment", events_treatment, n_treatment),
            ("control", events_control, n_control),
        ] {
            if total == 0 {
                return Err(Error::InvalidData {
                    reason: format!("the {arm} arm has no patients (total 0)"),
                });
            }
            if events > total {
                return Err(Error::InvalidData {
                    reason: format!(
                        "the {arm} arm has {events} events among {total} patients; events must not exceed the total"
                    ),
                });
            }
        }
        Ok(TwoByTwo {
            events_treatment,
            n_treatment,
            events_control,
            n_control,
        })
    }

    /// A table from its four cells: events and non-events in the treatment arm, then in the
    /// control arm.
    ///
    /// # Errors
    ///
    /// As [`TwoByTwo::new`]; [`Error::InvalidParameter`] when an arm's total overflows.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::effect::TwoByTwo;
    /// let t = TwoByTwo::from_cells(56, 14, 48, 32)?;
    /// assert_eq!(t, TwoByTwo::new(56, 70, 48, 80)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_cells(
        events_treatment: u64,
        non_events_treatment: u64,
        events_control: u64,
        non_events_control: u64,
    ) -> Result<TwoByTwo> {
        let total = |e: u64, ne: u64, name| {
            e.checked_add(ne).ok_or(Error::InvalidParameter {
                name,
                value: e as f64 + ne as f64,
                expected: "a count of at most 2^53",
            })
        };
        TwoByTwo::new(
            events_treatment,
            total(events_treatment, non_events_treatment, "n_treatment")?,
            events_control,
            total(events_control, non_events_control, "n_control")?,
        )
    }

    /// A table from the proportion of patients with the event in each arm and the arm sizes.
    ///
    /// # Method
    ///
    /// Events are `p n` rounded to the nearest integer; `p n` must lie within `1e-6` of that
    /// integer (a proportion reported to too few digits is an error, not silently rounded).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] for a proportion outside `[0, 1]` (or NaN);
    /// [`Error::InvalidData`] when `p n` is not a whole number of patients; as
    /// [`TwoByTwo::new`] otherwise.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::effect::TwoByTwo;
    /// let t = TwoByTwo::from_proportions(0.8, 70, 0.6, 80)?;
    /// assert_eq!(t.events_control(), 48);
    /// assert!(TwoByTwo::from_proportions(1.2, 70, 0.6, 80).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_proportions(
        proportion_treatment: f64,
        n_treatment: u64,
        proportion_control: f64,
        n_control: u64,
    ) -> Result<TwoByTwo> {
        let events = |p: f64, n: u64, name: &'static str| -> Result<u64> {
            if !(0.0..=1.0).contains(&p) {
                return Err(Error::InvalidParameter {
                    name,
                    value: p,
                    expected: "a proportion in [0, 1]",
                });
            }
            if n > MAX_COUNT {
                return Err(Error::InvalidParameter {
                    name: "arm size",
                    value: n as f64,
                    expected: "a count of at most 2^53",
                });
            }
            let x = p * n as f64;
            let rounded = x.round();
            if (x - rounded).abs() > PROPORTION_COUNT_TOLERANCE {
                return Err(Error::InvalidData {
                    reason: format!("{name} {p} of {n} patients is {x} events, not a whole number"),
                });
            }
            // rounded lies in [0, n] and n <= 2^53, so the conversion is exact
            Ok(rounded as u64)
        };
        TwoByTwo::new(
            events(proportion_treatment, n_treatment, "proportion_treatment")?,
            n_treatment,
            events(proportion_control, n_control, "proportion_control")?,
            n_control,
        )
    }

    /// Events in the treatment arm.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::effect::TwoByTwo;
    /// assert_eq!(TwoByTwo::new(5, 10, 2, 10)?.events_treatment(), 5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn events_treatment(&self) -> u64 {
        self.events_treatment
    }

    /// Patients in the treatment arm.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::effect::TwoByTwo;
    /// assert_eq!(TwoByTwo::new(5, 10, 2, 12)?.n_treatment(), 10);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn n_treatment(&self) -> u64 {
        self.n_treatment
    }

    /// Events in the control arm.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::effect::TwoByTwo;
    /// assert_eq!(TwoByTwo::new(5, 10, 2, 12)?.events_control(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn events_control(&self) -> u64 {
        self.events_control
    }

    /// Patients in the control arm.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::effect::TwoByTwo;
    /// assert_eq!(TwoByTwo::new(5, 10, 2, 12)?.n_control(), 12);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn n_control(&self) -> u64 {
        self.n_control
    }

    /// The event risk in the treatment arm, `events_treatment / n_treatment`.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::effect::TwoByTwo;
    /// assert_eq!(TwoByTwo::new(5, 10, 2, 10)?.risk_treatment(), 0.5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn risk_treatment(&self) -> f64 {
        self.events_treatment as f64 / self.n_treatment as f64
    }

    /// The event risk in the control arm, `events_control / n_control`.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::effect::TwoByTwo;
    /// assert_eq!(TwoByTwo::new(5, 10, 2, 10)?.risk_control(), 0.2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn risk_control(&self) -> f64 {
        self.events_control as f64 / self.n_control as f64
    }

    /// The four cells as `f64`: events and non-events in treatment, then in control.
    fn cells(&self) -> [f64; 4] {
        [
            self.events_treatment as f64,
            (self.n_treatment - self.events_treatment) as f64,
            self.events_control as f64,
            (self.n_control - self.events_control) as f64,
        ]
    }

    /// The cells used by the log-scale statistics: 0.5 added to each when any is zero.
    fn log_scale_cells(&self) -> ([f64; 4], ZeroCellCorrection) {
        let cells = self.cells();
        if cells.contains(&0.0) {
            (
                cells.map(|c| c + 0.5),
                ZeroCellCorrection::HalfAddedToEveryCell,
            )
        } else {
            (cells, ZeroCellCorrection::None)
        }
    }
}

/// Whether the event counted in a [`TwoByTwo`] is a good or a bad outcome for the patient.
///
/// Only the number needed to treat uses it: it decides whether more events under treatment is
/// a benefit or a harm.
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::EventKind;
/// assert_ne!(EventKind::Responder, EventKind::Adverse);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum EventKind {
    /// The event is a good outcome (a responder: e.g. at least 30 % pain relief). More events
    /// under treatment is a benefit.
    Responder,
    /// The event is a bad outcome (an adverse event, a relapse). Fewer events under treatment
    /// is a benefit.
    Adverse,
}

/// Whether a reported ratio is on its natural scale or on the log scale.
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::RatioScale;
/// assert_ne!(RatioScale::Natural, RatioScale::Log);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum RatioScale {
    /// The ratio itself (value, interval); no standard error is reported, because the
    /// standard error of these methods lives on the log scale.
    Natural,
    /// The natural logarithm of the ratio, with its standard error and interval on that scale
    /// (the form used for pooling).
    Log,
}

/// Whether 0.5 was added to every cell of the table before a log-scale statistic.
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::ZeroCellCorrection;
/// assert_ne!(ZeroCellCorrection::None, ZeroCellCorrection::HalfAddedToEveryCell);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ZeroCellCorrection {
    /// No cell was zero; the counts were used as they are.
    None,
    /// At least one cell was zero, so 0.5 was added to all four cells (the estimate, its
    /// standard error and its interval all use the corrected counts).
    HalfAddedToEveryCell,
}

/// Which interval to give a risk ratio.
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::RiskRatioInterval;
/// assert_eq!(RiskRatioInterval::default(), RiskRatioInterval::KatzLog);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum RiskRatioInterval {
    /// Katz et al. (1978): `exp(log RR +- z SE)`, `SE^2 = 1/a - 1/n_t + 1/c - 1/n_c`, with the
    /// zero-cell rule of the [module docs](self). The default.
    #[default]
    KatzLog,
    /// Koopman (1984): the ratios `phi` whose Pearson chi-square statistic, with the maximum
    /// likelihood risks restricted to `p_t = phi p_c`, is at most the chi-square(1) quantile.
    /// No correction is added; a zero event count gives a bound of 0 or infinity.
    KoopmanScore,
}

/// How a binary estimate was computed.
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::{BinaryMethod, IntervalKind};
/// assert_eq!(BinaryMethod::RiskDifferenceNewcombe.interval_kind(), IntervalKind::Approximate);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum BinaryMethod {
    /// Risk difference `p_t - p_c` with Newcombe's (1998) hybrid score interval (method 10,
    /// no continuity correction); the SE is the unpooled Wald SE
    /// `sqrt(p_t (1 - p_t) / n_t + p_c (1 - p_c) / n_c)`. No correction to the counts.
    RiskDifferenceNewcombe,
    /// Risk ratio `p_t / p_c` with the Katz et al. (1978) log interval.
    RiskRatioKatz {
        /// Natural or log scale.
        scale: RatioScale,
        /// Whether 0.5 was added to every cell.
        zero_cell: ZeroCellCorrection,
    },
    /// Risk ratio `p_t / p_c` (uncorrected counts) with Koopman's (1984) score interval.
    RiskRatioKoopman,
    /// Odds ratio `a d / (b c)` with the Woolf (1955) log interval.
    OddsRatioWoolf {
        /// Natural or log scale.
        scale: RatioScale,
        /// Whether 0.5 was added to every cell.
        zero_cell: ZeroCellCorrection,
    },
}

impl BinaryMethod {
    /// Whether the interval is exact, approximate, or absent: all of these are approximate
    /// (large-sample score or log-normal intervals).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::effect::{BinaryMethod, IntervalKind};
    /// assert_eq!(BinaryMethod::RiskRatioKoopman.interval_kind(), IntervalKind::Approximate);
    /// ```
    pub fn interval_kind(&self) -> IntervalKind {
        match self {
            BinaryMethod::RiskDifferenceNewcombe
            | BinaryMethod::RiskRatioKatz { .. }
            | BinaryMethod::RiskRatioKoopman
            | BinaryMethod::OddsRatioWoolf { .. } => IntervalKind::Approximate,
        }
    }
}

/// The two-sided normal quantile `z_{(1 + level) / 2}`.
fn normal_quantile(level: f64) -> Result<f64> {
    check_level(level)?;
    // lower-tail quantile of (1 - level) / 2, negated: accurate for levels close to 1
    Ok(-Normal::standard().inverse_cdf(0.5 * (1.0 - level)))
}

/// Wilson's (1927) score interval for one proportion, exact at the ends 0 and 1.
fn wilson(events: f64, n: f64, z: f64) -> (f64, f64) {
    let p = events / n;
    let z2 = z * z;
    let centre = (2.0 * events + z2) / (2.0 * (n + z2));
    let half = z * (z2 + 4.0 * events * (1.0 - p)).sqrt() / (2.0 * (n + z2));
    let lower = if events == 0.0 {
        0.0
    } else {
        (centre - half).max(0.0)
    };
    let upper = if events == n {
        1.0
    } else {
        (centre + half).min(1.0)
    };
    (lower, upper)
}

/// Risk difference `p_t - p_c` with Newcombe's (1998) hybrid score interval.
///
/// Plain arithmetic, treatment minus control: positive when the treatment arm has more events,
/// whether events are good or bad (see the [module docs](self)).
///
/// # Method
///
/// With Wilson intervals `[l_t, u_t]` and `[l_c, u_c]` for each arm's risk at the same level,
/// and `d = p_t - p_c`:
/// `lower = d - sqrt((p_t - l_t)^2 + (u_c - p_c)^2)`,
/// `upper = d + sqrt((u_t - p_t)^2 + (p_c - l_c)^2)` (Newcombe's method 10, no continuity
/// correction). The SE reported is the unpooled Wald SE
/// `sqrt(p_t (1 - p_t) / n_t + p_c (1 - p_c) / n_c)` (zero when both risks are 0 or 1); the
/// interval does not use it. No correction is ever added to the counts.
///
/// # References
///
/// Newcombe RG (1998). Interval estimation for the difference between independent
/// proportions: comparison of eleven methods. *Statistics in Medicine* 17:873-890.
/// Wilson EB (1927). Probable inference, the law of succession, and statistical inference.
/// *JASA* 22:209-212.
///
/// # Errors
///
/// [`Error::InvalidParameter`] when `level` is not in (0, 1).
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::{risk_difference, TwoByTwo};
/// // Newcombe (1998), example (a): 56/70 vs 48/80
/// let rd = risk_difference(&TwoByTwo::new(56, 70, 48, 80)?, 0.95)?;
/// let ci = rd.ci.ok_or("no interval")?;
/// assert!((rd.value - 0.2).abs() < 1e-15);
/// assert!((ci.lower - 0.0524).abs() < 5e-5 && (ci.upper - 0.3339).abs() < 5e-5);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn risk_difference(table: &TwoByTwo, level: f64) -> Result<Estimate> {
    let z = normal_quantile(level)?;
    let (xt, nt) = (table.events_treatment as f64, table.n_treatment as f64);
    let (xc, nc) = (table.events_control as f64, table.n_control as f64);
    let (pt, pc) = (xt / nt, xc / nc);
    let d = pt - pc;
    let (lt, ut) = wilson(xt, nt, z);
    let (lc, uc) = wilson(xc, nc, z);
    let lower = (d - (pt - lt).hypot(uc - pc)).max(-1.0);
    let upper = (d + (ut - pt).hypot(pc - lc)).min(1.0);
    let se = (pt * (1.0 - pt) / nt + pc * (1.0 - pc) / nc).sqrt();
    Ok(Estimate::new(
        d,
        Some(se),
        Some(Interval::new(lower.min(d), upper.max(d), level)?),
        Method::Binary(BinaryMethod::RiskDifferenceNewcombe),
    ))
}

/// Log-scale estimate, SE and correction of the risk ratio (Katz).
fn katz_log(table: &TwoByTwo) -> (f64, f64, ZeroCellCorrection) {
    let ([a, b, c, d], corr) = table.log_scale_cells();
    let (nt, nc) = (a + b, c + d);
    let log_rr = (a / nt).ln() - (c / nc).ln();
    let se = (1.0 / a - 1.0 / nt + 1.0 / c - 1.0 / nc).max(0.0).sqrt();
    (log_rr, se, corr)
}

/// Log-scale estimate, SE and correction of the odds ratio (Woolf).
fn woolf_log(table: &TwoByTwo) -> (f64, f64, ZeroCellCorrection) {
    let ([a, b, c, d], corr) = table.log_scale_cells();
    let log_or = a.ln() + d.ln() - b.ln() - c.ln();
    let se = (1.0 / a + 1.0 / b + 1.0 / c + 1.0 / d).sqrt();
    (log_or, se, corr)
}

/// Builds a log-normal estimate on the requested scale.
fn log_normal_estimate(
    log_value: f64,
    se: f64,
    z: f64,
    level: f64,
    scale: RatioScale,
    method: BinaryMethod,
) -> Result<Estimate> {
    let (lo, hi) = (log_value - z * se, log_value + z * se);
    match scale {
        RatioScale::Log => Ok(Estimate::new(
            log_value,
            Some(se),
            Some(Interval::new(lo, hi, level)?),
            Method::Binary(method),
        )),
        RatioScale::Natural => Ok(Estimate::new(
            log_value.exp(),
            None,
            Some(Interval::new(lo.exp(), hi.exp(), level)?),
            Method::Binary(method),
        )),
    }
}

/// Risk ratio `p_t / p_c` with the Katz et al. (1978) log interval.
///
/// Plain arithmetic, treatment over control (see the [module docs](self) for signs). The
/// standard error of this method lives on the log scale, so `se` is `None` here: use
/// [`log_risk_ratio`] for the log ratio with its SE (e.g. to pool it).
///
/// # Method
///
/// `RR = (a / n_t) / (c / n_c)` with `a`, `c` the events, and the interval
/// `exp(log RR +- z SE)`, `SE^2 = 1/a - 1/n_t + 1/c - 1/n_c`. Zero-cell rule: when any of the
/// four cells is zero, 0.5 is added to every cell (so each arm total grows by 1) and the
/// estimate and interval use the corrected counts; `method` says whether this happened.
///
/// # References
///
/// Katz D, Baptista J, Azen SP, Pike MC (1978). Obtaining confidence intervals for the risk
/// ratio in cohort studies. *Biometrics* 34:469-474.
///
/// # Errors
///
/// [`Error::InvalidParameter`] when `level` is not in (0, 1).
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::{risk_ratio, TwoByTwo};
/// let rr = risk_ratio(&TwoByTwo::new(56, 70, 48, 80)?, 0.95)?;
/// assert!((rr.value - 4.0 / 3.0).abs() < 1e-12);
/// assert!(rr.ci.ok_or("no interval")?.contains(rr.value));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn risk_ratio(table: &TwoByTwo, level: f64) -> Result<Estimate> {
    risk_ratio_with(table, level, RiskRatioInterval::KatzLog)
}

/// Risk ratio `p_t / p_c` with a chosen interval: Katz's log interval or Koopman's score
/// interval.
///
/// # Method
///
/// [`RiskRatioInterval::KatzLog`]: as [`risk_ratio`].
/// [`RiskRatioInterval::KoopmanScore`]: the point estimate is the uncorrected `p_t / p_c`
/// (0 when the treatment arm has no events, infinite when the control arm has none). For a
/// candidate ratio `phi`, the restricted maximum likelihood risks are
/// `p~_t = (B - sqrt(B^2 - 4 N phi (a + c))) / (2 N)` with `B = phi (n_t + c) + a + n_c`,
/// `N = n_t + n_c`, and `p~_c = p~_t / phi`; the statistic is Pearson's chi-square of the four
/// cells against these expected counts (a cell expected and observed empty adds 0). The
/// interval is the set of `phi` where the statistic is at most `z^2`, the chi-square(1)
/// quantile; its ends are found with [`find_root_expanding`]
/// on `log phi`, to full double precision. A zero event count in the treatment arm gives the
/// lower end 0; in the control arm, the upper end infinity.
///
/// # References
///
/// Koopman PAR (1984). Confidence intervals for the ratio of two binomial proportions.
/// *Biometrics* 40:513-517. Katz D, Baptista J, Azen SP, Pike MC (1978). *Biometrics*
/// 34:469-474.
///
/// # Errors
///
/// [`Error::InvalidParameter`] when `level` is not in (0, 1); for the score interval,
/// [`Error::InvalidData`] when neither arm has an event (the ratio is undefined), and
/// [`Error::NoConvergence`] if an end cannot be solved (this happens only at the limit of
/// double precision, e.g. arms of 2^53 patients whose risks differ from 1 by one patient).
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::{risk_ratio_with, RiskRatioInterval, TwoByTwo};
/// // Koopman (1984): 36/40 vs 16/80, 95 % interval 2.94 to 7.15
/// let rr = risk_ratio_with(&TwoByTwo::new(36, 40, 16, 80)?, 0.95, RiskRatioInterval::KoopmanScore)?;
/// let ci = rr.ci.ok_or("no interval")?;
/// assert!((rr.value - 4.5).abs() < 1e-12);
/// assert!((ci.lower - 2.94).abs() < 5e-3 && (ci.upper - 7.15).abs() < 5e-3);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn risk_ratio_with(
    table: &TwoByTwo,
    level: f64,
    interval: RiskRatioInterval,
) -> Result<Estimate> {
    let z = normal_quantile(level)?;
    match interval {
        RiskRatioInterval::KatzLog => {
            let (log_rr, se, zero_cell) = katz_log(table);
            log_normal_estimate(
                log_rr,
                se,
                z,
                level,
                RatioScale::Natural,
                BinaryMethod::RiskRatioKatz {
                    scale: RatioScale::Natural,
                    zero_cell,
                },
            )
        }
        RiskRatioInterval::KoopmanScore => koopman(table, z, level),
    }
}

/// `(O - E)^2 / E`, with an empty cell expected empty adding 0.
fn pearson_term(observed: f64, expected: f64) -> f64 {
    if expected > 0.0 {
        let d = observed - expected;
        d * d / expected
    } else if observed == 0.0 {
        0.0
    } else {
        f64::INFINITY
    }
}

/// Koopman's score statistic at `phi`.
fn koopman_statistic(phi: f64, a: f64, nt: f64, c: f64, nc: f64) -> f64 {
    let n = nt + nc;
    let b = phi * (nt + c) + a + nc;
    let prod = 4.0 * n * phi * (a + c);
    let disc = (b * b - prod).max(0.0);
    // smaller root of N p^2 - B p + phi (a + c) = 0, in the form free of cancellation
    let denom = b + disc.sqrt();
    let pt = if denom > 0.0 {
        (2.0 * phi * (a + c) / denom).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let pc = (pt / phi).clamp(0.0, 1.0);
    pearson_term(a, nt * pt)
        + pearson_term(nt - a, nt * (1.0 - pt))
        + pearson_term(c, nc * pc)
        + pearson_term(nc - c, nc * (1.0 - pc))
}

/// Koopman's score interval for the risk ratio.
fn koopman(table: &TwoByTwo, z: f64, level: f64) -> Result<Estimate> {
    let (a, nt) = (table.events_treatment as f64, table.n_treatment as f64);
    let (c, nc) = (table.events_control as f64, table.n_control as f64);
    if a == 0.0 && c == 0.0 {
        return Err(Error::InvalidData {
            reason: "neither arm has an event, so the risk ratio is undefined".to_string(),
        });
    }
    let crit = z * z;
    let g = |t: f64| koopman_statistic(t.exp(), a, nt, c, nc) - crit;
    let options = RootOptions::default();
    // log phi is searched within [-LIMIT, LIMIT]: with counts up to 2^53 the ratio lies within
    // e^(+-37) and its interval ends far inside these limits. A zero count starts the search
    // at +-EDGE, where the statistic is below any critical value.
    const LIMIT: f64 = 150.0;
    const EDGE: f64 = 120.0;
    let no_convergence = |_| Error::NoConvergence {
        what: "Koopman score interval for the risk ratio",
        iterations: options.max_iterations,
    };
    let value = (a / nt) / (c / nc);
    let lower = if a == 0.0 {
        0.0
    } else {
        let t_hi = if c == 0.0 { EDGE } else { value.ln() };
        find_root_expanding(g, t_hi - 1.0, t_hi, -LIMIT, t_hi, options)
            .map_err(no_convergence)?
            .exp()
    };
    let upper = if c == 0.0 {
        f64::INFINITY
    } else {
        let t_lo = if a == 0.0 { -EDGE } else { value.ln() };
        find_root_expanding(g, t_lo, t_lo + 1.0, t_lo, LIMIT, options)
            .map_err(no_convergence)?
            .exp()
    };
    Ok(Estimate::new(
        value,
        None,
        Some(Interval::new(lower.min(value), upper.max(value), level)?),
        Method::Binary(BinaryMethod::RiskRatioKoopman),
    ))
}

/// Natural logarithm of the risk ratio with its standard error and Katz log interval.
///
/// The form to pool across cases or trials (see [`pool`](crate::effect::pooling::pool)).
///
/// # Method
///
/// `log RR = log(a / n_t) - log(c / n_c)`, `SE^2 = 1/a - 1/n_t + 1/c - 1/n_c`, interval
/// `log RR +- z SE`; when any cell is zero, 0.5 is added to every cell first (see the
/// [module docs](self)), and `method` says so.
///
/// # References
///
/// Katz D, Baptista J, Azen SP, Pike MC (1978). *Biometrics* 34:469-474.
///
/// # Errors
///
/// [`Error::InvalidParameter`] when `level` is not in (0, 1).
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::{log_risk_ratio, TwoByTwo};
/// let lrr = log_risk_ratio(&TwoByTwo::new(56, 70, 48, 80)?, 0.95)?;
/// assert!((lrr.value - (4.0f64 / 3.0).ln()).abs() < 1e-12);
/// assert!(lrr.se.ok_or("no SE")? > 0.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn log_risk_ratio(table: &TwoByTwo, level: f64) -> Result<Estimate> {
    let z = normal_quantile(level)?;
    let (log_rr, se, zero_cell) = katz_log(table);
    log_normal_estimate(
        log_rr,
        se,
        z,
        level,
        RatioScale::Log,
        BinaryMethod::RiskRatioKatz {
            scale: RatioScale::Log,
            zero_cell,
        },
    )
}

/// Odds ratio `odds_t / odds_c` with the Woolf (1955) log interval.
///
/// Plain arithmetic, treatment over control (see the [module docs](self) for signs). The SE
/// lives on the log scale, so `se` is `None` here: use [`log_odds_ratio`] for it.
///
/// # Method
///
/// With cells `a`, `b` (events, non-events under treatment) and `c`, `d` (under control),
/// `OR = a d / (b c)`, interval `exp(log OR +- z SE)`, `SE^2 = 1/a + 1/b + 1/c + 1/d`. When any
/// cell is zero, 0.5 is added to every cell first and `method` says so.
///
/// # References
///
/// Woolf B (1955). On estimating the relation between blood group and disease. *Annals of
/// Human Genetics* 19:251-253. Haldane JBS (1956). *Annals of Human Genetics* 20:309-311.
///
/// # Errors
///
/// [`Error::InvalidParameter`] when `level` is not in (0, 1).
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::{odds_ratio, TwoByTwo};
/// let or = odds_ratio(&TwoByTwo::new(56, 70, 48, 80)?, 0.95)?;
/// assert!((or.value - (56.0 * 32.0) / (14.0 * 48.0)).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn odds_ratio(table: &TwoByTwo, level: f64) -> Result<Estimate> {
    let z = normal_quantile(level)?;
    let (log_or, se, zero_cell) = woolf_log(table);
    log_normal_estimate(
        log_or,
        se,
        z,
        level,
        RatioScale::Natural,
        BinaryMethod::OddsRatioWoolf {
            scale: RatioScale::Natural,
            zero_cell,
        },
    )
}

/// Natural logarithm of the odds ratio with its standard error and Woolf interval.
///
/// # Method
///
/// `log OR = log a + log d - log b - log c`, `SE^2 = 1/a + 1/b + 1/c + 1/d`, interval
/// `log OR +- z SE`; 0.5 added to every cell first when any is zero (`method` says so).
///
/// # References
///
/// Woolf B (1955). *Annals of Human Genetics* 19:251-253.
///
/// # Errors
///
/// [`Error::InvalidParameter`] when `level` is not in (0, 1).
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::{log_odds_ratio, BinaryMethod, Method, TwoByTwo, ZeroCellCorrection};
/// let lor = log_odds_ratio(&TwoByTwo::new(5, 56, 0, 29)?, 0.95)?;
/// assert!(matches!(
///     lor.method,
///     Method::Binary(BinaryMethod::OddsRatioWoolf { zero_cell: ZeroCellCorrection::HalfAddedToEveryCell, .. })
/// ));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn log_odds_ratio(table: &TwoByTwo, level: f64) -> Result<Estimate> {
    let z = normal_quantile(level)?;
    let (log_or, se, zero_cell) = woolf_log(table);
    log_normal_estimate(
        log_or,
        se,
        z,
        level,
        RatioScale::Log,
        BinaryMethod::OddsRatioWoolf {
            scale: RatioScale::Log,
            zero_cell,
        },
    )
}

/// Whether the number needed to treat points to benefit or harm.
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::NntDirection;
/// assert_ne!(NntDirection::Benefit, NntDirection::Harm);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum NntDirection {
    /// Treatment helps: the number needed to treat for one more patient to benefit (NNTB).
    Benefit,
    /// Treatment harms: the number needed to treat for one more patient to be harmed (NNTH).
    Harm,
    /// The arms do not differ (risk difference 0): the number needed is infinite.
    NoDifference,
}

/// The confidence interval of a number needed to treat (Altman 1998).
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::{EventKind, NntInterval, NumberNeededToTreat, Interval};
/// let nnt = NumberNeededToTreat::from_risk_difference(0.10, Interval::new(-0.05, 0.25, 0.95)?, EventKind::Responder)?;
/// assert!(matches!(nnt.ci, NntInterval::ThroughInfinity { .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum NntInterval {
    /// The risk difference's interval lies on the benefit side: NNTB from `lower` to `upper`
    /// (`upper` infinite when that interval touches zero).
    Benefit(Interval),
    /// The risk difference's interval lies on the harm side: NNTH from `lower` to `upper`
    /// (`upper` infinite when that interval touches zero).
    Harm(Interval),
    /// The risk difference's interval spans zero, so the NNT's interval runs through infinity
    /// and is two pieces: NNTB from `benefit.lower` to infinity, and NNTH from `harm.lower` to
    /// infinity (Altman's "NNTH `h` to infinity to NNTB `b`").
    ThroughInfinity {
        /// The benefit piece, `[1 / upper benefit-side risk reduction, inf]`.
        benefit: Interval,
        /// The harm piece, `[1 / largest risk increase, inf]`.
        harm: Interval,
    },
}

/// The number needed to treat, with Altman's (1998) interval.
///
/// # Method
///
/// The risk reduction is `ARR = p_t - p_c` when the event is a [`EventKind::Responder`] and
/// `p_c - p_t` when it is [`EventKind::Adverse`]; positive means treatment helps. The NNT is
/// `1 / |ARR|` (infinite when `ARR = 0`), labelled benefit (NNTB) or harm (NNTH) by the sign.
/// Its interval inverts and exchanges the ends `[L, U]` of the risk reduction's interval:
/// NNTB `[1/U, 1/L]` when `L >= 0`, NNTH `[1/|U|, 1/|L|]` when `U <= 0`, and otherwise the two
/// pieces NNTB `[1/U, inf]` and NNTH `[1/|L|, inf]`, which meet at infinity.
///
/// # References
///
/// Altman DG (1998). Confidence intervals for the number needed to treat. *BMJ* 317:1309-1312.
///
/// # Errors
///
/// See [`number_needed_to_treat`] and [`NumberNeededToTreat::from_risk_difference`].
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::{number_needed_to_treat, EventKind, NntDirection, TwoByTwo};
/// let nnt = number_needed_to_treat(&TwoByTwo::new(56, 70, 48, 80)?, EventKind::Responder, 0.95)?;
/// assert_eq!(nnt.direction, NntDirection::Benefit);
/// assert!((nnt.value - 5.0).abs() < 1e-12);
/// assert_eq!(nnt.to_string(), "NNTB 5.0 (95% CI NNTB 3.0 to 19.1)");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct NumberNeededToTreat {
    /// `1 / |risk reduction|`, infinite when the risks are equal.
    pub value: f64,
    /// Whether `value` is an NNTB or an NNTH.
    pub direction: NntDirection,
    /// The interval, in one or two pieces.
    pub ci: NntInterval,
    /// The risk difference `p_t - p_c` it was computed from.
    pub risk_difference: f64,
    /// The risk difference's interval.
    pub risk_difference_ci: Interval,
    /// Whether the event is good or bad.
    pub event: EventKind,
}

impl NumberNeededToTreat {
    /// The number needed to treat from a risk difference `p_t - p_c` and its interval.
    ///
    /// # Method
    ///
    /// As [`NumberNeededToTreat`].
    ///
    /// # References
    ///
    /// Altman DG (1998). *BMJ* 317:1309-1312.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] when the risk difference or an end of its interval lies
    /// outside `[-1, 1]` (or is NaN).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::effect::{EventKind, NntInterval, NumberNeededToTreat, Interval};
    /// // risk reduction 16.6 %, 95 % CI 0.9 % to 32.2 %: NNTB 6.0 (3.1 to 111.1)
    /// let nnt = NumberNeededToTreat::from_risk_difference(0.166, Interval::new(0.009, 0.322, 0.95)?, EventKind::Responder)?;
    /// let NntInterval::Benefit(ci) = nnt.ci else {
    ///     return Err("the interval should lie on the benefit side".into());
    /// };
    /// assert!((ci.lower - 3.1).abs() < 0.05 && (ci.upper - 111.1).abs() < 0.05);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_risk_difference(
        risk_difference: f64,
        ci: Interval,
        event: EventKind,
    ) -> Result<NumberNeededToTreat> {
        for (name, v) in [
            ("risk difference", risk_difference),
            ("risk difference lower end", ci.lower),
            ("risk difference upper end", ci.upper),
        ] {
            if !(-1.0..=1.0).contains(&v) {
                return Err(Error::InvalidParameter {
                    name,
                    value: v,
                    expected: "a difference of risks in [-1, 1]",
                });
            }
        }
        check_level(ci.level)?;
        if !(ci.lower <= ci.upper) {
            return Err(Error::InvalidParameter {
                name: "risk difference interval",
                value: ci.lower,
                expected: "lower <= upper",
            });
        }
        let (arr, lo, hi) = match event {
            EventKind::Responder => (risk_difference, ci.lower, ci.upper),
            EventKind::Adverse => (-risk_difference, -ci.upper, -ci.lower),
        };
        let level = ci.level;
        let direction = if arr > 0.0 {
            NntDirection::Benefit
        } else if arr < 0.0 {
            NntDirection::Harm
        } else {
            NntDirection::NoDifference
        };
        let inv = |x: f64| 1.0 / x.abs();
        let nnt_ci = if lo >= 0.0 && hi > 0.0 {
            NntInterval::Benefit(Interval::new(inv(hi), inv(lo), level)?)
        } else if hi <= 0.0 && lo < 0.0 {
            NntInterval::Harm(Interval::new(inv(lo), inv(hi), level)?)
        } else {
            NntInterval::ThroughInfinity {
                benefit: Interval::new(inv(hi), f64::INFINITY, level)?,
                harm: Interval::new(inv(lo), f64::INFINITY, level)?,
            }
        };
        Ok(NumberNeededToTreat {
            value: inv(arr),
            direction,
            ci: nnt_ci,
            risk_difference,
            risk_difference_ci: ci,
            event,
        })
    }
}

/// Altman's (1998) presentation, one decimal: `NNTB 10.0 (95% CI NNTH 20.0 to ∞ to NNTB 4.0)`.
impl std::fmt::Display for NumberNeededToTreat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        fn num(x: f64) -> String {
            if x.is_infinite() {
                "∞".to_string()
            } else {
                format!("{x:.1}")
            }
        }
        let label = match self.direction {
            NntDirection::Benefit => "NNTB",
            NntDirection::Harm => "NNTH",
            NntDirection::NoDifference => "NNT",
        };
        let (level, range) = match &self.ci {
            NntInterval::Benefit(i) => (
                i.level,
                format!("NNTB {} to {}", num(i.lower), num(i.upper)),
            ),
            NntInterval::Harm(i) => (
                i.level,
                format!("NNTH {} to {}", num(i.lower), num(i.upper)),
            ),
            NntInterval::ThroughInfinity { benefit, harm } => (
                benefit.level,
                format!(
                    "NNTH {} to ∞ to NNTB {}",
                    num(harm.lower),
                    num(benefit.lower)
                ),
            ),
        };
        let percent = (level * 1000.0).round() / 10.0;
        write!(f, "{label} {} ({percent}% CI {range})", num(self.value))
    }
}

/// The number needed to treat from a 2x2 table, with the Newcombe interval of the risk
/// difference inverted as Altman (1998) describes.
///
/// # Method
///
/// [`risk_difference`] gives `p_t - p_c` and its Newcombe hybrid score interval;
/// [`NumberNeededToTreat::from_risk_difference`] turns them into the NNT, reading `event` to
/// decide which side is benefit. When that interval spans zero, the NNT's interval runs through
/// infinity and is reported as two pieces ([`NntInterval::ThroughInfinity`]).
///
/// # References
///
/// Altman DG (1998). Confidence intervals for the number needed to treat. *BMJ* 317:1309-1312.
/// Newcombe RG (1998). *Statistics in Medicine* 17:873-890.
///
/// # Errors
///
/// [`Error::InvalidParameter`] when `level` is not in (0, 1).
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::{number_needed_to_treat, EventKind, NntDirection, NntInterval, TwoByTwo};
/// // 12/40 relapses on treatment vs 20/41 on control: relapse is the adverse event
/// let nnt = number_needed_to_treat(&TwoByTwo::new(12, 40, 20, 41)?, EventKind::Adverse, 0.95)?;
/// assert_eq!(nnt.direction, NntDirection::Benefit);
/// assert!(matches!(nnt.ci, NntInterval::ThroughInfinity { .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn number_needed_to_treat(
    table: &TwoByTwo,
    event: EventKind,
    level: f64,
) -> Result<NumberNeededToTreat> {
    let rd = risk_difference(table, level)?;
    let ci = rd.ci.ok_or(Error::InvalidData {
        reason: "the risk difference has no interval".to_string(),
    })?;
    NumberNeededToTreat::from_risk_difference(rd.value, ci, event)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wilson_ends_are_exact_at_zero_and_n() {
        let (l, u) = wilson(0.0, 10.0, 1.96);
        assert_eq!(l, 0.0);
        assert!(u > 0.0 && u < 1.0);
        let (l, u) = wilson(10.0, 10.0, 1.96);
        assert_eq!(u, 1.0);
        assert!(l > 0.0 && l < 1.0);
    }

    #[test]
    fn koopman_statistic_is_zero_at_the_estimate() {
        let s = koopman_statistic(4.5, 36.0, 40.0, 16.0, 80.0);
        assert!(s.abs() < 1e-20, "{s}");
    }
}
