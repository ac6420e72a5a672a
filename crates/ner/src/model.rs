//! The model file: what training produces and tagging loads.
//!
//! A compact little-endian binary format of our own (no serialisation crate is
//! needed for a handful of arrays):
//!
//! ```text
//! "WARTANER"  magic (8 bytes)          u32 version
//! u8 scheme   u8 labels   u32 feature groups   u8 weight encoding
//! str description (u32 length + UTF-8)
//! u16 classes, each str (u16 length + UTF-8)   — phrase class names
//! u32 phrases, each u8 class, u8 length, u64 × length token hashes
//! u32 words,   each u64 hash, u32 path, u8 path length, u8 capitalisation bucket
//! u8 blocks,   each u8 domain (0 shared, 1 news, 2 wiki), u32 features,
//!              u64 × features keys (sorted), weights, f32 × (labels+1) × labels transitions
//! u64 XXH3 of everything before
//! ```
//!
//! Weights are stored as `i16` with one `f32` scale per block (encoding 1) or as
//! `f32` (encoding 0); quantising halves the file without changing a tag on the dev
//! sets. The checksum is verified before anything is parsed, and every count is
//! checked against the bytes that remain, so a corrupt or truncated file is a
//! [`ModelError`], never a panic or a huge allocation.

use crate::clusters::{ClusterMap, WordInfo};
use crate::error::ModelError;
use crate::features::Resources;
use crate::label::Scheme;
use crate::phrases::{MAX_CLASSES, PhraseSet};

/// Magic bytes at the start of every model file.
pub const MAGIC: &[u8; 8] = b"WARTANER";
/// Format version written and read by this build.
pub const VERSION: u32 = 1;

/// How weights are stored in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeightEncoding {
    /// 32-bit floats.
    F32,
    /// 16-bit integers times a per-block scale.
    I16,
}

/// One block of weights: shared (domain 0) or one domain's adjustments.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// 0 for the shared block, else [`crate::Domain::code`].
    pub domain: u8,
    /// Feature keys, sorted, unique.
    pub keys: Vec<u64>,
    /// `keys.len() × labels` weights, row-major.
    pub weights: Vec<f32>,
    /// `(labels + 1) × labels` transition weights; the last row is the start row.
    pub trans: Vec<f32>,
}

/// Everything a model file holds.
#[derive(Debug, Clone)]
pub struct ModelData {
    /// Label scheme decoded over.
    pub scheme: Scheme,
    /// Features and the lists they come from.
    pub resources: Resources,
    /// Weight blocks.
    pub blocks: Vec<Block>,
    /// How training was run (data, options), for `warta` to print.
    pub description: String,
    /// How weights are written.
    pub encoding: WeightEncoding,
}

struct Writer(Vec<u8>);

impl Writer {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u16(&mut self, v: u16) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn f32(&mut self, v: f32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn str32(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
    }
    fn str16(&mut self, s: &str) {
        let b = &s.as_bytes()[..s.len().min(u16::MAX as usize)];
        self.u16(b.len() as u16);
        self.0.extend_from_slice(b);
    }
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], ModelError> {
        let end = self.pos.checked_add(n).ok_or(ModelError::Truncated(what))?;
        if end > self.b.len() {
            return Err(ModelError::Truncated(what));
        }
        let s = &self.b[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn arr<const N: usize>(&mut self, what: &'static str) -> Result<[u8; N], ModelError> {
        let s = self.take(N, what)?;
        let mut a = [0u8; N];
        a.copy_from_slice(s);
        Ok(a)
    }
    fn u8(&mut self, what: &'static str) -> Result<u8, ModelError> {
        Ok(self.arr::<1>(what)?[0])
    }
    fn u16(&mut self, what: &'static str) -> Result<u16, ModelError> {
        Ok(u16::from_le_bytes(self.arr(what)?))
    }
    fn u32(&mut self, what: &'static str) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.arr(what)?))
    }
    fn u64(&mut self, what: &'static str) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(self.arr(what)?))
    }
    fn f32(&mut self, what: &'static str) -> Result<f32, ModelError> {
        let v = f32::from_le_bytes(self.arr(what)?);
        if v.is_nan() {
            return Err(ModelError::Invalid(format!("NaN in {what}")));
        }
        Ok(v)
    }
    fn remaining(&self) -> usize {
        self.b.len() - self.pos
    }
    /// A count of items of `size` bytes each that must fit in what remains.
    fn count(&mut self, size: usize, what: &'static str) -> Result<usize, ModelError> {
        let n = self.u32(what)? as usize;
        if n.saturating_mul(size) > self.remaining() {
            return Err(ModelError::Truncated(what));
        }
        Ok(n)
    }
    fn string(&mut self, n: usize, what: &'static str) -> Result<String, ModelError> {
        let b = self.take(n, what)?;
        String::from_utf8(b.to_vec()).map_err(|_| ModelError::Invalid(format!("{what}: not UTF-8")))
    }
}

impl ModelData {
    /// Serialise. Deterministic: the same model gives the same bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let l = self.scheme.n_labels();
        let mut w = Writer(Vec::new());
        w.0.extend_from_slice(MAGIC);
        w.u32(VERSION);
        w.u8(self.scheme.code());
        w.u8(l as u8);
        w.u32(self.resources.groups);
        w.u8(match self.encoding {
            WeightEncoding::F32 => 0,
            WeightEncoding::I16 => 1,
        });
        w.str32(&self.description);
        w.u16(self.resources.class_names.len() as u16);
        for c in &self.resources.class_names {
            w.str16(c);
        }
        let phrases = self.resources.phrases.phrases();
        w.u32(phrases.len() as u32);
        for (class, toks) in phrases {
            let toks = &toks[..toks.len().min(255)];
            w.u8(*class);
            w.u8(toks.len() as u8);
            for &t in toks {
                w.u64(t);
            }
        }
        let words = self.resources.clusters.sorted_pairs();
        w.u32(words.len() as u32);
        for (h, info) in words {
            w.u64(h);
            w.u32(info.path);
            w.u8(info.len);
            w.u8(info.cap);
        }
        w.u8(self.blocks.len() as u8);
        for b in &self.blocks {
            w.u8(b.domain);
            w.u32(b.keys.len() as u32);
            for &k in &b.keys {
                w.u64(k);
            }
            match self.encoding {
                WeightEncoding::F32 => {
                    for &x in &b.weights {
                        w.f32(x);
                    }
                }
                WeightEncoding::I16 => {
                    let scale = quant_scale(&b.weights);
                    w.f32(scale);
                    for &x in &b.weights {
                        w.u16(quantise(x, scale) as u16);
                    }
                }
            }
            for &x in &b.trans {
                w.f32(x);
            }
        }
        let sum = crate::hash::bytes(&w.0);
        w.u64(sum);
        w.0
    }

    /// Parse and validate a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<ModelData, ModelError> {
        if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
            return Err(ModelError::BadMagic);
        }
        if bytes.len() < MAGIC.len() + 4 + 8 {
            return Err(ModelError::Truncated("header"));
        }
        let mut r = Reader {
            b: bytes,
            pos: MAGIC.len(),
        };
        let version = r.u32("version")?;
        if version != VERSION {
            return Err(ModelError::Version {
                found: version,
                expected: VERSION,
            });
        }
        let (body, tail) = bytes.split_at(bytes.len() - 8);
        let mut sum = [0u8; 8];
        sum.copy_from_slice(tail);
        if crate::hash::bytes(body) != u64::from_le_bytes(sum) {
            return Err(ModelError::Checksum);
        }
        let mut r = Reader {
            b: body,
            pos: r.pos,
        };
        let scheme = Scheme::from_code(r.u8("scheme")?)
            .ok_or_else(|| ModelError::Invalid("unknown label scheme".into()))?;
        let l = usize::from(r.u8("labels")?);
        if l != scheme.n_labels() {
            return Err(ModelError::Invalid(format!(
                "{l} labels for a {}-label scheme",
                scheme.n_labels()
            )));
        }
        let groups = r.u32("feature groups")?;
        let encoding = match r.u8("weight encoding")? {
            0 => WeightEncoding::F32,
            1 => WeightEncoding::I16,
            e => return Err(ModelError::Invalid(format!("weight encoding {e}"))),
        };
        let n = r.count(1, "description")?;
        let description = r.string(n, "description")?;
        let n_classes = usize::from(r.u16("class count")?);
        if n_classes > MAX_CLASSES {
            return Err(ModelError::Invalid(format!("{n_classes} phrase classes")));
        }
        let mut class_names = Vec::with_capacity(n_classes);
        for _ in 0..n_classes {
            let len = usize::from(r.u16("class name")?);
            class_names.push(r.string(len, "class name")?);
        }
        let n_phrases = r.count(2, "phrases")?;
        let mut phrases = PhraseSet::new();
        let mut toks = Vec::new();
        for _ in 0..n_phrases {
            let class = r.u8("phrase class")?;
            if usize::from(class) >= n_classes {
                return Err(ModelError::Invalid(format!("phrase class {class}")));
            }
            let len = usize::from(r.u8("phrase length")?);
            toks.clear();
            for _ in 0..len {
                toks.push(r.u64("phrase token")?);
            }
            phrases.add_hashes(class, &toks);
        }
        let n_words = r.count(14, "clusters")?;
        let mut words = Vec::with_capacity(n_words);
        for _ in 0..n_words {
            let h = r.u64("word hash")?;
            let path = r.u32("word path")?;
            let len = r.u8("path length")?;
            let cap = r.u8("capitalisation bucket")?;
            if len > 32 || cap > 5 {
                return Err(ModelError::Invalid("cluster entry out of range".into()));
            }
            words.push((h, WordInfo { path, len, cap }));
        }
        let n_blocks = usize::from(r.u8("blocks")?);
        let mut blocks = Vec::with_capacity(n_blocks);
        for _ in 0..n_blocks {
            let domain = r.u8("block domain")?;
            let per_row = 8 + l * 2;
            let nk = r.count(per_row, "block keys")?;
            let mut keys = Vec::with_capacity(nk);
            for _ in 0..nk {
                keys.push(r.u64("key")?);
            }
            if keys.windows(2).any(|w| w[0] >= w[1]) {
                return Err(ModelError::Invalid("feature keys not sorted".into()));
            }
            let nw = nk * l;
            let mut weights = Vec::with_capacity(nw);
            match encoding {
                WeightEncoding::F32 => {
                    for _ in 0..nw {
                        weights.push(r.f32("weights")?);
                    }
                }
                WeightEncoding::I16 => {
                    let scale = r.f32("weight scale")?;
                    for _ in 0..nw {
                        weights.push(f32::from(r.u16("weights")? as i16) * scale);
                    }
                }
            }
            let mut trans = Vec::with_capacity((l + 1) * l);
            for _ in 0..(l + 1) * l {
                trans.push(r.f32("transitions")?);
            }
            blocks.push(Block {
                domain,
                keys,
                weights,
                trans,
            });
        }
        if r.remaining() != 0 {
            return Err(ModelError::Invalid(format!(
                "{} unexpected bytes at the end",
                r.remaining()
            )));
        }
        Ok(ModelData {
            scheme,
            resources: Resources {
                clusters: ClusterMap::from_pairs(words),
                phrases,
                connector_class: class_names
                    .iter()
                    .position(|c| c == "connector")
                    .map(|i| i as u8),
                class_names,
                groups,
            },
            blocks,
            description,
            encoding,
        })
    }

    /// Round every weight as the file would store it (so a model used right after
    /// training tags exactly like the same model loaded from disk).
    pub fn quantise_in_place(&mut self) {
        if self.encoding == WeightEncoding::I16 {
            for b in &mut self.blocks {
                let scale = quant_scale(&b.weights);
                for x in &mut b.weights {
                    *x = f32::from(quantise(*x, scale)) * scale;
                }
            }
        }
    }
}

/// A power of two, so that `q * scale` is exact and quantising an already
/// quantised block gives back the same integers.
fn quant_scale(w: &[f32]) -> f32 {
    let max = w.iter().fold(0f32, |m, x| m.max(x.abs()));
    if max == 0.0 || !max.is_finite() {
        return 1.0;
    }
    let e = (f64::from(max) / 32767.0).log2().ceil() as i32;
    2f64.powi(e) as f32
}

fn quantise(x: f32, scale: f32) -> i16 {
    (x / scale).round().clamp(-32767.0, 32767.0) as i16
}

/// Weights of one domain, merged from the shared block and the domain's block,
/// in an open-addressing table for fast lookup by feature key.
#[derive(Debug, Clone)]
pub struct Table {
    mask: usize,
    /// (key, row + 1); row 0 means empty.
    slots: Vec<(u64, u32)>,
    rows: Vec<f32>,
    labels: usize,
    /// Transitions with forbidden ones at `-inf`, `(labels + 1) × labels`.
    pub trans: Vec<f32>,
    /// Score added at the last token (`-inf` where a sentence may not end).
    pub end: Vec<f32>,
    /// The transitions `trans` allows, for decoding.
    pub allowed: crate::viterbi::Allowed,
}

impl Table {
    /// Merge `blocks` for domain code `domain` (0 = shared part only).
    pub fn build(scheme: Scheme, blocks: &[Block], domain: u8) -> Table {
        let l = scheme.n_labels();
        let mut merged: Vec<(u64, Vec<f32>)> = Vec::new();
        let mut index = crate::hash::IdMap::default();
        let mut trans = vec![0f32; (l + 1) * l];
        for b in blocks
            .iter()
            .filter(|b| b.domain == 0 || (domain != 0 && b.domain == domain))
        {
            for (i, &k) in b.keys.iter().enumerate() {
                let row = &b.weights[i * l..(i + 1) * l];
                let at = *index.entry(k).or_insert_with(|| {
                    merged.push((k, vec![0f32; l]));
                    merged.len() - 1
                });
                for (d, s) in merged[at].1.iter_mut().zip(row) {
                    *d += s;
                }
            }
            for (d, s) in trans.iter_mut().zip(&b.trans) {
                *d += s;
            }
        }
        for from in 0..=l {
            for to in 0..l {
                let prev = (from < l).then_some(from);
                if !scheme.allowed(prev, to) {
                    trans[from * l + to] = f32::NEG_INFINITY;
                }
            }
        }
        let end = (0..l)
            .map(|j| {
                if scheme.allowed_end(j) {
                    0.0
                } else {
                    f32::NEG_INFINITY
                }
            })
            .collect();
        let cap = (merged.len() * 2).next_power_of_two().max(16);
        let mut slots = vec![(0u64, 0u32); cap];
        let mut rows = Vec::with_capacity(merged.len() * l);
        for (r, (k, w)) in merged.iter().enumerate() {
            let mut i = (*k as usize) & (cap - 1);
            while slots[i].1 != 0 {
                i = (i + 1) & (cap - 1);
            }
            slots[i] = (*k, r as u32 + 1);
            rows.extend_from_slice(w);
        }
        Table {
            mask: cap - 1,
            slots,
            rows,
            labels: l,
            allowed: crate::viterbi::Allowed::of(&trans, l),
            trans,
            end,
        }
    }

    /// The weight row of feature `key`, if the model has it.
    #[inline]
    pub fn row(&self, key: u64) -> Option<&[f32]> {
        let mut i = (key as usize) & self.mask;
        loop {
            let (k, r) = self.slots[i];
            if r == 0 {
                return None;
            }
            if k == key {
                let r = (r - 1) as usize * self.labels;
                return Some(&self.rows[r..r + self.labels]);
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Number of features.
    pub fn len(&self) -> usize {
        self.rows.len() / self.labels.max(1)
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Sum the rows of `keys` into `out` (length = labels).
    #[inline]
    pub fn score_into(&self, keys: &[u64], out: &mut [f32]) {
        out.fill(0.0);
        for &k in keys {
            if let Some(row) = self.row(k) {
                for (o, w) in out.iter_mut().zip(row) {
                    *o += w;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> ModelData {
        let l = Scheme::Iob2.n_labels();
        let mut phrases = PhraseSet::new();
        phrases.add_text(0, "Menteri Luar Negeri");
        ModelData {
            scheme: Scheme::Iob2,
            resources: Resources {
                clusters: ClusterMap::from_pairs([(
                    5,
                    WordInfo {
                        path: 3,
                        len: 2,
                        cap: 1,
                    },
                )]),
                phrases,
                class_names: vec!["title".into()],
                groups: 0xff,
                connector_class: None,
            },
            blocks: vec![Block {
                domain: 0,
                keys: vec![1, 7],
                weights: (0..2 * l).map(|i| i as f32 * 0.5 - 2.0).collect(),
                trans: vec![0.25; (l + 1) * l],
            }],
            description: "test".into(),
            encoding: WeightEncoding::F32,
        }
    }

    #[test]
    fn round_trip_is_exact() {
        let m = tiny();
        let b = m.to_bytes();
        let back = ModelData::from_bytes(&b).unwrap();
        assert_eq!(back.blocks, m.blocks);
        assert_eq!(back.description, "test");
        assert_eq!(back.resources.phrases.len(), m.resources.phrases.len());
        assert_eq!(back.to_bytes(), b);
    }

    #[test]
    fn corrupt_files_are_typed_errors() {
        let b = tiny().to_bytes();
        assert_eq!(
            ModelData::from_bytes(b"nope").err(),
            Some(ModelError::BadMagic)
        );
        let mut c = b.clone();
        let mid = c.len() / 2;
        c[mid] ^= 1;
        assert_eq!(ModelData::from_bytes(&c).err(), Some(ModelError::Checksum));
        for cut in [9, 12, 20, b.len() - 1] {
            assert!(ModelData::from_bytes(&b[..cut]).is_err());
        }
        let mut v = b.clone();
        v[8] = 9;
        assert!(matches!(
            ModelData::from_bytes(&v),
            Err(ModelError::Version { found: 9, .. })
        ));
    }

    #[test]
    fn table_merges_domain_blocks() {
        let mut m = tiny();
        let l = Scheme::Iob2.n_labels();
        m.blocks.push(Block {
            domain: 2,
            keys: vec![7, 9],
            weights: vec![1.0; 2 * l],
            trans: vec![0.0; (l + 1) * l],
        });
        let shared = Table::build(m.scheme, &m.blocks, 0);
        let wiki = Table::build(m.scheme, &m.blocks, 2);
        assert_eq!(shared.len(), 2);
        assert_eq!(wiki.len(), 3);
        let base = shared.row(7).unwrap()[0];
        assert_eq!(wiki.row(7).unwrap()[0], base + 1.0);
        assert!(shared.row(9).is_none());
        assert!(wiki.row(12345).is_none());
    }

    #[test]
    fn quantised_round_trip() {
        let mut m = tiny();
        m.encoding = WeightEncoding::I16;
        m.quantise_in_place();
        let b = m.to_bytes();
        let back = ModelData::from_bytes(&b).unwrap();
        assert_eq!(back.blocks, m.blocks);
    }
}
