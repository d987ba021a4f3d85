//! How wide text is in the pictures' sans-serif font, and text wrapped to a width. The widths
//! are Arial's (Liberation Sans has the same metrics), rounded up, with a margin for fonts that
//! run a little wider: a label measured here fits the box made for it.

use unicode_width::UnicodeWidthChar;

/// The font the pictures ask for: metric-compatible faces first.
pub const FONT_FAMILY: &str =
    "'Liberation Sans', Arial, Helvetica, 'Nimbus Sans', 'DejaVu Sans', sans-serif";

/// Room left for a fallback font wider than Arial.
const SLACK: f64 = 1.08;

/// The width of one character, in ems.
fn em(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | '|' | '!' | '.' | ',' | ':' | ';' | '\'' => 0.28,
        ' ' | 'f' | 't' | 'r' | 'I' | '(' | ')' | '[' | ']' | '/' | '\\' | '-' => 0.36,
        'm' | 'w' | 'M' | 'W' | '@' | '%' => 0.92,
        '&' | '—' => 0.72,
        c if c.is_ascii_uppercase() => 0.74,
        c if c.is_ascii_digit() => 0.56,
        c if c.is_ascii_lowercase() => 0.56,
        c if c.is_ascii() => 0.6,
        c if c.width().unwrap_or(1) >= 2 => 1.0,
        _ => 0.7,
    }
}

/// The width of `text` at `size` pixels.
pub fn width(text: &str, size: f64) -> f64 {
    text.chars().map(em).sum::<f64>() * size * SLACK
}

/// `text` in lines no wider than `max` at `size`, at most `lines` of them: words kept whole
/// where they fit, a longer word broken, and what does not fit cut with an ellipsis.
pub fn wrap(text: &str, size: f64, max: f64, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let joined = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if width(&joined, size) <= max {
            line = joined;
            continue;
        }
        if !line.is_empty() {
            out.push(std::mem::take(&mut line));
        }
        for c in word.chars() {
            if !line.is_empty() && width(&format!("{line}{c}"), size) > max {
                out.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() || out.is_empty() {
        out.push(line);
    }
    if out.len() > lines {
        out.truncate(lines);
        let last = out.last_mut().expect("at least one line");
        while !last.is_empty() && width(&format!("{last}…"), size) > max {
            last.pop();
        }
        last.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_fit_and_words_stay_whole() {
        let lines = wrap(
            "The Ring-0 Problem: Why Virtualization is Hard",
            13.0,
            170.0,
            3,
        );
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|line| width(line, 13.0) <= 170.0));
        assert_eq!(
            lines.join(" "),
            "The Ring-0 Problem: Why Virtualization is Hard"
        );
    }

    #[test]
    fn long_words_break_and_overflow_is_cut() {
        let word = "x".repeat(200);
        let lines = wrap(&word, 13.0, 100.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
        assert!(lines.iter().all(|line| width(line, 13.0) <= 100.0));
        assert_eq!(wrap("", 13.0, 100.0, 2), vec![String::new()]);
    }
}
