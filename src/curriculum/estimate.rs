//! A study time for a page that gives none: its words at a reading rate, plus time for its code.

/// Words read per minute: the median silent-reading rate for non-fiction in Brysbaert's 2019
/// meta-analysis ("How many words do we read per minute?", Journal of Memory and Language 109).
pub const WORDS_PER_MINUTE: u32 = 238;

/// Minutes allowed per fenced code block, for reading it closely or trying it.
pub const MINUTES_PER_CODE_BLOCK: u32 = 2;

/// What the estimate was made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Estimate {
    pub words: u32,
    pub code_blocks: u32,
    pub minutes: u32,
}

/// The estimate for a Markdown body: words outside code fences (tokens with a letter or a
/// digit) at [`WORDS_PER_MINUTE`], rounded up, plus [`MINUTES_PER_CODE_BLOCK`] per fenced
/// block; at least 1 minute and at most `max`.
pub fn estimate(body: &str, max: u32) -> Estimate {
    let mut words = 0u32;
    let mut code_blocks = 0u32;
    let mut fence: Option<(u8, usize)> = None;
    for line in body.lines() {
        let trimmed = line.trim_start_matches(' ');
        let opening = (line.len() - trimmed.len() <= 3)
            .then(|| fence_of(trimmed))
            .flatten();
        match (fence, opening) {
            (None, Some(found)) => fence = Some(found),
            (Some((mark, length)), Some((found, found_length)))
                if found == mark && found_length >= length && is_closing(trimmed) =>
            {
                fence = None;
                code_blocks += 1;
            }
            (Some(_), _) => {}
            (None, None) => words += words_in(trimmed),
        }
    }
    // An unclosed fence runs to the end of the page: still a block of code.
    code_blocks += u32::from(fence.is_some());
    let reading = words.div_ceil(WORDS_PER_MINUTE);
    let minutes = (reading + code_blocks * MINUTES_PER_CODE_BLOCK).clamp(1, max);
    Estimate {
        words,
        code_blocks,
        minutes,
    }
}

/// The words of a line: tokens between whitespace with a letter or a digit. An ASCII line (most
/// are) is scanned byte by byte; others as Unicode.
fn words_in(line: &str) -> u32 {
    if !line.is_ascii() {
        return line
            .split_whitespace()
            .filter(|token| token.chars().any(char::is_alphanumeric))
            .count() as u32;
    }
    let (mut words, mut counted) = (0, false);
    for &byte in line.as_bytes() {
        // The ASCII characters Unicode calls whitespace, vertical tab (0x0B) included.
        if matches!(byte, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') {
            counted = false;
        } else if !counted && byte.is_ascii_alphanumeric() {
            words += 1;
            counted = true;
        }
    }
    words
}

/// The fence character and length when the line opens or closes a code fence.
fn fence_of(line: &str) -> Option<(u8, usize)> {
    let mark = *line.as_bytes().first()?;
    if mark != b'`' && mark != b'~' {
        return None;
    }
    let length = line.bytes().take_while(|&byte| byte == mark).count();
    (length >= 3).then_some((mark, length))
}

/// A closing fence has nothing after its marks.
fn is_closing(line: &str) -> bool {
    line.trim_start_matches(['`', '~']).trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_outside_code_at_the_reading_rate() {
        let prose = "word ".repeat(476);
        let body = format!("# Title\n\n{prose}\n\n```sh\necho one two three\n```\n");
        let found = estimate(&body, 6000);
        // "Title" and 476 words: 477 / 238 rounds up to 3, plus one block.
        assert_eq!(found.words, 477);
        assert_eq!(found.code_blocks, 1);
        assert_eq!(found.minutes, 3 + MINUTES_PER_CODE_BLOCK);
    }

    #[test]
    fn an_empty_page_takes_a_minute_and_a_long_one_is_capped() {
        assert_eq!(estimate("", 6000).minutes, 1);
        assert_eq!(estimate("---\n- * #\n", 6000).words, 0);
        assert_eq!(estimate(&"word ".repeat(10_000), 30).minutes, 30);
    }

    #[test]
    fn ascii_lines_count_as_unicode_ones_do() {
        for line in [
            "",
            "a b",
            "  -- x-y, 3 *",
            "tab\there\x0bvt\x0cff",
            "#### ## #a",
            "- [ ] done!",
        ] {
            let unicode = line
                .split_whitespace()
                .filter(|token| token.chars().any(char::is_alphanumeric))
                .count() as u32;
            assert_eq!(words_in(line), unicode, "{line:?}");
        }
        assert_eq!(words_in("Grüße aus Köln, ça va"), 5);
    }

    proptest::proptest! {
        #[test]
        fn the_byte_scan_counts_as_split_whitespace(line in "[ a-zA-Z09\t\x0b\x0c\r#*().,é-]{0,60}") {
            let unicode = line
                .split_whitespace()
                .filter(|token| token.chars().any(char::is_alphanumeric))
                .count() as u32;
            proptest::prop_assert_eq!(words_in(&line), unicode);
        }
    }

    #[test]
    fn fences_close_only_with_their_own_mark() {
        let body = "~~~\n```\nnot words here\n~~~\nafter\n````md\ncode\n````\n";
        let found = estimate(body, 6000);
        assert_eq!((found.words, found.code_blocks), (1, 2));
        assert_eq!(estimate("```\nnever closed words\n", 6000).code_blocks, 1);
    }
}
