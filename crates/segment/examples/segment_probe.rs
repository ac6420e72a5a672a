//! Shows how text is segmented: one line per sentence, tokens separated by `|`.
//!
//! `cargo run -p warta-segment --example segment_probe < text.txt`
//! (`--kinds` also prints each token's kind). Use it to check a change to the
//! abbreviation or sentence-starter lists.

use std::io::Read;

use warta_langdata::DataDir;
use warta_segment::Segmenter;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let kinds = std::env::args().any(|a| a == "--kinds");
    let seg = Segmenter::load(&DataDir::locate(None))?;
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let out = seg.segment(&text);
    for s in &out.sentences {
        let toks: Vec<String> = out
            .sentence_tokens(s)
            .iter()
            .map(|t| {
                if kinds {
                    format!("{}/{:?}", t.text(&text), t.kind)
                } else {
                    t.text(&text).to_string()
                }
            })
            .collect();
        println!("[{}] {}", s.paragraph, toks.join(" | "));
    }
    Ok(())
}
