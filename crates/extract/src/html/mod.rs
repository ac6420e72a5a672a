//! HTML front end: main-content extraction and page metadata.

pub mod blocks;
pub mod content;
pub mod dom;
pub mod markup;
pub mod tags;

use crate::{Block, BlockKind, Draft, Extractor};
use tags::Tag;

/// Extract the main content and metadata of an HTML page.
pub fn extract(ex: &Extractor, html: &str) -> Draft {
    let dom = dom::parse(html);
    let root = dom.find_tag(Tag::Body).unwrap_or(dom::NodeId::ROOT);
    let body = content::select(&dom, root, &ex.markup);
    let blocks = body
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
    Draft {
        blocks,
        ..Draft::default()
    }
}
