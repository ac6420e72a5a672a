//! Finding date mentions: a small recursive-descent grammar over tokens.
//!
//! The scan reads tokens left to right and only starts a parse at a number or at a
//! word that can begin a mention (a month, a weekday, "kemarin", "pada", …; the
//! lexicon's `triggers`). At each start every form is tried and the longest wins, so
//! the result is leftmost-longest and non-overlapping. Nothing is allocated unless a
//! mention is found.
//!
//! Forms (words come from the data files; punctuation and digits are code):
//!
//! - day-led: `4 Februari 2023`, `04 Feb 2023 15:34 WIB`, `2-3 Februari`, `2 dan 3 Feb`,
//!   `4th February`, `04-Feb-2023`; the year is optional, the month name is not;
//! - month-led (languages with `month_first`): `February 4, 2023`, `Feb. 2-3`;
//!   month + year in every language: `Maret 2022` (a month mention, day `None`);
//! - numeric: `2/2/2023`, `04-02-2023`, `4.2.2023`, `2023-02-04`, `2023/02/04`, ISO
//!   8601 with time and offset; year-less `5/6` and two-digit years only right
//!   after a weekday;
//! - weekday-led: a weekday, then `,` / `(` / nothing, then any date above; or a
//!   weekday alone with context (`Senin lalu`, `Senin (kemarin)`, `pada hari Senin`,
//!   `on Monday`, `next Tuesday`);
//! - relative phrases (`kemarin`, `pekan lalu`) and counted ones (`dua hari lalu`,
//!   `3 hari yang lalu`, `two days ago`, `in two weeks`);
//! - an optional time after a date (`15:34`, `15.34`, `pukul 10.30`, `3:34 p.m.`) and
//!   zone (`WIB`, `ET`, `GMT+7`, `+0700`); after a relative word or bare weekday only
//!   when introduced by a time word (`kemarin pukul 10.00`).

use chrono::{NaiveDate, NaiveTime, Weekday};

use crate::lexicon::{Dir, Lexicon, Mask, NumericOrder, ZoneSpec};
use crate::token::{Cursor, KeyBuf, Kind, Token};
use crate::{DateMention, Relative};

/// Parts of a mention before numeric order and zone are settled.
#[derive(Debug, Clone, Copy, Default)]
struct Parts {
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
    day_end: Option<u32>,
    /// An all-numeric day/month pair whose order is decided at the end.
    numeric: Option<(u32, u32)>,
    weekday: Option<Weekday>,
    time: Option<NaiveTime>,
    zone: Option<ZoneSpec>,
    relative: Option<Relative>,
    mask: Mask,
}

impl Parts {
    fn has_day(&self) -> bool {
        self.day.is_some() || self.numeric.is_some()
    }
}

/// A successful parse: where it starts, the cursor after it, what it says.
#[derive(Debug, Clone, Copy)]
struct Parsed<'t> {
    start: usize,
    end: Cursor<'t>,
    parts: Parts,
}

/// Keep the longer of two parses (the first on a tie).
fn pick<'t>(best: &mut Option<Parsed<'t>>, p: Option<Parsed<'t>>) {
    if let Some(p) = p
        && best.as_ref().is_none_or(|b| p.end.pos > b.end.pos)
    {
        *best = Some(p);
    }
}

/// Dashes that join the days of a range or separate a time from a date.
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2013}' | '\u{2014}')
}

pub(crate) struct Finder<'l, 't> {
    lex: &'l Lexicon,
    text: &'t str,
    kb: KeyBuf,
}

/// Every date mention in `text`; `lang` (a language code) decides numeric order.
pub(crate) fn find(lex: &Lexicon, text: &str, lang: Option<&str>) -> Vec<DateMention> {
    let mut f = Finder {
        lex,
        text,
        kb: KeyBuf::default(),
    };
    let mut out = Vec::new();
    let mut c = Cursor::new(text);
    loop {
        let before = c;
        let Some(tok) = c.next() else { break };
        let candidate = match tok.kind {
            Kind::Num => f.left_isolated(tok.start),
            Kind::Word => f.is_trigger(tok),
            _ => false,
        };
        if !candidate {
            continue;
        }
        if tok.kind == Kind::Word
            && let Some((after, _)) = lex.not_dates.match_at(&before, &mut f.kb, lex.non_ascii)
        {
            c = after;
            continue;
        }
        if let Some(p) = f.parse_at(before, tok) {
            out.push(f.build(p, lang));
            c = p.end;
        }
    }
    out
}

impl<'t> Finder<'_, 't> {
    fn is_trigger(&mut self, tok: Token) -> bool {
        match self.kb.key(self.text, tok, self.lex.non_ascii) {
            Some(k) => self.lex.triggers.contains(k),
            None => false,
        }
    }

    /// A number starts a mention only if it is not glued to a word or another number
    /// ("G20", "1.234", "3/4/5").
    fn left_isolated(&self, start: usize) -> bool {
        let Some(before) = self.text.get(..start) else {
            return false;
        };
        let mut it = before.chars().rev();
        match it.next() {
            None => true,
            Some(c) if c.is_alphanumeric() => false,
            Some('.' | ',' | '/' | '-' | ':') => !it.next().is_some_and(|d| d.is_ascii_digit()),
            Some(_) => true,
        }
    }

    /// The number ends cleanly: no letter or digit glued after it, and no `/`, `-`,
    /// `.`, `:` followed by a digit (so "2/2/2023/5" and "1.2.2023.4" are refused).
    fn right_isolated(&self, end: usize) -> bool {
        let cur = Cursor::new(self.text);
        match cur.chars_from(end) {
            (Some(c), _) if c.is_alphanumeric() => false,
            (Some('.' | '/' | '-' | ':'), Some(d)) => !d.is_ascii_digit(),
            _ => true,
        }
    }

    fn key_of(&mut self, tok: Token) -> Option<&str> {
        self.kb.key(self.text, tok, self.lex.non_ascii)
    }

    fn parse_at(&mut self, c: Cursor<'t>, tok: Token) -> Option<Parsed<'t>> {
        let mut best = None;
        match tok.kind {
            Kind::Num => {
                let p = self.counted(c);
                pick(&mut best, p);
                let p = self.date_standalone(c);
                pick(&mut best, p);
            }
            Kind::Word => {
                let p = self.relative_phrase(c);
                pick(&mut best, p);
                let p = self.counted(c);
                pick(&mut best, p);
                let p = self.prefixed_weekday(c);
                pick(&mut best, p);
                let p = self.weekday_led(c, None);
                pick(&mut best, p);
                let p = self.month_led(c).map(|(end, parts)| Parsed {
                    start: tok.start,
                    end,
                    parts,
                });
                if let Some(p) = p {
                    let p = self.finish_date(p);
                    pick(&mut best, Some(p));
                }
            }
            _ => {}
        }
        best
    }

    fn build(&self, p: Parsed<'_>, lang: Option<&str>) -> DateMention {
        let mut parts = p.parts;
        if let Some((a, b)) = parts.numeric {
            let (day, month) = if a > 12 {
                (a, b)
            } else if b > 12 {
                (b, a)
            } else {
                match self.lex.numeric_order(lang, parts.mask) {
                    NumericOrder::Dmy => (a, b),
                    NumericOrder::Mdy => (b, a),
                }
            };
            parts.day = Some(day);
            parts.month = Some(month);
        }
        let date = match (parts.year, parts.month, parts.day) {
            (Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y, m, d),
            _ => None,
        };
        let end = p.end.pos;
        DateMention {
            range: p.start..end,
            text: self.text.get(p.start..end).unwrap_or_default().to_string(),
            year: parts.year,
            month: parts.month,
            day: parts.day,
            day_end: parts.day_end,
            weekday: parts.weekday,
            time: parts.time,
            offset: parts.zone.map(|z| z.offset_on(date)),
            relative: parts.relative,
        }
    }

    // ----- small token helpers -------------------------------------------------

    /// Consume the next token if it is `ch` (and adjacent when `adjacent`).
    fn punct(&self, c: &mut Cursor<'t>, ch: char, adjacent: bool) -> bool {
        let mut c2 = *c;
        match c2.next() {
            Some(t) if t.kind == Kind::Punct(ch) && !(adjacent && t.spaced) => {
                *c = c2;
                true
            }
            _ => false,
        }
    }

    /// Consume the next token if it is punctuation accepted by `f`; return it.
    fn punct_if(&self, c: &mut Cursor<'t>, f: impl Fn(char) -> bool) -> Option<(char, Token)> {
        let mut c2 = *c;
        match c2.next() {
            Some(t) => match t.kind {
                Kind::Punct(ch) if f(ch) => {
                    *c = c2;
                    Some((ch, t))
                }
                _ => None,
            },
            None => None,
        }
    }

    /// The next token as a number of at most `max_len` digits.
    fn number(&self, c: &mut Cursor<'t>, max_len: usize, adjacent: bool) -> Option<(u32, Token)> {
        let mut c2 = *c;
        let t = c2.next()?;
        if t.kind != Kind::Num || t.len() > max_len || (adjacent && t.spaced) {
            return None;
        }
        let v = c2.slice(t).parse().ok()?;
        *c = c2;
        Some((v, t))
    }

    /// A day of the month, 1–31, with an optional glued ordinal suffix ("4th").
    fn day_num(&mut self, c: &mut Cursor<'t>) -> Option<u32> {
        let mut c2 = *c;
        let (d, _) = self.number(&mut c2, 2, false)?;
        if !(1..=31).contains(&d) {
            return None;
        }
        let mut c3 = c2;
        if let Some(next) = c3.next()
            && next.kind == Kind::Word
            && !next.spaced
        {
            let lex = self.lex;
            let ok = self.key_of(next).is_some_and(|k| lex.ordinals.contains(k));
            if !ok {
                return None;
            }
            c2 = c3;
        }
        *c = c2;
        Some(d)
    }

    /// A four-digit year, 1000–2999, not glued to a following word.
    fn year4(&self, c: &mut Cursor<'t>) -> Option<i32> {
        let mut c2 = *c;
        let (y, t) = self.number(&mut c2, 4, false)?;
        if t.len() != 4 || !(1000..=2999).contains(&y) {
            return None;
        }
        let cur = Cursor::new(self.text);
        if cur.chars_from(t.end).0.is_some_and(char::is_alphanumeric) {
            return None;
        }
        *c = c2;
        Some(y as i32)
    }

    /// A month name (and its languages), honouring `capitalized_only`.
    fn month_word(&mut self, c: &mut Cursor<'t>, adjacent: bool) -> Option<(u32, Mask)> {
        let mut c2 = *c;
        let t = c2.next()?;
        if t.kind != Kind::Word || (adjacent && t.spaced) {
            return None;
        }
        let (month, mask, cap_only) = {
            let k = self.kb.key(self.text, t, self.lex.non_ascii)?;
            let (m, mask) = *self.lex.months.get(k)?;
            (m, mask, self.lex.capitalized_only.contains(k))
        };
        if cap_only && !c2.slice(t).starts_with(char::is_uppercase) {
            return None;
        }
        *c = c2;
        Some((month, mask))
    }

    /// "-3", "– 3", "dan 3", "and 3rd": the end of a day range.
    fn range_tail(&mut self, c: &mut Cursor<'t>) -> Option<u32> {
        let mut c2 = *c;
        if self.punct_if(&mut c2, is_dash).is_none() {
            let (after, _) = self
                .lex
                .range
                .match_at(&c2, &mut self.kb, self.lex.non_ascii)?;
            c2 = after;
        }
        let d = self.day_num(&mut c2)?;
        *c = c2;
        Some(d)
    }

    /// Absorb "lalu", "depan", "mendatang", "last week"-style direction words after a date.
    fn direction_after(&mut self, c: &mut Cursor<'t>) -> Option<Dir> {
        let (after, dir) = self
            .lex
            .dir_after
            .match_at(c, &mut self.kb, self.lex.non_ascii)?;
        let dir = *dir;
        *c = after;
        Some(dir)
    }

    // ----- dates ---------------------------------------------------------------

    /// A date starting at a number: day-led or numeric.
    fn date_standalone(&mut self, c: Cursor<'t>) -> Option<Parsed<'t>> {
        let start = c.peek()?.start;
        let mut best = None;
        if let Some((end, parts)) = self.day_led(c) {
            pick(&mut best, Some(Parsed { start, end, parts }));
        }
        if let Some((end, parts)) = self.numeric(c, false) {
            pick(&mut best, Some(Parsed { start, end, parts }));
        }
        best.map(|p| self.finish_date(p))
    }

    /// After a date: an optional time and zone, then an optional direction word.
    fn finish_date(&mut self, mut p: Parsed<'t>) -> Parsed<'t> {
        if p.parts.has_day() && p.parts.time.is_none() {
            let mut c = p.end;
            if let Some((t, z)) = self.time_tail(&mut c, false) {
                p.parts.time = Some(t);
                if z.is_some() {
                    p.parts.zone = z;
                }
                p.end = c;
            }
        }
        if p.parts.has_day() {
            let mut c = p.end;
            if self.direction_after(&mut c).is_some() {
                p.end = c;
            }
        }
        p
    }

    /// The core date forms (no time), longest of day-led, numeric and month-led with a day.
    fn date_core(&mut self, c: Cursor<'t>, allow_short: bool) -> Option<(Cursor<'t>, Parts)> {
        let mut best: Option<(Cursor<'t>, Parts)> = None;
        let mut keep = |cand: Option<(Cursor<'t>, Parts)>| {
            if let Some(cand) = cand
                && best.as_ref().is_none_or(|b| cand.0.pos > b.0.pos)
            {
                best = Some(cand);
            }
        };
        keep(self.day_led(c));
        keep(self.numeric(c, allow_short));
        keep(self.month_led(c).filter(|(_, p)| p.day.is_some()));
        best
    }

    /// `4 Februari 2023`, `2-3 Feb`, `2 dan 3 Februari`, `04-Feb-2023`, `4th February`.
    fn day_led(&mut self, c0: Cursor<'t>) -> Option<(Cursor<'t>, Parts)> {
        let mut c = c0;
        let first = c.peek()?;
        if first.kind != Kind::Num {
            return None;
        }
        let day = self.day_num(&mut c)?;
        let mut parts = Parts {
            day: Some(day),
            ..Parts::default()
        };
        let mut cr = c;
        if let Some(end) = self.range_tail(&mut cr)
            && end > day
        {
            parts.day_end = Some(end);
            c = cr;
        }
        // "4 Februari" or glued "04-Feb-2023".
        let mut sep = None;
        let (month, mask) = match self.month_word(&mut c, false) {
            Some(m) => m,
            None => {
                let (ch, _) = self.punct_if(&mut c, |ch| matches!(ch, '-' | '/' | '.'))?;
                sep = Some(ch);
                self.month_word(&mut c, true)?
            }
        };
        parts.month = Some(month);
        parts.mask |= mask;
        let mut cy = c;
        let year = match sep {
            Some(ch) => {
                if self.punct(&mut cy, ch, true) {
                    self.year4(&mut cy)
                } else {
                    None
                }
            }
            None => {
                self.punct(&mut cy, '.', true);
                self.punct(&mut cy, ',', false);
                self.year4(&mut cy)
            }
        };
        if let Some(y) = year {
            parts.year = Some(y);
            c = cy;
        }
        Some((c, parts))
    }

    /// `February 4, 2023`, `Feb. 2-3`, and the month mention `Maret 2022`.
    fn month_led(&mut self, c0: Cursor<'t>) -> Option<(Cursor<'t>, Parts)> {
        let mut c = c0;
        let (month, mask) = self.month_word(&mut c, false)?;
        let mut c_d = c;
        self.punct(&mut c_d, '.', true);
        let mut parts = Parts {
            month: Some(month),
            mask,
            ..Parts::default()
        };
        if self.lex.month_first(mask) {
            let mut c2 = c_d;
            if let Some(day) = self.day_num(&mut c2) {
                parts.day = Some(day);
                let mut cr = c2;
                if let Some(end) = self.range_tail(&mut cr)
                    && end > day
                {
                    parts.day_end = Some(end);
                    c2 = cr;
                }
                let mut cy = c2;
                self.punct(&mut cy, ',', false);
                if let Some(y) = self.year4(&mut cy) {
                    parts.year = Some(y);
                    c2 = cy;
                }
                return Some((c2, parts));
            }
        }
        let mut cy = c_d;
        self.punct(&mut cy, ',', false);
        let y = self.year4(&mut cy)?;
        parts.year = Some(y);
        Some((cy, parts))
    }

    /// `2/2/2023`, `04-02-2023`, `4.2.2023`, `2023-02-04[T15:34:00+07:00]`,
    /// `2023/02/04`; `5/6` and `19/3/22` only when `allow_short` (after a weekday).
    fn numeric(&mut self, c0: Cursor<'t>, allow_short: bool) -> Option<(Cursor<'t>, Parts)> {
        let mut c = c0;
        let (a, ta) = self.number(&mut c, 4, false)?;
        if ta.len() == 4 {
            let (sep, ts) = self.punct_if(&mut c, |ch| matches!(ch, '-' | '/'))?;
            if ts.spaced {
                return None;
            }
            let (m, _) = self.number(&mut c, 2, true)?;
            if !self.punct(&mut c, sep, true) {
                return None;
            }
            let (d, td) = self.number(&mut c, 2, true)?;
            if !(1..=12).contains(&m) || !(1..=31).contains(&d) || !(1000..=2999).contains(&a) {
                return None;
            }
            let mut parts = Parts {
                year: Some(a as i32),
                month: Some(m),
                day: Some(d),
                ..Parts::default()
            };
            // ISO "T15:34:00+07:00".
            let mut ct = c;
            if let Some(t) = ct.next()
                && t.kind == Kind::Word
                && !t.spaced
                && ct.slice(t).eq_ignore_ascii_case("t")
            {
                let (time, zone) = self.clock(&mut ct, true)?;
                parts.time = Some(time);
                parts.zone = zone;
                return Some((ct, parts));
            }
            if !self.right_isolated(td.end) {
                return None;
            }
            let mut ct = c;
            if let Some((time, zone)) = self.clock(&mut ct, true) {
                parts.time = Some(time);
                parts.zone = zone;
                c = ct;
            }
            return Some((c, parts));
        }
        if ta.len() > 2 {
            return None;
        }
        let (sep, ts) = self.punct_if(&mut c, |ch| matches!(ch, '/' | '-' | '.'))?;
        if ts.spaced {
            return None;
        }
        let (b, tb) = self.number(&mut c, 2, true)?;
        let mut last = tb;
        let mut year = None;
        let mut cy = c;
        if self.punct(&mut cy, sep, true)
            && let Some((y, ty)) = self.number(&mut cy, 4, true)
        {
            year = match ty.len() {
                4 if (1000..=2999).contains(&y) => Some(y as i32),
                2 if allow_short => Some(2000 + y as i32),
                _ => None,
            };
            if year.is_some() {
                last = ty;
                c = cy;
            }
        }
        if year.is_none() && !(allow_short && sep == '/') {
            return None;
        }
        if !self.right_isolated(last.end) {
            return None;
        }
        if !(1..=31).contains(&a) || !(1..=31).contains(&b) || (a > 12 && b > 12) {
            return None;
        }
        Some((
            c,
            Parts {
                year,
                numeric: Some((a, b)),
                ..Parts::default()
            },
        ))
    }

    // ----- times and zones -----------------------------------------------------

    /// A time after a date: optional separator and time word, then a clock time.
    /// With `require_word`, the time word ("pukul", "at") is mandatory.
    fn time_tail(
        &mut self,
        c: &mut Cursor<'t>,
        require_word: bool,
    ) -> Option<(NaiveTime, Option<ZoneSpec>)> {
        let mut c2 = *c;
        self.punct_if(&mut c2, |ch| {
            matches!(ch, ',' | '|' | '/' | '\u{2022}' | '\u{00B7}') || is_dash(ch)
        });
        let mut has_word = false;
        if let Some((after, _)) =
            self.lex
                .time_before
                .match_at(&c2, &mut self.kb, self.lex.non_ascii)
        {
            c2 = after;
            self.punct(&mut c2, '.', true);
            has_word = true;
        }
        if require_word && !has_word {
            return None;
        }
        let (h, th) = self.number(&mut c2, 2, false)?;
        let mut m = 0;
        let mut s = 0;
        let mut nano = 0;
        let mut has_minutes = false;
        let mut last = th;
        let mut cm = c2;
        if self
            .punct_if(&mut cm, |ch| ch == ':' || ch == '.')
            .is_some_and(|(_, t)| !t.spaced)
            && let Some((mm, tm)) = self.number(&mut cm, 2, true)
            && tm.len() == 2
        {
            m = mm;
            has_minutes = true;
            last = tm;
            c2 = cm;
            let mut cs = c2;
            if self.punct(&mut cs, ':', true)
                && let Some((ss, ts)) = self.number(&mut cs, 2, true)
                && ts.len() == 2
            {
                s = ss;
                last = ts;
                c2 = cs;
                if let Some((n, tn)) = self.fraction(&mut c2) {
                    nano = n;
                    last = tn;
                }
            }
        }
        if !self.right_isolated(last.end) {
            return None;
        }
        let mut h = h;
        let mut ca = c2;
        let mut meridiem = false;
        if let Some((after, _)) = self.lex.pm.match_at(&ca, &mut self.kb, self.lex.non_ascii) {
            if !(1..=12).contains(&h) {
                return None;
            }
            if h < 12 {
                h += 12;
            }
            ca = after;
            meridiem = true;
        } else if let Some((after, _)) = self.lex.am.match_at(&ca, &mut self.kb, self.lex.non_ascii)
        {
            if !(1..=12).contains(&h) {
                return None;
            }
            if h == 12 {
                h = 0;
            }
            ca = after;
            meridiem = true;
        }
        if !has_minutes && !meridiem && !has_word {
            return None;
        }
        c2 = ca;
        let time = NaiveTime::from_hms_nano_opt(h, m, s, nano)?;
        let mut cz = c2;
        let zone = self.zone(&mut cz, false);
        if zone.is_some() {
            c2 = cz;
        }
        *c = c2;
        Some((time, zone))
    }

    /// An ISO clock right after `T` or a space: `15:34[:00[.123]][Z|+07:00]`.
    fn clock(&mut self, c: &mut Cursor<'t>, iso: bool) -> Option<(NaiveTime, Option<ZoneSpec>)> {
        let mut c2 = *c;
        let (h, _) = self.number(&mut c2, 2, false)?;
        if !self.punct(&mut c2, ':', true) {
            return None;
        }
        let (m, tm) = self.number(&mut c2, 2, true)?;
        if tm.len() != 2 {
            return None;
        }
        let mut s = 0;
        let mut nano = 0;
        let mut cs = c2;
        if self.punct(&mut cs, ':', true)
            && let Some((ss, ts)) = self.number(&mut cs, 2, true)
            && ts.len() == 2
        {
            s = ss;
            c2 = cs;
            if let Some((n, _)) = self.fraction(&mut c2) {
                nano = n;
            }
        }
        let time = NaiveTime::from_hms_nano_opt(h, m, s, nano)?;
        let mut cz = c2;
        let zone = self.zone(&mut cz, iso);
        if zone.is_some() {
            c2 = cz;
        }
        *c = c2;
        Some((time, zone))
    }

    /// `.123` / `,123` fractional seconds, glued.
    fn fraction(&self, c: &mut Cursor<'t>) -> Option<(u32, Token)> {
        let mut c2 = *c;
        self.punct_if(&mut c2, |ch| ch == '.' || ch == ',')
            .filter(|(_, t)| !t.spaced)?;
        let t = c2.next()?;
        if t.kind != Kind::Num || t.spaced {
            return None;
        }
        let digits = c2.slice(t);
        let mut nano: u32 = 0;
        for (i, b) in digits.bytes().take(9).enumerate() {
            nano += u32::from(b - b'0') * 10u32.pow(8 - i as u32);
        }
        *c = c2;
        Some((nano, t))
    }

    /// A zone: `WIB`, `(WIB)`, `ET`, `GMT+7`, `UTC+07:00`, ` +0700`, and in ISO
    /// context a glued `Z` or `+07:00`.
    fn zone(&mut self, c: &mut Cursor<'t>, iso: bool) -> Option<ZoneSpec> {
        let mut c2 = *c;
        let paren = self.punct(&mut c2, '(', false);
        let t = c2.peek()?;
        let spec = match t.kind {
            Kind::Word => {
                if iso && !t.spaced && c2.slice(t).eq_ignore_ascii_case("z") {
                    c2.next();
                    ZoneSpec::Fixed(chrono::FixedOffset::east_opt(0)?)
                } else {
                    let (spec, mask) = {
                        let k = self.kb.key(self.text, t, self.lex.non_ascii)?;
                        *self.lex.zones.get(k)?
                    };
                    let _ = mask;
                    c2.next();
                    let mut co = c2;
                    match self.signed_offset(&mut co, true) {
                        Some(o) if spec.is_utc() => {
                            c2 = co;
                            ZoneSpec::Fixed(o)
                        }
                        _ => spec,
                    }
                }
            }
            Kind::Punct('+' | '-' | '\u{2212}') if iso || t.spaced || paren => {
                ZoneSpec::Fixed(self.signed_offset(&mut c2, false)?)
            }
            _ => return None,
        };
        if paren && !self.punct(&mut c2, ')', false) {
            return None;
        }
        *c = c2;
        Some(spec)
    }

    /// `+0700`, `+07:00`, and with `short` also `+7`, `+07`.
    fn signed_offset(&self, c: &mut Cursor<'t>, short: bool) -> Option<chrono::FixedOffset> {
        let mut c2 = *c;
        let (sign, _) = self.punct_if(&mut c2, |ch| matches!(ch, '+' | '-' | '\u{2212}'))?;
        let (n, t) = self.number(&mut c2, 4, true)?;
        let (h, m) = match t.len() {
            4 => (n / 100, n % 100),
            1 | 2 => {
                let mut cm = c2;
                if self.punct(&mut cm, ':', true) {
                    let (mm, tm) = self.number(&mut cm, 2, true)?;
                    if tm.len() != 2 {
                        return None;
                    }
                    c2 = cm;
                    (n, mm)
                } else if short {
                    (n, 0)
                } else {
                    return None;
                }
            }
            _ => return None,
        };
        if h > 14 || m > 59 {
            return None;
        }
        let secs = (h * 3600 + m * 60) as i32;
        let o = chrono::FixedOffset::east_opt(if sign == '+' { secs } else { -secs })?;
        *c = c2;
        Some(o)
    }

    // ----- weekdays and relative expressions -------------------------------------

    /// "pada hari Senin", "on Monday", "last Monday", "next Tuesday".
    fn prefixed_weekday(&mut self, c0: Cursor<'t>) -> Option<Parsed<'t>> {
        let start = c0.peek()?.start;
        if let Some((after, _)) =
            self.lex
                .context_before
                .match_at(&c0, &mut self.kb, self.lex.non_ascii)
            && let Some(p) = self.weekday_led(after, Some((start, Dir::Nearest, true)))
        {
            return Some(p);
        }
        let (after, dir) = self
            .lex
            .dir_before
            .match_at(&c0, &mut self.kb, self.lex.non_ascii)?;
        let dir = *dir;
        self.weekday_led(after, Some((start, dir, false)))
    }

    /// A weekday followed by a date ("Sabtu, 4 Februari 2023", "Sabtu (19/3/2022)"),
    /// or used alone as a relative date ("Senin lalu", "Senin (kemarin)").
    /// `prefix` is (start, direction, gives context) of a word before it.
    fn weekday_led(
        &mut self,
        c0: Cursor<'t>,
        prefix: Option<(usize, Dir, bool)>,
    ) -> Option<Parsed<'t>> {
        let mut c = c0;
        let t = c.next()?;
        if t.kind != Kind::Word {
            return None;
        }
        let (w, cap_only) = {
            let k = self.kb.key(self.text, t, self.lex.non_ascii)?;
            (
                *self.lex.weekdays.get(k)?,
                self.lex.capitalized_only.contains(k),
            )
        };
        if cap_only && !c.slice(t).starts_with(char::is_uppercase) {
            return None;
        }
        if let Some(p) = self.weekday_date(c, t.start, w.abbrev) {
            let mut p = p;
            p.parts.weekday = Some(w.weekday);
            p.parts.mask |= w.mask;
            return Some(p);
        }
        if w.abbrev {
            return None;
        }
        // Relative weekday.
        let mut dir = prefix.map(|(_, d, _)| d);
        let mut context = prefix.is_some_and(|(_, _, strong)| strong);
        let mut ca = c;
        if let Some(d) = self.direction_after(&mut ca) {
            dir = Some(d);
            c = ca;
        } else {
            let mut cp = c;
            if self.punct(&mut cp, '(', false) {
                if let Some(d) = self
                    .direction_after(&mut cp)
                    .or_else(|| self.relative_days_dir(&mut cp))
                    && self.punct(&mut cp, ')', false)
                {
                    dir = Some(d);
                    context = true;
                    c = cp;
                }
            } else if let Some(d) = self.relative_days_dir(&mut ca) {
                dir = Some(d);
                c = ca;
            }
        }
        if w.needs_context
            && !context
            && self
                .lex
                .context_after
                .match_at(&c, &mut self.kb, self.lex.non_ascii)
                .is_none()
        {
            return None;
        }
        let relative = match dir {
            Some(Dir::Future) => Relative::WeekdayAfter(w.weekday),
            _ => Relative::WeekdayBefore(w.weekday),
        };
        let mut parts = Parts {
            relative: Some(relative),
            mask: w.mask,
            ..Parts::default()
        };
        let mut ct = c;
        if let Some((time, zone)) = self.time_tail(&mut ct, true) {
            parts.time = Some(time);
            parts.zone = zone;
            c = ct;
        }
        Some(Parsed {
            start: prefix.map_or(t.start, |(s, _, _)| s),
            end: c,
            parts,
        })
    }

    /// "kemarin", "hari ini", "besok" after a weekday: their sign gives the direction.
    fn relative_days_dir(&mut self, c: &mut Cursor<'t>) -> Option<Dir> {
        let (after, rel) = self
            .lex
            .relative
            .match_at(c, &mut self.kb, self.lex.non_ascii)?;
        let dir = match *rel {
            Relative::Days(n) if n > 0 => Dir::Future,
            Relative::Days(_) => Dir::Nearest,
            _ => return None,
        };
        *c = after;
        Some(dir)
    }

    /// The date part after a weekday name at cursor `c` (just after the name).
    fn weekday_date(&mut self, c0: Cursor<'t>, start: usize, abbrev: bool) -> Option<Parsed<'t>> {
        let mut c = c0;
        let dot = self.punct(&mut c, '.', true);
        let paren = self.punct(&mut c, '(', false);
        let sep = paren
            || self
                .punct_if(&mut c, |ch| ch == ',' || ch == '/' || is_dash(ch))
                .is_some_and(|(ch, _)| ch == ',');
        // An abbreviation needs punctuation: "Sat, 4 Feb", "Sab. 4/2", "Sen (4/2)".
        if abbrev && !dot && !sep {
            return None;
        }
        let (mut c, mut parts) = self.date_core(c, true)?;
        if paren {
            let mut ct = c;
            if let Some((time, zone)) = self.time_tail(&mut ct, false) {
                parts.time = Some(time);
                parts.zone = zone;
                c = ct;
            }
            if !self.punct(&mut c, ')', false) {
                return None;
            }
            let mut p = Parsed {
                start,
                end: c,
                parts,
            };
            p = self.finish_date(p);
            // "Senin (4/2) (kemarin)" is rare; "(4/2) lalu" is handled by finish_date.
            return Some(p);
        }
        Some(self.finish_date(Parsed {
            start,
            end: c,
            parts,
        }))
    }

    /// "kemarin", "pekan lalu", "yesterday", with an optional "pukul 10.00".
    fn relative_phrase(&mut self, c0: Cursor<'t>) -> Option<Parsed<'t>> {
        let start = c0.peek()?.start;
        let (mut c, rel) = self
            .lex
            .relative
            .match_at(&c0, &mut self.kb, self.lex.non_ascii)?;
        let mut parts = Parts {
            relative: Some(*rel),
            ..Parts::default()
        };
        let mut ct = c;
        if let Some((time, zone)) = self.time_tail(&mut ct, true) {
            parts.time = Some(time);
            parts.zone = zone;
            c = ct;
        }
        Some(Parsed {
            start,
            end: c,
            parts,
        })
    }

    /// "dua hari lalu", "3 hari yang lalu", "two days ago", "in two weeks".
    fn counted(&mut self, c0: Cursor<'t>) -> Option<Parsed<'t>> {
        let start = c0.peek()?.start;
        let mut c = c0;
        let mut future = false;
        if let Some((after, _)) =
            self.lex
                .counted_future_before
                .match_at(&c, &mut self.kb, self.lex.non_ascii)
        {
            c = after;
            future = true;
        }
        let n = {
            let mut cn = c;
            match self.number(&mut cn, 3, false) {
                Some((n, t)) if self.left_isolated(t.start) => {
                    c = cn;
                    n
                }
                Some(_) => return None,
                None => {
                    let (after, n) =
                        self.lex
                            .numbers
                            .match_at(&c, &mut self.kb, self.lex.non_ascii)?;
                    let n = *n;
                    c = after;
                    n
                }
            }
        };
        let t = c.next()?;
        if t.kind != Kind::Word {
            return None;
        }
        let unit = {
            let k = self.kb.key(self.text, t, self.lex.non_ascii)?;
            *self.lex.units.get(k)?
        };
        let n = i32::try_from(n).ok()?;
        let signed = if future {
            n
        } else if let Some((after, _)) =
            self.lex
                .counted_past_after
                .match_at(&c, &mut self.kb, self.lex.non_ascii)
        {
            c = after;
            -n
        } else if let Some((after, _)) =
            self.lex
                .counted_future_after
                .match_at(&c, &mut self.kb, self.lex.non_ascii)
        {
            c = after;
            n
        } else {
            return None;
        };
        Some(Parsed {
            start,
            end: c,
            parts: Parts {
                relative: Some(unit.relative(signed)),
                ..Parts::default()
            },
        })
    }
}

/// The direction words in a mention's text: `Some(Past)` if it has a past word
/// ("lalu", "last"), `Some(Future)` for a future word, `Some(Nearest)` for "pada hari".
pub(crate) fn direction_in(lex: &Lexicon, text: &str) -> Option<Dir> {
    let mut kb = KeyBuf::default();
    let mut c = Cursor::new(text);
    let mut found = None;
    loop {
        let before = c;
        if let Some((after, d)) = lex.dir_after.match_at(&before, &mut kb, lex.non_ascii) {
            found = Some(*d);
            c = after;
            continue;
        }
        if let Some((after, d)) = lex.dir_before.match_at(&before, &mut kb, lex.non_ascii) {
            found = Some(*d);
            c = after;
            continue;
        }
        if c.next().is_none() {
            break;
        }
    }
    found
}
