//! Scoring coded events against the gold (source, target, code) triples.
//!
//! PETRARCH emits one triple per source × target of an event, so the coder's events
//! are turned into triples the same way ([`triples`]):
//!
//! * every actor × every recipient; no recipient gives target `---`;
//! * an entity's `kb_id` may stand for several codes, separated by `/` (the harness's
//!   compound phrases, the dictionary's `[FRO/BIL/SAM]`): each is a source or target;
//! * a reciprocal event (a meeting, "X and Y renewed ties") is read both ways: with
//!   recipients, actor → recipient and recipient → actor; without, every ordered pair
//!   of its actors;
//! * an actor without a `kb_id` is coded by its text in upper case between quotes, as
//!   PETRARCH writes actors missing from its dictionary (`"INJURY TOLL"`).
//!
//! Three match levels per gold triple, one-to-one within a record: **exact** (same
//! source, target and code), **root** (same source and target, same two-digit CAMEO
//! root: `0641` for `064`), **dyad** (same source and target, any code — the honest
//! figure for warta's own lexicon, whose codes are real CAMEO while the unit tests'
//! are the test dictionary's). Extra events are the distinct produced triples that
//! match no gold triple exactly.

use std::collections::BTreeMap;

use serde::Serialize;
use warta_model::{Event, EventActor};

use super::records::Triple;

/// The codes an actor stands for.
fn codes(a: &EventActor) -> Vec<String> {
    match a.kb_id.as_deref().map(str::trim).filter(|k| !k.is_empty()) {
        Some(k) => k
            .split('/')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_string)
            .collect(),
        None if !a.text.trim().is_empty() => vec![format!("\"{}\"", a.text.trim().to_uppercase())],
        None => vec!["---".into()],
    }
}

/// The distinct triples of a list of events, in order of first appearance.
pub fn triples(events: &[Event]) -> Vec<Triple> {
    let mut out: Vec<Triple> = Vec::new();
    let mut add = |s: &str, t: &str, c: &str| {
        let tr = Triple::new(s, t, c);
        if !out.contains(&tr) {
            out.push(tr);
        }
    };
    for e in events {
        let sources: Vec<String> = e.actors.iter().flat_map(codes).collect();
        let targets: Vec<String> = e.recipients.iter().flat_map(codes).collect();
        if e.reciprocal && targets.is_empty() && sources.len() > 1 {
            for a in &sources {
                for b in sources.iter().filter(|b| *b != a) {
                    add(a, b, &e.cameo);
                }
            }
            continue;
        }
        if targets.is_empty() {
            for a in &sources {
                add(a, "---", &e.cameo);
            }
            continue;
        }
        for a in &sources {
            for b in &targets {
                add(a, b, &e.cameo);
                if e.reciprocal {
                    add(b, a, &e.cameo);
                }
            }
        }
    }
    out
}

/// The two-digit root of a code ("064" → "06", "1717" → "17").
pub fn root(code: &str) -> &str {
    code.get(..2).unwrap_or(code)
}

/// Matches of one record.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Matches {
    /// Gold triples produced exactly.
    pub exact: usize,
    /// Gold triples produced with the right dyad and CAMEO root.
    pub root: usize,
    /// Gold triples produced with the right dyad, any code.
    pub dyad: usize,
    /// Produced triples matching no gold triple exactly.
    pub extra: usize,
}

/// One-to-one matching of gold and produced triples at the three levels.
pub fn match_triples(gold: &[Triple], produced: &[Triple]) -> Matches {
    let exact = gold.iter().filter(|g| produced.contains(g)).count();
    let extra = produced.iter().filter(|p| !gold.contains(p)).count();
    let level = |same: &dyn Fn(&Triple, &Triple) -> bool| -> usize {
        let mut used = vec![false; produced.len()];
        let mut n = 0;
        // Exact pairs first, so a looser pair does not take an exact one's partner.
        let mut order: Vec<&Triple> = gold.iter().filter(|g| produced.contains(g)).collect();
        order.extend(gold.iter().filter(|g| !produced.contains(g)));
        for g in order {
            let pick = produced
                .iter()
                .enumerate()
                .find(|(i, p)| !used[*i] && *p == g)
                .or_else(|| {
                    produced
                        .iter()
                        .enumerate()
                        .find(|(i, p)| !used[*i] && same(g, p))
                })
                .map(|(i, _)| i);
            if let Some(i) = pick {
                used[i] = true;
                n += 1;
            }
        }
        n
    };
    let dyad = |g: &Triple, p: &Triple| g.source == p.source && g.target == p.target;
    Matches {
        exact,
        root: level(&|g, p| dyad(g, p) && root(&g.code) == root(&p.code)),
        dyad: level(&dyad),
        extra,
    }
}

/// Sums over a set of records.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Tally {
    /// Records scored.
    pub records: usize,
    /// Gold triples.
    pub gold: usize,
    /// Produced triples.
    pub produced: usize,
    /// Gold triples matched exactly.
    pub exact: usize,
    /// … at the root level.
    pub root: usize,
    /// … at the dyad level.
    pub dyad: usize,
    /// Produced triples matching no gold triple.
    pub extra: usize,
    /// Records coded exactly right (every gold triple, nothing else): PETRARCH's
    /// pass/fail criterion.
    pub passed: usize,
}

impl Tally {
    /// Add one record.
    pub fn add(&mut self, gold: usize, produced: usize, m: Matches) {
        self.records += 1;
        self.gold += gold;
        self.produced += produced;
        self.exact += m.exact;
        self.root += m.root;
        self.dyad += m.dyad;
        self.extra += m.extra;
        if m.exact == gold && m.extra == 0 {
            self.passed += 1;
        }
    }

    fn ratio(a: usize, b: usize) -> f64 {
        if b == 0 { 0.0 } else { a as f64 / b as f64 }
    }

    /// Share of gold triples produced exactly.
    pub fn recall(&self) -> f64 {
        Self::ratio(self.exact, self.gold)
    }

    /// Share produced with the right dyad and root.
    pub fn recall_root(&self) -> f64 {
        Self::ratio(self.root, self.gold)
    }

    /// Share produced with the right dyad.
    pub fn recall_dyad(&self) -> f64 {
        Self::ratio(self.dyad, self.gold)
    }

    /// Extra triples per record.
    pub fn extra_per_record(&self) -> f64 {
        Self::ratio(self.extra, self.records)
    }

    /// Share of produced triples that are gold.
    pub fn precision(&self) -> f64 {
        Self::ratio(self.produced - self.extra.min(self.produced), self.produced)
    }

    /// Share of records passed.
    pub fn pass_rate(&self) -> f64 {
        Self::ratio(self.passed, self.records)
    }
}

/// Per-category tallies and their total.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Tallies {
    /// Category → tally, in name order.
    pub by_category: BTreeMap<String, Tally>,
    /// All categories.
    pub total: Tally,
}

impl Tallies {
    /// Add one record of `category`.
    pub fn add(&mut self, category: &str, gold: usize, produced: usize, m: Matches) {
        self.by_category
            .entry(category.to_string())
            .or_default()
            .add(gold, produced, m);
        self.total.add(gold, produced, m);
    }
}
