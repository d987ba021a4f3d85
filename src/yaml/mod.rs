//! YAML: the codec (serde_yaml, through its fork yaml_serde), a fast reader for the flat
//! subset most frontmatter and progress files are written in, and the positions of a
//! document's nodes for messages (yaml-rust2's marked events).

mod codec;
pub(crate) mod flat;
pub(crate) mod positions;

pub(crate) use codec::{YamlError, decode, encode, key_line, value_lines};
