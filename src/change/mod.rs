//! Pre/post change (placeholder: filled by the change engineer).
