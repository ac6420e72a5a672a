//! The tokeniser: one left-to-right pass over the chars of a text.
//!
//! Hand-written rather than regex-driven so that it runs in linear time at tens of
//! megabytes per second and so that every decision that depends on a word (is
//! "Jl." an abbreviation? is "Rp" glued to a number a currency?) is a lookup in the
//! data-driven [`Lexicon`]. Every look-ahead is bounded (addresses, abbreviations)
//! or consumes what it scans (URLs), which keeps the pass linear on any input.
//!
//! Decisions, in the order they are tried at a token start:
//!
//! 1. whitespace ([`chars::is_space`]) separates tokens and is never part of one;
//! 2. `http://`, `https://`, `ftp://`, `www.` start a URL that runs to whitespace,
//!    minus trailing punctuation and unbalanced closing brackets;
//! 3. `local@domain.tld` is an e-mail address; `@name` a handle; `#tag` a hashtag;
//! 4. a word: letters, digits and marks, joined by a hyphen before a word char
//!    ("negara-negara", "ke-2", "COVID-19"), an apostrophe between letters
//!    ("O'Neill", "Jum'at"; not the English possessive "'s", which is its own token),
//!    `. , : /` between digits ("1.500", "20,5", "10.30", "15:34", "19/3/2022"),
//!    `_`, and `&` between capitals ("AT&T"). A currency sign glued to a number is
//!    split off ("Rp5.000" → "Rp" "5.000"; "US$50" → "US$" "50").
//!    A word followed by a full stop may take it: a domain ("kompas.com") becomes a
//!    URL, a dotted abbreviation ("S.H.", "a.n.", "U.S.") or a listed one ("Dr.",
//!    "dll.", "No." before a number) an abbreviation, a single capital ("V.") an
//!    initial;
//! 5. emoji sequences (with modifiers, joiners, flags) are one token;
//! 6. runs of terminal punctuation ("?!", "...", "…") and of dashes ("--") are one
//!    token; every other mark (quotes, brackets, commas, symbols) is one token each.

use crate::abbrev::{AbbrevClass, Lexicon};
use crate::chars::{self, QuoteSide};
use crate::token::{Flags, Token, TokenKind};

/// Longest e-mail local part, domain and handle the scanner looks for (bytes).
const MAX_LOCAL: usize = 64;
const MAX_DOMAIN: usize = 253;
const MAX_LABEL: usize = 63;
const MAX_HANDLE: usize = 64;

/// Top-level domains that make "name.tld" a web address without a scheme. Shapes of
/// addresses rather than words of a language, so they live here; country codes of
/// the region and the generic ones news pages print.
const TLDS: &[&str] = &[
    "ac", "ae", "ai", "app", "asia", "au", "biz", "br", "ca", "cn", "co", "com", "de", "dev",
    "edu", "eu", "fr", "go", "gov", "hk", "id", "in", "info", "int", "io", "it", "jp", "kr",
    "media", "mil", "my", "net", "news", "nl", "nz", "online", "org", "ph", "ru", "sa", "sch",
    "sg", "site", "th", "tv", "tw", "uk", "us", "vn", "web", "xyz",
];

fn is_tld(label: &str) -> bool {
    label.len() <= 6 && TLDS.iter().any(|t| t.eq_ignore_ascii_case(label))
}

/// The char starting at byte `pos`, if `pos` is a char boundary inside `text`.
#[inline]
fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

/// The char ending at byte `pos`.
#[inline]
fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos)?.chars().next_back()
}

fn starts_with_ignore_case(text: &str, pos: usize, prefix: &str) -> bool {
    text.as_bytes()
        .get(pos..pos + prefix.len())
        .is_some_and(|b| b.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Tokenises `text` into `out` (cleared first).
pub(crate) fn tokenize(text: &str, lex: &Lexicon, out: &mut Vec<Token>) {
    out.clear();
    let mut scanner = Scanner {
        text,
        lex,
        next_at: memchr_at(text.as_bytes(), 0),
    };
    let mut pos = 0usize;
    let mut breaks: u8 = 2;
    let mut spaced = true;
    while let Some(c) = char_at(text, pos) {
        let len = c.len_utf8();
        if chars::is_space(c) {
            // "\r\n" is one line break.
            if !(c == '\r' && text.as_bytes().get(pos + 1) == Some(&b'\n')) {
                breaks = breaks.saturating_add(chars::newline_weight(c));
            }
            spaced = true;
            pos += len;
            continue;
        }
        let (end, kind) = scanner.token(pos, c);
        // Progress and char boundaries are guaranteed whatever a rule returned.
        let end = if end > pos && text.is_char_boundary(end) && end <= text.len() {
            end
        } else {
            pos + len
        };
        let flags = shape_flags(text.get(pos..end).unwrap_or(""), kind)
            .set_glued(!spaced && !out.is_empty())
            .set_line_start(out.is_empty() || breaks > 0);
        out.push(Token {
            start: pos,
            end,
            kind,
            flags,
            breaks_before: breaks.min(2),
        });
        breaks = 0;
        spaced = false;
        pos = end;
    }
}

/// Capitalisation, digits and hyphens of a token's text.
fn shape_flags(s: &str, kind: TokenKind) -> Flags {
    let body = match kind {
        TokenKind::Word | TokenKind::Abbreviation | TokenKind::Initial | TokenKind::Number => s,
        TokenKind::Handle | TokenKind::Hashtag => s.get(1..).unwrap_or(""),
        _ => return Flags::default(),
    };
    let (mut upper, mut lower, mut digit, mut hyphen) = (0u32, 0u32, false, false);
    for c in body.chars() {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        } else if c.is_numeric() {
            digit = true;
        } else if chars::is_hyphen(c) {
            hyphen = true;
        }
    }
    Flags::default()
        .set_capitalised(body.chars().next().is_some_and(char::is_uppercase))
        .set_all_caps(upper >= 2 && lower == 0)
        .set_has_digit(digit)
        .set_hyphenated(hyphen && kind != TokenKind::Abbreviation)
}

struct Scanner<'a> {
    text: &'a str,
    lex: &'a Lexicon,
    /// Byte offset of the next '@' at or after the last position asked about (or
    /// the text length): e-mail look-ahead only runs when one is near.
    next_at: usize,
}

impl Scanner<'_> {
    fn at(&self, pos: usize) -> Option<char> {
        char_at(self.text, pos)
    }

    /// The token starting at `pos` (whose char is `c`): its end and kind.
    fn token(&mut self, pos: usize, c: char) -> (usize, TokenKind) {
        if chars::is_word_char(c) && !chars::is_mark(c) {
            if let Some(end) = self.url(pos) {
                return (end, TokenKind::Url);
            }
            if let Some(end) = self.email(pos) {
                return (end, TokenKind::Email);
            }
            return self.word(pos);
        }
        let len = c.len_utf8();
        match c {
            '@' => {
                if let Some(end) = self.handle(pos) {
                    return (end, TokenKind::Handle);
                }
            }
            '#' => {
                if let Some(end) = self.hashtag(pos) {
                    return (end, TokenKind::Hashtag);
                }
            }
            _ => {}
        }
        if chars::is_emoji_base(c) || chars::is_regional_indicator(c) {
            return (self.emoji(pos, c), TokenKind::Emoji);
        }
        if chars::is_terminal(c) {
            let mut end = pos + len;
            while let Some(n) = self.at(end).filter(|&n| chars::is_terminal(n)) {
                end += n.len_utf8();
            }
            return (end, TokenKind::Terminal);
        }
        if chars::is_apostrophe(c) && self.possessive(pos, c) {
            return (pos + len + 1, TokenKind::Word);
        }
        if chars::quote_side(c).is_some() {
            // "``" and "''" (typewriter double quotes) are one mark.
            if matches!(c, '`' | '\'') && self.at(pos + 1) == Some(c) {
                return (pos + 2, TokenKind::Quote);
            }
            return (pos + len, TokenKind::Quote);
        }
        if chars::is_open_bracket(c) {
            return (pos + len, TokenKind::OpenBracket);
        }
        if chars::is_close_bracket(c) {
            return (pos + len, TokenKind::CloseBracket);
        }
        let kind = if chars::is_other_punct(c) {
            TokenKind::Punct
        } else if c.is_control() || chars::is_mark(c) {
            TokenKind::Other
        } else {
            TokenKind::Symbol
        };
        if chars::repeats_as_one(c) {
            let mut end = pos + len;
            while self.at(end) == Some(c) {
                end += len;
            }
            return (end, kind);
        }
        (pos + len, kind)
    }

    /// An English possessive "'s" glued to the letter before it and followed by a
    /// non-word char: "Trump's" → "Trump" "'s".
    fn possessive(&self, pos: usize, c: char) -> bool {
        let after = pos + c.len_utf8();
        char_before(self.text, pos).is_some_and(char::is_alphabetic)
            && matches!(self.at(after), Some('s' | 'S'))
            && !self.at(after + 1).is_some_and(chars::is_word_char)
    }

    /// A URL with a scheme or "www.", running to whitespace.
    fn url(&self, pos: usize) -> Option<usize> {
        let first = self.text.as_bytes().get(pos)?.to_ascii_lowercase();
        let body = match first {
            b'h' if starts_with_ignore_case(self.text, pos, "https://") => pos + 8,
            b'h' if starts_with_ignore_case(self.text, pos, "http://") => pos + 7,
            b'f' if starts_with_ignore_case(self.text, pos, "ftp://") => pos + 6,
            b'w' if starts_with_ignore_case(self.text, pos, "www.") => pos + 4,
            _ => return None,
        };
        if !self.at(body).is_some_and(|c| c.is_alphanumeric()) {
            return None;
        }
        Some(self.url_rest(body))
    }

    /// The end of a URL whose body starts at `from`: up to whitespace or a quote,
    /// without trailing punctuation or closing brackets it did not open.
    fn url_rest(&self, from: usize) -> usize {
        let mut end = from;
        let mut open = 0i32;
        let mut close = 0i32;
        while let Some(c) = self.at(end) {
            if chars::is_space(c)
                || matches!(
                    c,
                    '"' | '<' | '>' | '\u{201C}' | '\u{201D}' | '\u{2018}' | '\u{AB}' | '\u{BB}'
                )
            {
                break;
            }
            match c {
                '(' => open += 1,
                ')' => close += 1,
                _ => {}
            }
            end += c.len_utf8();
        }
        while let Some(c) = char_before(self.text, end) {
            if end <= from {
                break;
            }
            let trim = match c {
                ')' => close > open,
                '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '\u{2019}' | ']' | '}' | '\u{2026}' => {
                    true
                }
                _ => false,
            };
            if !trim {
                break;
            }
            if c == ')' {
                close -= 1;
            }
            end -= c.len_utf8();
        }
        end
    }

    /// A domain name starting at `pos` (ASCII labels separated by single dots, a
    /// known top-level domain last, not all labels one letter): its end, or `None`.
    fn domain(&self, pos: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let limit = (pos + MAX_DOMAIN).min(bytes.len());
        let mut p = pos;
        let mut labels = 0usize;
        let mut long_label = false;
        let mut end = None;
        loop {
            let start = p;
            while p < limit
                && (bytes.get(p)?.is_ascii_alphanumeric() || bytes.get(p) == Some(&b'-'))
            {
                p += 1;
            }
            let len = p - start;
            if len == 0 || len > MAX_LABEL {
                break;
            }
            labels += 1;
            long_label |= len > 1;
            if labels >= 2 {
                let label = self.text.get(start..p)?;
                let next_is_word = self.at(p).is_some_and(chars::is_word_char);
                if is_tld(label) && long_label && !next_is_word {
                    end = Some(p);
                }
            }
            if bytes.get(p) == Some(&b'.')
                && bytes.get(p + 1).is_some_and(u8::is_ascii_alphanumeric)
            {
                p += 1;
            } else {
                break;
            }
        }
        let end = end?;
        // A path or port makes it an address without a scheme: "kompas.com/read/…".
        match self.at(end) {
            Some('/') | Some(':') if self.at(end + 1).is_some_and(|c| !chars::is_space(c)) => {
                Some(self.url_rest(end))
            }
            _ => Some(end),
        }
    }

    /// An e-mail address starting at `pos`.
    fn email(&mut self, pos: usize) -> Option<usize> {
        if self.next_at < pos {
            self.next_at = memchr_at(self.text.as_bytes(), pos);
        }
        if self.next_at - pos > MAX_LOCAL || self.next_at >= self.text.len() {
            return None;
        }
        let bytes = self.text.as_bytes();
        let mut p = pos;
        while p < self.next_at {
            let b = *bytes.get(p)?;
            if !(b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-')) {
                return None;
            }
            p += 1;
        }
        if p == pos || bytes.get(p - 1) == Some(&b'.') {
            return None;
        }
        // The domain: at least two labels, the last alphabetic and 2+ letters.
        let dom = p + 1;
        let limit = (dom + MAX_DOMAIN).min(bytes.len());
        let mut q = dom;
        let mut labels = 0;
        let mut end = None;
        loop {
            let start = q;
            while q < limit
                && (bytes.get(q)?.is_ascii_alphanumeric() || bytes.get(q) == Some(&b'-'))
            {
                q += 1;
            }
            if q == start {
                break;
            }
            labels += 1;
            let label = bytes.get(start..q)?;
            if labels >= 2 && label.len() >= 2 && label.iter().all(u8::is_ascii_alphabetic) {
                end = Some(q);
            }
            if bytes.get(q) == Some(&b'.')
                && bytes.get(q + 1).is_some_and(u8::is_ascii_alphanumeric)
            {
                q += 1;
            } else {
                break;
            }
        }
        end
    }

    /// "@name": letters, digits, underscores and inner dots, after a non-word char.
    fn handle(&self, pos: usize) -> Option<usize> {
        if char_before(self.text, pos).is_some_and(chars::is_word_char) {
            return None;
        }
        let bytes = self.text.as_bytes();
        let mut p = pos + 1;
        let limit = (p + MAX_HANDLE).min(bytes.len());
        while p < limit {
            let b = *bytes.get(p)?;
            let inner_dot = b == b'.'
                && p > pos + 1
                && bytes
                    .get(p + 1)
                    .is_some_and(|n| n.is_ascii_alphanumeric() || *n == b'_');
            if b.is_ascii_alphanumeric() || b == b'_' || inner_dot {
                p += 1;
            } else {
                break;
            }
        }
        (p > pos + 1).then_some(p)
    }

    /// "#tag": word chars and underscores with at least one letter, after a
    /// non-word char.
    fn hashtag(&self, pos: usize) -> Option<usize> {
        if char_before(self.text, pos).is_some_and(|c| chars::is_word_char(c) || c == '&') {
            return None;
        }
        let mut p = pos + 1;
        let mut letter = false;
        while let Some(c) = self.at(p) {
            if chars::is_word_char(c) || c == '_' {
                letter |= c.is_alphabetic();
                p += c.len_utf8();
            } else {
                break;
            }
        }
        letter.then_some(p)
    }

    /// An emoji with its modifiers, joined sequences and flag pairs.
    fn emoji(&self, pos: usize, first: char) -> usize {
        let mut end = pos + first.len_utf8();
        let mut flag_half = chars::is_regional_indicator(first);
        loop {
            match self.at(end) {
                Some(c) if chars::is_emoji_modifier(c) => end += c.len_utf8(),
                Some(c) if flag_half && chars::is_regional_indicator(c) => {
                    end += c.len_utf8();
                    flag_half = false;
                }
                Some('\u{200D}') => match self.at(end + 3) {
                    Some(n) if chars::is_emoji_base(n) => end += 3 + n.len_utf8(),
                    _ => break,
                },
                _ => break,
            }
        }
        end
    }

    /// A word or number starting at `start`.
    fn word(&self, start: usize) -> (usize, TokenKind) {
        let text = self.text;
        let mut p = start;
        let mut letters_only = true;
        let mut has_letter = false;
        loop {
            while let Some(c) = self.at(p) {
                if !chars::is_word_char(c) {
                    break;
                }
                if c.is_alphabetic() {
                    has_letter = true;
                } else if c.is_numeric() {
                    // "Rp5.000": a currency sign glued to its amount is split off.
                    if letters_only
                        && has_letter
                        && self.lex.is_currency(text.get(start..p).unwrap_or(""))
                    {
                        return (p, TokenKind::Word);
                    }
                    letters_only = false;
                }
                p += c.len_utf8();
            }
            let Some(c) = self.at(p) else { break };
            let len = c.len_utf8();
            let prev = char_before(text, p);
            let next = self.at(p + len);
            let joins = match c {
                _ if chars::is_hyphen(c) => next.is_some_and(chars::is_word_char),
                _ if chars::is_apostrophe(c) => {
                    prev.is_some_and(char::is_alphabetic)
                        && next.is_some_and(char::is_alphabetic)
                        && !self.possessive(p, c)
                }
                ',' | ':' => {
                    prev.is_some_and(|c| c.is_ascii_digit())
                        && next.is_some_and(|c| c.is_ascii_digit())
                }
                // "19/3/2022", "DPR/MPR", "AD/ART", "1/POJK.07/2013".
                '/' => next.is_some_and(|c| chars::is_word_char(c) && !chars::is_mark(c)),
                '.' => {
                    next.is_some_and(|c| c.is_ascii_digit())
                        && (prev.is_some_and(|c| c.is_ascii_digit())
                            || text.get(start..p).is_some_and(|w| w.contains('/')))
                }
                '_' => next.is_some_and(chars::is_word_char),
                '&' => prev.is_some_and(char::is_uppercase) && next.is_some_and(char::is_uppercase),
                '$' => {
                    if letters_only
                        && has_letter
                        && self.lex.is_currency(text.get(start..p + 1).unwrap_or(""))
                    {
                        return (p + 1, TokenKind::Symbol);
                    }
                    false
                }
                _ => false,
            };
            if !joins {
                break;
            }
            if c != '\'' && c != '\u{2019}' && c != '\u{02BC}' {
                letters_only = false;
            }
            p += len;
        }
        if self.at(p) == Some('.')
            && let Some(found) = self.after_dot(start, p, letters_only)
        {
            return found;
        }
        let kind = if has_letter {
            TokenKind::Word
        } else {
            TokenKind::Number
        };
        (p, kind)
    }

    /// Whether the word `start..dot` takes the full stop at `dot` (or more): a
    /// domain, a dotted or listed abbreviation, an initial.
    fn after_dot(
        &self,
        start: usize,
        dot: usize,
        letters_only: bool,
    ) -> Option<(usize, TokenKind)> {
        let text = self.text;
        let word = text.get(start..dot)?;
        if self.at(dot + 1).is_some_and(|c| c.is_ascii_alphanumeric())
            && word.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && let Some(end) = self.domain(start)
        {
            return Some((end, TokenKind::Url));
        }
        if !word
            .chars()
            .all(|c| c.is_alphabetic() || chars::is_hyphen(c) || chars::is_apostrophe(c))
        {
            return None;
        }
        if letters_only && let Some(end) = self.dotted(start, dot) {
            return Some((end, TokenKind::Abbreviation));
        }
        // A single capital is an initial ("J. Smith"), even where the letter is also
        // listed ("v." for versus, "H." for Haji); the splitter consults the list.
        let mut cs = word.chars();
        if let (Some(c), None) = (cs.next(), cs.next())
            && c.is_uppercase()
        {
            return Some((dot + 1, TokenKind::Initial));
        }
        let form = text.get(start..dot + 1)?;
        match self.lex.abbreviation(form) {
            Some(AbbrevClass::Numeric) if self.digit_follows(dot + 1) => {
                return Some((dot + 1, TokenKind::Abbreviation));
            }
            Some(AbbrevClass::Numeric) => {}
            Some(_) => return Some((dot + 1, TokenKind::Abbreviation)),
            None => {}
        }
        None
    }

    /// A number after spaces (not a line break) from `pos`: "No. 5", "No. XI".
    fn digit_follows(&self, mut pos: usize) -> bool {
        for _ in 0..4 {
            match self.at(pos) {
                Some(c) if c.is_ascii_digit() => return true,
                Some('I' | 'V' | 'X' | 'L') => return self.roman_numeral(pos),
                Some(c @ (' ' | '\t' | '\u{A0}' | '\u{202F}')) => pos += c.len_utf8(),
                _ => return false,
            }
        }
        false
    }

    /// Two or more capital Roman digits (or one V or X) not followed by a letter.
    fn roman_numeral(&self, pos: usize) -> bool {
        let bytes = self.text.as_bytes();
        let n = bytes.get(pos..).map_or(0, |r| {
            r.iter()
                .take(8)
                .take_while(|b| matches!(b, b'I' | b'V' | b'X' | b'L'))
                .count()
        });
        let single_ok = n == 1 && matches!(bytes.get(pos), Some(b'V' | b'X'));
        (n >= 2 || single_ok) && !self.at(pos + n).is_some_and(char::is_alphanumeric)
    }

    /// A dotted abbreviation starting with the letters `start..dot`: groups of 1–4
    /// letters joined by single full stops ("S.H.", "M.Si.", "a.n.", "U.S.A.",
    /// "Ph.D."), either listed, or shaped like one: two or more groups, the first of
    /// at most two letters, ending in a full stop, or all single letters ("A.S").
    fn dotted(&self, start: usize, dot: usize) -> Option<usize> {
        let first = self.text.get(start..dot)?.chars().count();
        if first > 4 {
            return None;
        }
        let mut groups = 1usize;
        let mut all_single = first == 1;
        let mut best = None;
        let mut q = dot; // at a '.'
        while groups < 6 {
            let mut g = q + 1;
            let mut n = 0usize;
            while let Some(c) = self.at(g).filter(|c| c.is_alphabetic()) {
                g += c.len_utf8();
                n += 1;
                if n > 4 {
                    break;
                }
            }
            if n == 0
                || n > 4
                || self
                    .at(g)
                    .is_some_and(|c| chars::is_word_char(c) || chars::is_hyphen(c))
            {
                break;
            }
            groups += 1;
            all_single &= n == 1;
            if self.at(g) == Some('.') {
                let form = self.text.get(start..g + 1)?;
                if self.lex.abbreviation(form).is_some() || first <= 2 {
                    best = Some(g + 1);
                }
                q = g;
            } else {
                if all_single && self.at(g).is_none_or(|c| !chars::is_word_char(c)) {
                    best = Some(g);
                }
                break;
            }
        }
        best
    }
}

/// The offset of the first '@' at or after `pos`, or the text length.
fn memchr_at(bytes: &[u8], pos: usize) -> usize {
    bytes
        .get(pos..)
        .and_then(|rest| rest.iter().position(|&b| b == b'@'))
        .map_or(bytes.len(), |i| pos + i)
}

/// Which side a quote token faces, from its char and whether it touches the tokens
/// around it: a straight quote glued to the word before it closes.
pub(crate) fn quote_closes(text: &str, tok: &Token, next: Option<&Token>) -> bool {
    let Some(c) = char_at(text, tok.start) else {
        return false;
    };
    match chars::quote_side(c) {
        Some(QuoteSide::Close) => true,
        Some(QuoteSide::Either) => {
            tok.flags.glued() && !next.is_some_and(|n| n.flags.glued() && n.kind.is_wordlike())
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memchr_at_finds_or_ends() {
        assert_eq!(memchr_at(b"ab@c", 0), 2);
        assert_eq!(memchr_at(b"ab@c", 3), 4);
        assert_eq!(memchr_at(b"ab", 9), 2);
    }
}
