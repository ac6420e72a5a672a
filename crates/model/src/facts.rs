//! Facts that later stages attach to an article: entities, quotes, events.
//!
//! `warta analyze` writes these arrays empty until the entity, quote and event
//! stages exist; the types are here so every stage shares one definition. Each
//! fact carries `start`/`end` char offsets into [`crate::Article::text`].

use serde::{Deserialize, Serialize};

/// An entity mention linked (when possible) to the actor knowledge base.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// The mention as printed.
    pub text: String,
    /// Char offset of the first char.
    pub start: usize,
    /// Char offset one past the last char.
    pub end: usize,
    /// `PER`, `ORG` or `LOC`.
    pub label: String,
    /// Canonical name of the linked actor, or a document-local name.
    pub canonical: Option<String>,
    /// Knowledge-base key or Wikidata QID.
    pub kb_id: Option<String>,
    /// ISO 3166 alpha-3 country of the actor.
    pub country: Option<String>,
    /// PLOVER sector code (GOV, MIL, …).
    pub sector: Option<String>,
    /// Linking confidence in `[0, 1]`.
    pub confidence: f32,
}

/// A quotation and its speaker. Shape defined by the quote stage; kept open here.
pub type Quote = serde_json::Value;

/// A coded political event. Shape defined by the event stage; kept open here.
pub type Event = serde_json::Value;
