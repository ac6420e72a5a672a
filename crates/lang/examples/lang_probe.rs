//! Detect the language of each line of stdin and show the evidence per language.
//!
//! `cargo run -p warta-lang --example lang_probe < paragraphs.txt`

use std::io::BufRead;

fn main() {
    let lid = match warta_lang::LangId::load(&warta_langdata::DataDir::locate(None)) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        if line.trim().is_empty() {
            continue;
        }
        let scores: Vec<String> = lid
            .scores(&line)
            .iter()
            .map(|s| format!("{} {:.1} ({:.0}%)", s.code, s.score, s.coverage * 100.0))
            .collect();
        let head: String = line.chars().take(70).collect();
        println!(
            "{:<5} | {} | {head}",
            lid.detect(&line, None).code(),
            scores.join(", ")
        );
    }
}
