//! One place decides the settings: the raw arguments, the environment and the terminal become
//! resolved values here, and every command reads only those. Global settings first
//! ([`Context`]); a plan's request ([`PlanRequest`]) once the curriculum is open. A value comes
//! from its flag, else from the saved profile ([`FromProfile`]), else from its default.
//!
//! - [`Context`] (here): the global flags, the environment and the terminal;
//! - `files`: which progress file, profile, baseline and calendar record a command uses;
//! - `memory`: which memory model (the learner's fitted parameters, else the defaults);
//! - `profile`: the saved profile's values, read as their flags read them;
//! - `plan`: a plan's request (plan, follow, export, report, sync);
//! - `follow`: what re-planning the followed plan adds (replan, status);
//! - `caldav`: where sync writes, as whom, with which password.

mod caldav;
mod files;
mod follow;
mod memory;
mod plan;
mod profile;
#[cfg(test)]
mod tests;

pub(super) use caldav::CaldavRequest;
pub(super) use files::netrc_path;
pub(super) use follow::FollowRequest;
use plan::time_of_day;
pub(super) use plan::{DEFAULT_AT, PlanRequest, Timing};
pub(super) use profile::FromProfile;

use super::Failure;
use super::args::{Choice, Cli, Done, PlanOptions, ReviewOptions, Window};
use super::stderr::Reporter;
use super::{messages, values};
use chrono::{NaiveDate, NaiveTime, Timelike};
use learnpath::availability::busy::BusyCalendar;
use learnpath::availability::{Availability, Busy, DateRange};
use learnpath::caldav::CollectionUrl;
use learnpath::calendar::{LedgerStore, Reminder};
use learnpath::curriculum::DocId;
use learnpath::error::{Invalid, KeptFile, Problem};
use learnpath::follow::{Baseline, BaselineStore, Extras, ReviewSettings, TimeOfDay};
use learnpath::memory::Retention;
use learnpath::plan::WeeklyMinutes;
use learnpath::plan::forecast::Logged;
use learnpath::plan::settings::{DEFAULT_MAX_SESSION_MINUTES, TimeChoices, Week};
use learnpath::plan::{DoneSet, PartlyDone, Selection, SessionMinutes, Settings, Studied};
use learnpath::profile::{Key, ProfileStore, Saved};
use learnpath::progress::{Progress, ProgressStore, curriculum_id};
use learnpath::render::table::Style;
use learnpath::time::clock::Clock;
use learnpath::time::zone::Zone;
use learnpath::words::{count, count_with};
use learnpath::{Curriculum, Error, Opened, Source};
use std::cell::OnceCell;
use std::path::{Path, PathBuf};

/// What every command may need besides its own arguments.
pub(super) struct Context {
    pub source: Source,
    pub today: NaiveDate,
    /// The moment of this run, as calendars stamp it: now, or midnight UTC of `--today` (so
    /// that a run with `--today` writes the same bytes every time).
    pub now: chrono::DateTime<chrono::Utc>,
    /// The progress file given with --progress or LEARNPATH_PROGRESS, if any.
    pub progress_path: Option<PathBuf>,
    pub use_progress: bool,
    /// The profile given with --profile or LEARNPATH_PROFILE, if any.
    pub profile_path: Option<PathBuf>,
    pub use_profile: bool,
    /// How standard output looks (color, width).
    pub style: Style,
    /// Where warnings and notes go.
    pub report: Reporter,
}

impl Context {
    /// The global settings from the arguments, the environment and the terminals.
    pub fn resolve(cli: &Cli) -> Context {
        use std::io::IsTerminal;
        let stderr_terminal = std::io::stderr().is_terminal();
        let stdout_terminal = std::io::stdout().is_terminal();
        Context {
            source: cli.curriculum.clone().map_or(Source::Embedded, Source::Dir),
            today: cli
                .today
                .unwrap_or_else(|| chrono::Local::now().date_naive()),
            now: match cli.today {
                Some(today) => today.and_time(NaiveTime::MIN).and_utc(),
                None => chrono::Utc::now()
                    .with_nanosecond(0)
                    .unwrap_or_else(chrono::Utc::now),
            },
            progress_path: cli.progress.clone(),
            use_progress: !cli.no_progress,
            profile_path: cli.profile.clone(),
            use_profile: !cli.no_profile,
            style: Style {
                color: cli.color.enabled(stdout_terminal),
                width: stdout_terminal.then(terminal_width).flatten(),
            },
            report: Reporter {
                quiet: cli.quiet,
                color: cli.color.enabled(stderr_terminal),
                width: stderr_terminal.then(terminal_width).flatten(),
            },
        }
    }

    /// When sessions start: at the time given (else 19:00) in the zone given, else the
    /// system's (`TZ`, then the system setting), with a warning when that cannot be told.
    pub fn clock_at(&self, time: TimeOfDay) -> Clock {
        let at = time.at.unwrap_or(DEFAULT_AT);
        let zone = match time.tz {
            Some(tz) => Zone::Iana(tz),
            None => {
                let (zone, warning) = super::zone::system_zone();
                if let Some(warning) = warning {
                    self.report.warning(warning);
                }
                zone
            }
        };
        Clock { at, zone }
    }

    /// The curriculum and its graph, saying what was left out of it for errors (`validate`
    /// lists them).
    pub fn open(&self) -> Result<Opened, Error> {
        let opened = learnpath::open(&self.source)?;
        let other = &opened.curriculum.other_pages;
        let left_out = other.broken.len() + other.left_out.len();
        let errors = opened.error_count();
        let Some(first) = opened.warnings.iter().find(|d| d.is_error()) else {
            return Ok(opened);
        };
        let mut parts = Vec::new();
        if !other.broken.is_empty() {
            parts.push(format!("{} with errors", count(other.broken.len(), "page")));
        }
        if !other.left_out.is_empty() {
            parts.push(format!(
                "{} that require one or sit on a prerequisite cycle",
                count(other.left_out.len(), "document")
            ));
        }
        let what = match left_out {
            0 => "the links concerned are ignored".to_string(),
            _ => format!("left out of plans: {}", parts.join(" and ")),
        };
        let place = match (&first.file, first.line) {
            (Some(file), Some(line)) => format!("{file}:{line}: "),
            (Some(file), None) => format!("{file}: "),
            _ => String::new(),
        };
        self.report.warning(format!(
            "the curriculum has {}; {what}; the first is {place}{}; `learnpath validate` lists them all",
            count(errors, "error"),
            first.message
        ));
        Ok(opened)
    }

    /// The choice of the flags, else the profile's; none when neither makes one.
    pub fn selection(
        &self,
        choice: &Choice,
        curriculum: &Curriculum,
    ) -> Result<Option<Selection>, Error> {
        if choice.given() {
            return choice.resolve(curriculum).map(Some);
        }
        self.saved_profile(curriculum)?.selection(curriculum)
    }
}

/// The progress file's done documents and those of --done.
fn with_extra(
    curriculum: &Curriculum,
    progress: &Progress,
    extra: &Done,
) -> Result<DoneSet, Error> {
    let mut done = progress.done_set(curriculum);
    for id in curriculum.find_docs(&extra.done)? {
        done.insert(id);
    }
    Ok(done)
}

/// The width to lay output out for on a terminal: `COLUMNS` when it is a number (as GNU tools
/// honor it, and tests can set it), else the width the terminal reports (comfy-table asks it).
/// A terminal that reports no size (0 columns), or fewer than 40, counts as unknown: nothing is
/// wrapped.
fn terminal_width() -> Option<u16> {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|columns| columns.trim().parse::<u16>().ok())
        .filter(|&columns| columns > 0)
        .or_else(|| comfy_table::Table::new().width())
        .filter(|&columns| columns >= 40)
}

/// The documents with a time logged (`done --took`): their estimate and what they took. The
/// names of the documents are indexed only when there is one (most runs have none).
pub(super) fn logged(curriculum: &Curriculum, progress: &Progress) -> Vec<Logged> {
    if progress.logged().next().is_none() {
        return Vec::new();
    }
    let names = curriculum.doc_names();
    progress
        .logged()
        .filter_map(|(path, took)| {
            names.find(path).map(|id| Logged {
                estimated: curriculum.doc(id).minutes,
                actual: took,
            })
        })
        .collect()
}

/// What the progress file says was studied in the week of `start`, up to it.
pub(super) fn studied_before(
    curriculum: &Curriculum,
    progress: &Progress,
    start: NaiveDate,
) -> Studied {
    Studied::before(start, progress.studied(curriculum))
}

/// Adds to `list` the values of `more` it does not have yet, in order.
fn add_new<T: PartialEq + Clone>(list: &mut Vec<T>, more: &[T]) {
    for value in more {
        if !list.contains(value) {
            list.push(value.clone());
        }
    }
}
