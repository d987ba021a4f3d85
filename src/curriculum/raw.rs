//! Frontmatter as the full YAML parser reads it, kept loose: every scalar as text, lists and
//! maps as they are, keys in order and each at most once. The field mapping
//! ([`super::fields`]) then picks what it knows; the fast reader ([`crate::yaml::flat`])
//! produces the same shapes for the flat subset.

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// A frontmatter value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Raw {
    Null,
    /// A string, number or boolean, as text (`25`, `1.5`, `true`).
    Text(String),
    List(Vec<Raw>),
    Map(Vec<(String, Raw)>),
}

/// The top-level keys of a frontmatter block, in order. A key written twice is an error, with
/// the same words as serde's for a struct field, so that messages explain it the same way.
#[derive(Debug, Default)]
pub(crate) struct Entries(pub Vec<(String, Raw)>);

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Raw, D::Error> {
        deserializer.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a YAML value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Raw, E> {
        Ok(Raw::Text(value.to_string()))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Raw, E> {
        Ok(Raw::Text(value.to_string()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Raw, E> {
        Ok(Raw::Text(value.to_string()))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Raw, E> {
        Ok(Raw::Text(value.to_string()))
    }

    fn visit_str<E>(self, value: &str) -> Result<Raw, E> {
        Ok(Raw::Text(value.to_string()))
    }

    fn visit_string<E>(self, value: String) -> Result<Raw, E> {
        Ok(Raw::Text(value))
    }

    fn visit_unit<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }

    fn visit_none<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Raw, D::Error> {
        Raw::deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Raw>()? {
            items.push(item);
        }
        Ok(Raw::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Raw, A::Error> {
        entries(map).map(Raw::Map)
    }
}

/// A map's entries in order; a repeated key is an error.
fn entries<'de, A: MapAccess<'de>>(mut map: A) -> Result<Vec<(String, Raw)>, A::Error> {
    let mut entries: Vec<(String, Raw)> = Vec::new();
    while let Some(key) = map.next_key::<Raw>()? {
        let key = match key {
            Raw::Text(text) => text,
            Raw::Null => "null".to_string(),
            _ => return Err(de::Error::custom("a key must be a plain word")),
        };
        if entries.iter().any(|(known, _)| *known == key) {
            return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
        }
        let value = map.next_value::<Raw>()?;
        entries.push((key, value));
    }
    Ok(entries)
}

impl<'de> Deserialize<'de> for Entries {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Entries, D::Error> {
        struct EntriesVisitor;
        impl<'de> Visitor<'de> for EntriesVisitor {
            type Value = Entries;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("`key: value` lines")
            }

            fn visit_unit<E>(self) -> Result<Entries, E> {
                Ok(Entries::default())
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Entries, A::Error> {
                entries(map).map(Entries)
            }
        }
        deserializer.deserialize_any(EntriesVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_become_text_and_shapes_are_kept() {
        let Entries(entries) = crate::yaml::decode(
            "minutes: 25\nhours: 1.5\nprerequisites: {hard: [a, b], soft: c}\nx: ~\n",
        )
        .unwrap();
        assert_eq!(entries[0], ("minutes".into(), Raw::Text("25".into())));
        assert_eq!(entries[1], ("hours".into(), Raw::Text("1.5".into())));
        assert_eq!(
            entries[2].1,
            Raw::Map(vec![
                (
                    "hard".into(),
                    Raw::List(vec![Raw::Text("a".into()), Raw::Text("b".into())])
                ),
                ("soft".into(), Raw::Text("c".into())),
            ])
        );
        assert_eq!(entries[3].1, Raw::Null);
    }

    #[test]
    fn a_repeated_key_is_named() {
        let error = crate::yaml::decode::<Entries>("title: a\ntitle: b\n").unwrap_err();
        assert!(
            error.message.contains("duplicate field `title`"),
            "{error:?}"
        );
    }
}
