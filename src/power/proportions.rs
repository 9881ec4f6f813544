//! Two independent proportions: normal approximations, Cohen's h and Fisher's exact test.

use super::common::{
    Design, Model, Settings, check_ratio, design_methods, min_n1_for_ratio, second_group,
};
use super::t_core::{phi, z_alpha, z_sum};
use crate::Alternative;
use crate::error::{Error, Result};

/// The largest group-1 n that Fisher's exact power is computed for (and a sample-size scan
/// looks at).
///
/// # Examples
///
/// ```
/// use outcome_stats::power::{FISHER_MAX_N, ProportionTest, TwoProportions};
/// let fisher = TwoProportions::new(0.3).test(ProportionTest::FisherExact);
/// assert!(fisher.power(0.2, FISHER_MAX_N).is_ok());
/// assert!(fisher.power(0.2, FISHER_MAX_N + 1).is_err());
/// ```
pub const FISHER_MAX_N: usize = 500;
/// The largest total n1 + n2 that Fisher's exact power is computed for.
///
/// # Examples
///
/// ```
/// use outcome_stats::power::{FISHER_MAX_TOTAL, ProportionTest, TwoProportions};
/// // With 4 treatment patients per control, n1 is capped at 2500 / 5 = 500.
/// let fisher = TwoProportions::new(0.3).ratio(4.0).test(ProportionTest::FisherExact);
/// assert_eq!(FISHER_MAX_TOTAL, 2500);
/// assert!(fisher.power(0.2, 501).is_err());
/// ```
pub const FISHER_MAX_TOTAL: usize = 2500;

/// The test whose power [`TwoProportions`] computes.
///
/// # Examples
///
/// ```
/// use outcome_stats::power::{ProportionTest, TwoProportions};
/// let d = TwoProportions::new(0.3).test(ProportionTest::FisherExact);
/// assert!(d.power(0.4, 20)? < TwoProportions::new(0.3).power(0.4, 20)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ProportionTest {
    /// The z test with the variance pooled under the null, normal approximation (as R's
    /// `power.prop.test(strict = TRUE)`, generalised to unequal groups).
    #[default]
    NormalPooled,
    /// The same z test with the Yates continuity correction (1/n1 + 1/n2) / 2 subtracted from
    /// |p2 - p1| (Fleiss, Levin & Paik 2003, ch. 4).
    NormalPooledContinuity,
    /// The arcsine test on Cohen's h = 2 asin(sqrt(p2)) - 2 asin(sqrt(p1)), as `pwr.2p.test`
    /// and `pwr.2p2n.test`.
    CohenH,
    /// Fisher's exact test (conditional on the total responders), exact power by enumeration.
    FisherExact,
}

/// Power for comparing two responder rates (treatment vs control).
///
/// Built from the control group's rate of a favourable binary outcome (a responder, for
/// example a patient with at least 30% or 50% pain reduction); `effect` is the treatment
/// rate minus the control rate, positive when the treatment is better. For an unfavourable
/// event (rescue medication, dropout for lack of effect) pass the rate of its complement
/// (1 - rate), so that positive still means better. `n` is the control group (group 1);
/// the treatment group has n2 = ceil(k n).
///
/// # Method
///
/// With p1 the control rate, p2 = p1 + effect, delta = p2 - p1, pbar = (n1 p1 + n2 p2) / N,
/// se0 = sqrt(pbar (1 - pbar) (1/n1 + 1/n2)) (pooled, under the null),
/// se1 = sqrt(p1 (1 - p1)/n1 + p2 (1 - p2)/n2), and z_a the upper alpha (one-sided) or alpha/2
/// (two-sided) normal quantile:
///
/// - [`ProportionTest::NormalPooled`]: `Greater` power = Phi((delta - z_a se0) / se1),
///   `Less` Phi((-delta - z_a se0) / se1), two-sided their sum (both rejection regions, as
///   `power.prop.test(strict = TRUE)`, which it equals for n1 = n2).
/// - [`ProportionTest::NormalPooledContinuity`]: the same with c = (1/n1 + 1/n2)/2 subtracted
///   from each numerator: the power of the Yates-corrected test. The corrected sample size of
///   Fleiss, Levin & Paik (2003, ch. 4; Fleiss, Tytun & Ury 1980),
///   n' = (n/4) [1 + sqrt(1 + 2 (k + 1) / (k n |delta|))]^2, is its approximate inverse and
///   serves as the search's start; the answer is the exact integer inverse of this power.
/// - [`ProportionTest::CohenH`]: h = 2 asin(sqrt(p2)) - 2 asin(sqrt(p1)),
///   power = Phi(h s - z_a) (+ Phi(-h s - z_a) two-sided), s = sqrt(n1 n2 / N).
/// - [`ProportionTest::FisherExact`]: all (n1 + 1)(n2 + 1) tables are enumerated; given the
///   total responders the treatment count is hypergeometric, a table is rejected when its
///   p-value is at most alpha (two-sided: the sum of the probabilities of the tables no more
///   probable than the observed one, with R `fisher.test`'s relative tolerance 1e-7;
///   one-sided: the hypergeometric tail), and power is the binomial probability of the
///   rejected tables. A p-value exactly equal to alpha rejects (compared with a relative
///   allowance of 1e-10 for rounding): R's `fisher.test` and scipy compute some such ties a
///   hair above alpha (0.10000000000000003 for the table \[\[3, 0\], \[0, 3\]\]) and do not
///   reject, so their brute-force power can be lower at those n. Fisher's power saw-tooths in n, so the sample size is the smallest n
///   reaching the target found by scanning n = 2, 3, ... (a larger n can fall below the
///   target again); the scan stops at n1 = [`FISHER_MAX_N`] (and n1 + n2 =
///   [`FISHER_MAX_TOTAL`]); above, use a normal approximation.
///
/// # References
///
/// Fleiss JL, Levin B, Paik MC (2003). *Statistical Methods for Rates and Proportions*, 3rd
/// ed., ch. 4. Wiley.
/// Fleiss JL, Tytun A, Ury HK (1980). A simple approximation for calculating sample sizes for
/// comparing independent proportions. *Biometrics* 36:343-346.
/// Cohen J (1988). *Statistical Power Analysis for the Behavioral Sciences*, 2nd ed., ch. 6.
/// Fisher RA (1935). The logic of inductive inference. *Journal of the Royal Statistical
/// Society* 98:39-82.
///
/// # Examples
///
/// ```
/// use outcome_stats::power::TwoProportions;
/// // Placebo responders 30.8% (>= 30% relief, fibromyalgia); treatment 50.8%.
/// let s = TwoProportions::new(0.308).sample_size(0.2, 0.8)?;
/// assert!(s.n > 80 && s.n < 110);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TwoProportions {
    control_rate: f64,
    ratio: f64,
    test: ProportionTest,
    settings: Settings,
}

impl TwoProportions {
    /// A comparison with control-group responder rate `control_rate` (checked, in (0, 1),
    /// when a question is asked), equal allocation, [`ProportionTest::NormalPooled`].
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::power::TwoProportions;
    /// assert!(TwoProportions::new(0.2).power(0.2, 100)? > 0.8);
    /// assert!(TwoProportions::new(1.2).power(0.2, 100).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(control_rate: f64) -> TwoProportions {
        TwoProportions {
            control_rate,
            ratio: 1.0,
            test: ProportionTest::NormalPooled,
            settings: Settings::default(),
        }
    }

    /// Sets the allocation ratio k: n2 = ceil(k n1) (default 1).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::power::TwoProportions;
    /// let s = TwoProportions::new(0.3).ratio(2.0).sample_size(0.2, 0.8)?;
    /// assert_eq!(s.groups[1], 2 * s.n);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn ratio(mut self, ratio: f64) -> Self {
        self.ratio = ratio;
        self
    }

    /// Sets the test (default [`ProportionTest::NormalPooled`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::power::{ProportionTest, TwoProportions};
    /// let plain = TwoProportions::new(0.3).sample_size(0.2, 0.8)?.n;
    /// let cc = TwoProportions::new(0.3)
    ///     .test(ProportionTest::NormalPooledContinuity)
    ///     .sample_size(0.2, 0.8)?
    ///     .n;
    /// assert!(cc > plain);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn test(mut self, test: ProportionTest) -> Self {
        self.test = test;
        self
    }

    fn normal_power(&self, effect: f64, n1: f64, n2: f64, correct: bool) -> f64 {
        let p1 = self.control_rate;
        let p2 = p1 + effect;
        let big_n = n1 + n2;
        let pbar = (n1 * p1 + n2 * p2) / big_n;
        let inv = 1.0 / n1 + 1.0 / n2;
        let se0 = (pbar * (1.0 - pbar) * inv).sqrt();
        let se1 = (p1 * (1.0 - p1) / n1 + p2 * (1.0 - p2) / n2).sqrt();
        let cc = if correct { 0.5 * inv } else { 0.0 };
        let za = z_alpha(self.settings.alpha, self.settings.alternative);
        let c = za * se0 + cc;
        let up = phi((effect - c) / se1);
        let down = phi((-effect - c) / se1);
        match self.settings.alternative {
            Alternative::Greater => up,
            Alternative::Less => down,
            Alternative::TwoSided => up + down,
        }
    }

    fn cohen_h(&self, effect: f64) -> f64 {
        let p1 = self.control_rate;
        let p2 = p1 + effect;
        2.0 * p2.sqrt().asin() - 2.0 * p1.sqrt().asin()
    }

    fn h_power(&self, effect: f64, n1: f64, n2: f64) -> f64 {
        let h = self.cohen_h(effect);
        let s = (n1 * n2 / (n1 + n2)).sqrt();
        let za = z_alpha(self.settings.alpha, self.settings.alternative);
        let up = phi(h * s - za);
        let down = phi(-h * s - za);
        match self.settings.alternative {
            Alternative::Greater => up,
            Alternative::Less => down,
            Alternative::TwoSided => up + down,
        }
    }

    fn fisher_max_n(&self) -> usize {
        let mut n =
            FISHER_MAX_N.min((FISHER_MAX_TOTAL as f64 / (1.0 + self.ratio)).ceil() as usize);
        while n > 0 && n + second_group(n, self.ratio) > FISHER_MAX_TOTAL {
            n -= 1;
        }
        n
    }
}

/// ln(k!) for k = 0..=n.
fn ln_factorials(n: usize) -> Vec<f64> {
    let mut v = Vec::with_capacity(n + 1);
    let mut acc = 0.0;
    v.push(0.0);
    for k in 1..=n {
        acc += (k as f64).ln();
        v.push(acc);
    }
    v
}

fn binomial_pmf(n: usize, p: f64, lf: &[f64]) -> Vec<f64> {
    let lp = p.ln();
    let lq = (-p).ln_1p();
    (0..=n)
        .map(|k| {
            // 0 * ln(0) counts as 0, so rates that round to 0 or 1 stay well defined.
            let hits = if k > 0 { k as f64 * lp } else { 0.0 };
            let misses = if n > k { (n - k) as f64 * lq } else { 0.0 };
            (lf[n] - lf[k] - lf[n - k] + hits + misses).exp()
        })
        .collect()
}

/// Exact power of Fisher's exact test: control n1 with rate p1, treatment n2 with rate p2.
pub(crate) fn fisher_power(
    n1: usize,
    n2: usize,
    p1: f64,
    p2: f64,
    alpha: f64,
    alternative: Alternative,
) -> f64 {
    const REL_ERR: f64 = 1.0 + 1e-7;
    // p-values exactly equal to alpha (ties, e.g. 2/20 at alpha 0.1) reject, whatever the
    // rounding of their floating-point sums.
    let alpha = alpha * (1.0 + 1e-10);
    let big_n = n1 + n2;
    let lf = ln_factorials(big_n.max(1));
    let b1 = binomial_pmf(n1, p1, &lf);
    let b2 = binomial_pmf(n2, p2, &lf);
    let mut f: Vec<f64> = Vec::with_capacity(n1.min(n2) + 1);
    let mut order: Vec<usize> = Vec::with_capacity(n1.min(n2) + 1);
    let mut power = 0.0;
    for m in 0..=big_n {
        // Treatment responders x in [lo, hi] given m responders in all.
        let lo = m.saturating_sub(n1);
        let hi = m.min(n2);
        let len = hi - lo + 1;
        if len < 2 {
            continue; // one possible table: p-value 1
        }
        // Hypergeometric weights by the ratio recurrence from the mode (weight 1 there).
        let mode = (((m + 1) as f64) * ((n2 + 1) as f64) / ((big_n + 2) as f64)).floor() as usize;
        let mode = mode.clamp(lo, hi);
        f.clear();
        f.resize(len, 0.0);
        f[mode - lo] = 1.0;
        let ratio_up = |x: usize| -> f64 {
            // f(x + 1) / f(x)
            ((n2 - x) as f64 * (m - x) as f64) / (((x + 1) as f64) * ((n1 + x + 1 - m) as f64))
        };
        for x in mode..hi {
            f[x + 1 - lo] = f[x - lo] * ratio_up(x);
        }
        for x in (lo..mode).rev() {
            f[x - lo] = f[x + 1 - lo] / ratio_up(x);
        }
        let total: f64 = f.iter().sum();
        for v in f.iter_mut() {
            *v /= total;
        }
        let weight = |x: usize| b2[x] * b1[m - x];
        match alternative {
            Alternative::Greater => {
                let mut cum = 0.0;
                for x in (lo..=hi).rev() {
                    cum += f[x - lo];
                    if cum <= alpha {
                        power += weight(x);
                    } else {
                        break;
                    }
                }
            }
            Alternative::Less => {
                let mut cum = 0.0;
                for x in lo..=hi {
                    cum += f[x - lo];
                    if cum <= alpha {
                        power += weight(x);
                    } else {
                        break;
                    }
                }
            }
            Alternative::TwoSided => {
                // Merge the two tails inward: ascending order of probability.
                let (mut l, mut r) = (0usize, len - 1);
                order.clear();
                loop {
                    if f[l] <= f[r] {
                        order.push(l);
                        if l == r {
                            break;
                        }
                        l += 1;
                    } else {
                        order.push(r);
                        if r == l {
                            break;
                        }
                        r -= 1;
                    }
                }
                let mut j = 0usize;
                let mut cum = 0.0;
                for &k in &order {
                    let limit = f[k] * REL_ERR;
                    while j < order.len() && f[order[j]] <= limit {
                        cum += f[order[j]];
                        j += 1;
                    }
                    if cum <= alpha {
                        power += weight(lo + k);
                    } else {
                        break;
                    }
                }
            }
        }
    }
    power.clamp(0.0, 1.0)
}

impl Model for TwoProportions {
    fn settings(&self) -> &Settings {
        &self.settings
    }

    fn check(&self) -> Result<()> {
        if !(self.control_rate > 0.0 && self.control_rate < 1.0) {
            return Err(Error::InvalidParameter {
                name: "control_rate",
                value: self.control_rate,
                expected: "in (0, 1)",
            });
        }
        check_ratio(self.ratio)
    }

    fn min_n(&self) -> usize {
        min_n1_for_ratio(2, 2, self.ratio)
    }

    fn what(&self) -> &'static str {
        match self.test {
            ProportionTest::FisherExact => {
                "Fisher's exact test (n per group: each group at least 2, n1 at most 500, n1 + n2 at most 2500)"
            }
            _ => "a two-proportion test (n per group, each group at least 2)",
        }
    }

    fn power_unchecked(&self, effect: f64, n: usize) -> Result<f64> {
        let n2 = second_group(n, self.ratio);
        let (n1f, n2f) = (n as f64, n2 as f64);
        let p = match self.test {
            ProportionTest::NormalPooled => self.normal_power(effect, n1f, n2f, false),
            ProportionTest::NormalPooledContinuity => self.normal_power(effect, n1f, n2f, true),
            ProportionTest::CohenH => self.h_power(effect, n1f, n2f),
            ProportionTest::FisherExact => fisher_power(
                n,
                n2,
                self.control_rate,
                self.control_rate + effect,
                self.settings.alpha,
                self.settings.alternative,
            ),
        };
        if p.is_finite() {
            Ok(p.clamp(0.0, 1.0))
        } else {
            Err(Error::NoConvergence {
                what: "two-proportion power",
                iterations: 0,
            })
        }
    }

    fn start_n(&self, effect: f64, target: f64) -> f64 {
        let s = &self.settings;
        let za = z_alpha(s.alpha, s.alternative);
        let zb = z_sum(s.alpha, s.alternative, target) - za;
        let k = self.ratio;
        let p1 = self.control_rate;
        let p2 = p1 + effect;
        let pbar = (p1 + k * p2) / (1.0 + k);
        let plain = (za * (pbar * (1.0 - pbar) * (1.0 + 1.0 / k)).sqrt()
            + zb * (p1 * (1.0 - p1) + p2 * (1.0 - p2) / k).sqrt())
        .powi(2)
            / (effect * effect);
        match self.test {
            ProportionTest::NormalPooled => plain,
            ProportionTest::NormalPooledContinuity => {
                let a = 1.0 + 2.0 * (k + 1.0) / (k * plain * effect.abs());
                plain / 4.0 * (1.0 + a.sqrt()).powi(2)
            }
            ProportionTest::CohenH => {
                let h = self.cohen_h(effect);
                (1.0 + 1.0 / k) * (za + zb).powi(2) / (h * h)
            }
            ProportionTest::FisherExact => 2.0,
        }
    }

    fn groups(&self, n: usize) -> Vec<usize> {
        vec![n, second_group(n, self.ratio)]
    }

    fn effect_bounds(&self) -> (f64, f64) {
        (-self.control_rate, 1.0 - self.control_rate)
    }

    fn mde_start(&self, n: usize, target: f64) -> f64 {
        let s = &self.settings;
        let n1 = n as f64;
        let n2 = second_group(n, self.ratio) as f64;
        let h = z_sum(s.alpha, s.alternative, target) / (n1 * n2 / (n1 + n2)).sqrt();
        let base = self.control_rate.sqrt().asin();
        let sign = if s.alternative == Alternative::Less {
            -1.0
        } else {
            1.0
        };
        let a = (base + sign * h / 2.0).clamp(0.0, std::f64::consts::FRAC_PI_2);
        (a.sin().powi(2) - self.control_rate).abs()
    }

    fn max_n(&self) -> usize {
        match self.test {
            ProportionTest::FisherExact => self.fisher_max_n(),
            _ => super::common::MAX_N,
        }
    }

    fn scan(&self) -> bool {
        self.test == ProportionTest::FisherExact
    }

    fn design(&self) -> Design {
        Design::TwoProportions {
            control_rate: self.control_rate,
            ratio: self.ratio,
            test: self.test,
        }
    }
}

design_methods!(TwoProportions, "TwoProportions::new(0.3)", "0.3", "30");
