//! Printed dates in Indonesian and English news, and a resolver for the relative and
//! year-less ones.
//!
//! [`DateLexicon`] is loaded from `data/lang/*/dates.toml` (month and weekday names,
//! time-zone abbreviations such as WIB/WITA/WIT, relative words such as "kemarin",
//! "pekan lalu"). [`DateLexicon::find`] returns every date mention in a text with
//! its byte span; [`DateLexicon::resolve`] turns a mention into a calendar date
//! against a reference date (the article's publication date), saying how it did so.
//! Later stages (event dates) reuse the same resolver.
//!
//! Language is data: every word the finder knows comes from the data files, so adding
//! Malay or fixing Indonesian is an edit to a TOML file. The file format and the
//! resolution rules are documented in `data/README.md` (section `dates.toml`).
//!
//! ```
//! use warta_dates::DateLexicon;
//! use warta_langdata::DataDir;
//!
//! let lex = DateLexicon::load(&DataDir::locate(None)).unwrap();
//! let found = lex.find("Jakarta, Sabtu 04 Feb 2023 15:34 WIB");
//! let date = lex.resolve(&found[0], None).unwrap();
//! assert_eq!(date.iso(), "2023-02-04T15:34:00+07:00");
//! ```

mod find;
mod lexicon;
mod machine;
mod resolve;
mod token;

use std::sync::Arc;

use chrono::{FixedOffset, NaiveDate, NaiveTime, Weekday};
use warta_model::{Lang, PublishedDate, Resolution};

pub use resolve::{LOOKAHEAD_DAYS, WEEKDAY_SEARCH_YEARS};

/// Errors loading the date lexicon.
#[derive(Debug, thiserror::Error)]
pub enum DateError {
    /// A data file is missing or invalid.
    #[error(transparent)]
    Data(#[from] warta_langdata::DataError),
}

/// A date found in text, before resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Byte range of the mention in the searched text.
    pub range: std::ops::Range<usize>,
    /// The mention as printed.
    pub text: String,
    /// Printed year, if any.
    pub year: Option<i32>,
    /// Printed month (1–12), if any.
    pub month: Option<u32>,
    /// Printed day of month, if any.
    pub day: Option<u32>,
    /// Last day of a printed range ("2 dan 3 Februari" → 3), if any.
    pub day_end: Option<u32>,
    /// Printed weekday, if any.
    pub weekday: Option<Weekday>,
    /// Printed time of day, if any.
    pub time: Option<NaiveTime>,
    /// UTC offset from a printed zone (WIB = +07:00), if any.
    pub offset: Option<FixedOffset>,
    /// A relative expression ("kemarin" = -1 day), if this mention is one.
    pub relative: Option<Relative>,
}

/// A date expressed relative to the reference date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relative {
    /// A number of days from the reference date (kemarin = -1, besok = +1, hari ini = 0).
    Days(i32),
    /// A number of weeks from the reference ("pekan lalu" = -1).
    Weeks(i32),
    /// A number of months from the reference ("bulan lalu" = -1).
    Months(i32),
    /// A number of years from the reference ("tahun lalu" = -1).
    Years(i32),
    /// The nearest given weekday before (or on) the reference date ("pada hari Senin").
    WeekdayBefore(Weekday),
    /// The nearest given weekday after the reference date ("Senin depan").
    WeekdayAfter(Weekday),
}

/// A mention resolved to the calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedDate {
    /// The (first) day.
    pub date: NaiveDate,
    /// Last day of a range, if the mention was one.
    pub end: Option<NaiveDate>,
    /// Time of day, if printed.
    pub time: Option<NaiveTime>,
    /// UTC offset, if a zone was printed.
    pub offset: Option<FixedOffset>,
    /// How the date was obtained.
    pub resolution: Resolution,
    /// The printed text.
    pub text: String,
}

impl ResolvedDate {
    /// ISO 8601: `2023-02-04T15:34:00+07:00`, `2023-02-04T15:34:00` or `2023-02-04`;
    /// ranges as `2023-02-02/2023-02-03`.
    pub fn iso(&self) -> String {
        let mut s = self.date.format("%Y-%m-%d").to_string();
        if let Some(t) = self.time {
            s.push('T');
            s.push_str(&t.format("%H:%M:%S").to_string());
            if let Some(o) = self.offset {
                s.push_str(&o.to_string());
            }
        }
        if let Some(end) = self.end {
            s.push('/');
            s.push_str(&end.format("%Y-%m-%d").to_string());
        }
        s
    }

    /// The article-level shape.
    pub fn to_published(&self) -> PublishedDate {
        PublishedDate {
            value: self.iso(),
            text: self.text.clone(),
            resolution: self.resolution,
        }
    }
}

/// Month, weekday, zone and relative words of all languages in the data folder.
///
/// Cheap to clone (the tables are shared). [`DateLexicon::default`] is an empty
/// lexicon: it still finds all-numeric dates (`2/2/2023`, `2023-02-04`) but no words.
#[derive(Debug, Clone, Default)]
pub struct DateLexicon {
    lex: Arc<lexicon::Lexicon>,
}

impl DateLexicon {
    /// Load `lang/*/dates.toml` from the data folder (languages without the file are
    /// skipped). A malformed file is an error naming the file and the entry, so a
    /// linguist's typo is caught at start-up rather than silently ignored.
    pub fn load(data: &warta_langdata::DataDir) -> Result<DateLexicon, DateError> {
        Ok(DateLexicon {
            lex: Arc::new(lexicon::Lexicon::load(data)?),
        })
    }

    /// The language codes whose `dates.toml` was loaded, in load order.
    pub fn languages(&self) -> Vec<&str> {
        self.lex.langs.iter().map(|l| l.code.as_str()).collect()
    }

    /// Every date mention in `text`, in order of position, non-overlapping
    /// (leftmost-longest). All-numeric day/month order follows the language of the
    /// mention's own words (a weekday, a zone), else day first; use
    /// [`DateLexicon::find_with`] when the article's language is known.
    pub fn find(&self, text: &str) -> Vec<DateMention> {
        find::find(&self.lex, text, None)
    }

    /// Like [`DateLexicon::find`], with the text's language deciding the order of
    /// all-numeric dates (`numeric_order` in that language's `dates.toml`). A first
    /// part above 12 is always the day, a second part above 12 always the day.
    pub fn find_with(&self, text: &str, lang: Option<Lang>) -> Vec<DateMention> {
        find::find(&self.lex, text, lang.map(Lang::code))
    }

    /// Resolve a mention against a reference date (`None` when unknown: only
    /// explicit dates then resolve). Invalid dates (31 February) give `None`.
    /// The rules are listed in `data/README.md` and on [`LOOKAHEAD_DAYS`].
    pub fn resolve(
        &self,
        mention: &DateMention,
        reference: Option<NaiveDate>,
    ) -> Option<ResolvedDate> {
        resolve::resolve(&self.lex, mention, reference)
    }

    /// Parse a machine-readable timestamp (ISO 8601 / RFC 3339 / RFC 2822 / plain
    /// `YYYY-MM-DD`), as found in JSON-LD, `<meta>` and `<time datetime>`.
    /// Resolution is [`Resolution::Metadata`]; a value in none of these shapes that
    /// holds a complete printed date ("Sabtu, 04 Feb 2023 15:34 WIB") is read with the
    /// text finder.
    pub fn parse_machine(&self, value: &str) -> Option<ResolvedDate> {
        machine::parse_machine(&self.lex, value)
    }
}
