//! The linker: from names, role titles, tagger spans and pronouns in one article to
//! entities tied to knowledge-base actors.
//!
//! It works in two passes over the article, in text order:
//!
//! 1. **Candidates.** The knowledge base's matcher gives every name it knows (with
//!    all the actors each may be), and every role title ("Menlu China",
//!    "Russian Foreign Minister"); the NER tagger gives person, organisation and
//!    place spans the knowledge base does not know; the cue lists give pronouns,
//!    "-nya" on speech verbs and demonstrative phrases ("negara ini").
//! 2. **Decisions**, left to right, with what the article has said so far: a surname
//!    alone is the person last named in full with that surname (else the only
//!    office-holder of that name on the article date); a title with no name next to
//!    it is whoever held that office on the article date; a pronoun is the most
//!    recent person; an epithet ("diplomat tertinggi tersebut") is the most recent
//!    person holding that role; a country or capital after "di"/"ke" is a place,
//!    otherwise an actor (a capital as actor stands for its government).
//!
//! Unknown persons keep a document-local canonical name: the longest mention that
//! shares their surname.

use crate::cues::Cues;
use chrono::NaiveDate;
use warta_kb::{Actor, ActorKind, Candidate, Kb, MatchKind, TitleKind, TitleMention};
use warta_ner::{Domain, EntityType, Tag, TagScratch, Tagger};
use warta_segment::{Segmented, TokenKind};

/// Entity label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// Person.
    Per,
    /// Organisation.
    Org,
    /// Location or country.
    Loc,
}

impl Label {
    /// `PER`, `ORG`, `LOC`.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Per => "PER",
            Label::Org => "ORG",
            Label::Loc => "LOC",
        }
    }
}

/// One decided mention, in byte offsets.
#[derive(Debug, Clone)]
pub struct Found<'kb> {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Type.
    pub label: Label,
    /// The linked actor, if any.
    pub actor: Option<&'kb Actor>,
    /// Canonical name when not linked (document-local).
    pub local: Option<String>,
    /// Sector implied by this mention (a metonym's), else the actor's.
    pub sector: Option<String>,
    /// How it was linked.
    pub how: &'static str,
    /// Confidence in `[0, 1]`.
    pub confidence: f32,
    /// `actor` or `place`, for countries and cities.
    pub role: Option<&'static str>,
}

/// Confidence of each way of linking.
mod confidence {
    pub const NAME: f32 = 0.95;
    pub const ALIAS: f32 = 0.9;
    pub const DEMONYM: f32 = 0.8;
    pub const METONYM: f32 = 0.8;
    pub const SURNAME_IN_DOC: f32 = 0.9;
    pub const SURNAME_ALONE: f32 = 0.7;
    pub const TITLE: f32 = 0.85;
    pub const TITLE_AMBIGUOUS: f32 = 0.5;
    pub const EPITHET: f32 = 0.6;
    pub const APPOSITION: f32 = 0.8;
    pub const PRONOUN: f32 = 0.5;
    pub const NER: f32 = 0.6;
}

/// Everything the linker needs, borrowed from the stage.
pub struct Linker<'a> {
    /// The knowledge base.
    pub kb: &'a Kb,
    /// The tagger, if one is loaded.
    pub tagger: Option<&'a Tagger>,
    /// Language cues.
    pub cues: &'a Cues,
}

/// A candidate before decisions.
enum Cand<'kb> {
    /// A knowledge-base name.
    Name(warta_kb::Mention<'kb>),
    /// A role title or institution name.
    Title(TitleMention<'kb>),
    /// A tagger span not covered by a name.
    Ner {
        start: usize,
        end: usize,
        kind: EntityType,
    },
    /// A pronoun (or "-nya"), its byte range.
    Pronoun { start: usize, end: usize },
}

impl Cand<'_> {
    fn start(&self) -> usize {
        match self {
            Cand::Name(m) => m.start,
            Cand::Title(t) => t.start,
            Cand::Ner { start, .. } | Cand::Pronoun { start, .. } => *start,
        }
    }
}

/// The longest separator, in bytes, between the items of a title list.
const MAX_LIST_GAP: usize = 12;

/// The document's state as the linker reads on.
#[derive(Default)]
struct State<'kb> {
    /// Persons named so far (in full, or resolved), most recently mentioned last.
    persons: Vec<&'kb Actor>,
    /// Index in `out` of the most recent person mention.
    last_person: Option<usize>,
    /// The most recent country mentioned as an actor.
    last_country: Option<&'kb Actor>,
    /// The role title last resolved through its country, and where the mention ends:
    /// countries listed right after it name that role's holders too.
    last_title: Option<(usize, &'kb str)>,
}

impl<'a> Linker<'a> {
    /// Link every entity mention in `text` (segmented as `seg`) on `date`.
    pub fn link(&self, text: &str, seg: &Segmented, date: NaiveDate) -> Vec<Found<'a>> {
        let scan = self.kb.scan(text);
        let mut cands: Vec<Cand<'a>> = Vec::new();
        let names: Vec<(usize, usize)> = scan.mentions.iter().map(|m| (m.start, m.end)).collect();
        // A surname only generated (bulk-imported) persons have ("Smith" in "John
        // Smith", not a listed person) yields to the tagger's span when it does not
        // resolve, so that importing people never removes a name found before: the
        // span waits here, keyed by the surname's start.
        let surname_only: Vec<(usize, usize)> = scan
            .mentions
            .iter()
            .filter(|m| {
                m.candidates
                    .iter()
                    .all(|c| c.how == MatchKind::Surname && c.actor.generated)
            })
            .map(|m| (m.start, m.end))
            .collect();
        let mut fallback: Vec<(usize, usize, usize, EntityType)> = Vec::new();
        let spans = self.ner_spans(text, seg);
        let not_names = if spans.is_empty() {
            Vec::new()
        } else {
            self.cues.not_name_spans(text)
        };
        for span in spans {
            let Some(span) = self.trim_function_word(text, span) else {
                continue;
            };
            if not_names.iter().any(|&(s, e)| s < span.1 && span.0 < e) {
                continue;
            }
            let overlapping: Vec<(usize, usize)> = names
                .iter()
                .copied()
                .filter(|&(s, e)| s < span.1 && span.0 < e)
                .collect();
            if overlapping.is_empty() {
                cands.push(Cand::Ner {
                    start: span.0,
                    end: span.1,
                    kind: span.2,
                });
            } else if overlapping
                .iter()
                .all(|&(s, e)| span.0 <= s && e <= span.1 && surname_only.contains(&(s, e)))
            {
                // "John Smith": both words are surnames of listed people.
                fallback.extend(
                    overlapping
                        .iter()
                        .map(|&(s, _)| (s, span.0, span.1, span.2)),
                );
            }
        }
        for (start, end) in self.pronouns(text, seg) {
            cands.push(Cand::Pronoun { start, end });
        }
        cands.extend(scan.titles.into_iter().map(Cand::Title));
        cands.extend(scan.mentions.into_iter().map(Cand::Name));
        cands.sort_by_key(Cand::start);
        let name_starts: Vec<usize> = cands
            .iter()
            .filter_map(|c| match c {
                // A person's name right after a title is its holder ("Menlu Rusia,
                // Sergei Lavrov"); a country there is a list ("Menlu Inggris, Prancis").
                Cand::Name(m)
                    if m.candidates
                        .first()
                        .is_none_or(|c| c.actor.kind != ActorKind::Country) =>
                {
                    Some(m.start)
                }
                Cand::Ner {
                    start,
                    kind: EntityType::Per,
                    ..
                } => Some(*start),
                _ => None,
            })
            .collect();

        let mut out: Vec<Found<'a>> = Vec::new();
        let mut st = State::default();
        for cand in cands {
            let title_key = match &cand {
                Cand::Title(t) if t.kind == TitleKind::Role && t.of.is_some() => Some(t.key),
                _ => None,
            };
            let found = match cand {
                Cand::Name(m) => {
                    let start = m.start;
                    self.title_list(text, &m, date, &st)
                        .or_else(|| self.decide_name(text, seg, &m, date, &mut st))
                        .or_else(|| {
                            let &(_, s, e, kind) = fallback.iter().find(|f| f.0 == start)?;
                            // Once per span, and not over a name already linked.
                            let taken = out.last().is_some_and(|f| f.end > s);
                            (!taken).then(|| self.decide_ner(text, s, e, kind, date, &st, &out))
                        })
                }
                // "Menlu Rusia Sergei Lavrov", "Menlu Rusia, Sergei Lavrov", "presiden
                // terpilih Prabowo": the name is the mention, not the title.
                Cand::Title(t) if name_starts.contains(&self.name_start_after(text, t.end)) => None,
                Cand::Title(t) => self
                    .apposition(text, &t, out.last())
                    .or_else(|| self.decide_title(text, &t, date, &st)),
                Cand::Ner { start, end, kind } => {
                    Some(self.decide_ner(text, start, end, kind, date, &st, &out))
                }
                Cand::Pronoun { start, end } => {
                    st.last_person.and_then(|i| out.get(i)).map(|p| Found {
                        start,
                        end,
                        label: Label::Per,
                        actor: p.actor,
                        local: p.local.clone(),
                        sector: p.sector.clone(),
                        how: "pronoun",
                        confidence: confidence::PRONOUN,
                        role: None,
                    })
                }
            };
            let Some(mut found) = found else { continue };
            // "di Bali, Indonesia": a country in apposition to a place is a place — when
            // the place lies in it ("Jika Israel menyerang Rafah, Amerika Serikat akan
            // …" is a new clause, not an address).
            if found.role == Some("actor")
                && let Some(prev) = out.last()
                && prev.role == Some("place")
                && text
                    .get(prev.end..found.start)
                    .is_some_and(|gap| gap.trim() == ",")
                && match (prev.actor, found.actor) {
                    (Some(p), Some(f)) => {
                        p.country.is_none() || p.country.as_deref() == Some(f.id.as_str())
                    }
                    _ => true,
                }
            {
                found.role = Some("place");
            }
            if found.label == Label::Per && found.how != "pronoun" {
                st.last_person = Some(out.len());
                // Most recently mentioned last: epithets and surnames look backwards.
                if let Some(a) = found.actor {
                    st.persons.retain(|p| !std::ptr::eq(*p, a));
                    st.persons.push(a);
                }
            }
            match (title_key, found.how) {
                (Some(key), "title") => st.last_title = Some((found.end, key)),
                (None, "title-list") => {
                    st.last_title = st.last_title.map(|(_, key)| (found.end, key));
                }
                _ => {}
            }
            // "negara ini" points back at the country last named, as actor or place.
            if let Some(a) = found.actor
                && a.kind == ActorKind::Country
                && found.role.is_some()
            {
                st.last_country = Some(a);
            }
            out.push(found);
        }
        name_local_persons(text, &mut out);
        out
    }

    /// Person, organisation and place spans from the tagger, in bytes.
    fn ner_spans(&self, text: &str, seg: &Segmented) -> Vec<(usize, usize, EntityType)> {
        let Some(tagger) = self.tagger else {
            return Vec::new();
        };
        let mut spans = Vec::new();
        let mut scratch = TagScratch::default();
        let mut words: Vec<&str> = Vec::new();
        let mut tags: Vec<Tag> = Vec::new();
        for s in &seg.sentences {
            let tokens = seg.sentence_tokens(s);
            words.clear();
            words.extend(tokens.iter().map(|t| t.text(text)));
            tagger.tag_into(&words, Domain::News, &mut scratch, &mut tags);
            let mut open: Option<(usize, usize, EntityType)> = None;
            for (tok, &tag) in tokens.iter().zip(&tags) {
                match tag {
                    Tag::B(t) => {
                        spans.extend(open.take());
                        open = Some((tok.start, tok.end, t));
                    }
                    Tag::I(t) => match open.as_mut() {
                        Some(o) if o.2 == t => o.1 = tok.end,
                        _ => {
                            spans.extend(open.take());
                            open = Some((tok.start, tok.end, t));
                        }
                    },
                    Tag::O => spans.extend(open.take()),
                }
            }
            spans.extend(open);
        }
        spans
    }

    /// A tagger span without a leading function word ("While Richardson" →
    /// "Richardson"); `None` when the span was nothing else ("Only").
    fn trim_function_word(
        &self,
        text: &str,
        span: (usize, usize, EntityType),
    ) -> Option<(usize, usize, EntityType)> {
        let (mut start, end, kind) = span;
        loop {
            let s = text.get(start..end)?;
            let first_len = s.find(char::is_whitespace).unwrap_or(s.len());
            let first = &s[..first_len];
            // An acronym is never a function word: "AS" (the US) is not "as".
            let acronym = first.chars().filter(|c| c.is_alphabetic()).count() > 1
                && !first.chars().any(char::is_lowercase);
            if acronym || !self.cues.not_name_starts.contains(&first.to_lowercase()) {
                return Some((start, end, kind));
            }
            let rest = &s[first_len..];
            let next = rest.len() - rest.trim_start().len();
            if first_len + next >= s.len() {
                return None;
            }
            start += first_len + next;
        }
    }

    /// Pronouns referring to persons: listed pronoun words, and "-nya" on listed hosts.
    fn pronouns(&self, text: &str, seg: &Segmented) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for tok in &seg.tokens {
            if tok.kind != TokenKind::Word {
                continue;
            }
            let word = tok.text(text);
            let lower = word.to_lowercase();
            if self.cues.pronouns.contains(&lower) {
                out.push((tok.start, tok.end));
                continue;
            }
            if let Some(stem) = lower.strip_suffix("nya")
                && !stem.is_empty()
                && self.cues.nya_hosts.contains(stem)
            {
                out.push((tok.end - "nya".len(), tok.end));
            }
        }
        out
    }

    /// A knowledge-base name: choose its actor.
    fn decide_name(
        &self,
        text: &str,
        seg: &Segmented,
        m: &warta_kb::Mention<'a>,
        date: NaiveDate,
        st: &mut State<'a>,
    ) -> Option<Found<'a>> {
        let place = self.after_place_preposition(text, seg, m.start);
        let best = m.candidates.first()?;
        let pick =
            |c: &Candidate<'a>, how: &'static str, conf: f32, role: Option<&'static str>| Found {
                start: m.start,
                end: m.end,
                label: label_of(c.actor),
                actor: Some(c.actor),
                local: None,
                sector: c
                    .sector
                    .map(str::to_string)
                    .or_else(|| c.actor.sector.clone()),
                how,
                confidence: conf,
                role,
            };
        match best.how {
            MatchKind::Surname => {
                // Confirmed by a full mention earlier in the article, else by the
                // knowledge base when only one office-holder has that name.
                let surname = &text[m.start..m.end];
                if let Some(p) = st
                    .persons
                    .iter()
                    .rev()
                    .find(|p| self.kb.is_surname_of(p, surname))
                {
                    let c = m
                        .candidates
                        .iter()
                        .find(|c| std::ptr::eq(c.actor, *p))
                        .copied()
                        .unwrap_or(*best);
                    return Some(Found {
                        actor: Some(p),
                        ..pick(&c, "surname", confidence::SURNAME_IN_DOC, None)
                    });
                }
                let p = self.kb.resolve_surname(surname, date)?;
                Some(Found {
                    actor: Some(p),
                    sector: p.sector.clone(),
                    ..pick(best, "surname", confidence::SURNAME_ALONE, None)
                })
            }
            _ => {
                // A capital: the city after "di"/"ke", else the government it stands for.
                let metonym = m.candidates.iter().find(|c| c.how == MatchKind::Metonym);
                let city = m
                    .candidates
                    .iter()
                    .find(|c| c.actor.kind == ActorKind::Place);
                if let (Some(city), true) = (city, place) {
                    return Some(pick(
                        city,
                        how_name(city.how),
                        confidence::ALIAS,
                        Some("place"),
                    ));
                }
                if best.actor.kind == ActorKind::Place
                    && let Some(mt) = metonym
                {
                    return Some(pick(mt, "metonym", confidence::METONYM, Some("actor")));
                }
                let role = match best.actor.kind {
                    ActorKind::Country if place => Some("place"),
                    ActorKind::Country => Some("actor"),
                    ActorKind::Place => Some("place"),
                    _ => None,
                };
                let conf = match best.how {
                    MatchKind::Name => confidence::NAME,
                    MatchKind::Alias => confidence::ALIAS,
                    MatchKind::Demonym => confidence::DEMONYM,
                    _ => confidence::METONYM,
                };
                Some(pick(best, how_name(best.how), conf, role))
            }
        }
    }

    /// A role title: a mention of its holder when no name stands next to it.
    fn decide_title(
        &self,
        text: &str,
        t: &TitleMention<'a>,
        date: NaiveDate,
        st: &State<'a>,
    ) -> Option<Found<'a>> {
        if t.former {
            return None;
        }
        let base = |actor: Option<&'a Actor>, how: &'static str, conf: f32| Found {
            start: t.start,
            end: t.end,
            label: actor.map_or(Label::Per, label_of),
            actor,
            local: None,
            sector: actor.and_then(|a| a.sector.clone()),
            how,
            confidence: conf,
            role: None,
        };
        if t.kind == TitleKind::Institution {
            let inst = self.kb.title_holders(t, date).into_iter().next()?;
            return Some(base(Some(inst), "title", confidence::TITLE));
        }
        if t.of.is_some() {
            let holders = self.kb.title_holders(t, date);
            let conf = if holders.len() == 1 {
                confidence::TITLE
            } else {
                confidence::TITLE_AMBIGUOUS
            };
            let holder = holders.into_iter().next()?;
            return Some(base(Some(holder), "title", conf));
        }
        // No country written: "Menlu negara ini" (the country last named as an
        // actor), or an epithet, "diplomat tertinggi tersebut" (the person last named
        // who holds that role).
        let (end, pointing) = self.demonstrative_after(text, t.end);
        if let Some(country) = st.last_country
            && pointing.is_some_and(|p| p == Pointing::Country)
        {
            let holder = self
                .kb
                .role_holders(t.key, &country.id, date)
                .into_iter()
                .next()?;
            return Some(Found {
                end,
                ..base(Some(holder), "epithet", confidence::EPITHET)
            });
        }
        // A bare title ("kata Menlu", "the Foreign Minister said") after its holder was
        // named is that person, as an epithet is.
        if t.epithet || pointing.is_some() || t.kind == TitleKind::Role {
            let holder = st
                .persons
                .iter()
                .rev()
                .find(|p| p.roles_on(date).any(|r| self.role_fits(t.key, &r.role)))?;
            return Some(Found {
                end,
                ..base(Some(holder), "epithet", confidence::EPITHET)
            });
        }
        None
    }

    /// Where a holder's name would start after a title ending at byte `at`: past up
    /// to three spaces or a comma, and past one title modifier ("terpilih").
    fn name_start_after(&self, text: &str, at: usize) -> usize {
        let skip = |from: usize| {
            let rest = text.get(from..).unwrap_or("");
            let gap = rest.len() - rest.trim_start_matches([' ', ',', '\u{a0}']).len();
            from + gap.min(3)
        };
        let next = skip(at);
        let rest = text.get(next..).unwrap_or("");
        let word_len = rest
            .find(|c: char| !c.is_alphanumeric() && c != '-')
            .unwrap_or(rest.len());
        let word = &rest[..word_len];
        if !word.is_empty() && self.cues.title_modifiers.contains(&word.to_lowercase()) {
            skip(next + word_len)
        } else {
            next
        }
    }

    /// A role title in apposition to the person just named describes that person:
    /// "Josep Borrell, penanggung jawab kebijakan luar negeri Uni Eropa" is Borrell
    /// whatever the article date (an undated article, a recounted past) — unless the
    /// knowledge base lists the person's offices and this is none of them ("… bertemu
    /// Putin, Menlu AS mengatakan" is a new clause).
    fn apposition(
        &self,
        text: &str,
        t: &TitleMention<'a>,
        prev: Option<&Found<'a>>,
    ) -> Option<Found<'a>> {
        let prev = prev?;
        if t.kind != TitleKind::Role
            || prev.label != Label::Per
            || prev.how == "pronoun"
            || text.get(prev.end..t.start)?.trim() != ","
        {
            return None;
        }
        if let Some(a) = prev.actor
            && !a.roles.is_empty()
            && !a.roles.iter().any(|r| self.describes(t, r))
        {
            return None;
        }
        Some(Found {
            start: t.start,
            end: t.end,
            how: "apposition",
            confidence: confidence::APPOSITION,
            role: None,
            ..prev.clone()
        })
    }

    /// Whether a title with role `key` names an office of role `held`: the same
    /// role, or one it includes ("diplomat tertinggi" includes foreign ministers).
    fn role_fits(&self, key: &str, held: &str) -> bool {
        held == key
            || self
                .kb
                .role(key)
                .is_some_and(|def| def.includes.iter().any(|r| r == held))
    }

    /// Whether title `t` names the office `r` (its role, or one its role includes, in
    /// the country or organisation it names).
    fn describes(&self, t: &TitleMention<'_>, r: &warta_kb::RoleHolding) -> bool {
        let role_fits = self.role_fits(t.key, &r.role);
        let of_fits = t.of.is_none_or(|of| {
            of.id == r.of
                || (of.kind == ActorKind::Organisation && of.country.as_deref() == Some(&r.of))
        });
        role_fits && of_fits
    }

    /// A country listed right after a role title resolved through its own country:
    /// "Menteri Luar Negeri Inggris, Prancis, dan Jerman" names the French and the
    /// German minister too. Only when the knowledge base knows the one holder on
    /// `date`; otherwise the country stays a country.
    fn title_list(
        &self,
        text: &str,
        m: &warta_kb::Mention<'a>,
        date: NaiveDate,
        st: &State<'a>,
    ) -> Option<Found<'a>> {
        let (end, key) = st.last_title?;
        // Only a separator may stand between: ", ", " dan ", ", serta " (no scan of
        // the text since a title far back).
        if m.start < end || m.start - end > MAX_LIST_GAP {
            return None;
        }
        let gap = text.get(end..m.start)?;
        let words: Vec<String> = gap
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let joined = match words.as_slice() {
            [] => gap.contains(','),
            [w] => self.cues.list_words.contains(w),
            _ => false,
        };
        if !joined {
            return None;
        }
        let country = m
            .candidates
            .iter()
            .find(|c| c.actor.kind == ActorKind::Country)?
            .actor;
        let holders = self.kb.role_holders(key, &country.id, date);
        let [holder] = holders.as_slice() else {
            return None;
        };
        Some(Found {
            start: m.start,
            end: m.end,
            label: label_of(holder),
            actor: Some(holder),
            local: None,
            sector: holder.sector.clone(),
            how: "title-list",
            confidence: confidence::TITLE_AMBIGUOUS,
            role: None,
        })
    }

    /// A tagger span the knowledge base did not name.
    #[allow(clippy::too_many_arguments)]
    fn decide_ner(
        &self,
        text: &str,
        start: usize,
        end: usize,
        kind: EntityType,
        date: NaiveDate,
        st: &State<'a>,
        _out: &[Found<'a>],
    ) -> Found<'a> {
        let surface = &text[start..end];
        let label = match kind {
            EntityType::Per => Label::Per,
            EntityType::Org => Label::Org,
            EntityType::Loc => Label::Loc,
        };
        let unlinked = Found {
            start,
            end,
            label,
            actor: None,
            local: Some(surface.to_string()),
            sector: None,
            how: "ner",
            confidence: confidence::NER,
            role: None,
        };
        if kind != EntityType::Per {
            return unlinked;
        }
        // A person's last word may be a known surname.
        let last = surface.split_whitespace().last().unwrap_or(surface);
        if let Some(p) = st
            .persons
            .iter()
            .rev()
            .find(|p| self.kb.is_surname_of(p, last))
        {
            return Found {
                actor: Some(p),
                local: None,
                sector: p.sector.clone(),
                how: "surname",
                confidence: confidence::SURNAME_IN_DOC,
                ..unlinked
            };
        }
        if surface.split_whitespace().count() == 1
            && let Some(p) = self.kb.resolve_surname(last, date)
        {
            return Found {
                actor: Some(p),
                local: None,
                sector: p.sector.clone(),
                how: "surname",
                confidence: confidence::SURNAME_ALONE,
                ..unlinked
            };
        }
        unlinked
    }

    /// Whether a place preposition stands before byte `start`, directly or across a
    /// few place nouns ("di Moskow", "di sebuah hotel Roma", "in the city of").
    fn after_place_preposition(&self, text: &str, seg: &Segmented, start: usize) -> bool {
        const LOOKBACK: usize = 4;
        let i = seg.tokens.partition_point(|t| t.end <= start);
        for back in 1..=LOOKBACK {
            let Some(t) = i.checked_sub(back).and_then(|p| seg.tokens.get(p)) else {
                return false;
            };
            let word = t.text(text);
            if t.kind != TokenKind::Word {
                return false;
            }
            if self.cues.place_prepositions.contains(&word.to_lowercase()) {
                return true;
            }
            if !self.cues.place_nouns.contains(&word.to_lowercase()) {
                return false;
            }
        }
        false
    }

    /// A demonstrative phrase right after byte `at`: "negara ini" points at a country,
    /// "tersebut"/"ini" at the person or thing just named. Returns the end of the
    /// phrase (or `at`) and what it points at.
    fn demonstrative_after(&self, text: &str, at: usize) -> (usize, Option<Pointing>) {
        let rest = text.get(at..).unwrap_or("");
        let mut words = rest.split_whitespace();
        let first = words.next().unwrap_or("");
        let first_clean = first
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let end_of = |w: &str| {
            rest.find(w).map_or(at, |p| {
                at + p + w.trim_end_matches(|c: char| !c.is_alphanumeric()).len()
            })
        };
        if self.cues.country_nouns.contains(&first_clean) {
            let second = words.next().unwrap_or("");
            let second_clean = second
                .trim_end_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            if self.cues.demonstratives.contains(&second_clean) {
                let after_first = end_of(first);
                let tail = text.get(after_first..).unwrap_or("");
                let end = tail.find(second).map_or(after_first, |p| {
                    after_first
                        + p
                        + second
                            .trim_end_matches(|c: char| !c.is_alphanumeric())
                            .len()
                });
                return (end, Some(Pointing::Country));
            }
        }
        if self.cues.demonstratives.contains(&first_clean) {
            return (end_of(first), Some(Pointing::Back));
        }
        (at, None)
    }
}

/// What a demonstrative points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pointing {
    /// "negara ini": a country.
    Country,
    /// "tersebut": the person or thing just named.
    Back,
}

fn label_of(a: &Actor) -> Label {
    match a.kind {
        ActorKind::Person => Label::Per,
        ActorKind::Organisation => Label::Org,
        ActorKind::Country | ActorKind::Place => Label::Loc,
    }
}

fn how_name(how: MatchKind) -> &'static str {
    match how {
        MatchKind::Name => "name",
        MatchKind::Alias => "alias",
        MatchKind::Demonym => "demonym",
        MatchKind::Metonym => "metonym",
        MatchKind::Surname => "surname",
    }
}

/// Unknown persons: mentions sharing a last word get the longest of them as their
/// document-local canonical name ("Andi" → "Andi Widjajanto"); the pronouns and
/// appositions that point at one of them follow it.
fn name_local_persons(text: &str, out: &mut [Found<'_>]) {
    let key = |f: &Found<'_>| {
        f.local
            .as_deref()
            .unwrap_or("")
            .split_whitespace()
            .last()
            .map(str::to_lowercase)
    };
    let mut longest: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for f in out
        .iter()
        .filter(|f| f.label == Label::Per && f.actor.is_none() && f.how == "ner")
    {
        if let Some(k) = key(f) {
            let surface = text[f.start..f.end].to_string();
            let e = longest.entry(k).or_default();
            if surface.chars().count() > e.chars().count() {
                *e = surface;
            }
        }
    }
    for f in out
        .iter_mut()
        .filter(|f| f.label == Label::Per && f.actor.is_none())
    {
        if let Some(k) = key(f)
            && let Some(name) = longest.get(&k)
        {
            f.local = Some(name.clone());
        }
    }
}
