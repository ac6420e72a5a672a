//! Readable renderings of articles for people (the JSON is for programs).

use std::collections::BTreeMap;
use std::io::Write;
use warta_model::{Article, CharIndex, Modality};

/// Most distinct entities named in a digest line.
const ENTITIES_SHOWN: usize = 10;

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
    write_facts(out, a)?;
    if !a.removed.is_empty() {
        writeln!(out, "  removed   {} lines:", a.removed.len())?;
        for r in &a.removed {
            let excerpt: String = r.text.chars().take(70).collect();
            writeln!(out, "    [{}] {excerpt}", r.class.as_str())?;
        }
    }
    Ok(())
}

/// The facts of later stages, one line each: who is mentioned (most often first), who
/// said what, who did what to whom (the `entities`, `quotes` and `events` commands
/// show them in full).
fn write_facts(out: &mut impl Write, a: &Article) -> std::io::Result<()> {
    if !a.entities.is_empty() {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for e in &a.entities {
            *counts
                .entry(e.canonical.as_deref().unwrap_or(&e.text))
                .or_default() += 1;
        }
        let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
        ranked.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(y.0)));
        let shown: Vec<String> = ranked
            .iter()
            .take(ENTITIES_SHOWN)
            .map(|(name, n)| format!("{name} ×{n}"))
            .collect();
        let more = ranked.len().saturating_sub(ENTITIES_SHOWN);
        let tail = if more > 0 {
            format!(" (+{more} more)")
        } else {
            String::new()
        };
        writeln!(out, "  entities  {}{tail}", shown.join(", "))?;
    }
    if !a.quotes.is_empty() {
        writeln!(out, "  quotes    {}:", a.quotes.len())?;
        for q in &a.quotes {
            let excerpt: String = q.text.chars().take(60).collect();
            let more = if q.text.chars().count() > 60 {
                "…"
            } else {
                ""
            };
            let mark = if q.direct { "“" } else { "(reported) " };
            let close = if q.direct { "”" } else { "" };
            writeln!(
                out,
                "    {}: {mark}{}{more}{close}",
                super::quotes::attribution(q),
                excerpt.replace("\n\n", " ¶ ")
            )?;
        }
    }
    if !a.events.is_empty() {
        writeln!(out, "  events    {}:", a.events.len())?;
        for e in &a.events {
            let mut s = format!("{} {}  {}", e.event_type, e.cameo, super::events::who(e));
            if let Some(d) = &e.date {
                s.push_str(&format!("  {}", d.value));
            }
            if e.modality != Modality::Asserted {
                s.push_str(&format!("  [{}]", e.modality.as_str()));
            }
            s.push_str(&format!("  ({})", e.trigger.text));
            writeln!(out, "    {s}")?;
        }
    }
    Ok(())
}
