//! The tagger the rest of warta uses: load a model once, share it between
//! threads, tag token slices.

use crate::corpus::Domain;
use crate::error::NerError;
use crate::features::{Resources, Scratch};
use crate::label::{Scheme, Tag};
use crate::lexicon;
use crate::model::{ModelData, Table};
use crate::viterbi;
use std::path::Path;
use warta_langdata::DataDir;

/// Where the default model lives inside a data folder.
pub const MODEL_PATH: &str = "models/ner-id.bin";

/// The model embedded at build time (see `build.rs`), if one was there.
const EMBEDDED: Option<&[u8]> = include!(concat!(env!("OUT_DIR"), "/embedded_model.rs"));

/// A trained NER model ready to tag. Immutable after loading, so `Send + Sync`:
/// worker threads share one `Tagger` (behind an `Arc` or a reference) and keep
/// their own [`TagScratch`].
#[derive(Debug, Clone)]
pub struct Tagger {
    scheme: Scheme,
    resources: Resources,
    news: Table,
    wiki: Table,
    description: String,
}

/// Per-thread buffers for tagging; reuse one per worker to avoid allocating per
/// sentence.
#[derive(Debug, Default, Clone)]
pub struct TagScratch {
    features: Scratch,
    emit: Vec<f32>,
    back: Vec<u8>,
    score: Vec<f32>,
    labels: Vec<usize>,
}

impl Tagger {
    /// Build from parsed model data.
    pub fn from_model(m: ModelData) -> Tagger {
        Tagger {
            news: Table::build(m.scheme, &m.blocks, Domain::News.code()),
            wiki: Table::build(m.scheme, &m.blocks, Domain::Wiki.code()),
            scheme: m.scheme,
            resources: m.resources,
            description: m.description,
        }
    }

    /// Parse a model file's bytes (validated: a bad file is an error, not a panic).
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, NerError> {
        Ok(Tagger::from_model(ModelData::from_bytes(bytes)?))
    }

    /// Load a model file.
    pub fn load_file(path: &Path) -> Result<Tagger, NerError> {
        let bytes = std::fs::read(path).map_err(|source| NerError::Open {
            path: path.display().to_string(),
            source,
        })?;
        Tagger::from_bytes(&bytes).map_err(|e| e.in_file(path))
    }

    /// The default model: `models/ner-id.bin` in the data folder on disk, or, for
    /// the embedded data copy, the model embedded in this binary at build time.
    /// A data folder without the model is an error (a deleted model is respected,
    /// as for every other data file).
    pub fn load(data: &DataDir) -> Result<Tagger, NerError> {
        match data.root() {
            Some(root) => {
                let p = root.join(MODEL_PATH);
                if !p.exists() {
                    return Err(NerError::NoModel(format!(
                        "{} does not exist (train one with `warta train ner`)",
                        p.display()
                    )));
                }
                Tagger::load_file(&p)
            }
            None => Tagger::embedded(),
        }
    }

    /// The model embedded in this binary.
    pub fn embedded() -> Result<Tagger, NerError> {
        match EMBEDDED {
            Some(bytes) => Tagger::from_bytes(bytes),
            None => Err(NerError::NoModel(
                "this binary was built without data/models/ner-id.bin".into(),
            )),
        }
    }

    /// How the model was trained (data, options, figures on dev).
    pub fn description(&self) -> &str {
        &self.description
    }

    /// Number of weighted features for `domain`.
    pub fn n_features(&self, domain: Domain) -> usize {
        self.table(domain).len()
    }

    fn table(&self, domain: Domain) -> &Table {
        match domain {
            Domain::News => &self.news,
            Domain::Wiki => &self.wiki,
        }
    }

    /// Add names to a phrase class at run time, e.g. the knowledge base's persons
    /// as `kb_per`, organisations as `kb_org`, places as `kb_loc` (see
    /// [`lexicon::CLASSES`]). The model's weights for the class apply to the new
    /// names at once; no retraining. Returns how many phrases were added.
    pub fn add_phrases<'a>(
        &mut self,
        class_name: &str,
        names: impl IntoIterator<Item = &'a str>,
    ) -> Result<usize, NerError> {
        let class = lexicon::class(class_name).ok_or_else(|| NerError::Data {
            path: "<phrases>".into(),
            message: format!("unknown phrase class `{class_name}`"),
        })?;
        let before = self.resources.phrases.len();
        for n in names {
            self.resources.phrases.add_text(class, n);
        }
        Ok(self.resources.phrases.len() - before)
    }

    /// Tag a sentence as news (the domain warta analyses): one IOB2 tag per token.
    pub fn tag<S: AsRef<str>>(&self, tokens: &[S]) -> Vec<Tag> {
        let mut scratch = TagScratch::default();
        let mut out = Vec::with_capacity(tokens.len());
        self.tag_into(tokens, Domain::News, &mut scratch, &mut out);
        out
    }

    /// Tag a sentence following `domain`'s annotation conventions, reusing
    /// `scratch`; the tags go to `out` (cleared first).
    pub fn tag_into<S: AsRef<str>>(
        &self,
        tokens: &[S],
        domain: Domain,
        scratch: &mut TagScratch,
        out: &mut Vec<Tag>,
    ) {
        out.clear();
        if tokens.is_empty() {
            return;
        }
        let table = self.table(domain);
        let l = self.scheme.n_labels();
        self.resources.extract(tokens, &mut scratch.features);
        let f = &scratch.features;
        scratch.emit.clear();
        scratch.emit.resize(tokens.len() * l, 0.0);
        for (i, e) in scratch.emit.chunks_exact_mut(l).enumerate() {
            let keys = &f.keys[f.offsets[i] as usize..f.offsets[i + 1] as usize];
            table.score_into(keys, e);
        }
        viterbi::decode(
            &scratch.emit,
            l,
            &table.trans,
            &table.end,
            &table.allowed,
            &mut scratch.back,
            &mut scratch.score,
            &mut scratch.labels,
        );
        self.scheme.to_tags(&scratch.labels, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tagger_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Tagger>();
    }

    #[test]
    fn missing_model_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            Tagger::load(&DataDir::at(dir.path())),
            Err(NerError::NoModel(_))
        ));
        let bad = dir.path().join("bad.bin");
        std::fs::write(&bad, b"WARTANER\x01\x00\x00\x00garbage-garbage").unwrap();
        assert!(Tagger::load_file(&bad).is_err());
    }
}
