//! When an event happened: a date mention of its clause (else of its sentence),
//! resolved by the shared date resolver ([`warta_dates`]) against the article date.
//!
//! The value keeps the precision of the words: "pada 2 dan 3 Februari" is the range
//! `2023-02-02/2023-02-03`, "tahun lalu" the year `2023`, "bulan lalu" and "Maret
//! 2022" a month (`2023-03`, `2022-03`), "pada hari Selasa" a day.

use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use warta_dates::{DateLexicon, DateMention, Relative, ResolvedDate};
use warta_model::{CharIndex, EventDate, Lang};

/// A date mention of the text, resolved.
#[derive(Debug, Clone)]
pub(crate) struct Dated {
    pub range: Range<usize>,
    pub date: EventDate,
    /// First and last day covered.
    pub first: NaiveDate,
    pub last: NaiveDate,
}

/// Every resolvable date mention of `text`, in order.
pub(crate) fn find(
    lex: &DateLexicon,
    text: &str,
    idx: &CharIndex,
    lang: Lang,
    reference: Option<NaiveDate>,
) -> Vec<Dated> {
    lex.find_with(text, Some(lang))
        .into_iter()
        .filter_map(|m| {
            let r = lex.resolve(&m, reference)?;
            let span = idx.span_of(m.range.clone());
            let (value, first, last) = value_of(&m, &r);
            Some(Dated {
                range: m.range.clone(),
                date: EventDate {
                    value,
                    text: r.text.clone(),
                    resolution: r.resolution,
                    start: span.start,
                    end: span.end,
                },
                first,
                last,
            })
        })
        .collect()
}

/// The ISO value at the precision of the words, with the first and last day covered.
fn value_of(m: &DateMention, r: &ResolvedDate) -> (String, NaiveDate, NaiveDate) {
    let month_of = |d: NaiveDate| {
        let first = d.with_day(1).unwrap_or(d);
        let last = first
            .checked_add_months(chrono::Months::new(1))
            .and_then(|n| n.pred_opt())
            .unwrap_or(d);
        (first, last)
    };
    match m.relative {
        Some(Relative::Years(_)) => {
            let first = NaiveDate::from_ymd_opt(r.date.year(), 1, 1).unwrap_or(r.date);
            let last = NaiveDate::from_ymd_opt(r.date.year(), 12, 31).unwrap_or(r.date);
            return (r.date.format("%Y").to_string(), first, last);
        }
        Some(Relative::Months(_)) => {
            let (first, last) = month_of(r.date);
            return (r.date.format("%Y-%m").to_string(), first, last);
        }
        _ => {}
    }
    if m.day.is_none() && m.month.is_some() && m.year.is_some() {
        let (first, last) = month_of(r.date);
        return (r.date.format("%Y-%m").to_string(), first, last);
    }
    (r.iso(), r.date, r.end.unwrap_or(r.date))
}

/// The date of an event read from bytes `clause` of sentence `sentence`, triggered at
/// byte `at`: the nearest date in the clause, else the nearest in the sentence.
pub(crate) fn pick<'d>(
    dates: &'d [Dated],
    sentence: &Range<usize>,
    clause: &Range<usize>,
    at: usize,
) -> Option<&'d Dated> {
    let lo = dates.partition_point(|d| d.range.start < sentence.start);
    let inside: Vec<&Dated> = dates[lo..]
        .iter()
        .take_while(|d| d.range.start < sentence.end)
        .filter(|d| d.range.end <= sentence.end)
        .collect();
    let dist = |d: &Dated| {
        if d.range.end <= at {
            at - d.range.end
        } else {
            d.range.start.saturating_sub(at)
        }
    };
    let in_clause = inside
        .iter()
        .filter(|d| d.range.start >= clause.start && d.range.end <= clause.end)
        .min_by_key(|d| dist(d));
    in_clause
        .or_else(|| inside.iter().min_by_key(|d| dist(d)))
        .copied()
}
