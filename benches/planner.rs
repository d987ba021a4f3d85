//! Micro-benchmarks (divan): parse one frontmatter; load and build the graph; schedule; at
//! 1k, 10k and 100k synthetic documents held in memory (no disk in the loop).
//!
//! cargo bench --bench planner

#[path = "../examples/synth/generate.rs"]
mod generate;

use learnpath::plan::{Planner, Selection, Settings, WeeklyMinutes};
use learnpath::{Opened, Source, open};
use std::sync::Arc;

fn main() {
    divan::main();
}

fn source(docs: usize) -> Source {
    let files = generate::generate(docs, 1)
        .into_iter()
        .map(|file| (file.path, file.text.into_bytes()))
        .collect();
    Source::Memory(Arc::new(files))
}

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

#[divan::bench]
fn parse_one_frontmatter(bencher: divan::Bencher) {
    let files = generate::generate(10, 1);
    let page = files[3].text.as_bytes();
    bencher.bench(|| {
        let mut diagnostics = Vec::new();
        learnpath::curriculum::page::parse(
            "a/b.md",
            "a/b.md",
            divan::black_box(page),
            false,
            &learnpath::curriculum::page::Reading::default(),
            &mut diagnostics,
        )
    });
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn load_and_graph(bencher: divan::Bencher, docs: usize) {
    let source = source(docs);
    bencher.bench(|| open(divan::black_box(&source)).unwrap());
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn schedule(bencher: divan::Bencher, docs: usize) {
    let Opened {
        curriculum, graph, ..
    } = open(&source(docs)).unwrap();
    let specs = vec![
        curriculum.find_specialization("5.1").unwrap(),
        curriculum.find_specialization("5.2").unwrap(),
    ];
    let selection = Selection::specializations(&curriculum, specs).unwrap();
    let done = learnpath::plan::DoneSet::none(&curriculum);
    let settings = Settings::new(
        "2027-01-04".parse().unwrap(),
        WeeklyMinutes::from_hours(10.0).unwrap(),
        None,
        None,
    );
    bencher.bench(|| {
        let planner = Planner::new(&curriculum, &graph, selection.clone(), &done);
        planner.plan(&settings).unwrap()
    });
}
