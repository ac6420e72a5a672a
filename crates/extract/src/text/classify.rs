//! The shape of a text dump: where the body starts, the headline, the header zone
//! above the body, repeated lines, date lines.
//!
//! The body starts at the lede: the paragraph carrying a dateline, else the first
//! prose paragraph that is not printed again later (a caption copy of the lede is).
//! Lines above it form the header zone: headline, deck, captions, date, site chrome.
//! What the rules did not classify there is judged by position and shape:
//!
//! * above the headline: a multi-word line is an ad (a lone product name), a single
//!   word is site chrome (an unknown rubric);
//! * below it: a line printed twice is a caption (`photo_credit`), a short label
//!   line of at most four words with no final punctuation is a tag line
//!   (`site_chrome`), anything else (a standfirst) stays in the body.
//!
//! Below the last prose paragraph, once a boilerplate label ("Berita Terkait") has
//! been seen, short unpunctuated lines are teaser lists (`related`, `navigation`).

use warta_model::RemovedClass;

use super::dedupe::Groups;
use crate::Extractor;
use crate::meta::dateline::{self, Dateline};
use crate::meta::findings::Findings;
use crate::meta::lines::Line;
use crate::meta::names::{ends_sentence, headline_like, key, prose_like, word_count};
use crate::meta::published;

/// A dateline is looked for in this many first unclassified lines.
const MAX_DATELINE_LINES: usize = 60;
/// A dateline may come this many lines after the first lede-like paragraph (a
/// standfirst may precede the dated lede).
const DATELINE_AFTER_LEDE: usize = 2;
/// A headline with fewer words than this is weak: a later repeated or longer one wins.
const STRONG_HEADLINE_WORDS: usize = 4;
/// Longest tag line.
const TAG_LINE_WORDS: usize = 4;
/// Longest date-only line inside the body.
const BODY_DATE_LINE_WORDS: usize = 8;
/// Fewest words of a lede.
const LEDE_MIN_WORDS: usize = 8;

/// Classify the structure of a text dump's lines (after the whole-line rules).
///
/// `known_title` is a headline given from outside the text (a JSONL field): it is not
/// guessed again, and the line printing it is removed as `title`.
pub(crate) fn structure(
    ex: &Extractor,
    lines: &mut [Line],
    found: &mut Findings,
    known_title: Option<&str>,
) {
    let body: Vec<usize> = body_indices(lines);
    let mut datelines: Vec<(usize, Dateline)> = Vec::new();
    for &i in body.iter().take(MAX_DATELINE_LINES) {
        let Some(line) = lines.get(i) else { continue };
        if let Some(d) = dateline::find(&ex.rules, &line.text)
            && prose_like(line.text.get(d.end..).unwrap_or(""))
        {
            datelines.push((i, d));
        }
    }
    let keys: Vec<String> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if !l.is_body() {
                return String::new();
            }
            match datelines.iter().find(|(d, _)| *d == i) {
                Some((_, d)) => key(l.text.get(d.end..).unwrap_or("")),
                None => key(&l.text),
            }
        })
        .collect();
    let groups = Groups::new(&keys);

    let start = body_start(lines, &body, &datelines, &groups);
    if let Some(pos) = datelines.iter().position(|(i, _)| *i == start) {
        let (_, d) = datelines.swap_remove(pos);
        if let Some(line) = lines.get_mut(start) {
            dateline::apply(line, start, d, found);
        }
    }

    groups.mark_body_repeats(lines, start);
    let header: Vec<usize> = body.iter().copied().filter(|&i| i < start).collect();
    let body_zone: Vec<usize> = body.iter().copied().filter(|&i| i >= start).collect();
    groups.mark_deck_prefixes(lines, &header, &body_zone);

    for &h in &header {
        let Some(line) = lines.get_mut(h).filter(|l| l.is_body()) else {
            continue;
        };
        if let Some(t) = published::date_line(ex, &line.text, true) {
            line.class = Some(RemovedClass::Date);
            found.dates.push((h, t));
        }
    }

    let title = match known_title {
        Some(t) => find_known_title(lines, &body, t),
        None => pick_title(lines, &header, &groups),
    };
    if let Some(line) = title.and_then(|t| lines.get_mut(t)) {
        line.class = Some(RemovedClass::Title);
        if known_title.is_none() {
            found.title = Some(line.text.clone());
        }
    }

    for &h in &header {
        let members = groups.members(h);
        let Some(line) = lines.get_mut(h).filter(|l| l.is_body()) else {
            continue;
        };
        let repeated = members.len() > 1;
        if repeated && (title.is_some_and(|t| members.contains(&t)) || members.last() != Some(&h)) {
            line.class = Some(RemovedClass::Duplicate);
            continue;
        }
        let words = word_count(&line.text);
        line.class = match title {
            Some(t) if h < t => Some(if words >= 2 {
                RemovedClass::Ad
            } else {
                RemovedClass::SiteChrome
            }),
            _ if repeated => Some(RemovedClass::PhotoCredit),
            _ if words <= TAG_LINE_WORDS && !ends_sentence(&line.text) => {
                Some(RemovedClass::SiteChrome)
            }
            _ => None,
        };
    }

    mark_footer(lines, &body_zone);

    for &i in &body_zone {
        let Some(line) = lines.get_mut(i).filter(|l| l.is_body()) else {
            continue;
        };
        if word_count(&line.text) > BODY_DATE_LINE_WORDS || line.text.ends_with('.') {
            continue;
        }
        if let Some(t) = published::date_line(ex, &line.text, false) {
            line.class = Some(RemovedClass::Date);
            found.dates.push((i, t));
        }
    }
}

/// Teaser lists after the article: once the last prose paragraph is followed by a
/// boilerplate label ("Berita Terkait", "Most Read"), the short unpunctuated lines
/// after it are teaser headlines (`related`) or menu items (`navigation`).
fn mark_footer(lines: &mut [Line], body_zone: &[usize]) {
    let Some(&last_prose) = body_zone.iter().rev().find(|&&i| {
        lines
            .get(i)
            .is_some_and(|l| l.is_body() && prose_like(&l.text))
    }) else {
        return;
    };
    let mut in_footer = false;
    for line in lines.iter_mut().skip(last_prose + 1) {
        match line.class {
            Some(
                RemovedClass::Related
                | RemovedClass::Navigation
                | RemovedClass::Comments
                | RemovedClass::Share
                | RemovedClass::Ad,
            ) => in_footer = true,
            None if in_footer && !ends_sentence(&line.text) && !prose_like(&line.text) => {
                line.class = Some(if headline_like(&line.text) {
                    RemovedClass::Related
                } else {
                    RemovedClass::Navigation
                });
            }
            _ => {}
        }
    }
}

fn body_indices(lines: &[Line]) -> Vec<usize> {
    lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.is_body())
        .map(|(i, _)| i)
        .collect()
}

/// The first line of the body: the dated lede, else the first lede-like paragraph not
/// repeated later, else the first unclassified line.
fn body_start(
    lines: &[Line],
    body: &[usize],
    datelines: &[(usize, Dateline)],
    groups: &Groups<'_>,
) -> usize {
    let mut first_lede: Option<usize> = None;
    for (n, &i) in body.iter().enumerate() {
        if first_lede.is_some_and(|f| n > f + DATELINE_AFTER_LEDE) {
            break;
        }
        if datelines.iter().any(|(d, _)| *d == i) {
            return i;
        }
        if first_lede.is_none()
            && lines.get(i).is_some_and(|l| lede_like(&l.text))
            && !groups.repeated_later(i)
        {
            first_lede = Some(n);
        }
    }
    first_lede
        .and_then(|n| body.get(n))
        .or(body.first())
        .copied()
        .unwrap_or(lines.len())
}

/// A paragraph that reads like a lede: enough words and a full stop at the end
/// (possibly inside a closing quote). A headline ending in "?" or "!" is not one.
fn lede_like(s: &str) -> bool {
    if word_count(s) < LEDE_MIN_WORDS {
        return false;
    }
    let t = s
        .trim_end()
        .trim_end_matches(['"', '”', '’', '\'', ')', '»']);
    t.ends_with('.') || t.ends_with('…') || word_count(s) >= 30
}

/// The first line printing a headline known from outside the text.
fn find_known_title(lines: &[Line], body: &[usize], title: &str) -> Option<usize> {
    let k = key(title);
    if k.is_empty() {
        return None;
    }
    body.iter().copied().find(|&i| {
        lines
            .get(i)
            .is_some_and(|l| l.is_body() && key(&l.text) == k)
    })
}

/// The headline: the first strong headline-shaped line of the header (4+ words, or
/// printed again), else the first headline-shaped one.
fn pick_title(lines: &[Line], header: &[usize], groups: &Groups<'_>) -> Option<usize> {
    let candidates: Vec<usize> = header
        .iter()
        .copied()
        .filter(|&h| {
            lines
                .get(h)
                .is_some_and(|l| l.is_body() && headline_like(&l.text))
        })
        .collect();
    candidates
        .iter()
        .copied()
        .find(|&h| {
            lines
                .get(h)
                .is_some_and(|l| word_count(&l.text) >= STRONG_HEADLINE_WORDS)
                || groups.members(h).len() > 1
        })
        .or(candidates.first().copied())
}
