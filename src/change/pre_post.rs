//! One patient's change from a pre value to a post value.

use std::fmt;

use super::immpact::{ImmpactCategory, ImmpactOptions, PERCENT_SLACK};
use super::reliable::ReliableChange;
use crate::design::check_pre_post;
use crate::error::{Error, Result};
use crate::scale::{Direction, Scale};

/// Farrar et al.'s (2001) clinically important raw change on a 0-10 scale, in points.
pub const FARRAR_POINTS_PER_10: f64 = 2.0;

/// Relative slack for rounding at point thresholds, as a fraction of the scale's range.
const POINTS_SLACK: f64 = 1e-9;

/// One patient's change on a bounded scale, from a pre value to a post value.
///
/// # Method
///
/// With `s = -1` when lower is better and `+1` otherwise:
/// - raw delta: `post - pre`;
/// - improvement: `s (post - pre)` (positive = better; for pain `pre - post`);
/// - percent improvement: `100 improvement / |best - pre|`, the improvement over the distance
///   from the pre value to the scale's best end. On a 0-10 pain scale this is the usual percent
///   pain reduction `100 (pre - post) / pre`. It is `None` when `pre` is already at the best
///   end (no improvement is possible), never a division by zero.
///
/// # References
///
/// Dworkin RH et al. (2008). Interpreting the clinical importance of treatment outcomes in
/// chronic pain clinical trials: IMMPACT recommendations. *The Journal of Pain* 9(2):105-121.
/// Farrar JT, Young JP, LaMoreaux L, Werth JL, Poole RM (2001). Clinical importance of changes
/// in chronic pain intensity measured on an 11-point numerical pain rating scale. *Pain*
/// 94(2):149-158. Jacobson NS, Truax P (1991). *Journal of Consulting and Clinical
/// Psychology* 59(1):12-19.
///
/// # Examples
///
/// ```
/// use outcome_stats::change::{ImmpactCategory, PrePost};
/// use outcome_stats::Scale;
/// let change = PrePost::new(10.0, 1.0, Scale::nrs11())?;
/// assert_eq!(change.delta(), -9.0);
/// assert_eq!(change.improvement(), 9.0);
/// assert_eq!(change.percent_improvement(), Some(90.0));
/// assert_eq!(change.immpact_category(), ImmpactCategory::Substantial);
/// assert!(change.meets_farrar());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PrePost {
    pre: f64,
    post: f64,
    scale: Scale,
}

impl PrePost {
    /// The change from `pre` to `post` on `scale`.
    ///
    /// # Errors
    ///
    /// [`Error::NonFinite`] when `pre` (index 0) or `post` (index 1) is NaN or infinite;
    /// [`Error::OutOfScale`] when either lies outside the scale (naming which, by index);
    /// [`Error::InvalidData`] when the difference overflows `f64` (only on scales wider than
    /// about 1.8e308).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::change::PrePost;
    /// use outcome_stats::{Error, Scale};
    /// let result = PrePost::new(10.0, 11.0, Scale::nrs11());
    /// assert!(matches!(result, Err(Error::OutOfScale { index: 1, .. })));
    /// ```
    pub fn new(pre: f64, post: f64, scale: Scale) -> Result<PrePost> {
        check_pre_post(&scale, pre, post)?;
        if !(post - pre).is_finite() || !(scale.best() - pre).is_finite() {
            return Err(Error::InvalidData {
                reason: format!(
                    "the change from {pre} to {post} on [{}, {}] overflows f64",
                    scale.min(),
                    scale.max()
                ),
            });
        }
        Ok(PrePost { pre, post, scale })
    }

    /// The pre value.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::change::PrePost;
    /// assert_eq!(PrePost::new(8.0, 3.0, outcome_stats::Scale::nrs11())?.pre(), 8.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn pre(&self) -> f64 {
        self.pre
    }

    /// The post value.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::change::PrePost;
    /// assert_eq!(PrePost::new(8.0, 3.0, outcome_stats::Scale::nrs11())?.post(), 3.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn post(&self) -> f64 {
        self.post
    }

    /// The scale.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::change::PrePost;
    /// use outcome_stats::Scale;
    /// assert_eq!(PrePost::new(8.0, 3.0, Scale::nrs11())?.scale(), &Scale::nrs11());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn scale(&self) -> &Scale {
        &self.scale
    }

    /// The raw delta `post - pre`, whatever the scale's direction.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::change::PrePost;
    /// assert_eq!(PrePost::new(8.0, 3.0, outcome_stats::Scale::nrs11())?.delta(), -5.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn delta(&self) -> f64 {
        self.post - self.pre
    }

    /// The improvement: the delta signed by the scale's direction, positive when better.
    ///
    /// # Method
    ///
    /// `pre - post` when lower is better, `post - pre` when higher is better.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::change::PrePost;
    /// use outcome_stats::{Direction, Scale};
    /// assert_eq!(PrePost::new(8.0, 3.0, Scale::nrs11())?.improvement(), 5.0);
    /// let function = Scale::new(0.0, 100.0, Direction::HigherIsBetter)?;
    /// assert_eq!(PrePost::new(40.0, 70.0, function)?.improvement(), 30.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn improvement(&self) -> f64 {
        self.scale.improvement(self.pre, self.post)
    }

    /// The percent improvement: the improvement over the distance from `pre` to the scale's
    /// best end, times 100; `None` when `pre` is at the best end.
    ///
    /// # Method
    ///
    /// `100 improvement / |best - pre|`. On a 0-10 pain scale, `100 (pre - post) / pre`. It is
    /// at most 100 (post at the best end) and negative for a worsening.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::change::PrePost;
    /// use outcome_stats::Scale;
    /// assert_eq!(PrePost::new(8.0, 6.0, Scale::nrs11())?.percent_improvement(), Some(25.0));
    /// assert_eq!(PrePost::new(0.0, 2.0, Scale::nrs11())?.percent_improvement(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn percent_improvement(&self) -> Option<f64> {
        let distance = (self.scale.best() - self.pre).abs();
        if distance > 0.0 {
            let p = 100.0 * self.improvement() / distance;
            if p.is_finite() {
                return Some(p);
            }
            // 100 * improvement overflowed: divide first.
            return Some(100.0 * (self.improvement() / distance));
        }
        None
    }

    /// The IMMPACT category with the default thresholds (10 / 30 / 50%).
    ///
    /// # Method
    ///
    /// See [`ImmpactCategory`]: worsened below 0, none below 10%, minimal from 10% to below
    /// 30% (20-30% labelled minimal by this crate's own convention), moderate from 30% to below
    /// 50%, substantial from 50%. With `pre` at the best end the percent is undefined and the
    /// category is `None` (no change) or `Worsened`.
    ///
    /// # References
    ///
    /// Dworkin RH et al. (2008). *The Journal of Pain* 9(2):105-121.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::change::{ImmpactCategory, PrePost};
    /// use outcome_stats::Scale;
    /// assert_eq!(PrePost::new(10.0, 7.0, Scale::nrs11())?.immpact_category(), ImmpactCategory::Moderate);
    /// assert_eq!(PrePost::new(5.0, 6.0, Scale::nrs11())?.immpact_category(), ImmpactCategory::Worsened);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn immpact_category(&self) -> ImmpactCategory {
        ImmpactOptions::default().categorise(self.improvement(), self.percent_improvement())
    }

    /// The IMMPACT category with chosen thresholds.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] when the thresholds are not `0 < minimal < moderate <
    /// substantial <= 100` ([`ImmpactOptions::validate`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::change::{ImmpactCategory, ImmpactOptions, PrePost};
    /// use outcome_stats::Scale;
    /// let options = ImmpactOptions::new().moderate(33.0);
    /// let change = PrePost::new(10.0, 7.0, Scale::nrs11())?;
    /// assert_eq!(change.immpact_category_with(&options)?, ImmpactCategory::Minimal);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn immpact_category_with(&self, options: &ImmpactOptions) -> Result<ImmpactCategory> {
        options.validate()?;
        Ok(options.categorise(self.improvement(), self.percent_improvement()))
    }

    /// Farrar et al.'s clinically important raw change, scaled to this scale: 2 points per 10
    /// units of range.
    ///
    /// # Method
    ///
    /// Farrar et al. (2001) found that a decrease of about 2 points on the 0-10 numerical pain
    /// rating scale matched patients' rating of "much improved". For another range the crate
    /// scales it proportionally: `2 (max - min) / 10`, so 20 mm on a 0-100 mm VAS. The
    /// proportional scaling is the crate's convention, not part of Farrar's finding.
    ///
    /// # References
    ///
    /// Farrar JT et al. (2001). *Pain* 94(2):149-158.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::change::PrePost;
    /// use outcome_stats::Scale;
    /// assert_eq!(PrePost::new(80.0, 50.0, Scale::vas100())?.farrar_threshold(), 20.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn farrar_threshold(&self) -> f64 {
        FARRAR_POINTS_PER_10 * (self.scale.range() / 10.0)
    }

    /// Whether the improvement reaches Farrar's threshold ([`PrePost::farrar_threshold`]).
    ///
    /// # Method
    ///
    /// `improvement >= farrar_threshold - 1e-9 range` (the slack absorbs decimal rounding).
    ///
    /// # References
    ///
    /// Farrar JT et al. (2001). *Pain* 94(2):149-158.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::change::PrePost;
    /// use outcome_stats::Scale;
    /// assert!(PrePost::new(6.0, 4.0, Scale::nrs11())?.meets_farrar());
    /// assert!(!PrePost::new(6.0, 5.0, Scale::nrs11())?.meets_farrar());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn meets_farrar(&self) -> bool {
        self.improvement() >= self.farrar_threshold() - POINTS_SLACK * self.scale.range()
    }

    /// The Jacobson-Truax reliable change index of the improvement.
    ///
    /// # Method
    ///
    /// `RCI = improvement / (sqrt(2) s sqrt(1 - r))`; reliable improvement when RCI > 1.96.
    /// See [`ReliableChange`](super::ReliableChange).
    ///
    /// # References
    ///
    /// Jacobson NS, Truax P (1991). *Journal of Consulting and Clinical Psychology*
    /// 59(1):12-19.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] for `reliability` outside (0, 1) or a `reference_sd` that is
    /// not positive and finite.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::change::{PrePost, ReliableChangeCategory};
    /// use outcome_stats::Scale;
    /// let rc = PrePost::new(10.0, 1.0, Scale::nrs11())?.reliable_change(0.9, 2.5)?;
    /// assert_eq!(rc.category, ReliableChangeCategory::ReliableImprovement);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reliable_change(&self, reliability: f64, reference_sd: f64) -> Result<ReliableChange> {
        ReliableChange::new(self.improvement(), reliability, reference_sd)
    }

    /// Whether the patient is a responder for a chosen threshold.
    ///
    /// # Method
    ///
    /// A responder's improvement reaches the threshold: `percent >= p` for
    /// [`ResponderThreshold::Percent`], `improvement >= d` for [`ResponderThreshold::Points`],
    /// and `improvement >= 2 range / 10` for [`ResponderThreshold::Farrar2001`], each with a
    /// slack of 1e-9 (percentage points, or times the range) for decimal rounding. With `pre`
    /// at the best end the percent is undefined and the patient is not a responder by a
    /// percent threshold.
    ///
    /// # References
    ///
    /// Dworkin RH et al. (2008). *The Journal of Pain* 9(2):105-121. Farrar JT et al. (2001).
    /// *Pain* 94(2):149-158.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] for a percent threshold outside (0, 100] or a points
    /// threshold that is not positive or exceeds the scale's range.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::change::{PrePost, ResponderThreshold};
    /// use outcome_stats::Scale;
    /// let change = PrePost::new(8.0, 5.0, Scale::nrs11())?;
    /// assert!(change.responder(ResponderThreshold::Percent(30.0))?.is_responder);
    /// assert!(!change.responder(ResponderThreshold::Percent(50.0))?.is_responder);
    /// assert!(change.responder(ResponderThreshold::Points(3.0))?.is_responder);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn responder(&self, threshold: ResponderThreshold) -> Result<Responder> {
        let improvement = self.improvement();
        let range = self.scale.range();
        let (achieved, is_responder) = match threshold {
            ResponderThreshold::Percent(p) => {
                if !(p > 0.0 && p <= 100.0) {
                    return Err(Error::InvalidParameter {
                        name: "percent threshold",
                        value: p,
                        expected: "a percent in (0, 100]",
                    });
                }
                let achieved = self.percent_improvement();
                let is = achieved.is_some_and(|a| a >= p - PERCENT_SLACK);
                (achieved, is)
            }
            ResponderThreshold::Points(d) => {
                if !(d > 0.0 && d <= range) {
                    return Err(Error::InvalidParameter {
                        name: "points threshold",
                        value: d,
                        expected: "a positive change no larger than the scale's range",
                    });
                }
                (Some(improvement), improvement >= d - POINTS_SLACK * range)
            }
            ResponderThreshold::Farrar2001 => (Some(improvement), self.meets_farrar()),
        };
        Ok(Responder {
            is_responder,
            threshold,
            achieved,
        })
    }
}

impl fmt::Display for PrePost {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let direction = match self.scale.direction() {
            Direction::LowerIsBetter => "lower is better",
            Direction::HigherIsBetter => "higher is better",
        };
        write!(
            f,
            "{} -> {} on [{}, {}] ({direction}): improvement {}",
            self.pre,
            self.post,
            self.scale.min(),
            self.scale.max(),
            self.improvement()
        )?;
        match self.percent_improvement() {
            Some(p) => write!(f, " ({p:.1}%)")?,
            None => write!(f, " (percent undefined: pre at the best end)")?,
        }
        write!(f, ", {} (IMMPACT)", self.immpact_category())
    }
}

/// A responder threshold: percent improvement, raw points, or Farrar's 2 points per 10.
///
/// # Examples
///
/// ```
/// use outcome_stats::change::ResponderThreshold;
/// let thirty = ResponderThreshold::Percent(30.0);
/// assert_ne!(thirty, ResponderThreshold::Farrar2001);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ResponderThreshold {
    /// At least this percent improvement (e.g. 30 or 50, IMMPACT).
    Percent(f64),
    /// At least this improvement in scale units.
    Points(f64),
    /// At least 2 points per 10 units of the scale's range (Farrar et al. 2001).
    Farrar2001,
}

/// Responder status for a chosen threshold.
///
/// # Examples
///
/// ```
/// use outcome_stats::change::{PrePost, ResponderThreshold};
/// use outcome_stats::Scale;
/// let r = PrePost::new(10.0, 1.0, Scale::nrs11())?.responder(ResponderThreshold::Percent(50.0))?;
/// assert!(r.is_responder);
/// assert_eq!(r.achieved, Some(90.0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Responder {
    /// Whether the improvement reaches the threshold.
    pub is_responder: bool,
    /// The threshold used.
    pub threshold: ResponderThreshold,
    /// The improvement achieved in the threshold's unit (percent, or scale points); `None`
    /// for a percent threshold when `pre` is at the best end.
    pub achieved: Option<f64>,
}

impl fmt::Display for Responder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let status = if self.is_responder {
            "responder"
        } else {
            "non-responder"
        };
        let threshold = match self.threshold {
            ResponderThreshold::Percent(p) => format!("at least {p}% improvement"),
            ResponderThreshold::Points(d) => format!("an improvement of at least {d} points"),
            ResponderThreshold::Farrar2001 => {
                "an improvement of at least 2 points per 10 (Farrar et al. 2001)".to_string()
            }
        };
        write!(f, "{status} for {threshold}")?;
        if let Some(a) = self.achieved {
            write!(f, " (achieved {a})")?;
        }
        Ok(())
    }
}
