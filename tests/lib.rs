//! The integration test suite, one binary with a module per area.

mod group;
mod tolerance;
