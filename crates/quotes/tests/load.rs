//! Loading: bad data is a typed error naming the file, never a panic.

use std::fs;

use warta_langdata::DataDir;
use warta_quotes::{QuoteError, Quotes};

fn data_with(quotes_toml: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let lang = dir.path().join("lang/id");
    fs::create_dir_all(&lang).expect("lang dir");
    fs::write(lang.join("quotes.toml"), quotes_toml).expect("write");
    dir
}

fn load(quotes_toml: &str) -> Result<Quotes, QuoteError> {
    let dir = data_with(quotes_toml);
    Quotes::load(&DataDir::at(dir.path()))
}

#[test]
fn the_repository_data_and_the_embedded_copy_load() {
    Quotes::load(&DataDir::locate(None)).expect("repository data");
    Quotes::load(&DataDir::embedded()).expect("embedded data");
}

#[test]
fn no_quotes_file_is_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::create_dir_all(dir.path().join("lang/id")).expect("lang dir");
    assert!(matches!(
        Quotes::load(&DataDir::at(dir.path())),
        Err(QuoteError::NoLexicon { .. })
    ));
}

#[test]
fn malformed_files_name_the_file() {
    for (bad, needle) in [
        ("[cues]\nafter = [\"kata\"\n", "quotes.toml"),
        ("[cuez]\nafter = []\n", "cuez"),
        (
            "[roles]\n\"Foreign Minister\" = [\"menlu\"]\n",
            "snake_case",
        ),
        ("[countries]\nUS = [\"AS\"]\n", "alpha-3"),
        ("[channels]\npatterns = ['(?P<wire>{wyre})']\n", "wyre"),
        ("[channels]\npatterns = ['(unclosed']\n", "channel pattern"),
    ] {
        match load(bad) {
            Err(e @ QuoteError::Invalid { .. }) => {
                let msg = e.to_string();
                assert!(msg.contains("lang/id/quotes.toml"), "{msg}");
                assert!(msg.contains(needle), "{msg}");
            }
            other => panic!("{bad:?}: expected an invalid-file error, got {other:?}"),
        }
    }
}

#[test]
fn a_minimal_language_works() {
    let q = load("[cues]\nafter = [\"kata\"]\n").expect("loads");
    let found = q.find_text(
        "“Kami siap membantu,” kata Jokowi.",
        &[],
        warta_model::Lang::Id,
    );
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].speaker.as_ref().map(|s| s.text.as_str()),
        Some("Jokowi")
    );
}
