//! Linking speakers to the knowledge base through the entity stage's mentions.
//!
//! The quote stage does not link names itself: the entity linker already decided
//! which actor "Lavrov" or "Menlu China" is (using the article date and the knowledge
//! base), so a speaker takes the `canonical`/`kb_id` of an entity mention that
//! overlaps its text. A person mention wins; an organisation or place counts only
//! when it covers at least half the speaker text ("Kementerian Luar Negeri China" is
//! the ministry, but "AS" in "seorang pejabat senior AS" is not the speaker). An
//! anonymous speaker is never linked to an actor, only given the country. A
//! description without a linked mention of its own is linked through the person it
//! refers to.

use warta_model::{Entity, Quote, Speaker, SpeakerKind};

/// Fill `canonical`, `kb_id`, `sector` (and a missing `country`) of every speaker
/// from the entity mentions of the same article.
pub fn link_speakers(quotes: &mut [Quote], entities: &[Entity]) {
    if entities.is_empty() {
        return;
    }
    for q in quotes.iter_mut() {
        if let Some(s) = q.speaker.as_mut() {
            link_one(s, entities);
        }
    }
}

fn link_one(s: &mut Speaker, entities: &[Entity]) {
    let own = best(s.start, s.end, entities);
    if s.anonymous || s.kind == SpeakerKind::Anonymous {
        if s.country.is_none() {
            s.country = entities
                .iter()
                .filter(|e| overlap(s.start, s.end, e.start, e.end) > 0)
                .find_map(|e| e.country.clone());
        }
        return;
    }
    let via_ref = || {
        let r = s.refers_to.as_ref()?;
        best(r.start, r.end, entities).filter(|e| e.label == "PER")
    };
    let Some(e) = own.or_else(via_ref) else {
        return;
    };
    s.canonical = e.canonical.clone();
    s.kb_id = e.kb_id.clone();
    s.sector = e.sector.clone();
    if s.country.is_none() {
        s.country = e.country.clone();
    }
}

/// The linked entity mention that best stands for the text `[start, end)`.
fn best(start: usize, end: usize, entities: &[Entity]) -> Option<&Entity> {
    let len = end.saturating_sub(start).max(1);
    entities
        .iter()
        .filter(|e| e.canonical.is_some() || e.kb_id.is_some())
        .filter_map(|e| {
            let o = overlap(start, end, e.start, e.end);
            let person = e.label == "PER";
            (o > 0 && (person || 2 * o >= len)).then_some((e, o, person))
        })
        .max_by(|a, b| {
            (a.2, a.1)
                .cmp(&(b.2, b.1))
                .then(a.0.confidence.total_cmp(&b.0.confidence))
        })
        .map(|(e, _, _)| e)
}

fn overlap(a0: usize, a1: usize, b0: usize, b1: usize) -> usize {
    a1.min(b1).saturating_sub(a0.max(b0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use warta_model::Mention;

    fn entity(text: &str, start: usize, label: &str, canonical: &str, country: &str) -> Entity {
        Entity {
            text: text.to_string(),
            start,
            end: start + text.chars().count(),
            label: label.to_string(),
            canonical: Some(canonical.to_string()),
            kb_id: Some(format!("kb:{canonical}")),
            country: Some(country.to_string()),
            sector: Some("GOV".to_string()),
            confidence: 0.9,
            role: None,
            how: None,
        }
    }

    fn speaker(text: &str, start: usize, kind: SpeakerKind) -> Speaker {
        Speaker {
            text: text.to_string(),
            start,
            end: start + text.chars().count(),
            canonical: None,
            kb_id: None,
            kind,
            anonymous: kind == SpeakerKind::Anonymous,
            plural: false,
            country: None,
            sector: None,
            role: None,
            anaphor: None,
            refers_to: None,
        }
    }

    fn quote(s: Speaker) -> Quote {
        Quote {
            text: "x".into(),
            start: 0,
            end: 1,
            direct: true,
            speaker: Some(s),
            cue: None,
            cue_span: None,
            via: Vec::new(),
        }
    }

    #[test]
    fn person_inside_a_titled_name_wins_over_the_country() {
        // "Menteri Luar Negeri Rusia Sergei Lavrov" at 10: "Rusia" at 30, "Sergei Lavrov" at 36.
        let s = speaker(
            "Menteri Luar Negeri Rusia Sergei Lavrov",
            10,
            SpeakerKind::Name,
        );
        let ents = [
            entity("Rusia", 30, "LOC", "Russia", "RUS"),
            entity("Sergei Lavrov", 36, "PER", "Sergey Lavrov", "RUS"),
        ];
        let mut qs = [quote(s)];
        link_speakers(&mut qs, &ents);
        let s = qs[0].speaker.as_ref().unwrap();
        assert_eq!(s.canonical.as_deref(), Some("Sergey Lavrov"));
        assert_eq!(s.kb_id.as_deref(), Some("kb:Sergey Lavrov"));
        assert_eq!(s.country.as_deref(), Some("RUS"));
        assert_eq!(s.sector.as_deref(), Some("GOV"));
    }

    #[test]
    fn anonymous_speakers_get_a_country_but_no_actor() {
        // "seorang pejabat senior AS" at 0; "AS" at 23.
        let s = speaker("seorang pejabat senior AS", 0, SpeakerKind::Anonymous);
        let ents = [entity("AS", 23, "LOC", "United States", "USA")];
        let mut qs = [quote(s)];
        link_speakers(&mut qs, &ents);
        let s = qs[0].speaker.as_ref().unwrap();
        assert_eq!(s.canonical, None);
        assert_eq!(s.kb_id, None);
        assert_eq!(s.country.as_deref(), Some("USA"));
    }

    #[test]
    fn a_small_place_inside_a_description_is_not_the_speaker() {
        let s = speaker("Menlu China", 5, SpeakerKind::Description);
        let ents = [entity("China", 11, "LOC", "China", "CHN")];
        let mut qs = [quote(s)];
        link_speakers(&mut qs, &ents);
        assert_eq!(qs[0].speaker.as_ref().unwrap().canonical, None);
    }

    #[test]
    fn a_description_links_through_its_referent_or_its_own_mention() {
        let mut s = speaker("diplomat tertinggi tersebut", 100, SpeakerKind::Description);
        s.refers_to = Some(Mention {
            text: "Lavrov".into(),
            start: 40,
            end: 46,
        });
        let ents = [entity("Lavrov", 40, "PER", "Sergey Lavrov", "RUS")];
        let mut qs = [quote(s)];
        link_speakers(&mut qs, &ents);
        assert_eq!(
            qs[0].speaker.as_ref().unwrap().canonical.as_deref(),
            Some("Sergey Lavrov")
        );
        // The linker resolved the title itself ("Menlu China" → Wang Yi).
        let s = speaker("Menlu China", 5, SpeakerKind::Description);
        let ents = [entity("Menlu China", 5, "PER", "Wang Yi", "CHN")];
        let mut qs = [quote(s)];
        link_speakers(&mut qs, &ents);
        assert_eq!(
            qs[0].speaker.as_ref().unwrap().canonical.as_deref(),
            Some("Wang Yi")
        );
    }

    #[test]
    fn an_organisation_covering_the_speaker_links() {
        let s = speaker("Kementerian Luar Negeri China", 0, SpeakerKind::Name);
        let ents = [entity(
            "Kementerian Luar Negeri China",
            0,
            "ORG",
            "Ministry of Foreign Affairs of China",
            "CHN",
        )];
        let mut qs = [quote(s)];
        link_speakers(&mut qs, &ents);
        assert_eq!(
            qs[0].speaker.as_ref().unwrap().kb_id.as_deref(),
            Some("kb:Ministry of Foreign Affairs of China")
        );
    }

    #[test]
    fn unlinked_entities_and_no_speaker_are_left_alone() {
        let mut q = quote(speaker("Wang", 0, SpeakerKind::Name));
        q.speaker = None;
        let mut e = entity("Wang", 0, "PER", "Wang Yi", "CHN");
        e.canonical = None;
        e.kb_id = None;
        let mut qs = [q, quote(speaker("Wang", 0, SpeakerKind::Name))];
        link_speakers(&mut qs, &[e]);
        assert!(qs[0].speaker.is_none());
        assert_eq!(qs[1].speaker.as_ref().unwrap().canonical, None);
    }
}
