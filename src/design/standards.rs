//! The What Works Clearinghouse single-case design standards, as far as data can show them.

use std::fmt;

/// The statement every [`StandardsCheck`] carries: it judges the design's structure only.
pub const STRUCTURE_ONLY: &str = "verdict on the design's structure only: the standards also \
require that the intervention was systematically manipulated and that outcomes were measured by \
more than one assessor with adequate inter-assessor agreement (on at least 20% of the sessions \
of each phase), which cannot be checked from the data";

/// A verdict under the WWC single-case design standards, worst first.
///
/// # References
///
/// Kratochwill TR, Hitchcock J, Horner RH, Levin JR, Odom SL, Rindskopf DM, Shadish WR (2010).
/// *Single-case designs technical documentation*. What Works Clearinghouse.
/// Kratochwill TR et al. (2013). Single-case intervention research design standards.
/// *Remedial and Special Education* 34(1):26-38.
///
/// # Examples
///
/// ```
/// use outcome_stats::design::Verdict;
/// assert!(Verdict::DoesNotMeet < Verdict::MeetsWithReservations);
/// assert_eq!(Verdict::Meets.worst(Verdict::DoesNotMeet), Verdict::DoesNotMeet);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Verdict {
    /// Does not meet the standards.
    DoesNotMeet,
    /// Meets the standards with reservations.
    MeetsWithReservations,
    /// Meets the standards.
    Meets,
}

impl Verdict {
    /// The worse of two verdicts (a design meets the standards only as well as its weakest rule).
    ///
    /// # Examples
    ///
    /// ```
    /// use outcome_stats::design::Verdict;
    /// assert_eq!(
    ///     Verdict::Meets.worst(Verdict::MeetsWithReservations),
    ///     Verdict::MeetsWithReservations
    /// );
    /// ```
    pub fn worst(self, other: Verdict) -> Verdict {
        self.min(other)
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Verdict::DoesNotMeet => "does not meet the WWC standards",
            Verdict::MeetsWithReservations => "meets the WWC standards with reservations",
            Verdict::Meets => "meets the WWC standards",
        })
    }
}

/// The result of checking a single-case design against the WWC design standards.
///
/// # Method
///
/// The rules (Kratochwill et al. 2010, 2013) that the data can show:
/// - at least three attempts to demonstrate an effect, at three different points in time;
/// - reversal (withdrawal) designs: at least four phases (A1 B1 A2 B2);
/// - multiple baseline designs: at least six phases (three tiers with staggered starts);
/// - phases: at least 5 data points to meet the standards, 3 or 4 to meet them with
///   reservations, fewer than 3 do not meet them;
/// - alternating treatments: at least 5 repetitions of the alternating sequence to meet the
///   standards, 4 to meet them with reservations.
///
/// The verdict is the worst verdict over these rules. [`StandardsCheck::scope`] always says that
/// the check concerns structure only ([`STRUCTURE_ONLY`]).
///
/// # References
///
/// Kratochwill TR et al. (2010). *Single-case designs technical documentation*. What Works
/// Clearinghouse. Kratochwill TR et al. (2013). Single-case intervention research design
/// standards. *Remedial and Special Education* 34(1):26-38.
///
/// # Examples
///
/// ```
/// use outcome_stats::design::{AbDesign, Verdict};
/// use outcome_stats::{Scale, Series};
/// let s = Series::from_phases(Scale::nrs11(), &[("A", &[8.0, 9.0, 8.0]), ("B", &[4.0, 3.0, 2.0])])?;
/// let check = AbDesign::new(&s)?.wwc_check();
/// assert_eq!(check.verdict, Verdict::DoesNotMeet);
/// assert!(check.to_string().contains("does not meet"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct StandardsCheck {
    /// The design checked, in words (e.g. "AB design").
    pub design: String,
    /// The verdict.
    pub verdict: Verdict,
    /// Plain-language findings, one per rule, that lead to the verdict.
    pub reasons: Vec<String>,
    /// What the verdict covers: the design's structure only ([`STRUCTURE_ONLY`]).
    pub scope: &'static str,
}

impl fmt::Display for StandardsCheck {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}: {}", self.design, self.verdict)?;
        for reason in &self.reasons {
            writeln!(f, "  - {reason}")?;
        }
        write!(f, "  ({})", self.scope)
    }
}

/// Accumulates findings and the worst verdict.
pub(crate) struct CheckBuilder {
    design: String,
    verdict: Verdict,
    reasons: Vec<String>,
}

impl CheckBuilder {
    pub(crate) fn new(design: impl Into<String>) -> CheckBuilder {
        CheckBuilder {
            design: design.into(),
            verdict: Verdict::Meets,
            reasons: Vec::new(),
        }
    }

    pub(crate) fn add(&mut self, verdict: Verdict, reason: String) {
        self.verdict = self.verdict.worst(verdict);
        self.reasons.push(reason);
    }

    /// Applies the per-phase data-point rule to named phases and their lengths.
    pub(crate) fn phase_lengths(&mut self, phases: &[(String, usize)]) {
        let below = |limit: usize| -> Vec<String> {
            phases
                .iter()
                .filter(|(_, n)| *n < limit)
                .map(|(name, n)| format!("{name} ({n})"))
                .collect()
        };
        let too_short = below(3);
        let reserved = phases
            .iter()
            .filter(|(_, n)| (3..5).contains(n))
            .map(|(name, n)| format!("{name} ({n})"))
            .collect::<Vec<_>>();
        if !too_short.is_empty() {
            self.add(
                Verdict::DoesNotMeet,
                format!(
                    "phases need at least 3 data points (5 to meet the standards without \
                     reservations); too short: {}",
                    too_short.join(", ")
                ),
            );
        } else if !reserved.is_empty() {
            self.add(
                Verdict::MeetsWithReservations,
                format!(
                    "phases with 3 or 4 data points meet the standards only with reservations \
                     (5 are needed to meet them): {}",
                    reserved.join(", ")
                ),
            );
        } else {
            let shortest = phases.iter().map(|(_, n)| *n).min().unwrap_or(0);
            self.add(
                Verdict::Meets,
                format!(
                    "every phase has at least 5 data points (shortest: {shortest}), as the \
                     standards require"
                ),
            );
        }
    }

    pub(crate) fn finish(self) -> StandardsCheck {
        StandardsCheck {
            design: self.design,
            verdict: self.verdict,
            reasons: self.reasons,
            scope: STRUCTURE_ONLY,
        }
    }
}
