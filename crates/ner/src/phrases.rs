//! Multi-token phrase lists (gazetteers and cue words) and their matcher.
//!
//! Every list the tagger consults — countries, provinces, regencies, titles such
//! as "Menteri Luar Negeri", organisation cue words — is a set of phrases of
//! lower-cased tokens, each phrase in one *class*. Matching marks, per class, the
//! longest phrases found left to right (non-overlapping within a class, classes
//! independent), and each token learns its position in the match: Begin, Inside,
//! End or Single. Phrases are stored as token hashes only, so a model file carries
//! no third-party text.

use crate::hash::{self, IdMap};

/// Maximum number of phrase classes (the per-token class mask is a `u32`).
pub const MAX_CLASSES: usize = 32;

/// Where a token sits inside a matched phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Part {
    /// First of several tokens.
    Begin = 0,
    /// Neither first nor last.
    Inside = 1,
    /// Last of several tokens.
    End = 2,
    /// The whole phrase.
    Single = 3,
}

/// A match on one token: the class and the token's part in the phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Class number.
    pub class: u8,
    /// Position in the phrase.
    pub part: Part,
}

/// A set of classed phrases as a trie over token hashes.
#[derive(Debug, Clone, Default)]
pub struct PhraseSet {
    /// (node, token hash) → child node. Node 0 is the root.
    edges: IdMap<(u32, u64), u32>,
    /// Per node: bit `c` set when a phrase of class `c` ends here.
    terminal: Vec<u32>,
    /// Every phrase as added (class, token hashes), for serialisation.
    phrases: Vec<(u8, Vec<u64>)>,
    max_len: usize,
}

/// Lower-case a token the way every list and feature does (Unicode lower case).
pub fn lower(token: &str, buf: &mut String) {
    buf.clear();
    if token.is_ascii() {
        buf.push_str(token);
        buf.make_ascii_lowercase();
    } else {
        for c in token.chars() {
            buf.extend(c.to_lowercase());
        }
    }
}

/// Hash of a token's lower-cased form.
pub fn lower_hash(token: &str, buf: &mut String) -> u64 {
    lower(token, buf);
    hash::str(buf)
}

/// Split a list entry into tokens the way the NER corpora are tokenised:
/// whitespace, with punctuation split off as its own token. Returns the
/// whitespace-only split too when it differs (so "Jl." matches both `Jl.` and
/// `Jl .`).
pub fn entry_tokenisations(entry: &str) -> Vec<Vec<String>> {
    let ws: Vec<String> = entry.split_whitespace().map(str::to_string).collect();
    let mut split = Vec::new();
    for w in &ws {
        let mut cur = String::new();
        for c in w.chars() {
            if c.is_alphanumeric() {
                cur.push(c);
            } else {
                if !cur.is_empty() {
                    split.push(std::mem::take(&mut cur));
                }
                split.push(c.to_string());
            }
        }
        if !cur.is_empty() {
            split.push(cur);
        }
    }
    if split == ws {
        vec![ws]
    } else {
        vec![ws, split]
    }
}

impl PhraseSet {
    /// An empty set.
    pub fn new() -> Self {
        PhraseSet {
            terminal: vec![0],
            ..PhraseSet::default()
        }
    }

    /// Add a phrase given as token hashes of lower-cased tokens.
    pub fn add_hashes(&mut self, class: u8, tokens: &[u64]) {
        if tokens.is_empty() || usize::from(class) >= MAX_CLASSES {
            return;
        }
        if self.terminal.is_empty() {
            self.terminal.push(0);
        }
        let mut node = 0u32;
        for &t in tokens {
            node = match self.edges.get(&(node, t)) {
                Some(&n) => n,
                None => {
                    let n = self.terminal.len() as u32;
                    self.terminal.push(0);
                    self.edges.insert((node, t), n);
                    n
                }
            };
        }
        let bit = 1u32 << class;
        if self.terminal[node as usize] & bit == 0 {
            self.terminal[node as usize] |= bit;
            self.phrases.push((class, tokens.to_vec()));
            self.max_len = self.max_len.max(tokens.len());
        }
    }

    /// Add a phrase written as text (every tokenisation of it, lower-cased).
    pub fn add_text(&mut self, class: u8, entry: &str) {
        let mut buf = String::new();
        for toks in entry_tokenisations(entry) {
            let hashes: Vec<u64> = toks.iter().map(|t| lower_hash(t, &mut buf)).collect();
            self.add_hashes(class, &hashes);
        }
    }

    /// Number of distinct (class, phrase) entries.
    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// Every phrase in insertion order (for writing a model file).
    pub fn phrases(&self) -> &[(u8, Vec<u64>)] {
        &self.phrases
    }

    /// Whether the single token `h` is a phrase of class `class`.
    pub fn contains_single(&self, class: u8, h: u64) -> bool {
        self.edges
            .get(&(0, h))
            .is_some_and(|&n| self.terminal[n as usize] & (1 << class) != 0)
    }

    /// Match over a sentence given as lower-cased token hashes. `hits` receives,
    /// for each token, its hits in `hits[offsets[i]..offsets[i+1]]`; `scratch`
    /// is reused between calls.
    pub fn find(
        &self,
        tokens: &[u64],
        scratch: &mut MatchScratch,
        hits: &mut Vec<Hit>,
        offsets: &mut Vec<u32>,
    ) {
        let n = tokens.len();
        hits.clear();
        offsets.clear();
        scratch.per_token.clear();
        scratch.per_token.resize(n, 0);
        scratch.ends.clear();
        if self.phrases.is_empty() {
            offsets.resize(n + 1, 0);
            return;
        }
        // longest[c] for the current start: length of the longest class-c phrase.
        // Walk the trie once per start position; per class keep the greedy cursor.
        let mut next_free = [0usize; MAX_CLASSES];
        let mut longest = [0usize; MAX_CLASSES];
        for start in 0..n {
            longest.fill(0);
            let mut node = 0u32;
            let mut any = 0u32;
            for (k, &t) in tokens[start..n.min(start + self.max_len)]
                .iter()
                .enumerate()
            {
                match self.edges.get(&(node, t)) {
                    Some(&child) => {
                        node = child;
                        let mut term = self.terminal[child as usize];
                        any |= term;
                        while term != 0 {
                            let c = term.trailing_zeros() as usize;
                            longest[c] = k + 1;
                            term &= term - 1;
                        }
                    }
                    None => break,
                }
            }
            while any != 0 {
                let c = any.trailing_zeros() as usize;
                any &= any - 1;
                if start < next_free[c] {
                    continue;
                }
                let len = longest[c];
                next_free[c] = start + len;
                scratch.ends.push((start as u32, len as u32, c as u8));
            }
        }
        // Distribute matches to tokens: count, prefix-sum, fill.
        for &(s, len, _) in &scratch.ends {
            for i in s..s + len {
                scratch.per_token[i as usize] += 1;
            }
        }
        offsets.push(0);
        let mut acc = 0u32;
        for &c in &scratch.per_token {
            acc += c;
            offsets.push(acc);
        }
        hits.resize(
            acc as usize,
            Hit {
                class: 0,
                part: Part::Single,
            },
        );
        scratch.per_token.iter_mut().for_each(|c| *c = 0);
        for &(s, len, class) in &scratch.ends {
            for i in s..s + len {
                let part = match (i == s, i + 1 == s + len) {
                    (true, true) => Part::Single,
                    (true, false) => Part::Begin,
                    (false, true) => Part::End,
                    (false, false) => Part::Inside,
                };
                let slot = offsets[i as usize] + scratch.per_token[i as usize];
                scratch.per_token[i as usize] += 1;
                hits[slot as usize] = Hit { class, part };
            }
        }
    }
}

/// Reusable buffers for [`PhraseSet::find`].
#[derive(Debug, Default, Clone)]
pub struct MatchScratch {
    per_token: Vec<u32>,
    ends: Vec<(u32, u32, u8)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hashes(s: &str) -> Vec<u64> {
        let mut b = String::new();
        s.split_whitespace()
            .map(|t| lower_hash(t, &mut b))
            .collect()
    }

    #[test]
    fn longest_match_per_class() {
        let mut p = PhraseSet::new();
        p.add_text(0, "Menteri");
        p.add_text(0, "Menteri Luar Negeri");
        p.add_text(1, "Luar");
        p.add_text(2, "Jl.");
        let toks = hashes("kata menteri luar negeri retno di jl . sudirman");
        let (mut hits, mut off, mut sc) = (Vec::new(), Vec::new(), MatchScratch::default());
        p.find(&toks, &mut sc, &mut hits, &mut off);
        let at = |i: usize| hits[off[i] as usize..off[i + 1] as usize].to_vec();
        assert!(at(0).is_empty());
        assert_eq!(
            at(1),
            vec![Hit {
                class: 0,
                part: Part::Begin
            }]
        );
        assert!(at(2).contains(&Hit {
            class: 0,
            part: Part::Inside
        }));
        assert!(at(2).contains(&Hit {
            class: 1,
            part: Part::Single
        }));
        assert_eq!(
            at(3),
            vec![Hit {
                class: 0,
                part: Part::End
            }]
        );
        assert_eq!(
            at(6),
            vec![Hit {
                class: 2,
                part: Part::Begin
            }]
        );
        assert_eq!(
            at(7),
            vec![Hit {
                class: 2,
                part: Part::End
            }]
        );
        assert!(p.contains_single(1, hashes("LUAR")[0]));
    }

    #[test]
    fn empty_set_and_sentence() {
        let p = PhraseSet::new();
        let (mut hits, mut off, mut sc) = (Vec::new(), Vec::new(), MatchScratch::default());
        p.find(&[1, 2], &mut sc, &mut hits, &mut off);
        assert_eq!(off, vec![0, 0, 0]);
        let mut q = PhraseSet::new();
        q.add_text(0, "a");
        q.find(&[], &mut sc, &mut hits, &mut off);
        assert_eq!(off, vec![0]);
    }
}
