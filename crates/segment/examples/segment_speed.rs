//! Throughput of tokenisation + sentence splitting on one core.
//!
//! `cargo run --release -p warta-segment --example segment_speed [-- DIR [MB]]`
//!
//! Reads the showcase pages (`../shared/seeds` next to the repository by default,
//! or DIR), repeats them to about MB megabytes (default 50) and prints MB/s, tokens
//! and sentences per second.

use std::path::PathBuf;
use std::time::Instant;

use warta_langdata::DataDir;
use warta_segment::Segmenter;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds"));
    let target_mb: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(50);
    let mut pages = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    entries.sort();
    for path in entries {
        pages.push(std::fs::read_to_string(&path)?);
    }
    if pages.is_empty() {
        return Err(format!("no .txt pages in {}", dir.display()).into());
    }
    let seg = Segmenter::load(&DataDir::locate(None))?;
    let one_round: usize = pages.iter().map(String::len).sum();
    let rounds = (target_mb * 1_000_000).div_ceil(one_round).max(1);

    // Warm up, then time each page as its own document, as the pipeline calls it.
    for p in &pages {
        std::hint::black_box(seg.segment(p));
    }
    let (mut bytes, mut tokens, mut sentences) = (0usize, 0usize, 0usize);
    let start = Instant::now();
    for _ in 0..rounds {
        for p in &pages {
            let out = seg.segment(p);
            bytes += p.len();
            tokens += out.tokens.len();
            sentences += out.sentences.len();
            std::hint::black_box(&out);
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} pages x {rounds} rounds = {:.1} MB in {secs:.3} s: {:.1} MB/s, {:.2} M tokens/s, {:.0} k sentences/s",
        pages.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs,
        tokens as f64 / 1e6 / secs,
        sentences as f64 / 1e3 / secs,
    );
    Ok(())
}
