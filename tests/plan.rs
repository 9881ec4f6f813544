//! Trial planner (issue 14): hand-computed chains, plans against an independent reference
//! (tests/reference/plan/gen_plan.py), properties, bad input, the JSON schema and the
//! `plan_trial` example's command line.

use crate::tolerance::{CLOSED_FORM, POWER_GOLDEN, SHIFT_MODEL};
use outcome_stats::plan::{
    CaseInterval, DesignKind, EffectChain, Origin, PlanningAssumptions, PlanningBasis,
    Standardized, Support, TrialPlan, TrialPlanner, shifted_responder_rate,
};
use outcome_stats::{Error, Scale, Series};
use proptest::prelude::*;

#[cfg(feature = "serde")]
#[allow(dead_code)]
#[path = "../examples/plan_trial.rs"]
mod plan_trial_cli;

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol * b.abs().max(1.0)
}

fn design(plan: &TrialPlan, kind: DesignKind) -> &outcome_stats::plan::DesignPlan {
    plan.designs
        .iter()
        .find(|d| d.design == kind)
        .expect("every plan lists every design")
}

/// A planner without the sensitivity grid, for fast property tests.
fn quick(planner: TrialPlanner) -> TrialPlanner {
    planner.sensitivity_effects(&[1.0]).sensitivity_sds(&[1.0])
}

// ---------------------------------------------------------------------------------------
// Hand-computed chains
// ---------------------------------------------------------------------------------------

#[test]
fn ketamine_chain_by_hand() {
    // NRS 10 -> 1, defaults: observed 9; placebo 0.77; k = 10 - 6.75 = 3.25;
    // extra regression to the mean (1 - 0.5) * 3.25 = 1.625; remainder 9 - 0.77 - 1.625 = 6.605;
    // shrinkage 1 -> chain 6.605; no reference -> planning 6.605.
    // sigma = 2.5 / sqrt(2 (1 - 0.5)) = 2.5; d_change = 6.605 / 2.5 = 2.642.
    let c = EffectChain::new(10.0, 1.0, Scale::nrs11(), &PlanningAssumptions::nrs11()).unwrap();
    assert_eq!(c.observed_improvement, 9.0);
    assert_eq!(c.baseline_excess, 3.25);
    assert_eq!(c.regression_slope, 0.5);
    assert!(close(c.regression_to_mean, 1.625, CLOSED_FORM));
    assert!(close(c.remainder, 6.605, CLOSED_FORM));
    assert!(close(c.chain_effect, 6.605, CLOSED_FORM));
    assert_eq!(c.basis, PlanningBasis::ChainOnly);
    let s = Standardized::new(c.planning_effect, &PlanningAssumptions::nrs11()).unwrap();
    assert!(close(s.sigma, 2.5, CLOSED_FORM));
    assert!(close(s.d_change, 2.642, CLOSED_FORM));
}

#[test]
fn reference_effect_wins_when_smaller_and_says_why() {
    // Chain 6.605 as above; reference 1.83 < 6.605 -> planning 1.83, basis Reference.
    let a = PlanningAssumptions::nrs11().ketamine_reference_effect();
    let c = EffectChain::new(10.0, 1.0, Scale::nrs11(), &a).unwrap();
    assert_eq!(c.planning_effect, 1.83);
    assert_eq!(c.basis, PlanningBasis::Reference);
    // A reference larger than the chain: plan on the chain, the more cautious.
    let a = PlanningAssumptions::nrs11().reference_effect(8.0);
    let c = EffectChain::new(10.0, 1.0, Scale::nrs11(), &a).unwrap();
    assert!(close(c.planning_effect, 6.605, CLOSED_FORM));
    assert_eq!(c.basis, PlanningBasis::ChainSmaller);
}

#[test]
fn vas_unequal_sds_chain_by_hand() {
    // VAS 80 -> 30: observed 50; placebo 7.7 (0.77 x 10); trial baseline 67.5; k = 12.5;
    // slope = 0.4 * 25 / 14 = 0.714285...; extra RTM = (1 - 0.714285...) * 12.5 = 3.571428...;
    // remainder = 50 - 7.7 - 3.571428... = 38.728571...; shrinkage 0.5 -> 19.364285...
    let a = PlanningAssumptions::vas100()
        .correlation(0.4)
        .baseline_followup_sds(14.0, 25.0)
        .shrinkage(0.5);
    let c = EffectChain::new(80.0, 30.0, Scale::vas100(), &a).unwrap();
    let slope = 0.4 * 25.0 / 14.0;
    assert!(close(c.regression_slope, slope, CLOSED_FORM));
    assert!(close(
        c.regression_to_mean,
        (1.0 - slope) * 12.5,
        CLOSED_FORM
    ));
    assert!(close(
        c.chain_effect,
        0.5 * (50.0 - 7.7 - (1.0 - slope) * 12.5),
        CLOSED_FORM
    ));
    // sigma derived: 25 / sqrt(2 * 0.6).
    assert!(close(a.sd_value(), 25.0 / 1.2f64.sqrt(), CLOSED_FORM));
}

#[test]
fn regression_to_the_mean_is_never_negative() {
    // Case baseline 5 below the trial's 6.75: no extra regression (would be -0.875).
    let c = EffectChain::new(5.0, 2.0, Scale::nrs11(), &PlanningAssumptions::nrs11()).unwrap();
    assert_eq!(c.regression_to_mean, 0.0);
    assert!(close(c.chain_effect, 3.0 - 0.77, CLOSED_FORM));
    // A slope above 1 (follow-up SD much wider than baseline) also gives 0, not a negative.
    let a = PlanningAssumptions::nrs11().baseline_followup_sds(1.0, 3.0);
    let c = EffectChain::new(10.0, 1.0, Scale::nrs11(), &a).unwrap();
    assert_eq!(c.regression_to_mean, 0.0);
}

#[test]
fn higher_is_better_scale_signs_the_chain() {
    // Function 0-100, higher better: 20 -> 70 is an improvement of 50; a baseline of 20 is
    // 47.5 worse than a trial mean of 67.5: extra RTM 0.5 * 47.5 = 23.75.
    let scale = Scale::new(0.0, 100.0, outcome_stats::Direction::HigherIsBetter).unwrap();
    let a = PlanningAssumptions::vas100();
    // The VAS preset is for a lower-is-better scale: refused.
    assert!(matches!(
        EffectChain::new(20.0, 70.0, scale, &a),
        Err(Error::InvalidData { .. })
    ));
}

#[test]
fn vas_preset_multiplies_points_by_ten() {
    let n = PlanningAssumptions::nrs11();
    let v = PlanningAssumptions::vas100();
    for (x, y) in [
        (n.placebo_response_value(), v.placebo_response_value()),
        (n.trial_baseline_value(), v.trial_baseline_value()),
        (n.sd_change_value(), v.sd_change_value()),
        (n.sd_value(), v.sd_value()),
        (n.within_patient_sd_value(), v.within_patient_sd_value()),
        (n.effect_sd_value(), v.effect_sd_value()),
    ] {
        assert!(close(10.0 * x, y, CLOSED_FORM));
    }
    assert_eq!(n.correlation_value(), v.correlation_value());
    assert_eq!(
        n.placebo_responders_30_value(),
        v.placebo_responders_30_value()
    );
    assert_eq!(n.dropout_value(), v.dropout_value());
    assert_eq!(n.cycles_value(), v.cycles_value());
}

#[test]
fn defaults_are_the_reference_table_and_are_recorded() {
    let a = PlanningAssumptions::nrs11();
    assert_eq!(a.placebo_response_value(), 0.77);
    assert_eq!(a.placebo_responders_30_value(), 0.308);
    assert_eq!(a.placebo_responders_50_value(), 0.188);
    assert_eq!(a.trial_baseline_value(), 6.75);
    assert_eq!(a.correlation_value(), 0.5);
    assert_eq!(a.sd_change_value(), 2.5);
    assert!(close(a.sd_value(), 2.5, CLOSED_FORM));
    assert_eq!(a.reliability_value(), 0.9);
    assert_eq!(a.dropout_value(), 0.15);
    assert_eq!(a.cycles_value(), 3);
    assert_eq!(a.within_patient_sd_value(), 1.0);
    assert_eq!(a.effect_sd_value(), 1.0);
    assert_eq!(a.shrinkage_value(), 1.0);
    assert_eq!(a.reference_effect_value(), None);
    let records = a.records();
    assert!(records.iter().all(|r| r.origin == Origin::Default));
    let support = |name: &str| records.iter().find(|r| r.name == name).map(|r| r.support);
    assert_eq!(support("placebo_response"), Some(Support::Sourced));
    assert_eq!(support("trial_baseline"), Some(Support::Check));
    assert_eq!(support("sd"), Some(Support::Derived));
    assert_eq!(support("dropout"), Some(Support::Assumption));
    assert_eq!(support("shrinkage"), Some(Support::Assumption));
    let given = a.placebo_response(1.2).cycles(4).records();
    let origin = |name: &str| given.iter().find(|r| r.name == name).map(|r| r.origin);
    assert_eq!(origin("placebo_response"), Some(Origin::Given));
    assert_eq!(origin("cycles"), Some(Origin::Given));
    assert_eq!(origin("sd_change"), Some(Origin::Default));
}

#[test]
fn responder_shift_model() {
    // p1 = Phi(Phi^-1(0.308) + 1.83 / 2.5); reference value from gen_plan.py.
    let p1 = shifted_responder_rate(0.308, 1.83, 2.5).unwrap();
    assert!(close(p1, 0.5911377241626116, SHIFT_MODEL));
    let p1 = shifted_responder_rate(0.188, 1.83, 2.5).unwrap();
    assert!(close(p1, 0.4390846161944279, SHIFT_MODEL));
}

// ---------------------------------------------------------------------------------------
// Plans against the reference scenarios
// ---------------------------------------------------------------------------------------

fn reference() -> serde_json::Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/reference/plan/scenarios.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn check_against_reference(plan: &TrialPlan, name: &str) {
    let reference = reference();
    let s = reference["scenarios"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == name)
        .unwrap();
    let f = |v: &serde_json::Value| v.as_f64().unwrap();
    let u = |v: &serde_json::Value| v.as_u64().unwrap() as usize;
    assert!(close(plan.chain_effect, f(&s["chain_effect"]), CLOSED_FORM));
    assert!(close(
        plan.planning_effect,
        f(&s["planning_effect"]),
        CLOSED_FORM
    ));
    assert!(close(
        plan.standardized_effect,
        f(&s["standardized_effect"]),
        CLOSED_FORM
    ));
    for kind in DesignKind::ALL {
        let r = &s["designs"][kind.name()];
        let d = design(plan, kind);
        assert_eq!(
            d.n_per_arm_before_dropout,
            u(&r["n_per_arm_before_dropout"]),
            "{name} {}",
            kind.name()
        );
        assert_eq!(d.n_per_arm, u(&r["n_per_arm"]), "{name} {}", kind.name());
        assert_eq!(d.n_total, u(&r["n_total"]), "{name} {}", kind.name());
        assert!(
            (d.power - f(&r["power"])).abs() < POWER_GOLDEN,
            "{name} {}: {} vs {}",
            kind.name(),
            d.power,
            f(&r["power"])
        );
        if let Some(p1) = r.get("treatment_rate") {
            let (got, want) = (d.treatment_rate.unwrap(), f(p1));
            assert!(
                close(got, want, SHIFT_MODEL),
                "{name} {}: {got} vs {want}",
                kind.name()
            );
        }
    }
}

#[test]
fn ketamine_chain_plan_matches_reference() {
    let plan = quick(TrialPlanner::from_values(
        10.0,
        1.0,
        Scale::nrs11(),
        PlanningAssumptions::nrs11(),
    ))
    .plan()
    .unwrap();
    check_against_reference(&plan, "ketamine_chain");
    assert_eq!(design(&plan, DesignKind::NOf1Series).cycles, Some(3));
    assert_eq!(design(&plan, DesignKind::Parallel).cycles, None);
}

#[test]
fn ketamine_reference_plan_matches_reference() {
    // Planning effect 1.83, d = 0.732: parallel 31 per arm, inflated ceil(31 / 0.85) = 37,
    // 74 in all; crossover 18 patients = 9 per sequence group -> 11 -> 22.
    let a = PlanningAssumptions::nrs11().ketamine_reference_effect();
    let plan = quick(TrialPlanner::from_values(10.0, 1.0, Scale::nrs11(), a))
        .plan()
        .unwrap();
    check_against_reference(&plan, "ketamine_reference");
    // The derived treatment responder rate is recorded with the assumptions.
    let rec = plan
        .assumptions
        .iter()
        .find(|r| r.name == "treatment_responders_30")
        .unwrap();
    assert_eq!(
        rec.value,
        design(&plan, DesignKind::Responders30).treatment_rate
    );
    assert_eq!(
        (rec.support, rec.origin),
        (Support::Derived, Origin::Default)
    );
    assert_eq!(design(&plan, DesignKind::Parallel).n_total, 74);
    assert_eq!(plan.reference_effect, Some(1.83));
}

#[test]
fn vas_unequal_sds_plan_matches_reference() {
    let a = PlanningAssumptions::vas100()
        .correlation(0.4)
        .baseline_followup_sds(14.0, 25.0)
        .shrinkage(0.5)
        .dropout(0.2);
    let plan = quick(TrialPlanner::from_values(80.0, 30.0, Scale::vas100(), a))
        .plan()
        .unwrap();
    check_against_reference(&plan, "vas_unequal_sds");
}

#[test]
fn small_budget_leaves_responder_designs_without_a_detectable_effect() {
    // 16 patients, dropout 0.15: 8 recruited per arm, floor(8 x 0.85) = 6 analysable. With 6 per
    // arm and a placebo rate of 0.308, even a treatment rate near 1 does not give 80% power for
    // the responder test, so that design has no minimal detectable effect; the t-based designs
    // still have one, and the plan as a whole stands.
    let a = PlanningAssumptions::nrs11().ketamine_reference_effect();
    let plan = quick(TrialPlanner::from_values(10.0, 1.0, Scale::nrs11(), a).budget(16))
        .plan()
        .unwrap();
    let r30 = design(&plan, DesignKind::Responders30)
        .budget
        .clone()
        .unwrap();
    assert_eq!(r30.n_per_arm, 6);
    assert_eq!(r30.min_detectable_design_effect, None);
    assert_eq!(r30.min_detectable_effect, None);
    let parallel = design(&plan, DesignKind::Parallel).budget.clone().unwrap();
    assert!(parallel.min_detectable_design_effect.unwrap() > 0.0);
    let md = outcome_stats::report::trial_plan_markdown(&plan);
    assert!(md.contains("none: the target power is out of reach"));
}

#[test]
fn budget_gives_power_and_minimal_detectable_effect() {
    // 40 patients, dropout 0.15: 20 per arm recruited, 17 analysable (ceil(17 / 0.85) = 20).
    let a = PlanningAssumptions::nrs11().ketamine_reference_effect();
    let plan = quick(TrialPlanner::from_values(10.0, 1.0, Scale::nrs11(), a).budget(40))
        .plan()
        .unwrap();
    let p = design(&plan, DesignKind::Parallel).budget.clone().unwrap();
    assert_eq!((p.patients, p.n_per_arm), (40, 17));
    // 17 per arm is below the 31 needed: power below target, MDE above the planning effect.
    assert!(p.power < 0.8);
    let mde = p.min_detectable_effect.unwrap();
    assert!(mde > 1.83);
    assert!(close(
        mde,
        p.min_detectable_design_effect.unwrap() * 2.5,
        CLOSED_FORM
    ));
    let nof1 = design(&plan, DesignKind::NOf1Series)
        .budget
        .clone()
        .unwrap();
    assert_eq!(nof1.n_per_arm, 34);
    let x = design(&plan, DesignKind::Crossover2x2)
        .budget
        .clone()
        .unwrap();
    assert_eq!(x.n_per_arm, 17);
}

#[test]
fn series_planner_uses_phase_means_and_reports_the_case() {
    let s = Series::from_phases(
        Scale::nrs11(),
        &[
            ("A", &[10.0, 9.0, 10.0, 10.0]),
            ("B", &[2.0, 1.0, 1.0, 0.0]),
        ],
    )
    .unwrap();
    let plan = quick(TrialPlanner::from_series(&s, PlanningAssumptions::nrs11()))
        .plan()
        .unwrap();
    // pre = 9.75, post = 1: observed 8.75; k = 3; RTM 1.5; chain 8.75 - 0.77 - 1.5 = 6.48.
    assert!(close(plan.chain_effect, 6.48, CLOSED_FORM));
    assert_eq!(plan.case.interval, CaseInterval::FromPhases);
    let pc = plan.case.phase_change.clone().unwrap();
    assert!(close(pc.mean_improvement, 8.75, CLOSED_FORM));
    // Welch: A = (10, 9, 10, 10), var 0.25; B = (2, 1, 1, 0), var 2/3;
    // se = sqrt(0.25/4 + (2/3)/4); the interval is centred on 8.75.
    let w = plan.case.welch_interval.clone().unwrap();
    assert!(close(
        w.se,
        (0.25f64 / 4.0 + 2.0 / 12.0).sqrt(),
        CLOSED_FORM
    ));
    assert!(close((w.ci.lower + w.ci.upper) / 2.0, 8.75, CLOSED_FORM));
    let md = outcome_stats::report::trial_plan_markdown(&plan);
    assert!(md.contains("Welch interval"), "{md}");
    assert!(plan.case.standards.is_some());
    // From two numbers: no interval, and the report says so.
    let plan = quick(TrialPlanner::from_values(
        10.0,
        1.0,
        Scale::nrs11(),
        PlanningAssumptions::nrs11(),
    ))
    .plan()
    .unwrap();
    assert_eq!(plan.case.interval, CaseInterval::TwoNumbersOnly);
    assert!(plan.case.phase_change.is_none());
    // RCI = 9 / (sqrt(2) * 2.5 * sqrt(0.1)).
    let rci = 9.0 / (2f64.sqrt() * 2.5 * 0.1f64.sqrt());
    assert!(close(plan.case.reliable_change_index, rci, CLOSED_FORM));
}

#[test]
fn sensitivity_table_covers_the_grid_and_matches_the_plan() {
    let a = PlanningAssumptions::nrs11().ketamine_reference_effect();
    let plan = TrialPlanner::from_values(10.0, 1.0, Scale::nrs11(), a)
        .plan()
        .unwrap();
    let s = &plan.sensitivity;
    assert_eq!(
        s.cells.len(),
        s.effect_fractions.len() * s.sd_multipliers.len() * DesignKind::ALL.len()
    );
    // The cell at 100% of the effect and SD x 1 is the plan itself.
    for kind in DesignKind::ALL {
        let cell = s
            .cells
            .iter()
            .find(|c| c.design == kind && c.effect_fraction == 1.0 && c.sd_multiplier == 1.0)
            .unwrap();
        assert_eq!(cell.n_per_arm, Some(design(&plan, kind).n_per_arm));
    }
    // Smaller effects never need fewer patients.
    for kind in DesignKind::ALL {
        for &m in &s.sd_multipliers {
            let ns: Vec<usize> = s
                .cells
                .iter()
                .filter(|c| c.design == kind && c.sd_multiplier == m)
                .map(|c| c.n_per_arm.unwrap())
                .collect();
            assert!(ns.windows(2).all(|w| w[0] >= w[1]), "{kind:?} {ns:?}");
        }
    }
    // Power curves rise with n.
    for curve in &plan.power_curves {
        assert!(curve.points.len() >= 2);
        assert!(
            curve
                .points
                .windows(2)
                .all(|w| w[0].power <= w[1].power + 1e-12)
        );
    }
}

#[test]
fn nof1_trade_off_matches_the_design_and_falls_with_cycles() {
    let a = PlanningAssumptions::nrs11().ketamine_reference_effect();
    let plan = quick(TrialPlanner::from_values(10.0, 1.0, Scale::nrs11(), a))
        .plan()
        .unwrap();
    let nof1 = design(&plan, DesignKind::NOf1Series);
    let row = plan.nof1_trade_off.iter().find(|r| r.cycles == 3).unwrap();
    assert_eq!(row.patients, nof1.n_per_arm_before_dropout);
    assert_eq!(row.patients_enrolled, nof1.n_per_arm);
    assert!(plan.nof1_trade_off.len() >= 6);
    assert!(
        plan.nof1_trade_off
            .windows(2)
            .all(|w| w[0].cycles < w[1].cycles && w[0].patients >= w[1].patients)
    );
}

// ---------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------

fn plan_with(a: PlanningAssumptions) -> Result<TrialPlan, Error> {
    quick(TrialPlanner::from_values(10.0, 1.0, Scale::nrs11(), a)).plan()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn larger_placebo_response_never_lowers_n(p in 0.0f64..5.0, extra in 0.01f64..2.0) {
        let lo = plan_with(PlanningAssumptions::nrs11().placebo_response(p));
        let hi = plan_with(PlanningAssumptions::nrs11().placebo_response(p + extra));
        if let (Ok(lo), Ok(hi)) = (lo, hi) {
            for kind in DesignKind::ALL {
                prop_assert!(
                    design(&hi, kind).n_per_arm >= design(&lo, kind).n_per_arm,
                    "{:?}", kind
                );
            }
        }
    }

    #[test]
    fn larger_sd_never_lowers_n_for_continuous_designs(
        sd in 0.8f64..5.0, factor in 1.01f64..2.0, rho in 0.0f64..0.8
    ) {
        let base = PlanningAssumptions::nrs11()
            .correlation(rho)
            .ketamine_reference_effect();
        // Larger SD of change (sigma derived) ...
        let lo = plan_with(base.clone().sd_change(sd)).unwrap();
        let hi = plan_with(base.clone().sd_change(sd * factor)).unwrap();
        // ... and every SD larger together.
        let lo_all = plan_with(base.clone().sd_change(sd)).unwrap();
        let hi_all = plan_with(base.sd_change(sd).scaled_sds(factor)).unwrap();
        for kind in [
            DesignKind::Parallel,
            DesignKind::Ancova,
            DesignKind::Crossover2x2,
            DesignKind::NOf1Series,
        ] {
            prop_assert!(design(&hi, kind).n_per_arm >= design(&lo, kind).n_per_arm, "{:?}", kind);
            prop_assert!(
                design(&hi_all, kind).n_per_arm >= design(&lo_all, kind).n_per_arm,
                "{:?}", kind
            );
        }
    }

    /// Responder designs: the treatment rate moves with the SD, so what holds is narrower.
    /// With the placebo rate fixed, a larger SD of change lowers the shifted treatment rate
    /// and never lowers n; with both rates given, the SD does not matter at all.
    #[test]
    fn responder_designs_under_larger_sd(sd in 0.8f64..5.0, factor in 1.01f64..2.0) {
        let base = PlanningAssumptions::nrs11().ketamine_reference_effect();
        let lo = plan_with(base.clone().sd_change(sd)).unwrap();
        let hi = plan_with(base.clone().sd_change(sd * factor)).unwrap();
        for kind in [DesignKind::Responders30, DesignKind::Responders50] {
            prop_assert!(design(&hi, kind).treatment_rate < design(&lo, kind).treatment_rate);
            prop_assert!(design(&hi, kind).n_per_arm >= design(&lo, kind).n_per_arm);
        }
        let given = base.treatment_responders_30(0.55).treatment_responders_50(0.40);
        let lo = plan_with(given.clone().sd_change(sd)).unwrap();
        let hi = plan_with(given.sd_change(sd * factor)).unwrap();
        for kind in [DesignKind::Responders30, DesignKind::Responders50] {
            prop_assert_eq!(design(&hi, kind).n_per_arm, design(&lo, kind).n_per_arm);
        }
    }

    #[test]
    fn planner_never_panics(
        pre in prop::num::f64::ANY,
        post in prop::num::f64::ANY,
        placebo in prop::num::f64::ANY,
        rho in prop::num::f64::ANY,
        sd in prop::num::f64::ANY,
        rel in prop::num::f64::ANY,
        shrink in prop::num::f64::ANY,
        reference in prop::num::f64::ANY,
    ) {
        let a = PlanningAssumptions::nrs11()
            .placebo_response(placebo)
            .correlation(rho)
            .sd_change(sd)
            .reliability(rel)
            .shrinkage(shrink)
            .reference_effect(reference);
        let _ = quick(TrialPlanner::from_values(pre, post, Scale::nrs11(), a)).plan();
    }

    #[test]
    fn planner_never_panics_near_valid(
        pre in 0.0f64..10.0,
        post in 0.0f64..10.0,
        placebo in -1.0f64..5.0,
        rho in -0.99f64..0.99,
        sd in 0.01f64..20.0,
        budget in 0usize..60,
        cycles in 0usize..6,
    ) {
        let a = PlanningAssumptions::nrs11()
            .placebo_response(placebo)
            .correlation(rho)
            .sd_change(sd)
            .cycles(cycles);
        let _ = quick(TrialPlanner::from_values(pre, post, Scale::nrs11(), a).budget(budget)).plan();
    }
}

// ---------------------------------------------------------------------------------------
// Bad input
// ---------------------------------------------------------------------------------------

#[test]
fn no_effect_to_detect_says_so_with_the_chain() {
    // 7 -> 5: observed 2; placebo 0.77; RTM 0.5 * 0.25 = 0.125; with placebo 2: 2 - 2 - 0.125 < 0.
    let a = PlanningAssumptions::nrs11().placebo_response(2.0);
    let err = TrialPlanner::from_values(7.0, 5.0, Scale::nrs11(), a)
        .plan()
        .unwrap_err();
    let Error::NoEffectToDetect { chain } = &err else {
        panic!("expected NoEffectToDetect, got {err:?}");
    };
    assert!(chain.contains("placebo response 2"));
    assert!(chain.contains("regression to the mean 0.125"));
    assert!(!err.to_string().contains('\n'));
    // Exactly zero is no effect either.
    let a = PlanningAssumptions::nrs11().placebo_response(2.0);
    assert!(matches!(
        EffectChain::new(5.0, 3.0, Scale::nrs11(), &a),
        Err(Error::NoEffectToDetect { .. })
    ));
}

#[test]
fn bad_assumptions_are_refused() {
    let plan =
        |a: PlanningAssumptions| TrialPlanner::from_values(10.0, 1.0, Scale::nrs11(), a).plan();
    let name_of = |r: Result<TrialPlan, Error>| match r {
        Err(Error::InvalidParameter { name, .. }) => name,
        other => panic!("expected InvalidParameter, got {other:?}"),
    };
    let n = PlanningAssumptions::nrs11;
    assert_eq!(name_of(plan(n().reliability(1.0))), "reliability");
    assert_eq!(name_of(plan(n().reliability(f64::NAN))), "reliability");
    assert_eq!(name_of(plan(n().correlation(1.0))), "correlation");
    assert_eq!(name_of(plan(n().correlation(-1.5))), "correlation");
    assert_eq!(
        name_of(plan(n().period_correlation(1.0))),
        "period_correlation"
    );
    assert_eq!(
        name_of(plan(n().placebo_responders_30(0.0))),
        "placebo_responders_30"
    );
    assert_eq!(
        name_of(plan(n().placebo_responders_50(1.2))),
        "placebo_responders_50"
    );
    assert_eq!(
        name_of(plan(n().treatment_responders_30(1.0))),
        "treatment_responders_30"
    );
    assert_eq!(name_of(plan(n().dropout(1.0))), "dropout");
    assert_eq!(name_of(plan(n().sd_change(0.0))), "sd_change");
    assert_eq!(name_of(plan(n().sd(-1.0))), "sd");
    assert_eq!(name_of(plan(n().shrinkage(0.0))), "shrinkage");
    assert_eq!(name_of(plan(n().shrinkage(1.5))), "shrinkage");
    assert_eq!(name_of(plan(n().trial_baseline(11.0))), "trial_baseline");
    assert_eq!(name_of(plan(n().cycles(0))), "cycles");
    // A treatment responder rate not above the placebo rate leaves nothing to detect.
    assert_eq!(
        name_of(plan(n().treatment_responders_30(0.2))),
        "treatment_responders_30"
    );
    let p = TrialPlanner::from_values(10.0, 1.0, Scale::nrs11(), n());
    assert_eq!(name_of(p.clone().alpha(0.0).plan()), "alpha");
    assert_eq!(name_of(p.clone().target_power(1.0).plan()), "target_power");
    assert_eq!(name_of(p.clone().budget(0).plan()), "budget");
    assert!(matches!(
        p.alternative(outcome_stats::Alternative::Less).plan(),
        Err(Error::InvalidDesign { .. })
    ));
}

#[test]
fn one_sided_plan_needs_fewer_patients() {
    let a = PlanningAssumptions::nrs11().ketamine_reference_effect();
    let p = quick(TrialPlanner::from_values(10.0, 1.0, Scale::nrs11(), a));
    let two = p.clone().plan().unwrap();
    let one = p
        .alternative(outcome_stats::Alternative::Greater)
        .plan()
        .unwrap();
    for kind in DesignKind::ALL {
        assert!(design(&one, kind).n_per_arm <= design(&two, kind).n_per_arm);
    }
    assert!(
        design(&one, DesignKind::Parallel).n_per_arm < design(&two, DesignKind::Parallel).n_per_arm
    );
}

#[test]
fn negative_reference_effect_explains_the_sign() {
    let a = PlanningAssumptions::nrs11().reference_effect(-1.83);
    let err = TrialPlanner::from_values(10.0, 1.0, Scale::nrs11(), a)
        .plan()
        .unwrap_err();
    assert!(err.to_string().contains("improvement-signed"), "{err}");
    assert!(err.to_string().contains("entered as 1.83"), "{err}");
}

#[test]
fn case_values_off_the_scale_are_refused() {
    let r =
        TrialPlanner::from_values(11.0, 1.0, Scale::nrs11(), PlanningAssumptions::nrs11()).plan();
    assert!(matches!(r, Err(Error::OutOfScale { .. })));
    let r = TrialPlanner::from_values(f64::NAN, 1.0, Scale::nrs11(), PlanningAssumptions::nrs11())
        .plan();
    assert!(matches!(r, Err(Error::NonFinite { .. })));
    // NRS assumptions on a VAS case.
    let r =
        TrialPlanner::from_values(80.0, 10.0, Scale::vas100(), PlanningAssumptions::nrs11()).plan();
    assert!(matches!(r, Err(Error::InvalidData { .. })));
    // A series without a treatment phase.
    let s = Series::from_phases(Scale::nrs11(), &[("A", &[9.0, 10.0])]).unwrap();
    let r = TrialPlanner::from_series(&s, PlanningAssumptions::nrs11()).plan();
    assert!(matches!(r, Err(Error::PhaseMismatch { .. })));
}

#[test]
fn budget_below_a_designs_minimum_is_refused() {
    // 5 patients, dropout 0.15: 2 per arm recruited, 1 analysable (ceil(2 / 0.85) = 3 > 2).
    let r = TrialPlanner::from_values(10.0, 1.0, Scale::nrs11(), PlanningAssumptions::nrs11())
        .budget(5)
        .plan();
    match r {
        Err(Error::InsufficientData { what, needed, got }) => {
            assert!(what.contains("parallel"), "{what}");
            assert_eq!((needed, got), (2, 1));
        }
        other => panic!("expected InsufficientData, got {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------
// Report and JSON
// ---------------------------------------------------------------------------------------

#[test]
fn markdown_report_shows_chain_designs_and_labels() {
    let a = PlanningAssumptions::nrs11().ketamine_reference_effect();
    let plan = TrialPlanner::from_values(10.0, 1.0, Scale::nrs11(), a)
        .budget(40)
        .plan()
        .unwrap();
    let md = outcome_stats::report::trial_plan_markdown(&plan);
    for needle in [
        "## From the case's change to a planning effect",
        "| observed improvement (10 to 1) | 9 |",
        "| -1.625 |",
        "**6.605**",
        "one uncontrolled case cannot outweigh controlled trials",
        "## Designs",
        "| 2x2 crossover (AB/BA) |",
        "## N-of-1 series: patients against cycles",
        "## With a budget of 40 patients",
        "## Sensitivity",
        "## What the case itself can say",
        "no interval for the case's own change exists",
        "## Assumptions",
        "| assumption |",
        "| default |",
        "midazolam",
    ] {
        assert!(md.contains(needle), "missing {needle:?}");
    }
}

#[cfg(feature = "serde")]
fn key_paths(v: &serde_json::Value, prefix: &str, out: &mut std::collections::BTreeSet<String>) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                let p = format!("{prefix}.{k}");
                out.insert(p.clone());
                key_paths(v, &p, out);
            }
        }
        serde_json::Value::Array(items) => {
            for item in items {
                key_paths(item, &format!("{prefix}[]"), out);
            }
        }
        _ => {}
    }
}

#[cfg(feature = "serde")]
#[test]
fn json_field_names_snapshot() {
    let a = PlanningAssumptions::nrs11().ketamine_reference_effect();
    let s = Series::from_phases(
        Scale::nrs11(),
        &[("A", &[10.0, 9.0, 10.0]), ("B", &[3.0, 1.0, 1.0])],
    )
    .unwrap();
    let plan = TrialPlanner::from_series(&s, a).budget(40).plan().unwrap();
    let v = serde_json::to_value(&plan).unwrap();
    // The fields the issue fixes.
    assert!(v["planning_effect"].is_f64());
    assert!(v["standardized_effect"].is_f64());
    assert!(v["chain_effect"].is_f64());
    assert_eq!(v["reference_effect"], serde_json::json!(1.83));
    let names: Vec<&str> = v["designs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["design"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "parallel",
            "ancova",
            "crossover_2x2",
            "responders_30",
            "responders_50",
            "nof1_series"
        ]
    );
    for d in v["designs"].as_array().unwrap() {
        for key in ["n_per_arm", "n_per_arm_before_dropout", "n_total", "power"] {
            assert!(d.get(key).is_some(), "{key} missing in {}", d["design"]);
        }
        assert_eq!(d.get("cycles").is_some(), d["design"] == "nof1_series");
    }
    // No reference effect: null.
    let plan = quick(TrialPlanner::from_values(
        10.0,
        1.0,
        Scale::nrs11(),
        PlanningAssumptions::nrs11(),
    ))
    .plan()
    .unwrap();
    assert!(serde_json::to_value(&plan).unwrap()["reference_effect"].is_null());

    // Every key path, against the committed snapshot (UPDATE_SNAPSHOTS=1 rewrites it).
    let mut paths = std::collections::BTreeSet::new();
    key_paths(&v, "", &mut paths);
    let text: String = paths.into_iter().map(|p| p + "\n").collect();
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/reference/plan/trial_plan_keys.txt"
    );
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(file, &text).unwrap();
    }
    let expected = std::fs::read_to_string(file).unwrap();
    assert_eq!(text, expected, "TrialPlan JSON schema changed");
}

// ---------------------------------------------------------------------------------------
// The plan_trial example's command line
// ---------------------------------------------------------------------------------------

#[cfg(feature = "serde")]
mod cli {
    use super::plan_trial_cli::{EXIT_NO_EFFECT, EXIT_USAGE, run};

    struct Outcome {
        code: i32,
        stdout: String,
        stderr: String,
    }

    fn cli(args: &[&str]) -> Outcome {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = run(&args, &mut out, &mut err);
        Outcome {
            code,
            stdout: String::from_utf8(out).unwrap(),
            stderr: String::from_utf8(err).unwrap(),
        }
    }

    #[test]
    fn markdown_plan() {
        let o = cli(&[
            "--pre",
            "10",
            "--post",
            "1",
            "--reference-effect",
            "1.83",
            "--budget",
            "40",
        ]);
        assert_eq!(o.code, 0, "{}", o.stderr);
        assert!(o.stdout.contains("Planning effect: **1.83 points**"));
        assert!(o.stdout.contains("| parallel, t test on change scores | d (over SD of change) = 0.732 | 31 | 37 | per arm | 74 |"));
        assert!(o.stderr.is_empty());
    }

    #[test]
    fn json_plan_with_every_flag() {
        let o = cli(&[
            "--pre",
            "80",
            "--post",
            "30",
            "--scale",
            "vas100",
            "--placebo-response",
            "7.7",
            "--sd-change",
            "25",
            "--sd",
            "22",
            "--correlation",
            "0.4",
            "--trial-baseline",
            "67.5",
            "--reliability",
            "0.92",
            "--shrinkage=0.5",
            "--alpha",
            "0.05",
            "--power",
            "0.9",
            "--dropout",
            "0.2",
            "--budget",
            "60",
            "--cycles",
            "4",
            "--json",
        ]);
        assert_eq!(o.code, 0, "{}", o.stderr);
        let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
        // 50 - 7.7 - (1 - 0.4) * 12.5 = 34.8; times 0.5 = 17.4.
        assert!((v["chain_effect"].as_f64().unwrap() - 17.4).abs() < 1e-12);
        assert!(v["reference_effect"].is_null());
        assert_eq!(v["target_power"], serde_json::json!(0.9));
        let nof1 = &v["designs"][5];
        assert_eq!(nof1["design"], "nof1_series");
        assert_eq!(nof1["cycles"], 4);
        assert_eq!(nof1["budget"]["patients"], 60);
        let given = v["assumptions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == "reliability")
            .unwrap();
        assert_eq!(given["origin"], "given");
        assert_eq!(given["value"], serde_json::json!(0.92));
    }

    #[test]
    fn help_prints_usage() {
        let o = cli(&["--help"]);
        assert_eq!(o.code, 0);
        assert!(o.stdout.contains("--reference-effect E"));
        assert!(o.stdout.contains("--json"));
    }

    #[test]
    fn bad_flags_exit_2() {
        for args in [
            &["--post", "1"][..],
            &["--pre", "10"],
            &["--pre", "ten", "--post", "1"],
            &["--pre", "10", "--post", "1", "--frobnicate"],
            &["--pre", "10", "--post", "1", "--scale", "vas10"],
            &["--pre", "10", "--post", "1", "--budget", "-3"],
            &["--pre", "10", "--post", "1", "--alpha"],
            &["--pre", "10", "--post", "1", "--reliability", "1.5"],
            &["--pre", "10", "--post", "1", "--reference-effect", "-1.83"],
            &["--pre", "12", "--post", "1"],
            &["--pre", "10", "--post", "1", "--budget", "3"],
        ] {
            let o = cli(args);
            assert_eq!(o.code, EXIT_USAGE, "{args:?}: {}", o.stderr);
            assert!(o.stdout.is_empty(), "{args:?}");
            assert!(o.stderr.starts_with("plan_trial: "), "{args:?}");
        }
    }

    #[test]
    fn no_effect_exits_3_with_one_line() {
        let o = cli(&["--pre", "7", "--post", "5", "--placebo-response", "2"]);
        assert_eq!(o.code, EXIT_NO_EFFECT);
        assert!(o.stdout.is_empty());
        assert_eq!(o.stderr.lines().count(), 1, "{}", o.stderr);
        assert!(o.stderr.contains("no effect left to detect"));
    }
}

/// Power curves run to twice each design's n but never past the power layer's caps, so a
/// tiny planning effect (n near 10^7) or Fisher's exact test (n1 <= 500) still gives a plan.
#[test]
fn power_curves_stay_within_the_power_layers_caps() {
    use outcome_stats::power::{FISHER_MAX_N, MAX_N, ProportionTest};
    let top = |plan: &TrialPlan, kind: DesignKind| {
        plan.power_curves
            .iter()
            .find(|c| c.design == kind)
            .and_then(|c| c.points.iter().map(|p| p.n_per_arm).max())
            .unwrap()
    };
    // NRS 7 -> 6.1: chain 0.9 - 0.77 - (1 - 0.5) (7 - 6.75) = 0.005 points, so some design
    // needs more than MAX_N / 2 per arm and twice its n would pass the cap.
    let a = PlanningAssumptions::nrs11();
    let plan = quick(TrialPlanner::from_values(7.0, 6.1, Scale::nrs11(), a))
        .plan()
        .unwrap();
    assert!(close(plan.chain_effect, 0.005, 1e-9));
    assert!(
        plan.designs
            .iter()
            .any(|d| 2 * d.n_per_arm_before_dropout > MAX_N)
    );
    for kind in DesignKind::ALL {
        let cap = if kind == DesignKind::Crossover2x2 {
            MAX_N / 2
        } else {
            MAX_N
        };
        assert!(top(&plan, kind) <= cap, "{}", kind.name());
    }
    // Fisher's exact test with a planning effect of 0.74 points: the responder designs need
    // between 250 and 500 per arm, so twice their n would pass FISHER_MAX_N.
    let a = PlanningAssumptions::nrs11().reference_effect(0.74);
    let plan = quick(TrialPlanner::from_values(10.0, 1.0, Scale::nrs11(), a))
        .responder_test(ProportionTest::FisherExact)
        .plan()
        .unwrap();
    for kind in [DesignKind::Responders30, DesignKind::Responders50] {
        let n = design(&plan, kind).n_per_arm_before_dropout;
        assert!(
            n > FISHER_MAX_N / 2 && n <= FISHER_MAX_N,
            "{}: {n}",
            kind.name()
        );
        assert_eq!(top(&plan, kind), FISHER_MAX_N);
    }
}
