//! Decoding documents to UTF-8.
//!
//! Order of evidence, strongest first: a byte-order mark; the charset declared by
//! the HTTP `Content-Type` header (WARC) or, for HTML, by `<meta charset>` /
//! `<meta http-equiv=Content-Type>` in the first 4 KiB; then, for bytes that are
//! not valid UTF-8, the chardetng detector (hinted with the URL's top-level
//! domain). Two pragmatic overrides, because the web lies about charsets: bytes
//! that are valid UTF-8 and contain multi-byte sequences are decoded as UTF-8 even
//! when a legacy single-byte charset is declared (a CMS converted the page but not
//! its header), and bytes that are *mostly* valid UTF-8 are decoded as UTF-8 with
//! replacement characters rather than handed to the detector. Decoding never
//! fails: malformed sequences become U+FFFD.

use encoding_rs::{Encoding, UTF_8};

/// How many bytes of an HTML page are scanned for a `<meta>` charset.
const META_SCAN: usize = 4096;

/// How many bytes chardetng sees (enough for a confident guess, cheap on huge pages).
const DETECT_SCAN: usize = 256 * 1024;

/// Decode `bytes` to a `String`, returning it with the name of the encoding used.
///
/// `declared` is an HTTP charset label; `html` enables the `<meta>` prescan;
/// `url` supplies the top-level-domain hint for the detector.
pub(crate) fn decode(
    bytes: Vec<u8>,
    declared: Option<&str>,
    html: bool,
    url: Option<&str>,
) -> (String, &'static str) {
    if let Some((enc, bom_len)) = Encoding::for_bom(&bytes) {
        let rest = bytes.get(bom_len..).unwrap_or_default();
        let (text, _) = enc.decode_without_bom_handling(rest);
        return (text.into_owned(), enc.name());
    }
    let claimed = declared
        .and_then(label_to_encoding)
        .or_else(|| if html { meta_charset(&bytes) } else { None });
    // One validation pass; valid UTF-8 is moved into the String without copying.
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => {
            return match claimed {
                // Pure ASCII reads the same in every ASCII-compatible encoding;
                // valid UTF-8 with multi-byte characters is UTF-8 whatever the
                // label says.
                Some(enc) if enc != UTF_8 && !enc.is_ascii_compatible() => {
                    let (t, _) = enc.decode_without_bom_handling(text.as_bytes());
                    (t.into_owned(), enc.name())
                }
                Some(enc) if enc != UTF_8 && text.is_ascii() => (text, enc.name()),
                _ => (text, UTF_8.name()),
            };
        }
        Err(e) => e.into_bytes(),
    };
    let enc = match claimed {
        Some(enc) => enc,
        None if Utf8Stats::of(&bytes).mostly_valid() => UTF_8,
        None => detect(&bytes, url),
    };
    if enc == UTF_8 {
        return (String::from_utf8_lossy(&bytes).into_owned(), UTF_8.name());
    }
    let (text, _) = enc.decode_without_bom_handling(&bytes);
    (text.into_owned(), enc.name())
}

/// Map a charset label to an encoding, ignoring labels that would destroy the text
/// (the WHATWG "replacement" encoding) and unknown ones.
pub(crate) fn label_to_encoding(label: &str) -> Option<&'static Encoding> {
    let label = label.trim().trim_matches(|c| c == '"' || c == '\'');
    let enc = Encoding::for_label(label.as_bytes())?;
    (enc != encoding_rs::REPLACEMENT).then_some(enc)
}

/// Counts from one pass over bytes that are not valid UTF-8.
#[derive(Debug, Clone, Copy)]
struct Utf8Stats {
    /// Valid multi-byte characters.
    multibyte: usize,
    /// Invalid sequences.
    invalid: usize,
}

impl Utf8Stats {
    fn of(bytes: &[u8]) -> Utf8Stats {
        let mut stats = Utf8Stats {
            multibyte: 0,
            invalid: 0,
        };
        for chunk in bytes.utf8_chunks() {
            stats.multibyte += chunk.valid().bytes().filter(|b| *b >= 0xC0).count();
            if !chunk.invalid().is_empty() {
                stats.invalid += 1;
            }
        }
        stats
    }

    /// More well-formed multi-byte characters than broken sequences: UTF-8 with
    /// some damage, not a legacy encoding (where valid multi-byte pairs are rare).
    fn mostly_valid(self) -> bool {
        self.multibyte > self.invalid
    }
}

/// Guess the encoding with chardetng, hinting the URL's top-level domain.
fn detect(bytes: &[u8], url: Option<&str>) -> &'static Encoding {
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    let sample = bytes.get(..DETECT_SCAN).unwrap_or(bytes);
    det.feed(sample, sample.len() == bytes.len());
    let tld = url.and_then(tld_of);
    // `tld_of` only returns lower-case ASCII labels without dots, which is what
    // `guess` requires (it panics otherwise).
    det.guess(
        tld.as_deref().map(str::as_bytes),
        chardetng::Utf8Detection::Allow,
    )
}

/// The top-level domain of a URL's host (`"id"` for `https://www.detik.id/x`).
pub(crate) fn tld_of(url: &str) -> Option<String> {
    let after_scheme = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = after_scheme
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default();
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = host
        .split(':')
        .next()
        .unwrap_or_default()
        .trim_end_matches('.');
    let tld = host.rsplit_once('.').map(|(_, t)| t)?;
    (!tld.is_empty()
        && tld.len() <= 63
        && tld.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
    .then(|| tld.to_ascii_lowercase())
}

/// The encoding declared by a `<meta>` tag in the first 4 KiB of an HTML page.
///
/// A simplified form of the WHATWG prescan: skips comments, reads `<meta>`
/// attributes (`charset`, or `http-equiv=content-type` with `content`), ignores
/// other tags. UTF-16 labels mean UTF-8 here, as in browsers (a page that could
/// be scanned as ASCII is not UTF-16).
pub(crate) fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..META_SCAN).unwrap_or(bytes);
    let mut i = 0usize;
    while i < head.len() {
        let rest = head.get(i..)?;
        let lt = memchr::memchr(b'<', rest)?;
        i += lt;
        let tag = head.get(i..)?;
        if tag.starts_with(b"<!--") {
            match memchr::memmem::find(tag.get(4..)?, b"-->") {
                Some(end) => i += 4 + end + 3,
                None => return None,
            }
            continue;
        }
        if tag.len() >= 6
            && tag
                .get(1..5)
                .is_some_and(|t| t.eq_ignore_ascii_case(b"meta"))
            && tag
                .get(5)
                .is_some_and(|b| b.is_ascii_whitespace() || *b == b'/')
        {
            let (enc, used) = parse_meta(tag.get(5..)?);
            if let Some(enc) = enc {
                return Some(
                    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                        UTF_8
                    } else if enc == encoding_rs::X_USER_DEFINED {
                        encoding_rs::WINDOWS_1252
                    } else {
                        enc
                    },
                );
            }
            i += 5 + used;
            continue;
        }
        // Any other markup: skip to the end of the tag.
        match memchr::memchr(b'>', tag) {
            Some(gt) => i += gt + 1,
            None => return None,
        }
    }
    None
}

/// Read the attributes of a `<meta` tag (starting just after `<meta`); returns the
/// declared encoding and the bytes consumed.
fn parse_meta(attrs: &[u8]) -> (Option<&'static Encoding>, usize) {
    let mut charset = None;
    let mut content = None;
    let mut http_equiv_ct = false;
    let mut i = 0usize;
    loop {
        // Skip whitespace and slashes.
        while attrs
            .get(i)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'/')
        {
            i += 1;
        }
        match attrs.get(i) {
            None => break,
            Some(b'>') => {
                i += 1;
                break;
            }
            _ => {}
        }
        let name_start = i;
        while attrs
            .get(i)
            .is_some_and(|b| !b.is_ascii_whitespace() && !matches!(b, b'=' | b'>' | b'/'))
        {
            i += 1;
        }
        let name = attrs.get(name_start..i).unwrap_or_default();
        while attrs.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        let mut value: &[u8] = b"";
        if attrs.get(i) == Some(&b'=') {
            i += 1;
            while attrs.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
            }
            match attrs.get(i) {
                Some(&q) if q == b'"' || q == b'\'' => {
                    let start = i + 1;
                    let len = attrs
                        .get(start..)
                        .and_then(|r| memchr::memchr(q, r))
                        .unwrap_or(attrs.len().saturating_sub(start));
                    value = attrs.get(start..start + len).unwrap_or_default();
                    i = start + len + 1;
                }
                _ => {
                    let start = i;
                    while attrs
                        .get(i)
                        .is_some_and(|b| !b.is_ascii_whitespace() && *b != b'>')
                    {
                        i += 1;
                    }
                    value = attrs.get(start..i).unwrap_or_default();
                }
            }
        }
        if name.eq_ignore_ascii_case(b"charset") && charset.is_none() {
            charset = std::str::from_utf8(value).ok().and_then(label_to_encoding);
        } else if name.eq_ignore_ascii_case(b"content") && content.is_none() {
            content = Some(value);
        } else if name.eq_ignore_ascii_case(b"http-equiv") {
            http_equiv_ct = value.eq_ignore_ascii_case(b"content-type");
        }
        if name.is_empty() && i == name_start {
            // Defensive: never loop without progress.
            i += 1;
        }
    }
    let enc = charset.or_else(|| {
        if http_equiv_ct {
            content
                .and_then(|c| std::str::from_utf8(c).ok())
                .and_then(charset_param)
                .and_then(label_to_encoding)
        } else {
            None
        }
    });
    (enc, i.min(attrs.len()))
}

/// The `charset=` parameter of a `Content-Type` value (`text/html; charset=utf-8`).
pub(crate) fn charset_param(content_type: &str) -> Option<&str> {
    let lower = content_type.to_ascii_lowercase();
    let at = lower.find("charset")?;
    let rest = content_type.get(at + "charset".len()..)?.trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let value = if let Some(q) = rest.strip_prefix('"') {
        q.split('"').next().unwrap_or_default()
    } else if let Some(q) = rest.strip_prefix('\'') {
        q.split('\'').next().unwrap_or_default()
    } else {
        rest.split([';', ' ', '\t', ',']).next().unwrap_or_default()
    };
    (!value.is_empty()).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_wins() {
        let (t, e) = decode(
            b"\xEF\xBB\xBFhalo".to_vec(),
            Some("windows-1252"),
            true,
            None,
        );
        assert_eq!((t.as_str(), e), ("halo", "UTF-8"));
        let (t, e) = decode(b"\xFF\xFEh\0i\0".to_vec(), None, false, None);
        assert_eq!((t.as_str(), e), ("hi", "UTF-16LE"));
    }

    #[test]
    fn declared_charsets() {
        let (t, e) = decode(b"caf\xE9".to_vec(), Some("iso-8859-1"), false, None);
        assert_eq!((t.as_str(), e), ("café", "windows-1252"));
        // Valid UTF-8 with multibyte text beats a legacy declaration.
        let (t, e) = decode("café".as_bytes().to_vec(), Some("iso-8859-1"), false, None);
        assert_eq!((t.as_str(), e), ("café", "UTF-8"));
        // Claimed UTF-8 but broken: replacement, not failure.
        let (t, e) = decode(b"a\xFFb".to_vec(), Some("utf-8"), false, None);
        assert_eq!((t.as_str(), e), ("a\u{FFFD}b", "UTF-8"));
    }

    #[test]
    fn meta_prescan() {
        let page = b"<!-- <meta charset=koi8-r> --><html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head>";
        assert_eq!(meta_charset(page), Some(encoding_rs::WINDOWS_1251));
        assert_eq!(
            meta_charset(b"<META CHARSET='gbk'>"),
            Some(encoding_rs::GBK)
        );
        assert_eq!(meta_charset(b"<meta charset=\"utf-16\">"), Some(UTF_8));
        assert_eq!(meta_charset(b"<meta name=x content='charset=gbk'>"), None);
        assert_eq!(meta_charset(b"<meta"), None);
        let (t, e) = decode(
            b"<meta charset=windows-1252><p>caf\xE9".to_vec(),
            None,
            true,
            None,
        );
        assert_eq!(e, "windows-1252");
        assert!(t.ends_with("café"));
    }

    #[test]
    fn detection_and_tld() {
        assert_eq!(
            tld_of("https://user@www.Detik.ID:443/a?b").as_deref(),
            Some("id")
        );
        assert_eq!(tld_of("localhost"), None);
        let text = "Ceci est un texte français assez long pour que le détecteur soit sûr: été, où, très, déjà."
            .to_string();
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
        let (t, e) = decode(bytes.into_owned(), None, false, Some("http://x.fr/"));
        assert_eq!(e, "windows-1252");
        assert_eq!(t, text);
        // Mostly UTF-8 with one stray byte stays UTF-8.
        let mut b = "déjà vu, très bien".as_bytes().to_vec();
        b.push(0xFF);
        assert_eq!(decode(b, None, false, None).1, "UTF-8");
    }

    #[test]
    fn charset_params() {
        assert_eq!(charset_param("text/html; Charset=\"UTF-8\""), Some("UTF-8"));
        assert_eq!(charset_param("text/html;charset=gbk;x=1"), Some("gbk"));
        assert_eq!(charset_param("text/html"), None);
    }
}
