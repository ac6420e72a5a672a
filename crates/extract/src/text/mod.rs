//! Plain-text front end: pages saved as text dumps, classified line by line.

use crate::{Draft, Extractor};

/// Split a text dump into lines and classify them into body and boilerplate.
pub fn extract(ex: &Extractor, text: &str) -> Draft {
    let _ = (ex, text);
    Draft::default()
}
