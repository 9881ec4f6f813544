//! Interval machinery shared by the group effect sizes: noncentral-t inversion and the
//! normal approximation.

use crate::Alternative;
use crate::dist::NoncentralT;
use crate::error::{Error, Result};
use crate::numeric::{RootOptions, find_root_expanding};
use statrs::distribution::{ContinuousCDF, Normal};

/// The tail probability each interval end leaves out: (1 - level) / 2 two-sided, 1 - level
/// one-sided.
pub(crate) fn tail(level: f64, alternative: Alternative) -> f64 {
    match alternative {
        Alternative::TwoSided => 0.5 * (1.0 - level),
        Alternative::Greater | Alternative::Less => 1.0 - level,
    }
}

/// The standard normal quantile leaving `a` in the upper tail.
pub(crate) fn z_upper(a: f64) -> f64 {
    -Normal::standard().inverse_cdf(a)
}

/// Ends `[lower, upper]` of the interval for the noncentrality of a noncentral t with `df`
/// degrees of freedom, given the observed `t`.
///
/// The lower end solves `P(T > t; ncp) = a`, the upper `P(T <= t; ncp) = a`: each end is found
/// from the tail that is small there, so no `1 - cdf` cancellation enters. One-sided
/// intervals have an infinite end.
pub(crate) fn ncp_interval(
    t: f64,
    df: f64,
    level: f64,
    alternative: Alternative,
) -> Result<[f64; 2]> {
    if !t.is_finite() {
        return Err(Error::InvalidData {
            reason: format!("the t statistic {t} is not finite"),
        });
    }
    let a = tail(level, alternative);
    let z = z_upper(a);
    // Full relative precision, and an absolute floor far below anything reported so that an
    // end at (or within 1e-30 of) zero does not bisect down towards the subnormals.
    let opts = RootOptions::default().absolute(1e-30);
    // Large-sample spread of the noncentrality around t (Johnson & Welch 1940).
    let spread = z * (1.0 + t * t / (2.0 * df)).sqrt();
    let step = 1.0 + 0.1 * spread.abs();
    let lower = match alternative {
        Alternative::Less => f64::NEG_INFINITY,
        _ => {
            let guess = t - spread;
            find_root_expanding(
                |ncp| {
                    NoncentralT::new(df, ncp)
                        .map(|d| d.sf(t) - a)
                        .unwrap_or(f64::NAN)
                },
                guess - step,
                guess + step,
                -f64::MAX / 4.0,
                f64::MAX / 4.0,
                opts,
            )?
        }
    };
    let upper = match alternative {
        Alternative::Greater => f64::INFINITY,
        _ => {
            let guess = t + spread;
            find_root_expanding(
                |ncp| {
                    NoncentralT::new(df, ncp)
                        .map(|d| d.cdf(t) - a)
                        .unwrap_or(f64::NAN)
                },
                guess - step,
                guess + step,
                -f64::MAX / 4.0,
                f64::MAX / 4.0,
                opts,
            )?
        }
    };
    Ok([lower, upper])
}

/// Ends of the normal-approximation interval `value -/+ z se`, one-sided as asked.
pub(crate) fn normal_interval(
    value: f64,
    se: f64,
    level: f64,
    alternative: Alternative,
) -> [f64; 2] {
    let z = z_upper(tail(level, alternative));
    let lower = match alternative {
        Alternative::Less => f64::NEG_INFINITY,
        _ => value - z * se,
    };
    let upper = match alternative {
        Alternative::Greater => f64::INFINITY,
        _ => value + z * se,
    };
    [lower, upper]
}

/// Multiplies both ends by a positive factor, keeping infinite ends infinite.
pub(crate) fn scale(ends: [f64; 2], factor: f64) -> [f64; 2] {
    let s = |v: f64| if v.is_infinite() { v } else { v * factor };
    [s(ends[0]), s(ends[1])]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interval_brackets_t() {
        let [lo, hi] = ncp_interval(2.0, 10.0, 0.95, Alternative::TwoSided).unwrap();
        assert!(lo < 2.0 && hi > 2.0);
        let d = NoncentralT::new(10.0, lo).unwrap();
        assert!((d.sf(2.0) - 0.025).abs() < 1e-12);
        let [lo1, hi1] = ncp_interval(2.0, 10.0, 0.95, Alternative::Greater).unwrap();
        assert!(lo1 > lo && hi1.is_infinite());
    }

    #[test]
    fn end_at_zero_converges() {
        use statrs::distribution::StudentsT;
        // t at the central 97.5% point: the lower end of the 95% interval is ncp = 0.
        let t = StudentsT::new(0.0, 1.0, 10.0).unwrap().inverse_cdf(0.975);
        let [lo, _] = ncp_interval(t, 10.0, 0.95, Alternative::TwoSided).unwrap();
        assert!(lo.abs() < 1e-12, "{lo}");
    }
}
