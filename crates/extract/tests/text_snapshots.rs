//! Snapshots of what the text front end reads from each showcase seed and bundled
//! example: metadata and counts only (no seed sentences: the seeds are third-party
//! text). Review changes with `cargo insta review` or by reading the `.snap` diff.

use std::path::PathBuf;
use std::sync::OnceLock;

use serde_json::{Value, json};
use warta_extract::meta::Context;
use warta_extract::{Draft, Extractor};
use warta_langdata::DataDir;

fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::load(&DataDir::locate(None)).expect("rules load"))
}

fn extract(text: &str) -> Draft {
    let ctx = Context {
        reference: chrono::NaiveDate::from_ymd_opt(2024, 6, 1),
        url: None,
    };
    warta_extract::text::extract_with(extractor(), text, &ctx)
}

/// Metadata and counts; `with_text` adds the title and wire texts (own examples only).
fn summary(d: &Draft, with_text: bool) -> Value {
    let mut v = json!({
        "title_words": d.title.as_deref().map(|t| t.split_whitespace().count()),
        "outlet": d.outlet,
        "dateline": d.dateline,
        "authors": d.authors.iter().map(|a| json!([a.name, a.role])).collect::<Vec<_>>(),
        "wires": d.wires.iter().map(|w| w.name.clone()).collect::<Vec<_>>(),
        "published": d.published.as_ref().map(|p| json!({
            "value": p.value,
            "resolution": p.resolution,
        })),
        "paragraphs": d.blocks.len(),
        "removed": d.removed.iter().map(|r| r.class.as_str()).collect::<Vec<_>>(),
    });
    if with_text && let Some(obj) = v.as_object_mut() {
        obj.insert("title".into(), json!(d.title));
        obj.insert(
            "wire_texts".into(),
            json!(d.wires.iter().map(|w| w.text.clone()).collect::<Vec<_>>()),
        );
    }
    v
}

fn files(dir: PathBuf) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

fn stem(p: &std::path::Path) -> String {
    p.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("page")
        .to_string()
}

#[test]
fn seed_snapshots() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let seeds = files(dir.clone());
    if seeds.is_empty() {
        eprintln!("notice: no seeds under {}; skipping", dir.display());
        return;
    }
    for path in seeds {
        let text = std::fs::read_to_string(&path).expect("seed readable");
        let name = format!("seed_{}", stem(&path));
        insta::assert_json_snapshot!(name, summary(&extract(&text), false));
    }
}

#[test]
fn example_snapshots() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    for path in files(dir) {
        let text = std::fs::read_to_string(&path).expect("example readable");
        let name = format!("example_{}", stem(&path));
        insta::assert_json_snapshot!(name, summary(&extract(&text), true));
    }
}
