//! The profile's file: YAML with a comment header, `schema_version`, the curriculum it is for,
//! and the values as typed.

use super::store::ProfileKind;
use super::{Key, Profile, SCHEMA_VERSION};
use crate::error::Invalid;
use crate::store::{self, Broken, Problem};
use crate::yaml;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// The first lines of every profile learnpath writes.
pub(super) const HEADER: &str = "\
# learnpath profile: your usual choices for this curriculum, used when a command does not give them.
# Change it with `learnpath profile set`, `learnpath profile unset KEY` and `learnpath profile reset`.
";

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfileFile {
    schema_version: u32,
    #[serde(default)]
    curriculum: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    role: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    spec: Vec<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    hours: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    days: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    session: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    at: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tz: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    start: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    skip: Vec<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    busy: Vec<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    remind: Vec<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    caldav: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    user: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    whole: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    review: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    retention: Option<Text>,
    #[serde(
        default,
        rename = "review-minutes",
        skip_serializing_if = "Option::is_none"
    )]
    review_minutes: Option<Text>,
}

/// A value as typed. A scalar is read as the text it is written with, a number's too (`hours:
/// 5`, `spec: [3.10]`), and written as a number when the number's text is the value's, so that
/// learnpath's own files say `hours: 5`, and quoted otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Text(String);

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = self.0.as_str();
        if let Ok(number) = text.parse::<u64>()
            && number.to_string() == text
        {
            return serializer.serialize_u64(number);
        }
        if let Ok(number) = text.parse::<f64>()
            && number.is_finite()
            && text.contains('.')
            && number.to_string() == text
        {
            return serializer.serialize_f64(number);
        }
        serializer.serialize_str(text)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl Visitor<'_> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a value like 5, mon,wed,sat or 2027-01-04")
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<Text, E> {
                Ok(Text(value.to_string()))
            }
        }
        // The YAML decoder gives a scalar's text as written, a number's too.
        deserializer.deserialize_str(TextVisitor)
    }
}

/// A profile as read: the values, and the curriculum it says it is for.
#[derive(Debug)]
pub(super) struct Decoded {
    pub profile: Profile,
    pub curriculum: String,
}

/// Reads a profile's text (not empty, without BOM and CRLF line ends: see the store).
/// `expected` is the curriculum's id, named in the message for a file that names none.
pub(super) fn parse(text: &str, expected: &str) -> Result<Decoded, Broken> {
    let file = match yaml::decode::<ProfileFile>(text) {
        Ok(file) => file,
        Err(error) => {
            store::probe::<ProfileKind>(text, expected)?;
            return Err((error.line, Problem::Invalid(Invalid::Parser(error.message))));
        }
    };
    store::check_version::<ProfileKind>(Some(file.schema_version), text)?;
    let Some(Text(curriculum)) = file.curriculum else {
        return Err((
            yaml::key_line(text, "curriculum").or(Some(1)),
            Problem::NoCurriculum {
                expected: expected.to_string(),
            },
        ));
    };
    if file.role.is_some() && !file.spec.is_empty() {
        return Err((yaml::key_line(text, "spec"), Problem::RoleAndSpec));
    }
    let texts = |texts: Vec<Text>| texts.into_iter().map(|Text(text)| text).collect();
    let profile = Profile {
        role: file.role.map(|Text(text)| text),
        spec: texts(file.spec),
        hours: file.hours.map(|Text(text)| text),
        days: file.days.map(|Text(text)| text),
        session: file.session.map(|Text(text)| text),
        at: file.at.map(|Text(text)| text),
        tz: file.tz.map(|Text(text)| text),
        start: file.start.map(|Text(text)| text),
        skip: texts(file.skip),
        busy: texts(file.busy),
        remind: texts(file.remind),
        caldav: file.caldav.map(|Text(text)| text),
        user: file.user.map(|Text(text)| text),
        whole: file.whole.map(|Text(text)| text),
        review: file.review.map(|Text(text)| text),
        retention: file.retention.map(|Text(text)| text),
        review_minutes: file.review_minutes.map(|Text(text)| text),
    };
    Ok(Decoded {
        profile,
        curriculum,
    })
}

/// The file learnpath writes for a profile of `curriculum`.
pub(super) fn render(profile: &Profile, curriculum: &str) -> String {
    let one = |key: Key| profile.value(key).map(str::to_string);
    let many = |key: Key| -> Vec<String> {
        profile
            .values(key)
            .into_iter()
            .map(str::to_string)
            .collect()
    };
    let file = ProfileFile {
        schema_version: SCHEMA_VERSION,
        curriculum: Some(Text(curriculum.to_string())),
        role: one(Key::Role).map(Text),
        spec: many(Key::Spec).into_iter().map(Text).collect(),
        hours: one(Key::Hours).map(Text),
        days: one(Key::Days).map(Text),
        session: one(Key::Session).map(Text),
        at: one(Key::At).map(Text),
        tz: one(Key::Tz).map(Text),
        start: one(Key::Start).map(Text),
        skip: many(Key::Skip).into_iter().map(Text).collect(),
        busy: many(Key::Busy).into_iter().map(Text).collect(),
        remind: many(Key::Remind).into_iter().map(Text).collect(),
        caldav: one(Key::Caldav).map(Text),
        user: one(Key::User).map(Text),
        whole: one(Key::Whole).map(Text),
        review: one(Key::Review).map(Text),
        retention: one(Key::Retention).map(Text),
        review_minutes: one(Key::ReviewMinutes).map(Text),
    };
    let body = yaml::encode(&file).unwrap_or_else(|error| {
        // Strings and numbers always encode; this branch only keeps the function total.
        format!(
            "# learnpath could not encode the profile: {}\n",
            error.message
        )
    });
    format!("{HEADER}{body}")
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::error::Error;
    use crate::store::Store;

    /// Reads a profile of the curriculum "course" as its store does.
    fn parse(text: &str) -> crate::Result<Decoded> {
        let store = Store::<ProfileKind>::new("profile.yaml", "course");
        let profile = store.parse(text)?.value;
        Ok(Decoded {
            profile,
            curriculum: store.curriculum().to_string(),
        })
    }

    fn full() -> Profile {
        Profile {
            role: None,
            spec: vec!["3.2".into(), "overlay".into()],
            hours: Some("7.5".into()),
            days: Some("mon,wed,sat".into()),
            session: Some("1h30m".into()),
            at: Some("07:30".into()),
            tz: Some("Europe/Berlin".into()),
            start: Some("2027-01-04".into()),
            skip: vec!["2027-02-10..2027-02-20".into(), "2027-03-01".into()],
            busy: vec!["/home/me/work calendar.ics".into()],
            remind: vec!["15m".into(), "1h".into()],
            caldav: Some("https://dav.example.org/calendars/me/study/".into()),
            user: Some("me@example.org".into()),
            whole: Some("true".into()),
            review: Some("true".into()),
            retention: Some("0.85".into()),
            review_minutes: Some("10m".into()),
        }
    }

    #[test]
    fn round_trips_and_reads_as_written() {
        let profile = full();
        let text = render(&profile, "course");
        assert!(text.starts_with(HEADER), "{text}");
        assert!(
            text.contains("\nschema_version: 1\ncurriculum: course\n"),
            "{text}"
        );
        assert!(text.contains("\nhours: 7.5\n"), "{text}");
        assert!(
            text.contains("\nreview: 'true'\nretention: 0.85\nreview-minutes: 10m\n"),
            "{text}"
        );
        assert!(text.contains("\n- 2027-02-10..2027-02-20\n"), "{text}");
        let decoded = parse(&text).unwrap();
        assert_eq!(decoded.profile, profile);
        assert_eq!(decoded.curriculum, "course");
    }

    /// Whatever text a value has, it reads back the same: numbers are written as numbers only
    /// when they do.
    #[test]
    fn values_keep_their_text() {
        for hours in [
            "5", "7.5", "07", "5.0", "1e3", ".5", "+5", "0x10", "1_000", "5 ", "true", "null", "~",
            "", "-1", "0.25", "112", "3.10",
        ] {
            let profile = Profile {
                hours: Some(hours.to_string()),
                spec: vec![hours.to_string()],
                ..Profile::default()
            };
            let text = render(&profile, "course");
            assert_eq!(parse(&text).unwrap().profile, profile, "{hours:?}:\n{text}");
        }
        assert!(
            render(
                &Profile {
                    hours: Some("5".into()),
                    ..Profile::default()
                },
                "c"
            )
            .contains("\nhours: 5\n")
        );
    }

    #[test]
    fn numbers_written_by_hand_are_read_as_their_text() {
        let text =
            "schema_version: 1\ncurriculum: course\nhours: 7.50\nsession: 90\nspec: [3.10, 0x1F]\n";
        let profile = parse(text).unwrap().profile;
        assert_eq!(profile.hours.as_deref(), Some("7.50"));
        assert_eq!(profile.spec, ["3.10", "0x1F"]);
        assert_eq!(profile.session.as_deref(), Some("90"));
    }

    #[test]
    fn refuses_what_it_does_not_understand() {
        for (text, line, words) in [
            ("", None, "empty"),
            (
                "schema_version: 2\ncurriculum: course\n",
                Some(1),
                "schema_version 2",
            ),
            ("# notes\nhours: 5\n", None, "no schema_version"),
            (
                "schema_version: 1\ncurriculum: course\nskip: [\n",
                Some(4),
                "invalid YAML",
            ),
            (
                "schema_version: 1\ncurriculum: course\nhours: [5]\n",
                Some(3),
                "invalid type",
            ),
            (
                "schema_version: 1\ncurriculum: course\nhours: 5\nhour: 4\n",
                Some(4),
                "unknown field `hour`",
            ),
            ("schema_version: 1\nhours: 5\n", Some(1), "no `curriculum:`"),
            (
                "schema_version: 1\ncurriculum: course\nrole: r\nspec: [a]\n",
                Some(4),
                "role and spec",
            ),
            (
                "schema_version: 1\ncurriculum: course\nspec: 3.2\n",
                Some(3),
                "expected a sequence",
            ),
            (
                "schema_version: 1\ncurriculum: course\nhours: {a: 1}\n",
                Some(3),
                "invalid type",
            ),
        ] {
            let error = parse(text).unwrap_err();
            let Error::Kept { line: found, .. } = &error else {
                panic!("{error}");
            };
            assert_eq!(*found, line, "{text:?}: {error}");
            assert!(error.to_string().contains(words), "{text:?}: {error}");
        }
    }
}
