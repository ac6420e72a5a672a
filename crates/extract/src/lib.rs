//! From a raw page to a clean article: main text, metadata, and an audit of what was
//! removed.
//!
//! Two front ends produce a [`Draft`]: [`html`] (main-content extraction from the
//! DOM plus OpenGraph / JSON-LD / `<meta>` metadata) and [`text`] (plain-text dumps
//! as crawlers save them, classified line by line). Both then go through the same
//! line-level cleaning and metadata readers in [`meta`] (bylines, datelines, wire
//! credits, printed dates, "Baca Juga" lines), whose patterns are per-language data
//! files under `data/lang/<code>/`. [`Extractor::extract`] turns the draft into an
//! [`Article`].

pub mod html;
pub mod meta;
pub mod text;

use chrono::NaiveDate;
use warta_dates::DateLexicon;
use warta_ingest::{DocKind, RawDoc};
use warta_langdata::DataDir;
use warta_model::{Article, Author, Lang, PublishedDate, Removed, Wire};

/// Errors loading the extraction rules.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// A data file is missing or invalid.
    #[error(transparent)]
    Data(#[from] warta_langdata::DataError),
    /// The date lexicon failed to load.
    #[error(transparent)]
    Dates(#[from] warta_dates::DateError),
}

/// A block of candidate body text, as a front end saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The block's text, whitespace-normalised, one line.
    pub text: String,
    /// What the front end knows about the block.
    pub kind: BlockKind,
}

/// Structural role of a block, when the front end knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// A paragraph or a plain-text line.
    Paragraph,
    /// A heading inside the article.
    Heading,
    /// A list item.
    ListItem,
    /// A block quotation.
    Quote,
    /// Preformatted or table text.
    Other,
}

/// An article under construction: body blocks plus whatever metadata was found.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    /// Body blocks in reading order.
    pub blocks: Vec<Block>,
    /// Dropped lines with their class.
    pub removed: Vec<Removed>,
    /// Headline.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<PublishedDate>,
    /// Outlet name.
    pub outlet: Option<String>,
    /// Dateline city.
    pub dateline: Option<String>,
    /// Credited people.
    pub authors: Vec<Author>,
    /// Credited agencies.
    pub wires: Vec<Wire>,
    /// Page URL found in the page (canonical link, og:url).
    pub url: Option<String>,
    /// Language declared by the page (`<html lang>`, `og:locale`).
    pub lang_hint: Option<Lang>,
}

/// Everything extraction needs, loaded once and shared by all worker threads.
#[derive(Debug)]
pub struct Extractor {
    /// Date words of every language.
    pub dates: DateLexicon,
    /// Line classes and metadata patterns of every language.
    pub rules: meta::Rules,
    /// Class/id conventions of HTML pages.
    pub markup: html::markup::Markup,
    /// Reference date for documents without a crawl date; `None` means today.
    pub reference: Option<NaiveDate>,
}

impl Extractor {
    /// Load the rules from the data folder.
    pub fn load(data: &DataDir) -> Result<Extractor, ExtractError> {
        Ok(Extractor {
            dates: DateLexicon::load(data)?,
            rules: meta::Rules::load(data)?,
            markup: html::markup::Markup::load(data)?,
            reference: None,
        })
    }

    /// The date year-less and relative dates of `doc` are resolved against: its crawl
    /// date when known (WARC-Date, JSONL `crawled`), else [`Extractor::reference`],
    /// else today (UTC).
    pub fn reference_for(&self, doc: &RawDoc) -> NaiveDate {
        doc.hints
            .crawled
            .as_deref()
            .and_then(|c| self.dates.parse_machine(c))
            .map(|d| d.date)
            .or(self.reference)
            .unwrap_or_else(|| chrono::Utc::now().date_naive())
    }

    /// Extract the draft of one document (no language or id yet).
    pub fn draft(&self, doc: &RawDoc) -> Draft {
        let ctx = meta::Context {
            reference: Some(self.reference_for(doc)),
            url: doc.url.as_deref(),
        };
        match doc.kind {
            DocKind::Html => html::extract_with(self, &doc.text, &ctx),
            DocKind::Text => text::extract_with(self, &doc.text, &ctx),
        }
    }

    /// Extract one document into an article. Language is left as the page declared it
    /// (or `other`); the pipeline's language identifier sets it from the text.
    pub fn extract(&self, doc: &RawDoc) -> Article {
        let draft = self.draft(doc);
        self.finish(doc, draft)
    }

    /// Assemble the article from a draft, filling gaps from the document's hints.
    fn finish(&self, doc: &RawDoc, draft: Draft) -> Article {
        let mut a = finish(doc, draft);
        if a.published.is_none() {
            a.published = doc
                .hints
                .published
                .as_deref()
                .and_then(|p| self.dates.parse_machine(p))
                .map(|d| {
                    let mut p = d.to_published();
                    p.resolution = warta_model::Resolution::Metadata;
                    p
                });
        }
        a
    }
}

/// Assemble the article from a draft, filling gaps from the document's hints.
fn finish(doc: &RawDoc, draft: Draft) -> Article {
    let paragraphs: Vec<&str> = draft.blocks.iter().map(|b| b.text.as_str()).collect();
    let url = doc.url.clone().or(draft.url);
    let key = url.clone().unwrap_or_else(|| doc.source_key.clone());
    let format = match doc.kind {
        DocKind::Html => "html",
        DocKind::Text => "text",
    };
    let mut a = Article::from_paragraphs(doc.source.clone(), &key, format, &paragraphs);
    a.url = url;
    a.offset = doc.offset;
    a.title = draft.title.or_else(|| doc.hints.title.clone());
    a.published = draft.published;
    a.outlet = draft.outlet.or_else(|| doc.hints.outlet.clone());
    a.dateline = draft.dateline;
    a.authors = merge_authors(draft.authors);
    a.wires = draft.wires;
    a.removed = draft.removed;
    a.lang = draft
        .lang_hint
        .or_else(|| doc.hints.lang.as_deref().map(Lang::from_tag))
        .unwrap_or(Lang::Other);
    a
}

/// One entry per person: the same name credited twice (a markup `author` and a
/// printed "Reporting by") keeps the more specific role.
fn merge_authors(authors: Vec<Author>) -> Vec<Author> {
    let mut out: Vec<Author> = Vec::with_capacity(authors.len());
    for a in authors {
        let key = warta_model::normalise_for_id(&a.name);
        match out
            .iter_mut()
            .find(|o| warta_model::normalise_for_id(&o.name) == key)
        {
            Some(existing) => {
                if existing.role == "author" && a.role != "author" {
                    existing.role = a.role;
                }
            }
            None => out.push(a),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authors_merge_by_name_keeping_specific_role() {
        let a = |n: &str, r: &str| Author {
            name: n.into(),
            role: r.into(),
        };
        let merged = merge_authors(vec![
            a("Maria Lopez", "author"),
            a("Tom Reed", "editor"),
            a("maria  lopez", "reporter"),
        ]);
        assert_eq!(
            merged,
            vec![a("Maria Lopez", "reporter"), a("Tom Reed", "editor")]
        );
    }
}
