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
use super::markup::{Markup, never_content_when};
use super::tags::Tag;
use warta_model::{Removed, RemovedClass};

mod anchor;
mod guide;
use guide::{GUIDE_COVERAGE, GUIDE_KEEP_SHORT, Guide, UNCONFIRMED_WEIGHT};

/// Weight of link text outside prose against prose when choosing the container.
const LINK_WEIGHT: f32 = 1.0;
/// Weight of plain (non-link) text outside prose: table cells, subheads, bylines.
const PLAIN_WEIGHT: f32 = 0.25;

/// Weight of a prose block that has no prose sibling (teaser excerpts).
const LONE_PROSE_WEIGHT: f32 = 0.4;
/// A lone prose block at least this long counts in full.
const LONE_PROSE_CHARS: usize = 500;

/// Chars of prose and other text under a node.
#[derive(Debug, Clone, Copy, Default)]
struct Mass {
    prose: f32,
    link: f32,
    plain: f32,
    /// Holds a block the page's description summarises.
    anchored: bool,
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
    let truncated = trimmed.ends_with("...") || trimmed.ends_with('…');
    if truncated && b.link_chars > 0 {
        return 0.0;
    }
    let sentence_end = b.text.trim_end().ends_with([
        '.', '!', '?', '"', '”', '’', ':', ')', '…', '。', '！', '？', '」', '»',
    ]);
    let commas = b.text.matches([',', '，', '、', '،']).count();
    if b.chars >= 120 || (b.chars >= 50 && (sentence_end || commas > 0)) {
        b.chars as f32 * (1.0 - ld)
    } else {
        0.0
    }
}

/// Skips for choosing the container: only what can never be content.
struct Hard {
    show_hidden: bool,
}

impl Skip for Hard {
    fn skip(&self, dom: &Dom, id: NodeId) -> bool {
        never_content_when(dom, id, self.show_hidden)
    }
}

/// Skips inside the chosen container: also boilerplate by tag and markup.
struct Prune<'a> {
    markup: &'a Markup,
    show_hidden: bool,
    /// Nodes protected from pruning (they hold most of the article).
    keep: &'a [bool],
}

impl Skip for Prune<'_> {
    fn skip(&self, dom: &Dom, id: NodeId) -> bool {
        if never_content_when(dom, id, self.show_hidden) {
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
    /// Text removed from inside the container, with why.
    pub removed: Vec<Removed>,
}

/// What the page's metadata says about its own text, used as evidence.
#[derive(Debug, Clone, Copy, Default)]
pub struct Hints<'a> {
    /// JSON-LD `articleBody`.
    pub guide: Option<&'a str>,
    /// `og:description` / meta description: usually the lede or a summary of it.
    pub description: Option<&'a str>,
    /// The page title from metadata, to find the headline in the body.
    pub title: Option<&'a str>,
}

/// The best container holding the described block is preferred when its score is
/// at least this share of the overall best.
const ANCHOR_MIN_RATIO: f32 = 0.25;

/// A visible body shorter than this (in chars) makes us look at hidden elements too.
const HIDDEN_FALLBACK_CHARS: usize = 300;

/// Choose the article container under `root` and return its cleaned blocks.
///
/// Hidden elements are ignored, unless the visible page yields almost nothing and
/// the hidden part yields much more: some pages ship the article hidden and reveal
/// it with scripts.
pub fn select(dom: &Dom, root: NodeId, markup: &Markup, hints: Hints<'_>) -> Body {
    let visible = select_with(dom, root, markup, hints, false);
    let chars = |b: &Body| b.blocks.iter().map(|x| x.chars).sum::<usize>();
    if chars(&visible) >= HIDDEN_FALLBACK_CHARS {
        return visible;
    }
    let all = select_with(dom, root, markup, hints, true);
    if chars(&all) >= 2 * chars(&visible).max(HIDDEN_FALLBACK_CHARS) {
        all
    } else {
        visible
    }
}

fn select_with(
    dom: &Dom,
    root: NodeId,
    markup: &Markup,
    hints: Hints<'_>,
    show_hidden: bool,
) -> Body {
    let all = blocks::collect(dom, root, &Hard { show_hidden });
    let guide = hints.guide.and_then(Guide::new);
    let raw = block_prose(dom, &all, guide.as_ref());
    let no_anchor = vec![false; all.len()];
    let raw_mass = accumulate(dom, root, &all, &raw, &no_anchor);
    let boiler = boilerplate_flags(dom, root, markup, &raw_mass);
    let prose: Vec<f32> = raw
        .into_iter()
        .zip(&all)
        .map(|(p, b)| {
            if boiler.get(b.owner.0 as usize).copied().unwrap_or(false) {
                p * BOILERPLATE_PROSE_WEIGHT
            } else {
                p
            }
        })
        .collect();
    let mut anchors = anchor::description_anchors(&all, hints.description);
    if !anchors.contains(&true) {
        anchors = anchor::title_anchors(&all, hints.title);
    }
    let mass = accumulate(dom, root, &all, &prose, &anchors);
    let best = choose(dom, root, markup, &mass);
    let mut removed = Vec::new();
    let mut kept = clean(dom, best, markup, &mass, show_hidden, &mut removed);
    if let Some(g) = &guide {
        drop_unconfirmed(&mut kept, g, &mut removed);
    }
    trim_edges(&mut kept, &mut removed);
    Body {
        container: best,
        blocks: kept,
        removed,
    }
}

/// Weight of prose inside a boilerplate-marked container (comments, sidebars)
/// when choosing the article container.
const BOILERPLATE_PROSE_WEIGHT: f32 = 0.3;

/// For every node, whether it sits inside a container marked as boilerplate by tag
/// (`nav`, `aside`, `footer`) or as a comment section by class/id. A marked container holding most of
/// the page's prose is not believed (`content-with-sidebar` wraps articles).
fn boilerplate_flags(dom: &Dom, root: NodeId, markup: &Markup, mass: &[Mass]) -> Vec<bool> {
    let page = mass.get(root.0 as usize).map_or(0.0, |m| m.prose);
    let mut flags = vec![false; dom.nodes.len()];
    for n in dom.descendants(root) {
        let inherited = dom
            .node(n)
            .parent
            .and_then(|p| flags.get(p.0 as usize).copied())
            .unwrap_or(false);
        let most = mass
            .get(n.0 as usize)
            .is_some_and(|m| m.prose >= 0.5 * page);
        let own = !most
            && dom.element(n).is_some_and(|e| {
                matches!(e.tag, Tag::Nav | Tag::Aside | Tag::Footer) || markup.is_comments(e)
            });
        if let Some(f) = flags.get_mut(n.0 as usize) {
            *f = inherited || own;
        }
    }
    flags
}

/// Prose chars of every block, with the guide's evidence and the teaser discount.
fn block_prose(dom: &Dom, all: &[TextBlock], guide: Option<&Guide>) -> Vec<f32> {
    let prose: Vec<f32> = all
        .iter()
        .map(|b| match guide {
            Some(g) if g.confirms(&b.text) => b.chars as f32 * (1.0 - b.link_density()),
            Some(_) => UNCONFIRMED_WEIGHT * prose_chars(b),
            None => prose_chars(b),
        })
        .collect();
    let groups = group_sizes(dom, all, &prose);
    // A lone prose block (one per card) is what teaser lists are made of; article
    // paragraphs come in runs under one parent.
    all.iter()
        .zip(prose)
        .zip(groups)
        .map(|((b, p), group)| {
            if group <= 1 && b.chars < LONE_PROSE_CHARS {
                p * LONE_PROSE_WEIGHT
            } else {
                p
            }
        })
        .collect()
}

/// Sum prose, link and plain chars (and anchor hits) of blocks into every ancestor.
fn accumulate(
    dom: &Dom,
    root: NodeId,
    all: &[TextBlock],
    prose: &[f32],
    anchors: &[bool],
) -> Vec<Mass> {
    let mut mass = vec![Mass::default(); dom.nodes.len()];
    for ((b, &prose), &anchor) in all.iter().zip(prose).zip(anchors) {
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
                m.anchored |= anchor;
            }
            if n == root {
                break;
            }
            cur = dom.node(n).parent;
        }
    }
    mass
}

/// The element maximising `prose − link − ¼·plain` (with a small bonus for article
/// markup). When that element does not hold the block the page's description
/// summarises, the best element that does is taken instead, unless it is much
/// weaker: comments or teaser lists can outweigh a short article, but they are
/// never what the description describes.
fn choose(dom: &Dom, root: NodeId, markup: &Markup, mass: &[Mass]) -> NodeId {
    let mut best: Option<(NodeId, f32)> = None;
    let mut best_anchored: Option<(NodeId, f32)> = None;
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
        if best.is_none_or(|(_, s)| score > s) {
            best = Some((n, score));
        }
        if m.anchored && best_anchored.is_none_or(|(_, s)| score > s) {
            best_anchored = Some((n, score));
        }
    }
    match (best, best_anchored) {
        (Some((b, s)), Some((a, sa))) => {
            let holds_anchor = mass.get(b.0 as usize).is_some_and(|m| m.anchored);
            // An anchored ancestor of the best means the described block is a dek
            // next to the body, not evidence that the body is elsewhere.
            let encloses_best = dom.ancestors(b).any(|x| x == a);
            if !holds_anchor && !encloses_best && sa >= ANCHOR_MIN_RATIO * s {
                a
            } else {
                b
            }
        }
        (Some((b, _)), None) => b,
        _ => root,
    }
}

/// The container's blocks without pruned subtrees and link lists.
fn clean(
    dom: &Dom,
    best: NodeId,
    markup: &Markup,
    mass: &[Mass],
    show_hidden: bool,
    removed: &mut Vec<Removed>,
) -> Vec<TextBlock> {
    // Protect the nodes that hold most of the container's prose from markup
    // pruning (an `ad-free article` wrapper must not prune the article).
    let total = mass.get(best.0 as usize).map_or(0.0, |m| m.prose);
    let keep: Vec<bool> = mass
        .iter()
        .map(|m| total > 0.0 && m.prose >= 0.5 * total)
        .collect();
    let prune = Prune {
        markup,
        show_hidden,
        keep: &keep,
    };
    let (all, pruned) = blocks::collect_with_skipped(dom, best, &prune);
    for node in pruned {
        if never_content_when(dom, node, show_hidden) {
            continue;
        }
        let text = super::metadata::clean(&dom.text_of(node));
        if !text.is_empty() {
            removed.push(Removed {
                text,
                class: pruned_class(dom, node, markup),
            });
        }
    }
    let linky: Vec<bool> = all.iter().map(is_link_line).collect();
    let mut kept = Vec::with_capacity(all.len());
    for (i, b) in all.into_iter().enumerate() {
        let class = if b.tag == Tag::H1 {
            Some(RemovedClass::Title)
        } else if linky.get(i).copied().unwrap_or(false) {
            // A lone link line inside a paragraph run (a source credit, a URL) is
            // content; runs of link lines and linked list items are navigation.
            let prev = i
                .checked_sub(1)
                .and_then(|p| linky.get(p))
                .copied()
                .unwrap_or(true);
            let next = linky.get(i + 1).copied().unwrap_or(true);
            let lone = b.tag == Tag::P && !prev && !next && !shouting(&b.text);
            (!lone).then_some(RemovedClass::Navigation)
        } else {
            None
        };
        match class {
            Some(class) => removed.push(Removed {
                text: b.text,
                class,
            }),
            None => kept.push(b),
        }
    }
    kept
}

/// Why a pruned container was pruned.
fn pruned_class(dom: &Dom, node: NodeId, markup: &Markup) -> RemovedClass {
    match dom.tag(node) {
        Tag::Nav | Tag::Aside | Tag::Footer => RemovedClass::Navigation,
        Tag::Figure | Tag::Figcaption | Tag::Caption => RemovedClass::PhotoCredit,
        Tag::Form => RemovedClass::Comments,
        _ => dom
            .element(node)
            .and_then(|e| markup.boilerplate_class(e))
            .unwrap_or(RemovedClass::Boilerplate),
    }
}

/// All letters upper-case: promo links ("CLICK HERE TO GET THE APP") and kickers.
fn shouting(text: &str) -> bool {
    let mut letters = text.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(|c| !c.is_lowercase())
}

/// A block that is mostly link text with little else.
fn is_link_line(b: &TextBlock) -> bool {
    b.link_density() > 0.5 && b.chars - b.link_chars < 100
}

/// When the container reproduces the page's own copy of the text, prose-like
/// blocks the copy does not contain are promos and asides.
fn drop_unconfirmed(kept: &mut Vec<TextBlock>, g: &Guide, removed: &mut Vec<Removed>) {
    let covered: usize = kept
        .iter()
        .filter(|b| g.confirms(&b.text))
        .map(|b| b.chars)
        .sum();
    let total: usize = kept.iter().map(|b| b.chars).sum();
    let complete = g.chars as f32 >= GUIDE_COVERAGE * total as f32;
    if complete && covered as f32 >= GUIDE_COVERAGE * g.chars as f32 {
        let (keep, drop): (Vec<TextBlock>, Vec<TextBlock>) = std::mem::take(kept)
            .into_iter()
            .partition(|b| b.chars < GUIDE_KEEP_SHORT || g.confirms(&b.text));
        *kept = keep;
        removed.extend(drop.into_iter().map(|b| Removed {
            text: b.text,
            class: RemovedClass::Boilerplate,
        }));
    }
}

/// For each block, how many prose blocks share its paragraph group: the parent of
/// a `<p>`-like owner, or the owner itself when text sits directly in a `<div>`.
fn group_sizes(dom: &Dom, all: &[TextBlock], prose: &[f32]) -> Vec<usize> {
    // Which nodes carry any text at all: empty ad slots and script holders next to
    // a paragraph do not make its wrapper a group.
    let mut has_text = vec![false; dom.nodes.len()];
    for b in all {
        let mut cur = Some(b.owner);
        while let Some(n) = cur {
            match has_text.get_mut(n.0 as usize) {
                Some(flag) if !*flag => *flag = true,
                _ => break,
            }
            cur = dom.node(n).parent;
        }
    }
    let key = |b: &TextBlock| match b.tag {
        Tag::P
        | Tag::Li
        | Tag::Blockquote
        | Tag::Pre
        | Tag::H2
        | Tag::H3
        | Tag::H4
        | Tag::H5
        | Tag::H6 => group_parent(dom, b.owner, &has_text),
        _ => b.owner,
    };
    let mut counts: std::collections::HashMap<NodeId, usize> = std::collections::HashMap::new();
    for (b, &p) in all.iter().zip(prose) {
        if p > 0.0 {
            *counts.entry(key(b)).or_insert(0) += 1;
        }
    }
    all.iter()
        .map(|b| counts.get(&key(b)).copied().unwrap_or(0))
        .collect()
}

/// The parent that groups a paragraph with its siblings, skipping wrapper elements
/// whose only text-bearing child is this one (`<div class="para"><p>…</p><div
/// class="ad"></div></div>`).
fn group_parent(dom: &Dom, owner: NodeId, has_text: &[bool]) -> NodeId {
    let mut cur = owner;
    for _ in 0..MAX_WRAPPERS {
        let Some(parent) = dom.node(cur).parent else {
            return cur;
        };
        let texty = dom
            .element_children(parent)
            .filter(|c| has_text.get(c.0 as usize).copied().unwrap_or(false))
            .nth(1);
        if texty.is_some() {
            return parent;
        }
        cur = parent;
    }
    cur
}

/// Wrapper levels skipped when grouping paragraphs.
const MAX_WRAPPERS: usize = 4;

/// Longest non-prose block dropped from either end of the body.
const EDGE_CHARS: usize = 80;

/// Drop short non-prose blocks before the first and after the last prose block:
/// date stamps, "Updated at …", kickers and "comments" labels cling to the edges.
fn trim_edges(blocks: &mut Vec<TextBlock>, removed: &mut Vec<Removed>) {
    let is_edge_junk = |b: &TextBlock| prose_chars(b) <= 0.0 && b.chars < EDGE_CHARS;
    let lead = blocks.iter().take_while(|b| is_edge_junk(b)).count();
    if lead == blocks.len() {
        return;
    }
    let as_removed = |b: TextBlock| Removed {
        text: b.text,
        class: RemovedClass::Boilerplate,
    };
    removed.extend(blocks.drain(..lead).map(as_removed));
    while blocks.last().is_some_and(is_edge_junk) {
        if let Some(b) = blocks.pop() {
            removed.push(as_removed(b));
        }
    }
}
