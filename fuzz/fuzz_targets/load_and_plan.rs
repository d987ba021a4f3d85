//! A whole curriculum in memory, loaded, validated and planned. The input is split at NUL
//! bytes into pages named from a small set of paths (so that links can resolve), after a
//! manifest whose one specialization is the folder `d`. A panic is a finding; so is a
//! curriculum that loads but cannot be planned, or a plan that breaks its invariants.
#![no_main]

use learnpath::plan::{Planner, Selection, Settings, WeeklyMinutes};
use learnpath::{Source, open};
use libfuzzer_sys::fuzz_target;
use std::sync::Arc;

const PATHS: [&str; 8] = ["a.md", "b.md", "c.md", "d/e.md", "d/f.md", "d/g/h.md", "README.md", "x/y.md"];
const MANIFEST: &str = "name: F\nparts:\n  - id: \"1\"\n    title: P\n    sections:\n      - id: \"1.1\"\n        title: D\n        folders: [d]\nspecializations:\n  - section: \"1.1\"\n";

fuzz_target!(|data: &[u8]| {
    let mut files: Vec<(String, Vec<u8>)> = data
        .split(|&byte| byte == 0)
        .zip(PATHS)
        .map(|(bytes, path)| (path.to_string(), bytes.to_vec()))
        .collect();
    files.push(("learnpath.yaml".to_string(), MANIFEST.as_bytes().to_vec()));
    let source = Source::Memory(Arc::new(files));
    let report = learnpath::validate::validate(&source).expect("memory sources have no I/O");
    let Ok(opened) = open(&source) else {
        assert!(!report.ok);
        return;
    };
    assert!(report.ok);
    let curriculum = &opened.curriculum;
    let Ok(selection) = Selection::specializations(curriculum, vec![learnpath::curriculum::SpecId(0)]) else {
        return; // the specialization has no documents
    };
    let done = learnpath::plan::DoneSet::none(curriculum);
    let weekly = WeeklyMinutes::from_hours(f64::from(data.len() as u32 % 40 + 1)).unwrap();
    let settings = Settings::new("2027-01-04".parse().unwrap(), weekly, None, None);
    let plan = Planner::new(curriculum, &opened.graph, selection, &done)
        .plan(&settings)
        .expect("a valid curriculum can be planned");
    let session = settings.effective_session();
    for pair in plan.sessions.windows(2) {
        assert!(pair[0].date < pair[1].date);
    }
    for s in &plan.sessions {
        assert!(s.minutes <= session && s.minutes > 0);
    }
});
