//! The one normalisation every name comparison in the knowledge base goes through.
//!
//! News text spells the same name many ways: "Élysée"/"Elysee", "Erdoğan"/"Erdogan",
//! curly or straight apostrophes ("Ma’ruf"/"Ma'ruf"), en dashes for hyphens, two spaces
//! or a no-break space between words. Folding maps all of these to one key: lower
//! case, Latin diacritics stripped, apostrophes and dashes unified, runs of spaces
//! collapsed, invisible characters dropped. Case is *not* thrown away for good: the
//! matcher checks it afterwards on the original text (see [`CaseRule`]), because
//! "AS" (United States) and "as" (English "as") differ only in case.
//!
//! Newlines are kept (a name never spans two paragraphs).

use crate::fold_table::FOLD;

/// Fold `s` to its comparison key (see the module doc), trimmed.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last_space = true; // trims leading spaces
    for c in s.chars() {
        push_folded(c, &mut out, &mut last_space);
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Text folded for matching, with the way back to the original byte offsets.
pub(crate) struct Folded {
    /// The folded text.
    pub text: String,
    /// `map[i]` is the byte offset in the original text of the char that produced
    /// folded byte `i`; `map[text.len()]` is the original length.
    map: Vec<u32>,
}

impl Folded {
    /// Fold `original`, remembering where every folded byte came from. Leading and
    /// trailing spaces are kept (collapsed) so that offsets stay simple.
    pub fn new(original: &str) -> Folded {
        let mut text = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len() + 1);
        let mut last_space = false;
        for (at, c) in original.char_indices() {
            push_folded(c, &mut text, &mut last_space);
            map.resize(text.len(), u32::try_from(at).unwrap_or(u32::MAX));
        }
        map.push(u32::try_from(original.len()).unwrap_or(u32::MAX));
        Folded { text, map }
    }

    /// Original byte offset of folded byte offset `i` (`i <= text.len()`).
    pub fn original(&self, i: usize) -> usize {
        self.map.get(i).map_or(usize::MAX, |&o| o as usize)
    }
}

/// Append the folded form of `c`. `last_space` collapses runs of spaces.
fn push_folded(c: char, out: &mut String, last_space: &mut bool) {
    if c == '\n' {
        out.push('\n');
        *last_space = false;
        return;
    }
    if c.is_whitespace() {
        if !*last_space {
            out.push(' ');
            *last_space = true;
        }
        return;
    }
    if is_invisible(c) {
        return;
    }
    *last_space = false;
    match c {
        'A'..='Z' => out.push(c.to_ascii_lowercase()),
        '`' => out.push('\''),
        c if c.is_ascii() => out.push(c),
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '\u{00B4}' => {
            out.push('\'')
        }
        '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
        c if ('\u{0300}'..='\u{036F}').contains(&c) => {} // combining marks
        c => match table(c) {
            Some(f) => out.push_str(f),
            // Lower-case forms are folded again, so folding is idempotent: "Ǳ" lowers
            // to "ǳ", which the table folds to "dz"; "İ" lowers to "i" + a combining
            // dot, which is dropped.
            None => {
                for l in c.to_lowercase() {
                    if ('\u{0300}'..='\u{036F}').contains(&l) {
                        continue;
                    }
                    match table(l) {
                        Some(f) => out.push_str(f),
                        None => out.push(l),
                    }
                }
            }
        },
    }
}

/// The folded form the table gives `c`, if any.
fn table(c: char) -> Option<&'static str> {
    FOLD.binary_search_by_key(&(c as u32), |&(cp, _)| cp)
        .ok()
        .map(|i| FOLD[i].1)
}

/// Characters that carry no letters: zero-width spaces and joiners, BOM, soft hyphen.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Whether `c` is an apostrophe in any of its typographic forms.
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`')
}

/// How the case of a name must match in running text, decided from how the name is
/// written in the data.
///
/// * [`CaseRule::Exact`]: the name has upper-case letters and no lower-case ones
///   ("AS", "U.S.", "PBB", "G20", "NATO"): the text must have no lower-case letter
///   in it either, so the Indonesian "as" and the English "us" or "who" never match.
///   Mixed-case spellings used by some outlets ("Nato") are listed as their own
///   aliases.
/// * [`CaseRule::Capitalised`]: the name starts with a capital ("Cuba", "Istana",
///   "Lavrov"): the text's first letter must be a capital too, the rest may be in any
///   case ("LAVROV" in a headline matches; the Indonesian verb "cuba" and the common
///   noun "istana" do not).
/// * [`CaseRule::Any`]: the name starts with a lower-case letter ("von der Leyen"):
///   any case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CaseRule {
    /// Upper-case letters only, in the text as in the data.
    Exact,
    /// First letter upper-case.
    Capitalised,
    /// Any case.
    Any,
}

impl CaseRule {
    /// The rule for a name as written in the data.
    pub fn of(name: &str) -> CaseRule {
        let mut letters = name.chars().filter(|c| c.is_alphabetic());
        let Some(first) = letters.next() else {
            return CaseRule::Any;
        };
        let has_lower = first.is_lowercase() || name.chars().any(char::is_lowercase);
        if !has_lower && first.is_uppercase() {
            CaseRule::Exact
        } else if first.is_uppercase() {
            CaseRule::Capitalised
        } else {
            CaseRule::Any
        }
    }

    /// Whether `span` (original text of a match) satisfies the rule.
    pub fn accepts(self, span: &str) -> bool {
        match self {
            CaseRule::Any => true,
            CaseRule::Exact => !span.chars().any(char::is_lowercase),
            CaseRule::Capitalised => span
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase),
        }
    }
}

/// Word-boundary test around `text[start..end]`: the match must not continue a word
/// on either side. An apostrophe followed by a letter continues a word ("Xi'an" is not
/// "Xi", "Ma'ruf" is not "Ma"), except the English possessive ("Russia's" is
/// "Russia").
pub(crate) fn at_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let (Some(before), Some(after)) = (text.get(..start), text.get(end..)) else {
        return false;
    };
    let mut back = before.chars().rev();
    match back.next() {
        Some(c) if c.is_alphanumeric() => return false,
        Some(c) if is_apostrophe(c) && back.next().is_some_and(char::is_alphanumeric) => {
            return false;
        }
        _ => {}
    }
    let mut fwd = after.chars();
    match fwd.next() {
        Some(c) if c.is_alphanumeric() => false,
        Some(c) if is_apostrophe(c) => match fwd.next() {
            Some('s' | 'S') => !fwd.next().is_some_and(char::is_alphanumeric),
            Some(c) => !c.is_alphanumeric(),
            None => true,
        },
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_diacritics_and_punctuation() {
        assert_eq!(fold("Élysée"), "elysee");
        assert_eq!(fold("Recep Tayyip  Erdoğan"), "recep tayyip erdogan");
        assert_eq!(fold("Ma’ruf Amin"), "ma'ruf amin");
        assert_eq!(fold("Phạm Minh Chính"), "pham minh chinh");
        assert_eq!(fold("Tô Lâm"), "to lam");
        assert_eq!(fold("Đặng"), "dang");
        assert_eq!(fold("Timor–Leste"), "timor-leste");
        assert_eq!(fold("\u{a0}Wang\u{200b} Yi "), "wang yi");
        assert_eq!(fold("Sergei\u{301} Lavrov"), "sergei lavrov");
    }

    #[test]
    fn folded_offsets_point_back() {
        let text = "Presiden  Erdoğan’s visit";
        let f = Folded::new(text);
        let at = f.text.find("erdogan").unwrap();
        let (s, e) = (f.original(at), f.original(at + "erdogan".len()));
        assert_eq!(&text[s..e], "Erdoğan");
        assert_eq!(f.original(f.text.len()), text.len());
    }

    #[test]
    fn case_rules() {
        assert_eq!(CaseRule::of("AS"), CaseRule::Exact);
        assert_eq!(CaseRule::of("U.S."), CaseRule::Exact);
        assert_eq!(CaseRule::of("G20"), CaseRule::Exact);
        assert_eq!(CaseRule::of("Tiongkok"), CaseRule::Capitalised);
        assert_eq!(CaseRule::of("von der Leyen"), CaseRule::Any);
        assert!(CaseRule::Exact.accepts("AS"));
        assert!(!CaseRule::Exact.accepts("as"));
        assert!(!CaseRule::Exact.accepts("As"));
        assert!(CaseRule::Capitalised.accepts("CHINA"));
        assert!(!CaseRule::Capitalised.accepts("cuba"));
    }

    #[test]
    fn boundaries() {
        let t = "Xi'an, Xi's plan, Ma'ruf, (AS), Rusia-China";
        let b = |s: &str| {
            let i = t.find(s).unwrap();
            at_word_boundaries(t, i, i + s.len())
        };
        assert!(!at_word_boundaries(t, 0, 2)); // Xi in Xi'an
        let xs = t.find("Xi's").unwrap();
        assert!(at_word_boundaries(t, xs, xs + 2)); // possessive
        let ma = t.find("Ma'ruf").unwrap();
        assert!(!at_word_boundaries(t, ma, ma + 2));
        assert!(b("AS"));
        assert!(b("Rusia"));
        assert!(b("China"));
        assert!(!at_word_boundaries(t, 1, 2));
    }
}
