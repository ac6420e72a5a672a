//! Regenerates `data/kb/persons/phoenix.toml`: the people of PETRARCH's Phoenix actor
//! dictionaries (leaders, ministers, officials, rebel and IGO leaders of the whole
//! world up to about 2014) that the hand-written person files do not already hold.
//!
//! ```text
//! cargo run -p warta-kb --example import_phoenix -- ../shared/data/events data/kb/persons/phoenix.toml
//! ```
//!
//! Why: the hand-written files cover the G20 and ASEAN offices since 2014 and the
//! officials of diplomacy news; news about anyone else (a Ugandan president, a
//! UN Secretary-General of the 2000s, a rebel leader) found no actor, and an event
//! without an actor is dropped. Phoenix lists ~20 000 such people with the CAMEO code
//! of what they were (`[UGAGOV >860129]`, `[IGOUNO 970101-061231]`).
//!
//! What is kept, and why:
//! * a block is a person when one of its codes has dates or it was generated from
//!   CountryInfo (offices are held for a time; organisations and agents are undated),
//!   and no name has an organisation word ("PARTY", "ARMY", …);
//! * names of two words or more only: single names ("SUHARTO") are too often also
//!   words or places; synonyms only when they contain the surname (Phoenix lists
//!   title forms such as "SECRETARY-GENERAL KOFI ANNAN", but never role-only names
//!   in a person block by design, and this guards against it);
//! * country and sector from the code that ends last (ISO alpha-3 prefixes the
//!   knowledge base knows, `IGO…` → sector IGO, no country); no roles: Phoenix codes
//!   say "government", not which office, so a title never resolves to these people;
//! * `surname_alone = false` for everyone: with 20 000 people, a surname alone is
//!   linked only after the full name in the same article; Chinese, Korean and
//!   Vietnamese names take the first word as the surname;
//! * a person whose name or synonym ends with the full name of a hand-written person
//!   is left out (the hand-written entry wins), and so is a block with a name of a
//!   country, place or organisation ("TIMOR LESTE" has dated codes too) and a second
//!   block with a name already emitted.
//!
//! Licence: the Phoenix dictionaries are MIT (openeventdata/petrarch2, (c) 2014 Open
//! Event Data Alliance), but their country actors were generated from CountryInfo
//! (CC BY-SA 3.0), so the output is distributed under CC BY-SA 3.0, like
//! `countries.toml`, and says so.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::process::ExitCode;
use warta_kb::{ActorKind, Kb, fold};
use warta_langdata::DataDir;

const FILES: [&str; 3] = [
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
];

/// Words that make a dated block an organisation, a body or an agent.
const ORG_WORDS: &[&str] = &[
    "PARTY",
    "ARMY",
    "MINISTRY",
    "COUNCIL",
    "FRONT",
    "FORCE",
    "FORCES",
    "COMMITTEE",
    "UNION",
    "ORGANIZATION",
    "ORGANISATION",
    "MOVEMENT",
    "GOVERNMENT",
    "BANK",
    "COMMISSION",
    "AGENCY",
    "ASSOCIATION",
    "LEAGUE",
    "BRIGADE",
    "BRIGADES",
    "GROUP",
    "COURT",
    "POLICE",
    "OFFICE",
    "DEPARTMENT",
    "INSTITUTE",
    "UNIVERSITY",
    "COMPANY",
    "CORPORATION",
    "NEWS",
    "REBELS",
    "MILITIA",
    "ASSEMBLY",
    "PARLIAMENT",
    "CONGRESS",
    "SENATE",
    "CABINET",
    "REGIME",
];

/// Countries whose people are named family name first.
const FAMILY_FIRST: &[&str] = &["CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "VNM", "SGP"];

struct Block {
    names: Vec<String>,
    dated: bool,
    /// (code, end of validity as yyyymmdd; u32::MAX when open, 0 when undated).
    codes: Vec<(String, u32)>,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, out] = args.as_slice() else {
        eprintln!("usage: import_phoenix EVENTS_DIR OUTPUT");
        return ExitCode::from(2);
    };
    match run(dir, out) {
        Ok(n) => {
            eprintln!("wrote {n} persons to {out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("import_phoenix: {e}");
            ExitCode::FAILURE
        }
    }
}

/// A Phoenix date (`YYMMDD`, or `YYYYMMDD`) as yyyymmdd.
fn date(s: &str) -> Option<u32> {
    let d: u32 = s.parse().ok()?;
    match s.len() {
        6 => {
            let yy = d / 10_000;
            let century = if yy <= 30 { 2000 } else { 1900 };
            Some((century + yy) * 10_000 + d % 10_000)
        }
        8 => Some(d),
        _ => None,
    }
}

/// `[USAGOV >090120]` → ("USAGOV", open end); `[X 970101-061231]` → ("X", 20061231).
fn parse_code(s: &str) -> Option<(String, u32, bool)> {
    let inner = s.trim().strip_prefix('[')?.split(']').next()?.trim();
    let mut parts = inner.split_whitespace();
    let code = parts.next()?.to_string();
    let Some(range) = parts.next() else {
        return Some((code, 0, false));
    };
    let end = if let Some(from) = range.strip_prefix('>') {
        date(from).map(|_| u32::MAX)
    } else if let Some(to) = range.strip_prefix('<') {
        date(to)
    } else if let Some((_, to)) = range.split_once('-') {
        date(to)
    } else {
        None
    };
    Some((code, end.unwrap_or(0), true))
}

fn parse(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut cur: Option<Block> = None;
    for raw in text.lines() {
        let (body, comment) = raw.split_once('#').unwrap_or((raw, ""));
        let line = body.trim_end();
        if line.trim().is_empty() {
            continue;
        }
        let from_country_info = comment.contains("CountryInfo");
        let (name_part, codes) = match line.find('[') {
            Some(i) => (&line[..i], &line[i..]),
            None => (line, ""),
        };
        let code = (!codes.is_empty()).then(|| parse_code(codes)).flatten();
        let indented = line.starts_with([' ', '\t']);
        let head = !indented && !name_part.starts_with('+');
        if head {
            blocks.extend(cur.take());
            cur = Some(Block {
                names: Vec::new(),
                dated: false,
                codes: Vec::new(),
            });
        }
        let Some(b) = cur.as_mut() else { continue };
        b.dated |= from_country_info;
        if let Some((c, end, dated)) = code {
            b.dated |= dated;
            b.codes.push((c, end));
        }
        if !indented {
            let name = name_part
                .trim_start_matches('+')
                .split('_')
                .map(str::trim)
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            if !name.is_empty() {
                b.names.push(name);
            }
        }
    }
    blocks.extend(cur);
    blocks
}

/// Generation suffixes: never a surname, and written in capitals.
const SUFFIXES: &[&str] = &["II", "III", "IV", "V", "VI", "JR", "JR.", "SR", "SR."];

/// "KOFI ANNAN" → "Kofi Annan"; "BAN KI-MOON" → "Ban Ki-Moon"; "J." stays "J.";
/// "ABDULLAH II" → "Abdullah II".
fn title_case(name: &str) -> String {
    let mut words = Vec::new();
    for w in name.split(' ') {
        if SUFFIXES[..6].contains(&w) {
            words.push(w.to_string());
            continue;
        }
        let mut out = String::with_capacity(w.len());
        let mut start = true;
        for c in w.chars() {
            if start {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            start = !c.is_alphanumeric() && c != '\'';
        }
        words.push(out);
    }
    words.join(" ")
}

/// The word a person is called by after the first mention: the last word that is
/// not a generation suffix (the first word for family-name-first countries), if it
/// has three letters or more ("Li", "Ma" and initials are too ambiguous alone).
fn surname(name: &str, family_first: bool) -> Option<String> {
    let words: Vec<&str> = name
        .split(' ')
        .filter(|w| !SUFFIXES.contains(&w.to_uppercase().as_str()))
        .collect();
    let w = if family_first {
        words.first()
    } else {
        words.last()
    }?;
    (w.chars().filter(|c| c.is_alphabetic()).count() >= 3).then(|| w.to_string())
}

fn plausible_name(name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    words.len() >= 2
        && words.len() <= 6
        && name
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '.' | '\''))
        && !words
            .iter()
            .any(|w| ORG_WORDS.contains(&w.to_uppercase().as_str()))
}

/// A TOML basic string. Rust's debug quoting escapes `"` and `\` as TOML does; it
/// would write control characters as `\u{…}`, which TOML lacks, but none reach here
/// (names are letters, spaces, `-`, `.` and `'`; codes are ASCII).
fn toml_str(s: &str) -> String {
    format!("{s:?}")
}

fn slug(name: &str) -> String {
    let f = fold(name);
    let mut s = String::new();
    for c in f.chars() {
        if c.is_ascii_alphanumeric() {
            s.push(c);
        } else if !s.ends_with('-') {
            s.push('-');
        }
    }
    s.trim_matches('-').to_string()
}

fn run(dir: &str, out: &str) -> Result<usize, String> {
    let kb = Kb::load(&DataDir::locate(None)).map_err(|e| e.to_string())?;
    let countries: HashSet<&str> = kb
        .actors()
        .iter()
        .filter(|a| a.kind == ActorKind::Country)
        .map(|a| a.id.as_str())
        .collect();
    let sectors: HashSet<&str> = kb.sectors().iter().map(|s| s.code.as_str()).collect();
    // Full names of the hand-written persons, folded, with a space in front so that
    // "president barack obama" is seen to end with " barack obama".
    let known: Vec<String> = kb
        .actors()
        .iter()
        .filter(|a| a.kind == ActorKind::Person && !a.generated)
        .flat_map(|a| std::iter::once(&a.name).chain(a.aliases.iter()))
        .map(|n| format!(" {}", fold(n)))
        .collect();
    // Names of countries, places and organisations: a dated Phoenix block with such a
    // name ("TIMOR LESTE") is a state or body, not a person.
    let not_people: HashSet<String> = kb
        .actors()
        .iter()
        .filter(|a| a.kind != ActorKind::Person)
        .flat_map(|a| {
            std::iter::once(&a.name)
                .chain(a.aliases.iter())
                .chain(a.name_id.iter())
        })
        .map(|n| fold(n))
        .collect();
    let mut emitted: HashSet<String> = HashSet::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut body = String::new();
    let mut n = 0;
    for file in FILES {
        let path = format!("{dir}/{file}");
        let bytes = std::fs::read(&path).map_err(|e| format!("{path}: {e}"))?;
        for b in parse(&String::from_utf8_lossy(&bytes)) {
            if !b.dated || b.names.is_empty() {
                continue;
            }
            if b.names.iter().any(|n| {
                n.split(' ')
                    .any(|w| ORG_WORDS.contains(&w.to_uppercase().as_str()))
            }) {
                continue;
            }
            let primary = &b.names[0];
            if !plausible_name(primary) {
                continue;
            }
            let folded_names: Vec<String> =
                b.names.iter().map(|n| format!(" {}", fold(n))).collect();
            if folded_names.iter().any(|f| {
                known
                    .iter()
                    .any(|k| f.ends_with(k.as_str()) || k.ends_with(f.as_str()))
            }) {
                continue;
            }
            if b.names.iter().any(|n| not_people.contains(&fold(n))) {
                continue;
            }
            let key = fold(primary);
            if !emitted.insert(key) {
                continue;
            }
            let Some((code, _)) = b.codes.iter().max_by_key(|(_, end)| *end) else {
                continue;
            };
            let prefix = code.get(..3).unwrap_or("");
            let (country, sector) = if prefix == "IGO" || prefix == "NGO" {
                (None, Some(prefix))
            } else if countries.contains(prefix) {
                let s = code.get(3..6).filter(|s| sectors.contains(s));
                (Some(prefix), s)
            } else {
                (None, None)
            };
            let family_first = country.is_some_and(|c| FAMILY_FIRST.contains(&c));
            let short = surname(primary, family_first);
            let key_word = primary.rsplit(' ').next().unwrap_or(primary).to_uppercase();
            let key_word = short.as_deref().map_or(key_word, str::to_uppercase);
            let mut aliases = Vec::new();
            for alias in &b.names[1..] {
                if alias.split(' ').any(|w| w == key_word)
                    && plausible_name(alias)
                    && emitted.insert(fold(alias))
                {
                    aliases.push(title_case(alias));
                }
            }
            let name = title_case(primary);
            let mut id = format!("phx-{}", slug(&name));
            let count = ids.entry(id.clone()).or_insert(0);
            *count += 1;
            if *count > 1 {
                id = format!("{id}-{count}");
            }
            let _ = writeln!(
                body,
                "[[person]]\nid = {}\nname = {}",
                toml_str(&id),
                toml_str(&name)
            );
            if !aliases.is_empty() {
                let list: Vec<String> = aliases.iter().map(|a| toml_str(a)).collect();
                let _ = writeln!(body, "aliases = [{}]", list.join(", "));
            }
            match &short {
                Some(w) => {
                    let _ = writeln!(body, "surnames = [{}]", toml_str(&title_case(w)));
                }
                None => body.push_str("surnames = []\n"),
            }
            if let Some(c) = country {
                let _ = writeln!(body, "country = {}", toml_str(c));
            }
            if let Some(s) = sector {
                let _ = writeln!(body, "sector = {}", toml_str(s));
            }
            body.push_str("surname_alone = false\n");
            let _ = writeln!(body, "note = {}\n", toml_str(&format!("Phoenix {code}")));
            n += 1;
        }
    }
    let header = "# GENERATED by `cargo run -p warta-kb --example import_phoenix` — do not edit by hand;\n\
# add or correct people in the other persons/*.toml files (a hand-written person\n\
# replaces the generated one at the next import).\n\
#\n\
# Licence: CC BY-SA 3.0 (https://creativecommons.org/licenses/by-sa/3.0/). Derived from\n\
# the Phoenix actor dictionaries of openeventdata/petrarch2 (Phoenix.Countries.actors.txt,\n\
# Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt; MIT, Copyright (c)\n\
# 2014 Open Event Data Alliance), whose country actors were generated from CountryInfo\n\
# (Copyright (c) 2012 Philip A. Schrodt, CC BY-SA 3.0). See LICENSE-DATA.md.\n\
# Changes: people only, names re-cased, country and sector from the latest code, no\n\
# roles (the codes do not say which office). State of the sources: about 2014.\n\n\
generated = true\n\n";
    std::fs::write(out, format!("{header}{body}")).map_err(|e| format!("{out}: {e}"))?;
    Ok(n)
}
