//! What every design shares: the settings, the answers, validation and the integer search.

use crate::Alternative;
use crate::error::{Error, Result};
use crate::numeric::{RootOptions, find_root_expanding};

/// The largest n a sample-size search looks at before answering [`Error::Unattainable`].
///
/// # Examples
///
/// ```
/// use outcome_stats::power::{MAX_N, TTest};
/// assert_eq!(MAX_N, 10_000_000);
/// assert!(TTest::two_sample().sample_size(1e-4, 0.9).is_err()); // needs about 2e9 per group
/// ```
pub const MAX_N: usize = 10_000_000;

/// The settings every design shares: significance level, alternative and dropout.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub(crate) struct Settings {
    pub(crate) alpha: f64,
    pub(crate) alternative: Alternative,
    pub(crate) dropout: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            alpha: 0.05,
            alternative: Alternative::TwoSided,
            dropout: 0.0,
        }
    }
}

impl Settings {
    pub(crate) fn validate(&self) -> Result<()> {
        if !(self.alpha > 0.0 && self.alpha < 1.0) {
            return Err(Error::InvalidParameter {
                name: "alpha",
                value: self.alpha,
                expected: "in (0, 1)",
            });
        }
        if !(self.dropout >= 0.0 && self.dropout < 1.0) {
            return Err(Error::InvalidParameter {
                name: "dropout",
                value: self.dropout,
                expected: "in [0, 1)",
            });
        }
        Ok(())
    }
}

/// Which design (and test) an answer was computed for, with the design's own inputs.
///
/// # Examples
///
/// ```
/// use outcome_stats::power::{Design, TTest};
/// let s = TTest::two_sample().sample_size(0.5, 0.8)?;
/// assert_eq!(s.design, Design::TwoSampleT { ratio: 1.0 });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Design {
    /// Two independent groups, pooled-variance t test; `ratio` = n2 / n1.
    TwoSampleT {
        /// Allocation ratio k (n2 = ceil(k n1)).
        ratio: f64,
    },
    /// One-sample t test on n observations.
    OneSampleT,
    /// Paired t test on n pairs.
    PairedT,
    /// Two-arm ANCOVA adjusted for the baseline value.
    Ancova {
        /// Baseline-outcome correlation.
        correlation: f64,
        /// Allocation ratio k (n2 = ceil(k n1)).
        ratio: f64,
    },
    /// AB/BA crossover with the period effect in the model.
    Crossover2x2 {
        /// Within-patient (residual) SD as a fraction of the between-patient SD sigma.
        within_sd: f64,
    },
    /// Two independent proportions.
    TwoProportions {
        /// The control group's responder rate.
        control_rate: f64,
        /// Allocation ratio k (n2 = ceil(k n1)).
        ratio: f64,
        /// The test whose power is computed.
        test: crate::power::ProportionTest,
    },
    /// A series of N-of-1 crossover trials analysed by a t test on the patients' mean differences.
    NOf1Series {
        /// Cycles per patient (each a treatment and a placebo period).
        cycles: usize,
        /// Within-patient SD of a period's mean outcome, as a fraction of sigma.
        within_sd: f64,
        /// SD of the treatment effect across patients, as a fraction of sigma.
        effect_sd: f64,
    },
}

/// The answer to a sample-size question: the smallest admissible n reaching the target power.
///
/// `n` is the number the design counts (analysable, before dropout): per group (group 1, the
/// control group, under unequal allocation), pairs for the paired and one-sample tests, all
/// patients for the 2x2 crossover (even, two equal sequence groups), patients for the N-of-1
/// series. `groups` lists the analysable patients per group, `groups_enrolled` the same after
/// dropout, each inflated to ceil(n_g / (1 - dropout)); `total_enrolled` is their sum.
///
/// # Examples
///
/// ```
/// use outcome_stats::power::TTest;
/// let s = TTest::two_sample().dropout(0.2).sample_size(0.5, 0.8)?;
/// assert_eq!((s.n, s.total, s.n_enrolled, s.total_enrolled), (64, 128, 80, 160));
/// assert!(s.achieved_power >= 0.8 && s.power_at_previous.unwrap_or(0.0) < 0.8);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct SampleSize {
    /// The n the design counts, analysable, before dropout.
    pub n: usize,
    /// Analysable patients in all.
    pub total: usize,
    /// Power at `n`.
    pub achieved_power: f64,
    /// `n` after dropout inflation (for the crossover: both sequence groups, inflated).
    pub n_enrolled: usize,
    /// Patients to enrol in all: each group inflated to ceil(n_g / (1 - dropout)), then summed.
    pub total_enrolled: usize,
    /// Analysable patients per group (one entry for single-group designs).
    pub groups: Vec<usize>,
    /// Patients to enrol per group.
    pub groups_enrolled: Vec<usize>,
    /// The previous admissible n (n - 1, or n - 2 for the crossover), `None` at the minimum.
    pub previous_n: Option<usize>,
    /// Power at `previous_n`, which falls short of the target.
    pub power_at_previous: Option<f64>,
    /// The effect assumed (improvement-signed).
    pub effect: f64,
    /// The power asked for.
    pub target_power: f64,
    /// Significance level.
    pub alpha: f64,
    /// The alternative hypothesis.
    pub alternative: Alternative,
    /// Dropout fraction assumed.
    pub dropout: f64,
    /// The design and its inputs.
    pub design: Design,
}

impl std::fmt::Display for SampleSize {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "n = {} ({} analysable in all; power {:.4} for target {}, alpha {}, {:?}, effect {})",
            self.n,
            self.total,
            self.achieved_power,
            self.target_power,
            self.alpha,
            self.alternative,
            self.effect
        )?;
        if self.dropout > 0.0 {
            write!(
                f,
                "; enrol {} in all ({} for n) allowing {}% dropout",
                self.total_enrolled,
                self.n_enrolled,
                100.0 * self.dropout
            )?;
        }
        Ok(())
    }
}

/// One point of a power curve.
///
/// # Examples
///
/// ```
/// use outcome_stats::power::TTest;
/// let c = TTest::paired().power_curve_over_n(0.5, &[10, 20])?;
/// assert_eq!(c.points[1].n, 20);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PowerPoint {
    /// The n (as the design counts it).
    pub n: usize,
    /// The effect (improvement-signed).
    pub effect: f64,
    /// Power at this n and effect.
    pub power: f64,
}

/// Power over a range of n or of effects, as plain data for plots.
///
/// # Examples
///
/// ```
/// use outcome_stats::power::TTest;
/// let c = TTest::two_sample().power_curve_over_effect(30, &[0.2, 0.5, 0.8])?;
/// assert!(c.points[0].power < c.points[2].power);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PowerCurve {
    /// The points, in the order asked for.
    pub points: Vec<PowerPoint>,
    /// Significance level.
    pub alpha: f64,
    /// The alternative hypothesis.
    pub alternative: Alternative,
    /// The design and its inputs.
    pub design: Design,
}

/// ceil(x), treating x within 1e-9 (relative) of an integer as that integer, so that
/// representation error (0.1 * 30 = 3.0000000000000004) does not add a patient.
pub(crate) fn guarded_ceil(x: f64) -> f64 {
    let r = x.round();
    if (x - r).abs() <= 1e-9 * r.abs().max(1.0) {
        r
    } else {
        x.ceil()
    }
}

/// n2 = ceil(k n1) with the guard above.
pub(crate) fn second_group(n1: usize, ratio: f64) -> usize {
    let x = guarded_ceil(ratio * n1 as f64);
    if x >= usize::MAX as f64 {
        usize::MAX
    } else {
        x as usize
    }
}

pub(crate) fn check_ratio(ratio: f64) -> Result<()> {
    if !(1e-6..=1e6).contains(&ratio) {
        return Err(Error::InvalidParameter {
            name: "ratio",
            value: ratio,
            expected: "positive, in [10^-6, 10^6] (n2 = ceil(ratio n1))",
        });
    }
    Ok(())
}

/// The smallest n1 >= `floor` whose second group ceil(k n1) has at least `floor2` patients.
pub(crate) fn min_n1_for_ratio(floor: usize, floor2: usize, ratio: f64) -> usize {
    // ceil(k n) >= floor2 exactly when k n > floor2 - 1: start just below that n.
    let guess = ((floor2.saturating_sub(1) as f64) / ratio).floor();
    let mut n = if guess >= MAX_N as f64 {
        MAX_N
    } else {
        (guess as usize).saturating_sub(1).max(floor)
    };
    while n < MAX_N && second_group(n, ratio) < floor2 {
        n += 1;
    }
    n
}

/// The internal face every design shows to the shared algorithms.
pub(crate) trait Model {
    fn settings(&self) -> &Settings;
    /// Validates the design's own parameters (settings are checked separately).
    fn check(&self) -> Result<()>;
    /// The smallest admissible n.
    fn min_n(&self) -> usize;
    /// Distance between admissible n (2 for the crossover).
    fn step(&self) -> usize {
        1
    }
    /// What the design counts, for error messages.
    fn what(&self) -> &'static str;
    /// Power at an admissible n and a valid effect, design already validated.
    fn power_unchecked(&self, effect: f64, n: usize) -> Result<f64>;
    /// A normal-approximation starting n for the search.
    fn start_n(&self, effect: f64, target: f64) -> f64;
    /// Analysable patients per group at n.
    fn groups(&self, n: usize) -> Vec<usize>;
    /// Admissible effects lie strictly inside these bounds.
    fn effect_bounds(&self) -> (f64, f64) {
        (f64::NEG_INFINITY, f64::INFINITY)
    }
    /// A starting magnitude for the minimal-detectable-effect search.
    fn mde_start(&self, n: usize, target: f64) -> f64;
    /// The largest n a sample-size search looks at.
    fn max_n(&self) -> usize {
        MAX_N
    }
    /// Whether power must be scanned over the integers (not monotone in n).
    fn scan(&self) -> bool {
        false
    }
    /// The design description for answers.
    fn design(&self) -> Design;
}

fn check_n<M: Model>(m: &M, n: usize) -> Result<()> {
    let min = m.min_n();
    if n < min {
        return Err(Error::InsufficientData {
            what: m.what().to_string(),
            needed: min,
            got: n,
        });
    }
    if n > m.max_n() {
        return Err(Error::InvalidParameter {
            name: "n",
            value: n as f64,
            expected: "at most the design's cap (10^7; for Fisher's exact test n1 <= 500 and n1 + n2 <= 2500)",
        });
    }
    if (n - min) % m.step() != 0 {
        return Err(Error::InvalidDesign {
            reason: format!(
                "{} must be an even number (two equal sequence groups), got {n}",
                m.what()
            ),
        });
    }
    Ok(())
}

fn check_effect<M: Model>(m: &M, effect: f64) -> Result<()> {
    let (lo, hi) = m.effect_bounds();
    if !effect.is_finite() {
        return Err(Error::InvalidParameter {
            name: "effect",
            value: effect,
            expected: "finite",
        });
    }
    if !(effect > lo && effect < hi) {
        return Err(Error::InvalidParameter {
            name: "effect",
            value: effect,
            expected: "such that the treatment rate (control rate + effect) lies in (0, 1)",
        });
    }
    Ok(())
}

fn check_target(alpha: f64, target: f64) -> Result<()> {
    if !(target > 0.0 && target < 1.0) {
        return Err(Error::InvalidParameter {
            name: "target_power",
            value: target,
            expected: "in (0, 1)",
        });
    }
    if !(target > alpha) {
        return Err(Error::InvalidParameter {
            name: "target_power",
            value: target,
            expected: "above alpha (no test has less power than its size when the effect is real)",
        });
    }
    Ok(())
}

fn check_sign(alternative: Alternative, effect: f64) -> Result<()> {
    if effect == 0.0 {
        return Err(Error::InvalidParameter {
            name: "effect",
            value: effect,
            expected: "non-zero (no n detects a zero effect)",
        });
    }
    match alternative {
        Alternative::Greater if effect < 0.0 => Err(Error::InvalidParameter {
            name: "effect",
            value: effect,
            expected: "positive for the greater alternative (treatment better)",
        }),
        Alternative::Less if effect > 0.0 => Err(Error::InvalidParameter {
            name: "effect",
            value: effect,
            expected: "negative for the less alternative",
        }),
        _ => Ok(()),
    }
}

pub(crate) fn power<M: Model>(m: &M, effect: f64, n: usize) -> Result<f64> {
    m.settings().validate()?;
    m.check()?;
    check_effect(m, effect)?;
    check_n(m, n)?;
    m.power_unchecked(effect, n)
}

pub(crate) fn enrolled(n_g: usize, dropout: f64) -> usize {
    if dropout == 0.0 {
        return n_g;
    }
    let x = guarded_ceil(n_g as f64 / (1.0 - dropout));
    if x >= usize::MAX as f64 {
        usize::MAX
    } else {
        x as usize
    }
}

pub(crate) fn sample_size<M: Model>(m: &M, effect: f64, target: f64) -> Result<SampleSize> {
    let s = *m.settings();
    s.validate()?;
    m.check()?;
    check_effect(m, effect)?;
    check_target(s.alpha, target)?;
    check_sign(s.alternative, effect)?;
    let (n, p, prev) = if m.scan() {
        scan_smallest(m, effect, target)?
    } else {
        search_smallest(m, effect, target)?
    };
    let groups = m.groups(n);
    let groups_enrolled: Vec<usize> = groups.iter().map(|&g| enrolled(g, s.dropout)).collect();
    let total = groups.iter().fold(0usize, |a, &g| a.saturating_add(g));
    // Saturates (rather than overflowing) for a dropout fraction within a hair of 1.
    let total_enrolled = groups_enrolled
        .iter()
        .fold(0usize, |a, &g| a.saturating_add(g));
    let n_enrolled = match m.design() {
        Design::Crossover2x2 { .. } => total_enrolled,
        _ => groups_enrolled.first().copied().unwrap_or(n),
    };
    Ok(SampleSize {
        n,
        total,
        achieved_power: p,
        n_enrolled,
        total_enrolled,
        groups,
        groups_enrolled,
        previous_n: prev.map(|(n, _)| n),
        power_at_previous: prev.map(|(_, p)| p),
        effect,
        target_power: target,
        alpha: s.alpha,
        alternative: s.alternative,
        dropout: s.dropout,
        design: m.design(),
    })
}

type Found = (usize, f64, Option<(usize, f64)>);

fn unattainable<M: Model>(m: &M, effect: f64, target: f64, cap: usize) -> Error {
    Error::Unattainable {
        reason: format!(
            "power {target} is not reached for effect {effect} with {} up to {cap}",
            m.what()
        ),
    }
}

/// Galloping then bisection over admissible n, for designs whose power is non-decreasing in n.
fn search_smallest<M: Model>(m: &M, effect: f64, target: f64) -> Result<Found> {
    let min = m.min_n();
    let step = m.step();
    let cap = m.max_n();
    if min > cap {
        return Err(unattainable(m, effect, target, cap));
    }
    let max_idx = (cap - min) / step;
    let n_of = |i: usize| min + i * step;
    let pw = |i: usize| m.power_unchecked(effect, n_of(i));
    let start = m.start_n(effect, target);
    let start_idx = if start.is_finite() && start > min as f64 {
        let i = ((start - min as f64) / step as f64).ceil();
        if i >= max_idx as f64 {
            max_idx
        } else {
            i as usize
        }
    } else {
        0
    };
    let p0 = pw(start_idx)?;
    let (mut lo, mut p_lo, mut hi, mut p_hi);
    if p0 >= target {
        hi = start_idx;
        p_hi = p0;
        let mut stride = 1;
        loop {
            if hi == 0 {
                return Ok((n_of(0), p_hi, None));
            }
            let cand = hi.saturating_sub(stride);
            let p = pw(cand)?;
            if p < target {
                lo = cand;
                p_lo = p;
                break;
            }
            hi = cand;
            p_hi = p;
            stride = stride.saturating_mul(2);
        }
    } else {
        lo = start_idx;
        p_lo = p0;
        let mut stride = 1;
        loop {
            if lo >= max_idx {
                return Err(unattainable(m, effect, target, cap));
            }
            let cand = lo.saturating_add(stride).min(max_idx);
            let p = pw(cand)?;
            if p >= target {
                hi = cand;
                p_hi = p;
                break;
            }
            lo = cand;
            p_lo = p;
            stride = stride.saturating_mul(2);
        }
    }
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        let p = pw(mid)?;
        if p >= target {
            hi = mid;
            p_hi = p;
        } else {
            lo = mid;
            p_lo = p;
        }
    }
    Ok((n_of(hi), p_hi, Some((n_of(lo), p_lo))))
}

/// A plain scan of n = min, min + 1, ... up to the design's cap (Fisher's exact test).
fn scan_smallest<M: Model>(m: &M, effect: f64, target: f64) -> Result<Found> {
    let min = m.min_n();
    let cap = m.max_n();
    let mut prev: Option<(usize, f64)> = None;
    let mut n = min;
    while n <= cap {
        let p = m.power_unchecked(effect, n)?;
        if p >= target {
            return Ok((n, p, prev));
        }
        prev = Some((n, p));
        n += m.step();
    }
    Err(unattainable(m, effect, target, cap))
}

pub(crate) fn min_detectable_effect<M: Model>(m: &M, n: usize, target: f64) -> Result<f64> {
    let s = *m.settings();
    s.validate()?;
    m.check()?;
    check_n(m, n)?;
    check_target(s.alpha, target)?;
    let sign = match s.alternative {
        Alternative::Less => -1.0,
        _ => 1.0,
    };
    let (lo, hi) = m.effect_bounds();
    // Largest admissible magnitude in the alternative's direction.
    let limit = if sign > 0.0 { hi } else { -lo };
    let limit = if limit.is_finite() {
        // Stay strictly inside the open range of effects.
        limit * (1.0 - 1e-12)
    } else {
        1e8
    };
    if !(limit > 0.0) {
        return Err(Error::Unattainable {
            reason: "no effect in the alternative's direction is admissible".to_string(),
        });
    }
    let mut failure: Option<Error> = None;
    let mut f = |mag: f64| -> f64 {
        if mag <= 0.0 {
            return s.alpha.min(1.0) - target;
        }
        match m.power_unchecked(sign * mag, n) {
            Ok(p) => p - target,
            Err(e) => {
                failure.get_or_insert(e);
                f64::NAN
            }
        }
    };
    // max/min (not clamp): no panic when limit < 1e-12, and a NaN start becomes 1e-12.
    let upper = m.mde_start(n, target).max(1e-12).min(limit);
    let lower = 0.0;
    let result = find_root_expanding(&mut f, lower, upper, 0.0, limit, RootOptions::default());
    if let Some(e) = failure {
        return Err(e);
    }
    match result {
        Ok(mag) => Ok(sign * mag),
        Err(Error::NotBracketed { .. }) => Err(Error::Unattainable {
            reason: format!(
                "power {target} is not reached at n = {n} by any admissible effect in the alternative's direction (up to {})",
                sign * limit
            ),
        }),
        Err(e) => Err(e),
    }
}

pub(crate) fn curve_over_n<M: Model>(m: &M, effect: f64, ns: &[usize]) -> Result<PowerCurve> {
    check_effect(m, effect)?;
    curve(m, ns.iter().map(|&n| (n, effect)))
}

pub(crate) fn curve_over_effect<M: Model>(m: &M, n: usize, effects: &[f64]) -> Result<PowerCurve> {
    check_n(m, n)?;
    curve(m, effects.iter().map(|&effect| (n, effect)))
}

/// Power at each `(n, effect)` of a grid, every point validated.
fn curve<M: Model>(m: &M, grid: impl Iterator<Item = (usize, f64)>) -> Result<PowerCurve> {
    let s = *m.settings();
    s.validate()?;
    m.check()?;
    let mut points = Vec::with_capacity(grid.size_hint().0);
    for (n, effect) in grid {
        check_n(m, n)?;
        check_effect(m, effect)?;
        points.push(PowerPoint {
            n,
            effect,
            power: m.power_unchecked(effect, n)?,
        });
    }
    Ok(PowerCurve {
        points,
        alpha: s.alpha,
        alternative: s.alternative,
        design: m.design(),
    })
}

/// Generates the setters and questions every design shares, with their docs.
macro_rules! design_methods {
    ($ty:ident, $ctor:literal, $effect:literal, $n:literal) => {
        impl $ty {
            /// Sets the significance level (default 0.05); checked when a question is asked.
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("use outcome_stats::power::", stringify!($ty), ";")]
            #[doc = concat!("let design = ", $ctor, ".alpha(0.01);")]
            #[doc = concat!("assert!(design.power(", $effect, ", ", $n, ")? < ", $ctor, ".power(", $effect, ", ", $n, ")?);")]
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            #[must_use]
            pub fn alpha(mut self, alpha: f64) -> Self {
                self.settings.alpha = alpha;
                self
            }

            /// Sets the alternative hypothesis (default two-sided; `Greater` = treatment better).
            ///
            /// # Examples
            ///
            /// ```
            /// use outcome_stats::Alternative;
            #[doc = concat!("use outcome_stats::power::", stringify!($ty), ";")]
            #[doc = concat!("let one_sided = ", $ctor, ".alternative(Alternative::Greater);")]
            #[doc = concat!("assert!(one_sided.power(", $effect, ", ", $n, ")? > ", $ctor, ".power(", $effect, ", ", $n, ")?);")]
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            #[must_use]
            pub fn alternative(mut self, alternative: crate::Alternative) -> Self {
                self.settings.alternative = alternative;
                self
            }

            /// Sets the expected dropout fraction (default 0), used only to inflate enrolment.
            ///
            /// Each group is inflated to ceil(n_g / (1 - dropout)); power and `n` refer to
            /// the analysable patients.
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("use outcome_stats::power::", stringify!($ty), ";")]
            #[doc = concat!("let s = ", $ctor, ".dropout(0.2).sample_size(", $effect, ", 0.8)?;")]
            /// assert!(s.total_enrolled as f64 >= s.total as f64 / 0.8);
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            #[must_use]
            pub fn dropout(mut self, dropout: f64) -> Self {
                self.settings.dropout = dropout;
                self
            }

            /// Power at `n` (as the design counts it) for an improvement-signed `effect`.
            ///
            /// # Errors
            ///
            /// [`Error::InvalidParameter`](crate::Error::InvalidParameter) for an invalid
            /// setting or a non-finite (or, for proportions, out-of-range) effect;
            /// [`Error::InsufficientData`](crate::Error::InsufficientData) for n below the
            /// design's minimum; [`Error::InvalidDesign`](crate::Error::InvalidDesign) for an
            /// odd n in the 2x2 crossover.
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("use outcome_stats::power::", stringify!($ty), ";")]
            #[doc = concat!("let p = ", $ctor, ".power(", $effect, ", ", $n, ")?;")]
            /// assert!(p > 0.05 && p < 1.0);
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn power(&self, effect: f64, n: usize) -> crate::Result<f64> {
                crate::power::common::power(self, effect, n)
            }

            /// The smallest admissible n whose power reaches `target_power`.
            ///
            /// # Method
            ///
            /// Found on the integers from a normal-approximation start, and verified: power at
            /// `n` reaches the target, power at the previous admissible n does not (both in the
            /// answer). Dropout then inflates each group to `ceil(n_g / (1 - dropout))`.
            ///
            /// # Errors
            ///
            /// [`Error::InvalidParameter`](crate::Error::InvalidParameter) for invalid
            /// settings, a target power outside (alpha, 1), a zero effect or one of the wrong
            /// sign for a one-sided alternative; [`Error::Unattainable`](crate::Error::Unattainable)
            /// when no n up to the design's cap reaches the target.
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("use outcome_stats::power::", stringify!($ty), ";")]
            #[doc = concat!("let design = ", $ctor, ";")]
            #[doc = concat!("let s = design.sample_size(", $effect, ", 0.8)?;")]
            /// assert!(s.achieved_power >= 0.8);
            /// if let (Some(prev), Some(p)) = (s.previous_n, s.power_at_previous) {
            #[doc = concat!("    assert_eq!(design.power(", $effect, ", prev)?, p);")]
            ///     assert!(p < 0.8);
            /// }
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn sample_size(
                &self,
                effect: f64,
                target_power: f64,
            ) -> crate::Result<crate::power::SampleSize> {
                crate::power::common::sample_size(self, effect, target_power)
            }

            /// The effect (with the alternative's sign; positive when two-sided) whose power at
            /// `n` equals `target_power`.
            ///
            /// # Method
            ///
            /// The crate's bracketing root finder
            /// ([`find_root_expanding`](crate::numeric::find_root_expanding), Brent's method to
            /// full double precision in the effect) on power(effect, n) - target, from zero
            /// (power = alpha) outward.
            ///
            /// # Errors
            ///
            /// As [`power`](Self::power) and [`sample_size`](Self::sample_size);
            /// [`Error::Unattainable`](crate::Error::Unattainable) when no admissible effect
            /// reaches the target at this n.
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("use outcome_stats::power::", stringify!($ty), ";")]
            #[doc = concat!("let design = ", $ctor, ";")]
            #[doc = concat!("let e = design.min_detectable_effect(", $n, ", 0.8)?;")]
            #[doc = concat!("assert!((design.power(e, ", $n, ")? - 0.8).abs() < 1e-9);")]
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn min_detectable_effect(
                &self,
                n: usize,
                target_power: f64,
            ) -> crate::Result<f64> {
                crate::power::common::min_detectable_effect(self, n, target_power)
            }

            /// Power at each n in `ns` for one effect, as plain data for a plot.
            ///
            /// # Errors
            ///
            /// As [`power`](Self::power), for the first offending n.
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("use outcome_stats::power::", stringify!($ty), ";")]
            #[doc = concat!("let c = ", $ctor, ".power_curve_over_n(", $effect, ", &[", $n, ", 2 * ", $n, "])?;")]
            /// assert!(c.points[0].power <= c.points[1].power);
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn power_curve_over_n(
                &self,
                effect: f64,
                ns: &[usize],
            ) -> crate::Result<crate::power::PowerCurve> {
                crate::power::common::curve_over_n(self, effect, ns)
            }

            /// Power at one n for each effect in `effects`, as plain data for a plot.
            ///
            /// # Errors
            ///
            /// As [`power`](Self::power), for the first offending effect.
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("use outcome_stats::power::", stringify!($ty), ";")]
            #[doc = concat!("let c = ", $ctor, ".power_curve_over_effect(", $n, ", &[0.0, ", $effect, "])?;")]
            /// assert!(c.points[0].power < c.points[1].power);
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn power_curve_over_effect(
                &self,
                n: usize,
                effects: &[f64],
            ) -> crate::Result<crate::power::PowerCurve> {
                crate::power::common::curve_over_effect(self, n, effects)
            }
        }
    };
}

pub(crate) use design_methods;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guarded_ceil_ignores_representation_error() {
        assert_eq!(guarded_ceil(0.1 * 30.0), 3.0);
        assert_eq!(guarded_ceil(3.2), 4.0);
        assert_eq!(second_group(30, 0.1), 3);
        assert_eq!(enrolled(80, 0.2), 100);
        assert_eq!(enrolled(81, 0.2), 102);
    }
}
