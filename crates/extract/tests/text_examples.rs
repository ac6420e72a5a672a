//! The bundled demo pages in `examples/` (written for this project): Indonesian,
//! English and a hard-wrapped Malay page, each with realistic boilerplate.

use std::path::PathBuf;
use std::sync::OnceLock;

use warta_extract::meta::Context;
use warta_extract::{Draft, Extractor};
use warta_langdata::DataDir;
use warta_model::{RemovedClass, Resolution};

fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::load(&DataDir::locate(None)).expect("rules load"))
}

fn example(name: &str) -> Draft {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("bundled example");
    let ctx = Context {
        reference: chrono::NaiveDate::from_ymd_opt(2025, 6, 1),
        url: None,
    };
    warta_extract::text::extract_with(extractor(), &text, &ctx)
}

fn classes(d: &Draft) -> Vec<(RemovedClass, &str)> {
    d.removed
        .iter()
        .map(|r| (r.class, r.text.as_str()))
        .collect()
}

fn has(d: &Draft, class: RemovedClass, text: &str) -> bool {
    classes(d).contains(&(class, text))
}

#[test]
fn indonesian_page() {
    let d = example("id-kunjungan-menlu.txt");
    assert_eq!(
        d.title.as_deref(),
        Some("Menlu RI dan Mitranya dari Vietnam Sepakati Kelompok Kerja Ketahanan Pangan")
    );
    assert_eq!(d.outlet.as_deref(), Some("KabarNusa.id"));
    assert_eq!(d.dateline.as_deref(), Some("Hanoi"));
    let authors: Vec<(&str, &str)> = d
        .authors
        .iter()
        .map(|a| (a.name.as_str(), a.role.as_str()))
        .collect();
    assert_eq!(
        authors,
        [("Dewi Anggraini", "writer"), ("Bambang Susilo", "editor")]
    );
    let wires: Vec<(&str, &str)> = d
        .wires
        .iter()
        .map(|w| (w.name.as_str(), w.text.as_str()))
        .collect();
    assert_eq!(
        wires,
        [
            ("ANTARA", "seperti dikutip kantor berita ANTARA"),
            ("Vietnam News Agency", "Menurut kantor berita Vietnam VNA")
        ]
    );
    let p = d.published.as_ref().expect("published");
    assert_eq!(p.value, "2024-08-14T09:15:00+07:00");
    assert_eq!(p.resolution, Resolution::Explicit);

    assert_eq!(d.blocks.len(), 5);
    assert!(
        d.blocks[0]
            .text
            .starts_with("Menteri Luar Negeri Indonesia bertemu")
    );
    assert!(d.blocks[4].text.starts_with("Kerja sama itu"));
    assert!(has(&d, RemovedClass::Dateline, "HANOI, KABARNUSA.ID -"));
    assert!(has(&d, RemovedClass::SiteChrome, "KabarNusa.id Mobile"));
    assert!(has(&d, RemovedClass::SiteChrome, "Internasional"));
    assert!(has(&d, RemovedClass::Navigation, "Beranda"));
    assert!(has(&d, RemovedClass::Ad, "Iklan"));
    assert!(has(&d, RemovedClass::Source, "Sumber: ANTARA"));
    assert!(has(
        &d,
        RemovedClass::Related,
        "Petani di Jawa Tengah Mulai Tanam Padi Tahan Kekeringan"
    ));
    assert!(has(&d, RemovedClass::Comments, "Komentar (0)"));
    assert!(
        classes(&d)
            .iter()
            .any(|(c, t)| *c == RemovedClass::PhotoCredit && t.ends_with("(Foto: Dok. Kemlu)"))
    );
    assert_eq!(
        d.removed
            .iter()
            .filter(|r| r.class == RemovedClass::Duplicate)
            .count(),
        1
    );
}

#[test]
fn english_page() {
    let d = example("en-summit.txt");
    assert_eq!(
        d.title.as_deref(),
        Some("Pacific Leaders Agree on Joint Fund to Protect Coastal Towns")
    );
    assert_eq!(d.outlet.as_deref(), Some("Reuters"));
    assert_eq!(d.dateline.as_deref(), Some("Suva"));
    let authors: Vec<(&str, &str)> = d
        .authors
        .iter()
        .map(|a| (a.name.as_str(), a.role.as_str()))
        .collect();
    assert_eq!(
        authors,
        [
            ("Maria Lopez", "author"),
            ("James O'Neill", "author"),
            ("Maria Lopez", "reporter"),
            ("Tom Reed", "editor")
        ]
    );
    let wires: Vec<&str> = d.wires.iter().map(|w| w.name.as_str()).collect();
    assert_eq!(wires, ["Reuters", "AP"]);
    assert_eq!(d.wires[0].text, "(Reuters)");
    let p = d.published.as_ref().expect("published");
    assert_eq!(p.value, "2025-03-03T10:42:00");

    assert_eq!(d.blocks.len(), 5);
    assert!(d.blocks[0].text.starts_with("Leaders from fourteen"));
    assert!(d.blocks[2].text.contains("told Reuters"));
    assert!(has(&d, RemovedClass::Related, "Related"));
    assert!(has(&d, RemovedClass::Ad, "Advertisement"));
    assert!(has(&d, RemovedClass::Navigation, "Skip to main content"));
    assert!(has(&d, RemovedClass::SiteChrome, "World"));
    assert!(has(
        &d,
        RemovedClass::Related,
        "Regional airline adds three new routes"
    ));
    assert!(
        classes(&d)
            .iter()
            .any(|(c, t)| *c == RemovedClass::PhotoCredit && t.ends_with("REUTERS/Ana Tuilagi"))
    );
}

#[test]
fn hard_wrapped_malay_page() {
    let d = example("ms-banjir-kelantan.txt");
    assert_eq!(
        d.title.as_deref(),
        Some("Banjir: Lebih 3,000 Mangsa Dipindahkan ke Pusat Pemindahan Sementara")
    );
    assert_eq!(d.dateline.as_deref(), Some("Kota Bharu"));
    assert_eq!(d.authors.len(), 1);
    assert_eq!(d.authors[0].name, "Nurul Huda Ismail");
    assert_eq!(d.wires.len(), 1);
    assert_eq!(d.wires[0].name, "Bernama");
    assert_eq!(
        d.published.as_ref().map(|p| p.value.as_str()),
        Some("2024-12-12T20:30:00")
    );
    // Four wrapped paragraphs, each joined back into one line.
    assert_eq!(d.blocks.len(), 4);
    assert!(d.blocks.iter().all(|b| !b.text.contains('\n')));
    assert!(d.blocks[0].text.starts_with("Lebih 3,000 mangsa"));
    assert!(d.blocks[0].text.ends_with("semalam."));
    assert!(has(&d, RemovedClass::Share, "Kongsi"));
}

#[test]
fn url_host_names_the_outlet_as_a_last_resort() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/ms-banjir-kelantan.txt");
    let text = std::fs::read_to_string(path).expect("bundled example");
    let ctx = Context {
        reference: None,
        url: Some("https://www.bharian.com.my/berita/nasional/2024/12/1"),
    };
    let d = warta_extract::text::extract_with(extractor(), &text, &ctx);
    assert_eq!(d.outlet.as_deref(), Some("Berita Harian"));
    let ctx = Context {
        reference: None,
        url: Some("https://berita.contoh-situs.my/a"),
    };
    let d = warta_extract::text::extract_with(extractor(), &text, &ctx);
    assert_eq!(d.outlet.as_deref(), Some("berita.contoh-situs.my"));
}
