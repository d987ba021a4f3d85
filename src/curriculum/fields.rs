//! Which frontmatter fields mean what. Curricula name the same things differently
//! (`estimated_time: 55 min`, `estimatedMinutes: 25`, `difficulty: beginner`); the default
//! [`FieldNames`] know the names people use, and a manifest's `schema:` block can name others.

use super::manifest::SchemaDef;
use super::raw::Raw;
use serde::Serialize;

/// How a time field's value reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TimeUnit {
    /// A duration with its unit: "55 min", "1h30m", "2 hours".
    Text,
    /// A number of minutes: 25.
    Minutes,
    /// A number of hours: 1.5.
    Hours,
}

/// The field names read for each meaning, in order of precedence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldNames {
    pub time: Vec<(String, TimeUnit)>,
    pub level: Vec<String>,
    pub prerequisites: Vec<String>,
    /// Fields that name a page for links (`id`, `slug`).
    pub ids: Vec<String>,
}

impl Default for FieldNames {
    fn default() -> FieldNames {
        let names = |names: &[&str]| names.iter().map(|name| name.to_string()).collect();
        let time = [
            ("estimated_time", TimeUnit::Text),
            ("estimatedMinutes", TimeUnit::Minutes),
            ("estimated_minutes", TimeUnit::Minutes),
            ("minutes", TimeUnit::Minutes),
            ("duration_min", TimeUnit::Minutes),
            ("estimatedHours", TimeUnit::Hours),
            ("estimated_hours", TimeUnit::Hours),
            ("hours", TimeUnit::Hours),
            ("duration", TimeUnit::Text),
            ("time", TimeUnit::Text),
            ("length", TimeUnit::Text),
            ("reading_time", TimeUnit::Text),
        ];
        FieldNames {
            time: time
                .into_iter()
                .map(|(name, unit)| (name.to_string(), unit))
                .collect(),
            level: names(&["level", "difficulty"]),
            prerequisites: names(&["prerequisites", "prereqs"]),
            ids: names(&["id", "slug"]),
        }
    }
}

impl FieldNames {
    /// The names a manifest's `schema:` block gives, in place of the detected ones; an error
    /// (for a message about `schema.time_unit`) for a unit it does not know.
    pub fn with_schema(schema: &SchemaDef) -> Result<FieldNames, UnknownTimeUnit> {
        let mut names = FieldNames::default();
        if let Some(time) = &schema.time {
            let unit = match schema.time_unit.as_deref() {
                Some("minutes") => TimeUnit::Minutes,
                Some("hours") => TimeUnit::Hours,
                Some("text") => TimeUnit::Text,
                Some(other) => return Err(UnknownTimeUnit(other.to_string())),
                None => names
                    .time
                    .iter()
                    .find(|(name, _)| name == time)
                    .map_or(TimeUnit::Text, |(_, unit)| *unit),
            };
            names.time = vec![(time.clone(), unit)];
        }
        let one = |name: &Option<String>, default: Vec<String>| {
            name.as_ref().map_or(default, |name| vec![name.clone()])
        };
        names.level = one(&schema.level, names.level);
        names.prerequisites = one(&schema.prerequisites, names.prerequisites);
        names.ids = one(&schema.id, names.ids);
        Ok(names)
    }
}

/// A `schema.time_unit` that is not minutes, hours or text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownTimeUnit(pub String);

impl std::fmt::Display for UnknownTimeUnit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "unknown time_unit '{}'; expected minutes, hours or text",
            self.0
        )
    }
}

impl std::error::Error for UnknownTimeUnit {}

/// A page's time field as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeField {
    pub key: String,
    pub text: String,
    pub unit: TimeUnit,
}

/// The fields the planner reads, whatever they were called.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Fields {
    pub title: Option<String>,
    /// The field's name and its value.
    pub level: Option<(String, String)>,
    pub time: Option<TimeField>,
    /// The field the prerequisites came from, for messages.
    pub prerequisites_key: Option<String>,
    /// Hard prerequisites (a list, or a map's `hard`/`required` entries).
    pub prerequisites: Vec<String>,
    /// A map's `soft`/`recommended` entries: they order a plan but never pull a page in.
    pub soft: Vec<String>,
    pub next_recommended: Vec<String>,
    pub tags: Vec<String>,
    /// The page's own names for links: its `id`, `slug`.
    pub ids: Vec<String>,
    /// Precedence of the time field found so far (lower wins).
    time_rank: usize,
    level_rank: usize,
}

/// A field whose value has the wrong shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub key: String,
    pub expected: &'static str,
}

impl Fields {
    /// Whether `names` reads `key` at all (the others are skipped unread).
    pub fn wanted(names: &FieldNames, key: &str) -> bool {
        matches!(key, "title" | "next_recommended" | "tags")
            || names.time.iter().any(|(name, _)| name == key)
            || names.level.iter().any(|name| name == key)
            || names.prerequisites.iter().any(|name| name == key)
            || names.ids.iter().any(|name| name == key)
    }

    /// Takes one frontmatter entry.
    pub(crate) fn take(
        &mut self,
        names: &FieldNames,
        key: &str,
        value: Raw,
    ) -> Result<(), FieldError> {
        let wrong = |expected| FieldError {
            key: key.to_string(),
            expected,
        };
        // The fixed keys first: most pages have them, and they need no search of the names.
        match key {
            "title" => self.title = text(value).map_err(|_| wrong("a title"))?,
            "next_recommended" => {
                self.next_recommended = list(value).map_err(|_| wrong("a list of links"))?
            }
            "tags" => self.tags = list(value).map_err(|_| wrong("a list of tags"))?,
            _ => return self.take_named(names, key, value),
        }
        Ok(())
    }

    /// Takes an entry whose key the field names decide: time, level, prerequisites or id.
    fn take_named(&mut self, names: &FieldNames, key: &str, value: Raw) -> Result<(), FieldError> {
        let wrong = |expected| FieldError {
            key: key.to_string(),
            expected,
        };
        if let Some(rank) = names.time.iter().position(|(name, _)| name == key) {
            if let Some(text) = text(value).map_err(|_| wrong("a time"))?
                && (self.time.is_none() || rank < self.time_rank)
            {
                self.time_rank = rank;
                self.time = Some(TimeField {
                    key: key.to_string(),
                    text,
                    unit: names.time[rank].1,
                });
            }
        } else if let Some(rank) = names.level.iter().position(|name| name == key) {
            if let Some(text) = text(value).map_err(|_| wrong("a level"))?
                && (self.level.is_none() || rank < self.level_rank)
            {
                self.level_rank = rank;
                self.level = Some((key.to_string(), text));
            }
        } else if names.prerequisites.iter().any(|name| name == key) {
            self.take_prerequisites(key, value)
                .map_err(|_| wrong("a list of links, or a map of `hard` and `soft` lists"))?;
        } else if names.ids.iter().any(|name| name == key) {
            self.ids.extend(text(value).map_err(|_| wrong("a name"))?);
        }
        Ok(())
    }

    fn take_prerequisites(&mut self, key: &str, value: Raw) -> Result<(), ()> {
        if self.prerequisites_key.is_some() {
            // `prereqs` beside `prerequisites`: the first one read counts.
            return Ok(());
        }
        self.prerequisites_key = Some(key.to_string());
        match value {
            Raw::Map(entries) => {
                for (kind, links) in entries {
                    match kind.to_ascii_lowercase().as_str() {
                        "hard" | "required" => self.prerequisites.extend(list(links)?),
                        "soft" | "recommended" => self.soft.extend(list(links)?),
                        _ => return Err(()),
                    }
                }
                Ok(())
            }
            value => {
                self.prerequisites = list(value)?;
                Ok(())
            }
        }
    }
}

/// A scalar's text; none for null; an error for a list or map.
fn text(value: Raw) -> Result<Option<String>, ()> {
    match value {
        Raw::Null => Ok(None),
        Raw::Text(text) => Ok(Some(text)),
        Raw::List(_) | Raw::Map(_) => Err(()),
    }
}

/// A list of texts; a single text is a list of one, null is empty.
fn list(value: Raw) -> Result<Vec<String>, ()> {
    match value {
        Raw::Null => Ok(Vec::new()),
        Raw::Text(text) => Ok(vec![text]),
        Raw::List(items) => items
            .into_iter()
            .filter(|item| *item != Raw::Null)
            .map(|item| match item {
                Raw::Text(text) => Ok(text),
                _ => Err(()),
            })
            .collect(),
        Raw::Map(_) => Err(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(entries: Vec<(&str, Raw)>) -> Result<Fields, FieldError> {
        let names = FieldNames::default();
        let mut fields = Fields::default();
        for (key, value) in entries {
            fields.take(&names, key, value)?;
        }
        Ok(fields)
    }

    fn text(value: &str) -> Raw {
        Raw::Text(value.to_string())
    }

    #[test]
    fn the_first_time_field_by_precedence_wins() {
        let found = fields(vec![("hours", text("2")), ("estimatedMinutes", text("25"))]).unwrap();
        let time = found.time.unwrap();
        assert_eq!(
            (time.key.as_str(), time.unit),
            ("estimatedMinutes", TimeUnit::Minutes)
        );
        let found = fields(vec![("difficulty", text("Beginner"))]).unwrap();
        assert_eq!(found.level, Some(("difficulty".into(), "Beginner".into())));
    }

    #[test]
    fn a_map_of_prerequisites_is_hard_and_soft() {
        let found = fields(vec![(
            "prerequisites",
            Raw::Map(vec![
                ("hard".into(), Raw::List(vec![text("a"), text("b")])),
                ("Recommended".into(), text("c")),
            ]),
        )])
        .unwrap();
        assert_eq!(found.prerequisites, ["a", "b"]);
        assert_eq!(found.soft, ["c"]);
        let wrong = fields(vec![(
            "prerequisites",
            Raw::Map(vec![("maybe".into(), text("x"))]),
        )]);
        assert_eq!(wrong.unwrap_err().key, "prerequisites");
    }

    #[test]
    fn a_title_that_is_a_list_is_an_error() {
        let error = fields(vec![("title", Raw::List(vec![text("a")]))]).unwrap_err();
        assert_eq!((error.key.as_str(), error.expected), ("title", "a title"));
    }
}
