//! Common-language effect size (parametric) and probability of superiority (nonparametric).

use super::independent::PooledD;
use super::pivot::{tail, z_upper};
use super::sample::{check_finite, check_len};
use super::{GroupMethod, GroupOptions};
use crate::Alternative;
use crate::effect::{Estimate, Interval, Method, check_level};
use crate::error::Result;
use crate::numeric::{RootOptions, find_root};
use statrs::distribution::{Continuous, ContinuousCDF, Normal};

/// The parametric common-language effect size Phi(d / sqrt 2): the probability that a random
/// value from `x`'s population exceeds one from `y`'s, for normal populations with a common SD.
///
/// `x` against `y`, whatever the outcome (see [Signs](crate::effect::group#signs)). Same as
/// [`common_language_effect_size_with`] with default [`GroupOptions`].
///
/// # Method
///
/// CL = Phi(d / sqrt 2) with d [`cohens_d`](crate::effect::cohens_d) (pooled SD), as R
/// effectsize's `p_superiority(parametric = TRUE)`; McGraw & Wong (1992) standardise by
/// sqrt(s1^2 + s2^2), which is sqrt 2 s_p when n1 = n2. Interval: d's interval mapped through the
/// increasing function Phi(. / sqrt 2), so its coverage is d's (exact with the noncentral t).
/// SE = phi(d / sqrt 2) SE(d) / sqrt 2 (delta method).
///
/// # References
///
/// McGraw KO, Wong SP (1992). A common language effect size statistic. *Psychological
/// Bulletin* 111:361-365.
///
/// # Errors
///
/// As [`cohens_d`](crate::effect::cohens_d).
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::common_language_effect_size;
/// let e = common_language_effect_size(&[6.0, 7.5, 8.0, 9.0], &[5.0, 6.0, 5.5, 7.0], 0.95)?;
/// assert!(e.value > 0.5 && e.value < 1.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn common_language_effect_size(x: &[f64], y: &[f64], level: f64) -> Result<Estimate> {
    common_language_effect_size_with(x, y, level, GroupOptions::default())
}

/// The parametric common-language effect size with options (interval method of the
/// underlying d, sidedness).
///
/// # Method
///
/// As [`common_language_effect_size`]; with
/// [`GroupInterval::Normal`](crate::effect::GroupInterval) d's normal interval is mapped.
///
/// # References
///
/// As [`common_language_effect_size`].
///
/// # Errors
///
/// As [`cohens_d`](crate::effect::cohens_d).
///
/// # Examples
///
/// ```
/// use outcome_stats::Alternative;
/// use outcome_stats::effect::{common_language_effect_size_with, GroupOptions};
/// let e = common_language_effect_size_with(&[6.0, 7.5, 8.0], &[5.0, 6.0, 5.5], 0.95,
///     GroupOptions::new().alternative(Alternative::Greater))?;
/// assert_eq!(e.ci.ok_or("no interval")?.upper, 1.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn common_language_effect_size_with(
    x: &[f64],
    y: &[f64],
    level: f64,
    options: GroupOptions,
) -> Result<Estimate> {
    check_level(level)?;
    let p = PooledD::of(x, y)?;
    let [lo, hi] = p.ends(level, &options)?;
    let std = Normal::standard();
    let r2 = std::f64::consts::SQRT_2;
    let cl = std.cdf(p.d / r2);
    let se = std.pdf(p.d / r2) * p.se / r2;
    Ok(Estimate::new(
        cl,
        Some(se),
        Some(Interval::new(std.cdf(lo / r2), std.cdf(hi / r2), level)?),
        Method::Group(GroupMethod::CommonLanguage {
            interval: options.interval,
            alternative: options.alternative,
        }),
    ))
}

/// The probability of superiority A = P(X > Y) + P(X = Y) / 2, counted over all pairs, with
/// Newcombe's (2006) method 5 interval.
///
/// `x` against `y`, whatever the outcome (see [Signs](crate::effect::group#signs)). Same as
/// [`probability_of_superiority_with`] with default [`GroupOptions`].
///
/// # Method
///
/// A = (#{x_i > y_j} + #{x_i = y_j} / 2) / (n1 n2), the Mann-Whitney U over n1 n2 (Vargha &
/// Delaney's A, Grissom & Kim's PS), counted by sorting in O((n1 + n2) log n2). Variance
/// V(theta) = theta (1 - theta) / (n1 n2) [1 + (N - 1) ((1 - theta) / (2 - theta) +
/// theta / (1 + theta))], N = (n1 + n2) / 2 (Hanley & McNeil 1982 with Newcombe's method 5
/// substitution); SE = sqrt(V(A)). Interval: the theta with (A - theta)^2 <= z^2 V(theta), a
/// score-type interval that stays proper at A = 0 or 1 (for n1 = n2 = 5 and A = 1 its lower
/// end is 0.6427); ends solved with the crate's root finder. The interval is approximate;
/// [`GroupOptions::interval`] does not apply.
///
/// # References
///
/// Newcombe RG (2006). Confidence intervals for an effect size measure based on the
/// Mann-Whitney statistic. Part 2: asymptotic methods and evaluation. *Statistics in
/// Medicine* 25:559-573.
/// Hanley JA, McNeil BJ (1982). The meaning and use of the area under a receiver operating
/// characteristic (ROC) curve. *Radiology* 143:29-36.
/// Vargha A, Delaney HD (2000). A critique and improvement of the CL common language effect
/// size statistics of McGraw and Wong. *Journal of Educational and Behavioral Statistics*
/// 25:101-132.
///
/// # Errors
///
/// [`Error::InvalidParameter`](crate::Error::InvalidParameter) for `level` outside (0, 1);
/// [`Error::InsufficientData`](crate::Error::InsufficientData) for an empty sample;
/// [`Error::NonFinite`](crate::Error::NonFinite) for NaN or infinite values.
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::probability_of_superiority;
/// let e = probability_of_superiority(&[6.0, 7.0, 8.0, 9.0, 10.0], &[1.0, 2.0, 3.0, 4.0, 5.0], 0.95)?;
/// assert_eq!(e.value, 1.0);
/// let ci = e.ci.ok_or("no interval")?;
/// assert!((ci.lower - 0.6427).abs() < 1e-4 && ci.upper == 1.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn probability_of_superiority(x: &[f64], y: &[f64], level: f64) -> Result<Estimate> {
    probability_of_superiority_with(x, y, level, GroupOptions::default())
}

/// The probability of superiority with options (sidedness of the interval).
///
/// # Method
///
/// As [`probability_of_superiority`]; one-sided intervals use z for 1 - level and run to 1
/// (`Greater`) or from 0 (`Less`).
///
/// # References
///
/// As [`probability_of_superiority`].
///
/// # Errors
///
/// As [`probability_of_superiority`].
///
/// # Examples
///
/// ```
/// use outcome_stats::Alternative;
/// use outcome_stats::effect::{probability_of_superiority_with, GroupOptions};
/// let e = probability_of_superiority_with(&[2.0, 4.0, 6.0], &[1.0, 3.0, 5.0], 0.9,
///     GroupOptions::new().alternative(Alternative::Less))?;
/// assert_eq!(e.ci.ok_or("no interval")?.lower, 0.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn probability_of_superiority_with(
    x: &[f64],
    y: &[f64],
    level: f64,
    options: GroupOptions,
) -> Result<Estimate> {
    check_level(level)?;
    check_len(x, "sample x", 1)?;
    check_len(y, "sample y", 1)?;
    check_finite(x, "sample x")?;
    check_finite(y, "sample y")?;
    let mut sorted = y.to_vec();
    sorted.sort_by(f64::total_cmp);
    let (mut greater, mut ties) = (0u64, 0u64);
    for &xi in x {
        let below = sorted.partition_point(|&v| v < xi);
        let at_or_below = sorted.partition_point(|&v| v <= xi);
        greater += below as u64;
        ties += (at_or_below - below) as u64;
    }
    let (m, n) = (x.len() as f64, y.len() as f64);
    let a = (greater as f64 + 0.5 * ties as f64) / (m * n);
    let big_n = 0.5 * (m + n);
    // V(theta) / (theta (1 - theta)), positive on [0, 1].
    let w = |th: f64| (1.0 + (big_n - 1.0) * ((1.0 - th) / (2.0 - th) + th / (1.0 + th))) / (m * n);
    let se = (a * (1.0 - a) * w(a)).sqrt();
    let z = z_upper(tail(level, options.alternative));
    // Lower end: (A - theta) / sqrt(1 - theta) = z sqrt(theta W(theta)) on [0, A].
    let lower = if a == 0.0 || options.alternative == Alternative::Less {
        0.0
    } else {
        let f = |th: f64| {
            let left = if a == 1.0 {
                (1.0 - th).sqrt()
            } else {
                (a - th) / (1.0 - th).sqrt()
            };
            left - z * (th * w(th)).sqrt()
        };
        find_root(f, 0.0, a, RootOptions::default().absolute(1e-30))?
    };
    // Upper end: (theta - A) / sqrt(theta) = z sqrt((1 - theta) W(theta)) on [A, 1].
    let upper = if a == 1.0 || options.alternative == Alternative::Greater {
        1.0
    } else {
        let f = |th: f64| {
            let left = if a == 0.0 {
                th.sqrt()
            } else {
                (th - a) / th.sqrt()
            };
            left - z * ((1.0 - th) * w(th)).sqrt()
        };
        find_root(f, a, 1.0, RootOptions::default().absolute(1e-30))?
    };
    Ok(Estimate::new(
        a,
        Some(se),
        Some(Interval::new(lower, upper, level)?),
        Method::Group(GroupMethod::ProbabilityOfSuperiority {
            alternative: options.alternative,
        }),
    ))
}
