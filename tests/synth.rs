//! The synthetic curriculum generator (examples/synth) makes curricula that load, validate
//! clean and plan; the same seed gives the same bytes.

#[path = "../examples/synth/generate.rs"]
mod generate;

use learnpath::plan::{Planner, Selection, Settings, WeeklyMinutes};
use learnpath::validate::validate;
use learnpath::{Source, open};
use std::sync::Arc;

fn memory(docs: usize, seed: u64) -> Source {
    let files = generate::generate(docs, seed)
        .into_iter()
        .map(|file| (file.path, file.text.into_bytes()))
        .collect();
    Source::Memory(Arc::new(files))
}

#[test]
fn generated_curricula_load_validate_clean_and_plan() {
    for (docs, seed) in [(300, 1), (1000, 7)] {
        let source = memory(docs, seed);
        let report = validate(&source).unwrap();
        assert!(report.ok, "{:?}", report.errors);
        assert!(report.warnings.is_empty(), "{:?}", report.warnings);
        assert_eq!(report.counts.documents, docs);
        assert_eq!(report.counts.specializations, generate::SPECIALIZATIONS);
        assert!(report.counts.prerequisite_links > docs / 2);

        let opened = open(&source).unwrap();
        let curriculum = &opened.curriculum;
        let specs = vec![
            curriculum.find_specialization("5.1").unwrap(),
            curriculum.find_specialization("5.2").unwrap(),
        ];
        let selection = Selection::specializations(curriculum, specs).unwrap();
        let planner = Planner::new(
            curriculum,
            &opened.graph,
            selection,
            &learnpath::plan::DoneSet::none(curriculum),
        );
        let settings = Settings::new(
            "2027-01-04".parse().unwrap(),
            WeeklyMinutes::from_hours(10.0).unwrap(),
            None,
            None,
        );
        let plan = planner.plan(&settings).unwrap();
        assert!(
            plan.summary.documents >= 80,
            "both specializations and their prerequisites"
        );
        assert_eq!(plan.summary.specializations.len(), 2);
    }
}

#[test]
fn the_same_seed_gives_the_same_curriculum() {
    let texts = |seed| {
        generate::generate(200, seed)
            .into_iter()
            .map(|f| f.path + &f.text)
            .collect::<Vec<_>>()
    };
    assert_eq!(texts(3), texts(3));
    assert_ne!(texts(3), texts(4));
}
