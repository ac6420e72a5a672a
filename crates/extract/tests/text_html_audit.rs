//! A developer aid, not a check: list what the shared line readers remove from the
//! HTML front end's blocks on a folder of `.html.gz` pages (by default the English
//! extraction benchmark), to audit their precision on English articles.
//!
//! `cargo test -p warta-extract --test text_html_audit -- --ignored --nocapture`
//! (`WARTA_AUDIT_DIR=folder` to use another folder).

use std::io::Read;
use std::path::PathBuf;

use warta_extract::Extractor;
use warta_extract::meta::{Context, clean_blocks};
use warta_langdata::DataDir;

#[test]
#[ignore = "prints removals for a human to read"]
fn audit_html_removals() {
    let dir = std::env::var_os("WARTA_AUDIT_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(
                "../../../shared/data/extraction/scrapinghub-article-extraction-benchmark/html",
            )
        });
    let Ok(rd) = std::fs::read_dir(&dir) else {
        eprintln!("notice: {} not found; skipping", dir.display());
        return;
    };
    let ex = Extractor::load(&DataDir::locate(None)).unwrap();
    let mut paths: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
    paths.sort();
    let mut by_class = std::collections::BTreeMap::<&str, usize>::new();
    for p in paths {
        let Ok(f) = std::fs::File::open(&p) else {
            continue;
        };
        let mut bytes = Vec::new();
        if flate2::read::GzDecoder::new(f)
            .read_to_end(&mut bytes)
            .is_err()
        {
            continue;
        }
        let html = String::from_utf8_lossy(&bytes);
        let mut d = warta_extract::html::extract_markup(&ex, &html);
        let before = d.removed.len();
        clean_blocks(&ex, &mut d, &Context::default());
        for r in d.removed.iter().skip(before) {
            *by_class.entry(r.class.as_str()).or_default() += 1;
            println!(
                "{} {:<12} {}",
                p.file_name().and_then(|n| n.to_str()).unwrap_or("?"),
                r.class.as_str(),
                r.text.chars().take(110).collect::<String>()
            );
        }
    }
    println!("{by_class:?}");
}
