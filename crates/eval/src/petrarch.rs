//! The PETRARCH unit-test records: 284 stylised English sentences in a fictional
//! world (Arnor, Gondor, Mordor …) with 385 `<EventCoding>` elements — 359 gold
//! (source, target, code) triples, 19 "no events" and 7 "error" markers — that
//! PETRARCH-1 must code exactly (`PETR.UnitTest.records.xml`, read from
//! `../shared/data/events/`, never copied into the repository).
//!
//! The harness runs warta's event coder through its public API
//! ([`warta_events::Events::code_with`]) on every record:
//!
//! 1. actor mentions come from the tests' own actor and agent dictionaries
//!    ([`dictionary`], [`mentions`]) resolved on the record date, as
//!    [`warta_model::Entity`] values with the PETRARCH code as `kb_id`;
//! 2. the coder codes the sentence in English — with **warta's own lexicon**
//!    ([`Lexicon::Own`]: the honest figure of generality) or with the tests' **verb
//!    dictionary** converted into warta's lexicon format ([`Lexicon::Dictionary`],
//!    [`dictmode`]);
//! 3. its events become (source, target, code) triples and are matched with the gold
//!    ones ([`score`]): share of gold triples produced (exact code, same CAMEO root,
//!    same dyad), extra triples per record and records passed, by category.
//!
//! Decisions the records leave open: the two `bad_input_parse` records test
//! PETRARCH's reading of a broken parse tree, which this coder never reads, so they
//! are not scored; the other `error` records and the `noevents` ones must produce
//! nothing (every triple is extra); the discard dictionary rejects records in
//! dictionary mode only (warta has no sports filter of its own); in dictionary mode
//! negated events are kept (PETRARCH codes a negated verb by its patterns), in own
//! mode the coder's defaults apply (negated events left out).

pub mod dictionary;
pub mod dictmode;
pub mod mentions;
pub mod records;
pub mod score;
pub mod verbs;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::Serialize;
use warta_events::{Events, Input, Options};
use warta_model::{Entity, Lang};

use dictionary::{Actors, Agents, Discards};
use records::{FileCounts, Record, Triple};
use score::{Matches, Tallies};

/// Errors of the PETRARCH harness.
#[derive(Debug, thiserror::Error)]
pub enum PetrarchError {
    /// A file could not be read or written.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Cause.
        #[source]
        source: std::io::Error,
    },
    /// The records file is not the expected XML.
    #[error("invalid records file {path}: {message}")]
    Records {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A dictionary is malformed.
    #[error("invalid dictionary {path}: {message}")]
    Dictionary {
        /// The file.
        path: PathBuf,
        /// What is wrong (with the line).
        message: String,
    },
    /// Dictionary mode needs warta's data folder on disk to copy.
    #[error("dictionary mode needs a data folder on disk; using {0}")]
    NoDataFolder(String),
    /// The coder could not be loaded from the temporary data folder.
    #[error("loading the event coder with the converted lexicon: {0}")]
    Coder(String),
}

/// Which English trigger lexicon the coder uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Lexicon {
    /// warta's own `data/lang/en/events.toml`.
    Own,
    /// The tests' `PETR.Validate.verbs.txt`, converted.
    Dictionary,
}

impl Lexicon {
    /// Name in reports.
    pub fn name(self) -> &'static str {
        match self {
            Lexicon::Own => "own lexicon",
            Lexicon::Dictionary => "dictionary mode",
        }
    }
}

/// Which half of a benchmark's records to score. Both PETRARCH and PLOVER records are
/// test material: lexicon work looks at `Dev` only (records at even positions in file
/// order: 0, 2, 4 …), and `Test` (odd positions) gives the honest figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Split {
    /// Records at even positions (0, 2, 4 …): for development.
    Dev,
    /// Records at odd positions (1, 3, 5 …): held out.
    Test,
    /// Every record.
    All,
}

impl Split {
    /// `dev`, `test` or `all`.
    pub fn parse(s: &str) -> Option<Split> {
        match s {
            "dev" => Some(Split::Dev),
            "test" => Some(Split::Test),
            "all" => Some(Split::All),
            _ => None,
        }
    }

    /// Name in reports.
    pub fn name(self) -> &'static str {
        match self {
            Split::Dev => "dev (even positions)",
            Split::Test => "test (odd positions)",
            Split::All => "all",
        }
    }

    /// Whether the record at `position` (0-based, file order) belongs to the split.
    pub fn keeps(self, position: usize) -> bool {
        match self {
            Split::Dev => position.is_multiple_of(2),
            Split::Test => !position.is_multiple_of(2),
            Split::All => true,
        }
    }
}

/// The records and the dictionaries they come with.
#[derive(Debug, Clone)]
pub struct Suite {
    /// The records file.
    pub path: PathBuf,
    /// The records.
    pub records: Vec<Record>,
    /// Actor dictionary.
    pub actors: Actors,
    /// Agent dictionary.
    pub agents: Agents,
    /// Discard phrases.
    pub discards: Discards,
    /// The verb dictionary file (PETRARCH-1 format).
    pub verb_file: PathBuf,
}

/// The dictionary file names the records name in `<Environment>` (`<Verbfile>`,
/// `<Actorfile>`, `<Agentfile>`, `<Discardfile>`), with PETRARCH's defaults.
fn environment(xml: &str) -> HashMap<&'static str, String> {
    let mut out = HashMap::new();
    for (tag, default) in [
        ("Verbfile", "PETR.Validate.verbs.txt"),
        ("Actorfile", "PETR.Validate.actors.txt"),
        ("Agentfile", "PETR.Validate.agents.txt"),
        ("Discardfile", "PETR.Validate.discards.txt"),
    ] {
        let open = format!("<{tag}>");
        let close = format!("</{tag}>");
        let value = xml
            .find(&open)
            .and_then(|i| {
                let rest = &xml[i + open.len()..];
                rest.find(&close).map(|j| rest[..j].trim().to_string())
            })
            .filter(|v| !v.is_empty() && !v.contains(['/', '\\']))
            .unwrap_or_else(|| default.to_string());
        out.insert(tag, value);
    }
    out
}

/// Load the records and the dictionaries beside them.
pub fn load(path: &Path) -> Result<Suite, PetrarchError> {
    let xml = std::fs::read_to_string(path).map_err(|source| PetrarchError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let records = records::parse(&xml).map_err(|message| PetrarchError::Records {
        path: path.to_path_buf(),
        message,
    })?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let env = environment(&xml);
    let file = |k: &str| dir.join(env.get(k).map(String::as_str).unwrap_or_default());
    Ok(Suite {
        path: path.to_path_buf(),
        records,
        actors: dictionary::load_actors(&file("Actorfile"))?,
        agents: dictionary::load_agents(&file("Agentfile"))?,
        discards: dictionary::load_discards(&file("Discardfile"))?,
        verb_file: file("Verbfile"),
    })
}

impl Suite {
    /// The suite with only the records of `split` (by [`Record::index`], the position
    /// in the file).
    pub fn split(&self, split: Split) -> Suite {
        let mut s = self.clone();
        s.records.retain(|r| split.keeps(r.index));
        s
    }
}

/// The outcome of one record.
#[derive(Debug, Clone, Serialize)]
pub struct RecordResult {
    /// Position in the file.
    pub index: usize,
    /// Record id.
    pub id: String,
    /// Category.
    pub category: String,
    /// The sentence (shown in the miss list only; never written into the repository).
    pub text: String,
    /// Gold triples.
    pub gold: Vec<Triple>,
    /// Produced triples.
    pub produced: Vec<Triple>,
    /// The actor mentions given to the coder: (text, codes).
    pub actors: Vec<(String, String)>,
    /// Matches.
    pub matches: Matches,
    /// Why nothing was coded: a discard phrase (dictionary mode).
    pub discarded: Option<String>,
    /// Not scored (`bad_input_parse`: a test of the parse tree this coder never reads).
    pub skipped: bool,
}

impl RecordResult {
    /// Gold triples missed (exact).
    pub fn missed(&self) -> Vec<&Triple> {
        self.gold
            .iter()
            .filter(|g| !self.produced.contains(g))
            .collect()
    }

    /// Produced triples that are not gold.
    pub fn extra(&self) -> Vec<&Triple> {
        self.produced
            .iter()
            .filter(|p| !self.gold.contains(p))
            .collect()
    }

    /// Misses plus extras: how wrong the record is.
    pub fn errors(&self) -> usize {
        self.missed().len() + self.extra().len()
    }
}

/// The outcome of one run.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Which lexicon.
    pub lexicon: Lexicon,
    /// What the file holds.
    pub counts: FileCountsSer,
    /// Per category and overall.
    pub tallies: Tallies,
    /// Every record.
    pub records: Vec<RecordResult>,
    /// Dictionary mode: what the conversion could express.
    pub conversion: Option<verbs::ConversionStats>,
}

/// [`FileCounts`] in JSON.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct FileCountsSer {
    /// `<Sentence>` records.
    pub records: usize,
    /// `<EventCoding>` elements.
    pub codings: usize,
    /// Gold triples.
    pub triples: usize,
    /// `noevents` markers.
    pub no_events: usize,
    /// `error` markers.
    pub errors: usize,
}

impl From<FileCounts> for FileCountsSer {
    fn from(c: FileCounts) -> Self {
        FileCountsSer {
            records: c.records,
            codings: c.codings,
            triples: c.triples,
            no_events: c.no_events,
            errors: c.errors,
        }
    }
}

/// Words of a record for the discard check.
fn norm_words(text: &str) -> Vec<String> {
    mentions::words(text).into_iter().map(|w| w.norm).collect()
}

/// Code one record.
pub fn code_record(
    suite: &Suite,
    events: &Events,
    lexicon: Lexicon,
    r: &Record,
) -> (Vec<Entity>, Vec<Triple>, Option<String>) {
    let entities = mentions::entities(&r.text, &suite.actors, &suite.agents, r.date);
    if lexicon == Lexicon::Dictionary
        && let Some(p) = suite.discards.hits(&norm_words(&r.text))
    {
        return (entities, Vec::new(), Some(p));
    }
    let options = Options {
        keep_negated: lexicon == Lexicon::Dictionary,
        keep_actorless: false,
    };
    let found = events.code_with(
        &Input {
            text: &r.text,
            lang: Lang::En,
            entities: &entities,
            quotes: &[],
            published: r.date,
        },
        &options,
    );
    let found: Vec<_> = found.into_iter().filter(|e| e.same_as.is_none()).collect();
    (entities, score::triples(&found), None)
}

/// Run the suite with a coder.
pub fn run(
    suite: &Suite,
    events: &Events,
    lexicon: Lexicon,
    conversion: Option<verbs::ConversionStats>,
) -> Report {
    let mut tallies = Tallies::default();
    let mut results = Vec::new();
    for r in &suite.records {
        let skipped = r.error() == Some("bad_input_parse");
        let (entities, produced, discarded) = code_record(suite, events, lexicon, r);
        let gold = r.gold();
        let matches = score::match_triples(&gold, &produced);
        if !skipped {
            tallies.add(&r.category, gold.len(), produced.len(), matches);
        }
        results.push(RecordResult {
            index: r.index,
            id: r.id.clone(),
            category: r.category.clone(),
            text: r.text.clone(),
            gold,
            produced,
            actors: entities
                .iter()
                .map(|e| (e.text.clone(), e.kb_id.clone().unwrap_or_default()))
                .collect(),
            matches,
            discarded,
            skipped,
        });
    }
    Report {
        lexicon,
        counts: records::counts(&suite.records).into(),
        tallies,
        records: results,
        conversion,
    }
}

/// Verbs of the test dictionary found in records whose gold events were missed,
/// most costly first: `(verb block, missed gold triples)`. A gold triple counts as
/// missed when no produced triple has its dyad (source and target), so the figure
/// measures absent triggers rather than differing codes. A sentence with two
/// dictionary verbs ("restore", "said") charges both.
pub fn missing_verbs(report: &Report, dict: &verbs::VerbDict, top: usize) -> Vec<(String, usize)> {
    let mut form_to_block: HashMap<String, String> = HashMap::new();
    for b in &dict.blocks {
        for v in &b.verbs {
            let Some(head) = v.words.get(v.head) else {
                continue;
            };
            let mut forms = verbs::verb_forms(head);
            forms.extend(v.irregular.iter().filter_map(|(w, h)| w.get(*h).cloned()));
            for f in forms {
                form_to_block
                    .entry(f)
                    .or_insert_with(|| b.name.to_lowercase());
            }
        }
    }
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for r in &report.records {
        if r.skipped {
            continue;
        }
        let missed = r
            .gold
            .iter()
            .filter(|g| {
                !r.produced
                    .iter()
                    .any(|p| p.source == g.source && p.target == g.target)
            })
            .count();
        if missed == 0 {
            continue;
        }
        let mut seen: Vec<&String> = Vec::new();
        for w in mentions::words(&r.text) {
            if let Some(b) = form_to_block.get(&w.norm)
                && !seen.contains(&b)
            {
                seen.push(b);
                *counts.entry(b.clone()).or_default() += missed;
            }
        }
    }
    let mut v: Vec<(String, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.truncate(top);
    v
}
