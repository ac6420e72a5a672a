//! Modality before coding: is the event asserted, denied, announced, supposed or
//! recalled?
//!
//! Cue words are data (`[modality]` of `events.toml`). Negation and future cues must
//! stand shortly before the trigger (`window` words) with no other verb between (a
//! future cue may also follow an event noun: "Kunjungan … dijadwalkan …"), so
//! "tidak menyebut Ukraina dalam kunjungan Ma" does not deny the visit; a
//! hypothetical cue anywhere earlier in the sentence makes what follows hypothetical
//! ("Jika Rusia menyerang, …"); a background cue anywhere in the clause makes it
//! recalled ("Lavrov terakhir kali mengunjungi Beijing …", "… tahun lalu").

use warta_model::Modality;

use crate::lexicon::Lexicon;
use crate::sentence::View;
use crate::trigger::Match;

/// Whether a cue phrase ends at token `end` (inclusive).
fn cue_ends_at(view: &View, end: usize, cue: &[String]) -> bool {
    let n = cue.len();
    if n == 0 || end + 1 < n {
        return false;
    }
    let start = end + 1 - n;
    cue.iter()
        .zip(&view.toks[start..=end])
        .all(|(c, t)| *c == t.lower)
}

/// Whether any of `cues` occurs within `[from, to)`.
fn any_cue(view: &View, from: usize, to: usize, cues: &[Vec<String>]) -> bool {
    (from..to).any(|i| {
        cues.iter()
            .any(|c| cue_ends_at(view, i, c) && i + 1 >= from + c.len())
    })
}

/// The modality of trigger `m` in clause `[cs, ce)`.
pub(crate) fn modality(lex: &Lexicon, view: &View, m: &Match, cs: usize, ce: usize) -> Modality {
    let cues = &lex.cues;
    // Walk back from the trigger over at most `window` words.
    let mut words = 0;
    let mut i = m.first;
    let mut future = false;
    while i > cs {
        i -= 1;
        let t = &view.toks[i];
        if cues.negation.iter().any(|c| cue_ends_at(view, i, c)) {
            return Modality::Negated;
        }
        if cues.future.iter().any(|c| cue_ends_at(view, i, c)) {
            future = true;
        }
        if !t.is_word() || t.brk || (t.verb && !cues.words.contains(&t.lower)) {
            break;
        }
        words += 1;
        if words >= cues.window {
            break;
        }
    }
    // An event noun announced by what follows it: "Kunjungan Prabowo ke India
    // dijadwalkan akhir bulan ini", "Pertemuan kedua menteri akan digelar …".
    if m.noun && !future {
        let mut words = 0;
        for i in m.last + 1..ce {
            let t = &view.toks[i];
            if cues.future.iter().any(|c| cue_ends_at(view, i, c)) {
                future = true;
                break;
            }
            if !t.is_word() || t.brk || (t.verb && !cues.words.contains(&t.lower)) {
                break;
            }
            words += 1;
            if words >= 2 * cues.window {
                break;
            }
        }
    }
    if any_cue(view, 0, m.first, &cues.hypothetical) {
        return Modality::Hypothetical;
    }
    if future {
        return Modality::Future;
    }
    if any_cue(view, cs, ce, &cues.background) {
        return Modality::Background;
    }
    Modality::Asserted
}

/// Whether an obligation cue ("must") stands right before trigger `m` (one plain word
/// may stand between: "must immediately return").
pub(crate) fn obliged(lex: &Lexicon, view: &View, m: &Match) -> bool {
    let cues = &lex.cues.obligation;
    if cues.is_empty() || m.noun || m.first == 0 {
        return false;
    }
    let end = m.first - 1;
    if cues.iter().any(|c| cue_ends_at(view, end, c)) {
        return true;
    }
    let t = &view.toks[end];
    end > 0
        && t.is_word()
        && !t.verb
        && !t.brk
        && !t.named
        && cues.iter().any(|c| cue_ends_at(view, end - 1, c))
}
