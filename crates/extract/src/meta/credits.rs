//! Wire credits: whole credit lines ("sumber : Reuters", "Sumber : CNA/SL",
//! "(ANTARA)") and crediting phrases in the body ("menurut kantor berita TASS",
//! "seperti dikutip Interfax", "told Reuters").
//!
//! A bare mention of an agency is not a credit: only the data's crediting phrases
//! count, and photo credits never reach this reader (they are removed first).
//! Body scanning finds agency names with one alternation and then tries the phrases
//! only in a bounded window around each name, so its cost stays linear.

use warta_model::Wire;

use super::Rules;
use super::names::{ceil_boundary, floor_boundary};

/// Longest line read as a credit line.
const MAX_CREDIT_LINE_BYTES: usize = 200;
/// How far before an agency name a crediting phrase may start.
const WINDOW_BEFORE: usize = 240;
/// How far after an agency name a crediting phrase may end.
const WINDOW_AFTER: usize = 120;

/// Read a whole-line credit; `Some` (possibly with no known agency) when the line is
/// one.
pub(crate) fn parse_line(rules: &Rules, line: &str) -> Option<Vec<Wire>> {
    if line.len() > MAX_CREDIT_LINE_BYTES || rules.credit_lines.is_empty() {
        return None;
    }
    for re in &rules.credit_lines {
        let Some(c) = re.captures(line) else {
            continue;
        };
        let credit = c.name("credit").map_or(line, |m| m.as_str());
        let mut wires: Vec<Wire> = Vec::new();
        for token in credit.split(['/', ',', ';', '&', '|', '+']) {
            for name in split_joined(rules, token) {
                let name = name
                    .trim()
                    .trim_matches(|c: char| matches!(c, '.' | '(' | ')' | '-'));
                let canon = rules
                    .wires
                    .canonical(name)
                    .or_else(|| rules.wires.within(name));
                if let Some(canon) = canon
                    && !wires.iter().any(|w| w.name == canon)
                {
                    wires.push(Wire {
                        name: canon.to_string(),
                        text: line.trim().to_string(),
                    });
                }
            }
        }
        return Some(wires);
    }
    None
}

/// Split a credit token at joiner words ("Reuters dan AFP").
fn split_joined(rules: &Rules, token: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    for w in token.split_whitespace() {
        if rules.bylines_joiner(w) {
            if !cur.is_empty() {
                out.push(cur.join(" "));
            }
            cur.clear();
        } else {
            cur.push(w);
        }
    }
    if !cur.is_empty() {
        out.push(cur.join(" "));
    }
    out
}

/// Every agency credited by a phrase in `text`: (byte offset of the phrase, wire).
/// Agencies already in `skip` are not looked for again.
pub(crate) fn scan_body(rules: &Rules, text: &str, skip: &[String]) -> Vec<(usize, Wire)> {
    let mut out: Vec<(usize, Wire)> = Vec::new();
    if rules.credit_phrases.is_empty() {
        return out;
    }
    for m in rules.wires.find_iter(text) {
        let Some(canon) = rules.wires.canonical(m.as_str()) else {
            continue;
        };
        if skip.iter().any(|s| s == canon) || out.iter().any(|(_, w)| w.name == canon) {
            continue;
        }
        let lo = floor_boundary(text, m.start().saturating_sub(WINDOW_BEFORE));
        let hi = ceil_boundary(text, m.end().saturating_add(WINDOW_AFTER));
        let Some(window) = text.get(lo..hi) else {
            continue;
        };
        let mut best: Option<std::ops::Range<usize>> = None;
        for re in &rules.credit_phrases {
            for c in re.captures_iter(window) {
                let (Some(all), Some(w)) = (c.get(0), c.name("wire")) else {
                    continue;
                };
                if lo + w.start() != m.start() {
                    continue;
                }
                if best.as_ref().is_none_or(|b| all.start() < b.start) {
                    best = Some(all.range());
                }
            }
        }
        if let Some(r) = best {
            let phrase = window.get(r.clone()).unwrap_or("").trim();
            out.push((
                lo + r.start,
                Wire {
                    name: canon.to_string(),
                    text: phrase.to_string(),
                },
            ));
        }
    }
    out
}
