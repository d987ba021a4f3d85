//! Where each node of a YAML document is written, taken from the parse itself (yaml-rust2's
//! marked events), so that a message about `roles.2.name` points at that line and not at the
//! first line that happens to contain the same text.

use std::collections::HashMap;
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

/// Lines (1-based) by dotted path: `parts.0.sections.1.id` is the `id` key of the second
/// section of the first part; `roles.0.includes.2` the third item of a list.
#[derive(Debug, Default)]
pub(crate) struct Positions {
    lines: HashMap<String, usize>,
    /// Keys written a second time in their mapping: the key and the line of the repeat.
    repeated: Vec<(String, usize)>,
}

impl Positions {
    /// The positions of the nodes of the first document of `text`; a text the parser rejects
    /// gives as many as it read before the error (messages then go without a line).
    pub fn of(text: &str) -> Positions {
        let mut walker = Walker::default();
        let _ = Parser::new_from_str(text).load(&mut walker, false);
        Positions {
            lines: walker.lines,
            repeated: walker.repeated,
        }
    }

    /// The line where `key` is written again in a mapping that starts on or before `from`
    /// (the parser reports a repeated key at the start of its mapping).
    pub fn repeat_of(&self, key: &str, from: usize) -> Option<usize> {
        self.repeated
            .iter()
            .filter(|(repeated, line)| repeated == key && *line >= from)
            .map(|(_, line)| *line)
            .min()
    }

    pub fn line(&self, path: &str) -> Option<usize> {
        self.lines.get(path).copied()
    }
}

/// One open mapping or sequence.
enum Frame {
    /// `key` is the key whose value comes next; `None` while a key is awaited.
    Mapping {
        key: Option<String>,
    },
    Sequence {
        next: usize,
    },
}

#[derive(Default)]
struct Walker {
    lines: HashMap<String, usize>,
    repeated: Vec<(String, usize)>,
    stack: Vec<(String, Frame)>,
}

impl Walker {
    /// The path of the node that starts now, or `None` when it is a mapping key.
    fn place(&mut self, event: &Event, line: usize) -> Option<String> {
        let (path, frame) = self.stack.last_mut()?;
        match frame {
            Frame::Sequence { next } => {
                let here = join(path, &next.to_string());
                *next += 1;
                Some(here)
            }
            Frame::Mapping { key: Some(key) } => {
                let here = join(path, key);
                *frame = Frame::Mapping { key: None };
                Some(here)
            }
            Frame::Mapping { key: None } => {
                let key = match event {
                    Event::Scalar(text, ..) => text.clone(),
                    _ => String::new(),
                };
                let here = join(path, &key);
                match self.lines.entry(here) {
                    std::collections::hash_map::Entry::Occupied(_) => {
                        self.repeated.push((key.clone(), line));
                    }
                    std::collections::hash_map::Entry::Vacant(entry) => {
                        entry.insert(line);
                    }
                }
                *frame = Frame::Mapping { key: Some(key) };
                None
            }
        }
    }
}

fn join(path: &str, segment: &str) -> String {
    if path.is_empty() {
        segment.to_string()
    } else {
        format!("{path}.{segment}")
    }
}

impl MarkedEventReceiver for Walker {
    fn on_event(&mut self, event: Event, mark: Marker) {
        let line = mark.line();
        let opens = matches!(
            event,
            Event::Scalar(..)
                | Event::Alias(..)
                | Event::MappingStart(..)
                | Event::SequenceStart(..)
        );
        if matches!(event, Event::MappingEnd | Event::SequenceEnd) {
            self.stack.pop();
            return;
        }
        if !opens {
            return;
        }
        let root = self.stack.is_empty();
        let Some(path) = self.place(&event, line).or_else(|| root.then(String::new)) else {
            return;
        };
        self.lines.entry(path.clone()).or_insert(line);
        match event {
            Event::MappingStart(..) => self.stack.push((path, Frame::Mapping { key: None })),
            Event::SequenceStart(..) => self.stack.push((path, Frame::Sequence { next: 0 })),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_point_at_their_own_lines() {
        let text = "name: Test course\nroles:\n  - name: 'Test'\n    specializations: [\"1.1\",\n      \"1.2\"]\n  - name: Other\n    includes:\n      - '2.1'\n";
        let positions = Positions::of(text);
        assert_eq!(positions.line("name"), Some(1));
        assert_eq!(positions.line("roles.0"), Some(3));
        assert_eq!(positions.line("roles.0.name"), Some(3));
        assert_eq!(positions.line("roles.0.specializations.1"), Some(5));
        assert_eq!(positions.line("roles.1.name"), Some(6));
        assert_eq!(positions.line("roles.1.includes.0"), Some(8));
        assert_eq!(positions.line("roles.2"), None);
    }

    #[test]
    fn a_repeated_key_is_found_on_its_own_line() {
        let positions = Positions::of("name: a\nparts:\n  - id: x\n    id: y\nname: b\n");
        assert_eq!(positions.repeat_of("id", 3), Some(4));
        assert_eq!(positions.repeat_of("name", 1), Some(5));
        assert_eq!(positions.repeat_of("parts", 1), None);
    }

    #[test]
    fn a_broken_text_keeps_what_was_read() {
        let positions = Positions::of("a: 1\nb: [\n");
        assert_eq!(positions.line("a"), Some(1));
    }
}
