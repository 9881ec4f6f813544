//! Clinically important change in pain following IMMPACT (Dworkin et al. 2008).

use std::fmt;

use crate::error::{Error, Result};

/// The category of a percent improvement in pain, after IMMPACT (Dworkin et al. 2008).
///
/// # Method
///
/// With the default thresholds ([`ImmpactOptions::default`]) and `p` the percent improvement:
/// `Worsened` when the improvement is negative; `None` when `p < 10`; `Minimal` when
/// `10 <= p < 30`; `Moderate` when `30 <= p < 50`; `Substantial` when `p >= 50`.
///
/// IMMPACT calls a 10-20% decrease minimally important, at least 30% moderately important and
/// at least 50% substantially important; it does not name the band from 20% to 30%. Labelling
/// 20-30% as minimal is this crate's own convention, so that the categories cover every value.
///
/// # References
///
/// Dworkin RH, Turk DC, Wyrwich KW, et al. (2008). Interpreting the clinical importance of
/// treatment outcomes in chronic pain clinical trials: IMMPACT recommendations. *The Journal
/// of Pain* 9(2):105-121.
///
/// # Examples
///
/// ```
/// use outcome_stats::change::{ImmpactCategory, PrePost};
/// use outcome_stats::Scale;
/// assert_eq!(PrePost::new(10.0, 1.0, Scale::nrs11())?.immpact_category(), ImmpactCategory::Substantial);
/// assert_eq!(PrePost::new(10.0, 8.0, Scale::nrs11())?.immpact_category(), ImmpactCategory::Minimal);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ImmpactCategory {
    /// The outcome got worse (negative improvement).
    Worsened,
    /// No clinically important improvement (below the minimal threshold, 10% by default).
    None,
    /// Minimally important improvement (10% to below 30% by default).
    Minimal,
    /// Moderately important improvement (30% to below 50% by default).
    Moderate,
    /// Substantially important improvement (50% or more by default).
    Substantial,
}

impl fmt::Display for ImmpactCategory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ImmpactCategory::Worsened => "worsened",
            ImmpactCategory::None => "no important improvement",
            ImmpactCategory::Minimal => "minimally important improvement",
            ImmpactCategory::Moderate => "moderately important improvement",
            ImmpactCategory::Substantial => "substantially important improvement",
        })
    }
}

/// The percent-improvement thresholds of the IMMPACT categories.
///
/// Defaults: minimal 10%, moderate 30%, substantial 50% (Dworkin et al. 2008). A value counts
/// as reaching a threshold when it is at least the threshold minus 1e-9 percentage points, so
/// that decimal rounding (for example 30.000000000000004 or 29.999999999999996) does not move a
/// value across a boundary.
///
/// # References
///
/// Dworkin RH et al. (2008). *The Journal of Pain* 9(2):105-121.
///
/// # Examples
///
/// ```
/// use outcome_stats::change::{ImmpactCategory, ImmpactOptions, PrePost};
/// use outcome_stats::Scale;
/// let strict = ImmpactOptions::default().minimal(15.0);
/// let change = PrePost::new(10.0, 8.8, Scale::nrs11())?; // 12%
/// assert_eq!(change.immpact_category_with(&strict)?, ImmpactCategory::None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ImmpactOptions {
    minimal: f64,
    moderate: f64,
    substantial: f64,
}

impl Default for ImmpactOptions {
    fn default() -> Self {
        ImmpactOptions {
            minimal: 10.0,
            moderate: 30.0,
            substantial: 50.0,
        }
    }
}

/// Slack for rounding at category and responder boundaries, in percentage points.
pub(crate) const PERCENT_SLACK: f64 = 1e-9;

impl ImmpactOptions {
    /// The default thresholds, 10 / 30 / 50%.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::change::ImmpactOptions;
    /// assert_eq!(ImmpactOptions::new(), ImmpactOptions::default());
    /// ```
    pub fn new() -> ImmpactOptions {
        ImmpactOptions::default()
    }

    /// Sets the minimal-importance threshold, in percent.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::change::ImmpactOptions;
    /// assert_eq!(ImmpactOptions::new().minimal(15.0).minimal_threshold(), 15.0);
    /// ```
    pub fn minimal(self, percent: f64) -> ImmpactOptions {
        ImmpactOptions {
            minimal: percent,
            ..self
        }
    }

    /// Sets the moderate-importance threshold, in percent.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::change::ImmpactOptions;
    /// assert_eq!(ImmpactOptions::new().moderate(33.0).moderate_threshold(), 33.0);
    /// ```
    pub fn moderate(self, percent: f64) -> ImmpactOptions {
        ImmpactOptions {
            moderate: percent,
            ..self
        }
    }

    /// Sets the substantial-importance threshold, in percent.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::change::ImmpactOptions;
    /// assert_eq!(ImmpactOptions::new().substantial(60.0).substantial_threshold(), 60.0);
    /// ```
    pub fn substantial(self, percent: f64) -> ImmpactOptions {
        ImmpactOptions {
            substantial: percent,
            ..self
        }
    }

    /// The minimal-importance threshold, in percent.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::change::ImmpactOptions;
    /// assert_eq!(ImmpactOptions::new().minimal_threshold(), 10.0);
    /// ```
    pub fn minimal_threshold(&self) -> f64 {
        self.minimal
    }

    /// The moderate-importance threshold, in percent.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::change::ImmpactOptions;
    /// assert_eq!(ImmpactOptions::new().moderate_threshold(), 30.0);
    /// ```
    pub fn moderate_threshold(&self) -> f64 {
        self.moderate
    }

    /// The substantial-importance threshold, in percent.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::change::ImmpactOptions;
    /// assert_eq!(ImmpactOptions::new().substantial_threshold(), 50.0);
    /// ```
    pub fn substantial_threshold(&self) -> f64 {
        self.substantial
    }

    /// Checks that `0 < minimal < moderate < substantial <= 100`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] naming the first threshold out of order (NaN included).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::change::ImmpactOptions;
    /// assert!(ImmpactOptions::new().validate().is_ok());
    /// assert!(ImmpactOptions::new().moderate(5.0).validate().is_err());
    /// ```
    pub fn validate(&self) -> Result<()> {
        if !(self.minimal > 0.0 && self.minimal < self.moderate) {
            return Err(Error::InvalidParameter {
                name: "minimal threshold",
                value: self.minimal,
                expected: "a percent above 0 and below the moderate threshold",
            });
        }
        if !(self.moderate < self.substantial) {
            return Err(Error::InvalidParameter {
                name: "moderate threshold",
                value: self.moderate,
                expected: "a percent below the substantial threshold",
            });
        }
        if !(self.substantial <= 100.0) {
            return Err(Error::InvalidParameter {
                name: "substantial threshold",
                value: self.substantial,
                expected: "a percent of at most 100",
            });
        }
        Ok(())
    }

    /// The category of an improvement given its percent improvement (`None` when undefined).
    pub(crate) fn categorise(&self, improvement: f64, percent: Option<f64>) -> ImmpactCategory {
        if improvement < 0.0 {
            return ImmpactCategory::Worsened;
        }
        let Some(p) = percent else {
            return ImmpactCategory::None;
        };
        if p >= self.substantial - PERCENT_SLACK {
            ImmpactCategory::Substantial
        } else if p >= self.moderate - PERCENT_SLACK {
            ImmpactCategory::Moderate
        } else if p >= self.minimal - PERCENT_SLACK {
            ImmpactCategory::Minimal
        } else {
            ImmpactCategory::None
        }
    }
}
