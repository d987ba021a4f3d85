//! The plan as a Markdown checklist grouped by ISO week, each document linked to its source,
//! with what is already done checked, and a Mermaid `gantt` chart of the sessions.

use super::plan::item_label;
use crate::curriculum::duration::{format_hours, format_minutes};
use crate::plan::Plan;
use crate::words::count;
use std::io::{self, Write};

/// The plan as Markdown: a title and totals, what is done, the sessions by week, and the
/// timeline.
pub fn render(plan: &Plan, w: &mut dyn Write) -> io::Result<()> {
    let summary = &plan.summary;
    writeln!(w, "# Study plan: {}", inline(&plan.selection))?;
    writeln!(w)?;
    writeln!(
        w,
        "{}: {}, {} in {}.",
        line_start(&plan.curriculum),
        count(summary.documents, "document"),
        format_minutes(summary.total_minutes),
        count(summary.sessions, "session")
    )?;
    if let (Some(first), Some(finish)) = (summary.first_date, summary.finish_date) {
        writeln!(
            w,
            "From {} to {}, {} a week on {}.",
            first.format("%a %Y-%m-%d"),
            finish.format("%a %Y-%m-%d"),
            format_hours(plan.settings.weekly_minutes.get()),
            plan.settings.days.names().join(", ")
        )?;
    }
    done(plan, w)?;
    sessions(plan, w)?;
    if !plan.sessions.is_empty() {
        gantt(plan, w)?;
    }
    Ok(())
}

/// "## Done" and a checked line for each document already done; nothing when none is.
fn done(plan: &Plan, w: &mut dyn Write) -> io::Result<()> {
    if plan.done.is_empty() {
        return Ok(());
    }
    writeln!(w)?;
    writeln!(w, "## Done")?;
    writeln!(w)?;
    for doc in &plan.done {
        let label = format!("{} ({})", doc.doc.title, format_minutes(doc.doc.minutes));
        checklist_line(w, true, &label, doc.link.as_deref(), &doc.doc.path)?;
    }
    Ok(())
}

/// A "## Week" heading per ISO week, a "### Session" heading per session, and an unchecked
/// line for each of its items.
fn sessions(plan: &Plan, w: &mut dyn Write) -> io::Result<()> {
    let mut week = None;
    for session in &plan.sessions {
        if week != Some(&session.iso_week) {
            week = Some(&session.iso_week);
            writeln!(w)?;
            writeln!(w, "## Week {}", session.iso_week)?;
        }
        writeln!(w)?;
        writeln!(
            w,
            "### Session {}: {} {} ({})",
            session.number,
            session.weekday,
            session.date,
            format_minutes(session.minutes)
        )?;
        writeln!(w)?;
        for item in &session.items {
            checklist_line(
                w,
                false,
                &item_label(item),
                item.link.as_deref(),
                &item.path,
            )?;
        }
    }
    Ok(())
}

/// A checklist line: the label linked to its source, or followed by its path.
fn checklist_line(
    w: &mut dyn Write,
    done: bool,
    label: &str,
    link: Option<&str>,
    path: &str,
) -> io::Result<()> {
    let mark = if done { "x" } else { " " };
    let label = inline(label);
    match crate::weblink::safe_link(link) {
        Some(link) => writeln!(w, "- [{mark}] [{label}]({})", destination(link)),
        None => writeln!(w, "- [{mark}] {label} ({})", code_span(path)),
    }
}

/// Text from a curriculum inside a line of Markdown, shown as written: on one line; `<` as an
/// entity (no HTML, no autolink) and `&` too where it would start one; backslashes before what
/// could start emphasis, code, a link, an image, strikethrough, math, a table cell or a
/// heading's closing `#`s.
pub fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '&' if chars
                .peek()
                .is_some_and(|next| next.is_ascii_alphanumeric() || *next == '#') =>
            {
                out.push_str("&amp;")
            }
            '<' => out.push_str("&lt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '!' | '#' | '|' | '~' | '$' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() || c.is_whitespace() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Text from a curriculum at the start of a line: as [`inline`], without the spaces around it
/// (four would start a code block), and with what would start a list, a quote or a heading
/// escaped.
pub fn line_start(text: &str) -> String {
    let text = inline(text);
    let text = text.trim_matches(' ');
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if text.starts_with(['-', '+', '=', '>']) {
        format!("\\{text}")
    } else if digits > 0 && text[digits..].starts_with(['.', ')']) {
        format!("{}\\{}", &text[..digits], &text[digits..])
    } else {
        text.to_string()
    }
}

/// A code span of `text` on one line, fenced with more backticks than it holds in a row.
pub fn code_span(text: &str) -> String {
    let text: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    // A space inside each fence when the text begins or ends with one (stripped again by
    // CommonMark); so that a backtick there does not join the fence.
    let pad = if text.starts_with(['`', ' ']) || text.ends_with(['`', ' ']) {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// A link destination as CommonMark reads it back unchanged: what would end it, open a title,
/// or be read as an escape is percent-encoded, and `&` written as `&amp;` (a destination's
/// entities are decoded).
fn destination(link: &str) -> String {
    let mut out = String::with_capacity(link.len());
    for c in link.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            ' ' | '<' | '>' | '(' | ')' | '"' | '\'' | '`' | '\\' | '[' | ']' => {
                out.push_str(&format!("%{:02X}", c as u32));
            }
            c if c.is_control() || c.is_whitespace() => {
                let mut bytes = [0; 4];
                for byte in c.encode_utf8(&mut bytes).bytes() {
                    out.push_str(&format!("%{byte:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// One bar per session, a Mermaid section per ISO week.
fn gantt(plan: &Plan, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w)?;
    writeln!(w, "## Timeline")?;
    writeln!(w)?;
    writeln!(w, "```mermaid")?;
    writeln!(w, "gantt")?;
    writeln!(w, "    dateFormat YYYY-MM-DD")?;
    writeln!(w, "    axisFormat %b %d")?;
    let mut week = None;
    for session in &plan.sessions {
        if week != Some(&session.iso_week) {
            week = Some(&session.iso_week);
            writeln!(w, "    section {}", session.iso_week)?;
        }
        writeln!(
            w,
            "    Session {} ({}) :s{}, {}, 1d",
            session.number,
            format_minutes(session.minutes),
            session.number,
            session.date
        )?;
    }
    writeln!(w, "```")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_where_markdown_would_read_it() {
        assert_eq!(
            inline("a <img> & b &amp; [c]"),
            "a &lt;img> & b &amp;amp; \\[c\\]"
        );
        assert_eq!(inline("x\ny\tz"), "x y z");
        assert_eq!(inline("C# `code` *em*"), "C\\# \\`code\\` \\*em\\*");
        assert_eq!(line_start("  - item"), "\\- item");
        assert_eq!(line_start("> quote"), "\\> quote");
        assert_eq!(line_start("12. twelve"), "12\\. twelve");
        assert_eq!(line_start("2.5 hours"), "2\\.5 hours");
        assert_eq!(line_start("Notes"), "Notes");
    }

    #[test]
    fn code_spans_hold_any_backticks() {
        assert_eq!(code_span("a/b.md"), "`a/b.md`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`a``"), "``` `a`` ```");
        assert_eq!(code_span("a\nb"), "`a b`");
    }

    #[test]
    fn destinations_cannot_end_early_or_decode_entities() {
        assert_eq!(
            destination("https://x.org/a (1)/<b>&#106;.md"),
            "https://x.org/a%20%281%29/%3Cb%3E&amp;#106;.md"
        );
    }
}
