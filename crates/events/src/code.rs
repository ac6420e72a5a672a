//! Assembling events (in progress).

use warta_model::Event;

use crate::{Events, Input, Lexicon};

/// Code the events of one input with one lexicon.
pub(crate) fn code(_events: &Events, _lex: &Lexicon, _input: &Input<'_>) -> Vec<Event> {
    Vec::new()
}

/// Point repeated mentions of one event at the first.
pub(crate) fn link_repeats(_events: &mut [Event]) {}
