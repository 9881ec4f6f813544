//! The integration test suite, one binary with a module per area.

mod power;
mod tolerance;
