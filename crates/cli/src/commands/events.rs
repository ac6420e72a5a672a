//! `warta events`: who did what to whom, when and where, for people to read.
//!
//! Inputs are `warta analyze` output (JSONL whose records carry `"schema":
//! "warta/1"`), used as they are, or anything `warta analyze` reads, analysed first.
//! Events are always coded afresh, so a lexicon change shows at once.

use anyhow::Context;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use warta_events::{Events, Options};
use warta_langdata::DataDir;
use warta_model::{Article, Event, EventActor, Modality};

use super::articles;

/// Longest excerpt of the sentence shown, in chars.
const EXCERPT_CHARS: usize = 160;

/// Arguments of `warta events`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// `warta analyze` output (.jsonl), or pages, directories, archives to analyse first.
    #[arg(required = true, value_name = "PATH")]
    inputs: Vec<PathBuf>,
    /// `text` (an event list per article, readable) or `jsonl` (the articles with
    /// `events` filled).
    #[arg(long, default_value = "text", value_parser = ["text", "jsonl"])]
    format: String,
    /// Also list negated events ("tidak bertemu"), marked as such.
    #[arg(long)]
    negated: bool,
    /// Leave out repeated mentions of an event already listed (`same_as`).
    #[arg(long)]
    once: bool,
    /// Worker threads for analysing pages (default: one per core).
    #[arg(long, default_value_t = 0)]
    threads: usize,
}

/// Run `warta events`; exit code 0 when every input succeeded, 2 when some failed.
pub fn run(data: &DataDir, args: Args) -> anyhow::Result<ExitCode> {
    let events = Events::load(data)
        .with_context(|| format!("loading event-coding data from {}", data.describe()))?;
    let options = Options {
        keep_negated: args.negated,
        ..Options::default()
    };
    let printer = articles::Printer {
        name: "events",
        items: Some("events"),
        jsonl: args.format == "jsonl",
    };
    articles::print_each(
        data,
        &args.inputs,
        args.threads,
        &printer,
        |a| {
            a.events = events.code_with(&warta_events::Input::of(a), &options);
            if args.once {
                a.events.retain(|e| e.same_as.is_none());
            }
            a.events.len()
        },
        write_readable,
    )
}

/// One article's events, one entry each.
fn write_readable(out: &mut impl Write, a: &Article) -> std::io::Result<()> {
    writeln!(out, "{}", "─".repeat(72))?;
    writeln!(out, "{}", a.title.as_deref().unwrap_or("(no title)"))?;
    let published = a.published.as_ref().map(|p| p.value.as_str());
    writeln!(out, "  {}  ({})", a.source, published.unwrap_or("no date"))?;
    if a.events.is_empty() {
        writeln!(out, "  (no events)")?;
    }
    let chars: Vec<char> = a.text.chars().collect();
    for (i, e) in a.events.iter().enumerate() {
        writeln!(out, "  {:>2}. {}", i + 1, headline(e))?;
        writeln!(out, "      {}", who(e))?;
        let mut when_where = Vec::new();
        if let Some(d) = &e.date {
            when_where.push(format!(
                "when {} (\"{}\", {:?})",
                d.value, d.text, d.resolution
            ));
        }
        if let Some(l) = &e.location {
            when_where.push(format!(
                "where {}",
                l.canonical.as_deref().unwrap_or(&l.text)
            ));
        }
        if let Some(first) = e.same_as {
            when_where.push(format!("same as #{}", first + 1));
        }
        if !when_where.is_empty() {
            writeln!(out, "      {}", when_where.join("; "))?;
        }
        let sentence: String = chars
            .get(e.start..e.end.min(chars.len()))
            .unwrap_or(&[])
            .iter()
            .take(EXCERPT_CHARS)
            .collect();
        let more = if e.end - e.start > EXCERPT_CHARS {
            "…"
        } else {
            ""
        };
        writeln!(
            out,
            "      [{}] {}{more}",
            e.trigger.text,
            sentence.replace("\n\n", " ¶ ")
        )?;
    }
    Ok(())
}

/// "CONSULT visit (042 Make a visit, +1.9, quad 1) future 0.80".
fn headline(e: &Event) -> String {
    let mut s = e.event_type.clone();
    if let Some(m) = &e.mode {
        s.push(' ');
        s.push_str(m);
    }
    s.push_str(&format!(
        " — CAMEO {}, Goldstein {:+.1}, quad {}",
        e.cameo, e.goldstein, e.quad_class
    ));
    if !e.context.is_empty() {
        s.push_str(&format!(", {}", e.context.join("/")));
    }
    if e.modality != Modality::Asserted {
        s.push_str(&format!(" [{}]", e.modality.as_str()));
    }
    s.push_str(&format!(" ({:.2})", e.confidence));
    s
}

/// "Sergey Lavrov → China" or "Sergey Lavrov ↔ Wang Yi".
pub(crate) fn who(e: &Event) -> String {
    let names = |v: &[EventActor]| -> String {
        if v.is_empty() {
            return "?".to_string();
        }
        v.iter()
            .map(|a| {
                let name = a.canonical.as_deref().unwrap_or(&a.text);
                match &a.country {
                    Some(c) if a.kb_id.as_deref() != Some(c.as_str()) => format!("{name} ({c})"),
                    _ => name.to_string(),
                }
            })
            .collect::<Vec<_>>()
            .join(" + ")
    };
    let arrow = if e.reciprocal { "↔" } else { "→" };
    if e.recipients.is_empty() {
        names(&e.actors)
    } else {
        format!("{} {arrow} {}", names(&e.actors), names(&e.recipients))
    }
}
