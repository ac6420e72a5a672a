//! Bytes → the JSON Lines reader, with a small and a default size limit.
#![no_main]

use libfuzzer_sys::fuzz_target;
use warta_ingest::{Format, IngestOptions, read_format};

fuzz_target!(|data: &[u8]| {
    let max = data.first().map_or(1 << 20, |b| usize::from(*b) * 8);
    for max_doc_bytes in [max, 1 << 20] {
        let options = IngestOptions {
            max_doc_bytes,
            progress: None,
        };
        for item in read_format("fuzz.jsonl", Some(Format::Jsonl), data, &options) {
            if let Ok(doc) = item {
                assert!(doc.source.starts_with("fuzz.jsonl:"));
            }
        }
    }
});
