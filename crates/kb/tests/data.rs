//! The real knowledge base in `data/kb/`: it loads, it knows the names Indonesian and
//! English diplomacy news uses, and it resolves offices by date.

use chrono::NaiveDate;
use std::sync::OnceLock;
use warta_kb::{ActorKind, Kb, MatchKind};
use warta_langdata::DataDir;

fn kb() -> &'static Kb {
    static KB: OnceLock<Kb> = OnceLock::new();
    KB.get_or_init(|| match Kb::load(&DataDir::locate(None)) {
        Ok(kb) => kb,
        Err(e) => panic!("the knowledge base does not load:\n{e}"),
    })
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

/// Ids of the actors a whole string may name.
fn ids(name: &str) -> Vec<String> {
    kb().lookup(name)
        .iter()
        .map(|c| c.actor.id.clone())
        .collect()
}

/// Who a role title refers to on a date.
fn holders(phrase: &str, date: &str) -> Vec<String> {
    let kb = kb();
    let title = kb
        .parse_role_title(phrase)
        .unwrap_or_else(|| panic!("`{phrase}` is not read as a title"));
    kb.title_holders(&title, day(date))
        .iter()
        .map(|a| a.id.clone())
        .collect()
}

#[test]
fn loads_with_expected_coverage() {
    let s = kb().stats();
    assert_eq!(s.countries, 250, "every ISO 3166 code plus Kosovo");
    assert!(s.persons >= 350, "{s:?}");
    assert!(s.organisations >= 100, "{s:?}");
    assert!(s.places >= 900, "{s:?}");
    assert!(s.holdings >= 450, "{s:?}");
}

#[test]
fn embedded_copy_loads_too() {
    // The binary must work without the repository: the build embeds data/kb.
    let embedded = Kb::load(&DataDir::embedded()).expect("embedded knowledge base");
    assert_eq!(embedded.stats(), kb().stats());
}

#[test]
fn china_in_all_its_names() {
    for name in [
        "China",
        "Tiongkok",
        "Cina",
        "RRT",
        "RRC",
        "Republik Rakyat Tiongkok",
        "Negeri Tirai Bambu",
        "People's Republic of China",
        "PRC",
        "Chinese",
    ] {
        assert_eq!(ids(name).first().map(String::as_str), Some("CHN"), "{name}");
    }
}

#[test]
fn other_country_aliases() {
    let cases = [
        ("Rusia", "RUS"),
        ("Federasi Rusia", "RUS"),
        ("Negeri Beruang Merah", "RUS"),
        ("Russian Federation", "RUS"),
        ("Amerika Serikat", "USA"),
        ("AS", "USA"),
        ("Amerika", "USA"),
        ("Negeri Paman Sam", "USA"),
        ("U.S.", "USA"),
        ("United States of America", "USA"),
        ("Inggris", "GBR"),
        ("Britania Raya", "GBR"),
        ("UK", "GBR"),
        ("Korea Selatan", "KOR"),
        ("Korsel", "KOR"),
        ("Korea Utara", "PRK"),
        ("Korut", "PRK"),
        ("Ukraina", "UKR"),
        ("RI", "IDN"),
        ("Timor Leste", "TLS"),
        ("Élysée", "FRA"),
        ("Elysee", "FRA"),
    ];
    for (name, id) in cases {
        assert_eq!(ids(name).first().map(String::as_str), Some(id), "{name}");
    }
}

#[test]
fn case_rules_keep_common_words_out() {
    assert!(ids("as").is_empty(), "Indonesian/English `as`");
    assert!(ids("us").is_empty(), "English `us`");
    assert!(ids("who").is_empty(), "English `who` is not the WHO");
    assert_eq!(ids("WHO"), ["WHO"]);
    assert!(ids("antara").is_empty(), "Indonesian `antara` (between)");
    assert_eq!(ids("ANTARA"), ["MEDIA-ANTARA"]);
    assert!(
        ids("cuba").is_empty(),
        "Malay/colloquial Indonesian `cuba` (try)"
    );
    assert_eq!(ids("Kuba"), ["CUB"]);
}

#[test]
fn capitals_and_seats_are_metonyms_with_a_sector() {
    let metonym = |name: &str, id: &str| {
        kb().lookup(name)
            .into_iter()
            .find(|c| c.actor.id == id && c.how == MatchKind::Metonym)
            .and_then(|c| c.sector)
            .map(str::to_string)
    };
    for (name, id, sector) in [
        ("Moskow", "RUS", "GOV"),
        ("Moscow", "RUS", "GOV"),
        ("Moskwa", "RUS", "GOV"),
        ("Kremlin", "RUS", "GOV"),
        ("Beijing", "CHN", "GOV"),
        ("Zhongnanhai", "CHN", "GOV"),
        ("Washington", "USA", "GOV"),
        ("Gedung Putih", "USA", "GOV"),
        ("White House", "USA", "GOV"),
        ("Pentagon", "USA", "MIL"),
        ("Istana", "IDN", "GOV"),
        ("Istana Merdeka", "IDN", "GOV"),
        ("Jakarta", "IDN", "GOV"),
        ("Downing Street", "GBR", "GOV"),
        ("Kyiv", "UKR", "GOV"),
        ("Kiev", "UKR", "GOV"),
        ("Tokyo", "JPN", "GOV"),
        ("Seoul", "KOR", "GOV"),
        ("Pyongyang", "PRK", "GOV"),
        ("Canberra", "AUS", "GOV"),
        ("Brussel", "EU", "IGO"),
        ("Brussels", "BEL", "GOV"),
    ] {
        assert_eq!(metonym(name, id).as_deref(), Some(sector), "{name}");
    }
    // "Moskow" is also the city itself.
    assert!(
        kb().lookup("Moskow")
            .iter()
            .any(|c| c.actor.kind == ActorKind::Place)
    );
}

#[test]
fn organisations() {
    for (name, id) in [
        ("PBB", "UN"),
        ("Perserikatan Bangsa-Bangsa", "UN"),
        ("Dewan Keamanan PBB", "UNSC"),
        ("DK PBB", "UNSC"),
        ("ASEAN", "ASEAN"),
        ("G20", "G20"),
        ("G-20", "G20"),
        ("Uni Eropa", "EU"),
        ("Komisi Eropa", "EU-COM"),
        ("NATO", "NATO"),
        ("Pakta Pertahanan Atlantik Utara", "NATO"),
        ("Organisasi Kerja Sama Shanghai", "SCO"),
        ("BRICS", "BRICS"),
        ("Dana Moneter Internasional", "IMF"),
        ("Bank Dunia", "WB"),
        ("OKI", "OIC"),
        ("Liga Arab", "ARAB-LEAGUE"),
        ("Mahkamah Pidana Internasional", "ICC"),
        ("Uni Ekonomi Eurasia", "EAEU"),
        ("Partai Komunis China", "CHN-CCP"),
        ("TASS", "MEDIA-TASS"),
        ("RIA Novosti", "MEDIA-RIA"),
        ("Xinhua", "MEDIA-XINHUA"),
        ("TNI", "IDN-TNI"),
        ("State Department", "USA-DOS"),
    ] {
        assert_eq!(ids(name).first().map(String::as_str), Some(id), "{name}");
    }
    let tass = kb().get("MEDIA-TASS").expect("TASS");
    assert_eq!(tass.sector.as_deref(), Some("JRN"));
    assert_eq!(
        kb().get("UN").and_then(|a| a.sector.as_deref()),
        Some("IGO")
    );
}

#[test]
fn persons_and_their_spellings() {
    for (name, id) in [
        ("Sergei Lavrov", "sergey-lavrov"),
        ("Sergey Lavrov", "sergey-lavrov"),
        ("Sergey Viktorovich Lavrov", "sergey-lavrov"),
        ("Jokowi", "joko-widodo"),
        ("Joko Widodo", "joko-widodo"),
        ("Xi Jinping", "xi-jinping"),
        ("Vladimir Putin", "vladimir-putin"),
        ("Volodymyr Zelenskyy", "volodymyr-zelensky"),
        ("Recep Tayyip Erdogan", "recep-tayyip-erdogan"),
        ("Phạm Minh Chính", "pham-minh-chinh"),
        ("Pham Minh Chinh", "pham-minh-chinh"),
        ("Ma’ruf Amin", "maruf-amin"),
    ] {
        assert_eq!(ids(name).first().map(String::as_str), Some(id), "{name}");
    }
    assert_eq!(
        kb().get("vladimir-putin").and_then(|a| a.qid.as_deref()),
        Some("Q7747")
    );
}

#[test]
fn role_titles_resolve_against_the_article_date() {
    let cases: &[(&str, &str, &[&str])] = &[
        ("Menlu Rusia", "2024-04-09", &["sergey-lavrov"]),
        (
            "Menteri Luar Negeri Rusia",
            "2022-03-19",
            &["sergey-lavrov"],
        ),
        ("Menlu China", "2023-06-01", &["qin-gang"]),
        ("Menlu China", "2023-09-01", &["wang-yi"]),
        ("Menlu China", "2022-06-01", &["wang-yi"]),
        ("Menlu RI", "2024-06-01", &["retno-marsudi"]),
        ("Menlu RI", "2025-03-01", &["sugiono"]),
        ("Presiden AS", "2021-06-01", &["joe-biden"]),
        ("Presiden AS", "2025-06-01", &["donald-trump"]),
        ("Presiden Amerika Serikat", "2016-06-01", &["barack-obama"]),
        (
            "Foreign Minister of Russia",
            "2024-01-01",
            &["sergey-lavrov"],
        ),
        ("Russian Foreign Minister", "2024-01-01", &["sergey-lavrov"]),
        ("U.S. Secretary of State", "2023-02-04", &["antony-blinken"]),
        ("Secretary of State", "2025-06-01", &["marco-rubio"]),
        (
            "Penasihat Keamanan Nasional AS",
            "2022-03-19",
            &["jake-sullivan"],
        ),
        ("Sekjen PBB", "2020-01-01", &["antonio-guterres"]),
        ("Sekjen NATO", "2020-01-01", &["jens-stoltenberg"]),
        (
            "Presiden Komisi Eropa",
            "2022-01-01",
            &["ursula-von-der-leyen"],
        ),
        ("Perdana Menteri Inggris", "2022-10-01", &["liz-truss"]),
        ("Kanselir Jerman", "2023-01-01", &["olaf-scholz"]),
        ("Juru Bicara Kremlin", "2023-01-01", &["dmitry-peskov"]),
        (
            "Jubir Kemlu China",
            "2023-03-01",
            &["hua-chunying", "wang-wenbin", "mao-ning"],
        ),
        ("Kementerian Luar Negeri China", "2023-02-04", &["CHN-MFA"]),
        ("Chinese Foreign Ministry", "2023-02-04", &["CHN-MFA"]),
        ("Panglima TNI", "2024-01-01", &["agus-subiyanto"]),
    ];
    for (phrase, date, want) in cases {
        assert_eq!(holders(phrase, date), *want, "{phrase} on {date}");
    }
}

#[test]
fn deputies_and_top_diplomats() {
    let wamenlu = holders("Wakil Menteri Luar Negeri China", "2023-02-04");
    assert!(wamenlu.contains(&"ma-zhaoxu".to_string()), "{wamenlu:?}");
    let wakil = holders("Wakil Menlu China", "2023-02-15");
    assert!(wakil.contains(&"ma-zhaoxu".to_string()), "{wakil:?}");
    let deputi = holders("Deputi Menteri Luar Negeri Rusia", "2023-02-04");
    for id in ["andrey-rudenko", "sergey-vershinin"] {
        assert!(deputi.contains(&id.to_string()), "{deputi:?}");
    }
    // China's top diplomat: Yang Jiechi until the start of 2023, then Wang Yi (also
    // foreign minister most of that time: both are candidates before 2023).
    let top = holders("diplomat tertinggi China", "2022-03-19");
    assert!(top.contains(&"yang-jiechi".to_string()), "{top:?}");
    assert_eq!(
        holders("diplomat tertinggi China", "2024-04-09"),
        ["wang-yi"]
    );
    // A national organisation falls back to its country.
    let party = holders("Kepala Diplomat Partai Komunis China", "2022-03-19");
    assert!(party.contains(&"yang-jiechi".to_string()), "{party:?}");
    // The EU's "foreign minister" is the High Representative.
    assert_eq!(holders("Menlu Uni Eropa", "2022-07-08"), ["josep-borrell"]);
    assert_eq!(
        holders("kepala kebijakan luar negeri Uni Eropa", "2025-01-15"),
        ["kaja-kallas"]
    );
}

#[test]
fn role_holders_directly() {
    let kb = kb();
    let who = |role: &str, of: &str, date: &str| -> Vec<String> {
        kb.role_holders(role, of, day(date))
            .iter()
            .map(|a| a.id.clone())
            .collect()
    };
    assert_eq!(
        who("foreign_minister", "IDN", "2024-10-20"),
        ["retno-marsudi"]
    );
    assert_eq!(who("foreign_minister", "IDN", "2024-10-21"), ["sugiono"]);
    assert_eq!(
        who("head_of_state", "IDN", "2024-10-20"),
        ["prabowo-subianto"]
    );
    assert_eq!(
        who("deputy_foreign_minister", "CHN", "2023-02-15")[0],
        "ma-zhaoxu"
    );
    assert_eq!(who("head_of_state", "GBR", "2023-05-06"), ["charles-iii"]);
    assert_eq!(
        who("head_of_government", "JPN", "2026-01-01"),
        ["sanae-takaichi"]
    );
}

#[test]
fn coding_follows_the_office_of_the_day() {
    let kb = kb();
    let kallas = kb.get("kaja-kallas").expect("Kallas");
    let c = kb.coding_on(kallas, day("2023-06-01"));
    assert_eq!((c.country, c.sector), (Some("EST"), Some("GOV")));
    let c = kb.coding_on(kallas, day("2025-06-01"));
    assert_eq!((c.country, c.sector), (None, Some("IGO")));
    let pentagon = kb.lookup("Pentagon");
    let mil = pentagon.iter().find(|c| c.actor.id == "USA").expect("USA");
    assert_eq!(mil.sector, Some("MIL"));
}

#[test]
fn surnames_alone() {
    let kb = kb();
    let one = |s: &str, d: &str| kb.resolve_surname(s, day(d)).map(|a| a.id.clone());
    assert_eq!(
        one("Lavrov", "2024-04-09").as_deref(),
        Some("sergey-lavrov")
    );
    assert_eq!(
        one("Putin", "2021-06-05").as_deref(),
        Some("vladimir-putin")
    );
    assert_eq!(one("Xi", "2024-04-09").as_deref(), Some("xi-jinping"));
    assert_eq!(
        one("Blinken", "2023-02-04").as_deref(),
        Some("antony-blinken")
    );
    assert_eq!(
        one("Obama", "2024-01-01").as_deref(),
        Some("barack-obama"),
        "unique even out of office"
    );
    // Several Wangs: on a 2021 date Wang Yi and Wang Wenbin were both in office.
    assert_eq!(one("Wang", "2021-06-05"), None);
    // Common words and names wait for a full mention.
    assert_eq!(one("May", "2018-01-01"), None);
    assert_eq!(one("Ma", "2023-02-04"), None);
    let lavrov = kb.get("sergey-lavrov").expect("Lavrov");
    assert!(kb.is_surname_of(lavrov, "Lavrov"));
    // Surnames that are common words are never reported alone.
    let text = "Yang Jiechi tiba. Yang terpenting adalah dialog. Sang Presiden hadir.";
    let found: Vec<&str> = kb
        .find_mentions(text)
        .iter()
        .map(|m| &text[m.start..m.end])
        .collect();
    assert_eq!(found, ["Yang Jiechi"]);
    assert_eq!(one("Yang", "2022-03-19"), None);
    let yang = kb.get("yang-jiechi").expect("Yang Jiechi");
    assert!(
        kb.is_surname_of(yang, "Yang"),
        "still usable after a full mention"
    );
    let wangs = kb.persons_with_surname("Wang");
    assert!(wangs.len() >= 3, "{wangs:?}");
}

/// A paragraph written for this test (not taken from any article).
const PARAGRAPH: &str = "Menteri Luar Negeri Rusia Sergei Lavrov dan mitranya dari Tiongkok, \
    Wang Yi, bertemu di Beijing pada Selasa. Lavrov mengatakan Moskow dan RRT menolak tekanan \
    AS, sementara Gedung Putih dan Pentagon belum berkomentar. Sekjen PBB menyerukan dialog, \
    as well as the EU's foreign policy chief. Xi's envoy visited Xi'an; Ma'ruf Amin stayed in Jakarta.";

#[test]
fn matcher_over_a_paragraph() {
    let kb = kb();
    let scan = kb.scan(PARAGRAPH);
    let found: Vec<(&str, &str, MatchKind)> = scan
        .mentions
        .iter()
        .map(|m| {
            let c = &m.candidates[0];
            (&PARAGRAPH[m.start..m.end], c.actor.id.as_str(), c.how)
        })
        .collect();
    let expect = [
        ("Rusia", "RUS", MatchKind::Alias),
        ("Sergei Lavrov", "sergey-lavrov", MatchKind::Alias),
        ("Tiongkok", "CHN", MatchKind::Alias),
        ("Wang Yi", "wang-yi", MatchKind::Name),
        ("Beijing", "CHN:beijing", MatchKind::Name),
        ("Lavrov", "sergey-lavrov", MatchKind::Surname),
        ("Moskow", "RUS:moscow", MatchKind::Alias),
        ("RRT", "CHN", MatchKind::Alias),
        ("AS", "USA", MatchKind::Alias),
        ("Gedung Putih", "USA", MatchKind::Metonym),
        ("Pentagon", "USA", MatchKind::Metonym),
        ("PBB", "UN", MatchKind::Alias),
        ("EU", "EU", MatchKind::Alias),
        ("Xi", "xi-jinping", MatchKind::Surname),
        ("Xi'an", "CHN:xian", MatchKind::Name),
        ("Ma'ruf Amin", "maruf-amin", MatchKind::Name),
        ("Jakarta", "IDN:jakarta", MatchKind::Name),
    ];
    assert_eq!(found, expect);

    let titles: Vec<(&str, &str, Option<&str>)> = scan
        .titles
        .iter()
        .map(|t| {
            (
                &PARAGRAPH[t.start..t.end],
                t.key,
                t.of.map(|a| a.id.as_str()),
            )
        })
        .collect();
    assert_eq!(
        titles,
        [
            ("Menteri Luar Negeri Rusia", "foreign_minister", Some("RUS")),
            ("Sekjen PBB", "secretary_general", Some("UN")),
            (
                "EU's foreign policy chief",
                "high_representative",
                Some("EU")
            ),
        ]
    );
}

/// The generated Phoenix tier: historical people, typed from their CAMEO codes, never
/// a second entry for someone the hand-written files hold.
#[test]
fn generated_persons_extend_the_hand_written_ones() {
    let kb = kb();
    let annan = kb
        .actors()
        .iter()
        .find(|a| a.name == "Kofi Annan")
        .expect("Kofi Annan is imported");
    assert!(annan.generated);
    assert_eq!(
        (annan.country.as_deref(), annan.sector.as_deref()),
        (None, Some("IGO"))
    );
    assert!(!annan.surname_alone);
    let king = kb.actors().iter().find(|a| a.id == "phx-abdullah-ii");
    assert_eq!(king.map(|a| a.name.as_str()), Some("Abdullah II"));
    assert_eq!(
        king.map(|a| a.surnames.clone()),
        Some(vec!["Abdullah".to_string()])
    );
    // Hand-written people win: no generated Lavrov, Putin or Obama.
    for name in ["Sergey Lavrov", "Vladimir Putin", "Barack Obama"] {
        let found: Vec<_> = kb.lookup(name).iter().map(|c| c.actor.generated).collect();
        assert_eq!(found, vec![false], "{name}");
    }
}
