//! The baseline: the plan the learner follows, as plain data that outlives the curriculum's
//! changes (documents are named by path).

use crate::Curriculum;
use crate::availability::DateRange;
use crate::error::Error;
use crate::memory::Retention;
use crate::plan::settings::{DayMinutes, StudyDays, TimeChoices, Week};
use crate::plan::{Plan, Selection, SessionMinutes, Settings, Studied, WeeklyMinutes};
use chrono::{NaiveDate, NaiveTime, Weekday};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::PathBuf;

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
    /// Days off, kept as "YYYY-MM-DD" or "YYYY-MM-DD..YYYY-MM-DD".
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "text::ranges")]
    pub skip: Vec<DateRange>,
    /// Busy calendars, absolute paths.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub busy: Vec<PathBuf>,
    /// When sittings start, kept as "HH:MM".
    #[serde(default, skip_serializing_if = "Option::is_none", with = "text::time")]
    pub at: Option<NaiveTime>,
    /// The IANA zone of `at`, kept by its name.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "text::zone")]
    pub tz: Option<Tz>,
    /// Whole documents only (`--whole`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub whole: bool,
    /// Reviews in the sittings (`--review`), with the retention and minutes they were planned
    /// with; left out of the file (and `None`) for a plan of new material only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<ReviewSettings>,
}

/// How a plan places reviews: the target retention, and the minutes of each review when the
/// learner chose them (else a tenth of each document's time, 5 to 15 minutes).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewSettings {
    /// Kept as a number with at most three decimals, e.g. 0.9.
    #[serde(with = "text::retention")]
    pub retention: Retention,
    /// Minutes of each review, 1 to 60, when chosen.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "text::review_minutes"
    )]
    pub minutes: Option<u32>,
}

// A retention is never NaN (see `Retention::new`), so equality is an equivalence.
impl Eq for ReviewSettings {}

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
    /// A review of a document studied before, not new material: left out of the documents
    /// planned and of the minutes a learner is ahead or behind by.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub review: bool,
}

impl Sitting {
    /// The minutes of its new material, without its reviews: what tracking counts.
    pub fn study_minutes(&self) -> u32 {
        self.study().map(|piece| piece.minutes).sum()
    }

    /// Its new material: the pieces that are not reviews.
    pub fn study(&self) -> impl Iterator<Item = &Piece> {
        self.items.iter().filter(|piece| !piece.review)
    }
}

/// What the learner chose of their time (a plan holds only the outcome), and the settings a
/// plan does not hold: days off, calendars, the time of day.
#[derive(Debug, Clone, Default)]
pub struct Extras {
    pub choices: TimeChoices,
    pub skip: Vec<DateRange>,
    pub busy: Vec<PathBuf>,
    pub at: Option<NaiveTime>,
    pub tz: Option<Tz>,
    /// The reviews the plan was made with; none for new material only.
    pub review: Option<ReviewSettings>,
}

pub use crate::error::SettingsError;

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
        let choices = extras.choices;
        let (days, day_minutes) = match choices.week {
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
                session_minutes: choices.session.map(SessionMinutes::get),
                skip: extras.skip,
                busy: extras.busy,
                at: extras.at,
                tz: extras.tz,
                whole: choices.whole,
                review: extras.review,
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

    /// Minutes of all sittings, reviews included.
    pub fn total_minutes(&self) -> u32 {
        self.sessions.iter().map(|sitting| sitting.minutes).sum()
    }

    /// Minutes of the new material of all sittings, without reviews.
    pub fn study_minutes(&self) -> u32 {
        self.sessions.iter().map(Sitting::study_minutes).sum()
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
}

impl FollowedSettings {
    /// The settings for a plan from `start`; an error when a value is not one learnpath plans
    /// with (a hand-edited file).
    pub fn settings(&self, start: NaiveDate, studied: Studied) -> Result<Settings, SettingsError> {
        Ok(self
            .choices()?
            .settings(start, self.weekly_time()?, studied))
    }

    /// The weekly time.
    pub fn weekly_time(&self) -> Result<WeeklyMinutes, SettingsError> {
        Ok(WeeklyMinutes::from_hours(
            f64::from(self.weekly_minutes) / 60.0,
        )?)
    }

    /// The days, the longest sitting (when the learner chose them) and whole documents only.
    pub fn choices(&self) -> Result<TimeChoices, SettingsError> {
        let session = self.session_minutes.map(SessionMinutes::new).transpose()?;
        let week = match (&self.day_minutes, &self.days) {
            (Some(minutes), _) => {
                let pairs = minutes
                    .iter()
                    .map(|(name, &minutes)| Ok((weekday_of("day_minutes", name)?, minutes)))
                    .collect::<Result<Vec<_>, SettingsError>>()?;
                Some(Week::Minutes(DayMinutes::new(pairs)?))
            }
            (None, None) => None,
            (None, Some(days)) => {
                let days = days
                    .iter()
                    .map(|name| weekday_of("days", name))
                    .collect::<Result<Vec<_>, _>>()?;
                Some(Week::Days(
                    StudyDays::from_weekdays(days).ok_or(SettingsError::NoStudyDay)?,
                ))
            }
        };
        Ok(TimeChoices {
            week,
            session,
            whole: self.whole,
        })
    }
}

/// The weekday a saved name ("mon" to "sun") stands for, under `key`.
fn weekday_of(key: &'static str, name: &str) -> Result<Weekday, SettingsError> {
    weekday(name).ok_or_else(|| SettingsError::NotAWeekday {
        key,
        name: name.to_string(),
    })
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
                    review: item.is_review(),
                })
                .collect(),
        }
    }
}

/// The settings a baseline keeps as text: days off, the time of day and the zone, read and
/// written as the words a learner types.
mod text {
    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer, Serializer};

    /// Days off: "YYYY-MM-DD" for one day, "FIRST..LAST" for more.
    pub mod ranges {
        use super::*;
        use crate::availability::DateRange;
        use chrono::NaiveDate;

        pub fn serialize<S: Serializer>(ranges: &[DateRange], to: S) -> Result<S::Ok, S::Error> {
            to.collect_seq(ranges.iter().map(DateRange::to_string))
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(from: D) -> Result<Vec<DateRange>, D::Error> {
            Vec::<String>::deserialize(from)?
                .iter()
                .map(|text| {
                    range(text).map_err(|problem| D::Error::custom(format!("skip: {problem}")))
                })
                .collect()
        }

        /// A day off or a range of them, as `--skip` reads one: years 1 to 9999, the earlier
        /// date first.
        pub(in crate::follow) fn range(text: &str) -> Result<DateRange, String> {
            let Some((first, last)) = text.split_once("..") else {
                let day = date(text)?;
                return Ok(DateRange {
                    first: day,
                    last: day,
                });
            };
            let (first, last) = (date(first)?, date(last)?);
            DateRange::new(first, last).ok_or_else(|| {
                format!(
                    "'{}' ends before it starts (write the earlier date first: {last}..{first})",
                    text.trim()
                )
            })
        }

        fn date(text: &str) -> Result<NaiveDate, String> {
            use chrono::Datelike;
            let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
                format!("'{text}' is not a day off like 2027-02-10 or a range like 2027-02-10..2027-02-20")
            })?;
            if !(1..=9999).contains(&date.year()) {
                return Err(format!("'{text}' is outside the years 1 to 9999"));
            }
            Ok(date)
        }
    }

    /// When sittings start: "HH:MM".
    pub mod time {
        use super::*;
        use chrono::NaiveTime;

        pub fn serialize<S: Serializer>(at: &Option<NaiveTime>, to: S) -> Result<S::Ok, S::Error> {
            match at {
                Some(at) => to.serialize_str(&at.format("%H:%M").to_string()),
                None => to.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(
            from: D,
        ) -> Result<Option<NaiveTime>, D::Error> {
            Option::<String>::deserialize(from)?
                .map(|text| {
                    NaiveTime::parse_from_str(text.trim(), "%H:%M").map_err(|_| {
                        D::Error::custom(format!(
                            "at: '{text}' is not a time of day like 19:00 (HH:MM, 24-hour)"
                        ))
                    })
                })
                .transpose()
        }
    }

    /// The target retention: a number from 0.70 to 0.97, written with at most three decimals.
    pub mod retention {
        use super::*;
        use crate::memory::Retention;

        pub fn serialize<S: Serializer>(retention: &Retention, to: S) -> Result<S::Ok, S::Error> {
            to.serialize_f64((f64::from(retention.value()) * 1000.0).round() / 1000.0)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(from: D) -> Result<Retention, D::Error> {
            let value = f64::deserialize(from)?;
            Retention::new(value).ok_or_else(|| {
                D::Error::custom(format!(
                    "retention: {value} is not a retention from {:.2} to {:.2}",
                    Retention::LEAST,
                    Retention::MOST
                ))
            })
        }
    }

    /// The minutes of each review: 1 to 60, as `--review-minutes` allows.
    pub mod review_minutes {
        use super::*;

        pub fn serialize<S: Serializer>(minutes: &Option<u32>, to: S) -> Result<S::Ok, S::Error> {
            match minutes {
                Some(minutes) => to.serialize_u32(*minutes),
                None => to.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(from: D) -> Result<Option<u32>, D::Error> {
            Option::<u32>::deserialize(from)?
                .map(|minutes| match (1..=60).contains(&minutes) {
                    true => Ok(minutes),
                    false => Err(D::Error::custom(format!(
                        "minutes: {minutes} is not a review's minutes, 1 to 60"
                    ))),
                })
                .transpose()
        }
    }

    /// The zone of the time of day: its IANA name.
    pub mod zone {
        use super::*;
        use chrono_tz::Tz;

        pub fn serialize<S: Serializer>(tz: &Option<Tz>, to: S) -> Result<S::Ok, S::Error> {
            match tz {
                Some(tz) => to.serialize_str(tz.name()),
                None => to.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(from: D) -> Result<Option<Tz>, D::Error> {
            Option::<String>::deserialize(from)?
                .map(|text| {
                    crate::time::zone::parse_tz(&text)
                        .map_err(|message| D::Error::custom(format!("tz: {message}")))
                })
                .transpose()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Days off in a followed plan read as `--skip` reads them, with its words.
    #[test]
    fn days_off_are_read_as_skip_reads_them() {
        let range = text::ranges::range;
        assert_eq!(
            range("2027-02-10..2027-02-12").unwrap().to_string(),
            "2027-02-10..2027-02-12"
        );
        assert_eq!(range("2027-02-10").unwrap().to_string(), "2027-02-10");
        assert_eq!(
            range("2027-02-20..2027-02-10").unwrap_err(),
            "'2027-02-20..2027-02-10' ends before it starts (write the earlier date first: 2027-02-10..2027-02-20)"
        );
        assert_eq!(
            range("0000-01-01").unwrap_err(),
            "'0000-01-01' is outside the years 1 to 9999"
        );
        assert!(
            range("Feb 10")
                .unwrap_err()
                .contains("is not a day off like 2027-02-10")
        );
    }

    /// Days off, calendars, the time of day and its zone are read into their types and written
    /// back as the same text.
    #[test]
    fn typed_settings_keep_their_text() {
        let text = "weekly_minutes: 300\nskip:\n- 2027-02-10..2027-02-20\n- 2027-03-01\nbusy:\n- /home/learner/work.ics\nat: 07:30\ntz: Europe/Berlin\n";
        let settings: FollowedSettings = crate::yaml::decode(text).unwrap();
        let day = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
        assert_eq!(
            settings.skip,
            [
                DateRange::new(day("2027-02-10"), day("2027-02-20")).unwrap(),
                DateRange::new(day("2027-03-01"), day("2027-03-01")).unwrap(),
            ]
        );
        assert_eq!(settings.busy, [PathBuf::from("/home/learner/work.ics")]);
        assert_eq!(settings.at, NaiveTime::from_hms_opt(7, 30, 0));
        assert_eq!(settings.tz, Some(chrono_tz::Europe::Berlin));
        let written = crate::yaml::encode(&settings).unwrap();
        let again: FollowedSettings = crate::yaml::decode(&written).unwrap();
        assert_eq!(again, settings);
        assert!(
            written.contains("- 2027-02-10..2027-02-20\n- 2027-03-01\n"),
            "{written}"
        );
        assert!(written.contains("tz: Europe/Berlin\n"), "{written}");
    }

    /// The reviews a plan was followed with are written back as read, and a retention or
    /// minutes a plan cannot use are named; a file without them has none.
    #[test]
    fn reviews_are_kept_and_checked() {
        let text = "weekly_minutes: 300\nreview:\n  retention: 0.85\n  minutes: 10\n";
        let settings: FollowedSettings = crate::yaml::decode(text).unwrap();
        let review = settings.review.unwrap();
        assert_eq!(review.retention, Retention::new(0.85).unwrap());
        assert_eq!(review.minutes, Some(10));
        let written = crate::yaml::encode(&settings).unwrap();
        assert!(
            written.contains("review:\n  retention: 0.85\n  minutes: 10\n"),
            "{written}"
        );
        let plain: FollowedSettings = crate::yaml::decode("weekly_minutes: 300\n").unwrap();
        assert_eq!(plain.review, None);
        for (text, named) in [
            (
                "weekly_minutes: 300\nreview:\n  retention: 0.5\n",
                "retention: 0.5",
            ),
            (
                "weekly_minutes: 300\nreview:\n  retention: 0.9\n  minutes: 0\n",
                "minutes: 0",
            ),
        ] {
            let error = crate::yaml::decode::<FollowedSettings>(text).unwrap_err();
            assert!(error.message.contains(named), "{}", error.message);
        }
    }

    /// A value that is not one is named with its key.
    #[test]
    fn a_bad_time_or_zone_is_named() {
        for (text, named) in [
            ("weekly_minutes: 300\nat: 7pm\n", "at: '7pm'"),
            (
                "weekly_minutes: 300\ntz: Mars/Olympus\n",
                "tz: 'Mars/Olympus'",
            ),
            (
                "weekly_minutes: 300\nskip:\n- 2027-03-02..2027-03-01\n",
                "skip: '2027-03-02..2027-03-01'",
            ),
        ] {
            let error = crate::yaml::decode::<FollowedSettings>(text).unwrap_err();
            assert!(error.message.contains(named), "{}", error.message);
        }
    }
}
