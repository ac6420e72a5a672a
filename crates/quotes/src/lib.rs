//! Quotations in Indonesian, Malay and English news: who said what, and through which
//! channel.
//!
//! [`Quotes::find`] returns, for an [`Article`], every quotation as a
//! [`warta_model::Quote`]:
//!
//! * **direct** quotations in straight or curly marks (`" “ ” ‘ ’ « »`), including
//!   mixed marks (`“…,"`), a missing closing mark (the quotation ends at the
//!   attribution cue inside it, else at the paragraph's end), quotations over several
//!   paragraphs (each re-opened with a mark), and nested quotations (kept inside the
//!   outer one). Scare quotes — a short quoted phrase inside a sentence that no speech
//!   verb introduces (`sebagai sesi "substansial"`) — are not quotations: see
//!   `min_words` in `data/README.md`;
//! * **reported speech** (`direct: false`): `X mengatakan bahwa …`, `X said that …`,
//!   `Menurut X, …`, `…, kata X.`, with the reported clause as text.
//!
//! Each has its **speaker** as printed (a name, a title, an anonymous source with its
//! country and role), pronouns ("ujarnya", "he said") resolved to the speaker in
//! context, a `refers_to` for descriptions ("kata diplomat tertinggi tersebut" →
//! "Lavrov"), the **cue** as printed, and the **via** chain of channels ("seperti
//! dikutip Interfax"). Offsets are chars into `Article::text`.
//!
//! Language is data: every word list and pattern comes from `data/lang/*/quotes.toml`
//! (channels use the wire and outlet tables of `metadata.toml`). Linking speakers to
//! the knowledge base is the entity stage's job; [`link_speakers`] copies its links
//! onto the speakers ([`Quotes::find`] calls it with the article's entities).
//!
//! ```
//! use warta_langdata::DataDir;
//! use warta_model::Article;
//! use warta_quotes::Quotes;
//!
//! let quotes = Quotes::load(&DataDir::locate(None)).unwrap();
//! let article = Article::from_paragraphs(
//!     "x".into(),
//!     "x",
//!     "text",
//!     &["“Kami akan terus memperkuat kerja sama,” kata Menteri Luar Negeri Rusia Sergei Lavrov, seperti dikutip Interfax."],
//! );
//! let found = quotes.find(&article);
//! assert_eq!(found[0].text, "Kami akan terus memperkuat kerja sama");
//! let speaker = found[0].speaker.as_ref().unwrap();
//! assert_eq!(speaker.text, "Menteri Luar Negeri Rusia Sergei Lavrov");
//! assert_eq!(speaker.country.as_deref(), Some("RUS"));
//! assert_eq!(found[0].cue.as_deref(), Some("kata"));
//! assert_eq!(found[0].via[0].name, "Interfax");
//! ```

mod anaphora;
mod channel;
mod ctx;
mod cues;
mod find;
mod fx;
mod indirect;
mod lexicon;
mod link;
mod marks;
mod phrase;
mod sentence;
mod speaker;
#[cfg(test)]
mod testutil;
mod token;

use std::ops::Range;

use warta_langdata::{DataDir, DataError};
use warta_model::{Article, CharIndex, Lang, Quote, Span};

pub use link::link_speakers;

use channel::Channels;
use lexicon::Lexicon;

/// Errors loading the quotation data.
#[derive(Debug, thiserror::Error)]
pub enum QuoteError {
    /// A data file could not be read.
    #[error(transparent)]
    Data(#[from] DataError),
    /// A data file is malformed: bad TOML, an unknown key, a bad regex.
    #[error("invalid data file `{path}`: {message}")]
    Invalid {
        /// Relative path of the file.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// No language folder has a `quotes.toml`.
    #[error("no lang/*/quotes.toml under {root}")]
    NoLexicon {
        /// Where the data was looked for.
        root: String,
    },
}

/// The quotation finder, loaded once and shared by threads.
#[derive(Debug)]
pub struct Quotes {
    lex: Lexicon,
    channels: Channels,
}

impl Quotes {
    /// Load `quotes.toml` of every language (and the wire/outlet tables of
    /// `metadata.toml`) from the data folder, compiling every pattern once.
    pub fn load(data: &DataDir) -> Result<Quotes, QuoteError> {
        let lex = Lexicon::load(data)?;
        let channels = Channels::compile(&lex.channel_patterns, &lex.relay_patterns, &lex.names)?;
        Ok(Quotes { lex, channels })
    }

    /// The quotations of an article, in text order, with speakers linked through
    /// `article.entities` when the entity stage has filled them.
    pub fn find(&self, article: &Article) -> Vec<Quote> {
        let text = &article.text;
        let idx = CharIndex::new(text);
        let paras = byte_paragraphs(text, &idx, &article.paragraphs);
        let persons: Vec<Range<usize>> = article
            .entities
            .iter()
            .filter(|e| e.label == "PER")
            .filter_map(|e| idx.byte_range(Span::new(e.start, e.end)))
            .collect();
        let mut quotes = find::find(self, text, &idx, &paras, article.lang.code(), &persons);
        link_speakers(&mut quotes, &article.entities);
        quotes
    }

    /// The quotations of a text with its paragraph spans (chars); with no (or
    /// invalid) spans, paragraphs are the text's blank-line separated blocks.
    pub fn find_text(&self, text: &str, paragraphs: &[Span], lang: Lang) -> Vec<Quote> {
        let idx = CharIndex::new(text);
        let paras = byte_paragraphs(text, &idx, paragraphs);
        find::find(self, text, &idx, &paras, lang.code(), &[])
    }
}

/// Paragraph char spans as byte ranges, or the blank-line blocks of the text when the
/// spans are missing, overlapping or out of range.
fn byte_paragraphs(text: &str, idx: &CharIndex, spans: &[Span]) -> Vec<Range<usize>> {
    if spans.is_empty() {
        return token::split_paragraphs(text);
    }
    let mut out = Vec::with_capacity(spans.len());
    let mut prev_end = 0;
    for s in spans {
        match idx.byte_range(*s) {
            Some(r) if r.start >= prev_end => {
                prev_end = r.end;
                out.push(r);
            }
            _ => return token::split_paragraphs(text),
        }
    }
    out
}
