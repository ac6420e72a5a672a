//! Telling formats apart: by file name first, by content when the name says nothing.

use std::path::Path;

/// The container or document format of an input, before any gzip layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// One plain-text document per file.
    Text,
    /// One HTML page per file.
    Html,
    /// One JSON object per line (`.jsonl`, `.ndjson`).
    Jsonl,
    /// WARC records (`.warc`; `.warc.gz` when gzip-compressed).
    Warc,
}

/// What a file name says about its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct NameHint {
    /// Format from the (inner) extension, if it is a known one.
    pub format: Option<Format>,
    /// The name ends in `.gz` / `.gzip`.
    pub gzip: bool,
}

impl Format {
    /// The format a file extension (without the dot, any case) stands for.
    pub fn from_extension(ext: &str) -> Option<Format> {
        let ext = ext.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "html" | "htm" | "xhtml" | "shtml" => Some(Format::Html),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "warc" => Some(Format::Warc),
            _ => None,
        }
    }
}

/// Read the format hints out of a file name: `a.warc.gz` → WARC, gzip.
pub(crate) fn name_hint(name: &str) -> NameHint {
    let file = Path::new(name)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut stem = file.as_str();
    let mut gzip = false;
    if let Some((rest, ext)) = stem.rsplit_once('.')
        && (ext.eq_ignore_ascii_case("gz") || ext.eq_ignore_ascii_case("gzip"))
    {
        gzip = true;
        stem = rest;
    }
    let format = stem
        .rsplit_once('.')
        .and_then(|(_, ext)| Format::from_extension(ext));
    NameHint { format, gzip }
}

/// True when `bytes` start with the gzip magic `1f 8b`.
pub(crate) fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// Guess the format from the first bytes of a (decompressed) stream.
pub(crate) fn sniff(head: &[u8]) -> Format {
    let body = strip_bom(head);
    if body.starts_with(b"WARC/") {
        return Format::Warc;
    }
    let first = body.iter().position(|b| !b.is_ascii_whitespace());
    let rest = first.and_then(|i| body.get(i..)).unwrap_or_default();
    if rest.first() == Some(&b'{') {
        return Format::Jsonl;
    }
    if looks_like_html(rest) {
        Format::Html
    } else {
        Format::Text
    }
}

/// The bytes after a UTF-8 BOM, if any.
fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// Tags whose presence in the first kilobyte marks a page as HTML.
const HTML_MARKERS: [&[u8]; 12] = [
    b"<!doctype",
    b"<html",
    b"<head",
    b"<body",
    b"<div",
    b"<p>",
    b"<p ",
    b"<meta",
    b"<title",
    b"<article",
    b"<script",
    b"<?xml",
];

/// True when an HTML marker tag appears near the start of `bytes`.
pub(crate) fn looks_like_html(bytes: &[u8]) -> bool {
    let head = bytes.get(..1024).unwrap_or(bytes);
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    HTML_MARKERS
        .iter()
        .any(|m| memchr::memmem::find(&lower, m).is_some())
}

/// True when the first 8 KiB look like binary data rather than text: more than 1%
/// NUL bytes or more than 5% other control characters. UTF-16 with a BOM is text.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes)
        && (enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE)
    {
        return false;
    }
    let head = bytes.get(..8192).unwrap_or(bytes);
    if head.is_empty() {
        return false;
    }
    let mut nul = 0usize;
    let mut ctrl = 0usize;
    for &b in head {
        if b == 0 {
            nul += 1;
        }
        if (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)) || b == 0x7f {
            ctrl += 1;
        }
    }
    nul.saturating_mul(100) > head.len() || ctrl.saturating_mul(20) > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(
            name_hint("/x/CC-MAIN-1.warc.gz"),
            NameHint {
                format: Some(Format::Warc),
                gzip: true
            }
        );
        assert_eq!(name_hint("a.JSONL").format, Some(Format::Jsonl));
        assert_eq!(name_hint("a.ndjson.gz").format, Some(Format::Jsonl));
        assert_eq!(name_hint("page.xhtml").format, Some(Format::Html));
        assert_eq!(
            name_hint("data.gz"),
            NameHint {
                format: None,
                gzip: true
            }
        );
        assert_eq!(name_hint("-"), NameHint::default());
        assert_eq!(name_hint("README").format, None);
    }

    #[test]
    fn sniffing() {
        assert_eq!(sniff(b"WARC/1.1\r\n"), Format::Warc);
        assert_eq!(sniff(b"  \n{\"text\":1}"), Format::Jsonl);
        assert_eq!(sniff(b"\xEF\xBB\xBF<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(sniff(b"hello <DIV class=x>"), Format::Html);
        assert_eq!(sniff(b"Jakarta - Presiden"), Format::Text);
        assert_eq!(sniff(b""), Format::Text);
    }

    #[test]
    fn binary() {
        assert!(looks_binary(
            b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0"
        ));
        assert!(!looks_binary("Berita hari ini\r\n\tcafé".as_bytes()));
        assert!(!looks_binary(b"\xFF\xFEa\0b\0c\0"));
        let mut x = 0x1234_5678u32;
        let random: Vec<u8> = (0..8192)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                x as u8
            })
            .collect();
        assert!(looks_binary(&random));
    }
}
