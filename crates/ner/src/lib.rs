//! The named-entity sequence labeller (being built; see ARCHITECTURE.md).
