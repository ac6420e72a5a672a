//! Regression guard: the HTML extractor keeps its quality on the ScrapingHub
//! benchmark (read from ../shared at test time; skipped when absent). The figure
//! reported in BENCHMARKS.md comes from `warta eval extraction`; this test only
//! fails on a clear regression, with a margin below that figure.

use std::path::PathBuf;
use warta_eval::extraction::{self, Split};

fn bench_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/extraction/scrapinghub-article-extraction-benchmark");
    dir.join("ground-truth.json").exists().then_some(dir)
}

#[test]
fn scrapinghub_f1_does_not_regress() {
    let Some(dir) = bench_dir() else {
        eprintln!("skipped: ScrapingHub benchmark not found beside the repository");
        return;
    };
    let data = warta_langdata::DataDir::locate(None);
    let extractor = warta_extract::Extractor::load(&data).expect("rules load");
    let pages = extraction::load(&dir, Split::All).expect("benchmark loads");
    assert_eq!(pages.len(), 181);
    let report = extraction::run(&extractor, &pages);
    let s = report.scores;
    eprintln!(
        "precision={:.4} recall={:.4} f1={:.4}",
        s.precision, s.recall, s.f1
    );
    assert!(s.f1 >= 0.94, "F1 regressed to {:.4}", s.f1);
}
