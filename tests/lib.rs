//! The integration test suite, one binary with a module per area.

mod single_case;
mod tolerance;
