//! Brent's bracketing root finder.

use crate::error::{Error, Result};

/// Tolerances for [`find_root`].
///
/// The search stops when the bracket `[a, b]` around the root satisfies
/// `|b - a| / 2 <= 2 eps |b| + absolute / 2 + relative |b|`, or when `f` is exactly zero.
/// The defaults (`absolute = 0`, `relative = 0`, `max_iterations = 200`) give the root to full
/// double precision (a few ulps).
///
/// # Examples
///
/// ```
/// use outcome_stats::numeric::RootOptions;
/// let opts = RootOptions::default().absolute(1e-12);
/// assert_eq!(opts.max_iterations, 200);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct RootOptions {
    /// Absolute tolerance on the root (default 0).
    pub absolute: f64,
    /// Relative tolerance on the root beyond the 2 eps floor (default 0).
    pub relative: f64,
    /// Iteration cap (default 200); exceeding it is [`Error::NoConvergence`].
    pub max_iterations: usize,
}

impl Default for RootOptions {
    fn default() -> Self {
        RootOptions {
            absolute: 0.0,
            relative: 0.0,
            max_iterations: 200,
        }
    }
}

impl RootOptions {
    /// Sets the absolute tolerance.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::numeric::RootOptions;
    /// assert_eq!(RootOptions::default().absolute(1e-9).absolute, 1e-9);
    /// ```
    pub fn absolute(mut self, tol: f64) -> Self {
        self.absolute = tol;
        self
    }

    /// Sets the relative tolerance.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::numeric::RootOptions;
    /// assert_eq!(RootOptions::default().relative(1e-10).relative, 1e-10);
    /// ```
    pub fn relative(mut self, tol: f64) -> Self {
        self.relative = tol;
        self
    }

    /// Sets the iteration cap.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::numeric::RootOptions;
    /// assert_eq!(RootOptions::default().max_iterations(50).max_iterations, 50);
    /// ```
    pub fn max_iterations(mut self, n: usize) -> Self {
        self.max_iterations = n;
        self
    }
}

/// Finds a root of `f` in `[lower, upper]`, where `f(lower)` and `f(upper)` differ in sign.
///
/// # Method
///
/// Brent's method: inverse quadratic interpolation or the secant step when they stay inside the
/// bracket and shrink it fast enough, bisection otherwise. The bracket always contains a sign
/// change, so the method converges for any continuous `f` (at worst like bisection, about
/// 60 halvings for a double-precision bracket). See [`RootOptions`] for the stopping rule.
///
/// # References
///
/// Brent RP (1973). *Algorithms for Minimization without Derivatives*, ch. 4. Prentice-Hall.
///
/// # Errors
///
/// [`Error::InvalidParameter`] for non-finite or unordered ends or NaN tolerances;
/// [`Error::NotBracketed`] when `f(lower)` and `f(upper)` have the same sign or either is NaN;
/// [`Error::NoConvergence`] when the iteration cap is reached.
///
/// # Examples
///
/// ```
/// use outcome_stats::numeric::{find_root, RootOptions};
/// let r = find_root(|x| x * x - 2.0, 0.0, 2.0, RootOptions::default())?;
/// assert!((r - 2f64.sqrt()).abs() < 1e-15);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn find_root<F: FnMut(f64) -> f64>(
    mut f: F,
    lower: f64,
    upper: f64,
    options: RootOptions,
) -> Result<f64> {
    if !lower.is_finite() {
        return Err(Error::InvalidParameter {
            name: "lower",
            value: lower,
            expected: "finite",
        });
    }
    if !(upper.is_finite() && upper > lower) {
        return Err(Error::InvalidParameter {
            name: "upper",
            value: upper,
            expected: "finite and above lower",
        });
    }
    if !(options.absolute >= 0.0) || !(options.relative >= 0.0) {
        return Err(Error::InvalidParameter {
            name: "root tolerance",
            value: options.absolute.min(options.relative),
            expected: "non-negative",
        });
    }
    let (mut a, mut b) = (lower, upper);
    let (mut fa, mut fb) = (f(a), f(b));
    if fa == 0.0 {
        return Ok(a);
    }
    if fb == 0.0 {
        return Ok(b);
    }
    if fa.is_nan() || fb.is_nan() || (fa > 0.0) == (fb > 0.0) {
        return Err(Error::NotBracketed {
            what: "root search",
            lower,
            upper,
        });
    }
    let (mut c, mut fc) = (a, fa);
    let mut d = b - a;
    let mut e = d;
    for _ in 0..options.max_iterations {
        if (fb > 0.0) == (fc > 0.0) {
            c = a;
            fc = fa;
            d = b - a;
            e = d;
        }
        if fc.abs() < fb.abs() {
            a = b;
            b = c;
            c = a;
            fa = fb;
            fb = fc;
            fc = fa;
        }
        let tol =
            2.0 * f64::EPSILON * b.abs() + 0.5 * options.absolute + options.relative * b.abs();
        let m = 0.5 * (c - b);
        if m.abs() <= tol || fb == 0.0 {
            return Ok(b);
        }
        if e.abs() >= tol && fa.abs() > fb.abs() {
            let s = fb / fa;
            let (mut p, mut q);
            if a == c {
                p = 2.0 * m * s;
                q = 1.0 - s;
            } else {
                let qa = fa / fc;
                let r = fb / fc;
                p = s * (2.0 * m * qa * (qa - r) - (b - a) * (r - 1.0));
                q = (qa - 1.0) * (r - 1.0) * (s - 1.0);
            }
            if p > 0.0 {
                q = -q;
            } else {
                p = -p;
            }
            if 2.0 * p < (3.0 * m * q - (tol * q).abs()).min((e * q).abs()) {
                e = d;
                d = p / q;
            } else {
                d = m;
                e = m;
            }
        } else {
            d = m;
            e = m;
        }
        a = b;
        fa = fb;
        b += if d.abs() > tol { d } else { tol.copysign(m) };
        fb = f(b);
        if fb.is_nan() {
            return Err(Error::NoConvergence {
                what: "root search (the function returned NaN)",
                iterations: options.max_iterations,
            });
        }
    }
    Err(Error::NoConvergence {
        what: "root search",
        iterations: options.max_iterations,
    })
}

/// Finds a root of `f` after growing the bracket `[lower, upper]` until `f` changes sign.
///
/// Each expansion step moves the end whose value is smaller in magnitude outward by
/// `factor` times the current width (at most `max_expansions` times, never past `limit_lower`
/// or `limit_upper`), then calls [`find_root`].
///
/// # Method
///
/// Geometric bracket expansion (as in Press et al. 2007, `zbrac`), then Brent's method.
///
/// # References
///
/// Press WH, Teukolsky SA, Vetterling WT, Flannery BP (2007). *Numerical Recipes*, 3rd ed.,
/// section 9.1. Cambridge University Press.
///
/// # Errors
///
/// As [`find_root`]; [`Error::NotBracketed`] when no sign change is found within the limits.
///
/// # Examples
///
/// ```
/// use outcome_stats::numeric::{find_root_expanding, RootOptions};
/// let r = find_root_expanding(|x| x - 1000.0, 0.0, 1.0, f64::NEG_INFINITY, f64::INFINITY, RootOptions::default())?;
/// assert!((r - 1000.0).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn find_root_expanding<F: FnMut(f64) -> f64>(
    mut f: F,
    lower: f64,
    upper: f64,
    limit_lower: f64,
    limit_upper: f64,
    options: RootOptions,
) -> Result<f64> {
    if !(lower.is_finite() && upper.is_finite() && upper > lower) {
        return Err(Error::InvalidParameter {
            name: "bracket",
            value: upper - lower,
            expected: "finite ends with lower < upper",
        });
    }
    if !(limit_lower <= lower && limit_upper >= upper) {
        return Err(Error::InvalidParameter {
            name: "bracket limits",
            value: limit_lower,
            expected: "limits outside the starting bracket",
        });
    }
    let (mut a, mut b) = (lower, upper);
    let (mut fa, mut fb) = (f(a), f(b));
    const FACTOR: f64 = 1.6;
    let mut steps = 0;
    while !(fa.is_nan() || fb.is_nan()) && (fa > 0.0) == (fb > 0.0) && fa != 0.0 && fb != 0.0 {
        if steps >= 2000 {
            break;
        }
        steps += 1;
        let width = b - a;
        let can_lower = a > limit_lower;
        let can_upper = b < limit_upper;
        if (fa.abs() < fb.abs() && can_lower) || !can_upper {
            if !can_lower {
                break;
            }
            a = (a - FACTOR * width).max(limit_lower);
            if !a.is_finite() {
                break;
            }
            fa = f(a);
        } else {
            b = (b + FACTOR * width).min(limit_upper);
            if !b.is_finite() {
                break;
            }
            fb = f(b);
        }
    }
    find_root(f, a, b, options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_roots_to_full_precision() {
        let r = find_root(|x| x.cos() - x, 0.0, 1.0, RootOptions::default()).unwrap();
        assert!((r.cos() - r).abs() < 2e-16);
        let r = find_root(|x| (x - 1e-300) * 1e300, -1.0, 1.0, RootOptions::default()).unwrap();
        assert!((r - 1e-300).abs() < 1e-310 + 4.0 * f64::EPSILON * 1e-300);
    }

    #[test]
    fn reports_errors() {
        assert!(matches!(
            find_root(|x| x * x + 1.0, -1.0, 1.0, RootOptions::default()),
            Err(Error::NotBracketed { .. })
        ));
        assert!(find_root(|x| x, 1.0, -1.0, RootOptions::default()).is_err());
        assert!(find_root(|x| x, f64::NAN, 1.0, RootOptions::default()).is_err());
        assert!(find_root(|_| f64::NAN, -1.0, 1.0, RootOptions::default()).is_err());
        assert!(
            find_root_expanding(
                |x| x * x + 1.0,
                0.0,
                1.0,
                -10.0,
                10.0,
                RootOptions::default()
            )
            .is_err()
        );
    }

    #[test]
    fn expands_brackets() {
        let r = find_root_expanding(
            |x| x + 5e5,
            0.0,
            1.0,
            f64::MIN,
            f64::MAX,
            RootOptions::default(),
        )
        .unwrap();
        assert!((r + 5e5).abs() < 1e-9);
    }
}
