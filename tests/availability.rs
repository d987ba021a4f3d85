//! The availability model under random curricula and calendars: minutes per weekday, skipped
//! dates and busy days. Each property holds for every case (issue 12's tests).

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike, Weekday};
use learnpath::PrereqGraph;
use learnpath::availability::{Availability, Busy, DateRange, DayBusy};
use learnpath::curriculum::{
    Curriculum, Doc, DocId, Level, OtherPages, Section, SectionId, SpecId, Specialization,
};
use learnpath::plan::settings::{DayMinutes, Week};
use learnpath::plan::{ByDate, DoneSet, Planner, Selection, Settings, StudyDays, WeeklyMinutes};
use proptest::prelude::*;
use std::collections::{BTreeMap, HashMap};

/// A chain-and-fan curriculum of `minutes.len()` documents in one specialization section:
/// document i requires the documents in `links[i]` that come before it.
fn curriculum(minutes: &[u32], links: &[Vec<usize>]) -> Curriculum {
    let docs: Vec<Doc> = minutes
        .iter()
        .enumerate()
        .map(|(i, &minutes)| {
            let mut prerequisites: Vec<DocId> = links[i]
                .iter()
                .filter(|&&p| p < i)
                .map(|&p| DocId(p))
                .collect();
            prerequisites.sort();
            prerequisites.dedup();
            Doc {
                path: format!("s/d{i:03}.md"),
                title: format!("Document {i}"),
                level: Level::Intermediate,
                minutes,
                prerequisite_lines: vec![None; prerequisites.len()],
                prerequisites,
                soft_prerequisites: Vec::new(),
                next_recommended: Vec::new(),
                estimated: false,
                tags: Vec::new(),
                section: Some(SectionId(0)),
            }
        })
        .collect();
    Curriculum {
        name: "random".to_string(),
        id: None,
        manifest_text: None,
        source_url: None,
        origin: "random".to_string(),
        sections: vec![Section {
            id: "1.1".to_string(),
            title: "S".to_string(),
            part: "P".to_string(),
            folders: vec!["s".to_string()],
            claimed_time: None,
            claimed_minutes: None,
            prerequisite_label: None,
            docs: (0..docs.len()).map(DocId).collect(),
            defined_at: None,
        }],
        specializations: vec![Specialization {
            section: SectionId(0),
            when: Vec::new(),
        }],
        roles: Vec::new(),
        docs,
        other_pages: OtherPages::default(),
        table: None,
    }
}

fn date(days_after: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 1).unwrap() + chrono::Duration::days(days_after)
}

fn time(minute: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(minute / 60, minute % 60, 0).unwrap_or(NaiveTime::MIN)
}

/// A random week: minutes for some days (15 min to 4 h), at least one day.
fn arb_week() -> impl Strategy<Value = DayMinutes> {
    prop::collection::vec(prop::option::weighted(0.5, 15u32..=240), 7).prop_map(|days| {
        let mut pairs: Vec<(Weekday, u32)> = days
            .iter()
            .enumerate()
            .filter_map(|(i, m)| m.map(|m| (Weekday::try_from(i as u8).unwrap(), m)))
            .collect();
        if pairs.is_empty() {
            pairs.push((Weekday::Sat, 60));
        }
        DayMinutes::new(pairs).unwrap()
    })
}

/// Random busy days in the first 120 days: all day, or up to three intervals around 19:00.
fn arb_busy() -> impl Strategy<Value = BTreeMap<NaiveDate, DayBusy>> {
    let day = (
        0i64..120,
        prop::bool::weighted(0.2),
        prop::collection::vec((17 * 60u32..23 * 60, 10u32..150), 0..3),
    );
    prop::collection::vec(day, 0..25).prop_map(|days| {
        let mut map = BTreeMap::new();
        for (offset, all_day, spans) in days {
            let mut intervals: Vec<(u32, u32)> = spans
                .into_iter()
                .map(|(from, length)| (from, (from + length).min(24 * 60 - 1)))
                .collect();
            intervals.sort();
            let mut merged: Vec<(u32, u32)> = Vec::new();
            for (from, to) in intervals {
                match merged.last_mut() {
                    Some(last) if from <= last.1 => last.1 = last.1.max(to),
                    _ => merged.push((from, to)),
                }
            }
            map.insert(
                date(offset),
                DayBusy {
                    all_day,
                    intervals: merged
                        .into_iter()
                        .map(|(a, b)| (time(a), time(b)))
                        .collect(),
                    sources: vec!["work.ics".to_string()],
                },
            );
        }
        map
    })
}

fn arb_skips() -> impl Strategy<Value = Vec<DateRange>> {
    prop::collection::vec((0i64..120, 0i64..10), 0..4).prop_map(|ranges| {
        ranges
            .into_iter()
            .map(|(first, length)| DateRange::new(date(first), date(first + length)).unwrap())
            .collect()
    })
}

type Case = (
    Vec<u32>,
    Vec<Vec<usize>>,
    DayMinutes,
    Option<u32>,
    Vec<DateRange>,
    BTreeMap<NaiveDate, DayBusy>,
    i64,
);

fn arb_case() -> impl Strategy<Value = Case> {
    (2usize..25).prop_flat_map(|n| {
        (
            prop::collection::vec(5u32..=200, n),
            prop::collection::vec(prop::collection::vec(0usize..n, 0..3), n),
            arb_week(),
            prop::option::of(1u32..=60), // weekly half hours, else the days' total
            arb_skips(),
            arb_busy(),
            0i64..30,
        )
    })
}

fn planner_for<'a>(
    curriculum: &'a Curriculum,
    graph: &'a PrereqGraph,
    skip: &[DateRange],
    busy: &BTreeMap<NaiveDate, DayBusy>,
) -> Planner<'a> {
    let selection = Selection::specializations(curriculum, vec![SpecId(0)]).unwrap();
    let availability = Availability {
        skip: skip.to_vec(),
        busy: Some(Busy {
            at: time(19 * 60),
            days: busy.clone(),
        }),
    };
    Planner::new(curriculum, graph, selection, &DoneSet::none(curriculum))
        .with_availability(availability)
}

fn minute(time: NaiveTime) -> u32 {
    time.hour() * 60 + time.minute()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    /// No session on a blocked day or over busy time; none over its day's minutes; no ISO
    /// week over the hours; every minute planned; prerequisites first.
    #[test]
    fn plans_respect_the_calendar((minutes, links, week, half_hours, skip, busy, offset) in arb_case()) {
        let curriculum = curriculum(&minutes, &links);
        let graph = PrereqGraph::build(&curriculum).unwrap();
        let weekly = WeeklyMinutes::from_hours(match half_hours {
            Some(half) => f64::from(half) / 2.0,
            None => f64::from(week.total()) / 60.0,
        })
        .unwrap();
        let settings = Settings::for_week(date(offset), weekly, Some(Week::Minutes(week)), None);
        let plan = match planner_for(&curriculum, &graph, &skip, &busy).plan(&settings) {
            Ok(plan) => plan,
            // Nothing fits for years: allowed only when the calendar really leaves no room.
            Err(learnpath::Error::NothingFits { .. }) => return Ok(()),
            Err(error) => return Err(TestCaseError::fail(error.to_string())),
        };
        let mut per_week: HashMap<String, u32> = HashMap::new();
        for session in &plan.sessions {
            prop_assert!(!skip.iter().any(|range| range.contains(session.date)), "{} is skipped", session.date);
            prop_assert!(session.minutes <= settings.day_capacity(session.date.weekday()));
            if let Some(day) = busy.get(&session.date) {
                prop_assert!(!day.all_day);
                let from = 19 * 60 + session.delay_minutes;
                let to = from + session.minutes;
                for (a, b) in &day.intervals {
                    let (a, b) = (minute(*a), minute(*b));
                    prop_assert!(to <= a || from >= b, "{}: {from}-{to} overlaps {a}-{b}", session.date);
                }
            }
            *per_week.entry(session.iso_week.clone()).or_default() += session.minutes;
        }
        for total in per_week.values() {
            prop_assert!(*total <= weekly.get());
        }
        prop_assert_eq!(plan.summary.total_minutes, minutes.iter().sum::<u32>());
        let mut finished: HashMap<String, usize> = HashMap::new();
        for session in &plan.sessions {
            for item in &session.items {
                finished.insert(item.path.clone(), session.number);
            }
        }
        for session in &plan.sessions {
            for item in &session.items {
                for p in &curriculum.doc(item.doc).prerequisites {
                    prop_assert!(finished[&curriculum.doc(*p).path] <= session.number);
                }
            }
        }
    }

    /// `--by` is minimal (half an hour less misses) and more hours never finish later.
    #[test]
    fn by_is_minimal_and_more_hours_never_finish_later(
        (minutes, links, _week, _half, skip, busy, offset) in arb_case(),
        days_bits in 1u8..=127,
        weeks in 1i64..20,
    ) {
        let curriculum = curriculum(&minutes, &links);
        let graph = PrereqGraph::build(&curriculum).unwrap();
        let planner = planner_for(&curriculum, &graph, &skip, &busy);
        let days = StudyDays::from_weekdays(
            (0..7u8).filter(|i| days_bits & (1 << i) != 0).map(|i| Weekday::try_from(i).unwrap()),
        );
        let settings_for = |weekly| Settings::new(date(offset), weekly, days, None);
        let finish = |half: u32| {
            let weekly = WeeklyMinutes::from_hours(f64::from(half) / 2.0).unwrap();
            planner.plan(&settings_for(weekly)).ok().and_then(|plan| plan.summary.finish_date)
        };
        // Monotone wherever both plans cut the documents alike: a document longer than the
        // smaller plan's sittings but not the larger's is split in one and whole in the other,
        // and a whole document can pack later (the rule "never split what fits a sitting").
        let longest = *minutes.iter().max().unwrap();
        for half in [1u32, 3, 8, 20] {
            let weekly = WeeklyMinutes::from_hours(f64::from(half) / 2.0).unwrap();
            if settings_for(weekly).effective_session() < longest {
                continue;
            }
            if let (Some(fewer), Some(more)) = (finish(half), finish(half + 1)) {
                prop_assert!(more <= fewer, "{} h: {fewer}, {} h: {more}", f64::from(half) / 2.0, f64::from(half + 1) / 2.0);
            }
        }
        let by = date(offset + weeks * 7);
        if let Ok(ByDate::Met(plan)) = planner.plan_by(by, settings_for) {
            prop_assert!(plan.summary.finish_date.is_none_or(|finish| finish <= by));
            let half = (plan.settings.weekly_minutes.hours() * 2.0).round() as u32;
            if half > 1 {
                prop_assert!(finish(half - 1).is_none_or(|finish| finish > by), "{} h less would do", 0.5);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Sittings filled (the default): on the same study days, more weekly hours never finish
    /// later. (Days spread for the hours are not the same days: more hours add a day and
    /// shorten every sitting, which can finish a day later.)
    #[test]
    fn filled_sittings_more_hours_never_finish_later(
        (minutes, links, _week, _half, skip, busy, offset) in arb_case(),
        days_bits in 1u8..=127,
    ) {
        let curriculum = curriculum(&minutes, &links);
        let graph = PrereqGraph::build(&curriculum).unwrap();
        let planner = planner_for(&curriculum, &graph, &skip, &busy);
        let days = StudyDays::from_weekdays(
            (0..7u8).filter(|i| days_bits & (1 << i) != 0).map(|i| Weekday::try_from(i).unwrap()),
        );
        let finish = |half: u32| {
            let weekly = WeeklyMinutes::from_hours(f64::from(half) / 2.0).unwrap();
            let settings = Settings::new(date(offset), weekly, days, None);
            planner.plan(&settings).ok().and_then(|plan| plan.summary.finish_date)
        };
        let mut before = None;
        for half in 1u32..=24 {
            let now = finish(half);
            if let (Some(fewer), Some(more)) = (before, now) {
                prop_assert!(more <= fewer, "{} h: {fewer}, {} h: {more}", f64::from(half - 1) / 2.0, f64::from(half) / 2.0);
            }
            before = now.or(before);
        }
    }
}

/// Through the command line: skipped dates get no session, and the plan says what they cost.
#[test]
fn skipped_dates_get_no_session_and_a_note() {
    let output = assert_cmd::Command::cargo_bin("learnpath")
        .unwrap()
        .env(
            "LEARNPATH_PROGRESS",
            "/nonexistent/learnpath-tests/progress.yaml",
        )
        .env("XDG_CONFIG_HOME", "/nonexistent/learnpath-tests/config")
        .env("TZ", "UTC")
        .args([
            "plan",
            "--spec",
            "3.1",
            "--hours",
            "5",
            "--start",
            "2027-01-04",
            "--skip",
            "2027-01-06..2027-01-10,2027-01-13",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    let plan: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let dates: Vec<&str> = plan["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["date"].as_str().unwrap())
        .collect();
    for skipped in ["2027-01-06", "2027-01-09", "2027-01-13"] {
        assert!(!dates.contains(&skipped), "{skipped} in {dates:?}");
    }
    let blocked: Vec<&str> = plan["blocked"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["date"].as_str().unwrap())
        .collect();
    assert_eq!(blocked, ["2027-01-06", "2027-01-09", "2027-01-13"]);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr
            .contains("note: 2 Wednesdays and 1 Saturday skipped (--skip); nothing planned there"),
        "{stderr}"
    );
}
