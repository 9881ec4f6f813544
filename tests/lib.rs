//! The integration test suite, one binary with a module per area.

mod binary;
mod pooling;
mod tolerance;
