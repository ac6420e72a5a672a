//! Wire credits: whole credit lines ("sumber : Reuters", "Sumber : CNA/SL",
//! "(ANTARA)") and crediting phrases in the body ("menurut kantor berita TASS",
//! "seperti dikutip Interfax", "told Reuters").
//!
//! A bare mention of an agency is not a credit: only the data's crediting phrases
//! count, and photo credits never reach this reader (they are removed first).
//! Body scanning runs each crediting phrase once over the text, so its cost stays
//! linear.

use warta_model::Wire;

use super::Rules;

/// Longest line read as a credit line.
const MAX_CREDIT_LINE_BYTES: usize = 200;

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

/// Every agency credited by a phrase in `text`: (byte offset of the phrase, wire),
/// each agency once (its first credit; among credits ending at the same name, the
/// longest phrase).
///
/// Each phrase regex makes one pass over the text, so the cost is linear in the text
/// however many agency names it mentions.
pub(crate) fn scan_body(rules: &Rules, text: &str) -> Vec<(usize, Wire)> {
    let mut hits: Vec<(usize, usize, std::ops::Range<usize>, &str)> = Vec::new();
    for re in &rules.credit_phrases {
        for c in re.captures_iter(text) {
            let (Some(all), Some(w)) = (c.get(0), c.name("wire")) else {
                continue;
            };
            if let Some(canon) = rules.wires.canonical(w.as_str()) {
                hits.push((w.start(), all.start(), all.range(), canon));
            }
        }
    }
    hits.sort_by_key(|(wire_at, start, _, _)| (*wire_at, *start));
    let mut out: Vec<(usize, Wire)> = Vec::new();
    for (_, start, range, canon) in hits {
        if out.iter().any(|(_, w)| w.name == canon) {
            continue;
        }
        let phrase = text.get(range).unwrap_or("").trim();
        out.push((
            start,
            Wire {
                name: canon.to_string(),
                text: phrase.to_string(),
            },
        ));
    }
    out
}
