//! The integration test suite, one binary with a module per area.

mod plan;
mod power;
mod tolerance;
