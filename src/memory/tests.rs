use super::{Memory, Recall, Retention, Review};
use crate::progress::Grade;
use chrono::{Days, NaiveDate};
use fsrs::{FSRS, FSRSItem, FSRSReview, ItemState, NextStates};

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn after(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days)).unwrap()
}

/// The crate's next state for each grade, with the grade.
fn by_grade(next: NextStates) -> [(Grade, ItemState); 4] {
    [
        (Grade::Again, next.again),
        (Grade::Hard, next.hard),
        (Grade::Good, next.good),
        (Grade::Easy, next.easy),
    ]
}

fn recall(history: &[(&str, Grade)], today: &str, retention: Retention) -> Recall {
    let history: Vec<Review> = history
        .iter()
        .map(|&(date, grade)| Review {
            date: day(date),
            grade,
        })
        .collect();
    Memory::default()
        .recall(&history, day(today), retention)
        .unwrap()
}

#[test]
fn a_first_review_is_due_when_the_crate_says() {
    let next = FSRS::default().next_states(None, 0.9, 0).unwrap();
    for (grade, state) in by_grade(next) {
        let memory = recall(&[("2027-03-01", grade)], "2027-03-01", Retention::DEFAULT);
        assert_eq!(memory.stability, state.memory.stability, "{grade}");
        assert_eq!(memory.difficulty, state.memory.difficulty, "{grade}");
        let days = state.interval.round().max(1.0) as u64;
        assert_eq!(memory.due, after(day("2027-03-01"), days), "{grade}");
        assert_eq!(memory.recall, 1.0);
    }
}

#[test]
fn a_later_review_moves_the_due_date_by_its_grade() {
    let fsrs = FSRS::default();
    let read = FSRSReview {
        rating: 3,
        delta_t: 0,
    };
    let first = fsrs
        .memory_state(
            FSRSItem {
                reviews: vec![read],
            },
            None,
        )
        .unwrap();
    let next = fsrs.next_states(Some(first), 0.9, 4).unwrap();
    let mut dues = Vec::new();
    for (grade, state) in by_grade(next) {
        let history = [("2027-03-01", Grade::Good), ("2027-03-05", grade)];
        let memory = recall(&history, "2027-03-05", Retention::DEFAULT);
        let days = state.interval.round().max(1.0) as u64;
        assert_eq!(memory.due, after(day("2027-03-05"), days), "{grade}");
        assert_eq!(memory.last, day("2027-03-05"));
        dues.push(memory.due);
    }
    assert!(dues.windows(2).all(|pair| pair[0] < pair[1]), "{dues:?}");
    // Forgotten, the document comes back within two days.
    assert!(dues[0] <= day("2027-03-07"), "{dues:?}");
}

#[test]
fn recall_falls_with_time_to_the_retention_about_the_due_date() {
    let history = [("2027-03-01", Grade::Good), ("2027-03-04", Grade::Good)];
    let due = recall(&history, "2027-03-04", Retention::DEFAULT).due;
    let recalls: Vec<f32> = (0..40)
        .map(|days| after(day("2027-03-04"), days).to_string())
        .map(|today| recall(&history, &today, Retention::DEFAULT).recall)
        .collect();
    assert_eq!(recalls[0], 1.0);
    assert!(recalls.windows(2).all(|pair| pair[0] > pair[1]));
    let at_due = recall(&history, &due.to_string(), Retention::DEFAULT).recall;
    assert!((at_due - 0.9).abs() < 0.02, "{at_due} on {due}");
    // Aiming higher brings the review sooner.
    let sooner = recall(&history, "2027-03-04", Retention::new(0.95).unwrap()).due;
    let later = recall(&history, "2027-03-04", Retention::new(0.8).unwrap()).due;
    assert!(sooner < due && due < later, "{sooner} {due} {later}");
}

#[test]
fn reviews_count_in_date_order_and_none_means_no_memory() {
    let in_order = [("2027-03-01", Grade::Good), ("2027-03-06", Grade::Again)];
    let reversed = [in_order[1], in_order[0]];
    assert_eq!(
        recall(&in_order, "2027-03-10", Retention::DEFAULT),
        recall(&reversed, "2027-03-10", Retention::DEFAULT)
    );
    let memory = Memory::default();
    assert_eq!(
        memory.recall(&[], day("2027-03-10"), Retention::DEFAULT),
        None
    );
    // Recall on a day before the last review is the recall right after it.
    assert_eq!(
        recall(&in_order, "2027-03-02", Retention::DEFAULT).recall,
        1.0
    );
}
