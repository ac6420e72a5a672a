//! A buffered byte stream with look-ahead, byte offsets and a rewind mark.
//!
//! `std::io::BufReader` cannot peek more than its current buffer nor go back, and
//! both are needed here: sniffing looks at the first kilobyte, and resynchronising
//! after a corrupt WARC record wants to rescan the bytes of the record that just
//! failed (its `Content-Length` may have been wrong and swallowed the next record's
//! start). [`Source`] keeps the bytes since [`Source::set_mark`] (up to
//! [`HISTORY_CAP`]) so [`Source::rewind_past_mark`] can go back to them.

use std::io::{self, BufRead, Read};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Bytes read from the inner reader per refill.
pub(crate) const CHUNK: usize = 256 * 1024;

/// Bytes read by the first refill.
const FIRST_CHUNK: usize = 16 * 1024;

/// How many bytes behind a mark are kept for rewinding; older history is dropped
/// (and the mark with it) so memory stays bounded on huge records.
pub(crate) const HISTORY_CAP: usize = 8 * 1024 * 1024;

/// How one call to [`Source::read_line`] ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineRead {
    /// A line (possibly empty, possibly the last one without `\n`) is in the buffer.
    Line,
    /// No bytes were left.
    Eof,
    /// The line was longer than allowed; it was consumed (to its end when
    /// `complete`, else only up to the skip cap) and `len` bytes were seen.
    TooLong { len: u64, complete: bool },
}

/// Buffered reader with peeking, offsets and a rewind mark. See the module docs.
#[derive(Debug)]
pub(crate) struct Source<R> {
    inner: R,
    buf: Vec<u8>,
    /// Next unread byte in `buf`.
    pos: usize,
    /// End of valid data in `buf`.
    end: usize,
    /// Stream offset of `buf[0]`.
    base: u64,
    /// Index in `buf` of the rewind mark, while its history is held.
    mark: Option<usize>,
    eof: bool,
    /// Current refill size: starts small (tiny inputs and gzip members stay
    /// cheap) and doubles up to [`CHUNK`] as the stream proves long.
    chunk: usize,
    /// A read error met while peeking with bytes still buffered; returned once
    /// those bytes are consumed, so data before a damaged spot is not lost.
    pending: Option<io::Error>,
}

impl<R: Read> Source<R> {
    /// Wrap `inner`; nothing is read until the first call that needs bytes.
    pub fn new(inner: R) -> Source<R> {
        Source {
            inner,
            buf: Vec::new(),
            pos: 0,
            end: 0,
            base: 0,
            mark: None,
            eof: false,
            chunk: FIRST_CHUNK,
            pending: None,
        }
    }

    /// Offset of the next unread byte from the start of the stream.
    pub fn offset(&self) -> u64 {
        self.base.saturating_add(self.pos as u64)
    }

    /// Like [`Source::new`], reusing `buf`'s allocation (its contents are ignored),
    /// so a reader that makes one `Source` per gzip member does not allocate and
    /// zero a fresh buffer each time.
    pub fn with_buffer(inner: R, buf: Vec<u8>) -> Source<R> {
        // The old bytes stay (only `buf[pos..end]` is ever read), which saves
        // zeroing the buffer again.
        let mut s = Source::new(inner);
        s.buf = buf;
        s
    }

    /// Give back the inner reader and the buffer allocation (for [`Source::with_buffer`]).
    pub fn into_parts(self) -> (R, Vec<u8>) {
        (self.inner, self.buf)
    }

    /// Remember the current position so [`Source::rewind_past_mark`] can return to it.
    pub fn set_mark(&mut self) {
        self.mark = Some(self.pos);
    }

    /// Forget the mark, letting its history be dropped.
    pub fn clear_mark(&mut self) {
        self.mark = None;
    }

    /// Go back to `skip` bytes after the mark, if those bytes are still held;
    /// returns false (and stays put) when the history was dropped or `skip` lies
    /// beyond what was read. The mark is cleared either way.
    pub fn rewind_past_mark(&mut self, skip: usize) -> bool {
        let Some(mark) = self.mark.take() else {
            return false;
        };
        match mark.checked_add(skip) {
            Some(p) if p <= self.end && p <= self.pos => {
                self.pos = p;
                true
            }
            _ => false,
        }
    }

    /// Read more bytes from the inner reader, making room for at least `want` more.
    fn read_more(&mut self, want: usize) -> io::Result<()> {
        if let Some(e) = self.pending.take() {
            return Err(e);
        }
        if self.eof {
            return Ok(());
        }
        if let Some(m) = self.mark
            && self.end.saturating_sub(m) > HISTORY_CAP
        {
            self.mark = None;
        }
        let keep = self.mark.unwrap_or(self.pos).min(self.pos);
        let want = want.max(self.chunk);
        self.chunk = self.chunk.saturating_mul(2).min(CHUNK);
        if self.buf.len().saturating_sub(self.end) < want && keep > 0 {
            // Compact: move the kept bytes to the front.
            self.buf.copy_within(keep..self.end, 0);
            self.base = self.base.saturating_add(keep as u64);
            self.pos -= keep;
            self.end -= keep;
            self.mark = self.mark.map(|m| m.saturating_sub(keep));
        }
        if self.buf.len().saturating_sub(self.end) < want {
            let new_len = self
                .end
                .saturating_add(want)
                .max(self.buf.len().saturating_mul(2));
            self.buf.resize(new_len, 0);
        }
        loop {
            let Some(space) = self.buf.get_mut(self.end..) else {
                return Ok(());
            };
            match self.inner.read(space) {
                Ok(0) => {
                    self.eof = true;
                    return Ok(());
                }
                Ok(n) => {
                    self.end = self.end.saturating_add(n).min(self.buf.len());
                    return Ok(());
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        }
    }

    /// The next up to `n` bytes without consuming them (fewer only at end of stream).
    pub fn peek(&mut self, n: usize) -> io::Result<&[u8]> {
        while self.end.saturating_sub(self.pos) < n && !self.eof && self.pending.is_none() {
            let missing = n - (self.end - self.pos);
            if let Err(e) = self.read_more(missing) {
                if self.end > self.pos {
                    self.pending = Some(e);
                    break;
                }
                return Err(e);
            }
        }
        let stop = self.pos.saturating_add(n).min(self.end);
        Ok(self.buf.get(self.pos..stop).unwrap_or_default())
    }

    /// True when no bytes are left.
    pub fn at_eof(&mut self) -> io::Result<bool> {
        Ok(self.fill_buf()?.is_empty())
    }

    /// Read one line (without its `\n`) into `out`, keeping at most `max` bytes.
    ///
    /// A longer line is consumed without being stored; when `skip_cap` is set, the
    /// skipping stops after that many bytes (decompression-bomb guard).
    pub fn read_line(
        &mut self,
        out: &mut Vec<u8>,
        max: usize,
        skip_cap: Option<u64>,
    ) -> io::Result<LineRead> {
        out.clear();
        let mut len: u64 = 0;
        let mut too_long = false;
        loop {
            let buf = self.fill_buf()?;
            if buf.is_empty() {
                return Ok(if too_long {
                    LineRead::TooLong {
                        len,
                        complete: true,
                    }
                } else if len == 0 {
                    LineRead::Eof
                } else {
                    LineRead::Line
                });
            }
            let (take, found) = match memchr::memchr(b'\n', buf) {
                Some(i) => (i, true),
                None => (buf.len(), false),
            };
            if !too_long {
                if out.len().saturating_add(take) <= max {
                    out.extend_from_slice(buf.get(..take).unwrap_or_default());
                } else {
                    too_long = true;
                    out.clear();
                }
            }
            len = len.saturating_add(take as u64);
            self.consume(take + usize::from(found));
            if found {
                return Ok(if too_long {
                    LineRead::TooLong {
                        len,
                        complete: true,
                    }
                } else {
                    LineRead::Line
                });
            }
            if too_long && skip_cap.is_some_and(|cap| len > cap) {
                return Ok(LineRead::TooLong {
                    len,
                    complete: false,
                });
            }
        }
    }

    /// Consume up to `n` bytes; returns how many were skipped (fewer at end of stream).
    pub fn discard(&mut self, n: u64) -> io::Result<u64> {
        let mut left = n;
        while left > 0 {
            let avail = self.fill_buf()?.len();
            if avail == 0 {
                break;
            }
            let step = usize::try_from(left).unwrap_or(usize::MAX).min(avail);
            self.consume(step);
            left -= step as u64;
        }
        Ok(n - left)
    }

    /// Append up to `n` bytes to `out`; returns how many were appended.
    pub fn take_into(&mut self, n: usize, out: &mut Vec<u8>) -> io::Result<usize> {
        let mut left = n;
        while left > 0 {
            let buf = self.fill_buf()?;
            if buf.is_empty() {
                break;
            }
            let step = left.min(buf.len());
            out.extend_from_slice(buf.get(..step).unwrap_or_default());
            self.consume(step);
            left -= step;
        }
        Ok(n - left)
    }
}

impl<R: Read> Read for Source<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let buf = self.fill_buf()?;
        let n = buf.len().min(out.len());
        if let (Some(dst), Some(src)) = (out.get_mut(..n), buf.get(..n)) {
            dst.copy_from_slice(src);
        }
        self.consume(n);
        Ok(n)
    }
}

impl<R: Read> BufRead for Source<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos >= self.end && !self.eof {
            self.read_more(0)?;
        }
        Ok(self.buf.get(self.pos..self.end).unwrap_or_default())
    }

    fn consume(&mut self, amt: usize) {
        self.pos = self.pos.saturating_add(amt).min(self.end);
    }
}

/// A reader that adds every byte it reads to a progress counter and to a per-file
/// tally (so the caller can top up progress for bytes it never needed to read).
#[derive(Debug)]
pub(crate) struct Counted<R> {
    inner: R,
    progress: Option<Arc<AtomicU64>>,
    tally: Arc<AtomicU64>,
}

impl<R> Counted<R> {
    pub fn new(inner: R, progress: Option<Arc<AtomicU64>>, tally: Arc<AtomicU64>) -> Self {
        Counted {
            inner,
            progress,
            tally,
        }
    }
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(out)?;
        if let Some(p) = &self.progress {
            p.fetch_add(n as u64, Ordering::Relaxed);
        }
        self.tally.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that hands out at most 3 bytes per call, to exercise refills.
    struct Trickle<'a>(&'a [u8]);
    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            let n = self.0.len().min(out.len()).min(3);
            out[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn lines_and_offsets() {
        let mut s = Source::new(Trickle(b"ab\ncdef\n\nlast"));
        let mut line = Vec::new();
        assert_eq!(s.read_line(&mut line, 100, None).unwrap(), LineRead::Line);
        assert_eq!(line, b"ab");
        assert_eq!(s.offset(), 3);
        assert_eq!(
            s.read_line(&mut line, 3, None).unwrap(),
            LineRead::TooLong {
                len: 4,
                complete: true
            }
        );
        assert_eq!(s.read_line(&mut line, 3, None).unwrap(), LineRead::Line);
        assert!(line.is_empty());
        assert_eq!(s.read_line(&mut line, 100, None).unwrap(), LineRead::Line);
        assert_eq!(line, b"last");
        assert_eq!(s.read_line(&mut line, 100, None).unwrap(), LineRead::Eof);
        assert_eq!(s.offset(), 13);
    }

    #[test]
    fn peek_and_rewind() {
        let data: Vec<u8> = (0..=255u8).cycle().take(1_000_000).collect();
        let mut s = Source::new(&data[..]);
        assert_eq!(s.peek(10).unwrap(), &data[..10]);
        s.discard(100).unwrap();
        s.set_mark();
        s.discard(600_000).unwrap();
        assert!(s.rewind_past_mark(1));
        assert_eq!(s.offset(), 101);
        let mut out = Vec::new();
        s.take_into(5, &mut out).unwrap();
        assert_eq!(out, &data[101..106]);
        assert_eq!(s.discard(u64::MAX).unwrap(), 1_000_000 - 106);
        assert!(s.at_eof().unwrap());
        assert!(!s.rewind_past_mark(0));
    }

    #[test]
    fn skip_cap_stops_long_lines() {
        let data = vec![b'x'; 3 * CHUNK];
        let mut s = Source::new(&data[..]);
        let mut line = Vec::new();
        match s.read_line(&mut line, 10, Some(1000)).unwrap() {
            LineRead::TooLong { complete, .. } => assert!(!complete),
            other => panic!("{other:?}"),
        }
        assert!(s.offset() < data.len() as u64);
    }
}
