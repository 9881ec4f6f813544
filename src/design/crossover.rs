//! The 2x2 (AB/BA) crossover trial.

use super::check_values;
use crate::error::Result;
use crate::scale::Scale;

/// A 2x2 crossover trial: participants in sequence group AB receive treatment A in period 1
/// and B in period 2; group BA the reverse.
///
/// Each participant contributes one pair `[period 1, period 2]`, so the two periods of a group
/// cannot differ in length.
///
/// # Method
///
/// Building checks that each sequence group holds at least one participant and that every value
/// is finite and on the scale.
///
/// # References
///
/// Senn S (2002). *Cross-over Trials in Clinical Research*, 2nd ed. Wiley. Jones B, Kenward MG
/// (2014). *Design and Analysis of Cross-Over Trials*, 3rd ed. CRC Press.
///
/// # Examples
///
/// ```
/// use outcome_stats::design::Crossover2x2;
/// use outcome_stats::Scale;
/// let trial = Crossover2x2::new(Scale::nrs11(), &[[3.0, 6.0], [2.0, 5.0]], &[[6.0, 3.0]])?;
/// assert_eq!(trial.ab_period1(), vec![3.0, 2.0]);
/// assert_eq!(trial.ba_period2(), vec![3.0]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Crossover2x2 {
    scale: Scale,
    ab: Vec<[f64; 2]>,
    ba: Vec<[f64; 2]>,
}

impl Crossover2x2 {
    /// A 2x2 crossover from each participant's `[period 1, period 2]` values, by sequence group.
    ///
    /// # Errors
    ///
    /// [`Error::Empty`](crate::Error::Empty) for an empty sequence group;
    /// [`Error::NonFinite`](crate::Error::NonFinite) or
    /// [`Error::OutOfScale`](crate::Error::OutOfScale) for a bad value (the index counts the
    /// group's values in order: participant i's period 1 at 2i, period 2 at 2i + 1).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::Crossover2x2;
    /// use outcome_stats::Scale;
    /// assert!(Crossover2x2::new(Scale::nrs11(), &[[3.0, f64::NAN]], &[[6.0, 3.0]]).is_err());
    /// ```
    pub fn new(scale: Scale, ab: &[[f64; 2]], ba: &[[f64; 2]]) -> Result<Crossover2x2> {
        check_values(&scale, ab.as_flattened(), "sequence group AB")?;
        check_values(&scale, ba.as_flattened(), "sequence group BA")?;
        Ok(Crossover2x2 {
            scale,
            ab: ab.to_vec(),
            ba: ba.to_vec(),
        })
    }

    /// The scale.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::Crossover2x2;
    /// use outcome_stats::Scale;
    /// let trial = Crossover2x2::new(Scale::nrs11(), &[[3.0, 6.0]], &[[6.0, 3.0]])?;
    /// assert_eq!(trial.scale(), &Scale::nrs11());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn scale(&self) -> &Scale {
        &self.scale
    }

    /// The AB group's `[period 1, period 2]` pairs.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::Crossover2x2;
    /// use outcome_stats::Scale;
    /// let trial = Crossover2x2::new(Scale::nrs11(), &[[3.0, 6.0]], &[[6.0, 3.0]])?;
    /// assert_eq!(trial.ab(), &[[3.0, 6.0]]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ab(&self) -> &[[f64; 2]] {
        &self.ab
    }

    /// The BA group's `[period 1, period 2]` pairs.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::Crossover2x2;
    /// use outcome_stats::Scale;
    /// let trial = Crossover2x2::new(Scale::nrs11(), &[[3.0, 6.0]], &[[6.0, 3.0]])?;
    /// assert_eq!(trial.ba(), &[[6.0, 3.0]]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ba(&self) -> &[[f64; 2]] {
        &self.ba
    }

    /// The AB group's period-1 values (under A).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::Crossover2x2;
    /// use outcome_stats::Scale;
    /// let trial = Crossover2x2::new(Scale::nrs11(), &[[3.0, 6.0]], &[[6.0, 3.0]])?;
    /// assert_eq!(trial.ab_period1(), vec![3.0]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ab_period1(&self) -> Vec<f64> {
        self.ab.iter().map(|p| p[0]).collect()
    }

    /// The AB group's period-2 values (under B).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::Crossover2x2;
    /// use outcome_stats::Scale;
    /// let trial = Crossover2x2::new(Scale::nrs11(), &[[3.0, 6.0]], &[[6.0, 3.0]])?;
    /// assert_eq!(trial.ab_period2(), vec![6.0]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ab_period2(&self) -> Vec<f64> {
        self.ab.iter().map(|p| p[1]).collect()
    }

    /// The BA group's period-1 values (under B).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::Crossover2x2;
    /// use outcome_stats::Scale;
    /// let trial = Crossover2x2::new(Scale::nrs11(), &[[3.0, 6.0]], &[[6.0, 3.0]])?;
    /// assert_eq!(trial.ba_period1(), vec![6.0]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ba_period1(&self) -> Vec<f64> {
        self.ba.iter().map(|p| p[0]).collect()
    }

    /// The BA group's period-2 values (under A).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::Crossover2x2;
    /// use outcome_stats::Scale;
    /// let trial = Crossover2x2::new(Scale::nrs11(), &[[3.0, 6.0]], &[[6.0, 3.0]])?;
    /// assert_eq!(trial.ba_period2(), vec![3.0]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ba_period2(&self) -> Vec<f64> {
        self.ba.iter().map(|p| p[1]).collect()
    }
}

impl std::fmt::Display for Crossover2x2 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "2x2 crossover: {} in sequence AB, {} in sequence BA",
            self.ab.len(),
            self.ba.len()
        )
    }
}
