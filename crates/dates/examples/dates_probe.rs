//! Print the date mentions of each line of stdin, resolved against a reference date.
//!
//! `cargo run -p warta-dates --example dates_probe -- 2023-02-04 < lines.txt`

use std::io::BufRead;

fn main() {
    let reference = std::env::args()
        .nth(1)
        .and_then(|s| chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok());
    let lex = match warta_dates::DateLexicon::load(&warta_langdata::DataDir::locate(None)) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        println!("{line}");
        for m in lex.find(&line) {
            match lex.resolve(&m, reference) {
                Some(r) => println!("  [{}] -> {} ({:?})", m.text, r.iso(), r.resolution),
                None => println!("  [{}] -> unresolved {:?}", m.text, m),
            }
        }
    }
}
