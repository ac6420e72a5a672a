//! Bounded memory: streams of hundreds of megabytes, with documents far over the
//! limit in them, are read without the process's peak memory growing by more than
//! a few times `max_doc_bytes`.
//!
//! The inputs are generated on the fly (`io::repeat`), never held in memory or
//! written to disk, and the peak resident set size (`VmHWM` on Linux) is compared
//! before and after. This file holds a single test so no other test shares the
//! process while it measures.
#![allow(clippy::unwrap_used)]

mod common;

use std::io::{self, Cursor, Read};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use warta_ingest::{ErrorKind, IngestOptions, read};

const MB: u64 = 1 << 20;
const MAX_DOC: usize = 1 << 20;

/// Peak resident set size of this process in bytes, where the OS reports it.
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn bytes(b: &[u8]) -> Box<dyn Read + Send> {
    Box::new(Cursor::new(b.to_vec()))
}

fn filler(byte: u8, n: u64) -> Box<dyn Read + Send> {
    Box::new(io::repeat(byte).take(n))
}

fn chain(parts: Vec<Box<dyn Read + Send>>) -> Box<dyn Read + Send> {
    parts
        .into_iter()
        .reduce(|a, b| Box::new(a.chain(b)))
        .unwrap_or_else(|| bytes(b""))
}

fn small_lines(n: usize) -> Box<dyn Read + Send> {
    let mut s = String::new();
    for i in 0..n {
        s.push_str(&format!("{{\"text\":\"berita nomor {i}\"}}\n"));
    }
    bytes(s.as_bytes())
}

/// A WARC response record whose HTML body is `n` filler bytes, streamed.
fn streamed_response(uri: &str, media: &str, n: u64) -> Box<dyn Read + Send> {
    let http_head = format!("HTTP/1.1 200 OK\r\nContent-Type: {media}\r\n\r\n");
    let head = format!(
        "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http_head}",
        http_head.len() as u64 + n
    );
    chain(vec![
        bytes(head.as_bytes()),
        filler(b'a', n),
        bytes(b"\r\n\r\n"),
    ])
}

#[test]
fn huge_streams_use_bounded_memory() {
    let options = IngestOptions {
        max_doc_bytes: MAX_DOC,
        progress: Some(Arc::new(AtomicU64::new(0))),
    };
    let before = peak_rss();

    // 1. A 400 MB single-line text: one error, and only max+1 bytes are read.
    let progress = Arc::new(AtomicU64::new(0));
    let opts = IngestOptions {
        progress: Some(progress.clone()),
        ..options.clone()
    };
    let items: Vec<_> = read("huge.txt", filler(b'x', 400 * MB), &opts).collect();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].as_ref().unwrap_err().kind, ErrorKind::TooLarge);
    assert!(
        progress.load(Ordering::Relaxed) < 2 * MB,
        "read {} bytes",
        progress.load(Ordering::Relaxed)
    );

    // 2. JSONL with a 300 MB line between small ones: the long line is an error,
    //    every other line is a document.
    let stream = chain(vec![
        small_lines(5000),
        bytes(b"{\"text\":\""),
        filler(b'x', 300 * MB),
        bytes(b"\"}\n"),
        small_lines(5000),
    ]);
    let mut docs = 0;
    let mut errors = Vec::new();
    for item in read("big.jsonl", stream, &options) {
        match item {
            Ok(_) => docs += 1,
            Err(e) => errors.push(e),
        }
    }
    assert_eq!(docs, 10_000);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].kind, ErrorKind::TooLarge);
    assert_eq!(errors[0].source_name, "big.jsonl:5001");

    // 3. WARC with a 300 MB video record (skipped) and a 100 MB page (too large),
    //    then a normal page.
    let stream = chain(vec![
        streamed_response("https://a.id/video", "video/mp4", 300 * MB),
        streamed_response("https://a.id/huge", "text/html", 100 * MB),
        streamed_response("https://a.id/ok", "text/html", 1000),
    ]);
    let items: Vec<_> = read("big.warc", stream, &options).collect();
    assert_eq!(items.len(), 2, "{items:?}");
    assert_eq!(items[0].as_ref().unwrap_err().kind, ErrorKind::TooLarge);
    assert_eq!(
        items[1].as_ref().unwrap().url.as_deref(),
        Some("https://a.id/ok")
    );

    // 4. 200 MB of text compressed on the fly: decompression stops at the limit.
    let packed = flate2::read::GzEncoder::new(filler(b'y', 200 * MB), flate2::Compression::fast());
    let items: Vec<_> = read("huge.txt.gz", packed, &options).collect();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].as_ref().unwrap_err().kind, ErrorKind::TooLarge);

    if let (Some(before), Some(after)) = (before, peak_rss()) {
        let grew = after.saturating_sub(before);
        eprintln!("peak RSS grew by {} MiB over ~1.2 GB of input", grew / MB);
        assert!(grew < 64 * MB, "peak RSS grew by {} MiB", grew / MB);
    }
}
