//! The PLOVER gold-standard records (`PLOVER_GSR_CAMEO.txt`, openeventdata/PLOVER,
//! CC BY-SA 4.0; read from `../shared/data/events/`, never copied): 322 English
//! example sentences of the CAMEO 1.1b3 manual coded with PLOVER 0.5b1 event types,
//! source and target actors (ISO 3166 codes or `IGO`/`NGO`/`IMG`/`ISM`, plus sector).
//!
//! The records use PLOVER's **old** category set; they are mapped to the manual's
//! current types (SOURCES.md and the research note): DEMAND → REQUEST, DISAPPROVE →
//! ACCUSE (mode disapprove), INVESTIGATE → ACCUSE (mode investigate), FIGHT →
//! ASSAULT. The one `DOCUMENT` record (file documentation) is skipped.
//!
//! Actors are real-world here, so the harness runs the realistic pipeline: the entity
//! stage ([`warta_entities::EntityStage::find_in`], knowledge base + tagger) on the
//! sentence at the record's date, then the event coder. The records' own actor spans
//! are not given to the coder; they are only used to report how many gold actors the
//! entity stage finds at all (a ceiling on actor accuracy).
//!
//! Figures: event-type accuracy of the top event (highest confidence, then first) over
//! all records and over records where the coder produced something, the share of
//! records whose gold type is among all produced types, per type; actor accuracy:
//! the top event's actors include a gold source (its `country`, or its sector for the
//! non-state codes `IGO`/`NGO`/`IMG`/`ISM`), its recipients a gold target. Old
//! non-ISO codes in the file are read as ISO (`JAP` → `JPN`, `ITL` → `ITA`, `VTN` →
//! `VNM`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::Value;
pub use warta_entities::EntityStage;
use warta_events::{Events, Input};
use warta_model::{Entity, Event, EventActor, Lang};

/// Errors of the PLOVER harness.
#[derive(Debug, thiserror::Error)]
pub enum PloverError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Cause.
        #[source]
        source: std::io::Error,
    },
    /// The file is not the expected JSON.
    #[error("invalid PLOVER records {path}: {message}")]
    Format {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

/// A gold actor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GoldActor {
    /// As printed in the sentence.
    pub text: String,
    /// ISO 3166 alpha-3 (old codes normalised) or `IGO`, `NGO`, `IMG`, `ISM`.
    pub code: String,
    /// PLOVER/CAMEO sector, if given.
    pub sector: Option<String>,
}

/// One gold record.
#[derive(Debug, Clone, Serialize)]
pub struct PloverRecord {
    /// Record id ("PLOVER-GSR01-AGREE-0001").
    pub id: String,
    /// The event type, mapped to the current PLOVER types.
    pub event: String,
    /// The type as the file writes it (DEMAND, DISAPPROVE, …).
    pub original: String,
    /// The sentence.
    pub text: String,
    /// The words the coders marked as naming the event (`eventText`: "agreed
    /// cooperate"), for listing the triggers the lexicon lacks.
    pub event_text: String,
    /// The record date (all 2000-01-01 in the file).
    pub date: Option<NaiveDate>,
    /// Source actors.
    pub sources: Vec<GoldActor>,
    /// Target actors (empty when none).
    pub targets: Vec<GoldActor>,
}

/// Current PLOVER type for a label of the file.
pub fn map_label(old: &str) -> &str {
    match old {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        other => other,
    }
}

/// Non-state actor codes, matched by sector rather than country.
const NON_STATE: &[&str] = &["IGO", "NGO", "IMG", "ISM", "MNC", "UNO", "EUR"];

/// ISO 3166 alpha-3 for the file's old codes.
pub fn normalise_code(code: &str) -> String {
    match code.trim() {
        "JAP" => "JPN".into(),
        "ITL" => "ITA".into(),
        "VTN" => "VNM".into(),
        c => c.to_uppercase(),
    }
}

fn actors_of(v: Option<&Value>) -> Vec<GoldActor> {
    let Some(Value::Array(list)) = v else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|a| {
            let code = a.get("code")?.as_str()?;
            Some(GoldActor {
                text: a
                    .get("actorText")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string(),
                code: normalise_code(code),
                sector: a.get("sector").and_then(Value::as_str).map(str::to_string),
            })
        })
        .collect()
}

/// Parse the file's text (a JSON array of records).
pub fn parse(text: &str) -> Result<Vec<PloverRecord>, String> {
    let v: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let Value::Array(items) = v else {
        return Err("expected a JSON array of records".into());
    };
    let mut out = Vec::new();
    for (i, r) in items.iter().enumerate() {
        let event = r
            .get("event")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("record {i}: no `event`"))?;
        if event == "DOCUMENT" {
            continue;
        }
        let text = r
            .get("text")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("record {i}: no `text`"))?;
        out.push(PloverRecord {
            id: r
                .get("id")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string(),
            event: map_label(event).to_string(),
            original: event.to_string(),
            text: text.to_string(),
            event_text: r
                .get("eventText")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string(),
            date: r
                .get("date")
                .and_then(Value::as_str)
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
            sources: actors_of(r.get("source")),
            targets: actors_of(r.get("target")),
        });
    }
    Ok(out)
}

/// Load the records file.
pub fn load(path: &Path) -> Result<Vec<PloverRecord>, PloverError> {
    let text = std::fs::read_to_string(path).map_err(|source| PloverError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse(&text).map_err(|message| PloverError::Format {
        path: path.to_path_buf(),
        message,
    })
}

/// The records of a split ([`crate::petrarch::Split`]) by their position in the list
/// [`parse`] returns (file order; the one `DOCUMENT` record, first in the file, is not
/// in that list): dev the even positions, test the odd ones.
pub fn split(records: &[PloverRecord], split: crate::petrarch::Split) -> Vec<PloverRecord> {
    records
        .iter()
        .enumerate()
        .filter(|(i, _)| split.keeps(*i))
        .map(|(_, r)| r.clone())
        .collect()
}

/// Whether a produced actor is the gold actor `g`.
pub fn actor_matches(g: &GoldActor, a: &EventActor) -> bool {
    if NON_STATE.contains(&g.code.as_str()) {
        return a.sector.as_deref() == Some(g.code.as_str())
            || a.kb_id.as_deref() == Some(g.code.as_str());
    }
    a.country.as_deref() == Some(g.code.as_str()) || a.kb_id.as_deref() == Some(g.code.as_str())
}

/// Whether an entity of the entity stage is the gold actor `g`.
fn entity_matches(g: &GoldActor, e: &Entity) -> bool {
    if NON_STATE.contains(&g.code.as_str()) {
        return e.sector.as_deref() == Some(g.code.as_str());
    }
    e.country.as_deref() == Some(g.code.as_str()) || e.kb_id.as_deref() == Some(g.code.as_str())
}

/// The top event: highest confidence, then first.
pub fn top_event(events: &[Event]) -> Option<&Event> {
    let mut best: Option<&Event> = None;
    for e in events {
        if best.is_none_or(|b| e.confidence > b.confidence) {
            best = Some(e);
        }
    }
    best
}

/// The outcome of one record.
#[derive(Debug, Clone, Serialize)]
pub struct PloverResult {
    /// Record id.
    pub id: String,
    /// Gold type (mapped).
    pub gold: String,
    /// Top event's type and CAMEO code, if any.
    pub predicted: Option<(String, String)>,
    /// Every produced type.
    pub all_types: Vec<String>,
    /// Top event type right.
    pub type_ok: bool,
    /// Gold type among the produced ones.
    pub type_any: bool,
    /// Gold source present (`None` when the record has none).
    pub source_ok: Option<bool>,
    /// Gold target present (`None` when the record has none).
    pub target_ok: Option<bool>,
    /// Some gold source is among the entity stage's entities.
    pub source_found: Option<bool>,
    /// Some gold target is among the entity stage's entities.
    pub target_found: Option<bool>,
    /// Top event's actors and recipients as `country/sector:text`.
    pub roles: (Vec<String>, Vec<String>),
    /// The sentence.
    pub text: String,
}

/// Counts for one gold type (or all).
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct TypeTally {
    /// Records.
    pub records: usize,
    /// Records with at least one event.
    pub coded: usize,
    /// Top event of the right type.
    pub correct: usize,
    /// Right type among the produced.
    pub any: usize,
    /// Records with a gold source / whose top event has it.
    pub sources: usize,
    /// … top event has a gold source among its actors.
    pub source_ok: usize,
    /// … coded records with a gold source.
    pub sources_coded: usize,
    /// Records with a gold target.
    pub targets: usize,
    /// … top event has a gold target among its recipients.
    pub target_ok: usize,
    /// … coded records with a gold target.
    pub targets_coded: usize,
    /// Gold source found by the entity stage at all.
    pub source_found: usize,
    /// Gold target found by the entity stage at all.
    pub target_found: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

impl TypeTally {
    fn add(&mut self, r: &PloverResult) {
        self.records += 1;
        let coded = r.predicted.is_some();
        self.coded += usize::from(coded);
        self.correct += usize::from(r.type_ok);
        self.any += usize::from(r.type_any);
        if let Some(ok) = r.source_ok {
            self.sources += 1;
            self.source_ok += usize::from(ok);
            self.sources_coded += usize::from(coded);
        }
        if let Some(ok) = r.target_ok {
            self.targets += 1;
            self.target_ok += usize::from(ok);
            self.targets_coded += usize::from(coded);
        }
        self.source_found += usize::from(r.source_found == Some(true));
        self.target_found += usize::from(r.target_found == Some(true));
    }

    /// Top-event type accuracy over all records.
    pub fn accuracy(&self) -> f64 {
        ratio(self.correct, self.records)
    }

    /// … over records with an event.
    pub fn accuracy_coded(&self) -> f64 {
        ratio(self.correct, self.coded)
    }

    /// Gold type among the produced.
    pub fn any_rate(&self) -> f64 {
        ratio(self.any, self.records)
    }

    /// Source accuracy over records with a gold source.
    pub fn source_accuracy(&self) -> f64 {
        ratio(self.source_ok, self.sources)
    }

    /// … over those also coded.
    pub fn source_accuracy_coded(&self) -> f64 {
        ratio(self.source_ok, self.sources_coded)
    }

    /// Target accuracy over records with a gold target.
    pub fn target_accuracy(&self) -> f64 {
        ratio(self.target_ok, self.targets)
    }

    /// … over those also coded.
    pub fn target_accuracy_coded(&self) -> f64 {
        ratio(self.target_ok, self.targets_coded)
    }
}

/// The outcome of a run.
#[derive(Debug, Clone, Serialize)]
pub struct PloverReport {
    /// Every record.
    pub results: Vec<PloverResult>,
    /// Per gold type.
    pub by_type: BTreeMap<String, TypeTally>,
    /// Overall.
    pub total: TypeTally,
    /// (gold, predicted) → count, for records whose top event has the wrong type
    /// ("-" when nothing was coded).
    pub confusions: BTreeMap<String, usize>,
    /// First words of the gold `eventText` of records whose gold type was not produced
    /// at all, with their gold type, most frequent first: the English triggers whose
    /// absence costs the most.
    pub missed_triggers: Vec<(String, usize)>,
}

fn role(a: &EventActor) -> String {
    format!(
        "{}/{}:{}",
        a.country.as_deref().unwrap_or("-"),
        a.sector.as_deref().unwrap_or("-"),
        a.text
    )
}

/// Code one record: entities from the entity stage, then events.
pub fn code_record(
    stage: &EntityStage,
    events: &Events,
    r: &PloverRecord,
) -> (Vec<Entity>, Vec<Event>) {
    let date = r
        .date
        .or_else(|| NaiveDate::from_ymd_opt(2000, 1, 1))
        .unwrap_or_default();
    let entities = stage.find_in(&r.text, date);
    let found = events.code(&Input {
        text: &r.text,
        lang: Lang::En,
        entities: &entities,
        quotes: &[],
        published: Some(date),
    });
    let found = found.into_iter().filter(|e| e.same_as.is_none()).collect();
    (entities, found)
}

/// Score one record.
pub fn score_record(r: &PloverRecord, entities: &[Entity], found: &[Event]) -> PloverResult {
    let top = top_event(found);
    let has = |gold: &[GoldActor], list: &[EventActor]| {
        gold.iter()
            .any(|g| list.iter().any(|a| actor_matches(g, a)))
    };
    let found_by_stage = |gold: &[GoldActor]| {
        gold.iter()
            .any(|g| entities.iter().any(|e| entity_matches(g, e)))
    };
    let mut all_types: Vec<String> = found.iter().map(|e| e.event_type.clone()).collect();
    all_types.dedup();
    PloverResult {
        id: r.id.clone(),
        gold: r.event.clone(),
        predicted: top.map(|e| (e.event_type.clone(), e.cameo.clone())),
        all_types,
        type_ok: top.is_some_and(|e| e.event_type == r.event),
        type_any: found.iter().any(|e| e.event_type == r.event),
        source_ok: (!r.sources.is_empty()).then(|| top.is_some_and(|e| has(&r.sources, &e.actors))),
        target_ok: (!r.targets.is_empty())
            .then(|| top.is_some_and(|e| has(&r.targets, &e.recipients))),
        source_found: (!r.sources.is_empty()).then(|| found_by_stage(&r.sources)),
        target_found: (!r.targets.is_empty()).then(|| found_by_stage(&r.targets)),
        roles: top
            .map(|e| {
                (
                    e.actors.iter().map(role).collect(),
                    e.recipients.iter().map(role).collect(),
                )
            })
            .unwrap_or_default(),
        text: r.text.clone(),
    }
}

/// Run every record.
pub fn run(stage: &EntityStage, events: &Events, records: &[PloverRecord]) -> PloverReport {
    let mut results = Vec::new();
    let mut by_type: BTreeMap<String, TypeTally> = BTreeMap::new();
    let mut total = TypeTally::default();
    let mut confusions: BTreeMap<String, usize> = BTreeMap::new();
    let mut missed: BTreeMap<String, usize> = BTreeMap::new();
    for r in records {
        let (entities, found) = code_record(stage, events, r);
        let res = score_record(r, &entities, &found);
        by_type.entry(r.event.clone()).or_default().add(&res);
        total.add(&res);
        if !res.type_ok {
            let p = res
                .predicted
                .as_ref()
                .map(|(t, _)| t.as_str())
                .unwrap_or("-");
            *confusions
                .entry(format!("{} -> {p}", res.gold))
                .or_default() += 1;
        }
        if !res.type_any
            && let Some(w) = r.event_text.split_whitespace().next()
        {
            *missed
                .entry(format!("{} ({})", w.to_lowercase(), r.event))
                .or_default() += 1;
        }
        results.push(res);
    }
    let mut missed_triggers: Vec<(String, usize)> = missed.into_iter().collect();
    missed_triggers.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    PloverReport {
        results,
        by_type,
        total,
        confusions,
        missed_triggers,
    }
}
