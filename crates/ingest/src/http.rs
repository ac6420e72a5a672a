//! The HTTP response inside a WARC `response` record: status line, headers,
//! chunked transfer coding and gzip/deflate content coding.

use std::io::Read;

/// The parts of an HTTP response head that matter for reading the page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct HttpHead {
    /// Status code, when the status line could be read.
    pub status: Option<u16>,
    /// Media type, lower-cased, without parameters (`text/html`).
    pub media_type: Option<String>,
    /// The `charset` parameter of `Content-Type`.
    pub charset: Option<String>,
    /// First tag of `Content-Language`.
    pub language: Option<String>,
    /// `Transfer-Encoding: chunked` was declared.
    pub chunked: bool,
    /// `Content-Encoding` codings, lower-cased, in the order applied.
    pub content_encoding: Vec<String>,
}

impl HttpHead {
    /// Parse the status line.
    pub fn status_line(&mut self, line: &[u8]) {
        let text = String::from_utf8_lossy(line);
        self.status = text
            .split_ascii_whitespace()
            .nth(1)
            .and_then(|s| s.parse::<u16>().ok());
    }

    /// Take in one header line (`Name: value`).
    pub fn header_line(&mut self, line: &[u8]) {
        let text = String::from_utf8_lossy(line);
        let Some((name, value)) = text.split_once(':') else {
            return;
        };
        let name = name.trim();
        let value = value.trim();
        if name.eq_ignore_ascii_case("content-type") {
            let media = value
                .split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase();
            self.media_type = (!media.is_empty()).then_some(media);
            self.charset = crate::decode::charset_param(value).map(str::to_string);
        } else if name.eq_ignore_ascii_case("content-language") {
            self.language = value
                .split(',')
                .next()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string);
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            self.chunked = value
                .split(',')
                .any(|t| t.trim().eq_ignore_ascii_case("chunked"));
        } else if name.eq_ignore_ascii_case("content-encoding") {
            self.content_encoding = value
                .split(',')
                .map(|t| t.trim().to_ascii_lowercase())
                .filter(|t| !t.is_empty() && t != "identity")
                .collect();
        }
    }
}

/// What kind of document a media type holds, if any.
pub(crate) fn doc_kind_of(media_type: &str) -> Option<crate::DocKind> {
    match media_type {
        "text/html" | "application/xhtml+xml" | "application/vnd.wap.xhtml+xml" => {
            Some(crate::DocKind::Html)
        }
        "text/plain" => Some(crate::DocKind::Text),
        _ => None,
    }
}

/// Undo `Transfer-Encoding: chunked`; `None` when the body is not well-formed
/// chunked data (crawlers often store the body already de-chunked while keeping
/// the header, so the caller then uses the body as is).
pub(crate) fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    loop {
        let nl = memchr::memchr(b'\n', rest)?;
        let line = rest.get(..nl)?;
        let line = std::str::from_utf8(line).ok()?;
        let size_text = line.split(';').next()?.trim();
        if size_text.is_empty() {
            return None;
        }
        let size = usize::from_str_radix(size_text, 16).ok()?;
        rest = rest.get(nl + 1..)?;
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(rest.get(..size)?);
        rest = rest.get(size..)?;
        rest = rest
            .strip_prefix(b"\r\n")
            .or_else(|| rest.strip_prefix(b"\n"))
            .unwrap_or(rest);
        if rest.is_empty() {
            // Truncated after a complete chunk: keep what arrived.
            return Some(out);
        }
    }
}

/// Why a content coding could not be undone.
#[derive(Debug, thiserror::Error)]
pub(crate) enum ContentError {
    /// Decoded size passed the limit.
    #[error("decoded content exceeds the limit of {0} bytes (max_doc_bytes)")]
    TooLarge(usize),
    /// The coding is not one this crate implements.
    #[error("unsupported Content-Encoding `{0}`")]
    Unsupported(String),
    /// The compressed data is damaged.
    #[error("corrupt {coding} content: {error}")]
    Corrupt {
        /// The coding.
        coding: String,
        /// The decoder's error.
        error: std::io::Error,
    },
}

/// Undo the content codings (last applied first), never producing more than `max` bytes.
pub(crate) fn decode_content(
    mut body: Vec<u8>,
    codings: &[String],
    max: usize,
) -> Result<Vec<u8>, ContentError> {
    for coding in codings.iter().rev() {
        body = match coding.as_str() {
            "gzip" | "x-gzip" => {
                if !crate::sniff::is_gzip(&body) {
                    // Stored already decoded (as Common Crawl does): keep it.
                    continue;
                }
                inflate(flate2::bufread::MultiGzDecoder::new(&body[..]), coding, max)?
            }
            "deflate" => {
                if body.first().is_some_and(|b| b & 0x0f == 8) {
                    match inflate(flate2::bufread::ZlibDecoder::new(&body[..]), coding, max) {
                        Ok(v) => v,
                        Err(ContentError::Corrupt { .. }) => {
                            inflate(flate2::bufread::DeflateDecoder::new(&body[..]), coding, max)?
                        }
                        Err(e) => return Err(e),
                    }
                } else {
                    inflate(flate2::bufread::DeflateDecoder::new(&body[..]), coding, max)?
                }
            }
            other => return Err(ContentError::Unsupported(other.to_string())),
        };
    }
    Ok(body)
}

/// Read a decoder to its end, stopping past `max` bytes (decompression-bomb guard).
fn inflate(decoder: impl Read, coding: &str, max: usize) -> Result<Vec<u8>, ContentError> {
    let mut out = Vec::new();
    let limit = (max as u64).saturating_add(1);
    match decoder.take(limit).read_to_end(&mut out) {
        Ok(_) if out.len() > max => Err(ContentError::TooLarge(max)),
        Ok(_) => Ok(out),
        Err(error) => Err(ContentError::Corrupt {
            coding: coding.to_string(),
            error,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn head() {
        let mut h = HttpHead::default();
        h.status_line(b"HTTP/1.1 200 OK");
        h.header_line(b"Content-Type: text/HTML; charset=\"ISO-8859-1\"");
        h.header_line(b"content-language: id-ID, en");
        h.header_line(b"Transfer-Encoding: chunked");
        h.header_line(b"Content-Encoding: identity, gzip");
        assert_eq!(h.status, Some(200));
        assert_eq!(h.media_type.as_deref(), Some("text/html"));
        assert_eq!(h.charset.as_deref(), Some("ISO-8859-1"));
        assert_eq!(h.language.as_deref(), Some("id-ID"));
        assert!(h.chunked);
        assert_eq!(h.content_encoding, ["gzip"]);
    }

    #[test]
    fn chunked() {
        assert_eq!(
            dechunk(b"4\r\nWiki\r\n5;x=1\r\npedia\r\n0\r\n\r\n").unwrap(),
            b"Wikipedia"
        );
        assert_eq!(dechunk(b"<html>"), None);
        assert_eq!(dechunk(b"ff\r\nshort"), None);
    }

    #[test]
    fn content_codings() {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(&[b'a'; 10_000]).unwrap();
        let gz = enc.finish().unwrap();
        let codings = vec!["gzip".to_string()];
        assert_eq!(
            decode_content(gz.clone(), &codings, 20_000).unwrap().len(),
            10_000
        );
        assert!(matches!(
            decode_content(gz.clone(), &codings, 100),
            Err(ContentError::TooLarge(100))
        ));
        assert!(matches!(
            decode_content(gz[..gz.len() / 2].to_vec(), &codings, 20_000),
            Err(ContentError::Corrupt { .. })
        ));
        assert_eq!(
            decode_content(b"plain".to_vec(), &codings, 100).unwrap(),
            b"plain"
        );
        assert!(matches!(
            decode_content(b"x".to_vec(), &["br".to_string()], 100),
            Err(ContentError::Unsupported(_))
        ));
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(b"hello").unwrap();
        let z = z.finish().unwrap();
        assert_eq!(
            decode_content(z, &["deflate".to_string()], 100).unwrap(),
            b"hello"
        );
    }
}
