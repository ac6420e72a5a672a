//! Tokenisation and sentence splitting for Indonesian, Malay and English news text.
//!
//! Every later stage (entities, quotes, events) works on tokens and sentences, and
//! news text is hostile to generic segmenters: "Prof. Dr. H. Ahmad tiba di Jl.
//! Sudirman No. 5 pukul 10.30 WIB." is one sentence, "Rp 1,2 triliun" two tokens,
//! "negara-negara" one. UAX#29 splits after every "Dr."/"Jl."/"Rp.", and no crate
//! knows Indonesian abbreviations, so this is a hand-written scanner (`scan.rs`) and
//! a rule-based splitter (`sentence.rs`) driven by word lists that are data
//! (`data/lang/<code>/abbreviations.txt`, `sentence_starters.txt`, `currencies.txt`,
//! `clitics.txt`, `not_clitics.txt`; formats in `data/README.md`).
//!
//! Offsets are **bytes** into the segmented text, for cheap slicing; convert with
//! [`Token::span`] / [`Sentence::span`] and a [`warta_model::CharIndex`] built once
//! per text when writing the char offsets the document model uses.
//!
//! ```
//! use warta_langdata::DataDir;
//! use warta_segment::{Segmenter, TokenKind};
//!
//! let seg = Segmenter::load(&DataDir::locate(None)).unwrap();
//! let text = "Prof. Dr. H. Ahmad tiba di Jl. Sudirman No. 5 pukul 10.30 WIB. \
//!             Ia membayar Rp. 5.000 dll. Kemudian pulang.";
//! let out = seg.segment(text);
//! assert_eq!(out.sentences.len(), 3);
//! let first = &out.tokens[0];
//! assert_eq!((first.text(text), first.kind), ("Prof.", TokenKind::Abbreviation));
//! ```
//!
//! Guarantees (property-tested): tokens are in order, do not overlap, lie on char
//! boundaries and cover every non-whitespace char ([`is_space`]); sentences
//! partition the tokens in order; segmenting a sentence's text again gives one
//! sentence with the same tokens; no input panics; time is linear in the input.

mod abbrev;
mod chars;
mod clitic;
mod scan;
mod sentence;
mod token;

use warta_langdata::{DataDir, DataError};
use warta_model::{CharIndex, Span};

pub use abbrev::{ABBREVIATIONS_FILE, AbbrevClass, CURRENCIES_FILE, STARTERS_FILE};
pub use chars::is_space;
pub use clitic::{CLITICS_FILE, Clitic, CliticRole, NOT_CLITICS_FILE};
pub use sentence::Sentence;
pub use token::{Flags, Token, TokenKind, is_reduplication};

/// Errors loading the segmenter's data.
#[derive(Debug, thiserror::Error)]
pub enum SegmentError {
    /// A data file could not be read.
    #[error(transparent)]
    Data(#[from] DataError),
    /// A data file has a line the segmenter cannot use.
    #[error("invalid data file `{path}`, line {line}: {message}")]
    Invalid {
        /// Relative path of the file.
        path: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// The tokeniser and sentence splitter, with the word lists of every language.
///
/// Load once, share between threads (it is immutable), call [`Segmenter::segment`]
/// per text.
#[derive(Debug, Clone)]
pub struct Segmenter {
    lexicon: abbrev::Lexicon,
    clitics: clitic::Clitics,
}

/// The result of segmenting one text: tokens and sentences, in text order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segmented {
    /// Every token of the text.
    pub tokens: Vec<Token>,
    /// The sentences; their token ranges partition `tokens` in order.
    pub sentences: Vec<Sentence>,
}

impl Segmented {
    /// The tokens of one sentence.
    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        self.tokens.get(sentence.tokens.clone()).unwrap_or(&[])
    }

    /// The index of the sentence containing token `token`, if any (binary search).
    pub fn sentence_of(&self, token: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.tokens.end <= token);
        self.sentences
            .get(i)
            .filter(|s| s.tokens.contains(&token))
            .map(|_| i)
    }

    /// The char spans of all tokens, for writing offsets into an `Article`
    /// (`index` must be built from the segmented text).
    pub fn token_spans(&self, index: &CharIndex) -> Vec<Span> {
        self.tokens.iter().map(|t| t.span(index)).collect()
    }

    /// The char spans of all sentences.
    pub fn sentence_spans(&self, index: &CharIndex) -> Vec<Span> {
        self.sentences.iter().map(|s| s.span(index)).collect()
    }
}

impl Segmenter {
    /// Read the word lists of every language folder in `data`. A missing file is
    /// an empty list (a language may have none); a malformed line is an error
    /// naming the file and line.
    pub fn load(data: &DataDir) -> Result<Segmenter, SegmentError> {
        Ok(Segmenter {
            lexicon: abbrev::Lexicon::load(data)?,
            clitics: clitic::Clitics::load(data)?,
        })
    }

    /// Tokenise `text` and split it into sentences.
    pub fn segment(&self, text: &str) -> Segmented {
        let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
        scan::tokenize(text, &self.lexicon, &mut tokens);
        let sentences = sentence::split(text, &mut tokens, &self.lexicon);
        Segmented { tokens, sentences }
    }

    /// Tokenise only (no sentences, no sentence-initial flags).
    pub fn tokenize(&self, text: &str) -> Vec<Token> {
        let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
        scan::tokenize(text, &self.lexicon, &mut tokens);
        tokens
    }

    /// The class of a listed abbreviation (`form` with its full stop, as printed),
    /// for stages that need to know that "Dr." precedes a name.
    pub fn abbreviation_class(&self, form: &str) -> Option<AbbrevClass> {
        self.lexicon.abbreviation(form)
    }

    /// True when `word` is a listed currency sign ("Rp", "US$", "RM").
    pub fn is_currency(&self, word: &str) -> bool {
        self.lexicon.is_currency(word)
    }

    /// True when `word` is a listed sentence starter ("Namun", "The").
    pub fn is_sentence_starter(&self, word: &str) -> bool {
        self.lexicon.is_starter(word)
    }

    /// The clitic at the end of `word` ("menurutnya" → "-nya", a pronoun;
    /// "apakah" → "-kah", a particle), if any.
    pub fn clitic(&self, word: &str) -> Option<Clitic> {
        self.clitics.find(word)
    }

    /// Where a "-nya" clitic starts in `word` (byte offset), looking through one
    /// particle after it ("rumahnyalah"); `None` for "hanya", "punya", "Kenya".
    /// The coreference stage reads "-nya" as a third-person pronoun.
    pub fn nya_suffix(&self, word: &str) -> Option<usize> {
        self.clitics.nya(word)
    }

    /// Number of distinct abbreviations loaded (for start-up logs and tests).
    pub fn abbreviation_count(&self) -> usize {
        self.lexicon.abbreviation_count()
    }
}

#[cfg(test)]
mod tests;
