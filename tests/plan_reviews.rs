//! Reviews in the plan's sittings (`plan --review`): a learner with documents done on known
//! dates gets each review on or after its due date, before new material, within each day's
//! minutes and the weekly cap; without `--review` the plan is the plan of before.

mod common;

use chrono::{Datelike, Days, NaiveDate};
use common::Learner;
use learnpath::memory::{Memory, Retention};
use learnpath::plan::review::Due;
use learnpath::plan::review::balance::window;
use learnpath::plan::{Plan, Planner, Selection, Settings, WeeklyMinutes};
use learnpath::progress::Progress;
use learnpath::{Source, open};
use proptest::prelude::*;
use std::collections::BTreeMap;

const START: &str = "2027-03-01";

fn start() -> NaiveDate {
    START.parse().unwrap()
}

fn after(date: NaiveDate, days: u32) -> NaiveDate {
    date.checked_add_days(Days::new(days.into())).unwrap()
}

/// The plan for role 2's path with the first `done` documents of the curriculum done, each
/// `ago[i]` days before the start, and its reviews' due dates by path.
fn reviewed_plan(ago: &[u64], hours: f64, retention: f64) -> (Plan, BTreeMap<String, Due>) {
    let opened = open(&Source::Embedded).unwrap();
    let curriculum = &opened.curriculum;
    let mut progress = Progress::default();
    for (id, &days) in curriculum.ids().zip(ago) {
        progress.mark(&curriculum.doc(id).path, start() - Days::new(days));
    }
    let role = curriculum.find_role("storage engineer").unwrap();
    let selection = Selection::role(curriculum, role).unwrap();
    let done = progress.done_set(curriculum);
    let retention = Retention::new(retention).unwrap();
    let reviews = Memory::default().plan_reviews(curriculum, &progress, start(), retention, None);
    let due = (reviews.due.iter())
        .map(|due| (curriculum.doc(due.doc).path.clone(), *due))
        .collect();
    let weekly = WeeklyMinutes::from_hours(hours).unwrap();
    let settings = Settings::new(start(), weekly, None, None);
    let planner = Planner::new(curriculum, &opened.graph, selection, &done).with_reviews(reviews);
    (planner.plan(&settings).unwrap(), due)
}

/// No sitting over its day's minutes, no ISO week over the weekly time.
fn assert_within_the_time(plan: &Plan) {
    let mut weeks: BTreeMap<&str, u32> = BTreeMap::new();
    for session in &plan.sessions {
        let items: u32 = session.items.iter().map(|item| item.minutes).sum();
        assert_eq!(items, session.minutes);
        let day = plan.settings.day_capacity(session.date.weekday());
        assert!(session.minutes <= day, "{} over {day}", session.date);
        *weeks.entry(&session.iso_week).or_default() += session.minutes;
    }
    let weekly = plan.settings.weekly_minutes.get();
    assert!(
        weeks.values().all(|&minutes| minutes <= weekly),
        "{weeks:?}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn reviews_come_due_first_and_fit_the_time(
        ago in prop::collection::vec(1u64..60, 0..12),
        half_hours in 4u32..20,
        retention in 0.70f64..0.97,
    ) {
        let (plan, due) = reviewed_plan(&ago, f64::from(half_hours) / 2.0, retention);
        assert_within_the_time(&plan);
        let finish = plan.summary.finish_date.unwrap_or(start());
        // The day each document was last studied or reviewed in the plan.
        let mut last: BTreeMap<&str, NaiveDate> = BTreeMap::new();
        let mut count = 0;
        for session in &plan.sessions {
            // Reviews first, then new material.
            let kinds: Vec<bool> = session.items.iter().map(|item| item.is_review()).collect();
            prop_assert!(kinds.windows(2).all(|pair| pair[0] || !pair[1]), "{kinds:?}");
            for item in session.items.iter().filter(|item| item.is_review()) {
                let item_due = item.due.unwrap();
                prop_assert!(item_due <= session.date, "{} due {item_due}", item.path);
                // Never before the document is studied (or reviewed before): before the plan,
                // or in it.
                match last.get(item.path.as_str()) {
                    Some(&before) => prop_assert!(before < item_due),
                    None => {
                        // Due before the plan: its due date, or a study day of its window.
                        let before = due[&item.path];
                        let days = (before.due - before.last).num_days() as u64;
                        let (earliest, latest) = window(days as u32);
                        let (earliest, latest) = (after(before.last, earliest), after(before.last, latest));
                        prop_assert!(
                            item_due == before.due || (earliest <= item_due && item_due <= latest),
                            "{} due {} moved to {item_due}", item.path, before.due
                        );
                    }
                }
                last.insert(&item.path, session.date);
                count += 1;
            }
            for item in session.items.iter().filter(|item| !item.is_review()) {
                last.insert(&item.path, session.date);
            }
        }
        // Every review due by the finish, even moved as far as its window allows, is placed.
        let latest = |due: &Due| {
            let days = (due.due - due.last).num_days() as u32;
            after(due.last, window(days).1)
        };
        for (path, on) in due.iter().filter(|(_, on)| latest(on) <= finish) {
            prop_assert!(last.contains_key(path.as_str()), "{path} due {on:?} missing");
        }
        prop_assert_eq!(plan.summary.reviews, count);
    }
}

#[test]
fn overdue_reviews_take_the_first_sitting() {
    let (plan, _) = reviewed_plan(&[30, 20, 10], 5.0, 0.9);
    let first = &plan.sessions[0];
    assert_eq!(first.date, start());
    let reviews: Vec<&str> = (first.items.iter())
        .filter(|item| item.is_review())
        .map(|item| item.path.rsplit('/').next().unwrap())
        .collect();
    // The most overdue first.
    assert_eq!(
        reviews,
        [
            "01_the_ring0_problem.md",
            "02_hardware_solution.md",
            "03_vm_exit_basics.md"
        ]
    );
    assert!(
        first
            .items
            .iter()
            .all(|item| !item.is_review() || item.minutes == 5)
    );
    assert!(plan.summary.review_minutes >= 15);
}

#[test]
fn reviews_are_in_the_plan_unless_no_review() {
    let learner = Learner::new();
    let done = ["--today", "2027-02-20", "done", "01_the_ring0_problem"];
    learner.run(&done).code(0);
    let plan = [
        "--today",
        START,
        "plan",
        "--role",
        "storage engineer",
        "--hours",
        "5",
    ];
    let by_default = learner.run(&plan).code(0).stdout;
    let with = learner
        .run(&[&plan[..], &["--review"]].concat())
        .code(0)
        .stdout;
    assert_eq!(by_default, with);
    assert!(with.contains("review: The Ring-0 Problem"), "{with}");
    assert!(with.contains("of the plan's time)"), "{with}");
    let without = learner
        .run(&[&plan[..], &["--no-review"]].concat())
        .code(0)
        .stdout;
    assert!(!without.contains("review"), "{without}");
    assert_ne!(without, with);
}

/// Each document's reviews in the plan, by path: the day it was studied, then each review's.
fn reviews_by_document(plan: &Plan) -> BTreeMap<&str, Vec<NaiveDate>> {
    let mut days: BTreeMap<&str, Vec<NaiveDate>> = BTreeMap::new();
    for session in &plan.sessions {
        for item in &session.items {
            let entry = days.entry(item.path.as_str()).or_default();
            // A document split over sittings counts from its last part.
            if !item.is_review() {
                entry.clear();
            }
            entry.push(session.date);
        }
    }
    days
}

#[test]
fn a_review_brings_the_next_further_out() {
    // An hour a week: the plan runs for months, long enough for several reviews each.
    let (plan, _) = reviewed_plan(&[], 1.0, 0.9);
    let days = reviews_by_document(&plan);
    let reviewed_twice = days.values().filter(|days| days.len() >= 3).count();
    assert!(reviewed_twice >= 5, "{days:?}");
    for (path, days) in &days {
        let gaps: Vec<i64> = days.windows(2).map(|d| (d[1] - d[0]).num_days()).collect();
        assert!(gaps.iter().all(|&gap| gap >= 1), "{path}: {days:?}");
        // Remembered each time, the document comes back later and later.
        assert!(
            gaps.windows(2).all(|g| g[1] > g[0]),
            "{path}: gaps {gaps:?}"
        );
    }
    // No day carries more than twice the mean of the days with reviews.
    let mut per_day: BTreeMap<NaiveDate, u32> = BTreeMap::new();
    for session in &plan.sessions {
        let reviews = session.items.iter().filter(|item| item.is_review()).count();
        if reviews > 0 {
            *per_day.entry(session.date).or_default() += reviews as u32;
        }
    }
    let mean = f64::from(per_day.values().sum::<u32>()) / per_day.len() as f64;
    let busiest = f64::from(*per_day.values().max().unwrap());
    assert!(busiest <= 2.0 * mean, "busiest {busiest}, mean {mean:.2}");
}

#[test]
fn a_review_is_recorded_only_when_everything_it_reads_can_be_read() {
    let learner = Learner::new();
    let today = ["--today", "2027-02-20"];
    learner
        .run(
            &[
                &today[..],
                &["done", "01_the_ring0_problem", "--on", "2027-02-10"],
            ]
            .concat(),
        )
        .code(0);
    let progress = std::fs::read_to_string(learner.path("progress.yaml")).unwrap();
    let profile = learner.path("broken-profile.yaml");
    std::fs::write(&profile, "retention: [\n").unwrap();
    let profile = profile.display().to_string();
    let review = ["review", "01_the_ring0_problem", "--grade", "good"];
    let run = learner.run_with(
        &[&today[..], &review[..]].concat(),
        &[("LEARNPATH_PROFILE", &profile)],
    );
    let run = run.code(65);
    assert!(run.stderr.contains("broken-profile.yaml"), "{}", run.stderr);
    let after = std::fs::read_to_string(learner.path("progress.yaml")).unwrap();
    assert_eq!(after, progress, "nothing is recorded");
}

#[test]
fn a_review_longer_than_any_sitting_takes_a_whole_sitting() {
    let learner = Learner::new();
    let plan = [
        "--today",
        START,
        "plan",
        "--role",
        "storage engineer",
        "--days",
        "mon=30m,wed=30m",
        "--review-minutes",
        "60m",
        "--format",
        "json",
    ];
    let run = learner.run(&plan).code(0);
    let plan: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let items: Vec<&serde_json::Value> = (plan["sessions"].as_array().unwrap().iter())
        .flat_map(|session| session["items"].as_array().unwrap())
        .filter(|item| item["kind"] == "review")
        .collect();
    assert!(!items.is_empty());
    assert!(items.iter().all(|item| item["minutes"] == 30), "{items:?}");
}

#[test]
fn whole_documents_make_room_beside_reviews() {
    let plan = |review: &str| {
        let args = [
            "--no-progress",
            "plan",
            "--role",
            "full stack platform engineer",
            "--hours",
            "3",
            "--whole",
            "--start",
            START,
            review,
            "--format",
            "json",
        ];
        let run = common::learnpath(&args).code(0);
        let plan: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        let finish: NaiveDate = plan["summary"]["finish_date"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap();
        let review_minutes = plan["summary"]["review_minutes"].as_i64().unwrap_or(0);
        ((finish - start()).num_days(), review_minutes)
    };
    let (without, _) = plan("--no-review");
    let (with, reviewing) = plan("--review");
    // What the reviews take, in days of the weekly time, and some slack for whole documents
    // that no longer fit a sitting that holds reviews. (Before, 2x the days without.)
    let reviews_days = reviewing * 7 / 180;
    assert!(
        with <= (without + reviews_days) * 13 / 10,
        "{with} days, against {without} without reviews and {reviews_days} of reviews"
    );
}

#[test]
fn reviews_recorded_this_week_count_against_its_time() {
    let learner = Learner::new();
    let monday = ["--today", START];
    let done = ["done", "01_the_ring0_problem", "--on", "2027-02-20"];
    learner.run(&[&monday[..], &done[..]].concat()).code(0);
    let review = [
        "review",
        "01_the_ring0_problem",
        "--grade",
        "good",
        "--took",
        "15m",
    ];
    for _ in 0..3 {
        learner.run(&[&monday[..], &review[..]].concat()).code(0);
    }
    let plan = [
        "plan",
        "--role",
        "storage engineer",
        "--days",
        "mon=40m,tue=40m",
        "--hours",
        "1",
        "--format",
        "json",
    ];
    let run = learner.run(&[&monday[..], &plan[..]].concat()).code(0);
    assert!(
        run.stderr.contains("45 min already studied this week"),
        "{}",
        run.stderr
    );
    let plan: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let this_week: u64 = (plan["sessions"].as_array().unwrap().iter())
        .filter(|session| session["iso_week"] == "2027-W09")
        .map(|session| session["minutes"].as_u64().unwrap())
        .sum();
    assert!(
        this_week <= 15,
        "{this_week} more minutes in the week of 60"
    );
}

#[test]
fn undo_says_the_reviews_go_with_the_document() {
    let learner = Learner::new();
    let today = ["--today", "2027-02-20"];
    let done = ["done", "01_the_ring0_problem", "--on", "2027-02-10"];
    learner.run(&[&today[..], &done[..]].concat()).code(0);
    for grade in ["good", "hard"] {
        let review = ["review", "01_the_ring0_problem", "--grade", grade];
        learner.run(&[&today[..], &review[..]].concat()).code(0);
    }
    let undo = learner
        .run(&[&today[..], &["undo", "01_the_ring0_problem"]].concat())
        .code(0);
    assert!(
        undo.stdout
            .contains("undone: 01_foundations/01_virtualization_basics/01_the_ring0_problem.md (and its 2 reviews)"),
        "{}",
        undo.stdout
    );
    let progress = std::fs::read_to_string(learner.path("progress.yaml")).unwrap();
    assert!(!progress.contains("review:"), "{progress}");
}

#[test]
fn a_review_on_a_day_to_come_is_recorded_with_a_warning() {
    let learner = Learner::new();
    let today = ["--today", "2027-02-20"];
    let done = ["done", "01_the_ring0_problem", "--on", "2027-02-10"];
    learner.run(&[&today[..], &done[..]].concat()).code(0);
    let review = [
        "review",
        "01_the_ring0_problem",
        "--grade",
        "good",
        "--on",
        "2027-02-25",
    ];
    let run = learner.run(&[&today[..], &review[..]].concat()).code(0);
    assert!(
        run.stderr
            .contains("--on 2027-02-25 is in the future (today is 2027-02-20)"),
        "{}",
        run.stderr
    );
    let progress = std::fs::read_to_string(learner.path("progress.yaml")).unwrap();
    assert!(progress.contains("date: 2027-02-25"), "{progress}");
}
