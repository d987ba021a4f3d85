//! One place decides the settings: the raw arguments, the environment and the terminal become
//! resolved values here, and every command reads only those. Global settings first
//! ([`Context`]); a plan's request ([`PlanRequest`]) once the curriculum is open. A value comes
//! from its flag, else from the saved profile ([`FromProfile`]), else from its default.

use super::Failure;
use super::args::{Choice, Cli, Done, PlanOptions, Window};
use super::stderr::Reporter;
use super::{messages, values};
use chrono::{NaiveDate, NaiveTime, Timelike};
use learnpath::availability::busy::BusyCalendar;
use learnpath::availability::{Availability, Busy, DateRange};
use learnpath::caldav::CollectionUrl;
use learnpath::calendar::{LedgerStore, Reminder};
use learnpath::curriculum::DocId;
use learnpath::error::{KeptFile, Problem};
use learnpath::follow::{Baseline, BaselineStore, Extras, TimeOfDay};
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

    /// The record of the last calendar export, beside the progress file; none without one.
    /// The flag: whether it may be written, which it may not when the progress file was named
    /// in a folder that does not exist (no folder is made for a path the user gave).
    pub fn ledger_store(
        &self,
        curriculum: &Curriculum,
    ) -> Result<Option<(LedgerStore, bool)>, Error> {
        if !self.use_progress {
            return Ok(None);
        }
        let progress = self.store(curriculum)?;
        let folder = progress
            .path()
            .parent()
            .filter(|p| !p.as_os_str().is_empty());
        let writable = self.progress_path.is_none() || folder.is_none_or(|folder| folder.is_dir());
        let store = LedgerStore::beside(progress.path(), curriculum_id(curriculum, &self.source));
        Ok(Some((store, writable)))
    }

    /// The files learnpath keeps for this curriculum, each with how messages name it: the
    /// progress file (and the one all curricula shared before), the baseline and calendar record
    /// beside it, and the profile. Worked out
    /// without reading or moving any (a home folder that cannot be found leaves its files out).
    pub fn kept_files(&self, curriculum: &Curriculum) -> Vec<(PathBuf, &'static str)> {
        let id = curriculum_id(curriculum, &self.source);
        let mut kept = Vec::new();
        let progress = match &self.progress_path {
            Some(path) => Some(path.clone()),
            None => match ProgressStore::for_curriculum(curriculum, &self.source) {
                Ok(store) => {
                    let shared = store.legacy().map(Path::to_path_buf);
                    kept.extend(shared.map(|path| (path, "the shared progress file")));
                    Some(store.path().to_path_buf())
                }
                Err(_) => None,
            },
        };
        if let Some(progress) = progress {
            let baseline = BaselineStore::beside(&progress, id.clone());
            let ledger = LedgerStore::beside(&progress, id);
            kept.push((baseline.path().to_path_buf(), "the baseline"));
            kept.push((ledger.path().to_path_buf(), "the calendar record"));
            kept.push((progress, "the progress file"));
        }
        if let Ok(profile) = self.profile_store(curriculum) {
            kept.push((profile.path().to_path_buf(), "the profile"));
        }
        kept
    }

    /// The followed plan's store: beside the progress file.
    pub fn baseline_store(&self, curriculum: &Curriculum) -> Result<BaselineStore, Error> {
        let progress = self.store(curriculum)?;
        Ok(BaselineStore::beside(
            progress.path(),
            curriculum_id(curriculum, &self.source),
        ))
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
        let progress = self.records(&store, curriculum)?;
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

    /// The progress file's records without a word about them, for a command that has already
    /// read them once (through [`Context::progress`], when its plan was made).
    pub fn progress_again(&self, curriculum: &Curriculum) -> Result<Progress, Error> {
        if !self.use_progress {
            return Ok(Progress::default());
        }
        self.records(&self.store(curriculum)?, curriculum)
    }

    fn records(&self, store: &ProgressStore, curriculum: &Curriculum) -> Result<Progress, Error> {
        let mut progress = store.load()?;
        progress.canonicalize(curriculum);
        Ok(progress)
    }

    /// The followed plan, when one is and it is for `selection` (a plan of another choice is no
    /// baseline for this one).
    pub fn followed(
        &self,
        curriculum: &Curriculum,
        selection: &learnpath::plan::Selection,
    ) -> Result<Option<learnpath::follow::Baseline>, Error> {
        if !self.use_progress {
            return Ok(None);
        }
        let Some(baseline) = self.baseline_store(curriculum)?.load()? else {
            return Ok(None);
        };
        let same = baseline.selection(curriculum).ok().as_ref() == Some(selection);
        Ok(same.then_some(baseline))
    }

    /// The done documents: the progress file's and those of --done.
    pub fn done(&self, curriculum: &Curriculum, extra: &Done) -> Result<DoneSet, Error> {
        let (progress, _) = self.progress(curriculum)?;
        with_extra(curriculum, &progress, extra)
    }

    /// The profile's store: the file given (--profile, LEARNPATH_PROFILE), used as is; else the
    /// curriculum's own. Either is for this curriculum: another's is refused.
    pub fn profile_store(&self, curriculum: &Curriculum) -> Result<ProfileStore, Error> {
        match &self.profile_path {
            Some(path) => Ok(ProfileStore::new(
                path,
                curriculum_id(curriculum, &self.source),
            )),
            None => ProfileStore::for_curriculum(curriculum, &self.source),
        }
    }

    /// `profile set`, `unset` and `reset` exist to change the profile: with --no-profile they
    /// would do it against the flag.
    pub fn require_profile(&self, command: &'static str) -> Result<(), Error> {
        if self.use_profile {
            return Ok(());
        }
        Err(Error::NoProfileForChanging { command })
    }

    /// The saved profile for this run: none with --no-profile, when there is no file, or when
    /// there is no home folder to look in.
    pub fn saved_profile(&self, curriculum: &Curriculum) -> Result<FromProfile, Error> {
        if !self.use_profile {
            return Ok(FromProfile::default());
        }
        let store = match self.profile_store(curriculum) {
            Err(Error::NoHome { .. }) => return Ok(FromProfile::default()),
            store => store?,
        };
        Ok(FromProfile(store.load()?))
    }

    /// The longest sitting of the plans the profile makes, as `plan` works it out from its
    /// hours (or minutes per day), days and session; without weekly hours, its session, else
    /// the default longest sitting of 2 h.
    pub fn profile_session(&self, curriculum: &Curriculum) -> Result<u32, Error> {
        let saved = self.saved_profile(curriculum)?;
        let days = saved.value(Key::Days, values::days)?;
        let session = saved.value(Key::Session, values::session)?;
        let choices = TimeChoices {
            week: days,
            session,
            whole: false,
        };
        Ok(match saved.weekly(days)? {
            Some(weekly) => choices
                .settings(self.today, weekly, Studied::default())
                .effective_session(),
            None => session.map_or(DEFAULT_MAX_SESSION_MINUTES, SessionMinutes::get),
        })
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

/// The saved profile's values, read as their flags read them. A value that does not read, or
/// names nothing in the curriculum, is an error that names the profile's file and line.
#[derive(Debug, Default)]
pub(super) struct FromProfile(Option<Saved>);

impl FromProfile {
    /// `flag` when given, else the profile's value of `key`.
    fn or<T>(
        &self,
        flag: Option<T>,
        key: Key,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Result<Option<T>, Error> {
        match flag {
            Some(value) => Ok(Some(value)),
            None => self.value(key, parse),
        }
    }

    /// The profile's value of `key`, if it has one.
    pub(super) fn value<T>(
        &self,
        key: Key,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Result<Option<T>, Error> {
        Ok(self.values(key, parse)?.into_iter().next())
    }

    /// The profile's values of `key`.
    pub(super) fn values<T>(
        &self,
        key: Key,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Result<Vec<T>, Error> {
        let Some(saved) = &self.0 else {
            return Ok(Vec::new());
        };
        saved
            .profile
            .values(key)
            .into_iter()
            .map(|text| parse(text).map_err(|message| saved.invalid(key, text, message)))
            .collect()
    }

    /// The profile's weekly time: its hours, else the minutes of its days (`mon=30m,sat=2h`)
    /// added up; `days` are the days in use.
    fn weekly(&self, days: Option<Week>) -> Result<Option<WeeklyMinutes>, Error> {
        Ok(match (self.value(Key::Hours, values::hours)?, days) {
            (Some(weekly), _) => Some(weekly),
            // Minutes per day add up to the week.
            (None, Some(Week::Minutes(minutes))) => Some(WeeklyMinutes::from_hours(
                f64::from(minutes.total()) / 60.0,
            )?),
            (None, _) => None,
        })
    }

    /// The profile's time of day: its at and tz.
    fn time_of_day(&self) -> Result<TimeOfDay, Error> {
        Ok(TimeOfDay {
            at: self.value(Key::At, values::time)?,
            tz: self.value(Key::Tz, super::values::tz)?,
        })
    }

    /// The profile's role or specializations, if it has them.
    fn selection(&self, curriculum: &Curriculum) -> Result<Option<Selection>, Error> {
        let Some(saved) = &self.0 else {
            return Ok(None);
        };
        let profile = &saved.profile;
        let invalid = |key: Key, value: &str, error: Error| {
            saved.invalid(key, value, messages::describe(&error))
        };
        if let Some(role) = &profile.role {
            return curriculum
                .find_role(role)
                .and_then(|id| Selection::role(curriculum, id))
                .map(Some)
                .map_err(|error| invalid(Key::Role, role, error));
        }
        if profile.spec.is_empty() {
            return Ok(None);
        }
        let specs = profile
            .spec
            .iter()
            .map(|name| {
                curriculum
                    .find_specialization(name)
                    .map_err(|error| invalid(Key::Spec, name, error))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Selection::specializations(curriculum, specs)
            .map(Some)
            .map_err(|error| invalid(Key::Spec, &profile.spec.join(", "), error))
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
    /// Whether --role or --spec is given.
    pub fn given(&self) -> bool {
        self.role.is_some() || !self.spec.is_empty() || !self.target.is_empty()
    }

    /// The selection; targets, a role or 1-2 specializations are required.
    pub fn resolve(&self, curriculum: &Curriculum) -> Result<Selection, Error> {
        let names: Vec<String> = self
            .target
            .iter()
            .map(|name| name.trim().to_string())
            .filter(|name| !name.is_empty())
            .collect();
        if !names.is_empty() {
            let mut targets = Vec::new();
            for name in &names {
                targets.extend(curriculum.find_target(name)?);
            }
            return Ok(Selection::documents(targets, names));
        }
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
}

/// How much time: weekly hours, or the fewest that finish by a date.
#[derive(Debug, Clone, Copy)]
pub(super) enum Timing {
    Hours(WeeklyMinutes),
    By(NaiveDate),
}

/// When sittings start when neither --at nor the profile (nor a followed plan) says.
pub(super) const DEFAULT_AT: NaiveTime =
    NaiveTime::from_hms_opt(19, 0, 0).expect("19:00 is a time");

/// Everything a plan needs, resolved and checked: each value from its flag, else from the
/// profile, else its default.
pub(super) struct PlanRequest {
    pub selection: Selection,
    pub done: DoneSet,
    /// What is done of documents not done yet (partial progress): plans schedule the rest.
    pub partial: Vec<(DocId, PartlyDone)>,
    /// The times logged with `done --took`, for the forecast.
    pub logged: Vec<Logged>,
    pub timing: Timing,
    start: NaiveDate,
    /// The days, the longest sitting and whole documents only: each its flag, else the
    /// profile's.
    choices: TimeChoices,
    studied: Studied,
    /// Days off, inclusive (first, last): the profile's, then those of --skip, without
    /// duplicates.
    pub skip: Vec<(NaiveDate, NaiveDate)>,
    /// Calendars (.ics) of busy times, absolute paths of files that exist: the profile's, then
    /// those of --busy, without duplicates.
    pub busy: Vec<PathBuf>,
    /// When sittings start (the study window that busy calendars are read against, and the
    /// time calendars are written with): --at and --tz, else the profile's; none for the
    /// default (19:00, the system's zone).
    time: TimeOfDay,
    /// The clock made of them, once: the system's zone may warn.
    clock: OnceCell<Clock>,
    /// The profile's reminders, for calendars when no --remind is given.
    remind: Vec<Reminder>,
}

impl PlanRequest {
    /// From the plan options and the profile, once the curriculum is open. Warns about a start
    /// in the past.
    pub fn resolve(
        options: &PlanOptions,
        context: &Context,
        opened: &Opened,
    ) -> Result<PlanRequest, Failure> {
        let curriculum = &opened.curriculum;
        let saved = context.saved_profile(curriculum)?;
        let days = saved.or(options.days, Key::Days, values::days)?;
        let timing = timing(options, &saved, days)?;
        let selection = match options.choice.given() {
            true => options.choice.resolve(curriculum)?,
            // Without either, this says that a role or specializations are needed.
            false => match saved.selection(curriculum)? {
                Some(selection) => selection,
                None => options.choice.resolve(curriculum)?,
            },
        };
        let (progress, _) = context.progress(curriculum)?;
        let done = with_extra(curriculum, &progress, &options.done)?;
        let start = start(options, &saved, context)?;
        let mut skip = saved.values(Key::Skip, values::skip)?;
        let mut busy = saved.values(Key::Busy, values::saved_busy)?;
        add_new(&mut skip, &options.skip);
        add_new(&mut busy, &options.busy);
        Ok(PlanRequest {
            selection,
            done,
            partial: progress.partly_done(curriculum),
            logged: logged(curriculum, &progress),
            timing,
            start,
            choices: TimeChoices {
                week: days,
                session: saved.or(options.session, Key::Session, values::session)?,
                whole: options.whole || saved.value(Key::Whole, values::yes_no)? == Some(true),
            },
            studied: studied_before(curriculum, &progress, start),
            skip,
            busy,
            time: time_of_day(options.window, saved.time_of_day()?),
            clock: OnceCell::new(),
            remind: saved.values(Key::Remind, values::remind)?,
        })
    }

    /// The reminders of a calendar: those of --remind, else the profile's.
    pub fn reminders(&self, flags: &[Reminder]) -> Vec<Reminder> {
        match flags.is_empty() {
            true => self.remind.clone(),
            false => flags.to_vec(),
        }
    }

    /// When sittings start: at --at (else the profile's, else 19:00) in --tz (else the
    /// profile's, else the system's).
    pub fn clock(&self, context: &Context) -> &Clock {
        self.clock.get_or_init(|| context.clock_at(self.time))
    }

    /// Dates skipped, and the busy time given, for the planner.
    pub fn availability(&self, busy: Option<Busy>) -> Availability {
        Availability {
            skip: self.skip_ranges(),
            busy,
        }
    }

    fn skip_ranges(&self) -> Vec<DateRange> {
        self.skip
            .iter()
            .filter_map(|&(first, last)| DateRange::new(first, last))
            .collect()
    }

    /// What a followed plan keeps of the request besides the plan: the time as chosen, days
    /// off, calendars and the time of day.
    pub fn extras(&self) -> Extras {
        Extras {
            choices: self.choices,
            skip: self.skip_ranges(),
            busy: self.busy.clone(),
            at: self.time.at,
            tz: self.time.tz,
        }
    }

    /// The plan's first day.
    pub fn start(&self) -> NaiveDate {
        self.start
    }

    /// The settings for a weekly time.
    pub fn settings(&self, weekly: WeeklyMinutes) -> Settings {
        self.choices.settings(self.start, weekly, self.studied)
    }
}

/// How much time: --hours, else --by, else the profile's weekly time; a usage error without
/// any.
fn timing(
    options: &PlanOptions,
    saved: &FromProfile,
    days: Option<Week>,
) -> Result<Timing, Failure> {
    Ok(match (options.hours, options.by) {
        (Some(weekly), _) => Timing::Hours(weekly),
        (None, Some(by)) => Timing::By(by),
        (None, None) => match saved.weekly(days)? {
            Some(weekly) => Timing::Hours(weekly),
            None => {
                return Err(Failure::Usage(
                    "give --hours (weekly study hours), --by DATE or minutes per day (--days mon=30m,sat=2h), or save your weekly hours with `learnpath profile set --hours H`"
                        .to_string(),
                ));
            }
        },
    })
}

/// The plan's first day: --start, else the profile's, else today; a warning when it is in the
/// past.
fn start(
    options: &PlanOptions,
    saved: &FromProfile,
    context: &Context,
) -> Result<NaiveDate, Error> {
    let (start, named) = match (options.start, saved.value(Key::Start, values::date)?) {
        (Some(start), _) => (start, "--start"),
        (None, Some(start)) => (start, "the profile's start"),
        (None, None) => (context.today, "the start"),
    };
    if start < context.today {
        context.report.warning(format!(
            "{named} {start} is before today ({}); the plan's first sessions are in the past",
            context.today
        ));
    }
    Ok(start)
}

/// The time of day: each of --at and --tz when given, else the saved one (the profile's, or
/// the followed plan's).
fn time_of_day(flags: Window, saved: TimeOfDay) -> TimeOfDay {
    TimeOfDay {
        at: flags.at.or(saved.at),
        tz: flags.tz.or(saved.tz),
    }
}

/// What re-planning the followed plan (`replan`, `status`) needs besides the plan itself: its
/// time of day, or that of --at and --tz, and its busy calendars read against it.
pub(super) struct FollowRequest {
    pub time: TimeOfDay,
    pub calendar: Option<(BusyCalendar, Clock)>,
}

impl FollowRequest {
    /// From the window's flags and the followed plan (kept in `file`). A busy calendar it names
    /// that is gone is an error that names the file.
    pub fn resolve(
        window: Window,
        context: &Context,
        baseline: &Baseline,
        file: &Path,
    ) -> Result<FollowRequest, Error> {
        let settings = &baseline.settings;
        let time = time_of_day(
            window,
            TimeOfDay {
                at: settings.at,
                tz: settings.tz,
            },
        );
        if settings.busy.is_empty() {
            return Ok(FollowRequest {
                time,
                calendar: None,
            });
        }
        let paths = settings
            .busy
            .iter()
            .map(|path| values::saved_busy(&path.to_string_lossy()))
            .collect::<Result<Vec<PathBuf>, _>>()
            .map_err(|message| Error::Kept {
                path: file.to_path_buf(),
                line: None,
                file: KeptFile::Baseline,
                problem: Problem::Invalid(format!("busy: {message}")),
            })?;
        let calendar = Some((BusyCalendar::read(&paths)?, context.clock_at(time)));
        Ok(FollowRequest { time, calendar })
    }
}

/// The variable that holds the CalDAV password.
const PASSWORD_VARIABLE: &str = "LEARNPATH_CALDAV_PASSWORD";

/// Where `sync` writes and as whom: --caldav and --user, else the profile's; the password from
/// `LEARNPATH_CALDAV_PASSWORD` (else `sync` reads ~/.netrc).
pub(super) struct CaldavRequest {
    pub url: CollectionUrl,
    pub user: Option<String>,
    pub password: Option<String>,
}

impl CaldavRequest {
    pub fn resolve(
        caldav: Option<&str>,
        user: Option<String>,
        context: &Context,
        curriculum: &Curriculum,
    ) -> Result<CaldavRequest, Failure> {
        let saved = context.saved_profile(curriculum)?;
        let url = match caldav {
            Some(url) => CollectionUrl::parse(url)?,
            None => saved.value(Key::Caldav, values::caldav)?.ok_or_else(|| {
                Failure::Usage(
                    "give the calendar with --caldav URL, or save it with `learnpath profile set --caldav URL --user NAME`"
                        .to_string(),
                )
            })?,
        };
        Ok(CaldavRequest {
            url,
            user: saved.or(user, Key::User, values::user)?,
            password: std::env::var(PASSWORD_VARIABLE).ok(),
        })
    }
}

/// The documents with a time logged (`done --took`): their estimate and what they took.
pub(super) fn logged(curriculum: &Curriculum, progress: &Progress) -> Vec<Logged> {
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

#[cfg(test)]
mod tests {
    use super::super::args::Command;
    use super::*;
    use clap::Parser;

    /// The request `learnpath ARGS` resolves to, with the profile at `profile`.
    fn request(profile: &std::path::Path, args: &[&str]) -> Result<PlanRequest, Failure> {
        let cli = Cli::try_parse_from(
            [
                &[
                    "learnpath",
                    "--no-progress",
                    "--today",
                    "2027-01-04",
                    "--profile",
                    profile.to_str().unwrap(),
                ][..],
                args,
            ]
            .concat(),
        )
        .unwrap();
        let context = Context::resolve(&cli);
        let Some(Command::Plan { options, .. }) = &cli.command else {
            panic!("not a plan: {args:?}");
        };
        let opened = context.open().unwrap();
        PlanRequest::resolve(options, &context, &opened)
    }

    /// The profile's days off and busy calendars, then those of the flags, without duplicates.
    #[test]
    fn skip_and_busy_add_the_flags_to_the_profile() {
        let dir = tempfile::tempdir().unwrap();
        let home = std::fs::canonicalize(dir.path()).unwrap();
        let (work, gym) = (home.join("work.ics"), home.join("gym.ics"));
        for calendar in [&work, &gym] {
            std::fs::write(calendar, "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n").unwrap();
        }
        let profile = home.join("profile.yaml");
        std::fs::write(
            &profile,
            format!(
                "schema_version: 1\ncurriculum: datacenter-infrastructure\nrole: storage engineer\nhours: 5\nskip:\n- 2027-02-10..2027-02-20\n- 2027-03-01\nbusy:\n- {}\n",
                work.display()
            ),
        )
        .unwrap();
        let day = |text: &str| values::date(text).unwrap();
        let plain = request(&profile, &["plan"]).ok().unwrap();
        assert_eq!(
            plain.skip,
            [
                (day("2027-02-10"), day("2027-02-20")),
                (day("2027-03-01"), day("2027-03-01"))
            ]
        );
        assert_eq!(plain.busy, std::slice::from_ref(&work));
        let merged = request(
            &profile,
            &[
                "plan",
                "--skip",
                "2027-03-01,2027-04-01..2027-04-02",
                "--busy",
                gym.to_str().unwrap(),
                "--busy",
                work.to_str().unwrap(),
            ],
        )
        .ok()
        .unwrap();
        assert_eq!(
            merged.skip,
            [
                (day("2027-02-10"), day("2027-02-20")),
                (day("2027-03-01"), day("2027-03-01")),
                (day("2027-04-01"), day("2027-04-02"))
            ]
        );
        assert_eq!(merged.busy, [work.clone(), gym]);
        // A calendar the profile names that is gone is an error that names the line.
        std::fs::remove_file(&work).unwrap();
        let Err(Failure::Library(error)) = request(&profile, &["plan"]) else {
            panic!("a missing calendar is accepted");
        };
        let message = error.to_string();
        assert!(message.contains("profile.yaml:9: busy:"), "{message}");
        assert!(message.contains("does not exist"), "{message}");
    }

    /// --at and --tz, else the profile's: what the clock is made of and a followed plan keeps.
    #[test]
    fn the_window_is_the_flags_else_the_profiles() {
        let dir = tempfile::tempdir().unwrap();
        let profile = dir.path().join("profile.yaml");
        std::fs::write(
            &profile,
            "schema_version: 1\ncurriculum: datacenter-infrastructure\nrole: storage engineer\nhours: 5\nat: '07:30'\ntz: Europe/Berlin\n",
        )
        .unwrap();
        let window = |args: &[&str]| {
            let extras = request(&profile, args).ok().unwrap().extras();
            let (at, tz) = (extras.at.unwrap(), extras.tz.unwrap());
            (at.format("%H:%M").to_string(), tz.name().to_string())
        };
        assert_eq!(
            window(&["plan"]),
            ("07:30".into(), "Europe/Berlin".to_string())
        );
        assert_eq!(
            window(&["plan", "--at", "19:30", "--tz", "UTC"]),
            ("19:30".into(), "UTC".into())
        );
        assert_eq!(
            window(&["plan", "--at", "20:00"]),
            ("20:00".into(), "Europe/Berlin".into())
        );
    }
}
