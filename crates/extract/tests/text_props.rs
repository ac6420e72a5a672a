//! Robustness of the text front end: no panic on any input, clean paragraphs, and
//! linear time on huge inputs (one 5 MB line, 20 000 lines, pathological markup).

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use warta_extract::meta::Context;
use warta_extract::{Draft, Extractor};
use warta_langdata::DataDir;

fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::load(&DataDir::locate(None)).expect("rules load"))
}

fn run(text: &str) -> Draft {
    let ctx = Context {
        reference: chrono::NaiveDate::from_ymd_opt(2024, 6, 1),
        url: Some("https://news.example.co.id/a/1"),
    };
    warta_extract::text::extract_with(extractor(), text, &ctx)
}

fn check_invariants(d: &Draft) -> Result<(), TestCaseError> {
    for b in &d.blocks {
        prop_assert!(!b.text.trim().is_empty(), "empty paragraph");
        prop_assert_eq!(b.text.trim(), b.text.as_str(), "untrimmed paragraph");
        prop_assert!(!b.text.contains('\n'), "paragraph spans lines");
        prop_assert!(b.text.chars().any(char::is_alphanumeric));
    }
    for r in &d.removed {
        prop_assert!(!r.text.is_empty(), "empty removed text");
    }
    if let Some(t) = &d.title {
        prop_assert!(!t.trim().is_empty());
    }
    Ok(())
}

/// Lines that look like the pages warta reads: boilerplate, bylines, datelines,
/// markup, dates, prose; joined in random order with random separators.
fn pageish_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Baca Juga: Sesuatu Terjadi di Kota".to_string()),
        Just("Advertisement".to_string()),
        Just("Rep: Andi Wijaya/ Red: Sri Lestari".to_string()),
        Just("LAPORAN: <a href='x'>BUDI SANTOSO</a>".to_string()),
        Just("JAKARTA, KOMPAS.com - Warga berkumpul di alun-alun sejak pagi hari ini.".to_string()),
        Just(
            "WASHINGTON (Reuters) - Officials met on Tuesday to discuss the budget plan."
                .to_string()
        ),
        Just("Sabtu 04 Feb 2023 15:34 WIB".to_string()),
        Just("Foto: AP/Seseorang".to_string()),
        Just("sumber : Reuters".to_string()),
        Just("rmol news logo".to_string()),
        Just("<div></div>".to_string()),
        Just("&amp;&#x27;&bogus;<".to_string()),
        Just("1".to_string()),
        Just(
            "Menurut kantor berita TASS, kedua menteri bertemu di Bali pada Selasa (9 April)."
                .to_string()
        ),
        "[A-Za-z ,.:|/()<>&;-]{0,80}",
        "\\PC{0,60}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn never_panics_on_arbitrary_text(text in "\\PC{0,600}") {
        check_invariants(&run(&text))?;
    }

    #[test]
    fn never_panics_on_any_chars(text in any::<String>()) {
        check_invariants(&run(&text))?;
    }

    #[test]
    fn pageish_inputs_keep_invariants(
        lines in prop::collection::vec(pageish_line(), 0..40),
        seps in prop::collection::vec(prop_oneof![Just("\n"), Just("\n\n"), Just("\r\n"), Just("\r")], 40),
    ) {
        let mut text = String::new();
        for (l, s) in lines.iter().zip(seps.iter().cycle()) {
            text.push_str(l);
            text.push_str(s);
        }
        let d = run(&text);
        check_invariants(&d)?;
        // Nothing vanishes: every input line is kept or recorded as removed.
        if lines.iter().any(|l| !l.trim().is_empty()) {
            prop_assert!(!d.blocks.is_empty() || !d.removed.is_empty());
        }
    }

    #[test]
    fn html_blocks_never_panic(blocks in prop::collection::vec(pageish_line(), 0..20)) {
        let mut draft = Draft {
            blocks: blocks
                .iter()
                .map(|t| warta_extract::Block { text: t.clone(), kind: warta_extract::BlockKind::Paragraph })
                .collect(),
            ..Draft::default()
        };
        warta_extract::meta::clean_blocks(extractor(), &mut draft, &Context::default());
        check_invariants(&draft)?;
    }
}

/// Generous bound for debug builds on a shared machine; the point is "not quadratic":
/// a quadratic pass over these inputs takes minutes.
const BOUND: Duration = Duration::from_secs(30);

fn timed(label: &str, text: &str) -> Draft {
    let t = Instant::now();
    let d = run(text);
    let el = t.elapsed();
    eprintln!("{label}: {} bytes in {el:?}", text.len());
    assert!(el < BOUND, "{label} took {el:?}");
    d
}

#[test]
fn five_megabyte_single_line() {
    let unit =
        "Menurut kantor berita TASS, pejabat itu berkata “ya” pada Sabtu (19/3/2022) & lainnya. ";
    let text = unit.repeat(5 * 1024 * 1024 / unit.len() + 1);
    assert!(text.len() >= 5 * 1024 * 1024);
    let d = timed("5 MB line", &text);
    assert_eq!(d.blocks.len(), 1);
    assert_eq!(d.wires.len(), 1);
}

#[test]
fn twenty_thousand_lines() {
    let mut text = String::new();
    for i in 0..20_000 {
        match i % 5 {
            0 => text.push_str("Baca Juga: Judul Lain yang Menarik\n"),
            1 => text.push_str(&format!(
                "Paragraf nomor {i} berisi kalimat yang cukup panjang untuk dianggap prosa biasa.\n"
            )),
            2 => text
                .push_str("Paragraf yang sama persis diulang berkali-kali di halaman ini juga.\n"),
            3 => text.push_str("Advertisement\n"),
            _ => text.push_str(&format!("Bagian {i}\n")),
        }
    }
    let d = timed("20 000 lines", &text);
    assert!(d.blocks.len() > 4_000);
    assert!(d.removed.len() > 8_000);
}

#[test]
fn pathological_markup_line() {
    let text =
        "<script>".repeat(200_000) + &"<!--".repeat(200_000) + &"<a ".repeat(200_000) + "teks";
    let d = timed("markup line", &text);
    assert!(d.blocks.len() <= 1);
}

#[test]
fn many_agency_mentions_without_credit() {
    let text = "Reuters AFP Xinhua TASS ".repeat(100_000);
    let d = timed("agency mentions", &text);
    assert!(d.wires.is_empty(), "mentions are not credits");
}
