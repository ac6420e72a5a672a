//! Reading `data/lang/<code>/langid.txt` word lists.
//!
//! One entry per line: a word (or two words, for a pair such as "rumah sakit") and an
//! optional weight, separated by whitespace; `#` starts a comment. Words are matched
//! lower-cased; a weight defaults to 1. The format is documented for linguists in
//! `data/README.md`, section `langid.txt`.

use std::collections::HashMap;

/// One word's weights, one per loaded language (0 where a list lacks the word),
/// plus the pairs that start with it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Entry {
    /// Weight of the word alone in each language.
    pub weights: Box<[f32]>,
    /// Second words of pairs starting with this word, with their weights.
    pub pairs: Vec<(Box<str>, Box<[f32]>)>,
}

/// Words of every language, merged: word → weights per language.
#[derive(Debug, Clone, Default)]
pub(crate) struct Table {
    /// Number of languages (length of every weight vector).
    pub n_langs: usize,
    /// Lower-cased word → entry.
    pub words: HashMap<Box<str>, Entry>,
}

/// A parsed list line.
#[derive(Debug, PartialEq)]
pub(crate) struct Line {
    pub first: String,
    pub second: Option<String>,
    pub weight: f32,
}

/// Lower-case a word the way the tokenizer does (apostrophes become `'`).
pub(crate) fn normalise(word: &str) -> String {
    word.chars()
        .map(|c| {
            if matches!(c, '\u{2019}' | '\u{02BC}') {
                '\''
            } else {
                c
            }
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Parse one non-empty, comment-free line.
pub(crate) fn parse_line(line: &str) -> Result<Line, String> {
    let mut parts: Vec<&str> = line.split_whitespace().collect();
    let mut weight = 1.0f32;
    if let Some(last) = parts.last()
        && let Ok(w) = last.parse::<f32>()
    {
        if !w.is_finite() {
            return Err(format!("weight {last:?} is not a finite number"));
        }
        weight = w;
        parts.pop();
    }
    let word_ok = |w: &str| {
        w.chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '\u{2019}')
    };
    match parts.as_slice() {
        [one] if word_ok(one) => Ok(Line {
            first: normalise(one),
            second: None,
            weight,
        }),
        [a, b] if word_ok(a) && word_ok(b) => Ok(Line {
            first: normalise(a),
            second: Some(normalise(b)),
            weight,
        }),
        _ => Err(format!(
            "{line:?}: expected a word or two words (letters only) and an optional weight"
        )),
    }
}

impl Table {
    /// A table for `n_langs` languages; add each language's lines with [`Table::add`].
    pub fn new(n_langs: usize) -> Table {
        Table {
            n_langs,
            words: HashMap::new(),
        }
    }

    /// Add the list `text` as language number `lang`. Errors carry the line number.
    pub fn add(&mut self, lang: usize, text: &str) -> Result<(), String> {
        let n = self.n_langs;
        for (no, raw) in text.lines().enumerate() {
            let line = raw.split_once('#').map_or(raw, |(a, _)| a).trim();
            if line.is_empty() {
                continue;
            }
            let l = parse_line(line).map_err(|e| format!("line {}: {e}", no + 1))?;
            let entry = self.words.entry(l.first.into()).or_insert_with(|| Entry {
                weights: vec![0.0; n].into(),
                pairs: Vec::new(),
            });
            let slot = match l.second {
                None => entry.weights.get_mut(lang),
                Some(second) => {
                    let pos = match entry.pairs.iter().position(|(w, _)| **w == *second) {
                        Some(p) => p,
                        None => {
                            entry.pairs.push((second.into(), vec![0.0; n].into()));
                            entry.pairs.len() - 1
                        }
                    };
                    entry.pairs.get_mut(pos).and_then(|(_, w)| w.get_mut(lang))
                }
            };
            if let Some(slot) = slot {
                *slot = l.weight;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn lines_parse() {
        let l = parse_line("Karena 3").unwrap();
        assert_eq!(
            (l.first.as_str(), l.second, l.weight),
            ("karena", None, 3.0)
        );
        let l = parse_line("rumah\tsakit\t2.5").unwrap();
        assert_eq!(l.second.as_deref(), Some("sakit"));
        assert_eq!(l.weight, 2.5);
        assert_eq!(parse_line("yang").unwrap().weight, 1.0);
        assert!(parse_line("a b c").is_err());
        assert!(parse_line("x2 1").is_err());
        assert!(parse_line("nan NaN").is_err());
    }

    #[test]
    fn table_merges_languages() {
        let mut t = Table::new(2);
        t.add(0, "# id\nyang\nkarena 3\nrumah sakit 2\n").unwrap();
        t.add(1, "yang\nkerana 3\n").unwrap();
        assert_eq!(&*t.words["yang"].weights, &[1.0, 1.0]);
        assert_eq!(&*t.words["karena"].weights, &[3.0, 0.0]);
        assert_eq!(&*t.words["rumah"].pairs[0].1, &[2.0, 0.0]);
        assert!(t.add(0, "ok\n1 2 3 4\n").unwrap_err().starts_with("line 2"));
    }
}
