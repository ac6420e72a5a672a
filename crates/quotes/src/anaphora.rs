//! Who "ujarnya", "he said" and "kata diplomat tertinggi tersebut" refer to.
//!
//! Resolution walks the article in order, keeping the last person who spoke (any
//! attributed quotation, or a speech verb whose subject is a person: "Lavrov
//! menyatakan kepuasan …") and the last person named at the start of a sentence who
//! also speaks somewhere in the article ("Lavrov, pada gilirannya, berterima kasih
//! …"). A singular pronoun takes the later of the two; a plural one the last group.
//!
//! Descriptions keep their own text and get a `refers_to`:
//!
//! * a definite one ("diplomat tertinggi tersebut", "the official") refers to the last
//!   named person who spoke;
//! * a title ("Menlu China", "Menteri Luar Negeri Rusia") refers to the most recent
//!   person the article introduced with a matching title: the text itself says
//!   "Menteri Luar Negeri China Wang Yi", so every name printed after role and country
//!   words gets a profile of them, and "Menlu China" (role `foreign_minister`,
//!   country `CHN`) finds Wang Yi.

use crate::ctx::Ctx;
use crate::cues::Who;
use crate::fx::{FxMap, FxSet};
use crate::lexicon::{CountryId, RoleId, bit};
use crate::speaker::{Class, Np, classify, np_forward};
use warta_model::SpeakerKind;

/// A resolved speaker, in byte offsets.
#[derive(Debug, Clone)]
pub(crate) struct Res {
    /// Byte range of the speaker text (the antecedent's mention for a pronoun).
    pub span: (usize, usize),
    pub kind: SpeakerKind,
    pub anonymous: bool,
    pub plural: bool,
    pub role: Option<RoleId>,
    pub country: Option<CountryId>,
    /// Byte range of the pronoun it was resolved from.
    pub anaphor: Option<(usize, usize)>,
    /// Byte range of the person a description refers to.
    pub refers_to: Option<(usize, usize)>,
    /// A person or group a pronoun may refer to.
    pub personal: bool,
    /// Byte range of the name inside `span`, when it has one.
    pub name: Option<(usize, usize)>,
    /// Token position where it was last mentioned.
    pos: usize,
}

/// A name printed in the text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct NameOcc {
    /// Tokens `[a, b)`.
    pub a: usize,
    pub b: usize,
}

/// The subject phrase starting a sentence, when it names someone.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Subject {
    pub np: Np,
    /// Its name has two or more words, none a reduplicated common noun: a person's
    /// full name rather than a lone city or a capitalised plural ("Negara-negara").
    pub full: bool,
}

/// What the text says about a name: the roles and countries printed before it.
#[derive(Debug, Clone, Default)]
struct Profile {
    tokens: Vec<String>,
    roles: Vec<RoleId>,
    countries: Vec<CountryId>,
}

/// Every name occurrence and the title profiles of names.
#[derive(Debug, Default)]
pub(crate) struct Names {
    /// Index of a profile by its lower-cased name.
    by_key: FxMap<String, usize>,
    pub occs: Vec<NameOcc>,
    /// Sentence-initial subjects that name a person ("Wakil Presiden Gibran
    /// Rakabuming Raka meninjau …").
    pub subjects: Vec<Subject>,
    profiles: Vec<Profile>,
}

impl Names {
    /// Scan the article for names and the titles printed before them.
    pub fn scan(ctx: &Ctx<'_, '_>) -> Names {
        let doc = &ctx.doc;
        let mut names = Names::default();
        for &(a, b) in &ctx.sents.spans {
            let mut init = a;
            while let Some((n, ())) = ctx.lex.conjunctions.at(doc, init) {
                init += n;
            }
            if let Some(np) = np_forward(ctx, init, b, true)
                && let Some((na, nb)) = np.name
                && np.personal()
                && !np.plural
            {
                let full = nb - na >= 2
                    && (na..nb).all(|k| doc.lower(k).split_once('-').is_none_or(|(x, y)| x != y));
                names.subjects.push(Subject { np, full });
            }
            let mut roles: Vec<RoleId> = Vec::new();
            let mut countries: Vec<CountryId> = Vec::new();
            let mut comma = false;
            let mut j = a;
            while j < b {
                if ctx.inside(j) {
                    roles.clear();
                    countries.clear();
                    j += 1;
                    continue;
                }
                let (class, n) = classify(ctx, j);
                match class {
                    Class::Role { id, .. } => roles.push(id),
                    Class::Country(c) => countries.push(c),
                    Class::Connector | Class::Modifier => {}
                    Class::NotWord if doc.is_punct(j, ',') && !comma && !roles.is_empty() => {
                        comma = true;
                    }
                    Class::Name if !(j == init && ctx.f(j) & bit::COMMON != 0) => {
                        let mut e = j + 1;
                        while e < b && matches!(classify(ctx, e), (Class::Name, 1)) {
                            e += 1;
                        }
                        names.occs.push(NameOcc { a: j, b: e });
                        if !roles.is_empty() || !countries.is_empty() {
                            names.add_profile(ctx, j, e, &roles, &countries);
                        }
                        roles.clear();
                        countries.clear();
                        comma = false;
                        j = e;
                        continue;
                    }
                    _ => {
                        roles.clear();
                        countries.clear();
                        comma = false;
                    }
                }
                j += n;
            }
        }
        names
    }

    fn add_profile(
        &mut self,
        ctx: &Ctx<'_, '_>,
        a: usize,
        b: usize,
        roles: &[RoleId],
        countries: &[CountryId],
    ) {
        let tokens: Vec<String> = (a..b).map(|k| ctx.doc.lower(k).to_string()).collect();
        let key = tokens.join(" ");
        let i = match self.by_key.get(&key) {
            Some(&i) => i,
            None => {
                self.profiles.push(Profile {
                    tokens,
                    ..Profile::default()
                });
                self.by_key.insert(key, self.profiles.len() - 1);
                self.profiles.len() - 1
            }
        };
        let p = &mut self.profiles[i];
        for r in roles {
            if !p.roles.contains(r) {
                p.roles.push(*r);
            }
        }
        for c in countries {
            if !p.countries.contains(c) {
                p.countries.push(*c);
            }
        }
    }

    /// The most recent name before token `before` whose profile fits a role and/or
    /// country: its token range.
    fn by_title(
        &self,
        ctx: &Ctx<'_, '_>,
        role: Option<RoleId>,
        country: Option<CountryId>,
        before: usize,
    ) -> Option<(usize, usize)> {
        if role.is_none() && country.is_none() {
            return None;
        }
        self.occs
            .iter()
            .rev()
            .filter(|o| o.b <= before)
            .find_map(|o| {
                let last = ctx.doc.lower(o.b - 1);
                let occ: Vec<&str> = (o.a..o.b).map(|k| ctx.doc.lower(k)).collect();
                self.profiles
                    .iter()
                    .filter(|p| {
                        p.tokens.iter().any(|t| t == last)
                            || p.tokens.last().is_some_and(|t| occ.contains(&t.as_str()))
                    })
                    .any(|p| {
                        role.is_none_or(|r| p.roles.iter().any(|&h| ctx.lex.role_fits(r, h)))
                            && country.is_none_or(|c| p.countries.contains(&c))
                    })
                    .then_some((o.a, o.b))
            })
    }
}

/// Something the resolver walks over, in text order.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Event {
    /// Quotation `i` with its attribution.
    Quote {
        i: usize,
        who: Option<Who>,
        same_as: Option<usize>,
        anonymity: bool,
    },
    /// A speech verb whose subject is someone (no quotation of its own).
    Speaks(Np),
    /// A person named at the start of a sentence; `person`: the entity stage
    /// labelled it PER.
    Named(Subject, bool),
}

/// Resolve the speakers of `n` quotations from `events` (each with its token
/// position); returns one speaker per quotation.
pub(crate) fn resolve(
    ctx: &Ctx<'_, '_>,
    names: &Names,
    mut events: Vec<(usize, Event)>,
    n: usize,
) -> Vec<Option<Res>> {
    events.sort_by_key(|(pos, _)| *pos);
    // Names that speak somewhere: a sentence-initial mention of them is salient.
    let speaking: FxSet<&str> = events
        .iter()
        .filter_map(|(_, e)| match e {
            Event::Quote {
                who: Some(Who::Np(np)),
                ..
            }
            | Event::Speaks(np) => np.name,
            _ => None,
        })
        .flat_map(|(a, b)| (a..b).map(|k| ctx.doc.lower(k)))
        .collect();
    let mut out: Vec<Option<Res>> = vec![None; n];
    let mut last_one: Option<Res> = None;
    let mut last_group: Option<Res> = None;
    for (pos, e) in events {
        match e {
            Event::Named(subj, person) => {
                let mentioned = subj
                    .np
                    .name
                    .is_some_and(|(a, b)| (a..b).any(|k| speaking.contains(&ctx.doc.lower(k))));
                if mentioned || person || subj.full {
                    last_one = Some(from_np(ctx, names, subj.np, pos, false, None));
                }
            }
            Event::Speaks(np) => {
                let res = from_np(ctx, names, np, pos, false, last_one.as_ref());
                remember(res, &mut last_one, &mut last_group);
            }
            Event::Quote {
                i,
                who,
                same_as,
                anonymity,
            } => {
                let res = match (who, same_as) {
                    (_, Some(k)) => out.get(k).cloned().flatten(),
                    (Some(Who::Np(np)), None) => {
                        Some(from_np(ctx, names, np, pos, anonymity, last_one.as_ref()))
                    }
                    (Some(Who::Anaphor { start, end, plural }), None) => {
                        let antecedent = if plural {
                            last_group.clone()
                        } else {
                            last_one.clone()
                        };
                        Some(match antecedent {
                            Some(mut r) => {
                                r.anaphor = Some((start, end));
                                r.pos = pos;
                                r
                            }
                            None => Res {
                                span: (start, end),
                                kind: SpeakerKind::Pronoun,
                                anonymous: false,
                                plural,
                                role: None,
                                country: None,
                                anaphor: None,
                                refers_to: None,
                                personal: false,
                                name: None,
                                pos,
                            },
                        })
                    }
                    (None, None) => None,
                };
                if let Some(r) = &res {
                    let mut r = r.clone();
                    r.pos = pos;
                    remember(r, &mut last_one, &mut last_group);
                }
                if let Some(slot) = out.get_mut(i) {
                    *slot = res;
                }
            }
        }
    }
    out
}

/// Keep a speaker as the antecedent for later pronouns.
fn remember(r: Res, one: &mut Option<Res>, group: &mut Option<Res>) {
    if !r.personal {
        return;
    }
    if r.plural {
        *group = Some(r);
    } else {
        *one = Some(r);
    }
}

/// A speaker from its phrase; descriptions get their referent.
fn from_np(
    ctx: &Ctx<'_, '_>,
    names: &Names,
    np: Np,
    pos: usize,
    anonymity: bool,
    last_one: Option<&Res>,
) -> Res {
    let r = ctx.doc.bytes(np.a, np.b);
    let anonymous = np.anonymous() || (anonymity && np.name.is_none());
    let kind = if anonymous {
        SpeakerKind::Anonymous
    } else if np.name.is_some()
        || (np.role.is_none()
            && (np.country.is_some() || (np.institution && ctx.doc.tokens[np.a].cap)))
    {
        // A name, or a country or capitalised institution standing alone ("China",
        // "Gedung Putih").
        SpeakerKind::Name
    } else {
        SpeakerKind::Description
    };
    let name = np.name.map(|(a, b)| {
        let r = ctx.doc.bytes(a, b);
        (r.start, r.end)
    });
    let refers_to = if kind == SpeakerKind::Description {
        let by_salience = || {
            last_one
                .filter(|l| !l.plural)
                .and_then(|l| l.name.or(l.refers_to))
        };
        let by_title = || {
            names
                .by_title(ctx, np.role, np.country, np.a)
                .map(|(a, b)| {
                    let r = ctx.doc.bytes(a, b);
                    (r.start, r.end)
                })
        };
        if np.definite {
            by_salience().or_else(by_title)
        } else {
            by_title()
        }
    } else {
        None
    };
    Res {
        span: (r.start, r.end),
        kind,
        anonymous,
        plural: np.plural || np.pronoun == Some(true),
        role: np.role,
        country: np.country,
        anaphor: None,
        refers_to,
        personal: np.personal(),
        name,
        pos,
    }
}
