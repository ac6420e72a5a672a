//! Typed errors: a bad data file stops loading with a message that names the file
//! and the entry, so a user who added an actor can fix it without reading Rust.

use std::fmt;

/// Errors loading the knowledge base.
#[derive(Debug, thiserror::Error)]
pub enum KbError {
    /// A data file is missing or unreadable.
    #[error(transparent)]
    Data(#[from] warta_langdata::DataError),
    /// A file is not valid TOML or does not have the expected shape.
    #[error("cannot parse knowledge-base file `{file}`: {message}")]
    Parse {
        /// The file (relative to the data folder).
        file: String,
        /// The parser's message, with line and column.
        message: String,
    },
    /// The files parse but their content is inconsistent (every problem is listed).
    #[error("invalid knowledge base ({} problem(s)):\n{}", .0.len(), ProblemList(.0))]
    Invalid(Vec<Problem>),
}

/// One inconsistency in the data: duplicate id, unknown country, bad date, …
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file (relative to the data folder).
    pub file: String,
    /// The entry: an actor id, a role key, …
    pub entry: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: `{}`: {}", self.file, self.entry, self.message)
    }
}

struct ProblemList<'a>(&'a [Problem]);

impl fmt::Display for ProblemList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "  {p}")?;
        }
        Ok(())
    }
}
