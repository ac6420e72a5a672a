//! WARC and WARC.gz reading: which records become documents, offsets, HTTP
//! payload handling, and recovery from damaged records.
#![allow(clippy::unwrap_used)]

mod common;

use std::io::Read;

use common::*;
use warta_ingest::{
    DocKind, ErrorKind, Format, IngestError, IngestOptions, RawDoc, read_bytes, read_format,
};

fn opts(max: usize) -> IngestOptions {
    IngestOptions {
        max_doc_bytes: max,
        progress: None,
    }
}

fn split(items: Vec<Result<RawDoc, IngestError>>) -> (Vec<RawDoc>, Vec<IngestError>) {
    let mut docs = Vec::new();
    let mut errs = Vec::new();
    for i in items {
        match i {
            Ok(d) => docs.push(d),
            Err(e) => errs.push(e),
        }
    }
    (docs, errs)
}

/// A crawl with every kind of record that must be skipped, around three pages.
fn mixed_records() -> Vec<Vec<u8>> {
    vec![
        warcinfo(),
        request("https://news.example.id/a"),
        html_response(
            "https://news.example.id/a",
            "<html><body><p>Berita satu.</p></body></html>",
        ),
        record(
            "metadata",
            Some("https://news.example.id/a"),
            "application/warc-fields",
            b"fetchTimeMs: 12\r\n",
        ),
        record(
            "response",
            Some("https://news.example.id/logo.png"),
            "application/http; msgtype=response",
            &http(
                "200 OK",
                &[("Content-Type", "image/png")],
                b"\x89PNG\r\n\x1a\n\0\0\0",
            ),
        ),
        record(
            "response",
            Some("https://news.example.id/old"),
            "application/http; msgtype=response",
            &http(
                "301 Moved Permanently",
                &[("Content-Type", "text/html")],
                b"<html>moved</html>",
            ),
        ),
        record(
            "revisit",
            Some("https://news.example.id/a"),
            "application/http; msgtype=response",
            &http("200 OK", &[("Content-Type", "text/html")], b""),
        ),
        record(
            "response",
            Some("https://news.example.id/b.txt"),
            "application/http; msgtype=response",
            &http(
                "200 OK",
                &[
                    ("Content-Type", "text/plain; charset=windows-1252"),
                    ("Content-Language", "id"),
                ],
                b"Caf\xe9 dua.",
            ),
        ),
        html_response("https://news.example.id/c", "<p>Berita tiga.</p>"),
    ]
}

#[test]
fn plain_warc_documents_offsets_and_skips() {
    let (file, offsets) = warc(&mixed_records());
    let mut reader = read_format("dir/crawl.warc", None, &file[..], &IngestOptions::default());
    let items: Vec<_> = reader.by_ref().collect();
    let stats = reader.stats();
    let (docs, errs) = split(items);
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(docs.len(), 3);
    assert_eq!(stats.skipped_records, 6);
    assert_eq!(stats.documents, 3);

    let a = &docs[0];
    assert_eq!(a.kind, DocKind::Html);
    assert_eq!(a.url.as_deref(), Some("https://news.example.id/a"));
    assert_eq!(a.source_key, "https://news.example.id/a");
    assert_eq!(a.offset, Some(offsets[2]));
    assert_eq!(a.source, format!("dir/crawl.warc@{}", offsets[2]));
    assert_eq!(a.text, "<html><body><p>Berita satu.</p></body></html>");
    assert_eq!(a.hints.crawled.as_deref(), Some("2023-02-05T01:02:03Z"));
    assert_eq!(
        a.hints.published, None,
        "WARC-Date is the crawl date, not publication"
    );
    assert_eq!(a.encoding, "UTF-8");

    let b = &docs[1];
    assert_eq!(b.kind, DocKind::Text);
    assert_eq!(b.text, "Café dua.");
    assert_eq!(b.encoding, "windows-1252");
    assert_eq!(b.hints.lang.as_deref(), Some("id"));
    assert_eq!(b.offset, Some(offsets[7]));

    assert_eq!(docs[2].text, "<p>Berita tiga.</p>");
    // Each offset really is where the record starts.
    for d in &docs {
        let at = d.offset.unwrap() as usize;
        assert!(file[at..].starts_with(b"WARC/1.1\r\n"));
    }
}

#[test]
fn warc_gz_offsets_are_member_offsets_for_range_requests() {
    let (file, offsets) = warc_gz(&mixed_records());
    let items = read_bytes("CC-MAIN-x.warc.gz", &file, &IngestOptions::default());
    let (docs, errs) = split(items);
    assert!(errs.is_empty(), "{errs:?}");
    let got: Vec<u64> = docs.iter().map(|d| d.offset.unwrap()).collect();
    assert_eq!(got, [offsets[2], offsets[7], offsets[8]]);
    assert_eq!(docs[0].source, format!("CC-MAIN-x.warc.gz@{}", offsets[2]));
    // A byte-range fetch of one member decodes to that record alone.
    for d in &docs {
        let at = d.offset.unwrap() as usize;
        let mut one = Vec::new();
        flate2::bufread::GzDecoder::new(&file[at..])
            .read_to_end(&mut one)
            .unwrap();
        let one = String::from_utf8_lossy(&one);
        assert!(one.starts_with("WARC/1.1"));
        assert!(one.contains(d.url.as_deref().unwrap()));
    }
    // Detected by content too: no extension, and a forced format.
    assert_eq!(
        split(read_bytes("blob", &file, &IngestOptions::default()))
            .0
            .len(),
        3
    );
    let forced: Vec<_> = read_format(
        "blob",
        Some(Format::Warc),
        &file[..],
        &IngestOptions::default(),
    )
    .collect();
    let forced = split(forced).0;
    assert_eq!(forced.len(), 3);
    assert!(
        forced
            .iter()
            .zip(&docs)
            .all(|(a, b)| a.offset == b.offset && a.text == b.text)
    );
}

#[test]
fn whole_file_gzip_warc_still_reads_every_record() {
    // Some tools gzip a whole WARC as one member: all records share the member offset.
    let (plain, _) = warc(&mixed_records());
    let file = gz(&plain);
    let (docs, errs) = split(read_bytes("one.warc.gz", &file, &IngestOptions::default()));
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(docs.len(), 3);
    assert!(docs.iter().all(|d| d.offset == Some(0)));
}

#[test]
fn http_payload_codings_and_charsets() {
    let chunked = b"7\r\n<p>Satu\r\n6\r\n dua.<\r\n3\r\n/p>\r\n0\r\n\r\n";
    let records = vec![
        record(
            "response",
            Some("https://a.example.id/chunked"),
            "application/http; msgtype=response",
            &http("200 OK", &[("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")], chunked),
        ),
        record(
            "response",
            Some("https://a.example.id/gzip"),
            "application/http; msgtype=response",
            &http(
                "200 OK",
                &[("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                &gz(b"<p>Dikompresi.</p>"),
            ),
        ),
        record(
            "response",
            Some("https://a.example.ru/meta"),
            "application/http; msgtype=response",
            &http(
                "200 OK",
                &[("Content-Type", "text/html")],
                b"<html><head><meta charset=\"windows-1251\"></head><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>",
            ),
        ),
        record(
            "response",
            Some("https://a.example.id/br"),
            "application/http; msgtype=response",
            &http("200 OK", &[("Content-Type", "text/html"), ("Content-Encoding", "br")], b"\x1b\x03"),
        ),
        record(
            "response",
            Some("https://a.example.id/bad-utf8"),
            "application/http; msgtype=response",
            &http("200 OK", &[("Content-Type", "text/html; charset=utf-8")], b"<p>ok \xff\xfe ok</p>"),
        ),
        record(
            "response",
            Some("https://a.example.id/untyped"),
            "application/http; msgtype=response",
            &http("200 OK", &[], b"<!DOCTYPE html><title>t</title>"),
        ),
    ];
    let (file, offsets) = warc(&records);
    let (docs, errs) = split(read_bytes("x.warc", &file, &IngestOptions::default()));
    assert_eq!(docs[0].text, "<p>Satu dua.</p>");
    assert_eq!(docs[1].text, "<p>Dikompresi.</p>");
    assert_eq!(docs[2].encoding, "windows-1251");
    assert!(docs[2].text.contains("Привет"));
    assert_eq!(docs[3].text, "<p>ok \u{fffd}\u{fffd} ok</p>");
    assert_eq!(docs[3].encoding, "UTF-8");
    assert_eq!(docs[4].text, "<!DOCTYPE html><title>t</title>");
    assert_eq!(docs.len(), 5);
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].kind, ErrorKind::Unsupported);
    assert_eq!(errs[0].offset, Some(offsets[3]));
}

/// Records around a damaged one: the damage is reported, everything else comes out.
fn check_recovery(name: &str, file: &[u8], expect_docs: &[&str], expect_errors: usize) {
    let (docs, errs) = split(read_bytes(name, file, &IngestOptions::default()));
    let urls: Vec<&str> = docs.iter().map(|d| d.url.as_deref().unwrap()).collect();
    assert_eq!(urls, expect_docs, "{name}: {errs:?}");
    assert_eq!(errs.len(), expect_errors, "{name}: {errs:?}");
    for e in &errs {
        assert!(e.offset.is_some(), "{e}");
        assert_eq!(e.source_name, name);
    }
}

fn pages(n: usize) -> Vec<Vec<u8>> {
    (0..n)
        .map(|i| {
            html_response(
                &format!("https://x.example.id/{i}"),
                &format!("<p>Halaman {i} {}</p>", "isi ".repeat(50)),
            )
        })
        .collect()
}

#[test]
fn plain_warc_recovers_from_corrupt_records() {
    let recs = pages(5);
    let all = [
        "https://x.example.id/0",
        "https://x.example.id/1",
        "https://x.example.id/3",
        "https://x.example.id/4",
    ];

    // Garbage instead of the version line.
    let mut bad = recs.clone();
    bad[2][..8].copy_from_slice(b"GARBAGE!");
    let (file, offsets) = warc(&bad);
    check_recovery("a.warc", &file, &all, 1);
    let (_, errs) = split(read_bytes("a.warc", &file, &IngestOptions::default()));
    assert_eq!(errs[0].offset, Some(offsets[2]));
    assert_eq!(errs[0].kind, ErrorKind::Corrupt);

    // Content-Length too large: the block swallows the next record's start.
    let mut bad = recs.clone();
    let text = String::from_utf8(bad[2].clone()).unwrap();
    let len: usize = text
        .split("Content-Length: ")
        .nth(1)
        .unwrap()
        .split('\r')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    bad[2] = text
        .replace(
            &format!("Content-Length: {len}"),
            &format!("Content-Length: {}", len + 40),
        )
        .into_bytes();
    let (file, _) = warc(&bad);
    check_recovery("b.warc", &file, &all, 1);

    // Content-Length too small.
    let mut bad = recs.clone();
    bad[2] = text
        .replace(
            &format!("Content-Length: {len}"),
            &format!("Content-Length: {}", len - 40),
        )
        .into_bytes();
    let (file, _) = warc(&bad);
    check_recovery("c.warc", &file, &all, 1);

    // Missing Content-Length.
    let mut bad = recs.clone();
    bad[2] = text
        .replace(&format!("Content-Length: {len}\r\n"), "")
        .into_bytes();
    let (file, _) = warc(&bad);
    check_recovery("d.warc", &file, &all, 1);

    // Truncated record in the middle (bytes cut out).
    let mut bad = recs.clone();
    let half = bad[2].len() / 2;
    bad[2].truncate(half);
    let (file, _) = warc(&bad);
    check_recovery("e.warc", &file, &all, 1);

    // Junk between records and at the end.
    let mut bad = recs.clone();
    bad.insert(2, random_bytes(3000, 3));
    bad.push(b"trailing junk".to_vec());
    let (file, _) = warc(&bad);
    check_recovery(
        "f.warc",
        &file,
        &[
            "https://x.example.id/0",
            "https://x.example.id/1",
            "https://x.example.id/2",
            "https://x.example.id/3",
            "https://x.example.id/4",
        ],
        2,
    );
}

#[test]
fn truncated_plain_warc_reports_last_record() {
    let recs = pages(3);
    let (mut file, offsets) = warc(&recs);
    file.truncate(file.len() - 30);
    let (docs, errs) = split(read_bytes("t.warc", &file, &IngestOptions::default()));
    assert_eq!(docs.len(), 2);
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].offset, Some(offsets[2]));
}

#[test]
fn warc_gz_recovers_from_damaged_members() {
    let recs = pages(5);
    let all = [
        "https://x.example.id/0",
        "https://x.example.id/1",
        "https://x.example.id/3",
        "https://x.example.id/4",
    ];

    // Flipped bytes inside member 2's deflate data.
    let (mut file, offsets) = warc_gz(&recs);
    let mid = (offsets[2] + offsets[3]) as usize / 2;
    for b in &mut file[mid..mid + 8] {
        *b ^= 0x5a;
    }
    check_recovery("a.warc.gz", &file, &all, 1);
    let (_, errs) = split(read_bytes("a.warc.gz", &file, &IngestOptions::default()));
    assert_eq!(errs[0].offset, Some(offsets[2]));

    // Member 2 cut short: its decoder runs into member 3, which must still be found.
    let mut members: Vec<Vec<u8>> = recs.iter().map(|r| gz(r)).collect();
    let half = members[2].len() / 2;
    members[2].truncate(half);
    let file: Vec<u8> = members.concat();
    check_recovery("b.warc.gz", &file, &all, 1);

    // Garbage between members.
    let mut members: Vec<Vec<u8>> = recs.iter().map(|r| gz(r)).collect();
    members.insert(2, random_bytes(5000, 9));
    let file: Vec<u8> = members.concat();
    let five = [
        "https://x.example.id/0",
        "https://x.example.id/1",
        "https://x.example.id/2",
        "https://x.example.id/3",
        "https://x.example.id/4",
    ];
    check_recovery("c.warc.gz", &file, &five, 1);

    // A member holding a damaged WARC record (gzip intact).
    let mut bad = recs.clone();
    bad[2][..8].copy_from_slice(b"GARBAGE!");
    let (file, _) = warc_gz(&bad);
    check_recovery("d.warc.gz", &file, &all, 1);

    // Truncated at the end of the file.
    let (mut file, _) = warc_gz(&recs);
    file.truncate(file.len() - 20);
    check_recovery("e.warc.gz", &file, &five[..4], 1);

    // CRC mismatch in member 1.
    let (mut file, offsets) = warc_gz(&recs);
    let crc_at = offsets[2] as usize - 8;
    file[crc_at] ^= 0xff;
    check_recovery(
        "f.warc.gz",
        &file,
        &[
            "https://x.example.id/0",
            "https://x.example.id/2",
            "https://x.example.id/3",
            "https://x.example.id/4",
        ],
        1,
    );
}

#[test]
fn oversized_records_are_errors_and_skipped() {
    let big = format!("<p>{}</p>", "x".repeat(5000));
    let recs = vec![
        html_response("https://x.example.id/small", "<p>kecil</p>"),
        html_response("https://x.example.id/big", &big),
        record(
            "response",
            Some("https://x.example.id/video"),
            "application/http; msgtype=response",
            &http(
                "200 OK",
                &[("Content-Type", "video/mp4")],
                &vec![0u8; 100_000],
            ),
        ),
        html_response("https://x.example.id/after", "<p>sesudah</p>"),
    ];
    for (name, file, offs) in [
        ("o.warc", warc(&recs).0, warc(&recs).1),
        ("o.warc.gz", warc_gz(&recs).0, warc_gz(&recs).1),
    ] {
        let (docs, errs) = split(read_bytes(name, &file, &opts(1000)));
        let urls: Vec<_> = docs.iter().map(|d| d.url.clone().unwrap()).collect();
        assert_eq!(
            urls,
            ["https://x.example.id/small", "https://x.example.id/after"],
            "{name}"
        );
        assert_eq!(errs.len(), 1, "{name}: {errs:?}");
        assert_eq!(errs[0].kind, ErrorKind::TooLarge);
        assert_eq!(errs[0].offset, Some(offs[1]));
        assert!(
            errs[0].message.contains("5007 bytes") && errs[0].message.contains("1000"),
            "{}",
            errs[0]
        );
    }
}

#[test]
fn decompression_bomb_in_a_member_is_cut_short() {
    // A response whose gzip member inflates to 64 MiB of zeros behind a huge
    // Content-Length: the reader must give up on the member, not inflate it all.
    let mut rec = b"WARC/1.1\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 67108864\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\n\r\n".to_vec();
    rec.resize(rec.len() + (64 << 20), 0);
    let bomb = gz(&rec);
    assert!(bomb.len() < 200_000);
    let (after, _) = warc_gz(&pages(1));
    let file = [bomb, after].concat();
    let start = std::time::Instant::now();
    let (docs, errs) = split(read_bytes("bomb.warc.gz", &file, &opts(1 << 20)));
    assert_eq!(docs.len(), 1, "{errs:?}");
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].offset, Some(0));
    assert!(start.elapsed().as_secs() < 30);
}
