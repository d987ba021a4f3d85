//! Where the learner stands against the baseline on a day: minutes planned up to then and done,
//! ahead or behind in minutes and in sittings, and this week's load against its cap.

use super::baseline::Baseline;
use super::past::Worked;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// Ahead or behind the followed plan (`status`'s JSON `schedule`).
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
    /// Minutes of the baseline's documents done by today (estimated minutes; partial progress
    /// counts what was recorded).
    pub done_minutes_to_date: u32,
    /// Planned minus done: negative when ahead.
    pub behind_minutes: i64,
    /// Sittings planned up to today minus the sittings the done minutes cover, in plan order:
    /// negative when ahead.
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

/// The learner's standing on `today` against `baseline`, from what they worked on.
pub fn standing(baseline: &Baseline, worked: &Worked, today: NaiveDate) -> Standing {
    let sittings = &baseline.sessions;
    let planned_count = sittings.iter().take_while(|s| s.date <= today).count();
    let planned: u32 = sittings[..planned_count].iter().map(|s| s.minutes).sum();
    let done = worked.minutes_by(today);
    let mut covered = 0;
    let mut cumulative = 0;
    for sitting in sittings {
        cumulative += sitting.minutes;
        if cumulative > done {
            break;
        }
        covered += 1;
    }
    let week = today.iso_week();
    let monday = today - chrono::Days::new(u64::from(today.weekday().num_days_from_monday()));
    let before_week = monday.pred_opt().unwrap_or(monday);
    Standing {
        followed_since: baseline.made,
        baseline_finish: baseline.finish(),
        projected_finish: None,
        planned_minutes_to_date: planned,
        planned_minutes_today: sittings[..planned_count]
            .iter()
            .filter(|s| s.date == today)
            .map(|s| s.minutes)
            .sum(),
        done_minutes_to_date: done,
        behind_minutes: i64::from(planned) - i64::from(done),
        behind_sessions: planned_count as i64 - covered as i64,
        this_week: WeekLoad {
            iso_week: format!("{}-W{:02}", week.year(), week.week()),
            cap_minutes: baseline.settings.weekly_minutes,
            planned_minutes: sittings
                .iter()
                .filter(|s| s.date.iso_week() == week)
                .map(|s| s.minutes)
                .sum(),
            done_minutes: done - worked.minutes_by(before_week).min(done),
        },
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
