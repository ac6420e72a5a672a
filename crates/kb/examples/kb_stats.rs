//! Loads the knowledge base, prints its size and how long loading took; with files,
//! also how long scanning them for names and titles takes.
//!
//! ```text
//! cargo run --release -p warta-kb --example kb_stats -- [--data DIR] [FILE...]
//! ```

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;
use warta_kb::Kb;
use warta_langdata::DataDir;

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut dir = None;
    if let Some(i) = args.iter().position(|a| a == "--data") {
        dir = args.get(i + 1).map(PathBuf::from);
        args.drain(i..(i + 2).min(args.len()));
    }
    let data = DataDir::locate(dir.as_deref());
    let start = Instant::now();
    let kb = match Kb::load(&data) {
        Ok(kb) => kb,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let first = start.elapsed();
    let runs = 10;
    let start = Instant::now();
    for _ in 0..runs {
        if Kb::load(&data).is_err() {
            return ExitCode::FAILURE;
        }
    }
    let avg = start.elapsed() / runs;
    println!("data: {}", data.describe());
    println!("{:#?}", kb.stats());
    println!("load: first {first:?}, average of {runs} {avg:?}");

    let texts: Vec<String> = args
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect();
    if texts.is_empty() {
        return ExitCode::SUCCESS;
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let rounds = 200;
    let start = Instant::now();
    let mut found = 0;
    for _ in 0..rounds {
        for t in &texts {
            let scan = kb.scan(t);
            found += scan.mentions.len() + scan.titles.len();
        }
    }
    let took = start.elapsed();
    let docs = (rounds * texts.len()) as f64;
    println!(
        "scan: {} docs, {:.1} µs/doc, {:.1} MB/s ({found} hits)",
        texts.len(),
        took.as_secs_f64() * 1e6 / docs,
        (bytes * rounds) as f64 / took.as_secs_f64() / 1e6
    );
    ExitCode::SUCCESS
}
