//! The main example's report, checked: published and illustrative values are labelled, and
//! every section carries the numbers the library computes for the case.

#[allow(dead_code)]
#[path = "../examples/ketamine_case.rs"]
mod ketamine_case;

fn report() -> String {
    let mut out = String::new();
    ketamine_case::report(&mut out).expect("the example's report runs");
    out
}

#[test]
fn ketamine_report_labels_published_and_illustrative_values() {
    let out = report();
    assert!(out.contains("PUBLISHED:    pain 10 at baseline, 0-1 after the tenth infusion"));
    assert!(out.contains("ILLUSTRATIVE: daily ratings below are NOT published"));
    assert!(out.contains("assume a linear escalation (illustrative)"));
    assert!(out.contains("B10             1         1063"));
}

#[test]
fn ketamine_report_carries_the_case_numbers() {
    let out = report();
    // Design: an AB case cannot meet the WWC standards.
    assert!(out.contains("AB design: does not meet the WWC standards"));
    // Pre/post 10 -> 1: improvement 9, 90%, substantial; RCI = 9 / (sqrt(2) 2.5 sqrt(0.1)) = 8.05.
    assert!(out.contains("improvement (pain fell by):   9.0 points"));
    assert!(out.contains("percent pain reduction:       90%"));
    assert!(out.contains("substantially important improvement"));
    assert!(out.contains("reliable change index:        8.05"));
    // Series: baseline mean (10+9+10+10+9)/5 = 9.6, treatment mean 34/10 = 3.4.
    assert!(out.contains("baseline mean 9.60 (5 days) -> treatment mean 3.40 (10 sessions)"));
    // Effect sizes: complete separation gives NAP = 1 with a proper Newcombe interval.
    assert!(out.contains("NAP    1.000 (95% CI 0.717 to 1.000)"));
    assert!(out.contains("Tau-U  0.960"));
    // LRRd = ln(3.4 / 9.6) + bias corrections = -1.014.
    assert!(out.contains("LRRd   -1.014"));
}

#[test]
fn ketamine_report_ends_with_the_trial_plan() {
    let out = report();
    // Chain: 9 - 0.77 - (1 - 0.5)(10 - 6.75) = 6.605; the reference 1.83 is smaller and wins.
    assert!(out.contains("| times shrinkage factor 1 = the case's chain effect | **6.605** |"));
    assert!(out.contains("Planning effect: **1.83 points**"));
    // d = 1.83 / 2.5 = 0.732; two-sample t, 80% power, alpha 0.05: 31 per arm, 37 after 15%
    // dropout (ceil(31 / 0.85) = 37).
    assert!(out.contains(
        "| parallel, t test on change scores | d (over SD of change) = 0.732 | 31 | 37 |"
    ));
    assert!(out.contains("active placebo such as midazolam"));
    assert!(out.contains("case's chain is 3.6 times that"));
}
