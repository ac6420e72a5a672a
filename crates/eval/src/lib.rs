//! Evaluation harnesses.
