//! From parsed files to a checked, indexed [`Kb`]: merge the files, apply
//! `[[extend]]` additions, validate every reference (reporting all problems at once,
//! each naming its file and entry), then build the name and title dictionaries and the
//! role and surname indexes.

use crate::Kb;
use crate::actor::{Actor, ActorKind, MatchKind, Metonym, RoleHolding};
use crate::date::KbDate;
use crate::error::{KbError, Problem};
use crate::fold::{CaseRule, fold};
use crate::schema::{RawActor, RawExtend, RawFile, RawHolding, RawTitle};
use crate::titles::{TitleRef, TitleTarget};
use crate::vocab::{InstitutionKind, RoleDef, SectorDef};
use std::collections::HashSet;

/// What a name in the dictionary stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NameRef {
    pub actor: u32,
    pub how: MatchKind,
    /// Index into [`Kb::sectors`] of the sector the name implies, if any.
    pub sector: Option<u32>,
}

/// Collects problems as it goes; loading fails at the end if there are any.
#[derive(Default)]
struct Problems(Vec<Problem>);

impl Problems {
    fn add(&mut self, file: &str, entry: &str, message: impl Into<String>) {
        self.0.push(Problem {
            file: file.to_string(),
            entry: entry.to_string(),
            message: message.into(),
        });
    }
}

/// A title as resolved while building: surface, implied actor id, epithet flag.
struct PendingTitle {
    text: String,
    implied: Option<String>,
    epithet: bool,
    target: TitleTarget,
    file: String,
}

/// Build the knowledge base from `(file name, parsed file)` pairs, in load order.
pub(crate) fn build(files: Vec<(String, RawFile)>) -> Result<Kb, KbError> {
    let mut p = Problems::default();
    let mut kb = Kb::empty();
    let mut pending_titles = Vec::new();
    let mut raw_roles: Vec<(String, crate::schema::RawRole)> = Vec::new();
    let mut actors: Vec<(String, ActorKind, RawActor, bool)> = Vec::new();
    let mut extends: Vec<(String, RawExtend)> = Vec::new();

    for (file, raw) in files {
        for s in raw.sector {
            if kb.sectors.iter().any(|x| x.code == s.code) {
                p.add(&file, &s.code, "sector defined twice");
            } else if !is_sector_code(&s.code) {
                p.add(&file, &s.code, "a sector code is three upper-case letters");
            } else {
                kb.sectors.push(SectorDef {
                    code: s.code,
                    description: s.description,
                });
            }
        }
        for r in raw.role {
            raw_roles.push((file.clone(), r));
        }
        for k in raw.institution_kind {
            if kb.institution_kinds.iter().any(|x| x.key == k.key) {
                p.add(&file, &k.key, "institution kind defined twice");
                continue;
            }
            let idx = kb.institution_kinds.len();
            for t in &k.titles {
                pending_titles.push(pending(t, false, TitleTarget::Institution(idx), &file));
            }
            kb.institution_kinds.push(InstitutionKind {
                key: k.key,
                sector: k.sector,
                description: k.description,
                titles: k.titles.iter().map(|t| title_text(t).to_string()).collect(),
            });
        }
        if let Some(t) = raw.titles {
            kb.connectors.extend(t.connectors.iter().map(|c| fold(c)));
            kb.former.extend(t.former.iter().map(|c| fold(c)));
        }
        if let Some(n) = raw.names {
            kb.common_words
                .extend(n.common_words.iter().map(|w| fold(w)));
        }
        let tables = [
            (ActorKind::Country, raw.country),
            (ActorKind::Organisation, raw.organisation),
            (ActorKind::Person, raw.person),
            (ActorKind::Place, raw.place),
        ];
        for (kind, list) in tables {
            actors.extend(
                list.into_iter()
                    .map(|a| (file.clone(), kind, a, raw.generated)),
            );
        }
        extends.extend(raw.extend.into_iter().map(|e| (file.clone(), e)));
    }

    // Roles (after all files, so that `includes` may name a role defined later).
    for (file, r) in raw_roles {
        if kb.role_index.contains_key(&r.key) {
            p.add(&file, &r.key, "role defined twice");
            continue;
        }
        let idx = kb.roles.len();
        for t in &r.titles {
            pending_titles.push(pending(t, false, TitleTarget::Role(idx), &file));
        }
        for t in &r.epithets {
            pending_titles.push(pending(t, true, TitleTarget::Role(idx), &file));
        }
        kb.role_index.insert(r.key.clone(), idx);
        kb.roles.push(RoleDef {
            key: r.key,
            sector: r.sector,
            description: r.description,
            titles: r.titles.iter().map(|t| title_text(t).to_string()).collect(),
            epithets: r
                .epithets
                .iter()
                .map(|t| title_text(t).to_string())
                .collect(),
            includes: r.includes,
            in_organisation: r.in_organisation,
            shared: r.shared,
        });
    }
    let role_defs = kb.roles.clone();
    for r in &role_defs {
        for other in r.includes.iter().chain(&r.in_organisation) {
            if !kb.role_index.contains_key(other) {
                p.add(
                    "vocabulary",
                    &r.key,
                    format!("refers to unknown role `{other}`"),
                );
            }
        }
        check_sector(&kb, &mut p, "vocabulary", &r.key, r.sector.as_deref());
    }
    let kinds = kb.institution_kinds.clone();
    for k in &kinds {
        check_sector(&kb, &mut p, "vocabulary", &k.key, k.sector.as_deref());
    }

    // Actors: define, then extend, then check references.
    let mut raws: Vec<RawActor> = Vec::with_capacity(actors.len());
    for (file, kind, raw, generated) in actors {
        if let Some(&i) = kb.by_id.get(&raw.id) {
            let first = &kb.actors[i as usize].source;
            p.add(&file, &raw.id, format!("id already defined in `{first}`"));
            continue;
        }
        check_actor_shape(&mut p, &file, kind, &raw);
        let idx = u32::try_from(kb.actors.len()).unwrap_or(u32::MAX);
        kb.by_id.insert(raw.id.clone(), idx);
        kb.actors.push(Actor {
            id: raw.id.clone(),
            qid: raw.qid.clone(),
            name: raw.name.clone(),
            name_id: raw.name_id.clone(),
            kind,
            country: match kind {
                ActorKind::Country => Some(raw.id.clone()),
                _ => raw.country.clone(),
            },
            sector: raw.sector.clone(),
            aliases: raw.aliases.clone(),
            demonyms: raw.demonyms.clone(),
            metonyms: raw.metonyms.iter().map(metonym).collect(),
            surnames: default_surnames(&raw),
            surname_alone: raw.surname_alone.unwrap_or(true),
            roles: Vec::new(),
            parent: raw.parent.clone(),
            institution: raw.institution.clone(),
            capital: raw.capital,
            note: raw.note.clone(),
            source: file,
            generated,
        });
        raws.push(raw);
    }
    for (file, e) in extends {
        apply_extend(&mut kb, &mut p, &file, e);
    }
    for (i, raw) in raws.iter().enumerate() {
        let holdings = check_references(&kb, &mut p, i, raw);
        kb.actors[i].roles = holdings;
    }

    // Titles.
    for t in pending_titles {
        let implied = match &t.implied {
            Some(id) => match kb.by_id.get(id) {
                Some(&i) => Some(i),
                None => {
                    p.add(
                        &t.file,
                        &t.text,
                        format!("title implies unknown actor `{id}`"),
                    );
                    continue;
                }
            },
            None => None,
        };
        let value = TitleRef {
            target: t.target,
            implied,
            epithet: t.epithet,
        };
        // Titles are written capitalised in the data but lower-case in running text
        // ("menteri luar negeri"): only all-capital abbreviations ("PM") keep case.
        let rule = match CaseRule::of(&t.text) {
            CaseRule::Exact => CaseRule::Exact,
            _ => CaseRule::Any,
        };
        if !kb.titles.insert_with_rule(&t.text, rule, value) {
            p.add(&t.file, &t.text, "empty title");
        }
    }

    if !p.0.is_empty() {
        return Err(KbError::Invalid(p.0));
    }
    kb.connectors.sort_by_key(|c| std::cmp::Reverse(c.len()));
    index(&mut kb);
    kb.names
        .compile()
        .and_then(|()| kb.titles.compile())
        .map_err(|e| KbError::Invalid(vec![problem("knowledge base", "matcher", e)]))?;
    Ok(kb)
}

fn problem(file: &str, entry: &str, e: impl std::fmt::Display) -> Problem {
    Problem {
        file: file.to_string(),
        entry: entry.to_string(),
        message: e.to_string(),
    }
}

fn pending(t: &RawTitle, epithet: bool, target: TitleTarget, file: &str) -> PendingTitle {
    let implied = match t {
        RawTitle::Plain(_) => None,
        RawTitle::Detailed(d) => d.country.clone().or_else(|| d.org.clone()),
    };
    PendingTitle {
        text: title_text(t).to_string(),
        implied,
        epithet,
        target,
        file: file.to_string(),
    }
}

fn title_text(t: &RawTitle) -> &str {
    match t {
        RawTitle::Plain(s) => s,
        RawTitle::Detailed(d) => &d.text,
    }
}

fn metonym(m: &crate::schema::RawMetonym) -> Metonym {
    Metonym {
        name: m.name.clone(),
        sector: m.sector.clone().unwrap_or_else(|| "GOV".to_string()),
    }
}

fn is_sector_code(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

fn check_sector(kb: &Kb, p: &mut Problems, file: &str, entry: &str, sector: Option<&str>) {
    if let Some(s) = sector
        && !kb.sectors.iter().any(|x| x.code == s)
    {
        p.add(file, entry, format!("unknown sector `{s}`"));
    }
}

/// Surnames: as given, else the last word of the name (the first for East Asian
/// order). A single-word name is its own surname.
fn default_surnames(raw: &RawActor) -> Vec<String> {
    if let Some(s) = &raw.surnames {
        return s.clone();
    }
    let mut words = raw.name.split_whitespace();
    let word = if raw.family_name_first {
        words.next()
    } else {
        words.next_back()
    };
    word.map(|w| vec![w.to_string()]).unwrap_or_default()
}

/// Fields that only make sense for some tables.
fn check_actor_shape(p: &mut Problems, file: &str, kind: ActorKind, raw: &RawActor) {
    let id = raw.id.as_str();
    if id.is_empty() || id.chars().any(char::is_whitespace) {
        p.add(file, id, "an id must be non-empty and without spaces");
    }
    if raw.name.trim().is_empty() {
        p.add(file, id, "empty name");
    }
    if let Some(q) = &raw.qid
        && !(q.len() > 1 && q.starts_with('Q') && q[1..].bytes().all(|b| b.is_ascii_digit()))
    {
        p.add(
            file,
            id,
            format!("`{q}` is not a Wikidata QID (Q followed by digits)"),
        );
    }
    for a in raw.aliases.iter().chain(&raw.demonyms) {
        if fold(a).is_empty() {
            p.add(file, id, "empty alias");
        }
    }
    let mut not_for = |present: bool, field: &str, kinds: &str| {
        if present {
            p.add(file, id, format!("`{field}` is only allowed for {kinds}"));
        }
    };
    let person = kind == ActorKind::Person;
    not_for(!person && !raw.roles.is_empty(), "roles", "persons");
    not_for(!person && raw.surnames.is_some(), "surnames", "persons");
    not_for(
        !person && raw.family_name_first,
        "family_name_first",
        "persons",
    );
    not_for(
        !person && raw.surname_alone.is_some(),
        "surname_alone",
        "persons",
    );
    not_for(kind != ActorKind::Place && raw.capital, "capital", "places");
    not_for(
        kind != ActorKind::Country && raw.alpha2.is_some(),
        "alpha2",
        "countries",
    );
    let org = kind == ActorKind::Organisation;
    not_for(!org && raw.parent.is_some(), "parent", "organisations");
    not_for(
        !org && raw.institution.is_some(),
        "institution",
        "organisations",
    );
    match kind {
        ActorKind::Country => {
            if !(id.len() == 3 && id.bytes().all(|b| b.is_ascii_uppercase())) {
                p.add(file, id, "a country id is its ISO 3166 alpha-3 code");
            }
            if raw.country.is_some() {
                p.add(file, id, "a country has no `country` (its id is its code)");
            }
            if raw.sector.is_some() {
                p.add(
                    file,
                    id,
                    "a country has no sector (it depends on the mention)",
                );
            }
        }
        ActorKind::Place if raw.country.is_none() => {
            p.add(file, id, "a place needs its `country`");
        }
        _ => {}
    }
}

/// Add an `[[extend]]` entry's names to its target.
fn apply_extend(kb: &mut Kb, p: &mut Problems, file: &str, e: RawExtend) {
    let Some(&i) = kb.by_id.get(&e.id) else {
        p.add(file, &e.id, "extends an unknown id");
        return;
    };
    let actor = &mut kb.actors[i as usize];
    if let Some(q) = e.qid {
        match &actor.qid {
            Some(old) if *old != q => {
                p.add(file, &e.id, format!("qid `{q}` conflicts with `{old}`"));
            }
            _ => actor.qid = Some(q),
        }
    }
    if e.name_id.is_some() {
        actor.name_id = e.name_id;
    }
    actor.aliases.extend(e.aliases);
    actor.demonyms.extend(e.demonyms);
    actor.metonyms.extend(e.metonyms.iter().map(metonym));
    if let Some(c) = e.capital {
        if actor.kind == ActorKind::Place {
            actor.capital = c;
        } else {
            p.add(file, &e.id, "`capital` is only allowed for places");
        }
    }
    if let Some(n) = e.note {
        actor.note = Some(match actor.note.take() {
            Some(old) => format!("{old} {n}"),
            None => n,
        });
    }
}

/// Check an actor's references and turn its role entries into holdings.
fn check_references(kb: &Kb, p: &mut Problems, i: usize, raw: &RawActor) -> Vec<RoleHolding> {
    let actor = &kb.actors[i];
    let (file, id) = (actor.source.as_str(), actor.id.as_str());
    let is = |id: &str, kind: ActorKind| {
        kb.by_id
            .get(id)
            .is_some_and(|&j| kb.actors[j as usize].kind == kind)
    };
    if actor.kind != ActorKind::Country
        && let Some(c) = &actor.country
        && !is(c, ActorKind::Country)
    {
        p.add(file, id, format!("unknown country `{c}`"));
    }
    if let Some(par) = &actor.parent
        && !is(par, ActorKind::Organisation)
    {
        p.add(file, id, format!("unknown parent organisation `{par}`"));
    }
    if let Some(k) = &actor.institution
        && !kb.institution_kinds.iter().any(|x| x.key == *k)
    {
        p.add(file, id, format!("unknown institution kind `{k}`"));
    }
    check_sector(kb, p, file, id, actor.sector.as_deref());
    for m in &actor.metonyms {
        check_sector(kb, p, file, id, Some(&m.sector));
    }
    raw.roles
        .iter()
        .filter_map(|h| holding(kb, p, file, id, h, &is))
        .collect()
}

fn holding(
    kb: &Kb,
    p: &mut Problems,
    file: &str,
    id: &str,
    h: &RawHolding,
    is: &dyn Fn(&str, ActorKind) -> bool,
) -> Option<RoleHolding> {
    let mut ok = true;
    if !kb.role_index.contains_key(&h.role) {
        p.add(file, id, format!("unknown role `{}`", h.role));
        ok = false;
    }
    let of = match (&h.country, &h.org) {
        (Some(c), None) if is(c, ActorKind::Country) => Some(c.clone()),
        (None, Some(o)) if is(o, ActorKind::Organisation) => Some(o.clone()),
        (Some(c), None) => {
            p.add(
                file,
                id,
                format!("role `{}`: unknown country `{c}`", h.role),
            );
            None
        }
        (None, Some(o)) => {
            p.add(
                file,
                id,
                format!("role `{}`: unknown organisation `{o}`", h.role),
            );
            None
        }
        _ => {
            p.add(
                file,
                id,
                format!("role `{}`: give exactly one of `country` or `org`", h.role),
            );
            None
        }
    };
    let from = KbDate::parse(&h.from);
    if from.is_none() {
        p.add(
            file,
            id,
            format!("role `{}`: bad `from` date `{}`", h.role, h.from),
        );
    }
    let to = match &h.to {
        Some(t) => {
            let d = KbDate::parse(t);
            if d.is_none() {
                p.add(file, id, format!("role `{}`: bad `to` date `{t}`", h.role));
                ok = false;
            }
            d
        }
        None => None,
    };
    if let (Some(f), Some(t)) = (from, to)
        && t.date <= f.date
    {
        p.add(
            file,
            id,
            format!("role `{}`: `to` {t} is not after `from` {f}", h.role),
        );
        ok = false;
    }
    Some(RoleHolding {
        role: h.role.clone(),
        of: of?,
        from: from?,
        to,
        acting: h.acting,
        note: h.note.clone(),
    })
    .filter(|_| ok)
}

/// Fill the dictionaries and indexes of a validated knowledge base.
fn index(kb: &mut Kb) {
    // Capitals stand for their country's government.
    let capitals: Vec<(String, Vec<String>)> = kb
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::Place && a.capital)
        .filter_map(|a| {
            let names = std::iter::once(&a.name)
                .chain(&a.aliases)
                .cloned()
                .collect();
            Some((a.country.clone()?, names))
        })
        .collect();
    for (country, names) in capitals {
        if let Some(&c) = kb.by_id.get(&country) {
            let metonyms = &mut kb.actors[c as usize].metonyms;
            for n in names {
                if !metonyms.iter().any(|m| m.name == n) {
                    metonyms.push(Metonym {
                        name: n,
                        sector: "GOV".to_string(),
                    });
                }
            }
        }
    }

    let sector_idx = |kb: &Kb, s: Option<&str>| {
        s.and_then(|s| kb.sectors.iter().position(|x| x.code == s))
            .and_then(|i| u32::try_from(i).ok())
    };
    let mut full_names: HashSet<(String, u32)> = HashSet::new();
    for i in 0..kb.actors.len() {
        let a = &kb.actors[i];
        let actor = u32::try_from(i).unwrap_or(u32::MAX);
        let own = sector_idx(kb, a.sector.as_deref());
        let mut adds: Vec<(String, MatchKind, Option<u32>)> = Vec::new();
        adds.push((a.name.clone(), MatchKind::Name, own));
        adds.extend(a.name_id.iter().map(|n| (n.clone(), MatchKind::Alias, own)));
        adds.extend(a.aliases.iter().map(|n| (n.clone(), MatchKind::Alias, own)));
        adds.extend(
            a.demonyms
                .iter()
                .map(|n| (n.clone(), MatchKind::Demonym, own)),
        );
        for m in &a.metonyms {
            adds.push((
                m.name.clone(),
                MatchKind::Metonym,
                sector_idx(kb, Some(&m.sector)),
            ));
        }
        for (n, _, _) in &adds {
            full_names.insert((fold(n), actor));
        }
        if a.kind == ActorKind::Person {
            for s in &a.surnames {
                let key = fold(s);
                kb.surnames.entry(key.clone()).or_default().push(actor);
                if !kb.common_words.contains(&key) && !full_names.contains(&(key, actor)) {
                    adds.push((s.clone(), MatchKind::Surname, own));
                }
            }
        }
        for (name, how, sector) in adds {
            kb.names.insert(&name, NameRef { actor, how, sector });
        }
        for (h, holding) in kb.actors[i].roles.iter().enumerate() {
            let h = u32::try_from(h).unwrap_or(u32::MAX);
            kb.holders
                .entry((holding.role.clone(), holding.of.clone()))
                .or_default()
                .push((actor, h));
        }
        let a = &kb.actors[i];
        if let (Some(kind), Some(country)) = (&a.institution, &a.country) {
            kb.institutions
                .entry((kind.clone(), country.clone()))
                .or_default()
                .push(actor);
        }
    }
    for list in kb.surnames.values_mut() {
        list.dedup();
    }
}
