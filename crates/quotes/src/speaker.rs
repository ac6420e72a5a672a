//! Speaker phrases: reading a name or description from the tokens around a cue, and
//! what it says (a name, a title, an unnamed source, a pronoun; role, country,
//! plural).
//!
//! A speaker phrase is a short noun phrase made of names (capitalised words not in any
//! list), role words ("menteri luar negeri", "official"), country names, institution
//! words, determiners ("seorang", "para", "a", "the"), modifiers ("senior") and
//! connectors ("dan", "of"). It ends at punctuation, at an adjunct word ("pada",
//! "kepada", "on"), at a speech verb, or at any other lower-case word; a definite
//! marker after a noun ("tersebut", "itu") ends it too. So "kata seorang pejabat
//! senior AS kepada wartawan" gives "seorang pejabat senior AS".

use crate::ctx::Ctx;
use crate::lexicon::{CountryId, RoleId, bit};

/// What one token (or phrase starting at it) is, for speaker phrases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// `anon`: the role word is also an anonymous-source noun ("sumber", "source").
    Role {
        id: RoleId,
        plural: bool,
        anon: bool,
    },
    Country(CountryId),
    Institution,
    Indefinite {
        plural: bool,
    },
    Plural,
    AnonNoun,
    Definite,
    Article,
    Pronoun {
        plural: bool,
    },
    Modifier,
    Connector,
    Name,
    Lower,
    Stop,
    NotWord,
}

/// Classify the token (or phrase) at `j`: its class and length in tokens.
pub(crate) fn classify(ctx: &Ctx<'_, '_>, j: usize) -> (Class, usize) {
    let doc = &ctx.doc;
    if !doc.is_word(j) {
        return (Class::NotWord, 1);
    }
    let f = ctx.f(j);
    let lex = ctx.lex;
    let mut best: Option<(usize, Class)> = None;
    let mut consider = |cand: Option<(usize, Class)>| {
        if let Some((n, c)) = cand
            && best.is_none_or(|(m, _)| n > m)
        {
            best = Some((n, c));
        }
    };
    if f & bit::H_COUNTRY != 0 {
        consider(
            lex.countries
                .at(doc, j)
                .map(|(n, id)| (n, Class::Country(id))),
        );
    }
    if f & bit::H_ROLE != 0 {
        consider(lex.roles.at(doc, j).map(|(n, id)| {
            let plural = ctx.f(j + n - 1) & bit::PLURAL_NOUN != 0;
            let anon =
                f & bit::H_ANON != 0 && lex.anonymous.at(doc, j).is_some_and(|(m, ())| m == n);
            (n, Class::Role { id, plural, anon })
        }));
    }
    if f & bit::H_INST != 0 {
        consider(
            lex.institutions
                .at(doc, j)
                .map(|(n, ())| (n, Class::Institution)),
        );
    }
    if f & bit::H_ANON != 0 {
        consider(lex.anonymous.at(doc, j).map(|(n, ())| (n, Class::AnonNoun)));
    }
    if f & bit::H_INDEF != 0 {
        consider(lex.indefinite.at(doc, j).map(|(n, ())| {
            let plural = lex.plural.at(doc, j).is_some_and(|(m, ())| m == n);
            (n, Class::Indefinite { plural })
        }));
    }
    if f & bit::H_PLURAL != 0 {
        consider(lex.plural.at(doc, j).map(|(n, ())| (n, Class::Plural)));
    }
    if let Some((n, c)) = best {
        return (c, n);
    }
    // Reduplicated plural: "pejabat-pejabat".
    let w = doc.lower(j);
    if let Some((a, b)) = w.split_once('-')
        && a == b
        && let Some(id) = lex.roles.single(a)
    {
        return (
            Class::Role {
                id,
                plural: true,
                anon: false,
            },
            1,
        );
    }
    let c = if f & bit::PRONOUN != 0 {
        Class::Pronoun { plural: false }
    } else if f & bit::PLURAL_PRONOUN != 0 {
        Class::Pronoun { plural: true }
    } else if f & (bit::STOP | bit::CLITIC_CUE) != 0 {
        Class::Stop
    } else if f & bit::DEFINITE != 0 {
        Class::Definite
    } else if f & bit::ARTICLE != 0 {
        Class::Article
    } else if f & bit::MODIFIER != 0 {
        Class::Modifier
    } else if f & bit::CONNECTOR != 0 {
        Class::Connector
    } else if doc.tokens[j].cap {
        Class::Name
    } else {
        Class::Lower
    };
    (c, 1)
}

/// A speaker phrase: tokens `a..b` and what they say.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Np {
    pub a: usize,
    pub b: usize,
    /// First token of the last run of name words, if any.
    pub name: Option<(usize, usize)>,
    pub role: Option<RoleId>,
    pub country: Option<CountryId>,
    pub indefinite: bool,
    pub plural: bool,
    pub definite: bool,
    pub anon_noun: bool,
    pub institution: bool,
    /// `Some(plural)` for a pronoun.
    pub pronoun: Option<bool>,
    /// A role word came before any name ("pejabat Kementerian Keuangan": the name is
    /// the organisation the official belongs to).
    pub role_first: bool,
}

impl Np {
    /// Does the phrase name someone (a name, a role, a country, an institution, a
    /// source or a pronoun)? Determiners and modifiers alone do not.
    pub fn valid(&self) -> bool {
        self.b > self.a
            && (self.name.is_some()
                || self.role.is_some()
                || self.country.is_some()
                || self.institution
                || self.anon_noun
                || self.pronoun.is_some())
    }

    /// An unnamed source: an indefinite or plural description, or a "source" noun.
    ///
    /// An indefinite phrase never names its speaker ("seorang pejabat Kementerian Luar
    /// Negeri"); a plural one does not unless a name comes before the role.
    pub fn anonymous(&self) -> bool {
        self.pronoun.is_none()
            && (self.role.is_some() || self.anon_noun)
            && (self.indefinite
                || (self.anon_noun && self.name.is_none())
                || (self.plural && !self.definite && (self.name.is_none() || self.role_first)))
    }

    /// A person (or group of people) a pronoun can refer to: not a country or an
    /// institution on its own.
    pub fn personal(&self) -> bool {
        self.pronoun.is_none()
            && (self.role.is_some() || self.anon_noun || (self.name.is_some() && !self.institution))
    }
}

/// Read a speaker phrase forwards from token `from`, not past `limit`.
/// `demote_first`: the first token starts a sentence, so a capitalised common word
/// there ("Pernyataan") is not a name.
pub(crate) fn np_forward(
    ctx: &Ctx<'_, '_>,
    from: usize,
    limit: usize,
    demote_first: bool,
) -> Option<Np> {
    let limit = limit.min(ctx.doc.len());
    let mut np = Np {
        a: from,
        b: from,
        ..Np::default()
    };
    let mut j = from;
    // End of the phrase as accepted so far (trailing connectors are tentative).
    let mut committed = from;
    let mut run_start: Option<usize> = None;
    // A connector was just read: a determiner may follow ("spokesperson for the
    // ministry").
    let mut after_conn = false;
    while j < limit && j - from < 12 {
        if j > from && !ctx.doc.same_para(j - 1, j) {
            break;
        }
        let (mut class, n) = classify(ctx, j);
        if j == from && demote_first && class == Class::Name && ctx.f(j) & bit::COMMON != 0 {
            class = Class::Lower;
        }
        let at_start = committed == from || after_conn;
        after_conn = false;
        match class {
            Class::Name => {
                if run_start.is_none() {
                    run_start = Some(j);
                }
                np.name = Some((run_start.unwrap_or(j), j + n));
            }
            Class::Role { id, plural, anon } => {
                run_start = None;
                np.role_first |= np.name.is_none();
                np.anon_noun |= anon;
                np.role = np.role.or(Some(id));
                np.plural |= plural;
            }
            Class::Country(c) => {
                run_start = None;
                np.country = np.country.or(Some(c));
            }
            Class::Institution => {
                run_start = None;
                np.institution = true;
            }
            Class::AnonNoun => {
                run_start = None;
                np.anon_noun = true;
            }
            Class::Modifier => {
                run_start = None;
            }
            Class::Indefinite { plural } if at_start => {
                np.indefinite = true;
                np.plural |= plural;
            }
            Class::Plural if at_start => np.plural = true,
            Class::Article if at_start => np.definite = true,
            Class::Definite if committed != from => {
                np.definite = true;
                committed = j + n;
                break;
            }
            Class::Pronoun { plural } if at_start => {
                np.pronoun = Some(plural);
                committed = j + n;
                break;
            }
            Class::Connector if committed != from => {
                run_start = None;
                after_conn = true;
                j += n;
                continue; // tentative: committed only if a noun follows
            }
            // Lower-case words right before a role modify it ("opposition leader",
            // "foreign policy chief"); after a role, they describe it when a name follows
            // ("pengamat hubungan internasional Universitas Indonesia Hikmahanto Juwana").
            Class::Lower if np.name.is_none() && lower_run_ok(ctx, j, limit, np.role.is_some()) => {
                run_start = None;
            }
            _ => break,
        }
        j += n;
        committed = j;
    }
    np.b = committed;
    // Trailing determiners or articles ("the") are not part of the phrase.
    while np.b > np.a
        && matches!(
            classify(ctx, np.b - 1).0,
            Class::Article | Class::Indefinite { .. } | Class::Plural
        )
    {
        np.b -= 1;
    }
    if let Some((_, e)) = np.name
        && e > np.b
    {
        np.name = None;
    }
    np.valid().then_some(np)
}

/// May the lower-case word at `j` stay inside a speaker phrase? When it and up to two
/// more lower-case words are followed by a role; or, `after_role`, by a capitalised
/// name (up to four words). A word shaped like a verb ("bertemu", `verb_prefixes`)
/// never does.
fn lower_run_ok(ctx: &Ctx<'_, '_>, j: usize, limit: usize, after_role: bool) -> bool {
    let max = if after_role { 4 } else { 3 };
    let verbal = |k: usize| {
        let w = ctx.doc.lower(k);
        w.chars().count() >= 5
            && ctx
                .lex
                .verb_prefixes
                .iter()
                .any(|p| w.starts_with(p.as_str()))
    };
    if verbal(j) {
        return false;
    }
    let mut k = j + 1;
    while k < limit && k - j <= max {
        match classify(ctx, k).0 {
            Class::Lower if !verbal(k) => k += 1,
            Class::Role { .. } => return true,
            Class::Name | Class::Institution | Class::Country(_) => return after_role,
            _ => return false,
        }
    }
    false
}

/// Tokens looked at backwards from a verb for one comma-separated segment.
const MAX_SEGMENT: usize = 40;

/// Read the subject of a verb at token `v`, backwards, within the sentence starting
/// at `s0`: the clause before the verb, skipping adverbs ("juga"), relative clauses
/// and adjunct phrases set off by commas ("Yellen, yang …, mengatakan"), leading
/// conjunctions ("Namun"), and a leading adjunct whose subject is at its end
/// ("Dalam kesempatan itu Wang Yi mengatakan").
pub(crate) fn subject_before(ctx: &Ctx<'_, '_>, v: usize, s0: usize) -> Option<Np> {
    let doc = &ctx.doc;
    let lex = ctx.lex;
    let mut end = v;
    while end > s0 && ctx.f(end - 1) & bit::E_ADVERB != 0 {
        match lex.adverbs.ending_at(doc, end - 1) {
            Some((k, ())) if end - k >= s0 => end -= k,
            _ => break,
        }
    }
    let mut seg_end = end;
    for _ in 0..4 {
        let mut a = seg_end;
        // A subject is a few words: looking further back than this is wasted (and
        // quadratic on a runaway sentence).
        let floor = s0.max(seg_end.saturating_sub(MAX_SEGMENT));
        while a > floor {
            let t = a - 1;
            let boundary =
                ctx.inside(t) || !doc.is_word(t) || ctx.f(t) & (bit::CLAUSE_BREAK | bit::COMP) != 0;
            if boundary {
                break;
            }
            a -= 1;
        }
        let skip = a == seg_end
            || ctx.f(a) & bit::RELATIVE != 0
            || (ctx.f(a) & bit::ADJUNCT != 0 && trailing_name(ctx, a, seg_end).is_none());
        if skip {
            // Jump back over a comma: "Yellen, yang …, mengatakan", "Lavrov, pada
            // gilirannya, mengatakan".
            if a > s0 && doc.is_punct(a - 1, ',') {
                seg_end = a - 1;
                continue;
            }
            return None;
        }
        // Strip leading conjunctions and adverbs ("Namun", "lalu").
        let mut b = a;
        loop {
            if let Some((k, ())) = lex
                .conjunctions
                .at(doc, b)
                .filter(|_| ctx.f(b) & bit::H_CONJ != 0)
            {
                b += k;
            } else if let Some((k, ())) = lex
                .adverbs
                .at(doc, b)
                .filter(|_| ctx.f(b) & bit::H_ADVERB != 0)
            {
                b += k;
            } else {
                break;
            }
            if b >= seg_end {
                return None;
            }
        }
        let sentence_start = b == s0
            || lex
                .conjunctions
                .at(doc, s0)
                .is_some_and(|(k, ())| s0 + k == b);
        let np = if ctx.f(b) & bit::ADJUNCT != 0 {
            let r = trailing_name(ctx, b, seg_end)?;
            np_forward(ctx, r, seg_end, false)?
        } else {
            np_forward(ctx, b, seg_end, sentence_start || a == s0)?
        };
        return Some(with_apposed_title(ctx, np, s0));
    }
    None
}

/// The start of the run of name-like tokens (names, titles, countries) that ends a
/// segment `a..e`, if any.
fn trailing_name(ctx: &Ctx<'_, '_>, a: usize, e: usize) -> Option<usize> {
    let mut r = e;
    while r > a {
        let t = r - 1;
        let ok = ctx.doc.is_word(t)
            && (ctx.doc.tokens[t].cap || ctx.f(t) & bit::CONNECTOR != 0)
            && ctx.f(t) & bit::STOP == 0;
        if !ok {
            break;
        }
        r -= 1;
    }
    // Drop leading connectors.
    while r < e && ctx.f(r) & bit::CONNECTOR != 0 {
        r += 1;
    }
    (r < e).then_some(r)
}

/// "Menteri Luar Negeri Rusia, Sergei Lavrov mengatakan": a title alone before a
/// comma at the start of the sentence belongs to the name after it.
fn with_apposed_title(ctx: &Ctx<'_, '_>, np: Np, s0: usize) -> Np {
    if np.name.is_none() || np.a < s0 + 2 || !ctx.doc.is_punct(np.a - 1, ',') {
        return np;
    }
    let Some(title) = np_forward(ctx, s0, np.a - 1, true) else {
        return np;
    };
    if title.b == np.a - 1 && title.name.is_none() && title.role.is_some() && !title.anonymous() {
        Np {
            a: title.a,
            role: np.role.or(title.role),
            country: np.country.or(title.country),
            ..np
        }
    } else {
        np
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{ctx, lexicon};

    fn np_text(text: &str, from_word: usize) -> Option<String> {
        let lex = lexicon();
        let c = ctx(text, lex);
        let np = np_forward(&c, from_word, c.doc.len(), false)?;
        let r = c.doc.bytes(np.a, np.b);
        Some(text[r].to_string())
    }

    #[test]
    fn phrases_stop_at_adjuncts_and_lower_case_words() {
        assert_eq!(
            np_text("kata seorang pejabat senior AS kepada wartawan", 1).as_deref(),
            Some("seorang pejabat senior AS")
        );
        assert_eq!(
            np_text("kata Menteri Luar Negeri Rusia Sergei Lavrov pada Sabtu", 1).as_deref(),
            Some("Menteri Luar Negeri Rusia Sergei Lavrov")
        );
        assert_eq!(
            np_text("kata diplomat tertinggi tersebut, merujuk", 1).as_deref(),
            Some("diplomat tertinggi tersebut")
        );
        assert_eq!(np_text("dengan kata lain", 2), None);
        assert_eq!(
            np_text("Pejabat AS mengatakan", 0).as_deref(),
            Some("Pejabat AS")
        );
        assert_eq!(
            np_text("said a senior US official on Tuesday", 1).as_deref(),
            Some("a senior US official")
        );
    }
}

#[cfg(test)]
mod subject_tests {
    use super::*;
    use crate::testutil::{ctx, lexicon};

    /// The subject of the first speech verb (by word) in `text`.
    pub(crate) fn subject(text: &str, verb: &str) -> Option<String> {
        let c = ctx(text, lexicon());
        let v = (0..c.doc.len()).find(|&i| c.doc.raw(i) == verb)?;
        let s0 = c.sents.span(c.sents.of(v)).0;
        let np = subject_before(&c, v, s0)?;
        Some(text[c.doc.bytes(np.a, np.b)].to_string())
    }

    #[test]
    fn subjects_skip_adverbs_adjuncts_and_relative_clauses() {
        let cases = [
            (
                "Pejabat AS mengatakan bahwa Beijing tidak boleh membantu.",
                "mengatakan",
                "Pejabat AS",
            ),
            (
                "Wang juga mengatakan kedua negara sudah membicarakan krisis.",
                "mengatakan",
                "Wang",
            ),
            (
                "Namun para analis mengatakan pengaruh Beijing kian besar.",
                "mengatakan",
                "para analis",
            ),
            (
                "Dan Menteri Keuangan Janet Yellen, yang tiba di Beijing pada hari Kamis, mengatakan pihaknya sudah menyampaikan keberatan.",
                "mengatakan",
                "Menteri Keuangan Janet Yellen",
            ),
            (
                "Dalam kesempatan itu Wang Yi mencatat bahwa kerja sama terus tumbuh.",
                "mencatat",
                "Wang Yi",
            ),
            (
                "Pada Rabu (8/3/2023) lalu Lavrov mengatakan kemitraan itu kokoh.",
                "mengatakan",
                "Lavrov",
            ),
            (
                "Washington menyebut kapal itu sebagai ancaman sementara China mengatakan kapal tersebut hanya kapal riset.",
                "mengatakan",
                "China",
            ),
            (
                "Menteri Luar Negeri Rusia, Sergei Lavrov menegaskan dalam konferensi pers bahwa sanksi Barat gagal.",
                "menegaskan",
                "Menteri Luar Negeri Rusia, Sergei Lavrov",
            ),
            (
                "Lavrov pada bagiannya menyatakan harapan yang sama.",
                "menyatakan",
                "Lavrov",
            ),
        ];
        for (text, verb, want) in cases {
            assert_eq!(subject(text, verb).as_deref(), Some(want), "{text}");
        }
        assert_eq!(
            subject(
                "Dalam keterangan resmi kementerian mengatakan Ma juga hadir.",
                "mengatakan"
            ),
            None
        );
    }
}
