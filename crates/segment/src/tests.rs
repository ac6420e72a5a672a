//! Unit tests for every rule, on sentences written for these tests.

use std::sync::OnceLock;

use warta_langdata::DataDir;
use warta_model::CharIndex;

use super::*;

fn seg() -> &'static Segmenter {
    static SEG: OnceLock<Segmenter> = OnceLock::new();
    SEG.get_or_init(|| Segmenter::load(&DataDir::locate(None)).expect("data loads"))
}

fn toks(text: &str) -> Vec<&str> {
    seg().tokenize(text).iter().map(|t| t.text(text)).collect()
}

fn kinds(text: &str) -> Vec<(&str, TokenKind)> {
    seg()
        .tokenize(text)
        .iter()
        .map(|t| (t.text(text), t.kind))
        .collect()
}

fn sents(text: &str) -> Vec<&str> {
    seg()
        .segment(text)
        .sentences
        .iter()
        .map(|s| s.text(text))
        .collect()
}

fn kind_of(text: &str, token: &str) -> TokenKind {
    kinds(text)
        .into_iter()
        .find(|(t, _)| *t == token)
        .map(|(_, k)| k)
        .unwrap_or_else(|| panic!("no token {token:?} in {:?}", toks(text)))
}

// ---------------------------------------------------------------- tokens

#[test]
fn hyphenated_words_stay_whole() {
    assert_eq!(
        toks("Negara-negara itu ikut pada hari ke-2, kata kubu Rusia-China."),
        [
            "Negara-negara",
            "itu",
            "ikut",
            "pada",
            "hari",
            "ke-2",
            ",",
            "kata",
            "kubu",
            "Rusia-China",
            "."
        ]
    );
    assert_eq!(
        toks("kasus COVID-19 pada 1990-an"),
        ["kasus", "COVID-19", "pada", "1990-an"]
    );
    // A spaced or doubled dash, an en dash and a trailing hyphen are punctuation.
    assert_eq!(toks("Rusia - China"), ["Rusia", "-", "China"]);
    assert_eq!(toks("Rusia–China"), ["Rusia", "–", "China"]);
    assert_eq!(toks("Jakarta -- Presiden"), ["Jakarta", "--", "Presiden"]);
    assert_eq!(
        toks("pra- dan pascabayar"),
        ["pra", "-", "dan", "pascabayar"]
    );
}

#[test]
fn hyphen_parts_and_reduplication() {
    let text = "hubungan Rusia-China dan negara-negara";
    let out = seg().tokenize(text);
    let rc = out.get(1).expect("token");
    assert!(rc.flags.hyphenated());
    let parts: Vec<&str> = rc.hyphen_parts(text).filter_map(|r| text.get(r)).collect();
    assert_eq!(parts, ["Rusia", "China"]);
    assert!(!is_reduplication(rc.text(text)));
    assert!(is_reduplication(out.get(3).expect("token").text(text)));
}

#[test]
fn apostrophes_inside_names_and_possessives() {
    assert_eq!(
        toks("O'Neill datang hari Jum'at"),
        ["O'Neill", "datang", "hari", "Jum'at"]
    );
    assert_eq!(toks("hari Jum’at lalu"), ["hari", "Jum’at", "lalu"]);
    // The English possessive is its own token (Penn Treebank style).
    assert_eq!(toks("Trump's plan"), ["Trump", "'s", "plan"]);
    assert_eq!(
        toks("the union’s leaders"),
        ["the", "union", "’s", "leaders"]
    );
    // A quote that is not between letters is a quote.
    assert_eq!(toks("'Ini' katanya"), ["'", "Ini", "'", "katanya"]);
}

#[test]
fn numbers_decimals_thousands_money() {
    assert_eq!(toks("naik 20,5 persen"), ["naik", "20,5", "persen"]);
    assert_eq!(toks("sebanyak 1.500 orang"), ["sebanyak", "1.500", "orang"]);
    assert_eq!(toks("Rp 1,2 triliun"), ["Rp", "1,2", "triliun"]);
    assert_eq!(toks("US$ 50 juta"), ["US$", "50", "juta"]);
    assert_eq!(kind_of("US$ 50 juta", "US$"), TokenKind::Symbol);
    assert_eq!(
        toks("harga Rp5.000 atau US$50 atau RM20"),
        [
            "harga", "Rp", "5.000", "atau", "US$", "50", "atau", "RM", "20"
        ]
    );
    assert_eq!(
        toks("naik 20% dari $5"),
        ["naik", "20", "%", "dari", "$", "5"]
    );
    assert_eq!(toks("1.234.567,89"), ["1.234.567,89"]);
    assert_eq!(kind_of("sebanyak 1.500 orang", "1.500"), TokenKind::Number);
    // Glued letters and digits that are not a currency stay one word.
    assert_eq!(
        toks("KTT G20 dan jaringan 5G"),
        ["KTT", "G20", "dan", "jaringan", "5G"]
    );
}

#[test]
fn times_dates_ranges_and_codes() {
    assert_eq!(toks("pukul 10.30 WIB"), ["pukul", "10.30", "WIB"]);
    assert_eq!(toks("pukul 15:34 WIB"), ["pukul", "15:34", "WIB"]);
    assert_eq!(toks("Sabtu (19/3/2022)"), ["Sabtu", "(", "19/3/2022", ")"]);
    assert_eq!(toks("periode 2014-2019"), ["periode", "2014-2019"]);
    assert_eq!(toks("DPR/MPR dan AD/ART"), ["DPR/MPR", "dan", "AD/ART"]);
    assert_eq!(toks("Nomor 1/POJK.07/2013"), ["Nomor", "1/POJK.07/2013"]);
    // A full stop after a number ends it.
    assert_eq!(toks("tahun 2022."), ["tahun", "2022", "."]);
    assert_eq!(toks("skor 2:1, lalu"), ["skor", "2:1", ",", "lalu"]);
}

#[test]
fn listed_abbreviations_keep_their_full_stop() {
    let cases = [
        "Prof.", "Dr.", "Hj.", "Jl.", "Rp.", "dll.", "dsb.", "Kab.", "a.n.", "Sdr.", "Tn.", "Ny.",
        "S.H.", "M.Si.", "Bpk.", "dkk.", "U.S.", "Mr.", "Mrs.", "Gen.", "Lt.", "Col.", "Sen.",
        "Rep.", "Jr.", "St.", "Inc.", "Corp.", "Co.", "vs.", "e.g.", "i.e.", "etc.", "KH.", "PT.",
        "Tbk.", "Ph.D.",
    ];
    for a in cases {
        let text = format!("x {a} y");
        assert_eq!(toks(&text), ["x", a, "y"], "{a}");
        assert_eq!(kind_of(&text, a), TokenKind::Abbreviation, "{a}");
    }
    // "No." is an abbreviation before a number only.
    assert_eq!(toks("No. 5"), ["No.", "5"]);
    assert_eq!(toks("Ketetapan No. XXV"), ["Ketetapan", "No.", "XXV"]);
    assert_eq!(toks("jawabnya no. Lalu"), ["jawabnya", "no", ".", "Lalu"]);
    // Capitalised entries do not match lower case: "kol." is cabbage.
    assert_eq!(toks("sayur kol. Lalu"), ["sayur", "kol", ".", "Lalu"]);
    // Unlisted dotted abbreviations are recognised by shape.
    assert_eq!(
        kind_of("gelar S.Kom. di", "S.Kom."),
        TokenKind::Abbreviation
    );
}

#[test]
fn initials() {
    assert_eq!(
        kinds("Sergey V. Lavrov"),
        [
            ("Sergey", TokenKind::Word),
            ("V.", TokenKind::Initial),
            ("Lavrov", TokenKind::Word)
        ]
    );
    assert_eq!(
        kinds("J. Smith"),
        [("J.", TokenKind::Initial), ("Smith", TokenKind::Word)]
    );
    assert_eq!(toks("Susilo B. Yudhoyono"), ["Susilo", "B.", "Yudhoyono"]);
    // "H." (Haji) is listed as a prefix: an initial that never ends a sentence.
    assert_eq!(kind_of("H. Ahmad", "H."), TokenKind::Initial);
    assert_eq!(
        sents("Ia bertemu H. Kemudian Ahmad."),
        ["Ia bertemu H. Kemudian Ahmad."]
    );
}

#[test]
fn urls_emails_handles_hashtags_emoji() {
    let text = "Lihat https://www.kompas.com/read/2022/03/19/a.html?x=1, atau www.detik.com.";
    assert_eq!(
        kinds(text),
        [
            ("Lihat", TokenKind::Word),
            (
                "https://www.kompas.com/read/2022/03/19/a.html?x=1",
                TokenKind::Url
            ),
            (",", TokenKind::Punct),
            ("atau", TokenKind::Word),
            ("www.detik.com", TokenKind::Url),
            (".", TokenKind::Terminal),
        ]
    );
    assert_eq!(
        kind_of("situs Kompas.com hari ini", "Kompas.com"),
        TokenKind::Url
    );
    assert_eq!(
        kind_of("buka kompas.com/tag/pemilu ya", "kompas.com/tag/pemilu"),
        TokenKind::Url
    );
    assert_eq!(
        toks("(https://example.org/a_(b))."),
        ["(", "https://example.org/a_(b)", ")", "."]
    );
    assert_eq!(
        kinds("kirim ke redaksi.news@media.co.id."),
        [
            ("kirim", TokenKind::Word),
            ("ke", TokenKind::Word),
            ("redaksi.news@media.co.id", TokenKind::Email),
            (".", TokenKind::Terminal)
        ]
    );
    assert_eq!(
        kind_of("ikuti @kompas_com.", "@kompas_com"),
        TokenKind::Handle
    );
    assert_eq!(
        kind_of("tagar #PemiluDamai2024!", "#PemiluDamai2024"),
        TokenKind::Hashtag
    );
    assert_eq!(toks("nomor #1"), ["nomor", "#", "1"]);
    assert_eq!(
        kinds("Mantap 😀👍🏽 🇮🇩👨‍👩‍👧"),
        [
            ("Mantap", TokenKind::Word),
            ("😀", TokenKind::Emoji),
            ("👍🏽", TokenKind::Emoji),
            ("🇮🇩", TokenKind::Emoji),
            ("👨‍👩‍👧", TokenKind::Emoji),
        ]
    );
}

#[test]
fn quotes_and_brackets_are_separate_tokens() {
    assert_eq!(
        kinds("“Ya,” ‘kan’ «non» \"oke\" [1] (a)"),
        [
            ("“", TokenKind::Quote),
            ("Ya", TokenKind::Word),
            (",", TokenKind::Punct),
            ("”", TokenKind::Quote),
            ("‘", TokenKind::Quote),
            ("kan", TokenKind::Word),
            ("’", TokenKind::Quote),
            ("«", TokenKind::Quote),
            ("non", TokenKind::Word),
            ("»", TokenKind::Quote),
            ("\"", TokenKind::Quote),
            ("oke", TokenKind::Word),
            ("\"", TokenKind::Quote),
            ("[", TokenKind::OpenBracket),
            ("1", TokenKind::Number),
            ("]", TokenKind::CloseBracket),
            ("(", TokenKind::OpenBracket),
            ("a", TokenKind::Word),
            (")", TokenKind::CloseBracket),
        ]
    );
    assert_eq!(toks("``kata''"), ["``", "kata", "''"]);
}

#[test]
fn terminal_runs_are_one_token() {
    assert_eq!(
        toks("Apa?! Tidak... Ya…"),
        ["Apa", "?!", "Tidak", "...", "Ya", "…"]
    );
}

#[test]
fn clitic_nya_is_part_of_the_word() {
    assert_eq!(toks("menurutnya, katanya"), ["menurutnya", ",", "katanya"]);
    let s = seg();
    assert_eq!(s.nya_suffix("menurutnya"), Some(7));
    assert_eq!(s.nya_suffix("Menurutnya"), Some(7));
    assert_eq!(s.nya_suffix("hanya"), None);
    assert_eq!(s.nya_suffix("punya"), None);
    assert_eq!(s.nya_suffix("Kenya"), None);
    assert_eq!(s.nya_suffix("APBD-nya"), Some(5));
    let c = s.clitic("apakah").expect("clitic");
    assert_eq!((c.stem_end, c.role), (3, CliticRole::Particle));
    assert_eq!(s.clitic("sekolah"), None);
    assert_eq!(s.clitic("rumah"), None);
}

#[test]
fn flags() {
    let text = "“Presiden DPR-RI Joko membayar Rp 5.000,” kata dia.";
    let out = seg().segment(text);
    let get = |w: &str| {
        *out.tokens
            .iter()
            .find(|t| t.text(text) == w)
            .unwrap_or_else(|| panic!("{w}"))
    };
    let p = get("Presiden");
    assert!(p.flags.capitalised() && !p.flags.all_caps() && p.flags.sentence_initial());
    assert!(p.flags.glued(), "glued to the opening quote");
    let d = get("DPR-RI");
    assert!(d.flags.all_caps() && d.flags.hyphenated() && !d.flags.sentence_initial());
    assert!(get("5.000").flags.has_digit());
    assert!(!get("kata").flags.capitalised());
    let first = out.tokens.first().expect("token");
    assert!(first.flags.line_start() && !first.flags.glued() && !first.flags.sentence_initial());
}

#[test]
fn whitespace_and_invisible_characters() {
    assert_eq!(
        toks("a\u{A0}b\u{200B}c\u{FEFF}d\t\r\ne"),
        ["a", "b", "c", "d", "e"]
    );
    assert!(seg().segment("").tokens.is_empty());
    assert!(seg().segment(" \n\n\t").sentences.is_empty());
}

#[test]
fn char_offsets_through_char_index() {
    let text = "“Ya,” kata Ömer. Lalu pergi.";
    let out = seg().segment(text);
    let idx = CharIndex::new(text);
    let omer = out
        .tokens
        .iter()
        .find(|t| t.text(text) == "Ömer")
        .expect("token");
    let span = omer.span(&idx);
    assert_eq!(idx.slice(text, span), Some("Ömer"));
    assert_eq!((span.start, span.end), (11, 15));
    let s = out.sentences.get(1).expect("two sentences");
    assert_eq!(idx.slice(text, s.span(&idx)), Some("Lalu pergi."));
    assert_eq!(out.sentence_spans(&idx).len(), 2);
    assert_eq!(out.token_spans(&idx).get(5), Some(&span));
}

// ---------------------------------------------------------------- sentences

#[test]
fn splits_on_terminal_punctuation() {
    assert_eq!(
        sents("Ia datang. Mereka pergi! Siapa dia? Entahlah… Sudah."),
        [
            "Ia datang.",
            "Mereka pergi!",
            "Siapa dia?",
            "Entahlah…",
            "Sudah."
        ]
    );
    assert_eq!(sents("Apa?! Tidak mungkin."), ["Apa?!", "Tidak mungkin."]);
}

#[test]
fn abbreviations_titles_and_numbers_do_not_split() {
    assert_eq!(
        sents(
            "Prof. Dr. H. Ahmad tiba di Jl. Sudirman No. 5 pukul 10.30 WIB. \
             Ia membayar Rp. 5.000 dll. Kemudian pulang."
        ),
        [
            "Prof. Dr. H. Ahmad tiba di Jl. Sudirman No. 5 pukul 10.30 WIB.",
            "Ia membayar Rp. 5.000 dll.",
            "Kemudian pulang."
        ]
    );
    assert_eq!(
        sents("Kepala Kab. Bogor, Tn. Budi, S.H., M.Si. hadir. Ny. Ani juga."),
        [
            "Kepala Kab. Bogor, Tn. Budi, S.H., M.Si. hadir.",
            "Ny. Ani juga."
        ]
    );
    assert_eq!(
        sents(
            "Mr. and Mrs. Smith met Gen. Lt. Col. Brown and Sen. Jones vs. Rep. Lee, e.g. Tom, i.e. Jim."
        ),
        [
            "Mr. and Mrs. Smith met Gen. Lt. Col. Brown and Sen. Jones vs. Rep. Lee, e.g. Tom, i.e. Jim."
        ]
    );
    assert_eq!(
        sents("Dana a.n. Sdr. Budi, Bpk. Joko dkk. hadir."),
        ["Dana a.n. Sdr. Budi, Bpk. Joko dkk. hadir."]
    );
}

#[test]
fn final_and_ambiguous_abbreviations() {
    // A "final" abbreviation ends a sentence before a capitalised word.
    assert_eq!(
        sents("Ia membeli beras, gula, dsb. Harganya naik."),
        ["Ia membeli beras, gula, dsb.", "Harganya naik."]
    );
    assert_eq!(
        sents("He works for Acme Inc. The firm grew."),
        ["He works for Acme Inc.", "The firm grew."]
    );
    // ... but not before another abbreviation or a bracket.
    assert_eq!(
        sents("Hyundai Co. Ltd. (Korea) setuju."),
        ["Hyundai Co. Ltd. (Korea) setuju."]
    );
    // An "ambiguous" one only before a sentence starter.
    assert_eq!(
        sents("He met U.S. President Biden in the U.S. The talks ended."),
        [
            "He met U.S. President Biden in the U.S.",
            "The talks ended."
        ]
    );
    assert_eq!(
        sents("Martin Luther King Jr. was born in Atlanta."),
        ["Martin Luther King Jr. was born in Atlanta."]
    );
}

#[test]
fn initials_do_not_split_unless_a_sentence_starter_follows() {
    assert_eq!(
        sents("Menurut Sergey V. Lavrov, semua baik."),
        ["Menurut Sergey V. Lavrov, semua baik."]
    );
    assert_eq!(
        sents("Kata J. Smith kepada A. B. Cole."),
        ["Kata J. Smith kepada A. B. Cole."]
    );
    assert_eq!(
        sents("Ia masuk golongan A. Kemudian ia pulang."),
        ["Ia masuk golongan A.", "Kemudian ia pulang."]
    );
}

#[test]
fn closing_quotes_and_brackets_go_with_the_sentence() {
    assert_eq!(
        sents("“Kami siap…,” ujarnya. Ia tersenyum."),
        ["“Kami siap…,” ujarnya.", "Ia tersenyum."]
    );
    assert_eq!(
        sents("Ia berkata, “Kami menolak,” kata Lavrov.” Lalu pergi."),
        ["Ia berkata, “Kami menolak,” kata Lavrov.”", "Lalu pergi."]
    );
    assert_eq!(
        sents("Lavrov berkata, \"Kami siap.\" Wang setuju."),
        ["Lavrov berkata, \"Kami siap.\"", "Wang setuju."]
    );
    assert_eq!(
        sents("“Pergi!” katanya. “Apa?” tanya dia."),
        ["“Pergi!” katanya.", "“Apa?” tanya dia."]
    );
    // A quotation of two sentences is two sentences.
    assert_eq!(
        sents("“Kami siap. Kami menunggu,” ujarnya."),
        ["“Kami siap.", "Kami menunggu,” ujarnya."]
    );
    // An opening straight quote after a space starts the next sentence.
    assert_eq!(
        sents("Ia datang. \"Saya lelah,\" katanya."),
        ["Ia datang.", "\"Saya lelah,\" katanya."]
    );
}

#[test]
fn dates_in_parentheses_and_brackets() {
    assert_eq!(
        sents("Lavrov tiba di Beijing, Sabtu (19/3/2022). Ia bertemu Wang."),
        [
            "Lavrov tiba di Beijing, Sabtu (19/3/2022).",
            "Ia bertemu Wang."
        ]
    );
    // No sentence ends inside brackets that close in the paragraph.
    assert_eq!(
        sents("Ia menolak (Ini bukan kali pertama. Dulu juga.) Lalu pergi."),
        [
            "Ia menolak (Ini bukan kali pertama. Dulu juga.)",
            "Lalu pergi."
        ]
    );
    // A stray bracket does not swallow the paragraph.
    assert_eq!(
        sents("Ia menolak (lihat juga. Lalu pergi. Semua diam."),
        ["Ia menolak (lihat juga.", "Lalu pergi.", "Semua diam."]
    );
}

#[test]
fn decimals_times_urls_and_list_items_do_not_split() {
    assert_eq!(
        sents("Naik 2.5 persen pukul 10.30. Lalu turun."),
        ["Naik 2.5 persen pukul 10.30.", "Lalu turun."]
    );
    assert_eq!(
        sents("Buka www.kompas.com. Di sana ada beritanya."),
        ["Buka www.kompas.com.", "Di sana ada beritanya."]
    );
    assert_eq!(
        sents("Syaratnya:\n1. Warga negara.\n2. Sehat jasmani."),
        ["Syaratnya:\n1. Warga negara.", "2. Sehat jasmani."]
    );
    assert_eq!(
        sents("1. Pertama kali ia datang."),
        ["1. Pertama kali ia datang."]
    );
    assert_eq!(
        sents("Jumlahnya 5. Kemudian naik."),
        ["Jumlahnya 5.", "Kemudian naik."]
    );
}

#[test]
fn lower_case_after_a_stop_continues() {
    assert_eq!(
        sents("Harganya Rp. 5 juta. lalu naik."),
        ["Harganya Rp. 5 juta. lalu naik."]
    );
    assert_eq!(
        sents("Ia bilang tidak… lalu pergi."),
        ["Ia bilang tidak… lalu pergi."]
    );
    // A brand written with a lower-case first letter still starts a sentence.
    assert_eq!(
        sents("Ia membeli. iPhone itu mahal."),
        ["Ia membeli.", "iPhone itu mahal."]
    );
}

#[test]
fn paragraphs_and_line_breaks() {
    let text = "Judul tanpa titik\n\nParagraf satu\nmasih sama. Kalimat dua\r\n\r\nProf.\n\n(Baru)";
    let out = seg().segment(text);
    let got: Vec<(&str, usize)> = out
        .sentences
        .iter()
        .map(|s| (s.text(text), s.paragraph))
        .collect();
    assert_eq!(
        got,
        [
            ("Judul tanpa titik", 0),
            ("Paragraf satu\nmasih sama.", 1),
            ("Kalimat dua", 1),
            ("Prof.", 2),
            ("(Baru)", 3)
        ]
    );
    // A paragraph break ends a sentence even inside brackets.
    assert_eq!(sents("Ia (kata\n\ndia) pergi"), ["Ia (kata", "dia) pergi"]);
}

#[test]
fn glued_stops() {
    // A missing space before a capitalised word still splits; codes do not.
    assert_eq!(
        sents("Ia pulang.Kemudian tidur."),
        ["Ia pulang.", "Kemudian tidur."]
    );
    assert_eq!(
        sents("Pasal 34/PMK.011/2007 berlaku."),
        ["Pasal 34/PMK.011/2007 berlaku."]
    );
}

#[test]
fn sentences_partition_tokens() {
    let text = "Satu. Dua! \n\n Tiga?";
    let out = seg().segment(text);
    let ranges: Vec<std::ops::Range<usize>> =
        out.sentences.iter().map(|s| s.tokens.clone()).collect();
    assert_eq!(ranges, [0..2, 2..4, 4..6]);
    assert_eq!(out.sentence_of(3), Some(1));
    assert_eq!(out.sentence_of(9), None);
    assert_eq!(out.sentence_tokens(&out.sentences[2]).len(), 2);
}

// ---------------------------------------------------------------- data

#[test]
fn embedded_data_segments_like_the_folder() {
    let emb = Segmenter::load(&DataDir::embedded()).expect("embedded data loads");
    let text = "Prof. Dr. H. Ahmad tiba di Jl. Sudirman. Ia pulang dll. Kemudian tidur.";
    assert_eq!(emb.segment(text), seg().segment(text));
    assert!(emb.abbreviation_count() > 200);
}

#[test]
fn malformed_data_is_a_typed_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let lang = dir.path().join("lang/xx");
    std::fs::create_dir_all(&lang).expect("mkdir");
    std::fs::write(lang.join(ABBREVIATIONS_FILE), "Dr. prefix\nJl title\n").expect("write");
    let err = Segmenter::load(&DataDir::at(dir.path())).expect_err("must fail");
    match &err {
        SegmentError::Invalid { path, line, .. } => {
            assert_eq!((path.as_str(), *line), ("lang/xx/abbreviations.txt", 2));
        }
        other => panic!("unexpected {other}"),
    }
    assert!(err.to_string().contains("line 2"));
    // A folder without segmenter files is fine: nothing is an abbreviation.
    std::fs::write(lang.join(ABBREVIATIONS_FILE), "# empty\n").expect("write");
    let bare = Segmenter::load(&DataDir::at(dir.path())).expect("loads");
    assert_eq!(bare.segment("Dr. Budi datang.").sentences.len(), 2);
}

#[test]
fn a_linguist_can_add_an_abbreviation() {
    let dir = tempfile::tempdir().expect("tempdir");
    let lang = dir.path().join("lang/xx");
    std::fs::create_dir_all(&lang).expect("mkdir");
    let text = "Ia tinggal di Kp. Melayu sejak lama.";
    std::fs::write(lang.join(ABBREVIATIONS_FILE), "# nothing\n").expect("write");
    let before = Segmenter::load(&DataDir::at(dir.path())).expect("loads");
    assert_eq!(before.segment(text).sentences.len(), 2);
    std::fs::write(lang.join(ABBREVIATIONS_FILE), "Kp. prefix\n").expect("write");
    let after = Segmenter::load(&DataDir::at(dir.path())).expect("loads");
    assert_eq!(after.segment(text).sentences.len(), 1);
}
