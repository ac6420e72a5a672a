//! Throughput of the quote stage on one core.
//!
//! `cargo run --release -p warta-quotes --example quote_speed [SECONDS]`
//!
//! Articles: the five showcase pages (`../shared/seeds`, extracted first; skipped if
//! absent) and news-length articles assembled from the hand-written test paragraphs
//! (`tests/cases/*.txt`, 28 paragraphs each, about 3 500 chars like a news story).
//! Only `Quotes::find` is timed: quotations, speakers, anaphora, channels.

use std::path::Path;
use std::time::{Duration, Instant};

use warta_extract::Extractor;
use warta_ingest::RawDoc;
use warta_langdata::DataDir;
use warta_model::{Article, Lang};
use warta_quotes::Quotes;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let secs: f64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(3.0);
    let data = DataDir::locate(None);
    let quotes = Quotes::load(&data)?;
    let seeds = seeds(&data)?;
    let cases = from_cases()?;
    let all: Vec<Article> = seeds.iter().chain(&cases).cloned().collect();
    for (name, set) in [("all", &all), ("seeds", &seeds), ("case articles", &cases)] {
        if !set.is_empty() {
            measure(&quotes, name, set, secs);
        }
    }
    Ok(())
}

/// Time `Quotes::find` over `articles` for about `secs` seconds and print the rate.
fn measure(quotes: &Quotes, name: &str, articles: &[Article], secs: f64) {
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let chars: usize = articles.iter().map(|a| a.text.chars().count()).sum();
    // Warm up, and count what is found.
    let found: usize = articles.iter().map(|a| quotes.find(a).len()).sum();
    let start = Instant::now();
    let mut done = 0usize;
    let mut passes = 0usize;
    while start.elapsed() < Duration::from_secs_f64(secs) {
        for a in articles {
            std::hint::black_box(quotes.find(std::hint::black_box(a)));
        }
        done += articles.len();
        passes += 1;
    }
    let t = start.elapsed().as_secs_f64();
    println!(
        "{name}: {} articles, mean {} chars, {found} quotations; {:.0} articles/s, {:.1} MB/s, \
         {:.1} µs/article (one core)",
        articles.len(),
        chars / articles.len(),
        done as f64 / t,
        (bytes * passes) as f64 / t / 1e6,
        t * 1e6 / done as f64
    );
}

/// The showcase pages, extracted.
fn seeds(data: &DataDir) -> Result<Vec<Article>, Box<dyn std::error::Error>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let Ok(rd) = std::fs::read_dir(&dir) else {
        eprintln!("notice: {} not found; seeds skipped", dir.display());
        return Ok(Vec::new());
    };
    let ex = Extractor::load(data)?;
    let mut paths: Vec<_> = rd
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(&p)?;
        let name = p.display().to_string();
        let mut a = ex.extract(&RawDoc::plain_text(&name, text, None));
        a.lang = Lang::Id;
        out.push(a);
    }
    Ok(out)
}

/// Articles of 28 paragraphs from the test case files.
fn from_cases() -> Result<Vec<Article>, Box<dyn std::error::Error>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut out = Vec::new();
    for (file, lang) in [
        ("id.txt", Lang::Id),
        ("en.txt", Lang::En),
        ("ms.txt", Lang::Ms),
    ] {
        let text = std::fs::read_to_string(dir.join(file))?;
        let paras: Vec<&str> = text.lines().filter_map(|l| l.strip_prefix("> ")).collect();
        for chunk in paras.chunks(28) {
            let mut a = Article::from_paragraphs("case".into(), "case", "text", chunk);
            a.lang = lang;
            out.push(a);
        }
    }
    Ok(out)
}
