//! Language identification for article text: Indonesian, Malay, English or other.
//!
//! Scores come from per-language word lists in `data/lang/<code>/langid.txt`
//! (frequent and distinctive words, with weights); Malay and Indonesian share most
//! function words, so their lists carry the words that tell them apart
//! (kerana/karena, bahawa/bahwa, kerajaan/pemerintah, …). Adding a language is
//! adding a folder with such a file.
//!
//! How a text is decided (constants below, format in `data/README.md`):
//!
//! 1. Only the first [`MAX_BYTES`] bytes are read; words are lower-cased letter runs.
//! 2. A text with fewer than [`MIN_TOKENS`] words and fewer than [`MIN_LETTERS`]
//!    letters is too short to judge: the hint decides (no hint → [`Lang::Other`]).
//! 3. Each language scores the sum of its list weights over the words (and word pairs)
//!    of the text. The best score wins if at least [`MIN_COVERAGE`] of the words are
//!    in its list; otherwise the text is [`Lang::Other`] (French, Tagalog, Chinese,
//!    gibberish), unless the hint names that language and the coverage reaches half
//!    the threshold.
//! 4. When the two best scores are within [`TIE_MARGIN`] (Indonesian and Malay text
//!    with no distinctive word), the hint decides between them; without a hint the
//!    one covering more words wins, then the language whose code sorts first (`id`
//!    before `ms`).
//!
//! ```
//! use warta_lang::LangId;
//! use warta_langdata::DataDir;
//! use warta_model::Lang;
//!
//! let id = LangId::load(&DataDir::locate(None)).unwrap();
//! let text = "Polisi mengatakan bahwa kendaraan itu disita karena tidak memiliki surat.";
//! assert_eq!(id.detect(text, None), Lang::Id);
//! ```

mod lists;
mod score;

use warta_model::Lang;

/// Errors loading the language-ID data.
#[derive(Debug, thiserror::Error)]
pub enum LangError {
    /// A data file is missing or invalid.
    #[error(transparent)]
    Data(#[from] warta_langdata::DataError),
}

/// Bytes of text read: the opening of an article decides its language, and capping
/// it keeps detection time flat on very long pages.
pub const MAX_BYTES: usize = 20_000;

/// Below this many words (and [`MIN_LETTERS`] letters) a text is too short to judge.
pub const MIN_TOKENS: u32 = 5;

/// A text with this many letters is judged even with few words (scripts written
/// without spaces, such as Chinese, make few but long words).
pub const MIN_LETTERS: u32 = 30;

/// Share of a text's words that must be in the winning language's list. Running
/// Indonesian, Malay or English text has 40–80% of its words in these lists; French,
/// Spanish, German or Tagalog text stays below 20% (German, through "in", "die",
/// "am", is the closest at about 16% on the test paragraphs).
pub const MIN_COVERAGE: f32 = 0.25;

/// Scores closer than this are a tie (no distinctive word either way).
pub const TIE_MARGIN: f32 = 1.0;

/// One language's evidence for a text, for explanation and evaluation.
#[derive(Debug, Clone, PartialEq)]
pub struct LangScore {
    /// The data folder code (`id`, `ms`, `en`, …).
    pub code: String,
    /// The language it maps to ([`Lang::Other`] for codes the model does not name).
    pub lang: Lang,
    /// Sum of list weights over the text.
    pub score: f32,
    /// Share of the text's words found in the list.
    pub coverage: f32,
}

/// The language identifier.
#[derive(Debug, Clone, Default)]
pub struct LangId {
    /// Loaded languages, sorted by code: (code, language).
    langs: Vec<(String, Lang)>,
    table: lists::Table,
}

impl LangId {
    /// Load word lists for every language in the data folder (languages without a
    /// `langid.txt` are skipped). A malformed line is an error with its line number.
    pub fn load(data: &warta_langdata::DataDir) -> Result<LangId, LangError> {
        let mut texts = Vec::new();
        for code in data.languages() {
            let rel = format!("lang/{code}/langid.txt");
            if let Some(text) = data.read_optional(&rel)? {
                texts.push((code, rel, text));
            }
        }
        let mut table = lists::Table::new(texts.len());
        let mut langs = Vec::with_capacity(texts.len());
        for (i, (code, rel, text)) in texts.into_iter().enumerate() {
            table.add(i, &text).map_err(|message| {
                LangError::Data(warta_langdata::DataError::Invalid { path: rel, message })
            })?;
            let lang = Lang::from_tag(&code);
            langs.push((code, lang));
        }
        Ok(LangId { langs, table })
    }

    /// The language codes with a word list, sorted.
    pub fn languages(&self) -> Vec<&str> {
        self.langs.iter().map(|(c, _)| c.as_str()).collect()
    }

    /// The evidence per language for `text` (first [`MAX_BYTES`] bytes), best first.
    pub fn scores(&self, text: &str) -> Vec<LangScore> {
        let c = score::count(&self.table, head(text));
        let mut out: Vec<LangScore> = self
            .langs
            .iter()
            .enumerate()
            .map(|(i, (code, lang))| LangScore {
                code: code.clone(),
                lang: *lang,
                score: c.score.get(i).copied().unwrap_or(0.0),
                coverage: coverage(c.matched.get(i).copied().unwrap_or(0), c.tokens),
            })
            .collect();
        out.sort_by(|a, b| b.score.total_cmp(&a.score));
        out
    }

    /// The language of `text`; `hint` (from `<html lang>` or metadata) decides short
    /// texts and Indonesian/Malay ties. See the crate docs for the rules.
    pub fn detect(&self, text: &str, hint: Option<Lang>) -> Lang {
        let hinted = hint.unwrap_or(Lang::Other);
        let c = score::count(&self.table, head(text));
        if c.tokens < MIN_TOKENS && c.letters < MIN_LETTERS {
            return hinted;
        }
        // Rank: score, then coverage, then code order (the `langs` order).
        let mut order: Vec<usize> = (0..self.langs.len()).collect();
        let key = |i: usize| {
            (
                c.score.get(i).copied().unwrap_or(0.0),
                c.matched.get(i).copied().unwrap_or(0),
            )
        };
        order.sort_by(|&a, &b| {
            let (sa, ma) = key(a);
            let (sb, mb) = key(b);
            sb.total_cmp(&sa).then(mb.cmp(&ma)).then(a.cmp(&b))
        });
        let Some(&best) = order.first() else {
            return hinted;
        };
        let lang_of = |i: usize| self.langs.get(i).map_or(Lang::Other, |(_, l)| *l);
        let cov = |i: usize| coverage(key(i).1, c.tokens);
        if cov(best) < MIN_COVERAGE {
            let weak_but_hinted = hint == Some(lang_of(best)) && cov(best) >= MIN_COVERAGE / 2.0;
            return if weak_but_hinted { hinted } else { Lang::Other };
        }
        if let Some(&second) = order.get(1) {
            let tie = key(best).0 - key(second).0 < TIE_MARGIN && cov(second) >= MIN_COVERAGE;
            if tie && hint.is_some() && hint == Some(lang_of(second)) {
                return hinted;
            }
        }
        lang_of(best)
    }
}

fn coverage(matched: u32, tokens: u32) -> f32 {
    if tokens == 0 {
        0.0
    } else {
        matched as f32 / tokens as f32
    }
}

/// The first [`MAX_BYTES`] bytes of `text`, cut at a char boundary.
fn head(text: &str) -> &str {
    if text.len() <= MAX_BYTES {
        return text;
    }
    let mut end = MAX_BYTES;
    while end > 0 && !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or(text)
}
