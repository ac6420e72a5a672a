//! Name mentions in running text: every listed name, alias, demonym, metonym and
//! surname, with the actors it may refer to.

use crate::Kb;
use crate::actor::Candidate;
use crate::build::NameRef;
use crate::fold::Folded;

/// A piece of text that names one or more actors.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention<'kb> {
    /// Byte offset of the first byte in the scanned text.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Every actor the text may refer to, best kind of match first (name, alias,
    /// demonym, metonym, surname), then countries before organisations, persons and
    /// places. "Moskow" gives Russia as a metonym (sector `GOV`) and the city of Moscow
    /// as a place; choosing between them is the linker's job.
    pub candidates: Vec<Candidate<'kb>>,
}

impl Kb {
    /// Mentions in `text` (already folded as `folded`).
    pub(crate) fn mentions_in<'kb>(&'kb self, text: &str, folded: &Folded) -> Vec<Mention<'kb>> {
        self.names
            .scan(text, folded)
            .into_iter()
            .filter_map(|hit| {
                let span = &text[hit.start..hit.end];
                let candidates = self.candidates(self.names.values_for(hit.entry, span));
                (!candidates.is_empty()).then_some(Mention {
                    start: hit.start,
                    end: hit.end,
                    candidates,
                })
            })
            .collect()
    }

    /// Turn dictionary values into sorted, de-duplicated candidates.
    pub(crate) fn candidates<'kb>(
        &'kb self,
        refs: impl Iterator<Item = &'kb NameRef>,
    ) -> Vec<Candidate<'kb>> {
        let mut out: Vec<Candidate<'kb>> = Vec::new();
        for r in refs {
            let Some(actor) = self.actors.get(r.actor as usize) else {
                continue;
            };
            let sector = r
                .sector
                .and_then(|s| self.sectors.get(s as usize))
                .map(|s| s.code.as_str());
            let c = Candidate {
                actor,
                how: r.how,
                sector,
            };
            // One actor once per sector: its strongest kind of match.
            match out
                .iter_mut()
                .find(|o| std::ptr::eq(o.actor, actor) && o.sector == sector)
            {
                Some(o) if c.how < o.how => *o = c,
                Some(_) => {}
                None => out.push(c),
            }
        }
        out.sort_by(|a, b| {
            (a.how, a.actor.kind, &a.actor.id).cmp(&(b.how, b.actor.kind, &b.actor.id))
        });
        out
    }
}
