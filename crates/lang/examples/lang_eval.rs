//! Language-ID evaluation and throughput on the UD Indonesian treebanks.
//!
//! `cargo run --release -p warta-lang --example lang_eval [CONLLU…]`
//!
//! Groups the `# text = ` sentences (Indonesian) and the `# text_en = ` sentences
//! (English) five per sample, reports recall per language and what the misses became,
//! then measures detection throughput on the same text. Without arguments it reads the
//! treebanks under `/work/shared/data/indonesian/ud-indonesian-*`.

use std::collections::BTreeMap;
use std::time::Instant;

use warta_model::Lang;

fn samples(paths: &[String], prefix: &str) -> Vec<String> {
    let mut sents = Vec::new();
    for p in paths {
        if let Ok(text) = std::fs::read_to_string(p) {
            sents.extend(
                text.lines()
                    .filter_map(|l| l.strip_prefix(prefix))
                    .map(str::to_string),
            );
        }
    }
    sents.chunks(5).map(|c| c.join(" ")).collect()
}

fn default_paths() -> Vec<String> {
    let mut v = Vec::new();
    if let Ok(rd) = std::fs::read_dir("/work/shared/data/indonesian") {
        for e in rd.flatten() {
            if e.file_name()
                .to_string_lossy()
                .starts_with("ud-indonesian-")
                && let Ok(files) = std::fs::read_dir(e.path())
            {
                for f in files.flatten() {
                    let p = f.path().display().to_string();
                    if p.ends_with(".conllu") {
                        v.push(p);
                    }
                }
            }
        }
    }
    v.sort();
    v
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let paths = if args.is_empty() {
        default_paths()
    } else {
        args
    };
    let lid = match warta_lang::LangId::load(&warta_langdata::DataDir::locate(None)) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let verbose = std::env::var_os("VERBOSE").is_some();
    for (prefix, want) in [("# text = ", Lang::Id), ("# text_en = ", Lang::En)] {
        let s = samples(&paths, prefix);
        let mut got: BTreeMap<&str, usize> = BTreeMap::new();
        for t in &s {
            let l = lid.detect(t, None);
            *got.entry(l.code()).or_default() += 1;
            if verbose && l != want {
                println!(
                    "MISS {} -> {}: {:?}\n  {}",
                    want.code(),
                    l.code(),
                    lid.scores(t),
                    t
                );
            }
        }
        let ok = got.get(want.code()).copied().unwrap_or(0);
        println!(
            "{}: {ok}/{} = {:.4} recall; detected {got:?}",
            want.code(),
            s.len(),
            ok as f64 / s.len().max(1) as f64
        );
    }
    // Throughput: detect on 5-sentence samples of both languages, repeated.
    let mut all = samples(&paths, "# text = ");
    all.extend(samples(&paths, "# text_en = "));
    let bytes: usize = all.iter().map(String::len).sum();
    let reps = (50_000_000 / bytes.max(1)).max(1);
    let start = Instant::now();
    let mut n = 0usize;
    for _ in 0..reps {
        for t in &all {
            n += usize::from(lid.detect(t, None) == Lang::Id);
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "throughput: {:.1} MB in {secs:.2} s = {:.1} MB/s ({} samples/pass, {} id)",
        (bytes * reps) as f64 / 1e6,
        (bytes * reps) as f64 / 1e6 / secs,
        all.len(),
        n / reps
    );
}
