//! `warta analyze`: the main job. Pages in, one JSON article per line out.

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use warta_langdata::DataDir;
use warta_model::Article;
use warta_pipeline::{Options, Stages};

use super::show;

/// Arguments of `warta analyze`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input files, directories (read recursively) or `-` for stdin: .txt, .html,
    /// .jsonl, .warc, and any of these gzip-compressed.
    #[arg(required = true, value_name = "PATH")]
    inputs: Vec<PathBuf>,
    /// Write articles here instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Output format: `jsonl` (one JSON article per line, the contract), or
    /// `summary` (a readable digest of each article).
    #[arg(long, default_value = "jsonl", value_parser = ["jsonl", "summary"])]
    format: String,
    /// Worker threads (default: one per core).
    #[arg(long, default_value_t = 0)]
    threads: usize,
    /// Largest document accepted, in MiB; larger ones are reported and skipped.
    #[arg(long, default_value_t = 16)]
    max_doc_mib: usize,
    /// Reference date (YYYY-MM-DD) for relative and year-less dates in documents
    /// without a crawl date (default: today). Set it for reproducible output.
    #[arg(long, value_name = "DATE")]
    reference_date: Option<chrono::NaiveDate>,
    /// No progress bar and no summary line.
    #[arg(short, long)]
    quiet: bool,
}

/// Run `warta analyze`; exit code 0 when every input succeeded, 2 when some failed.
pub fn run(data: &DataDir, args: Args) -> anyhow::Result<ExitCode> {
    let stages = Stages::load(data)
        .with_context(|| format!("loading language data from {}", data.describe()))?;
    let progress = Arc::new(AtomicU64::new(0));
    let mut options = Options {
        threads: args.threads,
        ..Options::default()
    };
    options.ingest.max_doc_bytes = args.max_doc_mib.saturating_mul(1024 * 1024);
    options.ingest.progress = Some(Arc::clone(&progress));

    let bar = progress_bar(&args);
    let out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(
            std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::new(out);
    let summary_format = args.format == "summary";
    let summary = warta_pipeline::run(
        &stages,
        &args.inputs,
        &options,
        |outcome| -> anyhow::Result<()> {
            if let Some(bar) = &bar {
                bar.set_position(progress.load(Ordering::Relaxed));
            }
            match outcome {
                Ok(article) => write_article(&mut out, &article, summary_format),
                Err(e) => {
                    let line = format!("warta: error: {e}");
                    match &bar {
                        Some(bar) => bar.println(line),
                        None => eprintln!("{line}"),
                    }
                    Ok(())
                }
            }
        },
    )?;
    out.flush().context("writing output")?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    if !args.quiet {
        let secs = summary.elapsed.as_secs_f64();
        eprintln!(
            "warta: summary: articles={} errors={} seconds={:.2} articles_per_sec={:.0}",
            summary.articles,
            summary.errors,
            secs,
            summary.articles as f64 / secs.max(1e-9)
        );
    }
    Ok(if summary.errors > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn write_article(out: &mut impl Write, article: &Article, summary: bool) -> anyhow::Result<()> {
    if summary {
        show::write_digest(out, article)?;
    } else {
        serde_json::to_writer(&mut *out, article)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// A byte-based progress bar on stderr, only when stderr is a terminal.
fn progress_bar(args: &Args) -> Option<ProgressBar> {
    if args.quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let total = warta_pipeline::warta_ingest::total_size(&args.inputs);
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}")
    {
        bar.set_style(style);
    }
    Some(bar)
}
