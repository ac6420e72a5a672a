//! Dateline prefixes of a lede: "REPUBLIKA.CO.ID, SHANGHAI --", "Beijing | EGINDO.co –",
//! "Jakarta, Purna Warta …", "Jakarta (ANTARA) -", "WASHINGTON (Reuters) -".
//!
//! The shapes are regexes in the data (`datelines` in `metadata.toml`) with named
//! groups `city`, `outlet` and `wire`; this module cuts the matched prefix, title-cases
//! the city and maps the outlet and agency to their canonical names.

use warta_model::{Removed, RemovedClass, Wire};

use super::Rules;
use super::findings::{Findings, Priority};
use super::lines::Line;
use super::names::{floor_boundary, starts_sentence, title_case_caps};

/// How far into a paragraph a dateline is looked for.
const WINDOW_BYTES: usize = 240;
/// Longest dateline prefix accepted.
const MAX_PREFIX_BYTES: usize = 120;

/// A dateline found at the start of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Dateline {
    /// Byte length of the prefix (including the separator and following spaces).
    pub end: usize,
    /// The prefix as printed, trimmed ("REPUBLIKA.CO.ID, SHANGHAI --").
    pub prefix: String,
    /// The city, title-cased.
    pub city: Option<String>,
    /// The outlet, canonical where known.
    pub outlet: Option<String>,
    /// An agency in the dateline, with its printed form.
    pub wire: Option<Wire>,
}

/// The dateline at the start of `text`, if any. The rest of the paragraph must start
/// like a sentence, so a headline such as "NATO – …" is not mistaken for one. Every
/// pattern is tried: patterns of several languages may read the same prefix, and the
/// reading that names an outlet beats one that sees only a city.
pub(crate) fn find(rules: &Rules, text: &str) -> Option<Dateline> {
    let window = text.get(..floor_boundary(text, WINDOW_BYTES))?;
    let mut best: Option<(u8, Dateline)> = None;
    for re in &rules.datelines {
        let Some(d) = read(rules, re, window, text) else {
            continue;
        };
        // The most informative reading wins (an outlet, then an agency, then a city
        // alone); among equals, the first pattern.
        let rank = match (&d.outlet, &d.wire) {
            (Some(_), _) => 3,
            (None, Some(_)) => 2,
            (None, None) => 1,
        };
        if best.as_ref().is_none_or(|(r, _)| rank > *r) {
            best = Some((rank, d));
        }
    }
    best.map(|(_, d)| d)
}

/// One pattern's reading of the paragraph start.
fn read(rules: &Rules, re: &regex::Regex, window: &str, text: &str) -> Option<Dateline> {
    let c = re.captures(window)?;
    let all = c.get(0)?;
    if all.start() != 0 || all.end() == 0 || all.end() > MAX_PREFIX_BYTES {
        return None;
    }
    let rest = text.get(all.end()..).unwrap_or("").trim_start();
    if !starts_sentence(rest) {
        return None;
    }
    let city = c
        .name("city")
        .map(|m| title_case_caps(m.as_str().trim()))
        .filter(|s| !s.is_empty());
    let mut outlet = c
        .name("outlet")
        .map(|m| rules.display_outlet(m.as_str().trim()));
    let mut wire = None;
    if let Some(w) = c.name("wire") {
        let printed = w.as_str().trim();
        match rules.wires.canonical(printed) {
            Some(name) => {
                wire = Some(Wire {
                    name: name.to_string(),
                    text: format!("({printed})"),
                })
            }
            None => {
                if outlet.is_none() {
                    outlet = Some(rules.display_outlet(printed));
                }
            }
        }
    }
    Some(Dateline {
        end: all.end(),
        prefix: all.as_str().trim().to_string(),
        city,
        outlet,
        wire,
    })
}

/// Cut a dateline from a line and record what it says.
pub(crate) fn apply(line: &mut Line, index: usize, d: Dateline, found: &mut Findings) {
    let rest = line.text.get(d.end..).unwrap_or("").trim().to_string();
    line.before.push(Removed {
        text: d.prefix,
        class: RemovedClass::Dateline,
    });
    line.text = rest;
    if let Some(o) = d.outlet {
        found.add_outlet(Priority::Dateline, index, o);
    }
    if let Some(w) = d.wire {
        found.add_outlet(Priority::DatelineWire, index, w.name.clone());
        found.add_wire(index, 0, w);
    }
    if found.dateline_city.is_none() {
        found.dateline_city = d.city;
    }
}
