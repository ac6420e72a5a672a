//! Counting list words in a text: one pass, no allocation per token.
//!
//! Words are maximal runs of letters (apostrophes inside a word kept, so "don't" is one
//! word); digits, hyphens and punctuation separate words ("kanak-kanak" is two). Each
//! word is lower-cased into a small stack buffer and looked up once; the entry it finds
//! also lists the pairs it starts ("rumah" → "sakit"), checked against the next word.

use crate::lists::{Entry, Table};

/// Longest word (in bytes, lower-cased) that is looked up; longer ones only count.
const WORD_MAX: usize = 48;

/// What a text contains, per language.
#[derive(Debug, Clone)]
pub(crate) struct Counts {
    /// Words in the text.
    pub tokens: u32,
    /// Letters in the text (to tell "short" from "not space-separated").
    pub letters: u32,
    /// Sum of list weights per language.
    pub score: Vec<f32>,
    /// Words with a positive weight per language.
    pub matched: Vec<u32>,
}

/// Apostrophes kept inside words.
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

struct Counter<'t> {
    table: &'t Table,
    counts: Counts,
    buf: [u8; WORD_MAX],
    len: usize,
    overflow: bool,
    prev: Option<&'t Entry>,
}

impl<'t> Counter<'t> {
    fn push(&mut self, c: char) {
        if self.overflow {
            return;
        }
        if c.is_ascii() {
            match self.buf.get_mut(self.len) {
                Some(slot) => {
                    *slot = c.to_ascii_lowercase() as u8;
                    self.len += 1;
                }
                None => self.overflow = true,
            }
            return;
        }
        for lc in c.to_lowercase() {
            let mut tmp = [0u8; 4];
            let enc = lc.encode_utf8(&mut tmp).as_bytes();
            match self.buf.get_mut(self.len..self.len + enc.len()) {
                Some(dst) => {
                    dst.copy_from_slice(enc);
                    self.len += enc.len();
                }
                None => {
                    self.overflow = true;
                    return;
                }
            }
        }
    }

    fn finish_word(&mut self) {
        // A trailing apostrophe ("Dato'") is not part of the word.
        while self.len > 0 && self.buf.get(self.len - 1) == Some(&b'\'') {
            self.len -= 1;
        }
        if self.len == 0 {
            self.overflow = false;
            return;
        }
        self.counts.tokens += 1;
        let table = self.table;
        let entry = if self.overflow {
            None
        } else {
            self.buf
                .get(..self.len)
                .and_then(|b| std::str::from_utf8(b).ok())
                .and_then(|key| {
                    if let Some(prev) = self.prev {
                        for (second, weights) in &prev.pairs {
                            if **second == *key {
                                for (s, w) in self.counts.score.iter_mut().zip(weights.iter()) {
                                    *s += *w;
                                }
                            }
                        }
                    }
                    table.words.get(key)
                })
        };
        if let Some(e) = entry {
            for ((s, m), w) in self
                .counts
                .score
                .iter_mut()
                .zip(self.counts.matched.iter_mut())
                .zip(e.weights.iter())
            {
                *s += *w;
                if *w > 0.0 {
                    *m += 1;
                }
            }
        }
        self.prev = entry;
        self.len = 0;
        self.overflow = false;
    }
}

/// Count the list words of `text`.
pub(crate) fn count(table: &Table, text: &str) -> Counts {
    let n = table.n_langs;
    let mut c = Counter {
        table,
        counts: Counts {
            tokens: 0,
            letters: 0,
            score: vec![0.0; n],
            matched: vec![0; n],
        },
        buf: [0; WORD_MAX],
        len: 0,
        overflow: false,
        prev: None,
    };
    let mut in_word = false;
    for ch in text.chars() {
        if ch.is_alphabetic() {
            c.counts.letters += 1;
            c.push(ch);
            in_word = true;
        } else if in_word && is_apostrophe(ch) {
            c.push('\'');
        } else if in_word {
            c.finish_word();
            in_word = false;
        }
    }
    if in_word {
        c.finish_word();
    }
    c.counts
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_and_pairs() {
        let mut t = Table::new(2);
        t.add(0, "yang\nrumah sakit 3\ndon't\n").unwrap();
        t.add(1, "yang\nhospital 3\n").unwrap();
        let c = count(&t, "Yang ke RUMAH SAKIT, yang-yang don’t 12x Dato'");
        // Yang ke RUMAH SAKIT yang yang don't x Dato
        assert_eq!(c.tokens, 9);
        assert_eq!(c.matched, [4, 3]);
        assert_eq!(c.score, [7.0, 3.0]);
    }
}
