//! The vocabulary the actor files refer to: PLOVER sector codes, role keys with the
//! titles that name them, and institution kinds ("foreign_ministry").

/// A PLOVER sector code the data may use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectorDef {
    /// The code (`GOV`).
    pub code: String,
    /// What it covers.
    pub description: String,
}

/// A role key and the words that name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleDef {
    /// The key used in person files (`foreign_minister`).
    pub key: String,
    /// Sector of the role's holders (`GOV`).
    pub sector: Option<String>,
    /// What the role is.
    pub description: String,
    /// Titles in Indonesian and English ("Menteri Luar Negeri", "Menlu", "Foreign
    /// Minister", …).
    pub titles: Vec<String>,
    /// Descriptions that point at the holder without being a title ("diplomat
    /// tertinggi", "top diplomat").
    pub epithets: Vec<String>,
    /// Roles whose holders also answer to this one: the top diplomat of a country is
    /// its foreign minister unless the data names someone else.
    pub includes: Vec<String>,
    /// The role this title means when it is attached to an organisation rather than a
    /// country ("Presiden Komisi Eropa" is the head of the Commission, not a head of
    /// state).
    pub in_organisation: Option<String>,
    /// Many people hold the role for one country at once (ambassadors: one per host
    /// country), so the title and the country alone name no one: "duta besar China"
    /// in Manila is not China's ambassador in Washington. Title lookups
    /// ([`crate::Kb::title_holders`]) return nobody for such roles; the holders are
    /// still found by name.
    pub shared: bool,
}

/// A kind of national institution found through its title and a country
/// ("Kementerian Luar Negeri" + "China" → the Chinese foreign ministry).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstitutionKind {
    /// The key used in organisation files (`foreign_ministry`).
    pub key: String,
    /// Sector of such institutions.
    pub sector: Option<String>,
    /// What the kind is.
    pub description: String,
    /// Titles that name the kind.
    pub titles: Vec<String>,
}
