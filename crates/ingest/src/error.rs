//! The one error type of this crate, and the statistics kept alongside it.

use std::sync::atomic::{AtomicU64, Ordering};

/// What went wrong, so callers can count failures by cause without parsing messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file could not be opened or read (missing, permission, I/O failure).
    Io,
    /// The file (or a JSONL record) holds no bytes at all.
    Empty,
    /// The content is binary (NUL bytes, control characters), not text or HTML.
    Binary,
    /// A document is larger than [`crate::IngestOptions::max_doc_bytes`].
    TooLarge,
    /// A JSONL line is not a JSON object with a `text` or `html` string.
    BadLine,
    /// A WARC record or gzip member is damaged; the reader resynchronised after it.
    Corrupt,
    /// The content uses something this crate does not decode (e.g. brotli).
    Unsupported,
}

/// A failure to read one input or one record; the batch goes on.
///
/// Every error names where it happened (`source_name`, plus `offset` inside
/// containers) so a user can find the bad bytes, and reading continues with the
/// next record or file.
#[derive(Debug, thiserror::Error)]
#[error("{source_name}{}: {message}", offset.map(|o| format!(" (offset {o})")).unwrap_or_default())]
pub struct IngestError {
    /// The file (or `-`) the failure is in; `path:LINE` for a JSONL line.
    pub source_name: String,
    /// Byte offset inside the file where the failing record starts, when known.
    pub offset: Option<u64>,
    /// What went wrong.
    pub message: String,
    /// The cause, for counting and matching without parsing `message`.
    pub kind: ErrorKind,
}

impl IngestError {
    /// An error of `kind` in `source_name` at `offset`.
    pub fn new(
        kind: ErrorKind,
        source_name: impl Into<String>,
        offset: Option<u64>,
        message: impl Into<String>,
    ) -> IngestError {
        IngestError {
            source_name: source_name.into(),
            offset,
            message: message.into(),
            kind,
        }
    }

    /// The standard "document too large" error, naming the size and the limit.
    pub(crate) fn too_large(
        source_name: impl Into<String>,
        offset: Option<u64>,
        size: Option<u64>,
        limit: usize,
    ) -> IngestError {
        let size = match size {
            Some(n) => format!("{n} bytes"),
            None => format!("more than {limit} bytes"),
        };
        IngestError::new(
            ErrorKind::TooLarge,
            source_name,
            offset,
            format!("document of {size} exceeds the limit of {limit} bytes (max_doc_bytes)"),
        )
    }

    /// An I/O failure.
    pub(crate) fn io(
        source_name: impl Into<String>,
        offset: Option<u64>,
        e: &std::io::Error,
    ) -> Self {
        IngestError::new(
            ErrorKind::Io,
            source_name,
            offset,
            format!("read error: {e}"),
        )
    }
}

/// Counts of what a reader has produced and skipped, for the end-of-run summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IngestStats {
    /// Files (and stdin) opened.
    pub files: u64,
    /// Documents produced.
    pub documents: u64,
    /// Errors produced.
    pub errors: u64,
    /// Container records skipped on purpose because they hold no document: WARC
    /// `request`/`metadata`/`warcinfo`/`revisit` records, responses that are not
    /// HTML or plain text, non-2xx responses, empty bodies. (Blank JSONL lines
    /// are not records and are not counted.)
    pub skipped_records: u64,
}

/// Shared, thread-safe counters behind [`IngestStats`].
#[derive(Debug, Default)]
pub(crate) struct Counters {
    pub files: AtomicU64,
    pub documents: AtomicU64,
    pub errors: AtomicU64,
    pub skipped: AtomicU64,
}

impl Counters {
    pub fn bump(counter: &AtomicU64) {
        counter.fetch_add(1, Ordering::Relaxed);
    }

    pub fn snapshot(&self) -> IngestStats {
        IngestStats {
            files: self.files.load(Ordering::Relaxed),
            documents: self.documents.load(Ordering::Relaxed),
            errors: self.errors.load(Ordering::Relaxed),
            skipped_records: self.skipped.load(Ordering::Relaxed),
        }
    }
}
