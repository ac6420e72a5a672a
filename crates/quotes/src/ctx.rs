//! One article prepared for attribution: tokens, word flags, quoted regions,
//! sentences. Built once per article; every finder module reads it.

use std::ops::Range;

use crate::lexicon::{Lexicon, bit};
use crate::marks::{self, Region};
use crate::sentence::{self, Sentences};
use crate::token::Doc;

/// The prepared article.
#[derive(Debug)]
pub(crate) struct Ctx<'t, 'l> {
    /// Tokens.
    pub doc: Doc<'t>,
    /// The lexicon.
    pub lex: &'l Lexicon,
    /// [`bit`] flags of each token (0 for non-words).
    pub flags: Vec<u32>,
    /// Quoted regions, in order.
    pub regions: Vec<Region>,
    /// 1 + region index of each token inside a region (marks included), else 0.
    pub rid: Vec<u32>,
    /// Sentences.
    pub sents: Sentences,
    /// Scare-quote threshold for the article's language.
    pub min_words: usize,
}

impl<'t, 'l> Ctx<'t, 'l> {
    /// Tokenise `text` (paragraphs as byte ranges), find quoted regions and sentences.
    pub fn new(text: &'t str, paras: &[Range<usize>], lex: &'l Lexicon, lang: &str) -> Self {
        let doc = Doc::new(text, paras);
        let common = lex.common_bit(lang);
        let flags = (0..doc.len())
            .map(|i| token_flags(&doc, lex, i, common))
            .collect();
        let n = doc.len();
        let mut ctx = Ctx {
            doc,
            lex,
            flags,
            regions: Vec::new(),
            rid: vec![0; n],
            sents: Sentences {
                spans: Vec::new(),
                of: Vec::new(),
            },
            min_words: lex.min_words(lang),
        };
        let regions = marks::regions(&ctx.doc, |open, stop| {
            crate::cues::cue_cut(&ctx, open, stop)
        });
        for (k, r) in regions.iter().enumerate() {
            let last = match r.end {
                marks::End::Closed => r.stop + 1,
                _ => r.stop,
            };
            for slot in ctx.rid.iter_mut().take(last.min(n)).skip(r.open) {
                *slot = k as u32 + 1;
            }
        }
        ctx.regions = regions;
        ctx.sents = sentence::split(&ctx.doc, lex, &ctx.regions, &ctx.rid);
        ctx
    }

    /// Flags of token `i` (0 past the end).
    pub fn f(&self, i: usize) -> u32 {
        self.flags.get(i).copied().unwrap_or(0)
    }

    /// Is token `i` inside a quoted region?
    pub fn inside(&self, i: usize) -> bool {
        self.rid.get(i).is_some_and(|&r| r != 0)
    }

    /// Is token `i` the opening mark of a region? Returns its index.
    pub fn region_opening_at(&self, i: usize) -> Option<usize> {
        let r = *self.rid.get(i)?;
        let k = r.checked_sub(1)? as usize;
        (self.regions.get(k)?.open == i).then_some(k)
    }

    /// Is token `i` sentence-final punctuation?
    pub fn terminal(&self, i: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| {
            t.kind == crate::token::Kind::Punct
                && matches!(self.doc.first_char(i), Some('.' | '!' | '?' | '…'))
        })
    }
}

/// Flags of one token: its word's flags, plus [`bit::CLITIC_CUE`] for "ujarnya" and
/// [`bit::COMMON`] for a frequent word of the article's language (`common` bit).
fn token_flags(doc: &Doc<'_>, lex: &Lexicon, i: usize, common: u32) -> u32 {
    if !doc.is_word(i) {
        return 0;
    }
    let w = doc.lower(i);
    let (mut f, langs) = lex.word_entry(w);
    if f == 0
        && let Some(stem) = w.strip_suffix("'s")
    {
        f = lex.word_flags(stem);
    }
    // An acronym ("AS", "WHO") is not the function word it spells ("as", "who"):
    // keep only what phrase tables can confirm case-sensitively or as names.
    let raw = doc.raw(i);
    if raw.chars().nth(1).is_some() && raw.chars().all(|c| c.is_uppercase() || c == '.') {
        f &= bit::PHRASE_HEADS;
    }
    if f & bit::AFTER == 0 && lex.clitic_cue(w).is_some() {
        f |= bit::CLITIC_CUE;
    }
    if langs & common != 0 {
        f |= bit::COMMON;
    }
    f
}
