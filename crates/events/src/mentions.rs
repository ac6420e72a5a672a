//! Actor mentions as the coder sees them: the article's entities (char offsets) turned
//! into byte ranges with a kind, plus the mentions the coder adds itself — collective
//! actors from the lexicon ("Barat") and first-person pronouns inside quotations
//! ("kami" said by Lavrov is Lavrov).

use std::ops::Range;

use warta_model::{CharIndex, Entity, EventActor, Quote, Span};

use crate::lexicon::Lexicon;

/// What a mention can do in an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A person, named or described.
    Person,
    /// An organisation or institution.
    Org,
    /// A country or capital standing for a state ("Rusia menuduh", "Beijing menolak").
    State,
    /// A place where something happens ("di Bali", "ke Moskow").
    Place,
    /// A pronoun linked by the entity stage ("ia", "dia").
    Pronoun,
    /// A "-nya" clitic linked by the entity stage: an actor only on an event word.
    Clitic,
    /// A collective actor from the lexicon ("Barat").
    Group,
    /// "kami"/"we" inside a direct quotation: its speaker.
    FirstPerson,
}

/// One mention, in bytes, with the actor it stands for.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    pub range: Range<usize>,
    pub kind: Kind,
    pub actor: EventActor,
    /// For places: the kb id of the place itself and its country.
    pub place_id: Option<String>,
    /// Linked to the knowledge base (or a lexicon group), not a document-local name.
    pub linked: bool,
    /// A description rather than a name ("Kepala Diplomat Partai Komunis China",
    /// "kepala diplomasi Uni Eropa"): after a comma it is an
    /// apposition, not a second actor.
    pub described: bool,
}

impl Mention {
    /// The key two mentions of one actor share: the kb id, else the canonical name,
    /// else the text.
    pub fn key(&self) -> &str {
        actor_key(&self.actor)
    }
}

/// The key of an event actor: kb id, canonical name or text.
pub(crate) fn actor_key(a: &EventActor) -> &str {
    a.kb_id
        .as_deref()
        .or(a.canonical.as_deref())
        .unwrap_or(&a.text)
}

/// The entities of the input as mentions, sorted by start, exact duplicates removed.
pub(crate) fn from_entities(text: &str, idx: &CharIndex, entities: &[Entity]) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(entities.len());
    for e in entities {
        let Some(range) = idx.byte_range(Span::new(e.start, e.end)) else {
            continue;
        };
        if range.is_empty() || text.get(range.clone()).is_none() {
            continue;
        }
        let how = e.how.as_deref();
        let kind = match (e.label.as_str(), e.role.as_deref(), how) {
            (_, _, Some("pronoun")) => {
                let printed = text.get(range.clone()).unwrap_or("");
                let glued = range.start > 0
                    && text[..range.start]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric);
                if glued || printed.eq_ignore_ascii_case("nya") {
                    Kind::Clitic
                } else {
                    Kind::Pronoun
                }
            }
            ("PER", _, _) => Kind::Person,
            ("ORG", _, _) => Kind::Org,
            (_, Some("place"), _) => Kind::Place,
            (_, Some("actor"), _) => Kind::State,
            // A location without a role: a state when it is a country (its id is its
            // country code), otherwise a place.
            _ => {
                if e.kb_id.is_some() && e.kb_id == e.country {
                    Kind::State
                } else {
                    Kind::Place
                }
            }
        };
        let m = Mention {
            range: range.clone(),
            kind,
            actor: EventActor {
                text: e.text.clone(),
                start: e.start,
                end: e.end,
                canonical: e.canonical.clone(),
                kb_id: e.kb_id.clone(),
                country: e.country.clone(),
                sector: e.sector.clone(),
            },
            place_id: (kind == Kind::Place).then(|| e.kb_id.clone()).flatten(),
            linked: e.kb_id.is_some(),
            described: matches!(how, Some("title" | "epithet"))
                || e.text.chars().next().is_some_and(char::is_lowercase),
        };
        if out
            .iter()
            .any(|o| o.range == m.range && o.actor.kb_id == m.actor.kb_id)
        {
            continue;
        }
        out.push(m);
    }
    out.sort_by_key(|m| (m.range.start, std::cmp::Reverse(m.range.end)));
    // A mention inside a longer one is part of it ("Moskow" in "Menlu Moskow",
    // "Partai Komunis China" in "Kepala Diplomat Partai Komunis China"); a clitic
    // inside a word is kept.
    let mut kept: Vec<Mention> = Vec::with_capacity(out.len());
    for m in out {
        let inside = kept.last().is_some_and(|k| {
            m.kind != Kind::Clitic && k.range.start <= m.range.start && m.range.end <= k.range.end
        });
        if !inside {
            kept.push(m);
        }
    }
    kept
}

/// "kami"/"kita"/"we" inside direct quotations whose speaker is known: mentions of the
/// speaker (an anonymous official with a country stands for that country's
/// government).
pub(crate) fn first_person(
    text: &str,
    idx: &CharIndex,
    quotes: &[Quote],
    lex: &Lexicon,
    countries: &std::collections::HashMap<String, String>,
    tokens: &[(Range<usize>, &str)],
) -> Vec<Mention> {
    let mut out = Vec::new();
    if lex.roles.first_person.is_empty() {
        return out;
    }
    for q in quotes.iter().filter(|q| q.direct) {
        let Some(sp) = &q.speaker else { continue };
        let (kb_id, canonical, sector) = match (&sp.kb_id, &sp.country) {
            (Some(id), _) => (Some(id.clone()), sp.canonical.clone(), sp.sector.clone()),
            (None, Some(c)) => (
                Some(c.clone()),
                countries.get(c).cloned(),
                sp.sector.clone().or_else(|| Some("GOV".to_string())),
            ),
            (None, None) => continue,
        };
        let Some(qr) = idx.byte_range(Span::new(q.start, q.end)) else {
            continue;
        };
        for (r, lower) in tokens {
            if r.start < qr.start || r.end > qr.end || !lex.roles.first_person.contains(*lower) {
                continue;
            }
            let span = idx.span_of(r.clone());
            out.push(Mention {
                range: r.clone(),
                kind: Kind::FirstPerson,
                actor: EventActor {
                    text: text.get(r.clone()).unwrap_or("").to_string(),
                    start: span.start,
                    end: span.end,
                    canonical: canonical.clone(),
                    kb_id: kb_id.clone(),
                    country: sp.country.clone(),
                    sector: sector.clone(),
                },
                place_id: None,
                linked: true,
                described: false,
            });
        }
    }
    out
}
