//! The five showcase pages in `../shared/seeds/` (read at test time, never copied into
//! the repository): every person and country the issue lists is found by the matcher
//! in every form the pages use, and the role titles on them resolve on the pages'
//! dates. Skipped when the shared folder is absent.

use chrono::NaiveDate;
use std::path::PathBuf;
use warta_kb::{ActorKind, Kb, MatchKind, fold};
use warta_langdata::DataDir;

fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds")
}

/// `(file name, text)` of every seed page, or `None` when the folder is absent.
fn seeds() -> Option<Vec<(String, String)>> {
    let dir = seeds_dir();
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).ok()?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".txt") {
            let bytes = std::fs::read(entry.path()).ok()?;
            out.push((name, String::from_utf8_lossy(&bytes).into_owned()));
        }
    }
    out.sort();
    (!out.is_empty()).then_some(out)
}

/// Byte offsets of whole-word occurrences of `needle` in `text`.
fn occurrences(text: &str, needle: &str) -> Vec<(usize, usize)> {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(needle)
        .map(|(i, _)| (i, i + needle.len()))
        .filter(|&(s, e)| !word(text[..s].chars().next_back()) && !word(text[e..].chars().next()))
        .collect()
}

/// Surface forms on the pages and the actor each must reach.
const EXPECTED: &[(&str, &str)] = &[
    ("Sergei Lavrov", "sergey-lavrov"),
    ("Sergey Lavrov", "sergey-lavrov"),
    ("Lavrov", "sergey-lavrov"),
    ("Wang Yi", "wang-yi"),
    ("Vladimir Putin", "vladimir-putin"),
    ("Putin", "vladimir-putin"),
    ("Xi Jinping", "xi-jinping"),
    ("Josep Borrell", "josep-borrell"),
    ("Antony Blinken", "antony-blinken"),
    ("Janet Yellen", "janet-yellen"),
    ("Jake Sullivan", "jake-sullivan"),
    ("Sullivan", "jake-sullivan"),
    ("Yang Jiechi", "yang-jiechi"),
    ("Ma Zhaoxu", "ma-zhaoxu"),
    ("Andrey Rudenko", "andrey-rudenko"),
    ("Sergey Vershinin", "sergey-vershinin"),
    ("Rusia", "RUS"),
    ("Moskow", "RUS"),
    ("China", "CHN"),
    ("Cina", "CHN"),
    ("Tiongkok", "CHN"),
    ("RRT", "CHN"),
    ("Negeri Tirai Bambu", "CHN"),
    ("Beijing", "CHN"),
    ("Amerika Serikat", "USA"),
    ("AS", "USA"),
    ("Amerika", "USA"),
    ("Washington", "USA"),
    ("Gedung Putih", "USA"),
    ("Ukraina", "UKR"),
    ("Indonesia", "IDN"),
    ("Jakarta", "IDN"),
    ("G20", "G20"),
    ("G-20", "G20"),
    ("Uni Eropa", "EU"),
    ("PBB", "UN"),
    ("TASS", "MEDIA-TASS"),
    ("RIA Novosti", "MEDIA-RIA"),
    ("Interfax", "MEDIA-INTERFAX"),
    ("Xinhua", "MEDIA-XINHUA"),
    ("CGTN", "MEDIA-CGTN"),
];

#[test]
fn every_listed_name_is_found_in_every_form() {
    let Some(pages) = seeds() else {
        eprintln!("skipped: no seeds at {}", seeds_dir().display());
        return;
    };
    let kb = Kb::load(&DataDir::locate(None)).expect("knowledge base");
    let mut missing = Vec::new();
    let mut seen = vec![0usize; EXPECTED.len()];
    for (file, text) in &pages {
        let mentions = kb.find_mentions(text);
        for (i, &(surface, id)) in EXPECTED.iter().enumerate() {
            for (s, e) in occurrences(text, surface) {
                seen[i] += 1;
                // Inside a longer name ("Kementerian Luar Negeri China", "Dewan
                // Keamanan PBB") the longer name wins; it must then belong to the actor.
                let covered = mentions.iter().any(|m| {
                    m.start <= s
                        && e <= m.end
                        && m.candidates.iter().any(|c| {
                            c.actor.id == id
                                || c.actor.parent.as_deref() == Some(id)
                                || (c.actor.kind == ActorKind::Organisation
                                    && c.actor.country.as_deref() == Some(id))
                        })
                });
                if !covered {
                    missing.push(format!("{file}: `{surface}` at {s} does not reach {id}"));
                }
            }
        }
    }
    for (i, &(surface, _)) in EXPECTED.iter().enumerate() {
        if seen[i] == 0 {
            missing.push(format!(
                "`{surface}` does not occur in the seeds (test list out of date)"
            ));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn lowercase_words_are_not_names() {
    let Some(pages) = seeds() else {
        return;
    };
    let kb = Kb::load(&DataDir::locate(None)).expect("knowledge base");
    for (file, text) in &pages {
        for m in kb.find_mentions(text) {
            let span = &text[m.start..m.end];
            // Every name found starts with a capital (or is a digit-led acronym):
            // the Indonesian "as", "antara", "cuba" never match.
            let first = span.chars().next().unwrap_or(' ');
            assert!(
                !first.is_lowercase() || fold(span).starts_with("von "),
                "{file}: lower-case match `{span}` at {}",
                m.start
            );
            if m.candidates.iter().all(|c| c.how == MatchKind::Surname) {
                assert!(span.chars().count() >= 2, "{file}: `{span}`");
            }
        }
    }
}

#[test]
fn titles_on_the_pages_resolve_on_their_dates() {
    let Some(pages) = seeds() else {
        return;
    };
    let kb = Kb::load(&DataDir::locate(None)).expect("knowledge base");
    // Dates from seeds/README.md (the printed date of each page).
    let dates = [
        ("000_", "2022-07-08"),
        ("001_", "2024-04-09"),
        ("002_", "2022-03-19"),
        ("003_", "2023-02-04"),
        ("004_", "2021-06-05"),
    ];
    let mut resolved = 0;
    for (file, text) in &pages {
        let Some(&(_, date)) = dates.iter().find(|(p, _)| file.starts_with(p)) else {
            continue;
        };
        let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").expect("date");
        for t in kb.find_titles(text) {
            let phrase = &text[t.start..t.end];
            let who: Vec<&str> = kb
                .title_holders(&t, date)
                .iter()
                .map(|a| a.id.as_str())
                .collect();
            let expect: &[&str] = match fold(phrase).as_str() {
                "menteri luar negeri rusia" | "menlu rusia" | "menlu moskow" => &["sergey-lavrov"],
                "menteri luar negeri china" | "menlu china" => &["wang-yi"],
                "wakil menteri luar negeri china" => &["ma-zhaoxu"],
                "menteri luar negeri as" => &["antony-blinken"],
                "penasihat keamanan nasional as" => &["jake-sullivan"],
                "presiden rusia" => &["vladimir-putin"],
                "presiden china" => &["xi-jinping"],
                _ => continue,
            };
            for id in expect {
                assert!(who.contains(id), "{file}: `{phrase}` on {date}: {who:?}");
            }
            resolved += 1;
        }
    }
    assert!(resolved >= 10, "only {resolved} titles resolved");
}
