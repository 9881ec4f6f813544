//! Validation and moments of the samples behind the group effect sizes.

use crate::error::{Error, Result};

/// Size, mean and unbiased variance of one validated sample.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Moments {
    pub n: usize,
    pub mean: f64,
    pub var: f64,
}

/// Rejects NaN and infinite values, naming the sample and the index.
pub(crate) fn check_finite(v: &[f64], what: &str) -> Result<()> {
    match v.iter().position(|x| !x.is_finite()) {
        Some(index) => Err(Error::NonFinite {
            what: what.to_string(),
            index,
            value: v[index],
        }),
        None => Ok(()),
    }
}

/// Rejects a sample with fewer than `needed` observations.
pub(crate) fn check_len(v: &[f64], what: &str, needed: usize) -> Result<()> {
    if v.len() < needed {
        return Err(Error::InsufficientData {
            what: what.to_string(),
            needed,
            got: v.len(),
        });
    }
    Ok(())
}

/// An error for sums that overflowed the double range.
pub(crate) fn too_large(what: &str) -> Error {
    Error::InvalidData {
        reason: format!("{what}: values too large for double-precision sums"),
    }
}

impl Moments {
    /// Mean and variance of `v` (at least `needed` finite values).
    ///
    /// By [`crate::numeric::moments`]; a constant sample has variance exactly 0.
    pub(crate) fn of(v: &[f64], what: &str, needed: usize) -> Result<Moments> {
        check_len(v, what, needed)?;
        check_finite(v, what)?;
        let crate::numeric::Moments { n, mean, var } = crate::numeric::moments(v);
        if !(mean.is_finite() && var.is_finite()) {
            return Err(too_large(what));
        }
        Ok(Moments { n, mean, var })
    }

    /// The standard deviation.
    pub(crate) fn sd(&self) -> f64 {
        self.var.sqrt()
    }
}

/// Checks two paired samples: equal lengths, at least `needed` pairs, all finite.
pub(crate) fn check_paired(x: &[f64], y: &[f64], needed: usize) -> Result<()> {
    if x.len() != y.len() {
        return Err(Error::LengthMismatch {
            what: "paired samples x and y",
            left: x.len(),
            right: y.len(),
        });
    }
    check_len(x, "paired samples x and y (pairs)", needed)?;
    check_finite(x, "sample x")?;
    check_finite(y, "sample y")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constant_sample_has_zero_variance() {
        let m = Moments::of(&[0.1, 0.1, 0.1], "x", 2).unwrap();
        assert_eq!(m.var, 0.0);
        assert_eq!(m.mean, 0.1);
    }

    #[test]
    fn rejects_short_and_non_finite() {
        assert!(matches!(
            Moments::of(&[1.0], "x", 2),
            Err(Error::InsufficientData {
                needed: 2,
                got: 1,
                ..
            })
        ));
        assert!(matches!(
            Moments::of(&[1.0, f64::NAN], "x", 2),
            Err(Error::NonFinite { index: 1, .. })
        ));
        assert!(Moments::of(&[1e308, -1e308, 1e308], "x", 2).is_err());
    }
}
