//! A developer aid, not a check: print what the text front end makes of files.
//!
//! `WARTA_DUMP=path1:path2 cargo test -p warta-extract --test text_dump -- --ignored --nocapture`
//! (defaults to the showcase seeds and `examples/`).

use std::path::PathBuf;

use warta_extract::Extractor;
use warta_extract::meta::Context;
use warta_langdata::DataDir;

fn inputs() -> Vec<PathBuf> {
    if let Ok(list) = std::env::var("WARTA_DUMP") {
        return list.split(':').map(PathBuf::from).collect();
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut out = Vec::new();
    for dir in [root.join("../shared/seeds"), root.join("examples")] {
        if let Ok(rd) = std::fs::read_dir(&dir) {
            let mut files: Vec<PathBuf> = rd
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect();
            files.sort();
            out.extend(files);
        }
    }
    out
}

#[test]
#[ignore = "prints extractions for a human to read"]
fn dump() {
    let ex = Extractor::load(&DataDir::locate(None)).unwrap();
    let ctx = Context {
        reference: chrono::NaiveDate::from_ymd_opt(2024, 6, 1),
        url: None,
    };
    for path in inputs() {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let d = warta_extract::text::extract_with(&ex, &text, &ctx);
        println!("=== {}", path.display());
        println!("title: {:?}", d.title);
        println!("outlet: {:?}  dateline: {:?}", d.outlet, d.dateline);
        println!("authors: {:?}", d.authors);
        println!("wires: {:?}", d.wires);
        println!("published: {:?}", d.published);
        for b in &d.blocks {
            println!("  | {}", b.text.chars().take(90).collect::<String>());
        }
        for r in &d.removed {
            println!(
                "  x {:<12} {}",
                r.class.as_str(),
                r.text.chars().take(80).collect::<String>()
            );
        }
    }
}
