//! iCalendar's content lines (RFC 5545 section 3.1): unfolded, split into a name, parameters and
//! a value, each with the number of the line it starts on, and gathered into the tree of
//! BEGIN/END components.
//!
//! The `icalendar` crate has a parser, but its line numbers count the unfolded text and its
//! values lose their place, while every message here names the line of the file. So this
//! reader is ours: it is small, and recurrence, the hard part, is the `rrule` crate's.

use crate::error::CalendarProblem;

/// A problem and the line it is on.
pub(super) type Located = (usize, CalendarProblem);

/// The components whose properties are kept; the others are only checked for their shape.
const KEPT_IN: [&str; 4] = ["VEVENT", "VTIMEZONE", "STANDARD", "DAYLIGHT"];

/// The properties read; the others are only checked for their shape.
const KEPT: [&str; 13] = [
    "UID",
    "DTSTART",
    "DTEND",
    "DURATION",
    "RRULE",
    "RDATE",
    "EXDATE",
    "RECURRENCE-ID",
    "STATUS",
    "TRANSP",
    "TZID",
    "TZOFFSETFROM",
    "TZOFFSETTO",
];

/// One property: `NAME;PARAM=value:value`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Property {
    pub line: usize,
    /// Upper case.
    pub name: String,
    /// Names in upper case; a value without its quotes, several joined with commas.
    pub params: Vec<(String, String)>,
    pub value: String,
}

impl Property {
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

/// A BEGIN ... END block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Component {
    /// Upper case.
    pub name: String,
    /// The line of its BEGIN.
    pub line: usize,
    pub properties: Vec<Property>,
    pub children: Vec<Component>,
}

impl Component {
    fn new(name: String, line: usize) -> Component {
        Component {
            name,
            line,
            properties: Vec::new(),
            children: Vec::new(),
        }
    }

    pub fn property(&self, name: &str) -> Option<&Property> {
        self.properties
            .iter()
            .find(|property| property.name == name)
    }

    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Property> + 'a {
        self.properties
            .iter()
            .filter(move |property| property.name == name)
    }
}

/// The VCALENDARs of a file (one, usually).
pub(super) fn read(text: &str) -> Result<Vec<Component>, Located> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut tree = Tree::default();
    let mut logical: Option<(usize, String)> = None;
    for (index, line) in text.split('\n').enumerate() {
        let number = index + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if let Some(rest) = line.strip_prefix([' ', '\t']) {
            match &mut logical {
                Some((_, text)) => text.push_str(rest),
                None if rest.trim().is_empty() => {}
                None => return Err((number, CalendarProblem::StrayContinuation)),
            }
            continue;
        }
        if let Some((start, text)) = logical.take() {
            tree.line(start, &text)?;
        }
        if !line.trim().is_empty() {
            logical = Some((number, line.to_string()));
        }
    }
    if let Some((start, text)) = logical.take() {
        tree.line(start, &text)?;
    }
    tree.finish()
}

/// The first line of a file that is not the start of a calendar.
fn not_a_calendar(number: usize, text: &str) -> Located {
    (
        number,
        CalendarProblem::NotACalendar {
            found: shorten(text),
        },
    )
}

#[derive(Default)]
struct Tree {
    open: Vec<Component>,
    calendars: Vec<Component>,
    seen_any: bool,
}

impl Tree {
    fn line(&mut self, number: usize, text: &str) -> Result<(), Located> {
        let first = !self.seen_any;
        self.seen_any = true;
        let not_a_line = || {
            (
                number,
                CalendarProblem::NotAContentLine {
                    text: shorten(text),
                },
            )
        };
        let Some((name, rest)) = split_name(text) else {
            return Err(if first {
                not_a_calendar(number, text)
            } else {
                not_a_line()
            });
        };
        let name = name.to_ascii_uppercase();
        let structural = name == "BEGIN" || name == "END";
        if first && name != "BEGIN" {
            return Err(not_a_calendar(number, text));
        }
        let kept = structural
            || (KEPT.contains(&name.as_str())
                && self
                    .open
                    .last()
                    .is_some_and(|open| KEPT_IN.contains(&open.name.as_str())));
        if !kept {
            // Only its shape: a ':' must come after the name and any parameters.
            let shaped = rest.starts_with(':') || (rest.starts_with(';') && rest.contains(':'));
            if !shaped {
                return Err(not_a_line());
            }
            if self.open.is_empty() {
                return Err((number, CalendarProblem::OutsideCalendar { name }));
            }
            return Ok(());
        }
        let (params, value) = split_params(rest).ok_or_else(not_a_line)?;
        match name.as_str() {
            "BEGIN" => self.begin(number, value, first, text),
            "END" => self.end(number, value),
            _ => {
                let open = self
                    .open
                    .last_mut()
                    .expect("a kept property is in an open component");
                open.properties.push(Property {
                    line: number,
                    name,
                    params,
                    value: value.to_string(),
                });
                Ok(())
            }
        }
    }

    /// `BEGIN:value` on line `number`: a component opens (outside all, only a calendar may).
    fn begin(
        &mut self,
        number: usize,
        value: &str,
        first: bool,
        text: &str,
    ) -> Result<(), Located> {
        let component = value.trim().to_ascii_uppercase();
        if self.open.is_empty() && component != "VCALENDAR" {
            if first {
                return Err(not_a_calendar(number, text));
            }
            return Err((
                number,
                CalendarProblem::OutsideCalendar {
                    name: format!("BEGIN:{component}"),
                },
            ));
        }
        self.open.push(Component::new(component, number));
        Ok(())
    }

    /// `END:value` on line `number`: the open component closes, into its parent or as a
    /// calendar.
    fn end(&mut self, number: usize, value: &str) -> Result<(), Located> {
        let component = value.trim().to_ascii_uppercase();
        match self.open.pop() {
            Some(closed) if closed.name == component => {
                match self.open.last_mut() {
                    Some(parent) => parent.children.push(closed),
                    None => self.calendars.push(closed),
                }
                Ok(())
            }
            other => Err((
                number,
                CalendarProblem::UnexpectedEnd {
                    found: component,
                    open: other.map(|open| open.name),
                },
            )),
        }
    }

    fn finish(mut self) -> Result<Vec<Component>, Located> {
        if let Some(open) = self.open.pop() {
            return Err((
                open.line,
                CalendarProblem::Unclosed {
                    component: open.name,
                },
            ));
        }
        if self.calendars.is_empty() {
            return Err((1, CalendarProblem::Empty));
        }
        Ok(self.calendars)
    }
}

/// The name (letters, digits and '-') and what follows it, which starts with ':' or ';'.
fn split_name(text: &str) -> Option<(&str, &str)> {
    let end = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(text.len());
    let (name, rest) = text.split_at(end);
    (!name.is_empty() && (rest.starts_with(':') || rest.starts_with(';'))).then_some((name, rest))
}

/// `;NAME=value,"quoted";NAME=value:value` into the parameters and the value.
fn split_params(mut rest: &str) -> Option<(Vec<(String, String)>, &str)> {
    let mut params = Vec::new();
    loop {
        if let Some(value) = rest.strip_prefix(':') {
            return Some((params, value));
        }
        rest = rest.strip_prefix(';')?;
        let (name, after) = rest.split_once('=')?;
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return None;
        }
        rest = after;
        let mut values = Vec::new();
        loop {
            if let Some(quoted) = rest.strip_prefix('"') {
                let (value, after) = quoted.split_once('"')?;
                values.push(value);
                rest = after;
            } else {
                let end = rest.find([';', ':', ',', '"']).unwrap_or(rest.len());
                values.push(&rest[..end]);
                rest = &rest[end..];
            }
            match rest.strip_prefix(',') {
                Some(after) => rest = after,
                None => break,
            }
        }
        params.push((name.to_ascii_uppercase(), values.join(",")));
    }
}

/// At most 60 characters of `text`, for messages.
pub(super) fn shorten(text: &str) -> String {
    const MOST: usize = 60;
    match text.char_indices().nth(MOST) {
        Some((end, _)) => format!("{}...", &text[..end]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_lines_are_unfolded_and_keep_their_first_line() {
        let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;TZID=\"Europe/Ber\r\n lin\";X=a,\"b:c\":2027\r\n\t0104T090000\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        let calendars = read(text).unwrap();
        let event = &calendars[0].children[0];
        assert_eq!(event.name, "VEVENT");
        assert_eq!(event.line, 2);
        let start = event.property("DTSTART").unwrap();
        assert_eq!(start.line, 3);
        assert_eq!(start.param("TZID"), Some("Europe/Berlin"));
        assert_eq!(start.param("X"), Some("a,b:c"));
        assert_eq!(start.value, "20270104T090000");
        // SUMMARY is not read.
        assert_eq!(event.properties.len(), 1);
    }

    #[test]
    fn shapes_that_are_not_icalendar_name_their_line() {
        let cases: [(&str, usize, CalendarProblem); 8] = [
            ("", 1, CalendarProblem::Empty),
            (
                "Subject,Start Date\n",
                1,
                CalendarProblem::NotACalendar {
                    found: "Subject,Start Date".into(),
                },
            ),
            (" BEGIN:VCALENDAR\n", 1, CalendarProblem::StrayContinuation),
            (
                "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART 20270104\nEND:VEVENT\nEND:VCALENDAR\n",
                3,
                CalendarProblem::NotAContentLine {
                    text: "DTSTART 20270104".into(),
                },
            ),
            (
                "BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VTODO\n",
                3,
                CalendarProblem::UnexpectedEnd {
                    found: "VTODO".into(),
                    open: Some("VEVENT".into()),
                },
            ),
            (
                "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20270104\n",
                2,
                CalendarProblem::Unclosed {
                    component: "VEVENT".into(),
                },
            ),
            (
                "BEGIN:VCALENDAR\nEND:VCALENDAR\nX-TRAILER:1\n",
                3,
                CalendarProblem::OutsideCalendar {
                    name: "X-TRAILER".into(),
                },
            ),
            (
                "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;TZID=\"Europe/Berlin:20270104T090000\nEND:VEVENT\nEND:VCALENDAR\n",
                3,
                CalendarProblem::NotAContentLine {
                    text: "DTSTART;TZID=\"Europe/Berlin:20270104T090000".into(),
                },
            ),
        ];
        for (text, line, problem) in cases {
            assert_eq!(read(text), Err((line, problem)), "{text:?}");
        }
    }

    #[test]
    fn long_lines_are_shortened_in_messages() {
        let long = "x".repeat(100);
        assert_eq!(shorten(&long), format!("{}...", "x".repeat(60)));
        assert_eq!(shorten("ä"), "ä");
    }
}
