//! Actor mentions of a unit-test sentence, built from the test dictionaries as
//! [`warta_model::Entity`] values for the event coder.
//!
//! PETRARCH codes an actor per noun phrase: the actor names in it, combined with the
//! agent nouns around them ("Arnor soldiers" → `ARNMIL`, "the government of Gondor" →
//! `GONGOV`, "MSF Arnor diplomat" → `NGOARNGOV`, a bare "officials" → `---GOV`). The
//! harness does the same with a small chunker over the sentence's words, because the
//! coder under test takes actor mentions as input and has no agent dictionary:
//!
//! * names and agent nouns are found by longest match, case-insensitively, names
//!   winning over agents where they start at the same word;
//! * an agent joins a preceding mention across a possessive `'s` and up to three
//!   modifier words ("Ithilen's awful and evil minister");
//! * an actor joins a preceding agent directly ("minister Calimehtar", "MSF Arnor") or
//!   after `of`/`in`/`from` ("lawmakers in Fornost"), and then every actor coordinated
//!   with it ("ambassadors of Arnor, Osgiliath and Gondor");
//! * agents coordinated with `and` are alternatives ("media and government");
//! * "former" in the phrase replaces the agent codes with `ELI`.
//!
//! A phrase becomes **one** entity spanning it, whose `kb_id` lists every code it
//! stands for separated by `/` (`FORLEG/GONLEG/FORGOV/GONGOV`, and the dictionary's
//! own compound codes such as `FRO/BIL/SAM`); the scorer splits them. Plain
//! coordinations of actors ("Mordor, Rohan, Fornost and Bree") stay separate entities:
//! compound subjects are the coder's job, and the COMPOUND category tests it.

use chrono::NaiveDate;
use warta_model::Entity;

use super::dictionary::{Actors, AgentPlace, Agents, normalise_word};

/// A word of the sentence with its char offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// As printed.
    pub text: String,
    /// Normalised for matching (lower case, trailing dots dropped).
    pub norm: String,
    /// Char offset of the first char.
    pub start: usize,
    /// Char offset one past the last char.
    pub end: usize,
}

/// Split a sentence into words: whitespace-separated, with leading and trailing
/// punctuation split off (dots kept inside abbreviations such as "U.S."), possessive
/// `'s`/`'` and `n't` split off as words of their own.
pub fn words(text: &str) -> Vec<Word> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        // `_` separates words too: one record writes "Dol_Amroth".
        while i < chars.len() && !chars[i].is_whitespace() && chars[i] != '_' {
            i += 1;
        }
        if i < chars.len() && chars[i] == '_' {
            split_token(&chars, start, i, &mut out);
            i += 1;
            continue;
        }
        split_token(&chars, start, i, &mut out);
    }
    out
}

fn is_edge_punct(c: char) -> bool {
    matches!(
        c,
        ',' | ';'
            | ':'
            | '!'
            | '?'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '"'
            | '`'
            | '\u{201c}'
            | '\u{201d}'
            | '\u{2018}'
    )
}

fn push(chars: &[char], start: usize, end: usize, out: &mut Vec<Word>) {
    if start >= end {
        return;
    }
    let text: String = chars[start..end].iter().collect();
    out.push(Word {
        norm: normalise_word(&text),
        text,
        start,
        end,
    });
}

fn split_token(chars: &[char], mut start: usize, mut end: usize, out: &mut Vec<Word>) {
    let mut tail = Vec::new();
    while start < end && is_edge_punct(chars[start]) {
        push(chars, start, start + 1, out);
        start += 1;
    }
    loop {
        if start >= end {
            break;
        }
        let c = chars[end - 1];
        if is_edge_punct(c) {
            tail.push((end - 1, end));
            end -= 1;
            continue;
        }
        // A final dot ends the sentence unless the word is an abbreviation with an
        // inner dot ("U.S.", "K.U.").
        if c == '.' && !chars[start..end - 1].contains(&'.') {
            tail.push((end - 1, end));
            end -= 1;
            continue;
        }
        break;
    }
    let word: String = chars[start..end].iter().collect();
    let lower = word.to_lowercase();
    let apostrophes = ['\'', '\u{2019}'];
    let split_at = if lower.len() > 2 && (lower.ends_with("'s") || lower.ends_with("\u{2019}s")) {
        Some(end - 2)
    } else if lower.ends_with("n't") || lower.ends_with("n\u{2019}t") {
        Some(end - 3)
    } else if lower.chars().count() > 1 && lower.ends_with(apostrophes) {
        Some(end - 1)
    } else {
        None
    };
    match split_at {
        Some(at) if at > start => {
            push(chars, start, at, out);
            push(chars, at, end, out);
        }
        _ => push(chars, start, end, out),
    }
    for (s, e) in tail.into_iter().rev() {
        push(chars, s, e, out);
    }
}

/// What a matched span is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// An actor name: entry index.
    Actor(usize),
    /// An agent noun: entry index.
    Agent(usize),
}

#[derive(Debug, Clone, Copy)]
struct Hit {
    kind: Kind,
    /// Word range.
    from: usize,
    to: usize,
}

/// Words that may stand between a mention and a following agent noun inside one
/// noun phrase besides modifiers: possessives and determiners.
const GLUE: &[&str] = &[
    "'s",
    "'",
    "\u{2019}s",
    "\u{2019}",
    "the",
    "a",
    "an",
    "its",
    "their",
];

/// Function words that end a noun phrase (never modifiers).
const STOP: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "do",
    "does",
    "did",
    "to",
    "of",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "with",
    "about",
    "into",
    "over",
    "after",
    "before",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "said",
    "says",
    "say",
    "and",
    "or",
    "but",
    "nor",
    "neither",
    "either",
    "not",
    "n't",
    "than",
    "as",
    "if",
    "when",
    "while",
    "it",
    "he",
    "she",
    "they",
    "we",
    "his",
    "her",
    "this",
    "these",
    "those",
    "there",
    "here",
    "also",
    "again",
    "now",
    "then",
    "today",
    "yesterday",
    "toward",
    "towards",
    "against",
    "between",
    "under",
    "near",
    "since",
    "until",
    "during",
    "through",
    "without",
    "within",
    "upon",
    "via",
];

/// Prepositions that attach an actor to a preceding agent ("lawmakers in Fornost").
const ATTACH: &[&str] = &["of", "in", "from"];

fn is_modifier(w: &Word) -> bool {
    let first_alpha = w.text.chars().next().is_some_and(char::is_alphabetic);
    first_alpha
        && !STOP.contains(&w.norm.as_str())
        && !w.norm.ends_with("ed")
        && !w.norm.ends_with("ing")
}

/// One noun phrase being assembled.
#[derive(Debug, Default)]
struct Phrase {
    from: usize,
    to: usize,
    /// Actors before the agents (only the first one counts: "Ithilen's minister
    /// Calimehtar" is Ithilen's).
    head_actor: Option<usize>,
    /// Actors after `of`/`in`/`from` (distributive).
    list: Vec<usize>,
    /// Agent alternatives: each is a chain of agent entries (shared modifiers first).
    agents: Vec<usize>,
    /// Index in `agents` from which coordinated heads start (agents before it are
    /// shared modifiers of every head).
    coordinated: Vec<usize>,
    former: bool,
    after_prep: bool,
}

/// Build the actor entities of a sentence from the dictionaries, resolving dated
/// codes on `date`.
pub fn entities(
    text: &str,
    actors: &Actors,
    agents: &Agents,
    date: Option<NaiveDate>,
) -> Vec<Entity> {
    let ws = words(text);
    let norms: Vec<String> = ws.iter().map(|w| w.norm.clone()).collect();
    let mut hits: Vec<Hit> = Vec::new();
    let mut i = 0;
    while i < norms.len() {
        let actor = actors.phrases.longest(&norms[i..]);
        let agent = agents.phrases.longest(&norms[i..]);
        let hit = match (actor, agent) {
            (Some((la, a)), Some((lg, _))) if la >= lg => Some((la, Kind::Actor(a))),
            (_, Some((lg, g))) => Some((lg, Kind::Agent(g))),
            (Some((la, a)), None) => Some((la, Kind::Actor(a))),
            (None, None) => None,
        };
        match hit {
            Some((len, kind)) => {
                hits.push(Hit {
                    kind,
                    from: i,
                    to: i + len,
                });
                i += len;
            }
            None => i += 1,
        }
    }

    let mut phrases: Vec<Phrase> = Vec::new();
    let mut cur: Option<Phrase> = None;
    for h in &hits {
        let joined = cur.as_mut().is_some_and(|p| join(p, h, &ws));
        if !joined {
            if let Some(p) = cur.take() {
                phrases.push(p);
            }
            let mut p = Phrase {
                from: h.from,
                to: h.to,
                ..Phrase::default()
            };
            match h.kind {
                Kind::Actor(a) => p.head_actor = Some(a),
                Kind::Agent(g) => p.agents.push(g),
            }
            cur = Some(p);
        }
    }
    if let Some(p) = cur.take() {
        phrases.push(p);
    }

    let mut out = Vec::new();
    for mut p in phrases {
        p.former = ws[p.from..p.to].iter().any(|w| w.norm == "former")
            || (p.from > 0 && ws[p.from - 1].norm == "former");
        let codes = phrase_codes(&p, actors, agents, date);
        if codes.is_empty() {
            continue;
        }
        let (Some(first), Some(last)) = (ws.get(p.from), ws.get(p.to.saturating_sub(1))) else {
            continue;
        };
        let (start, end) = (first.start, last.end);
        let span: String = text.chars().skip(start).take(end - start).collect();
        let kb = codes.join("/");
        let has_agent = !p.agents.is_empty();
        let country = codes
            .first()
            .and_then(|c| c.get(..3))
            .filter(|c| c.chars().all(|ch| ch.is_ascii_uppercase()))
            .map(str::to_string);
        out.push(Entity {
            text: span.clone(),
            start,
            end,
            label: if has_agent || codes.iter().any(|c| c.len() > 3) {
                "ORG".into()
            } else {
                "LOC".into()
            },
            canonical: Some(span),
            kb_id: Some(kb),
            country,
            sector: p
                .agents
                .last()
                .and_then(|&g| agents.entries.get(g))
                .map(|g| g.code.clone()),
            confidence: 1.0,
            role: Some("actor".into()),
            how: Some("name".into()),
        });
    }
    out
}

/// Try to add `h` to the phrase `p`; false when it starts a new phrase.
fn join(p: &mut Phrase, h: &Hit, ws: &[Word]) -> bool {
    let gap = &ws[p.to..h.from];
    let last_is_agent = p.agents.last().is_some() && p.list.is_empty() && !p.after_prep;
    match h.kind {
        Kind::Agent(g) => {
            if !p.list.is_empty() {
                return false;
            }
            // Coordinated agents: "media and government", "lawmakers and officials".
            if !p.agents.is_empty() && gap.len() == 1 && gap[0].norm == "and" {
                p.coordinated.push(p.agents.len());
                p.agents.push(g);
                p.to = h.to;
                return true;
            }
            let mods = gap
                .iter()
                .filter(|w| !GLUE.contains(&w.norm.as_str()))
                .count();
            let ok = gap.len() <= 4
                && mods <= 3
                && gap.iter().enumerate().all(|(k, w)| {
                    GLUE.contains(&w.norm.as_str())
                        || is_modifier(w)
                        || (w.norm == "and"
                            && k > 0
                            && k + 1 < gap.len()
                            && is_modifier(&gap[k - 1])
                            && is_modifier(&gap[k + 1]))
                });
            if ok {
                p.agents.push(g);
                p.to = h.to;
            }
            ok
        }
        Kind::Actor(a) => {
            if gap.is_empty() && last_is_agent {
                // "minister Calimehtar", "MSF Arnor".
                if p.head_actor.is_none() {
                    p.head_actor = Some(a);
                }
                p.to = h.to;
                return true;
            }
            if last_is_agent {
                let prep = gap.first().map(|w| w.norm.as_str());
                let rest_ok = gap[1..].iter().all(|w| matches!(w.norm.as_str(), "the"));
                if prep.is_some_and(|w| ATTACH.contains(&w)) && rest_ok {
                    p.after_prep = true;
                    p.list.push(a);
                    p.to = h.to;
                    return true;
                }
                return false;
            }
            if !p.list.is_empty() {
                let coord = gap
                    .iter()
                    .all(|w| matches!(w.norm.as_str(), "," | "and" | "the"))
                    && gap.iter().any(|w| matches!(w.norm.as_str(), "," | "and"));
                if coord {
                    p.list.push(a);
                    p.to = h.to;
                    return true;
                }
            }
            false
        }
    }
}

/// Codes of a phrase: every actor (head or list) × every agent alternative.
fn phrase_codes(
    p: &Phrase,
    actors: &Actors,
    agents: &Agents,
    date: Option<NaiveDate>,
) -> Vec<String> {
    let code_of = |a: usize| -> Vec<String> {
        actors
            .entries
            .get(a)
            .and_then(|e| e.code_on(date))
            .filter(|c| !c.is_empty())
            .map(|c| c.split('/').map(str::to_string).collect())
            .unwrap_or_default()
    };
    let mut bases: Vec<String> = Vec::new();
    if !p.list.is_empty() {
        for &a in &p.list {
            bases.extend(code_of(a));
        }
    } else if let Some(a) = p.head_actor {
        bases.extend(code_of(a));
    }
    let any_actor = p.head_actor.is_some() || !p.list.is_empty();
    if bases.is_empty() {
        if any_actor {
            // A name that codes as nothing on this date ("[--- <950630]").
            return Vec::new();
        }
        if p.agents.is_empty() {
            return Vec::new();
        }
        bases.push("---".into());
    }
    // Agent alternatives: shared modifiers (before the first coordination) + one head.
    let first_coord = p.coordinated.first().copied().unwrap_or(p.agents.len());
    let alternatives: Vec<Vec<usize>> = if p.coordinated.is_empty() {
        vec![p.agents.clone()]
    } else {
        let shared: Vec<usize> = p.agents[..first_coord.saturating_sub(1)].to_vec();
        let mut heads = vec![first_coord.saturating_sub(1)];
        heads.extend(p.coordinated.iter().copied());
        heads
            .into_iter()
            .filter_map(|h| p.agents.get(h).copied())
            .map(|h| {
                let mut v = shared.clone();
                v.push(h);
                v
            })
            .collect()
    };
    let mut out: Vec<String> = Vec::new();
    for alt in &alternatives {
        for base in &bases {
            let mut prefix = String::new();
            let mut code = base.clone();
            let mut suffixes: Vec<String> = Vec::new();
            for &g in alt {
                let Some(e) = agents.entries.get(g) else {
                    continue;
                };
                match e.place {
                    AgentPlace::Prefix => prefix.push_str(&e.code),
                    AgentPlace::Suffix => suffixes.push(e.code.clone()),
                }
            }
            if p.former && !suffixes.is_empty() {
                suffixes = vec!["ELI".into()];
            }
            for s in suffixes {
                let present = code.ends_with(&s) || (code.len() > 3 && code[3..].contains(&s));
                if !present {
                    code.push_str(&s);
                }
            }
            let full = format!("{prefix}{code}");
            if !out.contains(&full) {
                out.push(full);
            }
        }
    }
    out
}
