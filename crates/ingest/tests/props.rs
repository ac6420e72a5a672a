//! Property tests: any bytes, fed to any reader, never panic and always terminate.
#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use proptest::prelude::*;
use warta_ingest::{Format, IngestOptions, read_bytes, read_format};

fn opts(max: usize) -> IngestOptions {
    IngestOptions {
        max_doc_bytes: max,
        progress: None,
    }
}

/// Read `bytes` as `format` and check the basic contract of every item.
fn check(name: &str, format: Option<Format>, bytes: &[u8], max: usize) {
    let items: Vec<_> = read_format(name, format, bytes, &opts(max)).collect();
    // Every item consumes input, so there cannot be more items than bytes (+1 for
    // the one error an empty input gives).
    assert!(
        items.len() <= bytes.len() + 1,
        "{} items from {} bytes",
        items.len(),
        bytes.len()
    );
    for item in &items {
        match item {
            Ok(doc) => {
                assert!(!doc.source.is_empty());
                assert!(!doc.source_key.is_empty());
            }
            Err(e) => {
                assert!(!e.message.is_empty());
                assert!(!e.to_string().is_empty());
            }
        }
    }
}

/// A small valid crawl to mutate.
fn sample_records() -> Vec<Vec<u8>> {
    vec![
        warcinfo(),
        request("https://a.example.id/1"),
        html_response(
            "https://a.example.id/1",
            "<html><meta charset=utf-8><p>Satu dua tiga.</p></html>",
        ),
        record(
            "response",
            Some("https://a.example.id/2"),
            "application/http; msgtype=response",
            &http(
                "200 OK",
                &[
                    ("Content-Type", "text/html"),
                    ("Transfer-Encoding", "chunked"),
                    ("Content-Encoding", "gzip"),
                ],
                &{
                    let z = gz(b"<p>Empat lima.</p>");
                    let mut c = format!("{:x}\r\n", z.len()).into_bytes();
                    c.extend_from_slice(&z);
                    c.extend_from_slice(b"\r\n0\r\n\r\n");
                    c
                },
            ),
        ),
        html_response("https://a.example.id/3", "<p>Enam.</p>"),
    ]
}

/// Apply byte edits: (position, new byte) pairs, then an optional truncation.
fn mutate(mut data: Vec<u8>, edits: &[(usize, u8)], cut: Option<usize>) -> Vec<u8> {
    if data.is_empty() {
        return data;
    }
    for &(pos, b) in edits {
        let i = pos % data.len();
        data[i] = b;
    }
    if let Some(c) = cut {
        data.truncate(c % (data.len() + 1));
    }
    data
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..3000), max in 0usize..4000) {
        for (name, format) in [
            ("x.txt", Some(Format::Text)),
            ("x.html", Some(Format::Html)),
            ("x.jsonl", Some(Format::Jsonl)),
            ("x.warc", Some(Format::Warc)),
            ("x.warc.gz", None),
            ("x.gz", None),
            ("x", None),
        ] {
            check(name, format, &bytes, max);
        }
    }

    #[test]
    fn gzipped_arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000), max in 0usize..3000) {
        let z = gz(&bytes);
        for name in ["x.warc.gz", "x.jsonl.gz", "x.txt.gz", "x.gz"] {
            check(name, None, &z, max);
        }
        check("x", Some(Format::Warc), &z, max);
    }

    #[test]
    fn text_shaped_bytes_never_panic(text in "[ -~\\n\\r\\t{}\"<>:/]{0,400}", max in 0usize..500) {
        for prefix in ["", "WARC/1.1\r\n", "{\"text\":", "<html>"] {
            let data = format!("{prefix}{text}");
            for name in ["x.warc", "x.jsonl", "x"] {
                check(name, None, data.as_bytes(), max);
            }
        }
    }

    #[test]
    fn mutated_warc_never_panics(
        edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 0..8),
        cut in proptest::option::of(any::<usize>()),
        max in 0usize..3000,
    ) {
        let plain = warc(&sample_records()).0;
        check("m.warc", None, &mutate(plain, &edits, cut), max);
        let packed = warc_gz(&sample_records()).0;
        check("m.warc.gz", None, &mutate(packed, &edits, cut), max);
    }

    #[test]
    fn mutated_jsonl_never_panics(
        edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 0..8),
        cut in proptest::option::of(any::<usize>()),
    ) {
        let data = b"{\"text\":\"satu\",\"url\":\"https://a.id\"}\n{\"html\":\"<p>dua</p>\",\"published\":1}\n\n{\"text\":\"tiga\"}\n".to_vec();
        check("m.jsonl", None, &mutate(data.clone(), &edits, cut), 10_000);
        check("m.jsonl.gz", None, &mutate(gz(&data), &edits, cut), 10_000);
    }
}

#[test]
fn unmutated_sample_is_read_whole() {
    let plain = warc(&sample_records()).0;
    let items = read_bytes("s.warc", &plain, &IngestOptions::default());
    let texts: Vec<String> = items.into_iter().map(|i| i.unwrap().text).collect();
    assert_eq!(
        texts,
        [
            "<html><meta charset=utf-8><p>Satu dua tiga.</p></html>",
            "<p>Empat lima.</p>",
            "<p>Enam.</p>"
        ]
    );
}
