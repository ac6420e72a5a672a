//! What the event test files share: the stages a sentence goes through in the
//! pipeline, loaded once, and a one-paragraph article built from a sentence.

use std::sync::OnceLock;

use chrono::NaiveDate;
use warta_entities::EntityStage;
use warta_events::Events;
use warta_langdata::DataDir;
use warta_model::{Article, EventActor, Lang, PublishedDate, Resolution};
use warta_quotes::Quotes;

/// The entity, quote and event stages, loaded from the repository's data.
pub struct Stages {
    pub entities: EntityStage,
    pub quotes: Quotes,
    pub events: Events,
}

/// The stages, loaded on first use.
pub fn stages() -> &'static Stages {
    static S: OnceLock<Stages> = OnceLock::new();
    S.get_or_init(|| {
        let data = DataDir::locate(None);
        Stages {
            entities: EntityStage::load(&data).expect("entity stage loads"),
            quotes: Quotes::load(&data).expect("quote data loads"),
            events: Events::load(&data).expect("event data loads"),
        }
    })
}

/// An article of one paragraph in `lang`, published on `date`, with its entities and
/// quotations found as the pipeline finds them.
pub fn article(text: &str, lang: Lang, date: NaiveDate) -> Article {
    let s = stages();
    let mut a = Article::from_paragraphs("case".into(), "case", "text", &[text]);
    a.lang = lang;
    a.published = Some(PublishedDate {
        value: date.format("%Y-%m-%d").to_string(),
        text: String::new(),
        resolution: Resolution::Metadata,
    });
    a.entities = s.entities.find(&a, date);
    a.quotes = s.quotes.find(&a);
    a
}

/// The key an actor is scored by: its knowledge-base id, else its canonical name,
/// else the text.
pub fn key(a: &EventActor) -> String {
    a.kb_id
        .clone()
        .or_else(|| a.canonical.clone())
        .unwrap_or_else(|| a.text.clone())
}

/// The sorted, de-duplicated keys of a list of actors.
pub fn keys(v: &[EventActor]) -> Vec<String> {
    let mut k: Vec<String> = v.iter().map(key).collect();
    k.sort();
    k.dedup();
    k
}
