//! Reading one page: is it a study document, an index page, or a page of another schema?

use super::Level;
use super::duration::{DurationError, MAX_MINUTES, parse_minutes};
use super::estimate::estimate;
use super::fields::{FieldError, FieldNames, Fields, TimeField, TimeUnit};
use super::frontmatter::{self, Frontmatter, Split};
use super::loose::Loose;
use super::notebook;
use super::raw::{Entries, Raw};
use super::title::plain_title;
use crate::diagnostic::Diagnostic;
use crate::yaml;
use crate::yaml::flat::{self as flat_yaml, Value};

/// The lines (within the YAML) of each prerequisite and each next_recommended link.
type LinkLines = (Vec<Option<usize>>, Vec<Option<usize>>);

/// How pages are read: which fields mean what, and whether a page without a time gets one
/// estimated from its body (else it is a reference page, as learnpath's own curricula want).
#[derive(Debug, Clone, Default)]
pub struct Reading {
    pub names: FieldNames,
    pub estimate: bool,
    /// URL prefixes links start with, and the folders they stand for.
    pub prefixes: Vec<(String, String)>,
}

/// The fields, read by the fast reader when the frontmatter is in its subset, with the lines of
/// the links; `None` sends the page to the full YAML parser.
fn fast_fields(yaml: &str, names: &FieldNames) -> Option<Result<(Fields, LinkLines), FieldError>> {
    let mut fields = Fields::default();
    let mut lines: LinkLines = (Vec::new(), Vec::new());
    for (key, value) in flat_yaml::parse(yaml)? {
        if !Fields::wanted(names, key) {
            continue;
        }
        let item_lines =
            |items: &[(&str, usize)]| items.iter().map(|(_, line)| Some(*line)).collect();
        let raw = match value {
            Value::Null => Raw::Null,
            Value::Str(text) => Raw::Text(text.to_string()),
            Value::List(items) => {
                if names.prerequisites.iter().any(|name| name == key) {
                    lines.0 = item_lines(&items);
                } else if key == "next_recommended" {
                    lines.1 = item_lines(&items);
                }
                raw_of(Value::List(items))
            }
            // The lines of a map's links are searched for when a message needs them.
            value => raw_of(value),
        };
        if let Err(error) = fields.take(names, key, raw) {
            return Some(Err(error));
        }
    }
    Some(Ok((fields, lines)))
}

/// A value of the fast reader as the full parser gives it.
fn raw_of(value: Value<'_>) -> Raw {
    match value {
        Value::Null => Raw::Null,
        Value::Str(text) => Raw::Text(text.to_string()),
        Value::List(items) => Raw::List(
            items
                .into_iter()
                .map(|(item, _)| Raw::Text(item.to_string()))
                .collect(),
        ),
        Value::Map(entries) => Raw::Map(
            entries
                .into_iter()
                .map(|(key, value)| (key.to_string(), raw_of(value)))
                .collect(),
        ),
    }
}

/// The fields by the full YAML parser.
fn full_fields(yaml: &str, names: &FieldNames) -> Result<Fields, Decoded> {
    let Entries(entries) = yaml::decode::<Entries>(yaml).map_err(Decoded::Yaml)?;
    let mut fields = Fields::default();
    for (key, value) in entries {
        if Fields::wanted(names, &key) {
            fields.take(names, &key, value).map_err(Decoded::Field)?;
        }
    }
    Ok(fields)
}

/// Why the fields could not be read.
enum Decoded {
    Yaml(yaml::YamlError),
    Field(FieldError),
}

/// A link from one page to another, with the line it was written on.
#[derive(Debug, Clone)]
pub struct Link {
    pub target: String,
    pub line: Option<usize>,
}

#[derive(Debug)]
pub struct StudyPage {
    pub title: String,
    pub level: Level,
    pub minutes: u32,
    /// Whether `minutes` is estimated from the body (the page gives no time).
    pub estimated: bool,
    pub prerequisites: Vec<Link>,
    /// Pages to study first when both are in a plan; they never pull a page in.
    pub soft: Vec<Link>,
    pub next_recommended: Vec<Link>,
    pub tags: Vec<String>,
    /// The page's own names for links (`id`, `slug`).
    pub ids: Vec<String>,
    /// The fields its time, level and prerequisites came from.
    pub keys: [Option<String>; 3],
    /// `sidebar_position` and `sidebar_label`, for a course ordered by its folders.
    pub sidebar: super::loose::Sidebar,
}

#[derive(Debug)]
pub enum Page {
    Study(StudyPage),
    /// Frontmatter without a time, a level or prerequisites: studied (with an estimated time)
    /// only in a curriculum where no page gives a time, else a reference page.
    Untimed(StudyPage),
    /// README.md, index.md or _index.md that is not a study page: a hub, with its title.
    Index(Loose),
    /// Another page without frontmatter.
    Plain(Loose),
    /// Frontmatter without a time (when times are not estimated).
    Reference,
    /// The page has errors (already reported).
    Broken,
}

pub(crate) fn is_index_name(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path).to_ascii_lowercase();
    matches!(
        name.as_str(),
        "readme.md" | "index.md" | "_index.md" | "readme.mdx" | "index.mdx" | "_index.mdx"
    )
}

/// Why a page is read: for its own frontmatter, or because the course's order names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Role {
    /// A page of a folder without a table: studied when its frontmatter says so.
    #[default]
    Free,
    /// Named by a table of contents: studied, with or without frontmatter.
    Listed,
    /// A page of a course ordered by its folders: studied, but an index page only when it
    /// has prose of its own (else it is a hub that titles its folder).
    Lesson,
}

/// The file name without its extension: "a/01_intro.md" -> "01_intro".
pub fn file_stem(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}

/// The most prerequisites one document may list: far more than any real document needs, few
/// enough that no input makes the graph explode.
pub const MAX_PREREQUISITES: usize = 256;

/// A better line and a fix for the YAML errors people make most: a tab in the indentation and
/// a key written twice (the parser points at the mapping, not at the second key).
fn explain_yaml_error(yaml: &str, error: &yaml::YamlError) -> (Option<usize>, &'static str) {
    if let Some(key) = error
        .message
        .split("duplicate field `")
        .nth(1)
        .and_then(|rest| rest.split('`').next())
    {
        let second = yaml
            .lines()
            .enumerate()
            .filter(|(_, line)| {
                line.strip_prefix(key)
                    .is_some_and(|rest| rest.trim_start().starts_with(':'))
            })
            .nth(1)
            .map(|(index, _)| index + 1);
        return (
            second.or(error.line),
            "remove one of the two; each key may appear once",
        );
    }
    let tab_line = error
        .line
        .and_then(|line| yaml.lines().nth(line.saturating_sub(1)))
        .is_some_and(|line| line.contains('\t'));
    if tab_line {
        return (
            error.line,
            "YAML does not allow tabs for indentation; indent with spaces",
        );
    }
    (
        error.line,
        "frontmatter is YAML: `key: value` lines, lists as `- item`",
    )
}

/// The longest frontmatter we read. Real frontmatter is a few hundred bytes; the limit keeps a
/// runaway block from costing memory or time.
pub const MAX_FRONTMATTER_BYTES: usize = 64 * 1024;

/// Classifies and parses one page from its first bytes (see `PAGE_READ_LIMIT`); `truncated`
/// says the page may go on past them. `shown` is the path used in messages.
pub fn parse(
    path: &str,
    shown: &str,
    bytes: &[u8],
    truncated: bool,
    reading: &Reading,
    out: &mut Vec<Diagnostic>,
) -> Page {
    parse_as(path, shown, bytes, truncated, (reading, Role::Free), out)
}

/// [`parse`] for a page read in a [`Role`].
pub fn parse_as(
    path: &str,
    shown: &str,
    bytes: &[u8],
    truncated: bool,
    (reading, role): (&Reading, Role),
    out: &mut Vec<Diagnostic>,
) -> Page {
    if is_notebook(path) {
        return notebook_page(path, (shown, bytes, truncated), role, out);
    }
    let Some(text) = utf8_text(bytes, truncated, shown, out) else {
        return Page::Broken;
    };
    let text = frontmatter::normalize(text);
    let found = match frontmatter_of(path, shown, &text, (truncated, role), out) {
        Ok(found) => found,
        Err(Without::Index) => return index_without_frontmatter(&text, path, role),
        Err(Without::Plain) => return without_frontmatter(&text, path, role),
        Err(Without::Broken) => return Page::Broken,
    };
    let Some((fields, fast_lines)) = fields_of(&found, reading, shown, out) else {
        return Page::Broken;
    };
    let (minutes, estimated) = match &fields.time {
        Some(time) => match minutes_of(time, &found, shown, out) {
            Some(minutes) => (minutes, false),
            None => return Page::Broken,
        },
        None => (estimate(found.body, MAX_MINUTES).minutes, true),
    };
    let kind = kind_in_role(&fields, (path, found.body), reading, role);
    if kind == Kind::Reference {
        out.push(
            Diagnostic::warning(
                "frontmatter has no estimated_time; treated as a reference page, not scheduled",
            )
            .file(shown)
            .line(Some(1)),
        );
        return Page::Reference;
    }
    if kind == Kind::Hub {
        let title = title_in(fields.title.clone(), &found);
        return Page::Index(Loose::of(title, found.body, found.yaml));
    }
    let level = level_of(&fields, &found, shown, out);
    let page = study_page(
        fields,
        fast_lines,
        &found,
        path,
        level,
        (minutes, estimated),
    );
    match kind {
        Kind::Untimed => Page::Untimed(page),
        _ => Page::Study(page),
    }
}

/// What a page with frontmatter is in its role: a page a table lists is studied, and so is
/// a lesson, but an index page with no prose of its own only titles its folder.
fn kind_in_role(
    fields: &Fields,
    (path, body): (&str, &str),
    reading: &Reading,
    role: Role,
) -> Kind {
    match (
        kind_of(fields, path, reading.estimate || role != Role::Free),
        role,
    ) {
        (Kind::Hub | Kind::Untimed, Role::Listed) => Kind::Study,
        (Kind::Hub, Role::Lesson) if super::loose::has_prose(body) => Kind::Study,
        (Kind::Untimed, Role::Lesson) => Kind::Study,
        (kind, _) => kind,
    }
}

/// What a page with frontmatter is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Study,
    Untimed,
    Hub,
    Reference,
}

/// A page with a time is a study page. Without one: a reference page when times are not
/// estimated; else a study page when it has prerequisites or a level, a hub when it is an
/// index page, and otherwise a page studied only if no page of the curriculum has a time.
fn kind_of(fields: &Fields, path: &str, estimate: bool) -> Kind {
    let linked = !fields.prerequisites.is_empty() || !fields.soft.is_empty();
    match () {
        () if fields.time.is_some() => Kind::Study,
        () if !estimate => Kind::Reference,
        () if linked || fields.level.is_some() => Kind::Study,
        () if is_index_name(path) => Kind::Hub,
        () => Kind::Untimed,
    }
}

/// Which of a page's link fields.
#[derive(Debug, Clone, Copy)]
enum LinkKind {
    Hard,
    Soft,
    Next,
}

/// The lines of a page's links: those the fast reader saw, else found in the YAML text.
struct Lines<'a> {
    found: &'a Frontmatter<'a>,
    fast: Option<LinkLines>,
    key: &'a str,
}

impl<'a> Lines<'a> {
    fn new(found: &'a Frontmatter<'a>, fast: Option<LinkLines>, fields: &'a Fields) -> Lines<'a> {
        Lines {
            found,
            fast,
            key: fields
                .prerequisites_key
                .as_deref()
                .unwrap_or("prerequisites"),
        }
    }

    fn of(&self, targets: &[String], kind: LinkKind) -> Vec<Link> {
        if targets.is_empty() {
            return Vec::new();
        }
        let known = match (&self.fast, kind) {
            (Some((hard, _)), LinkKind::Hard) => Some(hard),
            (Some((_, next)), LinkKind::Next) => Some(next),
            _ => None,
        };
        let lines = match known {
            Some(known) if known.len() == targets.len() => known.clone(),
            _ => {
                let key = match kind {
                    LinkKind::Next => "next_recommended",
                    LinkKind::Hard | LinkKind::Soft => self.key,
                };
                yaml::value_lines(self.found.yaml, key, targets)
            }
        };
        targets
            .iter()
            .zip(lines)
            .map(|(target, line)| Link {
                target: target.clone(),
                line: line.map(|line| self.found.first_line + line - 1),
            })
            .collect()
    }
}

/// The page as text; `None` (reported) when it is not UTF-8. A read that stopped inside a
/// character keeps the text before it.
fn utf8_text<'a>(
    bytes: &'a [u8],
    truncated: bool,
    shown: &str,
    out: &mut Vec<Diagnostic>,
) -> Option<&'a str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(error) if truncated && error.error_len().is_none() => {
            Some(std::str::from_utf8(&bytes[..error.valid_up_to()]).unwrap_or_default())
        }
        Err(error) => {
            out.push(
                Diagnostic::error(format!(
                    "not valid UTF-8 (invalid byte at offset {})",
                    error.valid_up_to()
                ))
                .file(shown)
                .help("save the file as UTF-8"),
            );
            None
        }
    }
}

/// The page's fields, or `None` when its frontmatter cannot be read or lists more
/// prerequisites than the limit (reported).
fn fields_of(
    found: &Frontmatter,
    reading: &Reading,
    shown: &str,
    out: &mut Vec<Diagnostic>,
) -> Option<(Fields, Option<LinkLines>)> {
    let in_file = |yaml_line: usize| found.first_line + yaml_line - 1;
    let (fields, fast_lines) = match decode_fields(found.yaml, &reading.names) {
        Ok(decoded) => decoded,
        Err(Decoded::Yaml(error)) => {
            let (line, help) = explain_yaml_error(found.yaml, &error);
            out.push(
                Diagnostic::error(format!("invalid frontmatter: {}", error.message))
                    .file(shown)
                    .line(line.map(in_file))
                    .help(help),
            );
            return None;
        }
        Err(Decoded::Field(error)) => {
            out.push(
                Diagnostic::error(format!("expected {} in '{}'", error.expected, error.key))
                    .file(shown)
                    .line(yaml::key_line(found.yaml, &error.key).map(in_file))
                    .field(&error.key),
            );
            return None;
        }
    };
    let count = fields.prerequisites.len() + fields.soft.len();
    if count > MAX_PREREQUISITES {
        let key = fields
            .prerequisites_key
            .as_deref()
            .unwrap_or("prerequisites");
        out.push(
            Diagnostic::error(format!(
                "{count} prerequisites, more than the limit of {MAX_PREREQUISITES}"
            ))
            .file(shown)
            .line(yaml::key_line(found.yaml, key).map(in_file))
            .field(key)
            .help("split the document, or list only its direct prerequisites"),
        );
        return None;
    }
    Some((fields, fast_lines))
}

/// A study page from its fields: links read where the fields are, the title from the
/// fields, the first heading or the file name.
fn study_page(
    fields: Fields,
    fast_lines: Option<LinkLines>,
    found: &Frontmatter,
    path: &str,
    level: Level,
    (minutes, estimated): (u32, bool),
) -> StudyPage {
    let (prerequisites, soft, next_recommended) = {
        let links = Lines::new(found, fast_lines, &fields);
        (
            links.of(&fields.prerequisites, LinkKind::Hard),
            links.of(&fields.soft, LinkKind::Soft),
            links.of(&fields.next_recommended, LinkKind::Next),
        )
    };
    StudyPage {
        title: title_of(fields.title, found, path),
        level,
        minutes,
        estimated,
        prerequisites,
        soft,
        next_recommended,
        tags: fields.tags,
        ids: fields.ids,
        keys: [
            fields.time.map(|time| time.key),
            fields.level.map(|(key, _)| key),
            fields.prerequisites_key,
        ],
        sidebar: super::loose::sidebar_in(found.yaml),
    }
}

/// An index page without frontmatter, titled by its first heading: a hub, unless a table
/// names it or it has prose of its own in a course ordered by folders.
fn index_without_frontmatter(text: &str, path: &str, role: Role) -> Page {
    let loose = loose_without_frontmatter(text);
    match role {
        Role::Listed => loose_study(loose, path),
        Role::Lesson if loose.has_prose() => loose_study(loose, path),
        _ => Page::Index(loose),
    }
}

fn is_notebook(path: &str) -> bool {
    path.rsplit_once('.')
        .is_some_and(|(_, extension)| extension.eq_ignore_ascii_case("ipynb"))
}

/// A Jupyter notebook: studied when a course's order names it, for its Markdown cells' words
/// and its code cells. One that cannot be read is an error only then.
fn notebook_page(
    path: &str,
    (shown, bytes, truncated): (&str, &[u8], bool),
    role: Role,
    out: &mut Vec<Diagnostic>,
) -> Page {
    let read = match truncated {
        true => Err(format!(
            "the notebook is larger than the limit of {} MiB",
            super::source::NOTEBOOK_READ_LIMIT >> 20
        )),
        false => notebook::read(bytes).map_err(|error| error.to_string()),
    };
    let notebook = match (read, role) {
        (Ok(notebook), _) => notebook,
        (Err(_), Role::Free) => return Page::Plain(Loose::default()),
        (Err(message), _) => {
            out.push(Diagnostic::error(message).file(shown));
            return Page::Broken;
        }
    };
    let loose = Loose {
        title: notebook.title.clone(),
        minutes: notebook::estimate_notebook(&notebook, MAX_MINUTES).minutes,
        prose_words: super::estimate::estimate(&notebook.text, MAX_MINUTES).words,
        sidebar: Default::default(),
    };
    match role {
        Role::Free => Page::Plain(loose),
        Role::Listed | Role::Lesson => loose_study(loose, path),
    }
}

/// Another page without frontmatter: studied when a course's order names it.
fn without_frontmatter(text: &str, path: &str, role: Role) -> Page {
    let loose = loose_without_frontmatter(text);
    match role {
        Role::Free => Page::Plain(loose),
        Role::Listed | Role::Lesson => loose_study(loose, path),
    }
}

fn loose_without_frontmatter(text: &str) -> Loose {
    let body = match frontmatter::split(text) {
        Split::None { body } => body,
        _ => "",
    };
    let title = frontmatter::first_heading(body).and_then(clean_title);
    Loose::of(title, body, "")
}

/// A page studied for what is kept of it: its time estimated from its words.
pub(crate) fn loose_study(loose: Loose, path: &str) -> Page {
    Page::Study(StudyPage {
        title: loose.title.unwrap_or_else(|| clean_name(name_of(path))),
        level: Level::Other(String::new()),
        minutes: loose.minutes,
        estimated: true,
        prerequisites: Vec::new(),
        soft: Vec::new(),
        next_recommended: Vec::new(),
        tags: Vec::new(),
        ids: Vec::new(),
        keys: [None, None, None],
        sidebar: loose.sidebar,
    })
}

/// The page's frontmatter, or what the page is without one (an index page, a plain page, or a
/// broken one, reported).
fn frontmatter_of<'t>(
    path: &str,
    shown: &str,
    text: &'t str,
    (truncated, role): (bool, Role),
    out: &mut Vec<Diagnostic>,
) -> Result<Frontmatter<'t>, Without> {
    let unclosed = |message: String| {
        Diagnostic::error(message)
            .file(shown)
            .line(Some(1))
            .help("end the frontmatter with a line holding only `---`")
    };
    match frontmatter::split(text) {
        Split::None { .. } if is_index_name(path) => Err(Without::Index),
        Split::None { .. } if role != Role::Free => Err(Without::Plain),
        Split::None { .. } => {
            out.push(
                Diagnostic::warning("no frontmatter; not a study document")
                    .file(shown)
                    .help("add `estimated_time:` in a `---` block at the top to schedule it"),
            );
            Err(Without::Plain)
        }
        Split::Unclosed if truncated => {
            out.push(unclosed(format!(
                "the frontmatter is longer than the limit of {} KiB, or never closed",
                MAX_FRONTMATTER_BYTES / 1024
            )));
            Err(Without::Broken)
        }
        Split::Unclosed => {
            out.push(unclosed(
                "the frontmatter opened on line 1 is never closed".to_string(),
            ));
            Err(Without::Broken)
        }
        Split::Found(found) if found.yaml.len() > MAX_FRONTMATTER_BYTES => {
            out.push(
                Diagnostic::error(format!(
                    "the frontmatter is {} KiB, more than the limit of {} KiB",
                    found.yaml.len() / 1024,
                    MAX_FRONTMATTER_BYTES / 1024
                ))
                .file(shown)
                .line(Some(1)),
            );
            Err(Without::Broken)
        }
        Split::Found(found) => Ok(found),
    }
}

/// What a page without a usable frontmatter is.
#[derive(Debug, Clone, Copy)]
enum Without {
    Index,
    Plain,
    Broken,
}

/// The fields, by the fast reader when the frontmatter is in its subset (with the lines of
/// the links), else by the YAML parser.
fn decode_fields(yaml: &str, names: &FieldNames) -> Result<(Fields, Option<LinkLines>), Decoded> {
    match fast_fields(yaml, names) {
        Some(Ok((fields, lines))) => Ok((fields, Some(lines))),
        Some(Err(error)) => Err(Decoded::Field(error)),
        None => full_fields(yaml, names).map(|fields| (fields, None)),
    }
}

/// The time in minutes; `None` (reported as an error) when it does not read.
fn minutes_of(
    time: &TimeField,
    found: &Frontmatter<'_>,
    shown: &str,
    out: &mut Vec<Diagnostic>,
) -> Option<u32> {
    let result = match time.unit {
        // `estimated_time` is learnpath's own field: it always says its unit.
        TimeUnit::Text if time.key == "estimated_time" => parse_minutes(&time.text),
        TimeUnit::Hours => number_of(&time.text, 60.0),
        TimeUnit::Text | TimeUnit::Minutes => number_of(&time.text, 1.0),
    };
    match result {
        Ok(minutes) => Some(minutes),
        Err(error) => {
            let expected = match time.unit {
                TimeUnit::Text => "a duration like \"55 min\" or \"1h30m\"",
                TimeUnit::Minutes => "a number of minutes like 25",
                TimeUnit::Hours => "a number of hours like 1.5",
            };
            out.push(
                Diagnostic::error(format!(
                    "expected {expected}, found \"{}\": {error}",
                    time.text
                ))
                .file(shown)
                .line(yaml::key_line(found.yaml, &time.key).map(|line| found.first_line + line - 1))
                .field(&time.key),
            );
            None
        }
    }
}

/// A plain number times `scale` in whole minutes, else a duration with its unit.
fn number_of(text: &str, scale: f64) -> Result<u32, DurationError> {
    let Ok(number) = text.trim().parse::<f64>() else {
        return parse_minutes(text);
    };
    let minutes = (number * scale).round();
    if !minutes.is_finite() || minutes > f64::from(MAX_MINUTES) {
        return Err(DurationError {
            reason: format!("more than the limit of {} hours", MAX_MINUTES / 60),
        });
    }
    if minutes < 1.0 {
        return Err(DurationError {
            reason: "a study time must be at least 1 minute".to_string(),
        });
    }
    // In range 1..=MAX_MINUTES, so the cast is exact.
    Ok(minutes as u32)
}

/// The level; an unknown one is kept as written, with a warning.
fn level_of(
    fields: &Fields,
    found: &Frontmatter<'_>,
    shown: &str,
    out: &mut Vec<Diagnostic>,
) -> Level {
    let (key, text) = fields
        .level
        .as_ref()
        .map_or(("level", ""), |(key, text)| (key.as_str(), text.as_str()));
    let level = Level::parse(text);
    if let Level::Other(text) = &level
        && !text.is_empty()
    {
        out.push(
            Diagnostic::warning(format!(
                "unknown level '{text}'; expected foundational (or foundation, beginner, basic, easy, introductory), intermediate (or medium), specialized (or specialised), advanced (or expert, hard) or reference"
            ))
            .file(shown)
            .line(
                yaml::key_line(found.yaml, key).map(|line| found.first_line + line - 1),
            )
            .field(key),
        );
    }
    level
}

/// The title: `title:`, else the first heading, else the file name (for an index page, its
/// folder's name).
fn title_of(title: Option<String>, found: &Frontmatter<'_>, path: &str) -> String {
    title_in(title, found).unwrap_or_else(|| clean_name(name_of(path)))
}

/// The title the page itself gives: `title:`, else the first heading; the first with words
/// left when its markup is taken away.
fn title_in(title: Option<String>, found: &Frontmatter<'_>) -> Option<String> {
    title
        .as_deref()
        .and_then(clean_title)
        .or_else(|| frontmatter::first_heading(found.body).and_then(clean_title))
}

/// A title as plain text (see [`plain_title`]); `None` when nothing is left of it.
fn clean_title(title: &str) -> Option<String> {
    Some(plain_title(title)).filter(|plain| !plain.is_empty())
}

/// A file or folder name as a title: not Markdown (`__init__` stays), but control characters,
/// which would break calendars, tables and XML, become spaces.
fn clean_name(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// A page's name: its file stem, or its folder's name for an index page.
pub fn name_of(path: &str) -> &str {
    if is_index_name(path)
        && let Some((folder, _)) = path.rsplit_once('/')
    {
        return folder.rsplit('/').next().unwrap_or(folder);
    }
    file_stem(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Lines of frontmatter built from pieces that are in the fast reader's subset and pieces
    /// that are not, so that both paths and their borders are exercised.
    /// A line `key: value`, or a key with a list of values under it.
    fn plain_line() -> impl Strategy<Value = String> {
        let key = prop::sample::select(vec![
            "title",
            "level",
            "estimated_time",
            "prerequisites",
            "next_recommended",
            "tags",
            "author",
            "Title",
            "difficulty",
            "estimatedMinutes",
            "hours",
            "id",
            "depth",
        ]);
        let scalar = prop::sample::select(vec![
            "intermediate",
            "45 min",
            "\"1h30m\"",
            "'quoted'",
            "a/b.md",
            "01_x/02_y.md",
            "55",
            "0",
            "007",
            "1.5",
            "true",
            "null",
            "~",
            "yes",
            "0x1F",
            "1e3",
            "x: y",
            "a #b",
            "\"\"",
            "-5 min",
            "[a, b]",
            "[]",
            "[ ]",
            "[a,]",
            "{a: 1}",
            "&x y",
            "*x",
            "|",
            ">",
            "!tag x",
            "é ü",
            "12abc",
            ".inf",
            "a,b",
            "[x, 'y', \"z\"]",
            "a\u{1}b",
            "b\u{a0}",
            "\u{3000}c",
            "a\u{2028}b",
            "a\u{85} b",
            "d\u{7f}",
            "[a]\n  - b",
        ]);
        (
            key,
            scalar,
            0..4usize,
            prop::sample::select(vec!["", "  ", "    ", "\t"]),
        )
            .prop_map(|(key, value, items, indent)| match items {
                0 => format!("{key}: {value}\n"),
                1 => format!("{key}:\n"),
                n => {
                    let mut text = format!("{key}:\n");
                    for _ in 1..n {
                        text.push_str(&format!("{indent}- {value}\n"));
                    }
                    text
                }
            })
    }

    /// A key with `hard:`/`soft:`-like entries under it, at indentations that are and are
    /// not YAML's, with items under the entries.
    fn nested_map() -> impl Strategy<Value = String> {
        let sub = (
            prop::sample::select(vec!["hard", "soft", "required", "other", "hard"]),
            prop::sample::select(vec![
                "a.md",
                "/learn/x/01-y",
                "[a, b]",
                "[]",
                "",
                "55",
                "{a: 1}",
                "x: y",
            ]),
            0..3usize,
            prop::sample::select(vec!["  ", "    ", " ", "\t"]),
        );
        (
            prop::sample::select(vec!["prerequisites", "prereqs", "meta", "title"]),
            prop::sample::select(vec!["  ", "    ", "\t"]),
            prop::collection::vec(sub, 1..4),
        )
            .prop_map(|(key, indent, subs)| {
                let mut text = format!("{key}:\n");
                for (name, value, items, deeper) in subs {
                    match items {
                        0 => text.push_str(&format!("{indent}{name}: {value}\n")),
                        n => {
                            text.push_str(&format!("{indent}{name}:\n"));
                            for _ in 1..=n {
                                text.push_str(&format!("{indent}{deeper}- {value}\n"));
                            }
                        }
                    }
                }
                text
            })
    }

    fn frontmatter_lines() -> impl Strategy<Value = String> {
        let (line, map) = (plain_line(), nested_map());
        let any = prop_oneof![3 => line, 1 => map];
        prop::collection::vec(any, 0..7).prop_map(|lines| lines.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        /// The fast reader agrees with the full YAML parser on everything it accepts.
        #[test]
        fn fast_reader_agrees_with_the_yaml_parser(yaml in frontmatter_lines()) {
            let names = FieldNames::default();
            if let Some(fast) = fast_fields(&yaml, &names) {
                let full = full_fields(&yaml, &names);
                match (fast, full) {
                    (Ok((fast, _)), Ok(full)) => prop_assert_eq!(fast, full, "{:?}", yaml),
                    (Err(fast), Err(Decoded::Field(full))) => {
                        prop_assert_eq!(fast, full, "{:?}", yaml)
                    }
                    (fast, _) => prop_assert!(false, "{:?} read as {:?} by the fast reader only", yaml, fast),
                }
            }
        }
    }

    #[test]
    fn hard_and_soft_maps_take_the_fast_path_and_read_as_the_yaml_parser_reads_them() {
        let names = FieldNames::default();
        let yaml = "title: \"Packet\"\nweight: 9\nprerequisites:\n  hard:\n    - /learn/sql-2/01-buffer\n    - ../x\n  soft: [a]\n";
        let Some(Ok((fast, _))) = fast_fields(yaml, &names) else {
            panic!("the fast reader takes a hard/soft map")
        };
        let Ok(full) = full_fields(yaml, &names) else {
            panic!("the YAML parser reads it")
        };
        assert_eq!(fast, full);
        assert_eq!(fast.prerequisites, ["/learn/sql-2/01-buffer", "../x"]);
        assert_eq!(fast.soft, ["a"]);
    }

    #[test]
    fn the_embedded_curriculum_takes_the_fast_path() {
        let source = crate::Source::Embedded;
        let listing = source.list().unwrap();
        for entry in &listing.entries {
            let super::super::source::Content::Bytes(bytes) = entry.content else {
                panic!("embedded pages are bytes")
            };
            let text = std::str::from_utf8(bytes).unwrap();
            let Split::Found(found) = frontmatter::split(text) else {
                panic!("{} has frontmatter", entry.path)
            };
            assert!(
                fast_fields(found.yaml, &FieldNames::default()).is_some_and(|read| read.is_ok()),
                "{}",
                entry.path
            );
        }
    }
}
