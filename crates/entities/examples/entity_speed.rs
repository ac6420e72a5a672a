//! Entity-stage throughput on one core (BENCHMARKS.md): the five seed pages from
//! ../shared/seeds, extracted once, then tokenised, tagged and linked N times.
//! `cargo run --release -p warta-entities --example entity_speed -- [ROUNDS]`
use std::time::Instant;
use warta_ingest::RawDoc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rounds: usize = std::env::args()
        .nth(1)
        .map(|s| s.parse())
        .transpose()?
        .unwrap_or(400);
    let data = warta_langdata::DataDir::locate(None);
    let stage = warta_entities::EntityStage::load(&data)?;
    let ex = warta_extract::Extractor::load(&data)?;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let mut articles = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(&dir)?
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    for p in paths
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
    {
        let doc = RawDoc::plain_text(&p.display().to_string(), std::fs::read_to_string(&p)?, None);
        articles.push(ex.extract(&doc));
    }
    let fallback = chrono::NaiveDate::from_ymd_opt(2024, 6, 1).ok_or("date")?;
    let words: usize = articles
        .iter()
        .map(|a| a.text.split_whitespace().count())
        .sum();
    let start = Instant::now();
    let mut n = 0usize;
    for _ in 0..rounds {
        for a in &articles {
            n += stage.find(a, fallback).len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let docs = rounds * articles.len();
    println!(
        "{docs} articles ({} words each on average), {n} entities, {secs:.2} s: {:.0} articles/s, {:.0} words/s on one core",
        words / articles.len().max(1),
        docs as f64 / secs,
        (rounds * words) as f64 / secs
    );
    Ok(())
}
