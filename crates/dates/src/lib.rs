//! Printed dates in Indonesian and English news, and a resolver for the relative and
//! year-less ones.
//!
//! [`DateLexicon`] is loaded from `data/lang/*/dates.toml` (month and weekday names,
//! time-zone abbreviations such as WIB/WITA/WIT, relative words such as "kemarin",
//! "pekan lalu"). [`DateLexicon::find`] returns every date mention in a text with
//! its byte span; [`DateLexicon::resolve`] turns a mention into a calendar date
//! against a reference date (the article's publication date), saying how it did so.
//! Later stages (event dates) reuse the same resolver.

use chrono::{FixedOffset, NaiveDate, NaiveTime, Weekday};
use warta_model::{PublishedDate, Resolution};

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
#[derive(Debug, Clone, Default)]
pub struct DateLexicon {}

impl DateLexicon {
    /// Load `lang/*/dates.toml` from the data folder.
    pub fn load(data: &warta_langdata::DataDir) -> Result<DateLexicon, DateError> {
        let _ = data;
        Ok(DateLexicon {})
    }

    /// Every date mention in `text`, in order of position, non-overlapping.
    pub fn find(&self, text: &str) -> Vec<DateMention> {
        let _ = text;
        Vec::new()
    }

    /// Resolve a mention against a reference date (`None` when unknown: only
    /// explicit dates then resolve).
    pub fn resolve(
        &self,
        mention: &DateMention,
        reference: Option<NaiveDate>,
    ) -> Option<ResolvedDate> {
        let _ = (mention, reference);
        None
    }

    /// Parse a machine-readable timestamp (ISO 8601 / RFC 3339 / RFC 2822 / plain
    /// `YYYY-MM-DD`), as found in JSON-LD, `<meta>` and `<time datetime>`.
    pub fn parse_machine(&self, value: &str) -> Option<ResolvedDate> {
        let _ = value;
        None
    }
}
