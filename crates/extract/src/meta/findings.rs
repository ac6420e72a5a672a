//! What the line readers found, with where they found it, before it is written into
//! the [`crate::Draft`].
//!
//! Outlet evidence is ranked (see [`Priority`]); wires and printed dates are kept in
//! document order so "the first credit" and "the first date" mean first on the page.

use warta_model::{Author, Wire};

use super::byline::BylineHit;
use super::rules::Evidence;

/// How strongly a piece of evidence names the article's outlet, strongest first.
///
/// The rule: an outlet named by the article's own text (its dateline, then its
/// branding glued into the body or its "follow <outlet>" lines) beats the chrome of
/// the site hosting the page, which beats an agency in the dateline, which beats the
/// URL's host. A republished article (RMOL's story on another site) is thereby
/// credited to the outlet that wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Priority {
    /// Named in the dateline prefix ("REPUBLIKA.CO.ID, SHANGHAI --").
    Dateline,
    /// The article's own branding in the body.
    Branding,
    /// A bare site name among the page chrome.
    Chrome,
    /// The agency of a dateline ("Jakarta (ANTARA) -").
    DatelineWire,
}

impl From<Evidence> for Priority {
    fn from(e: Evidence) -> Priority {
        match e {
            Evidence::Branding => Priority::Branding,
            Evidence::Chrome => Priority::Chrome,
        }
    }
}

/// Everything found so far in one document.
#[derive(Debug, Default)]
pub(crate) struct Findings {
    /// Outlet evidence: (priority, line, canonical or displayed name).
    pub outlets: Vec<(Priority, usize, String)>,
    /// Credited people, in order, without repeats.
    pub authors: Vec<Author>,
    /// Wire credits: ((line, byte offset), wire), possibly repeating an agency.
    pub wires: Vec<((usize, usize), Wire)>,
    /// Printed date texts from date lines and bylines: (line, text).
    pub dates: Vec<(usize, String)>,
    /// Dateline city.
    pub dateline_city: Option<String>,
    /// Headline chosen by the text front end.
    pub title: Option<String>,
}

impl Findings {
    /// Record outlet evidence.
    pub(crate) fn add_outlet(&mut self, p: Priority, line: usize, name: String) {
        if !name.trim().is_empty() {
            self.outlets.push((p, line, name));
        }
    }

    /// Record a wire credit at a position.
    pub(crate) fn add_wire(&mut self, line: usize, offset: usize, w: Wire) {
        self.wires.push(((line, offset), w));
    }

    /// Record a person once per role.
    pub(crate) fn add_author(&mut self, a: Author) {
        if !self
            .authors
            .iter()
            .any(|x| x.name == a.name && x.role == a.role)
        {
            self.authors.push(a);
        }
    }

    /// Record everything a byline said.
    pub(crate) fn add_byline(&mut self, line: usize, b: BylineHit) {
        for a in b.authors {
            self.add_author(a);
        }
        for w in b.wires {
            self.add_wire(line, 0, w);
        }
        for d in b.dates {
            self.dates.push((line, d));
        }
    }

    /// The strongest outlet evidence (earliest line among equals). When other
    /// evidence names the same outlet in mixed case ("KabarNusa.id" in the chrome,
    /// "KABARNUSA.ID" in the dateline), that spelling is used.
    pub(crate) fn best_outlet(&self) -> Option<&str> {
        let best = self
            .outlets
            .iter()
            .min_by_key(|(p, line, _)| (*p, *line))
            .map(|(_, _, n)| n.as_str())?;
        let mixed =
            |s: &str| s.chars().any(char::is_uppercase) && s.chars().any(char::is_lowercase);
        let respelled = self
            .outlets
            .iter()
            .map(|(_, _, n)| n.as_str())
            .find(|n| *n != best && n.to_lowercase() == best.to_lowercase() && mixed(n));
        Some(respelled.unwrap_or(best))
    }

    /// Wires in document order, each agency once (its first credit).
    pub(crate) fn wires_in_order(&self) -> Vec<Wire> {
        let mut sorted: Vec<&((usize, usize), Wire)> = self.wires.iter().collect();
        sorted.sort_by_key(|(pos, _)| *pos);
        let mut out: Vec<Wire> = Vec::new();
        for (_, w) in sorted {
            if !out.iter().any(|x| x.name == w.name) {
                out.push(w.clone());
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn branding_beats_chrome_and_order_breaks_ties() {
        let mut f = Findings::default();
        f.add_outlet(Priority::Chrome, 0, "Host Site".into());
        f.add_outlet(Priority::Branding, 9, "Writer Outlet".into());
        f.add_outlet(Priority::Branding, 12, "Other".into());
        assert_eq!(f.best_outlet(), Some("Writer Outlet"));
        f.add_outlet(Priority::Dateline, 20, "Dated".into());
        assert_eq!(f.best_outlet(), Some("Dated"));
        f.add_outlet(Priority::Dateline, 1, "Host.id".into());
        f.add_outlet(Priority::Chrome, 0, "HoSt.Id".into());
        assert_eq!(f.best_outlet(), Some("HoSt.Id"));
    }

    #[test]
    fn wires_once_in_document_order() {
        let mut f = Findings::default();
        let w = |n: &str, t: &str| Wire {
            name: n.into(),
            text: t.into(),
        };
        f.add_wire(30, 0, w("B", "source: B"));
        f.add_wire(2, 10, w("A", "according to A"));
        f.add_wire(5, 0, w("A", "said A"));
        let got = f.wires_in_order();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].text, "according to A");
        assert_eq!(got[1].name, "B");
    }
}
