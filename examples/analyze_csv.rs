//! Analyse one patient's series from a CSV file, without writing Rust.
//!
//! ```text
//! cargo run --release --example analyze_csv -- examples/data/ketamine_illustrative.csv
//! cargo run --release --example analyze_csv -- examples/data/abab_example.csv --level 0.9
//! cargo run --release --example analyze_csv -- mood.csv --min 1 --max 7 --direction higher \
//!     --reliability 0.8 --sd 1.2
//! ```
//!
//! The file has a header row naming the columns `phase` and `value` (required) and, optionally,
//! one time column `time`, `day` or `session`, in any order; other columns are ignored. Fields
//! are separated by commas; blank lines and lines starting with `#` are skipped. One row is one
//! observation, in time order. Consecutive rows with the same phase label form one phase, so
//! `A A B B A A B B` reads as A1 B1 A2 B2.
//!
//! The report covers the data, the design (AB, withdrawal, or other phases) with its verdict
//! under the WWC single-case design standards, the change (phase means, a Welch interval,
//! pre/post with IMMPACT category and reliable change) and the single-case effect sizes (NAP,
//! Tau, Tau-U, SMD, LRR, PND). An index that cannot be computed for these data shows the
//! library's reason instead.
//!
//! Exit status: 0 on success, 2 for bad flags or values (with a usage line on stderr), 1 for a
//! file that cannot be read or data that do not fit (one line on stderr, naming the CSV line).

use std::fmt::Write;

use outcome_stats::change::{
    ImmpactCategory, PhaseChange, PhaseChangeOptions, PrePost, RCI_CRITICAL, ReliableChange,
    WelchInterval,
};
use outcome_stats::design::{AbDesign, WithdrawalDesign};
use outcome_stats::effect::{
    Estimate, LrrOptions, MeasurementType, NapOptions, OverlapOptions, SmdOptions, TauUOptions,
    lrr_decreasing, lrr_increasing, nap, percent_change, pnd, smd, tau, tau_u,
};
use outcome_stats::{Direction, Error, Scale, Series};

/// One-line usage, printed on stderr after a usage error.
pub const USAGE_LINE: &str = "usage: analyze_csv DATA.csv [--scale nrs11|vas100 | --min X --max Y \
--direction lower|higher] [--baseline A] [--treatment B] [--reliability R] [--sd S] \
[--level 0.95] [--help]";

/// Help text printed by `--help`.
pub const HELP: &str = "\
analyze_csv: analyse one patient's (one case's) series from a CSV file

USAGE:
    analyze_csv DATA.csv [options]

THE FILE:
    A header row, then one row per observation in time order. Columns (any order, names not
    case-sensitive): phase (required), value (required), and optionally one of time, day or
    session (must increase). Other columns are ignored. Comma-separated; blank lines and lines
    starting with # are skipped. Consecutive rows with one phase label form one phase:
    A A B B A A B B reads as A1 B1 A2 B2 (a withdrawal design).

OPTIONS:
    --scale nrs11|vas100     0-10 numeric rating or 0-100 mm visual analogue pain scale,
                             lower is better (default nrs11)
    --min X --max Y          any other bounded scale from X to Y, with
    --direction lower|higher which end is better (all three together, instead of --scale)
    --baseline A             the baseline phase label (default A)
    --treatment B            the treatment phase label (default B)
    --reliability R          test-retest reliability for the reliable change index
                             (default 0.9 on nrs11 and vas100; required on other scales)
    --sd S                   reference SD of the outcome for the reliable change index
                             (default 2.5 on nrs11, 25 on vas100; required on other scales)
    --level L                confidence level of the intervals (default 0.95)
    --help                   print this help

EXIT STATUS:
    0 success, 2 bad flags or values, 1 unreadable file or data that do not fit
";

/// Exit status for a usage error (bad flags or flag values).
pub const EXIT_USAGE: i32 = 2;
/// Exit status for a data error (unreadable file, malformed rows, values off the scale).
pub const EXIT_DATA: i32 = 1;

/// Which scale the flags chose.
#[derive(Debug, Clone, Copy, PartialEq)]
enum ScaleChoice {
    Nrs11,
    Vas100,
    Custom(Scale),
}

impl ScaleChoice {
    fn scale(self) -> Scale {
        match self {
            ScaleChoice::Nrs11 => Scale::nrs11(),
            ScaleChoice::Vas100 => Scale::vas100(),
            ScaleChoice::Custom(s) => s,
        }
    }

    /// Whether IMMPACT and Farrar's thresholds (pain research) apply.
    fn is_pain(self) -> bool {
        !matches!(self, ScaleChoice::Custom(_))
    }

    fn describe(self) -> String {
        match self {
            ScaleChoice::Nrs11 => "0-10 numeric rating scale for pain (nrs11)".to_string(),
            ScaleChoice::Vas100 => "0-100 mm visual analogue scale for pain (vas100)".to_string(),
            ScaleChoice::Custom(s) => format!("scale from {} to {}", s.min(), s.max()),
        }
    }

    /// Default (reliability, SD) for the reliable change index, where the scale has them.
    fn rci_defaults(self) -> Option<(f64, f64)> {
        match self {
            ScaleChoice::Nrs11 => Some((0.9, 2.5)),
            ScaleChoice::Vas100 => Some((0.9, 25.0)),
            ScaleChoice::Custom(_) => None,
        }
    }
}

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq)]
struct Options {
    path: String,
    scale: ScaleChoice,
    baseline: String,
    treatment: String,
    /// Reliability and SD for the reliable change index, or why it is skipped.
    rci: Result<(f64, f64), String>,
    level: f64,
}

#[derive(Debug)]
enum Command {
    Help,
    Analyse(Box<Options>),
}

fn number(flag: &str, value: &str) -> Result<f64, String> {
    match value.trim().parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(x),
        _ => Err(format!("{flag} needs a finite number, got {value:?}")),
    }
}

/// Parses the arguments (without the program name).
fn parse(args: &[String]) -> Result<Command, String> {
    const FLAGS: [&str; 9] = [
        "--scale",
        "--min",
        "--max",
        "--direction",
        "--baseline",
        "--treatment",
        "--reliability",
        "--sd",
        "--level",
    ];
    let mut path: Option<String> = None;
    let mut given: Vec<(&'static str, String)> = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let raw = args[i].as_str();
        if raw == "--help" || raw == "-h" {
            return Ok(Command::Help);
        }
        if !raw.starts_with('-') || raw == "-" {
            if let Some(first) = &path {
                return Err(format!(
                    "one data file only, got {first:?} and {raw:?} (run one file at a time)"
                ));
            }
            path = Some(raw.to_string());
            i += 1;
            continue;
        }
        let (name, inline) = match raw.split_once('=') {
            Some((f, v)) => (f, Some(v.to_string())),
            None => (raw, None),
        };
        let Some(flag) = FLAGS.iter().copied().find(|f| *f == name) else {
            return Err(format!("unknown option {raw:?}"));
        };
        let value = match inline {
            Some(v) => v,
            None => {
                i += 1;
                args.get(i)
                    .cloned()
                    .ok_or_else(|| format!("{flag} needs a value"))?
            }
        };
        if given.iter().any(|(f, _)| *f == flag) {
            return Err(format!("{flag} is given twice"));
        }
        given.push((flag, value));
        i += 1;
    }
    let Some(path) = path else {
        return Err("no data file given".to_string());
    };
    let get = |flag: &str| {
        given
            .iter()
            .find(|(f, _)| *f == flag)
            .map(|(_, v)| v.as_str())
    };

    let bounds = (get("--min"), get("--max"), get("--direction"));
    let scale = match (get("--scale"), bounds) {
        (Some(_), (Some(_), _, _) | (_, Some(_), _) | (_, _, Some(_))) => {
            return Err("give either --scale or --min/--max/--direction, not both".to_string());
        }
        (Some("nrs11"), _) => ScaleChoice::Nrs11,
        (Some("vas100"), _) => ScaleChoice::Vas100,
        (Some(other), _) => {
            return Err(format!("--scale must be nrs11 or vas100, got {other:?}"));
        }
        (None, (None, None, None)) => ScaleChoice::Nrs11,
        (None, (Some(min), Some(max), Some(direction))) => {
            let direction = match direction {
                "lower" => Direction::LowerIsBetter,
                "higher" => Direction::HigherIsBetter,
                other => {
                    return Err(format!(
                        "--direction must be lower or higher (which end is better), got {other:?}"
                    ));
                }
            };
            let min = number("--min", min)?;
            let max = number("--max", max)?;
            ScaleChoice::Custom(Scale::new(min, max, direction).map_err(|e| e.to_string())?)
        }
        (None, _) => {
            return Err(
                "a custom scale needs all of --min, --max and --direction lower|higher".to_string(),
            );
        }
    };

    let baseline = get("--baseline").unwrap_or("A").trim().to_string();
    let treatment = get("--treatment").unwrap_or("B").trim().to_string();
    if baseline.is_empty() || treatment.is_empty() {
        return Err("--baseline and --treatment need a non-empty phase label".to_string());
    }
    if baseline == treatment {
        return Err(format!(
            "--baseline and --treatment must differ, both are {baseline:?}"
        ));
    }

    let level = match get("--level") {
        Some(v) => number("--level", v)?,
        None => 0.95,
    };
    if !(level > 0.0 && level < 1.0) {
        return Err(format!(
            "--level must lie strictly between 0 and 1 (e.g. 0.95), got {level}"
        ));
    }

    let reliability = get("--reliability")
        .map(|v| number("--reliability", v))
        .transpose()?;
    let sd = get("--sd").map(|v| number("--sd", v)).transpose()?;
    let rci = match (reliability, sd, scale.rci_defaults()) {
        (Some(r), Some(s), _) => Ok((r, s)),
        (r, s, Some((r0, s0))) => Ok((r.unwrap_or(r0), s.unwrap_or(s0))),
        (r, s, None) => {
            let missing: Vec<&str> = [("--reliability", r), ("--sd", s)]
                .iter()
                .filter(|(_, x)| x.is_none())
                .map(|(f, _)| *f)
                .collect();
            Err(format!(
                "skipped: a custom scale has no default reliability or SD; give {} to compute it",
                missing.join(" and ")
            ))
        }
    };
    if let Ok((r, s)) = rci {
        // The library validates both (reliability in (0, 1), SD positive and finite).
        ReliableChange::new(0.0, r, s).map_err(|e| format!("reliable change index: {e}"))?;
    }

    Ok(Command::Analyse(Box::new(Options {
        path,
        scale,
        baseline,
        treatment,
        rci,
        level,
    })))
}

// ---------------------------------------------------------------------------------------------
// Reading the CSV
// ---------------------------------------------------------------------------------------------

/// The observations read from a file, with the CSV line of each.
#[derive(Debug, Clone, PartialEq)]
struct Table {
    values: Vec<f64>,
    phases: Vec<String>,
    times: Option<Vec<f64>>,
    /// The name of the time column, as written in the header.
    time_column: Option<String>,
    /// Columns in the header that the analysis does not use.
    ignored: Vec<String>,
    /// The 1-based line number of each observation.
    lines: Vec<usize>,
}

/// A field with surrounding whitespace and one pair of double quotes removed.
fn clean(field: &str) -> &str {
    let field = field.trim();
    field
        .strip_prefix('"')
        .and_then(|f| f.strip_suffix('"'))
        .map_or(field, str::trim)
}

/// Parses the text of a CSV file; errors name the line.
fn read_table(text: &str) -> Result<Table, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = text
        .lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line))
        .filter(|(_, line)| {
            let t = line.trim();
            !t.is_empty() && !t.starts_with('#')
        });
    let Some((header_line, header)) = rows.next() else {
        return Err(
            "the file has no header row: expected a first row naming the columns \
                    phase and value (and optionally time, day or session)"
                .to_string(),
        );
    };
    let names: Vec<String> = header.split(',').map(|f| clean(f).to_string()).collect();
    let lower: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
    for (i, name) in lower.iter().enumerate() {
        if name.is_empty() {
            return Err(format!(
                "line {header_line}: column {} of the header has no name",
                i + 1
            ));
        }
        if lower[..i].contains(name) {
            return Err(format!(
                "line {header_line}: the header names column {:?} twice",
                names[i]
            ));
        }
    }
    let find = |want: &str| lower.iter().position(|n| n == want);
    let found = names.join(", ");
    let Some(phase_col) = find("phase") else {
        return Err(format!(
            "line {header_line}: the header has no \"phase\" column (found: {found})"
        ));
    };
    let Some(value_col) = find("value") else {
        return Err(format!(
            "line {header_line}: the header has no \"value\" column (found: {found})"
        ));
    };
    let time_cols: Vec<usize> = ["time", "day", "session"]
        .iter()
        .filter_map(|t| find(t))
        .collect();
    if time_cols.len() > 1 {
        let both: Vec<&str> = time_cols.iter().map(|&c| names[c].as_str()).collect();
        return Err(format!(
            "line {header_line}: the header has more than one time column ({}); keep one",
            both.join(", ")
        ));
    }
    let time_col = time_cols.first().copied();
    let ignored: Vec<String> = names
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != phase_col && *i != value_col && Some(*i) != time_col)
        .map(|(_, n)| n.clone())
        .collect();

    let mut table = Table {
        values: Vec::new(),
        phases: Vec::new(),
        times: time_col.map(|_| Vec::new()),
        time_column: time_col.map(|c| names[c].clone()),
        ignored,
        lines: Vec::new(),
    };
    for (line, row) in rows {
        let fields: Vec<&str> = row.split(',').map(clean).collect();
        if fields.len() != names.len() {
            return Err(format!(
                "line {line}: {} fields, but the header (line {header_line}) names {} columns \
                 ({found})",
                fields.len(),
                names.len()
            ));
        }
        let phase = fields[phase_col];
        if phase.is_empty() {
            return Err(format!("line {line}: the phase is missing"));
        }
        let value = fields[value_col];
        if value.is_empty() {
            return Err(format!("line {line}: the value is missing"));
        }
        let Ok(value) = value.parse::<f64>() else {
            return Err(format!("line {line}: the value {value:?} is not a number"));
        };
        if let (Some(col), Some(times)) = (time_col, table.times.as_mut()) {
            let name = &names[col];
            let t = fields[col];
            if t.is_empty() {
                return Err(format!(
                    "line {line}: the {name} is missing (fill it on every row, or drop the \
                     column)"
                ));
            }
            let Ok(t) = t.parse::<f64>() else {
                return Err(format!("line {line}: the {name} {t:?} is not a number"));
            };
            times.push(t);
        }
        table.values.push(value);
        table.phases.push(phase.to_string());
        table.lines.push(line);
    }
    if table.values.is_empty() {
        return Err(format!(
            "the file has a header (line {header_line}) but no data rows"
        ));
    }
    Ok(table)
}

/// The CSV line of observation `index`.
fn line_of(table: &Table, index: usize) -> usize {
    table.lines.get(index).copied().unwrap_or(0)
}

/// A library error about the series, with indices translated to CSV line numbers.
fn at_line(error: &Error, table: &Table, what: &str) -> String {
    let line = |index: usize| line_of(table, index);
    match error {
        Error::OutOfScale {
            index,
            value,
            min,
            max,
        } => format!(
            "line {}: the value {value} lies outside the scale [{min}, {max}] (choose the scale \
             with --scale or --min, --max and --direction)",
            line(*index)
        ),
        Error::NonFinite { index, value, .. } => {
            format!(
                "line {}: the {what} must be a finite number, got {value}",
                line(*index)
            )
        }
        other => other.to_string(),
    }
}

/// Builds the series from the table, translating the library's errors to CSV lines.
fn build_series(table: &Table, scale: Scale) -> Result<Series, String> {
    let series = Series::new(scale, &table.values, &table.phases)
        .map_err(|e| at_line(&e, table, "value"))?;
    match (&table.times, &table.time_column) {
        (Some(times), Some(name)) => {
            // The library requires strictly increasing times; say which line breaks the order.
            for i in 1..times.len() {
                if times[i].is_finite() && times[i - 1].is_finite() && times[i] <= times[i - 1] {
                    return Err(format!(
                        "line {}: the {name} {} does not come after {} on line {} (rows must be \
                         in time order, each {name} once)",
                        line_of(table, i),
                        times[i],
                        times[i - 1],
                        line_of(table, i - 1)
                    ));
                }
            }
            series
                .with_times(times)
                .map_err(|e| at_line(&e, table, name))
        }
        _ => Ok(series),
    }
}

// ---------------------------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------------------------

/// A number without trailing zeros beyond `decimals` (7 not 7.00, 7.5 not 7.50).
fn num(x: f64, decimals: usize) -> String {
    let s = format!("{x:.decimals$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    if s == "-0" { "0".to_string() } else { s }
}

fn heading(out: &mut String, title: &str) {
    let _ = writeln!(out, "\n{title}\n{}", "-".repeat(title.chars().count()));
}

/// Width of the report's wrapped prose.
const WIDTH: usize = 96;

/// Writes `text` word-wrapped to [`WIDTH`], the first line after `first`, the others after
/// `rest`.
fn wrap(out: &mut String, first: &str, rest: &str, text: &str) {
    if first.chars().count() + text.chars().count() <= WIDTH {
        // Short enough: keep its spacing (aligned columns).
        let _ = writeln!(out, "{first}{text}");
        return;
    }
    let mut line = first.to_string();
    let mut empty = true;
    for word in text.split_whitespace() {
        if !empty && line.chars().count() + 1 + word.chars().count() > WIDTH {
            let _ = writeln!(out, "{line}");
            line = rest.to_string();
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    let _ = writeln!(out, "{line}");
}

/// Writes an indented item of the change section, wrapped.
fn item(out: &mut String, text: &str) {
    wrap(out, "  ", "    ", text);
}

/// Writes a paragraph, wrapped.
fn para(out: &mut String, text: &str) {
    wrap(out, "", "", text);
}

/// Prints a plain-language reading under an index, indented.
fn reading(out: &mut String, text: &str) {
    wrap(out, "        ", "        ", text);
}

fn mean_sd(values: &[f64]) -> (f64, Option<f64>) {
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    if values.len() < 2 {
        return (mean, None);
    }
    let ss: f64 = values.iter().map(|v| (v - mean).powi(2)).sum();
    (mean, Some((ss / (n - 1.0)).sqrt()))
}

fn interval(e: &Estimate, decimals: usize) -> String {
    match e.ci {
        Some(ci) => format!(
            "{} CI {:.decimals$} to {:.decimals$}",
            percent_level(ci.level),
            ci.lower,
            ci.upper
        ),
        None => "no interval".to_string(),
    }
}

fn percent_level(level: f64) -> String {
    format!("{}%", num(100.0 * level, 2))
}

/// Which words say "better" on this scale.
fn better(scale: &Scale) -> &'static str {
    match scale.direction() {
        Direction::LowerIsBetter => "lower",
        Direction::HigherIsBetter => "higher",
    }
}

struct Report<'a> {
    options: &'a Options,
    table: &'a Table,
    series: &'a Series,
    file_name: String,
}

impl Report<'_> {
    fn scale(&self) -> &Scale {
        self.series.scale()
    }

    fn write(&self, out: &mut String) {
        let o = self.options;
        let title = format!("Single-case analysis of {}", self.file_name);
        let _ = writeln!(out, "{title}\n{}", "=".repeat(title.chars().count()));
        let _ = writeln!(
            out,
            "Scale: {}, {} is better.",
            o.scale.describe(),
            better(self.scale())
        );
        let _ = writeln!(
            out,
            "Compared: baseline phase {:?} against treatment phase {:?}; intervals at {}.",
            o.baseline,
            o.treatment,
            percent_level(o.level)
        );
        self.data(out);
        self.design(out);
        self.change(out);
        self.effect_sizes(out);
        self.caveat(out);
    }

    fn data(&self, out: &mut String) {
        heading(out, "1. The data");
        let t = self.table;
        let n = t.values.len();
        let first = t.lines.first().copied().unwrap_or(0);
        let last = t.lines.last().copied().unwrap_or(0);
        let _ = write!(out, "{n} observations (lines {first} to {last})");
        match (&t.time_column, self.series.times()) {
            (Some(name), Some(times)) => {
                let (a, b) = (times.first(), times.last());
                if let (Some(a), Some(b)) = (a, b) {
                    let _ = write!(out, ", {name} {} to {}", num(*a, 3), num(*b, 3));
                }
            }
            _ => {
                let _ = write!(out, ", no time column (in row order)");
            }
        }
        let _ = writeln!(out, ".");
        if !t.ignored.is_empty() {
            let _ = writeln!(out, "Columns not used: {}.", t.ignored.join(", "));
        }
        let _ = writeln!(
            out,
            "\n{:<10} {:>4} {:>8} {:>8} {:>8} {:>8}",
            "phase", "n", "mean", "SD", "first", "last"
        );
        let runs = self.series.runs();
        let row = |out: &mut String, name: &str, values: &[f64]| {
            let (mean, sd) = mean_sd(values);
            let sd = sd.map_or_else(|| "-".to_string(), |s| format!("{s:.2}"));
            let first = values.first().map_or_else(String::new, |v| num(*v, 3));
            let last = values.last().map_or_else(String::new, |v| num(*v, 3));
            let _ = writeln!(
                out,
                "{name:<10} {:>4} {mean:>8.2} {sd:>8} {first:>8} {last:>8}",
                values.len()
            );
        };
        for run in &runs {
            row(out, &run.name(), self.series.run_values(run));
        }
        let repeated = self
            .series
            .labels()
            .into_iter()
            .filter(|l| runs.iter().filter(|r| r.label == *l).count() > 1)
            .collect::<Vec<_>>();
        for label in &repeated {
            row(
                out,
                &format!("all {label}"),
                &self.series.phase_values(label),
            );
        }
    }

    fn design(&self, out: &mut String) {
        heading(out, "2. The design");
        let o = self.options;
        let labels = self.series.labels();
        let runs = self.series.runs();
        let names: Vec<String> = runs.iter().map(|r| r.name()).collect();
        let others: Vec<&str> = labels
            .iter()
            .copied()
            .filter(|l| *l != o.baseline && *l != o.treatment)
            .collect();
        if !others.is_empty() {
            para(
                out,
                &format!(
                    "Phases in order: {}. Labels other than {:?} and {:?} ({}) make this neither \
                     an AB nor a withdrawal design, so no WWC standards verdict is given; the \
                     comparisons below use the {:?} and {:?} phases only.",
                    names.join(" "),
                    o.baseline,
                    o.treatment,
                    others.join(", "),
                    o.baseline,
                    o.treatment
                ),
            );
            return;
        }
        if runs.first().is_some_and(|r| r.label != o.baseline) {
            para(
                out,
                &format!(
                    "Phases in order: {}. The series starts with the treatment phase, so it is \
                     neither an AB nor a withdrawal design and no WWC standards verdict is given.",
                    names.join(" ")
                ),
            );
            return;
        }
        // The design types use the labels A and B: rename the user's labels for the check.
        let renamed: Vec<&str> = self
            .series
            .phases()
            .iter()
            .map(|p| if *p == o.baseline { "A" } else { "B" })
            .collect();
        if o.baseline != "A" || o.treatment != "B" {
            let _ = writeln!(
                out,
                "(Phase names below: A for {:?}, B for {:?}.)",
                o.baseline, o.treatment
            );
        }
        let ab = Series::new(*self.scale(), self.series.values(), &renamed);
        let check = ab.and_then(|s| {
            if runs.len() == 2 {
                AbDesign::new(&s).map(|d| (d.to_string(), d.wwc_check()))
            } else {
                WithdrawalDesign::new(&s).map(|d| (d.to_string(), d.wwc_check()))
            }
        });
        match check {
            Ok((design, check)) => {
                let _ = writeln!(out, "Recognised: {design}.");
                let _ = writeln!(out, "Verdict: {} {}.", check.design, check.verdict);
                for reason in &check.reasons {
                    wrap(out, "  - ", "    ", reason);
                }
                wrap(out, "  (", "   ", &format!("{})", check.scope));
            }
            Err(e) => {
                let _ = writeln!(out, "Phases in order: {}. {e}", names.join(" "));
            }
        }
    }

    fn change(&self, out: &mut String) {
        heading(out, "3. The change");
        let o = self.options;
        let unit = if o.scale.is_pain() { " points" } else { "" };
        let options = PhaseChangeOptions::new()
            .baseline(&o.baseline)
            .treatment(&o.treatment)
            .level(o.level);
        let change = match PhaseChange::with_options(self.series, &options) {
            Ok(c) => c,
            Err(e) => {
                para(out, &format!("Phase change: cannot be computed: {e}"));
                return;
            }
        };
        para(
            out,
            &format!(
                "Baseline phase {} to the last treatment phase {} (an improvement is \
                 positive):",
                change.baseline_phase, change.treatment_phase
            ),
        );
        item(
            out,
            &format!(
                "means        {:.2} -> {:.2}: improvement {:.2}{unit}",
                change.baseline_mean, change.treatment_mean, change.mean_improvement
            ),
        );
        item(
            out,
            &format!(
                "last values  {} -> {}: improvement {}{unit}",
                num(change.baseline_last, 3),
                num(change.treatment_last, 3),
                num(change.last_improvement, 3)
            ),
        );
        match WelchInterval::with_options(self.series, &options) {
            Ok(w) => {
                item(
                    out,
                    &format!(
                        "Welch {} interval for the improvement in means: {:.2} to {:.2} (df {:.1})",
                        percent_level(w.ci.level),
                        w.ci.lower,
                        w.ci.upper,
                        w.df
                    ),
                );
                wrap(out, "  caveat: ", "    ", w.caveat);
            }
            Err(e) => {
                item(out, &format!("Welch interval: cannot be computed: {e}"));
            }
        }
        self.pre_post(out, unit);
    }

    fn pre_post(&self, out: &mut String, unit: &str) {
        let o = self.options;
        // The first value of the first baseline phase; the last value of the last treatment
        // phase after it (the phases PhaseChange compared).
        let runs = self.series.runs();
        let Some(a) = runs.iter().find(|r| r.label == o.baseline) else {
            return;
        };
        let Some(b) = runs
            .iter()
            .rev()
            .find(|r| r.label == o.treatment && r.start >= a.end)
        else {
            return;
        };
        let (Some(&pre), Some(&post)) = (
            self.series.run_values(a).first(),
            self.series.run_values(b).last(),
        ) else {
            return;
        };
        let line = |i: usize| line_of(self.table, i);
        let _ = writeln!(out);
        para(
            out,
            &format!(
                "Pre/post: the first baseline value (line {}) to the last treatment value (line \
                 {}):",
                line(a.start),
                line(b.end - 1)
            ),
        );
        let pp = match PrePost::new(pre, post, *self.scale()) {
            Ok(pp) => pp,
            Err(e) => {
                item(out, &format!("cannot be computed: {e}"));
                return;
            }
        };
        item(
            out,
            &format!(
                "{} -> {}: improvement {}{unit}",
                num(pre, 3),
                num(post, 3),
                num(pp.improvement(), 3)
            ),
        );
        match pp.percent_improvement() {
            Some(p) => {
                let what = if o.scale.is_pain() {
                    "percent pain reduction"
                } else {
                    "percent of the way from the first value to the best end of the scale"
                };
                item(out, &format!("{what}: {p:.0}%"));
            }
            None => {
                item(
                    out,
                    "percent improvement: undefined (the first baseline value is already at \
                     the best end of the scale)",
                );
            }
        }
        if o.scale.is_pain() {
            let category = pp.immpact_category();
            item(
                out,
                &format!("IMMPACT category: {category} (Dworkin et al. 2008)"),
            );
            if category != ImmpactCategory::Worsened {
                item(
                    out,
                    &format!(
                        "Farrar threshold of {} points: {} (Farrar et al. 2001)",
                        num(pp.farrar_threshold(), 3),
                        if pp.meets_farrar() { "met" } else { "not met" }
                    ),
                );
            }
        } else {
            item(
                out,
                "IMMPACT category: not given (its thresholds are for pain scales: --scale nrs11 \
                 or vas100)",
            );
        }
        match &o.rci {
            Ok((r, sd)) => match pp.reliable_change(*r, *sd) {
                Ok(rc) => {
                    item(
                        out,
                        &format!(
                            "reliable change index: {:.2} -> {} (reliability {}, SD {}; \
                             reliable beyond {RCI_CRITICAL}, i.e. an improvement of at least \
                             {:.2}{unit})",
                            rc.rci,
                            rc.category,
                            num(*r, 4),
                            num(*sd, 4),
                            rc.reliable_threshold
                        ),
                    );
                }
                Err(e) => {
                    item(
                        out,
                        &format!("reliable change index: cannot be computed: {e}"),
                    );
                }
            },
            Err(note) => {
                item(out, &format!("reliable change index: {note}"));
            }
        }
    }

    fn effect_sizes(&self, out: &mut String) {
        let o = self.options;
        heading(
            out,
            &format!(
                "4. Single-case effect sizes (all {:?} points against all {:?} points)",
                o.baseline, o.treatment
            ),
        );
        let s = self.series;
        let (b, t) = (o.baseline.as_str(), o.treatment.as_str());
        let dir = better(self.scale());
        let m = s.phase_values(b).len();
        let n = s.phase_values(t).len();

        match nap(s, &NapOptions::default().phases(b, t).level(o.level)) {
            Ok(e) => {
                let _ = writeln!(out, "NAP     {:.3} ({})", e.value, interval(&e, 3));
                reading(
                    out,
                    &format!(
                        "In {}% of the {} (baseline, treatment) pairs the treatment value is \
                         better ({dir}), ties counting half; 50% is chance level, 100% complete \
                         separation.",
                        num(100.0 * e.value, 1),
                        m * n
                    ),
                );
            }
            Err(e) => cannot(out, "NAP", &e),
        }
        match tau(s, &NapOptions::default().phases(b, t).level(o.level)) {
            Ok(e) => {
                let _ = writeln!(out, "Tau     {:.3} ({})", e.value, interval(&e, 3));
                reading(
                    out,
                    "Share of improving pairs minus share of worsening pairs (2 NAP - 1): 0 is no \
                     effect, 1 complete separation.",
                );
            }
            Err(e) => cannot(out, "Tau", &e),
        }
        match tau_u(s, &TauUOptions::default().phases(b, t).level(o.level)) {
            Ok(e) => {
                let _ = writeln!(
                    out,
                    "Tau-U   {:.3} (baseline trend corrected, Parker et al. 2011; no interval)",
                    e.value
                );
                reading(
                    out,
                    "Non-overlap after allowing for the baseline's own trend; it can exceed 1 \
                     when the baseline was getting worse.",
                );
            }
            Err(e) => cannot(out, "Tau-U", &e),
        }
        match smd(s, &SmdOptions::default().phases(b, t).level(o.level)) {
            Ok(e) => {
                let _ = writeln!(out, "SMD     {:.2} ({})", e.value, interval(&e, 2));
                reading(
                    out,
                    &format!(
                        "The improvement in means in units of the baseline's session-to-session \
                         SD ({:.2} SDs, small-sample corrected); within one patient, so not \
                         comparable with a between-patient Cohen's d.",
                        e.value
                    ),
                );
            }
            Err(e) => cannot(out, "SMD", &e),
        }
        self.lrr(out);
        match pnd(s, &OverlapOptions::default().phases(b, t)) {
            Ok(e) => {
                let _ = writeln!(out, "PND     {:.0}% (no interval)", 100.0 * e.value);
                reading(
                    out,
                    &format!(
                        "{:.0}% of the treatment values are better ({dir}) than the best \
                         baseline value; one extreme baseline value can make this 0%.",
                        100.0 * e.value
                    ),
                );
            }
            Err(e) => cannot(out, "PND", &e),
        }
        let runs = s.runs();
        let repeated = [b, t]
            .iter()
            .any(|label| runs.iter().filter(|r| r.label == *label).count() > 1);
        if repeated {
            wrap(
                out,
                "",
                "",
                "Repeated phases are pooled by label for these indices (for example A1 and A2 \
                 together).",
            );
        }
    }

    fn lrr(&self, out: &mut String) {
        let o = self.options;
        let s = self.series;
        let options = LrrOptions::default()
            .measurement(MeasurementType::Other)
            .phases(&o.baseline, &o.treatment)
            .level(o.level);
        // The form in which this scale's improvement has its published sign.
        let (name, result) = match self.scale().direction() {
            Direction::LowerIsBetter => ("LRRd", lrr_decreasing(s, &options)),
            Direction::HigherIsBetter => ("LRRi", lrr_increasing(s, &options)),
        };
        let lrr = match result {
            Ok(e) => e,
            Err(e) => {
                cannot(out, "LRR", &e);
                return;
            }
        };
        let _ = writeln!(out, "{name:<7} {:.3} ({})", lrr.value, interval(&lrr, 3));
        let sign = match self.scale().direction() {
            Direction::LowerIsBetter => "negative = lower in treatment, better",
            Direction::HigherIsBetter => "positive = higher in treatment, better",
        };
        match percent_change(&lrr) {
            Ok(pct) => {
                reading(
                    out,
                    &format!(
                        "Log ratio of phase means (Pustejovsky 2018; {sign}): the treatment mean \
                         is {:.0}% of the baseline mean (bias-corrected), a change of {:+.0}% \
                         ({}).",
                        100.0 + pct.value,
                        pct.value,
                        interval(&pct, 0).replace(" to ", "% to ") + "%"
                    ),
                );
            }
            Err(e) => reading(out, &format!("percent change: cannot be computed: {e}")),
        }
        if self.scale().min() != 0.0 {
            reading(
                out,
                "Note: a ratio of means assumes a scale with a true zero; this scale does not \
                 start at 0.",
            );
        }
    }

    fn caveat(&self, out: &mut String) {
        heading(out, "What this analysis cannot tell");
        wrap(
            out,
            "",
            "",
            "These numbers describe one case. Ratings of one patient are autocorrelated, which \
             makes the intervals too narrow; and without randomisation, blinding and a placebo \
             comparison no index can separate the treatment's effect from the placebo response, \
             the natural course and regression to the mean.",
        );
    }
}

fn cannot(out: &mut String, index: &str, error: &Error) {
    wrap(
        out,
        &format!("{index:<7} "),
        "        ",
        &format!("cannot be computed: {error}"),
    );
}

/// Runs the command line: the report (or help) goes to `out`, messages to `err`; returns the
/// exit status.
pub fn run(args: &[String], out: &mut String, err: &mut String) -> i32 {
    let options = match parse(args) {
        Ok(Command::Help) => {
            out.push_str(HELP);
            return 0;
        }
        Ok(Command::Analyse(options)) => options,
        Err(msg) => {
            let _ = writeln!(err, "analyze_csv: {msg}\n{USAGE_LINE}");
            return EXIT_USAGE;
        }
    };
    let text = match std::fs::read_to_string(&options.path) {
        Ok(text) => text,
        Err(e) => {
            let _ = writeln!(err, "analyze_csv: cannot read {}: {e}", options.path);
            return EXIT_DATA;
        }
    };
    let data_error = |err: &mut String, msg: &str| {
        let _ = writeln!(err, "analyze_csv: {}: {msg}", options.path);
        EXIT_DATA
    };
    let table = match read_table(&text) {
        Ok(t) => t,
        Err(msg) => return data_error(err, &msg),
    };
    let series = match build_series(&table, options.scale.scale()) {
        Ok(s) => s,
        Err(msg) => return data_error(err, &msg),
    };
    if let Err(e) = series.two_phases(&options.baseline, &options.treatment) {
        return data_error(
            err,
            &format!("{e} (choose the labels with --baseline and --treatment)"),
        );
    }
    let file_name = std::path::Path::new(&options.path)
        .file_name()
        .map_or_else(|| options.path.clone(), |f| f.to_string_lossy().to_string());
    let report = Report {
        options: &options,
        table: &table,
        series: &series,
        file_name,
    };
    report.write(out);
    0
}

#[allow(dead_code)]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut out = String::new();
    let mut err = String::new();
    let code = run(&args, &mut out, &mut err);
    print!("{out}");
    eprint!("{err}");
    std::process::exit(code);
}
