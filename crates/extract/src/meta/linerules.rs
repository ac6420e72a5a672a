//! Whole-line class rules (`[[rule]]` in `boilerplate.toml`), compiled for speed.
//!
//! `exact` and `prefix` phrases are not regexes: a line's leading words (alphanumeric
//! runs, lower-cased) are looked up in hash maps, which costs a few word comparisons
//! per line however many phrases the data holds. Only the `regex` entries go into one
//! [`RegexSet`], which tests a line against all of them in a single pass. Big Unicode
//! classes around hundreds of phrases would otherwise make the set's automaton too
//! large for its fast lazy DFA. The first rule in file order that matches wins.

use std::collections::HashMap;

use regex::{Regex, RegexSet};
use warta_model::RemovedClass;

use super::Mode;
use super::names::word_count;
use super::rules::{Compiler, Evidence, RuleSpec, Scope, build_regex, build_set, invalid};
use crate::ExtractError;

/// Lines longer than this are never boilerplate: whole-line rules skip them, which
/// also bounds the cost of a pathological multi-megabyte line.
pub(crate) const MAX_RULE_BYTES: usize = 1200;

/// A whole-line class rule after compilation.
#[derive(Debug)]
struct LineRule {
    class: RemovedClass,
    max_words: Option<usize>,
    scope: Scope,
    evidence: Option<Evidence>,
}

impl LineRule {
    fn applies(&self, words: usize, mode: Mode) -> bool {
        !(self.scope == Scope::Text && mode == Mode::Html)
            && self.max_words.is_none_or(|m| words <= m)
    }
}

/// One regex of the set: its position in file order, its rule, and its own regex
/// when it captures an outlet.
#[derive(Debug)]
struct RegexRef {
    order: usize,
    rule: usize,
    capture: Option<Regex>,
}

/// A prefix phrase: position in file order, rule, and the punctuation that must
/// follow its words when the phrase ends in one ("Berita Lainnya:").
#[derive(Debug)]
struct PrefixRef {
    order: usize,
    rule: usize,
    punct: Option<String>,
}

/// All whole-line rules.
#[derive(Debug, Default)]
pub(crate) struct LineRules {
    /// Words of an exact phrase → (order, rule); the earliest phrase keeps a key.
    exact: HashMap<String, (usize, usize)>,
    /// Words of a prefix phrase → its entries.
    prefix: HashMap<String, Vec<PrefixRef>>,
    /// Most words in an exact phrase.
    max_exact_words: usize,
    /// Most words in a prefix phrase.
    max_prefix_words: usize,
    set: Option<RegexSet>,
    regexes: Vec<RegexRef>,
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
    /// The class of the first rule (in file order) matching the whole line, if any.
    pub(crate) fn match_line(&self, text: &str, mode: Mode) -> Option<LineMatch> {
        if text.len() > MAX_RULE_BYTES {
            return None;
        }
        let words = word_count(text);
        let applies = |rule: usize| self.rules.get(rule).is_some_and(|r| r.applies(words, mode));
        // (order, rule, regex index when it came from the set)
        let mut best: Option<(usize, usize, Option<usize>)> = None;
        let mut offer = |order: usize, rule: usize, re: Option<usize>| {
            if applies(rule) && best.is_none_or(|(o, _, _)| order < o) {
                best = Some((order, rule, re));
            }
        };

        let limit = self.max_exact_words.max(self.max_prefix_words) + 1;
        let toks = leading_words(text, limit);
        if !toks.is_empty() && toks.len() <= self.max_exact_words {
            let key = join_words(&toks, toks.len());
            if let Some(&(order, rule)) = self.exact.get(&key) {
                offer(order, rule, None);
            }
        }
        let mut key = String::new();
        for (k, (word, end)) in toks.iter().enumerate().take(self.max_prefix_words) {
            if k > 0 {
                key.push(' ');
            }
            key.push_str(word);
            for p in self.prefix.get(&key).into_iter().flatten() {
                let after = text.get(*end..).unwrap_or("").trim_start();
                if p.punct
                    .as_deref()
                    .is_none_or(|punct| after.starts_with(punct))
                {
                    offer(p.order, p.rule, None);
                }
            }
        }
        if let Some(set) = &self.set {
            for idx in set.matches(text).iter() {
                if let Some(r) = self.regexes.get(idx) {
                    offer(r.order, r.rule, Some(idx));
                }
            }
        }

        let (_, rule_idx, re_idx) = best?;
        let rule = self.rules.get(rule_idx)?;
        let capture = re_idx
            .and_then(|i| self.regexes.get(i))
            .and_then(|r| r.capture.as_ref());
        let outlet = match (capture, rule.evidence) {
            (Some(re), Some(ev)) => re
                .captures(text)
                .and_then(|c| c.name("outlet"))
                .map(|m| (ev, m.as_str().trim().to_string()))
                .filter(|(_, s)| !s.is_empty()),
            _ => None,
        };
        Some(LineMatch {
            class: rule.class,
            outlet,
        })
    }
}

/// The first `limit` words of `text` (alphanumeric runs, lower-cased) with the byte
/// offset where each ends.
fn leading_words(text: &str, limit: usize) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    let mut cur = String::new();
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            cur.extend(c.to_lowercase());
        } else if !cur.is_empty() {
            out.push((std::mem::take(&mut cur), i));
            if out.len() >= limit {
                return out;
            }
        }
    }
    if !cur.is_empty() {
        out.push((cur, text.len()));
    }
    out
}

fn join_words(toks: &[(String, usize)], n: usize) -> String {
    toks.iter()
        .take(n)
        .map(|(w, _)| w.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The words of a phrase, as [`leading_words`] would read them.
fn phrase_words(phrase: &str) -> Vec<String> {
    leading_words(phrase, usize::MAX)
        .into_iter()
        .map(|(w, _)| w)
        .collect()
}

/// Collects rules in file order before compiling.
#[derive(Default)]
pub(crate) struct LineRulesBuilder {
    built: LineRules,
    sources: Vec<String>,
    order: usize,
}

impl LineRulesBuilder {
    /// Add one `[[rule]]` of a file.
    pub(crate) fn add(&mut self, c: &Compiler<'_>, spec: &RuleSpec) -> Result<(), ExtractError> {
        let rule = self.built.rules.len();
        self.built.rules.push(LineRule {
            class: c.class(&spec.class)?,
            max_words: spec.max_words,
            scope: spec.scope,
            evidence: spec.outlet,
        });
        for e in &spec.exact {
            let words = phrase_words(e);
            if words.is_empty() {
                continue;
            }
            self.built.max_exact_words = self.built.max_exact_words.max(words.len());
            let order = self.next();
            self.built
                .exact
                .entry(words.join(" "))
                .or_insert((order, rule));
        }
        for p in &spec.prefix {
            let words = phrase_words(p);
            if words.is_empty() {
                continue;
            }
            self.built.max_prefix_words = self.built.max_prefix_words.max(words.len());
            let punct = p
                .trim_end()
                .rsplit(|ch: char| ch.is_alphanumeric())
                .next()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string);
            let order = self.next();
            self.built
                .prefix
                .entry(words.join(" "))
                .or_default()
                .push(PrefixRef { order, rule, punct });
        }
        for r in &spec.regex {
            let expanded = c.expand(r)?;
            // Compile alone too, so an error names this pattern rather than the set.
            let single = build_regex(&expanded)
                .map_err(|e| invalid(c.path, format!("pattern `{r}`: {e}")))?;
            let captures = expanded.contains("(?P<outlet>") || expanded.contains("(?<outlet>");
            let order = self.next();
            self.sources.push(expanded);
            self.built.regexes.push(RegexRef {
                order,
                rule,
                capture: captures.then_some(single),
            });
        }
        Ok(())
    }

    fn next(&mut self) -> usize {
        self.order += 1;
        self.order
    }

    /// Compile the set.
    pub(crate) fn build(mut self) -> Result<LineRules, ExtractError> {
        if !self.sources.is_empty() {
            let set = build_set(&self.sources).map_err(|e| invalid("line rules", e))?;
            self.built.set = Some(set);
        }
        Ok(self.built)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// (class, exact, prefix, regex)
    type Spec<'a> = (&'a str, Vec<&'a str>, Vec<&'a str>, Vec<&'a str>);

    fn rules(toml_rules: &[Spec<'_>]) -> LineRules {
        let ph = BTreeMap::new();
        let c = Compiler {
            path: "t.toml",
            placeholders: &ph,
            outlet_alt: "(?:X)",
            wire_alt: "(?:Y)",
        };
        let mut b = LineRulesBuilder::default();
        for (class, exact, prefix, regex) in toml_rules {
            let spec = RuleSpec {
                class: class.to_string(),
                exact: exact.iter().map(|s| s.to_string()).collect(),
                prefix: prefix.iter().map(|s| s.to_string()).collect(),
                regex: regex.iter().map(|s| s.to_string()).collect(),
                max_words: None,
                scope: Scope::All,
                outlet: None,
            };
            b.add(&c, &spec).unwrap();
        }
        b.build().unwrap()
    }

    fn class(r: &LineRules, line: &str) -> Option<&'static str> {
        r.match_line(line, Mode::Text).map(|m| m.class.as_str())
    }

    #[test]
    fn exact_prefix_regex_and_order() {
        let r = rules(&[
            ("related", vec![], vec!["Baca Juga", "Lainnya:"], vec![]),
            ("share", vec!["Bagikan"], vec![], vec![r"(?i)^ikuti\b"]),
            ("ad", vec!["Baca Juga Ini"], vec![], vec![]),
        ]);
        assert_eq!(class(&r, "• Bagikan :"), Some("share"));
        assert_eq!(class(&r, "BAGIKAN"), Some("share"));
        assert_eq!(class(&r, "Bagikan sekarang"), None);
        assert_eq!(class(&r, "Baca juga: judul lain"), Some("related"));
        assert_eq!(
            class(&r, "Baca Juga Ini"),
            Some("related"),
            "earlier rule wins"
        );
        assert_eq!(class(&r, "Bacaan juga"), None);
        assert_eq!(class(&r, "Lainnya: x"), Some("related"));
        assert_eq!(class(&r, "Lainnya x"), None, "the colon is required");
        assert_eq!(class(&r, "Ikuti kami"), Some("share"));
        assert_eq!(class(&r, ""), None);
    }
}
