//! The PETRARCH unit-test records (`PETR.UnitTest.records.xml`): one `<Sentence>` per
//! record with its date, id, category, text and gold `<EventCoding>` elements.
//!
//! The file is read with `quick-xml` rather than by pattern because it is real XML:
//! attributes are written `date = "…"` as often as `date="…"`, quoted in `'…'` when the
//! value holds `"` (new-actor codes such as `'"INJURY TOLL"'`), and the text has
//! entity references (`&amp;TIETYPE`). The UD-parsed variant
//! (`PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml`) has the same shape with the
//! category in a `source` attribute; it is read too.

use std::path::Path;

use chrono::NaiveDate;
use quick_xml::Reader;
use quick_xml::events::Event;

use super::PetrarchError;

/// A gold (source, target, CAMEO) triple, as the file writes it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct Triple {
    /// Source actor code ("ARN", "CALGOV", "---GOV", or a quoted new-actor text such
    /// as `"INJURY TOLL"`).
    pub source: String,
    /// Target actor code; `---` when the event has none.
    pub target: String,
    /// Event code ("064", "1717", "174K": the test dictionary's codes, not all CAMEO).
    pub code: String,
}

impl Triple {
    /// A triple from its three parts.
    pub fn new(source: &str, target: &str, code: &str) -> Triple {
        Triple {
            source: source.to_string(),
            target: target.to_string(),
            code: code.to_string(),
        }
    }
}

impl std::fmt::Display for Triple {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} {}", self.source, self.target, self.code)
    }
}

/// What one `<EventCoding>` element says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Coding {
    /// A gold event.
    Event(Triple),
    /// `noevents="True"`: the sentence must produce nothing.
    NoEvents,
    /// `error="…"` (`dateline`, `bad_input_parse`, `storydiscard`, `sentencediscard`):
    /// PETRARCH must reject the record; nothing may be coded.
    Error(String),
}

/// One unit-test record.
#[derive(Debug, Clone)]
pub struct Record {
    /// The record id ("DEMO-00"; ids repeat in the file: AGENTS-18, AGENTS-19).
    pub id: String,
    /// Position in the file (0-based), unique where ids are not.
    pub index: usize,
    /// Category (`DEMO`, `ACTOR`, `VERB`, `AGENT`, `COMPOUND`, `PARSING`, `PATTERN`,
    /// `DATE`, `MODIFY`, `SYNSET`, `ERROR`); the two records filed as `AGENTS` are read
    /// as `AGENT`, the one filed as `COMPOUNDx` as `COMPOUND`.
    pub category: String,
    /// The record date: actor codes with date restrictions are resolved on it.
    pub date: Option<NaiveDate>,
    /// The sentence, whitespace runs (the file's line breaks) collapsed to one space.
    pub text: String,
    /// The `<EventCoding>` elements, in file order.
    pub codings: Vec<Coding>,
}

impl Record {
    /// The distinct gold triples.
    pub fn gold(&self) -> Vec<Triple> {
        let mut out: Vec<Triple> = Vec::new();
        for c in &self.codings {
            if let Coding::Event(t) = c
                && !out.contains(t)
            {
                out.push(t.clone());
            }
        }
        out
    }

    /// The `error` kind, when the record must be rejected.
    pub fn error(&self) -> Option<&str> {
        self.codings.iter().find_map(|c| match c {
            Coding::Error(e) => Some(e.as_str()),
            _ => None,
        })
    }
}

/// Counts of what the file holds, for the report header and the parse tests.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FileCounts {
    /// `<Sentence>` records.
    pub records: usize,
    /// `<EventCoding>` elements (the "385 gold events" of the file's description).
    pub codings: usize,
    /// Of these, real (source, target, code) triples.
    pub triples: usize,
    /// `noevents="True"` markers.
    pub no_events: usize,
    /// `error="…"` markers.
    pub errors: usize,
}

/// Count what `records` hold.
pub fn counts(records: &[Record]) -> FileCounts {
    let mut c = FileCounts {
        records: records.len(),
        ..FileCounts::default()
    };
    for r in records {
        for k in &r.codings {
            c.codings += 1;
            match k {
                Coding::Event(_) => c.triples += 1,
                Coding::NoEvents => c.no_events += 1,
                Coding::Error(_) => c.errors += 1,
            }
        }
    }
    c
}

/// Read a records file.
pub fn load(path: &Path) -> Result<Vec<Record>, PetrarchError> {
    let text = std::fs::read_to_string(path).map_err(|source| PetrarchError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse(&text).map_err(|message| PetrarchError::Records {
        path: path.to_path_buf(),
        message,
    })
}

/// A record being read.
#[derive(Default)]
struct Partial {
    id: String,
    category: String,
    date: Option<NaiveDate>,
    text: String,
    codings: Vec<Coding>,
}

/// Parse the text of a records file. Errors name the byte offset.
pub fn parse(xml: &str) -> Result<Vec<Record>, String> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut current: Option<Partial> = None;
    let mut in_text = false;
    loop {
        let pos = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|e| format!("at byte {pos}: {e}"))?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let is_start = matches!(event, Event::Start(_));
                let name = e.name();
                let attrs = attributes(e).map_err(|m| format!("at byte {pos}: {m}"))?;
                let get = |k: &str| {
                    attrs
                        .iter()
                        .find(|(key, _)| key == k)
                        .map(|(_, v)| v.as_str())
                };
                match name.as_ref() {
                    "Sentence" => {
                        let category = get("category").or_else(|| get("source")).unwrap_or("");
                        // Two records are filed as `AGENTS` and one as `COMPOUNDx`; PETRARCH's
                        // `<Include>` list would skip them, but their gold is sound, so
                        // they are scored with their intended category.
                        let category = match category.trim() {
                            "AGENTS" => "AGENT".to_string(),
                            "COMPOUNDx" => "COMPOUND".to_string(),
                            c => c.to_string(),
                        };
                        current = Some(Partial {
                            id: get("id").unwrap_or("").trim().to_string(),
                            category,
                            date: get("date").and_then(parse_date),
                            ..Partial::default()
                        });
                    }
                    "EventCoding" => {
                        let Some(p) = current.as_mut() else {
                            return Err(format!("at byte {pos}: <EventCoding> outside <Sentence>"));
                        };
                        let coding = if let Some(err) = get("error") {
                            Coding::Error(err.trim().to_string())
                        } else if get("noevents").is_some_and(|v| v.trim() == "True") {
                            Coding::NoEvents
                        } else {
                            let part = |k: &str| get(k).map(str::trim).unwrap_or("---");
                            Coding::Event(Triple::new(
                                part("sourcecode"),
                                part("targetcode"),
                                part("eventcode"),
                            ))
                        };
                        p.codings.push(coding);
                    }
                    "Text" => in_text = is_start,
                    _ => {}
                }
            }
            Event::End(e) => match e.name().as_ref() {
                "Sentence" => {
                    if let Some(p) = current.take() {
                        let index = out.len();
                        out.push(Record {
                            id: p.id,
                            index,
                            category: p.category,
                            date: p.date,
                            text: p.text.split_whitespace().collect::<Vec<_>>().join(" "),
                            codings: p.codings,
                        });
                    }
                }
                "Text" => in_text = false,
                _ => {}
            },
            Event::Text(t) if in_text => {
                if let Some(p) = current.as_mut() {
                    p.text.push_str(&t.xml10_content());
                }
            }
            Event::CData(t) if in_text => {
                if let Some(p) = current.as_mut() {
                    p.text.push_str(&t.into_inner());
                }
            }
            Event::GeneralRef(r) if in_text => {
                if let Some(p) = current.as_mut() {
                    let name = r.xml10_content();
                    let ch = match name.as_ref() {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => r.resolve_char_ref().ok().flatten(),
                    };
                    match ch {
                        Some(c) => p.text.push(c),
                        None => {
                            p.text.push('&');
                            p.text.push_str(&name);
                            p.text.push(';');
                        }
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// The attributes of an element as (name, unescaped value) pairs.
fn attributes(e: &quick_xml::events::BytesStart<'_>) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|e| e.to_string())?;
        let key = a.key.as_ref().to_string();
        let value = a
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|e| e.to_string())?
            .into_owned();
        out.push((key, value));
    }
    Ok(out)
}

/// `19950101` → 1995-01-01.
fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y%m%d").ok()
}
