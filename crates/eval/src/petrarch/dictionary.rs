//! Readers for the unit tests' own actor, agent and discard dictionaries
//! (`PETR.Validate.actors.txt`, `PETR.Validate.agents.txt`,
//! `PETR.Validate.discards.txt`), in the TABARI/PETRARCH text formats.
//!
//! The unit tests live in a fictional world (Arnor, Gondor, Mordor …), so no knowledge
//! base can supply their actors: the harness reads these files and locates the names
//! itself (see [`super::mentions`]).
//!
//! # Supported features
//!
//! Actors (`NAME [CODE]`):
//! * `_` and spaces both separate words; a trailing `_` (TABARI's "no stem") is
//!   dropped: names match whole words, case-insensitively, as PETRARCH-2 matches them.
//!   TABARI's stem matching of names without a trailing `_` (`ARGENTIN` for
//!   "Argentina") is **not** supported — PETRARCH-2 does not do it either.
//! * `+SYNONYM` lines after an entry add names with the entry's codes.
//! * Codes on the entry line or on following indented lines, several per entry, with
//!   date restrictions `[CODE <D]` (before D), `[CODE >D]` (on or after D),
//!   `[CODE D1-D2]` (D1..=D2), D as `YYYYMMDD` or `YYMMDD` (years 30–99 are 19xx); the
//!   first restriction that holds on the record date wins, an unrestricted code is the
//!   default.
//! * Compound codes `[FRO/BIL/SAM]` (one name standing for several actors) are kept
//!   as written; the harness splits them when it scores.
//! * `#` comments (whole-line and trailing), `<!-- … -->` comments over several lines,
//!   and other `<…>` lines are skipped. `[---]` codes mean "no actor" and are skipped.
//!
//! Agents (`NAME {PLURALS} [CODE]`):
//! * `[~GOV]` appends the code to the actor's (`Arnor soldiers` → `ARNMIL`), `[NGO~]`
//!   puts it before (`MSF Arnor` → `NGOARN`).
//! * `{}` means no plural; `{A B}` lists the plurals; otherwise a regular English
//!   plural of the last word is formed (`-s`, `-es` after s/x/z/ch/sh, `-ies` after a
//!   consonant + y, `man` → `men`).
//! * `!SET! = A, B, C` substitution sets, used inside names (`CONGRESS!PERSON!`,
//!   `!MINST!_OF_SILLY_WALKS`), expanded to every member.
//!
//! Discards: one phrase per line, `+` for story-level (both reject the one-sentence
//! record here), `#` comments.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;

use super::PetrarchError;

/// A date restriction on an actor code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Restriction {
    /// Always.
    Always,
    /// Strictly before the date.
    Before(NaiveDate),
    /// On or after the date.
    After(NaiveDate),
    /// Within the range, both ends included.
    Between(NaiveDate, NaiveDate),
}

impl Restriction {
    /// Whether the restriction holds on `date` (an undated record takes only
    /// unrestricted codes).
    pub fn holds(self, date: Option<NaiveDate>) -> bool {
        match (self, date) {
            (Restriction::Always, _) => true,
            (_, None) => false,
            (Restriction::Before(d), Some(x)) => x < d,
            (Restriction::After(d), Some(x)) => x >= d,
            (Restriction::Between(a, b), Some(x)) => a <= x && x <= b,
        }
    }
}

/// One code of an actor entry with its restriction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedCode {
    /// The code ("HOBGOV", "FRO/BIL/SAM").
    pub code: String,
    /// When it applies.
    pub when: Restriction,
}

/// One actor entry: its names and codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorEntry {
    /// The names, as lower-case word sequences.
    pub names: Vec<Vec<String>>,
    /// The codes, in file order.
    pub codes: Vec<DatedCode>,
}

impl ActorEntry {
    /// The code on `date`: the first restricted code that holds, else the first
    /// unrestricted one.
    pub fn code_on(&self, date: Option<NaiveDate>) -> Option<&str> {
        self.codes
            .iter()
            .find(|c| c.when != Restriction::Always && c.when.holds(date))
            .or_else(|| self.codes.iter().find(|c| c.when == Restriction::Always))
            .map(|c| c.code.as_str())
    }
}

/// Where an agent's code goes relative to the actor's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgentPlace {
    /// `[~GOV]`: after the actor code.
    Suffix,
    /// `[NGO~]`: before it.
    Prefix,
}

/// One agent noun (all its forms share the code).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentEntry {
    /// The code without `~` ("GOV", "GOVFRM", "NGO").
    pub code: String,
    /// Where it goes.
    pub place: AgentPlace,
}

/// A phrase dictionary: lower-case word sequences → entry index, with longest-match
/// lookup.
#[derive(Debug, Clone, Default)]
pub struct Phrases {
    by_first: HashMap<String, Vec<(Vec<String>, usize)>>,
}

impl Phrases {
    fn insert(&mut self, words: Vec<String>, entry: usize) {
        let Some(first) = words.first().cloned() else {
            return;
        };
        let list = self.by_first.entry(first).or_default();
        if !list.iter().any(|(w, _)| *w == words) {
            list.push((words, entry));
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
    }

    /// The longest phrase starting at `words[0]`: (length in words, entry).
    pub fn longest(&self, words: &[String]) -> Option<(usize, usize)> {
        let first = words.first()?;
        self.by_first.get(first)?.iter().find_map(|(p, e)| {
            (words.len() >= p.len() && words[..p.len()] == p[..]).then_some((p.len(), *e))
        })
    }

    /// Number of distinct phrases.
    pub fn len(&self) -> usize {
        self.by_first.values().map(Vec::len).sum()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }
}

/// The actor dictionary.
#[derive(Debug, Clone, Default)]
pub struct Actors {
    /// The entries.
    pub entries: Vec<ActorEntry>,
    /// Every name → its entry.
    pub phrases: Phrases,
}

/// The agent dictionary.
#[derive(Debug, Clone, Default)]
pub struct Agents {
    /// The entries.
    pub entries: Vec<AgentEntry>,
    /// Every form (singular, plurals, substitution expansions) → its entry.
    pub phrases: Phrases,
}

/// The discard phrases.
#[derive(Debug, Clone, Default)]
pub struct Discards {
    /// Lower-case word sequences.
    pub phrases: Vec<Vec<String>>,
}

impl Discards {
    /// Whether the (lower-cased, tokenised) text contains a discard phrase.
    pub fn hits(&self, words: &[String]) -> Option<String> {
        self.phrases.iter().find_map(|p| {
            (!p.is_empty() && words.windows(p.len()).any(|w| w == &p[..])).then(|| p.join(" "))
        })
    }
}

/// Words of a dictionary name: `_` and spaces separate, case folded, trailing dots
/// dropped (as the tokeniser drops them).
pub fn name_words(name: &str) -> Vec<String> {
    name.split(|c: char| c == '_' || c.is_whitespace())
        .map(normalise_word)
        .filter(|w| !w.is_empty())
        .collect()
}

/// How a word is compared: lower case, trailing dots dropped ("U.S." = "u.s").
pub fn normalise_word(w: &str) -> String {
    w.trim_end_matches('.').to_lowercase()
}

fn read(path: &Path) -> Result<String, PetrarchError> {
    std::fs::read(path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .map_err(|source| PetrarchError::Io {
            path: path.to_path_buf(),
            source,
        })
}

/// Lines of a dictionary with `<!-- … -->` blocks, other `<…>` lines and `#`
/// comments removed (kept as empty lines so line numbers stay right).
fn clean_lines(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_comment = false;
    for line in text.lines() {
        let mut l = line.to_string();
        if in_comment {
            match l.find("-->") {
                Some(i) => {
                    in_comment = false;
                    l = l[i + 3..].to_string();
                }
                None => {
                    out.push(String::new());
                    continue;
                }
            }
        }
        if let Some(i) = l.find("<!--") {
            match l[i..].find("-->") {
                Some(_) => l = String::new(),
                None => {
                    in_comment = true;
                    l = l[..i].to_string();
                }
            }
        }
        if l.trim_start().starts_with('<') {
            l = String::new();
        }
        let kept = super::verbs::uncomment(&l).len();
        l.truncate(kept);
        out.push(l.trim_end().to_string());
    }
    out
}

/// `YYYYMMDD` or `YYMMDD`.
fn parse_dict_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if !s.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let full = match s.len() {
        8 => s.to_string(),
        6 => {
            let yy: u32 = s.get(..2)?.parse().ok()?;
            let century = if yy >= 30 { "19" } else { "20" };
            format!("{century}{s}")
        }
        _ => return None,
    };
    NaiveDate::parse_from_str(&full, "%Y%m%d").ok()
}

/// The inside of one `[…]` actor code group.
fn parse_code_group(inner: &str) -> Result<DatedCode, String> {
    let inner = inner.trim();
    let (code, rest) = match inner.find(char::is_whitespace) {
        Some(i) => (&inner[..i], inner[i..].trim()),
        None => (inner, ""),
    };
    // `[HOB<950601]` would also be legal: split a restriction glued to the code.
    let (code, rest) = match code.find(['<', '>']) {
        Some(i) if rest.is_empty() => (&code[..i], &code[i..]),
        _ => (code, rest),
    };
    let compact: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
    let bad = || format!("bad date restriction `{rest}` for {code}");
    let when = if compact.is_empty() {
        Restriction::Always
    } else if let Some(d) = compact.strip_prefix('<') {
        Restriction::Before(parse_dict_date(d).ok_or_else(bad)?)
    } else if let Some(d) = compact.strip_prefix('>') {
        Restriction::After(parse_dict_date(d).ok_or_else(bad)?)
    } else if let Some((a, b)) = compact.split_once('-') {
        Restriction::Between(
            parse_dict_date(a).ok_or_else(bad)?,
            parse_dict_date(b).ok_or_else(bad)?,
        )
    } else {
        return Err(bad());
    };
    Ok(DatedCode {
        code: code.to_string(),
        when,
    })
}

/// Split `NAME [C1] [C2 <D]` into the name and the code groups' insides.
fn split_codes(line: &str) -> Result<(String, Vec<String>), String> {
    let (name, mut rest) = match line.find('[') {
        Some(i) => (line[..i].to_string(), &line[i..]),
        None => (line.to_string(), ""),
    };
    let mut groups = Vec::new();
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']') else {
            return Err(format!("unclosed `[` in `{}`", line.trim()));
        };
        groups.push(rest[open + 1..open + close].to_string());
        rest = &rest[open + close + 1..];
    }
    Ok((name, groups))
}

/// Parse an actor dictionary's text.
pub fn parse_actors(text: &str) -> Result<Actors, String> {
    let mut entries: Vec<ActorEntry> = Vec::new();
    let mut open = false;
    for (n, line) in clean_lines(text).iter().enumerate() {
        let at = |m: String| format!("line {}: {m}", n + 1);
        if line.trim().is_empty() {
            continue;
        }
        let indented = line.starts_with(char::is_whitespace);
        let trimmed = line.trim();
        let (name, groups) = split_codes(trimmed).map_err(at)?;
        let mut codes = Vec::new();
        for g in &groups {
            let c = parse_code_group(g).map_err(at)?;
            if c.code != "---" && !c.code.is_empty() {
                codes.push(c);
            } else if c.when == Restriction::Always {
                // `[---]` alone: the name is known but codes as nothing.
            } else {
                // `[--- <950630]`: before the date the name codes as nothing; keep the
                // restriction so a later default does not apply then.
                codes.push(DatedCode {
                    code: String::new(),
                    when: c.when,
                });
            }
        }
        let name = name.trim();
        if indented && name.is_empty() {
            let Some(e) = entries.last_mut().filter(|_| open) else {
                return Err(at("codes without an entry".into()));
            };
            e.codes.extend(codes);
        } else if let Some(syn) = name.strip_prefix('+') {
            let Some(e) = entries.last_mut().filter(|_| open) else {
                return Err(at(format!("synonym `{syn}` without an entry")));
            };
            let words = name_words(syn);
            if !words.is_empty() {
                e.names.push(words);
            }
            e.codes.extend(codes);
        } else {
            let words = name_words(name);
            if words.is_empty() {
                return Err(at(format!("entry without a name: `{trimmed}`")));
            }
            entries.push(ActorEntry {
                names: vec![words],
                codes,
            });
            open = true;
        }
    }
    let mut phrases = Phrases::default();
    for (i, e) in entries.iter().enumerate() {
        for n in &e.names {
            phrases.insert(n.clone(), i);
        }
    }
    Ok(Actors { entries, phrases })
}

/// Regular English plural of a word.
pub fn plural(word: &str) -> String {
    let lower = word.to_lowercase();
    if let Some(stem) = lower.strip_suffix("man") {
        return format!("{stem}men");
    }
    if lower.ends_with(['s', 'x', 'z']) || lower.ends_with("ch") || lower.ends_with("sh") {
        return format!("{lower}es");
    }
    if let Some(stem) = lower.strip_suffix('y')
        && !stem.ends_with(['a', 'e', 'i', 'o', 'u'])
    {
        return format!("{stem}ies");
    }
    format!("{lower}s")
}

/// Expand `!SET!` markers in a name to every member.
fn expand_sets(name: &str, sets: &HashMap<String, Vec<String>>) -> Vec<String> {
    let Some(start) = name.find('!') else {
        return vec![name.to_string()];
    };
    let Some(len) = name[start + 1..].find('!') else {
        return vec![name.to_string()];
    };
    let key = &name[start..start + len + 2];
    let Some(members) = sets.get(key) else {
        return vec![name.to_string()];
    };
    let mut out = Vec::new();
    for m in members {
        let replaced = format!("{}{}{}", &name[..start], m, &name[start + len + 2..]);
        out.extend(expand_sets(&replaced, sets));
    }
    out
}

/// Parse an agent dictionary's text.
pub fn parse_agents(text: &str) -> Result<Agents, String> {
    let lines = clean_lines(text);
    let mut sets: HashMap<String, Vec<String>> = HashMap::new();
    let mut entries = Vec::new();
    let mut phrases = Phrases::default();
    for (n, line) in lines.iter().enumerate() {
        let at = |m: String| format!("line {}: {m}", n + 1);
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if line.starts_with('!')
            && let Some((key, members)) = line.split_once('=')
        {
            sets.insert(
                key.trim().to_string(),
                members
                    .split(',')
                    .map(|m| m.trim().to_string())
                    .filter(|m| !m.is_empty())
                    .collect(),
            );
            continue;
        }
        let (head, groups) = split_codes(line).map_err(at)?;
        let Some(group) = groups.first() else {
            return Err(at(format!("agent without a code: `{line}`")));
        };
        let code: String = group.chars().filter(|c| !c.is_whitespace()).collect();
        let (code, place) = if let Some(c) = code.strip_prefix('~') {
            (c.to_string(), AgentPlace::Suffix)
        } else if let Some(c) = code.strip_suffix('~') {
            (c.to_string(), AgentPlace::Prefix)
        } else {
            return Err(at(format!("agent code without `~`: `{code}`")));
        };
        let (name, plurals) = match head.find('{') {
            Some(i) => {
                let close = head[i..]
                    .find('}')
                    .ok_or_else(|| at(format!("unclosed `{{` in `{line}`")))?;
                let inside = &head[i + 1..i + close];
                (
                    head[..i].trim().to_string(),
                    Some(
                        inside
                            .split_whitespace()
                            .map(str::to_string)
                            .collect::<Vec<_>>(),
                    ),
                )
            }
            None => (head.trim().to_string(), None),
        };
        if name.is_empty() {
            return Err(at(format!("agent without a name: `{line}`")));
        }
        let idx = entries.len();
        entries.push(AgentEntry { code, place });
        for form in expand_sets(&name, &sets) {
            let words = name_words(&form);
            let Some(last) = words.last() else { continue };
            let mut forms = vec![words.clone()];
            match &plurals {
                Some(list) => {
                    for p in list {
                        forms.extend(expand_sets(p, &sets).iter().map(|p| name_words(p)));
                    }
                }
                None => {
                    let mut pl = words.clone();
                    if let Some(l) = pl.last_mut() {
                        *l = plural(last);
                    }
                    forms.push(pl);
                }
            }
            for f in forms.into_iter().filter(|f| !f.is_empty()) {
                phrases.insert(f, idx);
            }
        }
    }
    Ok(Agents { entries, phrases })
}

/// Parse a discards file's text.
pub fn parse_discards(text: &str) -> Discards {
    let phrases = clean_lines(text)
        .iter()
        .map(|l| l.trim().trim_start_matches('+').trim().to_string())
        .filter(|l| !l.is_empty())
        .map(|l| {
            l.split(|c: char| c == '_' || c.is_whitespace())
                .map(normalise_word)
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
        })
        .filter(|p| !p.is_empty())
        .collect();
    Discards { phrases }
}

/// Load an actor dictionary file.
pub fn load_actors(path: &Path) -> Result<Actors, PetrarchError> {
    parse_actors(&read(path)?).map_err(|message| PetrarchError::Dictionary {
        path: path.to_path_buf(),
        message,
    })
}

/// Load an agent dictionary file.
pub fn load_agents(path: &Path) -> Result<Agents, PetrarchError> {
    parse_agents(&read(path)?).map_err(|message| PetrarchError::Dictionary {
        path: path.to_path_buf(),
        message,
    })
}

/// Load a discards file.
pub fn load_discards(path: &Path) -> Result<Discards, PetrarchError> {
    Ok(parse_discards(&read(path)?))
}
