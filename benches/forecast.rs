//! Micro-benchmarks (divan): the finish-date forecast on a fresh calendar each time (as a
//! `status` would), for about the embedded curriculum's size (60 documents) and for 10,000
//! documents; before any logged document and with 8 logged. `prior` and `history` place each
//! run on the fluid calendar; `packed` packs each run as a plan is packed (filled sittings, what
//! `plan` and `status` do), with 1,000 runs up to 1,000 documents and fewer past that.
//!
//! cargo bench --bench forecast

use learnpath::availability::{Availability, DateRange};
use learnpath::curriculum::DocId;
use learnpath::plan::fill::Queue;
use learnpath::plan::forecast::{Capacity, Logged, forecast};
use learnpath::plan::runs::Packing;
use learnpath::plan::{DoneSet, Planner, Selection, Settings, WeeklyMinutes};

fn main() {
    divan::main();
}

const SIZES: [usize; 2] = [60, 10_000];

/// Documents of 15 to 120 minutes, as the curriculum's.
fn remaining(documents: usize) -> Vec<u32> {
    (0..documents as u32).map(|i| 15 + (i * 37) % 106).collect()
}

/// 5 h a week from 2027-01-04, with a skipped fortnight.
fn calendar() -> (Settings, Availability) {
    let settings = Settings::new(
        "2027-01-04".parse().unwrap(),
        WeeklyMinutes::from_hours(5.0).unwrap(),
        None,
        None,
    );
    let skip = DateRange::new("2027-03-01".parse().unwrap(), "2027-03-14".parse().unwrap());
    let availability = Availability {
        skip: skip.into_iter().collect(),
        busy: None,
    };
    (settings, availability)
}

fn logged() -> Vec<Logged> {
    (0..8u32)
        .map(|i| Logged {
            estimated: 30 + 10 * i,
            actual: 35 + 12 * i,
        })
        .collect()
}

#[divan::bench(args = SIZES, sample_count = 20)]
fn prior(bencher: divan::Bencher, documents: usize) {
    let (settings, availability) = calendar();
    let remaining = remaining(documents);
    bencher.bench(|| {
        let mut capacity = Capacity::new(&settings, &availability);
        forecast(divan::black_box(&remaining), &[], &mut capacity, None).unwrap()
    });
}

#[divan::bench(args = SIZES, sample_count = 20)]
fn history(bencher: divan::Bencher, documents: usize) {
    let (settings, availability) = calendar();
    let (remaining, logged) = (remaining(documents), logged());
    let by = Some("2028-01-01".parse().unwrap());
    bencher.bench(|| {
        let mut capacity = Capacity::new(&settings, &availability);
        forecast(divan::black_box(&remaining), &logged, &mut capacity, by).unwrap()
    });
}

/// The documents as a plan's queue: each requires the one before it and the one seven before.
fn queue(documents: usize) -> Queue {
    let minutes = remaining(documents);
    let docs = (0..documents).map(DocId).collect();
    Queue::new(docs, minutes, |i| {
        [i.checked_sub(1), i.checked_sub(7)]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
    })
}

/// Each run packed as a plan is packed (what `plan` does up to `PACKED_UP_TO` documents).
#[divan::bench(args = [60, 200], sample_count = 10)]
fn packed(bencher: divan::Bencher, documents: usize) {
    let (settings, availability) = calendar();
    let queue = queue(documents);
    let remaining = queue.minutes().to_vec();
    bencher.bench(|| {
        let mut packing = Packing::new(
            queue.clone(),
            None,
            &settings,
            &availability,
            learnpath::plan::review::Reserved::none(),
        );
        forecast(divan::black_box(&remaining), &[], &mut packing, None).unwrap()
    });
}

/// A curriculum of `documents` pages in memory, each requiring the one before it.
fn curriculum(documents: usize) -> learnpath::Opened {
    let files = (0..documents)
        .map(|i| {
            let requires = match i {
                0 => String::new(),
                _ => format!("prerequisites: [d{:05}.md]\n", i - 1),
            };
            let page = format!(
                "---\nestimated_time: \"{} min\"\n{requires}---\n# D{i}\n",
                15 + (i * 37) % 106
            );
            (format!("d{i:05}.md"), page.into_bytes())
        })
        .collect();
    learnpath::open(&learnpath::Source::Memory(std::sync::Arc::new(files))).unwrap()
}

/// `Planner::forecast` as `plan` and `status` make it: packed runs up to `PACKED_UP_TO`
/// documents, the plan's own sittings past that.
#[divan::bench(args = SIZES, sample_count = 10)]
fn plan_forecast(bencher: divan::Bencher, documents: usize) {
    let (settings, _) = calendar();
    let opened = curriculum(documents);
    let all: Vec<DocId> = (0..documents).map(DocId).collect();
    let selection = Selection::documents(all, Vec::new());
    let done = DoneSet::none(&opened.curriculum);
    let planner = Planner::new(&opened.curriculum, &opened.graph, selection, &done);
    let plan = planner.plan(&settings).unwrap();
    bencher.bench(|| {
        planner
            .forecast(divan::black_box(&plan), &[], None)
            .unwrap()
    });
}
