//! The actor knowledge base: who and what the news is about.
//!
//! Users ask warta what Russia and China did with each other, so "Sergei Lavrov",
//! "Sergey Lavrov", "Lavrov" and "Menlu Rusia" (in 2024) must become one person, and
//! "China", "Tiongkok", "RRT", "Negeri Tirai Bambu" and, as a government, "Beijing"
//! one country. This crate holds that knowledge — countries, organisations, persons
//! with their offices and dates, places — and answers the questions the entity linker
//! asks. It does no linking itself: it finds candidates, the linker decides.
//!
//! Everything is data (`data/kb/`, format in `data/README.md`): adding a minister is
//! adding a few lines of TOML, no Rust. [`Kb::load`] reads and checks the files and
//! fails with every problem listed, each naming its file and entry.
//!
//! # What the linker can ask
//!
//! * [`Kb::get`]: an actor by id (`RUS`, `UN`, `sergey-lavrov`, `RUS:moscow`).
//! * [`Kb::lookup`]: every actor a whole string may name ("Tiongkok" → CHN), with how
//!   it matched ([`MatchKind`]).
//! * [`Kb::scan`] / [`Kb::find_mentions`] / [`Kb::find_titles`]: every name and every
//!   role title ("Menlu Rusia", "Russian Foreign Minister") in a text, with byte
//!   ranges.
//! * [`Kb::role_holders`] / [`Kb::title_holders`]: who held an office on a date
//!   ("Menlu China" on 2023-06-01 is Qin Gang).
//! * [`Kb::parse_role_title`]: the role and country of a phrase such as "Wakil
//!   Menteri Luar Negeri China".
//! * [`Kb::resolve_surname`] / [`Kb::persons_with_surname`] / [`Kb::is_surname_of`]:
//!   "Lavrov" alone.
//! * [`Kb::institution`]: "Kementerian Luar Negeri" + CHN → the Chinese foreign ministry.
//! * [`Kb::coding_on`]: the country and sector an actor acts for on a date (Borrell in
//!   2022: the EU, `IGO`), for the entity's `country` and `sector`.
//!
//! # Matching rules
//!
//! Names are compared after folding (lower case, Latin diacritics removed,
//! apostrophes, dashes and spaces unified; see [`fold`]), then the case of the text is
//! checked against how the name is written in the data ([`CaseRule`]): all-capital
//! names such as "AS", "US", "PBB" match only all-capital text (Indonesian "as",
//! English "us" and "who" are words), capitalised names need a capital first letter
//! ("Cuba" but not the Indonesian "cuba", "Istana" but not "istana"), names written in
//! lower case match any case. Matches must sit on word boundaries ("Xi" is not in
//! "Xi'an", "Ma" not in "Ma'ruf"; "Russia's" contains "Russia"). Among overlapping
//! matches the leftmost, then longest, wins ("Korea Selatan" over "Korea",
//! "Sergei Lavrov" over "Lavrov").
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use warta_kb::{Kb, MatchKind};
//! use warta_langdata::DataDir;
//!
//! let kb = Kb::load(&DataDir::locate(None)).unwrap();
//! let text = "Menlu Rusia bertemu mitranya dari Tiongkok di Moskow.";
//! let scan = kb.scan(text);
//!
//! // Names: "Rusia", "Tiongkok", "Moskow" (the city, and Russia's government).
//! let china = &scan.mentions[1];
//! assert_eq!(&text[china.start..china.end], "Tiongkok");
//! assert_eq!(china.candidates[0].actor.id, "CHN");
//! let moskow = &scan.mentions[2];
//! let ids: Vec<(&str, MatchKind, Option<&str>)> = moskow
//!     .candidates
//!     .iter()
//!     .map(|c| (c.actor.id.as_str(), c.how, c.sector))
//!     .collect();
//! assert_eq!(ids, [("RUS:moscow", MatchKind::Alias, None), ("RUS", MatchKind::Metonym, Some("GOV"))]);
//!
//! // Titles, resolved on the article date.
//! let title = &scan.titles[0];
//! assert_eq!((title.key, title.of.map(|a| a.id.as_str())), ("foreign_minister", Some("RUS")));
//! let date = NaiveDate::from_ymd_opt(2024, 4, 9).unwrap();
//! assert_eq!(kb.title_holders(title, date)[0].id, "sergey-lavrov");
//!
//! // A surname alone, when unambiguous among the persons known on that date.
//! assert_eq!(kb.resolve_surname("Lavrov", date).map(|a| a.name.as_str()), Some("Sergey Lavrov"));
//! ```

mod actor;
mod build;
mod date;
mod dictionary;
mod error;
mod fold;
mod fold_table;
mod matcher;
mod schema;
#[cfg(test)]
mod tests;
mod titles;
mod vocab;

pub use actor::{Actor, ActorKind, Candidate, MatchKind, Metonym, RoleHolding};
pub use date::{KbDate, Precision};
pub use error::{KbError, Problem};
pub use fold::{CaseRule, fold};
pub use matcher::Mention;
pub use titles::{TitleKind, TitleMention};
pub use vocab::{InstitutionKind, RoleDef, SectorDef};

use build::NameRef;
use chrono::NaiveDate;
use dictionary::Dictionary;
use std::collections::{HashMap, HashSet};
use titles::TitleRef;
use warta_langdata::DataDir;

/// The file listing the knowledge-base files, relative to the data folder.
pub const MANIFEST: &str = "kb/kb.toml";

/// The loaded, checked and indexed knowledge base. Immutable; share it between
/// threads by reference.
pub struct Kb {
    actors: Vec<Actor>,
    by_id: HashMap<String, u32>,
    sectors: Vec<SectorDef>,
    roles: Vec<RoleDef>,
    role_index: HashMap<String, usize>,
    institution_kinds: Vec<InstitutionKind>,
    names: Dictionary<NameRef>,
    titles: Dictionary<TitleRef>,
    connectors: Vec<String>,
    former: Vec<String>,
    common_words: HashSet<String>,
    surnames: HashMap<String, Vec<u32>>,
    holders: HashMap<(String, String), Vec<(u32, u32)>>,
    institutions: HashMap<(String, String), Vec<u32>>,
}

/// Name mentions and role titles found in one text.
#[derive(Debug, Clone, PartialEq)]
pub struct Scan<'kb> {
    /// Names, in text order, not overlapping one another.
    pub mentions: Vec<Mention<'kb>>,
    /// Role titles and institution names, in text order (they may contain a
    /// mention: the country in "Menlu Rusia").
    pub titles: Vec<TitleMention<'kb>>,
}

/// How an actor is coded in an event on a given date: the country and sector of the
/// office it acts in (see [`Kb::coding_on`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Coding<'kb> {
    /// ISO alpha-3, or `None` for an international organisation.
    pub country: Option<&'kb str>,
    /// PLOVER sector.
    pub sector: Option<&'kb str>,
}

/// Sizes, for reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KbStats {
    /// Countries and territories.
    pub countries: usize,
    /// Organisations (international and national).
    pub organisations: usize,
    /// Persons.
    pub persons: usize,
    /// Places.
    pub places: usize,
    /// Distinct names the matcher knows (after folding).
    pub names: usize,
    /// Role keys.
    pub roles: usize,
    /// Role holdings (person × office × period).
    pub holdings: usize,
    /// Distinct role titles and epithets (after folding).
    pub titles: usize,
}

impl Kb {
    fn empty() -> Kb {
        Kb {
            actors: Vec::new(),
            by_id: HashMap::new(),
            sectors: Vec::new(),
            roles: Vec::new(),
            role_index: HashMap::new(),
            institution_kinds: Vec::new(),
            names: Dictionary::new(),
            titles: Dictionary::new(),
            connectors: Vec::new(),
            former: Vec::new(),
            common_words: HashSet::new(),
            surnames: HashMap::new(),
            holders: HashMap::new(),
            institutions: HashMap::new(),
        }
    }

    /// Load the files listed in `kb/kb.toml` of `data`.
    pub fn load(data: &DataDir) -> Result<Kb, KbError> {
        let manifest = data.read(MANIFEST)?;
        let manifest: schema::Manifest = toml::from_str(&manifest).map_err(|e| KbError::Parse {
            file: MANIFEST.to_string(),
            message: e.to_string(),
        })?;
        let mut texts = Vec::with_capacity(manifest.files.len());
        for f in &manifest.files {
            let rel = format!("kb/{f}");
            let text = data.read(&rel)?;
            texts.push((rel, text));
        }
        Kb::from_sources(texts.iter().map(|(n, t)| (n.as_str(), t.as_ref())))
    }

    /// Build from `(file name, TOML text)` pairs in load order, without a manifest
    /// (for tests and tools; the names only appear in error messages).
    pub fn from_sources<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Kb, KbError> {
        let mut parsed = Vec::new();
        for (name, text) in files {
            let raw: schema::RawFile = toml::from_str(text).map_err(|e| KbError::Parse {
                file: name.to_string(),
                message: e.to_string(),
            })?;
            parsed.push((name.to_string(), raw));
        }
        build::build(parsed)
    }

    /// Every actor, in file order.
    pub fn actors(&self) -> &[Actor] {
        &self.actors
    }

    /// The actor with this id.
    pub fn get(&self, id: &str) -> Option<&Actor> {
        self.by_id.get(id).map(|&i| &self.actors[i as usize])
    }

    /// The PLOVER sector codes the data may use.
    pub fn sectors(&self) -> &[SectorDef] {
        &self.sectors
    }

    /// The role vocabulary.
    pub fn roles(&self) -> &[RoleDef] {
        &self.roles
    }

    /// One role by key.
    pub fn role(&self, key: &str) -> Option<&RoleDef> {
        self.role_index.get(key).map(|&i| &self.roles[i])
    }

    /// The institution kinds.
    pub fn institution_kinds(&self) -> &[InstitutionKind] {
        &self.institution_kinds
    }

    /// Sizes of the knowledge base.
    pub fn stats(&self) -> KbStats {
        let count = |k: ActorKind| self.actors.iter().filter(|a| a.kind == k).count();
        KbStats {
            countries: count(ActorKind::Country),
            organisations: count(ActorKind::Organisation),
            persons: count(ActorKind::Person),
            places: count(ActorKind::Place),
            names: self.names.len(),
            roles: self.roles.len(),
            holdings: self.actors.iter().map(|a| a.roles.len()).sum(),
            titles: self.titles.len(),
        }
    }

    /// Every actor the whole string `name` may name, best match first. Case rules
    /// apply as in running text: `lookup("AS")` is the United States, `lookup("as")`
    /// is nothing.
    pub fn lookup(&self, name: &str) -> Vec<Candidate<'_>> {
        self.candidates(self.names.lookup(name))
    }

    /// Name mentions in `text` (byte ranges into `text`).
    pub fn find_mentions(&self, text: &str) -> Vec<Mention<'_>> {
        self.mentions_in(text, &fold::Folded::new(text))
    }

    /// Role titles and institution names in `text` with their country.
    pub fn find_titles(&self, text: &str) -> Vec<TitleMention<'_>> {
        self.scan(text).titles
    }

    /// Names and titles in one pass over `text`.
    pub fn scan(&self, text: &str) -> Scan<'_> {
        let folded = fold::Folded::new(text);
        let mentions = self.mentions_in(text, &folded);
        let titles = self.titles_in(text, &folded, &mentions);
        Scan { mentions, titles }
    }

    /// Read a phrase that starts with a role title or institution name: "Menteri Luar
    /// Negeri Rusia", "Menlu China", "Foreign Minister of Russia", "Russian Foreign
    /// Minister", "Wakil Menteri Luar Negeri China", "Sekjen PBB". `None` if the phrase
    /// does not start with one (leading spaces and a leading "mantan" are allowed).
    pub fn parse_role_title(&self, phrase: &str) -> Option<TitleMention<'_>> {
        let titles = self.find_titles(phrase);
        let first = titles.into_iter().next()?;
        let lead = &phrase[..first.start];
        let lead_ok =
            lead.trim().is_empty() || (first.former && lead.split_whitespace().count() == 1);
        lead_ok.then_some(first)
    }

    /// Persons who held `role` in `of` (a country alpha-3 or organisation id) on
    /// `date`, including holders of the roles it `includes`, in data order.
    pub fn role_holders(&self, role: &str, of: &str, date: NaiveDate) -> Vec<&Actor> {
        self.role_holdings(role, of, date)
            .into_iter()
            .map(|(a, _)| a)
            .collect()
    }

    /// Like [`Kb::role_holders`], with the holding itself (dates, precision, acting).
    pub fn role_holdings(
        &self,
        role: &str,
        of: &str,
        date: NaiveDate,
    ) -> Vec<(&Actor, &RoleHolding)> {
        let mut keys = vec![role];
        let mut i = 0;
        while let Some(&k) = keys.get(i) {
            if let Some(def) = self.role(k) {
                for inc in &def.includes {
                    if !keys.contains(&inc.as_str()) {
                        keys.push(inc);
                    }
                }
            }
            i += 1;
        }
        let mut out: Vec<(&Actor, &RoleHolding)> = Vec::new();
        for k in keys {
            let Some(list) = self.holders.get(&(k.to_string(), of.to_string())) else {
                continue;
            };
            for &(a, h) in list {
                let actor = &self.actors[a as usize];
                let holding = &actor.roles[h as usize];
                if holding.covers(date) && !out.iter().any(|(x, _)| std::ptr::eq(*x, actor)) {
                    out.push((actor, holding));
                }
            }
        }
        out
    }

    /// Who a title found in text refers to on `date`: the holders of its role in its
    /// country or organisation (for a national organisation with no holder, its
    /// country: "Kepala Diplomat Partai Komunis China" → China's top diplomat), or the
    /// institution it names. Empty for a title without a country, or a former holder.
    pub fn title_holders(&self, title: &TitleMention<'_>, date: NaiveDate) -> Vec<&Actor> {
        let Some(of) = title.of else {
            return Vec::new();
        };
        if title.former {
            return Vec::new();
        }
        match title.kind {
            TitleKind::Institution => self.institution(title.key, &of.id).into_iter().collect(),
            TitleKind::Role if self.role(title.key).is_some_and(|r| r.shared) => Vec::new(),
            TitleKind::Role => {
                let found = self.role_holders(title.key, &of.id, date);
                match (&of.country, found.is_empty()) {
                    (Some(c), true) if of.kind == ActorKind::Organisation => {
                        self.role_holders(title.key, c, date)
                    }
                    _ => found,
                }
            }
        }
    }

    /// The country and sector an actor acts for on `date`, for an entity's `country`
    /// and `sector`. A person is coded by the office held that day (non-acting first):
    /// Josep Borrell in 2022 acts for the EU (no country, `IGO`), Kaja Kallas in 2023
    /// for Estonia (`EST`, `GOV`); a person with no office that day, and any other
    /// actor, by its own `country` and `sector`.
    pub fn coding_on<'kb>(&'kb self, actor: &'kb Actor, date: NaiveDate) -> Coding<'kb> {
        let own = Coding {
            country: actor.country.as_deref(),
            sector: actor.sector.as_deref(),
        };
        let mut held: Vec<&RoleHolding> = actor.roles_on(date).collect();
        held.sort_by_key(|h| h.acting);
        let Some(h) = held.first() else {
            return own;
        };
        let Some(of) = self.get(&h.of) else {
            return own;
        };
        let role_sector = self.role(&h.role).and_then(|r| r.sector.as_deref());
        match (of.kind, &of.country) {
            (ActorKind::Country, _) => Coding {
                country: Some(of.id.as_str()),
                sector: role_sector.or(own.sector),
            },
            (_, Some(c)) => Coding {
                country: Some(c.as_str()),
                sector: of.sector.as_deref().or(role_sector),
            },
            (_, None) => Coding {
                country: None,
                sector: of.sector.as_deref().or(own.sector),
            },
        }
    }

    /// The institution of `kind` (`foreign_ministry`) of country `of`, if listed.
    pub fn institution(&self, kind: &str, of: &str) -> Option<&Actor> {
        self.institutions
            .get(&(kind.to_string(), of.to_string()))
            .and_then(|l| l.first())
            .map(|&i| &self.actors[i as usize])
    }

    /// Persons whose surnames include `surname` (compared folded).
    pub fn persons_with_surname(&self, surname: &str) -> Vec<&Actor> {
        self.surnames
            .get(&fold(surname))
            .into_iter()
            .flatten()
            .map(|&i| &self.actors[i as usize])
            .collect()
    }

    /// Whether `surname` is one of `actor`'s surnames (for "Lavrov" after "Sergei
    /// Lavrov" in the same article).
    pub fn is_surname_of(&self, actor: &Actor, surname: &str) -> bool {
        let key = fold(surname);
        actor.surnames.iter().any(|s| fold(s) == key)
    }

    /// The person a surname alone refers to, when that is unambiguous without an
    /// earlier full mention: among persons with this surname who allow it
    /// (`surname_alone`), the only one; or else the only one holding an office on
    /// `date`. `None` when ambiguous or unknown, or when the surname is a common word
    /// (`[names] common_words`: "Yang", "May") — the linker then needs a full mention.
    pub fn resolve_surname(&self, surname: &str, date: NaiveDate) -> Option<&Actor> {
        if self.common_words.contains(&fold(surname)) {
            return None;
        }
        let persons: Vec<&Actor> = self
            .persons_with_surname(surname)
            .into_iter()
            .filter(|a| a.surname_alone)
            .collect();
        if let [only] = persons.as_slice() {
            return Some(only);
        }
        let active: Vec<&Actor> = persons.into_iter().filter(|a| a.active_on(date)).collect();
        match active.as_slice() {
            [only] => Some(only),
            _ => None,
        }
    }
}

impl std::fmt::Debug for Kb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Kb").field("stats", &self.stats()).finish()
    }
}
