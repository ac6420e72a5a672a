//! `warta quotes`: who said what, for people to read.
//!
//! Inputs are `warta analyze` output (JSONL whose records carry `"schema":
//! "warta/1"`), used as they are, or anything `warta analyze` reads, analysed first.
//! Quotations are always found afresh, so a data change shows at once.

use anyhow::Context;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use warta_langdata::DataDir;
use warta_model::{Article, Quote};
use warta_quotes::Quotes;

use super::articles;

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
    let printer = articles::Printer {
        name: "quotes",
        items: Some("quotations"),
        jsonl: args.format == "jsonl",
    };
    articles::print_each(
        data,
        &args.inputs,
        args.threads,
        &printer,
        |a| {
            a.quotes = quotes.find(a);
            if args.direct_only {
                a.quotes.retain(|q| q.direct);
            }
            a.quotes.len()
        },
        write_readable,
    )
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
pub(crate) fn attribution(q: &Quote) -> String {
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
