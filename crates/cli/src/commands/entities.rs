//! `warta entities`: who and what each article mentions, for people to read.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use warta_langdata::DataDir;
use warta_model::{Article, Entity};

use super::articles;

/// Arguments of `warta entities`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// `warta analyze` output (.jsonl), or pages, directories, archives to analyse first.
    #[arg(required = true, value_name = "PATH")]
    inputs: Vec<PathBuf>,
    /// `table` (one line per actor, readable) or `jsonl` (the articles as analysed).
    #[arg(long, default_value = "table", value_parser = ["table", "jsonl"])]
    format: String,
    /// Worker threads for analysing pages (default: one per core).
    #[arg(long, default_value_t = 0)]
    threads: usize,
}

/// Run `warta entities`; exit code 2 when some input failed.
pub fn run(data: &DataDir, args: Args) -> anyhow::Result<ExitCode> {
    let printer = articles::Printer {
        name: "entities",
        items: None,
        jsonl: args.format == "jsonl",
    };
    articles::print_each(
        data,
        &args.inputs,
        args.threads,
        &printer,
        |a| a.entities.len(),
        write_table,
    )
}

/// One actor's mentions in an article.
#[derive(Default)]
struct Row {
    label: String,
    canonical: String,
    kb_id: String,
    country: String,
    count: usize,
    forms: BTreeMap<String, usize>,
    roles: BTreeMap<String, usize>,
}

/// A table of the actors an article mentions, most mentioned first.
fn write_table(out: &mut impl Write, a: &Article) -> std::io::Result<()> {
    writeln!(out, "{}", "─".repeat(72))?;
    writeln!(out, "{}", a.title.as_deref().unwrap_or("(no title)"))?;
    let date = a.published.as_ref().map_or("undated", |p| p.value.as_str());
    writeln!(out, "  {}  ({date})", a.source)?;
    let mut rows: BTreeMap<String, Row> = BTreeMap::new();
    for e in &a.entities {
        let key = e
            .kb_id
            .clone()
            .unwrap_or_else(|| format!("~{}", e.canonical.as_deref().unwrap_or(&e.text)));
        let row = rows.entry(key).or_insert_with(|| new_row(e));
        row.count += 1;
        *row.forms.entry(e.text.clone()).or_default() += 1;
        if let Some(r) = &e.role {
            *row.roles.entry(r.clone()).or_default() += 1;
        }
    }
    let mut rows: Vec<Row> = rows.into_values().collect();
    rows.sort_by(|x, y| y.count.cmp(&x.count).then(x.canonical.cmp(&y.canonical)));
    if rows.is_empty() {
        writeln!(out, "  (no entities)")?;
    }
    for r in rows {
        let forms: Vec<String> = r
            .forms
            .iter()
            .map(|(f, n)| {
                if *n > 1 {
                    format!("{f} ×{n}")
                } else {
                    f.clone()
                }
            })
            .collect();
        let roles: Vec<String> = r.roles.iter().map(|(k, n)| format!("{k} {n}")).collect();
        let id = if r.kb_id.is_empty() {
            "(not in KB)".to_string()
        } else {
            r.kb_id
        };
        writeln!(
            out,
            "  {:>3}× {:<3} {:<28} {:<18} {:<4} {}{}",
            r.count,
            r.label,
            r.canonical,
            id,
            r.country,
            forms.join(", "),
            if roles.is_empty() {
                String::new()
            } else {
                format!("  [{}]", roles.join(", "))
            }
        )?;
    }
    Ok(())
}

fn new_row(e: &Entity) -> Row {
    Row {
        label: e.label.clone(),
        canonical: e.canonical.clone().unwrap_or_else(|| e.text.clone()),
        kb_id: e.kb_id.clone().unwrap_or_default(),
        country: e.country.clone().unwrap_or_default(),
        ..Row::default()
    }
}
