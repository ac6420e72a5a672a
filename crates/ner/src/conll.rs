//! Reading CoNLL-style token files, one sentence at a time.
//!
//! The format every NER set here shares: one token per line, columns separated by
//! tabs or spaces, the first column the token and the last the tag, a blank line
//! between sentences. IDNer2k has three space-separated columns and CRLF line
//! ends; NERGrit and NER-UGM have two tab-separated ones. `-DOCSTART-` lines (the
//! CoNLL-2003 convention) are sentence breaks. The reader streams: it never holds
//! more than one sentence, so `warta tag --conll` can tag unbounded input.

use crate::error::NerError;
use crate::label::Tag;
use crate::score::{ChunkTag, to_iob2};
use std::io::BufRead;

/// One sentence as read: tokens and the raw last-column tags (empty strings when a
/// line had a single column).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawSentence {
    /// First column of each line.
    pub tokens: Vec<String>,
    /// Last column of each line, `""` when the line has only one column.
    pub tags: Vec<String>,
}

impl RawSentence {
    /// The gold tags mapped to our types and repaired to IOB2 as seqeval reads them.
    pub fn gold_iob2(&self) -> Vec<Tag> {
        to_iob2(&self.chunk_tags())
    }

    /// The gold tags as seqeval chunk tags (types mapped, unknown types `O`).
    pub fn chunk_tags(&self) -> Vec<ChunkTag> {
        self.tags.iter().map(|t| ChunkTag::parse(t)).collect()
    }

    /// Whether any line had a second column.
    pub fn has_tags(&self) -> bool {
        self.tags.iter().any(|t| !t.is_empty())
    }
}

/// Streaming reader of [`RawSentence`]s.
#[derive(Debug)]
pub struct ConllReader<R> {
    input: R,
    line: String,
    line_no: usize,
    done: bool,
}

impl<R: BufRead> ConllReader<R> {
    /// Read from `input`.
    pub fn new(input: R) -> Self {
        ConllReader {
            input,
            line: String::new(),
            line_no: 0,
            done: false,
        }
    }

    /// Read the next sentence into `out` (cleared first). Returns `false` at end of
    /// input. Invalid UTF-8 or an I/O failure is an error naming the line.
    pub fn read_into(&mut self, out: &mut RawSentence) -> Result<bool, NerError> {
        out.tokens.clear();
        out.tags.clear();
        while !self.done {
            self.line.clear();
            let n = self
                .input
                .read_line(&mut self.line)
                .map_err(|source| NerError::Read {
                    line: self.line_no + 1,
                    source,
                })?;
            if n == 0 {
                self.done = true;
                break;
            }
            self.line_no += 1;
            let mut text = self.line.trim_end_matches(['\n', '\r']);
            if self.line_no == 1 {
                text = text.trim_start_matches('\u{feff}');
            }
            let mut cols = text.split([' ', '\t']).filter(|c| !c.is_empty());
            let Some(first) = cols.next() else {
                if out.tokens.is_empty() {
                    continue;
                }
                return Ok(true);
            };
            if first == "-DOCSTART-" {
                if out.tokens.is_empty() {
                    continue;
                }
                return Ok(true);
            }
            let last = cols.next_back().unwrap_or("");
            out.tokens.push(first.to_string());
            out.tags.push(last.to_string());
        }
        Ok(!out.tokens.is_empty())
    }

    /// The underlying reader (e.g. to see whether a `BufReader` has input left
    /// before blocking, so a streaming caller can flush its output first).
    pub fn get_ref(&self) -> &R {
        &self.input
    }

    /// Read every remaining sentence.
    pub fn read_all(mut self) -> Result<Vec<RawSentence>, NerError> {
        let mut all = Vec::new();
        let mut s = RawSentence::default();
        while self.read_into(&mut s)? {
            all.push(std::mem::take(&mut s));
        }
        Ok(all)
    }
}

/// Read a whole CoNLL file.
pub fn read_file(path: &std::path::Path) -> Result<Vec<RawSentence>, NerError> {
    let f = std::fs::File::open(path).map_err(|source| NerError::Open {
        path: path.display().to_string(),
        source,
    })?;
    ConllReader::new(std::io::BufReader::new(f))
        .read_all()
        .map_err(|e| e.in_file(path))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::label::EntityType::*;

    fn read(s: &str) -> Vec<RawSentence> {
        ConllReader::new(s.as_bytes()).read_all().unwrap()
    }

    #[test]
    fn three_column_crlf() {
        let s =
            read("Berikut PROPN O\r\nJoko PROPN B-PER\r\nWidodo PROPN I-PER\r\n\r\nIa PRON O\r\n");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].tokens, ["Berikut", "Joko", "Widodo"]);
        assert_eq!(s[0].tags, ["O", "B-PER", "I-PER"]);
        assert_eq!(s[1].tokens, ["Ia"]);
    }

    #[test]
    fn two_column_tabs_many_blank_lines_bom() {
        let s = read("\u{feff}Di\tO\nDesa\tB-PLACE\nSuwug\tI-PLACE\n\n\n\nx\tO");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].tokens[0], "Di");
        assert_eq!(s[0].gold_iob2(), vec![Tag::O, Tag::B(Loc), Tag::I(Loc)]);
        assert_eq!(s[1].tokens, ["x"]);
    }

    #[test]
    fn iob1_converts_to_iob2() {
        let s = read("A I-PERSON\nB I-PERSON\nC B-PERSON\nD O\nE I-ORGANIZATION\nF B-TIME\n");
        assert_eq!(
            s[0].gold_iob2(),
            vec![
                Tag::B(Per),
                Tag::I(Per),
                Tag::B(Per),
                Tag::O,
                Tag::B(Org),
                Tag::O
            ]
        );
    }

    #[test]
    fn single_column_and_docstart() {
        let s = read("-DOCSTART- -X- O\n\nSatu\nDua\n-DOCSTART-\nTiga\n");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].tokens, ["Satu", "Dua"]);
        assert!(!s[0].has_tags());
        assert_eq!(s[1].tokens, ["Tiga"]);
    }

    #[test]
    fn invalid_utf8_is_an_error() {
        let bytes: &[u8] = b"ok O\n\xff\xfe O\n";
        let r = ConllReader::new(bytes).read_all();
        assert!(matches!(r, Err(NerError::Read { line: 2, .. })));
    }
}
