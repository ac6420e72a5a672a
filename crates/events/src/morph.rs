//! A small affix-stripping analyser: from a word as printed to the roots it may be
//! built on, with the affixes around them.
//!
//! Indonesian and Malay build event words from roots with a handful of affixes:
//! "temu" gives "bertemu", "menemui", "ditemui", "pertemuan", "pertemuannya"; "kunjung"
//! gives "berkunjung", "mengunjungi", "kunjungan". The prefix meN- changes shape with
//! the root's first sound and swallows a voiceless first consonant (men+telepon →
//! "menelepon", mem+puji → "memuji", meng+kecam → "mengecam", meny+serang →
//! "menyerang"), so stripping it must put that consonant back. Lemmatisers that get
//! this wrong were where dictionary coders failed on new languages; here every rule is
//! data ([`MorphRules`], the `[morphology]` table of `lang/<code>/events.toml`), so a
//! linguist fixes an allomorph by editing TOML.
//!
//! The analyser over-generates on purpose: [`Morph::analyse`] returns every reading
//! the rules allow ("memuji" → puji and uji), and the lexicon decides which root it
//! knows. English uses the same machinery with suffix rules only (-s, -ed, -ing with
//! e-restoration and consonant undoubling) and a table of irregular forms.

use std::collections::HashMap;

use serde::Deserialize;

/// The affix rules of one language, as written in the `[morphology]` table.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MorphRules {
    /// Shortest root left after stripping (shorter readings are discarded).
    #[serde(default = "default_min_root")]
    pub min_root: usize,
    /// Particles stripped first ("lah", "kah", "pun").
    #[serde(default)]
    pub particles: Vec<String>,
    /// Possessive/object clitics stripped next ("nya", "ku", "mu").
    #[serde(default)]
    pub clitics: Vec<String>,
    /// Prefix rules.
    #[serde(default)]
    pub prefix: Vec<AffixRule>,
    /// Suffix rules.
    #[serde(default)]
    pub suffix: Vec<AffixRule>,
    /// Whole-word readings the rules cannot produce: `met = "meet -ed"`,
    /// `"menyanyi" = "nyanyi meN-"`.
    #[serde(default)]
    pub irregular: HashMap<String, String>,
}

fn default_min_root() -> usize {
    3
}

/// One prefix or suffix rule.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AffixRule {
    /// The affix as printed ("meng", "kan").
    pub form: String,
    /// The affix class it stands for ("meN", "kan"): lexicon forms name classes.
    pub class: String,
    /// Letters put back where the affix was (a prefix: at the root's start, "k" for
    /// meng+unjungi → kunjung; a suffix: at its end, "e" for "closing" → close). Empty
    /// string = nothing; default: nothing.
    #[serde(default)]
    pub restore: Vec<String>,
    /// The root (after restoring) must start (prefix) or end (suffix) with one of these.
    #[serde(default)]
    pub before: Vec<String>,
    /// Suffix rules: also try the root with a doubled last consonant undoubled
    /// ("stopped" → stopp → stop).
    #[serde(default)]
    pub undouble: bool,
}

/// One reading of a word: a root and the affixes around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    /// The root, lower case ("temu").
    pub root: String,
    /// Index of the prefix class in [`Morph::classes`], if a prefix was stripped.
    pub prefix: Option<u8>,
    /// Index of the suffix class, if a suffix was stripped.
    pub suffix: Option<u8>,
    /// Byte length of a clitic stripped from the end ("nya" of "kunjungannya"), 0 if none.
    pub clitic: usize,
}

/// The compiled analyser of one language.
#[derive(Debug, Clone, Default)]
pub struct Morph {
    min_root: usize,
    particles: Vec<String>,
    clitics: Vec<String>,
    prefixes: Vec<Compiled>,
    suffixes: Vec<Compiled>,
    irregular: HashMap<String, (String, Option<u8>, Option<u8>)>,
    classes: Vec<String>,
}

#[derive(Debug, Clone)]
struct Compiled {
    form: String,
    class: u8,
    restore: Vec<String>,
    before: Vec<String>,
    undouble: bool,
}

impl Morph {
    /// Compile the rules; `Err` names a bad irregular entry or too many classes.
    pub fn new(rules: &MorphRules) -> Result<Morph, String> {
        let mut classes: Vec<String> = Vec::new();
        let mut class_id = |name: &str| -> Result<u8, String> {
            if let Some(i) = classes.iter().position(|c| c == name) {
                return u8::try_from(i).map_err(|_| "too many affix classes".to_string());
            }
            classes.push(name.to_string());
            u8::try_from(classes.len() - 1).map_err(|_| "too many affix classes".to_string())
        };
        let mut compile = |rules: &[AffixRule]| -> Result<Vec<Compiled>, String> {
            let mut out = Vec::new();
            for r in rules {
                if r.form.is_empty() {
                    return Err(format!("empty affix form (class {})", r.class));
                }
                out.push(Compiled {
                    form: r.form.to_lowercase(),
                    class: class_id(&r.class)?,
                    restore: if r.restore.is_empty() {
                        vec![String::new()]
                    } else {
                        r.restore.clone()
                    },
                    before: r.before.clone(),
                    undouble: r.undouble,
                });
            }
            // Longest forms first: "memper" before "mem" before "me".
            out.sort_by_key(|r| std::cmp::Reverse(r.form.len()));
            Ok(out)
        };
        let prefixes = compile(&rules.prefix)?;
        let suffixes = compile(&rules.suffix)?;
        let mut irregular = HashMap::new();
        for (word, reading) in &rules.irregular {
            let mut parts = reading.split_whitespace();
            let root = parts
                .next()
                .ok_or_else(|| format!("irregular `{word}`: empty reading"))?;
            let (mut prefix, mut suffix) = (None, None);
            for affix in parts {
                if let Some(p) = affix.strip_suffix('-') {
                    prefix = Some(class_id(p)?);
                } else if let Some(s) = affix.strip_prefix('-') {
                    suffix = Some(class_id(s)?);
                } else {
                    return Err(format!(
                        "irregular `{word}`: affix `{affix}` must be `class-` or `-class`"
                    ));
                }
            }
            irregular.insert(word.to_lowercase(), (root.to_string(), prefix, suffix));
        }
        Ok(Morph {
            min_root: rules.min_root.max(1),
            particles: rules.particles.clone(),
            clitics: rules.clitics.clone(),
            prefixes,
            suffixes,
            irregular,
            classes,
        })
    }

    /// The affix class names; [`Analysis::prefix`]/[`Analysis::suffix`] index into it.
    pub fn classes(&self) -> &[String] {
        &self.classes
    }

    /// The index of an affix class by name.
    pub fn class(&self, name: &str) -> Option<u8> {
        self.classes
            .iter()
            .position(|c| c == name)
            .and_then(|i| u8::try_from(i).ok())
    }

    /// Every reading of `word` (any case): the word itself first, then with a particle
    /// or clitic stripped, then with prefixes and suffixes stripped, prefix restorations
    /// included. Readings whose root is shorter than `min_root` are left out.
    pub fn analyse(&self, word: &str) -> Vec<Analysis> {
        let mut out = Vec::new();
        self.analyse_into(word, &mut out);
        out
    }

    /// [`Morph::analyse`] into a buffer (cleared first), to save allocations.
    pub fn analyse_into(&self, word: &str, out: &mut Vec<Analysis>) {
        out.clear();
        let lower = word.to_lowercase();
        let mut push = |a: Analysis| {
            if a.root.chars().count() >= self.min_root && !out.contains(&a) {
                out.push(a);
            }
        };
        // The word itself, with or without a particle, then a clitic.
        let mut bases: Vec<(&str, usize)> = vec![(&lower, 0)];
        let mut stem: &str = &lower;
        for p in &self.particles {
            if let Some(s) = stem.strip_suffix(p.as_str())
                && s.len() >= self.min_root
            {
                stem = s;
                bases.push((stem, 0));
                break;
            }
        }
        for c in &self.clitics {
            if let Some(s) = stem.strip_suffix(c.as_str())
                && s.len() >= self.min_root
            {
                bases.push((s, c.len()));
                break;
            }
        }
        for &(base, clitic) in &bases {
            if let Some((root, prefix, suffix)) = self.irregular.get(base) {
                push(Analysis {
                    root: root.clone(),
                    prefix: *prefix,
                    suffix: *suffix,
                    clitic,
                });
            }
            push(Analysis {
                root: base.to_string(),
                prefix: None,
                suffix: None,
                clitic,
            });
            // Suffix alone.
            for (root, suffix) in self.strip_suffixes(base) {
                push(Analysis {
                    root,
                    prefix: None,
                    suffix: Some(suffix),
                    clitic,
                });
            }
            // Prefix, then optionally a suffix.
            for p in &self.prefixes {
                let Some(rest) = base.strip_prefix(p.form.as_str()) else {
                    continue;
                };
                if rest.is_empty() {
                    continue;
                }
                for restore in &p.restore {
                    let root = format!("{restore}{rest}");
                    if !p.before.is_empty()
                        && !p.before.iter().any(|b| root.starts_with(b.as_str()))
                    {
                        continue;
                    }
                    for (r, suffix) in self.strip_suffixes(&root) {
                        push(Analysis {
                            root: r,
                            prefix: Some(p.class),
                            suffix: Some(suffix),
                            clitic,
                        });
                    }
                    push(Analysis {
                        root,
                        prefix: Some(p.class),
                        suffix: None,
                        clitic,
                    });
                }
            }
        }
    }

    /// `(root, suffix class)` for every suffix rule that applies to `word`.
    fn strip_suffixes(&self, word: &str) -> Vec<(String, u8)> {
        let mut out = Vec::new();
        for s in &self.suffixes {
            let Some(rest) = word.strip_suffix(s.form.as_str()) else {
                continue;
            };
            if rest.is_empty() {
                continue;
            }
            for restore in &s.restore {
                let root = format!("{rest}{restore}");
                if !s.before.is_empty() && !s.before.iter().any(|b| root.ends_with(b.as_str())) {
                    continue;
                }
                out.push((root, s.class));
            }
            if s.undouble {
                let b = rest.as_bytes();
                if b.len() >= 3
                    && b[b.len() - 1] == b[b.len() - 2]
                    && !b"aeiouls".contains(&b[b.len() - 1])
                {
                    out.push((rest[..rest.len() - 1].to_string(), s.class));
                }
            }
        }
        out
    }

    /// `word` without a particle and a clitic ("pasukannya" → "pasukan"), if it had one.
    pub fn clitic_stripped<'w>(&self, word: &'w str) -> Option<&'w str> {
        let mut stem = word;
        for p in &self.particles {
            if let Some(s) = stem.strip_suffix(p.as_str())
                && s.len() >= self.min_root
            {
                stem = s;
                break;
            }
        }
        for c in &self.clitics {
            if let Some(s) = stem.strip_suffix(c.as_str())
                && s.len() >= self.min_root
            {
                return Some(s);
            }
        }
        (stem.len() < word.len()).then_some(stem)
    }

    /// True when `word` ends with a suffix of one of `classes` and leaves a root of at
    /// least `min_root` letters, or is an irregular form with such a suffix: a cheap
    /// test for "looks like an inflected verb" (English "-ed", "met").
    pub fn has_suffix(&self, word_lower: &str, classes: &[u8]) -> bool {
        if classes.is_empty() {
            return false;
        }
        if let Some((_, _, Some(s))) = self.irregular.get(word_lower) {
            return classes.contains(s);
        }
        self.suffixes.iter().any(|s| {
            classes.contains(&s.class)
                && word_lower
                    .strip_suffix(s.form.as_str())
                    .is_some_and(|rest| rest.len() >= self.min_root)
        })
    }

    /// True when `word` starts with a prefix of one of `classes` and leaves a root of
    /// at least `min_root` letters: a cheap test for "looks like a derived verb".
    pub fn has_prefix(&self, word_lower: &str, classes: &[u8]) -> bool {
        self.prefixes.iter().any(|p| {
            classes.contains(&p.class)
                && word_lower
                    .strip_prefix(p.form.as_str())
                    .is_some_and(|rest| {
                        rest.len() >= self.min_root
                            && (p.before.is_empty()
                                || p.restore.iter().any(|r| {
                                    p.before.iter().any(|b| {
                                        r.starts_with(b.as_str())
                                            || (r.is_empty() && rest.starts_with(b.as_str()))
                                    })
                                }))
                    })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(form: &str, class: &str, restore: &[&str], before: &[&str]) -> AffixRule {
        AffixRule {
            form: form.into(),
            class: class.into(),
            restore: restore.iter().map(|s| s.to_string()).collect(),
            before: before.iter().map(|s| s.to_string()).collect(),
            undouble: false,
        }
    }

    fn indonesian() -> Morph {
        let rules = MorphRules {
            min_root: 3,
            particles: vec!["lah".into(), "kah".into()],
            clitics: vec!["nya".into()],
            prefix: vec![
                rule("meng", "meN", &["", "k"], &[]),
                rule("meny", "meN", &["s"], &[]),
                rule("mem", "meN", &["", "p"], &[]),
                rule("men", "meN", &["", "t"], &[]),
                rule("me", "meN", &[], &[]),
                rule("memper", "memper", &[], &[]),
                rule("di", "di", &[], &[]),
                rule("ber", "ber", &[], &[]),
                rule("be", "ber", &[], &["r"]),
                rule("per", "per", &[], &[]),
                rule("pe", "per", &[], &["r"]),
                rule("pen", "peN", &["", "t"], &[]),
                rule("ke", "ke", &[], &[]),
            ],
            suffix: vec![
                rule("kan", "kan", &[], &[]),
                rule("i", "i", &[], &[]),
                rule("an", "an", &[], &[]),
            ],
            irregular: HashMap::new(),
        };
        Morph::new(&rules).unwrap()
    }

    fn reads(
        m: &Morph,
        word: &str,
        root: &str,
        prefix: Option<&str>,
        suffix: Option<&str>,
    ) -> bool {
        m.analyse(word).iter().any(|a| {
            a.root == root
                && a.prefix.map(|p| m.classes()[p as usize].as_str()) == prefix
                && a.suffix.map(|s| m.classes()[s as usize].as_str()) == suffix
        })
    }

    #[test]
    fn men_allomorphs_restore_the_first_consonant() {
        let m = indonesian();
        assert!(reads(&m, "menelepon", "telepon", Some("meN"), None));
        assert!(reads(&m, "memuji", "puji", Some("meN"), None));
        assert!(reads(&m, "mengecam", "kecam", Some("meN"), None));
        assert!(reads(&m, "menyerang", "serang", Some("meN"), None));
        assert!(reads(&m, "mengunjungi", "kunjung", Some("meN"), Some("i")));
        assert!(reads(&m, "mendukung", "dukung", Some("meN"), None));
        assert!(reads(
            &m,
            "menandatangani",
            "tandatangan",
            Some("meN"),
            Some("i")
        ));
        assert!(reads(
            &m,
            "memperingatkan",
            "ingat",
            Some("memper"),
            Some("kan")
        ));
    }

    #[test]
    fn other_affixes_and_clitics() {
        let m = indonesian();
        assert!(reads(&m, "dijatuhi", "jatuh", Some("di"), Some("i")));
        assert!(reads(&m, "bertemu", "temu", Some("ber"), None));
        assert!(reads(&m, "berunding", "runding", Some("ber"), None));
        assert!(reads(&m, "perundingan", "runding", Some("per"), Some("an")));
        assert!(reads(&m, "pertemuannya", "temu", Some("per"), Some("an")));
        assert!(reads(&m, "kesepakatan", "sepakat", Some("ke"), Some("an")));
        assert!(reads(
            &m,
            "penandatanganan",
            "tandatangan",
            Some("peN"),
            Some("an")
        ));
        assert!(reads(&m, "kunjungan", "kunjung", None, Some("an")));
        assert!(reads(&m, "sanksi", "sanksi", None, None));
        let nya = m.analyse("kunjungannya");
        assert!(nya.iter().any(|a| a.root == "kunjung" && a.clitic == 3));
    }

    #[test]
    fn short_roots_are_not_readings() {
        let m = indonesian();
        assert!(m.analyse("dia").iter().all(|a| a.root.len() >= 3));
        assert!(m.analyse("").is_empty());
    }
}
