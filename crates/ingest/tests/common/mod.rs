//! Builders for test inputs: WARC records, HTTP responses, gzip members.
#![allow(dead_code, clippy::unwrap_used)]

use std::io::Write;

/// One WARC/1.1 record with a correct Content-Length.
pub fn record(warc_type: &str, uri: Option<&str>, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut r = Vec::new();
    write!(r, "WARC/1.1\r\nWARC-Type: {warc_type}\r\n").unwrap();
    write!(r, "WARC-Record-ID: <urn:uuid:{:08x}>\r\n", block.len()).unwrap();
    write!(r, "WARC-Date: 2023-02-05T01:02:03Z\r\n").unwrap();
    if let Some(u) = uri {
        write!(r, "WARC-Target-URI: {u}\r\n").unwrap();
    }
    write!(
        r,
        "Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .unwrap();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

/// An HTTP response: status line, headers, blank line, body.
pub fn http(status: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut r = Vec::new();
    write!(r, "HTTP/1.1 {status}\r\n").unwrap();
    for (k, v) in headers {
        write!(r, "{k}: {v}\r\n").unwrap();
    }
    r.extend_from_slice(b"\r\n");
    r.extend_from_slice(body);
    r
}

/// A `response` record for an HTML page at `uri`.
pub fn html_response(uri: &str, body: &str) -> Vec<u8> {
    record(
        "response",
        Some(uri),
        "application/http; msgtype=response",
        &http(
            "200 OK",
            &[("Content-Type", "text/html; charset=UTF-8")],
            body.as_bytes(),
        ),
    )
}

/// A request record (never a document).
pub fn request(uri: &str) -> Vec<u8> {
    record(
        "request",
        Some(uri),
        "application/http; msgtype=request",
        format!("GET {uri} HTTP/1.1\r\nHost: x\r\n\r\n").as_bytes(),
    )
}

/// A warcinfo record.
pub fn warcinfo() -> Vec<u8> {
    record(
        "warcinfo",
        None,
        "application/warc-fields",
        b"software: warta-test\r\nformat: WARC File Format 1.1\r\n",
    )
}

/// Gzip `data` as one member.
pub fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// Gzip each record as its own member; returns the file and each member's offset.
pub fn warc_gz(records: &[Vec<u8>]) -> (Vec<u8>, Vec<u64>) {
    let mut out = Vec::new();
    let mut offsets = Vec::new();
    for r in records {
        offsets.push(out.len() as u64);
        out.extend_from_slice(&gz(r));
    }
    (out, offsets)
}

/// Concatenate records into a plain WARC; returns the file and each record's offset.
pub fn warc(records: &[Vec<u8>]) -> (Vec<u8>, Vec<u64>) {
    let mut out = Vec::new();
    let mut offsets = Vec::new();
    for r in records {
        offsets.push(out.len() as u64);
        out.extend_from_slice(r);
    }
    (out, offsets)
}

/// Deterministic pseudo-random bytes (xorshift), for "binary file" inputs.
pub fn random_bytes(n: usize, seed: u64) -> Vec<u8> {
    let mut x = seed | 1;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

/// A minimal ELF header followed by zeros and code-like bytes.
pub fn elf() -> Vec<u8> {
    let mut v = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0\x3e\0\x01\0\0\0".to_vec();
    v.resize(4096, 0);
    v.extend(random_bytes(4096, 7));
    v
}
