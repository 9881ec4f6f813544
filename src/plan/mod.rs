//! From one uncontrolled case to a placebo-controlled trial plan.
//!
//! A case report shows pain falling from high to nearly nothing. Plugging that raw pre/post
//! change into a power calculation as if it were the drug-versus-placebo difference plans a
//! trial far too small. [`TrialPlanner`] turns the observed change into an honest planning
//! effect, step by step ([`EffectChain`]):
//!
//! 1. subtract the expected placebo-arm improvement (which already holds the trial's own
//!    regression to the mean, natural course and expectation effects);
//! 2. subtract the extra regression to the mean of the case's more extreme baseline,
//!    `(1 - rho) k` for a baseline `k` points beyond the trial's mean baseline (Barnett et al.
//!    2005), never less than 0;
//! 3. optionally shrink what is left (Pereira et al. 2012; Nüesch et al. 2010);
//! 4. when controlled trials of the same treatment give a reference effect, plan for the
//!    smaller of the two: one case cannot outweigh controlled trials.
//!
//! It then standardises per design ([`Standardized`]) and sizes a parallel trial (t test on
//! change scores), ANCOVA with baseline, a 2x2 crossover, responder comparisons at >= 30%
//! and >= 50% improvement ([`shifted_responder_rate`]) and a series of N-of-1 trials, through
//! the power layer. The answer, [`TrialPlan`], is data; [`crate::report`] renders it.
//!
//! Every assumption is data with a source ([`PlanningAssumptions`], [`AssumptionRecord`]).
//!
//! # Decisions
//!
//! - rho (baseline-follow-up correlation) drives regression to the mean, ANCOVA and the
//!   derived sigma; the test-retest reliability only feeds the reliable change index.
//! - Dropout inflates each arm to `ceil(n / (1 - dropout))`; a budget of `B` patients gives
//!   `floor(B / 2)` per arm (per sequence group) or `B` N-of-1 patients, deflated to the
//!   largest analysable n whose inflation fits.
//! - The sensitivity table multiplies every SD (SD of change, sigma when given, the N-of-1
//!   SDs) by the same factor.
//! - From a series, the case's baseline is the mean of the first `A` phase and its follow-up
//!   the mean of the last `B` phase ([`crate::change::PhaseChange`]).
//! - sigma is derived from the SD of change under equal SDs unless given; separate baseline
//!   and follow-up SDs only change the regression slope.
//! - Without a reference effect none is assumed: the table's 1.83 points (Orhurhu et al.
//!   2019) is specific to IV ketamine in chronic pain and is set with
//!   [`PlanningAssumptions::ketamine_reference_effect`].
//! - Responder designs: when the treatment rate is derived, the minimal detectable rate at a
//!   budget converts back to points through the same shift model.
//!
//! The `plan_trial` example runs the planner from the command line.
//!
//! # References
//!
//! - Barnett AG, van der Pols JC, Dobson AJ (2005). *Int J Epidemiol* 34:215-220.
//! - Häuser W et al. (2011). *Pain* 152:1709-1717.
//! - Pereira TV, Horwitz RI, Ioannidis JPA (2012). *JAMA* 308:1676-1684.
//! - Nüesch E et al. (2010). *BMJ* 341:c3515.
//! - Orhurhu V et al. (2019). *Anesth Analg* 129:241-254.

mod assumptions;
mod case;
mod chain;
mod output;
mod planner;
mod responders;
mod sensitivity;
mod sizing;
mod standardize;

pub use assumptions::*;
pub use case::{CaseEvidence, CaseInterval};
pub use chain::{EffectChain, PlanningBasis};
pub use output::{BudgetAnalysis, DesignKind, DesignPlan, EffectMeasure, TrialPlan};
pub use planner::{
    MIN_PER_ARM, NOF1_TRADE_OFF_CYCLES, POWER_CURVE_POINTS, SENSITIVITY_EFFECT_FRACTIONS,
    SENSITIVITY_SD_MULTIPLIERS, TrialPlanner,
};
pub use responders::{responder_shift, shifted_responder_rate};
pub use sensitivity::{CurvePoint, PowerCurve, Sensitivity, SensitivityCell};
pub use standardize::Standardized;
