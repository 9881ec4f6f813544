//! Two-group and paired standardised mean differences, the common-language effect size and
//! the probability of superiority, each with a standard error and a confidence interval.
//!
//! | function | standardiser | design | default interval |
//! |---|---|---|---|
//! | [`cohens_d`] | pooled SD | two groups | exact: noncentral t inverted (Steiger & Fouladi 1997) |
//! | [`hedges_g`] | pooled SD, times the exact J | two groups | exact: d's ends times J |
//! | [`glass_delta`] | SD of `y` (the control group) | two groups | approximate noncentral t |
//! | [`d_z`] | SD of the differences | paired | exact: noncentral t inverted |
//! | [`d_av`] | mean of the two SDs (Lakens 2013) | paired | approximate: Algina & Keselman (2003) |
//! | [`d_rm`] | d_z times sqrt(2 (1 - r)) (Lakens 2013) | paired | approximate: d_z's ends rescaled |
//! | [`common_language_effect_size`] | Phi(d / sqrt 2) (McGraw & Wong 1992) | two groups | exact: d's ends mapped |
//! | [`probability_of_superiority`] | P(X > Y) + P(X = Y) / 2 | two groups | approximate: Newcombe (2006) method 5 |
//!
//! # Signs
//!
//! These functions take plain slices and are plain arithmetic, as R's effectsize computes them:
//! `x` minus `y`, whatever the outcome. They know no [`Scale`](crate::Scale), so they cannot
//! know which direction is better: pass the treated group as `x` and the control as `y` on an
//! outcome where higher is better, and swap them (or negate the estimate and its interval)
//! where lower is better, as on a pain scale. [`Alternative::Greater`](crate::Alternative)
//! asks for the one-sided interval `[lower, +inf)`, that is an effect with `x` above `y`.
//!
//! # Intervals
//!
//! [`GroupOptions`] chooses the interval ([`GroupInterval::NoncentralT`], the default, or
//! [`GroupInterval::Normal`], the Hedges & Olkin (1985) normal approximation `estimate -/+ z SE`),
//! one-sided intervals through [`Alternative`], and the small-sample
//! factor of Hedges' g ([`HedgesCorrection`]). The exact intervals solve for the noncentrality
//! with the crate's root finder to full double precision, each end from the tail that is small
//! there (the lower end from `sf`, the upper from `cdf`); R effectsize 0.8.3 finds the same
//! ends with a general-purpose optimiser and is off by up to about 5e-3 on small samples.
//! The [`Method`](crate::effect::Method) of each estimate says which interval was computed
//! and whether it is exact ([`IntervalKind`]).
//!
//! # Standard errors
//!
//! Large-sample (delta-method) standard errors, each function saying which formula; they are
//! what meta-analyses weight by, and they are not what the exact intervals are built from.

mod independent;
mod paired;
mod pivot;
mod sample;
mod superiority;

pub use independent::{
    cohens_d, cohens_d_with, glass_delta, glass_delta_with, hedges_correction, hedges_g,
    hedges_g_with,
};
pub use paired::{d_av, d_av_with, d_rm, d_rm_with, d_z, d_z_with};
pub use superiority::{
    common_language_effect_size, common_language_effect_size_with, probability_of_superiority,
    probability_of_superiority_with,
};

use super::IntervalKind;
use crate::Alternative;

/// Which interval a group effect size gets.
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::GroupInterval;
/// assert_eq!(GroupInterval::default(), GroupInterval::NoncentralT);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum GroupInterval {
    /// Inversion of the noncentral t in its noncentrality (Steiger & Fouladi 1997): exact for
    /// d, g and d_z (and the common-language effect size mapped from d); an approximate pivot
    /// for Glass's delta, d_av and d_rm, as each function documents.
    #[default]
    NoncentralT,
    /// The normal approximation `estimate -/+ z SE` (Hedges & Olkin 1985), with the standard
    /// error each function documents.
    Normal,
}

/// The small-sample factor J of Hedges' g.
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::HedgesCorrection;
/// assert_eq!(HedgesCorrection::default(), HedgesCorrection::Exact);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum HedgesCorrection {
    /// J(m) = Gamma(m / 2) / (sqrt(m / 2) Gamma((m - 1) / 2)) (Hedges 1981), as R effectsize.
    #[default]
    Exact,
    /// J(m) = 1 - 3 / (4 m - 1) (Hedges 1981, eq. 6e), within 0.5% of the exact J for m >= 4.
    Approximate,
}

/// Options for the group effect sizes: interval method, sidedness, Hedges' J.
///
/// # Examples
///
/// ```
/// use outcome_stats::Alternative;
/// use outcome_stats::effect::{GroupInterval, GroupOptions};
/// let opts = GroupOptions::new()
///     .interval(GroupInterval::Normal)
///     .alternative(Alternative::Greater);
/// assert_eq!(opts.interval, GroupInterval::Normal);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct GroupOptions {
    /// Interval method (default [`GroupInterval::NoncentralT`]).
    pub interval: GroupInterval,
    /// Two-sided (default) or one-sided interval; `Greater` gives `[lower, +inf)`.
    pub alternative: Alternative,
    /// Hedges' J, used by [`hedges_g_with`] only (default [`HedgesCorrection::Exact`]).
    pub correction: HedgesCorrection,
}

impl GroupOptions {
    /// The defaults: noncentral-t interval, two-sided, exact J.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::effect::GroupOptions;
    /// assert_eq!(GroupOptions::new(), GroupOptions::default());
    /// ```
    pub fn new() -> GroupOptions {
        GroupOptions::default()
    }

    /// Sets the interval method.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::effect::{GroupInterval, GroupOptions};
    /// let o = GroupOptions::new().interval(GroupInterval::Normal);
    /// assert_eq!(o.interval, GroupInterval::Normal);
    /// ```
    pub fn interval(mut self, interval: GroupInterval) -> GroupOptions {
        self.interval = interval;
        self
    }

    /// Sets the alternative (sidedness of the interval).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::Alternative;
    /// use outcome_stats::effect::GroupOptions;
    /// let o = GroupOptions::new().alternative(Alternative::Less);
    /// assert_eq!(o.alternative, Alternative::Less);
    /// ```
    pub fn alternative(mut self, alternative: Alternative) -> GroupOptions {
        self.alternative = alternative;
        self
    }

    /// Sets Hedges' small-sample factor.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::effect::{GroupOptions, HedgesCorrection};
    /// let o = GroupOptions::new().correction(HedgesCorrection::Approximate);
    /// assert_eq!(o.correction, HedgesCorrection::Approximate);
    /// ```
    pub fn correction(mut self, correction: HedgesCorrection) -> GroupOptions {
        self.correction = correction;
        self
    }
}

/// How a group estimate was computed: the effect size, its interval method and sidedness.
///
/// # Examples
///
/// ```
/// use outcome_stats::Alternative;
/// use outcome_stats::effect::{GroupInterval, GroupMethod, IntervalKind};
/// let m = GroupMethod::CohensD { interval: GroupInterval::NoncentralT, alternative: Alternative::TwoSided };
/// assert_eq!(m.interval_kind(), IntervalKind::Exact);
/// let m = GroupMethod::DAv { interval: GroupInterval::NoncentralT, alternative: Alternative::TwoSided };
/// assert_eq!(m.interval_kind(), IntervalKind::Approximate);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum GroupMethod {
    /// Cohen's d with the pooled SD ([`cohens_d`]).
    CohensD {
        /// Interval method.
        interval: GroupInterval,
        /// Sidedness of the interval.
        alternative: Alternative,
    },
    /// Hedges' g ([`hedges_g`]).
    HedgesG {
        /// Interval method.
        interval: GroupInterval,
        /// Sidedness of the interval.
        alternative: Alternative,
        /// The small-sample factor J used.
        correction: HedgesCorrection,
    },
    /// Glass's delta with the SD of `y` ([`glass_delta`]); its interval is always approximate.
    GlassDelta {
        /// Interval method.
        interval: GroupInterval,
        /// Sidedness of the interval.
        alternative: Alternative,
    },
    /// Paired d_z ([`d_z`]).
    Dz {
        /// Interval method.
        interval: GroupInterval,
        /// Sidedness of the interval.
        alternative: Alternative,
    },
    /// Paired d_av ([`d_av`]); its interval is always approximate (Algina & Keselman 2003
    /// with the noncentral t).
    DAv {
        /// Interval method.
        interval: GroupInterval,
        /// Sidedness of the interval.
        alternative: Alternative,
    },
    /// Paired d_rm ([`d_rm`]); its interval is always approximate.
    DRm {
        /// Interval method.
        interval: GroupInterval,
        /// Sidedness of the interval.
        alternative: Alternative,
    },
    /// Parametric common-language effect size Phi(d / sqrt 2)
    /// ([`common_language_effect_size`]).
    CommonLanguage {
        /// Interval method (of the underlying d).
        interval: GroupInterval,
        /// Sidedness of the interval.
        alternative: Alternative,
    },
    /// Nonparametric probability of superiority ([`probability_of_superiority`]), with
    /// Newcombe's (2006) method 5 interval (approximate).
    ProbabilityOfSuperiority {
        /// Sidedness of the interval.
        alternative: Alternative,
    },
}

impl GroupMethod {
    /// Whether the interval is exact, approximate, or absent.
    ///
    /// Exact: d, g, d_z and the common-language effect size with the noncentral-t interval.
    /// Approximate: every normal-approximation interval, and Glass's delta, d_av, d_rm and the
    /// probability of superiority whatever the option.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::Alternative;
    /// use outcome_stats::effect::{GroupInterval, GroupMethod, IntervalKind};
    /// let m = GroupMethod::Dz { interval: GroupInterval::Normal, alternative: Alternative::TwoSided };
    /// assert_eq!(m.interval_kind(), IntervalKind::Approximate);
    /// ```
    pub fn interval_kind(&self) -> IntervalKind {
        match *self {
            GroupMethod::CohensD { interval, .. }
            | GroupMethod::HedgesG { interval, .. }
            | GroupMethod::Dz { interval, .. }
            | GroupMethod::CommonLanguage { interval, .. } => match interval {
                GroupInterval::NoncentralT => IntervalKind::Exact,
                GroupInterval::Normal => IntervalKind::Approximate,
            },
            GroupMethod::GlassDelta { .. }
            | GroupMethod::DAv { .. }
            | GroupMethod::DRm { .. }
            | GroupMethod::ProbabilityOfSuperiority { .. } => IntervalKind::Approximate,
        }
    }
}
