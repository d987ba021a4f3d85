//! A study time for a page that gives none: its words at a reading rate, plus time for its code.
//!
//! The words are those a learner reads: not code, HTML comments and tags, JSX/MDX component
//! lines and MDX `import`/`export` blocks, link reference definitions or directive options.
//! Code is fenced code blocks, code directives (MyST `{code-cell}`, `{literalinclude}`...) and
//! include directives (mdBook `{{#include}}`, `{{#rustdoc_include}}`, `{{#playground}}`).

/// Words read per minute: the median silent-reading rate for non-fiction in Brysbaert's 2019
/// meta-analysis ("How many words do we read per minute?", Journal of Memory and Language 109).
pub const WORDS_PER_MINUTE: u32 = 238;

/// Minutes allowed per block of code, for reading it closely or trying it.
pub const MINUTES_PER_CODE_BLOCK: u32 = 2;

/// What the estimate was made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Estimate {
    pub words: u32,
    /// Blocks of code: fenced blocks and code directives, include directives, notebook cells.
    pub code_blocks: u32,
    /// How many of `code_blocks` are include directives.
    pub includes: u32,
    pub minutes: u32,
}

impl Estimate {
    /// The estimate for these counts: `words` at [`WORDS_PER_MINUTE`], rounded up, plus
    /// [`MINUTES_PER_CODE_BLOCK`] per block of code; at least 1 minute and at most `max`.
    pub fn of(words: u32, code_blocks: u32, includes: u32, max: u32) -> Estimate {
        let reading = words.div_ceil(WORDS_PER_MINUTE);
        let code = code_blocks.saturating_mul(MINUTES_PER_CODE_BLOCK);
        Estimate {
            words,
            code_blocks,
            includes,
            minutes: reading.saturating_add(code).clamp(1, max.max(1)),
        }
    }
}

/// The estimate for a Markdown body (see the module's introduction for what counts), with
/// [`Estimate::of`].
pub fn estimate(body: &str, max: u32) -> Estimate {
    let mut reader = Reader::default();
    for line in body.lines() {
        reader.read(line);
    }
    Estimate::of(reader.words, reader.code_blocks, reader.includes, max)
}

/// An open fence: its character (`` ` ``, `~` or `:`) and how many of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fence {
    mark: u8,
    length: usize,
}

/// Where a prose directive stands: before its first line, in its `:option:` lines or YAML
/// options block, or in its body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Head {
    Start,
    Options,
    Yaml,
    Body,
}

/// A line's HTML that runs on to the next lines: a comment (one opened inside a paragraph ends
/// with it) or a tag, with its open quote and `{` depth (JSX attributes).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Markup {
    #[default]
    Text,
    Comment {
        block: bool,
    },
    Tag {
        quote: u8,
        braces: u32,
    },
}

/// The reading of a body, line by line.
#[derive(Default)]
struct Reader {
    words: u32,
    code_blocks: u32,
    includes: u32,
    /// The open fence whose lines are not prose (code, or a directive not read).
    code: Option<Fence>,
    /// Open directives whose content is prose, innermost last.
    prose: Vec<(Fence, Head)>,
    markup: Markup,
    /// In an MDX `import`/`export` block, which ends at a blank line.
    esm: bool,
    /// The line before was paragraph text, which a line of `import ...` would go on.
    in_paragraph: bool,
}

impl Reader {
    /// Counts one line of the body, given the lines before it.
    fn read(&mut self, line: &str) {
        if let Some(open) = self.code {
            if closes(line, open) {
                self.code = None;
            }
            return;
        }
        let trimmed = line.trim_start_matches(' ');
        let blank = trimmed.trim_end().is_empty();
        if self.markup != Markup::Text {
            self.go_on_with_markup(line, blank);
            return;
        }
        if blank || self.esm {
            self.esm &= !blank;
            self.in_paragraph = false;
            return;
        }
        let indented = line.len() - trimmed.len() > 3;
        if !indented && self.fence(trimmed) || self.directive_option(trimmed) {
            self.in_paragraph = false;
            return;
        }
        if !indented && self.not_prose(trimmed, line.len() == trimmed.len()) {
            self.in_paragraph = false;
            return;
        }
        self.words += words_of(line, &mut self.markup);
        self.in_paragraph = !trimmed.starts_with('#');
    }

    /// A line inside a comment or tag begun on a line before. A blank line ends a tag, and a
    /// comment opened inside a paragraph.
    fn go_on_with_markup(&mut self, line: &str, blank: bool) {
        if blank && self.markup != (Markup::Comment { block: true }) {
            self.markup = Markup::Text;
            self.in_paragraph = false;
        } else {
            self.words += words_of(line, &mut self.markup);
        }
    }

    /// Opens or closes a fence: code, a directive not read, or a directive of prose (whose
    /// argument, such as an admonition's title, is read).
    fn fence(&mut self, trimmed: &str) -> bool {
        let Some(found) = fence_of(trimmed) else {
            return false;
        };
        let info = trimmed[found.length..].trim();
        if info.is_empty()
            && let Some(&(open, _)) = self.prose.last()
            && open.mark == found.mark
            && found.length >= open.length
        {
            self.prose.pop();
            return true;
        }
        if found.mark == b':' && info.is_empty() {
            // A colon fence that closes nothing open: not prose.
            return true;
        }
        if found.mark == b'`' && info.contains('`') {
            // Inline code at the start of a line, not a fence.
            return false;
        }
        match block_of(found.mark, info) {
            Block::Code => {
                self.code = Some(found);
                self.code_blocks += 1;
            }
            Block::Unread => self.code = Some(found),
            Block::Prose(argument) => {
                self.words += words_in(argument);
                self.prose.push((found, Head::Start));
            }
        }
        true
    }

    /// Whether the line is one of a prose directive's options (`:class: tip`, or a YAML block
    /// between `---` lines before its body).
    fn directive_option(&mut self, trimmed: &str) -> bool {
        let Some((_, head)) = self.prose.last_mut() else {
            return false;
        };
        let rule = trimmed.trim_end() == "---";
        let (next, option) = match *head {
            Head::Body => return false,
            Head::Yaml => (if rule { Head::Body } else { Head::Yaml }, true),
            Head::Start if rule => (Head::Yaml, true),
            Head::Start | Head::Options if is_option(trimmed) => (Head::Options, true),
            Head::Start | Head::Options => (Head::Body, false),
        };
        *head = next;
        option
    }

    /// Lines that are not read: include directives (counted as code), link reference
    /// definitions, and the first line of an MDX `import`/`export` block at the top level.
    fn not_prose(&mut self, trimmed: &str, unindented: bool) -> bool {
        match trimmed.as_bytes()[0] {
            b'{' if is_include(trimmed) => {
                self.code_blocks += 1;
                self.includes += 1;
                true
            }
            b'[' => is_link_definition(trimmed),
            b'i' | b'e' if unindented && !self.in_paragraph && self.prose.is_empty() => {
                self.esm = is_esm(trimmed);
                self.esm
            }
            _ => false,
        }
    }
}

/// What a fence holds.
#[derive(Debug, PartialEq, Eq)]
enum Block<'a> {
    /// Code: a fenced block with or without a language, or a code directive.
    Code,
    /// Neither prose nor code: a table of contents, an image, raw HTML.
    Unread,
    /// A directive of prose, with its argument (its title, or a figure's path).
    Prose(&'a str),
}

/// What a fence with this info string holds. A `` ` `` or `~` fence is code unless it opens a
/// MyST directive of prose (```` ```{note} ````); a `:` fence (MyST, Docusaurus, Pandoc) is
/// prose unless it opens a code directive.
fn block_of(mark: u8, info: &str) -> Block<'_> {
    let (name, argument) = if let Some(braced) = info.strip_prefix('{') {
        braced.split_once('}').unwrap_or((braced, ""))
    } else if mark == b':' {
        let end = info
            .find(|c: char| !(c.is_ascii_alphanumeric() || "-_:".contains(c)))
            .unwrap_or(info.len());
        info.split_at(end)
    } else {
        return Block::Code;
    };
    match name.trim() {
        "code" | "code-block" | "code-cell" | "sourcecode" | "literalinclude" => Block::Code,
        "toctree" | "tableofcontents" | "contents" | "image" | "raw" => Block::Unread,
        _ if mark == b':' => Block::Prose(argument),
        name if is_prose_directive(name) => Block::Prose(argument),
        _ => Block::Code,
    }
}

/// MyST and Sphinx directives whose content is prose.
fn is_prose_directive(name: &str) -> bool {
    name.starts_with("prf:")
        || matches!(
            name,
            "admonition"
                | "attention"
                | "caution"
                | "danger"
                | "error"
                | "hint"
                | "important"
                | "note"
                | "seealso"
                | "tip"
                | "warning"
                | "todo"
                | "versionadded"
                | "versionchanged"
                | "deprecated"
                | "figure"
                | "table"
                | "list-table"
                | "margin"
                | "sidebar"
                | "topic"
                | "epigraph"
                | "highlights"
                | "pull-quote"
                | "rubric"
                | "dropdown"
                | "card"
                | "tab-item"
                | "exercise"
                | "solution"
                | "proof"
                | "glossary"
                | "div"
                | "container"
        )
}

/// `:name: value`, a directive's option.
fn is_option(trimmed: &str) -> bool {
    let Some(rest) = trimmed.strip_prefix(':') else {
        return false;
    };
    let name = rest
        .bytes()
        .take_while(|&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        .count();
    name > 0
        && rest[name..]
            .strip_prefix(':')
            .is_some_and(|value| value.is_empty() || value.starts_with([' ', '\t']))
}

/// mdBook's `{{#include path}}`, `{{#rustdoc_include path}}` or `{{#playground path}}`, alone
/// on its line.
fn is_include(trimmed: &str) -> bool {
    let inner = trimmed
        .trim_end()
        .strip_prefix("{{")
        .and_then(|rest| rest.strip_suffix("}}"))
        .and_then(|rest| rest.trim_start().strip_prefix('#'));
    let name = inner.map_or("", |inner| inner.split_whitespace().next().unwrap_or(""));
    matches!(name, "include" | "rustdoc_include" | "playground")
}

/// `[label]: destination "title"` (a footnote, `[^1]: text`, is prose).
fn is_link_definition(trimmed: &str) -> bool {
    let Some((label, after)) = trimmed[1..].split_once("]:") else {
        return false;
    };
    let after = after.trim();
    let title = after
        .split_once([' ', '\t'])
        .map_or("", |(_, title)| title.trim());
    !label.trim().is_empty()
        && !label.starts_with('^')
        && !label.contains(['[', ']'])
        && (title.is_empty() || title.starts_with(['"', '\'', '(']))
}

/// The first line of an MDX ESM block: `import ... from '...'`, `import '...'`, `import {`
/// (names on the lines after), or `export` of a declaration.
fn is_esm(line: &str) -> bool {
    if let Some(rest) = line.strip_prefix("import") {
        let rest = rest.trim_end();
        return rest.starts_with([' ', '{'])
            && (rest.contains("from '")
                || rest.contains("from \"")
                || rest.trim_start().starts_with(['\'', '"'])
                || rest.ends_with(['{', ',']));
    }
    let Some(rest) = line.strip_prefix("export ") else {
        return false;
    };
    let first = rest.split([' ', '(']).next().unwrap_or("");
    matches!(
        first,
        "const" | "let" | "var" | "function" | "default" | "class" | "async" | "{" | "*"
    ) || rest.starts_with(['{', '*'])
}

/// The words of a line, without HTML comments and tags (which may run on from the line before
/// and on to the next: `markup` says where the line ends).
fn words_of(line: &str, markup: &mut Markup) -> u32 {
    if *markup == Markup::Text
        && let Some(words) = words_without_html(line)
    {
        return words;
    }
    let bytes = line.as_bytes();
    let (mut words, mut text_from, mut at) = (0, 0, 0);
    while at < bytes.len() {
        let resume = match *markup {
            Markup::Comment { .. } => find(bytes, at, b"-->").map(|end| end + 3),
            Markup::Tag { .. } => tag_end(bytes, at, markup),
            Markup::Text => {
                match bytes[at] {
                    b'`' => at = code_span_end(bytes, at),
                    b'\\' => at += 2,
                    b'<' => match markup_at(bytes, at) {
                        Some(found) => {
                            words += words_in(&line[text_from..at]);
                            *markup = found;
                            at += if matches!(found, Markup::Comment { .. }) {
                                4
                            } else {
                                1
                            };
                        }
                        None => at += 1,
                    },
                    _ => at += 1,
                }
                continue;
            }
        };
        let Some(resume) = resume else {
            return words;
        };
        (*markup, at, text_from) = (Markup::Text, resume, resume);
    }
    if *markup == Markup::Text {
        words += words_in(&line[text_from..]);
    }
    words
}

/// The comment or tag that starts at a `<`: `<!--`, `<name`, `</name` (the name followed by a
/// space, `/`, `>` or the line's end), `<>` or `</>`. A tag after text on the line must end on
/// it; one that starts a line (a JSX component) may run on.
fn markup_at(bytes: &[u8], at: usize) -> Option<Markup> {
    let rest = &bytes[at..];
    if rest.starts_with(b"<!--") {
        let block = bytes[..at].iter().all(u8::is_ascii_whitespace);
        return Some(Markup::Comment { block });
    }
    let name = if rest.get(1) == Some(&b'/') { 2 } else { 1 };
    let end = rest[name..]
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b"-_.".contains(&b)))
        .map_or(rest.len(), |offset| name + offset);
    let named = rest.get(name).is_some_and(u8::is_ascii_alphabetic);
    let follows_name = rest
        .get(end)
        .is_none_or(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>');
    let fragment = rest.get(name) == Some(&b'>');
    let starts_line = bytes[..at].iter().all(u8::is_ascii_whitespace);
    let tag = fragment || named && follows_name && (starts_line || rest.contains(&b'>'));
    tag.then_some(Markup::Tag {
        quote: 0,
        braces: 0,
    })
}

/// Just past the `>` that ends the tag `markup` is in, outside quotes and `{...}`; else
/// `None`, with the quote and depth the line ends with.
fn tag_end(bytes: &[u8], from: usize, markup: &mut Markup) -> Option<usize> {
    let Markup::Tag {
        mut quote,
        mut braces,
    } = *markup
    else {
        return None;
    };
    for (offset, &byte) in bytes[from..].iter().enumerate() {
        match byte {
            _ if quote != 0 => quote = if byte == quote { 0 } else { quote },
            b'"' | b'\'' => quote = byte,
            b'{' => braces += 1,
            b'}' => braces = braces.saturating_sub(1),
            b'>' if braces == 0 => return Some(from + offset + 1),
            _ => {}
        }
    }
    *markup = Markup::Tag { quote, braces };
    None
}

/// Just past the code span that starts at `at` (its backticks closed by as many); past the
/// backticks alone when none close it.
fn code_span_end(bytes: &[u8], at: usize) -> usize {
    let ticks = bytes[at..].iter().take_while(|&&b| b == b'`').count();
    let mut from = at + ticks;
    while let Some(offset) = bytes[from..].iter().position(|&b| b == b'`') {
        let start = from + offset;
        let length = bytes[start..].iter().take_while(|&&b| b == b'`').count();
        if length == ticks {
            return start + length;
        }
        from = start + length;
    }
    at + ticks
}

/// Where `needle` next occurs in `bytes` from `from`.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes[from..]
        .windows(needle.len())
        .position(|window| window == needle)
        .map(|offset| from + offset)
}

/// The words of a line: tokens between whitespace with a letter or a digit. An ASCII line (most
/// are) is counted eight bytes at a time; others as Unicode.
fn words_in(line: &str) -> u32 {
    let scan = scan_words(line.as_bytes());
    if scan.ascii {
        scan.words
    } else {
        unicode_words(line)
    }
}

/// The words of a line as [`words_in`] counts them, or `None` when it has a `<` (HTML for
/// the caller to read), found in the same scan.
fn words_without_html(line: &str) -> Option<u32> {
    let scan = scan_words(line.as_bytes());
    if scan.angle {
        None
    } else if scan.ascii {
        Some(scan.words)
    } else {
        Some(unicode_words(line))
    }
}

fn unicode_words(line: &str) -> u32 {
    line.split_whitespace()
        .filter(|token| token.chars().any(char::is_alphanumeric))
        .count() as u32
}

/// What one scan of a line's bytes found: its words if it is ASCII, whether it is, and whether
/// it has a `<`.
struct Scan {
    words: u32,
    ascii: bool,
    angle: bool,
}

const LANES: u64 = 0x0101_0101_0101_0101;
const LANE_HIGH_BITS: u64 = LANES * 0x80;

/// The lanes (bytes below 0x80) of `word` from `low` to `high`, as each lane's high bit.
fn lanes_in(word: u64, low: u8, high: u8) -> u64 {
    let at_least = |n: u8| word.wrapping_add(LANES * u64::from(128 - n)) & LANE_HIGH_BITS;
    at_least(low) & !at_least(high + 1)
}

/// Lane `i`'s high bit as bit `i`.
fn lane_bits(lanes: u64) -> u32 {
    ((lanes >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u32
}

/// Counts words eight bytes at a time. A letter or digit starts a word when the last space,
/// letter or digit before it is a space (or the line's start): `after_space` carries that from
/// one group of eight to the next, and within one an addition carries each space's bit over
/// the other bytes that follow it to the next space, letter or digit.
fn scan_words(bytes: &[u8]) -> Scan {
    let (mut words, mut after_space, mut any, mut angle) = (0, 1u32, 0u64, 0u64);
    let mut count = |word: u64| {
        any |= word;
        angle |= lanes_in(word, b'<', b'<');
        let space = lane_bits(lanes_in(word, b'\t', b'\r') | lanes_in(word, b' ', b' '));
        let folded = word | (LANES * 0x20);
        let alnum = lane_bits(lanes_in(word, b'0', b'9') | lanes_in(folded, b'a', b'z'));
        let other = !(space | alnum) & 0xFF;
        let reached = other.wrapping_add(space << 1 | after_space) & !other;
        words += (reached & alnum).count_ones();
        let marked = space | alnum;
        if marked != 0 {
            after_space = space >> (31 - marked.leading_zeros()) & 1;
        }
    };
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        count(u64::from_le_bytes(chunk.try_into().unwrap_or([b' '; 8])));
    }
    let mut last = [b' '; 8];
    last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    count(u64::from_le_bytes(last));
    Scan {
        words,
        ascii: any & LANE_HIGH_BITS == 0,
        angle: angle != 0,
    }
}

/// The fence character and length when the line opens or closes a fence: three or more of
/// `` ` ``, `~` or `:`.
fn fence_of(line: &str) -> Option<Fence> {
    let mark = *line.as_bytes().first()?;
    if !matches!(mark, b'`' | b'~' | b':') {
        return None;
    }
    let length = line.bytes().take_while(|&byte| byte == mark).count();
    (length >= 3).then_some(Fence { mark, length })
}

/// Whether the line closes the fence `open`: as many marks or more (indented at most three
/// spaces) and nothing after them.
fn closes(line: &str, open: Fence) -> bool {
    let trimmed = line.trim_start_matches(' ');
    line.len() - trimmed.len() <= 3
        && fence_of(trimmed).is_some_and(|found| {
            found.mark == open.mark
                && found.length >= open.length
                && trimmed[found.length..].trim().is_empty()
        })
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
        fn the_scan_of_ascii_counts_as_split_whitespace(line in "[\\x00-\\x7f]{0,70}") {
            let unicode = line
                .split_whitespace()
                .filter(|token| token.chars().any(char::is_alphanumeric))
                .count() as u32;
            proptest::prop_assert_eq!(words_in(&line), unicode);
            proptest::prop_assert_eq!(words_without_html(&line), (!line.contains('<')).then_some(unicode));
        }

        #[test]
        fn the_byte_scan_counts_as_split_whitespace(line in "[ a-zA-Z09\t\x0b\x0c\r#*().,é-]{0,60}") {
            let unicode = line
                .split_whitespace()
                .filter(|token| token.chars().any(char::is_alphanumeric))
                .count() as u32;
            proptest::prop_assert_eq!(words_in(&line), unicode);
        }
    }

    /// Words and code blocks of a body.
    fn counts(body: &str) -> (u32, u32) {
        let found = estimate(body, 6000);
        (found.words, found.code_blocks)
    }

    #[test]
    fn html_comments_are_not_words() {
        let body =
            "one <!-- two --> three\n<!--\nfour five\n\nsix\n-->\nseven <!-- eight\nnine --> ten\n";
        assert_eq!(counts(body), (4, 0));
        // Opened inside a paragraph, a comment never closed ends with it.
        assert_eq!(counts("one <!-- two\nthree\n\nfour\n"), (2, 0));
        assert_eq!(counts("<!--\n```\nnot a fence\n-->\n"), (0, 0));
    }

    #[test]
    fn jsx_component_lines_and_tags_are_not_words() {
        let body = "<Tip warning={true}>\n\nRead this first.\n\n</Tip>\n\n\
            <CourseFloatingBanner chapter={1}\n  classNames=\"absolute z-10\"\n  \
            notebooks={[{label: \"Colab > all\", value: \"https://x\"}]} />\n\n\
            A <b>bold</b> <a href=\"x\">link</a>.<br/>\n<>fragment</>\n";
        assert_eq!(counts(body), (7, 0));
        // Text, not tags: code spans, autolinks, comparisons, a `<` never closed after text.
        assert_eq!(
            counts("Use `<div>` and <https://x.org> if a < b or x <y\n"),
            (10, 0)
        );
    }

    #[test]
    fn mdx_import_and_export_blocks_are_not_words() {
        let body = "import Tip from '@site/Tip';\nimport {\n  A,\n  B,\n} from './x';\n\n\
            export const meta = {\n  title: 'x',\n};\n\n# Title\nimport X from './y'\n\n\
            import the data from the file first.\nSo you\nimport this from 'a paragraph'\n";
        // "Title", then the prose that only looks like ESM: 7 + 2 + 5.
        assert_eq!(counts(body), (15, 0));
        assert_eq!(counts("```{note}\nimport X from 'y'\n```\n"), (4, 0));
    }

    #[test]
    fn link_reference_definitions_are_not_words() {
        let body = "[ref]: https://example.org\n[Other Ref]: <https://x> \"Title\"\n   [x]:\n\
            [^1]: A footnote.\n[not a def]: this is prose\ntext\n";
        assert_eq!(counts(body), (3 + 6 + 1, 0));
    }

    #[test]
    fn include_directives_are_code_blocks() {
        let body = "{{#include ../listings/main.rs}}\n{{ #playground example.rs }}\n\
            {{#title Not code}}\n```rust\n{{#rustdoc_include ../x.rs:here}}\n```\n";
        let found = estimate(body, 6000);
        assert_eq!((found.words, found.code_blocks, found.includes), (3, 3, 2));
        assert_eq!(found.minutes, 1 + 3 * MINUTES_PER_CODE_BLOCK);
    }

    #[test]
    fn code_directives_are_code_blocks() {
        let body = "```{code-cell} python\nprint('many words here')\n```\n\
            :::{literalinclude} x.py\n:lines: 1-3\n:::\n~~~{code-block} rust\nx\n~~~\n\
            ```{code}\nx\n```\n```{math}\nx^2\n```\n```{python}\nQuarto\n```\n";
        assert_eq!(counts(body), (0, 6));
    }

    #[test]
    fn prose_directives_are_read_without_their_options() {
        let body = "```{note}\nA note in prose.\n```\n\
            :::{admonition} Careful now\n:class: warning\n:name: careful\nMind the gap.\n:::\n\
            ````{tip}\n```python\nx = 1\n```\nStill tip words.\n````\n\
            ```{figure} img.png\n---\nwidth: 80%\nalt: An image\n---\nA caption here.\n```\n\
            :::tip[Docusaurus title]\nAdmonition text.\n:::\n\
            ::: {.callout-note}\nPandoc div.\n:::\n:::\nAfter.\n";
        // 4, 2 + 3, 3, 1 + 3, 2 + 2, 2 and 1; the `python` block inside the tip is code.
        assert_eq!(counts(body), (23, 1));
        // A table of contents is neither prose nor code.
        assert_eq!(
            counts("```{toctree}\n:maxdepth: 2\nintro\nbasics\n```\nWords here.\n"),
            (2, 0)
        );
    }

    #[test]
    fn inline_code_at_the_start_of_a_line_is_not_a_fence() {
        assert_eq!(counts("```rust``` is inline\nmore words\n"), (5, 0));
    }

    #[test]
    fn fences_close_only_with_their_own_mark() {
        let body = "~~~\n```\nnot words here\n~~~\nafter\n````md\ncode\n````\n";
        let found = estimate(body, 6000);
        assert_eq!((found.words, found.code_blocks), (1, 2));
        assert_eq!(estimate("```\nnever closed words\n", 6000).code_blocks, 1);
    }
}
