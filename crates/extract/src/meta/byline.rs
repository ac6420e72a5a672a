//! Bylines and editor lines: "Rep: A/ Red: B", "LAPORAN: NAME", "Penulis: A dan B",
//! "By A and B", "Writer/Editor: A", into [`Author`]s with roles.
//!
//! A line is a byline only when it is made *entirely* of labels and name-shaped
//! parts (capitalised words, no digits except in a trailing date part), so a
//! sentence that starts with "Oleh karena itu" or "By noon" is left alone.

use std::collections::{HashMap, HashSet};

use regex::Regex;
use warta_model::{Author, Wire};

use super::Rules;
use super::names::{title_case_caps, trim_decoration, word_count};
use super::rules::{LabelSpec, build_regex, literal_alternation};

/// Longest line read as a byline.
const MAX_BYLINE_BYTES: usize = 240;
/// Most words in one name.
const MAX_NAME_WORDS: usize = 5;
/// Most chars in one name.
const MAX_NAME_CHARS: usize = 60;

/// Compiled byline labels.
#[derive(Debug, Default)]
pub(crate) struct Bylines {
    /// Finds a label (with the separator before it); groups `c` (colon label) or `n`
    /// (label followed by a space).
    label_re: Option<Regex>,
    /// Lower-cased label → role.
    roles: HashMap<String, String>,
    /// Lower-cased words that join names ("dan", "and").
    joiners: HashSet<String>,
    /// Lower-cased name particles allowed in lower case ("bin", "van").
    particles: HashSet<String>,
    /// Lower-cased words that mark a credited "name" as a desk or a role, not a
    /// person ("Staff", "Bureau", "Writer", "Redaksi").
    not_names: HashSet<String>,
}

/// What one byline line said.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct BylineHit {
    /// Credited people.
    pub authors: Vec<Author>,
    /// Agencies credited in the byline ("By A, Reuters").
    pub wires: Vec<Wire>,
    /// Date parts ("Sabtu, 04 Feb 2023 15:34 WIB" after a `|`).
    pub dates: Vec<String>,
}

impl Bylines {
    /// Compile the labels of all languages.
    pub(crate) fn build(
        labels: &[LabelSpec],
        joiners: &[String],
        particles: &[String],
        not_names: &[String],
    ) -> Result<Bylines, regex::Error> {
        let mut roles = HashMap::new();
        let mut all = Vec::new();
        let mut spaced = Vec::new();
        for l in labels {
            let key = normalise_label(&l.text);
            if key.is_empty() {
                continue;
            }
            roles
                .entry(key)
                .or_insert_with(|| l.role.trim().to_string());
            all.push(l.text.clone());
            if !l.colon {
                spaced.push(l.text.clone());
            }
        }
        let label_re = if all.is_empty() {
            None
        } else {
            let c = literal_alternation(&all);
            let mut pattern =
                format!(r"(?i)(?:^|[/|;,(•·])\s*(?:(?P<c>(?:{c})(?:\s*[/&]\s*(?:{c}))*)\s*:");
            if !spaced.is_empty() {
                let n = literal_alternation(&spaced);
                pattern.push_str(&format!(r"|(?P<n>{n})\s+"));
            }
            pattern.push(')');
            Some(build_regex(&pattern)?)
        };
        Ok(Bylines {
            label_re,
            roles,
            joiners: joiners.iter().map(|j| j.trim().to_lowercase()).collect(),
            particles: particles.iter().map(|p| p.trim().to_lowercase()).collect(),
            not_names: not_names.iter().map(|p| p.trim().to_lowercase()).collect(),
        })
    }

    /// True when `name` holds a word that marks a desk or role, not a person.
    pub(crate) fn names_no_person(&self, name: &str) -> bool {
        name.split(|c: char| !c.is_alphanumeric())
            .any(|w| !w.is_empty() && self.not_names.contains(&w.to_lowercase()))
    }

    /// The role of a (possibly compound, "Writer/Editor") label.
    fn roles_of(&self, label: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for part in label.split(['/', '&']) {
            if let Some(role) = self.roles.get(&normalise_label(part))
                && !out.contains(role)
            {
                out.push(role.clone());
            }
        }
        out
    }

    /// True for a word that joins two names ("dan", "and").
    pub(crate) fn is_joiner_word(&self, word: &str) -> bool {
        self.joiners.contains(&word.to_lowercase())
    }
}

fn normalise_label(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Read a byline line; `None` when the line is not (entirely) a byline.
pub(crate) fn parse(rules: &Rules, line: &str) -> Option<BylineHit> {
    let b = &rules.bylines;
    let re = b.label_re.as_ref()?;
    if line.len() > MAX_BYLINE_BYTES {
        return None;
    }
    let mut text = trim_decoration(line);
    if let Some(inner) = text.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        text = inner.trim();
    }
    let labels: Vec<(std::ops::Range<usize>, String)> = re
        .captures_iter(text)
        .filter_map(|c| {
            let label = c.name("c").or_else(|| c.name("n"))?.as_str().to_string();
            Some((c.get(0)?.range(), label))
        })
        .collect();
    let first = labels.first()?;
    if first.0.start != 0 {
        return None;
    }
    let mut hit = BylineHit::default();
    for (k, (range, label)) in labels.iter().enumerate() {
        let end = labels.get(k + 1).map_or(text.len(), |(r, _)| r.start);
        let segment = text.get(range.end..end)?;
        let roles = b.roles_of(label);
        read_segment(rules, segment, &roles, &mut hit)?;
    }
    Some(hit)
}

/// Read the names (and date parts) after one label; `None` when a part is neither a
/// name nor a date, which means the line is prose, not a byline.
fn read_segment(rules: &Rules, segment: &str, roles: &[String], hit: &mut BylineHit) -> Option<()> {
    let segment = segment.trim().trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | '/' | '|' | '(' | ')' | ':')
    });
    for (k, part) in split_parts(segment).into_iter().enumerate() {
        let part = part
            .trim()
            .trim_matches(|c: char| matches!(c, ',' | ';' | '(' | ')') || c.is_whitespace());
        if part.is_empty() {
            continue;
        }
        if k > 0 && part.chars().any(|c| c.is_ascii_digit()) {
            hit.dates.push(part.to_string());
            continue;
        }
        for name in split_names(&rules.bylines, part) {
            let name = name.trim().trim_end_matches([',', ';']).trim();
            if name.is_empty() {
                continue;
            }
            if !name_like(&rules.bylines, name) {
                return None;
            }
            if let Some(w) = rules.wires.canonical(name) {
                if !hit.wires.iter().any(|x| x.name == w) {
                    hit.wires.push(Wire {
                        name: w.to_string(),
                        text: name.to_string(),
                    });
                }
                continue;
            }
            if rules.outlets.canonical(name).is_some() {
                continue;
            }
            let display = title_case_caps(name);
            for role in roles {
                if !hit
                    .authors
                    .iter()
                    .any(|a| a.name == display && &a.role == role)
                {
                    hit.authors.push(Author {
                        name: display.clone(),
                        role: role.clone(),
                    });
                }
            }
        }
    }
    Some(())
}

/// Split a segment at `|`, bullets and spaced dashes (name | date | outlet).
fn split_parts(segment: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, c) in segment.char_indices() {
        let spaced_dash = matches!(c, '-' | '–' | '—')
            && segment.get(..i).is_some_and(|h| h.ends_with(' '))
            && segment
                .get(i + c.len_utf8()..)
                .is_some_and(|t| t.starts_with(' '));
        if matches!(c, '|' | '•' | '·') || spaced_dash {
            parts.push(segment.get(start..i).unwrap_or(""));
            start = i + c.len_utf8();
        }
    }
    parts.push(segment.get(start..).unwrap_or(""));
    parts
}

/// Split a names part at commas, ampersands and joiner words.
fn split_names<'a>(b: &Bylines, part: &'a str) -> Vec<String> {
    let mut names = Vec::new();
    for piece in part.split([',', '&', ';']) {
        let mut cur: Vec<&'a str> = Vec::new();
        for w in piece.split_whitespace() {
            if b.is_joiner_word(w) {
                if !cur.is_empty() {
                    names.push(cur.join(" "));
                }
                cur.clear();
            } else {
                cur.push(w);
            }
        }
        if !cur.is_empty() {
            names.push(cur.join(" "));
        }
    }
    names
}

/// Shaped like a person's (or desk's) name: 1–5 capitalised words of letters, dots,
/// apostrophes and hyphens; lower-case particles allowed inside.
fn name_like(b: &Bylines, name: &str) -> bool {
    let n = word_count(name);
    if n == 0 || n > MAX_NAME_WORDS || name.chars().count() > MAX_NAME_CHARS {
        return false;
    }
    name.split_whitespace().enumerate().all(|(k, w)| {
        let chars_ok = w
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'));
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        let particle = k > 0 && b.particles.contains(&w.to_lowercase());
        chars_ok && (capital || particle)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> Rules {
        Rules::from_sources(
            &[],
            &[(
                "lang/xx/metadata.toml",
                r#"
[byline]
joiners = ["dan", "and"]
particles = ["bin"]
labels = [
  { text = "Rep", role = "reporter" },
  { text = "Red", role = "editor" },
  { text = "Laporan", role = "reporter" },
  { text = "Writer", role = "writer" },
  { text = "Editor", role = "editor" },
  { text = "By", role = "author", colon = false },
  { text = "Oleh", role = "author", colon = false },
]
[[wire]]
name = "Reuters"
"#,
            )],
        )
        .unwrap()
    }

    fn authors(line: &str) -> Option<Vec<(String, String)>> {
        parse(&rules(), line).map(|h| h.authors.into_iter().map(|a| (a.name, a.role)).collect())
    }

    #[test]
    fn labelled_parts() {
        assert_eq!(
            authors("Rep: Andi Wijaya/ Red: Sri Lestari").unwrap(),
            [
                ("Andi Wijaya".into(), "reporter".into()),
                ("Sri Lestari".into(), "editor".into())
            ]
        );
        assert_eq!(
            authors("LAPORAN: BUDI SANTOSO").unwrap(),
            [("Budi Santoso".into(), "reporter".into())]
        );
        assert_eq!(
            authors("Writer/Editor: Maya Putri").unwrap(),
            [
                ("Maya Putri".into(), "writer".into()),
                ("Maya Putri".into(), "editor".into())
            ]
        );
    }

    #[test]
    fn by_lines_with_joiners_wires_and_dates() {
        let h = parse(
            &rules(),
            "By Jane Roe and Ahmad bin Yusof, Reuters | 4 Feb 2023",
        )
        .unwrap();
        let names: Vec<_> = h.authors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["Jane Roe", "Ahmad bin Yusof"]);
        assert_eq!(h.wires[0].name, "Reuters");
        assert_eq!(h.dates, ["4 Feb 2023"]);
    }

    #[test]
    fn sentences_are_not_bylines() {
        assert!(authors("Oleh karena itu, pemerintah menunda rencana.").is_none());
        assert!(authors("By noon the crowd had gone.").is_none());
        assert!(authors("Redaksi menerima surat pembaca.").is_none());
        assert!(authors("Menurut Rep: x").is_none());
    }
}
