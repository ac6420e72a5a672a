//! Markup conventions: which class/id names mark boilerplate or article body, and
//! which elements are hidden. The name lists are data (`data/html/markup.toml`).

use super::dom::{Dom, Element, NodeId};
use super::tags::Tag;
use regex::Regex;
use serde::Deserialize;
use std::collections::BTreeMap;
use warta_langdata::{DataDir, DataError};
use warta_model::RemovedClass;

const MARKUP_FILE: &str = "html/markup.toml";

#[derive(Deserialize)]
struct MarkupFile {
    boilerplate: BTreeMap<String, Vec<String>>,
    comments: Vec<String>,
    article: Vec<String>,
}

/// Compiled class/id patterns.
#[derive(Debug, Clone)]
pub struct Markup {
    /// Any boilerplate class (one regex, for the fast yes/no).
    boilerplate: Regex,
    /// Per removal class, for reporting why a container was pruned.
    classes: Vec<(RemovedClass, Regex)>,
    comments: Regex,
    article: Regex,
}

impl Markup {
    /// Load `html/markup.toml`.
    pub fn load(data: &DataDir) -> Result<Markup, DataError> {
        let text = data.read(MARKUP_FILE)?;
        let file: MarkupFile = toml::from_str(&text).map_err(|e| DataError::Invalid {
            path: MARKUP_FILE.to_string(),
            message: e.to_string(),
        })?;
        let mut classes = Vec::new();
        let mut all = Vec::new();
        for (name, fragments) in &file.boilerplate {
            let class = RemovedClass::parse(name).ok_or_else(|| DataError::Invalid {
                path: MARKUP_FILE.to_string(),
                message: format!("unknown removal class `{name}` in [boilerplate]"),
            })?;
            classes.push((class, token_regex(fragments)?));
            all.extend(fragments.iter().cloned());
        }
        Ok(Markup {
            boilerplate: token_regex(&all)?,
            classes,
            comments: token_regex(&file.comments)?,
            article: token_regex(&file.article)?,
        })
    }

    /// The element's class or id names a boilerplate container.
    pub fn is_boilerplate(&self, e: &Element) -> bool {
        any_token(e, &self.boilerplate)
    }

    /// Why a boilerplate element is boilerplate, by the first class list that matches.
    pub fn boilerplate_class(&self, e: &Element) -> Option<RemovedClass> {
        self.classes
            .iter()
            .find(|(_, re)| any_token(e, re))
            .map(|(class, _)| *class)
    }

    /// The element's class or id names a comment section (a stricter list than
    /// boilerplate, trusted while choosing the article container).
    pub fn is_comments(&self, e: &Element) -> bool {
        any_token(e, &self.comments)
    }

    /// The element's class or id suggests article body.
    pub fn is_article(&self, e: &Element) -> bool {
        any_token(e, &self.article)
            || e.attr("itemprop")
                .is_some_and(|v| v.eq_ignore_ascii_case("articleBody"))
    }
}

/// One regex matching a whole class token, or a `-`/`_`-delimited part of it.
fn token_regex(fragments: &[String]) -> Result<Regex, DataError> {
    let alt = fragments.join("|");
    Regex::new(&format!("(?i)^(?:.*[-_])?(?:{alt})(?:[-_].*)?$")).map_err(|e| DataError::Invalid {
        path: MARKUP_FILE.to_string(),
        message: e.to_string(),
    })
}

fn any_token(e: &Element, re: &Regex) -> bool {
    let class = e.attr("class").unwrap_or("");
    let id = e.attr("id").unwrap_or("");
    class
        .split_ascii_whitespace()
        .chain(id.split_ascii_whitespace())
        .filter(|t| t.len() <= 64)
        .any(|t| re.is_match(t))
}

/// The element is not rendered (`hidden`, `aria-hidden`, `display:none`).
pub fn is_hidden(e: &Element) -> bool {
    if e.attr("hidden").is_some() {
        return true;
    }
    if e.attr("aria-hidden")
        .is_some_and(|v| v.eq_ignore_ascii_case("true"))
        && e.tag != Tag::Body
    {
        return true;
    }
    if let Some(style) = e.attr("style") {
        let compact: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        if compact.contains("display:none") || compact.contains("visibility:hidden") {
            return true;
        }
    }
    false
}

/// True for elements whose subtree can never hold body text (including hidden ones).
pub fn never_content(dom: &Dom, id: NodeId) -> bool {
    never_content_when(dom, id, false)
}

/// [`never_content`], optionally treating hidden elements as visible (some pages
/// ship their article hidden and reveal it with scripts).
pub fn never_content_when(dom: &Dom, id: NodeId, show_hidden: bool) -> bool {
    match dom.element(id) {
        Some(e) => e.tag.is_never_content() || (!show_hidden && is_hidden(e)),
        None => false,
    }
}
