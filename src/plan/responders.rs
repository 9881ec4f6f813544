//! Responder rates of a treatment arm under the normal shift model.

use crate::error::{Error, Result};
use statrs::distribution::{ContinuousCDF, Normal};

/// The treatment arm's responder rate when its change is the placebo arm's shifted by
/// `effect` points.
///
/// # Method
///
/// Model each arm's improvement as normal with the SD of change `s`; the placebo arm's
/// responder threshold then sits at `z0 = Phi^-1(1 - p0)` SDs above its mean. Shifting the
/// mean by `effect` gives the treatment rate `p1 = Phi(Phi^-1(p0) + effect / s)`. The
/// threshold (30% or 50% of the baseline) never needs to be known: the placebo rate fixes it.
///
/// # Errors
///
/// [`Error::InvalidParameter`] for `placebo_rate` outside (0, 1), a non-finite effect or a
/// non-positive SD.
///
/// # Examples
///
/// ```
/// use outcome_stats::plan::shifted_responder_rate;
/// // 30.8% placebo responders, effect of one SD of change.
/// let p1 = shifted_responder_rate(0.308, 2.5, 2.5)?;
/// assert!(p1 > 0.308 && p1 < 1.0);
/// assert!((shifted_responder_rate(0.308, 0.0, 2.5)? - 0.308).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn shifted_responder_rate(placebo_rate: f64, effect: f64, sd_change: f64) -> Result<f64> {
    if !(placebo_rate > 0.0 && placebo_rate < 1.0) {
        return Err(Error::InvalidParameter {
            name: "placebo_rate",
            value: placebo_rate,
            expected: "a responder rate in (0, 1)",
        });
    }
    if !effect.is_finite() {
        return Err(Error::InvalidParameter {
            name: "effect",
            value: effect,
            expected: "a finite effect in scale points",
        });
    }
    if !(sd_change > 0.0 && sd_change.is_finite()) {
        return Err(Error::InvalidParameter {
            name: "sd_change",
            value: sd_change,
            expected: "a positive finite SD in scale points",
        });
    }
    let z = Normal::standard();
    let shift = z.inverse_cdf(placebo_rate) + effect / sd_change;
    // For a large shift the upper tail is the accurate side.
    Ok(if shift > 0.0 {
        z.sf(-shift)
    } else {
        z.cdf(shift)
    })
}

/// The shift in scale points that turns the placebo rate `placebo_rate` into the treatment
/// rate `treatment_rate` under the normal shift model: the inverse of
/// [`shifted_responder_rate`].
///
/// # Method
///
/// `effect = s (Phi^-1(p1) - Phi^-1(p0))`.
///
/// # Errors
///
/// [`Error::InvalidParameter`] for rates outside (0, 1) or a non-positive SD.
///
/// # Examples
///
/// ```
/// use outcome_stats::plan::{responder_shift, shifted_responder_rate};
/// let p1 = shifted_responder_rate(0.188, 1.5, 2.5)?;
/// assert!((responder_shift(0.188, p1, 2.5)? - 1.5).abs() < 1e-9);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn responder_shift(placebo_rate: f64, treatment_rate: f64, sd_change: f64) -> Result<f64> {
    for (name, v) in [
        ("placebo_rate", placebo_rate),
        ("treatment_rate", treatment_rate),
    ] {
        if !(v > 0.0 && v < 1.0) {
            return Err(Error::InvalidParameter {
                name,
                value: v,
                expected: "a responder rate in (0, 1)",
            });
        }
    }
    if !(sd_change > 0.0 && sd_change.is_finite()) {
        return Err(Error::InvalidParameter {
            name: "sd_change",
            value: sd_change,
            expected: "a positive finite SD in scale points",
        });
    }
    let z = Normal::standard();
    Ok(sd_change * (z.inverse_cdf(treatment_rate) - z.inverse_cdf(placebo_rate)))
}
