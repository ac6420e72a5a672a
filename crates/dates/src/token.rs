//! A lazy, allocation-free tokenizer over one text.
//!
//! Dates are recognised on tokens rather than characters so that word boundaries come
//! for free: "Meiji" is one word and never the month "Mei", "Juni" never contains "Jun".
//! A [`Cursor`] is `Copy`, so a parser can try an alternative on a copy and throw it
//! away: that is all the backtracking the date grammar needs.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of letters, with apostrophes inside ("Jum'at", "Jum’at").
    Word,
    /// A run of ASCII digits.
    Num,
    /// Any other single non-space character.
    Punct(char),
    /// A line break: no mention spans one.
    Break,
}

/// One token: its kind and byte range, and whether whitespace came before it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    /// Kind of token.
    pub kind: Kind,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// True when whitespace separates this token from the previous one.
    pub spaced: bool,
}

impl Token {
    /// Length in bytes (digits for a number).
    pub fn len(&self) -> usize {
        self.end - self.start
    }
}

/// A position in a text from which tokens are read.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cursor<'t> {
    /// The whole text.
    pub text: &'t str,
    /// Byte offset of the next unread byte (always a char boundary).
    pub pos: usize,
}

/// Apostrophe-like characters accepted inside words; all compare as `'`.
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

impl<'t> Cursor<'t> {
    /// A cursor at the start of `text`.
    pub fn new(text: &'t str) -> Self {
        Cursor { text, pos: 0 }
    }

    /// The char starting at byte `at`, if any.
    fn char_at(&self, at: usize) -> Option<char> {
        let b = *self.text.as_bytes().get(at)?;
        if b < 0x80 {
            Some(b as char)
        } else {
            self.text.get(at..)?.chars().next()
        }
    }

    /// Read the next token, advancing the cursor past it.
    pub fn next(&mut self) -> Option<Token> {
        let mut p = self.pos;
        let mut spaced = false;
        let first = loop {
            let c = self.char_at(p)?;
            if c != '\n' && c.is_whitespace() {
                p += c.len_utf8();
                spaced = true;
            } else {
                break c;
            }
        };
        let start = p;
        let kind = if first == '\n' {
            p += 1;
            Kind::Break
        } else if first.is_ascii_digit() {
            let bytes = self.text.as_bytes();
            while bytes.get(p).is_some_and(u8::is_ascii_digit) {
                p += 1;
            }
            Kind::Num
        } else if first.is_alphabetic() {
            p += first.len_utf8();
            while let Some(c) = self.char_at(p) {
                let inside = c.is_alphabetic()
                    || (is_apostrophe(c)
                        && self
                            .char_at(p + c.len_utf8())
                            .is_some_and(char::is_alphabetic));
                if !inside {
                    break;
                }
                p += c.len_utf8();
            }
            Kind::Word
        } else {
            p += first.len_utf8();
            Kind::Punct(first)
        };
        self.pos = p;
        Some(Token {
            kind,
            start,
            end: p,
            spaced,
        })
    }

    /// The next token without advancing.
    pub fn peek(&self) -> Option<Token> {
        let mut c = *self;
        c.next()
    }

    /// The text of a token.
    pub fn slice(&self, t: Token) -> &'t str {
        self.text.get(t.start..t.end).unwrap_or("")
    }

    /// The char at byte `at` and the one after it, if any.
    pub fn chars_from(&self, at: usize) -> (Option<char>, Option<char>) {
        let mut it = self.text.get(at..).unwrap_or("").chars();
        (it.next(), it.next())
    }
}

/// Scratch space that turns a token into a lexicon key (lower case, `'` for any
/// apostrophe) without allocating for ASCII words.
#[derive(Debug)]
pub(crate) struct KeyBuf {
    buf: [u8; KEY_MAX],
    len: usize,
    heap: String,
}

impl Default for KeyBuf {
    fn default() -> Self {
        KeyBuf {
            buf: [0; KEY_MAX],
            len: 0,
            heap: String::new(),
        }
    }
}

/// Longest key the stack buffer holds; longer words cannot be lexicon words.
const KEY_MAX: usize = 40;

impl KeyBuf {
    /// The lexicon key of `token`, or `None` when no lexicon word can have it.
    /// `non_ascii` says whether the lexicon has keys outside ASCII (only then are
    /// such words lower-cased on the heap).
    pub fn key<'k>(&'k mut self, text: &str, token: Token, non_ascii: bool) -> Option<&'k str> {
        let s = text.get(token.start..token.end)?;
        if let Kind::Punct(_) | Kind::Num = token.kind {
            return Some(self.copy(s));
        }
        if s.len() > KEY_MAX * 2 {
            return None;
        }
        let mut ascii = true;
        self.len = 0;
        for c in s.chars() {
            let c = if is_apostrophe(c) { '\'' } else { c };
            match self.buf.get_mut(self.len) {
                Some(slot) if c.is_ascii() => {
                    *slot = c.to_ascii_lowercase() as u8;
                    self.len += 1;
                }
                _ => {
                    ascii = false;
                    break;
                }
            }
        }
        if ascii {
            return std::str::from_utf8(self.buf.get(..self.len)?).ok();
        }
        if !non_ascii {
            return None;
        }
        self.heap.clear();
        self.heap.extend(
            s.chars()
                .map(|c| if is_apostrophe(c) { '\'' } else { c })
                .flat_map(char::to_lowercase),
        );
        Some(&self.heap)
    }

    fn copy(&mut self, s: &str) -> &str {
        if s.len() <= KEY_MAX {
            self.len = s.len();
            if let Some(dst) = self.buf.get_mut(..s.len()) {
                dst.copy_from_slice(s.as_bytes());
            }
            std::str::from_utf8(self.buf.get(..self.len).unwrap_or_default()).unwrap_or("")
        } else {
            self.heap.clear();
            self.heap.push_str(s);
            &self.heap
        }
    }
}

/// The key form of a phrase token read from a data file.
pub(crate) fn normalise(s: &str) -> String {
    s.chars()
        .map(|c| if is_apostrophe(c) { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether token text `word` equals the normalised key `key`.
pub(crate) fn token_eq(word: &str, key: &str) -> bool {
    if word.is_ascii() && key.is_ascii() && !word.contains('\'') {
        return word.eq_ignore_ascii_case(key);
    }
    let mut a = word
        .chars()
        .map(|c| if is_apostrophe(c) { '\'' } else { c })
        .flat_map(char::to_lowercase);
    let mut b = key.chars();
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x == y => {}
            _ => return false,
        }
    }
}

/// Split a phrase from a data file into normalised token keys.
pub(crate) fn phrase_keys(phrase: &str) -> Vec<String> {
    let mut c = Cursor::new(phrase);
    let mut out = Vec::new();
    while let Some(t) = c.next() {
        if t.kind != Kind::Break {
            out.push(normalise(c.slice(t)));
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(Kind, &str)> {
        let mut c = Cursor::new(text);
        let mut v = Vec::new();
        while let Some(t) = c.next() {
            v.push((t.kind, c.slice(t)));
        }
        v
    }

    #[test]
    fn words_numbers_punct() {
        assert_eq!(
            kinds("Jum’at (19/3) G20"),
            vec![
                (Kind::Word, "Jum’at"),
                (Kind::Punct('('), "("),
                (Kind::Num, "19"),
                (Kind::Punct('/'), "/"),
                (Kind::Num, "3"),
                (Kind::Punct(')'), ")"),
                (Kind::Word, "G"),
                (Kind::Num, "20"),
            ]
        );
    }

    #[test]
    fn keys_are_lowercase() {
        let mut kb = KeyBuf::default();
        let text = "JUM’AT";
        let mut c = Cursor::new(text);
        let t = c.next().unwrap();
        assert_eq!(kb.key(text, t, false), Some("jum'at"));
        assert!(token_eq("Jum’At", "jum'at"));
        assert_eq!(
            phrase_keys("s.d. Pada  hari"),
            ["s", ".", "d", ".", "pada", "hari"]
        );
    }
}
