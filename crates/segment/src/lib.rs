//! Tokenisation and sentence splitting (being built; see ARCHITECTURE.md).
