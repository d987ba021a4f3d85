//! The fuzz targets' properties (see fuzz/), as property tests that run on stable Rust in the
//! normal suite: no input makes the frontmatter reader, the duration parser, the loader or the
//! planner panic, and whatever loads can be planned (pages with errors left out).

use learnpath::curriculum::duration::parse_minutes;
use learnpath::curriculum::page;
use learnpath::plan::{Planner, Selection, Settings, WeeklyMinutes};
use learnpath::{Source, open};
use proptest::prelude::*;
use std::sync::Arc;

/// Pieces of frontmatter, good and bad, to build pages from.
fn fragment() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "estimated_time: \"30 min\"\n",
        "estimated_time: 1h30m\n",
        "estimated_time: \"0 min\"\n",
        "estimated_time: ~\n",
        "level: intermediate\n",
        "level: [x]\n",
        "title: T\n",
        "prerequisites: [a.md]\n",
        "prerequisites: [b.md, c.md]\n",
        "prerequisites:\n  - d/e.md\n",
        "prerequisites: ../x.md\n",
        "prerequisites: [a.md, a.md]\n",
        "tags: [x, y]\n",
        "next_recommended: [zz.md]\n",
        "a: &a [1, 2]\nb: *a\n",
        "\t- tab\n",
        "key: \"unclosed\n",
        "x: {y: [z]}\n",
        "---\n",
        "...\n",
        "# heading\n",
        "\u{feff}",
        "\r\n",
        "é: ü\n",
    ])
    .prop_map(str::to_string)
}

fn page_text() -> impl Strategy<Value = String> {
    (
        any::<bool>(),
        prop::collection::vec(fragment(), 0..8),
        any::<bool>(),
    )
        .prop_map(|(open, fragments, close)| {
            let mut text = String::new();
            if open {
                text.push_str("---\n");
            }
            text.push_str(&fragments.concat());
            if close {
                text.push_str("---\n# Title\n");
            }
            text
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_are_read_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..400), truncated in any::<bool>()) {
        let mut diagnostics = Vec::new();
        page::parse("a/b.md", "a/b.md", &bytes, truncated, &page::Reading { estimate: truncated, ..Default::default() }, &mut diagnostics);
    }

    #[test]
    fn any_page_is_read_without_panic(text in page_text()) {
        let mut diagnostics = Vec::new();
        let parsed = page::parse("a/b.md", "a/b.md", text.as_bytes(), false, &page::Reading { estimate: true, ..Default::default() }, &mut diagnostics);
        // A broken page always says why.
        if matches!(parsed, page::Page::Broken) {
            prop_assert!(diagnostics.iter().any(|d| d.is_error()));
        }
    }

    #[test]
    fn any_duration_text_is_parsed_without_panic(text in "\\PC{0,20}") {
        if let Ok(minutes) = parse_minutes(&text) {
            prop_assert!((1..=6000).contains(&minutes));
        }
    }

    #[test]
    fn any_curriculum_loads_and_plans_without_panic(
        pages in prop::collection::vec((prop::sample::select(vec!["a.md", "b.md", "c.md", "d/e.md", "d/f.md", "README.md"]), page_text()), 0..6),
        hours in 1u32..40,
    ) {
        let mut files: Vec<(String, Vec<u8>)> = pages.into_iter().map(|(path, text)| (path.to_string(), text.into_bytes())).collect();
        // A manifest whose one specialization is the folder `d`, which always has a document.
        files.push(("d/base.md".to_string(), b"---\nestimated_time: \"20 min\"\n---\n# Base\n".to_vec()));
        files.push((
            "learnpath.yaml".to_string(),
            b"name: M\nparts:\n  - id: \"1\"\n    title: P\n    sections:\n      - id: \"1.1\"\n        title: D\n        folders: [d]\nspecializations:\n  - section: \"1.1\"\n".to_vec(),
        ));
        let source = Source::Memory(Arc::new(files));
        let report = learnpath::validate::validate(&source).unwrap();
        match open(&source) {
            Ok(opened) => {
                // Pages with errors are left out of plans, not a reason to refuse them; both
                // count the same errors.
                prop_assert_eq!(report.ok, opened.error_count() == 0);
                let other = &opened.curriculum.other_pages;
                if report.ok {
                    prop_assert!(other.broken.is_empty() && other.left_out.is_empty());
                }
                let curriculum = &opened.curriculum;
                let done = learnpath::plan::DoneSet::none(curriculum);
                let needed: Vec<bool> = vec![true; curriculum.docs.len()];
                let order = opened.graph.topological_order(&needed, |_| 0u8);
                prop_assert_eq!(order.len(), curriculum.docs.len());
                let settings = Settings::new("2027-01-04".parse().unwrap(), WeeklyMinutes::from_hours(f64::from(hours)).unwrap(), None, None);
                let selection = Selection::specializations(curriculum, vec![learnpath::curriculum::SpecId(0)]).unwrap();
                let plan = Planner::new(curriculum, &opened.graph, selection, &done).plan(&settings).unwrap();
                let section_docs = curriculum.specialization_section(learnpath::curriculum::SpecId(0)).docs.len();
                prop_assert!(plan.summary.documents >= section_docs && plan.summary.documents <= curriculum.docs.len());
            }
            Err(error) => {
                prop_assert!(!report.ok);
                prop_assert_eq!(error.code(), 65);
            }
        }
    }
}
