//! Human-readable tables (comfy-table) for `list`, `show` and `validate`.

use crate::curriculum::duration::format_minutes;
use crate::curriculum::toc::TableKind;
use crate::listing::{DocDetail, DocRef, DocRow, RoleRow, SectionRow, SpecializationRow};
use crate::validate::Validation;
use crate::words::{count, count_with};
use comfy_table::{Attribute, Cell, Color, ColumnConstraint, ContentArrangement, Table, presets};
use std::io::{self, Write};

/// How tables, prose and the labels of `validate` look: decided by the command line, which
/// knows about terminals, `--color` and `NO_COLOR`, and passed to every renderer. The default
/// is plain and not wrapped.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
    /// The terminal's width: tables and prose are laid out to fit it. `None` (not a terminal):
    /// nothing is wrapped.
    pub width: Option<u16>,
}

/// A table in the house style. comfy-table would look at the terminal on its own (and ignore
/// NO_COLOR); it is told instead.
pub fn new_table(header: &[&str], style: Style) -> Table {
    let mut table = Table::new();
    table.load_preset(presets::UTF8_FULL_CONDENSED);
    if style.color {
        table.enforce_styling();
        table.set_header(header.iter().map(|title| {
            Cell::new(title)
                .add_attribute(Attribute::Bold)
                .fg(Color::Cyan)
        }));
    } else {
        table.force_no_tty();
        table.set_header(header.iter().copied());
    }
    if let Some(width) = style.width {
        table.set_width(width);
    }
    table.set_content_arrangement(ContentArrangement::Dynamic);
    table
}

/// "error:" in red, "warning:" in yellow, "note:" in cyan, when color is on.
pub fn paint_label(line: &str, color: bool) -> String {
    let labels = [
        ("error:", "\x1b[1;31m"),
        ("warning:", "\x1b[1;33m"),
        ("note:", "\x1b[1;36m"),
    ];
    match labels.iter().find(|(label, _)| line.starts_with(label)) {
        Some((label, code)) if color => format!("{code}{label}\x1b[0m{}", &line[label.len()..]),
        _ => line.to_string(),
    }
}

fn write_table(table: &Table, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "{table}")
}

/// Keeps a column of durations as wide as its widest, so that a narrow terminal never breaks
/// "2 h 40 min" over two lines (off a terminal nothing is wrapped, and this changes nothing).
fn keep_whole(table: &mut Table, column: usize) {
    if let Some(column) = table.column_mut(column) {
        column.set_constraint(ColumnConstraint::ContentWidth);
    }
}

/// Writes what `body` writes, wrapped to the terminal's width if there is one.
fn prose(
    w: &mut dyn Write,
    style: Style,
    body: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    super::wrap::wrapped(w, style.width, body)
}

pub fn specializations(
    rows: &[SpecializationRow],
    style: Style,
    w: &mut dyn Write,
) -> io::Result<()> {
    let mut table = new_table(&["id", "specialization", "docs", "time", "roles"], style);
    for row in rows {
        table.add_row([
            row.id.clone(),
            row.title.clone(),
            row.documents.to_string(),
            format_minutes(row.minutes),
            row.roles.join(", "),
        ]);
    }
    keep_whole(&mut table, 3);
    write_table(&table, w)?;
    prose(w, style, |w| {
        writeln!(
            w,
            "Choose 1-2 specializations: `learnpath plan --spec {} --hours 5`, or by role with --role.",
            rows.first().map_or("ID", |row| row.id.as_str())
        )
    })
}

/// "fields: time from estimatedMinutes (8), duration (1); level from difficulty (10); ...":
/// the mapping a curriculum was read with, when it is not learnpath's own.
fn mapping_line(used: &crate::curriculum::FieldsUsed) -> Option<String> {
    let own = [
        (&used.time, "estimated_time"),
        (&used.level, "level"),
        (&used.prerequisites, "prerequisites"),
    ];
    if used.estimated == 0
        && own
            .iter()
            .all(|(counts, name)| counts.keys().all(|key| key == name))
    {
        return None;
    }
    let mut parts: Vec<String> = ["time", "level", "prerequisites"]
        .iter()
        .zip(own)
        .filter(|(_, (counts, _))| !counts.is_empty())
        .map(|(what, (counts, _))| {
            let fields: Vec<String> = counts
                .iter()
                .map(|(key, n)| format!("{key} ({n})"))
                .collect();
            format!("{what} from {}", fields.join(", "))
        })
        .collect();
    if used.estimated > 0 {
        parts.push(format!(
            "{} estimated from their words",
            count_with(used.estimated, "time", "times")
        ));
    }
    Some(format!("fields: {}", parts.join("; ")))
}

/// "order: the mdbook table src/SUMMARY.md, 13 pages in 2 parts, 1 draft not planned".
fn order_line(order: &crate::validate::OrderSummary) -> String {
    let under = match order.file.as_str() {
        "" => String::new(),
        folder => format!(" under {folder}"),
    };
    let source = match order.kind {
        TableKind::Numbered => format!("the numbers of its folders and files{under}"),
        TableKind::Docusaurus => format!("the docusaurus sidebar positions{under}"),
        kind if order.file.ends_with(".yml") || order.file.ends_with(".md") => {
            format!("the {kind} table {}", order.file)
        }
        kind => format!("the {kind} folders{under}"),
    };
    let mut line = format!("order: {source}, {}", count(order.pages, "page"));
    if order.parts > 0 {
        line.push_str(&format!(" in {}", count(order.parts, "part")));
    }
    if order.drafts > 0 {
        line.push_str(&format!(", {} not planned", count(order.drafts, "draft")));
    }
    line
}

/// A time, marked `~` when it is estimated from a page's words.
pub fn estimated_minutes(minutes: u32, estimated: bool) -> String {
    match estimated {
        true => format!("~{}", format_minutes(minutes)),
        false => format_minutes(minutes),
    }
}

pub fn sections(rows: &[SectionRow], style: Style, w: &mut dyn Write) -> io::Result<()> {
    // A book's chapters come from its table of contents, not from folders: show their parts.
    let chapters = !rows.is_empty() && rows.iter().all(|row| row.folders.is_empty());
    let place = if chapters { "part" } else { "folder" };
    let mut table = new_table(&["id", "section", place, "docs", "time"], style);
    for row in rows {
        let time = match row.estimated_documents {
            0 => format_minutes(row.minutes),
            _ => format!("~{}", format_minutes(row.minutes)),
        };
        table.add_row([
            row.id.clone(),
            row.title.clone(),
            match chapters {
                true => row.part.clone(),
                false => row.folders.join(", "),
            },
            row.documents.to_string(),
            time,
        ]);
    }
    keep_whole(&mut table, 4);
    write_table(&table, w)?;
    let estimated: usize = rows.iter().map(|row| row.estimated_documents).sum();
    prose(w, style, |w| {
        if estimated > 0 {
            writeln!(
                w,
                "~ times include {} estimated from their words (the pages give none).",
                count(estimated, "document")
            )?;
        }
        if chapters && let Some(row) = rows.last() {
            return writeln!(
                w,
                "Plan toward a chapter and all before it: `learnpath plan --target \"{}\" --hours 5`.",
                row.title
            );
        }
        writeln!(
            w,
            "Plan toward a section or any documents: `learnpath plan --target {} --hours 5`.",
            rows.first()
                .and_then(|row| row.folders.first())
                .filter(|folder| !folder.is_empty())
                .map_or("FOLDER", String::as_str)
        )
    })
}

pub fn docs(rows: &[DocRow], style: Style, w: &mut dyn Write) -> io::Result<()> {
    let mut table = new_table(&["path", "title", "level", "time", "section"], style);
    for row in rows {
        table.add_row([
            row.path.clone(),
            row.title.clone(),
            row.level.clone(),
            estimated_minutes(row.minutes, row.estimated),
            row.section.clone().unwrap_or_default(),
        ]);
    }
    keep_whole(&mut table, 3);
    write_table(&table, w)?;
    let total: u32 = rows.iter().map(|row| row.minutes).sum();
    let estimated = rows.iter().filter(|row| row.estimated).count();
    prose(w, style, |w| {
        writeln!(
            w,
            "{}, {}",
            count(rows.len(), "document"),
            format_minutes(total)
        )?;
        match estimated {
            0 => Ok(()),
            _ => writeln!(
                w,
                "~ marks {} estimated from the page's words (it gives none).",
                count_with(estimated, "time", "times")
            ),
        }
    })
}

pub fn roles(rows: &[RoleRow], style: Style, w: &mut dyn Write) -> io::Result<()> {
    let mut table = new_table(
        &["role", "also known as", "specializations", "also studies"],
        style,
    );
    for row in rows {
        table.add_row([
            row.name.clone(),
            row.aliases.join(", "),
            row.specializations.join(", "),
            row.includes.join(", "),
        ]);
    }
    write_table(&table, w)
}

fn doc_list(title: &str, refs: &[DocRef], w: &mut dyn Write) -> io::Result<()> {
    if refs.is_empty() {
        return writeln!(w, "{title}: none");
    }
    writeln!(w, "{title}:")?;
    for doc in refs {
        writeln!(
            w,
            "  {}  {} ({})",
            doc.path,
            doc.title,
            format_minutes(doc.minutes)
        )?;
    }
    Ok(())
}

pub fn doc_detail(detail: &DocDetail, style: Style, w: &mut dyn Write) -> io::Result<()> {
    prose(w, style, |w| doc_detail_lines(detail, w))
}

fn doc_detail_lines(detail: &DocDetail, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "{}", detail.title)?;
    writeln!(w, "  path:    {}", detail.path)?;
    if !detail.level.is_empty() {
        writeln!(w, "  level:   {}", detail.level)?;
    }
    let time = match detail.estimated {
        true => format!("~{} (from its words)", format_minutes(detail.minutes)),
        false => format_minutes(detail.minutes),
    };
    writeln!(w, "  time:    {time}")?;
    if let Some(section) = &detail.section {
        writeln!(w, "  section: {section}")?;
    }
    if !detail.tags.is_empty() {
        writeln!(w, "  tags:    {}", detail.tags.join(", "))?;
    }
    if let Some(link) = &detail.link {
        writeln!(w, "  source:  {link}")?;
    }
    writeln!(w)?;
    doc_list("Prerequisites", &detail.prerequisites, w)?;
    let all_title = format!(
        "All prerequisites ({}, {})",
        count(detail.all_prerequisites.len(), "document"),
        format_minutes(detail.all_prerequisites_minutes)
    );
    doc_list(&all_title, &detail.all_prerequisites, w)?;
    let needed_title = format!(
        "Needed by ({} directly, {} in all)",
        detail.needed_by.len(),
        detail.needed_by_all
    );
    doc_list(&needed_title, &detail.needed_by, w)?;
    doc_list("Next recommended", &detail.next_recommended, w)
}

pub fn validation(report: &Validation, style: Style, w: &mut dyn Write) -> io::Result<()> {
    prose(w, style, |w| validation_lines(report, style.color, w))
}

fn validation_lines(report: &Validation, color: bool, w: &mut dyn Write) -> io::Result<()> {
    for diagnostic in report.errors.iter().chain(&report.warnings) {
        writeln!(w, "{}", paint_label(&diagnostic.to_string(), color))?;
    }
    if !(report.errors.is_empty() && report.warnings.is_empty()) {
        writeln!(w)?;
    }
    let counts = &report.counts;
    writeln!(w, "{} ({})", report.curriculum, report.origin)?;
    writeln!(
        w,
        "  {}, {}, {} in all",
        count(counts.documents, "study document"),
        count(counts.prerequisite_links, "prerequisite link"),
        format_minutes(counts.total_minutes)
    )?;
    writeln!(
        w,
        "  {}, {}, {}",
        count(counts.sections, "section"),
        count(counts.specializations, "specialization"),
        count(counts.roles, "role")
    )?;
    writeln!(
        w,
        "  not scheduled: {}, {}, {}",
        count(counts.index_pages, "index page"),
        count(counts.reference_pages, "reference page"),
        count_with(
            counts.pages_without_frontmatter,
            "page without frontmatter",
            "pages without frontmatter"
        )
    )?;
    if let Some(line) = mapping_line(&report.fields) {
        writeln!(w, "  {line}")?;
    }
    if let Some(order) = &report.order {
        writeln!(w, "  {}", order_line(order))?;
    }
    if counts.outside_the_table > 0 {
        writeln!(
            w,
            "  not in the table of contents, not planned: {}",
            count(counts.outside_the_table, "page")
        )?;
    }
    let verdict = if report.ok { "ok" } else { "invalid" };
    writeln!(
        w,
        "{verdict}: {}, {}",
        count(report.errors.len(), "error"),
        count(report.warnings.len(), "warning")
    )
}
