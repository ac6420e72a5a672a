//! Hygiene for metadata that markup states loosely: author fields holding
//! "By TOM KRISHER, AP Auto Writer", an agency ("Reuters") or the site itself, and
//! site names carrying taglines ("LinkNaija | Nigeria's popular news platform").

use warta_model::{Author, Wire};

use super::Rules;
use super::byline;
use super::names::title_case_caps;
use super::tables::host_of;

/// People and agencies named by markup author fields, cleaned. `outlet` is the
/// page's outlet: an author field naming it is not a person.
pub fn markup_authors(
    rules: &Rules,
    raw: &[String],
    outlet: Option<&str>,
) -> (Vec<Author>, Vec<Wire>) {
    let mut authors: Vec<Author> = Vec::new();
    let mut wires: Vec<Wire> = Vec::new();
    for field in raw {
        let field = field.trim();
        if field.is_empty() {
            continue;
        }
        // A field that is a whole byline ("By A and B, Reuters") reads as one.
        let hit =
            byline::parse(rules, field).or_else(|| byline::parse(rules, &format!("By {field}")));
        let (names, credited) = match hit {
            Some(h) if !h.authors.is_empty() || !h.wires.is_empty() => (
                h.authors.into_iter().map(|a| a.name).collect::<Vec<_>>(),
                h.wires,
            ),
            _ => (vec![field.to_string()], Vec::new()),
        };
        wires.extend(credited);
        for name in names {
            classify(rules, &name, outlet, &mut authors, &mut wires);
        }
    }
    (authors, wires)
}

fn classify(
    rules: &Rules,
    name: &str,
    outlet: Option<&str>,
    authors: &mut Vec<Author>,
    wires: &mut Vec<Wire>,
) {
    // "Troy L. Smith, Cleveland.com": the part after the comma is an affiliation.
    let mut parts = name
        .split([',', '|'])
        .map(str::trim)
        .filter(|p| !p.is_empty());
    let Some(first) = parts.next() else { return };
    // "AP Auto Writer": an agency's staff credit.
    let lead = first.split_whitespace().next().unwrap_or(first);
    let agency = rules.wires.canonical(first).or_else(|| {
        rules
            .bylines
            .names_no_person(first)
            .then(|| rules.wires.canonical(lead))
            .flatten()
    });
    if let Some(agency) = agency {
        if !wires.iter().any(|w| w.name == agency) {
            wires.push(Wire {
                name: agency.to_string(),
                text: name.to_string(),
            });
        }
        return;
    }
    let is_outlet = rules.outlets.canonical(first).is_some()
        || outlet.is_some_and(|o| o.eq_ignore_ascii_case(first))
        || looks_like_domain(first);
    let person_shaped = first.split_whitespace().count() >= 2
        && first.chars().next().is_some_and(char::is_uppercase)
        && !first
            .chars()
            .any(|c| c.is_ascii_digit() || c == '@' || c == '/');
    if is_outlet || !person_shaped || rules.bylines.names_no_person(first) {
        return;
    }
    let name = title_case_caps(first);
    if !authors.iter().any(|a| a.name == name) {
        authors.push(Author {
            name,
            role: "author".to_string(),
        });
    }
}

/// "Cleveland.com", "kompas.id": one word with a dot inside.
fn looks_like_domain(s: &str) -> bool {
    !s.contains(char::is_whitespace) && s.trim_matches('.').contains('.')
}

/// A site name without its tagline, or a URL reduced to its host.
pub fn clean_site_name(site: &str) -> String {
    let site = site.trim();
    if site.contains("://") {
        return host_of(site).unwrap_or_else(|| site.to_string());
    }
    for sep in [" | ", " - ", " – ", " — ", " :: "] {
        if let Some((head, tail)) = site.split_once(sep) {
            let head = head.trim();
            if !head.is_empty() && tail.split_whitespace().count() >= 1 {
                return head.to_string();
            }
        }
    }
    site.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_names_lose_taglines() {
        assert_eq!(
            clean_site_name("LinkNaija | Nigeria's popular news platform"),
            "LinkNaija"
        );
        assert_eq!(
            clean_site_name("https://www.newsnation.in"),
            "newsnation.in"
        );
        assert_eq!(clean_site_name("Warta Contoh"), "Warta Contoh");
    }
}

#[cfg(test)]
mod author_tests {
    use super::*;

    fn run(raw: &[&str], outlet: Option<&str>) -> (Vec<String>, Vec<String>) {
        let rules = Rules::load(&warta_langdata::DataDir::locate(None)).expect("rules");
        let raw: Vec<String> = raw.iter().map(|s| s.to_string()).collect();
        let (a, w) = markup_authors(&rules, &raw, outlet);
        (
            a.into_iter().map(|a| a.name).collect(),
            w.into_iter().map(|w| w.name).collect(),
        )
    }

    #[test]
    fn markup_author_fields() {
        assert_eq!(run(&["Sarah E. Needleman"], None).0, ["Sarah E. Needleman"]);
        assert_eq!(
            run(&["By TOM KRISHER, AP Auto Writer"], None).0,
            ["Tom Krisher"]
        );
        assert_eq!(
            run(&["Troy L. Smith, Cleveland.com"], None).0,
            ["Troy L. Smith"]
        );
        assert_eq!(
            run(&["Reuters"], None),
            (vec![], vec!["Reuters".to_string()])
        );
        assert_eq!(run(&["CBS News"], Some("CBS News")).0, Vec::<String>::new());
    }
}
