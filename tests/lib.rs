//! The integration test suite, one binary with a module per area.

mod dist;
mod tolerance;
