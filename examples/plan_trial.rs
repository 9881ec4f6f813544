//! Plan a placebo-controlled trial from your own case, without writing Rust.
//!
//! ```text
//! cargo run --example plan_trial -- --pre 10 --post 1 --reference-effect 1.83 --budget 40
//! cargo run --example plan_trial -- --pre 80 --post 20 --scale vas100 --json
//! ```
//!
//! Every default is the documented one of `outcome_stats::plan::PlanningAssumptions` (the
//! pain reference table). Exit status: 0 on success, 2 for bad flags or values, 3 when the
//! assumptions leave no effect to detect (one line on stderr says why), 1 for anything else.

use outcome_stats::plan::{PlanningAssumptions, TrialPlanner};
use outcome_stats::{Error, Scale, report};
use std::io::Write;

/// Usage text printed by `--help` and after a bad flag.
pub const USAGE: &str = "\
plan_trial: from one uncontrolled case to a placebo-controlled trial plan

USAGE:
    plan_trial --pre X --post Y [options]

REQUIRED:
    --pre X                  the case's value before treatment (scale points)
    --post Y                 the case's value after treatment (scale points)

OPTIONS (defaults: the pain reference table, 0-10 NRS; points x10 for vas100):
    --scale nrs11|vas100     outcome scale (default nrs11)
    --placebo-response P     expected improvement in a placebo arm, points (0.77)
    --sd-change S            SD of change from baseline, points (2.5)
    --sd S                   the outcome's SD sigma, points (SD of change / sqrt(2 (1 - rho)))
    --correlation R          baseline-follow-up correlation rho, for regression to the mean (0.5)
    --trial-baseline B       mean baseline of patients entering the trial, points (6.75)
    --reliability R          test-retest reliability, for the reliable change index (0.9)
    --shrinkage F            shrinkage factor in (0, 1] (1: none)
    --reference-effect E     drug-vs-placebo improvement from controlled trials, points (none)
    --alpha A                significance level (0.05)
    --power P                target power (0.8)
    --dropout D              dropout fraction (0.15)
    --budget N               total patients that can be recruited (none)
    --cycles C               N-of-1 cycles per patient (3)
    --json                   print the plan as JSON instead of Markdown
    --help                   print this help

EXIT STATUS:
    0 success, 2 bad flags or values, 3 no effect left to detect, 1 other errors
";

/// Exit status for a usage error.
pub const EXIT_USAGE: i32 = 2;
/// Exit status when the assumptions leave no effect to detect.
pub const EXIT_NO_EFFECT: i32 = 3;

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Print the help.
    Help,
    /// Plan and print.
    Plan {
        /// The configured planner.
        planner: Box<TrialPlanner>,
        /// Whether to print JSON instead of Markdown.
        json: bool,
    },
}

fn number(flag: &str, value: &str) -> Result<f64, String> {
    let x: f64 = value
        .parse()
        .map_err(|_| format!("{flag} needs a number, got {value:?}"))?;
    if !x.is_finite() {
        return Err(format!("{flag} needs a finite number, got {value:?}"));
    }
    Ok(x)
}

fn count(flag: &str, value: &str) -> Result<usize, String> {
    value
        .parse()
        .map_err(|_| format!("{flag} needs a whole number, got {value:?}"))
}

/// Parses the arguments (without the program name) into a [`Command`].
pub fn parse(args: &[String]) -> Result<Command, String> {
    let mut pre = None;
    let mut post = None;
    let mut scale = "nrs11".to_string();
    let mut json = false;
    let mut numbers: Vec<(String, f64)> = Vec::new();
    let mut budget = None;
    let mut cycles = None;
    let mut i = 0;
    while i < args.len() {
        let raw = args[i].as_str();
        let (flag, inline) = match raw.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (raw, None),
        };
        match flag {
            "--help" | "-h" => return Ok(Command::Help),
            "--json" => {
                if inline.is_some() {
                    return Err("--json takes no value".to_string());
                }
                json = true;
                i += 1;
                continue;
            }
            _ => {}
        }
        let known = [
            "--pre",
            "--post",
            "--scale",
            "--placebo-response",
            "--sd-change",
            "--sd",
            "--correlation",
            "--trial-baseline",
            "--reliability",
            "--shrinkage",
            "--reference-effect",
            "--alpha",
            "--power",
            "--dropout",
            "--budget",
            "--cycles",
        ];
        if !known.contains(&flag) {
            return Err(format!("unknown argument {raw:?}"));
        }
        let value = match inline {
            Some(v) => v,
            None => {
                i += 1;
                match args.get(i) {
                    Some(v) => v.clone(),
                    None => return Err(format!("{flag} needs a value")),
                }
            }
        };
        match flag {
            "--pre" => pre = Some(number(flag, &value)?),
            "--post" => post = Some(number(flag, &value)?),
            "--scale" => {
                if value != "nrs11" && value != "vas100" {
                    return Err(format!("--scale must be nrs11 or vas100, got {value:?}"));
                }
                scale = value;
            }
            "--budget" => budget = Some(count(flag, &value)?),
            "--cycles" => cycles = Some(count(flag, &value)?),
            _ => numbers.push((flag.to_string(), number(flag, &value)?)),
        }
        i += 1;
    }
    let pre = pre.ok_or("--pre is required")?;
    let post = post.ok_or("--post is required")?;
    let (scale, mut a) = if scale == "vas100" {
        (Scale::vas100(), PlanningAssumptions::vas100())
    } else {
        (Scale::nrs11(), PlanningAssumptions::nrs11())
    };
    let mut alpha = None;
    let mut power = None;
    for (flag, x) in numbers {
        a = match flag.as_str() {
            "--placebo-response" => a.placebo_response(x),
            "--sd-change" => a.sd_change(x),
            "--sd" => a.sd(x),
            "--correlation" => a.correlation(x),
            "--trial-baseline" => a.trial_baseline(x),
            "--reliability" => a.reliability(x),
            "--shrinkage" => a.shrinkage(x),
            "--reference-effect" => a.reference_effect(x),
            "--dropout" => a.dropout(x),
            "--alpha" => {
                alpha = Some(x);
                a
            }
            "--power" => {
                power = Some(x);
                a
            }
            _ => a,
        };
    }
    if let Some(c) = cycles {
        a = a.cycles(c);
    }
    let mut planner = TrialPlanner::from_values(pre, post, scale, a);
    if let Some(x) = alpha {
        planner = planner.alpha(x);
    }
    if let Some(x) = power {
        planner = planner.target_power(x);
    }
    if let Some(n) = budget {
        planner = planner.budget(n);
    }
    Ok(Command::Plan {
        planner: Box::new(planner),
        json,
    })
}

/// Runs the command line: writes the plan (or help) to `out`, messages to `err`, and returns
/// the exit status.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let command = match parse(args) {
        Ok(c) => c,
        Err(msg) => {
            let _ = writeln!(err, "plan_trial: {msg}\n\n{USAGE}");
            return EXIT_USAGE;
        }
    };
    let (planner, json) = match command {
        Command::Help => {
            let _ = write!(out, "{USAGE}");
            return 0;
        }
        Command::Plan { planner, json } => (planner, json),
    };
    match planner.plan() {
        Ok(plan) => {
            let text = if json {
                match to_json(&plan) {
                    Ok(s) => s,
                    Err(msg) => {
                        let _ = writeln!(err, "plan_trial: {msg}");
                        return 1;
                    }
                }
            } else {
                report::trial_plan_markdown(&plan)
            };
            let _ = write!(out, "{text}");
            0
        }
        Err(e @ Error::NoEffectToDetect { .. }) => {
            let _ = writeln!(err, "plan_trial: {e}");
            EXIT_NO_EFFECT
        }
        Err(
            e @ (Error::InvalidParameter { .. }
            | Error::NonFinite { .. }
            | Error::OutOfScale { .. }
            | Error::InvalidData { .. }
            | Error::InsufficientData { .. }),
        ) => {
            let _ = writeln!(err, "plan_trial: {e}");
            EXIT_USAGE
        }
        Err(e) => {
            let _ = writeln!(err, "plan_trial: {e}");
            1
        }
    }
}

#[cfg(feature = "serde")]
fn to_json(plan: &outcome_stats::plan::TrialPlan) -> Result<String, String> {
    serde_json::to_string_pretty(plan)
        .map(|s| s + "\n")
        .map_err(|e| format!("cannot write JSON: {e}"))
}

#[cfg(not(feature = "serde"))]
fn to_json(_plan: &outcome_stats::plan::TrialPlan) -> Result<String, String> {
    Err("--json needs the crate's `serde` feature (on by default)".to_string())
}

#[allow(dead_code)]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = run(&args, &mut std::io::stdout(), &mut std::io::stderr());
    std::process::exit(code);
}
