//! Loads the knowledge base, prints its size and how long loading took.
//!
//! ```text
//! cargo run --release -p warta-kb --example kb_stats [DATA_DIR]
//! ```

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;
use warta_kb::Kb;
use warta_langdata::DataDir;

fn main() -> ExitCode {
    let dir = std::env::args().nth(1).map(PathBuf::from);
    let data = DataDir::locate(dir.as_deref());
    let start = Instant::now();
    let kb = match Kb::load(&data) {
        Ok(kb) => kb,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let first = start.elapsed();
    let runs = 10;
    let start = Instant::now();
    for _ in 0..runs {
        if Kb::load(&data).is_err() {
            return ExitCode::FAILURE;
        }
    }
    let avg = start.elapsed() / runs;
    println!("data: {}", data.describe());
    println!("{:#?}", kb.stats());
    println!("load: first {first:?}, average of {runs} {avg:?}");
    ExitCode::SUCCESS
}
