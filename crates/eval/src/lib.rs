//! Evaluation harnesses: commands in the repository that measure warta on public
//! benchmarks, so every quality figure in `BENCHMARKS.md` can be rerun.

pub mod extraction;
pub mod petrarch;
pub mod plover;
pub mod shingles;
