//! Bytes (read as lossy UTF-8) → an HTML document → the extractor, loaded once.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use warta_extract::Extractor;
use warta_ingest::{DocHints, DocKind, RawDoc};
use warta_langdata::DataDir;

static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let extractor = EXTRACTOR.get_or_init(|| {
        Extractor::load(&DataDir::embedded()).expect("embedded language data loads")
    });
    let doc = RawDoc {
        source: "fuzz".to_string(),
        source_key: "fuzz".to_string(),
        url: None,
        offset: None,
        kind: DocKind::Html,
        text: String::from_utf8_lossy(data).into_owned(),
        encoding: "UTF-8",
        hints: DocHints::default(),
    };
    let _ = extractor.extract(&doc);
});
