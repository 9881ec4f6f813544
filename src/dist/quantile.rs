//! Quantiles by root search on the log of a tail probability (shared by the distributions).

use crate::numeric::{RootOptions, find_root, find_root_expanding};

/// The support of a distribution, which decides the variable the bracket is grown in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Support {
    /// The whole line: bracket in `asinh(x)`.
    Line,
    /// `[0, inf)`: bracket in `ln(x)`.
    HalfLine,
}

/// The `p` quantile (`0 < p < 1`) of a distribution with tails `lower(x) = P(X <= x)` and
/// `upper(x) = P(X > x)`, starting near `start`.
///
/// Solves `ln lower(x) = ln p` below the median and `ln upper(x) = ln(1 - p)` above it (where
/// `1 - p` is exact), with the crate's Brent root finder: first loosely in a transformed
/// variable (so that heavy tails are bracketed in a few steps), then to full precision in `x`.
/// Returns an infinity (or 0) when the quantile lies beyond the f64 range, NaN if the search
/// fails.
pub(crate) fn quantile<L, U>(lower: L, upper: U, p: f64, start: f64, support: Support) -> f64
where
    L: Fn(f64) -> f64,
    U: Fn(f64) -> f64,
{
    let use_upper = p > 0.5;
    let target = if use_upper { (1.0 - p).ln() } else { p.ln() };
    let f = |x: f64| -> f64 {
        let v = if use_upper { upper(x) } else { lower(x) };
        let l = v.ln().max(-1e5);
        if use_upper { target - l } else { l - target }
    };
    type Map = fn(f64) -> f64;
    let (min_x, to_y, from_y): (f64, Map, Map) = match support {
        Support::Line => (-f64::MAX, f64::asinh, f64::sinh),
        Support::HalfLine => (f64::MIN_POSITIVE, f64::ln, f64::exp),
    };
    let f_min = f(min_x);
    if f_min.is_nan() {
        return f64::NAN;
    }
    if f_min > 0.0 {
        return match support {
            Support::Line => f64::NEG_INFINITY,
            Support::HalfLine => 0.0,
        };
    }
    if f(f64::MAX) < 0.0 {
        return f64::INFINITY;
    }
    let (ylo, yhi) = (to_y(min_x), to_y(f64::MAX));
    let y0 = to_y(start.max(min_x)).clamp(ylo + 1.0, yhi - 1.0);
    let g = |y: f64| f(from_y(y).clamp(min_x, f64::MAX));
    let y = match find_root_expanding(
        g,
        y0 - 1.0,
        y0 + 1.0,
        ylo,
        yhi,
        RootOptions::default().relative(1e-6).absolute(1e-9),
    ) {
        Ok(y) => y,
        Err(_) => return f64::NAN,
    };
    let mut step = 1e-5 * (1.0 + y.abs());
    for _ in 0..60 {
        let lo = from_y(y - step).clamp(min_x, f64::MAX);
        let hi = from_y(y + step).clamp(min_x, f64::MAX);
        let (flo, fhi) = (f(lo), f(hi));
        if flo == 0.0 {
            return lo;
        }
        if fhi == 0.0 {
            return hi;
        }
        if flo < 0.0 && fhi > 0.0 {
            // The absolute floor and the larger iteration cap matter only for a quantile at
            // (or within rounding of) 0, where the relative tolerance vanishes and the tail
            // probability is flat to rounding: Brent then bisects down to 1e-300.
            let opts = RootOptions::default().absolute(1e-300).max_iterations(1200);
            return find_root(f, lo, hi, opts).unwrap_or(f64::NAN);
        }
        step *= 4.0;
    }
    f64::NAN
}
