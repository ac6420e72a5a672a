//! The end-to-end recipes behind `warta train ner`, `warta train clusters` and
//! `warta eval ner`: which files go in, in which order, with which options.
//! Kept in the library so the CLI stays a thin layer and tests can run them.

use crate::clusters::{self, BrownOptions, ClusterEntry, ClusterMap};
use crate::conll::RawSentence;
use crate::corpus::{self, Domain, SourceReport};
use crate::error::NerError;
use crate::features::{Resources, groups};
use crate::lexicon::{self, LexiconReport};
use crate::model::ModelData;
use crate::score::Scores;
use crate::tagger::{TagScratch, Tagger};
use crate::train::{self, EpochReport, TrainOptions};
use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};
use warta_langdata::DataDir;

/// Where the cluster file lives inside a data folder.
pub const CLUSTERS_PATH: &str = "models/ner-id.clusters";

/// Tag `sentences` with `domain`'s conventions and score them against their gold
/// tags. Returns the scores and the time spent tagging (features + decoding, not
/// reading).
pub fn evaluate(tagger: &Tagger, sentences: &[RawSentence], domain: Domain) -> (Scores, Duration) {
    let mut scores = Scores::default();
    let mut scratch = TagScratch::default();
    let mut pred = Vec::new();
    let mut tagging = Duration::ZERO;
    for s in sentences {
        let t0 = Instant::now();
        tagger.tag_into(&s.tokens, domain, &mut scratch, &mut pred);
        tagging += t0.elapsed();
        let p: Vec<_> = pred.iter().map(|&t| t.into()).collect();
        scores.add(&s.chunk_tags(), &p);
    }
    (scores, tagging)
}

/// A one-line summary: micro P/R/F1, macro F1 and per-type F1.
pub fn summary(s: &Scores) -> String {
    let m = s.micro();
    let mut out = format!(
        "P={:.4} R={:.4} F1={:.4} macroF1={:.4}",
        m.precision(),
        m.recall(),
        m.f1(),
        s.macro_f1()
    );
    for ty in crate::EntityType::ALL {
        let _ = write!(out, " {}={:.4}", ty, s.counts(ty).f1());
    }
    out
}

/// Build the clustering corpus from the shared data and cluster it.
pub fn build_clusters(
    shared_root: &Path,
    opts: BrownOptions,
) -> Result<(Vec<ClusterEntry>, Vec<SourceReport>, String), NerError> {
    let (corpus, reports) = corpus::cluster_corpus(shared_root)?;
    let entries = clusters::brown(&corpus, opts);
    let mut header = String::new();
    let _ = writeln!(
        header,
        "Brown clusters (warta train clusters): {} clusters, words seen at least {} times.",
        opts.clusters, opts.min_count
    );
    let _ = writeln!(
        header,
        "Columns: word (lower case, digits as 0), path, count, cased count (not sentence-initial), capitalised count."
    );
    let _ = writeln!(
        header,
        "Text: the sources below (relative to the shared Indonesian data), minus every sentence or example that"
    );
    let _ = writeln!(
        header,
        "equals or shares 6 consecutive words with a sentence of IDNer2k test, NERGrit test or the filtered NER-UGM set,"
    );
    let _ = writeln!(header, "minus duplicates. No labels are used.");
    for r in &reports {
        let _ = writeln!(
            header,
            "{}: read {}, leaked {}, duplicate {}, kept {} ({} tokens)",
            r.path, r.read, r.leaked, r.duplicate, r.kept, r.tokens
        );
    }
    let _ = writeln!(header, "{} words", entries.len());
    Ok((entries, reports, header))
}

/// Options of the standard training run.
#[derive(Debug, Clone)]
pub struct Recipe {
    /// Perceptron options.
    pub train: TrainOptions,
    /// Feature groups.
    pub groups: u32,
    /// Use the cluster file (when false, no clusters or capitalisation statistics).
    pub use_clusters: bool,
    /// Score the dev sets after every epoch (slower; for tuning).
    pub dev_each_epoch: bool,
    /// Add the knowledge base's names as gazetteers.
    pub use_kb: bool,
    /// Training sentences equal (normalised) to a sentence of these files are
    /// dropped (for held-out robustness runs, e.g. an NER-UGM test fold).
    pub exclude: Vec<std::path::PathBuf>,
}

impl Default for Recipe {
    fn default() -> Self {
        Recipe {
            train: TrainOptions::default(),
            groups: groups::ALL,
            use_clusters: true,
            dev_each_epoch: false,
            use_kb: true,
            exclude: Vec::new(),
        }
    }
}

/// What a training run did.
#[derive(Debug, Clone)]
pub struct TrainReport {
    /// Training sentences per file.
    pub train_files: Vec<(String, usize)>,
    /// Phrase-list sources.
    pub lexicon: LexiconReport,
    /// Words with clusters.
    pub cluster_words: usize,
    /// Per-epoch progress (with dev scores when asked for).
    pub epochs: Vec<(EpochReport, Vec<(Domain, Scores)>)>,
    /// Final dev scores per domain.
    pub dev: Vec<(String, Domain, Scores)>,
}

/// Load the dev files.
pub fn load_dev(shared_root: &Path) -> Result<Vec<(String, Domain, Vec<RawSentence>)>, NerError> {
    corpus::DEV_FILES
        .iter()
        .map(|(rel, d)| {
            Ok((
                rel.to_string(),
                *d,
                crate::conll::read_file(&shared_root.join(rel))?,
            ))
        })
        .collect()
}

/// The standard training run: IDNer2k + NERGrit training splits, cue lists and
/// gazetteers, clusters from `clusters_file`, then dev scores.
pub fn train_model(
    data: &DataDir,
    shared_root: &Path,
    clusters_file: Option<&Path>,
    recipe: &Recipe,
    mut progress: impl FnMut(&EpochReport, &[(Domain, Scores)]),
) -> Result<(ModelData, TrainReport), NerError> {
    let mut excluded = std::collections::HashSet::new();
    for f in &recipe.exclude {
        for s in crate::conll::read_file(f)? {
            excluded.insert(corpus::sentence_key(&s.tokens));
        }
    }
    let mut sentences = Vec::new();
    let mut train_files = Vec::new();
    for (rel, domain) in corpus::TRAIN_FILES {
        let mut s = corpus::load_labelled(&shared_root.join(rel), domain)?;
        s.retain(|x| !excluded.contains(&corpus::sentence_key(&x.tokens)));
        train_files.push((rel.to_string(), s.len()));
        sentences.extend(s);
    }
    let (phrases, lexicon) = lexicon::build(data, shared_root, recipe.use_kb)?;
    let cluster_map = match (recipe.use_clusters, clusters_file) {
        (true, Some(p)) => {
            let text = std::fs::read_to_string(p).map_err(|source| NerError::Open {
                path: p.display().to_string(),
                source,
            })?;
            ClusterMap::from_entries(&clusters::parse_file(&text, &p.display().to_string())?)
        }
        _ => ClusterMap::default(),
    };
    let mut groups = recipe.groups;
    if cluster_map.is_empty() {
        groups &= !(groups::CLUSTERS | groups::CAP_STATS);
    }
    let resources = Resources {
        clusters: cluster_map,
        phrases,
        class_names: lexicon::CLASSES.iter().map(|s| s.to_string()).collect(),
        groups,
        connector_class: lexicon::class("connector"),
    };
    let dev = load_dev(shared_root)?;
    let cluster_words = resources.clusters.len();
    let o = &recipe.train;
    let mut description = format!(
        "warta-ner {:?}; perceptron ensemble {}; scheme {:?}; perceptron epochs {}; min_count {}; seed {:#x}; domain blocks {}; prune {}; groups {:#x}; {} cluster words; {} phrases; trained on",
        o.algorithm,
        o.ensemble,
        o.scheme,
        o.epochs,
        o.min_count,
        o.seed,
        o.domain_blocks,
        o.prune,
        groups,
        cluster_words,
        resources.phrases.len()
    );
    for (f, n) in &train_files {
        let _ = write!(description, " {f} ({n} sentences)");
    }
    let mut epochs = Vec::new();
    let model = train::train(
        &sentences,
        resources,
        &recipe.train,
        &description,
        |r, model| {
            let mut scores = Vec::new();
            if recipe.dev_each_epoch {
                let tagger = Tagger::from_model(model());
                for (_, d, s) in &dev {
                    scores.push((*d, evaluate(&tagger, s, *d).0));
                }
            }
            progress(r, &scores);
            epochs.push((r.clone(), scores));
        },
    )?;
    let tagger = Tagger::from_model(model.clone());
    let dev_scores = dev
        .iter()
        .map(|(f, d, s)| (f.clone(), *d, evaluate(&tagger, s, *d).0))
        .collect();
    Ok((
        model,
        TrainReport {
            train_files,
            lexicon,
            cluster_words,
            epochs,
            dev: dev_scores,
        },
    ))
}
