//! Expanding command-line paths into the files to read, lazily and in a stable order.
//!
//! Directories are walked depth-first with each directory's entries sorted by name,
//! so the same corpus always yields the same document order (and so the same
//! output file). Dotfiles and dot-directories inside a walked directory are
//! skipped (`.git`, editor swap files); a path named explicitly is always read.
//! Symbolic links to files are followed; symbolic links to directories found while
//! walking are not, which rules out cycles.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// One input the walker found.
#[derive(Debug)]
pub(crate) enum Entry {
    /// A file to read (or `-` for stdin).
    File(PathBuf),
    /// A path that could not be listed or inspected.
    Error(PathBuf, io::Error),
}

/// Lazy depth-first walk over the given paths.
#[derive(Debug)]
pub(crate) struct Walker {
    /// Paths still to visit, in reverse order (next one at the end); the flag says
    /// whether the path was named explicitly (explicit paths are never skipped).
    stack: Vec<(PathBuf, bool)>,
}

impl Walker {
    pub fn new(paths: &[PathBuf]) -> Walker {
        Walker {
            stack: paths.iter().rev().map(|p| (p.clone(), true)).collect(),
        }
    }
}

/// True for names starting with a dot (hidden files).
fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.as_encoded_bytes().first() == Some(&b'.'))
}

impl Iterator for Walker {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        while let Some((path, explicit)) = self.stack.pop() {
            if explicit && path.as_os_str() == "-" {
                return Some(Entry::File(path));
            }
            if !explicit && is_hidden(&path) {
                continue;
            }
            // Explicit paths follow symlinks; walked ones are checked without following
            // so a link to a directory cannot make the walk loop.
            let meta = if explicit {
                fs::metadata(&path)
            } else {
                fs::symlink_metadata(&path)
            };
            let meta = match meta {
                Ok(m) => m,
                Err(e) => return Some(Entry::Error(path, e)),
            };
            let is_dir = meta.is_dir();
            let is_link = meta.file_type().is_symlink();
            if is_link {
                // A walked symlink: read it if it points at a file.
                match fs::metadata(&path) {
                    Ok(target) if target.is_file() => return Some(Entry::File(path)),
                    Ok(_) => continue,
                    Err(e) => return Some(Entry::Error(path, e)),
                }
            }
            if !is_dir {
                if meta.is_file() || explicit {
                    return Some(Entry::File(path));
                }
                // Sockets, fifos and devices met while walking are not inputs.
                continue;
            }
            let listing = match fs::read_dir(&path) {
                Ok(rd) => rd,
                Err(e) => return Some(Entry::Error(path, e)),
            };
            let mut children = Vec::new();
            for entry in listing {
                match entry {
                    Ok(e) => children.push(e.path()),
                    Err(e) => return Some(Entry::Error(path, e)),
                }
            }
            children.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
            self.stack
                .extend(children.into_iter().rev().map(|p| (p, false)));
        }
        None
    }
}

/// Sum of the sizes of every file the walk visits (stdin and errors count 0).
pub(crate) fn total_size(paths: &[PathBuf]) -> u64 {
    Walker::new(paths)
        .filter_map(|e| match e {
            Entry::File(p) if p.as_os_str() != "-" => fs::metadata(&p).ok().map(|m| m.len()),
            _ => None,
        })
        .fold(0u64, u64::saturating_add)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_recursive_without_dotfiles() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("b/sub")).unwrap();
        fs::create_dir_all(root.join(".hidden")).unwrap();
        for f in [
            "c.txt",
            "a.txt",
            "b/sub/z.txt",
            "b/y.txt",
            ".dot.txt",
            ".hidden/x.txt",
        ] {
            fs::write(root.join(f), "x").unwrap();
        }
        let got: Vec<String> = Walker::new(&[root.to_path_buf()])
            .map(|e| match e {
                Entry::File(p) => p.strip_prefix(root).unwrap().display().to_string(),
                Entry::Error(p, e) => panic!("{p:?}: {e}"),
            })
            .collect();
        assert_eq!(got, ["a.txt", "b/sub/z.txt", "b/y.txt", "c.txt"]);
        assert_eq!(total_size(&[root.to_path_buf()]), 4);
    }

    #[test]
    fn explicit_dotfile_and_missing_path() {
        let dir = tempfile::tempdir().unwrap();
        let dot = dir.path().join(".x.txt");
        fs::write(&dot, "x").unwrap();
        let missing = dir.path().join("nope");
        let got: Vec<Entry> = Walker::new(&[dot.clone(), missing, PathBuf::from("-")]).collect();
        assert!(matches!(&got[0], Entry::File(p) if *p == dot));
        assert!(matches!(&got[1], Entry::Error(..)));
        assert!(matches!(&got[2], Entry::File(p) if p.as_os_str() == "-"));
    }
}
