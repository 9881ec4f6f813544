//! Power, sample size and minimal detectable effect for placebo-controlled designs.
//!
//! Each design is a small value type with chained, infallible setters ([`TTest::alpha`],
//! `.alternative(..)`, `.dropout(..)` and the design's own) that only store; every question
//! validates the whole design and its inputs and returns a [`Result`](crate::Result):
//!
//! - `power(effect, n)`: power at n (as the design counts it);
//! - `sample_size(effect, target_power)`: the smallest admissible n reaching the target, as a
//!   [`SampleSize`] that also states the power at the previous admissible n, the groups,
//!   the enrolment after dropout and every input it assumed;
//! - `min_detectable_effect(n, target_power)`: the effect whose power at n is the target;
//! - `power_curve_over_n`, `power_curve_over_effect`: [`PowerCurve`]s as plain data for plots.
//!
//! | design | n counts | effect | test statistic |
//! |---|---|---|---|
//! | [`TTest::two_sample`] (`.ratio(k)`) | group 1 (n2 = ceil(k n)) | d | noncentral t, df n1 + n2 - 2 |
//! | [`TTest::one_sample`], [`TTest::paired`] | observations / pairs | d_z | noncentral t, df n - 1 |
//! | [`Ancova`] | group 1 | d (sigma between patients) | noncentral t, df N - 3 |
//! | [`Crossover2x2`] | all patients (even) | d (sigma between patients) | noncentral t, df n - 2 |
//! | [`NOf1Series`] | patients | d (sigma between patients) | noncentral t, df m - 1 |
//! | [`TwoProportions`] | group 1 (control) | rate difference | normal, arcsine or Fisher exact |
//!
//! # Effects are improvement-signed
//!
//! A positive effect means the treatment is better than the control, whatever the direction
//! of the outcome's scale, and [`Alternative::Greater`](crate::Alternative::Greater) is the
//! alternative in which the treatment is better. For a lower-is-better outcome such as pain
//! on a 0-10 NRS, pass (control mean - treatment mean) / sigma: a treatment that lowers pain
//! by 1.5 points more than placebo, with sigma = 2.5, is `effect = 0.6`, tested one-sided
//! with `Alternative::Greater`. For responder rates pass treatment rate - control rate of
//! the favourable event (for example at least 30% pain relief). Two-sided power is
//! symmetric in the sign of the effect.
//!
//! # How the answers are found
//!
//! - Power is exact for the model: the noncentral t ([`NoncentralT`](crate::dist::NoncentralT))
//!   for the continuous designs, with critical values of the central t found to 1e-13
//!   (relative) by the crate's root finder on the central upper tail (the finite
//!   trigonometric series for integer df up to 1000, the incomplete beta function otherwise),
//!   from a four-term Cornish-Fisher start; two-sided power includes
//!   the opposite rejection region (as pwr, G*Power, and R's `power.t.test` /
//!   `power.prop.test` with `strict = TRUE`, not their default).
//! - Sample sizes are integers: the search starts from the normal-approximation answer,
//!   gallops and bisects over admissible n (power is non-decreasing in n for these designs
//!   when the effect points the way the alternative does), and the answer is verified: power
//!   at n reaches the target, power at the previous admissible n (n - 1; n - 2 for the 2x2
//!   crossover) does not. The search stops at n = [`MAX_N`] (10^7) with
//!   [`Error::Unattainable`](crate::Error::Unattainable). Fisher's exact test is scanned
//!   n = 2, 3, ... up to [`FISHER_MAX_N`] because its power saw-tooths in n.
//! - Minimal detectable effects come from the crate's one bracketing root finder
//!   ([`find_root_expanding`](crate::numeric::find_root_expanding): Brent's method, default
//!   tolerance full double precision in the effect), searched from zero outward in the
//!   alternative's direction (positive when two-sided).
//! - Impossible requests get specific errors: alpha or target power outside (0, 1), a target
//!   power not above alpha, a zero effect, an effect of the wrong sign for a one-sided
//!   alternative, n below the design's minimum (each group at least 2; the crossover at least
//!   4 and even), SDs not positive, correlations outside (-1, 1), dropout outside [0, 1),
//!   rates outside (0, 1), an allocation ratio not positive (or outside [10^-6, 10^6]).
//! - Dropout only inflates enrolment: each group becomes ceil(n_g / (1 - dropout)) (an n_g /
//!   (1 - dropout) within 1e-9 of an integer counts as that integer), summed for
//!   `total_enrolled`.
//!
//! # References
//!
//! Cohen J (1988). *Statistical Power Analysis for the Behavioral Sciences*, 2nd ed. Lawrence
//! Erlbaum. Faul F, Erdfelder E, Lang AG, Buchner A (2007). G*Power 3. *Behavior Research
//! Methods* 39:175-191. Julious SA (2010). *Sample Sizes for Clinical Trials*. Chapman & Hall.
//!
//! # Examples
//!
//! ```
//! use outcome_stats::Alternative;
//! use outcome_stats::power::{Crossover2x2, TTest};
//! // Pain on 0-10: a 1.5-point benefit over placebo, sigma 2.5 -> d = 0.6 (improvement-signed).
//! let parallel = TTest::two_sample().dropout(0.15).sample_size(0.6, 0.9)?;
//! let crossover = Crossover2x2::with_correlation(0.5).sample_size(0.6, 0.9)?;
//! assert!(crossover.total < parallel.total);
//! let one_sided = TTest::two_sample().alternative(Alternative::Greater).sample_size(0.6, 0.9)?;
//! assert!(one_sided.n < parallel.n);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod ancova;
pub(crate) mod common;
mod crossover;
mod nof1;
mod proportions;
mod t_core;
mod t_test;

pub use ancova::Ancova;
pub use common::{Design, MAX_N, PowerCurve, PowerPoint, SampleSize};
pub use crossover::Crossover2x2;
pub use nof1::{NOf1Option, NOf1Series};
pub use proportions::{FISHER_MAX_N, FISHER_MAX_TOTAL, ProportionTest, TwoProportions};
pub use t_test::TTest;
