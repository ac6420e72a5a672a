//! Lines under classification, the whole-line readers applied to each, and fragments
//! glued to a paragraph's edges.
//!
//! A [`Line`] is a paragraph of a text dump or one HTML block.

use regex::Regex;
use warta_model::{Removed, RemovedClass};

use super::byline;
use super::credits;
use super::findings::{Findings, Priority};
use super::markup::clean_line;
use super::names::{ceil_boundary, floor_boundary};
use super::rules::{Edge, Evidence};
use super::{Mode, Rules};
use crate::BlockKind;

pub(crate) use super::linerules::MAX_RULE_BYTES;
/// How far into a paragraph a glued fragment is looked for.
const FRAGMENT_WINDOW_BYTES: usize = 300;

/// A paragraph (text dump) or block (HTML) being classified.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    /// The cleaned text; what is left of it once fragments and a dateline are cut.
    pub text: String,
    /// Structural role from the front end.
    pub kind: BlockKind,
    /// Why the whole line is removed; `None` while it is body.
    pub class: Option<RemovedClass>,
    /// Fragments cut from the start (logo text, dateline), in order.
    pub before: Vec<Removed>,
    /// Fragments cut from the end.
    pub after: Vec<Removed>,
}

impl Line {
    /// Clean `raw` (tags, entities, spaces). A line with no letter or digit left is
    /// removed as `markup`, keeping what was printed for the audit.
    pub(crate) fn new(raw: &str, kind: BlockKind) -> Line {
        let cleaned = clean_line(raw);
        let has_text = cleaned.text.chars().any(char::is_alphanumeric);
        Line {
            text: if has_text {
                cleaned.text
            } else {
                super::markup::normalise_space(raw)
            },
            kind,
            class: (!has_text).then_some(RemovedClass::Markup),
            before: Vec::new(),
            after: Vec::new(),
        }
    }

    /// True while the line is body.
    pub(crate) fn is_body(&self) -> bool {
        self.class.is_none()
    }
}

/// A fragment rule: text glued to a paragraph's start or end.
#[derive(Debug)]
pub(crate) struct Fragment {
    /// Class of the cut fragment.
    pub class: RemovedClass,
    /// Which end.
    pub at: Edge,
    /// The pattern; for `End` it must reach the end of the paragraph, for `Start` begin
    /// at its start.
    pub regex: Regex,
    /// What an `outlet` capture says.
    pub evidence: Option<Evidence>,
}

/// Apply the whole-line readers to every unclassified line, in this order: wire
/// credit lines, class rules, bylines; then cut glued fragments from what is left.
/// Outlet evidence from branding phrases is read from every line, removed or not.
pub(crate) fn apply_rules(rules: &Rules, lines: &mut [Line], mode: Mode, found: &mut Findings) {
    for (i, line) in lines.iter_mut().enumerate() {
        if !line.is_body() {
            continue;
        }
        read_branding(rules, i, &line.text, found);
        if let Some(wires) = credits::parse_line(rules, &line.text) {
            line.class = Some(RemovedClass::Source);
            for w in wires {
                found.add_wire(i, 0, w);
            }
            continue;
        }
        if let Some(m) = rules.lines.match_line(&line.text, mode) {
            line.class = Some(m.class);
            if let Some((ev, name)) = m.outlet {
                found.add_outlet(Priority::from(ev), i, rules.display_outlet(&name));
            }
            continue;
        }
        if let Some(b) = byline::parse(rules, &line.text) {
            line.class = Some(RemovedClass::Byline);
            found.add_byline(i, b);
            continue;
        }
        strip_fragments(rules, i, line, found);
    }
}

/// Outlets a line names through a branding phrase.
fn read_branding(rules: &Rules, i: usize, text: &str, found: &mut Findings) {
    if rules.branding.is_empty() || text.len() > MAX_RULE_BYTES {
        return;
    }
    if rules.outlets.find_iter(text).next().is_none() {
        return;
    }
    for re in &rules.branding {
        if let Some(name) = re.captures(text).and_then(|c| c.name("outlet")) {
            found.add_outlet(Priority::Branding, i, rules.display_outlet(name.as_str()));
        }
    }
}

/// Cut fragment rules' matches from the line's start and end. A line left empty is
/// removed whole with the fragment's class.
pub(crate) fn strip_fragments(rules: &Rules, i: usize, line: &mut Line, found: &mut Findings) {
    for f in &rules.fragments {
        if !line.is_body() {
            return;
        }
        let text = line.text.as_str();
        let cut = match f.at {
            Edge::Start => {
                let window = text
                    .get(..floor_boundary(text, FRAGMENT_WINDOW_BYTES))
                    .unwrap_or("");
                f.regex
                    .captures(window)
                    .filter(|c| c.get(0).is_some_and(|m| m.start() == 0 && m.end() > 0))
                    .and_then(|c| {
                        Some((
                            c.get(0)?.range(),
                            c.name("outlet").map(|o| o.as_str().to_string()),
                        ))
                    })
            }
            Edge::End => {
                let start = ceil_boundary(text, text.len().saturating_sub(FRAGMENT_WINDOW_BYTES));
                let window = text.get(start..).unwrap_or("");
                f.regex
                    .captures_iter(window)
                    .find(|c| {
                        c.get(0)
                            .is_some_and(|m| m.end() == window.len() && m.start() < m.end())
                    })
                    .and_then(|c| {
                        let m = c.get(0)?;
                        Some((
                            start + m.start()..start + m.end(),
                            c.name("outlet").map(|o| o.as_str().to_string()),
                        ))
                    })
            }
        };
        let Some((range, outlet)) = cut else {
            continue;
        };
        let fragment = text.get(range.clone()).unwrap_or("").trim().to_string();
        let rest = match f.at {
            Edge::Start => text.get(range.end..).unwrap_or(""),
            Edge::End => text.get(..range.start).unwrap_or(""),
        }
        .trim()
        .to_string();
        if let (Some(ev), Some(name)) = (f.evidence, outlet) {
            found.add_outlet(Priority::from(ev), i, rules.display_outlet(&name));
        }
        if rest.chars().any(char::is_alphanumeric) {
            let removed = Removed {
                text: fragment,
                class: f.class,
            };
            match f.at {
                Edge::Start => line.before.push(removed),
                Edge::End => line.after.insert(0, removed),
            }
            line.text = rest;
        } else {
            line.class = Some(f.class);
        }
    }
}
