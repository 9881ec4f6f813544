//! Poisson-weighted sums of incomplete gamma or beta functions, started at the Poisson mode
//! and recurred both ways (Benton & Krishnamoorthy 2003), shared by the noncentral
//! chi-square and F distributions.

use crate::dist::special::{
    GammaPq, beta_p_series, beta_pq_with_power, gamma_pq, ln_beta_power_term, ln_gamma_power_term,
};

/// Relative size below which a term ends a sweep (once the terms are decreasing).
const TERM_EPS: f64 = 1e-18;
/// Cap on the terms of one sweep.
const MAX_TERMS: usize = 1_000_000;
/// Largest supported Poisson mean (noncentrality / 2): the sums need about `40 sqrt(mu)` terms.
pub(crate) const MAX_MU: f64 = 1e10;

/// `ln` of the Poisson probability `P(J = j)` for mean `mu`.
fn ln_poisson(j: f64, mu: f64) -> f64 {
    if mu == 0.0 {
        return if j == 0.0 { 0.0 } else { f64::NEG_INFINITY };
    }
    ln_gamma_power_term(j, mu)
}

/// The family of the mixed distributions: `P(a + j, y)` (gamma) or `I_y(a + j, b)` (beta).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Family {
    /// Regularized incomplete gamma with shape `a + j` at `y`.
    Gamma { a: f64, y: f64 },
    /// Regularized incomplete beta `I_y(a + j, b)`, with `y1 = 1 - y` given separately.
    Beta { a: f64, b: f64, y: f64, y1: f64 },
}

impl Family {
    /// (lower, upper) at index `j`, and `ln_step(j)` (for the beta, from the power term the
    /// incomplete beta computed anyway).
    ///
    /// Where the continued fraction would be slow (its switch point, small `a + j`, large `b`),
    /// the positive series [`beta_p_series`] gives the lower value; it is used for the lower
    /// tail, and for the upper tail only when the lower value is at most 1/2 (so that the
    /// complement keeps its relative accuracy).
    fn pq_and_ln_step(&self, j: f64, tail: Tail) -> (GammaPq, f64) {
        match *self {
            Family::Gamma { a, y } => (gamma_pq(a + j, y), self.ln_step(j)),
            Family::Beta { a, b, y, y1 } => {
                let aj = a + j;
                if y * (aj + b + 2.0) >= aj + 1.0 {
                    let ln_power = ln_beta_power_term(aj, b, y, y1);
                    if let Some(p) = beta_p_series(aj, b, y, ln_power)
                        && (tail == Tail::Lower || p <= 0.5)
                    {
                        return (GammaPq { p, q: 1.0 - p }, ln_power - aj.ln());
                    }
                }
                let r = beta_pq_with_power(aj, b, y, y1);
                (r.pq, r.ln_power - aj.ln())
            }
        }
    }

    /// `ln` of the difference `lower(j) - lower(j + 1)` (= `upper(j + 1) - upper(j)`).
    fn ln_step(&self, j: f64) -> f64 {
        match *self {
            // y^(a+j) e^-y / Gamma(a + j + 1)
            Family::Gamma { a, y } => ln_gamma_power_term(a + j, y),
            // y^(a+j) (1-y)^b / ((a + j) B(a + j, b))
            Family::Beta { a, b, y, y1 } => ln_beta_power_term(a + j, b, y, y1) - (a + j).ln(),
        }
    }

    /// `step(j)` from its neighbour `prev` times `factor`, or directly from its logarithm
    /// when the neighbour is below the normal range (a subnormal start would carry its lost
    /// bits into every later step).
    fn next_step(&self, j: f64, prev: f64, factor: f64) -> f64 {
        if prev > 1e-290 {
            prev * factor
        } else {
            self.ln_step(j).exp()
        }
    }

    /// Ratio `step(j + 1) / step(j)`.
    fn step_ratio(&self, j: f64) -> f64 {
        match *self {
            Family::Gamma { a, y } => y / (a + j + 1.0),
            Family::Beta { a, b, y, .. } => y * (a + b + j) / (a + j + 1.0),
        }
    }
}

/// Which tail of the mixture to sum.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Tail {
    /// `sum_j w_j lower_j`.
    Lower,
    /// `sum_j w_j upper_j`.
    Upper,
}

/// `sum_j Poisson(j; mu) F_j` with `F_j` the lower or upper tail of `family` at index `j`.
///
/// Starts at the Poisson mode `j0` with one evaluation of the incomplete function, then
/// recurs: the lower tail grows going down (`P_j = P_(j+1) + step_j`) and the upper tail grows
/// going up (`Q_(j+1) = Q_j + step_j`), so the stable direction adds positive terms; in the
/// other direction the subtraction's absolute error stays below a few ulps of the starting
/// value, which is a bounded share of the sum (the Poisson weights on the stable side of the
/// mode sum to at least about one half).
pub(crate) fn mixture_tail(mu: f64, family: Family, tail: Tail) -> f64 {
    mixture_tail_offset(mu, family, tail, 0.0)
}

/// As [`mixture_tail`], with the index running over `offset, offset + 1, ...` (for
/// `0 <= offset < 1`) and the weights `mu^j e^-mu / Gamma(j + 1)` at those indices: with
/// `offset = 1/2` these are the odd-order terms of the noncentral t series, which do not sum
/// to 1 (their sum is `erf(sqrt(mu))`).
pub(crate) fn mixture_tail_offset(mu: f64, family: Family, tail: Tail, offset: f64) -> f64 {
    if mu > MAX_MU {
        return f64::NAN;
    }
    let j0 = (mu - offset).floor().max(0.0) + offset;
    let (start, ls0) = family.pq_and_ln_step(j0, tail);
    let f0 = match tail {
        Tail::Lower => start.p,
        Tail::Upper => start.q,
    };
    let lw0 = ln_poisson(j0, mu);
    let w0 = lw0.exp();
    let mut sum = w0 * f0;
    // Upwards: j = j0 + 1, ...
    {
        let mut w = w0;
        let mut f = f0;
        let mut step = ls0.exp();
        let mut j = j0;
        let mut prev = f64::INFINITY;
        for _ in 0..MAX_TERMS {
            w *= mu / (j + 1.0);
            f = match tail {
                Tail::Lower => (f - step).max(0.0),
                Tail::Upper => (f + step).min(1.0),
            };
            step = family.next_step(j + 1.0, step, family.step_ratio(j));
            j += 1.0;
            let term = w * f;
            sum += term;
            if (sum > 0.0 && term <= TERM_EPS * sum && term <= prev) || w == 0.0 || f == 0.0 {
                break;
            }
            prev = term;
        }
    }
    // Downwards: j = j0 - 1, ..., 0.
    {
        let mut w = w0;
        let mut f = f0;
        let mut j = j0;
        let mut step = ls0.exp();
        let mut prev = f64::INFINITY;
        while j >= 1.0 {
            w *= j / mu;
            // step_(j-1) = step_j / ratio(j - 1)
            step = family.next_step(j - 1.0, step, 1.0 / family.step_ratio(j - 1.0));
            f = match tail {
                Tail::Lower => (f + step).min(1.0),
                Tail::Upper => (f - step).max(0.0),
            };
            j -= 1.0;
            let term = w * f;
            sum += term;
            if (sum > 0.0 && term <= TERM_EPS * sum && term <= prev) || w == 0.0 {
                break;
            }
            prev = term;
        }
    }
    sum.min(1.0)
}

/// `sum_j Poisson(j; mu) exp(ln_term(j))` for a log-concave sequence of terms whose ratio
/// `term(j + 1) / term(j)` is `ratio(j)`, started at the largest term (located from the
/// ratio) and summed both ways; returns the `ln` of the sum.
pub(crate) fn ln_mixture_density<T, R>(mu: f64, ln_term: T, ratio: R) -> f64
where
    T: Fn(f64) -> f64,
    R: Fn(f64) -> f64,
{
    if mu > MAX_MU {
        return f64::NAN;
    }
    // The product w_j term_j has ratio mu / (j + 1) * ratio(j), decreasing in j: find the
    // first j where it drops below 1 by bisection on j in [0, jmax].
    let prod_ratio = |j: f64| mu / (j + 1.0) * ratio(j);
    let mut lo = 0.0f64;
    let mut hi = (mu.max(1.0)) * 4.0 + 16.0;
    let mut guard = 0;
    while prod_ratio(hi) > 1.0 && guard < 200 {
        lo = hi;
        hi *= 2.0;
        guard += 1;
    }
    if prod_ratio(0.0) <= 1.0 || mu == 0.0 {
        hi = 0.0;
    } else {
        for _ in 0..200 {
            if hi - lo <= 1.0 {
                break;
            }
            let mid = (0.5 * (lo + hi)).floor();
            if prod_ratio(mid) > 1.0 {
                lo = mid;
            } else {
                hi = mid;
            }
        }
    }
    let jp = hi;
    let lpeak = ln_poisson(jp, mu) + ln_term(jp);
    if !lpeak.is_finite() {
        return lpeak;
    }
    let mut sum = 1.0;
    // Upwards.
    let mut t = 1.0;
    let mut j = jp;
    for _ in 0..MAX_TERMS {
        t *= prod_ratio(j);
        j += 1.0;
        sum += t;
        if t <= TERM_EPS * sum || !t.is_finite() {
            break;
        }
    }
    // Downwards.
    let mut t = 1.0;
    let mut j = jp;
    while j >= 1.0 {
        t /= prod_ratio(j - 1.0);
        j -= 1.0;
        sum += t;
        if t <= TERM_EPS * sum || !t.is_finite() {
            break;
        }
    }
    lpeak + sum.ln()
}
