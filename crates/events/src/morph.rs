//! The affix-stripping analyser (in progress).
