//! `warta quotes`: who said what, for people to read.
//!
//! Inputs are `warta analyze` output (JSONL whose records carry `"schema":
//! "warta/1"`), used as they are, or anything `warta analyze` reads, analysed first.
//! Quotations are always found afresh, so a data change shows at once.

use anyhow::Context;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use warta_langdata::DataDir;
use warta_model::{Article, Quote};
use warta_pipeline::{Options, Stages};
use warta_quotes::Quotes;

/// Longest quotation excerpt shown, in chars.
const EXCERPT_CHARS: usize = 200;

/// Arguments of `warta quotes`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// `warta analyze` output (.jsonl), or pages, directories, archives to analyse first.
    #[arg(required = true, value_name = "PATH")]
    inputs: Vec<PathBuf>,
    /// `text` (who said what, readable) or `jsonl` (the articles with `quotes` filled).
    #[arg(long, default_value = "text", value_parser = ["text", "jsonl"])]
    format: String,
    /// Leave out reported (indirect) speech.
    #[arg(long)]
    direct_only: bool,
    /// Worker threads for analysing pages (default: one per core).
    #[arg(long, default_value_t = 0)]
    threads: usize,
}

/// Run `warta quotes`; exit code 0 when every input succeeded, 2 when some failed.
pub fn run(data: &DataDir, args: Args) -> anyhow::Result<ExitCode> {
    let quotes = Quotes::load(data)
        .with_context(|| format!("loading quotation data from {}", data.describe()))?;
    let mut stages: Option<Stages> = None;
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut errors = 0u64;
    let mut totals = (0u64, 0u64);
    for input in &args.inputs {
        if let Some(reader) = analysed_jsonl(input)? {
            for (n, line) in reader.lines().enumerate() {
                let line = line.with_context(|| format!("reading {}", input.display()))?;
                if line.trim().is_empty() {
                    continue;
                }
                match serde_json::from_str::<Article>(&line) {
                    Ok(a) => emit(&mut out, &quotes, a, &args, &mut totals)?,
                    Err(e) => {
                        errors += 1;
                        eprintln!("warta: error: {}:{}: {e}", input.display(), n + 1);
                    }
                }
            }
            continue;
        }
        if stages.is_none() {
            stages = Some(
                Stages::load(data)
                    .with_context(|| format!("loading language data from {}", data.describe()))?,
            );
        }
        let Some(stages) = stages.as_ref() else {
            continue;
        };
        let options = Options {
            threads: args.threads,
            ..Options::default()
        };
        let summary = warta_pipeline::run(
            stages,
            std::slice::from_ref(input),
            &options,
            |outcome| -> anyhow::Result<()> {
                match outcome {
                    Ok(a) => emit(&mut out, &quotes, a, &args, &mut totals),
                    Err(e) => {
                        eprintln!("warta: error: {e}");
                        Ok(())
                    }
                }
            },
        )?;
        errors += summary.errors;
    }
    out.flush().context("writing output")?;
    eprintln!(
        "warta: quotes: articles={} quotations={} errors={errors}",
        totals.0, totals.1
    );
    Ok(if errors > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// A reader over `path` when it is `warta analyze` output: a `.jsonl` file whose first
/// record has `"schema": "warta/1"`.
fn analysed_jsonl(path: &Path) -> anyhow::Result<Option<BufReader<std::fs::File>>> {
    if path.extension().and_then(|e| e.to_str()) != Some("jsonl") || !path.is_file() {
        return Ok(None);
    }
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut reader = BufReader::new(file);
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
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    Ok(Some(BufReader::new(file)))
}

/// Find the quotations of one article and write them.
fn emit(
    out: &mut impl Write,
    quotes: &Quotes,
    mut article: Article,
    args: &Args,
    totals: &mut (u64, u64),
) -> anyhow::Result<()> {
    article.quotes = quotes.find(&article);
    if args.direct_only {
        article.quotes.retain(|q| q.direct);
    }
    totals.0 += 1;
    totals.1 += article.quotes.len() as u64;
    if args.format == "jsonl" {
        serde_json::to_writer(&mut *out, &article)?;
        out.write_all(b"\n")?;
    } else {
        write_readable(out, &article)?;
    }
    Ok(())
}

/// Who said what in one article, one quotation per entry.
fn write_readable(out: &mut impl Write, a: &Article) -> std::io::Result<()> {
    writeln!(out, "{}", "─".repeat(72))?;
    writeln!(out, "{}", a.title.as_deref().unwrap_or("(no title)"))?;
    writeln!(out, "  {}", a.source)?;
    if a.quotes.is_empty() {
        writeln!(out, "  (no quotations)")?;
    }
    for (i, q) in a.quotes.iter().enumerate() {
        writeln!(out, "  {:>2}. {}", i + 1, attribution(q))?;
        let excerpt: String = q.text.chars().take(EXCERPT_CHARS).collect();
        let more = if q.text.chars().count() > EXCERPT_CHARS {
            "…"
        } else {
            ""
        };
        let excerpt = excerpt.replace("\n\n", " ¶ ");
        if q.direct {
            writeln!(out, "      “{excerpt}{more}”")?;
        } else {
            writeln!(out, "      (reported) {excerpt}{more}")?;
        }
    }
    Ok(())
}

/// "Speaker [details] — cue, via A → B".
fn attribution(q: &Quote) -> String {
    let mut s = match &q.speaker {
        None => "(speaker unknown)".to_string(),
        Some(sp) => {
            let mut who = sp.text.clone();
            if let Some(c) = &sp.canonical {
                who.push_str(&format!(" ({c})"));
            }
            let mut details: Vec<String> = Vec::new();
            if sp.anonymous {
                details.push("anonymous".into());
            }
            if sp.plural {
                details.push("plural".into());
            }
            if let Some(r) = &sp.role {
                details.push(r.replace('_', " "));
            }
            if let Some(c) = &sp.country {
                details.push(c.clone());
            }
            if let Some(r) = &sp.refers_to {
                details.push(format!("= {}", r.text));
            }
            if let Some(a) = &sp.anaphor {
                details.push(format!("from \"{}\"", a.text));
            }
            if !details.is_empty() {
                who.push_str(&format!(" [{}]", details.join(", ")));
            }
            who
        }
    };
    if let Some(cue) = &q.cue {
        s.push_str(&format!(" — {cue}"));
    }
    if !q.via.is_empty() {
        let chain: Vec<&str> = q.via.iter().map(|v| v.name.as_str()).collect();
        s.push_str(&format!(", via {}", chain.join(" → ")));
    }
    s
}
