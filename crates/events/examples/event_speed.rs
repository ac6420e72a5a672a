//! Throughput of the event coder on one core.
//!
//! `cargo run --release -p warta-events --example event_speed [SECONDS]`
//!
//! Articles: the five showcase pages (`../shared/seeds`, extracted first; skipped if
//! absent) and news-length articles assembled from the Indonesian test sentences
//! (`tests/cases/id-*.txt`, 28 sentences in 7 paragraphs each, about 3 000 chars).
//! Entities and quotations are found once, beforehand (they are other stages); timed
//! are `Events::find` alone and `Quotes::find` + `Events::find` together.

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use warta_entities::EntityStage;
use warta_events::Events;
use warta_extract::Extractor;
use warta_ingest::RawDoc;
use warta_langdata::DataDir;
use warta_model::{Article, Lang, PublishedDate, Resolution};
use warta_quotes::Quotes;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let secs: f64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(3.0);
    let data = DataDir::locate(None);
    let events = Events::load(&data)?;
    let quotes = Quotes::load(&data)?;
    let entities = EntityStage::load(&data)?;
    let mut seeds = seeds(&data)?;
    let mut cases = from_cases()?;
    let reference = NaiveDate::from_ymd_opt(2024, 6, 1).ok_or("date")?;
    for a in seeds.iter_mut().chain(cases.iter_mut()) {
        a.entities = entities.find(a, reference);
        a.quotes = quotes.find(a);
    }
    let all: Vec<Article> = seeds.iter().chain(&cases).cloned().collect();
    for (name, set) in [("all", &all), ("seeds", &seeds), ("case articles", &cases)] {
        if set.is_empty() {
            continue;
        }
        let found: usize = set.iter().map(|a| events.find(a).len()).sum();
        let rate = measure(secs, set, |a| {
            std::hint::black_box(events.find(std::hint::black_box(a)));
        });
        let both = measure(secs, set, |a| {
            std::hint::black_box(quotes.find(std::hint::black_box(a)));
            std::hint::black_box(events.find(std::hint::black_box(a)));
        });
        let chars: usize = set.iter().map(|a| a.text.chars().count()).sum();
        println!(
            "{name}: {} articles, mean {} chars, {found} events; events {:.0} articles/s \
             ({:.1} µs/article); quotes + events {:.0} articles/s (one core)",
            set.len(),
            chars / set.len(),
            rate,
            1e6 / rate,
            both
        );
    }
    Ok(())
}

/// Articles per second of `f` over `articles` for about `secs` seconds.
fn measure(secs: f64, articles: &[Article], mut f: impl FnMut(&Article)) -> f64 {
    for a in articles {
        f(a);
    }
    let start = Instant::now();
    let mut done = 0usize;
    while start.elapsed() < Duration::from_secs_f64(secs) {
        for a in articles {
            f(a);
        }
        done += articles.len();
    }
    done as f64 / start.elapsed().as_secs_f64()
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
        let mut a = ex.extract(&RawDoc::plain_text(&name, text, Some("2024-06-01")));
        a.lang = Lang::Id;
        out.push(a);
    }
    Ok(out)
}

/// Articles of 7 paragraphs × 4 sentences from the Indonesian test sentences.
fn from_cases() -> Result<Vec<Article>, Box<dyn std::error::Error>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut sentences: Vec<String> = Vec::new();
    for file in ["id-dev.txt", "id-dev-2.txt"] {
        let text = std::fs::read_to_string(dir.join(file))?;
        sentences.extend(
            text.lines()
                .filter_map(|l| l.strip_prefix("> "))
                .map(str::to_string),
        );
    }
    let mut out = Vec::new();
    for chunk in sentences.chunks(28) {
        let paras: Vec<String> = chunk.chunks(4).map(|p| p.join(" ")).collect();
        let mut a = Article::from_paragraphs("case".into(), "case", "text", &paras);
        a.lang = Lang::Id;
        a.published = Some(PublishedDate {
            value: "2024-04-09".into(),
            text: String::new(),
            resolution: Resolution::Metadata,
        });
        out.push(a);
    }
    Ok(out)
}
