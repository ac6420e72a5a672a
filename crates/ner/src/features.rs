//! Feature extraction: from a sentence's tokens to 64-bit feature keys per token.
//!
//! Each token is analysed once ([`TokenInfo`]: hashes of its forms, affixes and
//! shapes, flags, cluster path, phrase-list hits), then every template combines
//! the analyses of the token and its neighbours into keys with [`hash::feat`].
//! Nothing is allocated per feature; the buffers in [`Scratch`] are reused from
//! sentence to sentence.
//!
//! What the templates carry and why:
//! - word identity (lower-cased and as written) ±2, and word bigrams: names and
//!   their context words recur;
//! - prefixes/suffixes up to 4 characters and Indonesian affix classes (meN-,
//!   di-, ber-, ter-, ke-, pe-, se- / -kan, -i, -an, -nya, -lah): verbs and
//!   derived nouns are rarely names, and foreign names have foreign endings;
//! - word shape (`Xxxx`, `XX`, `dd`) and compressed shape (`Xx`), capitalisation
//!   with a sentence-initial flag, position in the sentence;
//! - Brown-cluster path prefixes of the token and neighbours: generalisation from
//!   unlabelled text;
//! - how often the word is capitalised mid-sentence in unlabelled cased text: a
//!   capitalised word that is usually lower-case is likely a sentence opener or a
//!   title, not a name;
//! - phrase-list hits (titles and honorifics, organisation and place cue words,
//!   prepositions di/ke/dari, gazetteers of countries, provinces, regencies,
//!   districts and knowledge-base actors) on the token and its neighbours, with
//!   the token's part in the match (B/I/E/S).

use crate::clusters::{self, ClusterMap, WordInfo};
use crate::hash::{self, feat, feat2};
use crate::phrases::{self, Hit, MatchScratch, PhraseSet};

/// Feature groups that can be switched off (for ablations while tuning); stored
/// in the model so tagging extracts exactly what training did.
pub mod groups {
    /// Word bigrams w-1|w0, w0|w+1.
    pub const BIGRAMS: u32 = 1 << 0;
    /// Prefixes and suffixes.
    pub const AFFIXES: u32 = 1 << 1;
    /// Shapes of neighbours.
    pub const SHAPE_CONTEXT: u32 = 1 << 2;
    /// Brown clusters.
    pub const CLUSTERS: u32 = 1 << 3;
    /// Capitalisation statistics from unlabelled text.
    pub const CAP_STATS: u32 = 1 << 4;
    /// Phrase lists (gazetteers, cue words).
    pub const PHRASES: u32 = 1 << 5;
    /// Words at distance 2.
    pub const WIDE: u32 = 1 << 6;
    /// Conjunctions of a neighbour word with the token's shape.
    pub const CONJUNCTIONS: u32 = 1 << 7;
    /// Runs of capitalised tokens: length, position, first/last word and the
    /// words around the run (reaches the cue word of a long organisation name).
    pub const RUNS: u32 = 1 << 8;
    /// The token without surrounding punctuation (`(MK)` → `mk`).
    pub const STRIPPED: u32 = 1 << 9;
    /// Character trigrams inside the word (foreign-name morphology).
    pub const TRIGRAMS: u32 = 1 << 10;
    /// Everything.
    pub const ALL: u32 = 0x7ff;
}

/// The lists and clusters features are computed from; part of a model.
#[derive(Debug, Clone, Default)]
pub struct Resources {
    /// Word clusters and capitalisation statistics.
    pub clusters: ClusterMap,
    /// Gazetteers and cue-word lists, one class each.
    pub phrases: PhraseSet,
    /// Name of each phrase class (index = class number).
    pub class_names: Vec<String>,
    /// Enabled [`groups`].
    pub groups: u32,
    /// Phrase class of name connectors ("dan", "of", "bin") that may join a run
    /// of capitalised tokens; `None` when the lists have none.
    pub connector_class: Option<u8>,
}

/// What is known about one token, computed once per sentence.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokenInfo {
    raw: u64,
    lower: u64,
    shape: u64,
    short: u64,
    prefix: [u64; 4],
    suffix: [u64; 4],
    affix: u8,
    flags: u8,
    len: u8,
    word: WordInfo,
    stripped: u64,
    caplike: bool,
    connector: bool,
    tri: [u64; MAX_TRI],
    ntri: u8,
}

const MAX_TRI: usize = 10;

const INIT_CAP: u8 = 1;
const ALL_CAPS: u8 = 2;
const HAS_DIGIT: u8 = 4;
const ALL_DIGIT: u8 = 8;
const HAS_ALPHA: u8 = 16;
const HAS_HYPHEN: u8 = 32;
const HAS_PERIOD: u8 = 64;
const PUNCT: u8 = 128;

/// Reusable per-sentence buffers.
#[derive(Debug, Default, Clone)]
pub struct Scratch {
    info: Vec<TokenInfo>,
    lower_hashes: Vec<u64>,
    hits: Vec<Hit>,
    hit_offsets: Vec<u32>,
    /// Per token: (first, last) of the capitalised run it is in, or (i, i).
    runs: Vec<(u32, u32)>,
    matcher: MatchScratch,
    buf: String,
    /// Feature keys of all tokens, token `i` at `keys[offsets[i]..offsets[i+1]]`.
    pub keys: Vec<u64>,
    /// Offsets into `keys`, one more than tokens.
    pub offsets: Vec<u32>,
}

const BOS: u64 = 0x5EED_0000_0000_0001;
const EOS: u64 = 0x5EED_0000_0000_0002;

fn shape_hashes(token: &str) -> (u64, u64) {
    // Shape with runs capped at 4, and compressed shape (runs of 1).
    let mut long = [0u8; 24];
    let mut short = [0u8; 24];
    let (mut nl, mut ns) = (0usize, 0usize);
    let mut last = 0u8;
    let mut run = 0usize;
    for c in token.chars() {
        let k = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_ascii_digit() {
            b'd'
        } else if c.is_alphabetic() {
            b'a'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'S'
        };
        if k == last {
            run += 1;
        } else {
            run = 1;
            last = k;
            if ns < short.len() {
                short[ns] = k;
                ns += 1;
            }
        }
        if run <= 4 && nl < long.len() {
            long[nl] = k;
            nl += 1;
        }
    }
    (hash::bytes(&long[..nl]), hash::bytes(&short[..ns]))
}

/// Indonesian affix class of a lower-cased word: prefix class in the low nibble,
/// suffix class in the high nibble (0 = none).
fn affix_class(w: &str) -> u8 {
    let n = w.chars().count();
    if n < 5 {
        return 0;
    }
    const PREFIXES: [&str; 12] = [
        "meng", "meny", "mem", "men", "me", "di", "ber", "ter", "ke", "peng", "pe", "se",
    ];
    const SUFFIXES: [&str; 7] = ["kannya", "nya", "kan", "lah", "kah", "an", "i"];
    let p = PREFIXES
        .iter()
        .position(|p| w.starts_with(p))
        .map_or(0, |i| i as u8 + 1);
    let s = SUFFIXES
        .iter()
        .position(|s| w.ends_with(s))
        .map_or(0, |i| i as u8 + 1);
    p | (s << 4)
}

fn char_prefix_suffix(lower: &str, prefix: &mut [u64; 4], suffix: &mut [u64; 4]) {
    let mut idx = [0usize; 5];
    let mut n = 0usize;
    for (i, _) in lower.char_indices().take(5) {
        idx[n] = i;
        n += 1;
    }
    for k in 1..=4 {
        prefix[k - 1] = if k < n {
            hash::str(&lower[..idx[k]])
        } else if k == n {
            hash::str(lower)
        } else {
            0
        };
    }
    let mut ridx = [0usize; 5];
    let mut m = 0usize;
    for (i, _) in lower.char_indices().rev().take(4) {
        ridx[m] = i;
        m += 1;
    }
    for k in 1..=4 {
        suffix[k - 1] = if k <= m {
            hash::feat(99, hash::str(&lower[ridx[k - 1]..]))
        } else {
            0
        };
    }
}

impl Resources {
    fn analyse(&self, token: &str, buf: &mut String) -> TokenInfo {
        let mut flags = 0u8;
        let mut chars = token.chars();
        let first = chars.next();
        if first.is_some_and(char::is_uppercase) {
            flags |= INIT_CAP;
        }
        let mut any_lower = false;
        let mut any_alpha = false;
        let mut all_digit = true;
        let mut all_punct = true;
        let mut n = 0usize;
        for c in token.chars() {
            n += 1;
            if c.is_alphabetic() {
                any_alpha = true;
                if c.is_lowercase() {
                    any_lower = true;
                }
            }
            if c.is_ascii_digit() {
                flags |= HAS_DIGIT;
            } else {
                all_digit = false;
            }
            if c.is_alphanumeric() {
                all_punct = false;
            }
            if c == '-' {
                flags |= HAS_HYPHEN;
            }
            if c == '.' {
                flags |= HAS_PERIOD;
            }
        }
        if any_alpha {
            flags |= HAS_ALPHA;
            if !any_lower {
                flags |= ALL_CAPS;
            }
        }
        if all_digit && n > 0 {
            flags |= ALL_DIGIT;
        }
        if all_punct && n > 0 {
            flags |= PUNCT;
        }
        let raw = hash::str(token);
        phrases::lower(token, buf);
        let lower = hash::str(buf);
        let mut prefix = [0u64; 4];
        let mut suffix = [0u64; 4];
        let mut affix = 0;
        if self.groups & groups::AFFIXES != 0 {
            char_prefix_suffix(buf, &mut prefix, &mut suffix);
            affix = affix_class(buf);
        }
        let word = if self.groups & (groups::CLUSTERS | groups::CAP_STATS) != 0 {
            if flags & HAS_DIGIT != 0 {
                clusters::normalise(token, buf);
                self.clusters.get(hash::str(buf))
            } else {
                self.clusters.get(lower)
            }
        } else {
            WordInfo::default()
        };
        let mut tri = [0u64; MAX_TRI];
        let mut ntri = 0u8;
        if self.groups & groups::TRIGRAMS != 0 {
            let idx: Vec<usize> = buf
                .char_indices()
                .map(|(i, _)| i)
                .chain([buf.len()])
                .collect();
            // Inner trigrams: the edges are covered by prefixes and suffixes.
            for w in idx.windows(4).skip(1).take(MAX_TRI) {
                if w[3] == buf.len() {
                    break;
                }
                tri[ntri as usize] = hash::str(&buf[w[0]..w[3]]);
                ntri += 1;
            }
        }
        let (shape, short) = shape_hashes(token);
        let caplike = token
            .chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(char::is_uppercase);
        let connector = self
            .connector_class
            .is_some_and(|c| self.phrases.contains_single(c, lower));
        let mut stripped = 0;
        if self.groups & groups::STRIPPED != 0 {
            let t = token.trim_matches(|c: char| !c.is_alphanumeric());
            if !t.is_empty() && t.len() != token.len() {
                phrases::lower(t, buf);
                stripped = hash::str(buf);
            }
        }
        TokenInfo {
            raw,
            lower,
            shape,
            short,
            prefix,
            suffix,
            affix,
            flags,
            len: n.min(255) as u8,
            word,
            stripped,
            caplike,
            connector,
            tri,
            ntri,
        }
    }

    /// Compute the feature keys of every token of `tokens` into `s.keys` /
    /// `s.offsets`.
    pub fn extract<S: AsRef<str>>(&self, tokens: &[S], s: &mut Scratch) {
        let n = tokens.len();
        s.info.clear();
        s.lower_hashes.clear();
        for t in tokens {
            let info = self.analyse(t.as_ref(), &mut s.buf);
            s.lower_hashes.push(info.lower);
            s.info.push(info);
        }
        let use_phrases = self.groups & groups::PHRASES != 0;
        if use_phrases {
            self.phrases.find(
                &s.lower_hashes,
                &mut s.matcher,
                &mut s.hits,
                &mut s.hit_offsets,
            );
        }
        s.runs.clear();
        let mut i = 0;
        while i < n {
            if !s.info[i].caplike {
                s.runs.push((i as u32, i as u32));
                i += 1;
                continue;
            }
            // Extend over capitalised tokens and connectors between them.
            let mut end = i;
            let mut j = i + 1;
            while j < n {
                if s.info[j].caplike {
                    end = j;
                    j += 1;
                } else if s.info[j].connector && j + 1 < n && s.info[j + 1].caplike {
                    j += 1;
                } else {
                    break;
                }
            }
            for _ in i..=end {
                s.runs.push((i as u32, end as u32));
            }
            i = end + 1;
        }
        s.keys.clear();
        s.offsets.clear();
        s.offsets.push(0);
        for i in 0..n {
            self.token_features(i, s, use_phrases);
            s.offsets.push(s.keys.len() as u32);
        }
    }

    fn token_features(&self, i: usize, s: &mut Scratch, use_phrases: bool) {
        let n = s.info.len();
        let g = self.groups;
        let info = &s.info;
        let at = |d: isize| -> Option<&TokenInfo> {
            let j = i as isize + d;
            (j >= 0 && (j as usize) < n).then(|| &info[j as usize])
        };
        let lower_at = |d: isize| at(d).map_or(if d < 0 { BOS } else { EOS }, |t| t.lower);
        let t = &info[i];
        let k = &mut s.keys;
        k.push(feat(1, 0));
        k.push(feat(2, t.lower));
        k.push(feat(3, t.raw));
        k.push(feat(4, lower_at(-1)));
        k.push(feat(5, lower_at(1)));
        if g & groups::WIDE != 0 {
            k.push(feat(6, lower_at(-2)));
            k.push(feat(7, lower_at(2)));
        }

        if g & groups::BIGRAMS != 0 {
            k.push(feat2(8, lower_at(-1), t.lower));
            k.push(feat2(9, t.lower, lower_at(1)));
        }
        if g & groups::AFFIXES != 0 {
            for j in 0..4 {
                if t.prefix[j] != 0 {
                    k.push(feat(10 + j as u32, t.prefix[j]));
                }
                if t.suffix[j] != 0 {
                    k.push(feat(20 + j as u32, t.suffix[j]));
                }
            }
            k.push(feat(29, u64::from(t.affix)));
        }
        if g & groups::TRIGRAMS != 0 {
            for &h in &t.tri[..usize::from(t.ntri)] {
                k.push(feat(28, h));
            }
        }
        // Shapes and capitalisation.
        let first = i == 0;
        let cap = u64::from(t.flags & (INIT_CAP | ALL_CAPS));
        k.push(feat(30, t.shape));
        k.push(feat(31, t.short));
        k.push(feat2(40, cap, u64::from(first)));
        let pos = match i {
            0..=2 => i as u64,
            _ if i + 1 == n => 9,
            _ => 3,
        };
        k.push(feat2(41, pos, cap));
        k.push(feat(42, u64::from(t.len.min(12))));
        k.push(feat(43, u64::from(t.flags)));
        let short_at = |d: isize| at(d).map_or(if d < 0 { BOS } else { EOS }, |t| t.short);
        if g & groups::SHAPE_CONTEXT != 0 {
            let prev_shape = at(-1).map_or(BOS, |p| p.shape);
            let next_shape = at(1).map_or(EOS, |p| p.shape);
            k.push(feat(32, prev_shape));
            k.push(feat(33, next_shape));
            k.push(feat2(36, short_at(-1), t.short));
            k.push(feat2(37, t.short, short_at(1)));
            if g & groups::WIDE != 0 {
                k.push(feat(34, short_at(-2)));
                k.push(feat(35, short_at(2)));
            }
        }
        if g & groups::STRIPPED != 0 && t.stripped != 0 {
            k.push(feat(15, t.stripped));
        }
        if g & groups::RUNS != 0 && t.caplike {
            let (a, b) = s.runs[i];
            let (a, b) = (a as usize, b as usize);
            let len = (b - a + 1).min(6) as u64;
            let pos = match (i == a, i == b) {
                (true, true) => 3,
                (true, false) => 0,
                (false, true) => 2,
                (false, false) => 1,
            };
            k.push(feat(90, len << 4 | pos));
            if i != a {
                k.push(feat(91, info[a].lower));
                k.push(feat(95, if a > 0 { info[a - 1].lower } else { BOS }));
            }
            if i != b {
                k.push(feat(92, info[b].lower));
                k.push(feat(96, if b + 1 < n { info[b + 1].lower } else { EOS }));
            }
            if use_phrases {
                for (j, tmpl) in [(a, 93u32), (b, 94)] {
                    if j == i {
                        continue;
                    }
                    for h in &s.hits[s.hit_offsets[j] as usize..s.hit_offsets[j + 1] as usize] {
                        k.push(feat(tmpl, u64::from(h.class) << 8 | h.part as u64));
                    }
                }
            }
        }
        if g & groups::CONJUNCTIONS != 0 {
            k.push(feat2(81, lower_at(-1), t.short));
            k.push(feat2(82, t.short, lower_at(1)));
        }
        if g & groups::CLUSTERS != 0 && t.word.len > 0 {
            for (j, depth) in [4u8, 6, 10, 20].into_iter().enumerate() {
                k.push(feat(50 + j as u32, t.word.prefix(depth)));
            }
        }
        if g & groups::CLUSTERS != 0 {
            let cl = |d: isize, depth: u8| {
                at(d).map_or(if d < 0 { BOS } else { EOS }, |p| p.word.prefix(depth))
            };
            k.push(feat(54, cl(-1, 32)));
            k.push(feat(55, cl(1, 32)));
            k.push(feat(56, cl(-1, 6)));
            k.push(feat(57, cl(1, 6)));
            if g & groups::WIDE != 0 {
                k.push(feat(58, cl(-2, 6)));
                k.push(feat(59, cl(2, 6)));
            }
        }
        if g & groups::CAP_STATS != 0 {
            k.push(feat2(
                60,
                u64::from(t.word.cap),
                cap | (u64::from(first) << 4),
            ));
            let pc = at(-1).map_or(9, |p| u64::from(p.word.cap));
            k.push(feat2(61, pc, cap));
        }
        if use_phrases {
            let hits_at =
                |j: usize| &s.hits[s.hit_offsets[j] as usize..s.hit_offsets[j + 1] as usize];
            for h in hits_at(i) {
                let hv = u64::from(h.class) << 8 | h.part as u64;
                k.push(feat(70, hv));
                k.push(feat2(75, hv, cap));
            }
            for (d, tmpl) in [(-1isize, 71u32), (1, 72), (-2, 73), (2, 74)] {
                let j = i as isize + d;
                if j < 0 || j as usize >= n {
                    continue;
                }
                if d.abs() == 2 && g & groups::WIDE == 0 {
                    continue;
                }
                for h in hits_at(j as usize) {
                    let hv = u64::from(h.class) << 8 | h.part as u64;
                    k.push(feat(tmpl, hv));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn res(groups: u32) -> Resources {
        let mut phrases = PhraseSet::new();
        phrases.add_text(0, "Menteri Luar Negeri");
        Resources {
            phrases,
            class_names: vec!["title".into()],
            groups,
            ..Resources::default()
        }
    }

    #[test]
    fn shapes() {
        assert_eq!(shape_hashes("Jakarta").0, hash::str("Xxxxx"));
        assert_eq!(shape_hashes("Jakarta").1, hash::str("Xx"));
        assert_eq!(shape_hashes("2014").1, hash::str("d"));
        assert_eq!(shape_hashes("Timor-Leste").1, hash::str("Xx-Xx"));
        assert_eq!(shape_hashes("").0, hash::str(""));
    }

    #[test]
    fn affixes() {
        assert_eq!(affix_class("mengatakan") & 0xf, 1);
        assert_eq!(affix_class("mengatakan") >> 4, 3);
        assert_eq!(affix_class("bukunya") >> 4, 2);
        assert_eq!(affix_class("pak"), 0);
    }

    #[test]
    fn same_token_same_features_and_context_matters() {
        let r = res(groups::ALL);
        let mut s = Scratch::default();
        r.extract(&["kata", "Menteri", "Luar", "Negeri", "Retno"], &mut s);
        assert_eq!(s.offsets.len(), 6);
        let retno: Vec<u64> = s.keys[s.offsets[4] as usize..s.offsets[5] as usize].to_vec();
        // The title ends right before "Retno": a phrase feature at w-1.
        let hv = 2u64; // class 0, part End
        assert!(retno.contains(&feat(71, hv)));
        r.extract(&["Retno"], &mut s);
        let alone: Vec<u64> = s.keys.clone();
        assert!(!alone.contains(&feat(71, hv)));
        // Identity features are shared.
        assert!(alone.contains(&feat(3, hash::str("Retno"))));
        assert!(retno.contains(&feat(3, hash::str("Retno"))));
    }

    #[test]
    fn groups_switch_features_off() {
        let mut s = Scratch::default();
        res(groups::ALL).extract(&["di", "Bandung", "kemarin"], &mut s);
        let all = s.keys.len();
        res(0).extract(&["di", "Bandung", "kemarin"], &mut s);
        assert!(s.keys.len() < all);
    }

    #[test]
    fn odd_tokens_do_not_panic() {
        let r = res(groups::ALL);
        let mut s = Scratch::default();
        let big = "x".repeat(100_000);
        r.extract(
            &["", "中文", "🙂", big.as_str(), "İstanbul", "\u{301}"],
            &mut s,
        );
        assert_eq!(s.offsets.len(), 7);
    }
}
