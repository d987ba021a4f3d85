//! Titles as plain text: what a reader sees of a heading or a table-of-contents entry, with its
//! Markdown, MyST roles and HTML taken away and its words kept.

/// A title as plain text: emphasis marks, code marks, link and image syntax (their text kept),
/// escapes, a heading's closing `#`s and trailing `{#anchor}` / `{.class}` attributes, MyST roles
/// (``{doc}`Text <target>` `` gives `Text`), HTML tags and comments removed; HTML entities decoded;
/// control characters and runs of whitespace made single spaces; trimmed. Empty when nothing is
/// left (the caller falls back to another title).
///
/// What the author wrote as text stays text: `` `<div>` `` and `&lt;div&gt;` both give `<div>`.
pub fn plain_title(raw: &str) -> String {
    let text = strip_heading_ends(raw);
    if !text.bytes().any(is_markup) {
        return collapse(text);
    }
    collapse(&Scanner::new(text).run())
}

/// Bytes that may start markup; a title without any is only trimmed and collapsed.
fn is_markup(byte: u8) -> bool {
    matches!(
        byte,
        b'*' | b'_' | b'~' | b'`' | b'[' | b']' | b'\\' | b'{' | b'<' | b'&'
    )
}

/// Words separated by single spaces; control characters count as spaces.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|word| !word.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The title without a heading's closing `#`s and trailing attribute blocks, in any order.
fn strip_heading_ends(raw: &str) -> &str {
    let mut text = raw.trim_end();
    loop {
        let before = text.len();
        text = strip_closing_hashes(text);
        text = strip_attributes(text);
        if text.len() == before {
            return text;
        }
    }
}

/// `Title ##` -> `Title`; `C#` stays (the closing sequence follows a space).
fn strip_closing_hashes(text: &str) -> &str {
    let kept = text.trim_end_matches('#');
    if kept.len() == text.len() || !(kept.is_empty() || kept.ends_with([' ', '\t'])) {
        return text;
    }
    kept.trim_end()
}

/// `Title {#anchor .class key=value}` -> `Title`; `Sets {1, 2}` stays.
fn strip_attributes(text: &str) -> &str {
    let Some(inner) = text.strip_suffix('}') else {
        return text;
    };
    let Some(open) = inner.rfind('{') else {
        return text;
    };
    let attribute = |token: &str| {
        token.starts_with(['#', '.']) || token.contains('=') || token == "-" || token == ":"
    };
    let tokens = &inner[open + 1..];
    if tokens.contains('}') || tokens.trim().is_empty() || !tokens.split_whitespace().all(attribute)
    {
        return text;
    }
    inner[..open].trim_end()
}

/// A run of `*`, `_` or `~` written to the output, and how many of its marks are left unpaired.
struct Run {
    at: usize,
    mark: u8,
    length: usize,
    left: usize,
    opens: bool,
    closes: bool,
}

/// One pass over a title that writes its visible text, keeping emphasis runs aside to pair them
/// at the end.
struct Scanner<'a> {
    raw: &'a str,
    bytes: &'a [u8],
    out: String,
    runs: Vec<Run>,
    /// Each `[` with its matching `]`, in order.
    brackets: Vec<(usize, usize)>,
    /// Link texts being read: where each ends (its `]`) and where reading resumes after the
    /// destination. Innermost last.
    links: Vec<(usize, usize)>,
}

impl<'a> Scanner<'a> {
    fn new(raw: &'a str) -> Scanner<'a> {
        Scanner {
            raw,
            bytes: raw.as_bytes(),
            out: String::with_capacity(raw.len()),
            runs: Vec::new(),
            brackets: brackets(raw.as_bytes()),
            links: Vec::new(),
        }
    }

    fn run(mut self) -> String {
        let mut at = 0;
        while at < self.bytes.len() {
            at = self.step(at);
        }
        pair_runs(&mut self.runs);
        without_paired_marks(&self.out, &self.runs)
    }

    /// Reads what starts at `at`; returns where the next thing starts.
    fn step(&mut self, at: usize) -> usize {
        while self.links.last().is_some_and(|&(end, _)| end < at) {
            self.links.pop();
        }
        if let Some(&(end, resume)) = self.links.last()
            && end == at
        {
            self.links.pop();
            return resume;
        }
        let next = self.bytes.get(at + 1).copied();
        match self.bytes[at] {
            b'\\' if next.is_some_and(|byte| byte.is_ascii_punctuation()) => {
                self.out.push(char::from(next.unwrap_or(b'\\')));
                at + 2
            }
            b'`' => self.code_span(at, false),
            b'{' => self.role(at),
            b'<' => self.html(at),
            b'&' => self.entity(at),
            b'!' if next == Some(b'[') => self.link(at + 1),
            b'[' => self.link(at),
            b']' if next == Some(b'(') => destination_end(self.bytes, at + 1),
            b'*' | b'_' | b'~' => self.delimiter(at),
            _ => self.text(at),
        }
    }

    /// Plain text up to the next byte that may be markup.
    fn text(&mut self, at: usize) -> usize {
        let end = self.bytes[at + 1..]
            .iter()
            .position(|&byte| is_markup(byte) || byte == b'!')
            .map_or(self.bytes.len(), |offset| at + 1 + offset);
        self.out.push_str(&self.raw[at..end]);
        end
    }

    /// A code span's content, kept as written; unmatched backticks are text. With `role`, the
    /// content is a MyST role's: its `<target>` is dropped when text comes before it.
    fn code_span(&mut self, at: usize, role: bool) -> usize {
        let ticks = run_length(self.bytes, at, b'`');
        let Some(close) = closing_ticks(self.bytes, at + ticks, ticks) else {
            self.out.push_str(&self.raw[at..at + ticks]);
            return at + ticks;
        };
        let content = &self.raw[at + ticks..close];
        let shown = if role {
            role_text(content)
        } else {
            code_text(content)
        };
        self.out.push_str(shown);
        close + ticks
    }

    /// A MyST role, ``{name}`content` ``; else a literal `{`.
    fn role(&mut self, at: usize) -> usize {
        let name_end = self.bytes[at + 1..]
            .iter()
            .position(|&byte| !(byte.is_ascii_alphanumeric() || b"_:+.-".contains(&byte)))
            .map_or(self.bytes.len(), |offset| at + 1 + offset);
        let is_role = name_end > at + 1
            && self.bytes.get(name_end) == Some(&b'}')
            && self.bytes.get(name_end + 1) == Some(&b'`');
        if !is_role {
            self.out.push('{');
            return at + 1;
        }
        self.code_span(name_end + 1, true)
    }

    /// An HTML comment or tag (dropped; unclosed, it runs to the end), an autolink (its
    /// address kept), or a literal `<`.
    fn html(&mut self, at: usize) -> usize {
        let rest = &self.raw[at..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            return comment
                .find("-->")
                .map_or(self.bytes.len(), |end| at + 4 + end + 3);
        }
        if let Some(address) = autolink(rest) {
            self.out.push_str(address);
            return at + address.len() + 2;
        }
        if !is_tag_start(rest.as_bytes()) {
            self.out.push('<');
            return at + 1;
        }
        tag_end(self.bytes, at).unwrap_or(self.bytes.len())
    }

    /// An HTML entity, decoded; else a literal `&`.
    fn entity(&mut self, at: usize) -> usize {
        let rest = &self.raw[at + 1..];
        let found = rest.as_bytes()[..rest.len().min(12)]
            .iter()
            .position(|&byte| byte == b';')
            .and_then(|end| Some((decode_entity(&rest[..end])?, end)));
        match found {
            Some((decoded, end)) => {
                self.out.push(decoded);
                at + 1 + end + 1
            }
            None => {
                self.out.push('&');
                at + 1
            }
        }
    }

    /// `[text](destination)` or `[text][label]` (an image's `![alt]` too): the text is read on;
    /// the rest is skipped when the scan reaches the `]`. Other brackets are text.
    fn link(&mut self, at: usize) -> usize {
        let Some(close) = matching(&self.brackets, at) else {
            self.out.push('[');
            return at + 1;
        };
        let resume = match self.bytes.get(close + 1) {
            Some(b'(') => destination_end(self.bytes, close + 1),
            Some(b'[') => matching(&self.brackets, close + 1).map_or(close + 1, |end| end + 1),
            _ => {
                self.out.push('[');
                return at + 1;
            }
        };
        self.links.push((close, resume));
        at + 1
    }

    /// A run of emphasis or strikethrough marks, written out and kept aside with whether it
    /// can open or close (CommonMark's flanking rules, `_` not inside a word).
    fn delimiter(&mut self, at: usize) -> usize {
        let mark = self.bytes[at];
        let length = run_length(self.bytes, at, mark);
        let before = self.raw[..at].chars().next_back();
        let after = self.raw[at + length..].chars().next();
        let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
        let punctuation =
            |c: Option<char>| c.is_some_and(|c| !c.is_alphanumeric() && !c.is_whitespace());
        let left = !space(after) && (!punctuation(after) || space(before) || punctuation(before));
        let right = !space(before) && (!punctuation(before) || space(after) || punctuation(after));
        let (opens, closes) = if mark == b'_' {
            (
                left && (!right || punctuation(before)),
                right && (!left || punctuation(after)),
            )
        } else {
            (left, right)
        };
        self.runs.push(Run {
            at: self.out.len(),
            mark,
            length,
            left: length,
            opens,
            closes,
        });
        self.out.push_str(&self.raw[at..at + length]);
        at + length
    }
}

/// How many `mark` bytes start at `at`.
fn run_length(bytes: &[u8], at: usize, mark: u8) -> usize {
    bytes[at..].iter().take_while(|&&byte| byte == mark).count()
}

/// Where the run of exactly `ticks` backticks that closes a code span starts, searching from
/// `from`.
fn closing_ticks(bytes: &[u8], from: usize, ticks: usize) -> Option<usize> {
    let mut at = from;
    while let Some(offset) = bytes[at..].iter().position(|&byte| byte == b'`') {
        let start = at + offset;
        let length = run_length(bytes, start, b'`');
        if length == ticks {
            return Some(start);
        }
        at = start + length;
    }
    None
}

/// A code span's text: one space on each side is padding when both are there.
fn code_text(content: &str) -> &str {
    match content.strip_prefix(' ').and_then(|c| c.strip_suffix(' ')) {
        Some(inner) if !inner.trim().is_empty() => inner,
        _ => content,
    }
}

/// A role's visible text: `Text <target>` -> `Text`; `<target>` alone -> `target`.
fn role_text(content: &str) -> &str {
    let content = content.trim();
    if let Some(inner) = content.strip_suffix('>')
        && let Some(open) = inner.rfind('<')
    {
        let text = inner[..open].trim();
        return if text.is_empty() {
            &inner[open + 1..]
        } else {
            text
        };
    }
    content
}

/// `<scheme:address>`: the address, as CommonMark shows an autolink.
fn autolink(rest: &str) -> Option<&str> {
    let end = 1 + rest[1..].find(|c: char| c == '>' || c == '<' || c.is_whitespace())?;
    if rest.as_bytes()[end] != b'>' {
        return None;
    }
    let inner = &rest[1..end];
    let (scheme, _) = inner.split_once(':')?;
    let scheme_ok = (2..=32).contains(&scheme.len())
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+.-".contains(&b));
    scheme_ok.then_some(inner)
}

/// `<name`, `</name` followed by a space, `/`, `>` or the end; `<>` and `</>` (JSX fragments).
fn is_tag_start(bytes: &[u8]) -> bool {
    let name = if bytes.get(1) == Some(&b'/') { 2 } else { 1 };
    match bytes.get(name) {
        Some(b'>') => true,
        Some(first) if first.is_ascii_alphabetic() => {
            let end = bytes[name..]
                .iter()
                .position(|&b| !(b.is_ascii_alphanumeric() || b"-_.".contains(&b)))
                .map_or(bytes.len(), |offset| name + offset);
            bytes
                .get(end)
                .is_none_or(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>')
        }
        _ => false,
    }
}

/// Just past the `>` that ends the tag starting at `at`, outside quoted attribute values.
fn tag_end(bytes: &[u8], at: usize) -> Option<usize> {
    let mut quote = None;
    for (offset, &byte) in bytes[at..].iter().enumerate() {
        match (quote, byte) {
            (None, b'"' | b'\'') => quote = Some(byte),
            (Some(open), _) if open == byte => quote = None,
            (None, b'>') => return Some(at + offset + 1),
            _ => {}
        }
    }
    None
}

/// The character an entity's name (between `&` and `;`) stands for; a no-break space is a space.
fn decode_entity(name: &str) -> Option<char> {
    let code = if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
        u32::from_str_radix(hex, 16).ok()?
    } else if let Some(decimal) = name.strip_prefix('#') {
        decimal.parse::<u32>().ok()?
    } else {
        return match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some(' '),
            "ndash" => Some('\u{2013}'),
            "mdash" => Some('\u{2014}'),
            "hellip" => Some('\u{2026}'),
            _ => None,
        };
    };
    if name.len() < 2 || name.len() > 9 {
        return None;
    }
    Some(
        char::from_u32(code)
            .filter(|&c| c != '\0')
            .unwrap_or('\u{FFFD}'),
    )
}

/// Just past the `)` that ends a link destination opened at `open` (balanced parentheses,
/// escapes and `<...>` destinations); the end of the title when it is never closed.
fn destination_end(bytes: &[u8], open: usize) -> usize {
    let (mut depth, mut at, mut angled) = (0usize, open, false);
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 1,
            b'<' if at == open + 1 => angled = true,
            b'>' if angled => angled = false,
            b'(' if !angled => depth += 1,
            b')' if !angled => {
                depth -= 1;
                if depth == 0 {
                    return at + 1;
                }
            }
            _ => {}
        }
        at += 1;
    }
    bytes.len()
}

/// Each `[` paired with its `]` (escapes and code spans skipped), sorted by the `[`.
fn brackets(bytes: &[u8]) -> Vec<(usize, usize)> {
    let (mut pairs, mut open) = (Vec::new(), Vec::new());
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 1,
            b'`' => {
                let ticks = run_length(bytes, at, b'`');
                at = closing_ticks(bytes, at + ticks, ticks).map_or(at + ticks, |end| end + ticks)
                    - 1;
            }
            b'[' => open.push(at),
            b']' => pairs.extend(open.pop().map(|start| (start, at))),
            _ => {}
        }
        at += 1;
    }
    pairs.sort_unstable();
    pairs
}

/// The `]` that matches the `[` at `at`.
fn matching(pairs: &[(usize, usize)], at: usize) -> Option<usize> {
    let index = pairs.binary_search_by_key(&at, |&(open, _)| open).ok()?;
    Some(pairs[index].1)
}

/// Pairs openers with closers of the same mark, nearest first, as many marks as both have.
fn pair_runs(runs: &mut [Run]) {
    let mut openers: [Vec<usize>; 3] = Default::default();
    for index in 0..runs.len() {
        let kind = match runs[index].mark {
            b'*' => 0,
            b'_' => 1,
            _ => 2,
        };
        if runs[index].closes {
            while runs[index].left > 0
                && let Some(&opener) = openers[kind].last()
            {
                let paired = runs[opener].left.min(runs[index].left);
                runs[opener].left -= paired;
                runs[index].left -= paired;
                if runs[opener].left == 0 {
                    openers[kind].pop();
                }
            }
        }
        if runs[index].opens && runs[index].left > 0 {
            openers[kind].push(index);
        }
    }
}

/// The output with each run cut to its unpaired marks.
fn without_paired_marks(out: &str, runs: &[Run]) -> String {
    let mut text = String::with_capacity(out.len());
    let mut from = 0;
    for run in runs {
        text.push_str(&out[from..run.at]);
        text.push_str(&out[run.at..run.at + run.left]);
        from = run.at + run.length;
    }
    text.push_str(&out[from..]);
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn check(cases: &[(&str, &str)]) {
        for (raw, plain) in cases {
            assert_eq!(plain_title(raw), *plain, "{raw:?}");
        }
    }

    #[test]
    fn markdown_marks_go_and_their_words_stay() {
        check(&[
            ("*Ownership* and **borrowing**", "Ownership and borrowing"),
            ("__Strong__ _em_ ***both*** ~~gone~~", "Strong em both gone"),
            ("The `Vec<T>` type", "The Vec<T> type"),
            ("``a ` tick``", "a ` tick"),
            ("[Getting started](./intro.md) now", "Getting started now"),
            ("[Text][ref] and [more][]", "Text and more"),
            (
                "![Ferris](img/ferris.png \"crab\") says hi",
                "Ferris says hi",
            ),
            (
                "[**Bold** link](https://en.wikipedia.org/wiki/A_(b))",
                "Bold link",
            ),
            ("[![badge](b.svg)](https://ci)", "badge"),
            ("See <https://example.org/x>", "See https://example.org/x"),
            (
                r"\*Not\* emphasis \_either\_ \#1",
                "*Not* emphasis _either_ #1",
            ),
            ("Closing hashes ##", "Closing hashes"),
            ("Anchored {#install}", "Anchored"),
            ("Classy {.unnumbered #a key=v} ###", "Classy"),
            ("Unnumbered {-}", "Unnumbered"),
        ]);
    }

    #[test]
    fn what_is_not_markup_stays() {
        check(&[
            (
                "CONFIG_COMPAT vs CONFIG_KVM_COMPAT",
                "CONFIG_COMPAT vs CONFIG_KVM_COMPAT",
            ),
            ("Intro to part_b", "Intro to part_b"),
            ("2 * 3 and 5*3", "2 * 3 and 5*3"),
            ("C# and F#", "C# and F#"),
            ("Sets {1, 2}", "Sets {1, 2}"),
            ("Problem & Solutions", "Problem & Solutions"),
            ("a < b > c", "a < b > c"),
            ("[Draft] intro", "[Draft] intro"),
            ("~1 hour", "~1 hour"),
            ("`unclosed code", "`unclosed code"),
            ("  many \t spaces\u{7}here  ", "many spaces here"),
        ]);
    }

    #[test]
    fn myst_roles_keep_their_text() {
        check(&[
            (
                "{index}`OOP II: Building Classes <single: OOP II: Building Classes>`",
                "OOP II: Building Classes",
            ),
            ("{doc}`The intro <../intro>`", "The intro"),
            ("{ref}`my-label`", "my-label"),
            ("{doc}`<path/only>`", "path/only"),
            ("Squares: {math}`x^2`", "Squares: x^2"),
            ("{py:func}``weird`name``", "weird`name"),
            ("{not a role} here", "{not a role} here"),
        ]);
    }

    #[test]
    fn html_goes_and_entities_are_decoded() {
        check(&[
            ("<code>x</code> marks", "x marks"),
            ("<a id=\"x\"></a>Heading", "Heading"),
            ("<a name=\"top\">Top</a>", "Top"),
            ("<span title=\"a>b\">Quoted</span>", "Quoted"),
            ("Before <!-- a note --> after", "Before after"),
            ("Cut <!-- never closed", "Cut"),
            ("<Tip>Hint</Tip> <br/> <>x</>", "Hint x"),
            (
                "Tom &amp; Jerry&nbsp;&quot;show&quot; &#39;s&#x2019;",
                "Tom & Jerry \"show\" 's\u{2019}",
            ),
            ("&lt;div&gt; is text", "<div> is text"),
            ("&unknown; &#0; &", "&unknown; \u{FFFD} &"),
            ("<a id=\"x\"></a>", ""),
            ("{#only-an-anchor}", ""),
        ]);
    }

    /// A piece of a title in some markup, with what a reader sees of it.
    fn piece() -> impl Strategy<Value = (String, String)> {
        let word = "[A-Za-z\u{e9}\u{df}][a-z0-9\u{fc}]{0,6}";
        let forms: Vec<(&str, &str)> = vec![
            ("W", "W"),
            ("*W*", "W"),
            ("**W**", "W"),
            ("_W_", "W"),
            ("__W__", "W"),
            ("***W***", "W"),
            ("~~W~~", "W"),
            ("`W`", "W"),
            ("`` W ``", "W"),
            ("[W](https://example.org/a_(b) \"t\")", "W"),
            ("[W][ref]", "W"),
            ("[**W**](<a b>)", "W"),
            ("![W](img.png)", "W"),
            ("<code>W</code>", "W"),
            ("<a id=\"x\"></a>W", "W"),
            ("<span class='a>b'>W</span>", "W"),
            ("{doc}`W <p/q.md>`", "W"),
            ("{index}`W <single: W>`", "W"),
            ("{ref}`W`", "W"),
            ("<!-- note -->W", "W"),
            ("W&amp;W", "W&W"),
            ("W&nbsp;W", "W W"),
            (r"\*W\*", "*W*"),
        ];
        (prop::sample::select(forms), word)
            .prop_map(|((form, shown), word)| (form.replace('W', &word), shown.replace('W', &word)))
    }

    proptest! {
        #[test]
        fn markup_goes_and_the_words_stay(
            pieces in prop::collection::vec(piece(), 1..8),
            end in prop::sample::select(vec!["", " ##", " {#anchor}", " {.class} #"]),
        ) {
            let raw: Vec<&str> = pieces.iter().map(|(raw, _)| raw.as_str()).collect();
            let shown: Vec<&str> = pieces.iter().map(|(_, shown)| shown.as_str()).collect();
            let plain = plain_title(&format!("{}{end}", raw.join(" ")));
            prop_assert_eq!(&plain, &shown.join(" "));
            prop_assert!(!plain.contains('`') && !plain.contains("](") && !plain.contains('<'));
        }

        #[test]
        fn plain_text_is_only_trimmed_and_collapsed(raw in "[A-Za-z0-9 \t.,:;!?'\"()/+=%$@\u{e9}\u{fc}-]{0,40}") {
            prop_assert_eq!(plain_title(&raw), raw.split_whitespace().collect::<Vec<_>>().join(" "));
        }

        #[test]
        fn any_text_gives_a_tidy_line(raw in "[a-z *_~`\\\\\\[\\]()!{}<>&#;:/\"' \t\n\u{1}-]{0,60}") {
            let plain = plain_title(&raw);
            prop_assert_eq!(plain.trim(), plain.as_str());
            prop_assert!(!plain.contains("  ") && !plain.contains(char::is_control));
        }
    }
}
