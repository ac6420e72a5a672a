//! Small shape tests on lines shared by the readers: word counts, comparison keys,
//! headline and prose shapes, and title-casing of ALL-CAPS names.
//!
//! These are structural (punctuation, case, counts), never words of a language: the
//! words live in the data files.

/// Number of whitespace-separated words.
pub(crate) fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Comparison key of a line: its alphanumeric runs, lower-cased, joined by one space.
///
/// Two printings of the same caption or lede that differ in quotes, dashes, spacing or
/// case get the same key.
pub(crate) fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.chars() {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.extend(c.to_lowercase());
        } else {
            gap = true;
        }
    }
    out
}

/// True when the line ends like a sentence (final stop, question, exclamation,
/// ellipsis, or a closing quote or bracket after one).
pub(crate) fn ends_sentence(s: &str) -> bool {
    s.trim_end().chars().next_back().is_some_and(|c| {
        matches!(
            c,
            '.' | '!' | '?' | '…' | '"' | '”' | '’' | '\'' | ')' | '»'
        )
    })
}

/// Fewest words of a prose line that ends like a sentence.
const PROSE_MIN_WORDS: usize = 8;
/// A line this long is prose whatever its ending.
const PROSE_LONG_WORDS: usize = 30;

/// A paragraph of running text rather than a label, headline or caption stub.
pub(crate) fn prose_like(s: &str) -> bool {
    let n = word_count(s);
    (n >= PROSE_MIN_WORDS && ends_sentence(s)) || n >= PROSE_LONG_WORDS
}

/// Fewest words of a headline.
pub(crate) const HEADLINE_MIN_WORDS: usize = 3;
/// Most words of a headline.
pub(crate) const HEADLINE_MAX_WORDS: usize = 25;

/// Shaped like a headline: 3–25 words and no final full stop.
pub(crate) fn headline_like(s: &str) -> bool {
    let n = word_count(s);
    (HEADLINE_MIN_WORDS..=HEADLINE_MAX_WORDS).contains(&n) && !s.trim_end().ends_with('.')
}

/// True when the first char could start a sentence: a capital, a digit or an
/// opening quote or bracket.
pub(crate) fn starts_sentence(s: &str) -> bool {
    s.chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '«')
    })
}

/// Title-case a name printed in capitals ("RENI ERINA" → "Reni Erina",
/// "SHANGHAI" → "Shanghai"); a name with any lower-case letter is kept as printed.
///
/// A capital follows a space, hyphen or apostrophe ("AL-ASSAD" → "Al-Assad") but not
/// a dot, so a host keeps its shape ("SERAMBINEWS.COM" → "Serambinews.com").
pub(crate) fn title_case_caps(s: &str) -> String {
    let has_lower = s.chars().any(char::is_lowercase);
    let upper = s.chars().filter(|c| c.is_uppercase()).count();
    if has_lower || upper < 2 {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut at_start = true;
    for c in s.chars() {
        if at_start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        at_start = c.is_whitespace() || matches!(c, '-' | '\'' | '’');
    }
    out
}

/// Capitalise the first letter of a name printed all in lower case ("rmol" → "Rmol");
/// other names are kept.
pub(crate) fn capitalise_lower(s: &str) -> String {
    if s.chars().any(char::is_uppercase) {
        return s.to_string();
    }
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The largest char boundary at or below `i` (clamped to the text).
pub(crate) fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary at or above `i` (clamped to the text).
pub(crate) fn ceil_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Leading bullets, dashes and spaces that decorate a line without being part of it.
pub(crate) fn trim_decoration(s: &str) -> &str {
    s.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '•' | '·' | '|' | '-' | '–' | '—' | '*' | '»' | '›')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_punctuation_and_case() {
        assert_eq!(key("  “Kabar  Baik” – hari-ini!"), "kabar baik hari ini");
        assert_eq!(key("..."), "");
    }

    #[test]
    fn shapes() {
        assert!(headline_like("Menteri Tiba di Kota Tua"));
        assert!(!headline_like("Menteri tiba di kota tua."));
        assert!(!headline_like("Dua kata"));
        assert!(prose_like(
            "Ini adalah satu kalimat yang cukup panjang untuk prosa."
        ));
        assert!(!prose_like("Kalimat pendek."));
    }

    #[test]
    fn title_case() {
        assert_eq!(title_case_caps("RENI ERINA"), "Reni Erina");
        assert_eq!(title_case_caps("AL-ASSAD"), "Al-Assad");
        assert_eq!(title_case_caps("SERAMBINEWS.COM"), "Serambinews.com");
        assert_eq!(title_case_caps("EGINDO.co"), "EGINDO.co");
        assert_eq!(title_case_caps("A"), "A");
        assert_eq!(capitalise_lower("rmol"), "Rmol");
    }

    #[test]
    fn boundaries() {
        let s = "a–b";
        assert_eq!(floor_boundary(s, 2), 1);
        assert_eq!(ceil_boundary(s, 2), 4);
        assert_eq!(ceil_boundary(s, 99), s.len());
    }
}
