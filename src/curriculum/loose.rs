//! What is kept of a page that is not a study document by its own frontmatter (a page without
//! one, or a hub): enough to study it when a table of contents lists it or a study page
//! requires it, and nothing of its text.

use super::duration::MAX_MINUTES;
use super::estimate::estimate;

/// A page's title, estimated time and its own prose, without the page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Loose {
    /// The frontmatter's `title:` or the first heading, as written.
    pub title: Option<String>,
    /// Minutes from its words (see [`estimate`]).
    pub minutes: u32,
    /// Words outside headings and lists: what a hub of links lacks.
    pub prose_words: u32,
    /// Where Docusaurus' sidebar puts the page, when the frontmatter says.
    pub sidebar: Sidebar,
}

/// A page's `sidebar_position` and `sidebar_label` (Docusaurus).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sidebar {
    pub position: Option<f64>,
    pub label: Option<String>,
}

/// An index page with fewer words of its own than this is a hub: a title and a few links.
pub const HUB_PROSE_WORDS: u32 = 50;

impl Loose {
    pub fn of(title: Option<String>, body: &str, yaml: &str) -> Loose {
        Loose {
            title,
            minutes: estimate(body, MAX_MINUTES).minutes,
            prose_words: prose_words(body),
            sidebar: sidebar_in(yaml),
        }
    }

    /// Whether an index page has prose of its own, not only links.
    pub fn has_prose(&self) -> bool {
        self.prose_words >= HUB_PROSE_WORDS
    }
}

/// Whether a page's body has prose of its own (see [`Loose::has_prose`]).
pub fn has_prose(body: &str) -> bool {
    prose_words(body) >= HUB_PROSE_WORDS
}

/// Words outside headings, list items, code fences and HTML lines.
fn prose_words(body: &str) -> u32 {
    let mut fenced = false;
    let mut words = 0;
    for line in body.lines() {
        let line = line.trim_start();
        if line.starts_with("```") || line.starts_with("~~~") {
            fenced = !fenced;
            continue;
        }
        let skipped = line.starts_with(['#', '-', '*', '+', '<', '|', '['])
            || line.split_once(". ").is_some_and(|(number, _)| {
                !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit())
            });
        if !fenced && !skipped {
            words += line
                .split_whitespace()
                .filter(|word| word.chars().any(char::is_alphanumeric))
                .count() as u32;
        }
    }
    words
}

/// `sidebar_position: 3` and `sidebar_label: Text` in a frontmatter block.
pub fn sidebar_in(yaml: &str) -> Sidebar {
    if !yaml.contains("sidebar_") {
        return Sidebar::default();
    }
    let value = |key: &str| {
        yaml.lines().find_map(|line| {
            let value = line.strip_prefix(key)?.strip_prefix(':')?;
            Some(value.trim().trim_matches(['"', '\'']).to_string())
        })
    };
    Sidebar {
        position: value("sidebar_position")
            .and_then(|text| text.parse::<f64>().ok())
            .filter(|number| number.is_finite()),
        label: value("sidebar_label").filter(|label| !label.is_empty()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hub_of_links_has_no_prose_and_an_essay_has() {
        let hub = "# Topics\n\n- [One](one.md)\n- [Two](two.md)\n\n1. [Three](three.md)\n";
        assert_eq!(prose_words(hub), 0);
        let essay = format!("# Intro\n\n{}\n", "word ".repeat(60));
        assert!(Loose::of(None, &essay, "").has_prose());
        assert!(!Loose::of(None, hub, "").has_prose());
    }

    #[test]
    fn the_sidebar_position_is_read_as_a_number() {
        let position = |yaml: &str| sidebar_in(yaml).position;
        assert_eq!(position("title: A\nsidebar_position: 2.5\n"), Some(2.5));
        assert_eq!(position("sidebar_position: \"3\"\n"), Some(3.0));
        assert_eq!(position("sidebar_position: first\n"), None);
        assert_eq!(position("position: 3\n"), None);
        let label = sidebar_in("sidebar_label: 'Short'\nsidebar_position: 1\n").label;
        assert_eq!(label.as_deref(), Some("Short"));
    }
}
