//! Planning assumptions for pain, each with its default, its source and a record of whether
//! the user changed it.

use crate::error::{Error, Result};
use crate::scale::Scale;

/// Default placebo-arm improvement on a 0-10 NRS: 0.77 points.
///
/// Sourced: Häuser W et al. (2011). Magnitude and determinants of the placebo response in
/// fibromyalgia trials. *Pain* 152:1709-1717 (mean placebo drop 7.7 on 0-100).
pub const PLACEBO_RESPONSE_NRS: f64 = 0.77;
/// Default share of placebo-arm patients reaching at least 30% pain relief: 0.308.
///
/// Sourced: Häuser et al. (2011), *Pain* 152:1709-1717.
pub const PLACEBO_RESPONDERS_30: f64 = 0.308;
/// Default share of placebo-arm patients reaching at least 50% pain relief: 0.188.
///
/// Sourced: Häuser et al. (2011), *Pain* 152:1709-1717.
pub const PLACEBO_RESPONDERS_50: f64 = 0.188;
/// Default mean baseline of patients entering the trial on a 0-10 NRS: 6.75 points.
///
/// To check: fibromyalgia trials report entry means of about 6.5-7 (entry criteria usually
/// require at least 4 to 6); 6.75 is the middle of that range.
pub const TRIAL_BASELINE_NRS: f64 = 6.75;
/// Default baseline-follow-up correlation rho: 0.5.
///
/// To check: Walters SJ et al. (2019). Sample size estimation for randomised controlled
/// trials with repeated assessment of patient-reported outcomes. *Trials* 20:566 (about 0.5
/// on average; some pain outcomes 0.2-0.5).
pub const CORRELATION: f64 = 0.5;
/// Default SD of the change from baseline on a 0-10 NRS: 2.5 points.
///
/// Sourced: the SD of change in chronic-pain trials is about 2.5 points on 0-10 (see the
/// crate's pain reference notes).
pub const SD_CHANGE_NRS: f64 = 2.5;
/// Default test-retest reliability of the pain NRS, for the reliable change index: 0.9.
///
/// Sourced: Ferraz MB et al. (1990), *J Rheumatol* 17:1022-1024; Sendlbeck M et al. (2015),
/// *Rheumatol Int* 35:1747 (0.90-0.96 in rheumatoid arthritis).
pub const RELIABILITY: f64 = 0.9;
/// Default dropout fraction: 0.15 (an assumption, no source).
pub const DROPOUT: f64 = 0.15;
/// Default number of N-of-1 cycles per patient: 3 (an assumption, no source).
pub const CYCLES: usize = 3;
/// Default within-patient SD of a period's mean outcome on a 0-10 NRS: 1.0 point.
///
/// An assumption: day-to-day SD in fibromyalgia diaries is about 1.6 (Harris RE et al. 2005,
/// *Arthritis Rheum* 52:3670-3674), and a period's mean averages several days.
pub const WITHIN_PATIENT_SD_NRS: f64 = 1.0;
/// Default SD of the treatment effect across patients on a 0-10 NRS: 1.0 point (an assumption).
pub const EFFECT_SD_NRS: f64 = 1.0;
/// Default shrinkage factor: 1 (no shrinkage; an assumption, see [`PlanningAssumptions::shrinkage`]).
pub const SHRINKAGE: f64 = 1.0;
/// Pooled improvement of IV ketamine over placebo in chronic pain on a 0-10 NRS: 1.83 points.
///
/// Sourced: Orhurhu V et al. (2019). Ketamine infusions for chronic pain: a systematic review
/// and meta-analysis of randomized controlled trials. *Anesth Analg* 129:241-254 (-1.83
/// points, 95% CI -2.35 to -1.31, up to 2 weeks, 7 trials, 211 patients; as an improvement,
/// +1.83).
pub const KETAMINE_REFERENCE_EFFECT_NRS: f64 = 1.83;

/// How well a default is supported, as the pain reference table labels it.
///
/// # Examples
///
/// ```
/// use outcome_stats::plan::{PlanningAssumptions, Support};
/// let records = PlanningAssumptions::nrs11().records();
/// assert_eq!(records[0].support, Support::Sourced);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Support {
    /// Taken from a published source.
    Sourced,
    /// Taken from secondary summaries: to be checked against the primary paper.
    Check,
    /// Computed from other assumptions.
    Derived,
    /// No good source: the crate's assumption, labelled as such.
    Assumption,
}

/// Where a value in a plan came from: the preset's default or the user.
///
/// # Examples
///
/// ```
/// use outcome_stats::plan::{Origin, PlanningAssumptions};
/// let a = PlanningAssumptions::nrs11().dropout(0.2);
/// let dropout = a.records().into_iter().find(|r| r.name == "dropout");
/// assert_eq!(dropout.map(|r| r.origin), Some(Origin::Given));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Origin {
    /// The preset's documented default.
    Default,
    /// Given by the user.
    Given,
}

/// The unit of an assumption's value.
///
/// # Examples
///
/// ```
/// use outcome_stats::plan::Unit;
/// assert_ne!(Unit::Points, Unit::Proportion);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Unit {
    /// Points on the outcome's scale.
    Points,
    /// A proportion in (0, 1).
    Proportion,
    /// A correlation in (-1, 1).
    Correlation,
    /// A count.
    Count,
    /// A multiplier without unit.
    Factor,
}

/// One row of the assumptions behind a plan: name, value, unit, support and origin.
///
/// # Examples
///
/// ```
/// use outcome_stats::plan::{Origin, PlanningAssumptions};
/// for r in PlanningAssumptions::vas100().records() {
///     assert_eq!(r.origin, Origin::Default);
/// }
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct AssumptionRecord {
    /// Machine name, as the JSON and the `plan_trial` flags use it.
    pub name: &'static str,
    /// Plain-language description.
    pub description: &'static str,
    /// The value used, `None` when the assumption is not used (no reference effect).
    pub value: Option<f64>,
    /// Its unit.
    pub unit: Unit,
    /// How well the default is supported.
    pub support: Support,
    /// The default's source, or why it is an assumption.
    pub source: &'static str,
    /// Whether the value is the preset's default or was given.
    pub origin: Origin,
}

/// The assumptions a trial plan rests on, with documented defaults for pain.
///
/// One number per assumption, so two people with the same inputs get the same plan. The
/// defaults are those of the crate's pain reference table for a 0-10 NRS in chronic pain
/// populations ([`PlanningAssumptions::nrs11`]); [`PlanningAssumptions::vas100`] multiplies
/// every value in points by 10 for the 0-100 mm VAS. Every value can be overridden with the
/// setter of the same name; [`PlanningAssumptions::records`] lists each value with its
/// source and whether it was the default or given.
///
/// | assumption | NRS default | support |
/// |---|---|---|
/// | placebo-arm improvement | 0.77 points | sourced: Häuser et al. 2011 (7.7/100) |
/// | placebo-arm responders >= 30% / >= 50% | 0.308 / 0.188 | sourced: Häuser et al. 2011 |
/// | mean baseline at trial entry | 6.75 points | check: fibromyalgia trials, 6.5-7 |
/// | baseline-follow-up correlation rho | 0.5 | check: Walters et al. 2019 |
/// | SD of change | 2.5 points | sourced: chronic-pain trials |
/// | outcome SD sigma | SD of change / sqrt(2 (1 - rho)) = 2.5 | derived |
/// | test-retest reliability | 0.9 | sourced: Ferraz 1990, Sendlbeck 2015 |
/// | dropout | 0.15 | assumption |
/// | N-of-1 cycles per patient | 3 | assumption |
/// | N-of-1 within-patient SD of a period's mean | 1.0 points | assumption (Harris 2005: daily SD about 1.6) |
/// | N-of-1 SD of the treatment effect across patients | 1.0 points | assumption |
/// | shrinkage factor | 1 (none) | assumption (Pereira 2012, Nüesch 2010) |
/// | reference effect | none (IV ketamine: 1.83 points, Orhurhu 2019) | sourced |
///
/// Setters only store; [`PlanningAssumptions::validate`] (called by the planner) checks the
/// whole set.
///
/// # References
///
/// - Häuser W, Bartram-Wunn E, Bartram C, Reinecke H, Tölle T (2011). Systematic review:
///   placebo response in drug trials of fibromyalgia syndrome and painful peripheral diabetic
///   neuropathy. *Pain* 152:1709-1717.
/// - Walters SJ et al. (2019). *Trials* 20:566.
/// - Barnett AG, van der Pols JC, Dobson AJ (2005). Regression to the mean: what it is and how
///   to deal with it. *Int J Epidemiol* 34:215-220.
/// - Pereira TV, Horwitz RI, Ioannidis JPA (2012). Empirical evaluation of very large
///   treatment effects of medical interventions. *JAMA* 308:1676-1684.
/// - Nüesch E et al. (2010). Small study effects in meta-analyses of osteoarthritis trials.
///   *BMJ* 341:c3515.
/// - Orhurhu V et al. (2019). *Anesth Analg* 129:241-254.
///
/// # Examples
///
/// ```
/// use outcome_stats::plan::PlanningAssumptions;
///
/// let nrs = PlanningAssumptions::nrs11();
/// assert_eq!(nrs.placebo_response_value(), 0.77);
/// assert_eq!(nrs.sd_value(), 2.5); // derived: 2.5 / sqrt(2 (1 - 0.5))
///
/// let vas = PlanningAssumptions::vas100().correlation(0.3);
/// assert_eq!(vas.sd_change_value(), 25.0);
/// assert!(vas.validate().is_ok());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct PlanningAssumptions {
    scale: Scale,
    unit: f64,
    placebo_response: Option<f64>,
    placebo_responders_30: Option<f64>,
    placebo_responders_50: Option<f64>,
    treatment_responders_30: Option<f64>,
    treatment_responders_50: Option<f64>,
    trial_baseline: Option<f64>,
    correlation: Option<f64>,
    sd_baseline: Option<f64>,
    sd_followup: Option<f64>,
    sd_change: Option<f64>,
    sd: Option<f64>,
    reliability: Option<f64>,
    dropout: Option<f64>,
    cycles: Option<usize>,
    within_patient_sd: Option<f64>,
    effect_sd: Option<f64>,
    period_correlation: Option<f64>,
    shrinkage: Option<f64>,
    reference_effect: Option<f64>,
    reference_is_ketamine: bool,
}

impl Default for PlanningAssumptions {
    fn default() -> Self {
        PlanningAssumptions::nrs11()
    }
}

impl PlanningAssumptions {
    fn preset(scale: Scale, unit: f64) -> PlanningAssumptions {
        PlanningAssumptions {
            scale,
            unit,
            placebo_response: None,
            placebo_responders_30: None,
            placebo_responders_50: None,
            treatment_responders_30: None,
            treatment_responders_50: None,
            trial_baseline: None,
            correlation: None,
            sd_baseline: None,
            sd_followup: None,
            sd_change: None,
            sd: None,
            reliability: None,
            dropout: None,
            cycles: None,
            within_patient_sd: None,
            effect_sd: None,
            period_correlation: None,
            shrinkage: None,
            reference_effect: None,
            reference_is_ketamine: false,
        }
    }

    /// The defaults for pain on the 0-10 NRS in chronic pain populations (the table above).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// assert_eq!(PlanningAssumptions::nrs11().trial_baseline_value(), 6.75);
    /// ```
    pub fn nrs11() -> PlanningAssumptions {
        PlanningAssumptions::preset(Scale::nrs11(), 1.0)
    }

    /// The same defaults for the 0-100 mm VAS: every value in points multiplied by 10;
    /// rates, correlations, counts and factors unchanged.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// let vas = PlanningAssumptions::vas100();
    /// assert_eq!(vas.trial_baseline_value(), 67.5);
    /// assert_eq!(vas.correlation_value(), 0.5);
    /// ```
    pub fn vas100() -> PlanningAssumptions {
        PlanningAssumptions::preset(Scale::vas100(), 10.0)
    }

    /// The scale the assumptions' values in points refer to.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::{Scale, plan::PlanningAssumptions};
    /// assert_eq!(PlanningAssumptions::vas100().scale(), Scale::vas100());
    /// ```
    pub fn scale(&self) -> Scale {
        self.scale
    }

    /// Sets the expected mean improvement in a placebo arm (scale points, improvement-signed).
    /// It already contains the trial's own regression to the mean, natural course and
    /// expectation effects.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// let a = PlanningAssumptions::nrs11().placebo_response(1.2);
    /// assert_eq!(a.placebo_response_value(), 1.2);
    /// ```
    pub fn placebo_response(mut self, points: f64) -> Self {
        self.placebo_response = Some(points);
        self
    }
    /// Sets the placebo arm's share of patients with at least 30% improvement, in (0, 1).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// let a = PlanningAssumptions::nrs11().placebo_responders_30(0.25);
    /// assert_eq!(a.placebo_responders_30_value(), 0.25);
    /// ```
    pub fn placebo_responders_30(mut self, rate: f64) -> Self {
        self.placebo_responders_30 = Some(rate);
        self
    }
    /// Sets the placebo arm's share of patients with at least 50% improvement, in (0, 1).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// let a = PlanningAssumptions::nrs11().placebo_responders_50(0.15);
    /// assert_eq!(a.placebo_responders_50_value(), 0.15);
    /// ```
    pub fn placebo_responders_50(mut self, rate: f64) -> Self {
        self.placebo_responders_50 = Some(rate);
        self
    }
    /// Gives the treatment arm's share of patients with at least 30% improvement, in (0, 1),
    /// instead of deriving it by the normal shift model.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// let a = PlanningAssumptions::nrs11().treatment_responders_30(0.5);
    /// assert_eq!(a.treatment_responders_30_value(), Some(0.5));
    /// ```
    pub fn treatment_responders_30(mut self, rate: f64) -> Self {
        self.treatment_responders_30 = Some(rate);
        self
    }
    /// Gives the treatment arm's share of patients with at least 50% improvement, in (0, 1),
    /// instead of deriving it by the normal shift model.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// let a = PlanningAssumptions::nrs11().treatment_responders_50(0.35);
    /// assert_eq!(a.treatment_responders_50_value(), Some(0.35));
    /// ```
    pub fn treatment_responders_50(mut self, rate: f64) -> Self {
        self.treatment_responders_50 = Some(rate);
        self
    }
    /// Sets the mean baseline of patients entering the trial (scale points, on the scale).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// let a = PlanningAssumptions::nrs11().trial_baseline(7.0);
    /// assert_eq!(a.trial_baseline_value(), 7.0);
    /// ```
    pub fn trial_baseline(mut self, points: f64) -> Self {
        self.trial_baseline = Some(points);
        self
    }
    /// Sets rho, the baseline-follow-up correlation, in (-1, 1). It drives regression to the
    /// mean, the ANCOVA gain, the derived outcome SD and (unless given separately) the
    /// crossover's period correlation. It is not the test-retest reliability.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// let a = PlanningAssumptions::nrs11().correlation(0.3);
    /// assert_eq!(a.correlation_value(), 0.3);
    /// ```
    pub fn correlation(mut self, rho: f64) -> Self {
        self.correlation = Some(rho);
        self
    }
    /// Gives separate SDs at baseline (`sd_baseline`, sigma_0) and follow-up (`sd_followup`,
    /// sigma_1), in points: the regression slope becomes rho sigma_1 / sigma_0. Entry
    /// criteria narrow the baseline SD, so the slope steepens and the extra fall shrinks.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// let a = PlanningAssumptions::nrs11().baseline_followup_sds(1.4, 2.5);
    /// assert_eq!((a.sd_baseline_value(), a.sd_followup_value()), (Some(1.4), Some(2.5)));
    /// ```
    pub fn baseline_followup_sds(mut self, sd_baseline: f64, sd_followup: f64) -> Self {
        self.sd_baseline = Some(sd_baseline);
        self.sd_followup = Some(sd_followup);
        self
    }
    /// Sets the SD of the change from baseline (points).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// let a = PlanningAssumptions::nrs11().sd_change(3.0);
    /// assert_eq!(a.sd_change_value(), 3.0);
    /// ```
    pub fn sd_change(mut self, points: f64) -> Self {
        self.sd_change = Some(points);
        self
    }
    /// Sets sigma, the outcome's SD between patients (points), instead of deriving it as
    /// SD_change / sqrt(2 (1 - rho)) (which assumes equal SDs at baseline and follow-up;
    /// separate SDs given with [`PlanningAssumptions::baseline_followup_sds`] only set the
    /// regression slope, so give sigma too when they differ).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// let a = PlanningAssumptions::nrs11().sd(2.2);
    /// assert_eq!(a.sd_value(), 2.2);
    /// ```
    pub fn sd(mut self, points: f64) -> Self {
        self.sd = Some(points);
        self
    }
    /// Sets the instrument's test-retest reliability in (0, 1), used only by the reliable
    /// change index.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// let a = PlanningAssumptions::nrs11().reliability(0.95);
    /// assert_eq!(a.reliability_value(), 0.95);
    /// ```
    pub fn reliability(mut self, r: f64) -> Self {
        self.reliability = Some(r);
        self
    }
    /// Sets the expected dropout fraction in [0, 1).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// let a = PlanningAssumptions::nrs11().dropout(0.2);
    /// assert_eq!(a.dropout_value(), 0.2);
    /// ```
    pub fn dropout(mut self, fraction: f64) -> Self {
        self.dropout = Some(fraction);
        self
    }
    /// Sets the number of N-of-1 cycles (treatment and placebo period each) per patient.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// let a = PlanningAssumptions::nrs11().cycles(4);
    /// assert_eq!(a.cycles_value(), 4);
    /// ```
    pub fn cycles(mut self, cycles: usize) -> Self {
        self.cycles = Some(cycles);
        self
    }
    /// Sets the N-of-1 within-patient SD of a period's mean outcome (points).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// let a = PlanningAssumptions::nrs11().within_patient_sd(1.6);
    /// assert_eq!(a.within_patient_sd_value(), 1.6);
    /// ```
    pub fn within_patient_sd(mut self, points: f64) -> Self {
        self.within_patient_sd = Some(points);
        self
    }
    /// Sets the N-of-1 SD of the treatment effect across patients (points, may be 0).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// let a = PlanningAssumptions::nrs11().effect_sd(0.0);
    /// assert_eq!(a.effect_sd_value(), 0.0);
    /// ```
    pub fn effect_sd(mut self, points: f64) -> Self {
        self.effect_sd = Some(points);
        self
    }
    /// Sets the correlation between the two periods of the 2x2 crossover (defaults to rho).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// let a = PlanningAssumptions::nrs11().period_correlation(0.7);
    /// assert_eq!(a.period_correlation_value(), 0.7);
    /// ```
    pub fn period_correlation(mut self, rho: f64) -> Self {
        self.period_correlation = Some(rho);
        self
    }
    /// Sets the shrinkage factor in (0, 1] applied to what survives placebo response and
    /// regression to the mean (default 1, no shrinkage).
    ///
    /// Very large effects from early, small or uncontrolled studies usually shrink in later
    /// trials (Pereira et al. 2012, *JAMA* 308:1676); small pain trials overstate effects by
    /// about 0.21 SD (Nüesch et al. 2010, *BMJ* 341:c3515). The crate does not choose a
    /// factor for you: 1 is an assumption, and the report labels it so.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// let a = PlanningAssumptions::nrs11().shrinkage(0.5);
    /// assert_eq!(a.shrinkage_value(), 0.5);
    /// ```
    pub fn shrinkage(mut self, factor: f64) -> Self {
        self.shrinkage = Some(factor);
        self
    }
    /// Sets a reference effect: a drug-versus-placebo difference from controlled trials of the
    /// same treatment, in scale points, improvement-signed (a pooled fall of 1.83 points is
    /// entered as 1.83). The plan is sized on the smaller of this and the case's chain.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// let a = PlanningAssumptions::nrs11().reference_effect(1.83);
    /// assert_eq!(a.reference_effect_value(), Some(1.83));
    /// ```
    pub fn reference_effect(mut self, points: f64) -> Self {
        self.reference_effect = Some(points);
        self.reference_is_ketamine = false;
        self
    }
    /// Sets the reference effect to the pooled effect of IV ketamine in chronic pain,
    /// 1.83 points on the NRS (18.3 on the VAS; Orhurhu et al. 2019, *Anesth Analg*
    /// 129:241-254), labelled as sourced in the records.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// let a = PlanningAssumptions::vas100().ketamine_reference_effect();
    /// assert_eq!(a.reference_effect_value(), Some(18.3));
    /// ```
    pub fn ketamine_reference_effect(mut self) -> Self {
        self.reference_effect = Some(KETAMINE_REFERENCE_EFFECT_NRS * self.unit);
        self.reference_is_ketamine = true;
        self
    }

    /// The placebo-arm improvement used (points).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// assert_eq!(PlanningAssumptions::vas100().placebo_response_value(), 7.7);
    /// ```
    pub fn placebo_response_value(&self) -> f64 {
        self.placebo_response
            .unwrap_or(PLACEBO_RESPONSE_NRS * self.unit)
    }
    /// The placebo arm's >= 30% responder rate used.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// assert_eq!(PlanningAssumptions::nrs11().placebo_responders_30_value(), 0.308);
    /// ```
    pub fn placebo_responders_30_value(&self) -> f64 {
        self.placebo_responders_30.unwrap_or(PLACEBO_RESPONDERS_30)
    }
    /// The placebo arm's >= 50% responder rate used.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// assert_eq!(PlanningAssumptions::nrs11().placebo_responders_50_value(), 0.188);
    /// ```
    pub fn placebo_responders_50_value(&self) -> f64 {
        self.placebo_responders_50.unwrap_or(PLACEBO_RESPONDERS_50)
    }
    /// The treatment arm's >= 30% responder rate, when given.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// assert_eq!(PlanningAssumptions::nrs11().treatment_responders_30_value(), None);
    /// ```
    pub fn treatment_responders_30_value(&self) -> Option<f64> {
        self.treatment_responders_30
    }
    /// The treatment arm's >= 50% responder rate, when given.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// assert_eq!(PlanningAssumptions::nrs11().treatment_responders_50_value(), None);
    /// ```
    pub fn treatment_responders_50_value(&self) -> Option<f64> {
        self.treatment_responders_50
    }
    /// The trial's mean baseline used (points).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// assert_eq!(PlanningAssumptions::nrs11().trial_baseline_value(), 6.75);
    /// ```
    pub fn trial_baseline_value(&self) -> f64 {
        self.trial_baseline
            .unwrap_or(TRIAL_BASELINE_NRS * self.unit)
    }
    /// rho, the baseline-follow-up correlation used.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// assert_eq!(PlanningAssumptions::nrs11().correlation_value(), 0.5);
    /// ```
    pub fn correlation_value(&self) -> f64 {
        self.correlation.unwrap_or(CORRELATION)
    }
    /// The baseline SD sigma_0, when given separately.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// assert_eq!(PlanningAssumptions::nrs11().sd_baseline_value(), None);
    /// ```
    pub fn sd_baseline_value(&self) -> Option<f64> {
        self.sd_baseline
    }
    /// The follow-up SD sigma_1, when given separately.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// assert_eq!(PlanningAssumptions::nrs11().sd_followup_value(), None);
    /// ```
    pub fn sd_followup_value(&self) -> Option<f64> {
        self.sd_followup
    }
    /// The SD of change used (points).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// assert_eq!(PlanningAssumptions::vas100().sd_change_value(), 25.0);
    /// ```
    pub fn sd_change_value(&self) -> f64 {
        self.sd_change.unwrap_or(SD_CHANGE_NRS * self.unit)
    }
    /// sigma, the outcome's SD used (points): given, or SD_change / sqrt(2 (1 - rho)).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// let a = PlanningAssumptions::nrs11().correlation(0.2);
    /// assert!((a.sd_value() - 2.5 / 1.6f64.sqrt()).abs() < 1e-12);
    /// ```
    pub fn sd_value(&self) -> f64 {
        match self.sd {
            Some(sd) => sd,
            None => self.sd_change_value() / (2.0 * (1.0 - self.correlation_value())).sqrt(),
        }
    }
    /// The test-retest reliability used.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// assert_eq!(PlanningAssumptions::nrs11().reliability_value(), 0.9);
    /// ```
    pub fn reliability_value(&self) -> f64 {
        self.reliability.unwrap_or(RELIABILITY)
    }
    /// The dropout fraction used.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// assert_eq!(PlanningAssumptions::nrs11().dropout_value(), 0.15);
    /// ```
    pub fn dropout_value(&self) -> f64 {
        self.dropout.unwrap_or(DROPOUT)
    }
    /// The N-of-1 cycles per patient used.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// assert_eq!(PlanningAssumptions::nrs11().cycles_value(), 3);
    /// ```
    pub fn cycles_value(&self) -> usize {
        self.cycles.unwrap_or(CYCLES)
    }
    /// The N-of-1 within-patient SD used (points).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// assert_eq!(PlanningAssumptions::vas100().within_patient_sd_value(), 10.0);
    /// ```
    pub fn within_patient_sd_value(&self) -> f64 {
        self.within_patient_sd
            .unwrap_or(WITHIN_PATIENT_SD_NRS * self.unit)
    }
    /// The N-of-1 SD of the treatment effect across patients used (points).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// assert_eq!(PlanningAssumptions::nrs11().effect_sd_value(), 1.0);
    /// ```
    pub fn effect_sd_value(&self) -> f64 {
        self.effect_sd.unwrap_or(EFFECT_SD_NRS * self.unit)
    }
    /// The crossover's period correlation used (rho unless given).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// assert_eq!(PlanningAssumptions::nrs11().correlation(0.3).period_correlation_value(), 0.3);
    /// ```
    pub fn period_correlation_value(&self) -> f64 {
        self.period_correlation
            .unwrap_or_else(|| self.correlation_value())
    }
    /// The shrinkage factor used.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// assert_eq!(PlanningAssumptions::nrs11().shrinkage_value(), 1.0);
    /// ```
    pub fn shrinkage_value(&self) -> f64 {
        self.shrinkage.unwrap_or(SHRINKAGE)
    }
    /// The reference effect, when given (points).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// assert_eq!(PlanningAssumptions::nrs11().reference_effect_value(), None);
    /// ```
    pub fn reference_effect_value(&self) -> Option<f64> {
        self.reference_effect
    }

    /// The same assumptions with every SD in points (SD of change, sigma when given, the
    /// separate baseline and follow-up SDs, the N-of-1 within-patient SD and effect SD)
    /// multiplied by `factor`; used by the sensitivity table.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// let a = PlanningAssumptions::nrs11().scaled_sds(1.2);
    /// assert!((a.sd_change_value() - 3.0).abs() < 1e-12);
    /// assert!((a.within_patient_sd_value() - 1.2).abs() < 1e-12);
    /// ```
    pub fn scaled_sds(&self, factor: f64) -> PlanningAssumptions {
        let mut out = self.clone();
        out.sd_change = Some(self.sd_change_value() * factor);
        out.sd = self.sd.map(|v| v * factor);
        out.sd_baseline = self.sd_baseline.map(|v| v * factor);
        out.sd_followup = self.sd_followup.map(|v| v * factor);
        out.within_patient_sd = Some(self.within_patient_sd_value() * factor);
        out.effect_sd = Some(self.effect_sd_value() * factor);
        out
    }

    /// Checks every value: rates in (0, 1), correlations in (-1, 1), reliability in (0, 1),
    /// dropout in [0, 1), SDs positive and finite (the effect SD may be 0), at least one
    /// cycle, shrinkage in (0, 1], the trial baseline on the scale, a finite placebo response,
    /// and a positive finite reference effect.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] naming the first value out of range; a negative reference
    /// effect gets a message saying effects are improvement-signed.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::PlanningAssumptions;
    /// assert!(PlanningAssumptions::nrs11().reliability(1.0).validate().is_err());
    /// assert!(PlanningAssumptions::nrs11().reference_effect(-1.83).validate().is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate(&self) -> Result<()> {
        fn open_unit(name: &'static str, v: f64) -> Result<()> {
            if !(v > 0.0 && v < 1.0) {
                return Err(Error::InvalidParameter {
                    name,
                    value: v,
                    expected: "in (0, 1)",
                });
            }
            Ok(())
        }
        fn correlation(name: &'static str, v: f64) -> Result<()> {
            if !(v > -1.0 && v < 1.0) {
                return Err(Error::InvalidParameter {
                    name,
                    value: v,
                    expected: "a correlation in (-1, 1)",
                });
            }
            Ok(())
        }
        fn positive(name: &'static str, v: f64) -> Result<()> {
            if !(v > 0.0 && v.is_finite()) {
                return Err(Error::InvalidParameter {
                    name,
                    value: v,
                    expected: "a positive finite SD in scale points",
                });
            }
            Ok(())
        }
        let p = self.placebo_response_value();
        if !(p.is_finite() && p.abs() <= self.scale.range()) {
            return Err(Error::InvalidParameter {
                name: "placebo_response",
                value: p,
                expected: "a finite improvement in scale points, no larger than the scale's range",
            });
        }
        open_unit("placebo_responders_30", self.placebo_responders_30_value())?;
        open_unit("placebo_responders_50", self.placebo_responders_50_value())?;
        if let Some(r) = self.treatment_responders_30 {
            open_unit("treatment_responders_30", r)?;
        }
        if let Some(r) = self.treatment_responders_50 {
            open_unit("treatment_responders_50", r)?;
        }
        let b = self.trial_baseline_value();
        if !(b.is_finite() && self.scale.contains(b)) {
            return Err(Error::InvalidParameter {
                name: "trial_baseline",
                value: b,
                expected: "a mean baseline on the outcome's scale",
            });
        }
        correlation("correlation", self.correlation_value())?;
        correlation("period_correlation", self.period_correlation_value())?;
        if let Some(v) = self.sd_baseline {
            positive("sd_baseline", v)?;
        }
        if let Some(v) = self.sd_followup {
            positive("sd_followup", v)?;
        }
        positive("sd_change", self.sd_change_value())?;
        positive("sd", self.sd_value())?;
        open_unit("reliability", self.reliability_value())?;
        let d = self.dropout_value();
        if !(0.0..1.0).contains(&d) {
            return Err(Error::InvalidParameter {
                name: "dropout",
                value: d,
                expected: "in [0, 1)",
            });
        }
        if self.cycles_value() < 1 {
            return Err(Error::InvalidParameter {
                name: "cycles",
                value: 0.0,
                expected: "at least 1 cycle per patient",
            });
        }
        positive("within_patient_sd", self.within_patient_sd_value())?;
        let tau = self.effect_sd_value();
        if !(tau >= 0.0 && tau.is_finite()) {
            return Err(Error::InvalidParameter {
                name: "effect_sd",
                value: tau,
                expected: "a finite SD >= 0 in scale points",
            });
        }
        let s = self.shrinkage_value();
        if !(s > 0.0 && s <= 1.0) {
            return Err(Error::InvalidParameter {
                name: "shrinkage",
                value: s,
                expected: "a factor in (0, 1] (1 means no shrinkage)",
            });
        }
        if let Some(e) = self.reference_effect {
            if !(e > 0.0 && e.is_finite()) {
                return Err(Error::InvalidParameter {
                    name: "reference_effect",
                    value: e,
                    expected: "a positive finite improvement in scale points (effects are improvement-signed: a pooled fall of 1.83 points is entered as 1.83)",
                });
            }
        }
        Ok(())
    }

    /// Every assumption with its value, unit, support, source and origin (default or given),
    /// in the order of the pain reference table.
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::plan::{Origin, PlanningAssumptions, Support};
    /// let records = PlanningAssumptions::nrs11().sd_change(3.0).records();
    /// let sd = records.iter().find(|r| r.name == "sd_change");
    /// assert_eq!(sd.map(|r| (r.value, r.origin)), Some((Some(3.0), Origin::Given)));
    /// let dropout = records.iter().find(|r| r.name == "dropout");
    /// assert_eq!(dropout.map(|r| r.support), Some(Support::Assumption));
    /// ```
    pub fn records(&self) -> Vec<AssumptionRecord> {
        fn origin<T>(o: &Option<T>) -> Origin {
            if o.is_some() {
                Origin::Given
            } else {
                Origin::Default
            }
        }
        let rec = |name, description, value, unit, support, source, origin| AssumptionRecord {
            name,
            description,
            value,
            unit,
            support,
            source,
            origin,
        };
        let hauser = "Häuser et al. 2011, Pain 152:1709 (fibromyalgia placebo arms)";
        let given_rate = "given instead of the normal shift model";
        let shift = "derived: placebo rate shifted by the planning effect under a normal model with the SD of change";
        let mut out = vec![
            rec(
                "placebo_response",
                "placebo-arm improvement",
                Some(self.placebo_response_value()),
                Unit::Points,
                Support::Sourced,
                "Häuser et al. 2011, Pain 152:1709: mean placebo drop 7.7/100 in fibromyalgia",
                origin(&self.placebo_response),
            ),
            rec(
                "placebo_responders_30",
                "placebo-arm responders with >= 30% improvement",
                Some(self.placebo_responders_30_value()),
                Unit::Proportion,
                Support::Sourced,
                hauser,
                origin(&self.placebo_responders_30),
            ),
            rec(
                "placebo_responders_50",
                "placebo-arm responders with >= 50% improvement",
                Some(self.placebo_responders_50_value()),
                Unit::Proportion,
                Support::Sourced,
                hauser,
                origin(&self.placebo_responders_50),
            ),
            rec(
                "treatment_responders_30",
                "treatment-arm responders with >= 30% improvement",
                self.treatment_responders_30,
                Unit::Proportion,
                if self.treatment_responders_30.is_some() {
                    Support::Assumption
                } else {
                    Support::Derived
                },
                if self.treatment_responders_30.is_some() {
                    given_rate
                } else {
                    shift
                },
                origin(&self.treatment_responders_30),
            ),
            rec(
                "treatment_responders_50",
                "treatment-arm responders with >= 50% improvement",
                self.treatment_responders_50,
                Unit::Proportion,
                if self.treatment_responders_50.is_some() {
                    Support::Assumption
                } else {
                    Support::Derived
                },
                if self.treatment_responders_50.is_some() {
                    given_rate
                } else {
                    shift
                },
                origin(&self.treatment_responders_50),
            ),
            rec(
                "trial_baseline",
                "mean baseline at trial entry",
                Some(self.trial_baseline_value()),
                Unit::Points,
                Support::Check,
                "fibromyalgia trials enter at about 6.5-7 on 0-10 (to check against the trials cited)",
                origin(&self.trial_baseline),
            ),
            rec(
                "correlation",
                "baseline-follow-up correlation rho",
                Some(self.correlation_value()),
                Unit::Correlation,
                Support::Check,
                "Walters et al. 2019, Trials 20:566: about 0.5 on average (to check)",
                origin(&self.correlation),
            ),
        ];
        if self.sd_baseline.is_some() || self.sd_followup.is_some() {
            out.push(rec(
                "sd_baseline",
                "SD at baseline (sigma_0), for the regression slope",
                self.sd_baseline,
                Unit::Points,
                Support::Assumption,
                "given: regression slope rho sigma_1 / sigma_0 (Barnett et al. 2005)",
                Origin::Given,
            ));
            out.push(rec(
                "sd_followup",
                "SD at follow-up (sigma_1), for the regression slope",
                self.sd_followup,
                Unit::Points,
                Support::Assumption,
                "given: regression slope rho sigma_1 / sigma_0 (Barnett et al. 2005)",
                Origin::Given,
            ));
        }
        out.extend([
            rec(
                "sd_change",
                "SD of change from baseline",
                Some(self.sd_change_value()),
                Unit::Points,
                Support::Sourced,
                "chronic-pain trials: about 2.5 points on 0-10",
                origin(&self.sd_change),
            ),
            rec(
                "sd",
                "outcome SD sigma (baseline = follow-up)",
                Some(self.sd_value()),
                Unit::Points,
                Support::Derived,
                "SD of change / sqrt(2 (1 - rho))",
                origin(&self.sd),
            ),
            rec(
                "reliability",
                "test-retest reliability (reliable change index only)",
                Some(self.reliability_value()),
                Unit::Proportion,
                Support::Sourced,
                "Ferraz et al. 1990; Sendlbeck et al. 2015 (0.90-0.96 in RA)",
                origin(&self.reliability),
            ),
            rec(
                "dropout",
                "dropout",
                Some(self.dropout_value()),
                Unit::Proportion,
                Support::Assumption,
                "no good source",
                origin(&self.dropout),
            ),
            rec(
                "cycles",
                "N-of-1: cycles per patient",
                Some(self.cycles_value() as f64),
                Unit::Count,
                Support::Assumption,
                "no good source",
                origin(&self.cycles),
            ),
            rec(
                "within_patient_sd",
                "N-of-1: within-patient SD of a period's mean",
                Some(self.within_patient_sd_value()),
                Unit::Points,
                Support::Assumption,
                "day-to-day SD about 1.6 (Harris et al. 2005); a period averages several days",
                origin(&self.within_patient_sd),
            ),
            rec(
                "effect_sd",
                "N-of-1: SD of the treatment effect across patients",
                Some(self.effect_sd_value()),
                Unit::Points,
                Support::Assumption,
                "no good source",
                origin(&self.effect_sd),
            ),
            rec(
                "period_correlation",
                "2x2 crossover: correlation between periods",
                Some(self.period_correlation_value()),
                Unit::Correlation,
                Support::Derived,
                "equal to rho unless given",
                origin(&self.period_correlation),
            ),
            rec(
                "shrinkage",
                "shrinkage factor",
                Some(self.shrinkage_value()),
                Unit::Factor,
                Support::Assumption,
                "none by default; early, small and uncontrolled studies overstate effects (Pereira et al. 2012; Nüesch et al. 2010)",
                origin(&self.shrinkage),
            ),
            rec(
                "reference_effect",
                "reference effect from controlled trials",
                self.reference_effect,
                Unit::Points,
                Support::Sourced,
                if self.reference_is_ketamine {
                    "Orhurhu et al. 2019, Anesth Analg 129:241: IV ketamine in chronic pain, 1.83 points on 0-10"
                } else {
                    "controlled trials of the same treatment (none by default; IV ketamine: 1.83 points, Orhurhu et al. 2019)"
                },
                if self.reference_is_ketamine {
                    Origin::Default
                } else {
                    origin(&self.reference_effect)
                },
            ),
        ]);
        out
    }
}
