//! The five showcase pages (read from ../shared/seeds at test time; skipped when
//! absent): every person the issue names is found and linked in every form, and the
//! countries with their aliases.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use warta_entities::EntityStage;
use warta_extract::Extractor;
use warta_ingest::RawDoc;
use warta_model::Article;

fn seeds_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    dir.is_dir().then_some(dir)
}

/// Extracted article and its linked entities: kb_id → surface forms.
fn analyse(
    stage: &EntityStage,
    ex: &Extractor,
    file: &str,
) -> (Article, BTreeMap<String, BTreeSet<String>>) {
    let dir = seeds_dir().expect("seeds");
    let path = std::fs::read_dir(&dir)
        .expect("seeds dir")
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(file))
        })
        .expect("seed file");
    let text = std::fs::read_to_string(&path).expect("seed text");
    let doc = RawDoc::plain_text(file, text, Some("2024-06-01"));
    let mut article = ex.extract(&doc);
    let date = ex.reference_for(&doc);
    article.entities = stage.find(&article, date);
    let mut by_id: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for e in &article.entities {
        // Offsets point at the text they claim.
        let idx = warta_model::CharIndex::new(&article.text);
        assert_eq!(
            idx.slice(&article.text, warta_model::Span::new(e.start, e.end)),
            Some(e.text.as_str())
        );
        if let Some(id) = &e.kb_id {
            by_id.entry(id.clone()).or_default().insert(e.text.clone());
        }
    }
    (article, by_id)
}

fn check(by_id: &BTreeMap<String, BTreeSet<String>>, id: &str, forms: &[&str]) {
    let got = by_id
        .get(id)
        .unwrap_or_else(|| panic!("{id} not linked; linked: {:?}", by_id.keys()));
    for f in forms {
        assert!(got.contains(*f), "{id}: form {f:?} not linked, got {got:?}");
    }
}

#[test]
fn seeds_persons_and_countries_are_linked() {
    if seeds_dir().is_none() {
        eprintln!("skipped: ../shared/seeds not found");
        return;
    }
    let data = warta_langdata::DataDir::locate(None);
    let stage = EntityStage::load(&data).expect("entity stage");
    let ex = Extractor::load(&data).expect("extractor");

    let (_, s0) = analyse(&stage, &ex, "000_");
    check(
        &s0,
        "sergey-lavrov",
        &[
            "Sergei Lavrov",
            "Sergey Lavrov",
            "Menteri Luar Negeri Rusia",
            "Menlu Rusia",
        ],
    );
    check(&s0, "wang-yi", &["Wang Yi"]);
    check(&s0, "vladimir-putin", &["Vladimir Putin"]);
    check(&s0, "xi-jinping", &["Xi Jinping"]);
    check(&s0, "josep-borrell", &["Josep Borrell"]);
    check(&s0, "RUS", &["Rusia"]);
    check(&s0, "CHN", &["China"]);
    check(&s0, "USA", &["AS", "Amerika Serikat"]);
    check(&s0, "IDN", &["Indonesia"]);
    check(&s0, "UKR", &["Ukraina"]);

    let (_, s1) = analyse(&stage, &ex, "001_");
    check(
        &s1,
        "sergey-lavrov",
        &["Lavrov", "diplomat tertinggi tersebut"],
    );
    check(&s1, "wang-yi", &["Wang Yi", "Wang"]);
    check(&s1, "vladimir-putin", &["Putin", "Vladimir Putin"]);
    check(&s1, "xi-jinping", &["Xi Jinping", "Xi"]);
    check(&s1, "antony-blinken", &["Antony Blinken"]);
    check(&s1, "janet-yellen", &["Janet Yellen"]);
    check(&s1, "CHN", &["Tiongkok", "RRT", "China"]);
    check(&s1, "RUS", &["Rusia"]);
    check(&s1, "USA", &["AS"]);
    check(&s1, "UKR", &["Ukraina"]);

    let (_, s2) = analyse(&stage, &ex, "002_");
    check(&s2, "sergey-lavrov", &["Sergei Lavrov", "Lavrov"]);
    check(&s2, "jake-sullivan", &["Jake Sullivan", "Sullivan"]);
    check(
        &s2,
        "yang-jiechi",
        &["Yang Jiechi", "Kepala Diplomat Partai Komunis China"],
    );
    check(&s2, "vladimir-putin", &["Vladimir Putin"]);
    check(
        &s2,
        "USA",
        &["AS", "Amerika Serikat", "Gedung Putih", "Washington"],
    );
    check(&s2, "RUS", &["Rusia", "Moskow"]);
    check(&s2, "CHN", &["China", "Beijing"]);
    check(&s2, "UKR", &["Ukraina"]);

    let (_, s3) = analyse(&stage, &ex, "003_");
    check(&s3, "ma-zhaoxu", &["Ma Zhaoxu", "Ma"]);
    check(&s3, "sergey-lavrov", &["Sergei Lavrov", "Lavrov"]);
    check(&s3, "andrey-rudenko", &["Andrey Rudenko"]);
    check(&s3, "sergey-vershinin", &["Sergey Vershinin"]);
    check(&s3, "antony-blinken", &["Antony Blinken"]);
    check(&s3, "xi-jinping", &["Xi Jinping"]);
    check(&s3, "vladimir-putin", &["Vladimir Putin"]);
    check(&s3, "CHN", &["China"]);
    check(&s3, "RUS", &["Rusia"]);
    check(&s3, "USA", &["AS", "Amerika Serikat"]);
    check(&s3, "UKR", &["Ukraina"]);

    let (_, s4) = analyse(&stage, &ex, "004_");
    check(&s4, "wang-yi", &["Wang Yi", "Menlu China"]);
    check(&s4, "sergey-lavrov", &["Sergey Lavrov", "Lavrov", "Dia"]);
    check(&s4, "CHN", &["China"]);
    check(&s4, "RUS", &["Rusia"]);
    check(&s4, "USA", &["AS"]);
}
