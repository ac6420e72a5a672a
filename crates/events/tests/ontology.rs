//! The ontology tables: generated files match their sources, load and validate, and
//! carry the decisions warta relies on.

use std::path::PathBuf;

use warta_events::Ontology;
use warta_langdata::DataDir;

fn onto() -> Ontology {
    Ontology::load(&DataDir::locate(None)).expect("ontology loads and validates")
}

/// The committed tables equal a fresh run of the generator (when the sources exist).
#[test]
fn ontology_files_up_to_date() {
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/events");
    if !shared.is_dir() {
        eprintln!("notice: {} not found; skipping", shared.display());
        return;
    }
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/events");
    for (name, fresh) in warta_events::generate::ontology_files(&shared).expect("sources parse") {
        let committed = std::fs::read_to_string(data.join(name)).expect("committed file");
        assert!(
            committed == fresh,
            "data/events/{name} is stale: run `cargo run -p warta-events --example gen_ontology`"
        );
    }
}

#[test]
fn codes_types_and_scores() {
    let o = onto();
    assert_eq!(o.types().len(), 16);
    let visit = o.cameo("042").expect("042");
    assert_eq!(visit.name, "Make a visit");
    assert_eq!(visit.event_type.as_deref(), Some("CONSULT"));
    assert_eq!(visit.mode.as_deref(), Some("visit"));
    assert_eq!(visit.quad_class, 1);
    assert!((visit.goldstein - 1.9).abs() < 1e-6);
    // Sanctions follow the manual, not the 2021 table.
    let sanction = o.cameo("163").expect("163");
    assert_eq!(sanction.event_type.as_deref(), Some("SANCTION"));
    assert_eq!(sanction.mode.as_deref(), Some("discontinue"));
    assert_eq!(sanction.quad_class, 3);
    // Appeals are requests.
    assert_eq!(
        o.cameo("0233").and_then(|c| c.event_type.as_deref()),
        Some("REQUEST")
    );
    assert_eq!(o.cameo("026").and_then(|c| c.mode.as_deref()), Some("meet"));
    // Statements are not coded.
    assert_eq!(o.cameo("010").and_then(|c| c.event_type.as_deref()), None);
    // Future meetings are intents to meet; future accusations stay accusations.
    assert_eq!(o.future_code("040"), Some("036"));
    assert_eq!(o.future_code("042"), Some("036"));
    assert_eq!(o.future_code("072"), Some("0332"));
    assert_eq!(o.future_code("112"), None);
    assert_eq!(o.negated_code("030"), Some("120"));
    // Every code with a root has a QuadClass matching it.
    for c in o.codes() {
        assert_eq!(
            Some(c.quad_class),
            warta_events::generate::quad_class(&c.code),
            "{}",
            c.code
        );
    }
}
