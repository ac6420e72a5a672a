//! Property tests: the guarantees every caller relies on, on arbitrary input and on
//! news-like input assembled from the pieces that make segmentation hard.

use std::sync::OnceLock;

use proptest::prelude::*;
use warta_langdata::DataDir;
use warta_segment::{Segmented, Segmenter, TokenKind, is_space};

fn seg() -> &'static Segmenter {
    static SEG: OnceLock<Segmenter> = OnceLock::new();
    SEG.get_or_init(|| Segmenter::load(&DataDir::locate(None)).expect("data loads"))
}

/// Pieces of news text that exercise every rule, glued together or separated.
fn news_piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "Ia",
        "datang",
        "Prof.",
        "Dr.",
        "dr.",
        "H.",
        "Jl.",
        "No.",
        "no.",
        "Rp.",
        "Rp",
        "Rp5.000",
        "US$",
        "US$50",
        "dll.",
        "dkk.",
        "Inc.",
        "U.S.",
        "A.S.",
        "e.g.",
        "S.H.",
        "M.Si.",
        "V.",
        "J.",
        "a.",
        "1.",
        "IV.",
        "5",
        "1.500",
        "20,5",
        "10.30",
        "15:34",
        "19/3/2022",
        "ke-2",
        "negara-negara",
        "Rusia-China",
        "O'Neill",
        "Jum’at",
        "Trump's",
        "menurutnya",
        "WIB",
        ".",
        ".",
        ".",
        "?",
        "!",
        "…",
        "...",
        "?!",
        ",",
        ";",
        ":",
        "-",
        "–",
        "—",
        "/",
        "%",
        "“",
        "”",
        "‘",
        "’",
        "\"",
        "'",
        "`",
        "«",
        "»",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        " ",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        "\r\n",
        "\t",
        "\u{A0}",
        "\u{200B}",
        "https://x.co/a(b).",
        "www.kompas.com",
        "kompas.com/a",
        "a.b@c.co.id",
        "@kompas",
        "#Pemilu",
        "😀",
        "👍🏽",
        "🇮🇩",
        "\u{200D}",
        "\u{FE0F}",
        "\u{301}",
        "Ömer",
        "ЖЖ",
        "中文",
        "١٢",
        "Kemudian",
        "The",
        "lalu",
        "iPhone",
        "2022",
        "(19/3/2022).",
        "Tbk.",
        "Co.",
        "Ltd.",
        "\u{0}",
        "\u{7F}",
    ])
}

fn news_text() -> impl Strategy<Value = String> {
    prop::collection::vec((news_piece(), prop::bool::weighted(0.6)), 0..40).prop_map(|parts| {
        let mut s = String::new();
        for (p, space) in parts {
            s.push_str(p);
            if space {
                s.push(' ');
            }
        }
        s
    })
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        news_text(),
        "\\PC{0,80}",
        "[ -~\n\u{A0}“”’…]{0,80}",
        "[a.@#:/(-]{0,60}",
    ]
}

fn check_tokens(text: &str, out: &Segmented) -> Result<(), TestCaseError> {
    let mut pos = 0usize;
    for t in &out.tokens {
        prop_assert!(t.start < t.end, "empty token at {}", t.start);
        prop_assert!(t.start >= pos, "overlap at {}", t.start);
        prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        let gap = text.get(pos..t.start).unwrap_or("x");
        prop_assert!(
            gap.chars().all(is_space),
            "uncovered {:?} before {}",
            gap,
            t.start
        );
        let body = t.text(text);
        prop_assert!(!body.is_empty());
        prop_assert!(
            !body.chars().any(is_space),
            "whitespace inside token {:?}",
            body
        );
        pos = t.end;
    }
    let tail = text.get(pos..).unwrap_or("x");
    prop_assert!(tail.chars().all(is_space), "uncovered tail {:?}", tail);
    Ok(())
}

fn check_sentences(out: &Segmented) -> Result<(), TestCaseError> {
    let mut next = 0usize;
    let mut paragraph = 0usize;
    for s in &out.sentences {
        prop_assert_eq!(s.tokens.start, next);
        prop_assert!(s.tokens.end > s.tokens.start);
        let first = out.tokens.get(s.tokens.start).expect("in range");
        let last = out.tokens.get(s.tokens.end - 1).expect("in range");
        prop_assert_eq!((s.start, s.end), (first.start, last.end));
        prop_assert!(s.paragraph >= paragraph);
        paragraph = s.paragraph;
        next = s.tokens.end;
    }
    prop_assert_eq!(next, out.tokens.len());
    Ok(())
}

/// Tokens relative to their sentence start, for comparing with a re-segmentation.
fn relative(
    out: &Segmented,
    from: usize,
    to: usize,
    base: usize,
) -> Vec<(usize, usize, TokenKind)> {
    out.tokens
        .get(from..to)
        .unwrap_or(&[])
        .iter()
        .map(|t| (t.start - base, t.end - base, t.kind))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn tokens_cover_text_in_order(text in any_text()) {
        let out = seg().segment(&text);
        check_tokens(&text, &out)?;
    }

    #[test]
    fn sentences_partition_tokens(text in any_text()) {
        let out = seg().segment(&text);
        check_sentences(&out)?;
    }

    #[test]
    fn resegmenting_a_sentence_is_idempotent(text in any_text()) {
        let out = seg().segment(&text);
        for s in &out.sentences {
            let sentence = s.text(&text);
            let again = seg().segment(sentence);
            prop_assert_eq!(again.sentences.len(), 1, "{:?} splits again: {:?}", sentence,
                again.sentences.iter().map(|x| x.text(sentence)).collect::<Vec<_>>());
            prop_assert_eq!(
                relative(&again, 0, again.tokens.len(), 0),
                relative(&out, s.tokens.start, s.tokens.end, s.start),
                "tokens of {:?} differ", sentence
            );
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let text = String::from_utf8_lossy(&bytes);
        let out = seg().segment(&text);
        check_tokens(&text, &out)?;
        check_sentences(&out)?;
    }
}

/// Pathological inputs finish, and in time proportional to their length.
#[test]
fn adversarial_inputs_are_linear() {
    let patterns: [&str; 10] = [
        "a.",
        "a-",
        "a@",
        "@a",
        "(",
        "a.b.",
        "1.",
        "x/",
        "www.a",
        "\u{1F1EE}",
    ];
    for p in patterns {
        let time = |n: usize| {
            let text = p.repeat(n);
            let start = std::time::Instant::now();
            let out = seg().segment(&text);
            assert!(!out.tokens.is_empty());
            start.elapsed().as_secs_f64()
        };
        let small = time(20_000).max(1e-4);
        let large = time(160_000);
        // 8x the input: linear is ~8x, quadratic ~64x.
        assert!(large / small < 32.0, "{p:?}: {small:.4}s -> {large:.4}s");
    }
}

/// The guarantees hold on the showcase pages (read at test time when present).
#[test]
fn seed_pages_hold_the_invariants() {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("{} not found: skipped", dir.display());
        return;
    };
    for path in entries.flatten().map(|e| e.path()) {
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let out = seg().segment(&text);
        check_tokens(&text, &out).expect("tokens");
        check_sentences(&out).expect("sentences");
        for s in &out.sentences {
            let sentence = s.text(&text);
            let again = seg().segment(sentence);
            assert_eq!(again.sentences.len(), 1, "{sentence:?}");
            assert_eq!(
                relative(&again, 0, again.tokens.len(), 0),
                relative(&out, s.tokens.start, s.tokens.end, s.start)
            );
        }
    }
}
