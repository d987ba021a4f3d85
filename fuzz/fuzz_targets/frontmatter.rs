//! The frontmatter splitter, both YAML readers (the fast flat one and the full one) and the
//! duration parser, on any bytes. A panic is a finding.
#![no_main]

use learnpath::curriculum::duration::parse_minutes;
use learnpath::curriculum::page::{self, Page};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut diagnostics = Vec::new();
    let truncated = data.first().is_some_and(|byte| byte % 2 == 1);
    let parsed = page::parse("a/b.md", "a/b.md", data, truncated, &page::Reading { estimate: true, ..Default::default() }, &mut diagnostics);
    if matches!(parsed, Page::Broken) {
        assert!(diagnostics.iter().any(|d| d.is_error()), "a broken page must say why");
    }
    if let Page::Study(study) = parsed {
        assert!((1..=6000).contains(&study.minutes));
    }
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(minutes) = parse_minutes(text) {
            assert!((1..=6000).contains(&minutes));
        }
    }
});
