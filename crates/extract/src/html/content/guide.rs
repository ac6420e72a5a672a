//! The page's own copy of its text (JSON-LD `articleBody`) as evidence.
//!
//! Many news pages embed their full text in JSON-LD. It is not used as the output
//! (it loses paragraphs and is often stale or cut), but as a witness: DOM blocks
//! whose words it contains are article text.

use std::collections::HashSet;

/// Share of the guide's chars the container must reproduce before unconfirmed
/// blocks are dropped.
pub const GUIDE_COVERAGE: f32 = 0.8;
/// Prose weight of a block the guide does not confirm.
pub const UNCONFIRMED_WEIGHT: f32 = 0.5;
/// Unconfirmed blocks shorter than this stay (subheads often are not in the copy).
pub const GUIDE_KEEP_SHORT: usize = 40;
/// A guide with fewer words than this is a summary, not the article.
const GUIDE_MIN_WORDS: usize = 50;
/// Share of a block's words the guide must contain to confirm it.
const GUIDE_CONFIRM: f32 = 0.8;

/// The page's own copy of its text, as a word set.
pub struct Guide {
    words: HashSet<String>,
    /// Length of the copy in chars.
    pub chars: usize,
}

impl Guide {
    /// A guide from the copy, or `None` when it is too short or cut off.
    pub fn new(text: &str) -> Option<Guide> {
        // An excerpt cut short is a teaser of the article, not its copy.
        let end = text.trim_end();
        if end.ends_with("...") || end.ends_with('…') || end.ends_with("&hellip;") {
            return None;
        }
        let set: HashSet<String> = words(text).map(str::to_lowercase).collect();
        let n = words(text).count();
        (n >= GUIDE_MIN_WORDS).then(|| Guide {
            words: set,
            chars: text.split_whitespace().map(|w| w.chars().count() + 1).sum(),
        })
    }

    /// The guide contains most words of `text`.
    pub fn confirms(&self, text: &str) -> bool {
        let (mut n, mut hit) = (0usize, 0usize);
        for w in words(text) {
            n += 1;
            if self.words.contains(&w.to_lowercase()) {
                hit += 1;
            }
        }
        n >= 4 && hit as f32 >= GUIDE_CONFIRM * n as f32
    }
}

/// Alphanumeric runs.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}
