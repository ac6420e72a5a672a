//! Line-level behaviour of the shipped rules on small pages written for these tests:
//! classes, bylines, datelines, credits, markup, and the conservative HTML pass.

use std::sync::OnceLock;

use warta_extract::meta::{Context, clean_blocks};
use warta_extract::{Block, BlockKind, Draft, Extractor};
use warta_langdata::DataDir;
use warta_model::{Author, RemovedClass};

fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::load(&DataDir::locate(None)).expect("rules load"))
}

fn text(page: &str) -> Draft {
    warta_extract::text::extract_with(extractor(), page, &Context::default())
}

fn html_blocks(blocks: &[&str], title: Option<&str>) -> Draft {
    let mut d = Draft {
        blocks: blocks
            .iter()
            .map(|t| Block {
                text: t.to_string(),
                kind: BlockKind::Paragraph,
            })
            .collect(),
        title: title.map(str::to_string),
        ..Draft::default()
    };
    clean_blocks(extractor(), &mut d, &Context::default());
    d
}

fn kept(d: &Draft) -> Vec<&str> {
    d.blocks.iter().map(|b| b.text.as_str()).collect()
}

fn removed(d: &Draft) -> Vec<(&str, &str)> {
    d.removed
        .iter()
        .map(|r| (r.class.as_str(), r.text.as_str()))
        .collect()
}

const LEDE: &str = "JAKARTA, KOMPAS.com - Pemerintah kota meresmikan jembatan baru yang menghubungkan dua kecamatan pada Senin pagi.";
const PARA: &str =
    "Warga menyambut pembukaan jembatan itu karena waktu tempuh ke pasar kini jauh lebih singkat.";

#[test]
fn boilerplate_classes_in_a_text_page() {
    let page = format!(
        "Jembatan Baru Hubungkan Dua Kecamatan di Pinggir Kota\n\n{LEDE}\n\nBaca juga: Judul Lain\n\nADVERTISEMENT\n\n{PARA}\n\nSimak juga: Video Lain\n\nTulis Komentar\n\nIkuti kami di Instagram\n\nTerkini\n\n2\n\n<div class=\"x\"></div>"
    );
    let d = text(&page);
    assert_eq!(d.blocks.len(), 2);
    assert_eq!(d.outlet.as_deref(), Some("Kompas.com"));
    assert_eq!(d.dateline.as_deref(), Some("Jakarta"));
    let r = removed(&d);
    for expected in [
        ("related", "Baca juga: Judul Lain"),
        ("ad", "ADVERTISEMENT"),
        ("related", "Simak juga: Video Lain"),
        ("comments", "Tulis Komentar"),
        ("share", "Ikuti kami di Instagram"),
        ("navigation", "Terkini"),
        ("navigation", "2"),
        ("markup", "<div class=\"x\"></div>"),
        ("dateline", "JAKARTA, KOMPAS.com -"),
        (
            "title",
            "Jembatan Baru Hubungkan Dua Kecamatan di Pinggir Kota",
        ),
    ] {
        assert!(r.contains(&expected), "missing {expected:?} in {r:?}");
    }
}

#[test]
fn bylines_in_several_shapes() {
    let page = format!(
        "Jembatan Baru Hubungkan Dua Kecamatan di Pinggir Kota\n\nPenulis: Rina Kartika, Yusuf Hamdani | Editor: ADI NUGROHO\n\n{LEDE}\n\n{PARA}\n\nPewarta: Sari Dewi\nEditor: Rina Kartika"
    );
    let d = text(&page);
    let got: Vec<(&str, &str)> = d
        .authors
        .iter()
        .map(|a: &Author| (a.name.as_str(), a.role.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("Rina Kartika", "writer"),
            ("Yusuf Hamdani", "writer"),
            ("Adi Nugroho", "editor"),
            ("Sari Dewi", "reporter"),
            ("Rina Kartika", "editor"),
        ]
    );
    assert_eq!(d.blocks.len(), 2);
}

#[test]
fn datelines_of_several_outlets() {
    for (line, city, outlet) in [
        (
            "Jakarta (ANTARA) - Harga cabai naik di sejumlah pasar tradisional pekan ini.",
            Some("Jakarta"),
            "ANTARA",
        ),
        (
            "Liputan6.com, Jakarta - Harga cabai naik di sejumlah pasar tradisional pekan ini.",
            Some("Jakarta"),
            "Liputan6",
        ),
        (
            "TEMPO.CO, Jakarta - Harga cabai naik di sejumlah pasar tradisional pekan ini.",
            Some("Jakarta"),
            "Tempo",
        ),
        (
            "Jakarta, CNN Indonesia -- Harga cabai naik di sejumlah pasar tradisional pekan ini.",
            Some("Jakarta"),
            "CNN Indonesia",
        ),
        (
            "BANDA ACEH - Harga cabai naik di sejumlah pasar tradisional pekan ini.",
            Some("Banda Aceh"),
            "",
        ),
        (
            "LONDON, March 3 (Reuters) - Prices of basic food rose in most markets this week, traders said.",
            Some("London"),
            "Reuters",
        ),
    ] {
        let d = text(&format!(
            "Harga Cabai Naik di Pasar Tradisional\n\n{line}\n\n{PARA}"
        ));
        assert_eq!(d.dateline.as_deref(), city, "{line}");
        if outlet.is_empty() {
            assert_eq!(d.outlet, None, "{line}");
        } else {
            assert_eq!(d.outlet.as_deref(), Some(outlet), "{line}");
        }
        assert!(
            d.blocks[0].text.starts_with("Harga cabai") || d.blocks[0].text.starts_with("Prices"),
            "{line}"
        );
    }
}

#[test]
fn wire_credits_and_mere_mentions() {
    let page = format!(
        "Harga Cabai Naik di Pasar Tradisional\n\n{LEDE}\n\nMenurut laporan Reuters, harga pangan dunia juga naik bulan ini.\n\nMedia Jepang melaporkan hal serupa, sementara AFP hanya disebut di sini sebagai nama.\n\nKeterangan itu disampaikan kepada Xinhua oleh seorang pejabat.\n\n(ANT/Bud)"
    );
    let d = text(&page);
    let wires: Vec<(&str, &str)> = d
        .wires
        .iter()
        .map(|w| (w.name.as_str(), w.text.as_str()))
        .collect();
    assert_eq!(
        wires,
        [
            ("Reuters", "Menurut laporan Reuters"),
            ("Xinhua", "kepada Xinhua")
        ]
    );
}

#[test]
fn credit_lines_and_photo_credits() {
    let page = format!(
        "Harga Cabai Naik di Pasar Tradisional\n\n{LEDE}\n\n{PARA}\n\nPedagang menata cabai di lapak mereka, Senin. ANTARA FOTO/Budi Setiawan/abc.\n\nSumber: Reuters, AFP\n\n(ANTARA)"
    );
    let d = text(&page);
    let names: Vec<&str> = d.wires.iter().map(|w| w.name.as_str()).collect();
    assert_eq!(names, ["Reuters", "AFP", "ANTARA"]);
    assert_eq!(d.blocks.len(), 2);
    assert!(
        d.removed
            .iter()
            .any(|r| r.class == RemovedClass::PhotoCredit && r.text.contains("ANTARA FOTO/"))
    );
}

#[test]
fn hard_wrapped_text_is_rejoined() {
    let para = "Pemerintah daerah menyiapkan anggaran tambahan untuk perbaikan\n\
                jalan desa yang rusak akibat hujan deras selama dua pekan\n\
                terakhir, kata seorang pejabat dinas pekerjaan umum setempat.";
    let page =
        format!("Anggaran Tambahan untuk Jalan Desa yang Rusak\n\n{para}\n\n{para}\n\n{para}\n");
    let d = text(&page);
    assert_eq!(
        d.title.as_deref(),
        Some("Anggaran Tambahan untuk Jalan Desa yang Rusak")
    );
    // The three copies of the same paragraph: the first stays, the repeats go.
    assert_eq!(d.blocks.len(), 1);
    assert!(d.blocks[0].text.contains("perbaikan jalan desa"));
    assert!(d.blocks[0].text.ends_with("setempat."));
}

#[test]
fn html_remnants_keep_their_text() {
    let page = format!(
        "Jembatan Baru Hubungkan Dua Kecamatan di Pinggir Kota\n\nLAPORAN: <a href='https://contoh.example/p/1'>DIAN PRATIWI</a>\n\n{LEDE}\n\nKata wali kota, jembatan itu dibangun &quot;dengan dana daerah&quot; &amp; bantuan pusat, dan rampung tepat waktu."
    );
    let d = text(&page);
    assert_eq!(d.authors[0].name, "Dian Pratiwi");
    assert!(kept(&d)[1].contains("\"dengan dana daerah\" & bantuan"));
}

#[test]
fn english_rules_are_whole_lines_only() {
    let d = html_blocks(
        &[
            "Related",
            "Related talks between the two sides resumed on Tuesday after a pause of three weeks.",
            "Advertisement",
            "Advertisement revenue at the group fell by a fifth in the last quarter, the company said.",
            "Share this article",
            "Share prices of the two firms rose sharply after the announcement on Monday morning.",
            "Comments are closed.",
            "By Monday, most of the flights had resumed and queues at the airport had shortened.",
            "Copyright law experts said the ruling would be appealed before the end of the month.",
        ],
        None,
    );
    assert_eq!(
        kept(&d),
        [
            "Related talks between the two sides resumed on Tuesday after a pause of three weeks.",
            "Advertisement revenue at the group fell by a fifth in the last quarter, the company said.",
            "Share prices of the two firms rose sharply after the announcement on Monday morning.",
            "By Monday, most of the flights had resumed and queues at the airport had shortened.",
            "Copyright law experts said the ruling would be appealed before the end of the month.",
        ]
    );
    assert_eq!(d.authors, []);
}

#[test]
fn html_blocks_get_the_shared_readers() {
    let d = html_blocks(
        &[
            "Harga Cabai Naik di Pasar Tradisional",
            "Oleh: Fajar Ramadhan",
            "JAKARTA, KOMPAS.com - Harga cabai naik di sejumlah pasar tradisional pekan ini, kata pedagang.",
            "Baca juga: Harga Bawang Ikut Naik",
            "Menurut kantor berita ANTARA, kenaikan terjadi karena pasokan dari daerah sentra berkurang.",
            "Pedagang berharap harga kembali normal menjelang akhir bulan.",
            "Pedagang berharap harga kembali normal menjelang akhir bulan.",
            "Editor: Lestari Wulan",
            "12",
        ],
        Some("Harga Cabai Naik di Pasar Tradisional"),
    );
    // Repeated blocks and lone numbers stay in HTML (interview questions recur,
    // numbers are table cells).
    assert_eq!(d.blocks.len(), 5);
    assert_eq!(d.blocks[4].text, "12");
    assert!(d.blocks[0].text.starts_with("Harga cabai naik"));
    assert_eq!(d.outlet.as_deref(), Some("Kompas.com"));
    assert_eq!(d.dateline.as_deref(), Some("Jakarta"));
    assert_eq!(d.authors.len(), 2);
    assert_eq!(d.wires[0].name, "ANTARA");
    let classes: Vec<&str> = d.removed.iter().map(|r| r.class.as_str()).collect();
    assert_eq!(
        classes,
        ["title", "byline", "dateline", "related", "byline"]
    );
    // The HTML pass never picks a headline of its own.
    let d = html_blocks(&["Sebuah Judul yang Tampak Seperti Judul", PARA], None);
    assert_eq!(d.title, None);
    assert_eq!(d.blocks.len(), 2);
}

#[test]
fn html_metadata_already_found_is_kept() {
    let mut d = Draft {
        blocks: vec![Block {
            text: "JAKARTA, KOMPAS.com - Harga cabai naik di sejumlah pasar tradisional pekan ini."
                .into(),
            kind: BlockKind::Paragraph,
        }],
        outlet: Some("Situs Lain".into()),
        ..Draft::default()
    };
    clean_blocks(extractor(), &mut d, &Context::default());
    assert_eq!(d.outlet.as_deref(), Some("Situs Lain"));
    assert_eq!(d.dateline.as_deref(), Some("Jakarta"));
}

#[test]
fn rules_load_from_sources_and_report_bad_patterns() {
    use warta_extract::meta::Rules;
    let ok = Rules::from_sources(
        &[(
            "lang/xx/boilerplate.toml",
            "[[rule]]\nclass = 'ad'\nexact = ['Reklame']\n",
        )],
        &[],
    );
    assert!(ok.is_ok());
    let bad = Rules::from_sources(
        &[(
            "lang/xx/boilerplate.toml",
            "[[rule]]\nclass = 'ad'\nregex = ['(']\n",
        )],
        &[],
    );
    let msg = bad.unwrap_err().to_string();
    assert!(msg.contains("lang/xx/boilerplate.toml"), "{msg}");
    let bad = Rules::from_sources(&[], &[("lang/xx/metadata.toml", "datelines = ['{nope}']")]);
    assert!(bad.unwrap_err().to_string().contains("nope"));
    let langs = extractor().rules.languages();
    assert!(langs.iter().any(|l| l == "id") && langs.iter().any(|l| l == "en"));
}

#[test]
fn a_known_title_is_not_guessed_again() {
    let page =
        format!("Iklan Produk Apa Saja\n\nJembatan Baru di Pinggir Kota\n\n{LEDE}\n\n{PARA}");
    let mut d = Draft {
        title: Some("Jembatan Baru di Pinggir Kota".into()),
        outlet: Some("Dari JSONL".into()),
        ..Draft::default()
    };
    warta_extract::text::extract_into(extractor(), &page, &Context::default(), &mut d);
    assert_eq!(d.title.as_deref(), Some("Jembatan Baru di Pinggir Kota"));
    assert_eq!(d.outlet.as_deref(), Some("Dari JSONL"));
    assert!(removed(&d).contains(&("title", "Jembatan Baru di Pinggir Kota")));
    assert_eq!(d.blocks.len(), 2);
}

#[test]
fn byline_with_a_date_gives_the_published_date() {
    let page = format!(
        "Jembatan Baru Hubungkan Dua Kecamatan di Pinggir Kota\n\nOleh: Budi Santoso - Sabtu, 04 Feb 2023 15:34 WIB\n\n{LEDE}\n\n{PARA}"
    );
    let d = text(&page);
    assert_eq!(d.authors.len(), 1);
    assert_eq!(d.authors[0].name, "Budi Santoso");
    let p = d.published.expect("published from the byline");
    assert_eq!(p.value, "2023-02-04T15:34:00+07:00");
}

#[test]
fn english_and_indonesian_crediting_phrases() {
    for (sentence, wire, credit) in [
        (
            "Harga minyak turun tajam pada Senin, seperti dilansir Reuters dari para pedagang.",
            "Reuters",
            "seperti dilansir Reuters",
        ),
        (
            "Oil prices fell sharply on Monday, according to Reuters, as traders sold.",
            "Reuters",
            "according to Reuters",
        ),
        (
            "The minister told Reuters the talks would resume after the holiday break.",
            "Reuters",
            "told Reuters",
        ),
        (
            "Harga minyak turun tajam pada Senin, menurut RIA Novosti yang mengutip pedagang.",
            "RIA Novosti",
            "menurut RIA Novosti",
        ),
        (
            "Jakarta (ANTARA) - Harga minyak turun tajam pada Senin sore di pasar dunia.",
            "ANTARA",
            "(ANTARA)",
        ),
        (
            "Oil prices fell sharply on Monday, state news agency Xinhua reported late in the day.",
            "Xinhua",
            "Xinhua reported",
        ),
    ] {
        let d = text(&format!(
            "Harga Minyak Turun Tajam di Pasar Dunia\n\n{sentence}\n\n{PARA}"
        ));
        let got: Vec<(&str, &str)> = d
            .wires
            .iter()
            .map(|w| (w.name.as_str(), w.text.as_str()))
            .collect();
        assert_eq!(got, [(wire, credit)], "{sentence}");
    }
    // Mentions without a crediting phrase, and photo credits, are not wire credits.
    for sentence in [
        "Media AS melaporkan bahwa Reuters dan AFP sama-sama meliput acara itu kemarin.",
        "A Reuters reporter and an AFP photographer were among those at the scene.",
    ] {
        let d = text(&format!(
            "Harga Minyak Turun Tajam di Pasar Dunia\n\n{sentence}\n\nFoto: AP/Seseorang\n\n{PARA}"
        ));
        assert!(d.wires.is_empty(), "{sentence}: {:?}", d.wires);
    }
}
