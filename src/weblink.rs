//! Which URLs a curriculum may hand to a reader's browser. A manifest's `source:` is the base
//! of every document's link, in the report, the Markdown and the calendar: only `http` and
//! `https` may be it (never `javascript:`, `data:` or `file:`), and a link written into an
//! output is either such a URL or relative.

/// The scheme of `url` in lowercase, as a browser reads it: tabs and line breaks anywhere and
/// spaces or control characters around it are dropped first. `None` for a relative URL.
fn scheme(url: &str) -> Option<String> {
    let cleaned: String = url
        .trim_matches(|c: char| c.is_ascii_control() || c == ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let end = cleaned.find([':', '/', '?', '#'])?;
    if !cleaned[end..].starts_with(':') {
        return None;
    }
    let name = &cleaned[..end];
    let valid = name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    // A colon after something that is no scheme name: a browser reads the whole as relative
    // only if it cannot be a scheme, so treat it as an unknown scheme.
    Some(if valid {
        name.to_ascii_lowercase()
    } else {
        String::new()
    })
}

/// Whether `url` may be a curriculum's source: `http://` or `https://` with a host, and no
/// space, control character, quote, backslash or angle bracket anywhere in it.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    let Some(rest) = rest else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty()
        && !url
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || "\"'<>\\`".contains(c))
}

/// Whether a link may be written into an output: an `http` or `https` URL, or a relative one.
pub fn is_safe_link(url: &str) -> bool {
    match scheme(url) {
        None => true,
        Some(name) => name == "http" || name == "https",
    }
}

/// `link` when [`is_safe_link`] allows it.
pub fn safe_link(link: Option<&str>) -> Option<&str> {
    link.filter(|link| is_safe_link(link))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_are_sources() {
        for good in [
            "https://github.com/a/b/blob/main/docs/",
            "http://example.org",
            "HTTPS://Example.org/x?y=1#z",
        ] {
            assert!(is_web_url(good), "{good}");
        }
        for bad in [
            "javascript:alert(1)//",
            "JavaScript:alert(1)",
            "data:text/html,<b>",
            "file:///etc/passwd",
            "https://",
            "https:///path",
            "//example.org/docs",
            "docs/",
            " https://example.org",
            "https://example.org/a b",
            "https://example.org/\"onmouseover=",
            "https://example.org/<x>",
            "https://exa\nmple.org",
        ] {
            assert!(!is_web_url(bad), "{bad}");
        }
    }

    #[test]
    fn links_are_web_or_relative() {
        for good in [
            "https://example.org/a.md",
            "http://example.org/a.md",
            "docs/a.md",
            "./a.md",
            "/a.md",
            "//example.org/a.md",
            "a.md#part:two",
            "a.md?x=y:z",
        ] {
            assert!(is_safe_link(good), "{good}");
        }
        for bad in [
            "javascript:alert(1)//a.md",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "vbscript:x",
            "data:text/html,x",
            "file:///etc/passwd",
            "1a:x",
        ] {
            assert!(!is_safe_link(bad), "{bad:?}");
        }
        assert_eq!(safe_link(Some("javascript:x")), None);
        assert_eq!(safe_link(Some("a.md")), Some("a.md"));
    }
}
