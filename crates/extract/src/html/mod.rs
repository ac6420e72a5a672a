//! HTML front end: main-content extraction and page metadata.

use crate::{Draft, Extractor};

/// Extract the main content and metadata of an HTML page.
pub fn extract(ex: &Extractor, html: &str) -> Draft {
    let _ = (ex, html);
    Draft::default()
}
