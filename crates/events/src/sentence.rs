//! One sentence as the coder reads it: tokens with their lower-case form and a few
//! flags (a predicate? a clause break? inside a date?), the actor mentions in it
//! grouped into noun phrases ("Rusia dan China", "Deputi Menteri Luar Negeri Rusia
//! Andrey Rudenko dan Sergey Vershinin"), and for each group the preposition that
//! governs it ("dengan Y", "di Bali", "oleh AS").

use std::ops::Range;

use warta_model::EventActor;
use warta_segment::{Token, TokenKind};

use crate::lexicon::Lexicon;
use crate::mentions::{Kind, Mention};

/// How far back (in plain words) a preposition may govern a group: "di sebuah hotel
/// Roma", "tentang hubungan Rusia dan China".
const GOVERN_WORDS: usize = 5;

/// Longest quotation (in tokens) whose marks are ignored as scare quotes: `atas
/// “dukungan” mereka` is not a clause break.
const SCARE_QUOTE_TOKENS: usize = 5;

/// A token of the sentence.
#[derive(Debug, Clone)]
pub(crate) struct Tok {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// Lower-case form.
    pub lower: String,
    /// The token's kind.
    pub kind: TokenKind,
    /// First letter upper case.
    pub cap: bool,
    /// Looks like a predicate: a derived verb or a listed verb, not a name.
    pub verb: bool,
    /// Ends a clause: a clause-break word, a speech verb, `;`, `:`, a quotation mark.
    pub brk: bool,
    /// Inside a date mention.
    pub date: bool,
    /// Covered by an actor mention.
    pub named: bool,
}

impl Tok {
    /// A word, abbreviation or initial.
    pub fn is_word(&self) -> bool {
        self.kind.is_wordlike()
    }

    /// A comma.
    pub fn is_comma(&self) -> bool {
        self.kind == TokenKind::Punct && self.lower == ","
    }
}

/// A noun phrase of one or more actor mentions.
#[derive(Debug, Clone)]
pub(crate) struct Group {
    /// Indices into [`View::mentions`], in text order, modifiers and appositions removed.
    pub members: Vec<usize>,
    /// First token (of the first member, modifiers included).
    pub first: usize,
    /// Last token.
    pub last: usize,
    /// The governing preposition (lower case) and its token, if any.
    pub prep: Option<(String, usize)>,
}

/// The sentence view.
#[derive(Debug)]
pub(crate) struct View {
    /// Byte range of the sentence.
    pub range: Range<usize>,
    pub toks: Vec<Tok>,
    /// Mentions inside the sentence, by start.
    pub mentions: Vec<Mention>,
    pub groups: Vec<Group>,
    /// The person mentioned last before the sentence (within [`PREV_PERSON_BYTES`]),
    /// as an index into `mentions` (it is appended there, outside every group): whom
    /// "-nya" on an event noun most likely means when the entity stage left it.
    pub prev_person: Option<usize>,
    /// The comma closing a sentence-initial subordinate clause ("Jika …, …"), if any.
    pub sub_comma: Option<usize>,
    /// Head tokens of event nouns found in the sentence (filled by the coder).
    pub event_nouns: Vec<usize>,
}

/// How far back the last person before a sentence is looked for.
const PREV_PERSON_BYTES: usize = 1500;

impl View {
    /// Build the view of one sentence. `mentions` are all the text's mentions sorted by
    /// start; `dates` the byte ranges of the text's date mentions.
    pub fn build(
        text: &str,
        tokens: &[Token],
        range: Range<usize>,
        lex: &Lexicon,
        mentions: &[Mention],
        dates: &[Range<usize>],
    ) -> View {
        let mut toks: Vec<Tok> = tokens
            .iter()
            .map(|t| {
                let s = text.get(t.start..t.end).unwrap_or("");
                let lower = if s.bytes().any(|b| b.is_ascii_uppercase()) || !s.is_ascii() {
                    s.to_lowercase()
                } else {
                    s.to_string()
                };
                Tok {
                    range: t.start..t.end,
                    cap: s.chars().next().is_some_and(char::is_uppercase),
                    kind: t.kind,
                    lower,
                    verb: false,
                    brk: false,
                    date: false,
                    named: false,
                }
            })
            .collect();
        // Mentions of this sentence and their tokens.
        let lo = mentions.partition_point(|m| m.range.start < range.start);
        let mut ms: Vec<Mention> = Vec::new();
        let mut m_toks: Vec<Range<usize>> = Vec::new();
        for m in mentions[lo..]
            .iter()
            .take_while(|m| m.range.start < range.end)
        {
            if m.range.end > range.end {
                continue;
            }
            let first = toks.partition_point(|t| t.range.end <= m.range.start);
            let last = toks.partition_point(|t| t.range.start < m.range.end);
            if first >= last {
                continue;
            }
            ms.push(m.clone());
            m_toks.push(first..last);
        }
        add_groups(text, lex, &toks, &mut ms, &mut m_toks);
        for (m, r) in ms.iter().zip(&m_toks) {
            if m.kind == Kind::Clitic {
                continue;
            }
            for t in &mut toks[r.clone()] {
                t.named = true;
            }
        }
        // Flags.
        let mut di = 0;
        for t in &mut toks {
            while di < dates.len() && dates[di].end <= t.range.start {
                di += 1;
            }
            t.date = dates
                .get(di)
                .is_some_and(|d| d.start < t.range.end && t.range.start < d.end);
            let w = t.lower.as_str();
            t.brk = match t.kind {
                TokenKind::Punct => w == ";" || w == ":",
                TokenKind::Quote => true,
                TokenKind::Word => {
                    !t.named
                        && (lex.roles.clause_breaks.contains(w) || lex.roles.speech.contains(w))
                }
                _ => false,
            };
            t.verb = t.kind == TokenKind::Word
                && !t.named
                && !lex.voice.not_verbs.contains(w)
                && (lex.voice.verbs.contains(w)
                    || lex.roles.speech.contains(w)
                    || ((!t.cap || t.lower.len() > 3)
                        && lex.morph.has_prefix(w, &lex.voice.verb_prefixes)
                        && !lex.roles.is_prep(w)
                        && !lex.roles.clause_breaks.contains(w)));
        }
        if !lex.voice.verb_suffixes.is_empty() || lex.voice.trigger_verbs {
            for i in 0..toks.len() {
                let t = &toks[i];
                if t.verb
                    || t.kind != TokenKind::Word
                    || t.named
                    || lex.voice.not_verbs.contains(&t.lower)
                {
                    continue;
                }
                if suffix_verb(lex, &toks, i) {
                    toks[i].verb = true;
                }
            }
        }
        unbreak_scare_quotes(&mut toks);
        let sub_comma = sub_clause_comma(lex, &toks);
        let groups = make_groups(text, lex, &toks, &ms, &m_toks, sub_comma);
        let prev_person = mentions[..lo]
            .iter()
            .rev()
            .take_while(|m| m.range.end + PREV_PERSON_BYTES >= range.start)
            .find(|m| m.kind == Kind::Person && m.linked)
            .map(|m| {
                ms.push(m.clone());
                m_toks.push(0..0);
                ms.len() - 1
            });
        if std::env::var_os("WARTA_EVENTS_DEBUG").is_some() {
            for g in &groups {
                let names: Vec<&str> = g
                    .members
                    .iter()
                    .map(|&i| ms[i].actor.text.as_str())
                    .collect();
                eprintln!(
                    "  group {names:?} toks {}..={} prep {:?}",
                    g.first, g.last, g.prep
                );
            }
            let verbs: Vec<&str> = toks
                .iter()
                .filter(|t| t.verb)
                .map(|t| t.lower.as_str())
                .collect();
            eprintln!("  verbs {verbs:?}");
        }
        View {
            range,
            toks,
            mentions: ms,
            groups,
            prev_person,
            sub_comma,
            event_nouns: Vec::new(),
        }
    }
}

/// Whether token `i` follows a noun marker ("a", "the", "new", "Russia's"); a
/// capitalised marker inside the sentence is part of a name ("Amnesty International").
pub(crate) fn after_noun_marker(lex: &Lexicon, toks: &[Tok], i: usize) -> bool {
    let Some(p) = i.checked_sub(1) else {
        return false;
    };
    let prev = &toks[p];
    lex.voice.noun_markers.contains(&prev.lower)
        && (!prev.cap || !toks[..p].iter().any(Tok::is_word))
}

/// An English-style predicate: a lower-case word with a verb suffix ("-ed", "met") or
/// read as a trigger's verb form ("visit", "meets"), not after a noun marker ("the
/// so-called", "a visit"). Only where the lexicon asks for it (`[voice]
/// verb_suffixes`, `trigger_verbs`).
fn suffix_verb(lex: &Lexicon, toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    if t.cap || after_noun_marker(lex, toks, i) {
        return false;
    }
    let w = t.lower.as_str();
    if lex.roles.is_prep(w) || lex.roles.clause_breaks.contains(w) {
        return false;
    }
    let v = &lex.voice;
    lex.morph.has_suffix(w, &v.verb_suffixes) || (v.trigger_verbs && lex.is_trigger_verb(w))
}

/// The comma closing a subordinate clause that opens the sentence ("Jika China
/// menyerang Taiwan, …"): the first comma when the first word is a subordinator.
fn sub_clause_comma(lex: &Lexicon, toks: &[Tok]) -> Option<usize> {
    let first = toks.iter().position(Tok::is_word)?;
    let w = toks[first].lower.as_str();
    let subordinator = (lex.roles.clause_breaks.contains(w)
        && !lex.roles.relative.contains(w)
        && !lex.roles.speech.contains(w))
        || lex
            .cues
            .hypothetical
            .iter()
            .any(|c| c.len() == 1 && c[0] == w);
    if !subordinator {
        return None;
    }
    toks.iter().position(Tok::is_comma)
}

/// Quotation marks around a few words (scare quotes) do not break clauses.
fn unbreak_scare_quotes(toks: &mut [Tok]) {
    let quotes: Vec<usize> = toks
        .iter()
        .enumerate()
        .filter(|(_, t)| t.kind == TokenKind::Quote)
        .map(|(i, _)| i)
        .collect();
    for pair in quotes.chunks(2) {
        if let [a, b] = pair
            && b - a <= SCARE_QUOTE_TOKENS + 1
            && !toks[a + 1..*b]
                .iter()
                .any(|t| t.is_comma() || t.kind == TokenKind::Terminal)
        {
            toks[*a].brk = false;
            toks[*b].brk = false;
        }
    }
}

/// Collective actors from the lexicon ("Barat", "negara-negara Barat") not covered by
/// an entity. A one-word name after a capitalised word is part of a name ("Jawa
/// Barat"), not the West.
fn add_groups(
    text: &str,
    lex: &Lexicon,
    toks: &[Tok],
    ms: &mut Vec<Mention>,
    m_toks: &mut Vec<Range<usize>>,
) {
    if lex.groups.is_empty() {
        return;
    }
    let mut added = false;
    for i in 0..toks.len() {
        if !lex.group_first.contains(&toks[i].lower) {
            continue;
        }
        for g in &lex.groups {
            for name in &g.names {
                let end = i + name.len();
                if end > toks.len() || !name.iter().zip(&toks[i..end]).all(|(w, t)| *w == t.lower) {
                    continue;
                }
                let r = toks[i].range.start..toks[end - 1].range.end;
                if ms
                    .iter()
                    .any(|m| m.range.start < r.end && r.start < m.range.end)
                {
                    continue;
                }
                let after_name = i > 0
                    && toks[i - 1].cap
                    && toks[i - 1].is_word()
                    && !toks[i - 1].lower.is_empty()
                    && !lex.roles.is_prep(&toks[i - 1].lower)
                    && !lex.roles.conjunctions.contains(&toks[i - 1].lower);
                if name.len() == 1 && (after_name || !toks[i].cap) {
                    continue;
                }
                ms.push(Mention {
                    range: r.clone(),
                    kind: Kind::Group,
                    actor: EventActor {
                        text: text.get(r.clone()).unwrap_or("").to_string(),
                        start: 0,
                        end: 0,
                        canonical: Some(g.canonical.clone()),
                        kb_id: g.kb_id.clone(),
                        country: g.country.clone(),
                        sector: g.sector.clone(),
                    },
                    place_id: None,
                    linked: true,
                    described: false,
                });
                m_toks.push(i..end);
                added = true;
            }
        }
    }
    if added {
        let mut both: Vec<(Mention, Range<usize>)> = ms.drain(..).zip(m_toks.drain(..)).collect();
        both.sort_by_key(|(m, _)| m.range.start);
        for (m, r) in both {
            ms.push(m);
            m_toks.push(r);
        }
    }
}

/// How two consecutive mentions are joined.
enum Join {
    /// Nothing but spaces: the first modifies the second ("Rusia Sergei Lavrov").
    Modifier,
    /// A conjunction or a list comma, with at most capitalised title words: both.
    Conjoined,
    /// A comma and capitalised title words: the second describes the first.
    Apposition,
    /// Anything else: separate phrases.
    Apart,
}

fn join(
    text: &str,
    lex: &Lexicon,
    toks: &[Tok],
    (a, b): (&Range<usize>, &Range<usize>),
    (ra, rb): (&Range<usize>, &Range<usize>),
    (second_described, group_len): (bool, usize),
) -> Join {
    if rb.start < ra.end {
        return Join::Apart;
    }
    let gap = text.get(ra.end..rb.start).unwrap_or("x");
    if gap.chars().all(char::is_whitespace) {
        return Join::Modifier;
    }
    if a.end > b.start {
        // Both in one token: "Rusia-China".
        return if gap == "-" {
            Join::Conjoined
        } else {
            Join::Apart
        };
    }
    let between = &toks[a.end..b.start];
    let mut conj = false;
    let mut comma = false;
    let mut titles = false;
    for t in between {
        if t.is_comma() {
            comma = true;
        } else if lex.roles.conjunctions.contains(&t.lower) {
            conj = true;
        } else if t.cap && t.is_word() && !t.named && !t.verb {
            titles = true;
        } else if conj
            && t.is_word()
            && !t.verb
            && lex.voice.noun_markers.contains(&t.lower)
            && !lex.roles.is_prep(&t.lower)
        {
            // "Russia and the United States", "Iran and its ally Syria".
        } else {
            return Join::Apart;
        }
    }
    // "Dalam pertemuan dengan Blinken, Wang Yi menyampaikan …": after a comma, a name
    // followed by a verb opens a clause.
    let verb_follows = toks[b.end.min(toks.len())..]
        .iter()
        .find(|t| !lex.cues.words.contains(&t.lower))
        .is_some_and(|t| t.verb);
    if comma && !conj && verb_follows {
        return Join::Apart;
    }
    // "Di Laos, Lavrov dan Wang Yi bertemu": a comma after a sentence-opening
    // prepositional phrase closes it, when names (and "dan") then lead to a verb —
    // the subject is a list of its own. A list of subjects ("Rusia, China dan Iran
    // mengecam") has no preposition before it and stays one phrase.
    if comma && !conj && fronted_adjunct(lex, &toks[..a.start]) {
        // Names, "dan", title words and up to two adverbs ("kembali", "juga") may
        // stand between the list and its verb.
        let mut adverbs = 0;
        let next = toks[b.end.min(toks.len())..].iter().find(|t| {
            let skip = lex.cues.words.contains(&t.lower)
                || t.named
                || lex.roles.conjunctions.contains(&t.lower)
                || (t.cap && t.is_word() && !t.verb);
            if skip {
                return false;
            }
            if t.is_word() && !t.verb && !t.brk && adverbs < 2 {
                adverbs += 1;
                return false;
            }
            true
        });
        if next.is_some_and(|t| t.verb) {
            return Join::Apart;
        }
    }
    match (conj, comma, titles) {
        // "Rusia, dan kami …": a comma before "dan" ends a list of two only when a
        // list is already running ("Rusia, China, dan Iran").
        (true, true, _) if group_len < 2 => Join::Apart,
        (true, _, _) => Join::Conjoined,
        (false, true, false) if second_described => Join::Apposition,
        (false, true, false) => Join::Conjoined,
        (false, true, true) => Join::Apposition,
        _ => Join::Apart,
    }
}

/// Whether `before` (the tokens of the sentence before a mention) is a fronted
/// adjunct: it opens with a preposition and holds no verb ("Di", "Di sela KTT",
/// "Dalam kunjungan ke").
fn fronted_adjunct(lex: &Lexicon, before: &[Tok]) -> bool {
    before
        .iter()
        .find(|t| t.is_word())
        .is_some_and(|t| lex.roles.is_prep(&t.lower) || lex.roles.adjunct.contains(&t.lower))
        && !before.iter().any(|t| t.verb || t.brk)
}

/// Group the mentions into noun phrases and find each phrase's preposition.
fn make_groups(
    text: &str,
    lex: &Lexicon,
    toks: &[Tok],
    ms: &[Mention],
    m_toks: &[Range<usize>],
    sub_comma: Option<usize>,
) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut prev: Option<usize> = None;
    // The mention last absorbed as an apposition ("Lavrov, Menlu Iran …"): a person
    // right after it is a new phrase ("… Menlu Iran Hossein Amir-Abdollahian membahas").
    let mut appos: Option<usize> = None;
    for (i, m) in ms.iter().enumerate() {
        // A "-nya" counts only on an event word; the role finder adds it there.
        if m.kind == Kind::Clitic {
            continue;
        }
        let group_len = groups.last().map_or(0, |g: &Group| g.members.len());
        let mut joined = prev.map(|p| {
            let across = sub_comma.is_some_and(|c| m_toks[p].end <= c && c < m_toks[i].start);
            if across {
                return Join::Apart;
            }
            join(
                text,
                lex,
                toks,
                (&m_toks[p], &m_toks[i]),
                (&ms[p].range, &m.range),
                (m.described, group_len),
            )
        });
        let mut first = m_toks[i].start;
        if let (Some(Join::Modifier), Some(a)) = (&joined, appos)
            && m.kind == Kind::Person
            && Some(a) == prev
        {
            joined = Some(Join::Apart);
            first = m_toks[a].start;
        }
        appos = matches!(joined, Some(Join::Apposition)).then_some(i);
        match (joined, groups.last_mut()) {
            (Some(Join::Modifier), Some(g)) => {
                // "Rusia Sergei Lavrov": keep the person, drop the modifier. A place
                // before a place ("Guangxi Zhuang") keeps both as one.
                if let Some(last) = g.members.last_mut()
                    && ms[*last].kind != Kind::Person
                {
                    *last = i;
                } else {
                    g.members.push(i);
                }
                g.last = m_toks[i].end - 1;
            }
            (Some(Join::Conjoined), Some(g)) => {
                g.members.push(i);
                g.last = m_toks[i].end - 1;
            }
            (Some(Join::Apposition), Some(g)) => {
                g.last = m_toks[i].end - 1;
            }
            _ => groups.push(Group {
                members: vec![i],
                first,
                last: m_toks[i].end - 1,
                prep: None,
            }),
        }
        prev = Some(i);
    }
    for g in &mut groups {
        g.prep = governor(lex, toks, g.first);
        let place_phrase = g
            .prep
            .as_ref()
            .is_some_and(|(p, _)| lex.roles.location.contains(p) || lex.roles.goal.contains(p));
        if !place_phrase {
            subsume(ms, &mut g.members);
        }
        // One actor once ("Yang Jiechi, Kepala Diplomat …" named twice).
        let mut seen: Vec<&str> = Vec::new();
        g.members.retain(|&i| {
            let k = ms[i].key();
            if seen.contains(&k) {
                false
            } else {
                seen.push(k);
                true
            }
        });
    }
    groups
}

/// Drop a state from a phrase that also names a person or organisation acting for it
/// ("Anggota Dewan Negara dan Menlu China Wang Yi" is Wang Yi), and places
/// from a phrase that names an actor.
fn subsume(ms: &[Mention], members: &mut Vec<usize>) {
    if members.len() < 2 {
        return;
    }
    let acting: Vec<&str> = members
        .iter()
        .filter(|&&i| matches!(ms[i].kind, Kind::Person | Kind::Org))
        .filter_map(|&i| ms[i].actor.country.as_deref())
        .collect();
    let has_actor = members.iter().any(|&i| !matches!(ms[i].kind, Kind::Place));
    members.retain(|&i| {
        let m = &ms[i];
        match m.kind {
            Kind::State => !m
                .actor
                .kb_id
                .as_deref()
                .is_some_and(|id| acting.contains(&id)),
            Kind::Place => !has_actor,
            _ => true,
        }
    });
}

/// The preposition governing a phrase starting at token `first`: the nearest
/// preposition before it with only plain words between ("di sebuah hotel Roma"),
/// looking through "mitra(nya) dari" ("dengan mitranya dari Jepang Yoko Kamikawa" is
/// governed by "dengan"). A verb, comma, clause break, date or bracket stops the search.
pub(crate) fn governor(lex: &Lexicon, toks: &[Tok], first: usize) -> Option<(String, usize)> {
    let mut words = 0;
    let mut i = first;
    while i > 0 {
        i -= 1;
        let t = &toks[i];
        if t.named {
            continue;
        }
        if !t.is_word() || t.brk || t.date || t.verb {
            return None;
        }
        if lex.roles.is_prep(&t.lower) {
            let partner =
                lex.roles.source.contains(&t.lower) && i > 0 && is_partner(lex, &toks[i - 1].lower);
            if partner {
                i -= 1;
                continue;
            }
            return Some((t.lower.clone(), i));
        }
        if lex.roles.clause_breaks.contains(&t.lower) || lex.roles.conjunctions.contains(&t.lower) {
            return None;
        }
        words += 1;
        if words > GOVERN_WORDS {
            return None;
        }
    }
    None
}

/// "mitra", "mitranya", "counterpart": a noun whose "dari X" names X, not a source.
fn is_partner(lex: &Lexicon, w: &str) -> bool {
    if lex.roles.partner.contains(w) {
        return true;
    }
    lex.morph
        .analyse(w)
        .iter()
        .any(|a| a.prefix.is_none() && a.suffix.is_none() && lex.roles.partner.contains(&a.root))
}
