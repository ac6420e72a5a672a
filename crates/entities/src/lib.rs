//! The entity stage (being built; see ARCHITECTURE.md).
