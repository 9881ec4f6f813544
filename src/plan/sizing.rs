//! The plan's one doorway to the power layer: every power, sample-size and
//! minimal-detectable-effect question the planner asks goes through here.
//!
//! INTEGRATION POINT (issue 12): the functions below call `crate::power`'s `TTest`, `Ancova`,
//! `Crossover2x2`, `TwoProportions` and `NOf1Series`. The plan never computes power itself.

use crate::alternative::Alternative;
use crate::error::{Error, Result};
use crate::plan::assumptions::ResponderTest;

/// One design as the power layer sees it (effects in that design's own unit).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Spec {
    /// Two-sample t test on change scores; effect d = difference / SD of change.
    Parallel,
    /// ANCOVA with the baseline; effect d = difference / sigma.
    Ancova { rho: f64 },
    /// 2x2 crossover; effect d = difference / sigma; period correlation.
    Crossover { rho: f64 },
    /// Two proportions; effect = treatment rate - control rate.
    Responders {
        control_rate: f64,
        test: ResponderTest,
    },
    /// Series of N-of-1 trials; effect d = difference / sigma; SDs as fractions of sigma.
    NOf1 {
        cycles: usize,
        within_fraction: f64,
        effect_sd_fraction: f64,
    },
}

/// Shared test settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Settings {
    pub alpha: f64,
    pub alternative: Alternative,
}

/// A sample-size answer, in the power layer's counting (before dropout).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Sized {
    /// The n the design counts: per group; all patients for the crossover; patients for N-of-1.
    pub n: usize,
    /// Power achieved at `n`.
    pub achieved_power: f64,
}

fn pending() -> Error {
    Error::Unattainable {
        reason: "the power layer (issue 12) is not integrated into the planner yet".to_string(),
    }
}

/// Smallest n reaching `target` power at `effect`.
pub(crate) fn sample_size(spec: Spec, settings: Settings, effect: f64, target: f64) -> Result<Sized> {
    // INTEGRATION POINT: power::<Design>::sample_size(effect, target) -> SampleSize { n, achieved_power, .. }
    let _ = (spec, settings, effect, target);
    Err(pending())
}

/// Power at `n` (the power layer's counting) and `effect`.
pub(crate) fn power(spec: Spec, settings: Settings, effect: f64, n: usize) -> Result<f64> {
    // INTEGRATION POINT: power::<Design>::power(effect, n)
    let _ = (spec, settings, effect, n);
    Err(pending())
}

/// Smallest effect detectable with `target` power at `n`.
pub(crate) fn min_detectable_effect(spec: Spec, settings: Settings, n: usize, target: f64) -> Result<f64> {
    // INTEGRATION POINT: power::<Design>::min_detectable_effect(n, target)
    let _ = (spec, settings, n, target);
    Err(pending())
}
