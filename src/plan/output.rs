//! The trial plan: what the planner returns (data only; `report` renders it).

use crate::alternative::Alternative;
use crate::plan::assumptions::AssumptionRecord;
use crate::plan::case::CaseEvidence;
use crate::plan::chain::{EffectChain, PlanningBasis};
use crate::plan::sensitivity::{PowerCurve, Sensitivity};
use crate::plan::standardize::Standardized;
use crate::power::NOf1Option;
use crate::scale::Scale;

/// The designs a plan sizes.
///
/// # Examples
///
/// ```
/// use outcome_stats::plan::DesignKind;
/// assert_eq!(DesignKind::ALL.len(), 6);
/// assert_eq!(DesignKind::Crossover2x2.name(), "crossover_2x2");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub enum DesignKind {
    /// Parallel two-arm trial, t test on change scores.
    #[cfg_attr(feature = "serde", serde(rename = "parallel"))]
    Parallel,
    /// Parallel two-arm trial, ANCOVA adjusting for the baseline.
    #[cfg_attr(feature = "serde", serde(rename = "ancova"))]
    Ancova,
    /// AB/BA crossover with the period in the model.
    #[cfg_attr(feature = "serde", serde(rename = "crossover_2x2"))]
    Crossover2x2,
    /// Parallel trial comparing the share of patients with at least 30% improvement.
    #[cfg_attr(feature = "serde", serde(rename = "responders_30"))]
    Responders30,
    /// Parallel trial comparing the share of patients with at least 50% improvement.
    #[cfg_attr(feature = "serde", serde(rename = "responders_50"))]
    Responders50,
    /// A series of N-of-1 crossover trials (patients x cycles).
    #[cfg_attr(feature = "serde", serde(rename = "nof1_series"))]
    NOf1Series,
}

impl DesignKind {
    /// Every design, in the order a plan lists them.
    pub const ALL: [DesignKind; 6] = [
        DesignKind::Parallel,
        DesignKind::Ancova,
        DesignKind::Crossover2x2,
        DesignKind::Responders30,
        DesignKind::Responders50,
        DesignKind::NOf1Series,
    ];

    /// The machine name, as in the JSON.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::DesignKind;
    /// assert_eq!(DesignKind::NOf1Series.name(), "nof1_series");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            DesignKind::Parallel => "parallel",
            DesignKind::Ancova => "ancova",
            DesignKind::Crossover2x2 => "crossover_2x2",
            DesignKind::Responders30 => "responders_30",
            DesignKind::Responders50 => "responders_50",
            DesignKind::NOf1Series => "nof1_series",
        }
    }
}

/// The unit of a design's effect as the power layer takes it.
///
/// # Examples
///
/// ```
/// use outcome_stats::plan::EffectMeasure;
/// assert_ne!(EffectMeasure::ChangeD, EffectMeasure::SigmaD);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum EffectMeasure {
    /// Difference over the SD of change.
    ChangeD,
    /// Difference over the outcome's SD sigma.
    SigmaD,
    /// Treatment responder rate minus placebo responder rate.
    RateDifference,
}

/// What a recruitment budget buys in one design.
///
/// # Examples
///
/// ```
/// use outcome_stats::{Scale, plan::{DesignKind, PlanningAssumptions, TrialPlanner}};
/// let a = PlanningAssumptions::nrs11().ketamine_reference_effect();
/// let plan = TrialPlanner::from_values(10.0, 1.0, Scale::nrs11(), a).budget(40).plan()?;
/// // 40 patients, 15% dropout: 20 recruited per arm, 17 analysable.
/// let parallel = plan.designs.iter().find(|d| d.design == DesignKind::Parallel);
/// let budget = parallel.and_then(|d| d.budget.clone());
/// assert_eq!(budget.map(|b| b.n_per_arm), Some(17));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct BudgetAnalysis {
    /// Patients that can be recruited in total.
    pub patients: usize,
    /// Analysable n after dropout, counted as `n_per_arm` is (per arm, per sequence group, or
    /// patients for the N-of-1 series).
    pub n_per_arm: usize,
    /// Power at the planning effect with that n.
    pub power: f64,
    /// Minimal detectable effect at the target power, in the design's [`EffectMeasure`];
    /// `None` when no admissible effect reaches the target power at this n (for a responder
    /// design with few patients, not even a treatment rate of 1).
    pub min_detectable_design_effect: Option<f64>,
    /// The same in scale points: times the SD of change or sigma for the t-based designs; for
    /// a responder design, the shift that turns the placebo rate into the detectable rate
    /// under the normal shift model ([`responder_shift`](crate::plan::responder_shift)),
    /// `None` when the detectable rate is 1 or more, or when no effect is detectable at all.
    pub min_detectable_effect: Option<f64>,
}

/// The patients one design needs.
///
/// # Examples
///
/// ```
/// use outcome_stats::plan::{DesignKind, TrialPlan};
/// fn parallel(plan: &TrialPlan) -> Option<usize> {
///     plan.designs.iter().find(|d| d.design == DesignKind::Parallel).map(|d| d.n_total)
/// }
/// # let _ = parallel;
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct DesignPlan {
    /// Which design.
    pub design: DesignKind,
    /// The effect the power layer sized on, in [`DesignPlan::effect_measure`].
    pub effect: f64,
    /// The unit of [`DesignPlan::effect`].
    pub effect_measure: EffectMeasure,
    /// Placebo arm's responder rate (responder designs only).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub placebo_rate: Option<f64>,
    /// Treatment arm's responder rate (responder designs only).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub treatment_rate: Option<f64>,
    /// Patients per arm to recruit, after dropout inflation `ceil(n / (1 - dropout))`; per
    /// sequence group (AB, BA) for the crossover; all patients for the N-of-1 series.
    pub n_per_arm: usize,
    /// The same before dropout inflation (analysable patients).
    pub n_per_arm_before_dropout: usize,
    /// Patients to recruit in all.
    pub n_total: usize,
    /// Analysable patients in all.
    pub n_total_before_dropout: usize,
    /// Power achieved with the analysable n.
    pub power: f64,
    /// Cycles per patient (N-of-1 series only).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub cycles: Option<usize>,
    /// What the budget buys, when a budget was given.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub budget: Option<BudgetAnalysis>,
}

/// A placebo-controlled trial plan derived from one uncontrolled case.
///
/// Serialises (feature `serde`) with the field names below; `planning_effect`,
/// `standardized_effect`, `chain_effect`, `reference_effect` and `designs` are fixed by the
/// issue that defines the planner. Render it as Markdown with
/// [`crate::report::trial_plan_markdown`].
///
/// # Examples
///
/// ```
/// use outcome_stats::plan::TrialPlan;
/// fn summary(plan: &TrialPlan) -> (f64, usize) {
///     (plan.planning_effect, plan.designs.len())
/// }
/// # let _ = summary;
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct TrialPlan {
    /// The effect the designs are sized on (points): the smaller of the chain's and the
    /// reference effect.
    pub planning_effect: f64,
    /// The planning effect over the SD of change (the parallel design's d).
    pub standardized_effect: f64,
    /// What the case's chain leaves (points).
    pub chain_effect: f64,
    /// The reference effect from controlled trials (points), if given.
    pub reference_effect: Option<f64>,
    /// Which effect was planned for, and why.
    pub basis: PlanningBasis,
    /// The outcome's scale.
    pub scale: Scale,
    /// Every step from the observed improvement to the planning effect.
    pub chain: EffectChain,
    /// The planning effect in each design's standard units, with the SDs used.
    pub standardized: Standardized,
    /// Significance level.
    pub alpha: f64,
    /// Target power.
    pub target_power: f64,
    /// The alternative hypothesis (effects improvement-signed).
    pub alternative: Alternative,
    /// Dropout fraction used for the inflation.
    pub dropout: f64,
    /// One entry per design, in the order of [`DesignKind::ALL`].
    pub designs: Vec<DesignPlan>,
    /// n per arm over a grid of planning effects and SDs.
    pub sensitivity: Sensitivity,
    /// Power over n for each design at the planning effect: n per arm from
    /// [`MIN_PER_ARM`](crate::plan::MIN_PER_ARM) to twice the design's n before dropout, but
    /// never past what the power layer accepts ([`MAX_N`](crate::power::MAX_N) patients;
    /// [`FISHER_MAX_N`](crate::power::FISHER_MAX_N) per group for Fisher's exact test).
    pub power_curves: Vec<PowerCurve>,
    /// How a series of N-of-1 trials trades patients against cycles per patient, at the
    /// planning effect (rows the power layer cannot reach are left out).
    pub nof1_trade_off: Vec<NOf1Option>,
    /// What the case itself can say.
    pub case: CaseEvidence,
    /// Every assumption with its value, source and origin (default or given); the treatment
    /// responder rates show the values used, derived by the shift model unless given.
    pub assumptions: Vec<AssumptionRecord>,
}
