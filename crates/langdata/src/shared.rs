//! The shared folder beside the repository (`../shared`): the showcase seeds and the
//! datasets that tests, benchmarks and training read. Never used by `warta analyze`:
//! third-party text is read where it lies, not copied into the repository.

use std::path::PathBuf;

/// `../shared` next to the repository this crate was built from (tests and examples
/// run from the checkout; CI places the shared folder there).
pub fn shared_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

/// The text of the showcase seed whose file name starts with `prefix` (`"000"`), or
/// `None`, with a notice on stderr, when the shared folder or the seed is absent — so
/// a test can skip instead of failing on a machine without the corpus.
pub fn seed_text(prefix: &str) -> Option<String> {
    let dir = shared_dir().join("seeds");
    let found = std::fs::read_dir(&dir).ok().and_then(|rd| {
        rd.flatten().map(|e| e.path()).find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix))
        })
    });
    let text = found.and_then(|p| std::fs::read_to_string(p).ok());
    if text.is_none() {
        eprintln!(
            "notice: seed {prefix}* not found under {}; skipping",
            dir.display()
        );
    }
    text
}
