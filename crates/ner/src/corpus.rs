//! The shared Indonesian data sets: which files are trained on, tuned on and
//! reported on, the unlabelled text clusters are learned from, and the leak
//! filters that keep test sentences out of both.
//!
//! Paths are relative to the data root (`../shared/data/indonesian` from the
//! repository). Training uses only the IDNer2k and NERGrit training splits; NER-UGM
//! and NERP share sentences with the IDNer2k test set, so they are never trained
//! on (`SOURCES.md`).

use crate::clusters::CorpusSentence;
use crate::conll::{RawSentence, read_file};
use crate::error::NerError;
use crate::hash::{self, IdSet};
use crate::label::Tag;
use std::collections::HashSet;
use std::path::Path;

/// Which annotation convention a sentence follows. Features are learned both
/// plainly and conjoined with the domain ("frustratingly easy" domain
/// adaptation), so one model serves both test sets; news text uses `News`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Domain {
    /// IDNer2k: Kompas.com political news (the domain warta analyses).
    News,
    /// NERGrit: Wikipedia-style text.
    Wiki,
}

impl Domain {
    /// All domains.
    pub const ALL: [Domain; 2] = [Domain::News, Domain::Wiki];

    /// Number stored in model files (0 is the shared, domain-free part).
    pub fn code(self) -> u8 {
        match self {
            Domain::News => 1,
            Domain::Wiki => 2,
        }
    }

    /// Name on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Domain::News => "news",
            Domain::Wiki => "wiki",
        }
    }

    /// Parse a command-line name (`news`/`idner`, `wiki`/`nergrit`).
    pub fn parse(s: &str) -> Option<Domain> {
        match s.to_ascii_lowercase().as_str() {
            "news" | "idner" | "idner2k" => Some(Domain::News),
            "wiki" | "nergrit" => Some(Domain::Wiki),
            _ => None,
        }
    }

    /// The domain a data file belongs to, guessed from its path (for `eval`
    /// without `--domain`): NERGrit files are `Wiki`, anything else news.
    pub fn for_path(path: &Path) -> Domain {
        let p = path.to_string_lossy().to_ascii_lowercase();
        if p.contains("nergrit") {
            Domain::Wiki
        } else {
            Domain::News
        }
    }
}

/// IDNer2k training split.
pub const IDNER_TRAIN: &str = "idner-news-2k/train.txt";
/// IDNer2k development split (tuning).
pub const IDNER_DEV: &str = "idner-news-2k/dev.txt";
/// IDNer2k test split (reported only).
pub const IDNER_TEST: &str = "idner-news-2k/test.txt";
/// NERGrit training split.
pub const NERGRIT_TRAIN: &str = "nergrit/train_preprocess.txt";
/// NERGrit development split (tuning).
pub const NERGRIT_DEV: &str = "nergrit/valid_preprocess.txt";
/// NERGrit test split (reported only).
pub const NERGRIT_TEST: &str = "nergrit/test_preprocess.txt";
/// NER-UGM test folds (robustness, after the leak filter).
pub const NERUGM_TEST_FOLDS: [&str; 5] = [
    "indolem-nerugm/test.01.tsv",
    "indolem-nerugm/test.02.tsv",
    "indolem-nerugm/test.03.tsv",
    "indolem-nerugm/test.04.tsv",
    "indolem-nerugm/test.05.tsv",
];
/// The training files and their domains.
pub const TRAIN_FILES: [(&str, Domain); 2] =
    [(IDNER_TRAIN, Domain::News), (NERGRIT_TRAIN, Domain::Wiki)];
/// The development files and their domains.
pub const DEV_FILES: [(&str, Domain); 2] = [(IDNER_DEV, Domain::News), (NERGRIT_DEV, Domain::Wiki)];
/// The test files and their domains.
pub const TEST_FILES: [(&str, Domain); 2] =
    [(IDNER_TEST, Domain::News), (NERGRIT_TEST, Domain::Wiki)];

/// A training sentence: tokens, IOB2 gold tags, domain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Tokens.
    pub tokens: Vec<String>,
    /// Gold tags (mapped to PER/ORG/LOC, IOB2).
    pub tags: Vec<Tag>,
    /// Annotation convention.
    pub domain: Domain,
}

/// Load a labelled CoNLL file as training sentences of `domain`.
pub fn load_labelled(path: &Path, domain: Domain) -> Result<Vec<Sentence>, NerError> {
    Ok(read_file(path)?
        .into_iter()
        .map(|s| Sentence {
            tags: s.gold_iob2(),
            tokens: s.tokens,
            domain,
        })
        .collect())
}

/// A sentence's identity for overlap checks: lower case, letters and digits only.
pub fn sentence_key<S: AsRef<str>>(tokens: &[S]) -> String {
    let mut k = String::new();
    for t in tokens {
        for c in t.as_ref().chars() {
            if c.is_alphanumeric() {
                k.extend(c.to_lowercase());
            }
        }
    }
    k
}

/// Normalised content tokens (punctuation-only tokens dropped) as hashes.
fn content_hashes<S: AsRef<str>>(tokens: &[S]) -> Vec<u64> {
    let mut buf = String::new();
    tokens
        .iter()
        .filter_map(|t| {
            buf.clear();
            for c in t.as_ref().chars() {
                if c.is_alphanumeric() {
                    buf.extend(c.to_lowercase());
                }
            }
            (!buf.is_empty()).then(|| hash::str(&buf))
        })
        .collect()
}

const SHINGLE: usize = 6;
const MIN_SHINGLE: usize = 4;

/// Sentences that must not reach any training input: a candidate is rejected
/// when it equals a protected sentence (normalised) or shares a run of
/// `min(6, len)` consecutive content tokens with one (this also catches protected
/// sentences inside NERP's multi-sentence examples). Protected sentences of fewer
/// than 4 content tokens are matched exactly only.
#[derive(Debug, Default)]
pub struct LeakFilter {
    exact: HashSet<String>,
    shingles: IdSet<u64>,
    lens: Vec<usize>,
}

impl LeakFilter {
    /// Protect `tokens`.
    pub fn protect<S: AsRef<str>>(&mut self, tokens: &[S]) {
        self.exact.insert(sentence_key(tokens));
        let h = content_hashes(tokens);
        if h.len() < MIN_SHINGLE {
            return;
        }
        let k = h.len().min(SHINGLE);
        if !self.lens.contains(&k) {
            self.lens.push(k);
            self.lens.sort_unstable();
        }
        for w in h.windows(k) {
            self.shingles.insert(window_hash(w));
        }
    }

    /// Whether `tokens` overlaps a protected sentence.
    pub fn leaks<S: AsRef<str>>(&self, tokens: &[S]) -> bool {
        if self.exact.contains(&sentence_key(tokens)) {
            return true;
        }
        let h = content_hashes(tokens);
        self.lens.iter().any(|&k| {
            h.windows(k)
                .any(|w| self.shingles.contains(&window_hash(w)))
        })
    }

    /// Number of protected sentences.
    pub fn len(&self) -> usize {
        self.exact.len()
    }

    /// Whether nothing is protected.
    pub fn is_empty(&self) -> bool {
        self.exact.is_empty()
    }
}

fn window_hash(w: &[u64]) -> u64 {
    w.iter().fold(w.len() as u64, |acc, &x| hash::mix(acc, x))
}

/// The NER-UGM test sentences used for the robustness figure: every sentence of
/// the five test folds (together they are the whole set, each sentence once) whose
/// normalised text is not a sentence of any split the model trains or tunes on
/// (IDNer2k train/dev, NERGrit train/dev). Returned with the fold number.
pub fn nerugm_filtered(root: &Path) -> Result<Vec<(usize, RawSentence)>, NerError> {
    let mut seen = HashSet::new();
    for (rel, _) in TRAIN_FILES.iter().chain(DEV_FILES.iter()) {
        for s in read_file(&root.join(rel))? {
            seen.insert(sentence_key(&s.tokens));
        }
    }
    let mut out = Vec::new();
    for (i, rel) in NERUGM_TEST_FOLDS.iter().enumerate() {
        for s in read_file(&root.join(rel))? {
            if !seen.contains(&sentence_key(&s.tokens)) {
                out.push((i + 1, s));
            }
        }
    }
    Ok(out)
}

/// The sentences every test figure is computed on: IDNer2k test, NERGrit test
/// and the filtered NER-UGM set.
pub fn test_filter(root: &Path) -> Result<LeakFilter, NerError> {
    let mut f = LeakFilter::default();
    for (rel, _) in TEST_FILES {
        for s in read_file(&root.join(rel))? {
            f.protect(&s.tokens);
        }
    }
    for (_, s) in nerugm_filtered(root)? {
        f.protect(&s.tokens);
    }
    Ok(f)
}

/// One source of unlabelled text and what became of it.
#[derive(Debug, Clone)]
pub struct SourceReport {
    /// Relative path.
    pub path: String,
    /// Sentences (or examples) read.
    pub read: usize,
    /// Dropped for overlapping a test sentence.
    pub leaked: usize,
    /// Dropped as duplicates of text already taken.
    pub duplicate: usize,
    /// Kept.
    pub kept: usize,
    /// Tokens kept.
    pub tokens: usize,
}

/// Files the clustering corpus is made of: `(path, format, cased)`.
pub const CLUSTER_SOURCES: [(&str, TextFormat, bool); 15] = [
    (IDNER_TRAIN, TextFormat::Conll, true),
    (IDNER_DEV, TextFormat::Conll, true),
    (NERGRIT_TRAIN, TextFormat::Conll, true),
    (NERGRIT_DEV, TextFormat::Conll, true),
    (
        "ud-indonesian-csui/id_csui-ud-train.conllu",
        TextFormat::Conllu,
        true,
    ),
    (
        "ud-indonesian-csui/id_csui-ud-test.conllu",
        TextFormat::Conllu,
        true,
    ),
    (
        "ud-indonesian-gsd/id_gsd-ud-dev.conllu",
        TextFormat::Conllu,
        true,
    ),
    (
        "ud-indonesian-gsd/id_gsd-ud-test.conllu",
        TextFormat::Conllu,
        true,
    ),
    (
        "ud-indonesian-pud/id_pud-ud-test.conllu",
        TextFormat::Conllu,
        true,
    ),
    ("posp/train_preprocess.txt", TextFormat::Conll, false),
    ("posp/valid_preprocess.txt", TextFormat::Conll, false),
    ("posp/test_preprocess.txt", TextFormat::Conll, false),
    ("nerp/train_preprocess.txt", TextFormat::Conll, false),
    ("nerp/valid_preprocess.txt", TextFormat::Conll, false),
    ("nerp/test_preprocess.txt", TextFormat::Conll, false),
];

/// How a source file stores its tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextFormat {
    /// One token per line, first column.
    Conll,
    /// Universal Dependencies: surface tokens (multi-word token lines, not their parts).
    Conllu,
}

/// Read the surface tokens of a CoNLL-U file, sentence by sentence.
pub fn read_conllu(path: &Path) -> Result<Vec<Vec<String>>, NerError> {
    let text = std::fs::read_to_string(path).map_err(|source| NerError::Open {
        path: path.display().to_string(),
        source,
    })?;
    let mut out = Vec::new();
    let mut cur = Vec::new();
    let mut skip_until = 0usize;
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            skip_until = 0;
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(id), Some(form)) = (cols.next(), cols.next()) else {
            continue;
        };
        if let Some((a, b)) = id.split_once('-') {
            if let (Ok(_), Ok(b)) = (a.parse::<usize>(), b.parse::<usize>()) {
                skip_until = b;
                cur.push(form.to_string());
            }
            continue;
        }
        if id.contains('.') {
            continue;
        }
        if let Ok(n) = id.parse::<usize>()
            && n > skip_until
        {
            cur.push(form.to_string());
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// Assemble the clustering corpus: every source in [`CLUSTER_SOURCES`], minus
/// anything overlapping a test sentence, minus duplicates (normalised).
pub fn cluster_corpus(root: &Path) -> Result<(Vec<CorpusSentence>, Vec<SourceReport>), NerError> {
    let filter = test_filter(root)?;
    let mut seen = HashSet::new();
    let mut corpus = Vec::new();
    let mut reports = Vec::new();
    for (rel, format, cased) in CLUSTER_SOURCES {
        let path = root.join(rel);
        let sentences: Vec<Vec<String>> = match format {
            TextFormat::Conll => read_file(&path)?.into_iter().map(|s| s.tokens).collect(),
            TextFormat::Conllu => read_conllu(&path)?,
        };
        let mut r = SourceReport {
            path: rel.to_string(),
            read: sentences.len(),
            leaked: 0,
            duplicate: 0,
            kept: 0,
            tokens: 0,
        };
        for tokens in sentences {
            if filter.leaks(&tokens) {
                r.leaked += 1;
                continue;
            }
            if !seen.insert(sentence_key(&tokens)) {
                r.duplicate += 1;
                continue;
            }
            r.kept += 1;
            r.tokens += tokens.len();
            corpus.push(CorpusSentence { tokens, cased });
        }
        reports.push(r);
    }
    Ok((corpus, reports))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leak_filter_catches_embedded_sentences() {
        let mut f = LeakFilter::default();
        f.protect(&[
            "Presiden", "Joko", "Widodo", "tiba", "di", "Bandung", "kemarin", ".",
        ]);
        f.protect(&["Halo", "!"]);
        assert!(f.leaks(&[
            "presiden", "joko", "widodo", "tiba", "di", "bandung", "kemarin"
        ]));
        // Inside a longer, lower-cased example.
        let long = "ia berkata . presiden joko widodo tiba di bandung kemarin , lalu pergi";
        let toks: Vec<&str> = long.split(' ').collect();
        assert!(f.leaks(&toks));
        assert!(f.leaks(&["halo", "!"]));
        assert!(!f.leaks(&["presiden", "joko", "widodo", "pergi", "ke", "medan"]));
    }

    #[test]
    fn domains_parse() {
        assert_eq!(Domain::parse("nergrit"), Some(Domain::Wiki));
        assert_eq!(Domain::parse("news"), Some(Domain::News));
        assert_eq!(
            Domain::for_path(Path::new("x/nergrit/test.txt")),
            Domain::Wiki
        );
    }
}
