//! Finding triggers in a sentence: every lexicon entry whose pattern matches a run of
//! tokens, read through the affix analyser, then the longest non-overlapping ones.
//!
//! A pattern is a sequence of items — a word as printed ("telepon", "di") or a root in
//! some derivations ("jatuh/meN-kan,meN-i") — with up to `gap` other words between
//! them ("menjatuhkan serangkaian sanksi baru"). The first root item is the head: its
//! derivation says whether the trigger is a verb or a noun, and its prefix whether a
//! verb is passive (di-, ter-; English: a form of "be" before an -ed form).

use warta_segment::TokenKind;

use crate::lexicon::{Item, Lexicon};
use crate::morph::Analysis;
use crate::sentence::View;

/// One trigger found.
#[derive(Debug, Clone)]
pub(crate) struct Match {
    /// Index of the lexicon entry.
    pub trigger: usize,
    /// First and last token (inclusive).
    pub first: usize,
    pub last: usize,
    /// The head token.
    pub head: usize,
    /// A passive verb ("dijatuhi", "was sanctioned").
    pub passive: bool,
    /// An event noun ("pertemuan", "sanksi", "talks").
    pub noun: bool,
    /// Bytes of a clitic on the head ("nya" of "kunjungannya"), 0 if none.
    pub clitic: usize,
    /// The first name skipped inside the trigger (entries with `gap_names`).
    pub inner_name: Option<usize>,
}

/// Per-sentence cache of analyses (computed on first need).
struct Analyses<'a> {
    lex: &'a Lexicon,
    cache: Vec<Option<Vec<Analysis>>>,
}

impl Analyses<'_> {
    fn get(&mut self, view: &View, i: usize) -> &[Analysis] {
        if self.cache[i].is_none() {
            let t = &view.toks[i];
            let v = if t.kind == TokenKind::Word && t.lower.len() >= 2 {
                self.lex.morph.analyse(&t.lower)
            } else {
                Vec::new()
            };
            self.cache[i] = Some(v);
        }
        self.cache[i].as_deref().unwrap_or(&[])
    }
}

/// How an item matched a token.
struct ItemHit {
    /// `(passive, noun, clitic bytes)` for a root item; `None` for a word item.
    root: Option<(bool, bool, usize)>,
    /// The root was read bare (no prefix): a headline verb, or a noun after a
    /// quantifier ("sejumlah sandera").
    bare: bool,
}

fn item_matches(
    lex: &Lexicon,
    an: &mut Analyses<'_>,
    view: &View,
    i: usize,
    item: &Item,
) -> Option<ItemHit> {
    let t = &view.toks[i];
    if !t.is_word() {
        return None;
    }
    match item {
        Item::Word(w) => {
            if t.lower == *w {
                return Some(ItemHit {
                    root: None,
                    bare: false,
                });
            }
            let clitic_hit =
                lex.morph.analyse(&t.lower).iter().any(|a| {
                    a.clitic > 0 && a.prefix.is_none() && a.suffix.is_none() && a.root == *w
                });
            clitic_hit.then_some(ItemHit {
                root: None,
                bare: false,
            })
        }
        Item::Root { root, forms } => {
            let after_marker = || crate::sentence::after_noun_marker(lex, &view.toks, i);
            for a in an.get(view, i) {
                if a.root != *root {
                    continue;
                }
                if let Some((passive, noun)) = lex.form_match(forms, a, after_marker()) {
                    return Some(ItemHit {
                        root: Some((passive, noun, a.clitic)),
                        bare: a.prefix.is_none() && !noun,
                    });
                }
            }
            None
        }
    }
}

/// Every trigger of the sentence, longest first, not overlapping, in text order.
pub(crate) fn find(lex: &Lexicon, view: &View) -> Vec<Match> {
    let mut an = Analyses {
        lex,
        cache: vec![None; view.toks.len()],
    };
    let mut found: Vec<Match> = Vec::new();
    let mut keys: Vec<(u32, u16)> = Vec::new();
    let first_word = view.toks.iter().position(|t| t.is_word());
    for i in 0..view.toks.len() {
        let t = &view.toks[i];
        if t.kind != TokenKind::Word || t.named || is_function_word(lex, &t.lower) {
            continue;
        }
        // English: a capitalised word inside the sentence is a name ("Amnesty
        // International", "the Peace Corps"), not a trigger.
        if lex.voice.capitalized_names && t.cap && Some(i) != first_word {
            continue;
        }
        keys.clear();
        if let Some(v) = lex.by_word.get(&t.lower) {
            keys.extend_from_slice(v);
        }
        for a in an.get(view, i).to_vec() {
            if let Some(v) = lex.by_word.get(&a.root)
                && a.clitic > 0
                && a.prefix.is_none()
                && a.suffix.is_none()
            {
                keys.extend_from_slice(v);
            }
            if let Some(v) = lex.by_root.get(&a.root) {
                keys.extend_from_slice(v);
            }
        }
        keys.sort_unstable();
        keys.dedup();
        for &(ti, ai) in &keys {
            let Some(trig) = lex.triggers.get(ti as usize) else {
                continue;
            };
            let Some(items) = trig.alts.get(ai as usize) else {
                continue;
            };
            let gap = (trig.gap, trig.gap_names);
            if let Some(m) = match_at(lex, &mut an, view, i, ti as usize, items, gap) {
                found.push(m);
            }
        }
    }
    // Longest first, then leftmost, then entry order.
    found.sort_by_key(|m| (std::cmp::Reverse(m.last - m.first), m.first, m.trigger));
    let mut taken: Vec<Match> = Vec::new();
    for m in found {
        if taken.iter().all(|t| m.last < t.first || t.last < m.first) {
            taken.push(m);
        }
    }
    taken.sort_by_key(|m| m.first);
    taken
}

/// Prepositions, conjunctions and clause breaks never start a trigger (a bare
/// "tentang" is not "menentang").
fn is_function_word(lex: &Lexicon, w: &str) -> bool {
    lex.roles.is_prep(w)
        || lex.roles.conjunctions.contains(w)
        || lex.roles.clause_breaks.contains(w)
}

/// Match one alternative starting at token `i`.
fn match_at(
    lex: &Lexicon,
    an: &mut Analyses<'_>,
    view: &View,
    i: usize,
    trigger: usize,
    items: &[Item],
    (gap, gap_names): (usize, bool),
) -> Option<Match> {
    let first_hit = item_matches(lex, an, view, i, items.first()?)?;
    if first_hit.bare && i > 0 && lex.voice.noun_markers.contains(&view.toks[i - 1].lower) {
        return None;
    }
    let mut head: Option<(usize, bool, bool, usize)> = first_hit.root.map(|(p, n, c)| (i, p, n, c));
    let mut pos = i;
    let mut inner_name = None;
    for item in &items[1..] {
        let mut j = pos + 1;
        let mut skipped = 0;
        loop {
            let t = view.toks.get(j)?;
            if !t.is_word() || t.brk {
                return None;
            }
            if let Some(hit) = item_matches(lex, an, view, j, item) {
                if head.is_none()
                    && let Some((p, n, c)) = hit.root
                {
                    head = Some((j, p, n, c));
                }
                pos = j;
                break;
            }
            skipped += 1;
            if skipped > gap || (t.named && !gap_names) || t.verb {
                return None;
            }
            if t.named && inner_name.is_none() {
                inner_name = Some(j);
            }
            j += 1;
        }
    }
    let trig = lex.triggers.get(trigger)?;
    if let Some(next) = view.toks.get(pos + 1)
        && trig.unless_next.contains(&next.lower)
    {
        return None;
    }
    if i > 0
        && let Some(prev) = view.toks.get(i - 1)
        && trig.unless_prev.contains(&prev.lower)
    {
        return None;
    }
    let (head, mut passive, noun, clitic) = match head {
        Some(h) => h,
        None => (i, false, !trig.verb, 0),
    };
    // English-style passives: a form of "be" (maybe an adverb between) before an
    // -ed form or a listed participle.
    if !noun && !passive && !lex.voice.passive_aux.is_empty() {
        let participle = lex.voice.participles.contains(&view.toks[head].lower)
            || view.toks[head].lower.ends_with("ed");
        let aux = (1..=3).any(|k| {
            head.checked_sub(k)
                .and_then(|h| view.toks.get(h))
                .is_some_and(|t| lex.voice.passive_aux.contains(&t.lower))
        });
        passive = participle && aux;
    }
    Some(Match {
        trigger,
        first: i,
        last: pos,
        head,
        passive,
        noun,
        clitic,
        inner_name,
    })
}
