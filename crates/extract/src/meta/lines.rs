//! Lines under classification, whole-line class rules, and fragments glued to a
//! paragraph's edges.
//!
//! A [`Line`] is a paragraph of a text dump or one HTML block. The whole-line rules
//! of every language are one [`regex::RegexSet`], so a line is tested against all of
//! them in a single pass; the first rule (in file order) that matches wins.

use regex::{Regex, RegexSet};
use warta_model::{Removed, RemovedClass};

use super::byline;
use super::credits;
use super::findings::{Findings, Priority};
use super::markup::clean_line;
use super::names::{ceil_boundary, floor_boundary, word_count};
use super::rules::{Compiler, Edge, Evidence, RuleSpec, Scope, build_set, invalid};
use super::{Mode, Rules};
use crate::{BlockKind, ExtractError};

/// Lines longer than this are never boilerplate: whole-line rules skip them, which
/// also bounds the cost of a pathological multi-megabyte line.
pub(crate) const MAX_RULE_BYTES: usize = 1200;
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

/// A whole-line class rule after compilation.
#[derive(Debug)]
struct LineRule {
    class: RemovedClass,
    max_words: Option<usize>,
    scope: Scope,
    evidence: Option<Evidence>,
}

/// One pattern of the set: its rule, and its own regex when it captures an outlet.
#[derive(Debug)]
struct PatternRef {
    rule: usize,
    capture: Option<Regex>,
}

/// All whole-line rules as one regex set.
#[derive(Debug, Default)]
pub(crate) struct LineRules {
    set: Option<RegexSet>,
    patterns: Vec<PatternRef>,
    rules: Vec<LineRule>,
}

/// What a whole-line rule said about a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LineMatch {
    /// The class.
    pub class: RemovedClass,
    /// An outlet named by the line, with how much it counts.
    pub outlet: Option<(Evidence, String)>,
}

impl LineRules {
    /// The class of the first rule matching the whole line, if any.
    pub(crate) fn match_line(&self, text: &str, mode: Mode) -> Option<LineMatch> {
        if text.len() > MAX_RULE_BYTES {
            return None;
        }
        let set = self.set.as_ref()?;
        let words = word_count(text);
        for idx in set.matches(text).iter() {
            let Some(p) = self.patterns.get(idx) else {
                continue;
            };
            let Some(rule) = self.rules.get(p.rule) else {
                continue;
            };
            if rule.scope == Scope::Text && mode == Mode::Html {
                continue;
            }
            if rule.max_words.is_some_and(|m| words > m) {
                continue;
            }
            let outlet = match (&p.capture, rule.evidence) {
                (Some(re), Some(ev)) => re
                    .captures(text)
                    .and_then(|c| c.name("outlet"))
                    .map(|m| (ev, m.as_str().trim().to_string()))
                    .filter(|(_, s)| !s.is_empty()),
                _ => None,
            };
            return Some(LineMatch {
                class: rule.class,
                outlet,
            });
        }
        None
    }
}

/// Collects rule patterns in file order before compiling the set.
#[derive(Default)]
pub(crate) struct LineRulesBuilder {
    sources: Vec<String>,
    patterns: Vec<PatternRef>,
    rules: Vec<LineRule>,
}

/// Chars allowed around an exact line or before a prefix: spaces, punctuation and
/// symbols (bullets, arrows, colons).
const DECORATION: &str = r"[\s\p{P}\p{S}]*";

impl LineRulesBuilder {
    /// Add one `[[rule]]` of a file.
    pub(crate) fn add(&mut self, c: &Compiler<'_>, spec: &RuleSpec) -> Result<(), ExtractError> {
        let rule = self.rules.len();
        self.rules.push(LineRule {
            class: c.class(&spec.class)?,
            max_words: spec.max_words,
            scope: spec.scope,
            evidence: spec.outlet,
        });
        for e in spec.exact.iter().filter(|e| !e.trim().is_empty()) {
            let lit = super::rules::literal(e);
            self.push(format!("(?i)^{DECORATION}{lit}{DECORATION}$"), rule, None);
        }
        for p in spec.prefix.iter().filter(|e| !e.trim().is_empty()) {
            let lit = super::rules::literal(p);
            let ends_in_word = p
                .trim_end()
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            let boundary = if ends_in_word {
                r"(?:$|[^\p{L}\p{N}])"
            } else {
                ""
            };
            self.push(format!("(?i)^{DECORATION}{lit}{boundary}"), rule, None);
        }
        for r in &spec.regex {
            let expanded = c.expand(r)?;
            let capture = if expanded.contains("(?P<outlet>") || expanded.contains("(?<outlet>") {
                Some(c.regex(r)?)
            } else {
                // Validate now so the error names this pattern, not the whole set.
                super::rules::build_regex(&expanded)
                    .map_err(|e| invalid(c.path, format!("pattern `{r}`: {e}")))?;
                None
            };
            self.push(expanded, rule, capture);
        }
        Ok(())
    }

    fn push(&mut self, source: String, rule: usize, capture: Option<Regex>) {
        self.sources.push(source);
        self.patterns.push(PatternRef { rule, capture });
    }

    /// Compile the set.
    pub(crate) fn build(self) -> Result<LineRules, ExtractError> {
        let set = build_set(&self.sources).map_err(|e| invalid("line rules", e))?;
        Ok(LineRules {
            set: Some(set),
            patterns: self.patterns,
            rules: self.rules,
        })
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
