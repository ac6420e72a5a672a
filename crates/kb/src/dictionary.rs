//! A multi-pattern dictionary over folded names, used for actor names and for role
//! titles: exact look-up of one name, and a scan of running text.
//!
//! Names are folded ([`crate::fold`]) and compiled into one Aho-Corasick automaton.
//! A scan reports every occurrence, then keeps those that sit on word boundaries and
//! pass the case rule of at least one spelling behind the key, then chooses
//! leftmost-longest among the survivors. Filtering before choosing matters: in "as
//! well", the Indonesian key "as" (from "AS") fails its case rule and leaves room for
//! nothing else, but in "ASEAN" the longer key wins over "AS" either way.

use crate::fold::{CaseRule, Folded, at_word_boundaries, fold};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashMap;

/// One key's spellings: each with its case rule and what it stands for.
type Entry<T> = Vec<(CaseRule, T)>;

/// Folded names → values, with a compiled scanner.
pub(crate) struct Dictionary<T> {
    keys: HashMap<String, usize>,
    entries: Vec<Entry<T>>,
    patterns: Vec<String>,
    ac: Option<AhoCorasick>,
}

/// One accepted occurrence in a scanned text (original byte offsets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub entry: usize,
}

impl<T: PartialEq> Dictionary<T> {
    pub fn new() -> Self {
        Dictionary {
            keys: HashMap::new(),
            entries: Vec::new(),
            patterns: Vec::new(),
            ac: None,
        }
    }

    /// Add `surface` (as written in the data) standing for `value`. Returns false if
    /// the name folds to nothing.
    pub fn insert(&mut self, surface: &str, value: T) -> bool {
        self.insert_with_rule(surface, CaseRule::of(surface), value)
    }

    /// Like [`Dictionary::insert`] with an explicit case rule.
    pub fn insert_with_rule(&mut self, surface: &str, rule: CaseRule, value: T) -> bool {
        let key = fold(surface);
        if key.is_empty() {
            return false;
        }
        let idx = match self.keys.get(&key) {
            Some(&i) => i,
            None => {
                self.entries.push(Vec::new());
                self.patterns.push(key.clone());
                self.keys.insert(key, self.entries.len() - 1);
                self.entries.len() - 1
            }
        };
        let entry = &mut self.entries[idx];
        if !entry.iter().any(|(r, v)| *r == rule && *v == value) {
            entry.push((rule, value));
        }
        true
    }

    /// Compile the scanner. Call once after the last insert.
    pub fn compile(&mut self) -> Result<(), aho_corasick::BuildError> {
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&self.patterns)?;
        self.ac = Some(ac);
        Ok(())
    }

    /// Number of distinct folded keys.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The values whose spelling accepts `span` (original text of the whole key).
    pub fn values_for<'a, 's>(
        &'a self,
        entry: usize,
        span: &'s str,
    ) -> impl Iterator<Item = &'a T> + use<'a, 's, T> {
        self.entries
            .get(entry)
            .into_iter()
            .flatten()
            .filter(move |(rule, _)| rule.accepts(span))
            .map(|(_, v)| v)
    }

    /// Exact look-up of a whole name.
    pub fn lookup<'a, 's>(&'a self, name: &'s str) -> impl Iterator<Item = &'a T> + use<'a, 's, T> {
        let entry = self.keys.get(&fold(name)).copied().unwrap_or(usize::MAX);
        self.values_for(entry, name.trim())
    }

    /// Scan `text` (already folded as `folded`): accepted, non-overlapping,
    /// leftmost-longest occurrences in text order.
    pub fn scan(&self, text: &str, folded: &Folded) -> Vec<Hit> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        let mut hits: Vec<Hit> = Vec::new();
        for m in ac.find_overlapping_iter(folded.text.as_str()) {
            let (start, end) = (folded.original(m.start()), folded.original(m.end()));
            let Some(span) = text.get(start..end) else {
                continue;
            };
            if start >= end || !at_word_boundaries(text, start, end) {
                continue;
            }
            let entry = m.pattern().as_usize();
            if self.values_for(entry, span).next().is_none() {
                continue;
            }
            hits.push(Hit { start, end, entry });
        }
        hits.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut chosen: Vec<Hit> = Vec::with_capacity(hits.len());
        let mut covered = 0;
        for h in hits {
            if h.start >= covered {
                covered = h.end;
                chosen.push(h);
            }
        }
        chosen
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dict(names: &[(&str, u32)]) -> Dictionary<u32> {
        let mut d = Dictionary::new();
        for &(n, v) in names {
            d.insert(n, v);
        }
        d.compile().unwrap();
        d
    }

    #[test]
    fn case_rules_filter_before_longest() {
        let d = dict(&[("AS", 1), ("ASEAN", 2), ("Amerika Serikat", 1), ("Cuba", 3)]);
        let text = "Amerika Serikat (AS) dan ASEAN, as well as cuba lagi di Cuba.";
        let f = Folded::new(text);
        let got: Vec<&str> = d
            .scan(text, &f)
            .iter()
            .map(|h| &text[h.start..h.end])
            .collect();
        assert_eq!(got, ["Amerika Serikat", "AS", "ASEAN", "Cuba"]);
    }

    #[test]
    fn lookup_applies_case_rule() {
        let d = dict(&[("AS", 1), ("Tiongkok", 2)]);
        assert_eq!(d.lookup("AS").copied().collect::<Vec<_>>(), [1]);
        assert!(d.lookup("as").next().is_none());
        assert_eq!(d.lookup("TIONGKOK").copied().collect::<Vec<_>>(), [2]);
        assert!(d.lookup("tiongkok").next().is_none());
    }
}
