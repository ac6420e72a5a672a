//! The per-language rule files (`lang/<code>/boilerplate.toml`,
//! `lang/<code>/metadata.toml`) and their compilation into [`Rules`].
//!
//! Every pattern is compiled once here. Rules of all languages are merged because
//! pages mix languages (an Indonesian article under an English comment form). The
//! file formats are documented in `data/README.md`, section "Line rules and
//! metadata".

use std::collections::BTreeMap;

use regex::{Regex, RegexBuilder};
use serde::Deserialize;
use warta_langdata::{DataDir, DataError};
use warta_model::RemovedClass;

use super::byline::Bylines;
use super::linerules::{LineRules, LineRulesBuilder};
use super::lines::Fragment;
use super::tables::NameTable;
use crate::ExtractError;

/// File name of the line-class rules inside a language folder.
pub const BOILERPLATE_FILE: &str = "boilerplate.toml";
/// File name of the metadata rules inside a language folder.
pub const METADATA_FILE: &str = "metadata.toml";

/// Compiled size limit per regex: tables of outlet names make alternations large.
const REGEX_SIZE_LIMIT: usize = 32 * 1024 * 1024;
/// Lazy DFA cache per regex.
const DFA_SIZE_LIMIT: usize = 8 * 1024 * 1024;

/// Boilerplate classes and metadata patterns of every language, compiled once and
/// shared by all worker threads.
#[derive(Debug, Default)]
pub struct Rules {
    /// Whole-line classes.
    pub(crate) lines: LineRules,
    /// Fragments glued to the start or end of a body paragraph.
    pub(crate) fragments: Vec<Fragment>,
    /// Byline labels and name shapes.
    pub(crate) bylines: Bylines,
    /// Dateline prefixes, in priority order.
    pub(crate) datelines: Vec<Regex>,
    /// Whole-line wire credits ("sumber : Reuters").
    pub(crate) credit_lines: Vec<Regex>,
    /// Crediting phrases in the body ("menurut kantor berita TASS").
    pub(crate) credit_phrases: Vec<Regex>,
    /// Phrases in which a page names its own outlet ("… news logo").
    pub(crate) branding: Vec<Regex>,
    /// Labels before a printed date ("Diperbarui:"), anchored at line start.
    pub(crate) date_labels: Option<Regex>,
    /// Known outlets.
    pub(crate) outlets: NameTable,
    /// Known news agencies.
    pub(crate) wires: NameTable,
    /// Languages whose files were loaded.
    languages: Vec<String>,
}

impl Rules {
    /// Load `lang/*/boilerplate.toml` and `lang/*/metadata.toml` of every language
    /// folder (a language may lack either file). A malformed file or pattern is an
    /// error naming the file, so a typo is caught at start-up.
    pub fn load(data: &DataDir) -> Result<Rules, ExtractError> {
        let mut boiler = Vec::new();
        let mut meta = Vec::new();
        for code in data.languages() {
            let bp = format!("lang/{code}/{BOILERPLATE_FILE}");
            if let Some(text) = data.read_optional(&bp)? {
                boiler.push((bp.clone(), parse::<BoilerplateFile>(&bp, &text)?));
            }
            let mp = format!("lang/{code}/{METADATA_FILE}");
            if let Some(text) = data.read_optional(&mp)? {
                meta.push((mp.clone(), parse::<MetadataFile>(&mp, &text)?));
            }
        }
        Rules::compile(boiler, meta)
    }

    /// Load rules from in-memory file contents, for tests and tools: `(path, text)`
    /// pairs of boilerplate and metadata files.
    pub fn from_sources(
        boilerplate: &[(&str, &str)],
        metadata: &[(&str, &str)],
    ) -> Result<Rules, ExtractError> {
        let boiler = boilerplate
            .iter()
            .map(|(p, t)| Ok((p.to_string(), parse::<BoilerplateFile>(p, t)?)))
            .collect::<Result<Vec<_>, ExtractError>>()?;
        let meta = metadata
            .iter()
            .map(|(p, t)| Ok((p.to_string(), parse::<MetadataFile>(p, t)?)))
            .collect::<Result<Vec<_>, ExtractError>>()?;
        Rules::compile(boiler, meta)
    }

    /// The language folders whose rule files were loaded, in load order.
    pub fn languages(&self) -> &[String] {
        &self.languages
    }

    fn compile(
        boiler: Vec<(String, BoilerplateFile)>,
        meta: Vec<(String, MetadataFile)>,
    ) -> Result<Rules, ExtractError> {
        let mut rules = Rules::default();
        for (_, file) in &meta {
            for o in &file.outlets {
                rules.outlets.add(&o.name, &o.printed, &o.hosts);
            }
            for w in &file.wires {
                rules.wires.add(&w.name, &w.printed, &[]);
            }
        }
        rules
            .outlets
            .compile()
            .map_err(|e| invalid("outlet table", e))?;
        rules
            .wires
            .compile()
            .map_err(|e| invalid("wire table", e))?;
        let outlet_alt = rules.outlets.alternation();
        let wire_alt = rules.wires.alternation();

        let mut line_rules = LineRulesBuilder::default();
        for (path, file) in &boiler {
            let c = Compiler {
                path,
                placeholders: &file.placeholders,
                outlet_alt: &outlet_alt,
                wire_alt: &wire_alt,
            };
            for spec in &file.rules {
                line_rules.add(&c, spec)?;
            }
            for spec in &file.fragments {
                let class = c.class(&spec.class)?;
                for pattern in &spec.regex {
                    rules.fragments.push(Fragment {
                        class,
                        at: spec.at,
                        regex: c.regex(pattern)?,
                        evidence: spec.outlet,
                    });
                }
            }
            remember(&mut rules.languages, path);
        }
        rules.lines = line_rules.build()?;

        let mut labels = Vec::new();
        let mut joiners = Vec::new();
        let mut particles = Vec::new();
        let mut not_names = Vec::new();
        let mut date_labels = Vec::new();
        for (path, file) in &meta {
            let c = Compiler {
                path,
                placeholders: &file.placeholders,
                outlet_alt: &outlet_alt,
                wire_alt: &wire_alt,
            };
            for p in &file.datelines {
                rules.datelines.push(c.regex(p)?);
            }
            for p in &file.branding {
                rules.branding.push(c.regex(p)?);
            }
            for p in &file.credits.lines {
                rules.credit_lines.push(c.regex(p)?);
            }
            for p in &file.credits.phrases {
                rules.credit_phrases.push(c.regex(p)?);
            }
            labels.extend(file.byline.labels.iter().cloned());
            joiners.extend(file.byline.joiners.iter().cloned());
            particles.extend(file.byline.particles.iter().cloned());
            not_names.extend(file.byline.not_names.iter().cloned());
            date_labels.extend(file.dates.labels.iter().cloned());
            remember(&mut rules.languages, path);
        }
        rules.bylines = Bylines::build(&labels, &joiners, &particles, &not_names)
            .map_err(|e| invalid("byline labels", e))?;
        if !date_labels.is_empty() {
            let alt = literal_alternation(&date_labels);
            let re = build_regex(&format!(r"(?i)^(?:{alt})\s*:?\s*"))
                .map_err(|e| invalid("date labels", e))?;
            rules.date_labels = Some(re);
        }
        Ok(rules)
    }
}

/// Record the language code of a data path (`lang/<code>/…`) once.
fn remember(langs: &mut Vec<String>, path: &str) {
    if let Some(code) = path.split('/').nth(1)
        && !langs.iter().any(|l| l == code)
    {
        langs.push(code.to_string());
    }
}

fn parse<T: for<'de> Deserialize<'de>>(path: &str, text: &str) -> Result<T, ExtractError> {
    toml::from_str(text).map_err(|e| invalid(path, e))
}

/// An invalid-data error naming the file (or table) and the problem.
pub(crate) fn invalid(path: &str, message: impl std::fmt::Display) -> ExtractError {
    ExtractError::Data(DataError::Invalid {
        path: path.to_string(),
        message: message.to_string(),
    })
}

/// Compile with the limits every rule regex shares.
pub(crate) fn build_regex(pattern: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern)
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(DFA_SIZE_LIMIT)
        .build()
}

/// Compile a set with the limits every rule regex shares.
pub(crate) fn build_set(patterns: &[String]) -> Result<regex::RegexSet, regex::Error> {
    regex::RegexSetBuilder::new(patterns)
        .size_limit(REGEX_SIZE_LIMIT)
        .dfa_size_limit(DFA_SIZE_LIMIT)
        .build()
}

/// A case-insensitive alternation of literal phrases, longest first; spaces match any
/// whitespace.
pub(crate) fn literal_alternation(items: &[String]) -> String {
    let mut items: Vec<&String> = items.iter().filter(|s| !s.trim().is_empty()).collect();
    items.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    items.dedup();
    items
        .iter()
        .map(|s| literal(s))
        .collect::<Vec<_>>()
        .join("|")
}

/// A literal phrase as a regex: each word escaped, spaces match any whitespace.
pub(crate) fn literal(s: &str) -> String {
    s.split_whitespace()
        .map(regex::escape)
        .collect::<Vec<_>>()
        .join(r"\s+")
}

/// Expands placeholders and compiles the patterns of one data file.
pub(crate) struct Compiler<'a> {
    /// The file, for error messages.
    pub path: &'a str,
    /// The file's own `[placeholders]`.
    pub placeholders: &'a BTreeMap<String, String>,
    /// `{outlet}`: every printed outlet name.
    pub outlet_alt: &'a str,
    /// `{wire}`: every printed agency name.
    pub wire_alt: &'a str,
}

impl Compiler<'_> {
    /// The class named in the file.
    pub fn class(&self, name: &str) -> Result<RemovedClass, ExtractError> {
        RemovedClass::parse(name)
            .ok_or_else(|| invalid(self.path, format!("unknown class `{name}`")))
    }

    /// Expand `{outlet}`, `{wire}` and the file's placeholders, and make `\b` an ASCII
    /// word boundary (a Unicode `\b` forces the regex engine off its fast DFA on
    /// non-ASCII text such as curly quotes).
    pub fn expand(&self, pattern: &str) -> Result<String, ExtractError> {
        let with_names = self.substitute(pattern, true)?;
        Ok(ascii_boundaries(&with_names))
    }

    /// Expand and compile one pattern.
    pub fn regex(&self, pattern: &str) -> Result<Regex, ExtractError> {
        let expanded = self.expand(pattern)?;
        build_regex(&expanded).map_err(|e| invalid(self.path, format!("pattern `{pattern}`: {e}")))
    }

    fn substitute(&self, pattern: &str, allow_user: bool) -> Result<String, ExtractError> {
        let mut out = String::with_capacity(pattern.len());
        let mut rest = pattern;
        while let Some(open) = rest.find('{') {
            let (head, tail) = rest.split_at(open);
            out.push_str(head);
            let name_len = tail
                .get(1..)
                .unwrap_or("")
                .find(|c: char| !(c.is_ascii_lowercase() || c == '_'))
                .unwrap_or(0);
            let is_name =
                name_len > 0 && tail.get(1 + name_len..).is_some_and(|t| t.starts_with('}'));
            let escaped = head.ends_with('\\') && !head.ends_with("\\\\");
            if !is_name || escaped {
                out.push('{');
                rest = tail.get(1..).unwrap_or("");
                continue;
            }
            let name = tail.get(1..1 + name_len).unwrap_or("");
            match name {
                "outlet" => out.push_str(self.outlet_alt),
                "wire" => out.push_str(self.wire_alt),
                _ => match self.placeholders.get(name) {
                    Some(value) if allow_user => {
                        let inner = self.substitute(value, false)?;
                        out.push_str("(?:");
                        out.push_str(&inner);
                        out.push(')');
                    }
                    _ => {
                        return Err(invalid(
                            self.path,
                            format!("unknown placeholder `{{{name}}}` in `{pattern}`"),
                        ));
                    }
                },
            }
            rest = tail.get(name_len + 2..).unwrap_or("");
        }
        out.push_str(rest);
        Ok(out)
    }
}

/// Rewrite `\b` and `\B` as their ASCII forms.
pub(crate) fn ascii_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b') => out.push_str(r"(?-u:\b)"),
            Some('B') => out.push_str(r"(?-u:\B)"),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// `lang/<code>/boilerplate.toml`.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct BoilerplateFile {
    #[serde(default)]
    placeholders: BTreeMap<String, String>,
    #[serde(default, rename = "rule")]
    rules: Vec<RuleSpec>,
    #[serde(default, rename = "fragment")]
    fragments: Vec<FragmentSpec>,
}

/// One `[[rule]]`: a class and the lines that get it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RuleSpec {
    /// Removal class name (`related`, `ad`, …).
    pub class: String,
    /// Whole lines, case-insensitive, ignoring surrounding punctuation.
    #[serde(default)]
    pub exact: Vec<String>,
    /// Line starts, case-insensitive, ending at a word boundary.
    #[serde(default)]
    pub prefix: Vec<String>,
    /// Regexes, matched anywhere in the line unless anchored.
    #[serde(default)]
    pub regex: Vec<String>,
    /// Only lines with at most this many words.
    #[serde(default)]
    pub max_words: Option<usize>,
    /// Where the rule applies.
    #[serde(default)]
    pub scope: Scope,
    /// What an `outlet` capture group of the rule's regexes says about the outlet.
    #[serde(default)]
    pub outlet: Option<Evidence>,
}

/// Which front ends a rule applies to.
#[derive(Debug, Deserialize, Default, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Plain-text dumps and HTML blocks.
    #[default]
    All,
    /// Plain-text dumps only (too risky on HTML blocks, which are already filtered).
    Text,
}

/// How strongly a captured outlet name identifies the article's outlet.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// The article's own branding (a logo glued into the body, a "from <outlet>" line).
    Branding,
    /// The hosting site's chrome (a bare site name at the top).
    Chrome,
}

/// One `[[fragment]]`: text glued to a paragraph's start or end.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FragmentSpec {
    class: String,
    at: Edge,
    regex: Vec<String>,
    #[serde(default)]
    outlet: Option<Evidence>,
}

/// Which end of a paragraph a fragment sticks to.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Edge {
    /// The paragraph's start.
    Start,
    /// The paragraph's end.
    End,
}

/// `lang/<code>/metadata.toml`.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct MetadataFile {
    #[serde(default)]
    placeholders: BTreeMap<String, String>,
    #[serde(default)]
    datelines: Vec<String>,
    #[serde(default)]
    branding: Vec<String>,
    #[serde(default)]
    byline: BylineSpec,
    #[serde(default)]
    credits: CreditSpec,
    #[serde(default)]
    dates: DateSpec,
    #[serde(default, rename = "outlet")]
    outlets: Vec<OutletSpec>,
    #[serde(default, rename = "wire")]
    wires: Vec<WireSpec>,
}

/// `[byline]`.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct BylineSpec {
    #[serde(default)]
    not_names: Vec<String>,
    #[serde(default)]
    labels: Vec<LabelSpec>,
    #[serde(default)]
    joiners: Vec<String>,
    #[serde(default)]
    particles: Vec<String>,
}

/// One byline label and the role it gives.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(crate) struct LabelSpec {
    /// The label as printed ("Rep", "Penulis", "By").
    pub text: String,
    /// The role it gives (`reporter`, `editor`, …).
    pub role: String,
    /// True (the default) when the label is followed by a colon; false for "By".
    #[serde(default = "default_true")]
    pub colon: bool,
}

fn default_true() -> bool {
    true
}

/// `[credits]`.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct CreditSpec {
    #[serde(default)]
    lines: Vec<String>,
    #[serde(default)]
    phrases: Vec<String>,
}

/// `[dates]`.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct DateSpec {
    #[serde(default)]
    labels: Vec<String>,
}

/// One `[[outlet]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OutletSpec {
    name: String,
    #[serde(default)]
    printed: Vec<String>,
    #[serde(default)]
    hosts: Vec<String>,
}

/// One `[[wire]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WireSpec {
    name: String,
    #[serde(default)]
    printed: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compiler(ph: &BTreeMap<String, String>) -> Compiler<'_> {
        Compiler {
            path: "test.toml",
            placeholders: ph,
            outlet_alt: "(?:OUT)",
            wire_alt: "(?:WIRE)",
        }
    }

    #[test]
    fn placeholders_expand_and_repetitions_stay() {
        let mut ph = BTreeMap::new();
        ph.insert("dash".to_string(), "[-–]{1,2}".to_string());
        let c = compiler(&ph);
        assert_eq!(
            c.expand(r"^{outlet}\s*{dash}\s*{wire}\b x{2,3}").unwrap(),
            r"^(?:OUT)\s*(?:[-–]{1,2})\s*(?:WIRE)(?-u:\b) x{2,3}"
        );
        assert!(c.expand("{nope}").is_err());
        assert_eq!(c.expand(r"\{dash}").unwrap(), r"\{dash}");
    }

    #[test]
    fn bad_class_and_regex_are_typed_errors() {
        let ph = BTreeMap::new();
        let c = compiler(&ph);
        assert!(matches!(
            c.class("nonsense"),
            Err(ExtractError::Data(DataError::Invalid { .. }))
        ));
        assert!(c.regex("(unclosed").is_err());
        let err = Rules::from_sources(
            &[(
                "x/boilerplate.toml",
                "[[rule]]\nclass = 'nope'\nexact = ['a']",
            )],
            &[],
        );
        assert!(err.is_err());
        let err = Rules::from_sources(&[], &[("x/metadata.toml", "bogus = 1")]);
        assert!(err.is_err());
    }

    #[test]
    fn boundaries_rewrite() {
        assert_eq!(ascii_boundaries(r"\bA\B\\b\d"), r"(?-u:\b)A(?-u:\B)\\b\d");
    }
}
