//! Line-level cleaning and metadata readers shared by both front ends.
//!
//! Both the plain-text front end ([`crate::text`]) and the HTML front end (through
//! [`clean_blocks`]) run the same readers over their lines or blocks:
//!
//! * whole-line classes (`related`, `comments`, `ad`, `navigation`, `share`,
//!   `site_chrome`, `photo_credit`, …) from `lang/*/boilerplate.toml`;
//! * fragments glued to a paragraph's edges (a logo's alt text);
//! * bylines → [`warta_model::Author`]s, wire credit lines and crediting phrases →
//!   [`warta_model::Wire`]s, dateline prefixes → city and outlet, printed dates →
//!   [`warta_model::PublishedDate`], from `lang/*/metadata.toml`.
//!
//! Every pattern lives in the data files; this code holds no word of any language.
//! Every removed line or fragment is recorded in [`crate::Draft::removed`] with its
//! class, so users can audit what was dropped.

mod blocks;
pub(crate) mod byline;
pub(crate) mod credits;
pub(crate) mod dateline;
pub(crate) mod findings;
pub(crate) mod linerules;
pub(crate) mod lines;
pub(crate) mod markup;
pub(crate) mod names;
mod page;
pub(crate) mod published;
mod rules;
pub(crate) mod tables;

use chrono::NaiveDate;
use warta_model::Removed;

pub use blocks::clean_blocks;
pub use page::{clean_site_name, markup_authors};

/// Read one line as a byline ("Penulis: A | Editor: B", "By A and B"): the credited
/// people with their roles, or `None` when the line is not entirely a byline. The
/// HTML front end uses it on the bylines its markup pruning removed.
pub fn read_byline(ex: &Extractor, line: &str) -> Option<Vec<warta_model::Author>> {
    byline::parse(&ex.rules, line).map(|hit| hit.authors)
}
pub use rules::{BOILERPLATE_FILE, METADATA_FILE, Rules};

use crate::{Block, Draft, Extractor};
use findings::Findings;
use lines::Line;

/// What the caller knows about a document beyond its text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Context<'a> {
    /// Reference date for relative and year-less dates: the crawl date when known,
    /// else today. `None` resolves only fully printed dates.
    pub reference: Option<NaiveDate>,
    /// The page URL, whose host names the outlet when nothing in the page does.
    pub url: Option<&'a str>,
}

/// Which front end is asking: plain text gets the full treatment (headline, header
/// zone), HTML blocks only the conservative readers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// A plain-text dump.
    Text,
    /// Blocks the HTML front end already chose as content.
    Html,
}

impl Rules {
    /// The canonical name of an outlet as printed, or the printed form tidied
    /// (ALL-CAPS title-cased, all-lower capitalised) when the table does not know it.
    pub(crate) fn display_outlet(&self, printed: &str) -> String {
        let printed = printed.trim();
        match self.outlets.canonical(printed) {
            Some(c) => c.to_string(),
            None => names::capitalise_lower(&names::title_case_caps(printed)),
        }
    }

    /// True for a word that joins two names ("dan", "and").
    pub(crate) fn bylines_joiner(&self, word: &str) -> bool {
        self.bylines.is_joiner_word(word)
    }
}

/// Fill the draft from the classified lines: wires from the body, the published
/// date, the outlet, then blocks and the removal audit in document order. Metadata
/// already in the draft (from markup) is kept; only gaps are filled.
pub(crate) fn finish(
    ex: &Extractor,
    lines: Vec<Line>,
    mut found: Findings,
    ctx: &Context<'_>,
    draft: &mut Draft,
) {
    let rules = &ex.rules;
    for (i, line) in lines.iter().enumerate() {
        if line.is_body() {
            for (off, w) in credits::scan_body(rules, &line.text) {
                found.add_wire(i, off + 1, w);
            }
        }
    }
    if draft.published.is_none() {
        let mut dates = std::mem::take(&mut found.dates);
        dates.sort_by_key(|(i, _)| *i);
        draft.published = dates
            .iter()
            .find_map(|(_, t)| published::resolve_line(ex, t, ctx.reference))
            .or_else(|| {
                let body = lines
                    .iter()
                    .filter(|l| l.is_body())
                    .map(|l| l.text.as_str());
                published::from_body(ex, body, ctx.reference)
            });
    }
    if draft.outlet.is_none() {
        draft.outlet = found.best_outlet().map(str::to_string).or_else(|| {
            let host = tables::host_of(ctx.url.or(draft.url.as_deref())?)?;
            Some(rules.outlets.for_host(&host).map_or(host, str::to_string))
        });
    }
    if draft.title.is_none() {
        draft.title = found.title.take();
    }
    if draft.dateline.is_none() {
        draft.dateline = found.dateline_city.take();
    }
    // People and agencies add up across markup and printed text (the same person
    // twice is merged when the article is assembled).
    draft.authors.append(&mut found.authors);
    for w in found.wires_in_order() {
        if !draft.wires.iter().any(|x| x.name == w.name) {
            draft.wires.push(w);
        }
    }
    for line in lines {
        draft.removed.extend(line.before);
        match line.class {
            Some(_) if line.text.is_empty() => {}
            Some(class) => draft.removed.push(Removed {
                text: line.text,
                class,
            }),
            None if line.text.chars().any(char::is_alphanumeric) => draft.blocks.push(Block {
                text: line.text,
                kind: line.kind,
            }),
            None if line.text.is_empty() => {}
            None => draft.removed.push(Removed {
                text: line.text,
                class: warta_model::RemovedClass::Markup,
            }),
        }
        draft.removed.extend(line.after);
    }
}
