//! YAML: the codec (serde_yaml, through its fork yaml_serde), a fast reader for the flat
//! subset most frontmatter and progress files are written in, and the positions of a
//! document's nodes for messages (yaml-rust2's marked events).

mod codec;
pub(crate) mod flat;
pub(crate) mod positions;

pub(crate) use codec::{YamlError, decode, encode, key_line, value_lines};

/// The text with a UTF-8 BOM removed and CRLF line ends turned into LF (an editor's doing), as
/// pages and the files we keep are read.
pub(crate) fn normalize(text: &str) -> std::borrow::Cow<'_, str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.contains('\r') {
        std::borrow::Cow::Owned(text.replace("\r\n", "\n"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}
