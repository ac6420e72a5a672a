//! HTML front end: main-content extraction and page metadata.

pub mod blocks;
pub mod content;
pub mod dom;
pub mod markup;
pub mod metadata;
pub mod nesting;
pub mod tags;

use crate::meta::Context;
use crate::{Block, BlockKind, Draft, Extractor};
use tags::Tag;
use warta_model::{Author, Lang};

/// Extract the main content and metadata of an HTML page, with no reference date.
pub fn extract(ex: &Extractor, html: &str) -> Draft {
    extract_with(ex, html, &Context::default())
}

/// Extract the main content and metadata of an HTML page, then run the shared line
/// readers over the chosen blocks (bylines, datelines, wire credits, "Baca Juga").
pub fn extract_with(ex: &Extractor, html: &str, ctx: &Context<'_>) -> Draft {
    let mut draft = extract_markup(ex, html);
    let url = ctx.url.map(str::to_string).or_else(|| draft.url.clone());
    let ctx = Context {
        reference: ctx.reference,
        url: url.as_deref(),
    };
    crate::meta::clean_blocks(ex, &mut draft, &ctx);
    draft
}

/// Main content and markup metadata only, before the shared line readers.
pub fn extract_markup(ex: &Extractor, html: &str) -> Draft {
    let html = nesting::limit(html, nesting::MAX_DEPTH);
    let dom = dom::parse(&html);
    let root = dom.find_tag(Tag::Body).unwrap_or(dom::NodeId::ROOT);
    let meta = metadata::read(&dom);
    let hints = content::Hints {
        guide: meta.article_body.as_deref(),
        description: meta.description.as_deref(),
        title: meta.title.as_deref(),
    };
    let body = content::select(&dom, root, &ex.markup, hints);
    let removed = body.removed;
    // Bylines pruned from the article container by their markup still name people.
    let printed_authors = printed_bylines(ex, &dom);
    let mut blocks: Vec<Block> = body
        .blocks
        .into_iter()
        .map(|b| Block {
            kind: if b.tag.is_heading() {
                BlockKind::Heading
            } else if b.tag == Tag::Li {
                BlockKind::ListItem
            } else if b.tag == Tag::Blockquote {
                BlockKind::Quote
            } else {
                BlockKind::Paragraph
            },
            text: b.text,
        })
        .collect();
    fall_back_to_copy(&mut blocks, meta.article_body.as_deref());
    let outlet = meta.site_name.as_deref().map(crate::meta::clean_site_name);
    let (markup_authors, wires) =
        crate::meta::markup_authors(&ex.rules, &meta.authors, outlet.as_deref());
    Draft {
        blocks,
        title: meta.title,
        published: meta
            .published
            .as_deref()
            .and_then(|p| ex.dates.parse_machine(p))
            .map(|d| d.to_published()),
        outlet,
        authors: markup_authors.into_iter().chain(printed_authors).collect(),
        wires,
        url: meta.url,
        removed,
        lang_hint: meta
            .lang
            .as_deref()
            .map(Lang::from_tag)
            .filter(|l| *l != Lang::Other),
        ..Draft::default()
    }
}

/// When the DOM yields far less text than the page's own JSON-LD copy of the article
/// (pages rendered by scripts, bodies behind unusual markup), use the copy, split
/// into its paragraphs.
fn fall_back_to_copy(blocks: &mut Vec<Block>, copy: Option<&str>) {
    const SHORTFALL: usize = 3;
    let Some(copy) = copy else { return };
    let copy_chars = copy.chars().count();
    let dom_chars: usize = blocks.iter().map(|b| b.text.chars().count()).sum();
    if copy_chars < 200 || dom_chars * SHORTFALL >= copy_chars {
        return;
    }
    *blocks = copy
        .split('\n')
        .map(metadata::clean)
        .filter(|p| !p.is_empty())
        .map(|text| Block {
            text,
            kind: BlockKind::Paragraph,
        })
        .collect();
}

/// Most byline-marked elements read per page.
const MAX_BYLINE_ELEMENTS: usize = 4;

/// People credited in elements the markup marks as bylines (`class="byline"`),
/// anywhere on the page: article headers sit outside the body container.
fn printed_bylines(ex: &Extractor, dom: &dom::Dom) -> Vec<Author> {
    let mut out = Vec::new();
    let mut seen = 0;
    let mut it = dom.descendants(dom::NodeId::ROOT);
    while let Some(id) = it.next() {
        let Some(e) = dom.element(id) else { continue };
        if e.tag.is_never_content() {
            it.skip_children_of(id);
            continue;
        }
        if ex.markup.boilerplate_class(e) != Some(warta_model::RemovedClass::Byline) {
            continue;
        }
        it.skip_children_of(id);
        let text = metadata::clean(&dom.text_of(id));
        if let Some(authors) = crate::meta::read_byline(ex, &text) {
            out.extend(authors);
        }
        seen += 1;
        if seen >= MAX_BYLINE_ELEMENTS {
            break;
        }
    }
    out
}
