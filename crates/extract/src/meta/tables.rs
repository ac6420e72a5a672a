//! Name tables: printed forms and hosts of outlets, printed forms of news agencies,
//! each mapped to one canonical name.

use std::collections::HashMap;

use regex::Regex;

/// One table (outlets or wires), merged over all languages.
#[derive(Debug, Clone, Default)]
pub(crate) struct NameTable {
    /// Lower-cased printed form → canonical name.
    by_printed: HashMap<String, String>,
    /// Lower-cased host (no `www.`) → canonical name.
    by_host: HashMap<String, String>,
    /// Printed forms as written, for the regex alternation.
    printed: Vec<String>,
    /// Finds any printed form in a text (case-sensitive, word-bounded).
    any: Option<Regex>,
}

/// A regex fragment that never matches, for empty tables.
const NEVER: &str = r"[^\x00-\x{10FFFF}]";

impl NameTable {
    /// Add a canonical name with its printed forms and hosts. The canonical name is a
    /// printed form too. The first table entry to claim a printed form keeps it.
    pub(crate) fn add(&mut self, name: &str, printed: &[String], hosts: &[String]) {
        let name = name.trim();
        if name.is_empty() {
            return;
        }
        for p in std::iter::once(name).chain(printed.iter().map(|s| s.trim())) {
            if p.is_empty() {
                continue;
            }
            self.by_printed
                .entry(p.to_lowercase())
                .or_insert_with(|| name.to_string());
            if !self.printed.iter().any(|q| q == p) {
                self.printed.push(p.to_string());
            }
        }
        for h in hosts {
            let h = strip_host_prefixes(&h.trim().to_ascii_lowercase()).to_string();
            if !h.is_empty() {
                self.by_host.entry(h).or_insert_with(|| name.to_string());
            }
        }
    }

    /// The regex alternation of every printed form: case-sensitive (so an outlet
    /// "ANTARA" does not match the word "antara"), bounded by ASCII word boundaries
    /// where the form starts or ends with a word char, longest forms first.
    pub(crate) fn alternation(&self) -> String {
        let mut forms: Vec<&String> = self.printed.iter().collect();
        forms.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        let alts: Vec<String> = forms.iter().map(|f| bounded_literal(f)).collect();
        if alts.is_empty() {
            return format!("(?:{NEVER})");
        }
        format!("(?-i:{})", alts.join("|"))
    }

    /// Compile the finder for [`NameTable::find_iter`].
    pub(crate) fn compile(&mut self) -> Result<(), regex::Error> {
        self.any = Some(Regex::new(&self.alternation())?);
        Ok(())
    }

    /// Canonical name of a printed form (case-insensitive, whitespace-normalised).
    pub(crate) fn canonical(&self, printed: &str) -> Option<&str> {
        let norm = printed.split_whitespace().collect::<Vec<_>>().join(" ");
        self.by_printed
            .get(&norm.to_lowercase())
            .map(String::as_str)
    }

    /// Every printed form occurring in `text`, as byte ranges.
    pub(crate) fn find_iter<'t>(
        &'t self,
        text: &'t str,
    ) -> impl Iterator<Item = regex::Match<'t>> + 't {
        self.any.iter().flat_map(move |re| re.find_iter(text))
    }

    /// The canonical name of the first (longest) printed form found inside `text`.
    pub(crate) fn within(&self, text: &str) -> Option<&str> {
        self.find_iter(text)
            .max_by_key(|m| m.len())
            .and_then(|m| self.canonical(m.as_str()))
    }

    /// Canonical name for a host: the host itself, or its nearest parent domain, in
    /// the table (`internasional.example.co.id` → the entry for `example.co.id`).
    pub(crate) fn for_host(&self, host: &str) -> Option<&str> {
        let mut h = strip_host_prefixes(host);
        loop {
            if let Some(name) = self.by_host.get(h) {
                return Some(name);
            }
            match h.split_once('.') {
                Some((_, parent)) if parent.contains('.') => h = parent,
                _ => return None,
            }
        }
    }
}

/// The host of a URL, lower-cased, without `www.`-like prefixes, user info or port.
pub(crate) fn host_of(url: &str) -> Option<String> {
    let url = url.trim();
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = after_scheme.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = host_port
        .split(':')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let host = strip_host_prefixes(&host).to_string();
    (host.contains('.') && !host.starts_with('.')).then_some(host)
}

/// Drop `www.`, `m.` and `amp.` prefixes that name a variant of the same site.
fn strip_host_prefixes(host: &str) -> &str {
    let mut h = host;
    loop {
        let next = h
            .strip_prefix("www.")
            .or_else(|| h.strip_prefix("m."))
            .or_else(|| h.strip_prefix("amp."));
        match next {
            Some(rest) if rest.contains('.') => h = rest,
            _ => return h,
        }
    }
}

/// A literal regex for a printed form: spaces match any whitespace, and word
/// boundaries guard word-char ends.
fn bounded_literal(form: &str) -> String {
    let body = form
        .split_whitespace()
        .map(regex::escape)
        .collect::<Vec<_>>()
        .join(r"\s+");
    let start = form
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    let end = form
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    format!(
        "{}{}{}",
        if start { r"(?-u:\b)" } else { "" },
        body,
        if end { r"(?-u:\b)" } else { "" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> NameTable {
        let mut t = NameTable::default();
        t.add(
            "Kabar Kita",
            &["KABARKITA.CO.ID".into(), "Kabarkita.co.id".into()],
            &["kabarkita.co.id".into()],
        );
        t.add("AP", &["Associated Press".into()], &[]);
        t.compile().unwrap();
        t
    }

    #[test]
    fn lookups() {
        let t = table();
        assert_eq!(t.canonical("kabarkita.co.id"), Some("Kabar Kita"));
        assert_eq!(t.canonical("kabar  kita"), Some("Kabar Kita"));
        assert_eq!(t.for_host("news.kabarkita.co.id"), Some("Kabar Kita"));
        assert_eq!(t.for_host("www.kabarkita.co.id"), Some("Kabar Kita"));
        assert_eq!(t.for_host("example.com"), None);
        assert_eq!(
            t.within("dari KABARKITA.CO.ID hari ini"),
            Some("Kabar Kita")
        );
    }

    #[test]
    fn finder_is_case_sensitive_and_bounded() {
        let t = table();
        assert_eq!(t.find_iter("the APBN and ap and AP.").count(), 1);
    }

    #[test]
    fn hosts() {
        assert_eq!(
            host_of("https://www.Example.co.id:443/a?b").as_deref(),
            Some("example.co.id")
        );
        assert_eq!(host_of("m.example.com/x").as_deref(), Some("example.com"));
        assert_eq!(host_of("not a url"), None);
        assert_eq!(host_of(""), None);
    }

    #[test]
    fn empty_table_never_matches() {
        let mut t = NameTable::default();
        t.compile().unwrap();
        assert_eq!(t.find_iter("anything").count(), 0);
    }
}
