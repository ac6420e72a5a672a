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
    /// `title` ("Menlu China" on the article date), `title-list` (a country listed
    /// after a title: "Menlu Inggris, Prancis"), `pronoun`, `epithet`, `ner`
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

/// A coded political event: who did what to whom, when and where, in PLOVER terms
/// (type, mode, context) with the CAMEO code, Goldstein score and QuadClass beside it
/// so timelines can be laid next to GDELT and ICEWS. Shape documented in
/// `docs/schema.md` (section `events[]`); filled by the event stage (`warta-events`).
///
/// `start`/`end` span the clause or sentence the event was read from, `trigger` the
/// word or phrase that names it ("bertemu", "menjatuhkan sanksi"); both are char
/// offsets into [`crate::Article::text`], like every actor, date and place span.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// PLOVER event type: `AGREE`, `CONSULT`, `SUPPORT`, `CONCEDE`, `COOPERATE`, `AID`,
    /// `RETREAT`, `REQUEST`, `ACCUSE`, `REJECT`, `THREATEN`, `PROTEST`, `SANCTION`,
    /// `MOBILIZE`, `COERCE`, `ASSAULT`.
    #[serde(rename = "type")]
    pub event_type: String,
    /// PLOVER mode of the type (`visit`, `phone`, `disapprove`, `discontinue`, …), if any.
    pub mode: Option<String>,
    /// PLOVER contexts (`diplomatic`, `economic`, `military`, …), possibly empty.
    pub context: Vec<String>,
    /// CAMEO event code as a string with its leading zero ("042", "163", "1125").
    pub cameo: String,
    /// Goldstein conflict–cooperation score of the CAMEO code (−10..+10).
    pub goldstein: f32,
    /// QuadClass of the CAMEO root: 0 neutral (01–02), 1 verbal cooperation (03–05),
    /// 2 material cooperation (06–08), 3 verbal conflict (09–13, 16), 4 material
    /// conflict (14–15, 17–20).
    pub quad_class: u8,
    /// Who acted (a list: compound subjects, and both sides of a reciprocal event
    /// named together: "Lavrov dan Wang Yi bertemu").
    pub actors: Vec<EventActor>,
    /// Who it was done to or with ("X bertemu dengan Y": Y; "dijatuhi sanksi": the subject).
    pub recipients: Vec<EventActor>,
    /// True for symmetric event kinds (meetings, talks, calls, agreements with someone):
    /// the actor/recipient split then only follows the sentence, not who initiated.
    #[serde(default)]
    pub reciprocal: bool,
    /// When it happened, as printed in the clause (or in an earlier or later mention of
    /// the same event), resolved against the article date; `None` when the text gives
    /// no date for it (the article's `published` date is then the best guess).
    pub date: Option<EventDate>,
    /// Where it happened ("di Beijing", "ke Moskow" for visits), if stated.
    pub location: Option<EventLocation>,
    /// Whether the text asserts the event, announces it, supposes it or recalls it.
    pub modality: Modality,
    /// The word or phrase that names the event.
    pub trigger: Mention,
    /// Char offset of the first char of the clause or sentence read.
    pub start: usize,
    /// Char offset one past the last char of the clause or sentence read.
    pub end: usize,
    /// How sure the coder is, in `[0, 1]`.
    pub confidence: f32,
    /// Index (in the article's `events`) of the first mention of the same event
    /// (same type, actors and compatible recipients and dates), when this one repeats it.
    /// Count events with `same_as` absent to count each event once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub same_as: Option<usize>,
}

/// An actor taking part in an event: the mention it was read from and the actor it is
/// linked to (the same fields as an [`Entity`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventActor {
    /// The mention as printed ("Menteri Luar Negeri Rusia Sergei Lavrov", "ia", "Beijing").
    pub text: String,
    /// Char offset of the first char.
    pub start: usize,
    /// Char offset one past the last char.
    pub end: usize,
    /// Canonical name of the actor ("Sergey Lavrov", "China").
    pub canonical: Option<String>,
    /// Knowledge-base key ("sergey-lavrov", "CHN", "EU"), if linked.
    pub kb_id: Option<String>,
    /// ISO 3166 alpha-3 country the actor acts for.
    pub country: Option<String>,
    /// PLOVER sector (GOV, MIL, IGO, …), if known.
    pub sector: Option<String>,
}

/// When an event happened: the printed date and how it was resolved (the shape of
/// [`crate::PublishedDate`], plus where it is printed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDate {
    /// ISO 8601 day (`2024-04-09`), with a time when printed, or a range
    /// `2023-02-02/2023-02-03` ("pada 2 dan 3 Februari").
    pub value: String,
    /// The printed text ("pada hari Selasa", "2 dan 3 Februari").
    pub text: String,
    /// How `value` was obtained from `text` and the article date.
    pub resolution: crate::Resolution,
    /// Char offset of the first char of `text` in the article.
    pub start: usize,
    /// Char offset one past the last char of `text`.
    pub end: usize,
}

/// Where an event happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventLocation {
    /// The place as printed ("Bali", "Beijing", "Roma").
    pub text: String,
    /// Canonical name of the place, if linked.
    pub canonical: Option<String>,
    /// Knowledge-base key of the place ("IDN:bali", "CHN"), if linked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kb_id: Option<String>,
    /// ISO 3166 alpha-3 country of the place, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Char offset of the first char of `text`.
    pub start: usize,
    /// Char offset one past the last char of `text`.
    pub end: usize,
}

/// Whether the text asserts an event (PLOVER's auxiliary modes). Serialised in
/// snake_case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Reported as having happened (or happening).
    #[default]
    Asserted,
    /// Announced or intended ("akan bertemu", "berencana", "will"): a future meeting is
    /// coded as AGREE (CAMEO 036), not CONSULT.
    Future,
    /// Supposed ("jika", "seandainya", "if").
    Hypothetical,
    /// Recalled as background ("tahun lalu", "pernah", "last year"), with its own date.
    Background,
    /// Denied ("tidak", "belum", "not"). Only the lower-level coder returns these; the
    /// article-level finder leaves them out.
    Negated,
}

impl Modality {
    /// The snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Future => "future",
            Modality::Hypothetical => "hypothetical",
            Modality::Background => "background",
            Modality::Negated => "negated",
        }
    }
}
