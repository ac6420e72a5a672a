//! Facts that later stages attach to an article: entities, quotes, events.
//!
//! `warta analyze` writes these arrays empty until the entity, quote and event
//! stages exist; the types are here so every stage shares one definition. Each
//! fact carries `start`/`end` char offsets into [`crate::Article::text`].

use crate::Span;
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
    /// For countries and cities: `actor` (a state acting: "Rusia menuduh…",
    /// "Beijing menolak…") or `place` (where something happens: "di Bali",
    /// "ke Moskow"). Absent for persons and organisations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// How the mention was linked: `name`, `alias`, `demonym`, `metonym`, `surname`,
    /// `title` ("Menlu China" on the article date), `pronoun`, `epithet`, `ner`
    /// (found by the tagger, not in the knowledge base).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub how: Option<String>,
}

/// A quotation: words in quotation marks (`direct`) or reported speech (`X mengatakan
/// bahwa …`, `X said that …`), with who said it and the channels it came through.
///
/// `text` is exactly `Article::text[start..end]` (char offsets): for a direct quote
/// the content between the marks (the outer marks and a trailing attribution comma
/// excluded), for indirect speech the reported clause. A quotation continued over
/// several paragraphs keeps the paragraph breaks and re-opening marks inside `text`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words (direct) or the reported clause (indirect).
    pub text: String,
    /// Char offset of the first char of `text`.
    pub start: usize,
    /// Char offset one past the last char of `text`.
    pub end: usize,
    /// True for words in quotation marks, false for reported (indirect) speech.
    pub direct: bool,
    /// Who said it; `None` when no attribution was found.
    pub speaker: Option<Speaker>,
    /// The attribution verb or phrase as printed ("kata", "ujarnya", "mengatakan",
    /// "Menurut", "said"); `None` for a quotation attributed only by context.
    pub cue: Option<String>,
    /// Where `cue` is printed.
    pub cue_span: Option<Span>,
    /// Relay chain, from the speaker outwards: `via[0]` recorded the speaker, each
    /// next one relayed the previous (the article's own outlet comes after the last).
    pub via: Vec<Channel>,
}

/// The speaker of a quotation as printed in the attribution, with what the text says
/// about them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// The name or description as printed ("Sergei Lavrov", "Menlu China", "seorang
    /// pejabat senior AS"). For a pronoun resolved in context ("ujarnya", "he said")
    /// this is the antecedent's mention and `anaphor` holds the pronoun.
    pub text: String,
    /// Char offset of the first char of `text`.
    pub start: usize,
    /// Char offset one past the last char of `text`.
    pub end: usize,
    /// Canonical name of the linked actor (from the entity stage), if any.
    pub canonical: Option<String>,
    /// Knowledge-base key of the linked actor, if any.
    pub kb_id: Option<String>,
    /// What kind of reference `text` is.
    pub kind: SpeakerKind,
    /// True for unnamed sources ("seorang pejabat senior AS", "US officials").
    pub anonymous: bool,
    /// True when the speaker is a group ("para pejabat AS", "officials", "mereka").
    pub plural: bool,
    /// ISO 3166 alpha-3 country named in the description or of the linked actor.
    pub country: Option<String>,
    /// PLOVER sector of the linked actor (from the entity stage), if any.
    pub sector: Option<String>,
    /// Role named in the description ("official", "foreign_minister", "analyst").
    pub role: Option<String>,
    /// The pronoun this speaker was resolved from ("nya" in "ujarnya", "he").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anaphor: Option<Mention>,
    /// For a description ("diplomat tertinggi tersebut", "Menlu China"): the person
    /// named earlier it most likely refers to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refers_to: Option<Mention>,
}

/// How a speaker is referred to. Serialised in snake_case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerKind {
    /// A proper name ("Sergei Lavrov", "Gedung Putih", "China").
    Name,
    /// A definite description or title ("Menlu China", "diplomat tertinggi tersebut").
    Description,
    /// An unnamed source ("seorang pejabat senior AS", "para analis").
    Anonymous,
    /// A pronoun that could not be resolved ("mereka", "keduanya").
    Pronoun,
}

/// A piece of text: what was printed and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The text as printed.
    pub text: String,
    /// Char offset of the first char.
    pub start: usize,
    /// Char offset one past the last char.
    pub end: usize,
}

/// A channel a quotation was relayed through ("menurut kantor berita TASS").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Channel {
    /// Canonical agency or outlet name ("TASS", "RIA Novosti"), or the name as printed.
    pub name: String,
    /// The crediting phrase as printed.
    pub text: String,
    /// Char offset of the first char of `text`.
    pub start: usize,
    /// Char offset one past the last char of `text`.
    pub end: usize,
}

/// A coded political event. Shape defined by the event stage; kept open here.
pub type Event = serde_json::Value;
