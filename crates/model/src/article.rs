//! The article record: clean text, metadata and the facts later stages attach.

use crate::{Entity, Event, Quote, Span};
use serde::{Deserialize, Serialize};

/// One analysed article: the unit `warta analyze` writes as a JSON line.
///
/// Field names are a public contract read by outside tools; see `docs/schema.md`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id: see [`crate::article_id`]. The same article ingested twice gets the same id.
    pub id: String,
    /// Always [`crate::SCHEMA`] for records written by this version.
    pub schema: String,
    /// Where the article came from: a file path, `path#member`, or the record's URL.
    pub source: String,
    /// The page URL when known (WARC target URI, JSONL `url`, `<link rel=canonical>`, `og:url`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Byte offset of the record inside its container (WARC record start, JSONL line start).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
    /// Input format the text was extracted from: `text`, `html`.
    pub format: String,
    /// Language of the clean text.
    pub lang: Lang,
    /// Headline.
    pub title: Option<String>,
    /// Publication date and time, with the printed text it was read from.
    pub published: Option<PublishedDate>,
    /// Publishing outlet ("Republika", "EGINDO.co").
    pub outlet: Option<String>,
    /// Dateline city ("SHANGHAI" in "REPUBLIKA.CO.ID, SHANGHAI --").
    pub dateline: Option<String>,
    /// People credited for the article, with their role.
    pub authors: Vec<Author>,
    /// News agencies credited as the source of the story.
    pub wires: Vec<Wire>,
    /// The clean article body: paragraphs joined by `"\n\n"`. Every span points into it.
    pub text: String,
    /// One span per paragraph of `text`.
    pub paragraphs: Vec<Span>,
    /// Lines or blocks that were dropped from the body, with why, so users can audit.
    pub removed: Vec<Removed>,
    /// Entity mentions (filled by the entity stage).
    pub entities: Vec<Entity>,
    /// Quotations (filled by the quote stage).
    pub quotes: Vec<Quote>,
    /// Coded events (filled by the event stage).
    pub events: Vec<Event>,
}

/// Language of an article. Malay is not Indonesian: the two are told apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Indonesian (`id`).
    Id,
    /// Malay (`ms`).
    Ms,
    /// English (`en`).
    En,
    /// Anything else, or too little text to tell.
    #[default]
    Other,
}

impl Lang {
    /// The ISO 639-1 code (`"other"` for [`Lang::Other`]); also the data folder name.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::Ms => "ms",
            Lang::En => "en",
            Lang::Other => "other",
        }
    }

    /// Parse an ISO 639-1 code or a BCP 47 tag such as `id-ID`, `en_US`, `ms-MY`.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "id" | "in" | "ind" => Lang::Id,
            "ms" | "msa" | "zsm" | "may" => Lang::Ms,
            "en" | "eng" => Lang::En,
            _ => Lang::Other,
        }
    }
}

/// A resolved date with the text it came from and how it was resolved.
///
/// The same shape is used for event dates later, so a user can always see whether a
/// date was printed in full or inferred.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedDate {
    /// ISO 8601: `2023-02-04T15:34:00+07:00` when a time is known, else `2023-02-04`.
    pub value: String,
    /// The printed text it was read from ("Sabtu 04 Feb 2023 15:34 WIB").
    pub text: String,
    /// How the value was obtained.
    pub resolution: Resolution,
}

/// How a date value was obtained from its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Resolution {
    /// Day, month and year were all printed.
    Explicit,
    /// Computed from a reference date ("kemarin", "pekan lalu", "pada hari Senin").
    Relative,
    /// Year inferred from a printed weekday ("Selasa (9 April)").
    WeekdayInferred,
    /// Year taken from the reference date with no weekday to check it.
    YearInferred,
    /// Read from machine metadata (JSON-LD, `<meta>`, `<time datetime>`, JSONL field).
    Metadata,
}

/// A credited person and what they did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Author {
    /// The name as printed, whitespace-normalised.
    pub name: String,
    /// `reporter`, `editor`, `writer`, `author`, `photographer`, `translator`, …
    pub role: String,
}

/// A news agency credited for the story, and the words that credit it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wire {
    /// Canonical agency name ("Reuters", "TASS", "CNA").
    pub name: String,
    /// The crediting text as printed ("sumber : Reuters", "menurut kantor berita TASS").
    pub text: String,
}

/// A line or block dropped from the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    /// The dropped text.
    pub text: String,
    /// Why it was dropped.
    pub class: RemovedClass,
}

/// Why a line was not kept in the body. Serialised in snake_case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovedClass {
    /// "Baca Juga: …", "Read also", related-article links.
    Related,
    /// Comment forms and comment sections.
    Comments,
    /// Advertisement labels and sponsor lines.
    Ad,
    /// Navigation: "Berita Lainnya", "Terpopuler", "Scroll to Top", list numbering.
    Navigation,
    /// Sharing and follow prompts: "Bagikan", "Temukan berita … di Google News".
    Share,
    /// Site chrome: site names, logo alt texts, rubric labels.
    SiteChrome,
    /// Photo credits and captions ("Foto: …").
    PhotoCredit,
    /// A repeat of a line already kept (title, lede or caption printed again).
    Duplicate,
    /// The headline, moved to `title`.
    Title,
    /// Byline or editor line, moved to `authors`.
    Byline,
    /// A printed date line, moved to `published`.
    Date,
    /// A dateline prefix ("REPUBLIKA.CO.ID, SHANGHAI --"), moved to `outlet` and `dateline`.
    Dateline,
    /// A wire credit line ("sumber : Reuters"), moved to `wires`.
    Source,
    /// Markup left in a text dump that carried no text.
    Markup,
    /// Anything else judged not to be article text.
    Boilerplate,
}

impl RemovedClass {
    /// The snake_case name used in JSON and in the data files.
    pub fn as_str(self) -> &'static str {
        match self {
            RemovedClass::Related => "related",
            RemovedClass::Comments => "comments",
            RemovedClass::Ad => "ad",
            RemovedClass::Navigation => "navigation",
            RemovedClass::Share => "share",
            RemovedClass::SiteChrome => "site_chrome",
            RemovedClass::PhotoCredit => "photo_credit",
            RemovedClass::Duplicate => "duplicate",
            RemovedClass::Title => "title",
            RemovedClass::Byline => "byline",
            RemovedClass::Date => "date",
            RemovedClass::Dateline => "dateline",
            RemovedClass::Source => "source",
            RemovedClass::Markup => "markup",
            RemovedClass::Boilerplate => "boilerplate",
        }
    }

    /// Parse the snake_case name used in the data files.
    pub fn parse(name: &str) -> Option<RemovedClass> {
        const ALL: [RemovedClass; 15] = [
            RemovedClass::Related,
            RemovedClass::Comments,
            RemovedClass::Ad,
            RemovedClass::Navigation,
            RemovedClass::Share,
            RemovedClass::SiteChrome,
            RemovedClass::PhotoCredit,
            RemovedClass::Duplicate,
            RemovedClass::Title,
            RemovedClass::Byline,
            RemovedClass::Date,
            RemovedClass::Dateline,
            RemovedClass::Source,
            RemovedClass::Markup,
            RemovedClass::Boilerplate,
        ];
        ALL.into_iter().find(|c| c.as_str() == name)
    }
}

impl Article {
    /// An article with the given clean paragraphs and empty metadata; `id` is computed
    /// from the text and `source_key` (see [`crate::article_id`]).
    pub fn from_paragraphs<S: AsRef<str>>(
        source: String,
        source_key: &str,
        format: &str,
        paragraphs: &[S],
    ) -> Article {
        let mut text = String::new();
        let mut spans = Vec::with_capacity(paragraphs.len());
        let mut pos = 0usize;
        for p in paragraphs {
            let p = p.as_ref();
            if p.is_empty() {
                continue;
            }
            if !text.is_empty() {
                text.push_str("\n\n");
                pos += 2;
            }
            let n = p.chars().count();
            text.push_str(p);
            spans.push(Span::new(pos, pos + n));
            pos += n;
        }
        Article {
            id: crate::article_id(&text, source_key),
            schema: crate::SCHEMA.to_string(),
            source,
            url: None,
            offset: None,
            format: format.to_string(),
            lang: Lang::Other,
            title: None,
            published: None,
            outlet: None,
            dateline: None,
            authors: Vec::new(),
            wires: Vec::new(),
            text,
            paragraphs: spans,
            removed: Vec::new(),
            entities: Vec::new(),
            quotes: Vec::new(),
            events: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_point_into_text() {
        let a = Article::from_paragraphs("x".into(), "x", "text", &["Satu “dua”.", "", "Tiga."]);
        assert_eq!(a.text, "Satu “dua”.\n\nTiga.");
        let idx = crate::CharIndex::new(&a.text);
        let got: Vec<&str> = a
            .paragraphs
            .iter()
            .map(|s| idx.slice(&a.text, *s).unwrap())
            .collect();
        assert_eq!(got, ["Satu “dua”.", "Tiga."]);
    }

    #[test]
    fn lang_tags() {
        assert_eq!(Lang::from_tag("id-ID"), Lang::Id);
        assert_eq!(Lang::from_tag("en_US"), Lang::En);
        assert_eq!(Lang::from_tag("ms"), Lang::Ms);
        assert_eq!(Lang::from_tag("fr"), Lang::Other);
    }

    #[test]
    fn removed_class_names_roundtrip() {
        for name in ["related", "site_chrome", "photo_credit", "byline"] {
            assert_eq!(RemovedClass::parse(name).unwrap().as_str(), name);
        }
    }
}
