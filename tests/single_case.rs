//! Single-case indices against SingleCaseES 0.7.4 (Pustejovsky, Chen, Swan; `calc_ES` defaults),
//! scan 0.67.1, the published worked examples, and mpmath references.
//!
//! Reference files (tests/reference/single_case/, see its README):
//! - `singlecase_singlecasees_0.7.4.jsonl`: 60 AB series with SingleCaseES's output;
//! - `published_cases_singlecasees.json`, `published_cases_scan_scdhlm_scrt.json`: worked
//!   examples from the literature with the peers' outputs;
//! - `newcombe_mpmath.json` (from `gen_newcombe.py`): Newcombe interval ends at 60 digits and
//!   Tau-BC with exact rational residuals.

use crate::tolerance::{
    SINGLE_CASE_NEWCOMBE_ROOT, SINGLE_CASE_PEER, SINGLE_CASE_PEER_UNIROOT, SINGLE_CASE_ZERO_FLOOR,
};
use outcome_stats::effect::*;
use outcome_stats::{Direction, Error, Scale, Series};
use proptest::prelude::*;
use serde_json::Value;

fn reference(name: &str) -> String {
    let path = format!(
        "{}/tests/reference/single_case/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

fn close(actual: f64, expected: f64, tol: f64, what: &str) {
    let diff = (actual - expected).abs();
    assert!(
        diff <= tol * expected.abs() || diff <= SINGLE_CASE_ZERO_FLOOR,
        "{what}: got {actual}, expected {expected} (diff {diff:e}, relative tolerance {tol:e})"
    );
}

fn close_abs(actual: f64, expected: f64, tol: f64, what: &str) {
    let diff = (actual - expected).abs();
    assert!(
        diff <= tol,
        "{what}: got {actual}, expected {expected} (diff {diff:e}, tolerance {tol:e})"
    );
}

fn numbers(v: &Value) -> Vec<f64> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default()
}

fn series(a: &[f64], b: &[f64], direction: Direction, max: f64) -> Series {
    let scale = Scale::new(0.0, max, direction).unwrap();
    Series::from_phases(scale, &[("A", a), ("B", b)]).unwrap()
}

fn direction_of(improvement: &str) -> Direction {
    if improvement == "decrease" {
        Direction::LowerIsBetter
    } else {
        Direction::HigherIsBetter
    }
}

fn ci(e: &Estimate) -> Interval {
    e.ci.expect("an interval")
}

fn se(e: &Estimate) -> f64 {
    e.se.expect("a standard error")
}

/// Checks an estimate against a SingleCaseES record {est, se, lo, hi} (Wald intervals: the ends
/// are closed-form, so they get the peer tolerance too).
fn check_wald(e: &Estimate, r: &Value, what: &str) {
    close(e.value, r["est"].as_f64().unwrap(), SINGLE_CASE_PEER, what);
    close(se(e), r["se"].as_f64().unwrap(), SINGLE_CASE_PEER, what);
    close(
        ci(e).lower,
        r["lo"].as_f64().unwrap(),
        SINGLE_CASE_PEER,
        what,
    );
    close(
        ci(e).upper,
        r["hi"].as_f64().unwrap(),
        SINGLE_CASE_PEER,
        what,
    );
}

struct Golden {
    peer: Vec<Value>,
    exact: Vec<Value>,
}

fn golden() -> Golden {
    let peer: Vec<Value> = reference("singlecase_singlecasees_0.7.4.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mp: Value = serde_json::from_str(&reference("newcombe_mpmath.json")).unwrap();
    let exact = mp["series"].as_array().unwrap().clone();
    assert_eq!(peer.len(), 60);
    assert_eq!(exact.len(), 60);
    Golden { peer, exact }
}

fn golden_series(row: &Value) -> Series {
    series(
        &numbers(&row["A"]),
        &numbers(&row["B"]),
        direction_of(row["improvement"].as_str().unwrap()),
        10.0,
    )
}

/// NAP and Tau: estimates and SEs to 1e-10 of SingleCaseES; interval ends to 1e-4 of
/// SingleCaseES (its `uniroot` ends) and to 1e-9 of the mpmath roots. Where NAP is 1
/// SingleCaseES returns the degenerate [1, 1]; there the test checks the mpmath root instead
/// and that the interval is proper.
#[test]
fn nap_and_tau_match_singlecasees_and_mpmath() {
    let g = golden();
    let mut degenerate = 0;
    for (i, (row, exact)) in g.peer.iter().zip(&g.exact).enumerate() {
        let s = golden_series(row);
        let e = nap(&s, &NapOptions::default()).unwrap();
        let t = tau(&s, &NapOptions::default()).unwrap();
        let r = &row["NAP"];
        let rt = &row["Tau"];
        close(
            e.value,
            r["est"].as_f64().unwrap(),
            SINGLE_CASE_PEER,
            &format!("NAP {i}"),
        );
        close(
            se(&e),
            r["se"].as_f64().unwrap(),
            SINGLE_CASE_PEER,
            &format!("NAP SE {i}"),
        );
        close(
            t.value,
            rt["est"].as_f64().unwrap(),
            SINGLE_CASE_PEER,
            &format!("Tau {i}"),
        );
        close(
            se(&t),
            rt["se"].as_f64().unwrap(),
            SINGLE_CASE_PEER,
            &format!("Tau SE {i}"),
        );
        let (lo, hi) = (
            exact["nap_lo"].as_f64().unwrap(),
            exact["nap_hi"].as_f64().unwrap(),
        );
        close_abs(
            ci(&e).lower,
            lo,
            SINGLE_CASE_NEWCOMBE_ROOT,
            &format!("NAP lower vs mpmath {i}"),
        );
        close_abs(
            ci(&e).upper,
            hi,
            SINGLE_CASE_NEWCOMBE_ROOT,
            &format!("NAP upper vs mpmath {i}"),
        );
        close_abs(
            ci(&t).lower,
            2.0 * lo - 1.0,
            2.0 * SINGLE_CASE_NEWCOMBE_ROOT,
            "Tau lower",
        );
        close_abs(
            ci(&t).upper,
            2.0 * hi - 1.0,
            2.0 * SINGLE_CASE_NEWCOMBE_ROOT,
            "Tau upper",
        );
        if e.value == 1.0 {
            // SingleCaseES: [1, 1], a collapsed interval (uniroot stops at the trivial root).
            degenerate += 1;
            assert_eq!(r["lo"].as_f64(), Some(1.0));
            assert!(ci(&e).lower < 0.9, "NAP = 1 must keep a proper interval");
        } else {
            let what = format!("NAP ends vs SingleCaseES {i}");
            close_abs(
                ci(&e).lower,
                r["lo"].as_f64().unwrap(),
                SINGLE_CASE_PEER_UNIROOT,
                &what,
            );
            close_abs(
                ci(&e).upper,
                r["hi"].as_f64().unwrap(),
                SINGLE_CASE_PEER_UNIROOT,
                &what,
            );
            close_abs(
                ci(&t).lower,
                rt["lo"].as_f64().unwrap(),
                2.0 * SINGLE_CASE_PEER_UNIROOT,
                &what,
            );
            close_abs(
                ci(&t).upper,
                rt["hi"].as_f64().unwrap(),
                2.0 * SINGLE_CASE_PEER_UNIROOT,
                &what,
            );
        }
    }
    assert!(degenerate > 0, "the golden file has NAP = 1 cases");
}

#[test]
fn nonoverlap_indices_match_singlecasees() {
    let g = golden();
    let o = OverlapOptions::default();
    for (i, row) in g.peer.iter().enumerate() {
        let s = golden_series(row);
        for (name, e) in [
            ("PND", pnd(&s, &o).unwrap()),
            ("PEM", pem(&s, &o).unwrap()),
            ("PAND", pand(&s, &o).unwrap()),
            ("IRD", ird(&s, &o).unwrap()),
            ("Tau-U", tau_u(&s, &TauUOptions::default()).unwrap()),
        ] {
            close(
                e.value,
                row[name]["est"].as_f64().unwrap(),
                SINGLE_CASE_PEER,
                &format!("{name} {i}"),
            );
            assert!(
                e.se.is_none() && e.ci.is_none(),
                "{name} has no SE in the literature"
            );
            assert_eq!(e.method.interval_kind(), IntervalKind::None);
        }
    }
}

/// Tau-BC: SingleCaseES compares detrended residuals exactly, so residuals that are equal in
/// exact arithmetic but 1e-15 apart in floating point count as wins or losses. The crate
/// compares with a tolerance; the reference for those series is Tau-BC computed with exact
/// rational residuals (gen_newcombe.py). Elsewhere it must agree with SingleCaseES to 1e-10.
#[test]
fn tau_bc_matches_singlecasees_or_exact_ties() {
    let g = golden();
    let mut near_ties = 0;
    for (i, (row, exact)) in g.peer.iter().zip(&g.exact).enumerate() {
        let s = golden_series(row);
        let e = tau_bc(&s, &TauBcOptions::default()).unwrap();
        let r = &row["Tau-BC"];
        let exact_value = exact["taubc"].as_f64().unwrap();
        close(
            e.value,
            exact_value,
            SINGLE_CASE_PEER,
            &format!("Tau-BC vs exact {i}"),
        );
        close(
            se(&e),
            exact["taubc_se"].as_f64().unwrap(),
            SINGLE_CASE_PEER,
            &format!("Tau-BC SE vs exact {i}"),
        );
        close_abs(
            ci(&e).lower,
            exact["taubc_lo"].as_f64().unwrap(),
            2.0 * SINGLE_CASE_NEWCOMBE_ROOT,
            "Tau-BC lower",
        );
        close_abs(
            ci(&e).upper,
            exact["taubc_hi"].as_f64().unwrap(),
            2.0 * SINGLE_CASE_NEWCOMBE_ROOT,
            "Tau-BC upper",
        );
        let peer = r["est"].as_f64().unwrap();
        if (peer - exact_value).abs() > 1e-12 {
            near_ties += 1;
            // The exact-tie answer differs from SingleCaseES's floating-point one.
            assert!((e.value - peer).abs() > 1e-3);
        } else {
            close(e.value, peer, SINGLE_CASE_PEER, &format!("Tau-BC {i}"));
            close(
                se(&e),
                r["se"].as_f64().unwrap(),
                SINGLE_CASE_PEER,
                &format!("Tau-BC SE {i}"),
            );
            // SingleCaseES collapses the interval at Tau-BC = 1 or -1 (NAP = 1 or 0).
            if peer.abs() < 1.0 {
                close_abs(
                    ci(&e).lower,
                    r["lo"].as_f64().unwrap(),
                    2.0 * SINGLE_CASE_PEER_UNIROOT,
                    "Tau-BC lo",
                );
                close_abs(
                    ci(&e).upper,
                    r["hi"].as_f64().unwrap(),
                    2.0 * SINGLE_CASE_PEER_UNIROOT,
                    "Tau-BC hi",
                );
            }
        }
    }
    assert_eq!(
        near_ties, 3,
        "three golden series have near-ties after detrending"
    );
}

/// SMD: SingleCaseES returns "Inf" for a zero baseline SD; the crate returns an error.
#[test]
fn smd_matches_singlecasees() {
    let g = golden();
    let mut infinite = 0;
    for (i, row) in g.peer.iter().enumerate() {
        let s = golden_series(row);
        let r = &row["SMD"];
        let result = smd(&s, &SmdOptions::default());
        if r["est"].as_str() == Some("Inf") {
            infinite += 1;
            assert!(
                matches!(result, Err(Error::ZeroVariance { .. })),
                "row {i}: {result:?}"
            );
        } else {
            check_wald(&result.unwrap(), r, &format!("SMD {i}"));
        }
    }
    assert_eq!(infinite, 1);
}

#[test]
fn lrr_matches_singlecasees() {
    let g = golden();
    for (i, row) in g.peer.iter().enumerate() {
        let s = golden_series(row);
        let d = lrr_decreasing(&s, &LrrOptions::default()).unwrap();
        let inc = lrr_increasing(&s, &LrrOptions::default()).unwrap();
        check_wald(&d, &row["LRRd"], &format!("LRRd {i}"));
        check_wald(&inc, &row["LRRi"], &format!("LRRi {i}"));
    }
}

fn newcombe_extra() -> Vec<Value> {
    let mp: Value = serde_json::from_str(&reference("newcombe_mpmath.json")).unwrap();
    mp["extra"].as_array().unwrap().clone()
}

/// Newcombe ends at other levels, at NAP = 0 and 1 and on a longer series, against mpmath.
#[test]
fn newcombe_ends_match_mpmath() {
    for case in newcombe_extra() {
        let direction = if case["sign"].as_f64() == Some(-1.0) {
            Direction::LowerIsBetter
        } else {
            Direction::HigherIsBetter
        };
        let s = series(&numbers(&case["A"]), &numbers(&case["B"]), direction, 10.0);
        let level = case["level"].as_f64().unwrap();
        let e = nap(&s, &NapOptions::default().level(level)).unwrap();
        close(
            e.value,
            case["nap"].as_f64().unwrap(),
            SINGLE_CASE_PEER,
            "NAP",
        );
        close(
            se(&e),
            case["nap_se"].as_f64().unwrap(),
            SINGLE_CASE_PEER,
            "NAP SE",
        );
        close_abs(
            ci(&e).lower,
            case["nap_lo"].as_f64().unwrap(),
            SINGLE_CASE_NEWCOMBE_ROOT,
            "lower",
        );
        close_abs(
            ci(&e).upper,
            case["nap_hi"].as_f64().unwrap(),
            SINGLE_CASE_NEWCOMBE_ROOT,
            "upper",
        );
        assert_eq!(ci(&e).level, level);
    }
}

/// The README's example: 5 against 5 points, NAP = 1: lower end 0.6427 (SingleCaseES: 1).
#[test]
fn nap_one_interval_is_proper() {
    let s = series(
        &[1.0, 2.0, 3.0, 4.0, 5.0],
        &[6.0, 7.0, 8.0, 9.0, 10.0],
        Direction::HigherIsBetter,
        10.0,
    );
    let e = nap(&s, &NapOptions::default()).unwrap();
    assert_eq!(e.value, 1.0);
    close_abs(
        ci(&e).lower,
        0.6427028239310432,
        SINGLE_CASE_NEWCOMBE_ROOT,
        "lower",
    );
    assert_eq!(ci(&e).upper, 1.0);
    let t = tau(&s, &NapOptions::default()).unwrap();
    close_abs(
        ci(&t).lower,
        2.0 * 0.6427028239310432 - 1.0,
        2.0 * SINGLE_CASE_NEWCOMBE_ROOT,
        "tau lower",
    );
    // Reversed: NAP = 0, interval [0, 1 - 0.6427].
    let s = series(
        &[6.0, 7.0, 8.0, 9.0, 10.0],
        &[1.0, 2.0, 3.0, 4.0, 5.0],
        Direction::HigherIsBetter,
        10.0,
    );
    let e = nap(&s, &NapOptions::default()).unwrap();
    assert_eq!((e.value, ci(&e).lower), (0.0, 0.0));
    close_abs(
        ci(&e).upper,
        1.0 - 0.6427028239310432,
        SINGLE_CASE_NEWCOMBE_ROOT,
        "upper",
    );
}

// ---------------------------------------------------------------------------------------
// Published worked examples (published_cases_singlecasees.json): SingleCaseES 0.7.4 outputs.

fn published() -> Vec<Value> {
    serde_json::from_str::<Value>(&reference("published_cases_singlecasees.json"))
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn case(id: &str) -> Value {
    published()
        .into_iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no case {id}"))
}

fn case_series(c: &Value, direction: Direction) -> Series {
    series(&numbers(&c["A"]), &numbers(&c["B"]), direction, 100.0)
}

fn result<'a>(c: &'a Value, es: &str) -> &'a Value {
    c["result"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ES"] == es)
        .unwrap_or_else(|| panic!("no {es} in {}", c["id"]))
}

/// Compares estimate, SE and (Wald or uniroot) ends with a published SingleCaseES row.
fn check_row(e: &Estimate, r: &Value, ends: f64, what: &str) {
    check_row_with(e, r, SINGLE_CASE_PEER, ends, what);
}

fn check_row_with(e: &Estimate, r: &Value, tol: f64, ends: f64, what: &str) {
    close(e.value, r["Est"].as_f64().unwrap(), tol, what);
    if let Some(s) = r["SE"].as_f64() {
        close(se(e), s, tol, what);
    } else {
        assert!(e.se.is_none(), "{what}: no SE expected");
    }
    if let (Some(lo), Some(hi)) = (r["CI_lower"].as_f64(), r["CI_upper"].as_f64()) {
        close_abs(ci(e).lower, lo, ends * lo.abs().max(1.0), what);
        close_abs(ci(e).upper, hi, ends * hi.abs().max(1.0), what);
    }
}

#[test]
fn parker_vannest_davis_2011() {
    let up = Direction::HigherIsBetter;
    let c = case("PVD2011_NOM");
    let s = case_series(&c, up);
    let o = OverlapOptions::default();
    check_row(&pnd(&s, &o).unwrap(), result(&c, "PND"), 0.0, "PND");
    check_row(&pand(&s, &o).unwrap(), result(&c, "PAND"), 0.0, "PAND");
    check_row(&pem(&s, &o).unwrap(), result(&c, "PEM"), 0.0, "PEM");
    check_row(&ird(&s, &o).unwrap(), result(&c, "IRD"), 0.0, "IRD");
    check_row(
        &tau_u(&s, &TauUOptions::default()).unwrap(),
        result(&c, "Tau-U"),
        0.0,
        "Tau-U",
    );
    for (id, se_kind) in [
        ("PVD2011_NAP_unbiased", NapStandardError::Unbiased),
        ("PVD2011_NAP_Hanley", NapStandardError::Hanley),
        ("PVD2011_NAP_null", NapStandardError::Null),
    ] {
        let c = case(id);
        let e = nap(&s, &NapOptions::default().standard_error(se_kind)).unwrap();
        check_row(&e, result(&c, "NAP"), SINGLE_CASE_PEER_UNIROOT, id);
    }
    let e = tau(&s, &NapOptions::default()).unwrap();
    check_row(
        &e,
        result(&case("PVD2011_Tau"), "Tau"),
        2.0 * SINGLE_CASE_PEER_UNIROOT,
        "Tau",
    );
    let c = case("PVD2011_TauBC");
    let e = tau_bc(&s, &TauBcOptions::default()).unwrap();
    check_row(
        &e,
        result(&c, "Tau-BC"),
        2.0 * SINGLE_CASE_PEER_UNIROOT,
        "Tau-BC",
    );
    match e.method {
        Method::SingleCase(SingleCaseMethod::TauBc {
            slope, intercept, ..
        }) => {
            close(slope, 0.6, SINGLE_CASE_PEER, "slope");
            close(intercept, 19.4, SINGLE_CASE_PEER, "intercept");
        }
        ref m => panic!("unexpected method {m:?}"),
    }
    let smd_cases = [
        ("PVD2011_SMD_baseline", SmdOptions::default()),
        (
            "PVD2011_SMD_pool",
            SmdOptions::default().standardizer(SmdStandardizer::Pooled),
        ),
        (
            "PVD2011_SMD_nobc",
            SmdOptions::default().correction(SmdBiasCorrection::None),
        ),
    ];
    for (id, opts) in smd_cases {
        check_row(
            &smd(&s, &opts).unwrap(),
            result(&case(id), "SMD"),
            SINGLE_CASE_PEER,
            id,
        );
    }
    let e = lrr_increasing(&s, &LrrOptions::default()).unwrap();
    check_row(
        &e,
        result(&case("PVD2011_LRRi_count"), "LRRi"),
        SINGLE_CASE_PEER,
        "LRRi",
    );
    let e = log_ratio_of_medians(&s, &LrmOptions::default()).unwrap();
    check_row(
        &e,
        result(&case("PVD2011_LRM"), "LRM"),
        SINGLE_CASE_PEER,
        "LRM",
    );
}

/// PoGO: the estimate agrees with SingleCaseES; its SE does not, by design. SingleCaseES uses
/// (V_B/n_B + (1 + P²) V_A/n_A) / (goal - M_A)², treating the baseline mean's two appearances
/// as independent; the delta method gives ((1 - P)² V_A/n_A + V_B/n_B) / (goal - M_A)²:
/// 13.06 instead of 20.75.
#[test]
fn pogo_has_the_delta_method_se() {
    let c = case("PVD2011_PoGO30");
    let s = case_series(&c, Direction::HigherIsBetter);
    let e = pogo(&s, 30.0, &PogoOptions::default()).unwrap();
    let r = result(&c, "PoGO");
    close(
        e.value,
        r["Est"].as_f64().unwrap(),
        SINGLE_CASE_PEER,
        "PoGO",
    );
    // By hand: A = 20 20 26 25 22 23 (mean 68/3, var 94/15), B mean 193/7 (var 118/21).
    let (ma, va, na): (f64, f64, f64) = (68.0 / 3.0, 94.0 / 15.0, 6.0);
    let (mb, vb, nb): (f64, f64, f64) = (193.0 / 7.0, 118.0 / 21.0, 7.0);
    let p = (mb - ma) / (30.0 - ma);
    let expected =
        100.0 * (((1.0 - p) * (1.0 - p) * va / na + vb / nb) / (30.0 - ma).powi(2)).sqrt();
    close(se(&e), expected, SINGLE_CASE_PEER, "PoGO SE");
    close_abs(se(&e), 13.06, 0.005, "PoGO SE");
    assert!((se(&e) - r["SE"].as_f64().unwrap()).abs() > 7.0);
    // Same on a pain scale: moving towards a lower goal is positive.
    let pain = Series::from_phases(
        Scale::nrs11(),
        &[("A", &[8.0, 7.0, 9.0]), ("B", &[5.0, 4.0, 3.0])],
    )
    .unwrap();
    let e = pogo(&pain, 2.0, &PogoOptions::default()).unwrap();
    close(
        e.value,
        100.0 * (4.0 - 8.0) / (2.0 - 8.0),
        SINGLE_CASE_PEER,
        "PoGO pain",
    );
}

#[test]
fn parker_vannest_2009() {
    let c = case("PV2009_all");
    let s = case_series(&c, Direction::HigherIsBetter);
    let o = OverlapOptions::default();
    let uniroot = SINGLE_CASE_PEER_UNIROOT;
    check_row(
        &nap(&s, &NapOptions::default()).unwrap(),
        result(&c, "NAP"),
        uniroot,
        "NAP",
    );
    check_row(
        &tau(&s, &NapOptions::default()).unwrap(),
        result(&c, "Tau"),
        2.0 * uniroot,
        "Tau",
    );
    check_row(&pnd(&s, &o).unwrap(), result(&c, "PND"), 0.0, "PND");
    check_row(&pand(&s, &o).unwrap(), result(&c, "PAND"), 0.0, "PAND");
    check_row(&ird(&s, &o).unwrap(), result(&c, "IRD"), 0.0, "IRD");
    check_row(&pem(&s, &o).unwrap(), result(&c, "PEM"), 0.0, "PEM");
    check_row(
        &smd(&s, &SmdOptions::default()).unwrap(),
        result(&c, "SMD"),
        SINGLE_CASE_PEER,
        "SMD",
    );
    check_row(
        &lrr_increasing(&s, &LrrOptions::default()).unwrap(),
        result(&c, "LRRi"),
        SINGLE_CASE_PEER,
        "LRRi",
    );
    check_row(
        &log_ratio_of_medians(&s, &LrmOptions::default()).unwrap(),
        result(&c, "LRM"),
        SINGLE_CASE_PEER,
        "LRM",
    );
    // Tau-U above 1: Parker's definition, reported unclipped.
    let e = tau_u(&s, &TauUOptions::default()).unwrap();
    check_row(&e, result(&c, "Tau-U"), 0.0, "Tau-U");
    assert!(e.value > 1.0);
    let bounded = tau_u(
        &s,
        &TauUOptions::default().denominator(TauUDenominator::Bounded),
    )
    .unwrap();
    assert!(bounded.value <= 1.0);
    close(
        bounded.value,
        e.value * 110.0 / (110.0 + 45.0),
        SINGLE_CASE_PEER,
        "bounded Tau-U",
    );
    check_row(
        &tau_bc(&s, &TauBcOptions::default()).unwrap(),
        result(&c, "Tau-BC"),
        2.0 * uniroot,
        "Tau-BC",
    );
}

#[test]
fn tau_examples_and_bob() {
    for id in ["Tau_ex2", "Bob_Parker2011"] {
        let c = case(id);
        let s = case_series(&c, Direction::HigherIsBetter);
        let uniroot = SINGLE_CASE_PEER_UNIROOT;
        let e = nap(&s, &NapOptions::default()).unwrap();
        check_row(&e, result(&c, "NAP"), uniroot, id);
        check_row(
            &tau(&s, &NapOptions::default()).unwrap(),
            result(&c, "Tau"),
            2.0 * uniroot,
            id,
        );
        check_row(
            &tau_u(&s, &TauUOptions::default()).unwrap(),
            result(&c, "Tau-U"),
            0.0,
            id,
        );
        if id == "Tau_ex2" {
            let o = OverlapOptions::default();
            check_row(&pnd(&s, &o).unwrap(), result(&c, "PND"), 0.0, id);
            check_row(&pand(&s, &o).unwrap(), result(&c, "PAND"), 0.0, id);
            check_row(&ird(&s, &o).unwrap(), result(&c, "IRD"), 0.0, id);
            check_row(&pem(&s, &o).unwrap(), result(&c, "PEM"), 0.0, id);
        }
    }
}

/// Tarlow's linear example: NAP = Tau = 1, where SingleCaseES returns [1, 1] (wrong by design:
/// the interval collapses at the trivial root); Tau-BC = 0 since B only continues A's trend.
#[test]
fn tarlow_linear() {
    let c = case("Tarlow_linear");
    let s = case_series(&c, Direction::HigherIsBetter);
    let e = nap(&s, &NapOptions::default()).unwrap();
    close(
        se(&e),
        result(&c, "NAP")["SE"].as_f64().unwrap(),
        SINGLE_CASE_PEER,
        "NAP SE",
    );
    close_abs(
        ci(&e).lower,
        0.6427028239310432,
        SINGLE_CASE_NEWCOMBE_ROOT,
        "NAP lower",
    );
    check_row(
        &tau_u(&s, &TauUOptions::default()).unwrap(),
        result(&c, "Tau-U"),
        0.0,
        "Tau-U",
    );
    let bc = tau_bc(&s, &TauBcOptions::default()).unwrap();
    check_row(
        &bc,
        result(&c, "Tau-BC"),
        2.0 * SINGLE_CASE_PEER_UNIROOT,
        "Tau-BC",
    );
}

#[test]
fn tarlow_2017_tau_bc() {
    let c = case("Tarlow2017_bctau_NAP");
    let s = case_series(&c, Direction::LowerIsBetter);
    let e = tau_bc(&s, &TauBcOptions::default()).unwrap();
    check_row(
        &e,
        result(&c, "Tau-BC"),
        2.0 * SINGLE_CASE_PEER_UNIROOT,
        "Tau-BC NAP",
    );
    let c = case("Tarlow2017_bctau_Kendall");
    let e = tau_bc(
        &s,
        &TauBcOptions::default().statistic(TauBcStatistic::KendallTauB),
    )
    .unwrap();
    // Exact: residuals (rational) give S = -28 with 276 pairs, 136 tied in the phase indicator
    // and 4 tied residual pairs, so tau-b = -28 / sqrt(140 * 272). The R Kendall package that
    // SingleCaseES calls returns -0.143486008048058, 2e-8 off (its Fortran works in single
    // precision), so the peer comparison uses 1e-7 and the exact value 1e-14.
    let exact = -28.0 / (140.0f64 * 272.0).sqrt();
    close(e.value, exact, 1e-14, "Tau-BC Kendall exact");
    close(
        se(&e),
        (2.0 / 24.0 * (1.0 - exact * exact)).sqrt(),
        1e-14,
        "Tau-BC Kendall SE",
    );
    check_row_with(
        &e,
        result(&c, "Tau-BC"),
        1e-7,
        1e-7,
        "Tau-BC Kendall vs the Kendall package",
    );
    match e.method {
        Method::SingleCase(SingleCaseMethod::TauBc {
            slope,
            intercept,
            correction,
            ..
        }) => {
            close(slope, -1.2, SINGLE_CASE_PEER, "slope");
            close(intercept, 27.8, SINGLE_CASE_PEER, "intercept");
            assert_eq!(correction, TauBcCorrection::Applied { p_value: None });
        }
        ref m => panic!("unexpected method {m:?}"),
    }
}

#[test]
fn bonett_price_2020_lrm() {
    let c = case("BonettPrice2020_LRM");
    let s = case_series(&c, Direction::HigherIsBetter);
    check_row(
        &log_ratio_of_medians(&s, &LrmOptions::default()).unwrap(),
        result(&c, "LRM"),
        SINGLE_CASE_PEER,
        "LRM",
    );
    let c = case("BonettPrice2020_LRM_delta");
    let e = log_ratio_of_medians(
        &s,
        &LrmOptions::default().standard_error(LrmStandardError::Delta),
    )
    .unwrap();
    check_row(&e, result(&c, "LRM"), SINGLE_CASE_PEER, "LRM delta");
}

#[test]
fn log_odds_ratio_percentages() {
    let m = MeasurementType::Percentage {
        intervals: Some(20.0),
    };
    let c = case("LOR_pct_noBC");
    let s = case_series(&c, Direction::HigherIsBetter);
    let e = log_odds_ratio_proportions(
        &s,
        &LorOptions::default()
            .measurement(m)
            .bias(LrrBias::Uncorrected),
    )
    .unwrap();
    check_row(&e, result(&c, "LOR"), SINGLE_CASE_PEER, "LOR");
    let c = case("LOR_pct_BC");
    let e = log_odds_ratio_proportions(&s, &LorOptions::default().measurement(m)).unwrap();
    check_row(&e, result(&c, "LOR"), SINGLE_CASE_PEER, "LOR BC");
}

/// McKissick et al.'s three periods (decrease, counts): LRRd, NAP, Tau, SMD, PND, Tau-U.
#[test]
fn mckissick_periods() {
    for id in [
        "McKissick_Period 1",
        "McKissick_Period 2",
        "McKissick_Period 3",
    ] {
        let c = case(id);
        let s = case_series(&c, Direction::LowerIsBetter);
        check_row(
            &lrr_decreasing(&s, &LrrOptions::default()).unwrap(),
            result(&c, "LRRd"),
            SINGLE_CASE_PEER,
            id,
        );
        check_row(
            &smd(&s, &SmdOptions::default()).unwrap(),
            result(&c, "SMD"),
            SINGLE_CASE_PEER,
            id,
        );
        check_row(
            &pnd(&s, &OverlapOptions::default()).unwrap(),
            result(&c, "PND"),
            0.0,
            id,
        );
        check_row(
            &tau_u(&s, &TauUOptions::default()).unwrap(),
            result(&c, "Tau-U"),
            0.0,
            id,
        );
        let e = nap(&s, &NapOptions::default()).unwrap();
        let t = tau(&s, &NapOptions::default()).unwrap();
        if e.value < 1.0 {
            check_row(&e, result(&c, "NAP"), SINGLE_CASE_PEER_UNIROOT, id);
            check_row(&t, result(&c, "Tau"), 2.0 * SINGLE_CASE_PEER_UNIROOT, id);
        } else {
            // SingleCaseES: [1, 1]; the proper lower end for 3 vs 7 points.
            close(
                se(&e),
                result(&c, "NAP")["SE"].as_f64().unwrap(),
                SINGLE_CASE_PEER,
                id,
            );
            assert!(ci(&e).lower < 0.9 && ci(&e).upper == 1.0);
        }
    }
}

/// scan 0.67.1 `tau_u(method = "parker")`: Tau-U and its approximate SE, sqrt(Var S) / (m n)
/// with Kendall's tie-corrected Var S ("A vs. B - Trend A" row, SD_S / D).
#[test]
fn scan_tau_u_kendall_se() {
    let all: Value =
        serde_json::from_str(&reference("published_cases_scan_scdhlm_scrt.json")).unwrap();
    for (key, id) in [
        ("scan_PVD_tau_u_parker", "PVD2011_NOM"),
        ("scan_Bob_tau_u_parker", "Bob_Parker2011"),
    ] {
        let s = case_series(&case(id), Direction::HigherIsBetter);
        let rows = all[key].as_array().unwrap();
        let row = rows
            .iter()
            .find(|r| r["model"] == "A vs. B - Trend A")
            .unwrap();
        let opts = TauUOptions::default().standard_error(TauUStandardError::KendallApproximate);
        let e = tau_u(&s, &opts).unwrap();
        close(e.value, row["Tau"].as_f64().unwrap(), SINGLE_CASE_PEER, key);
        close(
            se(&e),
            row["SE_Tau"].as_f64().unwrap(),
            SINGLE_CASE_PEER,
            key,
        );
        close(
            se(&e),
            row["SD_S"].as_f64().unwrap() / row["D"].as_f64().unwrap(),
            SINGLE_CASE_PEER,
            key,
        );
        assert_eq!(e.method.interval_kind(), IntervalKind::Approximate);
        assert!(ci(&e).contains(e.value));
        // Without trend correction: Var S = m n (m + n + 1) / 3 (scan's "A vs. B" SD_S).
        let row = rows.iter().find(|r| r["model"] == "A vs. B").unwrap();
        let e = tau_u(&s, &opts.clone().trend(TauUTrend::Uncorrected)).unwrap();
        close(e.value, row["Tau"].as_f64().unwrap(), SINGLE_CASE_PEER, key);
        close(
            se(&e),
            row["SD_S"].as_f64().unwrap() / row["D"].as_f64().unwrap(),
            SINGLE_CASE_PEER,
            key,
        );
    }
    // The bounded variant is scan's S over all pairs counted ("complete" S and pairs).
    let s = case_series(&case("PVD2011_NOM"), Direction::HigherIsBetter);
    let row = all["scan_PVD_tau_u_complete"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["model"] == "A vs. B - Trend A")
        .unwrap()
        .clone();
    let e = tau_u(
        &s,
        &TauUOptions::default().denominator(TauUDenominator::Bounded),
    )
    .unwrap();
    close(
        e.value,
        row["S"].as_f64().unwrap() / row["pairs"].as_f64().unwrap(),
        SINGLE_CASE_PEER,
        "bounded",
    );
}

// ---------------------------------------------------------------------------------------
// Options, errors and edge cases.

#[test]
fn other_phase_labels() {
    let scale = Scale::nrs11();
    let s = Series::new(
        scale,
        &[8.0, 7.0, 5.0, 4.0, 2.0, 1.0],
        &["A", "A", "B", "B", "C", "C"],
    )
    .unwrap();
    let ab = nap(&s, &NapOptions::default()).unwrap();
    let ac = nap(&s, &NapOptions::default().phases("A", "C")).unwrap();
    assert_eq!((ab.value, ac.value), (1.0, 1.0));
    let bc = nap(&s, &NapOptions::default().phases("B", "C")).unwrap();
    assert_eq!(bc.value, 1.0);
    let err = nap(&s, &NapOptions::default().phases("A", "D")).unwrap_err();
    assert!(matches!(err, Error::PhaseMismatch { .. }), "{err}");
    let err = nap(&s, &NapOptions::default().phases("A", "A")).unwrap_err();
    assert!(matches!(err, Error::PhaseMismatch { .. }), "{err}");
}

#[test]
fn too_short_phases_say_which() {
    let s = Series::from_phases(Scale::nrs11(), &[("A", &[8.0]), ("B", &[5.0, 4.0, 3.0])]).unwrap();
    match nap(&s, &NapOptions::default()) {
        Err(Error::InsufficientData {
            what,
            needed: 2,
            got: 1,
        }) => assert!(what.contains("\"A\""), "{what}"),
        other => panic!("{other:?}"),
    }
    // The null SE needs only one point a phase.
    assert!(
        nap(
            &s,
            &NapOptions::default().standard_error(NapStandardError::Null)
        )
        .is_ok()
    );
    for r in [
        smd(&s, &SmdOptions::default()),
        tau_bc(&s, &TauBcOptions::default()),
        lrr_decreasing(&s, &LrrOptions::default()),
        log_ratio_of_medians(&s, &LrmOptions::default()),
        pogo(&s, 0.0, &PogoOptions::default()),
        tau_u(&s, &TauUOptions::default()),
    ] {
        assert!(
            matches!(
                r,
                Err(Error::InsufficientData {
                    needed: 2,
                    got: 1,
                    ..
                })
            ),
            "{r:?}"
        );
    }
    let s = Series::from_phases(Scale::nrs11(), &[("A", &[8.0, 7.0]), ("B", &[5.0, 4.0])]).unwrap();
    match smd(&s, &SmdOptions::default()) {
        Err(Error::InsufficientData {
            needed: 3, got: 2, ..
        }) => {}
        other => panic!("{other:?}"),
    }
    assert!(
        smd(
            &s,
            &SmdOptions::default().correction(SmdBiasCorrection::None)
        )
        .is_ok()
    );
}

#[test]
fn bad_input_is_an_error() {
    let flat = Series::from_phases(
        Scale::nrs11(),
        &[("A", &[5.0, 5.0, 5.0]), ("B", &[3.0, 2.0, 4.0])],
    )
    .unwrap();
    assert!(matches!(
        smd(&flat, &SmdOptions::default()),
        Err(Error::ZeroVariance { .. })
    ));
    let zero = Series::from_phases(
        Scale::nrs11(),
        &[("A", &[0.0, 0.0, 0.0]), ("B", &[3.0, 2.0, 4.0])],
    )
    .unwrap();
    let other = LrrOptions::default().measurement(MeasurementType::Other);
    assert!(matches!(
        lrr_decreasing(&zero, &other),
        Err(Error::InvalidData { .. })
    ));
    // With counts, the truncation constant handles the zero mean.
    assert!(
        lrr_decreasing(&zero, &LrrOptions::default())
            .unwrap()
            .value
            .is_finite()
    );
    assert!(matches!(
        log_ratio_of_medians(&zero, &LrmOptions::default()),
        Err(Error::InvalidData { .. })
    ));
    let signed = Series::from_phases(
        Scale::new(-10.0, 10.0, Direction::HigherIsBetter).unwrap(),
        &[("A", &[-1.0, 2.0, 3.0]), ("B", &[3.0, 2.0, 4.0])],
    )
    .unwrap();
    assert!(matches!(
        lrr_increasing(&signed, &LrrOptions::default()),
        Err(Error::InvalidData { .. })
    ));
    assert!(matches!(
        log_ratio_of_medians(&signed, &LrmOptions::default()),
        Err(Error::InvalidData { .. })
    ));
    assert!(matches!(
        log_odds_ratio_proportions(
            &signed,
            &LorOptions::default().measurement(MeasurementType::Proportion { intervals: None })
        ),
        Err(Error::InvalidData { .. })
    ));
    assert!(matches!(
        log_odds_ratio_proportions(
            &flat,
            &LorOptions::default().measurement(MeasurementType::Count)
        ),
        Err(Error::InvalidParameter { .. })
    ));
    assert!(matches!(
        pogo(&flat, 5.0, &PogoOptions::default()),
        Err(Error::InvalidParameter { .. })
    ));
    assert!(matches!(
        pogo(&flat, f64::NAN, &PogoOptions::default()),
        Err(Error::InvalidParameter { .. })
    ));
    for level in [0.0, 1.0, f64::NAN, 1.5] {
        assert!(matches!(
            nap(&flat, &NapOptions::default().level(level)),
            Err(Error::InvalidParameter { .. })
        ));
        assert!(matches!(
            smd(&zero, &SmdOptions::default().level(level)),
            Err(Error::InvalidParameter { .. })
        ));
    }
    assert!(matches!(
        lrr_decreasing(&flat, &LrrOptions::default().truncation(0.0)),
        Err(Error::InvalidParameter { .. })
    ));
    assert!(matches!(
        tau_bc(&flat, &TauBcOptions::default().tie_tolerance(f64::NAN)),
        Err(Error::InvalidParameter { .. })
    ));
    let e = nap(&flat, &NapOptions::default()).unwrap();
    assert!(matches!(
        percent_change(&e),
        Err(Error::InvalidParameter { .. })
    ));
}

#[test]
fn percent_change_and_exact_j() {
    let s = Series::from_phases(
        Scale::nrs11(),
        &[("A", &[8.0, 7.0, 9.0, 8.0]), ("B", &[4.0, 3.0, 5.0, 4.0])],
    )
    .unwrap();
    let d = lrr_decreasing(&s, &LrrOptions::default()).unwrap();
    let pc = percent_change(&d).unwrap();
    close(
        pc.value,
        100.0 * (d.value.exp() - 1.0),
        SINGLE_CASE_PEER,
        "percent change",
    );
    close(
        ci(&pc).lower,
        100.0 * (ci(&d).lower.exp() - 1.0),
        SINGLE_CASE_PEER,
        "pc lower",
    );
    assert!(pc.se.is_none() && pc.value < 0.0);
    // Exact J for nu = 3: Gamma(3/2) / (sqrt(3/2) Gamma(1)) = sqrt(pi)/2 / sqrt(1.5).
    let exact = smd(
        &s,
        &SmdOptions::default().correction(SmdBiasCorrection::Exact),
    )
    .unwrap();
    let none = smd(
        &s,
        &SmdOptions::default().correction(SmdBiasCorrection::None),
    )
    .unwrap();
    let j = std::f64::consts::PI.sqrt() / 2.0 / 1.5f64.sqrt();
    close(exact.value, j * none.value, 1e-14, "exact J");
    // Mann-Kendall pretest: a flat baseline leaves the data uncorrected.
    let noisy = Series::from_phases(
        Scale::nrs11(),
        &[
            ("A", &[5.0, 7.0, 4.0, 6.0, 5.0, 7.0, 4.0, 6.0]),
            ("B", &[3.0, 2.0, 4.0, 3.0]),
        ],
    )
    .unwrap();
    let opts = TauBcOptions::default().pretest(TauBcPretest::MannKendall { alpha: 0.05 });
    let e = tau_bc(&noisy, &opts).unwrap();
    match e.method {
        Method::SingleCase(SingleCaseMethod::TauBc {
            correction: TauBcCorrection::SkippedByPretest { p_value },
            ..
        }) => {
            assert!(p_value > 0.05);
        }
        ref m => panic!("{m:?}"),
    }
    close(
        e.value,
        tau(&noisy, &NapOptions::default()).unwrap().value,
        SINGLE_CASE_PEER,
        "uncorrected",
    );
    // A strict monotone baseline trend of 6 points: exact Mann-Kendall p = 2/720.
    let trend = Series::from_phases(
        Scale::nrs11(),
        &[
            ("A", &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]),
            ("B", &[7.0, 8.0, 9.0]),
        ],
    )
    .unwrap();
    let e = tau_bc(&trend, &opts).unwrap();
    match e.method {
        Method::SingleCase(SingleCaseMethod::TauBc {
            correction: TauBcCorrection::Applied { p_value: Some(p) },
            ..
        }) => close(p, 2.0 / 720.0, 1e-14, "exact Mann-Kendall p"),
        ref m => panic!("{m:?}"),
    }
}

/// Near-ties after detrending: exact-arithmetic ties count as ties with the default tolerance;
/// with tolerance 0 the floating-point residuals decide, as in SingleCaseES.
#[test]
fn tau_bc_tie_tolerance() {
    let g = golden();
    let row = g
        .peer
        .iter()
        .zip(&g.exact)
        .find(|(r, e)| {
            (r["Tau-BC"]["est"].as_f64().unwrap() - e["taubc"].as_f64().unwrap()).abs() > 1e-12
        })
        .unwrap();
    let s = golden_series(row.0);
    let tolerant = tau_bc(&s, &TauBcOptions::default()).unwrap();
    let exact_cmp = tau_bc(&s, &TauBcOptions::default().tie_tolerance(0.0)).unwrap();
    close(
        tolerant.value,
        row.1["taubc"].as_f64().unwrap(),
        SINGLE_CASE_PEER,
        "tolerant",
    );
    close(
        exact_cmp.value,
        row.0["Tau-BC"]["est"].as_f64().unwrap(),
        SINGLE_CASE_PEER,
        "exact comparison",
    );
}

/// scan 0.67.1 `corrected_tau` (Theil-Sen via mblm, tau-b): 0.211013984535999 for Parker et
/// al.'s example, which is the exact-tie answer (S = 12, one tied residual pair). Comparing
/// the floating-point residuals exactly, as SingleCaseES's `Tau_BC(Kendall = TRUE)` does, loses
/// the tie and gives 0.2097.
#[test]
fn tau_bc_kendall_matches_scan_corrected_tau() {
    let all: Value =
        serde_json::from_str(&reference("published_cases_scan_scdhlm_scrt.json")).unwrap();
    let row = all["scan_PVD_corrected_tau"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["Model"] == "Baseline corrected tau")
        .unwrap()
        .clone();
    let s = case_series(&case("PVD2011_NOM"), Direction::HigherIsBetter);
    let opts = TauBcOptions::default().statistic(TauBcStatistic::KendallTauB);
    let e = tau_bc(&s, &opts).unwrap();
    close(
        e.value,
        row["tau"].as_f64().unwrap(),
        SINGLE_CASE_PEER,
        "scan corrected tau",
    );
    close(e.value, 12.0 / (42.0f64 * 77.0).sqrt(), 1e-14, "exact");
    let exact_cmp = tau_bc(&s, &opts.tie_tolerance(0.0)).unwrap();
    close(
        exact_cmp.value,
        12.0 / (42.0f64 * 78.0).sqrt(),
        1e-14,
        "no tolerance",
    );
}

/// O(n log n): 100,000 points a phase must be quick even in the test profile.
#[test]
fn long_series_are_fast() {
    let n: u64 = 100_000;
    let a: Vec<f64> = (0..n).map(|i| ((i * 7919) % 101) as f64 / 10.0).collect();
    let b: Vec<f64> = (0..n).map(|i| ((i * 104_729) % 97) as f64 / 10.0).collect();
    let s = series(&a, &b, Direction::LowerIsBetter, 10.0);
    let start = std::time::Instant::now();
    let e = nap(&s, &NapOptions::default()).unwrap();
    let u = tau_u(
        &s,
        &TauUOptions::default().standard_error(TauUStandardError::KendallApproximate),
    )
    .unwrap();
    assert!(start.elapsed().as_secs_f64() < 5.0);
    assert!(e.value > 0.5 && u.value.is_finite());
}

// ---------------------------------------------------------------------------------------
// Invariants.

fn arb_series() -> impl Strategy<Value = (Vec<f64>, Vec<f64>, bool)> {
    (
        prop::collection::vec(0.0f64..10.0, 1..12),
        prop::collection::vec(0.0f64..10.0, 1..12),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(a, b, round, up)| {
            let f = |v: Vec<f64>| {
                if round {
                    v.iter().map(|x| x.round()).collect()
                } else {
                    v
                }
            };
            (f(a), f(b), up)
        })
}

fn build(a: &[f64], b: &[f64], up: bool) -> Series {
    let d = if up {
        Direction::HigherIsBetter
    } else {
        Direction::LowerIsBetter
    };
    series(a, b, d, 10.0)
}

fn all_indices(s: &Series) -> Vec<(&'static str, Result<Estimate, Error>)> {
    vec![
        ("nap", nap(s, &NapOptions::default())),
        (
            "nap_hanley",
            nap(
                s,
                &NapOptions::default().standard_error(NapStandardError::Hanley),
            ),
        ),
        ("tau", tau(s, &NapOptions::default())),
        ("pnd", pnd(s, &OverlapOptions::default())),
        ("pem", pem(s, &OverlapOptions::default())),
        ("pand", pand(s, &OverlapOptions::default())),
        ("ird", ird(s, &OverlapOptions::default())),
        (
            "tau_u",
            tau_u(
                s,
                &TauUOptions::default().standard_error(TauUStandardError::KendallApproximate),
            ),
        ),
        ("tau_bc", tau_bc(s, &TauBcOptions::default())),
        (
            "tau_bc_b",
            tau_bc(
                s,
                &TauBcOptions::default().statistic(TauBcStatistic::KendallTauB),
            ),
        ),
        ("smd", smd(s, &SmdOptions::default())),
        (
            "smd_pooled",
            smd(
                s,
                &SmdOptions::default()
                    .standardizer(SmdStandardizer::Pooled)
                    .correction(SmdBiasCorrection::Exact),
            ),
        ),
        ("lrr_d", lrr_decreasing(s, &LrrOptions::default())),
        (
            "lrr_i",
            lrr_increasing(
                s,
                &LrrOptions::default().measurement(MeasurementType::Other),
            ),
        ),
        (
            "lor",
            log_odds_ratio_proportions(
                s,
                &LorOptions::default().measurement(MeasurementType::Proportion {
                    intervals: Some(10.0),
                }),
            ),
        ),
        ("lrm", log_ratio_of_medians(s, &LrmOptions::default())),
        ("pogo", pogo(s, 5.0, &PogoOptions::default())),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn never_panics_and_intervals_contain_estimates((a, b, up) in arb_series()) {
        let s = build(&a, &b, up);
        for (name, r) in all_indices(&s) {
            if let Ok(e) = r {
                prop_assert!(e.value.is_finite(), "{name}: {e:?}");
                if let Some(se) = e.se { prop_assert!(se >= 0.0 && se.is_finite(), "{name}: {e:?}"); }
                if let Some(ci) = e.ci {
                    prop_assert!(ci.lower <= e.value + 1e-12 && e.value <= ci.upper + 1e-12, "{name}: {e:?}");
                }
            }
        }
        if let Ok(e) = nap(&s, &NapOptions::default().standard_error(NapStandardError::Null)) {
            prop_assert!((0.0..=1.0).contains(&e.value));
            let ci = e.ci.unwrap();
            prop_assert!(ci.lower >= 0.0 && ci.upper <= 1.0 && ci.lower < ci.upper);
        }
    }

    #[test]
    fn flipping_the_scale_flips_direction_aware_indices((a, b, up) in arb_series()) {
        let s = build(&a, &b, up);
        let f = build(&a, &b, !up);
        let pairs = all_indices(&s).into_iter().zip(all_indices(&f));
        for ((name, r), (_, rf)) in pairs {
            let (Ok(e), Ok(ef)) = (r, rf) else { continue };
            match name {
                "nap" | "nap_hanley" => prop_assert!((e.value + ef.value - 1.0).abs() < 1e-12),
                "tau" | "tau_u" | "tau_bc" | "tau_bc_b" | "smd" | "smd_pooled" | "lrr_d" | "lrr_i"
                | "lor" | "lrm" => prop_assert!((e.value + ef.value).abs() < 1e-9, "{name}: {} vs {}", e.value, ef.value),
                _ => {}
            }
        }
    }

    #[test]
    fn arbitrary_values_never_panic(
        a in prop::collection::vec(prop::num::f64::ANY, 0..6),
        b in prop::collection::vec(prop::num::f64::ANY, 0..6),
        level in prop::num::f64::ANY,
        goal in prop::num::f64::ANY,
    ) {
        let scale = Scale::new(-f64::MAX, f64::MAX, Direction::LowerIsBetter).unwrap();
        if let Ok(s) = Series::from_phases(scale, &[("A", &a), ("B", &b)]) {
            for r in [
                nap(&s, &NapOptions::default().level(level)),
                tau_bc(&s, &TauBcOptions::default().statistic(TauBcStatistic::KendallTauB)),
                smd(&s, &SmdOptions::default()),
                pogo(&s, goal, &PogoOptions::default()),
            ]
            .into_iter()
            .flatten()
            {
                prop_assert!(r.value.is_finite(), "{r:?}");
                prop_assert!(r.se.is_none_or(f64::is_finite), "{r:?}");
            }
            let _ = tau_u(&s, &TauUOptions::default().level(level).standard_error(TauUStandardError::KendallApproximate));
            let _ = tau_bc(&s, &TauBcOptions::default().level(level));
            let _ = smd(&s, &SmdOptions::default().level(level));
            let _ = lrr_increasing(&s, &LrrOptions::default().level(level));
            let _ = log_odds_ratio_proportions(&s, &LorOptions::default().level(level));
            let _ = log_ratio_of_medians(&s, &LrmOptions::default().level(level));
            let _ = pogo(&s, goal, &PogoOptions::default().level(level));
            let _ = (pnd(&s, &OverlapOptions::default()), pand(&s, &OverlapOptions::default()), ird(&s, &OverlapOptions::default()), pem(&s, &OverlapOptions::default()));
        }
    }
}

/// Options the 60-series file does not cover, from SingleCaseES 0.7.4's own `calc_*` functions
/// (gen_singlecasees_extra.R): LRRd / LRRi for every measurement type, both directions, with and
/// without bias correction; LOR for proportions and percentages; LRM on odd perfect-square
/// phase lengths; NAP's Hanley and null SEs; the pooled SMD; PND, PEM, PAND, IRD.
#[test]
fn singlecasees_options_match() {
    let rows: Vec<Value> = reference("singlecasees_extra.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let data: Vec<(Vec<f64>, Vec<f64>)> = rows
        .iter()
        .filter(|r| r["fn"] == "series")
        .map(|r| (numbers(&r["A"]), numbers(&r["B"])))
        .collect();
    let mut checked = 0;
    for r in rows.iter().filter(|r| r["fn"] != "series") {
        let (a, b) = &data[r["case"].as_u64().unwrap() as usize - 1];
        let direction = direction_of(r["improvement"].as_str().unwrap());
        let divide = r["divide"].as_f64().unwrap_or(1.0);
        let a: Vec<f64> = a.iter().map(|v| v / divide).collect();
        let b: Vec<f64> = b.iter().map(|v| v / divide).collect();
        let s = series(&a, &b, direction, 100.0 / divide);
        let bias = if r["bias_correct"].as_bool() == Some(false) {
            LrrBias::Uncorrected
        } else {
            LrrBias::Corrected
        };
        let intervals = r["intervals"].as_f64();
        let measurement = match r["scale"].as_str() {
            Some("count") => MeasurementType::Count,
            Some("rate") => MeasurementType::Rate {
                observation_length: r["observation_length"].as_f64().unwrap(),
            },
            Some("percentage") => MeasurementType::Percentage { intervals },
            Some("proportion") => MeasurementType::Proportion { intervals },
            _ => MeasurementType::Other,
        };
        let what = r.to_string();
        let fun = r["fn"].as_str().unwrap();
        let e = match fun {
            "LRRd" => lrr_decreasing(
                &s,
                &LrrOptions::default().measurement(measurement).bias(bias),
            ),
            "LRRi" => lrr_increasing(
                &s,
                &LrrOptions::default().measurement(measurement).bias(bias),
            ),
            "LOR" => log_odds_ratio_proportions(
                &s,
                &LorOptions::default().measurement(measurement).bias(bias),
            ),
            "LRM" => {
                let se = if r["delta_method"].as_bool() == Some(true) {
                    LrmStandardError::Delta
                } else {
                    LrmStandardError::LogScale
                };
                log_ratio_of_medians(&s, &LrmOptions::default().standard_error(se))
            }
            "NAP" => {
                let se = if r["SE"] == "Hanley" {
                    NapStandardError::Hanley
                } else {
                    NapStandardError::Null
                };
                nap(&s, &NapOptions::default().standard_error(se))
            }
            "SMD" => smd(
                &s,
                &SmdOptions::default().standardizer(SmdStandardizer::Pooled),
            ),
            "PND" => pnd(&s, &OverlapOptions::default()),
            "PEM" => pem(&s, &OverlapOptions::default()),
            "PAND" => pand(&s, &OverlapOptions::default()),
            "IRD" => ird(&s, &OverlapOptions::default()),
            other => panic!("unknown {other}"),
        }
        .unwrap_or_else(|err| panic!("{what}: {err}"));
        close(e.value, r["est"].as_f64().unwrap(), SINGLE_CASE_PEER, &what);
        if let Some(s) = r["se"].as_f64() {
            close(se(&e), s, SINGLE_CASE_PEER, &what);
            let (lo, hi) = (r["lo"].as_f64().unwrap(), r["hi"].as_f64().unwrap());
            if fun == "NAP" {
                if e.value > 0.0 && e.value < 1.0 {
                    close_abs(ci(&e).lower, lo, SINGLE_CASE_PEER_UNIROOT, &what);
                    close_abs(ci(&e).upper, hi, SINGLE_CASE_PEER_UNIROOT, &what);
                }
            } else {
                close(ci(&e).lower, lo, SINGLE_CASE_PEER, &what);
                close(ci(&e).upper, hi, SINGLE_CASE_PEER, &what);
            }
        }
        checked += 1;
    }
    assert!(checked > 400, "{checked} rows checked");
}

/// The single-case options serialise like the other options structs, so a report can record
/// which options produced an index.
#[test]
fn options_serialise() {
    let nap = serde_json::to_value(
        NapOptions::default()
            .level(0.9)
            .standard_error(NapStandardError::Hanley),
    )
    .unwrap();
    assert_eq!(nap["level"], 0.9);
    assert_eq!(nap["standard_error"], "hanley");
    assert_eq!(nap["phases"]["baseline"], "A");
    assert_eq!(nap["phases"]["treatment"], "B");
    for v in [
        serde_json::to_value(OverlapOptions::default()).unwrap(),
        serde_json::to_value(TauUOptions::default()).unwrap(),
        serde_json::to_value(TauBcOptions::default()).unwrap(),
        serde_json::to_value(SmdOptions::default()).unwrap(),
        serde_json::to_value(LrrOptions::default()).unwrap(),
        serde_json::to_value(LorOptions::default()).unwrap(),
        serde_json::to_value(LrmOptions::default()).unwrap(),
        serde_json::to_value(PogoOptions::default()).unwrap(),
    ] {
        assert_eq!(v["phases"]["baseline"], "A", "{v}");
    }
}

#[test]
fn constant_phases_give_zero_width_intervals_as_documented() {
    // A = 5 5 5 5, B = 2 2 2 2 on 0-10: no variability in either phase, so the plug-in SE of
    // the log ratio of medians and of PoGO (goal 0) is 0 and the interval collapses onto the
    // estimate; the functions' docs say to read such an interval as undefined.
    let s = Series::from_phases(
        Scale::nrs11(),
        &[("A", &[5.0, 5.0, 5.0, 5.0]), ("B", &[2.0, 2.0, 2.0, 2.0])],
    )
    .unwrap();
    let lrm = log_ratio_of_medians(&s, &LrmOptions::default()).unwrap();
    assert!((lrm.value.abs() - (5.0f64 / 2.0).ln()).abs() < 1e-12);
    assert_eq!(lrm.se, Some(0.0));
    let ci = lrm.ci.unwrap();
    assert_eq!(ci.lower, ci.upper);
    // PoGO with goal 0: (5 - 2) / (5 - 0) = 60% of the way to the goal.
    let pogo = pogo(&s, 0.0, &PogoOptions::default()).unwrap();
    assert!((pogo.value - 60.0).abs() < 1e-12);
    assert_eq!(pogo.se, Some(0.0));
}
