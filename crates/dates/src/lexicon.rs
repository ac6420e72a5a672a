//! The date lexicon: `data/lang/<code>/dates.toml` files read and merged into lookup
//! tables.
//!
//! Every language contributes its words to one shared set of tables, because a page
//! often mixes languages (an Indonesian article with an English dateline) and `find`
//! does not know the language of its text. Each word remembers which languages it came
//! from (a bit mask), so that language-specific settings such as numeric day/month
//! order and "month before day" can still be honoured.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Datelike, FixedOffset, NaiveDate, Weekday};
use serde::Deserialize;
use warta_langdata::{DataDir, DataError};

use crate::Relative;
use crate::token::{Cursor, KeyBuf, Kind, phrase_keys, token_eq};

/// Languages a word belongs to: bit `i` is `Lexicon::langs[i]`.
pub(crate) type Mask = u64;

/// Order of day and month in an all-numeric date such as `2/4/2023`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum NumericOrder {
    /// Day first (Indonesian, Malay, British and South-East Asian English).
    #[default]
    Dmy,
    /// Month first (US English).
    Mdy,
}

/// Per-language settings.
#[derive(Debug, Clone)]
pub(crate) struct LangInfo {
    /// Folder name (`id`, `ms`, `en`).
    pub code: String,
    /// Day/month order of numeric dates.
    pub numeric_order: NumericOrder,
    /// Whether "February 4, 2023" (month before day) is a date in this language.
    pub month_first: bool,
}

/// A UTC offset printed as a zone abbreviation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ZoneSpec {
    /// Always the same offset (WIB = +07:00).
    Fixed(FixedOffset),
    /// An offset that changes with daylight-saving time (ET = EST or EDT).
    Seasonal {
        /// Offset outside daylight-saving time.
        standard: FixedOffset,
        /// Offset during daylight-saving time.
        daylight: FixedOffset,
        /// Which law decides when daylight-saving time applies.
        rule: DstRule,
    },
}

/// Daylight-saving rules (calendar law, not language, so they live in code).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DstRule {
    /// United States and Canada since 2007: second Sunday of March to first Sunday of November.
    Us,
    /// European Union and United Kingdom: last Sunday of March to last Sunday of October.
    Eu,
}

impl ZoneSpec {
    /// The offset on `date` (the standard offset when the date is unknown).
    pub fn offset_on(self, date: Option<NaiveDate>) -> FixedOffset {
        match self {
            ZoneSpec::Fixed(o) => o,
            ZoneSpec::Seasonal {
                standard,
                daylight,
                rule,
            } => match date {
                Some(d) if rule.is_dst(d) => daylight,
                _ => standard,
            },
        }
    }

    /// True when the zone is UTC itself (so "GMT+7" can add to it).
    pub fn is_utc(self) -> bool {
        matches!(self, ZoneSpec::Fixed(o) if o.local_minus_utc() == 0)
    }
}

impl DstRule {
    fn is_dst(self, d: NaiveDate) -> bool {
        let y = d.year();
        let (start, end) = match self {
            DstRule::Us => (
                NaiveDate::from_weekday_of_month_opt(y, 3, Weekday::Sun, 2),
                NaiveDate::from_weekday_of_month_opt(y, 11, Weekday::Sun, 1),
            ),
            DstRule::Eu => (last_sunday(y, 3), last_sunday(y, 10)),
        };
        matches!((start, end), (Some(s), Some(e)) if d >= s && d < e)
    }
}

fn last_sunday(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Sun, 5)
        .or_else(|| NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Sun, 4))
}

/// A weekday name.
#[derive(Debug, Clone, Copy)]
pub(crate) struct WeekdayWord {
    /// The day it names.
    pub weekday: Weekday,
    /// An abbreviation ("Sat", "Sab"): only a weekday directly before a date.
    pub abbrev: bool,
    /// Also an ordinary word ("Minggu" = week): a weekday only with context.
    pub needs_context: bool,
    /// Languages it comes from.
    pub mask: Mask,
}

/// Unit of a counted expression ("dua *hari* lalu").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Day,
    Week,
    Month,
    Year,
}

impl Unit {
    fn parse(s: &str) -> Option<Unit> {
        match s.trim().trim_end_matches('s') {
            "day" => Some(Unit::Day),
            "week" => Some(Unit::Week),
            "month" => Some(Unit::Month),
            "year" => Some(Unit::Year),
            _ => None,
        }
    }

    /// The relative expression `n` units from the reference.
    pub fn relative(self, n: i32) -> Relative {
        match self {
            Unit::Day => Relative::Days(n),
            Unit::Week => Relative::Weeks(n),
            Unit::Month => Relative::Months(n),
            Unit::Year => Relative::Years(n),
        }
    }
}

/// Multi-word phrases keyed by their first word, longest first.
#[derive(Debug, Clone)]
pub(crate) struct PhraseSet<V> {
    map: HashMap<String, Vec<(Vec<String>, V)>>,
}

impl<V> Default for PhraseSet<V> {
    fn default() -> Self {
        PhraseSet {
            map: HashMap::new(),
        }
    }
}

impl<V> PhraseSet<V> {
    fn insert(&mut self, phrase: &str, value: V) -> Result<(), String> {
        let mut keys = phrase_keys(phrase).into_iter();
        let first = keys
            .next()
            .ok_or_else(|| format!("empty phrase {phrase:?}"))?;
        let rest: Vec<String> = keys.collect();
        let entries = self.map.entry(first).or_default();
        entries.push((rest, value));
        entries.sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
        Ok(())
    }

    fn first_words(&self) -> impl Iterator<Item = &str> {
        self.map.keys().map(String::as_str)
    }

    /// The longest phrase starting at the next token of `c`, and the cursor after it.
    pub fn match_at<'t>(
        &self,
        c: &Cursor<'t>,
        kb: &mut KeyBuf,
        non_ascii: bool,
    ) -> Option<(Cursor<'t>, &V)> {
        if self.map.is_empty() {
            return None;
        }
        let mut c = *c;
        let tok = c.next()?;
        if tok.kind == Kind::Break {
            return None;
        }
        let entries = self.map.get(kb.key(c.text, tok, non_ascii)?)?;
        'entries: for (rest, value) in entries {
            let mut c2 = c;
            for key in rest {
                match c2.next() {
                    Some(t) if t.kind != Kind::Break && token_eq(c2.slice(t), key) => {}
                    _ => continue 'entries,
                }
            }
            return Some((c2, value));
        }
        None
    }
}

/// A direction word's meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dir {
    /// "pada hari", "on": the nearest such day on or before the reference.
    Nearest,
    /// "lalu", "last": strictly before.
    Past,
    /// "depan", "next": strictly after.
    Future,
}

/// All date words of all languages, ready for matching.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lexicon {
    /// Languages loaded, in `DataDir::languages()` order.
    pub langs: Vec<LangInfo>,
    /// Month names and abbreviations → (month, languages).
    pub months: HashMap<String, (u32, Mask)>,
    /// Weekday names and abbreviations.
    pub weekdays: HashMap<String, WeekdayWord>,
    /// Zone abbreviations → (offset, languages).
    pub zones: HashMap<String, (ZoneSpec, Mask)>,
    /// Fixed relative phrases ("kemarin", "pekan lalu").
    pub relative: PhraseSet<Relative>,
    /// Number words for counted expressions ("dua", "two").
    pub numbers: PhraseSet<u32>,
    /// Units of counted expressions ("hari", "days").
    pub units: HashMap<String, Unit>,
    /// After a counted expression, into the past ("lalu", "ago").
    pub counted_past_after: PhraseSet<()>,
    /// After a counted expression, into the future ("lagi").
    pub counted_future_after: PhraseSet<()>,
    /// Before a counted expression, into the future ("in").
    pub counted_future_before: PhraseSet<()>,
    /// Before a weekday ("pada hari", "on", "last", "next").
    pub dir_before: PhraseSet<Dir>,
    /// After a weekday or a year-less date ("lalu", "depan").
    pub dir_after: PhraseSet<Dir>,
    /// Before a weekday name that needs context ("hari Minggu").
    pub context_before: PhraseSet<()>,
    /// After a weekday name that needs context: a part of the day ("Minggu malam").
    pub context_after: PhraseSet<()>,
    /// Between the two days of a range ("dan", "hingga", "and").
    pub range: PhraseSet<()>,
    /// Before a time of day ("pukul", "at").
    pub time_before: PhraseSet<()>,
    /// After a 12-hour time, morning ("a.m.").
    pub am: PhraseSet<()>,
    /// After a 12-hour time, afternoon ("p.m.").
    pub pm: PhraseSet<()>,
    /// Suffixes glued to a day number ("4th").
    pub ordinals: HashSet<String>,
    /// Words that name a month only when capitalised ("May").
    pub capitalized_only: HashSet<String>,
    /// Phrases that look like dates but are not ("Jumat Agung", "Black Friday").
    pub not_dates: PhraseSet<()>,
    /// First words of every phrase that can start a mention: the pre-filter.
    pub triggers: HashSet<String>,
    /// Whether any key is outside ASCII (else non-ASCII words are skipped unlowered).
    pub non_ascii: bool,
}

/// One `dates.toml` file as written by a linguist. Every field is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct DatesFile {
    numeric_order: Option<String>,
    month_first: bool,
    capitalized_only: Vec<String>,
    not_dates: Vec<String>,
    months: MonthsSection,
    weekdays: WeekdaysSection,
    zones: BTreeMap<String, ZoneValue>,
    relative: BTreeMap<String, String>,
    counted: CountedSection,
    direction: DirectionSection,
    syntax: SyntaxSection,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct MonthsSection {
    names: Vec<Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct WeekdaysSection {
    names: Vec<Vec<String>>,
    abbreviations: Vec<Vec<String>>,
    needs_context: Vec<String>,
    context_before: Vec<String>,
    context_after: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum ZoneValue {
    Fixed(String),
    Seasonal {
        standard: String,
        daylight: String,
        rule: String,
    },
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct CountedSection {
    units: BTreeMap<String, String>,
    numbers: BTreeMap<String, u32>,
    past_after: Vec<String>,
    future_after: Vec<String>,
    future_before: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct DirectionSection {
    nearest_before: Vec<String>,
    past_before: Vec<String>,
    future_before: Vec<String>,
    past_after: Vec<String>,
    future_after: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct SyntaxSection {
    range: Vec<String>,
    time_before: Vec<String>,
    am: Vec<String>,
    pm: Vec<String>,
    ordinal_suffixes: Vec<String>,
}

const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// Parse "+07:00", "-0500", "+7", "0" into an offset.
pub(crate) fn parse_offset(s: &str) -> Option<FixedOffset> {
    let s = s.trim();
    let (sign, rest) = match s.as_bytes().first()? {
        b'+' => (1, s.get(1..)?),
        b'-' => (-1, s.get(1..)?),
        _ => (1, s),
    };
    let (h, m) = match rest.split_once(':') {
        Some((h, m)) => (h.parse::<i32>().ok()?, m.parse::<i32>().ok()?),
        None if rest.len() == 4 => (rest.get(..2)?.parse().ok()?, rest.get(2..)?.parse().ok()?),
        None => (rest.parse().ok()?, 0),
    };
    if !(0..=14).contains(&h) || !(0..60).contains(&m) {
        return None;
    }
    FixedOffset::east_opt(sign * (h * 3600 + m * 60))
}

/// Parse "-1 day", "+2 weeks", "0 years" into a relative expression.
fn parse_relative(s: &str) -> Option<Relative> {
    let (n, unit) = s.trim().split_once(char::is_whitespace)?;
    let n: i32 = n.trim_start_matches('+').parse().ok()?;
    Some(Unit::parse(unit)?.relative(n))
}

impl Lexicon {
    /// Read and merge `lang/<code>/dates.toml` for every language that has one.
    pub fn load(data: &DataDir) -> Result<Lexicon, DataError> {
        let mut lex = Lexicon::default();
        for code in data.languages() {
            let rel = format!("lang/{code}/dates.toml");
            if let Some(text) = data.read_optional(&rel)? {
                lex.add(&code, &text)
                    .map_err(|message| DataError::Invalid { path: rel, message })?;
            }
        }
        Ok(lex)
    }

    /// Add one language's file. Errors name the offending entry.
    pub fn add(&mut self, code: &str, text: &str) -> Result<(), String> {
        let file: DatesFile = toml::from_str(text).map_err(|e| e.to_string())?;
        let idx = self.langs.len();
        let bit: Mask = if idx < 64 { 1 << idx } else { 0 };
        let numeric_order = match file.numeric_order.as_deref().map(str::trim) {
            None | Some("dmy") => NumericOrder::Dmy,
            Some("mdy") => NumericOrder::Mdy,
            Some(other) => {
                return Err(format!(
                    "numeric_order must be \"dmy\" or \"mdy\", not {other:?}"
                ));
            }
        };
        self.langs.push(LangInfo {
            code: code.to_string(),
            numeric_order,
            month_first: file.month_first,
        });

        if !file.months.names.is_empty() && file.months.names.len() != 12 {
            return Err(format!(
                "[months] names must list 12 months, found {}",
                file.months.names.len()
            ));
        }
        for (i, names) in file.months.names.iter().enumerate() {
            for name in names {
                let key = single_key(name)?;
                let month = i as u32 + 1;
                let entry = self.months.entry(key).or_insert((month, 0));
                if entry.0 == month {
                    entry.1 |= bit;
                }
            }
        }

        let needs_context: HashSet<String> = file
            .weekdays
            .needs_context
            .iter()
            .map(|w| single_key(w))
            .collect::<Result<_, _>>()?;
        for (list, abbrev) in [
            (&file.weekdays.names, false),
            (&file.weekdays.abbreviations, true),
        ] {
            if !list.is_empty() && list.len() != 7 {
                return Err(format!(
                    "[weekdays] lists must have 7 entries (Monday first), found {}",
                    list.len()
                ));
            }
            for (names, weekday) in list.iter().zip(WEEKDAYS) {
                for name in names {
                    let key = single_key(name)?;
                    let nc = needs_context.contains(&key);
                    let entry = self.weekdays.entry(key).or_insert(WeekdayWord {
                        weekday,
                        abbrev,
                        needs_context: nc,
                        mask: 0,
                    });
                    if entry.weekday == weekday {
                        entry.mask |= bit;
                        entry.needs_context |= nc;
                        entry.abbrev &= abbrev;
                    }
                }
            }
        }
        for p in &file.weekdays.context_before {
            self.context_before.insert(p, ())?;
        }
        for p in &file.weekdays.context_after {
            self.context_after.insert(p, ())?;
        }

        for (name, value) in &file.zones {
            let spec = match value {
                ZoneValue::Fixed(s) => ZoneSpec::Fixed(
                    parse_offset(s).ok_or_else(|| format!("zone {name}: bad offset {s:?}"))?,
                ),
                ZoneValue::Seasonal {
                    standard,
                    daylight,
                    rule,
                } => ZoneSpec::Seasonal {
                    standard: parse_offset(standard)
                        .ok_or_else(|| format!("zone {name}: bad offset {standard:?}"))?,
                    daylight: parse_offset(daylight)
                        .ok_or_else(|| format!("zone {name}: bad offset {daylight:?}"))?,
                    rule: match rule.trim() {
                        "us" => DstRule::Us,
                        "eu" => DstRule::Eu,
                        r => return Err(format!("zone {name}: rule must be us or eu, not {r:?}")),
                    },
                },
            };
            let entry = self.zones.entry(single_key(name)?).or_insert((spec, 0));
            entry.1 |= bit;
        }

        for (phrase, value) in &file.relative {
            let rel = parse_relative(value).ok_or_else(|| {
                format!("[relative] {phrase:?}: {value:?} is not like \"-1 day\" or \"+2 weeks\"")
            })?;
            self.relative.insert(phrase, rel)?;
        }

        for (word, unit) in &file.counted.units {
            let u = Unit::parse(unit).ok_or_else(|| {
                format!("[counted] unit {word:?}: {unit:?} is not day/week/month/year")
            })?;
            self.units.insert(single_key(word)?, u);
        }
        for (word, n) in &file.counted.numbers {
            self.numbers.insert(word, *n)?;
        }
        for p in &file.counted.past_after {
            self.counted_past_after.insert(p, ())?;
        }
        for p in &file.counted.future_after {
            self.counted_future_after.insert(p, ())?;
        }
        for p in &file.counted.future_before {
            self.counted_future_before.insert(p, ())?;
        }

        let d = &file.direction;
        for (list, dir) in [
            (&d.nearest_before, Dir::Nearest),
            (&d.past_before, Dir::Past),
            (&d.future_before, Dir::Future),
        ] {
            for p in list {
                self.dir_before.insert(p, dir)?;
            }
        }
        for (list, dir) in [(&d.past_after, Dir::Past), (&d.future_after, Dir::Future)] {
            for p in list {
                self.dir_after.insert(p, dir)?;
            }
        }

        let s = &file.syntax;
        for (list, set) in [
            (&s.range, &mut self.range),
            (&s.time_before, &mut self.time_before),
            (&s.am, &mut self.am),
            (&s.pm, &mut self.pm),
        ] {
            for p in list {
                set.insert(p, ())?;
            }
        }
        for o in &s.ordinal_suffixes {
            self.ordinals.insert(single_key(o)?);
        }
        for w in &file.capitalized_only {
            self.capitalized_only.insert(single_key(w)?);
        }
        for p in &file.not_dates {
            self.not_dates.insert(p, ())?;
        }
        self.rebuild_triggers();
        Ok(())
    }

    fn rebuild_triggers(&mut self) {
        let mut t: HashSet<String> = HashSet::new();
        t.extend(self.months.keys().cloned());
        t.extend(self.weekdays.keys().cloned());
        for set in [
            &self.counted_future_before,
            &self.context_before,
            &self.not_dates,
        ] {
            t.extend(set.first_words().map(str::to_string));
        }
        t.extend(self.dir_before.first_words().map(str::to_string));
        t.extend(self.relative.first_words().map(str::to_string));
        t.extend(self.numbers.first_words().map(str::to_string));
        self.non_ascii = t.iter().any(|k| !k.is_ascii())
            || self.zones.keys().any(|k| !k.is_ascii())
            || self.units.keys().any(|k| !k.is_ascii())
            || self.ordinals.iter().any(|k| !k.is_ascii());
        self.triggers = t;
    }

    /// Numeric order for a mention whose words come from `mask`, or for `lang`.
    pub fn numeric_order(&self, lang: Option<&str>, mask: Mask) -> NumericOrder {
        if let Some(code) = lang
            && let Some(l) = self.langs.iter().find(|l| l.code == code)
        {
            return l.numeric_order;
        }
        self.langs
            .iter()
            .enumerate()
            .find(|(i, _)| *i < 64 && mask & (1 << i) != 0)
            .map(|(_, l)| l.numeric_order)
            .unwrap_or_default()
    }

    /// Whether any language in `mask` writes the month before the day.
    pub fn month_first(&self, mask: Mask) -> bool {
        self.langs
            .iter()
            .enumerate()
            .any(|(i, l)| i < 64 && mask & (1 << i) != 0 && l.month_first)
    }
}

/// The key of a data entry that must be one word.
fn single_key(word: &str) -> Result<String, String> {
    let keys = phrase_keys(word);
    match keys.as_slice() {
        [one] => Ok(one.clone()),
        _ => Err(format!("{word:?} must be a single word")),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn offsets_parse() {
        assert_eq!(parse_offset("+07:00"), FixedOffset::east_opt(7 * 3600));
        assert_eq!(parse_offset("-0500"), FixedOffset::east_opt(-5 * 3600));
        assert_eq!(
            parse_offset("+5:30"),
            FixedOffset::east_opt(5 * 3600 + 1800)
        );
        assert_eq!(parse_offset("+15"), None);
    }

    #[test]
    fn relative_values_parse() {
        assert_eq!(parse_relative("-1 day"), Some(Relative::Days(-1)));
        assert_eq!(parse_relative("+2 weeks"), Some(Relative::Weeks(2)));
        assert_eq!(parse_relative("0 years"), Some(Relative::Years(0)));
        assert_eq!(parse_relative("yesterday"), None);
    }

    #[test]
    fn bad_files_are_reported() {
        let mut lex = Lexicon::default();
        assert!(lex.add("xx", "numeric_order = \"ymd\"").is_err());
        assert!(lex.add("xx", "[months]\nnames = [[\"a\"]]").is_err());
        assert!(lex.add("xx", "colour = 1").is_err());
        assert!(
            lex.add("xx", "[relative]\nkemarin = \"yesterday\"")
                .is_err()
        );
    }

    #[test]
    fn us_dst() {
        let z = ZoneSpec::Seasonal {
            standard: FixedOffset::east_opt(-5 * 3600).unwrap(),
            daylight: FixedOffset::east_opt(-4 * 3600).unwrap(),
            rule: DstRule::Us,
        };
        let feb = NaiveDate::from_ymd_opt(2023, 2, 4);
        let jul = NaiveDate::from_ymd_opt(2023, 7, 4);
        assert_eq!(z.offset_on(feb).local_minus_utc(), -5 * 3600);
        assert_eq!(z.offset_on(jul).local_minus_utc(), -4 * 3600);
        assert_eq!(z.offset_on(None).local_minus_utc(), -5 * 3600);
    }
}
