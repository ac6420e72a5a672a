//! The per-language trigger lexicon (in progress).

use warta_langdata::DataDir;

use crate::{EventError, Ontology};

/// One language's triggers, cues and function words.
#[derive(Debug, Clone)]
pub struct Lexicon {
    lang: String,
}

impl Lexicon {
    /// Load `lang/<code>/events.toml`, or `Ok(None)` when the language has none.
    pub fn load(
        data: &DataDir,
        code: &str,
        _onto: &Ontology,
    ) -> Result<Option<Lexicon>, EventError> {
        let path = format!("lang/{code}/events.toml");
        Ok(data.read_optional(&path)?.map(|_| Lexicon {
            lang: code.to_string(),
        }))
    }

    /// The language code.
    pub fn lang(&self) -> &str {
        &self.lang
    }
}
