//! `warta eval …`: benchmark commands whose figures go into BENCHMARKS.md.

use anyhow::Context;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use warta_eval::extraction::{self, Split};
use warta_langdata::DataDir;

/// Benchmarks.
#[derive(Debug, clap::Subcommand)]
pub enum EvalCommand {
    /// ScrapingHub article-extraction benchmark: precision, recall, F1 (the benchmark's
    /// own shingle metric) and pages per second on one thread.
    Extraction(ExtractionArgs),
    /// NER: exact-span precision, recall, F1 (seqeval) of the tagger on CoNLL files.
    Ner(super::ner::EvalNerArgs),
    /// NER robustness: NER-UGM test folds minus sentences of the training/dev splits.
    NerUgm(super::ner::EvalUgmArgs),
}

/// Arguments of `warta eval extraction`.
#[derive(Debug, clap::Args)]
pub struct ExtractionArgs {
    /// Benchmark folder (with ground-truth.json and html/).
    #[arg(default_value = "../shared/data/extraction/scrapinghub-article-extraction-benchmark")]
    dir: PathBuf,
    /// Which pages: all, dev (ids 0–7…, for tuning) or test (ids 8–f…).
    #[arg(long, default_value = "all", value_parser = ["all", "dev", "test"])]
    split: String,
    /// Repeat the timed extraction this many times and report the best run.
    #[arg(long, default_value_t = 3)]
    repeat: usize,
    /// List the N worst pages by F1.
    #[arg(long, default_value_t = 0)]
    worst: usize,
    /// Write {id: {articleBody}} predictions here (the benchmark's output format).
    #[arg(long, value_name = "FILE")]
    dump: Option<PathBuf>,
}

/// Run an eval subcommand.
pub fn run(data: &DataDir, cmd: EvalCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        EvalCommand::Extraction(args) => extraction_cmd(data, args),
        EvalCommand::Ner(args) => super::ner::eval_ner(data, args),
        EvalCommand::NerUgm(args) => super::ner::eval_ugm(data, args),
    }
}

fn extraction_cmd(data: &DataDir, args: ExtractionArgs) -> anyhow::Result<ExitCode> {
    let split = match args.split.as_str() {
        "dev" => Split::Dev,
        "test" => Split::Test,
        _ => Split::All,
    };
    let extractor = warta_extract::Extractor::load(data).context("loading extraction rules")?;
    let pages = extraction::load(&args.dir, split)
        .with_context(|| format!("loading benchmark from {}", args.dir.display()))?;
    let mut best = extraction::run(&extractor, &pages);
    for _ in 1..args.repeat.max(1) {
        let r = extraction::run(&extractor, &pages);
        if r.extract_time < best.extract_time {
            best = r;
        }
    }
    let s = best.scores;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "pages={} split={} precision={:.4} recall={:.4} F1={:.4} pages/s={:.0} (one thread, best of {})",
        best.pages.len(),
        args.split,
        s.precision,
        s.recall,
        s.f1,
        best.pages_per_sec(),
        args.repeat.max(1)
    )?;
    if args.worst > 0 {
        let mut worst: Vec<_> = best.pages.iter().collect();
        worst.sort_by(|a, b| a.f1.total_cmp(&b.f1));
        for p in worst.into_iter().take(args.worst) {
            writeln!(
                out,
                "  {:.3}  tp={:.2} fp={:.2} fn={:.2}  {}",
                p.f1, p.counts.tp, p.counts.fp, p.counts.fn_, p.id
            )?;
        }
    }
    if let Some(path) = args.dump {
        let map: serde_json::Map<String, serde_json::Value> = best
            .pages
            .iter()
            .map(|p| {
                (
                    p.id.clone(),
                    serde_json::json!({ "articleBody": p.predicted }),
                )
            })
            .collect();
        std::fs::write(&path, serde_json::to_string_pretty(&map)?)
            .with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(ExitCode::SUCCESS)
}
