//! Reported speech: `X mengatakan bahwa …`, `X said that …`, `Menurut X, …`, and
//! clauses followed by their attribution (`…, kata para pejabat AS.`), as quotations
//! with `direct: false` whose text is the reported clause, to the end of the sentence.
//!
//! The clause stops before a trailing channel phrase (`…, menurut RIA Novosti.`) and
//! leaves out the sentence-final punctuation. A clause needs three words; a clause
//! before a postposed attribution four (shorter ones are discourse words:
//! "Namun, kata dia, …" reports what follows instead).

use crate::ctx::Ctx;
use crate::cues::{Frame, post};
use crate::find::Cand;
use crate::lexicon::bit;
use crate::token::Kind;

/// Add reported-speech candidates from unused frames and postposed attributions.
pub(crate) fn find(
    ctx: &Ctx<'_, '_>,
    frames: &mut [Frame],
    cands: &mut Vec<Cand>,
    hit_tokens: &[usize],
) {
    let doc = &ctx.doc;
    for f in frames.iter_mut().filter(|f| !f.used) {
        let (Some(who), Some(c)) = (f.who, f.comp) else {
            continue;
        };
        let (_, b) = ctx.sents.span(f.sentence);
        let e = clause_end(ctx, c, b, hit_tokens);
        if c >= e || doc.words_upto(c, e, 3) < 3 {
            continue;
        }
        f.used = true;
        cands.push(Cand {
            text: doc.bytes(c, e),
            direct: false,
            who: Some(who),
            same_as: None,
            cue: Some(f.verb),
            sents: (f.sentence, f.sentence),
            para: doc.tokens[f.verb.0].para,
            pos: f.verb.0,
        });
    }
    for (s, &(a, b)) in ctx.sents.spans.iter().enumerate() {
        let taken = cands.iter().any(|c| c.sents.0 <= s && s <= c.sents.1)
            || frames.iter().any(|f| f.sentence == s && f.used);
        if taken {
            continue;
        }
        if let Some(c) = postposed(ctx, s, a, b, hit_tokens) {
            cands.push(c);
        }
    }
}

/// `CLAUSE, kata X.` / `CLAUSE, X said.` / `Namun, kata dia, CLAUSE.`
fn postposed(
    ctx: &Ctx<'_, '_>,
    s: usize,
    a: usize,
    b: usize,
    hit_tokens: &[usize],
) -> Option<Cand> {
    let doc = &ctx.doc;
    for k in a + 1..b {
        if ctx.inside(k) || !doc.is_punct(k, ',') {
            continue;
        }
        let Some(attr) = post(ctx, k + 1, b) else {
            continue;
        };
        let rest_words = doc.words_upto(attr.end, b, 13);
        let channel_follows = hit_tokens.iter().any(|&t| t >= attr.cue.0 && t <= attr.end);
        let rest_ok = if attr.inverted {
            rest_words == 0
                || (rest_words <= 6 && (ctx.f(attr.end) & bit::ADJUNCT != 0 || channel_follows))
        } else {
            rest_words <= 12 && (attr.end..b.min(attr.end + 60)).all(|t| ctx.f(t) & bit::CUE == 0)
        };
        if !rest_ok {
            continue;
        }
        let mut start = a;
        loop {
            if let Some((n, ())) = ctx.lex.conjunctions.at(doc, start) {
                start += n;
            } else if start < k && doc.tokens[start].kind == Kind::Punct {
                start += 1;
            } else {
                break;
            }
        }
        let (first, e) = if doc.words_upto(start, k, 4) >= 4 {
            (start, k)
        } else if doc.is_punct(attr.end, ',') {
            let c = attr.end + 1;
            (c, clause_end(ctx, c, b, hit_tokens))
        } else {
            return None;
        };
        if first >= e || doc.words_upto(first, e, 3) < 3 {
            return None;
        }
        return Some(Cand {
            text: doc.bytes(first, e),
            direct: false,
            who: Some(attr.who),
            same_as: None,
            cue: Some(attr.cue),
            sents: (s, s),
            para: doc.tokens[k].para,
            pos: attr.cue.0,
        });
    }
    None
}

/// Longest reported clause, in tokens: a real sentence is far shorter, and a runaway
/// one must not make every speech verb in it report the whole rest.
const MAX_CLAUSE: usize = 300;

/// Where a reported clause starting at `c` ends in a sentence ending at `b`: before
/// a trailing channel phrase after a comma, and before final punctuation.
fn clause_end(ctx: &Ctx<'_, '_>, c: usize, b: usize, hit_tokens: &[usize]) -> usize {
    let doc = &ctx.doc;
    let mut e = b.min(c + MAX_CLAUSE);
    if hit_tokens.binary_search(&c).is_ok() {
        return c; // the "clause" is a channel phrase: "…, according to Reuters"
    }
    let from = hit_tokens.partition_point(|&t| t <= c + 1);
    if let Some(&t) = hit_tokens[from..]
        .iter()
        .take_while(|&&t| t < e)
        .find(|&&t| doc.is_punct(t - 1, ','))
    {
        e = t - 1;
    }
    // Final punctuation, and a stray closing mark that opened nothing ("… China.”").
    while e > c
        && ((doc.tokens[e - 1].kind == Kind::Punct && !doc.is_punct(e - 1, ')'))
            || (doc.tokens[e - 1].kind == Kind::Mark && !ctx.inside(e - 1)))
    {
        e -= 1;
    }
    e
}
