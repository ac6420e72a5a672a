//! Bytes → the WARC reader (plain, and `.warc.gz` when the bytes start with the
//! gzip magic). The first byte also picks a small `max_doc_bytes`, so the
//! too-large and skip paths are reached with small inputs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use warta_ingest::{Format, IngestOptions, read_format};

fuzz_target!(|data: &[u8]| {
    let max = data.first().map_or(1 << 20, |b| 16 + usize::from(*b) * 16);
    for max_doc_bytes in [max, 1 << 20] {
        let options = IngestOptions {
            max_doc_bytes,
            progress: None,
        };
        for item in read_format("fuzz.warc", Some(Format::Warc), data, &options) {
            if let Ok(doc) = item {
                assert!(doc.offset.is_some());
                assert!(doc.text.len() <= max_doc_bytes.saturating_mul(3).max(64));
            }
        }
    }
});
