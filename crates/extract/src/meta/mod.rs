//! Line-level cleaning and metadata readers shared by both front ends.

use warta_langdata::DataDir;

/// Boilerplate classes and metadata patterns of every language.
#[derive(Debug, Default)]
pub struct Rules {}

impl Rules {
    /// Load `lang/*/boilerplate.toml` and `lang/*/metadata.toml`.
    pub fn load(data: &DataDir) -> Result<Rules, crate::ExtractError> {
        let _ = data;
        Ok(Rules {})
    }
}
