//! Printed publication dates: date lines near the top ("Sabtu 04 Feb 2023 15:34
//! WIB", "• Sabtu, 05 Juni 2021, 12:22 WIB"), date parts of bylines, and the
//! fallback of the first full date in the body ("pada Sabtu (19/3/2022)").
//!
//! Finding and resolving dates is [`warta_dates`]'s job; this module decides which
//! printed date is the publication date.

use chrono::NaiveDate;
use warta_dates::DateMention;
use warta_model::PublishedDate;

use super::names::{trim_decoration, word_count};
use crate::Extractor;

/// Longest line read as a date line.
const MAX_DATE_LINE_BYTES: usize = 160;
/// Most words of a date line.
const MAX_DATE_LINE_WORDS: usize = 14;
/// Words outside the date mentions a date line may have ("Jakarta", a zone).
const MAX_LEFTOVER_WORDS: usize = 2;
/// Most tokens of a date line recognised by shape alone.
const MAX_SHAPE_TOKENS: usize = 8;
/// Most letter-only tokens of a date line recognised by shape alone (weekday,
/// month, zone).
const MAX_SHAPE_WORDS: usize = 3;
/// Body text searched for a fallback date: a date deeper than this is not the
/// publication date, and the bound keeps huge inputs cheap.
const MAX_BODY_BYTES: usize = 32 * 1024;

/// If `text` is a date line, the date text (bullets and a "Diperbarui:"-style label
/// cut). With `by_shape`, a line shaped like a date (a year and a time or day number,
/// at most three words) counts even when the date finder does not read it.
pub(crate) fn date_line(ex: &Extractor, text: &str, by_shape: bool) -> Option<String> {
    if text.len() > MAX_DATE_LINE_BYTES || word_count(text) > MAX_DATE_LINE_WORDS {
        return None;
    }
    let mut t = trim_decoration(text);
    let mut labelled = false;
    if let Some(m) = ex.rules.date_labels.as_ref().and_then(|re| re.find(t)) {
        t = trim_decoration(t.get(m.end()..).unwrap_or(""));
        labelled = true;
    }
    if t.is_empty() {
        return None;
    }
    let mentions = ex.dates.find(t);
    let dated = mentions.iter().any(|m| m.day.is_some() || m.year.is_some());
    if dated && (labelled || leftover_words(t, &mentions) <= MAX_LEFTOVER_WORDS) {
        return Some(t.to_string());
    }
    (by_shape && shaped_like_date(t)).then(|| t.to_string())
}

/// Words of `text` outside the mentions.
fn leftover_words(text: &str, mentions: &[DateMention]) -> usize {
    let mut n = 0;
    let mut at = 0;
    for m in mentions {
        n += alnum_words(text.get(at..m.range.start).unwrap_or(""));
        at = m.range.end.max(at);
    }
    n + alnum_words(text.get(at..).unwrap_or(""))
}

fn alnum_words(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// A year and a time (or a day number), in a few tokens with at most three words.
fn shaped_like_date(t: &str) -> bool {
    let tokens: Vec<&str> = t
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| matches!(c, ',' | '(' | ')' | '|' | '.')))
        .filter(|w| !w.is_empty())
        .collect();
    if tokens.is_empty() || tokens.len() > MAX_SHAPE_TOKENS {
        return false;
    }
    let mut year = false;
    let mut time = false;
    let mut numbers = 0;
    let mut words = 0;
    for tok in &tokens {
        if tok.chars().all(|c| c.is_ascii_digit()) {
            numbers += 1;
            if tok.len() == 4 && tok.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y)) {
                year = true;
            }
        } else if is_time(tok) {
            time = true;
        } else if let Some(parts) = numeric_date(tok) {
            numbers += parts.len();
            year |= parts.iter().any(|p| p.len() == 4);
        } else if tok.chars().all(char::is_alphabetic) {
            words += 1;
        } else if !tok
            .chars()
            .all(|c| matches!(c, '-' | '–' | '/' | ':' | '•' | '·'))
        {
            return false;
        }
    }
    year && words <= MAX_SHAPE_WORDS && (time || numbers >= 2)
}

/// The digit groups of an all-numeric date token (`12-03-2024`, `4/2/2023`).
fn numeric_date(tok: &str) -> Option<Vec<&str>> {
    let parts: Vec<&str> = tok.split(['-', '/', '.']).collect();
    let ok = parts.len() == 3
        && parts
            .iter()
            .all(|p| (1..=4).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()));
    ok.then_some(parts)
}

/// `12:22`, `9.05`.
fn is_time(tok: &str) -> bool {
    let Some((h, m)) = tok.split_once([':', '.']) else {
        return false;
    };
    (1..=2).contains(&h.len())
        && m.len() == 2
        && h.chars().all(|c| c.is_ascii_digit())
        && m.chars().all(|c| c.is_ascii_digit())
}

/// Resolve a date line's text; the published `text` is the line as printed.
///
/// A time printed as a separate mention after the date is merged into it.
pub(crate) fn resolve_line(
    ex: &Extractor,
    text: &str,
    reference: Option<NaiveDate>,
) -> Option<PublishedDate> {
    let mentions = ex.dates.find(text);
    for (k, m) in mentions.iter().enumerate() {
        if m.year.is_none() && (m.day.is_none() || m.month.is_none()) {
            continue;
        }
        let Some(mut r) = ex.dates.resolve(m, reference) else {
            continue;
        };
        if r.time.is_none()
            && let Some(t) = mentions
                .iter()
                .skip(k + 1)
                .find(|x| x.time.is_some() && x.day.is_none())
        {
            r.time = t.time;
            r.offset = t.offset.or(r.offset);
        }
        let mut p = r.to_published();
        p.text = text.to_string();
        return Some(p);
    }
    None
}

/// The first full (day, month, year) date in the body; failing that, the first
/// year-less date with a weekday ("Selasa (9 April)"), resolved against the reference.
pub(crate) fn from_body<'a>(
    ex: &Extractor,
    paragraphs: impl Iterator<Item = &'a str>,
    reference: Option<NaiveDate>,
) -> Option<PublishedDate> {
    let mut budget = MAX_BODY_BYTES;
    let mut backup: Option<DateMention> = None;
    for p in paragraphs {
        if budget == 0 {
            break;
        }
        let cut = super::names::floor_boundary(p, budget);
        budget -= cut;
        let Some(p) = p.get(..cut) else { break };
        for m in ex.dates.find(p) {
            let full = m.year.is_some() && m.month.is_some() && m.day.is_some();
            if full {
                if let Some(r) = ex.dates.resolve(&m, reference) {
                    return Some(r.to_published());
                }
            } else if backup.is_none()
                && m.weekday.is_some()
                && m.day.is_some()
                && m.month.is_some()
                && m.relative.is_none()
            {
                backup = Some(m);
            }
        }
    }
    backup
        .and_then(|m| ex.dates.resolve(&m, reference))
        .map(|r| r.to_published())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert!(shaped_like_date("Sabtu 04 Feb 2023 15:34 WIB"));
        assert!(shaped_like_date("Kamis, 12-03-2024 | 10.05"));
        assert!(!shaped_like_date("G20 Summit 2023 in Bali 15"));
        assert!(!shaped_like_date(
            "Tahun 2023 penuh tantangan bagi kita semua"
        ));
        assert!(!shaped_like_date("2023"));
    }
}
