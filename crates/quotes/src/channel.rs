//! Channels: the agency or outlet a quotation was relayed through ("menurut kantor
//! berita TASS", "seperti dikutip Interfax", "told Reuters").
//!
//! The phrases are regexes from `[channels]` in `quotes.toml`; `{wire}` and `{outlet}`
//! expand to the printed names of the `[[wire]]` / `[[outlet]]` tables in
//! `metadata.toml` (the tables the extractor credits wires from, read here, not
//! copied), and the matched name is mapped to its canonical form. All patterns are
//! compiled into one regex so an article is scanned once. After each match the
//! `relay` patterns are tried right where it ends ("dikutip Reuters dari TASS"), each
//! adding a link closer to the speaker.

use regex::Regex;

use crate::QuoteError;
use crate::lexicon::NameTable;

/// One link of a relay chain (byte offsets).
#[derive(Debug, Clone)]
pub(crate) struct Link {
    /// Canonical (or printed) agency name.
    pub name: String,
    /// Byte range of the crediting phrase.
    pub start: usize,
    pub end: usize,
}

/// A channel phrase and its relay chain, from the speaker outwards.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    /// Byte offset where the phrase starts.
    pub start: usize,
    /// Links, innermost (closest to the speaker) first.
    pub chain: Vec<Link>,
}

/// Capture group names of a combined regex, each with whether its name is mapped to
/// a canonical agency name.
type Groups = Vec<(String, bool)>;

/// Compiled channel patterns.
#[derive(Debug)]
pub(crate) struct Channels {
    /// Any printed agency or outlet name: every channel phrase holds one, and this
    /// literal search is far cheaper than the phrases, so most articles stop here.
    names: Option<Regex>,
    all: Option<Regex>,
    /// Capture group names in `all` and whether the name is canonicalised.
    groups: Groups,
    relay: Option<Regex>,
    relay_groups: Groups,
}

impl Channels {
    /// Compile `(file, pattern)` pairs with the name tables.
    pub fn compile(
        patterns: &[(String, String)],
        relay: &[(String, String)],
        names: &NameTable,
    ) -> Result<Channels, QuoteError> {
        let wire = alternation(&names.wires);
        let outlet = alternation(&names.outlets);
        let (all, groups) = combine(patterns, &wire, &outlet, "c")?;
        let (relay, relay_groups) = combine(relay, &wire, &outlet, "r")?;
        // Only a prefilter: kept only when every pattern needs a table name.
        let names = patterns
            .iter()
            .all(|(_, p)| p.contains("{wire}") || p.contains("{outlet}"))
            .then(|| Regex::new(&format!("{wire}|{outlet}")).ok())
            .flatten();
        Ok(Channels {
            names,
            all,
            groups,
            relay,
            relay_groups,
        })
    }

    /// Every channel phrase in `text`, in order.
    pub fn find(&self, text: &str, names: &NameTable) -> Vec<Hit> {
        let Some(all) = &self.all else {
            return Vec::new();
        };
        if let Some(names) = &self.names
            && !names.is_match(text)
        {
            return Vec::new();
        }
        let mut out = Vec::new();
        for caps in all.captures_iter(text) {
            let Some(m) = caps.get(0) else { continue };
            let Some(name) = named(&caps, &self.groups, names) else {
                continue;
            };
            let mut chain = vec![Link {
                name,
                start: m.start(),
                end: m.end(),
            }];
            let mut at = m.end();
            if let Some(relay) = &self.relay {
                for _ in 0..3 {
                    let Some(rest) = text.get(at..) else { break };
                    let Some(rc) = relay.captures(rest) else {
                        break;
                    };
                    let (Some(rm), Some(rname)) =
                        (rc.get(0), named(&rc, &self.relay_groups, names))
                    else {
                        break;
                    };
                    if rm.end() == 0 {
                        break;
                    }
                    chain.insert(
                        0,
                        Link {
                            name: rname,
                            start: at + rm.start(),
                            end: at + rm.end(),
                        },
                    );
                    at += rm.end();
                }
            }
            out.push(Hit {
                start: m.start(),
                chain,
            });
        }
        out
    }
}

/// The agency name captured by whichever pattern matched.
fn named(
    caps: &regex::Captures<'_>,
    groups: &[(String, bool)],
    names: &NameTable,
) -> Option<String> {
    groups.iter().find_map(|(g, canon)| {
        let m = caps.name(g)?;
        let printed = m.as_str().trim();
        Some(if *canon {
            names.canonical(printed).unwrap_or(printed).to_string()
        } else {
            printed.to_string()
        })
    })
}

/// `a|b|c` of escaped printed names, longest first, with ASCII word boundaries at
/// word-character ends; `(?!)` (never matches) for an empty table.
fn alternation(forms: &[(String, String)]) -> String {
    let mut printed: Vec<&str> = forms.iter().map(|(p, _)| p.as_str()).collect();
    printed.sort_by_key(|p| std::cmp::Reverse(p.len()));
    printed.dedup();
    if printed.is_empty() {
        return "[^\\s\\S]".to_string();
    }
    let alts: Vec<String> = printed
        .iter()
        .map(|p| {
            let pre = if p.starts_with(|c: char| c.is_ascii_alphanumeric()) {
                r"(?-u:\b)"
            } else {
                ""
            };
            let post = if p.ends_with(|c: char| c.is_ascii_alphanumeric()) {
                r"(?-u:\b)"
            } else {
                ""
            };
            format!("{pre}{}{post}", regex::escape(p))
        })
        .collect();
    format!("(?-i:{})", alts.join("|"))
}

/// Expand placeholders, rename the name groups per pattern, check each pattern, and
/// join them into one regex.
fn combine(
    patterns: &[(String, String)],
    wire: &str,
    outlet: &str,
    prefix: &str,
) -> Result<(Option<Regex>, Groups), QuoteError> {
    let mut parts = Vec::new();
    let mut groups = Vec::new();
    for (k, (path, p)) in patterns.iter().enumerate() {
        let mut q = ascii_word_boundaries(p)
            .replace("{wire}", wire)
            .replace("{outlet}", outlet);
        for (group, canon) in [("wire", true), ("outlet", true), ("name", false)] {
            let renamed = format!("{prefix}{k}_{group}");
            let before = q.clone();
            q = q
                .replace(&format!("(?P<{group}>"), &format!("(?P<{renamed}>"))
                .replace(&format!("(?<{group}>"), &format!("(?P<{renamed}>"));
            if q != before {
                groups.push((renamed, canon));
            }
        }
        if q.contains('{') && q.contains('}') {
            // An unknown placeholder is a typo, not a regex repetition, when it is a
            // lower-case name.
            if let Some(bad) = unknown_placeholder(&q) {
                return Err(QuoteError::Invalid {
                    path: path.clone(),
                    message: format!("unknown placeholder `{{{bad}}}` in channel pattern `{p}`"),
                });
            }
        }
        Regex::new(&q).map_err(|e| QuoteError::Invalid {
            path: path.clone(),
            message: format!("channel pattern `{p}`: {e}"),
        })?;
        parts.push(format!("(?:{q})"));
    }
    if parts.is_empty() {
        return Ok((None, groups));
    }
    let all = regex::RegexBuilder::new(&parts.join("|"))
        .size_limit(64 << 20)
        .dfa_size_limit(32 << 20)
        .build()
        .map_err(|e| QuoteError::Invalid {
            path: "lang/*/quotes.toml".to_string(),
            message: format!("channel patterns: {e}"),
        })?;
    Ok((Some(all), groups))
}

/// `\b` → `(?-u:\b)`: a Unicode word boundary makes the engine leave its fast
/// automaton on text with curly quotes.
fn ascii_word_boundaries(p: &str) -> String {
    let mut out = String::with_capacity(p.len() + 16);
    let mut chars = p.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('b') => out.push_str(r"(?-u:\b)"),
                Some(d) => {
                    out.push('\\');
                    out.push(d);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The first `{name}` of lower-case letters and `_` left in a pattern.
fn unknown_placeholder(q: &str) -> Option<String> {
    let mut rest = q;
    while let Some(i) = rest.find('{') {
        let after = &rest[i + 1..];
        let name: String = after
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || *c == '_')
            .collect();
        if !name.is_empty() && after[name.len()..].starts_with('}') {
            return Some(name);
        }
        rest = after;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_are_ascii() {
        assert_eq!(ascii_word_boundaries(r"a\bb\\b"), r"a(?-u:\b)b\\b");
    }

    #[test]
    fn placeholders_are_checked() {
        assert_eq!(
            unknown_placeholder("x{1,2}{wyre}"),
            Some("wyre".to_string())
        );
        assert_eq!(unknown_placeholder("x{1,2}"), None);
    }
}

#[cfg(test)]
mod find_tests {
    use crate::testutil::lexicon;

    fn chains(text: &str) -> Vec<Vec<(String, String)>> {
        let lex = lexicon();
        let ch = super::Channels::compile(&lex.channel_patterns, &lex.relay_patterns, &lex.names)
            .expect("patterns compile");
        ch.find(text, &lex.names)
            .into_iter()
            .map(|h| {
                h.chain
                    .into_iter()
                    .map(|l| (l.name, text[l.start..l.end].trim().to_string()))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn agencies_are_canonical_and_relays_ordered_from_the_speaker() {
        assert_eq!(
            chains("kata Lavrov, menurut kantor berita TASS."),
            [[("TASS".to_string(), "menurut kantor berita TASS".to_string())]]
        );
        assert_eq!(
            chains("kata Erdogan seperti dikutip Reuters dari Anadolu."),
            [[
                ("Anadolu".to_string(), "dari Anadolu".to_string()),
                ("Reuters".to_string(), "seperti dikutip Reuters".to_string())
            ]]
        );
        assert_eq!(
            chains("said Guterres, according to the Associated Press."),
            [[(
                "AP".to_string(),
                "according to the Associated Press".to_string()
            )]]
        );
        // A known agency name alone is not a channel phrase.
        assert!(chains("Reuters adalah kantor berita.").is_empty());
    }
}
