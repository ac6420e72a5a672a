//! Training: a linear-chain CRF by L-BFGS (the default, `crf.rs`; L2 on shared
//! weights, twice that on per-domain ones) or an averaged structured perceptron over
//! first-order label chains, with every feature learned both shared and per domain.
//!
//! The perceptron trains the full feature set over both corpora in well under a
//! minute, which is what made tuning features on the dev sets possible; the CRF
//! (~80 s here) reaches a deterministic optimum and scores higher, so it is what
//! `warta train ner` builds. Domain adaptation is Daumé's "frustratingly easy"
//! augmentation: each feature has a shared weight row and a row for the
//! sentence's domain, so IDNer2k and NERGrit can disagree on conventions (is
//! "Kabupaten" part of the name?) while sharing everything else.
//!
//! Determinism: sentences are visited in an order shuffled by a seeded SplitMix
//! generator, feature ids are assigned in first-seen order, sums run in a fixed
//! order on one thread, and the model is written with sorted keys — the same
//! input gives a byte-identical model file.

use crate::corpus::{Domain, Sentence};
use crate::crf;
pub use crate::crf::CrfOptions;
use crate::error::NerError;
use crate::features::{Resources, Scratch};
use crate::hash::{self, IdMap, SplitMix};
use crate::label::Scheme;
use crate::model::{Block, ModelData, WeightEncoding};
use crate::viterbi;

/// Training options.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the training data.
    pub epochs: usize,
    /// Label scheme decoded over.
    pub scheme: Scheme,
    /// Features seen fewer times in training are dropped.
    pub min_count: u32,
    /// Seed of the shuffling generator.
    pub seed: u64,
    /// Learn per-domain weight rows besides the shared ones.
    pub domain_blocks: bool,
    /// Rows whose averaged weights are all within this of zero are dropped.
    pub prune: f32,
    /// How weights are stored.
    pub encoding: WeightEncoding,
    /// Perceptrons trained on different shuffles and averaged.
    pub ensemble: usize,
    /// The learning algorithm.
    pub algorithm: Algorithm,
}

/// How weights are learned.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Algorithm {
    /// Averaged structured perceptron (`epochs`, `ensemble` apply).
    Perceptron,
    /// CRF by L-BFGS.
    Crf(CrfOptions),
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 30,
            scheme: Scheme::Bioes,
            min_count: 1,
            seed: 0x5741_5254_414E_4552,
            domain_blocks: true,
            prune: 1e-3,
            encoding: WeightEncoding::I16,
            ensemble: 4,
            algorithm: Algorithm::Perceptron,
        }
    }
}

/// Indexed training data: feature ids per token, gold labels.
struct Indexed {
    /// Feature ids of token `t`: `ids[tok_off[t]..tok_off[t+1]]`.
    ids: Vec<u32>,
    tok_off: Vec<usize>,
    /// Per sentence: first token, token count, domain.
    sents: Vec<(usize, usize, Domain)>,
    gold: Vec<usize>,
    /// Per feature id: (block, key).
    feat: Vec<(u8, u64)>,
}

fn block_of(domain: Domain) -> u8 {
    domain.code()
}

fn index(
    train: &[Sentence],
    resources: &Resources,
    opts: &TrainOptions,
) -> Result<Indexed, NerError> {
    let mut scratch = Scratch::default();
    // Pass 1: count (block, key) occurrences.
    let mut counts: IdMap<u64, u32> = IdMap::default();
    let slot = |block: u8, key: u64| {
        if block == 0 {
            key
        } else {
            hash::mix(key, u64::from(block))
        }
    };
    for s in train {
        resources.extract(&s.tokens, &mut scratch);
        for &k in &scratch.keys {
            *counts.entry(k).or_default() += 1;
            if opts.domain_blocks {
                *counts.entry(slot(block_of(s.domain), k)).or_default() += 1;
            }
        }
    }
    // Pass 2: assign ids in first-seen order.
    let mut ids_of: IdMap<u64, u32> = IdMap::default();
    let mut out = Indexed {
        ids: Vec::new(),
        tok_off: vec![0],
        sents: Vec::with_capacity(train.len()),
        gold: Vec::new(),
        feat: Vec::new(),
    };
    for s in train {
        if s.tokens.len() != s.tags.len() {
            return Err(NerError::Train(
                "a sentence has tokens and tags of different lengths".into(),
            ));
        }
        let first = out.tok_off.len() - 1;
        resources.extract(&s.tokens, &mut scratch);
        let blocks: &[u8] = if opts.domain_blocks {
            &[0, block_of(s.domain)]
        } else {
            &[0]
        };
        for t in 0..s.tokens.len() {
            for &k in &scratch.keys[scratch.offsets[t] as usize..scratch.offsets[t + 1] as usize] {
                for &b in blocks {
                    let sk = slot(b, k);
                    if counts.get(&sk).copied().unwrap_or(0) < opts.min_count {
                        continue;
                    }
                    let next = out.feat.len() as u32;
                    let id = *ids_of.entry(sk).or_insert_with(|| {
                        out.feat.push((b, k));
                        next
                    });
                    out.ids.push(id);
                }
            }
            out.tok_off.push(out.ids.len());
        }
        out.gold.extend(opts.scheme.from_tags(&s.tags));
        out.sents.push((first, s.tokens.len(), s.domain));
    }
    Ok(out)
}

/// Progress after one epoch.
#[derive(Debug, Clone)]
pub struct EpochReport {
    /// 1-based epoch.
    pub epoch: usize,
    /// 0-based ensemble member.
    pub member: usize,
    /// Sentences decoded wrongly during the epoch (before their update).
    pub mistakes: usize,
    /// Sentences in the epoch.
    pub sentences: usize,
    /// CRF: the penalised negative log-likelihood after this L-BFGS iteration
    /// (`epoch` is then the iteration and `mistakes` is 0).
    pub objective: Option<f64>,
}

/// Perceptron state: weights and the averaging accumulators.
struct Perceptron {
    l: usize,
    w: Vec<f32>,
    u: Vec<f64>,
    /// Transitions per block (0 shared, 1 news, 2 wiki): `(l+1) × l` each.
    tw: Vec<f32>,
    tu: Vec<f64>,
    c: f64,
}

impl Perceptron {
    fn upd(&mut self, f: u32, label: usize, d: f32) {
        let i = f as usize * self.l + label;
        self.w[i] += d;
        self.u[i] += self.c * f64::from(d);
    }
    fn upd_t(&mut self, block: usize, from: usize, to: usize, d: f32) {
        let i = block * (self.l + 1) * self.l + from * self.l + to;
        self.tw[i] += d;
        self.tu[i] += self.c * f64::from(d);
    }
    fn avg(&self, i: usize) -> f32 {
        (f64::from(self.w[i]) - self.u[i] / self.c) as f32
    }
    fn avg_t(&self, i: usize) -> f32 {
        (f64::from(self.tw[i]) - self.tu[i] / self.c) as f32
    }
}

/// Averaged weights of one trained perceptron (or the mean of several).
struct Averaged {
    w: Vec<f32>,
    t: Vec<f32>,
}

impl Perceptron {
    fn averaged(&self) -> Averaged {
        Averaged {
            w: (0..self.w.len()).map(|i| self.avg(i)).collect(),
            t: (0..self.tw.len()).map(|i| self.avg_t(i)).collect(),
        }
    }
}

/// Train a model. `on_epoch` is called after every epoch of every ensemble
/// member with the progress and the model as it would be saved if that member
/// were the last (so callers can score dev sets).
///
/// With `opts.ensemble > 1`, that many perceptrons are trained on differently
/// shuffled orders (seeds `seed`, `seed + 1`, …) and their averaged weights are
/// averaged again ("parameter mixing"): one model of the same size and speed,
/// with much less dependence on the order the sentences happened to be visited in.
pub fn train(
    train: &[Sentence],
    resources: Resources,
    opts: &TrainOptions,
    description: &str,
    mut on_epoch: impl FnMut(&EpochReport, &dyn Fn() -> ModelData),
) -> Result<ModelData, NerError> {
    if train.is_empty() {
        return Err(NerError::Train("no training sentences".into()));
    }
    if opts.epochs == 0 || opts.ensemble == 0 {
        return Err(NerError::Train(
            "epochs and ensemble must be at least 1".into(),
        ));
    }
    let data = index(train, &resources, opts)?;
    if let Algorithm::Crf(crf_opts) = opts.algorithm {
        let problem = crf::Problem {
            scheme: opts.scheme,
            n_feat: data.feat.len(),
            ids: &data.ids,
            tok_off: &data.tok_off,
            sents: data
                .sents
                .iter()
                .map(|&(f, n, d)| (f, n, usize::from(d.code())))
                .collect(),
            gold: &data.gold,
            domain_blocks: opts.domain_blocks,
            feat_block: data.feat.iter().map(|&(b, _)| b).collect(),
        };
        let w = crf::train(&problem, &crf_opts, &mut |iter, f| {
            let report = EpochReport {
                epoch: iter,
                member: 0,
                mistakes: 0,
                sentences: data.sents.len(),
                objective: Some(f),
            };
            on_epoch(&report, &|| {
                // Intermediate CRF weights are not kept; report progress only.
                export(
                    &Averaged {
                        w: Vec::new(),
                        t: Vec::new(),
                    },
                    &data,
                    &resources,
                    opts,
                    description,
                )
            })
        });
        return Ok(export(
            &Averaged { w: w.w, t: w.t },
            &data,
            &resources,
            opts,
            description,
        ));
    }
    let mut mixed: Option<Averaged> = None;
    for member in 0..opts.ensemble {
        let avg = train_member(&data, opts, member, &mut |r, p| {
            on_epoch(r, &|| {
                export(&p.averaged(), &data, &resources, opts, description)
            })
        });
        match &mut mixed {
            None => mixed = Some(avg),
            Some(m) => {
                for (a, b) in m.w.iter_mut().zip(&avg.w) {
                    *a += b;
                }
                for (a, b) in m.t.iter_mut().zip(&avg.t) {
                    *a += b;
                }
            }
        }
    }
    let mut m = mixed.ok_or_else(|| NerError::Train("no ensemble member".into()))?;
    let k = opts.ensemble as f32;
    m.w.iter_mut().for_each(|x| *x /= k);
    m.t.iter_mut().for_each(|x| *x /= k);
    Ok(export(&m, &data, &resources, opts, description))
}

fn train_member(
    data: &Indexed,
    opts: &TrainOptions,
    member: usize,
    on_epoch: &mut dyn FnMut(&EpochReport, &Perceptron),
) -> Averaged {
    let scheme = opts.scheme;
    let l = scheme.n_labels();
    let nf = data.feat.len();
    let mut p = Perceptron {
        l,
        w: vec![0.0; nf * l],
        u: vec![0.0; nf * l],
        tw: vec![0.0; 3 * (l + 1) * l],
        tu: vec![0.0; 3 * (l + 1) * l],
        c: 1.0,
    };
    // Hard constraints, as at tagging time.
    let mut mask = vec![0f32; (l + 1) * l];
    for from in 0..=l {
        for to in 0..l {
            if !scheme.allowed((from < l).then_some(from), to) {
                mask[from * l + to] = f32::NEG_INFINITY;
            }
        }
    }
    // Weights are finite, so `trans` (mask + weights) forbids what the mask does.
    let allowed = viterbi::Allowed::of(&mask, l);
    let end: Vec<f32> = (0..l)
        .map(|j| {
            if scheme.allowed_end(j) {
                0.0
            } else {
                f32::NEG_INFINITY
            }
        })
        .collect();
    let mut rng = SplitMix::new(opts.seed.wrapping_add(member as u64));
    let mut order: Vec<usize> = (0..data.sents.len()).collect();
    let (mut emit, mut back, mut score, mut pred) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut trans = vec![0f32; (l + 1) * l];
    for epoch in 1..=opts.epochs {
        rng.shuffle(&mut order);
        let mut mistakes = 0;
        for &si in &order {
            let (first, n, domain) = data.sents[si];
            let blocks: &[usize] = if opts.domain_blocks {
                &[0, domain.code() as usize]
            } else {
                &[0]
            };
            let tsz = (l + 1) * l;
            for (i, t) in trans.iter_mut().enumerate() {
                *t = mask[i] + blocks.iter().map(|&b| p.tw[b * tsz + i]).sum::<f32>();
            }
            emit.clear();
            emit.resize(n * l, 0.0);
            for t in 0..n {
                let e = &mut emit[t * l..(t + 1) * l];
                for &f in &data.ids[data.tok_off[first + t]..data.tok_off[first + t + 1]] {
                    let row = &p.w[f as usize * l..(f as usize + 1) * l];
                    for (o, w) in e.iter_mut().zip(row) {
                        *o += w;
                    }
                }
            }
            viterbi::decode(
                &emit, l, &trans, &end, &allowed, &mut back, &mut score, &mut pred,
            );
            let gold = &data.gold[first..first + n];
            if pred != gold {
                mistakes += 1;
                for t in 0..n {
                    let (g, q) = (gold[t], pred[t]);
                    if g != q {
                        for k in data.tok_off[first + t]..data.tok_off[first + t + 1] {
                            let f = data.ids[k];
                            p.upd(f, g, 1.0);
                            p.upd(f, q, -1.0);
                        }
                    }
                    let gp = if t == 0 { l } else { gold[t - 1] };
                    let qp = if t == 0 { l } else { pred[t - 1] };
                    if (gp, g) != (qp, q) {
                        for &b in blocks {
                            p.upd_t(b, gp, g, 1.0);
                            p.upd_t(b, qp, q, -1.0);
                        }
                    }
                }
            }
            p.c += 1.0;
        }
        let report = EpochReport {
            epoch,
            member,
            mistakes,
            sentences: order.len(),
            objective: None,
        };
        on_epoch(&report, &p);
    }
    p.averaged()
}

fn export(
    avg: &Averaged,
    data: &Indexed,
    resources: &Resources,
    opts: &TrainOptions,
    description: &str,
) -> ModelData {
    let l = opts.scheme.n_labels();
    let tsz = (l + 1) * l;
    let mut blocks = Vec::new();
    let block_ids: &[u8] = if opts.domain_blocks { &[0, 1, 2] } else { &[0] };
    for &b in block_ids {
        let mut rows: Vec<(u64, usize)> = data
            .feat
            .iter()
            .enumerate()
            .filter(|(_, (fb, _))| *fb == b)
            .map(|(i, (_, k))| (*k, i))
            .collect();
        rows.sort_unstable_by_key(|r| r.0);
        let mut keys = Vec::with_capacity(rows.len());
        let mut weights = Vec::with_capacity(rows.len() * l);
        for (k, i) in rows {
            let Some(row) = avg.w.get(i * l..(i + 1) * l) else {
                continue;
            };
            if row.iter().all(|x| x.abs() <= opts.prune) {
                continue;
            }
            keys.push(k);
            weights.extend_from_slice(row);
        }
        let base = usize::from(b) * tsz;
        blocks.push(Block {
            domain: b,
            keys,
            weights,
            trans: avg
                .t
                .get(base..base + tsz)
                .map_or_else(|| vec![0.0; tsz], <[f32]>::to_vec),
        });
    }
    let mut m = ModelData {
        scheme: opts.scheme,
        resources: resources.clone(),
        blocks,
        description: description.to_string(),
        encoding: opts.encoding,
    };
    m.quantise_in_place();
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Tagger;
    use crate::features::groups;
    use crate::label::{EntityType, Tag};

    fn sent(words: &str, domain: Domain) -> Sentence {
        let mut tokens = Vec::new();
        let mut tags = Vec::new();
        for w in words.split_whitespace() {
            let (tok, tag) = match w.split_once('/') {
                Some((t, "P")) => (t, Tag::B(EntityType::Per)),
                Some((t, "p")) => (t, Tag::I(EntityType::Per)),
                Some((t, "L")) => (t, Tag::B(EntityType::Loc)),
                _ => (w, Tag::O),
            };
            tokens.push(tok.to_string());
            tags.push(tag);
        }
        Sentence {
            tokens,
            tags,
            domain,
        }
    }

    fn corpus() -> Vec<Sentence> {
        vec![
            sent("kata Budi/P Santoso/p di Bandung/L", Domain::News),
            sent("Siti/P pergi ke Medan/L kemarin", Domain::News),
            sent("Andi/P tinggal di Jakarta/L", Domain::Wiki),
            sent("ia pulang ke Surabaya/L", Domain::Wiki),
        ]
    }

    fn res() -> Resources {
        Resources {
            groups: groups::ALL,
            ..Resources::default()
        }
    }

    #[test]
    fn training_is_deterministic_and_learns() {
        let opts = TrainOptions {
            epochs: 5,
            ..TrainOptions::default()
        };
        let a = train(&corpus(), res(), &opts, "t", |_, _| {})
            .unwrap()
            .to_bytes();
        let b = train(&corpus(), res(), &opts, "t", |_, _| {})
            .unwrap()
            .to_bytes();
        assert_eq!(a, b);
        let tagger = Tagger::from_bytes(&a).unwrap();
        let tags = tagger.tag(&["kata", "Budi", "Santoso", "di", "Bandung"]);
        assert_eq!(
            tags,
            vec![
                Tag::O,
                Tag::B(EntityType::Per),
                Tag::I(EntityType::Per),
                Tag::O,
                Tag::B(EntityType::Loc)
            ]
        );
    }

    #[test]
    fn save_load_gives_identical_tags() {
        let opts = TrainOptions {
            epochs: 3,
            scheme: Scheme::Iob2,
            ..TrainOptions::default()
        };
        let m = train(&corpus(), res(), &opts, "t", |_, _| {}).unwrap();
        let direct = Tagger::from_model(m.clone());
        let loaded = Tagger::from_bytes(&m.to_bytes()).unwrap();
        for s in corpus() {
            assert_eq!(direct.tag(&s.tokens), loaded.tag(&s.tokens));
        }
    }

    #[test]
    fn empty_corpus_is_an_error() {
        assert!(train(&[], res(), &TrainOptions::default(), "", |_, _| {}).is_err());
    }
}
