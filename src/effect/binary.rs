//! (placeholder: filled by the engineer of this area)

use super::IntervalKind;

/// How a binary estimate was computed.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub enum BinaryMethod {}

impl BinaryMethod {
    /// Whether the interval is exact, approximate, or absent.
    pub fn interval_kind(&self) -> IntervalKind {
        match *self {}
    }
}
