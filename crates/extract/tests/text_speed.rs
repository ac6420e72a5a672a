//! Throughput of the text front end on seed-sized pages (the showcase seeds when
//! present, else the bundled examples). Run in release:
//!
//! `cargo test --release -p warta-extract --test text_speed -- --ignored --nocapture`

use std::path::PathBuf;
use std::time::Instant;

use warta_extract::Extractor;
use warta_extract::meta::Context;
use warta_langdata::DataDir;

fn pages() -> Vec<String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut out = Vec::new();
    for dir in [root.join("../shared/seeds"), root.join("examples")] {
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        for p in rd.flatten().map(|e| e.path()) {
            if p.extension().is_some_and(|e| e == "txt")
                && let Ok(t) = std::fs::read_to_string(&p)
            {
                out.push(t);
            }
        }
    }
    out
}

#[test]
#[ignore = "timing; run in release"]
fn pages_per_second() {
    let ex = Extractor::load(&DataDir::locate(None)).unwrap();
    let pages = pages();
    assert!(!pages.is_empty());
    let ctx = Context {
        reference: chrono::NaiveDate::from_ymd_opt(2024, 6, 1),
        url: None,
    };
    let rounds = 400;
    let t = Instant::now();
    let mut kept = 0usize;
    for _ in 0..rounds {
        for p in &pages {
            kept += warta_extract::text::extract_with(&ex, p, &ctx).blocks.len();
        }
    }
    let el = t.elapsed().as_secs_f64();
    let n = rounds * pages.len();
    let bytes: usize = pages.iter().map(String::len).sum::<usize>() * rounds;
    println!(
        "{n} pages ({:.1} MB) in {el:.2}s: {:.0} pages/s, {:.1} MB/s on one core ({kept} paragraphs)",
        bytes as f64 / 1e6,
        n as f64 / el,
        bytes as f64 / 1e6 / el
    );
}
