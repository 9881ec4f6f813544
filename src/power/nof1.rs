//! A series of N-of-1 crossover trials.

use super::common::{Design, Model, Settings, design_methods, sample_size};
use super::t_core::{t_power, z_alpha, z_sum};
use crate::error::{Error, Result};

/// Power of a series of N-of-1 crossover trials (m patients x c cycles), analysed by a
/// one-sample t test on the patients' mean within-patient differences.
///
/// `n` is the number of patients m. Each cycle is a treatment and a placebo period in random
/// order. `effect` is d = (mean treatment-placebo difference, improvement-signed) / sigma, with
/// sigma the outcome's SD between patients, the scale of
/// [`TTest::two_sample`](super::TTest::two_sample).
///
/// # Method
///
/// A patient's mean difference over c cycles has variance 2 sigma_w^2 / c + tau^2, where
/// sigma_w is the within-patient SD of a period's mean outcome and tau the SD of the
/// treatment effect across patients, both as fractions of sigma. The t statistic on m
/// patients follows a noncentral t with df = m - 1 and
///
/// ncp = d sqrt(m) / sqrt(2 sigma_w^2 / c + tau^2);
///
/// power as for [`TTest`](super::TTest). Patients and cycles trade: more cycles shrink only
/// the within-patient part, so with tau > 0 power for m patients can never exceed the power
/// of ncp = d sqrt(m) / tau however many cycles are run; more patients shrink both parts.
/// [`trade_off`](Self::trade_off) lists the patients needed for each number of cycles.
///
/// # References
///
/// Zucker DR, Schmid CH, McIntosh MW, D'Agostino RB, Selker HP, Lau J (1997). Combining
/// single patient (N-of-1) trials to estimate population treatment effects and to evaluate
/// individual patient responses to treatment. *Journal of Clinical Epidemiology* 50:401-410.
/// Senn S (2016). Mastering variation: variance components and personalised medicine.
/// *Statistics in Medicine* 35:966-977.
///
/// # Examples
///
/// ```
/// use outcome_stats::power::NOf1Series;
/// // 3 cycles, within-patient SD 0.5 sigma, treatment-effect SD 0.3 sigma.
/// let s = NOf1Series::new(3, 0.5, 0.3).sample_size(0.5, 0.8)?;
/// assert!(s.n >= 2 && s.achieved_power >= 0.8);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct NOf1Series {
    cycles: usize,
    within_sd: f64,
    effect_sd: f64,
    settings: Settings,
}

/// One row of [`NOf1Series::trade_off`]: the patients needed with a given number of cycles.
///
/// # Examples
///
/// ```
/// use outcome_stats::power::NOf1Series;
/// let rows = NOf1Series::new(1, 0.5, 0.2).trade_off(0.5, 0.8, &[1, 4])?;
/// assert!(rows[1].patients <= rows[0].patients);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct NOf1Option {
    /// Cycles per patient.
    pub cycles: usize,
    /// Patients needed (analysable).
    pub patients: usize,
    /// Patients to enrol after dropout.
    pub patients_enrolled: usize,
    /// Treatment periods in all (2 c m, analysable).
    pub total_periods: usize,
    /// Power at `patients`.
    pub achieved_power: f64,
}

impl NOf1Series {
    /// A series with `cycles` cycles per patient, within-patient SD `within_sd` and
    /// treatment-effect SD `effect_sd` (both fractions of sigma; checked when a question is
    /// asked: cycles at least 1, `within_sd` positive, `effect_sd` non-negative).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::power::NOf1Series;
    /// assert!(NOf1Series::new(4, 0.5, 0.0).power(0.5, 10)? > 0.8);
    /// assert!(NOf1Series::new(0, 0.5, 0.0).power(0.5, 10).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(cycles: usize, within_sd: f64, effect_sd: f64) -> NOf1Series {
        NOf1Series {
            cycles,
            within_sd,
            effect_sd,
            settings: Settings::default(),
        }
    }

    /// Sets the number of cycles per patient.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::power::NOf1Series;
    /// let a = NOf1Series::new(1, 0.5, 0.2);
    /// assert!(a.cycles(4).power(0.5, 10)? > a.power(0.5, 10)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn cycles(mut self, cycles: usize) -> Self {
        self.cycles = cycles;
        self
    }

    /// For each number of cycles in `cycles`, the patients needed to reach `target_power`.
    ///
    /// # Errors
    ///
    /// As [`sample_size`](Self::sample_size), for the first number of cycles that fails
    /// ([`Error::Unattainable`] included).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::power::NOf1Series;
    /// for row in NOf1Series::new(1, 0.6, 0.3).trade_off(0.5, 0.8, &[1, 2, 4, 8])? {
    ///     assert!(row.achieved_power >= 0.8 && row.total_periods == 2 * row.cycles * row.patients);
    /// }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn trade_off(
        &self,
        effect: f64,
        target_power: f64,
        cycles: &[usize],
    ) -> Result<Vec<NOf1Option>> {
        cycles
            .iter()
            .map(|&c| {
                let design = self.cycles(c);
                let s = sample_size(&design, effect, target_power)?;
                Ok(NOf1Option {
                    cycles: c,
                    patients: s.n,
                    patients_enrolled: s.n_enrolled,
                    total_periods: c.saturating_mul(s.n).saturating_mul(2),
                    achieved_power: s.achieved_power,
                })
            })
            .collect()
    }

    fn sd_of_mean_difference(&self) -> f64 {
        (2.0 * self.within_sd * self.within_sd / self.cycles as f64
            + self.effect_sd * self.effect_sd)
            .sqrt()
    }
}

impl Model for NOf1Series {
    fn settings(&self) -> &Settings {
        &self.settings
    }

    fn check(&self) -> Result<()> {
        if self.cycles == 0 {
            return Err(Error::InvalidParameter {
                name: "cycles",
                value: 0.0,
                expected: "at least 1",
            });
        }
        if !(self.within_sd > 0.0 && self.within_sd.is_finite()) {
            return Err(Error::InvalidParameter {
                name: "within_sd",
                value: self.within_sd,
                expected: "positive and finite (a fraction of sigma)",
            });
        }
        if !(self.effect_sd >= 0.0 && self.effect_sd.is_finite()) {
            return Err(Error::InvalidParameter {
                name: "effect_sd",
                value: self.effect_sd,
                expected: "non-negative and finite (a fraction of sigma)",
            });
        }
        Ok(())
    }

    fn min_n(&self) -> usize {
        2
    }

    fn what(&self) -> &'static str {
        "an N-of-1 series (n patients)"
    }

    fn power_unchecked(&self, effect: f64, n: usize) -> Result<f64> {
        let ncp = effect * (n as f64).sqrt() / self.sd_of_mean_difference();
        t_power(
            n as f64 - 1.0,
            ncp,
            self.settings.alpha,
            self.settings.alternative,
        )
    }

    fn start_n(&self, effect: f64, target: f64) -> f64 {
        let s = &self.settings;
        let zs = z_sum(s.alpha, s.alternative, target);
        let za = z_alpha(s.alpha, s.alternative);
        let v = self.sd_of_mean_difference();
        v * v * zs * zs / (effect * effect) + za * za / 2.0
    }

    fn groups(&self, n: usize) -> Vec<usize> {
        vec![n]
    }

    fn mde_start(&self, n: usize, target: f64) -> f64 {
        let s = &self.settings;
        z_sum(s.alpha, s.alternative, target) * self.sd_of_mean_difference() / (n as f64).sqrt()
    }

    fn design(&self) -> Design {
        Design::NOf1Series {
            cycles: self.cycles,
            within_sd: self.within_sd,
            effect_sd: self.effect_sd,
        }
    }
}

design_methods!(NOf1Series, "NOf1Series::new(3, 0.5, 0.3)", "0.5", "30");
