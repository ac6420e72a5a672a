//! Files that hold one document: `.txt` and `.html` (possibly gzip-compressed).

use std::io::Read;
use std::sync::Arc;

use crate::error::{Counters, ErrorKind, IngestError};
use crate::source::Source;
use crate::{DocHints, DocKind, RawDoc};

/// What every reader needs to know about the input it is reading.
#[derive(Debug, Clone)]
pub(crate) struct Ctx {
    /// Display name of the input: its path, or `-`.
    pub source: String,
    /// File name without directories, the base of `source_key`.
    pub file_name: String,
    /// [`crate::IngestOptions::max_doc_bytes`].
    pub max: usize,
    /// Size of the file on disk when it is read uncompressed (for messages).
    pub file_size: Option<u64>,
    /// The bytes come out of a gzip decoder (errors are gzip damage, skips are capped).
    pub gzip: bool,
    /// Statistics shared with the caller.
    pub counters: Arc<Counters>,
}

impl Ctx {
    /// How far a reader may skip over unwanted bytes of a decompressed stream
    /// before giving up on it (decompression-bomb guard): four documents' worth
    /// plus 1 MiB. `None` for plain files, whose size the disk bounds.
    pub fn skip_cap(&self) -> Option<u64> {
        self.gzip
            .then(|| (self.max as u64).saturating_mul(4).saturating_add(1 << 20))
    }
}

/// Read the whole stream as one document of `kind`, reading at most
/// `max_doc_bytes + 1` bytes.
pub(crate) fn read_single<R: Read>(
    src: &mut Source<R>,
    ctx: &Ctx,
    kind: DocKind,
) -> Result<RawDoc, IngestError> {
    let capacity = ctx
        .file_size
        .and_then(|s| usize::try_from(s).ok())
        .unwrap_or(64 * 1024)
        .min(ctx.max.saturating_add(1))
        .min(64 << 20);
    let mut bytes = Vec::with_capacity(capacity);
    let limit = ctx.max.saturating_add(1);
    loop {
        let want = limit.saturating_sub(bytes.len());
        if want == 0 {
            break;
        }
        match src.take_into(want, &mut bytes) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => return Err(stream_error(ctx, &e)),
        }
    }
    if bytes.len() > ctx.max {
        return Err(IngestError::too_large(
            ctx.source.clone(),
            None,
            ctx.file_size,
            ctx.max,
        ));
    }
    if bytes.is_empty() {
        return Err(IngestError::new(
            ErrorKind::Empty,
            ctx.source.clone(),
            None,
            "empty file",
        ));
    }
    if crate::sniff::looks_binary(&bytes) {
        return Err(IngestError::new(
            ErrorKind::Binary,
            ctx.source.clone(),
            None,
            "binary content (NUL bytes or control characters), not text or HTML",
        ));
    }
    let (text, encoding) = crate::decode::decode(bytes, None, kind == DocKind::Html, None);
    Ok(RawDoc {
        source: ctx.source.clone(),
        source_key: ctx.file_name.clone(),
        url: None,
        offset: None,
        kind,
        text,
        encoding,
        hints: DocHints::default(),
    })
}

/// Turn a read failure into an error, naming gzip damage as such.
pub(crate) fn stream_error(ctx: &Ctx, e: &std::io::Error) -> IngestError {
    if ctx.gzip {
        IngestError::new(
            ErrorKind::Corrupt,
            ctx.source.clone(),
            None,
            format!("corrupt or truncated gzip data: {e}"),
        )
    } else {
        IngestError::io(ctx.source.clone(), None, e)
    }
}
