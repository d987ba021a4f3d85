//! The saved profile, read once into the values its flags would give.

use super::*;

/// The saved profile's values, read as their flags read them. A value that does not read, or
/// names nothing in the curriculum, is an error that names the profile's file and line.
#[derive(Debug, Default)]
pub(in crate::cli) struct FromProfile(pub(super) Option<Saved>);

impl FromProfile {
    /// `flag` when given, else the profile's value of `key`.
    pub(super) fn or<T>(
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
    pub(in crate::cli) fn value<T>(
        &self,
        key: Key,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Result<Option<T>, Error> {
        Ok(self.values(key, parse)?.into_iter().next())
    }

    /// The profile's values of `key`.
    pub(in crate::cli) fn values<T>(
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
    pub(super) fn weekly(&self, days: Option<Week>) -> Result<Option<WeeklyMinutes>, Error> {
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
    pub(super) fn time_of_day(&self) -> Result<TimeOfDay, Error> {
        Ok(TimeOfDay {
            at: self.value(Key::At, values::time)?,
            tz: self.value(Key::Tz, super::values::tz)?,
        })
    }

    /// The profile's role or specializations, if it has them.
    pub(super) fn selection(&self, curriculum: &Curriculum) -> Result<Option<Selection>, Error> {
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
