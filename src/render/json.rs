//! JSON output: pretty-printed, with a trailing newline.

use crate::plan::forecast::Forecast;
use crate::plan::{BlockedDay, DoneDoc, IdleDay, Plan, Session, Settings, Summary};
use serde::Serialize;
use std::io::{self, Write};

pub fn write<T: Serialize + ?Sized>(value: &T, w: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, value)?;
    writeln!(w)
}

/// A plan as `plan --format json` prints it (`schema_version` 1, see [`Plan`]): its notes in
/// words.
pub fn plan(plan: &Plan, w: &mut dyn Write) -> io::Result<()> {
    write(&PlanJson::of(plan), w)
}

/// [`Plan`]'s fields in its order, the notes in words.
#[derive(Serialize)]
struct PlanJson<'a> {
    schema_version: u32,
    curriculum: &'a str,
    selection: &'a str,
    role: &'a Option<String>,
    specializations: &'a [String],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    targets: &'a [String],
    settings: &'a Settings,
    done: &'a [DoneDoc],
    sessions: &'a [Session],
    summary: &'a Summary,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    blocked: &'a [BlockedDay],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    idle: &'a [IdleDay],
    notes: Vec<String>,
    forecast: &'a Option<Forecast>,
}

impl<'a> PlanJson<'a> {
    fn of(plan: &'a Plan) -> Self {
        // Every field named: a field added to the plan fails to compile here until it is
        // written.
        let Plan {
            schema_version,
            curriculum,
            selection,
            role,
            specializations,
            targets,
            settings,
            done,
            sessions,
            summary,
            blocked,
            idle,
            notes,
            forecast,
        } = plan;
        PlanJson {
            schema_version: *schema_version,
            curriculum,
            selection,
            role,
            specializations,
            targets,
            settings,
            done,
            sessions,
            summary,
            blocked,
            idle,
            notes: super::notes::texts(notes),
            forecast,
        }
    }
}
