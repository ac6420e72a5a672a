//! Shared helpers for unit tests.

use std::sync::OnceLock;

use crate::ctx::Ctx;
use crate::lexicon::Lexicon;
use crate::token::split_paragraphs;

/// The repository's lexicon, loaded once.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        Lexicon::load(&warta_langdata::DataDir::locate(None)).expect("lexicon loads")
    })
}

/// A prepared context for `text` (Indonesian).
pub(crate) fn ctx<'t>(text: &'t str, lex: &'static Lexicon) -> Ctx<'t, 'static> {
    Ctx::new(text, &split_paragraphs(text), lex, "id")
}
