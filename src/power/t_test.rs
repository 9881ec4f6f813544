//! t tests: two-sample (with allocation ratio), one-sample and paired.

use super::common::{
    Design, Model, Settings, check_ratio, design_methods, min_n1_for_ratio, second_group,
};
use super::t_core::{t_power, z_alpha, z_sum};
use crate::error::Result;

/// Which t test.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
enum Kind {
    TwoSample,
    OneSample,
    Paired,
}

/// Power, sample size and minimal detectable effect of a t test, as `pwr.t.test`.
///
/// `effect` is Cohen's d, improvement-signed: for the two-sample test
/// (treatment mean - control mean) / sigma when higher is better, (control mean - treatment
/// mean) / sigma for a lower-is-better outcome such as pain; for the one-sample and paired
/// tests the mean (improvement) difference over the SD of the differences (d_z).
///
/// # Method
///
/// Two-sample, n1 = n and n2 = ceil(k n): T follows a noncentral t with df = n1 + n2 - 2 and
/// ncp = d / sqrt(1/n1 + 1/n2). One-sample and paired, n pairs: df = n - 1, ncp = d sqrt(n).
/// With t_c the upper alpha (one-sided) or alpha/2 (two-sided) critical value of the central
/// t on df:
///
/// - `Greater`: power = P(T > t_c); `Less`: P(T < -t_c);
/// - `TwoSided`: P(T > t_c) + P(T < -t_c) (the opposite rejection region included, as
///   pwr.t.test, G*Power and `power.t.test(strict = TRUE)`).
///
/// The sample-size search starts from the normal approximation with Guenther's (1981)
/// correction, (1 + 1/k)(z_a + z_b)^2 / d^2 + z_a^2 / 4 per group (one-sample:
/// (z_a + z_b)^2 / d^2 + z_a^2 / 2).
///
/// # References
///
/// Cohen J (1988). *Statistical Power Analysis for the Behavioral Sciences*, 2nd ed., ch. 2.
/// Lawrence Erlbaum.
/// Guenther WC (1981). Sample size formulas for normal theory t tests. *The American
/// Statistician* 35:243-244.
/// Champely S (2020). pwr: Basic functions for power analysis. R package.
///
/// # Examples
///
/// ```
/// use outcome_stats::power::TTest;
/// // Cohen's classic: d = 0.5, power 0.80, two-sided alpha 0.05 needs 64 per group.
/// let s = TTest::two_sample().sample_size(0.5, 0.80)?;
/// assert_eq!(s.n, 64);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TTest {
    kind: Kind,
    ratio: f64,
    settings: Settings,
}

impl TTest {
    /// A two-sample (independent groups, pooled variance) t test, equal allocation by default.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::power::TTest;
    /// let p = TTest::two_sample().power(0.5, 64)?;
    /// assert!((p - 0.80146).abs() < 1e-5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn two_sample() -> TTest {
        TTest {
            kind: Kind::TwoSample,
            ratio: 1.0,
            settings: Settings::default(),
        }
    }

    /// A one-sample t test (n observations; `effect` = mean / SD).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::power::TTest;
    /// assert_eq!(TTest::one_sample().sample_size(0.5, 0.8)?.n, 34);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn one_sample() -> TTest {
        TTest {
            kind: Kind::OneSample,
            ratio: 1.0,
            settings: Settings::default(),
        }
    }

    /// A paired t test (n pairs; `effect` = mean difference / SD of the differences).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::power::TTest;
    /// assert_eq!(TTest::paired().sample_size(0.5, 0.8)?.n, 34);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn paired() -> TTest {
        TTest {
            kind: Kind::Paired,
            ratio: 1.0,
            settings: Settings::default(),
        }
    }

    /// Sets the allocation ratio k of the two-sample test: n2 = ceil(k n1) (default 1).
    ///
    /// n1 (the `n` of every question) is the control group. Ignored by the one-sample and
    /// paired tests. A product k n1 within 1e-9 (relative) of an integer counts as that integer.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::power::TTest;
    /// let s = TTest::two_sample().ratio(2.0).sample_size(0.5, 0.8)?;
    /// assert_eq!(s.groups, vec![s.n, 2 * s.n]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn ratio(mut self, ratio: f64) -> Self {
        self.ratio = ratio;
        self
    }

    fn df_ncp(&self, effect: f64, n: usize) -> (f64, f64) {
        match self.kind {
            Kind::TwoSample => {
                let n1 = n as f64;
                let n2 = second_group(n, self.ratio) as f64;
                (n1 + n2 - 2.0, effect / (1.0 / n1 + 1.0 / n2).sqrt())
            }
            Kind::OneSample | Kind::Paired => {
                let nf = n as f64;
                (nf - 1.0, effect * nf.sqrt())
            }
        }
    }

    fn ratio_used(&self) -> f64 {
        match self.kind {
            Kind::TwoSample => self.ratio,
            _ => 1.0,
        }
    }
}

impl Model for TTest {
    fn settings(&self) -> &Settings {
        &self.settings
    }

    fn check(&self) -> Result<()> {
        check_ratio(self.ratio_used())
    }

    fn min_n(&self) -> usize {
        match self.kind {
            // Both groups need at least 2 patients (as pwr.t2n.test).
            Kind::TwoSample => min_n1_for_ratio(2, 2, self.ratio),
            _ => 2,
        }
    }

    fn what(&self) -> &'static str {
        match self.kind {
            Kind::TwoSample => "a two-sample t test (n per group, each group at least 2)",
            Kind::OneSample => "a one-sample t test (n observations)",
            Kind::Paired => "a paired t test (n pairs)",
        }
    }

    fn power_unchecked(&self, effect: f64, n: usize) -> Result<f64> {
        let (df, ncp) = self.df_ncp(effect, n);
        t_power(df, ncp, self.settings.alpha, self.settings.alternative)
    }

    fn start_n(&self, effect: f64, target: f64) -> f64 {
        let s = &self.settings;
        let zs = z_sum(s.alpha, s.alternative, target);
        let za = z_alpha(s.alpha, s.alternative);
        let base = zs * zs / (effect * effect);
        match self.kind {
            Kind::TwoSample => (1.0 + 1.0 / self.ratio) * base + za * za / 4.0,
            _ => base + za * za / 2.0,
        }
    }

    fn groups(&self, n: usize) -> Vec<usize> {
        match self.kind {
            Kind::TwoSample => vec![n, second_group(n, self.ratio)],
            _ => vec![n],
        }
    }

    fn mde_start(&self, n: usize, target: f64) -> f64 {
        let s = &self.settings;
        let (df, unit) = self.df_ncp(1.0, n);
        let _ = df;
        z_sum(s.alpha, s.alternative, target) / unit
    }

    fn design(&self) -> Design {
        match self.kind {
            Kind::TwoSample => Design::TwoSampleT { ratio: self.ratio },
            Kind::OneSample => Design::OneSampleT,
            Kind::Paired => Design::PairedT,
        }
    }
}

design_methods!(TTest, "TTest::two_sample()", "0.5", "30");
