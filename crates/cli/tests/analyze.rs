//! End-to-end: the `warta analyze` binary on a directory mixing good pages with
//! bad inputs. The contract: one JSON line per article with the public field
//! names, errors on stderr and in the summary line, exit code 2 when something
//! failed, 0 when nothing did.

use std::io::Write;
use std::path::Path;
use std::process::Command;

fn warta() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_warta"));
    c.arg("--data")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data"));
    c
}

const PAGE: &str = "Menlu Bertemu Mitranya di Jakarta\n\n\
JAKARTA, KABARCONTOH.ID - Menteri Luar Negeri bertemu mitranya pada Selasa (12/3/2024) untuk membahas kerja sama perdagangan kedua negara.\n\n\
\"Kami sepakat memperkuat kerja sama,\" ujarnya kepada wartawan seusai pertemuan tersebut.\n\n\
Baca Juga: Harga Beras Naik Lagi\n\n\
Kedua menteri juga membahas rencana kunjungan kepala negara pada tahun depan, menurut pernyataan bersama.\n";

#[test]
fn good_and_bad_inputs_in_one_batch() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a-good.txt"), PAGE).unwrap();
    std::fs::write(dir.path().join("b-empty.txt"), "").unwrap();
    std::fs::write(
        dir.path().join("c-binary.txt"),
        [0u8, 159, 146, 150, 0, 0, 0, 1, 2, 0].repeat(100),
    )
    .unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(PAGE.repeat(20).as_bytes()).unwrap();
    let bytes = gz.finish().unwrap();
    std::fs::write(
        dir.path().join("d-truncated.txt.gz"),
        &bytes[..bytes.len() / 2],
    )
    .unwrap();
    let deep = format!(
        "<html><body>{}<p>Teks yang sangat dalam.</p></body></html>",
        "<div>".repeat(100_000)
    );
    std::fs::write(dir.path().join("e-deep.html"), deep).unwrap();
    std::fs::write(
        dir.path().join("f-good.html"),
        format!(
            "<html lang=id><body><article><h1>Judul</h1>{}</article></body></html>",
            PAGE.lines()
                .filter(|l| !l.is_empty())
                .map(|l| format!("<p>{l}</p>"))
                .collect::<String>()
        ),
    )
    .unwrap();

    let out = warta()
        .arg("analyze")
        .arg(dir.path())
        .args(["--reference-date", "2024-06-01"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
    assert!(stderr.contains("b-empty.txt"), "{stderr}");
    assert!(stderr.contains("c-binary.txt"), "{stderr}");
    assert!(stderr.contains("warta: summary: articles="), "{stderr}");
    let summary = stderr.lines().find(|l| l.contains("summary")).unwrap();
    let errors: u64 = summary
        .split_whitespace()
        .find_map(|kv| kv.strip_prefix("errors="))
        .and_then(|v| v.parse().ok())
        .unwrap();
    assert!(errors >= 2, "{summary}");

    let stdout = String::from_utf8(out.stdout).unwrap();
    let records: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(records.len() >= 3, "{stdout}");
    for r in &records {
        for field in [
            "id",
            "schema",
            "source",
            "lang",
            "title",
            "published",
            "outlet",
            "dateline",
            "authors",
            "wires",
            "text",
            "paragraphs",
            "removed",
            "entities",
            "quotes",
            "events",
        ] {
            assert!(r.get(field).is_some(), "missing {field} in {r}");
        }
        assert_eq!(r["schema"], "warta/1");
    }
    let good = records
        .iter()
        .find(|r| r["source"].as_str().unwrap().ends_with("a-good.txt"))
        .unwrap();
    assert_eq!(good["lang"], "id");
    assert_eq!(good["published"]["value"], "2024-03-12");
    assert!(!good["text"].as_str().unwrap().contains("Baca Juga"));
    assert!(
        good["removed"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["class"] == "related")
    );
    let deep = records
        .iter()
        .find(|r| r["source"].as_str().unwrap().ends_with("e-deep.html"))
        .unwrap();
    assert!(deep["text"].as_str().unwrap().contains("sangat dalam"));
}

#[test]
fn all_good_exits_zero_and_ids_are_stable() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("page.txt"), PAGE).unwrap();
    let run = || {
        let out = warta()
            .arg("analyze")
            .arg(dir.path())
            .arg("--quiet")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let (a, b) = (run(), run());
    let id = |s: &str| {
        serde_json::from_str::<serde_json::Value>(s.lines().next().unwrap()).unwrap()["id"].clone()
    };
    assert_eq!(id(&a), id(&b));
}

#[test]
fn stdin_is_an_input() {
    let mut child = warta()
        .args(["analyze", "-", "--quiet"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(PAGE.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let line = String::from_utf8(out.stdout).unwrap();
    let v: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
    assert_eq!(v["source"], "-");
}
