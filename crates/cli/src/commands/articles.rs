//! Articles for the inspection commands (`warta entities`, `warta quotes`, …):
//! either read from `warta analyze` output, or produced by analysing raw inputs.

use anyhow::Context;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use warta_langdata::DataDir;
use warta_model::Article;
use warta_pipeline::{Options, Stages};

/// Totals of a pass over the inputs.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    /// Articles handed to the callback.
    pub articles: u64,
    /// Inputs, records or lines that failed (reported on stderr).
    pub errors: u64,
}

/// Where the inspection commands write.
pub type Out = BufWriter<std::io::StdoutLock<'static>>;

/// What an inspection command prints of each article and how it counts it.
pub struct Printer<'n> {
    /// The command's name in the summary line (`events`).
    pub name: &'n str,
    /// What `fill` counts, in the summary line (`events`), if anything.
    pub items: Option<&'n str>,
    /// The articles as JSONL instead of the readable rendering.
    pub jsonl: bool,
}

/// The body every inspection command shares: for each article of `inputs`, `fill`
/// it (returning how many items it found), print it readably with `render` or as a
/// JSONL record, then write the summary line `warta: NAME: articles=… ITEMS=…
/// errors=…` on stderr. Exit code 0 when every input succeeded, 2 when some failed.
pub fn print_each(
    data: &DataDir,
    inputs: &[PathBuf],
    threads: usize,
    printer: &Printer<'_>,
    mut fill: impl FnMut(&mut Article) -> usize,
    mut render: impl FnMut(&mut Out, &Article) -> std::io::Result<()>,
) -> anyhow::Result<ExitCode> {
    let mut out: Out = BufWriter::new(std::io::stdout().lock());
    let mut items = 0u64;
    let counts = for_each(data, inputs, threads, |mut a| {
        items += fill(&mut a) as u64;
        if printer.jsonl {
            serde_json::to_writer(&mut out, &a)?;
            out.write_all(b"\n")?;
        } else {
            render(&mut out, &a)?;
        }
        Ok(())
    })?;
    out.flush().context("writing output")?;
    let found = printer
        .items
        .map(|name| format!(" {name}={items}"))
        .unwrap_or_default();
    eprintln!(
        "warta: {}: articles={}{found} errors={}",
        printer.name, counts.articles, counts.errors
    );
    Ok(if counts.errors > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Call `each` with every article of `inputs`, in order. A `.jsonl` file whose first
/// record carries `"schema": "warta/1"` is read as analysed articles; anything else is
/// analysed first, with the pipeline loaded once on first need. `each` may return an
/// error to stop (a closed stdout).
pub fn for_each(
    data: &DataDir,
    inputs: &[PathBuf],
    threads: usize,
    mut each: impl FnMut(Article) -> anyhow::Result<()>,
) -> anyhow::Result<Counts> {
    let mut counts = Counts::default();
    let mut stages: Option<Stages> = None;
    for input in inputs {
        if let Some(reader) = analysed_jsonl(input)? {
            for (n, line) in reader.lines().enumerate() {
                let line = line.with_context(|| format!("reading {}", input.display()))?;
                if line.trim().is_empty() {
                    continue;
                }
                match serde_json::from_str::<Article>(&line) {
                    Ok(a) => {
                        counts.articles += 1;
                        each(a)?;
                    }
                    Err(e) => {
                        counts.errors += 1;
                        eprintln!("warta: error: {}:{}: {e}", input.display(), n + 1);
                    }
                }
            }
            continue;
        }
        if stages.is_none() {
            let loaded = Stages::load(data)
                .with_context(|| format!("loading language data from {}", data.describe()))?;
            for w in loaded.warnings() {
                eprintln!("warta: warning: {w}");
            }
            stages = Some(loaded);
        }
        let Some(stages) = stages.as_ref() else {
            continue;
        };
        let options = Options {
            threads,
            ..Options::default()
        };
        let summary =
            warta_pipeline::run(stages, std::slice::from_ref(input), &options, |outcome| {
                match outcome {
                    Ok(a) => {
                        counts.articles += 1;
                        each(a)
                    }
                    Err(e) => {
                        eprintln!("warta: error: {e}");
                        Ok(())
                    }
                }
            })?;
        counts.errors += summary.errors;
    }
    Ok(counts)
}

/// A reader over `path` when it is `warta analyze` output: a `.jsonl` file whose first
/// record has `"schema": "warta/1"`.
fn analysed_jsonl(path: &Path) -> anyhow::Result<Option<BufReader<std::fs::File>>> {
    if path.extension().and_then(|e| e.to_str()) != Some("jsonl") || !path.is_file() {
        return Ok(None);
    }
    let open = || std::fs::File::open(path).with_context(|| format!("opening {}", path.display()));
    let mut reader = BufReader::new(open()?);
    let mut first = String::new();
    while first.trim().is_empty() {
        first.clear();
        if reader.read_line(&mut first)? == 0 {
            return Ok(None);
        }
    }
    let is_analysed = serde_json::from_str::<serde_json::Value>(&first)
        .ok()
        .and_then(|v| v.get("schema")?.as_str().map(|s| s == warta_model::SCHEMA))
        .unwrap_or(false);
    if !is_analysed {
        return Ok(None);
    }
    Ok(Some(BufReader::new(open()?)))
}
