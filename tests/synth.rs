//! The synthetic curriculum generator (examples/synth) makes curricula that load, validate
//! clean and plan; the same seed gives the same bytes.

#[path = "../examples/synth/foreign.rs"]
mod foreign;
#[path = "../examples/synth/generate.rs"]
mod generate;

use learnpath::plan::{Planner, Selection, Settings, WeeklyMinutes};
use learnpath::validate::validate;
use learnpath::{Source, open};
use sha2::{Digest, Sha256};
use std::sync::Arc;

fn memory(docs: usize, seed: u64) -> Source {
    in_memory(generate::generate(docs, seed))
}

fn in_memory(files: Vec<generate::File>) -> Source {
    let files = files
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

/// Every benchmark figure so far was measured on the classic shape: it must not change.
#[test]
fn the_classic_shape_is_the_same_as_before() {
    let mut digest = Sha256::new();
    for file in generate::generate(1000, 1) {
        digest.update(file.path.as_bytes());
        digest.update([0]);
        digest.update(file.text.as_bytes());
        digest.update([0]);
    }
    let hex: String = digest
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(
        hex,
        "3f46f9d1e76f20d017405644348e58d3c038f7fe86f4d33f13484b23483509f8"
    );
}

#[test]
fn the_foreign_shape_has_no_manifest_and_the_same_seed_gives_the_same_curriculum() {
    let files = foreign::generate(1000, 3);
    assert_eq!(files.len(), 1000);
    assert!(files.iter().all(|file| file.path.ends_with(".md")));
    let hugo = files
        .iter()
        .filter(|file| file.path.ends_with("/_index.md"));
    assert_eq!(hugo.count(), 240);
    let texts = |seed| {
        foreign::generate(200, seed)
            .into_iter()
            .map(|f| f.path + &f.text)
            .collect::<Vec<_>>()
    };
    assert_eq!(texts(3), texts(3));
    assert_ne!(texts(3), texts(4));
}

#[test]
fn foreign_curricula_load_and_validate_clean() {
    let source = in_memory(foreign::generate(1000, 7));
    let report = validate(&source).unwrap();
    assert!(report.ok, "{:?}", report.errors);
    assert_eq!(report.counts.documents, 1000);
    assert!(report.counts.prerequisite_links > 1000);
}

/// The SVG layout of a generated curriculum of 300 documents (hundreds of arrows across
/// sections): boxes apart, every arrow around the boxes it does not start or end at.
#[test]
fn the_layout_of_a_generated_curriculum_keeps_boxes_apart_and_arrows_around_them() {
    use learnpath::diagram::{Subject, layout::layout, of_subject};
    use learnpath::plan::DoneSet;
    let opened = open(&memory(300, 3)).unwrap();
    let curriculum = &opened.curriculum;
    let done = DoneSet::none(curriculum);
    let diagram = of_subject(curriculum, &opened.graph, Subject::Curriculum, &done);
    let placed = layout(&diagram);
    let boxes: Vec<_> = placed.nodes.iter().map(|node| node.rect).collect();
    assert!(diagram.edges.len() > 150);
    for (i, a) in boxes.iter().enumerate() {
        assert!(a.right() <= placed.width && a.bottom() <= placed.height);
        for b in &boxes[i + 1..] {
            let apart =
                a.right() <= b.x || b.right() <= a.x || a.bottom() <= b.y || b.bottom() <= a.y;
            assert!(apart, "{a:?} {b:?}");
        }
    }
    for points in &placed.edges {
        for pair in points.windows(2) {
            let ((x1, y1), (x2, y2)) = (pair[0], pair[1]);
            for rect in &boxes {
                let inside = |x: f64, y: f64| {
                    x > rect.x + 0.5
                        && x < rect.right() - 0.5
                        && y > rect.y + 0.5
                        && y < rect.bottom() - 0.5
                };
                let crosses = (0..=100).any(|step| {
                    let t = f64::from(step) / 100.0;
                    inside(x1 + (x2 - x1) * t, y1 + (y2 - y1) * t)
                });
                assert!(!crosses, "an arrow crosses {rect:?}");
            }
        }
    }
}
