//! The shape of the data files, as serde reads them. Every table rejects unknown
//! keys so that a typo ("alias" for "aliases") is an error, not silently ignored.
//! The format is documented for users in `data/README.md`.

use serde::Deserialize;

/// `kb/kb.toml`: which files make up the knowledge base.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Manifest {
    /// File names relative to `kb/`, loaded in this order.
    pub files: Vec<String>,
}

/// One knowledge-base file. Any file may hold any table.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFile {
    /// `generated = true`: the file was produced by an import from a bulk source
    /// (see [`crate::Actor::generated`]).
    #[serde(default)]
    pub generated: bool,
    #[serde(default)]
    pub sector: Vec<RawSector>,
    #[serde(default)]
    pub role: Vec<RawRole>,
    #[serde(default)]
    pub institution_kind: Vec<RawInstitutionKind>,
    #[serde(default)]
    pub titles: Option<RawTitleSettings>,
    #[serde(default)]
    pub names: Option<RawNameSettings>,
    #[serde(default)]
    pub country: Vec<RawActor>,
    #[serde(default)]
    pub organisation: Vec<RawActor>,
    #[serde(default)]
    pub person: Vec<RawActor>,
    #[serde(default)]
    pub place: Vec<RawActor>,
    #[serde(default)]
    pub extend: Vec<RawExtend>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSector {
    pub code: String,
    #[serde(default)]
    pub description: String,
}

/// A title as written in the vocabulary: a plain string, or a table naming the
/// country or organisation the title implies ("Secretary of State" → USA).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub(crate) enum RawTitle {
    Plain(String),
    Detailed(RawTitleDetail),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTitleDetail {
    pub text: String,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub org: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRole {
    pub key: String,
    #[serde(default)]
    pub sector: Option<String>,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub titles: Vec<RawTitle>,
    #[serde(default)]
    pub epithets: Vec<RawTitle>,
    #[serde(default)]
    pub includes: Vec<String>,
    #[serde(default)]
    pub in_organisation: Option<String>,
    #[serde(default)]
    pub shared: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawInstitutionKind {
    pub key: String,
    #[serde(default)]
    pub sector: Option<String>,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub titles: Vec<RawTitle>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTitleSettings {
    #[serde(default)]
    pub connectors: Vec<String>,
    #[serde(default)]
    pub former: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawNameSettings {
    #[serde(default)]
    pub common_words: Vec<String>,
}

/// Any actor: which keys are allowed depends on the table (checked when building).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawActor {
    pub id: String,
    #[serde(default)]
    pub qid: Option<String>,
    pub name: String,
    #[serde(default)]
    pub name_id: Option<String>,
    #[serde(default)]
    pub alpha2: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub demonyms: Vec<String>,
    #[serde(default)]
    pub metonyms: Vec<RawMetonym>,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub sector: Option<String>,
    #[serde(default)]
    pub parent: Option<String>,
    #[serde(default)]
    pub institution: Option<String>,
    #[serde(default)]
    pub capital: bool,
    #[serde(default)]
    pub surnames: Option<Vec<String>>,
    #[serde(default)]
    pub family_name_first: bool,
    #[serde(default)]
    pub surname_alone: Option<bool>,
    #[serde(default)]
    pub roles: Vec<RawHolding>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMetonym {
    pub name: String,
    #[serde(default)]
    pub sector: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawHolding {
    pub role: String,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub org: Option<String>,
    pub from: String,
    #[serde(default)]
    pub to: Option<String>,
    #[serde(default)]
    pub acting: bool,
    #[serde(default)]
    pub note: Option<String>,
}

/// Additions to an actor defined in another file (hand-written extras for the
/// generated country file, for instance).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawExtend {
    pub id: String,
    #[serde(default)]
    pub qid: Option<String>,
    #[serde(default)]
    pub name_id: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub demonyms: Vec<String>,
    #[serde(default)]
    pub metonyms: Vec<RawMetonym>,
    #[serde(default)]
    pub capital: Option<bool>,
    #[serde(default)]
    pub note: Option<String>,
}
