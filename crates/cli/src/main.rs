//! The `warta` command: analyze news pages into facts, evaluate, inspect.

mod commands;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// warta — a news-intelligence engine: clean articles, metadata and (later) entities,
/// quotes and events from raw news pages.
#[derive(Debug, Parser)]
#[command(name = "warta", version, about, long_about = None)]
struct Cli {
    /// Language data folder (default: $WARTA_DATA, else the repository's data/, else the built-in copy).
    #[arg(long, global = true, value_name = "DIR")]
    data: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Turn news pages (text, HTML, JSONL, WARC, gzip; files, directories or `-`) into one JSON article per line.
    Analyze(commands::analyze::Args),
    /// Show who said what: quotations with speakers, cues and channels, per article
    /// (`warta analyze` output is read as is; other inputs are analysed first).
    Quotes(commands::quotes::Args),
    /// Who and what each article mentions: actors linked to the knowledge base, with
    /// counts and surface forms (reads `warta analyze` output or analyses pages).
    Entities(commands::entities::Args),
    /// Who did what to whom, when and where: coded events (PLOVER type and mode, CAMEO
    /// code) with actors, recipients, dates and places, per article.
    Events(commands::events::Args),
    /// Measure warta on a benchmark.
    #[command(subcommand)]
    Eval(commands::eval::EvalCommand),
    /// Train a model (the NER tagger, its word clusters).
    #[command(subcommand)]
    Train(commands::ner::TrainCommand),
    /// Tag tokens with the NER model: CoNLL (or one sentence per line) on stdin,
    /// `TOKEN<TAB>TAG` lines (IOB2) on stdout.
    Tag(commands::ner::TagArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let data = warta_langdata::DataDir::locate(cli.data.as_deref());
    let result = match cli.command {
        Command::Analyze(args) => commands::analyze::run(&data, args),
        Command::Eval(cmd) => commands::eval::run(&data, cmd),
        Command::Entities(args) => commands::entities::run(&data, args),
        Command::Events(args) => commands::events::run(&data, args),
        Command::Quotes(args) => commands::quotes::run(&data, args),
        Command::Train(cmd) => commands::ner::run_train(&data, cmd),
        Command::Tag(args) => commands::ner::tag(&data, args),
    };
    match result {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("warta: error: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// A reader that stopped reading (`warta analyze … | head`) is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        let io = c.downcast_ref::<std::io::Error>().map(std::io::Error::kind);
        let json = c
            .downcast_ref::<serde_json::Error>()
            .and_then(serde_json::Error::io_error_kind);
        io.or(json) == Some(std::io::ErrorKind::BrokenPipe)
    })
}
