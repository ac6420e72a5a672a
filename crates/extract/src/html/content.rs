//! Main-content selection: which subtree of the page is the article body.
//!
//! Every text block is judged prose (long, punctuated, few links) or not. The
//! article container is the subtree that holds the most prose while holding as
//! little of everything else as possible: `score = prose − λ·other`, maximised over
//! all elements. This "best subtree" rule needs no per-site rules, keeps
//! subheadings and short paragraphs that sit between prose, and drops the
//! navigation, teasers and footers around it. Inside the chosen subtree,
//! boilerplate containers (by markup) and link lists are pruned.

use super::blocks::{self, Skip, TextBlock};
use super::dom::{Dom, NodeId};
use super::markup::{Markup, never_content};
use super::tags::Tag;

/// Weight of link text outside prose against prose when choosing the container.
const LINK_WEIGHT: f32 = 1.0;
/// Weight of plain (non-link) text outside prose: table cells, subheads, bylines.
const PLAIN_WEIGHT: f32 = 0.25;

/// Chars of prose and other text under a node.
#[derive(Debug, Clone, Copy, Default)]
struct Mass {
    prose: f32,
    link: f32,
    plain: f32,
}

/// How much of a block counts as prose (0 when it is not prose).
pub fn prose_chars(b: &TextBlock) -> f32 {
    let ld = b.link_density();
    if ld > 0.35 || b.tag.is_heading() {
        return 0.0;
    }
    // Teasers: a linked headline followed by a summary, or a summary cut short.
    if b.leading_link_chars >= 15 && b.leading_link_chars * 8 >= b.chars {
        return 0.0;
    }
    let trimmed = b.text.trim_end();
    if trimmed.ends_with("...") || trimmed.ends_with('…') || trimmed.ends_with("[…]") {
        return 0.0;
    }
    let sentence_end = b
        .text
        .trim_end()
        .ends_with(['.', '!', '?', '"', '”', '’', ':', ')', '…']);
    let commas = b.text.matches([',', '，']).count();
    if b.chars >= 120 || (b.chars >= 50 && (sentence_end || commas > 0)) {
        b.chars as f32 * (1.0 - ld)
    } else {
        0.0
    }
}

/// Skips for choosing the container: only what can never be content.
struct Hard;

impl Skip for Hard {
    fn skip(&self, dom: &Dom, id: NodeId) -> bool {
        never_content(dom, id)
    }
}

/// Skips inside the chosen container: also boilerplate by tag and markup.
struct Prune<'a> {
    markup: &'a Markup,
    /// Nodes protected from pruning (they hold most of the article).
    keep: &'a [bool],
}

impl Skip for Prune<'_> {
    fn skip(&self, dom: &Dom, id: NodeId) -> bool {
        if never_content(dom, id) {
            return true;
        }
        let Some(e) = dom.element(id) else {
            return false;
        };
        if self.keep.get(id.0 as usize).copied().unwrap_or(false) {
            return false;
        }
        matches!(
            e.tag,
            Tag::Nav
                | Tag::Aside
                | Tag::Figure
                | Tag::Figcaption
                | Tag::Footer
                | Tag::Form
                | Tag::Caption
        ) || self.markup.is_boilerplate(e)
    }
}

/// The chosen article body: its container and its blocks.
#[derive(Debug)]
pub struct Body {
    /// The container element.
    pub container: NodeId,
    /// Blocks kept, in document order.
    pub blocks: Vec<TextBlock>,
}

/// Choose the article container under `root` and return its cleaned blocks.
pub fn select(dom: &Dom, root: NodeId, markup: &Markup) -> Body {
    let all = blocks::collect(dom, root, &Hard);
    let mut mass = vec![Mass::default(); dom.nodes.len()];
    for b in &all {
        let prose = prose_chars(b);
        let (link, plain) = if prose > 0.0 {
            (0.0, 0.0)
        } else {
            (b.link_chars as f32, (b.chars - b.link_chars) as f32)
        };
        let mut cur = Some(b.owner);
        while let Some(n) = cur {
            if let Some(m) = mass.get_mut(n.0 as usize) {
                m.prose += prose;
                m.link += link;
                m.plain += plain;
            }
            if n == root {
                break;
            }
            cur = dom.node(n).parent;
        }
    }
    let mut best = root;
    let mut best_score = f32::MIN;
    for n in dom.descendants(root) {
        let Some(e) = dom.element(n) else { continue };
        let Some(m) = mass.get(n.0 as usize) else {
            continue;
        };
        if m.prose <= 0.0 {
            continue;
        }
        let mut score = m.prose - LINK_WEIGHT * m.link - PLAIN_WEIGHT * m.plain;
        if markup.is_article(e) {
            score += 0.02 * m.prose;
        }
        if score > best_score {
            best_score = score;
            best = n;
        }
    }
    // Protect the container's ancestors-in-subtree that hold most of its prose from
    // markup pruning (an `ad-free article` wrapper must not prune the article).
    let total = mass.get(best.0 as usize).map_or(0.0, |m| m.prose);
    let keep: Vec<bool> = mass
        .iter()
        .map(|m| total > 0.0 && m.prose >= 0.5 * total)
        .collect();
    let prune = Prune {
        markup,
        keep: &keep,
    };
    let kept = blocks::collect(dom, best, &prune)
        .into_iter()
        .filter(|b| keep_block(b))
        .collect();
    Body {
        container: best,
        blocks: kept,
    }
}

/// Block-level filter inside the container.
fn keep_block(b: &TextBlock) -> bool {
    if b.tag == Tag::H1 {
        return false;
    }
    if b.link_density() > 0.5 {
        return false;
    }
    true
}
