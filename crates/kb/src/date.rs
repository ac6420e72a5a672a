//! Dates of office as the data writes them: a day, a month or only a year.
//!
//! Sources often give only the month a deputy minister was appointed; forcing a day
//! would invent precision. A [`KbDate`] keeps the precision so the linker can lower
//! its confidence near a boundary it only knows to the month.

use chrono::NaiveDate;
use std::fmt;

/// How precisely a [`KbDate`] is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// `YYYY-MM-DD`.
    Day,
    /// `YYYY-MM`: read as the first day of the month.
    Month,
    /// `YYYY`: read as 1 January.
    Year,
}

/// A date from the data, with its precision. Partial dates stand for their first day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KbDate {
    /// The (first) day.
    pub date: NaiveDate,
    /// How much of it the data gave.
    pub precision: Precision,
}

impl KbDate {
    /// Parse `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub fn parse(s: &str) -> Option<KbDate> {
        let s = s.trim();
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str, len: usize| -> Option<u32> {
            (p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        };
        let year = i32::try_from(num(parts.first()?, 4)?).ok()?;
        let (month, day, precision) = match parts.len() {
            1 => (1, 1, Precision::Year),
            2 => (num(parts[1], 2)?, 1, Precision::Month),
            3 => (num(parts[1], 2)?, num(parts[2], 2)?, Precision::Day),
            _ => return None,
        };
        let date = NaiveDate::from_ymd_opt(year, month, day)?;
        Some(KbDate { date, precision })
    }
}

impl fmt::Display for KbDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision {
            Precision::Day => write!(f, "{}", self.date.format("%Y-%m-%d")),
            Precision::Month => write!(f, "{}", self.date.format("%Y-%m")),
            Precision::Year => write!(f, "{}", self.date.format("%Y")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_partial_dates() {
        let d = KbDate::parse("2023-07-25").unwrap();
        assert_eq!(d.precision, Precision::Day);
        assert_eq!(d.to_string(), "2023-07-25");
        let m = KbDate::parse("2022-09").unwrap();
        assert_eq!(m.date, NaiveDate::from_ymd_opt(2022, 9, 1).unwrap());
        assert_eq!(m.to_string(), "2022-09");
        assert_eq!(KbDate::parse("2019").unwrap().precision, Precision::Year);
        for bad in [
            "",
            "2019-13",
            "2019-02-30",
            "19-01-01",
            "2019/01/01",
            "2019-1-1",
        ] {
            assert!(KbDate::parse(bad).is_none(), "{bad}");
        }
    }
}
