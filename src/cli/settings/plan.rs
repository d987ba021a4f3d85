//! A plan's request: each value from its flag, else from the profile, else its default.

use super::*;

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
pub(in crate::cli) enum Timing {
    Hours(WeeklyMinutes),
    By(NaiveDate),
}

/// Whether plans place reviews when neither --review, --no-review nor the profile says: on.
pub(in crate::cli) const REVIEW_BY_DEFAULT: bool = true;

/// When sittings start when neither --at nor the profile (nor a followed plan) says.
pub(in crate::cli) const DEFAULT_AT: NaiveTime =
    NaiveTime::from_hms_opt(19, 0, 0).expect("19:00 is a time");

/// Everything a plan needs, resolved and checked: each value from its flag, else from the
/// profile, else its default.
pub(in crate::cli) struct PlanRequest {
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
    /// How many of `busy`, from the first, are the profile's.
    pub saved_busy: usize,
    /// When sittings start (the study window that busy calendars are read against, and the
    /// time calendars are written with): --at and --tz, else the profile's; none for the
    /// default (19:00, the system's zone).
    time: TimeOfDay,
    /// The clock made of them, once: the system's zone may warn.
    clock: OnceCell<Clock>,
    /// The profile's reminders, for calendars when no --remind is given.
    remind: Vec<Reminder>,
    /// The reviews to place, with their retention and minutes: --review and its options, else
    /// the profile's, else [`REVIEW_BY_DEFAULT`]; none plans new material only.
    pub review: Option<ReviewSettings>,
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
        let saved_busy = busy.len();
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
            saved_busy,
            time: time_of_day(options.window, saved.time_of_day()?),
            clock: OnceCell::new(),
            remind: saved.values(Key::Remind, values::remind)?,
            review: review(&options.review, &saved)?,
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
            review: self.review,
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

/// The reviews of a plan: on with --review, off with --no-review, else as the profile says,
/// else [`REVIEW_BY_DEFAULT`]; each of their options from its flag, else the profile's, else
/// its default. --retention or --review-minutes for a plan without reviews is a usage error:
/// it would be silently ignored.
fn review(options: &ReviewOptions, saved: &FromProfile) -> Result<Option<ReviewSettings>, Failure> {
    let on = match (options.review, options.no_review) {
        (true, _) => true,
        (_, true) => false,
        _ => saved
            .value(Key::Review, values::yes_no)?
            .unwrap_or(REVIEW_BY_DEFAULT),
    };
    if !on {
        return no_review_options(options).map(|()| None);
    }
    Ok(Some(ReviewSettings {
        retention: saved
            .or(options.retention, Key::Retention, values::retention)?
            .unwrap_or_default(),
        minutes: saved.or(
            options.review_minutes,
            Key::ReviewMinutes,
            values::review_minutes,
        )?,
    }))
}

/// Nothing, or the usage error for --retention or --review-minutes given to a plan without
/// reviews.
pub(super) fn no_review_options(options: &ReviewOptions) -> Result<(), Failure> {
    match options.retention.is_some() || options.review_minutes.is_some() {
        true => Err(Failure::Usage(
            "--retention and --review-minutes are for plans with reviews: add --review (or save it with `learnpath profile set --review`)"
                .to_string(),
        )),
        false => Ok(()),
    }
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
pub(super) fn time_of_day(flags: Window, saved: TimeOfDay) -> TimeOfDay {
    TimeOfDay {
        at: flags.at.or(saved.at),
        tz: flags.tz.or(saved.tz),
    }
}
