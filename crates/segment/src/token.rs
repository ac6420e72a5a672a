//! Tokens: what the scanner produces and later stages consume.

use std::ops::Range;

use warta_model::{CharIndex, Span};

use crate::chars;

/// What a token is. Coarse on purpose: enough for the sentence splitter, the NER
/// features and the quote stage to tell words, numbers and marks apart without
/// looking at the text again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with digits, internal hyphens or apostrophes: "negara-negara",
    /// "ke-2", "G20", "O'Neill", "menurutnya", "Rp" (a currency sign written in letters).
    Word,
    /// Digits with internal separators only: "1.500", "20,5", "10.30", "15:34",
    /// "19/3/2022", "2014-2019".
    Number,
    /// A word from the abbreviation lists, or a dotted abbreviation, with its full
    /// stop(s): "Dr.", "Jl.", "dll.", "S.H.", "U.S.".
    Abbreviation,
    /// A capital letter and a full stop standing for a name: "V." in "Sergey V. Lavrov".
    Initial,
    /// Sentence-final punctuation, a run of it counted as one token: ".", "?!", "...", "…".
    Terminal,
    /// Other punctuation: "," ";" ":" "-" "–" "—" "/" "•".
    Punct,
    /// A quotation mark, straight or curly, single or double, or a guillemet.
    Quote,
    /// "(" "[" "{".
    OpenBracket,
    /// ")" "]" "}".
    CloseBracket,
    /// Symbols: "%", "$", "US$", "+", "©", "°".
    Symbol,
    /// A web address: "https://…", "www.…", "kompas.com/…".
    Url,
    /// An e-mail address.
    Email,
    /// A social-media handle: "@jokowi".
    Handle,
    /// A hashtag: "#PemiluDamai".
    Hashtag,
    /// An emoji, with its modifiers and joiners.
    Emoji,
    /// Anything else (control characters, unassigned code points).
    Other,
}

impl TokenKind {
    /// True for the kinds made of letters: words, abbreviations, initials.
    pub fn is_wordlike(self) -> bool {
        matches!(
            self,
            TokenKind::Word | TokenKind::Abbreviation | TokenKind::Initial
        )
    }

    /// True for punctuation of any sort (terminal, other, quotes, brackets).
    pub fn is_punctuation(self) -> bool {
        matches!(
            self,
            TokenKind::Terminal
                | TokenKind::Punct
                | TokenKind::Quote
                | TokenKind::OpenBracket
                | TokenKind::CloseBracket
        )
    }
}

/// Small facts about a token, computed once so features do not re-read the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Flags(u8);

impl Flags {
    const CAPITALISED: u8 = 1;
    const ALL_CAPS: u8 = 1 << 1;
    const HAS_DIGIT: u8 = 1 << 2;
    const SENTENCE_INITIAL: u8 = 1 << 3;
    const HYPHENATED: u8 = 1 << 4;
    const GLUED: u8 = 1 << 5;
    const LINE_START: u8 = 1 << 6;

    fn get(self, bit: u8) -> bool {
        self.0 & bit != 0
    }

    fn with(self, bit: u8, on: bool) -> Flags {
        if on {
            Flags(self.0 | bit)
        } else {
            Flags(self.0 & !bit)
        }
    }

    /// The first letter is upper case ("Jakarta", "DPR", "#Jokowi", "@Kompas").
    pub fn capitalised(self) -> bool {
        self.get(Self::CAPITALISED)
    }

    /// At least two letters and none of them lower case ("DPR", "PDI-P", "WIB").
    pub fn all_caps(self) -> bool {
        self.get(Self::ALL_CAPS)
    }

    /// Contains a digit ("G20", "ke-2", "1.500").
    pub fn has_digit(self) -> bool {
        self.get(Self::HAS_DIGIT)
    }

    /// The first word or number of its sentence (after any opening quotes, brackets
    /// or dashes): its capital letter says nothing about it being a name.
    pub fn sentence_initial(self) -> bool {
        self.get(Self::SENTENCE_INITIAL)
    }

    /// Contains a word-internal hyphen ("negara-negara", "Rusia-China", "ke-2").
    pub fn hyphenated(self) -> bool {
        self.get(Self::HYPHENATED)
    }

    /// No whitespace between this token and the previous one ("kata" `"` glued in
    /// `kata"`, the "%" of "20%"). Never set on the first token.
    pub fn glued(self) -> bool {
        self.get(Self::GLUED)
    }

    /// The first token of the text or of a line.
    pub fn line_start(self) -> bool {
        self.get(Self::LINE_START)
    }

    pub(crate) fn set_capitalised(self, on: bool) -> Flags {
        self.with(Self::CAPITALISED, on)
    }
    pub(crate) fn set_all_caps(self, on: bool) -> Flags {
        self.with(Self::ALL_CAPS, on)
    }
    pub(crate) fn set_has_digit(self, on: bool) -> Flags {
        self.with(Self::HAS_DIGIT, on)
    }
    pub(crate) fn set_sentence_initial(self, on: bool) -> Flags {
        self.with(Self::SENTENCE_INITIAL, on)
    }
    pub(crate) fn set_hyphenated(self, on: bool) -> Flags {
        self.with(Self::HYPHENATED, on)
    }
    pub(crate) fn set_glued(self, on: bool) -> Flags {
        self.with(Self::GLUED, on)
    }
    pub(crate) fn set_line_start(self, on: bool) -> Flags {
        self.with(Self::LINE_START, on)
    }
}

/// One token: a byte range of the segmented text, its kind and flags.
///
/// Offsets are **bytes** (cheap slicing in Rust); convert with [`Token::span`] and a
/// [`CharIndex`] of the same text when writing char offsets into an `Article`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What the token is.
    pub kind: TokenKind,
    /// Shape facts.
    pub flags: Flags,
    /// Line breaks in the whitespace before the token (0, 1, or 2 for a paragraph
    /// break or more); the first token of the text counts as after a paragraph break.
    pub breaks_before: u8,
}

impl Token {
    /// The token's text, or `""` when `text` is not the text it was made from.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// The byte range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The char span, for offsets into an article's text.
    pub fn span(&self, index: &CharIndex) -> Span {
        index.span_of(self.range())
    }

    /// True when a paragraph break (a blank line) precedes the token.
    pub fn starts_paragraph(&self) -> bool {
        self.breaks_before >= 2
    }

    /// The parts of a hyphenated token, as byte ranges into the text: "Rusia-China"
    /// gives "Rusia" and "China". A token without hyphens gives itself.
    ///
    /// The tokeniser keeps hyphenated words whole (reduplication "negara-negara",
    /// ordinals "ke-2", names "Jokowi-JK", "COVID-19"); a stage that wants the parts
    /// of a compound of names splits here.
    pub fn hyphen_parts<'t>(&self, text: &'t str) -> impl Iterator<Item = Range<usize>> + 't {
        let base = self.start;
        let word = self.text(text);
        let mut from = 0usize;
        let mut done = false;
        let mut iter = word.char_indices().filter(|(_, c)| chars::is_hyphen(*c));
        std::iter::from_fn(move || {
            if done {
                return None;
            }
            match iter.next() {
                Some((at, c)) => {
                    let part = base + from..base + at;
                    from = at + c.len_utf8();
                    Some(part)
                }
                None => {
                    done = true;
                    Some(base + from..base + word.len())
                }
            }
        })
    }
}

/// True when a hyphenated word is a reduplication: "negara-negara", "anak-anaknya",
/// "bertahun-tahun", "sehari-hari" (one part repeats the other, ignoring case and
/// affixes), as opposed to a compound such as "Rusia-China".
pub fn is_reduplication(word: &str) -> bool {
    let mut parts = word.split(chars::is_hyphen);
    let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let a = a.to_lowercase();
    let b = b.to_lowercase();
    a == b || (b.len() >= 3 && a.ends_with(&b)) || (a.len() >= 3 && b.starts_with(&a))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphen_parts_split_compounds() {
        let text = "x Rusia-China y";
        let t = Token {
            start: 2,
            end: 13,
            kind: TokenKind::Word,
            flags: Flags::default(),
            breaks_before: 0,
        };
        let parts: Vec<&str> = t.hyphen_parts(text).map(|r| &text[r]).collect();
        assert_eq!(parts, ["Rusia", "China"]);
        let t = Token {
            start: 0,
            end: 1,
            ..t
        };
        assert_eq!(t.hyphen_parts(text).count(), 1);
    }

    #[test]
    fn reduplication() {
        assert!(is_reduplication("negara-negara"));
        assert!(is_reduplication("Anak-anaknya"));
        assert!(is_reduplication("bertahun-tahun"));
        assert!(!is_reduplication("Rusia-China"));
        assert!(!is_reduplication("ke-2"));
        assert!(!is_reduplication("-"));
    }
}
