//! Dictionary mode: an event coder whose English triggers are the unit tests' own
//! verb dictionary, loaded from a temporary copy of warta's data folder.
//!
//! Why a copy: the coder reads its lexicon and ontology only through
//! [`warta_langdata::DataDir`] (an architecture invariant), so the harness builds a
//! data folder that differs from warta's in exactly three files:
//!
//! * `lang/en/events.toml`: warta's file with its `[[trigger]]` entries removed and
//!   the converted PETRARCH verbs appended ([`super::verbs`]); everything else
//!   (function words, voice, modality cues) stays warta's.
//! * `events/cameo.tsv` and `events/cameo-plover.tsv`: the test dictionary's codes
//!   that are not CAMEO (`903`, `174K`, `1010`) are added, and every code it uses gets
//!   a PLOVER type (by its two-digit root) if it has none (CAMEO 01x statements have
//!   none in warta, so the coder would drop them).
//! * `events/coding.toml`: its `[future]` and `[negated]` tables are removed
//!   ([`Conventions::Petrarch`]), because PETRARCH codes "is about to restore ties" as
//!   the act (064), not as an intent, and a negated verb by its patterns only. The
//!   PLOVER reference run keeps them ([`Conventions::Warta`]): PLOVER codes a future
//!   act as AGREE, as warta does.

use std::path::Path;

use tempfile::TempDir;
use warta_events::{Events, Ontology};
use warta_langdata::DataDir;

use super::PetrarchError;
use super::verbs::{self, ConversionStats, VerbDict};

/// PLOVER type given to a code without one, by CAMEO root; roots the ontology does
/// not know (the test dictionary's `34x`, `90x`) get AGREE.
fn type_for_root(code: &str) -> &'static str {
    match code.get(..2).unwrap_or("") {
        "01" | "03" => "AGREE",
        "02" | "10" => "REQUEST",
        "04" => "CONSULT",
        "05" => "SUPPORT",
        "06" => "COOPERATE",
        "07" => "AID",
        "08" => "CONCEDE",
        "09" | "11" => "ACCUSE",
        "12" => "REJECT",
        "13" => "THREATEN",
        "14" => "PROTEST",
        "15" => "MOBILIZE",
        "16" => "SANCTION",
        "17" => "COERCE",
        "18" | "19" | "20" => "ASSAULT",
        _ => "AGREE",
    }
}

/// QuadClass of a code by its root (0 for unknown roots).
fn quad_for_root(code: &str) -> u8 {
    match code.get(..2).and_then(|r| r.parse::<u8>().ok()) {
        Some(1..=2) => 0,
        Some(3..=5) => 1,
        Some(6..=8) => 2,
        Some(9..=13) | Some(16) => 3,
        Some(14..=15) | Some(17..=20) => 4,
        _ => 0,
    }
}

/// Whether a line is a TOML table header (`[name]`, `[[name]]`, `[a.b]`), and its name.
fn header(line: &str) -> Option<String> {
    let l = line.trim();
    let l = match l.find('#') {
        Some(i) => l[..i].trim_end(),
        None => l,
    };
    let inner = l
        .strip_prefix("[[")
        .and_then(|r| r.strip_suffix("]]"))
        .or_else(|| l.strip_prefix('[').and_then(|r| r.strip_suffix(']')))?;
    let inner = inner.trim();
    let ok = !inner.is_empty()
        && inner
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
    ok.then(|| inner.to_string())
}

/// Remove the tables whose header name satisfies `drop` (with everything up to the
/// next header that does not).
pub fn remove_tables(text: &str, drop: impl Fn(&str) -> bool) -> String {
    let mut out = String::new();
    let mut skipping = false;
    for line in text.lines() {
        if let Some(name) = header(line) {
            skipping = drop(&name);
        }
        if !skipping {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

fn io(path: &Path, source: std::io::Error) -> PetrarchError {
    PetrarchError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Copy a folder recursively.
fn copy_dir(from: &Path, to: &Path) -> Result<(), PetrarchError> {
    std::fs::create_dir_all(to).map_err(|e| io(to, e))?;
    for entry in std::fs::read_dir(from).map_err(|e| io(from, e))? {
        let entry = entry.map_err(|e| io(from, e))?;
        let src = entry.path();
        let dst = to.join(entry.file_name());
        let kind = entry.file_type().map_err(|e| io(&src, e))?;
        if kind.is_dir() {
            copy_dir(&src, &dst)?;
        } else if kind.is_file() {
            std::fs::copy(&src, &dst).map_err(|e| io(&src, e))?;
        }
    }
    Ok(())
}

/// The temporary data folder and the coder loaded from it. Keep it alive while the
/// coder is used (the folder is removed on drop).
pub struct DictionaryCoder {
    /// The coder.
    pub events: Events,
    /// What the conversion could express.
    pub stats: ConversionStats,
    /// The generated `lang/en/events.toml` (for `--dump-lexicon`).
    pub lexicon: String,
    _dir: TempDir,
}

impl std::fmt::Debug for DictionaryCoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DictionaryCoder")
            .field("stats", &self.stats)
            .finish_non_exhaustive()
    }
}

/// How the temporary coder codes future and negated events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conventions {
    /// PETRARCH's: the act itself ("is about to restore ties" → 064); `[future]` and
    /// `[negated]` of `coding.toml` removed.
    Petrarch,
    /// warta's (PLOVER's): a future act is an intent (AGREE); `coding.toml` kept.
    Warta,
}

/// Build the temporary data folder from warta's `data` and load a coder from it.
pub fn build(data: &DataDir, dict: &VerbDict) -> Result<DictionaryCoder, PetrarchError> {
    build_with(data, dict, Conventions::Petrarch)
}

/// [`build`] with a choice of coding conventions.
pub fn build_with(
    data: &DataDir,
    dict: &VerbDict,
    conventions: Conventions,
) -> Result<DictionaryCoder, PetrarchError> {
    let Some(root) = data.root() else {
        return Err(PetrarchError::NoDataFolder(data.describe()));
    };
    let dir = tempfile::tempdir().map_err(|e| io(Path::new("<tempdir>"), e))?;
    let copy = dir.path().join("data");
    copy_dir(root, &copy)?;

    let (triggers, stats) = verbs::convert(dict);
    let en = copy.join("lang/en/events.toml");
    let own = match std::fs::read_to_string(&en) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(io(&en, e)),
    };
    let mut lexicon = remove_tables(&own, |n| n == "trigger" || n.starts_with("trigger."));
    lexicon.push_str(
        "\n# ---- PETR.Validate.verbs.txt, converted by warta eval petrarch (dictionary mode) ----\n",
    );
    lexicon.push_str(&verbs::to_toml(&triggers));
    if let Some(parent) = en.parent() {
        std::fs::create_dir_all(parent).map_err(|e| io(parent, e))?;
    }
    std::fs::write(&en, &lexicon).map_err(|e| io(&en, e))?;

    if conventions == Conventions::Petrarch {
        let coding = copy.join("events/coding.toml");
        let text = std::fs::read_to_string(&coding).map_err(|e| io(&coding, e))?;
        let text = remove_tables(&text, |n| {
            n == "future" || n.starts_with("future.") || n == "negated"
        });
        std::fs::write(&coding, text).map_err(|e| io(&coding, e))?;
    }

    // Codes: add the missing ones, and types where none.
    let probe =
        Ontology::load(&DataDir::at(&copy)).map_err(|e| PetrarchError::Coder(e.to_string()))?;
    let mut cameo_rows = String::new();
    let mut plover_rows = String::new();
    for code in verbs::codes_used(&triggers) {
        let known = probe.cameo(&code);
        if known.is_none() {
            cameo_rows.push_str(&format!(
                "{code}\tPETRARCH unit-test code\t0\t{}\n",
                quad_for_root(&code)
            ));
        }
        if known.and_then(|c| c.event_type.as_ref()).is_none() {
            plover_rows.push_str(&format!(
                "{code}\t{}\t\t\tPETRARCH unit-test code\n",
                type_for_root(&code)
            ));
        }
    }
    for (file, rows) in [
        ("events/cameo.tsv", cameo_rows),
        ("events/cameo-plover.tsv", plover_rows),
    ] {
        let path = copy.join(file);
        let mut text = std::fs::read_to_string(&path).map_err(|e| io(&path, e))?;
        if !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&rows);
        std::fs::write(&path, text).map_err(|e| io(&path, e))?;
    }

    let events =
        Events::load(&DataDir::at(&copy)).map_err(|e| PetrarchError::Coder(e.to_string()))?;
    Ok(DictionaryCoder {
        events,
        stats,
        lexicon,
        _dir: dir,
    })
}
