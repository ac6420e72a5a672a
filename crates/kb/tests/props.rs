//! Properties of folding and scanning on arbitrary text: no panics, offsets on char
//! boundaries, mentions in order and not overlapping, folding idempotent.

use proptest::prelude::*;
use std::sync::OnceLock;
use warta_kb::{Kb, fold};
use warta_langdata::DataDir;

fn kb() -> &'static Kb {
    static KB: OnceLock<Kb> = OnceLock::new();
    KB.get_or_init(|| Kb::load(&DataDir::locate(None)).expect("knowledge base"))
}

/// Text mixing names the knowledge base knows with arbitrary characters, so that
/// matches, near-matches and odd Unicode meet.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Sergei Lavrov".to_string()),
        Just("AS".to_string()),
        Just("as".to_string()),
        Just("Menlu Rusia".to_string()),
        Just("Xi'an".to_string()),
        Just("Ma’ruf".to_string()),
        Just("Élysée".to_string()),
        Just("Tiongkok".to_string()),
        Just("İstanbul".to_string()),
        Just(" ".to_string()),
        Just("\u{a0}".to_string()),
        Just("\n".to_string()),
        "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn scan_offsets_are_sane(s in text()) {
        let scan = kb().scan(&s);
        let mut last_end = 0;
        for m in &scan.mentions {
            prop_assert!(m.start < m.end && m.end <= s.len());
            prop_assert!(s.is_char_boundary(m.start) && s.is_char_boundary(m.end));
            prop_assert!(m.start >= last_end, "overlap at {}", m.start);
            prop_assert!(!m.candidates.is_empty());
            last_end = m.end;
        }
        for t in &scan.titles {
            prop_assert!(t.start <= t.title.0 && t.title.1 <= t.end && t.end <= s.len());
            prop_assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
        }
    }

    #[test]
    fn fold_is_idempotent(s in "\\PC{0,40}") {
        let once = fold(&s);
        prop_assert_eq!(fold(&once), once);
    }
}

/// Found by the property above: a capital whose lower case the table folds further.
#[test]
fn fold_is_idempotent_on_compatibility_capitals() {
    for s in ["Ǳ", "ǲ", "İstanbul", "Ǆ", "ǅ"] {
        let once = fold(s);
        assert_eq!(fold(&once), once, "{s}");
    }
}

/// Every single character folds to a fixed point.
#[test]
fn fold_is_idempotent_on_every_char() {
    let mut bad = Vec::new();
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        let s = format!("a{c}b");
        let once = fold(&s);
        if fold(&once) != once {
            bad.push(c);
        }
    }
    assert!(
        bad.is_empty(),
        "not idempotent: {:?}",
        &bad[..bad.len().min(20)]
    );
}
