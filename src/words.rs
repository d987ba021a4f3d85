//! Words of numbers in messages: counted nouns ("1 document", "2 documents", never "1
//! documents") and minutes ("5 h 50 min").

/// `n` and the noun, plural unless `n` is one: the plural adds "s" to the noun's first word
/// ("2 study documents" from "study document" adds it to the last; see [`count_with`]).
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// `n` and the singular or the plural as given, for nouns whose plural is not "+s" at the end
/// ("page without frontmatter").
pub fn count_with(n: usize, singular: &str, plural: &str) -> String {
    if n == 1 {
        format!("1 {singular}")
    } else {
        format!("{n} {plural}")
    }
}

/// "55 min", "2 h", "5 h 50 min": how the tool writes a number of minutes.
pub fn format_minutes(minutes: u32) -> String {
    let (hours, rest) = (minutes / 60, minutes % 60);
    match (hours, rest) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_the_rest_plural() {
        assert_eq!(count(1, "document"), "1 document");
        assert_eq!(count(0, "document"), "0 documents");
        assert_eq!(count(2, "study document"), "2 study documents");
        assert_eq!(
            count_with(1, "page without frontmatter", "pages without frontmatter"),
            "1 page without frontmatter"
        );
        assert_eq!(
            count_with(3, "page without frontmatter", "pages without frontmatter"),
            "3 pages without frontmatter"
        );
    }
}
