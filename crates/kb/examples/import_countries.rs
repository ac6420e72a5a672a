//! Regenerates `data/kb/countries.toml` from the three shared sources:
//!
//! ```text
//! cargo run -p warta-kb --example import_countries -- \
//!     ../shared/data/events/CountryInfo.120116.txt \
//!     ../shared/data/events/countrynames.txt \
//!     ../shared/data/indonesian/cldr/countries-id-en.derived.tsv \
//!     data/kb/countries.toml
//! ```
//!
//! * The list of countries is ISO 3166-1 (alpha-2 → alpha-3 table below, plus `XK`
//!   Kosovo as `XKX`); canonical English and Indonesian names and their alternatives
//!   come from Unicode CLDR (Unicode licence), more English names from
//!   `countrynames.txt` (MIT, text_to_CAMEO).
//! * Demonyms, capitals and major cities come from `CountryInfo.120116.txt`
//!   (CC BY-SA 3.0, Philip A. Schrodt): so the output is CC BY-SA 3.0 and says so.
//!   CountryInfo's nationality field mixes adjectives, foreign-language names and
//!   misspellings; only its first entry (the adjective) is kept, with the corrections
//!   in [`DEMONYMS`]. Capitals and cities that are also common Indonesian or English
//!   words ("Lima" = five, "Surat" = letter, "Sana" = there) are left out
//!   ([`DENY`]): matching them in running text would do more harm than good.
//!
//! Hand additions (Indonesian nicknames, metonyms, QIDs) live in
//! `data/kb/countries-extra.toml`, never here, so rerunning loses nothing.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::process::ExitCode;
use warta_kb::fold;

/// ISO 3166-1 alpha-2 → alpha-3 (every officially assigned code, plus XK/XKX).
const ISO: &[(&str, &str)] = &[
    ("AD", "AND"),
    ("AE", "ARE"),
    ("AF", "AFG"),
    ("AG", "ATG"),
    ("AI", "AIA"),
    ("AL", "ALB"),
    ("AM", "ARM"),
    ("AO", "AGO"),
    ("AQ", "ATA"),
    ("AR", "ARG"),
    ("AS", "ASM"),
    ("AT", "AUT"),
    ("AU", "AUS"),
    ("AW", "ABW"),
    ("AX", "ALA"),
    ("AZ", "AZE"),
    ("BA", "BIH"),
    ("BB", "BRB"),
    ("BD", "BGD"),
    ("BE", "BEL"),
    ("BF", "BFA"),
    ("BG", "BGR"),
    ("BH", "BHR"),
    ("BI", "BDI"),
    ("BJ", "BEN"),
    ("BL", "BLM"),
    ("BM", "BMU"),
    ("BN", "BRN"),
    ("BO", "BOL"),
    ("BQ", "BES"),
    ("BR", "BRA"),
    ("BS", "BHS"),
    ("BT", "BTN"),
    ("BV", "BVT"),
    ("BW", "BWA"),
    ("BY", "BLR"),
    ("BZ", "BLZ"),
    ("CA", "CAN"),
    ("CC", "CCK"),
    ("CD", "COD"),
    ("CF", "CAF"),
    ("CG", "COG"),
    ("CH", "CHE"),
    ("CI", "CIV"),
    ("CK", "COK"),
    ("CL", "CHL"),
    ("CM", "CMR"),
    ("CN", "CHN"),
    ("CO", "COL"),
    ("CR", "CRI"),
    ("CU", "CUB"),
    ("CV", "CPV"),
    ("CW", "CUW"),
    ("CX", "CXR"),
    ("CY", "CYP"),
    ("CZ", "CZE"),
    ("DE", "DEU"),
    ("DJ", "DJI"),
    ("DK", "DNK"),
    ("DM", "DMA"),
    ("DO", "DOM"),
    ("DZ", "DZA"),
    ("EC", "ECU"),
    ("EE", "EST"),
    ("EG", "EGY"),
    ("EH", "ESH"),
    ("ER", "ERI"),
    ("ES", "ESP"),
    ("ET", "ETH"),
    ("FI", "FIN"),
    ("FJ", "FJI"),
    ("FK", "FLK"),
    ("FM", "FSM"),
    ("FO", "FRO"),
    ("FR", "FRA"),
    ("GA", "GAB"),
    ("GB", "GBR"),
    ("GD", "GRD"),
    ("GE", "GEO"),
    ("GF", "GUF"),
    ("GG", "GGY"),
    ("GH", "GHA"),
    ("GI", "GIB"),
    ("GL", "GRL"),
    ("GM", "GMB"),
    ("GN", "GIN"),
    ("GP", "GLP"),
    ("GQ", "GNQ"),
    ("GR", "GRC"),
    ("GS", "SGS"),
    ("GT", "GTM"),
    ("GU", "GUM"),
    ("GW", "GNB"),
    ("GY", "GUY"),
    ("HK", "HKG"),
    ("HM", "HMD"),
    ("HN", "HND"),
    ("HR", "HRV"),
    ("HT", "HTI"),
    ("HU", "HUN"),
    ("ID", "IDN"),
    ("IE", "IRL"),
    ("IL", "ISR"),
    ("IM", "IMN"),
    ("IN", "IND"),
    ("IO", "IOT"),
    ("IQ", "IRQ"),
    ("IR", "IRN"),
    ("IS", "ISL"),
    ("IT", "ITA"),
    ("JE", "JEY"),
    ("JM", "JAM"),
    ("JO", "JOR"),
    ("JP", "JPN"),
    ("KE", "KEN"),
    ("KG", "KGZ"),
    ("KH", "KHM"),
    ("KI", "KIR"),
    ("KM", "COM"),
    ("KN", "KNA"),
    ("KP", "PRK"),
    ("KR", "KOR"),
    ("KW", "KWT"),
    ("KY", "CYM"),
    ("KZ", "KAZ"),
    ("LA", "LAO"),
    ("LB", "LBN"),
    ("LC", "LCA"),
    ("LI", "LIE"),
    ("LK", "LKA"),
    ("LR", "LBR"),
    ("LS", "LSO"),
    ("LT", "LTU"),
    ("LU", "LUX"),
    ("LV", "LVA"),
    ("LY", "LBY"),
    ("MA", "MAR"),
    ("MC", "MCO"),
    ("MD", "MDA"),
    ("ME", "MNE"),
    ("MF", "MAF"),
    ("MG", "MDG"),
    ("MH", "MHL"),
    ("MK", "MKD"),
    ("ML", "MLI"),
    ("MM", "MMR"),
    ("MN", "MNG"),
    ("MO", "MAC"),
    ("MP", "MNP"),
    ("MQ", "MTQ"),
    ("MR", "MRT"),
    ("MS", "MSR"),
    ("MT", "MLT"),
    ("MU", "MUS"),
    ("MV", "MDV"),
    ("MW", "MWI"),
    ("MX", "MEX"),
    ("MY", "MYS"),
    ("MZ", "MOZ"),
    ("NA", "NAM"),
    ("NC", "NCL"),
    ("NE", "NER"),
    ("NF", "NFK"),
    ("NG", "NGA"),
    ("NI", "NIC"),
    ("NL", "NLD"),
    ("NO", "NOR"),
    ("NP", "NPL"),
    ("NR", "NRU"),
    ("NU", "NIU"),
    ("NZ", "NZL"),
    ("OM", "OMN"),
    ("PA", "PAN"),
    ("PE", "PER"),
    ("PF", "PYF"),
    ("PG", "PNG"),
    ("PH", "PHL"),
    ("PK", "PAK"),
    ("PL", "POL"),
    ("PM", "SPM"),
    ("PN", "PCN"),
    ("PR", "PRI"),
    ("PS", "PSE"),
    ("PT", "PRT"),
    ("PW", "PLW"),
    ("PY", "PRY"),
    ("QA", "QAT"),
    ("RE", "REU"),
    ("RO", "ROU"),
    ("RS", "SRB"),
    ("RU", "RUS"),
    ("RW", "RWA"),
    ("SA", "SAU"),
    ("SB", "SLB"),
    ("SC", "SYC"),
    ("SD", "SDN"),
    ("SE", "SWE"),
    ("SG", "SGP"),
    ("SH", "SHN"),
    ("SI", "SVN"),
    ("SJ", "SJM"),
    ("SK", "SVK"),
    ("SL", "SLE"),
    ("SM", "SMR"),
    ("SN", "SEN"),
    ("SO", "SOM"),
    ("SR", "SUR"),
    ("SS", "SSD"),
    ("ST", "STP"),
    ("SV", "SLV"),
    ("SX", "SXM"),
    ("SY", "SYR"),
    ("SZ", "SWZ"),
    ("TC", "TCA"),
    ("TD", "TCD"),
    ("TF", "ATF"),
    ("TG", "TGO"),
    ("TH", "THA"),
    ("TJ", "TJK"),
    ("TK", "TKL"),
    ("TL", "TLS"),
    ("TM", "TKM"),
    ("TN", "TUN"),
    ("TO", "TON"),
    ("TR", "TUR"),
    ("TT", "TTO"),
    ("TV", "TUV"),
    ("TW", "TWN"),
    ("TZ", "TZA"),
    ("UA", "UKR"),
    ("UG", "UGA"),
    ("UM", "UMI"),
    ("US", "USA"),
    ("UY", "URY"),
    ("UZ", "UZB"),
    ("VA", "VAT"),
    ("VC", "VCT"),
    ("VE", "VEN"),
    ("VG", "VGB"),
    ("VI", "VIR"),
    ("VN", "VNM"),
    ("VU", "VUT"),
    ("WF", "WLF"),
    ("WS", "WSM"),
    ("XK", "XKX"),
    ("YE", "YEM"),
    ("YT", "MYT"),
    ("ZA", "ZAF"),
    ("ZM", "ZMB"),
    ("ZW", "ZWE"),
];

/// Old or project-specific codes in the sources → ISO alpha-3.
const CODE_FIXES: &[(&str, &str)] = &[("TMP", "TLS"), ("KSV", "XKX"), ("ROM", "ROU")];

/// Canonical English names where CLDR's display name is not a running-text name.
const NAME_EN: &[(&str, &str)] = &[
    ("ATG", "Antigua and Barbuda"),
    ("BIH", "Bosnia and Herzegovina"),
    ("CCK", "Cocos (Keeling) Islands"),
    ("COD", "Democratic Republic of the Congo"),
    ("COG", "Republic of the Congo"),
    ("CIV", "Côte d'Ivoire"),
    ("HKG", "Hong Kong"),
    ("HMD", "Heard Island and McDonald Islands"),
    ("KNA", "Saint Kitts and Nevis"),
    ("MMR", "Myanmar"),
    ("MAC", "Macao"),
    ("SPM", "Saint Pierre and Miquelon"),
    ("SJM", "Svalbard and Jan Mayen"),
    ("STP", "São Tomé and Príncipe"),
    ("SGS", "South Georgia and the South Sandwich Islands"),
    ("TCA", "Turks and Caicos Islands"),
    ("TTO", "Trinidad and Tobago"),
    ("VCT", "Saint Vincent and the Grenadines"),
    ("WLF", "Wallis and Futuna"),
    ("PSE", "Palestine"),
    ("BLM", "Saint Barthélemy"),
    ("MAF", "Saint Martin"),
    ("UMI", "United States Minor Outlying Islands"),
    ("CZE", "Czech Republic"),
    ("SHN", "Saint Helena"),
    ("LCA", "Saint Lucia"),
];

/// Canonical Indonesian names where CLDR's is not a running-text name.
const NAME_ID: &[(&str, &str)] = &[
    ("HKG", "Hong Kong"),
    ("MAC", "Makau"),
    ("COD", "Republik Demokratik Kongo"),
    ("COG", "Republik Kongo"),
    ("MMR", "Myanmar"),
    ("GBR", "Inggris"),
    ("PSE", "Palestina"),
    ("SWZ", "Eswatini"),
];

/// Demonyms where CountryInfo's first nationality entry is a noun, a misspelling or
/// not an adjective (`None`: no demonym).
const DEMONYMS: &[(&str, &[&str])] = &[
    ("AIA", &["Anguillan"]),
    ("ASM", &["American Samoan"]),
    ("ATG", &["Antiguan"]),
    ("BWA", &["Botswanan", "Motswana"]),
    ("CCK", &[]),
    ("COG", &["Congolese"]),
    ("CXR", &[]),
    ("CYM", &["Caymanian"]),
    ("DJI", &["Djiboutian"]),
    ("DMA", &["Dominican"]),
    ("DNK", &["Danish", "Dane"]),
    ("ESP", &["Spanish", "Spaniard"]),
    ("FIN", &["Finnish", "Finn"]),
    ("FRO", &["Faroese"]),
    ("GGY", &[]),
    ("GLP", &["Guadeloupean"]),
    ("IOT", &[]),
    ("IRL", &["Irish"]),
    ("MMR", &["Burmese", "Myanmarese"]),
    ("MNE", &["Montenegrin"]),
    ("PHL", &["Filipino", "Philippine"]),
    ("SWE", &["Swedish", "Swede"]),
    ("SVK", &["Slovak", "Slovakian"]),
    ("LAO", &["Lao", "Laotian"]),
    ("TLS", &["Timorese", "East Timorese"]),
    ("WSM", &["Samoan"]),
    ("GBR", &["British", "Briton"]),
    ("NLD", &["Dutch"]),
    ("POL", &["Polish", "Pole"]),
    ("TUR", &["Turkish"]),
    ("CHE", &["Swiss"]),
    ("FRA", &["French"]),
    ("CHN", &["Chinese"]),
];

/// CountryInfo capital and city entries left out: common words in Indonesian or
/// English, nicknames, historic sites, regions listed as cities, a person's name.
const DENY: &[&str] = &[
    "LIMA",
    "MALE",
    "SANA",
    "SURAT",
    "NYALA",
    "BAKU",
    "SALISBURY",
    "THULE",
    "BIDA",
    "EL_BEDA",
    "CITY_OF_LIGHT",
    "ETERNAL_CITY",
    "FORBIDDEN_CITY",
    "NEW_FLOWER",
    "CITY_OF_BRIDGES",
    "ZEALAND",
    "SEELAND",
    "SJAELLAND",
    "VOLTA",
    "TABASCO",
    "RUHR",
    "PERNAMBUCO",
    "THESSALIA",
    "THESSALY",
    "SODOM",
    "GOMORRAH",
    "GOMORRHA",
    "TARA",
    "ARGOS",
    "SUR",
    "TYRE",
    "HIPPO",
    "MORON",
    "SOLEDAD",
    "NAZE",
    "LAWRENCE",
    "ATHENS_ON_THE_KAW",
    "STATE_COLLEGE",
    "UNIVERSITY_PARK",
    "PROVIDENCE",
    "CHARLOTTE",
    "AUSTIN",
    "BUFFALO",
    "RICHMOND",
    "GREENVILLE",
    "MOLOTOV",
    "CONSTANTINE",
    "CONSTANTINA",
    "SUSA",
    "BALE",
    "PALACE_OF_VERSAILLES",
    "ACTIUM",
    "PERSEPOLIS",
    "NINEVEH",
    "POMPEII",
    "SAQQARA",
    "SAQQARAH",
    "SAKKARA",
    "MACHU_PICCHU",
    "BYBLOS",
    "ABYDOS",
    "PERGAMUM",
    "SARDIS",
    "HALICARNASSUS",
    "ASSUR",
    "ASUR",
    "ASHUR",
    "DELPHI",
    "MYCENAE",
    "CORINTH",
    "KORINTHOS",
    "CAESAREA",
    "TIBUR",
    "WAGRAM",
    "AUSTERLITZ",
    "WATERLOO",
    "LUBAVITCH",
    "CHABLIS",
    "EL_ALAMEIN",
    "TIMBUCKTU",
    "LINDESNES",
    "FELIZ_LUSITANIA",
    "ST._MARY_OF_BETHLEHEM",
    "SANTA_MARIA_DE_BELEM",
    "REDONDA",
    "RAMCIEL",
    "COLUMBUS",
    "ORLANDO",
    "BRUNSWICK",
    "HAMELIN",
    "HAMELN",
    "TANGA",
    "JUAREZ",
    "SIAN",
    "BASIA",
    "URGA",
    "KULUN",
    "SERDICA",
    "ANGORA",
    "MEMEL",
    "LENTIA",
    "GRANZ",
    "NIDAROS",
    "CHEMULPO",
    "CANTON",
    "PUNTO_ARENAS",
    "EHADHAMEN",
    "AR-BULUS",
    "TARABULUS",
    "TRABLOUS",
    "CHRISTIANIA",
    "VIENNE",
    "VICTORIA_DE_DURANGO",
];

/// Capitals where CountryInfo is out of date (Myanmar moved its capital in 2005;
/// the Montenegro record still lists Belgrade from the union with Serbia).
const CAPITALS: &[(&str, &[&str])] = &[
    ("MMR", &["Naypyidaw", "Nay Pyi Taw", "Naypyitaw"]),
    ("MNE", &["Podgorica"]),
    ("SRB", &["Belgrade", "Beograd"]),
];

/// Countries whose CountryInfo capitals are distinct cities, not spellings of one.
const MULTI_CAPITAL: &[&str] = &["ZAF", "MYS", "BOL"];

/// Lower-case particles inside place names.
const PARTICLES: &[&str] = &[
    "of", "the", "and", "de", "del", "da", "do", "dos", "du", "des", "es", "la", "le", "y", "au",
    "upon", "on", "na", "an", "der",
];

/// One CountryInfo record, keyed to an ISO alpha-3.
#[derive(Default)]
struct Info {
    demonym: Option<String>,
    capitals: Vec<String>,
    cities: Vec<String>,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [info, names, cldr, out] = args.as_slice() else {
        eprintln!("usage: import_countries COUNTRYINFO COUNTRYNAMES CLDR_TSV OUTPUT");
        return ExitCode::from(2);
    };
    match run(info, names, cldr, out) {
        Ok(n) => {
            eprintln!("wrote {n} countries to {out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("import_countries: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(info: &str, names: &str, cldr: &str, out: &str) -> Result<usize, String> {
    let read = |p: &str| {
        std::fs::read(p)
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .map_err(|e| format!("{p}: {e}"))
    };
    let iso: HashMap<&str, &str> = ISO.iter().copied().collect();
    let valid: HashSet<&str> = ISO.iter().map(|&(_, a3)| a3).collect();
    let infos = parse_country_info(&read(info)?, &valid);
    let cldr_rows = parse_cldr(&read(cldr)?);
    let mut extra_names = parse_country_names(&read(names)?, &valid);
    // countrynames.txt files some dependencies under their sovereign (Jersey under
    // GBR, Mayotte under FRA): drop a name that is another entry's own CLDR name.
    let mut own: HashMap<String, &str> = HashMap::new();
    for r in &cldr_rows {
        if let Some(a3) = iso.get(r.alpha2.as_str()) {
            for v in variants(&r.name_en, "and") {
                own.insert(fold(&v), a3);
            }
        }
    }
    for (a3, list) in extra_names.iter_mut() {
        list.retain(|n| own.get(&fold(n)).is_none_or(|other| *other == a3.as_str()));
    }

    let mut text = String::new();
    header(&mut text);
    let mut count = 0;
    let mut rows: Vec<_> = cldr_rows
        .iter()
        .filter_map(|r| Some((*iso.get(r.alpha2.as_str())?, r)))
        .collect();
    rows.sort_by_key(|(a3, _)| *a3);
    for (a3, row) in rows {
        let info = infos.get(a3);
        country(&mut text, a3, row, info, extra_names.get(a3));
        count += 1;
    }
    std::fs::write(out, text).map_err(|e| format!("{out}: {e}"))?;
    Ok(count)
}

fn header(out: &mut String) {
    out.push_str(
        "# GENERATED by `cargo run -p warta-kb --example import_countries` — do not edit by hand;\n\
         # put additions in countries-extra.toml.\n\
         #\n\
         # Licence: CC BY-SA 3.0 (https://creativecommons.org/licenses/by-sa/3.0/), because the\n\
         # demonyms, capitals and major cities are derived from CountryInfo.120116.txt,\n\
         # Copyright (c) 2012 Philip A. Schrodt, CC BY-SA 3.0 (openeventdata/CountryInfo).\n\
         # Changes: adjectives and place names re-cased, misspellings and foreign-language\n\
         # synonyms dropped, common-word place names dropped, codes mapped to ISO 3166 alpha-3.\n\
         # Country names in Indonesian and English: Unicode CLDR 41 (Unicode License,\n\
         # see LICENSE-DATA.md); further English names: countrynames.txt from\n\
         # openeventdata/text_to_CAMEO (MIT, Copyright (c) 2014 Philip Schrodt).\n\
         # See LICENSE-DATA.md.\n",
    );
}

fn country(
    out: &mut String,
    a3: &str,
    row: &Cldr,
    info: Option<&Info>,
    more: Option<&Vec<String>>,
) {
    let name = lookup(NAME_EN, a3).map_or_else(|| plain(&row.name_en), str::to_string);
    let name_id = lookup(NAME_ID, a3).map_or_else(|| plain(&row.name_id), str::to_string);
    let mut seen: HashSet<String> = [key(&name)].into_iter().collect();
    let mut aliases = Vec::new();
    let mut add = |n: String, aliases: &mut Vec<String>| {
        let n = n.trim().to_string();
        if !n.is_empty() && seen.insert(key(&n)) {
            aliases.push(n);
        }
    };
    add(name_id.clone(), &mut aliases);
    let english = std::iter::once(&row.name_en)
        .chain(&row.alt_en)
        .chain(more.into_iter().flatten());
    for n in english {
        for v in variants(n, "and") {
            add(v, &mut aliases);
        }
    }
    for n in std::iter::once(&row.name_id).chain(&row.alt_id) {
        for v in variants(n, "dan") {
            add(v, &mut aliases);
        }
    }
    aliases.retain(|a| *a != name_id);
    let _ = writeln!(out, "\n[[country]]\nid = {}", q(a3));
    let _ = writeln!(out, "alpha2 = {}", q(&row.alpha2));
    let _ = writeln!(out, "name = {}", q(&name));
    if name_id != name {
        let _ = writeln!(out, "name_id = {}", q(&name_id));
    }
    if !aliases.is_empty() {
        let _ = writeln!(out, "aliases = {}", list(&aliases));
    }
    let demonyms: Vec<String> = match DEMONYMS.iter().find(|(c, _)| *c == a3) {
        Some((_, d)) => d.iter().map(|s| s.to_string()).collect(),
        None => info.and_then(|i| i.demonym.clone()).into_iter().collect(),
    };
    let demonyms = with_plurals(demonyms);
    if !demonyms.is_empty() {
        let _ = writeln!(out, "demonyms = {}", list(&demonyms));
    }
    let empty = Info::default();
    let info = info.unwrap_or(&empty);
    let mut places: Vec<(String, Vec<String>, bool)> = Vec::new();
    if let Some((_, caps)) = CAPITALS.iter().find(|(c, _)| *c == a3) {
        let caps: Vec<String> = caps.iter().map(|c| c.to_string()).collect();
        if let Some((first, rest)) = caps.split_first() {
            places.push((first.clone(), rest.to_vec(), true));
        }
    } else if MULTI_CAPITAL.contains(&a3) {
        places.extend(info.capitals.iter().map(|c| (c.clone(), vec![], true)));
    } else if let Some((first, rest)) = info.capitals.split_first() {
        places.push((first.clone(), rest.to_vec(), true));
    }
    let mut taken: HashSet<String> = places
        .iter()
        .flat_map(|(n, a, _)| std::iter::once(n).chain(a))
        .map(|n| skeleton(n))
        .collect();
    for c in &info.cities {
        if taken.insert(skeleton(c)) {
            places.push((c.clone(), vec![], false));
        }
    }
    let mut ids = HashSet::new();
    for (name, aliases, capital) in places {
        let id = format!("{a3}:{}", slug(&name));
        if !ids.insert(id.clone()) {
            continue;
        }
        let _ = write!(
            out,
            "\n[[place]]\nid = {}\nname = {}\ncountry = {}\n",
            q(&id),
            q(&name),
            q(a3)
        );
        if !aliases.is_empty() {
            let _ = writeln!(out, "aliases = {}", list(&aliases));
        }
        if capital {
            out.push_str("capital = true\n");
        }
    }
}

fn lookup<'a>(table: &[(&str, &'a str)], a3: &str) -> Option<&'a str> {
    table.iter().find(|(c, _)| *c == a3).map(|&(_, n)| n)
}

/// "Congo (DRC)" → "Congo"; "St. Kitts & Nevis" → itself.
fn plain(name: &str) -> String {
    let name = name.split(" (").next().unwrap_or(name);
    name.replace(" - ", "-").trim().to_string()
}

/// Running-text spellings of a CLDR or countrynames name; `and` replaces "&".
fn variants(name: &str, and: &str) -> Vec<String> {
    let mut out = vec![plain(name)];
    if let Some((a, b)) = name.split_once(", ") {
        out.push(format!("{b} {a}")); // "Moldova, Republic of" → "Republic of Moldova"
        out.retain(|n| !n.contains(", "));
    }
    let base = out[0].clone();
    if base.contains(" & ") {
        out.push(base.replace(" & ", &format!(" {and} ")));
    }
    if base.starts_with("St. ") {
        out.push(base.replacen("St. ", "Saint ", 1));
    }
    if base.contains("Kep. ") {
        out.push(base.replace("Kep. ", "Kepulauan "));
    }
    if let Some(stripped) = base.strip_suffix(" DAK Tiongkok") {
        out.push(stripped.to_string());
    }
    if let Some(stripped) = base.strip_suffix(" SAR China") {
        out.push(stripped.to_string());
    }
    out.retain(|n| !n.contains(" DAK ") && !n.contains(" SAR "));
    out
}

/// English plural of a demonym used as a noun ("Russians", "Iraqis").
fn with_plurals(demonyms: Vec<String>) -> Vec<String> {
    let mut out = demonyms.clone();
    for d in demonyms {
        if d.ends_with("an") || d.ends_with('i') || d.ends_with("ot") {
            out.push(format!("{d}s"));
        }
    }
    out
}

fn key(name: &str) -> String {
    name.to_lowercase()
}

/// Letters only, "saint"/"sankt" as "st": merges "St. Petersburg"/"ST_PETERSBURG".
fn skeleton(name: &str) -> String {
    let lower = name.to_lowercase();
    let lower = lower.replace("saint", "st").replace("sankt", "st");
    lower.chars().filter(|c| c.is_alphanumeric()).collect()
}

fn slug(name: &str) -> String {
    let mut s = String::new();
    for c in name.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            s.push(c);
        } else if (c == ' ' || c == '-' || c == '_') && !s.ends_with('-') {
            s.push('-');
        }
    }
    s.trim_matches('-').to_string()
}

fn q(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn list(items: &[String]) -> String {
    let inner: Vec<String> = items.iter().map(|s| q(s)).collect();
    format!("[{}]", inner.join(", "))
}

/// "NEW_YORK_" → "New York", "PORT_AU_PRINCE_" → "Port-au-Prince" stays "Port au Prince",
/// "WASHINGTON_D.C." → "Washington D.C.".
fn recase(entry: &str) -> String {
    let words: Vec<&str> = entry
        .trim_end_matches('_')
        .split('_')
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let parts: Vec<String> = w
            .split('-')
            .enumerate()
            .map(|(j, p)| {
                let lower = p.to_lowercase();
                if (i > 0 || j > 0) && PARTICLES.contains(&lower.as_str()) {
                    lower
                } else {
                    capitalise(&lower)
                }
            })
            .collect();
        out.push(parts.join("-"));
    }
    out.join(" ")
}

/// Capitalise the first letter and every letter after a dot or apostrophe-less start.
fn capitalise(word: &str) -> String {
    let mut out = String::new();
    let mut upper = true;
    for c in word.chars() {
        if upper && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
        if c == '.' {
            upper = true;
        }
    }
    out
}

fn parse_country_info(text: &str, valid: &HashSet<&str>) -> HashMap<String, Info> {
    let body = text.split_once("-->").map_or(text, |(_, b)| b);
    let blocks: Vec<&str> = body
        .split("<Country>")
        .skip(1)
        .filter_map(|b| b.split("</Country>").next())
        .collect();
    let tag = |b: &str, t: &str| -> Option<String> {
        let open = format!("<{t}>");
        let close = format!("</{t}>");
        let start = b.find(&open)? + open.len();
        let end = start + b[start..].find(&close)?;
        Some(b[start..end].to_string())
    };
    let entries = |b: &str, t: &str| -> Vec<String> {
        tag(b, t)
            .unwrap_or_default()
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
            .filter(|l| !l.is_empty() && !l.chars().any(|c| c == '\u{fffd}' || c.is_control()))
            .collect()
    };
    // Codes claimed by a block whose code and ISO alpha-3 agree.
    let mut claimed = HashSet::new();
    for b in &blocks {
        let code = tag(b, "CountryCode").unwrap_or_default();
        if Some(code.clone()) == tag(b, "ISO3166-alpha3") {
            claimed.insert(code);
        }
    }
    let mut out: HashMap<String, Info> = HashMap::new();
    for b in &blocks {
        let code = tag(b, "CountryCode").unwrap_or_default().trim().to_string();
        let alpha3 = tag(b, "ISO3166-alpha3")
            .unwrap_or_default()
            .trim()
            .to_string();
        let fix = |c: &str| {
            CODE_FIXES
                .iter()
                .find(|(a, _)| *a == c)
                .map_or(c.to_string(), |(_, b)| b.to_string())
        };
        let (code, alpha3) = (fix(&code), fix(&alpha3));
        let key = if code == alpha3 {
            code
        } else if code.len() == 6 && valid.contains(&code[3..]) {
            code[3..].to_string()
        } else if code.len() == 3 && valid.contains(code.as_str()) && !claimed.contains(&code) {
            code
        } else {
            alpha3
        };
        if !valid.contains(key.as_str()) || out.contains_key(&key) {
            continue;
        }
        let keep = |e: &String| !DENY.contains(&e.trim_end_matches('_'));
        let nationality = entries(b, "Nationality");
        out.insert(
            key,
            Info {
                demonym: nationality.first().map(|d| recase(d)),
                capitals: entries(b, "Capital")
                    .iter()
                    .filter(|e| keep(e))
                    .map(|e| recase(e))
                    .collect(),
                cities: entries(b, "MajorCities")
                    .iter()
                    .filter(|e| keep(e))
                    .map(|e| recase(e))
                    .collect(),
            },
        );
    }
    out
}

fn parse_country_names(text: &str, valid: &HashSet<&str>) -> HashMap<String, Vec<String>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for line in text.lines() {
        let mut cols = line.split('\t');
        let (Some(name), Some(code)) = (cols.next(), cols.next()) else {
            continue;
        };
        let code = CODE_FIXES
            .iter()
            .find(|(a, _)| *a == code)
            .map_or(code, |(_, b)| *b);
        let a3 = if code.len() == 6 { &code[3..] } else { code };
        if valid.contains(a3) && name != "NULL" {
            out.entry(a3.to_string())
                .or_default()
                .push(name.trim().to_string());
        }
    }
    out
}

struct Cldr {
    alpha2: String,
    name_id: String,
    alt_id: Vec<String>,
    name_en: String,
    alt_en: Vec<String>,
}

fn parse_cldr(text: &str) -> Vec<Cldr> {
    let split = |s: &str| -> Vec<String> {
        s.split('|')
            .map(|x| x.trim().to_string())
            .filter(|x| !x.is_empty())
            .collect()
    };
    let mut by_code = BTreeMap::new();
    for line in text.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 5 {
            continue;
        }
        by_code.insert(
            cols[0].to_string(),
            Cldr {
                alpha2: cols[0].to_string(),
                name_id: cols[1].to_string(),
                alt_id: split(cols[2]),
                name_en: cols[3].to_string(),
                alt_en: split(cols[4]),
            },
        );
    }
    by_code.into_values().collect()
}
