//! One place decides the settings: the raw arguments, the environment and the terminal become
//! resolved values here, and every command reads only those. Global settings first
//! ([`Context`]); a plan's request ([`PlanRequest`]) once the curriculum is open.

use super::Failure;
use super::args::{Choice, Cli, Done, PlanOptions};
use super::report::Reporter;
use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;
use learnpath::plan::WeeklyMinutes;
use learnpath::plan::settings::Week;
use learnpath::plan::{DoneSet, Selection, SessionMinutes, Settings, Studied};
use learnpath::progress::{Progress, ProgressStore};
use learnpath::render::clock::Clock;
use learnpath::render::table::Style;
use learnpath::render::zone::{self, Zone};
use learnpath::words::{count, count_with};
use learnpath::{Curriculum, Error, Opened, Source};
use std::path::PathBuf;

/// What every command may need besides its own arguments.
pub(super) struct Context {
    pub source: Source,
    pub today: NaiveDate,
    /// The progress file given with --progress or LEARNPATH_PROGRESS, if any.
    pub progress_path: Option<PathBuf>,
    pub use_progress: bool,
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
            progress_path: cli.progress.clone(),
            use_progress: !cli.no_progress,
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

    /// When sessions start: at `at` in the zone given, else the system's (`TZ`, then the
    /// system setting), with a warning when that cannot be told.
    pub fn clock(&self, at: NaiveTime, tz: Option<Tz>) -> Clock {
        let zone = match tz {
            Some(tz) => Zone::Iana(tz),
            None => {
                let (zone, warning) = zone::system_zone();
                if let Some(warning) = warning {
                    self.report.warning(warning);
                }
                zone
            }
        };
        Clock { at, zone }
    }

    /// The progress file: the one given (--progress, LEARNPATH_PROGRESS), used as is; else the
    /// curriculum's own, started from the file all curricula shared before, the first time.
    pub fn store(&self, curriculum: &Curriculum) -> Result<ProgressStore, Error> {
        if let Some(path) = &self.progress_path {
            return Ok(ProgressStore::new(path));
        }
        let store = ProgressStore::for_curriculum(curriculum, &self.source)?;
        if let Some(migrated) = store.migrate(curriculum)? {
            self.report.note(format!(
                "progress is now kept per curriculum: copied {} of this curriculum from {} to {} (that file is left as it was)",
                count_with(migrated.entries, "entry", "entries"),
                migrated.from.display(),
                store.path().display()
            ));
        }
        Ok(store)
    }

    /// `done` and `undo` exist to change the progress file: with --no-progress they would
    /// either write it against the flag or do nothing while saying they did.
    pub fn require_progress(&self, command: &'static str) -> Result<(), Error> {
        if self.use_progress {
            return Ok(());
        }
        Err(Error::NoProgressForRecording { command })
    }

    /// The progress file's marks and where they were read, unless --no-progress. Recorded
    /// documents the curriculum does not have are kept in the file and reported here.
    pub fn progress(&self, curriculum: &Curriculum) -> Result<(Progress, Option<PathBuf>), Error> {
        if !self.use_progress {
            return Ok((Progress::default(), None));
        }
        let store = self.store(curriculum)?;
        let mut progress = store.load()?;
        progress.canonicalize(curriculum);
        let unknown = progress.unknown(curriculum);
        if !unknown.is_empty() {
            // The first few name the problem; a file of thousands would bury the terminal.
            const SHOWN: usize = 10;
            let more = match unknown.len().saturating_sub(SHOWN) {
                0 => String::new(),
                more => format!(" and {more} more"),
            };
            self.report.warning(format!(
                "{} lists {} this curriculum does not have (kept in the file): {}{more}",
                store.path().display(),
                count(unknown.len(), "document"),
                unknown[..unknown.len().min(SHOWN)].join(", ")
            ));
        }
        Ok((progress, Some(store.path().to_path_buf())))
    }

    /// The done documents: the progress file's and those of --done.
    pub fn done(&self, curriculum: &Curriculum, extra: &Done) -> Result<DoneSet, Error> {
        let (progress, _) = self.progress(curriculum)?;
        with_extra(curriculum, &progress, extra)
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

impl Choice {
    /// The selection; a role or 1-2 specializations are required.
    pub fn resolve(&self, curriculum: &Curriculum) -> Result<Selection, Error> {
        match &self.role {
            Some(role) => Selection::role(curriculum, curriculum.find_role(role)?),
            None => {
                let specs = self
                    .spec
                    .iter()
                    .filter(|name| !name.trim().is_empty())
                    .map(|name| curriculum.find_specialization(name))
                    .collect::<Result<Vec<_>, _>>()?;
                Selection::specializations(curriculum, specs)
            }
        }
    }

    /// The selection, or none when neither --role nor --spec is given.
    pub fn resolve_optional(&self, curriculum: &Curriculum) -> Result<Option<Selection>, Error> {
        if self.role.is_none() && self.spec.is_empty() {
            return Ok(None);
        }
        self.resolve(curriculum).map(Some)
    }
}

/// How much time: weekly hours, or the fewest that finish by a date.
#[derive(Debug, Clone, Copy)]
pub(super) enum Timing {
    Hours(WeeklyMinutes),
    By(NaiveDate),
}

/// Everything a plan needs, resolved and checked.
pub(super) struct PlanRequest {
    pub selection: Selection,
    pub done: DoneSet,
    pub timing: Timing,
    start: NaiveDate,
    days: Option<Week>,
    session: Option<SessionMinutes>,
    studied: Studied,
}

impl PlanRequest {
    /// From the plan options, once the curriculum is open. Warns about a start in the past.
    pub fn resolve(
        options: &PlanOptions,
        context: &Context,
        opened: &Opened,
    ) -> Result<PlanRequest, Failure> {
        let curriculum = &opened.curriculum;
        let timing = match (options.hours, options.by, options.days) {
            (Some(weekly), ..) => Timing::Hours(weekly),
            (None, Some(by), _) => Timing::By(by),
            // Minutes per day add up to the week.
            (None, None, Some(Week::Minutes(minutes))) => Timing::Hours(
                WeeklyMinutes::from_hours(f64::from(minutes.total()) / 60.0)
                    .map_err(Error::from)?,
            ),
            (None, None, _) => {
                return Err(Failure::Usage(
                    "give --hours (weekly study hours), --by DATE, or minutes per day (--days mon=30m,sat=2h)".to_string(),
                ));
            }
        };
        let selection = options.choice.resolve(curriculum)?;
        let (progress, _) = context.progress(curriculum)?;
        let done = with_extra(curriculum, &progress, &options.done)?;
        let start = options.start.unwrap_or(context.today);
        if start < context.today {
            context.report.warning(format!(
                "--start {start} is before today ({}); the plan's first sessions are in the past",
                context.today
            ));
        }
        let studied = Studied::before(
            start,
            curriculum
                .docs
                .iter()
                .filter_map(|doc| progress.date(&doc.path).map(|date| (doc.minutes, date))),
        );
        Ok(PlanRequest {
            selection,
            done,
            timing,
            start,
            days: options.days,
            session: options.session,
            studied,
        })
    }

    /// The settings for a weekly time.
    pub fn settings(&self, weekly: WeeklyMinutes) -> Settings {
        Settings::for_week(self.start, weekly, self.days, self.session).with_studied(self.studied)
    }
}
