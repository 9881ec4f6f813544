//! The `analyze_csv` example: reports on the shipped sample files checked against numbers
//! computed by hand, exit codes 0 / 1 / 2, and line-numbered messages for malformed files.

#[allow(dead_code)]
#[path = "../examples/analyze_csv.rs"]
mod analyze_csv_cli;

use analyze_csv_cli::{EXIT_DATA, EXIT_USAGE, USAGE_LINE, run};

/// Runs the command line; returns (exit status, stdout, stderr).
fn cli(args: &[&str]) -> (i32, String, String) {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let mut out = String::new();
    let mut err = String::new();
    let code = run(&args, &mut out, &mut err);
    (code, out, err)
}

fn sample(name: &str) -> String {
    format!("{}/examples/data/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// A CSV file in the temporary directory, removed when dropped.
struct TempCsv(std::path::PathBuf);

impl TempCsv {
    fn new(name: &str, text: &str) -> TempCsv {
        let path = std::env::temp_dir().join(format!(
            "outcome_stats_analyze_csv_{}_{name}.csv",
            std::process::id()
        ));
        std::fs::write(&path, text).expect("the temporary directory is writable");
        TempCsv(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().expect("a UTF-8 temporary path")
    }
}

impl Drop for TempCsv {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Runs of whitespace (including the report's line wraps) as one space.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Asserts that `out` contains `want` as written, or across a line wrap of the report's
/// prose; shows the report when it does not.
#[track_caller]
fn has(out: &str, want: &str) {
    assert!(
        out.contains(want) || squash(out).contains(&squash(want)),
        "missing {want:?} in:\n{out}"
    );
}

/// Runs a malformed file; checks exit 1, no report, and a one-line message containing `want`.
#[track_caller]
fn data_error(name: &str, text: &str, want: &str) {
    let file = TempCsv::new(name, text);
    let (code, out, err) = cli(&[file.path()]);
    assert_eq!(code, EXIT_DATA, "stderr: {err}");
    assert!(out.is_empty(), "no report on a data error, got:\n{out}");
    assert_eq!(err.lines().count(), 1, "one line on stderr, got:\n{err}");
    has(&err, want);
}

/// Runs bad flags; checks exit 2, the message and the usage line.
#[track_caller]
fn usage_error(args: &[&str], want: &str) {
    let (code, out, err) = cli(args);
    assert_eq!(code, EXIT_USAGE, "stderr: {err}");
    assert!(out.is_empty());
    has(&err, want);
    has(&err, USAGE_LINE);
}

// ---------------------------------------------------------------------------------------------
// The sample files, by hand
// ---------------------------------------------------------------------------------------------

#[test]
fn ketamine_sample_report() {
    let (code, out, err) = cli(&[&sample("ketamine_illustrative.csv")]);
    assert_eq!(code, 0, "stderr: {err}");
    assert!(err.is_empty());
    // 12 comment / header lines: the header is line 12, data on lines 13 to 27, days 1 to 15.
    has(&out, "15 observations (lines 13 to 27), day 1 to 15.");
    // A = 10 9 10 10 9: mean 48 / 5 = 9.6; squares about the mean .16 .36 .16 .16 .36 = 1.2,
    // variance 1.2 / 4 = 0.3, SD 0.548.
    has(&out, "A1            5     9.60     0.55       10        9");
    // B = 8 6 5 4 3 3 2 1 1 1: mean 34 / 10 = 3.4; squares 21.16 6.76 2.56 .36 .16 .16 1.96
    // 5.76 5.76 5.76 = 50.4, variance 5.6, SD 2.366.
    has(&out, "B1           10     3.40     2.37        8        1");
    has(
        &out,
        "Recognised: AB design: A1 (5 points), B1 (10 points).",
    );
    has(&out, "Verdict: AB design does not meet the WWC standards.");
    // Means 9.6 -> 3.4: improvement 6.2; last values 9 -> 1: 8.
    has(&out, "means        9.60 -> 3.40: improvement 6.20 points");
    has(&out, "last values  9 -> 1: improvement 8 points");
    // Welch: SE^2 = 0.3 / 5 + 5.6 / 10 = 0.62; df = 0.62^2 / (0.06^2 / 4 + 0.56^2 / 9) = 10.754;
    // t(0.975, 10.754) = 2.2071 (scipy); 6.2 -/+ 2.2071 sqrt(0.62) = 4.462 to 7.938.
    has(
        &out,
        "Welch 95% interval for the improvement in means: 4.46 to 7.94 (df 10.8)",
    );
    has(
        &out,
        "caveat: the Welch interval treats sessions as independent",
    );
    // Pre/post, the published values: first baseline 10 (line 13), last treatment 1 (line 27):
    // improvement 9, 90%, substantial; RCI = 9 / (sqrt(2) 2.5 sqrt(0.1)) = 8.05, threshold
    // 1.96 sqrt(2) 2.5 sqrt(0.1) = 2.19.
    has(
        &out,
        "Pre/post: the first baseline value (line 13) to the last treatment value (line 27):",
    );
    has(&out, "10 -> 1: improvement 9 points");
    has(&out, "percent pain reduction: 90%");
    has(
        &out,
        "IMMPACT category: substantially important improvement (Dworkin et al. 2008)",
    );
    has(&out, "Farrar threshold of 2 points: met");
    has(&out, "reliable change index: 8.05 -> reliable improvement");
    has(&out, "at least 2.19 points");
    // Every B is below every A: NAP = 50 / 50 = 1; Newcombe method 5 lower end for m = 5,
    // n = 10 at NAP = 1 is the root of 50 (1 - x)(2 - x)(1 + x) = z^2 x (8.5 + 14 x (1 - x)),
    // 0.7165 (scipy brentq); Tau = 2 NAP - 1 = 1 with lower end 2 (0.7165) - 1 = 0.433.
    has(&out, "NAP     1.000 (95% CI 0.717 to 1.000)");
    has(&out, "In 100% of the 50 (baseline, treatment) pairs");
    has(&out, "Tau     1.000 (95% CI 0.433 to 1.000)");
    // Tau-U: S_AB = 50 improving pairs; the baseline 10 9 10 10 9 has Mann-Kendall S = -2 on
    // the raw values, +2 once oriented (falling pain improves), so (50 - 2) / 50 = 0.96.
    has(&out, "Tau-U   0.960");
    // SMD: J = 1 - 3 / (4 * 4 - 1) = 0.8; d = 0.8 * 6.2 / sqrt(0.3) = 9.056;
    // SE = 0.8 sqrt(1/5 + 5.6 / (10 * 0.3) + d^2 / 8) = 2.808; 9.056 -/+ 1.96 * 2.808.
    has(&out, "SMD     9.06 (95% CI 3.55 to 14.56)");
    // LRRd = ln 3.4 + 5.6 / (2 * 10 * 3.4^2) - ln 9.6 - 0.3 / (2 * 5 * 9.6^2) = -1.0141;
    // SE = sqrt(0.3 / (5 * 9.6^2) + 5.6 / (10 * 3.4^2)) = 0.2216; exp(-1.0141) = 36.3%.
    has(&out, "LRRd    -1.014 (95% CI -1.448 to -0.580)");
    has(
        &out,
        "treatment mean is 36% of the baseline mean (bias-corrected), a change of -64%",
    );
    has(&out, "(95% CI -77% to -44%)");
    // Every B is below the lowest A (9): PND 10 / 10.
    has(&out, "PND     100% (no interval)");
    has(&out, "What this analysis cannot tell");
}

#[test]
fn ketamine_sample_labels_published_and_illustrative_values() {
    let text = std::fs::read_to_string(sample("ketamine_illustrative.csv")).unwrap();
    assert!(text.contains("# PUBLISHED: pain 10 at baseline"));
    assert!(text.contains("# ILLUSTRATIVE (NOT published)"));
    // The same series as examples/ketamine_case.rs: baseline and per-session ratings.
    let values: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(|l| l.rsplit(',').next().unwrap())
        .collect();
    assert_eq!(
        values,
        [
            "10", "9", "10", "10", "9", "8", "6", "5", "4", "3", "3", "2", "1", "1", "1"
        ]
    );
}

#[test]
fn abab_sample_report() {
    let path = sample("abab_example.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("# MADE-UP data"));
    let (code, out, err) = cli(&[&path]);
    assert_eq!(code, 0, "stderr: {err}");
    // A1 7 8 7 8 7: mean 37 / 5 = 7.4, squares .16 .36 .16 .36 .16 = 1.2, SD sqrt(0.3) = 0.55.
    has(&out, "A1            5     7.40     0.55        7        7");
    // B1 6 4 3 3 2: mean 3.6, squares 5.76 .16 .36 .36 2.56 = 9.2, SD sqrt(2.3) = 1.52.
    has(&out, "B1            5     3.60     1.52        6        2");
    // A2 6 7 7 8 7: mean 7.0, SD sqrt(2 / 4) = 0.71.
    has(&out, "A2            5     7.00     0.71        6        7");
    // B2 3 2 2 1 1: mean 1.8, squares 1.44 .04 .04 .64 .64 = 2.8, SD sqrt(0.7) = 0.84.
    has(&out, "B2            5     1.80     0.84        3        1");
    // Pooled A: 72 / 10 = 7.2, SD sqrt(3.6 / 9) = 0.63; pooled B: 27 / 10 = 2.7,
    // SD sqrt(20.1 / 9) = 1.49.
    has(&out, "all A        10     7.20     0.63        7        7");
    has(&out, "all B        10     2.70     1.49        6        1");
    // Four phases of five points: meets the WWC standards.
    has(
        &out,
        "Recognised: withdrawal design: A1 (5 points), B1 (5 points), A2 (5 points), B2 (5 points).",
    );
    has(
        &out,
        "Verdict: withdrawal (reversal) design meets the WWC standards.",
    );
    // A1 -> B2: means 7.4 -> 1.8 (5.6), last values 7 -> 1 (6).
    has(&out, "Baseline phase A1 to the last treatment phase B2");
    has(&out, "means        7.40 -> 1.80: improvement 5.60 points");
    has(&out, "last values  7 -> 1: improvement 6 points");
    // Welch A1 vs B2: SE^2 = 0.3 / 5 + 0.7 / 5 = 0.2, df = 0.04 / ((0.06^2 + 0.14^2) / 4)
    // = 6.897, t(0.975, 6.897) = 2.3718: 5.6 -/+ 2.3718 sqrt(0.2) = 4.54 to 6.66.
    has(
        &out,
        "Welch 95% interval for the improvement in means: 4.54 to 6.66 (df 6.9)",
    );
    // Pre/post 7 (line 7) -> 1 (line 26): 6 / 7 = 85.7%; RCI 6 / 1.118 = 5.37.
    has(
        &out,
        "Pre/post: the first baseline value (line 7) to the last treatment value (line 26):",
    );
    has(&out, "7 -> 1: improvement 6 points");
    has(&out, "percent pain reduction: 86%");
    has(&out, "reliable change index: 5.37 -> reliable improvement");
    // NAP: the one B of 6 ties the one A of 6 and beats the other nine A values: 9.5 of 10;
    // the other nine B values beat all ten A values: 90. (90 + 9.5) / 100 = 0.995.
    // Newcombe method 5, m = n = 10: 0.7916 to 0.99989 (scipy brentq).
    has(&out, "NAP     0.995 (95% CI 0.792 to 1.000)");
    has(&out, "In 99.5% of the 100 (baseline, treatment) pairs");
    // Tau = 2 (0.995) - 1 = 0.99, lower end 2 (0.7916) - 1 = 0.583.
    has(&out, "Tau     0.990 (95% CI 0.583 to 1.000)");
    // Tau-U: S_AB = 99 improving pairs, 1 tie; pooled A 7 8 7 8 7 6 7 7 8 7 has raw
    // Mann-Kendall S = -3, oriented +3: (99 - 3) / 100 = 0.96.
    has(&out, "Tau-U   0.960");
    // SMD: J = 1 - 3 / 35; d = J (7.2 - 2.7) / sqrt(0.4) = 6.505;
    // SE = J sqrt(1/10 + 2.2333 / (10 * 0.4) + d^2 / 18) = 1.586: 3.40 to 9.61.
    has(&out, "SMD     6.51 (95% CI 3.40 to 9.61)");
    // LRRd = ln 2.7 + 2.2333 / (20 * 2.7^2) - ln 7.2 - 0.4 / (20 * 7.2^2) = -0.9659;
    // SE = sqrt(0.4 / (10 * 7.2^2) + 2.2333 / (10 * 2.7^2)) = 0.1772.
    has(&out, "LRRd    -0.966 (95% CI -1.313 to -0.619)");
    has(
        &out,
        "treatment mean is 38% of the baseline mean (bias-corrected), a change of -62%",
    );
    // PND: best (lowest) baseline value 6; 9 of the 10 B values are below it.
    has(&out, "PND     90% (no interval)");
    has(&out, "Repeated phases are pooled by label");
}

#[test]
fn level_flag_changes_every_interval() {
    let (code, out, _) = cli(&[&sample("abab_example.csv"), "--level", "0.9"]);
    assert_eq!(code, 0);
    has(&out, "intervals at 90%.");
    // t(0.95, 6.897) = 1.8992: 5.6 -/+ 1.8992 sqrt(0.2) = 4.75 to 6.45.
    has(
        &out,
        "Welch 90% interval for the improvement in means: 4.75 to 6.45",
    );
    has(&out, "NAP     0.995 (90% CI");
    has(&out, "SMD     6.51 (90% CI");
    assert!(!out.contains("95% CI"));
}

#[test]
fn vas100_defaults_scale_the_sd() {
    // The ketamine series times ten on the 0-100 mm VAS: SD 25 by default, so the RCI is the
    // NRS one, 90 / (sqrt(2) 25 sqrt(0.1)) = 8.05.
    let text = "phase,value\nA,100\nA,90\nA,100\nB,60\nB,20\nB,10\n";
    let file = TempCsv::new("vas", text);
    let (code, out, err) = cli(&[file.path(), "--scale", "vas100"]);
    assert_eq!(code, 0, "{err}");
    has(&out, "0-100 mm visual analogue scale for pain (vas100)");
    has(&out, "100 -> 10: improvement 90 points");
    has(&out, "reliable change index: 8.05 -> reliable improvement");
    has(&out, "(reliability 0.9, SD 25;");
    // On the NRS the same file is out of scale: line 2 holds 100.
    let (code, _, err) = cli(&[file.path()]);
    assert_eq!(code, EXIT_DATA);
    has(&err, "line 2: the value 100 lies outside the scale [0, 10]");
}

#[test]
fn custom_scale_other_labels_and_uncomputable_indices() {
    // Columns in another order, names in other cases, an ignored column, quotes, CRLF line
    // ends, a byte-order mark, comments and blank lines.
    let text = "\u{feff}# a mood diary\r\n\r\nValue,\"Phase\",Notes,Session\r\n3,base,x,1\r\n\
                3,base,y,2\r\n  # skipped\r\n3,base,,3\r\n5,drug,z,4\r\n6,drug,,5\r\n7,C,,6\r\n";
    let file = TempCsv::new("custom", text);
    let (code, out, err) = cli(&[
        file.path(),
        "--min",
        "1",
        "--max",
        "7",
        "--direction=higher",
        "--baseline",
        "base",
        "--treatment",
        "drug",
    ]);
    assert_eq!(code, 0, "{err}");
    has(&out, "Scale: scale from 1 to 7, higher is better.");
    has(&out, "6 observations (lines 4 to 10), Session 1 to 6.");
    has(&out, "Columns not used: Notes.");
    has(&out, "base1         3     3.00     0.00        3        3");
    has(&out, "C1            1     7.00        -        7        7");
    // A third label: no design verdict.
    has(&out, "Phases in order: base1 drug1 C1.");
    assert!(!out.contains("Verdict:"));
    // Pre/post 3 -> 6, higher is better: 3 of the 4 points to the best end 7, 75%.
    has(&out, "3 -> 6: improvement 3");
    has(
        &out,
        "percent of the way from the first value to the best end of the scale: 75%",
    );
    has(&out, "IMMPACT category: not given");
    has(
        &out,
        "reliable change index: skipped: a custom scale has no default reliability or SD; give",
    );
    // Constant baseline: the SMD divides by a zero SD; the library's reason is printed.
    has(
        &out,
        "SMD     cannot be computed: phase \"base\", whose SD standardises the SMD has zero",
    );
    // The other indices still run: both drug values beat all three base values.
    has(&out, "NAP     1.000");
    has(&out, "PND     100%");
    // LRRi (no truncation for MeasurementType::Other): ln 5.5 + 0.5 / (2 * 2 * 5.5^2)
    // - (ln 3 + 0 / (2 * 3 * 3^2)) = 1.70475 + 0.00413 - 1.09861 = 0.610.
    has(&out, "LRRi    0.610");
    has(&out, "this scale does not start at 0");
    // The RCI is computed once both flags are given: 3 / (sqrt(2) 1.2 sqrt(0.2)) = 3.95.
    let (code, out, _) = cli(&[
        file.path(),
        "--min",
        "1",
        "--max",
        "7",
        "--direction",
        "higher",
        "--baseline",
        "base",
        "--treatment",
        "drug",
        "--reliability",
        "0.8",
        "--sd",
        "1.2",
    ]);
    assert_eq!(code, 0);
    has(&out, "reliable change index: 3.95 -> reliable improvement");
}

#[test]
fn own_labels_are_renamed_for_the_design_check() {
    let text = "phase,value\npre,8\npre,8\npre,7\ndrug,3\ndrug,2\ndrug,2\npre,7\npre,8\npre,8\n";
    let file = TempCsv::new("labels", text);
    let (code, out, err) = cli(&[file.path(), "--baseline", "pre", "--treatment", "drug"]);
    assert_eq!(code, 0, "{err}");
    has(&out, "(Phase names below: A for \"pre\", B for \"drug\".)");
    // Three phases of three points: a withdrawal design with two attempts, does not meet.
    has(
        &out,
        "Recognised: withdrawal design: A1 (3 points), B1 (3 points), A2 (3 points).",
    );
    has(
        &out,
        "Verdict: withdrawal (reversal) design does not meet the WWC standards.",
    );
    // The change runs from pre1 to the last drug phase, drug1: 23 / 3 -> 7 / 3.
    has(
        &out,
        "Baseline phase pre1 to the last treatment phase drug1",
    );
    has(&out, "means        7.67 -> 2.33: improvement 5.33 points");
}

#[test]
fn treatment_first_is_no_design_and_no_change() {
    let file = TempCsv::new("bfirst", "phase,value\nB,5\nB,6\nA,3\nA,4\n");
    let (code, out, _) = cli(&[file.path()]);
    assert_eq!(code, 0);
    has(
        &out,
        "Phases in order: B1 A1. The series starts with the treatment phase",
    );
    has(
        &out,
        "Phase change: cannot be computed: phase labels do not fit: the series has no treatment \
         phase labelled \"B\" after baseline phase A1",
    );
    // Two baseline points: the corrected SMD needs three.
    has(
        &out,
        "SMD     cannot be computed: phase \"A\" for the small-sample corrected SMD",
    );
}

// ---------------------------------------------------------------------------------------------
// Exit codes and messages
// ---------------------------------------------------------------------------------------------

#[test]
fn help_exits_zero() {
    let (code, out, err) = cli(&["--help"]);
    assert_eq!(code, 0);
    assert!(err.is_empty());
    has(&out, "analyze_csv DATA.csv [options]");
    has(&out, "--reliability R");
}

#[test]
fn usage_errors_exit_two_with_a_usage_line() {
    usage_error(&[], "no data file given");
    usage_error(&["a.csv", "b.csv"], "one data file only");
    usage_error(&["a.csv", "--bogus"], "unknown option \"--bogus\"");
    usage_error(&["a.csv", "--sd"], "--sd needs a value");
    usage_error(
        &["a.csv", "--scale", "likert"],
        "--scale must be nrs11 or vas100",
    );
    usage_error(
        &["a.csv", "--level", "1.5"],
        "--level must lie strictly between 0 and 1",
    );
    usage_error(
        &["a.csv", "--level", "abc"],
        "--level needs a finite number",
    );
    usage_error(&["a.csv", "--sd", "NaN"], "--sd needs a finite number");
    usage_error(
        &["a.csv", "--min", "0", "--max", "5"],
        "needs all of --min, --max",
    );
    usage_error(
        &["a.csv", "--scale", "nrs11", "--min", "0"],
        "either --scale or --min/--max/--direction",
    );
    usage_error(
        &["a.csv", "--min", "0", "--max", "5", "--direction", "up"],
        "--direction must be lower or higher",
    );
    // The library's own messages: an empty scale and a reliability of 1.
    usage_error(
        &["a.csv", "--min", "5", "--max", "5", "--direction", "lower"],
        "a scale needs min < max",
    );
    usage_error(
        &["a.csv", "--reliability", "1"],
        "reliability must be a test-retest reliability strictly between 0 and 1, got 1",
    );
    usage_error(&["a.csv", "--sd", "-2"], "reference_sd must be a positive");
    usage_error(
        &["a.csv", "--baseline", "X", "--treatment", "X"],
        "must differ",
    );
    usage_error(
        &["a.csv", "--level", "0.9", "--level=0.8"],
        "--level is given twice",
    );
}

#[test]
fn unreadable_file_exits_one() {
    let (code, out, err) = cli(&["/nonexistent/outcome_stats/none.csv"]);
    assert_eq!(code, EXIT_DATA);
    assert!(out.is_empty());
    has(&err, "cannot read /nonexistent/outcome_stats/none.csv");
}

#[test]
fn malformed_rows_name_their_line() {
    data_error(
        "nonnumeric",
        "# note\nphase,value\nA,5\nA,five\nB,3\n",
        "line 4: the value \"five\" is not a number",
    );
    data_error(
        "outofscale",
        "phase,value\nA,5\n\nA,12\nB,3\n",
        "line 4: the value 12 lies outside the scale [0, 10]",
    );
    data_error(
        "negative",
        "phase,value\nA,5\nB,-1\n",
        "line 3: the value -1 lies outside the scale [0, 10]",
    );
    // NaN and inf parse as numbers; the library rejects them by index, reported by line.
    data_error(
        "nan",
        "phase,value\nA,5\nA,NaN\nB,3\n",
        "line 3: the value must be a finite number, got NaN",
    );
    data_error(
        "inf",
        "phase,value,day\nA,5,1\nA,6,inf\nB,3,4\n",
        "line 3: the day must be a finite number, got inf",
    );
    data_error(
        "missingvalue",
        "phase,value\nA,5\nA,\nB,3\n",
        "line 3: the value is missing",
    );
    data_error(
        "missingphase",
        "phase,value\nA,5\n ,4\nB,3\n",
        "line 3: the phase is missing",
    );
    data_error(
        "fields",
        "phase,value,day\nA,5,1\nA,6,2\nB,3\n",
        "line 4: 2 fields, but the header (line 1) names 3 columns (phase, value, day)",
    );
    data_error(
        "novalue",
        "# c\n\nphase,score\nA,5\n",
        "line 3: the header has no \"value\" column (found: phase, score)",
    );
    data_error(
        "nophase",
        "value\n5\n",
        "line 1: the header has no \"phase\" column (found: value)",
    );
    data_error(
        "twotimes",
        "phase,value,time,day\nA,5,1,1\n",
        "line 1: the header has more than one time column (time, day)",
    );
    data_error(
        "duplicate",
        "phase,value,Value\nA,5,5\n",
        "line 1: the header names column \"Value\" twice",
    );
    data_error(
        "order",
        "phase,value,day\nA,5,1\nA,6,3\nB,3,3\n",
        "line 4: the day 3 does not come after 3 on line 3",
    );
    data_error(
        "missingtime",
        "phase,value,session\nA,5,1\nA,6,\nB,3,3\n",
        "line 3: the session is missing",
    );
    data_error(
        "badtime",
        "phase,value,time\nA,5,1\nA,6,2h\nB,3,3\n",
        "line 3: the time \"2h\" is not a number",
    );
    data_error("empty", "# nothing\n\n", "the file has no header row");
    data_error(
        "norows",
        "phase,value\n",
        "has a header (line 1) but no data rows",
    );
    data_error(
        "nob",
        "phase,value\nA,5\nA,6\nC,3\n",
        "the series has no phase labelled \"B\" (labels present: [\"A\", \"C\"])",
    );
}

// ---------------------------------------------------------------------------------------------
// No panic on arbitrary files
// ---------------------------------------------------------------------------------------------

use proptest::prelude::*;

/// A field: a phase label, a number (any f64, including NaN and infinities), or junk.
fn field() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec!["A", "B", "C", "", " ", "#", "\"A\""]).prop_map(String::from),
        any::<f64>().prop_map(|x| x.to_string()),
        (0.0..10.0f64).prop_map(|x| format!("{x:.1}")),
        "[a-z0-9.,-]{0,4}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any file of (mostly) three-field rows gives a report or a one-line data error, never a
    /// panic, on a pain scale and on a custom scale.
    #[test]
    fn arbitrary_files_never_panic(
        header in prop::sample::select(vec!["phase,value,day", "value,phase,time", "phase,value"]),
        rows in prop::collection::vec(prop::collection::vec(field(), 2..=3), 0..25),
        custom in any::<bool>(),
    ) {
        let mut text = format!("{header}\n");
        for row in &rows {
            text.push_str(&row.join(","));
            text.push('\n');
        }
        let file = TempCsv::new(&format!("arbitrary_{}", rows.len()), &text);
        let mut args = vec![file.path()];
        if custom {
            args.extend(["--min", "-5", "--max", "5", "--direction", "higher"]);
        }
        let (code, out, err) = cli(&args);
        prop_assert!(code == 0 || code == EXIT_DATA, "code {code}: {err}");
        if code == 0 {
            prop_assert!(out.contains("4. Single-case effect sizes"));
        } else {
            prop_assert!(out.is_empty());
            prop_assert_eq!(err.lines().count(), 1);
        }
    }

    /// Well-formed files with any phase pattern (short phases, constant phases, a third label,
    /// treatment first) always report, every index computed or explained; a missing A or B
    /// phase is a data error.
    #[test]
    fn well_formed_files_always_report(
        rows in prop::collection::vec(
            (prop::sample::select(vec!["A", "B", "C"]), 0u8..=10, 0u8..=9),
            1..30,
        ),
        level in 0.5..0.999f64,
    ) {
        let mut text = String::from("phase,value\n");
        for (phase, units, tenths) in &rows {
            let value = if *units == 10 { "10".to_string() } else { format!("{units}.{tenths}") };
            text.push_str(&format!("{phase},{value}\n"));
        }
        let file = TempCsv::new(&format!("wellformed_{}", rows.len()), &text);
        let level = format!("{level}");
        let (code, out, err) = cli(&[file.path(), "--level", &level]);
        let has_a = rows.iter().any(|r| r.0 == "A");
        let has_b = rows.iter().any(|r| r.0 == "B");
        if has_a && has_b {
            prop_assert_eq!(code, 0, "{}", err);
            for index in ["NAP ", "Tau ", "Tau-U ", "SMD ", "LRR", "PND "] {
                prop_assert!(out.contains(index), "no {} line in:\n{}", index, out);
            }
        } else {
            prop_assert_eq!(code, EXIT_DATA);
            prop_assert!(err.contains("the series has no phase labelled"));
        }
    }
}
