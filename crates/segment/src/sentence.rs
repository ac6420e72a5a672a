//! Sentence splitting over the token stream.
//!
//! A sentence may end at terminal punctuation (". ! ? …" and runs of them) or at an
//! abbreviation or initial that carries the final full stop. Closing quotes and
//! brackets right after it belong to the sentence it ends (`kata Lavrov.”`). Then
//! the next token decides:
//!
//! * after terminal punctuation, a lower-case word (`"Apa?" tanya dia`, `Rp. 5`),
//!   a comma, semicolon or colon (`…,” ujarnya`), or more terminal punctuation
//!   continues the sentence; anything else (a capitalised word, a number, an opening
//!   quote or bracket) starts a new one. A number and its full stop at the start of
//!   a sentence or line are a list item ("1. Pertama"), not a sentence;
//! * after a `final` abbreviation ("dll.", "Tbk."), only a capitalised word or an
//!   opening quote starts a new sentence; after an `ambiguous` one ("U.S.") or an
//!   initial ("J."), only a listed sentence starter ("Ia", "The"); after a `prefix`
//!   one ("Dr.", "Jl.", "Rp.") never;
//! * inside brackets that close within the paragraph ("(Ini contoh. Lalu …)"),
//!   never; a bracket left open is ignored, so one stray "(" cannot swallow a
//!   paragraph;
//! * a paragraph break (a blank line) always ends a sentence; a single line break is
//!   whitespace.
//!
//! Quotes do not suspend splitting: a quotation of several sentences is several
//! sentences, and the quote stage puts them together.

use std::ops::Range;

use warta_model::{CharIndex, Span};

use crate::abbrev::{AbbrevClass, Lexicon};
use crate::chars;
use crate::scan::quote_closes;
use crate::token::{Token, TokenKind};

/// One sentence: byte range, token range, paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Sentence {
    /// First byte (the start of its first token).
    pub start: usize,
    /// One past the last byte (the end of its last token).
    pub end: usize,
    /// Index range into [`crate::Segmented::tokens`].
    pub tokens: Range<usize>,
    /// Index of the paragraph (blank-line separated block) it belongs to, from 0.
    pub paragraph: usize,
}

impl Sentence {
    /// The byte range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The sentence's text, or `""` when `text` is not the text it was made from.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// The char span, for offsets into an article's text.
    pub fn span(&self, index: &CharIndex) -> Span {
        index.span_of(self.range())
    }
}

/// How a candidate end behaves.
#[derive(Clone, Copy, PartialEq, Eq)]
enum End {
    Terminal,
    Final,
    Ambiguous,
}

fn first_char(text: &str, tok: &Token) -> Option<char> {
    text.get(tok.start..)?.chars().next()
}

/// A word starting in lower case: "yang", "ujarnya"; not "iPhone" or "eKTP".
fn starts_lower(text: &str, tok: &Token) -> bool {
    let mut cs = tok.text(text).chars();
    let Some(first) = cs.next() else { return false };
    first.is_lowercase() && !cs.take(2).any(char::is_uppercase)
}

/// Brackets matched within each paragraph: +1 on an opener whose closer comes
/// later in the same paragraph, -1 on that closer, 0 elsewhere.
fn bracket_depths(text: &str, tokens: &[Token]) -> Vec<i8> {
    let mut delta = vec![0i8; tokens.len()];
    let mut stack: Vec<(usize, char)> = Vec::new();
    for (i, tok) in tokens.iter().enumerate() {
        if tok.starts_paragraph() {
            stack.clear();
        }
        match tok.kind {
            TokenKind::OpenBracket => {
                if let Some(close) = first_char(text, tok).and_then(chars::closing_of) {
                    stack.push((i, close));
                }
            }
            TokenKind::CloseBracket => {
                let c = first_char(text, tok);
                if let Some(&(open, want)) = stack.last()
                    && Some(want) == c
                {
                    stack.pop();
                    if let Some(d) = delta.get_mut(open) {
                        *d = 1;
                    }
                    if let Some(d) = delta.get_mut(i) {
                        *d = -1;
                    }
                }
            }
            _ => {}
        }
    }
    delta
}

/// Splits `tokens` of `text` into sentences and marks sentence-initial tokens.
pub(crate) fn split(text: &str, tokens: &mut [Token], lex: &Lexicon) -> Vec<Sentence> {
    let n = tokens.len();
    let delta = bracket_depths(text, tokens);
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut paragraph = 0usize;
    let mut depth = 0i32;
    let mut content = false;
    let mut i = 0usize;
    while i < n {
        let Some(&tok) = tokens.get(i) else { break };
        if i > start && tok.starts_paragraph() {
            push(&mut out, tokens, start, i, paragraph);
            start = i;
            depth = 0;
            content = false;
        }
        if i > 0 && tok.starts_paragraph() {
            paragraph += 1;
        }
        depth += i32::from(delta.get(i).copied().unwrap_or(0));
        content |= !tok.kind.is_punctuation();
        let Some(end) = end_kind(text, &tok, lex) else {
            i += 1;
            continue;
        };
        // Closing quotes and brackets go with the sentence they end.
        let mut j = i + 1;
        let mut d = depth;
        while let Some(t) = tokens.get(j) {
            let closes = match t.kind {
                TokenKind::CloseBracket => true,
                TokenKind::Quote => quote_closes(text, t, tokens.get(j + 1)),
                _ => false,
            };
            if !closes || t.starts_paragraph() {
                break;
            }
            d += i32::from(delta.get(j).copied().unwrap_or(0));
            j += 1;
        }
        if d <= 0 && content && ends_here(text, tokens, start, i, j, end, lex) {
            push(&mut out, tokens, start, j, paragraph);
            start = j;
            depth = 0;
            content = false;
            i = j;
            continue;
        }
        i += 1;
    }
    if start < n {
        push(&mut out, tokens, start, n, paragraph);
    }
    out
}

fn push(out: &mut Vec<Sentence>, tokens: &mut [Token], from: usize, to: usize, paragraph: usize) {
    let (Some(first), Some(last)) = (
        tokens.get(from),
        to.checked_sub(1).and_then(|l| tokens.get(l)),
    ) else {
        return;
    };
    let (start, end) = (first.start, last.end);
    if let Some(t) = tokens.get_mut(from..to).and_then(|ts| {
        ts.iter_mut().find(|t| {
            !t.kind.is_punctuation()
                && !matches!(
                    t.kind,
                    TokenKind::Symbol | TokenKind::Emoji | TokenKind::Other
                )
        })
    }) {
        t.flags = t.flags.set_sentence_initial(true);
    }
    out.push(Sentence {
        start,
        end,
        tokens: from..to,
        paragraph,
    });
}

/// Whether `tok` may end a sentence, and how.
fn end_kind(text: &str, tok: &Token, lex: &Lexicon) -> Option<End> {
    match tok.kind {
        TokenKind::Terminal => Some(End::Terminal),
        TokenKind::Initial => match lex.abbreviation(tok.text(text)) {
            Some(AbbrevClass::Prefix) => None,
            _ => Some(End::Ambiguous),
        },
        TokenKind::Abbreviation => match lex.abbreviation(tok.text(text)) {
            Some(AbbrevClass::Final) => Some(End::Final),
            Some(AbbrevClass::Ambiguous) | None => Some(End::Ambiguous),
            Some(AbbrevClass::Prefix | AbbrevClass::Numeric) => None,
        },
        _ => None,
    }
}

/// Whether a sentence that started at token `start` ends after the candidate at `i`
/// and the closers up to `j` (exclusive), judging by the token at `j`.
fn ends_here(
    text: &str,
    tokens: &[Token],
    start: usize,
    i: usize,
    j: usize,
    end: End,
    lex: &Lexicon,
) -> bool {
    let Some(next) = tokens.get(j) else {
        return true;
    };
    if next.starts_paragraph() {
        return true;
    }
    // No space after the stop: a typo ("tersebut.Ia") if a capitalised word follows,
    // else a code or number ("34/PMK.011", "v9.1").
    if next.flags.glued() && !(next.kind == TokenKind::Word && next.flags.capitalised()) {
        return false;
    }
    match end {
        End::Terminal => {
            if is_list_marker(text, tokens, start, i) {
                return false;
            }
            match next.kind {
                TokenKind::Word | TokenKind::Abbreviation | TokenKind::Initial => {
                    !starts_lower(text, next)
                }
                TokenKind::Terminal | TokenKind::CloseBracket => false,
                TokenKind::Punct => !matches!(
                    first_char(text, next),
                    Some(
                        ',' | ';'
                            | ':'
                            | '\u{3001}'
                            | '\u{FF0C}'
                            | '\u{FF1B}'
                            | '\u{FF1A}'
                            | '\u{60C}'
                            | '\u{61B}'
                    )
                ),
                TokenKind::Symbol => first_char(text, next) != Some('%'),
                _ => true,
            }
        }
        // "Co. Ltd.", "dkk. (2020)": another abbreviation or a bracket continues.
        End::Final => match next.kind {
            TokenKind::Word => next.flags.capitalised(),
            TokenKind::Quote => !quote_closes(text, next, tokens.get(j + 1)),
            _ => false,
        },
        End::Ambiguous => {
            next.kind == TokenKind::Word
                && next.flags.capitalised()
                && lex.is_starter(next.text(text))
        }
    }
}

/// "1." / "a." / "IV." at the start of a sentence or line: a list item number.
fn is_list_marker(text: &str, tokens: &[Token], start: usize, i: usize) -> bool {
    let (Some(dot), Some(prev_i)) = (tokens.get(i), i.checked_sub(1)) else {
        return false;
    };
    let Some(prev) = tokens.get(prev_i) else {
        return false;
    };
    if dot.text(text) != "." || !dot.flags.glued() || !(prev_i == start || prev.flags.line_start())
    {
        return false;
    }
    let s = prev.text(text);
    match prev.kind {
        TokenKind::Number => s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit()),
        TokenKind::Word => {
            s.len() == 1 && s.bytes().all(|b| b.is_ascii_alphabetic())
                || s.len() <= 4 && s.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
        }
        _ => false,
    }
}
