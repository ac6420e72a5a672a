//! The entity stage: every person, organisation, country and place an article
//! mentions, found, typed and — wherever the knowledge base allows — resolved to
//! one canonical actor.
//!
//! Users ask "what did Russia and China do with each other", not "which strings are
//! capitalised": "Sergei Lavrov", "Sergey Lavrov", "Lavrov", "Menlu Rusia" (in 2024)
//! and "diplomat tertinggi tersebut" must come out as one man. The stage segments the
//! text ([`warta_segment`]), asks the knowledge base ([`warta_kb`]) for every name and
//! role title it knows, asks the NER tagger ([`warta_ner`]) for the names it does not
//! know, and links them left to right with what the article has said so far
//! ([`link`]). Output: [`warta_model::Entity`] values with char offsets into the
//! article text.

pub mod cues;
pub mod link;

use chrono::NaiveDate;
use warta_kb::Kb;
use warta_langdata::DataDir;
use warta_model::{Article, CharIndex, Entity};
use warta_ner::Tagger;
use warta_segment::Segmenter;

pub use link::{Found, Label};

/// Errors loading the stage.
#[derive(Debug, thiserror::Error)]
pub enum EntityError {
    /// The segmenter's word lists failed to load.
    #[error(transparent)]
    Segment(#[from] warta_segment::SegmentError),
    /// The knowledge base failed to load or validate.
    #[error(transparent)]
    Kb(#[from] warta_kb::KbError),
    /// The NER model failed to load.
    #[error(transparent)]
    Ner(#[from] warta_ner::NerError),
    /// A cue file is invalid.
    #[error(transparent)]
    Data(#[from] warta_langdata::DataError),
}

/// Segmenter, knowledge base, tagger and cues, loaded once and shared by workers.
pub struct EntityStage {
    segmenter: Segmenter,
    kb: Kb,
    /// `None` when the data folder has no NER model: names the knowledge base knows
    /// are still found; see [`EntityStage::warning`].
    tagger: Option<Tagger>,
    cues: cues::Cues,
    warning: Option<String>,
}

impl std::fmt::Debug for EntityStage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EntityStage")
            .field("kb", &self.kb.stats())
            .finish_non_exhaustive()
    }
}

impl EntityStage {
    /// Load everything from the data folder.
    pub fn load(data: &DataDir) -> Result<EntityStage, EntityError> {
        let (tagger, warning) = match Tagger::load(data) {
            Ok(t) => (Some(t), None),
            Err(warta_ner::NerError::NoModel(why)) => (
                None,
                Some(format!(
                    "no NER model ({why}); only knowledge-base names are found"
                )),
            ),
            Err(e) => return Err(e.into()),
        };
        Ok(EntityStage {
            segmenter: Segmenter::load(data)?,
            kb: Kb::load(data)?,
            tagger,
            cues: cues::Cues::load(data)?,
            warning,
        })
    }

    /// Why the stage runs degraded, if it does (no NER model in the data folder).
    pub fn warning(&self) -> Option<&str> {
        self.warning.as_deref()
    }

    /// The knowledge base (for callers that print canonical names or look up actors).
    pub fn kb(&self) -> &Kb {
        &self.kb
    }

    /// The segmenter, so later stages can share one.
    pub fn segmenter(&self) -> &Segmenter {
        &self.segmenter
    }

    /// The entities of an article, resolved on its publication date (or `fallback`
    /// when it has none).
    pub fn find(&self, article: &Article, fallback: NaiveDate) -> Vec<Entity> {
        let date = article
            .published
            .as_ref()
            .and_then(|p| p.value.get(..10))
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .unwrap_or(fallback);
        self.find_in(&article.text, date)
    }

    /// The entities of `text`, resolved on `date`.
    pub fn find_in(&self, text: &str, date: NaiveDate) -> Vec<Entity> {
        let seg = self.segmenter.segment(text);
        let linker = link::Linker {
            kb: &self.kb,
            tagger: self.tagger.as_ref(),
            cues: &self.cues,
        };
        let found = linker.link(text, &seg, date);
        let index = CharIndex::new(text);
        found
            .into_iter()
            .map(|f| to_entity(text, &index, f))
            .collect()
    }
}

/// The document-model shape of a decided mention.
fn to_entity(text: &str, index: &CharIndex, f: Found<'_>) -> Entity {
    let span = index.span_of(f.start..f.end);
    Entity {
        text: text.get(f.start..f.end).unwrap_or("").to_string(),
        start: span.start,
        end: span.end,
        label: f.label.as_str().to_string(),
        canonical: f.actor.map(|a| a.name.clone()).or(f.local),
        kb_id: f.actor.map(|a| a.id.clone()),
        country: f.actor.and_then(|a| a.country.clone()),
        sector: f.sector,
        confidence: f.confidence,
        role: f.role.map(str::to_string),
        how: Some(f.how.to_string()),
    }
}
