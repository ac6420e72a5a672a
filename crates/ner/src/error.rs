//! The error type of this crate.

/// Everything that can go wrong loading, training or reading data.
#[derive(Debug, thiserror::Error)]
pub enum NerError {
    /// A file could not be opened.
    #[error("cannot open `{path}`: {source}")]
    Open {
        /// The path.
        path: String,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// Reading a CoNLL stream failed (I/O or invalid UTF-8).
    #[error("line {line}: {source}")]
    Read {
        /// 1-based line number.
        line: usize,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// An error inside a named file.
    #[error("{path}: {source}")]
    InFile {
        /// The file.
        path: String,
        /// What went wrong.
        #[source]
        source: Box<NerError>,
    },
    /// A model file is not a model, is truncated, corrupt or of another version.
    #[error("invalid model: {0}")]
    Model(#[from] ModelError),
    /// A data file (cue list, gazetteer, cluster file) is malformed.
    #[error("invalid data file `{path}`: {message}")]
    Data {
        /// The file.
        path: String,
        /// What is wrong, with a line number where known.
        message: String,
    },
    /// The language data folder could not be read.
    #[error(transparent)]
    LangData(#[from] warta_langdata::DataError),
    /// No model is available (no data folder with one, none embedded).
    #[error("no NER model found: {0}")]
    NoModel(String),
    /// Training was asked of an empty corpus or with invalid options.
    #[error("cannot train: {0}")]
    Train(String),
}

impl NerError {
    /// Wrap this error with the file it happened in.
    pub fn in_file(self, path: &std::path::Path) -> NerError {
        NerError::InFile {
            path: path.display().to_string(),
            source: Box::new(self),
        }
    }
}

/// Why a model file was rejected.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ModelError {
    /// The file does not start with the model magic.
    #[error("not a warta NER model (bad magic)")]
    BadMagic,
    /// The file was written by a different format version.
    #[error("model format version {found}, this build reads version {expected}")]
    Version {
        /// Version in the file.
        found: u32,
        /// Version this build reads.
        expected: u32,
    },
    /// The file ends early.
    #[error("model file truncated while reading {0}")]
    Truncated(&'static str),
    /// The checksum does not match the contents.
    #[error("model checksum mismatch (file corrupt)")]
    Checksum,
    /// A field holds an impossible value.
    #[error("invalid model field: {0}")]
    Invalid(String),
}
