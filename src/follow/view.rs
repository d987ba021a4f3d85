//! The baseline as `follow --show` shows it: sittings with titles, and which documents are
//! done.

use super::baseline::Baseline;
use crate::Curriculum;
use crate::progress::Progress;
use chrono::NaiveDate;
use serde::Serialize;

/// The followed plan, for people and scripts.
#[derive(Debug, Clone, Serialize)]
pub struct View {
    pub made: NaiveDate,
    /// The role or specializations, in words.
    pub selection: String,
    pub weekly_minutes: u32,
    pub first_date: Option<NaiveDate>,
    pub finish_date: Option<NaiveDate>,
    pub total_minutes: u32,
    pub sessions: Vec<ViewSitting>,
    /// The file it is kept in.
    pub file: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ViewSitting {
    pub number: usize,
    pub date: NaiveDate,
    pub minutes: u32,
    /// A sitting as it happened (kept by a re-plan).
    pub past: bool,
    pub items: Vec<ViewItem>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ViewItem {
    pub path: String,
    /// The document's title; the path when the curriculum no longer has it.
    pub title: String,
    pub minutes: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    /// A review of a document studied before (left out when false).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub review: bool,
    /// Done by the progress file: the document, or for a review, a review recorded on the
    /// sitting's day or later.
    pub done: bool,
}

impl View {
    pub fn of(
        baseline: &Baseline,
        curriculum: &Curriculum,
        progress: &Progress,
        file: String,
    ) -> View {
        let names = curriculum.doc_names();
        let selection = match &baseline.selection.role {
            Some(role) => format!("the {role} role"),
            None if baseline.selection.spec.len() == 1 => {
                format!("specialization {}", baseline.selection.spec[0])
            }
            None => format!("specializations {}", baseline.selection.spec.join(" and ")),
        };
        let sessions = baseline
            .sessions
            .iter()
            .enumerate()
            .map(|(index, sitting)| ViewSitting {
                number: index + 1,
                date: sitting.date,
                minutes: sitting.minutes,
                past: sitting.past,
                items: sitting
                    .items
                    .iter()
                    .map(|piece| ViewItem {
                        title: names.find(&piece.path).map_or_else(
                            || piece.path.clone(),
                            |id| curriculum.doc(id).title.clone(),
                        ),
                        path: piece.path.clone(),
                        minutes: piece.minutes,
                        part: piece.part.clone(),
                        review: piece.review,
                        done: match piece.review {
                            true => reviewed_since(progress, &piece.path, sitting.date),
                            false => progress.is_done(&piece.path),
                        },
                    })
                    .collect(),
            })
            .collect();
        View {
            made: baseline.made,
            selection,
            weekly_minutes: baseline.settings.weekly_minutes,
            first_date: baseline.first(),
            finish_date: baseline.finish(),
            total_minutes: baseline.total_minutes(),
            sessions,
            file,
        }
    }
}

/// Whether a review of `path` is recorded on `day` or later.
fn reviewed_since(progress: &Progress, path: &str, day: NaiveDate) -> bool {
    progress
        .reviews(path)
        .iter()
        .any(|review| review.date >= day)
}
