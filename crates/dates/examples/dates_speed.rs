//! Throughput of `DateLexicon::find` on news-like lines.
//!
//! `cargo run --release -p warta-dates --example dates_speed [FILES…]`
//!
//! Without arguments it reads the showcase pages in `/work/shared/seeds` and the
//! `# text = ` sentences of the UD Indonesian treebanks, and repeats them to ~20 MB.
//! Files ending in `.conllu` contribute their `# text = ` / `# text_en = ` lines.

use std::time::Instant;

fn corpus(paths: &[String]) -> Vec<String> {
    let mut lines = Vec::new();
    for p in paths {
        let Ok(text) = std::fs::read_to_string(p) else {
            continue;
        };
        if p.ends_with(".conllu") {
            for l in text.lines() {
                if let Some(s) = l
                    .strip_prefix("# text = ")
                    .or_else(|| l.strip_prefix("# text_en = "))
                {
                    lines.push(s.to_string());
                }
            }
        } else {
            lines.extend(text.lines().map(str::to_string));
        }
    }
    lines
}

fn default_paths() -> Vec<String> {
    let mut v = Vec::new();
    for dir in [
        "/work/shared/seeds",
        "/work/shared/data/indonesian/ud-indonesian-gsd",
        "/work/shared/data/indonesian/ud-indonesian-csui",
        "/work/shared/data/indonesian/ud-indonesian-pud",
    ] {
        if let Ok(rd) = std::fs::read_dir(dir) {
            for e in rd.flatten() {
                let p = e.path().display().to_string();
                if p.ends_with(".txt") && !p.ends_with("README.md") || p.ends_with(".conllu") {
                    v.push(p);
                }
            }
        }
    }
    v.sort();
    v
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let paths = if args.is_empty() {
        default_paths()
    } else {
        args
    };
    let base = corpus(&paths);
    let base_bytes: usize = base.iter().map(|l| l.len() + 1).sum();
    if base_bytes == 0 {
        eprintln!("no input text");
        std::process::exit(1);
    }
    let reps = (20_000_000 / base_bytes).max(1);
    let lex = match warta_dates::DateLexicon::load(&warta_langdata::DataDir::locate(None)) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let start = Instant::now();
    let mut mentions = 0usize;
    for _ in 0..reps {
        for line in &base {
            mentions += lex.find(line).len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (base_bytes * reps) as f64 / 1e6;
    println!(
        "{} lines x {reps}: {mb:.1} MB in {secs:.2} s = {:.1} MB/s, {} mentions per pass",
        base.len(),
        mb / secs,
        mentions / reps
    );
}
