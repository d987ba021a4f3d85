//! What `replan` and `status` need of the followed plan besides the plan itself.

use super::*;

/// What re-planning the followed plan (`replan`, `status`) needs besides the plan itself: its
/// time of day, or that of --at and --tz, its busy calendars read against it, and its reviews,
/// or those the review flags ask for.
pub(in crate::cli) struct FollowRequest {
    pub time: TimeOfDay,
    pub calendar: Option<(BusyCalendar, Clock)>,
    pub review: Option<ReviewSettings>,
}

impl FollowRequest {
    /// From the window's and the review flags and the followed plan (kept in `file`). A busy
    /// calendar it names that is gone is an error that names the file.
    pub fn resolve(
        window: Window,
        review_flags: &ReviewOptions,
        context: &Context,
        baseline: &Baseline,
        file: &Path,
    ) -> Result<FollowRequest, Failure> {
        let settings = &baseline.settings;
        let review = review(review_flags, settings.review)?;
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
                review,
            });
        }
        let paths = settings
            .busy
            .iter()
            .map(|path| {
                values::kept_busy(
                    &path.to_string_lossy(),
                    "`learnpath follow --busy FILE` stores one",
                )
            })
            .collect::<Result<Vec<PathBuf>, _>>()
            .map_err(|message| Error::Kept {
                path: file.to_path_buf(),
                line: None,
                file: KeptFile::Baseline,
                problem: Problem::Invalid(Invalid::Busy(message)),
            })?;
        let calendar = Some((BusyCalendar::read(&paths)?, context.clock_at(time)));
        Ok(FollowRequest {
            time,
            calendar,
            review,
        })
    }
}

/// The reviews of a re-plan: on with --review (at the followed plan's retention and minutes,
/// else the defaults), off with --no-review, else as the followed plan placed them; --retention
/// and --review-minutes change the retention and minutes.
fn review(
    flags: &ReviewOptions,
    followed: Option<ReviewSettings>,
) -> Result<Option<ReviewSettings>, Failure> {
    let kept = match (flags.review, flags.no_review) {
        (true, _) => Some(followed.unwrap_or(ReviewSettings {
            retention: Retention::default(),
            minutes: None,
        })),
        (_, true) => None,
        _ => followed,
    };
    let Some(kept) = kept else {
        return plan::no_review_options(flags).map(|()| None);
    };
    Ok(Some(ReviewSettings {
        retention: flags.retention.unwrap_or(kept.retention),
        minutes: flags.review_minutes.or(kept.minutes),
    }))
}

impl Context {
    /// The target retention of `review`: `flag`, else the profile's, else the followed
    /// plan's, else the default.
    pub fn review_retention(
        &self,
        flag: Option<Retention>,
        curriculum: &Curriculum,
    ) -> Result<Retention, Error> {
        if let Some(retention) = flag {
            return Ok(retention);
        }
        let baseline = self.baseline_store(curriculum)?.load()?;
        self.retention(curriculum, baseline.as_ref())
    }

    /// The target retention `status` reckons reviews at: the profile's retention, else the
    /// followed plan's, else the default.
    pub fn retention(
        &self,
        curriculum: &Curriculum,
        baseline: Option<&Baseline>,
    ) -> Result<Retention, Error> {
        let saved = self.saved_profile(curriculum)?;
        let followed = baseline.and_then(|baseline| baseline.settings.review);
        Ok(saved
            .value(Key::Retention, values::retention)?
            .or(followed.map(|review| review.retention))
            .unwrap_or_default())
    }
}
