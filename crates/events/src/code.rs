//! Putting an event together: trigger → modality → roles → CAMEO code (refined by the
//! words after the trigger, turned into an intent for future events) → PLOVER labels,
//! Goldstein, QuadClass → date and place → confidence; then one event per (code,
//! actors) in a sentence, and repeated mentions across the article linked.

use std::collections::HashSet;
use std::ops::Range;

use chrono::{Days, NaiveDate};
use warta_model::{CharIndex, Event, EventActor, Mention as Printed, Modality};

use crate::lexicon::Lexicon;
use crate::mentions::{self, Kind, actor_key};
use crate::sentence::View;
use crate::trigger::Match;
use crate::when::Dated;
use crate::{Events, Input, modality, place, roles, trigger, when};

/// An asserted event dated more than this many days before the article is background.
const BACKGROUND_DAYS: u64 = 30;
/// Words after a trigger searched for a refining phrase ("bantuan militer").
const REFINE_WINDOW: usize = 7;
/// Base confidence of a verb trigger and of an event noun.
const VERB_CONFIDENCE: f32 = 0.85;
const NOUN_CONFIDENCE: f32 = 0.7;

/// Code the events of one input with one lexicon (negated and actorless events
/// included; the caller filters).
pub(crate) fn code(events: &Events, lex: &Lexicon, input: &Input<'_>) -> Vec<Event> {
    let text = input.text;
    if text.trim().is_empty() {
        return Vec::new();
    }
    let idx = CharIndex::new(text);
    let seg = events.segmenter.segment(text);
    let mut ms = mentions::from_entities(text, &idx, input.entities);
    // An agency crediting a quotation ("seperti dikutip kantor berita ANTARA") relays
    // the news; it does not act in it.
    ms.retain(|m| {
        !input
            .quotes
            .iter()
            .flat_map(|q| &q.via)
            .any(|v| v.start <= m.actor.start && m.actor.end <= v.end)
    });
    if !input.quotes.is_empty() && !lex.roles.first_person.is_empty() {
        let toks: Vec<(Range<usize>, String)> = seg
            .tokens
            .iter()
            .filter_map(|t| {
                let w = text.get(t.start..t.end)?.to_lowercase();
                lex.roles
                    .first_person
                    .contains(&w)
                    .then_some((t.start..t.end, w))
            })
            .collect();
        let toks: Vec<(Range<usize>, &str)> =
            toks.iter().map(|(r, w)| (r.clone(), w.as_str())).collect();
        let extra = mentions::first_person(text, &idx, input.quotes, lex, &events.countries, &toks);
        if !extra.is_empty() {
            ms.extend(extra);
            ms.sort_by_key(|m| (m.range.start, std::cmp::Reverse(m.range.end)));
        }
    }
    let dates = when::find(&events.dates, text, &idx, input.lang, input.published);
    let date_ranges: Vec<Range<usize>> = dates.iter().map(|d| d.range.clone()).collect();
    let mut out = Vec::new();
    for s in &seg.sentences {
        let toks = seg.sentence_tokens(s);
        let mut view = View::build(text, toks, s.start..s.end, lex, &ms, &date_ranges);
        let matches = trigger::find(lex, &view);
        if matches.is_empty() {
            continue;
        }
        view.event_nouns = matches.iter().filter(|m| m.noun).map(|m| m.head).collect();
        let coded: Vec<Option<Event>> = matches
            .iter()
            .map(|m| event_of(events, lex, text, &idx, &view, m, &dates, input.published))
            .collect();
        let mut found = drop_embedded(events, lex, &view, &matches, coded);
        dedup_sentence(&mut found);
        out.extend(found);
    }
    out
}

/// The event of one trigger, or `None` when the entry needs a recipient and has none
/// or its code has no PLOVER type.
#[allow(clippy::too_many_arguments)]
fn event_of(
    events: &Events,
    lex: &Lexicon,
    text: &str,
    idx: &CharIndex,
    view: &View,
    m: &Match,
    dates: &[Dated],
    published: Option<NaiveDate>,
) -> Option<Event> {
    let t = lex.triggers.get(m.trigger)?;
    let (cs, ce) = roles::clause(view, m.first, m.last);
    let mut modality = modality::modality(lex, view, m, cs, ce);
    let r = roles::roles(lex, view, m, t);
    // "berbicara", "membahas" are events only with someone: a recipient or a
    // compound subject ("Sugiono dan Balakrishnan membahas …").
    if t.needs_recipient && r.recipients.is_empty() && r.actors.len() < 2 {
        return None;
    }
    // "Russia said Sudan must return the helicopter": a demand by the reporter,
    // aimed at whoever must act.
    let demanded_by = match &lex.cues.obligation_cameo {
        Some(c) if modality == Modality::Asserted && modality::obliged(lex, view, m) => {
            let by = roles::reporter(lex, view, cs);
            (!by.is_empty()).then(|| (by, c.clone()))
        }
        _ => None,
    };
    // The code, refined by what follows ("bantuan militer" → 072).
    let mut code = t.cameo.clone();
    let window_end = (m.last + 1 + REFINE_WINDOW).min(ce);
    // The most specific refinement wins ("kerja sama ekonomi" over "kerja sama"),
    // the first listed among equals.
    if let Some((_, c)) = &demanded_by {
        code = c.clone();
    } else if let Some((_, c)) = t
        .refine
        .iter()
        .rev()
        .filter(|(words, _)| refine_at(lex, view, m.last + 1, window_end, words))
        .max_by_key(|(words, _)| words.len())
    {
        code = c.clone();
    }
    // The date, and what it says about modality.
    let trig_bytes = view.toks[m.first].range.start..view.toks[m.last].range.end;
    let clause_bytes = view.toks[cs].range.start..view.toks[ce.saturating_sub(1).max(cs)].range.end;
    let dated = when::pick(dates, &view.range, &clause_bytes, trig_bytes.start);
    if modality == Modality::Asserted
        && let (Some(d), Some(p)) = (dated, published)
    {
        if p.checked_sub_days(Days::new(BACKGROUND_DAYS))
            .is_some_and(|limit| d.last < limit)
        {
            modality = Modality::Background;
        } else if d.first > p {
            modality = Modality::Future;
        }
    }
    let onto = &events.ontology;
    let original = code.clone();
    match modality {
        Modality::Future => {
            if let Some(f) = t.future.as_deref().or_else(|| onto.future_code(&code)) {
                code = f.to_string();
            }
        }
        Modality::Negated => {
            if let Some(n) = t.negated.as_deref().or_else(|| onto.negated_code(&code)) {
                code = n.to_string();
                modality = Modality::Asserted;
            }
        }
        _ => {}
    }
    let cc = onto.cameo(&code)?;
    let own = demanded_by.is_none()
        && (code == t.cameo || code == original && t.refine.iter().all(|(_, c)| *c != code));
    let event_type =
        if own { t.event_type.clone() } else { None }.or_else(|| cc.event_type.clone())?;
    let mut mode = match (&t.mode, own) {
        (Some(m), true) => m.clone(),
        _ => cc.mode.clone(),
    };
    let mut context = cc.context.clone();
    if own {
        context.extend(t.context.iter().cloned());
    }
    let clause = &view.toks[cs..ce];
    for tk in clause {
        if let Some(c) = lex.contexts.get(&tk.lower) {
            context.push(c.clone());
        }
    }
    for (words, c) in &lex.context_phrases {
        let found = clause
            .windows(words.len())
            .any(|w| w.iter().zip(words).all(|(tk, word)| tk.lower == *word));
        if found {
            context.push(c.clone());
        }
    }
    let mut seen = HashSet::new();
    context.retain(|c| seen.insert(c.clone()));

    let (actor_ids, mut rec_ids) = match &demanded_by {
        Some((by, _)) => {
            let keys: Vec<&str> = by.iter().map(|&a| view.mentions[a].key()).collect();
            let mut on = r.actors.clone();
            on.retain(|&a| !keys.contains(&view.mentions[a].key()));
            (by.clone(), on)
        }
        None => (r.actors.clone(), r.recipients.clone()),
    };
    let actors: Vec<EventActor> = actor_ids
        .iter()
        .map(|&i| actor_of(events, idx, view, i, true))
        .collect();
    // "demanded that the US cancel …": the complement's subject receives the demand.
    if rec_ids.is_empty() && onto.embeds(&event_type) {
        rec_ids = roles::complement_subject(lex, view, m);
        if rec_ids.is_empty() {
            rec_ids = roles::complement_recipient(lex, view, m);
        }
        let acting: Vec<&str> = actor_ids.iter().map(|&a| view.mentions[a].key()).collect();
        rec_ids.retain(|&i| !acting.contains(&view.mentions[i].key()));
    }
    let recipients: Vec<EventActor> = rec_ids
        .iter()
        .map(|&i| {
            let mut a = actor_of(events, idx, view, i, t.place_recipient);
            if t.host_country {
                as_host_country(events, &mut a);
            }
            a
        })
        .collect();
    // A meeting of an international organisation ("pertemuan G20") is multilateral.
    if event_type == "CONSULT"
        && mode.is_none()
        && !actors.is_empty()
        && actors.iter().all(|a| a.sector.as_deref() == Some("IGO"))
    {
        mode = Some("multilateral".to_string());
    }
    let location = place::location(lex, view, m, cs, ce, t.place_recipient);
    let trig_span = idx.span_of(trig_bytes.clone());
    // "Albanians demonstrated in Serbia", "imposed a curfew in Cizre": with nobody
    // else named, the event is aimed at the country where it happens (a place named
    // after the trigger; not for meetings, whose venue is no side).
    let mut recipients = recipients;
    if recipients.is_empty()
        && lex.roles.place_target
        && !t.symmetric
        && !t.place_recipient
        && !actors.is_empty()
        && let Some(loc) = &location
        && loc.start >= trig_span.end
        && let Some(c) = &loc.country
    {
        recipients.push(EventActor {
            text: loc.text.clone(),
            start: loc.start,
            end: loc.end,
            canonical: events.countries.get(c).cloned().or(loc.canonical.clone()),
            kb_id: Some(c.clone()),
            country: Some(c.clone()),
            sector: None,
        });
    }
    let sent_span = idx.span_of(view.range.clone());
    let base = t.confidence.unwrap_or(if m.noun {
        NOUN_CONFIDENCE
    } else {
        VERB_CONFIDENCE
    });
    let confidence = (base * r.factor).clamp(0.0, 1.0);
    Some(Event {
        event_type,
        mode,
        context,
        cameo: cc.code.clone(),
        goldstein: cc.goldstein,
        quad_class: cc.quad_class,
        actors,
        recipients,
        reciprocal: t.symmetric,
        date: dated.map(|d| d.date.clone()),
        location,
        modality,
        trigger: Printed {
            text: text.get(trig_bytes).unwrap_or("").to_string(),
            start: trig_span.start,
            end: trig_span.end,
        },
        start: sent_span.start,
        end: sent_span.end,
        confidence: (confidence * 100.0).round() / 100.0,
        same_as: None,
    })
}

/// Events in the complement of a demand, threat, promise, refusal or allegation
/// ("mendesak Rusia menarik pasukannya", "menolak bertemu", "mengancam menjatuhkan
/// sanksi kepada Iran") did not happen by being named: they are dropped, and the
/// outer event takes their recipients when it has none. An event is in the complement
/// when it follows the outer verb in the same clause (or after "untuk", "agar",
/// "bahwa") and is not coordinated with it ("… dan mengecam …").
fn drop_embedded(
    events: &Events,
    lex: &Lexicon,
    view: &View,
    matches: &[Match],
    mut coded: Vec<Option<Event>>,
) -> Vec<Event> {
    let links = &lex.roles.complement_links;
    for k in 1..matches.len() {
        let inner = &matches[k];
        let outer = (0..k).rev().find(|&j| {
            let Some(e) = coded[j].as_ref() else {
                return false;
            };
            let m = &matches[j];
            if m.noun || !events.ontology.embeds(&e.event_type) {
                return false;
            }
            // An event noun is presupposed ("mengecam serangan Israel": the attack
            // happened), unless a light verb makes it a verb ("sepakat melakukan
            // gencatan senjata").
            let light = inner
                .first
                .checked_sub(1)
                .is_some_and(|i| lex.roles.light.contains(&view.toks[i].lower));
            if inner.noun && !light {
                return false;
            }
            let between = &view.toks[m.last + 1..inner.first];
            let coordinated = inner
                .first
                .checked_sub(1)
                .is_some_and(|i| lex.roles.conjunctions.contains(&view.toks[i].lower));
            !coordinated
                && between.iter().all(|t| {
                    (!t.brk || links.contains(&t.lower))
                        && !t.is_comma()
                        && t.kind != warta_segment::TokenKind::Terminal
                })
        });
        if let Some(j) = outer {
            let inner_recipients = coded[k].as_ref().map(|e| e.recipients.clone());
            coded[k] = None;
            if let (Some(o), Some(r)) = (coded[j].as_mut(), inner_recipients)
                && o.recipients.is_empty()
            {
                o.recipients = r;
            }
        }
    }
    coded.into_iter().flatten().collect()
}

/// Whether `words` occur in tokens `[from, to)`, in order, at most one other word
/// between two of them, a clitic allowed ("menarik seluruh pasukannya" has "menarik
/// pasukan").
fn refine_at(lex: &Lexicon, view: &View, from: usize, to: usize, words: &[String]) -> bool {
    let same =
        |w: &str, t: &str| w == t || lex.morph.clitic_stripped(t).is_some_and(|stem| stem == w);
    (from..to).any(|start| {
        let mut pos = start;
        for (k, w) in words.iter().enumerate() {
            let limit = if k == 0 { pos + 1 } else { pos + 2 };
            let Some(hit) = (pos..limit.min(to)).find(|&i| same(w, &view.toks[i].lower)) else {
                return false;
            };
            pos = hit + 1;
        }
        true
    })
}

/// The event actor of mention `i`; with `as_country`, a place stands for its country
/// (the host of a visit).
fn actor_of(
    events: &Events,
    idx: &CharIndex,
    view: &View,
    i: usize,
    as_country: bool,
) -> EventActor {
    let men = &view.mentions[i];
    let mut a = men.actor.clone();
    if men.kind == Kind::Group {
        let span = idx.span_of(men.range.clone());
        a.start = span.start;
        a.end = span.end;
    }
    if as_country
        && men.kind == Kind::Place
        && let Some(c) = men.actor.country.clone()
    {
        a.canonical = events.countries.get(&c).cloned().or(a.canonical);
        a.kb_id = Some(c);
        a.sector = None;
    }
    a
}

/// A person or institution hosting a visit stands for its country (the visit goes to
/// the country, whoever receives it). Countries and organisations stay as they are.
fn as_host_country(events: &Events, a: &mut EventActor) {
    let Some(c) = a.country.clone() else {
        return;
    };
    if a.kb_id.as_deref() == Some(c.as_str()) || a.sector.as_deref() == Some("IGO") {
        return;
    }
    a.canonical = events.countries.get(&c).cloned().or(a.canonical.take());
    a.kb_id = Some(c);
    a.sector = None;
}

/// The set of actor keys of a list.
fn keys(v: &[EventActor]) -> Vec<&str> {
    let mut k: Vec<&str> = v.iter().map(actor_key).collect();
    k.sort_unstable();
    k.dedup();
    k
}

/// One event per (code, actors) in a sentence: "bertemu" and "pertemuan" of the same
/// meeting are one; the one with more recipients, then the more confident, stays, and
/// takes a date the other had.
fn dedup_sentence(found: &mut Vec<Event>) {
    let mut i = 0;
    while i < found.len() {
        let mut j = i + 1;
        while j < found.len() {
            // An actorless mention of the same code ("… bertemu di Bali" after
            // "pertemuannya dengan Wang Yi") is the same event too.
            let same = found[i].cameo == found[j].cameo
                && (keys(&found[i].actors) == keys(&found[j].actors)
                    || found[i].actors.is_empty()
                    || found[j].actors.is_empty())
                && compatible(&found[i].recipients, &found[j].recipients);
            if same {
                let rank = |e: &Event| (!e.actors.is_empty(), e.recipients.len(), e.confidence);
                let better_j = rank(&found[j]) > rank(&found[i]);
                let gone = if better_j {
                    found.swap(i, j);
                    found.remove(j)
                } else {
                    found.remove(j)
                };
                if found[i].date.is_none() {
                    found[i].date = gone.date;
                }
                if found[i].location.is_none() {
                    found[i].location = gone.location;
                }
                continue;
            }
            j += 1;
        }
        i += 1;
    }
    found.sort_by_key(|e| e.trigger.start);
}

/// Equal recipient sets, or one of them empty.
fn compatible(a: &[EventActor], b: &[EventActor]) -> bool {
    a.is_empty() || b.is_empty() || keys(a) == keys(b)
}

/// Whether `b` repeats `a`: same CAMEO code, modality and actors, compatible
/// recipients and dates.
fn repeats(a: &Event, b: &Event) -> bool {
    a.cameo == b.cameo
        && a.modality == b.modality
        && !a.actors.is_empty()
        && keys(&a.actors) == keys(&b.actors)
        && compatible(&a.recipients, &b.recipients)
        && match (&a.date, &b.date) {
            (Some(x), Some(y)) => x.value == y.value,
            _ => true,
        }
}

/// Link repeated mentions (`same_as`) and share dates: within a chain of repeats, and
/// then between events of one sentence with a common actor ("berkunjung ke Moskow dan
/// bertemu Lavrov" on the dates of the visit).
pub(crate) fn link_repeats(events: &mut [Event]) {
    let n = events.len();
    for j in 0..n {
        for i in 0..j {
            if events[i].same_as.is_none() && repeats(&events[i], &events[j]) {
                events[j].same_as = Some(i);
                break;
            }
        }
    }
    for _ in 0..2 {
        share_in_chains(events);
        share_in_sentences(events);
    }
}

fn share_in_chains(events: &mut [Event]) {
    let n = events.len();
    for root in 0..n {
        if events[root].same_as.is_some() {
            continue;
        }
        let chain: Vec<usize> = (root..n)
            .filter(|&k| k == root || events[k].same_as == Some(root))
            .collect();
        let Some(date) = chain.iter().find_map(|&k| events[k].date.clone()) else {
            continue;
        };
        for &k in &chain {
            if events[k].date.is_none() {
                events[k].date = Some(date.clone());
            }
        }
    }
}

fn share_in_sentences(events: &mut [Event]) {
    let n = events.len();
    for i in 0..n {
        if events[i].date.is_some() {
            continue;
        }
        let from = (0..n).find(|&k| {
            k != i
                && events[k].start == events[i].start
                && events[k].modality == events[i].modality
                && events[k].date.is_some()
                && keys(&events[k].actors)
                    .iter()
                    .any(|a| keys(&events[i].actors).contains(a))
        });
        if let Some(k) = from {
            events[i].date = events[k].date.clone();
        }
    }
}
