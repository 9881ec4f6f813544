//! The crate's numerical tools, shared by every layer.
//!
//! - [`find_root`]: the one bracketing root finder (Brent 1973), used for quantiles, sample
//!   sizes, minimal detectable effects and interval inversion. Its default tolerance is full
//!   double precision: it stops when the bracket is no wider than
//!   `4 eps |x| + absolute` (with `absolute` 0 by default) or when it finds an exact zero.
//! - `moments` (crate-internal): the one two-pass mean and sample variance, used by `change`
//!   and `effect`.
//! - [`find_root_expanding`]: grows a bracket geometrically from a starting interval, then calls
//!   [`find_root`].
//! - [`integrate`]: adaptive Gauss-Kronrod (7-15) quadrature on a finite interval, default
//!   relative tolerance 1e-12 on its error estimate.
//! - [`integrate_ln_peaked`]: the trapezoid rule in log space for a positive, peaked integrand
//!   on the whole line, returning the log of the integral (relative error about 1e-16 for
//!   smooth integrands; successive step halvings agree within 1e-10).

mod moments;
mod quadrature;
mod root;

pub(crate) use moments::{Moments, moments};
pub use quadrature::{Integral, LnIntegral, QuadratureOptions, integrate, integrate_ln_peaked};
pub use root::{RootOptions, find_root, find_root_expanding};
