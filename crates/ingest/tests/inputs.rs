//! Files, directories and bad inputs: every bad file yields a clear error for that
//! file and the files after it are still read.
#![allow(clippy::unwrap_used)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use common::*;
use warta_ingest::{
    DocKind, ErrorKind, IngestError, IngestOptions, RawDoc, open, read_bytes, total_size,
};

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&p, bytes).unwrap();
    p
}

fn file_of(item: &Result<RawDoc, IngestError>) -> String {
    let s = match item {
        Ok(d) => d.source.clone(),
        Err(e) => e.source_name.clone(),
    };
    let s = s.split(['@', ':']).next().unwrap().to_string();
    Path::new(&s)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

fn one_file(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> Vec<Result<RawDoc, IngestError>> {
    let p = write(dir, name, bytes);
    open(&[p], &IngestOptions::default()).collect()
}

#[test]
fn plain_text_and_html_files() {
    let dir = tempfile::tempdir().unwrap();
    let got = one_file(dir.path(), "sub/a.txt", "Jakarta - Presiden.\n");
    let d = got[0].as_ref().unwrap();
    assert_eq!(d.kind, DocKind::Text);
    assert_eq!(d.text, "Jakarta - Presiden.\n");
    assert_eq!(d.source, dir.path().join("sub/a.txt").display().to_string());
    assert_eq!(d.source_key, "a.txt");
    assert_eq!((d.url.as_deref(), d.offset), (None, None));

    for name in ["b.html", "c.htm", "d.xhtml"] {
        let got = one_file(dir.path(), name, "<p>x</p>");
        assert_eq!(got[0].as_ref().unwrap().kind, DocKind::Html, "{name}");
    }
    // <meta charset> decides the encoding of an HTML file.
    let got = one_file(
        dir.path(),
        "e.html",
        b"<html><head><meta charset=\"iso-8859-1\"></head><p>Caf\xe9</p>",
    );
    let d = got[0].as_ref().unwrap();
    assert_eq!(d.encoding, "windows-1252");
    assert!(d.text.contains("Café"));
    // A BOM beats everything.
    let got = one_file(dir.path(), "f.txt", b"\xff\xfeO\0K\0");
    assert_eq!(got[0].as_ref().unwrap().text, "OK");
}

#[test]
fn unknown_extensions_are_sniffed() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<(&str, Vec<u8>, DocKind, usize)> = vec![
        (
            "page",
            b"\n  <!DOCTYPE html><html><body>x</body></html>".to_vec(),
            DocKind::Html,
            1,
        ),
        (
            "notes",
            b"Jakarta - Presiden Joko Widodo".to_vec(),
            DocKind::Text,
            1,
        ),
        (
            "dump",
            b"{\"text\":\"a\"}\n{\"html\":\"<p>b</p>\"}\n".to_vec(),
            DocKind::Text,
            2,
        ),
        (
            "crawl.dat",
            warc(&[html_response("https://a.id/", "<p>x</p>")]).0,
            DocKind::Html,
            1,
        ),
        (
            "page.gz",
            gz(b"<html><p>dikompresi</p></html>"),
            DocKind::Html,
            1,
        ),
        (
            "lines.gz",
            gz(b"{\"text\":\"satu\"}\n{\"text\":\"dua\"}\n"),
            DocKind::Text,
            2,
        ),
        ("double.txt.gz", gz(&gz(b"dua kali")), DocKind::Text, 1),
    ];
    for (name, bytes, kind, n) in cases {
        let got = one_file(dir.path(), name, &bytes);
        assert_eq!(got.len(), n, "{name}: {got:?}");
        let d = got[0].as_ref().unwrap();
        assert_eq!(d.kind, kind, "{name}");
    }
    let got = one_file(dir.path(), "double.txt.gz", gz(&gz(b"dua kali")));
    assert_eq!(got[0].as_ref().unwrap().text, "dua kali");
}

#[test]
fn jsonl_file_names_lines() {
    let dir = tempfile::tempdir().unwrap();
    let data = "{\"text\":\"satu\",\"outlet\":\"Republika\",\"title\":\"T\"}\n{oops\n{\"html\":\"<p>tiga</p>\",\"url\":\"https://r.id/3\"}\n";
    let got = one_file(dir.path(), "a.ndjson", data);
    assert_eq!(got.len(), 3);
    let p = dir.path().join("a.ndjson").display().to_string();
    let d = got[0].as_ref().unwrap();
    assert_eq!(d.source, format!("{p}:1"));
    assert_eq!(d.source_key, "a.ndjson#1");
    assert_eq!(d.hints.outlet.as_deref(), Some("Republika"));
    let e = got[1].as_ref().unwrap_err();
    assert_eq!(e.source_name, format!("{p}:2"));
    let off = data.find("{oops").unwrap();
    assert!(
        e.to_string()
            .starts_with(&format!("{p}:2 (offset {off}): invalid JSON record")),
        "{e}"
    );
    assert_eq!(got[2].as_ref().unwrap().source_key, "https://r.id/3");
}

#[test]
fn size_limits_on_single_line_files() {
    let dir = tempfile::tempdir().unwrap();
    // 50 MB on one line: over the default 16 MiB limit.
    let big = write(dir.path(), "big.txt", vec![b'a'; 50_000_000]);
    // 10 MB on one line: under it.
    let ok = write(dir.path(), "ok.txt", vec![b'b'; 10_000_000]);
    let after = write(dir.path(), "z.txt", "sesudah");
    let got: Vec<_> = open(&[big, ok, after], &IngestOptions::default()).collect();
    assert_eq!(got.len(), 3);
    let e = got[0].as_ref().unwrap_err();
    assert_eq!(e.kind, ErrorKind::TooLarge);
    assert!(
        e.message.contains("50000000 bytes") && e.message.contains("16777216"),
        "{e}"
    );
    let d = got[1].as_ref().unwrap();
    assert_eq!(d.text.len(), 10_000_000);
    assert_eq!(got[2].as_ref().unwrap().text, "sesudah");

    // The same limit inside gzip (size unknown before reading).
    let got = one_file(dir.path(), "big.html.gz", gz(&vec![b'<'; 20 << 20]));
    let e = got[0].as_ref().unwrap_err();
    assert_eq!(e.kind, ErrorKind::TooLarge);
    assert!(e.message.contains("more than 16777216 bytes"), "{e}");
}

#[test]
fn bad_inputs_each_fail_alone() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let good_warc = warc(&[
        html_response("https://x.id/1", "<p>satu</p>"),
        html_response("https://x.id/2", "<p>dua</p>"),
    ])
    .0;
    let mut corrupt_recs = vec![
        html_response("https://x.id/a", "<p>a</p>"),
        html_response("https://x.id/b", "<p>b</p>"),
        html_response("https://x.id/c", "<p>c</p>"),
    ];
    corrupt_recs[1][..4].copy_from_slice(b"XXXX");
    let full_gz = gz("isi yang cukup panjang untuk dipotong. "
        .repeat(200)
        .as_bytes());
    let jsonl_gz = gz(b"{\"text\":\"satu\"}\n{\"text\":\"dua\"}\n{\"text\":\"tiga\"}\n");

    write(d, "00-good.txt", "Berita pertama.");
    write(d, "01-random.bin", random_bytes(20_000, 42));
    write(d, "02-elf", elf());
    write(d, "03-random.txt", random_bytes(5_000, 43));
    write(d, "035-big-50mb.txt", vec![b'a'; 50_000_000]);
    write(d, "036-line-10mb.txt", vec![b'b'; 10_000_000]);
    write(d, "04-truncated.txt.gz", &full_gz[..full_gz.len() / 2]);
    write(d, "05-truncated.jsonl.gz", &jsonl_gz[..jsonl_gz.len() - 12]);
    write(d, "06-corrupt.warc", warc(&corrupt_recs).0);
    write(d, "07-invalid-utf8.txt", b"Menteri berkata \xc3\x28 \"tidak\" \xe2\x80\x9cya\xe2\x80\x9d \xe2\x80\x94 kat\xc3\xa9 \xe2\x80\xa6");
    write(
        d,
        "08-latin1.txt",
        b"Caf\xe9 au lait, cr\xe8me br\xfbl\xe9e, d\xe9j\xe0 vu, na\xefve fa\xe7ade.",
    );
    write(d, "09-empty.txt", b"");
    write(d, "10-empty.warc.gz", b"");
    write(
        d,
        "11-binary.html",
        b"<html>\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0</html>",
    );
    write(d, "12-good.warc", &good_warc);
    write(d, "13-bad.jsonl", random_bytes(3000, 44));
    write(d, "14-not-gzip.txt.gz", "sebenarnya teks biasa");
    write(d, ".hidden.txt", "tidak dibaca");
    write(d, "sub/15-good.html", "<p>terakhir</p>");

    let progress = Arc::new(AtomicU64::new(0));
    let options = IngestOptions {
        max_doc_bytes: 16 << 20,
        progress: Some(progress.clone()),
    };
    let mut inputs = open(&[d.to_path_buf()], &options);
    let got: Vec<_> = inputs.by_ref().collect();
    let summary: Vec<(String, Result<String, ErrorKind>)> = got
        .iter()
        .map(|i| {
            (
                file_of(i),
                match i {
                    Ok(doc) => Ok(doc.text.chars().take(12).collect()),
                    Err(e) => Err(e.kind),
                },
            )
        })
        .collect();
    let expect: Vec<(&str, Result<&str, ErrorKind>)> = vec![
        ("00-good.txt", Ok("Berita perta")),
        ("01-random.bin", Err(ErrorKind::Binary)),
        ("02-elf", Err(ErrorKind::Binary)),
        ("03-random.txt", Err(ErrorKind::Binary)),
        ("035-big-50mb.txt", Err(ErrorKind::TooLarge)),
        ("036-line-10mb.txt", Ok("bbbbbbbbbbbb")),
        ("04-truncated.txt.gz", Err(ErrorKind::Corrupt)),
        ("05-truncated.jsonl.gz", Ok("satu")),
        ("05-truncated.jsonl.gz", Ok("dua")),
        ("05-truncated.jsonl.gz", Err(ErrorKind::Corrupt)),
        ("06-corrupt.warc", Ok("<p>a</p>")),
        ("06-corrupt.warc", Err(ErrorKind::Corrupt)),
        ("06-corrupt.warc", Ok("<p>c</p>")),
        ("07-invalid-utf8.txt", Ok("Menteri berk")),
        ("08-latin1.txt", Ok("Café au lait")),
        ("09-empty.txt", Err(ErrorKind::Empty)),
        ("10-empty.warc.gz", Err(ErrorKind::Empty)),
        ("11-binary.html", Err(ErrorKind::Binary)),
        ("12-good.warc", Ok("<p>satu</p>")),
        ("12-good.warc", Ok("<p>dua</p>")),
        ("13-bad.jsonl", Err(ErrorKind::Binary)),
        ("14-not-gzip.txt.gz", Ok("sebenarnya t")),
        ("15-good.html", Ok("<p>terakhir<")),
    ];
    let expect: Vec<(String, Result<String, ErrorKind>)> = expect
        .into_iter()
        .map(|(f, r)| (f.to_string(), r.map(str::to_string)))
        .collect();
    assert_eq!(summary, expect, "{got:#?}");

    // Error messages name the file (and offset inside containers).
    for item in &got {
        if let Err(e) = item {
            let text = e.to_string();
            assert!(text.contains(&file_of(item)), "{text}");
            assert!(!e.message.is_empty());
        }
    }
    let invalid = got[13].as_ref().unwrap();
    assert!(invalid.text.contains('\u{fffd}'));
    assert_eq!(invalid.encoding, "UTF-8");
    assert_eq!(got[14].as_ref().unwrap().encoding, "windows-1252");

    let stats = inputs.stats();
    assert_eq!(stats.files, 18);
    assert_eq!(stats.documents, 12);
    assert_eq!(stats.errors, 11);
    // Every byte of every file is accounted for in progress.
    assert_eq!(
        progress.load(Ordering::Relaxed),
        total_size(&[d.to_path_buf()])
    );
}

#[test]
fn missing_paths_are_errors_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "a.txt", "ada");
    let got: Vec<_> = open(
        &[dir.path().join("missing.txt"), good],
        &IngestOptions::default(),
    )
    .collect();
    assert_eq!(got.len(), 2);
    let e = got[0].as_ref().unwrap_err();
    assert_eq!(e.kind, ErrorKind::Io);
    assert!(e.to_string().contains("missing.txt"));
    assert_eq!(got[1].as_ref().unwrap().text, "ada");
}

#[test]
fn read_bytes_uses_the_given_name() {
    let got = read_bytes(
        "-",
        b"{\"text\":\"dari stdin\"}\n",
        &IngestOptions::default(),
    );
    let d = got[0].as_ref().unwrap();
    assert_eq!((d.source.as_str(), d.source_key.as_str()), ("-:1", "-#1"));
    let got = read_bytes("-", b"teks biasa", &IngestOptions::default());
    assert_eq!(got[0].as_ref().unwrap().source, "-");
}

#[test]
fn iterators_can_move_to_another_thread() {
    fn send<T: Send>(_: &T) {}
    let inputs = open(&[PathBuf::from("-")], &IngestOptions::default());
    send(&inputs);
    let docs = warta_ingest::read("x", std::io::empty(), &IngestOptions::default());
    send(&docs);
}
