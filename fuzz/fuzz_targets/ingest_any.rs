//! Bytes → format sniffing and whichever reader it picks (gzip, WARC, JSONL,
//! HTML, text), under a name that says nothing and under a `.gz` name.
#![no_main]

use libfuzzer_sys::fuzz_target;
use warta_ingest::{IngestOptions, read_bytes};

fuzz_target!(|data: &[u8]| {
    let options = IngestOptions {
        max_doc_bytes: 64 * 1024,
        progress: None,
    };
    for name in ["fuzz", "fuzz.gz", "fuzz.html"] {
        let items = read_bytes(name, data, &options);
        assert!(items.len() <= data.len() + 1);
    }
});
