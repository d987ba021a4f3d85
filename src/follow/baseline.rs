//! The baseline: the plan the learner follows, as plain data that outlives the curriculum's
//! changes (documents are named by path).

use crate::Curriculum;
use crate::error::Error;
use crate::plan::settings::{DayMinutes, StudyDays, TimeError, Week};
use crate::plan::{Plan, Selection, SessionMinutes, Settings, Studied, WeeklyMinutes};
use chrono::{NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The plan being followed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Baseline {
    /// The day it was saved (by `follow` or `replan`).
    pub made: NaiveDate,
    /// What it plans toward.
    pub selection: Chosen,
    /// The learner's time it was made with.
    pub settings: FollowedSettings,
    /// Every sitting, past ones (as they happened, after a re-plan) included, by date.
    pub sessions: Vec<Sitting>,
}

/// A role, specializations by section id, or targets as named.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chosen {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spec: Vec<String>,
    /// Documents or folders, as `--target` named them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub target: Vec<String>,
}

/// The settings a re-plan keeps: weekly time, days, sitting length, days off, busy calendars
/// and the time of day, as resolved when the plan was followed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowedSettings {
    pub weekly_minutes: u32,
    /// Study days, "mon" to "sun", when the learner chose them (else they are spread for the
    /// weekly time, as a plan does).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<Vec<String>>,
    /// The longest sitting of each day, when the learner gave them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day_minutes: Option<BTreeMap<String, u32>>,
    /// The longest sitting, when the learner chose it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_minutes: Option<u32>,
    /// Days off: "YYYY-MM-DD" or "YYYY-MM-DD..YYYY-MM-DD".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skip: Vec<String>,
    /// Busy calendars, absolute paths.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub busy: Vec<String>,
    /// When sittings start, "HH:MM".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    /// The IANA zone of `at`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tz: Option<String>,
    /// Whole documents only (`--whole`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub whole: bool,
}

/// One sitting of the baseline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sitting {
    pub date: NaiveDate,
    pub minutes: u32,
    /// True for a sitting rebuilt from the progress file by a re-plan: what was done that day.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub past: bool,
    pub items: Vec<Piece>,
}

/// A document, or a part of one, in a sitting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Piece {
    pub path: String,
    pub minutes: u32,
    /// "1/2" for the first of two parts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
}

/// What the learner chose of their time (a plan holds only the outcome), and the settings a
/// plan does not hold: days off, calendars, the time of day.
#[derive(Debug, Clone, Default)]
pub struct Extras {
    pub days: Option<Week>,
    pub session: Option<SessionMinutes>,
    pub skip: Vec<String>,
    pub busy: Vec<String>,
    pub at: Option<String>,
    pub tz: Option<String>,
    pub whole: bool,
}

const WEEKDAYS: [(&str, Weekday); 7] = [
    ("mon", Weekday::Mon),
    ("tue", Weekday::Tue),
    ("wed", Weekday::Wed),
    ("thu", Weekday::Thu),
    ("fri", Weekday::Fri),
    ("sat", Weekday::Sat),
    ("sun", Weekday::Sun),
];

fn weekday(name: &str) -> Option<Weekday> {
    WEEKDAYS
        .iter()
        .find(|(short, _)| *short == name)
        .map(|(_, day)| *day)
}

impl Baseline {
    /// The plan as the baseline to follow, saved on `made`.
    pub fn of(plan: &Plan, made: NaiveDate, extras: Extras) -> Baseline {
        let (days, day_minutes) = match extras.days {
            None => (None, None),
            Some(Week::Days(days)) => (
                Some(days.names().iter().map(|d| d.to_string()).collect()),
                None,
            ),
            Some(Week::Minutes(minutes)) => (
                None,
                Some(
                    WEEKDAYS
                        .iter()
                        .filter(|(_, day)| minutes.get(*day) > 0)
                        .map(|(short, day)| (short.to_string(), minutes.get(*day)))
                        .collect(),
                ),
            ),
        };
        Baseline {
            made,
            selection: Chosen {
                role: plan.role.clone(),
                spec: match plan.role {
                    Some(_) => Vec::new(),
                    None => plan.specializations.clone(),
                },
                target: plan.targets.clone(),
            },
            settings: FollowedSettings {
                weekly_minutes: plan.settings.weekly_minutes.get(),
                days,
                day_minutes,
                session_minutes: extras.session.map(SessionMinutes::get),
                skip: extras.skip,
                busy: extras.busy,
                at: extras.at,
                tz: extras.tz,
                whole: extras.whole,
            },
            sessions: Baseline::sittings(plan),
        }
    }

    /// The plan's sessions as the baseline keeps them.
    pub fn sittings(plan: &Plan) -> Vec<Sitting> {
        plan.sessions.iter().map(Sitting::of).collect()
    }

    /// The last sitting's date.
    pub fn finish(&self) -> Option<NaiveDate> {
        self.sessions.last().map(|sitting| sitting.date)
    }

    /// The first sitting's date.
    pub fn first(&self) -> Option<NaiveDate> {
        self.sessions.first().map(|sitting| sitting.date)
    }

    /// Minutes of all sittings.
    pub fn total_minutes(&self) -> u32 {
        self.sessions.iter().map(|sitting| sitting.minutes).sum()
    }

    /// The selection it was made for, looked up in the curriculum as it is now.
    pub fn selection(&self, curriculum: &Curriculum) -> Result<Selection, Error> {
        if !self.selection.target.is_empty() {
            let mut targets = Vec::new();
            for name in &self.selection.target {
                targets.extend(curriculum.find_target(name)?);
            }
            return Ok(Selection::documents(targets, self.selection.target.clone()));
        }
        match &self.selection.role {
            Some(role) => Selection::role(curriculum, curriculum.find_role(role)?),
            None => {
                let specs = self
                    .selection
                    .spec
                    .iter()
                    .map(|id| curriculum.find_specialization(id))
                    .collect::<Result<Vec<_>, _>>()?;
                Selection::specializations(curriculum, specs)
            }
        }
    }

    /// The same settings for a plan from `start`, counting what was studied that week.
    pub fn plan_settings(&self, start: NaiveDate, studied: Studied) -> Result<Settings, String> {
        self.settings.settings(start, studied)
    }
}

impl FollowedSettings {
    /// The settings for a plan from `start`; a message when a value is not one learnpath plans
    /// with (a hand-edited file).
    pub fn settings(&self, start: NaiveDate, studied: Studied) -> Result<Settings, String> {
        let (week, session) = self.week_and_session()?;
        Ok(Settings::for_week(start, self.weekly_time()?, week, session).with_studied(studied))
    }

    /// The weekly time.
    pub fn weekly_time(&self) -> Result<WeeklyMinutes, String> {
        WeeklyMinutes::from_hours(f64::from(self.weekly_minutes) / 60.0).map_err(|e| e.to_string())
    }

    /// The days and the longest sitting, when the learner chose them.
    pub fn week_and_session(&self) -> Result<(Option<Week>, Option<SessionMinutes>), String> {
        let time = |error: TimeError| error.to_string();
        let session = self
            .session_minutes
            .map(SessionMinutes::new)
            .transpose()
            .map_err(time)?;
        let week = match (&self.day_minutes, &self.days) {
            (Some(minutes), _) => {
                let pairs = minutes
                    .iter()
                    .map(|(name, &minutes)| {
                        weekday(name).map(|day| (day, minutes)).ok_or_else(|| {
                            format!("day_minutes: '{name}' is not a weekday (mon to sun)")
                        })
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                Some(Week::Minutes(DayMinutes::new(pairs).map_err(time)?))
            }
            (None, None) => None,
            (None, Some(days)) => {
                let days = days
                    .iter()
                    .map(|name| {
                        weekday(name)
                            .ok_or_else(|| format!("days: '{name}' is not a weekday (mon to sun)"))
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                Some(Week::Days(
                    StudyDays::from_weekdays(days).ok_or("days: no study day")?,
                ))
            }
        };
        Ok((week, session))
    }
}

impl Sitting {
    fn of(session: &crate::plan::Session) -> Sitting {
        Sitting {
            date: session.date,
            minutes: session.minutes,
            past: false,
            items: session
                .items
                .iter()
                .map(|item| Piece {
                    path: item.path.clone(),
                    minutes: item.minutes,
                    part: item
                        .part
                        .map(|part| format!("{}/{}", part.index, part.count)),
                })
                .collect(),
        }
    }
}
