//! Markdown rendering of a trial plan.

use crate::alternative::Alternative;
use crate::design::Verdict;
use crate::plan::{
    CaseInterval, DesignKind, DesignPlan, EffectMeasure, Origin, PlanningBasis, Support, TrialPlan,
    Unit,
};
use std::fmt::Write;

/// Renders a [`TrialPlan`] as a Markdown report.
///
/// Sections: the chain from the observed change to the planning effect (every step with its
/// number), the designs with the patients they need, what a budget buys (when one was given),
/// the sensitivity table, what the case itself can say, every assumption with its source and
/// whether it was a default, and plain-language caveats.
///
/// # Examples
///
/// ```
/// use outcome_stats::{Scale, plan::{PlanningAssumptions, TrialPlanner}, report};
/// let plan = TrialPlanner::from_values(10.0, 1.0, Scale::nrs11(), PlanningAssumptions::nrs11())
///     .plan()?;
/// let md = report::trial_plan_markdown(&plan);
/// assert!(md.contains("planning effect"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn trial_plan_markdown(plan: &TrialPlan) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_plan(&mut out, plan);
    out
}

fn num(x: f64) -> String {
    if !x.is_finite() {
        return format!("{x}");
    }
    let s = format!("{x:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.').to_string();
    if s == "-0" { "0".to_string() } else { s }
}

fn pct(x: f64) -> String {
    format!("{:.1}%", 100.0 * x)
}

fn design_label(kind: DesignKind) -> &'static str {
    match kind {
        DesignKind::Parallel => "parallel, t test on change scores",
        DesignKind::Ancova => "parallel, ANCOVA with baseline",
        DesignKind::Crossover2x2 => "2x2 crossover (AB/BA)",
        DesignKind::Responders30 => "responders, >= 30% improvement",
        DesignKind::Responders50 => "responders, >= 50% improvement",
        DesignKind::NOf1Series => "series of N-of-1 trials",
    }
}

fn per_arm_unit(kind: DesignKind) -> &'static str {
    match kind {
        DesignKind::Crossover2x2 => "per sequence group",
        DesignKind::NOf1Series => "patients",
        _ => "per arm",
    }
}

fn measure_label(m: EffectMeasure) -> &'static str {
    match m {
        EffectMeasure::ChangeD => "d (over SD of change)",
        EffectMeasure::SigmaD => "d (over sigma)",
        EffectMeasure::RateDifference => "rate difference",
    }
}

fn write_plan(out: &mut String, plan: &TrialPlan) -> std::fmt::Result {
    let c = &plan.chain;
    writeln!(out, "# Placebo-controlled trial plan\n")?;
    writeln!(
        out,
        "Planning effect: **{} points** (standardized effect d = {} over the SD of change of {} points). \
         Designs are sized for {} power at a {} significance level ({}), with {} dropout.\n",
        num(plan.planning_effect),
        num(plan.standardized_effect),
        num(plan.standardized.sd_change),
        pct(plan.target_power),
        num(plan.alpha),
        match plan.alternative {
            Alternative::TwoSided => "two-sided",
            Alternative::Greater => "one-sided, treatment better",
            Alternative::Less => "one-sided, treatment worse",
        },
        pct(plan.dropout),
    )?;

    writeln!(out, "## From the case's change to a planning effect\n")?;
    writeln!(out, "| step | points |")?;
    writeln!(out, "|---|---:|")?;
    writeln!(
        out,
        "| observed improvement ({} to {}) | {} |",
        num(c.case_baseline),
        num(c.case_followup),
        num(c.observed_improvement)
    )?;
    writeln!(
        out,
        "| minus expected placebo-arm improvement | -{} |",
        num(c.placebo_response)
    )?;
    writeln!(
        out,
        "| minus extra regression to the mean: (1 - {}) x {} beyond the trial's mean baseline of {}, never below 0 | -{} |",
        num(c.regression_slope),
        num(c.baseline_excess),
        num(c.trial_baseline),
        num(c.regression_to_mean)
    )?;
    writeln!(out, "| = what survives | {} |", num(c.remainder))?;
    writeln!(
        out,
        "| times shrinkage factor {} = the case's chain effect | **{}** |",
        num(c.shrinkage),
        num(c.chain_effect)
    )?;
    match c.reference_effect {
        Some(e) => writeln!(
            out,
            "| reference effect from controlled trials | {} |",
            num(e)
        )?,
        None => writeln!(
            out,
            "| reference effect from controlled trials | not given |"
        )?,
    }
    writeln!(
        out,
        "| planning effect | **{}** |\n",
        num(plan.planning_effect)
    )?;
    match plan.basis {
        PlanningBasis::Reference => writeln!(
            out,
            "The plan uses the reference effect: controlled trials found less than this case's chain \
             leaves ({} of {} points, {}), and one uncontrolled case cannot outweigh controlled trials.\n",
            num(plan.planning_effect),
            num(plan.chain_effect),
            pct(plan.planning_effect / plan.chain_effect)
        )?,
        PlanningBasis::ChainSmaller => writeln!(
            out,
            "The plan uses the case's chain effect: it is smaller than the reference effect, so it is \
             the more cautious of the two.\n"
        )?,
        _ => writeln!(
            out,
            "No reference effect from controlled trials was given: the plan rests on the case's chain \
             alone, which still contains everything one case cannot separate from the drug's effect.\n"
        )?,
    }
    writeln!(
        out,
        "Of the observed {} points, {} remain for the plan ({}).\n",
        num(c.observed_improvement),
        num(plan.planning_effect),
        pct(plan.planning_effect / c.observed_improvement)
    )?;

    writeln!(out, "## Designs\n")?;
    writeln!(
        out,
        "| design | effect | n (before dropout) | n to recruit | counted | total to recruit | power |"
    )?;
    writeln!(out, "|---|---|---:|---:|---|---:|---:|")?;
    for d in &plan.designs {
        writeln!(
            out,
            "| {}{} | {} = {}{} | {} | {} | {} | {} | {} |",
            design_label(d.design),
            d.cycles
                .map(|k| format!(", {k} cycles"))
                .unwrap_or_default(),
            measure_label(d.effect_measure),
            num(d.effect),
            rates(d),
            d.n_per_arm_before_dropout,
            d.n_per_arm,
            per_arm_unit(d.design),
            d.n_total,
            num(d.power)
        )?;
    }
    writeln!(out)?;

    if plan.designs.iter().any(|d| d.budget.is_some()) {
        let patients = plan
            .designs
            .iter()
            .find_map(|d| d.budget.as_ref().map(|b| b.patients))
            .unwrap_or(0);
        writeln!(out, "## With a budget of {patients} patients\n")?;
        writeln!(
            out,
            "| design | analysable n | counted | power at the planning effect | minimal detectable effect (points) |"
        )?;
        writeln!(out, "|---|---:|---|---:|---:|")?;
        for d in &plan.designs {
            if let Some(b) = &d.budget {
                writeln!(
                    out,
                    "| {} | {} | {} | {} | {} |",
                    design_label(d.design),
                    b.n_per_arm,
                    per_arm_unit(d.design),
                    num(b.power),
                    match (b.min_detectable_design_effect, b.min_detectable_effect) {
                        (Some(_), Some(points)) => num(points),
                        (Some(_), None) => "none below a rate of 1".to_string(),
                        (None, _) => "none: the target power is out of reach".to_string(),
                    }
                )?;
            }
        }
        writeln!(out)?;
    }

    if !plan.nof1_trade_off.is_empty() {
        writeln!(out, "## N-of-1 series: patients against cycles\n")?;
        writeln!(
            out,
            "| cycles per patient | patients (before dropout) | patients to recruit | treatment periods | power |"
        )?;
        writeln!(out, "|---:|---:|---:|---:|---:|")?;
        for row in &plan.nof1_trade_off {
            writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                row.cycles,
                row.patients,
                row.patients_enrolled,
                row.total_periods,
                num(row.achieved_power)
            )?;
        }
        writeln!(out)?;
    }

    let s = &plan.sensitivity;
    writeln!(out, "## Sensitivity: patients to recruit per arm\n")?;
    writeln!(
        out,
        "Rows: share of the planning effect; columns: every SD multiplied by the factor shown.\n"
    )?;
    for kind in DesignKind::ALL {
        writeln!(out, "**{}** ({})\n", design_label(kind), per_arm_unit(kind))?;
        write!(out, "| effect |")?;
        for m in &s.sd_multipliers {
            write!(out, " SD x {} |", num(*m))?;
        }
        writeln!(out)?;
        write!(out, "|---|")?;
        for _ in &s.sd_multipliers {
            write!(out, "---:|")?;
        }
        writeln!(out)?;
        for f in &s.effect_fractions {
            write!(
                out,
                "| {} ({} points) |",
                pct(*f),
                num(f * plan.planning_effect)
            )?;
            for m in &s.sd_multipliers {
                let cell = s
                    .cells
                    .iter()
                    .find(|x| x.design == kind && x.effect_fraction == *f && x.sd_multiplier == *m);
                match cell.and_then(|x| x.n_per_arm) {
                    Some(n) => write!(out, " {n} |")?,
                    None => write!(out, " unattainable |")?,
                }
            }
            writeln!(out)?;
        }
        writeln!(out)?;
    }

    let e = &plan.case;
    writeln!(out, "## What the case itself can say\n")?;
    if let Some(check) = &e.standards {
        let verdict = match check.verdict {
            Verdict::Meets => "meets",
            Verdict::MeetsWithReservations => "meets with reservations",
            _ => "does not meet",
        };
        writeln!(
            out,
            "- Design standards (WWC): the {} {} them.",
            check.design, verdict
        )?;
        for r in &check.reasons {
            writeln!(out, "  - {r}")?;
        }
        writeln!(out, "  - ({})", check.scope)?;
    }
    writeln!(
        out,
        "- Improvement {} points{}; reliable change index {} (reliability {}, outcome SD {} points): {}.",
        num(e.improvement),
        e.percent_improvement
            .map(|p| format!(" ({}% of the way to the scale's best end)", num(p)))
            .unwrap_or_default(),
        num(e.reliable_change_index),
        num(e.reliability),
        num(e.sd),
        if e.reliable_change_index > 1.96 {
            "beyond 1.96, larger than measurement error alone would plausibly give"
        } else {
            "within 1.96, not distinguishable from measurement error"
        }
    )?;
    match (e.interval, &e.phase_change) {
        (CaseInterval::FromPhases, Some(pc)) => match &e.welch_interval {
            Some(w) => writeln!(
                out,
                "- Change from phase {} (mean {}) to phase {} (mean {}): {} points ({}% Welch interval {} to {}; {}).",
                pc.baseline_phase,
                num(pc.baseline_mean),
                pc.treatment_phase,
                num(pc.treatment_mean),
                num(pc.mean_improvement),
                num(100.0 * w.ci.level),
                num(w.ci.lower),
                num(w.ci.upper),
                w.caveat
            )?,
            None => writeln!(
                out,
                "- Change from phase {} (mean {}) to phase {} (mean {}): {} points; no interval (a phase has fewer than two observations or no variability).",
                pc.baseline_phase,
                num(pc.baseline_mean),
                pc.treatment_phase,
                num(pc.treatment_mean),
                num(pc.mean_improvement)
            )?,
        },
        _ => writeln!(
            out,
            "- From two numbers alone (one before, one after) no interval for the case's own change exists."
        )?,
    }
    writeln!(
        out,
        "- Reliable change says the change is larger than measurement error; it cannot say how much of it the drug caused.\n"
    )?;

    writeln!(out, "## Assumptions\n")?;
    writeln!(out, "| assumption | value | support | source | default? |")?;
    writeln!(out, "|---|---:|---|---|---|")?;
    for r in &plan.assumptions {
        let value = match (r.value, r.unit) {
            (None, _) => "not given".to_string(),
            (Some(v), Unit::Points) => format!("{} points", num(v)),
            (Some(v), Unit::Count) => num(v),
            (Some(v), _) => num(v),
        };
        let support = match r.support {
            Support::Sourced => "sourced",
            Support::Check => "to check",
            Support::Derived => "derived",
            _ => "assumption",
        };
        let origin = match r.origin {
            Origin::Default => "default",
            _ => "given",
        };
        writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            r.description, value, support, r.source, origin
        )?;
    }
    writeln!(out)?;

    writeln!(out, "## Caveats\n")?;
    writeln!(
        out,
        "- One uncontrolled case cannot separate the drug's effect from placebo response, regression to the mean and natural course; the chain above removes expected amounts of each, not the case's actual ones."
    )?;
    writeln!(
        out,
        "- Very large effects from single cases and small early studies usually shrink in later trials (Pereira et al. 2012; Nüesch et al. 2010); consider a shrinkage factor below 1."
    )?;
    writeln!(
        out,
        "- Blinding is hard with a psychoactive drug such as ketamine: patients and staff can tell the infusion from saline. An active placebo such as midazolam is the usual answer, and it changes the expected placebo response (in ketamine depression trials the effect was 1.8 against saline but 0.7 against midazolam, Wilkinson et al. 2019)."
    )?;
    writeln!(
        out,
        "- Crossover and N-of-1 designs assume the effect wears off between periods (no carry-over) and a stable condition; washout periods must be long enough."
    )?;
    writeln!(
        out,
        "- Assumptions marked \"assumption\" or \"to check\" have no firm source: vary them (see the sensitivity table) before relying on the numbers."
    )?;
    Ok(())
}

fn rates(d: &DesignPlan) -> String {
    match (d.placebo_rate, d.treatment_rate) {
        (Some(p0), Some(p1)) => format!(" ({} placebo vs {} treatment)", pct(p0), pct(p1)),
        _ => String::new(),
    }
}
