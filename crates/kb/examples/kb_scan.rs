//! Prints the names and role titles the knowledge base finds in text files, with the
//! holders of each title on a date: a tool to check new data against real articles.
//!
//! ```text
//! cargo run -p warta-kb --example kb_scan -- [--date YYYY-MM-DD] FILE...
//! ```

use chrono::NaiveDate;
use std::process::ExitCode;
use warta_kb::Kb;
use warta_langdata::DataDir;

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut date = chrono::Local::now().date_naive();
    if let Some(i) = args.iter().position(|a| a == "--date") {
        let parsed = args
            .get(i + 1)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let Some(d) = parsed else {
            eprintln!("--date needs YYYY-MM-DD");
            return ExitCode::from(2);
        };
        date = d;
        args.drain(i..i + 2);
    }
    let kb = match Kb::load(&DataDir::locate(None)) {
        Ok(kb) => kb,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    for path in &args {
        let text = match std::fs::read(path) {
            Ok(b) => String::from_utf8_lossy(&b).into_owned(),
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        println!("== {path}");
        let scan = kb.scan(&text);
        for m in &scan.mentions {
            let cands: Vec<String> = m
                .candidates
                .iter()
                .map(|c| {
                    format!(
                        "{}:{:?}{}",
                        c.actor.id,
                        c.how,
                        c.sector.map(|s| format!("/{s}")).unwrap_or_default()
                    )
                })
                .collect();
            println!(
                "{:>6} {:<28} {}",
                m.start,
                &text[m.start..m.end],
                cands.join(" ")
            );
        }
        for t in &scan.titles {
            let who: Vec<&str> = kb
                .title_holders(t, date)
                .iter()
                .map(|a| a.id.as_str())
                .collect();
            println!(
                "{:>6} TITLE {:<40} {} of {:?}{} -> {:?}",
                t.start,
                &text[t.start..t.end],
                t.key,
                t.of.map(|a| a.id.as_str()),
                if t.former { " (former)" } else { "" },
                who
            );
        }
    }
    ExitCode::SUCCESS
}
