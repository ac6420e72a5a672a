//! One module per subcommand.

pub mod analyze;
pub mod articles;
pub mod entities;
pub mod eval;
pub mod events;
pub mod ner;
pub mod quotes;
pub mod show;
