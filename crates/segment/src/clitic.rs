//! Clitics written attached to a word ("menurutnya", "apakah", "dialah").
//!
//! The tokeniser keeps such words whole (treebanks and NER corpora print them as
//! one token, and a name never ends in "-nya"), so later stages ask here whether a
//! word carries one: the coreference stage reads "-nya" as a pronoun. Suffixes and
//! the words that merely end in their letters ("hanya", "sekolah") are data:
//! `data/lang/<code>/clitics.txt` and `not_clitics.txt`.

use std::collections::HashSet;

use warta_langdata::DataDir;

use crate::SegmentError;
use crate::abbrev::{MAX_ABBREVIATION_BYTES, invalid, lower, numbered_entries};
use crate::chars;

/// Clitic suffixes, per language.
pub const CLITICS_FILE: &str = "clitics.txt";
/// Words ending in a clitic's letters without carrying it, per language.
pub const NOT_CLITICS_FILE: &str = "not_clitics.txt";

/// What a clitic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CliticRole {
    /// A pronoun ("-nya": his, her, its, their; him, her, it).
    Pronoun,
    /// A discourse particle ("-lah", "-kah", "-pun").
    Particle,
}

/// A clitic found at the end of a word. Offsets are bytes into the word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Clitic {
    /// End of the stem ("menurut" in "menurutnya"; before the hyphen in "COVID-19-nya").
    pub stem_end: usize,
    /// Start of the suffix ("nya").
    pub suffix_start: usize,
    /// What the suffix is.
    pub role: CliticRole,
}

/// The merged clitic lists of every language.
#[derive(Debug, Clone, Default)]
pub(crate) struct Clitics {
    /// Lower-case suffixes, longest first.
    suffixes: Vec<(String, CliticRole)>,
    not_clitics: HashSet<String>,
}

/// Shortest stem (in chars) a clitic may follow: "dia-nya" yes, "nya" alone no.
const MIN_STEM_CHARS: usize = 2;

impl Clitics {
    pub(crate) fn load(data: &DataDir) -> Result<Clitics, SegmentError> {
        let mut out = Clitics::default();
        for lang in data.languages() {
            let path = format!("lang/{lang}/{CLITICS_FILE}");
            if let Some(text) = data.read_optional(&path)? {
                out.add_suffixes(&path, &text)?;
            }
            let path = format!("lang/{lang}/{NOT_CLITICS_FILE}");
            if let Some(text) = data.read_optional(&path)? {
                for (line, entry) in numbered_entries(&text) {
                    if !entry.chars().all(char::is_alphabetic) {
                        return Err(invalid(&path, line, format!("`{entry}` is not one word")));
                    }
                    out.not_clitics.insert(entry.to_lowercase());
                }
            }
        }
        out.suffixes
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        out.suffixes.dedup_by(|a, b| a.0 == b.0);
        Ok(out)
    }

    fn add_suffixes(&mut self, path: &str, text: &str) -> Result<(), SegmentError> {
        for (line, entry) in numbered_entries(text) {
            let mut cols = entry.split_whitespace();
            let suffix = cols.next().unwrap_or_default();
            let role = match cols.next() {
                Some("pronoun") => CliticRole::Pronoun,
                Some("particle") => CliticRole::Particle,
                other => {
                    return Err(invalid(
                        path,
                        line,
                        format!(
                            "`{}`: a clitic needs a role, pronoun or particle",
                            other.unwrap_or(suffix)
                        ),
                    ));
                }
            };
            if let Some(extra) = cols.next() {
                return Err(invalid(path, line, format!("unexpected `{extra}`")));
            }
            if !suffix.chars().all(char::is_alphabetic) || suffix.len() > 12 {
                return Err(invalid(path, line, format!("`{suffix}` is not a suffix")));
            }
            self.suffixes.push((suffix.to_lowercase(), role));
        }
        Ok(())
    }

    fn is_exception(&self, word: &str) -> bool {
        let mut buf = [0u8; MAX_ABBREVIATION_BYTES];
        match lower(word, &mut buf) {
            Some(k) => self.not_clitics.contains(k),
            None => word.len() <= 64 && self.not_clitics.contains(&word.to_lowercase()),
        }
    }

    /// The outermost clitic of `word`, if any.
    pub(crate) fn find(&self, word: &str) -> Option<Clitic> {
        if self.is_exception(word) {
            return None;
        }
        for (suffix, role) in &self.suffixes {
            let Some(suffix_start) = word.len().checked_sub(suffix.len()) else {
                continue;
            };
            let Some(tail) = word.get(suffix_start..) else {
                continue;
            };
            if !tail.eq_ignore_ascii_case(suffix) && tail.to_lowercase() != *suffix {
                continue;
            }
            let Some(stem) = word.get(..suffix_start) else {
                continue;
            };
            let (stem, hyphen) = match stem.char_indices().next_back() {
                Some((at, c)) if chars::is_hyphen(c) => (stem.get(..at).unwrap_or(""), true),
                _ => (stem, false),
            };
            let last_is_letter = stem.chars().next_back().is_some_and(char::is_alphabetic);
            if stem.chars().count() < MIN_STEM_CHARS || !(hyphen || last_is_letter) {
                continue;
            }
            return Some(Clitic {
                stem_end: stem.len(),
                suffix_start,
                role: *role,
            });
        }
        None
    }

    /// Where a "-nya" clitic starts in `word`, looking through one particle after
    /// it ("rumahnyalah").
    pub(crate) fn nya(&self, word: &str) -> Option<usize> {
        let c = self.find(word)?;
        let tail = word.get(c.suffix_start..)?;
        if tail.eq_ignore_ascii_case("nya") {
            return Some(c.suffix_start);
        }
        if c.role == CliticRole::Particle {
            let inner = self.find(word.get(..c.stem_end)?)?;
            let tail = word.get(inner.suffix_start..c.stem_end)?;
            if tail.eq_ignore_ascii_case("nya") {
                return Some(inner.suffix_start);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clitics() -> Clitics {
        let mut c = Clitics::default();
        c.add_suffixes("x", "nya pronoun\nlah particle\nkah particle\n")
            .unwrap();
        c.not_clitics.insert("hanya".into());
        c.not_clitics.insert("sekolah".into());
        c
    }

    #[test]
    fn finds_nya_and_particles() {
        let c = clitics();
        let m = c.find("menurutnya").unwrap();
        assert_eq!(
            (m.stem_end, m.suffix_start, m.role),
            (7, 7, CliticRole::Pronoun)
        );
        assert_eq!(c.nya("KATANYA"), Some(4));
        assert_eq!(c.nya("hanya"), None);
        assert_eq!(c.find("sekolah"), None);
        assert_eq!(c.find("apakah").map(|m| m.role), Some(CliticRole::Particle));
        assert_eq!(c.nya("rumahnyalah"), Some(5));
        let h = c.find("COVID-19-nya").unwrap();
        assert_eq!((h.stem_end, h.suffix_start), (8, 9));
        assert_eq!(c.find("nya"), None);
        assert_eq!(c.find("anya"), None, "stem too short");
    }

    #[test]
    fn a_clitic_needs_a_role() {
        let mut c = Clitics::default();
        assert!(c.add_suffixes("x", "nya\n").is_err());
        assert!(c.add_suffixes("x", "nya pronoun extra\n").is_err());
    }
}
