//! The motivating case report, analysed: one patient, ten ketamine infusions, no placebo.
//!
//! Hanna AF, Abraham B, Hanna A, McKenna M, Smith AJ (2018). Intravenous ketamine alleviates
//! pain in a rheumatoid arthritis patient with comorbid fibromyalgia. *J Med Cases* 9(5):142-144.
//!
//! PUBLISHED: a 49-year-old woman with RA and fibromyalgia; ten daily 4-hour IV ketamine
//! infusions, dose escalated from 428 mg to 1,063 mg; pain on a 0-10 NRS was 10 at baseline and
//! 0-1 after the tenth infusion; pain fell after the first session.
//! ILLUSTRATIVE (not published): the daily baseline ratings, the per-session ratings between the
//! first and the last infusion, and the per-day doses between the first and the last.
//!
//! Run with `cargo run --release --example ketamine_case`.

use std::fmt::Write;

use outcome_stats::change::{PhaseChange, PrePost, ResponderThreshold, WelchInterval};
use outcome_stats::design::AbDesign;
use outcome_stats::effect::{
    Estimate, LrrOptions, MeasurementType, NapOptions, SmdOptions, TauUOptions, lrr_decreasing,
    nap, percent_change, smd, tau_u,
};
use outcome_stats::plan::{PlanningAssumptions, TrialPlanner};
use outcome_stats::report::trial_plan_markdown;
use outcome_stats::{Scale, Series};

/// Published: pain before the first infusion.
const PUBLISHED_PRE: f64 = 10.0;
/// Published: pain after the tenth infusion was 0-1; the conservative end is used.
const PUBLISHED_POST: f64 = 1.0;
/// Published: first and last infusion doses (mg).
const PUBLISHED_FIRST_DOSE_MG: f64 = 428.0;
const PUBLISHED_LAST_DOSE_MG: f64 = 1063.0;
/// Illustrative: five daily baseline ratings around the published 10.
const ILLUSTRATIVE_BASELINE: [f64; 5] = [10.0, 9.0, 10.0, 10.0, 9.0];
/// Illustrative: a rating after each of the ten infusions, falling after the first and ending
/// at the published 1 (the conservative end of 0-1).
const ILLUSTRATIVE_SESSIONS: [f64; 10] = [8.0, 6.0, 5.0, 4.0, 3.0, 3.0, 2.0, 1.0, 1.0, 1.0];
/// Total patients a trial could recruit (an illustrative budget).
const BUDGET: usize = 40;
/// Assumed for the reliable change index (PAIN-REFERENCE defaults): test-retest reliability
/// of the NRS (Ferraz 1990; Sendlbeck 2015) and the outcome SD in chronic-pain trials.
const RELIABILITY: f64 = 0.9;
const OUTCOME_SD: f64 = 2.5;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut out = String::new();
    let result = report(&mut out);
    print!("{out}");
    result
}

/// Writes the whole report to `out` (the integration test checks it).
pub fn report(out: &mut String) -> Result<(), Box<dyn std::error::Error>> {
    let scale = Scale::nrs11();
    let series = Series::from_phases(
        scale,
        &[("A", &ILLUSTRATIVE_BASELINE), ("B", &ILLUSTRATIVE_SESSIONS)],
    )?;

    heading(
        out,
        "Ketamine for pain in RA with fibromyalgia: one case, analysed",
    )?;
    writeln!(
        out,
        "Hanna et al., J Med Cases 2018;9(5):142-144. A 49-year-old woman; ten daily 4-hour IV\n\
         ketamine infusions. Pain on a 0-10 numeric rating scale (lower is better).\n"
    )?;
    writeln!(
        out,
        "PUBLISHED:    pain {PUBLISHED_PRE} at baseline, 0-1 after the tenth infusion;"
    )?;
    writeln!(
        out,
        "              dose {PUBLISHED_FIRST_DOSE_MG} mg rising to {PUBLISHED_LAST_DOSE_MG} mg."
    )?;
    writeln!(
        out,
        "ILLUSTRATIVE: daily ratings below are NOT published; they are invented to be"
    )?;
    writeln!(
        out,
        "              consistent with the report, so that per-session statistics exist."
    )?;

    print_schedule(out, &series)?;
    print_design(out, &series)?;
    print_pre_post(out)?;
    print_series_change(out, &series)?;
    print_effect_sizes(out, &series)?;
    print_caveat(out)?;
    print_plan(out)?;
    Ok(())
}

fn heading(out: &mut String, title: &str) -> std::fmt::Result {
    writeln!(out, "\n{title}\n{}", "=".repeat(title.chars().count()))
}

fn print_schedule(out: &mut String, series: &Series) -> Result<(), Box<dyn std::error::Error>> {
    heading(out, "1. The series")?;
    let doses = illustrative_doses();
    writeln!(out, "{:<10} {:>6} {:>12}", "day", "pain", "dose (mg)")?;
    let mut session = 0;
    for (i, (value, phase)) in series.values().iter().zip(series.phases()).enumerate() {
        let dose = if phase == "B" {
            session += 1;
            doses
                .get(session - 1)
                .map_or_else(|| "?".to_string(), |d| format!("{d:.0}"))
        } else {
            "-".to_string()
        };
        let day = if phase == "A" {
            format!("A{}", i + 1)
        } else {
            format!("B{session}")
        };
        writeln!(out, "{day:<10} {value:>6.0} {dose:>12}")?;
    }
    writeln!(
        out,
        "Doses: first and last published; those between assume a linear escalation (illustrative)."
    )?;
    Ok(())
}

/// Linear escalation between the published first and last doses (illustrative).
fn illustrative_doses() -> Vec<f64> {
    (0..10)
        .map(|i| {
            PUBLISHED_FIRST_DOSE_MG
                + (PUBLISHED_LAST_DOSE_MG - PUBLISHED_FIRST_DOSE_MG) * f64::from(i) / 9.0
        })
        .collect()
}

fn print_design(out: &mut String, series: &Series) -> Result<(), Box<dyn std::error::Error>> {
    heading(out, "2. The design and the single-case design standards")?;
    let design = AbDesign::new(series)?;
    writeln!(out, "{}", design.wwc_check())?;
    Ok(())
}

fn print_pre_post(out: &mut String) -> Result<(), Box<dyn std::error::Error>> {
    heading(out, "3. Pre/post change (published values: 10 -> 1)")?;
    let change = PrePost::new(PUBLISHED_PRE, PUBLISHED_POST, Scale::nrs11())?;
    writeln!(
        out,
        "raw change (post - pre):      {:+.1} points",
        change.delta()
    )?;
    writeln!(
        out,
        "improvement (pain fell by):   {:.1} points",
        change.improvement()
    )?;
    if let Some(percent) = change.percent_improvement() {
        writeln!(out, "percent pain reduction:       {percent:.0}%")?;
    }
    writeln!(
        out,
        "IMMPACT category:             {} (Dworkin et al. 2008)",
        change.immpact_category()
    )?;
    writeln!(
        out,
        "Farrar 2-point threshold:     {} (Farrar et al. 2001)",
        if change.meets_farrar() {
            "met"
        } else {
            "not met"
        }
    )?;
    let rci = change.reliable_change(RELIABILITY, OUTCOME_SD)?;
    writeln!(
        out,
        "reliable change index:        {:.2} (reliability {RELIABILITY}, SD {OUTCOME_SD}; \
         beyond 1.96 is reliable) -> {}",
        rci.rci, rci.category
    )?;
    for percent in [30.0, 50.0] {
        let r = change.responder(ResponderThreshold::Percent(percent))?;
        let answer = if r.is_responder { "yes" } else { "no" };
        writeln!(out, "responder at >= {percent:.0}% reduction: {answer}")?;
    }
    Ok(())
}

fn print_series_change(
    out: &mut String,
    series: &Series,
) -> Result<(), Box<dyn std::error::Error>> {
    heading(out, "4. Change across the illustrative series")?;
    let change = PhaseChange::new(series)?;
    writeln!(
        out,
        "baseline mean {:.2} ({} days) -> treatment mean {:.2} ({} sessions): improvement {:.2} points",
        change.baseline_mean,
        change.baseline_n,
        change.treatment_mean,
        change.treatment_n,
        change.mean_improvement
    )?;
    let welch = WelchInterval::new(series)?;
    writeln!(
        out,
        "Welch 95% interval for the improvement in means: {:.2} to {:.2} (df {:.1})",
        welch.ci.lower, welch.ci.upper, welch.df
    )?;
    writeln!(out, "caveat: {}", welch.caveat)?;
    Ok(())
}

fn interval(e: &Estimate, decimals: usize) -> String {
    match e.ci {
        Some(ci) => format!(
            "{:.0}% CI {:.decimals$} to {:.decimals$}",
            100.0 * ci.level,
            ci.lower,
            ci.upper
        ),
        None => "no interval".to_string(),
    }
}

/// Prints a plain-language reading under an index, indented.
fn reading(out: &mut String, text: &str) -> std::fmt::Result {
    for line in text.lines() {
        writeln!(out, "       {}", line.trim())?;
    }
    Ok(())
}

fn print_effect_sizes(out: &mut String, series: &Series) -> Result<(), Box<dyn std::error::Error>> {
    heading(
        out,
        "5. Within-case effect sizes (illustrative series: baseline A vs infusions B)",
    )?;
    let nap = nap(series, &NapOptions::default())?;
    writeln!(out, "NAP    {:.3} ({})", nap.value, interval(&nap, 3))?;
    reading(
        out,
        &format!(
            "In {:.0}% of (baseline day, infusion day) pairs the infusion day had less pain
         (ties count half); 1 is complete separation of the two phases.",
            100.0 * nap.value
        ),
    )?;
    let tau_u = tau_u(series, &TauUOptions::default())?;
    writeln!(
        out,
        "Tau-U  {:.3} (baseline trend corrected, Parker et al. 2011; no SE)",
        tau_u.value
    )?;
    reading(
        out,
        "Non-overlap after allowing for drift in the baseline: near 1, the infusion phase
         is almost entirely better than the baseline's own trend.",
    )?;
    let smd = smd(series, &SmdOptions::default())?;
    writeln!(out, "SMD    {:.2} ({})", smd.value, interval(&smd, 2))?;
    reading(
        out,
        "The mean improvement in units of the baseline's day-to-day SD: huge because the
         illustrative baseline barely varies; not comparable with a between-patient d.",
    )?;
    let lrr = lrr_decreasing(
        series,
        &LrrOptions::default().measurement(MeasurementType::Other),
    )?;
    let pct = percent_change(&lrr)?;
    writeln!(out, "LRRd   {:.3} ({})", lrr.value, interval(&lrr, 3))?;
    reading(
        out,
        &format!(
            "Log ratio of phase means (Pustejovsky 2018; negative = less pain): mean pain on
         infusion days was {:.0}% of baseline, a change of {:.0}% ({}).",
            100.0 * lrr.value.exp(),
            pct.value,
            interval(&pct, 1)
        ),
    )?;
    writeln!(
        out,
        "These describe this patient's illustrative series only. Daily ratings are\n\
         autocorrelated, which makes the intervals too narrow, and no index can separate\n\
         the drug from the placebo response."
    )?;
    Ok(())
}

fn print_caveat(out: &mut String) -> std::fmt::Result {
    heading(out, "What one uncontrolled case cannot tell")?;
    writeln!(
        out,
        "One patient, no placebo, no blinding: the fall in pain mixes the drug's effect with the\n\
         placebo response, the natural course of the disease and regression to the mean (a\n\
         patient enrolled at the worst possible score, 10/10, is expected to improve somewhat\n\
         with no treatment at all). Only a randomised, placebo-controlled comparison can\n\
         separate them."
    )?;
    Ok(())
}

fn print_plan(out: &mut String) -> Result<(), Box<dyn std::error::Error>> {
    heading(out, "6. What a placebo-controlled trial would need")?;
    writeln!(
        out,
        "Planned from the published pre/post values with the crate's sourced pain defaults\n\
         (listed with their sources at the end of the plan) and, as the reference effect, the pooled difference of\n\
         controlled IV ketamine trials in chronic pain: 1.83 points (Orhurhu et al. 2019).\n\
         Budget: {BUDGET} patients in all (illustrative).\n"
    )?;
    let case = PrePost::new(PUBLISHED_PRE, PUBLISHED_POST, Scale::nrs11())?;
    let assumptions = PlanningAssumptions::nrs11().ketamine_reference_effect();
    let plan = TrialPlanner::from_pre_post(&case, assumptions)
        .budget(BUDGET)
        .plan()?;
    writeln!(out, "{}", trial_plan_markdown(&plan))?;

    heading(out, "In plain words")?;
    let observed = case.improvement();
    writeln!(
        out,
        "The case improved by {observed:.1} points. Once the placebo response and the extra\n\
         regression to the mean of a patient entering at 10/10 are taken out, the case's own\n\
         chain leaves {:.2} points that could be the drug's.",
        plan.chain_effect
    )?;
    if let Some(reference) = plan.reference_effect {
        writeln!(
            out,
            "Controlled trials of IV ketamine found {reference:.2} points against placebo: the\n\
             case's chain is {:.1} times that, and the raw change {:.1} times. One case cannot\n\
             outweigh controlled trials, so the trial is planned for {:.2} points\n\
             (a change-score effect size d of {:.2}).",
            plan.chain_effect / reference,
            observed / reference,
            plan.planning_effect,
            plan.standardized_effect
        )?;
    }
    Ok(())
}
