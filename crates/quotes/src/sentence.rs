//! Sentences, as far as attribution needs them: quoted regions are opaque (a
//! quotation of three sentences and its "kata X" are one unit), paragraph breaks end
//! a sentence unless a quotation continues over them.
//!
//! A sentence ends after `.`, `!`, `?` or `…` (or a closing mark right after one)
//! followed by a space and a capital, a digit, an opening mark or bracket — unless the
//! word before the period is an abbreviation from the data or a single capital
//! initial ("Joko S. Widodo").

use crate::lexicon::Lexicon;
use crate::marks::{End, Region};
use crate::token::{Doc, Kind};

/// Sentence spans and, per token, its sentence.
#[derive(Debug)]
pub(crate) struct Sentences {
    /// Token ranges `[a, b)`, in order, covering every token.
    pub spans: Vec<(usize, usize)>,
    /// Sentence index of each token.
    pub of: Vec<u32>,
}

impl Sentences {
    /// The sentence of token `i` (the last one past the end).
    pub fn of(&self, i: usize) -> usize {
        self.of
            .get(i)
            .or_else(|| self.of.last())
            .map_or(0, |&s| s as usize)
    }

    /// Token range of sentence `s`.
    pub fn span(&self, s: usize) -> (usize, usize) {
        self.spans.get(s).copied().unwrap_or((0, 0))
    }
}

/// Split `doc` into sentences; `rid[i]` is 1 + the index of the region token `i` is
/// in (marks included), 0 outside quotations.
pub(crate) fn split(doc: &Doc<'_>, lex: &Lexicon, regions: &[Region], rid: &[u32]) -> Sentences {
    let n = doc.len();
    let mut closes = vec![false; n];
    for r in regions {
        if r.end == End::Closed && r.stop < n {
            closes[r.stop] = true;
        }
    }
    let mut spans = Vec::new();
    let mut of = vec![0u32; n];
    let mut start = 0;
    for i in 0..n {
        of[i] = spans.len() as u32;
        let next = i + 1;
        let boundary = if next >= n {
            true
        } else if doc.tokens[next].para != doc.tokens[i].para {
            !(rid[i] != 0 && rid[i] == rid[next])
        } else if closes[i] {
            i > 0 && terminal(doc, i - 1) && starts_sentence(doc, next)
        } else if rid[i] != 0 {
            false
        } else {
            terminal(doc, i) && starts_sentence(doc, next) && !abbreviation(doc, lex, i)
        };
        if boundary {
            spans.push((start, next));
            start = next;
        }
    }
    Sentences { spans, of }
}

/// Is token `i` a sentence-final punctuation mark?
fn terminal(doc: &Doc<'_>, i: usize) -> bool {
    doc.tokens[i].kind == Kind::Punct && matches!(doc.first_char(i), Some('.' | '!' | '?' | '…'))
}

/// Can token `i` start a sentence (after whitespace)?
fn starts_sentence(doc: &Doc<'_>, i: usize) -> bool {
    if !doc.space_before(i) {
        return false;
    }
    match doc.tokens[i].kind {
        Kind::Word => doc.tokens[i].cap || doc.first_char(i).is_some_and(|c| c.is_numeric()),
        Kind::Mark => true,
        Kind::Punct => matches!(doc.first_char(i), Some('(' | '[' | '-' | '—' | '•')),
    }
}

/// Is the period at token `i` the end of an abbreviation?
fn abbreviation(doc: &Doc<'_>, lex: &Lexicon, i: usize) -> bool {
    if !doc.is_punct(i, '.') || i == 0 || !doc.is_word(i - 1) || doc.space_before(i) {
        return false;
    }
    let w = doc.lower(i - 1);
    let raw = doc.raw(i - 1);
    lex.abbreviations.contains(w.trim_end_matches('.'))
        || (raw.chars().count() == 1 && raw.chars().all(char::is_uppercase))
}
