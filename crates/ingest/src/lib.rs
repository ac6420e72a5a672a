//! Reads warta's inputs as a stream of decoded documents.
//!
//! Inputs are files, directories (walked recursively, sorted, skipping dotfiles), or
//! `-` for stdin, in these formats: `.txt`, `.html`/`.htm`/`.xhtml`,
//! `.jsonl`/`.ndjson` (one object per line with `text` or `html`, optional `url`,
//! `published`, `outlet`, `title`, `lang`, `crawled`; `html` wins when both are
//! there), WARC and `.warc.gz` (one gzip member per record, as Common Crawl writes
//! them), and any of these gzip-compressed. An unknown extension (and stdin) is
//! sniffed: gzip magic, `WARC/`, a leading `{`, HTML tags near the start, else
//! text. Every document is decoded to UTF-8 (BOM, HTTP header charset,
//! `<meta charset>`, then the chardetng detector) before it leaves this crate.
//!
//! Memory is bounded: files are streamed record by record and line by line, and a
//! document larger than [`IngestOptions::max_doc_bytes`] becomes an error for that
//! document only (a single huge text file is read no further than the limit;
//! decompression stops at a cap, so gzip bombs cost little). Nothing here panics on
//! input; every failure is an [`IngestError`] naming the file (`path:LINE` for
//! JSONL) and, inside containers, the byte offset, and reading goes on with the
//! next record or file. A damaged WARC record or gzip member is reported and the
//! reader resynchronises on the next record.
//!
//! Entry points: [`open`] (paths from the command line, as [`Inputs`]),
//! [`read`] / [`read_format`] (any [`Read`], as [`Documents`]), [`read_bytes`]
//! (bytes in memory), and [`total_size`] for progress bars.
//!
//! Naming: `source` is `path` for a plain file, `path:LINE` for a JSONL line
//! (1-based) and `path@OFFSET` for a WARC record; `source_key` is the URL when
//! known, else the file name without directories plus `#LINE` / `@OFFSET`. For
//! `.warc.gz` the offset is that of the record's gzip member in the compressed
//! file, which is what an HTTP range request needs to fetch the record again.

#![cfg_attr(
    not(test),
    deny(
        clippy::indexing_slicing,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic
    )
)]

mod decode;
mod dispatch;
mod error;
mod gzip;
mod http;
mod jsonl;
mod single;
mod sniff;
mod source;
mod walk;
mod warc;

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

pub use error::{ErrorKind, IngestError, IngestStats};
pub use sniff::Format;

use dispatch::{DocIter, dispatch};
use error::Counters;
use single::Ctx;
use source::{Counted, Source};
use walk::{Entry, Walker};

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
    /// When the page was fetched (WARC `WARC-Date`, JSONL `crawled`). Not the
    /// publication date: the extractor uses it as the reference date for printed
    /// dates without a year and for relative dates ("kemarin").
    pub crawled: Option<String>,
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

impl RawDoc {
    /// A plain-text page already in memory (a test fixture, a benchmark input), named
    /// `source`, crawled on `crawled` (`YYYY-MM-DD`, the reference date for printed
    /// dates without a year) when given.
    pub fn plain_text(source: &str, text: String, crawled: Option<&str>) -> RawDoc {
        RawDoc {
            source: source.to_string(),
            source_key: source.to_string(),
            url: None,
            offset: None,
            kind: DocKind::Text,
            text,
            encoding: "UTF-8",
            hints: DocHints {
                crawled: crawled.map(str::to_string),
                ..DocHints::default()
            },
        }
    }
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

/// The paths given on the command line, expanded into documents lazily.
///
/// Directories are walked recursively in sorted order, skipping dotfiles; `-` is
/// stdin. Nothing is opened until the iterator is advanced, and one file is open
/// at a time.
pub fn open(paths: &[PathBuf], options: &IngestOptions) -> Inputs {
    Inputs {
        walker: Walker::new(paths),
        options: options.clone(),
        current: None,
        counters: Arc::new(Counters::default()),
    }
}

/// Total size in bytes of the files under `paths` (stdin counts 0), for progress bars.
///
/// Walks directories exactly as [`open`] does. Compressed files count their
/// compressed size, matching what [`IngestOptions::progress`] reports.
pub fn total_size(paths: &[PathBuf]) -> u64 {
    walk::total_size(paths)
}

/// Iterator over the documents of all inputs, in a stable order.
///
/// Yields an [`IngestError`] for every input or record that fails and goes on
/// with the next one; it never stops early because of bad input.
pub struct Inputs {
    walker: Walker,
    options: IngestOptions,
    current: Option<CurrentFile>,
    counters: Arc<Counters>,
}

/// The file being read by [`Inputs`].
struct CurrentFile {
    docs: DocIter<'static>,
    /// Bytes read from this file so far.
    tally: Arc<AtomicU64>,
    /// Its size, to top up progress for bytes never read (a skipped huge file).
    size: Option<u64>,
}

impl Inputs {
    /// What has been read, produced and skipped so far.
    pub fn stats(&self) -> IngestStats {
        self.counters.snapshot()
    }

    /// Close the current file, counting its unread remainder as consumed so a
    /// progress bar based on [`total_size`] reaches its end.
    fn finish_current(&mut self) {
        if let Some(cur) = self.current.take()
            && let (Some(size), Some(progress)) = (cur.size, &self.options.progress)
        {
            let read = cur.tally.load(Ordering::Relaxed);
            if size > read {
                progress.fetch_add(size - read, Ordering::Relaxed);
            }
        }
    }

    /// Open one walked entry.
    fn open_path(&self, path: &Path) -> CurrentFile {
        let tally = Arc::new(AtomicU64::new(0));
        let progress = self.options.progress.clone();
        Counters::bump(&self.counters.files);
        if path.as_os_str() == "-" {
            let reader = Counted::new(std::io::stdin(), progress, tally.clone());
            let ctx = self.ctx("-".into(), "-".into(), None);
            return CurrentFile {
                docs: dispatch(
                    Source::new(reader),
                    ctx,
                    sniff::NameHint::default(),
                    None,
                    0,
                ),
                tally,
                size: None,
            };
        }
        let name = path.display().to_string();
        let file = match File::open(path) {
            Ok(f) => f,
            Err(e) => {
                return CurrentFile {
                    docs: Box::new(std::iter::once(Err(IngestError::io(name, None, &e)))),
                    tally,
                    size: None,
                };
            }
        };
        let size = file.metadata().ok().map(|m| m.len());
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| name.clone());
        let hint = sniff::name_hint(&file_name);
        let ctx = self.ctx(name, file_name, size);
        let reader = Counted::new(file, progress, tally.clone());
        CurrentFile {
            docs: dispatch(Source::new(reader), ctx, hint, None, 0),
            tally,
            size,
        }
    }

    fn ctx(&self, source: String, file_name: String, file_size: Option<u64>) -> Ctx {
        Ctx {
            source,
            file_name,
            max: self.options.max_doc_bytes,
            file_size,
            gzip: false,
            counters: self.counters.clone(),
        }
    }
}

impl Iterator for Inputs {
    type Item = Result<RawDoc, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(cur) = &mut self.current {
                if let Some(item) = cur.docs.next() {
                    count(&self.counters, &item);
                    return Some(item);
                }
                self.finish_current();
            }
            match self.walker.next()? {
                Entry::File(path) => self.current = Some(self.open_path(&path)),
                Entry::Error(path, e) => {
                    let item = Err(IngestError::io(path.display().to_string(), None, &e));
                    count(&self.counters, &item);
                    return Some(item);
                }
            }
        }
    }
}

fn count(counters: &Counters, item: &Result<RawDoc, IngestError>) {
    match item {
        Ok(_) => Counters::bump(&counters.documents),
        Err(_) => Counters::bump(&counters.errors),
    }
}

/// The documents of one stream, produced lazily by the reader for its format.
///
/// Returned by [`read`] and [`read_format`]; the reader behind it is any
/// [`Read`] (a file, stdin, a byte slice, a network stream).
pub struct Documents<'a> {
    inner: DocIter<'a>,
    counters: Arc<Counters>,
}

impl Documents<'_> {
    /// What has been produced and skipped so far.
    pub fn stats(&self) -> IngestStats {
        self.counters.snapshot()
    }
}

impl Iterator for Documents<'_> {
    type Item = Result<RawDoc, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        let item = self.inner.next()?;
        count(&self.counters, &item);
        Some(item)
    }
}

impl std::fmt::Debug for Documents<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Documents")
            .field("stats", &self.stats())
            .finish()
    }
}

impl std::fmt::Debug for Inputs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Inputs")
            .field("stats", &self.stats())
            .finish()
    }
}

/// Read one stream named `name`, detecting its format from the name's extension
/// and, when that says nothing, from the content (gzip is always detected by its
/// magic bytes). `name` is used in `source`, `source_key` and errors.
///
/// The first kilobyte is read immediately (to sniff); the rest as the returned
/// iterator is advanced.
pub fn read<'a, R: Read + Send + 'a>(
    name: &str,
    reader: R,
    options: &IngestOptions,
) -> Documents<'a> {
    read_format(name, None, reader, options)
}

/// Like [`read`], but with the format given (`None`: detect). Gzip compression is
/// still detected by its magic bytes, so `Some(Format::Warc)` reads `.warc.gz` too.
pub fn read_format<'a, R: Read + Send + 'a>(
    name: &str,
    format: Option<Format>,
    reader: R,
    options: &IngestOptions,
) -> Documents<'a> {
    let counters = Arc::new(Counters::default());
    Counters::bump(&counters.files);
    let file_name = Path::new(name)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.to_string());
    let hint = sniff::name_hint(&file_name);
    let ctx = Ctx {
        source: name.to_string(),
        file_name,
        max: options.max_doc_bytes,
        file_size: None,
        gzip: false,
        counters: counters.clone(),
    };
    let reader = Counted::new(
        reader,
        options.progress.clone(),
        Arc::new(AtomicU64::new(0)),
    );
    Documents {
        inner: dispatch(Source::new(reader), ctx, hint, format, 0),
        counters,
    }
}

/// Read a whole in-memory input (format from `name` and content, as [`read`]).
///
/// Convenient for tests, fuzzing and callers that already hold the bytes.
pub fn read_bytes(
    name: &str,
    bytes: &[u8],
    options: &IngestOptions,
) -> Vec<Result<RawDoc, IngestError>> {
    read(name, bytes, options).collect()
}
