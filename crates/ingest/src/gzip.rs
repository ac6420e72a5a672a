//! `.warc.gz` read gzip member by gzip member, and helpers for other gzip input.
//!
//! Common Crawl compresses each WARC record as its own gzip member so that a
//! record can be fetched alone with an HTTP byte range. Users need the offset of
//! the *member* in the compressed file, which `MultiGzDecoder` hides; so members
//! are decoded one at a time with [`flate2::bufread::GzDecoder`], which stops at
//! the end of its member and leaves the underlying [`Source`] positioned exactly
//! at the next one, whose offset is then known.
//!
//! A damaged member (bad header, corrupt deflate data, CRC mismatch, truncation)
//! is reported at its offset; the reader then goes back to just after the
//! member's first byte and scans for the next gzip magic `1f 8b 08`, accepting a
//! candidate only if it decompresses to `WARC/` (the magic bytes also occur by
//! chance inside compressed data).

use std::io::{self, BufRead, Read};
use std::mem;

use flate2::bufread::GzDecoder;

use crate::RawDoc;
use crate::error::{Counters, ErrorKind, IngestError};
use crate::single::Ctx;
use crate::source::Source;
use crate::warc::{Outcome, Resync, read_record, resync_lines};

/// Compressed bytes handed to a trial decompression.
pub(crate) const TRIAL_WINDOW: usize = 64 * 1024;

/// Decompress the start of the gzip member at the beginning of `window`, up to
/// `n` bytes; damaged or short input yields what could be decoded.
pub(crate) fn trial_gunzip(window: &[u8], n: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(n);
    let mut dec = GzDecoder::new(window).take(n as u64);
    let mut chunk = [0u8; 512];
    loop {
        match dec.read(&mut chunk) {
            Ok(0) | Err(_) => break,
            Ok(k) => out.extend_from_slice(chunk.get(..k).unwrap_or_default()),
        }
    }
    out
}

/// Scan forward in a compressed stream to the next gzip member that starts a WARC
/// record. Returns false at end of stream.
pub(crate) fn resync_gzip<R: Read>(src: &mut Source<R>) -> io::Result<bool> {
    loop {
        let buf = src.fill_buf()?;
        if buf.is_empty() {
            return Ok(false);
        }
        match memchr::memchr(0x1f, buf) {
            None => {
                let n = buf.len();
                src.consume(n);
                continue;
            }
            Some(i) => src.consume(i),
        }
        let head = src.peek(4)?;
        let plausible = head.get(1) == Some(&0x8b)
            && head.get(2) == Some(&8)
            && head.get(3).is_some_and(|flags| flags & 0xe0 == 0);
        if plausible && trial_gunzip(src.peek(TRIAL_WINDOW)?, 5) == b"WARC/" {
            return Ok(true);
        }
        src.consume(1);
    }
}

/// Where the member-by-member reader is.
enum State<R> {
    /// Between members, on the compressed stream.
    Between(Source<R>),
    /// Inside the member that starts at `start`.
    Member {
        start: u64,
        inner: Box<Source<GzDecoder<Source<R>>>>,
    },
    /// Finished.
    Done,
}

/// Iterator over the documents of a `.warc.gz` stream (one or more records per member).
pub(crate) struct WarcGzReader<R> {
    state: State<R>,
    ctx: Ctx,
    line: Vec<u8>,
    /// Scan for the next verified member before reading on.
    resync: bool,
    /// The decompressed-side buffer, kept between members.
    spare: Vec<u8>,
}

impl<R: Read> WarcGzReader<R> {
    /// `src` must be positioned at the first member; `ctx.gzip` should be set.
    pub fn new(src: Source<R>, ctx: Ctx) -> Self {
        WarcGzReader {
            state: State::Between(src),
            ctx,
            line: Vec::new(),
            resync: false,
            spare: Vec::new(),
        }
    }

    /// Leave the current member: keep its buffer, return the compressed stream.
    fn leave(&mut self, inner: Source<GzDecoder<Source<R>>>) -> Source<R> {
        let (decoder, buf) = inner.into_parts();
        self.spare = buf;
        decoder.into_inner()
    }

    fn error(&self, kind: ErrorKind, offset: u64, msg: String) -> IngestError {
        IngestError::new(kind, self.ctx.source.clone(), Some(offset), msg)
    }
}

impl<R: Read> Iterator for WarcGzReader<R> {
    type Item = Result<RawDoc, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match mem::replace(&mut self.state, State::Done) {
                State::Done => return None,
                State::Between(mut outer) => {
                    if mem::take(&mut self.resync) {
                        match resync_gzip(&mut outer) {
                            Ok(true) => {}
                            Ok(false) => return None,
                            Err(e) => {
                                let at = outer.offset();
                                return Some(Err(IngestError::io(
                                    self.ctx.source.clone(),
                                    Some(at),
                                    &e,
                                )));
                            }
                        }
                    }
                    let start = outer.offset();
                    let magic = match outer.peek(2) {
                        Ok(m) => m,
                        Err(e) => {
                            return Some(Err(IngestError::io(
                                self.ctx.source.clone(),
                                Some(start),
                                &e,
                            )));
                        }
                    };
                    if magic.is_empty() {
                        return None;
                    }
                    if !crate::sniff::is_gzip(magic) {
                        self.resync = true;
                        self.state = State::Between(outer);
                        return Some(Err(self.error(
                            ErrorKind::Corrupt,
                            start,
                            "expected a gzip member (1f 8b); skipping to the next one".into(),
                        )));
                    }
                    outer.set_mark();
                    self.state = State::Member {
                        start,
                        inner: Box::new(Source::with_buffer(
                            GzDecoder::new(outer),
                            mem::take(&mut self.spare),
                        )),
                    };
                }
                State::Member { start, mut inner } => {
                    let read = read_record(&mut inner, &self.ctx, Some(start), &mut self.line);
                    match read {
                        Ok(Outcome::Eof) => {
                            let mut outer = self.leave(*inner);
                            outer.clear_mark();
                            self.state = State::Between(outer);
                        }
                        Ok(Outcome::Doc(d)) => {
                            self.state = State::Member { start, inner };
                            return Some(Ok(d));
                        }
                        Ok(Outcome::Skipped) => {
                            Counters::bump(&self.ctx.counters.skipped);
                            self.state = State::Member { start, inner };
                        }
                        Ok(Outcome::Failed(e)) => {
                            self.state = State::Member { start, inner };
                            return Some(Err(e));
                        }
                        Ok(Outcome::Corrupt(e)) => {
                            // A damaged record inside an intact member: look for another
                            // record in the same member, within the skip cap.
                            inner.rewind_past_mark(1);
                            match resync_lines(&mut inner, self.ctx.skip_cap()) {
                                Ok(Resync::Found) => self.state = State::Member { start, inner },
                                Ok(Resync::Eof) => {
                                    let mut outer = self.leave(*inner);
                                    outer.clear_mark();
                                    self.state = State::Between(outer);
                                }
                                Ok(Resync::CapHit) => {
                                    let mut outer = self.leave(*inner);
                                    outer.clear_mark();
                                    self.resync = true;
                                    self.state = State::Between(outer);
                                }
                                Err(_) => {
                                    // The member itself is damaged too.
                                    let mut outer = self.leave(*inner);
                                    outer.rewind_past_mark(1);
                                    self.resync = true;
                                    self.state = State::Between(outer);
                                }
                            }
                            return Some(Err(e));
                        }
                        Ok(Outcome::Abandon(e)) => {
                            let mut outer = self.leave(*inner);
                            outer.clear_mark();
                            self.resync = true;
                            self.state = State::Between(outer);
                            return Some(Err(e));
                        }
                        Err(e) => {
                            let mut outer = self.leave(*inner);
                            outer.rewind_past_mark(1);
                            self.resync = true;
                            self.state = State::Between(outer);
                            return Some(Err(self.error(
                                ErrorKind::Corrupt,
                                start,
                                format!("corrupt or truncated gzip member: {e}"),
                            )));
                        }
                    }
                }
            }
        }
    }
}
