//! Property tests: the finder never panics, and every span it reports is a valid
//! char range of the text whose slice is the reported text.

use std::sync::OnceLock;

use proptest::prelude::*;
use warta_langdata::DataDir;
use warta_model::{Article, CharIndex, Lang, Quote, Span};
use warta_quotes::Quotes;

fn quotes() -> &'static Quotes {
    static Q: OnceLock<Quotes> = OnceLock::new();
    Q.get_or_init(|| Quotes::load(&DataDir::locate(None)).expect("quote data loads"))
}

fn check(text: &str, found: &[Quote]) -> Result<(), TestCaseError> {
    let idx = CharIndex::new(text);
    let n = text.chars().count();
    let slice = |s: usize, e: usize| {
        prop_assert!(s <= e && e <= n, "span {s}..{e} of {n}");
        Ok(idx.slice(text, Span::new(s, e)).map(str::to_string))
    };
    for q in found {
        prop_assert_eq!(slice(q.start, q.end)?, Some(q.text.clone()));
        prop_assert!(!q.text.is_empty());
        if let Some(s) = &q.speaker {
            prop_assert_eq!(slice(s.start, s.end)?, Some(s.text.clone()));
            for m in s.anaphor.iter().chain(&s.refers_to) {
                prop_assert_eq!(slice(m.start, m.end)?, Some(m.text.clone()));
            }
        }
        if let (Some(cue), Some(sp)) = (&q.cue, q.cue_span) {
            prop_assert_eq!(slice(sp.start, sp.end)?, Some(cue.clone()));
        }
        for v in &q.via {
            prop_assert_eq!(slice(v.start, v.end)?, Some(v.text.clone()));
        }
    }
    Ok(())
}

/// Pieces that exercise the finder: marks, cues, names, punctuation, breaks.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("‘".to_string()),
        Just("’".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just(",".to_string()),
        Just(".".to_string()),
        Just(":".to_string()),
        Just("\n\n".to_string()),
        Just(" ".to_string()),
        Just("kata".to_string()),
        Just("ujarnya".to_string()),
        Just("mengatakan".to_string()),
        Just("bahwa".to_string()),
        Just("Menurut".to_string()),
        Just("demikian".to_string()),
        Just("said".to_string()),
        Just("he".to_string()),
        Just("according to".to_string()),
        Just("seorang pejabat senior AS".to_string()),
        Just("Menlu China".to_string()),
        Just("Sergei Lavrov".to_string()),
        Just("tersebut".to_string()),
        Just("seperti dikutip Interfax".to_string()),
        Just("menurut kantor berita TASS".to_string()),
        Just("dari Reuters".to_string()),
        "[a-zA-Z]{1,8}",
        "\\PC{1,6}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn structured_text_never_panics(pieces in prop::collection::vec(piece(), 0..60)) {
        let mut text = String::new();
        for p in &pieces {
            text.push_str(p);
            text.push(' ');
        }
        let found = quotes().find_text(&text, &[], Lang::Id);
        check(&text, &found)?;
        let a = Article::from_paragraphs("p".into(), "p", "text", &text.split("\n\n").collect::<Vec<_>>());
        let found = quotes().find(&a);
        check(&a.text, &found)?;
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        let found = quotes().find_text(&text, &[], Lang::En);
        check(&text, &found)?;
    }

    #[test]
    fn bad_paragraph_spans_are_survived(text in "[a-z“”\" ,.]{0,80}", a in 0usize..100, b in 0usize..100) {
        let spans = [Span::new(a, b), Span::new(b / 2, a)];
        let found = quotes().find_text(&text, &spans, Lang::Other);
        check(&text, &found)?;
    }
}

/// Pathological inputs (thousands of unclosed marks, one endless sentence full of
/// speech verbs, thousands of short quotations) take time linear in their size.
#[test]
fn big_inputs_stay_linear() {
    let unit = [
        "“Kami siap, kata Jokowi dan “lagi “lagi ",
        "Lavrov mengatakan bahwa Menlu China mengatakan para pejabat AS mengatakan ",
        "“Ya,” ujarnya, menurut kantor berita TASS. \"Tidak\" ",
        "Menurut Wang, seperti dikutip Reuters dari Anadolu, ",
    ];
    for piece in unit {
        for paragraphs in [false, true] {
            let mut text = String::new();
            while text.len() < 200_000 {
                text.push_str(piece);
                if paragraphs && text.len().is_multiple_of(3) {
                    text.push_str("\n\n");
                }
            }
            let start = std::time::Instant::now();
            let found = quotes().find_text(&text, &[], Lang::Id);
            let secs = start.elapsed().as_secs_f64();
            check(&text, &found).expect("valid spans");
            println!(
                "{:>3} kB {paragraphs:5} {secs:.3} s {piece:?}",
                text.len() / 1000
            );
            assert!(secs < 30.0, "{piece:?}: {secs:.1} s for 200 kB");
        }
    }
}
