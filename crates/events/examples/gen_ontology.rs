//! Regenerate the ontology tables in `data/events/` from the third-party sources.
//!
//! `cargo run -p warta-events --example gen_ontology [SHARED_EVENTS_DIR]`
//!
//! The sources default to `../shared/data/events` next to the repository (see its
//! `SOURCES.md`). Writes `cameo.tsv`, `cameo-plover.tsv` and `plover.tsv`; warta's own
//! rules (`coding.toml`) are not touched. The test `ontology_files_up_to_date` checks
//! that the committed files equal a fresh run.

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let shared = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/data/events"));
    let out = root.join("data/events");
    for (name, contents) in warta_events::generate::ontology_files(&shared)? {
        let path = out.join(name);
        std::fs::write(&path, contents)?;
        println!("wrote {}", path.display());
    }
    Ok(())
}
