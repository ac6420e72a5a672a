//! Tagging speed on one core: tags the IDNer2k and NERGrit test splits over and
//! over for a few seconds and prints tokens per second (features, lookups and
//! Viterbi; reading the files is not timed).
//!
//! `cargo run --release -p warta-ner --example tag_speed [-- SECONDS [DATA_ROOT]]`

use std::path::PathBuf;
use std::time::{Duration, Instant};
use warta_ner::{TagScratch, Tagger};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let secs: f64 = args.next().map_or(Ok(5.0), |s| s.parse())?;
    let root = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "../shared/data/indonesian".to_string()),
    );
    let tagger = Tagger::load(&warta_langdata::DataDir::locate(None))?;
    let mut sentences = Vec::new();
    for (rel, domain) in warta_ner::corpus::TEST_FILES {
        for s in warta_ner::conll::read_file(&root.join(rel))? {
            sentences.push((s.tokens, domain));
        }
    }
    let tokens_per_pass: usize = sentences.iter().map(|(t, _)| t.len()).sum();
    let mut scratch = TagScratch::default();
    let mut out = Vec::new();
    let mut tokens = 0usize;
    let mut busy = Duration::ZERO;
    let mut best = 0f64;
    while busy.as_secs_f64() < secs {
        let t0 = Instant::now();
        for (s, domain) in &sentences {
            tagger.tag_into(s, *domain, &mut scratch, &mut out);
        }
        let dt = t0.elapsed();
        busy += dt;
        tokens += tokens_per_pass;
        best = best.max(tokens_per_pass as f64 / dt.as_secs_f64());
    }
    println!(
        "{} sentences, {} tokens per pass; {:.0} tokens/s on one thread (mean over {:.1} s), best pass {:.0} tokens/s",
        sentences.len(),
        tokens_per_pass,
        tokens as f64 / busy.as_secs_f64(),
        busy.as_secs_f64(),
        best
    );
    Ok(())
}
