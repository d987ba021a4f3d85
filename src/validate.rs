//! `validate`: everything wrong or odd in a curriculum, with counts.

use crate::curriculum::duration::format_minutes;
use crate::curriculum::{Curriculum, Source, load};
use crate::diagnostic::Diagnostic;
use crate::error::Result;
use crate::graph::PrereqGraph;
use crate::words::count;
use serde::Serialize;

/// A section's documents may add up to a time this far from what the section claims
/// before we warn (a fraction of the claimed time).
pub const SECTION_TIME_TOLERANCE: f64 = 0.25;

#[derive(Debug, Serialize)]
pub struct Counts {
    pub documents: usize,
    pub prerequisite_links: usize,
    pub total_minutes: u32,
    pub sections: usize,
    pub specializations: usize,
    pub roles: usize,
    pub index_pages: usize,
    pub reference_pages: usize,
    pub pages_without_frontmatter: usize,
    /// Pages a book's or course site's table of contents leaves out.
    #[serde(skip_serializing_if = "is_zero")]
    pub outside_the_table: usize,
}

fn is_zero(count: &usize) -> bool {
    *count == 0
}

#[derive(Debug, Serialize)]
pub struct Validation {
    pub curriculum: String,
    pub origin: String,
    pub ok: bool,
    pub counts: Counts,
    pub errors: Vec<Diagnostic>,
    pub warnings: Vec<Diagnostic>,
    /// Index pages (README.md, index.md) without frontmatter; not study documents.
    pub index_pages: Vec<String>,
    /// The mapping used: which fields the times, levels and prerequisites came from.
    pub fields: crate::curriculum::FieldsUsed,
    /// Where a book's or course site's order came from, when it has a table of contents.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order: Option<OrderSummary>,
}

/// A course's table of contents, counted.
#[derive(Debug, Serialize)]
pub struct OrderSummary {
    pub kind: crate::curriculum::toc::TableKind,
    pub file: String,
    pub pages: usize,
    pub parts: usize,
    pub drafts: usize,
}

/// Loads and checks a curriculum. Only I/O problems are errors of this function; problems in
/// the curriculum are in the returned report.
pub fn validate(source: &Source) -> Result<Validation> {
    let loaded = load(source)?;
    let curriculum = loaded.curriculum;
    let mut diagnostics = loaded.diagnostics;
    if let Err(cycles) = PrereqGraph::build(&curriculum) {
        diagnostics.extend(cycles);
    }
    diagnostics.extend(lint(&curriculum));
    let (errors, warnings): (Vec<_>, Vec<_>) =
        diagnostics.into_iter().partition(Diagnostic::is_error);
    let counts = Counts {
        documents: curriculum.docs.len(),
        prerequisite_links: curriculum
            .docs
            .iter()
            .map(|doc| doc.prerequisites.len())
            .sum(),
        total_minutes: curriculum.docs.iter().map(|doc| doc.minutes).sum(),
        sections: curriculum.sections.len(),
        specializations: curriculum.specializations.len(),
        roles: curriculum.roles.len(),
        index_pages: curriculum.other_pages.index.len(),
        reference_pages: curriculum.other_pages.reference.len(),
        pages_without_frontmatter: curriculum.other_pages.plain.len(),
        outside_the_table: curriculum.other_pages.outside.len(),
    };
    let order = curriculum.table.as_ref().map(|table| OrderSummary {
        kind: table.kind,
        file: table.file.clone(),
        pages: table.order.len(),
        parts: table.parts.len(),
        drafts: table.drafts.len(),
    });
    Ok(Validation {
        order,
        curriculum: curriculum.name.clone(),
        origin: curriculum.origin.clone(),
        ok: errors.is_empty(),
        counts,
        errors,
        warnings,
        index_pages: curriculum.other_pages.index.clone(),
        fields: loaded.used,
    })
}

/// Warnings about a curriculum that loads: level inversions and sections whose documents do
/// not add up to the time the section claims.
pub fn lint(curriculum: &Curriculum) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    let lines = curriculum.manifest_lines();
    for doc in &curriculum.docs {
        let Some(rank) = doc.level.rank() else {
            continue;
        };
        for (index, &prerequisite) in doc.prerequisites.iter().enumerate() {
            let required = curriculum.doc(prerequisite);
            if required.level.rank().is_some_and(|other| other > rank) {
                warnings.push(
                    Diagnostic::warning(format!(
                        "level inversion: this {} document requires '{}', which is {}",
                        doc.level, required.path, required.level
                    ))
                    .file(curriculum.display_path(&doc.path))
                    .line(doc.prerequisite_lines.get(index).copied().flatten())
                    .field("prerequisites"),
                );
            }
        }
    }
    for index in curriculum.section_ids() {
        let section = curriculum.section(index);
        // A section none of whose folders could be used has its error already.
        let Some(claimed) = section
            .claimed_minutes
            .filter(|_| !section.folders.is_empty())
        else {
            continue;
        };
        let total = curriculum.section_minutes(index);
        let difference = f64::from(total.abs_diff(claimed)) / f64::from(claimed);
        if difference > SECTION_TIME_TOLERANCE {
            let mut warning = Diagnostic::warning(format!(
                "section {} '{}' claims {} but its {} up to {} ({:.0}% off)",
                section.id,
                section.title,
                section.claimed_time.as_deref().unwrap_or_default(),
                match section.docs.len() {
                    1 => "1 document adds".to_string(),
                    n => format!("{} add", count(n, "document")),
                },
                format_minutes(total),
                difference * 100.0
            ))
            .field("claimed_time");
            if let Some((file, place)) = &section.defined_at {
                warning = warning.file(file.clone()).line(lines(place));
            }
            warnings.push(warning);
        }
    }
    warnings
}
