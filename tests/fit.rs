//! The learner's own memory (`review --fit`): a simulated learner whose memory follows FSRS
//! with other parameters than the defaults reviews the embedded curriculum's documents when
//! they fall due; the parameters fitted to that history predict it better than the defaults,
//! and once saved, the reviews listed follow them.

mod common;

use chrono::{Days, NaiveDate};
use common::Learner;
use fsrs::{DEFAULT_PARAMETERS, FSRS, FSRSItem, FSRSReview};
use learnpath::memory::{self, FIT_LEAST_REVIEWS, Fit, Memory, MemoryStore, Retention, Review};
use learnpath::progress::{Grade, Progress, ProgressStore, ReviewRecord};
use learnpath::{Curriculum, Source, open};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The first document is done on this day, the next one a day later, and so on.
const FIRST_DONE: &str = "2026-01-05";

/// The simulated learner's memory: FSRS with the stability-related parameters changed, so
/// that they forget faster than the average learner (lower initial stabilities, smaller gains
/// in stability from a successful review).
fn learners_parameters() -> [f32; 21] {
    let mut parameters = DEFAULT_PARAMETERS;
    for initial in &mut parameters[..4] {
        *initial *= 0.35;
    }
    parameters[8] -= 0.6;
    parameters
}

/// A history of `documents` of the curriculum, each done on its day and then reviewed
/// `reviews_each` times, each on the day `review` lists it as due with the default parameters
/// (or a day or two late): graded again when a uniform draw exceeds the learner's true recall
/// that day, good otherwise. The day after the last review is returned with it.
fn simulate(
    curriculum: &Curriculum,
    documents: usize,
    reviews_each: usize,
    seed: u64,
) -> (Progress, NaiveDate) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let truth = FSRS::new(&learners_parameters()).unwrap();
    let decay = learners_parameters()[20];
    let first: NaiveDate = FIRST_DONE.parse().unwrap();
    let mut progress = Progress::default();
    let mut last = first;
    for (index, id) in curriculum.ids().take(documents).enumerate() {
        let path = &curriculum.doc(id).path;
        let done = first + Days::new(index as u64);
        progress.mark(path, done);
        let mut history = vec![Review {
            date: done,
            grade: Grade::Good,
        }];
        for _ in 0..reviews_each {
            let scheduled = Memory::default()
                .recall(&history, done, Retention::DEFAULT)
                .unwrap()
                .due;
            let late = match rng.random::<f64>() {
                draw if draw < 0.6 => 0,
                draw if draw < 0.85 => 1,
                _ => 2,
            };
            let date = scheduled + Days::new(late);
            let recall = true_recall(&truth, decay, &history, date);
            let grade = if rng.random::<f32>() > recall {
                Grade::Again
            } else {
                Grade::Good
            };
            history.push(Review { date, grade });
            let record = ReviewRecord {
                date,
                grade,
                took: None,
            };
            progress.record_review(path, record);
            last = last.max(date);
        }
    }
    (progress, last + Days::new(1))
}

/// The learner's true recall on `date` of a document with this history.
fn true_recall(truth: &FSRS, decay: f32, history: &[Review], date: NaiveDate) -> f32 {
    let mut previous = history[0].date;
    let reviews = history
        .iter()
        .map(|review| {
            let delta_t = (review.date - previous).num_days() as u32;
            previous = review.date;
            FSRSReview {
                rating: review.grade.rating(),
                delta_t,
            }
        })
        .collect();
    let state = truth.memory_state(FSRSItem { reviews }, None).unwrap();
    let elapsed = (date - previous).num_days() as f32;
    fsrs::current_retrievability(state, elapsed, decay)
}

/// The embedded curriculum.
fn curriculum() -> Curriculum {
    open(&Source::Embedded).unwrap().curriculum
}

#[test]
fn the_fit_predicts_a_learner_who_forgets_faster_better_than_the_defaults() {
    let curriculum = curriculum();
    let (progress, _) = simulate(&curriculum, 60, 8, 7);
    let started = std::time::Instant::now();
    let Fit::Fitted(fitted) = memory::fit::fit(&curriculum, &progress) else {
        panic!("no fit");
    };
    eprintln!("fitted 480 reviews in {:?}", started.elapsed());
    assert_eq!((fitted.reviews, fitted.documents), (480, 60));
    assert!(fitted.is_better(), "{fitted:?}");
    assert!(
        fitted.log_loss_fitted < fitted.log_loss_default,
        "{fitted:?}"
    );
    // The learner forgets faster than the average: after a first reading graded good, the
    // fitted stability is well below the default's.
    assert!(
        fitted.parameters[2] < DEFAULT_PARAMETERS[2] * 0.6,
        "{:?}",
        fitted.parameters
    );
    assert!(Memory::with_parameters(&fitted.parameters).is_ok());
}

#[test]
fn fewer_reviews_than_needed_are_counted_and_not_fitted() {
    let curriculum = curriculum();
    let (progress, _) = simulate(&curriculum, 60, 6, 7);
    assert_eq!(
        memory::fit::fit(&curriculum, &progress),
        Fit::TooFew {
            reviews: 360,
            documents: 60,
            needed: FIT_LEAST_REVIEWS
        }
    );
    assert_eq!(
        memory::fit::fit(&curriculum, &Progress::default()),
        Fit::TooFew {
            reviews: 0,
            documents: 0,
            needed: FIT_LEAST_REVIEWS
        }
    );
}

#[test]
fn each_review_a_day_or_more_after_the_one_before_is_one_item_with_its_history() {
    let curriculum = curriculum();
    let path = &curriculum.doc(curriculum.ids().next().unwrap()).path;
    let day = |text: &str| text.parse::<NaiveDate>().unwrap();
    let mut progress = Progress::default();
    progress.mark(path, day("2027-01-04"));
    for (date, grade) in [
        ("2027-01-04", Grade::Again),
        ("2027-01-07", Grade::Good),
        ("2027-01-20", Grade::Hard),
    ] {
        let record = ReviewRecord {
            date: day(date),
            grade,
            took: None,
        };
        progress.record_review(path, record);
    }
    let items = memory::fit::items(&curriculum, &progress);
    let steps = |item: &FSRSItem| -> Vec<(u32, u32)> {
        let reviews = item.reviews.iter();
        reviews.map(|r| (r.rating, r.delta_t)).collect()
    };
    let found: Vec<Vec<(u32, u32)>> = items.items.iter().map(steps).collect();
    // The review on the day it was done is history, not a prediction.
    assert_eq!(
        found,
        [
            vec![(3, 0), (1, 0), (3, 3)],
            vec![(3, 0), (1, 0), (3, 3), (2, 13)]
        ]
    );
    assert_eq!((items.reviews(), items.documents), (2, 1));
    assert_eq!(items.card_ids, [0, 0]);
}

/// The documents `review --format json` lists as due, with their due dates.
fn listed(learner: &Learner, today: &str) -> Vec<(String, String)> {
    let run = learner.run(&["review", "--today", today, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&run.code(0).stdout).unwrap();
    let due = json["due"].as_array().unwrap().iter();
    due.map(|doc| {
        (
            doc["path"].as_str().unwrap().into(),
            doc["due"].as_str().unwrap().into(),
        )
    })
    .collect()
}

#[test]
fn review_fit_saves_the_parameters_and_the_reviews_listed_follow_them() {
    let curriculum = curriculum();
    let (progress, today) = simulate(&curriculum, 60, 8, 11);
    let today = today.to_string();
    let learner = Learner::new();
    let store = ProgressStore::new(learner.path("progress.yaml"));
    let write = |kept: &mut Progress| {
        *kept = progress.clone();
        Ok(())
    };
    store.update(write).unwrap();
    let with_defaults = listed(&learner, &today);

    let run = learner.run(&["review", "--fit", "--today", &today, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&run.code(0).stdout).unwrap();
    let memory_file = learner.path("memory.yaml");
    assert_eq!(json["path"], memory_file.display().to_string());
    assert_eq!(
        (json["reviews"].as_u64(), json["documents"].as_u64()),
        (Some(480), Some(60))
    );
    let losses = (
        json["log_loss_default"].as_f64(),
        json["log_loss_fitted"].as_f64(),
    );
    assert!(losses.1 < losses.0, "{json}");

    let saved = MemoryStore::new(&memory_file).load().unwrap().unwrap();
    assert_eq!(saved.fitted_on.to_string(), today);
    assert_eq!((saved.reviews, saved.documents), (480, 60));
    let fitted = saved.memory().unwrap();
    let day: NaiveDate = today.parse().unwrap();
    let expected: Vec<(String, String)> =
        (fitted.due(&curriculum, &progress, day, Retention::DEFAULT))
            .iter()
            .map(|(id, recall)| (curriculum.doc(*id).path.clone(), recall.due.to_string()))
            .collect();
    let with_yours = listed(&learner, &today);
    assert_eq!(with_yours, expected);
    // This learner forgets faster than the average: with their own parameters every review
    // the defaults list is due as soon or sooner, most of them sooner.
    let yours: std::collections::BTreeMap<_, _> = with_yours.into_iter().collect();
    let sooner = (with_defaults.iter())
        .filter(|(path, due)| {
            assert!(yours[path] <= *due, "{path}: {} after {due}", yours[path]);
            yours[path] < *due
        })
        .count();
    assert!(
        sooner * 2 > with_defaults.len(),
        "{sooner} of {with_defaults:?}"
    );

    // Recording a review says when the next is due with the learner's parameters too.
    let (path, _) = &expected[0];
    let run = learner.run(&["review", path, "--grade", "good", "--today", &today]);
    let after = store.load().unwrap();
    let next = fitted
        .of(&after, path, day, Retention::DEFAULT)
        .unwrap()
        .due;
    run.code(0)
        .stdout_has(&[&format!("; next review {next}\n")]);
}

#[test]
fn a_document_reviewed_thousands_of_times_gives_at_most_the_crates_longest_history() {
    let curriculum = curriculum();
    let path = &curriculum.doc(curriculum.ids().next().unwrap()).path;
    let first: NaiveDate = FIRST_DONE.parse().unwrap();
    let mut progress = Progress::default();
    progress.mark(path, first);
    for day in 1..=3000 {
        let record = ReviewRecord {
            date: first + Days::new(day),
            grade: Grade::Good,
            took: None,
        };
        progress.record_review(path, record);
    }
    let items = memory::fit::items(&curriculum, &progress);
    assert_eq!(items.reviews(), memory::fit::MAX_ITEM_REVIEWS - 1);
    let longest = items.items.iter().map(|item| item.reviews.len()).max();
    assert_eq!(longest, Some(memory::fit::MAX_ITEM_REVIEWS));
}
