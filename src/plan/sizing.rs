//! The plan's one doorway to the power layer: every power, sample-size and
//! minimal-detectable-effect question the planner asks goes through here, to
//! [`crate::power`]'s `TTest`, `Ancova`, `Crossover2x2`, `TwoProportions` and `NOf1Series`.
//! The plan never computes power itself.

use crate::alternative::Alternative;
use crate::error::Result;
use crate::power::{
    Ancova, Crossover2x2, NOf1Option, NOf1Series, ProportionTest, TTest, TwoProportions,
};

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
        test: ProportionTest,
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

/// Runs `$body` with `$d` bound to the configured power-layer design.
macro_rules! with_design {
    ($spec:expr, $settings:expr, |$d:ident| $body:expr) => {{
        let s: Settings = $settings;
        match $spec {
            Spec::Parallel => {
                let $d = TTest::two_sample()
                    .alpha(s.alpha)
                    .alternative(s.alternative);
                $body
            }
            Spec::Ancova { rho } => {
                let $d = Ancova::new(rho).alpha(s.alpha).alternative(s.alternative);
                $body
            }
            Spec::Crossover { rho } => {
                let $d = Crossover2x2::with_correlation(rho)
                    .alpha(s.alpha)
                    .alternative(s.alternative);
                $body
            }
            Spec::Responders { control_rate, test } => {
                let $d = TwoProportions::new(control_rate)
                    .test(test)
                    .alpha(s.alpha)
                    .alternative(s.alternative);
                $body
            }
            Spec::NOf1 {
                cycles,
                within_fraction,
                effect_sd_fraction,
            } => {
                let $d = NOf1Series::new(cycles, within_fraction, effect_sd_fraction)
                    .alpha(s.alpha)
                    .alternative(s.alternative);
                $body
            }
        }
    }};
}

/// Smallest n reaching `target` power at `effect`.
pub(crate) fn sample_size(
    spec: Spec,
    settings: Settings,
    effect: f64,
    target: f64,
) -> Result<Sized> {
    let s = with_design!(spec, settings, |d| d.sample_size(effect, target))?;
    Ok(Sized {
        n: s.n,
        achieved_power: s.achieved_power,
    })
}

/// Power at `n` (the power layer's counting) and `effect`.
pub(crate) fn power(spec: Spec, settings: Settings, effect: f64, n: usize) -> Result<f64> {
    with_design!(spec, settings, |d| d.power(effect, n))
}

/// Smallest effect detectable with `target` power at `n`.
pub(crate) fn min_detectable_effect(
    spec: Spec,
    settings: Settings,
    n: usize,
    target: f64,
) -> Result<f64> {
    with_design!(spec, settings, |d| d.min_detectable_effect(n, target))
}

/// Patients needed by a series of N-of-1 trials for one number of cycles (dropout applied to
/// `patients_enrolled`); `None` for a spec that is not an N-of-1 series.
pub(crate) fn nof1_option(
    spec: Spec,
    settings: Settings,
    dropout: f64,
    effect: f64,
    target: f64,
    cycles: usize,
) -> Result<Option<NOf1Option>> {
    let Spec::NOf1 {
        within_fraction,
        effect_sd_fraction,
        ..
    } = spec
    else {
        return Ok(None);
    };
    let rows = NOf1Series::new(cycles, within_fraction, effect_sd_fraction)
        .alpha(settings.alpha)
        .alternative(settings.alternative)
        .dropout(dropout)
        .trade_off(effect, target, &[cycles])?;
    Ok(rows.into_iter().next())
}
