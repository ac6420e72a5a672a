//! Repeated lines: a headline, deck, lede or caption printed two or three times.
//!
//! Lines are grouped by a comparison key (alphanumeric words, lower-cased) in one
//! hash map, so finding repeats is linear in the text. The body occurrence is kept
//! (the one after the header zone, which carries the dateline); the others are
//! removed as `duplicate`.

use std::collections::HashMap;

use warta_model::RemovedClass;

use crate::meta::lines::Line;
use crate::meta::names::word_count;

/// Repeats inside the body shorter than this stay: interview questions, recipe steps
/// and subheads legitimately recur; a long paragraph printed twice is a glitch.
const MIN_BODY_REPEAT_WORDS: usize = 15;
/// A deck must have this many words to be recognised as a prefix of the lede.
const MIN_DECK_WORDS: usize = 4;
/// How many body paragraphs a deck is compared with.
const DECK_LOOKAHEAD: usize = 2;

/// Lines grouped by comparison key.
pub(crate) struct Groups<'k> {
    keys: &'k [String],
    by_key: HashMap<&'k str, Vec<usize>>,
}

impl<'k> Groups<'k> {
    /// Group the lines with a non-empty key (`keys[i]` is empty for lines already
    /// removed).
    pub(crate) fn new(keys: &'k [String]) -> Groups<'k> {
        let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, k) in keys.iter().enumerate() {
            if !k.is_empty() {
                by_key.entry(k.as_str()).or_default().push(i);
            }
        }
        Groups { keys, by_key }
    }

    /// The lines sharing line `i`'s key, in order (just `i` when it is unique).
    pub(crate) fn members(&self, i: usize) -> &[usize] {
        self.keys
            .get(i)
            .and_then(|k| self.by_key.get(k.as_str()))
            .map_or(&[], Vec::as_slice)
    }

    /// True when a later line repeats line `i`.
    pub(crate) fn repeated_later(&self, i: usize) -> bool {
        self.members(i).last().is_some_and(|&last| last > i)
    }

    /// The key of line `i`.
    pub(crate) fn key(&self, i: usize) -> &str {
        self.keys.get(i).map_or("", String::as_str)
    }

    /// Mark repeats of groups that reach the body (line index ≥ `start`): the first
    /// body member stays; header members and long body repeats become `duplicate`.
    pub(crate) fn mark_body_repeats(&self, lines: &mut [Line], start: usize) {
        for members in self.by_key.values().filter(|m| m.len() > 1) {
            let Some(&keep) = members.iter().find(|&&m| m >= start) else {
                continue;
            };
            for &m in members {
                if m == keep {
                    continue;
                }
                let Some(line) = lines.get_mut(m) else {
                    continue;
                };
                if line.is_body() && (m < start || word_count(&line.text) >= MIN_BODY_REPEAT_WORDS)
                {
                    line.class = Some(RemovedClass::Duplicate);
                }
            }
        }
    }

    /// Mark header lines whose key is a word-prefix of one of the first body
    /// paragraphs' keys (a deck that repeats the lede's opening).
    pub(crate) fn mark_deck_prefixes(&self, lines: &mut [Line], header: &[usize], body: &[usize]) {
        let ledes: Vec<&str> = body
            .iter()
            .take(DECK_LOOKAHEAD)
            .map(|&b| self.key(b))
            .collect();
        for &h in header {
            let k = self.key(h);
            if k.is_empty() || word_count(k) < MIN_DECK_WORDS {
                continue;
            }
            let is_prefix = ledes.iter().any(|lede| {
                lede.len() > k.len()
                    && lede.starts_with(k)
                    && lede.as_bytes().get(k.len()) == Some(&b' ')
            });
            if is_prefix && let Some(line) = lines.get_mut(h).filter(|l| l.is_body()) {
                line.class = Some(RemovedClass::Duplicate);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::BlockKind;

    fn lines(texts: &[&str]) -> Vec<Line> {
        texts
            .iter()
            .map(|t| Line::new(t, BlockKind::Paragraph))
            .collect()
    }

    #[test]
    fn header_copies_go_body_copy_stays() {
        let mut ls = lines(&[
            "Cap satu dua tiga",
            "Lede kalimat pertama di sini.",
            "x",
            "Lede kalimat pertama di sini.",
        ]);
        let keys: Vec<String> = ls
            .iter()
            .map(|l| crate::meta::names::key(&l.text))
            .collect();
        let g = Groups::new(&keys);
        assert!(g.repeated_later(1));
        assert!(!g.repeated_later(3));
        g.mark_body_repeats(&mut ls, 3);
        assert_eq!(ls[1].class, Some(RemovedClass::Duplicate));
        assert!(ls[3].is_body());
    }

    #[test]
    fn deck_prefix() {
        let mut ls = lines(&[
            "Menteri bertemu mitra di kota",
            "Menteri bertemu mitra di kota tua pada pagi hari.",
        ]);
        let keys: Vec<String> = ls
            .iter()
            .map(|l| crate::meta::names::key(&l.text))
            .collect();
        let g = Groups::new(&keys);
        g.mark_deck_prefixes(&mut ls, &[0], &[1]);
        assert_eq!(ls[0].class, Some(RemovedClass::Duplicate));
        assert!(ls[1].is_body());
    }
}
