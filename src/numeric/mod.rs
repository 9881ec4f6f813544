//! The crate's numerical tools, shared by every layer.
//!
//! - [`find_root`]: the one bracketing root finder (Brent 1973), used for quantiles, sample
//!   sizes, minimal detectable effects and interval inversion. Its default tolerance is full
//!   double precision: it stops when the bracket is no wider than
//!   `4 eps |x| + absolute` (with `absolute` 0 by default) or when it finds an exact zero.
//! - [`find_root_expanding`]: grows a bracket geometrically from a starting interval, then calls
//!   [`find_root`].

mod root;

pub use root::{RootOptions, find_root, find_root_expanding};
