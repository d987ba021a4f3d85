//! Word wrapping for prose on a terminal. A terminal cuts a long line wherever its edge falls,
//! mid-word and mid-duration; these lines break between words instead, never inside a duration
//! ("1 h 15 min", "(40 min)") nor inside a URL (a terminal's own wrapping keeps a URL that is
//! too long whole and clickable, so such a URL gets a line of its own and is left alone).

use std::io::{self, Write};
use unicode_width::UnicodeWidthChar;

/// How many columns `text` takes on a terminal: ANSI escape sequences (colors) take none.
pub fn width(text: &str) -> usize {
    let mut columns = 0;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            // CSI sequences ("\x1b[1;31m") end with a letter.
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            columns += c.width().unwrap_or(0);
        }
    }
    columns
}

/// Runs `body` with a writer that wraps each line it writes to `width` columns (see [`fill`]).
/// Without a width (not a terminal) `body` writes to `w` itself, so piped output stays byte for
/// byte what it was. Lines that fit pass unchanged: a table written through it is not touched.
pub fn wrapped(
    w: &mut dyn Write,
    width: Option<u16>,
    body: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let Some(width) = width else {
        return body(w);
    };
    let mut wrapper = Wrapper {
        inner: w,
        width: width.into(),
        line: Vec::new(),
    };
    body(&mut wrapper)?;
    // A last line without its '\n' (the renderers write none, but a writer should not lose it).
    if !wrapper.line.is_empty() {
        let text = String::from_utf8_lossy(&wrapper.line).into_owned();
        wrapper
            .inner
            .write_all(fill(&text, wrapper.width).join("\n").as_bytes())?;
    }
    Ok(())
}

struct Wrapper<'a> {
    inner: &'a mut dyn Write,
    width: usize,
    /// The line written so far (bytes: a character may come in two writes).
    line: Vec<u8>,
}

impl Write for Wrapper<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        for &byte in buf {
            if byte == b'\n' {
                let text = String::from_utf8_lossy(&self.line).into_owned();
                for part in fill(&text, self.width) {
                    writeln!(self.inner, "{part}")?;
                }
                self.line.clear();
            } else {
                self.line.push(byte);
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Wraps one line (without '\n') to `columns`. A line that fits is returned as it is.
/// Otherwise its indentation starts the first line and the others are indented two more (a
/// hanging indent, so that a wrapped item stands out from the next); words are kept with the
/// spaces between them. A word wider than a line is cut, after a '/' where one fits.
pub fn fill(line: &str, columns: usize) -> Vec<String> {
    if width(line) <= columns {
        return vec![line.to_string()];
    }
    let body = line.trim_start_matches(' ');
    let hanging = format!("{}  ", &line[..line.len() - body.len()]);
    let mut lines = Vec::new();
    let mut current = line[..line.len() - body.len()].to_string();
    // Whether `current` holds a word yet, beyond its indentation.
    let mut started = false;
    for (gap, word) in words(body) {
        if started {
            let used = width(&current) + width(gap);
            // A word too wide for any line is cut anyway: at a '/' on this line if one fits.
            let cut_here = width(&word) > columns.saturating_sub(hanging.len())
                && !is_url(&word)
                && cut_at(&word, columns.saturating_sub(used)).1;
            if used + width(&word) <= columns || cut_here {
                current.push_str(gap);
                place(&mut current, &word, columns, &hanging, &mut lines);
                continue;
            }
            lines.push(std::mem::replace(&mut current, hanging.clone()));
        }
        place(&mut current, &word, columns, &hanging, &mut lines);
        started = true;
    }
    lines.push(current);
    lines
}

/// Pieces narrower than this help no one: past a deep indentation a word that does not fit
/// overflows rather than crumble into a column of letters.
const MIN_PIECE: usize = 8;

/// Puts `word` at the end of `current`, cutting it over lines when it does not fit; a URL is
/// never cut.
fn place(current: &mut String, word: &str, columns: usize, hanging: &str, lines: &mut Vec<String>) {
    let mut rest = word;
    while !is_url(word) && !rest.is_empty() && width(current) + width(rest) > columns {
        let room = columns.saturating_sub(width(current));
        let (cut, at_slash) = cut_at(rest, room);
        if !(at_slash || room >= MIN_PIECE) || cut >= rest.len() {
            break;
        }
        current.push_str(&rest[..cut]);
        lines.push(std::mem::replace(current, hanging.to_string()));
        rest = &rest[cut..];
    }
    current.push_str(rest);
}

fn is_url(word: &str) -> bool {
    word.starts_with("https://") || word.starts_with("http://")
}

/// Where to cut `word` to take at most `room` columns, and whether that is after a '/': after
/// its last '/' that fits, else after the last character that fits (at least one character, so
/// that cutting always goes forward).
fn cut_at(word: &str, room: usize) -> (usize, bool) {
    let mut end = 0;
    let mut slash = None;
    let mut used = 0;
    for (at, c) in word.char_indices() {
        used += c.width().unwrap_or(0);
        if used > room && end > 0 {
            break;
        }
        end = at + c.len_utf8();
        if c == '/' && used <= room {
            slash = Some(end);
        }
    }
    match slash.filter(|&at| at < word.len()) {
        Some(at) => (at, true),
        None => (end, false),
    }
}

/// The words of a line, each with the spaces before it. A duration is one word: a number and
/// its unit ("40 min", "(40 min)", "5.0 h"), and an hour and its minutes ("1 h 15 min").
fn words(text: &str) -> Vec<(&str, String)> {
    let mut words: Vec<(&str, String)> = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let gap_len = rest.len() - rest.trim_start_matches(' ').len();
        let (gap, after) = rest.split_at(gap_len);
        let word_len = after.find(' ').unwrap_or(after.len());
        let (word, after) = after.split_at(word_len);
        rest = after;
        if word.is_empty() {
            break;
        }
        match words.last_mut() {
            Some((_, previous)) if continues_duration(previous, word) => {
                previous.push_str(gap);
                previous.push_str(word);
            }
            _ => words.push((gap, word.to_string())),
        }
    }
    words
}

/// Whether `word` belongs to the duration that `previous` ends with: a unit after a number
/// ("40" "min)"), or the minutes after a whole hour ("1 h" "15").
fn continues_duration(previous: &str, word: &str) -> bool {
    let unit = word.trim_end_matches([')', ',', '.', ';', ':']);
    let after_number = previous.ends_with(|c: char| c.is_ascii_digit());
    let after_hour = previous.ends_with(" h") && previous.contains(|c: char| c.is_ascii_digit());
    (after_number && (unit == "h" || unit == "min"))
        || (after_hour && word.starts_with(|c: char| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_that_fits_is_left_alone() {
        let line = "  two  spaces   kept";
        assert_eq!(fill(line, 20), vec![line]);
        assert_eq!(fill("", 20), vec![""]);
    }

    #[test]
    fn long_lines_break_between_words_with_a_hanging_indent() {
        assert_eq!(
            fill("  one two three four five", 12),
            vec!["  one two", "    three", "    four", "    five"]
        );
    }

    #[test]
    fn durations_stay_whole() {
        let lines = fill("aaaa 1 h 15 min in 5 sessions (40 min)", 12);
        assert_eq!(
            lines,
            vec!["aaaa", "  1 h 15 min", "  in 5", "  sessions", "  (40 min)"]
        );
        assert_eq!(fill("x 5.0 h a week", 8), vec!["x 5.0 h", "  a week"]);
    }

    #[test]
    fn long_words_are_cut_after_a_slash_and_urls_are_not_cut() {
        assert_eq!(
            fill("  a 05_spec/04_cpu/01_tlb.md", 16),
            vec!["  a 05_spec/", "    04_cpu/", "    01_tlb.md"]
        );
        assert_eq!(
            fill("abcdefghijklmnopqrst", 10),
            vec!["abcdefghij", "  klmnopqr", "  st"]
        );
        // A word that fits a line of its own moves there whole; one that fits none is cut.
        assert_eq!(fill("  [ ] aa/bb.md", 12), vec!["  [ ]", "    aa/bb.md"]);
        assert_eq!(fill("  [ ] aa/bbbbbb", 12), vec!["  [ ] aa/", "    bbbbbb"]);
        let url = "https://example.com/a/very/long/path.md";
        assert_eq!(
            fill(&format!("  source:  {url}"), 20),
            vec!["  source:".to_string(), format!("    {url}")]
        );
    }

    #[test]
    fn a_deep_indentation_leaves_words_whole_rather_than_in_crumbs() {
        let line = format!("{}requires abcdefghijklmnop", " ".repeat(30));
        let lines = fill(&line, 36);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert_eq!(lines[1].trim(), "abcdefghijklmnop");
    }

    #[test]
    fn colors_take_no_columns() {
        assert_eq!(width("\x1b[1;31merror:\x1b[0m x"), 8);
        assert_eq!(fill("\x1b[1;31merror:\x1b[0m x", 8).len(), 1);
    }

    #[test]
    fn the_wrapper_wraps_lines_and_passes_all_through_without_a_width() {
        let write = |width| {
            let mut out = Vec::new();
            wrapped(&mut out, width, |w| {
                write!(w, "aaa bbb\nccc ddd eee\nfff ggg")
            })
            .unwrap();
            String::from_utf8(out).unwrap()
        };
        assert_eq!(write(None), "aaa bbb\nccc ddd eee\nfff ggg");
        assert_eq!(write(Some(7)), "aaa bbb\nccc ddd\n  eee\nfff ggg");
    }
}
