//! Words, punctuation and quotation marks with byte offsets: the one pass over the
//! text that every other module reads.
//!
//! A word is a run of letters and digits, with `-`, `'`, `’` and `.` kept inside it
//! when a letter or digit follows ("negara-negara", "Jum’at", "19.3", "U.S"); a dotted
//! abbreviation keeps its final dot ("U.S."). Every other non-space char is a token of
//! its own: a quotation mark (see [`is_mark`]) or punctuation. Only text inside
//! paragraphs is tokenised, and each token knows its paragraph.

use std::ops::Range;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters and digits.
    Word,
    /// Any other single char except quotation marks.
    Punct,
    /// A quotation mark (or an apostrophe not inside a word).
    Mark,
}

/// One token.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// What it is.
    pub kind: Kind,
    /// Paragraph index.
    pub para: u32,
    /// Lower-cased form: a range of [`Doc::lower`]'s buffer.
    lo: u32,
    hi: u32,
    /// First char is upper-case.
    pub cap: bool,
}

/// A tokenised text.
#[derive(Debug)]
pub(crate) struct Doc<'t> {
    /// The text.
    pub text: &'t str,
    /// Its tokens, in order.
    pub tokens: Vec<Token>,
    /// Lower-cased token forms, concatenated.
    lower: String,
}

/// Is `c` a quotation mark of any kind?
pub(crate) fn is_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '«' | '»' | '‘' | '’' | '\'' | '‹' | '›' | '＂'
    )
}

/// The char starting at byte `i` of `s` (an ASCII byte without decoding).
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => s.get(i..)?.chars().next(),
        None => None,
    }
}

/// Chars kept inside a word when a letter or digit follows.
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | 'ʼ' | '.' | '‐' | '‑')
}

impl<'t> Doc<'t> {
    /// Tokenise the paragraphs (byte ranges, in order, not overlapping) of `text`.
    pub fn new(text: &'t str, paras: &[Range<usize>]) -> Doc<'t> {
        let mut doc = Doc {
            text,
            tokens: Vec::with_capacity(text.len() / 5 + 1),
            lower: String::with_capacity(text.len() + 16),
        };
        for (p, r) in paras.iter().enumerate() {
            if let Some(s) = text.get(r.clone()) {
                doc.tokenise(s, r.start, p as u32);
            }
        }
        doc
    }

    fn tokenise(&mut self, s: &str, base: usize, para: u32) {
        let bytes = s.as_bytes();
        let n = bytes.len();
        let mut i = 0;
        while i < n {
            // ASCII whitespace and punctuation without decoding (most of any text).
            let b = bytes[i];
            if b.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            let Some(c) = char_at(s, i) else { break };
            let clen = c.len_utf8();
            if !b.is_ascii() && c.is_whitespace() {
                i += clen;
                continue;
            }
            let start = i;
            let mut end = i + clen;
            let kind = if c.is_alphanumeric() {
                while end < n {
                    let d = bytes[end];
                    if d.is_ascii_alphanumeric() {
                        end += 1;
                        continue;
                    }
                    if d.is_ascii() && !matches!(d, b'-' | b'\'' | b'.') {
                        break;
                    }
                    let Some(ch) = char_at(s, end) else { break };
                    let dlen = ch.len_utf8();
                    let joins = ch.is_alphanumeric()
                        || (is_joiner(ch)
                            && char_at(s, end + dlen).is_some_and(char::is_alphanumeric));
                    if !joins {
                        break;
                    }
                    end += dlen;
                }
                // "U.S." keeps its final dot: a dotted run of short letter groups; so does
                // an initial before a name ("S. Jaishankar").
                if bytes.get(end) == Some(&b'.') {
                    let word = &s[start..end];
                    let initial = end - start == clen
                        && c.is_uppercase()
                        && bytes.get(end + 1) == Some(&b' ')
                        && char_at(s, end + 2).is_some_and(char::is_uppercase);
                    let dotted = word.contains('.')
                        && word.split('.').all(|g| {
                            !g.is_empty()
                                && g.chars().count() <= 2
                                && g.chars().all(char::is_alphabetic)
                        });
                    if initial || dotted {
                        end += 1;
                    }
                }
                Kind::Word
            } else if is_mark(c) {
                Kind::Mark
            } else {
                Kind::Punct
            };
            let lo = self.lower.len() as u32;
            let raw = &s[start..end];
            if kind == Kind::Word {
                if raw.is_ascii() {
                    self.lower
                        .extend(raw.bytes().map(|b| char::from(b.to_ascii_lowercase())));
                } else {
                    for ch in raw.chars() {
                        match ch {
                            '’' | 'ʼ' => self.lower.push('\''),
                            _ => self.lower.extend(ch.to_lowercase()),
                        }
                    }
                }
            } else {
                self.lower.push_str(raw);
            }
            self.tokens.push(Token {
                start: base + start,
                end: base + end,
                kind,
                para,
                lo,
                hi: self.lower.len() as u32,
                cap: c.is_uppercase(),
            });
            i = end;
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Lower-cased form of token `i` ("" past the end).
    pub fn lower(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .and_then(|t| self.lower.get(t.lo as usize..t.hi as usize))
            .unwrap_or("")
    }

    /// Token `i` as printed ("" past the end).
    pub fn raw(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    /// Token `i` as printed without an English possessive ("Russia's" → "Russia").
    pub fn base(&self, i: usize) -> &str {
        let raw = self.raw(i);
        raw.strip_suffix("'s")
            .or_else(|| raw.strip_suffix("’s"))
            .unwrap_or(raw)
    }

    /// Is token `i` a word?
    pub fn is_word(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    /// Is token `i` a quotation mark?
    pub fn is_mark(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == Kind::Mark)
    }

    /// Is token `i` the punctuation char `c`?
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == Kind::Punct && self.text[t.start..].starts_with(c))
    }

    /// First char of token `i`.
    pub fn first_char(&self, i: usize) -> Option<char> {
        self.tokens
            .get(i)
            .and_then(|t| self.text.get(t.start..)?.chars().next())
    }

    /// Are tokens `i` and `j` in the same paragraph?
    pub fn same_para(&self, i: usize, j: usize) -> bool {
        match (self.tokens.get(i), self.tokens.get(j)) {
            (Some(a), Some(b)) => a.para == b.para,
            _ => false,
        }
    }

    /// Is there whitespace right before token `i`?
    pub fn space_before(&self, i: usize) -> bool {
        match self.tokens.get(i) {
            Some(t) => self.text[..t.start]
                .chars()
                .next_back()
                .is_none_or(char::is_whitespace),
            None => true,
        }
    }

    /// Byte range covered by tokens `a..b` (empty when `a >= b`).
    pub fn bytes(&self, a: usize, b: usize) -> Range<usize> {
        match (
            self.tokens.get(a),
            b.checked_sub(1).and_then(|l| self.tokens.get(l)),
        ) {
            (Some(x), Some(y)) if a < b => x.start..y.end,
            _ => 0..0,
        }
    }

    /// Number of word tokens in `a..b`.
    pub fn words_in(&self, a: usize, b: usize) -> usize {
        (a..b.min(self.len())).filter(|&i| self.is_word(i)).count()
    }

    /// Number of word tokens in `a..b`, counting no further than `cap` (bounded work
    /// on a runaway sentence).
    pub fn words_upto(&self, a: usize, b: usize, cap: usize) -> usize {
        let mut n = 0;
        for i in a..b.min(self.len()) {
            if n >= cap {
                break;
            }
            if self.is_word(i) {
                n += 1;
            }
        }
        n
    }

    /// Index of the first token starting at or after byte `pos`.
    pub fn token_at_byte(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.start < pos)
    }
}

/// Paragraphs of a plain text: runs of lines separated by blank lines, as byte ranges
/// with surrounding whitespace trimmed.
pub(crate) fn split_paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_end = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if let Some(s) = start.take() {
                out.push(s..last_end);
            }
        } else {
            let lead = line.len() - line.trim_start().len();
            if start.is_none() {
                start = Some(pos + lead);
            }
            last_end = pos + line.trim_end().len();
        }
        pos += line.len();
    }
    if let Some(s) = start {
        out.push(s..last_end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let doc = Doc::new(text, &split_paragraphs(text));
        (0..doc.len()).map(|i| doc.raw(i).to_string()).collect()
    }

    #[test]
    fn joiners_stay_inside_words() {
        assert_eq!(
            words("negara-negara Jum’at (19/3) U.S. officials’ “kata”"),
            [
                "negara-negara",
                "Jum’at",
                "(",
                "19",
                "/",
                "3",
                ")",
                "U.S.",
                "officials",
                "’",
                "“",
                "kata",
                "”"
            ]
        );
    }

    #[test]
    fn lower_forms_fold_apostrophes() {
        let t = "JUM’AT";
        let doc = Doc::new(t, &split_paragraphs(t));
        assert_eq!(doc.lower(0), "jum'at");
    }

    #[test]
    fn paragraphs_are_blank_line_separated() {
        let t = "  satu\ndua \n\n \n tiga\n";
        let ps = split_paragraphs(t);
        let got: Vec<&str> = ps.iter().map(|r| &t[r.clone()]).collect();
        assert_eq!(got, ["satu\ndua", "tiga"]);
    }
}
