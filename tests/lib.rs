//! The integration test suite, one binary with a module per area.

mod analyze_csv;
mod binary;
mod change;
mod design;
mod dist;
mod examples;
mod foundation;
mod group;
mod plan;
mod pooling;
mod power;
mod single_case;
mod tolerance;
