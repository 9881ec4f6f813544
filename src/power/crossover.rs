//! The AB/BA (2x2) crossover.

use super::common::{Design, Model, Settings, design_methods};
use super::t_core::{t_power, z_alpha, z_sum};
use crate::error::{Error, Result};

/// How the within-patient SD was given.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
enum Within {
    Sd(f64),
    Correlation(f64),
}

/// Power of an AB/BA crossover with the period effect in the model, as PowerTOST's 2x2 design.
///
/// `n` is all patients, an even number in two equal sequence groups. `effect` is
/// d = (difference in means, improvement-signed) / sigma with sigma the outcome's SD between
/// patients, the scale of [`TTest::two_sample`](super::TTest::two_sample), so designs compare
/// on one scale.
///
/// # Method
///
/// The treatment difference, estimated from the period differences of the two sequence
/// groups, has standard error sigma_w sqrt(2 / n) on df = n - 2, where sigma_w is the
/// within-patient (residual) SD, given as a fraction of sigma
/// ([`with_within_sd`](Self::with_within_sd)) or through the correlation rho between a
/// patient's two periods, sigma_w = sigma sqrt(1 - rho)
/// ([`with_correlation`](Self::with_correlation)). The t statistic follows a noncentral t
/// with df = n - 2 and ncp = d / ((sigma_w / sigma) sqrt(2 / n)); power as for
/// [`TTest`](super::TTest). Admissible n are even and at least 4; the previous admissible n
/// of a sample size is n - 2.
///
/// Carry-over: the model assumes none (a washout long enough for the treatment's effect to
/// vanish). A carry-over test inside the same trial has little power and the two-stage
/// procedure that uses it inflates the type I error (Freeman 1989), so plan the washout, do
/// not test for carry-over.
///
/// # References
///
/// Senn S (2002). *Cross-over Trials in Clinical Research*, 2nd ed. Wiley.
/// Freeman PR (1989). The performance of the two-stage analysis of two-treatment, two-period
/// crossover trials. *Statistics in Medicine* 8:1421-1432.
/// Labes D, Schütz H, Lang B. PowerTOST: Power and sample size for (bio)equivalence
/// studies. R package (design "2x2", bk = 2).
///
/// # Examples
///
/// ```
/// use outcome_stats::power::{Crossover2x2, TTest};
/// // With rho = 0.5 between periods, a crossover needs far fewer patients.
/// let x = Crossover2x2::with_correlation(0.5).sample_size(0.5, 0.8)?;
/// assert!(x.n % 2 == 0 && x.total < TTest::two_sample().sample_size(0.5, 0.8)?.total / 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Crossover2x2 {
    within: Within,
    settings: Settings,
}

impl Crossover2x2 {
    /// A crossover whose within-patient SD is `within_sd` times sigma (checked positive).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::power::Crossover2x2;
    /// let a = Crossover2x2::with_within_sd(0.5f64.sqrt()).power(0.5, 30)?;
    /// let b = Crossover2x2::with_correlation(0.5).power(0.5, 30)?;
    /// assert!((a - b).abs() < 1e-12);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_within_sd(within_sd: f64) -> Crossover2x2 {
        Crossover2x2 {
            within: Within::Sd(within_sd),
            settings: Settings::default(),
        }
    }

    /// A crossover whose periods correlate `correlation` within patients (checked, in (-1, 1)):
    /// sigma_w = sigma sqrt(1 - rho).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::power::Crossover2x2;
    /// assert!(Crossover2x2::with_correlation(0.7).power(0.5, 30)? > 0.8);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_correlation(correlation: f64) -> Crossover2x2 {
        Crossover2x2 {
            within: Within::Correlation(correlation),
            settings: Settings::default(),
        }
    }

    fn within_sd(&self) -> f64 {
        match self.within {
            Within::Sd(s) => s,
            Within::Correlation(r) => (1.0 - r).sqrt(),
        }
    }

    fn ncp(&self, effect: f64, n: usize) -> f64 {
        effect / (self.within_sd() * (2.0 / n as f64).sqrt())
    }
}

impl Model for Crossover2x2 {
    fn settings(&self) -> &Settings {
        &self.settings
    }

    fn check(&self) -> Result<()> {
        match self.within {
            Within::Sd(s) if !(s > 0.0 && s.is_finite()) => Err(Error::InvalidParameter {
                name: "within_sd",
                value: s,
                expected: "positive and finite (a fraction of sigma)",
            }),
            Within::Correlation(r) if !(r > -1.0 && r < 1.0) => Err(Error::InvalidParameter {
                name: "correlation",
                value: r,
                expected: "in (-1, 1)",
            }),
            _ => Ok(()),
        }
    }

    fn min_n(&self) -> usize {
        4
    }

    fn step(&self) -> usize {
        2
    }

    fn what(&self) -> &'static str {
        "a 2x2 crossover (n patients, even, at least 4)"
    }

    fn power_unchecked(&self, effect: f64, n: usize) -> Result<f64> {
        t_power(
            n as f64 - 2.0,
            self.ncp(effect, n),
            self.settings.alpha,
            self.settings.alternative,
        )
    }

    fn start_n(&self, effect: f64, target: f64) -> f64 {
        let s = &self.settings;
        let zs = z_sum(s.alpha, s.alternative, target);
        let za = z_alpha(s.alpha, s.alternative);
        let w = self.within_sd();
        2.0 * w * w * zs * zs / (effect * effect) + za * za / 2.0
    }

    fn groups(&self, n: usize) -> Vec<usize> {
        vec![n / 2, n / 2]
    }

    fn mde_start(&self, n: usize, target: f64) -> f64 {
        let s = &self.settings;
        z_sum(s.alpha, s.alternative, target) / self.ncp(1.0, n)
    }

    fn design(&self) -> Design {
        Design::Crossover2x2 {
            within_sd: self.within_sd(),
        }
    }
}

design_methods!(
    Crossover2x2,
    "Crossover2x2::with_correlation(0.5)",
    "0.5",
    "30"
);
