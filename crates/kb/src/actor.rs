//! What the knowledge base knows about one actor, and how a name led to it.

use crate::date::KbDate;
use chrono::NaiveDate;

/// What kind of thing an actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ActorKind {
    /// A country or territory (ISO 3166); its id is the alpha-3 code.
    Country,
    /// An international organisation, a national institution, a party, a news agency.
    Organisation,
    /// A person.
    Person,
    /// A city or other place (capitals and major cities). Its id is
    /// `<ALPHA3>:<slug>`, e.g. `RUS:moscow`.
    Place,
}

/// One actor: a country, an organisation, a person or a place.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    /// Knowledge-base key (`RUS`, `UN`, `sergey-lavrov`, `RUS:moscow`): the `kb_id`.
    pub id: String,
    /// Wikidata QID, where known with confidence.
    pub qid: Option<String>,
    /// Canonical (English) name: the `canonical` of a linked entity.
    pub name: String,
    /// Canonical Indonesian name, where it differs ("Rusia", "Perserikatan
    /// Bangsa-Bangsa").
    pub name_id: Option<String>,
    /// What kind of actor this is.
    pub kind: ActorKind,
    /// ISO 3166 alpha-3 of the actor's country: itself for a country, the country a
    /// person serves, a national institution belongs to or a place lies in; `None` for
    /// international organisations.
    pub country: Option<String>,
    /// PLOVER sector code (`GOV`, `MIL`, `IGO`, `JRN`, …); `None` for countries and
    /// places (their sector depends on how they are mentioned).
    pub sector: Option<String>,
    /// Every other name listed (Indonesian and English), as written in the data.
    pub aliases: Vec<String>,
    /// Adjectives and demonyms ("Russian", "Chinese").
    pub demonyms: Vec<String>,
    /// Names used for the actor's government or an arm of it ("Kremlin" → GOV,
    /// "Pentagon" → MIL), including the capital's names for a country.
    pub metonyms: Vec<Metonym>,
    /// Persons: the short forms used after a full mention ("Lavrov", "Xi", "Retno").
    pub surnames: Vec<String>,
    /// Persons: whether a surname alone may be linked without an earlier full mention
    /// when it is unambiguous (false for "May", "Price", "Lee": common words or very
    /// common names).
    pub surname_alone: bool,
    /// Persons: offices held, with dates.
    pub roles: Vec<RoleHolding>,
    /// Organisations: the organisation this one belongs to (`UNSC` → `UN`).
    pub parent: Option<String>,
    /// Organisations: the institution kind (`foreign_ministry`, `news_agency`, …) that
    /// lets "Kementerian Luar Negeri China" find `CHN-MFA`.
    pub institution: Option<String>,
    /// Places: whether this is a capital or seat of government of its country.
    pub capital: bool,
    /// Free-text note from the data (uncertainties, sources).
    pub note: Option<String>,
    /// The data file that defined the actor.
    pub source: String,
    /// Defined in a file marked `generated = true` (a bulk import such as
    /// `persons/phoenix.toml`): less trusted than hand-written entries, so such an
    /// actor's surname never hides a name the tagger found.
    pub generated: bool,
}

impl Actor {
    /// Whether the actor (a person) held any role on `date`.
    pub fn active_on(&self, date: NaiveDate) -> bool {
        self.roles.iter().any(|r| r.covers(date))
    }

    /// The roles held on `date`.
    pub fn roles_on(&self, date: NaiveDate) -> impl Iterator<Item = &RoleHolding> {
        self.roles.iter().filter(move |r| r.covers(date))
    }
}

/// A name that stands for an actor's government or an arm of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Metonym {
    /// The name as written ("Kremlin", "Gedung Putih", "Moskow").
    pub name: String,
    /// The sector it implies (`GOV` when the data gives none).
    pub sector: String,
}

/// An office held by a person for a time.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleHolding {
    /// Role key from the vocabulary (`foreign_minister`).
    pub role: String,
    /// The country (alpha-3) or organisation id the role is held in.
    pub of: String,
    /// First day in office (inclusive).
    pub from: KbDate,
    /// First day no longer in office (exclusive), normally the successor's `from`;
    /// `None` while in office as far as the data knows.
    pub to: Option<KbDate>,
    /// Acting or interim.
    pub acting: bool,
    /// Note from the data (uncertain dates and the like).
    pub note: Option<String>,
}

impl RoleHolding {
    /// Whether the holding covers `date` (`from <= date < to`).
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.from.date <= date && self.to.is_none_or(|to| date < to.date)
    }
}

/// How a piece of text matched an actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchKind {
    /// The canonical name.
    Name,
    /// Another listed name (Indonesian name, acronym, nickname, old name).
    Alias,
    /// An adjective or demonym ("Russian").
    Demonym,
    /// A capital or seat of government standing for the government ("Beijing",
    /// "Kremlin"); the candidate's sector says which arm.
    Metonym,
    /// A person's surname or short name alone ("Lavrov"): only a candidate, to be
    /// confirmed by a full mention earlier in the document or by
    /// [`crate::Kb::resolve_surname`].
    Surname,
}

/// One actor a piece of text may refer to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate<'kb> {
    /// The actor.
    pub actor: &'kb Actor,
    /// How the text matched it.
    pub how: MatchKind,
    /// The sector this mention implies: the metonym's sector ("Pentagon" → `MIL`), else
    /// the actor's own.
    pub sector: Option<&'kb str>,
}
