//! Linking behaviour on sentences written for these tests.

use chrono::NaiveDate;
use proptest::prelude::*;
use std::sync::OnceLock;
use warta_entities::EntityStage;
use warta_model::{CharIndex, Entity, Span};

fn stage() -> &'static EntityStage {
    static STAGE: OnceLock<EntityStage> = OnceLock::new();
    STAGE.get_or_init(|| {
        EntityStage::load(&warta_langdata::DataDir::locate(None)).expect("entity stage")
    })
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn find<'a>(es: &'a [Entity], text: &str) -> &'a Entity {
    es.iter().find(|e| e.text == text).unwrap_or_else(|| {
        panic!(
            "no entity {text:?} in {:?}",
            es.iter().map(|e| &e.text).collect::<Vec<_>>()
        )
    })
}

#[test]
fn titles_resolve_on_the_article_date() {
    let text = "Menlu China menerima kunjungan mitranya di Beijing.";
    let mid_2023 = stage().find_in(text, day(2023, 6, 1));
    assert_eq!(
        find(&mid_2023, "Menlu China").kb_id.as_deref(),
        Some("qin-gang")
    );
    let late_2023 = stage().find_in(text, day(2023, 9, 1));
    assert_eq!(
        find(&late_2023, "Menlu China").kb_id.as_deref(),
        Some("wang-yi")
    );
    let e = find(&late_2023, "Menlu China");
    assert_eq!(
        (e.label.as_str(), e.country.as_deref(), e.how.as_deref()),
        ("PER", Some("CHN"), Some("title"))
    );
}

#[test]
fn countries_listed_after_a_title_name_its_holders() {
    let text = "Menteri Luar Negeri Inggris, Prancis, dan Jerman mengecam serangan itu. \
                Menlu Inggris, David Cameron, tiba di Kyiv.";
    let es = stage().find_in(text, day(2024, 5, 20));
    let id = |t: &str| find(&es, t).kb_id.as_deref();
    assert_eq!(id("Menteri Luar Negeri Inggris"), Some("david-cameron"));
    assert_eq!(id("Prancis"), Some("stephane-sejourne"));
    assert_eq!(id("Jerman"), Some("annalena-baerbock"));
    assert_eq!(find(&es, "Prancis").how.as_deref(), Some("title-list"));
    // A person's name after the title is its holder, not a list.
    assert_eq!(
        find(&es, "David Cameron").kb_id.as_deref(),
        Some("david-cameron")
    );
    assert!(!es.iter().any(|e| e.text == "Menlu Inggris"));
}

#[test]
fn a_bare_title_is_its_holder_named_before() {
    let text = "Menteri Luar Negeri Indonesia bertemu mitranya di Hanoi. \
                \"Kami sepakat,\" kata Menlu seusai pertemuan.";
    let es = stage().find_in(text, day(2024, 8, 14));
    assert_eq!(find(&es, "Menlu").kb_id.as_deref(), Some("retno-marsudi"));
    // Nobody named before: a bare title stays unlinked.
    let es = stage().find_in("Kata Menlu, pertemuan itu penting.", day(2024, 8, 14));
    assert!(es.iter().all(|e| e.text != "Menlu" || e.kb_id.is_none()));
}

#[test]
fn surname_after_full_mention_and_pronouns() {
    let text = "Menteri Luar Negeri Rusia Sergei Lavrov tiba di Jakarta. Lavrov kemudian bertemu wartawan. \
                \"Kami siap bekerja sama,\" ujarnya. Ia juga memuji tuan rumah.";
    let es = stage().find_in(text, day(2024, 4, 9));
    assert_eq!(
        find(&es, "Sergei Lavrov").kb_id.as_deref(),
        Some("sergey-lavrov")
    );
    let surname = find(&es, "Lavrov");
    assert_eq!(
        (surname.kb_id.as_deref(), surname.how.as_deref()),
        (Some("sergey-lavrov"), Some("surname"))
    );
    let nya = find(&es, "nya");
    assert_eq!(
        (nya.kb_id.as_deref(), nya.how.as_deref()),
        (Some("sergey-lavrov"), Some("pronoun"))
    );
    assert_eq!(find(&es, "Ia").kb_id.as_deref(), Some("sergey-lavrov"));
    // The title right before the name is not a second mention.
    assert!(es.iter().all(|e| e.text != "Menteri Luar Negeri Rusia"));
}

#[test]
fn places_and_actors() {
    let text = "Rusia menuduh Amerika Serikat. Delegasi tiba di Moskow, sementara Beijing menolak tuduhan itu.";
    let es = stage().find_in(text, day(2024, 1, 10));
    let rusia = find(&es, "Rusia");
    assert_eq!(
        (rusia.kb_id.as_deref(), rusia.role.as_deref()),
        (Some("RUS"), Some("actor"))
    );
    let moskow = find(&es, "Moskow");
    assert_eq!(moskow.role.as_deref(), Some("place"));
    assert_eq!(moskow.country.as_deref(), Some("RUS"));
    let beijing = find(&es, "Beijing");
    assert_eq!(
        (
            beijing.kb_id.as_deref(),
            beijing.role.as_deref(),
            beijing.sector.as_deref()
        ),
        (Some("CHN"), Some("actor"), Some("GOV"))
    );
}

#[test]
fn demonstrative_country_and_epithet() {
    let text = "Media di Rusia melaporkan bahwa Menlu negara ini akan ke Asia. \
                Sergei Lavrov berbicara panjang. \"Kami terbuka,\" kata diplomat tertinggi tersebut.";
    let es = stage().find_in(text, day(2024, 4, 9));
    assert_eq!(
        find(&es, "Menlu negara ini").kb_id.as_deref(),
        Some("sergey-lavrov")
    );
    let epithet = find(&es, "diplomat tertinggi tersebut");
    assert_eq!(
        (epithet.kb_id.as_deref(), epithet.how.as_deref()),
        (Some("sergey-lavrov"), Some("epithet"))
    );
}

#[test]
fn acronyms_respect_case() {
    let es = stage().find_in(
        "Hal itu sama saja seperti kebijakan AS dan PBB.",
        day(2024, 1, 1),
    );
    assert_eq!(find(&es, "AS").kb_id.as_deref(), Some("USA"));
    assert_eq!(find(&es, "PBB").kb_id.as_deref(), Some("UN"));
    let lower = stage().find_in("Ia bekerja as usual, kata dia.", day(2024, 1, 1));
    assert!(lower.iter().all(|e| e.kb_id.as_deref() != Some("USA")));
}

#[test]
fn a_title_in_apposition_describes_the_person_before_it() {
    // Dated after Borrell left office: the apposition, not the date, decides.
    let text = "Josep Borrell, Perwakilan Tinggi Uni Eropa, bertemu Wang Yi di Beijing.";
    let es = stage().find_in(text, day(2025, 6, 1));
    let title = find(&es, "Perwakilan Tinggi Uni Eropa");
    assert_eq!(
        (title.kb_id.as_deref(), title.how.as_deref()),
        (Some("josep-borrell"), Some("apposition"))
    );
    // A listed person who never held the office: a new clause, resolved by date.
    let text = "Ia bertemu Wang Yi, Perwakilan Tinggi Uni Eropa kemudian menyusul.";
    let es = stage().find_in(text, day(2025, 6, 1));
    assert_eq!(
        find(&es, "Perwakilan Tinggi Uni Eropa").kb_id.as_deref(),
        Some("kaja-kallas")
    );
    // An unlisted person takes the title as their own.
    let text = "Budi Santoso, Menteri Luar Negeri Indonesia, tiba di Hanoi.";
    let es = stage().find_in(text, day(2024, 8, 14));
    let title = find(&es, "Menteri Luar Negeri Indonesia");
    assert_eq!(
        (title.kb_id.as_deref(), title.canonical.as_deref()),
        (None, Some("Budi Santoso"))
    );
}

#[test]
fn a_modifier_between_title_and_name_keeps_the_name_the_mention() {
    let text = "Putin mengirim ucapan selamat kepada presiden terpilih Prabowo Subianto.";
    let es = stage().find_in(text, day(2024, 3, 21));
    assert!(es.iter().all(|e| e.text.to_lowercase() != "presiden"));
    assert_eq!(
        find(&es, "Prabowo Subianto").kb_id.as_deref(),
        Some("prabowo-subianto")
    );
}

#[test]
fn not_names_and_platforms() {
    let text = "Lavrov mendukung Belt and Road Initiative. \
                Zakharova menulis di Telegram bahwa video itu diunggah ke YouTube.";
    let es = stage().find_in(text, day(2024, 4, 9));
    assert!(
        es.iter().all(|e| !e.text.contains("Road")),
        "{:?}",
        es.iter().map(|e| &e.text).collect::<Vec<_>>()
    );
    let telegram = find(&es, "Telegram");
    assert_eq!(
        (
            telegram.label.as_str(),
            telegram.kb_id.as_deref(),
            telegram.role.as_deref()
        ),
        ("ORG", Some("platform-telegram"), None)
    );
    assert_eq!(find(&es, "YouTube").country.as_deref(), Some("USA"));
}

#[test]
fn function_words_are_trimmed_and_pronouns_follow_local_names() {
    let text = "Defensive lineman Tom Richardson spoke to reporters on Sunday. \
                While Richardson said the fight was over, he asked for calm.";
    let es = stage().find_in(text, day(2024, 1, 1));
    assert!(
        es.iter().all(|e| !e.text.starts_with("While")),
        "{:?}",
        es.iter().map(|e| &e.text).collect::<Vec<_>>()
    );
    let canonical = |t: &str| find(&es, t).canonical.as_deref();
    assert_eq!(canonical("Richardson"), Some("Tom Richardson"));
    // The pronoun pointed at "Richardson" before the longest name was known.
    assert_eq!(canonical("he"), Some("Tom Richardson"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn never_panics_and_spans_point_at_their_text(text in "\\PC{0,300}") {
        let es = stage().find_in(&text, day(2024, 1, 1));
        let idx = CharIndex::new(&text);
        for e in es {
            prop_assert!(e.start <= e.end);
            prop_assert_eq!(idx.slice(&text, Span::new(e.start, e.end)), Some(e.text.as_str()));
            prop_assert!((0.0..=1.0).contains(&e.confidence));
        }
    }
}

/// People of the generated (Phoenix) tier are linked by full name and then by
/// surname; a surname only they have never hides an unlisted person's name.
#[test]
fn generated_people_link_and_never_hide_a_name() {
    let text = "Ugandan President Yoweri Museveni met the opposition on Tuesday. \
                Museveni said John Smith, a spokesman, would report.";
    let es = stage().find_in(text, day(2010, 5, 4));
    let full = find(&es, "Yoweri Museveni");
    assert_eq!(full.kb_id.as_deref(), Some("phx-yoweri-museveni"));
    assert_eq!(full.country.as_deref(), Some("UGA"));
    assert_eq!(
        find(&es, "Museveni").kb_id.as_deref(),
        Some("phx-yoweri-museveni")
    );
    // "Smith" and "John" are surnames of imported people; neither has been named.
    let smith = find(&es, "John Smith");
    assert_eq!(
        (smith.label.as_str(), smith.kb_id.as_deref()),
        ("PER", None)
    );
}
