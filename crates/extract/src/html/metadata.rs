//! Page metadata from markup: OpenGraph, JSON-LD (`NewsArticle` and kin),
//! `<meta>` names, `<time>`, `<html lang>`, canonical links.
//!
//! Machine-readable sources win over printed text because they are unambiguous
//! (ISO dates with offsets, author lists); printed bylines and datelines are read
//! later from the body blocks by the shared line readers.

use super::dom::{Dom, NodeData, NodeId};
use super::tags::Tag;
use serde_json::Value;

/// Everything the markup says about the page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMeta {
    /// Headline.
    pub title: Option<String>,
    /// Publication timestamp as written (ISO 8601 usually).
    pub published: Option<String>,
    /// Author names.
    pub authors: Vec<String>,
    /// Site or publisher name.
    pub site_name: Option<String>,
    /// Declared language tag.
    pub lang: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// JSON-LD `articleBody`, when the page embeds its own text.
    pub article_body: Option<String>,
    /// `og:description` or meta description.
    pub description: Option<String>,
}

/// JSON-LD `@type`s that describe an article.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "BlogPosting",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "Report",
    "LiveBlogPosting",
    "TechArticle",
    "SocialMediaPosting",
    "WebPage",
];

/// Read the page's metadata.
pub fn read(dom: &Dom) -> PageMeta {
    let mut m = PageMeta::default();
    let mut og_title = None;
    let mut html_title = None;
    let mut meta_published = None;
    let mut meta_authors: Vec<String> = Vec::new();
    let mut time_datetime = None;
    let mut first_h1 = None;
    let mut ld = LdArticle::default();

    let mut it = dom.descendants(NodeId::ROOT);
    while let Some(id) = it.next() {
        let Some(e) = dom.element(id) else { continue };
        match e.tag {
            Tag::Html => {
                if let Some(lang) = e.attr("lang").or_else(|| e.attr("xml:lang")) {
                    set_once(&mut m.lang, lang);
                }
            }
            Tag::Title if html_title.is_none() => {
                html_title = Some(clean(&dom.text_of(id)));
            }
            Tag::Meta => {
                let key = e
                    .attr("property")
                    .or_else(|| e.attr("name"))
                    .or_else(|| e.attr("itemprop"))
                    .or_else(|| e.attr("http-equiv"))
                    .unwrap_or("")
                    .to_ascii_lowercase();
                let Some(content) = e.attr("content").map(clean).filter(|c| !c.is_empty()) else {
                    continue;
                };
                match key.as_str() {
                    "og:title" | "twitter:title" => set_once_owned(&mut og_title, content),
                    "og:description" | "description" | "twitter:description" => {
                        set_once_owned(&mut m.description, content)
                    }
                    "og:site_name" | "application-name" => {
                        set_once_owned(&mut m.site_name, content)
                    }
                    "og:url" => set_once_owned(&mut m.url, content),
                    "og:locale" | "content-language" | "language" | "dc.language" => {
                        set_once_owned(&mut m.lang, content)
                    }
                    "article:published_time"
                    | "datepublished"
                    | "pubdate"
                    | "publishdate"
                    | "publish-date"
                    | "publication_date"
                    | "date"
                    | "dc.date.issued"
                    | "dc.date"
                    | "dcterms.created"
                    | "sailthru.date"
                    | "parsely-pub-date"
                    | "og:published_time"
                    | "article.published"
                    | "originalpublicationdate"
                    | "cxenseparse:recs:publishtime" => {
                        set_once_owned(&mut meta_published, content)
                    }
                    "author" | "article:author" | "dc.creator" | "sailthru.author"
                    | "parsely-author" | "byl"
                        if !content.starts_with("http") =>
                    {
                        let name = content
                            .trim_start_matches("By ")
                            .trim_start_matches("by ")
                            .to_string();
                        if !meta_authors.contains(&name) {
                            meta_authors.push(name);
                        }
                    }
                    _ => {}
                }
            }
            Tag::Link => {
                if e.attr("rel")
                    .is_some_and(|r| r.eq_ignore_ascii_case("canonical"))
                    && let Some(href) = e.attr("href").filter(|h| h.starts_with("http"))
                {
                    m.url = Some(href.to_string());
                }
            }
            Tag::Script => {
                let is_ld = e
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                if is_ld {
                    let text = dom.text_of(id);
                    if let Ok(v) = serde_json::from_str::<Value>(text.trim()) {
                        collect_ld(&v, &mut ld, 0);
                    }
                }
                it.skip_children_of(id);
            }
            Tag::Time if time_datetime.is_none() => {
                time_datetime = e.attr("datetime").map(str::to_string);
            }
            Tag::H1 if first_h1.is_none() => {
                let t = clean(&dom.text_of(id));
                if !t.is_empty() {
                    first_h1 = Some(t);
                }
            }
            Tag::Style | Tag::Svg | Tag::Noscript | Tag::Template => it.skip_children_of(id),
            _ => {}
        }
    }

    m.title = ld
        .headline
        .or(og_title)
        .or(first_h1)
        .or_else(|| html_title.map(|t| strip_site_suffix(&t, m.site_name.as_deref())));
    m.published = ld.published.or(meta_published).or(time_datetime);
    m.authors = if ld.authors.is_empty() {
        meta_authors
    } else {
        ld.authors
    };
    if m.site_name.is_none() {
        m.site_name = ld.publisher;
    }
    if m.lang.is_none() {
        m.lang = ld.lang;
    }
    if m.url.is_none() {
        m.url = ld.url;
    }
    m.article_body = ld.body;
    m
}

/// What JSON-LD says about the article.
#[derive(Debug, Default)]
struct LdArticle {
    headline: Option<String>,
    published: Option<String>,
    authors: Vec<String>,
    publisher: Option<String>,
    lang: Option<String>,
    url: Option<String>,
    body: Option<String>,
}

/// Walk a JSON-LD value (objects, arrays, `@graph`) and take the first article's fields.
fn collect_ld(v: &Value, out: &mut LdArticle, depth: usize) {
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(items) => items.iter().for_each(|i| collect_ld(i, out, depth + 1)),
        Value::Object(map) => {
            if let Some(graph) = map.get("@graph") {
                collect_ld(graph, out, depth + 1);
            }
            if !is_article_type(map.get("@type")) {
                return;
            }
            let is_webpage = map.get("@type").and_then(Value::as_str) == Some("WebPage");
            if !is_webpage {
                if let Some(h) = map.get("headline").and_then(Value::as_str) {
                    set_once(&mut out.headline, &clean(h));
                }
                if let Some(b) = map.get("articleBody").and_then(Value::as_str)
                    && b.len() > out.body.as_ref().map_or(0, String::len)
                {
                    out.body = Some(b.to_string());
                }
                if out.authors.is_empty()
                    && let Some(a) = map.get("author")
                {
                    out.authors = names(a);
                }
            }
            if let Some(d) = map.get("datePublished").and_then(Value::as_str) {
                set_once(&mut out.published, d);
            }
            if let Some(p) = map.get("publisher")
                && let Some(n) = names(p).into_iter().next()
            {
                set_once(&mut out.publisher, &n);
            }
            if let Some(l) = map.get("inLanguage").and_then(Value::as_str) {
                set_once(&mut out.lang, l);
            }
            if let Some(u) = map.get("url").and_then(Value::as_str)
                && u.starts_with("http")
            {
                set_once(&mut out.url, u);
            }
        }
        _ => {}
    }
}

fn is_article_type(t: Option<&Value>) -> bool {
    match t {
        Some(Value::String(s)) => ARTICLE_TYPES.contains(&s.as_str()),
        Some(Value::Array(a)) => a.iter().any(|x| is_article_type(Some(x))),
        _ => false,
    }
}

/// Names from a JSON-LD person/organisation value: a string, an object with `name`,
/// or an array of either.
fn names(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![clean(s)]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect(),
        Value::Object(o) => o
            .get("name")
            .and_then(Value::as_str)
            .map(clean)
            .filter(|s| !s.is_empty())
            .into_iter()
            .collect(),
        Value::Array(a) => {
            let mut out: Vec<String> = Vec::new();
            for n in a.iter().flat_map(names) {
                if !out.contains(&n) {
                    out.push(n);
                }
            }
            out
        }
        _ => Vec::new(),
    }
}

/// "Headline | Site" → "Headline" when the suffix is the site name or short.
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " — ", " – ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let is_site = site.is_some_and(|s| tail.trim().eq_ignore_ascii_case(s.trim()))
                || tail.split_whitespace().count() <= 3;
            if is_site && head.split_whitespace().count() >= 3 {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// Collapse whitespace.
pub fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn set_once(slot: &mut Option<String>, value: &str) {
    if slot.is_none() && !value.trim().is_empty() {
        *slot = Some(value.trim().to_string());
    }
}

fn set_once_owned(slot: &mut Option<String>, value: String) {
    if slot.is_none() && !value.is_empty() {
        *slot = Some(value);
    }
}

/// Text of the first element matching `pred`, for callers that look for bylines.
pub fn first_text(dom: &Dom, pred: impl Fn(&Dom, NodeId) -> bool) -> Option<String> {
    dom.descendants(NodeId::ROOT)
        .find(|n| matches!(dom.node(*n).data, NodeData::Element(_)) && pred(dom, *n))
        .map(|n| clean(&dom.text_of(n)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::dom::parse;

    #[test]
    fn reads_opengraph_jsonld_and_lang() {
        let html = r#"<html lang="id-ID"><head><title>Judul Berita | Situs</title>
            <meta property="og:site_name" content="Kabar Kita">
            <meta property="article:published_time" content="2023-02-04T15:34:00+07:00">
            <link rel="canonical" href="https://kabar.example/berita/1">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"NewsArticle","headline":"Menlu Bertemu Mitranya","datePublished":"2023-02-04T08:34:00Z",
               "author":[{"@type":"Person","name":"Rina Wulandari"},{"@type":"Person","name":"Budi"}],
               "publisher":{"@type":"Organization","name":"Kabar Kita"},"articleBody":"Isi berita."}]}
            </script></head><body><h1>Menlu Bertemu Mitranya</h1></body></html>"#;
        let m = read(&parse(html));
        assert_eq!(m.title.as_deref(), Some("Menlu Bertemu Mitranya"));
        assert_eq!(m.published.as_deref(), Some("2023-02-04T08:34:00Z"));
        assert_eq!(m.authors, ["Rina Wulandari", "Budi"]);
        assert_eq!(m.site_name.as_deref(), Some("Kabar Kita"));
        assert_eq!(m.lang.as_deref(), Some("id-ID"));
        assert_eq!(m.url.as_deref(), Some("https://kabar.example/berita/1"));
        assert_eq!(m.article_body.as_deref(), Some("Isi berita."));
    }

    #[test]
    fn title_suffix_is_stripped() {
        assert_eq!(
            strip_site_suffix("A Long Headline Here | The Site", None),
            "A Long Headline Here"
        );
        assert_eq!(strip_site_suffix("Short | X", None), "Short | X");
    }

    #[test]
    fn broken_jsonld_is_ignored() {
        let m = read(&parse(
            r#"<script type="application/ld+json">{"@type": "NewsArticle",</script>"#,
        ));
        assert_eq!(m, PageMeta::default());
    }
}
