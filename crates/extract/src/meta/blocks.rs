//! The shared readers over HTML-derived blocks.
//!
//! The HTML front end has already chosen the content blocks, so this pass is
//! conservative: whole-line rules (except the plain-text-only ones such as rubric
//! labels and lone numbers), bylines, credit lines, glued fragments, a dateline in the
//! first blocks, date lines at either end, and blocks that repeat the known headline.
//! It never picks a headline of its own, never uses the plain-text header-zone
//! guesses, and keeps repeated blocks (interview questions and recipe steps recur in
//! real articles).

use warta_model::RemovedClass;

use super::findings::Findings;
use super::lines::{Line, apply_rules};
use super::names::key;
use super::{Context, Mode, dateline, finish, published};
use crate::{Draft, Extractor};

/// The dateline is looked for in this many first body blocks.
const DATELINE_BLOCKS: usize = 3;
/// Date lines are looked for in this many blocks at each end.
const DATE_EDGE_BLOCKS: usize = 3;

/// Clean the draft's blocks in place with the shared line readers and fill the
/// metadata still missing (outlet, dateline, authors, wires, published). Removed
/// blocks and fragments are appended to [`Draft::removed`].
///
/// Call it on the HTML front end's blocks after main-content selection.
pub fn clean_blocks(ex: &Extractor, draft: &mut Draft, ctx: &Context<'_>) {
    let blocks = std::mem::take(&mut draft.blocks);
    let mut lines: Vec<Line> = blocks.iter().map(|b| Line::new(&b.text, b.kind)).collect();
    let mut found = Findings::default();
    apply_rules(&ex.rules, &mut lines, Mode::Html, &mut found);

    if let Some(title) = &draft.title {
        let k = key(title);
        if !k.is_empty() {
            for line in lines.iter_mut().filter(|l| l.is_body()) {
                if key(&line.text) == k {
                    line.class = Some(RemovedClass::Title);
                }
            }
        }
    }

    let body: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.is_body())
        .map(|(i, _)| i)
        .collect();
    for &i in body.iter().take(DATELINE_BLOCKS) {
        let Some(line) = lines.get_mut(i) else {
            continue;
        };
        if let Some(d) = dateline::find(&ex.rules, &line.text) {
            dateline::apply(line, i, d, &mut found);
            break;
        }
    }

    let n = body.len();
    for (k, &i) in body.iter().enumerate() {
        if k >= DATE_EDGE_BLOCKS && k + DATE_EDGE_BLOCKS < n {
            continue;
        }
        let Some(line) = lines.get_mut(i) else {
            continue;
        };
        if !line.is_body() || line.text.ends_with('.') {
            continue;
        }
        if let Some(t) = published::date_line(ex, &line.text, false) {
            line.class = Some(RemovedClass::Date);
            found.dates.push((i, t));
        }
    }

    finish(ex, lines, found, ctx, draft);
}
