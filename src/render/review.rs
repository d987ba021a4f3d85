//! `review`'s list: the reviews due today and overdue, with their estimated recall.

use crate::curriculum::{Curriculum, DocId};
use crate::memory::{Recall, Retention};
use chrono::NaiveDate;
use std::io::{self, Write};

/// What `review` lists.
#[derive(Clone, Copy)]
pub struct Due<'a> {
    pub curriculum: &'a Curriculum,
    /// Each document due, most overdue first, with its memory.
    pub due: &'a [(DocId, Recall)],
    pub today: NaiveDate,
    pub retention: Retention,
}

/// The reviews due as a table: each document, its due date and its estimated recall.
pub fn table(due: &Due<'_>, out: &mut dyn Write) -> io::Result<()> {
    let Due {
        curriculum,
        due,
        today,
        retention,
    } = *due;
    if due.is_empty() {
        return writeln!(
            out,
            "No reviews due on {today} (target retention {retention})."
        );
    }
    let width = due
        .iter()
        .map(|(id, _)| curriculum.doc(*id).path.len())
        .max()
        .unwrap_or(0)
        .max("DOCUMENT".len());
    writeln!(out, "{:width$}  DUE         RECALL", "DOCUMENT")?;
    for (id, recall) in due {
        let percent = format!("{:.0}%", recall.recall * 100.0);
        writeln!(
            out,
            "{:width$}  {}  {percent:>6}",
            curriculum.doc(*id).path,
            recall.due
        )?;
    }
    let overdue = due.iter().filter(|(_, recall)| recall.due < today).count();
    let reviews = crate::words::count(due.len(), "review");
    writeln!(
        out,
        "{reviews} due on {today}, {overdue} overdue (target retention {retention})"
    )
}

/// The reviews due as JSON (schema 1).
pub fn json(due: &Due<'_>, out: &mut dyn Write) -> io::Result<()> {
    let Due {
        curriculum,
        due,
        today,
        retention,
    } = *due;
    let items: Vec<serde_json::Value> = due
        .iter()
        .map(|(id, recall)| {
            let doc = curriculum.doc(*id);
            serde_json::json!({
                "path": doc.path,
                "title": doc.title,
                "due": recall.due.to_string(),
                "overdue_days": (today - recall.due).num_days(),
                "last_review": recall.last.to_string(),
                "recall": (f64::from(recall.recall) * 1000.0).round() / 1000.0,
                "stability_days": (f64::from(recall.stability) * 100.0).round() / 100.0,
            })
        })
        .collect();
    let value = serde_json::json!({
        "schema_version": 1,
        "today": today.to_string(),
        "retention": (f64::from(retention.value()) * 100.0).round() / 100.0,
        "due": items,
    });
    serde_json::to_writer_pretty(&mut *out, &value)?;
    writeln!(out)
}
