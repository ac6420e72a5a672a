//! `warta train ner`, `warta train clusters`, `warta eval ner`, `warta eval ner-ugm`
//! and `warta tag`: the NER model's training, evaluation and tagging commands.

use anyhow::{Context, bail};
use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};
use warta_langdata::DataDir;
use warta_ner::clusters::BrownOptions;
use warta_ner::conll::{ConllReader, RawSentence};
use warta_ner::features::groups;
use warta_ner::label::Scheme;
use warta_ner::model::WeightEncoding;
use warta_ner::recipe::{self, CLUSTERS_PATH, Recipe};
use warta_ner::score::Scores;
use warta_ner::train::{Algorithm, CrfOptions};
use warta_ner::{Domain, EntityType, MODEL_PATH, TagScratch, Tagger};

const DEFAULT_SHARED: &str = "../shared/data/indonesian";

/// Training commands.
#[derive(Debug, clap::Subcommand)]
pub enum TrainCommand {
    /// Train the NER model from the IDNer2k and NERGrit training splits
    /// (deterministic: the same inputs give a byte-identical model).
    Ner(TrainNerArgs),
    /// Learn the Brown word clusters the NER model uses from unlabelled text in
    /// the shared data (test sentences excluded).
    Clusters(TrainClustersArgs),
}

/// Arguments of `warta train ner`.
#[derive(Debug, clap::Args)]
pub struct TrainNerArgs {
    /// Where to write the model (default: models/ner-id.bin in the data folder).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// The shared Indonesian data folder.
    #[arg(long, default_value = DEFAULT_SHARED, value_name = "DIR")]
    data_root: PathBuf,
    /// Cluster file (default: models/ner-id.clusters in the data folder).
    #[arg(long, value_name = "FILE")]
    clusters: Option<PathBuf>,
    /// Train without clusters and capitalisation statistics.
    #[arg(long)]
    no_clusters: bool,
    /// Train without the knowledge base's names (data/kb/) as gazetteers.
    #[arg(long)]
    no_kb: bool,
    /// Drop training sentences that occur (normalised) in this CoNLL file; repeatable.
    /// For held-out runs such as NER-UGM's test fold 1.
    #[arg(long, value_name = "FILE")]
    exclude_sentences_of: Vec<PathBuf>,
    /// Perceptron: passes over the training data.
    #[arg(long, default_value_t = TrainOptionsDefaults::EPOCHS)]
    epochs: usize,
    /// Label scheme decoded over.
    #[arg(long, default_value = "bioes", value_parser = ["bioes", "iob2"])]
    scheme: String,
    /// Drop features seen fewer times in training.
    #[arg(long, default_value_t = 1)]
    min_count: u32,
    /// Drop feature rows whose averaged weights are all within this of zero.
    #[arg(long, default_value_t = 1e-3)]
    prune: f32,
    /// Seed of the sentence shuffling.
    #[arg(long, default_value_t = 0x5741_5254_414E_4552)]
    seed: u64,
    /// No per-domain weights (one model for both annotation conventions).
    #[arg(long)]
    no_domain: bool,
    /// Switch feature groups off (comma-separated: bigrams, affixes, shape-context,
    /// clusters, cap-stats, phrases, wide, conjunctions, runs, stripped, trigrams).
    /// For ablations.
    #[arg(long, value_delimiter = ',')]
    without: Vec<String>,
    /// Learning algorithm: a CRF by L-BFGS (deterministic optimum, ~80 s) or
    /// an ensemble of averaged perceptrons (~15 s, for quick experiments).
    #[arg(long, default_value = "crf", value_parser = ["crf", "perceptron"])]
    algorithm: String,
    /// CRF: L2 coefficient.
    #[arg(long, default_value_t = 3.0)]
    c2: f64,
    /// CRF: the L2 coefficient of per-domain weights is c2 times this.
    #[arg(long, default_value_t = 2.0)]
    domain_c2_scale: f64,
    /// CRF: maximum L-BFGS iterations.
    #[arg(long, default_value_t = 150)]
    max_iter: usize,
    /// Perceptron: train this many on different shuffles and average them.
    #[arg(long, default_value_t = 4)]
    ensemble: usize,
    /// Store weights as f32 instead of quantised i16.
    #[arg(long)]
    f32: bool,
    /// Score the dev sets after every epoch (for choosing the number of epochs).
    #[arg(long)]
    dev_each_epoch: bool,
    /// Train and report, but do not write the model.
    #[arg(long)]
    dry_run: bool,
}

struct TrainOptionsDefaults;
impl TrainOptionsDefaults {
    const EPOCHS: usize = 30;
}

/// Arguments of `warta train clusters`.
#[derive(Debug, clap::Args)]
pub struct TrainClustersArgs {
    /// Where to write the cluster file (default: models/ner-id.clusters in the data folder).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// The shared Indonesian data folder.
    #[arg(long, default_value = DEFAULT_SHARED, value_name = "DIR")]
    data_root: PathBuf,
    /// Number of clusters (1024 chosen on the dev sets over 256 and 512; about
    /// 10 minutes on one core).
    #[arg(long, default_value_t = 1024)]
    clusters: usize,
    /// Words seen fewer times get no cluster.
    #[arg(long, default_value_t = 2)]
    min_count: u64,
}

/// Arguments of `warta eval ner`.
#[derive(Debug, clap::Args)]
pub struct EvalNerArgs {
    /// CoNLL files: token first, gold tag last, blank line between sentences
    /// (IOB1 or IOB2; PERSON/ORGANISATION/PLACE/LOCATION/… are mapped, other types
    /// count as O). Default: the IDNer2k and NERGrit test splits.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Annotation conventions to tag with: news (IDNer2k) or wiki (NERGrit).
    /// Default: wiki for paths containing "nergrit", else news.
    #[arg(long, value_parser = parse_domain)]
    domain: Option<Domain>,
    /// Model file (default: the data folder's model).
    #[arg(long, value_name = "FILE")]
    model: Option<PathBuf>,
    /// The shared Indonesian data folder (for the default files).
    #[arg(long, default_value = DEFAULT_SHARED, value_name = "DIR")]
    data_root: PathBuf,
    /// Tag each file this many times and report the fastest (for tokens/s).
    #[arg(long, default_value_t = 1)]
    repeat: usize,
}

/// Arguments of `warta eval ner-ugm`.
#[derive(Debug, clap::Args)]
pub struct EvalUgmArgs {
    /// The shared Indonesian data folder.
    #[arg(long, default_value = DEFAULT_SHARED, value_name = "DIR")]
    data_root: PathBuf,
    /// Model file (default: the data folder's model).
    #[arg(long, value_name = "FILE")]
    model: Option<PathBuf>,
    /// Annotation conventions to tag with.
    #[arg(long, value_parser = parse_domain, default_value = "news")]
    domain: Domain,
}

/// Arguments of `warta tag`.
#[derive(Debug, clap::Args)]
pub struct TagArgs {
    /// Read CoNLL on stdin (first column = token, blank line = sentence break) and
    /// write `TOKEN<TAB>TAG` lines. Without it, each input line is a sentence of
    /// whitespace-separated tokens; the output is the same.
    #[arg(long)]
    conll: bool,
    /// Annotation conventions to tag with: news (IDNer2k) or wiki (NERGrit).
    #[arg(long, value_parser = parse_domain, default_value = "news")]
    domain: Domain,
    /// Model file (default: the data folder's model).
    #[arg(long, value_name = "FILE")]
    model: Option<PathBuf>,
}

fn parse_domain(s: &str) -> Result<Domain, String> {
    Domain::parse(s).ok_or_else(|| format!("unknown domain `{s}` (news or wiki)"))
}

fn load_tagger(data: &DataDir, model: Option<&Path>) -> anyhow::Result<Tagger> {
    match model {
        Some(p) => Tagger::load_file(p).with_context(|| format!("loading {}", p.display())),
        None => Tagger::load(data).context("loading the NER model"),
    }
}

fn data_path(data: &DataDir, explicit: Option<PathBuf>, rel: &str) -> anyhow::Result<PathBuf> {
    match (explicit, data.root()) {
        (Some(p), _) => Ok(p),
        (None, Some(root)) => Ok(root.join(rel)),
        (None, None) => bail!("no data folder on disk: give the path explicitly"),
    }
}

/// Run a train subcommand.
pub fn run_train(data: &DataDir, cmd: TrainCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        TrainCommand::Ner(a) => train_ner(data, a),
        TrainCommand::Clusters(a) => train_clusters(data, a),
    }
}

fn train_clusters(data: &DataDir, a: TrainClustersArgs) -> anyhow::Result<ExitCode> {
    let out = data_path(data, a.out, CLUSTERS_PATH)?;
    let t0 = Instant::now();
    let opts = BrownOptions {
        clusters: a.clusters,
        min_count: a.min_count,
    };
    let (entries, _, header) = recipe::build_clusters(&a.data_root, opts)
        .with_context(|| format!("reading {}", a.data_root.display()))?;
    eprint!("{header}");
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&out, warta_ner::clusters::write_file(&header, &entries))
        .with_context(|| format!("writing {}", out.display()))?;
    eprintln!(
        "wrote {} ({} words) in {:.1} s",
        out.display(),
        entries.len(),
        t0.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

fn train_ner(data: &DataDir, a: TrainNerArgs) -> anyhow::Result<ExitCode> {
    let t0 = Instant::now();
    let mut g = groups::ALL;
    for w in &a.without {
        g &= !match w.as_str() {
            "bigrams" => groups::BIGRAMS,
            "affixes" => groups::AFFIXES,
            "shape-context" => groups::SHAPE_CONTEXT,
            "clusters" => groups::CLUSTERS,
            "cap-stats" => groups::CAP_STATS,
            "phrases" => groups::PHRASES,
            "wide" => groups::WIDE,
            "conjunctions" => groups::CONJUNCTIONS,
            "runs" => groups::RUNS,
            "stripped" => groups::STRIPPED,
            "trigrams" => groups::TRIGRAMS,
            other => bail!("unknown feature group `{other}`"),
        };
    }
    let mut r = Recipe {
        groups: g,
        use_clusters: !a.no_clusters,
        dev_each_epoch: a.dev_each_epoch,
        use_kb: !a.no_kb,
        exclude: a.exclude_sentences_of.clone(),
        ..Recipe::default()
    };
    r.train.epochs = a.epochs;
    r.train.scheme = if a.scheme == "iob2" {
        Scheme::Iob2
    } else {
        Scheme::Bioes
    };
    r.train.min_count = a.min_count;
    r.train.prune = a.prune;
    r.train.seed = a.seed;
    r.train.domain_blocks = !a.no_domain;
    r.train.ensemble = a.ensemble;
    if a.algorithm == "crf" {
        r.train.algorithm = Algorithm::Crf(CrfOptions {
            c2: a.c2,
            max_iter: a.max_iter,
            domain_c2_scale: a.domain_c2_scale,
            ..CrfOptions::default()
        });
    }
    r.train.encoding = if a.f32 {
        WeightEncoding::F32
    } else {
        WeightEncoding::I16
    };
    let clusters = if a.no_clusters {
        None
    } else {
        Some(data_path(data, a.clusters, CLUSTERS_PATH)?)
    };
    let out = data_path(data, a.out, MODEL_PATH)?;
    let (model, report) =
        recipe::train_model(data, &a.data_root, clusters.as_deref(), &r, |e, dev| {
            let mut line = match e.objective {
                Some(f) => format!(
                    "L-BFGS iteration {:>3}: objective {f:.2}  [{:.1} s]",
                    e.epoch,
                    t0.elapsed().as_secs_f64()
                ),
                None => format!(
                    "member {} epoch {:>2}: {} of {} sentences wrong  [{:.1} s]",
                    e.member,
                    e.epoch,
                    e.mistakes,
                    e.sentences,
                    t0.elapsed().as_secs_f64()
                ),
            };
            for (d, s) in dev {
                line.push_str(&format!(
                    "  dev {}: F1={:.4} macro={:.4}",
                    d.as_str(),
                    s.micro().f1(),
                    s.macro_f1()
                ));
            }
            eprintln!("{line}");
        })
        .context("training the NER model")?;
    for (src, class, n) in &report.lexicon.sources {
        eprintln!("phrases: {n:>6} {class:<9} from {src}");
    }
    eprintln!("cluster words: {}", report.cluster_words);
    for (f, n) in &report.train_files {
        eprintln!("trained on {f}: {n} sentences");
    }
    let bytes = model.to_bytes();
    for (f, d, s) in &report.dev {
        println!("dev {f} (domain {}): {}", d.as_str(), recipe::summary(s));
    }
    let features: usize = model.blocks.iter().map(|b| b.keys.len()).sum();
    if !a.dry_run {
        if let Some(dir) = out.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(&out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    }
    println!(
        "model {}: {} bytes, {} feature rows; xxh3 {:016x}; wall time {:.1} s{}",
        out.display(),
        bytes.len(),
        features,
        xxh3(&bytes),
        t0.elapsed().as_secs_f64(),
        if a.dry_run {
            " (dry run, not written)"
        } else {
            ""
        }
    );
    Ok(ExitCode::SUCCESS)
}

fn xxh3(b: &[u8]) -> u64 {
    warta_ner::hash::bytes(b)
}

fn print_scores(out: &mut impl Write, s: &Scores) -> std::io::Result<()> {
    let m = s.micro();
    writeln!(
        out,
        "  micro      P={:.4} R={:.4} F1={:.4}  (tp={} pred={} gold={})",
        m.precision(),
        m.recall(),
        m.f1(),
        m.tp,
        m.pred,
        m.gold
    )?;
    let (mp, mr) = s.macro_pr();
    writeln!(
        out,
        "  macro      P={:.4} R={:.4} F1={:.4}",
        mp,
        mr,
        s.macro_f1()
    )?;
    for ty in EntityType::ALL {
        let c = s.counts(ty);
        writeln!(
            out,
            "  {:<10} P={:.4} R={:.4} F1={:.4}  (tp={} pred={} gold={})",
            ty.as_str(),
            c.precision(),
            c.recall(),
            c.f1(),
            c.tp,
            c.pred,
            c.gold
        )?;
    }
    Ok(())
}

/// `warta eval ner`.
pub fn eval_ner(data: &DataDir, a: EvalNerArgs) -> anyhow::Result<ExitCode> {
    let tagger = load_tagger(data, a.model.as_deref())?;
    let files = if a.files.is_empty() {
        vec![
            a.data_root.join(warta_ner::corpus::IDNER_TEST),
            a.data_root.join(warta_ner::corpus::NERGRIT_TEST),
        ]
    } else {
        a.files
    };
    let mut out = std::io::stdout().lock();
    let mut total_tokens = 0usize;
    let mut total_time = Duration::ZERO;
    for f in &files {
        let sentences =
            warta_ner::conll::read_file(f).with_context(|| format!("reading {}", f.display()))?;
        let domain = a.domain.unwrap_or_else(|| Domain::for_path(f));
        let (scores, mut time) = recipe::evaluate(&tagger, &sentences, domain);
        for _ in 1..a.repeat.max(1) {
            time = time.min(recipe::evaluate(&tagger, &sentences, domain).1);
        }
        total_tokens += scores.tokens;
        total_time += time;
        writeln!(
            out,
            "{}  (domain {}, {} sentences, {} tokens, {:.0} tokens/s on one thread)",
            f.display(),
            domain.as_str(),
            scores.sentences,
            scores.tokens,
            scores.tokens as f64 / time.as_secs_f64().max(1e-9)
        )?;
        print_scores(&mut out, &scores)?;
    }
    if files.len() > 1 {
        writeln!(
            out,
            "all files: {} tokens, {:.0} tokens/s on one thread",
            total_tokens,
            total_tokens as f64 / total_time.as_secs_f64().max(1e-9)
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `warta eval ner-ugm`: NER-UGM test folds minus every sentence of a split the
/// model was trained or tuned on.
pub fn eval_ugm(data: &DataDir, a: EvalUgmArgs) -> anyhow::Result<ExitCode> {
    let tagger = load_tagger(data, a.model.as_deref())?;
    let filtered = warta_ner::corpus::nerugm_filtered(&a.data_root)
        .with_context(|| format!("reading {}", a.data_root.display()))?;
    let mut out = std::io::stdout().lock();
    let mut pooled = Scores::default();
    let mut fold_f1 = Vec::new();
    for fold in 1..=warta_ner::corpus::NERUGM_TEST_FOLDS.len() {
        let sents: Vec<RawSentence> = filtered
            .iter()
            .filter(|(f, _)| *f == fold)
            .map(|(_, s)| s.clone())
            .collect();
        let (s, _) = recipe::evaluate(&tagger, &sents, a.domain);
        writeln!(
            out,
            "fold {fold}: {} sentences kept, {}",
            s.sentences,
            recipe::summary(&s)
        )?;
        fold_f1.push(s.micro().f1());
        pooled.merge(&s);
    }
    writeln!(
        out,
        "NER-UGM test folds, filtered ({} sentences, {} tokens; domain {}):",
        pooled.sentences,
        pooled.tokens,
        a.domain.as_str()
    )?;
    print_scores(&mut out, &pooled)?;
    writeln!(
        out,
        "  mean of fold micro-F1: {:.4}",
        fold_f1.iter().sum::<f64>() / fold_f1.len().max(1) as f64
    )?;
    // Ceiling: the same sentences re-annotated in IDNer2k test, scored as if
    // that annotation were a prediction (annotation conventions differ).
    let idner = warta_ner::conll::read_file(&a.data_root.join(warta_ner::corpus::IDNER_TEST))?;
    let by_key: std::collections::HashMap<String, &RawSentence> = idner
        .iter()
        .map(|s| (warta_ner::corpus::sentence_key(&s.tokens), s))
        .collect();
    let mut agree = Scores::default();
    for (_, s) in &filtered {
        if let Some(other) = by_key.get(&warta_ner::corpus::sentence_key(&s.tokens))
            && other.tokens.len() == s.tokens.len()
        {
            agree.add(&s.chunk_tags(), &other.chunk_tags());
        }
    }
    writeln!(
        out,
        "IDNer2k test gold scored against NER-UGM gold on the {} filtered sentences both annotate (annotation agreement, a ceiling):",
        agree.sentences
    )?;
    print_scores(&mut out, &agree)?;
    Ok(ExitCode::SUCCESS)
}

/// `warta tag`: stream sentences from stdin, write `TOKEN<TAB>TAG` lines.
pub fn tag(data: &DataDir, a: TagArgs) -> anyhow::Result<ExitCode> {
    let tagger = load_tagger(data, a.model.as_deref())?;
    // Our own buffer, so we can see when the next read would block and flush
    // first: a caller that writes a sentence and waits for its tags gets them.
    let stdin = std::io::BufReader::with_capacity(1 << 16, std::io::stdin());
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut scratch = TagScratch::default();
    let mut tags = Vec::new();
    let mut write = |tokens: &[String], out: &mut BufWriter<_>| -> anyhow::Result<()> {
        tagger.tag_into(tokens, a.domain, &mut scratch, &mut tags);
        for (t, g) in tokens.iter().zip(&tags) {
            writeln!(out, "{t}\t{g}")?;
        }
        writeln!(out)?;
        Ok(())
    };
    if a.conll {
        let mut reader = ConllReader::new(stdin);
        let mut s = RawSentence::default();
        while reader.read_into(&mut s).context("reading stdin")? {
            write(&s.tokens, &mut out)?;
            if reader.get_ref().buffer().is_empty() {
                out.flush()?;
            }
        }
    } else {
        let mut stdin = stdin;
        let mut line = String::new();
        loop {
            line.clear();
            if stdin.read_line(&mut line).context("reading stdin")? == 0 {
                break;
            }
            let tokens: Vec<String> = line.split_whitespace().map(str::to_string).collect();
            if !tokens.is_empty() {
                write(&tokens, &mut out)?;
            }
            if stdin.buffer().is_empty() {
                out.flush()?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
