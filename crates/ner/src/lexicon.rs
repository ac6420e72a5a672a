//! Building the phrase lists a model is trained with: cue words from
//! `data/lang/id/ner-*.txt`, gazetteers from the shared data (CLDR countries, BPS
//! administrative regions, the stopword list) and, when present, the actor
//! knowledge base under `data/kb/`.
//!
//! Everything is read at training time and copied (as token hashes) into the
//! model, so a model tags the same way whatever the data folder holds later. The
//! knowledge base can also be added to a loaded tagger without retraining
//! ([`crate::Tagger::add_phrases`]): the weights belong to the class ("a KB person
//! name covers this token"), not to individual names, so new entries are used at
//! once.

use crate::error::NerError;
use crate::phrases::PhraseSet;
use std::path::Path;
use warta_langdata::{DataDir, list_entries};

/// Phrase classes, in class-number order. The names are stored in the model.
pub const CLASSES: [&str; 16] = [
    "title",
    "org_cue",
    "loc_cue",
    "loc_prep",
    "per_cue",
    "stopword",
    "country",
    "province",
    "regency",
    "district",
    "place",
    "kb_per",
    "kb_org",
    "kb_loc",
    "connector",
    "reserved2",
];

/// Class number of `name` in [`CLASSES`].
pub fn class(name: &str) -> Option<u8> {
    CLASSES.iter().position(|c| *c == name).map(|i| i as u8)
}

/// Cue-word lists under the data folder and their classes.
pub const CUE_FILES: [(&str, &str); 7] = [
    ("lang/id/ner-titles.txt", "title"),
    ("lang/id/ner-org-cues.txt", "org_cue"),
    ("lang/id/ner-loc-cues.txt", "loc_cue"),
    ("lang/id/ner-loc-preps.txt", "loc_prep"),
    ("lang/id/ner-person-cues.txt", "per_cue"),
    ("lang/id/ner-gazetteer-places.txt", "place"),
    ("lang/id/ner-connectors.txt", "connector"),
];

/// Shared-data files (relative to the Indonesian data root) used as gazetteers.
pub const COUNTRIES: &str = "cldr/countries-id-en.derived.tsv";
/// BPS provinces (ODbL, attribution: Badan Pusat Statistik).
pub const PROVINCES: &str = "wilayah-administratif-indonesia/provinces.csv";
/// BPS regencies and cities.
pub const REGENCIES: &str = "wilayah-administratif-indonesia/regencies.csv";
/// BPS districts.
pub const DISTRICTS: &str = "wilayah-administratif-indonesia/districts.csv";
/// The Indonesian stopword list (stopwords-iso, MIT).
pub const STOPWORDS: &str = "stopwords-iso/stopwords-id.derived.txt";

/// How many entries each source contributed (for the training report).
#[derive(Debug, Clone, Default)]
pub struct LexiconReport {
    /// (source, class, entries read).
    pub sources: Vec<(String, String, usize)>,
}

fn read_shared(root: &Path, rel: &str) -> Result<String, NerError> {
    let p = root.join(rel);
    std::fs::read_to_string(&p).map_err(|source| NerError::Open {
        path: p.display().to_string(),
        source,
    })
}

/// Split a BPS regency name into its kind and the bare name ("KABUPATEN ACEH
/// SINGKIL" → Kabupaten, "ACEH SINGKIL"): news writes both "Aceh Singkil" and
/// "Kabupaten Aceh Singkil", so both become entries.
fn strip_region_prefix(name: &str) -> (Option<&'static str>, &str) {
    let n = name.trim();
    for (p, kind) in [
        ("KABUPATEN ", "Kabupaten"),
        ("KOTA ADMINISTRASI ", "Kota"),
        ("KOTA ", "Kota"),
    ] {
        if let Some(rest) = n.strip_prefix(p) {
            return (Some(kind), rest.trim());
        }
    }
    (None, n)
}

/// Build the phrase set from every source; with `use_kb`, the knowledge base's
/// names too (see [`add_kb`]).
pub fn build(
    data: &DataDir,
    shared_root: &Path,
    use_kb: bool,
) -> Result<(PhraseSet, LexiconReport), NerError> {
    let mut set = PhraseSet::new();
    let mut report = LexiconReport::default();
    let cls = |name: &str| class(name).unwrap_or(0);
    for (rel, name) in CUE_FILES {
        let text = data.read(rel)?;
        let c = class(name).ok_or_else(|| NerError::Data {
            path: rel.to_string(),
            message: format!("phrase class {name} is not one of lexicon::CLASSES"),
        })?;
        let mut n = 0;
        for e in list_entries(&text) {
            set.add_text(c, e);
            n += 1;
        }
        report.sources.push((rel.to_string(), name.to_string(), n));
    }
    let text = read_shared(shared_root, STOPWORDS)?;
    let mut n = 0;
    for e in list_entries(&text) {
        set.add_text(cls("stopword"), e);
        n += 1;
    }
    report
        .sources
        .push((STOPWORDS.into(), "stopword".into(), n));

    let text = read_shared(shared_root, COUNTRIES)?;
    let mut n = 0;
    for (i, line) in text.lines().enumerate() {
        if i == 0 || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        for col in cols.iter().skip(1) {
            for name in col.split('|').map(str::trim).filter(|s| !s.is_empty()) {
                set.add_text(cls("country"), name);
                n += 1;
            }
        }
    }
    report.sources.push((COUNTRIES.into(), "country".into(), n));

    for (rel, class_name, name_col) in [
        (PROVINCES, "province", 1usize),
        (REGENCIES, "regency", 2),
        (DISTRICTS, "district", 2),
    ] {
        let text = read_shared(shared_root, rel)?;
        let mut n = 0;
        for (i, line) in text.lines().enumerate() {
            let cols: Vec<&str> = line.trim_end_matches('\r').split(',').collect();
            let Some(raw) = cols.get(name_col) else {
                return Err(NerError::Data {
                    path: rel.to_string(),
                    message: format!("line {}: expected {} columns", i + 1, name_col + 1),
                });
            };
            let (kind, name) = strip_region_prefix(raw);
            if name.is_empty() {
                continue;
            }
            set.add_text(cls(class_name), name);
            if let Some(kind) = kind {
                set.add_text(cls(class_name), &format!("{kind} {name}"));
                if kind == "Kabupaten" {
                    set.add_text(cls(class_name), &format!("Kab. {name}"));
                }
            }
            n += 1;
        }
        report.sources.push((rel.into(), class_name.into(), n));
    }
    if use_kb {
        let kb = add_kb(data, &mut set)?;
        report.sources.extend(kb);
    }
    Ok((set, report))
}

/// Add actor names from the knowledge base (`data/kb/`, loaded with
/// `warta_kb::Kb::load`) when the data folder has one: persons' names and aliases
/// as `kb_per`, organisations' as `kb_org`, countries' and places' as `kb_loc`.
/// Surnames alone and metonyms ("Kremlin") are left out: they name an actor only
/// in context, which is the linker's job. A data folder without `kb/kb.toml`
/// contributes nothing; a KB that fails to load is an error (fix it, or train with
/// `--no-kb`). Rebuild the model with `warta train ner` after the KB changes, or
/// pass names at run time with [`crate::Tagger::add_phrases`].
pub fn add_kb(
    data: &DataDir,
    set: &mut PhraseSet,
) -> Result<Vec<(String, String, usize)>, NerError> {
    if data.read_optional("kb/kb.toml")?.is_none() {
        return Ok(Vec::new());
    }
    let kb = warta_kb::Kb::load(data).map_err(|e| NerError::Data {
        path: "kb/".into(),
        message: e.to_string(),
    })?;
    Ok(add_kb_actors(kb.actors(), set))
}

/// Add the names of `actors` (see [`add_kb`]), generated ones excepted; returns
/// entries per class.
pub fn add_kb_actors(
    actors: &[warta_kb::Actor],
    set: &mut PhraseSet,
) -> Vec<(String, String, usize)> {
    use warta_kb::ActorKind;
    let mut counts = [0usize; 3];
    // Generated (bulk-imported) people are left out: the gazetteer classes stand for
    // curated names, and 18 000 stale ones would change what a hit means (tried on
    // dev as gazetteers of their own: no gain, see BENCHMARKS.md).
    for a in actors.iter().filter(|a| !a.generated) {
        let (slot, class_name) = match a.kind {
            ActorKind::Person => (0, "kb_per"),
            ActorKind::Organisation => (1, "kb_org"),
            ActorKind::Country | ActorKind::Place => (2, "kb_loc"),
        };
        let c = class(class_name).unwrap_or(0);
        let names = std::iter::once(&a.name)
            .chain(a.name_id.iter())
            .chain(a.aliases.iter());
        for n in names.map(|n| n.trim()).filter(|n| !n.is_empty()) {
            set.add_text(c, n);
            counts[slot] += 1;
        }
    }
    ["kb_per", "kb_org", "kb_loc"]
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .map(|(c, n)| ("kb/".to_string(), c.to_string(), n))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_fit_and_are_unique() {
        assert!(CLASSES.len() <= crate::phrases::MAX_CLASSES);
        for (i, c) in CLASSES.iter().enumerate() {
            assert_eq!(class(c), Some(i as u8));
        }
    }

    /// A cue file whose class is missing from [`CLASSES`] would silently land in
    /// class 0 ("title"): that is how the connector list once became titles and
    /// capitalised runs never crossed "of" or "bin".
    #[test]
    fn every_cue_file_has_its_own_class() {
        for (rel, name) in CUE_FILES {
            assert!(class(name).is_some(), "{rel}: class {name} not in CLASSES");
        }
    }

    #[test]
    fn region_prefixes() {
        assert_eq!(
            strip_region_prefix("KABUPATEN ACEH SINGKIL"),
            (Some("Kabupaten"), "ACEH SINGKIL")
        );
        assert_eq!(
            strip_region_prefix("KOTA BANDA ACEH"),
            (Some("Kota"), "BANDA ACEH")
        );
        assert_eq!(strip_region_prefix("ACEH"), (None, "ACEH"));
    }

    #[test]
    fn cue_files_parse() {
        let data = DataDir::locate(None);
        for (rel, _) in CUE_FILES {
            let text = data.read(rel).unwrap();
            assert!(list_entries(&text).count() > 10, "{rel}");
        }
    }

    #[test]
    fn kb_actors_become_phrases() {
        let actor = warta_kb::Actor {
            id: "sergey-lavrov".into(),
            qid: None,
            name: "Sergey Lavrov".into(),
            name_id: None,
            kind: warta_kb::ActorKind::Person,
            country: Some("RUS".into()),
            sector: Some("GOV".into()),
            aliases: vec!["Sergei Lavrov".into()],
            demonyms: Vec::new(),
            metonyms: Vec::new(),
            surnames: vec!["Lavrov".into()],
            surname_alone: true,
            roles: Vec::new(),
            parent: None,
            institution: None,
            capital: false,
            note: None,
            source: "test".into(),
            generated: false,
        };
        let mut set = PhraseSet::new();
        let r = add_kb_actors(&[actor], &mut set);
        assert_eq!(r, vec![("kb/".to_string(), "kb_per".to_string(), 2)]);
        // Full names only: the surname alone is not a phrase.
        let mut b = String::new();
        let lavrov = crate::phrases::lower_hash("Lavrov", &mut b);
        assert!(!set.contains_single(class("kb_per").unwrap(), lavrov));
        assert_eq!(set.len(), 2);
    }

    #[test]
    fn repository_kb_loads_into_phrases() {
        let data = DataDir::locate(None);
        let mut set = PhraseSet::new();
        let r = add_kb(&data, &mut set).unwrap();
        if data.read_optional("kb/kb.toml").unwrap().is_some() {
            assert!(r.iter().any(|(_, c, n)| c == "kb_per" && *n > 10), "{r:?}");
            let mut b = String::new();
            let h = crate::phrases::lower_hash("Tiongkok", &mut b);
            assert!(set.contains_single(class("kb_loc").unwrap(), h));
        }
    }
}
