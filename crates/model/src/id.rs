//! Stable article ids.

use xxhash_rust::xxh3::xxh3_128;

/// The id of an article: 32 hex digits of XXH3-128 over the normalised clean text,
/// a NUL, and the source key.
///
/// The source key is the article's URL when one is known, otherwise the input's
/// file name (not its directory, so moving a corpus keeps its ids) plus, for
/// containers, the member or record position. Normalisation (see
/// [`normalise_for_id`]) makes the id survive whitespace and case noise between
/// two crawls of the same page.
pub fn article_id(clean_text: &str, source_key: &str) -> String {
    let mut buf = normalise_for_id(clean_text);
    buf.push('\0');
    buf.push_str(source_key.trim());
    format!("{:032x}", xxh3_128(buf.as_bytes()))
}

/// Lower-case the text and collapse every run of whitespace to one space.
pub fn normalise_for_id(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_ignores_whitespace_and_case() {
        let a = article_id("Rusia dan  China\n\nbertemu.", "a.txt");
        let b = article_id(" rusia dan china bertemu.", "a.txt");
        assert_eq!(a, b);
        assert_eq!(a.len(), 32);
        assert_ne!(a, article_id("rusia dan china bertemu.", "b.txt"));
    }
}
