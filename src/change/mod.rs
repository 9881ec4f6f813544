//! Change for one patient: pre/post deltas, clinical importance, reliable change, responder
//! status, and the change across the phases of a series.
//!
//! Everything here is direction-aware: an *improvement* is positive whatever the scale's
//! direction (for pain, `pre - post`), while a *delta* is the raw `post - pre`.
//!
//! - [`PrePost`]: delta, improvement, percent improvement, IMMPACT category
//!   ([`ImmpactCategory`], thresholds in [`ImmpactOptions`]), Farrar's 2-point threshold,
//!   the Jacobson-Truax reliable change index ([`ReliableChange`]) and responder status
//!   ([`Responder`]).
//! - For a [`Series`](crate::Series): [`PhaseChange`] (means and last values, baseline phase
//!   to last treatment phase), [`WelchInterval`] (a raw interval for the difference of phase
//!   means, too narrow under autocorrelation), [`Trajectory`] (per-session improvement) and
//!   [`AreaUnderCurve`] (trapezoid rule, on times when given).
//!
//! # Conventions the literature leaves open
//!
//! - IMMPACT (Dworkin et al. 2008) names 10-20% minimally important, at least 30% moderately
//!   and at least 50% substantially important. The crate labels 20% to below 30% *minimal* as well, its
//!   own convention, so that every value has a category.
//! - Farrar et al. (2001) report 2 points on the 0-10 NRS; on another scale the crate uses
//!   2 points per 10 units of range (20 mm on the 0-100 mm VAS).
//! - Boundaries are inclusive with a slack of 1e-9 (percentage points, or times the scale's
//!   range) so that decimal rounding does not move a value across a threshold.
//!
//! # References
//!
//! Dworkin RH, Turk DC, Wyrwich KW, et al. (2008). Interpreting the clinical importance of
//! treatment outcomes in chronic pain clinical trials: IMMPACT recommendations. *The Journal of
//! Pain* 9(2):105-121. Farrar JT, Young JP, LaMoreaux L, Werth JL, Poole RM (2001). Clinical
//! importance of changes in chronic pain intensity measured on an 11-point numerical pain
//! rating scale. *Pain* 94(2):149-158. Jacobson NS, Truax P (1991). Clinical significance: a
//! statistical approach to defining meaningful change in psychotherapy research. *Journal of
//! Consulting and Clinical Psychology* 59(1):12-19.

mod auc;
mod immpact;
mod phase_change;
mod pre_post;
mod reliable;
mod trajectory;

pub use auc::{AreaUnderCurve, AucAxis};
pub use immpact::{ImmpactCategory, ImmpactOptions};
pub use phase_change::{AUTOCORRELATION_CAVEAT, PhaseChange, PhaseChangeOptions, WelchInterval};
pub use pre_post::{FARRAR_POINTS_PER_10, PrePost, Responder, ResponderThreshold};
pub use reliable::{RCI_CRITICAL, ReliableChange, ReliableChangeCategory, reliable_change_index};
pub use trajectory::{Trajectory, TrajectoryPoint};

use crate::error::{Error, Result};

/// `value` if finite, else [`Error::InvalidData`] saying what overflowed.
fn finite(value: f64, what: &str) -> Result<f64> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(Error::InvalidData {
            reason: format!("{what} overflows f64 (got {value})"),
        })
    }
}

/// The mean of a non-empty slice of finite values, guarding against overflow.
fn mean(values: &[f64], what: &str) -> Result<f64> {
    if values.is_empty() {
        return Err(Error::Empty {
            what: what.to_string(),
        });
    }
    finite(crate::numeric::moments(values).mean, what)
}

/// The sample variance (divisor n - 1) of at least two finite values.
fn sample_variance(values: &[f64], what: &str) -> Result<f64> {
    if values.len() < 2 {
        return Err(Error::InsufficientData {
            what: what.to_string(),
            needed: 2,
            got: values.len(),
        });
    }
    let m = crate::numeric::moments(values);
    finite(m.mean, what)?;
    finite(m.var, &format!("the variance of {what}"))
}
