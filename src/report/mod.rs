//! Rendering results as text: Markdown reports. Rendering only, never a statistic.
//!
//! - [`trial_plan_markdown`]: a [`TrialPlan`](crate::plan::TrialPlan) as a Markdown report
//!   (the chain from observed change to planning effect, the designs with n, the sensitivity
//!   table, what the case itself can say, the assumptions with their sources, and caveats).
//!
//! JSON comes from `serde` (feature `serde`) on the result types themselves.

mod trial_plan;

pub use trial_plan::trial_plan_markdown;
