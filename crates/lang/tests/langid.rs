//! Language identification on hand-written paragraphs (Indonesian, Malaysian-news Malay,
//! English, and French/German/Spanish/Chinese/Tagalog as "other"), plus recall on the
//! UD Indonesian treebanks when they are present.
//!
//! `cargo test -p warta-lang -- --nocapture` prints the accuracy figures.

#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use warta_lang::LangId;
use warta_langdata::DataDir;
use warta_model::Lang;

fn lid() -> &'static LangId {
    static L: std::sync::OnceLock<LangId> = std::sync::OnceLock::new();
    L.get_or_init(|| LangId::load(&DataDir::locate(None)).unwrap())
}

const INDONESIAN: &[&str] = &[
    "Pemerintah memastikan harga beras di pasar tradisional tetap stabil menjelang bulan puasa. Menteri Perdagangan mengatakan stok di gudang Bulog cukup untuk kebutuhan tiga bulan ke depan.",
    "Polisi menangkap dua pria yang diduga terlibat dalam kasus pencurian sepeda motor di kawasan Bekasi, Senin (6/3/2023). Kapolsek setempat mengatakan kedua tersangka sudah beraksi di lima lokasi berbeda.",
    "Indeks Harga Saham Gabungan ditutup menguat 1,2 persen pada perdagangan Rabu sore. Investor asing mencatatkan pembelian bersih sebesar Rp1,5 triliun di seluruh pasar.",
    "Dinas Kesehatan Kota Bandung mencatat jumlah kasus demam berdarah meningkat tajam sejak awal tahun. Warga diimbau menguras bak mandi dan menutup tempat penampungan air agar nyamuk tidak berkembang biak.",
    "Tim nasional Indonesia berhasil mengalahkan Vietnam dengan skor 2-0 dalam laga yang digelar di Stadion Gelora Bung Karno. Pelatih mengaku puas karena para pemain muda tampil disiplin sepanjang pertandingan.",
    "Badan Meteorologi, Klimatologi, dan Geofisika memperingatkan potensi hujan lebat disertai angin kencang di sejumlah provinsi hingga akhir pekan. Masyarakat diminta waspada terhadap kemungkinan banjir dan tanah longsor.",
    "Mahasiswa dari berbagai universitas menggelar aksi di depan gedung DPR untuk menolak rancangan undang-undang tersebut. Mereka menilai sejumlah pasal berpotensi membatasi kebebasan berpendapat.",
    "Kecelakaan beruntun yang melibatkan lima kendaraan terjadi di jalan tol pada Minggu dini hari. Tidak ada korban jiwa dalam peristiwa itu, namun tiga orang mengalami luka ringan dan dilarikan ke rumah sakit terdekat.",
    "Komisi antikorupsi menetapkan seorang bupati sebagai tersangka kasus suap proyek jalan. Juru bicara lembaga itu mengatakan penyidik telah menyita uang tunai senilai ratusan juta rupiah.",
    "Presiden meminta para menteri mempercepat penyerapan anggaran agar program bantuan sosial bisa segera dirasakan masyarakat. Hal itu disampaikan dalam rapat terbatas di Istana Merdeka, Jakarta.",
    "Kebakaran melanda sebuah pasar di Surabaya dan menghanguskan puluhan kios pedagang. Petugas pemadam kebakaran membutuhkan waktu sekitar tiga jam untuk memadamkan api.",
    "Danau Toba adalah danau vulkanik terbesar di Asia Tenggara yang terletak di Provinsi Sumatera Utara. Di tengah danau tersebut terdapat Pulau Samosir yang dihuni oleh masyarakat Batak.",
    "Jujur aja, aku nggak nyangka acaranya bakal serame ini. Banyak banget orang yang datang dari luar kota, padahal cuacanya lagi nggak bersahabat.",
    "Kementerian Luar Negeri menyatakan bahwa seluruh warga negara Indonesia di wilayah konflik dalam keadaan aman. Kedutaan terus memantau situasi dan siap melakukan evakuasi bila diperlukan.",
];

const MALAY: &[&str] = &[
    "Perdana Menteri berkata kerajaan akan memperkenalkan beberapa langkah baharu bagi membantu rakyat yang terjejas akibat kenaikan harga barang. Menurut beliau, bantuan tunai itu dijangka disalurkan sebelum hujung bulan ini kepada lebih sejuta isi rumah.",
    "Polis menahan dua lelaki tempatan berusia lingkungan 20-an bagi membantu siasatan berhubung kes samun di sebuah stesen minyak di Seremban awal pagi semalam. Ketua Polis Daerah berkata kedua-dua suspek kini direman selama empat hari.",
    "Bursa Malaysia ditutup lebih tinggi hari ini selepas pelabur kembali membeli saham syarikat berkaitan kerajaan. Indeks komposit meningkat 0.8 peratus kepada 1,480 mata, manakala nilai dagangan mencecah RM2.1 bilion.",
    "Kementerian Kesihatan mengesahkan bilangan kes jangkitan denggi di negeri itu meningkat sebanyak 15 peratus berbanding minggu lepas. Orang awam dinasihatkan supaya membersihkan kawasan rumah masing-masing bagi mengelakkan pembiakan nyamuk.",
    "Skuad bola sepak negara berjaya menewaskan Thailand 2-1 dalam perlawanan persahabatan di Stadium Nasional Bukit Jalil malam tadi. Jurulatih pasukan berkata beliau berpuas hati dengan prestasi pemain muda yang diberi peluang beraksi.",
    "Jabatan Meteorologi Malaysia mengeluarkan amaran hujan lebat di beberapa negeri pantai timur sehingga Jumaat ini. Penduduk di kawasan rendah diminta bersiap sedia untuk berpindah sekiranya paras air sungai terus meningkat.",
    "Seramai 3,000 pelajar lepasan sekolah menengah akan menerima biasiswa penuh untuk melanjutkan pengajian di universiti awam tahun ini. Menteri Pendidikan Tinggi berkata permohonan boleh dibuat secara dalam talian mulai Isnin depan.",
    "Kerja-kerja penyelenggaraan di lebuh raya itu dijangka selesai pada penghujung bulan Mac. Pengguna jalan raya dinasihatkan menggunakan laluan alternatif bagi mengelakkan kesesakan trafik pada waktu puncak.",
    "Seorang bekas pengurus syarikat dihadapkan ke Mahkamah Sesyen hari ini atas pertuduhan menerima rasuah berjumlah RM50,000. Tertuduh mengaku tidak bersalah dan mahkamah membenarkan dia diikat jamin dengan seorang penjamin.",
    "Menteri Besar itu menafikan dakwaan bahawa kerajaan negeri gagal menyalurkan peruntukan kepada kawasan pembangkang. Katanya, semua wakil rakyat menerima jumlah yang sama tanpa mengira fahaman politik.",
    "Sebuah rumah kedai dua tingkat musnah dalam kebakaran di Jalan Ampang awal pagi tadi. Jurucakap Jabatan Bomba dan Penyelamat berkata tiada kemalangan jiwa dilaporkan dan punca kebakaran masih dalam siasatan.",
    "Wisma Putra dalam satu kenyataan berkata rakyat Malaysia di negara itu digesa supaya sentiasa berhubung dengan kedutaan dan mengelak kawasan yang berisiko. Setakat ini tiada rakyat Malaysia yang dilaporkan cedera.",
    "Syarikat penerbangan tambang murah itu mahu menambah laluan baharu ke India dan China kerana permintaan daripada pelancong meningkat sejak sempadan dibuka semula.",
    "Hospital itu kini menerima lebih ramai pesakit berbanding tahun lalu, namun kakitangan perubatan sahaja tidak mencukupi untuk menampung bilangan tersebut.",
];

const ENGLISH: &[&str] = &[
    "The central bank kept its benchmark interest rate unchanged on Thursday, saying inflation had eased faster than expected. Analysts said the decision was widely anticipated.",
    "Police said two men were arrested after a robbery at a petrol station in the early hours of the morning. Both suspects have been remanded for four days.",
    "Indonesia's foreign minister met her Chinese counterpart in Jakarta to discuss trade and maritime security, officials said. The two sides agreed to hold further talks later this year.",
    "Heavy rain caused flooding in several districts, forcing hundreds of families to leave their homes. The disaster agency said no casualties had been reported so far.",
    "Shares in the company jumped more than 10 percent after it reported record profits for the third quarter, beating analysts' forecasts.",
    "The national team won 2-1 in a friendly match on Tuesday night, with the coach praising the performance of his younger players.",
    "Health officials urged residents to clean their surroundings to prevent mosquitoes from breeding as dengue cases rose sharply.",
    "President Joko Widodo inaugurated the new toll road in West Java on Friday, saying it would cut travel time between Jakarta and Bandung.",
];

const OTHER: &[&str] = &[
    // French
    "Le gouvernement a annoncé mardi une série de mesures pour soutenir les ménages face à la hausse des prix de l'énergie. Le Premier ministre a déclaré que ces aides seraient versées dès le mois prochain.",
    "La police a arrêté deux hommes soupçonnés d'avoir participé à un vol à main armée dans une station-service près de Lyon.",
    // German
    "Die Bundesregierung hat am Mittwoch ein neues Gesetz zur Förderung erneuerbarer Energien beschlossen. Der Minister sagte, die Maßnahmen sollen noch in diesem Jahr in Kraft treten.",
    "Die Polizei hat zwei Männer festgenommen, die in der Nacht in ein Geschäft in der Innenstadt eingebrochen sein sollen.",
    // Spanish
    "El gobierno anunció el martes un paquete de medidas para apoyar a las familias afectadas por el aumento de los precios de los alimentos. El ministro dijo que las ayudas llegarán a partir del próximo mes.",
    "La policía detuvo a dos hombres sospechosos de haber robado en una gasolinera en las afueras de la ciudad durante la madrugada del domingo.",
    // Chinese
    "俄罗斯外长与中国外长在北京举行会谈，双方同意进一步加强在国际事务中的协调与合作。会谈结束后，两国外长共同会见了记者。",
    "印度尼西亚政府周四宣布，将在未来五年内投资建设新的首都，以缓解雅加达的人口压力和交通拥堵问题。",
    // Tagalog (shares words with Malay/Indonesian and English: a trap)
    "Inaresto ng mga pulis ang dalawang lalaki na pinaghihinalaang nagnakaw sa isang tindahan sa Maynila kagabi. Ayon sa tagapagsalita ng pulisya, nahuli ang mga suspek habang tumatakas sakay ng motorsiklo.",
    "Sinabi ng pangulo na magbibigay ang pamahalaan ng tulong pinansyal sa mga pamilyang apektado ng bagyo. Aniya, darating ang ayuda sa loob ng isang linggo at may listahan na ang bawat barangay.",
    "Ang mga estudyante ay nagtipon sa harap ng paaralan upang ipagdiwang ang kanilang pagtatapos at magpasalamat sa kanilang mga guro at magulang.",
    // Gibberish
    "asdkj qwepoi zxcmnb lkjasd poiuqwe mnbzxc qazwsx edcrfv tgbyhn ujmik",
];

fn accuracy(samples: &[&str], want: Lang, hint: Option<Lang>) -> (usize, Vec<String>) {
    let mut ok = 0;
    let mut misses = Vec::new();
    for s in samples {
        let got = lid().detect(s, hint);
        if got == want {
            ok += 1;
        } else {
            misses.push(format!("{} -> {}: {s}", want.code(), got.code()));
        }
    }
    (ok, misses)
}

#[test]
fn paragraphs_are_identified() {
    let sets: [(&str, &[&str], Lang); 4] = [
        ("id", INDONESIAN, Lang::Id),
        ("ms", MALAY, Lang::Ms),
        ("en", ENGLISH, Lang::En),
        ("other", OTHER, Lang::Other),
    ];
    let mut total = 0;
    let mut correct = 0;
    let mut misses = Vec::new();
    for (name, set, want) in sets {
        let (ok, m) = accuracy(set, want, None);
        println!("{name}: {ok}/{} correct without hint", set.len());
        total += set.len();
        correct += ok;
        misses.extend(m);
    }
    println!(
        "hand-written paragraphs: {correct}/{total} = {:.3}",
        correct as f64 / total as f64
    );
    assert!(misses.is_empty(), "misses:\n{}", misses.join("\n"));
}

#[test]
fn a_wrong_hint_does_not_override_clear_text() {
    // CMS templates often leave <html lang="en"> on Indonesian pages.
    assert_eq!(
        accuracy(INDONESIAN, Lang::Id, Some(Lang::En)).1,
        Vec::<String>::new()
    );
    assert_eq!(
        accuracy(MALAY, Lang::Ms, Some(Lang::Id)).1,
        Vec::<String>::new()
    );
    assert_eq!(
        accuracy(ENGLISH, Lang::En, Some(Lang::Id)).1,
        Vec::<String>::new()
    );
    assert_eq!(
        accuracy(OTHER, Lang::Other, Some(Lang::Id)).1,
        Vec::<String>::new()
    );
}

#[test]
fn mixed_language_text_keeps_its_main_language() {
    let id_quoting_en = "Menteri Luar Negeri mengatakan kepada wartawan bahwa pertemuan itu berjalan lancar. \
        \"We have agreed to strengthen our cooperation in trade and investment,\" katanya di Jakarta, Selasa. \
        Ia menambahkan bahwa kedua negara akan menindaklanjuti kesepakatan tersebut dalam waktu dekat.";
    assert_eq!(lid().detect(id_quoting_en, None), Lang::Id);
    let ms_quoting_en = "Menteri itu berkata kerajaan sedang meneliti cadangan tersebut. \
        \"We will make a decision after the consultation period ends,\" katanya kepada pemberita selepas majlis itu. \
        Beliau menambah keputusan akan diumumkan bulan hadapan.";
    assert_eq!(lid().detect(ms_quoting_en, None), Lang::Ms);
    let en_quoting_id = "The minister told reporters that the talks had gone well and that both sides \
        would follow up soon. \"Kami sepakat untuk bekerja sama,\" she said in Indonesian, adding that \
        officials would meet again next month in Jakarta to finalise the agreement.";
    assert_eq!(lid().detect(en_quoting_id, None), Lang::En);
}

#[test]
fn short_texts_follow_the_hint() {
    let l = lid();
    assert_eq!(l.detect("Polisi menangkap pencuri", None), Lang::Other);
    assert_eq!(
        l.detect("Polisi menangkap pencuri", Some(Lang::Id)),
        Lang::Id
    );
    assert_eq!(l.detect("Polis tahan dua suspek", Some(Lang::Ms)), Lang::Ms);
    assert_eq!(l.detect("Breaking news", Some(Lang::En)), Lang::En);
    assert_eq!(l.detect("", Some(Lang::Id)), Lang::Id);
    assert_eq!(l.detect("", None), Lang::Other);
    assert_eq!(l.detect("12345 678 910 2023", Some(Lang::Ms)), Lang::Ms);
}

#[test]
fn indonesian_malay_ties_use_the_hint() {
    // Only words the two languages share: no evidence either way.
    let neutral = "Dia pergi ke pasar dengan ibunya untuk membeli sayur dan buah di kampung itu.";
    assert_eq!(lid().detect(neutral, Some(Lang::Ms)), Lang::Ms);
    assert_eq!(lid().detect(neutral, Some(Lang::Id)), Lang::Id);
    assert_eq!(lid().detect(neutral, None), Lang::Id);
    // One distinctive word is enough.
    let ms = "Dia pergi ke pasar dengan ibunya kerana mahu membeli sayur dan buah di kampung itu.";
    assert_eq!(lid().detect(ms, None), Lang::Ms);
}

#[test]
fn short_malay_and_indonesian_sentences() {
    let l = lid();
    for (text, want) in [
        (
            "Syarikat itu mahu membuka kilang baharu di Johor kerana permintaan meningkat.",
            Lang::Ms,
        ),
        (
            "Perusahaan itu ingin membuka pabrik baru di Jawa Timur karena permintaan meningkat.",
            Lang::Id,
        ),
        (
            "Polis berkata suspek ditahan selepas cuba melarikan diri dengan kenderaan curi.",
            Lang::Ms,
        ),
        (
            "Polisi mengatakan tersangka ditangkap setelah mencoba kabur dengan kendaraan curian.",
            Lang::Id,
        ),
        (
            "Kerajaan negeri akan mengenakan cukai baharu kepada syarikat pada tahun hadapan.",
            Lang::Ms,
        ),
        (
            "Pemerintah daerah akan mengenakan pajak baru kepada perusahaan pada tahun depan.",
            Lang::Id,
        ),
    ] {
        assert_eq!(l.detect(text, None), want, "{text}");
    }
}

#[test]
fn scores_explain_the_decision() {
    let s = lid().scores(MALAY[0]);
    assert_eq!(s[0].code, "ms");
    assert_eq!(s[0].lang, Lang::Ms);
    assert!(s[0].coverage > 0.3, "{s:?}");
    assert_eq!(lid().languages(), ["en", "id", "ms"]);
}

#[test]
fn data_is_embedded_and_errors_are_typed() {
    let emb = LangId::load(&DataDir::embedded()).unwrap();
    assert_eq!(emb.detect(INDONESIAN[0], None), Lang::Id);
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("lang/xx");
    std::fs::create_dir_all(&p).unwrap();
    std::fs::write(p.join("langid.txt"), "ok 1\nthree words here 2\n").unwrap();
    let err = LangId::load(&DataDir::at(dir.path())).unwrap_err();
    assert!(err.to_string().contains("lang/xx/langid.txt"), "{err}");
    assert!(err.to_string().contains("line 2"), "{err}");
    // A new language is just a folder: its code maps to Lang::Other.
    std::fs::write(p.join("langid.txt"), "yang\ndan\ndi\nini\nitu\n").unwrap();
    let l = LangId::load(&DataDir::at(dir.path())).unwrap();
    assert_eq!(l.detect("yang dan di ini itu yang dan", None), Lang::Other);
}

#[test]
fn long_texts_are_cut_on_a_char_boundary() {
    let long = "Pemerintah mengatakan bahwa harga tetap stabil karena pasokan cukup. ".repeat(1000)
        + &"é".repeat(30_000);
    assert_eq!(lid().detect(&long, None), Lang::Id);
    let multibyte = "é".repeat(20_000);
    let _ = lid().detect(&multibyte, None);
}

/// UD Indonesian treebanks: `# text = ` (Indonesian) and `# text_en = ` (English)
/// sentences grouped five per sample. Skipped when the treebanks are not present.
#[test]
fn ud_treebank_recall() {
    let root = std::path::Path::new("/work/shared/data/indonesian");
    let Ok(dirs) = std::fs::read_dir(root) else {
        eprintln!("UD treebanks not found under {}; skipped", root.display());
        return;
    };
    let mut id_sents = Vec::new();
    let mut en_sents = Vec::new();
    let mut files: Vec<_> = dirs
        .flatten()
        .filter(|d| {
            d.file_name()
                .to_string_lossy()
                .starts_with("ud-indonesian-")
        })
        .flat_map(|d| std::fs::read_dir(d.path()).into_iter().flatten().flatten())
        .map(|f| f.path())
        .filter(|p| p.extension().is_some_and(|e| e == "conllu"))
        .collect();
    files.sort();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for line in text.lines() {
            if let Some(s) = line.strip_prefix("# text = ") {
                id_sents.push(s.to_string());
            } else if let Some(s) = line.strip_prefix("# text_en = ") {
                en_sents.push(s.to_string());
            }
        }
    }
    if id_sents.is_empty() {
        eprintln!("no UD sentences found; skipped");
        return;
    }
    for (sents, want, floor) in [(&id_sents, Lang::Id, 0.98), (&en_sents, Lang::En, 0.98)] {
        let samples: Vec<String> = sents.chunks(5).map(|c| c.join(" ")).collect();
        let ok = samples
            .iter()
            .filter(|s| lid().detect(s, None) == want)
            .count();
        let recall = ok as f64 / samples.len() as f64;
        println!(
            "UD {}: {ok}/{} samples = {recall:.4} recall",
            want.code(),
            samples.len()
        );
        assert!(
            recall >= floor,
            "{} recall {recall:.4} < {floor}",
            want.code()
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn detect_never_panics(text in "\\PC{0,200}", hint in proptest::option::of(prop_oneof![
        Just(Lang::Id), Just(Lang::Ms), Just(Lang::En), Just(Lang::Other)
    ])) {
        let got = lid().detect(&text, hint);
        // Too-short texts always follow the hint.
        if text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).count() == 0 {
            prop_assert_eq!(got, hint.unwrap_or(Lang::Other));
        }
        let _ = lid().scores(&text);
    }
}
