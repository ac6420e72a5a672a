//! Linking cues that are about a language, not about actors: pronouns, the words
//! whose "-nya" means a person, place prepositions, demonstratives, the names that
//! are not actors. Data: `data/lang/<code>/entities.toml`, all languages merged.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Deserialize;
use std::collections::HashSet;
use warta_langdata::{DataDir, DataError};

/// The file read in every language folder.
pub const CUES_FILE: &str = "entities.toml";

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct CuesFile {
    #[serde(default)]
    pronouns: Vec<String>,
    #[serde(default)]
    nya_hosts: Vec<String>,
    #[serde(default)]
    place_prepositions: Vec<String>,
    #[serde(default)]
    place_nouns: Vec<String>,
    #[serde(default)]
    country_nouns: Vec<String>,
    #[serde(default)]
    demonstratives: Vec<String>,
    #[serde(default)]
    list_words: Vec<String>,
    #[serde(default)]
    title_modifiers: Vec<String>,
    #[serde(default)]
    not_names: Vec<String>,
    #[serde(default)]
    not_name_starts: Vec<String>,
}

/// Lower-cased cue words of all languages.
#[derive(Debug, Clone, Default)]
pub struct Cues {
    /// Words that may stand between a role title and its holder's name ("presiden
    /// terpilih Prabowo", "President elect Trump"): the name is still the mention.
    pub title_modifiers: HashSet<String>,
    /// Proper names that are not persons, organisations or places (initiatives,
    /// doctrines, wars, operations) and that the tagger tends to take for one: a
    /// tagger span overlapping one is dropped ("Belt and Road Initiative" is not a
    /// person called "Road Initiative"). Matched ignoring ASCII case, on word edges.
    pub not_names: Option<AhoCorasick>,
    /// Function words that, capitalised at a sentence start, the tagger may take into
    /// a name ("While Richardson", "Only"): a tagger span starting with one loses it
    /// (and is dropped when nothing is left).
    pub not_name_starts: HashSet<String>,
    /// Person pronouns ("ia", "dia", "beliau", "he").
    pub pronouns: HashSet<String>,
    /// Stems whose "-nya" refers to a person ("ujar" in "ujarnya").
    pub nya_hosts: HashSet<String>,
    /// Prepositions making a country or city a place ("di", "in").
    pub place_prepositions: HashSet<String>,
    /// Words that may stand between a place preposition and a place ("di sebuah
    /// hotel Roma", "in the city of").
    pub place_nouns: HashSet<String>,
    /// Nouns standing for a country with a demonstrative ("negara ini").
    pub country_nouns: HashSet<String>,
    /// Demonstratives pointing back ("ini", "tersebut").
    pub demonstratives: HashSet<String>,
    /// Words joining the items of a list besides commas ("dan", "serta", "and"):
    /// "Menlu Inggris, Prancis dan Jerman" is three ministers.
    pub list_words: HashSet<String>,
}

impl Cues {
    /// Read `entities.toml` of every language that has one.
    pub fn load(data: &DataDir) -> Result<Cues, DataError> {
        let mut cues = Cues::default();
        let mut not_names: Vec<String> = Vec::new();
        for lang in data.languages() {
            let path = format!("lang/{lang}/{CUES_FILE}");
            let Some(text) = data.read_optional(&path)? else {
                continue;
            };
            let file: CuesFile = toml::from_str(&text).map_err(|e| DataError::Invalid {
                path: path.clone(),
                message: e.to_string(),
            })?;
            let lower = |v: Vec<String>| v.into_iter().map(|w| w.trim().to_lowercase());
            cues.pronouns.extend(lower(file.pronouns));
            cues.nya_hosts.extend(lower(file.nya_hosts));
            cues.place_prepositions
                .extend(lower(file.place_prepositions));
            cues.place_nouns.extend(lower(file.place_nouns));
            cues.country_nouns.extend(lower(file.country_nouns));
            cues.demonstratives.extend(lower(file.demonstratives));
            cues.list_words.extend(lower(file.list_words));
            cues.title_modifiers.extend(lower(file.title_modifiers));
            cues.not_name_starts.extend(lower(file.not_name_starts));
            not_names.extend(
                file.not_names
                    .into_iter()
                    .map(|n| n.trim().to_string())
                    .filter(|n| !n.is_empty()),
            );
        }
        if !not_names.is_empty() {
            let automaton = AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .build(&not_names)
                .map_err(|e| DataError::Invalid {
                    path: format!("lang/*/{CUES_FILE}"),
                    message: format!("not_names: {e}"),
                })?;
            cues.not_names = Some(automaton);
        }
        Ok(cues)
    }

    /// Byte ranges of the not-actor names in `text` (whole words only).
    pub fn not_name_spans(&self, text: &str) -> Vec<(usize, usize)> {
        let Some(ac) = &self.not_names else {
            return Vec::new();
        };
        let word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        ac.find_iter(text)
            .map(|m| (m.start(), m.end()))
            .filter(|&(s, e)| {
                !word_char(text[..s].chars().next_back()) && !word_char(text[e..].chars().next())
            })
            .collect()
    }
}
