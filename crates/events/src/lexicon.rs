//! One language's event lexicon, read from `lang/<code>/events.toml`: triggers (roots
//! with the derivations that name an event, and phrases), the affix rules, the
//! function words the role finder needs (prepositions, conjunctions, clause breaks),
//! modality cues, context cue words and collective actors ("Barat", "the West").
//!
//! The file format is documented in `data/README.md`, section "Events". Loading checks
//! every entry: a trigger's CAMEO code must be in the ontology and have a PLOVER type,
//! its forms must name affix classes the rules define, so a typo fails at start-up
//! with the file and the entry named.

use std::collections::{HashMap, HashSet};

use serde::Deserialize;
use warta_langdata::DataDir;

use crate::morph::{Analysis, Morph, MorphRules};
use crate::{EventError, Ontology};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    morphology: MorphRules,
    #[serde(default)]
    voice: VoiceFile,
    #[serde(default)]
    roles: RolesFile,
    #[serde(default)]
    modality: ModalityFile,
    #[serde(default)]
    context: HashMap<String, Vec<String>>,
    #[serde(default)]
    group: Vec<GroupFile>,
    #[serde(default)]
    trigger: Vec<TriggerFile>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct VoiceFile {
    #[serde(default)]
    passive: HashMap<String, String>,
    #[serde(default)]
    active: Vec<String>,
    #[serde(default)]
    verb_prefixes: Vec<String>,
    #[serde(default)]
    verb_suffixes: Vec<String>,
    #[serde(default)]
    trigger_verbs: bool,
    #[serde(default)]
    capitalized_names: bool,
    #[serde(default)]
    nominal_prefixes: Vec<String>,
    #[serde(default)]
    nominal_suffixes: Vec<String>,
    #[serde(default)]
    passive_aux: Vec<String>,
    #[serde(default)]
    participles: Vec<String>,
    #[serde(default)]
    verbs: Vec<String>,
    #[serde(default)]
    not_verbs: Vec<String>,
    #[serde(default)]
    noun_markers: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RolesFile {
    #[serde(default)]
    recipient: Vec<String>,
    #[serde(default)]
    agent: Vec<String>,
    #[serde(default)]
    location: Vec<String>,
    #[serde(default)]
    goal: Vec<String>,
    #[serde(default)]
    source: Vec<String>,
    #[serde(default)]
    between: Vec<String>,
    #[serde(default)]
    conjunctions: Vec<String>,
    #[serde(default)]
    prepositions: Vec<String>,
    #[serde(default)]
    adjunct: Vec<String>,
    #[serde(default)]
    light: Vec<String>,
    #[serde(default)]
    control: Vec<String>,
    #[serde(default)]
    clause_breaks: Vec<String>,
    #[serde(default)]
    speech: Vec<String>,
    #[serde(default)]
    relative: Vec<String>,
    #[serde(default)]
    partner: Vec<String>,
    #[serde(default)]
    first_person: Vec<String>,
    #[serde(default)]
    of: Vec<String>,
    #[serde(default)]
    complementizer: Vec<String>,
    #[serde(default)]
    complement_links: Vec<String>,
    #[serde(default)]
    subject_of: Vec<String>,
    #[serde(default)]
    possessor: Option<String>,
    #[serde(default)]
    place_target: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ModalityFile {
    #[serde(default)]
    negation: Vec<String>,
    #[serde(default)]
    future: Vec<String>,
    #[serde(default)]
    hypothetical: Vec<String>,
    #[serde(default)]
    background: Vec<String>,
    #[serde(default)]
    window: Option<usize>,
    #[serde(default)]
    obligation: Vec<String>,
    #[serde(default)]
    obligation_cameo: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupFile {
    names: Vec<String>,
    canonical: String,
    #[serde(default)]
    kb_id: Option<String>,
    #[serde(default)]
    country: Option<String>,
    #[serde(default)]
    sector: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TriggerFile {
    cameo: String,
    #[serde(rename = "match")]
    matches: Vec<String>,
    #[serde(default)]
    gap: usize,
    #[serde(default)]
    gap_names: bool,
    #[serde(default, rename = "type")]
    event_type: Option<String>,
    #[serde(default)]
    mode: Option<String>,
    #[serde(default)]
    context: Vec<String>,
    #[serde(default)]
    symmetric: bool,
    #[serde(default)]
    inverse: bool,
    #[serde(default)]
    place_recipient: bool,
    #[serde(default)]
    host_country: bool,
    #[serde(default)]
    needs_recipient: bool,
    #[serde(default)]
    recipient: Option<Vec<String>>,
    #[serde(default)]
    refine: Vec<RefineFile>,
    #[serde(default)]
    unless_next: Vec<String>,
    #[serde(default)]
    unless_prev: Vec<String>,
    #[serde(default)]
    future: Option<String>,
    #[serde(default)]
    negated: Option<String>,
    #[serde(default)]
    confidence: Option<f32>,
    #[serde(default)]
    verb: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RefineFile {
    after: String,
    cameo: String,
}

/// One derivation a root names an event in: prefix and suffix class (indices into the
/// language's affix classes), and whether the word is a noun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Form {
    pub prefix: Option<u8>,
    pub suffix: Option<u8>,
    pub noun: bool,
}

/// One item of a trigger pattern.
#[derive(Debug, Clone)]
pub(crate) enum Item {
    /// A word as printed (lower case; a clitic may follow).
    Word(String),
    /// A root in one of its forms.
    Root { root: String, forms: Vec<Form> },
}

/// One trigger entry.
#[derive(Debug, Clone)]
pub(crate) struct Trigger {
    pub cameo: String,
    pub alts: Vec<Vec<Item>>,
    pub gap: usize,
    /// Names may stand in the gap ("memasukkan tiga bank Rusia ke daftar hitam");
    /// the first is the event's recipient when its roles find none after it.
    pub gap_names: bool,
    pub event_type: Option<String>,
    /// `Some(None)`: the entry removes the code's mode.
    pub mode: Option<Option<String>>,
    pub context: Vec<String>,
    pub symmetric: bool,
    pub inverse: bool,
    pub place_recipient: bool,
    /// The recipient is the host's country: "Jokowi menerima kunjungan Anwar" is
    /// Anwar visiting Indonesia, whoever receives him.
    pub host_country: bool,
    pub needs_recipient: bool,
    pub recipient: Option<HashSet<String>>,
    pub refine: Vec<(Vec<String>, String)>,
    pub unless_next: HashSet<String>,
    pub unless_prev: HashSet<String>,
    pub future: Option<String>,
    pub negated: Option<String>,
    pub confidence: Option<f32>,
    pub verb: bool,
}

/// A collective actor named by a word ("Barat": the West).
#[derive(Debug, Clone)]
pub(crate) struct Group {
    pub names: Vec<Vec<String>>,
    pub canonical: String,
    pub kb_id: Option<String>,
    pub country: Option<String>,
    pub sector: Option<String>,
}

/// Function-word sets of the role finder.
#[derive(Debug, Clone, Default)]
pub(crate) struct Roles {
    pub recipient: HashSet<String>,
    pub agent: HashSet<String>,
    pub location: HashSet<String>,
    pub goal: HashSet<String>,
    pub source: HashSet<String>,
    pub between: HashSet<String>,
    pub conjunctions: HashSet<String>,
    pub prepositions: HashSet<String>,
    pub adjunct: HashSet<String>,
    /// Light verbs whose object noun names the event ("melakukan kunjungan").
    pub light: HashSet<String>,
    /// Verbs whose object is the subject of the verb after it ("mendesak X untuk …").
    pub control: HashSet<String>,
    pub clause_breaks: HashSet<String>,
    pub speech: HashSet<String>,
    pub relative: HashSet<String>,
    pub partner: HashSet<String>,
    pub first_person: HashSet<String>,
    pub of: HashSet<String>,
    /// Words opening a complement clause ("demanded that X …"): its subject is the
    /// recipient of a demand, threat, accusation or refusal that has none.
    pub complementizer: HashSet<String>,
    /// Words that open the complement of a demand, threat, promise or allegation
    /// even where they end a clause ("mendesak Rusia untuk menarik …", "agar", "to",
    /// "that"): an event after them was only named, not done.
    pub complement_links: HashSet<String>,
    /// Prepositions whose phrase inside a subject noun phrase stands for the subject
    /// when no other actor heads it ("Security forces in Guinea", "thousands of Iraqi
    /// Kurds", "soldiers from Gondor").
    pub subject_of: HashSet<String>,
    /// The possessor of an event noun follows it (Indonesian "kunjungan Ma") rather
    /// than preceding it (English "Lavrov's visit").
    pub possessor_after: bool,
    /// An event with no recipient is aimed at the country where it happens
    /// ("demonstrated in Serbia", "imposed a curfew in Cizre").
    pub place_target: bool,
}

impl Roles {
    /// Any preposition (opens a phrase whose noun is neither subject nor object).
    pub fn is_prep(&self, w: &str) -> bool {
        self.prepositions.contains(w)
            || self.recipient.contains(w)
            || self.agent.contains(w)
            || self.location.contains(w)
            || self.goal.contains(w)
            || self.source.contains(w)
            || self.between.contains(w)
            || self.of.contains(w)
    }
}

/// Voice and word-class facts.
#[derive(Debug, Clone, Default)]
pub(crate) struct Voice {
    /// Passive prefix class → the active class it mirrors (di → meN).
    pub passive: HashMap<u8, u8>,
    /// Prefix classes whose bare stem is also an active verb in headlines.
    pub active: Vec<u8>,
    /// Prefix classes that make a verb (for clause structure).
    pub verb_prefixes: Vec<u8>,
    /// Suffix classes that make a verb (English -ed, and the irregular forms listed
    /// with it): a lower-case word read with one is a predicate for the clause reader,
    /// unless a noun marker precedes it ("the so-called", "an armed group").
    pub verb_suffixes: Vec<u8>,
    /// A word read as a verb form of a trigger root is a predicate for the clause
    /// reader (English "visit", "meets": no affix marks them), unless a noun marker
    /// precedes it.
    pub trigger_verbs: bool,
    /// A capitalised word inside a sentence is part of a name, never a trigger.
    pub capitalized_names: bool,
    pub nominal_prefixes: Vec<u8>,
    pub nominal_suffixes: Vec<u8>,
    pub passive_aux: HashSet<String>,
    /// English past participles a passive auxiliary may precede, beyond -ed forms.
    pub participles: HashSet<String>,
    pub verbs: HashSet<String>,
    pub not_verbs: HashSet<String>,
    /// Quantifiers and determiners: a bare stem after them is a noun ("sejumlah
    /// sandera"), not a headline verb.
    pub noun_markers: HashSet<String>,
}

/// Modality cue phrases (lower-case token sequences).
#[derive(Debug, Clone, Default)]
pub(crate) struct Cues {
    pub negation: Vec<Vec<String>>,
    pub future: Vec<Vec<String>>,
    pub hypothetical: Vec<Vec<String>>,
    pub background: Vec<Vec<String>>,
    pub window: usize,
    /// Cues of obligation right before a trigger ("must"): in a reported clause the
    /// event is demanded by the reporter ("Russia said Sudan must return …").
    pub obligation: Vec<Vec<String>>,
    /// The CAMEO code of such a demand.
    pub obligation_cameo: Option<String>,
    /// Every word of every cue, so the scope walk can step over them.
    pub words: HashSet<String>,
}

/// One language's triggers, cues and function words, compiled.
#[derive(Debug, Clone)]
pub struct Lexicon {
    lang: String,
    pub(crate) morph: Morph,
    pub(crate) triggers: Vec<Trigger>,
    pub(crate) by_root: HashMap<String, Vec<(u32, u16)>>,
    pub(crate) by_word: HashMap<String, Vec<(u32, u16)>>,
    pub(crate) roles: Roles,
    pub(crate) voice: Voice,
    pub(crate) cues: Cues,
    pub(crate) contexts: HashMap<String, String>,
    /// Context cues of several words ("latihan militer", "laut china selatan").
    pub(crate) context_phrases: Vec<(Vec<String>, String)>,
    pub(crate) groups: Vec<Group>,
    pub(crate) group_first: HashSet<String>,
}

fn lower_set(v: &[String]) -> HashSet<String> {
    v.iter().map(|s| s.to_lowercase()).collect()
}

fn phrases(v: &[String]) -> Vec<Vec<String>> {
    v.iter()
        .map(|p| {
            p.split_whitespace()
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        })
        .filter(|p| !p.is_empty())
        .collect()
}

impl Lexicon {
    /// Load `lang/<code>/events.toml`, or `Ok(None)` when the language has none.
    pub fn load(
        data: &DataDir,
        code: &str,
        onto: &Ontology,
    ) -> Result<Option<Lexicon>, EventError> {
        let path = format!("lang/{code}/events.toml");
        let Some(text) = data.read_optional(&path)? else {
            return Ok(None);
        };
        Lexicon::parse(code, &path, &text, onto).map(Some)
    }

    /// Compile a lexicon from the text of an `events.toml` (`path` names it in errors).
    pub fn parse(
        code: &str,
        path: &str,
        text: &str,
        onto: &Ontology,
    ) -> Result<Lexicon, EventError> {
        let bad = |message: String| EventError::Invalid {
            path: path.to_string(),
            message,
        };
        let file: File = toml::from_str(text).map_err(|e| bad(e.to_string()))?;
        let morph = Morph::new(&file.morphology).map_err(|e| bad(format!("[morphology]: {e}")))?;
        let class = |name: &str, what: &str| -> Result<u8, EventError> {
            morph
                .class(name)
                .ok_or_else(|| bad(format!("{what}: unknown affix class `{name}`")))
        };
        let classes = |names: &[String], what: &str| -> Result<Vec<u8>, EventError> {
            names.iter().map(|n| class(n, what)).collect()
        };
        let mut passive = HashMap::new();
        for (p, a) in &file.voice.passive {
            passive.insert(class(p, "[voice] passive")?, class(a, "[voice] passive")?);
        }
        let voice = Voice {
            passive,
            active: classes(&file.voice.active, "[voice] active")?,
            verb_prefixes: classes(&file.voice.verb_prefixes, "[voice] verb_prefixes")?,
            verb_suffixes: classes(&file.voice.verb_suffixes, "[voice] verb_suffixes")?,
            trigger_verbs: file.voice.trigger_verbs,
            capitalized_names: file.voice.capitalized_names,
            nominal_prefixes: classes(&file.voice.nominal_prefixes, "[voice] nominal_prefixes")?,
            nominal_suffixes: classes(&file.voice.nominal_suffixes, "[voice] nominal_suffixes")?,
            passive_aux: lower_set(&file.voice.passive_aux),
            participles: lower_set(&file.voice.participles),
            verbs: lower_set(&file.voice.verbs),
            not_verbs: lower_set(&file.voice.not_verbs),
            noun_markers: lower_set(&file.voice.noun_markers),
        };
        let r = &file.roles;
        let roles = Roles {
            recipient: lower_set(&r.recipient),
            agent: lower_set(&r.agent),
            location: lower_set(&r.location),
            goal: lower_set(&r.goal),
            source: lower_set(&r.source),
            between: lower_set(&r.between),
            conjunctions: lower_set(&r.conjunctions),
            prepositions: lower_set(&r.prepositions),
            adjunct: lower_set(&r.adjunct),
            light: lower_set(&r.light),
            control: lower_set(&r.control),
            clause_breaks: lower_set(&r.clause_breaks),
            speech: lower_set(&r.speech),
            relative: lower_set(&r.relative),
            partner: lower_set(&r.partner),
            first_person: lower_set(&r.first_person),
            of: lower_set(&r.of),
            complementizer: lower_set(&r.complementizer),
            complement_links: lower_set(&r.complement_links),
            subject_of: lower_set(&r.subject_of),
            place_target: r.place_target,
            possessor_after: match r.possessor.as_deref() {
                None | Some("after") => true,
                Some("before") => false,
                Some(other) => {
                    return Err(bad(format!(
                        "[roles] possessor: `{other}` (expected `after` or `before`)"
                    )));
                }
            },
        };
        let m = &file.modality;
        let mut cues = Cues {
            negation: phrases(&m.negation),
            future: phrases(&m.future),
            hypothetical: phrases(&m.hypothetical),
            background: phrases(&m.background),
            window: m.window.unwrap_or(4),
            obligation: phrases(&m.obligation),
            obligation_cameo: m.obligation_cameo.clone(),
            words: HashSet::new(),
        };
        if let Some(c) = &cues.obligation_cameo
            && onto.cameo(c).is_none()
        {
            return Err(bad(format!(
                "[modality] obligation_cameo: unknown CAMEO code `{c}`"
            )));
        }
        let words: HashSet<String> = [&cues.negation, &cues.future, &cues.hypothetical]
            .into_iter()
            .flatten()
            .flatten()
            .cloned()
            .collect();
        cues.words = words;
        let mut contexts = HashMap::new();
        let mut context_phrases = Vec::new();
        for (ctx, words) in &file.context {
            if !onto.contexts().contains(ctx) {
                return Err(bad(format!("[context]: unknown PLOVER context `{ctx}`")));
            }
            for w in words {
                let w = w.to_lowercase();
                let parts: Vec<String> = w.split_whitespace().map(str::to_string).collect();
                if parts.len() > 1 {
                    context_phrases.push((parts, ctx.clone()));
                } else {
                    contexts.insert(w, ctx.clone());
                }
            }
        }
        let groups: Vec<Group> = file
            .group
            .iter()
            .map(|g| Group {
                names: phrases(&g.names),
                canonical: g.canonical.clone(),
                kb_id: g.kb_id.clone(),
                country: g.country.clone(),
                sector: g.sector.clone(),
            })
            .collect();
        let group_first = groups
            .iter()
            .flat_map(|g| g.names.iter().filter_map(|n| n.first().cloned()))
            .collect();

        let mut triggers = Vec::new();
        let mut by_root: HashMap<String, Vec<(u32, u16)>> = HashMap::new();
        let mut by_word: HashMap<String, Vec<(u32, u16)>> = HashMap::new();
        for (n, t) in file.trigger.iter().enumerate() {
            let what = format!("trigger {} ({})", n + 1, t.matches.join(" | "));
            let check_code = |code: &str| -> Result<(), EventError> {
                match onto.cameo(code) {
                    Some(c) if c.event_type.is_some() || t.event_type.is_some() => Ok(()),
                    Some(_) => Err(bad(format!("{what}: CAMEO {code} has no PLOVER type"))),
                    None => Err(bad(format!("{what}: unknown CAMEO code {code}"))),
                }
            };
            check_code(&t.cameo)?;
            for c in t
                .refine
                .iter()
                .map(|r| &r.cameo)
                .chain(&t.future)
                .chain(&t.negated)
            {
                check_code(c)?;
            }
            // The mode must belong to the entry's type, or to its code's type.
            let ty = t
                .event_type
                .clone()
                .or_else(|| onto.cameo(&t.cameo).and_then(|c| c.event_type.clone()));
            if let Some(ty) = &ty {
                let Some(pt) = onto.plover_type(ty) else {
                    return Err(bad(format!("{what}: unknown PLOVER type {ty}")));
                };
                if let Some(m) = t.mode.as_deref().filter(|m| !m.is_empty())
                    && !pt.modes.iter().any(|(name, _)| name == m)
                {
                    return Err(bad(format!("{what}: {ty} has no mode `{m}`")));
                }
            }
            for c in &t.context {
                if !onto.contexts().contains(c) {
                    return Err(bad(format!("{what}: unknown context `{c}`")));
                }
            }
            if t.matches.is_empty() {
                return Err(bad(format!("{what}: empty `match`")));
            }
            let mut alts = Vec::new();
            for (ai, alt) in t.matches.iter().enumerate() {
                let mut items = Vec::new();
                for item in alt.split_whitespace() {
                    items.push(
                        parse_item(item, &morph, &voice)
                            .map_err(|e| bad(format!("{what}: {e}")))?,
                    );
                }
                let Some(first) = items.first() else {
                    return Err(bad(format!("{what}: empty alternative")));
                };
                let key = (
                    u32::try_from(triggers.len()).map_err(|_| bad("too many triggers".into()))?,
                    u16::try_from(ai).map_err(|_| bad(format!("{what}: too many alternatives")))?,
                );
                match first {
                    Item::Word(w) => by_word.entry(w.clone()).or_default().push(key),
                    Item::Root { root, .. } => by_root.entry(root.clone()).or_default().push(key),
                }
                alts.push(items);
            }
            triggers.push(Trigger {
                cameo: t.cameo.clone(),
                alts,
                gap: t.gap,
                gap_names: t.gap_names,
                event_type: t.event_type.clone(),
                mode: t.mode.as_ref().map(|m| (!m.is_empty()).then(|| m.clone())),
                context: t.context.clone(),
                symmetric: t.symmetric,
                inverse: t.inverse,
                place_recipient: t.place_recipient,
                host_country: t.host_country,
                needs_recipient: t.needs_recipient,
                recipient: t.recipient.as_ref().map(|v| lower_set(v)),
                refine: t
                    .refine
                    .iter()
                    .map(|r| {
                        (
                            r.after.split_whitespace().map(str::to_lowercase).collect(),
                            r.cameo.clone(),
                        )
                    })
                    .collect(),
                unless_next: lower_set(&t.unless_next),
                unless_prev: lower_set(&t.unless_prev),
                future: t.future.clone(),
                negated: t.negated.clone(),
                confidence: t.confidence,
                verb: t.verb,
            });
        }
        Ok(Lexicon {
            lang: code.to_string(),
            morph,
            triggers,
            by_root,
            by_word,
            roles,
            voice,
            cues,
            contexts,
            context_phrases,
            groups,
            group_first,
        })
    }

    /// The language code.
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// Number of trigger entries.
    pub fn trigger_count(&self) -> usize {
        self.triggers.len()
    }

    /// The affix analyser of this language.
    pub fn morph(&self) -> &Morph {
        &self.morph
    }

    /// The CAMEO codes a single word can trigger on its own (for tests and tools):
    /// `("bertemu")` → `["040"]`, `("dijatuhi")` → `[]` (only with "sanksi").
    pub fn codes_of_word(&self, word: &str) -> Vec<String> {
        let mut out = Vec::new();
        let lower = word.to_lowercase();
        for (ti, ai) in self.by_word.get(&lower).into_iter().flatten() {
            if let Some(t) = self.triggers.get(*ti as usize)
                && t.alts.get(*ai as usize).is_some_and(|a| a.len() == 1)
            {
                out.push(t.cameo.clone());
            }
        }
        for a in self.morph.analyse(word) {
            for (ti, ai) in self.by_root.get(&a.root).into_iter().flatten() {
                let Some(t) = self.triggers.get(*ti as usize) else {
                    continue;
                };
                let Some(items) = t.alts.get(*ai as usize) else {
                    continue;
                };
                if items.len() == 1
                    && let Some(Item::Root { forms, .. }) = items.first()
                    && self.form_match(forms, &a, false).is_some()
                    && !out.contains(&t.cameo)
                {
                    out.push(t.cameo.clone());
                }
            }
        }
        out
    }

    /// Whether a word (lower case) reads as the verb form of a trigger's head root.
    pub(crate) fn is_trigger_verb(&self, word: &str) -> bool {
        self.morph.analyse(word).iter().any(|a| {
            self.by_root
                .get(&a.root)
                .into_iter()
                .flatten()
                .any(|(ti, ai)| {
                    self.triggers
                        .get(*ti as usize)
                        .and_then(|t| t.alts.get(*ai as usize))
                        .filter(|items| items.len() == 1)
                        .and_then(|items| items.first())
                        .is_some_and(|item| match item {
                            Item::Root { forms, .. } => {
                                self.form_match(forms, a, false) == Some((false, false))
                            }
                            Item::Word(_) => false,
                        })
                })
        })
    }

    /// Whether an analysis fits one of `forms`: `Some((passive, noun))`. When a verb
    /// and a noun form read the same (English "visit", "talks"), the first listed wins,
    /// or the noun after a noun marker (`after_marker`: "a visit", "new sanctions").
    pub(crate) fn form_match(
        &self,
        forms: &[Form],
        a: &Analysis,
        after_marker: bool,
    ) -> Option<(bool, bool)> {
        let mut same = forms
            .iter()
            .filter(|f| f.prefix == a.prefix && f.suffix == a.suffix);
        if let Some(f) = same.next() {
            let noun = f.noun || (after_marker && same.any(|g| g.noun));
            return Some((false, noun));
        }
        if let Some(p) = a.prefix
            && let Some(&active) = self.voice.passive.get(&p)
            && forms
                .iter()
                .any(|f| f.prefix == Some(active) && f.suffix == a.suffix && !f.noun)
        {
            return Some((true, false));
        }
        if a.prefix.is_none()
            && forms.iter().any(|f| {
                f.prefix.is_some_and(|p| self.voice.active.contains(&p))
                    && f.suffix == a.suffix
                    && !f.noun
            })
        {
            return Some((false, false));
        }
        None
    }
}

/// `word` or `root/form,form,…` (forms: `""` bare verb, `N` bare noun, `meN-i`,
/// `-an`, `ber`, `N-s`).
fn parse_item(item: &str, morph: &Morph, voice: &Voice) -> Result<Item, String> {
    let Some((root, forms)) = item.split_once('/') else {
        return Ok(Item::Word(item.to_lowercase()));
    };
    if root.is_empty() {
        return Err(format!("`{item}`: empty root"));
    }
    let mut out = Vec::new();
    for f in forms.split(',') {
        let f = f.trim();
        let (noun, f) = match f.strip_prefix('N') {
            Some(rest) => (true, rest),
            None => (false, f),
        };
        let (p, s) = match f.split_once('-') {
            Some((p, s)) => (p, s),
            None => (f, ""),
        };
        let class = |name: &str| -> Result<Option<u8>, String> {
            if name.is_empty() {
                return Ok(None);
            }
            morph
                .class(name)
                .map(Some)
                .ok_or_else(|| format!("`{item}`: unknown affix class `{name}`"))
        };
        let prefix = class(p)?;
        let suffix = class(s)?;
        let noun = noun
            || prefix.is_some_and(|p| voice.nominal_prefixes.contains(&p))
            || (prefix.is_none() && suffix.is_some_and(|s| voice.nominal_suffixes.contains(&s)));
        out.push(Form {
            prefix,
            suffix,
            noun,
        });
    }
    Ok(Item::Root {
        root: root.to_lowercase(),
        forms: out,
    })
}
