//! Study designs (placeholder: filled by the design engineer).
