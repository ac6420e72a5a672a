//! The actor knowledge base (being built; see ARCHITECTURE.md).
