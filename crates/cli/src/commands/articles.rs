//! Articles for the inspection commands (`warta entities`, `warta quotes`, …):
//! either read from `warta analyze` output, or produced by analysing raw inputs.

use anyhow::Context;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
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
