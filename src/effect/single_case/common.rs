//! Shared pieces: phase selection, sizes, normal quantiles, ranks and pair counts.

use crate::effect::{Interval, check_level};
use crate::error::{Error, Result};
use crate::scale::Direction;
use crate::series::Series;
use statrs::distribution::{ContinuousCDF, Normal};

/// Which two phase labels an index compares: a baseline and a treatment.
///
/// The default is `"A"` against `"B"`. All observations carrying a label are used (in a
/// reversal design, A1 and A2 pooled).
///
/// # Examples
///
/// ```
/// use outcome_stats::effect::PhaseLabels;
/// let p = PhaseLabels::new("A", "C");
/// assert_eq!(p.treatment, "C");
/// assert_eq!(PhaseLabels::default().baseline, "A");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct PhaseLabels {
    /// The baseline phase label (default `"A"`).
    pub baseline: String,
    /// The treatment phase label (default `"B"`).
    pub treatment: String,
}

impl Default for PhaseLabels {
    fn default() -> Self {
        PhaseLabels {
            baseline: crate::series::BASELINE.to_string(),
            treatment: crate::series::TREATMENT.to_string(),
        }
    }
}

impl PhaseLabels {
    /// A baseline label and a treatment label.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::effect::PhaseLabels;
    /// assert_eq!(PhaseLabels::new("baseline", "drug").baseline, "baseline");
    /// ```
    pub fn new(baseline: &str, treatment: &str) -> PhaseLabels {
        PhaseLabels {
            baseline: baseline.to_string(),
            treatment: treatment.to_string(),
        }
    }
}

/// The two phases' values and times (series times, or 1-based observation numbers).
pub(crate) struct TwoPhases {
    pub a: Vec<f64>,
    pub b: Vec<f64>,
    pub ta: Vec<f64>,
    pub tb: Vec<f64>,
}

/// Extracts the two phases, checks the level and that each phase has at least `min_a` and
/// `min_b` points.
pub(crate) fn two_phases(
    series: &Series,
    labels: &PhaseLabels,
    level: f64,
    min_a: usize,
    min_b: usize,
    what: &str,
) -> Result<TwoPhases> {
    check_level(level)?;
    if labels.baseline == labels.treatment {
        return Err(Error::PhaseMismatch {
            reason: format!(
                "baseline and treatment labels are both {:?}; they must differ",
                labels.baseline
            ),
        });
    }
    // two_phases checks that both labels are present.
    series.two_phases(&labels.baseline, &labels.treatment)?;
    let times: Vec<f64> = match series.times() {
        Some(t) => t.to_vec(),
        None => (1..=series.len()).map(|i| i as f64).collect(),
    };
    let mut out = TwoPhases {
        a: Vec::new(),
        b: Vec::new(),
        ta: Vec::new(),
        tb: Vec::new(),
    };
    for ((v, p), t) in series.values().iter().zip(series.phases()).zip(&times) {
        if *p == labels.baseline {
            out.a.push(*v);
            out.ta.push(*t);
        } else if *p == labels.treatment {
            out.b.push(*v);
            out.tb.push(*t);
        }
    }
    for (label, len, needed) in [
        (&labels.baseline, out.a.len(), min_a),
        (&labels.treatment, out.b.len(), min_b),
    ] {
        if len < needed {
            return Err(Error::InsufficientData {
                what: format!("phase {label:?} for {what}"),
                needed,
                got: len,
            });
        }
    }
    Ok(out)
}

/// +1 when higher is better, -1 when lower is better.
pub(crate) fn improvement_sign(series: &Series) -> f64 {
    match series.scale().direction() {
        Direction::HigherIsBetter => 1.0,
        Direction::LowerIsBetter => -1.0,
    }
}

/// Orients values so that higher is an improvement.
pub(crate) fn orient(values: &mut [f64], sign: f64) {
    if sign < 0.0 {
        for v in values.iter_mut() {
            *v = -*v;
        }
    }
}

/// The two-sided normal critical value z_{1 - (1 - level) / 2}.
pub(crate) fn z_two_sided(level: f64) -> Result<f64> {
    check_level(level)?;
    let normal = Normal::standard();
    Ok(-normal.inverse_cdf((1.0 - level) / 2.0))
}

/// Wald interval `estimate ± z se`.
pub(crate) fn wald(estimate: f64, se: f64, level: f64) -> Result<Interval> {
    let z = z_two_sided(level)?;
    finite(estimate, "estimate")?;
    finite(se, "standard error")?;
    Interval::new(estimate - z * se, estimate + z * se, level)
}

/// Errors when a computed quantity is not finite (guards against silent NaN or infinity).
pub(crate) fn finite(x: f64, what: &str) -> Result<f64> {
    if x.is_finite() {
        Ok(x)
    } else {
        Err(Error::InvalidData {
            reason: format!("the {what} is not finite ({x}); the data cannot support it"),
        })
    }
}

/// Mean and sample variance (n - 1 denominator; 0 for n = 1), from [`crate::numeric::moments`].
pub(crate) fn mean_var(x: &[f64]) -> (f64, f64) {
    let m = crate::numeric::moments(x);
    (m.mean, m.var)
}

/// Median (average of the two middle values for an even count), of a non-empty slice.
pub(crate) fn median(x: &[f64]) -> f64 {
    let mut s = x.to_vec();
    s.sort_by(f64::total_cmp);
    median_sorted(&s)
}

pub(crate) fn median_sorted(s: &[f64]) -> f64 {
    let n = s.len();
    if n == 0 {
        return f64::NAN;
    }
    if n % 2 == 1 {
        s[n / 2]
    } else {
        (s[n / 2 - 1] + s[n / 2]) / 2.0
    }
}

/// Pair counts of B against A: how many (a, b) pairs have b > a and b < a.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PairCounts {
    pub greater: f64,
    pub less: f64,
}

/// Sorted copy of a slice.
pub(crate) fn sorted(x: &[f64]) -> Vec<f64> {
    let mut s = x.to_vec();
    s.sort_by(f64::total_cmp);
    s
}

/// Number of elements of sorted `s` strictly below `x` and equal to `x`.
pub(crate) fn below_and_equal(s: &[f64], x: f64) -> (usize, usize) {
    let lo = s.partition_point(|v| *v < x);
    let hi = s.partition_point(|v| *v <= x);
    (lo, hi - lo)
}

/// Mann-Kendall S of values in time order: sum over i < k of sign(x_k - x_i).
/// O(n log n) with a Fenwick tree over ranks.
pub(crate) fn mann_kendall_s(x: &[f64]) -> f64 {
    let n = x.len();
    if n < 2 {
        return 0.0;
    }
    let s = sorted(x);
    // distinct ranks
    let mut distinct: Vec<f64> = Vec::with_capacity(n);
    for v in &s {
        if distinct.last() != Some(v) {
            distinct.push(*v);
        }
    }
    let mut tree = vec![0i64; distinct.len() + 1];
    let mut total: i64 = 0;
    for (seen, v) in x.iter().enumerate() {
        let rank = distinct.partition_point(|d| d < v); // 0-based
        // number of earlier values strictly below v: prefix sum over ranks < rank
        let mut below = 0i64;
        let mut i = rank;
        while i > 0 {
            below += tree[i];
            i &= i - 1;
        }
        // earlier values <= v: prefix sum over ranks <= rank
        let mut at_most = 0i64;
        let mut i = rank + 1;
        while i > 0 {
            at_most += tree[i];
            i &= i - 1;
        }
        let above = seen as i64 - at_most;
        total += below - above;
        let mut i = rank + 1;
        while i < tree.len() {
            tree[i] += 1;
            i += i & i.wrapping_neg();
        }
    }
    total as f64
}

/// Sizes of the groups of equal values (ties) in a sorted slice.
pub(crate) fn tie_groups(sorted_values: &[f64]) -> Vec<f64> {
    let mut groups = Vec::new();
    let mut start = 0;
    for i in 1..=sorted_values.len() {
        if i == sorted_values.len() || sorted_values[i] != sorted_values[start] {
            groups.push((i - start) as f64);
            start = i;
        }
    }
    groups
}

/// Replaces values within `tol` of their sorted neighbour chain by the chain's first value, so
/// that later exact comparisons treat near-equal values as ties.
pub(crate) fn snap_near_ties(values: &mut [f64], tol: f64) {
    if !(tol > 0.0) || values.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&i, &j| values[i].total_cmp(&values[j]));
    let mut anchor = values[order[0]];
    let mut previous = anchor;
    for &i in &order[1..] {
        let v = values[i];
        if v - previous <= tol {
            previous = v;
            values[i] = anchor;
        } else {
            anchor = v;
            previous = v;
        }
    }
}

/// `level(f64)`: the chained setter of the confidence level of a single-case options struct.
macro_rules! level_setter {
    ($ty:ident) => {
        impl $ty {
            /// Sets the confidence level (default 0.95; checked to lie in (0, 1) when the
            /// index is computed).
            ///
            /// # Examples
            ///
            #[doc = concat!(
                        "```\nuse outcome_stats::effect::", stringify!($ty), ";\n",
                        "assert_eq!(", stringify!($ty), "::default().level(0.8).level, 0.8);\n```"
                    )]
            pub fn level(mut self, level: f64) -> Self {
                self.level = level;
                self
            }
        }
    };
}
pub(crate) use level_setter;

/// `phases(&str, &str)`: the chained setter of the baseline and treatment labels of a
/// single-case options struct.
macro_rules! phases_setter {
    ($ty:ident) => {
        impl $ty {
            /// Sets the baseline and treatment labels (default `A` and `B`).
            ///
            /// # Examples
            ///
            #[doc = concat!(
                "```\nuse outcome_stats::effect::", stringify!($ty), ";\n",
                "assert_eq!(", stringify!($ty), "::default().phases(\"A\", \"C\").phases.treatment, \"C\");\n```"
            )]
            pub fn phases(mut self, baseline: &str, treatment: &str) -> Self {
                self.phases = $crate::effect::single_case::PhaseLabels::new(baseline, treatment);
                self
            }
        }
    };
}
pub(crate) use phases_setter;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mann_kendall_matches_pairs() {
        let x: [f64; 10] = [3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0, 5.0, 3.0];
        let mut s = 0.0;
        for i in 0..x.len() {
            for k in i + 1..x.len() {
                s += (x[k] - x[i]).signum() * if x[k] == x[i] { 0.0 } else { 1.0 };
            }
        }
        assert_eq!(mann_kendall_s(&x), s);
    }

    #[test]
    fn snapping() {
        let mut v = [1.0, 1.0 + 1e-15, 2.0, 3.0 - 1e-15, 3.0];
        snap_near_ties(&mut v, 1e-9);
        assert_eq!(v, [1.0, 1.0, 2.0, 3.0 - 1e-15, 3.0 - 1e-15]);
    }
}
