//! Plain-text front end: pages saved as text dumps, classified line by line.
//!
//! A line is a paragraph (hard-wrapped files are re-joined first). Every line is
//! cleaned of HTML remnants, then classified by the shared readers in
//! [`crate::meta`] (boilerplate classes, bylines, credits, glued fragments) and by
//! the structure of the page (lede, headline, header zone, repeats,
//! date lines). What is left is the body; everything removed is in
//! [`crate::Draft::removed`] with its class.

mod classify;
mod dedupe;
mod split;

use crate::meta::findings::Findings;
use crate::meta::lines::{Line, apply_rules};
use crate::meta::{Context, Mode, finish};
use crate::{BlockKind, Draft, Extractor};

/// Split a text dump into lines and classify them into body and boilerplate, with no
/// reference date (only fully printed dates resolve) and no URL.
pub fn extract(ex: &Extractor, text: &str) -> Draft {
    extract_with(ex, text, &Context::default())
}

/// [`extract`] with what the caller knows: the reference date for year-less and
/// relative dates, and the page URL (its host names the outlet when the page does not).
pub fn extract_with(ex: &Extractor, text: &str, ctx: &Context<'_>) -> Draft {
    let mut draft = Draft::default();
    extract_into(ex, text, ctx, &mut draft);
    draft
}

/// [`extract_with`] into a draft that may already hold metadata from outside the text
/// (a JSONL record's `title`, `outlet`, `published`): what it holds is kept, and only
/// the gaps are filled. A known title is not guessed again: the line that prints it
/// is removed as `title`. Blocks and removals are appended.
pub fn extract_into(ex: &Extractor, text: &str, ctx: &Context<'_>, draft: &mut Draft) {
    let mut lines: Vec<Line> = split::paragraphs(text)
        .iter()
        .map(|p| Line::new(p, BlockKind::Paragraph))
        .collect();
    let mut found = Findings::default();
    apply_rules(&ex.rules, &mut lines, Mode::Text, &mut found);
    classify::structure(ex, &mut lines, &mut found, draft.title.as_deref());
    finish(ex, lines, found, ctx, draft);
}
