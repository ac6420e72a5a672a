//! Print the quotations found in text, for trying a data change.
//!
//! `cargo run -p warta-quotes --example quote_probe < article.txt` treats stdin as one
//! article (paragraphs separated by blank lines); with `--jsonl`, stdin is `warta
//! analyze` output and every article is shown.

use std::io::Read;

use warta_langdata::DataDir;
use warta_model::{Article, Lang, Quote};
use warta_quotes::Quotes;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let quotes = Quotes::load(&DataDir::locate(None))?;
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input)?;
    if std::env::args().any(|a| a == "--jsonl") {
        for line in input.lines().filter(|l| !l.trim().is_empty()) {
            let article: Article = serde_json::from_str(line)?;
            println!("== {}", article.source);
            show(&quotes.find(&article));
        }
    } else {
        show(&quotes.find_text(&input, &[], Lang::Other));
    }
    Ok(())
}

fn show(found: &[Quote]) {
    for q in found {
        let who = q.speaker.as_ref().map_or("?".to_string(), |s| {
            let mut w = format!("{} [{:?}", s.text, s.kind);
            if let Some(c) = &s.country {
                w.push_str(&format!(" {c}"));
            }
            if let Some(r) = &s.role {
                w.push_str(&format!(" {r}"));
            }
            if s.plural {
                w.push_str(" plural");
            }
            w.push(']');
            if let Some(a) = &s.anaphor {
                w.push_str(&format!(" <- \"{}\"", a.text));
            }
            if let Some(r) = &s.refers_to {
                w.push_str(&format!(" -> {}", r.text));
            }
            w
        });
        let excerpt: String = q.text.chars().take(70).collect();
        let via: Vec<&str> = q.via.iter().map(|v| v.name.as_str()).collect();
        println!(
            "  {} {who} | cue {:?} | via {:?}\n      {excerpt}",
            if q.direct { "D" } else { "I" },
            q.cue.as_deref().unwrap_or("-"),
            via
        );
    }
}
