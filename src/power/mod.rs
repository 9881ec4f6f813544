//! Power, sample size and minimal detectable effect (placeholder: filled by the power engineer).
