//! What `replan` and `status` need of the followed plan besides the plan itself.

use super::*;

/// What re-planning the followed plan (`replan`, `status`) needs besides the plan itself: its
/// time of day, or that of --at and --tz, and its busy calendars read against it.
pub(in crate::cli) struct FollowRequest {
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
        Ok(FollowRequest { time, calendar })
    }
}
