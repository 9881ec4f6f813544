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
/// A Cornish-Fisher start (Abramowitz & Stegun 26.7.5, four terms) polished by the crate's root finder on
/// the exact upper tail, to 1e-13 relative.
pub(crate) fn t_upper_critical(df: f64, q: f64) -> Result<f64> {
    if !(df > 0.0 && q > 0.0 && q < 1.0) {
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
    let (start, half_width) = if df == 1.0 {
        // Cauchy: exact up to rounding.
        let x = 1.0 / (std::f64::consts::PI * q).tan();
        (x, 1e-12 * (1.0 + x.abs()))
    } else if df == 2.0 {
        let a = 4.0 * q * (1.0 - q);
        let x = (1.0 - 2.0 * q) * (2.0 / a).sqrt();
        (x, 1e-12 * (1.0 + x.abs()))
    } else {
        let z = z_upper(q);
        let z2 = z * z;
        let g1 = (z2 + 1.0) * z / 4.0;
        let g2 = ((5.0 * z2 + 16.0) * z2 + 3.0) * z / 96.0;
        let g3 = (((3.0 * z2 + 19.0) * z2 + 17.0) * z2 - 15.0) * z / 384.0;
        let g4 = ((((79.0 * z2 + 776.0) * z2 + 1482.0) * z2 - 1920.0) * z2 - 945.0) * z / 92160.0;
        let x = z + g1 / df + g2 / df.powi(2) + g3 / df.powi(3) + g4 / df.powi(4);
        // The first omitted term is of the order of the last one kept.
        (x, 2.0 * (g4 / df.powi(4)).abs() + 1e-12 * (1.0 + x.abs()))
    };
    let (start, half_width) = if start.is_finite() && half_width.is_finite() {
        (start, half_width)
    } else {
        let z = z_upper(q);
        (z, 1e-3 * (1.0 + z.abs()))
    };
    find_root_expanding(
        |x| central_t_sf(&t, df, x) - q,
        start - half_width,
        start + half_width,
        f64::MIN,
        f64::MAX,
        // 1e-13 relative moves power by less than 1e-13: far inside the 1e-9 goal, and it
        // saves the last Brent steps.
        RootOptions::default().relative(1e-13),
    )
}

/// The largest integer df for which [`central_t_sf`] sums the finite series.
const SERIES_MAX_DF: f64 = 1000.0;

/// P(T > x) for a central t on `df` degrees of freedom.
///
/// For integer df up to [`SERIES_MAX_DF`], the finite trigonometric series of Abramowitz &
/// Stegun (1964, 26.7.3-4) for A = P(|T| <= |x|), with theta = atan(|x| / sqrt(df)):
/// odd df, A = (2/pi) [theta + sin(theta) cos(theta) (1 + (2/3) cos^2 + (2 4)/(3 5) cos^4 + ...)];
/// even df, A = sin(theta) [1 + (1/2) cos^2 + (1 3)/(2 4) cos^4 + ...], each to the
/// cos^(df - 2) term; then P(T > x) = (1 -/+ A) / 2 when that is at least 1e-3 (its absolute
/// error is a few ulps of 1, so the relative error stays below about 1e-13). Otherwise
/// statrs' incomplete-beta form. The series is several times faster at the df of typical
/// sample sizes.
fn central_t_sf(t: &StudentsT, df: f64, x: f64) -> f64 {
    if !((1.0..=SERIES_MAX_DF).contains(&df) && df.fract() == 0.0 && x.is_finite()) {
        return t.sf(x);
    }
    let nu = df as u32;
    let r = x.abs() / df.sqrt();
    let hyp = r.hypot(1.0);
    let sin = r / hyp;
    let cos = 1.0 / hyp;
    let cos2 = cos * cos;
    let a = if nu % 2 == 1 {
        let theta = r.atan();
        let mut sum = 0.0;
        if nu > 1 {
            let mut term = 1.0;
            sum = 1.0;
            let mut k = 1;
            while 2 * k < nu - 2 {
                term *= cos2 * (2 * k) as f64 / (2 * k + 1) as f64;
                sum += term;
                k += 1;
            }
        }
        std::f64::consts::FRAC_2_PI * (theta + sin * cos * sum)
    } else {
        let mut term = 1.0;
        let mut sum = 1.0;
        let mut k = 1;
        while 2 * k <= nu - 2 {
            term *= cos2 * (2 * k - 1) as f64 / (2 * k) as f64;
            sum += term;
            k += 1;
        }
        sin * sum
    };
    let a = a.clamp(0.0, 1.0);
    let upper = if x >= 0.0 {
        0.5 * (1.0 - a)
    } else {
        0.5 * (1.0 + a)
    };
    // 1 - A cancels: keep the series only where its absolute error (a few ulps of 1) is
    // small relative to the tail.
    if upper >= 1e-3 { upper } else { t.sf(x) }
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
            // A sum of two tails: absolute accuracy is what the power needs, and it lets the
            // minor (opposite-region) tail come from the fast series too.
            dist.sf_absolute(c) + dist.cdf_absolute(-c)
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
    fn central_tail_matches_mpmath() {
        // mpmath (30 digits): betainc(df/2, 1/2, 0, df/(df + x^2), regularized=True) / 2
        let cases = [
            (1.0, 1.96, 0.150_171_445_888_016_6),
            (2.0, -0.5, 0.666_666_666_666_666_7),
            (3.0, 2.5, 0.043_853_323_504_032_77),
            (4.0, 8.0, 0.000_661_948_454_608_583_9),
            (7.0, 30.0, 5.894_234_440_366_57e-9),
            (29.0, 1.0, 0.162_790_994_008_096_77),
            (60.0, 1.0, 0.160_663_251_646_623_07),
            (59.0, 2.5, 0.007_609_570_973_816_889),
            (999.0, 1.96, 0.025_136_731_366_905_45),
            (45.0, 0.1, 0.460_394_257_336_019_72),
        ];
        for (df, x, want) in cases {
            let t = StudentsT::new(0.0, 1.0, df).unwrap();
            let got = central_t_sf(&t, df, x);
            assert!(
                ((got - want) / want).abs() < 1e-12,
                "df {df}, x {x}: {got} vs {want}"
            );
        }
        for nu in 1..=60u32 {
            let df = nu as f64;
            let t = StudentsT::new(0.0, 1.0, df).unwrap();
            for &x in &[-3.0, -0.5, 0.0, 0.1, 1.0, 1.96, 2.5, 4.0] {
                // statrs' incomplete beta is itself good to about 1e-13 here.
                assert!((central_t_sf(&t, df, x) - t.sf(x)).abs() < 1e-12);
            }
        }
    }

    #[test]
    fn critical_values_match_r_qt() {
        // R: qt(0.975, c(1, 2, 5, 30, 1000)), qt(0.995, 3)
        let cases = [
            (1.0, 0.025, 12.706204736174694),
            (2.0, 0.025, 4.302_652_729_749_462),
            (5.0, 0.025, 2.5705818356363137),
            (30.0, 0.025, 2.0422724563012378),
            (1000.0, 0.025, 1.9623390808264076),
            (3.0, 0.005, 5.840_909_309_733_354),
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
