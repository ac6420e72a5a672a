//! Embeds the committed model `data/models/ner-id.bin` so the `warta` binary tags
//! even where no data folder exists. A missing or oversized model embeds nothing
//! (the tagger then reports that no model is available).

use std::path::PathBuf;

/// Larger models are read from disk only.
const MAX_EMBED_BYTES: u64 = 20 * 1024 * 1024;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets this"));
    let models = manifest.join("../../data/models");
    let model = models.join("ner-id.bin");
    println!("cargo:rerun-if-changed={}", models.display());
    println!("cargo:rerun-if-changed={}", model.display());
    let code = match std::fs::metadata(&model) {
        Ok(m) if m.is_file() && m.len() <= MAX_EMBED_BYTES => {
            let abs = model.canonicalize().unwrap_or(model);
            format!("Some(include_bytes!({:?}))", abs.display().to_string())
        }
        _ => "None".to_string(),
    };
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets this"));
    std::fs::write(out.join("embedded_model.rs"), code).expect("write embedded_model.rs");
}
