//! Quotation marks: which open, which close, and the quoted regions they delimit.
//!
//! News text mixes straight and curly marks (`“…,"`), drops closing marks, and
//! continues a quotation over several paragraphs by re-opening it at each one. So a
//! mark's direction is read from its surroundings first (space before and a letter
//! after opens; a letter or punctuation before and a space after closes) and from its
//! glyph only when the surroundings do not tell. Regions are found per paragraph:
//!
//! * a closing mark that matches nothing is ignored (a stray `”`);
//! * single marks inside a double-quoted region are nested quotations and stay part
//!   of it; a straight `'` never opens a region on its own (apostrophes);
//! * a region still open at the end of its paragraph is closed at the first
//!   attribution cue inside it (`"Situasi …, kata Menteri …`) when there is one;
//!   otherwise, when the next paragraph opens with a quotation mark (the journalistic
//!   convention for a quotation over several paragraphs), it continues there;
//!   otherwise it ends with the paragraph.

use crate::token::{Doc, Kind};

/// Double or single quotation marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Single,
}

/// What the glyph alone says about a mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Glyph {
    Open,
    Close,
    Either,
}

fn glyph(c: char) -> (Family, Glyph) {
    match c {
        '“' | '„' | '«' => (Family::Double, Glyph::Open),
        '”' | '»' => (Family::Double, Glyph::Close),
        '‘' | '‹' => (Family::Single, Glyph::Open),
        '’' | '›' => (Family::Single, Glyph::Close),
        '\'' => (Family::Single, Glyph::Either),
        _ => (Family::Double, Glyph::Either),
    }
}

/// How a region ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum End {
    /// At its closing mark.
    Closed,
    /// At the comma before an attribution cue (closing mark missing).
    Cue,
    /// At the end of a paragraph (closing mark missing).
    Paragraph,
}

/// A quoted region.
#[derive(Debug, Clone)]
pub(crate) struct Region {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark, the comma before the cue, or one past the
    /// region's last token (for [`End::Paragraph`]).
    pub stop: usize,
    /// How it ended.
    pub end: End,
}

impl Region {
    /// Tokens of the content: `open + 1 .. stop`.
    pub fn content(&self) -> std::ops::Range<usize> {
        self.open + 1..self.stop
    }

    /// First token after the region (after the closing mark when there is one).
    pub fn after(&self) -> usize {
        match self.end {
            End::Closed => self.stop + 1,
            End::Cue | End::Paragraph => self.stop,
        }
    }
}

/// Is the char a space-like neighbour on the opening side of a mark?
fn open_side(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || "([{<—–-/:".contains(c) || crate::token::is_mark(c))
}

/// Is the char a space-like neighbour on the closing side of a mark?
fn close_side(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || ".,;:!?)]}>…—–-/".contains(c) || crate::token::is_mark(c))
}

/// Direction read from the mark's neighbours: `(opens, closes)`.
fn flanks(doc: &Doc<'_>, i: usize) -> (bool, bool) {
    let t = doc.tokens[i];
    let prev = doc.text[..t.start].chars().next_back();
    let next = doc.text[t.end..].chars().next();
    let opens = open_side(prev) && next.is_some_and(|c| !c.is_whitespace());
    let closes = close_side(next) && prev.is_some_and(|c| !c.is_whitespace());
    (opens, closes)
}

/// Does the mark at token `i` open a double quotation by its surroundings or glyph?
fn opens_double(doc: &Doc<'_>, i: usize) -> bool {
    if !doc.is_mark(i) {
        return false;
    }
    let (fam, g) = glyph(doc.first_char(i).unwrap_or('"'));
    if fam != Family::Double {
        return false;
    }
    match flanks(doc, i) {
        (true, false) => true,
        (false, true) => false,
        _ => g != Glyph::Close,
    }
}

/// Find the quoted regions of `doc`. `cue_cut(open, stop)` looks inside an unclosed
/// region's tokens `open+1..stop` for an attribution that ends it, returning the
/// comma's token index and the token to resume scanning at.
pub(crate) fn regions(
    doc: &Doc<'_>,
    cue_cut: impl Fn(usize, usize) -> Option<(usize, usize)>,
) -> Vec<Region> {
    let n = doc.len();
    let mut out = Vec::new();
    let mut stack: Vec<(Family, usize)> = Vec::new();
    let mut i = 0;
    while i <= n {
        let para_break = i == n || (i > 0 && doc.tokens[i].para != doc.tokens[i - 1].para);
        if para_break && let Some(&(_, open)) = stack.first() {
            if let Some((comma, resume)) = cue_cut(open, i) {
                out.push(Region {
                    open,
                    stop: comma,
                    end: End::Cue,
                });
                stack.clear();
                i = resume.max(open + 1);
                continue;
            }
            if i < n && opens_double(doc, i) && stack[0].0 == Family::Double {
                // The next paragraph re-opens: the quotation goes on.
                stack.truncate(1);
                i += 1;
                continue;
            }
            out.push(Region {
                open,
                stop: i,
                end: End::Paragraph,
            });
            stack.clear();
        }
        if i == n {
            break;
        }
        if doc.tokens[i].kind == Kind::Mark {
            step(doc, i, &mut stack, &mut out);
        }
        i += 1;
    }
    out
}

/// Feed one mark to the pairing state.
fn step(doc: &Doc<'_>, i: usize, stack: &mut Vec<(Family, usize)>, out: &mut Vec<Region>) {
    let c = doc.first_char(i).unwrap_or('"');
    let (fam, g) = glyph(c);
    let top = stack.last().map(|&(f, _)| f);
    let opens = match flanks(doc, i) {
        (true, false) => true,
        (false, true) => false,
        _ => match g {
            Glyph::Open => true,
            Glyph::Close => false,
            Glyph::Either => top != Some(fam),
        },
    };
    if opens {
        let allowed = match (stack.is_empty(), fam) {
            // Top level: a double mark, or a curly single used as a quotation mark.
            (true, Family::Double) => true,
            (true, Family::Single) => g == Glyph::Open,
            (false, _) => stack.len() < 4,
        };
        if allowed {
            stack.push((fam, i));
        }
        return;
    }
    // Closing.
    let Some(pos) = stack.iter().rposition(|&(f, _)| f == fam) else {
        return; // nothing of this family open: stray mark or apostrophe
    };
    if fam == Family::Single && pos + 1 != stack.len() {
        return; // an apostrophe inside a nested double quotation
    }
    let open = stack[pos].1;
    stack.truncate(pos);
    if stack.is_empty() {
        out.push(Region {
            open,
            stop: i,
            end: End::Closed,
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::testutil::{ctx, lexicon};

    /// The content of every region, and how it ended.
    fn regions(text: &str) -> Vec<(String, super::End)> {
        let c = ctx(text, lexicon());
        c.regions
            .iter()
            .map(|r| {
                let range = c.doc.bytes(r.open + 1, r.stop);
                (text[range].to_string(), r.end)
            })
            .collect()
    }

    use super::End::{Closed, Cue, Paragraph};

    #[test]
    fn mixed_straight_and_curly_marks_pair() {
        assert_eq!(
            regions("“Kerja sama ini kuat,\" ujarnya. \"Tentu saja,” kata Lavrov."),
            [
                ("Kerja sama ini kuat,".to_string(), Closed),
                ("Tentu saja,".to_string(), Closed)
            ]
        );
    }

    #[test]
    fn a_stray_closing_mark_is_ignored() {
        assert_eq!(regions("Gedung Putih mengatakan hal itu penting.”"), []);
    }

    #[test]
    fn nested_single_marks_stay_inside() {
        assert_eq!(
            regions("“Dia bilang ‘jangan khawatir’ kepada kami,” kata Puan. Itu Jum’at."),
            [(
                "Dia bilang ‘jangan khawatir’ kepada kami,".to_string(),
                Closed
            )]
        );
    }

    #[test]
    fn an_unclosed_quotation_ends_at_its_cue() {
        assert_eq!(
            regions(
                "\"Situasi ini memperkuat hubungan kami, kata Menteri Luar Negeri Rusia Sergei Lavrov.\n\n“Ya,” ujarnya."
            ),
            [
                ("Situasi ini memperkuat hubungan kami".to_string(), Cue),
                ("Ya,".to_string(), Closed)
            ]
        );
    }

    #[test]
    fn a_reopened_paragraph_continues_the_quotation() {
        let got = regions(
            "Sri Mulyani berkata: “Ekonomi kita kuat.\n\n“Namun kita harus waspada,” ujarnya.",
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "Ekonomi kita kuat.\n\n“Namun kita harus waspada,");
        assert_eq!(got[0].1, Closed);
    }

    #[test]
    fn an_unclosed_quotation_ends_with_its_paragraph() {
        assert_eq!(
            regions("Jokowi berkata: “Pembangunan akan berlanjut.\n\nItu saja."),
            [("Pembangunan akan berlanjut.".to_string(), Paragraph)]
        );
    }

    #[test]
    fn apostrophes_open_nothing() {
        assert_eq!(regions("The officials' car and Xi'an don't matter."), []);
    }
}
