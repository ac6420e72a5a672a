//! Measures single-threaded ingest throughput.
//!
//! `cargo run --release -p warta-ingest --example throughput [PATH...]` reads the
//! given paths; with none, it writes a synthetic corpus (text files, one JSONL
//! file, one WARC, one WARC.gz; about 200 MB each) to a temporary directory and
//! reads each part, printing MB/s of input.
#![allow(clippy::unwrap_used)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use warta_ingest::{IngestOptions, open, total_size};

fn measure(label: &str, paths: &[PathBuf]) {
    let bytes = total_size(paths);
    let start = Instant::now();
    let (mut docs, mut errors, mut chars) = (0u64, 0u64, 0u64);
    for item in open(paths, &IngestOptions::default()) {
        match item {
            Ok(d) => {
                docs += 1;
                chars += d.text.len() as u64;
            }
            Err(_) => errors += 1,
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{label:>10}: {:>8.1} MB in {secs:>6.2} s = {:>7.1} MB/s  ({docs} docs, {errors} errors, {:.1} MB text)",
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs,
        chars as f64 / 1e6
    );
}

fn page(i: usize) -> String {
    let para = "Jakarta - Presiden Joko Widodo bertemu dengan para menteri di Istana Merdeka pada Sabtu (4/2/2023) untuk membahas rencana pembangunan ibu kota baru. ";
    format!(
        "<html><head><title>Berita {i}</title></head><body><article><p>{}</p></article></body></html>",
        para.repeat(60)
    )
}

fn warc_record(i: usize) -> Vec<u8> {
    let body = page(i);
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{body}");
    let mut r = format!(
        "WARC/1.1\r\nWARC-Type: response\r\nWARC-Date: 2023-02-05T00:00:00Z\r\nWARC-Target-URI: https://news.example.id/{i}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        http.len()
    )
    .into_bytes();
    r.extend_from_slice(http.as_bytes());
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn synthetic(dir: &Path) -> Vec<(&'static str, Vec<PathBuf>)> {
    const TARGET: usize = 200_000_000;
    let per = page(0).len();
    let n = TARGET / per;
    let txt_dir = dir.join("txt");
    std::fs::create_dir_all(&txt_dir).unwrap();
    for i in 0..n {
        std::fs::write(txt_dir.join(format!("{i:06}.txt")), page(i)).unwrap();
    }
    let mut jsonl = std::io::BufWriter::new(std::fs::File::create(dir.join("a.jsonl")).unwrap());
    for i in 0..n {
        let line = serde_json::json!({"html": page(i), "url": format!("https://x.id/{i}")});
        writeln!(jsonl, "{line}").unwrap();
    }
    jsonl.flush().unwrap();
    let mut warc = std::io::BufWriter::new(std::fs::File::create(dir.join("a.warc")).unwrap());
    let mut warc_gz =
        std::io::BufWriter::new(std::fs::File::create(dir.join("a.warc.gz")).unwrap());
    for i in 0..n {
        let r = warc_record(i);
        warc.write_all(&r).unwrap();
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(&r).unwrap();
        warc_gz.write_all(&e.finish().unwrap()).unwrap();
    }
    warc.flush().unwrap();
    warc_gz.flush().unwrap();
    vec![
        ("txt files", vec![txt_dir]),
        ("jsonl", vec![dir.join("a.jsonl")]),
        ("warc", vec![dir.join("a.warc")]),
        ("warc.gz", vec![dir.join("a.warc.gz")]),
    ]
}

fn main() {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if !args.is_empty() {
        measure("input", &args);
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for (label, paths) in synthetic(dir.path()) {
        measure(label, &paths);
    }
}
