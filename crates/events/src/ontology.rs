//! The ontology: CAMEO codes (name, Goldstein score, QuadClass) and their PLOVER type,
//! mode and contexts.
//!
//! Read from `data/events/`: the generated tables `cameo.tsv`, `cameo-plover.tsv` and
//! `plover.tsv` (see [`crate::generate`]), then warta's own decisions in `coding.toml`
//! (departures from the 2021 CAMEO→PLOVER table, context aliases, how future events are
//! coded). The result is validated: every PLOVER type and mode used must be in the
//! codebook, every context in the context list, so a data edit cannot invent a label.

use std::collections::HashMap;

use serde::Deserialize;
use warta_langdata::DataDir;

use crate::EventError;

/// Files of the ontology, relative to the data folder.
pub const CAMEO_FILE: &str = "events/cameo.tsv";
/// CAMEO → PLOVER table.
pub const CAMEO_PLOVER_FILE: &str = "events/cameo-plover.tsv";
/// PLOVER types and modes.
pub const PLOVER_FILE: &str = "events/plover.tsv";
/// warta's coding decisions.
pub const CODING_FILE: &str = "events/coding.toml";

/// One CAMEO code with everything the output needs.
#[derive(Debug, Clone, PartialEq)]
pub struct CameoCode {
    /// The code with its leading zero ("042").
    pub code: String,
    /// Its CAMEO name ("Make a visit").
    pub name: String,
    /// Goldstein score (−10..+10).
    pub goldstein: f32,
    /// QuadClass of the root (0–4).
    pub quad_class: u8,
    /// PLOVER event type ("CONSULT"), if the code has one (statements, CAMEO 01, do not).
    pub event_type: Option<String>,
    /// PLOVER mode ("visit"), if any.
    pub mode: Option<String>,
    /// PLOVER contexts.
    pub context: Vec<String>,
}

/// A PLOVER event type with its definition and modes.
#[derive(Debug, Clone, PartialEq)]
pub struct PloverType {
    /// "CONSULT".
    pub name: String,
    /// The codebook's definition.
    pub definition: String,
    /// `(mode, definition)` pairs.
    pub modes: Vec<(String, String)>,
}

/// The loaded ontology.
#[derive(Debug, Clone)]
pub struct Ontology {
    codes: HashMap<String, CameoCode>,
    types: Vec<PloverType>,
    contexts: Vec<String>,
    future_code: HashMap<String, String>,
    future_type: HashMap<String, String>,
    negated_code: HashMap<String, String>,
    embedding: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CodingFile {
    contexts: Vec<String>,
    #[serde(default)]
    context_aliases: HashMap<String, String>,
    #[serde(default, rename = "override")]
    overrides: Vec<Override>,
    #[serde(default)]
    future: FutureRules,
    #[serde(default)]
    negated: HashMap<String, String>,
    #[serde(default)]
    embedding: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Override {
    /// A code, or a prefix ending in `*` ("021*": 021 and its sub-codes).
    cameo: String,
    #[serde(rename = "type")]
    event_type: String,
    #[serde(default)]
    mode: Option<String>,
    #[serde(default)]
    context: Option<Vec<String>>,
    #[allow(dead_code)]
    why: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FutureRules {
    /// PLOVER type → CAMEO code a future event of that type is coded as.
    #[serde(default)]
    by_type: HashMap<String, String>,
    /// CAMEO code → CAMEO code, before `by_type`.
    #[serde(default)]
    by_code: HashMap<String, String>,
}

fn invalid(path: &str, message: impl Into<String>) -> EventError {
    EventError::Invalid {
        path: path.to_string(),
        message: message.into(),
    }
}

/// Data lines of a TSV file: comments (`#`) and the header skipped, split on tabs.
fn tsv_rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .skip(1)
        .map(|(n, l)| (n + 1, l.split('\t').map(str::trim).collect()))
}

impl Ontology {
    /// Load and validate the four files.
    pub fn load(data: &DataDir) -> Result<Ontology, EventError> {
        let mut codes: HashMap<String, CameoCode> = HashMap::new();
        for (n, row) in tsv_rows(&data.read(CAMEO_FILE)?) {
            let [code, name, gold, quad] = row[..] else {
                return Err(invalid(CAMEO_FILE, format!("line {n}: expected 4 columns")));
            };
            let goldstein = gold
                .parse()
                .map_err(|_| invalid(CAMEO_FILE, format!("line {n}: bad goldstein")))?;
            let quad_class = quad
                .parse()
                .map_err(|_| invalid(CAMEO_FILE, format!("line {n}: bad quad_class")))?;
            codes.insert(
                code.to_string(),
                CameoCode {
                    code: code.to_string(),
                    name: name.to_string(),
                    goldstein,
                    quad_class,
                    event_type: None,
                    mode: None,
                    context: Vec::new(),
                },
            );
        }
        let mut types: Vec<PloverType> = Vec::new();
        for (n, row) in tsv_rows(&data.read(PLOVER_FILE)?) {
            let [ty, mode, def] = row[..] else {
                return Err(invalid(
                    PLOVER_FILE,
                    format!("line {n}: expected 3 columns"),
                ));
            };
            if mode.is_empty() {
                types.push(PloverType {
                    name: ty.to_string(),
                    definition: def.to_string(),
                    modes: Vec::new(),
                });
            } else if let Some(t) = types.iter_mut().find(|t| t.name == ty) {
                t.modes.push((mode.to_string(), def.to_string()));
            } else {
                return Err(invalid(
                    PLOVER_FILE,
                    format!("line {n}: mode before its type {ty}"),
                ));
            }
        }
        let coding: CodingFile = toml::from_str(&data.read(CODING_FILE)?)
            .map_err(|e| invalid(CODING_FILE, e.to_string()))?;
        let alias = |c: &str| -> String {
            coding
                .context_aliases
                .get(c)
                .cloned()
                .unwrap_or_else(|| c.to_string())
        };
        for (n, row) in tsv_rows(&data.read(CAMEO_PLOVER_FILE)?) {
            let [code, ty, mode, context, _name] = row[..] else {
                return Err(invalid(
                    CAMEO_PLOVER_FILE,
                    format!("line {n}: expected 5 columns"),
                ));
            };
            // The table lists one code the ICEWS codebook lacks (1214); it is not coded.
            if let Some(c) = codes.get_mut(code) {
                c.event_type = Some(ty.to_string());
                c.mode = (!mode.is_empty()).then(|| mode.to_string());
                c.context = context
                    .split(';')
                    .filter(|s| !s.is_empty())
                    .map(alias)
                    .collect();
            }
        }
        for o in &coding.overrides {
            let hits: Vec<String> = match o.cameo.strip_suffix('*') {
                Some(prefix) => codes
                    .keys()
                    .filter(|k| k.starts_with(prefix) && k.len() > 2)
                    .cloned()
                    .collect(),
                None => vec![o.cameo.clone()],
            };
            if hits.is_empty() {
                return Err(invalid(
                    CODING_FILE,
                    format!("override {}: no such code", o.cameo),
                ));
            }
            for k in hits {
                let c = codes.get_mut(&k).ok_or_else(|| {
                    invalid(CODING_FILE, format!("override {}: no such code", o.cameo))
                })?;
                c.event_type = Some(o.event_type.clone());
                c.mode = o.mode.clone().filter(|m| !m.is_empty());
                if let Some(ctx) = &o.context {
                    c.context = ctx.iter().map(|s| alias(s)).collect();
                }
            }
        }
        let onto = Ontology {
            codes,
            types,
            contexts: coding.contexts,
            future_code: coding.future.by_code,
            future_type: coding.future.by_type,
            negated_code: coding.negated,
            embedding: coding.embedding,
        };
        onto.validate()?;
        Ok(onto)
    }

    /// Every type, mode and context used is declared; every rule points at a code.
    fn validate(&self) -> Result<(), EventError> {
        let mut problems = Vec::new();
        let mut sorted: Vec<&CameoCode> = self.codes.values().collect();
        sorted.sort_by(|a, b| a.code.cmp(&b.code));
        for c in sorted {
            let Some(ty) = &c.event_type else { continue };
            match self.plover_type(ty) {
                None => problems.push(format!("{}: unknown PLOVER type {ty}", c.code)),
                Some(t) => {
                    if let Some(m) = &c.mode
                        && !t.modes.iter().any(|(name, _)| name == m)
                    {
                        problems.push(format!("{}: {ty} has no mode `{m}`", c.code));
                    }
                }
            }
            for ctx in &c.context {
                if !self.contexts.contains(ctx) {
                    problems.push(format!("{}: unknown context `{ctx}`", c.code));
                }
            }
        }
        for (from, to) in self.future_code.iter().chain(&self.negated_code) {
            for code in [from, to] {
                if !self.codes.contains_key(code) {
                    problems.push(format!("rule {from} → {to}: no code {code}"));
                }
            }
        }
        for ty in &self.embedding {
            if self.plover_type(ty).is_none() {
                problems.push(format!("embedding: unknown type {ty}"));
            }
        }
        for (ty, to) in &self.future_type {
            if self.plover_type(ty).is_none() || !self.codes.contains_key(to) {
                problems.push(format!("future rule {ty} → {to}: unknown type or code"));
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            problems.sort();
            Err(invalid(CODING_FILE, problems.join("; ")))
        }
    }

    /// A CAMEO code ("042"), if known.
    pub fn cameo(&self, code: &str) -> Option<&CameoCode> {
        self.codes.get(code)
    }

    /// Number of CAMEO codes.
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// True when no code is loaded.
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }

    /// Every CAMEO code, in code order.
    pub fn codes(&self) -> Vec<&CameoCode> {
        let mut v: Vec<&CameoCode> = self.codes.values().collect();
        v.sort_by(|a, b| a.code.cmp(&b.code));
        v
    }

    /// A PLOVER type by name.
    pub fn plover_type(&self, name: &str) -> Option<&PloverType> {
        self.types.iter().find(|t| t.name == name)
    }

    /// The PLOVER types, in codebook order.
    pub fn types(&self) -> &[PloverType] {
        &self.types
    }

    /// The PLOVER contexts.
    pub fn contexts(&self) -> &[String] {
        &self.contexts
    }

    /// The code a future or intended event first coded as `code` gets ("042" → "036":
    /// a planned visit is an intent to meet), or `None` when it keeps its code (verbal
    /// events: a future accusation is still an accusation).
    pub fn future_code(&self, code: &str) -> Option<&str> {
        if let Some(c) = self.future_code.get(code) {
            return Some(c);
        }
        let ty = self.codes.get(code)?.event_type.as_deref()?;
        self.future_type.get(ty).map(String::as_str)
    }

    /// Whether an event of this type makes the events of its complement unreal: what
    /// is demanded, threatened, promised, refused or alleged has not (thereby) happened
    /// ("mendesak Rusia menarik pasukan": no withdrawal).
    pub fn embeds(&self, event_type: &str) -> bool {
        self.embedding.iter().any(|t| t == event_type)
    }

    /// The code a negated event is coded as where CAMEO has a negation ("tidak
    /// sepakat": reject), else `None` (the event is dropped).
    pub fn negated_code(&self, code: &str) -> Option<&str> {
        self.negated_code.get(code).map(String::as_str)
    }
}
