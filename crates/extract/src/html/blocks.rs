//! Linearise a DOM into text blocks: the paragraph-level units extraction scores.
//!
//! A block is the inline text collected between two block-level boundaries,
//! owned by its innermost block-level element. Link text is counted separately so
//! that navigation and "related" lists, which are mostly links, can be told apart
//! from prose.

use super::dom::{Dom, NodeData, NodeId, Step};
use super::tags::Tag;

/// One paragraph-level run of text.
#[derive(Debug, Clone)]
pub struct TextBlock {
    /// The innermost block-level element containing the text.
    pub owner: NodeId,
    /// Tag of the owner.
    pub tag: Tag,
    /// Whitespace-normalised text.
    pub text: String,
    /// Chars of text.
    pub chars: usize,
    /// Chars of text inside links.
    pub link_chars: usize,
    /// Chars of link text before the first non-link word (teaser headlines).
    pub leading_link_chars: usize,
    /// Set when a `<br><br>` or similar hard break follows this block inside the same owner.
    pub hard_break_after: bool,
}

impl TextBlock {
    /// Share of the text that is link text.
    pub fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }
}

/// Per-node decisions the linearisation respects.
pub trait Skip {
    /// True when the subtree of `id` contributes no text at all.
    fn skip(&self, dom: &Dom, id: NodeId) -> bool;
}

/// Collect the text blocks under `root` in document order.
pub fn collect(dom: &Dom, root: NodeId, skip: &impl Skip) -> Vec<TextBlock> {
    collect_with_skipped(dom, root, skip).0
}

/// Collect the text blocks under `root`, and the roots of the subtrees `skip`
/// left out (so callers can report what they removed).
pub fn collect_with_skipped(
    dom: &Dom,
    root: NodeId,
    skip: &impl Skip,
) -> (Vec<TextBlock>, Vec<NodeId>) {
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    let mut buf = Buffer::default();
    // Stack of block owners; the top owns the text being collected.
    let mut owners: Vec<NodeId> = vec![root];
    let mut link_depth = 0usize;
    let mut walk = dom.walk(root);
    while let Some(step) = walk.next() {
        match step {
            Step::Enter(id) => {
                if id != root && skip.skip(dom, id) {
                    if dom.element(id).is_some() {
                        skipped.push(id);
                    }
                    walk.skip_children();
                    continue;
                }
                match &dom.node(id).data {
                    NodeData::Text(t) => buf.push_text(t, link_depth > 0),
                    NodeData::Element(e) => {
                        if e.tag == Tag::Br {
                            buf.line_break();
                        } else if e.tag == Tag::Img {
                            // Images carry no body text (alt texts are captions at best).
                        } else if e.tag.is_block() && id != root {
                            buf.flush(dom, owners.last().copied().unwrap_or(root), &mut out);
                            owners.push(id);
                        }
                        if e.tag == Tag::A {
                            link_depth += 1;
                        }
                    }
                    _ => {}
                }
            }
            Step::Leave(id) => {
                if let Some(e) = dom.element(id) {
                    if e.tag == Tag::A {
                        link_depth = link_depth.saturating_sub(1);
                    }
                    if e.tag.is_block() && e.tag != Tag::Br && e.tag != Tag::Hr && id != root {
                        buf.flush(dom, id, &mut out);
                        if owners.last() == Some(&id) {
                            owners.pop();
                        }
                    } else if e.tag == Tag::Hr && id != root && owners.last() == Some(&id) {
                        owners.pop();
                    }
                }
            }
        }
    }
    buf.flush(dom, owners.last().copied().unwrap_or(root), &mut out);
    (out, skipped)
}

/// Text being accumulated for the current block.
#[derive(Default)]
struct Buffer {
    cur: Acc,
    /// A space is pending before the next word.
    space: bool,
    /// Consecutive `<br>`s seen since the last text.
    breaks: u8,
    /// Paragraphs split off by double `<br>` inside the same owner.
    pending: Vec<Acc>,
}

/// Counters of one paragraph being built.
#[derive(Default)]
struct Acc {
    text: String,
    chars: usize,
    link_chars: usize,
    /// Link chars before the first non-link word.
    first_link_run: usize,
    /// A non-link word has been seen.
    seen_plain: bool,
    /// The last word pushed was link text.
    last_in_link: bool,
}

impl Buffer {
    fn push_text(&mut self, t: &str, in_link: bool) {
        for (i, word) in t.split(char::is_whitespace).enumerate() {
            if i > 0 {
                self.space = true;
            }
            if word.is_empty() {
                continue;
            }
            if self.breaks >= 2 && !self.cur.text.is_empty() {
                self.pending.push(std::mem::take(&mut self.cur));
                self.space = false;
            }
            self.breaks = 0;
            let acc = &mut self.cur;
            if self.space && !acc.text.is_empty() {
                acc.text.push(' ');
                acc.chars += 1;
                if in_link && acc.last_in_link {
                    acc.link_chars += 1;
                    if !acc.seen_plain {
                        acc.first_link_run += 1;
                    }
                }
            }
            self.space = false;
            let n = word.chars().count();
            acc.text.push_str(word);
            acc.chars += n;
            if in_link {
                acc.link_chars += n;
                if !acc.seen_plain {
                    acc.first_link_run += n;
                }
            } else {
                acc.seen_plain = true;
            }
            acc.last_in_link = in_link;
        }
    }

    fn line_break(&mut self) {
        self.space = true;
        self.breaks = self.breaks.saturating_add(1);
    }

    fn flush(&mut self, dom: &Dom, owner: NodeId, out: &mut Vec<TextBlock>) {
        let tag = dom.tag(owner);
        if !self.cur.text.is_empty() {
            self.pending.push(std::mem::take(&mut self.cur));
        }
        let n = self.pending.len();
        for (i, acc) in self.pending.drain(..).enumerate() {
            out.push(TextBlock {
                owner,
                tag,
                leading_link_chars: if acc.seen_plain {
                    acc.first_link_run
                } else {
                    0
                },
                text: acc.text,
                chars: acc.chars,
                link_chars: acc.link_chars,
                hard_break_after: i + 1 < n,
            });
        }
        self.cur = Acc::default();
        self.space = false;
        self.breaks = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::dom::parse;

    struct NoSkip;
    impl Skip for NoSkip {
        fn skip(&self, dom: &Dom, id: NodeId) -> bool {
            dom.tag(id).is_never_content()
        }
    }

    fn texts(html: &str) -> Vec<String> {
        let dom = parse(html);
        collect(&dom, NodeId::ROOT, &NoSkip)
            .into_iter()
            .map(|b| b.text)
            .collect()
    }

    #[test]
    fn blocks_follow_block_elements() {
        assert_eq!(
            texts("<div>Intro <b>bold</b><p>One\n two</p>tail<ul><li>a</li><li>b</li></ul></div>"),
            ["Intro bold", "One two", "tail", "a", "b"]
        );
    }

    #[test]
    fn double_br_splits_paragraphs_and_scripts_vanish() {
        assert_eq!(
            texts("<div>First<br><br>Second<br>line<script>x()</script></div>"),
            ["First", "Second line"]
        );
    }

    #[test]
    fn link_chars_are_counted() {
        let dom = parse("<p>Read <a href=x>more news</a></p>");
        let b = collect(&dom, NodeId::ROOT, &NoSkip);
        assert_eq!(b[0].chars, 14);
        assert_eq!(b[0].link_chars, 9);
    }
}
