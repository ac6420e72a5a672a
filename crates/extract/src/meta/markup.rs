//! HTML remnants in text dumps: tags are stripped (their text kept), entities
//! decoded, and whitespace normalised, in linear time.
//!
//! Crawlers that save "text" often leave an `<a href=…>NAME</a>` or an `&amp;` behind.
//! A hand-written scanner rather than a regex keeps the cost linear even on a
//! pathological line full of `<` with no `>`.

/// A line after markup cleaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cleaned {
    /// The text, tags stripped, entities decoded, whitespace collapsed and trimmed.
    pub text: String,
    /// True when a tag or an entity was found.
    pub had_markup: bool,
}

/// Longest tag looked at; a `<` with no `>` within this many bytes is literal text.
const MAX_TAG_BYTES: usize = 2048;
/// Longest HTML comment looked at.
const MAX_COMMENT_BYTES: usize = 8192;
/// Longest script or style body dropped with its tags.
const MAX_RAW_TEXT_BYTES: usize = 64 * 1024;
/// Longest entity (`&` to `;`).
const MAX_ENTITY_BYTES: usize = 12;

/// Clean one line of a text dump (or one HTML block).
pub(crate) fn clean_line(raw: &str) -> Cleaned {
    let (stripped, tags) = strip_tags(raw);
    let (decoded, entities) = decode_entities(&stripped);
    Cleaned {
        text: normalise_space(&decoded),
        had_markup: tags || entities,
    }
}

/// Remove tags and comments; inline tags vanish, block tags become a space.
fn strip_tags(s: &str) -> (String, bool) {
    let mut out = String::with_capacity(s.len());
    let mut last = 0usize;
    let mut from = 0usize;
    let mut found = false;
    let mut closers = Closers::default();
    while let Some(off) = s.get(from..).and_then(|rest| rest.find('<')) {
        let lt = from + off;
        match tag_at(s, lt, &mut closers) {
            Some((end, inline)) => {
                out.push_str(s.get(last..lt).unwrap_or(""));
                if !inline {
                    out.push(' ');
                }
                last = end;
                from = end;
                found = true;
            }
            None => from = lt + 1,
        }
    }
    out.push_str(s.get(last..).unwrap_or(""));
    (out, found)
}

/// Positions of comment ends and raw-text closing tags in a line, found once (on
/// first need) so that many unclosed `<!--` or `<script>` stay linear.
#[derive(Default)]
struct Closers {
    /// Sorted byte offsets of `-->`, `</script`, `</style` (ASCII case-insensitive).
    found: Option<[Vec<usize>; 3]>,
}

impl Closers {
    /// The first offset ≥ `from` of closer `kind` (0 comment, 1 script, 2 style).
    fn next(&mut self, s: &str, kind: usize, from: usize) -> Option<usize> {
        let found = self.found.get_or_insert_with(|| {
            let lower = s.to_ascii_lowercase();
            ["-->", "</script", "</style"]
                .map(|pat| lower.match_indices(pat).map(|(i, _)| i).collect())
        });
        let list = found.get(kind)?;
        let at = list.partition_point(|&p| p < from);
        list.get(at).copied()
    }
}

/// If a tag or comment starts at byte `lt` (a `<`), its end and whether it is inline.
fn tag_at(s: &str, lt: usize, closers: &mut Closers) -> Option<(usize, bool)> {
    let rest = s.get(lt + 1..)?;
    if rest.starts_with("!--") {
        let close = closers.next(s, 0, lt + 4)?;
        return (close - lt <= MAX_COMMENT_BYTES).then_some((close + 3, false));
    }
    let bytes = rest.as_bytes();
    let mut i = 0;
    if matches!(bytes.first(), Some(b'/') | Some(b'!') | Some(b'?')) {
        i = 1;
    }
    if !bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let name_start = i;
    while bytes
        .get(i)
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b':' || *b == b'-')
    {
        i += 1;
    }
    let name = rest.get(name_start..i)?;
    if !is_element_name(name) {
        return None;
    }
    if !matches!(
        bytes.get(i),
        Some(b'>') | Some(b'/') | Some(b' ' | b'\t' | b'\n' | b'\r')
    ) {
        return None;
    }
    let limit = bytes.len().min(MAX_TAG_BYTES);
    let close = bytes
        .get(i..limit)?
        .iter()
        .position(|b| *b == b'>' || *b == b'<')?;
    if bytes.get(i + close) != Some(&b'>') {
        return None;
    }
    let end = lt + 1 + i + close + 1;
    if name_start == 0 && is_raw_text(name) {
        // Drop a script's or style's code with its tags.
        let kind = if name.eq_ignore_ascii_case("script") {
            1
        } else {
            2
        };
        if let Some(at) = closers
            .next(s, kind, end)
            .filter(|&at| at - end <= MAX_RAW_TEXT_BYTES)
        {
            let tail = s.get(at..)?;
            let gt = tail
                .get(..crate::meta::names::floor_boundary(tail, MAX_TAG_BYTES))?
                .find('>')?;
            return Some((at + gt + 1, false));
        }
    }
    Some((end, is_inline(name)))
}

/// Elements whose content is code, not text.
fn is_raw_text(name: &str) -> bool {
    name.eq_ignore_ascii_case("script") || name.eq_ignore_ascii_case("style")
}

/// An HTML element name (or a custom/namespaced one such as `amp-img`, `o:p`), so
/// that "<Rp 10.000 … >" in prose is not taken for a tag.
fn is_element_name(name: &str) -> bool {
    const ELEMENTS: &[&str] = &[
        "a",
        "abbr",
        "address",
        "area",
        "article",
        "aside",
        "audio",
        "b",
        "base",
        "bdi",
        "bdo",
        "blockquote",
        "body",
        "br",
        "button",
        "canvas",
        "caption",
        "center",
        "cite",
        "code",
        "col",
        "colgroup",
        "data",
        "dd",
        "del",
        "details",
        "dfn",
        "dialog",
        "div",
        "dl",
        "doctype",
        "dt",
        "em",
        "embed",
        "fieldset",
        "figcaption",
        "figure",
        "font",
        "footer",
        "form",
        "g",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hr",
        "html",
        "i",
        "iframe",
        "img",
        "input",
        "ins",
        "kbd",
        "label",
        "legend",
        "li",
        "link",
        "main",
        "mark",
        "menu",
        "meta",
        "nav",
        "noscript",
        "object",
        "ol",
        "optgroup",
        "option",
        "p",
        "param",
        "path",
        "picture",
        "pre",
        "q",
        "s",
        "samp",
        "script",
        "section",
        "select",
        "small",
        "source",
        "span",
        "strike",
        "strong",
        "style",
        "sub",
        "summary",
        "sup",
        "svg",
        "table",
        "tbody",
        "td",
        "template",
        "textarea",
        "tfoot",
        "th",
        "thead",
        "time",
        "title",
        "tr",
        "track",
        "tt",
        "u",
        "ul",
        "var",
        "video",
        "wbr",
    ];
    name.contains(['-', ':']) || ELEMENTS.iter().any(|e| e.eq_ignore_ascii_case(name))
}

/// Phrasing elements: their tags vanish without a space (`<b>Jakarta</b>,`).
fn is_inline(name: &str) -> bool {
    const INLINE: &[&str] = &[
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i",
        "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup",
        "time", "tt", "u", "var",
    ];
    INLINE.iter().any(|t| t.eq_ignore_ascii_case(name))
}

/// Decode `&name;`, `&#123;` and `&#x1F;` entities; unknown ones stay as printed.
fn decode_entities(s: &str) -> (String, bool) {
    if !s.contains('&') {
        return (s.to_string(), false);
    }
    let mut out = String::with_capacity(s.len());
    let mut found = false;
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or(""));
        let after = rest.get(amp + 1..).unwrap_or("");
        let window = after.get(..crate::meta::names::floor_boundary(after, MAX_ENTITY_BYTES));
        let decoded = window
            .and_then(|w| w.find(';'))
            .and_then(|semi| Some((after.get(..semi)?, semi)))
            .and_then(|(name, semi)| Some((entity(name)?, semi)));
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                found = true;
                rest = after.get(semi + 1..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    (out, found)
}

/// The char an entity name (without `&` and `;`) stands for.
fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    const NAMED: &[(&str, char)] = &[
        ("amp", '&'),
        ("lt", '<'),
        ("gt", '>'),
        ("quot", '"'),
        ("apos", '\''),
        ("nbsp", '\u{a0}'),
        ("ndash", '–'),
        ("mdash", '—'),
        ("hellip", '…'),
        ("lsquo", '‘'),
        ("rsquo", '’'),
        ("ldquo", '“'),
        ("rdquo", '”'),
        ("laquo", '«'),
        ("raquo", '»'),
        ("bull", '•'),
        ("middot", '·'),
        ("copy", '©'),
        ("reg", '®'),
        ("trade", '™'),
        ("deg", '°'),
        ("times", '×'),
        ("eacute", 'é'),
        ("egrave", 'è'),
        ("aacute", 'á'),
        ("oacute", 'ó'),
        ("uuml", 'ü'),
        ("ouml", 'ö'),
        ("auml", 'ä'),
        ("shy", '\u{ad}'),
        ("zwj", '\u{200d}'),
        ("zwnj", '\u{200c}'),
    ];
    NAMED.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

/// Collapse whitespace (including no-break and other Unicode spaces) to single
/// spaces, drop zero-width and control chars, and trim.
pub(crate) fn normalise_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.chars() {
        if matches!(
            c,
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
        ) {
            continue;
        }
        if c.is_whitespace() || c.is_control() {
            gap = true;
            continue;
        }
        if gap && !out.is_empty() {
            out.push(' ');
        }
        gap = false;
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_tags_keep_their_text() {
        let c = clean_line(" LAPORAN: <a href='https://x.example/a-1'>BUDI SANTOSO</a>");
        assert_eq!(c.text, "LAPORAN: BUDI SANTOSO");
        assert!(c.had_markup);
    }

    #[test]
    fn block_tags_separate_words_and_comments_vanish() {
        let c = clean_line("satu<br>dua<!-- iklan --> <b>tiga</b>,");
        assert_eq!(c.text, "satu dua tiga,");
    }

    #[test]
    fn entities_and_spaces() {
        let c =
            clean_line("Baca&nbsp;Juga :\u{a0} A &amp; B &#8211; C &bogus; &#x27;D&#39;\u{200b}");
        assert_eq!(c.text, "Baca Juga : A & B – C &bogus; 'D'");
    }

    #[test]
    fn stray_angle_brackets_are_text() {
        assert_eq!(
            clean_line("harga <Rp 10.000 dan x > y").text,
            "harga <Rp 10.000 dan x > y"
        );
        assert_eq!(clean_line("a <b <i>c</i>").text, "a <b c");
        assert_eq!(clean_line("<").text, "<");
        assert_eq!(clean_line("&").text, "&");
        assert_eq!(clean_line("&#xFFFFFFFF;").text, "&#xFFFFFFFF;");
    }

    #[test]
    fn scripts_lose_their_code() {
        let c = clean_line("Teks <script type=\"x\">var a = 1 < 2;</script> lanjut <o:p></o:p>.");
        assert_eq!(c.text, "Teks lanjut .");
    }

    #[test]
    fn only_markup_is_empty() {
        let c = clean_line("<div class=\"ad\"></div>");
        assert_eq!(c.text, "");
        assert!(c.had_markup);
    }
}
