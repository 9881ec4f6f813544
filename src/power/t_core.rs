//! Shared numerics: central-t critical values and the power of a t test given df and ncp.

use crate::Alternative;
use crate::dist::NoncentralT;
use crate::error::{Error, Result};
use crate::numeric::{RootOptions, find_root_expanding};
use statrs::distribution::{ContinuousCDF, Normal, StudentsT};

/// Upper quantile of the standard normal: z with P(Z > z) = q, for q in (0, 1).
pub(crate) fn z_upper(q: f64) -> f64 {
    // Phi^{-1}(1 - q) = -Phi^{-1}(q), which keeps full accuracy for small q.
    -Normal::standard().inverse_cdf(q)
}

/// Standard normal cdf.
pub(crate) fn phi(x: f64) -> f64 {
    Normal::standard().cdf(x)
}

/// The critical value x with P(T_df > x) = q for a central t, q in (0, 1/2].
///
/// A Cornish-Fisher start (Abramowitz & Stegun 26.7.5) polished by the crate's root finder on
/// the exact upper tail, to full double precision.
pub(crate) fn t_upper_critical(df: f64, q: f64) -> Result<f64> {
    if !(df > 0.0) || !(q > 0.0 && q < 1.0) {
        return Err(Error::InvalidParameter {
            name: "critical value probability",
            value: q,
            expected: "in (0, 1) with positive df",
        });
    }
    let t = StudentsT::new(0.0, 1.0, df).map_err(|_| Error::InvalidParameter {
        name: "df",
        value: df,
        expected: "positive",
    })?;
    let start = if df == 1.0 {
        // Cauchy: exact.
        1.0 / (std::f64::consts::PI * q).tan()
    } else if df == 2.0 {
        let a = 4.0 * q * (1.0 - q);
        (1.0 - 2.0 * q) * (2.0 / a).sqrt()
    } else {
        let z = z_upper(q);
        let z2 = z * z;
        let g1 = (z2 + 1.0) * z / 4.0;
        let g2 = ((5.0 * z2 + 16.0) * z2 + 3.0) * z / 96.0;
        let g3 = (((3.0 * z2 + 19.0) * z2 + 17.0) * z2 - 15.0) * z / 384.0;
        z + g1 / df + g2 / (df * df) + g3 / (df * df * df)
    };
    let start = if start.is_finite() { start } else { z_upper(q) };
    let h = 1e-9 * (1.0 + start.abs());
    find_root_expanding(
        |x| t.sf(x) - q,
        start - h,
        start + h,
        f64::MIN,
        f64::MAX,
        RootOptions::default(),
    )
}

/// Power of a t test whose statistic follows a noncentral t with `df` and `ncp` under the
/// alternative, at significance level `alpha`; two-sided power includes the opposite region.
pub(crate) fn t_power(df: f64, ncp: f64, alpha: f64, alternative: Alternative) -> Result<f64> {
    if ncp.is_infinite() {
        // An effect so large that the statistic is certain to land in one tail.
        let up = ncp > 0.0;
        return Ok(match alternative {
            Alternative::TwoSided => 1.0,
            Alternative::Greater => f64::from(u8::from(up)),
            Alternative::Less => f64::from(u8::from(!up)),
        });
    }
    let dist = NoncentralT::new(df, ncp)?;
    let p = match alternative {
        Alternative::TwoSided => {
            let c = t_upper_critical(df, alpha / 2.0)?;
            dist.sf(c) + dist.cdf(-c)
        }
        Alternative::Greater => {
            let c = t_upper_critical(df, alpha)?;
            dist.sf(c)
        }
        Alternative::Less => {
            let c = t_upper_critical(df, alpha)?;
            dist.cdf(-c)
        }
    };
    if p.is_finite() {
        Ok(p.clamp(0.0, 1.0))
    } else {
        Err(Error::NoConvergence {
            what: "noncentral t power",
            iterations: 0,
        })
    }
}

/// The normal-theory quantile sum z_alpha + z_beta used for starting values.
pub(crate) fn z_sum(alpha: f64, alternative: Alternative, target: f64) -> f64 {
    let za = match alternative {
        Alternative::TwoSided => z_upper(alpha / 2.0),
        _ => z_upper(alpha),
    };
    za + z_upper(1.0 - target)
}

/// The z_alpha alone (two-sided: alpha / 2).
pub(crate) fn z_alpha(alpha: f64, alternative: Alternative) -> f64 {
    match alternative {
        Alternative::TwoSided => z_upper(alpha / 2.0),
        _ => z_upper(alpha),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn critical_values_match_r_qt() {
        // R: qt(0.975, c(1, 2, 5, 30, 1000)), qt(0.995, 3)
        let cases = [
            (1.0, 0.025, 12.706204736174694),
            (2.0, 0.025, 4.3026527297494619),
            (5.0, 0.025, 2.5705818356363137),
            (30.0, 0.025, 2.0422724563012378),
            (1000.0, 0.025, 1.9623390808264076),
            (3.0, 0.005, 5.8409093097333544),
        ];
        for (df, q, want) in cases {
            let got = t_upper_critical(df, q).unwrap();
            assert!(
                (got - want).abs() < 1e-12 * want,
                "df {df}: {got} vs {want}"
            );
        }
    }
}
