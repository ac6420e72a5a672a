//! Choosing the reader for one input: gzip layers, then the format from the file
//! name or, failing that, from the content.

use std::io::Read;

use crate::error::{ErrorKind, IngestError};
use crate::gzip::{TRIAL_WINDOW, WarcGzReader, trial_gunzip};
use crate::jsonl::JsonlReader;
use crate::single::{Ctx, read_single, stream_error};
use crate::sniff::{Format, NameHint, is_gzip, sniff};
use crate::source::Source;
use crate::warc::WarcReader;
use crate::{DocKind, RawDoc};

/// A boxed stream of documents, the common type of all readers.
pub(crate) type DocIter<'a> = Box<dyn Iterator<Item = Result<RawDoc, IngestError>> + Send + 'a>;

/// Bytes looked at to sniff a format.
const SNIFF_LEN: usize = 1024;

/// Gzip layers unwrapped at most (`.gz.gz` is fine, deeper nesting is refused).
const MAX_GZIP_DEPTH: u8 = 2;

fn one<'a>(item: Result<RawDoc, IngestError>) -> DocIter<'a> {
    Box::new(std::iter::once(item))
}

/// Pick the reader for `src`. `forced` overrides the name hint; gzip is always
/// recognised by its magic bytes, whatever the name says.
pub(crate) fn dispatch<'a, R: Read + Send + 'a>(
    mut src: Source<R>,
    ctx: Ctx,
    hint: NameHint,
    forced: Option<Format>,
    depth: u8,
) -> DocIter<'a> {
    let head = match src.peek(SNIFF_LEN) {
        Ok(h) => h.to_vec(),
        Err(e) => return one(Err(stream_error(&ctx, &e))),
    };
    if head.is_empty() {
        return one(Err(IngestError::new(
            ErrorKind::Empty,
            ctx.source.clone(),
            None,
            if depth > 0 {
                "empty file (after gzip decompression)"
            } else {
                "empty file"
            },
        )));
    }
    let known = forced.or(hint.format);
    if is_gzip(&head) {
        if depth >= MAX_GZIP_DEPTH {
            return one(Err(IngestError::new(
                ErrorKind::Unsupported,
                ctx.source.clone(),
                None,
                "gzip nested too deeply",
            )));
        }
        let format = match known {
            Some(f) => f,
            None => match src.peek(TRIAL_WINDOW) {
                Ok(window) => sniff(&trial_gunzip(window, SNIFF_LEN)),
                Err(e) => return one(Err(stream_error(&ctx, &e))),
            },
        };
        let ctx = Ctx {
            gzip: true,
            file_size: None,
            ..ctx
        };
        if format == Format::Warc {
            return Box::new(WarcGzReader::new(src, ctx));
        }
        // Boxed so that the recursion has one type (no endless monomorphisation).
        let decoder: Box<dyn Read + Send + 'a> =
            Box::new(flate2::bufread::MultiGzDecoder::new(src));
        let inner = Source::new(decoder);
        let hint = NameHint {
            format: Some(format),
            gzip: false,
        };
        return dispatch(inner, ctx, hint, forced, depth + 1);
    }
    match known.unwrap_or_else(|| sniff(&head)) {
        Format::Text => one(read_single(&mut src, &ctx, DocKind::Text)),
        Format::Html => one(read_single(&mut src, &ctx, DocKind::Html)),
        Format::Jsonl => Box::new(JsonlReader::new(src, ctx)),
        Format::Warc => Box::new(WarcReader::new(src, ctx)),
    }
}
