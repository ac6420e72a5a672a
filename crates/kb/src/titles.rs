//! Role titles and institution names in running text: "Menlu Rusia", "Menteri Luar
//! Negeri China", "Russian Foreign Minister", "China's top diplomat", "Sekjen PBB",
//! "Kementerian Luar Negeri China".
//!
//! A title is found with its own dictionary (case-insensitive, except all-capital
//! abbreviations such as "PM"), then the country or organisation it belongs to is
//! looked for among the name mentions: right after it, Indonesian-style, possibly
//! behind a parenthesis ("Menteri Luar Negeri (Menlu) Rusia") or a connector ("of",
//! "of the", "dari"); failing that right before it, English-style ("Russian Foreign
//! Minister", "China's foreign minister"). A title may imply its country ("Secretary
//! of State" → USA, "Kanselir" → DEU) when none is written. "mantan"/"former" before
//! the phrase marks a former holder, who must not be resolved against the article
//! date.

use crate::Kb;
use crate::actor::{Actor, ActorKind, Candidate, MatchKind};
use crate::fold::fold;
use crate::matcher::Mention;

/// What a title names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum TitleTarget {
    /// Index into [`Kb::roles`].
    Role(usize),
    /// Index into [`Kb::institution_kinds`].
    Institution(usize),
}

/// A title in the title dictionary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TitleRef {
    pub target: TitleTarget,
    pub implied: Option<u32>,
    pub epithet: bool,
}

/// Whether a title names a person's role or an institution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TitleKind {
    /// A role held by a person ("Menlu", "Presiden", "diplomat tertinggi").
    Role,
    /// A national institution ("Kementerian Luar Negeri", "Foreign Ministry").
    Institution,
}

/// A role title or institution name found in text, with the country or organisation
/// it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct TitleMention<'kb> {
    /// Byte offset of the whole phrase (title and country, in either order).
    pub start: usize,
    /// Byte offset one past the whole phrase.
    pub end: usize,
    /// Byte range of the title words alone.
    pub title: (usize, usize),
    /// Role or institution.
    pub kind: TitleKind,
    /// Role key (`foreign_minister`) or institution kind (`foreign_ministry`). For a
    /// title attached to an organisation this is the role it means there
    /// ("Presiden Komisi Eropa" → `head_of_organisation`).
    pub key: &'kb str,
    /// The country or organisation, written or implied.
    pub of: Option<&'kb Actor>,
    /// Byte range of the country or organisation when written (`None` when implied
    /// by the title or absent).
    pub of_span: Option<(usize, usize)>,
    /// An epithet ("diplomat tertinggi") rather than a title.
    pub epithet: bool,
    /// Preceded by "mantan"/"former": a past holder, not the one on the article date.
    pub former: bool,
}

impl Kb {
    /// Titles in `text`, given its name mentions (from [`Kb::find_mentions`]).
    pub(crate) fn titles_in<'kb>(
        &'kb self,
        text: &str,
        folded: &crate::fold::Folded,
        mentions: &[Mention<'kb>],
    ) -> Vec<TitleMention<'kb>> {
        let mut out = Vec::new();
        for hit in self.titles.scan(text, folded) {
            let span = &text[hit.start..hit.end];
            let mut refs: Vec<&TitleRef> = self.titles.values_for(hit.entry, span).collect();
            refs.sort_by_key(|r| r.epithet);
            let Some(&tref) = refs.first() else {
                continue;
            };
            out.push(self.title_mention(text, hit.start, hit.end, *tref, mentions));
        }
        out
    }

    fn title_mention<'kb>(
        &'kb self,
        text: &str,
        start: usize,
        end: usize,
        tref: TitleRef,
        mentions: &[Mention<'kb>],
    ) -> TitleMention<'kb> {
        let right = self.country_after(text, end, mentions);
        let left = match right {
            Some(_) => None,
            None => country_before(text, start, mentions),
        };
        let whole = match (right.or(left), tref.target) {
            (None, TitleTarget::Institution(i)) => {
                self.institution_named(start, end, &self.institution_kinds[i].key, mentions)
            }
            _ => None,
        };
        let (of, of_span) = match right.or(left).or(whole) {
            Some((actor, s, e)) => (Some(actor), Some((s, e))),
            None => (tref.implied.and_then(|i| self.actors.get(i as usize)), None),
        };
        let phrase_start = left.or(whole).map_or(start, |(_, s, _)| s.min(start));
        let phrase_end = right.or(whole).map_or(end, |(_, _, e)| e.max(end));
        let (kind, key) = match tref.target {
            TitleTarget::Role(i) => {
                let role = &self.roles[i];
                let key = match (of, &role.in_organisation) {
                    (Some(a), Some(k)) if a.kind == ActorKind::Organisation => k.as_str(),
                    _ => role.key.as_str(),
                };
                (TitleKind::Role, key)
            }
            TitleTarget::Institution(i) => (
                TitleKind::Institution,
                self.institution_kinds[i].key.as_str(),
            ),
        };
        TitleMention {
            start: phrase_start,
            end: phrase_end,
            title: (start, end),
            kind,
            key,
            of,
            of_span,
            epithet: tref.epithet,
            former: self.is_former(&text[..phrase_start]),
        }
    }

    /// A country or organisation mention starting right after a title.
    fn country_after<'kb>(
        &'kb self,
        text: &str,
        end: usize,
        mentions: &[Mention<'kb>],
    ) -> Option<(&'kb Actor, usize, usize)> {
        let mut pos = skip_spaces(text, end);
        if text[pos..].starts_with('(')
            && let Some(close) = text[pos..].find(')').filter(|&c| c <= 40)
        {
            pos = skip_spaces(text, pos + close + 1);
        }
        let at = |pos: usize| {
            mentions
                .binary_search_by_key(&pos, |m| m.start)
                .ok()
                .and_then(|i| polity(&mentions[i]).map(|a| (a, pos, mentions[i].end)))
        };
        if let Some(found) = at(pos) {
            return Some(found);
        }
        let after_connector = self.skip_connector(text, pos)?;
        at(after_connector)
    }

    /// An institution whose listed name contains the title ("Kementerian Luar Negeri
    /// China" is itself a name of CHN-MFA): its country, and the name's span.
    fn institution_named<'kb>(
        &'kb self,
        start: usize,
        end: usize,
        kind: &str,
        mentions: &[Mention<'kb>],
    ) -> Option<(&'kb Actor, usize, usize)> {
        let i = mentions.partition_point(|m| m.end < end);
        let m = mentions
            .get(i)
            .filter(|m| m.start <= start && end <= m.end)?;
        let org = m.candidates.iter().find(|c| {
            c.how != MatchKind::Surname && c.actor.institution.as_deref() == Some(kind)
        })?;
        let country = self.get(org.actor.country.as_deref()?)?;
        Some((country, m.start, m.end))
    }

    /// Skip a connector word or phrase ("of the", "of", "dari") at `pos`.
    fn skip_connector(&self, text: &str, pos: usize) -> Option<usize> {
        for c in &self.connectors {
            let words = c.split(' ').count();
            let mut end = pos;
            let mut ok = true;
            for _ in 0..words {
                let w_end = text[end..]
                    .find(char::is_whitespace)
                    .map_or(text.len(), |i| end + i);
                if w_end == end {
                    ok = false;
                    break;
                }
                end = skip_spaces(text, w_end);
            }
            if ok && fold(&text[pos..end]) == *c {
                return Some(end);
            }
        }
        None
    }

    /// Whether the text before a phrase ends with "mantan", "former", "eks-", …
    fn is_former(&self, before: &str) -> bool {
        let last = before
            .trim_end()
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("");
        let last = fold(last.trim_end_matches('-'));
        !last.is_empty() && self.former.contains(&last)
    }
}

/// A country or organisation mention ending right before a title, allowing a
/// possessive "'s" ("China's foreign minister").
fn country_before<'kb>(
    text: &str,
    start: usize,
    mentions: &[Mention<'kb>],
) -> Option<(&'kb Actor, usize, usize)> {
    let before = text[..start].trim_end_matches([' ', '\t', '\u{a0}']);
    let mut pos = before.len();
    for poss in ["'s", "\u{2019}s"] {
        if let Some(stripped) = before.strip_suffix(poss) {
            pos = stripped.len();
        }
    }
    let i = mentions.partition_point(|m| m.end < pos);
    let m = mentions.get(i).filter(|m| m.end == pos)?;
    polity(m).map(|a| (a, m.start, m.end))
}

/// The country (preferred) or organisation a mention names, if any.
fn polity<'kb>(m: &Mention<'kb>) -> Option<&'kb Actor> {
    let usable = |c: &&Candidate<'kb>| {
        c.how != MatchKind::Surname
            && matches!(c.actor.kind, ActorKind::Country | ActorKind::Organisation)
    };
    let mut best: Option<&Candidate<'kb>> = None;
    for c in m.candidates.iter().filter(usable) {
        let rank = |c: &Candidate<'_>| (c.how, c.actor.kind != ActorKind::Country);
        if best.is_none_or(|b| rank(c) < rank(b)) {
            best = Some(c);
        }
    }
    best.map(|c| c.actor)
}

fn skip_spaces(text: &str, mut pos: usize) -> usize {
    while let Some(c) = text[pos..].chars().next() {
        if c == '\n' || !c.is_whitespace() {
            break;
        }
        pos += c.len_utf8();
    }
    pos
}
