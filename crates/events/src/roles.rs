//! Who did it and to whom: actors and recipients of a trigger, read from the clause.
//!
//! No parser: Indonesian and English news clauses are subject–verb–object often enough
//! that a few positional rules over noun phrases and their prepositions do well, and
//! they are fast and explainable (each rule below is one reason an actor was chosen).
//!
//! * **Active verb** ("Lavrov mengecam AS", "Wang Yi bertemu dengan Lavrov"): the actor
//!   is the subject — the first phrase of the clause not inside a prepositional phrase,
//!   or, after another verb, the phrase right after that verb ("AS menuduh China
//!   membantu Rusia": China helps); the recipient is the first phrase after the verb
//!   that is its object or follows a recipient preposition (`dengan`, `kepada`,
//!   `terhadap`, …; `ke`/`di` for visits, whose recipient is the host country).
//! * **Passive verb** ("Rusia dijatuhi sanksi oleh AS"): the subject is the recipient,
//!   the `oleh`/`by` phrase the actor.
//! * **Inverse** entries ("menerima kunjungan", "mendapat sanksi dari"): the subject is
//!   the recipient, the object (or `dari` phrase) the actor.
//! * **Event noun** ("pertemuan", "kunjungannya", "sanksi Barat terhadap Rusia"): both
//!   sides of `antara X dan Y`; else the "-nya" on the noun, its possessor ("kunjungan
//!   Ma", "Lavrov's visit"), an `oleh`/`by` phrase, or — when the noun sits in an
//!   adjunct ("dalam pertemuan dengan …", "untuk kunjungan resmi") or after a light
//!   verb ("melakukan kunjungan") — the clause's subject; recipients as for verbs.
//!
//! A subject missing from a relative clause ("X, yang mengakhiri kunjungannya …") is
//! the phrase before `yang`; one missing from a complement clause ("Wang mengatakan
//! akan …") is the main clause's subject.

use crate::lexicon::{Lexicon, Trigger};
use crate::mentions::Kind;
use crate::sentence::{Group, View};
use crate::trigger::Match;

/// How far after an event noun its possessor may start (adjectives between:
/// "kunjungan kenegaraan Presiden Prabowo").
const POSSESSOR_WORDS: usize = 3;

/// Whether a phrase governed by a preposition (and its token), or none, may be a
/// recipient.
type PrepTest<'a> = dyn Fn(Option<(&str, usize)>) -> bool + 'a;

/// Actors and recipients of one trigger, as mention indices of the view.
#[derive(Debug, Clone, Default)]
pub(crate) struct Roles {
    pub actors: Vec<usize>,
    pub recipients: Vec<usize>,
    /// Recipients that are places (visits): coded as their country.
    pub place_recipient: bool,
    /// Multiplies the confidence (fallback rules, pronouns).
    pub factor: f32,
}

/// The clause around tokens `first..=last`: `[start, end)` token indices, bounded by
/// clause breaks (see [`crate::sentence::Tok::brk`]).
pub(crate) fn clause(view: &View, first: usize, last: usize) -> (usize, usize) {
    // "Jika China menyerang Taiwan, Jepang akan …": the first comma after a clause
    // opened by a subordinator closes it.
    let sub_comma = view.sub_comma;
    let mut cs = first;
    while cs > 0 && !view.toks[cs - 1].brk && Some(cs - 1) != sub_comma {
        cs -= 1;
    }
    let mut ce = last + 1;
    while ce < view.toks.len() && !view.toks[ce].brk && Some(ce) != sub_comma {
        ce += 1;
    }
    (cs, ce)
}

/// A phrase that can act: not only places, not empty.
fn can_act(view: &View, g: &Group) -> bool {
    !g.members.is_empty()
        && g.members
            .iter()
            .any(|&m| view.mentions[m].kind != Kind::Place)
}

/// The subject of a clause `[cs, upto)`. With `control`, after a control verb
/// ("meminta", "menuduh", "mendesak": `[roles] control`) the phrase right after it is
/// the subject ("AS menuduh China membantu Rusia": China helps); after another verb the
/// clause's subject is shared ("Lavrov … menunjuk …, dan mengutuk …") unless a comma
/// separates it from that verb ("Lavrov tiba …, dengan kedua negara berupaya …").
fn subject(
    lex: &Lexicon,
    view: &View,
    cs: usize,
    upto: usize,
    control: bool,
    depth: u8,
) -> Option<(usize, f32)> {
    // The possessor of an event noun is not the clause's subject ("Serangan Rusia …
    // menewaskan": the attack killed, and it is coded already).
    let mut cands: Vec<usize> = view
        .groups
        .iter()
        .enumerate()
        .filter(|(_, g)| {
            g.first >= cs
                && g.last < upto
                && g.prep.is_none()
                && can_act(view, g)
                && !(g.first > 0 && view.event_nouns.contains(&(g.first - 1)))
        })
        .map(|(i, _)| i)
        .collect();
    // "Lavrov, in remarks published on Monday, urged …": a parenthetical opened by a
    // preposition right before the verb is skipped; the subject stands before it.
    if upto > cs + 1
        && view.toks[upto - 1].is_comma()
        && let Some(open) = (cs..upto - 1).rev().find(|&i| view.toks[i].is_comma())
        && open > cs
        && view
            .toks
            .get(open + 1)
            .is_some_and(|t| lex.roles.is_prep(&t.lower) || lex.roles.adjunct.contains(&t.lower))
    {
        return subject(lex, view, cs, open, control, depth);
    }
    if control {
        let last_verb = (cs..upto)
            .rev()
            .find(|&i| view.toks[i].verb && !lex.cues.words.contains(&view.toks[i].lower));
        if let Some(v) = last_verb {
            if lex.roles.control.contains(&view.toks[v].lower) {
                // The controller's object acts; when it is no actor we know, nobody is.
                return cands
                    .iter()
                    .find(|&&g| view.groups[g].first > v)
                    .map(|&g| (g, 0.9));
            }
            if let Some(&g) = cands.iter().find(|&&g| view.groups[g].last < v) {
                let comma = view.toks[view.groups[g].last + 1..v]
                    .iter()
                    .any(|t| t.is_comma());
                return (!comma).then_some((g, 0.95));
            }
            // "A bomb killed one soldier and wounded two others": the earlier verb's
            // object is not the later verb's subject.
            cands.retain(|&g| view.groups[g].last < v);
        }
    }
    if let Some(&g) = cands.first() {
        return Some((g, 1.0));
    }
    // "Security forces in Guinea have tortured …": the phrase inside the subject noun
    // phrase, when nothing but words stands before it (a place there stands for its
    // country: the forces are Guinea's).
    if !lex.roles.subject_of.is_empty()
        && let Some((gi, _)) = view.groups.iter().enumerate().find(|(_, g)| {
            g.first >= cs
                && g.last < upto
                && !g.members.is_empty()
                && g.prep.as_ref().is_some_and(|(p, at)| {
                    lex.roles.subject_of.contains(p)
                        && *at > cs
                        && view.toks[cs..*at]
                            .iter()
                            .all(|t| t.is_word() && !t.verb && !t.named && !t.brk && !t.date)
                })
        })
    {
        return Some((gi, 0.8));
    }
    if cs == 0 || depth > 2 {
        return None;
    }
    let brk = &view.toks[cs - 1];
    if lex.roles.relative.contains(&brk.lower) {
        // "X, yang …": the phrase just before "yang" (a comma between allowed).
        return view
            .groups
            .iter()
            .enumerate()
            .rev()
            .find(|(_, g)| g.last < cs - 1 && cs - 1 - g.last <= 2 && can_act(view, g))
            .map(|(i, _)| (i, 0.9));
    }
    // A complement clause without a subject: the main clause's ("Wang mengatakan akan
    // berkunjung"), when the break is a speech verb or "bahwa" after one.
    let speechy = lex.roles.speech.contains(&brk.lower)
        || (cs >= 2 && lex.roles.speech.contains(&view.toks[cs - 2].lower));
    if speechy {
        let (pcs, _) = clause(view, cs - 1, cs - 1);
        return subject(lex, view, pcs, cs - 1, true, depth + 1).map(|(g, f)| (g, f * 0.85));
    }
    None
}

/// The first phrase after token `last` (before the clause end `ce`, before any other
/// verb) that `allow` accepts by its preposition.
fn object(
    lex: &Lexicon,
    view: &View,
    m: &Match,
    ce: usize,
    places: bool,
    allow: impl Fn(Option<(&str, usize)>) -> bool,
) -> Option<usize> {
    let stop = (m.last + 1..ce)
        .find(|&i| view.toks[i].verb && !view.toks[i].named)
        .unwrap_or(ce);
    for (i, g) in view.groups.iter().enumerate() {
        // A phrase may begin inside a multi-word trigger ("memanggil duta besar
        // China": the title "duta besar China").
        if g.last <= m.last || g.first < m.first || g.first >= stop {
            continue;
        }
        // "…, a senior official said": the speaker of a reporting clause is no object.
        if view
            .toks
            .get(g.last + 1)
            .is_some_and(|t| lex.roles.speech.contains(&t.lower))
        {
            continue;
        }
        let prep = g.prep.as_ref().map(|(p, at)| (p.as_str(), *at));
        let only_places = !can_act(view, g);
        if (places || !only_places) && allow(prep) {
            return Some(i);
        }
        let prep = prep.map(|(p, _)| p);
        // Past an adjunct ("di tengah sengketa Beijing dengan Manila"), a later
        // "dengan" belongs to the adjunct's noun.
        if prep
            .is_some_and(|p| lex.roles.prepositions.contains(p) && !lex.roles.recipient.contains(p))
        {
            return None;
        }
    }
    None
}

/// When a verb's object is no actor but a noun phrase about others, whom it is about:
/// the agent of an event noun in it ("condemned an attack by Osgiliath soldiers": the
/// soldiers), where the object comes from ("dismissed an appeal from Gbagbo",
/// "withdrew its troops from Lebanon") or both sides of a `between` phrase ("welcomed talks between Gondor and
/// Arnor", "mediated between X and Y"). Only plain words (no verb, no clause break,
/// no other preposition than `of`) may stand between the verb and the phrase.
fn object_phrase(lex: &Lexicon, view: &View, m: &Match, ce: usize) -> Option<usize> {
    view.groups.iter().enumerate().find_map(|(i, g)| {
        let (p, at) = g.prep.as_ref()?;
        let at = *at;
        if at <= m.last || g.first >= ce || !can_act(view, g) {
            return None;
        }
        let plain = view.toks[m.last + 1..at].iter().all(|tk| {
            !tk.verb
                && !tk.brk
                && !tk.named
                && (tk.is_word() || tk.date)
                && (!lex.roles.is_prep(&tk.lower) || lex.roles.of.contains(&tk.lower))
        });
        if !plain {
            return None;
        }
        let between = lex.roles.between.contains(p);
        // "welcomed assurances from Bree", "withdrew its troops from Lebanon": where the
        // object comes from is whom the act is about.
        let agent = lex.roles.source.contains(p)
            || (lex.roles.agent.contains(p)
                && view.event_nouns.iter().any(|&n| n > m.last && n < at));
        (between || agent).then_some(i)
    })
}

/// The subject of a complement clause right after a verb trigger ("demanded that the
/// US cancel …": the US), as mention indices; empty when there is none.
pub(crate) fn complement_subject(lex: &Lexicon, view: &View, m: &Match) -> Vec<usize> {
    if m.noun
        || !view
            .toks
            .get(m.last + 1)
            .is_some_and(|t| lex.roles.complementizer.contains(&t.lower))
    {
        return Vec::new();
    }
    let from = m.last + 2;
    let stop = (from..view.toks.len())
        .find(|&i| {
            let t = &view.toks[i];
            (t.verb && !t.named)
                || (t.brk && i > from)
                || t.kind == warta_segment::TokenKind::Terminal
        })
        .unwrap_or(view.toks.len());
    view.groups
        .iter()
        .find(|g| g.first >= from && g.first < stop && g.prep.is_none() && can_act(view, g))
        .map(|g| g.members.clone())
        .unwrap_or_default()
}

/// A recipient named inside the complement of a demand, threat, promise or refusal
/// whose verb is no trigger ("promised to continue military aid to Mozambique",
/// "threatened to deliver blows against Israel"): the first actor phrase after a
/// recipient preposition, from a complement link right after the trigger up to the
/// next clause break. Empty when there is none.
pub(crate) fn complement_recipient(lex: &Lexicon, view: &View, m: &Match) -> Vec<usize> {
    if m.noun
        || !view
            .toks
            .get(m.last + 1)
            .is_some_and(|t| lex.roles.complement_links.contains(&t.lower))
    {
        return Vec::new();
    }
    let from = m.last + 2;
    let stop = (from..view.toks.len())
        .find(|&i| {
            let t = &view.toks[i];
            t.brk || t.is_comma() || t.kind == warta_segment::TokenKind::Terminal
        })
        .unwrap_or(view.toks.len());
    view.groups
        .iter()
        .find(|g| {
            g.first >= from
                && g.last < stop
                && can_act(view, g)
                && g.prep
                    .as_ref()
                    .is_some_and(|(p, at)| *at > from && lex.roles.recipient.contains(p))
        })
        .map(|g| g.members.clone())
        .unwrap_or_default()
}

/// Who reports the clause starting at token `cs`: the subject of a speech verb right
/// before it ("Russia said on Tuesday that …", "Straw said …"), as mention indices.
pub(crate) fn reporter(lex: &Lexicon, view: &View, cs: usize) -> Vec<usize> {
    let mut k = cs;
    let mut steps = 0;
    while k > 0 && steps < 5 {
        k -= 1;
        steps += 1;
        let t = &view.toks[k];
        if lex.roles.speech.contains(&t.lower) {
            let (pcs, _) = clause(view, k, k);
            return subject(lex, view, pcs, k, false, 0)
                .map(|(g, _)| members(view, g))
                .unwrap_or_default();
        }
        let skippable = lex.roles.complementizer.contains(&t.lower)
            || t.date
            || (t.is_word() && lex.roles.is_prep(&t.lower));
        if !skippable {
            break;
        }
    }
    Vec::new()
}

/// Members of a group as actors.
fn members(view: &View, g: usize) -> Vec<usize> {
    view.groups
        .get(g)
        .map(|g| g.members.clone())
        .unwrap_or_default()
}

/// Confidence factor of a set of actor mentions: pronouns and unlinked names count less.
fn mention_factor(view: &View, ms: &[usize]) -> f32 {
    ms.iter()
        .map(|&m| {
            let men = &view.mentions[m];
            let mut f: f32 = 1.0;
            if matches!(men.kind, Kind::Pronoun | Kind::Clitic) {
                f *= 0.85;
            }
            if !men.linked {
                f *= 0.8;
            }
            f
        })
        .fold(1.0, f32::min)
}

/// The actors and recipients of trigger `m` (entry `t`).
pub(crate) fn roles(lex: &Lexicon, view: &View, m: &Match, t: &Trigger) -> Roles {
    let (cs, ce) = clause(view, m.first, m.last);
    let direct = t.recipient.as_ref().is_none_or(|set| set.contains("-"));
    let recipient_prep = |p: Option<(&str, usize)>| -> bool {
        match p {
            // A direct object, unless the entry lists its prepositions without "-".
            None => direct,
            // "shelled positions of the Palestinian forces": an of-phrase on the direct
            // object stands for it.
            Some((p, at))
                if direct
                    && !m.noun
                    && lex.roles.of.contains(p)
                    && at > m.last + 1
                    && at <= m.last + 4
                    && view.toks[m.last + 1..at].iter().all(|tk| {
                        tk.is_word() && !tk.verb && !tk.named && !lex.roles.is_prep(&tk.lower)
                    }) =>
            {
                true
            }
            Some((p, at)) => {
                let set = t.recipient.as_ref().unwrap_or(&lex.roles.recipient);
                // "ke X" names the host of a visit or the target of an attack; "di X"
                // only when the trigger ends with it ("tiba di").
                set.contains(p)
                    || (t.place_recipient
                        && (lex.roles.goal.contains(p)
                            || (lex.roles.location.contains(p) && at <= m.last)))
            }
        }
    };
    let mut out = Roles {
        factor: 1.0,
        ..Roles::default()
    };
    if m.noun {
        noun_roles(lex, view, m, t, cs, ce, &mut out, &recipient_prep);
        if out.recipients.is_empty()
            && let Some(g) = inner_phrase(view, m, &recipient_prep)
        {
            out.recipients = members(view, g);
        }
    } else if m.passive {
        if let Some((g, f)) = subject(lex, view, cs, m.first, true, 0) {
            out.recipients = members(view, g);
            out.factor *= f;
        }
        if let Some(g) = object(lex, view, m, ce, false, |p| {
            p.is_some_and(|(p, _)| lex.roles.agent.contains(p))
        }) {
            out.actors = members(view, g);
        }
    } else if t.inverse {
        if let Some((g, f)) = subject(lex, view, cs, m.first, true, 0) {
            out.recipients = members(view, g);
            out.factor *= f;
        }
        let g = object(lex, view, m, ce, false, |p| {
            p.is_none_or(|(p, _)| lex.roles.source.contains(p) || lex.roles.agent.contains(p))
        });
        if let Some(g) = g {
            out.actors = members(view, g);
        }
    } else {
        if let Some((g, f)) = subject(lex, view, cs, m.first, true, 0) {
            out.actors = members(view, g);
            out.factor *= f;
        }
        // A "-nya" on the verb is its object ("menemuinya").
        if let Some(c) = clitic_on(view, m) {
            out.recipients = vec![c];
        } else if let Some(g) = object(lex, view, m, ce, t.place_recipient, recipient_prep) {
            out.recipients = members(view, g);
        } else if let Some(g) = object_phrase(lex, view, m, ce) {
            out.recipients = members(view, g);
        } else if let Some(g) = inner_phrase(view, m, &|p| p.is_none()) {
            out.recipients = members(view, g);
        }
    }
    // Nobody acts on themselves: a recipient that is also an actor is dropped.
    let keys: Vec<String> = out
        .actors
        .iter()
        .map(|&a| view.mentions[a].key().to_string())
        .collect();
    out.recipients
        .retain(|&r| !keys.iter().any(|k| k == view.mentions[r].key()));
    out.place_recipient = out
        .recipients
        .iter()
        .any(|&r| view.mentions[r].kind == Kind::Place);
    if !t.place_recipient {
        out.recipients
            .retain(|&r| view.mentions[r].kind != Kind::Place);
    }
    out.factor *= mention_factor(view, &out.actors);
    out
}

/// The phrase holding the name a `gap_names` trigger skipped, if `allow` accepts its
/// preposition: the object the trigger wraps ("memasukkan [tiga bank Rusia] ke daftar
/// hitam") or the event noun's recipient ("Sanksi [terhadap Iran] diperluas").
fn inner_phrase(view: &View, m: &Match, allow: &PrepTest) -> Option<usize> {
    let tok = m.inner_name?;
    view.groups.iter().position(|g| {
        g.first <= tok
            && tok <= g.last
            && can_act(view, g)
            && allow(g.prep.as_ref().map(|(p, at)| (p.as_str(), *at)))
    })
}

/// A "-nya" mention on the head token of the trigger.
fn clitic_on(view: &View, m: &Match) -> Option<usize> {
    if m.clitic == 0 {
        return None;
    }
    let head = &view.toks[m.head];
    view.mentions
        .iter()
        .enumerate()
        .find(|(_, men)| {
            men.kind == Kind::Clitic
                && men.range.end == head.range.end
                && men.range.start + m.clitic >= head.range.end
        })
        .map(|(i, _)| i)
}

/// The person mentioned last before token `before`: in the sentence, else the one
/// before the sentence.
fn last_person(view: &View, before: usize) -> Option<usize> {
    let start = view.toks.get(before).map_or(usize::MAX, |t| t.range.start);
    view.mentions
        .iter()
        .enumerate()
        .filter(|(i, m)| {
            Some(*i) != view.prev_person
                && m.range.end <= start
                && matches!(m.kind, Kind::Person | Kind::Pronoun)
                && m.linked
        })
        .map(|(i, _)| i)
        .next_back()
        .or(view.prev_person)
}

/// Roles of an event noun.
#[allow(clippy::too_many_arguments)]
fn noun_roles(
    lex: &Lexicon,
    view: &View,
    m: &Match,
    t: &Trigger,
    cs: usize,
    ce: usize,
    out: &mut Roles,
    recipient_prep: &PrepTest<'_>,
) {
    let after = |g: &Group| g.first > m.last && g.first < ce;
    // "antara X dan Y": both sides of a reciprocal event act ("pertemuan antara X dan
    // Y"); of any other they are the recipients ("mediator antara Rusia dan Ukraina").
    let sides = view.groups.iter().enumerate().find(|(_, g)| {
        after(g)
            && g.prep
                .as_ref()
                .is_some_and(|(p, at)| lex.roles.between.contains(p) && *at <= m.last + 3)
    });
    if let Some((gi, _)) = sides
        && t.symmetric
    {
        out.actors = members(view, gi);
        return;
    }
    let mut possessor: Option<usize> = None;
    if let Some(c) = clitic_on(view, m) {
        out.actors = vec![c];
    } else if m.clitic > 0
        && let Some(p) = last_person(view, m.first)
    {
        // "pertemuannya" the entity stage did not resolve: the person named last.
        out.actors = vec![p];
        out.factor *= 0.8;
    } else if lex.roles.possessor_after {
        possessor = view
            .groups
            .iter()
            .enumerate()
            .find(|(_, g)| {
                after(g)
                    && g.prep.as_ref().is_none_or(|(_, at)| *at < m.first)
                    && g.first <= m.last + 1 + POSSESSOR_WORDS
                    && view.toks[m.last + 1..g.first]
                        .iter()
                        .all(|tk| tk.is_word() && !tk.verb && !tk.brk && !tk.date)
            })
            .map(|(i, _)| i);
    } else {
        possessor = view
            .groups
            .iter()
            .enumerate()
            .rev()
            .find(|(_, g)| {
                g.last < m.first
                    && g.first >= cs
                    && m.first - g.last <= 3
                    && view.toks[g.last + 1..m.first]
                        .iter()
                        .all(|tk| tk.is_word() && !tk.verb && !lex.roles.is_prep(&tk.lower))
            })
            .map(|(i, _)| i);
    }
    if let Some(g) = possessor
        && can_act(view, &view.groups[g])
    {
        out.actors = members(view, g);
    }
    // "visit of X" / "invasion of X"; "oleh X" / "by X".
    let of_group = view.groups.iter().enumerate().find(|(_, g)| {
        after(g)
            && g.prep
                .as_ref()
                .is_some_and(|(p, at)| lex.roles.of.contains(p) && *at == m.last + 1)
    });
    // "launched an invasion of Ukraine", "paid a visit of state": after a light verb the
    // clause's subject acts and the of-phrase is the recipient.
    let before = |k: usize| m.first.checked_sub(k).map(|i| view.toks[i].lower.as_str());
    let light_of = of_group.is_some()
        && (1..=3)
            .filter_map(before)
            .any(|w| lex.roles.light.contains(w));
    let mut from_of = None;
    if out.actors.is_empty()
        && !light_of
        && let Some((g, _)) = of_group
    {
        out.actors = members(view, g);
        from_of = Some(g);
    }
    let agent = object(lex, view, m, ce, false, |p| {
        p.is_some_and(|(p, _)| lex.roles.agent.contains(p))
    });
    if let Some(g) = agent {
        // "penahanan nelayan Indonesia oleh Australia": the agent acts, the
        // possessor undergoes.
        if let Some(p) = possessor.filter(|_| !out.actors.is_empty()).or(from_of) {
            // "the invasion of Ukraine by Russia" likewise.
            out.recipients = members(view, p);
            out.actors = members(view, g);
            return;
        }
        if out.actors.is_empty() {
            out.actors = members(view, g);
        }
    }
    // In an adjunct or after a light verb: the clause's subject.
    if out.actors.is_empty() {
        // "held their first meeting": a determiner and one adjective between.
        let det_adj = before(2).is_some_and(|w| lex.voice.noun_markers.contains(w))
            && m.first.checked_sub(1).is_some_and(|i| {
                view.toks[i].is_word() && !view.toks[i].verb && !view.toks[i].named
            });
        let adjunct = light_of
            || [before(1), before(2), before(3).filter(|_| det_adj)]
                .into_iter()
                .flatten()
                .any(|w| lex.roles.adjunct.contains(w) || lex.roles.light.contains(w));
        if adjunct {
            // The adjunct opens the clause ("Dan dalam pertemuan …, Wang Yi berjanji"):
            // the subject follows it.
            let opens = (cs..m.first).all(|i| {
                let w = view.toks[i].lower.as_str();
                lex.roles.adjunct.contains(w)
                    || lex.roles.conjunctions.contains(w)
                    || !view.toks[i].is_word()
                    || i + 3 >= m.first
            });
            if let Some((g, f)) = subject(lex, view, cs, m.first, false, 0) {
                out.actors = members(view, g);
                out.factor *= f * 0.9;
            } else if opens
                && let Some((g, _)) = view.groups.iter().enumerate().find(|(_, g)| {
                    g.first > m.last && g.first < ce && g.prep.is_none() && can_act(view, g)
                })
            {
                out.actors = members(view, g);
                out.factor *= 0.85;
            }
        }
    }
    // An event noun used as the predicate ("Buruh Prancis mogok kerja"): the phrase
    // just before it.
    if out.actors.is_empty()
        && let Some((g, _)) = view.groups.iter().enumerate().rev().find(|(_, g)| {
            g.last < m.first
                && g.first >= cs
                && g.prep.is_none()
                && m.first - g.last <= 2
                && can_act(view, g)
                && view.toks[g.last + 1..m.first]
                    .iter()
                    .all(|t| t.is_word() && !t.verb && !lex.roles.is_prep(&t.lower))
                && !view.toks[cs..g.first].iter().any(|t| t.verb)
        })
    {
        out.actors = members(view, g);
        out.factor *= 0.8;
    }
    // Recipients: after the noun, past the possessor.
    let skip = possessor.map(|g| view.groups[g].last).unwrap_or(m.last);
    let stop = (m.last + 1..ce)
        .find(|&i| view.toks[i].verb && !view.toks[i].named)
        .unwrap_or(ce);
    let rec = view.groups.iter().enumerate().find(|(i, g)| {
        g.first > skip
            && g.first < stop
            && Some(*i) != possessor
            && (t.place_recipient || can_act(view, g))
            && g.prep.is_some()
            && recipient_prep(g.prep.as_ref().map(|(p, at)| (p.as_str(), *at)))
    });
    if let Some((g, _)) = rec {
        out.recipients = members(view, g);
    } else if let Some((g, _)) = sides {
        out.recipients = members(view, g);
    } else if !out.actors.is_empty()
        && let Some((g, _)) = of_group
        && (possessor.is_some() || light_of)
    {
        out.recipients = members(view, g);
    }
}
