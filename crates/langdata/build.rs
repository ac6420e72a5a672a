//! Embeds every small text file under the repository's `data/` folder so that the
//! `warta` binary works on its own; a data folder on disk still wins at run time.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Files larger than this are not embedded (trained models, ~9 MB, are read from
/// disk); the largest text file, the generated `kb/persons/phoenix.toml`, is ~2.7 MB.
const MAX_EMBED_BYTES: u64 = 4 * 1024 * 1024;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets this"));
    let data = manifest.join("../../data");
    println!("cargo:rerun-if-changed={}", data.display());
    let mut files = Vec::new();
    collect(&data, &data, &mut files);
    files.sort();
    let mut out =
        String::from("/// Files embedded from `data/` at build time: (relative path, contents).\n");
    out.push_str("pub(crate) static EMBEDDED: &[(&str, &str)] = &[\n");
    for (rel, abs) in &files {
        println!("cargo:rerun-if-changed={}", abs.display());
        let _ = writeln!(
            out,
            "    ({rel:?}, include_str!({:?})),",
            abs.display().to_string()
        );
    }
    out.push_str("];\n");
    let dest =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets this")).join("embedded.rs");
    std::fs::write(dest, out).expect("write embedded.rs");
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect(root, &path, out);
            continue;
        }
        let is_text = matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("toml" | "txt" | "tsv" | "json" | "md")
        );
        let small = entry
            .metadata()
            .map(|m| m.len() <= MAX_EMBED_BYTES)
            .unwrap_or(false);
        if !(is_text && small) {
            continue;
        }
        if let Ok(rel) = path.strip_prefix(root)
            && std::fs::read_to_string(&path).is_ok()
        {
            let rel = rel.to_string_lossy().replace('\\', "/");
            out.push((rel, path.canonicalize().unwrap_or(path.clone())));
        }
    }
}
