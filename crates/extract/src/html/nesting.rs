//! A guard against pathologically deep markup.
//!
//! html5ever's tree builder checks element scopes by walking its stack of open
//! elements, so a page nested 100 000 levels deep costs quadratic time (about 15 s
//! here). No real page nests beyond a few hundred levels; this cheap pre-pass
//! counts open container tags and, past [`MAX_DEPTH`], drops further start tags
//! (their text stays), keeping the parse linear.

use std::borrow::Cow;

/// Deepest nesting of container tags kept.
pub const MAX_DEPTH: usize = 512;

/// Tags that may be left open deliberately or are closed implicitly; not counted.
const UNCOUNTED: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead",
    "tbody", "tfoot", "rb", "rt", "rp", "colgroup", "caption", "html", "head", "body", "!doctype",
];

/// Return `html` unchanged when its container nesting stays within `max_depth`,
/// else a copy with the start tags beyond that depth removed.
pub fn limit(html: &str, max_depth: usize) -> Cow<'_, str> {
    if max_depth_of(html) <= max_depth {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut depth = 0usize;
    let mut last = 0usize;
    for tag in Tags::new(html) {
        match tag.kind {
            Kind::Open => {
                if depth >= max_depth {
                    out.push_str(html.get(last..tag.start).unwrap_or(""));
                    last = tag.end;
                }
                depth += 1;
            }
            Kind::Close => {
                if depth > max_depth {
                    out.push_str(html.get(last..tag.start).unwrap_or(""));
                    last = tag.end;
                }
                depth = depth.saturating_sub(1);
            }
        }
    }
    out.push_str(html.get(last..).unwrap_or(""));
    Cow::Owned(out)
}

fn max_depth_of(html: &str) -> usize {
    let (mut depth, mut max) = (0usize, 0usize);
    for tag in Tags::new(html) {
        match tag.kind {
            Kind::Open => {
                depth += 1;
                max = max.max(depth);
            }
            Kind::Close => depth = depth.saturating_sub(1),
        }
    }
    max
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Open,
    Close,
}

struct Tag {
    kind: Kind,
    start: usize,
    end: usize,
}

/// Approximate scanner over counted start and end tags; skips comments and the
/// bodies of `script`/`style`.
struct Tags<'a> {
    html: &'a str,
    pos: usize,
}

impl<'a> Tags<'a> {
    fn new(html: &'a str) -> Self {
        Tags { html, pos: 0 }
    }
}

impl Iterator for Tags<'_> {
    type Item = Tag;
    fn next(&mut self) -> Option<Tag> {
        let bytes = self.html.as_bytes();
        loop {
            let rel = memchr_lt(bytes.get(self.pos..)?)?;
            let start = self.pos + rel;
            let rest = bytes.get(start + 1..)?;
            if rest.starts_with(b"!--") {
                let end = find(bytes, start + 4, b"-->").map_or(bytes.len(), |e| e + 3);
                self.pos = end;
                continue;
            }
            let close = rest.first() == Some(&b'/');
            let name_start = start + 1 + usize::from(close);
            let name_len = bytes
                .get(name_start..)?
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'!' || **b == b'-')
                .count();
            let end = bytes
                .get(name_start..)
                .and_then(|b| b.iter().position(|c| *c == b'>'))
                .map_or(bytes.len(), |p| name_start + p + 1);
            self.pos = end.max(start + 1);
            if name_len == 0 {
                continue;
            }
            let name = self
                .html
                .get(name_start..name_start + name_len)
                .unwrap_or("")
                .to_ascii_lowercase();
            let self_closing = bytes.get(end.saturating_sub(2)) == Some(&b'/');
            if !close && (name == "script" || name == "style") {
                let closing = format!("</{name}");
                self.pos = find_ci(bytes, self.pos, closing.as_bytes()).unwrap_or(bytes.len());
                continue;
            }
            if UNCOUNTED.contains(&name.as_str()) || (self_closing && !close) {
                continue;
            }
            return Some(Tag {
                kind: if close { Kind::Close } else { Kind::Open },
                start,
                end,
            });
        }
    }
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(b'<', bytes)
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay.get(from..)?, needle).map(|p| from + p)
}

fn find_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_are_untouched() {
        let html = "<div><p>a<div>b</div></p></div><script>if (a<b) {}</script>";
        assert!(matches!(limit(html, 4), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_pages_are_flattened_and_keep_text() {
        let html = "<div>".repeat(1000) + "kata" + &"</div>".repeat(1000);
        let out = limit(&html, 10);
        assert_eq!(max_depth_of(&out), 10);
        assert!(out.contains("kata"));
    }
}
