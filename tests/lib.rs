//! The integration test suite, one binary with a module per area.

mod change;
mod design;
mod foundation;
mod plan;
mod power;
mod tolerance;
