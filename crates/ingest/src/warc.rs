//! WARC records (ISO 28500, versions 1.0 and 1.1) as Common Crawl writes them.
//!
//! Only `response` records whose HTTP payload is HTML (or `text/plain`) with a 2xx
//! status become documents; every other record (`request`, `metadata`,
//! `warcinfo`, `revisit`, images, redirects…) is skipped without an error and
//! counted in [`crate::IngestStats::skipped_records`]. Records are read one at a
//! time; a record's block is only held in memory when it is a document no larger
//! than `max_doc_bytes`, and skipped blocks are streamed past.
//!
//! A damaged record (bad version line, missing `Content-Length`, block that does
//! not end where its `Content-Length` says) is reported with its offset, and the
//! reader goes back to just after the record's start and scans for the next line
//! starting with `WARC/1.`, so a wrong length cannot swallow the next record.
//! [`read_record`] is shared with the `.warc.gz` reader in [`crate::gzip`], which
//! runs it over each decompressed gzip member.

use std::io::{self, BufRead, Read};

use crate::error::{Counters, ErrorKind, IngestError};
use crate::http::{ContentError, HttpHead};
use crate::single::Ctx;
use crate::source::{LineRead, Source};
use crate::{DocHints, DocKind, RawDoc};

/// Longest WARC or HTTP header line accepted.
const MAX_LINE: usize = 64 * 1024;
/// Most header bytes accepted for one WARC record (and, separately, for its HTTP head).
const MAX_HEAD: u64 = 256 * 1024;
/// Most bytes reserved up front for a body (it grows past this as bytes arrive).
const PREALLOC: usize = 1 << 20;
/// How many bytes of a body are sniffed when the HTTP head names no media type.
const SNIFF_BODY: usize = 1024;

/// What reading one record produced.
#[derive(Debug)]
pub(crate) enum Outcome {
    /// No more records.
    Eof,
    /// A document.
    Doc(RawDoc),
    /// A record that holds no document, skipped on purpose.
    Skipped,
    /// A record that could not become a document; the stream is still in step.
    Failed(IngestError),
    /// A damaged record; the caller must rewind and resynchronise.
    Corrupt(IngestError),
    /// Inside a gzip member, a skip would pass the decompression cap: the caller
    /// must abandon the member and resynchronise on the compressed stream.
    Abandon(IngestError),
}

/// The WARC header fields this reader uses.
#[derive(Debug, Default)]
struct WarcHead {
    warc_type: Option<String>,
    content_length: Option<Result<u64, String>>,
    target_uri: Option<String>,
    date: Option<String>,
    content_type: Option<String>,
}

impl WarcHead {
    fn field(&mut self, line: &[u8]) {
        let text = String::from_utf8_lossy(line);
        let Some((name, value)) = text.split_once(':') else {
            return;
        };
        let name = name.trim();
        let value = value.trim().to_string();
        if name.eq_ignore_ascii_case("WARC-Type") {
            self.warc_type = Some(value);
        } else if name.eq_ignore_ascii_case("Content-Length") {
            self.content_length = Some(value.parse::<u64>().map_err(|_| value));
        } else if name.eq_ignore_ascii_case("WARC-Target-URI") {
            // WARC 1.0 drafts wrote the URI in angle brackets.
            let uri = value.trim_start_matches('<').trim_end_matches('>').trim();
            self.target_uri = (!uri.is_empty()).then(|| uri.to_string());
        } else if name.eq_ignore_ascii_case("WARC-Date") {
            self.date = (!value.is_empty()).then_some(value);
        } else if name.eq_ignore_ascii_case("Content-Type") {
            self.content_type = Some(value);
        }
    }
}

/// Consume the blank lines that separate records.
fn skip_blank<R: Read>(src: &mut Source<R>) -> io::Result<()> {
    loop {
        let buf = src.fill_buf()?;
        let n = buf
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
        let all = n == buf.len() && n > 0;
        src.consume(n);
        if !all {
            return Ok(());
        }
    }
}

/// After a block: the record must end here with `\r\n\r\n` (also accepted: a
/// lone `\n\n`, one line break before the next record or the end, the end of
/// the stream, or the next `WARC/` line right away). Anything else means the
/// `Content-Length` was wrong.
fn record_end_ok<R: Read>(src: &mut Source<R>) -> io::Result<bool> {
    let next = src.peek(9)?;
    let ok = next.is_empty()
        || next.starts_with(b"\r\n\r\n")
        || next.starts_with(b"\n\n")
        || next.starts_with(b"WARC/")
        || [&b"\r\n"[..], b"\n"].iter().any(|br| {
            next.strip_prefix(*br)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(b"WARC/"))
        });
    if ok {
        skip_blank(src)?;
    }
    Ok(ok)
}

/// Read the next record from `src`.
///
/// `fixed_offset` is the offset reported for the record (the gzip member's offset
/// for `.warc.gz`); `None` uses the record's own offset in `src`. On
/// [`Outcome::Corrupt`] the mark set at the record's start is still in place, so
/// the caller can rewind to just after it.
pub(crate) fn read_record<R: Read>(
    src: &mut Source<R>,
    ctx: &Ctx,
    fixed_offset: Option<u64>,
    line: &mut Vec<u8>,
) -> io::Result<Outcome> {
    skip_blank(src)?;
    if src.at_eof()? {
        return Ok(Outcome::Eof);
    }
    let start = src.offset();
    let offset = fixed_offset.unwrap_or(start);
    src.set_mark();
    let corrupt = |msg: String| {
        Outcome::Corrupt(IngestError::new(
            ErrorKind::Corrupt,
            ctx.source.clone(),
            Some(offset),
            format!("corrupt WARC record: {msg}"),
        ))
    };

    // Version line and header fields.
    match src.read_line(line, MAX_LINE, Some(MAX_LINE as u64))? {
        LineRead::Line if line.starts_with(b"WARC/") => {}
        _ => return Ok(corrupt("expected a `WARC/1.x` version line".into())),
    }
    let mut head = WarcHead::default();
    loop {
        if src.offset().saturating_sub(start) > MAX_HEAD {
            return Ok(corrupt(format!("header longer than {MAX_HEAD} bytes")));
        }
        match src.read_line(line, MAX_LINE, Some(MAX_LINE as u64))? {
            LineRead::Eof => return Ok(corrupt("truncated header".into())),
            LineRead::TooLong { .. } => {
                return Ok(corrupt(format!("header line longer than {MAX_LINE} bytes")));
            }
            LineRead::Line => {}
        }
        let l = trim_cr(line);
        if l.is_empty() {
            break;
        }
        head.field(l);
    }
    let len = match head.content_length.take() {
        Some(Ok(n)) => n,
        Some(Err(v)) => return Ok(corrupt(format!("bad Content-Length `{v}`"))),
        None => return Ok(corrupt("missing Content-Length".into())),
    };

    let is_response = head
        .warc_type
        .as_deref()
        .is_some_and(|t| t.eq_ignore_ascii_case("response"));
    let is_http = match head.content_type.as_deref() {
        Some(ct) => ct.to_ascii_lowercase().starts_with("application/http"),
        None => src.peek(5)? == b"HTTP/",
    };
    if !is_response || !is_http {
        return skip_rest(src, ctx, offset, len, Outcome::Skipped);
    }

    // The HTTP response head.
    let block_start = src.offset();
    let mut http = HttpHead::default();
    if len >= 5 && src.peek(5)? == b"HTTP/" {
        let mut first = true;
        loop {
            let used = src.offset().saturating_sub(block_start);
            if used > MAX_HEAD {
                let failed = IngestError::new(
                    ErrorKind::Corrupt,
                    ctx.source.clone(),
                    Some(offset),
                    format!("HTTP header longer than {MAX_HEAD} bytes"),
                );
                return skip_rest(
                    src,
                    ctx,
                    offset,
                    len.saturating_sub(used),
                    Outcome::Failed(failed),
                );
            }
            if used >= len {
                // The block ended inside the HTTP head: no body.
                break;
            }
            match src.read_line(line, MAX_LINE, Some(MAX_LINE as u64))? {
                LineRead::Line => {}
                LineRead::Eof => return Ok(corrupt("truncated HTTP header".into())),
                LineRead::TooLong { .. } => {
                    return Ok(corrupt(format!(
                        "HTTP header line longer than {MAX_LINE} bytes"
                    )));
                }
            }
            let l = trim_cr(line);
            if first {
                http.status_line(l);
                first = false;
            } else if l.is_empty() {
                break;
            } else {
                http.header_line(l);
            }
        }
    }
    let used = src.offset().saturating_sub(block_start);
    if used > len {
        return Ok(corrupt(format!(
            "HTTP header runs past the record's Content-Length {len}"
        )));
    }
    let remaining = len - used;
    if http.status.is_some_and(|s| !(200..300).contains(&s)) {
        return skip_rest(src, ctx, offset, remaining, Outcome::Skipped);
    }
    let kind = match http.media_type.as_deref() {
        Some(m) => crate::http::doc_kind_of(m),
        None => {
            let n = usize::try_from(remaining)
                .unwrap_or(usize::MAX)
                .min(SNIFF_BODY);
            crate::sniff::looks_like_html(src.peek(n)?).then_some(DocKind::Html)
        }
    };
    let Some(kind) = kind else {
        return skip_rest(src, ctx, offset, remaining, Outcome::Skipped);
    };
    if remaining > ctx.max as u64 {
        let failed =
            IngestError::too_large(ctx.source.clone(), Some(offset), Some(remaining), ctx.max);
        return skip_rest(src, ctx, offset, remaining, Outcome::Failed(failed));
    }

    // The body: at most max_doc_bytes, checked above.
    let want = usize::try_from(remaining).unwrap_or(usize::MAX);
    // Grown as bytes arrive: a lying Content-Length must not reserve memory.
    let mut body = Vec::with_capacity(want.min(PREALLOC));
    let got = src.take_into(want, &mut body)?;
    if got < want {
        return Ok(corrupt(format!(
            "truncated: block ends after {} of {len} bytes",
            used.saturating_add(got as u64)
        )));
    }
    if !record_end_ok(src)? {
        return Ok(corrupt(format!(
            "block does not end where Content-Length {len} says"
        )));
    }
    src.clear_mark();
    Ok(make_doc(ctx, offset, head, http, kind, body))
}

/// Skip the rest of a block, check the record end, and return `then`.
fn skip_rest<R: Read>(
    src: &mut Source<R>,
    ctx: &Ctx,
    offset: u64,
    n: u64,
    then: Outcome,
) -> io::Result<Outcome> {
    if let Some(cap) = ctx.skip_cap()
        && n > cap
    {
        let mut err = match then {
            Outcome::Failed(e) => e,
            _ => IngestError::new(
                ErrorKind::TooLarge,
                ctx.source.clone(),
                Some(offset),
                format!("record of {n} bytes"),
            ),
        };
        err.message.push_str(&format!(
            "; too large to skip inside a gzip member (cap {cap} bytes), \
             resuming at the next gzip member"
        ));
        return Ok(Outcome::Abandon(err));
    }
    let skipped = src.discard(n)?;
    let corrupt = |msg: String| {
        Outcome::Corrupt(IngestError::new(
            ErrorKind::Corrupt,
            ctx.source.clone(),
            Some(offset),
            format!("corrupt WARC record: {msg}"),
        ))
    };
    if skipped < n {
        return Ok(corrupt(format!(
            "truncated: block is {skipped} bytes short"
        )));
    }
    if !record_end_ok(src)? {
        return Ok(corrupt(
            "block does not end where its Content-Length says".into(),
        ));
    }
    src.clear_mark();
    Ok(then)
}

/// Turn a response body into a document (or the reason it is not one).
fn make_doc(
    ctx: &Ctx,
    offset: u64,
    head: WarcHead,
    http: HttpHead,
    kind: DocKind,
    body: Vec<u8>,
) -> Outcome {
    let fail = |kind: ErrorKind, msg: String| {
        Outcome::Failed(IngestError::new(
            kind,
            ctx.source.clone(),
            Some(offset),
            msg,
        ))
    };
    let body = if http.chunked {
        crate::http::dechunk(&body).unwrap_or(body)
    } else {
        body
    };
    let body = match crate::http::decode_content(body, &http.content_encoding, ctx.max) {
        Ok(b) => b,
        Err(e @ ContentError::TooLarge(_)) => return fail(ErrorKind::TooLarge, e.to_string()),
        Err(e @ ContentError::Unsupported(_)) => {
            return fail(ErrorKind::Unsupported, e.to_string());
        }
        Err(e @ ContentError::Corrupt { .. }) => return fail(ErrorKind::Corrupt, e.to_string()),
    };
    if body.iter().all(u8::is_ascii_whitespace) {
        return Outcome::Skipped;
    }
    if crate::sniff::looks_binary(&body) {
        return fail(
            ErrorKind::Binary,
            "binary content (NUL bytes or control characters) in an HTML/text response".into(),
        );
    }
    let url = head.target_uri;
    let (text, encoding) = crate::decode::decode(
        body,
        http.charset.as_deref(),
        kind == DocKind::Html,
        url.as_deref(),
    );
    let source_key = url
        .clone()
        .unwrap_or_else(|| format!("{}@{offset}", ctx.file_name));
    Outcome::Doc(RawDoc {
        source: format!("{}@{offset}", ctx.source),
        source_key,
        url,
        offset: Some(offset),
        kind,
        text,
        encoding,
        hints: DocHints {
            lang: http.language,
            crawled: head.date,
            ..DocHints::default()
        },
    })
}

fn trim_cr(line: &[u8]) -> &[u8] {
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// How a resynchronisation scan ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Resync {
    /// Positioned at a `WARC/1.x` version line.
    Found,
    /// The stream ended first.
    Eof,
    /// Scanned `cap` bytes without finding one.
    CapHit,
}

/// True when `bytes` start with a version line: `WARC/1.` + digit + line break.
fn is_version_line(bytes: &[u8]) -> bool {
    bytes.strip_prefix(b"WARC/1.").is_some_and(|rest| {
        rest.first().is_some_and(u8::is_ascii_digit)
            && rest
                .get(1..)
                .is_some_and(|r| r.starts_with(b"\r\n") || r.starts_with(b"\n"))
    })
}

/// Scan forward to the next `WARC/1.x` version line.
///
/// The version line is looked for anywhere, not only at a line start: when a
/// record was cut short, the next record starts in the middle of a line.
pub(crate) fn resync_lines<R: Read>(src: &mut Source<R>, cap: Option<u64>) -> io::Result<Resync> {
    let start = src.offset();
    loop {
        if cap.is_some_and(|c| src.offset().saturating_sub(start) > c) {
            return Ok(Resync::CapHit);
        }
        let buf = src.fill_buf()?;
        if buf.is_empty() {
            return Ok(Resync::Eof);
        }
        match memchr::memchr(b'W', buf) {
            Some(i) => {
                src.consume(i);
                if is_version_line(src.peek(10)?) {
                    return Ok(Resync::Found);
                }
                src.consume(1);
            }
            None => {
                let n = buf.len();
                src.consume(n);
            }
        }
    }
}

/// Iterator over the documents of an uncompressed WARC stream.
pub(crate) struct WarcReader<R> {
    src: Source<R>,
    ctx: Ctx,
    line: Vec<u8>,
    resync: bool,
    done: bool,
}

impl<R: Read> WarcReader<R> {
    pub fn new(src: Source<R>, ctx: Ctx) -> Self {
        WarcReader {
            src,
            ctx,
            line: Vec::new(),
            resync: false,
            done: false,
        }
    }

    fn fail_io(&mut self, e: &io::Error) -> Option<Result<RawDoc, IngestError>> {
        self.done = true;
        Some(Err(
            crate::single::stream_error(&self.ctx, e).at(self.src.offset())
        ))
    }
}

impl<R: Read> Iterator for WarcReader<R> {
    type Item = Result<RawDoc, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.done {
                return None;
            }
            if self.resync {
                self.resync = false;
                match resync_lines(&mut self.src, None) {
                    Ok(Resync::Found) => {}
                    Ok(_) => {
                        self.done = true;
                        return None;
                    }
                    Err(e) => return self.fail_io(&e),
                }
            }
            match read_record(&mut self.src, &self.ctx, None, &mut self.line) {
                Err(e) => return self.fail_io(&e),
                Ok(Outcome::Eof) => {
                    self.done = true;
                    return None;
                }
                Ok(Outcome::Doc(d)) => return Some(Ok(d)),
                Ok(Outcome::Skipped) => Counters::bump(&self.ctx.counters.skipped),
                Ok(Outcome::Failed(e)) => return Some(Err(e)),
                Ok(Outcome::Corrupt(e) | Outcome::Abandon(e)) => {
                    self.src.rewind_past_mark(1);
                    self.resync = true;
                    return Some(Err(e));
                }
            }
        }
    }
}

impl IngestError {
    /// The same error with its offset set (when it had none).
    pub(crate) fn at(mut self, offset: u64) -> IngestError {
        self.offset.get_or_insert(offset);
        self
    }
}
