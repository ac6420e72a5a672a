//! The ScrapingHub article-extraction benchmark: 181 English news and blog pages
//! with hand-made `articleBody` ground truth.
//!
//! Layout expected (as in the benchmark repository): `DIR/ground-truth.json`
//! mapping id → `{articleBody, url}` and `DIR/html/<id>.html.gz`. Each page is run
//! through warta's HTML front end exactly as `warta analyze` would run it, and the
//! clean `text` is compared with the ground truth by [`crate::shingles`].
//!
//! To keep tuning honest, pages are split by id: ids whose first hex digit is
//! `0`–`7` form the **dev** half (tune on it), `8`–`f` the **test** half (report
//! it; never look at its failures while tuning).

use crate::shingles::{PageCounts, Scores, page_counts, page_f1, scores};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use warta_extract::Extractor;
use warta_ingest::{DocHints, DocKind, RawDoc};

/// Errors running the benchmark.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A benchmark file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Cause.
        #[source]
        source: std::io::Error,
    },
    /// The ground truth is not the expected JSON.
    #[error("invalid ground truth {path}: {message}")]
    GroundTruth {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

/// Which pages to score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    /// Every page.
    All,
    /// Ids starting with 0–7.
    Dev,
    /// Ids starting with 8–f.
    Test,
}

impl Split {
    fn contains(self, id: &str) -> bool {
        let dev = id.starts_with(['0', '1', '2', '3', '4', '5', '6', '7']);
        match self {
            Split::All => true,
            Split::Dev => dev,
            Split::Test => !dev,
        }
    }
}

/// One page of the benchmark, loaded in memory.
#[derive(Debug, Clone)]
pub struct Page {
    /// Benchmark id (file stem).
    pub id: String,
    /// Page URL from the ground truth.
    pub url: String,
    /// The decompressed HTML.
    pub html: String,
    /// The true article body.
    pub truth: String,
}

/// Result for one page.
#[derive(Debug, Clone)]
pub struct PageResult {
    /// Benchmark id.
    pub id: String,
    /// Normalised counts.
    pub counts: PageCounts,
    /// Page F1.
    pub f1: f64,
    /// What warta extracted.
    pub predicted: String,
}

/// The benchmark's outcome.
#[derive(Debug, Clone)]
pub struct Report {
    /// Pages scored.
    pub pages: Vec<PageResult>,
    /// Aggregate scores.
    pub scores: Scores,
    /// Wall time of extraction alone (parse + extract), one thread.
    pub extract_time: Duration,
}

impl Report {
    /// Pages per second of extraction on one thread.
    pub fn pages_per_sec(&self) -> f64 {
        self.pages.len() as f64 / self.extract_time.as_secs_f64().max(1e-9)
    }
}

/// Load the pages of `split` from the benchmark directory.
pub fn load(dir: &Path, split: Split) -> Result<Vec<Page>, EvalError> {
    let gt_path = dir.join("ground-truth.json");
    let gt_text = std::fs::read_to_string(&gt_path).map_err(|source| EvalError::Io {
        path: gt_path.clone(),
        source,
    })?;
    let gt: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&gt_text).map_err(|e| EvalError::GroundTruth {
            path: gt_path.clone(),
            message: e.to_string(),
        })?;
    let mut pages = Vec::new();
    for (id, v) in gt {
        if !split.contains(&id) {
            continue;
        }
        let truth = v
            .get("articleBody")
            .and_then(|x| x.as_str())
            .unwrap_or("")
            .to_string();
        let url = v
            .get("url")
            .and_then(|x| x.as_str())
            .unwrap_or("")
            .to_string();
        let path = dir.join("html").join(format!("{id}.html.gz"));
        let file = std::fs::File::open(&path).map_err(|source| EvalError::Io {
            path: path.clone(),
            source,
        })?;
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(file)
            .read_to_end(&mut bytes)
            .map_err(|source| EvalError::Io {
                path: path.clone(),
                source,
            })?;
        // The benchmark pages are UTF-8 (its README says so); decode lossily anyway.
        let html = String::from_utf8_lossy(&bytes).into_owned();
        pages.push(Page {
            id,
            url,
            html,
            truth,
        });
    }
    pages.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(pages)
}

/// Run warta's extractor over `pages` on the calling thread and score it.
pub fn run(extractor: &Extractor, pages: &[Page]) -> Report {
    let docs: Vec<RawDoc> = pages
        .iter()
        .map(|p| RawDoc {
            source: format!("{}.html", p.id),
            source_key: p.url.clone(),
            url: Some(p.url.clone()),
            offset: None,
            kind: DocKind::Html,
            text: p.html.clone(),
            encoding: "UTF-8",
            hints: DocHints::default(),
        })
        .collect();
    let start = Instant::now();
    let predicted: Vec<String> = docs.iter().map(|d| extractor.extract(d).text).collect();
    let extract_time = start.elapsed();
    let results: Vec<PageResult> = pages
        .iter()
        .zip(predicted)
        .map(|(p, pred)| {
            let counts = page_counts(&p.truth, &pred);
            PageResult {
                id: p.id.clone(),
                f1: page_f1(&counts),
                counts,
                predicted: pred,
            }
        })
        .collect();
    let counts: Vec<PageCounts> = results.iter().map(|r| r.counts).collect();
    Report {
        scores: scores(&counts),
        pages: results,
        extract_time,
    }
}
