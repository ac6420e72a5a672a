//! Machine-readable timestamps: ISO 8601 / RFC 3339, RFC 2822, `YYYY-MM-DD`,
//! `YYYY/MM/DD`, as found in JSON-LD `datePublished`, `article:published_time`,
//! `<time datetime>` and feed fields.
//!
//! Metadata is written by programs, so the parser is strict about shape but lenient
//! about the small variations CMSs produce: `T` or a space between date and time,
//! missing seconds, fractional seconds, `Z`, `+07:00`, `+0700`, `+07`, a space before
//! the offset, a trailing `UTC`/`GMT`. A value that is none of these but reads as a
//! printed date ("Sabtu, 04 Feb 2023 15:34 WIB" in a `<meta>`) is tried with the text
//! finder as a last resort.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use warta_model::Resolution;

use crate::ResolvedDate;
use crate::lexicon::Lexicon;

/// A byte scanner over an ASCII timestamp.
struct Scan<'a> {
    b: &'a [u8],
    i: usize,
}

impl Scan<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    /// Between `min` and `max` digits as a number.
    fn digits(&mut self, min: usize, max: usize) -> Option<u32> {
        let start = self.i;
        let mut v: u32 = 0;
        while self.i - start < max {
            match self.peek() {
                Some(c @ b'0'..=b'9') => {
                    v = v * 10 + u32::from(c - b'0');
                    self.i += 1;
                }
                _ => break,
            }
        }
        (self.i - start >= min).then_some(v)
    }

    fn done(&self) -> bool {
        self.i >= self.b.len()
    }
}

/// `2023-02-04`, `2023/02/04`, `2023-02-04T15:34`, `2023-02-04 15:34:00.123+07:00`, …
fn iso(s: &str) -> Option<(NaiveDate, Option<NaiveTime>, Option<FixedOffset>)> {
    let mut p = Scan {
        b: s.as_bytes(),
        i: 0,
    };
    let y = p.digits(4, 4)?;
    let sep = p.peek().filter(|c| *c == b'-' || *c == b'/')?;
    p.i += 1;
    let m = p.digits(1, 2)?;
    if !p.eat(sep) {
        return None;
    }
    let d = p.digits(1, 2)?;
    let date = NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)?;
    if p.done() {
        return Some((date, None, None));
    }
    if !(p.eat(b'T') || p.eat(b't') || p.eat(b' ')) {
        return None;
    }
    let h = p.digits(2, 2)?;
    if !p.eat(b':') {
        return None;
    }
    let min = p.digits(2, 2)?;
    let mut sec = 0;
    let mut nano = 0;
    if p.eat(b':') {
        sec = p.digits(2, 2)?;
        if p.eat(b'.') || p.eat(b',') {
            let start = p.i;
            while p.peek().is_some_and(|c| c.is_ascii_digit()) {
                p.i += 1;
            }
            let len = (p.i - start).min(9);
            if len == 0 {
                return None;
            }
            let frac: u32 = s.get(start..start + len)?.parse().ok()?;
            nano = frac * 10u32.pow(9 - len as u32);
        }
    }
    let time = NaiveTime::from_hms_nano_opt(h, min, sec.min(59), nano)?;
    p.eat(b' ');
    if p.done() {
        return Some((date, Some(time), None));
    }
    let offset = match p.peek()? {
        b'Z' | b'z' => {
            p.i += 1;
            FixedOffset::east_opt(0)?
        }
        sign @ (b'+' | b'-') => {
            p.i += 1;
            let oh = p.digits(2, 2)?;
            let om = if p.eat(b':') {
                p.digits(2, 2)?
            } else {
                p.digits(0, 2).unwrap_or(0)
            };
            if oh > 14 || om > 59 {
                return None;
            }
            let secs = i32::try_from(oh * 3600 + om * 60).ok()?;
            FixedOffset::east_opt(if sign == b'+' { secs } else { -secs })?
        }
        _ => {
            let rest = s.get(p.i..)?.trim();
            if rest.eq_ignore_ascii_case("utc") || rest.eq_ignore_ascii_case("gmt") {
                p.i = p.b.len();
                FixedOffset::east_opt(0)?
            } else {
                return None;
            }
        }
    };
    p.done().then_some((date, Some(time), Some(offset)))
}

pub(crate) fn parse_machine(lex: &Lexicon, value: &str) -> Option<ResolvedDate> {
    let s = value.trim();
    if s.is_empty() || s.len() > 200 {
        return None;
    }
    let out = |date, time, offset| ResolvedDate {
        date,
        end: None,
        time,
        offset,
        resolution: Resolution::Metadata,
        text: s.to_string(),
    };
    if let Some((date, time, offset)) = iso(s) {
        return Some(out(date, time, offset));
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(out(dt.date_naive(), Some(dt.time()), Some(*dt.offset())));
    }
    // Last resort: a printed date in a metadata field.
    crate::find::find(lex, s, None).into_iter().find_map(|m| {
        let date = NaiveDate::from_ymd_opt(m.year?, m.month?, m.day?)?;
        Some(out(date, m.time, m.offset))
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn iso_str(s: &str) -> Option<String> {
        let lex = Lexicon::default();
        let r = parse_machine(&lex, s)?;
        assert_eq!(r.resolution, Resolution::Metadata);
        Some(r.iso())
    }

    #[test]
    fn machine_formats() {
        assert_eq!(
            iso_str("2023-02-04T15:34:00+07:00").as_deref(),
            Some("2023-02-04T15:34:00+07:00")
        );
        assert_eq!(
            iso_str("2023-02-04T08:34:00Z").as_deref(),
            Some("2023-02-04T08:34:00+00:00")
        );
        assert_eq!(
            iso_str("2023-02-04T15:34:00.123456+0700").as_deref(),
            Some("2023-02-04T15:34:00+07:00")
        );
        assert_eq!(
            iso_str("2023-02-04T15:34:00.1234567890123Z").as_deref(),
            Some("2023-02-04T15:34:00+00:00")
        );
        assert_eq!(
            iso_str("2023-02-04 15:34:00").as_deref(),
            Some("2023-02-04T15:34:00")
        );
        assert_eq!(
            iso_str("2023-02-04T15:34+07").as_deref(),
            Some("2023-02-04T15:34:00+07:00")
        );
        assert_eq!(iso_str(" 2023-02-04 ").as_deref(), Some("2023-02-04"));
        assert_eq!(iso_str("2023/02/04").as_deref(), Some("2023-02-04"));
        assert_eq!(
            iso_str("Sat, 04 Feb 2023 15:34:00 +0700").as_deref(),
            Some("2023-02-04T15:34:00+07:00")
        );
        assert_eq!(
            iso_str("Sat, 04 Feb 2023 08:34:00 GMT").as_deref(),
            Some("2023-02-04T08:34:00+00:00")
        );
        assert_eq!(iso_str("2023-02-30"), None);
        assert_eq!(iso_str("2023-02-04T25:00:00Z"), None);
        assert_eq!(iso_str("yesterday"), None);
        assert_eq!(iso_str(""), None);
    }
}
