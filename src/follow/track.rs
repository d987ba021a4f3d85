//! Where the learner stands against the baseline on a day: minutes planned before it and done,
//! ahead or behind in minutes and in sittings, what is due that day, and this week's load
//! against its cap.

use super::baseline::Baseline;
use super::past::Worked;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// Ahead or behind the followed plan (`status`'s JSON `schedule`). Behind counts the sittings
/// before today only; today's are due today. Done minutes between those planned before today
/// and those planned up to the end of today are on schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Standing {
    /// The day the baseline was saved.
    pub followed_since: NaiveDate,
    /// The baseline's last sitting.
    pub baseline_finish: Option<NaiveDate>,
    /// The finish of what is left, re-planned from today with the same settings (what
    /// `replan` would give); filled in by the caller, who plans.
    pub projected_finish: Option<NaiveDate>,
    /// Minutes of the baseline's sittings up to and including today.
    pub planned_minutes_to_date: u32,
    /// Of those, the minutes of today's sittings.
    pub planned_minutes_today: u32,
    /// Of today's minutes, those the done minutes do not cover yet.
    pub due_today_minutes: u32,
    /// Estimated minutes of the baseline's documents done by today, partial progress included
    /// (what was recorded, up to the minutes the baseline gives the document).
    pub done_minutes_to_date: u32,
    /// Minutes planned before today and not done; negative when ahead: minutes done beyond
    /// those planned up to the end of today; 0 in between (on schedule).
    pub behind_minutes: i64,
    /// Sittings before today the done minutes do not cover, in plan order; negative when
    /// ahead: sittings after today's that they cover.
    pub behind_sessions: i64,
    /// The current ISO week.
    pub this_week: WeekLoad,
}

/// This ISO week's study time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WeekLoad {
    /// "2027-W03".
    pub iso_week: String,
    /// The weekly time the plan allows.
    pub cap_minutes: u32,
    /// Minutes the baseline puts in this week.
    pub planned_minutes: u32,
    /// Minutes done this week, up to today.
    pub done_minutes: u32,
}

/// The learner's standing on `today` against `baseline`, from what they worked on. Reviews are
/// not counted: the minutes and sittings are those of new material, as the work is.
pub fn standing(baseline: &Baseline, worked: &Worked, today: NaiveDate) -> Standing {
    let sittings = study_sittings(baseline);
    let before_count = sittings.iter().take_while(|s| s.0 < today).count();
    let through_count = sittings.iter().take_while(|s| s.0 <= today).count();
    let minutes = |count: usize| -> u32 { sittings[..count].iter().map(|s| s.1).sum() };
    let (before, through) = (minutes(before_count), minutes(through_count));
    let done = worked.minutes_by(today);
    let covered = covered_sittings(&sittings, done);
    let (behind_minutes, behind_sessions) = if done < before {
        (i64::from(before - done), (before_count - covered) as i64)
    } else if done > through {
        (
            -i64::from(done - through),
            -((covered - through_count) as i64),
        )
    } else {
        (0, 0)
    };
    Standing {
        followed_since: baseline.made,
        baseline_finish: baseline.finish(),
        projected_finish: None,
        planned_minutes_to_date: through,
        planned_minutes_today: through - before,
        due_today_minutes: through - done.clamp(before, through),
        done_minutes_to_date: done,
        behind_minutes,
        behind_sessions,
        this_week: week_load(&sittings, baseline, worked, today),
    }
}

/// The baseline's sittings of new material, by date, with their minutes without reviews: a
/// sitting of reviews only is left out.
fn study_sittings(baseline: &Baseline) -> Vec<(NaiveDate, u32)> {
    baseline
        .sessions
        .iter()
        .map(|sitting| (sitting.date, sitting.study_minutes()))
        .filter(|&(_, minutes)| minutes > 0)
        .collect()
}

/// How many sittings, in plan order, `done` minutes cover whole.
fn covered_sittings(sittings: &[(NaiveDate, u32)], done: u32) -> usize {
    let mut cumulative = 0;
    sittings
        .iter()
        .take_while(|&&(_, minutes)| {
            cumulative += minutes;
            cumulative <= done
        })
        .count()
}

/// The ISO week of `today`: the minutes of new material the baseline puts in it, and those
/// done up to today.
fn week_load(
    sittings: &[(NaiveDate, u32)],
    baseline: &Baseline,
    worked: &Worked,
    today: NaiveDate,
) -> WeekLoad {
    let week = today.iso_week();
    let monday = today - chrono::Days::new(u64::from(today.weekday().num_days_from_monday()));
    let before_week = monday.pred_opt().unwrap_or(monday);
    let done = worked.minutes_by(today);
    WeekLoad {
        iso_week: format!("{}-W{:02}", week.year(), week.week()),
        cap_minutes: baseline.settings.weekly_minutes,
        planned_minutes: sittings
            .iter()
            .filter(|(date, _)| date.iso_week() == week)
            .map(|&(_, minutes)| minutes)
            .sum(),
        done_minutes: done - worked.minutes_by(before_week).min(done),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::follow::{Chosen, FollowedSettings, Piece, Sitting};
    use crate::progress::Progress;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    /// Three sittings of one 60-minute document each, Monday, Wednesday and Saturday.
    fn baseline() -> Baseline {
        let sitting = |date: &str, path: &str| Sitting {
            date: day(date),
            minutes: 60,
            past: false,
            items: vec![Piece {
                path: path.to_string(),
                minutes: 60,
                part: None,
                review: false,
            }],
        };
        Baseline {
            made: day("2027-01-04"),
            selection: Chosen {
                role: Some("r".into()),
                spec: Vec::new(),
                target: Vec::new(),
            },
            settings: FollowedSettings {
                weekly_minutes: 180,
                days: None,
                day_minutes: None,
                session_minutes: None,
                skip: Vec::new(),
                busy: Vec::new(),
                at: None,
                tz: None,
                whole: false,
                review: None,
            },
            sessions: vec![
                sitting("2027-01-04", "a.md"),
                sitting("2027-01-06", "b.md"),
                sitting("2027-01-09", "c.md"),
            ],
        }
    }

    #[test]
    fn ahead_is_negative_and_counts_sittings_in_plan_order() {
        let baseline = baseline();
        let mut progress = Progress::default();
        progress.mark("a.md", day("2027-01-04"));
        progress.mark("b.md", day("2027-01-05"));
        let worked = Worked::of(&baseline, &progress);
        let standing = standing(&baseline, &worked, day("2027-01-05"));
        assert_eq!(standing.planned_minutes_to_date, 60);
        assert_eq!(standing.done_minutes_to_date, 120);
        assert_eq!(
            (standing.behind_minutes, standing.behind_sessions),
            (-60, -1)
        );
        assert_eq!(standing.this_week.done_minutes, 120);
        assert_eq!(standing.this_week.planned_minutes, 180);
        // Work marked on a later day does not count yet.
        let early = super::standing(&baseline, &worked, day("2027-01-04"));
        assert_eq!((early.done_minutes_to_date, early.behind_minutes), (60, 0));
        assert_eq!(
            (early.planned_minutes_today, early.due_today_minutes),
            (60, 0)
        );
    }

    #[test]
    fn todays_sitting_is_due_today_not_behind() {
        let baseline = baseline();
        let mut progress = Progress::default();
        let nothing = Worked::of(&baseline, &progress);
        let monday = standing(&baseline, &nothing, day("2027-01-04"));
        assert_eq!(
            (monday.behind_minutes, monday.behind_sessions),
            (0, 0),
            "on schedule the day the plan starts"
        );
        assert_eq!(monday.due_today_minutes, 60);
        // Wednesday, Monday's sitting done and 20 minutes of today's: 40 due, on schedule.
        progress.mark("a.md", day("2027-01-04"));
        progress.record_partial(
            "b.md",
            crate::progress::Partial {
                date: day("2027-01-06"),
                minutes: 20,
                part: None,
                took: None,
            },
        );
        let worked = Worked::of(&baseline, &progress);
        let wednesday = standing(&baseline, &worked, day("2027-01-06"));
        assert_eq!(wednesday.planned_minutes_to_date, 120);
        assert_eq!(wednesday.planned_minutes_today, 60);
        assert_eq!(wednesday.due_today_minutes, 40);
        assert_eq!(
            (wednesday.behind_minutes, wednesday.behind_sessions),
            (0, 0)
        );
        // Monday's sitting missed: behind by it alone, and today's is all due.
        let missed = standing(&baseline, &nothing, day("2027-01-06"));
        assert_eq!((missed.behind_minutes, missed.behind_sessions), (60, 1));
        assert_eq!(missed.due_today_minutes, 60);
    }

    #[test]
    fn a_missed_week_is_behind_by_its_sittings() {
        let baseline = baseline();
        let worked = Worked::of(&baseline, &Progress::default());
        let standing = standing(&baseline, &worked, day("2027-01-12"));
        assert_eq!(
            (standing.behind_minutes, standing.behind_sessions),
            (180, 3)
        );
        assert_eq!(standing.this_week.iso_week, "2027-W02");
        assert_eq!(standing.this_week.planned_minutes, 0);
        assert_eq!(standing.baseline_finish, Some(day("2027-01-09")));
    }
}
