//! Entity types, the IOB2 tags the tagger returns, and the internal label schemes
//! the model decodes over.
//!
//! The public interface speaks IOB2 (`B-PER`, `I-PER`, …, `O`) because that is what
//! evaluation tools and the entity stage expect. Internally a model may decode over
//! BIOES labels (a separate label for single-token and last-token entities), which
//! gives a linear model more room to learn where names end; [`Scheme`] converts.

use std::fmt;

/// The three entity types every data set is mapped to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    /// Persons (IDNer2k `PER`, NERGrit `PERSON`, NER-UGM `PERSON`).
    Per,
    /// Organisations (`ORG`, `ORGANISATION`, `ORGANIZATION`).
    Org,
    /// Places (`LOC`, `PLACE`, `LOCATION`).
    Loc,
}

impl EntityType {
    /// All types, in the order used for reports.
    pub const ALL: [EntityType; 3] = [EntityType::Per, EntityType::Org, EntityType::Loc];

    /// The short name used in output tags.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Per => "PER",
            EntityType::Org => "ORG",
            EntityType::Loc => "LOC",
        }
    }

    /// Map a data set's type name to ours; `None` for types we do not tag
    /// (TIME, QUANTITY, NERP's product/event/food classes), which become `O`.
    pub fn from_dataset_name(name: &str) -> Option<EntityType> {
        match name.to_ascii_uppercase().as_str() {
            "PER" | "PERSON" | "PPL" => Some(EntityType::Per),
            "ORG" | "ORGANISATION" | "ORGANIZATION" => Some(EntityType::Org),
            "LOC" | "LOCATION" | "PLACE" | "PLC" | "GPE" => Some(EntityType::Loc),
            _ => None,
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    fn from_index(i: usize) -> EntityType {
        match i {
            0 => EntityType::Per,
            1 => EntityType::Org,
            _ => EntityType::Loc,
        }
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An IOB2 tag: what [`crate::Tagger::tag`] returns for each token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    /// Outside any entity.
    O,
    /// First token of an entity.
    B(EntityType),
    /// Any later token of an entity.
    I(EntityType),
}

impl Tag {
    /// The tag as printed: `O`, `B-PER`, `I-LOC`, …
    pub fn as_str(self) -> &'static str {
        match self {
            Tag::O => "O",
            Tag::B(EntityType::Per) => "B-PER",
            Tag::I(EntityType::Per) => "I-PER",
            Tag::B(EntityType::Org) => "B-ORG",
            Tag::I(EntityType::Org) => "I-ORG",
            Tag::B(EntityType::Loc) => "B-LOC",
            Tag::I(EntityType::Loc) => "I-LOC",
        }
    }

    /// The entity type, `None` for `O`.
    pub fn entity_type(self) -> Option<EntityType> {
        match self {
            Tag::O => None,
            Tag::B(t) | Tag::I(t) => Some(t),
        }
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How entity boundaries are encoded in the labels a model decodes over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// `O`, `B-x`, `I-x`: 7 labels.
    Iob2,
    /// `O`, `B-x`, `I-x`, `E-x` (last), `S-x` (single): 13 labels.
    Bioes,
}

/// Position part of an internal label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    B,
    I,
    E,
    S,
}

impl Scheme {
    /// The code stored in model files.
    pub fn code(self) -> u8 {
        match self {
            Scheme::Iob2 => 0,
            Scheme::Bioes => 1,
        }
    }

    /// The scheme stored under `code`, if any.
    pub fn from_code(code: u8) -> Option<Scheme> {
        match code {
            0 => Some(Scheme::Iob2),
            1 => Some(Scheme::Bioes),
            _ => None,
        }
    }

    fn parts(self) -> &'static [Part] {
        match self {
            Scheme::Iob2 => &[Part::B, Part::I],
            Scheme::Bioes => &[Part::B, Part::I, Part::E, Part::S],
        }
    }

    /// Number of labels: `O` plus one per (type, part).
    pub fn n_labels(self) -> usize {
        1 + 3 * self.parts().len()
    }

    /// Label 0 is always `O`; label `1 + type * parts + part` otherwise.
    fn decode(self, label: usize) -> Option<(EntityType, Part)> {
        if label == 0 {
            return None;
        }
        let parts = self.parts();
        let i = label - 1;
        Some((
            EntityType::from_index(i / parts.len()),
            parts[(i % parts.len()).min(parts.len() - 1)],
        ))
    }

    fn encode(self, ty: EntityType, part: Part) -> usize {
        let parts = self.parts();
        let p = parts.iter().position(|&x| x == part).unwrap_or(0);
        1 + ty.index() * parts.len() + p
    }

    /// A printable name for label `label` (for debugging and reports).
    pub fn label_name(self, label: usize) -> String {
        match self.decode(label) {
            None => "O".to_string(),
            Some((t, p)) => format!("{:?}-{}", p, t.as_str()),
        }
    }

    /// Whether label `to` may follow label `from` (`None` = sentence start).
    /// Invalid transitions are forbidden in decoding, so output is always
    /// well-formed.
    pub fn allowed(self, from: Option<usize>, to: usize) -> bool {
        let prev = from.map(|l| self.decode(l));
        let cur = self.decode(to);
        match self {
            Scheme::Iob2 => match cur {
                None | Some((_, Part::B)) => true,
                Some((t, _)) => matches!(prev, Some(Some((pt, _))) if pt == t),
            },
            Scheme::Bioes => {
                // After B or I of type t only I or E of type t may come.
                let inside = match prev {
                    Some(Some((pt, Part::B | Part::I))) => Some(pt),
                    _ => None,
                };
                match (inside, cur) {
                    (Some(t), Some((ct, Part::I | Part::E))) => t == ct,
                    (Some(_), _) => false,
                    (None, None) => true,
                    (None, Some((_, Part::B | Part::S))) => true,
                    (None, Some((_, _))) => false,
                }
            }
        }
    }

    /// Whether a sentence may end with label `last`.
    pub fn allowed_end(self, last: usize) -> bool {
        match self {
            Scheme::Iob2 => true,
            Scheme::Bioes => !matches!(self.decode(last), Some((_, Part::B | Part::I))),
        }
    }

    /// Encode well-formed IOB2 tags as this scheme's labels.
    pub fn from_tags(self, tags: &[Tag]) -> Vec<usize> {
        let mut out = Vec::with_capacity(tags.len());
        for (i, &tag) in tags.iter().enumerate() {
            let next_continues = matches!(
                (tag.entity_type(), tags.get(i + 1)),
                (Some(t), Some(Tag::I(nt))) if *nt == t
            );
            let label = match tag {
                Tag::O => 0,
                Tag::B(t) => match (self, next_continues) {
                    (Scheme::Bioes, false) => self.encode(t, Part::S),
                    _ => self.encode(t, Part::B),
                },
                Tag::I(t) => match (self, next_continues) {
                    (Scheme::Bioes, false) => self.encode(t, Part::E),
                    _ => self.encode(t, Part::I),
                },
            };
            out.push(label);
        }
        out
    }

    /// Decode labels back to IOB2 tags. Any label sequence is accepted: an
    /// entity continuation after a different type starts a new entity.
    pub fn to_tags(self, labels: &[usize], out: &mut Vec<Tag>) {
        out.clear();
        let mut prev: Option<EntityType> = None;
        for &l in labels {
            let tag = match self.decode(l) {
                None => Tag::O,
                Some((t, Part::B | Part::S)) => Tag::B(t),
                Some((t, Part::I | Part::E)) => {
                    if prev == Some(t) {
                        Tag::I(t)
                    } else {
                        Tag::B(t)
                    }
                }
            };
            // An entity is open after B/I; E and S close it.
            prev = match self.decode(l) {
                Some((t, Part::B | Part::I)) => Some(t),
                _ => None,
            };
            if self == Scheme::Iob2 {
                prev = tag.entity_type();
            }
            out.push(tag);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bioes_round_trip() {
        use EntityType::*;
        let tags = vec![
            Tag::B(Per),
            Tag::I(Per),
            Tag::I(Per),
            Tag::O,
            Tag::B(Loc),
            Tag::B(Loc),
            Tag::I(Loc),
            Tag::B(Org),
        ];
        for scheme in [Scheme::Iob2, Scheme::Bioes] {
            let labels = scheme.from_tags(&tags);
            let mut back = Vec::new();
            scheme.to_tags(&labels, &mut back);
            assert_eq!(back, tags, "{scheme:?}");
            // Gold sequences are always allowed by the constraints.
            let mut prev = None;
            for &l in &labels {
                assert!(scheme.allowed(prev, l));
                prev = Some(l);
            }
            assert!(scheme.allowed_end(labels[labels.len() - 1]));
        }
    }

    #[test]
    fn constraints_forbid_dangling_continuations() {
        let s = Scheme::Iob2;
        let i_per = s.from_tags(&[Tag::B(EntityType::Per), Tag::I(EntityType::Per)])[1];
        assert!(!s.allowed(None, i_per));
        assert!(!s.allowed(Some(0), i_per));
        assert_eq!(Scheme::Bioes.n_labels(), 13);
        assert_eq!(Scheme::Iob2.n_labels(), 7);
    }

    #[test]
    fn dataset_names_map() {
        assert_eq!(
            EntityType::from_dataset_name("ORGANISATION"),
            Some(EntityType::Org)
        );
        assert_eq!(
            EntityType::from_dataset_name("place"),
            Some(EntityType::Loc)
        );
        assert_eq!(EntityType::from_dataset_name("TIME"), None);
    }
}
