//! Readable renderings of articles for people (the JSON is for programs).

use std::io::Write;
use warta_model::{Article, CharIndex};

/// Longest paragraph excerpt shown in a digest, in chars.
const EXCERPT_CHARS: usize = 160;

/// Write a short, human-readable digest of one article.
pub fn write_digest(out: &mut impl Write, a: &Article) -> std::io::Result<()> {
    let rule = "─".repeat(72);
    writeln!(out, "{rule}")?;
    writeln!(out, "{}", a.title.as_deref().unwrap_or("(no title)"))?;
    writeln!(out, "  source    {}", a.source)?;
    let mut line = |label: &str, value: String| -> std::io::Result<()> {
        if !value.is_empty() {
            writeln!(out, "  {label:<9} {value}")?;
        }
        Ok(())
    };
    line("lang", a.lang.code().to_string())?;
    line("outlet", a.outlet.clone().unwrap_or_default())?;
    line("dateline", a.dateline.clone().unwrap_or_default())?;
    line(
        "published",
        a.published
            .as_ref()
            .map(|p| format!("{}  ({:?} from \"{}\")", p.value, p.resolution, p.text))
            .unwrap_or_default(),
    )?;
    line(
        "authors",
        a.authors
            .iter()
            .map(|x| format!("{} ({})", x.name, x.role))
            .collect::<Vec<_>>()
            .join(", "),
    )?;
    line(
        "wires",
        a.wires
            .iter()
            .map(|w| format!("{} (\"{}\")", w.name, w.text))
            .collect::<Vec<_>>()
            .join(", "),
    )?;
    line("id", a.id.clone())?;
    writeln!(
        out,
        "  body      {} paragraphs, {} chars",
        a.paragraphs.len(),
        a.text.chars().count()
    )?;
    let idx = CharIndex::new(&a.text);
    for (i, span) in a.paragraphs.iter().enumerate() {
        let p = idx.slice(&a.text, *span).unwrap_or("");
        let excerpt: String = p.chars().take(EXCERPT_CHARS).collect();
        let more = if p.chars().count() > EXCERPT_CHARS {
            "…"
        } else {
            ""
        };
        writeln!(out, "    ¶{:<3} {excerpt}{more}", i + 1)?;
    }
    if !a.removed.is_empty() {
        writeln!(out, "  removed   {} lines:", a.removed.len())?;
        for r in &a.removed {
            let excerpt: String = r.text.chars().take(70).collect();
            writeln!(out, "    [{}] {excerpt}", r.class.as_str())?;
        }
    }
    Ok(())
}
