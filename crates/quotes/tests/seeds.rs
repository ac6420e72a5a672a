//! The five showcase pages (`shared/seeds/`, third-party text read at test time and
//! never copied here) through extraction, language ID and the quote stage: every
//! direct quotation with its speaker, cue and channel.
//!
//! Quotations are picked by the first two or three words of their text; nothing
//! longer from the pages is written here.

use std::sync::OnceLock;

use warta_extract::Extractor;
use warta_ingest::RawDoc;
use warta_lang::LangId;
use warta_langdata::DataDir;
use warta_model::{Article, CharIndex, Quote, Span, SpeakerKind};
use warta_quotes::Quotes;

struct Stages {
    extractor: Extractor,
    langid: LangId,
    quotes: Quotes,
}

fn stages() -> &'static Stages {
    static S: OnceLock<Stages> = OnceLock::new();
    S.get_or_init(|| {
        let data = DataDir::locate(None);
        Stages {
            extractor: Extractor::load(&data).expect("extraction rules load"),
            langid: LangId::load(&data).expect("language data loads"),
            quotes: Quotes::load(&data).expect("quote data loads"),
        }
    })
}

/// The seed whose file name starts with `prefix`, analysed, with its quotations; or
/// `None` (with a notice) when the shared folder is absent.
fn seed(prefix: &str) -> Option<(Article, Vec<Quote>)> {
    let text = warta_langdata::shared::seed_text(prefix)?;
    let s = stages();
    let mut article = s.extractor.extract(&RawDoc::plain_text(
        &format!("{prefix}seed.txt"),
        text,
        Some("2024-06-01"),
    ));
    article.lang = s.langid.detect(&article.text, None);
    let quotes = s.quotes.find(&article);
    check_spans(&article, &quotes);
    Some((article, quotes))
}

/// Every span points at its text.
fn check_spans(a: &Article, quotes: &[Quote]) {
    let idx = CharIndex::new(&a.text);
    let slice = |start: usize, end: usize| idx.slice(&a.text, Span::new(start, end));
    for q in quotes {
        assert_eq!(slice(q.start, q.end), Some(q.text.as_str()));
        if let Some(s) = &q.speaker {
            assert_eq!(slice(s.start, s.end), Some(s.text.as_str()));
            for m in s.anaphor.iter().chain(&s.refers_to) {
                assert_eq!(slice(m.start, m.end), Some(m.text.as_str()));
            }
        }
        if let (Some(cue), Some(span)) = (&q.cue, q.cue_span) {
            assert_eq!(slice(span.start, span.end), Some(cue.as_str()));
        }
        for v in &q.via {
            assert_eq!(slice(v.start, v.end), Some(v.text.as_str()));
        }
    }
}

/// The quotation whose text starts with `opening` (a few words).
fn quote<'q>(quotes: &'q [Quote], opening: &str) -> &'q Quote {
    let hits: Vec<&Quote> = quotes
        .iter()
        .filter(|q| q.text.starts_with(opening))
        .collect();
    assert_eq!(
        hits.len(),
        1,
        "one quotation opening with {opening:?}; all: {:#?}",
        quotes.iter().map(|q| &q.text).collect::<Vec<_>>()
    );
    hits[0]
}

/// Expected attribution of one quotation.
struct Want<'a> {
    opening: &'a str,
    direct: bool,
    speaker: &'a str,
    cue: &'a str,
    via: &'a [&'a str],
}

fn check(quotes: &[Quote], w: &Want<'_>) -> &'static str {
    let q = quote(quotes, w.opening);
    assert_eq!(q.direct, w.direct, "{}: direct", w.opening);
    let s = q
        .speaker
        .as_ref()
        .unwrap_or_else(|| panic!("{}: no speaker", w.opening));
    assert_eq!(s.text, w.speaker, "{}: speaker", w.opening);
    assert_eq!(q.cue.as_deref(), Some(w.cue), "{}: cue", w.opening);
    let via: Vec<&str> = q.via.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(via, w.via, "{}: via", w.opening);
    "ok"
}

fn speaker_of<'q>(quotes: &'q [Quote], opening: &str) -> &'q warta_model::Speaker {
    quote(quotes, opening)
        .speaker
        .as_ref()
        .unwrap_or_else(|| panic!("{opening}: no speaker"))
}

fn no_quote_opening(quotes: &[Quote], opening: &str) {
    assert!(
        !quotes.iter().any(|q| q.text.starts_with(opening)),
        "{opening:?} is not a quotation"
    );
}

#[test]
fn seed_000_lavrov_at_the_g20() {
    let Some((_, qs)) = seed("000_") else { return };
    let direct: Vec<&Quote> = qs.iter().filter(|q| q.direct).collect();
    assert_eq!(direct.len(), 3);
    // A quotation credited to TASS ("menurut kantor berita …"), its speaker a title.
    check(
        &qs,
        &Want {
            opening: "Kami terus meningkatkan",
            direct: true,
            speaker: "Menteri Luar Negeri Rusia",
            cue: "mengatakan",
            via: &["TASS"],
        },
    );
    let s = speaker_of(&qs, "Kami terus meningkatkan");
    assert_eq!(s.kind, SpeakerKind::Description);
    assert_eq!(s.country.as_deref(), Some("RUS"));
    assert_eq!(s.role.as_deref(), Some("foreign_minister"));
    assert!(
        s.refers_to
            .as_ref()
            .is_some_and(|r| r.text.ends_with("Lavrov"))
    );
    // "Menurut Lavrov, “…”"
    check(
        &qs,
        &Want {
            opening: "bertentangan dengan kebijakan",
            direct: true,
            speaker: "Lavrov",
            cue: "Menurut",
            via: &[],
        },
    );
    // "Sergey Lavrov menambahkan: “…”"
    check(
        &qs,
        &Want {
            opening: "Seperti yang dicatat",
            direct: true,
            speaker: "Sergey Lavrov",
            cue: "menambahkan",
            via: &[],
        },
    );
    // The lede reports what Lavrov said: "… menyatakan dalam sebuah pertemuan bahwa …"
    let lede = quote(&qs, "Tekanan AS");
    assert!(!lede.direct);
    assert!(
        speaker_of(&qs, "Tekanan AS")
            .text
            .ends_with("Sergei Lavrov")
    );
    assert_eq!(lede.cue.as_deref(), Some("menyatakan"));
}

#[test]
fn seed_001_wang_and_lavrov_in_beijing() {
    let Some((_, qs)) = seed("001_") else { return };
    let wants = [
        Want {
            opening: "Tiongkok akan mendukung",
            direct: true,
            speaker: "Menteri Luar Negeri Wang Yi",
            cue: "berjanji",
            via: &[],
        },
        Want {
            opening: "Beijing dan Moskow",
            direct: true,
            speaker: "Wang",
            cue: "kata",
            via: &["RIA Novosti"],
        },
        // "ujarnya" → Wang (the previous quotation's speaker).
        Want {
            opening: "Di bawah kepemimpinan",
            direct: true,
            speaker: "Wang",
            cue: "ujarnya",
            via: &[],
        },
        Want {
            opening: "Xi Jinping",
            direct: true,
            speaker: "Lavrov",
            cue: "kata",
            via: &["Izvestia"],
        },
        // "tambahnya, menurut RIA Novosti" → Lavrov.
        Want {
            opening: "Hasil pemilu",
            direct: true,
            speaker: "Lavrov",
            cue: "tambahnya",
            via: &["RIA Novosti"],
        },
        Want {
            opening: "Hal ini juga",
            direct: true,
            speaker: "diplomat tertinggi tersebut",
            cue: "kata",
            via: &[],
        },
        // "Wang mengatakan Rusia dan Tiongkok “…”": a partial quotation.
        Want {
            opening: "selalu berpegang",
            direct: true,
            speaker: "Wang",
            cue: "mengatakan",
            via: &[],
        },
        Want {
            opening: "Tiongkok dan Rusia harus",
            direct: true,
            speaker: "Wang",
            cue: "katanya",
            via: &[],
        },
        Want {
            opening: "(Kita harus)",
            direct: true,
            speaker: "Wang",
            cue: "ujarnya",
            via: &[],
        },
        Want {
            opening: "Sebagai kekuatan",
            direct: true,
            speaker: "Wang",
            cue: "katanya",
            via: &[],
        },
        Want {
            opening: "Tiongkok terus menyediakan",
            direct: true,
            speaker: "Menteri Luar Negeri AS Antony Blinken",
            cue: "mengatakan",
            via: &[],
        },
        Want {
            opening: "Kebijakan ini",
            direct: true,
            speaker: "Lavrov",
            cue: "kata",
            via: &[],
        },
        // "Ia menuduh … “…”" → Lavrov.
        Want {
            opening: "peluang pengembangan",
            direct: true,
            speaker: "Lavrov",
            cue: "menuduh",
            via: &[],
        },
    ];
    for w in &wants {
        check(&qs, w);
    }
    assert_eq!(qs.iter().filter(|q| q.direct).count(), wants.len());
    // Pronouns keep what they were resolved from.
    let s = speaker_of(&qs, "Di bawah kepemimpinan");
    assert_eq!(s.anaphor.as_ref().map(|a| a.text.as_str()), Some("nya"));
    let s = speaker_of(&qs, "peluang pengembangan");
    assert_eq!(s.anaphor.as_ref().map(|a| a.text.as_str()), Some("Ia"));
    // The top diplomat "tersebut" is the salient diplomat: Lavrov.
    let s = speaker_of(&qs, "Hal ini juga");
    assert_eq!(s.kind, SpeakerKind::Description);
    assert_eq!(
        s.refers_to.as_ref().map(|r| r.text.as_str()),
        Some("Lavrov")
    );
    // Scare quotes are not quotations.
    for scare in [
        "keadilan dan keadilan",
        "dukungan",
        "sanksi yang",
        "cara yang",
    ] {
        no_quote_opening(&qs, scare);
    }
    // Reported speech.
    let analysts = speaker_of(&qs, "Tiongkok lebih unggul");
    assert!(analysts.anonymous && analysts.plural);
    assert_eq!(analysts.role.as_deref(), Some("analyst"));
    assert_eq!(speaker_of(&qs, "kedua pihak telah").text, "Wang");
    assert_eq!(
        speaker_of(&qs, "Beijing akan memperkuat").text,
        "Diplomat utama Tiongkok"
    );
}

#[test]
fn seed_002_lavrov_and_an_anonymous_us_official() {
    let Some((_, qs)) = seed("002_") else { return };
    // The first quotation has no closing mark: it ends at ", kata".
    let first = quote(&qs, "Situasi saat ini");
    assert!(first.text.ends_with("Rusia dan China"), "{}", first.text);
    check(
        &qs,
        &Want {
            opening: "Situasi saat ini",
            direct: true,
            speaker: "Menteri Luar Negeri Rusia Sergei Lavrov",
            cue: "kata",
            via: &[],
        },
    );
    // Lavrov's "ujarnya", with mixed curly and straight marks.
    check(
        &qs,
        &Want {
            opening: "Kerjasama ini",
            direct: true,
            speaker: "Menteri Luar Negeri Rusia Sergei Lavrov",
            cue: "ujarnya",
            via: &[],
        },
    );
    check(
        &qs,
        &Want {
            opening: "Tentu saja kami",
            direct: true,
            speaker: "Lavrov",
            cue: "ujar",
            via: &["Interfax"],
        },
    );
    check(
        &qs,
        &Want {
            opening: "Kami memiliki keprihatinan",
            direct: true,
            speaker: "seorang pejabat senior AS",
            cue: "kata",
            via: &[],
        },
    );
    check(
        &qs,
        &Want {
            opening: "Itu adalah percakapan",
            direct: true,
            speaker: "seorang pejabat senior AS",
            cue: "tambahnya",
            via: &[],
        },
    );
    for opening in ["Kami memiliki keprihatinan", "Itu adalah percakapan"] {
        let s = speaker_of(&qs, opening);
        assert_eq!(s.kind, SpeakerKind::Anonymous);
        assert!(s.anonymous && !s.plural);
        assert_eq!(s.country.as_deref(), Some("USA"));
        assert_eq!(s.role.as_deref(), Some("official"));
        assert_eq!(s.canonical, None);
    }
    assert_eq!(qs.iter().filter(|q| q.direct).count(), 5);
    no_quote_opening(&qs, "substansial");
    // "…, kata para pejabat AS." is reported speech by anonymous officials.
    let officials = quote(&qs, "Pertemuan Sullivan");
    assert!(!officials.direct);
    let s = speaker_of(&qs, "Pertemuan Sullivan");
    assert!(s.anonymous && s.plural);
    assert_eq!(s.country.as_deref(), Some("USA"));
    assert_eq!(speaker_of(&qs, "kedua pejabat itu").text, "Gedung Putih");
}

#[test]
fn seed_003_reported_speech_only() {
    let Some((_, qs)) = seed("003_") else { return };
    assert!(qs.iter().all(|q| !q.direct), "no direct quotation in 003");
    assert_eq!(
        speaker_of(&qs, "hubungan Rusia dan China tanpa").text,
        "Lavrov"
    );
    let s = speaker_of(&qs, "Negeri Tirai Bambu");
    assert_eq!(s.text, "Kementerian Luar Negeri China");
    assert_eq!(s.country.as_deref(), Some("CHN"));
    for scare in ["terlarang", "invasi"] {
        no_quote_opening(&qs, scare);
    }
}

#[test]
fn seed_004_wang_yi_on_the_phone_with_lavrov() {
    let Some((_, qs)) = seed("004_") else { return };
    check(
        &qs,
        &Want {
            opening: "China juga akan",
            direct: true,
            speaker: "Menlu China",
            cue: "kata",
            via: &["CGTN"],
        },
    );
    let s = speaker_of(&qs, "China juga akan");
    assert_eq!(s.kind, SpeakerKind::Description);
    assert_eq!(
        s.refers_to.as_ref().map(|r| r.text.as_str()),
        Some("Wang Yi")
    );
    check(
        &qs,
        &Want {
            opening: "Kedua negara harus",
            direct: true,
            speaker: "Wang Yi",
            cue: "ujarnya",
            via: &[],
        },
    );
    check(
        &qs,
        &Want {
            opening: "Rusia juga berharap",
            direct: true,
            speaker: "Lavrov",
            cue: "demikian",
            via: &[],
        },
    );
    assert_eq!(qs.iter().filter(|q| q.direct).count(), 3);
    // Reported speech closed by "demikian dikatakan" and Wang Yi's two titles.
    let lede = quote(&qs, "Hubungan China dan Rusia");
    assert!(!lede.direct);
    assert!(
        speaker_of(&qs, "Hubungan China dan Rusia")
            .text
            .ends_with("Wang Yi")
    );
    assert_eq!(lede.cue.as_deref(), Some("demikian dikatakan"));
    // "Dia juga mengatakan bahwa …" after "Lavrov pada bagiannya menyatakan …".
    let s = speaker_of(&qs, "kedua belah pihak");
    assert_eq!(s.text, "Lavrov");
    assert_eq!(s.anaphor.as_ref().map(|a| a.text.as_str()), Some("Dia"));
}

/// With the entity stage (as the pipeline runs it), speakers get the linked actor:
/// names, titles ("Menlu China"), descriptions ("diplomat tertinggi tersebut") and
/// pronouns alike; anonymous speakers never.
#[test]
fn seeds_linked_through_the_entity_stage() {
    let Some((mut a1, _)) = seed("001_") else {
        return;
    };
    let data = DataDir::locate(None);
    let entities = warta_entities::EntityStage::load(&data).expect("entity stage loads");
    let reference = chrono_date(2024, 6, 1);
    let link = |a: &mut Article| {
        a.entities = entities.find(a, reference);
        stages().quotes.find(a)
    };
    let qs = link(&mut a1);
    let canonical = |qs: &[Quote], opening: &str| speaker_of(qs, opening).canonical.clone();
    for opening in [
        "Beijing dan Moskow",
        "Di bawah kepemimpinan",
        "Sebagai kekuatan",
    ] {
        assert_eq!(
            canonical(&qs, opening).as_deref(),
            Some("Wang Yi"),
            "{opening}"
        );
    }
    for opening in [
        "Xi Jinping",
        "Hasil pemilu",
        "Hal ini juga",
        "peluang pengembangan",
    ] {
        assert_eq!(
            canonical(&qs, opening).as_deref(),
            Some("Sergey Lavrov"),
            "{opening}"
        );
    }
    if let Some((mut a2, _)) = seed("002_") {
        let qs = link(&mut a2);
        assert_eq!(canonical(&qs, "Kami memiliki keprihatinan"), None);
        assert_eq!(
            canonical(&qs, "Tentu saja kami").as_deref(),
            Some("Sergey Lavrov")
        );
    }
    if let Some((mut a4, _)) = seed("004_") {
        let qs = link(&mut a4);
        assert_eq!(
            canonical(&qs, "China juga akan").as_deref(),
            Some("Wang Yi")
        );
        assert_eq!(
            canonical(&qs, "Rusia juga berharap").as_deref(),
            Some("Sergey Lavrov")
        );
    }
}

fn chrono_date(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}
