//! Splitting a text dump into paragraphs.
//!
//! In the dumps crawlers save, a line is a paragraph. Some files are hard-wrapped
//! instead (most lines 55–90 chars, paragraphs separated by blank lines): their
//! wrapped lines are joined back into paragraphs first.

/// Shortest line counted as a wrapped line.
const WRAP_MIN_CHARS: usize = 55;
/// Longest line counted as a wrapped line.
const WRAP_MAX_CHARS: usize = 90;
/// Fewest non-blank lines for wrap detection to be meaningful.
const WRAP_MIN_LINES: usize = 6;

/// The paragraphs of a text dump, trimmed, blank ones dropped.
pub(crate) fn paragraphs(text: &str) -> Vec<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text
        .split(['\n', '\u{2028}', '\u{2029}'])
        .flat_map(|l| l.strip_suffix('\r').unwrap_or(l).split('\r'))
        .map(str::trim)
        .collect();
    if hard_wrapped(&lines) {
        join_wrapped(&lines)
    } else {
        lines
            .into_iter()
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect()
    }
}

/// Most non-blank lines are 55–90 chars, many are followed by another non-blank
/// line (wrapped paragraphs), and blank lines separate paragraphs.
fn hard_wrapped(lines: &[&str]) -> bool {
    let mut nonblank = 0usize;
    let mut in_range = 0usize;
    let mut continued = 0usize;
    let mut blank = false;
    for (k, l) in lines.iter().enumerate() {
        if l.is_empty() {
            blank = true;
            continue;
        }
        nonblank += 1;
        let n = l.chars().take(WRAP_MAX_CHARS + 1).count();
        if (WRAP_MIN_CHARS..=WRAP_MAX_CHARS).contains(&n) {
            in_range += 1;
            if lines.get(k + 1).is_some_and(|next| !next.is_empty()) {
                continued += 1;
            }
        }
    }
    blank && nonblank >= WRAP_MIN_LINES && in_range * 2 > nonblank && continued * 10 >= nonblank * 3
}

/// Join the lines of each blank-separated paragraph. A line shorter than the wrap
/// width was not wrapped: it ends its paragraph (a byline above a date line stays
/// apart). A line ending in a hyphen after a letter joins without a space
/// ("negara-" + "negara").
fn join_wrapped(lines: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    // Chars (up to the wrap minimum) of the last line appended to `cur`.
    let mut cur_last = 0usize;
    for l in lines {
        if l.is_empty() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if !cur.is_empty() && cur_last < WRAP_MIN_CHARS && !cur.ends_with('-') {
            out.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            let mut tail = cur.chars().rev();
            let hyphen = tail.next() == Some('-') && tail.next().is_some_and(char::is_alphabetic);
            if !hyphen {
                cur.push(' ');
            }
        }
        cur.push_str(l);
        cur_last = l.chars().take(WRAP_MIN_CHARS).count();
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_one_paragraph() {
        let got = paragraphs("\u{feff}Judul\r\n\r\nSatu.\rDua.\n  \nTiga.");
        assert_eq!(got, ["Judul", "Satu.", "Dua.", "Tiga."]);
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let para = "Kalimat pembuka yang cukup panjang untuk dibungkus pada kolom\n\
                    enam puluh karakter lebih sedikit, lalu berlanjut ke baris\n\
                    berikutnya tanpa jeda, seperti arsip teks lama yang dibungkus.";
        let text =
            format!("Judul Berita Hari Ini\n\n{para}\n\n{para}\n\n{para}\n\nnegara-\nnegara.");
        let got = paragraphs(&text);
        assert_eq!(got.len(), 5);
        assert!(got[1].starts_with("Kalimat pembuka"));
        assert!(got[1].contains("kolom enam puluh"));
        assert_eq!(got[4], "negara-negara.");
    }

    #[test]
    fn empty() {
        assert!(paragraphs("").is_empty());
        assert!(paragraphs("\n\r\n   \n").is_empty());
    }
}
