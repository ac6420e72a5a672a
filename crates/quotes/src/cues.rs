//! Attribution cues: the words that say who spoke.
//!
//! Two shapes, both driven by the `[cues]` lists:
//!
//! * **after** a quotation ([`post`]): `“…,” kata X`, `“…,” ujarnya` (a verb with an
//!   enclitic pronoun), `“…,” demikian (dikatakan) X`, `“…,” X menambahkan`,
//!   `"…," said X`, `"…," he said`, `"…," according to X`;
//! * **frames** before the quoted or reported words ([`frames`]): `X mengatakan: “…”`,
//!   `X mengatakan (kepada wartawan) bahwa …`, `X mengatakan kedua pihak …` (verbs
//!   that take a bare clause), `Menurut X, …`, `Menurutnya, …`, `X said that …`.

use crate::ctx::Ctx;
use crate::lexicon::bit;
use crate::speaker::{Np, np_forward, subject_before};

/// Who an attribution names.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Who {
    /// A name or description.
    Np(Np),
    /// A pronoun to resolve in context; byte range of the pronoun ("nya" in
    /// "ujarnya", "he").
    Anaphor {
        start: usize,
        end: usize,
        plural: bool,
    },
}

/// An attribution printed after a quotation or clause.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Attr {
    /// Cue tokens `[a, b)`.
    pub cue: (usize, usize),
    /// The speaker.
    pub who: Who,
    /// First token after the attribution.
    pub end: usize,
    /// The speaker came before the verb (`“…,” X said`).
    pub inverted: bool,
}

/// The speaker of a phrase: a pronoun becomes an anaphor to resolve.
pub(crate) fn who_of(ctx: &Ctx<'_, '_>, np: Np) -> Who {
    match np.pronoun {
        Some(plural) => {
            let r = ctx.doc.bytes(np.a, np.b);
            Who::Anaphor {
                start: r.start,
                end: r.end,
                plural,
            }
        }
        None => Who::Np(np),
    }
}

/// The enclitic pronoun of a cue word ("nya" of "ujarnya") as a byte range.
fn clitic_anaphor(ctx: &Ctx<'_, '_>, j: usize) -> Who {
    let t = ctx.doc.tokens[j];
    let len = ctx.lex.clitic_cue(ctx.doc.lower(j)).unwrap_or(0);
    let raw = ctx.doc.raw(j);
    let start = if len > 0 && raw.len() >= len && raw.is_char_boundary(raw.len() - len) {
        t.end - len
    } else {
        t.start
    };
    Who::Anaphor {
        start,
        end: t.end,
        plural: false,
    }
}

/// An attribution starting at token `j0` (after a closing mark or a comma), read no
/// further than `limit`.
pub(crate) fn post(ctx: &Ctx<'_, '_>, j0: usize, limit: usize) -> Option<Attr> {
    let doc = &ctx.doc;
    let lex = ctx.lex;
    let limit = limit.min(doc.len());
    let mut j = j0;
    while j < limit && (doc.is_punct(j, ',') || doc.is_punct(j, '—') || doc.is_punct(j, '–')) {
        j += 1;
    }
    if j >= limit || !doc.is_word(j) || ctx.inside(j) || (j0 > 0 && !doc.same_para(j0 - 1, j)) {
        return None;
    }
    let f = ctx.f(j);
    if f & bit::CLOSING != 0 {
        let mut k = j + 1;
        if k < limit && ctx.f(k) & bit::CUE != 0 {
            k += 1;
        }
        let np = np_forward(ctx, k, limit, false)?;
        return Some(Attr {
            cue: (j, k),
            who: who_of(ctx, np),
            end: np.b,
            inverted: false,
        });
    }
    if f & bit::CLITIC_CUE != 0 {
        return Some(Attr {
            cue: (j, j + 1),
            who: clitic_anaphor(ctx, j),
            end: j + 1,
            inverted: false,
        });
    }
    if f & bit::AFTER != 0 {
        // Verb first ("kata X", "said X"): only the after-quotation verbs; a
        // before-verb followed by a noun is a verb and its object ("menyerukan Beijing").
        let np = with_apposed_name(ctx, np_forward(ctx, j + 1, limit, false)?, limit);
        return Some(Attr {
            cue: (j, j + 1),
            who: who_of(ctx, np),
            end: np.b,
            inverted: false,
        });
    }
    if f & bit::H_ACCORDING != 0
        && let Some((k, ())) = lex.according.at(doc, j)
    {
        let np = np_forward(ctx, j + k, limit, false)?;
        return Some(Attr {
            cue: (j, j + k),
            who: who_of(ctx, np),
            end: np.b,
            inverted: false,
        });
    }
    // Inverted: “…,” X said / “…,” Lavrov menambahkan.
    let mut np = np_forward(ctx, j, limit, false)?;
    if np.b - np.a > 8 {
        return None;
    }
    // "economists at Goldman Sachs wrote": a short place or organisation after the
    // speaker, before the verb, belongs to the speaker.
    if ctx.f(np.b) & bit::ADJUNCT != 0
        && let Some(pp) = np_forward(ctx, np.b + 1, limit, false)
        && pp.name.is_some()
        && pp.b - np.a <= 10
        && ctx.f(pp.b) & (bit::AFTER | bit::BEFORE) != 0
    {
        np.b = pp.b;
    }
    let mut k = np.b;
    while k < limit && ctx.f(k) & bit::H_ADVERB != 0 {
        match lex.adverbs.at(doc, k) {
            Some((n, ())) => k += n,
            None => break,
        }
    }
    (k < limit && ctx.f(k) & (bit::AFTER | bit::BEFORE) != 0).then(|| Attr {
        cue: (k, k + 1),
        who: who_of(ctx, np),
        end: k + 1,
        inverted: true,
    })
}

/// "kata kuasa hukum pasangan Anies-Muhaimin, Ari Yusuf Amir": a description (a
/// role first) followed by a comma and a name ending the attribution is that person.
fn with_apposed_name(ctx: &Ctx<'_, '_>, np: Np, limit: usize) -> Np {
    let description = np.role.is_some() && (np.name.is_none() || np.role_first);
    if !description || np.pronoun.is_some() || !ctx.doc.is_punct(np.b, ',') {
        return np;
    }
    let Some(name) = np_forward(ctx, np.b + 1, limit, false) else {
        return np;
    };
    let ends = name.b >= limit
        || ctx.terminal(name.b)
        || ctx.f(name.b) & bit::STOP != 0
        || ctx.doc.is_punct(name.b, ',');
    if name.name.is_some() && name.role.is_none() && name.a == np.b + 1 && ends {
        Np {
            b: name.b,
            name: name.name,
            ..np
        }
    } else {
        np
    }
}

/// After a quotation, a speech verb whose speaker phrase is not recognised
/// ("“…,” kata ibunya"): the verb, and up to three plain words after it as the
/// speaker. Such a quotation is never a scare quote.
pub(crate) fn loose_after(
    ctx: &Ctx<'_, '_>,
    j0: usize,
    limit: usize,
) -> Option<((usize, usize), Option<Np>)> {
    let doc = &ctx.doc;
    let limit = limit.min(doc.len());
    let mut j = j0;
    while j < limit && doc.is_punct(j, ',') {
        j += 1;
    }
    if j >= limit || ctx.f(j) & bit::AFTER == 0 || (j0 > 0 && !doc.same_para(j0 - 1, j)) {
        return None;
    }
    let mut e = j + 1;
    while e < limit && e - j <= 3 && doc.is_word(e) && ctx.f(e) & (bit::STOP | bit::CUE) == 0 {
        e += 1;
    }
    let np = (e > j + 1).then_some(Np {
        a: j + 1,
        b: e,
        ..Np::default()
    });
    Some(((j, j + 1), np))
}

/// How far into an unclosed quotation an attribution cue is looked for.
const MAX_CUT_SCAN: usize = 400;

/// Inside an unclosed quotation (tokens `open+1..stop`, up to its paragraph's end),
/// the first comma followed by an attribution cue ends it: returns the comma and the
/// token after the attribution's sentence, where scanning for marks resumes.
pub(crate) fn cue_cut(ctx: &Ctx<'_, '_>, open: usize, stop: usize) -> Option<(usize, usize)> {
    let doc = &ctx.doc;
    // `stop` is the first token of the next paragraph (or the end). A quotation whose
    // closing mark is missing is looked at for its first MAX_CUT_SCAN tokens only.
    let para_end = stop.min(doc.len());
    for c in open + 2..para_end.min(open + MAX_CUT_SCAN) {
        if !doc.is_punct(c, ',') {
            continue;
        }
        let Some(attr) = post(ctx, c + 1, para_end) else {
            continue;
        };
        let mut r = attr.end;
        while r < para_end && !ctx.terminal(r) {
            r += 1;
        }
        // "…, Indonesia menegaskan komitmennya …" inside a quotation is quoted speech;
        // an inverted attribution ends the quotation only when it ends the paragraph.
        if attr.inverted && (r + 1 < para_end || doc.words_in(attr.end, r) > 6) {
            continue;
        }
        return Some((c, (r + 1).min(para_end)));
    }
    None
}

/// A speech verb (or "menurut") with its subject and where its complement starts.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Frame {
    /// Cue tokens `[a, b)`.
    pub verb: (usize, usize),
    /// The speaker, when one was found.
    pub who: Option<Who>,
    /// First token of what was said (a quotation's opening mark, or the clause after
    /// "bahwa", a colon, a comma, or the verb itself for bare-clause verbs).
    pub comp: Option<usize>,
    /// Sentence index.
    pub sentence: usize,
    /// Set once a quotation took this frame.
    pub used: bool,
}

/// Every frame of the article, in order. `channel_at(j)`: a channel phrase starts at
/// token `j` ("Menurut kantor berita TASS" is a channel, not a speaker).
pub(crate) fn frames(ctx: &Ctx<'_, '_>, channel_at: impl Fn(usize) -> bool) -> Vec<Frame> {
    let doc = &ctx.doc;
    let lex = ctx.lex;
    let mut out = Vec::new();
    for (s, &(a, b)) in ctx.sents.spans.iter().enumerate() {
        for j in a..b {
            if ctx.inside(j) || !doc.is_word(j) {
                continue;
            }
            let f = ctx.f(j);
            let initial = clause_initial(ctx, j, a);
            if f & bit::BEFORE != 0 {
                let who = subject_before(ctx, j, a).map(|np| who_of(ctx, np));
                out.push(Frame {
                    verb: (j, j + 1),
                    who,
                    comp: complement(ctx, j + 1, b, f & bit::BARE != 0),
                    sentence: s,
                    used: false,
                });
            } else if f & bit::H_ACCORDING != 0 && initial && !channel_at(j) {
                let Some((k, ())) = lex.according.at(doc, j) else {
                    continue;
                };
                if let Some(np) = np_forward(ctx, j + k, b, false)
                    && doc.is_punct(np.b, ',')
                {
                    out.push(Frame {
                        verb: (j, j + k),
                        who: Some(who_of(ctx, np)),
                        comp: Some(np.b + 1),
                        sentence: s,
                        used: false,
                    });
                }
            } else if f & bit::CLITIC_CUE != 0 && initial && doc.is_punct(j + 1, ',') {
                // "Menurutnya, …", "Katanya, …"
                out.push(Frame {
                    verb: (j, j + 1),
                    who: Some(clitic_anaphor(ctx, j)),
                    comp: Some(j + 2),
                    sentence: s,
                    used: false,
                });
            } else if f & bit::AFTER != 0
                && j == a
                && let Some(np) = np_forward(ctx, j + 1, b, false)
                && doc.is_punct(np.b, ',')
            {
                // "Kata Jokowi, …"
                out.push(Frame {
                    verb: (j, j + 1),
                    who: Some(who_of(ctx, np)),
                    comp: Some(np.b + 1),
                    sentence: s,
                    used: false,
                });
            }
        }
    }
    out
}

/// Does token `j` start a clause: the sentence start, after a comma, or after
/// leading conjunctions?
fn clause_initial(ctx: &Ctx<'_, '_>, j: usize, a: usize) -> bool {
    if j == a || ctx.doc.is_punct(j - 1, ',') {
        return true;
    }
    let mut k = a;
    while let Some((n, ())) = ctx.lex.conjunctions.at(&ctx.doc, k) {
        k += n;
        if k == j {
            return true;
        }
    }
    false
}

/// Where the complement of a speech verb starts, looking from `j0` (the token after
/// the verb) up to the sentence end `b`: a quotation, or the clause after a
/// complementizer, a colon, a comma right after the verb, or (for bare-clause verbs)
/// right after the verb. Adjuncts in between ("kepada wartawan di Jakarta, Senin,")
/// are skipped; another speech verb or the sentence end means there is none.
fn complement(ctx: &Ctx<'_, '_>, j0: usize, b: usize, bare: bool) -> Option<usize> {
    let doc = &ctx.doc;
    // Words that are not in an adjunct phrase are an object ("menyebut kebijakan itu
    // sebagai langkah “…”"): a quotation after them is not what was said.
    let mut in_adjunct = false;
    let mut object = false;
    for k in j0..(j0 + 12).min(b) {
        if ctx.region_opening_at(k).is_some() {
            return (!object).then_some(k);
        }
        if ctx.inside(k) {
            return None;
        }
        if doc.is_word(k) {
            let f = ctx.f(k);
            if f & bit::COMP != 0 {
                return Some(k + 1);
            }
            if k == j0
                && bare
                && f & (bit::STOP | bit::CLITIC_CUE) == 0
                && !(f & bit::H_NOT_CLAUSE != 0 && ctx.lex.not_clause.at(doc, k).is_some())
            {
                return Some(k);
            }
            if f & bit::CUE != 0 {
                return None;
            }
            if f & bit::ADJUNCT != 0 {
                in_adjunct = true;
            } else if !in_adjunct {
                object = true;
            }
        } else if doc.is_punct(k, ':') || (k == j0 && doc.is_punct(k, ',')) {
            return Some(k + 1);
        } else if ctx.terminal(k) {
            return None;
        }
    }
    None
}
