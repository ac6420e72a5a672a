//! The quotation lexicon: speech verbs, speaker words, roles, countries and channel
//! patterns, read from `data/lang/*/quotes.toml` and merged over languages.
//!
//! Why merged: pages mix languages (an Indonesian article quoting an English
//! statement) and the lists barely collide (no Indonesian cue is an English word).
//! Only `min_words` is kept per language.

use std::collections::BTreeMap;

use serde::Deserialize;
use warta_langdata::{DataDir, list_entries};

use crate::QuoteError;
use crate::fx::{FxMap, FxSet};
use crate::phrase::PhraseSet;

/// One `quotes.toml` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    quotes: QuotesSection,
    #[serde(default)]
    cues: CuesSection,
    #[serde(default)]
    grammar: GrammarSection,
    #[serde(default)]
    speakers: SpeakersSection,
    #[serde(default)]
    roles: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    broader: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    countries: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    channels: ChannelsSection,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct QuotesSection {
    min_words: Option<usize>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CuesSection {
    #[serde(default)]
    after: Vec<String>,
    #[serde(default)]
    before: Vec<String>,
    #[serde(default)]
    bare_clause: Vec<String>,
    #[serde(default)]
    passive: Vec<String>,
    #[serde(default)]
    complementizers: Vec<String>,
    #[serde(default)]
    clitics: Vec<String>,
    #[serde(default)]
    according: Vec<String>,
    #[serde(default)]
    closing: Vec<String>,
    #[serde(default)]
    pronouns: Vec<String>,
    #[serde(default)]
    plural_pronouns: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct GrammarSection {
    #[serde(default)]
    adverbs: Vec<String>,
    #[serde(default)]
    conjunctions: Vec<String>,
    #[serde(default)]
    clause_breaks: Vec<String>,
    #[serde(default)]
    adjuncts: Vec<String>,
    #[serde(default)]
    not_clause: Vec<String>,
    #[serde(default)]
    relative: Vec<String>,
    #[serde(default)]
    abbreviations: Vec<String>,
    #[serde(default)]
    verb_prefixes: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SpeakersSection {
    #[serde(default)]
    indefinite: Vec<String>,
    #[serde(default)]
    plural: Vec<String>,
    #[serde(default)]
    definite: Vec<String>,
    #[serde(default)]
    articles: Vec<String>,
    #[serde(default)]
    anonymous: Vec<String>,
    #[serde(default)]
    anonymity: Vec<String>,
    #[serde(default)]
    plural_nouns: Vec<String>,
    #[serde(default)]
    modifiers: Vec<String>,
    #[serde(default)]
    connectors: Vec<String>,
    #[serde(default)]
    institutions: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ChannelsSection {
    #[serde(default)]
    patterns: Vec<String>,
    #[serde(default)]
    relay: Vec<String>,
}

/// The `[[wire]]` / `[[outlet]]` tables of `metadata.toml` (other keys ignored).
#[derive(Debug, Default, Deserialize)]
struct Metadata {
    #[serde(default)]
    wire: Vec<NameEntry>,
    #[serde(default)]
    outlet: Vec<NameEntry>,
}

#[derive(Debug, Deserialize)]
struct NameEntry {
    name: String,
    #[serde(default)]
    printed: Vec<String>,
}

/// Bits of [`Lexicon::flags`]: what a lower-cased word can be. One lookup per word
/// tells the finder everything it needs, and phrase tables are only consulted for
/// words flagged as a phrase's first word.
pub(crate) mod bit {
    pub const AFTER: u32 = 1 << 0;
    pub const BEFORE: u32 = 1 << 1;
    pub const BARE: u32 = 1 << 2;
    pub const PASSIVE: u32 = 1 << 3;
    pub const COMP: u32 = 1 << 4;
    pub const CLOSING: u32 = 1 << 5;
    pub const PRONOUN: u32 = 1 << 6;
    pub const PLURAL_PRONOUN: u32 = 1 << 7;
    pub const CLAUSE_BREAK: u32 = 1 << 8;
    pub const ADJUNCT: u32 = 1 << 9;
    pub const RELATIVE: u32 = 1 << 10;
    pub const DEFINITE: u32 = 1 << 11;
    pub const ARTICLE: u32 = 1 << 12;
    pub const MODIFIER: u32 = 1 << 13;
    pub const CONNECTOR: u32 = 1 << 14;
    pub const COMMON: u32 = 1 << 15;
    pub const PLURAL_NOUN: u32 = 1 << 16;
    pub const H_ROLE: u32 = 1 << 17;
    pub const H_COUNTRY: u32 = 1 << 18;
    pub const H_INST: u32 = 1 << 19;
    pub const H_INDEF: u32 = 1 << 20;
    pub const H_PLURAL: u32 = 1 << 21;
    pub const H_ANON: u32 = 1 << 22;
    pub const H_ACCORDING: u32 = 1 << 23;
    pub const H_ADVERB: u32 = 1 << 24;
    pub const E_ADVERB: u32 = 1 << 25;
    pub const H_CONJ: u32 = 1 << 26;
    pub const H_NOT_CLAUSE: u32 = 1 << 27;
    /// Set per token, not in the table: an after-cue with an enclitic ("ujarnya").
    pub const CLITIC_CUE: u32 = 1 << 28;
    /// First words of phrase tables.
    pub const PHRASE_HEADS: u32 = H_ROLE | H_COUNTRY | H_INST | H_INDEF | H_PLURAL | H_ANON;
    /// Any speech verb.
    pub const CUE: u32 = AFTER | BEFORE | PASSIVE;
    /// Words that end a speaker phrase.
    pub const STOP: u32 =
        AFTER | BEFORE | PASSIVE | COMP | CLOSING | CLAUSE_BREAK | ADJUNCT | RELATIVE | H_ACCORDING;
}

/// Index of a role in [`Lexicon::role_names`].
pub(crate) type RoleId = u16;
/// Index of a country in [`Lexicon::country_codes`].
pub(crate) type CountryId = u16;

/// Default for `min_words` when a language file does not set it.
pub(crate) const DEFAULT_MIN_WORDS: usize = 5;

/// Everything the quote finder knows about words, compiled for lookups.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    pub after: FxSet<String>,
    pub before: FxSet<String>,
    pub bare: FxSet<String>,
    pub passive: FxSet<String>,
    pub comps: FxSet<String>,
    pub clitics: Vec<String>,
    pub according: PhraseSet<()>,
    pub closing: FxSet<String>,
    pub pronouns: FxSet<String>,
    pub plural_pronouns: FxSet<String>,
    pub adverbs: PhraseSet<()>,
    pub conjunctions: PhraseSet<()>,
    pub clause_breaks: FxSet<String>,
    pub adjuncts: FxSet<String>,
    pub not_clause: PhraseSet<()>,
    pub relative: FxSet<String>,
    pub abbreviations: FxSet<String>,
    /// Prefixes of verbs ("me", "ber"): such a lower-case word is not a modifier.
    pub verb_prefixes: Vec<String>,
    pub indefinite: PhraseSet<()>,
    pub plural: PhraseSet<()>,
    pub definite: FxSet<String>,
    pub articles: FxSet<String>,
    pub anonymous: PhraseSet<()>,
    pub anonymity: Vec<String>,
    pub plural_nouns: FxSet<String>,
    pub modifiers: FxSet<String>,
    pub connectors: FxSet<String>,
    pub institutions: PhraseSet<()>,
    pub roles: PhraseSet<RoleId>,
    pub role_names: Vec<String>,
    /// For each role, the roles it also counts as.
    pub broader: Vec<Vec<RoleId>>,
    pub countries: PhraseSet<CountryId>,
    pub country_codes: Vec<String>,
    /// Frequent lower-case words (from `langid.txt`), with a bit per language (see
    /// [`Lexicon::common_bit`]): a capitalised one at the start of a sentence is an
    /// ordinary word of the article's language, not a name.
    pub common: FxMap<String, u32>,
    /// Language codes of the bits in `common`.
    pub common_langs: Vec<String>,
    /// `min_words` per language code.
    pub min_words: FxMap<String, usize>,
    /// Channel patterns and relay patterns, placeholders not yet expanded.
    pub channel_patterns: Vec<(String, String)>,
    pub relay_patterns: Vec<(String, String)>,
    /// Printed wire/outlet form → canonical name.
    pub names: NameTable,
    /// Lower-cased word → its [`bit`] flags and its `common` language bits, so one
    /// lookup per word tells everything.
    pub flags: FxMap<String, (u32, u32)>,
}

/// Printed agency and outlet names and their canonical forms, from `metadata.toml`.
#[derive(Debug, Default)]
pub(crate) struct NameTable {
    pub wires: Vec<(String, String)>,
    pub outlets: Vec<(String, String)>,
    canonical: FxMap<String, String>,
}

impl NameTable {
    /// The canonical name of a printed wire or outlet name, if known.
    pub fn canonical(&self, printed: &str) -> Option<&str> {
        self.canonical.get(printed).map(String::as_str)
    }

    fn add(&mut self, entry: &NameEntry, wire: bool) {
        let forms = std::iter::once(&entry.name).chain(entry.printed.iter());
        for form in forms {
            let form = form.trim();
            if form.is_empty() || self.canonical.contains_key(form) {
                continue;
            }
            self.canonical
                .insert(form.to_string(), entry.name.trim().to_string());
            let pair = (form.to_string(), entry.name.trim().to_string());
            if wire {
                self.wires.push(pair);
            } else {
                self.outlets.push(pair);
            }
        }
    }
}

impl Lexicon {
    /// Read every language's `quotes.toml` (and, for names and common words,
    /// `metadata.toml` and `langid.txt`).
    pub fn load(data: &DataDir) -> Result<Lexicon, QuoteError> {
        let mut lex = Lexicon::default();
        let mut any = false;
        for code in data.languages() {
            let rel = format!("lang/{code}/quotes.toml");
            if let Some(text) = data.read_optional(&rel)? {
                let file: File = toml::from_str(&text).map_err(|e| QuoteError::Invalid {
                    path: rel.clone(),
                    message: e.to_string(),
                })?;
                lex.merge(&code, file, &rel)?;
                any = true;
            }
            let meta_rel = format!("lang/{code}/metadata.toml");
            if let Some(text) = data.read_optional(&meta_rel)? {
                let meta: Metadata = toml::from_str(&text).map_err(|e| QuoteError::Invalid {
                    path: meta_rel.clone(),
                    message: e.to_string(),
                })?;
                for w in &meta.wire {
                    lex.names.add(w, true);
                }
                for o in &meta.outlet {
                    lex.names.add(o, false);
                }
            }
            if let Some(text) = data.read_optional(&format!("lang/{code}/langid.txt"))?
                && lex.common_langs.len() < 32
            {
                let lang_bit = 1u32 << lex.common_langs.len();
                lex.common_langs.push(code.clone());
                for entry in list_entries(&text) {
                    let mut parts = entry.split_whitespace();
                    let (word, weight) = (parts.next(), parts.next());
                    if let Some(word) = word
                        && weight.is_none_or(|w| w.parse::<f64>().is_ok())
                        && parts.next().is_none()
                    {
                        *lex.common.entry(word.to_lowercase()).or_default() |= lang_bit;
                    }
                }
            }
        }
        if !any {
            return Err(QuoteError::NoLexicon {
                root: data.describe(),
            });
        }
        lex.build_flags();
        Ok(lex)
    }

    fn merge(&mut self, code: &str, f: File, path: &str) -> Result<(), QuoteError> {
        if let Some(n) = f.quotes.min_words {
            self.min_words.insert(code.to_string(), n);
        }
        let c = f.cues;
        extend(&mut self.after, &c.after);
        extend(&mut self.before, &c.before);
        extend(&mut self.bare, &c.bare_clause);
        extend(&mut self.passive, &c.passive);
        extend(&mut self.comps, &c.complementizers);
        for cl in &c.clitics {
            let cl = cl.trim().to_lowercase();
            if !cl.is_empty() && !self.clitics.contains(&cl) {
                self.clitics.push(cl);
            }
        }
        phrases(&mut self.according, &c.according);
        extend(&mut self.closing, &c.closing);
        extend(&mut self.pronouns, &c.pronouns);
        extend(&mut self.plural_pronouns, &c.plural_pronouns);
        let g = f.grammar;
        phrases(&mut self.adverbs, &g.adverbs);
        phrases(&mut self.conjunctions, &g.conjunctions);
        extend(&mut self.clause_breaks, &g.clause_breaks);
        extend(&mut self.adjuncts, &g.adjuncts);
        phrases(&mut self.not_clause, &g.not_clause);
        extend(&mut self.relative, &g.relative);
        extend(&mut self.abbreviations, &g.abbreviations);
        for p in &g.verb_prefixes {
            let p = p.trim().to_lowercase();
            if !p.is_empty() && !self.verb_prefixes.contains(&p) {
                self.verb_prefixes.push(p);
            }
        }
        let s = f.speakers;
        phrases(&mut self.indefinite, &s.indefinite);
        phrases(&mut self.plural, &s.plural);
        extend(&mut self.definite, &s.definite);
        extend(&mut self.articles, &s.articles);
        phrases(&mut self.anonymous, &s.anonymous);
        for a in &s.anonymity {
            let a = a.trim().to_lowercase();
            if !a.is_empty() {
                self.anonymity.push(a);
            }
        }
        extend(&mut self.plural_nouns, &s.plural_nouns);
        extend(&mut self.modifiers, &s.modifiers);
        extend(&mut self.connectors, &s.connectors);
        phrases(&mut self.institutions, &s.institutions);
        for (role, words) in &f.roles {
            let id = self.role_id(role, path)?;
            for w in words {
                self.roles.insert(w, id);
            }
        }
        for (role, wider) in &f.broader {
            let id = self.role_id(role, path)?;
            for w in wider {
                let wid = self.role_id(w, path)?;
                let list = &mut self.broader[id as usize];
                if !list.contains(&wid) {
                    list.push(wid);
                }
            }
        }
        for (code3, forms) in &f.countries {
            if code3.len() != 3 || !code3.chars().all(|ch| ch.is_ascii_uppercase()) {
                return Err(QuoteError::Invalid {
                    path: path.to_string(),
                    message: format!("country code `{code3}` is not ISO 3166 alpha-3"),
                });
            }
            let id = match self.country_codes.iter().position(|x| x == code3) {
                Some(i) => i as CountryId,
                None => {
                    self.country_codes.push(code3.clone());
                    (self.country_codes.len() - 1) as CountryId
                }
            };
            for form in forms {
                self.countries.insert_exact(form, id);
            }
        }
        for p in f.channels.patterns {
            self.channel_patterns.push((path.to_string(), p));
        }
        for p in f.channels.relay {
            self.relay_patterns.push((path.to_string(), p));
        }
        Ok(())
    }

    /// Fill [`Lexicon::flags`] from every list and phrase table.
    fn build_flags(&mut self) {
        let mut flags: FxMap<String, (u32, u32)> = FxMap::default();
        let mut set = |words: &FxSet<String>, b: u32| {
            for w in words {
                flags.entry(w.clone()).or_default().0 |= b;
            }
        };
        set(&self.after, bit::AFTER);
        set(&self.before, bit::BEFORE);
        set(&self.bare, bit::BARE);
        set(&self.passive, bit::PASSIVE);
        set(&self.comps, bit::COMP);
        set(&self.closing, bit::CLOSING);
        set(&self.pronouns, bit::PRONOUN);
        set(&self.plural_pronouns, bit::PLURAL_PRONOUN);
        set(&self.clause_breaks, bit::CLAUSE_BREAK);
        set(&self.adjuncts, bit::ADJUNCT);
        set(&self.relative, bit::RELATIVE);
        set(&self.definite, bit::DEFINITE);
        set(&self.articles, bit::ARTICLE);
        set(&self.modifiers, bit::MODIFIER);
        set(&self.connectors, bit::CONNECTOR);
        set(&self.plural_nouns, bit::PLURAL_NOUN);
        let mut heads = |first: Vec<String>, b: u32| {
            for w in first {
                flags.entry(w).or_default().0 |= b;
            }
        };
        heads(self.roles.first_words(), bit::H_ROLE);
        heads(self.countries.first_words(), bit::H_COUNTRY);
        heads(self.institutions.first_words(), bit::H_INST);
        heads(self.indefinite.first_words(), bit::H_INDEF);
        heads(self.plural.first_words(), bit::H_PLURAL);
        heads(self.anonymous.first_words(), bit::H_ANON);
        heads(self.according.first_words(), bit::H_ACCORDING);
        heads(self.adverbs.first_words(), bit::H_ADVERB);
        heads(self.adverbs.last_words(), bit::E_ADVERB);
        heads(self.conjunctions.first_words(), bit::H_CONJ);
        heads(self.not_clause.first_words(), bit::H_NOT_CLAUSE);
        for (w, mask) in &self.common {
            flags.entry(w.clone()).or_default().1 |= mask;
        }
        self.flags = flags;
    }

    /// Flags and common-language bits of a lower-cased word ((0, 0) when unknown).
    pub fn word_entry(&self, word: &str) -> (u32, u32) {
        self.flags.get(word).copied().unwrap_or((0, 0))
    }

    /// Flags of a lower-cased word (0 when unknown).
    pub fn word_flags(&self, word: &str) -> u32 {
        self.flags.get(word).map_or(0, |e| e.0)
    }

    fn role_id(&mut self, role: &str, path: &str) -> Result<RoleId, QuoteError> {
        let role = role.trim();
        if role.is_empty()
            || !role
                .chars()
                .all(|ch| ch.is_ascii_lowercase() || ch == '_' || ch.is_ascii_digit())
        {
            return Err(QuoteError::Invalid {
                path: path.to_string(),
                message: format!("role name `{role}` must be snake_case"),
            });
        }
        if let Some(i) = self.role_names.iter().position(|r| r == role) {
            return Ok(i as RoleId);
        }
        self.role_names.push(role.to_string());
        self.broader.push(Vec::new());
        Ok((self.role_names.len() - 1) as RoleId)
    }

    /// The scare-quote threshold for an article language code.
    pub fn min_words(&self, lang: &str) -> usize {
        self.min_words.get(lang).copied().unwrap_or_else(|| {
            self.min_words
                .values()
                .copied()
                .min()
                .unwrap_or(DEFAULT_MIN_WORDS)
        })
    }

    /// The bit of `lang` in [`Lexicon::common`] (0 when it has no word list).
    pub fn common_bit(&self, lang: &str) -> u32 {
        self.common_langs
            .iter()
            .position(|c| c == lang)
            .map_or(0, |i| 1 << i)
    }

    /// Does role `have` satisfy a description naming role `want`?
    pub fn role_fits(&self, want: RoleId, have: RoleId) -> bool {
        want == have
            || self
                .broader
                .get(have as usize)
                .is_some_and(|b| b.contains(&want))
    }

    /// If `word` (lower-case) is an after-cue with an enclitic pronoun ("ujarnya"),
    /// the clitic's byte length.
    pub fn clitic_cue(&self, word: &str) -> Option<usize> {
        self.clitics.iter().find_map(|cl| {
            let stem = word.strip_suffix(cl.as_str())?;
            (!stem.is_empty() && (self.after.contains(stem) || self.according_single(stem)))
                .then_some(cl.len())
        })
    }

    /// Is `word` a one-word "according" cue ("menurut")?
    pub fn according_single(&self, word: &str) -> bool {
        self.according.has_single(word)
    }
}

fn extend(set: &mut FxSet<String>, words: &[String]) {
    for w in words {
        let w = w.trim().to_lowercase();
        if !w.is_empty() {
            set.insert(w);
        }
    }
}

fn phrases(set: &mut PhraseSet<()>, words: &[String]) {
    for w in words {
        set.insert(w, ());
    }
}
