//! Single-case indices: phase A (baseline) against phase B (treatment) of a
//! [`Series`](crate::Series).
//!
//! Every function takes a [`Series`](crate::Series) and an options struct (with [`Default`]) and returns an
//! [`Estimate`](super::Estimate). By default the phases compared are those labelled `"A"` and
//! `"B"` (all observations with each label, pooled over repeats); [`PhaseLabels`] chooses others.
//!
//! | family | functions | SE / interval |
//! |---|---|---|
//! | non-overlap | [`nap`], [`tau`], [`pnd`], [`pem`], [`pand`], [`ird`] | NAP and Tau: SE (unbiased, Hanley or null) and Newcombe (2006) method 5 score interval; PND, PEM, PAND, IRD: none |
//! | Kendall-type with trend | [`tau_u`], [`tau_bc`] | Tau-U: none by default, scan's approximate SE from Kendall's S as an option; Tau-BC: as Tau, or tau-b with its normal SE |
//! | parametric | [`smd`], [`lrr_decreasing`], [`lrr_increasing`], [`percent_change`], [`log_odds_ratio_proportions`], [`log_ratio_of_medians`], [`pogo`] | delta-method SE and Wald interval (percent change: transformed LRR interval) |
//!
//! # Signs
//!
//! Every index here is direction-aware: the improvement direction is the series'
//! [`Scale`](crate::Scale) direction, and an improvement is positive (NAP and PEM above one half,
//! PND and PAND counting improving points). The one exception, by definition, is the pair of log
//! response ratios: [`lrr_increasing`] is positive for an improvement and [`lrr_decreasing`]
//! is its negative, negative for an improvement, exactly as Pustejovsky (2018) defines them for
//! behaviours one wants to increase or decrease and as SingleCaseES 0.7.4 reports them.
//!
//! # Choices where the literature or the peers differ
//!
//! - NAP and Tau intervals are Newcombe's (2006) method 5, solved to full precision. At NAP = 0
//!   or 1 the quartic has a trivial root at the estimate; the crate factors it out and returns the
//!   proper interval (for 5 against 5 points and NAP = 1 the lower end is 0.6427), where
//!   SingleCaseES returns the degenerate [1, 1].
//! - Tau-U is Parker et al.'s (2011) (S_AB - S_A) / (m n), which can exceed 1 when the baseline
//!   trend runs against the improvement; it is reported unclipped. The bounded variant divides
//!   by m n + m (m - 1) / 2 (the number of pairs counted) and stays in [-1, 1].
//! - Tau-BC compares detrended residuals with a tolerance (relative 1e-9 of the data's
//!   magnitude by default), so residuals that are equal in exact arithmetic count as ties
//!   although floating point leaves them 1e-15 apart.
//! - The SMD with a zero baseline (or pooled) SD is an error, not infinity.
//! - PoGO's delta-method SE counts the baseline mean in both numerator and denominator.
//!
//! # Complexity
//!
//! NAP, Tau, Tau-U, PND, PEM, PAND and IRD sort and binary-search or use a Fenwick tree:
//! O((m + n) log(m + n)) time, never all m n pairs. Tau-BC's Theil-Sen slope takes the median
//! of all m (m - 1) / 2 baseline slopes: O(m²) in the baseline length, which is limited to
//! 2,500 points.

mod common;
mod overlap;
mod parametric;
mod trend;

pub use common::PhaseLabels;
pub use overlap::{NapOptions, NapStandardError, OverlapOptions, ird, nap, pand, pem, pnd, tau};
pub use parametric::{
    LorOptions, LrmOptions, LrmStandardError, LrrBias, LrrDirection, LrrOptions, MeasurementType,
    PogoOptions, SmdBiasCorrection, SmdOptions, SmdStandardizer, log_odds_ratio_proportions,
    log_ratio_of_medians, lrr_decreasing, lrr_increasing, percent_change, pogo, smd,
};
pub use trend::{
    TauBcCorrection, TauBcOptions, TauBcPretest, TauBcStatistic, TauUDenominator, TauUOptions,
    TauUStandardError, TauUTrend, tau_bc, tau_u,
};

use super::IntervalKind;

/// How a single-case estimate was computed.
///
/// Each variant names the index and carries the options that shaped it, so a reader of a
/// result knows which standard error, correction and interval it holds.
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::{IntervalKind, NapStandardError, SingleCaseMethod};
/// let m = SingleCaseMethod::Nap { standard_error: NapStandardError::Unbiased };
/// assert_eq!(m.interval_kind(), IntervalKind::Approximate);
/// assert_eq!(SingleCaseMethod::Pnd.interval_kind(), IntervalKind::None);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum SingleCaseMethod {
    /// Non-overlap of all pairs (Parker & Vannest 2009), Newcombe (2006) method 5 interval.
    Nap {
        /// Which standard error.
        standard_error: NapStandardError,
    },
    /// Non-overlap Tau = 2 NAP - 1, SE and interval mapped from NAP's.
    Tau {
        /// Which standard error (of the underlying NAP).
        standard_error: NapStandardError,
    },
    /// Percentage of non-overlapping data (Scruggs et al. 1987); no SE exists.
    Pnd,
    /// Percentage exceeding the baseline median, ties counting one half; no SE exists.
    Pem,
    /// Percentage of all non-overlapping data (Parker et al. 2007); no SE exists.
    Pand,
    /// Robust improvement rate difference (Parker et al. 2009), from PAND; no SE exists.
    Ird,
    /// Tau-U (Parker et al. 2011).
    TauU {
        /// Whether the baseline trend was subtracted.
        trend: TauUTrend,
        /// Which denominator.
        denominator: TauUDenominator,
        /// Which standard error, if any (the one offered is approximate).
        standard_error: TauUStandardError,
    },
    /// Baseline-corrected Tau (Tarlow 2017) after Theil-Sen detrending of both phases.
    TauBc {
        /// NAP-type Tau or Kendall's tau-b.
        statistic: TauBcStatistic,
        /// Whether the correction was applied (the pretest may skip it).
        correction: TauBcCorrection,
        /// The Theil-Sen baseline slope (per time unit).
        slope: f64,
        /// The Theil-Sen intercept (value at time 0; times are the series' times, or the
        /// 1-based observation numbers).
        intercept: f64,
    },
    /// Within-case standardised mean difference (Busk & Serlin 1992), Wald interval.
    Smd {
        /// Baseline or pooled SD.
        standardizer: SmdStandardizer,
        /// Small-sample correction applied.
        correction: SmdBiasCorrection,
    },
    /// Log response ratio (Pustejovsky 2018), Wald interval.
    LogResponseRatio {
        /// Decreasing (negative = improvement) or increasing (positive = improvement).
        direction: LrrDirection,
        /// The measurement type, which fixes the truncation constant.
        measurement: MeasurementType,
        /// The truncation constant D used (infinite: no truncation).
        truncation: f64,
        /// Whether the small-sample bias correction was applied.
        bias: LrrBias,
    },
    /// Percent change 100 (exp(LRR) - 1) with the LRR interval's ends transformed; no SE.
    PercentChange {
        /// Which log response ratio it came from.
        direction: LrrDirection,
    },
    /// Log odds ratio for proportions or percentages (Pustejovsky 2015), Wald interval.
    LogOddsRatio {
        /// Proportion or percentage.
        measurement: MeasurementType,
        /// The truncation constant D used (infinite: no truncation).
        truncation: f64,
        /// Whether the small-sample bias correction was applied.
        bias: LrrBias,
    },
    /// Log ratio of medians (Bonett & Price 2020), Wald interval.
    LogRatioOfMedians {
        /// Which variance of the log median.
        standard_error: LrmStandardError,
    },
    /// Percent of goal obtained (Ferron et al. 2020), delta-method SE, Wald interval.
    Pogo {
        /// The goal level.
        goal: f64,
    },
}

impl SingleCaseMethod {
    /// Whether the interval is exact, approximate, or absent.
    ///
    /// All single-case intervals are approximate (score or Wald); PND, PEM, PAND, IRD and
    /// Tau-U without its optional SE have none.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::effect::{IntervalKind, SingleCaseMethod};
    /// assert_eq!(SingleCaseMethod::Ird.interval_kind(), IntervalKind::None);
    /// ```
    pub fn interval_kind(&self) -> IntervalKind {
        match self {
            SingleCaseMethod::Pnd
            | SingleCaseMethod::Pem
            | SingleCaseMethod::Pand
            | SingleCaseMethod::Ird
            | SingleCaseMethod::TauU {
                standard_error: TauUStandardError::None,
                ..
            } => IntervalKind::None,
            _ => IntervalKind::Approximate,
        }
    }
}
