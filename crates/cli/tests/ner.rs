//! End-to-end: `warta tag --conll` and `warta eval ner` through the built binary,
//! with the committed model. The sentences are made up here (no third-party text
//! is copied into the repository).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

fn warta() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_warta"));
    c.arg("--data")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data"));
    c
}

fn model_present() -> bool {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/models/ner-id.bin")
        .exists()
}

/// Three sentences, the second in 3-column CRLF form with IOB1 tags, separated by
/// extra blank lines.
const INPUT: &str = "Menlu\tO\nRetno\tB-PER\nMarsudi\tI-PER\ntiba\tO\ndi\tO\nBeijing\tB-LOC\n.\tO\n\n\n\
Presiden PROPN O\r\nJoko PROPN I-PER\r\nWidodo PROPN I-PER\r\nberbicara VERB O\r\ndi ADP O\r\nIstana PROPN I-LOC\r\nBogor PROPN I-LOC\r\n\r\n\
Kementerian\tB-ORGANISATION\nLuar\tI-ORGANISATION\nNegeri\tI-ORGANISATION\nmenyatakan\tO\nhal\tO\nitu\tO\n";

fn run_tag(input: &str, extra: &[&str]) -> String {
    let mut child = warta()
        .arg("tag")
        .args(extra)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("warta starts");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(input.as_bytes())
        .expect("input is written");
    let out = child.wait_with_output().expect("warta finishes");
    assert!(out.status.success());
    String::from_utf8(out.stdout).expect("output is UTF-8")
}

#[test]
fn tag_conll_keeps_tokens_and_sentence_breaks() {
    if !model_present() {
        eprintln!("no committed model: skipped");
        return;
    }
    let out = run_tag(INPUT, &["--conll"]);
    let sentences: Vec<&str> = out.split("\n\n").filter(|s| !s.is_empty()).collect();
    assert_eq!(sentences.len(), 3, "{out}");
    assert!(out.ends_with("\n\n"));
    let valid = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"];
    let mut tokens = Vec::new();
    for line in out.lines().filter(|l| !l.is_empty()) {
        let (tok, tag) = line.split_once('\t').unwrap();
        assert!(valid.contains(&tag), "{line}");
        tokens.push(tok.to_string());
    }
    assert_eq!(tokens.len(), 7 + 7 + 6);
    assert_eq!(tokens[0], "Menlu");
    assert_eq!(tokens[7], "Presiden");
    // Well-formed IOB2: an I- only after a B-/I- of its type.
    let mut prev = "O".to_string();
    for line in out.lines() {
        let tag = line.split_once('\t').map_or("O", |p| p.1);
        if let Some(ty) = tag.strip_prefix("I-") {
            assert!(prev.ends_with(ty) && prev != "O", "{prev} -> {tag}");
        }
        prev = tag.to_string();
    }
    // The obvious names are found.
    assert!(out.contains("Retno\tB-PER\nMarsudi\tI-PER"), "{out}");
    assert!(out.contains("Beijing\tB-LOC"), "{out}");
}

#[test]
fn tag_plain_lines_and_empty_input() {
    if !model_present() {
        return;
    }
    let out = run_tag("Menlu Retno Marsudi tiba di Beijing .\n\n", &[]);
    assert_eq!(out.lines().filter(|l| !l.is_empty()).count(), 7);
    assert_eq!(run_tag("", &["--conll"]), "");
}

#[test]
fn eval_ner_scores_files() {
    if !model_present() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.txt");
    std::fs::write(&gold, INPUT).unwrap();
    let out = warta().args(["eval", "ner"]).arg(&gold).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for want in [
        "micro",
        "macro",
        "PER",
        "ORG",
        "LOC",
        "tokens/s",
        "20 tokens",
    ] {
        assert!(text.contains(want), "{want}: {text}");
    }
    // The tagger's own output scored as gold: everything matches.
    let tagged = run_tag(INPUT, &["--conll"]);
    let own = dir.path().join("own.txt");
    std::fs::write(&own, tagged).unwrap();
    let out = warta().args(["eval", "ner"]).arg(&own).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let micro = text.lines().find(|l| l.contains("micro")).unwrap();
    assert!(micro.contains("F1=1.0000"), "{text}");
}

#[test]
fn eval_ner_missing_file_is_an_error() {
    let out = warta()
        .args(["eval", "ner", "/nonexistent/file.conll"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("error"));
}
