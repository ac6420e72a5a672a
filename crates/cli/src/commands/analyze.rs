//! `warta analyze`: the main job.

use std::path::PathBuf;
use std::process::ExitCode;
use warta_langdata::DataDir;

/// Arguments of `warta analyze`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input files, directories or `-` for stdin.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
}

/// Run `warta analyze`.
pub fn run(data: &DataDir, args: Args) -> anyhow::Result<ExitCode> {
    let _ = (data, args);
    Ok(ExitCode::SUCCESS)
}
