//! Character spans into an article's clean text.

use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` of **Unicode scalar values** (chars) into
/// [`crate::Article::text`].
///
/// Chars, not bytes, because the JSON output is read by Python, JavaScript and
/// spreadsheet users for whom byte offsets into UTF-8 are meaningless. Use
/// [`CharIndex`] to convert to byte ranges when slicing in Rust.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First char of the span.
    pub start: usize,
    /// One past the last char of the span.
    pub end: usize,
}

impl Span {
    /// A span from char offsets; `start > end` is swapped into order rather than panicking.
    pub fn new(start: usize, end: usize) -> Self {
        if start <= end {
            Span { start, end }
        } else {
            Span {
                start: end,
                end: start,
            }
        }
    }

    /// Number of chars covered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no chars.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers, or `None` when it does not fit `text`.
    ///
    /// This walks the string; for many lookups on one text build a [`CharIndex`].
    pub fn slice<'a>(&self, text: &'a str) -> Option<&'a str> {
        CharIndex::new(text).slice(text, *self)
    }
}

/// Maps char offsets to byte offsets (and back) for one text.
///
/// Built once per text in O(n); lookups are O(1) for char→byte and O(log n) for
/// byte→char. ASCII-only texts need no table at all.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offset of every char boundary, plus the text length at the end;
    /// empty when the text is ASCII (then chars and bytes coincide).
    boundaries: Vec<usize>,
    len_bytes: usize,
}

impl CharIndex {
    /// Index the char boundaries of `text`.
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return CharIndex {
                boundaries: Vec::new(),
                len_bytes: text.len(),
            };
        }
        let mut boundaries: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        boundaries.push(text.len());
        CharIndex {
            boundaries,
            len_bytes: text.len(),
        }
    }

    /// Number of chars in the indexed text.
    pub fn char_len(&self) -> usize {
        if self.boundaries.is_empty() {
            self.len_bytes
        } else {
            self.boundaries.len() - 1
        }
    }

    /// Byte offset of char offset `char_pos`, or `None` past the end.
    pub fn byte_of(&self, char_pos: usize) -> Option<usize> {
        if self.boundaries.is_empty() {
            (char_pos <= self.len_bytes).then_some(char_pos)
        } else {
            self.boundaries.get(char_pos).copied()
        }
    }

    /// Char offset of byte offset `byte_pos`; a byte inside a char maps to that char's start.
    pub fn char_of(&self, byte_pos: usize) -> usize {
        if self.boundaries.is_empty() {
            return byte_pos.min(self.len_bytes);
        }
        match self.boundaries.binary_search(&byte_pos) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Byte range of a char span, or `None` when the span does not fit.
    pub fn byte_range(&self, span: Span) -> Option<std::ops::Range<usize>> {
        Some(self.byte_of(span.start)?..self.byte_of(span.end)?)
    }

    /// Char span of a byte range (the range must lie on char boundaries to round-trip).
    pub fn span_of(&self, bytes: std::ops::Range<usize>) -> Span {
        Span::new(self.char_of(bytes.start), self.char_of(bytes.end))
    }

    /// The text a char span covers, or `None` when it does not fit.
    pub fn slice<'a>(&self, text: &'a str, span: Span) -> Option<&'a str> {
        text.get(self.byte_range(span)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ascii_and_multibyte_agree() {
        let text = "Rusia – China “mesra”";
        let idx = CharIndex::new(text);
        assert_eq!(idx.char_len(), text.chars().count());
        assert_eq!(idx.slice(text, Span::new(6, 7)), Some("–"));
        assert_eq!(idx.slice(text, Span::new(14, 21)), Some("“mesra”"));
        assert_eq!(idx.slice(text, Span::new(14, 99)), None);
    }

    proptest! {
        #[test]
        fn byte_char_roundtrip(text in "\\PC{0,60}", a in 0usize..80, b in 0usize..80) {
            let idx = CharIndex::new(&text);
            let n = text.chars().count();
            let span = Span::new(a.min(n), b.min(n));
            let range = idx.byte_range(span).unwrap();
            prop_assert_eq!(idx.span_of(range.clone()), span);
            let expected: String = text.chars().skip(span.start).take(span.len()).collect();
            prop_assert_eq!(&text[range], expected.as_str());
        }
    }
}
