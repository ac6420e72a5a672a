//! The word lists the scanner and the splitter consult: abbreviations, sentence
//! starters and currency signs, read from `data/lang/<code>/` for every language.
//!
//! All languages are merged into one lexicon because a page mixes them (an
//! Indonesian article quoting "U.S. Sen. Smith") and segmentation runs before, or
//! without, language identification.

use std::collections::{HashMap, HashSet};

use warta_langdata::DataDir;

use crate::SegmentError;

/// Abbreviations with their full stops, per language.
pub const ABBREVIATIONS_FILE: &str = "abbreviations.txt";
/// Words that begin sentences, per language.
pub const STARTERS_FILE: &str = "sentence_starters.txt";
/// Currency signs printed before amounts, per language.
pub const CURRENCIES_FILE: &str = "currencies.txt";

/// Longest abbreviation (in bytes) the lexicon accepts; also bounds the scanner's
/// look-ahead.
pub const MAX_ABBREVIATION_BYTES: usize = 24;

/// How an abbreviation's full stop behaves at a possible sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AbbrevClass {
    /// An abbreviation only before a number ("No. 5"); elsewhere the stop is ordinary.
    Numeric,
    /// Often ends a phrase ("dll.", "Tbk.", "Inc."): ends a sentence before a
    /// capitalised word or an opening quote.
    Final,
    /// Ends a sentence only before a listed sentence starter ("U.S.", "a.m.").
    Ambiguous,
    /// Stands before a name, place or amount ("Dr.", "Jl.", "Rp."): never ends a
    /// sentence inside a paragraph.
    Prefix,
}

impl AbbrevClass {
    fn parse(s: &str) -> Option<AbbrevClass> {
        Some(match s {
            "prefix" => AbbrevClass::Prefix,
            "numeric" => AbbrevClass::Numeric,
            "ambiguous" => AbbrevClass::Ambiguous,
            "final" => AbbrevClass::Final,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    class: AbbrevClass,
    /// Listed only with a capital: matches capitalised words only.
    capital_only: bool,
}

/// The merged word lists of every language.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lexicon {
    abbreviations: HashMap<String, Entry>,
    starters: HashSet<String>,
    currencies: HashSet<String>,
    max_currency_bytes: usize,
}

/// The non-comment lines of a list file with their 1-based line numbers.
pub(crate) fn numbered_entries(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().filter_map(|(i, l)| {
        let l = l.split_once('#').map_or(l, |(a, _)| a).trim();
        (!l.is_empty()).then_some((i + 1, l))
    })
}

pub(crate) fn invalid(path: &str, line: usize, message: impl Into<String>) -> SegmentError {
    SegmentError::Invalid {
        path: path.to_string(),
        line,
        message: message.into(),
    }
}

/// Lower-case `s` into `buf` without allocating for short ASCII words.
pub(crate) fn lower<'b>(s: &str, buf: &'b mut [u8; MAX_ABBREVIATION_BYTES]) -> Option<&'b str> {
    if !s.is_ascii() || s.len() > buf.len() {
        return None;
    }
    let out = buf.get_mut(..s.len())?;
    out.copy_from_slice(s.as_bytes());
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

impl Lexicon {
    pub(crate) fn load(data: &DataDir) -> Result<Lexicon, SegmentError> {
        let mut lex = Lexicon::default();
        for lang in data.languages() {
            let path = format!("lang/{lang}/{ABBREVIATIONS_FILE}");
            if let Some(text) = data.read_optional(&path)? {
                lex.add_abbreviations(&path, &text)?;
            }
            let path = format!("lang/{lang}/{STARTERS_FILE}");
            if let Some(text) = data.read_optional(&path)? {
                for (line, entry) in numbered_entries(&text) {
                    if entry.contains(char::is_whitespace)
                        || !entry.chars().any(char::is_alphabetic)
                    {
                        return Err(invalid(&path, line, format!("`{entry}` is not one word")));
                    }
                    lex.starters.insert(entry.to_lowercase());
                }
            }
            let path = format!("lang/{lang}/{CURRENCIES_FILE}");
            if let Some(text) = data.read_optional(&path)? {
                for (line, entry) in numbered_entries(&text) {
                    if entry.contains(char::is_whitespace) || entry.len() > 8 {
                        return Err(invalid(
                            &path,
                            line,
                            format!("`{entry}` is not a currency sign (one word, at most 8 bytes)"),
                        ));
                    }
                    let lower = entry.to_lowercase();
                    lex.max_currency_bytes = lex.max_currency_bytes.max(lower.len());
                    lex.currencies.insert(lower);
                }
            }
        }
        Ok(lex)
    }

    fn add_abbreviations(&mut self, path: &str, text: &str) -> Result<(), SegmentError> {
        for (line, entry) in numbered_entries(text) {
            let mut cols = entry.split_whitespace();
            let form = cols.next().unwrap_or_default();
            let class = match cols.next() {
                None => AbbrevClass::Final,
                Some(c) => AbbrevClass::parse(c).ok_or_else(|| {
                    invalid(
                        path,
                        line,
                        format!("unknown class `{c}` (prefix, numeric, ambiguous or final)"),
                    )
                })?,
            };
            if let Some(extra) = cols.next() {
                return Err(invalid(path, line, format!("unexpected `{extra}`")));
            }
            let shape_ok = form.ends_with('.')
                && form.len() <= MAX_ABBREVIATION_BYTES
                && !form.starts_with('.')
                && !form.contains("..")
                && form.chars().all(|c| c == '.' || c.is_alphabetic());
            if !shape_ok {
                return Err(invalid(
                    path,
                    line,
                    format!(
                        "`{form}` is not an abbreviation: letters and full stops, ending in one, \
                         at most {MAX_ABBREVIATION_BYTES} bytes"
                    ),
                ));
            }
            let capital_only = form.chars().next().is_some_and(char::is_uppercase);
            let key = form.to_lowercase();
            let merged = match self.abbreviations.get(&key) {
                // A form listed twice (in two languages) keeps the class that breaks a
                // sentence least, and matches lower case if any listing does.
                Some(old) => Entry {
                    class: old.class.max(class),
                    capital_only: old.capital_only && capital_only,
                },
                None => Entry {
                    class,
                    capital_only,
                },
            };
            self.abbreviations.insert(key, merged);
        }
        Ok(())
    }

    /// The class of `form` (a word with its final full stop, as printed), or `None`
    /// when it is not a listed abbreviation.
    pub(crate) fn abbreviation(&self, form: &str) -> Option<AbbrevClass> {
        let mut buf = [0u8; MAX_ABBREVIATION_BYTES];
        let owned;
        let key = match lower(form, &mut buf) {
            Some(k) => k,
            None if form.len() <= MAX_ABBREVIATION_BYTES => {
                owned = form.to_lowercase();
                owned.as_str()
            }
            None => return None,
        };
        let entry = self.abbreviations.get(key)?;
        if entry.capital_only && !form.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        Some(entry.class)
    }

    /// True when `word` (any case) is a listed sentence starter.
    pub(crate) fn is_starter(&self, word: &str) -> bool {
        let mut buf = [0u8; MAX_ABBREVIATION_BYTES];
        match lower(word, &mut buf) {
            Some(k) => self.starters.contains(k),
            None => word.len() <= 64 && self.starters.contains(&word.to_lowercase()),
        }
    }

    /// True when `sign` (any case) is a listed currency sign.
    pub(crate) fn is_currency(&self, sign: &str) -> bool {
        if sign.is_empty() || sign.len() > self.max_currency_bytes {
            return false;
        }
        let mut buf = [0u8; MAX_ABBREVIATION_BYTES];
        match lower(sign, &mut buf) {
            Some(k) => self.currencies.contains(k),
            None => self.currencies.contains(&sign.to_lowercase()),
        }
    }

    pub(crate) fn abbreviation_count(&self) -> usize {
        self.abbreviations.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex(abbrevs: &str) -> Result<Lexicon, SegmentError> {
        let mut lex = Lexicon::default();
        lex.add_abbreviations("lang/xx/abbreviations.txt", abbrevs)?;
        Ok(lex)
    }

    #[test]
    fn classes_and_case() {
        let lex = lex("Kol. prefix\ndll.\nno. numeric # comment\n").unwrap();
        assert_eq!(lex.abbreviation("Kol."), Some(AbbrevClass::Prefix));
        assert_eq!(lex.abbreviation("kol."), None, "capital-only entry");
        assert_eq!(lex.abbreviation("DLL."), Some(AbbrevClass::Final));
        assert_eq!(lex.abbreviation("No."), Some(AbbrevClass::Numeric));
    }

    #[test]
    fn merging_keeps_the_least_breaking_class() {
        let mut lex = lex("St. ambiguous\n").unwrap();
        lex.add_abbreviations("b", "st. prefix\n").unwrap();
        assert_eq!(lex.abbreviation("st."), Some(AbbrevClass::Prefix));
    }

    #[test]
    fn bad_lines_are_typed_errors_with_line_numbers() {
        let err = lex("dll.\nDr. title\n").unwrap_err();
        assert!(
            matches!(err, SegmentError::Invalid { line: 2, .. }),
            "{err}"
        );
        assert!(lex("Dr\n").is_err());
        assert!(lex("Dr. prefix extra\n").is_err());
        assert!(lex("a..b.\n").is_err());
    }
}
