//! Putting it together: quotations with their attributions, reported speech, channels,
//! resolved speakers, and the conversion to char offsets.
//!
//! A quoted region becomes a quotation when
//!
//! 1. an attribution follows it (`“…,” kata X`): that speaker;
//! 2. else a speech verb introduces it directly (`X mengatakan: “…”`, `Menurut X, “…”`):
//!    that verb's subject, however short the quotation;
//! 3. else it sits inside the clause of a speech verb (`Wang mengatakan Rusia dan
//!    Tiongkok “selalu …”`) and has at least `min_words` words: that subject;
//! 4. else an earlier quotation of the same sentence has a speaker (`“A,” kata X,
//!    “B.”`): the same speaker;
//! 5. else it stands alone as a sentence: the speaker of the quotation in the
//!    paragraph before, if there is one, else none;
//! 6. else it has at least `min_words` words: a quotation without a speaker;
//! 7. else it is a scare quote (`sebagai sesi "substansial"`) and is not reported.
//!
//! Speech verbs no quotation took become reported speech (`direct: false`) when they
//! have a subject and a complement of at least three words (see [`crate::indirect`]).

use std::ops::Range;

use warta_model::{Channel, CharIndex, Mention, Quote, Speaker};

use crate::Quotes;
use crate::anaphora::{Event, Names, Res, resolve};
use crate::channel::Hit;
use crate::ctx::Ctx;
use crate::cues::{Frame, Who, frames, loose_after, post};
use crate::indirect;

/// A quotation before speakers are resolved (byte offsets, token positions).
#[derive(Debug, Clone)]
pub(crate) struct Cand {
    /// Byte range of the text.
    pub text: Range<usize>,
    pub direct: bool,
    pub who: Option<Who>,
    /// Takes the speaker of this earlier candidate.
    pub same_as: Option<usize>,
    /// Cue tokens.
    pub cue: Option<(usize, usize)>,
    /// Sentences (inclusive) holding the quotation and its attribution.
    pub sents: (usize, usize),
    /// Paragraph of the attribution.
    pub para: u32,
    /// Token position used to order attributions.
    pub pos: usize,
}

/// Find the quotations of one text; `persons` are byte ranges the entity stage
/// labelled as people (empty before it runs).
pub(crate) fn find(
    quotes: &Quotes,
    text: &str,
    idx: &CharIndex,
    paras: &[Range<usize>],
    lang: &str,
    persons: &[Range<usize>],
) -> Vec<Quote> {
    let ctx = Ctx::new(text, paras, &quotes.lex, lang);
    if ctx.doc.len() == 0 {
        return Vec::new();
    }
    let hits: Vec<Hit> = quotes
        .channels
        .find(text, &quotes.lex.names)
        .into_iter()
        .filter(|h| !ctx.inside(ctx.doc.token_at_byte(h.start)))
        .collect();
    let hit_tokens: Vec<usize> = hits
        .iter()
        .map(|h| ctx.doc.token_at_byte(h.start))
        .collect();
    let mut frames = frames(&ctx, |j| hit_tokens.binary_search(&j).is_ok());
    let mut cands = direct(&ctx, &mut frames);
    indirect::find(&ctx, &mut frames, &mut cands, &hit_tokens);
    cands.sort_by_key(|c| c.text.start);
    // Renumber `same_as` after sorting (it pointed at pre-sort indices).
    renumber(&mut cands);

    let names = Names::scan(&ctx);
    let mut events: Vec<(usize, Event)> = Vec::new();
    for (i, c) in cands.iter().enumerate() {
        let anonymity = anonymity(&ctx, c);
        events.push((
            c.pos,
            Event::Quote {
                i,
                who: c.who,
                same_as: c.same_as,
                anonymity,
            },
        ));
    }
    for f in frames.iter().filter(|f| !f.used) {
        if let Some(Who::Np(np)) = f.who {
            events.push((f.verb.0, Event::Speaks(np)));
        }
    }
    for subj in &names.subjects {
        let (a, b) = subj.np.name.unwrap_or((subj.np.a, subj.np.b));
        let r = ctx.doc.bytes(a, b);
        let person = persons.iter().any(|p| p.start < r.end && r.start < p.end);
        events.push((subj.np.a, Event::Named(*subj, person)));
    }
    let speakers = resolve(&ctx, &names, events, cands.len());

    let vias = attach_channels(&ctx, &cands, &hits, &hit_tokens);
    cands
        .iter()
        .zip(speakers)
        .zip(vias)
        .map(|((c, s), via)| build(&ctx, idx, quotes, c, s, via))
        .collect()
}

/// Quotations in marks, attributed per the rules in the module docs.
fn direct(ctx: &Ctx<'_, '_>, frames: &mut [Frame]) -> Vec<Cand> {
    let doc = &ctx.doc;
    let mut out: Vec<Cand> = Vec::new();
    // Words outside quotations, per sentence: a quotation alone in its sentence has none.
    let mut outside = vec![0u32; ctx.sents.spans.len()];
    for (k, t) in doc.tokens.iter().enumerate() {
        if t.kind == crate::token::Kind::Word && !ctx.inside(k) {
            outside[ctx.sents.of(k)] += 1;
        }
    }
    for r in &ctx.regions {
        let content = r.content();
        let words = doc.words_in(content.start, content.end);
        if words == 0 {
            continue;
        }
        // Content bytes, without a trailing attribution comma.
        let mut last = content.end;
        while last > content.start && (doc.is_punct(last - 1, ',') || doc.is_punct(last - 1, '—'))
        {
            last -= 1;
        }
        let text = doc.bytes(content.start, last);
        if text.is_empty() {
            continue;
        }
        let s_open = ctx.sents.of(r.open);
        let s_close = ctx.sents.of(r.stop.saturating_sub(1).max(r.open));
        let (_, s_end) = ctx.sents.span(s_close);
        // "“…,” X said" needs the comma; without it the words after a scare quote
        // ("sesi “substansial” Gedung Putih mengatakan …") would be taken for one.
        let comma = doc.is_punct(r.after(), ',')
            || (last > content.start
                && matches!(doc.first_char(content.end - 1), Some(',' | '!' | '?' | '…')));
        let attr = post(ctx, r.after(), s_end).filter(|a| !a.inverted || comma);
        // The closest speech verb before the quotation in its sentence (with or
        // without a complement of its own: "Ia menuduh Barat berusaha menghalangi “…”").
        // (Frames are in text order: look only at this sentence's.)
        let lo = frames.partition_point(|f| f.sentence < s_open);
        let hi = frames.partition_point(|f| f.sentence <= s_open);
        let frame = frames[lo..hi]
            .iter()
            .rposition(|f| {
                f.verb.0 < r.open && f.who.is_some() && f.comp.is_none_or(|c| c <= r.open)
            })
            .map(|k| lo + k);
        let attached = frame.is_some_and(|k| frames[k].comp == Some(r.open));
        // Earlier quotations are in text order: stop looking once they are too far back.
        let prev_same = out
            .iter()
            .enumerate()
            .rev()
            .take_while(|(_, c)| c.sents.1 >= s_open)
            .find(|(_, c)| c.sents.0 <= s_open)
            .map(|(k, _)| k);
        let alone = outside.get(s_open) == Some(&0);
        let para = doc.tokens[r.open].para;
        let base = Cand {
            text,
            direct: true,
            who: None,
            same_as: None,
            cue: None,
            sents: (s_open, s_close),
            para,
            pos: r.open,
        };
        let take_frame = |k: usize, frames: &mut [Frame]| {
            frames[k].used = true;
            (frames[k].who, Some(frames[k].verb))
        };
        let mut cand = base;
        if let Some(a) = attr
            && !(attached
                && matches!(a.who, Who::Anaphor { .. })
                && frame.is_some_and(|k| matches!(frames[k].who, Some(Who::Np(_)))))
        {
            cand.who = Some(a.who);
            cand.cue = Some(a.cue);
            // "“…,” X said, according to Reuters": that "said" reports nothing else.
            for f in frames.iter_mut().filter(|f| f.verb.0 == a.cue.0) {
                f.used = true;
            }
            cand.sents.1 = ctx.sents.of(a.end.saturating_sub(1)).max(s_close);
        } else if let Some((cue, np)) = loose_after(ctx, r.after(), s_end) {
            cand.who = np.map(Who::Np);
            cand.cue = Some(cue);
        } else if let Some(k) = frame.filter(|_| attached || words >= ctx.min_words) {
            let (who, cue) = take_frame(k, frames);
            cand.who = who;
            cand.cue = cue;
        } else if let Some(p) = prev_same {
            // “A,” kata X, “B.”: the same attribution.
            cand.same_as = Some(p);
            cand.cue = out[p].cue;
        } else if alone {
            let last = out.len().checked_sub(1);
            if let Some(p) = last.filter(|&p| out[p].para + 1 >= para && out[p].para <= para)
                && (out[p].who.is_some() || out[p].same_as.is_some())
            {
                cand.same_as = Some(p);
            }
        } else if words < ctx.min_words {
            continue; // a scare quote
        }
        out.push(cand);
    }
    out
}

/// Sorting moved candidates: map `same_as` to the new positions (by text start).
fn renumber(cands: &mut [Cand]) {
    // `same_as` always points at a direct candidate found earlier in text order, and
    // direct candidates were created in text order, so the k-th direct candidate
    // before sorting is the k-th direct candidate after.
    let direct_positions: Vec<usize> = cands
        .iter()
        .enumerate()
        .filter(|(_, c)| c.direct)
        .map(|(i, _)| i)
        .collect();
    for c in cands.iter_mut() {
        if let Some(k) = c.same_as {
            c.same_as = direct_positions.get(k).copied();
        }
    }
}

/// Does the attribution sentence say the speaker asked not to be named?
fn anonymity(ctx: &Ctx<'_, '_>, c: &Cand) -> bool {
    // Only an unnamed speaker can be made anonymous by it.
    let unnamed = matches!(c.who, Some(Who::Np(np)) if np.name.is_none());
    if ctx.lex.anonymity.is_empty() || !unnamed {
        return false;
    }
    let (a, _) = ctx.sents.span(c.sents.0);
    let (_, b) = ctx.sents.span(c.sents.1);
    let r = ctx.doc.bytes(a, b);
    // (A bounded window: a runaway "sentence" must not cost quadratic time.)
    let window = ctx
        .doc
        .text
        .get(r.start..r.end.min(r.start + 2000))
        .unwrap_or("");
    let s = window.to_lowercase();
    ctx.lex.anonymity.iter().any(|p| s.contains(p.as_str()))
}

/// The relay chain of each candidate: channel phrases in its sentences, else in a
/// sentence of its paragraph that has no quotation.
fn attach_channels(
    ctx: &Ctx<'_, '_>,
    cands: &[Cand],
    hits: &[Hit],
    hit_tokens: &[usize],
) -> Vec<Vec<crate::channel::Link>> {
    let mut out: Vec<Vec<crate::channel::Link>> = vec![Vec::new(); cands.len()];
    let mut claimed = vec![false; hits.len()];
    // Hits are in text order, so their sentences ascend.
    let hit_sents: Vec<usize> = hit_tokens.iter().map(|&t| ctx.sents.of(t)).collect();
    for (c, via) in cands.iter().zip(out.iter_mut()) {
        let lo = hit_sents.partition_point(|&s| s < c.sents.0);
        let hi = hit_sents.partition_point(|&s| s <= c.sents.1);
        for h in lo..hi {
            push_chain(via, &hits[h]);
            claimed[h] = true;
        }
    }
    // Quotations by sentence, to tell whether an unclaimed hit's sentence has one.
    let mut quoted: Vec<(usize, usize)> = cands.iter().map(|c| c.sents).collect();
    quoted.sort_unstable();
    for (h, hit) in hits.iter().enumerate() {
        if claimed[h] {
            continue;
        }
        let s = hit_sents[h];
        let before = quoted.partition_point(|&(a, _)| a <= s);
        if quoted[..before].iter().rev().take(8).any(|&(_, b)| b >= s) {
            continue;
        }
        let Some(para) = ctx.doc.tokens.get(hit_tokens[h]).map(|x| x.para) else {
            continue;
        };
        // Candidates are in text order: only those of this paragraph.
        let lo = cands.partition_point(|c| c.para < para);
        for (c, via) in cands[lo..].iter().zip(out[lo..].iter_mut()) {
            if c.para != para {
                break;
            }
            if via.is_empty() {
                push_chain(via, hit);
            }
        }
    }
    out
}

fn push_chain(via: &mut Vec<crate::channel::Link>, hit: &Hit) {
    for link in &hit.chain {
        if !via.iter().any(|l| l.name == link.name) {
            via.push(link.clone());
        }
    }
}

/// The public record, in char offsets.
fn build(
    ctx: &Ctx<'_, '_>,
    idx: &CharIndex,
    quotes: &Quotes,
    c: &Cand,
    s: Option<Res>,
    via: Vec<crate::channel::Link>,
) -> Quote {
    let text = ctx.doc.text;
    let span = idx.span_of(c.text.clone());
    let mention = |r: (usize, usize)| {
        let sp = idx.span_of(r.0..r.1);
        Mention {
            text: text.get(r.0..r.1).unwrap_or("").to_string(),
            start: sp.start,
            end: sp.end,
        }
    };
    let lex = &quotes.lex;
    let speaker = s.map(|r| {
        let m = mention(r.span);
        Speaker {
            text: m.text,
            start: m.start,
            end: m.end,
            canonical: None,
            kb_id: None,
            kind: r.kind,
            anonymous: r.anonymous,
            plural: r.plural,
            country: r
                .country
                .and_then(|k| lex.country_codes.get(k as usize).cloned()),
            sector: None,
            role: r.role.and_then(|k| lex.role_names.get(k as usize).cloned()),
            anaphor: r.anaphor.map(mention),
            refers_to: r.refers_to.map(mention),
        }
    });
    let cue = c.cue.map(|(a, b)| {
        let r = ctx.doc.bytes(a, b);
        (
            text.get(r.clone()).unwrap_or("").to_string(),
            idx.span_of(r),
        )
    });
    Quote {
        text: text.get(c.text.clone()).unwrap_or("").to_string(),
        start: span.start,
        end: span.end,
        direct: c.direct,
        speaker,
        cue: cue.as_ref().map(|(t, _)| t.clone()),
        cue_span: cue.map(|(_, s)| s),
        via: via
            .into_iter()
            .map(|l| {
                let r = trim_range(text, l.start..l.end);
                let sp = idx.span_of(r.clone());
                Channel {
                    name: l.name,
                    text: text.get(r).unwrap_or("").to_string(),
                    start: sp.start,
                    end: sp.end,
                }
            })
            .collect(),
    }
}

/// `r` without surrounding whitespace and commas.
fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    let Some(s) = text.get(r.clone()) else {
        return r;
    };
    let is_junk = |c: char| c.is_whitespace() || c == ',';
    let lead = s.len() - s.trim_start_matches(is_junk).len();
    let trail = s.len() - s.trim_end_matches(is_junk).len();
    if lead + trail >= s.len() {
        return r.start..r.start;
    }
    r.start + lead..r.end - trail
}
