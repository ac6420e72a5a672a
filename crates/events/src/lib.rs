//! Political events — who did what to whom, when and where — coded from Indonesian,
//! Malay and English news in PLOVER terms, with the CAMEO code, Goldstein score and
//! QuadClass beside each so timelines can be laid next to GDELT and ICEWS.
//!
//! # What it does
//!
//! For every sentence of an article the coder finds **triggers** — verbs and their
//! nominalisations from a per-language lexicon (`data/lang/<code>/events.toml`:
//! "bertemu", "pertemuan", "mengunjungi", "panggilan telepon", "menjatuhkan sanksi",
//! "mengecam", "met", "visited", …), read through a small affix-stripping analyser
//! whose rules are data too (meN- and its allomorphs, di-, ber-, ter-, -kan, -i, -an,
//! pe-an, per-an, ke-an, clitics). Each trigger gives a CAMEO code, and through the
//! ontology (`data/events/`) a PLOVER type, mode and context, a Goldstein score and a
//! QuadClass. Then, from the sentence structure and the article's entity mentions:
//!
//! * **modality** first ([`warta_model::Modality`]): negated ("tidak bertemu"),
//!   future ("akan bertemu" — a future meeting is AGREE, CAMEO 036, not CONSULT),
//!   hypothetical ("jika"), background ("tahun lalu", "pernah");
//! * **actors and recipients** (lists of knowledge-base actors): the subject before an
//!   active verb, the object or the `dengan/kepada/terhadap/ke` complement after it;
//!   `oleh` agents of di- passives ("Rusia dijatuhi sanksi oleh AS" → actor USA,
//!   recipient RUS); possessors of event nouns ("kunjungan Ma ke Rusia"); both sides of
//!   "antara X dan Y"; compound subjects ("Lavrov dan Wang Yi bertemu"); "kami" inside
//!   a quotation as its speaker;
//! * the **date** through the shared resolver ([`warta_dates`]) against the article
//!   date ("pada hari Selasa", "pada 2 dan 3 Februari" → `2023-02-02/2023-02-03`), and
//!   the **place** ("di Beijing", "ke Moskow").
//!
//! Repeated mentions of one event in an article point at the first with
//! [`warta_model::Event::same_as`] and share its date.
//!
//! # API for callers
//!
//! * [`Events::load`] — once, from the data folder (lexicons of every language with an
//!   `events.toml`, the ontology, the date words, the segmenter).
//! * [`Events::find`] — the events of an analysed [`Article`] (needs `entities` filled by
//!   the entity stage; uses `published`, `lang` and, when present, `quotes`). Negated
//!   events are left out.
//! * [`Events::code`] / [`Events::code_with`] — the lower level: any text with actor
//!   mentions already located, as [`Entity`] values (only `start`, `end`, `label` and the
//!   link fields matter; see [`Input`]), in a given language, against an optional
//!   reference date. An outside harness (the PETRARCH or PLOVER gold records) builds
//!   its own mentions from its own actor dictionary and calls this;
//!   [`Options::keep_negated`] returns negated events too.
//! * [`Events::code_sentence`] — the same for one sentence, with defaults.
//! * [`Events::ontology`] — CAMEO codes with names, Goldstein scores, QuadClass and
//!   their PLOVER type, mode and context ([`Ontology::cameo`]).
//!
//! ```
//! use warta_events::{Events, Input};
//! use warta_langdata::DataDir;
//! use warta_model::{Entity, Lang};
//!
//! let events = Events::load(&DataDir::locate(None)).unwrap();
//! let text = "Rusia dijatuhi sanksi oleh AS.";
//! let actor = |text: &str, start: usize, id: &str| Entity {
//!     text: text.into(), start, end: start + text.chars().count(), label: "LOC".into(),
//!     canonical: Some(id.into()), kb_id: Some(id.into()), country: Some(id.into()),
//!     sector: None, confidence: 1.0, role: Some("actor".into()), how: None,
//! };
//! let entities = [actor("Rusia", 0, "RUS"), actor("AS", 27, "USA")];
//! let found = events.code(&Input { text, lang: Lang::Id, entities: &entities, quotes: &[], published: None });
//! assert_eq!(found[0].event_type, "SANCTION");
//! assert_eq!(found[0].actors[0].kb_id.as_deref(), Some("USA"));
//! assert_eq!(found[0].recipients[0].kb_id.as_deref(), Some("RUS"));
//! ```
//!
//! Language is data: trigger lexicons, affix rules, cue words and prepositions are in
//! `data/lang/<code>/events.toml`, the ontology in `data/events/` (formats in
//! `data/README.md`, section "Events"). Adding a trigger is adding a line of TOML.

mod code;
pub mod generate;
mod lexicon;
mod mentions;
mod modality;
pub mod morph;
mod ontology;
mod place;
mod roles;
mod sentence;
mod trigger;
mod when;

use std::collections::HashMap;

use chrono::NaiveDate;
use warta_dates::DateLexicon;
use warta_langdata::{DataDir, DataError};
use warta_model::{Article, Entity, Event, Lang, Modality, Quote};
use warta_segment::Segmenter;

pub use lexicon::Lexicon;
pub use ontology::{CameoCode, Ontology, PloverType};

/// Errors loading the event data.
#[derive(Debug, thiserror::Error)]
pub enum EventError {
    /// A data file could not be read.
    #[error(transparent)]
    Data(#[from] DataError),
    /// A data file is malformed: bad TOML, an unknown key, an unknown CAMEO code.
    #[error("invalid data file `{path}`: {message}")]
    Invalid {
        /// Relative path of the file.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// No language folder has an `events.toml`.
    #[error("no lang/*/events.toml under {root}")]
    NoLexicon {
        /// Where the data was looked for.
        root: String,
    },
    /// The segmenter's word lists failed to load.
    #[error(transparent)]
    Segment(#[from] warta_segment::SegmentError),
    /// The date words failed to load.
    #[error(transparent)]
    Dates(#[from] warta_dates::DateError),
    /// The knowledge base (country names for visited places) failed to load.
    #[error(transparent)]
    Kb(#[from] warta_kb::KbError),
}

/// What the coder reads: a text, its language, the actor mentions in it, its
/// quotations and its reference date.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The text; every offset below and in the events returned is a char offset into it.
    pub text: &'a str,
    /// Its language: picks the lexicon (`Other` is read as Indonesian).
    pub lang: Lang,
    /// Actor mentions, as the entity stage writes them. Used: `start`, `end` (chars),
    /// `label` (`PER`, `ORG`, `LOC`), `canonical`, `kb_id`, `country`, `sector`, `role`
    /// (`actor` or `place` for countries and cities; a `LOC` without a role counts as
    /// an actor when it has a `country`), `how` (`pronoun` mentions stand for their
    /// antecedent; a "-nya" counts only on an event word). Any order; overlaps allowed.
    pub entities: &'a [Entity],
    /// Quotations with speakers: "kami"/"we" inside a direct quotation is its speaker.
    pub quotes: &'a [Quote],
    /// The reference date for relative and year-less dates (the publication date).
    pub published: Option<NaiveDate>,
}

impl<'a> Input<'a> {
    /// The input of an analysed article: its text, language, entities, quotations and
    /// publication date (the first ten chars of `published.value`).
    pub fn of(article: &'a Article) -> Input<'a> {
        let published = article
            .published
            .as_ref()
            .and_then(|p| p.value.get(..10))
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        Input {
            text: &article.text,
            lang: article.lang,
            entities: &article.entities,
            quotes: &article.quotes,
            published,
        }
    }
}

/// Switches for [`Events::code_with`].
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Return negated events ("tidak bertemu") too, with modality `negated`.
    pub keep_negated: bool,
    /// Return events no actor could be found for (actors empty).
    pub keep_actorless: bool,
}

/// The event coder: lexicons, ontology, date words and segmenter, loaded once and
/// shared by threads (immutable).
pub struct Events {
    ontology: Ontology,
    lexicons: Vec<Lexicon>,
    by_lang: HashMap<String, usize>,
    dates: DateLexicon,
    segmenter: Segmenter,
    /// Country id → canonical name, for recipients read from visited places.
    countries: HashMap<String, String>,
}

impl std::fmt::Debug for Events {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Events")
            .field("languages", &self.languages())
            .field("cameo_codes", &self.ontology.len())
            .finish_non_exhaustive()
    }
}

impl Events {
    /// Load the ontology (`data/events/`), the lexicon of every language that has a
    /// `lang/<code>/events.toml`, the date words and the segmenter. A malformed file is
    /// an error naming the file and entry, so a typo is caught at start-up.
    pub fn load(data: &DataDir) -> Result<Events, EventError> {
        let ontology = Ontology::load(data)?;
        let mut lexicons = Vec::new();
        for code in data.languages() {
            if let Some(lex) = Lexicon::load(data, &code, &ontology)? {
                lexicons.push(lex);
            }
        }
        if lexicons.is_empty() {
            return Err(EventError::NoLexicon {
                root: data.describe(),
            });
        }
        let by_lang = lexicons
            .iter()
            .enumerate()
            .map(|(i, l)| (l.lang().to_string(), i))
            .collect();
        let kb = warta_kb::Kb::load(data)?;
        let countries = kb
            .actors()
            .iter()
            .filter(|a| a.kind == warta_kb::ActorKind::Country)
            .map(|a| (a.id.clone(), a.name.clone()))
            .collect();
        Ok(Events {
            ontology,
            lexicons,
            by_lang,
            dates: DateLexicon::load(data)?,
            segmenter: Segmenter::load(data)?,
            countries,
        })
    }

    /// The language codes with a loaded lexicon.
    pub fn languages(&self) -> Vec<&str> {
        self.lexicons.iter().map(Lexicon::lang).collect()
    }

    /// The lexicon of a language (`None` when it has no `events.toml`).
    pub fn lexicon(&self, lang: Lang) -> Option<&Lexicon> {
        self.by_lang
            .get(lang.code())
            .and_then(|&i| self.lexicons.get(i))
    }

    /// The CAMEO/PLOVER ontology.
    pub fn ontology(&self) -> &Ontology {
        &self.ontology
    }

    /// The events of an analysed article, in text order, negated ones left out.
    /// Needs `article.entities` (the entity stage); reads `published` as the reference
    /// date and `quotes` for "kami" inside quotations.
    pub fn find(&self, article: &Article) -> Vec<Event> {
        self.code(&Input::of(article))
    }

    /// The events of any text with its actor mentions located (see [`Input`]), negated
    /// ones left out.
    pub fn code(&self, input: &Input<'_>) -> Vec<Event> {
        self.code_with(input, &Options::default())
    }

    /// [`Events::code`] with switches.
    pub fn code_with(&self, input: &Input<'_>, options: &Options) -> Vec<Event> {
        let lex = self
            .lexicon(input.lang)
            .or_else(|| self.lexicon(Lang::Id))
            .or_else(|| self.lexicons.first());
        let Some(lex) = lex else {
            return Vec::new();
        };
        let mut events = code::code(self, lex, input);
        if !options.keep_negated {
            events.retain(|e| e.modality != Modality::Negated);
        }
        if !options.keep_actorless {
            events.retain(|e| !e.actors.is_empty());
        }
        code::link_repeats(&mut events);
        events
    }

    /// The events of one sentence (or any short text) with its actor mentions, in
    /// `lang`, against `published`; negated events included (modality `negated`), so a
    /// harness can check them.
    pub fn code_sentence(
        &self,
        text: &str,
        entities: &[Entity],
        lang: Lang,
        published: Option<NaiveDate>,
    ) -> Vec<Event> {
        self.code_with(
            &Input {
                text,
                lang,
                entities,
                quotes: &[],
                published,
            },
            &Options {
                keep_negated: true,
                keep_actorless: false,
            },
        )
    }
}
