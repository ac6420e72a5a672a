//! Where warta's language data lives and how it is read.
//!
//! Language is data: lexicons, boilerplate patterns, date words, wire names and
//! trained models are versioned files under one folder (`data/` in the repository),
//! read at run time so a linguist can extend Indonesian or add Malay without
//! touching Rust. [`DataDir::locate`] finds that folder; when none is found (a
//! binary copied elsewhere), the copy embedded at build time is used, so `warta`
//! always works.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

pub mod shared;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// Errors reading language data.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    /// The file is neither in the data folder nor embedded.
    #[error("data file `{path}` not found (looked in {root})")]
    Missing {
        /// Relative path asked for.
        path: String,
        /// Where we looked.
        root: String,
    },
    /// The file exists but could not be read.
    #[error("cannot read data file `{path}`: {source}")]
    Io {
        /// Absolute path.
        path: String,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The file was read but its content is not valid.
    #[error("invalid data file `{path}`: {message}")]
    Invalid {
        /// Relative path.
        path: String,
        /// What is wrong, with line numbers where known.
        message: String,
    },
}

/// The language data folder in use: a directory on disk, or the embedded copy.
#[derive(Debug, Clone)]
pub struct DataDir {
    root: Option<PathBuf>,
}

/// Environment variable that points at a data folder.
pub const DATA_ENV: &str = "WARTA_DATA";

impl DataDir {
    /// Find the data folder: `explicit` (the `--data` flag) if given, else
    /// `$WARTA_DATA`, else the repository's `data/` this binary was built from if it
    /// still exists, else the embedded copy.
    pub fn locate(explicit: Option<&Path>) -> DataDir {
        if let Some(p) = explicit {
            return DataDir::at(p);
        }
        if let Some(p) = std::env::var_os(DATA_ENV) {
            return DataDir::at(Path::new(&p));
        }
        let built_from = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
        if built_from.join("lang").is_dir() {
            return DataDir::at(&built_from);
        }
        DataDir::embedded()
    }

    /// Use the folder at `path` (no fallback to the embedded copy for missing files,
    /// so a user's deletion is respected).
    pub fn at(path: &Path) -> DataDir {
        DataDir {
            root: Some(path.canonicalize().unwrap_or_else(|_| path.to_path_buf())),
        }
    }

    /// Use only the copy embedded at build time.
    pub fn embedded() -> DataDir {
        DataDir { root: None }
    }

    /// The folder on disk, or `None` for the embedded copy.
    pub fn root(&self) -> Option<&Path> {
        self.root.as_deref()
    }

    /// A human-readable description of where data comes from.
    pub fn describe(&self) -> String {
        match &self.root {
            Some(p) => p.display().to_string(),
            None => "<embedded data>".to_string(),
        }
    }

    /// Read the text file at `rel` (a `/`-separated path such as `lang/id/dates.toml`).
    pub fn read(&self, rel: &str) -> Result<Cow<'static, str>, DataError> {
        match &self.root {
            Some(root) => {
                let path = root.join(rel);
                if !path.exists() {
                    return Err(DataError::Missing {
                        path: rel.to_string(),
                        root: root.display().to_string(),
                    });
                }
                std::fs::read_to_string(&path)
                    .map(Cow::Owned)
                    .map_err(|source| DataError::Io {
                        path: path.display().to_string(),
                        source,
                    })
            }
            None => embedded::EMBEDDED
                .iter()
                .find(|(p, _)| *p == rel)
                .map(|(_, text)| Cow::Borrowed(*text))
                .ok_or_else(|| DataError::Missing {
                    path: rel.to_string(),
                    root: self.describe(),
                }),
        }
    }

    /// Read `rel` if it exists; `Ok(None)` when it does not.
    pub fn read_optional(&self, rel: &str) -> Result<Option<Cow<'static, str>>, DataError> {
        match self.read(rel) {
            Ok(text) => Ok(Some(text)),
            Err(DataError::Missing { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// The language codes that have a folder under `lang/`, sorted.
    pub fn languages(&self) -> Vec<String> {
        let mut langs: Vec<String> = match &self.root {
            Some(root) => std::fs::read_dir(root.join("lang"))
                .map(|rd| {
                    rd.flatten()
                        .filter(|e| e.path().is_dir())
                        .filter_map(|e| e.file_name().to_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default(),
            None => embedded::EMBEDDED
                .iter()
                .filter_map(|(p, _)| p.strip_prefix("lang/")?.split('/').next())
                .map(str::to_string)
                .collect(),
        };
        langs.sort();
        langs.dedup();
        langs
    }
}

/// Split a simple list file into entries: one per line, `#` starts a comment,
/// blank lines ignored, surrounding whitespace trimmed.
pub fn list_entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(|l| l.split_once('#').map_or(l, |(a, _)| a).trim())
        .filter(|l| !l.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_and_disk_agree_on_languages() {
        let disk = DataDir::locate(None);
        let emb = DataDir::embedded();
        assert_eq!(disk.languages(), emb.languages());
        assert!(emb.languages().contains(&"id".to_string()));
    }

    #[test]
    fn missing_file_is_a_typed_error() {
        let dir = tempfile::tempdir().unwrap();
        let d = DataDir::at(dir.path());
        assert!(matches!(
            d.read("lang/xx/none.toml"),
            Err(DataError::Missing { .. })
        ));
        assert!(d.read_optional("lang/xx/none.toml").unwrap().is_none());
    }

    #[test]
    fn list_entries_strip_comments() {
        let got: Vec<&str> = list_entries("# head\nsatu  # one\n\n dua\n").collect();
        assert_eq!(got, ["satu", "dua"]);
    }
}
