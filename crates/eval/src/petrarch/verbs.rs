//! The unit tests' verb dictionary (`PETR.Validate.verbs.txt`, PETRARCH-1 pattern
//! format) and its conversion into warta's trigger lexicon format
//! (`lang/en/events.toml`, `[[trigger]]` entries; `data/README.md`, section "Events").
//!
//! # The PETRARCH-1 format, as read here
//!
//! * `&NAME` starts a synset; its `+MEMBER` lines are words or phrases (`_` or space
//!   between words), possibly other synsets (`+&TIETYPES`).
//! * `--- VERB [CODE] ---` starts a verb block; `[---]` means the bare verb codes
//!   nothing (only its patterns do); `[A:B]` codes A from source to target and B back.
//! * Verb lines: `VERB {IRREGULAR FORMS}`, synonyms `+VERB`, multi-word verbs with the
//!   verb marked by `+` (`WIRE_+TAP {WIRE_+TAPPED …}`, `+BREAK_DOWN`), and synonyms
//!   with their own code (`DOWNPLAY [014]`).
//! * Pattern lines `- PRE * POST [CODE]`: `*` is the verb, `_` joins words that must
//!   be adjacent, a space allows words between, `$` marks the source, `+` the target,
//!   `%` a compound (reciprocal) actor, `^` skips a noun phrase, `&SYN` any member of a
//!   synset; `#` starts a comment.
//!
//! # The conversion
//!
//! Every verb form is written out as a literal word (regular `-s`, `-ed`, `-ing` forms
//! with the usual spelling rules, plus the listed irregular forms), so the converted
//! lexicon does not depend on the English affix classes of warta's own file.
//!
//! | PETRARCH-1 | warta lexicon |
//! |---|---|
//! | verb with a code | `[[trigger]]` `cameo`, `match` = its forms, `verb = true` |
//! | `[A:A]` | `symmetric = true` |
//! | `[A:B]`, A ≠ B | A only: one trigger gives one event (**not expressible**) |
//! | `[---]` | no trigger for the bare verb |
//! | `- * W1_W2 [C]` (adjacent words after the verb) | `[[trigger.refine]] after = "w1 w2"`, longest first (the coder looks for it within a few words after the trigger) |
//! | `- * W1 W2 [C]` (words may intervene) | its own trigger, `match` = "verb w1 w2", `gap = 5` |
//! | `- PRE * [POST] [C]` | its own trigger, `match` = "pre … verb … post", `gap = 5` if any space or `^`, else 0 |
//! | `%` | `symmetric = true` (the pattern becomes its own trigger) |
//! | `+ … * … $` | `inverse = true` (subject is the target) |
//! | `$ … * … +`, `^` | dropped (positions are the coder's); `^` widens the gap |
//! | `&SYN` | expanded to every member (nested synsets too) |
//! | `N'T` | both `did n't` and `didn't` spellings |
//! | codes not in warta's ontology (`903`, `174K`, `1010`) | added to the temporary ontology (see [`super::lexicon`]) |
//!
//! Not expressible, so skipped and counted: patterns whose code is not a code
//! (`[+++]`, `[###]`, `[xxy]`, `[---]`), patterns with nothing but markers.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use super::PetrarchError;

/// Words allowed between the items of a phrase trigger where the pattern allows
/// intervening words (a space or `^` in PETRARCH-1): as far as the coder looks for a
/// refinement after a trigger.
pub const GAP: usize = 5;

/// Most spelled-out alternatives of one phrase trigger (synsets × verb forms).
pub const MAX_ALTERNATIVES: usize = 512;

/// One pattern of a verb block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    /// Items before the verb (words, synset references `&X`, markers `$ + % ^`), with
    /// whether each is joined to the next by `_`.
    pub before: Vec<(String, bool)>,
    /// Items after the verb.
    pub after: Vec<(String, bool)>,
    /// The pattern's code as written (`064`, `031:032`, `+++`).
    pub code: String,
    /// The source line (for reports).
    pub line: usize,
}

/// One verb (main verb or synonym) of a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbForm {
    /// Words of the verb phrase (lower case), the verb word at `head`.
    pub words: Vec<String>,
    /// Index of the verb word.
    pub head: usize,
    /// Irregular forms, each a word sequence with its own head.
    pub irregular: Vec<(Vec<String>, usize)>,
    /// Its own code (`DOWNPLAY [014]`), else the block's.
    pub code: Option<String>,
}

/// One verb block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The header verb.
    pub name: String,
    /// The block code (`064`, `032:033`, `---`).
    pub code: String,
    /// Its verbs.
    pub verbs: Vec<VerbForm>,
    /// Its patterns.
    pub patterns: Vec<Pattern>,
}

/// The verb dictionary.
#[derive(Debug, Clone, Default)]
pub struct VerbDict {
    /// Synsets: name (with `&`) → members (raw, `_` kept).
    pub synsets: HashMap<String, Vec<String>>,
    /// Blocks in file order.
    pub blocks: Vec<Block>,
}

/// Load a PETRARCH-1 verb dictionary.
pub fn load(path: &Path) -> Result<VerbDict, PetrarchError> {
    let bytes = std::fs::read(path).map_err(|source| PetrarchError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse(&String::from_utf8_lossy(&bytes)).map_err(|message| PetrarchError::Dictionary {
        path: path.to_path_buf(),
        message,
    })
}

/// Strip a `#` comment (a `#` inside `[…]` is part of a code: `[###]`).
pub(crate) fn uncomment(l: &str) -> &str {
    let mut depth = 0usize;
    for (i, c) in l.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            '#' if depth == 0 => return &l[..i],
            _ => {}
        }
    }
    l
}

/// The inside of the last `[…]` of a line, and the line before the first `[`.
fn code_of(line: &str) -> (String, Option<String>) {
    let head = match line.find('[') {
        Some(i) => line[..i].to_string(),
        None => line.to_string(),
    };
    let code = line.rfind('[').and_then(|i| {
        line[i + 1..]
            .find(']')
            .map(|j| line[i + 1..i + 1 + j].trim().to_string())
    });
    (head, code)
}

/// Split a verb phrase (`WIRE_+TAP`, `+BREAK_DOWN`, `ABANDON`) into words and head.
fn verb_phrase(raw: &str) -> Option<(Vec<String>, usize)> {
    let mut words = Vec::new();
    let mut head = None;
    for w in raw.split(|c: char| c == '_' || c.is_whitespace()) {
        if w.is_empty() {
            continue;
        }
        let (marked, w) = match w.strip_prefix('+') {
            Some(rest) => (true, rest),
            None => (false, w),
        };
        if w.is_empty() {
            continue;
        }
        if marked && head.is_none() {
            head = Some(words.len());
        }
        words.push(w.to_lowercase());
    }
    if words.is_empty() {
        return None;
    }
    Some((words, head.unwrap_or(0)))
}

/// Pattern items with whether each is joined to the next by `_`.
type Items = Vec<(String, bool)>;

/// Parse the pattern part of `- … [CODE]` into the items before and after `*`.
fn pattern_items(body: &str) -> (Items, Items, bool) {
    // Tokenise into items and joins: `_` joins, spaces separate.
    let mut items: Vec<(String, bool)> = Vec::new();
    for chunk in body.split_whitespace() {
        let parts: Vec<&str> = chunk.split('_').filter(|p| !p.is_empty()).collect();
        let n = parts.len();
        for (k, p) in parts.into_iter().enumerate() {
            items.push((p.to_string(), k + 1 < n));
        }
    }
    let star = items.iter().position(|(w, _)| w == "*");
    match star {
        Some(s) => {
            let before = items[..s].to_vec();
            let after = items[s + 1..].to_vec();
            (before, after, true)
        }
        None => (items, Vec::new(), false),
    }
}

/// Parse the text of a PETRARCH-1 verb dictionary.
pub fn parse(text: &str) -> Result<VerbDict, String> {
    let mut dict = VerbDict::default();
    let mut synset: Option<String> = None;
    let mut in_comment = false;
    for (n, raw) in text.lines().enumerate() {
        let mut line = raw.to_string();
        if in_comment {
            match line.find("-->") {
                Some(i) => {
                    in_comment = false;
                    line = line[i + 3..].to_string();
                }
                None => continue,
            }
        }
        if let Some(i) = line.find("<!--") {
            if line[i..].contains("-->") {
                line = String::new();
            } else {
                in_comment = true;
                line.truncate(i);
            }
        }
        let l = uncomment(&line).trim();
        if l.is_empty() {
            continue;
        }
        if let Some(rest) = l.strip_prefix("---") {
            // `--- VERB [CODE] ---`
            let inner = rest.trim_end_matches('-').trim();
            let (name, code) = code_of(inner);
            let code = match inner.find('[') {
                // The first code group is the block code (`DELAY [120] [031:031]`).
                Some(i) => inner[i + 1..]
                    .find(']')
                    .map(|j| inner[i + 1..i + 1 + j].trim().to_string())
                    .or(code),
                None => code,
            };
            dict.blocks.push(Block {
                name: name.trim().to_string(),
                code: code.unwrap_or_else(|| "---".into()),
                verbs: Vec::new(),
                patterns: Vec::new(),
            });
            synset = None;
            continue;
        }
        if l.starts_with('&') {
            // `&PREPOSIT1_` is referred to as `&PREPOSIT1`: a trailing `_` is dropped.
            let name = l
                .split_whitespace()
                .next()
                .unwrap_or(l)
                .trim_end_matches('_')
                .to_string();
            dict.synsets.entry(name.clone()).or_default();
            synset = Some(name);
            continue;
        }
        if let Some(syn) = &synset {
            if let Some(member) = l.strip_prefix('+') {
                dict.synsets
                    .entry(syn.clone())
                    .or_default()
                    .push(member.trim().to_string());
                continue;
            }
            synset = None;
        }
        let Some(block) = dict.blocks.last_mut() else {
            return Err(format!("line {}: `{l}` outside a verb block", n + 1));
        };
        if let Some(body) = l.strip_prefix('-') {
            let (body, code) = code_of(body);
            // A pattern without a code (the operational CAMEO dictionary has two) is
            // kept with an empty code and skipped by the conversion.
            let code = code.unwrap_or_default();
            let (before, after, _) = pattern_items(&body);
            block.patterns.push(Pattern {
                before,
                after,
                code,
                line: n + 1,
            });
            continue;
        }
        // A verb line.
        let (head, code) = code_of(l);
        let (phrase, forms) = match head.find('{') {
            Some(i) => {
                let close = head[i..].find('}').map(|j| i + j).unwrap_or(head.len());
                (head[..i].to_string(), Some(head[i + 1..close].to_string()))
            }
            None => (head.clone(), None),
        };
        let Some((words, h)) = verb_phrase(&phrase) else {
            continue;
        };
        let irregular = forms
            .map(|f| f.split_whitespace().filter_map(verb_phrase).collect())
            .unwrap_or_default();
        block.verbs.push(VerbForm {
            words,
            head: h,
            irregular,
            code,
        });
    }
    Ok(dict)
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Whether a word ends consonant–vowel–consonant (candidates for doubling: "stop" →
/// "stopped"; both spellings are generated, a wrong one never occurs in text).
fn cvc(w: &str) -> bool {
    let c: Vec<char> = w.chars().collect();
    let n = c.len();
    n >= 3
        && !is_vowel(c[n - 1])
        && !matches!(c[n - 1], 'w' | 'x' | 'y')
        && is_vowel(c[n - 2])
        && !is_vowel(c[n - 3])
}

/// Regular English forms of a verb: itself, `-s`, `-ed`, `-ing`.
pub fn verb_forms(w: &str) -> Vec<String> {
    let w = w.to_lowercase();
    let mut out = vec![w.clone()];
    let consonant_y = w
        .strip_suffix('y')
        .is_some_and(|s| s.chars().last().is_some_and(|c| !is_vowel(c)));
    // third person
    if w.ends_with(['s', 'x', 'z', 'o']) || w.ends_with("ch") || w.ends_with("sh") {
        out.push(format!("{w}es"));
    } else if consonant_y {
        out.push(format!("{}ies", &w[..w.len() - 1]));
    } else {
        out.push(format!("{w}s"));
    }
    // past
    if w.ends_with('e') {
        out.push(format!("{w}d"));
    } else if consonant_y {
        out.push(format!("{}ied", &w[..w.len() - 1]));
    } else {
        out.push(format!("{w}ed"));
        if cvc(&w) {
            let last = w.chars().last().unwrap_or_default();
            out.push(format!("{w}{last}ed"));
        }
    }
    // gerund
    if let Some(stem) = w.strip_suffix("ie") {
        out.push(format!("{stem}ying"));
    } else if w.ends_with('e') && !w.ends_with("ee") && w.len() > 2 {
        out.push(format!("{}ing", &w[..w.len() - 1]));
    } else {
        out.push(format!("{w}ing"));
        if cvc(&w) {
            let last = w.chars().last().unwrap_or_default();
            out.push(format!("{w}{last}ing"));
        }
    }
    let mut seen = Vec::new();
    out.retain(|f| {
        let new = !seen.contains(f);
        seen.push(f.clone());
        new
    });
    out
}

/// Every spelled-out phrase of a verb (each form with its particles).
fn verb_phrases(v: &VerbForm) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    if let Some(head) = v.words.get(v.head) {
        for f in verb_forms(head) {
            let mut p = v.words.clone();
            p[v.head] = f;
            out.push(p);
        }
    }
    for (words, _) in &v.irregular {
        out.push(words.clone());
    }
    out.dedup();
    out
}

/// Expand one pattern item into alternatives (word sequences).
fn expand_item(item: &str, synsets: &HashMap<String, Vec<String>>, depth: u8) -> Vec<Vec<String>> {
    if let Some(members) = synsets.get(item).filter(|_| depth < 4) {
        let mut out = Vec::new();
        for m in members {
            // A member is a phrase; its words may be synsets themselves.
            let mut alts: Vec<Vec<String>> = vec![Vec::new()];
            for w in m
                .split(|c: char| c == '_' || c.is_whitespace())
                .filter(|w| !w.is_empty())
            {
                alts = product(&alts, &expand_item(w, synsets, depth + 1));
            }
            out.extend(alts);
        }
        return out;
    }
    vec![vec![item.to_lowercase()]]
}

/// Every sequence of `heads` followed by every sequence of `tails`.
fn product(heads: &[Vec<String>], tails: &[Vec<String>]) -> Vec<Vec<String>> {
    heads
        .iter()
        .flat_map(|h| {
            tails.iter().map(move |t| {
                let mut x = h.clone();
                x.extend(t.iter().cloned());
                x
            })
        })
        .collect()
}

/// Expand a sequence of literal items (synsets included) into word sequences; `n't`
/// contractions get both spellings.
fn expand_seq(items: &[String], synsets: &HashMap<String, Vec<String>>) -> Vec<Vec<String>> {
    let mut alts: Vec<Vec<String>> = vec![Vec::new()];
    for it in items {
        alts = product(&alts, &expand_item(it, synsets, 0));
        if alts.len() > MAX_ALTERNATIVES {
            alts.truncate(MAX_ALTERNATIVES);
        }
    }
    let mut out = Vec::new();
    for a in alts {
        out.push(a.clone());
        if let Some(k) = a.iter().position(|w| w == "n't")
            && k > 0
        {
            let mut joined = a.clone();
            let merged = format!("{}n't", joined[k - 1]);
            joined.splice(k - 1..=k, [merged]);
            out.push(joined);
        }
    }
    out
}

/// Whether a code is an event code (digits, maybe a letter suffix): `064`, `1717`,
/// `174K`, `102b`; not `---`, `+++`, `###`, `xxy`, `def`, `025?`.
pub fn is_code(c: &str) -> bool {
    let digits = c.chars().take_while(char::is_ascii_digit).count();
    (2..=4).contains(&digits)
        && c.len() <= digits + 1
        && c.chars().skip(digits).all(|ch| ch.is_ascii_alphabetic())
}

/// The first code of `A:B` and whether it is symmetric (`A:A`).
fn split_code(code: &str) -> (String, bool, bool) {
    match code.split_once(':') {
        Some((a, b)) => (
            a.trim().to_string(),
            a.trim() == b.trim(),
            a.trim() != b.trim(),
        ),
        None => (code.trim().to_string(), false, false),
    }
}

/// One converted trigger.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Converted {
    /// The code.
    pub cameo: String,
    /// Match alternatives (word sequences).
    pub matches: Vec<Vec<String>>,
    /// Max words between items.
    pub gap: usize,
    /// `[A:A]` or `%`.
    pub symmetric: bool,
    /// `+ … * … $`.
    pub inverse: bool,
    /// Refinements: words after → code.
    pub refine: Vec<(Vec<String>, String)>,
    /// Where it came from ("RESTORE", "RESTORE line 812").
    pub origin: String,
}

/// What the conversion could and could not express.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ConversionStats {
    /// Verb blocks read.
    pub blocks: usize,
    /// Verbs (main + synonyms) turned into triggers.
    pub verbs: usize,
    /// Verbs without a code of their own (`[---]`): patterns only.
    pub uncoded_verbs: usize,
    /// Patterns read.
    pub patterns: usize,
    /// Post-verb patterns written as `refine`.
    pub refines: usize,
    /// Patterns written as their own multi-word trigger.
    pub phrase_triggers: usize,
    /// Patterns whose `$`/`+`/`^` markers were dropped (positions left to the coder).
    pub markers_dropped: usize,
    /// `[A:B]` codes with A ≠ B whose reverse event B was dropped.
    pub reverse_dropped: usize,
    /// Patterns skipped: no event code, or nothing literal.
    pub skipped: usize,
    /// Phrase triggers cut at [`MAX_ALTERNATIVES`] spelled-out alternatives (large
    /// synsets × verb forms; none in the unit tests' dictionary).
    pub truncated: usize,
}

/// Convert the dictionary into triggers.
pub fn convert(dict: &VerbDict) -> (Vec<Converted>, ConversionStats) {
    let mut out = Vec::new();
    let mut st = ConversionStats {
        blocks: dict.blocks.len(),
        ..ConversionStats::default()
    };
    for b in &dict.blocks {
        let phrases: Vec<Vec<String>> = b.verbs.iter().flat_map(verb_phrases).collect();
        // Bare verbs.
        let mut main_refines: Vec<(Vec<String>, String)> = Vec::new();
        let mut own: Vec<Converted> = Vec::new();
        let mut out_block: Vec<Converted> = Vec::new();
        for v in &b.verbs {
            let code = v.code.clone().unwrap_or_else(|| b.code.clone());
            let (c, sym, rev) = split_code(&code);
            if !is_code(&c) {
                st.uncoded_verbs += 1;
                continue;
            }
            st.verbs += 1;
            if rev {
                st.reverse_dropped += 1;
            }
            own.push(Converted {
                cameo: c,
                matches: verb_phrases(v),
                gap: 0,
                symmetric: sym,
                inverse: false,
                refine: Vec::new(),
                origin: format!("{} ({})", b.name, v.words.join(" ")),
            });
        }
        for p in &b.patterns {
            st.patterns += 1;
            let (code, sym, rev) = split_code(&p.code);
            if !is_code(&code) {
                st.skipped += 1;
                continue;
            }
            if rev {
                st.reverse_dropped += 1;
            }
            let marker = |w: &str| matches!(w, "$" | "+" | "%" | "^");
            let all: Vec<&(String, bool)> = p.before.iter().chain(&p.after).collect();
            let compound = all.iter().any(|(w, _)| w == "%");
            let pos_src_before = p.before.iter().any(|(w, _)| w == "$");
            let pos_tgt_before = p.before.iter().any(|(w, _)| w == "+");
            let pos_src_after = p.after.iter().any(|(w, _)| w == "$");
            let inverse = pos_tgt_before && pos_src_after && !pos_src_before;
            let dropped = all
                .iter()
                .any(|(w, _)| matches!(w.as_str(), "$" | "+" | "^"))
                && !inverse;
            let spaced = all.iter().any(|(w, joined)| !joined || w == "^");
            let pre: Vec<String> = p
                .before
                .iter()
                .filter(|(w, _)| !marker(w))
                .map(|(w, _)| w.clone())
                .collect();
            let post: Vec<String> = p
                .after
                .iter()
                .filter(|(w, _)| !marker(w))
                .map(|(w, _)| w.clone())
                .collect();
            if pre.is_empty() && post.is_empty() {
                // `% *`, `+ * $`: only role conditions, which a trigger cannot test.
                st.skipped += 1;
                continue;
            }
            if dropped {
                st.markers_dropped += 1;
            }
            // A post-verb phrase whose words must be adjacent (`* NEW_&TIETYPES_RELATIONS`)
            // is a refinement; one with spaces between its words (`* DIPLOMATIC TIES`,
            // `* &PREPOSIT1 RESOLUTION`: words may intervene) becomes a phrase trigger,
            // whose `gap` lets words intervene.
            let post_items: Vec<&(String, bool)> =
                p.after.iter().filter(|(w, _)| !marker(w)).collect();
            let post_adjacent = post_items
                .iter()
                .take(post_items.len().saturating_sub(1))
                .all(|(_, joined)| *joined);
            if pre.is_empty() && !compound && !inverse && !sym && post_adjacent {
                for words in expand_seq(&post, &dict.synsets) {
                    main_refines.push((words, code.clone()));
                }
                st.refines += 1;
                continue;
            }
            if pre.is_empty() && !compound && !inverse && !sym {
                // Also a refinement, for when the phrase is adjacent but a token the
                // trigger finder cannot step over (a number) stands in the gap.
                for words in expand_seq(&post, &dict.synsets) {
                    main_refines.push((words, code.clone()));
                }
            }
            let mut matches = Vec::new();
            let pres = expand_seq(&pre, &dict.synsets);
            let posts = expand_seq(&post, &dict.synsets);
            'expand: for a in &pres {
                for v in &phrases {
                    for z in &posts {
                        if matches.len() >= MAX_ALTERNATIVES {
                            st.truncated += 1;
                            break 'expand;
                        }
                        let mut m = a.clone();
                        m.extend(v.iter().cloned());
                        m.extend(z.iter().cloned());
                        matches.push(m);
                    }
                }
            }
            matches.sort();
            matches.dedup();
            if matches.is_empty() {
                st.skipped += 1;
                continue;
            }
            st.phrase_triggers += 1;
            out_block.push(Converted {
                cameo: code,
                matches,
                gap: if spaced { GAP } else { 0 },
                symmetric: sym || compound,
                inverse,
                refine: Vec::new(),
                origin: format!("{} line {}", b.name, p.line),
            });
        }
        // Longest refinements first: the coder takes the first that matches.
        main_refines.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        if !main_refines.is_empty() {
            if own.is_empty() {
                // `[---]` verbs: the refinements need a trigger; it codes only when one
                // matches, so give the bare verb no event of its own by requiring it.
                for v in &b.verbs {
                    for (words, code) in &main_refines {
                        let matches: Vec<Vec<String>> = verb_phrases(v)
                            .into_iter()
                            .map(|mut p| {
                                p.extend(words.iter().cloned());
                                p
                            })
                            .collect();
                        out_block.push(Converted {
                            cameo: code.clone(),
                            matches,
                            gap: GAP,
                            origin: format!("{} (+ {})", b.name, words.join(" ")),
                            ..Converted::default()
                        });
                    }
                }
            } else {
                for t in &mut own {
                    t.refine = main_refines.clone();
                }
            }
        }
        // The block's own verbs first: on a tie the coder keeps the earlier entry.
        let patterns = std::mem::take(&mut out_block);
        out.extend(own);
        out.extend(patterns);
    }
    (out, st)
}

/// A TOML basic string.
fn toml_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether a word can be written as a literal lexicon item (`a/b` would be read as a
/// root with affix classes; the operational CAMEO dictionary has "MI-24VM/HIND").
fn literal(words: &[String]) -> bool {
    words.iter().all(|w| !w.contains('/'))
}

/// Write converted triggers as `[[trigger]]` tables (alternatives with a `/` in a word
/// left out).
pub fn to_toml(triggers: &[Converted]) -> String {
    let mut out = String::new();
    for t in triggers {
        let matches: Vec<&Vec<String>> = t.matches.iter().filter(|m| literal(m)).collect();
        if matches.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n# {}", t.origin.replace('\n', " "));
        out.push_str("[[trigger]]\n");
        let _ = writeln!(out, "cameo = {}", toml_str(&t.cameo));
        let alts: Vec<String> = matches.iter().map(|m| toml_str(&m.join(" "))).collect();
        let _ = writeln!(out, "match = [{}]", alts.join(", "));
        out.push_str("verb = true\n");
        if t.gap > 0 {
            let _ = writeln!(out, "gap = {}", t.gap);
        }
        if t.symmetric {
            out.push_str("symmetric = true\n");
        }
        if t.inverse {
            out.push_str("inverse = true\n");
        }
        for (words, code) in t.refine.iter().filter(|(w, _)| literal(w)) {
            out.push_str("[[trigger.refine]]\n");
            let _ = writeln!(out, "after = {}", toml_str(&words.join(" ")));
            let _ = writeln!(out, "cameo = {}", toml_str(code));
        }
    }
    out
}

/// Every code the converted triggers use.
pub fn codes_used(triggers: &[Converted]) -> Vec<String> {
    let mut v: Vec<String> = triggers
        .iter()
        .flat_map(|t| {
            std::iter::once(t.cameo.clone()).chain(t.refine.iter().map(|(_, c)| c.clone()))
        })
        .collect();
    v.sort();
    v.dedup();
    v
}
