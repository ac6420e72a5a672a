//! The document model shared by every warta stage.
//!
//! An [`Article`] is what `warta analyze` writes, one JSON object per line. Its clean
//! [`Article::text`] is the one string that gets stored; every later fact (paragraph,
//! entity, quote, event) points into it with a [`Span`] counted in **Unicode scalar
//! values** (Rust `char`s, Python `str` indices), never bytes, so that tools in any
//! language can slice the text without re-encoding. [`CharIndex`] converts to byte
//! offsets for Rust code.
//!
//! The JSON shape is versioned by [`SCHEMA`] and documented field by field in
//! `docs/schema.md`; changing a field name is a breaking change of the public contract.

mod article;
mod facts;
mod id;
mod span;

pub use article::{Article, Author, Lang, PublishedDate, Removed, RemovedClass, Resolution, Wire};
pub use facts::{
    Channel, Entity, Event, EventActor, EventDate, EventLocation, Mention, Modality, Quote,
    Speaker, SpeakerKind,
};
pub use id::{article_id, normalise_for_id};
pub use span::{CharIndex, Span};

/// The schema tag written in every record's `schema` field.
pub const SCHEMA: &str = "warta/1";
