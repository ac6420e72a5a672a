//! Word phrases ("menteri luar negeri", "according to", "Amerika Serikat") matched on
//! consecutive word tokens, longest first.
//!
//! Why tokens and not regexes: the finder asks "is there a role starting here?" at
//! thousands of positions per article; a hash lookup on the first word answers that
//! in constant time, where a regex would rescan text.

use crate::fx::FxMap;

use crate::token::Doc;

/// Entries keyed by their first word: (remaining words, value), longest first.
type Entries<V> = FxMap<String, Vec<(Vec<String>, V)>>;

/// A set of phrases with a value each.
#[derive(Debug)]
pub(crate) struct PhraseSet<V> {
    /// Case-insensitive phrases, lower-cased.
    folded: Entries<V>,
    /// Case-sensitive phrases, as written.
    exact: Entries<V>,
    /// Longest phrase, in words.
    max_len: usize,
}

impl<V> Default for PhraseSet<V> {
    fn default() -> Self {
        PhraseSet {
            folded: FxMap::default(),
            exact: FxMap::default(),
            max_len: 0,
        }
    }
}

impl<V: Copy> PhraseSet<V> {
    /// Add a phrase matched case-insensitively.
    pub fn insert(&mut self, phrase: &str, value: V) {
        let words: Vec<String> = phrase
            .split_whitespace()
            .map(|w| w.to_lowercase().replace(['’', 'ʼ'], "'"))
            .collect();
        Self::add(&mut self.folded, &mut self.max_len, words, value);
    }

    /// Add a phrase matched case-sensitively ("AS" but not "as").
    pub fn insert_exact(&mut self, phrase: &str, value: V) {
        let words: Vec<String> = phrase.split_whitespace().map(str::to_string).collect();
        Self::add(&mut self.exact, &mut self.max_len, words, value);
    }

    fn add(map: &mut Entries<V>, max_len: &mut usize, mut words: Vec<String>, value: V) {
        if words.is_empty() {
            return;
        }
        let first = words.remove(0);
        *max_len = (*max_len).max(words.len() + 1);
        let list = map.entry(first).or_default();
        if list.iter().any(|(rest, _)| *rest == words) {
            return;
        }
        list.push((words, value));
        list.sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
    }

    /// The lower-cased first word of every phrase.
    pub fn first_words(&self) -> Vec<String> {
        self.folded
            .keys()
            .cloned()
            .chain(self.exact.keys().map(|k| k.to_lowercase()))
            .collect()
    }

    /// The lower-cased last word of every phrase.
    pub fn last_words(&self) -> Vec<String> {
        let last = |(first, list): (&String, &Vec<(Vec<String>, V)>)| {
            list.iter()
                .map(|(rest, _)| rest.last().unwrap_or(first).to_lowercase())
                .collect::<Vec<_>>()
        };
        self.folded
            .iter()
            .flat_map(last)
            .chain(self.exact.iter().flat_map(last))
            .collect()
    }

    /// The value of the one-word phrase `word` (lower-case), if any.
    pub fn single(&self, word: &str) -> Option<V> {
        self.folded
            .get(word)?
            .iter()
            .find(|(rest, _)| rest.is_empty())
            .map(|(_, v)| *v)
    }

    /// True when the set holds the one-word phrase `word` (lower-case).
    pub fn has_single(&self, word: &str) -> bool {
        self.folded
            .get(word)
            .is_some_and(|l| l.iter().any(|(rest, _)| rest.is_empty()))
    }

    /// The longest phrase starting at token `i`: its length in tokens and its value.
    pub fn at(&self, doc: &Doc<'_>, i: usize) -> Option<(usize, V)> {
        if !doc.is_word(i) {
            return None;
        }
        let folded = self
            .folded
            .get(doc.lower(i))
            .and_then(|l| Self::longest(l, doc, i, false));
        let exact = self
            .exact
            .get(doc.base(i))
            .and_then(|l| Self::longest(l, doc, i, true));
        match (folded, exact) {
            (Some(a), Some(b)) => Some(if b.0 >= a.0 { b } else { a }),
            (a, b) => a.or(b),
        }
    }

    /// The longest phrase that ends at token `i` (inclusive): its length and value.
    pub fn ending_at(&self, doc: &Doc<'_>, i: usize) -> Option<(usize, V)> {
        (1..=self.max_len.min(i + 1))
            .rev()
            .find_map(|k| self.at(doc, i + 1 - k).filter(|(n, _)| *n == k))
    }

    fn longest(
        list: &[(Vec<String>, V)],
        doc: &Doc<'_>,
        i: usize,
        exact: bool,
    ) -> Option<(usize, V)> {
        let word = |j: usize| if exact { doc.base(j) } else { doc.lower(j) };
        list.iter().find_map(|(rest, v)| {
            let ok = rest.iter().enumerate().all(|(k, w)| {
                let j = i + 1 + k;
                doc.is_word(j) && doc.same_para(i, j) && word(j) == w
            });
            ok.then_some((rest.len() + 1, *v))
        })
    }
}
