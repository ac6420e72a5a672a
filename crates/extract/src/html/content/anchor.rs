//! Anchors: blocks the page's own metadata points at.
//!
//! The `og:description` of a news page is, most of the time, its lede or a
//! summary of it. The block that shares most of its words is very likely inside
//! the article, which rescues pages whose comments or teaser lists outweigh a
//! short article. When there is no usable description, the first prose block
//! after the headline (the heading that repeats the page title) plays that role.

use super::blocks::TextBlock;
use super::guide::words;
use std::collections::HashSet;

/// Share of the description's words a block must contain to be its anchor.
const ANCHOR_OVERLAP: f32 = 0.7;
/// Descriptions shorter than this (in words) are too generic to anchor anything.
const MIN_WORDS: usize = 8;

/// For each block, whether it is the one the description summarises (at most
/// the best-matching block is marked).
pub fn description_anchors(all: &[TextBlock], description: Option<&str>) -> Vec<bool> {
    let mut marks = vec![false; all.len()];
    let Some(desc) = description else {
        return marks;
    };
    let want: HashSet<String> = words(desc).map(str::to_lowercase).collect();
    if want.len() < MIN_WORDS {
        return marks;
    }
    let mut best: Option<(usize, f32)> = None;
    for (i, b) in all.iter().enumerate() {
        // Only prose can anchor: a dek or subtitle repeating the description sits
        // in the page header, outside the body.
        if super::prose_chars(b) <= 0.0 {
            continue;
        }
        let have: HashSet<String> = words(&b.text).map(str::to_lowercase).collect();
        let hit = want.iter().filter(|w| have.contains(*w)).count();
        let overlap = hit as f32 / want.len() as f32;
        if overlap >= ANCHOR_OVERLAP && best.is_none_or(|(_, o)| overlap > o) {
            best = Some((i, overlap));
        }
    }
    if let Some((i, _)) = best
        && let Some(m) = marks.get_mut(i)
    {
        *m = true;
    }
    marks
}

/// Share of the title's words a heading must contain to be the headline.
const TITLE_OVERLAP: f32 = 0.8;

/// For each block, whether it is the first prose block after the page's headline
/// (a heading block whose words cover the title's). At most one block is marked.
pub fn title_anchors(all: &[TextBlock], title: Option<&str>) -> Vec<bool> {
    let mut marks = vec![false; all.len()];
    let Some(title) = title else { return marks };
    let want: HashSet<String> = words(title).map(str::to_lowercase).collect();
    if want.len() < 3 {
        return marks;
    }
    let headline = all.iter().position(|b| {
        b.tag.is_heading() && {
            let have: HashSet<String> = words(&b.text).map(str::to_lowercase).collect();
            let hit = want.iter().filter(|w| have.contains(*w)).count();
            hit as f32 >= TITLE_OVERLAP * want.len() as f32
        }
    });
    if let Some(h) = headline
        && let Some(first) = all
            .iter()
            .skip(h + 1)
            .position(|b| super::prose_chars(b) > 0.0)
        && let Some(m) = marks.get_mut(h + 1 + first)
    {
        *m = true;
    }
    marks
}
