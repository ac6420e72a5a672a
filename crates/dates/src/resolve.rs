//! Turning a [`DateMention`] into a calendar date against a reference date.
//!
//! Rules (documented for users in `data/README.md`, section `dates.toml`):
//!
//! - day, month and year printed → [`Resolution::Explicit`]; a month and year without a
//!   day ("Maret 2022") → the whole month, 1st to last day, also explicit;
//! - relative expressions → [`Resolution::Relative`]: days, weeks (7 days), months and
//!   years are added to the reference (month ends clamp: 31 March − 1 month = 28/29
//!   February); "pada hari Senin" / "Senin (kemarin)" → the nearest Monday on or
//!   before the reference, "Senin lalu" / "last Monday" → strictly before, "Senin
//!   depan" / "next Monday" → strictly after;
//! - day + month + weekday, no year → [`Resolution::WeekdayInferred`]: the reference
//!   year if the weekday fits there, else the latest year (back to
//!   [`WEEKDAY_SEARCH_YEARS`] years) whose date has that weekday and is not more than
//!   [`LOOKAHEAD_DAYS`] after the reference; falls back to the rule below;
//! - day + month, no year, no weekday → [`Resolution::YearInferred`]: the latest such
//!   date not more than [`LOOKAHEAD_DAYS`] after the reference.
//!
//! A direction word in the mention narrows both inferences: "25 Januari lalu" must be
//! on or before the reference, "10 Februari mendatang" on or after it.

use chrono::{Datelike, Days, Months, NaiveDate, TimeDelta, Weekday};
use warta_model::Resolution;

use crate::find::direction_in;
use crate::lexicon::{Dir, Lexicon};
use crate::{DateMention, Relative, ResolvedDate};

/// How far after the reference a year-less date may lie and still be taken in the
/// reference's year: news announces events weeks ahead ("sidang digelar 15 Februari"),
/// but a date many months ahead is more likely last year's.
pub const LOOKAHEAD_DAYS: u64 = 60;

/// How many years back a printed weekday is matched against a year-less date (the
/// Gregorian weekday pattern repeats every 28 years in this range).
pub const WEEKDAY_SEARCH_YEARS: i32 = 28;

/// Years searched back for a year-less date with no weekday (enough to reach a leap
/// year for 29 February).
const YEAR_SEARCH_BACK: i32 = 8;

pub(crate) fn resolve(
    lex: &Lexicon,
    m: &DateMention,
    reference: Option<NaiveDate>,
) -> Option<ResolvedDate> {
    let out = |date: NaiveDate, end: Option<NaiveDate>, resolution: Resolution| ResolvedDate {
        date,
        end,
        time: m.time,
        offset: m.offset,
        resolution,
        text: m.text.clone(),
    };
    if let Some(rel) = m.relative {
        let r = reference?;
        let strict = direction_in(lex, &m.text) == Some(Dir::Past);
        let date = apply_relative(rel, r, strict)?;
        return Some(out(date, None, Resolution::Relative));
    }
    let month = m.month.filter(|m| (1..=12).contains(m))?;
    match (m.year, m.day) {
        (Some(y), Some(d)) => {
            let date = NaiveDate::from_ymd_opt(y, month, d)?;
            let end = range_end(date, m.day_end)?;
            Some(out(date, end, Resolution::Explicit))
        }
        (Some(y), None) => {
            let first = NaiveDate::from_ymd_opt(y, month, 1)?;
            let last = last_day_of_month(first)?;
            Some(out(first, Some(last), Resolution::Explicit))
        }
        (None, Some(d)) => {
            let r = reference?;
            let dir = direction_in(lex, &m.text);
            if let Some(wd) = m.weekday
                && let Some(date) = infer_with_weekday(r, month, d, wd, dir)
            {
                let end = range_end(date, m.day_end)?;
                return Some(out(date, end, Resolution::WeekdayInferred));
            }
            let date = infer_year(r, month, d, dir)?;
            let end = range_end(date, m.day_end)?;
            Some(out(date, end, Resolution::YearInferred))
        }
        (None, None) => None,
    }
}

/// The last day of a range starting at `start`: `Some(None)` when there is no range,
/// `None` when the end day does not exist in that month.
fn range_end(start: NaiveDate, day_end: Option<u32>) -> Option<Option<NaiveDate>> {
    match day_end {
        Some(e) if e > start.day() => Some(Some(start.with_day(e)?)),
        _ => Some(None),
    }
}

fn last_day_of_month(first: NaiveDate) -> Option<NaiveDate> {
    first.checked_add_months(Months::new(1))?.pred_opt()
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    d.checked_add_signed(TimeDelta::try_days(n)?)
}

fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let abs = u32::try_from(n.unsigned_abs()).ok()?;
    if n >= 0 {
        d.checked_add_months(Months::new(abs))
    } else {
        d.checked_sub_months(Months::new(abs))
    }
}

/// Apply a relative expression to the reference. `strict` makes `WeekdayBefore`
/// skip the reference day itself ("Senin lalu" on a Monday is a week ago).
pub(crate) fn apply_relative(rel: Relative, r: NaiveDate, strict: bool) -> Option<NaiveDate> {
    match rel {
        Relative::Days(n) => add_days(r, i64::from(n)),
        Relative::Weeks(n) => add_days(r, i64::from(n).checked_mul(7)?),
        Relative::Months(n) => add_months(r, i64::from(n)),
        Relative::Years(n) => add_months(r, i64::from(n).checked_mul(12)?),
        Relative::WeekdayBefore(wd) => {
            let mut back = days_between(wd, r.weekday());
            if back == 0 && strict {
                back = 7;
            }
            r.checked_sub_days(Days::new(back))
        }
        Relative::WeekdayAfter(wd) => {
            let mut ahead = days_between(r.weekday(), wd);
            if ahead == 0 {
                ahead = 7;
            }
            r.checked_add_days(Days::new(ahead))
        }
    }
}

/// Days from weekday `from` forward to weekday `to` (0–6).
fn days_between(from: Weekday, to: Weekday) -> u64 {
    u64::from((to.num_days_from_monday() + 7 - from.num_days_from_monday()) % 7)
}

fn latest_not_after(r: NaiveDate) -> NaiveDate {
    r.checked_add_days(Days::new(LOOKAHEAD_DAYS))
        .unwrap_or(NaiveDate::MAX)
}

/// The year-less date `month`/`day` with printed weekday `wd`, see the module rules.
pub(crate) fn infer_with_weekday(
    r: NaiveDate,
    month: u32,
    day: u32,
    wd: Weekday,
    dir: Option<Dir>,
) -> Option<NaiveDate> {
    let y0 = r.year();
    let fits = |y: i32| NaiveDate::from_ymd_opt(y, month, day).filter(|d| d.weekday() == wd);
    match dir {
        Some(Dir::Past) => (y0 - WEEKDAY_SEARCH_YEARS..=y0)
            .rev()
            .filter_map(fits)
            .find(|d| *d <= r),
        Some(Dir::Future) => (y0..=y0 + WEEKDAY_SEARCH_YEARS)
            .filter_map(fits)
            .find(|d| *d >= r),
        _ => fits(y0).or_else(|| {
            let limit = latest_not_after(r);
            (y0 - WEEKDAY_SEARCH_YEARS..=y0 + 1)
                .rev()
                .filter_map(fits)
                .find(|d| *d <= limit)
        }),
    }
}

/// The year-less date `month`/`day` without a weekday, see the module rules.
pub(crate) fn infer_year(
    r: NaiveDate,
    month: u32,
    day: u32,
    dir: Option<Dir>,
) -> Option<NaiveDate> {
    let y0 = r.year();
    let date = |y: i32| NaiveDate::from_ymd_opt(y, month, day);
    match dir {
        Some(Dir::Past) => (y0 - YEAR_SEARCH_BACK..=y0)
            .rev()
            .filter_map(date)
            .find(|d| *d <= r),
        Some(Dir::Future) => (y0..=y0 + YEAR_SEARCH_BACK)
            .filter_map(date)
            .find(|d| *d >= r),
        _ => {
            let limit = latest_not_after(r);
            (y0 - YEAR_SEARCH_BACK..=y0 + 1)
                .rev()
                .filter_map(date)
                .find(|d| *d <= limit)
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn weekday_inference_9_april_tuesday() {
        // 9 April 2024 is a Tuesday; the next Tuesday 9 April is in 2030.
        assert_eq!(d(2024, 4, 9).weekday(), Weekday::Tue);
        for y in 2024..=2029 {
            for (m, day) in [(1, 1), (4, 8), (4, 9), (6, 15), (12, 31)] {
                let r = d(y, m, day);
                assert_eq!(
                    infer_with_weekday(r, 4, 9, Weekday::Tue, None),
                    Some(d(2024, 4, 9)),
                    "reference {r}"
                );
            }
        }
    }

    #[test]
    fn year_inference() {
        let r = d(2023, 2, 4);
        assert_eq!(infer_year(r, 2, 2, None), Some(d(2023, 2, 2)));
        assert_eq!(infer_year(r, 3, 10, None), Some(d(2023, 3, 10)));
        assert_eq!(infer_year(r, 12, 25, None), Some(d(2022, 12, 25)));
        assert_eq!(infer_year(r, 2, 10, Some(Dir::Past)), Some(d(2022, 2, 10)));
        assert_eq!(
            infer_year(r, 1, 10, Some(Dir::Future)),
            Some(d(2024, 1, 10))
        );
        assert_eq!(infer_year(r, 2, 29, None), Some(d(2020, 2, 29)));
        assert_eq!(infer_year(r, 2, 30, None), None);
    }

    #[test]
    fn weekdays_relative() {
        let sat = d(2023, 2, 4);
        assert_eq!(
            apply_relative(Relative::WeekdayBefore(Weekday::Mon), sat, false),
            Some(d(2023, 1, 30))
        );
        assert_eq!(
            apply_relative(Relative::WeekdayBefore(Weekday::Sat), sat, false),
            Some(sat)
        );
        assert_eq!(
            apply_relative(Relative::WeekdayBefore(Weekday::Sat), sat, true),
            Some(d(2023, 1, 28))
        );
        assert_eq!(
            apply_relative(Relative::WeekdayAfter(Weekday::Tue), sat, false),
            Some(d(2023, 2, 7))
        );
        assert_eq!(
            apply_relative(Relative::WeekdayAfter(Weekday::Sat), sat, false),
            Some(d(2023, 2, 11))
        );
        assert_eq!(
            apply_relative(Relative::Months(-1), d(2023, 3, 31), false),
            Some(d(2023, 2, 28))
        );
        assert_eq!(apply_relative(Relative::Days(i32::MAX), sat, false), None);
        assert_eq!(apply_relative(Relative::Years(i32::MIN), sat, false), None);
    }
}
