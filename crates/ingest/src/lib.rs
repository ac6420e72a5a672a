//! Reads warta's inputs as a stream of decoded documents.
//!
//! Inputs are files, directories (walked recursively, sorted), or `-` for stdin, in
//! these formats: `.txt`, `.html`/`.htm`, `.jsonl` (one object per line with `text`
//! or `html`, optional `url`, `published`, `outlet`, `title`), WARC and `.warc.gz`
//! (one gzip member per record, as Common Crawl writes them), and any of these
//! gzip-compressed. Every document is decoded to UTF-8 (BOM, HTTP header,
//! `<meta charset>`, detector) before it leaves this crate.
//!
//! Memory is bounded: files are streamed record by record and line by line, and a
//! document larger than [`IngestOptions::max_doc_bytes`] becomes an error for that
//! document only. Nothing here panics on input; every failure is an
//! [`IngestError`] naming the file and, inside containers, the byte offset.

// The implementation modules are filled in by the ingest work (issue 2).

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicU64;

/// What kind of page a document holds, which decides how it is extracted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocKind {
    /// An HTML page.
    Html,
    /// A plain-text dump of a page.
    Text,
}

/// Metadata that came with a document from outside its text (JSONL fields, HTTP headers).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocHints {
    /// Publication date as given (ISO 8601 or free text).
    pub published: Option<String>,
    /// Outlet name.
    pub outlet: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Language tag (HTTP `Content-Language`, JSONL `lang`).
    pub lang: Option<String>,
}

/// One decoded document, ready for extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawDoc {
    /// Human-readable origin: `path`, `path:LINE` for JSONL, `path@OFFSET` for WARC, `-` for stdin.
    pub source: String,
    /// Identity used in the article id: the URL when known, else the file name
    /// (without directories) plus the member position for containers.
    pub source_key: String,
    /// The page URL when known.
    pub url: Option<String>,
    /// Byte offset of the record in its (uncompressed for JSONL, compressed for
    /// `.warc.gz`) container.
    pub offset: Option<u64>,
    /// HTML or plain text.
    pub kind: DocKind,
    /// The document decoded to UTF-8.
    pub text: String,
    /// Name of the encoding it was decoded from (`UTF-8`, `windows-1252`, …).
    pub encoding: &'static str,
    /// Metadata that came with the document.
    pub hints: DocHints,
}

/// Settings for reading inputs.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Largest document accepted, in bytes before decoding; larger ones are reported
    /// as errors and skipped.
    pub max_doc_bytes: usize,
    /// When set, incremented by the number of input bytes consumed (for progress bars).
    pub progress: Option<Arc<AtomicU64>>,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            max_doc_bytes: 16 * 1024 * 1024,
            progress: None,
        }
    }
}

/// A failure to read one input or one record; the batch goes on.
#[derive(Debug, thiserror::Error)]
#[error("{source_name}{}: {message}", offset.map(|o| format!(" (offset {o})")).unwrap_or_default())]
pub struct IngestError {
    /// The file (or `-`) the failure is in.
    pub source_name: String,
    /// Byte offset inside the file where the failing record starts, when known.
    pub offset: Option<u64>,
    /// What went wrong.
    pub message: String,
}

/// The paths given on the command line, expanded into documents lazily.
pub fn open(paths: &[PathBuf], options: &IngestOptions) -> Inputs {
    let _ = (paths, options);
    Inputs {}
}

/// Total size in bytes of the files under `paths` (stdin counts 0), for progress bars.
pub fn total_size(paths: &[PathBuf]) -> u64 {
    let _ = paths;
    0
}

/// Iterator over the documents of all inputs, in a stable order.
pub struct Inputs {}

impl Iterator for Inputs {
    type Item = Result<RawDoc, IngestError>;
    fn next(&mut self) -> Option<Self::Item> {
        None
    }
}
