//! Date finding and resolution on hand-written Indonesian, Malay and English sentences.

#![allow(clippy::unwrap_used)]

use chrono::{NaiveDate, Weekday};
use proptest::prelude::*;
use warta_dates::{DateLexicon, DateMention, Relative};
use warta_langdata::DataDir;
use warta_model::{Lang, Resolution};

fn lex() -> DateLexicon {
    DateLexicon::load(&DataDir::locate(None)).expect("data loads")
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Every mention of `text` as (printed text, ISO value, resolution) against `reference`.
fn run(
    lex: &DateLexicon,
    text: &str,
    reference: Option<NaiveDate>,
) -> Vec<(String, String, Resolution)> {
    lex.find(text)
        .iter()
        .map(|m| {
            assert_eq!(&text[m.range.clone()], m.text);
            let r = lex
                .resolve(m, reference)
                .unwrap_or_else(|| panic!("{:?} does not resolve", m.text));
            (m.text.clone(), r.iso(), r.resolution)
        })
        .collect()
}

/// The single mention of `text`, resolved.
fn one(
    lex: &DateLexicon,
    text: &str,
    reference: Option<NaiveDate>,
) -> (String, String, Resolution) {
    let all = run(lex, text, reference);
    assert_eq!(all.len(), 1, "{text:?} gave {all:?}");
    all.into_iter().next().unwrap()
}

const REF: Option<NaiveDate> = NaiveDate::from_ymd_opt(2023, 2, 4);

fn check(lex: &DateLexicon, text: &str, printed: &str, iso: &str, res: Resolution) {
    let (t, v, r) = one(lex, text, REF);
    assert_eq!(
        (t.as_str(), v.as_str(), r),
        (printed, iso, res),
        "in {text:?}"
    );
}

#[test]
fn indonesian_explicit_formats() {
    let lex = lex();
    use Resolution::Explicit as E;
    check(
        &lex,
        "Diterbitkan Sabtu 04 Feb 2023 15:34 WIB oleh redaksi",
        "Sabtu 04 Feb 2023 15:34 WIB",
        "2023-02-04T15:34:00+07:00",
        E,
    );
    check(
        &lex,
        "Sabtu, 05 Juni 2021, 12:22 WIB",
        "Sabtu, 05 Juni 2021, 12:22 WIB",
        "2021-06-05T12:22:00+07:00",
        E,
    );
    check(
        &lex,
        "Kedua menteri bertemu di Beijing, Sabtu (19/3/2022).",
        "Sabtu (19/3/2022)",
        "2022-03-19",
        E,
    );
    check(
        &lex,
        "Rapat itu berlangsung pada 4 Februari 2023 di Jakarta.",
        "4 Februari 2023",
        "2023-02-04",
        E,
    );
    check(
        &lex,
        "Kamis, 2 Februari 2023 | 10:30 WIB",
        "Kamis, 2 Februari 2023 | 10:30 WIB",
        "2023-02-02T10:30:00+07:00",
        E,
    );
    check(
        &lex,
        "Surat bertanggal 2/2/2023 itu beredar luas.",
        "2/2/2023",
        "2023-02-02",
        E,
    );
    check(
        &lex,
        "Diperbarui 04/02/2023 15.34",
        "04/02/2023 15.34",
        "2023-02-04T15:34:00",
        E,
    );
    check(
        &lex,
        "Diperbarui 04/02/2023, 15:34 WITA",
        "04/02/2023, 15:34 WITA",
        "2023-02-04T15:34:00+08:00",
        E,
    );
    check(
        &lex,
        "Jayapura, 4 Februari 2023 pukul 09.15 WIT",
        "4 Februari 2023 pukul 09.15 WIT",
        "2023-02-04T09:15:00+09:00",
        E,
    );
    check(
        &lex,
        "Sabtu, 4 Februari 2023 15:34 GMT+7",
        "Sabtu, 4 Februari 2023 15:34 GMT+7",
        "2023-02-04T15:34:00+07:00",
        E,
    );
    check(
        &lex,
        "04-02-2023 15:34 +0700",
        "04-02-2023 15:34 +0700",
        "2023-02-04T15:34:00+07:00",
        E,
    );
    check(
        &lex,
        "Kamis (2/2/2023) lalu kedua pihak sepakat.",
        "Kamis (2/2/2023) lalu",
        "2023-02-02",
        E,
    );
    check(
        &lex,
        "Jum'at, 3 Februari 2023",
        "Jum'at, 3 Februari 2023",
        "2023-02-03",
        E,
    );
    check(
        &lex,
        "Jum’at (3/2/2023)",
        "Jum’at (3/2/2023)",
        "2023-02-03",
        E,
    );
    check(
        &lex,
        "SABTU, 4 FEBRUARI 2023",
        "SABTU, 4 FEBRUARI 2023",
        "2023-02-04",
        E,
    );
    check(
        &lex,
        "Tanggal 17 Agt 1945 dikenang.",
        "17 Agt 1945",
        "1945-08-17",
        E,
    );
    check(
        &lex,
        "Pemilu 14 Pebruari 2024.",
        "14 Pebruari 2024",
        "2024-02-14",
        E,
    );
    check(&lex, "Dibuka 04-Feb-2023.", "04-Feb-2023", "2023-02-04", E);
    check(
        &lex,
        "Tenggat 4.2.2023 diundur.",
        "4.2.2023",
        "2023-02-04",
        E,
    );
    check(
        &lex,
        "Diunggah 2023/02/04 pukul 15.34",
        "2023/02/04 pukul 15.34",
        "2023-02-04T15:34:00",
        E,
    );
    check(
        &lex,
        "Sab, 04 Feb 2023",
        "Sab, 04 Feb 2023",
        "2023-02-04",
        E,
    );
}

#[test]
fn english_explicit_formats() {
    let lex = lex();
    use Resolution::Explicit as E;
    check(
        &lex,
        "Updated February 4, 2023",
        "February 4, 2023",
        "2023-02-04",
        E,
    );
    check(
        &lex,
        "Posted Feb. 4, 2023 3:34 p.m. ET",
        "Feb. 4, 2023 3:34 p.m. ET",
        "2023-02-04T15:34:00-05:00",
        E,
    );
    check(
        &lex,
        "Posted July 4, 2023 at 9:05 a.m. ET",
        "July 4, 2023 at 9:05 a.m. ET",
        "2023-07-04T09:05:00-04:00",
        E,
    );
    check(
        &lex,
        "Published 4 February 2023",
        "4 February 2023",
        "2023-02-04",
        E,
    );
    check(
        &lex,
        "Saturday, 4 Feb 2023",
        "Saturday, 4 Feb 2023",
        "2023-02-04",
        E,
    );
    check(
        &lex,
        "Saturday, February 4, 2023 10:00 GMT",
        "Saturday, February 4, 2023 10:00 GMT",
        "2023-02-04T10:00:00+00:00",
        E,
    );
    check(
        &lex,
        "Filed 2023-02-04 by our reporter",
        "2023-02-04",
        "2023-02-04",
        E,
    );
    check(
        &lex,
        "Sat, 04 Feb 2023 15:34:00 +0700",
        "Sat, 04 Feb 2023 15:34:00 +0700",
        "2023-02-04T15:34:00+07:00",
        E,
    );
    check(
        &lex,
        "on the 4th February 2023",
        "4th February 2023",
        "2023-02-04",
        E,
    );
    check(
        &lex,
        "London, 4 June 2023 18:00 BST",
        "4 June 2023 18:00 BST",
        "2023-06-04T18:00:00+01:00",
        E,
    );
    check(
        &lex,
        "The summit ran February 2-3, 2023 in Bali.",
        "February 2-3, 2023",
        "2023-02-02/2023-02-03",
        E,
    );
    check(
        &lex,
        "at 2023-02-04T08:34:00Z exactly",
        "2023-02-04T08:34:00Z",
        "2023-02-04T08:34:00+00:00",
        E,
    );
}

#[test]
fn malay_formats() {
    let lex = lex();
    check(
        &lex,
        "Kuala Lumpur, Isnin, 6 Mac 2023",
        "Isnin, 6 Mac 2023",
        "2023-03-06",
        Resolution::Explicit,
    );
    check(
        &lex,
        "Mesyuarat diadakan pada 15 Ogos 2022.",
        "15 Ogos 2022",
        "2022-08-15",
        Resolution::Explicit,
    );
    check(
        &lex,
        "Khamis (2/2/2023)",
        "Khamis (2/2/2023)",
        "2023-02-02",
        Resolution::Explicit,
    );
    check(
        &lex,
        "Julai 2021",
        "Julai 2021",
        "2021-07-01/2021-07-31",
        Resolution::Explicit,
    );
    check(
        &lex,
        "Polis menahan suspek semalam.",
        "semalam",
        "2023-02-03",
        Resolution::Relative,
    );
    check(
        &lex,
        "Laporan minggu lepas menunjukkan",
        "minggu lepas",
        "2023-01-28",
        Resolution::Relative,
    );
    check(
        &lex,
        "Beliau hadir Khamis lepas.",
        "Khamis lepas",
        "2023-02-02",
        Resolution::Relative,
    );
    check(
        &lex,
        "tiga hari lepas",
        "tiga hari lepas",
        "2023-02-01",
        Resolution::Relative,
    );
    check(
        &lex,
        "pada hari Ahad",
        "pada hari Ahad",
        "2023-01-29",
        Resolution::Relative,
    );
}

#[test]
fn relative_expressions() {
    let lex = lex();
    use Resolution::Relative as R;
    let cases = [
        ("Ia tiba di Jakarta kemarin.", "kemarin", "2023-02-03"),
        ("Rapat digelar hari ini.", "hari ini", "2023-02-04"),
        ("Hasilnya diumumkan besok.", "besok", "2023-02-05"),
        ("Sidang lanjutan lusa.", "lusa", "2023-02-06"),
        ("Ia sudah pergi kemarin lusa.", "kemarin lusa", "2023-02-02"),
        ("Pekan lalu harga naik.", "Pekan lalu", "2023-01-28"),
        ("Harga naik minggu lalu.", "minggu lalu", "2023-01-28"),
        ("Penjualan bulan lalu turun.", "bulan lalu", "2023-01-04"),
        ("Dibanding tahun lalu, naik.", "tahun lalu", "2022-02-04"),
        ("Ia datang dua hari lalu.", "dua hari lalu", "2023-02-02"),
        (
            "Kejadian 3 hari yang lalu.",
            "3 hari yang lalu",
            "2023-02-01",
        ),
        ("Dua pekan lalu ia sakit.", "Dua pekan lalu", "2023-01-21"),
        (
            "Lima tahun silam ia menjabat.",
            "Lima tahun silam",
            "2018-02-04",
        ),
        ("Ia akan tiba dua hari lagi.", "dua hari lagi", "2023-02-06"),
        (
            "Presiden berpidato pada hari Senin di Istana.",
            "pada hari Senin",
            "2023-01-30",
        ),
        ("Ia ditangkap Senin lalu.", "Senin lalu", "2023-01-30"),
        (
            "Polisi menangkapnya Senin (kemarin).",
            "Senin (kemarin)",
            "2023-01-30",
        ),
        (
            "Sidang dilanjutkan Senin depan.",
            "Senin depan",
            "2023-02-06",
        ),
        (
            "Sidang dilanjutkan Selasa mendatang.",
            "Selasa mendatang",
            "2023-02-07",
        ),
        ("Ia ditangkap Sabtu lalu.", "Sabtu lalu", "2023-01-28"),
        (
            "Ia ditangkap pada hari Sabtu.",
            "pada hari Sabtu",
            "2023-02-04",
        ),
        (
            "Ia ditangkap hari Minggu lalu.",
            "hari Minggu lalu",
            "2023-01-29",
        ),
        (
            "Kebakaran terjadi kemarin pukul 10.00 WIB.",
            "kemarin pukul 10.00 WIB",
            "2023-02-03T10:00:00+07:00",
        ),
        ("He arrived yesterday.", "yesterday", "2023-02-03"),
        ("Prices rose last week.", "last week", "2023-01-28"),
        ("They met on Monday in Bali.", "on Monday", "2023-01-30"),
        ("They meet next Tuesday.", "next Tuesday", "2023-02-07"),
        ("He left two days ago.", "two days ago", "2023-02-02"),
        ("The vote is in two weeks.", "in two weeks", "2023-02-18"),
        (
            "A year ago the rate was higher.",
            "A year ago",
            "2022-02-04",
        ),
        ("He resigned last Saturday.", "last Saturday", "2023-01-28"),
        (
            "The minister said on Thursday.",
            "on Thursday",
            "2023-02-02",
        ),
    ];
    for (text, printed, iso) in cases {
        check(&lex, text, printed, iso, R);
    }
}

#[test]
fn bare_weekdays_are_nearest_before() {
    let lex = lex();
    check(
        &lex,
        "Kata dia di Jakarta, Kamis.",
        "Kamis",
        "2023-02-02",
        Resolution::Relative,
    );
    check(
        &lex,
        "The minister said Wednesday.",
        "Wednesday",
        "2023-02-01",
        Resolution::Relative,
    );
    // "Minggu" alone is "week", not Sunday.
    assert!(lex.find("Dalam satu Minggu ia datang.").is_empty());
    assert!(
        lex.find("pada minggu ini")
            .iter()
            .all(|m| m.weekday.is_none())
    );
    let m = &lex.find("Ia datang pada minggu lalu.")[0];
    assert_eq!(m.text, "minggu lalu");
    assert_eq!(m.relative, Some(Relative::Weeks(-1)));
    // … but a part of the day after it makes it Sunday.
    let m = &lex.find("Mereka bertemu pada Minggu malam.")[0];
    assert_eq!(m.relative, Some(Relative::WeekdayBefore(Weekday::Sun)));
}

#[test]
fn weekday_inferred_year() {
    let lex = lex();
    let ms = lex.find("Menlu kedua negara bertemu Selasa (9 April) di Beijing.");
    assert_eq!(ms.len(), 1);
    assert_eq!(ms[0].text, "Selasa (9 April)");
    assert_eq!(ms[0].weekday, Some(Weekday::Tue));
    // 9 April 2024 is a Tuesday; the next Tuesday 9 April is in 2030.
    for y in 2024..=2029 {
        for (m, day) in [(1, 2), (4, 9), (4, 10), (7, 1), (12, 31)] {
            let r = lex.resolve(&ms[0], Some(d(y, m, day))).unwrap();
            assert_eq!(r.date, d(2024, 4, 9), "reference {y}-{m}-{day}");
            assert_eq!(r.resolution, Resolution::WeekdayInferred);
        }
    }
    // Short day/month after a weekday.
    let (t, v, r) = one(
        &lex,
        "Bentrokan terjadi Sabtu (5/6) malam.",
        Some(d(2021, 6, 10)),
    );
    assert_eq!(
        (t.as_str(), v.as_str(), r),
        ("Sabtu (5/6)", "2021-06-05", Resolution::WeekdayInferred)
    );
    // 29 February on a Monday: the latest such leap day is 2016.
    let (_, v, r) = one(&lex, "Senin (29 Februari)", Some(d(2023, 3, 1)));
    assert_eq!((v.as_str(), r), ("2016-02-29", Resolution::WeekdayInferred));
}

#[test]
fn year_inferred_and_ranges() {
    let lex = lex();
    check(
        &lex,
        "Kunjungan dilakukan pada 2 dan 3 Februari.",
        "2 dan 3 Februari",
        "2023-02-02/2023-02-03",
        Resolution::YearInferred,
    );
    check(
        &lex,
        "Pameran 2–3 Feb di Bandung.",
        "2–3 Feb",
        "2023-02-02/2023-02-03",
        Resolution::YearInferred,
    );
    check(
        &lex,
        "Pameran 2-3 Februari 2023 di Bandung.",
        "2-3 Februari 2023",
        "2023-02-02/2023-02-03",
        Resolution::Explicit,
    );
    check(
        &lex,
        "Pameran 2 hingga 5 Maret 2023.",
        "2 hingga 5 Maret 2023",
        "2023-03-02/2023-03-05",
        Resolution::Explicit,
    );
    check(
        &lex,
        "Sidang digelar 15 Februari.",
        "15 Februari",
        "2023-02-15",
        Resolution::YearInferred,
    );
    check(
        &lex,
        "Natal 25 Desember lalu meriah.",
        "25 Desember lalu",
        "2022-12-25",
        Resolution::YearInferred,
    );
    check(
        &lex,
        "pada 25 Desember",
        "25 Desember",
        "2022-12-25",
        Resolution::YearInferred,
    );
    check(
        &lex,
        "pada 10 Januari mendatang",
        "10 Januari mendatang",
        "2024-01-10",
        Resolution::YearInferred,
    );
    check(
        &lex,
        "pada 3 Februari lalu",
        "3 Februari lalu",
        "2023-02-03",
        Resolution::YearInferred,
    );
    check(
        &lex,
        "The talks on March 4 failed.",
        "March 4",
        "2023-03-04",
        Resolution::YearInferred,
    );
}

#[test]
fn month_mentions() {
    let lex = lex();
    check(
        &lex,
        "Sejak Maret 2022 harga naik.",
        "Maret 2022",
        "2022-03-01/2022-03-31",
        Resolution::Explicit,
    );
    check(
        &lex,
        "Since February 2024 prices rose.",
        "February 2024",
        "2024-02-01/2024-02-29",
        Resolution::Explicit,
    );
    let m = &lex.find("Sejak Maret 2022")[0];
    assert_eq!((m.year, m.month, m.day), (Some(2022), Some(3), None));
}

#[test]
fn word_boundaries_and_false_positives() {
    let lex = lex();
    for text in [
        "Restorasi Meiji mengubah Jepang.",
        "Maria dan Marina datang.",
        "Bulan Maret dan Mei biasanya hujan.",
        "Pada Juni ia lulus.",
        "Harga naik 20 persen.",
        "Sebanyak 1/2 dari peserta hadir.",
        "Skor akhir 2-1 untuk tuan rumah.",
        "Rilis versi 1.2.3 dan 10.4.2.",
        "Acara dimulai pukul 10.30 WIB.",
        "Pukul 10.30",
        "KTT G20 2022 di Bali.",
        "Nomor 12/34/5678 dan Rp 1.500.000.",
        "Jumat Agung diperingati umat.",
        "Usai salat Jumat, warga berkumpul.",
        "Black Friday sales began.",
        "You may 2 or 3 times.",
        "Telepon 0812-3456-7890.",
        "COVID-19 menyebar pada 2020.",
        "Junior Maret Meister.",
        "2 hari kerja",
        "Tahun 2023 adalah tahun politik.",
    ] {
        let found: Vec<String> = lex.find(text).into_iter().map(|m| m.text).collect();
        assert!(found.is_empty(), "{text:?} gave {found:?}");
    }
}

#[test]
fn invalid_dates_do_not_resolve() {
    let lex = lex();
    let m = &lex.find("31 Februari 2023")[0];
    assert_eq!(lex.resolve(m, REF), None);
    let m = &lex.find("30 Februari")[0];
    assert_eq!(lex.resolve(m, REF), None);
    // Relative and year-less dates need a reference.
    let m = &lex.find("kemarin")[0];
    assert_eq!(lex.resolve(m, None), None);
    let m = &lex.find("9 April")[0];
    assert_eq!(lex.resolve(m, None), None);
}

#[test]
fn several_mentions_in_order() {
    let lex = lex();
    let got = run(
        &lex,
        "Setelah bertemu Senin (30/1/2023), keduanya kembali bertemu kemarin, dan akan bertemu lagi 10 Februari.",
        REF,
    );
    let texts: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
    assert_eq!(texts, ["Senin (30/1/2023)", "kemarin", "10 Februari"]);
    assert_eq!(got[2].1, "2023-02-10");
}

#[test]
fn numeric_order_follows_language_data() {
    // Language is data: a US-style language folder written by a "linguist".
    let dir = tempfile::tempdir().unwrap();
    let us = dir.path().join("lang/en");
    std::fs::create_dir_all(&us).unwrap();
    std::fs::write(
        us.join("dates.toml"),
        "numeric_order = \"mdy\"\nmonth_first = true\n[weekdays]\nnames = [[\"monday\"],[\"tuesday\"],[\"wednesday\"],[\"thursday\"],[\"friday\"],[\"saturday\"],[\"sunday\"]]\n",
    )
    .unwrap();
    let lex = DateLexicon::load(&DataDir::at(dir.path())).unwrap();
    assert_eq!(lex.languages(), ["en"]);
    let m = &lex.find_with("2/4/2023", Some(Lang::En))[0];
    assert_eq!((m.day, m.month), (Some(4), Some(2)));
    let m = &lex.find_with("2/4/2023", Some(Lang::Id))[0];
    assert_eq!((m.day, m.month), (Some(2), Some(4)));
    // The mention's own weekday word tells the language.
    let m = &lex.find("Saturday, 2/4/2023")[0];
    assert_eq!((m.day, m.month), (Some(4), Some(2)));
    // A part above 12 is always the day.
    let m = &lex.find_with("13/4/2023", Some(Lang::En))[0];
    assert_eq!((m.day, m.month), (Some(13), Some(4)));
    let m = &lex.find_with("4/13/2023", Some(Lang::Id))[0];
    assert_eq!((m.day, m.month), (Some(13), Some(4)));
}

#[test]
fn empty_lexicon_still_reads_numbers() {
    let lex = DateLexicon::default();
    assert!(lex.languages().is_empty());
    let m = &lex.find("Terbit 2/2/2023 dan Senin")[0];
    assert_eq!(m.text, "2/2/2023");
    assert_eq!(lex.resolve(m, None).unwrap().iso(), "2023-02-02");
    assert_eq!(lex.find("Terbit 2/2/2023 dan Senin").len(), 1);
    // A language without a dates.toml falls back to day first.
    let m = &lex.find_with("2/4/2023", Some(Lang::Other))[0];
    assert_eq!((m.day, m.month), (Some(2), Some(4)));
}

#[test]
fn bad_data_file_is_a_typed_error() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("lang/xx");
    std::fs::create_dir_all(&p).unwrap();
    std::fs::write(p.join("dates.toml"), "[months]\nnames = [[\"jan\"]]\n").unwrap();
    let err = DateLexicon::load(&DataDir::at(dir.path())).unwrap_err();
    assert!(err.to_string().contains("lang/xx/dates.toml"), "{err}");
    // A language folder without the file is skipped.
    std::fs::remove_file(p.join("dates.toml")).unwrap();
    assert!(
        DateLexicon::load(&DataDir::at(dir.path()))
            .unwrap()
            .languages()
            .is_empty()
    );
}

#[test]
fn embedded_data_matches_disk() {
    let disk = lex();
    let emb = DateLexicon::load(&DataDir::embedded()).unwrap();
    assert_eq!(disk.languages(), emb.languages());
    assert_eq!(emb.find("Sabtu 04 Feb 2023 15:34 WIB").len(), 1);
}

#[test]
fn machine_timestamps() {
    let lex = lex();
    let r = lex.parse_machine("2023-02-04T15:34:00+07:00").unwrap();
    assert_eq!(r.iso(), "2023-02-04T15:34:00+07:00");
    assert_eq!(r.resolution, Resolution::Metadata);
    assert_eq!(
        lex.parse_machine("2023-02-04T08:34:00.000Z").unwrap().iso(),
        "2023-02-04T08:34:00+00:00"
    );
    assert_eq!(lex.parse_machine("2023-02-04").unwrap().iso(), "2023-02-04");
    assert_eq!(lex.parse_machine("2023/02/04").unwrap().iso(), "2023-02-04");
    assert_eq!(
        lex.parse_machine("2023-02-04 15:34:00").unwrap().iso(),
        "2023-02-04T15:34:00"
    );
    assert_eq!(
        lex.parse_machine("Sat, 04 Feb 2023 15:34:00 +0700")
            .unwrap()
            .iso(),
        "2023-02-04T15:34:00+07:00"
    );
    // A printed date in a <meta> falls back to the text finder.
    let r = lex.parse_machine("Sabtu, 04 Feb 2023 15:34 WIB").unwrap();
    assert_eq!(r.iso(), "2023-02-04T15:34:00+07:00");
    assert_eq!(r.resolution, Resolution::Metadata);
    assert!(lex.parse_machine("kemarin").is_none());
    assert!(lex.parse_machine("2023-13-01").is_none());
    let p = r.to_published();
    assert_eq!(p.value, "2023-02-04T15:34:00+07:00");
}

fn weekday_strategy() -> impl Strategy<Value = Weekday> {
    (0u8..7).prop_map(|i| Weekday::try_from(i).unwrap())
}

fn relative_strategy() -> impl Strategy<Value = Relative> {
    prop_oneof![
        any::<i32>().prop_map(Relative::Days),
        any::<i32>().prop_map(Relative::Weeks),
        any::<i32>().prop_map(Relative::Months),
        any::<i32>().prop_map(Relative::Years),
        weekday_strategy().prop_map(Relative::WeekdayBefore),
        weekday_strategy().prop_map(Relative::WeekdayAfter),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn find_never_panics_and_ranges_are_exact(text in "\\PC{0,80}") {
        let lex = lex_cached();
        let mut last = 0;
        for m in lex.find(&text) {
            prop_assert!(m.range.start >= last);
            prop_assert!(text.is_char_boundary(m.range.start) && text.is_char_boundary(m.range.end));
            prop_assert_eq!(&text[m.range.clone()], m.text.as_str());
            last = m.range.end;
            let _ = lex.resolve(&m, Some(d(2023, 2, 4)));
        }
    }

    #[test]
    fn find_on_date_like_noise(text in "[0-9 /.,:()+\\-–WIBSabtuSeninFebJunimeiMaretlalu]{0,60}") {
        let lex = lex_cached();
        for m in lex.find(&text) {
            prop_assert_eq!(&text[m.range.clone()], m.text.as_str());
            let _ = lex.resolve(&m, Some(d(2024, 2, 29)));
        }
    }

    #[test]
    fn resolve_never_panics(
        year in proptest::option::of(any::<i32>()),
        month in proptest::option::of(any::<u32>()),
        day in proptest::option::of(any::<u32>()),
        day_end in proptest::option::of(any::<u32>()),
        weekday in proptest::option::of(weekday_strategy()),
        relative in proptest::option::of(relative_strategy()),
        text in "\\PC{0,20}",
        ref_days in proptest::option::of(-800_000i32..800_000),
    ) {
        let lex = lex_cached();
        let m = DateMention {
            range: 0..text.len(),
            text,
            year,
            month,
            day,
            day_end,
            weekday,
            time: None,
            offset: None,
            relative,
        };
        let reference = ref_days.and_then(|n| d(2000, 1, 1).checked_add_signed(chrono::TimeDelta::days(n.into())));
        if let Some(r) = lex.resolve(&m, reference) {
            if let Some(end) = r.end {
                prop_assert!(end > r.date);
            }
            if m.relative.is_none() && m.year.is_some() && m.day.is_some() {
                prop_assert_eq!(r.resolution, Resolution::Explicit);
            }
        }
    }

    #[test]
    fn parse_machine_never_panics(value in "\\PC{0,40}") {
        let _ = lex_cached().parse_machine(&value);
    }
}

fn lex_cached() -> &'static DateLexicon {
    static LEX: std::sync::OnceLock<DateLexicon> = std::sync::OnceLock::new();
    LEX.get_or_init(lex)
}
