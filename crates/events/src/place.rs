//! Where an event happened: a place phrase after a location preposition (`di`, `in`,
//! `at`) in the event's clause — the first after the trigger, else the last before it
//! — else in the sentence; for visits, the place visited ("ke Moskow", "tiba di
//! Tiongkok").

use warta_model::EventLocation;

use crate::lexicon::Lexicon;
use crate::mentions::Kind;
use crate::sentence::View;
use crate::trigger::Match;

/// The location of trigger `m` in clause `[cs, ce)`; `visit` lets `ke`/`di` places
/// after the trigger count (the destination of a visit).
pub(crate) fn location(
    lex: &Lexicon,
    view: &View,
    m: &Match,
    cs: usize,
    ce: usize,
    visit: bool,
) -> Option<EventLocation> {
    let is_loc = |p: &str| lex.roles.location.contains(p) || (visit && lex.roles.goal.contains(p));
    // The place visited may be the verb's object ("mengunjungi Moskow").
    let visited = |g: &crate::sentence::Group| {
        visit && g.prep.is_none() && g.first > m.last && g.first <= m.last + 2
    };
    let place_groups: Vec<(usize, usize)> = view
        .groups
        .iter()
        .filter(|g| g.prep.as_ref().is_some_and(|(p, _)| is_loc(p)) || visited(g))
        .filter_map(|g| {
            g.members
                .iter()
                .find(|&&i| matches!(view.mentions[i].kind, Kind::Place | Kind::State))
                .map(|&i| (g.first, i))
        })
        .collect();
    // After the trigger, only up to the next verb ("… menekan Moskow terkait perang di
    // Ukraina": Ukraine is not where the appeal was made).
    let stop = (m.last + 1..ce)
        .find(|&i| view.toks[i].verb && !view.toks[i].named)
        .unwrap_or(ce);
    let after = place_groups
        .iter()
        .find(|(f, _)| *f > m.last && *f < stop)
        .or_else(|| {
            place_groups
                .iter()
                .rev()
                .find(|(f, _)| *f >= cs && *f < m.first)
        });
    let &(_, i) = after?;
    let men = &view.mentions[i];
    Some(EventLocation {
        text: men.actor.text.clone(),
        canonical: men.actor.canonical.clone(),
        kb_id: men.place_id.clone().or_else(|| men.actor.kb_id.clone()),
        country: men.actor.country.clone(),
        start: men.actor.start,
        end: men.actor.end,
    })
}
