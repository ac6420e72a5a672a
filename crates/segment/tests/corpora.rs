//! Accuracy against third-party gold data, read at test time from the shared data
//! folder (`../shared/data/indonesian` next to the repository, or `$WARTA_SHARED`);
//! skipped with a message when it is absent. No sentence of that data is copied here.
//!
//! `cargo test -p warta-segment --test corpora -- --nocapture` prints the figures.
//!
//! * UD Indonesian (GSD, CSUI, PUD): sentence boundaries, from consecutive gold
//!   sentences joined by one space in runs of ten (the files carry no `# newdoc`
//!   markers); and tokens, as exact byte spans against the surface tokens (a
//!   multiword token such as "katanya" counts once, as printed).
//! * IDNer2k and NERGrit (NER training sets): the gold tokens joined by single
//!   spaces, tokenised again; how often we reproduce a sentence's tokens exactly.

use std::path::PathBuf;

use warta_langdata::DataDir;
use warta_segment::Segmenter;

fn shared() -> Option<PathBuf> {
    let dir = std::env::var_os("WARTA_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let dir = dir.join("data/indonesian");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("shared data not found at {}: skipped", dir.display());
        None
    }
}

struct UdSentence {
    text: String,
    /// Surface tokens as printed.
    forms: Vec<String>,
}

fn read_conllu(path: &std::path::Path) -> Vec<UdSentence> {
    let Ok(raw) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut text = None;
    let mut forms = Vec::new();
    let mut skip_until = 0usize;
    for line in raw.lines() {
        if line.trim().is_empty() {
            if let Some(t) = text.take() {
                out.push(UdSentence {
                    text: t,
                    forms: std::mem::take(&mut forms),
                });
            }
            forms.clear();
            skip_until = 0;
            continue;
        }
        if let Some(t) = line.strip_prefix("# text = ") {
            text = Some(t.trim().to_string());
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(id), Some(form)) = (cols.next(), cols.next()) else {
            continue;
        };
        if id.contains('.') {
            continue;
        }
        if let Some((a, b)) = id.split_once('-') {
            let (Ok(_), Ok(b)) = (a.parse::<usize>(), b.parse::<usize>()) else {
                continue;
            };
            skip_until = b;
            forms.push(form.to_string());
            continue;
        }
        let Ok(n) = id.parse::<usize>() else { continue };
        if n <= skip_until {
            continue;
        }
        forms.push(form.to_string());
    }
    if let Some(t) = text.take() {
        out.push(UdSentence { text: t, forms });
    }
    out
}

/// Byte spans of `forms` in `text`, in order, separated only by whitespace.
fn align(text: &str, forms: &[String]) -> Option<Vec<(usize, usize)>> {
    let mut pos = 0;
    let mut spans = Vec::with_capacity(forms.len());
    for f in forms {
        let rest = text.get(pos..)?;
        let skipped = rest.len() - rest.trim_start().len();
        pos += skipped;
        if !text.get(pos..)?.starts_with(f.as_str()) {
            return None;
        }
        spans.push((pos, pos + f.len()));
        pos += f.len();
    }
    text.get(pos..)?.trim().is_empty().then_some(spans)
}

#[derive(Default)]
struct Prf {
    tp: usize,
    predicted: usize,
    gold: usize,
}

impl Prf {
    fn p(&self) -> f64 {
        self.tp as f64 / self.predicted.max(1) as f64
    }
    fn r(&self) -> f64 {
        self.tp as f64 / self.gold.max(1) as f64
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: &Prf) {
        self.tp += o.tp;
        self.predicted += o.predicted;
        self.gold += o.gold;
    }
}

const DOC_SENTENCES: usize = 10;

fn sentence_eval(seg: &Segmenter, sents: &[UdSentence], errors: &mut Vec<String>) -> Prf {
    let mut prf = Prf::default();
    for doc in sents.chunks(DOC_SENTENCES) {
        let mut text = String::new();
        let mut gold = Vec::new();
        for (i, s) in doc.iter().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            text.push_str(&s.text);
            if i + 1 < doc.len() {
                gold.push(text.len());
            }
        }
        let out = seg.segment(&text);
        for s in &out.sentences {
            let again = seg.segment(s.text(&text));
            assert_eq!(
                again.sentences.len(),
                1,
                "not idempotent: {:?}",
                s.text(&text)
            );
        }
        let n = out.sentences.len();
        let predicted: Vec<usize> = out
            .sentences
            .iter()
            .take(n.saturating_sub(1))
            .map(|s| s.end)
            .collect();
        let tp = predicted.iter().filter(|b| gold.contains(b)).count();
        prf.tp += tp;
        prf.predicted += predicted.len();
        prf.gold += gold.len();
        for b in predicted.iter().filter(|b| !gold.contains(b)) {
            errors.push(format!(
                "extra: …{}|{}…",
                ctx_before(&text, *b),
                ctx_after(&text, *b)
            ));
        }
        for b in gold.iter().filter(|b| !predicted.contains(b)) {
            errors.push(format!(
                "missed: …{}|{}…",
                ctx_before(&text, *b),
                ctx_after(&text, *b)
            ));
        }
    }
    prf
}

fn ctx_before(text: &str, at: usize) -> String {
    let s = text.get(..at).unwrap_or("");
    let chars: Vec<char> = s.chars().rev().take(40).collect();
    chars.into_iter().rev().collect()
}

fn ctx_after(text: &str, at: usize) -> String {
    text.get(at..).unwrap_or("").chars().take(30).collect()
}

fn token_eval(
    seg: &Segmenter,
    sents: &[UdSentence],
    unaligned: &mut usize,
    errors: &mut Vec<String>,
) -> Prf {
    let mut prf = Prf::default();
    for s in sents {
        let Some(gold) = align(&s.text, &s.forms) else {
            *unaligned += 1;
            continue;
        };
        let ours: Vec<(usize, usize)> = seg
            .tokenize(&s.text)
            .iter()
            .map(|t| (t.start, t.end))
            .collect();
        let tp = ours
            .iter()
            .filter(|sp| gold.binary_search(sp).is_ok())
            .count();
        prf.tp += tp;
        prf.predicted += ours.len();
        prf.gold += gold.len();
        if tp != gold.len() || tp != ours.len() {
            let g: Vec<&str> = gold
                .iter()
                .filter(|sp| ours.binary_search(sp).is_err())
                .map(|&(a, b)| s.text.get(a..b).unwrap_or(""))
                .collect();
            let o: Vec<&str> = ours
                .iter()
                .filter(|sp| gold.binary_search(sp).is_err())
                .map(|&(a, b)| s.text.get(a..b).unwrap_or(""))
                .collect();
            errors.push(format!("gold {g:?} ours {o:?}"));
        }
    }
    prf
}

fn show_errors(label: &str, errors: &[String]) {
    if std::env::var_os("SEGMENT_SHOW_ERRORS").is_some() {
        for e in errors {
            println!("  {label} {e}");
        }
    }
}

#[test]
fn ud_indonesian_sentences_and_tokens() {
    let Some(dir) = shared() else { return };
    let seg = Segmenter::load(&DataDir::locate(None)).expect("data loads");
    let files = [
        "ud-indonesian-gsd/id_gsd-ud-dev.conllu",
        "ud-indonesian-gsd/id_gsd-ud-test.conllu",
        "ud-indonesian-csui/id_csui-ud-train.conllu",
        "ud-indonesian-csui/id_csui-ud-test.conllu",
        "ud-indonesian-pud/id_pud-ud-test.conllu",
    ];
    let (mut sent_all, mut tok_all) = (Prf::default(), Prf::default());
    let mut unaligned_all = 0;
    println!(
        "UD Indonesian: sentence boundaries (docs of {DOC_SENTENCES} sentences) and tokens (exact spans)"
    );
    for f in files {
        let sents = read_conllu(&dir.join(f));
        if sents.is_empty() {
            eprintln!("{f}: not found or empty, skipped");
            continue;
        }
        let (mut serr, mut terr) = (Vec::new(), Vec::new());
        let s = sentence_eval(&seg, &sents, &mut serr);
        let mut unaligned = 0;
        let t = token_eval(&seg, &sents, &mut unaligned, &mut terr);
        println!(
            "  {f:<45} {:>5} sent | boundaries P {:.4} R {:.4} F1 {:.4} | tokens P {:.4} R {:.4} F1 {:.4} ({} gold, {} sentences unaligned)",
            sents.len(),
            s.p(),
            s.r(),
            s.f1(),
            t.p(),
            t.r(),
            t.f1(),
            t.gold,
            unaligned
        );
        show_errors("sent", &serr);
        show_errors("tok", &terr);
        sent_all.add(&s);
        tok_all.add(&t);
        unaligned_all += unaligned;
    }
    if sent_all.gold == 0 {
        return;
    }
    println!(
        "  {:<45}       | boundaries P {:.4} R {:.4} F1 {:.4} | tokens P {:.4} R {:.4} F1 {:.4} ({} gold, {} unaligned)",
        "ALL",
        sent_all.p(),
        sent_all.r(),
        sent_all.f1(),
        tok_all.p(),
        tok_all.r(),
        tok_all.f1(),
        tok_all.gold,
        unaligned_all
    );
    assert!(
        sent_all.f1() >= 0.95,
        "sentence boundary F1 {:.4}",
        sent_all.f1()
    );
    assert!(tok_all.f1() >= 0.95, "token F1 {:.4}", tok_all.f1());
}

/// Sentences of a token-per-line NER file: `sep` splits the token from its tags.
fn read_ner(path: &std::path::Path, sep: char) -> Vec<Vec<String>> {
    let Ok(raw) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut cur = Vec::new();
    for line in raw.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some(tok) = line.split(sep).next().filter(|t| !t.is_empty()) {
            cur.push(tok.to_string());
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// A gold token that a whitespace tokeniser left glued: "(24/8)", "(PKB)", "5%",
/// "$10", "Rp100". We split these on purpose (brackets, percent signs and currency
/// signs are tokens of their own).
fn glues_marks(tok: &str) -> bool {
    let has_alnum = tok.chars().any(char::is_alphanumeric);
    let marks = tok
        .chars()
        .any(|c| matches!(c, '(' | ')' | '%' | '$' | '[' | ']'));
    let rp = tok
        .strip_prefix("Rp")
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
    (has_alnum && marks) || rp
}

#[test]
fn ner_training_sets_round_trip() {
    let Some(dir) = shared() else { return };
    let seg = Segmenter::load(&DataDir::locate(None)).expect("data loads");
    println!("NER sets: gold tokens joined by spaces, tokenised again");
    let sets = [
        ("idner-news-2k/train.txt", ' '),
        ("nergrit/train_preprocess.txt", '\t'),
    ];
    for (f, sep) in sets {
        let sents = read_ner(&dir.join(f), sep);
        if sents.is_empty() {
            eprintln!("{f}: not found or empty, skipped");
            continue;
        }
        let mut exact = 0usize;
        let (mut clean, mut clean_exact) = (0usize, 0usize);
        let mut prf = Prf::default();
        let mut diffs: std::collections::BTreeMap<String, usize> = Default::default();
        for toks in &sents {
            let text = toks.join(" ");
            let mut gold = Vec::with_capacity(toks.len());
            let mut pos = 0;
            for t in toks {
                gold.push((pos, pos + t.len()));
                pos += t.len() + 1;
            }
            let ours: Vec<(usize, usize)> = seg
                .tokenize(&text)
                .iter()
                .map(|t| (t.start, t.end))
                .collect();
            let tp = ours
                .iter()
                .filter(|s| gold.binary_search(s).is_ok())
                .count();
            prf.tp += tp;
            prf.predicted += ours.len();
            prf.gold += gold.len();
            let is_clean = !toks.iter().any(|t| glues_marks(t));
            clean += usize::from(is_clean);
            if ours == gold {
                exact += 1;
                clean_exact += usize::from(is_clean);
            } else {
                for &(a, b) in gold.iter().filter(|s| ours.binary_search(s).is_err()) {
                    *diffs
                        .entry(text.get(a..b).unwrap_or("").to_string())
                        .or_default() += 1;
                }
            }
        }
        println!(
            "  {f:<32} {:>5} sentences: {:.2}% reproduced exactly; token P {:.4} R {:.4} F1 {:.4}; \
             {} sentences without a gold token gluing brackets, %, $ or Rp to a word: {:.2}% exactly",
            sents.len(),
            100.0 * exact as f64 / sents.len() as f64,
            prf.p(),
            prf.r(),
            prf.f1(),
            clean,
            100.0 * clean_exact as f64 / clean.max(1) as f64,
        );
        if std::env::var_os("SEGMENT_SHOW_ERRORS").is_some() {
            let mut v: Vec<_> = diffs.into_iter().collect();
            v.sort_by_key(|e| std::cmp::Reverse(e.1));
            for (t, n) in v.iter().filter(|(t, _)| !glues_marks(t)).take(60) {
                println!("    {n:>4} gold token split differently: {t}");
            }
        }
        assert!(
            exact as f64 / sents.len() as f64 >= 0.85,
            "{f}: exact reproduction too low"
        );
        assert!(
            clean_exact as f64 / clean.max(1) as f64 >= 0.97,
            "{f}: exact reproduction too low"
        );
    }
}
