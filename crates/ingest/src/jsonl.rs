//! JSON Lines: one object per line with `text` or `html`, plus optional metadata.
//!
//! A line that is not such an object is an error for that line only, named
//! `path:LINE` (1-based); blank lines are skipped. Lines longer than
//! `max_doc_bytes` are skipped without being stored.

use std::io::Read;

use serde::Deserialize;

use crate::error::{ErrorKind, IngestError};
use crate::single::{Ctx, stream_error};
use crate::source::{LineRead, Source};
use crate::{DocHints, DocKind, RawDoc};

/// A metadata value: strings are taken as they are, numbers and booleans as their
/// JSON text (`"published": 1700000000`), anything else ignored.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Meta {
    Str(String),
    Num(serde_json::Number),
    Bool(bool),
    Other(serde::de::IgnoredAny),
}

impl Meta {
    fn into_string(self) -> Option<String> {
        let s = match self {
            Meta::Str(s) => s,
            Meta::Num(n) => n.to_string(),
            Meta::Bool(b) => b.to_string(),
            Meta::Other(_) => return None,
        };
        let t = s.trim();
        if t.is_empty() {
            None
        } else if t.len() == s.len() {
            Some(s)
        } else {
            Some(t.to_string())
        }
    }
}

/// The fields of one JSONL record that this crate reads; others are ignored.
#[derive(Debug, Deserialize)]
struct Record {
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    html: Option<String>,
    #[serde(default)]
    url: Option<Meta>,
    #[serde(default)]
    published: Option<Meta>,
    #[serde(default)]
    outlet: Option<Meta>,
    #[serde(default)]
    title: Option<Meta>,
    #[serde(default)]
    lang: Option<Meta>,
    #[serde(default)]
    crawled: Option<Meta>,
}

/// Iterator over the documents of a JSONL stream.
pub(crate) struct JsonlReader<R> {
    src: Source<R>,
    ctx: Ctx,
    line: Vec<u8>,
    line_no: u64,
    done: bool,
}

impl<R: Read> JsonlReader<R> {
    pub fn new(src: Source<R>, ctx: Ctx) -> Self {
        JsonlReader {
            src,
            ctx,
            line: Vec::new(),
            line_no: 0,
            done: false,
        }
    }

    fn line_name(&self) -> String {
        format!("{}:{}", self.ctx.source, self.line_no)
    }
}

impl<R: Read> Iterator for JsonlReader<R> {
    type Item = Result<RawDoc, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.line_no == 0 && !self.done {
            // A binary file with a JSONL name: one error, not one per "line".
            if let Ok(head) = self.src.peek(8192)
                && crate::sniff::looks_binary(head)
            {
                self.done = true;
                return Some(Err(IngestError::new(
                    ErrorKind::Binary,
                    self.ctx.source.clone(),
                    None,
                    "binary content (NUL bytes or control characters), not JSON Lines",
                )));
            }
        }
        loop {
            if self.done {
                return None;
            }
            let start = self.src.offset();
            self.line_no += 1;
            let read = self
                .src
                .read_line(&mut self.line, self.ctx.max, self.ctx.skip_cap());
            match read {
                Err(e) => {
                    self.done = true;
                    let mut err = stream_error(&self.ctx, &e);
                    err.source_name = self.line_name();
                    err.offset = Some(start);
                    return Some(Err(err));
                }
                Ok(LineRead::Eof) => {
                    self.done = true;
                    return None;
                }
                Ok(LineRead::TooLong { len, complete }) => {
                    let mut err = IngestError::too_large(
                        self.line_name(),
                        Some(start),
                        complete.then_some(len),
                        self.ctx.max,
                    );
                    if !complete {
                        self.done = true;
                        err.message.push_str(
                            "; stopped reading this decompressed stream (decompression-bomb guard)",
                        );
                    }
                    return Some(Err(err));
                }
                Ok(LineRead::Line) => {}
            }
            let mut bytes = self.line.as_slice();
            if self.line_no == 1 {
                bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            }
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let name = self.line_name();
            let doc = parse_line(bytes, &self.ctx, &name, self.line_no, start);
            return Some(doc);
        }
    }
}

/// Parse one non-blank line into a document.
fn parse_line(
    bytes: &[u8],
    ctx: &Ctx,
    name: &str,
    line_no: u64,
    offset: u64,
) -> Result<RawDoc, IngestError> {
    let parsed = match serde_json::from_slice::<Record>(bytes) {
        Ok(r) => Ok(r),
        // JSON is UTF-8; a line that is not gets a best-effort lossy reading.
        Err(e) if std::str::from_utf8(bytes).is_err() => {
            serde_json::from_str::<Record>(&String::from_utf8_lossy(bytes)).map_err(|_| e)
        }
        Err(e) => Err(e),
    };
    let rec = parsed.map_err(|e| {
        IngestError::new(
            ErrorKind::BadLine,
            name,
            Some(offset),
            format!("invalid JSON record: {e}"),
        )
    })?;
    let (kind, text) = match (rec.html, rec.text) {
        (Some(h), _) => (DocKind::Html, h),
        (None, Some(t)) => (DocKind::Text, t),
        (None, None) => {
            return Err(IngestError::new(
                ErrorKind::BadLine,
                name,
                Some(offset),
                "record has neither a `text` nor an `html` string",
            ));
        }
    };
    if text.trim().is_empty() {
        return Err(IngestError::new(
            ErrorKind::Empty,
            name,
            Some(offset),
            "record's text is empty",
        ));
    }
    let url = rec.url.and_then(Meta::into_string);
    let source_key = url
        .clone()
        .unwrap_or_else(|| format!("{}#{line_no}", ctx.file_name));
    Ok(RawDoc {
        source: name.to_string(),
        source_key,
        url,
        offset: Some(offset),
        kind,
        text,
        encoding: encoding_rs::UTF_8.name(),
        hints: DocHints {
            published: rec.published.and_then(Meta::into_string),
            outlet: rec.outlet.and_then(Meta::into_string),
            title: rec.title.and_then(Meta::into_string),
            lang: rec.lang.and_then(Meta::into_string),
            crawled: rec.crawled.and_then(Meta::into_string),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Counters;
    use std::sync::Arc;

    fn ctx() -> Ctx {
        Ctx {
            source: "dir/a.jsonl".into(),
            file_name: "a.jsonl".into(),
            max: 1000,
            file_size: None,
            gzip: false,
            counters: Arc::new(Counters::default()),
        }
    }

    fn read(data: &[u8]) -> Vec<Result<RawDoc, IngestError>> {
        JsonlReader::new(Source::new(data), ctx()).collect()
    }

    #[test]
    fn records_and_errors() {
        let data = "\u{feff}{\"text\":\"Satu\",\"published\":\"2023-02-04\",\"lang\":\"id\"}\n\
            \n\
            {\"html\":\"<p>Dua</p>\",\"text\":\"x\",\"url\":\"https://a.id/2\",\"published\":1675500000}\r\n\
            not json\n\
            {\"title\":\"no body\"}\n\
            [1,2]\n\
            {\"text\":5}\n\
            {\"text\":\"Tiga\"}";
        let got = read(data.as_bytes());
        assert_eq!(got.len(), 7);
        let d = got[0].as_ref().unwrap();
        assert_eq!(
            (d.source.as_str(), d.source_key.as_str()),
            ("dir/a.jsonl:1", "a.jsonl#1")
        );
        assert_eq!(d.offset, Some(0));
        assert_eq!(d.hints.lang.as_deref(), Some("id"));
        let d = got[1].as_ref().unwrap();
        assert_eq!(d.kind, DocKind::Html);
        assert_eq!(d.text, "<p>Dua</p>");
        assert_eq!(d.source_key, "https://a.id/2");
        assert_eq!(d.hints.published.as_deref(), Some("1675500000"));
        assert_eq!(d.source, "dir/a.jsonl:3");
        for (i, line) in [(2, 4), (3, 5), (4, 6), (5, 7)] {
            let e = got[i].as_ref().unwrap_err();
            assert_eq!(e.source_name, format!("dir/a.jsonl:{line}"), "{e}");
            assert_eq!(e.kind, ErrorKind::BadLine);
        }
        assert_eq!(got[6].as_ref().unwrap().text, "Tiga");
    }

    #[test]
    fn long_line_is_skipped() {
        let mut data = format!("{{\"text\":\"{}\"}}\n", "x".repeat(2000)).into_bytes();
        data.extend_from_slice(b"{\"text\":\"ok\"}\n");
        let got = read(&data);
        assert_eq!(got.len(), 2);
        let e = got[0].as_ref().unwrap_err();
        assert_eq!(e.kind, ErrorKind::TooLarge);
        assert!(
            e.message.contains("2011 bytes") && e.message.contains("1000"),
            "{e}"
        );
        assert_eq!(got[1].as_ref().unwrap().source, "dir/a.jsonl:2");
    }

    #[test]
    fn invalid_utf8_is_best_effort() {
        let got = read(b"{\"text\":\"caf\xE9\"}\n");
        assert_eq!(got[0].as_ref().unwrap().text, "caf\u{FFFD}");
    }
}
