//! Exact-span scoring with seqeval's definition.
//!
//! An entity is a `(type, start, end)` triple read off a tag sequence the way
//! seqeval's default (non-strict) mode reads it: `I-x` after `O` or after another
//! type starts a new entity (so IOB1 and stray `I-` tags are repaired, not
//! dropped), and a change of type ends one. A prediction counts only when its
//! triple equals a gold triple. Micro scores pool all types; macro is the plain mean
//! of the per-type F1 over the types seen in gold or predictions (seqeval's
//! `average="macro"`). Matching seqeval exactly keeps our figures comparable with
//! published ones.

use crate::label::{EntityType, Tag};
use std::collections::BTreeMap;

/// One chunk tag as seqeval sees it: the prefix letter and the (mapped) type.
/// Types we do not tag are given as `O` by the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkTag {
    /// `'O'`, `'B'`, `'I'`, `'E'` or `'S'`.
    pub prefix: char,
    /// `None` for `O`.
    pub ty: Option<EntityType>,
}

impl ChunkTag {
    /// The `O` tag.
    pub const O: ChunkTag = ChunkTag {
        prefix: 'O',
        ty: None,
    };

    /// Parse a data set's tag (`B-PERSON`, `I-ORGANISATION`, `O`, `S-LOC`,
    /// `PER` …), mapping its type with [`EntityType::from_dataset_name`]. Types we
    /// do not tag (TIME, QUANTITY, …) become `O`. BILOU's `U`/`L` are read as
    /// `S`/`E`; a bare type without prefix (IO format) is read as `I-type`.
    pub fn parse(raw: &str) -> ChunkTag {
        let raw = raw.trim();
        if raw.is_empty() || raw == "O" {
            return ChunkTag::O;
        }
        let (prefix, name) = match raw.split_once(['-', '_']) {
            Some((p, n)) if p.len() == 1 => (p.chars().next().unwrap_or('O'), n),
            _ => ('I', raw),
        };
        let prefix = match prefix.to_ascii_uppercase() {
            'B' => 'B',
            'I' => 'I',
            'E' | 'L' => 'E',
            'S' | 'U' => 'S',
            _ => return ChunkTag::O,
        };
        match EntityType::from_dataset_name(name) {
            Some(ty) => ChunkTag {
                prefix,
                ty: Some(ty),
            },
            None => ChunkTag::O,
        }
    }
}

impl From<Tag> for ChunkTag {
    fn from(t: Tag) -> ChunkTag {
        match t {
            Tag::O => ChunkTag::O,
            Tag::B(ty) => ChunkTag {
                prefix: 'B',
                ty: Some(ty),
            },
            Tag::I(ty) => ChunkTag {
                prefix: 'I',
                ty: Some(ty),
            },
        }
    }
}

/// An entity span: type and inclusive token range, as seqeval reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// Entity type.
    pub ty: EntityType,
    /// First token.
    pub start: usize,
    /// Last token (inclusive).
    pub end: usize,
}

/// seqeval's `get_entities` on one sentence.
pub fn entities(tags: &[ChunkTag]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut prev = ChunkTag::O;
    let mut begin = 0usize;
    for (i, &cur) in tags.iter().chain(std::iter::once(&ChunkTag::O)).enumerate() {
        if end_of_chunk(prev, cur)
            && let Some(ty) = prev.ty
        {
            out.push(Span {
                ty,
                start: begin,
                end: i - 1,
            });
        }
        if start_of_chunk(prev, cur) {
            begin = i;
        }
        prev = cur;
    }
    out
}

fn end_of_chunk(prev: ChunkTag, cur: ChunkTag) -> bool {
    let (p, t) = (prev.prefix, cur.prefix);
    matches!(p, 'E' | 'S')
        || (matches!(p, 'B' | 'I') && matches!(t, 'B' | 'S' | 'O'))
        || (p != 'O' && prev.ty != cur.ty)
}

fn start_of_chunk(prev: ChunkTag, cur: ChunkTag) -> bool {
    let (p, t) = (prev.prefix, cur.prefix);
    matches!(t, 'B' | 'S')
        || (matches!(p, 'E' | 'S' | 'O') && matches!(t, 'E' | 'I'))
        || (t != 'O' && prev.ty != cur.ty)
}

/// Repair any tag sequence into well-formed IOB2 tags with the same entities as
/// seqeval reads them (IOB1 becomes IOB2, a stray `I-` starts an entity).
pub fn to_iob2(tags: &[ChunkTag]) -> Vec<Tag> {
    let mut out = vec![Tag::O; tags.len()];
    for span in entities(tags) {
        out[span.start] = Tag::B(span.ty);
        for t in &mut out[span.start + 1..=span.end] {
            *t = Tag::I(span.ty);
        }
    }
    out
}

/// True positives and counts for one entity type.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted spans equal to a gold span.
    pub tp: usize,
    /// Predicted spans.
    pub pred: usize,
    /// Gold spans.
    pub gold: usize,
}

impl Counts {
    /// Precision (0 when nothing was predicted, as seqeval).
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.pred)
    }
    /// Recall (0 when there is no gold span).
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.gold)
    }
    /// Harmonic mean of precision and recall (0 when both are 0).
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.pred += o.pred;
        self.gold += o.gold;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Accumulates span counts over sentences.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    per_type: BTreeMap<EntityType, Counts>,
    /// Sentences scored.
    pub sentences: usize,
    /// Tokens scored.
    pub tokens: usize,
}

impl Scores {
    /// Add one sentence: gold and predicted tags of equal length.
    pub fn add(&mut self, gold: &[ChunkTag], pred: &[ChunkTag]) {
        self.sentences += 1;
        self.tokens += gold.len();
        let g = entities(gold);
        let p = entities(pred);
        for s in &g {
            self.per_type.entry(s.ty).or_default().gold += 1;
        }
        for s in &p {
            let c = self.per_type.entry(s.ty).or_default();
            c.pred += 1;
            if g.contains(s) {
                c.tp += 1;
            }
        }
    }

    /// Add one sentence of IOB2 tags.
    pub fn add_tags(&mut self, gold: &[Tag], pred: &[Tag]) {
        let g: Vec<ChunkTag> = gold.iter().map(|&t| t.into()).collect();
        let p: Vec<ChunkTag> = pred.iter().map(|&t| t.into()).collect();
        self.add(&g, &p);
    }

    /// Merge another accumulator into this one.
    pub fn merge(&mut self, other: &Scores) {
        for (ty, c) in &other.per_type {
            self.per_type.entry(*ty).or_default().add(*c);
        }
        self.sentences += other.sentences;
        self.tokens += other.tokens;
    }

    /// Counts for one type (zero when the type never occurred).
    pub fn counts(&self, ty: EntityType) -> Counts {
        self.per_type.get(&ty).copied().unwrap_or_default()
    }

    /// Counts pooled over all types (micro average).
    pub fn micro(&self) -> Counts {
        let mut all = Counts::default();
        for c in self.per_type.values() {
            all.add(*c);
        }
        all
    }

    /// Mean per-type F1 over the types seen in gold or predictions.
    pub fn macro_f1(&self) -> f64 {
        if self.per_type.is_empty() {
            return 0.0;
        }
        self.per_type.values().map(Counts::f1).sum::<f64>() / self.per_type.len() as f64
    }

    /// Mean per-type precision and recall (seqeval's macro rows).
    pub fn macro_pr(&self) -> (f64, f64) {
        if self.per_type.is_empty() {
            return (0.0, 0.0);
        }
        let n = self.per_type.len() as f64;
        (
            self.per_type.values().map(Counts::precision).sum::<f64>() / n,
            self.per_type.values().map(Counts::recall).sum::<f64>() / n,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityType::*;

    fn tags(s: &str) -> Vec<ChunkTag> {
        s.split_whitespace().map(ChunkTag::parse).collect()
    }

    fn spans(s: &str) -> Vec<(EntityType, usize, usize)> {
        entities(&tags(s))
            .into_iter()
            .map(|s| (s.ty, s.start, s.end))
            .collect()
    }

    #[test]
    fn iob2_spans() {
        assert_eq!(
            spans("B-PER I-PER O B-LOC B-LOC I-LOC"),
            vec![(Per, 0, 1), (Loc, 3, 3), (Loc, 4, 5)]
        );
    }

    #[test]
    fn iob1_and_stray_i_start_entities() {
        // IOB1: I- opens an entity; B- only separates adjacent same-type ones.
        assert_eq!(
            spans("I-PER I-PER B-PER O I-LOC"),
            vec![(Per, 0, 1), (Per, 2, 2), (Loc, 4, 4)]
        );
        // A type change inside a run splits it (seqeval, not strict mode).
        assert_eq!(spans("B-PER I-ORG I-ORG"), vec![(Per, 0, 0), (Org, 1, 2)]);
    }

    #[test]
    fn unmapped_types_become_o() {
        assert_eq!(
            spans("B-TIME I-TIME B-PERSON I-QUANTITY"),
            vec![(Per, 2, 2)]
        );
        assert_eq!(spans("B-ORGANIZATION I-ORGANIZATION"), vec![(Org, 0, 1)]);
    }

    #[test]
    fn bioes_is_read() {
        assert_eq!(
            spans("S-PER B-LOC E-LOC O E-ORG"),
            vec![(Per, 0, 0), (Loc, 1, 2), (Org, 4, 4)]
        );
    }

    #[test]
    fn scores_count_exact_spans_only() {
        let mut s = Scores::default();
        // gold: PER(0,1) LOC(3,3); pred: PER(0,0) [partial], ORG(3,3) [type mismatch]
        s.add(&tags("B-PER I-PER O B-LOC"), &tags("B-PER O O B-ORG"));
        // gold: LOC(0,1); pred: LOC(0,1) via IOB1
        s.add(&tags("B-LOC I-LOC"), &tags("I-LOC I-LOC"));
        let m = s.micro();
        assert_eq!(
            m,
            Counts {
                tp: 1,
                pred: 3,
                gold: 3
            }
        );
        assert!((m.f1() - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(
            s.counts(Loc),
            Counts {
                tp: 1,
                pred: 1,
                gold: 2
            }
        );
        assert_eq!(
            s.counts(Org),
            Counts {
                tp: 0,
                pred: 1,
                gold: 0
            }
        );
        // macro over PER (0), ORG (0), LOC (2/3)
        assert!((s.macro_f1() - (2.0 / 3.0) / 3.0).abs() < 1e-12);
    }

    #[test]
    fn to_iob2_repairs() {
        let t = to_iob2(&tags("I-PER I-PER O I-LOC B-LOC"));
        assert_eq!(
            t,
            vec![Tag::B(Per), Tag::I(Per), Tag::O, Tag::B(Loc), Tag::B(Loc)]
        );
    }
}
