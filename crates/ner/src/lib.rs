//! Indonesian named-entity recognition: a sequence labeller for persons (PER),
//! organisations (ORG) and places (LOC), trained here in Rust from the shared
//! IDNer2k and NERGrit corpora.
//!
//! The model is a linear-chain CRF over BIOES labels trained by L-BFGS (`crf`; an
//! averaged structured perceptron remains as a quick option, [`train`]) with
//! first-order Viterbi decoding ([`viterbi`]). Its features ([`features`])
//! combine word identity, affixes, shapes and capitalisation with knowledge learned
//! from unlabelled Indonesian text (Brown clusters, [`clusters`]) and phrase lists
//! (titles, cue words, gazetteers, the knowledge base: [`lexicon`], [`phrases`]).
//! Each feature is learned both shared and per annotation domain ([`Domain`]), so
//! one model serves news (IDNer2k conventions, used by `warta analyze`) and
//! Wikipedia-style text (NERGrit conventions).
//!
//! Use:
//!
//! ```no_run
//! # fn main() -> Result<(), warta_ner::NerError> {
//! let data = warta_langdata::DataDir::locate(None);
//! let tagger = warta_ner::Tagger::load(&data)?;
//! let tags = tagger.tag(&["Menlu", "Retno", "Marsudi", "tiba", "di", "Beijing"]);
//! assert_eq!(tags[1].as_str(), "B-PER");
//! # Ok(()) }
//! ```
//!
//! Scoring follows seqeval exactly ([`score`]); CoNLL files are read by [`conll`];
//! which files are trained, tuned and reported on, and how test sentences are kept
//! out of every training input, is in [`corpus`].

pub mod clusters;
pub mod conll;
pub mod corpus;
mod crf;
mod error;
pub mod features;
pub mod hash;
pub mod label;
pub mod lexicon;
pub mod model;
pub mod phrases;
pub mod recipe;
pub mod score;
mod tagger;
pub mod train;
pub mod viterbi;

pub use corpus::Domain;
pub use error::{ModelError, NerError};
pub use label::{EntityType, Tag};
pub use tagger::{MODEL_PATH, TagScratch, Tagger};
