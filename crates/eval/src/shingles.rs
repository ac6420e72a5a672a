//! The ScrapingHub article-extraction benchmark metric, as its repository's
//! `evaluate.py` defines it.
//!
//! Text is tokenised into `\w+` runs (letters, digits, underscore; case kept),
//! tokens are grouped into overlapping 4-grams ("shingles"), and true/false
//! positives and negatives are counted over shingle multisets. Each page's counts
//! are normalised to sum to 1 so long pages do not weigh more; precision is the
//! mean over pages that predicted something, recall the mean over pages with
//! ground truth, and F1 the harmonic mean of those two means.

use std::collections::HashMap;

/// Normalised (tp, fp, fn) of one page.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct PageCounts {
    /// True positives share.
    pub tp: f64,
    /// False positives share.
    pub fp: f64,
    /// False negatives share.
    pub fn_: f64,
}

/// Precision, recall and F1 over a set of pages.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Scores {
    /// Mean precision.
    pub precision: f64,
    /// Mean recall.
    pub recall: f64,
    /// Harmonic mean of the two means.
    pub f1: f64,
}

/// Python's `\w`: alphanumeric (letters and numbers of any script) or underscore.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The `\w+` tokens of `text`.
pub fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

/// Multiset of 4-token shingles (shorter texts give one shingle of all their tokens).
fn shingles(text: &str) -> HashMap<Vec<&str>, u32> {
    const N: usize = 4;
    let toks = tokens(text);
    let mut map = HashMap::new();
    let count = toks.len().saturating_sub(N - 1).max(1);
    for i in 0..count {
        let end = (i + N).min(toks.len());
        let sh = toks.get(i..end).unwrap_or_default().to_vec();
        if !sh.is_empty() {
            *map.entry(sh).or_insert(0) += 1;
        }
    }
    map
}

/// Compare a predicted body with the true one.
pub fn page_counts(truth: &str, pred: &str) -> PageCounts {
    let t = shingles(truth);
    let p = shingles(pred);
    let (mut tp, mut fp, mut fn_) = (0.0f64, 0.0f64, 0.0f64);
    for (k, &tc) in &t {
        let pc = p.get(k).copied().unwrap_or(0);
        tp += f64::from(tc.min(pc));
        fn_ += f64::from(tc.saturating_sub(pc));
    }
    for (k, &pc) in &p {
        let tc = t.get(k).copied().unwrap_or(0);
        fp += f64::from(pc.saturating_sub(tc));
    }
    let s = tp + fp + fn_;
    if s > 0.0 {
        PageCounts {
            tp: tp / s,
            fp: fp / s,
            fn_: fn_ / s,
        }
    } else {
        PageCounts::default()
    }
}

fn precision(c: &PageCounts) -> f64 {
    if c.fp == 0.0 && c.fn_ == 0.0 {
        1.0
    } else if c.tp == 0.0 && c.fp == 0.0 {
        0.0
    } else {
        c.tp / (c.tp + c.fp)
    }
}

fn recall(c: &PageCounts) -> f64 {
    if c.fp == 0.0 && c.fn_ == 0.0 {
        1.0
    } else if c.tp == 0.0 && c.fn_ == 0.0 {
        0.0
    } else {
        c.tp / (c.tp + c.fn_)
    }
}

fn mean(xs: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = xs.fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
    if n == 0 { 0.0 } else { sum / n as f64 }
}

/// Aggregate page counts the way the benchmark does.
pub fn scores(pages: &[PageCounts]) -> Scores {
    let p = mean(pages.iter().filter(|c| c.tp + c.fp > 0.0).map(precision));
    let r = mean(pages.iter().filter(|c| c.tp + c.fn_ > 0.0).map(recall));
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    Scores {
        precision: p,
        recall: r,
        f1,
    }
}

/// Per-page F1 (for listing the worst pages).
pub fn page_f1(c: &PageCounts) -> f64 {
    let (p, r) = (precision(c), recall(c));
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_word_runs() {
        assert_eq!(
            tokens("It’s 20% — naïve_x, 東京!"),
            ["It", "s", "20", "naïve_x", "東京"]
        );
    }

    #[test]
    fn identical_text_is_perfect() {
        let c = page_counts("one two three four five", "one two three four five");
        assert_eq!(
            c,
            PageCounts {
                tp: 1.0,
                fp: 0.0,
                fn_: 0.0
            }
        );
        let s = scores(&[c]);
        assert!((s.f1 - 1.0).abs() < 1e-12);
    }

    #[test]
    fn extra_and_missing_text_counts() {
        // truth has shingles {abcd, bcde}; pred {abcd, bcdx}
        let c = page_counts("a b c d e", "a b c d x");
        assert!((c.tp - 1.0 / 3.0).abs() < 1e-12);
        assert!((c.fp - 1.0 / 3.0).abs() < 1e-12);
        assert!((c.fn_ - 1.0 / 3.0).abs() < 1e-12);
        // empty prediction: precision undefined (page skipped), recall 0
        let e = page_counts("a b c d e", "");
        let s = scores(&[e]);
        assert_eq!(s.recall, 0.0);
    }
}
