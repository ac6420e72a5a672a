//! The bundled HTML example page (written for this repository) through the whole
//! HTML front end: content selection, markup metadata, shared line readers.

use std::path::Path;
use warta_extract::Extractor;
use warta_ingest::{DocHints, DocKind, RawDoc};

fn extract(file: &str) -> warta_model::Article {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(file);
    let html = std::fs::read_to_string(&path).expect("example page");
    let data = warta_langdata::DataDir::locate(None);
    let ex = Extractor::load(&data).expect("rules load");
    ex.extract(&RawDoc {
        source: file.to_string(),
        source_key: file.to_string(),
        url: None,
        offset: None,
        kind: DocKind::Html,
        text: html,
        encoding: "UTF-8",
        hints: DocHints::default(),
    })
}

#[test]
fn indonesian_html_page() {
    let a = extract("id-kerja-sama-maritim.html");
    assert_eq!(
        a.title.as_deref(),
        Some("Indonesia dan Filipina Sepakati Patroli Laut Bersama di Laut Sulawesi")
    );
    assert_eq!(a.outlet.as_deref(), Some("Warta Contoh"));
    assert_eq!(a.dateline.as_deref(), Some("Manado"));
    assert_eq!(
        a.published.as_ref().map(|p| p.value.as_str()),
        Some("2024-11-05T14:20:00+07:00")
    );
    let authors: Vec<(&str, &str)> = a
        .authors
        .iter()
        .map(|x| (x.name.as_str(), x.role.as_str()))
        .collect();
    assert!(
        authors.contains(&("Siti Rahmawati", "writer")),
        "{authors:?}"
    );
    assert!(authors.contains(&("Agus Pranoto", "editor")), "{authors:?}");
    let wires: Vec<&str> = a.wires.iter().map(|w| w.name.as_str()).collect();
    assert!(
        wires.contains(&"ANTARA") && wires.contains(&"Reuters"),
        "{wires:?}"
    );
    assert_eq!(
        a.url.as_deref(),
        Some("https://wartacontoh.example/internasional/2024/11/05/patroli-laut-bersama")
    );
    // Body: every news paragraph, the in-article subheading, nothing else.
    assert_eq!(a.paragraphs.len(), 7, "{}", a.text);
    assert!(a.text.starts_with("Indonesia dan Filipina sepakat"));
    for junk in [
        "Baca Juga",
        "Bagikan",
        "Berita Terkait",
        "Terpopuler",
        "Komentar",
        "Semoga patroli",
        "Hak cipta",
        "Foto:",
        "Beranda",
    ] {
        assert!(!a.text.contains(junk), "{junk} leaked into the body");
    }
    assert!(
        a.removed
            .iter()
            .any(|r| r.class == warta_model::RemovedClass::Related)
    );
    assert!(
        a.removed
            .iter()
            .any(|r| r.class == warta_model::RemovedClass::Dateline)
    );
}
