//! Splitting a Markdown page into YAML frontmatter and body (the YAML itself is decoded by
//! `crate::yaml`).

pub(crate) use crate::yaml::normalize;

/// The frontmatter block of a page and what follows it.
#[derive(Debug, PartialEq, Eq)]
pub struct Frontmatter<'a> {
    /// The YAML between the `---` lines.
    pub yaml: &'a str,
    /// Line number (1-based, in the file) of the first YAML line.
    pub first_line: usize,
    /// Everything after the closing `---` line.
    pub body: &'a str,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Split<'a> {
    /// The page does not start with `---`: it has no frontmatter.
    None {
        body: &'a str,
    },
    Found(Frontmatter<'a>),
    /// The page starts with `---` but no closing `---` (or `...`) line follows.
    Unclosed,
}

/// Splits a normalized page (see [`normalize`]).
pub fn split(text: &str) -> Split<'_> {
    let Some(after_open) = strip_delimiter_line(text, "---") else {
        return Split::None { body: text };
    };
    let mut offset = 0;
    for line in after_open.split_inclusive('\n') {
        let content = line.trim_end();
        if content == "---" || content == "..." {
            return Split::Found(Frontmatter {
                yaml: &after_open[..offset],
                first_line: 2,
                body: &after_open[offset + line.len()..],
            });
        }
        offset += line.len();
    }
    Split::Unclosed
}

/// Returns the text after the first line when that line is exactly `delimiter`.
fn strip_delimiter_line<'a>(text: &'a str, delimiter: &str) -> Option<&'a str> {
    let rest = text.strip_prefix(delimiter)?;
    let line_end = rest.find('\n').unwrap_or(rest.len());
    if !rest[..line_end].trim().is_empty() {
        return None;
    }
    Some(rest.get(line_end + 1..).unwrap_or(""))
}

/// The first `# ` heading of a Markdown body, if any.
pub fn first_heading(body: &str) -> Option<&str> {
    body.lines()
        .map(str::trim_end)
        .find_map(|line| line.strip_prefix("# "))
        .map(str::trim)
        .filter(|title| !title.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_frontmatter_from_body() {
        let page = "---\nlevel: x\n---\n\n# Title\n";
        let Split::Found(found) = split(page) else {
            panic!("no frontmatter found")
        };
        assert_eq!(found.yaml, "level: x\n");
        assert_eq!(found.body, "\n# Title\n");
        assert_eq!(first_heading(found.body), Some("Title"));
    }

    #[test]
    fn page_without_delimiter_has_no_frontmatter() {
        assert_eq!(split("# Index\n"), Split::None { body: "# Index\n" });
        assert_eq!(split("----\n"), Split::None { body: "----\n" });
    }

    #[test]
    fn unclosed_frontmatter_is_reported() {
        assert_eq!(split("---\nlevel: x\n# Title\n"), Split::Unclosed);
    }

    #[test]
    fn crlf_and_bom_are_normalized() {
        assert_eq!(
            normalize("\u{feff}---\r\na: 1\r\n---\r\n"),
            "---\na: 1\n---\n"
        );
    }
}
