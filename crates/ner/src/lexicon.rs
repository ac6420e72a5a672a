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
    "reserved1",
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

/// Build the phrase set from every source. `kb_dir` entries are added when the
/// folder exists (see [`add_kb`]).
pub fn build(data: &DataDir, shared_root: &Path) -> Result<(PhraseSet, LexiconReport), NerError> {
    let mut set = PhraseSet::new();
    let mut report = LexiconReport::default();
    let cls = |name: &str| class(name).unwrap_or(0);
    for (rel, name) in CUE_FILES {
        let text = data.read(rel)?;
        let mut n = 0;
        for e in list_entries(&text) {
            set.add_text(cls(name), e);
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
    let kb = add_kb(data, &mut set)?;
    report.sources.extend(kb);
    Ok((set, report))
}

/// Add actor names from the knowledge base under `kb/` in the data folder, when
/// it exists: every `*.tsv` file whose header has a `type` (or `kind`) column and
/// a `name` column, plus any `aliases`/`names` column (`|`-separated). Types
/// `person`/`per`, `org`/`organisation`/`organization`, `country`/`loc`/`place`
/// map to the classes `kb_per`, `kb_org`, `kb_loc`. Other layouts are skipped, so
/// the KB's format can evolve without breaking training; rebuild with
/// `warta train ner` after it changes (or pass names at run time with
/// [`crate::Tagger::add_phrases`]).
pub fn add_kb(
    data: &DataDir,
    set: &mut PhraseSet,
) -> Result<Vec<(String, String, usize)>, NerError> {
    let mut out = Vec::new();
    let Some(root) = data.root() else {
        return Ok(out);
    };
    let dir = root.join("kb");
    let Ok(rd) = std::fs::read_dir(&dir) else {
        return Ok(out);
    };
    let mut files: Vec<_> = rd
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "tsv"))
        .collect();
    files.sort();
    for path in files {
        let text = std::fs::read_to_string(&path).map_err(|source| NerError::Open {
            path: path.display().to_string(),
            source,
        })?;
        let mut lines = text.lines().filter(|l| !l.starts_with('#'));
        let Some(header) = lines.next() else { continue };
        let cols: Vec<String> = header
            .split('\t')
            .map(|c| c.trim().to_lowercase())
            .collect();
        let find = |names: &[&str]| cols.iter().position(|c| names.contains(&c.as_str()));
        let (Some(ty), Some(name)) = (find(&["type", "kind"]), find(&["name", "canonical"])) else {
            continue;
        };
        let aliases = find(&["aliases", "names", "alias"]);
        let mut counts = [0usize; 3];
        for line in lines {
            let f: Vec<&str> = line.split('\t').collect();
            let class_name = match f.get(ty).map(|s| s.trim().to_lowercase()).as_deref() {
                Some("person" | "per") => "kb_per",
                Some("org" | "organisation" | "organization" | "igo") => "kb_org",
                Some("country" | "loc" | "place" | "location" | "city") => "kb_loc",
                _ => continue,
            };
            let c = class(class_name).unwrap_or(0);
            let mut names: Vec<&str> = f.get(name).into_iter().copied().collect();
            if let Some(a) = aliases.and_then(|a| f.get(a)) {
                names.extend(a.split('|'));
            }
            for n in names.into_iter().map(str::trim).filter(|s| !s.is_empty()) {
                set.add_text(c, n);
                counts[usize::from(c - class("kb_per").unwrap_or(0))] += 1;
            }
        }
        let rel = path
            .strip_prefix(root)
            .map_or_else(|_| path.display().to_string(), |p| p.display().to_string());
        for (i, cname) in ["kb_per", "kb_org", "kb_loc"].iter().enumerate() {
            if counts[i] > 0 {
                out.push((rel.clone(), cname.to_string(), counts[i]));
            }
        }
    }
    Ok(out)
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
    fn kb_tsv_is_read_when_present() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("kb")).unwrap();
        std::fs::write(
            dir.path().join("kb/actors.tsv"),
            "# test\nid\ttype\tname\taliases\nx\tperson\tSergei Lavrov\tSergey Lavrov|Lavrov\ny\tcountry\tTiongkok\tChina|RRT\n",
        )
        .unwrap();
        let mut set = PhraseSet::new();
        let r = add_kb(&DataDir::at(dir.path()), &mut set).unwrap();
        assert_eq!(r.len(), 2);
        let mut b = String::new();
        let h = crate::phrases::lower_hash("lavrov", &mut b);
        assert!(set.contains_single(class("kb_per").unwrap(), h));
    }
}
