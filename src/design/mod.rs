//! Study designs, validated against their data, and structural checks against design standards.
//!
//! A design is built from data and checks, once, that the data fit it: the order of phases, the
//! staggered starts of a multiple baseline, complete cycles of an N-of-1 crossover. Errors
//! name the label, phase, period or case that does not fit.
//!
//! | design | type | standards check |
//! |---|---|---|
//! | pre/post case report | [`PrePostCase`] | [`PrePostCase::wwc_check`]: never meets WWC |
//! | AB | [`AbDesign`] | [`AbDesign::wwc_check`]: never meets WWC |
//! | withdrawal A1 B1 A2 B2 ... | [`WithdrawalDesign`] | [`WithdrawalDesign::wwc_check`] |
//! | multiple baseline across cases | [`MultipleBaseline`] | [`MultipleBaseline::wwc_check`] |
//! | alternating treatments | [`AlternatingTreatments`] | [`AlternatingTreatments::wwc_check`] |
//! | N-of-1 randomised crossover | [`NOf1Crossover`] | [`NOf1Crossover::cent_report`] (no WWC category) |
//! | parallel two-arm trial | [`ParallelTrial`] | - |
//! | 2x2 crossover (AB/BA) | [`Crossover2x2`] | - |
//!
//! # Phase labels
//!
//! Single-case series use `A` for baseline and `B` for treatment. Consecutive observations
//! with one label form a phase, so labels repeat in reversal designs: `A A B B A A B B` reads
//! as A1 B1 A2 B2 ([`Series::runs`](crate::Series::runs)).
//!
//! # What the standards check can and cannot say
//!
//! The What Works Clearinghouse single-case design standards (Kratochwill et al. 2010, 2013)
//! judge whether a design can demonstrate an effect: at least three attempts at three points in
//! time, enough phases, enough data points per phase. [`StandardsCheck`] applies the rules the
//! data can show and always says that its verdict concerns the structure only: the standards'
//! systematic manipulation of the intervention and inter-assessor agreement cannot be checked
//! from the data.
//!
//! # References
//!
//! Kratochwill TR, Hitchcock J, Horner RH, Levin JR, Odom SL, Rindskopf DM, Shadish WR (2010).
//! *Single-case designs technical documentation*. What Works Clearinghouse.
//! Kratochwill TR, Hitchcock JH, Horner RH, Levin JR, Odom SL, Rindskopf DM, Shadish WR (2013).
//! Single-case intervention research design standards. *Remedial and Special Education*
//! 34(1):26-38. Vohra S et al. (2015). CONSORT extension for reporting N-of-1 trials (CENT)
//! 2015 Statement. *BMJ* 350:h1738.

mod ab;
mod alternating;
mod crossover;
mod multiple_baseline;
mod nof1;
mod parallel;
mod pre_post;
mod standards;
mod withdrawal;

pub use ab::AbDesign;
pub use alternating::AlternatingTreatments;
pub use crossover::Crossover2x2;
pub use multiple_baseline::{BaselineCase, MultipleBaseline};
pub use nof1::{CentItem, CentReport, CycleOrder, NOF1_WWC, NOf1Crossover, OrderAllocation};
pub use parallel::ParallelTrial;
pub use pre_post::PrePostCase;
pub use standards::{STRUCTURE_ONLY, StandardsCheck, Verdict};
pub use withdrawal::WithdrawalDesign;

pub(crate) use pre_post::check_pre_post;

use crate::error::{Error, Result};
use crate::scale::Scale;
use crate::series::Series;

/// Fails with [`Error::PhaseMismatch`] naming the first label not in `allowed`.
fn require_labels(series: &Series, allowed: &[&str], design: &str) -> Result<()> {
    for (index, label) in series.phases().iter().enumerate() {
        if !allowed.contains(&label.as_str()) {
            return Err(Error::PhaseMismatch {
                reason: format!(
                    "{design} uses the labels {allowed:?} only, but index {index} has label \
                     {label:?}"
                ),
            });
        }
    }
    Ok(())
}

/// Names and lengths of a series' phases, each name prefixed.
fn phase_lengths(series: &Series, prefix: &str) -> Vec<(String, usize)> {
    series
        .runs()
        .iter()
        .map(|r| (format!("{prefix}{}", r.name()), r.len()))
        .collect()
}

/// The phases of a series as `A1 (3 points), B1 (10 points)`.
fn describe_phases(series: &Series) -> String {
    series
        .runs()
        .iter()
        .map(|r| format!("{} ({} points)", r.name(), r.len()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Checks that `values` is non-empty, finite and on the scale.
fn check_values(scale: &Scale, values: &[f64], what: &str) -> Result<()> {
    if values.is_empty() {
        return Err(Error::Empty {
            what: what.to_string(),
        });
    }
    for (index, &value) in values.iter().enumerate() {
        if !value.is_finite() {
            return Err(Error::NonFinite {
                what: what.to_string(),
                index,
                value,
            });
        }
    }
    scale.check(values)
}
