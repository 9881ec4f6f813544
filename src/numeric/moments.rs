//! Sample mean and variance, shared by every layer that summarises a sample.

/// Size, mean and sample variance of a slice (see [`moments`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Moments {
    /// Number of values.
    pub(crate) n: usize,
    /// The mean.
    pub(crate) mean: f64,
    /// The sample variance, divisor `n - 1` (0 for a single value).
    pub(crate) var: f64,
}

/// Mean and sample variance by two passes, the mean corrected by the mean residual (Chan,
/// Golub & LeVeque 1983): a constant sample has its value as mean and variance exactly 0, and
/// a sum that overflows is taken over `v / n` instead. No validation: callers check length and
/// finiteness with their own errors; an empty slice gives NaN.
pub(crate) fn moments(x: &[f64]) -> Moments {
    let n = x.len();
    let nf = n as f64;
    let Some(&first) = x.first() else {
        return Moments {
            n,
            mean: f64::NAN,
            var: f64::NAN,
        };
    };
    if x.iter().all(|&v| v == first) {
        return Moments {
            n,
            mean: first,
            var: 0.0,
        };
    }
    let mut mean = x.iter().sum::<f64>() / nf;
    if !mean.is_finite() {
        mean = x.iter().map(|v| v / nf).sum::<f64>();
    }
    let correction = x.iter().map(|&v| v - mean).sum::<f64>() / nf;
    if correction.is_finite() {
        mean += correction;
    }
    let var = if n > 1 {
        x.iter().map(|&v| (v - mean) * (v - mean)).sum::<f64>() / (nf - 1.0)
    } else {
        0.0
    };
    Moments { n, mean, var }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_of_small_samples() {
        let m = moments(&[2.0, 4.0, 9.0]);
        assert_eq!((m.n, m.mean, m.var), (3, 5.0, 13.0));
        let c = moments(&[0.1, 0.1, 0.1]);
        assert_eq!((c.mean, c.var), (0.1, 0.0));
        assert_eq!(moments(&[7.0]).var, 0.0);
        assert!(moments(&[]).mean.is_nan());
        // The plain sum overflows; the mean of v / n does not.
        let big = moments(&[f64::MAX, f64::MAX / 2.0]);
        assert!((big.mean / (0.75 * f64::MAX) - 1.0).abs() < 1e-15);
    }
}
