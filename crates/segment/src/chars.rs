//! Character classes the scanner needs.
//!
//! Shapes, not words: which characters join a word, which are quotes, brackets,
//! terminal punctuation or emoji. Written by hand over code-point ranges because the
//! standard library has no Unicode general categories and a full table crate is more
//! than tokenisation needs. Everything is a pure function of one `char`.

/// Whitespace for tokenisation: Unicode white space plus the invisible characters
/// that pages leave between words (zero-width space, word joiner, byte-order mark).
///
/// Tokens cover every character except these.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{180E}')
}

/// How many line breaks a whitespace character counts for: `\n`, `\r`, NEL and
/// LINE SEPARATOR count one, PARAGRAPH SEPARATOR counts two (a paragraph break).
pub fn newline_weight(c: char) -> u8 {
    match c {
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' => 1,
        '\u{2029}' => 2,
        _ => 0,
    }
}

/// Combining marks and joiners that belong to the letter before them (accents
/// written separately, Arabic vowel signs, Indic vowel signs, variation selectors,
/// the soft hyphen). Approximate: the common blocks, not the full `\p{M}` table.
pub fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{AD}'                       // soft hyphen
        | '\u{300}'..='\u{36F}'        // combining diacritics
        | '\u{483}'..='\u{489}'
        | '\u{591}'..='\u{5BD}' | '\u{5BF}' | '\u{5C1}'..='\u{5C2}' | '\u{5C4}'..='\u{5C5}' | '\u{5C7}'
        | '\u{610}'..='\u{61A}' | '\u{64B}'..='\u{65F}' | '\u{670}'
        | '\u{6D6}'..='\u{6DC}' | '\u{6DF}'..='\u{6E4}' | '\u{6E7}'..='\u{6E8}' | '\u{6EA}'..='\u{6ED}'
        | '\u{900}'..='\u{903}' | '\u{93A}'..='\u{94F}' | '\u{951}'..='\u{957}' | '\u{962}'..='\u{963}'
        | '\u{981}'..='\u{983}' | '\u{9BC}'..='\u{9D7}'
        | '\u{E31}' | '\u{E34}'..='\u{E3A}' | '\u{E47}'..='\u{E4E}'
        | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{200C}' | '\u{200D}'      // zero-width (non-)joiner
        | '\u{20D0}'..='\u{20FF}'      // combining marks for symbols (keycap)
        | '\u{FE00}'..='\u{FE0F}'      // variation selectors
        | '\u{FE20}'..='\u{FE2F}'
    )
}

/// A character that makes up a word or number: letters, digits, combining marks.
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || is_mark(c)
    }
}

/// A hyphen that may join the parts of one word ("negara-negara", "ke-2"):
/// hyphen-minus, HYPHEN and NON-BREAKING HYPHEN, not the en or em dash.
#[inline]
pub fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// An apostrophe that may stand inside a word ("O'Neill", "Jum’at").
#[inline]
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// Punctuation that can end a sentence.
#[inline]
pub fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '\u{2026}' // …
            | '\u{203C}' // ‼
            | '\u{2047}'..='\u{2049}'
            | '\u{3002}' // 。
            | '\u{FF01}' // ！
            | '\u{FF1F}' // ？
            | '\u{FF0E}' // ．
            | '\u{061F}' // ؟
            | '\u{06D4}' // ۔
            | '\u{0964}'..='\u{0965}' // । ॥
    )
}

/// Which way a quotation mark faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteSide {
    /// Opens a quotation: “ ‘ « „ ‚ ‹ 「 『.
    Open,
    /// Closes a quotation: ” ’ » › 」 』.
    Close,
    /// Either, by position: " ' ` ´ ＂.
    Either,
}

/// The side of a quotation mark, or `None` for other characters.
pub fn quote_side(c: char) -> Option<QuoteSide> {
    Some(match c {
        '\u{201C}' | '\u{2018}' | '\u{AB}' | '\u{201E}' | '\u{201A}' | '\u{2039}' | '\u{300C}'
        | '\u{300E}' | '\u{201F}' | '\u{201B}' => QuoteSide::Open,
        '\u{201D}' | '\u{2019}' | '\u{BB}' | '\u{203A}' | '\u{300D}' | '\u{300F}' => {
            QuoteSide::Close
        }
        '"' | '\'' | '`' | '\u{B4}' | '\u{FF02}' | '\u{2032}' | '\u{2033}' => QuoteSide::Either,
        _ => return None,
    })
}

/// Opening brackets.
pub fn is_open_bracket(c: char) -> bool {
    matches!(
        c,
        '(' | '['
            | '{'
            | '\u{FF08}'
            | '\u{FF3B}'
            | '\u{FF5B}'
            | '\u{3010}'
            | '\u{3014}'
            | '\u{2329}'
            | '\u{27E8}'
            | '\u{300A}'
            | '\u{3008}'
    )
}

/// Closing brackets.
pub fn is_close_bracket(c: char) -> bool {
    matches!(
        c,
        ')' | ']'
            | '}'
            | '\u{FF09}'
            | '\u{FF3D}'
            | '\u{FF5D}'
            | '\u{3011}'
            | '\u{3015}'
            | '\u{232A}'
            | '\u{27E9}'
            | '\u{300B}'
            | '\u{3009}'
    )
}

/// The closing bracket that matches an opening one.
pub fn closing_of(open: char) -> Option<char> {
    Some(match open {
        '(' => ')',
        '[' => ']',
        '{' => '}',
        '\u{FF08}' => '\u{FF09}',
        '\u{FF3B}' => '\u{FF3D}',
        '\u{FF5B}' => '\u{FF5D}',
        '\u{3010}' => '\u{3011}',
        '\u{3014}' => '\u{3015}',
        '\u{2329}' => '\u{232A}',
        '\u{27E8}' => '\u{27E9}',
        '\u{300A}' => '\u{300B}',
        '\u{3008}' => '\u{3009}',
        _ => return None,
    })
}

/// Punctuation other than terminal marks, quotes and brackets: commas, colons,
/// dashes, bullets, slashes.
pub fn is_other_punct(c: char) -> bool {
    if c.is_ascii() {
        return matches!(
            c,
            ',' | ';' | ':' | '-' | '/' | '\\' | '#' | '&' | '*' | '@' | '_'
        );
    }
    matches!(
        c,
        '\u{2010}'..='\u{2015}'   // hyphens and dashes
            | '\u{2016}'..='\u{2017}'
            | '\u{2020}'..='\u{2025}' // daggers, bullets, leaders
            | '\u{2027}'
            | '\u{2043}'
            | '\u{2E3A}'..='\u{2E3B}'
            | '\u{A1}' | '\u{A7}' | '\u{B6}' | '\u{B7}' | '\u{BF}'
            | '\u{60C}' | '\u{61B}' // Arabic comma, semicolon
            | '\u{3001}' | '\u{30FB}'
            | '\u{FF0C}' | '\u{FF1A}' | '\u{FF1B}'
            | '\u{2212}' // minus sign
    )
}

/// A dash or other character whose repetitions form one token ("--", "===", "***").
pub fn repeats_as_one(c: char) -> bool {
    matches!(
        c,
        '-' | '=' | '*' | '_' | '~' | '#' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2500}'
    )
}

/// A pictographic character that starts an emoji.
pub fn is_emoji_base(c: char) -> bool {
    matches!(c,
        '\u{1F000}'..='\u{1FAFF}'
        | '\u{2600}'..='\u{27BF}'
        | '\u{2B00}'..='\u{2BFF}'
        | '\u{231A}'..='\u{231B}'
        | '\u{23E9}'..='\u{23FA}'
        | '\u{2934}'..='\u{2935}'
        | '\u{3030}' | '\u{303D}' | '\u{3297}' | '\u{3299}'
    )
}

/// A regional indicator letter; two of them make a flag.
pub fn is_regional_indicator(c: char) -> bool {
    matches!(c, '\u{1F1E6}'..='\u{1F1FF}')
}

/// Characters that modify the emoji before them: variation selectors, skin tones,
/// the keycap mark, tag characters.
pub fn is_emoji_modifier(c: char) -> bool {
    matches!(c,
        '\u{FE0E}' | '\u{FE0F}'
        | '\u{1F3FB}'..='\u{1F3FF}'
        | '\u{20E3}'
        | '\u{E0020}'..='\u{E007F}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_space('\u{A0}') && is_space('\u{200B}') && !is_space('a'));
        assert!(is_word_char('é') && is_word_char('\u{301}') && !is_word_char('-'));
        assert!(is_terminal('…') && !is_terminal(','));
        assert_eq!(quote_side('“'), Some(QuoteSide::Open));
        assert_eq!(quote_side('»'), Some(QuoteSide::Close));
        assert_eq!(closing_of('('), Some(')'));
        assert!(is_emoji_base('😀') && is_regional_indicator('🇮'));
        assert_eq!(newline_weight('\u{2029}'), 2);
    }
}
