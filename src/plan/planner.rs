//! The trial planner: from one case and a set of assumptions to a [`TrialPlan`].

use crate::alternative::Alternative;
use crate::change::{PhaseChange, PrePost, WelchInterval, reliable_change_index};
use crate::design::{AbDesign, PrePostCase, WithdrawalDesign};
use crate::error::{Error, Result};
use crate::plan::assumptions::PlanningAssumptions;
use crate::plan::case::{CaseEvidence, CaseInterval};
use crate::plan::chain::EffectChain;
use crate::plan::output::{BudgetAnalysis, DesignKind, DesignPlan, EffectMeasure, TrialPlan};
use crate::plan::responders::{responder_shift, shifted_responder_rate};
use crate::plan::sensitivity::{CurvePoint, PowerCurve, Sensitivity, SensitivityCell};
use crate::plan::sizing::{self, Settings, Spec};
use crate::plan::standardize::Standardized;
use crate::power::{FISHER_MAX_N, MAX_N, NOf1Option, ProportionTest};
use crate::scale::Scale;
use crate::series::Series;

/// Default fractions of the planning effect in the sensitivity table.
pub const SENSITIVITY_EFFECT_FRACTIONS: [f64; 4] = [0.25, 0.5, 0.75, 1.0];
/// Default multipliers of every SD in the sensitivity table.
pub const SENSITIVITY_SD_MULTIPLIERS: [f64; 4] = [0.8, 1.0, 1.25, 1.5];
/// Number of points in each power curve (fewer when the range of n is short).
pub const POWER_CURVE_POINTS: usize = 25;
/// Cycles per patient in the N-of-1 trade-off (plus the assumed number of cycles).
pub const NOF1_TRADE_OFF_CYCLES: [usize; 6] = [1, 2, 3, 4, 6, 8];
/// Smallest analysable n per arm (per sequence group for the crossover, patients for the
/// N-of-1 series) a budget must leave.
pub const MIN_PER_ARM: usize = 2;

#[derive(Debug, Clone, PartialEq)]
enum Source {
    Values { pre: f64, post: f64, scale: Scale },
    Series(Series),
}

/// Plans a placebo-controlled trial from one uncontrolled case.
///
/// Built from the case's pre and post values ([`TrialPlanner::from_values`]) or from a
/// [`Series`] ([`TrialPlanner::from_series`]), plus [`PlanningAssumptions`]; the setters
/// only store, and [`TrialPlanner::plan`] validates everything and answers.
///
/// # Method
///
/// 1. The [`EffectChain`]: observed improvement minus placebo-arm response minus the extra
///    regression to the mean of the case's more extreme baseline, times the shrinkage factor;
///    then the smaller of that and the reference effect.
/// 2. [`Standardized`]: over the SD of change for the parallel t test, over sigma for ANCOVA,
///    the crossover and the N-of-1 series.
/// 3. Each design sized by the power layer (`crate::power`) at the target power; dropout
///    inflates each arm to `ceil(n / (1 - dropout))`. Responder designs take the placebo
///    arm's rate and a treatment rate from [`shifted_responder_rate`] (or as given).
/// 4. A budget (total patients) is turned into each design's analysable n after dropout, with
///    the power there and the minimal detectable effect.
///
/// # Examples
///
/// ```
/// use outcome_stats::{Scale, plan::{PlanningAssumptions, TrialPlanner}};
/// let planner = TrialPlanner::from_values(10.0, 1.0, Scale::nrs11(), PlanningAssumptions::nrs11())
///     .alpha(0.05)
///     .target_power(0.8)
///     .budget(40);
/// # let _ = planner;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct TrialPlanner {
    source: Source,
    assumptions: PlanningAssumptions,
    alpha: f64,
    target_power: f64,
    alternative: Alternative,
    budget: Option<usize>,
    responder_test: ProportionTest,
    effect_fractions: Vec<f64>,
    sd_multipliers: Vec<f64>,
}

impl TrialPlanner {
    fn with_source(source: Source, assumptions: PlanningAssumptions) -> TrialPlanner {
        TrialPlanner {
            source,
            assumptions,
            alpha: 0.05,
            target_power: 0.8,
            alternative: Alternative::TwoSided,
            budget: None,
            responder_test: ProportionTest::default(),
            effect_fractions: SENSITIVITY_EFFECT_FRACTIONS.to_vec(),
            sd_multipliers: SENSITIVITY_SD_MULTIPLIERS.to_vec(),
        }
    }

    /// A planner from the case's value before (`pre`) and after (`post`) treatment on `scale`.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::{Scale, plan::{PlanningAssumptions, TrialPlanner}};
    /// let p = TrialPlanner::from_values(10.0, 1.0, Scale::nrs11(), PlanningAssumptions::nrs11());
    /// # let _ = p;
    /// ```
    pub fn from_values(
        pre: f64,
        post: f64,
        scale: Scale,
        assumptions: PlanningAssumptions,
    ) -> TrialPlanner {
        TrialPlanner::with_source(Source::Values { pre, post, scale }, assumptions)
    }

    /// A planner from a case's [`PrePost`] change (its pre and post values and scale).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::{Scale, change::PrePost, plan::{PlanningAssumptions, TrialPlanner}};
    /// let case = PrePost::new(10.0, 1.0, Scale::nrs11())?;
    /// let chain = TrialPlanner::from_pre_post(&case, PlanningAssumptions::nrs11()).chain()?;
    /// assert!((chain.chain_effect - 6.605).abs() < 1e-12);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_pre_post(case: &PrePost, assumptions: PlanningAssumptions) -> TrialPlanner {
        TrialPlanner::from_values(case.pre(), case.post(), *case.scale(), assumptions)
    }

    /// A planner from a series with a baseline phase `A` and a treatment phase `B`: the
    /// case's baseline is the mean of the first `A` phase, its follow-up the mean of the
    /// last `B` phase after it ([`PhaseChange`]); with more than one observation in each, the
    /// plan also reports the change between them with a Welch interval ([`WelchInterval`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::{Scale, Series, plan::{PlanningAssumptions, TrialPlanner}};
    /// let s = Series::from_phases(Scale::nrs11(), &[("A", &[10.0, 9.0, 10.0]), ("B", &[3.0, 1.0, 1.0])])?;
    /// let p = TrialPlanner::from_series(&s, PlanningAssumptions::nrs11());
    /// # let _ = p;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_series(series: &Series, assumptions: PlanningAssumptions) -> TrialPlanner {
        TrialPlanner::with_source(Source::Series(series.clone()), assumptions)
    }

    /// Sets the significance level, in (0, 1) (default 0.05).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::{Scale, plan::{PlanningAssumptions, TrialPlanner}};
    /// let p = TrialPlanner::from_values(10.0, 1.0, Scale::nrs11(), PlanningAssumptions::nrs11());
    /// let plan = p.alpha(0.01).sensitivity_effects(&[1.0]).sensitivity_sds(&[1.0]).plan()?;
    /// assert_eq!(plan.alpha, 0.01);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn alpha(mut self, alpha: f64) -> Self {
        self.alpha = alpha;
        self
    }
    /// Sets the target power, in (0, 1) (default 0.8).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::{Scale, plan::{PlanningAssumptions, TrialPlanner}};
    /// let p = TrialPlanner::from_values(10.0, 1.0, Scale::nrs11(), PlanningAssumptions::nrs11());
    /// let plan = p.target_power(0.9).sensitivity_effects(&[1.0]).sensitivity_sds(&[1.0]).plan()?;
    /// assert!(plan.designs.iter().all(|d| d.power >= 0.9));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn target_power(mut self, power: f64) -> Self {
        self.target_power = power;
        self
    }
    /// Sets the alternative hypothesis (default two-sided; `Greater` is the one in which the
    /// treatment is better; `Less` is refused when planning).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::{Scale, plan::{PlanningAssumptions, TrialPlanner}};
    /// let p = TrialPlanner::from_values(10.0, 1.0, Scale::nrs11(), PlanningAssumptions::nrs11());
    /// use outcome_stats::Alternative;
    /// let plan = p.alternative(Alternative::Greater).sensitivity_effects(&[1.0]).sensitivity_sds(&[1.0]).plan()?;
    /// assert_eq!(plan.alternative, Alternative::Greater);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn alternative(mut self, alternative: Alternative) -> Self {
        self.alternative = alternative;
        self
    }
    /// Sets the number of patients that can be recruited in total, for the power and minimal
    /// detectable effect each design reaches with them.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::{Scale, plan::{PlanningAssumptions, TrialPlanner}};
    /// let p = TrialPlanner::from_values(10.0, 1.0, Scale::nrs11(), PlanningAssumptions::nrs11());
    /// let plan = p.budget(40).sensitivity_effects(&[1.0]).sensitivity_sds(&[1.0]).plan()?;
    /// assert!(plan.designs.iter().all(|d| d.budget.is_some()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn budget(mut self, patients: usize) -> Self {
        self.budget = Some(patients);
        self
    }
    /// Sets the test the responder designs are sized for (default
    /// [`ProportionTest::NormalPooled`], the normal approximation with pooled variance).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::{Scale, plan::{PlanningAssumptions, TrialPlanner}};
    /// let p = TrialPlanner::from_values(10.0, 1.0, Scale::nrs11(), PlanningAssumptions::nrs11());
    /// use outcome_stats::power::ProportionTest;
    /// let plan = p.responder_test(ProportionTest::CohenH).sensitivity_effects(&[1.0]).sensitivity_sds(&[1.0]).plan()?;
    /// assert_eq!(plan.designs.len(), 6);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn responder_test(mut self, test: ProportionTest) -> Self {
        self.responder_test = test;
        self
    }
    /// Sets the fractions of the planning effect in the sensitivity table (each in (0, 1]).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::{Scale, plan::{PlanningAssumptions, TrialPlanner}};
    /// let p = TrialPlanner::from_values(10.0, 1.0, Scale::nrs11(), PlanningAssumptions::nrs11());
    /// let plan = p.sensitivity_effects(&[0.5, 1.0]).sensitivity_sds(&[1.0]).plan()?;
    /// assert_eq!(plan.sensitivity.cells.len(), 2 * 6);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sensitivity_effects(mut self, fractions: &[f64]) -> Self {
        self.effect_fractions = fractions.to_vec();
        self
    }
    /// Sets the multipliers applied to every SD in the sensitivity table (each positive).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::{Scale, plan::{PlanningAssumptions, TrialPlanner}};
    /// let p = TrialPlanner::from_values(10.0, 1.0, Scale::nrs11(), PlanningAssumptions::nrs11());
    /// let plan = p.sensitivity_effects(&[1.0]).sensitivity_sds(&[1.0, 1.5]).plan()?;
    /// assert_eq!(plan.sensitivity.sd_multipliers, vec![1.0, 1.5]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sensitivity_sds(mut self, multipliers: &[f64]) -> Self {
        self.sd_multipliers = multipliers.to_vec();
        self
    }
    /// The assumptions the planner uses.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::{Scale, plan::{PlanningAssumptions, TrialPlanner}};
    /// let p = TrialPlanner::from_values(10.0, 1.0, Scale::nrs11(), PlanningAssumptions::nrs11());
    /// assert_eq!(p.assumptions().dropout_value(), 0.15);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn assumptions(&self) -> &PlanningAssumptions {
        &self.assumptions
    }

    /// The chain from the case's observed improvement to the planning effect, alone.
    ///
    /// # Errors
    ///
    /// As [`EffectChain::new`]; for a series, [`Error::PhaseMismatch`] when it has no `A`
    /// phase or no `B` phase after it.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::{Scale, plan::{PlanningAssumptions, TrialPlanner}};
    /// let a = PlanningAssumptions::nrs11().reference_effect(1.83);
    /// let chain = TrialPlanner::from_values(10.0, 1.0, Scale::nrs11(), a).chain()?;
    /// assert_eq!(chain.planning_effect, 1.83);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn chain(&self) -> Result<EffectChain> {
        let case = self.case_values()?;
        EffectChain::new(case.pre, case.post, case.scale, &self.assumptions)
    }

    /// Plans the trial.
    ///
    /// # Errors
    ///
    /// - [`Error::InvalidParameter`] for alpha or target power outside (0, 1), sensitivity
    ///   fractions outside (0, 1] or non-positive SD multipliers, a zero budget, a given
    ///   treatment responder rate not above the placebo rate, and every error of
    ///   [`PlanningAssumptions::validate`] (rates, correlations, reliability, SDs, dropout);
    /// - [`Error::InvalidDesign`] for [`Alternative::Less`] (the treatment worse than
    ///   placebo is not what a trial plan sets out to show);
    /// - [`Error::NoEffectToDetect`] when the chain leaves zero or less;
    /// - [`Error::InsufficientData`] when the budget leaves fewer than [`MIN_PER_ARM`]
    ///   analysable patients per arm in some design (the message names it);
    /// - errors of the power layer (for example an n beyond its cap).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::{Scale, plan::{DesignKind, PlanningAssumptions, TrialPlanner}};
    /// let plan = TrialPlanner::from_values(10.0, 1.0, Scale::nrs11(), PlanningAssumptions::nrs11())
    ///     .plan()?;
    /// assert!((plan.chain_effect - 6.605).abs() < 1e-12);
    /// assert_eq!(plan.designs[0].design, DesignKind::Parallel);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn plan(&self) -> Result<TrialPlan> {
        self.validate_options()?;
        let case = self.case_values()?;
        let a = &self.assumptions;
        let chain = EffectChain::new(case.pre, case.post, case.scale, a)?;
        let standardized = Standardized::new(chain.planning_effect, a)?;
        let mut designs = Vec::with_capacity(DesignKind::ALL.len());
        for kind in DesignKind::ALL {
            designs.push(self.size_design(kind, chain.planning_effect, a)?);
        }
        let sensitivity = self.sensitivity(chain.planning_effect)?;
        let mut power_curves = Vec::with_capacity(designs.len());
        for d in &designs {
            power_curves.push(self.power_curve(d, chain.planning_effect)?);
        }
        let nof1_trade_off = self.nof1_trade_off(chain.planning_effect)?;
        // The records show the treatment responder rates the plan used, given or derived.
        let mut assumptions = a.records();
        for record in &mut assumptions {
            let kind = match record.name {
                "treatment_responders_30" => DesignKind::Responders30,
                "treatment_responders_50" => DesignKind::Responders50,
                _ => continue,
            };
            if record.value.is_none() {
                record.value = designs
                    .iter()
                    .find(|d| d.design == kind)
                    .and_then(|d| d.treatment_rate);
            }
        }
        let case_evidence = self.case_evidence(&case)?;
        Ok(TrialPlan {
            planning_effect: chain.planning_effect,
            standardized_effect: standardized.d_change,
            chain_effect: chain.chain_effect,
            reference_effect: chain.reference_effect,
            basis: chain.basis,
            scale: case.scale,
            chain,
            standardized,
            alpha: self.alpha,
            target_power: self.target_power,
            alternative: self.alternative,
            dropout: a.dropout_value(),
            designs,
            sensitivity,
            power_curves,
            nof1_trade_off,
            case: case_evidence,
            assumptions,
        })
    }

    fn validate_options(&self) -> Result<()> {
        for (name, v) in [("alpha", self.alpha), ("target_power", self.target_power)] {
            if !(v > 0.0 && v < 1.0) {
                return Err(Error::InvalidParameter {
                    name,
                    value: v,
                    expected: "in (0, 1)",
                });
            }
        }
        if self.alternative == Alternative::Less {
            return Err(Error::InvalidDesign {
                reason: "a trial plan tests whether the treatment is better than placebo: use Alternative::TwoSided or Alternative::Greater, not Less".to_string(),
            });
        }
        if let Some(0) = self.budget {
            return Err(Error::InvalidParameter {
                name: "budget",
                value: 0.0,
                expected: "a positive number of patients",
            });
        }
        for &f in &self.effect_fractions {
            if !(f > 0.0 && f <= 1.0) {
                return Err(Error::InvalidParameter {
                    name: "sensitivity effect fraction",
                    value: f,
                    expected: "in (0, 1]",
                });
            }
        }
        for &m in &self.sd_multipliers {
            if !(m > 0.0 && m.is_finite()) {
                return Err(Error::InvalidParameter {
                    name: "sensitivity SD multiplier",
                    value: m,
                    expected: "positive and finite",
                });
            }
        }
        self.assumptions.validate()
    }

    fn settings(&self) -> Settings {
        Settings {
            alpha: self.alpha,
            alternative: self.alternative,
        }
    }

    fn case_values(&self) -> Result<CaseValues> {
        match &self.source {
            Source::Values { pre, post, scale } => Ok(CaseValues {
                pre: *pre,
                post: *post,
                scale: *scale,
                phases: None,
            }),
            Source::Series(series) => {
                let change = PhaseChange::new(series)?;
                Ok(CaseValues {
                    pre: change.baseline_mean,
                    post: change.treatment_mean,
                    scale: *series.scale(),
                    phases: Some(change),
                })
            }
        }
    }

    /// The power layer's spec, the effect in its measure, and the responder rates.
    fn spec(&self, kind: DesignKind, effect: f64, a: &PlanningAssumptions) -> Result<SpecEffect> {
        let sd_change = a.sd_change_value();
        let sigma = a.sd_value();
        let t = |spec, measure, e| SpecEffect {
            spec,
            measure,
            effect: e,
            placebo_rate: None,
            treatment_rate: None,
        };
        Ok(match kind {
            DesignKind::Parallel => t(Spec::Parallel, EffectMeasure::ChangeD, effect / sd_change),
            DesignKind::Ancova => t(
                Spec::Ancova {
                    rho: a.correlation_value(),
                },
                EffectMeasure::SigmaD,
                effect / sigma,
            ),
            DesignKind::Crossover2x2 => t(
                Spec::Crossover {
                    rho: a.period_correlation_value(),
                },
                EffectMeasure::SigmaD,
                effect / sigma,
            ),
            DesignKind::NOf1Series => t(
                Spec::NOf1 {
                    cycles: a.cycles_value(),
                    within_fraction: a.within_patient_sd_value() / sigma,
                    effect_sd_fraction: a.effect_sd_value() / sigma,
                },
                EffectMeasure::SigmaD,
                effect / sigma,
            ),
            DesignKind::Responders30 | DesignKind::Responders50 => {
                let (p0, given, name) = if kind == DesignKind::Responders30 {
                    (
                        a.placebo_responders_30_value(),
                        a.treatment_responders_30_value(),
                        "treatment_responders_30",
                    )
                } else {
                    (
                        a.placebo_responders_50_value(),
                        a.treatment_responders_50_value(),
                        "treatment_responders_50",
                    )
                };
                let p1 = match given {
                    Some(p1) => p1,
                    None => shifted_responder_rate(p0, effect, sd_change)?,
                };
                if !(p1 > p0 && p1 < 1.0) {
                    return Err(Error::InvalidParameter {
                        name,
                        value: p1,
                        expected: "a treatment responder rate above the placebo arm's and below 1",
                    });
                }
                SpecEffect {
                    spec: Spec::Responders {
                        control_rate: p0,
                        test: self.responder_test,
                    },
                    measure: EffectMeasure::RateDifference,
                    effect: p1 - p0,
                    placebo_rate: Some(p0),
                    treatment_rate: Some(p1),
                }
            }
        })
    }

    fn size_design(
        &self,
        kind: DesignKind,
        effect: f64,
        a: &PlanningAssumptions,
    ) -> Result<DesignPlan> {
        let se = self.spec(kind, effect, a)?;
        let dropout = a.dropout_value();
        let sized = sizing::sample_size(se.spec, self.settings(), se.effect, self.target_power)?;
        let counts = Counts::new(kind, sized.n, dropout);
        let budget = match self.budget {
            Some(patients) => Some(self.budget_analysis(kind, &se, patients, a)?),
            None => None,
        };
        Ok(DesignPlan {
            design: kind,
            effect: se.effect,
            effect_measure: se.measure,
            placebo_rate: se.placebo_rate,
            treatment_rate: se.treatment_rate,
            n_per_arm: counts.per_arm,
            n_per_arm_before_dropout: counts.per_arm_before,
            n_total: counts.total,
            n_total_before_dropout: counts.total_before,
            power: sized.achieved_power,
            cycles: (kind == DesignKind::NOf1Series).then(|| a.cycles_value()),
            budget,
        })
    }

    fn budget_analysis(
        &self,
        kind: DesignKind,
        se: &SpecEffect,
        patients: usize,
        a: &PlanningAssumptions,
    ) -> Result<BudgetAnalysis> {
        let dropout = a.dropout_value();
        let recruited_per_arm = if kind == DesignKind::NOf1Series {
            patients
        } else {
            patients / 2
        };
        let per_arm = analysable(recruited_per_arm, dropout);
        if per_arm < MIN_PER_ARM {
            return Err(Error::InsufficientData {
                what: format!(
                    "a budget of {patients} patients with dropout {dropout} for the {} design ({})",
                    kind.name(),
                    unit_of(kind)
                ),
                needed: MIN_PER_ARM,
                got: per_arm,
            });
        }
        let n = power_count(kind, per_arm);
        let settings = self.settings();
        let power = sizing::power(se.spec, settings, se.effect, n)?;
        // With few patients the target power can be out of reach for every admissible effect
        // (a responder design cannot exceed a treatment rate of 1): that design then has no
        // minimal detectable effect, and the rest of the plan stands.
        let mde = match sizing::min_detectable_effect(se.spec, settings, n, self.target_power) {
            Ok(mde) => Some(mde),
            Err(Error::Unattainable { .. }) => None,
            Err(e) => return Err(e),
        };
        let mde_points = match (mde, se.measure) {
            (None, _) => None,
            (Some(mde), EffectMeasure::ChangeD) => Some(mde * a.sd_change_value()),
            (Some(mde), EffectMeasure::SigmaD) => Some(mde * a.sd_value()),
            (Some(mde), EffectMeasure::RateDifference) => {
                let p0 = se.placebo_rate.unwrap_or(f64::NAN);
                let p1 = p0 + mde;
                if p1 < 1.0 {
                    Some(responder_shift(p0, p1, a.sd_change_value())?)
                } else {
                    None
                }
            }
        };
        Ok(BudgetAnalysis {
            patients,
            n_per_arm: per_arm,
            power,
            min_detectable_design_effect: mde,
            min_detectable_effect: mde_points,
        })
    }

    fn sensitivity(&self, planning_effect: f64) -> Result<Sensitivity> {
        let mut cells = Vec::new();
        for &f in &self.effect_fractions {
            for &m in &self.sd_multipliers {
                let a = self.assumptions.scaled_sds(m);
                let effect = f * planning_effect;
                for kind in DesignKind::ALL {
                    let n_per_arm = match self.spec(kind, effect, &a).and_then(|se| {
                        sizing::sample_size(se.spec, self.settings(), se.effect, self.target_power)
                    }) {
                        Ok(sized) => Some(Counts::new(kind, sized.n, a.dropout_value()).per_arm),
                        Err(Error::Unattainable { .. }) => None,
                        Err(e) => return Err(e),
                    };
                    cells.push(SensitivityCell {
                        design: kind,
                        effect_fraction: f,
                        effect,
                        sd_multiplier: m,
                        sd_change: a.sd_change_value(),
                        n_per_arm,
                    });
                }
            }
        }
        Ok(Sensitivity {
            effect_fractions: self.effect_fractions.clone(),
            sd_multipliers: self.sd_multipliers.clone(),
            cells,
        })
    }

    fn power_curve(&self, design: &DesignPlan, planning_effect: f64) -> Result<PowerCurve> {
        let se = self.spec(design.design, planning_effect, &self.assumptions)?;
        let lo = MIN_PER_ARM;
        let hi = (2 * design.n_per_arm_before_dropout)
            .min(curve_cap(se.spec))
            .max(lo + 1);
        let steps = POWER_CURVE_POINTS.saturating_sub(1).max(1);
        let mut ns: Vec<usize> = (0..=steps)
            .map(|i| lo + ((hi - lo) as f64 * i as f64 / steps as f64).round() as usize)
            .collect();
        ns.dedup();
        let mut points = Vec::with_capacity(ns.len());
        for n in ns {
            let power = sizing::power(
                se.spec,
                self.settings(),
                se.effect,
                power_count(design.design, n),
            )?;
            points.push(CurvePoint {
                n_per_arm: n,
                power,
            });
        }
        Ok(PowerCurve {
            design: design.design,
            points,
        })
    }

    fn nof1_trade_off(&self, planning_effect: f64) -> Result<Vec<NOf1Option>> {
        let a = &self.assumptions;
        let se = self.spec(DesignKind::NOf1Series, planning_effect, a)?;
        let mut cycles: Vec<usize> = NOF1_TRADE_OFF_CYCLES.to_vec();
        cycles.push(a.cycles_value());
        cycles.sort_unstable();
        cycles.dedup();
        let mut rows = Vec::with_capacity(cycles.len());
        for c in cycles {
            match sizing::nof1_option(
                se.spec,
                self.settings(),
                a.dropout_value(),
                se.effect,
                self.target_power,
                c,
            ) {
                Ok(Some(row)) => rows.push(row),
                Ok(None) | Err(Error::Unattainable { .. }) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(rows)
    }

    fn case_evidence(&self, case: &CaseValues) -> Result<CaseEvidence> {
        let a = &self.assumptions;
        let improvement = case.scale.improvement(case.pre, case.post);
        let best = case.scale.best();
        let distance = (case.pre - best).abs();
        let percent_improvement = (distance > 0.0).then(|| 100.0 * improvement / distance);
        let reliability = a.reliability_value();
        let sd = a.sd_value();
        let reliable_change_index = reliable_change_index(improvement, reliability, sd)?;
        let (interval, phase_change, welch_interval) = match (&case.phases, &self.source) {
            (Some(change), Source::Series(series)) => (
                CaseInterval::FromPhases,
                Some(change.clone()),
                // No interval when a phase has one observation or no variability.
                WelchInterval::new(series).ok(),
            ),
            _ => (CaseInterval::TwoNumbersOnly, None, None),
        };
        let standards = match &self.source {
            Source::Values { pre, post, scale } => {
                Some(PrePostCase::new(*scale, *pre, *post)?.wwc_check())
            }
            Source::Series(series) => {
                if series.runs().len() == 2 {
                    AbDesign::new(series).ok().map(|d| d.wwc_check())
                } else {
                    WithdrawalDesign::new(series).ok().map(|d| d.wwc_check())
                }
            }
        };
        Ok(CaseEvidence {
            standards,
            improvement,
            percent_improvement,
            reliable_change_index,
            reliability,
            sd,
            interval,
            phase_change,
            welch_interval,
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
struct CaseValues {
    pre: f64,
    post: f64,
    scale: Scale,
    phases: Option<PhaseChange>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct SpecEffect {
    spec: Spec,
    measure: EffectMeasure,
    effect: f64,
    placebo_rate: Option<f64>,
    treatment_rate: Option<f64>,
}

/// Per-arm and total counts before and after dropout inflation.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Counts {
    per_arm_before: usize,
    per_arm: usize,
    total_before: usize,
    total: usize,
}

impl Counts {
    /// From the power layer's n (per group; all patients for the crossover; patients for the
    /// N-of-1 series).
    fn new(kind: DesignKind, n: usize, dropout: f64) -> Counts {
        let (per_arm_before, arms) = match kind {
            DesignKind::Crossover2x2 => (n.div_ceil(2), 2),
            DesignKind::NOf1Series => (n, 1),
            _ => (n, 2),
        };
        let per_arm = inflate(per_arm_before, dropout);
        Counts {
            per_arm_before,
            per_arm,
            total_before: arms * per_arm_before,
            total: arms * per_arm,
        }
    }
}

/// `ceil(n / (1 - dropout))`, guarded against floating-point noise at exact integers.
fn inflate(n: usize, dropout: f64) -> usize {
    let x = n as f64 / (1.0 - dropout);
    let r = x.round();
    if (x - r).abs() <= 1e-9 * r.max(1.0) {
        r as usize
    } else {
        x.ceil() as usize
    }
}

/// The largest analysable n whose inflation fits in `recruited`.
fn analysable(recruited: usize, dropout: f64) -> usize {
    let mut n = ((recruited as f64 * (1.0 - dropout)).floor() as usize).saturating_add(1);
    while n > 0 && inflate(n, dropout) > recruited {
        n -= 1;
    }
    n
}

/// The largest per-arm n the power layer accepts for this design (its n cap, or Fisher's exact
/// test's), so that a power curve never asks for more.
fn curve_cap(spec: Spec) -> usize {
    match spec {
        Spec::Responders {
            test: ProportionTest::FisherExact,
            ..
        } => FISHER_MAX_N,
        Spec::Crossover { .. } => MAX_N / 2,
        _ => MAX_N,
    }
}

/// The power layer's n from the per-arm count.
fn power_count(kind: DesignKind, per_arm: usize) -> usize {
    match kind {
        DesignKind::Crossover2x2 => 2 * per_arm,
        _ => per_arm,
    }
}

fn unit_of(kind: DesignKind) -> &'static str {
    match kind {
        DesignKind::Crossover2x2 => "analysable patients per sequence group",
        DesignKind::NOf1Series => "analysable patients",
        _ => "analysable patients per arm",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflation_and_its_inverse() {
        assert_eq!(inflate(64, 0.15), 76);
        assert_eq!(inflate(64, 0.2), 80);
        assert_eq!(inflate(10, 0.0), 10);
        for d in [0.0, 0.1, 0.15, 0.2, 0.33] {
            for e in 0..200 {
                let n = analysable(e, d);
                assert!(inflate(n, d) <= e);
                assert!(inflate(n + 1, d) > e);
            }
        }
        // The largest budget: no overflow when nothing drops out.
        assert_eq!(analysable(usize::MAX, 0.0), usize::MAX);
    }
}
