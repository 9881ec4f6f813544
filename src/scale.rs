//! Bounded outcome scales and their direction of improvement.
//!
//! A [`Scale`] knows its bounds and which way is better. Everything in the crate that takes a
//! scale is direction-aware: an improvement is reported as a positive number whether the scale
//! improves downward (pain) or upward (function, quality of life).

use crate::error::{Error, Result};

/// Which way along a scale is better.
///
/// # Examples
///
/// ```
/// use outcome_stats::Direction;
/// assert_eq!(Direction::LowerIsBetter.sign(), -1.0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Direction {
    /// Lower values are better (pain, symptom scores).
    LowerIsBetter,
    /// Higher values are better (function, quality of life).
    HigherIsBetter,
}

impl Direction {
    /// The sign that turns a raw difference `later - earlier` into an improvement:
    /// `-1` for [`Direction::LowerIsBetter`], `+1` for [`Direction::HigherIsBetter`].
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::Direction;
    /// // Pain from 8 to 3: raw change -5, improvement +5.
    /// assert_eq!(Direction::LowerIsBetter.sign() * (3.0 - 8.0), 5.0);
    /// ```
    pub fn sign(self) -> f64 {
        match self {
            Direction::LowerIsBetter => -1.0,
            Direction::HigherIsBetter => 1.0,
        }
    }

    /// The opposite direction.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::Direction;
    /// assert_eq!(Direction::LowerIsBetter.flipped(), Direction::HigherIsBetter);
    /// ```
    pub fn flipped(self) -> Direction {
        match self {
            Direction::LowerIsBetter => Direction::HigherIsBetter,
            Direction::HigherIsBetter => Direction::LowerIsBetter,
        }
    }
}

/// A bounded outcome scale: `[min, max]` and the direction of improvement.
///
/// Built only through [`Scale::new`] or the presets, so every `Scale` has finite bounds with
/// `min < max` (deserialising goes through the same check).
///
/// # Examples
///
/// ```
/// use outcome_stats::{Direction, Scale};
///
/// let nrs = Scale::nrs11();
/// assert_eq!((nrs.min(), nrs.max()), (0.0, 10.0));
/// assert_eq!(nrs.best(), 0.0);
///
/// let function = Scale::new(0.0, 100.0, Direction::HigherIsBetter)?;
/// assert_eq!(function.improvement(40.0, 70.0), 30.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "ScaleRaw"))]
pub struct Scale {
    min: f64,
    max: f64,
    direction: Direction,
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
struct ScaleRaw {
    min: f64,
    max: f64,
    direction: Direction,
}

#[cfg(feature = "serde")]
impl TryFrom<ScaleRaw> for Scale {
    type Error = Error;
    fn try_from(raw: ScaleRaw) -> Result<Self> {
        Scale::new(raw.min, raw.max, raw.direction)
    }
}

impl Scale {
    /// A scale from `min` to `max` with the given direction of improvement.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidScale`] when a bound is NaN or infinite, or `min >= max`.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::{Direction, Scale};
    /// let s = Scale::new(1.0, 7.0, Direction::HigherIsBetter)?;
    /// assert_eq!(s.best(), 7.0);
    /// assert!(Scale::new(5.0, 5.0, Direction::HigherIsBetter).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(min: f64, max: f64, direction: Direction) -> Result<Scale> {
        if !(min.is_finite() && max.is_finite() && min < max) {
            return Err(Error::InvalidScale { min, max });
        }
        Ok(Scale {
            min,
            max,
            direction,
        })
    }

    /// The 11-point numeric rating scale for pain: 0 (no pain) to 10 (worst imaginable),
    /// lower is better.
    ///
    /// # References
    ///
    /// Farrar JT et al. (2001). Clinical importance of changes in chronic pain intensity
    /// measured on an 11-point numerical pain rating scale. *Pain* 94:149-158.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::{Direction, Scale};
    /// assert_eq!(Scale::nrs11().direction(), Direction::LowerIsBetter);
    /// ```
    pub fn nrs11() -> Scale {
        Scale {
            min: 0.0,
            max: 10.0,
            direction: Direction::LowerIsBetter,
        }
    }

    /// The 100 mm visual analogue scale for pain: 0 to 100 mm, lower is better.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::Scale;
    /// assert_eq!(Scale::vas100().max(), 100.0);
    /// ```
    pub fn vas100() -> Scale {
        Scale {
            min: 0.0,
            max: 100.0,
            direction: Direction::LowerIsBetter,
        }
    }

    /// The lower bound.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(outcome_stats::Scale::nrs11().min(), 0.0);
    /// ```
    pub fn min(&self) -> f64 {
        self.min
    }

    /// The upper bound.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(outcome_stats::Scale::nrs11().max(), 10.0);
    /// ```
    pub fn max(&self) -> f64 {
        self.max
    }

    /// The direction of improvement.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::{Direction, Scale};
    /// assert_eq!(Scale::vas100().direction(), Direction::LowerIsBetter);
    /// ```
    pub fn direction(&self) -> Direction {
        self.direction
    }

    /// The width `max - min`.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(outcome_stats::Scale::vas100().range(), 100.0);
    /// ```
    pub fn range(&self) -> f64 {
        self.max - self.min
    }

    /// The best end of the scale (`min` when lower is better).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(outcome_stats::Scale::nrs11().best(), 0.0);
    /// ```
    pub fn best(&self) -> f64 {
        match self.direction {
            Direction::LowerIsBetter => self.min,
            Direction::HigherIsBetter => self.max,
        }
    }

    /// The worst end of the scale (`max` when lower is better).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(outcome_stats::Scale::nrs11().worst(), 10.0);
    /// ```
    pub fn worst(&self) -> f64 {
        match self.direction {
            Direction::LowerIsBetter => self.max,
            Direction::HigherIsBetter => self.min,
        }
    }

    /// The same bounds with the opposite direction.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::{Direction, Scale};
    /// assert_eq!(Scale::nrs11().flipped().direction(), Direction::HigherIsBetter);
    /// ```
    pub fn flipped(&self) -> Scale {
        Scale {
            direction: self.direction.flipped(),
            ..*self
        }
    }

    /// Whether `value` is finite and lies within `[min, max]`.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::Scale;
    /// assert!(Scale::nrs11().contains(10.0));
    /// assert!(!Scale::nrs11().contains(10.5));
    /// assert!(!Scale::nrs11().contains(f64::NAN));
    /// ```
    pub fn contains(&self, value: f64) -> bool {
        value >= self.min && value <= self.max
    }

    /// Checks that every value is finite and on the scale.
    ///
    /// # Errors
    ///
    /// [`Error::NonFinite`] for NaN or an infinity, [`Error::OutOfScale`] for a value outside
    /// `[min, max]`; both name the first offending index.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::{Error, Scale};
    /// assert!(Scale::nrs11().check(&[0.0, 5.5, 10.0]).is_ok());
    /// let result = Scale::nrs11().check(&[3.0, 11.0]);
    /// assert!(matches!(result, Err(Error::OutOfScale { index: 1, .. })));
    /// ```
    pub fn check(&self, values: &[f64]) -> Result<()> {
        for (index, &value) in values.iter().enumerate() {
            if !value.is_finite() {
                return Err(Error::NonFinite {
                    what: "outcome values".to_string(),
                    index,
                    value,
                });
            }
            if !self.contains(value) {
                return Err(Error::OutOfScale {
                    index,
                    value,
                    min: self.min,
                    max: self.max,
                });
            }
        }
        Ok(())
    }

    /// The improvement from `from` to `to`: `to - from` signed so that a change in the better
    /// direction is positive.
    ///
    /// # Method
    ///
    /// improvement = s (to - from), with s = -1 when lower is better and +1 otherwise.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::Scale;
    /// assert_eq!(Scale::nrs11().improvement(10.0, 1.0), 9.0);
    /// ```
    pub fn improvement(&self, from: f64, to: f64) -> f64 {
        self.direction.sign() * (to - from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_bad_bounds() {
        assert!(Scale::new(f64::NAN, 1.0, Direction::LowerIsBetter).is_err());
        assert!(Scale::new(0.0, f64::INFINITY, Direction::LowerIsBetter).is_err());
        assert!(Scale::new(2.0, 1.0, Direction::LowerIsBetter).is_err());
    }

    #[test]
    fn improvement_is_direction_aware() {
        assert_eq!(Scale::nrs11().improvement(8.0, 3.0), 5.0);
        assert_eq!(Scale::nrs11().flipped().improvement(8.0, 3.0), -5.0);
    }
}
