//! The alternative hypothesis of a test.

/// The alternative hypothesis of a test, in the crate's improvement-signed convention.
///
/// Effects are improvement-signed everywhere in the crate (positive when the treatment is
/// better than the control, whatever the outcome scale's direction), so `Greater` is the
/// alternative in which the treatment is better.
///
/// # Examples
///
/// ```
/// use outcome_stats::Alternative;
/// assert_eq!(Alternative::default(), Alternative::TwoSided);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Alternative {
    /// The effect differs from zero in either direction.
    #[default]
    TwoSided,
    /// The effect is positive: the treatment is better.
    Greater,
    /// The effect is negative: the treatment is worse.
    Less,
}
